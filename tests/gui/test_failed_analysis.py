"""An article whose analysis failed says so in the library list, with why, and Retry
Analysis (its right-button menu) analyses it again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from counterclaim.gui.app import application, build
from counterclaim.gui.library.articles import DetailRole
from counterclaim.nlp.extract import Extractor
from counterclaim.services.analysis import AnalysisService, QuietProgress
from counterclaim.store import Library


def test_a_failed_article_is_marked_and_retried(
    qtbot: QtBot, tmp_path: Path, library_path: Path, extractor: Extractor, settings: QSettings
) -> None:
    article = tmp_path / "bridge.txt"
    article.write_text(
        "Bridge to close\n\nMayor Jane Smith said the bridge is safe. Engineer Tom Brown "
        "said the bridge is not safe.\n",
        encoding="utf-8",
    )
    service = AnalysisService(library_path)
    service.use(extractor)
    (article_id,) = service.import_paths(QuietProgress(), [article]).added
    with Library.open(library_path) as library:
        library.mark_not_analysed(
            article_id, "the language pipeline could not read it (ValueError: [E088])"
        )
    application()
    bench = build(library_path, service, settings)
    qtbot.addWidget(bench.window)
    bench.window.show()
    bench.review.refresh()
    articles = bench.window.library_list.model()
    shown = articles.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    reason = "the language pipeline could not read it (ValueError: [E088])"
    assert shown == "Bridge to close"
    assert articles.index(0, 0).data(DetailRole) == f"bridge.txt · not analysed: {reason}"
    assert "Retry Analysis" in articles.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert bench.window.retry_action in bench.window.library_list.actions()

    bench.window.library_list.setCurrentIndex(articles.index(0, 0))
    with qtbot.waitSignal(bench.events.analysis_changed, timeout=60_000):
        bench.window.retry_action.trigger()
    qtbot.waitUntil(lambda: not articles.index(0, 0).data(DetailRole).startswith("not analysed"))
    with Library.open(library_path) as library:
        stored = library.article(article_id)
        assert stored.analysed and stored.analysis_error is None
    bench.close()
