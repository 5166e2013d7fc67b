"""Writing a report article by article: each format's `ReportWriter` gives the text of
one article at a time, and the head and foot once the totals are known.

The head (title, totals) comes first in the file but is known only after the last
article, so the articles are written to a spool file (an unnamed temporary file) as they
are built, and the file is written head, spool, foot. Memory holds one article at a time.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Callable, Iterable
from typing import BinaryIO, Protocol

from counterclaim.report.model import Report, ReportArticle


class ReportWriter(Protocol):
    """One format's text, in pieces. `article` is called for each article in order (its
    text may be held back and given by a later call), then `end`, then `head` and `foot`
    with the finished report (no articles in it, the totals right)."""

    def article(self, article: ReportArticle) -> str: ...

    def end(self) -> str: ...

    def head(self, report: Report) -> str: ...

    def foot(self, report: Report) -> str: ...


class ReportSource(Protocol):
    """Where a report's pieces come from (`counterclaim.report.build.ReportStream`)."""

    known: Report

    def articles(self) -> Iterable[ReportArticle]: ...

    def report(self) -> Report: ...


def write_report(
    source: ReportSource, make: Callable[[Report], ReportWriter], out: BinaryIO
) -> None:
    """Write the report in the writer's format to `out` (UTF-8), article by article."""
    writer = make(source.known)
    with tempfile.TemporaryFile() as spool:
        for article in source.articles():
            spool.write(writer.article(article).encode("utf-8"))
        spool.write(writer.end().encode("utf-8"))
        report = source.report()
        out.write(writer.head(report).encode("utf-8"))
        spool.seek(0)
        shutil.copyfileobj(spool, out)
        out.write(writer.foot(report).encode("utf-8"))


class _Whole:
    """A report already built, as a `ReportSource`."""

    def __init__(self, report: Report) -> None:
        self.known = report
        self._report = report

    def articles(self) -> Iterable[ReportArticle]:
        return self._report.articles

    def report(self) -> Report:
        return self._report


def written(report: Report, make: Callable[[Report], ReportWriter]) -> bytes:
    """A whole report in the writer's format: the same bytes `write_report` writes."""
    buffer = io.BytesIO()
    write_report(_Whole(report), make, buffer)
    return buffer.getvalue()
