"""The library list's counts (statements, pairs, pairs left to review), read off the GUI
thread: in a library of 10,000 articles counting takes ten times as long as listing the
titles, so the window lists the titles first and fills in the counts when they come."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

from counterclaim.domain import ArticleEntry


class ListCounts(QObject):
    """Reads the counted list on a thread of its own; `counted` brings it to the GUI
    thread, `failed` says it could not be read (the list is then read the usual way)."""

    counted = Signal(int, object)  # the reading's ticket, list[ArticleEntry]
    failed = Signal()

    def __init__(self, read: Callable[[], list[ArticleEntry]], parent: QObject) -> None:
        super().__init__(parent)
        self._read = read
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def start(self, ticket: int) -> None:
        """Read the list, counted; `counted` says which reading it was (`ticket`)."""
        self._pool.start(lambda: self._run(ticket))

    def _run(self, ticket: int) -> None:
        try:
            found = self._read()
        except Exception:  # the library went away or broke: read again where it is told
            self.failed.emit()
            return
        self.counted.emit(ticket, found)

    def wait(self) -> None:
        """Until a reading under way is done (before the library is closed)."""
        self._pool.waitForDone()
