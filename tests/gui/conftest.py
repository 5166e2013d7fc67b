"""A workbench on a fresh library with the sample analysed, for tests that review it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from counterclaim.gui.app import Workbench, application, build
from counterclaim.services.analysis import AnalysisService

if TYPE_CHECKING:
    from counterclaim.nlp.extract import Extractor


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def reviewing(
    qtbot: QtBot, library_path: Path, extractor: Extractor, settings: QSettings
) -> Iterator[Workbench]:
    """The window on the analysed sample, the first pair selected, focus in the pairs."""
    application()
    service = AnalysisService(library_path)
    service.use(extractor)
    workbench = build(library_path, service, settings)
    qtbot.addWidget(workbench.window)
    workbench.window.resize(1500, 900)
    workbench.window.show()
    workbench.review.refresh()
    with qtbot.waitSignal(workbench.events.analysis_changed, timeout=60_000):
        workbench.analysis.start()
    qtbot.waitUntil(lambda: not workbench.window.progress.isVisible(), timeout=60_000)
    workbench.window.pair_table.setFocus()
    yield workbench
    workbench.close()
