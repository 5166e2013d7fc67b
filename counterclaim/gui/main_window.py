"""The main window: layout, actions and menus. Behaviour lives in the controllers."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QListView,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counterclaim.gui.article_view import ArticleView
from counterclaim.gui.models import ArticleListModel, HistoryModel, PairTableModel
from counterclaim.gui.pair_view import PairView


class MainWindow(QMainWindow):
    def __init__(self, articles: ArticleListModel, pairs: PairTableModel) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("counterclaim"))
        self.library_list = QListView(self)
        self.library_list.setObjectName("libraryList")
        self.library_list.setAccessibleName(self.tr("Articles in the library"))
        self.library_list.setModel(articles)
        self.article_view = ArticleView(self)
        self.pair_table = _pair_table(self, pairs)
        self.pair_view = PairView(self)
        self.pairs_heading = QLabel(self.tr("Pairs"), self)
        self.undo_stack = QUndoStack(self)
        self._build_layout()
        self._build_history()
        self._build_status_bar()
        self._build_actions()
        self.resize(1400, 860)

    def _build_layout(self) -> None:
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.pairs_heading)
        pairs_split = QSplitter(Qt.Orientation.Vertical, right)
        pairs_split.setObjectName("pairsSplitter")
        pairs_split.addWidget(self.pair_table)
        pairs_split.addWidget(self.pair_view)
        pairs_split.setSizes([260, 420])
        column.addWidget(pairs_split)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.library_list)
        self.splitter.addWidget(self.article_view)
        self.splitter.addWidget(right)
        self.splitter.setSizes([220, 560, 620])
        self.setCentralWidget(self.splitter)

    def _build_history(self) -> None:
        self.history_model = HistoryModel(self)
        self.history_table = QTableView(self)
        self.history_table.setObjectName("historyTable")
        self.history_table.setAccessibleName(self.tr("History of the reviewers' changes"))
        self.history_table.setModel(self.history_model)
        self.history_table.verticalHeader().hide()
        self.history_table.setWordWrap(False)
        header = self.history_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.history_dock = QDockWidget(self.tr("History"), self)
        self.history_dock.setObjectName("historyDock")
        self.history_dock.setWidget(self.history_table)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.history_dock)
        self.history_dock.hide()

    def _build_status_bar(self) -> None:
        self.progress = QProgressBar(self)
        self.progress.setObjectName("progress")
        self.progress.setMaximumWidth(220)
        self.progress.setAccessibleName(self.tr("Progress of background work"))
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import Articles…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+O"))
        self.analyse_action = QAction(self.tr("&Analyse Again"), self)
        self.analyse_action.setShortcut(QKeySequence("Ctrl+R"))
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcuts([QKeySequence("Ctrl+Q")])
        self.quit_action.triggered.connect(self.close)
        for action in (self.import_action, self.analyse_action, self.quit_action):
            file_menu.addAction(action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        review_menu = self.menuBar().addMenu(self.tr("&Review"))
        self.confirm_action = self._action(review_menu, self.tr("&Confirm Pair"), "Y")
        self.reject_action = self._action(review_menu, self.tr("&Reject Pair"), "N")
        review_menu.addSeparator()
        self.next_action = self._action(review_menu, self.tr("&Next Pair"), "J")
        self.previous_action = self._action(review_menu, self.tr("&Previous Pair"), "K")
        review_menu.addSeparator()
        self.history_action = self.history_dock.toggleViewAction()
        self.history_action.setText(self.tr("Show &History"))
        self.history_action.setShortcut(QKeySequence("Ctrl+H"))
        review_menu.addAction(self.history_action)

    def _action(self, menu: QMenu, text: str, key: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        menu.addAction(action)
        self.addAction(action)  # the key works wherever the focus is in the window
        return action

    def show_busy(self, message: str, done: int, total: int) -> None:
        self.statusBar().showMessage(message)
        self.progress.setRange(0, total)  # 0..0 shows a busy bar
        self.progress.setValue(done)
        self.progress.show()
        self.cancel_button.show()

    def show_idle(self, message: str) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.statusBar().showMessage(message, 8000)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        splitter = settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)


def _pair_table(parent: QWidget, model: PairTableModel) -> QTableView:
    table = QTableView(parent)
    table.setObjectName("pairTable")
    table.setAccessibleName(parent.tr("Claims and their rebuttals"))
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    fit, stretch = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
    for column in (model.CLAIM_SPEAKER, model.REBUTTAL_SPEAKER, model.SCORE, model.STATUS):
        header.setSectionResizeMode(column, fit)
    for column in (model.CLAIM, model.REBUTTAL):
        header.setSectionResizeMode(column, stretch)
    return table
