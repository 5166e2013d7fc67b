"""An article of over a million characters, more than spaCy takes at once, through
`counterclaim extract` as a user runs it (`make bench`: about two minutes). Prints the time
and the peak memory of the run."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from counterclaim.paths import SAMPLE_ARTICLE

COPIES = 430  # of the sample article, 2,440 characters each


@pytest.mark.bench
def test_an_article_of_a_million_characters_is_analysed(tmp_path: Path) -> None:
    sample = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    text = sample * COPIES
    assert len(text) > 1_000_000
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "counterclaim.cli", "extract", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    statements = document["statements"]
    print(
        f"\n{len(text)} characters: {len(statements)} statements, "
        f"{len(document['pairs'])} pairs in {seconds:.0f} s, peak memory {peak:.0f} MB"
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
