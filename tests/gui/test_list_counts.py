"""The library list shows its titles at once and each article's pairs left to review when
they are counted, off the GUI thread (counting takes ten times as long as listing in a
library of 10,000 articles); a review made meanwhile is never undone by an older count."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSize
from pytestqt.qtbot import QtBot

from counterclaim.domain import ArticleEntry
from counterclaim.gui.library.articles import ArticleListModel, DetailPartsRole, DetailRole
from counterclaim.gui.library.delegate import ArticleDelegate, LibraryList
from counterclaim.gui.tables import Index
from counterclaim.store import Library
from tests.large import open_workbench, store_large_article


def second_lines(bench_list: object) -> list[str]:
    model = bench_list.model()  # type: ignore[attr-defined]
    return [model.data(model.index(row), DetailRole) for row in range(model.rowCount())]


def test_titles_show_first_and_their_counts_come_from_another_thread(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "desk.sqlite"
    _, pairs = store_large_article(path, statements=20)
    store_large_article(path, statements=10)
    counted_on: list[str] = []
    let_go = threading.Event()
    article_list = Library.article_list

    def held(self: Library, *args: object, **kwargs: object) -> list[ArticleEntry]:
        if kwargs.get("counts", True) and not args:  # the whole list, counted
            counted_on.append(threading.current_thread().name)
            assert let_go.wait(30)
        return article_list(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Library, "article_list", held)
    bench = open_workbench(qtbot, path, tmp_path / "settings.ini")
    assert second_lines(bench.window.library_list) == ["counting pairs…"] * 2
    let_go.set()
    qtbot.waitUntil(lambda: "counting" not in " ".join(second_lines(bench.window.library_list)))
    assert second_lines(bench.window.library_list) == [
        f"{pairs} pairs to review",
        "5 pairs to review",
    ]
    assert counted_on and "MainThread" not in counted_on
    bench.close()


def test_a_review_made_while_counting_is_not_undone_by_the_older_count(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "desk.sqlite"
    _, pairs = store_large_article(path, statements=20)
    let_go, reading = threading.Event(), threading.Event()
    article_list = Library.article_list
    held_once: list[bool] = []

    def held(self: Library, *args: object, **kwargs: object) -> list[ArticleEntry]:
        found = article_list(self, *args, **kwargs)  # type: ignore[arg-type]
        if kwargs.get("counts", True) and not args and not held_once:  # read before the review
            held_once.append(True)
            reading.set()
            assert let_go.wait(30)
        return found

    monkeypatch.setattr(Library, "article_list", held)
    bench = open_workbench(qtbot, path, tmp_path / "settings.ini")
    assert reading.wait(30)
    bench.window.confirm_action.trigger()  # the first pair, confirmed while counting
    left = [f"{pairs - 1} pairs to review"]
    qtbot.waitUntil(lambda: second_lines(bench.window.library_list) == left)
    let_go.set()  # the count read before the review arrives, and is not shown
    qtbot.wait(200)
    qtbot.waitUntil(lambda: not bench.review.counts_pending)
    assert second_lines(bench.window.library_list) == left
    with Library.open(path) as library:
        assert [a.to_review for a in library.article_list()] == [pairs - 1]
    bench.close()


def test_counts_coming_in_are_painted_without_measuring_the_list_again(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a library of thousands, measuring every article again when the counts come in
    takes the window's time in batches for seconds; the counts change no article's size."""
    listed = [ArticleEntry(n, f"Article {n}", analysed=True, counted=False) for n in range(1, 401)]
    model = ArticleListModel()
    model.set_articles(listed)
    view = LibraryList()
    view.setModel(model)
    view.resize(300, 400)
    qtbot.addWidget(view)
    measured: list[int] = []
    painted: list[str] = []
    size_hint, paint = ArticleDelegate.sizeHint, ArticleDelegate.paint

    def measuring(self: ArticleDelegate, option: object, index: QModelIndex) -> QSize:
        measured.append(index.row())
        return size_hint(self, option, index)  # type: ignore[arg-type]

    def painting(self: ArticleDelegate, painter: object, option: object, index: Index) -> None:
        painted.append(" · ".join(index.data(DetailPartsRole)))
        paint(self, painter, option, index)  # type: ignore[arg-type]

    monkeypatch.setattr(ArticleDelegate, "sizeHint", measuring)
    monkeypatch.setattr(ArticleDelegate, "paint", painting)
    view.show()
    qtbot.waitUntil(lambda: len(measured) >= len(listed))  # laid out, in batches
    qtbot.wait(50)
    measured.clear()
    painted.clear()
    model.add_counts([replace(a, to_review=3, counted=True) for a in listed])
    qtbot.waitUntil(lambda: "3 pairs to review" in painted)
    qtbot.wait(200)
    assert len(measured) < 40, "the whole list was measured again"  # at most those in view
    assert all(p == "3 pairs to review" for p in painted)
