"""`counterclaim FILE...` (what the desktop's menu entry runs for files opened with it):
the window opens on the library as always, then imports the files as a drop would, and a
bug in the window is reported naming that library and written to the log."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from counterclaim.gui import about, crash
from counterclaim.gui.app import Launcher
from counterclaim.gui.read_only import REASON
from counterclaim.gui.start import application, open_behind, show_frame
from counterclaim.paths import log_folder
from counterclaim.services.analysis import AnalysisService, QuietProgress
from tests.gui.test_importing import ENGLISH
from tests.library_files import fill

if TYPE_CHECKING:
    from counterclaim.nlp.extract import Extractor

MARKDOWN = (
    "# Mayor denies the bridge is closing\n\n"
    'The transport minister said on Friday that "the old bridge will close in May". '
    'The mayor denied it, saying "the bridge is not closing".\n'
)


@pytest.fixture
def library(library_path: Path, extractor: Extractor) -> Path:
    """A library holding the sample, already analysed: the window has nothing to analyse
    when it opens, so what the test waits for is the import of the files given."""
    service = AnalysisService(library_path)
    service.use(extractor)
    service.import_sample_if_empty(QuietProgress())
    service.close()
    return library_path


@pytest.fixture
def hook() -> Iterator[None]:
    before = sys.excepthook
    yield
    sys.excepthook = before


def start(qtbot: QtBot, library: Path, files: list[Path]) -> Launcher:
    """The window as `counterclaim --library LIBRARY FILE...` opens it."""
    application()
    frame = show_frame(library)
    launcher = open_behind(frame, library, files)
    assert launcher is not None and launcher.bench is not None
    qtbot.addWidget(launcher.bench.window)
    return launcher


def listed(launcher: Launcher) -> list[str]:
    assert launcher.bench is not None
    view = launcher.bench.window.library_list
    model = view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


@pytest.mark.usefixtures("hook")
def test_files_given_on_the_command_line_are_imported_and_listed(
    qtbot: QtBot, library: Path, tmp_path: Path
) -> None:
    (tmp_path / "ministers.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "bridge.md").write_text(MARKDOWN, encoding="utf-8")
    launcher = start(qtbot, library, [tmp_path / "ministers.txt", tmp_path / "bridge.md"])
    bench = launcher.bench
    assert bench is not None
    try:
        assert bench.window.isVisible()
        qtbot.waitUntil(lambda: len(listed(launcher)) == 3, timeout=60_000)
        titles = listed(launcher)
        assert "Ministers deny the plan" in titles
        assert "Mayor denies the bridge is closing" in titles
        assert bench.window.library_list.isVisible()
    finally:
        launcher.close()


@pytest.mark.usefixtures("hook")
def test_files_given_for_a_read_only_library_are_not_imported_and_it_says_why(
    qtbot: QtBot, tmp_path: Path
) -> None:
    library = tmp_path / "desk.sqlite"
    fill(library, articles=3)
    library.chmod(0o444)  # no write bit: read-only even for root
    (tmp_path / "ministers.txt").write_text(ENGLISH, encoding="utf-8")
    launcher = start(qtbot, library, [tmp_path / "ministers.txt"])
    bench = launcher.bench
    assert bench is not None
    try:
        [box] = bench.window.findChildren(QMessageBox)
        qtbot.waitUntil(box.isVisible)
        assert box.text() == f"The files given were not imported. {REASON}"
        assert len(listed(launcher)) == 3
    finally:
        launcher.close()
        library.chmod(0o644)


@pytest.mark.qt_no_exception_capture
@pytest.mark.usefixtures("hook")
def test_a_bug_in_the_window_names_the_library_and_is_logged(
    qtbot: QtBot, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    launcher = start(qtbot, library, [])
    bench = launcher.bench
    assert bench is not None

    def broken(*_: object) -> None:
        raise ZeroDivisionError("the about box divided by zero")

    monkeypatch.setattr(about, "AboutDialog", broken)
    try:
        bench.window.about_action.trigger()  # the slot raises; nobody catches it
        dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "crashDialog")
        assert isinstance(dialog, crash.CrashDialog)
        qtbot.waitUntil(dialog.isVisible)
        message = dialog.findChild(QLabel, "crashMessage")
        assert isinstance(message, QLabel)
        assert f"Your library: {library}" in message.text()
        log = log_folder() / "counterclaim.log"
        assert str(log) in message.text()
        written = log.read_text(encoding="utf-8")
        assert "Traceback" in written and "the about box divided by zero" in written
        assert f"Library: {library}" in written
        dialog.close()
    finally:
        launcher.close()
