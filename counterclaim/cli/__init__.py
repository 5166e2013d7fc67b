"""The ``counterclaim`` command: no arguments opens the window; subcommands work headless.

Contract (tools rely on it, see DESIGN.md): ``extract FILE... --json`` prints one JSON
object per line per file; ``compare`` says whether COUNTER rebuts CLAIM; bad input exits
non-zero with one line on stderr and leaves the library unchanged.

One module per command adds its subcommand to the parser built here; ``main`` runs it and
turns an error the user can act on (`counterclaim.errors.CounterclaimError`) into one line
on stderr and its exit status.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from counterclaim.cli import (
    analysing,
    compare,
    evaluate,
    export,
    extract,
    importing,
    library,
    rebuttals,
    window,
)
from counterclaim.cli.common import LIBRARY_ENV, UsageError, library_option, library_path
from counterclaim.cli.extract import extraction_json
from counterclaim.errors import CounterclaimError
from counterclaim.text import visible

__all__ = ["LIBRARY_ENV", "UsageError", "extraction_json", "library_path", "main"]

COMMANDS = (window, importing, analysing, extract, compare, rebuttals, evaluate, export, library)
"""In the order `counterclaim --help` lists them."""


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except CounterclaimError as error:  # the user can put it right; anything else is a bug
        print(f"counterclaim: {visible(str(error))}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`| head`): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _parser() -> argparse.ArgumentParser:
    common = library_option()
    parser = argparse.ArgumentParser(
        prog="counterclaim",
        description="Find who said what in news articles, and what rebuts it.",
        parents=[common],
    )
    parser.add_argument(
        "--version",
        action=_Version,
        help="print the version and the spaCy pipeline, to quote in a problem report",
    )
    parser.set_defaults(run=window.run_gui)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for command in COMMANDS:
        command.add_command(commands, common)
    return parser


class _Version(argparse.Action):
    """Looked up only when asked for: every other run is spared it."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from counterclaim.about import About

        print(About.find().version_line())  # on stdout, as argparse's own version action
        parser.exit()
