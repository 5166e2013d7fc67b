"""Every reviewer's edit is a command on one undo stack: it can be undone and redone, and
the stack is rebuilt from the library when it is opened again."""

from __future__ import annotations

import getpass
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from counterclaim.domain import Batch, BatchState, Edit
from counterclaim.gui.events import AppEvents
from counterclaim.store import EditConflict, Library, LibraryError

REVIEW_FIELDS = frozenset({"status", "verdict", "note"})


class Editor(QObject):
    """Turns a reviewer's actions into commands on the undo stack, and says on `AppEvents`
    what each one changed, whether made, undone or redone."""

    def __init__(
        self, library: Library, stack: QUndoStack, events: AppEvents, who: str | None = None
    ) -> None:
        super().__init__(stack)
        self.library, self.stack, self.events = library, stack, events
        self.who = who or reviewer()
        self.made: Batch | None = None  # what the latest `do` made
        self.use_mine: Callable[[EditConflict], bool] = lambda _conflict: False
        """Asked when an action meets another reviewer's change: make it anyway?"""

    def announce(self, batch: Batch) -> None:
        """Say what an action changed: the reviews of some links, or more than that."""
        if only_reviews(batch):
            self.events.links_changed.emit(list(dict.fromkeys(e.target for e in batch.edits)))
        else:
            self.events.article_edited.emit()
        self.events.history_changed.emit()

    def fail(self, message: str) -> None:
        self.events.edit_failed.emit(message)

    def do(self, label: str, edits: Sequence[Edit]) -> bool:
        """Make the action; False (and `failed` says why) if the library refused it."""
        if not edits:
            return False
        self.made = None
        self.stack.push(EditCommand(self, label, list(edits)))
        return self.made is not None

    def rebuild(self) -> None:
        """Put the library's recent actions on the undo stack, without making them again,
        so what was done before a restart can still be undone."""
        self.stack.clear()
        mine = self.library.batches(who=self.who)  # a reviewer undoes their own actions
        commands = [EditCommand(self, b.label, list(b.edits), b) for b in mine]
        for command in commands:
            command.quiet = True
            self.stack.push(command)
        for command in reversed(commands):
            if command.batch is None or command.batch.state is not BatchState.UNDONE:
                break
            self.stack.undo()
        for command in commands:
            command.quiet = False
        self.stack.setClean()


class EditCommand(QUndoCommand):
    """One action: made by `Library.apply`, then undone and redone by its batch id."""

    def __init__(
        self, editor: Editor, label: str, edits: list[Edit], batch: Batch | None = None
    ) -> None:
        super().__init__(label)
        self.editor, self.edits, self.batch = editor, edits, batch
        self.quiet = False

    def redo(self) -> None:
        if self.quiet:
            return
        library = self.editor.library
        try:
            if self.batch is None:
                self.batch = self._apply()
                self.editor.made = self.batch
            else:
                self.batch = library.redo(self.batch.id)
        except LibraryError as error:  # changed since, e.g. replaced by a new analysis
            self.setObsolete(True)
            self.editor.fail(str(error))
            return
        self.editor.announce(self.batch)

    def _apply(self) -> Batch:
        """Make the action; when another reviewer changed what it changes since, make it
        anyway only if the reviewer says so."""
        library, who = self.editor.library, self.editor.who
        try:
            return library.apply(self.text(), self.edits, who)
        except EditConflict as conflict:
            if not self.editor.use_mine(conflict):
                self.editor.events.article_edited.emit()  # show theirs
                raise
            return library.apply(self.text(), self.edits, who, force=True)

    def undo(self) -> None:
        if self.quiet or self.batch is None:
            return
        try:
            self.batch = self.editor.library.undo(self.batch.id)
        except LibraryError as error:
            self.setObsolete(True)
            self.editor.fail(str(error))
            return
        self.editor.announce(self.batch)


def only_reviews(batch: Batch) -> bool:
    """Whether the action changed only links' status, verdict or note."""
    return all(e.target.startswith("ln") and e.what in REVIEW_FIELDS for e in batch.edits)


def reviewer() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        return "reviewer"
