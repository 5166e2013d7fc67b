"""The application's event bus: after a change, models refresh from these signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    articles_changed = Signal()
    analysis_changed = Signal(int)  # article id
