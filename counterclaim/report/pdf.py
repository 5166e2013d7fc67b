"""The report as a PDF: QTextDocument lays out a Qt-friendly HTML of the same Report
(print.html.j2: tables, no CSS grid) and QPdfWriter prints it on A4, with margins and
page numbers. Needs QtGui only (a QGuiApplication, which runs offscreen), no window.

The PDF is the one format made whole, not article by article: QTextDocument takes the
whole HTML before it paginates, so `counterclaim.report.write_stream` builds its report
first.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QUrl
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from counterclaim.report.html import page
from counterclaim.report.model import Report

MARGIN_MM = 18
FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica"]


class ReportDocument(QTextDocument):
    """A QTextDocument that loads nothing: no image, no style sheet, from anywhere."""

    def loadResource(self, _type: int, _name: QUrl | str) -> object:
        return None


def printable(report: Report) -> str:
    """The Qt-friendly HTML of the report (also what the export dialog previews)."""
    return page(report, "print.html.j2")


def render(report: Report) -> bytes:
    _ensure_application()
    document = ReportDocument()
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(10)
    document.setDefaultFont(font)
    document.setHtml(printable(report))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(report.title)
    writer.setCreator("counterclaim")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    document.print_(writer)  # unpaginated: Qt paginates to the page and numbers the pages
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())


def _ensure_application() -> None:
    """QTextDocument needs a QGuiApplication for fonts; the CLI has none yet. A PDF needs
    no screen, so it gets the offscreen platform (it works over ssh and in CI)."""
    if QGuiApplication.instance() is None:
        app = QGuiApplication(["counterclaim", "-platform", "offscreen"])
        _ensure_application.app = app  # type: ignore[attr-defined]  # kept for the process
