"""Who a reporting verb's speaker is: its subject, a name or mention before it, the
agent of a passive, the source after a trailing cue ("..., a source said")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from counterclaim.nlp.attribution.spans import inside
from counterclaim.nlp.lexicons import lexicons

_SUBJECTS = ("nsubj",)


def subject_of(verb: Token, quotes: list[Span] | None = None) -> Token | None:
    """The grammatical subject outside any quote, shared with an earlier verb for "X said
    ... and added ..." and "..., saying ..."."""
    for child in verb.children:
        if child.dep_ in _SUBJECTS and not inside(child.idx, quotes or ()):
            return child
    for child in verb.lefts:  # "A recent rumor claims ...", parsed as a compound
        compound = child.dep_ == "compound" and child.pos_ in ("NOUN", "PROPN")
        if compound and not inside(child.idx, quotes or ()):
            return child
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in lexicons().sayers:
        return verb.head  # "an article saying ...", "a report claiming that ..."
    head = verb.head.head if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" else verb.head
    if verb.dep_ in ("conj", "advcl", "xcomp", "pcomp") and head.pos_ in ("VERB", "AUX"):
        if head.lemma_ in ("quote", "cite", "hear", "record"):  # "was quoted as saying"
            passive = [c for c in head.children if c.dep_ == "nsubjpass"]
            if passive and not inside(passive[0].idx, quotes or ()):
                return passive[0]
        return subject_of(head, quotes)
    return None


def titled_by(verb: Token) -> Token | None:
    """ "The video is titled: “...”", "a commentary titled “...”": the video or the
    commentary, when it is a thing that says something (not "a book titled ...")."""
    titled = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    named = titled if titled is not None else verb.head if verb.dep_ == "acl" else None
    return named if named is not None and named.lemma_.lower() in lexicons().sayers else None


def generic_you(verb: Token, subject: Token) -> bool:
    """ "Just when you thought it could not get worse", "if you believe the polls": "you" who
    holds a view in a clause of time or condition is anyone, not a speaker."""
    return (
        subject.lower_ == "you"
        and verb.lemma_.lower() in lexicons().belief_cues
        and verb.dep_ == "advcl"
        and any(c.lower_ in ("when", "if", "once") for c in verb.children)
    )


def dash_between(subject: Token, verb: Token) -> bool:
    """ "the iPhone saga—think “Bendgate”—could not get worse": one dash between a subject and
    its verb opens an aside; the parser joined what the dash keeps apart ("Smith — a former
    aide — said" has two)."""
    between = subject.doc[subject.i + 1 : verb.i]
    dashes = [t for t in between if t.text in ("—", "–", "--")]
    return len(dashes) == 1 and dashes[0].i == verb.i - 1 and subject.head.i == verb.i


def mention_before(verb: Token) -> Token | None:
    """ "…, a spokeswoman, Anna White, said": the noun phrase that ends just before the verb,
    when the parser took it for something else."""
    doc = verb.doc
    i = verb.i - 1
    while i >= verb.sent.start and doc[i].is_punct:
        i -= 1
    if i < verb.sent.start:
        return None
    token = doc[i]
    while (
        token.head.i != token.i
        and token.head.pos_ in ("NOUN", "PROPN")
        and token.head.right_edge.i <= i + 1
    ):
        token = token.head
    return token if token.pos_ in ("NOUN", "PROPN", "PRON") else None


def name_before(verb: Token, quote_end: int) -> Token | None:
    """“...,” Rep. Elijah E. Cummings (D-Md.) said: the parser lost the subject, but the
    name between the quote and the verb is the speaker."""
    run: list[Token] = []
    for token in verb.doc[verb.sent.start : verb.i]:
        if token.idx < quote_end:
            continue
        if token.pos_ == "PROPN" or (run and token.text.endswith(".") and token.is_title):
            run.append(token)
        elif run:
            break
    return run[-1] if run else None


def end_of_cue(verb: Token) -> int:
    """Keep a particle with its verb: "pointed out"."""
    end = verb.idx + len(verb.text)
    for child in verb.rights:
        if child.dep_ == "prt":
            end = child.idx + len(child.text)
    return end


def is_source_of_report(verb: Token) -> bool:
    """ "as reported by Gazeta", "as reported on Tuesday": where the report came from."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) or any(
        c.dep_ == "agent" for c in verb.children
    )


AGENT_ENTITIES = ("PERSON", "ORG", "NORP", "GPE")


def has_agent_subject(verb: Token) -> bool:
    """Someone who can hold a view: a named person or body, a pronoun, a group of people."""
    subject = subject_of(verb)
    if subject is None:
        return False
    if subject.ent_type_ in AGENT_ENTITIES:
        return True
    return subject.lower_ in ("he", "she", "they", "we", "i") or subject.lemma_.lower() in (
        lexicons().group_nouns | lexicons().titles
    )


def speaker_of(verb: Token, rule: str, quotes: list[Span]) -> Token | None:
    """Who speaks, by the rule that found the content."""
    if rule == "trailing":
        return _trailing_speaker(verb)
    if rule == "passive":
        return agent_of(verb)
    return subject_of(verb, quotes)


def agent_of(verb: Token) -> Token | None:
    """The one named with "by" after a passive verb: "denied by a spokesman"."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def comma_before(verb: Token) -> Token | None:
    """The comma that ends what was said, when only a short speaker phrase lies between it
    and the cue: ", a source close to the palace said"."""
    for words, token in enumerate(reversed(verb.doc[verb.sent.start : verb.i])):
        if token.text == ",":
            return token if words else None
        if words >= 12 or token.text in (";", ":", "—", "–") or token.pos_ in ("VERB", "CCONJ"):
            return None
    return None


def _trailing_speaker(verb: Token) -> Token | None:
    """The speaker of a trailing cue: its own subject, else the phrase between the comma and
    the cue (the parser may hang it on the last noun as an apposition)."""
    comma = comma_before(verb)
    own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if own is not None or comma is None:
        return own
    phrase = verb.doc[comma.i + 1 : verb.i]
    return next((t for t in phrase if not (comma.i < t.head.i < verb.i)), None)
