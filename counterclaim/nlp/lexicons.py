"""The lexicons the nlp components read, as typed lookups built once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from counterclaim.domain import SpeakerKind
from counterclaim.paths import lexicon


@dataclass(frozen=True)
class Organisation:
    name: str
    kind: SpeakerKind
    affiliation: str | None


@dataclass(frozen=True)
class Lexicons:
    speech_cues: frozenset[str]
    framing_cues: frozenset[str]
    belief_cues: frozenset[str]
    report_source_cues: frozenset[str]
    not_cues: frozenset[str]
    hedges: frozenset[str]
    nominal_cues: frozenset[str]
    speech_nouns: frozenset[str]
    ownerless_nouns: frozenset[str]  # a claim's speaker themselves: "reports that ..."
    sayers: frozenset[str]  # say what follows a participle: "an article saying ..."
    stance_cues: frozenset[str]
    quote_only_cues: frozenset[str]
    titles: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    group_nouns: frozenset[str]
    organisations: dict[str, Organisation]  # lower-case alias -> organisation
    demonyms: dict[str, str]

    def organisation(self, name: str) -> Organisation | None:
        return self.organisations.get(canonical_key(name))


def canonical_key(name: str) -> str:
    """'the North Atlantic Alliance’s' -> 'north atlantic alliance'."""
    key = name.strip().lower().replace("’", "'")
    key = key.removesuffix("'s").removesuffix("'").strip()
    return key.removeprefix("the ").strip()


@cache
def lexicons() -> Lexicons:
    cues = lexicon("cues")
    speakers = lexicon("speakers")
    organisations: dict[str, Organisation] = {}
    for name, entry in speakers["organisations"].items():
        org = Organisation(name, SpeakerKind(entry["kind"]), entry.get("affiliation"))
        for alias in [name, *entry["aliases"]]:
            organisations[canonical_key(alias)] = org
    return Lexicons(
        speech_cues=frozenset(cues["speech"]),
        framing_cues=frozenset(cues["framing"]),
        belief_cues=frozenset(cues["belief"]),
        report_source_cues=frozenset(cues["source_of_report"]),
        not_cues=frozenset(cues["not_cues"]),
        hedges=frozenset(cues["hedges"]),
        nominal_cues=frozenset(cues["nominal_speech"] + cues["nominal_belief"]),
        speech_nouns=frozenset(cues["nominal_speech"]),
        ownerless_nouns=frozenset(cues["ownerless"]),
        sayers=frozenset(cues["sayers"]),
        stance_cues=frozenset(cues["stance"]),
        quote_only_cues=frozenset(cues["quote_only"]),
        titles=frozenset(speakers["titles"]),
        person_pronouns=frozenset(speakers["person_pronouns"]),
        group_pronouns=frozenset(speakers["group_pronouns"]),
        group_nouns=frozenset(speakers["group_nouns"]),
        organisations=organisations,
        demonyms=dict(speakers["demonyms"]),
    )
