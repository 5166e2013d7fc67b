"""The pipeline in several processes: articles analysed in parallel come back in order."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import pytest

from counterclaim.nlp.common import ArticleInput, Cancelled
from counterclaim.nlp.pieces import PIECE_CHARS
from counterclaim.nlp.worker import ProcessExtractor

if TYPE_CHECKING:
    from counterclaim.nlp.extract import Extractor

TEXTS = [
    "Mayor Jane Smith said the bridge is safe.\n",
    "Kremlin spokesman Dmitriy Peskov said NATO is hostile to Russia. " * 40 + "\n",
    "Governor Tom Brown said the bridge will close in May.\n",
    "NATO said it is not hostile to Russia and poses no threat.\n",
    "The minister, Anna Berg, said taxes would not rise.\n",
]


def test_two_processes_give_the_analyses_in_article_order(extractor: Extractor) -> None:
    expected = list(extractor.analyse_many([ArticleInput(t) for t in TEXTS]))
    pool = ProcessExtractor(processes=2)
    try:
        done: list[int] = []
        found = list(pool.analyse_many([ArticleInput(t) for t in TEXTS], progress=done.append))
    finally:
        pool.close()
    assert found == expected  # the long second article does not let the third overtake it
    assert [a.features for a in found] == [a.features for a in expected]
    assert done == [1, 2, 3, 4, 5]


def test_a_long_article_in_a_process_is_cancelled_between_its_pieces() -> None:
    paragraph = "Crews worked through the night on the old road, and the river stayed high.\n\n"
    long = paragraph * (2 * PIECE_CHARS // len(paragraph) + 10)  # three pieces
    cancel = threading.Event()
    heard: list[tuple[int, int]] = []

    def told(done: int, pieces: int) -> None:
        heard.append((done, pieces))
        cancel.set()

    pool = ProcessExtractor(processes=1)
    try:
        with pytest.raises(Cancelled):
            list(pool.analyse_many([ArticleInput(long)], cancel, told=told))
        assert heard and heard[0][1] == 3  # the window can say "part 1 of 3"
        # the process is free again for the next article, long ones too
        (after,) = pool.analyse_many([ArticleInput(TEXTS[0])])
    finally:
        pool.close()
    assert [s.text for s in after.statements] == ["the bridge is safe"]
