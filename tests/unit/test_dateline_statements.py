"""A dateline is where and when a story was filed: never who said something, never part
of what was said; and a title that is only the start of the first paragraph does not make
that paragraph's statements headlines. The openings are PolNeAR train articles'."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from counterclaim.datelines import find_dateline
from counterclaim.domain import StatementKind

if TYPE_CHECKING:
    from counterclaim.nlp.extract import Extractor

OPENINGS = [
    (
        "Trump Says He’s Unlikely To Have A Good Relationship With David Cameron.\n\n"
        "LONDON (Reuters) - Donald Trump said he was unlikely to have a good relationship with "
        "David Cameron because the British prime minister cast the U.S. presidential candidate "
        "as “divisive, stupid and wrong” for proposing a temporary ban on Muslims entering the "
        "United States.",
        "Donald Trump",
    ),
    (
        "Former AG Mukasey at RNC: Clinton email scandal disqualifies her for presidency.\n\n"
        "CLEVELAND, July 19 (UPI) — Former Attorney General Michael Mukasey told delegates at "
        "the Republican National Convention that Hillary Clinton’s use of a private email "
        "server should disqualify her from becoming president.",
        "Michael Mukasey",
    ),
    (
        "Trump tells 3,000 in Reno NFL has gone ‘soft’ like the US.\n\n"
        "RENO, Nev. (AP) — Republican presidential hopeful Donald Trump says he doesn’t watch "
        "professional football much anymore because the NFL has gone “soft” like the United "
        "States.",
        "Donald Trump",
    ),
    (
        "Red Hot Chili Peppers in final stages of new album.\n\n"
        "LOS ANGELES, Feb. 2 (UPI) — The next Red Hot Chili Peppers record is almost complete, "
        "frontman Anthony Kiedis recently revealed.",
        "Anthony Kiedis",
    ),
    (
        "Opposition appears to win landslide in Burma.\n\n"
        "RANGOON, Burma - Aung San Suu Kyi's political allies on Monday predicted an "
        "overwhelming victory in Burma's elections - a landslide win based on strong early "
        "results that prompted their military-backed opponents to begin to speak glumly of "
        "defeat.",
        "allies",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), OPENINGS)
def test_a_dateline_is_never_a_speaker_nor_the_start_of_a_statement(
    extractor: Extractor, text: str, speaker: str
) -> None:
    dateline = find_dateline(text)
    assert dateline is not None
    analysis = extractor.analyse(text, text.split("\n")[0])
    body = [s for s in analysis.statements if s.kind != StatementKind.HEADLINE]
    first = min(body, key=lambda s: s.content.start)
    assert first.content.start >= dateline.end
    assert speaker in first.speaker_text
    for statement in analysis.statements:
        for span in (statement.speaker_span, statement.content):
            assert span is None or span.end <= dateline.start or span.start >= dateline.end
        name = getattr(analysis.speaker(statement.speaker_id), "name", "")
        assert text[dateline.start : dateline.end].split(",")[0].split()[0] not in name


def test_only_the_title_line_is_a_headline(extractor: Extractor) -> None:
    """A title made from the first sentence (a text without a headline) is no headline; a
    title that is the first line is, even with a semicolon after it."""
    text = (
        "The sale of a private island in Lake Mälaren has received international attention, "
        "thanks to the assertion that it is Tiger Woods who sells it, a broker said. But the "
        "seller denied that Tiger Woods owns the island."
    )
    analysis = extractor.analyse(text, text[: text.index(",")])
    assert analysis.statements
    assert all(s.kind != StatementKind.HEADLINE for s in analysis.statements)
    text = "Minister says bridge is safe; \n\nThe opposition said the bridge was unsafe."
    analysis = extractor.analyse(text, "Minister says bridge is safe")
    kinds = {text[s.content.start : s.content.end]: s.kind for s in analysis.statements}
    assert kinds.get("bridge is safe") == StatementKind.HEADLINE
    assert kinds.get("the bridge was unsafe") == StatementKind.INDIRECT
