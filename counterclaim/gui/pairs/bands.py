"""Connector bands between the article and its pairs, drawn the way Meld links chunks.

Each band runs from a statement's lines in the article view (left edge) to its pair's
row in the pair table (right edge). An end scrolled out of view is pinned to the top or
bottom edge, with a small arrow pointing where it went.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, replace
from typing import Literal

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QSize,
    Qt,
    SignalInstance,
)
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QTableView, QToolTip, QWidget

EndState = Literal["visible", "above", "below"]

_WIDTH = 56
_FILL_ALPHA = 50
_SELECTED_FILL_ALPHA = 140
# The selected band is painted over its own unselected self (the kept picture, `_picture`):
# this much more makes the two together as strong as _SELECTED_FILL_ALPHA.
_SELECTED_OVER_ALPHA = round(255 - (255 - _SELECTED_FILL_ALPHA) * 255 / (255 - _FILL_ALPHA))
_PINNED = 0.0  # how thick a band is where its end is pinned to an edge: it tapers
_MARKER = 8.0  # size of the arrow at a pinned end
_INF = float("inf")


@dataclass(frozen=True)
class Band:
    row: int  # the pair's row in the table model
    start: int  # Qt document positions of the statement in the article view
    end: int
    colour: str  # "#rrggbb", the side's or the verdict's colour, chosen by the caller
    selected: bool = False


@dataclass(frozen=True)
class BandGeometry:
    """A band as it would be painted now, in the bands widget's own y coordinates."""

    row: int
    left_top: float
    left_bottom: float
    right_top: float
    right_bottom: float
    left_state: EndState
    right_state: EndState
    selected: bool
    colour: str


@dataclass(frozen=True)
class _End:
    top: float
    bottom: float
    state: EndState


class ConnectorBands(QWidget):
    def __init__(
        self, article_view: QPlainTextEdit, table: QTableView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connectorBands")
        self.setAccessibleName(self.tr("Connector bands between the article and its pairs"))
        self.setMinimumWidth(_WIDTH)
        self.setMaximumWidth(_WIDTH)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._article = article_view
        self._table = table
        self._bands: list[Band] = []
        self._model: QAbstractItemModel | None = None
        # Where each band end's line is in the article, kept while the article's layout
        # and scrolling stay as they were (`_layout_now`): a pair selection repaints every
        # band, and measuring each line again walks the text's blocks.
        self._text_ys: dict[tuple[int, int], float] = {}
        self._layout: tuple[object, ...] = ()
        self._shifts: dict[QWidget, int] = {}
        # Every band as unselected, painted once for where the bands are now: a pair key
        # that moves neither view paints only the selected pair's bands over it.
        self._picture = QPixmap()
        self._picture_of: tuple[object, ...] = ()
        self._watch_views()
        self._watch_model()

    def sizeHint(self) -> QSize:
        return QSize(_WIDTH, super().sizeHint().height())

    def set_bands(self, bands: list[Band]) -> None:
        """Replace every band; the selected one is painted last, over the others."""
        self._bands = sorted(bands, key=lambda band: band.selected)
        self._watch_model()
        self.update()

    def geometry_of_bands(self) -> list[BandGeometry]:
        """What would be painted now, in paint order; rows the table lacks or hides are left out."""
        model = self._table.model()
        if model is None:
            return []
        layout = self._layout_now()
        if layout != self._layout:
            self._layout, self._text_ys = layout, {}
        self._shifts = {}  # where each viewport is in our coordinates, found once a pass
        shapes = []
        for band in self._bands:
            if band.row < 0 or band.row >= model.rowCount() or self._table.isRowHidden(band.row):
                continue
            left, right = self._article_end(band), self._table_end(band.row)
            shapes.append(
                BandGeometry(
                    band.row,
                    left.top,
                    left.bottom,
                    right.top,
                    right.bottom,
                    left.state,
                    right.state,
                    band.selected,
                    band.colour,
                )
            )
        return shapes

    # Where the ends are

    def _article_end(self, band: Band) -> _End:
        first, last = band.start, max(band.start, band.end - 1)  # end is one past the last
        return self._end(self._article.viewport(), self._text_y(first, 0), self._text_y(last, 1))

    def _layout_now(self) -> tuple[object, ...]:
        """What the article's lines' places in its viewport depend on."""
        view = self._article
        size = view.document().documentLayout().documentSize()
        return (
            view.document().revision(),
            view.verticalScrollBar().value(),
            view.horizontalScrollBar().value(),
            view.viewport().width(),
            view.viewport().height(),
            size.width(),
            size.height(),
            view.contentOffset().y(),
        )

    def _text_y(self, position: int, edge: int) -> float:
        found = self._text_ys.get((position, edge))
        if found is None:
            found = self._text_ys[(position, edge)] = self._measure_text_y(position, edge)
        return found

    def _measure_text_y(self, position: int, edge: int) -> float:
        """The top (edge 0) or bottom (edge 1) of the line holding position, in the viewport.

        Lines outside the visible blocks are not measured: they are only above or below.
        """
        view = self._article
        document = view.document()
        position = min(max(position, 0), max(document.characterCount() - 1, 0))
        block, first = document.findBlock(position), view.firstVisibleBlock()
        if block.blockNumber() < first.blockNumber():
            return -_INF
        # Only the first visible block has a place in the viewport; the next ones follow it.
        y = view.blockBoundingGeometry(first).translated(view.contentOffset()).top()
        while first.isValid() and first.blockNumber() < block.blockNumber():
            y += view.blockBoundingRect(first).height()
            if y >= view.viewport().height():
                return _INF
            first = first.next()
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        rect = view.cursorRect(cursor)
        return float(rect.top() + edge * rect.height())

    def _table_end(self, row: int) -> _End:
        top = float(self._table.rowViewportPosition(row))
        return self._end(self._table.viewport(), top, top + self._table.rowHeight(row))

    def _end(self, viewport: QWidget, top: float, bottom: float) -> _End:
        """Map a vertical extent in a viewport to ours; pin it to an edge when out of view."""
        shift = self._shifts.get(viewport)
        if shift is None:
            shift = self._shifts[viewport] = self._shift(viewport)
        view_top, view_bottom = float(shift), float(shift + viewport.height())
        height = float(self.height())
        if bottom + shift <= view_top:
            return _End(0.0, min(_PINNED, height), "above")
        if top + shift >= view_bottom:
            return _End(max(height - _PINNED, 0.0), height, "below")
        top = _clamp(max(top + shift, view_top), height)
        bottom = _clamp(min(bottom + shift, view_bottom), height)
        return _End(top, bottom, "visible")

    def _shift(self, viewport: QWidget) -> int:
        return self.mapFromGlobal(viewport.mapToGlobal(QPoint(0, 0))).y()

    # Painting

    def paintEvent(self, _event: QPaintEvent) -> None:
        shapes = self.geometry_of_bands()  # already in paint order
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._picture_for(shapes))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for shape in shapes:
            if shape.selected:
                self._paint_band(painter, shape)
        painter.setPen(Qt.PenStyle.NoPen)
        for (state, x), colour in _arrows(shapes, self.width()).items():
            painter.setBrush(QColor(colour))  # over every band, so none hides another's
            painter.drawPolygon(self._marker(state, x))
        painter.end()

    def _picture_for(self, shapes: list[BandGeometry]) -> QPixmap:
        """The background and every band as unselected, painted again only when a band
        moved, the size or the colours changed."""
        ground = self.palette().color(QPalette.ColorRole.Window)
        unselected = sorted(  # in the rows' order, whichever is selected
            (replace(s, selected=False) if s.selected else s for s in shapes), key=_row
        )
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio, ground.rgba(), *unselected)
        if key != self._picture_of:
            self._picture = QPixmap(self.size() * ratio)
            self._picture.setDevicePixelRatio(ratio)
            self._picture.fill(ground)
            painter = QPainter(self._picture)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            for shape in _worth_painting(unselected):
                self._paint_band(painter, shape)
            painter.end()
            self._picture_of = key
        return self._picture

    def _paint_band(self, painter: QPainter, shape: BandGeometry) -> None:
        colour = QColor(shape.colour)
        fill = QColor(colour)
        fill.setAlpha(_SELECTED_OVER_ALPHA if shape.selected else _FILL_ALPHA)
        top, bottom = self._edges(shape)
        # the outlines, smoothed, cover the fill's edges: the fill needs no smoothing (a third
        # of the time of a smoothed one, looking the same)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillPath(_area(top, bottom), fill)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colour, 2.0 if shape.selected else 1.0))
        painter.drawPath(top)
        painter.drawPath(bottom)

    def _edges(self, shape: BandGeometry) -> tuple[QPainterPath, QPainterPath]:
        """The top edge left to right and the bottom edge right to left, as S-curves."""
        width = float(self.width())
        middle = width / 2
        top = QPainterPath(QPointF(0.0, shape.left_top))
        top.cubicTo(middle, shape.left_top, middle, shape.right_top, width, shape.right_top)
        bottom = QPainterPath(QPointF(width, shape.right_bottom))
        bottom.cubicTo(
            middle, shape.right_bottom, middle, shape.left_bottom, 0.0, shape.left_bottom
        )
        return top, bottom

    def _marker(self, state: EndState, x: float) -> QPolygonF:
        """A triangle at the top or bottom edge, pointing the way the end went."""
        half = _MARKER / 2
        middle = x + half if x < self.width() / 2 else x - half
        if state == "above":
            tip, base = 0.0, _MARKER
        else:
            tip, base = float(self.height()), self.height() - _MARKER
        return QPolygonF(
            [QPointF(middle - half, base), QPointF(middle + half, base), QPointF(middle, tip)]
        )

    # Keeping up with the views

    def _watch_views(self) -> None:
        for view in (self._article, self._table):
            view.verticalScrollBar().valueChanged.connect(self._on_view_changed)
            view.installEventFilter(self)
            view.viewport().installEventFilter(self)
        self._table.verticalHeader().sectionResized.connect(self._on_view_changed)
        document = self._article.document()
        document.contentsChanged.connect(self._on_view_changed)
        document.documentLayout().documentSizeChanged.connect(self._on_view_changed)

    def _watch_model(self) -> None:
        model = self._table.model()
        if model is self._model:
            return
        if self._model is not None:
            with suppress(RuntimeError):  # the old model may be gone already
                for signal in _model_signals(self._model):
                    signal.disconnect(self._on_view_changed)
        self._model = model
        if model is not None:
            for signal in _model_signals(model):
                signal.connect(self._on_view_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.Show):
            self.update()
        return super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self._show_tooltip(event)
            return True
        return super().event(event)

    def _show_tooltip(self, event: QHelpEvent) -> None:
        model = self._table.model()
        point = QPointF(event.pos())
        for shape in reversed(self.geometry_of_bands()):  # the topmost band first
            if model is not None and _area(*self._edges(shape)).contains(point):
                claim = model.index(shape.row, 1).data(Qt.ItemDataRole.DisplayRole)
                QToolTip.showText(event.globalPos(), str(claim or ""), self)
                return
        QToolTip.hideText()

    def _on_view_changed(self, *_: object) -> None:
        self.update()


def _model_signals(model: QAbstractItemModel) -> tuple[SignalInstance, ...]:
    return (
        model.modelReset,
        model.layoutChanged,
        model.rowsInserted,
        model.rowsRemoved,
        model.rowsMoved,
    )


def _row(shape: BandGeometry) -> int:
    return shape.row


def _off_one_edge(shape: BandGeometry) -> bool:
    return shape.left_state == shape.right_state != "visible"


def _worth_painting(shapes: list[BandGeometry]) -> list[BandGeometry]:
    """The bands in view; of those whose two ends are off the same edge (each a line along
    it, all in the same place), the last, which is the one seen."""
    last = {shape.left_state: n for n, shape in enumerate(shapes) if _off_one_edge(shape)}
    keep = set(last.values())
    return [s for n, s in enumerate(shapes) if n in keep or not _off_one_edge(s)]


def _arrows(shapes: list[BandGeometry], width: int) -> dict[tuple[EndState, float], str]:
    """Each pinned end's arrow, by place, in the colour of the last band pinned there (the
    one painted over the others), in the order they are painted."""
    found: dict[tuple[EndState, float], str] = {}
    for shape in shapes:
        for state, x in ((shape.left_state, 1.0), (shape.right_state, width - 1.0)):
            if state != "visible":
                found.pop((state, x), None)
                found[(state, x)] = shape.colour
    return found


def _area(top: QPainterPath, bottom: QPainterPath) -> QPainterPath:
    area = QPainterPath(top)
    area.connectPath(bottom)
    area.closeSubpath()
    return area


def _clamp(y: float, height: float) -> float:
    return min(max(y, 0.0), height)
