"""Reviewers' decisions on links, each change kept as a history row."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterclaim.domain import Change, Pair, Review
from counterclaim.store import ids
from counterclaim.store.errors import LibraryError
from counterclaim.store.models import HistoryRow, LinkRow, utc_now
from counterclaim.store.reading import to_pair


def review_link(session: Session, link_id: str, review: Review, who: str) -> Pair:
    """Set the link's status, verdict and note; record what changed, by whom, when."""
    row = session.get(LinkRow, ids.row_id(ids.LINK, link_id))
    if row is None:
        raise LibraryError(f"there is no link {link_id} in the library")
    now = utc_now()
    wanted = {"status": review.status.value, "verdict": review.verdict, "note": review.note}
    for what, after in wanted.items():
        before = getattr(row, what) or ("" if what == "note" else None)
        if before != after:
            setattr(row, what, after)
            session.add(
                HistoryRow(link_id=row.id, what=what, before=before, after=after, who=who, at=now)
            )
            row.updated_at = now
    session.flush()
    return to_pair(row)


def history(session: Session, limit: int) -> list[Change]:
    """The latest changes, newest first."""
    rows = session.scalars(select(HistoryRow).order_by(HistoryRow.id.desc()).limit(limit))
    return [
        Change(ids.public_id(ids.LINK, r.link_id), r.what, r.before, r.after, r.who, r.at)
        for r in rows
    ]
