"""The history panel's model over the changes a library stores: reviews, renames, an
undone action and one that can no longer be redone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from counterclaim.domain import Change, Edit, LinkStatus, Review
from counterclaim.gui.history import HistoryModel
from counterclaim.store import Library
from tests.unit.test_store import analysed


def stored_changes(path: Path) -> list[Change]:
    """A few real actions by three reviewers, newest first as the library lists them."""
    with Library.open(path) as library:
        _, stored = analysed(library)
        link = stored.pairs[0].id
        assert link is not None
        peskov = stored.speakers[0].id
        russia = library.side_id("Russia")
        assert russia is not None
        library.review_link(link, Review(LinkStatus.CONFIRMED, "False", "NATO denies it"), "ana")
        library.apply("Rename speaker", [Edit(peskov, "name", "Dmitriy Peskov", "D. Peskov")], "bo")
        verdict = library.apply("Verdict", [Edit(link, "verdict", "False", "Misleading")], "ben")
        library.undo(verdict.id)
        library.apply("Note", [Edit(link, "note", "NATO denies it", "Checked")], "ben")
        renamed = library.apply("Rename side", library.rename_side_edits(russia, "Kremlin"), "ana")
        library.undo(renamed.id)
        return library.history()


def rows(model: HistoryModel) -> list[list[str]]:
    return [
        [model.data(model.index(row, column)) for column in range(1, model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_the_model_passes_the_model_tester(qtmodeltester: ModelTester, tmp_path: Path) -> None:
    changes = stored_changes(tmp_path / "library.sqlite")
    model = HistoryModel()
    qtmodeltester.check(model)
    model.set_changes(changes)
    qtmodeltester.check(model)
    assert rows(model) == [
        ["ana", "Rename side (undone)", "side 1", "aliases", "[]", '["Russia"]'],
        ["ana", "Rename side (undone)", "side 1", "label", "Russia", "Kremlin"],
        ["ben", "Note", "pair 1", "note", "NATO denies it", "Checked"],
        ["ben", "Verdict (discarded)", "pair 1", "verdict", "False", "Misleading"],
        ["bo", "Rename speaker", "speaker 1", "name", "Dmitriy Peskov", "D. Peskov"],
        ["ana", "Review pair", "pair 1", "note", "", "NATO denies it"],
        ["ana", "Review pair", "pair 1", "verdict", "", "False"],
        ["ana", "Review pair", "pair 1", "status", "suggested", "confirmed"],
    ]
    model.set_changes(changes[:2])
    qtmodeltester.check(model)
    assert model.rowCount() == 2


def test_actions_that_no_longer_stand_are_greyed(tmp_path: Path) -> None:
    model = HistoryModel()
    model.set_changes(stored_changes(tmp_path / "library.sqlite"))
    greyed = [
        model.data(model.index(row, 0), Qt.ItemDataRole.ForegroundRole) is not None
        for row in range(model.rowCount())
    ]
    assert greyed == [True, True, False, True, False, False, False, False]
