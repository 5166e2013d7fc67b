"""Every edit a reviewer makes (links, statements, speakers, sides) is kept as a batch of
field changes that can be undone and redone, also after a restart. Things a reviewer
removes or makes are hidden or shown, never deleted, so an undo can bring them back.

The link-only `history` table of 0005 is copied into `edit_batches`/`edits` and dropped.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _flag(name: str) -> sa.Column[bool]:
    return sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false())  # 0 in SQLite


def upgrade() -> None:
    for table in ("links", "statements", "speakers", "sides"):
        op.add_column(table, _flag("hidden"))
    op.add_column("speakers", _flag("edited"))
    op.add_column("sides", sa.Column("aliases", sa.JSON(), nullable=False, server_default="[]"))
    op.create_table(
        "edit_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("who", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_edit_batches")),
    )
    op.create_table(
        "edits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(), nullable=False),
        sa.Column("what", sa.String(), nullable=False),
        sa.Column("before", sa.String(), nullable=True),
        sa.Column("after", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["edit_batches.id"],
            name=op.f("fk_edits_batch_id_edit_batches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_edits")),
    )
    op.create_index(op.f("ix_edits_batch_id"), "edits", ["batch_id"])
    op.create_index(op.f("ix_edits_target"), "edits", ["target"])
    op.execute(
        "INSERT INTO edit_batches (id, label, who, at, state) "
        "SELECT id, 'Change ' || what, who, at, 'done' FROM history ORDER BY id"
    )
    op.execute(
        "INSERT INTO edits (batch_id, target, what, before, after) "
        "SELECT id, 'ln' || link_id, what, before, after FROM history ORDER BY id"
    )
    op.drop_index(op.f("ix_history_link_id"), table_name="history")
    op.drop_table("history")


def downgrade() -> None:
    op.create_table(
        "history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("link_id", sa.Integer(), nullable=False),
        sa.Column("what", sa.String(), nullable=False),
        sa.Column("before", sa.String(), nullable=True),
        sa.Column("after", sa.String(), nullable=True),
        sa.Column("who", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["link_id"], ["links.id"], name=op.f("fk_history_link_id_links"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_history")),
    )
    op.create_index(op.f("ix_history_link_id"), "history", ["link_id"])
    op.execute(
        "INSERT INTO history (link_id, what, before, after, who, at) "
        "SELECT CAST(substr(e.target, 3) AS INTEGER), e.what, e.before, e.after, b.who, b.at "
        "FROM edits e JOIN edit_batches b ON b.id = e.batch_id "
        "WHERE e.target LIKE 'ln%' AND b.state = 'done' "
        "AND CAST(substr(e.target, 3) AS INTEGER) IN (SELECT id FROM links) ORDER BY e.id"
    )
    op.drop_table("edits")
    op.drop_table("edit_batches")
    for table in ("links", "statements", "speakers", "sides"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("hidden")
    with op.batch_alter_table("speakers") as batch:
        batch.drop_column("edited")
    with op.batch_alter_table("sides") as batch:
        batch.drop_column("aliases")
