"""Two reviewers on one library, each in a window of their own (as on a shared library):
each sees the other's decisions without reopening, a change that meets the other's asks
which to keep, and undo undoes only one's own actions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from counterclaim.domain import Edit, LinkStatus
from counterclaim.gui.app import Workbench, build
from counterclaim.services.analysis import AnalysisService
from counterclaim.store import EditConflict


@pytest.fixture
def ben(
    qtbot: QtBot, reviewing: Workbench, library_path: Path, tmp_path: Path
) -> Iterator[Workbench]:
    """A second window on the library the first reviews; "ana" reviews in the first."""
    reviewing.editor.who = reviewing.watch.who = "ana"  # type: ignore[union-attr]
    settings = QSettings(str(tmp_path / "ben.ini"), QSettings.Format.IniFormat)
    other = build(library_path, AnalysisService(library_path), settings)
    other.editor.who = other.watch.who = "ben"  # type: ignore[union-attr]
    qtbot.addWidget(other.window)
    other.window.show()
    other.review.refresh()
    yield other
    other.close()


def status_in(bench: Workbench, row: int = 0) -> LinkStatus:
    return bench.review.pairs.pair(row).status


def test_each_reviewer_sees_the_others_decision_without_reopening(
    qtbot: QtBot, reviewing: Workbench, ben: Workbench
) -> None:
    ana = reviewing
    assert status_in(ben) is LinkStatus.SUGGESTED
    ana.window.confirm_action.trigger()
    assert status_in(ana) is LinkStatus.CONFIRMED
    qtbot.waitUntil(lambda: status_in(ben) is LinkStatus.CONFIRMED, timeout=10_000)
    assert "ana changed the library" in ben.window.statusBar().currentMessage()
    ben.window.history_action.trigger()
    model = ben.window.history_model
    assert model.data(model.index(0, 1)) == "ana"  # who did it
    # ana's own window does not read her own action in again
    assert ana.watch is not None and not ana.watch.look()


def test_a_change_that_meets_the_others_asks_and_keeps_theirs_or_mine(
    qtbot: QtBot, reviewing: Workbench, ben: Workbench
) -> None:
    ana = reviewing
    assert ben.watch is not None
    ben.watch.timer.stop()  # ben has not seen ana's decision yet
    ana.window.confirm_action.trigger()
    asked: list[str] = []

    def keep_theirs(conflict: EditConflict) -> bool:
        asked.append(str(conflict))
        return False

    ben.editor.use_mine = keep_theirs
    ben.window.reject_action.trigger()
    assert len(asked) == 1
    assert asked[0].startswith("ana set this status to “confirmed” at ")
    assert status_in(ben) is LinkStatus.CONFIRMED  # hers, now shown
    assert ana.library.pair(ana.review.pairs.pair(0).id or "").status is LinkStatus.CONFIRMED

    link = ana.review.pairs.pair(0).id or ""
    ben.editor.use_mine = lambda conflict: True
    ana.editor.do("Verdict", [Edit(link, "verdict", None, "False")])  # unseen by ben
    ben.editor.do("Verdict", [Edit(link, "verdict", None, "True")])  # his, anyway
    assert ben.library.pair(link).verdict == "True"
    ana.window.undo_action.trigger()  # ana's undo of her verdict meets ben's
    (told,) = [box for box in ana.window.findChildren(QMessageBox) if box.isVisible()]
    assert "ben set this verdict to “True” at " in told.text()
    assert ana.library.pair(link).verdict == "True"  # nothing of ben's undone by ana


def test_undo_undoes_only_ones_own_actions(
    qtbot: QtBot, reviewing: Workbench, ben: Workbench
) -> None:
    ana = reviewing
    ana.window.confirm_action.trigger()  # ana confirms the first pair
    qtbot.waitUntil(lambda: status_in(ben) is LinkStatus.CONFIRMED, timeout=10_000)
    ben.window.pair_table.selectRow(1)
    ben.window.reject_action.trigger()  # ben rejects the second
    assert status_in(ben, 1) is LinkStatus.REJECTED
    ben.window.undo_action.trigger()  # ben's own rejection, not ana's confirmation
    assert status_in(ben, 1) is LinkStatus.SUGGESTED
    assert status_in(ben, 0) is LinkStatus.CONFIRMED
    assert not ben.window.undo_action.isEnabled()
    # reopened, ben's window offers no undo of ana's action either
    ben.editor.rebuild()
    assert [ben.window.undo_stack.text(n) for n in range(ben.window.undo_stack.count())] == [
        "Reject pair"
    ]
    assert not ben.window.undo_action.isEnabled()  # his rejection is undone: only redo
