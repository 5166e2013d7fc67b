"""The main window: layout, actions and menus. Behaviour lives in the controllers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counterclaim.domain import Relation
from counterclaim.gui.article.find import FindBar
from counterclaim.gui.article.view import ArticleView
from counterclaim.gui.history import HistoryModel
from counterclaim.gui.library.articles import ArticleListModel
from counterclaim.gui.library.delegate import LibraryList
from counterclaim.gui.library.search import LibrarySearchPanel, Search
from counterclaim.gui.overview.panel import OverviewPanel
from counterclaim.gui.pairs.bands import ConnectorBands
from counterclaim.gui.pairs.cards import PairView
from counterclaim.gui.pairs.filters import FilterBar
from counterclaim.gui.pairs.model import PairTableModel
from counterclaim.gui.pairs.table import PairTable
from counterclaim.gui.speakers.panel import SpeakerPanel
from counterclaim.text import visible


class MainWindow(QMainWindow):
    """Layout, actions and menus; the controllers connect the actions to behaviour."""

    files_dropped = Signal(list)  # paths of files and folders dropped on the window

    def __init__(self, articles: ArticleListModel, pairs: PairTableModel, search: Search) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("counterclaim"))
        # a title on one or two lines (cut with "…"), a muted line of outlet, date and review
        self.library_list = LibraryList(self)
        self.library_list.setObjectName("libraryList")
        self.library_list.setAccessibleName(self.tr("Articles in the library"))
        self.library_list.setModel(articles)
        self.article_view = ArticleView(self)
        self.find_bar = FindBar(self.article_view, self)
        self.find_bar.hide()
        self.pair_table = PairTable(pairs, self)
        self.bands = ConnectorBands(self.article_view, self.pair_table, self)
        self.filter_bar = FilterBar(self)
        self.pair_view = PairView(self)
        self.pairs_heading = QLabel(self.tr("Pairs"), self)
        self.pairs_heading.setObjectName("pairsHeading")
        self.pairs_heading.setTextFormat(Qt.TextFormat.PlainText)
        self.pairs_heading.setWordWrap(True)
        self.undo_stack = QUndoStack(self)
        self._build_layout()
        self._build_docks(search)
        self._build_status_bar()
        self._build_actions()
        self.setAcceptDrops(True)  # drop article files and folders to import them
        self.resize(1500, 900)

    def _build_layout(self) -> None:
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.pairs_heading)
        column.addWidget(self.filter_bar)
        self.pairs_splitter = QSplitter(Qt.Orientation.Vertical, right)
        self.pairs_splitter.setObjectName("pairsSplitter")
        self.pairs_splitter.addWidget(self.pair_table)
        self.pairs_splitter.addWidget(self.pair_view)
        self.pairs_splitter.setSizes([300, 420])
        column.addWidget(self.pairs_splitter)
        middle = QWidget(self)
        text_column = QVBoxLayout(middle)
        text_column.setContentsMargins(0, 0, 0, 0)
        text_column.addWidget(self.article_view, 1)
        text_column.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setHandleWidth(2)
        for widget in (self.library_list, middle, self.bands, right):
            self.splitter.addWidget(widget)
        self.splitter.setCollapsible(2, False)
        self.splitter.setSizes([200, 560, 56, 660])
        self.setCentralWidget(self.splitter)

    def _build_docks(self, search: Search) -> None:
        self._build_history()
        self.search_panel = LibrarySearchPanel(search, self)
        self.search_dock = self._dock(
            self.tr("Search the Library"), "searchDock", self.search_panel
        )
        self.overview = OverviewPanel(self)
        self.overview_dock = self._dock(
            self.tr("Unanswered Claims and Balance"), "overviewDock", self.overview
        )
        self.speaker_panel = SpeakerPanel(parent=self)
        self.speakers_dock = self._dock(
            self.tr("Speakers and Sides"), "speakersDock", self.speaker_panel
        )
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        self.addDockWidget(left, self.speakers_dock)
        self.addDockWidget(left, self.overview_dock)
        self.tabifyDockWidget(self.speakers_dock, self.overview_dock)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.search_dock)
        self.tabifyDockWidget(self.history_dock, self.search_dock)
        for dock in (self.speakers_dock, self.overview_dock, self.search_dock):
            dock.hide()

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        return dock

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
        self.history_dock = self._dock(self.tr("History"), "historyDock", self.history_table)
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
        """The menus, each from its own builder; the same actions in the context menus."""
        self._build_file_menu()
        self._build_edit_menu()
        self._build_review_menu()
        self._context_menus()
        self._build_view_menu()
        self._build_speakers_menu()
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.log_folder_action = self._action(help_menu, self.tr("Open &Log Folder"), "")
        self.about_action = self._action(help_menu, self.tr("&About counterclaim"), "")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_file_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = self._action(file_menu, self.tr("&Import Articles…"), "Ctrl+O")
        self.import_folder_action = self._action(
            file_menu, self.tr("Import a &Folder…"), "Ctrl+Shift+I"
        )
        self.paste_action = self._action(file_menu, self.tr("&Paste Text as New Article"), "Ctrl+V")
        self.paste_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.removeAction(self.paste_action)  # Ctrl+V pastes an article on the library list
        self.library_list.addAction(self.paste_action)
        self.details_action = self._action(file_menu, self.tr("Article &Details…"), "Ctrl+I")
        self.export_action = self._action(file_menu, self.tr("&Export Report…"), "Ctrl+E")
        self.analyse_action = self._action(file_menu, self.tr("&Analyse Again"), "Ctrl+R")
        self.retry_action = QAction(self.tr("&Retry Analysis"), self)
        self.retry_action.triggered.connect(self.analyse_action.trigger)
        self.library_list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.library_list.addAction(self.retry_action)
        file_menu.addSeparator()
        self.open_library_action = self._action(
            file_menu, self.tr("Open &Library…"), "Ctrl+Shift+O"
        )
        self.open_team_action = self._action(file_menu, self.tr("Open &Team Library…"), "")
        self.recent_menu = file_menu.addMenu(self.tr("&Recent Libraries"))
        self.recent_menu.setObjectName("recentLibraries")
        file_menu.addSeparator()
        self.preferences_action = self._action(file_menu, self.tr("&Preferences…"), "Ctrl+,")
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit_action = self._action(file_menu, self.tr("&Quit"), "Ctrl+Q")
        self.quit_action.triggered.connect(self.close)

    def _build_edit_menu(self) -> None:
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.find_action = self._action(edit_menu, self.tr("&Find in Article…"), "Ctrl+F")
        self.find_next_action = self._action(edit_menu, self.tr("Find &Next"), "F3")
        self.find_previous_action = self._action(edit_menu, self.tr("Find Pre&vious"), "Shift+F3")
        self.search_action = self._action(
            edit_menu, self.tr("&Search the Library…"), "Ctrl+Shift+F"
        )
        self.find_action.triggered.connect(self.find_bar.open)
        self.find_next_action.triggered.connect(self.find_bar.find_next)
        self.find_previous_action.triggered.connect(self.find_bar.find_previous)

    def _build_review_menu(self) -> None:
        review_menu = self.menuBar().addMenu(self.tr("&Review"))
        self.confirm_action = self._action(review_menu, self.tr("&Confirm Pair"), "Y")
        self.reject_action = self._action(review_menu, self.tr("&Reject Pair"), "N")
        review_menu.addSeparator()
        self.next_action = self._action(review_menu, self.tr("&Next Pair"), "J")
        self.previous_action = self._action(review_menu, self.tr("&Previous Pair"), "K")
        review_menu.addSeparator()
        self.mark_claim_action = self._action(
            review_menu, self.tr("Mark Selection as C&laim…"), "Ctrl+Shift+C"
        )
        self.mark_rebuttal_action = self._action(
            review_menu, self.tr("Mark Selection as Re&buttal…"), "Ctrl+Shift+B"
        )
        self.link_action = self._action(
            review_menu, self.tr("&Link Statement at Cursor…"), "Ctrl+L"
        )
        self._build_relation_menu(review_menu)
        self.remove_link_action = self._action(review_menu, self.tr("Re&move Link"), "Del")
        self.remove_link_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.removeAction(self.remove_link_action)  # Del removes a link only in the pairs
        review_menu.addSeparator()
        self.clear_filters_action = self._action(
            review_menu, self.tr("Show &All Pairs"), "Ctrl+Shift+A"
        )
        self.clear_filters_action.triggered.connect(self.filter_bar.clear)
        self.bands_by_verdict_action = self._action(
            review_menu, self.tr("Colour Bands by &Verdict"), "Ctrl+Shift+V"
        )
        self.bands_by_verdict_action.setCheckable(True)
        self.other_articles_action = self._action(
            review_menu, self.tr("Show Rebuttals from &Other Articles"), "Ctrl+Shift+R"
        )
        self.other_articles_action.setCheckable(True)
        self.other_articles_action.setChecked(True)  # nothing is hidden until one says so
        self.pair_table.heading_clicked.connect(self.other_articles_action.toggle)

    def _build_relation_menu(self, review_menu: QMenu) -> None:
        self.relation_menu = review_menu.addMenu(self.tr("Re&lation of the Pair"))
        self.relation_actions = {
            relation: self._action(self.relation_menu, self.tr(text), f"Alt+{n}")
            for n, (relation, text) in enumerate(
                (
                    (Relation.DENIES, "&Denies"),
                    (Relation.DISPUTES, "D&isputes"),
                    (Relation.CONTEXTUALISES, "&Contextualises"),
                    (Relation.REPEATS, "&Repeats"),
                ),
                start=1,
            )
        }

    def _build_view_menu(self) -> None:
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for dock, key in (
            (self.speakers_dock, "Ctrl+Shift+S"),
            (self.overview_dock, "Ctrl+Shift+U"),
            (self.search_dock, ""),
            (self.history_dock, "Ctrl+H"),
        ):
            toggle = dock.toggleViewAction()
            if key:
                toggle.setShortcut(QKeySequence(key))
            view_menu.addAction(toggle)
            self.addAction(toggle)
        self.history_action = self.history_dock.toggleViewAction()
        self.history_action.setText(self.tr("&History"))
        self.speakers_action = self.speakers_dock.toggleViewAction()
        self.overview_action = self.overview_dock.toggleViewAction()

    def _build_speakers_menu(self) -> None:
        speaker_menu = self.menuBar().addMenu(self.tr("&Speakers"))
        for action in (
            self.speaker_panel.rename_action,
            self.speaker_panel.merge_action,
            self.speaker_panel.move_action,
            self.speaker_panel.colour_action,
        ):
            speaker_menu.addAction(action)

    def _context_menus(self) -> None:
        """The same actions under the right mouse button, where they apply."""
        self.article_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (self.mark_claim_action, self.mark_rebuttal_action, self.link_action):
            self.article_view.addAction(action)
        self.pair_table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (
            self.confirm_action,
            self.reject_action,
            *self.relation_actions.values(),
            self.remove_link_action,
        ):
            self.pair_table.addAction(action)

    def _action(self, menu: QMenu, text: str, key: str) -> QAction:
        action = QAction(text, self)
        if key:
            action.setShortcut(QKeySequence(key))
        menu.addAction(action)
        self.addAction(action)  # the key works wherever the focus is in the window
        return action

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)

    def selected_pair_rows(self) -> list[int]:
        """The rows of the pair table that are selected, the first selected first."""
        return [index.row() for index in self.pair_table.selectionModel().selectedRows()]

    def show_search(self) -> None:
        """The library search, in front, ready for typing."""
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.focus_field()

    def show_busy(self, message: str, done: int, total: int) -> None:
        self.statusBar().showMessage(visible(message))
        self.progress.setRange(0, total)  # 0..0 shows a busy bar
        self.progress.setValue(done)
        self.progress.show()
        self.cancel_button.show()

    def show_idle(self, message: str) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.statusBar().showMessage(visible(message), 8000)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/pairsSplitter", self.pairs_splitter.saveState())
        settings.setValue("window/otherArticles", self.other_articles_action.isChecked())

    def restore_state(self, settings: QSettings) -> None:
        """Geometry, docks, splitters and the other articles' section as the reviewer left
        them."""
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        for key, splitter in (
            ("window/splitter", self.splitter),
            ("window/pairsSplitter", self.pairs_splitter),
        ):
            saved = settings.value(key)
            if isinstance(saved, QByteArray):
                splitter.restoreState(saved)
        shown = settings.value("window/otherArticles")
        if shown is not None:  # an INI file gives "true" or "false"
            self.other_articles_action.setChecked(str(shown).lower() == "true")
