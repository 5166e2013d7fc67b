"""The report as Markdown (CommonMark/GFM): readable as plain text, safe when rendered.

Every piece of article text (quotes, names, titles, notes) is escaped: Markdown's
punctuation gets a backslash, so a quote that holds `<script>`, `[a](javascript:...)`,
`**` or a heading mark shows as the characters it is. Quotes are block quotes, one `> `
per line, so a blank line inside a quote cannot end it.
"""

from __future__ import annotations

import re

from counterclaim.report.model import Report, ReportArticle, ReportPair, Voice
from counterclaim.report.writing import written
from counterclaim.text import visible

_SPECIALS = re.compile(r"([\\`*_{}\[\]<>|~&#])")  # markup anywhere in a line
_LINE_STARTS = re.compile(r"^(\s*)([-+=])", flags=re.MULTILINE)  # lists, headings
_LIST_NUMBER = re.compile(r"^(\s*\d+)([.)])", flags=re.MULTILINE)  # "1." "1)"


def escape(text: str) -> str:
    """Text that Markdown shows as is: no markup, no HTML, no links, no lists, no
    headings, no control characters (shown as escapes, `visible`; line breaks stay).
    ( ) ! need no escape once [ ] are escaped; - + = only start a line."""
    text = _SPECIALS.sub(r"\\\1", visible(text, keep_lines=True))
    text = _LINE_STARTS.sub(r"\1\\\2", text)
    return _LIST_NUMBER.sub(r"\1\\\2", text)


def name(text: str) -> str:
    """A name or a title, escaped, on one line: a line break in it is shown as "\\n"."""
    return escape(visible(text))


def render(report: Report) -> bytes:
    return written(report, Writer)


class Writer:
    """The Markdown a report is written as, article by article (`ReportWriter`). The
    document's end is trimmed, so the last article is held until the next comes."""

    def __init__(self, _known: Report) -> None:
        self._number = 0
        self._held = ""

    def article(self, article: ReportArticle) -> str:
        self._number += 1
        done, self._held = self._held, "\n\n" + "\n".join(_article(self._number, article))
        return done

    def end(self) -> str:
        return self._held.rstrip()

    def head(self, report: Report) -> str:
        text = "\n".join([f"# {name(report.title)}", "", *_summary(report)])
        return text if self._number else text.rstrip()

    def foot(self, _report: Report) -> str:
        return "\n"


def _summary(report: Report) -> list[str]:
    totals = report.totals
    by = f" by {name(report.generated_by)}" if report.generated_by else ""
    lines = [
        f"Generated {report.generated_at.isoformat()}{by} with counterclaim.",
        "",
        f"- Articles: {totals.articles}",
        f"- Statements: {totals.statements}",
        f"- Pairs: {totals.pairs} ({totals.verdicts} with a verdict)",
        f"- Unanswered claims: {totals.unanswered}",
        f"- {_rejected(report, totals.rejected)}",
    ]
    if report.selection:
        lines.append("- Only the pairs selected for this report are shown.")
    return lines


def _rejected(report: Report, count: int) -> str:
    if report.include_rejected:
        return f"Rejected pairs: {count}, shown and marked rejected"
    return f"Rejected pairs: {count}, left out of this report"


def _article(number: int, article: ReportArticle) -> list[str]:
    lines = [f"## {number}\\. {name(article.title)}", ""]
    for label, value in (
        ("Outlet", article.outlet),
        ("Author", article.author),
        ("Published", article.published),
    ):
        if value:
            lines.append(f"- {label}: {name(value)}")
    if article.source_url:
        lines.append(f"- Source: <{article.source_url}>")
    elif article.source:
        lines.append(f"- Source: {name(article.source)}")
    lines += [
        f"- Statements: {article.statements}, pairs: {len(article.pairs)}, "
        f"unanswered claims: {article.unanswered}, rejected pairs: {article.rejected}",
    ]
    if not article.pairs:
        lines += ["", "No pairs to show."]
    for index, pair in enumerate(article.pairs, start=1):
        lines += ["", *_pair(number, index, pair)]
    return lines


def _pair(number: int, index: int, pair: ReportPair) -> list[str]:
    lines = [
        f"### {number}\\.{index} {name(pair.claim.speaker)} ⟷ {name(pair.rebuttal.speaker)}"
        f" ({escape(pair.relation)})",
        "",
        *_voice("Claim", pair.claim, None),
        "",
        *_voice("Rebuttal", pair.rebuttal, pair.rebuttal.article_title if pair.elsewhere else None),
        "",
        f"- Relation: {escape(pair.relation)}",
        f"- Status: {escape(pair.status)}",
        f"- Verdict: {escape(pair.verdict) if pair.verdict else 'none yet'}",
        f"- Score: {pair.score:.2f}",
    ]
    if pair.note:
        lines.append(f"- Note: {escape(' '.join(pair.note.split()))}")
    if pair.reasons:
        lines.append("- Reasons:")
        lines += [f"  - {escape(reason)}" for reason in pair.reasons]
    return lines


def _voice(label: str, voice: Voice, elsewhere: str | None) -> list[str]:
    where = f", in “{name(elsewhere)}”" if elsewhere else ""
    position = voice.position
    header = (
        f"**{label}**: {name(voice.speaker)} · {name(voice.side)}{where} · "
        f"[characters {position.start}–{position.end}]({position.link})"
    )
    quote = [f"> {line}".rstrip() for line in escape(voice.text).splitlines() or [""]]
    return [header, "", *quote]
