"""`counterclaim library copy SRC DST` and `counterclaim library check [LIBRARY]`: a whole
library copied into a new one, and a library checked for damage."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from counterclaim.cli.common import Commands, json_line, library_location
from counterclaim.text import visible

if TYPE_CHECKING:
    from counterclaim.store import LibraryLocation

SAID = {
    "articles": "articles",
    "statements": "statements",
    "speakers": "speakers",
    "sides": "sides",
    "links": "pairs",
    "edit_batches": "actions in the history",
    "edits": "edits",
}
"""The tables a copy reports, in the reviewer's words, in this order."""


def add_command(commands: Commands, common: argparse.ArgumentParser) -> None:
    library = commands.add_parser(
        "library", parents=[common], help="copy a whole library, or check one for damage"
    )
    actions = library.add_subparsers(title="actions", metavar="ACTION", required=True)
    copy = actions.add_parser(
        "copy",
        help="copy every article, statement, link, verdict, note and edit into a new library",
    )
    copy.add_argument("source", metavar="SRC", help="the library to copy (only read)")
    copy.add_argument("target", metavar="DST", help="a new or empty library to copy it into")
    copy.add_argument("--json", action="store_true", help="the rows copied, as one JSON object")
    copy.set_defaults(run=run_copy)
    check = actions.add_parser(
        "check", parents=[common], help="check a library for damage and broken references"
    )
    check.add_argument(
        "checked", nargs="?", metavar="LIBRARY", help="the library (default: --library's)"
    )
    check.add_argument("--json", action="store_true", help="one JSON object per finding")
    check.set_defaults(run=run_check)


def run_copy(args: argparse.Namespace) -> int:
    from counterclaim.store.copying import copy_library

    copied = copy_library(_where(args.source), _where(args.target))
    if args.json:
        print(json_line({"source": args.source, "target": args.target, **dict(copied.tables)}))
        return 0
    counts = ", ".join(f"{copied.rows(table)} {said}" for table, said in SAID.items())
    print(f"Copied {visible(args.source)} to {visible(args.target)}: {counts}.")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from counterclaim.store import LibraryError
    from counterclaim.store.checking import check_library

    where = _where(args.checked) if args.checked else library_location(args)
    findings = check_library(where)
    for finding in findings:
        if args.json:
            print(json_line({"check": finding.check, "ok": finding.ok, "detail": finding.detail}))
        else:
            print(f"{finding.check}: {'ok, ' if finding.ok else ''}{visible(finding.detail)}")
    problems = sum(not finding.ok for finding in findings)
    if problems:
        sys.stdout.flush()
        raise LibraryError(
            f"the library '{where}' is not sound ({problems} problems above); nothing in it "
            f"was changed. Open it in the window (counterclaim --library '{where}') to "
            "recover what can be read into a new library, or go back to a copy you kept"
        )
    return 0


def _where(given: str) -> LibraryLocation:
    """A library file's path or a server's address (`postgresql://u@host/db`), never a
    server's address taken for a file name."""
    from counterclaim.store import LibraryLocation

    return LibraryLocation.parse(given)
