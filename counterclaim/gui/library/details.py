"""Article > Details: title, outlet, author, date, place and source, editable and undoable."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from counterclaim.domain import ArticleMeta
from counterclaim.gui.commands import Editor
from counterclaim.gui.main_window import MainWindow
from counterclaim.services.review import details_edits
from counterclaim.store import Library


class DetailsController(QObject):
    """Article > Details: title, outlet, author, date, place and source, as one undoable
    edit."""

    def __init__(self, window: MainWindow, library: Library, editor: Editor) -> None:
        super().__init__(window)
        self.window, self.library, self.editor = window, library, editor
        self.article_id: int | None = None
        window.details_action.triggered.connect(self.edit)
        editor.events.article_shown.connect(self.set_article)

    def set_article(self, article_id: int, *_shown: object) -> None:
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
            "place": self.tr("P&lace (dateline):"),
            "source": self.tr("&Source (address or file):"),
        }
        for name, label in labels.items():
            field = QLineEdit(getattr(meta, name) or "", self)
            field.setCursorPosition(0)  # a long title shows its start, not its end
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
            place=values["place"],
        )

    def _on_accept(self) -> None:
        if not self.fields["title"].text().strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("An article needs a title."))
            return
        self.accept()
