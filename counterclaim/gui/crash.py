"""What the window does with an error nobody caught. An error the reviewer can put right
(`CounterclaimError`: a library that can't be used, a file that can't be read) is a
message saying what to do. Anything else is a bug: a dialog says so, says where the
library is, shows the details and copies them for a report; the details also go to a log
file in the user's state folder (`counterclaim.paths.log_folder`, kept to 1 MB and five
older files), which Help > Open Log Folder opens. The window stays open, and every review
made so far is already stored."""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from counterclaim.errors import CounterclaimError
from counterclaim.gui.messages import Icon, message_box
from counterclaim.paths import log_folder
from counterclaim.text import visible

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]
Where = Callable[[], str]
"""Where the open library is, asked when a bug happens (another may have been opened)."""

LOG_FILE = "counterclaim.log"
LOG_BYTES = 1024 * 1024
LOG_BACKUPS = 5


class CrashDialog(QDialog):
    """A bug: what happened, that nothing was lost and where it is kept, and the details
    to send."""

    def __init__(
        self,
        details: str,
        library: str = "",
        log: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("counterclaim hit a bug"))
        self.details = details
        self.message = QLabel(self._message(library, log))
        self.message.setObjectName("crashMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # a path is a path, not markup
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setWordWrap(True)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(720, 440)

    def _message(self, library: str, log: Path | None) -> str:
        lines = [
            self.tr(
                "Something went wrong inside counterclaim: this is a bug, not something you "
                "did. Your reviews are stored as you make them, so nothing you confirmed, "
                "rejected or wrote is lost."
            )
        ]
        if library:
            lines.append(self.tr("Your library: {0}").format(visible(library)))
        if log is not None:
            lines.append(self.tr("These details were also written to {0}").format(log))
        else:
            lines.append(self.tr("These details could not be written to the log folder."))
        lines.append(
            self.tr(
                "Copy the details and send them with a word on what you were doing. You can "
                "go on working; if the window misbehaves, close it and open it again."
            )
        )
        return "\n\n".join(lines)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


def describe(error: BaseException, library: str = "") -> str:
    """The details of a bug for a report: when, what ran, where the library is, and the
    traceback."""
    try:
        ours = version("counterclaim")
    except PackageNotFoundError:
        ours = "unknown (not installed)"
    header = [
        f"counterclaim {ours} at {datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"Python {platform.python_version()}, PySide6 {pyside_version}, {platform.platform()}",
    ]
    if library:
        header.append(f"Library: {visible(library)}")
    trace = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return "\n".join(header) + "\n\n" + trace


def write_log(details: str) -> Path | None:
    """Add the details to the log file (a new one after 1 MB, five older ones kept); its
    path, or None when it could not be written (the dialog still shows them)."""
    path = log_folder() / LOG_FILE
    logger = logging.getLogger("counterclaim.crash")
    logger.propagate = False  # a bug is printed once, by the hook, not again by logging
    logger.setLevel(logging.ERROR)
    handlers = [h for h in logger.handlers if isinstance(h, RotatingFileHandler)]
    if not handlers or Path(handlers[0].baseFilename) != path:
        for old in handlers:
            logger.removeHandler(old)
            old.close()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = RotatingFileHandler(
                path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
            )
        except OSError:
            return None
        handler.setFormatter(logging.Formatter("%(message)s\n"))
        logger.addHandler(handler)
    logger.error(details)
    return path


def show_error(error: BaseException, parent: QWidget | None = None, library: str = "") -> QDialog:
    """The dialog for an error that reached the event loop, opened without blocking; a bug
    is also written to the log."""
    if isinstance(error, CounterclaimError):
        box = message_box(parent, Icon.Warning, "counterclaim", str(error))
        box.open()
        return box
    details = describe(error, library)
    dialog = CrashDialog(details, library, write_log(details), parent)
    dialog.open()
    return dialog


def install(library: Where = lambda: "") -> Hook:
    """Route uncaught errors to `show_error`, naming the library `library()` says is open;
    returns the hook it replaced."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if not isinstance(error, CounterclaimError):
            previous(kind, error, tb)  # a bug is also printed, for whoever started us
        dialog = show_error(error.with_traceback(tb), _window(), library())
        _shown.add(dialog)  # kept until closed, also with no window to belong to
        dialog.finished.connect(lambda _result: _shown.discard(dialog))

    sys.excepthook = hook
    return previous


_shown: set[QDialog] = set()


def _window() -> QWidget | None:
    """The window a bug's dialog belongs to: the active one, else the visible main window
    (a timer's or a task's error comes while the reviewer is in another program)."""
    active = QApplication.activeWindow()
    if active is not None:
        return active
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)]
    return next((w for w in shown if w.isVisible()), None)


def open_log_folder(parent: QWidget | None = None) -> bool:
    """Help > Open Log Folder: the folder in the file manager (made first if no bug was
    written yet); where no file manager answers, a message says where it is."""
    folder = log_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        told = f"The log folder {folder} could not be made: {error.strerror or error}"
        message_box(parent, Icon.Warning, "counterclaim", told).open()
        return False
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    told = f"No file manager opened the log folder. It is {folder}"
    message_box(parent, Icon.Information, "counterclaim", told).open()
    return False
