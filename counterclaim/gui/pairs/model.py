"""An article's pairs as a table model: claim, rebuttal, speakers, score, status, verdict.

The article's own pairs come first, best score first; then a heading row, "Rebuttals from
other articles (12)", and under it, when the reviewer opens that section, the article's
claims answered in other articles of the library, best first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from counterclaim.domain import (
    Analysis,
    LibraryStatement,
    LinkStatus,
    Pair,
    Speaker,
    Statement,
)
from counterclaim.gui.pairs.excerpts import excerpt, full_statement, short_title
from counterclaim.gui.pairs.filters import NO_VERDICT, PairFilter
from counterclaim.gui.tables import HeadedTableModel, Index, ObjectRole

_HEADING = "heading"  # the heading row's key, where a pair row's is its pair's id()


class PairTableModel(HeadedTableModel):
    """The claim/rebuttal pairs of one article, then (under a heading row, while the
    section is open) its claims answered in other articles of the library."""

    CLAIM_SPEAKER, CLAIM, REBUTTAL_SPEAKER, REBUTTAL, SCORE, STATUS = range(6)
    HEADERS = ("Claim by", "Claim", "Rebuttal by", "Rebuttal", "Score", "Status")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._analysis: Analysis | None = None
        self._own_all: list[Pair] = []
        self._others_all: list[Pair] = []  # rebuttals in other articles
        self._own: list[Pair] = []  # those the filter lets through
        self._others: list[Pair] = []
        self._others_shown = True  # the other articles' section is open
        self._heading_open = True  # what the heading's mark says: follows the rows' coming
        self._filter = PairFilter()
        self._colours: dict[str, str] = {}
        self._elsewhere: dict[str, LibraryStatement] = {}  # by pair id
        self._said_elsewhere: dict[str, Speaker | None] = {}  # their speakers, by statement id

    def set_analysis(
        self,
        analysis: Analysis | None,
        elsewhere: list[tuple[Pair, LibraryStatement]] | None = None,
        colours: dict[str, str] | None = None,
    ) -> None:
        self.beginResetModel()
        self._analysis = analysis
        found = list(elsewhere or []) if analysis else []
        self._own_all = list(analysis.pairs) if analysis else []
        self._others_all = sorted((p for p, _ in found), key=lambda p: -p.score)
        self._elsewhere = {p.id or "": other for p, other in found}
        self._said_elsewhere = {other.statement.id: other.speaker for _, other in found}
        own = {s.label: s.colour for s in analysis.sides} if analysis else {}
        self._colours = own | dict(colours or {})  # the caller's (readable) colours win
        self._apply_filter()
        self.endResetModel()

    def set_filter(self, wanted: PairFilter) -> None:
        """Show only the pairs `wanted` lets through, in both sections. A change of layout,
        not a reset: the views keep a pair still shown selected, and measure no column
        again."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        kept = [self._key(i.row()) if i.isValid() else None for i in before]
        self._filter = wanted
        self._apply_filter()
        rows = {self._key(row): row for row in range(self.rowCount())}
        after = [
            self.index(rows[key], index.column()) if key in rows else QModelIndex()
            for key, index in zip(kept, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def set_others_shown(self, shown: bool) -> None:
        """Open or close the section of rebuttals from other articles: its rows come or go
        under the heading row, which stays."""
        if shown == self._others_shown:
            return
        heading = self.heading_row()
        if heading >= 0 and self._others:
            first, last = heading + 1, heading + len(self._others)
            if shown:
                self.beginInsertRows(QModelIndex(), first, last)
                self._others_shown = True
                self.endInsertRows()
            else:
                self.beginRemoveRows(QModelIndex(), first, last)
                self._others_shown = False
                self.endRemoveRows()
        self._others_shown = self._heading_open = shown  # the heading's mark, after its rows
        if heading >= 0:
            self.dataChanged.emit(self.index(heading, 0), self.index(heading, 0))

    def others_shown(self) -> bool:
        return self._others_shown

    def _apply_filter(self) -> None:
        self._own = [p for p in self._own_all if self._matches(p)]
        self._others = [p for p in self._others_all if self._matches(p)]

    def _key(self, row: int) -> object:
        return _HEADING if row == self.heading_row() else id(self.pair(row))

    def hidden_by_filter(self) -> int:
        return len(self._own_all) + len(self._others_all) - len(self.filtered_pairs())

    def analysis(self) -> Analysis | None:
        return self._analysis

    def all_pairs(self) -> list[Pair]:
        return self._own_all + self._others_all

    def filtered_pairs(self) -> list[Pair]:
        """The pairs the filter lets through, the other articles' section open or not."""
        return self._own + self._others

    def from_other_articles(self) -> int:
        """How many of the article's claims are answered in other articles."""
        return len(self._others_all)

    def heading_row(self) -> int:
        """The row of the other articles' heading; -1 when no claim is answered elsewhere."""
        return len(self._own) if self._others_all else -1

    def is_pair(self, row: int) -> bool:
        return 0 <= row < self.rowCount() and row != self.heading_row()

    def pair_rows(self) -> list[int]:
        """The rows that hold a pair, top to bottom (the heading row left out)."""
        return [row for row in range(self.rowCount()) if row != self.heading_row()]

    def row_of(self, link_id: str | None) -> int:
        return next((r for r in self.pair_rows() if self.pair(r).id == link_id), -1)

    def nearest_pair_row(self, row: int) -> int:
        """The pair row at `row`, or the closest one above it (below if none is); -1 if
        no pair is shown."""
        rows = self.pair_rows()
        above = [r for r in rows if r <= row]
        return above[-1] if above else (rows[0] if rows else -1)

    def _matches(self, pair: Pair) -> bool:
        wanted = self._filter
        if wanted.is_empty():
            return True
        if wanted.status is not None and pair.status != wanted.status:
            return False
        if wanted.relation is not None and pair.relation != wanted.relation:
            return False
        if wanted.verdict is not None and (pair.verdict or NO_VERDICT) != wanted.verdict:
            return False
        if wanted.speaker is None and wanted.side is None:
            return True
        speakers = [self.speaker(s) for s in self._ends(pair)]
        if wanted.speaker is not None and wanted.speaker not in {
            s.name for s in speakers if s is not None
        }:
            return False
        return wanted.side is None or wanted.side in {s.side for s in speakers if s is not None}

    def _ends(self, pair: Pair) -> tuple[Statement, Statement]:
        assert self._analysis is not None
        other = self._elsewhere.get(pair.id or "")
        rebuttal = other.statement if other else self._analysis.statement(pair.rebuttal_id)
        return self._analysis.statement(pair.claim_id), rebuttal

    def pair(self, row: int) -> Pair:
        """The pair on a pair row (not the heading's)."""
        if row < len(self._own):
            return self._own[row]
        if row == self.heading_row() or not self._others_shown:
            raise IndexError(f"row {row} holds no pair")
        return self._others[row - len(self._own) - 1]

    def replace_pair(self, pair: Pair) -> int:
        """Show a pair's new review; returns its row (-1 if it is not shown)."""
        self._own_all = [pair if p.id == pair.id else p for p in self._own_all]
        self._others_all = [pair if p.id == pair.id else p for p in self._others_all]
        self._own = [pair if p.id == pair.id else p for p in self._own]
        self._others = [pair if p.id == pair.id else p for p in self._others]
        row = self.row_of(pair.id)
        if row >= 0:
            first, last = self.index(row, 0), self.index(row, self.columnCount() - 1)
            self.dataChanged.emit(first, last)
        return row

    def to_review(self) -> int:
        """How many pairs no reviewer has confirmed or rejected yet."""
        return sum(p.status is LinkStatus.SUGGESTED for p in self.all_pairs())

    def elsewhere(self, row: int) -> LibraryStatement | None:
        """Where the rebuttal was said, when it is in another article."""
        return self._elsewhere.get(self.pair(row).id or "")

    def statements(self, row: int) -> tuple[Statement, Statement]:
        return self._ends(self.pair(row))

    def speaker(self, statement: Statement) -> Speaker | None:
        if statement.id in self._said_elsewhere:
            return self._said_elsewhere[statement.id]
        return self._analysis.speaker(statement.speaker_id) if self._analysis else None

    def colour(self, statement: Statement, fallback: str) -> str:
        speaker = self.speaker(statement)
        return self._colours.get(speaker.side or "", fallback) if speaker else fallback

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        if parent.isValid():
            return 0
        if not self._others_all:
            return len(self._own)
        return len(self._own) + 1 + (len(self._others) if self._others_shown else 0)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.isValid() and index.row() == self.heading_row():
            return Qt.ItemFlag.ItemIsEnabled  # a heading: clicked to open or close, not chosen
        return super().flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row, column = index.row(), index.column()
        if row == self.heading_row():
            return self._heading_data(column, role)
        if role == ObjectRole:
            return self.pair(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column in (self.SCORE, self.STATUS):
                return self._text(row, column, None, role)
            claim, rebuttal = self.statements(row)
            at_claim = column in (self.CLAIM_SPEAKER, self.CLAIM)
            return self._text(row, column, claim if at_claim else rebuttal, role)
        if role == Qt.ItemDataRole.ForegroundRole and column in (
            self.CLAIM_SPEAKER,
            self.REBUTTAL_SPEAKER,
        ):
            claim, rebuttal = self.statements(row)
            speaker = self.speaker(claim if column == self.CLAIM_SPEAKER else rebuttal)
            colour = self._colours.get(speaker.side or "") if speaker else None
            return QColor(colour) if colour else None
        return None

    def heading_text(self) -> str:
        """The heading row's words: how many rebuttals from other articles there are (of
        them, how many the filter shows), and whether they are shown."""
        total, shown = len(self._others_all), len(self._others)
        count = f"{shown} of {total}" if shown != total else f"{total}"
        mark = "▾" if self._heading_open else "▸"
        return self.tr("{mark} Rebuttals from other articles ({count})").format(
            mark=mark, count=count
        )

    def _heading_data(self, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return self.heading_text()
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("Click to hide the rebuttals from other articles (Ctrl+Shift+R)")
                if self._heading_open
                else self.tr("Click to show the rebuttals from other articles (Ctrl+Shift+R)")
            )
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, row: int, column: int, statement: Statement | None, role: int) -> str:
        """A cell's words; `statement` is the claim's or the rebuttal's, as the column is."""
        pair = self.pair(row)
        if column == self.SCORE:
            return f"{pair.score:.2f}"
        if column == self.STATUS:
            status = self.tr(pair.status.value)
            return f"{status}: {pair.verdict}" if pair.verdict else status
        assert statement is not None
        speaker = self.speaker(statement)
        name = speaker.name if speaker else statement.speaker_text
        other = self.elsewhere(row) if column in (self.REBUTTAL_SPEAKER, self.REBUTTAL) else None
        tip = role == Qt.ItemDataRole.ToolTipRole
        if column in (self.CLAIM_SPEAKER, self.REBUTTAL_SPEAKER):
            return full_statement(name, None, other if tip else None)
        if tip:
            return full_statement(name, statement, other)
        if other is not None:  # under the heading: which article the rebuttal is in
            return f"“{short_title(other.article_title)}” · {excerpt(statement.text)}"
        return excerpt(statement.text)
