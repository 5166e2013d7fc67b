"""Fast at 10,000 articles (`make bench`): start-up, the library list's memory, search,
showing an article, selecting a pair and changing the filter, on a copy of the cached
library of 10,000 articles (tests/bench/big_library.py). Prints min and median of a few
runs, each as a ratio to a baseline measured in the same run: a bare `QMainWindow` for
start-up, the bare full-text query for search, one plain repaint of the article for a pair
selection. Asserts nothing about time."""

from __future__ import annotations

import json
import shutil
import sqlite3
import statistics
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counterclaim.gui.app import Workbench
from counterclaim.gui.pairs.filters import PairFilter
from counterclaim.store import Library
from tests.bench.big_library import big_library
from tests.child import run_python
from tests.large import open_workbench, store_large_article
from tests.sql import sql_sent

RUNS = 5
ROOT = Path(__file__).resolve().parents[2]
QUERIES = ("nato", "hillary clinton", "said the", "threat", "health", "russia hostile", "vote")
HEAVY = ("trafilatura", "pypdf", "docx", "py3langid", "alembic", "spacy")

CHILD = r"""
import json, sys, time
start = time.perf_counter()
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

mode, path = sys.argv[1], sys.argv[2]
marks = {}

def rss_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            marks.setdefault("mapped", time.perf_counter() - start)
            if mode == "bare":
                app.quit()
            elif opened and opened[0].bench is not None:
                view = opened[0].bench.window.library_list
                if watched is view.viewport() and view.model().rowCount() > 0:
                    marks.setdefault("listed", time.perf_counter() - start)
                    app.quit()
        return False

if mode == "bare":
    app = QApplication([])
    app.installEventFilter(watch := Watch())
    window = QMainWindow()
    window.show()
    app.exec()
else:
    # as `counterclaim` starts the window (counterclaim.gui.start.run)
    from counterclaim.gui.start import application, open_behind, show_frame
    from counterclaim.gui.settings.theme import apply_scheme
    app = application()
    apply_scheme(app)
    opened = []
    app.installEventFilter(watch := Watch())
    frame = show_frame(Path(path))
    frame.painted.connect(lambda: opened.append(open_behind(frame, Path(path))))
    app.exec()
    launcher = opened[0]
    marks["modules"] = sorted(m for m in {HEAVY} if m in sys.modules)
    launcher.bench.runner.wait()  # what the start-up task reads counts too
    app.processEvents()
    marks["rss"] = rss_mb()
    launcher.close()
print(json.dumps(marks))
""".replace("{HEAVY}", repr(set(HEAVY)))


def report(
    name: str, runs: list[float], baseline: list[float] | None = None, unit: str = "ms"
) -> None:
    low, mid = min(runs), statistics.median(runs)
    line = f"{name:<38} min {low:8.1f} {unit}  median {mid:8.1f} {unit}"
    if baseline:
        line += f"  ({mid / statistics.median(baseline):5.2f}x the baseline's median)"
    print(line)


@pytest.fixture
def big_copy(tmp_path: Path) -> Path:
    """A copy of the cached library: opening a library writes beside it."""
    path = tmp_path / "library.sqlite"
    shutil.copyfile(big_library(), path)
    return path


def timed(work: Callable[[], object], runs: int = RUNS) -> list[float]:
    found = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        found.append((time.perf_counter() - began) * 1000)
    return found


def start_once(mode: str, path: Path, tmp_path: Path) -> dict[str, Any]:
    done = run_python(CHILD, mode, str(path), home=tmp_path, check=True)
    marks: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return marks


@pytest.mark.bench
def test_start_up(big_copy: Path, tmp_path: Path) -> None:
    bare = [start_once("bare", big_copy, tmp_path)["mapped"] * 1000 for _ in range(3)]
    runs = [start_once("app", big_copy, tmp_path) for _ in range(3)]
    print()
    report("bare QMainWindow mapped", bare)
    report("window mapped", [r["mapped"] * 1000 for r in runs], bare)
    report("library list painted after mapped", [(r["listed"] - r["mapped"]) * 1000 for r in runs])
    report("RSS after load", [r["rss"] for r in runs], unit="MB")
    print("heavy modules imported at start:", runs[-1]["modules"])


@pytest.mark.bench
def test_search(big_copy: Path) -> None:
    with Library.open(big_copy) as library, closing(sqlite3.connect(big_copy)) as db:

        def bare() -> None:
            for query in QUERIES:
                terms = " AND ".join(f'"{w}"*' for w in query.split())
                db.execute(
                    "SELECT rowid, text FROM statement_search WHERE statement_search MATCH ? "
                    "ORDER BY bm25(statement_search) LIMIT 100",
                    (terms,),
                ).fetchall()

        def ours() -> None:
            for query in QUERIES:
                library.search(query)

        bare()  # warm the page cache
        ours()
        per = len(QUERIES)
        baseline = [t / per for t in timed(bare)]
        each = []
        for query in QUERIES:
            each += timed(lambda q=query: library.search(q))  # type: ignore[misc]
        with sql_sent(library) as sent:
            ours()
    print()
    report("bare FTS query (mean of the queries)", baseline)
    report("Library.search", each, baseline)
    print(f"{'search p95':<38} {statistics.quantiles(each, n=20)[-1]:8.1f} ms")
    print(f"{'SQL per search (most)':<38} {len(sent) / per:8.1f}")


def shown(qtbot: QtBot, big_copy: Path, tmp_path: Path) -> tuple[Workbench, int]:
    article_id, _ = store_large_article(big_copy, statements=180)
    bench = open_workbench(qtbot, big_copy, tmp_path / "settings.ini")
    qtbot.waitUntil(lambda: not bench.review.counts_pending, timeout=30_000)  # as it settles
    return bench, article_id


@pytest.mark.bench
def test_show_article(qtbot: QtBot, big_copy: Path, tmp_path: Path) -> None:
    bench, article_id = shown(qtbot, big_copy, tmp_path)
    other = bench.review.articles.article(0).id
    app = QApplication.instance()
    assert app is not None

    def show() -> None:
        bench.review.show_article(other)
        bench.review.show_article(article_id)
        app.processEvents()

    runs = timed(show)
    baseline = timed(lambda: (bench.window.article_view.viewport().repaint(), app.processEvents()))
    with sql_sent(bench.library) as sent:
        bench.review.show_article(article_id)
    print()
    report("show an article of 180 statements", [r / 2 for r in runs], baseline)
    print(f"{'SQL to show it':<38} {len(sent):8d}")


@pytest.mark.bench
def test_select_pair_and_filter(qtbot: QtBot, big_copy: Path, tmp_path: Path) -> None:
    bench, article_id = shown(qtbot, big_copy, tmp_path)
    bench.review.show_article(article_id)
    app = QApplication.instance()
    assert app is not None
    table = bench.window.pair_table
    from PySide6.QtCore import Qt

    def next_pair() -> None:
        qtbot.keyClick(table, Qt.Key.Key_J)
        app.processEvents()

    timed(next_pair, 5)
    select = timed(next_pair, 40)
    baseline = timed(lambda: (bench.window.article_view.viewport().repaint(), app.processEvents()))
    speakers = sorted(
        {s.name for s in bench.review.analysis.speakers} if bench.review.analysis else []
    )
    wanted = [PairFilter(speaker=speakers[0]), PairFilter(), PairFilter(speaker=speakers[-1])] * 7

    def change(each: PairFilter) -> None:
        bench.window.filter_bar.changed.emit(each)
        app.processEvents()

    filters = [timed(lambda f=each: change(f), 1)[0] for each in wanted]  # type: ignore[misc]
    print()
    report("select the next pair (J) and repaint", select, baseline)
    print(f"{'select p95':<38} {statistics.quantiles(select, n=20)[-1]:8.1f} ms")
    report("change the filter", filters)
    print(f"{'filter p95':<38} {statistics.quantiles(filters, n=20)[-1]:8.1f} ms")
