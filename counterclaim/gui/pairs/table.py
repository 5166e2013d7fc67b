"""The table of an article's pairs: one row a pair, chosen whole."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from counterclaim.gui.pairs.model import PairTableModel

_FITTED = (
    PairTableModel.CLAIM_SPEAKER,
    PairTableModel.REBUTTAL_SPEAKER,
    PairTableModel.SCORE,
    PairTableModel.STATUS,
)


class PairTable(QTableView):
    """The speakers', score and status columns are as wide as what the article's pairs
    hold, measured when an article is shown (`fit_columns`), not again on each filter
    change: the columns stay where they are while the reviewer filters."""

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
        for column in _FITTED:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        for column in (model.CLAIM, model.REBUTTAL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def fit_columns(self, *columns: int) -> None:
        """Size these columns (all the fitted ones if none is named) to their contents."""
        for column in columns or _FITTED:
            self.resizeColumnToContents(column)
