"""The pair table on real articles: each row an excerpt of the claim and of the rebuttal,
the whole statements in the tooltips; the rebuttals from other articles in a section of
their own under the article's pairs, which the reviewer opens and closes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from counterclaim.domain import LinkStatus
from counterclaim.gui.app import Workbench, build
from counterclaim.gui.pairs.filters import PairFilter
from counterclaim.gui.pairs.model import PairTableModel
from counterclaim.services.analysis import AnalysisService
from tests.gui.conftest import RealLibrary

CLAIM, REBUTTAL = PairTableModel.CLAIM, PairTableModel.REBUTTAL


def shown(bench: Workbench, article_id: int) -> PairTableModel:
    bench.review.show_article(article_id)
    return bench.review.pairs


def test_rows_show_excerpts_and_the_whole_statement_with_its_speaker_on_hover(
    real_library: RealLibrary,
) -> None:
    bench = real_library.bench
    model = shown(bench, real_library.ids["fnc-train-410"])
    table = bench.window.pair_table
    width = table.viewport().width()
    assert bench.window.width() == 1280
    assert table.columnWidth(CLAIM) >= width / 3 and table.columnWidth(REBUTTAL) >= width / 3
    cut = 0
    for row in model.pair_rows():
        for column, statement in zip((CLAIM, REBUTTAL), model.statements(row), strict=True):
            whole = " ".join(statement.text.split())
            cell = model.index(row, column)
            excerpt = cell.data(Qt.ItemDataRole.DisplayRole)
            if model.elsewhere(row) is not None and column == REBUTTAL:
                excerpt = excerpt.split(" · ", 1)[1]  # after the other article's title
            assert len(excerpt) <= 120 and "\n" not in excerpt
            if len(whole) > 120:  # cut after a whole word, with "…"
                cut += 1
                assert excerpt.endswith("…") and whole[len(excerpt) - 1] == " "
                assert whole.startswith(excerpt[:-1])
            else:
                assert excerpt == whole
            tooltip = cell.data(Qt.ItemDataRole.ToolTipRole)
            speaker = model.speaker(statement)
            assert speaker is not None and tooltip.startswith(speaker.name)
            assert f"“{whole}”" in " ".join(tooltip.split())
    assert cut > 0  # the Purdon article has statements longer than a row shows


def test_rebuttals_from_other_articles_sit_under_their_own_heading(
    qtbot: QtBot, real_library: RealLibrary
) -> None:
    bench = real_library.bench
    model = shown(bench, real_library.ids["rumours"])
    table = bench.window.pair_table
    heading = model.heading_row()
    own, others = model.pair_rows()[:heading], model.pair_rows()[heading:]
    assert own and len(others) >= 2
    assert all(model.elsewhere(r) is None for r in own)
    assert all(model.elsewhere(r) is not None for r in others)
    count = len(others)
    assert model.index(heading, 0).data() == f"▾ Rebuttals from other articles ({count})"
    assert table.columnSpan(heading, 0) == model.columnCount()
    assert bench.window.pairs_heading.text() == (
        f"“Weekend rumours”: {len(own)} pair{'s' if len(own) > 1 else ''} · "
        f"{count} from other articles · {model.to_review()} left to review"
    )
    scores = [model.pair(r).score for r in others]
    assert scores == sorted(scores, reverse=True)
    titles = {model.elsewhere(r).article_title for r in others}  # type: ignore[union-attr]
    assert len(titles) == 2  # the Purdon article and the Tiger Woods article
    for row in others:
        title = model.elsewhere(row).article_title  # type: ignore[union-attr]
        assert model.index(row, REBUTTAL).data().startswith(f"“{title[:20]}")
    banded = {band.row for band in bench.window.bands.geometry_of_bands()}
    assert heading not in banded and set(own) <= banded

    # J steps from the article's last pair over the heading to the first from elsewhere
    bench.review.select_pair(own[-1])
    qtbot.keyClick(table, Qt.Key.Key_J)
    assert bench.triage.current_row() == others[0]

    # a click on the heading closes the section: its rows go, J stays in the own pairs
    heading_cell = table.visualRect(model.index(heading, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=heading_cell)
    assert model.rowCount() == heading + 1
    assert model.index(heading, 0).data() == f"▸ Rebuttals from other articles ({count})"
    assert bench.triage.current_row() == own[-1]  # the selection left the closed section
    qtbot.keyClick(table, Qt.Key.Key_J)
    assert bench.triage.current_row() == own[-1]
    assert all(band.row < heading for band in bench.window.bands.geometry_of_bands())

    # the choice is remembered by the next window
    bench.window.save_state(bench.settings)
    path = bench.library.path
    again = build(path, AnalysisService(path), bench.settings)
    qtbot.addWidget(again.window)
    assert not again.window.other_articles_action.isChecked()
    again.review.show_article(real_library.ids["rumours"])
    assert again.review.pairs.rowCount() == heading + 1
    again.close()

    # Ctrl+Shift+R opens it again; the filter applies to both sections
    qtbot.keyClick(
        table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert model.rowCount() == heading + 1 + count
    bench.review.select_pair(others[1])
    qtbot.keyClick(table, Qt.Key.Key_Y)
    confirmed = PairFilter(status=LinkStatus.CONFIRMED)
    bench.window.filter_bar.changed.emit(confirmed)
    assert model.heading_row() == 0
    assert model.index(0, 0).data() == f"▾ Rebuttals from other articles (1 of {count})"
    assert [model.pair(r).status for r in model.pair_rows()] == [LinkStatus.CONFIRMED]


def test_the_pair_model_with_its_heading_passes_the_model_tester(
    qtmodeltester: ModelTester, real_library: RealLibrary
) -> None:
    bench = real_library.bench
    model = shown(bench, real_library.ids["rumours"])
    qtmodeltester.check(model)  # and it keeps watching: the section closes, a filter, opens
    bench.window.other_articles_action.trigger()
    bench.window.filter_bar.changed.emit(PairFilter(status=LinkStatus.SUGGESTED))
    bench.window.other_articles_action.trigger()
    qtmodeltester.check(model)
