"""An error nobody caught: one the reviewer can put right is a message; a bug is a dialog
with its details and a button that copies them."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from counterclaim.gui import crash
from counterclaim.gui.app import application, build
from counterclaim.services.analysis import AnalysisService
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


def test_help_open_log_folder_opens_the_folder_bugs_are_written_to(
    qtbot: QtBot, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    application()
    bench = build(library_path, AnalysisService(library_path))
    qtbot.addWidget(bench.window)
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(crash.QDesktopServices, "openUrl", open_url)
    try:
        help_menu = bench.window.menuBar().actions()[-1].menu()
        assert isinstance(help_menu, QMenu) and help_menu.title() == "&Help"
        assert bench.window.log_folder_action in help_menu.actions()
        bench.window.log_folder_action.trigger()
        state = Path(os.environ["XDG_STATE_HOME"])
        assert opened == [QUrl.fromLocalFile(str(state / "counterclaim" / "logs"))]
        assert (state / "counterclaim" / "logs").is_dir()  # there to open before any bug
        written = crash.write_log("a bug's details")
        assert written is not None and written.parent == state / "counterclaim" / "logs"
    finally:
        bench.close()


def test_the_log_keeps_the_newest_bugs_in_six_files_at_most(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(crash, "LOG_BYTES", 2_000)
    for n in range(20):
        written = crash.write_log(f"bug {n}\n" + "Traceback line\n" * 60)
    assert written is not None
    logs = sorted(p.name for p in written.parent.iterdir())
    assert logs == ["counterclaim.log"] + [f"counterclaim.log.{n}" for n in range(1, 6)]
    assert "bug 19" in written.read_text(encoding="utf-8")
    assert all(p.stat().st_size <= 2_000 for p in written.parent.iterdir())
