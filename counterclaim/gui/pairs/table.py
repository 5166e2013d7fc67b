"""The table of an article's pairs: one row a pair, chosen whole; the heading row of the
rebuttals from other articles spans the table and opens or closes their section."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from counterclaim.gui.pairs.model import PairTableModel

_FITTED = (
    PairTableModel.CLAIM_SPEAKER,
    PairTableModel.REBUTTAL_SPEAKER,
    PairTableModel.SCORE,
    PairTableModel.STATUS,
)


_SPEAKERS = (PairTableModel.CLAIM_SPEAKER, PairTableModel.REBUTTAL_SPEAKER)
SPEAKER_MIN = 60
"""The narrowest a speaker's column is cut to, in pixels: a short name stays whole."""


class PairTable(QTableView):
    """The speakers', score and status columns are as wide as what the article's pairs
    hold, measured when an article is shown (`fit_columns`), not again on each filter
    change: the columns stay where they are while the reviewer filters."""

    heading_clicked = Signal()  # the other articles' heading: open or close their section

    def __init__(self, model: PairTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pairTable")
        self.setAccessibleName(self.tr("Claims and their rebuttals"))
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # "Rebutt…", not "ebuttal b"
        for column in _FITTED:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        for column in (model.CLAIM, model.REBUTTAL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for signal in (
            model.modelReset,
            model.layoutChanged,
            model.rowsInserted,
            model.rowsRemoved,
        ):
            signal.connect(self._span_heading)

    def _span_heading(self, *_: object) -> None:
        """The heading row is one cell across the table."""
        self.clearSpans()
        model = self.model()
        if isinstance(model, PairTableModel) and model.heading_row() >= 0:
            self.setSpan(model.heading_row(), 0, 1, model.columnCount())

    def _on_heading(self, row: int) -> bool:
        model = self.model()
        return isinstance(model, PairTableModel) and row >= 0 and row == model.heading_row()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._on_heading(
            self.rowAt(event.position().toPoint().y())
        ):
            event.accept()
            self.heading_clicked.emit()
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space or Enter on the heading (reached with the arrow keys) opens or closes it."""
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            self._on_heading(self.currentIndex().row())
        ):
            event.accept()
            self.heading_clicked.emit()
            return
        super().keyPressEvent(event)

    def fit_columns(self, *columns: int) -> None:
        """Size these columns (all the fitted ones if none is named) to their contents; a
        speaker's column is never wider than a twelfth of the table, so that the claim and
        the rebuttal, the columns the reviewer reads, keep the room (a long name is cut,
        and whole in its tooltip and in the cards)."""
        widest = max(SPEAKER_MIN, self.viewport().width() // 12)
        for column in columns or _FITTED:
            self.resizeColumnToContents(column)
            if column in _SPEAKERS and self.columnWidth(column) > widest:
                self.setColumnWidth(column, widest)
