"""A reviewer's edits to pairs and articles, planned as `Edit`s for the undo stack: a
review (status, verdict, note), a relation, a link removed, a statement marked and linked
by hand, an article's details. Planning may create hidden rows (a new statement, a new
link); the planned edits show them, so undoing the action hides them again."""

from __future__ import annotations

from counterclaim.domain import (
    ArticleMeta,
    Edit,
    LibraryStatement,
    Pair,
    Relation,
    Span,
    Speaker,
    StatementKind,
)
from counterclaim.store import Library

SHOW = ("1", "0")  # "hidden" from 1 to 0: what was made by hand appears
HIDE = ("0", "1")
DETAIL_FIELDS = ("title", "outlet", "author", "published", "place", "source")


def review_edit(pair: Pair, what: str, after: str | None) -> list[Edit]:
    """Set a pair's status, verdict or note; nothing when it is already so."""
    before = {"status": pair.status.value, "verdict": pair.verdict, "note": pair.note}[what]
    if pair.id is None or before == after:
        return []
    return [Edit(pair.id, what, before, after)]


def relation_edit(pair: Pair, relation: Relation) -> list[Edit]:
    if pair.id is None or pair.relation == relation:
        return []
    return [Edit(pair.id, "relation", pair.relation.value, relation.value)]


def remove_link(pair: Pair) -> list[Edit]:
    return [] if pair.id is None else [Edit(pair.id, "hidden", *HIDE)]


def link_by_hand(
    library: Library, claim_id: str, rebuttal_id: str, relation: Relation, who: str
) -> list[Edit]:
    """A link the reviewer made between two statements (of any articles)."""
    link_id = library.new_link(claim_id, rebuttal_id, relation, who)
    return [Edit(link_id, "hidden", *SHOW)]


def mark_statement(
    library: Library, article_id: int, span: Span, speaker_name: str, speakers: tuple[Speaker, ...]
) -> tuple[str, list[Edit]]:
    """Words of an article marked as a statement of a speaker (new or known): its id, and
    the edits that show it (and the new speaker)."""
    edits: list[Edit] = []
    speaker_id = next((s.id for s in speakers if s.name == speaker_name), None)
    if speaker_id is None:
        speaker_id = library.new_speaker(article_id, speaker_name)
        edits.append(Edit(speaker_id, "hidden", *SHOW))
    statement_id = library.new_statement(article_id, span, speaker_id, StatementKind.DIRECT)
    edits.append(Edit(statement_id, "hidden", *SHOW))
    return statement_id, edits


def linked_ends(marked_id: str, other: LibraryStatement, marked_is_claim: bool) -> tuple[str, str]:
    """(claim, rebuttal) for a statement just marked and the one picked to answer it."""
    if marked_is_claim:
        return marked_id, other.statement.id
    return other.statement.id, marked_id


def details_edits(article_id: int, before: ArticleMeta, after: ArticleMeta) -> list[Edit]:
    """An article's title, outlet, author, date, place and source, as edited."""
    target = f"ar{article_id}"
    return [
        Edit(target, name, getattr(before, name), getattr(after, name))
        for name in DETAIL_FIELDS
        if getattr(before, name) != getattr(after, name)
    ]
