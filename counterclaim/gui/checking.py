"""`counterclaim gui --check`: does the window work on this machine? It opens as always,
says when it is on screen, waits until the library is ready (on first start: the sample
article imported and analysed in the pipeline's own process), prints the pairs the table
shows, and closes. For an installation (the one-folder bundle) to be checked without
anyone looking at the screen."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from counterclaim.text import visible

if TYPE_CHECKING:
    from counterclaim.domain import Statement
    from counterclaim.gui.app import Launcher, Workbench
    from counterclaim.gui.pairs.model import PairTableModel


def tell_shown() -> None:
    print("The window is shown; opening the library…", flush=True)


def quit_when_ready(launcher: Launcher) -> None:
    """Once the library's first work is done, print what the window shows and quit (exit
    status 0); if it failed or was stopped, say so on stderr and quit with status 1."""
    task, bench = launcher.preparing, launcher.bench
    if task is None or bench is None:
        return
    # after the views have followed what the work changed (its signals come first)
    task.finished.connect(lambda _ids: QTimer.singleShot(0, lambda: _tell_ready(bench)))
    task.failed.connect(lambda message, _details: _fail(message))
    task.cancelled.connect(lambda: _fail("the work was stopped"))


def _tell_ready(bench: Workbench) -> None:
    window, pairs = bench.window, bench.review.pairs
    print(f"{visible(window.windowTitle())}: {visible(window.statusBar().currentMessage())}")
    if bench.review.article_id is None:
        print("No article shown", flush=True)
        QApplication.exit(0)
        return
    rows = pairs.pair_rows()  # the pairs, and those from other articles when shown
    print(f"Pairs shown for “{visible(bench.review.title)}”: {len(rows)}")
    for row in rows:
        print(" ⟷ ".join(_said(pairs, statement) for statement in pairs.statements(row)))
    sys.stdout.flush()
    QApplication.exit(0)


def _said(pairs: PairTableModel, statement: Statement) -> str:
    """Who said it and what, on one line: as the pair's cards show it."""
    speaker = pairs.speaker(statement)
    name = speaker.name if speaker else statement.speaker_text
    return visible(f"{name} “{' '.join(statement.text.split())}”")


def _fail(message: str) -> None:
    print(f"counterclaim: the window could not prepare the library: {message}", file=sys.stderr)
    QApplication.exit(1)
