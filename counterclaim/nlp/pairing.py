"""Pairing v1: does one statement rebut another, how strongly, and why (in words).

One scorer serves ``extract`` (statements of an article) and ``compare`` (two texts).
Evidence: a shared proposition with opposite polarity (negation, a word of the same
meaning negated, antonyms), denial words in the rebuttal, shared terms and names, the
rebuttal naming the claim's speaker or coming from the one the claim is about, and
speakers on different sides. Without opposition or denial nothing is a rebuttal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from counterclaim.domain import Speaker
from counterclaim.nlp import views as propositions
from counterclaim.nlp.views import Features, Proposition, StatementView, view_from

THRESHOLD = 0.55
SUPPORT_COVERAGE = 0.4  # share of the claim's terms a counter repeats to count as support
_WEIGHTS = {
    "bias": -2.0,
    "opposite": 2.6,
    "denial": 2.0,
    "shared_term": 0.35,
    "shared_name": 0.3,
    "names_claimant": 0.5,
    "about_rebutter": 0.7,
    "sides": 0.4,
    "doubt": 0.5,
    "answers_after": 0.3,
}
_NO_OPPOSITION_FACTOR = 0.4


@dataclass(frozen=True)
class Verdict:
    score: float
    reasons: tuple[str, ...]

    relation: str = "unrelated"  # "denies", "disputes", "supports" or "unrelated"
    topic: str | None = None  # the proposition turned over, when there is one

    @property
    def rebuts(self) -> bool:
        return self.score >= THRESHOLD

    @property
    def label(self) -> str:
        """The three classes of stance data sets: opposes, supports, neutral."""
        if self.rebuts:
            return "opposes"
        return "supports" if self.relation == "supports" else "neutral"


def score(claim: StatementView, rebuttal: StatementView) -> Verdict:
    """How strongly ``rebuttal`` rebuts ``claim``, in [0, 1], with the reasons."""
    reasons: list[str] = []
    z = _WEIGHTS["bias"]
    turned = opposition(claim, rebuttal)
    opposed_concepts: set[str] = set()
    if turned is not None:
        word, claim_prop, rebuttal_prop, concepts = turned
        opposed_concepts |= concepts
        z += _WEIGHTS["opposite"]
        claim_word, rebuttal_word = word
        reasons.append(
            f"Opposite on “{claim_word}”: {_who(rebuttal, 'says')} "
            f"“{propositions.around(rebuttal_prop.text, rebuttal_word)}”; "
            f"{_who(claim, 'said')} “{propositions.around(claim_prop.text, claim_word)}”"
        )
    names = sorted(claim.names.keys() & rebuttal.names.keys())
    shared = [
        c
        for c in sorted(
            (claim.terms & rebuttal.terms) - opposed_concepts - set(claim.speaker_names),
            key=lambda c: claim.words[c],
        )
        if claim.words[c].lower() not in names
    ]
    if shared:
        z += _WEIGHTS["shared_term"] * min(len(shared), 4)
    if names:
        z += _WEIGHTS["shared_name"] * min(len(names), 3)
    if shared or names:
        spoken = [claim.names[n] for n in names[:3]] + [claim.words[c] for c in shared[:4]]
        reasons.append("Both speak of " + ", ".join(spoken))
    if rebuttal.denials:
        # a denial counts in full only when it is about something the claim says
        on_topic = bool(turned or shared or names)
        z += _WEIGHTS["denial"] * (1.0 if on_topic else 0.3)
        listed = ", ".join(f"“{d}”" for d in dict.fromkeys(rebuttal.denials))
        reasons.append(f"The rebuttal uses words of denial: {listed}")
    named = sorted({claim.speaker_names[t] for t in claim.speaker_names.keys() & rebuttal.terms})
    if claim.speaker and named:
        z += _WEIGHTS["names_claimant"]
        reasons.append(f"The rebuttal names {' and '.join(named)}, of the claim's speaker")
    about = sorted({rebuttal.speaker_names[t] for t in rebuttal.speaker_names.keys() & claim.terms})
    if rebuttal.speaker and about:
        z += _WEIGHTS["about_rebutter"]
        reasons.append(f"The claim is about {' and '.join(about)}, and {rebuttal.speaker} answers")
    if None not in (claim.position, rebuttal.position) and (rebuttal.position or 0) > (
        claim.position or 0
    ):
        z += _WEIGHTS["answers_after"]
        reasons.append("The rebuttal comes after the claim in the article")
    if claim.side and rebuttal.side and claim.side != rebuttal.side:
        z += _WEIGHTS["sides"]
        reasons.append(f"The speakers are on different sides ({claim.side} / {rebuttal.side})")
    if rebuttal.doubts and not rebuttal.denials:
        z += _WEIGHTS["doubt"]
        listed = ", ".join(f"“{d}”" for d in dict.fromkeys(rebuttal.doubts))
        reasons.append(f"The rebuttal casts doubt: {listed}")
    value = 1.0 / (1.0 + math.exp(-z))
    opposed = turned is not None or bool(rebuttal.denials)
    qualifies = (
        not opposed
        and bool(rebuttal.contrasts)
        and len(shared) + len(names) >= 2
        and value >= THRESHOLD
    )
    if qualifies:
        marker = rebuttal.contrasts[0]
        reasons.append(
            f"No opposite wording, but the counter qualifies the same subject (“{marker}”): "
            "it may weaken the claim"
        )
    elif not opposed:
        reasons.append("No opposite wording or denial: not offered as a rebuttal")
    if not opposed:
        value *= _NO_OPPOSITION_FACTOR
    value = round(value, 3)  # the relation is decided on the score a person sees
    relation = (
        "contextualises" if qualifies else _relation(value, opposed, rebuttal, claim, shared, names)
    )
    topic = min(opposed_concepts) if opposed_concepts else None
    return Verdict(value, tuple(reasons), relation, topic)


def _relation(
    value: float,
    opposed: bool,
    rebuttal: StatementView,
    claim: StatementView,
    shared: list[str],
    names: list[str],
) -> str:
    """denies: says the claim is false; disputes: asserts the opposite; supports: says the
    same thing again (never offered as a rebuttal). (contextualises is decided above.)"""
    if value >= THRESHOLD:
        return "denies" if rebuttal.denials else "disputes"
    covered = (len(shared) + len(names)) / max(1, len(claim.terms))
    if not opposed and not rebuttal.doubts and covered >= SUPPORT_COVERAGE:
        return "supports"
    return "unrelated"


def _who(view: StatementView, verb: str) -> str:
    return (
        f"{view.speaker} {verb}"
        if view.speaker
        else ("the counter says" if verb == "says" else "the claim says")
    )


def opposition(
    claim: StatementView, rebuttal: StatementView
) -> tuple[tuple[str, str], Proposition, Proposition, set[str]] | None:
    """The proposition of the claim that a proposition of the rebuttal turns over: a
    negated one first (the rebuttal with a denial before others), else antonyms."""
    lexicon = propositions.pairing_words()
    antonyms = lexicon.antonyms
    found: list[tuple[int, tuple[str, str], Proposition, Proposition, set[str]]] = []
    for c in claim.propositions:
        turnable = not lexicon.with_antonym.isdisjoint(c.asserted)  # most have no antonym
        for r in rebuttal.propositions:
            flipped = (c.asserted & r.negated) | (c.negated & r.asserted)
            if flipped:
                key = sorted(flipped)[0]
                rank = 0 if _denies(r.text) else 1
                words = (c.words.get(key, key), r.words.get(key, key))
                found.append((rank, words, c, r, set(flipped)))
            if not turnable:
                continue
            for a, b in ((a, b) for a in c.asserted for b in r.asserted if (a, b) in antonyms):
                found.append((2, (c.words[a], r.words[b]), c, r, {a, b}))
    if not found:
        return None
    _, word, c, r, concepts = min(found, key=lambda f: f[0])
    return word, c, r, concepts


def _denies(text: str) -> bool:
    lowered = text.lower()
    return propositions.phrase_pattern("denial").search(lowered) is not None


def best_direction(
    a: StatementView, b: StatementView
) -> tuple[StatementView, StatementView, Verdict]:
    """Which of two statements is the claim and which the rebuttal: the stronger reading,
    and on a tie the earlier one is the claim."""
    forward, backward = score(a, b), score(b, a)
    if backward.score > forward.score:
        return b, a, backward
    return a, b, forward


def speaker_view(
    view_id: str, features: Features, speaker: Speaker | None, position: int | None = None
) -> StatementView:
    """A statement's stored features with its speaker: the speaker's name, side and
    affiliation are what the rebuttal may name."""
    names = (speaker.name, speaker.side or "", speaker.affiliation or "") if speaker else ()
    return view_from(
        view_id,
        features,
        speaker=speaker.name if speaker else None,
        side=speaker.side if speaker else None,
        speaker_names=tuple(n for n in names if n),
        position=position,
    )


def compare_views(claim: StatementView, counter: StatementView) -> Verdict:
    """Whether ``counter`` rebuts ``claim`` when both speakers (and their sides) are known,
    as for statements of two articles in one library: only when both name someone or
    something in common, since a denial word alone says nothing of what it denies. The
    claim's view has the id "claim"."""
    if not claim.names.keys() & counter.names.keys():  # two articles, two subjects
        return Verdict(0.0, ("The two statements name no one and nothing in common",))
    claim_view, _, verdict = best_direction(claim, counter)
    if claim_view.id != claim.id:  # the claim is the one that answers: not this way round
        return Verdict(0.0, ("The second statement is the claim; the first answers it",))
    return verdict
