"""The spaCy pipeline in a process of its own, so that the window's thread never waits for
the interpreter lock while a long article is parsed. Same calls as `Extractor`; results
come back as the same plain dataclasses."""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from functools import partial
from multiprocessing import get_context
from multiprocessing.managers import SyncManager
from typing import TYPE_CHECKING

from counterclaim.domain import Analysis, Speaker
from counterclaim.nlp.common import ArticleInput, Cancelled

if TYPE_CHECKING:  # spaCy is imported in the child only: the window's process stays light
    from counterclaim.nlp.extract import Extractor
    from counterclaim.nlp.pairing import Verdict
    from counterclaim.nlp.views import Features

_extractor: Extractor | None = None


def _load(preferred_model: str | None) -> None:
    global _extractor
    from counterclaim.nlp.extract import Extractor

    _watch_parent(os.getppid())
    _extractor = Extractor.load(preferred_model, lasting=True)  # the process's own


def _watch_parent(parent: int, every: float = 1.0) -> None:
    """Leave when the window's process is gone, even if it was killed without a word."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _child() -> Extractor:
    assert _extractor is not None, "the pipeline process was not started with _load"
    return _extractor


def _ready() -> bool:
    return _extractor is not None


def _analyse(
    text: str,
    title: str | None,
    cancel: threading.Event | None = None,
    pieces: MutableMapping[int, tuple[int, int]] | None = None,
    key: int = 0,
) -> Analysis:
    """`cancel` and `pieces` are proxies of the parent's manager: the parent stops a long
    article between two pieces, and reads how many pieces are done."""

    def told(done: int, total: int) -> None:
        if pieces is not None:
            pieces[key] = (done, total)

    return _child().analyse(text, title, cancel, told)


def _statement_features(texts: list[str]) -> list[Features]:
    return _child().statement_features(texts)


def _compare(claim: str, counter: str) -> Verdict:
    return _child().compare(claim, counter)


def _compare_statements(
    claim: str, claim_speaker: Speaker | None, counter: str, counter_speaker: Speaker | None
) -> Verdict:
    return _child().compare_statements(claim, claim_speaker, counter, counter_speaker)


class ProcessExtractor:
    """An `Extractor` that runs in child processes (started with "spawn": no Qt state is
    copied into them), each with the pipeline loaded. Articles are analysed in parallel,
    one per process; results come back in article order."""

    def __init__(self, preferred_model: str | None = None, processes: int = 1) -> None:
        self.processes = max(1, processes)
        self._pool = ProcessPoolExecutor(
            max_workers=self.processes,
            mp_context=get_context("spawn"),
            initializer=_load,
            initargs=(preferred_model,),
        )
        self._manager: SyncManager | None = None
        if not self._pool.submit(_ready).result():
            raise RuntimeError("the English pipeline did not load in its process")

    def analyse(self, text: str, title: str | None = None) -> Analysis:
        return self._pool.submit(_analyse, text, title).result()

    def analyse_many(
        self,
        articles: Iterable[ArticleInput],
        cancel: threading.Event | None = None,
        progress: Callable[[int], None] | None = None,
        told: Callable[[int, int], None] | None = None,
    ) -> Iterator[Analysis]:
        """In order; a few articles ahead are given to the idle processes. A cancel stops
        the processes' articles between two pieces of a long one; `told` hears how many
        pieces of the article waited for are done."""
        waiting: deque[tuple[int, Future[Analysis]]] = deque()
        stop, pieces = self._shared()
        items = enumerate(articles)
        done = 0
        try:
            while True:
                while len(waiting) < 2 * self.processes:
                    item = next(items, None)
                    if item is None:
                        break
                    key, article = item
                    future = self._pool.submit(
                        _analyse, article.text, article.title, stop, pieces, key
                    )
                    waiting.append((key, future))
                if not waiting:
                    return
                key, future = waiting.popleft()
                analysis = self._wait(future, cancel, stop, partial(_told, pieces, key, told))
                yield analysis
                done += 1
                if progress is not None:
                    progress(done)
        finally:
            for _, future in waiting:
                future.cancel()
            stop.set()  # what is still running is not wanted any more

    def _shared(self) -> tuple[threading.Event, MutableMapping[int, tuple[int, int]]]:
        """A stop flag and a table of pieces done, seen by the child processes."""
        if self._manager is None:
            self._manager = get_context("spawn").Manager()
        return self._manager.Event(), self._manager.dict()

    @staticmethod
    def _wait(
        future: Future[Analysis],
        cancel: threading.Event | None,
        stop: threading.Event,
        tell: Callable[[], None],
    ) -> Analysis:
        while True:
            if cancel is not None and cancel.is_set():
                stop.set()
                raise Cancelled
            try:
                return future.result(timeout=_POLL_SECONDS)
            except FutureTimeout:
                tell()

    def statement_features(self, texts: list[str]) -> list[Features]:
        return self._pool.submit(_statement_features, texts).result()

    def compare(self, claim: str, counter: str) -> Verdict:
        return self._pool.submit(_compare, claim, counter).result()

    def compare_statements(
        self,
        claim: str,
        claim_speaker: Speaker | None,
        counter: str,
        counter_speaker: Speaker | None,
    ) -> Verdict:
        future = self._pool.submit(
            _compare_statements, claim, claim_speaker, counter, counter_speaker
        )
        return future.result()

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        if self._manager is not None:
            self._manager.shutdown()
            self._manager = None


_POLL_SECONDS = 0.25
"""How often the parent looks for a cancel, and for pieces done, while an article is read."""


def _told(
    pieces: MutableMapping[int, tuple[int, int]], key: int, told: Callable[[int, int], None] | None
) -> None:
    done = pieces.get(key)
    if told is not None and done is not None:
        told(*done)
