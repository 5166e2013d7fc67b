"""The speakers and sides panel: each side with its speakers, and the edits a reviewer makes
to them (rename, merge, move to a side, side colour).

The panel changes no data. It emits what the reviewer asked for; the controller turns each
request into an undoable command and refreshes the model.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QGridLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from counterclaim.domain import Side, Speaker
from counterclaim.gui.messages import Icon, message_box
from counterclaim.gui.speakers.model import SpeakerTreeModel


class SpeakerPanel(QWidget):
    """The speakers of the article grouped by side, with the actions that edit them."""

    rename_speaker = Signal(str, str)  # speaker id, new name
    rename_side = Signal(str, str)  # old label, new label
    merge_speakers = Signal(str, str)  # kept speaker id, merged speaker id
    move_speaker = Signal(str, str)  # speaker id, side label (maybe a new side)
    side_colour = Signal(str, str)  # side label, "#rrggbb"

    def __init__(
        self, model: SpeakerTreeModel | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("speakerPanel")
        self.setAccessibleName(self.tr("Speakers and sides"))
        self.model = model or SpeakerTreeModel(self)
        self._chosen: list[QPersistentModelIndex] = []  # selected rows, first chosen first
        self._locked: str | None = None  # why nothing may be changed (a read-only library)
        self.tree = self._tree()
        self.rename_action = self._action(self.tr("&Rename…"), "renameAction", self._on_rename)
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.merge_action = self._action(
            self.tr("&Merge Speakers…"), "mergeSpeakersAction", self._on_merge
        )
        self.move_action = self._action(
            self.tr("Move to &Side…"), "moveToSideAction", self._on_move
        )
        self.colour_action = self._action(
            self.tr("Side &Colour…"), "sideColourAction", self._on_colour
        )
        for action, key in (
            (self.merge_action, "Ctrl+Alt+M"),
            (self.move_action, "Ctrl+Alt+S"),
            (self.colour_action, "Ctrl+Alt+C"),
        ):
            action.setShortcut(QKeySequence(key))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addLayout(self._buttons())
        self.model.modelReset.connect(self._on_model_reset)
        self.tree.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.set_dark(self._dark())
        self._update_actions()

    # -- construction

    def show_speakers(
        self, speakers: list[Speaker], sides: list[Side], counts: dict[str, int]
    ) -> None:
        """The article's speakers under every side of the library, all groups open."""
        self.model.set_speakers(speakers, sides, counts)
        self.tree.expandAll()

    def _tree(self) -> QTreeView:
        tree = QTreeView(self)
        tree.setObjectName("speakerTree")
        tree.setAccessibleName(self.tr("Speakers by side"))
        tree.setModel(self.model)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        tree.setUniformRowHeights(True)
        tree.setAllColumnsShowFocus(True)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(SpeakerTreeModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(
            SpeakerTreeModel.STATEMENTS, QHeaderView.ResizeMode.ResizeToContents
        )
        tree.expandAll()
        return tree

    def _action(self, text: str, name: str, slot: Any) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setIconText(text.replace("&", ""))  # buttons keep the "…" that means a dialog
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.tree.addAction(action)  # the tree's context menu, and its shortcut there
        return action

    def _buttons(self) -> QGridLayout:
        grid = QGridLayout()
        actions = (self.rename_action, self.merge_action, self.move_action, self.colour_action)
        for n, action in enumerate(actions):
            button = QToolButton(self)
            button.setObjectName(action.objectName().replace("Action", "Button"))
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            grid.addWidget(button, n // 2, n % 2)
        return grid

    # -- dialogs, one small method each so tests can replace them

    def ask_text(self, title: str, label: str, text: str) -> str | None:
        answer, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, text)
        return answer if ok else None

    def ask_item(self, title: str, label: str, items: list[str], current: int = 0) -> str | None:
        answer, ok = QInputDialog.getItem(self, title, label, items, current, False)
        return answer if ok else None

    def ask_colour(self, title: str, initial: QColor) -> QColor | None:
        colour = QColorDialog.getColor(initial, self, title)
        return colour if colour.isValid() else None

    def tell(self, message: str) -> None:
        message_box(self, Icon.Information, self.tr("Speakers"), message).exec()

    # -- what is selected

    def selected(self) -> list[Speaker | Side | None]:
        """The selected rows' speakers and sides, in the order they were selected."""
        return [self.model.item(index) for index in self._chosen if index.isValid()]

    def selected_speakers(self) -> list[Speaker]:
        items = self.selected()
        return [i for i in items if isinstance(i, Speaker)] if _all(items, Speaker) else []

    def selected_side(self) -> Side | None:
        items = self.selected()
        return items[0] if len(items) == 1 and isinstance(items[0], Side) else None

    def _on_selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        gone = {QPersistentModelIndex(i) for i in deselected.indexes() if i.column() == 0}
        self._chosen = [index for index in self._chosen if index not in gone]
        self._chosen += [QPersistentModelIndex(i) for i in selected.indexes() if i.column() == 0]
        self._update_actions()

    def _on_model_reset(self) -> None:
        self._chosen = []
        self.tree.expandAll()
        self._update_actions()

    def lock(self, reason: str) -> None:
        """The library may only be read: no speaker or side can be changed."""
        self._locked = reason
        for action in (self.rename_action, self.merge_action, self.move_action, self.colour_action):
            action.setToolTip(reason)
        self._update_actions()

    def _update_actions(self) -> None:
        if self._locked is not None:
            for action in (
                self.rename_action,
                self.merge_action,
                self.move_action,
                self.colour_action,
            ):
                action.setEnabled(False)
            return
        items, speakers = self.selected(), self.selected_speakers()
        one = items[0] if len(items) == 1 else None
        self.rename_action.setEnabled(isinstance(one, Speaker | Side))
        others = len(self.model.speakers()) > 1
        self.merge_action.setEnabled(len(speakers) == 2 or (len(speakers) == 1 and others))
        self.move_action.setEnabled(bool(speakers))
        self.colour_action.setEnabled(self.selected_side() is not None)

    # -- the actions

    def _on_rename(self) -> None:
        items = self.selected()
        item = items[0] if len(items) == 1 else None
        if isinstance(item, Speaker):
            name = self._ask_name(self.tr("Rename Speaker"), item.name)
            if name and name != item.name:
                self.rename_speaker.emit(item.id, name)
        elif isinstance(item, Side):
            name = self._ask_name(self.tr("Rename Side"), item.label)
            if name and name != item.label and self._new_side(name, item):
                self.rename_side.emit(item.label, name)

    def _ask_name(self, title: str, current: str) -> str | None:
        answer = self.ask_text(
            title, self.tr("New name for “{name}”:").format(name=current), current
        )
        if answer is None:
            return None
        if not answer.strip():
            self.tell(self.tr("A name cannot be empty; nothing was renamed."))
            return None
        return answer.strip()

    def _new_side(self, label: str, renamed: Side) -> bool:
        taken = any(
            s.label.casefold() == label.casefold() and s != renamed for s in self.model.sides()
        )
        if taken:
            self.tell(self.tr("There is already a side called “{label}”.").format(label=label))
        return not taken

    def _on_merge(self) -> None:
        speakers = self.selected_speakers()
        if len(speakers) == 2:
            self.merge_speakers.emit(speakers[0].id, speakers[1].id)
        elif len(speakers) == 1:
            kept = speakers[0]
            others = [s for s in self.model.speakers() if s.id != kept.id]
            choices = _labels(others)
            label = self.tr("Merge into “{name}”:").format(name=kept.name)
            chosen = self.ask_item(self.tr("Merge Speakers"), label, list(choices))
            if chosen in choices:
                self.merge_speakers.emit(kept.id, choices[chosen].id)

    def _on_move(self) -> None:
        speakers = self.selected_speakers()
        if not speakers:
            return
        labels = [side.label for side in self.model.sides()]
        new_side = self.tr("New side…")
        current = labels.index(speakers[0].side) if speakers[0].side in labels else 0
        label = self.tr("Move to the side:")
        chosen = self.ask_item(self.tr("Move to Side"), label, [*labels, new_side], current)
        if chosen == new_side:
            chosen = self._ask_new_side(labels)
        if not chosen:
            return
        for speaker in speakers:
            if speaker.side != chosen:
                self.move_speaker.emit(speaker.id, chosen)

    def _ask_new_side(self, labels: list[str]) -> str | None:
        answer = self.ask_text(self.tr("New Side"), self.tr("Name of the new side:"), "")
        if answer is None:
            return None
        if not answer.strip():
            self.tell(self.tr("A side needs a name; nobody was moved."))
            return None
        same = [label for label in labels if label.casefold() == answer.strip().casefold()]
        return same[0] if same else answer.strip()

    def _on_colour(self) -> None:
        side = self.selected_side()
        if side is None:
            return
        initial = QColor(side.colour) if QColor(side.colour).isValid() else QColor("white")
        title = self.tr("Colour of the side “{label}”").format(label=side.label)
        colour = self.ask_colour(title, initial)
        if colour is not None and colour.name() != side.colour.lower():
            self.side_colour.emit(side.label, colour.name())

    # -- light and dark

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.model.set_dark(self._dark())
        super().changeEvent(event)

    def _dark(self) -> bool:
        return self.palette().window().color().lightness() < 128


def _all(items: list[Any], kind: type) -> bool:
    return bool(items) and all(isinstance(item, kind) for item in items)


def _labels(speakers: list[Speaker]) -> dict[str, Speaker]:
    """Speakers by the label a list shows them with; a repeated name gets a number."""
    labels: dict[str, Speaker] = {}
    for speaker in speakers:
        label, n = speaker.name, 2
        while label in labels:
            label, n = f"{speaker.name} ({n})", n + 1
        labels[label] = speaker
    return labels
