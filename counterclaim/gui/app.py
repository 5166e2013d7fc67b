"""Composition root: builds the library, the task runner, the models and the window, and
wires them. No behaviour of its own."""

from __future__ import annotations

import gc
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox

from counterclaim.analysis import AnalysisService
from counterclaim.gui.commands import Editor
from counterclaim.gui.controller import AnalysisController, ReviewController
from counterclaim.gui.events import AppEvents
from counterclaim.gui.main_window import MainWindow
from counterclaim.gui.models import ArticleListModel, PairTableModel
from counterclaim.gui.tasks import TaskRunner
from counterclaim.gui.triage import TriageController
from counterclaim.paths import APP_NAME, LIBRARY_FILE, ORGANISATION
from counterclaim.store import Library, LibraryError


@dataclass
class Workbench:
    """Everything one open library needs, kept alive together."""

    library: Library
    window: MainWindow
    runner: TaskRunner
    review: ReviewController
    analysis: AnalysisController
    triage: TriageController
    events: AppEvents
    editor: Editor

    def close(self) -> None:
        self.runner.cancel_all()
        self.runner.wait()
        self.analysis.service.close()
        self.window.save_state(QSettings())
        self.library.close()


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("counterclaim")
    return app


def default_library() -> Path:
    """The library in the user's data folder (QStandardPaths.AppDataLocation)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / LIBRARY_FILE


def build(library_path: Path, service: AnalysisService | None = None) -> Workbench:
    library = Library.open(library_path)
    events = AppEvents()
    articles, pairs = ArticleListModel(), PairTableModel()
    window = MainWindow(articles, pairs)
    runner = TaskRunner(window)
    service = service or AnalysisService(library_path, in_child=True)
    review = ReviewController(window, library, articles, pairs, events)
    analysis = AnalysisController(window, runner, service, events)
    editor = Editor(library, window.undo_stack)
    editor.rebuild()
    triage = TriageController(window, library, pairs, editor)
    triage.reviewed.connect(review.update_heading)
    editor.changed.connect(review.on_edited)
    editor.failed.connect(review.on_edit_failed)
    window.restore_state(QSettings())
    return Workbench(library, window, runner, review, analysis, triage, events, editor)


def settle_heap() -> None:
    """Collect once and freeze what is alive: the objects of start-up are never scanned
    again, so a full collection cannot stall the window for long while work runs."""
    gc.collect()
    gc.freeze()


def run(library_path: Path | None = None) -> int:
    """Open the window at once; the pipeline loads and the sample is analysed behind it."""
    app = application()
    try:
        bench = build(library_path or default_library())
    except LibraryError as error:
        QMessageBox.critical(None, "counterclaim", str(error))
        return 1
    bench.window.show()
    bench.review.refresh()
    settle_heap()
    bench.analysis.start()
    app.aboutToQuit.connect(bench.close)
    return app.exec()
