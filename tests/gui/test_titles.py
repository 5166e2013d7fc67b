"""The library list shows short titles without datelines, and a dateline's place and date
reach Article > Details: two newspairs-dev articles the issue names and a text without a
headline (newspairs-train)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter, QPixmap
from pytestqt.qtbot import QtBot

from counterclaim.datelines import find_dateline
from counterclaim.domain import ArticleMeta
from counterclaim.gui.app import Workbench
from counterclaim.gui.library.details import ArticleDetailsDialog
from counterclaim.ingest.titles import TITLE_LIMIT
from tests.conftest import EVAL
from tests.windows import sharing, shown_workbench

if TYPE_CHECKING:
    from counterclaim.nlp.extract import Extractor

ARTICLES = {
    "newspairs-dev": ("fnc-train-410", "fnc-train-147"),
    "newspairs-train": ("fnc-train-1436",),
}
ARTICLE_IDS = ("fnc-train-410", "fnc-train-147", "fnc-train-1436")  # the last has no headline


def texts() -> dict[str, str]:
    found = {}
    for name, ids in ARTICLES.items():
        path = EVAL / f"{name}.jsonl"
        if not path.exists():
            pytest.skip("needs ../shared/eval")
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["id"] in ids:
                found[record["id"]] = record["text"]
    return found


@pytest.fixture
def bench(qtbot: QtBot, library_path: Path, extractor: Extractor) -> Iterator[Workbench]:
    workbench = shown_workbench(qtbot, sharing(library_path, extractor))
    yield workbench
    workbench.close()


def test_the_library_lists_short_titles_and_details_show_the_dateline(
    qtbot: QtBot, bench: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bench.importing, "tell", lambda _message: None)
    paths = []
    for article_id, text in texts().items():
        paths.append(tmp_path / f"{article_id}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    with qtbot.waitSignal(bench.importing.imported, timeout=60_000) as done:
        bench.importing.import_paths(paths)
    added = done.args[0].added
    assert len(added) == 3
    qtbot.waitUntil(lambda: all(bench.library.article(a).analysed for a in added), timeout=60_000)
    qtbot.waitUntil(lambda: not bench.window.progress.isVisible(), timeout=60_000)

    model = bench.review.articles
    shown = {model.article(r).id: model.data(model.index(r, 0)) for r in range(model.rowCount())}
    by_file = {Path(bench.library.article(a).meta.source or "").stem: a for a in added}
    corsicana, tiger, sharia = (shown[by_file[name]] for name in ARTICLE_IDS)
    for title in (corsicana, tiger, sharia):
        assert len(title) <= TITLE_LIMIT and find_dateline(title) is None
    assert corsicana.startswith("Navarro County officials Tuesday emphatically rejected")
    assert tiger.startswith("Tiger Woods is not serving a suspension from the PGA Tour")
    assert sharia.startswith("Users on Twitter and Facebook this week are saying")

    bench.review.show_article(by_file["fnc-train-410"])
    heading = bench.window.pairs_heading.text()  # a title cut at a word, then the counts
    cut = "“Navarro County officials Tuesday emphatically rejected as false a…”: "
    assert heading.startswith(cut)
    assert heading.endswith("left to review")
    seen: list[ArticleDetailsDialog] = []

    def look(meta: ArticleMeta) -> ArticleMeta | None:
        dialog = ArticleDetailsDialog(meta, bench.window)
        qtbot.addWidget(dialog)
        dialog.show()
        seen.append(dialog)
        return None

    monkeypatch.setattr(bench.details, "ask", look)
    bench.window.details_action.trigger()
    (dialog,) = seen
    assert dialog.fields["place"].text() == "Corsicana"
    assert dialog.fields["published"].text() == "2014-10-14"
    assert dialog.fields["title"].text() == corsicana
    if os.environ.get("COUNTERCLAIM_SCREENSHOT"):
        save_side_by_side(bench, dialog, Path(os.environ["COUNTERCLAIM_SCREENSHOT"]))


def save_side_by_side(bench: Workbench, dialog: ArticleDetailsDialog, path: Path) -> None:
    """The window and the details dialog in one picture, for a person to look at."""
    window, details = bench.window.grab(), dialog.grab()
    picture = QPixmap(window.width() + details.width(), max(window.height(), details.height()))
    picture.fill()
    painter = QPainter(picture)
    painter.drawPixmap(QPoint(0, 0), window)
    painter.drawPixmap(QPoint(window.width(), 0), details)
    painter.end()
    picture.save(str(path))
