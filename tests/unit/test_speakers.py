"""Speakers: names merged, pronouns and titles resolved, affiliation and sides."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counterclaim.domain import SpeakerKind

if TYPE_CHECKING:
    from counterclaim.nlp.extract import Extractor


def speakers_of(extractor: Extractor, text: str) -> list[tuple[str, str | None]]:
    analysis = extractor.analyse(text)
    return [
        (s.speaker_text, getattr(analysis.speaker(s.speaker_id), "name", None))
        for s in analysis.statements
    ]


def test_surname_and_full_name_are_one_speaker(extractor: Extractor) -> None:
    text = "Jane Smith said the bridge was unsafe. Smith added that it must close."
    analysis = extractor.analyse(text)
    assert len(analysis.speakers) == 1
    assert analysis.speakers[0].name == "Jane Smith"
    assert "Smith" in analysis.speakers[0].aliases


def test_pronouns_go_to_the_last_compatible_speaker(extractor: Extractor) -> None:
    text = (
        "John Brown said profits would rise. He added that costs would fall. "
        "The council said the plan was late. It added that money was short."
    )
    assert speakers_of(extractor, text)[1] == ("He", "John Brown")
    assert speakers_of(extractor, text)[3][0] == "It"
    assert speakers_of(extractor, text)[3][1] == speakers_of(extractor, text)[2][1]


def test_title_resolves_to_the_person_introduced_with_it(extractor: Extractor) -> None:
    text = (
        "Jane Smith, the mayor of Springfield, said the bridge was unsafe. "
        "The mayor said repairs would take a year."
    )
    assert speakers_of(extractor, text) == [
        ("Jane Smith", "Jane Smith"),
        ("The mayor", "Jane Smith"),
    ]


def test_affiliation_from_a_possessive_and_a_demonym(extractor: Extractor) -> None:
    analysis = extractor.analyse(
        "Russia's Dmitriy Peskov said talks had failed. "
        "Russian presidential press secretary Dmitriy Peskov added that talks would resume."
    )
    (peskov,) = analysis.speakers
    assert peskov.affiliation == "Russia" and peskov.side == "Russia"
    assert peskov.kind is SpeakerKind.PERSON


def test_organisation_speaks_for_itself(extractor: Extractor) -> None:
    analysis = extractor.analyse("NATO said the alliance posed no threat.")
    (nato,) = analysis.speakers
    assert nato.kind is SpeakerKind.ORGANISATION and nato.side == "NATO"


def test_a_relative_pronoun_speaks_for_the_noun_it_stands_for(extractor: Extractor) -> None:
    text = (
        "The rumour was spread by Michael Madden, who claimed that the restaurant would "
        "open in Glasgow in May."
    )
    spoken = speakers_of(extractor, text)
    assert spoken and spoken[0] == ("who", "Michael Madden")


def test_whom_a_spokesman_or_officials_speak_for_is_their_side(extractor: Extractor) -> None:
    analysis = extractor.analyse(
        "A spokesman for the league said none of the players were suspended. "
        "County officials said the roads were open again on Monday."
    )
    assert {s.name: s.side for s in analysis.speakers} == {
        "Spokesman": "League",
        "County officials": "County",
    }
