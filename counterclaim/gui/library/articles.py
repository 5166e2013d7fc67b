"""The library's articles as a list model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QStyle

from counterclaim.domain import ArticleEntry
from counterclaim.gui.tables import Index, ObjectRole
from counterclaim.text import shorten, visible


class ArticleListModel(QAbstractListModel):
    """The articles of the library, newest last: their titles and counts, not their texts."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._articles: list[ArticleEntry] = []
        self._rows: dict[int, int] = {}  # article id -> row

    def set_articles(self, articles: list[ArticleEntry]) -> None:
        self.beginResetModel()
        self._articles = list(articles)
        self._rows = {article.id: row for row, article in enumerate(self._articles)}
        self.endResetModel()

    @staticmethod
    def _tooltip(article: ArticleEntry) -> str:
        title = visible(article.title)
        if article.analysed:
            state = f"{article.pairs} pairs to review"
        elif article.analysis_error is not None:
            state = (
                f"not analysed: {visible(article.analysis_error)}\n"
                "Retry Analysis (right button, or Ctrl+R) tries again"
            )
        else:
            state = "not analysed yet"
        return f"{title}\n{article.published or ''} {state}".strip()

    def article(self, row: int) -> ArticleEntry:
        return self._articles[row]

    def row_of(self, article_id: int) -> int:
        return self._rows.get(article_id, -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._articles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._articles):
            return None
        article = self._articles[index.row()]
        failed = not article.analysed and article.analysis_error is not None
        if role == Qt.ItemDataRole.DisplayRole:
            title = visible(article.title)
            if failed:
                return f"{title}\nnot analysed: {shorten(article.analysis_error or '', 90)}"
            return title
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(article)
        if role == Qt.ItemDataRole.DecorationRole and failed:
            style = QApplication.style()
            return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == ObjectRole:
            return article
        return None
