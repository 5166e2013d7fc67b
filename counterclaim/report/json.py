"""The report as JSON: every field of the view-model, keys in a fixed order.

Keys come in the order the dataclasses declare them (not sorted: an article's title
before its pairs reads better), which is stable from one export to the next; text is
written as is (`ensure_ascii=False`), so a claim round-trips exactly.
"""

from __future__ import annotations

import dataclasses
import json
import secrets
from datetime import datetime
from typing import Any

from counterclaim.report.model import Position, Report, ReportArticle
from counterclaim.report.writing import written

FORMAT = "counterclaim-report"
VERSION = 1


def as_data(report: Report) -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, **_plain(report)}


def render(report: Report) -> bytes:
    return written(report, Writer)


class Writer:
    """The JSON a report is written as, article by article (`ReportWriter`): the same
    text `json.dumps(as_data(report), indent=1)` gives, the articles written one by one
    into their list."""

    _ITEM = "\n  "  # an article is an item of a list in the top object: two spaces in

    def __init__(self, _known: Report) -> None:
        self._count = 0

    def article(self, article: ReportArticle) -> str:
        text = _dumps(_plain(article)).replace("\n", self._ITEM)
        self._count += 1
        return text if self._count == 1 else "," + self._ITEM + text

    def end(self) -> str:
        return ""

    def head(self, report: Report) -> str:
        return self._around(report)[0]

    def foot(self, report: Report) -> str:
        return self._around(report)[1] + "\n"

    def _around(self, report: Report) -> tuple[str, str]:
        """The text before the first article and after the last."""
        data = as_data(report)
        if not self._count:
            return _dumps(data), ""
        marker = f"articles-{secrets.token_hex(8)}"
        data["articles"] = [marker]
        head, foot = _dumps(data).split(f'"{marker}"')
        return head, foot


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)


def _plain(value: Any) -> Any:
    if isinstance(value, Position):
        return {
            **{f.name: getattr(value, f.name) for f in dataclasses.fields(value)},
            "link": value.link,
        }
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value
