"""Search the library's statements, and pick one to link a claim or a rebuttal to.

Statement words are shown as plain text in the table and in the labels, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counterclaim.domain import LibraryStatement, Relation
from counterclaim.gui.tables import ChoosingTable, HeadedTableModel, Index, ObjectRole
from counterclaim.text import shorten, visible

Search = Callable[[str], list[LibraryStatement]]
MIN_QUERY = 2  # shorter queries would list half the library
PAUSE_MS = 250  # search when the user stops typing this long


class SearchResultModel(HeadedTableModel):
    """Statements found in the library: who said it, on which side, what, and where."""

    SPEAKER, SIDE, STATEMENT, ARTICLE = range(4)
    HEADERS = ("Speaker", "Side", "Statement", "Article")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._results: list[LibraryStatement] = []

    def set_results(self, results: list[LibraryStatement]) -> None:
        self.beginResetModel()
        self._results = list(results)
        self.endResetModel()

    def result(self, row: int) -> LibraryStatement:
        return self._results[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._results)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._results):
            return None
        found = self._results[index.row()]
        if role == ObjectRole:
            return found
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(found, index.column(), role)
        return None

    def _text(self, found: LibraryStatement, column: int, role: int) -> str | None:
        statement, speaker = found.statement, found.speaker
        if column == self.SPEAKER:
            return visible(speaker.name if speaker else statement.speaker_text)
        if column == self.SIDE:
            return visible(speaker.side or "") if speaker else ""
        if column == self.STATEMENT:
            text = " ".join(statement.text.split())
            return shorten(text, 100) if role == Qt.ItemDataRole.DisplayRole else text
        if column == self.ARTICLE:
            if role == Qt.ItemDataRole.ToolTipRole and found.published:
                return f"{visible(found.article_title)}\n{found.published}"
            return visible(found.article_title)
        return None


class LibrarySearchPanel(QWidget):
    """A search field over the library's statements and the statements found."""

    statement_chosen = Signal(object)  # LibraryStatement, on double-click or Enter
    selection_changed = Signal()  # a result was selected, or the selection went away

    def __init__(self, search: Search, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("librarySearch")
        self._search = search
        self.field = QLineEdit(self)
        self.field.setObjectName("librarySearchField")
        self.field.setAccessibleName(self.tr("Search the library's statements"))
        self.field.setPlaceholderText(self.tr("Search the library's statements"))
        self.field.setClearButtonEnabled(True)
        self.status = QLabel(self)
        self.status.setObjectName("librarySearchStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.model = SearchResultModel(self)
        self.table = ChoosingTable(self)
        self.table.setObjectName("librarySearchResults")
        self.table.setAccessibleName(self.tr("Statements found in the library"))
        self.table.setModel(self.model)
        self._size_columns()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.field, self.status, self.table):
            layout.addWidget(widget)
        self._timer.timeout.connect(self._on_pause)
        self.field.textChanged.connect(self._on_text_changed)
        self.field.installEventFilter(self)
        self.table.row_chosen.connect(self._on_row_chosen)
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)
        self._show_status("")

    def focus_field(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def set_query(self, text: str) -> None:
        """Put text in the field and search at once."""
        self.field.setText(text)
        self.run_search()

    def run_search(self) -> None:
        self._timer.stop()
        query = self.field.text().strip()
        results = self._search(query) if len(query) >= MIN_QUERY else []
        self.model.set_results(results)
        self._show_status(query if len(query) >= MIN_QUERY else "")
        self.selection_changed.emit()  # a reset clears the selection without a signal

    def selected(self) -> LibraryStatement | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.result(rows[0].row()) if rows else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.run_search()  # and not the dialog's default button
                return True
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus(Qt.FocusReason.TabFocusReason)
                self.table.selectRow(max(0, self.table.currentIndex().row()))
                return True
        return super().eventFilter(watched, event)

    def _on_text_changed(self, _text: str) -> None:
        self._timer.start()

    def _on_pause(self) -> None:
        self.run_search()

    def _on_row_chosen(self, row: int) -> None:
        self.statement_chosen.emit(self.model.result(row))

    def _show_status(self, query: str) -> None:
        count = self.model.rowCount()
        if not query:
            text = self.tr("Type at least two letters to search.")
        elif count == 0:
            text = self.tr("No statement contains “{query}”").format(query=query)
        elif count == 1:
            text = self.tr("1 statement")
        else:
            text = self.tr("{n} statements").format(n=count)
        self.status.setText(text)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        fit = QHeaderView.ResizeMode.ResizeToContents
        for column in (SearchResultModel.SPEAKER, SearchResultModel.SIDE):
            header.setSectionResizeMode(column, fit)
        header.setSectionResizeMode(SearchResultModel.STATEMENT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SearchResultModel.ARTICLE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(SearchResultModel.ARTICLE, 200)


class StatementPicker(QDialog):
    """ "Link to a statement": search the library, pick one statement and how the rebuttal
    answers the claim."""

    def __init__(
        self,
        search: Search,
        prompt: str,
        exclude: Collection[str] = frozenset(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statementPicker")
        self.setWindowTitle(self.tr("Link to a statement"))
        self.setAccessibleName(self.tr("Link to a statement"))
        excluded = frozenset(exclude)
        self._chosen: LibraryStatement | None = None
        self.prompt = QLabel(prompt, self)
        self.prompt.setObjectName("pickerPrompt")
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt.setWordWrap(True)
        self.panel = LibrarySearchPanel(
            lambda query: [r for r in search(query) if r.statement.id not in excluded], self
        )
        self.relation_box = QComboBox(self)
        self.relation_box.setObjectName("pickerRelation")
        self.relation_box.setAccessibleName(self.tr("How the rebuttal answers the claim"))
        for relation, words in self._relations().items():
            self.relation_box.addItem(words, relation)
        self.relation_box.setCurrentIndex(self.relation_box.findData(Relation.DISPUTES))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("pickerButtons")
        self.ok_button.setText(self.tr("Link"))
        self._lay_out()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.panel.selection_changed.connect(self._on_selection_changed)
        self.panel.statement_chosen.connect(self._on_statement_chosen)
        self._on_selection_changed()
        self.resize(820, 480)
        self.panel.field.setFocus()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def chosen(self) -> LibraryStatement | None:
        """The statement double-clicked (or Entered), else the one selected."""
        return self._chosen or self.panel.selected()

    def relation(self) -> Relation:
        return Relation(self.relation_box.currentData())

    def _on_selection_changed(self) -> None:
        self.ok_button.setEnabled(self.panel.selected() is not None)

    def _on_statement_chosen(self, found: LibraryStatement) -> None:
        self._chosen = found
        self.accept()

    def _relations(self) -> dict[Relation, str]:
        """How a rebuttal answers a claim, in the reviewer's words."""
        return {
            Relation.DENIES: self.tr("denies"),
            Relation.DISPUTES: self.tr("disputes"),
            Relation.CONTEXTUALISES: self.tr("contextualises"),
            Relation.REPEATS: self.tr("repeats"),
        }

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("How the rebuttal answers the claim:"), self.relation_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.panel, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
