"""`counterclaim export`: a report of claims beside their rebuttals, in one of the
report formats, to a file or standard output."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from counterclaim.cli.common import Commands, UsageError, library_location

if TYPE_CHECKING:
    from counterclaim.store import LibraryLocation


def add_command(commands: Commands, common: argparse.ArgumentParser) -> None:
    from counterclaim.report import FORMATS

    export = commands.add_parser(
        "export", parents=[common], help="write a report of claims beside their rebuttals"
    )
    export.add_argument("--format", required=True, choices=FORMATS, help="the report's format")
    export.add_argument(
        "--article",
        type=int,
        action="append",
        metavar="ID",
        help="an article to report on (repeat for more; default: every analysed article)",
    )
    export.add_argument(
        "-o", "--output", required=True, metavar="FILE", help='the file to write; "-" for stdout'
    )
    export.add_argument(
        "--include-rejected", action="store_true", help="show rejected pairs too, marked so"
    )
    export.add_argument("--by", default="", metavar="NAME", help="who the report is by")
    export.add_argument(
        "--url",
        metavar="ADDRESS",
        help="where the report will be published (https://...): ClaimReview links each pair there",
    )
    export.add_argument(
        "--ratings",
        metavar="SCALE",
        help="the verdict scale, best first, comma-separated; gives ClaimReview its numeric "
        'ratings (default: "True,Mostly true,Half true,Mostly false,False,Misleading,Unproven")',
    )
    export.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    from counterclaim.report import ReportStream, export_stream, write_stream
    from counterclaim.store import Library

    path = _checked_library(args)
    with Library.open(path, create=False) as library:
        stream = ReportStream(
            library,
            args.article,
            generated_by=args.by,
            url=args.url,
            include_rejected=args.include_rejected,
            ratings=_ratings(args),
        )
        if args.output == "-":
            write_stream(stream, args.format, sys.stdout.buffer)
            sys.stdout.flush()
            return 0
        try:
            export_stream(stream, args.format, Path(args.output))
        except OSError as error:
            reason = error.strerror or error
            raise UsageError(f"{args.output}: cannot be written ({reason})") from None
    return 0


def _checked_library(args: argparse.Namespace) -> LibraryLocation:
    """The library to report on, once the options make sense together."""
    from counterclaim.report import TEXT_FORMATS

    if args.url is not None and not args.url.startswith(("https://", "http://")):
        raise UsageError(
            f"--url {args.url}: give the web address the report will have (https://...)"
        )
    if args.output == "-" and args.format not in TEXT_FORMATS:
        raise UsageError(f"{args.format} is not text; give a file with -o FILE")
    where = library_location(args)
    if where.path is not None and not where.path.is_file():
        raise UsageError(f"{where}: no library there; import an article first")
    return where


def _ratings(args: argparse.Namespace) -> list[str]:
    """--ratings as a list, else the default verdict scale."""
    from counterclaim.domain import DEFAULT_RATINGS

    ratings = [r.strip() for r in (args.ratings or "").split(",") if r.strip()]
    return ratings or list(DEFAULT_RATINGS)
