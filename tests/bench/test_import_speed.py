"""Importing into a big library, and the pipeline's processes, as ratios to baselines
measured in the same run (`make bench`): bare spaCy (load + `nlp.pipe`) on the same
texts, importing into an empty library, one process. Prints the figures; asserts nothing
about time."""

from __future__ import annotations

import gc
import json
import os
import shutil
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
import spacy

from counterclaim.nlp.common import ArticleInput
from counterclaim.nlp.pipeline import available_model
from counterclaim.nlp.worker import ProcessExtractor
from counterclaim.paths import SAMPLE_ARTICLE
from counterclaim.services.analysis import AnalysisService, QuietProgress
from counterclaim.store import Library
from tests.bench.big_library import big_library

NEWSPAIRS = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "newspairs-train.jsonl"


def article_texts(count: int) -> list[str]:
    """`count` copies of the sample, each with its own last line: the worst case for
    pairing across the library, where every claim has its double in every article."""
    sample = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    return [f"{sample}\nUpdate {n}: the story was corrected on day {n}.\n" for n in range(count)]


def real_texts(count: int) -> list[str]:
    """The first `count` newspairs-train articles (real news with their rebuttals, as a
    fact-checker imports them); none when ../shared is not beside the project."""
    if not NEWSPAIRS.exists():
        return []
    with NEWSPAIRS.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line, _ in zip(lines, range(count), strict=False)]


def text_sets(count: int) -> dict[str, list[str]]:
    found = {"real articles": real_texts(count), "copies of the sample": article_texts(count)}
    return {name: texts for name, texts in found.items() if texts}


def write_files(folder: Path, texts: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, text in enumerate(texts):
        path = folder / f"article{n:03}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def figures(times: list[float]) -> str:
    return f"min {min(times):.2f} s, median {statistics.median(times):.2f} s"


def new_library(path: Path) -> Path:
    """A library with nothing in it, made before the clock starts: a reviewer imports into
    the library they have (its schema made once, when it was first opened)."""
    Library.open(path, create=True).close()
    return path


def on_disk(path: Path) -> None:
    """Wait for the file to be written out: the first fsync of a file just copied would
    write the whole copy, in whichever step of the import came to sync it first."""
    with path.open("rb+") as file:
        os.fsync(file.fileno())


def import_into(library: Path, files: list[Path]) -> None:
    """As `counterclaim import`: load the pipeline, store, analyse, pair."""
    service = AnalysisService(library, lasting=True)
    service.load_in_background()
    report = service.import_paths(QuietProgress(), files)
    service.analyse(QuietProgress(), report.added)
    service.close()


def ended() -> None:
    """What the end of `counterclaim import`'s process would free: its pipeline, kept out
    of the collector for the command's life (`Extractor.load(lasting=True)`)."""
    gc.unfreeze()
    gc.collect()


def analyse_all(pool: ProcessExtractor, inputs: list[ArticleInput]) -> None:
    list(pool.analyse_many(inputs))


def bare_spacy(texts: list[str]) -> None:
    list(spacy.load(available_model()).pipe(texts))


@pytest.mark.bench
def test_import_into_a_big_library(tmp_path: Path) -> None:
    big = big_library()
    for name, texts in text_sets(5).items():
        files = write_files(tmp_path / name, texts)
        empty_times, big_times = [], []
        for n in range(3):
            empty = new_library(tmp_path / f"empty{n}.sqlite")
            empty_times.append(timed(partial(import_into, empty, files)))
            ended()
            copy = tmp_path / f"big{n}.sqlite"
            shutil.copyfile(big, copy)
            Library.open(copy).close()  # the reviewer's library, as counterclaim left it,
            on_disk(copy)  # and on the disk: not 100 MB of the copy waiting to be written
            big_times.append(timed(partial(import_into, copy, files)))
            ended()
            copy.unlink()
            (tmp_path / f"empty{n}.sqlite").unlink()
        print(
            f"\nimport 5 {name}: empty library {figures(empty_times)}; "
            f"10,000 articles {figures(big_times)}; "
            f"ratio {min(big_times) / min(empty_times):.2f} (target <= 1.2)"
        )


@pytest.mark.bench
def test_import_and_analysis_against_bare_spacy(tmp_path: Path) -> None:
    for name, texts in text_sets(20).items():
        files = write_files(tmp_path / name, texts)
        bare_times, ours = [], []
        for n in range(3):
            bare_times.append(timed(partial(bare_spacy, texts)))
            library = new_library(tmp_path / f"lib{n}.sqlite")
            ours.append(timed(partial(import_into, library, files)))
            ended()
            library.unlink()
        print(
            f"\n20 {name}: bare spaCy load + pipe {figures(bare_times)}; "
            f"import + analyse {figures(ours)}; "
            f"ratio {min(ours) / min(bare_times):.2f} (target <= 1.5)"
        )


@pytest.mark.bench
def test_two_processes_against_one() -> None:
    inputs = [ArticleInput(t) for t in article_texts(40)]
    times: dict[int, list[float]] = {1: [], 2: []}
    pools = {n: ProcessExtractor(processes=n) for n in times}
    try:
        for pool in pools.values():  # every process loads its pipeline before the clock
            list(pool.analyse_many(inputs[:4]))
        for _ in range(3):
            for n, pool in pools.items():
                times[n].append(timed(partial(analyse_all, pool, inputs)))
    finally:
        for pool in pools.values():
            pool.close()
    print(
        f"\nanalyse 40 articles: 1 process {figures(times[1])}; "
        f"2 processes {figures(times[2])}; speed-up {min(times[1]) / min(times[2]):.2f} "
        "(target >= 1.7)"
    )
