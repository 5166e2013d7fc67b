"""Store what the pipeline found in an article, without losing what a person decided."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, insert, or_, select
from sqlalchemy.orm import Session

from counterclaim.colours import side_colour
from counterclaim.domain import Analysis, LinkStatus, Origin, Pair, Span, Speaker, Statement
from counterclaim.store.models import (
    ArticleRow,
    LinkOrigin,
    LinkRow,
    SideRow,
    SpeakerRow,
    StatementRow,
    utc_now,
)

MACHINE = "counterclaim"
"""`created_by` of the links the pairing machine suggests."""


def save_analysis(session: Session, article: ArticleRow, analysis: Analysis) -> None:
    """Replace what was extracted from `article` with `analysis`, keeping human decisions.

    - Links the machine suggested and nobody reviewed (origin and status 'suggested')
      are deleted and replaced by `analysis.pairs`.
    - Links that were confirmed, rejected or made by hand are kept. A new pair between
      the same two statements is not added beside them, so a rejected pair stays
      rejected.
    - A statement is identified by its content span. One found again keeps its row and
      id (an extracted one is updated; a manual one is left as it was). Extracted
      statements not found again are deleted, unless a kept link points at them.
      Manual statements are never deleted.
    - A speaker is identified by name within the article and keeps its row and id.
      Old speakers that are not in `analysis` are deleted unless a kept statement
      still names them.
    - Sides are shared by the whole library and found by label; a new side gets the
      next colour of `counterclaim.colours.SIDE_COLOURS`. `analysis.sides` is not read:
      colours belong to the library.
    """
    old_statements = list(
        session.scalars(select(StatementRow).where(StatementRow.article_id == article.id))
    )
    kept_links = _drop_suggested_links(session, [row.id for row in old_statements])
    speakers = _save_speakers(session, article.id, analysis.speakers)
    statements = _save_statements(session, article, old_statements, analysis, speakers)
    linked = {link.claim_id for link in kept_links} | {link.rebuttal_id for link in kept_links}
    _drop_statements(session, old_statements, set(statements.values()), linked)
    _drop_unused_speakers(session, article.id, [row.id for row in speakers.values()])
    _add_pairs(session, analysis.pairs, statements, kept_links)
    article.analysed = True
    article.analysis_error = None
    article.paired = False  # links across the library were dropped with its old statements


def _drop_suggested_links(session: Session, statement_ids: list[int]) -> list[LinkRow]:
    """Delete unreviewed suggestions touching these statements; return the other links."""
    touching = or_(LinkRow.claim_id.in_(statement_ids), LinkRow.rebuttal_id.in_(statement_ids))
    session.execute(
        delete(LinkRow).where(
            touching,
            LinkRow.origin == LinkOrigin.SUGGESTED.value,
            LinkRow.status == LinkStatus.SUGGESTED.value,
            LinkRow.hidden.is_(False),  # a reviewer removed it: it is not suggested again
        )
    )
    return list(session.scalars(select(LinkRow).where(touching)))


def _save_speakers(
    session: Session, article_id: int, speakers: Iterable[Speaker]
) -> dict[str, SpeakerRow]:
    """Rows for `speakers`, by their analysis-local id, reusing rows of the same name.

    A speaker a reviewer renamed, merged into another or moved to a side is found by
    its aliases too, and keeps the reviewer's name and side.
    """
    rows_now = list(session.scalars(select(SpeakerRow).where(SpeakerRow.article_id == article_id)))
    old: dict[str, SpeakerRow] = {}
    for row in sorted(rows_now, key=lambda r: (not r.hidden, r.edited)):  # visible win
        for name in (*row.aliases, row.name):
            old[name] = row
    sides = _Sides(session)
    rows: dict[str, SpeakerRow] = {}
    taken: set[int] = set()  # old rows already given to a speaker of this analysis
    for speaker in speakers:
        found = old.get(speaker.name)
        row = (
            found
            if found is not None and (found.id not in taken or found.edited)
            else SpeakerRow(article_id=article_id)
        )
        if row is found:
            taken.add(found.id)
        if row.edited:
            row.aliases = list(dict.fromkeys([*row.aliases, *speaker.aliases]))
        else:
            row.name = speaker.name
            row.aliases = list(speaker.aliases)
            row.side_id = None if speaker.side is None else sides.id_of(speaker.side)
        row.kind = speaker.kind.value
        row.affiliation = speaker.affiliation
        row.local_key = speaker.id
        session.add(row)
        rows[speaker.id] = row
    session.flush()  # once for them all: the new rows get their ids
    return rows


class _Sides:
    """The library's sides, read once for an analysis's speakers: by label, and visible ones
    by a label they were renamed from too."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._rows: list[SideRow] | None = None
        self._ids: dict[str, int] = {}

    def id_of(self, label: str) -> int:
        """The id of the side called `label` (or renamed from it), created with the next
        palette colour if new; made by hand and undone, it is the pipeline's now."""
        if label not in self._ids:
            if self._rows is None:
                self._rows = list(self._session.scalars(select(SideRow).order_by(SideRow.id)))
            visible = [s for s in self._rows if not s.hidden]
            side = next((s for s in visible if s.label == label), None) or next(
                (s for s in visible if label in s.aliases), None
            )
            if side is None:
                side = next((s for s in self._rows if s.label == label), None)
                if side is not None:
                    side.hidden = False
            if side is None:
                side = SideRow(label=label, colour=side_colour(len(self._rows)))
                self._session.add(side)
                self._session.flush()
                self._rows.append(side)
            self._ids[label] = side.id
        return self._ids[label]


def _save_statements(
    session: Session,
    article: ArticleRow,
    old_rows: Iterable[StatementRow],
    analysis: Analysis,
    speakers: dict[str, SpeakerRow],
) -> dict[str, StatementRow]:
    """Rows for the statements, by their analysis-local id, reusing rows with the same span."""
    old = {(row.content_start, row.content_end): row for row in old_rows}
    rows: dict[str, StatementRow] = {}
    for statement in analysis.statements:
        row = old.pop((statement.content.start, statement.content.end), None)
        if row is None:
            row = StatementRow(article_id=article.id)
            session.add(row)
        if row.origin != Origin.MANUAL.value:
            features = analysis.features.get(statement.id)
            _fill_statement(row, statement, speakers, len(article.text), features)
        rows[statement.id] = row
    session.flush()
    return rows


def _fill_statement(
    row: StatementRow,
    statement: Statement,
    speakers: dict[str, SpeakerRow],
    length: int,
    features: dict[str, Any] | None,
) -> None:
    for span in (statement.content, statement.cue_span, statement.speaker_span):
        if span is not None and span.end > length:
            raise ValueError(f"statement {statement.id}: span {span} is beyond the text")
    row.speaker_id = None if statement.speaker_id is None else speakers[statement.speaker_id].id
    row.speaker_text = statement.speaker_text
    row.cue = statement.cue
    row.cue_start, row.cue_end = _ends(statement.cue_span)
    row.speaker_start, row.speaker_end = _ends(statement.speaker_span)
    row.kind = statement.kind.value
    row.content_start, row.content_end = statement.content.start, statement.content.end
    row.origin = statement.origin.value
    row.rule = statement.rule
    row.mode = statement.mode.value
    row.features = features


def _ends(span: Span | None) -> tuple[int | None, int | None]:
    return (None, None) if span is None else (span.start, span.end)


def _drop_statements(
    session: Session,
    old: Sequence[StatementRow],
    current: set[StatementRow],
    linked: set[int],
) -> None:
    """Delete old extracted statements that were not found again and no kept link uses."""
    for row in old:
        if row not in current and row.origin != Origin.MANUAL.value and row.id not in linked:
            session.delete(row)
    session.flush()


def _drop_unused_speakers(session: Session, article_id: int, current: list[int]) -> None:
    """Delete the article's speakers that are neither current nor named by a statement
    (looked up by the statements' speaker index, not over every statement)."""
    used = select(StatementRow.id).where(StatementRow.speaker_id == SpeakerRow.id).exists()
    session.execute(
        delete(SpeakerRow).where(
            SpeakerRow.article_id == article_id,
            SpeakerRow.id.not_in(current),
            ~used,
            SpeakerRow.edited.is_(False),  # a reviewer's speaker or merge can be undone
            SpeakerRow.hidden.is_(False),
        )
    )


def _add_pairs(
    session: Session,
    pairs: Iterable[Pair],
    statements: dict[str, StatementRow],
    kept_links: Iterable[LinkRow],
) -> None:
    """Add the suggested pairs, except those between statements a kept link joins."""
    joined = {(link.claim_id, link.rebuttal_id) for link in kept_links}
    ends = [(statements[p.claim_id].id, statements[p.rebuttal_id].id) for p in pairs]
    add_suggested_links(session, list(zip(ends, pairs, strict=True)), joined)


def add_suggested_links(
    session: Session, pairs: list[tuple[tuple[int, int], Pair]], skipped: set[tuple[int, int]]
) -> None:
    """Links the machine suggests, each between two stored statements (claim, rebuttal),
    except between two a link in `skipped` joins already; in one statement: a new article
    paired with a big library is suggested thousands of them."""
    now = utc_now()
    rows = []
    for ends, pair in pairs:
        if ends in skipped:
            continue
        skipped.add(ends)
        rows.append(
            {
                "claim_id": ends[0],
                "rebuttal_id": ends[1],
                "origin": LinkOrigin.SUGGESTED.value,
                "score": pair.score,
                "reasons": list(pair.reasons),
                "relation": pair.relation.value,
                "status": pair.status.value,
                "created_by": MACHINE,
                "created_at": now,
                "updated_at": now,
                "hidden": False,
            }
        )
    if rows:
        session.execute(insert(LinkRow), rows)
