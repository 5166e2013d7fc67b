"""What the window's process needs of the pipeline's work without importing spaCy: the
inputs, cancellation, and how pairs found are grouped. The pipeline itself (spaCy) is
imported only where it runs."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from counterclaim.domain import Pair, Speaker, Statement, StatementMode
from counterclaim.text import shorten

CLAIMABLE = (StatementMode.SPEECH, StatementMode.BELIEF)
"""Statements that can be a claim or its rebuttal across the library."""


def default_processes() -> int:
    """How many pipeline processes to run: every core but one, at least one."""
    return max(1, (os.cpu_count() or 1) - 1)


class Cancelled(Exception):
    """The user stopped the work."""


@dataclass(frozen=True)
class ArticleInput:
    text: str
    title: str | None = None


def group_restatements(
    found: list[tuple[Pair, str | None]],
    statements: dict[str, Statement],
    speakers: dict[str, Speaker],
) -> list[Pair]:
    """One speaker saying the same thing several times is one claim with its mentions: keep
    the best-scored pair for each speaker, rebuttal and proposition, and say how often."""
    groups: dict[tuple[str | None, str, str], list[Pair]] = {}
    for pair, topic in sorted(found, key=lambda f: -f[0].score):
        claim = statements[pair.claim_id]
        key = (claim.speaker_id, pair.rebuttal_id, topic or pair.claim_id)
        groups.setdefault(key, []).append(pair)
    pairs = []
    for group in groups.values():
        best, others = group[0], group[1:]
        if others:
            claim = statements[best.claim_id]
            speaker = speakers.get(claim.speaker_id or "")
            who = speaker.name if speaker else claim.speaker_text
            quoted = "; ".join(
                f"“{shorten(statements[p.claim_id].text, 60, cut='word')}”" for p in others
            )
            mention = f"{who} says this {len(group)} times in the article; also: {quoted}"
            best = replace(best, reasons=(*best.reasons, mention))
        pairs.append(best)
    return sorted(pairs, key=lambda p: -p.score)


def different_voices(a: Speaker | None, b: Speaker | None) -> bool:
    """Two statements worth pairing: known speakers, not one person, not one side."""
    if a is None or b is None or a.name == b.name:
        return False
    return not (a.side and b.side and a.side == b.side)
