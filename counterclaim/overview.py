"""What an article leaves open and how it shares its words among the sides.

Pure Python over the domain dataclasses: the claims nobody answers yet, and for each side
how many speakers, statements and words it gets and where it first and last speaks. Only
speech counts (StatementMode.SPEECH): beliefs, stances and topics are not words given to a
side.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from counterclaim.colours import NO_SIDE_COLOUR
from counterclaim.domain import (
    Analysis,
    LinkStatus,
    Pair,
    Side,
    Statement,
    StatementMode,
)

NO_SIDE = "No side"  # the label of speakers (or unknown speakers) on no side


@dataclass(frozen=True)
class SideBalance:
    """One side's share of the article's speech."""

    side: str
    colour: str
    speakers: int
    statements: int
    words: int
    share: float  # of the words spoken in the article, 0..1
    first: int | None  # character offset of the side's first statement
    last: int | None  # character offset of the side's last statement


@dataclass(frozen=True)
class Balance:
    """Every side's share, and who opens and closes the article."""

    sides: tuple[SideBalance, ...]
    first_speaker: str | None
    last_speaker: str | None


def unanswered_claims(analysis: Analysis, elsewhere: Sequence[Pair] = ()) -> list[Statement]:
    """Speech that is neither claim nor rebuttal of a pair still standing (not rejected),
    here or in another article, in the order the article tells it."""
    linked = _linked_ids([*analysis.pairs, *elsewhere])
    return [s for s in _spoken(analysis) if s.id not in linked]


def balance(analysis: Analysis) -> Balance:
    spoken = _spoken(analysis)
    by_side: dict[str, list[Statement]] = {}
    for statement in spoken:
        by_side.setdefault(_side_of(analysis, statement), []).append(statement)
    total = sum(_words(s) for s in spoken)
    colours = {side.label: side.colour for side in analysis.sides}
    sides = tuple(
        _side_balance(analysis, label, colours.get(label, NO_SIDE_COLOUR), group, total)
        for label, group in _in_side_order(analysis.sides, by_side)
    )
    return Balance(
        sides=sides,
        first_speaker=_name(analysis, spoken[0]) if spoken else None,
        last_speaker=_name(analysis, spoken[-1]) if spoken else None,
    )


def _linked_ids(pairs: Iterable[Pair]) -> set[str]:
    linked: set[str] = set()
    for pair in pairs:
        if pair.status is not LinkStatus.REJECTED:
            linked |= {pair.claim_id, pair.rebuttal_id}
    return linked


def _spoken(analysis: Analysis) -> list[Statement]:
    speech = (s for s in analysis.statements if s.mode is StatementMode.SPEECH)
    return sorted(speech, key=lambda s: (s.content.start, s.content.end))


def _side_of(analysis: Analysis, statement: Statement) -> str:
    speaker = analysis.speaker(statement.speaker_id)
    return speaker.side if speaker and speaker.side else NO_SIDE


def _in_side_order(
    sides: tuple[Side, ...], by_side: dict[str, list[Statement]]
) -> list[tuple[str, list[Statement]]]:
    """The analysis's sides first (even when silent), then any other side, "No side" last."""
    labels = [side.label for side in sides]
    labels += sorted(label for label in by_side if label not in labels and label != NO_SIDE)
    if NO_SIDE in by_side and NO_SIDE not in labels:
        labels.append(NO_SIDE)
    return [(label, by_side.get(label, [])) for label in labels]


def _side_balance(
    analysis: Analysis, label: str, colour: str, statements: list[Statement], total: int
) -> SideBalance:
    words = sum(_words(s) for s in statements)
    speakers = {s.speaker_id for s in statements if s.speaker_id is not None}
    return SideBalance(
        side=label,
        colour=colour,
        speakers=len(speakers),
        statements=len(statements),
        words=words,
        share=words / total if total else 0.0,
        first=statements[0].content.start if statements else None,
        last=statements[-1].content.start if statements else None,
    )


def _words(statement: Statement) -> int:
    return len(statement.text.split())


def _name(analysis: Analysis, statement: Statement) -> str | None:
    speaker = analysis.speaker(statement.speaker_id)
    return speaker.name if speaker else (statement.speaker_text or None)
