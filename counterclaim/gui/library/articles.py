"""The library's articles as a list model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    Qt,
)

from counterclaim.domain import (
    Article,
)
from counterclaim.gui.tables import Index, ObjectRole


class ArticleListModel(QAbstractListModel):
    """The articles of the library, newest last."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._articles: list[Article] = []

    def set_articles(self, articles: list[Article]) -> None:
        self.beginResetModel()
        self._articles = list(articles)
        self.endResetModel()

    def article(self, row: int) -> Article:
        return self._articles[row]

    def row_of(self, article_id: int) -> int:
        return next((n for n, a in enumerate(self._articles) if a.id == article_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._articles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._articles):
            return None
        article = self._articles[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return article.title
        if role == Qt.ItemDataRole.ToolTipRole:
            pairs = article.counts.get("pairs", 0)
            state = f"{pairs} pairs to review" if article.analysed else "not analysed yet"
            return f"{article.title}\n{article.meta.published or ''} {state}".strip()
        if role == ObjectRole:
            return article
        return None
