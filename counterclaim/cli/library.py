"""`counterclaim library copy SRC DST` and `counterclaim library check [LIBRARY]`: a whole
library copied into a new one, and a library checked for damage."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from counterclaim.cli.common import Commands, UsageError, json_line, library_path
from counterclaim.text import visible

SERVER_SCHEMES = ("postgresql", "postgres")

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

    copied = copy_library(_file(args.source), _file(args.target))
    if args.json:
        print(json_line({"source": args.source, "target": args.target, **dict(copied.tables)}))
        return 0
    counts = ", ".join(f"{copied.rows(table)} {said}" for table, said in SAID.items())
    print(f"Copied {visible(args.source)} to {visible(args.target)}: {counts}.")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from counterclaim.store import LibraryError
    from counterclaim.store.checking import check_library

    where = _file(args.checked) if args.checked else library_path(args)
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


def _file(address: str) -> Path:
    """A library file's path; a server's address is refused in one line, never taken for
    a file name (`postgresql://u@host/db` is a valid relative path)."""
    scheme = address.partition("://")[0].partition("+")[0].lower()
    if "://" in address and scheme in SERVER_SCHEMES:
        raise UsageError(
            f"'{scheme}://…' is a server library, which this counterclaim cannot open yet: "
            "give a library file"
        )
    return Path(address).expanduser()
