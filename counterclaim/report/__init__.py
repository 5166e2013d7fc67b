"""Comparison reports: one view-model (`build_report`) and one module per format.

    report = build_report(library, [3], generated_by="Newsroom", ratings=scale)
    export(report, "html", Path("peskov.html"))

`render` gives the bytes of a format; `export` writes them atomically
(`counterclaim.files.write_atomically`: a temporary file in the same folder, then
`os.replace`): on any failure the old file is left as it was and no temporary file stays
behind. Only regular files are written: through a symbolic link, its target gets the
report; a folder, device or named pipe is refused (`NotAFileError`, exit 2). Only `pdf`
needs Qt (QtGui, no window); it is imported when a PDF is asked for.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from counterclaim.files import write_atomically
from counterclaim.report.build import build_report
from counterclaim.report.model import Report, ReportError

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
    "build_report",
    "export",
    "render",
]


def render(report: Report, fmt: str) -> bytes:
    """The report in one of `FORMATS`."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"counterclaim.report.{_MODULES.get(fmt, fmt)}")
    data: bytes = module.render(report)
    return data


def export(report: Report, fmt: str, path: Path) -> None:
    """Render, then write the file atomically; OSError says why it could not be written,
    `NotAFileError` that `path` is a folder, device or named pipe."""
    write_atomically(Path(path), render(report, fmt))
