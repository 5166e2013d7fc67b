"""Each attribution form on a short sentence: speaker, cue, content and kind."""

import pytest

from counterclaim.domain import StatementKind


def only(extractor, text: str):  # type: ignore[no-untyped-def]
    analysis = extractor.analyse(text)
    assert len(analysis.statements) == 1, [s.text for s in analysis.statements]
    statement = analysis.statements[0]
    speaker = analysis.speaker(statement.speaker_id)
    return statement, speaker


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
def test_forms(extractor, text, cue, content, kind) -> None:  # type: ignore[no-untyped-def]
    statement, speaker = only(extractor, text)
    assert speaker is not None and speaker.name == "Jane Smith"
    assert statement.cue == cue
    assert statement.text == content
    assert text[statement.content.start : statement.content.end] == content
    assert statement.kind is kind


def test_source_of_a_report_is_not_a_speaker(extractor) -> None:  # type: ignore[no-untyped-def]
    statement, speaker = only(
        extractor, "Jane Smith said the figures were correct, as reported by Reuters."
    )
    assert speaker is not None and speaker.name == "Jane Smith"
    assert "Reuters" not in statement.text


def test_narration_without_a_reporting_verb_is_not_a_statement(extractor) -> None:  # type: ignore[no-untyped-def]
    analysis = extractor.analyse("Jane Smith spoke about the bridge. The bridge was closed in May.")
    assert analysis.statements == ()


def test_evidence_names_the_rule_and_the_cue_span(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Jane Smith said that the bridge was unsafe."
    statement, _ = only(extractor, text)
    assert statement.cue_span is not None
    assert text[statement.cue_span.start : statement.cue_span.end] == "said"
    assert statement.rule.startswith("say:clause")
