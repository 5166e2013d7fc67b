"""The item model of the speakers panel: each side with its speakers, and how many
statements each made."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, overload

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from counterclaim.domain import Side, Speaker
from counterclaim.gui.settings.theme import readable
from counterclaim.gui.tables import ObjectRole, column_title
from counterclaim.text import visible

Index = QModelIndex | QPersistentModelIndex
_TOP = 0  # internalId of a side's row; a speaker's row holds its side's row + 1


@dataclass
class _Group:
    side: Side | None  # None: the speakers who are on no side
    speakers: list[Speaker] = field(default_factory=list)


class SpeakerTreeModel(QAbstractItemModel):
    """Sides at the top level, each with its speakers; speakers on no side come last under
    "No side". Columns: the name, and how many statements the speaker (or side) made."""

    NAME, STATEMENTS = range(2)
    HEADERS = ("Name", "Statements")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[_Group] = []
        self._counts: dict[str, int] = {}
        self._dark = False

    def set_speakers(
        self, speakers: list[Speaker], sides: list[Side], counts: dict[str, int]
    ) -> None:
        groups = {side.label: _Group(side) for side in sides}
        loose = _Group(None)
        for speaker in sorted(speakers, key=lambda s: s.name.casefold()):
            if not speaker.side:
                loose.speakers.append(speaker)
                continue
            # a label with no Side of its own is still shown, without a colour
            groups.setdefault(speaker.side, _Group(Side(speaker.side, "")))
            groups[speaker.side].speakers.append(speaker)
        self.beginResetModel()
        self._groups = [*groups.values(), *([loose] if loose.speakers else [])]
        self._counts = dict(counts)
        self.endResetModel()

    def set_dark(self, dark: bool) -> None:
        """Side colours are lightened on a dark background so they stay readable."""
        if dark != self._dark:
            self._dark = dark
            if self._groups:
                last = self.index(len(self._groups) - 1, self.NAME)
                self.dataChanged.emit(self.index(0, self.NAME), last)

    def sides(self) -> list[Side]:
        return [group.side for group in self._groups if group.side is not None]

    def speakers(self) -> list[Speaker]:
        return [speaker for group in self._groups for speaker in group.speakers]

    def count(self, speaker: Speaker) -> int:
        return self._counts.get(speaker.id, 0)

    def index_of(self, speaker_id: str) -> QModelIndex:
        for row, group in enumerate(self._groups):
            for child, speaker in enumerate(group.speakers):
                if speaker.id == speaker_id:
                    return self.index(child, self.NAME, self.index(row, self.NAME))
        return QModelIndex()

    def item(self, index: Index) -> Speaker | Side | None:
        """The Speaker or Side on a row; None for "No side" and for no row."""
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._groups[index.row()].side
        return self._groups[index.internalId() - 1].speakers[index.row()]

    def index(
        self,
        row: int,
        column: int,
        parent: Index = QModelIndex(),  # noqa: B008 - Qt API
    ) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1 if parent.isValid() else _TOP)

    @overload
    def parent(self) -> QObject | None: ...
    @overload
    def parent(self, child: Index) -> QModelIndex: ...
    def parent(self, child: Index | None = None) -> QObject | QModelIndex | None:
        if child is None:
            return super().parent()
        if not child.isValid() or child.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, self.NAME, _TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _TOP and parent.column() == self.NAME:
            return len(self._groups[parent.row()].speakers)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return len(self.HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_title(self, self.HEADERS, section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == ObjectRole:
            return self.item(index)
        if index.internalId() == _TOP:
            return self._side_data(self._groups[index.row()], index.column(), role)
        speaker = self._groups[index.internalId() - 1].speakers[index.row()]
        return self._speaker_data(speaker, index.column(), role)

    def _side_data(self, group: _Group, column: int, role: int) -> Any:
        side = group.side
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.STATEMENTS:
                return sum(self.count(speaker) for speaker in group.speakers)
            return visible(side.label) if side else self.tr("No side")
        if role == Qt.ItemDataRole.FontRole and column == self.NAME:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.STATEMENTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        colour = QColor(side.colour) if side else QColor()
        if not colour.isValid() or column != self.NAME:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return colour
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(readable(side.colour if side else "", self._dark))
        return None

    def _speaker_data(self, speaker: Speaker, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.count(speaker) if column == self.STATEMENTS else visible(speaker.name)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.STATEMENTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [visible(speaker.name), self.tr(speaker.kind.value)]
            if speaker.affiliation:
                lines.append(visible(speaker.affiliation))
            if speaker.aliases:
                names = ", ".join(map(visible, speaker.aliases))
                lines.append(self.tr("Also called: {names}").format(names=names))
            return "\n".join(lines)
        return None
