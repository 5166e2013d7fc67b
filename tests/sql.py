"""Counting the SQL a library sends, for tests that keep reads batched."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from counterclaim.store import Library


@contextmanager
def sql_sent(library: Library) -> Iterator[list[str]]:
    """The SQL statements (BEGIN aside) the library sends while the block runs."""
    sent: list[str] = []

    def on_execute(*args: Any) -> None:
        if args[2] != "BEGIN":
            sent.append(args[2])

    engine = library._engine  # the library's own engine: the test listens to what it sends
    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)
