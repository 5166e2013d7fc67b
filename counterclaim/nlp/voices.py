"""A statement as the rebuttal linker sees it (its words, the sentence it stands in, who
says it) and whether it denies: a denial word in its cue or its words, or its own words
negated. The words of counterclaim/resources/lexicons/rebuttals.json are read here."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from counterclaim.domain import Span as TextSpan
from counterclaim.domain import Speaker, Statement
from counterclaim.nlp import propositions
from counterclaim.paths import lexicon

_TERM_POS = ("NOUN", "PROPN", "VERB", "ADJ", "NUM")


@dataclass(frozen=True)
class Voice:
    """A statement as the linker sees it: what it says, the sentence it stands in, who
    says it."""

    statement: Statement
    speaker: Speaker | None
    view: propositions.StatementView
    index: int  # the number of its first sentence in the article
    terms: dict[str, str]  # concept -> the word, in the content
    sentence_terms: dict[str, str]  # concept -> the word, in the whole sentence
    sentence_names: frozenset[str]
    cue_lemmas: frozenset[str]
    said_nouns: tuple[tuple[str, frozenset[str]], ...]
    """The nouns of the sentence for something said ("the report"), each with the cue
    words that say things that way."""
    signal: tuple[str, ...] = ()
    """The words that make it a rebuttal (`denial_signal`), or nothing."""

    @property
    def who(self) -> str:
        return self.speaker.name if self.speaker else (self.statement.speaker_text or "someone")


@dataclass(frozen=True)
class LinkingWords:
    weights: dict[str, float]
    threshold: float
    claims_per_rebuttal: int
    claim_nouns: dict[str, frozenset[str]]  # noun -> the cue words that make such a claim
    claim_cues: frozenset[str]
    denial_cues: frozenset[str]
    ignored_terms: frozenset[str]


@cache
def linking_words() -> LinkingWords:
    data = lexicon("rebuttals")
    return LinkingWords(
        weights=dict(data["weights"]),
        threshold=float(data["threshold"]),
        claims_per_rebuttal=int(data["claims_per_rebuttal"]),
        claim_nouns={noun: frozenset(cues) for noun, cues in data["claim_nouns"].items()},
        claim_cues=frozenset(data["claim_cues"]),
        denial_cues=frozenset(data["denial_cues"]) | propositions.pairing_words().denial_verbs,
        ignored_terms=frozenset(propositions.concept_of(w) for w in data["ignored_terms"]),
    )


def voice_of(doc: Doc, statement: Statement, offset: int = 0, sentences_before: int = 0) -> Voice:
    """The statement as the linker sees it, from the Doc it was found in, whose text
    starts `offset` characters into the article after `sentences_before` sentences. The
    voice keeps nothing of the Doc; its speaker is given later (`with_speaker`)."""
    content = _covering(doc, _moved(statement.content, -offset))
    view = propositions.view_of(statement.id, content, position=statement.content.start)
    ends = [statement.content]
    ends += [s for s in (statement.cue_span, statement.speaker_span) if s is not None]
    whole = _covering(
        doc, TextSpan(min(s.start for s in ends) - offset, max(s.end for s in ends) - offset)
    )
    sentence = doc[whole[0].sent.start : whole[-1].sent.end]
    cue = _covering(doc, _moved(statement.cue_span, -offset)) if statement.cue_span else None
    cue_lemmas = frozenset(t.lemma_.lower() for t in cue) if cue is not None else frozenset()
    return Voice(
        statement,
        None,
        view,
        sentences_before + _sentence_number(doc, whole[0]),
        _terms(content),
        _terms(sentence),
        frozenset(n.lower() for n in propositions.entity_names(sentence)),
        cue_lemmas,
        _said_nouns(sentence),
        tuple(denial_signal(content, cue_lemmas, view)),
    )


def with_speaker(voice: Voice, statement: Statement, speaker: Speaker | None) -> Voice:
    """The voice of `statement` (the one it was made from, with its speaker now known),
    said by `speaker`: the speaker's name, side and affiliation are what a rebuttal may
    name."""
    names = (speaker.name, speaker.side or "", speaker.affiliation or "") if speaker else ()
    view = replace(
        voice.view,
        speaker=speaker.name if speaker else None,
        side=speaker.side if speaker else None,
        speaker_names=propositions.speaker_stems(tuple(n for n in names if n)),
    )
    return replace(voice, statement=statement, speaker=speaker, view=view)


def sentence_count(doc: Doc) -> int:
    return len(_sentence_starts(doc))


def _moved(span: TextSpan, by: int) -> TextSpan:
    return TextSpan(span.start + by, span.end + by)


def _covering(doc: Doc, span: TextSpan) -> DocSpan:
    """The tokens that overlap a character span (at least the one it starts in)."""
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    if found is not None and len(found):
        return found
    starts, ends = _token_bounds(doc)
    first = bisect_right(ends, span.start)  # the first token that ends after the start
    last = bisect_left(starts, span.end)  # and the tokens that start before the end
    if first >= last:
        first = min(first, len(doc) - 1)
        last = first + 1
    return doc[first:last]


_BOUNDS_KEY = "cc_token_bounds"


def _token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Where each token starts and ends, kept with the Doc."""
    bounds: tuple[list[int], list[int]] | None = doc.user_data.get(_BOUNDS_KEY)
    if bounds is None:
        ends = [t.idx + len(t) for t in doc]
        bounds = doc.user_data[_BOUNDS_KEY] = ([t.idx for t in doc], ends)
    return bounds


def _said_nouns(sentence: DocSpan) -> tuple[tuple[str, frozenset[str]], ...]:
    nouns = linking_words().claim_nouns
    return tuple(
        (t.text, nouns[t.lemma_.lower()])
        for t in sentence
        if t.pos_ == "NOUN" and nouns.get(t.lemma_.lower())
    )


def _sentence_number(doc: Doc, token: Token) -> int:
    return bisect_right(_sentence_starts(doc), token.i) - 1


_STARTS_KEY = "cc_sentence_starts"


def _sentence_starts(doc: Doc) -> list[int]:
    """The first token of each sentence, kept with the Doc: a long article has thousands
    of statements, each numbered by the sentence it starts in."""
    starts: list[int] | None = doc.user_data.get(_STARTS_KEY)
    if starts is None:
        starts = doc.user_data[_STARTS_KEY] = [s.start for s in doc.sents]
    return starts


def _terms(span: DocSpan) -> dict[str, str]:
    ignored = linking_words().ignored_terms
    found: dict[str, str] = {}
    for t in span:
        wanted = t.like_num or (t.is_alpha and not t.is_stop)  # "four" is a stop word
        if t.pos_ in _TERM_POS and wanted and len(t) > 1:
            key = propositions.concept(t)
            if key not in ignored:
                found.setdefault(key, t.text)
    return found


def denial_signal(
    content: DocSpan, cue_lemmas: frozenset[str], view: propositions.StatementView
) -> list[str]:
    """The words that make a statement a rebuttal (in its cue or its own words), or
    nothing. A denial verb in the words counts when it denies something said ("denied
    the report", "rejected claims that ..."), not an act ("denied them the right to
    vote"); a negation counts when it governs the statement's words or its subject is
    "none" or "nothing"."""
    lex = linking_words()
    found = [lemma for lemma in cue_lemmas if lemma in lex.denial_cues]
    if found and not any(t.pos_ in ("VERB", "AUX") for t in content):
        found = []  # "denied the claims": what is denied, not a statement of its own
    acts = {t.text for t in content if _denies_an_act(t)}
    found += [d for d in view.denials if d not in acts]
    negations = [
        t.text
        for t in content
        if t.dep_ == "neg"
        or (t.lower_ in propositions.NEGATED_SUBJECTS and t.dep_ in ("nsubj", "nsubjpass"))
    ]
    if negations or any(p.negated for p in view.propositions):
        found += (negations or [t.text for t in content if t.lower_ in NEGATIONS])[:1]
    return list(dict.fromkeys(found))


NEGATIONS = frozenset({"not", "n't", "n’t", "no", "never", "nor", "neither", "none", "nothing"})
_SAID_THINGS = frozenset({"it", "this", "that", "these", "those", "them", "which"})


def _denies_an_act(token: Token) -> bool:
    """A denial verb whose object is not something said: "denied them the right"."""
    if (
        token.pos_ != "VERB"
        or token.lemma_.lower() not in propositions.pairing_words().denial_verbs
    ):
        return False
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "dative")]
    if any(c.dep_ == "ccomp" for c in token.children) or not objects:
        return False
    said = linking_words().claim_nouns.keys() | _SAID_THINGS
    return not any(o.lemma_.lower() in said or o.lower_ in said for o in objects)


def only_negated(signal: list[str]) -> bool:
    """The statement only negates its own words: it rebuts only what it turns over."""
    return all(word.lower() in NEGATIONS for word in signal)
