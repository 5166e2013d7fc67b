"""The window as a test opens it: on a library, with the loaded pipeline shared, shown
and listed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from counterclaim.gui.app import Workbench, application, build
from counterclaim.services.analysis import AnalysisService

if TYPE_CHECKING:
    from counterclaim.nlp.extract import Extractor


def sharing(library_path: Path, extractor: Extractor) -> AnalysisService:
    """A service on the library that uses the pipeline the tests loaded once."""
    service = AnalysisService(library_path)
    service.use(extractor)
    return service


def shown_workbench(
    qtbot: QtBot,
    service: AnalysisService,
    settings: QSettings | None = None,
    size: tuple[int, int] = (1280, 800),
) -> Workbench:
    application()
    library_path = service.library_path
    assert isinstance(library_path, Path)
    workbench = build(library_path, service, settings)
    qtbot.addWidget(workbench.window)
    workbench.window.resize(*size)
    workbench.window.show()
    workbench.review.refresh()
    return workbench
