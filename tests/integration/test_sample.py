"""The Peskov/NATO sample as DESIGN.md reads it, and its golden extraction file."""

from __future__ import annotations

import json
from pathlib import Path

from counterclaim.cli import extraction_json
from counterclaim.domain import Analysis, Pair, Statement
from counterclaim.ingest import load_article
from counterclaim.paths import SAMPLE_ARTICLE

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "peskov-nato.json"


def speaker_of(analysis: Analysis, statement: Statement) -> str:
    speaker = analysis.speaker(statement.speaker_id)
    assert speaker is not None
    return speaker.name


def expected(analysis: Analysis, pair: Pair) -> bool:
    """A pair DESIGN.md asks for: Peskov's hostility claim against NATO's two rebuttals,
    or his involvement claim against Stoltenberg's."""
    claim, rebuttal = analysis.statement(pair.claim_id), analysis.statement(pair.rebuttal_id)
    if speaker_of(analysis, claim) != "Dmitriy Peskov":
        return False
    if speaker_of(analysis, rebuttal) == "NATO":
        return "hostile" in claim.text and (
            "not hostile to Russia" in rebuttal.text or "poses no threat to Russia" in rebuttal.text
        )
    if speaker_of(analysis, rebuttal) == "Jens Stoltenberg":
        return "involvement" in claim.text and "not involved in the conflict" in rebuttal.text
    return False


def test_design_pairs_are_found_and_outscore_every_other(sample_analysis: Analysis) -> None:
    analysis = sample_analysis
    good = [p for p in analysis.pairs if expected(analysis, p)]
    others = [p for p in analysis.pairs if not expected(analysis, p)]
    rebuttals = {analysis.statement(p.rebuttal_id).text for p in good}
    assert any("not hostile to Russia" in t for t in rebuttals)
    assert any("poses no threat to Russia" in t for t in rebuttals)
    assert any("not involved in the conflict" in t for t in rebuttals)
    assert expected(analysis, analysis.pairs[0])
    assert all(o.score < min(g.score for g in good) for o in others)


def test_pronouns_and_titles_resolve(sample_analysis: Analysis) -> None:
    by_mention = [
        (s.speaker_text, speaker_of(sample_analysis, s)) for s in sample_analysis.statements
    ]
    he = [name for text, name in by_mention if text == "He"]
    assert he[0] == "Dmitriy Peskov" and set(he[1:]) == {"Jens Stoltenberg"}
    assert ("The NATO chief", "Jens Stoltenberg") in by_mention
    assert ("The chief of NATO", "Jens Stoltenberg") in by_mention
    assert ("It", "NATO") in by_mention


def test_sides_and_the_source_of_the_report(sample_analysis: Analysis) -> None:
    sides = {s.name: s.side for s in sample_analysis.speakers}
    assert sides == {"Dmitriy Peskov": "Russia", "Jens Stoltenberg": "NATO", "NATO": "NATO"}
    assert all("Gazeta" not in s.speaker_text for s in sample_analysis.statements)


def test_extraction_matches_the_golden_file(sample_analysis: Analysis) -> None:
    """A change in what the sample yields must be looked at and the golden file updated
    on purpose: `python -m tests.integration.test_sample` rewrites it."""
    document = extraction_json(load_article(SAMPLE_ARTICLE), sample_analysis)
    document["file"] = "peskov-nato.txt"
    assert document == json.loads(GOLDEN.read_text(encoding="utf-8"))


def write_golden() -> None:
    from counterclaim.nlp.extract import Extractor

    article = load_article(SAMPLE_ARTICLE)
    document = extraction_json(article, Extractor.load().analyse(article.text, article.meta.title))
    document["file"] = "peskov-nato.txt"
    GOLDEN.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_golden()
