"""An error nobody caught: one the reviewer can put right is a message; a bug is a dialog
with its details and a button that copies them."""

from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from counterclaim.gui import crash
from counterclaim.store import LibraryError


def raised(error: Exception) -> Exception:
    try:
        raise error
    except Exception as caught:
        return caught


def test_an_error_the_reviewer_can_put_right_is_a_message(qtbot: QtBot) -> None:
    shown = crash.show_error(raised(LibraryError("the library is damaged; open another one")))
    qtbot.addWidget(shown)
    assert isinstance(shown, QMessageBox)
    assert shown.text() == "the library is damaged; open another one"
    assert shown.isVisible()


def test_a_bug_shows_its_details_and_copies_them(qtbot: QtBot) -> None:
    shown = crash.show_error(raised(ZeroDivisionError("division by zero")))
    qtbot.addWidget(shown)
    assert isinstance(shown, crash.CrashDialog)
    assert shown.isVisible()
    details = shown.text.toPlainText()
    assert "Traceback" in details and "ZeroDivisionError: division by zero" in details
    assert "test_crash.py" in details
    shown.copy_button.click()
    assert QGuiApplication.clipboard().text() == details


def test_the_hook_is_installed_and_handed_back(qtbot: QtBot) -> None:
    before = sys.excepthook
    previous = crash.install()
    try:
        assert previous is before and sys.excepthook is not before
    finally:
        sys.excepthook = previous
