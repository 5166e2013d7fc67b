"""The report as JSON: every field of the view-model, keys in a fixed order.

Keys come in the order the dataclasses declare them (not sorted: an article's title
before its pairs reads better), which is stable from one export to the next; text is
written as is (`ensure_ascii=False`), so a claim round-trips exactly.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from typing import Any

from counterclaim.report.model import Position, Report

FORMAT = "counterclaim-report"
VERSION = 1


def as_data(report: Report) -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, **_plain(report)}


def render(report: Report) -> bytes:
    return (json.dumps(as_data(report), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


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
