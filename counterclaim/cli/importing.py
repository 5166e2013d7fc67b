"""`counterclaim import`: add articles to the library, one line told for each file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from counterclaim.cli.common import (
    Commands,
    add_max_size,
    add_processes_option,
    json_line,
    library_location,
)
from counterclaim.ingest import language_name
from counterclaim.text import visible

if TYPE_CHECKING:
    from counterclaim.services.analysis import Imported, Skipped


def add_command(commands: Commands, common: argparse.ArgumentParser) -> None:
    imp = commands.add_parser(
        "import",
        parents=[common],
        help="add articles (.txt .md .html .pdf .docx, or folders of them) to the library",
    )
    imp.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help="article files, or folders of them"
    )
    add_max_size(imp)
    imp.add_argument("--no-analyse", action="store_true", help="store the text only")
    imp.add_argument("--json", action="store_true", help="one JSON line per file")
    add_processes_option(imp)
    imp.set_defaults(run=run_import)


def run_import(args: argparse.Namespace) -> int:
    """Every readable file is stored (one transaction each) whatever happens to the others.
    Exit 0 when all were imported or already there, 1 when some failed, 2 when none could
    be read."""
    from counterclaim.cli.analysing import finish
    from counterclaim.services.analysis import AnalysisService, QuietProgress

    service = AnalysisService(library_location(args), processes=args.processes, lasting=True)
    if not args.no_analyse:
        service.load_in_background()
    report = service.import_paths(
        QuietProgress(), args.paths, args.max_bytes, lambda told: _tell(args, told)
    )
    if not report.read:
        return 2
    failed = 0 if args.no_analyse else finish(args, service, report.added)
    return 1 if report.problems or failed else 0


def _tell(args: argparse.Namespace, told: Imported | Skipped) -> None:
    """One line for each file, as it is done: plain, or JSON with --json."""
    from counterclaim.services.analysis import Skipped

    if isinstance(told, Skipped):
        _tell_skipped(args, told)
    elif args.json:
        _tell_json(told)
    else:
        _tell_plain(told)


def _tell_skipped(args: argparse.Namespace, told: Skipped) -> None:
    if args.json:
        line = {"path": told.path, "ok": False, "error": told.message}
        print(json_line(line))
    print(f"skipped: {visible(told.message)}", file=sys.stderr, flush=True)


def _tell_json(told: Imported) -> None:
    found = {} if told.created else {"duplicate_of": told.article_id}
    line = {
        "path": told.path,
        "ok": True,
        "article_id": told.article_id,
        "created": told.created,
        **found,
        "title": told.title,
        "language": told.language,
        **({"notes": list(told.notes)} if told.notes else {}),
    }
    print(json_line(line), flush=True)


def _tell_plain(told: Imported) -> None:
    from counterclaim.services.analysis import in_pipeline_language

    where, title = visible(told.path), visible(told.title)
    if not told.created:
        print(f"{where}: already in the library as article {told.article_id} “{title}”")
        return
    print(f"{where}: imported “{title}” as article {told.article_id}", flush=True)
    for note in told.notes:
        print(f"{where}: {note}")
    if told.language is not None and not in_pipeline_language(told.language):
        print(
            f"{where}: “{title}” is in {language_name(told.language)}, not English: "
            f"imported without statements"
        )
