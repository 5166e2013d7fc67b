"""The window as a fact-checker first sees it: the sample, analysed, its pairs side by side."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from counterclaim.gui.app import Workbench, application, build, default_library
from counterclaim.gui.library.articles import ArticleListModel
from counterclaim.gui.pairs.model import PairTableModel
from counterclaim.paths import default_library_path
from counterclaim.services.analysis import AnalysisService

if TYPE_CHECKING:
    from counterclaim.nlp.extract import Extractor


@pytest.fixture
def bench(qtbot: QtBot, library_path: Path, extractor: Extractor) -> Iterator[Workbench]:
    application()
    service = AnalysisService(library_path)
    service._extractor = extractor  # the session's pipeline: loading is tested elsewhere
    workbench = build(library_path, service)
    qtbot.addWidget(workbench.window)
    workbench.window.show()
    workbench.review.refresh()
    yield workbench
    workbench.close()


def start_and_wait(qtbot: QtBot, bench: Workbench) -> None:
    with qtbot.waitSignal(bench.events.analysis_changed, timeout=60_000):
        bench.analysis.start()


def test_first_start_shows_the_sample_with_pairs(qtbot: QtBot, bench: Workbench) -> None:
    start_and_wait(qtbot, bench)
    assert bench.review.articles.rowCount() == 1
    assert "Peskov" in bench.window.article_view.toPlainText()
    assert bench.window.pair_table.model().rowCount() >= 3


def test_selecting_the_first_pair_shows_claim_and_rebuttal(qtbot: QtBot, bench: Workbench) -> None:
    start_and_wait(qtbot, bench)
    bench.review.select_pair(0)
    view = bench.window.pair_view
    assert "Dmitriy Peskov" in view.claim.speaker.text()
    assert "hostile" in view.claim.text.text()
    assert view.rebuttal.speaker.text().startswith("NATO")
    assert (
        "no threat to Russia" in view.rebuttal.text.text()
        or "not hostile" in view.rebuttal.text.text()
    )
    assert "Why" in view.reasons.text()
    claim, rebuttal = bench.review.pairs.statements(0)
    strong = {
        span for span, is_strong in bench.window.article_view.highlighted_spans() if is_strong
    }
    assert strong == {claim.content, rebuttal.content}


def test_window_appears_before_the_pipeline_is_loaded(qtbot: QtBot, library_path: Path) -> None:
    application()
    service = AnalysisService(library_path)
    workbench = build(library_path, service)
    qtbot.addWidget(workbench.window)
    workbench.window.show()
    assert workbench.window.isVisible() and service._extractor is None
    workbench.close()


def test_cancel_stops_the_analysis_and_keeps_the_window_usable(
    qtbot: QtBot, bench: Workbench
) -> None:
    task = bench.analysis.start()
    task.cancel()
    with qtbot.waitSignal(task.done, timeout=60_000):
        pass
    assert bench.window.isEnabled()


def test_models_pass_the_model_tester(
    qtmodeltester: ModelTester, qtbot: QtBot, bench: Workbench
) -> None:
    start_and_wait(qtbot, bench)
    qtmodeltester.check(bench.review.articles)
    qtmodeltester.check(bench.review.pairs)
    qtmodeltester.check(ArticleListModel())
    qtmodeltester.check(PairTableModel())


def test_default_library_is_in_the_user_data_folder(qtbot: QtBot) -> None:
    application()
    assert default_library() == default_library_path()


def test_a_rebuttal_from_another_article_is_shown_with_its_article(
    qtbot: QtBot, bench: Workbench
) -> None:
    from counterclaim.domain import ArticleMeta
    from counterclaim.ingest import text_sha256

    claim = "Kremlin claims\n\nKremlin spokesman Dmitriy Peskov said NATO is hostile to Russia.\n"
    answer = "NATO answers\n\nNATO said it is not hostile to Russia and poses no threat.\n"
    again = (
        "Peskov again\n\nKremlin spokesman Dmitriy Peskov said that NATO is hostile to Russia.\n"
    )
    ids = [
        bench.library.add_article(ArticleMeta(t.split("\n")[0]), t, text_sha256(t))[0]
        for t in (claim, answer, again)
    ]
    with qtbot.waitSignal(bench.events.analysis_changed, timeout=60_000):
        bench.analysis.analyse(ids)
    bench.review.show_article(ids[0])
    model = bench.review.pairs
    rows = [r for r in model.pair_rows() if model.elsewhere(r) is not None]
    assert rows, "the NATO article's answer should be listed"
    bench.review.select_pair(rows[0])
    view = bench.window.pair_view
    assert view.rebuttal.heading.text() == "Rebuttal, in “NATO answers”"
    assert view.claim.repeats.text() == "Said this in another article too: “Peskov again”"
    assert "not hostile" in view.rebuttal.text.text()
    strong = [
        span for span, is_strong in bench.window.article_view.highlighted_spans() if is_strong
    ]
    claim_statement, _ = model.statements(rows[0])
    assert strong == [claim_statement.content]
