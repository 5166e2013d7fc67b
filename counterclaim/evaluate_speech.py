"""The speech subset of attribution gold: which cues say that someone spoke.

The subset is fixed here, apart from the extractor's lexicons, so that widening the
extractor never changes what it is measured on.
"""

from __future__ import annotations

_SPEECH_MARKS = {":", "―", "—", "-"}

SPEECH_VERBS = [
    "say",
    "tell",
    "add",
    "claim",
    "state",
    "maintain",
    "insist",
    "argue",
    "assert",
    "allege",
    "announce",
    "declare",
    "explain",
    "warn",
    "write",
    "note",
    "stress",
    "emphasise",
    "emphasize",
    "reiterate",
    "respond",
    "reply",
    "answer",
    "admit",
    "acknowledge",
    "confirm",
    "deny",
    "comment",
    "remark",
    "tweet",
    "predict",
    "promise",
    "vow",
    "pledge",
    "urge",
    "complain",
    "concede",
    "contend",
    "counter",
    "retort",
    "observe",
    "recall",
    "reveal",
    "testify",
    "mention",
    "repeat",
    "ask",
    "continue",
    "speak",
    "talk",
    "shout",
    "chant",
]


def speech_cue_words() -> frozenset[str]:
    """Speech verbs and their inflections ("said", "says", "saying", "told")."""
    words: set[str] = set()
    for lemma in SPEECH_VERBS:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        words |= {lemma, lemma + "s", lemma + "ed", stem + "ed", stem + "ing", lemma + "ing"}
    return frozenset(words | {"said", "told", "wrote", "according", "says", "spoke", "quoted"})


def is_speech_cue(cue: str, speech: frozenset[str]) -> bool:
    words = cue.lower().replace(":", " : ").split()
    return any(w in speech or w in _SPEECH_MARKS for w in words) or cue.strip() in _SPEECH_MARKS
