"""What the commands share: the --library and --max-size options, the usage error, the
extractor."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from counterclaim.errors import BAD_INPUT, CounterclaimError
from counterclaim.paths import default_library_path
from counterclaim.text import CONTROLS, shorten, visible

if TYPE_CHECKING:
    from counterclaim.nlp.extract import Extractor
    from counterclaim.store.location import LibraryLocation

LIBRARY_ENV = "COUNTERCLAIM_LIBRARY"

Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""Where each command module adds its subcommand."""


class UsageError(CounterclaimError):
    """Bad input from the user: reported as one line, exit status 2."""

    exit_code = BAD_INPUT


def library_option() -> argparse.ArgumentParser:
    """The parent parser every command takes --library from."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--library",
        default=argparse.SUPPRESS,
        metavar="FILE|ADDRESS",
        help="the library file, or a team library's postgresql://user@host/database "
        f"(default: ${LIBRARY_ENV}, else {default_library_path()})",
    )
    return common


def add_max_size(command: argparse.ArgumentParser) -> None:
    """--max-size: the largest article file read, as in the window's preferences."""
    command.add_argument(
        "--max-size",
        dest="max_bytes",
        type=megabytes,
        default="20",
        metavar="MB",
        help="skip files larger than this (default: 20)",
    )


def megabytes(value: str) -> int:
    """--max-size: megabytes as given, bytes as used."""
    try:
        size = float(value)
    except ValueError:
        size = 0.0
    if not 0 < size < 1e6:
        raise argparse.ArgumentTypeError(f"{value!r} is not a size in MB; give a number like 20")
    return int(size * 1024 * 1024)


def library_location(args: argparse.Namespace) -> LibraryLocation:
    """--library, else $COUNTERCLAIM_LIBRARY, else the file in the user's data folder: a
    file path, or the address of a library on a PostgreSQL server."""
    from counterclaim.store.location import LibraryLocation

    given = getattr(args, "library", None) or os.environ.get(LIBRARY_ENV)
    return LibraryLocation.parse(given) if given else LibraryLocation(default_library_path())


def window_library(args: argparse.Namespace) -> Path | str:
    """The library the window opens: a file, or a server address (kept as given: the
    window reads it once its frame is up)."""
    given = getattr(args, "library", None) or os.environ.get(LIBRARY_ENV)
    if given and given.partition("://")[0].lower().partition("+")[0] in ("postgresql", "postgres"):
        return given
    return library_path(args)


def library_path(args: argparse.Namespace) -> Path:
    """The library file, for what opens only files (the window, `library check`): read
    without importing the store, so that the window's first frame comes as soon as it did."""
    given = getattr(args, "library", None) or os.environ.get(LIBRARY_ENV)
    if given and "://" in given:
        raise UsageError(
            "only a library file can be opened here, not yet a library on a server: use "
            "import, analyse, export or rebuttals with --library ADDRESS for it"
        )
    return Path(given).expanduser() if given else default_library_path()


def extractor() -> Extractor:
    """The English pipeline, loaded when a command first needs it."""
    from counterclaim.nlp.extract import Extractor

    return Extractor.load()


def short(text: str, limit: int = 90) -> str:
    """The text on one line, cut to `limit` characters with an ellipsis, its control
    characters shown as escapes."""
    return visible(shorten(text, limit))


def json_line(value: object) -> str:
    """`value` as one line of JSON, with the control characters JSON itself leaves raw
    (DEL, C1, the Unicode separators, bidi controls, a file name's lone surrogates) written
    as \\u escapes: the same JSON value, safe on a terminal."""
    line = json.dumps(value, ensure_ascii=False)
    return CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", line)


def add_processes_option(parser: argparse.ArgumentParser) -> None:
    from counterclaim.nlp.common import default_processes

    parser.add_argument(
        "--processes",
        type=int,
        default=default_processes(),
        metavar="N",
        help="analyse N articles at a time, each in a process of its own "
        "(default: every core but one, at least 1)",
    )
