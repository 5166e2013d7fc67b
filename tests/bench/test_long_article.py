"""Long articles, more than spaCy takes at once, through `counterclaim extract` as a user
runs it (`make bench`: about ten minutes). Prints the time and the peak memory of each run
beside bare spaCy parsing one piece (the most the pipeline reads at once), as ratios:
memory that stays near the baseline as the text grows is memory that is bounded.

Set COUNTERCLAIM_BENCH_LONG_MB (say "5,20") for other lengths, in millions of characters.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from counterclaim.nlp.pieces import PIECE_CHARS
from counterclaim.nlp.pipeline import available_model
from counterclaim.paths import SAMPLE_ARTICLE

_BARE = """
import sys, spacy
nlp = spacy.load(sys.argv[1])
text = open(sys.argv[2], encoding="utf-8").read()
doc = nlp(text)
print(len(doc))
"""


def _run(command: list[str]) -> tuple[subprocess.CompletedProcess[str], float, float]:
    """The finished command, its seconds and its peak memory in MB (run in a shell of its
    own, so that the peak is this command's alone)."""
    started = time.perf_counter()
    wrapped = [sys.executable, "-c", _PEAK, *command]
    result = subprocess.run(wrapped, capture_output=True, text=True, timeout=7200)
    seconds = time.perf_counter() - started
    lines = result.stderr.rstrip().rsplit("\n", 1)
    peak = float(lines[-1].removeprefix("peak "))
    return (
        subprocess.CompletedProcess(command, result.returncode, result.stdout, lines[0]),
        seconds,
        peak,
    )


_PEAK = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[1:])
print(f"peak {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f}", file=sys.stderr)
sys.exit(code)
"""


def _lengths() -> list[int]:
    given = os.environ.get("COUNTERCLAIM_BENCH_LONG_MB", "1,5")
    return [int(float(mb) * 1_000_000) for mb in given.split(",")]


@pytest.mark.bench
def test_long_articles_are_analysed_in_bounded_memory(tmp_path: Path) -> None:
    sample = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    piece = tmp_path / "piece.txt"
    piece.write_text((sample * (PIECE_CHARS // len(sample) + 1))[:PIECE_CHARS], encoding="utf-8")
    bare, bare_seconds, bare_peak = _run(
        [sys.executable, "-c", _BARE, available_model(), str(piece)]
    )
    assert bare.returncode == 0, bare.stderr
    print(
        f"\nbare spaCy, one piece of {PIECE_CHARS} characters: "
        f"{bare_seconds:.1f} s, peak {bare_peak:.0f} MB"
    )
    for length in _lengths():
        text = sample * (length // len(sample) + 1)
        path = tmp_path / f"long-{length}.txt"
        path.write_text(text, encoding="utf-8")
        result, seconds, peak = _run(
            [sys.executable, "-m", "counterclaim.cli", "extract", str(path), "--json"]
        )
        assert result.returncode == 0, result.stderr
        document = json.loads(result.stdout)
        statements = document["statements"]
        print(
            f"{len(text)} characters: {len(statements)} statements, "
            f"{len(document['pairs'])} pairs in {seconds:.0f} s, peak {peak:.0f} MB; "
            f"memory ratio {peak / bare_peak:.2f}, "
            f"time ratio {seconds / bare_seconds / (len(text) / PIECE_CHARS):.2f} per piece"
        )
        assert document["article"]["chars"] == len(text)
        for statement in statements:
            assert text[statement["start"] : statement["end"]] == statement["text"]
        # every copy of the sample says the same things, wherever the pieces were cut
        spans = {(s["start"] % len(sample), s["end"] - s["start"]) for s in statements}
        first = {(s["start"], s["end"] - s["start"]) for s in statements if s["end"] <= len(sample)}
        assert spans == first
        names = {s["name"] for s in document["speakers"]}
        assert {"Dmitriy Peskov", "Jens Stoltenberg", "NATO"} <= names
        assert sum(1 for name in names if "Peskov" in name) == 1
