"""The spaCy component (after ``cc_quotes``): every attribution it finds is written to
``doc._.cc_attributions``, with the cue, the speaker mention, the content, and the rule."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from counterclaim.nlp.attribution.contents import (
    framed_content,
    fronted_clause,
    hearer_clause,
    marked_that,
    not_relative,
    object_content,
    parenthetical_content,
    passive_content,
    quote_after,
    quote_before,
    takes_that_clause,
    that_clause,
    trailing_content,
)
from counterclaim.nlp.attribution.layout import (
    colon_attributions,
    continued_quotes,
    dash_attributions,
)
from counterclaim.nlp.attribution.spans import (
    Attribution,
    doc_text,
    duplicate,
    extend_to_quotes,
    inside,
    mention_span,
    nested,
    overlaps,
    weak,
)
from counterclaim.nlp.attribution.subjects import (
    agent_of,
    dash_between,
    end_of_cue,
    generic_you,
    has_agent_subject,
    is_source_of_report,
    mention_before,
    name_before,
    speaker_of,
    subject_of,
    titled_by,
)
from counterclaim.nlp.attribution.unowned import (
    DENIAL_VERBS,
    according_to,
    named_owner,
    question,
    unattributed,
    unowned_question,
    unowned_report,
)
from counterclaim.nlp.lexicons import Lexicons, lexicons
from counterclaim.nlp.quotes import QUOTES_KEY


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
            if inside(token.idx, quotes):
                continue
            attribution = self._attribution(token, quotes)
            if attribution is not None and not duplicate(attribution, found):
                found.append(attribution)
        for attribution in [*dash_attributions(doc, quotes), *colon_attributions(doc)]:
            if not any(overlaps(attribution, a) for a in found):
                found.append(attribution)
        found.extend(continued_quotes(doc_text(doc), quotes, found))
        found = [a for a in found if not (weak(a) and nested(a, found))]
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
            return according_to(token)
        if token.pos_ == "NOUN" and lemma in self.lex.nominal_cues | self.lex.ownerless_nouns:
            return self._nominal(token, lemma, quotes)
        if lemma in self.lex.hedges or token.lower_ in self.lex.hedges:
            hedged = unattributed(token, quotes)
            if hedged is not None:
                return hedged
        if token.pos_ != "VERB":
            return None
        if lemma == "ask" and unowned_question(token):
            return question(token, quotes)
        if lemma in self.lex.report_source_cues and is_source_of_report(token):
            return None
        if agent_of(token) is not None and lemma in self.lex.speech_cues | DENIAL_VERBS:
            found = passive_content(token, quotes)
        elif lemma in self.lex.quote_only_cues:
            found = quote_after(token, quotes) or quote_before(token, quotes)
        elif lemma in self.lex.speech_cues:
            found = (
                quote_after(token, quotes)
                or self._clause_content(token, quotes)
                or quote_before(token, quotes)
                or parenthetical_content(token, quotes)
                or trailing_content(token, quotes)
                or object_content(token, quotes)
            )
        elif lemma in self.lex.framing_cues:
            found = self._clause_content(token, quotes) or framed_content(token, quotes)
        elif lemma in self.lex.belief_cues:
            found = self._clause_content(token, quotes) or object_content(token, quotes)
        elif lemma not in self.lex.not_cues and takes_that_clause(token):
            found = self._clause_content(token, quotes)  # "X warned/conceded/figured that ..."
        elif lemma in self.lex.stance_cues and has_agent_subject(token):
            found = object_content(token, quotes) or framed_content(token, quotes)
            if found is not None:
                found = (found[0], "stance")
        else:
            return None
        if found is None:
            return None
        (start, end), rule = found
        subject = titled_by(token) if lemma == "title" else speaker_of(token, rule, quotes)
        if subject is None and lemma == "title":
            return None
        if subject is None and rule == "quote-before":
            subject = name_before(token, end)
        if subject is None and rule == "clause" and end <= token.idx:
            subject = mention_before(token)
        if subject is None or generic_you(token, subject) or dash_between(subject, token):
            return None
        if start <= subject.idx < end and rule != "parenthetical":
            return None
        mention = mention_span(subject)
        cue_end = end_of_cue(token)
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
            owner = next((c for c in noun.lefts if named_owner(c)), None)
        if owner is None and lemma in self.lex.ownerless_nouns and unowned_report(noun):
            owner = noun  # "reports that ...": the reports are the claim's speaker
        if clause is None or owner is None or inside(owner.idx, quotes):
            return None
        tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.lower_ == "that")]
        start, end = extend_to_quotes(tokens, quotes)
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
            clause = next((c for c in verb.rights if that_clause(c)), None)
        if clause is None:
            clause = hearer_clause(verb)
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
                    if acl.dep_ in ("acl", "relcl") and (marked_that(acl) or not_relative(acl))
                ),
                None,
            )
        if clause is None:
            clause = fronted_clause(verb)
        if clause is None:
            return None
        left_out = {
            t.i
            for source in clause.subtree
            if source.lemma_ in self.lex.report_source_cues and is_source_of_report(source)
            for t in source.subtree
        }
        if clause.i < verb.i and subject_of(verb) is None:  # the parser put the speaker inside
            speaker = mention_before(verb)
            left_out |= {t.i for t in speaker.subtree} if speaker is not None else set()
        tokens = [
            t
            for t in clause.subtree
            if t.i not in left_out
            and not (t.dep_ == "mark" and t.lower_ == "that")
            and not (t.i == clause.left_edge.i and not_relative(clause))
        ]
        return extend_to_quotes(tokens, quotes), "clause"


def _holds_a_cue(attribution: Attribution, found: list[Attribution]) -> bool:
    """ "tweeted saying it is a hoax": an object that holds a cue of its own is that
    cue's statement, not a second one."""
    return attribution.rule.endswith(":object") and any(
        other is not attribution
        and attribution.content_start <= other.cue_start < attribution.content_end
        and not weak(other)
        for other in found
    )
