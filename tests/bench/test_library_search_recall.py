"""How well the search for similar statements finds what pairing needs in a big library,
for each `MATCH_BUDGET` (how many index rows a search ranks at most): Emergent's rumoured
claims, each searched for among its own articles' headlines spread over the 10,000-article
library. Prints the figures beside the time a search takes; asserts nothing about either.

A claim's headlines are the statements pairing should consider for it (journalists
judged each headline to support, oppose or merely report the claim). Recall is the share
of them among the claim's best 8 (of the most 8 it can find), and of its opposing
headlines alone, the ones a fact-checker wants beside the claim."""

from __future__ import annotations

import json
import shutil
import sqlite3
import statistics
import time
from collections import defaultdict
from contextlib import closing
from pathlib import Path

import pytest

from counterclaim.store import Library, search
from tests.bench.big_library import big_library, insert_row

EMERGENT = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "emergent-train.jsonl"
BUDGETS = (250, 500, 1000, 1500, 2000, 4000, 1_000_000)


def _article(db: sqlite3.Connection, title: str, lines: list[str]) -> list[int]:
    """An analysed, paired article holding each line as a statement; their ids."""
    text = "\n".join(lines)
    template = db.execute("SELECT * FROM articles LIMIT 1")
    names = [d[0] for d in template.description]
    row = dict(zip(names, template.fetchone(), strict=True))
    row.pop("id")
    row.update(title=title, text=text, sha256=f"{abs(hash(title)):064}"[:64], paired=1)
    article_id = insert_row(db, "articles", row)
    statement = db.execute("SELECT * FROM statements WHERE mode = 'speech' LIMIT 1")
    names = [d[0] for d in statement.description]
    shape = dict(zip(names, statement.fetchone(), strict=True))
    shape.pop("id")
    made, at = [], 0
    for line in lines:
        values = dict(shape, article_id=article_id, speaker_id=None, features=None)
        values.update(content_start=at, content_end=at + len(line), hidden=0)
        values.update(cue_start=None, cue_end=None, speaker_start=None, speaker_end=None)
        statement_id = insert_row(db, "statements", values)
        db.execute(
            "INSERT INTO statement_search (rowid, text, article_id) VALUES (?, ?, ?)",
            (statement_id, line, article_id),
        )
        made.append(statement_id)
        at += len(line) + 1
    return made


@pytest.mark.bench
def test_similar_statements_found_in_a_big_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not EMERGENT.exists():
        pytest.skip("../shared/eval is not beside the project")
    records = [json.loads(line) for line in EMERGENT.read_text(encoding="utf-8").splitlines()]
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for record in records:
        groups[record["claim_id"]].append(record)
    copy = tmp_path / "big.sqlite"
    shutil.copyfile(big_library(), copy)
    claims: dict[int, set[int]] = {}  # a claim's statement: its headlines' statements
    opposing: dict[int, set[int]] = {}
    with closing(sqlite3.connect(copy)) as db:
        claim_ids = _article(db, "Emergent claims", [g[0]["claim"] for g in groups.values()])
        for claim_id, (key, group) in zip(claim_ids, groups.items(), strict=True):
            headlines = _article(db, f"Emergent {key}", [r["counter"] for r in group])
            claims[claim_id] = set(headlines)
            opposing[claim_id] = {h for h, r in zip(headlines, group, strict=True) if r["opposes"]}
        db.commit()
    wanted = [f"st{i}" for i in claims]
    print(f"\n{len(claims)} Emergent claims, {len(records)} headlines, in 10,000 articles")
    with Library.open(copy) as library:
        for budget in BUDGETS:
            monkeypatch.setattr(search, "MATCH_BUDGET", budget)
            times, found = [], {}
            for statement_id in wanted:
                start = time.perf_counter()
                found.update(library.similar_to_each([statement_id], 8, True))
                times.append(time.perf_counter() - start)
            hits = {int(k[2:]): {int(s.statement.id[2:]) for s in v} for k, v in found.items()}
            recall = _recall(hits, claims)
            against = _recall(hits, {c: o for c, o in opposing.items() if o})
            print(
                f"budget {budget:>7}: recall@8 {recall:.3f}, opposing {against:.3f}; "
                f"search median {statistics.median(times) * 1000:.1f} ms, "
                f"total {sum(times):.2f} s"
            )


def _recall(hits: dict[int, set[int]], gold: dict[int, set[int]]) -> float:
    found = sum(len(hits.get(claim, set()) & wanted) for claim, wanted in gold.items())
    possible = sum(min(8, len(wanted)) for wanted in gold.values())
    return found / possible
