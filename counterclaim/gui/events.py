"""The window's one channel for what changed. Background work and the undo stack's
`Editor` say here what changed; each view and controller subscribes once, in its own
constructor, to what it shows."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    articles_changed = Signal()  # the library's list of articles (imported, analysed)
    analysis_changed = Signal(int)  # an article was analysed: its id
    article_shown = Signal(int, object, object)  # id, its Analysis or None, the library's sides
    links_changed = Signal(list)  # link ids whose review (status, verdict, note) changed
    article_edited = Signal()  # statements, links, speakers, sides or details were edited
    history_changed = Signal()  # an action was made, undone or redone
    edit_failed = Signal(str)  # why an action could not be made, undone or redone
