"""`counterclaim compare`: does a counter rebut a claim? Two texts, or a JSON-lines file
of them."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counterclaim.cli.common import Commands, UsageError, extractor, json_line
from counterclaim.text import visible

if TYPE_CHECKING:
    from counterclaim.nlp.pairing import Verdict


def add_command(commands: Commands, common: argparse.ArgumentParser) -> None:
    cmp_ = commands.add_parser("compare", parents=[common], help="does COUNTER rebut CLAIM?")
    cmp_.add_argument("claim", nargs="?", metavar="CLAIM")
    cmp_.add_argument("counter", nargs="?", metavar="COUNTER")
    cmp_.add_argument(
        "--jsonl",
        type=Path,
        metavar="FILE",
        help='lines {"id","claim","counter"}; "-" reads standard input',
    )
    cmp_.add_argument("--json", action="store_true", help="print the answer as JSON")
    cmp_.set_defaults(run=run_compare)


def run_compare(args: argparse.Namespace) -> int:
    if args.jsonl is not None:
        if args.claim is not None:
            raise UsageError("give either CLAIM COUNTER or --jsonl FILE, not both")
        return _compare_jsonl(args.jsonl)
    if not args.claim or not args.counter or not args.claim.strip() or not args.counter.strip():
        raise UsageError('compare needs two texts: counterclaim compare "CLAIM" "COUNTER"')
    verdict = extractor().compare(args.claim, args.counter)
    if args.json:
        print(json_line(_answer(verdict)))
    else:
        answer = "rebuts the claim" if verdict.rebuts else "does not rebut the claim"
        print(f"The counter {answer} (score {verdict.score:.2f}).")
        for reason in verdict.reasons:
            print(f"  - {visible(reason)}")
    return 0


def _answer(verdict: Verdict) -> dict[str, Any]:
    return {"rebuts": verdict.rebuts, "score": verdict.score, "reasons": list(verdict.reasons)}


def _compare_jsonl(path: Path) -> int:
    records = _read_jsonl(path)
    loaded = extractor()
    for record in records:
        verdict = loaded.compare(record["claim"], record["counter"])
        answer = {"id": record["id"], **_answer(verdict)}
        print(json_line(answer), flush=True)
    return 0


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every line checked before any work starts, so a bad file fails at once."""
    records = []
    for number, line in enumerate(_read_text(path).splitlines(), start=1):
        if line.strip():
            records.append(_record(line, f"{path}, line {number}"))
    if not records:
        raise UsageError(f"{path}: no lines to compare")
    return records


def _record(line: str, where: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise UsageError(f"{where}: not JSON ({error.msg})") from None
    if (
        not isinstance(record, dict)
        or not all(isinstance(record.get(k), str) for k in ("claim", "counter"))
        or "id" not in record
    ):
        raise UsageError(f'{where}: each line needs "id", "claim" and "counter" (text)')
    return record


def _read_text(path: Path) -> str:
    if str(path) == "-":
        return sys.stdin.read()
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file; check the name and try again") from None
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot be read ({error})") from None
