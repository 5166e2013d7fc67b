"""What a reporting verb reports: the quote after or before it, its that-clause, its
object ("called NATO a ..."), a passive's subject, the words before a trailing cue."""

from __future__ import annotations

from spacy.tokens import Span, Token

from counterclaim.nlp.attribution.spans import QUOTE_MARKS, doc_text, extend_to_quotes, trim
from counterclaim.nlp.attribution.subjects import (
    AGENT_ENTITIES,
    agent_of,
    comma_before,
    mention_before,
    subject_of,
)
from counterclaim.nlp.lexicons import lexicons


def quote_after(verb: Token, quotes: list[Span]) -> tuple[tuple[int, int], str] | None:
    """A quote that follows the cue: "NATO said: “...”"."""
    text = doc_text(verb.doc)
    after = verb.idx + len(verb.text)
    for quote in quotes:
        gap = text[after : quote.start_char]
        if quote.start_char < after or "\n\n" in gap:
            continue
        if gap.strip(" :,\n\t'" + QUOTE_MARKS) == "" or (
            # "Said Ellis: “...”", "made the following comment: “...”"
            gap.rstrip(" \n" + QUOTE_MARKS).endswith(":") and len(gap.split()) <= 6
        ):
            return trim(text, quote.start_char, quote.end_char), "quote-after"
    return _block_after(text, after)


def _block_after(text: str, after: int) -> tuple[tuple[int, int], str] | None:
    """ "The New York Times reports:" at the end of a paragraph: the next paragraph, quoted
    or not, is what was reported."""
    line_end = text.find("\n", after)
    if line_end < 0:
        return None
    rest = text[after:line_end].rstrip()
    if not rest.endswith(":") or len(rest.split()) > 6:
        return None
    start = line_end + len(text[line_end:]) - len(text[line_end:].lstrip())
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end
    if end - start < 10:
        return None
    return trim(text, start, end), "block-after"


def quote_before(verb: Token, quotes: list[Span]) -> tuple[tuple[int, int], str] | None:
    """A quote that ends just before its speaker: "“...,” Peskov said"."""
    sent_start = verb.sent.start_char
    text = doc_text(verb.doc)
    for quote in quotes:
        if quote.end_char > verb.idx:
            continue
        handed = quote.end_char >= sent_start or not text[quote.end_char : sent_start].strip(
            " \n'\"”’"
        )  # ''…?'' Mrs. Clinton said.: the parser ended the sentence inside the quote marks
        if handed and _closes_speech(verb, quote, text):
            return trim(text, quote.start_char, quote.end_char), "quote-before"
    return None


def _ends_sentence(token: Token) -> bool:
    """A full stop that ends a sentence, not the one in "(D-Md.)"."""
    if token.text not in (".", "!", "?", ";"):
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after is None or not (after.text in (")", ",") or after.is_lower)


def _closes_speech(verb: Token, quote: Span, text: str) -> bool:
    """Whether a quote ends the way speech handed to a following "X said" does:
    “...,” / “...?” / “...!” then a few words, no sentence end in between."""
    between = text[quote.end_char : verb.idx]
    words = verb.doc[quote.end : verb.i]
    if len(between.split()) > 8 or any(_ends_sentence(t) for t in words):
        return False
    inner_end = text[quote.start_char : quote.end_char].rstrip(" '’\"”")[-1:]
    after_mark = between.lstrip(QUOTE_MARKS + " ")[:1]
    return inner_end in (",", "?", "!", "—", "–", "-") or after_mark == ","


def that_clause(child: Token) -> bool:
    """A clause the parser attached loosely that still opens with "that": "tweeted in the
    early morning hours that Machado was ..."."""
    return child.dep_ in ("advcl", "dep", "parataxis") and child.left_edge.lower_ == "that"


def not_relative(clause: Token) -> bool:
    """ "denied to the Journal and other outlets that Miller was arrested": parsed as a
    relative clause of "outlets", but "that" fills no place in it (the verb is passive, or
    has its object already), so it is the verb's reported clause."""
    that = clause.left_edge
    if that.lower_ != "that" or that.dep_ not in ("dobj", "mark", "nsubj"):
        return False
    subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.i != that.i for c in clause.children)
    filled = any(
        c.dep_ in ("nsubjpass", "dobj", "ccomp") and c.i != that.i for c in clause.children
    )
    return subject and filled


def marked_that(clause: Token) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def takes_that_clause(verb: Token) -> bool:
    """A verb with a finite clause introduced by "that" reports what someone holds."""
    return hearer_clause(verb) is not None or any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in verb.children
    )


_HEARERS = frozenset(
    {"people", "public", "voter", "resident", "reporter", "journalist", "audience", "supporter"}
)


def hearer_clause(verb: Token) -> Token | None:
    """ "assured residents that the water was safe": the parser hung the that-clause on the
    person told; it is still what the verb reports (not so for "denied the report that")."""
    for noun in verb.rights:
        if noun.dep_ != "dobj" or noun.lemma_.lower() in lexicons().nominal_cues:
            continue
        hearer = (
            noun.pos_ == "PRON"
            or noun.ent_type_ in AGENT_ENTITIES
            or noun.lemma_.lower() in _HEARERS | lexicons().titles
        )
        clause = next((c for c in noun.rights if c.dep_ == "acl" and marked_that(c)), None)
        if hearer and clause is not None:
            return clause
    return None


def fronted_clause(verb: Token) -> Token | None:
    """ "People like Scott, he said.": words before the subject that the parser could not
    attach as a clause."""
    subject = subject_of(verb) or mention_before(verb)
    if subject is None:
        return None
    # "..., said one GOP source": when the subject follows the verb, the verb comes next
    anchor = subject.left_edge.i if subject.i < verb.i else verb.i
    for child in verb.lefts:
        if child.dep_ not in ("ccomp", "dep", "advcl") or child.i > anchor:
            continue
        marked = any(m.dep_ == "mark" for m in child.children)
        handed_over = verb.doc[child.right_edge.i + 1 : anchor]
        if (
            not (child.dep_ == "advcl" and marked)
            and len(list(child.subtree)) >= 2
            and child.pos_ not in ("ADV", "ADP")
            and handed_over.text.strip(" ”\"’'") in (",", "")
        ):
            return child
    return None


def passive_content(verb: Token, quotes: list[Span]) -> tuple[tuple[int, int], str] | None:
    """ "The reports have been denied by a spokesman", "It was announced by the ministry that
    ...": what the one named with "by" said or denied."""
    agent = agent_of(verb)
    parts = (
        (
            [c for c in verb.children if c.dep_ == "ccomp"]
            or [c for c in agent.rights if c.dep_ == "acl" and marked_that(c)]  # by X that ...
            or [c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ != "PRON"]
        )
        if agent is not None
        else []
    )
    tokens = [
        t
        for part in parts
        for t in part.subtree
        if not (t.lower_ == "that" and t.pos_ == "SCONJ" and t.i == part.left_edge.i)
    ]
    if len(tokens) < 2:
        return None
    return extend_to_quotes(tokens, quotes), "passive"


def trailing_content(verb: Token, quotes: list[Span]) -> tuple[tuple[int, int], str] | None:
    """ "Kim is well but has hurt his leg, a source said": a cue after a comma at the end of
    the sentence, parsed as one more conjunct, reports all that comes before the comma."""
    comma = comma_before(verb)
    if verb.dep_ != "conj" or comma is None or comma.i <= verb.head.i:
        return None
    if any(c.dep_ in ("ccomp", "dobj", "cc") for c in verb.children):
        return None
    last = max((t.i for t in verb.sent if not (t.is_punct or t.is_space)), default=verb.i)
    if verb.right_edge.i < last:
        return None
    tokens = [t for t in verb.head.subtree if t.i < comma.i]
    if len(tokens) < 3:
        return None
    return extend_to_quotes(tokens, quotes), "trailing"


def parenthetical_content(verb: Token, quotes: list[Span]) -> tuple[tuple[int, int], str] | None:
    """ "Many visitors were older, she said, and ...": the clause the cue interrupts."""
    if verb.dep_ != "parataxis":
        return None
    inner = {t.i for t in verb.subtree}
    tokens = [t for t in verb.head.subtree if t.i not in inner]
    if len(tokens) < 3:
        return None
    return extend_to_quotes(tokens, quotes), "parenthetical"


_ANSWERING = frozenset({"respond", "reply", "answer", "react", "retort"})


def object_content(verb: Token, quotes: list[Span]) -> tuple[tuple[int, int], str] | None:
    """ "urges supporters to monitor polling places", "announced the arrest of a man": what
    the verb takes, when it is more than the person spoken to."""
    objects = [c for c in verb.rights if c.dep_ in ("dobj", "xcomp", "oprd", "attr")]
    objects += [  # "spoke of the legacy of racism", "talked about bringing people together"
        c for c in verb.rights if c.dep_ == "prep" and c.lower_ in ("about", "of", "on")
    ]
    if verb.lemma_ in _ANSWERING:  # "responded with attacks on Machado"
        objects += [c for c in verb.rights if c.dep_ == "prep" and c.lower_ in ("to", "with")]
    objects += [  # "tells his supporters at a rally to “go to your place and vote”"
        c for c in verb.rights if c.dep_ == "advcl" and c.left_edge.lower_ == "to"
    ]
    objects = [o for o in objects if not (o.pos_ == "PRON" and o.dep_ == "dobj")]
    if not objects or all(
        o.dep_ == "dobj" and o.ent_type_ == "PERSON" and len(list(o.subtree)) < 4 for o in objects
    ):
        return None
    tokens = [t for obj in objects for t in obj.subtree]
    if len(tokens) < 2:
        return None
    topical = all(o.dep_ == "prep" and o.lower_ in ("about", "of", "on") for o in objects)
    return extend_to_quotes(tokens, quotes), "topic" if topical else "object"


def framed_content(verb: Token, quotes: list[Span]) -> tuple[tuple[int, int], str] | None:
    """ "slams NATO as a hostile organisation", "called NATO a hostile organisation"."""
    objects = [c for c in verb.rights if c.dep_ in ("dobj", "oprd", "xcomp")]
    objects += [c for c in verb.rights if c.dep_ == "prep" and c.lower_ in ("as", "of", "for")]
    if not objects:
        return None
    tokens = [t for obj in objects for t in obj.subtree]
    return extend_to_quotes(tokens, quotes), "framing"
