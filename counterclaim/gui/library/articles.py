"""The library's articles as a list model: per article its title, and a second line with
its outlet (or source), its date and how many pairs are left to review."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QStyle

from counterclaim.domain import ArticleEntry
from counterclaim.gui.tables import Index, ObjectRole
from counterclaim.text import shorten, visible

DetailRole = Qt.ItemDataRole.UserRole + 2
"""The muted line under an article's title: "BBC · 2024-03-01 · 3 pairs to review"."""
DetailPartsRole = Qt.ItemDataRole.UserRole + 3
"""The same line's parts, for a list too narrow for all of them: the last one matters most."""


def where_from(article: ArticleEntry) -> str | None:
    """The outlet; else the web site (or the file's name) the article came from."""
    if article.outlet:
        return article.outlet
    if not article.source:
        return None
    parts = urlsplit(article.source)
    if parts.scheme in ("http", "https") and parts.hostname:
        return parts.hostname.removeprefix("www.")
    return PurePath(article.source).name or None


def to_review(count: int) -> str:
    return f"{count} pair to review" if count == 1 else f"{count} pairs to review"


def detail(article: ArticleEntry) -> str:
    return " · ".join(detail_parts(article))


def detail_parts(article: ArticleEntry) -> list[str]:
    """What the muted second line says: where from, when, and where its review stands."""
    if not article.analysed and article.analysis_error is not None:
        state = f"not analysed: {shorten(article.analysis_error, 90)}"
    elif not article.analysed:
        state = "not analysed yet"
    elif not article.counted:
        state = "counting pairs…"
    elif article.to_review:
        state = to_review(article.to_review)
    else:
        state = "nothing left to review" if article.pairs else "no pairs to review"
    known = [where_from(article), article.published]
    return [visible(part) for part in (*known, state) if part]


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

    def update_articles(self, articles: list[ArticleEntry]) -> None:
        """These articles as they are now (a pair of theirs was reviewed), in their rows."""
        for article in articles:
            row = self._rows.get(article.id, -1)
            if row >= 0:
                self._articles[row] = article
                self.dataChanged.emit(self.index(row), self.index(row))  # its title may change

    def add_counts(self, articles: list[ArticleEntry]) -> bool:
        """The same articles, counted (`Library.article_list`): shown in their rows with
        one signal. False, and nothing changed, when the list has changed since."""
        if [a.id for a in articles] != [a.id for a in self._articles]:
            return False
        self._articles = list(articles)
        if articles:
            counts = [DetailRole, DetailPartsRole, Qt.ItemDataRole.ToolTipRole]  # not the title
            self.dataChanged.emit(self.index(0), self.index(len(articles) - 1), counts)
        return True

    @staticmethod
    def _tooltip(article: ArticleEntry) -> str:
        title = visible(article.title)
        if not article.analysed and article.analysis_error is not None:
            state = (
                f"not analysed: {visible(article.analysis_error)}\n"
                "Retry Analysis (right button, or Ctrl+R) tries again"
            )
            return f"{title}\n{state}"
        return f"{title}\n{detail(article)}"

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
            return visible(article.title)
        if role == DetailRole:
            return detail(article)
        if role == DetailPartsRole:
            return detail_parts(article)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(article)
        if role == Qt.ItemDataRole.DecorationRole and failed:
            style = QApplication.style()
            return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == ObjectRole:
            return article
        return None
