"""The whole-article pair scorer on a tiny gold file written by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from counterclaim.domain import (
    Analysis,
    Pair,
    Span,
    Speaker,
    SpeakerKind,
    Statement,
    StatementKind,
)
from counterclaim.evaluate import GoldFormatError
from counterclaim.evaluate_pairs import PairCounts, read_pairs_gold, score_article

TEXT = (
    "Reports said the mayor “was arrested in Miami” last week. "
    "The mayor's office said there is no truth to the report. "
    "A spokesman said the mayor was at home all week."
)


def gold_line(pairs: list[dict[str, str]]) -> str:
    return json.dumps(
        {
            "id": "a1",
            "title": "",
            "text": TEXT,
            "speakers": [
                {"name": "reports", "aliases": ["Reports"], "side": "rumour"},
                {"name": "the mayor's office", "aliases": ["A spokesman"], "side": "mayor"},
            ],
            "statements": [
                {"sid": "s1", "speaker": "reports", "anchor": 'was arrested in Miami"'},
                {"sid": "s2", "speaker": "the mayor's office", "anchor": "no truth to the report"},
                {
                    "sid": "s3",
                    "speaker": "the mayor's office",
                    "anchor": "at home all week",
                    "restates": "s2",
                },
            ],
            "pairs": pairs,
        }
    )


def statement(sid: str, words: str, speaker: str | None) -> Statement:
    start = TEXT.index(words)
    return Statement(
        sid, speaker, "", "said", StatementKind.INDIRECT, Span(start, start + len(words)), words
    )


SPEAKERS = (
    Speaker("p1", "Reports", SpeakerKind.GROUP),
    Speaker("p2", "The mayor's office", SpeakerKind.ORGANISATION),
    Speaker("p3", "Miami", SpeakerKind.COUNTRY),
)
FOUND = (
    statement("st1", "the mayor “was arrested in Miami” last week", "p1"),
    statement("st2", "there is no truth to the report", "p2"),
    statement("st3", "the mayor was at home all week", "p3"),  # right words, wrong speaker
)


def scored(
    tmp_path: Path, gold_pairs: list[dict[str, str]], pairs: tuple[Pair, ...]
) -> dict[str, Any]:
    path = tmp_path / "gold.jsonl"
    path.write_text(gold_line(gold_pairs) + "\n", encoding="utf-8")
    (article,) = read_pairs_gold(path)
    counts = PairCounts()
    errors: list[dict[str, Any]] = []
    score_article(article, Analysis(SPEAKERS, FOUND, pairs), counts, errors.append)
    return {"summary": counts.summary, "errors": errors}


def test_statements_found_by_anchor_with_curly_quotes_and_speakers_checked(tmp_path: Path) -> None:
    result = scored(tmp_path, [{"claim": "s1", "rebuttal": "s2"}], ())
    statements = result["summary"]["statements"]
    assert (statements["found"], statements["right_speaker"]) == (3, 2)
    assert [e["sid"] for e in result["errors"] if e["kind"] == "wrong speaker"] == ["s3"]


def test_a_pair_through_a_restatement_counts_once_and_roles_must_agree(tmp_path: Path) -> None:
    pairs = (
        Pair("st1", "st2", 0.9, ()),
        Pair("st1", "st3", 0.8, ()),  # s3 restates s2: the same pair again
        Pair("st2", "st1", 0.7, ()),  # roles turned round: wrong
    )
    summary = scored(tmp_path, [{"claim": "s1", "rebuttal": "s2"}], pairs)["summary"]
    assert summary["pairs"]["right"] == 1
    assert summary["pairs"]["predicted"] == 2
    assert summary["pairs"]["recall"] == 1.0
    assert summary["pairs"]["precision"] == 0.5


def test_pairs_on_an_article_without_rebuttal_are_counted(tmp_path: Path) -> None:
    summary = scored(tmp_path, [], (Pair("st1", "st2", 0.9, ()),))["summary"]
    assert summary["without_rebuttal"] == {"articles": 1, "with_no_pair": 0, "pairs_suggested": 1}


def test_an_anchor_that_is_not_in_the_text_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(
        gold_line([]).replace('"anchor": "at home all week"', '"anchor": "in Paris"') + "\n",
        encoding="utf-8",
    )
    with pytest.raises(GoldFormatError, match=r"line 1: .*anchor of s3"):
        list(read_pairs_gold(path))
