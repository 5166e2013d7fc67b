"""One task runner for background work: plain Qt-free functions run on a QThreadPool;
results, errors and progress come back to the GUI thread as signals."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


@dataclass
class TaskContext:
    """Handed to a task: report progress, and check whether the user cancelled."""

    cancel: threading.Event
    report: Callable[[int, int, str], None]

    @property
    def cancelled(self) -> bool:
        return self.cancel.is_set()


class _Signals(QObject):
    progress = Signal(int, int, str)  # done, total, message
    finished = Signal(object)
    failed = Signal(str, str)  # message, details


class _Runnable(QRunnable):
    def __init__(
        self, work: Callable[[TaskContext], Any], signals: _Signals, cancel: threading.Event
    ):
        super().__init__()
        self.work, self.signals, self.cancel = work, signals, cancel

    def run(self) -> None:
        context = TaskContext(self.cancel, self.signals.progress.emit)
        try:
            result = self.work(context)
        except Exception as error:  # reported to the user, never lost in the thread
            self.signals.failed.emit(str(error) or type(error).__name__, traceback.format_exc())
        else:
            self.signals.finished.emit(result)


class Task(QObject):
    """A handle on one background job, with the signals the window listens to."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str, str)
    cancelled = Signal()
    done = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.cancel_event = threading.Event()
        self._signals = _Signals()
        self._signals.progress.connect(self.progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)

    def cancel(self) -> None:
        self.cancel_event.set()

    def _on_finished(self, result: object) -> None:
        self.finished.emit(result)
        self.done.emit()

    def _on_failed(self, message: str, details: str) -> None:
        if self.cancel_event.is_set():
            self.cancelled.emit()  # the work stopped because the user asked it to
        else:
            self.failed.emit(message, details)
        self.done.emit()


class TaskRunner(QObject):
    """Runs tasks one at a time (spaCy work is serial) off the GUI thread."""

    task_started = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._running: list[Task] = []

    def submit(self, name: str, work: Callable[[TaskContext], Any]) -> Task:
        task = Task(name, self)
        self._running.append(task)
        task.done.connect(lambda: self._running.remove(task))
        self.pool.start(_Runnable(work, task._signals, task.cancel_event))
        self.task_started.emit(task)
        return task

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)
