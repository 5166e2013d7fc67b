"""Titles, datelines and bylines of imported articles, on the shapes real news texts have
(the openings below are taken from newspairs-train and PolNeAR train articles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from counterclaim.datelines import find_byline, find_dateline, iso_date
from counterclaim.ingest import load_article, load_text
from counterclaim.ingest.titles import TITLE_LIMIT
from tests.unit.test_ingest_formats import text_pdf, word_document, write

# fnc-train-108, the opening of its first paragraph
WASHINGTON = (
    "WASHINGTON -- Homeland Security Secretary Jeh Johnson shot down claims on Thursday that a "
    '"porous" U.S. southern border has allowed Islamic State militants to enter the country, '
    "telling lawmakers there is no credible intelligence to support the claims.\n\n"
    "Johnson told the House Homeland Security Committee that reports of ISIS fighters "
    "crossing from Mexico were false."
)
# the shape of newspairs' fnc-train-410, the one the issue names
CORSICANA = (
    "CORSICANA (October 14, 2014) Navarro County officials Tuesday emphatically rejected as "
    "false a posting on the National Report website that said the small town of Purdon was "
    "quarantined because a family of five tested positive for the Ebola virus.\n\n"
    '"This report is entirely false," County Judge H.M. Davenport said.'
)


@pytest.mark.parametrize(
    ("opening", "dateline", "place", "date", "agency"),
    [
        (WASHINGTON, "WASHINGTON -- ", "Washington", None, None),
        (CORSICANA, "CORSICANA (October 14, 2014) ", "Corsicana", "2014-10-14", None),
        (
            "ELON, N.C. – A recent rumor claims that Elon University has banned the term",
            "ELON, N.C. – ",
            "Elon, N.C.",
            None,
            None,
        ),
        (
            "NEW YORK (AP) — Hillary Clinton wins the Democratic presidential primary in New York",
            "NEW YORK (AP) — ",
            "New York",
            None,
            "AP",
        ),
        (
            "WASHINGTON, Dec. 8 (UPI) — In response to Donald Trump’s proposal to bar Muslims",
            "WASHINGTON, Dec. 8 (UPI) — ",
            "Washington",
            None,  # no year in the dateline: the date stays empty
            "UPI",
        ),
        (
            "PARIS, Aug 31 (Reuters) - France’s far-right National Front party leader",
            "PARIS, Aug 31 (Reuters) - ",
            "Paris",
            None,
            "Reuters",
        ),
        (
            "CAMBRIDGE, Mass., Dec. 11 (UPI) — Young democrats are gravitating toward Sen. Bernie",
            "CAMBRIDGE, Mass., Dec. 11 (UPI) — ",
            "Cambridge, Mass.",
            None,
            "UPI",
        ),
        (
            "ST. LOUIS — Presumptive Republican presidential",
            "ST. LOUIS — ",
            "St. Louis",
            None,
            None,
        ),
        ("BAGHDAD—An Iraqi official on Wednesday denied", "BAGHDAD—", "Baghdad", None, None),
        ("(CNN) -- Despite government claims of a ceasefire", "(CNN) -- ", None, None, "CNN"),
    ],
)
def test_a_dateline_gives_the_place_the_date_and_where_the_story_begins(
    opening: str, dateline: str, place: str | None, date: str | None, agency: str | None
) -> None:
    found = find_dateline(opening)
    assert found is not None
    assert opening[found.start : found.end] == dateline
    assert (found.place, found.published, found.agency) == (place, date, agency)


@pytest.mark.parametrize(
    "opening",
    [
        "UPDATE: 5/12 — The website that originally listed the weapon for auction",
        "EXCLUSIVE – Roger Stone: Don’t Trust the Voting Machines.",
        "IOWA POLLS NOT NECESSARILY WRONG, JUST TOO EARLY - Mark Blumenthal and Jon Cohen",
        "AP-GfK Poll: Voters increasingly see Sanders as honest",
        "AFL-CIO to endorse Clinton.",
        "JAKE TAPPER: Donald Trump released a video",
        "NORTH Korean leader Kim Jong Un is in firm control of his government",
        "SIEGEL--Jerome Arthur, 98, of Mamaroneck, New York, passed away Friday",
        "Tiger Woods is not serving a suspension from the PGA Tour, his agent said.",
    ],
)
def test_capitals_that_are_not_a_dateline_are_left_alone(opening: str) -> None:
    assert find_dateline(opening) is None


@pytest.mark.parametrize(
    ("words", "date"),
    [
        ("October 14, 2014", "2014-10-14"),
        ("Sept. 26, 2016", "2016-09-26"),
        ("3 Oct 2015", "2015-10-03"),
        ("Oct 3", None),
        ("February 30, 2015", None),
    ],
)
def test_dateline_dates(words: str, date: str | None) -> None:
    assert iso_date(words) == date


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("Trump rebuffed\n\nBy Jane Smith\n\nThe mayor said on Monday that", "Jane Smith"),
        (
            "By JANE SMITH and JOHN DOE, Reuters\nLONDON (Reuters) - The mayor",
            "Jane Smith and John Doe",
        ),
        ("date 2023-02-14 By Matthew Roscoe • 14 February 2023 • 11:23\n\nNATO", "Matthew Roscoe"),
        ("By Monday morning, the grim, if now familiar, global ritual had begun.", None),
        ("By Sanders's own argument, superdelegates have no right to overturn it.", None),
        ("By 58%-33%, those surveyed said the group's funding shouldn't be eliminated.", None),
        ("Clinton Acceptance Speech Skewered By Carly Fiorina.\n\nCarly Fiorina said", None),
    ],
)
def test_a_byline_names_the_author(text: str, author: str | None) -> None:
    found = find_byline(text)
    assert (found.author if found else None) == author


def test_a_story_opening_with_a_dateline_gets_a_title_without_it_and_its_details() -> None:
    meta = load_text(CORSICANA).meta
    assert len(meta.title) <= TITLE_LIMIT
    assert meta.title.startswith("Navarro County officials Tuesday emphatically rejected")
    assert meta.title.endswith("…") and "CORSICANA" not in meta.title
    assert (meta.place, meta.published) == ("Corsicana", "2014-10-14")


def test_the_first_sentence_is_cut_at_a_word() -> None:
    meta = load_text(WASHINGTON).meta
    assert meta.title == (
        'Homeland Security Secretary Jeh Johnson shot down claims on Thursday that a "porous" U.S.…'
    )
    assert meta.place == "Washington" and meta.published is None


def test_a_short_first_sentence_is_the_whole_title() -> None:
    text = (
        "Is Macaulay Culkin dead? No, he isn't, but the Internet would like everyone to "
        "believe he's dead yet again. The Hollywood Reporter stated on Nov. 8 that it was a hoax."
    )
    assert load_text(text).meta.title == "Is Macaulay Culkin dead?"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Sanders lays off more than 200 campaign staffers; \nWin or not, candidate says, "
            "campaign aims to transform country.\n\nSen. Bernie Sanders is laying off staff.",
            "Sanders lays off more than 200 campaign staffers",
        ),
        (
            "Kim Jong-un: Not deposed, just having ankle surgery. Photo: AFP\n\nTokyo: Kim "
            "Jong-un, the North Korean leader who has mysteriously disappeared, had surgery.",
            "Kim Jong-un: Not deposed, just having ankle surgery.",
        ),
        (
            "mboxCreate('FoxNews-Politics-Autoplay-Videos-In-Articles');\n\nA Republican "
            'congressman claimed Tuesday that "at least 10" ISIS fighters were caught.',
            'A Republican congressman claimed Tuesday that "at least 10" ISIS fighters were '
            "caught.",
        ),
        (
            "Trump rebuffed\n\nBy Jane Smith\n\nNEW YORK (AP) — The mayor said on Monday that",
            "Trump rebuffed",
        ),
        (
            "By Jane Smith\n\nNEW YORK (AP) — Rep. Duncan Hunter (R-Calif.) said Tuesday night "
            "that U.S. border officials had caught fighters. DHS called that false.",
            "Rep. Duncan Hunter (R-Calif.) said Tuesday night that U.S. border officials had "
            "caught…",
        ),
    ],
)
def test_a_headline_line_is_the_title_and_never_a_byline_or_a_dateline(
    text: str, title: str
) -> None:
    assert load_text(text).meta.title == title


def test_the_files_own_title_wins_and_is_shortened(tmp_path: Path) -> None:
    long_title = (
        "Navarro County officials reject a National Report posting that the small town of "
        "Purdon was quarantined for Ebola"
    )
    page = (
        f"<html><head><title>{long_title} | Corsicana Daily Sun</title>"
        '<meta property="og:site_name" content="Corsicana Daily Sun"></head><body><article>'
        f"<p>{CORSICANA.split(chr(10))[0]}</p><p>County officials said it was false.</p>"
        "</article></body></html>"
    )
    meta = load_article(write(tmp_path, "page.html", page.encode())).meta
    assert meta.title == (
        "Navarro County officials reject a National Report posting that the small town of Purdon…"
    )
    assert (meta.place, meta.published) == ("Corsicana", "2014-10-14")


def test_a_markdown_heading_is_the_title(tmp_path: Path) -> None:
    text = "Filed from the bureau\n\n# NATO says it poses no threat\n\nBRUSSELS — NATO said so."
    meta = load_article(write(tmp_path, "a.md", text.encode())).meta
    assert meta.title == "NATO says it poses no threat"


def test_word_and_pdf_titles_come_from_their_properties(tmp_path: Path) -> None:
    word = load_article(write(tmp_path, "a.docx", word_document([CORSICANA]))).meta
    assert word.title == "Bridge stays open" and word.place == "Corsicana"
    pages = [["Bridge stays open after inspection", "", *CORSICANA.split("\n")[:1]]]
    pdf = load_article(write(tmp_path, "a.pdf", text_pdf(pages, {"Title": "Minister " * 20})))
    assert pdf.meta.title == " ".join(["Minister"] * 10) + "…"  # 90 characters
