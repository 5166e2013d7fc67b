"""Each kind of evidence the scorer uses, and that agreement is not offered as rebuttal."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from counterclaim.nlp.extract import Extractor


@pytest.mark.parametrize(
    ("claim", "counter", "word"),
    [
        ("NATO is hostile to Russia.", "NATO is not hostile to Russia.", "hostile"),
        ("NATO is involved in the conflict.", "NATO was not involved in the conflict.", "involved"),
        ("NATO is a hostile organisation.", "NATO poses no threat to Russia.", "threat"),
        ("The vaccine is safe.", "The vaccine is dangerous.", "dangerous"),
    ],
)
def test_opposite_polarity_rebuts(
    extractor: Extractor, claim: str, counter: str, word: str
) -> None:
    verdict = extractor.compare(claim, counter)
    assert verdict.rebuts, verdict
    assert any("Opposite" in r and word in r for r in verdict.reasons), verdict.reasons


def test_denial_words_count_as_evidence(extractor: Extractor) -> None:
    verdict = extractor.compare(
        "The minister took bribes from the company.",
        "The ministry dismissed the bribery report as a baseless fabrication.",
    )
    assert any("denial" in r for r in verdict.reasons)
    assert (
        verdict.score
        > extractor.compare(
            "The minister took bribes from the company.", "The minister visited the company."
        ).score
    )


def test_agreement_and_unrelated_text_are_not_rebuttals(extractor: Extractor) -> None:
    assert not extractor.compare("NATO is hostile to Russia.", "NATO is hostile to Russia.").rebuts
    assert not extractor.compare(
        "NATO is hostile to Russia.", "The weather in Madrid was sunny on Tuesday."
    ).rebuts


def test_scores_stay_in_unit_interval(extractor: Extractor) -> None:
    for claim, counter in [("a", "b"), ("It is not true.", "It is true.")]:
        assert 0.0 <= extractor.compare(claim, counter).score <= 1.0


def test_one_sided_article_suggests_no_pair(extractor: Extractor) -> None:
    text = (
        "NATO said the alliance is not hostile to Russia. "
        "NATO secretary-general Jens Stoltenberg said the alliance is hostile to nobody."
    )
    assert extractor.analyse(text).pairs == ()


def test_pairs_cross_sides_with_reasons(extractor: Extractor) -> None:
    text = (
        "Kremlin spokesman Dmitriy Peskov said NATO is hostile to Russia. "
        "NATO said it is not hostile to Russia."
    )
    analysis = extractor.analyse(text)
    (pair,) = analysis.pairs
    claim, rebuttal = analysis.statement(pair.claim_id), analysis.statement(pair.rebuttal_id)
    assert "is hostile" in claim.text and "not hostile" in rebuttal.text
    assert any("different sides" in r for r in pair.reasons)


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize("name", ["one-side.txt", "no-contradiction.txt"])
def test_articles_with_no_rebuttal_get_no_suggested_pair(extractor: Extractor, name: str) -> None:
    """One side only (ministers and their deputies), or several voices that agree."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    analysis = extractor.analyse(text)
    assert len(analysis.statements) >= 5
    assert analysis.pairs == ()


@pytest.mark.parametrize(
    ("claim", "counter", "relation"),
    [
        ("Banksy drew a cartoon about the attack.", "The Banksy cartoon is a hoax.", "denies"),
        ("NATO is hostile to Russia.", "NATO is not hostile to Russia.", "disputes"),
        (
            "The mayor closed the bridge on Monday.",
            "On Monday the mayor closed the bridge to traffic.",
            "supports",
        ),
        ("The mayor closed the bridge.", "Lunch was served at noon.", "unrelated"),
    ],
)
def test_relation_types(extractor: Extractor, claim: str, counter: str, relation: str) -> None:
    verdict = extractor.compare(claim, counter)
    assert verdict.relation == relation, verdict
    assert verdict.rebuts == (relation in ("denies", "disputes"))


def test_rumour_words_alone_are_not_a_rebuttal(extractor: Extractor) -> None:
    verdict = extractor.compare(
        "Apple will sell the watch in Germany.", "Rumor: Apple to sell the watch in Germany"
    )
    assert not verdict.rebuts


def test_restatements_of_one_claim_make_one_pair(extractor: Extractor) -> None:
    text = (
        "Kremlin spokesman Dmitriy Peskov said NATO is hostile to Russia. "
        "Peskov later repeated that NATO was hostile to Russia. "
        "NATO said it is not hostile to Russia."
    )
    analysis = extractor.analyse(text)
    (pair,) = analysis.pairs
    assert any("says this 2 times" in reason for reason in pair.reasons), pair.reasons


def test_every_offered_rebuttal_has_a_rebuttal_relation(extractor: Extractor) -> None:
    """The relation is decided on the rounded score a person sees, so a score of exactly
    the threshold is a rebuttal with a rebuttal's relation (it once said "unrelated")."""
    verdicts = [
        extractor.compare(claim, counter)
        for claim, counter in [
            ("The minister took bribes.", "The report about the minister is baseless."),
            ("The bridge is safe.", "The bridge is not safe."),
            ("NATO is hostile to Russia.", "NATO poses no threat."),
            ("The mayor closed the bridge.", "Rumor: the mayor closed the bridge."),
        ]
    ]
    assert any(v.rebuts for v in verdicts)
    for verdict in verdicts:
        assert verdict.rebuts == (verdict.relation in ("denies", "disputes")), verdict


def test_a_qualification_without_denial_is_not_offered_as_a_rebuttal(extractor: Extractor) -> None:
    analysis = extractor.analyse(
        "Kremlin spokesman Dmitriy Peskov said NATO supplies weapons to Ukraine. "
        "NATO secretary-general Jens Stoltenberg said NATO supplies weapons to Ukraine only "
        "for its defence."
    )
    assert len(analysis.statements) == 2
    assert analysis.pairs == ()  # the reviewer can still link it by hand as contextualising


def test_naming_the_claimant_and_answering_later_are_evidence(extractor: Extractor) -> None:
    analysis = extractor.analyse(
        "Kremlin spokesman Dmitriy Peskov said NATO is hostile to Russia. "
        "NATO said it is not hostile to Russia."
    )
    (pair,) = analysis.pairs
    assert "The rebuttal names Russia, of the claim's speaker" in pair.reasons
    assert "The claim is about NATO, and NATO answers" in pair.reasons
    assert "The rebuttal comes after the claim" in pair.reasons
