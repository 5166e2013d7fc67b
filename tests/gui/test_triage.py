"""Reviewing pairs from the keyboard: confirm, reject, move, verdict, note, undo, redo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from counterclaim.domain import BatchState, LinkStatus
from counterclaim.gui.app import Workbench, build
from counterclaim.store import Library
from tests.windows import sharing, shown_workbench

if TYPE_CHECKING:
    from counterclaim.nlp.extract import Extractor


@pytest.fixture
def bench(qtbot: QtBot, library_path: Path, extractor: Extractor) -> Iterator[Workbench]:
    workbench = shown_workbench(qtbot, sharing(library_path, extractor))
    with qtbot.waitSignal(workbench.events.analysis_changed, timeout=60_000):
        workbench.analysis.start()
    workbench.window.pair_table.setFocus()
    yield workbench
    workbench.close()


def statuses(bench: Workbench) -> list[LinkStatus]:
    model = bench.review.pairs
    return [model.pair(row).status for row in range(model.rowCount())]


def test_keys_confirm_reject_and_move(qtbot: QtBot, bench: Workbench) -> None:
    table = bench.window.pair_table
    assert bench.triage.current_row() == 0
    qtbot.keyClick(table, Qt.Key.Key_Y)
    assert statuses(bench)[0] is LinkStatus.CONFIRMED
    assert bench.triage.current_row() == 1  # on to the next pair left to review
    qtbot.keyClick(table, Qt.Key.Key_N)
    assert statuses(bench)[1] is LinkStatus.REJECTED
    qtbot.keyClick(table, Qt.Key.Key_K)
    assert bench.triage.current_row() == 1
    assert bench.window.pairs_heading.text().endswith(" · 1 left to review")
    assert bench.review.pairs.data(bench.review.pairs.index(0, 5)) == "confirmed"
    with Library.open(bench.library.path) as library:
        assert bench.review.article_id is not None
        stored = library.analysis(bench.review.article_id)
    assert stored is not None
    assert [p.status for p in stored.pairs][:2] == [LinkStatus.CONFIRMED, LinkStatus.REJECTED]


def test_undo_and_redo_a_decision(qtbot: QtBot, bench: Workbench) -> None:
    table = bench.window.pair_table
    qtbot.keyClick(table, Qt.Key.Key_Y)
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert statuses(bench)[0] is LinkStatus.SUGGESTED
    assert [c.state for c in bench.library.history()] == [BatchState.UNDONE]
    qtbot.keyClick(
        table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert statuses(bench)[0] is LinkStatus.CONFIRMED
    (change,) = bench.library.history()
    assert (change.label, change.what, change.after, change.state) == (
        "Confirm pair",
        "status",
        "confirmed",
        BatchState.DONE,
    )


def test_undo_and_redo_after_reopening(qtbot: QtBot, bench: Workbench, library_path: Path) -> None:
    """Decisions made before the window was closed can be undone in the next one."""
    qtbot.keyClick(bench.window.pair_table, Qt.Key.Key_Y)
    qtbot.keyClick(bench.window.pair_table, Qt.Key.Key_N)
    bench.window.undo_action.trigger()  # the rejection is undone: it can be redone
    bench.close()

    again = build(library_path, bench.analysis.service)
    qtbot.addWidget(again.window)
    again.review.refresh()
    assert [again.review.pairs.pair(r).status for r in range(2)] == [
        LinkStatus.CONFIRMED,
        LinkStatus.SUGGESTED,
    ]
    assert again.window.redo_action.isEnabled()
    assert again.window.undo_action.text().replace("&", "") == "Undo Confirm pair"
    again.window.redo_action.trigger()
    assert again.review.pairs.pair(1).status is LinkStatus.REJECTED
    again.window.undo_action.trigger()
    again.window.undo_action.trigger()
    assert again.review.pairs.pair(0).status is LinkStatus.SUGGESTED
    assert not again.window.undo_action.isEnabled()
    again.close()


def test_verdict_and_note_are_kept_and_undoable(qtbot: QtBot, bench: Workbench) -> None:
    view = bench.window.pair_view
    view.verdict.setCurrentIndex(view.verdict.findData("False"))
    view.verdict.activated.emit(view.verdict.currentIndex())
    qtbot.keyClicks(view.note, "NATO denies it")
    qtbot.keyClick(view.note, Qt.Key.Key_Return)
    pair = bench.review.pairs.pair(0)
    assert (pair.verdict, pair.note) == ("False", "NATO denies it")
    assert bench.review.pairs.data(bench.review.pairs.index(0, 5)) == "suggested: False"
    bench.window.undo_action.trigger()
    assert bench.review.pairs.pair(0).note == ""
    assert view.note.text() == ""
    bench.window.undo_action.trigger()
    assert bench.review.pairs.pair(0).verdict is None
    assert view.verdict.currentData() is None


def test_history_panel_lists_each_change(
    qtbot: QtBot, qtmodeltester: ModelTester, bench: Workbench
) -> None:
    qtbot.keyClick(bench.window.pair_table, Qt.Key.Key_Y)
    bench.window.history_action.trigger()
    assert bench.window.history_dock.isVisible()
    model = bench.window.history_model
    qtmodeltester.check(model)
    row = [model.data(model.index(0, column)) for column in range(model.columnCount())]
    link_id = bench.review.pairs.pair(0).id
    assert link_id is not None
    assert row[2:] == [
        "Confirm pair",
        "pair " + link_id.removeprefix("ln"),
        "status",
        "suggested",
        "confirmed",
    ]
    bench.window.undo_action.trigger()
    assert model.data(model.index(0, 2)) == "Confirm pair (undone)"
