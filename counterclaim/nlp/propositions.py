"""What a statement says, as the pairing compares it: its propositions (what it asserts
and what it negates), the concepts of its words, the names in it, and the words of denial
and doubt of resources/lexicons/pairing.json."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer
from spacy.tokens import Span, Token

from counterclaim.paths import lexicon
from counterclaim.text import shorten

_CONTENT_POS = ("NOUN", "PROPN", "VERB", "ADJ")
_NEGATION_PATH = ("acomp", "attr", "dobj", "oprd", "amod", "compound", "xcomp")
_POLAR_POS = ("NOUN", "VERB", "ADJ")
NEGATED_SUBJECTS = ("none", "nothing", "nobody", "neither")  # "none of them were paid"


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
class PairingWords:
    stem: snowballstemmer.stemmer
    concepts: dict[str, str]  # stem -> concept id
    antonyms: frozenset[tuple[str, str]]
    denial_verbs: frozenset[str]
    denial_phrases: tuple[str, ...]
    doubt_phrases: tuple[str, ...]
    contrast_markers: tuple[str, ...]
    negators: frozenset[str]


@cache
def pairing_words() -> PairingWords:
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
    return PairingWords(
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
    return concept_of(token.lemma_.lower())


@lru_cache(maxsize=65536)
def concept_of(lemma: str) -> str:
    lex = pairing_words()
    stem = stem_of(lemma)
    return lex.concepts.get(stem, stem)


def is_negated(token: Token) -> bool:
    """Whether a negation governs the word: "not hostile", "no threat", "was not involved",
    "does not seek confrontation", "none of them were paid"."""
    negators = pairing_words().negators
    node = token
    while True:
        if any(
            c.dep_ == "neg"
            or (c.dep_ == "det" and c.lower_ in negators)
            or (c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in NEGATED_SUBJECTS)
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
    lex = pairing_words()
    propositions = tuple(_proposition(sent) for sent in _sentences(content))
    words = {
        concept(t): t.text
        for t in reversed(content)
        if t.pos_ in _CONTENT_POS and not t.is_stop and t.is_alpha
    }
    names = {_plain(n).lower(): _plain(n) for n in entity_names(content)}
    lowered = content.text.lower()
    denials = tuple(
        [m.group(0) for m in phrase_pattern("denial").finditer(lowered)]
        + [t.text for t in content if t.lemma_.lower() in lex.denial_verbs]
    )
    stems = {stem_of(w.lower()): n for n in speaker_names for w in n.split()}
    doubts = tuple(m.group(0) for m in phrase_pattern("doubt").finditer(lowered))
    contrasts = tuple(m.group(0) for m in phrase_pattern("contrast").finditer(lowered))
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


def entity_names(content: Span) -> list[str]:
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
def stem_of(word: str) -> str:
    return str(pairing_words().stem.stemWord(word))


@cache
def phrase_pattern(which: str) -> re.Pattern[str]:
    lex = pairing_words()
    words = {
        "denial": lex.denial_phrases,
        "doubt": lex.doubt_phrases,
        "contrast": lex.contrast_markers,
    }[which]
    phrases = sorted(words, key=len, reverse=True)
    alternatives = "|".join(re.escape(p) for p in phrases)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def around(text: str, word: str, width: int = 55) -> str:
    """The part of a sentence around a word, for a reason a person reads."""
    text = " ".join(text.split())
    at = text.find(word)
    if at < 0 or len(text) <= 2 * width:
        return shorten(text, 110, cut="word")
    start, end = max(0, at - width), min(len(text), at + len(word) + width)
    if start > 0:
        start = text.find(" ", start) + 1
    if end < len(text):
        end = text.rfind(" ", 0, end)
    return ("…" if start > 0 else "") + text[start:end] + ("…" if end < len(text) else "")
