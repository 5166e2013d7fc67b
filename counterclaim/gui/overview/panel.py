"""The article at a glance: the claims nobody answers yet, and how the sides share the words.

Speaker names and claims come from the article and are shown as plain text only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from counterclaim.domain import Analysis, Pair, Statement
from counterclaim.gui.tables import ChoosingTable, HeadedTableModel, Index, ObjectRole
from counterclaim.overview import NO_SIDE, Balance, SideBalance, balance, unanswered_claims
from counterclaim.text import shorten, visible


class UnansweredModel(HeadedTableModel):
    """Claims without a rebuttal, in the order the article tells them."""

    SPEAKER, SIDE, CLAIM = range(3)
    HEADERS = ("Speaker", "Side", "Claim")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._analysis: Analysis | None = None
        self._claims: list[Statement] = []

    def set_claims(self, analysis: Analysis | None, statements: Sequence[Statement]) -> None:
        self.beginResetModel()
        self._analysis = analysis
        self._claims = list(statements) if analysis else []
        self.endResetModel()

    def claim(self, row: int) -> Statement:
        return self._claims[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._claims)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._claims):
            return None
        claim = self._claims[index.row()]
        if role == ObjectRole:
            return claim
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(claim, index.column(), role)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.SIDE:
            colour = self._colour(claim)
            return QColor(colour) if colour else None
        return None

    def _text(self, claim: Statement, column: int, role: int) -> str | None:
        assert self._analysis is not None
        speaker = self._analysis.speaker(claim.speaker_id)
        if column == self.SPEAKER:
            return visible(speaker.name if speaker else claim.speaker_text)
        if column == self.SIDE:
            return visible(speaker.side) if speaker and speaker.side else self.tr("No side")
        if column == self.CLAIM:
            text = " ".join(claim.text.split())
            return shorten(text, 100) if role == Qt.ItemDataRole.DisplayRole else text
        return None

    def _colour(self, claim: Statement) -> str | None:
        assert self._analysis is not None
        speaker = self._analysis.speaker(claim.speaker_id)
        colours = {side.label: side.colour for side in self._analysis.sides}
        return colours.get(speaker.side) if speaker and speaker.side else None


class BalanceModel(HeadedTableModel):
    """Each side's speakers, statements, words and share, and whether it opens or closes."""

    SIDE, SPEAKERS, STATEMENTS, WORDS, SHARE, FIRST_LAST = range(6)
    HEADERS = ("Side", "Speakers", "Statements", "Words", "Share", "Speaks first/last")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sides: tuple[SideBalance, ...] = ()

    def set_balance(self, result: Balance | None) -> None:
        self.beginResetModel()
        self._sides = result.sides if result else ()
        self.endResetModel()

    def side(self, row: int) -> SideBalance:
        return self._sides[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._sides)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._sides):
            return None
        side, column = self._sides[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(side, column)
        if role == ObjectRole:
            return side
        if role == Qt.ItemDataRole.ForegroundRole and column == self.SIDE:
            return QColor(side.colour) if side.side != NO_SIDE else None
        if role == Qt.ItemDataRole.TextAlignmentRole and self.SPEAKERS <= column <= self.SHARE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, side: SideBalance, column: int) -> str | None:
        if column == self.SIDE:
            return self.tr("No side") if side.side == NO_SIDE else side.side
        numbers = {self.SPEAKERS: side.speakers, self.STATEMENTS: side.statements}
        numbers[self.WORDS] = side.words
        if column in numbers:
            return str(numbers[column])
        if column == self.SHARE:
            return f"{round(side.share * 100)}%"
        if column == self.FIRST_LAST:
            return self._first_last(side)
        return None

    def _first_last(self, side: SideBalance) -> str:
        spoken = [s for s in self._sides if s.first is not None and s.last is not None]
        first = bool(spoken) and side is min(spoken, key=lambda s: s.first or 0)
        last = bool(spoken) and side is max(spoken, key=lambda s: s.last or 0)
        if first and last:
            return self.tr("first and last")
        if first:
            return self.tr("first")
        return self.tr("last") if last else ""


class OverviewPanel(QWidget):
    """ "Unanswered claims: N" over their table, then "Balance" over the sides' shares and
    who speaks first and last."""

    claim_chosen = Signal(object)  # Statement, on double-click or Enter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewPanel")
        self.setAccessibleName(self.tr("Overview of the article"))
        self.unanswered = UnansweredModel(self)
        self.balance = BalanceModel(self)
        self.unanswered_heading = _heading(self, "unansweredHeading")
        self.unanswered_table = self._table("unansweredTable", self.unanswered)
        self.unanswered_table.setAccessibleName(self.tr("Claims without a rebuttal"))
        self.balance_heading = _heading(self, "balanceHeading")
        self.balance_heading.setText(self.tr("Balance"))
        self.balance_table = self._table("balanceTable", self.balance)
        self.balance_table.setAccessibleName(self.tr("How the sides share the article's words"))
        self.speakers_line = QLabel(self)
        self.speakers_line.setObjectName("firstLastSpeakers")
        self.speakers_line.setTextFormat(Qt.TextFormat.PlainText)
        self.speakers_line.setWordWrap(True)
        self._size_columns()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.unanswered_heading)
        layout.addWidget(self.unanswered_table, 2)
        layout.addWidget(self.balance_heading)
        layout.addWidget(self.balance_table)
        layout.addWidget(self.speakers_line)
        self.unanswered_table.row_chosen.connect(self._on_claim_chosen)
        self.show_analysis(None)

    def show_analysis(
        self, analysis: Analysis | None, elsewhere_pairs: Sequence[Pair] = ()
    ) -> None:
        claims = unanswered_claims(analysis, elsewhere_pairs) if analysis else []
        result = balance(analysis) if analysis else None
        self.unanswered.set_claims(analysis, claims)
        self.balance.set_balance(result)
        self._fit_balance_table()
        self.unanswered_heading.setText(self.tr("Unanswered claims: {n}").format(n=len(claims)))
        self.speakers_line.setText(self._first_and_last(result))

    def _first_and_last(self, result: Balance | None) -> str:
        if result is None:
            return ""
        if result.first_speaker is None or result.last_speaker is None:
            return self.tr("Nobody speaks in this article.")
        return self.tr("First to speak: {first}. Last to speak: {last}.").format(
            first=result.first_speaker, last=result.last_speaker
        )

    def _fit_balance_table(self) -> None:
        """A few sides: as tall as its rows, so the unanswered claims get the room."""
        table = self.balance_table
        rows = max(1, self.balance.rowCount())
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        height += rows * table.verticalHeader().defaultSectionSize()
        table.setFixedHeight(height)

    def _on_claim_chosen(self, row: int) -> None:
        self.claim_chosen.emit(self.unanswered.claim(row))

    def _table(self, name: str, model: HeadedTableModel) -> ChoosingTable:
        table = ChoosingTable(self)
        table.setObjectName(name)
        table.setModel(model)
        return table

    def _size_columns(self) -> None:
        fit, stretch = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
        header = self.unanswered_table.horizontalHeader()
        header.setSectionResizeMode(UnansweredModel.SPEAKER, fit)
        header.setSectionResizeMode(UnansweredModel.SIDE, fit)
        header.setSectionResizeMode(UnansweredModel.CLAIM, stretch)
        header = self.balance_table.horizontalHeader()
        header.setSectionResizeMode(fit)
        header.setStretchLastSection(True)


def _heading(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font: QFont = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
