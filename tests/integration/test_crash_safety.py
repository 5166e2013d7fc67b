"""Nothing lost when the program is killed: `counterclaim import` and a reviewer's edit
loop are killed with SIGKILL at random moments; after each kill the library passes
SQLite's integrity check, holds no half-written article, keeps every edit committed
before the kill, and a rerun completes. Two imports and an export at once see no "database
is locked". Each run's moment is printed with the seed, so a failure can be replayed."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from counterclaim.domain import Edit
from counterclaim.ingest import load_article
from counterclaim.nlp.extract import Extractor
from counterclaim.paths import SAMPLE_ARTICLE
from counterclaim.services.analysis import AnalysisService, QuietProgress
from counterclaim.store import Library

RUNS = 20
SEED = int(os.environ.get("COUNTERCLAIM_KILL_SEED", "2026"))
CLI = [sys.executable, "-m", "counterclaim.cli"]

ARTICLES = [
    "Bridge row\n\nMayor Jane Smith said the Ohio bridge is safe. Engineer Tom Brown said "
    "the bridge is not safe and must close. Smith denied that the bridge was unsafe.\n",
    "Port strike\n\nUnion leader Ana Costa said the strike will go on. Port director Li Wei "
    "said there is no strike and the port is open. Costa rejected the claim as false.\n",
    "School plan\n\nGovernor Ray Cole said the new school will open in May. Teachers' union "
    "head Mia Ford said the school will not open before next year.\n",
]


@pytest.fixture
def articles(tmp_path: Path) -> list[Path]:
    paths = []
    for n, text in enumerate(ARTICLES):
        path = tmp_path / f"article{n}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def integrity(path: Path) -> str:
    with closing(sqlite3.connect(path)) as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])


def stored_articles(path: Path) -> list[tuple[int, str, str, bool]]:
    with closing(sqlite3.connect(path)) as db:
        if not db.execute("SELECT name FROM sqlite_master WHERE name='articles'").fetchone():
            return []
        rows = db.execute("SELECT id, text, sha256, analysed FROM articles").fetchall()
        return [(i, text, sha, bool(done)) for i, text, sha, done in rows]


def statements_of(path: Path, article_id: int) -> int:
    with closing(sqlite3.connect(path)) as db:
        query = "SELECT count(*) FROM statements WHERE article_id = ?"
        return int(db.execute(query, (article_id,)).fetchone()[0])


def test_killing_an_import_loses_nothing_and_a_rerun_finishes(
    tmp_path: Path, articles: list[Path]
) -> None:
    rng = random.Random(SEED)
    expected = {loaded.sha256: loaded.text for loaded in map(load_article, articles)}
    analysed_at_kill = []
    for run in range(RUNS):
        library = tmp_path / f"run{run}.sqlite"
        moment = rng.uniform(0.3, 5.0)
        where = f"run {run}, killed after {moment:.2f} s (COUNTERCLAIM_KILL_SEED={SEED})"
        process = subprocess.Popen(
            [*CLI, "import", *map(str, articles), "--library", str(library)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(moment)
        process.send_signal(signal.SIGKILL)
        process.wait()
        if library.exists():
            assert integrity(library) == "ok", where
            stored = stored_articles(library)
            for article_id, text, sha, analysed in stored:
                assert text == expected[sha], where  # whole, never half-written
                if analysed:
                    assert statements_of(library, article_id) > 0, where
            analysed_at_kill.append(sum(done for *_, done in stored))
        rerun = subprocess.run(
            [*CLI, "import", *map(str, articles), "--library", str(library)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert rerun.returncode == 0, f"{where}: {rerun.stderr}"
        assert integrity(library) == "ok", where
        with Library.open(library) as opened:
            assert len(opened.articles()) == len(articles), where
            assert opened.unanalysed() == [], where
            assert not opened.pairing_due(), where
    print(f"articles analysed when killed, per run: {analysed_at_kill}")


EDITOR = """
import sys
from pathlib import Path
from counterclaim.domain import Edit
from counterclaim.store import Library

with Library.open(Path(sys.argv[1])) as library:
    links = [p.id for a in library.articles() for p in library.analysis(a.id).pairs]
    n = 0
    while True:
        link = links[n % len(links)]
        before = library.value(link, "note")
        batch = library.apply("Edit note", [Edit(link, "note", before, f"note {n}")], "ana")
        print(batch.id, link, f"note {n}", flush=True)
        n += 1
"""


@pytest.fixture
def reviewed_library(tmp_path: Path, extractor: Extractor) -> Path:
    path = tmp_path / "reviewed.sqlite"
    service = AnalysisService(path)
    service.use(extractor)
    service.analyse(QuietProgress(), service.import_paths(QuietProgress(), [SAMPLE_ARTICLE]).added)
    return path


def committed_edits(process: subprocess.Popen[str]) -> Iterator[tuple[int, str, str]]:
    assert process.stdout is not None
    for line in process.stdout:
        parts = line.split(maxsplit=2)
        if len(parts) == 3 and parts[2].endswith("\n"):  # a whole line: printed after commit
            yield int(parts[0]), parts[1], parts[2].strip()


def test_killing_an_edit_loop_keeps_every_committed_edit(
    tmp_path: Path, reviewed_library: Path
) -> None:
    rng = random.Random(SEED + 1)
    found: list[int] = []
    for run in range(RUNS):
        library = tmp_path / f"edits{run}.sqlite"
        library.write_bytes(reviewed_library.read_bytes())
        moment = rng.uniform(0.8, 3.0)
        where = f"run {run}, killed after {moment:.2f} s (COUNTERCLAIM_KILL_SEED={SEED})"
        process = subprocess.Popen(
            [sys.executable, "-c", EDITOR, str(library)], stdout=subprocess.PIPE, text=True
        )
        time.sleep(moment)
        process.send_signal(signal.SIGKILL)
        process.wait()
        edits = list(committed_edits(process))
        assert integrity(library) == "ok", where
        with Library.open(library) as opened:
            stored = {b.id: b for b in opened.batches(limit=100_000)}
            for batch_id, link, note in edits:
                assert batch_id in stored, f"{where}: edit {batch_id} lost"
                (edit,) = stored[batch_id].edits
                assert (edit.target, edit.after) == (link, note), where
            last_link, last_note = (edits[-1][1], edits[-1][2]) if edits else (None, None)
            if last_link is not None:  # the newest committed note is the one shown
                later = [b for b in stored.values() if b.id > edits[-1][0]]
                if not later:
                    assert opened.value(last_link, "note") == last_note, where
            analysis = opened.analysis(1)
            assert analysis is not None
            first = analysis.pairs[0].id
            assert first is not None
            before = opened.value(first, "note")
            opened.apply("Edit note", [Edit(first, "note", before, "after the kill")], "ana")
            assert opened.value(first, "note") == "after the kill", where
        found.append(len(edits))
    assert sum(found) > RUNS  # the loop did commit edits before the kills
    print(f"edits committed before each kill, all found: {found}")


def test_two_imports_and_an_export_at_once_see_no_lock(
    tmp_path: Path, articles: list[Path]
) -> None:
    library = tmp_path / "shared.sqlite"
    first = subprocess.run(
        [*CLI, "import", str(SAMPLE_ARTICLE), "--library", str(library)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert first.returncode == 0, first.stderr
    runs = [
        [*CLI, "import", str(articles[0]), str(articles[1]), "--library", str(library)],
        [*CLI, "import", str(articles[2]), str(articles[1]), "--library", str(library)],
        [*CLI, "export", "--format", "md", "-o", str(tmp_path / "r.md"), "--library", str(library)],
    ]
    processes = [
        subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for args in runs
    ]
    outcomes = [(p.wait(timeout=300), p.stderr.read() if p.stderr else "") for p in processes]
    for code, err in outcomes:
        assert code == 0, err
        assert "locked" not in err
    with Library.open(library) as opened:
        assert len(opened.articles()) == 1 + len(articles)
        assert opened.unanalysed() == []
    assert integrity(library) == "ok"
    assert "Peskov" in (tmp_path / "r.md").read_text(encoding="utf-8")
