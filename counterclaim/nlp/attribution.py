"""Attribution: who is reported as saying what, from the dependency parse and the quotes.

A spaCy component (after ``cc_quotes``): every attribution it finds is written to
``doc._.cc_attributions`` as an :class:`Attribution`, with the cue, the speaker
mention and the content, and the name of the rule that found it.

Forms covered: "X said (that) ...", "“...,” X said", "X said: “...”" (the quote may run
over several sentences), "according to X, ...", "X has claimed ...", "X maintains that
...", framing verbs ("slams NATO as ...", "called NATO a ..."), "..., a source close to X said"
at the end of a sentence, "was denied by X", "assured residents that ...". "as reported by
X" names the source of the report, not a speaker, and is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from counterclaim.nlp.lexicons import Lexicons, lexicons
from counterclaim.nlp.quotes import QUOTES_KEY

_EDGE_PUNCT = " \n\t,;:-–—"
_QUOTE_MARKS = '"“”‘’«»„'
_SUBJECTS = ("nsubj",)


@dataclass(frozen=True)
class Attribution:
    cue_start: int
    cue_end: int
    speaker: Span | None  # the mention, as written ("He", "The NATO chief")
    speaker_head: Token | None
    content_start: int
    content_end: int
    rule: str
    mode: str = "speech"  # "speech", "belief" (believes, wants, polls show) or "stance"


if not Doc.has_extension("cc_attributions"):
    Doc.set_extension("cc_attributions", default=None)


@Language.factory("cc_attribution")
def make_attribution(nlp: Language, name: str) -> AttributionFinder:
    return AttributionFinder(lexicons())


class AttributionFinder:
    def __init__(self, lex: Lexicons) -> None:
        self.lex = lex

    def __call__(self, doc: Doc) -> Doc:
        quotes = list(doc.spans[QUOTES_KEY]) if QUOTES_KEY in doc.spans else []
        found: list[Attribution] = []
        for token in doc:
            if _inside(token.idx, quotes):
                continue
            attribution = self._attribution(token, quotes)
            if attribution is not None and not _duplicate(attribution, found):
                found.append(attribution)
        for attribution in [*_dash_attributions(doc, quotes), *_colon_attributions(doc)]:
            if not any(_overlaps(attribution, a) for a in found):
                found.append(attribution)
        found.extend(_continued_quotes(_text(doc), quotes, found))
        found = [a for a in found if not (_weak(a) and _nested(a, found))]
        found = [a for a in found if not _holds_a_cue(a, found)]
        doc._.cc_attributions = sorted(found, key=lambda a: a.content_start)
        return doc

    def _attribution(self, token: Token, quotes: list[Span]) -> Attribution | None:
        lemma = token.lemma_.lower()
        if (
            token.lower_ == "according" and token.nbor(1).lower_ == "to"
            if token.i + 1 < len(token.doc)
            else False
        ):
            return _according_to(token)
        if token.pos_ == "NOUN" and lemma in self.lex.nominal_cues | self.lex.ownerless_nouns:
            return self._nominal(token, lemma, quotes)
        if lemma in self.lex.hedges or token.lower_ in self.lex.hedges:
            hedged = _unattributed(token, quotes)
            if hedged is not None:
                return hedged
        if token.pos_ != "VERB":
            return None
        if lemma == "ask" and _unowned_question(token):
            return _question(token, quotes)
        if lemma in self.lex.report_source_cues and _is_source_of_report(token):
            return None
        if _agent(token) is not None and lemma in self.lex.speech_cues | _DENIAL_VERBS:
            found = _passive_content(token, quotes)
        elif lemma in self.lex.quote_only_cues:
            found = _quote_after(token, quotes) or _quote_before(token, quotes)
        elif lemma in self.lex.speech_cues:
            found = (
                _quote_after(token, quotes)
                or self._clause_content(token, quotes)
                or _quote_before(token, quotes)
                or _parenthetical_content(token, quotes)
                or _trailing_content(token, quotes)
                or _object_content(token, quotes)
            )
        elif lemma in self.lex.framing_cues:
            found = self._clause_content(token, quotes) or _framed_content(token, quotes)
        elif lemma in self.lex.belief_cues:
            found = self._clause_content(token, quotes) or _object_content(token, quotes)
        elif lemma not in self.lex.not_cues and _takes_that_clause(token):
            found = self._clause_content(token, quotes)  # "X warned/conceded/figured that ..."
        elif lemma in self.lex.stance_cues and _has_agent_subject(token):
            found = _object_content(token, quotes) or _framed_content(token, quotes)
            if found is not None:
                found = (found[0], "stance")
        else:
            return None
        if found is None:
            return None
        (start, end), rule = found
        subject = _speaker(token, rule, quotes)
        if subject is None and rule == "quote-before":
            subject = _name_before(token, end)
        if subject is None and rule == "clause" and end <= token.idx:
            subject = _mention_before(token)
        if subject is None or _generic_you(token, subject) or _dash_between(subject, token):
            return None
        if start <= subject.idx < end and rule != "parenthetical":
            return None
        mention = mention_span(subject)
        cue_end = _cue_end(token)
        mode = self._mode(lemma, rule)
        return Attribution(
            token.idx, cue_end, mention, subject, start, end, f"{lemma}:{rule}", mode
        )

    def _nominal(self, noun: Token, lemma: str, quotes: list[Span]) -> Attribution | None:
        """ "Trump's claim that there have been thousands of shootings", "a statement by
        the ministry that ...": the noun reports what its owner said."""
        clause = next(
            (
                c
                for c in noun.rights
                if c.dep_ in ("acl", "ccomp", "relcl")
                and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
            ),
            None,
        )
        owner = next((c for c in noun.lefts if c.dep_ == "poss"), None)
        if owner is None:
            by = next(
                (c for c in noun.rights if c.dep_ == "prep" and c.lower_ in ("by", "from")), None
            )
            owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
        if owner is None:  # "a Daily Post report that ...": the name before the noun
            owner = next((c for c in noun.lefts if _named_owner(c)), None)
        if owner is None and lemma in self.lex.ownerless_nouns and _unowned_report(noun):
            owner = noun  # "reports that ...": the reports are the claim's speaker
        if clause is None or owner is None or _inside(owner.idx, quotes):
            return None
        tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.lower_ == "that")]
        start, end = _extend_to_quotes(tokens, quotes)
        mode = "speech" if lemma in self.lex.speech_nouns else "belief"
        return Attribution(
            noun.idx,
            noun.idx + len(noun.text),
            mention_span(owner),
            owner,
            start,
            end,
            f"{lemma}:nominal",
            mode,
        )

    def _mode(self, lemma: str, rule: str) -> str:
        if rule in ("stance", "topic"):
            return rule
        if lemma in self.lex.speech_cues | self.lex.framing_cues | self.lex.quote_only_cues:
            return "speech"
        return "belief"

    def _clause_content(
        self, verb: Token, quotes: list[Span]
    ) -> tuple[tuple[int, int], str] | None:
        """The reported clause: "said that NATO was not involved", less any "as reported
        by ..." inside it."""
        clause = next((c for c in verb.rights if c.dep_ == "ccomp"), None)
        if clause is None:
            clause = next((c for c in verb.rights if _that_clause(c)), None)
        if clause is None:
            clause = _hearer_clause(verb)
        if clause is None:  # "said in a statement that ...": the clause hangs on the noun
            clause = next(
                (
                    acl
                    for prep in verb.rights
                    if prep.dep_ == "prep" and prep.lower_ != "as"
                    for noun in prep.children
                    if noun.dep_ == "pobj"
                    for each in (noun, *noun.conjuncts)
                    for acl in each.rights
                    if acl.dep_ in ("acl", "relcl") and (_marked_that(acl) or _not_relative(acl))
                ),
                None,
            )
        if clause is None:
            clause = _fronted_clause(verb)
        if clause is None:
            return None
        left_out = {
            t.i
            for source in clause.subtree
            if source.lemma_ in self.lex.report_source_cues and _is_source_of_report(source)
            for t in source.subtree
        }
        if clause.i < verb.i and _subject(verb) is None:  # the parser put the speaker inside
            speaker = _mention_before(verb)
            left_out |= {t.i for t in speaker.subtree} if speaker is not None else set()
        tokens = [
            t
            for t in clause.subtree
            if t.i not in left_out
            and not (t.dep_ == "mark" and t.lower_ == "that")
            and not (t.i == clause.left_edge.i and _not_relative(clause))
        ]
        return _extend_to_quotes(tokens, quotes), "clause"


_DASH_SIGNATURE = re.compile(r"[”\"’']?[.,]?\s*[―—–]\s*([^\n]{2,80}?)\.?\s*(?:\n|\Z)")
_COLON_SPEAKER = re.compile(
    r"^[\"“]?(?:(?:More )?[Ff]rom (?:the )?)?"
    r"([A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|at|of|for|and|on))*?)"
    r":[ \t]+(\S[^\n]*)$",
    re.M,
)
_NOT_SPEAKERS = frozenset(
    {
        "image",
        "photo",
        "photos",
        "picture",
        "video",
        "watch",
        "read",
        "related",
        "update",
        "updated",
        "note",
        "editor's note",
        "source",
        "sources",
        "credit",
        "caption",
        "warning",
        "breaking",
        "exclusive",
        "live",
        "opinion",
        "analysis",
        "q",
        "a",
        "tags",
        "share",
        # a fact-check page's labels: "Claim: ...", "Rating: False", "Origins: ..."
        "claim",
        "rating",
        "origin",
        "origins",
        "example",
        "examples",
        "status",
        "verdict",
        "summary",
        "fact check",
        "bottom line",
        "last updated",
        "what's true",
        "what's false",
    }
)


def _dash_attributions(doc: Doc, quotes: list[Span]) -> Iterable[Attribution]:
    """A quote signed with a dash: “...” ― Carla Sanchez."""
    text = _text(doc)
    for quote in quotes:
        match = _DASH_SIGNATURE.match(text, quote.end_char)
        if match is None:
            continue
        name = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
        if name is None or not any(t.pos_ == "PROPN" for t in name):
            continue
        start, end = _trim(text, quote.start_char, quote.end_char)
        dash = match.start(1) - 1
        yield Attribution(dash, dash + 1, name, name[-1], start, end, "dash-signature")


def _colon_attributions(doc: Doc) -> Iterable[Attribution]:
    """A line that starts with who speaks: "PENCE: Well, look, ...", "Poll: Voters ..."."""
    for match in _COLON_SPEAKER.finditer(_text(doc)):
        label = match.group(1)
        if (
            label.lower() in _NOT_SPEAKERS
            or len(label.split()) > 6
            or len(match.group(2).split()) < 3
        ):
            continue
        name_start = match.start(1)
        first = label.split()[0].lower()
        if first in ("said", "says", "asked", "added") and " " in label:  # "Said Ellis: “...”"
            name_start += len(first) + 1
        name = doc.char_span(name_start, match.end(1), alignment_mode="contract")
        if name is None or not any(t.pos_ in ("PROPN", "NOUN") for t in name):
            continue
        start, end = _trim(_text(doc), match.start(2), match.end(2))
        colon = match.end(1)
        yield Attribution(colon, colon + 1, name, name[-1], start, end, "colon-speaker")


def _continued_quotes(text: str, quotes: list[Span], found: list[Attribution]) -> list[Attribution]:
    """“...,” Jordan said Monday. “I want to assure our community ...” The next quote, with
    no cue of its own, goes on in the voice of the speaker just quoted."""
    ordered = sorted(found, key=lambda a: a.content_start)
    added: list[Attribution] = []
    for quote in quotes:
        if len(quote) < 3 or any(
            a.content_start < quote.end_char and quote.start_char < a.content_end
            for a in (*ordered, *added)
        ):
            continue
        before = [a for a in (*ordered, *added) if a.content_end <= quote.start_char]
        previous = max(before, key=_said_end, default=None)  # the one just before the quote
        if previous is None or previous.speaker is None or previous.rule == "according-to":
            continue
        gap = text[_said_end(previous) : quote.start_char]
        if gap.count("\n\n") <= 1 and len(gap.strip(" \n" + _QUOTE_MARKS).split()) <= 8:
            start, end = _trim(text, quote.start_char, quote.end_char)
            added.append(
                Attribution(
                    previous.cue_start,
                    previous.cue_end,
                    previous.speaker,
                    previous.speaker_head,
                    start,
                    end,
                    "quote-continues",
                    previous.mode,
                )
            )
    return added


def _named_owner(token: Token) -> bool:
    """A name in front of a claim noun that owns it: "a Daily Post report", "a White House
    statement"."""
    return token.dep_ == "compound" and token.pos_ == "PROPN" and token.ent_type_ in _AGENT_ENTITIES


def _unowned_report(noun: Token) -> bool:
    """ "Reports that ...", "speculation that ...": not "no reports that" nor the object
    of a denial ("denied reports that"), which is the denial's, not a claim of its own."""
    if any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in noun.children):
        return False
    verb = noun.head
    denied = verb.lemma_.lower() in _DENIAL_VERBS
    return not (noun.dep_ in ("dobj", "nsubjpass", "pobj") and denied)


_DENIAL_VERBS = frozenset(
    {"deny", "reject", "dismiss", "refute", "debunk", "dispute", "knock", "rebut", "contradict"}
)


def _said_end(attribution: Attribution) -> int:
    """Where the attribution's words, cue and speaker end."""
    speaker_end = attribution.speaker.end_char if attribution.speaker is not None else 0
    return max(attribution.content_end, attribution.cue_end, speaker_end)


def _holds_a_cue(attribution: Attribution, found: list[Attribution]) -> bool:
    """ "tweeted saying it is a hoax": an object that holds a cue of its own is that
    cue's statement, not a second one."""
    return attribution.rule.endswith(":object") and any(
        other is not attribution
        and attribution.content_start <= other.cue_start < attribution.content_end
        and not _weak(other)
        for other in found
    )


def _weak(attribution: Attribution) -> bool:
    """Found from a verb's object alone, a stance or a topic: not kept inside reported
    words."""
    return attribution.mode in ("stance", "topic") or attribution.rule.endswith(":object")


def _nested(inner: Attribution, found: list[Attribution]) -> bool:
    """Whether the cue sits inside what someone else is reported to have said."""
    return any(o is not inner and o.content_start <= inner.cue_start < o.content_end for o in found)


def _overlaps(a: Attribution, b: Attribution) -> bool:
    return a.content_start < b.content_end and b.content_start < a.content_end


def _subject(verb: Token, quotes: list[Span] | None = None) -> Token | None:
    """The grammatical subject outside any quote, shared with an earlier verb for "X said
    ... and added ..." and "..., saying ..."."""
    for child in verb.children:
        if child.dep_ in _SUBJECTS and not _inside(child.idx, quotes or ()):
            return child
    for child in verb.lefts:  # "A recent rumor claims ...", parsed as a compound
        compound = child.dep_ == "compound" and child.pos_ in ("NOUN", "PROPN")
        if compound and not _inside(child.idx, quotes or ()):
            return child
    head = verb.head.head if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" else verb.head
    if verb.dep_ in ("conj", "advcl", "xcomp", "pcomp") and head.pos_ in ("VERB", "AUX"):
        if head.lemma_ in ("quote", "cite", "hear", "record"):  # "was quoted as saying"
            passive = [c for c in head.children if c.dep_ == "nsubjpass"]
            if passive and not _inside(passive[0].idx, quotes or ()):
                return passive[0]
        return _subject(head, quotes)
    return None


def _generic_you(verb: Token, subject: Token) -> bool:
    """ "Just when you thought it could not get worse", "if you believe the polls": "you" who
    holds a view in a clause of time or condition is anyone, not a speaker."""
    return (
        subject.lower_ == "you"
        and verb.lemma_.lower() in lexicons().belief_cues
        and verb.dep_ == "advcl"
        and any(c.lower_ in ("when", "if", "once") for c in verb.children)
    )


def _dash_between(subject: Token, verb: Token) -> bool:
    """ "the iPhone saga—think “Bendgate”—could not get worse": one dash between a subject and
    its verb opens an aside; the parser joined what the dash keeps apart ("Smith — a former
    aide — said" has two)."""
    between = subject.doc[subject.i + 1 : verb.i]
    dashes = [t for t in between if t.text in ("—", "–", "--")]
    return len(dashes) == 1 and dashes[0].i == verb.i - 1 and subject.head.i == verb.i


def _mention_before(verb: Token) -> Token | None:
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


def _name_before(verb: Token, quote_end: int) -> Token | None:
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


def _cue_end(verb: Token) -> int:
    """Keep a particle with its verb: "pointed out"."""
    end = verb.idx + len(verb.text)
    for child in verb.rights:
        if child.dep_ == "prt":
            end = child.idx + len(child.text)
    return end


def _is_source_of_report(verb: Token) -> bool:
    """ "as reported by Gazeta", "as reported on Tuesday": where the report came from."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) or any(
        c.dep_ == "agent" for c in verb.children
    )


def _quote_after(verb: Token, quotes: list[Span]) -> tuple[tuple[int, int], str] | None:
    """A quote that follows the cue: "NATO said: “...”"."""
    text = _text(verb.doc)
    after = verb.idx + len(verb.text)
    for quote in quotes:
        gap = text[after : quote.start_char]
        if quote.start_char < after or "\n\n" in gap:
            continue
        if gap.strip(" :,\n\t'" + _QUOTE_MARKS) == "" or (
            # "Said Ellis: “...”", "made the following comment: “...”"
            gap.rstrip(" \n" + _QUOTE_MARKS).endswith(":") and len(gap.split()) <= 6
        ):
            return _trim(text, quote.start_char, quote.end_char), "quote-after"
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
    return _trim(text, start, end), "block-after"


def _quote_before(verb: Token, quotes: list[Span]) -> tuple[tuple[int, int], str] | None:
    """A quote that ends just before its speaker: "“...,” Peskov said"."""
    sent_start = verb.sent.start_char
    text = _text(verb.doc)
    for quote in quotes:
        if quote.end_char > verb.idx:
            continue
        handed = quote.end_char >= sent_start or not text[quote.end_char : sent_start].strip(
            " \n'\"”’"
        )  # ''…?'' Mrs. Clinton said.: the parser ended the sentence inside the quote marks
        if handed and _closes_speech(verb, quote, text):
            return _trim(text, quote.start_char, quote.end_char), "quote-before"
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
    after_mark = between.lstrip(_QUOTE_MARKS + " ")[:1]
    return inner_end in (",", "?", "!", "—", "–", "-") or after_mark == ","


_AGENT_ENTITIES = ("PERSON", "ORG", "NORP", "GPE")


def _has_agent_subject(verb: Token) -> bool:
    """Someone who can hold a view: a named person or body, a pronoun, a group of people."""
    subject = _subject(verb)
    if subject is None:
        return False
    if subject.ent_type_ in _AGENT_ENTITIES:
        return True
    return subject.lower_ in ("he", "she", "they", "we", "i") or subject.lemma_.lower() in (
        lexicons().group_nouns | lexicons().titles
    )


def _that_clause(child: Token) -> bool:
    """A clause the parser attached loosely that still opens with "that": "tweeted in the
    early morning hours that Machado was ..."."""
    return child.dep_ in ("advcl", "dep", "parataxis") and child.left_edge.lower_ == "that"


def _not_relative(clause: Token) -> bool:
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


def _marked_that(clause: Token) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def _takes_that_clause(verb: Token) -> bool:
    """A verb with a finite clause introduced by "that" reports what someone holds."""
    return _hearer_clause(verb) is not None or any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in verb.children
    )


_HEARERS = frozenset(
    {"people", "public", "voter", "resident", "reporter", "journalist", "audience", "supporter"}
)


def _hearer_clause(verb: Token) -> Token | None:
    """ "assured residents that the water was safe": the parser hung the that-clause on the
    person told; it is still what the verb reports (not so for "denied the report that")."""
    for noun in verb.rights:
        if noun.dep_ != "dobj" or noun.lemma_.lower() in lexicons().nominal_cues:
            continue
        hearer = (
            noun.pos_ == "PRON"
            or noun.ent_type_ in _AGENT_ENTITIES
            or noun.lemma_.lower() in _HEARERS | lexicons().titles
        )
        clause = next((c for c in noun.rights if c.dep_ == "acl" and _marked_that(c)), None)
        if hearer and clause is not None:
            return clause
    return None


def _fronted_clause(verb: Token) -> Token | None:
    """ "People like Scott, he said.": words before the subject that the parser could not
    attach as a clause."""
    subject = _subject(verb) or _mention_before(verb)
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


def _speaker(verb: Token, rule: str, quotes: list[Span]) -> Token | None:
    """Who speaks, by the rule that found the content."""
    if rule == "trailing":
        return _trailing_speaker(verb)
    if rule == "passive":
        return _agent(verb)
    return _subject(verb, quotes)


def _agent(verb: Token) -> Token | None:
    """The one named with "by" after a passive verb: "denied by a spokesman"."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _passive_content(verb: Token, quotes: list[Span]) -> tuple[tuple[int, int], str] | None:
    """ "The reports have been denied by a spokesman", "It was announced by the ministry that
    ...": what the one named with "by" said or denied."""
    agent = _agent(verb)
    parts = (
        (
            [c for c in verb.children if c.dep_ == "ccomp"]
            or [c for c in agent.rights if c.dep_ == "acl" and _marked_that(c)]  # by X that ...
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
    return _extend_to_quotes(tokens, quotes), "passive"


def _trailing_content(verb: Token, quotes: list[Span]) -> tuple[tuple[int, int], str] | None:
    """ "Kim is well but has hurt his leg, a source said": a cue after a comma at the end of
    the sentence, parsed as one more conjunct, reports all that comes before the comma."""
    comma = _comma_before(verb)
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
    return _extend_to_quotes(tokens, quotes), "trailing"


def _comma_before(verb: Token) -> Token | None:
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
    comma = _comma_before(verb)
    own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if own is not None or comma is None:
        return own
    phrase = verb.doc[comma.i + 1 : verb.i]
    return next((t for t in phrase if not (comma.i < t.head.i < verb.i)), None)


def _parenthetical_content(verb: Token, quotes: list[Span]) -> tuple[tuple[int, int], str] | None:
    """ "Many visitors were older, she said, and ...": the clause the cue interrupts."""
    if verb.dep_ != "parataxis":
        return None
    inner = {t.i for t in verb.subtree}
    tokens = [t for t in verb.head.subtree if t.i not in inner]
    if len(tokens) < 3:
        return None
    return _extend_to_quotes(tokens, quotes), "parenthetical"


_ANSWERING = frozenset({"respond", "reply", "answer", "react", "retort"})


def _object_content(verb: Token, quotes: list[Span]) -> tuple[tuple[int, int], str] | None:
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
    return _extend_to_quotes(tokens, quotes), "topic" if topical else "object"


def _framed_content(verb: Token, quotes: list[Span]) -> tuple[tuple[int, int], str] | None:
    """ "slams NATO as a hostile organisation", "called NATO a hostile organisation"."""
    objects = [c for c in verb.rights if c.dep_ in ("dobj", "oprd", "xcomp")]
    objects += [c for c in verb.rights if c.dep_ == "prep" and c.lower_ in ("as", "of", "for")]
    if not objects:
        return None
    tokens = [t for obj in objects for t in obj.subtree]
    return _extend_to_quotes(tokens, quotes), "framing"


def _unattributed(token: Token, quotes: list[Span]) -> Attribution | None:
    """What no one owns: "reportedly", "X is said to be", "it is understood that", "seems".
    The statement has no speaker, so a fact-checker sees that it is hedged."""
    if _inside(token.idx, quotes):
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
        tokens = [t for t in token.subtree if t.i != token.i]
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
    start, end = _extend_to_quotes(tokens, quotes)
    cue_end = token.idx + len(token.text)
    return Attribution(
        token.idx, cue_end, None, None, start, end, f"{token.lemma_.lower()}:unattributed", "belief"
    )


def _unowned_question(verb: Token) -> bool:
    """ "X was asked whether ...", "when asked about ...": the question is the statement."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    return passive or not any(c.dep_ == "nsubj" for c in verb.children)


def _question(verb: Token, quotes: list[Span]) -> Attribution | None:
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
    start, end = _extend_to_quotes(tokens, quotes)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    asker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    mention = mention_span(asker) if asker is not None else None
    cue_end = verb.idx + len(verb.text)
    rule = "ask:question" if asker is not None else "ask:unattributed"
    return Attribution(verb.idx, cue_end, mention, asker, start, end, rule, "speech")


def _according_to(according: Token) -> Attribution | None:
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
    text = _text(doc)
    start, end = _trim(text, rest[0].idx, rest[-1].idx + len(rest[-1].text))
    if text[end - 1 : end] == ".":
        end -= 1
    cue_end = to.idx + len(to.text)
    return Attribution(
        according.idx, cue_end, mention_span(source), source, start, end, "according-to"
    )


def _extend_to_quotes(tokens: list[Token], quotes: list[Span]) -> tuple[int, int]:
    """The characters the tokens cover, widened to take in every quote they touch; a
    content that is one quote and nothing else is the inside of that quote."""
    text = _text(tokens[0].doc)
    start, end = min(t.idx for t in tokens), _end_of_tokens(tokens)
    while start < end and text[start] in _QUOTE_MARKS + _EDGE_PUNCT + "'":
        start += 1
    while end > start and text[end - 1] in _QUOTE_MARKS + _EDGE_PUNCT + "'":
        end -= 1
    touched = [q for q in quotes if q.start_char <= end and start <= q.end_char]
    if len(touched) == 1 and touched[0].start_char <= start and end <= touched[0].end_char:
        return _trim(text, touched[0].start_char, touched[0].end_char)
    for quote in touched:  # a partial quote keeps its marks
        q_start, q_end = quote.start_char, quote.end_char
        if q_start > 0 and text[q_start - 1] in _QUOTE_MARKS:
            q_start -= 1
        if q_end < len(text) and text[q_end] in _QUOTE_MARKS:
            q_end += 1
        start, end = min(start, q_start), max(end, q_end)
    return _trim(text, start, end)


def _end_of_tokens(tokens: list[Token]) -> int:
    return max(t.idx + len(t.text) for t in tokens)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop white space, edge punctuation and unbalanced quote marks at both ends."""
    while start < end and (text[start] in _EDGE_PUNCT or _unbalanced_at_start(text, start, end)):
        start += 1
    while end > start and (text[end - 1] in _EDGE_PUNCT or _unbalanced_at_end(text, start, end)):
        end -= 1
    if end > start and text[end - 1] in ".!?" and text[start:end].count(" ") < 2:
        end -= 1
    return start, end


def _unbalanced_at_start(text: str, start: int, end: int) -> bool:
    return text[start] in '“"‘' and _quote_balance(text[start:end]) > 0


def _unbalanced_at_end(text: str, start: int, end: int) -> bool:
    return text[end - 1] in '”"’' and _quote_balance(text[start:end]) < 0


def _quote_balance(text: str) -> int:
    """Positive when the text opens more quotes than it closes."""
    straight = text.count('"') % 2
    return (
        text.count("“")
        - text.count("”")
        + (1 if straight and text[0] == '"' else 0)
        - (1 if straight and text[-1] == '"' else 0)
    )


def mention_span(head: Token) -> Span:
    """The noun phrase that names a speaker: "RUSSIAN presidential press secretary Dmitriy
    Peskov", "The chief of NATO", "He"."""
    left = [
        t for t in head.lefts if t.dep_ in ("det", "compound", "amod", "poss", "nmod", "nummod")
    ]
    start = min((t.left_edge.i for t in left), default=head.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                end = max(t.i for t in objects[0].subtree if t.i <= objects[0].i) + 1
        elif child.dep_ in ("compound", "flat") and child.i == end:
            end = child.i + 1
    return head.doc[start:end]


_TEXT_KEY = "cc_text"


def _text(doc: Doc) -> str:
    """The document's text, kept with it: Doc.text joins every token on each call."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text)


def _inside(position: int, quotes: Iterable[Span]) -> bool:
    return any(q.start_char <= position < q.end_char for q in quotes)


def _duplicate(candidate: Attribution, found: list[Attribution]) -> bool:
    return any(
        a.content_start == candidate.content_start and a.content_end == candidate.content_end
        for a in found
    )
