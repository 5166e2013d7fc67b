"""The pipeline in several processes: articles analysed in parallel come back in order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counterclaim.nlp.common import ArticleInput
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
