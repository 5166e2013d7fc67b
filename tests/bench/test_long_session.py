"""A long reviewing session: 1,000 pair selections on a large article, with a confirm
every 25 selections and every other confirm undone (`make bench`). Prints what the
process holds before and after (memory, references to None, Python objects, Qt objects,
timers, connections, the undo stack) as ratios to the start; asserts only that nothing
Qt-side keeps growing."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import SIGNAL, QObject, Qt, QTimer
from pytestqt.qtbot import QtBot

from counterclaim.gui.app import Workbench
from tests.large import open_workbench, store_large_article

SELECTIONS = 1000


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def holdings(bench: Workbench) -> dict[str, float]:
    gc.collect()
    window = bench.window
    selection = window.pair_table.selectionModel()
    return {
        "RSS (MB)": rss_mb(),
        "references to None": sys.getrefcount(None),
        "Python objects": len(gc.get_objects()),
        "Qt objects in the window": len(window.findChildren(QObject)),
        "timers": len(window.findChildren(QTimer)),
        "slots on pair selection": selection.receivers(
            SIGNAL("selectionChanged(QItemSelection,QItemSelection)")
        ),
        "undo stack": window.undo_stack.count(),
    }


@pytest.mark.bench
def test_a_thousand_selections(qtbot: QtBot, library_path: Path, tmp_path: Path) -> None:
    store_large_article(library_path, statements=400)
    bench = open_workbench(qtbot, library_path, tmp_path / "settings.ini")
    table = bench.window.pair_table
    last = bench.review.pairs.rowCount() - 1
    for _ in range(20):  # warm up: first paints and caches
        qtbot.keyClick(table, Qt.Key.Key_J)
    start = holdings(bench)
    row, step = bench.triage.current_row(), 1
    for n in range(SELECTIONS):
        if not 0 <= row + step <= last:
            step = -step
        qtbot.keyClick(table, Qt.Key.Key_J if step > 0 else Qt.Key.Key_K)
        row += step
        if n % 25 == 24:  # a confirm every 25 selections, every other one undone
            qtbot.keyClick(table, Qt.Key.Key_Y)
            if n % 50 == 49:
                qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
            row = bench.triage.current_row()  # Y went on to the next pair; undo stays there
    end = holdings(bench)
    print(f"\n{SELECTIONS} selections over {last + 1} pairs (400 statements):")
    for name, before in start.items():
        after = end[name]
        ratio = after / before if before else float("nan")
        print(f"  {name}: {before:g} -> {after:g} (ratio {ratio:.3f})")
    assert bench.window.isVisible()
    for name in ("Qt objects in the window", "timers", "slots on pair selection"):
        assert end[name] == start[name], name
    bench.close()
