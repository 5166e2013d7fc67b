"""Triage: confirm or reject the selected pair with one key, move between pairs, record a
verdict and a note. Every edit goes on the undo stack."""

from __future__ import annotations

from PySide6.QtCore import QObject

from counterclaim.domain import LinkStatus, Pair
from counterclaim.gui.commands import Editor
from counterclaim.gui.main_window import MainWindow
from counterclaim.gui.pairs.model import PairTableModel
from counterclaim.services.review import review_edit
from counterclaim.store import Library


class TriageController(QObject):
    def __init__(
        self, window: MainWindow, library: Library, pairs: PairTableModel, editor: Editor
    ) -> None:
        super().__init__(window)
        self.window, self.library, self.pairs, self.editor = window, library, pairs, editor
        self.unsaved_note: tuple[str | None, str] | None = None  # (link, text) not saved
        editor.events.history_changed.connect(self.show_history)
        window.confirm_action.triggered.connect(lambda: self.decide(LinkStatus.CONFIRMED))
        window.reject_action.triggered.connect(lambda: self.decide(LinkStatus.REJECTED))
        window.next_action.triggered.connect(lambda: self.move(1))
        window.previous_action.triggered.connect(lambda: self.move(-1))
        window.pair_view.verdict_chosen.connect(self._on_verdict_chosen)
        window.pair_view.note_edited.connect(self._on_note_edited)
        self.show_history()

    def show_history(self) -> None:
        self.window.history_model.set_changes(self.library.history())

    def current_row(self) -> int:
        rows = self.window.selected_pair_rows()
        return rows[0] if rows else -1

    def decide(self, status: LinkStatus) -> None:
        """Confirm or reject the selected pair, then go to the next one left to review."""
        row = self.current_row()
        if row < 0:
            return
        pair = self.pairs.pair(row)
        text = self.tr("Confirm pair") if status is LinkStatus.CONFIRMED else self.tr("Reject pair")
        self._push(pair, "status", status.value, text)
        self._select(self._next_open(row))

    def move(self, step: int) -> None:
        """To the next (1) or previous (-1) pair: the article's own pairs, then those from
        other articles while their section is open; the heading row is stepped over."""
        rows = self.pairs.pair_rows()
        if not rows:
            return
        at = self.current_row()
        if at < 0:  # on the heading (reached with the arrow keys), or nothing chosen
            at = self.window.pair_table.currentIndex().row()
        if at < 0:
            self._select(rows[0] if step > 0 else rows[-1])
            return
        ahead = [r for r in rows if r > at] if step > 0 else [r for r in rows if r < at][::-1]
        self._select(ahead[0] if ahead else at)

    def _on_verdict_chosen(self, verdict: object) -> None:
        row = self.current_row()
        if row >= 0:
            chosen = verdict if isinstance(verdict, str) else None
            self._push(self.pairs.pair(row), "verdict", chosen, self.tr("Set verdict"))

    def _on_note_edited(self, note: str) -> None:
        row = self.current_row()
        if row < 0:
            return
        pair = self.pairs.pair(row)
        if self._push(pair, "note", note, self.tr("Edit note")):
            self.unsaved_note = None
        elif pair.note != note:
            # not saved (the library could not be reached): the text stays, still to be
            # kept, so that nothing read in replaces it; Enter, or the library coming
            # back (`retry_note`), saves it
            self.window.pair_view.note.setModified(True)
            self.unsaved_note = (pair.id, note)

    def retry_note(self) -> bool:
        """Save the note that could not be saved, if the reviewer is still on its pair
        and has not changed it since; True when it was saved now."""
        if self.unsaved_note is None:
            return False
        link_id, note = self.unsaved_note
        row = self.current_row()
        view = self.window.pair_view.note
        if row < 0 or self.pairs.pair(row).id != link_id or view.text() != note:
            return False
        if not self.editor.do(
            self.tr("Edit note"), review_edit(self.pairs.pair(row), "note", note)
        ):
            return False
        self.unsaved_note = None
        view.setModified(False)
        return True

    def _push(self, pair: Pair, what: str, after: str | None, text: str) -> bool:
        return self.editor.do(text, review_edit(pair, what, after))

    def _next_open(self, row: int) -> int:
        """The next pair left to review after `row`, round to the top (the other articles'
        section only while it is open)."""
        rows = self.pairs.pair_rows()
        for candidate in [r for r in rows if r > row] + [r for r in rows if r <= row]:
            if self.pairs.pair(candidate).status is LinkStatus.SUGGESTED:
                return candidate
        return row

    def _select(self, row: int) -> None:
        if self.pairs.is_pair(row):
            self.window.pair_table.selectRow(row)
