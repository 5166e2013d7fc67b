"""Editing speakers and sides in the workbench, as a reviewer does it: select in the
Speakers and Sides panel, use its actions, answer the dialogs; see the change in the pair
table, the article and the library; undo and redo it, also after reopening the library."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QColor, QTextFormat
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from counterclaim.domain import Analysis, StatementMode
from counterclaim.gui.app import Workbench, build
from counterclaim.gui.pairs.model import PairTableModel
from counterclaim.gui.settings.theme import readable

_SELECTED_PAIR = QTextFormat.Property.UserProperty + 1  # as in gui/article_view.py
STOLTENBERG, NATO, PESKOV = "Jens Stoltenberg", "NATO", "Dmitriy Peskov"


# -- what the reviewer does


def open_panel(qtbot: QtBot, bench: Workbench) -> None:
    """View > Speakers and Sides (Ctrl+Shift+S)."""
    qtbot.keyClick(
        bench.window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(bench.window.speaker_panel.tree.isVisible)


def speaker_row(bench: Workbench, name: str) -> QModelIndex:
    """The tree's row of the speaker called `name`, under their side."""
    model = bench.window.speaker_panel.model
    for row in range(model.rowCount()):
        side = model.index(row, 0)
        for child in range(model.rowCount(side)):
            if model.index(child, 0, side).data() == name:
                return model.index(child, 0, side)
    raise AssertionError(f"no speaker {name!r} in the speakers tree")


def side_row(bench: Workbench, label: str) -> QModelIndex:
    model = bench.window.speaker_panel.model
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == label:
            return model.index(row, 0)
    raise AssertionError(f"no side {label!r} in the speakers tree")


def click(qtbot: QtBot, bench: Workbench, index: QModelIndex, control: bool = False) -> None:
    tree = bench.window.speaker_panel.tree
    rect = tree.visualRect(index)
    assert rect.isValid(), f"{index.data()!r} is not on screen"
    modifier = Qt.KeyboardModifier.ControlModifier if control else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


# -- what the reviewer sees, and what is stored


def tree(bench: Workbench) -> dict[str, list[tuple[str, int]]]:
    """Each side of the tree with its speakers and their statement counts."""
    model = bench.window.speaker_panel.model
    shown: dict[str, list[tuple[str, int]]] = {}
    for row in range(model.rowCount()):
        side = model.index(row, 0)
        shown[side.data()] = [
            (model.index(n, 0, side).data(), model.index(n, 1, side).data())
            for n in range(model.rowCount(side))
        ]
    return shown


def column(bench: Workbench, which: int) -> list[str]:
    pairs = bench.review.pairs
    return [pairs.data(pairs.index(row, which)) for row in range(pairs.rowCount())]


def rebuttals_by(bench: Workbench) -> list[str]:
    return column(bench, PairTableModel.REBUTTAL_SPEAKER)


def stored(bench: Workbench) -> Analysis:
    assert bench.review.article_id is not None
    analysis = bench.library.analysis(bench.review.article_id)
    assert analysis is not None
    return analysis


def speaker_id(bench: Workbench, name: str) -> str:
    return next(s.id for s in stored(bench).speakers if s.name == name)


def highlights(bench: Workbench, name: str) -> set[str]:
    """The background colours of the article's spoken statements of speaker `name`
    (leaving out the frame of the selected pair)."""
    analysis = stored(bench)
    who = speaker_id(bench, name)
    spans = {
        (s.content.start, s.content.end)
        for s in analysis.statements
        if s.speaker_id == who and s.mode is StatementMode.SPEECH
    }
    colours = set()
    for span, fmt in bench.window.article_view.highlights():
        if fmt.boolProperty(_SELECTED_PAIR) or not fmt.hasProperty(
            QTextFormat.Property.BackgroundBrush
        ):
            continue
        if (span.start, span.end) in spans:
            colours.add(fmt.background().color().name())
    assert colours, f"no statement of {name} is highlighted"
    return colours


@pytest.fixture
def bench(qtbot: QtBot, reviewing: Workbench) -> Workbench:
    """The reviewing workbench with the Speakers and Sides panel open."""
    open_panel(qtbot, reviewing)
    return reviewing


def test_sample_speakers_as_expected(bench: Workbench) -> None:
    """The premise of the other tests: who speaks in the sample, on which side."""
    assert tree(bench) == {
        "Russia": [(PESKOV, 5)],
        "NATO": [(STOLTENBERG, 6), (NATO, 4)],
    }
    assert rebuttals_by(bench) == [NATO, NATO, STOLTENBERG]


def test_rename_speaker_undo_and_redo(
    qtbot: QtBot, bench: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = bench.window.speaker_panel
    asked: list[str] = []

    def ask_text(title: str, label: str, text: str) -> str:
        asked.append(text)
        return "Jens Stoltenberg (NATO)"

    monkeypatch.setattr(panel, "ask_text", ask_text)
    click(qtbot, bench, speaker_row(bench, STOLTENBERG))
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    assert asked == [STOLTENBERG]
    new = "Jens Stoltenberg (NATO)"
    assert rebuttals_by(bench) == [NATO, NATO, new]
    assert tree(bench)["NATO"] == [(new, 6), (NATO, 4)]
    assert new in {s.name for s in stored(bench).speakers}

    bench.window.undo_action.trigger()
    assert rebuttals_by(bench) == [NATO, NATO, STOLTENBERG]
    assert tree(bench)["NATO"] == [(STOLTENBERG, 6), (NATO, 4)]
    assert {s.name for s in stored(bench).speakers} == {PESKOV, STOLTENBERG, NATO}

    bench.window.redo_action.trigger()
    assert rebuttals_by(bench) == [NATO, NATO, new]
    assert new in {s.name for s in stored(bench).speakers}


def test_merge_keeps_the_first_selected_and_undo_restores(qtbot: QtBot, bench: Workbench) -> None:
    panel = bench.window.speaker_panel
    click(qtbot, bench, speaker_row(bench, STOLTENBERG))
    click(qtbot, bench, speaker_row(bench, NATO), control=True)
    assert panel.merge_action.isEnabled()
    panel.merge_action.trigger()  # Speakers > Merge Speakers…
    assert tree(bench)["NATO"] == [(STOLTENBERG, 10)]
    assert rebuttals_by(bench) == [STOLTENBERG] * 3
    merged = stored(bench)
    assert NATO not in {s.name for s in merged.speakers}
    assert NATO in next(s for s in merged.speakers if s.name == STOLTENBERG).aliases

    bench.window.undo_action.trigger()
    assert tree(bench)["NATO"] == [(STOLTENBERG, 6), (NATO, 4)]
    assert rebuttals_by(bench) == [NATO, NATO, STOLTENBERG]
    assert NATO in {s.name for s in stored(bench).speakers}


def test_move_to_a_new_side_and_undo(
    qtbot: QtBot, bench: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = bench.window.speaker_panel
    offered: list[list[str]] = []

    def ask_item(title: str, label: str, items: list[str], current: int = 0) -> str:
        offered.append(items)
        return items[-1]  # "New side…"

    monkeypatch.setattr(panel, "ask_item", ask_item)
    monkeypatch.setattr(panel, "ask_text", lambda *args: "Alliance officials")
    before = highlights(bench, STOLTENBERG)
    nato_colour = side_row(bench, "NATO").data(Qt.ItemDataRole.DecorationRole)

    click(qtbot, bench, speaker_row(bench, STOLTENBERG))
    panel.move_action.trigger()
    assert offered == [["Russia", "NATO", "New side…"]]
    assert tree(bench)["Alliance officials"] == [(STOLTENBERG, 6)]
    assert tree(bench)["NATO"] == [(NATO, 4)]
    colour = side_row(bench, "Alliance officials").data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(colour, QColor) and colour.isValid() and colour != nato_colour
    after = highlights(bench, STOLTENBERG)
    assert after != before
    assert after == {readable(colour.name(), bench.review.dark)}
    assert "Alliance officials" in {side.label for side in bench.library.sides()}

    bench.window.undo_action.trigger()
    assert tree(bench) == {
        "Russia": [(PESKOV, 5)],
        "NATO": [(STOLTENBERG, 6), (NATO, 4)],
    }
    assert "Alliance officials" not in {side.label for side in bench.library.sides()}
    assert highlights(bench, STOLTENBERG) == before


def test_side_colour_shows_in_table_and_article_and_undo(
    qtbot: QtBot, bench: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = bench.window.speaker_panel
    monkeypatch.setattr(panel, "ask_colour", lambda title, initial: QColor("#aa00aa"))
    pairs = bench.review.pairs
    claim_by = pairs.index(0, PairTableModel.CLAIM_SPEAKER)
    assert claim_by.data() == PESKOV
    was = claim_by.data(Qt.ItemDataRole.ForegroundRole)
    before = highlights(bench, PESKOV)

    click(qtbot, bench, side_row(bench, "Russia"))
    panel.colour_action.trigger()  # Speakers > Side Colour…
    claim_by = pairs.index(0, PairTableModel.CLAIM_SPEAKER)
    assert claim_by.data(Qt.ItemDataRole.ForegroundRole) == QColor(
        readable("#aa00aa", bench.review.dark)
    )
    assert highlights(bench, PESKOV) == {"#aa00aa"} != before
    assert {s.label: s.colour for s in bench.library.sides()}["Russia"].lower() == "#aa00aa"

    bench.window.undo_action.trigger()
    claim_by = pairs.index(0, PairTableModel.CLAIM_SPEAKER)
    assert claim_by.data(Qt.ItemDataRole.ForegroundRole) == was
    assert highlights(bench, PESKOV) == before


def test_undo_a_rename_after_reopening(
    qtbot: QtBot,
    bench: Workbench,
    library_path: Path,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    panel = bench.window.speaker_panel
    monkeypatch.setattr(panel, "ask_text", lambda *args: "Dmitry Peskov")
    click(qtbot, bench, speaker_row(bench, PESKOV))
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    assert column(bench, PairTableModel.CLAIM_SPEAKER) == ["Dmitry Peskov"] * 3
    bench.close()

    again = build(library_path, bench.analysis.service, settings)
    qtbot.addWidget(again.window)
    try:
        again.window.show()
        again.review.refresh()
        assert column(again, PairTableModel.CLAIM_SPEAKER) == ["Dmitry Peskov"] * 3
        assert again.window.undo_action.text().replace("&", "") == "Undo Rename speaker"
        again.window.undo_action.trigger()
        assert column(again, PairTableModel.CLAIM_SPEAKER) == [PESKOV] * 3
        assert PESKOV in {s.name for s in stored(again).speakers}
        assert tree(again)["Russia"] == [(PESKOV, 5)]
    finally:
        again.close()


def test_live_speaker_model_passes_the_model_tester(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    bench: Workbench,
) -> None:
    model = bench.window.speaker_panel.model
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    click(qtbot, bench, speaker_row(bench, STOLTENBERG))
    click(qtbot, bench, speaker_row(bench, NATO), control=True)
    bench.window.speaker_panel.merge_action.trigger()
    assert tree(bench)["NATO"] == [(STOLTENBERG, 10)]
    qtmodeltester.check(model)
