"""Export a comparison report: choose what to report on and the format, see it, save it.

The preview shows only our own report (`counterclaim.report`), whose article text is
escaped, in a browser that loads no resource and follows no link.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from counterclaim.files import NotAFileError
from counterclaim.gui.commands import reviewer
from counterclaim.gui.messages import Icon, message_box
from counterclaim.report import SUFFIXES, Report, ReportError, build_report, export
from counterclaim.report.model import LibraryReader
from counterclaim.report.pdf import printable
from counterclaim.store import LibraryError

FORMAT_NAMES = {
    "html": "Web page (HTML)",
    "pdf": "PDF for printing",
    "md": "Markdown",
    "csv": "Spreadsheet (CSV)",
    "json": "JSON (all the data)",
    "claimreview": "ClaimReview JSON-LD (verdicts)",
}


class ReportPreview(QTextBrowser):
    """A browser that shows the report and nothing else: no resource is loaded, no link
    followed (a link to an article position means nothing here)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, _type: int, _name: QUrl | str) -> Any:
        return None


class ExportDialog(QDialog):
    """What to report on (this article, the selected pairs, the whole library), in which
    format, a preview, and Export."""

    ARTICLE, SELECTION, LIBRARY = range(3)

    def __init__(
        self,
        library: LibraryReader,
        article_id: int | None,
        selected_link_ids: set[str],
        ratings: tuple[str, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export a report"))
        self.library = library
        self.article_id = article_id
        self.selected_link_ids = set(selected_link_ids)
        self.ratings = tuple(ratings)
        self.report: Report | None = None
        self.written: Path | None = None
        self.scope = QButtonGroup(self)
        self.formats = QComboBox()
        for fmt, name in FORMAT_NAMES.items():
            self.formats.addItem(self.tr(name), fmt)
        self.preview = ReportPreview()
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setDefault(True)
        self._lay_out()
        self.scope.idClicked.connect(self._on_scope_chosen)
        self.export_button.clicked.connect(self._on_export)
        self._choose_first_scope()

    def _lay_out(self) -> None:
        scopes = QGroupBox(self.tr("Report on"))
        column = QVBoxLayout(scopes)
        choices = (
            (self.ARTICLE, self.tr("This article"), self.article_id is not None),
            (
                self.SELECTION,
                self.tr("The selected pairs, or those the filter shows ({count})").format(
                    count=len(self.selected_link_ids)
                ),
                bool(self.selected_link_ids),
            ),
            (self.LIBRARY, self.tr("The whole library"), True),
        )
        for scope, label, enabled in choices:
            button = QRadioButton(label)
            button.setEnabled(enabled)
            self.scope.addButton(button, scope)
            column.addWidget(button)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.formats)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scopes)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.resize(820, 680)

    def _choose_first_scope(self) -> None:
        """The article on screen, if there is one: what a reviewer reports on most."""
        first = self.ARTICLE if self.article_id is not None else self.LIBRARY
        self.scope.button(first).setChecked(True)
        self._on_scope_chosen(first)

    def choose(self, scope: int, fmt: str | None = None) -> None:
        """Pick a scope (and a format), as a user clicking would."""
        self.scope.button(scope).setChecked(True)
        self._on_scope_chosen(scope)
        if fmt is not None:
            self.formats.setCurrentIndex(self.formats.findData(fmt))

    def current_format(self) -> str:
        return str(self.formats.currentData())

    def _on_scope_chosen(self, scope: int) -> None:
        try:
            self.report = self._build(scope)
        except (ReportError, LibraryError) as error:
            self.report = None
            self.preview.setPlainText(str(error))
        else:
            self.preview.setHtml(printable(self.report))
        self.export_button.setEnabled(self.report is not None)

    def _build(self, scope: int) -> Report:
        articles = None if scope == self.LIBRARY or self.article_id is None else [self.article_id]
        links = self.selected_link_ids if scope == self.SELECTION else None
        return build_report(
            self.library, articles, links, generated_by=reviewer(), ratings=self.ratings
        )

    def _on_export(self) -> None:
        if self.report is None:
            return
        fmt = self.current_format()
        chosen = self.ask_path(fmt, self._suggested_name(fmt))
        if not chosen:
            return
        path = Path(chosen)
        if not path.suffix and (path.is_file() or not os.path.lexists(path)):
            path = path.with_suffix(SUFFIXES[fmt])
        try:
            export(self.report, fmt, path)
        except NotAFileError as error:  # a folder, a device, a named pipe: as the CLI says
            self.tell(str(error))
            return
        except OSError as error:
            self.tell(
                self.tr(
                    "The report could not be written to {path}: {reason}. Choose another "
                    "folder, or free some space, and export again."
                ).format(path=path, reason=error.strerror or error)
            )
            return
        self.written = path
        self.accept()

    def _suggested_name(self, fmt: str) -> str:
        if self.article_id is not None and self.scope.checkedId() != self.LIBRARY:
            return f"counterclaim-article-{self.article_id}{SUFFIXES[fmt]}"
        return f"counterclaim-report{SUFFIXES[fmt]}"

    def ask_path(self, fmt: str, suggested: str) -> str:
        """The file to write, or "" when the user cancels (tests replace this)."""
        name = self.tr(FORMAT_NAMES[fmt])
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the report"), suggested, f"{name} (*{SUFFIXES[fmt]})"
        )
        return path

    def tell(self, message: str) -> None:
        """Show an error the user can act on (tests replace this)."""
        message_box(self, Icon.Warning, self.tr("Export"), message).exec()
