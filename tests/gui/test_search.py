"""Searching the library's statements and picking one to link to, as a reviewer would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from counterclaim.domain import (
    LibraryStatement,
    Relation,
    Span,
    Speaker,
    SpeakerKind,
    Statement,
    StatementKind,
)
from counterclaim.gui.library.search import LibrarySearchPanel, SearchResultModel, StatementPicker
from counterclaim.gui.tables import ObjectRole

PESKOV = Speaker("p", "Dmitriy Peskov", SpeakerKind.PERSON, side="Russia")
NATO = Speaker("n", "NATO", SpeakerKind.ORGANISATION, side="NATO")


def found(sid: str, speaker: Speaker | None, text: str, article: str) -> LibraryStatement:
    statement = Statement(
        sid, speaker.id if speaker else None, "officials", "said", StatementKind.DIRECT,
        Span(0, len(text)), text,
    )  # fmt: skip
    return LibraryStatement(statement, speaker, 1, article, published="2024-03-01")


LIBRARY = [
    found("a", PESKOV, "NATO is a hostile organisation.", "Peskov slams NATO"),
    found("b", NATO, "The alliance is not hostile to Russia.", "NATO answers"),
    found("c", None, "Hostile rhetoric is rising on <b>both</b> sides.", "Analysis"),
    found("d", NATO, "Talks resume on Monday.", "NATO answers"),
]
QUERIES: list[str] = []


def search(query: str) -> list[LibraryStatement]:
    QUERIES.append(query)
    return [r for r in LIBRARY if query.lower() in r.statement.text.lower()]


def double_click_row(qtbot: QtBot, table: QTableView, row: int) -> None:
    centre = table.visualRect(table.model().index(row, 2)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_the_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = SearchResultModel()
    model.set_results(LIBRARY)
    qtmodeltester.check(model)
    assert model.data(model.index(2, 0)) == "officials"
    assert model.data(model.index(0, 1)) == "Russia"
    assert model.data(model.index(3, 3), ObjectRole) is LIBRARY[3]
    assert model.data(model.index(1, 3), Qt.ItemDataRole.ToolTipRole) == "NATO answers\n2024-03-01"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Statement"
    model.set_results([])
    qtmodeltester.check(model)


def test_typing_searches_when_the_user_stops(qtbot: QtBot) -> None:
    panel = LibrarySearchPanel(search)
    qtbot.addWidget(panel)
    panel.show()
    QUERIES.clear()
    qtbot.keyClicks(panel.field, "hostile")
    qtbot.waitUntil(lambda: panel.status.text() == "3 statements")
    assert QUERIES == ["hostile"]  # once, not on every key
    assert panel.model.rowCount() == 3
    # the statement's words are shown as they are written, markup and all
    assert panel.model.data(panel.model.index(2, 2)) == LIBRARY[2].statement.text


def test_enter_searches_at_once_and_nothing_found_says_what(qtbot: QtBot) -> None:
    panel = LibrarySearchPanel(search)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.keyClicks(panel.field, "balloons")
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert panel.status.text() == "No statement contains “balloons”"
    assert panel.model.rowCount() == 0


def test_a_short_query_clears_the_list(qtbot: QtBot) -> None:
    panel = LibrarySearchPanel(search)
    qtbot.addWidget(panel)
    panel.set_query("talks")
    assert panel.status.text() == "1 statement"
    panel.field.clear()
    qtbot.keyClicks(panel.field, "t")
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert panel.model.rowCount() == 0
    assert panel.status.text() == "Type at least two letters to search."


def test_double_click_chooses_a_statement(qtbot: QtBot) -> None:
    panel = LibrarySearchPanel(search)
    qtbot.addWidget(panel)
    panel.resize(700, 300)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_query("hostile")
    with qtbot.waitSignal(panel.statement_chosen) as chosen:
        double_click_row(qtbot, panel.table, 1)
    assert chosen.args == [LIBRARY[1]]


def test_down_then_enter_chooses_from_the_keyboard(qtbot: QtBot) -> None:
    panel = LibrarySearchPanel(search)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.keyClicks(panel.field, "nato")
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    assert panel.focusWidget() is panel.table and panel.selected() is LIBRARY[0]
    with qtbot.waitSignal(panel.statement_chosen) as chosen:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert chosen.args == [LIBRARY[0]]


def picker(qtbot: QtBot, exclude: set[str] | None = None) -> StatementPicker:
    dialog = StatementPicker(search, "Find the rebuttal of “NATO is hostile”.", exclude or set())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_ok_waits_for_a_selection(qtbot: QtBot) -> None:
    dialog = picker(qtbot)
    assert dialog.windowTitle() == "Link to a statement"
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.panel.field, "hostile")
    qtbot.waitUntil(lambda: dialog.panel.model.rowCount() == 3)
    assert not dialog.ok_button.isEnabled()
    centre = dialog.panel.table.visualRect(dialog.panel.model.index(0, 2)).center()
    qtbot.mouseClick(dialog.panel.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert dialog.ok_button.isEnabled()
    assert dialog.chosen() is LIBRARY[0]
    qtbot.keyClicks(dialog.panel.field, "x")  # a new search forgets the selection
    qtbot.keyClick(dialog.panel.field, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter in the field searches, it does not accept
    assert not dialog.ok_button.isEnabled() and dialog.chosen() is None


def test_double_click_accepts_with_the_relation(qtbot: QtBot) -> None:
    dialog = picker(qtbot, exclude={"a"})
    assert dialog.relation() is Relation.DISPUTES
    assert dialog.relation_box.currentText() == "disputes"
    dialog.relation_box.setCurrentIndex(dialog.relation_box.findText("denies"))
    dialog.panel.set_query("hostile")
    assert dialog.panel.status.text() == "2 statements"  # the claim itself is left out
    with qtbot.waitSignal(dialog.accepted):
        double_click_row(qtbot, dialog.panel.table, 0)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen() is LIBRARY[1]
    assert dialog.relation() is Relation.DENIES


def test_cancel_chooses_nothing(qtbot: QtBot) -> None:
    dialog = picker(qtbot)
    dialog.panel.set_query("talks")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible() and dialog.chosen() is None
