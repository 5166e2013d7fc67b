"""The article as plain text, with our own highlights: never imported HTML.

Statements get a background in their side's colour, speaker mentions are bold in that
colour; the selected pair's two statements get a strong frame and the view scrolls to
them.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from counterclaim.domain import Analysis, Span, Statement, StatementMode

_Selection = QTextEdit.ExtraSelection
_SELECTED_PAIR = QTextFormat.Property.UserProperty + 1  # marks the selected pair's spans


class ArticleView(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setObjectName("articleView")
        self.setAccessibleName(self.tr("Article text"))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)
        self._base: list[_Selection] = []
        self._text = ""
        self._astral = False
        self.focused: tuple[Statement, ...] = ()

    def show_article(self, text: str, analysis: Analysis | None) -> None:
        self.setPlainText(text)  # plain text: nothing in the article is interpreted
        self._text = text
        self._astral = any(ord(ch) > 0xFFFF for ch in text)
        self._base = self._statement_selections(analysis) if analysis else []
        self.focused = ()
        self.setExtraSelections(self._base)

    def focus_statements(self, statements: tuple[Statement, ...], colours: tuple[str, ...]) -> None:
        """Frame the selected pair's statements and scroll so both are in view."""
        self.focused = statements
        strong = [
            self._selection(s.content, _strong_format(colour))
            for s, colour in zip(statements, colours, strict=True)
        ]
        self.setExtraSelections(self._base + strong)
        if statements:
            last = max(statements, key=lambda s: s.content.end)
            first = min(statements, key=lambda s: s.content.start)
            self._scroll_to(last.content)
            self._scroll_to(first.content)

    def highlighted_spans(self) -> list[tuple[Span, bool]]:
        """What is highlighted now: (span, whether it is the selected pair's)."""
        spans = []
        for selection in self.extraSelections():
            cursor = selection.cursor
            strong = selection.format.boolProperty(_SELECTED_PAIR)
            spans.append((Span(cursor.selectionStart(), cursor.selectionEnd()), strong))
        return spans

    def _statement_selections(self, analysis: Analysis) -> list[_Selection]:
        colours = {side.label: side.colour for side in analysis.sides}
        selections = []
        for statement in analysis.statements:
            speaker = analysis.speaker(statement.speaker_id)
            colour = colours.get(speaker.side or "", "#7f8c8d") if speaker else "#7f8c8d"
            spoken = statement.mode is StatementMode.SPEECH
            fmt = _soft_format(colour) if spoken else _faint_format(colour)
            selections.append(self._selection(statement.content, fmt))
            if statement.speaker_span is not None:
                selections.append(self._selection(statement.speaker_span, _speaker_format(colour)))
        return selections

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
