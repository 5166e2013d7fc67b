"""Linking by hand, as a reviewer does it: select words, mark them, pick the other end in
the library; change a pair's relation; remove a link. Each can be undone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counterclaim.domain import Analysis, LinkStatus, Relation
from counterclaim.gui.app import Workbench
from counterclaim.gui.library.search import StatementPicker


@pytest.fixture(autouse=True)
def _no_message_boxes(reviewing: Workbench, monkeypatch: pytest.MonkeyPatch) -> None:
    """A message the controller would show fails the test, unless a test expects it."""

    def fail(message: str) -> None:
        raise AssertionError(f"the reviewer was told: {message}")

    monkeypatch.setattr(reviewing.links, "tell", fail)


def shown_article(bench: Workbench) -> int:
    """The id of the article the window shows."""
    assert bench.review.article_id is not None
    return bench.review.article_id


def stored(bench: Workbench) -> Analysis:
    """What the library holds for the article the window shows."""
    analysis = bench.library.analysis(shown_article(bench))
    assert analysis is not None
    return analysis


def select_words(bench: Workbench, words: str) -> None:
    view = bench.window.article_view
    found = view.document().find(words)
    assert not found.isNull(), words
    view.setTextCursor(found)
    view.setFocus()


def put_cursor_in(bench: Workbench, words: str) -> None:
    view = bench.window.article_view
    found = view.document().find(words)
    cursor = QTextCursor(view.document())
    cursor.setPosition(found.selectionStart() + 2)
    view.setTextCursor(cursor)
    view.setFocus()


def rows(bench: Workbench) -> list[tuple[str, str, str]]:
    """The pair table's claims, rebuttals (whole, as in their tooltips) and statuses."""
    model = bench.review.pairs
    statuses = [
        model.data(model.index(r, 5), Qt.ItemDataRole.ToolTipRole) for r in model.pair_rows()
    ]
    ends = [model.statements(r) for r in model.pair_rows()]
    return [
        (" ".join(claim.text.split()), " ".join(rebuttal.text.split()), status)
        for (claim, rebuttal), status in zip(ends, statuses, strict=True)
    ]


def answer_picker(
    qtbot: QtBot, query: str, row: int = 0, relation: Relation | None = None
) -> list[str]:
    """When the picker opens: type the query, choose a result, press Link."""
    seen: list[str] = []

    def answer() -> None:
        pickers = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, StatementPicker) and w.isVisible()
        ]
        if not pickers:
            QTimer.singleShot(50, answer)
            return
        picker = pickers[0]
        seen.append(picker.prompt.text())
        assert not picker.ok_button.isEnabled()  # nothing chosen yet
        qtbot.keyClicks(picker.panel.field, query)
        qtbot.keyClick(picker.panel.field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: picker.panel.model.rowCount() > row)
        picker.panel.table.selectRow(row)
        if relation is not None:
            picker.relation_box.setCurrentIndex(picker.relation_box.findData(relation))
        qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    return seen


def test_mark_words_as_a_claim_and_link_its_rebuttal(
    qtbot: QtBot, reviewing: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    bench = reviewing
    before = rows(bench)
    monkeypatch.setattr(bench.links, "ask_speaker", lambda names: "Dmitriy Peskov")
    select_words(bench, "which recently had its websites")
    prompt = answer_picker(qtbot, "no threat", relation=Relation.DENIES)
    # The key opens a modal dialog: a key click would leave Ctrl held for later tests,
    # so the action the key is bound to is triggered.
    assert bench.window.mark_claim_action.shortcut().toString() == "Ctrl+Shift+C"
    bench.window.mark_claim_action.trigger()

    assert "claim by Dmitriy Peskov" in prompt[0]
    added = [r for r in rows(bench) if r not in before]
    assert len(added) == 1
    claim, rebuttal, status = added[0]
    assert claim == "which recently had its websites"
    assert "no threat to Russia" in rebuttal
    assert status == "confirmed"
    (link,) = [p for p in stored(bench).pairs if p.relation is Relation.DENIES and p.score == 1.0]
    assert link.status is LinkStatus.CONFIRMED
    assert bench.library.history()[0].label == "Link by hand"

    bench.window.undo_action.trigger()
    assert rows(bench) == before
    assert "which recently had its websites" not in [s.text for s in stored(bench).statements]
    bench.window.redo_action.trigger()
    assert len(rows(bench)) == len(before) + 1


def test_mark_a_rebuttal_by_a_new_speaker(
    qtbot: QtBot, reviewing: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    bench = reviewing
    monkeypatch.setattr(bench.links, "ask_speaker", lambda names: "A NATO official")
    select_words(bench, "During a press conference on February 13")
    answer_picker(qtbot, "hostile to us")
    bench.window.mark_rebuttal_action.trigger()

    analysis = stored(bench)
    assert "A NATO official" in [s.name for s in analysis.speakers]
    new = [r for r in rows(bench) if r[1] == "During a press conference on February 13"]
    assert len(new) == 1 and "hostile to us" in new[0][0]
    assert "A NATO official" in [s.name for s in bench.window.speaker_panel.model.speakers()]
    bench.window.undo_action.trigger()
    analysis = stored(bench)
    assert "A NATO official" not in [s.name for s in analysis.speakers]


def test_link_the_statement_at_the_cursor(
    qtbot: QtBot, reviewing: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    bench = reviewing
    before = len(rows(bench))
    put_cursor_in(bench, "this requires certain precautions")
    answer_picker(qtbot, "misinformation")
    assert bench.window.link_action.shortcut().toString() == "Ctrl+L"
    bench.window.link_action.trigger()  # the key opens a modal dialog (see above)
    assert len(rows(bench)) == before + 1
    assert any("misinformation" in rebuttal for _, rebuttal, _ in rows(bench))


def test_nothing_is_marked_without_a_selection(
    qtbot: QtBot, reviewing: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    bench = reviewing
    told: list[str] = []
    monkeypatch.setattr(bench.links, "tell", told.append)
    put_cursor_in(bench, "spy balloons")
    before = bench.library.analysis(shown_article(bench))
    bench.window.mark_claim_action.trigger()
    assert told == ["Select the words of the statement in the article first."]
    assert bench.library.analysis(shown_article(bench)) == before
    assert not bench.window.undo_action.isEnabled()


def test_change_a_pairs_relation_and_undo(qtbot: QtBot, reviewing: Workbench) -> None:
    bench = reviewing
    pair = bench.review.pairs.pair(0)
    assert pair.relation is Relation.DENIES
    assert pair.id is not None
    qtbot.keyClick(bench.window.pair_table, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert bench.library.pair(pair.id).relation is Relation.CONTEXTUALISES
    assert bench.review.pairs.pair(0).relation is Relation.CONTEXTUALISES
    assert bench.window.pair_view.relation.currentData() == "contextualises"
    bench.window.undo_action.trigger()
    assert bench.library.pair(pair.id).relation is Relation.DENIES
    assert bench.window.pair_view.relation.currentData() == "denies"


def test_remove_a_link_with_delete_and_undo(qtbot: QtBot, reviewing: Workbench) -> None:
    bench = reviewing
    before = rows(bench)
    qtbot.keyClick(bench.window.pair_table, Qt.Key.Key_Delete)
    assert rows(bench) == before[1:]
    assert bench.window.pairs_heading.text().startswith(
        f"“{bench.library.article(1).title}”: 2 pairs"
    )
    bench.window.undo_action.trigger()
    assert rows(bench) == before


def test_delete_in_the_article_removes_nothing(qtbot: QtBot, reviewing: Workbench) -> None:
    bench = reviewing
    before = rows(bench)
    put_cursor_in(bench, "this requires certain precautions")
    qtbot.keyClick(bench.window.article_view, Qt.Key.Key_Delete)
    assert rows(bench) == before


def test_the_right_mouse_button_offers_the_same_actions(reviewing: Workbench) -> None:
    window = reviewing.window
    in_article = [a.text().replace("&", "") for a in window.article_view.actions()]
    assert in_article == [
        "Mark Selection as Claim…",
        "Mark Selection as Rebuttal…",
        "Link Statement at Cursor…",
    ]
    in_pairs = [a.text().replace("&", "") for a in window.pair_table.actions()]
    assert in_pairs[:2] == ["Confirm Pair", "Reject Pair"] and in_pairs[-1] == "Remove Link"
