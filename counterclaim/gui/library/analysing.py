"""Analysing articles in the background: the pipeline runs off the GUI thread, with
progress and cancel, and the article list follows what was stored."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from counterclaim.gui.events import AppEvents
from counterclaim.gui.main_window import MainWindow
from counterclaim.gui.messages import Icon, message_box
from counterclaim.gui.tables import ObjectRole
from counterclaim.gui.tasks import Task, TaskContext, TaskRunner
from counterclaim.services.analysis import AnalysisService


class AnalysisController(QObject):
    """Runs loading, importing and analysis in the background, with progress and cancel."""

    def __init__(
        self, window: MainWindow, runner: TaskRunner, service: AnalysisService, events: AppEvents
    ) -> None:
        super().__init__(window)
        self.window, self.runner, self.service, self.events = window, runner, service, events
        window.cancel_button.clicked.connect(runner.cancel_all)
        window.analyse_action.triggered.connect(self._on_analyse_requested)
        self.current_article: int | None = None

    def start(self) -> Task:
        """First start: put the sample in an empty library; analyse what is pending."""

        def work(context: TaskContext) -> list[int]:
            return self.service.import_sample_if_empty(context) or self.service.analyse_pending(
                context
            )

        return self._run(self.tr("Preparing the library"), work)

    def analyse(self, article_ids: list[int]) -> Task:
        return self._run(
            self.tr("Analysing"), lambda context: self.service.analyse(context, article_ids)
        )

    def _run(self, name: str, work: Callable[[TaskContext], list[int]]) -> Task:
        task = self.runner.submit(name, work)
        self.window.show_busy(name + "…", 0, 0)
        task.progress.connect(self._on_progress)
        task.finished.connect(self._on_finished)
        task.failed.connect(self._on_failed)
        task.cancelled.connect(self._on_cancelled)
        return task

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.window.show_busy(message, done, total)

    def _on_finished(self, article_ids: object) -> None:
        ids = list(article_ids) if isinstance(article_ids, list) else []
        if not ids:
            message = self.tr("Ready")
        elif len(ids) == 1:
            message = self.tr("Ready: 1 article analysed")
        else:
            message = self.tr("Ready: {n} articles analysed").format(n=len(ids))
        self.window.show_idle(message)
        for article_id in ids:
            self.events.analysis_changed.emit(article_id)
        self.events.articles_changed.emit()

    def _on_cancelled(self) -> None:
        self.window.show_idle(self.tr("Cancelled: the articles analysed so far are kept"))
        self.events.articles_changed.emit()

    def _on_failed(self, message: str, details: str) -> None:
        self.window.show_idle(self.tr("Analysis failed: {message}").format(message=message))
        box = message_box(self.window, Icon.Critical, self.tr("Analysis failed"), message)
        box.setDetailedText(details)
        box.open()

    def _on_analyse_requested(self) -> None:
        current = self.window.library_list.currentIndex()
        if current.isValid():
            article = current.data(ObjectRole)
            self.analyse([article.id])
