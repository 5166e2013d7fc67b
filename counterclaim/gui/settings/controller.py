"""The reviewer's preferences in the window: the verdict scale, how bands are coloured,
the recent libraries and opening another library."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog

from counterclaim.gui.main_window import MainWindow
from counterclaim.gui.settings.preferences import Preferences, PreferencesDialog
from counterclaim.text import visible


class PreferencesController(QObject):
    def __init__(
        self,
        window: MainWindow,
        preferences: Preferences,
        ratings_changed: Callable[[tuple[str, ...]], None],
        open_library: Callable[[Path | str], object],
        max_bytes_changed: Callable[[int], None] = lambda _bytes: None,
    ) -> None:
        super().__init__(window)
        self.window, self.preferences = window, preferences
        self.ratings_changed, self.open_library = ratings_changed, open_library
        self.max_bytes_changed = max_bytes_changed
        window.preferences_action.triggered.connect(self.edit)
        window.open_library_action.triggered.connect(self._on_open_requested)
        window.open_team_action.triggered.connect(self._on_team_requested)
        window.bands_by_verdict_action.setChecked(preferences.colour_bands_by() == "verdict")
        window.bands_by_verdict_action.toggled.connect(self._on_bands_toggled)
        window.recent_menu.aboutToShow.connect(self.fill_recent)
        ratings_changed(preferences.ratings())
        max_bytes_changed(preferences.max_megabytes() * 1024 * 1024)

    def edit(self) -> bool:
        dialog = PreferencesDialog(self.preferences, self.window)
        try:
            accepted = bool(dialog.exec())
        finally:
            dialog.deleteLater()
        if accepted:
            self.apply()
        return accepted

    def apply(self) -> None:
        """Show what the preferences now say."""
        self.ratings_changed(self.preferences.ratings())
        self.max_bytes_changed(self.preferences.max_megabytes() * 1024 * 1024)
        by_verdict = self.preferences.colour_bands_by() == "verdict"
        self.window.bands_by_verdict_action.setChecked(by_verdict)

    def fill_recent(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        paths = self.preferences.recent_libraries()
        for number, path in enumerate(paths, start=1):
            shown = visible(path).replace("&", "&&")  # a lone & would underline a letter
            action = QAction(f"&{number} {shown}", menu)
            action.triggered.connect(lambda _=False, p=path: self.open_library(_where(p)))
            menu.addAction(action)
        if not paths:
            empty = menu.addAction(self.tr("No other library opened yet"))
            empty.setEnabled(False)

    def _on_bands_toggled(self, by_verdict: bool) -> None:
        self.preferences.set_colour_bands_by("verdict" if by_verdict else "side")

    def _on_team_requested(self) -> None:
        """A library on a PostgreSQL server, by its address; the password comes from
        ~/.pgpass or PGPASSWORD, or is asked for when the server wants one."""
        address, given = QInputDialog.getText(
            self.window,
            self.tr("Open a team library"),
            self.tr(
                "Address of the library on a PostgreSQL server, as "
                "postgresql://you@server/library (no password here: it is asked for):"
            ),
            text="postgresql://",
        )
        if given and address.strip() not in ("", "postgresql://"):
            self.open_library(address.strip())

    def _on_open_requested(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Open or create a library"),
            folder,
            self.tr("counterclaim libraries (*.sqlite *.counterclaim)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.open_library(Path(path))


def _where(recent: str) -> Path | str:
    """A recent library as the settings keep it: a server address (never with its
    password) or a file path."""
    return recent if "://" in recent else Path(recent)
