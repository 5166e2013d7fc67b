"""A library of 10,000 real-shaped articles for the benchmarks, built once and cached.

A few dozen real articles (the sample and PolNeAR dev texts, when ../shared is there) are
imported and analysed through the service; their rows are then copied at SQL level, each
copy with its own title and text hash, until the library holds `size` articles. The file
is cached under tests/bench/cache/ and rebuilt when the schema changes (its name carries
the migration head) or the seed articles do.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from counterclaim.nlp.common import CLAIMABLE
from counterclaim.nlp.extract import Extractor
from counterclaim.paths import SAMPLE_ARTICLE
from counterclaim.services.analysis import AnalysisService, QuietProgress
from counterclaim.store.migrate import head_revision

HERE = Path(__file__).resolve().parent
CACHE = HERE / "cache"
POLNEAR = HERE.parents[1].parent / "shared" / "eval" / "polnear-dev.jsonl"
SEEDS = 40


def seed_texts(count: int = SEEDS) -> list[tuple[str, str]]:
    """(title, text) of real articles: the sample, then PolNeAR dev articles."""
    found = [("Peskov slams NATO", SAMPLE_ARTICLE.read_text(encoding="utf-8"))]
    if POLNEAR.exists():
        with POLNEAR.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                found.append((record.get("title") or record["id"], record["text"]))
                if len(found) >= count:
                    break
    return found


def seed_library(folder: Path, count: int = SEEDS) -> Path:
    """A library of the seed articles, imported and analysed for real."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for n, (title, text) in enumerate(seed_texts(count)):
        path = folder / f"seed{n:03}.txt"
        path.write_text(f"{title}\n\n{text}\n", encoding="utf-8")
        files.append(path)
    library = folder / "seed.sqlite"
    service = AnalysisService(library)
    report = service.import_paths(QuietProgress(), files)
    service.analyse(QuietProgress(), report.added)
    service.close()
    return library


def big_library(size: int = 10_000, count: int = SEEDS) -> Path:
    """The cached library of `size` articles; built on first use (a few minutes)."""
    key = hashlib.sha256(
        "".join(t for _, t in seed_texts(count)).encode() + str(size).encode()
    ).hexdigest()[:10]
    path = CACHE / f"library-{size}-{head_revision()}-{key}.sqlite"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    seed = seed_library(CACHE / f"seed-{key}", count)
    partial = path.with_suffix(".partial")
    shutil.copyfile(seed, partial)
    with closing(sqlite3.connect(partial)) as db:
        keep_features(db)
    with closing(sqlite3.connect(partial)) as db:
        replicate(db, size)
    partial.replace(path)
    return path


def keep_features(db: sqlite3.Connection) -> None:
    """Store the pairing features of seed statements analysed before analysis kept them
    (a seed cached from before 0009): the big library then holds what analysing its
    articles stores today, and importing into it parses none of its statements."""
    found = db.execute(
        "SELECT s.id, substr(a.text, s.content_start + 1, s.content_end - s.content_start) "
        "FROM statements s JOIN articles a ON a.id = s.article_id "
        "WHERE s.features IS NULL AND s.mode IN (?, ?)",
        tuple(mode.value for mode in CLAIMABLE),
    ).fetchall()
    if not found:
        return
    features = Extractor.load().statement_features([said for _, said in found])
    db.executemany(
        "UPDATE statements SET features = ? WHERE id = ?",
        [(json.dumps(f), i) for (i, _), f in zip(found, features, strict=True)],
    )
    db.commit()


def replicate(db: sqlite3.Connection, size: int) -> None:
    """Copy the seed articles, with their speakers, statements, links and search rows,
    until there are `size` articles."""
    seeds = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]
    db.execute("BEGIN")
    copy = 0
    while db.execute("SELECT count(*) FROM articles").fetchone()[0] < size:
        copy += 1
        for article_id in seeds:
            if db.execute("SELECT count(*) FROM articles").fetchone()[0] >= size:
                break
            _copy_article(db, article_id, copy)
    db.execute("COMMIT")


def _copy_article(db: sqlite3.Connection, article_id: int, copy: int) -> None:
    columns = [c[1] for c in db.execute("PRAGMA table_info(articles)") if c[1] != "id"]
    row = dict(
        zip(
            columns,
            db.execute(
                f"SELECT {', '.join(columns)} FROM articles WHERE id = ?", (article_id,)
            ).fetchone(),
            strict=True,
        )
    )
    row["title"] = f"{row['title']} ({copy})"
    row["sha256"] = hashlib.sha256(f"{row['sha256']}/{copy}".encode()).hexdigest()
    new_article = insert_row(db, "articles", row)
    speakers = _copy_rows(db, "speakers", "article_id", article_id, {"article_id": new_article})
    statements = _copy_rows(
        db,
        "statements",
        "article_id",
        article_id,
        {"article_id": new_article},
        remap={"speaker_id": speakers},
    )
    for old, new in statements.items():
        for link in db.execute("SELECT * FROM links WHERE claim_id = ?", (old,)).fetchall():
            names = [d[0] for d in db.execute("SELECT * FROM links LIMIT 0").description]
            values = dict(zip(names, link, strict=True))
            rebuttal = statements.get(values["rebuttal_id"])
            if rebuttal is None:
                continue  # a link into another article stays with the seed
            values.pop("id")
            values.update(claim_id=new, rebuttal_id=rebuttal)
            insert_row(db, "links", values)
        text = db.execute("SELECT text FROM statement_search WHERE rowid = ?", (old,)).fetchone()
        if text is not None:
            db.execute(
                "INSERT INTO statement_search (rowid, text, article_id) VALUES (?, ?, ?)",
                (new, text[0], new_article),
            )


def _copy_rows(
    db: sqlite3.Connection,
    table: str,
    key: str,
    value: int,
    changes: dict[str, object],
    remap: dict[str, dict[int, int]] | None = None,
) -> dict[int, int]:
    cursor = db.execute(f"SELECT * FROM {table} WHERE {key} = ?", (value,))
    names = [d[0] for d in cursor.description]
    made = {}
    for found in cursor.fetchall():
        values = dict(zip(names, found, strict=True))
        old = values.pop("id")
        values.update(changes)
        for column, ids in (remap or {}).items():
            if values.get(column) is not None:
                values[column] = ids.get(values[column], values[column])
        made[old] = insert_row(db, table, values)
    return made


def insert_row(db: sqlite3.Connection, table: str, values: dict[str, object]) -> int:
    """Insert one row of these column values; its id."""
    names = ", ".join(f'"{n}"' for n in values)
    marks = ", ".join("?" * len(values))
    cursor = db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(values.values()))
    assert cursor.lastrowid is not None
    return cursor.lastrowid


if __name__ == "__main__":
    import sys

    print(big_library(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
