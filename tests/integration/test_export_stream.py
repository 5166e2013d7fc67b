"""A report written as it is built (`ReportStream`, `export_stream`): the same bytes as
the report built whole, one article's analysis in memory at a time, and the old file left
as it was when the export fails part way."""

from __future__ import annotations

import dataclasses
import weakref
from pathlib import Path

import pytest

from counterclaim.domain import Analysis, Article, ArticleEntry, LibraryStatement, Pair, Side
from counterclaim.files import writing_atomically
from counterclaim.report import TEXT_FORMATS, ReportError, ReportStream, export_stream
from counterclaim.store import Library
from tests.integration.test_export import BY, GOLDEN, NOW, SUFFIX
from tests.integration.test_export import sample_library as sample_library  # the fixture
from tests.unit.test_report import RATINGS


class Watched:
    """The sample library seen as `copies` articles, each the sample, counting the
    analyses it handed out that are still alive."""

    def __init__(self, library: Library, copies: int) -> None:
        self.library = library
        (self.entry,) = library.article_list()
        self.ids = [self.entry.id + 1000 * n for n in range(copies)]
        self.alive = 0
        self.most_alive = 0

    def article_list(self) -> list[ArticleEntry]:
        return [dataclasses.replace(self.entry, id=i) for i in self.ids]

    def article(self, article_id: int, *, counts: bool = True) -> Article:
        article = self.library.article(self.entry.id, counts=counts)
        return dataclasses.replace(article, id=article_id)

    def analysis(self, article_id: int) -> Analysis | None:
        analysis = self.library.analysis(self.entry.id)
        assert analysis is not None
        self.alive += 1
        self.most_alive = max(self.most_alive, self.alive)
        weakref.finalize(analysis, self._gone)
        return analysis

    def _gone(self) -> None:
        self.alive -= 1

    def cross_pairs(self, article_id: int) -> list[tuple[Pair, LibraryStatement]]:
        return self.library.cross_pairs(self.entry.id)

    def sides(self) -> list[Side]:
        return self.library.sides()


def sample_stream(library: Library) -> ReportStream:
    return ReportStream(library, generated_by=BY, now=NOW, ratings=RATINGS)


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_the_sample_written_as_it_is_built_matches_the_golden_file(
    sample_library: Library, fmt: str, tmp_path: Path
) -> None:
    path = tmp_path / f"report.{SUFFIX[fmt]}"
    export_stream(sample_stream(sample_library), fmt, path)
    assert path.read_bytes() == (GOLDEN / f"peskov-nato.{SUFFIX[fmt]}").read_bytes()


def test_a_library_export_holds_one_analysis_at_a_time(
    sample_library: Library, tmp_path: Path
) -> None:
    watched = Watched(sample_library, copies=4)
    path = tmp_path / "library.html"
    export_stream(ReportStream(watched, generated_by=BY, now=NOW), "html", path)
    assert watched.most_alive == 1
    html = path.read_text(encoding="utf-8")
    assert [f'id="article-{i}"' in html for i in watched.ids] == [True] * 4
    assert "Claims and rebuttals in 4 articles" in html


def test_a_failed_export_leaves_the_old_file_and_no_partial_one(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite"
    path = tmp_path / "report.md"
    path.write_text("the old report\n", encoding="utf-8")
    with Library.open(empty) as library, pytest.raises(ReportError):
        export_stream(ReportStream(library), "md", path)
    assert path.read_text(encoding="utf-8") == "the old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.sqlite", "report.md"]


def test_writing_atomically_replaces_the_file_only_when_the_block_ends(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    path.write_bytes(b"old")
    with writing_atomically(path) as handle:
        handle.write(b"new")
        assert path.read_bytes() == b"old"
    assert path.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
