"""File ▸ Export…: the dialog, and the report code behind it, are imported when the
reviewer first asks for them, not when the window opens."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from counterclaim.gui.export.dialog import ExportDialog
    from counterclaim.report.model import LibraryReader


class ExportController(QObject):
    """Opens the export dialog from an action (File ▸ Export…), on what the window shows."""

    def __init__(
        self,
        action: QAction,
        parent_widget: QWidget,
        library: LibraryReader,
        current_article: Callable[[], int | None],
        selected_links: Callable[[], set[str]],
        ratings: Callable[[], tuple[str, ...]],
    ) -> None:
        super().__init__(parent_widget)
        self.parent_widget = parent_widget
        self.library = library
        self.current_article = current_article
        self.selected_links = selected_links
        self.ratings = ratings
        self.dialog: ExportDialog | None = None
        action.triggered.connect(self._on_export)

    def _on_export(self) -> None:
        self.dialog = self.make_dialog()
        self.dialog.open()

    def make_dialog(self) -> ExportDialog:
        from counterclaim.gui.export.dialog import ExportDialog  # jinja2 and the report

        return ExportDialog(
            self.library,
            self.current_article(),
            self.selected_links(),
            self.ratings(),
            self.parent_widget,
        )
