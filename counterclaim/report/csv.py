"""One row per pair, for a spreadsheet.

UTF-8 with a byte-order mark: Excel opens a CSV without one in the local code page, which
turns Cyrillic, Arabic or emoji into mojibake; LibreOffice, pandas (`encoding="utf-8-sig"`)
and Python's csv module read it fine. Rows end in CRLF (RFC 4180). A text cell that starts
with = + - @ tab or carriage return gets a leading ' so that no spreadsheet runs it as a
formula (CSV injection). Control characters are shown as escapes (line breaks stay in
quotes and notes; names and titles are on one line).
"""

from __future__ import annotations

import csv
import io

from counterclaim.report.model import Report, ReportArticle, ReportPair
from counterclaim.report.writing import written
from counterclaim.text import visible

COLUMNS = (
    "article_id",
    "article_title",
    "link_id",
    "claim_speaker",
    "claim_side",
    "claim_text",
    "claim_start",
    "claim_end",
    "relation",
    "rebuttal_speaker",
    "rebuttal_side",
    "rebuttal_text",
    "rebuttal_article_id",
    "rebuttal_article_title",
    "rebuttal_start",
    "rebuttal_end",
    "status",
    "verdict",
    "note",
    "score",
    "reasons",
    "claim_link",
    "rebuttal_link",
    "source_url",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(cell: object) -> str:
    """The cell as text, with a leading ' when a spreadsheet would read it as a formula,
    and its control characters but line breaks shown as escapes (`visible`)."""
    text = "" if cell is None else visible(str(cell), keep_lines=True)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def rows(report: Report) -> list[list[str]]:
    return [
        [neutralised(cell) for cell in _row(article, pair)]
        for article in report.articles
        for pair in article.pairs
    ]


def render(report: Report) -> bytes:
    return written(report, Writer)


class Writer:
    """The CSV a report is written as, article by article (`ReportWriter`); the head is
    the byte-order mark and the column names."""

    def __init__(self, _known: Report) -> None:
        pass

    def article(self, article: ReportArticle) -> str:
        return _lines([[neutralised(cell) for cell in _row(article, p)] for p in article.pairs])

    def end(self) -> str:
        return ""

    def head(self, _report: Report) -> str:
        return "\ufeff" + _lines([list(COLUMNS)])  # UTF-8 with a byte-order mark

    def foot(self, _report: Report) -> str:
        return ""


def _lines(cells: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(cells)
    return buffer.getvalue()


def _row(article: ReportArticle, pair: ReportPair) -> tuple[object, ...]:
    claim, rebuttal = pair.claim, pair.rebuttal
    return (
        article.id,
        visible(article.title),  # names and titles on one line
        pair.id,
        visible(claim.speaker),
        visible(claim.side),
        claim.text,
        claim.position.start,
        claim.position.end,
        pair.relation,
        visible(rebuttal.speaker),
        visible(rebuttal.side),
        rebuttal.text,
        rebuttal.position.article_id,
        visible(rebuttal.article_title),
        rebuttal.position.start,
        rebuttal.position.end,
        pair.status,
        pair.verdict,
        pair.note,
        f"{pair.score:.2f}",
        "; ".join(pair.reasons),
        claim.position.link,
        rebuttal.position.link,
        article.source_url,
    )
