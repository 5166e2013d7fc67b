"""Library files that need not be read for damage when opened again.

SQLite's check reads every page: a third of a second for a library of 10,000 articles,
paid by every `counterclaim import`. A file this user's counterclaim found sound when it
opened it, and has written since only through SQLite, is as sound as it was when it was
closed: if, when opened again, it is still that file as it was left (the same device,
inode, size and time of change), and its pages were all read less than a day ago, the
check is not repeated. Anything that changed it since (a copy put in its place, another
program, a restore) makes it checked again; damage that changes no file time (a failing
disk) is found by the next day's check, or by SQLite as soon as a damaged page is read.

What was left is kept in $XDG_STATE_HOME/counterclaim/checked-libraries.json; it is only
a saving of time, so a record that cannot be read or written is simply not used.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from counterclaim.paths import state_folder

RECORDS = "checked-libraries.json"
CHECK_EVERY = 24 * 3600.0
"""Seconds after which a library's pages are all read again, however it was left."""
KEPT = 50
"""Libraries remembered, the most recently closed first."""

Identity = list[int]


def identity(path: Path) -> Identity | None:
    try:
        seen = path.stat()
    except OSError:
        return None
    return [seen.st_dev, seen.st_ino, seen.st_size, seen.st_mtime_ns]


def unchanged_since_closed(path: Path, now: float | None = None) -> bool:
    """Whether the file is as counterclaim left it, its pages read less than a day ago."""
    record = _records().get(_key(path))
    if not isinstance(record, dict):
        return False
    now = time.time() if now is None else now
    checked = record.get("checked")
    fresh = isinstance(checked, int | float) and 0 <= now - checked < CHECK_EVERY
    return fresh and record.get("left") == identity(path)


def remember(path: Path, checked_now: bool) -> None:
    """The library was closed: keep how it was left, and when its pages were last all
    read (now, if `checked_now`, else as recorded)."""
    left = identity(path)
    if left is None:
        return
    records = _records()
    earlier = records.pop(_key(path), None)
    checked = time.time() if checked_now else None
    if checked is None and isinstance(earlier, dict):
        checked = earlier.get("checked")
    if checked is None:
        return
    records = {_key(path): {"left": left, "checked": checked}, **records}
    _write(dict(list(records.items())[:KEPT]))


def _key(path: Path) -> str:
    return str(path.resolve())


def _records() -> dict[str, object]:
    try:
        found = json.loads((state_folder() / RECORDS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _write(records: dict[str, object]) -> None:
    folder = state_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        part = folder / f".{RECORDS}.{os.getpid()}"
        part.write_text(json.dumps(records), encoding="utf-8")
        part.replace(folder / RECORDS)  # whole, or not at all: two programs may close at once
    except OSError:
        return
