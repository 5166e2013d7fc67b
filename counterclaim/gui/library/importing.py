"""Bringing articles in: files and folders (File > Import, drag and drop), and pasted text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from counterclaim.gui.events import AppEvents
from counterclaim.gui.library.analysing import AnalysisController
from counterclaim.gui.main_window import MainWindow
from counterclaim.gui.messages import Icon, message_box
from counterclaim.gui.tasks import Task, TaskContext, TaskRunner
from counterclaim.services.analysis import AnalysisService, ImportReport
from counterclaim.text import visible

_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm *.pdf *.docx);;All files (*)"


class ImportController(QObject):
    """Imports run in the background, one transaction per article: a cancel or a bad
    file never leaves half an article, and every good file is kept."""

    imported = Signal(object)  # the ImportReport

    def __init__(
        self,
        window: MainWindow,
        runner: TaskRunner,
        service: AnalysisService,
        analysis: AnalysisController,
        events: AppEvents,
        max_bytes: int | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.runner, self.service = window, runner, service
        self.analysis, self.events, self.max_bytes = analysis, events, max_bytes
        window.import_action.triggered.connect(self._on_import_files)
        window.import_folder_action.triggered.connect(self._on_import_folder)
        window.paste_action.triggered.connect(self.paste)
        window.files_dropped.connect(self.import_paths)

    def set_max_bytes(self, max_bytes: int) -> None:
        """The size cap from the preferences."""
        self.max_bytes = max_bytes

    def import_paths(self, paths: list[Path]) -> Task:
        def work(context: TaskContext) -> ImportReport:
            return self.service.import_paths(context, list(paths), self.max_bytes)

        task = self.runner.submit(self.tr("Importing"), work)
        self.window.show_busy(self.tr("Importing…"), 0, 0)
        task.progress.connect(
            lambda done, total, message: self.window.show_busy(message, done, total)
        )
        task.finished.connect(self._on_finished)
        task.failed.connect(lambda message, _details: self.tell(message))
        task.cancelled.connect(self._on_cancelled)
        return task

    def paste(self) -> ImportReport:
        """The clipboard's text as a new article."""
        text = QGuiApplication.clipboard().text()
        report = self.service.import_text(text, None, self.max_bytes)
        self._on_finished(report)
        return report

    def tell(self, message: str) -> None:
        """Show the summary, a line of it per line of the box."""
        lines = message.split("\n")
        message_box(self.window, Icon.Information, self.tr("Import"), *lines).open()

    def _on_finished(self, result: object) -> None:
        if not isinstance(result, ImportReport):
            return
        self.events.articles_changed.emit()
        summary = self.summary(result)
        self.window.show_idle(summary.splitlines()[0])
        if (
            result.problems
            or result.duplicates
            or result.other_language
            or result.notes
            or not result.added
        ):
            self.tell(summary)
        if result.added:
            self.analysis.analyse(result.added)
        self.imported.emit(result)

    def summary(self, report: ImportReport) -> str:
        """What happened, in one line, then one line for each file not imported; names and
        titles with their control characters shown as escapes, so each stays one line."""
        from counterclaim.ingest import language_name  # the readers: not needed to open

        lines = [
            self.tr("Imported {n} articles").format(n=len(report.added))
            if len(report.added) != 1
            else self.tr("Imported 1 article")
        ]
        if report.cancelled:
            lines[0] += self.tr("; cancelled, {n} files not read").format(n=report.cancelled)
        for title, language in report.other_language:
            lines.append(
                self.tr(
                    "“{title}” is in {language}, not English: it was imported without statements."
                ).format(title=visible(title), language=language_name(language))
            )
        lines += [visible(note) for note in report.notes]
        if report.duplicates or report.problems:
            lines += ["", self.tr("Not imported:")]
            lines += [f"• {visible(line)}" for line in report.duplicates + report.problems]
        return "\n".join(lines)

    def _on_cancelled(self) -> None:
        self.events.articles_changed.emit()
        self.window.show_idle(self.tr("Import cancelled: the articles read so far are kept"))

    def _on_import_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Import articles"), _documents(), self.tr(_FILTER)
        )
        if files:
            self.import_paths([Path(f) for f in files])

    def _on_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Import every article in a folder"), _documents()
        )
        if folder:
            self.import_paths([Path(folder)])


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
