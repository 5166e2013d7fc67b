"""Which pairs the table shows: by speaker, side, status, relation and verdict."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from counterclaim.domain import LinkStatus, Relation

NO_VERDICT = ""  # the verdict filter's value for pairs without a verdict yet


@dataclass(frozen=True)
class PairFilter:
    """What a pair must have to be shown; None lets every pair through."""

    speaker: str | None = None  # the claim's or the rebuttal's speaker, by name
    side: str | None = None  # the claim's or the rebuttal's side, by label
    status: LinkStatus | None = None
    relation: Relation | None = None
    verdict: str | None = None  # a rating, or NO_VERDICT

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))


class FilterBar(QWidget):
    """Five lists over the pair table; each starts at "any"."""

    changed = Signal(object)  # PairFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.setAccessibleName(self.tr("Filter the pairs"))
        self.speaker = self._box("filterSpeaker", self.tr("Show pairs of this speaker"))
        self.side = self._box("filterSide", self.tr("Show pairs of this side"))
        self.status = self._box("filterStatus", self.tr("Show pairs with this status"))
        self.relation = self._box("filterRelation", self.tr("Show pairs with this relation"))
        self.verdict = self._box("filterVerdict", self.tr("Show pairs with this verdict"))
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setText(self.tr("Show all"))
        self.clear_button.setAccessibleName(self.tr("Show all pairs"))
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Show:"), self))
        for box in (self.speaker, self.side, self.status, self.relation, self.verdict):
            layout.addWidget(box, 1)
        layout.addWidget(self.clear_button)
        self._filling = False
        self.set_choices([], [], [])

    def set_choices(
        self, speakers: Iterable[str], sides: Iterable[str], ratings: Iterable[str]
    ) -> None:
        """The article's speakers and sides and the rating scale; what was chosen stays
        chosen if it is still there (and then the filter has not changed)."""
        before = self.current()
        self._filling = True
        try:
            self._fill(self.speaker, self.tr("Any speaker"), [(s, s) for s in speakers])
            self._fill(self.side, self.tr("Any side"), [(s, s) for s in sides])
            self._fill(
                self.status,
                self.tr("Any status"),
                [(self.tr(s.value), s) for s in LinkStatus],
            )
            self._fill(
                self.relation,
                self.tr("Any relation"),
                [(self.tr(r.value), r) for r in Relation],
            )
            self._fill(
                self.verdict,
                self.tr("Any verdict"),
                [(self.tr("No verdict yet"), NO_VERDICT), *((self.tr(r), r) for r in ratings)],
            )
        finally:
            self._filling = False
        if self.current() != before:
            self._on_changed()

    def current(self) -> PairFilter:
        status, relation = self.status.currentData(), self.relation.currentData()
        return PairFilter(
            speaker=self.speaker.currentData(),
            side=self.side.currentData(),
            status=None if status is None else LinkStatus(status),
            relation=None if relation is None else Relation(relation),
            verdict=self.verdict.currentData(),
        )

    def clear(self) -> None:
        self._filling = True
        for box in (self.speaker, self.side, self.status, self.relation, self.verdict):
            box.setCurrentIndex(0)
        self._filling = False
        self._on_changed()

    def _box(self, name: str, accessible: str) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        box.setAccessibleName(accessible)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(8)
        box.currentIndexChanged.connect(self._on_changed)
        return box

    def _fill(self, box: QComboBox, anything: str, items: list[tuple[str, object]]) -> None:
        chosen = box.currentData()
        box.clear()
        box.addItem(anything, None)
        for text, value in items:
            box.addItem(text, value)
        index = box.findData(chosen) if chosen is not None else 0
        box.setCurrentIndex(max(0, index))

    def _on_changed(self, *_: object) -> None:
        if not self._filling:
            self.changed.emit(self.current())
