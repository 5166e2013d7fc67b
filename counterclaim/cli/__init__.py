"""The ``counterclaim`` command: no arguments opens the window; subcommands work headless;
files (``counterclaim FILE...``, the first not named as a subcommand) open the window and
are imported there.

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
    argv = list(sys.argv[1:] if argv is None else argv)
    parser, common, names = _parser()
    if _files_first(argv, names):
        args, unknown = window.files_parser(common, names).parse_known_args(argv)
        args.unknown = unknown
    else:
        args = parser.parse_args(argv)
    args.commands = names
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


def _parser() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser, list[str]]:
    """The parser, the parent that gives every command --library, and the commands' names."""
    common = library_option()
    parser = argparse.ArgumentParser(
        prog="counterclaim",
        description="Find who said what in news articles, and what rebuts it.",
        epilog="With no command, the window opens on the library; `counterclaim FILE...` "
        "opens it and imports the files (articles or folders of them) there.",
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
    return parser, common, list(commands.choices)


def _files_first(argv: list[str], commands: list[str]) -> bool:
    """Whether the first word that is not an option (nor --library's value) is not a
    command: then the words are files to open in the window."""
    words = iter(argv)
    for word in words:
        if word == "--":
            return next(words, None) is not None
        if word == "--library":
            next(words, None)
        elif not word.startswith("-"):
            return word not in commands
    return False


class _Version(argparse.Action):
    """Looked up only when asked for: every other run is spared it."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from counterclaim.about import About

        print(About.find().version_line())  # on stdout, as argparse's own version action
        parser.exit()
