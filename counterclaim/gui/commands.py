"""Every reviewer's edit is a command on one undo stack: it can be undone and redone."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from counterclaim.domain import Pair, Review
from counterclaim.store import Library, LibraryError


class ReviewCommand(QUndoCommand):
    """Change a link's status, verdict or note; the library records each change."""

    def __init__(
        self,
        library: Library,
        pair: Pair,
        after: Review,
        who: str,
        applied: Callable[[Pair], None],
        text: str,
    ) -> None:
        super().__init__(text)
        assert pair.id is not None
        self.library, self.link_id, self.who, self.applied = library, pair.id, who, applied
        self.before = Review(pair.status, pair.verdict, pair.note)
        self.after = after

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

    def _apply(self, review: Review) -> None:
        try:
            self.applied(self.library.review_link(self.link_id, review, self.who))
        except LibraryError:  # the suggestion was replaced by a new analysis since
            self.setObsolete(True)
