"""Which claims are left unanswered, and how an article shares its words among the sides."""

from __future__ import annotations

from counterclaim.domain import (
    Analysis,
    LinkStatus,
    Pair,
    Side,
    Span,
    Speaker,
    SpeakerKind,
    Statement,
    StatementKind,
    StatementMode,
)
from counterclaim.overview import NO_SIDE, balance, unanswered_claims

SIDES = (Side("Russia", "#c0392b"), Side("NATO", "#2980b9"))
SPEAKERS = (
    Speaker("peskov", "Dmitriy Peskov", SpeakerKind.PERSON, side="Russia"),
    Speaker("kremlin", "The Kremlin", SpeakerKind.ORGANISATION, side="Russia"),
    Speaker("nato", "NATO", SpeakerKind.ORGANISATION, side="NATO"),
    Speaker("analyst", "An analyst", SpeakerKind.PERSON),
)


def statement(
    sid: str, speaker: str | None, start: int, text: str, mode: StatementMode = StatementMode.SPEECH
) -> Statement:
    return Statement(
        id=sid,
        speaker_id=speaker,
        speaker_text=speaker or "sources",
        cue="said",
        kind=StatementKind.INDIRECT,
        content=Span(start, start + len(text)),
        text=text,
        mode=mode,
    )


def article(*statements: Statement, pairs: tuple[Pair, ...] = ()) -> Analysis:
    return Analysis(speakers=SPEAKERS, statements=statements, pairs=pairs, sides=SIDES)


def pair(claim: str, rebuttal: str, status: LinkStatus = LinkStatus.SUGGESTED) -> Pair:
    return Pair(claim, rebuttal, 0.8, ("Opposite polarity",), status=status)


# listed out of text order on purpose
HOSTILE = statement("s2", "peskov", 40, "NATO is a hostile organisation")
NOT_HOSTILE = statement("s3", "nato", 90, "the alliance is not hostile to Russia")
INVOLVED = statement("s1", "kremlin", 0, "NATO is involved in the conflict")
BELIEF = statement("s4", "analyst", 140, "the talks will fail", StatementMode.BELIEF)
UNSIDED = statement("s5", "analyst", 200, "both sides exaggerate")


def test_claims_in_a_standing_pair_are_answered() -> None:
    analysis = article(HOSTILE, NOT_HOSTILE, INVOLVED, pairs=(pair("s2", "s3"),))
    assert [s.id for s in unanswered_claims(analysis)] == ["s1"]


def test_a_rejected_pair_answers_nothing() -> None:
    analysis = article(
        HOSTILE, NOT_HOSTILE, INVOLVED, pairs=(pair("s2", "s3", LinkStatus.REJECTED),)
    )
    assert [s.id for s in unanswered_claims(analysis)] == ["s1", "s2", "s3"]


def test_a_rebuttal_in_another_article_answers_the_claim() -> None:
    analysis = article(HOSTILE, INVOLVED)
    elsewhere = [pair("s1", "other-article-7", LinkStatus.CONFIRMED)]
    assert [s.id for s in unanswered_claims(analysis, elsewhere)] == ["s2"]


def test_only_speech_can_be_an_unanswered_claim() -> None:
    analysis = article(BELIEF, UNSIDED)
    assert [s.id for s in unanswered_claims(analysis)] == ["s5"]


def test_balance_counts_speakers_statements_words_and_share() -> None:
    again = statement("s6", "peskov", 250, "NATO threatens us")
    result = balance(article(HOSTILE, NOT_HOSTILE, INVOLVED, BELIEF, UNSIDED, again))
    by_side = {s.side: s for s in result.sides}
    assert [s.side for s in result.sides] == ["Russia", "NATO", NO_SIDE]
    russia, nato, none = by_side["Russia"], by_side["NATO"], by_side[NO_SIDE]
    assert (russia.speakers, russia.statements, russia.words) == (2, 3, 14)
    assert (nato.speakers, nato.statements, nato.words) == (1, 1, 7)
    assert (none.speakers, none.statements, none.words) == (1, 1, 3)  # the belief is not speech
    assert (russia.first, russia.last) == (0, 250)
    assert (nato.first, nato.last) == (90, 90)
    assert russia.colour == "#c0392b"
    assert abs(russia.share - 14 / 24) < 1e-9
    assert abs(sum(s.share for s in result.sides) - 1.0) < 1e-9


def test_balance_names_who_speaks_first_and_last() -> None:
    result = balance(article(HOSTILE, NOT_HOSTILE, INVOLVED, BELIEF))
    assert (result.first_speaker, result.last_speaker) == ("The Kremlin", "NATO")


def test_a_silent_side_is_still_shown_with_nothing() -> None:
    result = balance(article(HOSTILE))
    nato = next(s for s in result.sides if s.side == "NATO")
    assert (nato.speakers, nato.statements, nato.words, nato.share) == (0, 0, 0, 0.0)
    assert (nato.first, nato.last) == (None, None)
    assert NO_SIDE not in [s.side for s in result.sides]


def test_an_unknown_speaker_goes_under_no_side_by_its_words() -> None:
    anonymous = statement("s7", None, 10, "the deal is off")
    result = balance(article(anonymous))
    none = next(s for s in result.sides if s.side == NO_SIDE)
    assert (none.speakers, none.statements, none.share) == (0, 1, 1.0)
    assert result.first_speaker == result.last_speaker == "sources"


def test_an_empty_article_has_no_speakers() -> None:
    result = balance(article())
    assert (result.first_speaker, result.last_speaker) == (None, None)
    assert all(s.share == 0.0 for s in result.sides)
