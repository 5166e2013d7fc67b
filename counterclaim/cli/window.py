"""`counterclaim gui` (and no command at all): open the window on the library; with files
(`counterclaim FILE...`, as the desktop's menu entry runs it), import them there."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from counterclaim.cli.common import Commands, UsageError, window_library

FILES_HELP = "articles (.txt .md .html .pdf .docx) or folders of them, imported in the window"


def add_command(commands: Commands, common: argparse.ArgumentParser) -> None:
    gui = commands.add_parser("gui", parents=[common], help="open the window (the default)")
    gui.add_argument("files", nargs="*", type=Path, metavar="FILE", help=FILES_HELP)
    gui.add_argument(
        "--check",
        action="store_true",
        help="check that the window works here: open it, wait until the library is ready "
        "(on first start: the sample article analysed), print the pairs it shows, and close",
    )
    gui.set_defaults(run=run_gui)


def files_parser(
    common: argparse.ArgumentParser, commands: Sequence[str]
) -> argparse.ArgumentParser:
    """`counterclaim FILE...`: the window, importing the files (the first of which is not a
    command's name: that would be the command)."""
    parser = argparse.ArgumentParser(
        prog="counterclaim",
        usage="%(prog)s [--library FILE|ADDRESS] FILE...",
        description="Open the window on the library and import the files into it.",
        epilog=f"Commands ({', '.join(commands)}): counterclaim --help.",
        parents=[common],
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help=FILES_HELP)
    parser.set_defaults(run=run_gui)
    return parser


def run_gui(args: argparse.Namespace) -> int:
    files = [checked(path, args.commands) for path in getattr(args, "files", [])]
    if getattr(args, "unknown", None):
        raise UsageError(f"{' '.join(args.unknown)}: not an option of the window; see --help")
    from counterclaim.gui.app import run

    return run(window_library(args), files, check=getattr(args, "check", False))


def checked(path: Path, commands: Sequence[str]) -> Path:
    """A file or folder given to import, made absolute; one that is not there is bad input
    (perhaps a command's name mistyped)."""
    if not path.expanduser().exists():
        raise UsageError(
            f"{path}: no such file or folder; give the path of an article to import "
            f"(.txt .md .html .pdf .docx) or of a folder of them, or a command "
            f"({', '.join(commands)})"
        )
    return path.expanduser().absolute()
