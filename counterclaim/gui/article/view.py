"""The article as plain text, with our own highlights: never imported HTML.

Statements get a background in their side's colour, speaker mentions are bold in that
colour (both laid into the text's lines, `Highlights`); the selected pair's two statements
get a strong frame drawn over the text and the view scrolls to them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from counterclaim.colours import NO_SIDE_COLOUR
from counterclaim.domain import Analysis, Span, Statement, StatementMode
from counterclaim.gui.article.highlights import Highlights, Mark

_Selection = QTextEdit.ExtraSelection
_SELECTED_PAIR = QTextFormat.Property.UserProperty + 1  # marks the selected pair's spans


class ArticleView(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setObjectName("articleView")
        self.setAccessibleName(self.tr("Article text"))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)
        self._highlights = Highlights(self.document())
        self._text = ""
        self._astral = False
        self.focused: tuple[Statement, ...] = ()
        self.analysis: Analysis | None = None
        self.colours: dict[str, str] = {}  # side label -> colour, as shown

    def show_article(self, text: str, analysis: Analysis | None) -> None:
        self._highlights.forget()
        self.setPlainText(text)  # plain text: nothing in the article is interpreted
        self._text = text
        self._astral = any(ord(ch) > 0xFFFF for ch in text)
        self._highlights.set_marks(self._statement_marks(analysis) if analysis else [])
        self.analysis = analysis
        self.focused = ()
        self.setExtraSelections([])

    def focus_statements(self, statements: tuple[Statement, ...], colours: tuple[str, ...]) -> None:
        """Frame the selected pair's statements and scroll so both are in view."""
        self.focused = statements
        strong = [
            self._selection(s.content, _strong_format(colour))
            for s, colour in zip(statements, colours, strict=True)
        ]
        self.setExtraSelections(strong)
        if statements:
            last = max(statements, key=lambda s: s.content.end)
            first = min(statements, key=lambda s: s.content.start)
            self._scroll_to(last.content)
            self._scroll_to(first.content)

    def document_range(self, span: Span) -> tuple[int, int]:
        """Where `span` (Python offsets into the text) is in the view's document."""
        return self._position(span.start), self._position(span.end)

    def selected_span(self) -> Span | None:
        """The words the reader selected, as offsets into the article's text."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return Span(self._offset(cursor.selectionStart()), self._offset(cursor.selectionEnd()))

    def statement_at_cursor(self) -> Statement | None:
        """The statement the text cursor is in (the shortest, if they nest)."""
        if self.analysis is None:
            return None
        offset = self._offset(self.textCursor().position())
        inside = [s for s in self.analysis.statements if s.content.start <= offset < s.content.end]
        return min(inside, key=lambda s: s.content.end - s.content.start, default=None)

    def show_statement(self, statement: Statement) -> None:
        """Scroll to a statement and select its words."""
        start, end = self.document_range(statement.content)
        cursor = QTextCursor(self.document())
        cursor.setPosition(end)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def highlights(self) -> list[tuple[Span, QTextCharFormat]]:
        """What is highlighted now, as (document span, format): the statements and the
        speakers' names, then the selected pair's frames."""
        found = [(Span(start, end), fmt) for start, end, fmt in self._highlights.marks()]
        for selection in self.extraSelections():
            cursor = selection.cursor
            span, fmt = Span(cursor.selectionStart(), cursor.selectionEnd()), selection.format
            found.append((span, QTextCharFormat(fmt)))  # a copy: the selection's goes with it
        return found

    def highlighted_spans(self) -> list[tuple[Span, bool]]:
        """What is highlighted now: (span, whether it is the selected pair's)."""
        return [(span, fmt.boolProperty(_SELECTED_PAIR)) for span, fmt in self.highlights()]

    def _statement_marks(self, analysis: Analysis) -> list[Mark]:
        colours = {side.label: side.colour for side in analysis.sides} | self.colours
        marks = []
        for statement in analysis.statements:
            speaker = analysis.speaker(statement.speaker_id)
            colour = colours.get(speaker.side or "", NO_SIDE_COLOUR) if speaker else NO_SIDE_COLOUR
            spoken = statement.mode is StatementMode.SPEECH
            fmt = _soft_format(colour) if spoken else _faint_format(colour)
            marks.append((*self.document_range(statement.content), fmt))
            if statement.speaker_span is not None:
                marks.append(
                    (*self.document_range(statement.speaker_span), _speaker_format(colour))
                )
        return marks

    def _selection(self, span: Span, fmt: QTextCharFormat) -> _Selection:
        selection = _Selection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._position(span.start))
        cursor.setPosition(self._position(span.end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def _scroll_to(self, span: Span) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._position(span.start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def _offset(self, position: int) -> int:
        """A Qt document position as a Python offset into the text."""
        if not self._astral:
            return position
        units = 0
        for index, ch in enumerate(self._text):
            if units >= position:
                return index
            units += 2 if ord(ch) > 0xFFFF else 1
        return len(self._text)

    def _position(self, offset: int) -> int:
        """Python offsets count code points; Qt counts UTF-16 units (emoji take two)."""
        if not self._astral:
            return offset
        return offset + sum(1 for ch in self._text[:offset] if ord(ch) > 0xFFFF)


def _soft_format(colour: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    background = QColor(colour)
    background.setAlpha(48)
    fmt.setBackground(background)
    return fmt


def _faint_format(colour: str) -> QTextCharFormat:
    """Beliefs, stances, topics and hedged statements: marked, but quieter than speech."""
    fmt = QTextCharFormat()
    fmt.setUnderlineColor(QColor(colour))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    return fmt


def _speaker_format(colour: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(colour))
    fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


def _strong_format(colour: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setProperty(_SELECTED_PAIR, True)
    background = QColor(colour)
    background.setAlpha(110)
    fmt.setBackground(background)
    fmt.setFontUnderline(True)
    fmt.setUnderlineColor(QColor(colour))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    return fmt
