"""Showing an article reads it, its analysis, the sides and its links elsewhere in a few
queries, however many statements it has."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counterclaim.domain import ArticleMeta
from tests.large import open_workbench, store_large_article
from tests.sql import sql_sent


def test_showing_an_article_of_180_statements_takes_a_few_queries(
    qtbot: QtBot, library_path: Path, tmp_path: Path
) -> None:
    article_id, pairs = store_large_article(library_path, statements=180)
    bench = open_workbench(qtbot, library_path, tmp_path / "settings.ini")
    other, _ = bench.library.add_article(ArticleMeta("Another"), "Nobody said a thing.", "h")
    bench.review.show_article(other)
    with sql_sent(bench.library) as sent:
        bench.review.show_article(article_id)
    assert bench.review.pairs.rowCount() == pairs
    assert bench.window.article_view.toPlainText().startswith("Dmitriy Peskov said")
    assert len(sent) <= 8  # the article, speakers, statements, pairs, sides, links elsewhere


def test_selecting_a_pair_or_scrolling_measures_no_line_again(
    qtbot: QtBot, library_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_large_article(library_path, statements=180)
    bench = open_workbench(qtbot, library_path, tmp_path / "settings.ini")
    bands = bench.window.bands
    first = bands.geometry_of_bands()
    measured: list[int] = []
    measure = bands._measure_text_y

    def counting(at: int, edge: int) -> float:
        measured.append(at)
        return measure(at, edge)

    monkeypatch.setattr(bands, "_measure_text_y", counting)
    qtbot.keyClick(bench.window.pair_table, Qt.Key.Key_J)
    after = bands.geometry_of_bands()
    assert measured == []
    assert after and len(after) == len(first)
    bar = bench.window.article_view.verticalScrollBar()
    bar.setValue(bar.maximum())
    scrolled = bands.geometry_of_bands()
    assert [b.left_top for b in scrolled] != [b.left_top for b in after]  # the bands follow
    bar.setValue(0)
    assert [b.left_top for b in bands.geometry_of_bands()] == [b.left_top for b in after]
    # the article is one paragraph here: each line's place in it was measured once
    assert measured == []
