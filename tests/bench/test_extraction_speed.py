"""Extraction time as a ratio to the bare spaCy pipeline over the same texts, measured in
one run (`make bench`). Prints the figures; asserts nothing about time."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import spacy

from counterclaim.nlp.extract import ArticleInput, Extractor
from counterclaim.nlp.pipeline import available_model
from counterclaim.paths import SAMPLE_ARTICLE

POLNEAR = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "polnear-dev.jsonl"


def texts() -> list[str]:
    if POLNEAR.exists():
        with POLNEAR.open(encoding="utf-8") as handle:
            return [json.loads(line)["text"] for line in handle][:40]
    return [SAMPLE_ARTICLE.read_text(encoding="utf-8")] * 20


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


@pytest.mark.bench
def test_extraction_against_bare_spacy() -> None:
    corpus = texts()
    bare = spacy.load(available_model())
    extractor = Extractor.load()
    inputs = [ArticleInput(t) for t in corpus]
    bare_times, our_times = [], []
    for _ in range(3):  # interleaved, so both see the machine in the same state
        bare_times.append(timed(lambda: list(bare.pipe(corpus))))
        our_times.append(timed(lambda: list(extractor.analyse_many(inputs))))
    baseline, ours = min(bare_times), min(our_times)
    chars = sum(len(t) for t in corpus)
    print(
        f"\n{len(corpus)} articles, {chars} characters: bare spaCy {baseline:.2f} s, "
        f"counterclaim extraction {ours:.2f} s, ratio {ours / baseline:.2f}"
    )
    assert ours > 0 and baseline > 0
