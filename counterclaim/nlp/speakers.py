"""Who the speakers are: names merged by surname, pronouns and titles resolved, and the
organisation or country each one speaks for.

Works on a parsed ``Doc`` whose attributions are found; walks the article in order,
keeping a timeline of who was last mentioned, as a reader does.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from counterclaim.domain import SpeakerKind
from counterclaim.nlp.attribution import Attribution, mention_span
from counterclaim.nlp.lexicons import Lexicons, canonical_key, lexicons
from counterclaim.nlp.quotes import QUOTES_KEY

_ORG_LABELS = ("ORG", "NORP")
_PLACE_LABELS = ("GPE", "LOC")


@dataclass
class Entity:
    """One speaker (or someone who could become one) as the article builds it up."""

    name: str
    kind: SpeakerKind
    aliases: list[str] = field(default_factory=list)
    affiliation: str | None = None
    titles: set[str] = field(default_factory=set)

    def add_alias(self, alias: str) -> None:
        alias = " ".join(alias.split())
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)

    @property
    def side(self) -> str | None:
        if self.affiliation:
            return self.affiliation
        return self.name if self.kind in (SpeakerKind.ORGANISATION, SpeakerKind.COUNTRY) else None


@dataclass(frozen=True)
class Resolution:
    entity: Entity
    how: str  # "name", "pronoun", "title", "group"


class SpeakerResolver:
    """Resolves each attribution's speaker mention to an :class:`Entity`."""

    def __init__(self, lex: Lexicons | None = None) -> None:
        self.lex = lex or lexicons()
        self.entities: list[Entity] = []
        self._timeline: list[tuple[int, Entity]] = []  # (char offset, entity), in order
        self._quoted: set[int] = set()
        self._ents: list[Span] = []
        self._ent_starts: list[int] = []

    def _read(self, doc: Doc) -> None:
        """Take the next part of the article; who has been met so far is kept."""
        quotes = list(doc.spans[QUOTES_KEY]) if QUOTES_KEY in doc.spans else []
        self._quoted = {t.i for q in quotes for t in q}  # token indices inside quotes
        self._ents = list(doc.ents)
        self._ent_starts = [e.start for e in self._ents]

    def resolve_all(self, doc: Doc, attributions: list[Attribution]) -> list[Resolution | None]:
        """Resolutions in the order of the attributions, reading the Doc once. A long
        article comes in several Docs, one after the other: a speaker met in one is known
        in the next."""
        self._read(doc)
        by_position: dict[int, list[int]] = {}
        for n, a in enumerate(attributions):
            if a.speaker_head is not None:
                by_position.setdefault(a.speaker_head.i, []).append(n)
        results: list[Resolution | None] = [None] * len(attributions)
        for token in doc:
            if token.i in by_position:
                resolution = self._resolve_speaker(token)
                for n in by_position[token.i]:
                    results[n] = resolution
            elif self._is_mention(token):
                self._note_mention(token)
        return results

    # -- mentions that are not speakers but can be referred to later

    def _is_mention(self, token: Token) -> bool:
        if token.pos_ != "PROPN" or token.i in self._quoted:
            return False
        return (
            token.ent_type_ in ("PERSON", *_ORG_LABELS, *_PLACE_LABELS)
            and token.dep_ in ("nsubj", "nsubjpass", "appos", "pobj", "dobj", "poss", "compound")
            and not (token.dep_ == "compound" and token.head.pos_ == "PROPN")
        )

    def _note_mention(self, token: Token) -> None:
        entity = self._by_name(token)
        if entity is not None and token.dep_ in ("nsubj", "nsubjpass", "appos"):
            self._timeline.append((token.idx, entity))

    # -- speakers

    def _resolve_speaker(self, head: Token) -> Resolution | None:
        lower = head.lower_
        antecedent = _antecedent(head)
        if antecedent is not None:  # "a blogger who claimed ...": the blogger speaks
            return self._resolve_speaker(antecedent)
        if head.pos_ == "PRON":
            return self._pronoun(head, lower)
        entity: Entity | None
        named = next((c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if head.pos_ == "NOUN" and named is not None:  # "The transport minister, Anna Berg,"
            person = self._by_name(named)
            if person is not None:
                person.add_alias(mention_span(head).text)
                person.titles.add(head.lower_)
                self._timeline.append((head.idx, person))
                return Resolution(person, "name")
        if head.pos_ == "PROPN" or (head.is_upper and len(head.text) > 1):  # "PENCE:"
            entity, how = self._by_name(head), "name"
        else:
            entity, how = self._by_title(head), "title"
        if entity is None:
            return None
        self._timeline.append((head.idx, entity))
        return Resolution(entity, how)

    def _pronoun(self, head: Token, lower: str) -> Resolution | None:
        if lower in self.lex.person_pronouns:
            kinds = {SpeakerKind.PERSON}
        elif lower in self.lex.group_pronouns:
            kinds = {SpeakerKind.ORGANISATION, SpeakerKind.COUNTRY, SpeakerKind.GROUP}
        else:
            return None  # "I", "we": the speaker is inside a quote we do not see
        for _, entity in reversed(self._timeline):
            if entity.kind in kinds:
                self._timeline.append((head.idx, entity))
                return Resolution(entity, "pronoun")
        return None

    def _by_name(self, head: Token) -> Entity | None:
        mention = mention_span(head)
        name_tokens = _name_tokens(head)
        name = " ".join(t.text for t in name_tokens)
        org = self.lex.organisation(name)
        label = head.ent_type_
        if org is not None:
            return self._entity(org.name, org.kind, name, org.affiliation)
        if label in _PLACE_LABELS:
            return self._entity(name, SpeakerKind.COUNTRY, name)
        if label == "NORP":
            country = self.lex.demonyms.get(head.lower_.rstrip("s"))
            return self._entity(mention.text, SpeakerKind.GROUP, mention.text, country)
        person = self._person(name_tokens)
        if label == "ORG" and person is None:
            return self._entity(name, SpeakerKind.ORGANISATION, name)
        if person is None:
            person = self._entity(name, SpeakerKind.PERSON, name)
        self._describe(person, mention, name_tokens)
        return person

    def _person(self, name_tokens: list[Token]) -> Entity | None:
        """The person with this full name or surname; a full name upgrades a surname."""
        name = " ".join(t.text for t in name_tokens)
        surname = name_tokens[-1].text
        for entity in self.entities:
            if entity.kind is not SpeakerKind.PERSON:
                continue
            if entity.name == name or entity.name.split()[-1] == surname:
                if len(name.split()) > len(entity.name.split()):
                    entity.add_alias(entity.name)
                    entity.name = name
                elif name != entity.name:
                    entity.add_alias(name)
                return entity
        return None

    def _describe(self, person: Entity, mention: Span, name_tokens: list[Token]) -> None:
        """Titles and affiliation from the words around a name: "Russia's Dmitriy Peskov",
        "the North Atlantic Alliance’s secretary-general Jens Stoltenberg"."""
        name_ids = {t.i for t in name_tokens}
        words = [t for t in mention if t.i not in name_ids]
        appositions = [c for c in name_tokens[-1].children if c.dep_ == "appos"]
        for appos in appositions:
            words += list(appos.subtree)
        affiliation = self._affiliation(words)
        if affiliation and not person.affiliation:
            person.affiliation = affiliation
        titles = {t.lower_ for t in words if self._is_title(t)}
        person.titles |= titles
        descriptor = [
            t for t in words if t.dep_ not in ("det", "punct", "case") and t.tag_ != "POS"
        ]
        if titles and descriptor:
            person.add_alias(mention.doc[descriptor[0].i : descriptor[-1].i + 1].text)

    def _affiliation(self, words: list[Token]) -> str | None:
        for token in words:
            if token.dep_ == "poss" and token.pos_ == "PROPN":  # "Germany's Olaf Scholz"
                owner = token.doc[token.left_edge.i : token.i + 1].text
                org = self.lex.organisation(owner)
                return (org.affiliation or org.name) if org else _clean_name(owner)
            if token.ent_type_ in ("ORG", *_PLACE_LABELS) and token.pos_ == "PROPN":
                ent = self._entity_at(token)
                text = ent.text if ent is not None else token.text
                org = self.lex.organisation(text)
                if org is not None:
                    return org.affiliation or org.name
                return _clean_name(text)
            demonym = self.lex.demonyms.get(token.lower_)
            if demonym:
                return demonym
            org = self.lex.organisation(token.text)
            if org is not None:
                return org.affiliation or org.name
        return None

    def _entity_at(self, token: Token) -> Span | None:
        """The named entity the token is part of (they do not overlap)."""
        n = bisect_right(self._ent_starts, token.i) - 1
        return self._ents[n] if n >= 0 and token.i < self._ents[n].end else None

    def _is_title(self, token: Token) -> bool:
        return (
            token.lower_ in self.lex.titles
            or token.lemma_.lower() in self.lex.titles
            or ("-" in token.lower_ and token.lower_.split("-")[-1] in self.lex.titles)
        )

    def _by_title(self, head: Token) -> Entity | None:
        """ "The NATO chief", "the chief of NATO", "the spokesman", "Russian officials"."""
        mention = mention_span(head)
        qualifier = self._affiliation([t for t in mention if t.i != head.i]) or _for_whom(head)
        if self._is_title(head):
            for _, entity in reversed(self._timeline):
                if entity.kind is SpeakerKind.PERSON and (
                    (qualifier and entity.affiliation == qualifier)
                    or (not qualifier and head.lower_ in entity.titles)
                ):
                    entity.add_alias(mention.text)
                    return entity
            for entity in reversed(self.entities):
                if (
                    entity.kind is SpeakerKind.PERSON
                    and qualifier
                    and entity.affiliation == qualifier
                ):
                    entity.add_alias(mention.text)
                    return entity
            name = _plain_phrase(mention)
            return self._entity(name, SpeakerKind.PERSON, name, qualifier)
        name = _plain_phrase(mention)
        org = self.lex.organisation(name)
        if org is not None:
            return self._entity(org.name, org.kind, name, org.affiliation)
        # "one council source", "the committee": a speaker named by what it is
        return self._entity(name, SpeakerKind.GROUP, name, qualifier)

    def _entity(
        self, name: str, kind: SpeakerKind, alias: str, affiliation: str | None = None
    ) -> Entity:
        for entity in self.entities:
            if entity.kind is kind and canonical_key(entity.name) == canonical_key(name):
                entity.add_alias(alias)
                if affiliation and not entity.affiliation:
                    entity.affiliation = affiliation
                return entity
        entity = Entity(name=name, kind=kind, affiliation=affiliation)
        entity.add_alias(alias)
        self.entities.append(entity)
        return entity


def _for_whom(head: Token) -> str | None:
    """ "A spokesman for the league", "officials at the county", "county officials": whom
    they speak for."""
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "at", "of", "from"):
            noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if noun is not None and noun.pos_ in ("NOUN", "PROPN"):
                return _plain_phrase(noun.doc[noun.left_edge.i : noun.i + 1])
    compounds = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "NOUN"]
    if compounds:  # "county officials", "a league spokesman"
        return _plain_phrase(head.doc[compounds[0].i : compounds[-1].i + 1])
    return None


def _antecedent(head: Token) -> Token | None:
    """The noun a relative pronoun stands for ("officials who said", "a site which
    claimed"), or None."""
    if head.lower_ not in ("who", "which", "that") or head.head.dep_ != "relcl":
        return None
    noun = head.head.head
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


def _name_tokens(head: Token) -> list[Token]:
    """The proper-noun run that ends at the head: "Dmitriy Peskov" of "... secretary Dmitriy
    Peskov"."""
    tokens = [head]
    for token in reversed(list(head.lefts)):
        if token.i == tokens[0].i - 1 and token.pos_ == "PROPN" and token.dep_ == "compound":
            tokens.insert(0, token)
        else:
            break
    return tokens


def _clean_name(text: str) -> str:
    """ "the North Atlantic Alliance’s" -> "North Atlantic Alliance"."""
    text = text.strip()
    for suffix in ("’s", "'s", "’", "'"):
        text = text.removesuffix(suffix)
    return text[4:] if text.lower().startswith("the ") else text


def _plain_phrase(mention: Span) -> str:
    """ "The NATO chief" -> "NATO chief" for a name; capitalised when it starts a sentence."""
    words = [t for t in mention if not (t.dep_ == "det" and t.i == mention.start)]
    phrase = "".join(t.text_with_ws for t in words).strip()  # "mayor's", not "mayor 's"
    return phrase[:1].upper() + phrase[1:]
