"""Which claim of an article each rebuttal answers, and why.

A statement is offered as a rebuttal only when it carries a signal of denial: a denial
verb in its cue or sentence ("denied", "dismissed"), a denial phrase ("no truth", "hoax",
"false"), or its own words negated ("was not involved"). Each such statement is linked
to the one claim of another speaker (and another side) that the evidence favours most:
the opposite wording, the words and names its sentence shares with the claim, the noun it
uses for the claim ("the report" for something reported), the claim's speaker named,
and where the two stand in the text. Each evidence function returns its weight and its
reason in words; the weights live in resources/lexicons/rebuttals.json.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from counterclaim.domain import Pair, Relation, Speaker, Statement, StatementMode
from counterclaim.domain import Span as TextSpan
from counterclaim.nlp import pairing
from counterclaim.paths import lexicon

_TERM_POS = ("NOUN", "PROPN", "VERB", "ADJ", "NUM")


@dataclass(frozen=True)
class Evidence:
    weight: float
    reason: str


@dataclass(frozen=True)
class Voice:
    """A statement as the linker sees it: what it says, the sentence it stands in, who
    says it."""

    statement: Statement
    speaker: Speaker | None
    view: pairing.StatementView
    sentence: DocSpan  # the whole sentence(s): speaker, cue and content
    index: int  # the number of its first sentence in the article
    terms: dict[str, str]  # concept -> the word, in the content
    sentence_terms: dict[str, str]  # concept -> the word, in the whole sentence
    sentence_names: frozenset[str]
    cue_lemmas: frozenset[str]

    @property
    def who(self) -> str:
        return self.speaker.name if self.speaker else (self.statement.speaker_text or "someone")


@dataclass(frozen=True)
class Link:
    claim: Voice
    rebuttal: Voice
    score: float
    reasons: tuple[str, ...]
    opposed: bool
    topic: str | None


@dataclass(frozen=True)
class _Lex:
    weights: dict[str, float]
    threshold: float
    claims_per_rebuttal: int
    claim_nouns: dict[str, frozenset[str]]  # noun -> the cue words that make such a claim
    claim_cues: frozenset[str]
    denial_cues: frozenset[str]
    ignored_terms: frozenset[str]


@cache
def _lex() -> _Lex:
    data = lexicon("rebuttals")
    return _Lex(
        weights=dict(data["weights"]),
        threshold=float(data["threshold"]),
        claims_per_rebuttal=int(data["claims_per_rebuttal"]),
        claim_nouns={noun: frozenset(cues) for noun, cues in data["claim_nouns"].items()},
        claim_cues=frozenset(data["claim_cues"]),
        denial_cues=frozenset(data["denial_cues"]) | pairing._lex().denial_verbs,
        ignored_terms=frozenset(pairing._concept_of(w) for w in data["ignored_terms"]),
    )


def voice_of(doc: Doc, statement: Statement, speaker: Speaker | None) -> Voice:
    content = _covering(doc, statement.content)
    names = (speaker.name, speaker.side or "", speaker.affiliation or "") if speaker else ()
    view = pairing.view_of(
        statement.id,
        content,
        speaker=speaker.name if speaker else None,
        side=speaker.side if speaker else None,
        speaker_names=tuple(n for n in names if n),
        position=statement.content.start,
    )
    ends = [statement.content]
    ends += [s for s in (statement.cue_span, statement.speaker_span) if s is not None]
    whole = _covering(doc, TextSpan(min(s.start for s in ends), max(s.end for s in ends)))
    sentence = doc[whole[0].sent.start : whole[-1].sent.end]
    cue = _covering(doc, statement.cue_span) if statement.cue_span else None
    return Voice(
        statement,
        speaker,
        view,
        sentence,
        _sentence_number(doc, whole[0]),
        _terms(content),
        _terms(sentence),
        frozenset(n.lower() for n in pairing._entity_names(sentence)),
        frozenset(t.lemma_.lower() for t in cue) if cue is not None else frozenset(),
    )


def _covering(doc: Doc, span: TextSpan) -> DocSpan:
    """The tokens that overlap a character span (at least the one it starts in)."""
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    if found is not None and len(found):
        return found
    inside = [t.i for t in doc if t.idx < span.end and span.start < t.idx + len(t)]
    if not inside:
        at = next((t.i for t in doc if t.idx + len(t) > span.start), len(doc) - 1)
        inside = [at]
    return doc[inside[0] : inside[-1] + 1]


def _sentence_number(doc: Doc, token: Token) -> int:
    return sum(1 for s in doc.sents if s.start <= token.i) - 1


def _terms(span: DocSpan) -> dict[str, str]:
    ignored = _lex().ignored_terms
    found: dict[str, str] = {}
    for t in span:
        wanted = t.like_num or (t.is_alpha and not t.is_stop)  # "four" is a stop word
        if t.pos_ in _TERM_POS and wanted and len(t) > 1:
            key = pairing.concept(t)
            if key not in ignored:
                found.setdefault(key, t.text)
    return found


def denial_signal(voice: Voice) -> list[str]:
    """The words that make a statement a rebuttal (in its cue or its own words), or
    nothing. A denial verb in the words counts when it denies something said ("denied
    the report", "rejected claims that ..."), not an act ("denied them the right to
    vote"); a negation counts when it governs the statement's words or its subject is
    "none" or "nothing"."""
    lex = _lex()
    content = _content(voice)
    found = [lemma for lemma in voice.cue_lemmas if lemma in lex.denial_cues]
    if found and not any(t.pos_ in ("VERB", "AUX") for t in content):
        found = []  # "denied the claims": what is denied, not a statement of its own
    acts = {t.text for t in content if _denies_an_act(t)}
    found += [d for d in voice.view.denials if d not in acts]
    negations = [
        t.text
        for t in content
        if t.dep_ == "neg" or (t.lower_ in _NEGATED_SUBJECTS and t.dep_ in ("nsubj", "nsubjpass"))
    ]
    if negations or any(p.negated for p in voice.view.propositions):
        found += (negations or [t.text for t in content if t.lower_ in NEGATIONS])[:1]
    return list(dict.fromkeys(found))


NEGATIONS = frozenset({"not", "n't", "n’t", "no", "never", "nor", "neither", "none", "nothing"})
_NEGATED_SUBJECTS = frozenset({"none", "nothing", "nobody", "neither"})
_SAID_THINGS = frozenset({"it", "this", "that", "these", "those", "them", "which"})


def _denies_an_act(token: Token) -> bool:
    """A denial verb whose object is not something said: "denied them the right"."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in pairing._lex().denial_verbs:
        return False
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "dative")]
    if any(c.dep_ == "ccomp" for c in token.children) or not objects:
        return False
    said = _lex().claim_nouns.keys() | _SAID_THINGS
    return not any(o.lemma_.lower() in said or o.lower_ in said for o in objects)


def only_negated(signal: list[str]) -> bool:
    """The statement only negates its own words: it rebuts only what it turns over."""
    return all(word.lower() in NEGATIONS for word in signal)


def _content(voice: Voice) -> DocSpan:
    return _covering(voice.sentence.doc, voice.statement.content)


def may_answer(claim: Voice, rebuttal: Voice) -> bool:
    """Two statements that can be a claim and its rebuttal: not one speaker, not one side,
    and the rebuttal does not simply restate the claim's words as its own."""
    a, b = claim.speaker, rebuttal.speaker
    if claim.statement.id == rebuttal.statement.id or b is None:
        return False  # a denial no one is known to have made is not offered
    if claim.statement.text.rstrip(" ”\"'’").endswith("?"):
        return False  # a question claims nothing
    if a is not None and b is not None:
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
    found = pairing._opposition(claim.view, rebuttal.view)
    if found is None:
        return None
    (claim_word, rebuttal_word), claim_prop, rebuttal_prop, _concepts = found
    return Evidence(
        _lex().weights["opposite"],
        f"Opposite on “{claim_word}”: {rebuttal.who} says "
        f"“{pairing._around(rebuttal_prop.text, rebuttal_word)}”; {claim.who} said "
        f"“{pairing._around(claim_prop.text, claim_word)}”",
    )


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
    w = _lex().weights
    weight = w["shared_term"] * min(len(shared), 5) + w["shared_name"] * min(len(names), 3)
    return Evidence(weight, "Both speak of " + ", ".join(words[:6]))


def _claim_noun(claim: Voice, rebuttal: Voice) -> Evidence | None:
    """The rebuttal calls it "the report", "these claims", "the rumour": something said
    in that way, or by a report, a rumour, a site."""
    lex = _lex()
    said_as = claim.cue_lemmas | {w.lower() for w in claim.who.split()}
    for token in rebuttal.sentence:
        cues = lex.claim_nouns.get(token.lemma_.lower())
        if cues and token.pos_ == "NOUN" and said_as & cues:
            return Evidence(
                lex.weights["claim_noun"],
                f"{rebuttal.who} answers “{token.text}”: the claim of {claim.who}{_how(claim)}",
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
        _lex().weights["names_claimant"],
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
        _lex().weights["about_rebutter"],
        f"The claim is about {' and '.join(about)}, and {rebuttal.who} answers",
    )


def _claim_cue(claim: Voice, _rebuttal: Voice) -> Evidence | None:
    if claim.cue_lemmas & _lex().claim_cues:
        return Evidence(_lex().weights["claim_cue"], f"A claim{_how(claim)} by {claim.who}")
    return None


def _order(claim: Voice, rebuttal: Voice) -> Evidence | None:
    w = _lex().weights
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
    w = _lex().weights
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
    opposition = pairing._opposition(claim.view, rebuttal.view) if found[_opposite] else None
    topic = min(opposition[3]) if opposition else None
    score = round(1.0 / (1.0 + math.exp(-z)), 3)
    return Link(claim, rebuttal, score, tuple(reasons), opposition is not None, topic)


def answers(
    doc: Doc, statements: Iterable[Statement], speakers: dict[str, Speaker]
) -> list[tuple[Pair, str | None]]:
    """For each statement that denies, the few claims it answers best, when the evidence
    is strong enough; with the proposition turned over, for grouping restatements."""
    said = [s for s in statements if s.mode in (StatementMode.SPEECH, StatementMode.BELIEF)]
    voices = [voice_of(doc, s, speakers.get(s.speaker_id or "")) for s in said]
    signals = [denial_signal(v) for v in voices]
    best: dict[tuple[str, str, int], tuple[Pair, str | None]] = {}
    lex = _lex()
    for rebuttal, signal in zip(voices, signals, strict=True):
        if not signal:
            continue
        links = [
            made
            for claim, denies in zip(voices, signals, strict=True)
            if not denies  # two denials of one thing are not a claim and its rebuttal
            and may_answer(claim, rebuttal)
            and (made := link(claim, rebuttal, signal)) is not None
        ]
        if not links:
            continue
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
                if key not in best or best[key][0].score < pair.score:
                    best[key] = (pair, made.topic)
    return list(best.values())
