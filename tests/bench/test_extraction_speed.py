"""Extraction time as a ratio to the bare spaCy pipeline over the same texts, measured in
one run (`make bench`). Prints the figures; asserts nothing about time."""

from __future__ import annotations

import json
import time
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


def best_of(runs: int, work) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.mark.bench
def test_extraction_against_bare_spacy() -> None:
    corpus = texts()
    bare = spacy.load(available_model())
    extractor = Extractor.load()
    inputs = [ArticleInput(t) for t in corpus]
    baseline = best_of(3, lambda: list(bare.pipe(corpus)))
    ours = best_of(3, lambda: list(extractor.analyse_many(inputs)))
    chars = sum(len(t) for t in corpus)
    print(
        f"\n{len(corpus)} articles, {chars} characters: bare spaCy {baseline:.2f} s, "
        f"counterclaim extraction {ours:.2f} s, ratio {ours / baseline:.2f}"
    )
    assert ours > 0 and baseline > 0
