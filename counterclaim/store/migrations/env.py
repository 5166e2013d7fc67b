"""Alembic environment for the library schema.

Migrations run only through `counterclaim.store.migrate`, which hands over an open
connection (foreign keys off, inside a transaction) in `config.attributes["connection"]`.
"""

from alembic import context

from counterclaim.store.models import Base


def run_migrations() -> None:
    if context.is_offline_mode():
        raise RuntimeError("counterclaim migrations run on a live connection only")
    context.configure(
        connection=context.config.attributes["connection"],
        target_metadata=Base.metadata,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
