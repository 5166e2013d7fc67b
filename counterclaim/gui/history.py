"""The undo history as a table: each action a reviewer made, when, by whom, and whether it
stands or was undone."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from counterclaim.domain import (
    BatchState,
    Change,
)
from counterclaim.gui.tables import HeadedTableModel, Index


class HistoryModel(HeadedTableModel):
    """The reviewers' edits, newest first: when, who, which action, what changed and how.
    Undone actions are shown greyed, marked "undone"."""

    WHEN, WHO, ACTION, ITEM, WHAT, BEFORE, AFTER = range(7)
    HEADERS = ("When", "Who", "Action", "Item", "What", "Before", "After")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._changes: list[Change] = []

    def set_changes(self, changes: list[Change]) -> None:
        self.beginResetModel()
        self._changes = list(changes)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._changes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._changes):
            return None
        change = self._changes[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and change.state is not BatchState.DONE:
            return QColor("#8a8a8a")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        action = self.tr(change.label)
        if change.state is not BatchState.DONE:
            action = self.tr("{action} ({state})").format(
                action=action, state=self.tr(change.state.value)
            )
        values = (
            change.at.astimezone().strftime("%Y-%m-%d %H:%M"),
            change.who,
            action,
            self._item(change.target),
            self.tr(change.what),
            change.before or "",
            change.after or "",
        )
        return values[index.column()] if 0 <= index.column() < len(values) else None

    def _item(self, target: str) -> str:
        """ "ln7" as "pair 7", "sp3" as "speaker 3": what was changed, in the reviewer's words."""
        kinds = {
            "ln": self.tr("pair"),
            "st": self.tr("statement"),
            "sp": self.tr("speaker"),
            "sd": self.tr("side"),
        }
        kind = kinds.get(target[:2])
        return f"{kind} {target[2:]}" if kind else target
