"""Which claim a rebuttal answers: a denial is needed, one side never answers itself, the
noun of a denial finds what was reported, and another article must share a subject."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from counterclaim.domain import Analysis, Pair, Speaker, SpeakerKind, Statement
from tests.conftest import EVAL

if TYPE_CHECKING:
    from counterclaim.nlp.extract import Extractor


def speakers_of(analysis: Analysis, pair: Pair) -> tuple[str, str]:
    names = []
    for statement_id in (pair.claim_id, pair.rebuttal_id):
        statement = analysis.statement(statement_id)
        speaker = analysis.speaker(statement.speaker_id)
        names.append(speaker.name if speaker else statement.speaker_text)
    return names[0], names[1]


def test_a_denial_by_noun_answers_what_was_reported(extractor: Extractor) -> None:
    analysis = extractor.analyse(
        "The Daily Star reported that the mayor of Springfield was arrested in Miami on "
        "Friday. A spokesman for the mayor said there is no truth whatsoever to the report "
        "about the arrest."
    )
    (pair,) = analysis.pairs
    assert "arrested in Miami" in analysis.statement(pair.claim_id).text
    assert "no truth" in analysis.statement(pair.rebuttal_id).text
    assert any("answers “report”" in reason for reason in pair.reasons)


def test_a_statement_without_denial_is_never_a_rebuttal(extractor: Extractor) -> None:
    analysis = extractor.analyse(
        "Senator Jane Smith said the bridge over the Ohio river will close in May. "
        "Governor Tom Brown said the bridge over the Ohio river will be repaired in June."
    )
    assert len(analysis.statements) == 2
    assert analysis.pairs == ()


def test_the_rebuttal_may_come_first(extractor: Extractor) -> None:
    analysis = extractor.analyse(
        "Officials at Navarro County said the reports of an Ebola quarantine in Corsicana "
        "are false. The National Report website claimed that the town of Corsicana was "
        "quarantined after an Ebola outbreak."
    )
    (pair,) = analysis.pairs
    claim, rebuttal = (analysis.statement(i) for i in (pair.claim_id, pair.rebuttal_id))
    assert rebuttal.content.start < claim.content.start
    assert "The rebuttal comes first, the claim later" in pair.reasons


def test_two_statements_of_one_side_are_never_a_pair(extractor: Extractor) -> None:
    analysis = extractor.analyse(
        "Kremlin spokesman Dmitriy Peskov said NATO is hostile to Russia. "
        "Russian foreign minister Sergei Lavrov said NATO is not hostile to Russia."
    )
    sides = {s.name: s.side for s in analysis.speakers}
    assert sides["Dmitriy Peskov"] == sides["Sergei Lavrov"] == "Russia"
    assert analysis.pairs == ()


def test_another_article_must_name_someone_or_something_in_common(extractor: Extractor) -> None:
    peskov = Speaker("a", "Dmitriy Peskov", SpeakerKind.PERSON, side="Russia")
    blackberry = Speaker("b", "BlackBerry", SpeakerKind.ORGANISATION, side="BlackBerry")
    unrelated = extractor.compare_statements(
        "NATO is an organisation hostile to us",
        peskov,
        "BlackBerry has not engaged in talks with anyone and the reports are false",
        blackberry,
    )
    assert not unrelated.rebuts
    assert unrelated.reasons == ("The two statements name no one and nothing in common",)
    nato = Speaker("c", "NATO", SpeakerKind.ORGANISATION, side="NATO")
    related = extractor.compare_statements(
        "NATO is an organisation hostile to Russia", peskov, "NATO is not hostile to Russia", nato
    )
    assert related.rebuts


@pytest.mark.eval
def test_a_polnear_article_that_once_stopped_the_evaluation_is_analysed(
    extractor: Extractor,
) -> None:
    """A statement whose words the tokenizer splits oddly once stopped a whole evaluation."""
    from counterclaim.nlp.common import ArticleInput

    path = EVAL / "polnear-train.jsonl"
    if not path.exists():
        pytest.skip("needs ../shared/eval")
    with path.open(encoding="utf-8") as handle:
        record = next(json.loads(line) for line in handle if "clinton-wins-south-dakot" in line)
    (analysis,) = extractor.analyse_many([ArticleInput(record["text"], record["title"])])
    assert len(analysis.statements) >= 5


def test_denying_someone_a_thing_is_not_a_denial_of_a_claim(extractor: Extractor) -> None:
    analysis = extractor.analyse(
        "Senator Jane Smith said the new law will let every student vote in Ohio. "
        "Governor Tom Brown said the law denies many students the right to vote in Ohio."
    )
    assert analysis.pairs == ()


def test_a_short_and_a_long_form_of_one_name_are_one_speaker(extractor: Extractor) -> None:
    analysis = extractor.analyse(
        "The Washington Post reported that a bird landed on the mayor during a speech. "
        "The Post later said that no bird landed on the mayor during the speech."
    )
    assert analysis.pairs == ()  # one newspaper correcting itself is not a rebuttal


def test_a_negated_subject_makes_a_denial(extractor: Extractor) -> None:
    analysis = extractor.analyse(
        "The Daily Star reported that three players were suspended for doping in March. "
        "A spokesman for the league said none of the players were suspended for doping."
    )
    (pair,) = analysis.pairs
    assert "none" in analysis.statement(pair.rebuttal_id).text


def test_reports_with_no_one_behind_them_are_a_claim_and_can_be_answered(
    extractor: Extractor,
) -> None:
    analysis = extractor.analyse(
        "Reports that the mayor of Springfield was arrested in Miami spread quickly on "
        "Friday. The mayor's office said the reports of an arrest were false."
    )
    (pair,) = analysis.pairs
    claim = analysis.statement(pair.claim_id)
    assert claim.speaker_text == "Reports"
    assert claim.text.startswith("the mayor of Springfield was arrested")
    assert "Mayor's office answers “reports”: the claim of Reports" in pair.reasons


def test_a_denial_no_one_is_known_to_have_made_is_not_offered(extractor: Extractor) -> None:
    analysis = extractor.analyse(
        "The Daily Star reported that the mayor of Springfield was arrested in Miami on "
        "Friday. It is now said that the story of the arrest in Miami was false."
    )
    assert [s.speaker_id is None for s in analysis.statements] == [False, True]
    assert analysis.pairs == ()


def test_a_question_is_not_a_claim(extractor: Extractor) -> None:
    analysis = extractor.analyse(
        "Columnist Gordon Blackstock asked: “Is the dictator planning to open a restaurant "
        "in Glasgow?” An embassy official said the dictator is not planning to open a "
        "restaurant in Glasgow and the story is false."
    )
    assert any(s.text.rstrip("”").endswith("?") for s in analysis.statements)
    assert analysis.pairs == ()


def test_what_a_denial_names_is_not_a_rebuttal_but_what_it_says_is(extractor: Extractor) -> None:
    analysis = extractor.analyse(
        "The Daily Star reported that the dictator will open a restaurant in Glasgow. "
        "An embassy official rejected the restaurant reports about the dictator. "
        "The official said the dictator is not opening a restaurant in Glasgow."
    )
    rebuttals = {analysis.statement(p.rebuttal_id).text for p in analysis.pairs}
    assert rebuttals == {"the dictator is not opening a restaurant in Glasgow"}


def test_one_shared_word_turned_over_is_not_a_rebuttal(extractor: Extractor) -> None:
    unrelated = extractor.analyse(
        "The Boston Globe reported that the names of the witnesses were kept secret. "
        "Prosecutor Ed Magee said the student was not a witness."
    )
    assert len(unrelated.statements) == 2
    assert unrelated.pairs == ()
    answered = extractor.analyse(
        "The Boston Globe reported that the student was a witness before the grand jury. "
        "Prosecutor Ed Magee said the student was not a witness."
    )
    (pair,) = answered.pairs
    assert any(reason.startswith("Opposite on “witness”") for reason in pair.reasons)


def test_stored_features_are_the_statement_as_read_in_its_article(
    extractor: Extractor, sample_analysis: Analysis, sample_text: str
) -> None:
    """Pairing across the library reads the features kept at analysis: each claim's words
    as they were read in the article (not parsed a second time on their own), and they
    find the article's own rebuttals again."""
    from counterclaim.nlp.pairing import compare_views, speaker_view
    from counterclaim.nlp.propositions import view_of
    from counterclaim.nlp.views import features_of

    assert sample_analysis.features  # kept for each claim
    statements = [s for s in sample_analysis.statements if s.id in sample_analysis.features]
    doc = extractor.nlp(sample_text)
    for statement in statements:
        span = doc.char_span(statement.content.start, statement.content.end, "expand")
        assert span is not None
        assert sample_analysis.features[statement.id] == features_of(view_of("", span))

    def stored(claim: Statement, counter: Statement) -> bool:
        return compare_views(
            speaker_view(
                "claim",
                sample_analysis.features[claim.id],
                sample_analysis.speaker(claim.speaker_id),
            ),
            speaker_view(
                "counter",
                sample_analysis.features[counter.id],
                sample_analysis.speaker(counter.speaker_id),
            ),
        ).rebuts

    for pair in sample_analysis.pairs:
        claim, rebuttal = (
            sample_analysis.statement(pair.claim_id),
            sample_analysis.statement(pair.rebuttal_id),
        )
        assert stored(claim, rebuttal), (claim.text, rebuttal.text)
