"""Connector bands between the article and its pairs, drawn the way Meld links chunks.

Each band runs from a statement's lines in the article view (left edge) to its pair's
row in the pair table (right edge). An end scrolled out of view is pinned to the top or
bottom edge, with a small arrow pointing where it went.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from typing import NamedTuple

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRectF,
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

from counterclaim.gui.pairs.band_shapes import (
    Band,
    BandGeometry,
    EndState,
    arrows,
    curve_weights,
    in_row_order,
    worth_painting,
)

_WIDTH = 56
_FILL_ALPHA = 50
_SELECTED_FILL_ALPHA = 140
# The selected band is painted over its own unselected self (the kept picture, `_picture`):
# this much more makes the two together as strong as _SELECTED_FILL_ALPHA.
_SELECTED_OVER_ALPHA = round(255 - (255 - _SELECTED_FILL_ALPHA) * 255 / (255 - _FILL_ALPHA))
_PINNED = 0.0  # how thick a band is where its end is pinned to an edge: it tapers
_MARKER = 8.0  # size of the arrow at a pinned end
_INF = float("inf")


class _Frame(NamedTuple):
    """Where a view's viewport is in the bands' own coordinates (its top is at `shift`),
    and how tall the bands are: found once a paint."""

    shift: float
    bottom: float
    height: float


class _End(NamedTuple):
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
        # Where each band end's line is in its paragraph, kept while the article's layout
        # stays as it was (`_layout_now`): a pair selection or a scroll repaints every band,
        # and measuring each line again costs a text cursor each.
        self._text_ys: dict[tuple[int, int], tuple[int, float | None]] = {}
        self._blocks: tuple[int, dict[int, float]] = (0, {})
        self._layout: tuple[object, ...] = ()
        self._frames = (_Frame(0.0, 0.0, 0.0),) * 2  # the article's, the table's
        # Every band as unselected, painted once for where the bands are now: a pair key
        # that moves neither view paints only the selected pair's bands over it.
        self._picture = QPixmap()
        self._picture_of: tuple[object, ...] = ()
        self._weights: tuple[int, list[float]] = (0, [])
        self._inks: dict[tuple[str, bool], tuple[QColor, QPen]] = {}
        self._watch_views()
        self._watch_model()

    def sizeHint(self) -> QSize:
        return QSize(_WIDTH, super().sizeHint().height())

    def set_bands(self, bands: list[Band]) -> None:
        """Replace every band; the selected one is painted last, over the others."""
        self._bands = sorted(bands, key=lambda band: band.selected)
        self._watch_model()
        self.update()

    def select_row(self, row: int) -> None:
        """Make the bands of this row the selected ones (-1: none), the others as they were."""
        self._bands = sorted(
            (
                replace(band, selected=band.row == row)
                if band.selected != (band.row == row)
                else band
                for band in self._bands
            ),
            key=lambda band: band.selected,
        )
        self.update()

    def geometry_of_bands(self) -> list[BandGeometry]:
        """What would be painted now, in paint order; rows the table lacks or hides are left out."""
        model = self._table.model()
        if model is None:
            return []
        layout = self._layout_now()
        if layout != self._layout:
            self._layout, self._text_ys = layout, {}
        self._frames = (self._frame(self._article.viewport()), self._frame(self._table.viewport()))
        self._blocks = self._visible_blocks()
        count = model.rowCount()
        rows: dict[int, _End | None] = {}  # each row's end, found once: a pair has 2 bands
        shapes = []
        for band in self._bands:
            if band.row not in rows:
                shown = 0 <= band.row < count and not self._table.isRowHidden(band.row)
                rows[band.row] = self._table_end(band.row) if shown else None
            right = rows[band.row]
            if right is None:
                continue
            left = self._article_end(band)
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
        return _end(self._frames[0], self._text_y(first, 0), self._text_y(last, 1))

    def _layout_now(self) -> tuple[object, ...]:
        """What the article's lines' places in their paragraphs depend on (not scrolling)."""
        view = self._article
        size = view.document().documentLayout().documentSize()
        return (view.document().revision(), view.viewport().width(), size.width(), size.height())

    def _visible_blocks(self) -> tuple[int, dict[int, float]]:
        """The first visible paragraph's number, and where each visible one's top is in the
        viewport: only the first has a place there, the next ones follow it."""
        view = self._article
        block = view.firstVisibleBlock()
        first = block.blockNumber()
        y = view.blockBoundingGeometry(block).translated(view.contentOffset()).top()
        tops: dict[int, float] = {}
        height = view.viewport().height()
        while block.isValid() and (y < height or not tops):
            tops[block.blockNumber()] = y
            y += view.blockBoundingRect(block).height()
            block = block.next()
        return first, tops

    def _text_y(self, position: int, edge: int) -> float:
        """The top (edge 0) or bottom (edge 1) of the line holding position, in the viewport;
        -inf or inf for a line in a paragraph above or below the view. A line's place in its
        paragraph is measured once while the layout stays: scrolling only moves paragraphs."""
        key = (position, edge)
        found = self._text_ys.get(key)
        if found is None:
            document = self._article.document()
            at = min(max(position, 0), max(document.characterCount() - 1, 0))
            found = (document.findBlock(at).blockNumber(), None)
        number, inside = found
        first, tops = self._blocks
        if number not in tops:
            return -_INF if number < first else _INF
        if inside is None:
            inside = self._measure_text_y(position, edge) - tops[number]
        self._text_ys[key] = (number, inside)
        return tops[number] + inside

    def _measure_text_y(self, position: int, edge: int) -> float:
        """The top or bottom of the line holding position (in a visible paragraph), in the
        viewport."""
        view = self._article
        cursor = QTextCursor(view.document())
        cursor.setPosition(min(max(position, 0), max(view.document().characterCount() - 1, 0)))
        rect = view.cursorRect(cursor)
        return float(rect.top() + edge * rect.height())

    def _table_end(self, row: int) -> _End:
        top = float(self._table.rowViewportPosition(row))
        return _end(self._frames[1], top, top + self._table.rowHeight(row))

    def _frame(self, viewport: QWidget) -> _Frame:
        shift = float(self.mapFromGlobal(viewport.mapToGlobal(QPoint(0, 0))).y())
        return _Frame(shift, shift + viewport.height(), float(self.height()))

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
        for (state, x), colour in arrows(shapes, self.width()).items():
            painter.setBrush(QColor(colour))  # over every band, so none hides another's
            painter.drawPolygon(self._marker(state, x))
        painter.end()

    def _picture_for(self, shapes: list[BandGeometry]) -> QPixmap:
        """The background and every band as unselected, painted again only when a band
        moved, the size or the colours changed."""
        ground = self.palette().color(QPalette.ColorRole.Window)
        unselected = sorted(  # in the rows' order, whichever is selected
            (s._replace(selected=False) if s.selected else s for s in shapes), key=in_row_order
        )
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio, ground.rgba(), *unselected)
        if key != self._picture_of:
            if self._picture.size() != self.size() * ratio:  # else painted over, not made anew
                self._picture = QPixmap(self.size() * ratio)
            self._picture.setDevicePixelRatio(ratio)
            self._picture.fill(ground)
            painter = QPainter(self._picture)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            for shape in worth_painting(unselected):
                self._paint_band(painter, shape)
            painter.end()
            self._picture_of = key
        return self._picture

    def _paint_band(self, painter: QPainter, shape: BandGeometry) -> None:
        fill, outline = self._ink(shape.colour, shape.selected)
        # the outlines, smoothed, cover the fill's edges: the fill needs no smoothing, and
        # filled a column of pixels at a time it takes half the time of the area's path
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRects(self._columns(shape))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top, bottom = self._edges(shape)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(outline)
        painter.drawPath(top)
        painter.drawPath(bottom)

    def _ink(self, colour: str, selected: bool) -> tuple[QColor, QPen]:
        """A band's fill and outline, made once for each colour."""
        key = (colour, selected)
        if key not in self._inks:
            fill = QColor(colour)
            fill.setAlpha(_SELECTED_OVER_ALPHA if selected else _FILL_ALPHA)
            self._inks[key] = (fill, QPen(QColor(colour), 2.0 if selected else 1.0))
        return self._inks[key]

    def _columns(self, shape: BandGeometry) -> list[QRectF]:
        """The band's area as one rectangle per column of pixels, from edge to edge."""
        width = self.width()
        if self._weights[0] != width:
            self._weights = (width, curve_weights(width))
        top, rise = shape.left_top, shape.right_top - shape.left_top
        height = shape.left_bottom - shape.left_top
        grows = shape.right_bottom - shape.right_top - height
        return [
            QRectF(x, top + rise * share, 1.0, height + grows * share)
            for x, share in enumerate(self._weights[1])
        ]

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


def _area(top: QPainterPath, bottom: QPainterPath) -> QPainterPath:
    area = QPainterPath(top)
    area.connectPath(bottom)
    area.closeSubpath()
    return area


def _end(frame: _Frame, top: float, bottom: float) -> _End:
    """Map a vertical extent in a viewport to the bands'; pin it to an edge when out of view."""
    shift, view_bottom, height = frame
    view_top = shift
    if bottom + shift <= view_top:
        return _End(0.0, min(_PINNED, height), "above")
    if top + shift >= view_bottom:
        return _End(max(height - _PINNED, 0.0), height, "below")
    top = _clamp(max(top + shift, view_top), height)
    bottom = _clamp(min(bottom + shift, view_bottom), height)
    return _End(top, bottom, "visible")


def _clamp(y: float, height: float) -> float:
    return min(max(y, 0.0), height)
