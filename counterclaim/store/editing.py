"""Reviewers' edits: each action is a batch of field changes, stored, undoable, redoable.

Nothing a reviewer makes or removes is deleted: a statement, speaker, side or link made
by hand (`counterclaim.store.by_hand`) is stored hidden and shown by an edit ("hidden"
1 -> 0), and a removal hides it again, so every action can be undone, also after the
library is reopened.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, String, cast, select, update
from sqlalchemy.orm import Session

from counterclaim.domain import Batch, BatchState, Change, Edit, EditMark, Pair, Review
from counterclaim.store import ids
from counterclaim.store.errors import EditConflict, LibraryError
from counterclaim.store.models import (
    ArticleRow,
    Base,
    EditBatchRow,
    EditRow,
    LibraryStateRow,
    LinkRow,
    SideRow,
    SpeakerRow,
    StatementRow,
    utc_now,
)
from counterclaim.store.reading import to_pair


@dataclass(frozen=True)
class _Field:
    column: str
    read: Callable[[Any], str | None]
    write: Callable[[str | None], Any]


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _flag(value: Any) -> str:
    return "1" if value else "0"


def _ref(prefix: str, column: str) -> _Field:
    """A reference to another row, shown as its public id."""
    return _Field(
        column,
        lambda v: None if v is None else ids.public_id(prefix, v),
        lambda t: None if t is None else ids.row_id(prefix, t),
    )


def _list() -> _Field:
    return _Field("aliases", lambda v: json.dumps(list(v or [])), lambda t: json.loads(t or "[]"))


_PLAIN = _Field("", _text, lambda t: t)
_NOTE = _Field("note", lambda v: v or "", lambda t: t or "")
_HIDDEN = _Field("hidden", _flag, lambda t: t == "1")

_FIELDS: dict[str, tuple[type[Base], dict[str, _Field]]] = {
    ids.LINK: (
        LinkRow,
        {
            "status": _PLAIN,
            "verdict": _PLAIN,
            "note": _NOTE,
            "relation": _PLAIN,
            "hidden": _HIDDEN,
        },
    ),
    ids.STATEMENT: (
        StatementRow,
        {"speaker": _ref(ids.SPEAKER, "speaker_id"), "hidden": _HIDDEN},
    ),
    ids.SPEAKER: (
        SpeakerRow,
        {
            "name": _PLAIN,
            "side": _ref(ids.SIDE, "side_id"),
            "aliases": _list(),
            "hidden": _HIDDEN,
        },
    ),
    ids.SIDE: (
        SideRow,
        {"label": _PLAIN, "colour": _PLAIN, "aliases": _list(), "hidden": _HIDDEN},
    ),
    ids.ARTICLE: (  # what is known about an article; its text never changes
        ArticleRow,
        {
            "title": _Field("title", _text, lambda t: t or ""),
            "outlet": _PLAIN,
            "author": _PLAIN,
            "published": _PLAIN,
            "source": _PLAIN,
            "place": _PLAIN,
        },
    ),
}


_KINDS = {
    ids.LINK: "link",
    ids.STATEMENT: "statement",
    ids.SPEAKER: "speaker",
    ids.SIDE: "side",
    ids.ARTICLE: "article",
}


def _column(what: str, spec: _Field) -> str:
    return spec.column or what


def _target(session: Session, target: str, lock: bool = False) -> tuple[Any, dict[str, _Field]]:
    """The row an edit's target names; with `lock`, held against other writers until
    the action ends (PostgreSQL's FOR UPDATE: two reviewers never both find the value
    they expect and both write; SQLite lets one writer in at a time anyway)."""
    prefix = target.rstrip("0123456789")
    if prefix not in _FIELDS:
        raise LibraryError(f"'{target}' is not the id of a link, statement, speaker or side")
    model, fields = _FIELDS[prefix]
    row = session.get(model, ids.row_id(prefix, target), with_for_update=lock)
    if row is None:
        raise LibraryError(f"there is no {_KINDS[prefix]} {target} in the library")
    return row, fields


def current_value(session: Session, target: str, what: str) -> str | None:
    row, fields = _target(session, target)
    spec = _field(fields, target, what)
    return spec.read(getattr(row, _column(what, spec)))


def _field(fields: dict[str, _Field], target: str, what: str) -> _Field:
    if what not in fields:
        raise LibraryError(f"{target} has no field '{what}' a reviewer can change")
    return fields[what]


def _set(
    session: Session, target: str, what: str, expected: str | None, value: str | None
) -> str | None:
    """Set one field, if it still holds what the edit expects (any value, when
    `expected` is `ANY`); returns what it held."""
    row, fields = _target(session, target, lock=True)
    spec = _field(fields, target, what)
    column = _column(what, spec)
    now = spec.read(getattr(row, column))
    if expected is not ANY and now != expected:
        raise _conflict(session, target, what, now)
    if isinstance(row, SideRow) and what == "label" and value is not None:
        check_free_label(session, value, row.id)
    if isinstance(row, ArticleRow) and what == "title" and not (value or "").strip():
        raise LibraryError("an article needs a title")
    setattr(row, column, spec.write(value))
    if isinstance(row, SpeakerRow) and what in ("name", "side", "aliases"):
        row.edited = True
    if isinstance(row, LinkRow):
        row.updated_at = utc_now()
    return now


ANY: Any = object()
"""An edit's `before` that takes whatever the field holds (`apply` with `force`)."""


def _conflict(session: Session, target: str, what: str, now: str | None) -> EditConflict:
    """Who changed the field last, and when, for a reviewer who expected another value."""
    last = session.execute(
        select(EditBatchRow.who, EditBatchRow.at)
        .join(EditRow, EditRow.batch_id == EditBatchRow.id)
        .where(EditRow.target == target, EditRow.what == what)
        .where(EditBatchRow.state != BatchState.DISCARDED.value)
        .order_by(EditRow.id.desc())
        .limit(1)
    ).first()
    who, at = (last.who, f"{last.at:%H:%M}") if last is not None else (None, "")
    return EditConflict(target, what, now, who, at)


def check_free_label(session: Session, label: str, own: int) -> None:
    other = session.scalar(select(SideRow.id).where(SideRow.label == label, SideRow.id != own))
    if other is not None:
        raise LibraryError(f"there is already a side called '{label}': choose another name")
    if not label.strip():
        raise LibraryError("a side needs a name")


def apply(
    session: Session, label: str, edits: Sequence[Edit], who: str, force: bool = False
) -> Batch:
    """Make the edits as one action; a new action ends what this reviewer could redo.
    With `force`, each edit replaces what its field holds now, even if another reviewer
    changed it since (what it held is kept as the edit's `before`, for undo)."""
    if not edits:
        raise LibraryError("nothing to change")
    if force:
        edits = [
            Edit(e.target, e.what, _set(session, e.target, e.what, ANY, e.after), e.after)
            for e in edits
        ]
    else:
        for edit in edits:
            _set(session, edit.target, edit.what, edit.before, edit.after)
    session.execute(
        update(EditBatchRow)
        .where(EditBatchRow.state == BatchState.UNDONE.value, EditBatchRow.who == who)
        .values(state=BatchState.DISCARDED.value)
    )
    batch = EditBatchRow(label=label, who=who, at=utc_now(), state=BatchState.DONE.value)
    session.add(batch)
    session.flush()
    for edit in edits:
        session.add(
            EditRow(
                batch_id=batch.id,
                target=edit.target,
                what=edit.what,
                before=edit.before,
                after=edit.after,
            )
        )
    session.flush()
    _count_edit(session, who)
    return _batch(session, batch)


MARK = "edits"
"""The library_state row counting every action made, undone or redone, by anyone."""


def _count_edit(session: Session, who: str) -> None:
    """One more action in the library, and whose it was: each an insert-or-update in one
    statement, so that two reviewers acting at once never count the same number nor
    both make the first row."""
    upsert = _upsert(session)
    key = [LibraryStateRow.key]
    one_more = cast(cast(LibraryStateRow.value, Integer) + 1, String)
    session.execute(
        upsert(LibraryStateRow)
        .values(key=MARK, value="1")
        .on_conflict_do_update(index_elements=key, set_={"value": one_more})
    )
    session.execute(
        upsert(LibraryStateRow)
        .values(key=f"{MARK}_by", value=who)
        .on_conflict_do_update(index_elements=key, set_={"value": who})
    )


def _upsert(session: Session) -> Callable[[type[LibraryStateRow]], Any]:
    """The dialect's INSERT … ON CONFLICT; the server's is imported only for a server."""
    if session.get_bind().dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert
    from sqlalchemy.dialects.postgresql import insert as postgres_insert

    return postgres_insert


def mark(session: Session) -> EditMark:
    """How many actions were made, undone or redone in the library, and the last by whom."""
    found = session.execute(
        select(LibraryStateRow.key, LibraryStateRow.value).where(
            LibraryStateRow.key.in_((MARK, f"{MARK}_by"))
        )
    )
    rows = {key: value for key, value in found}
    return EditMark(int(rows.get(MARK, "0")), rows.get(f"{MARK}_by"))


def undo(session: Session, batch_id: int) -> Batch:
    batch = _batch_row(session, batch_id, BatchState.DONE)
    for edit in reversed(_edits(session, batch_id)):
        _set(session, edit.target, edit.what, edit.after, edit.before)
    batch.state = BatchState.UNDONE.value
    _count_edit(session, batch.who)
    return _batch(session, batch)


def redo(session: Session, batch_id: int) -> Batch:
    batch = _batch_row(session, batch_id, BatchState.UNDONE)
    for edit in _edits(session, batch_id):
        _set(session, edit.target, edit.what, edit.before, edit.after)
    batch.state = BatchState.DONE.value
    _count_edit(session, batch.who)
    return _batch(session, batch)


def _batch_row(session: Session, batch_id: int, state: BatchState) -> EditBatchRow:
    batch = session.get(EditBatchRow, batch_id)
    if batch is None or batch.state != state.value:
        raise LibraryError(f"action {batch_id} is not {state.value}: it cannot be reversed")
    return batch


def _edits(session: Session, batch_id: int) -> list[EditRow]:
    return list(session.scalars(select(EditRow).where(EditRow.batch_id == batch_id)))


def _batch(session: Session, row: EditBatchRow) -> Batch:
    edits = tuple(Edit(e.target, e.what, e.before, e.after) for e in _edits(session, row.id))
    return Batch(row.id, row.label, row.who, row.at, BatchState(row.state), edits)


def batches(session: Session, limit: int, who: str | None = None) -> list[Batch]:
    """The latest actions that can still be undone or redone (`who`'s only, when
    given: a reviewer undoes their own actions), oldest first."""
    query = select(EditBatchRow).where(EditBatchRow.state != BatchState.DISCARDED.value)
    if who is not None:
        query = query.where(EditBatchRow.who == who)
    rows = session.scalars(query.order_by(EditBatchRow.id.desc()).limit(limit))
    return [_batch(session, row) for row in reversed(list(rows))]


def history(session: Session, limit: int) -> list[Change]:
    """The latest edits, newest first."""
    rows = session.execute(
        select(EditRow, EditBatchRow)
        .join(EditBatchRow, EditRow.batch_id == EditBatchRow.id)
        .order_by(EditRow.id.desc())
        .limit(limit)
    )
    return [
        Change(b.id, b.label, e.target, e.what, e.before, e.after, b.who, b.at, BatchState(b.state))
        for e, b in rows
    ]


def review_edits(session: Session, link_id: str, review: Review) -> list[Edit]:
    """The edits that give a link this status, verdict and note."""
    ids.row_id(ids.LINK, link_id)  # says so if it is not a link's id
    wanted = {"status": review.status.value, "verdict": review.verdict, "note": review.note}
    edits = []
    for what, after in wanted.items():
        before = current_value(session, link_id, what)
        if before != after:
            edits.append(Edit(link_id, what, before, after))
    return edits


def link_pair(session: Session, link_id: str) -> Pair:
    row, _ = _target(session, link_id)
    assert isinstance(row, LinkRow)
    return to_pair(row)
