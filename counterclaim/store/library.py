"""`Library`: the one object other layers use to read and write a library file."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counterclaim.domain import (
    Analysis,
    Article,
    ArticleEntry,
    ArticleMeta,
    ArticleReading,
    Batch,
    Change,
    Edit,
    EditMark,
    LibraryStatement,
    Pair,
    Relation,
    Review,
    Side,
    Span,
    StatementKind,
)
from counterclaim.store import by_hand, checked, editing, search
from counterclaim.store.db import checkpoint, session_factory, session_scope
from counterclaim.store.errors import LibraryError
from counterclaim.store.location import LibraryLocation
from counterclaim.store.models import ArticleRow, LibraryStateRow, utc_now
from counterclaim.store.opening import opened_engine
from counterclaim.store.reading import (
    article_counts,
    article_entries,
    article_row,
    article_with_text,
    load_analysis,
    no_counts,
    to_article,
    visible_sides,
)
from counterclaim.store.saving import save_analysis


class Library:
    """A fact-checker's library: articles, what was found in them, and the links made.

    Every method is one transaction and returns `counterclaim.domain` dataclasses.
    """

    CHECKPOINT_EVERY = 20
    """Write units after which the write-ahead log is emptied into the library, so that a
    long import never holds the disk twice."""

    def __init__(self, engine: Engine, location: Path | LibraryLocation, read_only: bool = False):
        """Use `Library.open`: it checks and migrates the library first."""
        self._engine = engine
        self._sessions = session_factory(engine)
        self._location = LibraryLocation.parse(location)
        self._read_only = read_only
        self._writes = 0
        self.checked_now = False
        """Its pages were all read for damage when it was opened (see `close`)."""

    @classmethod
    def open(
        cls, location: Path | str | LibraryLocation, *, create: bool = True, check: bool = True
    ) -> Library:
        """Open the library at `location` (a file path, or a `postgresql://` address: see
        `LibraryLocation.parse`) at the newest schema; read-only when the file or its folder
        cannot be written, or the server role may only read.

        With `create`, a missing or empty file becomes a new library; without it (for
        what only reads) they are refused. A damaged file (`DamagedLibrary`), one that is
        not a library or is from a newer counterclaim, or a read-only library that would
        need upgrading is refused with a `LibraryError` that says what to do, and is left
        exactly as it was. The file's pages are read for damage first unless not `check`
        (this process has just checked it) or it is as left (`counterclaim.store.checked`).
        """
        where = LibraryLocation.parse(location)
        check = check and not (where.path and checked.unchanged_since_closed(where.path))
        engine, read_only = opened_engine(where, create=create, check=check)
        library = cls(engine, where, read_only=read_only)
        library.checked_now = check
        return library

    @property
    def location(self) -> LibraryLocation:  # str() of it is safe to show: no password
        return self._location

    @property
    def path(self) -> Path:
        """The library file (a library on a server has none: see `location`)."""
        if self._location.path is None:
            raise LibraryError(f"the library {self._location} is on a server, not in a file")
        return self._location.path

    @property
    def read_only(self) -> bool:
        """Opened read-only: every change is refused with a `LibraryError`."""
        return self._read_only

    @contextmanager
    def _unit(self, *, write: bool = False) -> Iterator[Session]:
        """One transaction (`session_scope`); every `CHECKPOINT_EVERY` writes, a file's log
        is emptied into it."""
        with session_scope(self._sessions, self._location, write=write) as session:
            yield session
        if write and not self._location.is_server:
            self._writes += 1
            if self._writes % self.CHECKPOINT_EVERY == 0:
                checkpoint(self._engine)

    def close(self) -> None:
        self._engine.dispose()
        if self._location.path is not None and not self._read_only:
            checked.remember(self._location.path, self.checked_now)

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_raised: object) -> None:
        self.close()

    def add_article(self, meta: ArticleMeta, text: str, sha256: str) -> tuple[int, bool]:
        """Store an article; returns (its id, whether it is new). The same text (same sha256)
        is one article: a second import changes nothing, also when two programs import it
        at once (the second is given the first's article)."""
        try:
            return self._add_article(meta, text, sha256)
        except IntegrityError:  # imported by another program since this one looked
            if (found := self.find_article(sha256)) is None:
                raise
            return found, False

    def _add_article(self, meta: ArticleMeta, text: str, sha256: str) -> tuple[int, bool]:
        with self._unit(write=True) as session:
            if (existing := article_with_text(session, sha256)) is not None:
                return existing, False
            about = ("title", "outlet", "author", "published", "source", "language", "place")
            row = ArticleRow(
                **{field: getattr(meta, field) for field in about},
                text=text,
                sha256=sha256,
                imported_at=utc_now(),
                analysed=False,
            )
            session.add(row)
            session.flush()
            return row.id, True

    def articles(self) -> list[Article]:
        """All articles, oldest import first, with their statement and pair counts."""
        with self._unit() as session:
            counts = article_counts(session)
            rows = session.scalars(
                select(ArticleRow).order_by(ArticleRow.imported_at, ArticleRow.id)
            )
            return [to_article(row, counts.get(row.id, no_counts())) for row in rows]

    def article_list(
        self, of_links: Collection[str] | None = None, counts: bool = True
    ) -> list[ArticleEntry]:
        """The library list (see `article_entries`): oldest import first, in one query."""
        with self._unit() as session:
            return article_entries(session, of_links, counts)

    def article(self, article_id: int, *, counts: bool = True) -> Article:
        """The article; without its statement and pair counts (all zero) when `counts` is
        False, which saves two queries (a report reads every article)."""
        with self._unit() as session:
            row = article_row(session, article_id)
            if not counts:
                return to_article(row, no_counts())
            return to_article(row, article_counts(session, article_id).get(row.id, no_counts()))

    def reading(self, article_id: int) -> ArticleReading:
        """The article with its analysis, the sides and its links into other articles, as
        the window shows them: one transaction of a few queries."""
        with self._unit() as session:
            row = article_row(session, article_id)
            analysis = load_analysis(session, row) if row.analysed else None
            counts = {
                "statements": len(analysis.statements) if analysis else 0,
                "pairs": len(analysis.pairs) if analysis else 0,
            }
            return ArticleReading(
                to_article(row, counts),
                analysis,
                tuple(visible_sides(session)),
                tuple(search.cross_pairs(session, article_id)) if analysis else (),
            )

    def find_article(self, sha256: str) -> int | None:
        """The id of the article whose text has this sha256, if there is one."""
        with self._unit() as session:
            return article_with_text(session, sha256)

    def save_analysis(self, article_id: int, analysis: Analysis) -> Analysis:
        """Store what the pipeline found, keeping what people decided, in one transaction.

        See `counterclaim.store.saving.save_analysis` for what is replaced and what is kept.
        Returns the analysis as stored (what `analysis` reads back), with the library's ids
        ("sp12", "st40", "ln7").
        """
        with self._unit(write=True) as session:
            row = article_row(session, article_id)
            earlier = search.statement_ids(session, article_id)
            save_analysis(session, row, analysis)
            session.merge(LibraryStateRow(key="pairing_due", value="1"))
            session.flush()
            search.reindex_article(session, row, earlier)
            return load_analysis(session, row)

    def mark_not_analysed(self, article_id: int, reason: str) -> None:
        """The article's analysis failed: keep the article, and say why until one succeeds."""
        with self._unit(write=True) as session:
            article_row(session, article_id).analysis_error = reason

    def unanalysed(self, failed_too: bool = True) -> list[int]:
        """The articles never analysed (and, `failed_too`, whose analysis failed), in
        import order: one query, however big the library."""
        with self._unit() as session:
            query = select(ArticleRow.id).where(ArticleRow.analysed.is_(False))
            if not failed_too:
                query = query.where(ArticleRow.analysis_error.is_(None))
            return list(session.scalars(query.order_by(ArticleRow.id)))

    def empty(self) -> bool:
        with self._unit() as session:
            return session.scalar(select(ArticleRow.id).limit(1)) is None

    def pairing_due(self) -> bool:
        """Whether pairing across the library has to be done (again): an article was
        analysed since it last ran to the end."""
        with self._unit() as session:
            row = session.get(LibraryStateRow, "pairing_due")
            return row is not None and row.value == "1"

    def set_pairing_due(self, due: bool) -> None:
        with self._unit(write=True) as session:
            session.merge(LibraryStateRow(key="pairing_due", value="1" if due else "0"))

    def similar_to_each(
        self,
        statement_ids: list[str],
        limit: int = 20,
        paired_only: bool = False,
        word_counts: dict[str, int] | None = None,
    ) -> dict[str, list[LibraryStatement]]:
        """Statements in other articles that share the most words with each of these (with
        `paired_only`, in articles already paired with the library), best first.
        `word_counts` keeps how many statements have each word, for the next search while
        the index is the same."""
        with self._unit() as session:
            return search.similar_to_each(session, statement_ids, limit, paired_only, word_counts)

    def unpaired(self) -> list[int]:
        """The analysed articles not yet paired with the library, in import order."""
        with self._unit() as session:
            query = select(ArticleRow.id).where(
                ArticleRow.analysed.is_(True), ArticleRow.paired.is_(False)
            )
            return list(session.scalars(query.order_by(ArticleRow.id)))

    def statement_features(self, statement_ids: list[str]) -> dict[str, dict[str, Any]]:
        """What these statements say, as pairing reads it, for those it is stored for."""
        with self._unit() as session:
            return search.statement_features(session, statement_ids)

    def keep_features(self, features: dict[str, dict[str, Any]]) -> None:
        with self._unit(write=True) as session:
            search.keep_features(session, features)

    def save_pairing(self, article_id: int, claims: list[Pair], answers: list[Pair]) -> None:
        """The article paired with the library, in one transaction: rebuttals elsewhere of
        its claims (replacing the machine's earlier ones), and its answers to claims
        elsewhere (added beside what those articles had); the article is paired."""
        with self._unit(write=True) as session:
            row = article_row(session, article_id)
            search.save_cross_pairs(session, article_id, claims)
            search.add_answers(session, article_id, answers)
            row.paired = True

    def cross_pairs(self, article_id: int) -> list[tuple[Pair, LibraryStatement]]:
        """This article's claims beside rebuttals in other articles, best first."""
        with self._unit() as session:
            article_row(session, article_id)
            return search.cross_pairs(session, article_id)

    def analysis(self, article_id: int) -> Analysis | None:
        """What was found in the article, or None if it was never analysed.

        Holds the pairs whose two statements are both in this article, best first.
        """
        with self._unit() as session:
            row = article_row(session, article_id)
            return load_analysis(session, row) if row.analysed else None

    def sides(self) -> list[Side]:
        """Every side in the library, in the order they were created."""
        with self._unit() as session:
            return visible_sides(session)

    def review_link(self, link_id: str, review: Review, who: str) -> Pair:
        """Record a reviewer's decision on a link as one action (see `apply`)."""
        with self._unit(write=True) as session:
            edits = editing.review_edits(session, link_id, review)
            if edits:
                editing.apply(session, "Review pair", edits, who)
            return editing.link_pair(session, link_id)

    def apply(self, label: str, edits: list[Edit], who: str, force: bool = False) -> Batch:
        """Make a reviewer's action (one or more edits) in one transaction and record it.

        Each edit must find the value it expects in `before`; otherwise nothing is
        changed and `EditConflict` says who changed it (`force` makes it anyway). A new
        action ends what this reviewer could redo.
        """
        with self._unit(write=True) as session:
            return editing.apply(session, label, edits, who, force)

    def edit_mark(self) -> EditMark:
        """How many actions anyone made, undone or redone, and the last one's reviewer."""
        with self._unit() as session:
            return editing.mark(session)

    def undo(self, batch_id: int) -> Batch:
        """Put back the values an action changed."""
        with self._unit(write=True) as session:
            return editing.undo(session, batch_id)

    def redo(self, batch_id: int) -> Batch:
        with self._unit(write=True) as session:
            return editing.redo(session, batch_id)

    def batches(self, limit: int = 100, who: str | None = None) -> list[Batch]:
        """The latest actions (of `who`) that can be undone or redone, oldest first."""
        with self._unit() as session:
            return editing.batches(session, limit, who)

    def history(self, limit: int = 500) -> list[Change]:
        """The latest edits reviewers made, newest first."""
        with self._unit() as session:
            return editing.history(session, limit)

    def value(self, target: str, what: str) -> str | None:
        """The current value of a field a reviewer can edit ("ln7", "status")."""
        with self._unit() as session:
            return editing.current_value(session, target, what)

    def pair(self, link_id: str) -> Pair:
        with self._unit() as session:
            return editing.link_pair(session, link_id)

    def new_statement(
        self, article_id: int, span: Span, speaker_id: str | None, kind: StatementKind
    ) -> str:
        """Store a statement marked by hand, hidden; showing it is the edit
        `Edit(id, "hidden", "1", "0")`, so it can be undone."""
        with self._unit(write=True) as session:
            return by_hand.new_statement(session, article_id, span, speaker_id, kind)

    def new_speaker(self, article_id: int, name: str, side_id: str | None = None) -> str:
        """Store a speaker named by hand, hidden (see `new_statement`)."""
        with self._unit(write=True) as session:
            return by_hand.new_speaker(session, article_id, name, side_id)

    def new_side(self, label: str) -> str:
        """Store a side named by hand, hidden (see `new_statement`)."""
        with self._unit(write=True) as session:
            return by_hand.new_side(session, label)

    def new_link(self, claim_id: str, rebuttal_id: str, relation: Relation, who: str) -> str:
        """Store a link made by hand, confirmed and hidden (see `new_statement`)."""
        with self._unit(write=True) as session:
            return by_hand.new_link(session, claim_id, rebuttal_id, relation, who)

    def merge_edits(self, kept_id: str, merged_id: str) -> list[Edit]:
        """The edits that merge one speaker into another (for `apply`)."""
        with self._unit() as session:
            return by_hand.merge_edits(session, kept_id, merged_id)

    def rename_side_edits(self, side_id: str, label: str) -> list[Edit]:
        """The edits that rename a side, keeping the old label as an alias (for `apply`)."""
        with self._unit() as session:
            return by_hand.rename_side_edits(session, side_id, label)

    def side_id(self, label: str) -> str | None:
        """The id of the side called `label` (or once called so), if there is one."""
        with self._unit() as session:
            return by_hand.side_id(session, label)

    def search(self, query: str, limit: int = 100) -> list[LibraryStatement]:
        """Statements anywhere in the library whose words match `query`, best first."""
        with self._unit() as session:
            return search.search_statements(session, query, limit)
