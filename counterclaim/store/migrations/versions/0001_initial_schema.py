"""The first library schema: articles, sides, speakers, statements, links.

Revision ID: 0001
Revises:
Create Date: 2026-05-09
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    _create_articles()
    _create_sides()
    _create_speakers()
    _create_statements()
    _create_links()


def downgrade() -> None:
    for table in ("links", "statements", "speakers", "sides", "articles"):
        op.drop_table(table)


def _create_articles() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("outlet", sa.String(), nullable=True),
        sa.Column("author", sa.String(), nullable=True),
        sa.Column("published", sa.String(), nullable=True),
        sa.Column("source", sa.String(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("analysed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("sha256", name=op.f("uq_articles_sha256")),
    )


def _create_sides() -> None:
    op.create_table(
        "sides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("colour", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sides")),
        sa.UniqueConstraint("label", name=op.f("uq_sides_label")),
    )


def _create_speakers() -> None:
    op.create_table(
        "speakers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("affiliation", sa.String(), nullable=True),
        sa.Column("side_id", sa.Integer(), nullable=True),
        sa.Column("local_key", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speakers")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_speakers_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["side_id"], ["sides.id"], name=op.f("fk_speakers_side_id_sides"), ondelete="SET NULL"
        ),
    )
    op.create_index(op.f("ix_speakers_article_id"), "speakers", ["article_id"])
    op.create_index(op.f("ix_speakers_side_id"), "speakers", ["side_id"])


def _create_statements() -> None:
    op.create_table(
        "statements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("speaker_text", sa.String(), nullable=False),
        sa.Column("cue", sa.String(), nullable=False),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("speaker_start", sa.Integer(), nullable=True),
        sa.Column("speaker_end", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("content_start", sa.Integer(), nullable=False),
        sa.Column("content_end", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(), nullable=False),
        sa.Column("rule", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statements")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_statements_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speakers.id"],
            name=op.f("fk_statements_speaker_id_speakers"),
            ondelete="SET NULL",
        ),
    )
    op.create_index(op.f("ix_statements_article_id"), "statements", ["article_id"])
    op.create_index(op.f("ix_statements_speaker_id"), "statements", ["speaker_id"])


def _create_links() -> None:
    op.create_table(
        "links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("rebuttal_id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("verdict", sa.String(), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_links")),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["statements.id"],
            name=op.f("fk_links_claim_id_statements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["rebuttal_id"],
            ["statements.id"],
            name=op.f("fk_links_rebuttal_id_statements"),
            ondelete="CASCADE",
        ),
    )
    op.create_index(op.f("ix_links_claim_id"), "links", ["claim_id"])
    op.create_index(op.f("ix_links_rebuttal_id"), "links", ["rebuttal_id"])
