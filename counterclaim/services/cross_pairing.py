"""Whether a statement of another article rebuts a claim, or repeats it by its speaker:
judged from the statements' stored features, with no parsing."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from counterclaim.domain import LibraryStatement, Pair, Relation
from counterclaim.nlp.common import CLAIMABLE, Cancelled, different_voices, group_restatements
from counterclaim.nlp.pairing import compare_views, score, speaker_view
from counterclaim.nlp.views import Features, StatementView, view_from
from counterclaim.services.progress import Progress
from counterclaim.store import Library


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


def pair_all(
    library: Library,
    progress: Progress,
    parse: Callable[[list[str]], list[Features]],
    per_claim: int = 8,
) -> int:
    """Pair each article analysed since the last pairing with the library, once (see
    `AnalysisService.pair_across_library`); `parse` gives the features of statements
    that have none stored. Returns how many links were suggested."""
    suggested = 0
    todo = library.unpaired()
    seen = _Seen(Views({}), {})
    for n, article_id in enumerate(todo):
        if progress.cancel.is_set():
            raise Cancelled
        progress.report(n, len(todo), "Looking for rebuttals across the library…")
        claims, answers = _pair_one(library, article_id, parse, per_claim, seen)
        library.save_pairing(article_id, claims, answers)
        suggested += len(claims) + len(answers)
    library.set_pairing_due(False)
    return suggested


class _Seen(NamedTuple):
    """What one pairing run keeps from article to article: the statements' views (and
    features), and how many statements have each word. Pairing changes neither what a
    statement says nor the index, and the articles of one import are often about the same
    story, so they meet the same statements and words."""

    views: Views
    word_counts: dict[str, int]


def _pair_one(
    library: Library,
    article_id: int,
    parse: Callable[[list[str]], list[Features]],
    per_claim: int,
    seen: _Seen,
) -> tuple[list[Pair], list[Pair]]:
    analysis = library.analysis(article_id)
    if analysis is None:
        return [], []
    article = library.article(article_id, counts=False)  # its title and date
    here = [
        LibraryStatement(
            s, analysis.speaker(s.speaker_id), article_id, article.title, article.meta.published
        )
        for s in analysis.statements
        if s.mode in CLAIMABLE
    ]
    found = library.similar_to_each(
        [s.statement.id for s in here], per_claim, True, seen.word_counts
    )
    nearby = {  # only what can be a claim or a rebuttal is compared (and needs features)
        s.statement.id: [o for o in found.get(s.statement.id, []) if o.statement.mode in CLAIMABLE]
        for s in here
    }
    everyone = here + [o for found in nearby.values() for o in found]
    views = seen.views
    views.features.update(_features(library, everyone, parse, views.features))
    claims: list[tuple[Pair, str | None]] = []
    answers: list[tuple[Pair, str | None]] = []
    repeats: tuple[list[Pair], list[Pair]] = ([], [])
    for mine in here:
        for other in nearby[mine.statement.id]:
            for way, (claim, rebuttal) in enumerate(((mine, other), (other, mine))):
                made = link(views, claim, rebuttal)
                if made is not None and made[0].relation is Relation.REPEATS:
                    repeats[way].append(made[0])
                elif made is not None:
                    (claims, answers)[way].append(made)
    statements = {s.statement.id: s.statement for s in everyone}
    speakers = {s.speaker.id: s.speaker for s in everyone if s.speaker is not None}
    return (
        group_restatements(claims, statements, speakers) + repeats[0],
        group_restatements(answers, statements, speakers) + repeats[1],
    )


def _features(
    library: Library,
    statements: list[LibraryStatement],
    parse: Callable[[list[str]], list[Features]],
    known: dict[str, Features],
) -> dict[str, Features]:
    """The stored features of the statements not `known` already; those without (made by
    hand, or analysed before they were kept) are parsed once, and kept."""
    statements = [s for s in statements if s.statement.id not in known]
    wanted = list(dict.fromkeys(s.statement.id for s in statements))
    found = library.statement_features(wanted) if wanted else {}
    missing = {s.statement.id: s.statement.text for s in statements}
    missing = {i: t for i, t in missing.items() if i not in found}
    if missing:
        parsed = parse(list(missing.values()))
        computed = dict(zip(missing, parsed, strict=True))
        library.keep_features(computed)
        found.update(computed)
    return found
