"""An article's pairs as a table model: claim, rebuttal, speakers, score, status, verdict."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from counterclaim.domain import (
    Analysis,
    LibraryStatement,
    LinkStatus,
    Pair,
    Speaker,
    Statement,
)
from counterclaim.gui.pairs.filters import NO_VERDICT, PairFilter
from counterclaim.gui.tables import HeadedTableModel, Index, ObjectRole
from counterclaim.text import shorten, visible


class PairTableModel(HeadedTableModel):
    """The claim/rebuttal pairs of one article, best score first, then its claims answered
    in other articles of the library."""

    CLAIM_SPEAKER, CLAIM, REBUTTAL_SPEAKER, REBUTTAL, SCORE, STATUS = range(6)
    HEADERS = ("Claim by", "Claim", "Rebuttal by", "Rebuttal", "Score", "Status")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._analysis: Analysis | None = None
        self._all: list[Pair] = []
        self._pairs: list[Pair] = []  # those the filter lets through
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
        self._all = (list(analysis.pairs) if analysis else []) + [p for p, _ in found]
        self._elsewhere = {p.id or "": other for p, other in found}
        self._said_elsewhere = {other.statement.id: other.speaker for _, other in found}
        own = {s.label: s.colour for s in analysis.sides} if analysis else {}
        self._colours = own | dict(colours or {})  # the caller's (readable) colours win
        self._pairs = [p for p in self._all if self._matches(p)]
        self.endResetModel()

    def set_filter(self, wanted: PairFilter) -> None:
        """Show only the pairs `wanted` lets through. A change of layout, not a reset: the
        views keep a pair still shown selected, and measure no column again."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        kept = [id(self._pairs[i.row()]) if i.isValid() else None for i in before]
        self._filter = wanted
        self._pairs = [p for p in self._all if self._matches(p)]
        rows = {id(pair): row for row, pair in enumerate(self._pairs)}
        after = [
            self.index(rows[key], index.column()) if key in rows else QModelIndex()
            for key, index in zip(kept, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def hidden_by_filter(self) -> int:
        return len(self._all) - len(self._pairs)

    def analysis(self) -> Analysis | None:
        return self._analysis

    def all_pairs(self) -> list[Pair]:
        return list(self._all)

    def row_of(self, link_id: str | None) -> int:
        return next((n for n, p in enumerate(self._pairs) if p.id == link_id), -1)

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
        return self._pairs[row]

    def replace_pair(self, pair: Pair) -> int:
        """Show a pair's new review; returns its row (-1 if it is not shown)."""
        self._all = [pair if p.id == pair.id else p for p in self._all]
        row = self.row_of(pair.id)
        if row >= 0:
            self._pairs[row] = pair
            first, last = self.index(row, 0), self.index(row, self.columnCount() - 1)
            self.dataChanged.emit(first, last)
        return row

    def to_review(self) -> int:
        """How many pairs no reviewer has confirmed or rejected yet."""
        return sum(p.status is LinkStatus.SUGGESTED for p in self._all)

    def elsewhere(self, row: int) -> LibraryStatement | None:
        """Where the rebuttal was said, when it is in another article."""
        return self._elsewhere.get(self._pairs[row].id or "")

    def statements(self, row: int) -> tuple[Statement, Statement]:
        return self._ends(self._pairs[row])

    def speaker(self, statement: Statement) -> Speaker | None:
        if statement.id in self._said_elsewhere:
            return self._said_elsewhere[statement.id]
        return self._analysis.speaker(statement.speaker_id) if self._analysis else None

    def colour(self, statement: Statement, fallback: str) -> str:
        speaker = self.speaker(statement)
        return self._colours.get(speaker.side or "", fallback) if speaker else fallback

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._pairs)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._pairs):
            return None
        row, column = index.row(), index.column()
        if role == ObjectRole:
            return self._pairs[row]
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

    def _text(self, row: int, column: int, statement: Statement | None, role: int) -> str:
        """A cell's words; `statement` is the claim's or the rebuttal's, as the column is."""
        if column == self.SCORE:
            return f"{self._pairs[row].score:.2f}"
        if column == self.STATUS:
            pair = self._pairs[row]
            status = self.tr(pair.status.value)
            return f"{status}: {pair.verdict}" if pair.verdict else status
        assert statement is not None
        if column in (self.CLAIM_SPEAKER, self.REBUTTAL_SPEAKER):
            speaker = self.speaker(statement)
            name = visible(speaker.name if speaker else statement.speaker_text)
            other = self.elsewhere(row) if column == self.REBUTTAL_SPEAKER else None
            if other is None:
                return name
            if role == Qt.ItemDataRole.ToolTipRole:
                title = visible(other.article_title)
                return self.tr("{name}, in “{title}”").format(name=name, title=title)
            return self.tr("{name} · other article").format(name=name)
        text = " ".join(statement.text.split())
        return shorten(text, 80) if role == Qt.ItemDataRole.DisplayRole else text
