"""Pairing v1: does one statement rebut another, how strongly, and why (in words).

One scorer serves ``extract`` (statements of an article) and ``compare`` (two texts).
Evidence: a shared proposition with opposite polarity (negation, a word of the same
meaning negated, antonyms), denial words in the rebuttal, shared terms and names, the
rebuttal naming the claim's speaker or coming from the one the claim is about, and
speakers on different sides. Without opposition or denial nothing is a rebuttal.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer
from spacy.tokens import Span, Token

from counterclaim.paths import lexicon

THRESHOLD = 0.55
SUPPORT_COVERAGE = 0.4  # share of the claim's terms a counter repeats to count as support
_CONTENT_POS = ("NOUN", "PROPN", "VERB", "ADJ")
_NEGATION_PATH = ("acomp", "attr", "dobj", "oprd", "amod", "compound", "xcomp")
_POLAR_POS = ("NOUN", "VERB", "ADJ")
_NEGATED_SUBJECTS = ("none", "nothing", "nobody", "neither")  # "none of them were paid"
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
class Proposition:
    """One sentence of a statement, reduced to what the scorer compares."""

    text: str
    asserted: frozenset[str]  # concepts asserted (stems, or groups of one meaning)
    negated: frozenset[str]
    words: dict[str, str]  # concept -> the word as written, for reasons


@dataclass(frozen=True)
class StatementView:
    """What the scorer knows of a statement: its speaker and its propositions."""

    id: str
    speaker: str | None
    side: str | None
    speaker_names: dict[str, str]  # stem -> the speaker's name, affiliation or side
    propositions: tuple[Proposition, ...]
    terms: frozenset[str]  # content concepts of the whole statement
    names: dict[str, str]  # named entities mentioned: lower-case -> as written
    words: dict[str, str]  # concept -> a word that says it
    denials: tuple[str, ...]
    doubts: tuple[str, ...] = ()
    position: int | None = None  # where the statement starts in its article
    contrasts: tuple[str, ...] = ()  # "but", "however": the statement qualifies something


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


@dataclass(frozen=True)
class _Lex:
    stem: snowballstemmer.stemmer
    concepts: dict[str, str]  # stem -> concept id
    antonyms: frozenset[tuple[str, str]]
    denial_verbs: frozenset[str]
    denial_phrases: tuple[str, ...]
    doubt_phrases: tuple[str, ...]
    contrast_markers: tuple[str, ...]
    negators: frozenset[str]


@cache
def _lex() -> _Lex:
    data = lexicon("pairing")
    stemmer = snowballstemmer.stemmer("english")
    concepts: dict[str, str] = {}
    for n, group in enumerate(data["same"]):
        for word in group:
            concepts.setdefault(stemmer.stemWord(word), f"~{group[0]}#{n}")
    pairs = {
        (
            concepts.get(stemmer.stemWord(a), stemmer.stemWord(a)),
            concepts.get(stemmer.stemWord(b), stemmer.stemWord(b)),
        )
        for a, b in data["antonyms"]
    }
    return _Lex(
        stem=stemmer,
        concepts=concepts,
        antonyms=frozenset(pairs | {(b, a) for a, b in pairs}),
        denial_verbs=frozenset(data["denial_verbs"]),
        denial_phrases=tuple(data["denial_phrases"]),
        doubt_phrases=tuple(data["doubt_phrases"]),
        contrast_markers=tuple(data["contrast_markers"]),
        negators=frozenset(data["negators"]),
    )


def concept(token: Token) -> str:
    return _concept_of(token.lemma_.lower())


@lru_cache(maxsize=65536)
def _concept_of(lemma: str) -> str:
    lex = _lex()
    stem = _stem(lemma)
    return lex.concepts.get(stem, stem)


def is_negated(token: Token) -> bool:
    """Whether a negation governs the word: "not hostile", "no threat", "was not involved",
    "does not seek confrontation", "none of them were paid"."""
    negators = _lex().negators
    node = token
    while True:
        if any(
            c.dep_ == "neg"
            or (c.dep_ == "det" and c.lower_ in negators)
            or (c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _NEGATED_SUBJECTS)
            for c in node.children
        ):
            return True
        if node.dep_ not in _NEGATION_PATH or node.head.i == node.i:
            return False
        node = node.head


def view_of(
    statement_id: str,
    content: Span,
    speaker: str | None = None,
    side: str | None = None,
    speaker_names: tuple[str, ...] = (),
    position: int | None = None,
) -> StatementView:
    """Reduce a statement's content (a span of a parsed doc) to what the scorer compares."""
    lex = _lex()
    propositions = tuple(_proposition(sent) for sent in _sentences(content))
    words = {
        concept(t): t.text
        for t in reversed(content)
        if t.pos_ in _CONTENT_POS and not t.is_stop and t.is_alpha
    }
    names = {_plain(n).lower(): _plain(n) for n in _entity_names(content)}
    lowered = content.text.lower()
    denials = tuple(
        [m.group(0) for m in _phrase_pattern("denial").finditer(lowered)]
        + [t.text for t in content if t.lemma_.lower() in lex.denial_verbs]
    )
    stems = {_stem(w.lower()): n for n in speaker_names for w in n.split()}
    doubts = tuple(m.group(0) for m in _phrase_pattern("doubt").finditer(lowered))
    contrasts = tuple(m.group(0) for m in _phrase_pattern("contrast").finditer(lowered))
    return StatementView(
        statement_id,
        speaker,
        side,
        stems,
        propositions,
        frozenset(words),
        names,
        words,
        denials,
        doubts,
        position=position,
        contrasts=contrasts,
    )


def _plain(name: str) -> str:
    name = name.strip().removesuffix("’s").removesuffix("'s")
    return name[4:] if name.lower().startswith("the ") else name


_NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT", "FAC", "LAW", "PRODUCT")


def _sentences(content: Span) -> list[Span]:
    doc = content.doc
    pieces = []
    for sent in content.sents:  # type: ignore[attr-defined]  # Span.sents exists, stubs lack it
        start, end = max(sent.start, content.start), min(sent.end, content.end)
        if end > start:
            pieces.append(doc[start:end])
    return pieces


def _proposition(sent: Span) -> Proposition:
    asserted: set[str] = set()
    negated: set[str] = set()
    words: dict[str, str] = {}
    for token in sent:
        if not _polar(token):
            continue
        key = concept(token)
        words.setdefault(key, token.text)
        (negated if is_negated(token) else asserted).add(key)
    return Proposition(sent.text.strip(), frozenset(asserted), frozenset(negated), words)


def _polar(token: Token) -> bool:
    """A word whose polarity can be turned over: not names, which headlines in Title Case
    would otherwise make of every word."""
    if not token.is_alpha or token.is_stop:
        return False
    return token.pos_ in _POLAR_POS or (token.pos_ == "PROPN" and token.ent_iob_ == "O")


def _entity_names(content: Span) -> list[str]:
    """Named entities inside the span, read from the tokens (Span.ents walks the whole
    document each time)."""
    names: list[str] = []
    run: list[Token] = []
    for token in [*content, None]:
        inside = token is not None and token.ent_type_ in _NAME_LABELS and token.ent_iob_ != "O"
        if run and (not inside or (token is not None and token.ent_iob_ == "B")):
            names.append(content.doc[run[0].i : run[-1].i + 1].text)
            run = []
        if inside and token is not None:
            run.append(token)
    return names


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_lex().stem.stemWord(word))


@cache
def _phrase_pattern(which: str) -> re.Pattern[str]:
    lex = _lex()
    words = {
        "denial": lex.denial_phrases,
        "doubt": lex.doubt_phrases,
        "contrast": lex.contrast_markers,
    }[which]
    phrases = sorted(words, key=len, reverse=True)
    alternatives = "|".join(re.escape(p) for p in phrases)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def _around(text: str, word: str, width: int = 55) -> str:
    """The part of a sentence around a word, for a reason a person reads."""
    text = " ".join(text.split())
    at = text.find(word)
    if at < 0 or len(text) <= 2 * width:
        return _excerpt(text)
    start, end = max(0, at - width), min(len(text), at + len(word) + width)
    if start > 0:
        start = text.find(" ", start) + 1
    if end < len(text):
        end = text.rfind(" ", 0, end)
    return ("…" if start > 0 else "") + text[start:end] + ("…" if end < len(text) else "")


def _excerpt(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def score(claim: StatementView, rebuttal: StatementView) -> Verdict:
    """How strongly ``rebuttal`` rebuts ``claim``, in [0, 1], with the reasons."""
    reasons: list[str] = []
    z = _WEIGHTS["bias"]
    opposition = _opposition(claim, rebuttal)
    opposed_concepts: set[str] = set()
    if opposition is not None:
        word, claim_prop, rebuttal_prop, concepts = opposition
        opposed_concepts |= concepts
        z += _WEIGHTS["opposite"]
        claim_word, rebuttal_word = word
        reasons.append(
            f"Opposite on “{claim_word}”: {_who(rebuttal, 'says')} "
            f"“{_around(rebuttal_prop.text, rebuttal_word)}”; "
            f"{_who(claim, 'said')} “{_around(claim_prop.text, claim_word)}”"
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
        on_topic = bool(opposition or shared or names)
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
    opposed = opposition is not None or bool(rebuttal.denials)
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


def _opposition(
    claim: StatementView, rebuttal: StatementView
) -> tuple[tuple[str, str], Proposition, Proposition, set[str]] | None:
    """The proposition of the claim that a proposition of the rebuttal turns over: a
    negated one first (the rebuttal with a denial before others), else antonyms."""
    antonyms = _lex().antonyms
    found: list[tuple[int, tuple[str, str], Proposition, Proposition, set[str]]] = []
    for c in claim.propositions:
        for r in rebuttal.propositions:
            flipped = (c.asserted & r.negated) | (c.negated & r.asserted)
            if flipped:
                key = sorted(flipped)[0]
                rank = 0 if _denies(r.text) else 1
                words = (c.words.get(key, key), r.words.get(key, key))
                found.append((rank, words, c, r, set(flipped)))
            for a, b in ((a, b) for a in c.asserted for b in r.asserted if (a, b) in antonyms):
                found.append((2, (c.words[a], r.words[b]), c, r, {a, b}))
    if not found:
        return None
    _, word, c, r, concepts = min(found, key=lambda f: f[0])
    return word, c, r, concepts


def _denies(text: str) -> bool:
    lowered = text.lower()
    return _phrase_pattern("denial").search(lowered) is not None


def best_direction(
    a: StatementView, b: StatementView
) -> tuple[StatementView, StatementView, Verdict]:
    """Which of two statements is the claim and which the rebuttal: the stronger reading,
    and on a tie the earlier one is the claim."""
    forward, backward = score(a, b), score(b, a)
    if backward.score > forward.score:
        return b, a, backward
    return a, b, forward
