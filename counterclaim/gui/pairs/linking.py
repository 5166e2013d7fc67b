"""Linking by hand: mark words of the article as a claim or a rebuttal, choose or name its
speaker, link it to a statement anywhere in the library; change a pair's relation; remove
a link. Each is one action on the undo stack."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QInputDialog

from counterclaim.domain import LibraryStatement, Pair, Relation, Statement
from counterclaim.gui.commands import Editor
from counterclaim.gui.library.search import StatementPicker
from counterclaim.gui.main_window import MainWindow
from counterclaim.gui.messages import Icon, message_box
from counterclaim.gui.pairs.model import PairTableModel
from counterclaim.services import review
from counterclaim.store import Library, LibraryError
from counterclaim.text import shorten


class LinkController(QObject):
    def __init__(
        self, window: MainWindow, library: Library, pairs: PairTableModel, editor: Editor
    ) -> None:
        super().__init__(window)
        self.window, self.library, self.pairs, self.editor = window, library, pairs, editor
        self.article_id: int | None = None
        window.mark_claim_action.triggered.connect(lambda: self.mark(claim=True))
        window.mark_rebuttal_action.triggered.connect(lambda: self.mark(claim=False))
        window.link_action.triggered.connect(self.link_at_cursor)
        window.remove_link_action.triggered.connect(self.remove_link)
        for relation, action in window.relation_actions.items():
            action.triggered.connect(lambda _=False, r=relation: self.set_relation(r))
        window.pair_view.relation_chosen.connect(self.set_relation)
        editor.events.article_shown.connect(self.set_article)

    def set_article(self, article_id: int, *_shown: object) -> None:
        self.article_id = article_id

    # the reviewer's answers; tests replace these

    def ask_speaker(self, names: list[str]) -> str | None:
        """Who said the marked words: one of the article's speakers, or a new name."""
        name, ok = QInputDialog.getItem(
            self.window,
            self.tr("Who said this?"),
            self.tr("Speaker (choose one, or type a new name):"),
            names,
            0,
            True,
        )
        return " ".join(name.split()) if ok and name.strip() else None

    def pick(self, prompt: str, exclude: set[str]) -> tuple[LibraryStatement, Relation] | None:
        """The statement at the other end of the link, and how the rebuttal answers."""
        picker = StatementPicker(self.library.search, prompt, exclude, self.window)
        try:
            if picker.exec() != QDialog.DialogCode.Accepted:
                return None
            chosen = picker.chosen()
            return None if chosen is None else (chosen, picker.relation())
        finally:
            picker.deleteLater()

    def tell(self, message: str) -> None:
        message_box(self.window, Icon.Information, self.tr("Link by hand"), message).exec()

    # actions

    def mark(self, claim: bool) -> bool:
        """Make the selected words a statement, then link it; one action (undoable)."""
        analysis = self.window.article_view.analysis
        span = self.window.article_view.selected_span()
        if self.article_id is None or analysis is None:
            self.tell(self.tr("Open an analysed article first."))
            return False
        if span is None:
            self.tell(self.tr("Select the words of the statement in the article first."))
            return False
        names = [s.name for s in analysis.speakers]
        name = self.ask_speaker(names)
        if name is None:
            return False
        try:
            statement_id, edits = review.mark_statement(
                self.library, self.article_id, span, name, analysis.speakers
            )
        except LibraryError as error:
            self.tell(str(error))
            return False
        role = self.tr("claim") if claim else self.tr("rebuttal")
        prompt = self.tr(
            "Link the {role} by {name} to the statement that {answers}: search the library."
        ).format(
            role=role,
            name=name,
            answers=self.tr("rebuts it") if claim else self.tr("it rebuts"),
        )
        picked = self.pick(prompt, {statement_id})
        label = self.tr("Mark claim") if claim else self.tr("Mark rebuttal")
        if picked is not None:
            other, relation = picked
            ends = review.linked_ends(statement_id, other, marked_is_claim=claim)
            try:
                edits += review.link_by_hand(self.library, *ends, relation, self.editor.who)
            except LibraryError as error:
                self.tell(str(error))
                return False
            label = self.tr("Link by hand")
        return self.editor.do(label, edits)

    def link_at_cursor(self) -> bool:
        """Link the statement the cursor is in, as a claim, to its rebuttal."""
        statement = self.window.article_view.statement_at_cursor()
        if statement is None:
            self.tell(
                self.tr(
                    "Put the cursor in a highlighted statement first, or select words and "
                    "mark them as a claim or a rebuttal."
                )
            )
            return False
        return self._link(statement)

    def _link(self, claim: Statement) -> bool:
        short = shorten(claim.text, 89, ellipsis_within=False)
        picked = self.pick(
            self.tr("Link the claim “{claim}” to the statement that rebuts it.").format(
                claim=short
            ),
            {claim.id},
        )
        if picked is None:
            return False
        other, relation = picked
        try:
            edits = review.link_by_hand(
                self.library, claim.id, other.statement.id, relation, self.editor.who
            )
        except LibraryError as error:
            self.tell(str(error))
            return False
        return self.editor.do(self.tr("Link by hand"), edits)

    def set_relation(self, relation: Relation) -> bool:
        pair = self._current()
        if pair is None:
            return False
        return self.editor.do(self.tr("Change relation"), review.relation_edit(pair, relation))

    def remove_link(self) -> bool:
        pair = self._current()
        if pair is None:
            return False
        return self.editor.do(self.tr("Remove link"), review.remove_link(pair))

    def _current(self) -> Pair | None:
        rows = self.window.selected_pair_rows()
        return self.pairs.pair(rows[0]) if rows else None
