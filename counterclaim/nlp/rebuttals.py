"""Which claim of an article each rebuttal answers, and why.

A statement is offered as a rebuttal only when it denies (`voices.denial_signal`): a
denial verb in its cue ("denied", "dismissed"), a denial phrase ("no truth", "hoax",
"false"), or its own words negated ("was not involved"). Each such statement is linked
to the claims of another speaker (and another side) that the evidence favours most:
the opposite wording, the words and names its sentence shares with the claim, the noun it
uses for the claim ("the report" for something reported), the claim's speaker named,
and where the two stand in the text. Each evidence function returns its weight and its
reason in words; the weights live in counterclaim/resources/lexicons/rebuttals.json.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from counterclaim.domain import Pair, Relation, Speaker
from counterclaim.nlp import pairing, propositions
from counterclaim.nlp.voices import Voice, linking_words, only_negated, with_speaker


@dataclass(frozen=True)
class Evidence:
    weight: float
    reason: str
    topic: str | None = None  # the proposition turned over, for the opposite wording


@dataclass(frozen=True)
class Link:
    claim: Voice
    rebuttal: Voice
    score: float
    reasons: tuple[str, ...]
    topic: str | None


def may_answer(claim: Voice, rebuttal: Voice) -> bool:
    """Two statements that can be a claim and its rebuttal: not one speaker, not one side,
    and the rebuttal does not simply restate the claim's words as its own."""
    a, b = claim.speaker, rebuttal.speaker
    if claim.statement.id == rebuttal.statement.id or b is None:
        return False  # a denial no one is known to have made is not offered
    if claim.statement.text.rstrip(" ”\"'’").endswith("?"):
        return False  # a question claims nothing
    if a is not None:
        if a.id == b.id or _one_name(a.name, b.name):
            return False
        if a.side and b.side and a.side == b.side:
            return False
    elif (
        claim.statement.speaker_text
        and claim.statement.speaker_text == rebuttal.statement.speaker_text
    ):
        return False
    return not claim.statement.content.overlaps(rebuttal.statement.content)


def _one_name(a: str, b: str) -> bool:
    """ "Post" and "Washington Post", "Official" and "Jordanian government official": the
    words of one name are all in the other."""
    ignored = {"the", "of", "'s", "’s"}
    words_a = {w.lower().strip(".,") for w in a.split()} - ignored
    words_b = {w.lower().strip(".,") for w in b.split()} - ignored
    return bool(words_a and words_b) and (words_a <= words_b or words_b <= words_a)


def _opposite(claim: Voice, rebuttal: Voice) -> Evidence | None:
    found = pairing.opposition(claim.view, rebuttal.view)
    if found is None:
        return None
    (claim_word, rebuttal_word), claim_prop, rebuttal_prop, concepts = found
    if not _tied_beyond(claim, rebuttal, concepts):
        return None  # one word turned over ("witnesses" kept secret / "not a witness")
    return Evidence(
        linking_words().weights["opposite"],
        f"Opposite on “{claim_word}”: {rebuttal.who} says "
        f"“{propositions.around(rebuttal_prop.text, rebuttal_word)}”; {claim.who} said "
        f"“{propositions.around(claim_prop.text, claim_word)}”",
        topic=min(concepts),
    )


def _tied_beyond(claim: Voice, rebuttal: Voice, concepts: set[str]) -> bool:
    """The two share a name or a word besides the one turned over: what is turned over
    is said of the same thing."""
    names = claim.view.names.keys() & rebuttal.sentence_names
    terms = (claim.terms.keys() & rebuttal.sentence_terms.keys()) - concepts
    return bool(names or terms)


def _shared(claim: Voice, rebuttal: Voice) -> Evidence | None:
    speaker_words = set(claim.view.speaker_names) | set(rebuttal.view.speaker_names)
    shared = [
        claim.terms[c]
        for c in claim.terms.keys() & rebuttal.sentence_terms.keys()
        if c not in speaker_words
    ]
    names = sorted(claim.view.names.keys() & rebuttal.sentence_names)
    words = list(dict.fromkeys([claim.view.names[n] for n in names] + sorted(shared)))
    if not words:
        return None
    w = linking_words().weights
    weight = w["shared_term"] * min(len(shared), 5) + w["shared_name"] * min(len(names), 3)
    return Evidence(weight, "Both speak of " + ", ".join(words[:6]))


def _claim_noun(claim: Voice, rebuttal: Voice) -> Evidence | None:
    """The rebuttal calls it "the report", "these claims", "the rumour": something said
    in that way, or by a report, a rumour, a site."""
    lex = linking_words()
    said_as = claim.cue_lemmas | {w.lower() for w in claim.who.split()}
    for noun, cues in rebuttal.said_nouns:
        if said_as & cues:
            return Evidence(
                lex.weights["claim_noun"],
                f"{rebuttal.who} answers “{noun}”: the claim of {claim.who}{_how(claim)}",
            )
    return None


def _how(voice: Voice) -> str:
    """ " (“alleged”)": how the claim was made, unless its speaker is the cue itself
    ("reports that ...")."""
    cue = _cue(voice)
    return "" if cue.lower() in voice.who.lower() else f" (“{cue}”)"


def _cue(voice: Voice) -> str:
    return voice.statement.cue or "said"


def _claimant_named(claim: Voice, rebuttal: Voice) -> Evidence | None:
    if claim.speaker is None:
        return None
    named = sorted(
        {
            claim.view.speaker_names[t]
            for t in claim.view.speaker_names.keys() & rebuttal.sentence_terms.keys()
        }
    )
    if not named:
        return None
    return Evidence(
        linking_words().weights["names_claimant"],
        f"The rebuttal names {' and '.join(named)}, of the claim's speaker",
    )


def _about_rebutter(claim: Voice, rebuttal: Voice) -> Evidence | None:
    """The claim speaks of the one who answers: "NATO is hostile", and NATO answers."""
    if rebuttal.speaker is None:
        return None
    names = rebuttal.view.speaker_names
    about = sorted({names[t] for t in names.keys() & claim.view.terms})
    if not about:
        return None
    return Evidence(
        linking_words().weights["about_rebutter"],
        f"The claim is about {' and '.join(about)}, and {rebuttal.who} answers",
    )


def _claim_cue(claim: Voice, _rebuttal: Voice) -> Evidence | None:
    if claim.cue_lemmas & linking_words().claim_cues:
        return Evidence(
            linking_words().weights["claim_cue"], f"A claim{_how(claim)} by {claim.who}"
        )
    return None


def _order(claim: Voice, rebuttal: Voice) -> Evidence | None:
    w = linking_words().weights
    distance = abs(rebuttal.index - claim.index)
    weight = -w["distance"] * math.log1p(distance)
    if claim.statement.content.start < rebuttal.statement.content.start:
        where = "after" if distance else "in the same sentence as"
        return Evidence(weight + w["answers_after"], f"The rebuttal comes {where} the claim")
    return Evidence(weight, "The rebuttal comes first, the claim later")


EVIDENCE: tuple[Callable[[Voice, Voice], Evidence | None], ...] = (
    _opposite,
    _shared,
    _claim_noun,
    _claimant_named,
    _about_rebutter,
    _claim_cue,
    _order,
)
"""Each piece of evidence that a rebuttal answers a claim: a weight and a reason, or None."""

_TOPICAL = (_opposite, _shared, _claim_noun, _claimant_named, _about_rebutter)
"""Evidence that the two are about the same thing: a link needs at least one."""


def link(claim: Voice, rebuttal: Voice, signal: list[str]) -> Link | None:
    """How strongly `rebuttal` answers `claim`, or None when nothing ties them."""
    found = {f: f(claim, rebuttal) for f in EVIDENCE}
    if not any(found[f] for f in _TOPICAL):
        return None
    if only_negated(signal) and found[_opposite] is None:
        return None
    w = linking_words().weights
    listed = ", ".join(f"“{s}”" for s in signal[:3])
    reasons = [f"The rebuttal denies or negates ({listed})"]
    z = w["bias"] + w["denial"]
    for evidence in found.values():
        if evidence is not None:
            z += evidence.weight
            reasons.append(evidence.reason)
    if claim.speaker and rebuttal.speaker and claim.speaker.side and rebuttal.speaker.side:
        reasons.append(
            f"The speakers are on different sides ({claim.speaker.side} / {rebuttal.speaker.side})"
        )
    opposite = found[_opposite]
    score = round(1.0 / (1.0 + math.exp(-z)), 3)
    return Link(claim, rebuttal, score, tuple(reasons), opposite.topic if opposite else None)


class Answers:
    """The pairs of an article read piece by piece: voices are added as each piece is
    read, and each rebuttal is linked to the claims in its reach (`NEAREST_SENTENCES`)
    once the article has been read that far; the voices no rebuttal can still reach are
    let go, so that a long report holds only the pages around where it is read."""

    def __init__(self) -> None:
        self.claims: list[Voice] = []  # two denials of one thing are not claim and rebuttal
        self.rebuttals: list[Voice] = []  # not linked yet
        self.best: dict[tuple[str, str, int], tuple[Pair, str | None]] = {}

    def add(self, voices: Iterable[Voice]) -> None:
        """The next voices of the article (statements said or believed), in its order."""
        for voice in voices:
            (self.rebuttals if voice.signal else self.claims).append(voice)

    def settle(self, speaker: Callable[[str], Speaker | None], read: int | None = None) -> None:
        """Link each rebuttal whose reach the article has been read past (`read`
        sentences; all of them when None), with each voice's speaker as `speaker` gives
        it now, then let go of what no rebuttal still to come can reach."""
        due = [r for r in self.rebuttals if read is None or r.index + NEAREST_SENTENCES < read]
        if due:
            claims = _Nearby([_spoken(c, speaker) for c in self.claims])
            for rebuttal in due:
                self._link(claims, _spoken(rebuttal, speaker))
            linked = {id(r) for r in due}
            self.rebuttals = [r for r in self.rebuttals if id(r) not in linked]
        if read is not None:
            reach = min([r.index for r in self.rebuttals] + [read]) - NEAREST_SENTENCES
            self.claims = [c for c in self.claims if c.index >= reach]

    def found(self) -> list[tuple[Pair, str | None]]:
        """For each rebuttal linked, the few claims it answers best, when the evidence is
        strong enough; with the proposition turned over, for grouping restatements."""
        return list(self.best.values())

    def _link(self, claims: _Nearby, rebuttal: Voice) -> None:
        signal = list(rebuttal.signal)
        lex = linking_words()
        links = [
            made
            for claim in claims.around(rebuttal.index)
            if may_answer(claim, rebuttal) and (made := link(claim, rebuttal, signal)) is not None
        ]
        if not links:
            return
        relation = Relation.DENIES if rebuttal.view.denials else Relation.DISPUTES
        ranked = sorted(links, key=lambda k: -k.score)[: lex.claims_per_rebuttal]
        for made in ranked:
            if made.score >= lex.threshold:
                pair = Pair(
                    made.claim.statement.id,
                    rebuttal.statement.id,
                    made.score,
                    made.reasons,
                    relation=relation,
                )
                # one sentence of one speaker answers a claim once
                key = (pair.claim_id, rebuttal.who, rebuttal.index)
                if key not in self.best or self.best[key][0].score < pair.score:
                    self.best[key] = (pair, made.topic)


def _spoken(voice: Voice, speaker: Callable[[str], Speaker | None]) -> Voice:
    said_by = speaker(voice.statement.speaker_id) if voice.statement.speaker_id else None
    return with_speaker(voice, voice.statement, said_by)


NEAREST_SENTENCES = 500
"""How far apart, in sentences, a claim and its rebuttal may stand: a whole news article;
in a long report, the pages on either side of the rebuttal (each rebuttal weighs every
claim in reach, and a report of a thousand pages has thousands of each)."""


class _Nearby:
    """The claims of an article, found by the sentence they stand in."""

    def __init__(self, claims: list[Voice]) -> None:
        self.claims = claims
        self.order = sorted(range(len(claims)), key=lambda n: claims[n].index)
        self.indexes = [claims[n].index for n in self.order]

    def around(self, index: int) -> list[Voice]:
        """The claims within reach of a sentence, in the article's order."""
        low = bisect_left(self.indexes, index - NEAREST_SENTENCES)
        high = bisect_right(self.indexes, index + NEAREST_SENTENCES)
        if low == 0 and high == len(self.claims):
            return self.claims
        return [self.claims[n] for n in sorted(self.order[low:high])]
