"""The ``counterclaim`` command: no arguments opens the window; subcommands work headless.

Contract (tools rely on it, see DESIGN.md): ``extract FILE... --json`` prints one JSON
object per line per file; ``compare`` says whether COUNTER rebuts CLAIM; bad input exits
non-zero with one line on stderr and leaves the library unchanged.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from counterclaim.domain import Analysis, Relation
from counterclaim.errors import BAD_INPUT, CounterclaimError
from counterclaim.ingest import ImportError_, LoadedArticle, language_name, load_article
from counterclaim.paths import default_library_path

if TYPE_CHECKING:
    from counterclaim.nlp.extract import Extractor
    from counterclaim.services.analysis import Imported, Skipped

LIBRARY_ENV = "COUNTERCLAIM_LIBRARY"
T = TypeVar("T")


class UsageError(CounterclaimError):
    """Bad input from the user: reported as one line, exit status 2."""

    exit_code = BAD_INPUT


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except CounterclaimError as error:  # the user can put it right; anything else is a bug
        print(f"counterclaim: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`| head`): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--library",
        type=Path,
        default=argparse.SUPPRESS,
        help=f"the library file (default: ${LIBRARY_ENV}, else {default_library_path()})",
    )
    parser = argparse.ArgumentParser(
        prog="counterclaim",
        description="Find who said what in news articles, and what rebuts it.",
        parents=[common],
    )
    parser.set_defaults(run=_run_gui)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    gui = sub.add_parser("gui", parents=[common], help="open the window (the default)")
    gui.set_defaults(run=_run_gui)

    imp = sub.add_parser(
        "import",
        parents=[common],
        help="add articles (.txt .md .html .pdf .docx, or folders of them) to the library",
    )
    imp.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help="article files, or folders of them"
    )
    imp.add_argument(
        "--max-size",
        dest="max_bytes",
        type=_megabytes,
        default="20",
        metavar="MB",
        help="skip files larger than this (default: 20)",
    )
    imp.add_argument("--no-analyse", action="store_true", help="store the text only")
    imp.add_argument("--json", action="store_true", help="one JSON line per file")
    imp.set_defaults(run=_run_import)

    ext = sub.add_parser("extract", parents=[common], help="statements, speakers and pairs")
    ext.add_argument("files", nargs="+", type=Path, metavar="FILE")
    ext.add_argument("--json", action="store_true", help="one JSON object per line per file")
    ext.set_defaults(run=_run_extract)

    cmp_ = sub.add_parser("compare", parents=[common], help="does COUNTER rebut CLAIM?")
    cmp_.add_argument("claim", nargs="?", metavar="CLAIM")
    cmp_.add_argument("counter", nargs="?", metavar="COUNTER")
    cmp_.add_argument(
        "--jsonl",
        type=Path,
        metavar="FILE",
        help='lines {"id","claim","counter"}; "-" reads standard input',
    )
    cmp_.add_argument("--json", action="store_true", help="print the answer as JSON")
    cmp_.set_defaults(run=_run_compare)

    rebuttals = sub.add_parser(
        "rebuttals", parents=[common], help="an article's claims beside rebuttals in other articles"
    )
    rebuttals.add_argument("article", type=int, metavar="ARTICLE_ID")
    rebuttals.add_argument("--json", action="store_true", help="one JSON object per line")
    rebuttals.set_defaults(run=_run_rebuttals)

    evaluate = sub.add_parser("evaluate", parents=[common], help="measure against gold data")
    what = evaluate.add_subparsers(title="what to measure", metavar="WHAT", required=True)
    attribution = what.add_parser(
        "attribution", parents=[common], help="who said what, on PolNeAR-shaped JSON lines"
    )
    attribution.add_argument("gold", type=Path, metavar="GOLD.jsonl")
    attribution.add_argument("--json", action="store_true", help="print the figures as JSON")
    attribution.add_argument(
        "--errors", type=Path, metavar="FILE", help="write misses and false alarms as JSON lines"
    )
    attribution.set_defaults(run=_run_evaluate_attribution)
    pairing = what.add_parser(
        "pairing", parents=[common], help="rebuttals, on Emergent/PERSPECTRUM-shaped pairs"
    )
    pairing.add_argument("gold", type=Path, metavar="PAIRS.jsonl")
    pairing.add_argument("--json", action="store_true", help="print the figures as JSON")
    pairing.set_defaults(run=_run_evaluate_pairing)
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
    pairs.set_defaults(run=_run_evaluate_pairs)
    _export_parser(sub, common)
    return parser


def library_path(args: argparse.Namespace) -> Path:
    """--library, else $COUNTERCLAIM_LIBRARY, else the file in the user's data folder."""
    given = getattr(args, "library", None) or os.environ.get(LIBRARY_ENV)
    return Path(given).expanduser() if given else default_library_path()


def _run_gui(args: argparse.Namespace) -> int:
    from counterclaim.gui.app import run

    return run(library_path(args))


def _extractor() -> Extractor:
    from counterclaim.nlp.extract import Extractor

    return Extractor.load()


def _megabytes(value: str) -> int:
    """--max-size: megabytes as given, bytes as used."""
    try:
        size = float(value)
    except ValueError:
        size = 0.0
    if not 0 < size < 1e6:
        raise argparse.ArgumentTypeError(f"{value!r} is not a size in MB; give a number like 20")
    return int(size * 1024 * 1024)


def _run_import(args: argparse.Namespace) -> int:
    """Every readable file is stored (one transaction each) whatever happens to the others.
    Exit 0 when all were imported or already there, 1 when some failed, 2 when none could
    be read."""
    from counterclaim.services.analysis import AnalysisService, QuietProgress

    service = AnalysisService(library_path(args))
    report = service.import_paths(
        QuietProgress(), args.paths, args.max_bytes, lambda told: _tell_import(args, told)
    )
    if not report.read:
        return 2
    if report.added and not args.no_analyse:
        service.analyse(QuietProgress(), report.added)
    return 1 if report.problems else 0


def _tell_import(args: argparse.Namespace, told: Imported | Skipped) -> None:
    """One line for each file, as it is done: plain, or JSON with --json."""
    from counterclaim.services.analysis import Skipped, in_pipeline_language

    if isinstance(told, Skipped):
        if args.json:
            line = {"path": told.path, "ok": False, "error": told.message}
            print(json.dumps(line, ensure_ascii=False))
        print(f"skipped: {told.message}", file=sys.stderr, flush=True)
        return
    if args.json:
        found = {} if told.created else {"duplicate_of": told.article_id}
        line = {
            "path": told.path,
            "ok": True,
            "article_id": told.article_id,
            "created": told.created,
            **found,
            "title": told.title,
            "language": told.language,
        }
        print(json.dumps(line, ensure_ascii=False), flush=True)
        return
    where, title = told.path, told.title
    if not told.created:
        print(f"{where}: already in the library as article {told.article_id} “{title}”")
        return
    print(f"{where}: imported “{title}” as article {told.article_id}", flush=True)
    if told.language is not None and not in_pipeline_language(told.language):
        print(
            f"{where}: “{title}” is in {language_name(told.language)}, not English: "
            f"imported without statements"
        )


def _load_all(paths: list[Path]) -> tuple[list[tuple[Path, LoadedArticle]], int]:
    """The files that can be read, and how many could not (each reported on stderr)."""
    loaded, failures = [], 0
    for path in paths:
        try:
            loaded.append((path, load_article(path)))
        except ImportError_ as error:
            print(f"counterclaim: {error}", file=sys.stderr)
            failures += 1
    return loaded, failures


def _run_extract(args: argparse.Namespace) -> int:
    loaded, failures = _load_all(args.files)
    articles = [article for _, article in loaded]
    if articles:
        from counterclaim.nlp.extract import ArticleInput

        inputs = [ArticleInput(a.text, a.meta.title) for a in articles]
        for article, analysis in zip(articles, _extractor().analyse_many(inputs), strict=True):
            document = extraction_json(article, analysis)
            if args.json:
                print(json.dumps(document, ensure_ascii=False), flush=True)
            else:
                _print_extraction(document, analysis)
    return 1 if failures else 0


def extraction_json(article: LoadedArticle, analysis: Analysis) -> dict[str, Any]:
    """The JSON object DESIGN.md specifies for one article, with the input file's name."""
    return {
        "file": article.meta.source,
        "article": {"title": article.meta.title, "chars": len(article.text)},
        "speakers": [
            {
                "id": s.id,
                "name": s.name,
                "aliases": list(s.aliases),
                "side": s.side,
                "kind": s.kind.value,
                "affiliation": s.affiliation,
            }
            for s in analysis.speakers
        ],
        "statements": [
            {
                "id": s.id,
                "speaker": s.speaker_id,
                "speaker_text": s.speaker_text,
                "cue": s.cue,
                "kind": s.kind.value,
                "mode": s.mode.value,
                "start": s.content.start,
                "end": s.content.end,
                "text": s.text,
                "rule": s.rule,
            }
            for s in analysis.statements
        ],
        "pairs": [
            {
                "claim": p.claim_id,
                "rebuttal": p.rebuttal_id,
                "score": p.score,
                "relation": p.relation.value,
                "reasons": list(p.reasons),
            }
            for p in analysis.pairs
        ],
    }


def _print_extraction(document: dict[str, Any], analysis: Analysis) -> None:
    print(f"{document['file']}: “{document['article']['title']}”")
    names = {s.id: s.name for s in analysis.speakers}
    print(f"  {len(analysis.statements)} statements by {len(analysis.speakers)} speakers")
    for s in analysis.statements:
        print(
            f"  [{s.id}] {names.get(s.speaker_id or '', '?')} ({s.speaker_text}) "
            f"{s.cue}: {_short(s.text)}"
        )
    print(f"  {len(analysis.pairs)} suggested pairs")
    for p in analysis.pairs:
        claim, rebuttal = analysis.statement(p.claim_id), analysis.statement(p.rebuttal_id)
        print(
            f"  {p.score:.2f}  {names.get(claim.speaker_id or '', '?')}: {_short(claim.text, 60)}"
        )
        print(f"        ⟷ {names.get(rebuttal.speaker_id or '', '?')}: {_short(rebuttal.text, 60)}")
        for reason in p.reasons:
            print(f"          - {reason}")


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _run_compare(args: argparse.Namespace) -> int:
    if args.jsonl is not None:
        if args.claim is not None:
            raise UsageError("give either CLAIM COUNTER or --jsonl FILE, not both")
        return _compare_jsonl(args.jsonl)
    if not args.claim or not args.counter or not args.claim.strip() or not args.counter.strip():
        raise UsageError('compare needs two texts: counterclaim compare "CLAIM" "COUNTER"')
    verdict = _extractor().compare(args.claim, args.counter)
    if args.json:
        print(
            json.dumps(
                {
                    "rebuts": verdict.rebuts,
                    "score": verdict.score,
                    "reasons": list(verdict.reasons),
                },
                ensure_ascii=False,
            )
        )
    else:
        answer = "rebuts the claim" if verdict.rebuts else "does not rebut the claim"
        print(f"The counter {answer} (score {verdict.score:.2f}).")
        for reason in verdict.reasons:
            print(f"  - {reason}")
    return 0


def _compare_jsonl(path: Path) -> int:
    records = list(_read_jsonl(path))
    extractor = _extractor()
    for record in records:
        verdict = extractor.compare(record["claim"], record["counter"])
        print(
            json.dumps(
                {
                    "id": record["id"],
                    "rebuts": verdict.rebuts,
                    "score": verdict.score,
                    "reasons": list(verdict.reasons),
                },
                ensure_ascii=False,
            ),
            flush=True,
        )
    return 0


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Every line checked before any work starts, so a bad file fails at once."""
    lines = _read_text(path).splitlines()
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise UsageError(f"{path}, line {number}: not JSON ({error.msg})") from None
        if (
            not isinstance(record, dict)
            or not all(isinstance(record.get(k), str) for k in ("claim", "counter"))
            or "id" not in record
        ):
            raise UsageError(
                f'{path}, line {number}: each line needs "id", "claim" and "counter" (text)'
            )
        records.append(record)
    if not records:
        raise UsageError(f"{path}: no lines to compare")
    return iter(records)


def _read_text(path: Path) -> str:
    if str(path) == "-":
        return sys.stdin.read()
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file; check the name and try again") from None
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot be read ({error})") from None


def _run_rebuttals(args: argparse.Namespace) -> int:
    from counterclaim.store import Library

    with Library.open(library_path(args)) as library:
        analysis = library.analysis(args.article)
        found = library.cross_pairs(args.article)
    if analysis is None:
        raise UsageError(f"article {args.article} is not analysed yet; run `counterclaim import`")
    for pair, other in found:
        claim = analysis.statement(pair.claim_id)
        speaker = analysis.speaker(claim.speaker_id)
        if pair.relation is Relation.REPEATS and not args.json:
            print(
                f"      {speaker.name if speaker else '?'} said “{_short(claim.text, 50)}” "
                f"again in “{other.article_title}”"
            )
            continue
        if args.json:
            print(
                json.dumps(
                    {
                        "claim": pair.claim_id,
                        "claim_text": claim.text,
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
                    },
                    ensure_ascii=False,
                )
            )
        else:
            who = other.speaker.name if other.speaker else "someone"
            print(f"{pair.score:.2f}  {speaker.name if speaker else '?'}: {_short(claim.text, 60)}")
            print(f"      ⟷ {who} in “{other.article_title}”: {_short(other.statement.text, 60)}")
    if not found and not args.json:
        print("No rebuttals in other articles of the library.")
    return 0


def _run_evaluate_attribution(args: argparse.Namespace) -> int:
    from counterclaim.evaluate import evaluate_attribution, format_summary, read_gold

    articles = _read_gold_file(args.gold, read_gold, "a PolNeAR-shaped .jsonl file")
    errors: list[dict[str, Any]] = []
    summary = evaluate_attribution(articles, _extractor(), errors.append).summary
    return _print_scores(args, summary, errors, format_summary)


def _run_evaluate_pairing(args: argparse.Namespace) -> int:
    from counterclaim.evaluate import evaluate_pairing, format_pairing, read_pairs

    records = _read_gold_file(args.gold, read_pairs, "a .jsonl file of claim/counter pairs")
    summary = evaluate_pairing(records, _extractor())
    print(json.dumps(summary) if args.json else format_pairing(summary, str(args.gold)))
    return 0


def _run_evaluate_pairs(args: argparse.Namespace) -> int:
    from counterclaim.evaluate_pairs import evaluate_pairs, format_pairs, read_pairs_gold

    articles = _read_gold_file(args.gold, read_pairs_gold, "a news-pairs-shaped .jsonl file")
    errors: list[dict[str, Any]] = []
    summary = evaluate_pairs(articles, _extractor(), errors.append).summary
    return _print_scores(args, summary, errors, format_pairs)


def _print_scores(
    args: argparse.Namespace,
    summary: dict[str, Any],
    errors: list[dict[str, Any]],
    formatted: Callable[[dict[str, Any], str], str],
) -> int:
    """The figures, as JSON or for people; each miss and false alarm to --errors."""
    if args.errors is not None:
        lines = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors)
        _write_atomically(args.errors, lines)
    print(json.dumps(summary) if args.json else formatted(summary, str(args.gold)))
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


def _write_atomically(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def _export_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    from counterclaim.report import FORMATS

    export = sub.add_parser(
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
    export.set_defaults(run=_run_export)


def _run_export(args: argparse.Namespace) -> int:
    from counterclaim.report import TEXT_FORMATS, build_report, export, render
    from counterclaim.store import Library

    if args.url is not None and not args.url.startswith(("https://", "http://")):
        raise UsageError(
            f"--url {args.url}: give the web address the report will have (https://...)"
        )
    to_stdout = args.output == "-"
    if to_stdout and args.format not in TEXT_FORMATS:
        raise UsageError(f"{args.format} is not text; give a file with -o FILE")
    path = library_path(args)
    if not path.is_file():
        raise UsageError(f"{path}: no library there; import an article first")
    from counterclaim.domain import DEFAULT_RATINGS

    ratings = [r.strip() for r in (args.ratings or "").split(",") if r.strip()]
    ratings = ratings or list(DEFAULT_RATINGS)
    with Library.open(path) as library:
        report = build_report(
            library,
            args.article,
            generated_by=args.by,
            url=args.url,
            include_rejected=args.include_rejected,
            ratings=ratings,
        )
    if to_stdout:
        sys.stdout.buffer.write(render(report, args.format))
        sys.stdout.flush()
        return 0
    try:
        export(report, args.format, Path(args.output))
    except OSError as error:
        raise UsageError(f"{args.output}: cannot be written ({error.strerror or error})") from None
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
