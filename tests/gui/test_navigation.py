"""Finding one's way: filters over the pairs, find in the article, search the library,
the unanswered claims and the balance, and the bands that tie statements to pairs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from counterclaim.domain import LinkStatus
from counterclaim.gui.app import Workbench
from counterclaim.overview import unanswered_claims


def choose(box: QComboBox, value: object) -> None:
    """Pick an entry of a filter list, as a click on it would."""
    index = box.findData(value)
    assert index >= 0, value
    box.setCurrentIndex(index)


def test_filter_pairs_by_status_and_speaker(
    qtbot: QtBot, qtmodeltester: ModelTester, reviewing: Workbench
) -> None:
    bench = reviewing
    bar, model = bench.window.filter_bar, bench.review.pairs
    qtbot.keyClick(bench.window.pair_table, Qt.Key.Key_Y)
    choose(bar.status, LinkStatus.CONFIRMED.value)
    assert model.rowCount() == 1
    assert model.pair(0).status is LinkStatus.CONFIRMED
    assert "(2 not shown by the filter)" in bench.window.pairs_heading.text()
    qtmodeltester.check(model)

    qtbot.keyClick(
        bench.window.pair_table,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert model.rowCount() == 3
    choose(bar.speaker, "Jens Stoltenberg")
    assert model.rowCount() == 1
    assert model.data(model.index(0, model.REBUTTAL_SPEAKER)) == "Jens Stoltenberg"
    choose(bar.side, "Russia")  # both filters: Stoltenberg's pair answers Peskov of Russia
    assert model.rowCount() == 1
    choose(bar.verdict, "False")
    assert model.rowCount() == 0
    assert bench.window.bands.geometry_of_bands() == []


def test_find_in_the_article_with_ctrl_f_and_f3(qtbot: QtBot, reviewing: Workbench) -> None:
    bench = reviewing
    window = bench.window
    qtbot.keyClick(window.pair_table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "hostil")
    count = window.find_bar.matches()
    assert count >= 4
    first, at = window.article_view.textCursor().selectionStart(), window.find_bar.current()
    assert window.find_bar.count.text() == f"{at} of {count}"
    qtbot.keyClick(window.pair_table, Qt.Key.Key_F3)
    cursor = window.article_view.textCursor()
    assert cursor.selectedText().lower() == "hostil"
    assert cursor.selectionStart() != first
    assert window.find_bar.count.text() == f"{at % count + 1} of {count}"
    qtbot.keyClick(window.pair_table, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.article_view.textCursor().selectionStart() == first


def test_search_the_library_and_go_to_a_statement(qtbot: QtBot, reviewing: Workbench) -> None:
    bench = reviewing
    window = bench.window
    qtbot.keyClick(
        window.pair_table,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.search_dock.isVisible()
    panel = window.search_panel
    qtbot.keyClicks(panel.field, "involved")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    panel.table.selectRow(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert window.article_view.textCursor().selectedText().startswith("NATO was not involved")
    rows = bench.review.pairs
    selected = window.pair_table.selectionModel().selectedRows()[0].row()
    assert rows.data(rows.index(selected, rows.REBUTTAL_SPEAKER)) == "Jens Stoltenberg"


def test_unanswered_claims_and_balance(qtbot: QtBot, reviewing: Workbench) -> None:
    bench = reviewing
    window = bench.window
    qtbot.keyClick(
        window.pair_table,
        Qt.Key.Key_U,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.overview_dock.isVisible()
    analysis = bench.review.analysis
    assert analysis is not None
    expected = unanswered_claims(analysis)
    assert 0 < len(expected) < len(analysis.statements)
    assert window.overview.unanswered_heading.text() == f"Unanswered claims: {len(expected)}"
    balance = window.overview.balance
    sides = [balance.data(balance.index(r, 0)) for r in range(balance.rowCount())]
    assert sides[:2] == ["Russia", "NATO"]
    assert window.overview.speakers_line.text().startswith("First to speak: Dmitriy Peskov.")

    qtbot.keyClick(window.pair_table, Qt.Key.Key_Delete)  # one claim is no longer answered
    assert window.overview.unanswered_heading.text() != f"Unanswered claims: {len(expected)}"


def test_bands_follow_the_pairs_and_the_selection(qtbot: QtBot, reviewing: Workbench) -> None:
    bench = reviewing
    window = bench.window
    bands = window.bands.geometry_of_bands()
    assert {band.row for band in bands} == {0, 1, 2}  # each pair's two statements
    assert len(bands) == 6
    assert {band.row for band in bands if band.selected} == {0}
    qtbot.keyClick(window.pair_table, Qt.Key.Key_J)
    assert {band.row for band in window.bands.geometry_of_bands() if band.selected} == {1}
    colours = {band.colour for band in bands}
    assert len(colours) == 2  # the two sides' colours
    window.resize(1500, 420)  # a short window: the article needs scrolling
    scroll = window.article_view.verticalScrollBar()
    qtbot.waitUntil(lambda: scroll.maximum() > 0)
    scroll.setValue(scroll.maximum())
    states = {band.left_state for band in window.bands.geometry_of_bands()}
    assert "above" in states  # the first statements scrolled away: markers at the top
