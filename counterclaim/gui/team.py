"""Several reviewers on one library: each window follows what the others do, and a
reviewer whose change meets another's is asked which to keep.

A window reads the library's count of actions (`Library.edit_mark`, one small query)
every few seconds; when another reviewer has made, undone or redone something, the
article on screen is read again, on the same pair, and the history shows who did it.
A note being typed is never replaced: the window waits until it is kept."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton, QWidget

from counterclaim.domain import EditMark
from counterclaim.gui.events import AppEvents
from counterclaim.store import EditConflict, Library, LibraryError
from counterclaim.text import visible

POLL_MS = 2000


class EditWatch(QObject):
    """Reads the others' actions into the window as they are made."""

    def __init__(
        self,
        library: Library,
        events: AppEvents,
        who: str,
        busy: QLineEdit,
        tell: Callable[[str], None] | None = None,
        reachable: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(busy)
        self.library, self.events, self.who, self.busy = library, events, who, busy
        self.tell = tell
        self.reachable = reachable
        """Called whenever the library could be read: saves what could not be saved."""
        self.seen = self._mark()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.look)
        self.timer.start()

    def _mark(self) -> EditMark | None:
        try:
            return self.library.edit_mark()
        except LibraryError:  # the library cannot be read now: try again next time
            return None

    def look(self) -> bool:
        """Read the others' actions in, if there are new ones and no note is being
        typed; True when the window was brought up to date."""
        now = self._mark()
        if now is None:
            return False
        if self.reachable is not None:
            self.reachable()  # the library can be reached (again)
        if now == self.seen:
            return False
        if self.seen is not None and now.who == self.who and now.count == self.seen.count + 1:
            self.seen = now  # this window's own action: already on screen
            return False
        if self.busy.isModified():
            return False  # a note being typed: read the others in once it is kept
        self.seen = now
        self.events.article_edited.emit()
        self.events.history_changed.emit()
        if self.tell is not None and now.who and now.who != self.who:
            self.tell(f"{visible(now.who)} changed the library; the article is shown as it is now")
        return True


def use_mine(parent: QWidget, conflict: EditConflict) -> bool:
    """Ask a reviewer whose change met another reviewer's which to keep."""
    asked, mine = conflict_question(parent, conflict)
    asked.exec()
    return asked.clickedButton() is mine


def conflict_question(parent: QWidget, conflict: EditConflict) -> tuple[QMessageBox, QPushButton]:
    """The question, and its button that keeps the reviewer's own change."""
    who = visible(conflict.who) if conflict.who else "Another reviewer"
    asked = QMessageBox(parent)
    asked.setIcon(QMessageBox.Icon.Question)
    asked.setWindowTitle(parent.tr("Changed by another reviewer"))
    said = visible(str(conflict)).removesuffix("; nothing of your change was made")
    asked.setText(said[:1].upper() + said[1:] + ".")
    asked.setInformativeText(parent.tr("Keep that, or make your change anyway?"))
    mine = asked.addButton(parent.tr("Use Mine"), QMessageBox.ButtonRole.AcceptRole)
    keep = asked.addButton(
        parent.tr("Keep {0}").format(_theirs(who)), QMessageBox.ButtonRole.RejectRole
    )
    asked.setDefaultButton(keep)
    return asked, mine


def _theirs(who: str) -> str:
    return "Theirs" if who == "Another reviewer" else f"{who}’s"
