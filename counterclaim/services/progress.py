"""How work reports its progress and hears of a cancel, wherever it runs."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol


class Progress(Protocol):
    cancel: threading.Event

    @property
    def report(self) -> Callable[[int, int, str], None]: ...


@dataclass
class QuietProgress:
    """Progress for work nobody watches (the command line): never cancelled, never told."""

    cancel: threading.Event = field(default_factory=threading.Event)

    def report(self, done: int, total: int, message: str) -> None:
        del done, total, message
