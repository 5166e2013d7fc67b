"""Finding words in the article from the keyboard: type, Enter, Shift+Enter, Escape."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from counterclaim.domain import Analysis, Side, Span, Speaker, SpeakerKind, Statement, StatementKind
from counterclaim.gui.article.find import FindBar
from counterclaim.gui.article.view import ArticleView

TEXT = (
    "Peskov said NATO is hostile. NATO said it is not hostile.\n"
    "An analyst 🙂 said nato and Russia talk past each other.\n"
    "Nobody else spoke."
)


@pytest.fixture
def bar(qtbot: QtBot) -> Iterator[FindBar]:
    window = QWidget()
    view = ArticleView(window)
    find = FindBar(view, window)
    layout = QVBoxLayout(window)
    layout.addWidget(view)
    layout.addWidget(find)
    qtbot.addWidget(window)
    speaker = Speaker("p", "Peskov", SpeakerKind.PERSON, side="Russia")
    said = Statement("s1", "p", "Peskov", "said", StatementKind.INDIRECT, Span(12, 27), TEXT[12:27])
    view.show_article(TEXT, Analysis((speaker,), (said,), (), (Side("Russia", "#c0392b"),)))
    window.show()
    qtbot.waitExposed(window)
    view.setFocus()
    yield find  # the window lives as long as the test


def article_view(find: FindBar) -> ArticleView:
    """The view the bar searches (FindBar keeps it as a plain text edit)."""
    assert isinstance(find._view, ArticleView)
    return find._view


def selected(find: FindBar) -> tuple[int, str]:
    cursor = find._view.textCursor()
    return cursor.selectionStart(), cursor.selectedText()


def test_typing_finds_the_first_match_case_insensitively(qtbot: QtBot, bar: FindBar) -> None:
    bar.open()
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "nato")
    assert bar.matches() == 3
    assert selected(bar) == (12, "NATO")
    assert bar.count.text() == "1 of 3"


def test_enter_moves_on_and_wraps_around(qtbot: QtBot, bar: FindBar) -> None:
    bar.open()
    qtbot.keyClicks(bar.field, "nato")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 3"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    start, word = selected(bar)
    assert word == "nato" and bar.current() == 3
    assert TEXT[start - 1 : start - 1 + 4] == "nato"  # the emoji takes two positions in Qt
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "1 of 3"


def test_shift_enter_goes_back_and_wraps_to_the_last(qtbot: QtBot, bar: FindBar) -> None:
    bar.open()
    qtbot.keyClicks(bar.field, "hostile")
    assert bar.count.text() == "1 of 2"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == "2 of 2"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == "1 of 2"


def test_buttons_do_what_the_keys_do(qtbot: QtBot, bar: FindBar) -> None:
    bar.open()
    qtbot.keyClicks(bar.field, "said")
    qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    assert bar.count.text() == "2 of 3"
    qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    assert bar.count.text() == "3 of 3"


def test_nothing_found_says_so_and_keeps_the_selection(qtbot: QtBot, bar: FindBar) -> None:
    bar.open()
    qtbot.keyClicks(bar.field, "nat")
    qtbot.keyClicks(bar.field, "ional")
    assert bar.count.text() == "Not found"
    assert bar.matches() == 0 and bar.current() == 0
    assert selected(bar) == (12, "NAT")
    assert not bar.next_button.isEnabled()


def test_escape_closes_and_gives_the_article_back_its_focus(qtbot: QtBot, bar: FindBar) -> None:
    bar.open()
    qtbot.keyClicks(bar.field, "nato")
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert bar._view.hasFocus()
    assert selected(bar) == (12, "NATO")  # the match stays selected


def test_open_prefills_the_words_selected_in_the_article(qtbot: QtBot, bar: FindBar) -> None:
    view = bar._view
    cursor = view.textCursor()
    cursor.setPosition(20)
    cursor.setPosition(27, cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    bar.open()
    assert bar.field.text() == "hostile"
    assert bar.field.selectedText() == "hostile"  # typing replaces it
    assert bar.count.text() == "1 of 2"


def test_the_highlights_are_left_alone(qtbot: QtBot, bar: FindBar) -> None:
    before = article_view(bar).highlighted_spans()
    bar.open()
    qtbot.keyClicks(bar.field, "said")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert article_view(bar).highlighted_spans() == before != []


def test_a_new_article_updates_the_count(qtbot: QtBot, bar: FindBar) -> None:
    bar.open()
    qtbot.keyClicks(bar.field, "nato")
    article_view(bar).show_article("Only NATO here.", None)
    assert bar.count.text() == "1 match"
