"""Writing a file so that a failure never leaves it half written (no Qt): whole
(`write_atomically`) or as it is made (`writing_atomically`)."""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from counterclaim.errors import BAD_INPUT, CounterclaimError

_NOT_FILES = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
)


class NotAFileError(CounterclaimError):
    """Asked to write over something that is not a regular file (a folder, a device, a
    named pipe): refused, the thing left as it was."""

    exit_code = BAD_INPUT


def file_to_write(path: Path) -> Path:
    """Where writing `path` goes: `path`, or the file a symbolic link points to (so the
    link keeps pointing at the new content). Raises `NotAFileError` for a folder, a
    device, a named pipe or a socket."""
    target = Path(os.path.realpath(path))
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return target
    for test, kind in _NOT_FILES:
        if test(mode):
            what = f"a link to {kind} ({target})" if Path(path).is_symlink() else kind
            raise NotAFileError(f"{path} is {what}, not a file: choose a file to write to")
    return target


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, flush it to disk, then replace
    `path` with it. The new file gets the old one's permissions (or the umask's). On any
    failure the old file is left as it was and no temporary file stays behind.

    Only a regular file is written: a symbolic link is written through (its target is
    replaced, the link stays), and a folder, device, named pipe or socket is refused
    with `NotAFileError`, never replaced by a file."""
    with writing_atomically(path) as handle:
        handle.write(data)


@contextmanager
def writing_atomically(path: Path) -> Iterator[BinaryIO]:
    """`write_atomically` for a file written as it is made: the handle is to a temporary
    file beside `path`, which replaces `path`, flushed to disk, when the block ends
    without an error. On an error the temporary file is removed and `path` is left as it
    was. Refuses the same as `write_atomically`, before anything is written."""
    path = file_to_write(path)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o666
    partial = path.with_name(f".{path.name}.{secrets.token_hex(4)}.partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
