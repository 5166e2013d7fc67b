"""The spaCy pipeline in a process of its own, so that the window's thread never waits for
the interpreter lock while a long article is parsed. Same calls as `Extractor`; results
come back as the same plain dataclasses."""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context
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
    _extractor = Extractor.load(preferred_model)


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


def _analyse(text: str, title: str | None) -> Analysis:
    return _child().analyse(text, title)


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
        if not self._pool.submit(_ready).result():
            raise RuntimeError("the English pipeline did not load in its process")

    def analyse(self, text: str, title: str | None = None) -> Analysis:
        return self._pool.submit(_analyse, text, title).result()

    def analyse_many(
        self,
        articles: Iterable[ArticleInput],
        cancel: threading.Event | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> Iterator[Analysis]:
        """In order; a few articles ahead are given to the idle processes."""
        waiting: deque[Future[Analysis]] = deque()
        items = iter(articles)
        done = 0
        try:
            while True:
                while len(waiting) < 2 * self.processes:
                    item = next(items, None)
                    if item is None:
                        break
                    waiting.append(self._pool.submit(_analyse, item.text, item.title))
                if not waiting:
                    return
                if cancel is not None and cancel.is_set():
                    raise Cancelled
                analysis = waiting.popleft().result()
                if cancel is not None and cancel.is_set():
                    raise Cancelled
                yield analysis
                done += 1
                if progress is not None:
                    progress(done)
        finally:
            for future in waiting:
                future.cancel()

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
