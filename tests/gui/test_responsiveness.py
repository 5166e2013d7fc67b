"""The window keeps answering while 20 articles are analysed behind it."""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QTimer
from pytestqt.qtbot import QtBot

from counterclaim.domain import ArticleMeta
from counterclaim.gui.app import Workbench, application, build, settle_heap
from counterclaim.ingest import text_sha256
from counterclaim.paths import SAMPLE_ARTICLE
from counterclaim.services.analysis import AnalysisService

MAX_GAP_MS = 100


def articles(batch: int) -> list[str]:
    """Twenty different articles cut from the sample's paragraphs."""
    paragraphs = [p for p in SAMPLE_ARTICLE.read_text(encoding="utf-8").split("\n\n") if p]
    return [
        f"Report {batch}.{n}\n\n"
        + "\n\n".join(paragraphs[n % 5 : n % 5 + 6])
        + f"\n\nFiled as report {batch}.{n}.\n"
        for n in range(20)
    ]


def longest_wait(qtbot: QtBot, bench: Workbench, batch: int) -> tuple[int, int]:
    """Analyse 20 new articles; the longest gap between 10 ms ticks, and how many ticks."""
    ids = [
        bench.library.add_article(ArticleMeta(t.split("\n")[0]), t, text_sha256(t))[0]
        for t in articles(batch)
    ]
    settle_heap()  # as `app.run` does once the window is up
    gaps: list[int] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    qtbot.wait(100)  # the loop is ticking before the task starts: its start is measured too
    task = bench.analysis.analyse(ids)
    with qtbot.waitSignal(task.done, timeout=300_000):
        pass
    timer.stop()
    gc.unfreeze()
    return max(gaps, default=0), len(gaps)


def test_the_event_loop_never_waits_long_during_analysis(qtbot: QtBot, library_path: Path) -> None:
    """The pipeline loads and runs in a process of its own (the first run includes its
    start), so neither spaCy's import nor its parsing holds the window's interpreter lock.
    The machine itself can stall a thread once (two cores, three busy threads): the
    measurement is taken twice and one clean run is required."""
    application()
    service = AnalysisService(library_path, in_child=True)
    bench = build(library_path, service)
    qtbot.addWidget(bench.window)
    bench.window.show()
    runs = []
    for batch in range(2):
        longest, ticks = longest_wait(qtbot, bench, batch)
        assert ticks > 50, "the analysis finished before it could be measured"
        runs.append(longest)
        print(f"longest wait of the event loop: {longest} ms over {ticks} ticks")
        if longest < MAX_GAP_MS:
            break
    bench.close()
    assert min(runs) < MAX_GAP_MS, f"the window waited {runs} ms"
