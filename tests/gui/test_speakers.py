"""The speakers and sides panel: the tree of sides and speakers, and the edits it asks for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from counterclaim.domain import Side, Speaker, SpeakerKind
from counterclaim.gui.speakers.model import SpeakerTreeModel
from counterclaim.gui.speakers.panel import SpeakerPanel
from counterclaim.gui.tables import ObjectRole

RUSSIA = Side("Russia", "#b03a2e")
NATO = Side("NATO", "#1f3a93")
PESKOV = Speaker("s1", "Dmitriy Peskov", SpeakerKind.PERSON, side="Russia")
PUTIN = Speaker("s2", "Vladimir Putin", SpeakerKind.PERSON, side="Russia")
RUTTE = Speaker("s3", "Mark Rutte", SpeakerKind.PERSON, affiliation="NATO", side="NATO")
ANALYST = Speaker("s4", "an analyst", SpeakerKind.PERSON)
COUNTS = {"s1": 4, "s2": 1, "s3": 3, "s4": 2}


def filled(model: SpeakerTreeModel) -> SpeakerTreeModel:
    model.set_speakers([PESKOV, PUTIN, RUTTE, ANALYST], [RUSSIA, NATO], COUNTS)
    return model


@pytest.fixture
def panel(qtbot: QtBot) -> SpeakerPanel:
    panel = SpeakerPanel()
    qtbot.addWidget(panel)
    filled(panel.model)
    panel.resize(360, 320)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def click(qtbot: QtBot, panel: SpeakerPanel, speaker_id: str, control: bool = False) -> None:
    index = panel.model.index_of(speaker_id)
    click_index(qtbot, panel, index, control)


def click_index(
    qtbot: QtBot, panel: SpeakerPanel, index: QModelIndex, control: bool = False
) -> None:
    modifier = Qt.KeyboardModifier.ControlModifier if control else Qt.KeyboardModifier.NoModifier
    rect = panel.tree.visualRect(index)
    assert rect.isValid()
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def side_index(panel: SpeakerPanel, label: str) -> QModelIndex:
    model = panel.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == label)
    return model.index(row, 0)


def test_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = SpeakerTreeModel()
    qtmodeltester.check(model)
    filled(model)
    qtmodeltester.check(model)
    model.set_dark(True)
    model.set_speakers([RUTTE], [NATO], {})
    qtmodeltester.check(model)


def test_sides_hold_their_speakers_and_no_side_comes_last() -> None:
    model = filled(SpeakerTreeModel())
    tops = [model.index(row, 0) for row in range(model.rowCount())]
    assert [index.data() for index in tops] == ["Russia", "NATO", "No side"]
    assert tops[0].data(ObjectRole) == RUSSIA and tops[2].data(ObjectRole) is None
    assert tops[0].data(Qt.ItemDataRole.DecorationRole) == QColor(RUSSIA.colour)
    russians = [model.index(row, 0, tops[0]).data(ObjectRole) for row in range(2)]
    assert russians == [PESKOV, PUTIN]
    assert model.index(0, model.STATEMENTS, tops[0]).data() == 4
    assert model.index(0, model.STATEMENTS).data() == 5  # the side's statements together
    model.set_speakers([PESKOV], [RUSSIA], COUNTS)
    assert model.rowCount() == 1  # nobody without a side: no "No side"


def test_side_colour_is_lightened_on_dark() -> None:
    model = filled(SpeakerTreeModel())
    nato = model.index(1, 0)
    light = nato.data(Qt.ItemDataRole.ForegroundRole)
    model.set_dark(True)
    dark = nato.data(Qt.ItemDataRole.ForegroundRole)
    assert dark.lightnessF() >= 0.65 > light.lightnessF()


def test_nothing_selected_nothing_to_do(panel: SpeakerPanel) -> None:
    actions = (panel.rename_action, panel.merge_action, panel.move_action, panel.colour_action)
    assert not any(action.isEnabled() for action in actions)


def test_actions_follow_the_selection(qtbot: QtBot, panel: SpeakerPanel) -> None:
    click(qtbot, panel, PESKOV.id)
    assert panel.rename_action.isEnabled() and panel.move_action.isEnabled()
    assert panel.merge_action.isEnabled() and not panel.colour_action.isEnabled()
    click_index(qtbot, panel, side_index(panel, "NATO"))
    assert panel.colour_action.isEnabled() and panel.rename_action.isEnabled()
    assert not panel.merge_action.isEnabled() and not panel.move_action.isEnabled()
    click_index(qtbot, panel, side_index(panel, "No side"))
    assert not panel.rename_action.isEnabled() and not panel.colour_action.isEnabled()
    click(qtbot, panel, PESKOV.id)
    click(qtbot, panel, PUTIN.id, control=True)
    assert panel.merge_action.isEnabled() and not panel.rename_action.isEnabled()


def test_f2_renames_the_clicked_speaker(
    qtbot: QtBot, panel: SpeakerPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def ask_text(title: str, label: str, text: str) -> str:
        asked.append(text)
        return "  Dmitry Peskov "

    monkeypatch.setattr(panel, "ask_text", ask_text)
    click(qtbot, panel, PESKOV.id)
    with qtbot.waitSignal(panel.rename_speaker, timeout=1000) as blocker:
        qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    assert blocker.args == [PESKOV.id, "Dmitry Peskov"]
    assert asked == [PESKOV.name]  # the dialog starts from the current name


def test_an_empty_name_is_refused(
    qtbot: QtBot, panel: SpeakerPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(panel, "ask_text", lambda *args: "   ")
    monkeypatch.setattr(panel, "tell", told.append)
    click(qtbot, panel, PESKOV.id)
    with qtbot.assertNotEmitted(panel.rename_speaker):
        panel.rename_action.trigger()
    assert len(told) == 1


def test_rename_a_side_but_not_onto_another(
    qtbot: QtBot, panel: SpeakerPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(panel, "tell", told.append)
    click_index(qtbot, panel, side_index(panel, "Russia"))
    monkeypatch.setattr(panel, "ask_text", lambda *args: "Kremlin")
    with qtbot.waitSignal(panel.rename_side, timeout=1000) as blocker:
        panel.rename_action.trigger()
    assert blocker.args == ["Russia", "Kremlin"]
    monkeypatch.setattr(panel, "ask_text", lambda *args: "nato")
    with qtbot.assertNotEmitted(panel.rename_side):
        panel.rename_action.trigger()
    assert told == ["There is already a side called “nato”."]


def test_merge_two_selected_keeps_the_first(qtbot: QtBot, panel: SpeakerPanel) -> None:
    click(qtbot, panel, PUTIN.id)
    click(qtbot, panel, PESKOV.id, control=True)
    with qtbot.waitSignal(panel.merge_speakers, timeout=1000) as blocker:
        panel.merge_action.trigger()
    assert blocker.args == [PUTIN.id, PESKOV.id]


def test_merge_one_selected_asks_for_the_other(
    qtbot: QtBot, panel: SpeakerPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[list[str]] = []

    def ask_item(title: str, label: str, items: list[str], current: int = 0) -> str:
        offered.append(items)
        return "an analyst"

    monkeypatch.setattr(panel, "ask_item", ask_item)
    click(qtbot, panel, RUTTE.id)
    with qtbot.waitSignal(panel.merge_speakers, timeout=1000) as blocker:
        panel.merge_action.trigger()
    assert blocker.args == [RUTTE.id, ANALYST.id]
    assert sorted(offered[0]) == ["Dmitriy Peskov", "Vladimir Putin", "an analyst"]


def test_move_to_a_new_side(
    qtbot: QtBot, panel: SpeakerPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[list[str]] = []

    def ask_item(title: str, label: str, items: list[str], current: int = 0) -> str:
        offered.append(items)
        return items[-1]

    monkeypatch.setattr(panel, "ask_item", ask_item)
    monkeypatch.setattr(panel, "ask_text", lambda *args: " Observers ")
    click(qtbot, panel, ANALYST.id)
    with qtbot.waitSignal(panel.move_speaker, timeout=1000) as blocker:
        panel.move_action.trigger()
    assert blocker.args == [ANALYST.id, "Observers"]
    assert offered == [["Russia", "NATO", "New side…"]]


def test_side_colour(qtbot: QtBot, panel: SpeakerPanel, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(panel, "ask_colour", lambda title, initial: QColor(0, 0xAA, 0))
    click_index(qtbot, panel, side_index(panel, "NATO"))
    with qtbot.waitSignal(panel.side_colour, timeout=1000) as blocker:
        panel.colour_action.trigger()
    assert blocker.args == ["NATO", "#00aa00"]


def test_cancelled_dialogs_emit_nothing(
    qtbot: QtBot, panel: SpeakerPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("ask_text", "ask_item", "ask_colour"):
        monkeypatch.setattr(panel, name, lambda *args: None)
    click(qtbot, panel, PESKOV.id)
    with (
        qtbot.assertNotEmitted(panel.rename_speaker),
        qtbot.assertNotEmitted(panel.merge_speakers),
        qtbot.assertNotEmitted(panel.move_speaker),
    ):
        for action in (panel.rename_action, panel.merge_action, panel.move_action):
            action.trigger()
