"""What a reviewer makes by hand, and the edits that reshape speakers and sides.

A statement, speaker, side or link made by hand is stored hidden: the action that shows
it is an edit ("hidden" 1 -> 0) of `counterclaim.store.editing`, so it can be undone.
Merging speakers and renaming a side are planned here as edits for that same machinery.
"""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterclaim.colours import side_colour
from counterclaim.domain import (
    Edit,
    LinkStatus,
    Origin,
    Relation,
    Span,
    SpeakerKind,
    StatementKind,
    StatementMode,
)
from counterclaim.store import ids, search
from counterclaim.store.editing import check_free_label
from counterclaim.store.errors import LibraryError
from counterclaim.store.models import (
    ArticleRow,
    LinkOrigin,
    LinkRow,
    SideRow,
    SpeakerRow,
    StatementRow,
    utc_now,
)


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
    check_free_label(session, label, row.id)
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
