"""Work left unfinished is finished: an article the pipeline fails on is kept and marked
with why, the others go on; `import` and `analyse` pick up what an earlier run left."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from counterclaim.domain import Analysis, ArticleMeta
from counterclaim.nlp.common import ArticleInput
from counterclaim.nlp.extract import Extractor
from counterclaim.paths import SAMPLE_ARTICLE
from counterclaim.services.analysis import AnalysisService, QuietProgress
from counterclaim.store import Library, LibraryLocation
from tests.integration.test_cli import cli

POISON = "This article breaks the pipeline."


class Breaking:
    """The real pipeline, but for articles that contain POISON: there it fails, as spaCy
    does on a text over its length limit."""

    def __init__(self, extractor: Extractor) -> None:
        self.extractor = extractor

    def analyse_many(
        self,
        articles: Iterable[ArticleInput],
        cancel: threading.Event | None = None,
        progress: Callable[[int], None] | None = None,
        told: Callable[[int, int], None] | None = None,
    ) -> Iterator[Analysis]:
        items = list(articles)
        if any(POISON in item.text for item in items):  # a batch fails as a whole
            raise ValueError("[E088] Text of length 5000000 exceeds maximum of 1000000")
        yield from self.extractor.analyse_many(items, cancel, progress, told)

    def __getattr__(self, name: str) -> object:
        return getattr(self.extractor, name)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_failed_analysis_keeps_the_article_marked_and_the_rest_goes_on(
    tmp_path: Path, extractor: Extractor, library_location: LibraryLocation
) -> None:
    library_path = library_location
    service = AnalysisService(library_path)
    service.use(Breaking(extractor))  # type: ignore[arg-type]  # duck-typed pipeline
    bad = write(tmp_path, "bad.txt", f"Mayor Jane Smith said the bridge is safe. {POISON}\n")
    files = [bad, SAMPLE_ARTICLE]
    report = service.import_paths(QuietProgress(), files)
    done = service.analyse(QuietProgress(), report.added)
    with Library.open(library_path) as library:
        broken, sample = (library.article(i) for i in report.added)
        assert done == [sample.id]
        assert sample.analysed and library.analysis(sample.id) is not None
        assert not broken.analysed
        assert broken.analysis_error is not None and "E088" in broken.analysis_error
        assert library.unanalysed() == [broken.id]
    service.use(extractor)  # the pipeline mended: a retry analyses it
    assert service.analyse(QuietProgress(), [broken.id]) == [broken.id]
    with Library.open(library_path) as library:
        article = library.article(broken.id)
        assert article.analysed and article.analysis_error is None


def test_import_finishes_what_an_earlier_run_left(
    tmp_path: Path, library_location: LibraryLocation
) -> None:
    library = str(library_location)
    first = cli("import", str(SAMPLE_ARTICLE), "--no-analyse", "--library", library)
    assert first.returncode == 0, first.stderr
    other = write(tmp_path, "other.txt", "Governor Tom Brown said the bridge will close in May.\n")
    second = cli("import", str(other), "--library", library)
    assert second.returncode == 0, second.stderr
    assert "Finishing 1 article that an earlier run left unanalysed." in second.stdout
    with Library.open(library) as opened:
        assert opened.unanalysed() == []
        assert not opened.pairing_due()
    rerun = cli("import", str(SAMPLE_ARTICLE), "--library", library)
    assert rerun.returncode == 0, rerun.stderr
    assert "already in the library" in rerun.stdout and "Finishing" not in rerun.stdout


def test_pairing_cut_short_is_done_again(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    assert cli("import", str(SAMPLE_ARTICLE), "--library", str(library)).returncode == 0
    with closing(sqlite3.connect(library)) as db:  # as a kill during pairing leaves it
        db.execute("UPDATE library_state SET value = '1' WHERE key = 'pairing_due'")
        db.commit()
    again = cli("analyse", "--library", str(library))
    assert again.returncode == 0, again.stderr
    assert "Pairing across the library again: an earlier run was cut short." in again.stdout
    with Library.open(library) as opened:
        assert not opened.pairing_due()
    idle = cli("analyse", "--library", str(library))
    assert idle.stdout.strip() == "Every article is analysed; nothing to do."


def test_commands_on_an_unanalysed_article_name_the_fix(tmp_path: Path) -> None:
    library = str(tmp_path / "library.sqlite")
    assert cli("import", str(SAMPLE_ARTICLE), "--no-analyse", "--library", library).returncode == 0
    rebuttals = cli("rebuttals", "1", "--library", library)
    assert rebuttals.returncode == 2
    assert rebuttals.stderr.strip() == (
        "counterclaim: article 1 is not analysed yet; run `counterclaim analyse 1`"
    )
    export = cli(
        "export",
        "--format",
        "md",
        "--article",
        "1",
        "-o",
        str(tmp_path / "r.md"),
        "--library",
        library,
    )
    assert export.returncode == 2
    assert "`counterclaim analyse 1`" in export.stderr
    analysed = cli("analyse", "1", "--library", library)
    assert analysed.returncode == 0, analysed.stderr
    assert analysed.stdout.startswith("article 1 “")
    assert ": analysed (" in analysed.stdout
    assert cli("rebuttals", "1", "--library", library).returncode == 0
    unknown = cli("analyse", "7", "--library", library)
    assert unknown.returncode == 2 and "no article 7 in the library" in unknown.stderr


def test_the_windows_first_work_never_reads_the_whole_library_list(
    tmp_path: Path, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It runs beside the window's first paint: reading every article (with their counts,
    a third of a second at 10,000 articles) there held the window back."""
    path = tmp_path / "desk.sqlite"
    service = AnalysisService(path)
    service.use(extractor)

    def whole_list(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the whole library list was read")

    monkeypatch.setattr(Library, "article_list", whole_list)
    (sample,) = service.import_sample_if_empty(QuietProgress())  # an empty library
    assert service.import_sample_if_empty(QuietProgress()) == []  # not empty any more
    with Library.open(path) as library:
        later, _ = library.add_article(ArticleMeta(title="Later"), "Nobody said a word.", "x")
        library.mark_not_analysed(later, "the pipeline broke")
    assert service.analyse_pending(QuietProgress()) == []  # a failed one waits for Retry
    assert service.analyse_pending(QuietProgress(), retry_failed=True) == [later]
    assert sample != later
