"""`counterclaim rebuttals`: an article's claims beside their rebuttals in other articles
of the library."""

from __future__ import annotations

import argparse

from counterclaim.cli.common import Commands, UsageError, json_line, library_location, short
from counterclaim.domain import Analysis, LibraryStatement, Pair, Relation
from counterclaim.text import visible


def add_command(commands: Commands, common: argparse.ArgumentParser) -> None:
    rebuttals = commands.add_parser(
        "rebuttals", parents=[common], help="an article's claims beside rebuttals in other articles"
    )
    rebuttals.add_argument("article", type=int, metavar="ARTICLE_ID")
    rebuttals.add_argument("--json", action="store_true", help="one JSON object per line")
    rebuttals.set_defaults(run=run_rebuttals)


def run_rebuttals(args: argparse.Namespace) -> int:
    from counterclaim.store import Library

    with Library.open(library_location(args), create=False) as library:
        analysis = library.analysis(args.article)
        found = library.cross_pairs(args.article)
    if analysis is None:
        raise UsageError(
            f"article {args.article} is not analysed yet; run `counterclaim analyse {args.article}`"
        )
    tell = _print_json if args.json else _print_text
    for pair, other in found:
        tell(analysis, pair, other)
    if not found and not args.json:
        print("No rebuttals in other articles of the library.")
    return 0


def _print_text(analysis: Analysis, pair: Pair, other: LibraryStatement) -> None:
    claim = analysis.statement(pair.claim_id)
    speaker = analysis.speaker(claim.speaker_id)
    said = visible(speaker.name) if speaker else "?"
    title = visible(other.article_title)
    if pair.relation is Relation.REPEATS:
        print(f"      {said} said “{short(claim.text, 50)}” again in “{title}”")
        return
    who = visible(other.speaker.name) if other.speaker else "someone"
    print(f"{pair.score:.2f}  {said}: {short(claim.text, 60)}")
    print(f"      ⟷ {who} in “{title}”: {short(other.statement.text, 60)}")


def _print_json(analysis: Analysis, pair: Pair, other: LibraryStatement) -> None:
    line = {
        "claim": pair.claim_id,
        "claim_text": analysis.statement(pair.claim_id).text,
        "rebuttal": pair.rebuttal_id,
        "rebuttal_text": other.statement.text,
        "rebuttal_speaker": other.speaker.name if other.speaker else None,
        "article": other.article_id,
        "article_title": other.article_title,
        "published": other.published,
        "score": pair.score,
        "relation": pair.relation.value,
        "status": pair.status.value,
        "reasons": list(pair.reasons),
    }
    print(json_line(line))
