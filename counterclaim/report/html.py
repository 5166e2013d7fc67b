"""The report as one self-contained HTML file (Jinja2, autoescape on).

Inline CSS, no external resource, no script but the ClaimReview JSON-LD block, which
`|tojson` fills: it escapes < > & and ', so a claim that holds `</script>` stays inside.
Every text printed has its control characters shown as escapes (`shown`).
Links go to the workbench position of the words (`counterclaim://article/3#chars=1-9`)
and, when the article has an http(s) source, to the words in it (a text fragment).
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from counterclaim.paths import RESOURCES
from counterclaim.report.claimreview import claim_reviews
from counterclaim.report.model import Report
from counterclaim.text import visible

TEMPLATES = RESOURCES / "report"


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


def page(report: Report, template: str = "report.html.j2") -> str:
    """The report as HTML text, from one of the report templates."""
    return (
        environment()
        .get_template(template)
        .render(
            report=report, claimreview=claim_reviews(report), rejected_note=rejected_note(report)
        )
    )


def render(report: Report) -> bytes:
    return page(report).encode("utf-8")
