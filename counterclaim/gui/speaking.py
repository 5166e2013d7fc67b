"""Speakers and sides: rename, merge, move to a side, change a side's colour. The panel
asks; this controller turns each answer into one undoable action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from counterclaim.domain import Analysis, Edit, Side
from counterclaim.gui.commands import Editor
from counterclaim.gui.main_window import MainWindow
from counterclaim.store import Library, LibraryError


class SpeakerController(QObject):
    def __init__(self, window: MainWindow, library: Library, editor: Editor) -> None:
        super().__init__(window)
        self.window, self.library, self.editor = window, library, editor
        panel = window.speaker_panel
        panel.rename_speaker.connect(self.rename_speaker)
        panel.rename_side.connect(self.rename_side)
        panel.merge_speakers.connect(self.merge)
        panel.move_speaker.connect(self.move)
        panel.side_colour.connect(self.colour)

    def show(self, analysis: Analysis | None, sides: list[Side]) -> None:
        """The article's speakers, under every side of the library."""
        speakers = list(analysis.speakers) if analysis else []
        counts: dict[str, int] = {}
        for statement in analysis.statements if analysis else ():
            if statement.speaker_id is not None:
                counts[statement.speaker_id] = counts.get(statement.speaker_id, 0) + 1
        self.window.speaker_panel.model.set_speakers(speakers, sides, counts)
        self.window.speaker_panel.tree.expandAll()

    def rename_speaker(self, speaker_id: str, name: str) -> bool:
        return self._do(
            self.tr("Rename speaker"),
            lambda: [Edit(speaker_id, "name", self.library.value(speaker_id, "name"), name)],
        )

    def rename_side(self, label: str, new_label: str) -> bool:
        def edits() -> list[Edit]:
            return self.library.rename_side_edits(self._side(label), new_label)

        return self._do(self.tr("Rename side"), edits)

    def merge(self, kept_id: str, merged_id: str) -> bool:
        return self._do(
            self.tr("Merge speakers"), lambda: self.library.merge_edits(kept_id, merged_id)
        )

    def move(self, speaker_id: str, label: str) -> bool:
        def edits() -> list[Edit]:
            made: list[Edit] = []
            side_id = self.library.side_id(label)
            if side_id is None:
                side_id = self.library.new_side(label)
                made.append(Edit(side_id, "hidden", "1", "0"))
            before = self.library.value(speaker_id, "side")
            if before == side_id:
                return []
            return [*made, Edit(speaker_id, "side", before, side_id)]

        return self._do(self.tr("Move speaker to a side"), edits)

    def colour(self, label: str, colour: str) -> bool:
        def edits() -> list[Edit]:
            side_id = self._side(label)
            before = self.library.value(side_id, "colour")
            return [] if before == colour else [Edit(side_id, "colour", before, colour)]

        return self._do(self.tr("Change side colour"), edits)

    def _side(self, label: str) -> str:
        side_id = self.library.side_id(label)
        if side_id is None:
            raise LibraryError(f"there is no side called '{label}' any more")
        return side_id

    def _do(self, label: str, edits: Callable[[], list[Edit]]) -> bool:
        try:
            planned = edits()
        except LibraryError as error:
            self.editor.failed.emit(str(error))
            return False
        return self.editor.do(label, planned)
