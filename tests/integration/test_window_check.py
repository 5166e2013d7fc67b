"""`counterclaim gui --check`: the window opens, says so, prepares a new library (the sample
analysed in the pipeline's process) and prints the pairs its table shows, then closes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_the_check_prints_the_pairs_the_window_shows_and_closes(tmp_path: Path) -> None:
    library = tmp_path / "first.sqlite"
    env = {k: v for k, v in os.environ.items() if k != "COUNTERCLAIM_LIBRARY"}
    done = subprocess.run(
        [sys.executable, "-m", "counterclaim.cli", "gui", "--check", "--library", str(library)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env | {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:2] == [
        "The window is shown; opening the library…",
        "first.sqlite – counterclaim: Ready: 1 article analysed",
    ]
    assert lines[2] == (
        'Pairs shown for “Russia\'s Dmitriy Peskov slams NATO as a "hostile organisation".”: 3'
    )
    rebuttals = [line.partition(" ⟷ ")[2] for line in lines[3:]]
    assert len(rebuttals) == 3
    assert any(r.startswith("NATO “") and "poses no threat to Russia" in r for r in rebuttals)
    assert any(r.startswith("NATO “it is not hostile to Russia") for r in rebuttals)
    assert any(r.startswith("Jens Stoltenberg “NATO was not involved") for r in rebuttals)
