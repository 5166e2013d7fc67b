"""Reviewing an article: which article is shown, which pair is selected, and what the
cards, the bands and the article view show for it."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QItemSelection, QModelIndex, QObject, QTimer
from PySide6.QtGui import QColor

from counterclaim.colours import NO_SIDE_COLOUR
from counterclaim.domain import Analysis, ArticleEntry, LibraryStatement, Relation
from counterclaim.gui.events import AppEvents
from counterclaim.gui.library.articles import ArticleListModel
from counterclaim.gui.library.counting import ListCounts
from counterclaim.gui.main_window import MainWindow
from counterclaim.gui.messages import Icon, message_box
from counterclaim.gui.pairs.bands import Band
from counterclaim.gui.pairs.filters import PairFilter
from counterclaim.gui.pairs.model import PairTableModel
from counterclaim.gui.settings.theme import readable
from counterclaim.store import Library
from counterclaim.text import shorten, visible

HEADING_TITLE = 72
"""Characters of the article's title in the pairs' heading, which its counts follow."""

_TRUE, _FALSE = QColor("#1a9850"), QColor("#d73027")


def verdict_colour(verdict: str | None, ratings: tuple[str, ...]) -> str:
    """Green for the scale's first verdict to red for the last; grey for none (or for a
    verdict no longer on the scale)."""
    if verdict is None or verdict not in ratings:
        return NO_SIDE_COLOUR
    share = ratings.index(verdict) / max(1, len(ratings) - 1)
    mixed = QColor.fromRgbF(
        _TRUE.redF() + (_FALSE.redF() - _TRUE.redF()) * share,
        _TRUE.greenF() + (_FALSE.greenF() - _TRUE.greenF()) * share,
        _TRUE.blueF() + (_FALSE.blueF() - _TRUE.blueF()) * share,
    )
    return mixed.name()


class ReviewController(QObject):
    """Keeps the article view, the pair table and the pair cards in step."""

    def __init__(
        self,
        window: MainWindow,
        library: Library,
        articles: ArticleListModel,
        pairs: PairTableModel,
        events: AppEvents,
    ) -> None:
        super().__init__(window)
        self.window, self.library, self.articles, self.pairs = window, library, articles, pairs
        self.events = events
        self.article_id: int | None = None
        self.title = ""
        self.analysis: Analysis | None = None
        self.repeats: dict[str, list[LibraryStatement]] = {}  # claim id -> said again there
        self.ratings: tuple[str, ...] = ()
        self.dark = False
        window.library_list.selectionModel().currentChanged.connect(self._on_article_chosen)
        window.pair_table.selectionModel().selectionChanged.connect(self._on_pair_selected)
        window.filter_bar.changed.connect(self._on_filter_changed)
        window.bands_by_verdict_action.toggled.connect(self.update_bands)
        window.other_articles_action.toggled.connect(self._on_other_articles_toggled)
        pairs.set_others_shown(window.other_articles_action.isChecked())
        window.search_panel.statement_chosen.connect(self.go_to)
        window.overview.claim_chosen.connect(window.article_view.show_statement)
        window.search_action.triggered.connect(self._on_search_requested)
        events.articles_changed.connect(self._on_articles_changed)
        events.article_edited.connect(self._on_articles_changed)
        events.links_changed.connect(self._on_links_changed)
        events.edit_failed.connect(self.on_edit_failed)
        self.counting = ListCounts(self.library.article_list, self)
        self.counting.counted.connect(self._on_counted)
        self.counting.failed.connect(self._on_articles_changed)
        self._ticket = 0  # the counting whose result is still wanted (0: none, -1: to start)
        self._tickets = itertools.count(1)

    def set_ratings(self, ratings: tuple[str, ...]) -> None:
        """The verdict scale, from the preferences."""
        self.ratings = tuple(ratings)
        self.window.pair_view.set_ratings(self.ratings)
        self._fill_filters()
        self.update_bands()

    def set_dark(self, dark: bool) -> None:
        """Side colours readable on a dark background, or on a light one."""
        if dark != self.dark:
            self.dark = dark
            if self.article_id is not None:
                self._keep_place(self.article_id)

    def go_to(self, found: LibraryStatement) -> None:
        """Show the article a statement is in, with the statement selected."""
        if found.article_id != self.article_id:
            self.show_article(found.article_id)
        self.window.article_view.show_statement(found.statement)
        row = next((n for n in self.pairs.pair_rows() if found.statement.id in self._ends(n)), -1)
        if row >= 0:
            self.select_pair(row)
            self.window.article_view.show_statement(found.statement)

    def refresh(self) -> None:
        """The first look at the library: its titles at once, their counts when read."""
        self.articles.set_articles(self.library.article_list(counts=False))
        self._ticket = -1  # wanted: counted once the window is on screen
        QTimer.singleShot(0, self._count)
        self._show_again()

    @property
    def counts_pending(self) -> bool:
        """Whether the library list's counts are still to come."""
        return self._ticket != 0

    def _count(self) -> None:
        if not self._ticket:  # counted meanwhile (the whole list was read again)
            return
        self._ticket = next(self._tickets)
        self.counting.start(self._ticket)

    def _on_counted(self, ticket: int, articles: list[ArticleEntry]) -> None:
        if ticket == self._ticket and self.articles.add_counts(articles):
            self._ticket = 0

    def show_article(self, article_id: int) -> None:
        reading = self.library.reading(article_id)
        article, sides, linked = reading.article, list(reading.sides), list(reading.elsewhere)
        self.article_id, self.title = article_id, article.title
        self.analysis = reading.analysis
        colours = {side.label: readable(side.colour, self.dark) for side in sides}
        view = self.window.article_view
        view.colours = colours
        view.show_article(article.text, self.analysis)
        elsewhere = [(p, o) for p, o in linked if p.relation is not Relation.REPEATS]
        self.repeats = {}
        for pair, other in linked:
            if pair.relation is Relation.REPEATS:
                self.repeats.setdefault(pair.claim_id, []).append(other)
        self.pairs.set_analysis(self.analysis, elsewhere, colours)
        self.window.pair_table.fit_columns()
        self.window.pair_view.clear()
        self.window.overview.show_analysis(self.analysis, [p for p, _ in linked])
        self._fill_filters()
        self.update_heading()
        self.update_bands()
        first = self.pairs.nearest_pair_row(0)
        if first >= 0:
            self.select_pair(first)  # the best-scored pair is what a reviewer looks at first
        row = self.articles.row_of(article_id)
        if row >= 0 and self.window.library_list.currentIndex().row() != row:
            self.window.library_list.setCurrentIndex(self.articles.index(row))
        self.events.article_shown.emit(article_id, self.analysis, sides)

    def update_heading(self, *_changed: object) -> None:
        """How many pairs the article has, how many come from other articles, and how many
        are left to review."""
        if self.article_id is None:
            return
        title = visible(shorten(self.title, HEADING_TITLE, cut="word"))  # one line, with counts
        if self.analysis is None:
            text = self.tr("“{title}” is being analysed…").format(title=title)
        else:
            own, left = len(self.analysis.pairs), self.pairs.to_review()
            more = self.pairs.from_other_articles()
            text = (
                self.tr("“{title}”: 1 pair").format(title=title)
                if own == 1
                else self.tr("“{title}”: {own} pairs").format(title=title, own=own)
            )
            if more:
                text += self.tr(" · {more} from other articles").format(more=more)
            text += self.tr(" · {left} left to review").format(left=left)
            hidden = self.pairs.hidden_by_filter()
            if hidden:
                text += self.tr(" ({hidden} not shown by the filter)").format(hidden=hidden)
        self.window.pairs_heading.setText(text)

    def update_bands(self, *_: object) -> None:
        """A band from each statement of this article to its pair's row."""
        view = self.window.article_view
        rows = self.window.selected_pair_rows()
        selected = rows[0] if rows else -1
        by_verdict = self.window.bands_by_verdict_action.isChecked()
        bands = []
        for row in self.pairs.pair_rows():  # those under the heading: from their claim
            claim, rebuttal = self.pairs.statements(row)
            ends = [claim] if self.pairs.elsewhere(row) else [claim, rebuttal]
            for statement in ends:
                colour = (
                    verdict_colour(self.pairs.pair(row).verdict, self.ratings)
                    if by_verdict
                    else self.pairs.colour(statement, NO_SIDE_COLOUR)
                )
                start, end = view.document_range(statement.content)
                bands.append(Band(row, start, end, colour, row == selected))
        self.window.bands.set_bands(bands)

    def selected_link_ids(self) -> set[str]:
        """The pairs a reviewer has picked out: those the filter shows when it hides some
        (the other articles' section open or not), else the selected pair."""
        if self.pairs.hidden_by_filter():
            pairs = self.pairs.filtered_pairs()
        else:
            pairs = [self.pairs.pair(r) for r in self.window.selected_pair_rows()]
        return {pair.id for pair in pairs if pair.id is not None}

    def select_pair(self, row: int) -> None:
        self.window.pair_table.selectRow(row)

    def _on_articles_changed(self) -> None:
        """Read the library's list once; show the article on screen again (its pairs may
        have changed), keeping the reviewer on the pair they were at."""
        self._ticket = 0  # counted here: a counting under way is out of date
        self.articles.set_articles(self.library.article_list())
        self._show_again()

    def _show_again(self) -> None:
        if self.article_id is None:
            if self.articles.rowCount() > 0:
                self.show_article(self.articles.article(0).id)
            return
        self._keep_place(self.article_id)

    def _keep_place(self, article_id: int) -> None:
        """Show the article again, on the same pair (or the same row), scrolled as it was."""
        rows = self.window.selected_pair_rows()
        link_id = self.pairs.pair(rows[0]).id if rows else None
        scroll = self.window.article_view.verticalScrollBar().value()
        self.show_article(article_id)
        row = self.pairs.row_of(link_id)
        if row < 0 and rows:
            row = self.pairs.nearest_pair_row(rows[0])
        if row >= 0:
            self.select_pair(row)
        self.window.article_view.verticalScrollBar().setValue(scroll)

    def _fill_filters(self) -> None:
        analysis = self.analysis
        speakers = sorted({s.name for s in analysis.speakers}) if analysis else []
        sides = [s.label for s in analysis.sides] if analysis else []
        self.window.filter_bar.set_choices(speakers, sides, self.ratings)

    def _on_filter_changed(self, wanted: PairFilter) -> None:
        """The pair under review stays selected if the filter still shows it; else the
        first pair shown is."""
        self.pairs.set_filter(wanted)
        self.update_heading()
        self.update_bands()
        rows = self.window.selected_pair_rows()
        if rows:
            self.window.pair_table.scrollTo(self.pairs.index(rows[0], 0))
            return
        self.window.pair_view.clear()
        first = self.pairs.nearest_pair_row(0)
        if first >= 0:
            self.select_pair(first)

    def _on_other_articles_toggled(self, shown: bool) -> None:
        """Open or close the section of rebuttals from other articles; a pair of it that
        was selected gives way to the last pair above it."""
        rows = self.window.selected_pair_rows()
        link_id = self.pairs.pair(rows[0]).id if rows else None
        self.pairs.set_others_shown(shown)
        self.update_bands()
        if rows and self.pairs.row_of(link_id) < 0:
            self.window.pair_view.clear()
            row = self.pairs.nearest_pair_row(self.pairs.heading_row())
            if row >= 0:
                self.select_pair(row)

    def _on_search_requested(self) -> None:
        self.window.show_search()

    def _ends(self, row: int) -> tuple[str, str]:
        claim, rebuttal = self.pairs.statements(row)
        return claim.id, rebuttal.id

    def _on_links_changed(self, link_ids: list[str]) -> None:
        """Reviews changed: those rows, the cards if one is selected, the heading's counts,
        the bands (coloured by verdict), and the library list's pairs left to review of the
        articles the pairs' claims are in (one query, whatever the library's size)."""
        selected = self.window.selected_pair_rows()
        for link_id in link_ids:
            pair = self.library.pair(link_id)
            row = self.pairs.replace_pair(pair)
            if row >= 0 and selected and row == selected[0]:
                self.window.pair_view.show_review(pair)
        self.articles.update_articles(self.library.article_list(of_links=link_ids))
        if self._ticket:  # the counts under way may have been read before this review
            self._count()
        self.window.pair_table.fit_columns(PairTableModel.STATUS)  # a verdict is longer
        self.update_heading()
        self.update_bands()

    def on_edit_failed(self, message: str) -> None:
        message_box(self.window, Icon.Warning, self.tr("The change was not made"), message).open()

    def _on_article_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            article = self.articles.article(current.row())
            if article.id != self.article_id:
                self.show_article(article.id)

    def _on_pair_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {index.row() for index in selected.indexes()}
        if not rows:
            return
        row = min(rows)
        pair = self.pairs.pair(row)
        claim, rebuttal = self.pairs.statements(row)
        colours = (
            self.pairs.colour(claim, NO_SIDE_COLOUR),
            self.pairs.colour(rebuttal, NO_SIDE_COLOUR),
        )
        other = self.pairs.elsewhere(row)
        self.window.pair_view.show_pair(
            pair,
            (claim, self.pairs.speaker(claim), colours[0]),
            (rebuttal, self.pairs.speaker(rebuttal), colours[1]),
            elsewhere=other,
            repeated_in=self.repeats.get(claim.id, []),
        )
        if other is None:
            self.window.article_view.focus_statements((claim, rebuttal), colours)
        else:  # the rebuttal is in another article: only the claim is in this text
            self.window.article_view.focus_statements((claim,), colours[:1])
        self.window.bands.select_row(row)  # the bands stay as they were: only which is selected
