"""What a statement says, as the pairing compares it: its propositions (what it asserts
and what it negates), the concepts of its words, the names in it, and the words of denial
and doubt of counterclaim/resources/lexicons/pairing.json."""

from __future__ import annotations

from spacy.tokens import Span, Token

from counterclaim.nlp.views import NEGATED_SUBJECTS as NEGATED_SUBJECTS
from counterclaim.nlp.views import PairingWords as PairingWords
from counterclaim.nlp.views import Proposition as Proposition
from counterclaim.nlp.views import StatementView as StatementView
from counterclaim.nlp.views import around as around
from counterclaim.nlp.views import concept_of as concept_of
from counterclaim.nlp.views import pairing_words as pairing_words
from counterclaim.nlp.views import phrase_pattern as phrase_pattern
from counterclaim.nlp.views import speaker_stems
from counterclaim.nlp.views import stem_of as stem_of

_CONTENT_POS = ("NOUN", "PROPN", "VERB", "ADJ")
_NEGATION_PATH = ("acomp", "attr", "dobj", "oprd", "amod", "compound", "xcomp")
_POLAR_POS = ("NOUN", "VERB", "ADJ")


def concept(token: Token) -> str:
    return concept_of(token.lemma_.lower())


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
    stems = speaker_stems(speaker_names)
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
