"""`counterclaim extract`: statements, speakers and pairs of article files, as DESIGN.md's
JSON or for people."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from counterclaim.cli.common import Commands, add_max_size, extractor, json_line, short
from counterclaim.domain import Analysis
from counterclaim.ingest import ImportError_, LoadedArticle, load_article
from counterclaim.text import visible


def add_command(commands: Commands, common: argparse.ArgumentParser) -> None:
    ext = commands.add_parser("extract", parents=[common], help="statements, speakers and pairs")
    ext.add_argument("files", nargs="+", type=Path, metavar="FILE")
    ext.add_argument("--json", action="store_true", help="one JSON object per line per file")
    add_max_size(ext)
    ext.set_defaults(run=run_extract)


def run_extract(args: argparse.Namespace) -> int:
    loaded, failures = _load_all(args.files, args.max_bytes)
    articles = [article for _, article in loaded]
    if articles:
        from counterclaim.nlp.extract import ArticleInput

        inputs = [ArticleInput(a.text, a.meta.title) for a in articles]
        for article, analysis in zip(articles, extractor().analyse_many(inputs), strict=True):
            document = extraction_json(article, analysis)
            if args.json:
                print(json_line(document), flush=True)
            else:
                _print_extraction(document, analysis)
    return 1 if failures else 0


def _load_all(paths: list[Path], max_bytes: int) -> tuple[list[tuple[Path, LoadedArticle]], int]:
    """The files that can be read, and how many could not (each reported on stderr)."""
    loaded, failures = [], 0
    for path in paths:
        try:
            loaded.append((path, load_article(path, max_bytes)))
        except ImportError_ as error:
            print(f"counterclaim: {visible(str(error))}", file=sys.stderr)
            failures += 1
    return loaded, failures


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
    print(f"{visible(str(document['file']))}: “{visible(document['article']['title'])}”")
    names = {s.id: visible(s.name) for s in analysis.speakers}
    print(f"  {len(analysis.statements)} statements by {len(analysis.speakers)} speakers")
    for s in analysis.statements:
        print(
            f"  [{s.id}] {names.get(s.speaker_id or '', '?')} ({visible(s.speaker_text)}) "
            f"{visible(s.cue)}: {short(s.text)}"
        )
    print(f"  {len(analysis.pairs)} suggested pairs")
    for p in analysis.pairs:
        claim, rebuttal = analysis.statement(p.claim_id), analysis.statement(p.rebuttal_id)
        print(f"  {p.score:.2f}  {names.get(claim.speaker_id or '', '?')}: {short(claim.text, 60)}")
        print(f"        ⟷ {names.get(rebuttal.speaker_id or '', '?')}: {short(rebuttal.text, 60)}")
        for reason in p.reasons:
            print(f"          - {visible(reason)}")
