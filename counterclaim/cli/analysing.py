"""`counterclaim analyse`: analyse articles again, or finish what an earlier run left.

The same finishing runs after `counterclaim import`: articles an import stored but never
analysed (it was killed, or the machine stopped) are analysed, and pairing across the
library that was cut short is done again. An article the pipeline fails on stays in the
library, marked with why, and the command names how to try again.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from counterclaim.cli.common import Commands, UsageError, add_processes_option, library_location
from counterclaim.text import visible

if TYPE_CHECKING:  # the pipeline and the library load when a command runs, not for --help
    from counterclaim.services.analysis import AnalysisService, QuietProgress


def add_command(commands: Commands, common: argparse.ArgumentParser) -> None:
    analyse = commands.add_parser(
        "analyse",
        parents=[common],
        help="analyse articles again (by id), or every article not analysed yet",
    )
    analyse.add_argument(
        "articles", nargs="*", type=int, metavar="ARTICLE_ID", help="articles to analyse again"
    )
    analyse.add_argument("--json", action="store_true", help="one JSON line per article")
    add_processes_option(analyse)
    analyse.set_defaults(run=run_analyse)


def run_analyse(args: argparse.Namespace) -> int:
    """Exit 0 when every article was analysed, 1 when the pipeline failed on some."""
    from counterclaim.services.analysis import AnalysisService
    from counterclaim.store import Library

    service = AnalysisService(library_location(args), processes=args.processes, lasting=True)
    with Library.open(service.library_path) as library:
        known = {a.id for a in library.articles()}
        missing = [i for i in args.articles if i not in known]
        if missing:
            raise UsageError(
                f"no article {missing[0]} in the library; `counterclaim rebuttals` and the "
                "window list the articles with their ids"
            )
        wanted = list(dict.fromkeys(args.articles)) or [
            a.id for a in library.articles() if not a.analysed
        ]
        due = library.pairing_due()
    if wanted:
        service.analyse(_quiet(), wanted)
    elif due:
        say(args, "Pairing across the library again: an earlier run was cut short.")
        service.pair_across_library(_quiet())
    else:
        say(args, "Every article is analysed; nothing to do.")
    return 1 if tell_outcomes(args, service, wanted) else 0


def finish(args: argparse.Namespace, service: AnalysisService, added: list[int]) -> int:
    """After an import: analyse the new articles and every one an earlier run left
    unanalysed, or pair again if an earlier pairing was cut short. Returns how many
    articles the pipeline failed on."""
    from counterclaim.store import Library

    with Library.open(service.library_path) as library:
        left = [
            a.id
            for a in library.articles()
            if not a.analysed and a.analysis_error is None and a.id not in added
        ]
        due = library.pairing_due()
    if left:
        say(args, f"Finishing {_articles(len(left))} that an earlier run left unanalysed.")
    wanted = added + left
    if wanted:
        service.analyse(_quiet(), wanted)
    elif due:
        say(args, "Pairing across the library again: an earlier run was cut short.")
        service.pair_across_library(_quiet())
    return tell_outcomes(args, service, wanted, quiet_success=True)


def tell_outcomes(
    args: argparse.Namespace, service: AnalysisService, ids: list[int], quiet_success: bool = False
) -> int:
    """One line for each article: what was found, or why not and how to try again.
    Returns how many were not analysed."""
    from counterclaim.store import Library

    failed = 0
    with Library.open(service.library_path) as library:
        for article in (library.article(i) for i in ids):
            title = visible(article.title)
            if article.analysed:
                counts = article.counts
                if args.json and not quiet_success:
                    line = {"article_id": article.id, "ok": True, "title": article.title}
                    print(json.dumps({**line, **counts}, ensure_ascii=False), flush=True)
                elif not quiet_success:
                    found = ", ".join(f"{n} {what}" for what, n in counts.items())
                    print(f"article {article.id} “{title}”: analysed ({found})", flush=True)
                continue
            failed += 1
            why = article.analysis_error or "not analysed"
            if args.json and not quiet_success:
                line = {"article_id": article.id, "ok": False, "title": article.title}
                print(json.dumps({**line, "error": why}, ensure_ascii=False), flush=True)
            print(
                f"article {article.id} “{title}”: not analysed: {visible(why)}; "
                f"try again with `counterclaim analyse {article.id}`",
                file=sys.stderr,
                flush=True,
            )
    return failed


def say(args: argparse.Namespace, message: str) -> None:
    """A note on what is being done: on stderr when stdout carries JSON."""
    print(message, file=sys.stderr if args.json else sys.stdout, flush=True)


def _articles(n: int) -> str:
    return "1 article" if n == 1 else f"{n} articles"


def _quiet() -> QuietProgress:
    from counterclaim.services.analysis import QuietProgress

    return QuietProgress()
