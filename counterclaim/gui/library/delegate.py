"""How the library list draws an article: its title on one or two lines (the rest cut
with "…"), and under it a muted line of where it is from, its date and its review (in a
narrow list, the review stays and what comes before it goes)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QIcon, QPainter, QPalette, QTextLayout
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from counterclaim.gui.library.articles import DetailPartsRole
from counterclaim.gui.tables import Index

# what an article's size in the list depends on: its title (on one line or two) and its icon
_SIZED_BY = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.SizeHintRole,
    }
)
_PAD = 4  # around the text, in pixels
_TITLE_LINES = 2
_ICON = 16


def title_lines(title: str, metrics: QFontMetrics, width: int) -> list[str]:
    """The title as it is drawn in `width`: at most two lines, the second cut with "…"."""
    layout = QTextLayout(title)
    layout.beginLayout()
    lines: list[tuple[int, int]] = []
    while len(lines) < _TITLE_LINES:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append((line.textStart(), line.textLength()))
    layout.endLayout()
    if not lines:
        return [""]
    shown = [title[start : start + length].rstrip() for start, length in lines[:-1]]
    rest = title[lines[-1][0] :].strip()
    return [*shown, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)]


def fitted(parts: list[str], metrics: QFontMetrics, width: int) -> str:
    """The detail line's parts that fit in `width`, the first ones left out before the
    last (how many pairs are left to review); the last cut with "…" if even it is too
    long alone. The whole line is in the item's tooltip."""
    for first in range(len(parts)):
        line = " · ".join(parts[first:])
        if metrics.horizontalAdvance(line) <= width:
            return line
    return metrics.elidedText(parts[-1] if parts else "", Qt.TextElideMode.ElideRight, width)


class ArticleDelegate(QStyledItemDelegate):
    """An article's title and its muted detail line (`DetailRole`)."""

    def _text_width(self, option: QStyleOptionViewItem, index: Index) -> int:
        view = option.widget  # the view, which every item's option names
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else 0
        width = width or option.rect.width()
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        return max(40, width - 2 * _PAD - (_ICON + _PAD if isinstance(icon, QIcon) else 0))

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """One line of title when it fits on one, else two; then the detail line. Only
        measured (no line breaking): a library of thousands is sized in batches."""
        metrics = QFontMetrics(option.font)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        width = self._text_width(option, index)
        lines = 1 if metrics.horizontalAdvance(title) <= width else _TITLE_LINES
        return QSize(width, (lines + 1) * metrics.lineSpacing() + 2 * _PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        item.icon = QIcon()
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        rect: QRect = option.rect
        metrics = QFontMetrics(option.font)
        left = rect.left() + _PAD
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(icon, QIcon):
            icon.paint(painter, QRect(left, rect.top() + _PAD, _ICON, _ICON))
            left += _ICON + _PAD
        width = self._text_width(option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        text = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setFont(option.font)
        painter.setPen(palette.color(text))
        y = rect.top() + _PAD + metrics.ascent()
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        for line in title_lines(title, metrics, width):
            painter.drawText(QPoint(left, y), line)
            y += metrics.lineSpacing()
        muted = (
            palette.color(text) if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        )
        painter.setPen(muted)
        painter.drawText(QPoint(left, y), fitted(index.data(DetailPartsRole) or [], metrics, width))
        painter.restore()


class LibraryList(QListView):
    """The library's articles, laid out a screenful at a time (a library of thousands is
    not measured whole before its first paint)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(ArticleDelegate(self))
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(50)
        self.setSpacing(2)

    def dataChanged(self, top_left: Index, bottom_right: Index, roles: Sequence[int] = ()) -> None:
        """A change that cannot change an article's size (its muted line: the counts come
        in, a pair was reviewed) is painted; QListView would measure every article of the
        list again, in 10,000 articles 200 batches of the window's time."""
        if roles and not _SIZED_BY.intersection(roles):
            QAbstractItemView.dataChanged(self, top_left, bottom_right, list(roles))
        else:
            super().dataChanged(top_left, bottom_right, list(roles))
