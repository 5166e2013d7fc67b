"""One change channel: every action says on AppEvents what it changed, once, whether made,
undone or redone; the pair table, the cards and the speakers panel follow from there."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from counterclaim.domain import LinkStatus
from counterclaim.gui.app import Workbench


def test_a_review_announces_its_link_and_an_edit_its_article(
    qtbot: QtBot, reviewing: Workbench
) -> None:
    events, pairs = reviewing.events, reviewing.review.pairs
    first = pairs.pair(0)
    heard: list[str] = []
    events.links_changed.connect(lambda ids: heard.append(f"links {ids}"))
    events.article_edited.connect(lambda: heard.append("article"))
    events.history_changed.connect(lambda: heard.append("history"))

    reviewing.triage.decide(LinkStatus.CONFIRMED)
    assert heard == [f"links {[first.id]}", "history"]
    assert pairs.pair(pairs.row_of(first.id)).status is LinkStatus.CONFIRMED

    heard.clear()
    reviewing.window.undo_stack.undo()
    assert heard == [f"links {[first.id]}", "history"]
    assert pairs.pair(pairs.row_of(first.id)).status is LinkStatus.SUGGESTED

    heard.clear()
    assert reviewing.review.analysis is not None
    speaker = reviewing.review.analysis.speakers[0]
    assert reviewing.speakers.rename_speaker(speaker.id, "Renamed speaker")
    assert heard == ["article", "history"]
    shown = reviewing.window.speaker_panel.model
    names = [
        shown.index(r, 0, shown.index(g, 0)).data()
        for g in range(shown.rowCount())
        for r in range(shown.rowCount(shown.index(g, 0)))
    ]
    assert any("Renamed speaker" in str(name) for name in names)
