"""Comparison reports: one view-model (`build_report`) and one module per format.

    report = build_report(library, [3], generated_by="Newsroom", ratings=scale)
    export(report, "html", Path("peskov.html"))

`render` gives the bytes of a format; `export` writes them atomically (a temporary file
in the same folder, then `os.replace`): on any failure the old file is left as it was
and no temporary file stays behind. Only `pdf` needs Qt (QtGui, no window); it is
imported when a PDF is asked for.
"""

from __future__ import annotations

import importlib
import os
import secrets
from pathlib import Path

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
    "write_atomically",
]


def render(report: Report, fmt: str) -> bytes:
    """The report in one of `FORMATS`."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"counterclaim.report.{_MODULES.get(fmt, fmt)}")
    data: bytes = module.render(report)
    return data


def export(report: Report, fmt: str, path: Path) -> None:
    """Render, then write the file atomically; OSError says why it could not be written."""
    write_atomically(Path(path), render(report, fmt))


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, flush it to disk, then replace
    `path` with it. The new file gets the old one's permissions (or the umask's)."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o666
    partial = path.with_name(f".{path.name}.{secrets.token_hex(4)}.partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
