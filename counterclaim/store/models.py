"""The library's tables, as typed SQLAlchemy 2 declarative classes.

Rows stay inside `store/`; other layers get `counterclaim.domain` dataclasses.
Enumerated values (statement kinds, statuses, ...) are stored as their string values.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class LinkOrigin(StrEnum):
    """Who proposed a link: the pairing machine or a person."""

    SUGGESTED = "suggested"
    MANUAL = "manual"


class UtcDateTime(TypeDecorator[datetime]):
    """A moment in UTC: stored without a zone, read back as an aware UTC datetime."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("store aware datetimes only")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def utc_now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UtcDateTime,
        float: Float,  # SQLAlchemy 2.1 would pick Double; the migrations say Float
        list[str]: JSON,
    }


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    outlet: Mapped[str | None]
    author: Mapped[str | None]
    published: Mapped[str | None]
    source: Mapped[str | None]
    language: Mapped[str | None]
    place: Mapped[str | None]
    """Where the story was filed, from its dateline; migration 0012."""
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    imported_at: Mapped[datetime]
    analysed: Mapped[bool] = mapped_column(default=False)
    analysis_error: Mapped[str | None] = mapped_column(Text)
    """Why the latest analysis failed, until one succeeds."""
    paired: Mapped[bool] = mapped_column(default=False, server_default="0", index=True)
    """Its latest analysis was paired with the rest of the library."""


class LibraryStateRow(Base):
    """Library-wide facts about work in progress ("pairing_due": "1")."""

    __tablename__ = "library_state"

    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str]


class SideRow(Base):
    __tablename__ = "sides"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(unique=True)
    colour: Mapped[str]
    aliases: Mapped[list[str]] = mapped_column(default=list, server_default="[]")
    """Labels the side had before a reviewer renamed it: the pipeline still says them."""
    hidden: Mapped[bool] = mapped_column(default=False, server_default="0")


class SpeakerRow(Base):
    __tablename__ = "speakers"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str]
    kind: Mapped[str]
    aliases: Mapped[list[str]]
    affiliation: Mapped[str | None]
    side_id: Mapped[int | None] = mapped_column(
        ForeignKey("sides.id", ondelete="SET NULL"), index=True
    )
    local_key: Mapped[str]
    """The speaker's id in the analysis it was saved from."""
    hidden: Mapped[bool] = mapped_column(default=False, server_default="0")
    edited: Mapped[bool] = mapped_column(default=False, server_default="0")
    """A reviewer renamed it or moved it to a side: a new analysis keeps that."""


class StatementRow(Base):
    __tablename__ = "statements"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    speaker_id: Mapped[int | None] = mapped_column(
        ForeignKey("speakers.id", ondelete="SET NULL"), index=True
    )
    speaker_text: Mapped[str]
    cue: Mapped[str]
    cue_start: Mapped[int | None]
    cue_end: Mapped[int | None]
    speaker_start: Mapped[int | None]
    speaker_end: Mapped[int | None]
    kind: Mapped[str]
    content_start: Mapped[int]
    content_end: Mapped[int]
    origin: Mapped[str]
    rule: Mapped[str]
    mode: Mapped[str] = mapped_column(server_default="speech")
    hidden: Mapped[bool] = mapped_column(default=False, server_default="0")
    features: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), deferred=True)
    """What a claim or belief says, parsed on its own (`counterclaim.nlp.views`): read
    only when asked for (`search.statement_features`), not with every statement, which
    showing an article or pairing it reads by the hundred."""


class LinkRow(Base):
    __tablename__ = "links"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), index=True
    )
    rebuttal_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), index=True
    )
    origin: Mapped[str]
    score: Mapped[float]
    reasons: Mapped[list[str]]
    relation: Mapped[str] = mapped_column(server_default="disputes")
    status: Mapped[str]
    verdict: Mapped[str | None]
    note: Mapped[str | None]
    created_by: Mapped[str]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    hidden: Mapped[bool] = mapped_column(default=False, server_default="0")
    """Removed by a reviewer: kept so the removal can be undone, and not suggested again."""


class EditBatchRow(Base):
    """One action of a reviewer; its edits are `EditRow`s."""

    __tablename__ = "edit_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str]
    who: Mapped[str]
    at: Mapped[datetime]
    state: Mapped[str]


class EditRow(Base):
    """One field of one thing changed by an action: its value before and after."""

    __tablename__ = "edits"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("edit_batches.id", ondelete="CASCADE"), index=True
    )
    target: Mapped[str] = mapped_column(index=True)
    what: Mapped[str]
    before: Mapped[str | None]
    after: Mapped[str | None]
