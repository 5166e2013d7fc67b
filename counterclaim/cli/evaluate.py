"""`counterclaim evaluate`: measure attribution, pairing or whole-article pairs against
gold data."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from counterclaim.cli.common import Commands, UsageError, extractor
from counterclaim.files import write_atomically
from counterclaim.text import visible

T = TypeVar("T")
Formatter = Callable[[dict[str, Any], str], str]


def add_command(commands: Commands, common: argparse.ArgumentParser) -> None:
    evaluate = commands.add_parser("evaluate", parents=[common], help="measure against gold data")
    what = evaluate.add_subparsers(title="what to measure", metavar="WHAT", required=True)
    _add_attribution(what, common)
    _add_pairing(what, common)
    _add_pairs(what, common)


def _add_attribution(what: Commands, common: argparse.ArgumentParser) -> None:
    attribution = what.add_parser(
        "attribution", parents=[common], help="who said what, on PolNeAR-shaped JSON lines"
    )
    attribution.add_argument("gold", type=Path, metavar="GOLD.jsonl")
    attribution.add_argument("--json", action="store_true", help="print the figures as JSON")
    attribution.add_argument(
        "--errors", type=Path, metavar="FILE", help="write misses and false alarms as JSON lines"
    )
    attribution.set_defaults(run=run_attribution)


def _add_pairing(what: Commands, common: argparse.ArgumentParser) -> None:
    pairing = what.add_parser(
        "pairing", parents=[common], help="rebuttals, on Emergent/PERSPECTRUM-shaped pairs"
    )
    pairing.add_argument("gold", type=Path, metavar="PAIRS.jsonl")
    pairing.add_argument("--json", action="store_true", help="print the figures as JSON")
    pairing.set_defaults(run=run_pairing)


def _add_pairs(what: Commands, common: argparse.ArgumentParser) -> None:
    pairs = what.add_parser(
        "pairs",
        parents=[common],
        help="claims and rebuttals in whole articles, on news-pairs-shaped JSON lines",
    )
    pairs.add_argument("gold", type=Path, metavar="GOLD.jsonl")
    pairs.add_argument("--json", action="store_true", help="print the figures as JSON")
    pairs.add_argument(
        "--errors",
        type=Path,
        metavar="FILE",
        help="write missed statements and pairs, wrong speakers and wrong pairs as JSON lines",
    )
    pairs.set_defaults(run=run_pairs)


def run_attribution(args: argparse.Namespace) -> int:
    from counterclaim.evaluate import evaluate_attribution, format_summary, read_gold

    articles = _read_gold_file(args.gold, read_gold, "a PolNeAR-shaped .jsonl file")
    errors: list[dict[str, Any]] = []
    summary = evaluate_attribution(articles, extractor(), errors.append).summary
    return _print_scores(args, summary, errors, format_summary)


def run_pairing(args: argparse.Namespace) -> int:
    from counterclaim.evaluate import evaluate_pairing, format_pairing, read_pairs

    records = _read_gold_file(args.gold, read_pairs, "a .jsonl file of claim/counter pairs")
    summary = evaluate_pairing(records, extractor())
    print(json.dumps(summary) if args.json else format_pairing(summary, visible(str(args.gold))))
    return 0


def run_pairs(args: argparse.Namespace) -> int:
    from counterclaim.evaluate_pairs import evaluate_pairs, format_pairs, read_pairs_gold

    articles = _read_gold_file(args.gold, read_pairs_gold, "a news-pairs-shaped .jsonl file")
    errors: list[dict[str, Any]] = []
    summary = evaluate_pairs(articles, extractor(), errors.append).summary
    return _print_scores(args, summary, errors, format_pairs)


def _print_scores(
    args: argparse.Namespace,
    summary: dict[str, Any],
    errors: list[dict[str, Any]],
    formatted: Formatter,
) -> int:
    """The figures, as JSON or for people; each miss and false alarm to --errors."""
    if args.errors is not None:
        lines = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors)
        write_atomically(args.errors, lines.encode("utf-8"))
    print(json.dumps(summary) if args.json else formatted(summary, visible(str(args.gold))))
    return 0


def _read_gold_file(path: Path, reader: Callable[[Path], Iterable[T]], shape: str) -> list[T]:
    """Every record of a gold file, or one line that says what is wrong with it (a
    `GoldFormatError` from the reader says where the file is out of shape)."""
    if not path.is_file():
        raise UsageError(f"{path}: no such file; give {shape}")
    try:
        records = list(reader(path))
    except UnicodeDecodeError as error:
        raise UsageError(str(error)) from None
    if not records:
        raise UsageError(f"{path}: nothing to measure in the file; give {shape}")
    return records
