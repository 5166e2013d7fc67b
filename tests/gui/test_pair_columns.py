"""The pair table on real articles: long speaker names do not squeeze the claim and the
rebuttal, the two columns the reviewer reads."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counterclaim.gui.app import Workbench
from counterclaim.gui.pairs.model import PairTableModel

LONG = "Local emergency management officials of Navarro County and the city of Corsicana"


def test_long_speaker_names_leave_the_claim_and_rebuttal_room(
    qtbot: QtBot, reviewing: Workbench
) -> None:
    bench = reviewing
    bench.window.resize(1280, 800)
    first = bench.review.pairs.pair(0)
    claim, _ = bench.review.pairs.statements(0)
    assert claim is not None and claim.speaker_id is not None
    assert bench.speakers.rename_speaker(claim.speaker_id, LONG)
    qtbot.waitUntil(lambda: bench.review.pairs.data(bench.review.pairs.index(0, 0)) == LONG)
    table = bench.window.pair_table
    width = table.viewport().width()
    claims, rebuttals = (
        table.columnWidth(c) for c in (PairTableModel.CLAIM, PairTableModel.REBUTTAL)
    )
    speaker = table.columnWidth(PairTableModel.CLAIM_SPEAKER)
    assert speaker <= max(60, width // 12)  # the name is cut in the table ...
    tooltip = bench.review.pairs.data(bench.review.pairs.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert tooltip == LONG  # ... and whole in its tooltip
    assert claims >= width / 3 and rebuttals >= width / 3
    assert bench.review.pairs.pair(0).id == first.id
