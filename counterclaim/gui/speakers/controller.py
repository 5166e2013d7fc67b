"""Speakers and sides: rename, merge, move to a side, change a side's colour. The panel
asks; this controller has the speakers service plan each answer and puts it on the undo
stack as one action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from counterclaim.domain import Analysis, Edit, Side
from counterclaim.gui.commands import Editor
from counterclaim.gui.main_window import MainWindow
from counterclaim.services import speakers as speaker_edits
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
        editor.events.article_shown.connect(self._on_article_shown)

    def _on_article_shown(
        self, _article_id: int, analysis: Analysis | None, sides: list[Side]
    ) -> None:
        self.show(analysis, sides)

    def show(self, analysis: Analysis | None, sides: list[Side]) -> None:
        """The article's speakers, under every side of the library."""
        speakers = list(analysis.speakers) if analysis else []
        counts = speaker_edits.statement_counts(analysis)
        self.window.speaker_panel.show_speakers(speakers, sides, counts)

    def rename_speaker(self, speaker_id: str, name: str) -> bool:
        return self._do(
            self.tr("Rename speaker"),
            lambda: speaker_edits.rename_speaker(self.library, speaker_id, name),
        )

    def rename_side(self, label: str, new_label: str) -> bool:
        return self._do(
            self.tr("Rename side"),
            lambda: speaker_edits.rename_side(self.library, label, new_label),
        )

    def merge(self, kept_id: str, merged_id: str) -> bool:
        return self._do(
            self.tr("Merge speakers"),
            lambda: speaker_edits.merge(self.library, kept_id, merged_id),
        )

    def move(self, speaker_id: str, label: str) -> bool:
        return self._do(
            self.tr("Move speaker to a side"),
            lambda: speaker_edits.move(self.library, speaker_id, label),
        )

    def colour(self, label: str, colour: str) -> bool:
        return self._do(
            self.tr("Change side colour"),
            lambda: speaker_edits.colour(self.library, label, colour),
        )

    def _do(self, label: str, edits: Callable[[], list[Edit]]) -> bool:
        try:
            planned = edits()
        except LibraryError as error:
            self.editor.fail(str(error))
            return False
        return self.editor.do(label, planned)
