"""Comparison reports: one view-model (`build_report`) and one module per format.

    report = build_report(library, [3], generated_by="Newsroom", ratings=scale)
    export(report, "html", Path("peskov.html"))

`render` gives the bytes of a format; `export` writes them atomically
(`counterclaim.files.write_atomically`: a temporary file in the same folder, then
`os.replace`): on any failure the old file is left as it was and no temporary file stays
behind. Only regular files are written: through a symbolic link, its target gets the
report; a folder, device or named pipe is refused (`NotAFileError`, exit 2). Only `pdf`
needs Qt (QtGui, no window); it is imported when a PDF is asked for.

A whole library is written as it is built, one article at a time (`ReportStream`,
`export_stream`): the same bytes, in little memory.

    export_stream(ReportStream(library, generated_by="Newsroom"), "html", path)
"""

from __future__ import annotations

import dataclasses
import importlib
from pathlib import Path
from typing import Any, BinaryIO

from counterclaim.files import write_atomically, writing_atomically
from counterclaim.report.build import ReportStream, build_report
from counterclaim.report.model import Report, ReportError
from counterclaim.report.writing import write_report

FORMATS = ("html", "pdf", "md", "csv", "json", "claimreview")
TEXT_FORMATS = tuple(f for f in FORMATS if f != "pdf")
SUFFIXES = {
    "html": ".html",
    "pdf": ".pdf",
    "md": ".md",
    "csv": ".csv",
    "json": ".json",
    "claimreview": ".jsonld",
}
_MODULES = {"md": "markdown"}

__all__ = [
    "FORMATS",
    "SUFFIXES",
    "TEXT_FORMATS",
    "Report",
    "ReportError",
    "ReportStream",
    "build_report",
    "export",
    "export_stream",
    "render",
    "write_stream",
]


def render(report: Report, fmt: str) -> bytes:
    """The report in one of `FORMATS`."""
    data: bytes = _module(fmt).render(report)
    return data


def export(report: Report, fmt: str, path: Path) -> None:
    """Render, then write the file atomically; OSError says why it could not be written,
    `NotAFileError` that `path` is a folder, device or named pipe."""
    write_atomically(Path(path), render(report, fmt))


def write_stream(stream: ReportStream, fmt: str, out: BinaryIO) -> None:
    """Write the report to `out` as it is built, one article at a time (a whole library
    fits in little memory). A PDF is made whole: QTextDocument lays out the document at
    once, so its report is built first (`counterclaim.report.pdf`)."""
    module = _module(fmt)
    if fmt == "pdf":
        articles = tuple(stream.articles())
        out.write(module.render(dataclasses.replace(stream.report(), articles=articles)))
        return
    write_report(stream, module.Writer, out)


def export_stream(stream: ReportStream, fmt: str, path: Path) -> None:
    """`export` for a report built as it is written (`stream`): the file is written
    atomically all the same (`writing_atomically`), with the same refusals; on an error,
    the report's included, the old file is left as it was."""
    _module(fmt)  # an unknown format is refused before the file is touched
    with writing_atomically(Path(path)) as handle:
        write_stream(stream, fmt, handle)


def _module(fmt: str) -> Any:
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return importlib.import_module(f"counterclaim.report.{_MODULES.get(fmt, fmt)}")
