"""Connector bands: what a fact-checker sees between the article and the pair table."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QImage,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot

from counterclaim.gui.pairs.band_shapes import EndState
from counterclaim.gui.pairs.bands import Band, BandGeometry, ConnectorBands, _area

RED = "#d62728"
CYAN = "#17becf"


@dataclass
class Setup:
    window: QWidget
    article: QPlainTextEdit
    bands: ConnectorBands
    table: QTableView
    model: QStandardItemModel

    def statement(self, first_line: int, last_line: int) -> tuple[int, int]:
        """Document positions spanning whole lines (counted from 0)."""
        document = self.article.document()
        last = document.findBlockByNumber(last_line)
        return document.findBlockByNumber(
            first_line
        ).position(), last.position() + last.length() - 1

    def only(self) -> BandGeometry:
        (shape,) = self.bands.geometry_of_bands()
        return shape

    def image(self) -> QImage:
        return self.bands.grab().toImage()

    def background(self) -> QColor:
        return self.bands.palette().color(QPalette.ColorRole.Window)


@pytest.fixture
def setup(qtbot: QtBot) -> Setup:
    window = QWidget()
    splitter = QSplitter(Qt.Orientation.Horizontal, window)
    article = QPlainTextEdit(splitter)
    article.setReadOnly(True)
    article.setPlainText("\n".join(f"Line {n}: someone said something." for n in range(200)))
    model = QStandardItemModel(0, 2)
    for row in range(5):
        model.appendRow([QStandardItem(f"Speaker {row}"), QStandardItem(f"Claim {row}")])
    table = QTableView(splitter)
    table.setModel(model)
    bands = ConnectorBands(article, table, splitter)
    splitter.addWidget(article)
    splitter.addWidget(bands)
    splitter.addWidget(table)
    QHBoxLayout(window).addWidget(splitter)
    window.resize(720, 420)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return Setup(window, article, bands, table, model)


def rgb(colour: QColor) -> tuple[int, int, int]:
    """What getRgb()[:3] gives (the stubs type getRgb() as a plain object)."""
    return colour.red(), colour.green(), colour.blue()


def distance(a: QColor, b: QColor) -> float:
    return sum((x - y) ** 2 for x, y in zip(rgb(a), rgb(b), strict=True)) ** 0.5


def pixel(image: QImage, x: float, y: float) -> QColor:
    return image.pixelColor(round(x), round(y))


def mapped_cursor_top(setup: Setup, position: int) -> tuple[int, int]:
    cursor = QTextCursor(setup.article.document())
    cursor.setPosition(position)
    rect = setup.article.cursorRect(cursor)
    viewport = setup.article.viewport()
    top = setup.bands.mapFromGlobal(viewport.mapToGlobal(QPoint(0, rect.top()))).y()
    return top, top + rect.height()


def test_a_statement_in_view_is_joined_to_its_row(setup: Setup) -> None:
    start, end = setup.statement(1, 3)
    setup.bands.set_bands([Band(0, start, end, RED)])
    shape = setup.only()
    assert (shape.left_state, shape.right_state) == ("visible", "visible")
    top, bottom = mapped_cursor_top(setup, start)
    assert shape.left_top < bottom and shape.left_bottom > top
    assert shape.left_bottom - shape.left_top >= 2 * (bottom - top)  # three lines, not one
    row_top = setup.table.rowViewportPosition(0)
    row = setup.bands.mapFromGlobal(setup.table.viewport().mapToGlobal(QPoint(0, row_top))).y()
    assert shape.right_top == pytest.approx(row, abs=1)
    assert shape.right_bottom - shape.right_top == pytest.approx(setup.table.rowHeight(0), abs=1)
    middle = (shape.left_top + shape.left_bottom) / 2
    assert distance(pixel(setup.image(), 4, middle), setup.background()) > 10


def test_a_statement_scrolled_away_is_pinned_to_the_top_with_a_marker(setup: Setup) -> None:
    start, end = setup.statement(1, 3)
    setup.bands.set_bands([Band(0, start, end, RED)])
    scroll = setup.article.verticalScrollBar()
    scroll.setValue(scroll.maximum())
    shape = setup.only()
    assert shape.left_state == "above"
    assert shape.right_state == "visible"
    assert shape.left_top == pytest.approx(0, abs=1)
    assert shape.left_bottom <= 4  # thin at the edge
    assert _marker_pixels(setup.image(), top=True), "no marker at the top edge"


def test_a_statement_below_the_view_points_down(setup: Setup) -> None:
    start, end = setup.statement(150, 151)
    setup.bands.set_bands([Band(2, start, end, RED)])
    shape = setup.only()
    assert shape.left_state == "below"
    assert shape.left_bottom == pytest.approx(setup.bands.height(), abs=1)
    assert _marker_pixels(setup.image(), top=False), "no marker at the bottom edge"


def test_the_selected_band_is_drawn_over_the_others(setup: Setup) -> None:
    start, end = setup.statement(2, 5)  # one statement in two pairs: the bands overlap on it
    selected, other = Band(0, start, end, RED, selected=True), Band(4, start, end, CYAN)
    setup.bands.set_bands([selected, other])  # the selected one first: order is the widget's
    shapes = {shape.row: shape for shape in setup.bands.geometry_of_bands()}
    image = setup.image()
    width = setup.bands.width()
    left = shapes[0]
    shared = pixel(image, 5, (left.left_top + left.left_bottom) / 2)
    ground = setup.background()
    alone_selected = pixel(image, width - 6, _middle_right(shapes[0]))
    alone_other = pixel(image, width - 6, _middle_right(shapes[4]))
    over = _composite(QColor(RED), alone_selected, QColor(CYAN), alone_other, ground)
    under = _composite(QColor(CYAN), alone_other, QColor(RED), alone_selected, ground)
    assert distance(shared, over) < distance(shared, under)
    assert distance(shared, QColor(RED)) < distance(shared, QColor(CYAN))


def test_no_bands_paint_nothing(setup: Setup) -> None:
    start, end = setup.statement(1, 3)
    setup.bands.set_bands([Band(0, start, end, RED, selected=True)])
    setup.bands.set_bands([])
    assert setup.bands.geometry_of_bands() == []
    image = setup.image()
    ground = setup.background().rgb()
    others = {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())} - {
        ground
    }
    assert not others


def test_rows_the_table_does_not_have_get_no_band(setup: Setup) -> None:
    start, end = setup.statement(1, 3)
    setup.bands.set_bands([Band(row, start, end, RED) for row in (1, 3, 7)])
    setup.table.setRowHidden(3, True)
    assert [shape.row for shape in setup.bands.geometry_of_bands()] == [1]


def test_scrolling_and_model_changes_repaint(qtbot: QtBot, setup: Setup) -> None:
    start, end = setup.statement(1, 3)
    setup.bands.set_bands([Band(0, start, end, RED)])
    paints = _PaintCounter(setup.bands)
    qtbot.waitUntil(lambda: paints.count > 0)
    before = paints.count
    setup.article.verticalScrollBar().setValue(40)
    qtbot.waitUntil(lambda: paints.count > before)
    before = paints.count
    setup.model.removeRow(4)
    qtbot.waitUntil(lambda: paints.count > before)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen tooltips
def test_hovering_a_band_shows_its_claim(qtbot: QtBot, setup: Setup) -> None:
    start, end = setup.statement(1, 3)
    setup.bands.set_bands([Band(2, start, end, RED)])
    shape = setup.only()
    inside = QPoint(setup.bands.width() - 4, round(_middle_right(shape)))
    hover = QHelpEvent(QEvent.Type.ToolTip, inside, setup.bands.mapToGlobal(inside))
    QApplication.sendEvent(setup.bands, hover)
    qtbot.waitUntil(lambda: QToolTip.text() == "Claim 2")


class _PaintCounter(QObject):
    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)
        widget.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _marker_pixels(image: QImage, top: bool) -> list[QColor]:
    """Red pixels in the arrow's body at the left edge, beside where the band tapers to."""
    rows = range(5, 8) if top else range(image.height() - 8, image.height() - 5)
    pixels = [image.pixelColor(x, y) for x in range(3, 6) for y in rows]
    red = [colour for colour in pixels if distance(colour, QColor(RED)) < 40]
    return red if len(red) >= 4 else []


def _middle_right(shape: BandGeometry) -> float:
    return (shape.right_top + shape.right_bottom) / 2


def _composite(
    top: QColor, top_alone: QColor, bottom: QColor, bottom_alone: QColor, ground: QColor
) -> QColor:
    """The colour of top painted over bottom, from how each looks alone on the background."""
    channels = []
    alpha_top, alpha_bottom = _alpha(top, top_alone, ground), _alpha(bottom, bottom_alone, ground)
    for t, b, g in zip(rgb(top), rgb(bottom), rgb(ground), strict=True):
        under = alpha_bottom * b + (1 - alpha_bottom) * g
        channels.append(round(alpha_top * t + (1 - alpha_top) * under))
    return QColor(*channels)


def _alpha(colour: QColor, alone: QColor, ground: QColor) -> float:
    """How opaque a fill is, from the channel where it differs most from the background."""
    pairs = zip(rgb(colour), rgb(alone), rgb(ground), strict=True)
    c, a, g = max(pairs, key=lambda p: abs(p[0] - p[2]))
    return (a - g) / (c - g)


@pytest.mark.parametrize(
    ("left", "right", "states"),
    [
        ((120.0, 150.0), (40.0, 66.0), ("visible", "visible")),  # rises to its row
        ((300.0, 318.0), (0.0, 0.0), ("visible", "above")),  # tapers to the top corner
        ((10.0, 40.0), (380.0, 380.0), ("visible", "below")),
    ],
)
def test_a_band_fills_the_space_between_its_two_curves(
    setup: Setup,
    left: tuple[float, float],
    right: tuple[float, float],
    states: tuple[EndState, EndState],
) -> None:
    """Filled a column of pixels at a time, a band looks as the area its two curves enclose,
    filled whole, would: the two differ in a few pixels along the outlines at most."""
    bands = setup.bands
    shape = BandGeometry(0, left[0], left[1], right[0], right[1], *states, False, RED)

    def painted(whole: bool) -> QImage:
        image = QImage(bands.size(), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        if whole:  # the area its curves enclose, filled as one path, and the curves
            fill = QColor(RED)
            fill.setAlpha(50)
            painter.fillPath(_area(*bands._edges(shape)), fill)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QColor(RED))
            painter.drawPath(bands._edges(shape)[0])
            painter.drawPath(bands._edges(shape)[1])
        else:
            bands._paint_band(painter, shape)
        painter.end()
        return image

    columns, whole = painted(False), painted(True)
    band = differ = 0
    for x in range(columns.width()):
        for y in range(columns.height()):
            tinted = [distance(i.pixelColor(x, y), QColor("white")) > 10 for i in (columns, whole)]
            band += tinted[1]
            differ += tinted[0] != tinted[1]
    assert band > 300
    assert differ <= band // 50, f"{differ} of {band} pixels differ"
