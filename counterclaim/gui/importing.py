"""Bringing articles in: files and folders (File > Import, drag and drop), pasted text;
and what is known about an article (its details), editable and undoable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from counterclaim.analysis import AnalysisService, ImportReport
from counterclaim.domain import ArticleMeta, Edit
from counterclaim.gui.commands import Editor
from counterclaim.gui.controller import AnalysisController
from counterclaim.gui.events import AppEvents
from counterclaim.gui.main_window import MainWindow
from counterclaim.gui.tasks import Task, TaskContext, TaskRunner
from counterclaim.ingest import language_name
from counterclaim.store import Library

_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm *.pdf *.docx);;All files (*)"
_FIELDS = ("title", "outlet", "author", "published", "source")


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
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Import"), message, parent=self.window
        )
        box.open()

    def _on_finished(self, result: object) -> None:
        if not isinstance(result, ImportReport):
            return
        self.events.articles_changed.emit()
        summary = self.summary(result)
        self.window.show_idle(summary.splitlines()[0])
        if result.problems or result.duplicates or result.other_language or not result.added:
            self.tell(summary)
        if result.added:
            self.analysis.analyse(result.added)
        self.imported.emit(result)

    def summary(self, report: ImportReport) -> str:
        """What happened, in one line, then one line for each file not imported."""
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
                ).format(title=title, language=language_name(language))
            )
        if report.duplicates or report.problems:
            lines += ["", self.tr("Not imported:")]
            lines += [f"• {line}" for line in report.duplicates + report.problems]
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


class DetailsController(QObject):
    """Article > Details: title, outlet, author, date and source, as one undoable edit."""

    def __init__(self, window: MainWindow, library: Library, editor: Editor) -> None:
        super().__init__(window)
        self.window, self.library, self.editor = window, library, editor
        self.article_id: int | None = None
        window.details_action.triggered.connect(self.edit)

    def set_article(self, article_id: int) -> None:
        self.article_id = article_id

    def ask(self, meta: ArticleMeta) -> ArticleMeta | None:
        dialog = ArticleDetailsDialog(meta, self.window)
        try:
            return dialog.meta() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def edit(self) -> bool:
        if self.article_id is None:
            return False
        meta = self.library.article(self.article_id).meta
        changed = self.ask(meta)
        if changed is None:
            return False
        return self.editor.do(
            self.tr("Edit article details"), details_edits(self.article_id, meta, changed)
        )


def details_edits(article_id: int, before: ArticleMeta, after: ArticleMeta) -> list[Edit]:
    target = f"ar{article_id}"
    return [
        Edit(target, name, getattr(before, name), getattr(after, name))
        for name in _FIELDS
        if getattr(before, name) != getattr(after, name)
    ]


class ArticleDetailsDialog(QDialog):
    def __init__(self, meta: ArticleMeta, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleDetails")
        self.setWindowTitle(self.tr("Article details"))
        self._meta = meta
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        labels = {
            "title": self.tr("&Title:"),
            "outlet": self.tr("&Outlet:"),
            "author": self.tr("&Author:"),
            "published": self.tr("&Published (yyyy-mm-dd):"),
            "source": self.tr("&Source (address or file):"),
        }
        for name, label in labels.items():
            field = QLineEdit(getattr(meta, name) or "", self)
            field.setObjectName(f"{name}Field")
            field.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, field)
            self.fields[name] = field
        language = QLabel(meta.language or self.tr("not detected"), self)
        form.addRow(self.tr("Language:"), language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())

    def meta(self) -> ArticleMeta:
        values = {name: " ".join(f.text().split()) or None for name, f in self.fields.items()}
        return ArticleMeta(
            title=values["title"] or self._meta.title,
            outlet=values["outlet"],
            author=values["author"],
            published=values["published"],
            source=values["source"],
            language=self._meta.language,
        )

    def _on_accept(self) -> None:
        if not self.fields["title"].text().strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("An article needs a title."))
            return
        self.accept()


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
