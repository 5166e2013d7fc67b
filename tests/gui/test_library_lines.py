"""The library list on real articles: under each title a muted line says where the article
is from, its date and how many of its pairs are left to review."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from counterclaim.gui.library.articles import DetailPartsRole, DetailRole
from counterclaim.gui.library.delegate import fitted, title_lines
from tests.gui.conftest import RealLibrary


def test_the_second_line_has_outlet_date_and_pairs_left_to_review(
    qtbot: QtBot, real_library: RealLibrary
) -> None:
    bench, ids = real_library.bench, real_library.ids
    articles = bench.review.articles
    left = {}
    for key, article_id in ids.items():
        bench.review.show_article(article_id)
        left[key] = bench.review.pairs.to_review()
    assert left["rumours"] >= 2 and left["fnc-train-410"] >= 1

    def line(key: str) -> str:
        return str(articles.index(articles.row_of(ids[key])).data(DetailRole))

    assert line("rumours") == f"Desk notes · 2014-10-15 · {left['rumours']} pairs to review"
    # no outlet known: the file it came from
    assert line("fnc-train-410") == (
        f"fnc-train-410.txt · 2014-10-14 · {left['fnc-train-410']} pairs to review"
    )
    assert line("fnc-train-147").startswith("fnc-train-147.txt · ")

    bench.review.show_article(ids["rumours"])
    qtbot.keyClick(bench.window.pair_table, Qt.Key.Key_Y)  # confirm the selected pair
    fewer = left["rumours"] - 1
    assert line("rumours") == f"Desk notes · 2014-10-15 · {fewer} pairs to review"
    bench.window.undo_action.trigger()
    assert line("rumours") == f"Desk notes · 2014-10-15 · {left['rumours']} pairs to review"


def test_a_long_title_takes_two_lines_at_most(real_library: RealLibrary) -> None:
    """The Purdon article's headline needs more than two lines of the list: its second
    line ends in "…", and the item is two lines of title and one of detail high."""
    view = real_library.bench.window.library_list
    model = view.model()
    metrics = QFontMetrics(view.font())
    width = view.viewport().width() - 8  # the text's, inside its margins
    wrapped = Qt.TextFlag.TextWordWrap
    for row in range(model.rowCount()):
        title = model.index(row, 0).data()
        lines = title_lines(title, metrics, width)
        needed = metrics.boundingRect(0, 0, width, 10_000, wrapped, title).height()
        if needed > 2 * metrics.lineSpacing():
            assert len(lines) == 2 and lines[1].endswith("…")
        height = view.visualRect(model.index(row, 0)).height()
        assert height <= (len(lines) + 1) * metrics.lineSpacing() + 8
    articles = real_library.bench.review.articles
    purdon = articles.index(articles.row_of(real_library.ids["fnc-train-410"])).data()
    needed = metrics.boundingRect(0, 0, width, 10_000, wrapped, purdon).height()
    assert needed > 2 * metrics.lineSpacing()  # so the cut above was tried on it


def test_a_narrow_list_keeps_the_pairs_left_to_review(real_library: RealLibrary) -> None:
    """At 1280 px the list is narrow: what the line drops first is the outlet, then the
    date, never how many pairs are left to review."""
    view = real_library.bench.window.library_list
    articles = real_library.bench.review.articles
    index = articles.index(articles.row_of(real_library.ids["rumours"]))
    metrics = QFontMetrics(view.font())
    width = view.viewport().width() - 8
    parts = index.data(DetailPartsRole)
    assert parts[0] == "Desk notes" and parts[-1].endswith("pairs to review")
    assert metrics.horizontalAdvance(" · ".join(parts)) > width  # it does not all fit
    drawn = fitted(parts, metrics, width)
    assert drawn.endswith(parts[-1]) and "Desk notes" not in drawn
