"""The user's preferences in one typed object over QSettings, and the dialog that edits them.

The caller owns the QSettings (the application's, or a temporary ini file in tests), so
nothing here ever reads the user's settings behind the caller's back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QModelIndex,
    QSettings,
    QStringListModel,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counterclaim.domain import DEFAULT_RATINGS
from counterclaim.gui.messages import Icon, message_box

BAND_COLOURINGS = ("side", "verdict")
MAX_RECENT = 8

_RATINGS_KEY = "review/ratings"
_RECENT_KEY = "library/recent"
_BANDS_KEY = "view/colour_bands_by"
_MAX_SIZE_KEY = "import/max_megabytes"
DEFAULT_MAX_MEGABYTES = 20


def _tr(text: str) -> str:
    return QCoreApplication.translate("Preferences", text)


def _strings(value: Any) -> list[str] | None:
    """A stored list of strings. An ini file gives back a one-item list as a plain string
    and an empty one as None; anything else that is not a list of strings is None."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
        return list(value)
    return None


def checked_ratings(ratings: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The verdict scale stripped of blanks; ValueError names a repeated verdict."""
    kept = tuple(rating.strip() for rating in ratings if rating.strip())
    seen: dict[str, str] = {}
    for rating in kept:
        if rating.casefold() in seen:
            raise ValueError(
                _tr("“{first}” and “{second}” are the same verdict; keep one of them.").format(
                    first=seen[rating.casefold()], second=rating
                )
            )
        seen[rating.casefold()] = rating
    if not kept:
        raise ValueError(_tr("The verdict scale needs at least one verdict."))
    return kept


class Preferences:
    """The user's preferences, read from and written to the QSettings it is given."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def ratings(self) -> tuple[str, ...]:
        stored = _strings(self.settings.value(_RATINGS_KEY))
        if stored is None:
            return DEFAULT_RATINGS
        try:
            return checked_ratings(stored)
        except ValueError:
            return DEFAULT_RATINGS

    def set_ratings(self, ratings: list[str] | tuple[str, ...]) -> None:
        self.settings.setValue(_RATINGS_KEY, list(checked_ratings(ratings)))

    def recent_libraries(self) -> list[str]:
        """Libraries opened lately, most recent first; those no longer on disk are left out
        (but remembered, in case the drive they are on comes back)."""
        stored = _strings(self.settings.value(_RECENT_KEY)) or []
        return [path for path in stored if _on_server(path) or Path(path).is_file()]

    def add_recent_library(self, path: str) -> None:
        """Remember a library: a file by its full path, a team library by its address
        (as `LibraryLocation.display` gives it: without a password)."""
        path = path if _on_server(path) else str(Path(path).resolve())
        stored = _strings(self.settings.value(_RECENT_KEY)) or []
        recent = [path, *(other for other in stored if other != path)]
        self.settings.setValue(_RECENT_KEY, recent[:MAX_RECENT])

    def colour_bands_by(self) -> str:
        """What colours the bands in the article: each speaker's "side", or the "verdict"."""
        value = self.settings.value(_BANDS_KEY)
        return value if isinstance(value, str) and value in BAND_COLOURINGS else "side"

    def max_megabytes(self) -> int:
        """The largest article file imported, in MiB (a cap against runaway files)."""
        try:
            value = int(str(self.settings.value(_MAX_SIZE_KEY, DEFAULT_MAX_MEGABYTES)))
        except ValueError:
            return DEFAULT_MAX_MEGABYTES
        return value if 1 <= value <= 1024 else DEFAULT_MAX_MEGABYTES

    def set_max_megabytes(self, value: int) -> None:
        if not 1 <= value <= 1024:
            raise ValueError(_tr("The largest article must be between 1 and 1024 MB."))
        self.settings.setValue(_MAX_SIZE_KEY, value)

    def set_colour_bands_by(self, value: str) -> None:
        if value not in BAND_COLOURINGS:
            raise ValueError(f"colour bands by one of {BAND_COLOURINGS}, not {value!r}")
        self.settings.setValue(_BANDS_KEY, value)


class PreferencesDialog(QDialog):
    """Edit the verdict scale and what colours the bands. OK saves, Cancel discards."""

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preferences = preferences
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.ratings = QStringListModel(list(preferences.ratings()), self)
        self.ratings_view = self._ratings_view()
        self.bands = QComboBox(self)
        self.bands.setObjectName("colourBandsBy")
        self.bands.setAccessibleName(self.tr("Colour the bands by"))
        self.bands.addItem(self.tr("Side"), "side")
        self.bands.addItem(self.tr("Verdict"), "verdict")
        self.bands.setCurrentIndex(max(self.bands.findData(preferences.colour_bands_by()), 0))
        self.max_size = QSpinBox(self)
        self.max_size.setObjectName("maxArticleSize")
        self.max_size.setAccessibleName(self.tr("Largest article file to import, in MB"))
        self.max_size.setRange(1, 1024)
        self.max_size.setSuffix(" MB")
        self.max_size.setValue(preferences.max_megabytes())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Colour the &bands by:"), self.bands)
        form.addRow(self.tr("&Largest article file to import:"), self.max_size)
        layout = QVBoxLayout(self)
        layout.addWidget(self._scale_group())
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.ratings_view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.ratings.rowsInserted.connect(self._update_buttons)
        self.ratings.rowsRemoved.connect(self._update_buttons)
        self.ratings.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def _ratings_view(self) -> QListView:
        view = QListView(self)
        view.setObjectName("verdictScale")
        view.setAccessibleName(self.tr("Verdicts, in the order offered"))
        view.setModel(self.ratings)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        remove = QAction(self.tr("Remove Verdict"), view)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self._on_remove)
        view.addAction(remove)
        return view

    def _scale_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Verdict scale"), self)
        group.setObjectName("verdictScaleGroup")
        self.add_button = self._button(self.tr("&Add"), "addVerdict", self._on_add)
        self.remove_button = self._button(self.tr("&Remove"), "removeVerdict", self._on_remove)
        self.up_button = self._button(self.tr("Move &up"), "moveVerdictUp", self._on_move_up)
        self.down_button = self._button(
            self.tr("Move &down"), "moveVerdictDown", self._on_move_down
        )
        self.defaults_button = self._button(
            self.tr("Res&tore defaults"), "restoreVerdicts", self._on_restore
        )
        column = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            column.addWidget(button)
        column.addStretch(1)
        column.addWidget(self.defaults_button)
        row = QHBoxLayout(group)
        row.addWidget(self.ratings_view, 1)
        row.addLayout(column)
        return group

    def _button(self, text: str, name: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)  # Enter in the list ends an edit, it does not press Add
        button.clicked.connect(slot)
        return button

    def chosen_ratings(self) -> list[str]:
        return self.ratings.stringList()

    def warn(self, message: str) -> None:
        message_box(self, Icon.Warning, self.tr("Preferences"), message).exec()

    def accept(self) -> None:
        self._commit_edit()
        try:
            self.preferences.set_ratings(self.chosen_ratings())
        except ValueError as error:
            self.warn(str(error))
            self.ratings_view.setFocus()
            return
        self.preferences.set_colour_bands_by(str(self.bands.currentData()))
        self.preferences.set_max_megabytes(self.max_size.value())
        super().accept()

    def _commit_edit(self) -> None:
        """An open editor commits when the current row changes: OK pressed from the
        keyboard while a verdict is being typed keeps what was typed."""
        view = self.ratings_view
        if view.state() == QAbstractItemView.State.EditingState:
            current = view.currentIndex()
            view.setCurrentIndex(QModelIndex())
            view.setCurrentIndex(current)

    def _row(self) -> int:
        """The selected verdict's row, or -1."""
        selected = self.ratings_view.selectionModel().selectedIndexes()
        return selected[0].row() if selected else -1

    def _select(self, row: int) -> None:
        index = self.ratings.index(row, 0)
        self.ratings_view.setCurrentIndex(index)
        self.ratings_view.scrollTo(index)
        self._update_buttons()

    def _on_add(self) -> None:
        row = self._row() + 1 if self._row() >= 0 else self.ratings.rowCount()
        self.ratings.insertRows(row, 1)
        index = self.ratings.index(row, 0)
        self.ratings.setData(index, self.tr("New verdict"))
        self._select(row)
        self.ratings_view.setFocus()
        self.ratings_view.edit(index)

    def _on_remove(self) -> None:
        row = self._row()
        if row >= 0:
            self.ratings.removeRows(row, 1)
            if self.ratings.rowCount():
                self._select(min(row, self.ratings.rowCount() - 1))

    def _on_move_up(self) -> None:
        self._move(-1)

    def _on_move_down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        row = self._row()
        target = row + step
        if row < 0 or not 0 <= target < self.ratings.rowCount():
            return
        # moveRows names the row the moved one goes before, hence +1 when moving down
        self.ratings.moveRows(QModelIndex(), row, 1, QModelIndex(), target + (step > 0))
        self._select(target)

    def _on_restore(self) -> None:
        self.ratings.setStringList(list(DEFAULT_RATINGS))
        self._select(0)

    def _on_selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self._update_buttons()

    def _update_buttons(self, *args: Any) -> None:
        row, count = self._row(), self.ratings.rowCount()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)


def _on_server(library: str) -> bool:
    return "://" in library
