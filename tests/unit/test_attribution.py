"""Each attribution form on a short sentence: speaker, cue, content and kind."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from counterclaim.domain import Analysis, Speaker, Statement, StatementKind, StatementMode

if TYPE_CHECKING:
    from counterclaim.nlp.extract import Extractor


def only(extractor: Extractor, text: str) -> tuple[Statement, Speaker | None]:
    analysis = extractor.analyse(text)
    assert len(analysis.statements) == 1, [s.text for s in analysis.statements]
    statement = analysis.statements[0]
    speaker = analysis.speaker(statement.speaker_id)
    return statement, speaker


def speaker_name(analysis: Analysis, speaker_id: str | None) -> str:
    speaker = analysis.speaker(speaker_id)
    assert speaker is not None
    return speaker.name


@pytest.mark.parametrize(
    ("text", "cue", "content", "kind"),
    [
        (
            "Jane Smith said that the bridge was unsafe.",
            "said",
            "the bridge was unsafe",
            StatementKind.INDIRECT,
        ),
        (
            '"The bridge is unsafe," Jane Smith said.',
            "said",
            "The bridge is unsafe",
            StatementKind.DIRECT,
        ),
        (
            "“The bridge is unsafe,” said Jane Smith.",
            "said",
            "The bridge is unsafe",
            StatementKind.DIRECT,
        ),
        (
            "Jane Smith said: “The bridge is unsafe. It must close today.”",
            "said",
            "The bridge is unsafe. It must close today.",
            StatementKind.DIRECT,
        ),
        (
            "According to Jane Smith, the bridge is unsafe.",
            "According to",
            "the bridge is unsafe",
            StatementKind.INDIRECT,
        ),
        (
            "Jane Smith has claimed the bridge is unsafe.",
            "claimed",
            "the bridge is unsafe",
            StatementKind.INDIRECT,
        ),
        (
            "Jane Smith maintains that the bridge is safe.",
            "maintains",
            "the bridge is safe",
            StatementKind.INDIRECT,
        ),
        (
            'Jane Smith slams the council as a "reckless gang".',
            "slams",
            'the council as a "reckless gang"',
            StatementKind.MIXED,
        ),
        (
            "Jane Smith called the plan “a disaster for the town”.",
            "called",
            "the plan “a disaster for the town”",
            StatementKind.MIXED,
        ),
    ],
)
def test_forms(
    extractor: Extractor, text: str, cue: str, content: str, kind: StatementKind
) -> None:
    statement, speaker = only(extractor, text)
    assert speaker is not None and speaker.name == "Jane Smith"
    assert statement.cue == cue
    assert statement.text == content
    assert text[statement.content.start : statement.content.end] == content
    assert statement.kind is kind


def test_source_of_a_report_is_not_a_speaker(extractor: Extractor) -> None:
    statement, speaker = only(
        extractor, "Jane Smith said the figures were correct, as reported by Reuters."
    )
    assert speaker is not None and speaker.name == "Jane Smith"
    assert "Reuters" not in statement.text


def test_narration_without_a_reporting_verb_is_not_a_statement(extractor: Extractor) -> None:
    analysis = extractor.analyse("The bridge was closed in May. Traffic moved to the ferry.")
    assert analysis.statements == ()


def test_speaking_about_something_is_a_topic_not_a_claim(extractor: Extractor) -> None:
    statement, _ = only(extractor, "Jane Smith spoke about the bridge.")
    assert statement.mode is StatementMode.TOPIC and statement.text == "about the bridge"


def test_evidence_names_the_rule_and_the_cue_span(extractor: Extractor) -> None:
    text = "Jane Smith said that the bridge was unsafe."
    statement, _ = only(extractor, text)
    assert statement.cue_span is not None
    assert text[statement.cue_span.start : statement.cue_span.end] == "said"
    assert statement.rule.startswith("say:clause")


@pytest.mark.parametrize(
    ("text", "speaker", "content", "rule"),
    [
        (
            "Jane Smith was quoted as saying that the bridge was unsafe.",
            "Jane Smith",
            "the bridge was unsafe",
            "say:clause",
        ),
        (
            "In a statement, the ministry said the bridge was unsafe.",
            "Ministry",
            "the bridge was unsafe",
            "say:clause",
        ),
        (
            "“The bridge is unsafe and must close.” ― Jane Smith\n",
            "Jane Smith",
            "The bridge is unsafe and must close.",
            "dash-signature",
        ),
        (
            "SMITH: The bridge is unsafe and must close today.\n",
            "SMITH",
            "The bridge is unsafe and must close today.",
            "colon-speaker",
        ),
        (
            "''The bridge is unsafe,'' Jane Smith said.",
            "Jane Smith",
            "The bridge is unsafe",
            "say:",
        ),
        (
            "The bridge is unsafe, said one council source.",
            "One council source",
            "The bridge is unsafe",
            "say:clause",
        ),
    ],
)
def test_more_forms(extractor: Extractor, text: str, speaker: str, content: str, rule: str) -> None:
    statement, found = only(extractor, text)
    assert found is not None and found.name == speaker
    assert statement.text == content
    assert statement.rule.startswith(rule)


def test_nested_attribution_is_two_statements(extractor: Extractor) -> None:
    analysis = extractor.analyse("Jane Smith said that the mayor had claimed the bridge was safe.")
    by_speaker = {speaker_name(analysis, s.speaker_id): s.text for s in analysis.statements}
    assert by_speaker == {
        "Jane Smith": "the mayor had claimed the bridge was safe",
        "Mayor": "the bridge was safe",
    }


def test_a_quote_that_goes_on_keeps_its_speaker(extractor: Extractor) -> None:
    analysis = extractor.analyse("“The bridge is unsafe,” Jane Smith said. “It must close today.”")
    assert [s.text for s in analysis.statements] == ["The bridge is unsafe", "It must close today."]
    assert len({s.speaker_id for s in analysis.statements}) == 1


def test_a_claim_named_by_a_noun(extractor: Extractor) -> None:
    analysis = extractor.analyse("Critics attacked Jane Smith's claim that the bridge was safe.")
    nominal = [s for s in analysis.statements if s.rule.startswith("claim:nominal")]
    assert [(speaker_name(analysis, s.speaker_id), s.text) for s in nominal] == [
        ("Jane Smith", "the bridge was safe")
    ]


@pytest.mark.parametrize(
    "text", ["The bridge is reportedly unsafe.", "It is understood that the bridge will close."]
)
def test_hedged_statements_have_no_speaker(extractor: Extractor, text: str) -> None:
    statement, speaker = only(extractor, text)
    assert speaker is None and statement.speaker_id is None
    assert "unattributed" in statement.rule


def test_beliefs_and_findings_are_kept_apart_from_speech(extractor: Extractor) -> None:
    belief, _ = only(extractor, "Jane Smith believes that the bridge is unsafe.")
    speech, _ = only(extractor, "Jane Smith said that the bridge is unsafe.")
    assert (belief.mode, speech.mode) == (StatementMode.BELIEF, StatementMode.SPEECH)
    finding = extractor.analyse("Polls show that the bridge is unpopular.").statements[0]
    assert finding.mode is StatementMode.BELIEF and finding.speaker_text == "Polls"


def test_a_hedge_without_a_verb_does_not_hang(extractor: Extractor) -> None:
    """A headline fragment has no verb for "allegedly" to hedge: nothing to report, and
    the analysis finishes (it once looped for ever here)."""
    analysis = extractor.analyse("Allegedly a fraud.")
    assert all("unattributed" in s.rule for s in analysis.statements)


def test_a_question_put_to_someone(extractor: Extractor) -> None:
    analysis = extractor.analyse(
        "Sanders was asked by host John Dickerson whether his aim was like Kennedy's."
    )
    (question,) = analysis.statements
    assert question.text == "whether his aim was like Kennedy's"
    assert speaker_name(analysis, question.speaker_id) == "John Dickerson"


def test_a_speaker_the_parser_took_for_an_object(extractor: Extractor) -> None:
    statement, speaker = only(
        extractor, "Facebook created the tool for crises, a spokeswoman, Anna White, said."
    )
    assert statement.text == "Facebook created the tool for crises"
    assert speaker is not None and speaker.name == "Anna White"


def test_a_fact_check_pages_labels_are_not_speakers(extractor: Extractor) -> None:
    text = (
        "Claim: A photograph shows a shark swimming on a flooded highway in Houston.\n"
        "Rating: False\n"
        "Origins: The image was first shared on social media in 2011 after a hurricane.\n"
        "Mayor Sylvester Turner: The picture was taken somewhere else years ago.\n"
    )
    speakers = {s.speaker_text for s in extractor.analyse(text).statements}
    assert "Mayor Sylvester Turner" in speakers
    assert not speakers & {"Claim", "Rating", "Origins"}


def test_a_quote_goes_on_in_the_voice_of_the_speaker_just_before_it(extractor: Extractor) -> None:
    text = (
        "“The bridge is safe,” said Mayor Anna Berg on Tuesday at a press conference in town. "
        "“We inspected every beam last week and found nothing wrong.”"
    )
    statements = extractor.analyse(text).statements
    second = next(s for s in statements if s.text.startswith("We inspected"))
    assert second.speaker_text == "Mayor Anna Berg"


def test_an_object_that_holds_a_cue_of_its_own_is_one_statement(extractor: Extractor) -> None:
    statements = extractor.analyse(
        "Banksy's agent Jo Brooks tweeted saying it is a hoax."
    ).statements
    assert [s.text for s in statements] == ["it is a hoax"]


def test_a_rumour_parsed_as_a_compound_is_still_the_speaker(extractor: Extractor) -> None:
    (statement,) = extractor.analyse(
        "A recent rumor claims that the singer died in a car crash in Spain."
    ).statements
    assert statement.speaker_text.lower().endswith("rumor")
    assert statement.text.startswith("the singer died")


def test_a_cue_after_a_comma_at_the_end_reports_what_comes_before(extractor: Extractor) -> None:
    """The parser takes "said" for one more conjunct of the sentence."""
    (statement,) = extractor.analyse(
        "The mayor is in good health but has hurt her knee, a source close to the council "
        "said on Monday."
    ).statements
    assert statement.text == "The mayor is in good health but has hurt her knee"
    assert statement.speaker_text == "a source"


def test_a_that_clause_hung_on_the_person_told(extractor: Extractor) -> None:
    """ "assure" reports speech when a that-clause follows, even one the parser hung on
    the hearer."""
    (statement,) = extractor.analyse(
        "The council assured residents that the water was safe to drink."
    ).statements
    assert statement.text == "the water was safe to drink"
    assert statement.speaker_text == "The council"


def test_a_that_clause_parsed_as_a_relative_clause_of_the_hearers(extractor: Extractor) -> None:
    (statement,) = extractor.analyse(
        "Police sources have denied to the Journal and other outlets that Miller was arrested."
    ).statements
    assert statement.text == "Miller was arrested"
    assert statement.speaker_text == "Police sources"


def test_described_as_something_a_report_by_someone_else(extractor: Extractor) -> None:
    """The verb frames the report; the report's that-clause is the report's own claim, and
    the name in front of the report is its speaker."""
    analysis = extractor.analyse(
        'The mayor\'s office has described as "nonsense" a Daily Post report that she plans '
        "to resign."
    )
    said = {s.speaker_text: s.text for s in analysis.statements}
    assert said == {
        "The mayor's office": 'as "nonsense" a Daily Post report that she plans to resign',
        "Daily Post": "she plans to resign",
    }


def test_a_passive_denial_speaks_for_the_one_named_with_by(extractor: Extractor) -> None:
    (statement,) = extractor.analyse(
        "The claims of a cover-up have been denied by a council spokesman."
    ).statements
    assert statement.text == "The claims of a cover-up"
    assert statement.speaker_text == "a council spokesman"
    assert statement.rule.startswith("deny:passive")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(  # "you" in a clause of time is anyone
            "Just when you thought the council could not get worse, it raised taxes again.",
            id="generic-you",
        ),
        pytest.param(  # one dash between a subject and "think" opens an aside
            "The council saga—think leaks and lawsuits—could hardly get worse.",
            id="dash-aside",
        ),
    ],
)
def test_no_speaker_in_a_generic_you_or_an_aside(extractor: Extractor, text: str) -> None:
    assert extractor.analyse(text).statements == ()


def test_it_is_claimed_that_is_a_claim_with_no_one_behind_it(extractor: Extractor) -> None:
    statements = extractor.analyse(
        "It has also been claimed that the mayor has fled to Havana. "
        "It has been rumored the bridge will close in May, but the council denied it."
    ).statements
    unowned = [(s.cue, s.text) for s in statements if s.speaker_span is None]
    assert unowned == [
        ("claimed", "the mayor has fled to Havana"),
        ("rumored", "the bridge will close in May"),
    ]


def test_an_article_or_a_report_says_what_its_participle_reports(extractor: Extractor) -> None:
    statements = extractor.analyse(
        "A report claiming that the singer had died in a car crash was shared widely on Tuesday. "
        "The council published information detailing the cost of the new bridge."
    ).statements
    assert [(s.speaker_text, s.text) for s in statements] == [
        ("A report", "the singer had died in a car crash")
    ]  # "information detailing" is no one's statement


def test_a_video_or_a_commentary_says_what_its_title_says(extractor: Extractor) -> None:
    statements = extractor.analyse(
        'The video is titled: "Bird lands on the mayor during his speech." '
        'The book, titled "War and Peace", was on the table.'
    ).statements
    assert [(s.speaker_text, s.cue, s.text) for s in statements] == [
        ("The video", "titled", "Bird lands on the mayor during his speech.")
    ]
