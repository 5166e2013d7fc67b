"""Composition root: builds the library, the task runner, the models and the window, and
wires them. No behaviour of its own."""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from counterclaim.gui import crash, opening, read_only, start, team
from counterclaim.gui.commands import Editor
from counterclaim.gui.events import AppEvents
from counterclaim.gui.export.controller import ExportController
from counterclaim.gui.library.analysing import AnalysisController
from counterclaim.gui.library.articles import ArticleListModel
from counterclaim.gui.library.details import DetailsController
from counterclaim.gui.library.importing import ImportController
from counterclaim.gui.main_window import MainWindow
from counterclaim.gui.messages import Icon, message_box
from counterclaim.gui.pairs.linking import LinkController
from counterclaim.gui.pairs.model import PairTableModel
from counterclaim.gui.pairs.review import ReviewController
from counterclaim.gui.pairs.triage import TriageController
from counterclaim.gui.settings.controller import PreferencesController
from counterclaim.gui.settings.preferences import Preferences
from counterclaim.gui.settings.theme import is_dark
from counterclaim.gui.speakers.controller import SpeakerController
from counterclaim.gui.start import Where, application, default_library, shown
from counterclaim.gui.tasks import Task, TaskRunner
from counterclaim.services.analysis import AnalysisService
from counterclaim.store import Library, LibraryError, LibraryLocation, PasswordNeeded
from counterclaim.store.access import PageCheck
from counterclaim.text import visible

__all__ = ["Launcher", "Workbench", "application", "build", "default_library", "run"]


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
    links: LinkController
    speakers: SpeakerController
    preferences: PreferencesController
    settings: QSettings
    importing: ImportController
    details: DetailsController
    exporting: ExportController
    watch: team.EditWatch | None = None  # the other reviewers' actions, read in as made

    def close(self) -> None:
        if self.watch is not None:
            self.watch.timer.stop()
        self.runner.cancel_all()
        self.runner.wait()
        self.review.counting.wait()
        self.analysis.service.close()
        self.window.save_state(self.settings)
        self.library.close()


def about_dialog(window: MainWindow, library: Library, model: str | None) -> None:
    """Help ▸ About, imported when asked for: it reads the installed packages' metadata."""
    from counterclaim.gui.about import AboutDialog

    AboutDialog(window, library.location, model).open()


def build(
    library_path: Where,
    service: AnalysisService | None = None,
    settings: QSettings | None = None,
    open_library: Callable[[Where], object] | None = None,
    checked: PageCheck | None = None,
) -> Workbench:
    """The workbench on the library; `checked` is its file's check for damage, already
    under way (`open_behind`)."""
    settings = settings if settings is not None else QSettings()
    # a new library where there is no file yet; an empty file is asked about (`opening`)
    where = LibraryLocation.parse(library_path)
    sound = checked is not None and checked.passed()
    library = Library.open(
        where, create=where.path is None or not where.path.exists(), check=not sound
    )
    library.checked_now = library.checked_now or (sound and checked is not None and checked.read)
    Preferences(settings).add_recent_library(where.display)  # never with a password
    events = AppEvents()
    articles, pairs = ArticleListModel(), PairTableModel()
    window = MainWindow(articles, pairs, library.search)
    only_read = " (read-only)" if library.read_only else ""
    window.setWindowTitle(f"{shown(library_path)}{only_read} – counterclaim")
    runner = TaskRunner(window)
    service = service or AnalysisService(where, in_child=True)
    service.found_sound()  # just checked, by the opening above
    review = ReviewController(window, library, articles, pairs, events)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        review.set_dark(is_dark(app))
        app.styleHints().colorSchemeChanged.connect(lambda *_: review.set_dark(is_dark(app)))
    analysis = AnalysisController(window, runner, service, events)
    editor = Editor(library, window.undo_stack, events)
    if library.read_only:
        read_only.lock(window)
    else:
        editor.rebuild()
    editor.use_mine = lambda conflict: team.use_mine(window, conflict)
    watch = team.EditWatch(
        library,
        events,
        editor.who,
        window.pair_view.note,
        lambda message: window.statusBar().showMessage(message, 8000),
    )
    triage = TriageController(window, library, pairs, editor)
    watch.reachable = triage.retry_note
    links = LinkController(window, library, pairs, editor)
    speakers = SpeakerController(window, library, editor)
    importing = ImportController(window, runner, service, analysis, events)
    details = DetailsController(window, library, editor)
    exporting = ExportController(
        window.export_action,
        window,
        library,
        lambda: review.article_id,
        lambda: review.selected_link_ids(),
        lambda: review.ratings,
    )
    preferences = PreferencesController(
        window,
        Preferences(settings),
        review.set_ratings,
        open_library or (lambda _path: None),
        importing.set_max_bytes,
    )
    window.about_action.triggered.connect(
        lambda: about_dialog(window, library, service.preferred_model)
    )
    window.log_folder_action.triggered.connect(lambda: crash.open_log_folder(window))
    window.restore_state(settings)
    return Workbench(
        library,
        window,
        runner,
        review,
        analysis,
        triage,
        events,
        editor,
        links,
        speakers,
        preferences,
        settings,
        importing,
        details,
        exporting,
        watch,
    )


def settle_heap() -> None:
    """Collect once and freeze what is alive: the objects of start-up are never scanned
    again, so a full collection cannot stall the window for long while work runs."""
    gc.collect()
    gc.freeze()


class Launcher:
    """Keeps the open library's workbench; opens another library in its place."""

    def __init__(self) -> None:
        self.bench: Workbench | None = None
        self.preparing: Task | None = None
        """The open library's first work: the sample on first start, what is pending."""

    def open(
        self,
        library_path: Where,
        instead_of: QWidget | None = None,
        checked: PageCheck | None = None,
    ) -> bool:
        """Open the library in a new window, in the place of the open one or of
        `instead_of` (the start's frame); False when none could be opened."""
        try:
            bench = build(library_path, open_library=self.open, checked=checked)
        except PasswordNeeded as error:  # for this session only: never kept
            parent = self.bench.window if self.bench else instead_of
            if opening.ask_password(parent, error, shown(library_path)):
                return self.open(library_path, instead_of)
            return False
        except LibraryError as error:  # empty or damaged: ask what to open instead
            parent = self.bench.window if self.bench else instead_of
            try:
                instead = opening.library_instead(parent, error)
            except LibraryError as failure:
                QMessageBox.critical(parent, "counterclaim", visible(str(failure)))
                return False
            return instead is not None and self.open(instead, instead_of)
        old, self.bench = self.bench, bench
        if old is not None:
            bench.window.restoreGeometry(old.window.saveGeometry())
        elif instead_of is not None:  # the start's frame, where the reviewer left the window
            bench.window.setGeometry(instead_of.geometry())
            bench.window.setWindowState(instead_of.windowState())
        if old is not None:
            old.close()
            old.window.hide()
            old.window.deleteLater()
        bench.window.show()
        bench.review.refresh()
        settle_heap()
        self.preparing = bench.analysis.start()
        return True

    def import_files(self, files: Sequence[Path]) -> None:
        """Import the files the program was started with, as a drop would."""
        bench = self.bench
        if bench is None or not files:
            return
        if bench.library.read_only:
            reason = read_only.REASON
            told = bench.window.tr("The files given were not imported. {0}").format(reason)
            message_box(bench.window, Icon.Information, bench.window.tr("Import"), told).open()
            return
        bench.importing.import_paths(list(files))

    def where(self) -> str:
        """Where the open library is (a file's path, or a server's address without its
        password), for a crash report."""
        return visible(str(self.bench.library.location)) if self.bench else ""

    def close(self) -> None:
        if self.bench is not None:
            self.bench.close()


def run(library_path: Where | None = None, files: Sequence[Path] = (), check: bool = False) -> int:
    """Open the window at once; the pipeline loads and the sample is analysed behind it,
    then the files given are imported. `check`: say what the window shows once the
    library is ready, and quit."""
    return start.run(library_path, files, check)
