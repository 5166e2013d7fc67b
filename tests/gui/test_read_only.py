"""A library the reviewer may only read opens with every change turned off, each saying
why, and the reviewer can still read, search and export it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from counterclaim.gui.app import application, build
from counterclaim.gui.read_only import REASON
from counterclaim.services.analysis import AnalysisService
from counterclaim.store import Library
from tests.library_files import fill


def test_a_read_only_library_turns_every_change_off_and_says_why(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "desk.sqlite"
    fill(path, articles=3)
    path.chmod(0o444)  # no write bit: read-only even for root
    application()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    bench = build(path, AnalysisService(path), settings)
    qtbot.addWidget(bench.window)
    try:
        window = bench.window
        window.show()
        bench.review.refresh()
        assert bench.library.read_only
        assert window.windowTitle() == "desk.sqlite (read-only) – counterclaim"
        assert bench.review.pairs.rowCount() == 1  # the article and its pair are shown
        for action in (window.confirm_action, window.import_action, window.link_action):
            assert not action.isEnabled()
            assert action.toolTip() == REASON
        assert not window.pair_view.verdict.isEnabled()
        assert not window.speaker_panel.rename_action.isEnabled()
        (sign,) = window.statusBar().findChildren(QLabel, "readOnly")
        assert sign.text() == "Read-only" and sign.toolTip() == REASON
        window.confirm_action.trigger()  # a disabled action does nothing
        assert window.search_action.isEnabled() and window.export_action.isEnabled()
    finally:
        bench.close()
        path.chmod(0o644)
    with Library.open(path) as library:
        assert library.history() == []  # nothing was changed
