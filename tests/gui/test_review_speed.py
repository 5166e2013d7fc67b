"""Reviewing a long article: what a reviewer sees stays the same while each key, filter
change and paint does less work (the figures are in `make bench`)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPolygonF, QTextCursor
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from counterclaim.domain import LinkStatus, Statement
from counterclaim.gui.app import Workbench
from counterclaim.gui.pairs.bands import BandGeometry, EndState
from tests.large import open_workbench, store_large_article


@pytest.fixture
def long_article(qtbot: QtBot, library_path: Path, tmp_path: Path) -> Workbench:
    """The window on an article of 180 statements (90 pairs), the first pair selected."""
    article_id, _pairs = store_large_article(library_path, statements=180)
    bench = open_workbench(qtbot, library_path, tmp_path / "settings.ini")
    bench.review.show_article(article_id)
    return bench


def shown_colour(bench: Workbench, start: int, end: int) -> str:
    """The colour most of the text's line shows between two document positions."""
    view = bench.window.article_view
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    left = view.cursorRect(cursor)
    cursor.setPosition(end)
    right = view.cursorRect(cursor)
    image = view.viewport().grab().toImage()
    area = QRect(left.left() + 1, left.top() + 1, max(right.left() - left.left() - 2, 1), 1)
    seen = Counter(
        image.pixelColor(x, y).name()
        for x in range(area.left(), area.right() + 1)
        for y in range(area.top(), area.bottom() + 1)
    )
    return seen.most_common(1)[0][0]


def test_every_statement_stays_highlighted_and_a_pair_key_redraws_only_its_frames(
    qtbot: QtBot, long_article: Workbench
) -> None:
    view = long_article.window.article_view
    analysis = long_article.review.analysis
    assert analysis is not None
    qtbot.keyClick(long_article.window.pair_table, Qt.Key.Key_J)
    # what is drawn over the text on every paint: the selected pair's two frames, not one
    # selection per statement and per speaker's name (362 here, each a pass over the lines)
    assert len(view.extraSelections()) == 2
    highlighted = {span for span, strong in view.highlighted_spans() if not strong}
    assert {s.content for s in analysis.statements} <= highlighted
    # and a reader sees the statements tinted, the text between them not
    view.verticalScrollBar().setValue(0)
    first = analysis.statements[0].content
    tinted = shown_colour(long_article, first.start, first.end)
    plain = view.palette().base().color().name()
    assert tinted != plain
    assert shown_colour(long_article, first.end + 2, first.end + 4) == plain


def test_the_bands_in_view_are_painted_once_and_a_pair_key_repaints_only_its_own(
    qtbot: QtBot, long_article: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    bands = long_article.window.bands
    painted: list[BandGeometry] = []
    arrows: list[tuple[str, float]] = []
    paint_band, marker = bands._paint_band, bands._marker

    def counted_band(painter: QPainter, shape: BandGeometry) -> None:
        painted.append(shape)
        paint_band(painter, shape)

    def counted_marker(state: EndState, x: float) -> QPolygonF:
        arrows.append((state, x))
        return marker(state, x)

    monkeypatch.setattr(bands, "_paint_band", counted_band)
    monkeypatch.setattr(bands, "_marker", counted_marker)
    bands.repaint()
    painted.clear()
    qtbot.keyClick(long_article.window.pair_table, Qt.Key.Key_J)  # the next pair: in view
    bands.repaint()
    assert {(s.row, s.selected) for s in painted} == {(1, True)}
    assert len(painted) == 2  # the claim's band and the rebuttal's, over what was painted

    painted.clear()
    arrows.clear()
    long_article.window.article_view.verticalScrollBar().setValue(3)  # every band moves
    bands.repaint()
    shapes = bands.geometry_of_bands()
    in_view = [s for s in shapes if "visible" in (s.left_state, s.right_state)]
    edges = {s.left_state for s in shapes if s.left_state == s.right_state != "visible"}
    assert len(shapes) == 180  # both ends of each of the 90 pairs
    # a band whose two ends are off the same edge is a line along that edge: drawn once there;
    # then the selected pair's two bands over the others
    assert len(painted) == len(in_view) + len(edges) + 2 < len(shapes)
    assert [s.selected for s in painted[-2:]] == [True, True]
    pinned = {(st, x) for s in shapes for st, x in _pinned_ends(s, bands.width())}
    assert sorted(arrows) == sorted(pinned)  # each arrow once, however many bands go there


def _pinned_ends(shape: BandGeometry, width: int) -> list[tuple[str, float]]:
    ends = ((shape.left_state, 1.0), (shape.right_state, width - 1.0))
    return [(state, x) for state, x in ends if state != "visible"]


def choose(box: QComboBox, value: object) -> None:
    """Pick an entry of a filter list, as a click on it would."""
    box.setCurrentIndex(box.findData(value))


def test_a_filter_change_keeps_the_pair_under_review_and_shows_what_it_lets_through(
    qtbot: QtBot, long_article: Workbench
) -> None:
    window, model, triage = long_article.window, long_article.review.pairs, long_article.triage
    long_article.review.select_pair(1)
    qtbot.keyClick(window.pair_table, Qt.Key.Key_Y)  # confirms the second pair
    long_article.review.select_pair(5)
    under_review, card = model.pair(5), window.pair_view.claim.text.text()
    claim, rebuttal = model.statements(5)
    choose(window.filter_bar.status, LinkStatus.SUGGESTED.value)
    assert model.rowCount() == 89
    assert {model.pair(row).status for row in range(model.rowCount())} == {LinkStatus.SUGGESTED}
    assert model.pair(triage.current_row()).id == under_review.id  # still the one selected
    assert window.pair_view.claim.text.text() == card
    strong = {span for span, is_strong in window.article_view.highlighted_spans() if is_strong}
    assert strong == {claim.content, rebuttal.content}
    choose(window.filter_bar.status, LinkStatus.CONFIRMED.value)  # it is not shown any more:
    assert model.rowCount() == 1  # the first pair shown is selected
    assert triage.current_row() == 0
    assert window.pair_view.claim.text.text() != card


def test_painting_the_pair_table_looks_up_each_shown_cell_once(
    long_article: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    table, model = long_article.window.pair_table, long_article.review.pairs
    looked_up: list[int] = []
    statements = model.statements

    def counted(row: int) -> tuple[Statement, Statement]:
        looked_up.append(row)
        return statements(row)

    monkeypatch.setattr(model, "statements", counted)
    table.viewport().repaint()
    shown = {table.rowAt(y) for y in range(table.viewport().height())} - {-1}
    assert set(looked_up) == shown
    # the words of the claim and the rebuttal, and both speakers' names and colours: the
    # other columns and what a cell is asked besides (font, icon, alignment...) need none
    assert len(looked_up) <= 6 * len(shown)
