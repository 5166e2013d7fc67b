"""Reports on a hostile article: what an article says must stay text in every format,
and an export never leaves a half-written file."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from counterclaim.colours import safe_colour
from counterclaim.domain import (
    Analysis,
    ArticleMeta,
    LinkStatus,
    Pair,
    Relation,
    Review,
    Span,
    Speaker,
    SpeakerKind,
    Statement,
    StatementKind,
)
from counterclaim.report import FORMATS, Report, ReportError, build_report, export, render
from counterclaim.report.markdown import escape
from counterclaim.report.sources import web_url
from counterclaim.store import Library, LibraryError

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
CLAIM = "</script><script>alert(2)</script> NATO is hostile to us 🇺🇦😀"
FORMULA = '=HYPERLINK("http://evil") NATO poses no threat'
ARABIC = "حلف الناتو لا يشكل تهديدا لروسيا"
HEBREW = "נאט״ו אינו מאיים על רוסיה"
TEXT = (
    "Intro <script>alert(1)</script>. "
    f'Peskov said: "{CLAIM}". '
    f'NATO answered: "{FORMULA}". '
    f'The alliance said in Arabic: "{ARABIC}". '
    f'An envoy said in Hebrew: "{HEBREW}".'
)
META = ArticleMeta(
    "# <script>alert(1)</script> *Peskov* slams NATO",
    outlet="[evil](javascript:alert(3))",
    author="@someone",
    published="2023-02-14",
    source="javascript:alert(4)",
)


def statement(local_id: str, speaker_id: str, content: str) -> Statement:
    start = TEXT.index(content)
    return Statement(
        id=local_id,
        speaker_id=speaker_id,
        speaker_text="",
        cue="said",
        kind=StatementKind.DIRECT,
        content=Span(start, start + len(content)),
        text=content,
        rule="test",
    )


ANALYSIS = Analysis(
    speakers=(
        Speaker("s1", "Dmitriy <b>Peskov</b>", SpeakerKind.PERSON, side="Russia"),
        Speaker("s2", "+NATO", SpeakerKind.ORGANISATION, side="NATO"),
        Speaker("s3", "حلف الناتو", SpeakerKind.ORGANISATION, side="NATO"),
    ),
    statements=(
        statement("q1", "s1", CLAIM),
        statement("q2", "s2", FORMULA),
        statement("q3", "s3", ARABIC),
        statement("q4", "s3", HEBREW),
    ),
    pairs=(
        Pair("q1", "q2", 0.9, ("-1 reason <i>", "=SUM(A1)"), relation=Relation.DENIES),
        Pair("q1", "q3", 0.8, ("Arabic",)),
        Pair("q1", "q4", 0.7, ("Hebrew",)),
    ),
)
RATINGS = ("True", "Mostly true", "Half true", "Mostly false", "False")
# what the hostile fixture gives: the library, the article's id, its stored analysis
Hostile = tuple[Library, int, Analysis]


@pytest.fixture
def hostile(library_path: Path) -> Iterator[Hostile]:
    library = Library.open(library_path)
    article_id, _ = library.add_article(META, TEXT, "sha-hostile")
    stored = library.save_analysis(article_id, ANALYSIS)
    by_rebuttal = {stored.statement(p.rebuttal_id).text: p for p in stored.pairs}
    first, hebrew = by_rebuttal[FORMULA], by_rebuttal[HEBREW]
    assert first.id and hebrew.id
    library.review_link(first.id, Review(LinkStatus.CONFIRMED, "False", "<b>note</b> =1+1"), "t")
    library.review_link(hebrew.id, Review(LinkStatus.REJECTED), "t")
    yield library, article_id, stored
    library.close()


def report_of(
    library: Library,
    article_ids: list[int] | None = None,
    link_ids: set[str] | None = None,
    include_rejected: bool = False,
) -> Report:
    return build_report(
        library,
        article_ids,
        link_ids,
        generated_by="Desk <i>",
        now=NOW,
        include_rejected=include_rejected,
        ratings=RATINGS,
    )


def test_html_holds_no_script_but_the_json_ld_block(hostile: Hostile) -> None:
    page = render(report_of(hostile[0]), "html").decode("utf-8")
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', page, flags=re.DOTALL
    )
    assert len(blocks) == 1
    assert page.lower().count("<script") == 1
    reviews = json.loads(blocks[0])
    assert [r["claimReviewed"] for r in reviews] == [CLAIM]
    assert reviews[0]["reviewRating"]["alternateName"] == "False"
    rest = page.replace(blocks[0], "")
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in rest
    assert "<b>" not in rest and "<i>" not in rest
    assert "javascript:" not in " ".join(re.findall(r'href="([^"]*)"', page))
    assert "🇺🇦😀" in page and ARABIC in page


def test_csv_cells_cannot_run_as_formulas(hostile: Hostile) -> None:
    data = render(report_of(hostile[0]), "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    first = next(r for r in rows if "HYPERLINK" in r["rebuttal_text"])
    assert first["rebuttal_text"] == "'" + FORMULA
    assert first["rebuttal_speaker"] == "'+NATO"
    assert first["reasons"] == "'-1 reason <i>; =SUM(A1)"
    assert first["note"] == "<b>note</b> =1+1"
    assert first["claim_text"] == CLAIM
    assert all(
        not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for cell in r.values()
    )


def test_markdown_shows_the_markup_as_text(hostile: Hostile) -> None:
    text = render(report_of(hostile[0]), "md").decode("utf-8")
    assert "<script>" not in text and "</script>" not in text
    assert "\\<script\\>alert(1)\\</script\\>" in text
    assert "\\[evil\\](javascript:alert(3))" in text
    assert text.splitlines()[0].startswith("# Claims and rebuttals: \\# \\<script\\>")
    assert "\\*Peskov\\*" in text
    assert "🇺🇦😀" in text and ARABIC in text
    assert HEBREW not in text  # its pair is rejected


def test_markdown_escapes_what_starts_a_line() -> None:
    assert escape("- item\n1. first\n# head\n=== x") == "\\- item\n1\\. first\n\\# head\n\\=== x"
    assert escape("secretary-general, 1. (a)") == "secretary-general, 1. (a)"


def test_json_keeps_the_exact_text(hostile: Hostile) -> None:
    document = json.loads(render(report_of(hostile[0]), "json"))
    (article,) = document["articles"]
    assert article["title"] == META.title
    assert article["source_url"] is None
    texts = {(p["claim"]["text"], p["rebuttal"]["text"]) for p in article["pairs"]}
    assert texts == {(CLAIM, FORMULA), (CLAIM, ARABIC)}
    pair = article["pairs"][0]
    assert TEXT[pair["claim"]["position"]["start"] : pair["claim"]["position"]["end"]] == CLAIM


def test_claimreview_only_for_pairs_with_a_verdict(hostile: Hostile) -> None:
    (review,) = json.loads(render(report_of(hostile[0]), "claimreview"))
    assert review["claimReviewed"] == CLAIM
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "False",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
    }
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Dmitriy <b>Peskov</b>"}
    assert review["itemReviewed"]["datePublished"] == "2023-02-14"
    assert "url" not in review["itemReviewed"]["appearance"]  # javascript: is no URL
    assert review["url"].startswith("counterclaim://article/")


def test_rejected_pairs_are_left_out_and_counted(hostile: Hostile) -> None:
    library = hostile[0]
    shown = report_of(library)
    assert (shown.totals.pairs, shown.totals.rejected) == (2, 1)
    assert "1 rejected pair left out" in render(shown, "html").decode("utf-8")
    everything = report_of(library, include_rejected=True)
    assert [p.status for p in everything.articles[0].pairs].count("rejected") == 1
    assert everything.totals.pairs == 3


def test_a_selection_reports_only_its_pairs(hostile: Hostile) -> None:
    library, article_id, stored = hostile
    arabic = next(p for p in stored.pairs if stored.statement(p.rebuttal_id).text == ARABIC)
    assert arabic.id is not None
    report = report_of(library, article_ids=[article_id], link_ids={arabic.id})
    assert [p.rebuttal.text for p in report.articles[0].pairs] == [ARABIC]
    assert report.selection
    with pytest.raises(ReportError):
        report_of(library, link_ids={"ln999"})


def test_a_rebuttal_in_another_article_says_where(hostile: Hostile) -> None:
    library, article_id, stored = hostile
    other_text = "Stoltenberg said NATO was not involved."
    other_id, _ = library.add_article(ArticleMeta("Other article"), other_text, "sha-other")
    other = library.save_analysis(
        other_id,
        Analysis(
            (Speaker("s1", "Jens Stoltenberg", SpeakerKind.PERSON, side="NATO"),),
            (
                Statement(
                    "q1",
                    "s1",
                    "Stoltenberg",
                    "said",
                    StatementKind.INDIRECT,
                    Span(17, 38),
                    other_text[17:38],
                ),
            ),
            (),
        ),
    )
    claim = next(s for s in stored.statements if s.text == CLAIM)
    library.save_pairing(article_id, [Pair(claim.id, other.statements[0].id, 0.6, ("across",))], [])
    report = report_of(library, article_ids=[article_id])
    (across,) = [p for p in report.articles[0].pairs if p.elsewhere]
    assert across.rebuttal.article_title == "Other article"
    assert across.rebuttal.position.article_id == other_id
    assert (across.rebuttal.position.start, across.rebuttal.position.end) == (17, 38)
    assert across.rebuttal.side == "NATO"


def test_bad_choices_say_what_is_wrong(library_path: Path) -> None:
    with Library.open(library_path) as library:
        with pytest.raises(ReportError, match="no article"):
            build_report(library)
        article_id, _ = library.add_article(META, TEXT, "sha")
        with pytest.raises(ReportError, match="not analysed"):
            build_report(library, [article_id])
        with pytest.raises(LibraryError):
            build_report(library, [article_id + 1])


def test_only_hex_colours_and_web_urls_get_into_links_and_styles() -> None:
    assert safe_colour("#0072B2") == "#0072b2" and safe_colour("#abc") == "#aabbcc"
    assert safe_colour("red; background: url(https://tracker.example/x)") == "#7f8c8d"
    assert web_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", "file:///etc/passwd", 'https://a.org/"><x', "/home/a.txt"):
        assert web_url(bad) is None


def test_a_failed_render_leaves_the_old_file(
    hostile: Hostile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "report.md"
    target.parent.mkdir()
    target.write_text("the old report\n", encoding="utf-8")
    report = report_of(hostile[0])

    def broken(_report: Report) -> bytes:
        raise RuntimeError("renderer broke")

    monkeypatch.setattr("counterclaim.report.markdown.render", broken)
    with pytest.raises(RuntimeError):
        export(report, "md", target)
    assert target.read_text(encoding="utf-8") == "the old report\n"
    assert list(target.parent.iterdir()) == [target]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    hostile: Hostile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "report.csv"
    target.parent.mkdir()
    target.write_bytes(b"old")
    report = report_of(hostile[0])

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("counterclaim.files.os.replace", full_disk)
    with pytest.raises(OSError):
        export(report, "csv", target)
    assert target.read_bytes() == b"old"
    assert list(target.parent.iterdir()) == [target]


def test_an_export_replaces_the_file(hostile: Hostile, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    export(report_of(hostile[0]), "json", target)
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "counterclaim-report"


def test_every_format_is_known() -> None:
    assert FORMATS == ("html", "pdf", "md", "csv", "json", "claimreview")
    with pytest.raises(ValueError, match="unknown report format"):
        render(None, "docx")  # type: ignore[arg-type]  # no report: the format is checked first


def test_names_and_titles_with_control_characters_stay_on_one_line(library_path: Path) -> None:
    library = Library.open(library_path)
    title = "Peskov\n# Injected heading\x1b[2J"
    meta = ArticleMeta(title, outlet="Gazeta\r\n\x9b31m", source="/tmp/a\x1bb.txt")
    article_id, _ = library.add_article(meta, TEXT, "sha-controls")
    speakers = (
        Speaker("s1", "Dmitriy\nPeskov\x1b[0m", SpeakerKind.PERSON, side="Rus\u202esia"),
        *ANALYSIS.speakers[1:],
    )
    library.save_analysis(article_id, Analysis(speakers, ANALYSIS.statements, ANALYSIS.pairs))
    report = report_of(library)
    library.close()
    markdown = render(report, "md").decode("utf-8")
    assert markdown.splitlines()[0] == (
        "# Claims and rebuttals: Peskov\\\\n\\# Injected heading\\\\x1b\\[2J"
    )
    assert "- Outlet: Gazeta\\\\r\\\\n\\\\x9b31m" in markdown
    assert "**Claim**: Dmitriy\\\\nPeskov\\\\x1b\\[0m · Rus\\\\u202esia" in markdown
    rows = list(csv.DictReader(io.StringIO(render(report, "csv").decode("utf-8-sig"))))
    assert rows[0]["article_title"] == "Peskov\\n# Injected heading\\x1b[2J"
    assert rows[0]["claim_speaker"] == "Dmitriy\\nPeskov\\x1b[0m"
    page = render(report, "html").decode("utf-8")
    assert "<h2>Peskov\n# Injected heading\\x1b[2J</h2>" in page  # HTML folds the line break
    assert "Dmitriy\nPeskov\\x1b[0m" in page
    for shown in (markdown, page, render(report, "csv").decode("utf-8-sig")):
        assert not re.search("[\x1b\x9b\r\u202e]", shown.replace("\r\n", "\n"))
