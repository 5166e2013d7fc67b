"""The selected pair: the claim card beside the rebuttal card, then score and reasons.

Cards show the statement's words as plain text (Qt.PlainText), never as markup.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counterclaim.domain import LibraryStatement, Pair, Relation, Speaker, Statement
from counterclaim.gui.settings.preferences import DEFAULT_RATINGS
from counterclaim.text import visible


def restyle(widget: QWidget, sheet: str) -> None:
    """Set a style sheet only when it changes: Qt polishes the widget and every child
    again for each one set, a millisecond each time a pair of one colour follows another."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


class StatementCard(QFrame):
    """One statement: who (and on which side), the reporting verb, the words."""

    def __init__(self, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{role}Card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Claim") if role == "claim" else self.tr("Rebuttal"))
        self.heading = _label(self, bold=True)
        self.speaker = _label(self, bold=True)
        self.text = _label(self)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.repeats = _label(self)
        self.repeats.setObjectName(f"{role}Repeats")
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.speaker, self.text, self.repeats):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.heading.setText(self.accessibleName())
        self.clear()

    def show_repeats(self, elsewhere: list[LibraryStatement]) -> None:
        """ "Said this in 2 other articles: “…”, “…”"."""
        titles = ", ".join(f"“{visible(other.article_title)}”" for other in elsewhere)
        if not elsewhere:
            self.repeats.setText("")
        elif len(elsewhere) == 1:
            self.repeats.setText(
                self.tr("Said this in another article too: {titles}").format(titles=titles)
            )
        else:
            self.repeats.setText(
                self.tr("Said this in {n} other articles: {titles}").format(
                    n=len(elsewhere), titles=titles
                )
            )

    def clear(self) -> None:
        self.repeats.setText("")
        self.speaker.setText("")
        self.text.setText(self.tr("Select a pair to see it here."))
        restyle(self, "")

    def show_statement(self, statement: Statement, speaker: Speaker | None, colour: str) -> None:
        name = speaker.name if speaker else statement.speaker_text or self.tr("Unknown speaker")
        side = f" · {speaker.side}" if speaker and speaker.side and speaker.side != name else ""
        cue = statement.cue
        self.speaker.setText(visible(f"{name}{side} ({statement.kind.value}, “{cue}”)"))
        restyle(self.speaker, f"color: {colour};")
        self.text.setText(" ".join(statement.text.split()))
        restyle(self, f"#{self.objectName()} {{ border: 2px solid {colour}; border-radius: 6px; }}")


class PairView(QWidget):
    """Claim and rebuttal side by side, the reviewer's verdict and note, and the machine's
    reasons below."""

    verdict_chosen = Signal(object)  # a rating, or None for no verdict
    note_edited = Signal(str)
    relation_chosen = Signal(object)  # Relation

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pairView")
        self.claim = StatementCard("claim", self)
        self.rebuttal = StatementCard("rebuttal", self)
        self.verdict = QComboBox(self)
        self.verdict.setObjectName("verdict")
        self.verdict.setAccessibleName(self.tr("Verdict on this pair"))
        self._ratings: tuple[str, ...] = ()
        self.set_ratings(DEFAULT_RATINGS)
        self.relation = QComboBox(self)
        self.relation.setObjectName("relation")
        self.relation.setAccessibleName(self.tr("How the rebuttal answers the claim"))
        for relation in Relation:
            self.relation.addItem(self.tr(relation.value), relation.value)
        self.relation.activated.connect(self._on_relation_activated)
        self.note = QLineEdit(self)
        self.note.setObjectName("note")
        self.note.setAccessibleName(self.tr("Note with the rationale"))
        self.note.setPlaceholderText(self.tr("Note: why this verdict (Enter to keep)"))
        self.verdict.activated.connect(self._on_verdict_activated)
        self.note.editingFinished.connect(self._on_note_edited)
        self.reasons = _label(self)
        self.reasons.setObjectName("reasons")
        self.reasons.setAccessibleName(self.tr("Why these were paired"))
        cards = QHBoxLayout()
        cards.addWidget(self.claim, 1)
        cards.addWidget(self.rebuttal, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(cards, 1)
        decision = QHBoxLayout()
        decision.addWidget(QLabel(self.tr("The rebuttal"), self))
        decision.addWidget(self.relation)
        decision.addWidget(QLabel(self.tr("the claim. Verdict:"), self))
        decision.addWidget(self.verdict)
        decision.addWidget(self.note, 1)
        layout.addLayout(decision)
        layout.addWidget(self.reasons)

    def show_pair(
        self,
        pair: Pair,
        claim: tuple[Statement, Speaker | None, str],
        rebuttal: tuple[Statement, Speaker | None, str],
        elsewhere: LibraryStatement | None = None,
        repeated_in: list[LibraryStatement] | None = None,
    ) -> None:
        self.claim.show_statement(*claim)
        self.claim.show_repeats(repeated_in or [])
        self.show_review(pair)
        self.rebuttal.show_statement(*rebuttal)
        if elsewhere is not None:
            when = f", {elsewhere.published}" if elsewhere.published else ""
            self.rebuttal.heading.setText(
                self.tr("Rebuttal, in “{title}”{when}").format(
                    title=elsewhere.article_title, when=when
                )
            )
        else:
            self.rebuttal.heading.setText(self.rebuttal.accessibleName())
        lines = [
            self.tr("The rebuttal {relation} the claim. Score {score:.2f}, {status}. Why:").format(
                relation=pair.relation.value, score=pair.score, status=pair.status.value
            )
        ]
        lines += [f"• {reason}" for reason in pair.reasons]
        self.reasons.setText("\n".join(lines))

    def set_ratings(self, ratings: tuple[str, ...] | list[str]) -> None:
        """The verdicts to choose from (the preferences' scale)."""
        chosen = self.verdict.currentData() if self.verdict.count() else None
        self._ratings = tuple(ratings)
        self._fill_verdicts(chosen)

    def _fill_verdicts(self, current: str | None) -> None:
        """The scale, plus the shown pair's verdict if it is no longer on the scale."""
        self.verdict.clear()
        self.verdict.addItem(self.tr("No verdict yet"), None)
        for rating in self._ratings:
            self.verdict.addItem(rating, rating)
        if current is not None and current not in self._ratings:
            self.verdict.addItem(current, current)
        self.verdict.setCurrentIndex(max(0, self.verdict.findData(current)))

    def show_review(self, pair: Pair) -> None:
        """The reviewer's verdict, note and relation, without sending them back as edits."""
        self._fill_verdicts(pair.verdict)
        self.relation.setCurrentIndex(max(0, self.relation.findData(pair.relation.value)))
        self.note.setText(pair.note)
        self.note.setModified(False)

    def _on_verdict_activated(self, index: int) -> None:
        self.verdict_chosen.emit(self.verdict.itemData(index))

    def _on_relation_activated(self, index: int) -> None:
        self.relation_chosen.emit(Relation(self.relation.itemData(index)))

    def _on_note_edited(self) -> None:
        if self.note.isModified():
            self.note.setModified(False)
            self.note_edited.emit(self.note.text())

    def clear(self) -> None:
        self.claim.clear()
        self.rebuttal.clear()
        self.reasons.setText("")


def _label(parent: QWidget, bold: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label
