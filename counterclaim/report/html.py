"""The report as one self-contained HTML file (Jinja2, autoescape on).

Inline CSS, no external resource, no script but the ClaimReview JSON-LD block, which
`htmlsafe_json_dumps` (what `|tojson` uses) fills: it escapes < > & and ', so a claim
that holds `</script>` stays inside.
Every text printed has its control characters shown as escapes (`shown`).
Links go to the workbench position of the words (`counterclaim://article/3#chars=1-9`)
and, when the article has an http(s) source, to the words in it (a text fragment).
"""

from __future__ import annotations

import secrets
from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from counterclaim.paths import RESOURCES, resource_path
from counterclaim.report.claimreview import article_reviews
from counterclaim.report.model import Report, ReportArticle
from counterclaim.report.writing import written
from counterclaim.text import visible

TEMPLATES = resource_path(RESOURCES / "report")


@cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=shown,
    )


def shown(value: object) -> object:
    """What a template prints of a value: a text with its control characters shown as
    escapes (`visible`; line breaks stay, HTML shows them as spaces). Markup the report
    made itself (the JSON-LD) is left as it is."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return visible(value, keep_lines=True)
    return value


def rejected_note(report: Report) -> str:
    count = report.totals.rejected
    pairs = "pair" if count == 1 else "pairs"
    if count == 0:
        return ""
    if report.include_rejected:
        return f"{count} rejected {pairs} shown, marked rejected."
    return f"{count} rejected {pairs} left out of this report."


def page(report: Report, template: str = "print.html.j2") -> str:
    """The report as HTML text, from a template that takes it whole (print.html.j2)."""
    return (
        environment()
        .get_template(template)
        .render(report=report, rejected_note=rejected_note(report))
    )


def render(report: Report) -> bytes:
    return written(report, Writer)


class Writer:
    """The HTML a report is written as, article by article (`ReportWriter`): each
    article from report-article.html.j2, the rest from report.html.j2. The head's
    ClaimReview JSON-LD is kept as text until the head is written (one short entry for
    each pair with a verdict), the same text `|tojson(indent=1)` gives."""

    def __init__(self, known: Report) -> None:
        self._known = known
        self._article = environment().get_template("report-article.html.j2")
        self._reviews: list[str] = []

    def article(self, article: ReportArticle) -> str:
        for review in article_reviews(self._known, article):
            text = htmlsafe_json_dumps(review, indent=1, sort_keys=True)
            self._reviews.append(" " + text.replace("\n", "\n "))
        return self._article.render(article=article)

    def end(self) -> str:
        return ""

    def head(self, report: Report) -> str:
        return self._around(report)[0]

    def foot(self, report: Report) -> str:
        return self._around(report)[1]

    def _around(self, report: Report) -> tuple[str, str]:
        """The page before the first article and after the last."""
        marker = f"articles-{secrets.token_hex(8)}"
        reviews = "[\n" + ",\n".join(self._reviews) + "\n]" if self._reviews else "[]"
        text = (
            environment()
            .get_template("report.html.j2")
            .render(
                report=report,
                articles=Markup(marker),
                claimreview=Markup(reviews),
                rejected_note=rejected_note(report),
            )
        )
        head, foot = text.split(marker)
        return head, foot
