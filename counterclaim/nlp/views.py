"""What a statement says, as the pairing compares it, without spaCy: the views the scorer
reads, the lexicon of counterclaim/resources/lexicons/pairing.json, and a view's
speaker-free part as plain JSON (stored with each statement, so pairing across the library
never parses a statement again). Views are made from parsed text in
`counterclaim.nlp.propositions`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import snowballstemmer

from counterclaim.paths import lexicon
from counterclaim.text import shorten

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
    with_antonym: frozenset[str]  # the concepts that have an antonym
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
        with_antonym=frozenset(w for pair in pairs for w in pair),
        denial_verbs=frozenset(data["denial_verbs"]),
        denial_phrases=tuple(data["denial_phrases"]),
        doubt_phrases=tuple(data["doubt_phrases"]),
        contrast_markers=tuple(data["contrast_markers"]),
        negators=frozenset(data["negators"]),
    )


@lru_cache(maxsize=65536)
def concept_of(lemma: str) -> str:
    lex = pairing_words()
    stem = stem_of(lemma)
    return lex.concepts.get(stem, stem)


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


def speaker_stems(speaker_names: tuple[str, ...]) -> dict[str, str]:
    """Stem of each word of the speaker's names -> the name it is part of."""
    return {stem_of(w.lower()): n for n in speaker_names for w in n.split()}


Features = dict[str, Any]
"""A view's speaker-free part as JSON: what a statement says, whoever says it."""


def features_of(view: StatementView) -> Features:
    """The view without its id, speaker and position, as JSON-able values."""
    return {
        "propositions": [
            {
                "text": p.text,
                "asserted": sorted(p.asserted),
                "negated": sorted(p.negated),
                "words": p.words,
            }
            for p in view.propositions
        ],
        "terms": sorted(view.terms),
        "names": view.names,
        "words": view.words,
        "denials": list(view.denials),
        "doubts": list(view.doubts),
        "contrasts": list(view.contrasts),
    }


def view_from(
    view_id: str,
    features: Features,
    speaker: str | None = None,
    side: str | None = None,
    speaker_names: tuple[str, ...] = (),
    position: int | None = None,
) -> StatementView:
    """The view `features_of` stored, with a speaker again."""
    return StatementView(
        view_id,
        speaker,
        side,
        speaker_stems(speaker_names),
        tuple(
            Proposition(
                p["text"], frozenset(p["asserted"]), frozenset(p["negated"]), dict(p["words"])
            )
            for p in features["propositions"]
        ),
        frozenset(features["terms"]),
        dict(features["names"]),
        dict(features["words"]),
        tuple(features["denials"]),
        tuple(features["doubts"]),
        position=position,
        contrasts=tuple(features["contrasts"]),
    )
