"""The overview a reviewer reads: unanswered claims, the sides' balance, first and last."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QColor
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from counterclaim.domain import (
    Analysis,
    LinkStatus,
    Pair,
    Side,
    Span,
    Speaker,
    SpeakerKind,
    Statement,
    StatementKind,
    StatementMode,
)
from counterclaim.gui.overview.panel import BalanceModel, OverviewPanel, UnansweredModel
from counterclaim.gui.tables import ObjectRole
from counterclaim.overview import balance, unanswered_claims

SPEAKERS = (
    Speaker("p", "Dmitriy Peskov", SpeakerKind.PERSON, side="Russia"),
    Speaker("n", "NATO", SpeakerKind.ORGANISATION, side="NATO"),
    Speaker("a", "An analyst", SpeakerKind.PERSON),
)


def said(
    sid: str, speaker: str, start: int, text: str, mode: StatementMode = StatementMode.SPEECH
) -> Statement:
    return Statement(
        sid, speaker, speaker, "said", StatementKind.INDIRECT, Span(start, start + len(text)), text,
        mode=mode,
    )  # fmt: skip


ANALYSIS = Analysis(
    speakers=SPEAKERS,
    statements=(
        said("s1", "p", 0, "NATO is a hostile organisation"),
        said("s2", "n", 50, "the alliance is not hostile"),
        said("s3", "p", 100, "NATO is involved in the <i>conflict</i>"),
        said("s4", "a", 150, "the talks will fail", StatementMode.BELIEF),
        said("s5", "a", 200, "both sides exaggerate"),
        said("s6", "n", 250, "it will stand by Ukraine"),
    ),
    pairs=(
        Pair("s1", "s2", 0.9, ("Opposite polarity",)),
        Pair("s3", "s6", 0.3, ("weak",), status=LinkStatus.REJECTED),
    ),
    sides=(Side("Russia", "#c0392b"), Side("NATO", "#2980b9")),
)


def cells(model: QAbstractItemModel, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_the_models_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    unanswered = UnansweredModel()
    unanswered.set_claims(ANALYSIS, unanswered_claims(ANALYSIS))
    qtmodeltester.check(unanswered)
    sides = BalanceModel()
    sides.set_balance(balance(ANALYSIS))
    qtmodeltester.check(sides)
    unanswered.set_claims(None, [])
    sides.set_balance(None)
    qtmodeltester.check(unanswered)
    qtmodeltester.check(sides)


def test_unanswered_claims_show_speaker_side_and_words(qtbot: QtBot) -> None:
    model = UnansweredModel()
    model.set_claims(ANALYSIS, unanswered_claims(ANALYSIS))
    assert cells(model, model.SPEAKER) == ["Dmitriy Peskov", "An analyst", "NATO"]
    assert cells(model, model.SIDE) == ["Russia", "No side", "NATO"]
    assert cells(model, model.CLAIM)[0] == "NATO is involved in the <i>conflict</i>"
    assert model.data(model.index(0, model.SIDE), Qt.ItemDataRole.ForegroundRole) == QColor(
        "#c0392b"
    )
    assert model.data(model.index(2, model.CLAIM), ObjectRole).id == "s6"


def test_balance_rows_read_as_a_reviewer_expects(qtbot: QtBot) -> None:
    model = BalanceModel()
    model.set_balance(balance(ANALYSIS))
    rows = [
        [model.data(model.index(row, column)) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]
    assert rows == [
        ["Russia", "1", "2", "11", "46%", "first"],
        ["NATO", "1", "2", "10", "42%", "last"],
        ["No side", "1", "1", "3", "12%", ""],
    ]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["Side", "Speakers", "Statements", "Words", "Share", "Speaks first/last"]
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) == QColor("#2980b9")


def test_one_side_speaks_first_and_last(qtbot: QtBot) -> None:
    alone = Analysis(SPEAKERS, (said("s1", "p", 0, "NATO is hostile"),), (), ANALYSIS.sides)
    model = BalanceModel()
    model.set_balance(balance(alone))
    assert cells(model, model.FIRST_LAST) == ["first and last", ""]


@pytest.fixture
def panel(qtbot: QtBot) -> Iterator[OverviewPanel]:
    widget = OverviewPanel()
    qtbot.addWidget(widget)
    widget.resize(640, 480)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def test_the_panel_headings_say_what_is_open(qtbot: QtBot, panel: OverviewPanel) -> None:
    assert panel.unanswered_heading.text() == "Unanswered claims: 0"
    panel.show_analysis(ANALYSIS, [])
    assert panel.unanswered_heading.text() == "Unanswered claims: 3"
    assert panel.balance_heading.text() == "Balance"
    assert panel.speakers_line.text() == ("First to speak: Dmitriy Peskov. Last to speak: NATO.")
    answered_elsewhere = [Pair("s5", "other-article-statement", 0.7, (), LinkStatus.CONFIRMED)]
    panel.show_analysis(ANALYSIS, answered_elsewhere)
    assert panel.unanswered_heading.text() == "Unanswered claims: 2"


def test_double_click_or_enter_chooses_a_claim(qtbot: QtBot, panel: OverviewPanel) -> None:
    panel.show_analysis(ANALYSIS, [])
    table = panel.unanswered_table
    centre = table.visualRect(panel.unanswered.index(1, 2)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    with qtbot.waitSignal(panel.claim_chosen) as chosen:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert chosen.args[0].id == "s5"
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    with qtbot.waitSignal(panel.claim_chosen) as chosen:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert chosen.args[0].id == "s6"


def test_an_article_without_speech_says_so(qtbot: QtBot, panel: OverviewPanel) -> None:
    panel.show_analysis(Analysis(SPEAKERS, (), (), ANALYSIS.sides))
    assert panel.unanswered_heading.text() == "Unanswered claims: 0"
    assert panel.speakers_line.text() == "Nobody speaks in this article."
