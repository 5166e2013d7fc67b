"""Reviewers' edits: each action is a batch of field changes, stored, undoable, redoable.

Nothing a reviewer makes or removes is deleted: a statement, speaker, side or link made
by hand is stored hidden and shown by an edit ("hidden" 1 -> 0), and a removal hides it
again, so every action can be undone, also after the library is reopened.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from counterclaim.colours import side_colour
from counterclaim.domain import (
    Batch,
    BatchState,
    Change,
    Edit,
    LinkStatus,
    Origin,
    Pair,
    Relation,
    Review,
    Span,
    SpeakerKind,
    StatementKind,
    StatementMode,
)
from counterclaim.store import ids, search
from counterclaim.store.errors import LibraryError
from counterclaim.store.models import (
    ArticleRow,
    Base,
    EditBatchRow,
    EditRow,
    LinkOrigin,
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


def _target(session: Session, target: str) -> tuple[Any, dict[str, _Field]]:
    prefix = target.rstrip("0123456789")
    if prefix not in _FIELDS:
        raise LibraryError(f"'{target}' is not the id of a link, statement, speaker or side")
    model, fields = _FIELDS[prefix]
    row = session.get(model, ids.row_id(prefix, target))
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


def _set(session: Session, target: str, what: str, expected: str | None, value: str | None) -> None:
    """Set one field, if it still holds what the edit expects."""
    row, fields = _target(session, target)
    spec = _field(fields, target, what)
    column = _column(what, spec)
    now = spec.read(getattr(row, column))
    if now != expected:
        raise LibraryError(
            f"{target} {what} is now '{now}', not '{expected}': it was changed elsewhere, "
            "so this action cannot be applied; nothing was changed"
        )
    if isinstance(row, SideRow) and what == "label" and value is not None:
        _check_free_label(session, value, row.id)
    if isinstance(row, ArticleRow) and what == "title" and not (value or "").strip():
        raise LibraryError("an article needs a title")
    setattr(row, column, spec.write(value))
    if isinstance(row, SpeakerRow) and what in ("name", "side", "aliases"):
        row.edited = True
    if isinstance(row, LinkRow):
        row.updated_at = utc_now()


def _check_free_label(session: Session, label: str, own: int) -> None:
    other = session.scalar(select(SideRow.id).where(SideRow.label == label, SideRow.id != own))
    if other is not None:
        raise LibraryError(f"there is already a side called '{label}': choose another name")
    if not label.strip():
        raise LibraryError("a side needs a name")


def apply(session: Session, label: str, edits: Sequence[Edit], who: str) -> Batch:
    """Make the edits as one action; a new action ends what could be redone."""
    if not edits:
        raise LibraryError("nothing to change")
    for edit in edits:
        _set(session, edit.target, edit.what, edit.before, edit.after)
    session.execute(
        update(EditBatchRow)
        .where(EditBatchRow.state == BatchState.UNDONE.value)
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
    return _batch(session, batch)


def undo(session: Session, batch_id: int) -> Batch:
    batch = _batch_row(session, batch_id, BatchState.DONE)
    for edit in reversed(_edits(session, batch_id)):
        _set(session, edit.target, edit.what, edit.after, edit.before)
    batch.state = BatchState.UNDONE.value
    return _batch(session, batch)


def redo(session: Session, batch_id: int) -> Batch:
    batch = _batch_row(session, batch_id, BatchState.UNDONE)
    for edit in _edits(session, batch_id):
        _set(session, edit.target, edit.what, edit.before, edit.after)
    batch.state = BatchState.DONE.value
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


def batches(session: Session, limit: int) -> list[Batch]:
    """The latest actions that can still be undone or redone, oldest first."""
    rows = session.scalars(
        select(EditBatchRow)
        .where(EditBatchRow.state != BatchState.DISCARDED.value)
        .order_by(EditBatchRow.id.desc())
        .limit(limit)
    )
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


# Things a reviewer makes: stored hidden; the action that shows them is the edit.


def new_statement(
    session: Session, article_id: int, span: Span, speaker_id: str | None, kind: StatementKind
) -> str:
    """A statement marked by hand over `span` of the article's text (hidden until shown)."""
    article = session.get(ArticleRow, article_id)
    if article is None:
        raise LibraryError(f"there is no article {article_id} in the library")
    text = article.text
    while span.start < span.end and text[span.start].isspace():
        span = Span(span.start + 1, span.end)
    while span.end > span.start and text[span.end - 1].isspace():
        span = Span(span.start, span.end - 1)
    if not 0 <= span.start < span.end <= len(text):
        raise LibraryError("select the words of the statement in the article first")
    existing = session.scalar(
        select(StatementRow).where(
            StatementRow.article_id == article_id,
            StatementRow.content_start == span.start,
            StatementRow.content_end == span.end,
        )
    )
    if existing is not None and not existing.hidden:
        raise LibraryError("these words are already a statement: link that one instead")
    speaker = None
    if speaker_id is not None:
        speaker = session.get(SpeakerRow, ids.row_id(ids.SPEAKER, speaker_id))
        if speaker is None or speaker.article_id != article_id:
            raise LibraryError(f"{speaker_id} is not a speaker of this article")
    row = existing or StatementRow(article_id=article_id, hidden=True)
    row.speaker_id = speaker.id if speaker else None
    row.speaker_text = speaker.name if speaker else ""
    row.cue, row.cue_start, row.cue_end = "", None, None
    row.speaker_start, row.speaker_end = None, None
    row.kind = kind.value
    row.content_start, row.content_end = span.start, span.end
    row.origin = Origin.MANUAL.value
    row.rule = "manual"
    row.mode = StatementMode.SPEECH.value
    session.add(row)
    session.flush()
    search.index_statement(session, row, text)
    return ids.public_id(ids.STATEMENT, row.id)


def new_speaker(session: Session, article_id: int, name: str, side: str | None) -> str:
    """A speaker named by hand in this article (hidden until shown)."""
    name = " ".join(name.split())
    if not name:
        raise LibraryError("a speaker needs a name")
    rows = session.scalars(
        select(SpeakerRow).where(SpeakerRow.article_id == article_id, SpeakerRow.name == name)
    ).all()
    if any(not row.hidden for row in rows):
        raise LibraryError(f"'{name}' is already a speaker in this article: choose them instead")
    row = rows[0] if rows else SpeakerRow(article_id=article_id, hidden=True)
    row.name, row.kind, row.aliases = name, SpeakerKind.PERSON.value, [name]
    row.affiliation, row.local_key, row.edited = None, "manual", True
    row.side_id = None if side is None else ids.row_id(ids.SIDE, side)
    session.add(row)
    session.flush()
    return ids.public_id(ids.SPEAKER, row.id)


def new_side(session: Session, label: str) -> str:
    """A side named by hand (hidden until shown), with the next colour."""
    label = " ".join(label.split())
    if not label:
        raise LibraryError("a side needs a name")
    row = session.scalar(select(SideRow).where(SideRow.label == label))
    if row is not None and not row.hidden:
        raise LibraryError(f"there is already a side called '{label}': choose it instead")
    if row is None:
        count = session.scalar(select(func.count()).select_from(SideRow)) or 0
        row = SideRow(label=label, colour=side_colour(count), hidden=True)
        session.add(row)
        session.flush()
    return ids.public_id(ids.SIDE, row.id)


def new_link(
    session: Session, claim_id: str, rebuttal_id: str, relation: Relation, who: str
) -> str:
    """A link made by hand from a claim to its rebuttal (hidden until shown)."""
    ends = (ids.row_id(ids.STATEMENT, claim_id), ids.row_id(ids.STATEMENT, rebuttal_id))
    if ends[0] == ends[1]:
        raise LibraryError("a statement cannot rebut itself: choose another statement")
    for end in ends:
        if session.get(StatementRow, end) is None:
            raise LibraryError(f"{ids.public_id(ids.STATEMENT, end)} is not in the library")
    existing = session.scalar(
        select(LinkRow).where(LinkRow.claim_id == ends[0], LinkRow.rebuttal_id == ends[1])
    )
    if existing is not None and not existing.hidden:
        raise LibraryError("these two statements are already linked: see that pair")
    now = utc_now()
    row = existing or LinkRow(
        claim_id=ends[0],
        rebuttal_id=ends[1],
        origin=LinkOrigin.MANUAL.value,
        score=1.0,
        reasons=[],
        status=LinkStatus.CONFIRMED.value,
        created_by=who,
        created_at=now,
        updated_at=now,
        hidden=True,
    )
    row.relation = relation.value
    row.reasons = row.reasons or [f"Linked by hand by {who}."]
    session.add(row)
    session.flush()
    return ids.public_id(ids.LINK, row.id)


def merge_edits(session: Session, kept: str, merged: str) -> list[Edit]:
    """Merge speaker `merged` into `kept`: its statements move to `kept`, its names become
    `kept`'s aliases, and it is hidden."""
    keep_row = session.get(SpeakerRow, ids.row_id(ids.SPEAKER, kept))
    gone_row = session.get(SpeakerRow, ids.row_id(ids.SPEAKER, merged))
    if keep_row is None or gone_row is None or keep_row.id == gone_row.id:
        raise LibraryError("choose two different speakers to merge")
    if keep_row.article_id != gone_row.article_id:
        raise LibraryError("only speakers of the same article can be merged")
    edits = [
        Edit(ids.public_id(ids.STATEMENT, row.id), "speaker", merged, kept)
        for row in session.scalars(
            select(StatementRow).where(StatementRow.speaker_id == gone_row.id)
        )
    ]
    aliases = list(dict.fromkeys([*keep_row.aliases, gone_row.name, *gone_row.aliases]))
    if aliases != list(keep_row.aliases):
        edits.append(Edit(kept, "aliases", json.dumps(list(keep_row.aliases)), json.dumps(aliases)))
    edits.append(Edit(merged, "hidden", "0", "1"))
    return edits


def rename_side_edits(session: Session, side: str, label: str) -> list[Edit]:
    """Rename a side; its old label stays an alias, so a new analysis still finds it."""
    row = session.get(SideRow, ids.row_id(ids.SIDE, side))
    if row is None:
        raise LibraryError(f"{side} is no longer in the library")
    label = " ".join(label.split())
    _check_free_label(session, label, row.id)
    aliases = list(dict.fromkeys([*row.aliases, row.label]))
    return [
        Edit(side, "label", row.label, label),
        Edit(side, "aliases", json.dumps(list(row.aliases)), json.dumps(aliases)),
    ]


def side_id(session: Session, label: str) -> str | None:
    """The public id of the visible side called `label` (or once called so)."""
    for row in session.scalars(select(SideRow).where(SideRow.hidden.is_(False))):
        if row.label == label:
            return ids.public_id(ids.SIDE, row.id)
    for row in session.scalars(select(SideRow).where(SideRow.hidden.is_(False))):
        if label in row.aliases:
            return ids.public_id(ids.SIDE, row.id)
    return None
