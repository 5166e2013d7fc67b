"""Reports on the Peskov/NATO sample: golden files for every text format, the PDF read
back, and the `export` command as a user runs it.

A change in a report must be looked at and the golden files updated on purpose:
`python -m tests.integration.test_export` rewrites them.
"""

from __future__ import annotations

import dataclasses
import json
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pypdf
import pytest
from PySide6.QtWidgets import QApplication

from counterclaim.domain import LinkStatus, Review
from counterclaim.ingest import load_article
from counterclaim.paths import SAMPLE_ARTICLE
from counterclaim.report import TEXT_FORMATS, build_report, render
from counterclaim.report.model import Report
from counterclaim.store import Library, LibraryLocation
from tests.integration.test_cli import cli
from tests.unit.test_report import FORMULA, RATINGS, Hostile
from tests.unit.test_report import hostile as hostile  # the fixture, reused

if TYPE_CHECKING:
    from counterclaim.nlp.extract import Extractor

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "report"
NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
BY = "The test desk"
SOURCE = "https://example.org/peskov-nato"
SUFFIX = {"html": "html", "md": "md", "csv": "csv", "json": "json", "claimreview": "jsonld"}


def fill_library(library: Library, extractor: Extractor) -> int:
    """The sample, analysed, from a web address; its first pair confirmed as False."""
    article = load_article(SAMPLE_ARTICLE)
    meta = dataclasses.replace(article.meta, source=SOURCE)
    article_id, _ = library.add_article(meta, article.text, article.sha256)
    stored = library.save_analysis(article_id, extractor.analyse(article.text, meta.title))
    first = stored.pairs[0].id
    assert first is not None
    library.review_link(
        first, Review(LinkStatus.CONFIRMED, "False", "NATO says it poses no threat."), "desk"
    )
    return article_id


def sample_report(library: Library) -> Report:
    return build_report(library, generated_by=BY, now=NOW, ratings=RATINGS)


@pytest.fixture
def sample_library(library_location: LibraryLocation, extractor: Extractor) -> Iterator[Library]:
    """The sample, analysed, in a library file and in a library on a PostgreSQL server."""
    with Library.open(library_location) as library:
        fill_library(library, extractor)
        yield library


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_the_sample_report_matches_the_golden_file(sample_library: Library, fmt: str) -> None:
    expected = (GOLDEN / f"peskov-nato.{SUFFIX[fmt]}").read_bytes()
    assert render(sample_report(sample_library), fmt) == expected


def test_the_sample_report_names_the_pairs_design_asks_for(sample_library: Library) -> None:
    report = sample_report(sample_library)
    (article,) = report.articles
    speakers = {(p.claim.speaker, p.rebuttal.speaker) for p in article.pairs}
    assert ("Dmitriy Peskov", "NATO") in speakers
    assert ("Dmitriy Peskov", "Jens Stoltenberg") in speakers
    text = load_article(SAMPLE_ARTICLE).text
    for pair in article.pairs:
        for voice in (pair.claim, pair.rebuttal):
            assert text[voice.position.start : voice.position.end] == voice.text
    (review,) = json.loads(render(report, "claimreview"))
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Dmitriy Peskov"}


def pdf_text(data: bytes) -> tuple[int, str]:
    import io

    reader = pypdf.PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), " ".join(text.split())


def test_the_sample_pdf_reads_back(sample_library: Library, qapp: QApplication) -> None:
    data = render(sample_report(sample_library), "pdf")
    assert data.startswith(b"%PDF-")
    pages, text = pdf_text(data)
    assert pages >= 2
    assert "Claims and rebuttals: Russia's Dmitriy Peskov slams NATO" in text
    assert "Verdict: False" in text and "Note: NATO says it poses no threat." in text
    assert "poses no threat to Russia" in text
    assert "characters 225–267" in text


def test_a_hostile_article_prints(hostile: Hostile, qapp: QApplication) -> None:
    report = build_report(hostile[0], generated_by="Desk", now=NOW, ratings=RATINGS)
    _, text = pdf_text(render(report, "pdf"))
    assert "<script>alert(1)</script>" in text
    assert "</script><script>alert(2)</script> NATO is hostile to us" in text
    assert FORMULA in text
    # the Arabic and emoji are drawn with whatever fonts the machine has: not compared


def regenerate(folder: Path = GOLDEN) -> None:
    from counterclaim.nlp.extract import Extractor

    folder.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryDirectory() as temporary,
        Library.open(Path(temporary) / "library.sqlite") as library,
    ):
        fill_library(library, Extractor.load())
        report = sample_report(library)
    for fmt in TEXT_FORMATS:
        (folder / f"peskov-nato.{SUFFIX[fmt]}").write_bytes(render(report, fmt))


@pytest.fixture
def library_file(library_path: Path, extractor: Extractor) -> Path:
    with Library.open(library_path) as library:
        fill_library(library, extractor)
    return library_path


def test_export_html_to_a_file_and_markdown_to_stdout(library_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "peskov.html"
    result = cli("export", "--format", "html", "--library", str(library_file), "-o", str(out))
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Dmitriy Peskov" in page
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    shown = cli(
        "export",
        "--format",
        "md",
        "--article",
        "1",
        "-o",
        "-",
        env={"COUNTERCLAIM_LIBRARY": str(library_file)},
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("# Claims and rebuttals: Russia's Dmitriy Peskov")
    assert "Verdict: False" in shown.stdout


def test_claimreview_links_each_pair_in_the_published_report(library_file: Path) -> None:
    address = "https://factcheck.example/peskov-nato"
    result = cli(
        "export", "--format", "claimreview", "--url", address, "--by", "The fact desk",
        "--library", str(library_file), "-o", "-",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    (review,) = json.loads(result.stdout)
    assert review["url"].startswith(address + "#pair-ln")
    assert review["author"] == {"@type": "Organization", "name": "The fact desk"}
    assert review["reviewRating"]["alternateName"] == "False"
    assert review["reviewRating"]["ratingValue"] == 3  # "False" on the default scale of 7
    refused = cli(
        "export", "--format", "claimreview", "--url", "factcheck.example",
        "--library", str(library_file), "-o", "-",
    )  # fmt: skip
    assert refused.returncode == 2
    assert "https://" in refused.stderr and refused.stdout == ""


def test_export_of_an_unknown_article_fails_with_one_line(
    library_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "x.md"
    result = cli(
        "export", "--format", "md", "--article", "7", "--library", str(library_file), "-o", str(out)
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "counterclaim: there is no article 7 in the library"
    ]
    assert not out.exists()


def test_export_to_a_folder_that_does_not_exist_fails_with_one_line(
    library_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "missing" / "x.csv"
    result = cli("export", "--format", "csv", "--library", str(library_file), "-o", str(out))
    assert result.returncode != 0
    (line,) = result.stderr.strip().splitlines()
    assert "cannot be written" in line


def a_device(folder: Path) -> Path:
    """A device like /dev/full: made in `folder` where that is allowed (root), so a bug
    replaces nothing of the system's; else /dev/full itself, which only root can replace."""
    device = folder / "full"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except PermissionError:
        return Path("/dev/full")
    return device


@pytest.mark.parametrize(
    ("kind", "what", "still"),
    [
        ("device", "a device", stat.S_ISCHR),
        ("fifo", "a named pipe (FIFO)", stat.S_ISFIFO),
        ("folder", "a folder", stat.S_ISDIR),
    ],
)
def test_export_writes_over_nothing_but_a_regular_file(
    library_file: Path, tmp_path: Path, kind: str, what: str, still: Callable[[int], bool]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "report.md"
    if kind == "device":
        target = a_device(out)
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()

    result = cli("export", "--format", "md", "--library", str(library_file), "-o", str(target))

    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"counterclaim: {target} is {what}, not a file: choose a file to write to"
    ]
    assert still(target.stat().st_mode)
    left = [p.name for p in out.iterdir()]
    assert left == ([target.name] if target.parent == out else [])  # no temporary file


def test_export_through_a_symbolic_link_writes_its_target(
    library_file: Path, tmp_path: Path
) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    real = reports / "peskov.md"
    real.write_text("the old report\n")
    real.chmod(0o640)
    link = tmp_path / "latest.md"
    link.symlink_to(real)

    result = cli("export", "--format", "md", "--library", str(library_file), "-o", str(link))

    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and link.resolve() == real
    assert real.read_text(encoding="utf-8").startswith("# Claims and rebuttals")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in reports.iterdir()) == ["peskov.md"]


if __name__ == "__main__":
    regenerate()
