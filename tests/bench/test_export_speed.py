"""Exporting the whole library as HTML (`make bench`): 1,000 and 10,000 articles, each on
a copy of the cached library (tests/bench/big_library.py), through the command a user runs,
in a child process. Prints the time, the ratio of the two and each run's peak memory
(resident set size, the child's VmHWM). The report is written as it is built, so the peak
should stay flat and the time grow with the articles. Asserts nothing about time."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.bench.big_library import big_library

ROOT = Path(__file__).resolve().parents[2]
SIZES = (1_000, 10_000)


# The child says its own peak: its ru_maxrss (and so RUSAGE_CHILDREN) would count the
# memory of this pytest process it was started from; VmHWM starts afresh at exec (Linux).
CHILD = """
import sys
from pathlib import Path
from counterclaim.cli import main
code = main()
peak = [l for l in Path("/proc/self/status").read_text().splitlines() if l.startswith("VmHWM")]
print(int(peak[0].split()[1]) // 1024 if peak else -1)
sys.exit(code)
"""


def export_html(library: Path, output: Path) -> tuple[float, int]:
    """Seconds taken and the child's peak RSS in MB (-1 where /proc does not say)."""
    args = ["export", "--format", "html", "-o", str(output), "--library", str(library)]
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *args], cwd=ROOT, check=True, capture_output=True, text=True
    )
    return time.perf_counter() - start, int(done.stdout.split()[-1])


@pytest.mark.bench
def test_exporting_the_whole_library_as_html(tmp_path: Path) -> None:
    times = {}
    for size in SIZES:
        copy = tmp_path / f"library-{size}.sqlite"
        shutil.copyfile(big_library(size), copy)
        took, peak = export_html(copy, tmp_path / f"report-{size}.html")
        times[size] = took
        megabytes = (tmp_path / f"report-{size}.html").stat().st_size / 1e6
        print(
            f"\n{size:>6} articles: {took:6.1f} s, peak RSS {peak} MB, {megabytes:.0f} MB written"
        )
    print(f"ratio {SIZES[1]}/{SIZES[0]}: {times[SIZES[1]] / times[SIZES[0]]:.1f}")
