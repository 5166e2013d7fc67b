"""Whole real articles of six shapes from newspairs-dev, checked against their gold pairs,
with golden extraction results: a change in what they yield must be looked at, and the
golden file updated on purpose (`python -m tests.integration.test_newspairs`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from counterclaim.evaluate_pairs import (
    GoldPairsArticle,
    PairCounts,
    read_pairs_gold,
    score_article,
)
from tests.conftest import EVAL

if TYPE_CHECKING:
    from counterclaim.nlp.extract import Extractor

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "newspairs-dev.json"
SHAPES = {
    "fnc-train-410": "a denial by noun ('This report is entirely false'), the rebuttal first",
    "fnc-train-1588": "the claim inside the denial ('has denied claims by ... that')",
    "fnc-train-709": "a hoax story with no person behind it, answered by the police",
    "fnc-train-620": "the rebuttal first, the claims in embedded tweets at the end",
    "fnc-train-2132": "a counter-rebuttal: a denial answered by a denial",
    "fnc-train-1152": "no rebuttal at all",
}


def articles() -> list[GoldPairsArticle]:
    path = EVAL / "newspairs-dev.jsonl"
    if not path.exists():
        pytest.skip("needs ../shared/eval")
    return [a for a in read_pairs_gold(path) if a.id in SHAPES]


def outcome(extractor: Extractor, article: GoldPairsArticle) -> dict[str, Any]:
    """What the extractor finds in one article, by offsets, and how it scores on the gold."""
    analysis = extractor.analyse(article.text, article.title)
    counts = PairCounts()
    score_article(article, analysis, counts)
    summary = counts.summary
    starts = {s.id: s.content.start for s in analysis.statements}
    return {
        "statements": [
            [s.content.start, s.content.end, getattr(analysis.speaker(s.speaker_id), "name", None)]
            for s in analysis.statements
        ],
        "pairs": [[starts[p.claim_id], starts[p.rebuttal_id], p.score] for p in analysis.pairs],
        "gold_pairs": summary["pairs"]["gold"],
        "right": summary["pairs"]["right"],
        "suggested": summary["pairs"]["predicted"],
        "gold_statements_found": summary["statements"]["found"],
    }


@pytest.mark.eval
def test_six_real_articles_match_their_golden_results(extractor: Extractor) -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    found = {a.id: outcome(extractor, a) for a in articles()}
    assert set(found) == set(SHAPES)
    for article_id, result in found.items():
        assert result == golden[article_id], f"{article_id}: {SHAPES[article_id]}"


@pytest.mark.eval
def test_the_real_articles_get_their_gold_pairs_and_no_absurd_ones(extractor: Extractor) -> None:
    found = {a.id: outcome(extractor, a) for a in articles()}
    assert found["fnc-train-1152"]["suggested"] == 0  # no rebuttal, no pair
    for article_id in ("fnc-train-410", "fnc-train-1588", "fnc-train-709", "fnc-train-620"):
        assert found[article_id]["right"] >= 1, f"{article_id}: {SHAPES[article_id]}"
    right = sum(r["right"] for r in found.values())
    suggested = sum(r["suggested"] for r in found.values())
    assert right / suggested >= 0.5  # on these six, at least every other suggestion is right


def write_golden() -> None:
    from counterclaim.nlp.extract import Extractor

    extractor = Extractor.load()
    result = {a.id: outcome(extractor, a) for a in articles()}
    GOLDEN.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_golden()
