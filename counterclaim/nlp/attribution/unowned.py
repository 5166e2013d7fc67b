"""Statements without a reporting verb: "according to X", hedges ("reportedly", "is said
to"), questions no one owns, and claim nouns that are a claim's speaker ("reports that")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from counterclaim.nlp.attribution.spans import (
    Attribution,
    doc_text,
    extend_to_quotes,
    inside,
    mention_span,
    trim,
)
from counterclaim.nlp.attribution.subjects import AGENT_ENTITIES


def named_owner(token: Token) -> bool:
    """A name in front of a claim noun that owns it: "a Daily Post report", "a White House
    statement"."""
    return token.dep_ == "compound" and token.pos_ == "PROPN" and token.ent_type_ in AGENT_ENTITIES


def unowned_report(noun: Token) -> bool:
    """ "Reports that ...", "speculation that ...": not "no reports that" nor the object
    of a denial ("denied reports that"), which is the denial's, not a claim of its own."""
    if any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in noun.children):
        return False
    verb = noun.head
    denied = verb.lemma_.lower() in DENIAL_VERBS
    return not (noun.dep_ in ("dobj", "nsubjpass", "pobj") and denied)


DENIAL_VERBS = frozenset(
    {"deny", "reject", "dismiss", "refute", "debunk", "dispute", "knock", "rebut", "contradict"}
)


def unattributed(token: Token, quotes: list[Span]) -> Attribution | None:
    """What no one owns: "reportedly", "X is said to be", "it is understood that", "seems".
    The statement has no speaker, so a fact-checker sees that it is hedged."""
    if inside(token.idx, quotes):
        return None
    if token.pos_ == "ADV":  # "reportedly", "allegedly": the clause the adverb hedges
        clause = token.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        tokens = [t for t in clause.subtree if t.i != token.i]
    elif token.pos_ in ("VERB", "AUX") and (
        any(c.dep_ == "auxpass" for c in token.children) or token.lemma_ in ("seem", "appear")
    ):
        if any(c.dep_ == "agent" for c in token.children):
            return None  # "was reported by Reuters" names its source
        said = next((c for c in token.children if c.dep_ == "ccomp"), None)
        # "It has been rumored (that) X, but Y said ...": the clause, not what follows it
        tokens = (
            _own_words(said) if said is not None else [t for t in token.subtree if t.i != token.i]
        )
    else:
        return None
    tokens = [
        t
        for t in tokens
        if not (t.dep_ in ("auxpass", "aux", "mark") and t.i < token.i and t.head.i == token.i)
        and t.dep_ != "expl"
    ]
    if len(tokens) < 3:
        return None
    start, end = extend_to_quotes(tokens, quotes)
    cue_end = token.idx + len(token.text)
    return Attribution(
        token.idx, cue_end, None, None, start, end, f"{token.lemma_.lower()}:unattributed", "belief"
    )


def _own_words(clause: Token) -> list[Token]:
    """A clause without its "that" and without a clause joined to it ("..., but Y said")."""
    joined = {t.i for c in clause.children if c.dep_ == "conj" for t in c.subtree}
    joined |= {c.i for c in clause.children if c.dep_ in ("cc", "mark")}
    return [t for t in clause.subtree if t.i not in joined]


def unowned_question(verb: Token) -> bool:
    """ "X was asked whether ...", "when asked about ...": the question is the statement."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    return passive or not any(c.dep_ == "nsubj" for c in verb.children)


def question(verb: Token, quotes: list[Span]) -> Attribution | None:
    """A question put to someone; its asker is the one named with "by", if anyone is."""
    parts = [
        c
        for c in verb.rights
        if c.dep_ in ("ccomp", "xcomp", "advcl", "dobj")
        or (c.dep_ == "prep" and c.lower_ in ("about", "on", "for"))
    ]
    if not parts:
        return None
    tokens = [t for part in parts for t in part.subtree]
    if len(tokens) < 2:
        return None
    start, end = extend_to_quotes(tokens, quotes)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    asker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    mention = mention_span(asker) if asker is not None else None
    cue_end = verb.idx + len(verb.text)
    rule = "ask:question" if asker is not None else "ask:unattributed"
    return Attribution(verb.idx, cue_end, mention, asker, start, end, rule, "speech")


def according_to(according: Token) -> Attribution | None:
    """ "According to X, ...": the rest of the sentence is what X said."""
    doc, sent = according.doc, according.sent
    to = doc[according.i + 1]
    run = []
    for token in doc[to.i + 1 : sent.end]:
        if token.text in (",", ".", ";", ":", "—", "–") or token.is_space:
            break
        run.append(token)
    names = [t for t in run if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not names:
        return None
    source = next((t for t in names if t.head.i not in {r.i for r in run}), names[-1])
    if source.pos_ != "PROPN":  # "according to the report by X": the noun's own head
        source = next((t for t in reversed(names) if t.pos_ == "PROPN"), source)
    before = [t for t in sent if t.i < according.i and not t.is_space]
    after = [t for t in sent if t.i > run[-1].i and not t.is_space]
    rest = before if len(before) > len(after) else after  # the side the phrase is not on
    if len(rest) < 3:
        return None
    text = doc_text(doc)
    start, end = trim(text, rest[0].idx, rest[-1].idx + len(rest[-1].text))
    if text[end - 1 : end] == ".":
        end -= 1
    cue_end = to.idx + len(to.text)
    return Attribution(
        according.idx, cue_end, mention_span(source), source, start, end, "according-to"
    )
