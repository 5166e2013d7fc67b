"""Whether a statement of another article rebuts a claim, or repeats it by its speaker:
judged from the statements' stored features, with no parsing."""

from __future__ import annotations

from counterclaim.domain import LibraryStatement, Pair, Relation
from counterclaim.nlp.common import different_voices
from counterclaim.nlp.pairing import compare_views, score, speaker_view
from counterclaim.nlp.views import Features, StatementView, view_from


class Views:
    """Statement views from stored features, each made once."""

    def __init__(self, features: dict[str, Features]) -> None:
        self.features = features
        self._made: dict[tuple[str, str, bool], StatementView] = {}

    def view(self, found: LibraryStatement, as_id: str, with_speaker: bool) -> StatementView:
        key = (found.statement.id, as_id, with_speaker)
        if key not in self._made:
            features = self.features[found.statement.id]
            self._made[key] = (
                speaker_view(as_id, features, found.speaker)
                if with_speaker
                else view_from(as_id, features)
            )
        return self._made[key]


def link(
    views: Views, claim: LibraryStatement, other: LibraryStatement
) -> tuple[Pair, str | None] | None:
    """Whether `other` (in another article) rebuts `claim`, or repeats it by its speaker."""
    statement, speaker = claim.statement, claim.speaker
    where = f"“{other.article_title}”" + (f" ({other.published})" if other.published else "")
    if speaker is not None and other.speaker is not None and speaker.name == other.speaker.name:
        verdict = score(views.view(claim, "claim", False), views.view(other, "counter", False))
        if verdict.relation != "supports":
            return None
        reason = f"{speaker.name} said this in {where} too"
        pair = Pair(
            statement.id, other.statement.id, verdict.score, (reason,), relation=Relation.REPEATS
        )
        return pair, None
    if not different_voices(speaker, other.speaker):
        return None
    verdict = compare_views(views.view(claim, "claim", True), views.view(other, "counter", True))
    if not verdict.rebuts:
        return None
    reasons = (*verdict.reasons, f"The rebuttal is in {where}")
    pair = Pair(
        statement.id,
        other.statement.id,
        verdict.score,
        reasons,
        relation=Relation(verdict.relation),
    )
    return pair, verdict.topic
