"""Find in the article: a bar under the article view, as in a browser.

The match is shown as the view's selection (setTextCursor); the view's extra selections
are its highlights and are left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QWidget,
)

_PREFILL_LIMIT = 200  # a longer selection is not something one searches for


class FindBar(QWidget):
    """Search field, Previous and Next, "2 of 5", close. Case-insensitive, wraps around."""

    def __init__(self, view: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAccessibleName(self.tr("Find in the article"))
        self._view = view
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setAccessibleName(self.tr("Find in the article"))
        self.field.setPlaceholderText(self.tr("Find in the article"))
        self.field.setClearButtonEnabled(True)
        self.previous_button = self._button("findPrevious", self.tr("Previous"))
        self.previous_button.setToolTip(self.tr("Previous match (Shift+Enter)"))
        self.next_button = self._button("findNext", self.tr("Next"))
        self.next_button.setToolTip(self.tr("Next match (Enter)"))
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setAccessibleName(self.tr("Matches"))
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("findClose")
        self.close_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton)
        )
        self.close_button.setAccessibleName(self.tr("Close the find bar"))
        self.close_button.setToolTip(self.tr("Close (Escape)"))
        self.close_button.setAutoRaise(True)
        self._lay_out()
        self.field.textEdited.connect(self._on_text_edited)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.close_bar)
        self.field.installEventFilter(self)
        view.textChanged.connect(self._on_view_text_changed)
        self.hide()

    def open(self) -> None:
        """Show the bar with the field focused and its text selected, prefilled with the
        words selected in the article, if any."""
        selected = self._view.textCursor().selectedText()
        if selected and len(selected) <= _PREFILL_LIMIT and "\u2029" not in selected:
            self.field.setText(selected)
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self._show_count()

    def close_bar(self) -> None:
        self.hide()
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)

    def find_next(self) -> None:
        """Select the next match after the current selection, wrapping to the first."""
        matches = self._matches()
        if matches:
            at = bisect_left(matches, (self._view.textCursor().selectionEnd(), -1))
            self._select(matches[at % len(matches)])
        self._show_count()

    def find_previous(self) -> None:
        """Select the match before the current selection, wrapping to the last."""
        matches = self._matches()
        if matches:
            at = bisect_left(matches, (self._view.textCursor().selectionStart(), -1)) - 1
            self._select(matches[at % len(matches)])
        self._show_count()

    def matches(self) -> int:
        return len(self._matches())

    def current(self) -> int:
        """Which match the article's selection is, counting from 1; 0 if it is none."""
        cursor = self._view.textCursor()
        found = (cursor.selectionStart(), cursor.selectionEnd())
        matches = self._matches()
        at = bisect_left(matches, found)
        return at + 1 if at < len(matches) and matches[at] == found else 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and isinstance(event, QKeyEvent):
            keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)
            if event.key() in keys:
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()  # ours while the field has focus, not the window's
                    return True
                if event.type() == QEvent.Type.KeyPress:
                    self._on_key(event)
                    return True
        return super().eventFilter(watched, event)

    def _on_key(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.find_previous()
        else:
            self.find_next()

    def _on_text_edited(self, _text: str) -> None:
        """Search as one types, from where the current match (or the cursor) starts."""
        matches = self._matches()
        if matches:
            at = bisect_left(matches, (self._view.textCursor().selectionStart(), -1))
            self._select(matches[at % len(matches)])
        self._show_count()

    def _on_view_text_changed(self) -> None:
        if self.isVisible():
            self._show_count()

    def _matches(self) -> list[tuple[int, int]]:
        """(start, end) of every match, in the document's positions (UTF-16 units)."""
        query = self.field.text()
        if not query:
            return []
        text = self._view.toPlainText()
        found = [(m.start(), m.end()) for m in re.finditer(re.escape(query), text, re.IGNORECASE)]
        astral = [n for n, ch in enumerate(text) if ord(ch) > 0xFFFF]
        if not astral:
            return found
        return [(s + bisect_left(astral, s), e + bisect_left(astral, e)) for s, e in found]

    def _select(self, match: tuple[int, int]) -> None:
        start, end = match
        cursor = QTextCursor(self._view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self._view.setTextCursor(cursor)
        self._view.ensureCursorVisible()

    def _show_count(self) -> None:
        total, current = self.matches(), self.current()
        if not self.field.text():
            self.count.setText("")
        elif total == 0:
            self.count.setText(self.tr("Not found"))
        elif current:
            self.count.setText(self.tr("{n} of {total}").format(n=current, total=total))
        elif total == 1:
            self.count.setText(self.tr("1 match"))
        else:
            self.count.setText(self.tr("{total} matches").format(total=total))
        self.previous_button.setEnabled(total > 0)
        self.next_button.setEnabled(total > 0)

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setAutoDefault(False)
        return button

    def _lay_out(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count)
        layout.addWidget(self.close_button)
