"""What the window does with an error nobody caught. An error the reviewer can put right
(`CounterclaimError`: a library that can't be used, a file that can't be read) is a
message saying what to do. Anything else is a bug: a dialog says so, shows the details
and copies them for a report; the window stays open, and every review made so far is
already stored."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from counterclaim.errors import CounterclaimError
from counterclaim.gui.messages import Icon, message_box

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


class CrashDialog(QDialog):
    """A bug: what happened, that nothing was lost, and the details to send."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("counterclaim hit a bug"))
        self.details = details
        message = QLabel(
            self.tr(
                "Something went wrong inside counterclaim. Your reviews are stored as you "
                "make them, so nothing you confirmed, rejected or wrote is lost. Copy the "
                "details below and send them with a word on what you were doing."
            )
        )
        message.setWordWrap(True)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 400)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


def show_error(error: BaseException, parent: QWidget | None = None) -> QDialog:
    """The dialog for an error that reached the event loop, opened without blocking."""
    if isinstance(error, CounterclaimError):
        box = message_box(parent, Icon.Warning, "counterclaim", str(error))
        box.open()
        return box
    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    dialog = CrashDialog(details, parent)
    dialog.open()
    return dialog


def install() -> Hook:
    """Route uncaught errors to `show_error`; returns the hook it replaced."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if not isinstance(error, CounterclaimError):
            previous(kind, error, tb)  # a bug is also printed, for whoever started us
        show_error(error.with_traceback(tb), QApplication.activeWindow())

    sys.excepthook = hook
    return previous
