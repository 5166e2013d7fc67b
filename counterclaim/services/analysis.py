"""Importing and analysing: loading the pipeline, storing article files, finding their
statements and pairs.

Plain functions over the nlp and store layers (no Qt): the window's task runner runs them
on a worker thread, the command line runs them as they are. Each job opens its own
library connection.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import BrokenExecutor
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from counterclaim.domain import (
    Analysis,
    Article,
)
from counterclaim.nlp.common import (
    CLAIMABLE,
    ArticleInput,
    Cancelled,
    default_processes,
)
from counterclaim.paths import SAMPLE_ARTICLE
from counterclaim.services.importing import Imported, ImportReport, Skipped, _ignore
from counterclaim.services.progress import Progress, QuietProgress
from counterclaim.store import Library, LibraryLocation
from counterclaim.text import shorten

if TYPE_CHECKING:  # spaCy is imported where the pipeline runs: never in the window's process
    from counterclaim.ingest import LoadedArticle
    from counterclaim.nlp.pairing import Verdict
    from counterclaim.nlp.views import Features

_CLAIMABLE = CLAIMABLE

__all__ = ["AnalysisService", "ImportReport", "Imported", "Progress", "QuietProgress", "Skipped"]


class Analyser(Protocol):
    """What the service needs of the pipeline, in this process or in a child process."""

    def analyse_many(
        self,
        articles: Iterable[ArticleInput],
        cancel: threading.Event | None = None,
        progress: Callable[[int], None] | None = None,
        told: Callable[[int, int], None] | None = None,
    ) -> Iterator[Analysis]: ...

    def compare(self, claim: str, counter: str) -> Verdict: ...

    def statement_features(self, texts: list[str]) -> list[Features]: ...


PIPELINE_LANGUAGE = "en"


def in_pipeline_language(language: str | None) -> bool:
    """Whether the pipeline can read an article (unknown languages are tried)."""
    return language is None or language == PIPELINE_LANGUAGE


class AnalysisService:
    """Holds the one spaCy pipeline, loaded on first use: in a child process for the
    window (so parsing never holds the window's interpreter lock), in this process for the
    command line and tests."""

    def __init__(
        self,
        library_path: Path | LibraryLocation,
        preferred_model: str | None = None,
        in_child: bool = False,
        processes: int | None = None,
        lasting: bool = False,
    ) -> None:
        self.library_path = library_path
        self.lasting = lasting
        """This process ends with the service (a command): a pipeline loaded in it is kept
        for the process's life (`Extractor.load`)."""
        self.preferred_model = preferred_model
        self.in_child = in_child
        if processes is None:  # the window: every core but one; here: this process
            processes = default_processes() if in_child else 1
        self.processes = max(1, processes)
        """Pipeline processes: more than one analyses articles in parallel, in children."""
        self._extractor: Analyser | None = None
        self._lock = threading.Lock()
        self._checked: tuple[int, int] | None = None  # the file found sound: device, inode

    def _open(self) -> Library:
        """The library, its file checked for damage the first time this service opens
        it (`Library.open`), and again only when it is another file (replaced, or a
        copy put in its place): SQLite reads every page of the file for the check, a
        third of a second for a library of 10,000 articles, and the window opens the
        library for each import and analysis. Damage that comes later still fails the
        work that meets it, with the same message."""
        where = LibraryLocation.parse(self.library_path)
        if where.path is None:  # on a server: the server looks after its pages
            return Library.open(where)
        now = self._file()
        library = Library.open(where.path, check=now is None or now != self._checked)
        self._checked = now
        return library

    def _file(self) -> tuple[int, int] | None:
        """Which file the library is (device, inode); None on a server or when missing."""
        path = LibraryLocation.parse(self.library_path).path
        try:
            seen = path.stat() if path is not None else None
        except OSError:
            return None
        return None if seen is None else (seen.st_dev, seen.st_ino)

    def found_sound(self) -> None:
        """The library file was just checked for damage (the window's opening): the first
        opening here need not read it all again."""
        self._checked = self._file()

    def _parser(self, progress: Progress) -> Callable[[list[str]], list[Features]]:
        """Parses statements for their features, loading the pipeline only if asked."""
        return lambda texts: self.extractor(progress).statement_features(texts)

    def close(self) -> None:
        """Stop the pipeline's process, if it has one."""
        close = getattr(self._extractor, "close", None)
        if close is not None:
            close()

    def use(self, extractor: Analyser) -> None:
        """Share a pipeline that is already loaded."""
        with self._lock:
            self._extractor = extractor

    def extractor(self, progress: Progress | None = None) -> Analyser:
        with self._lock:
            if self._extractor is None:
                if progress is not None:
                    progress.report(0, 0, "Loading the English language pipeline…")
                self._extractor = self._load()
            return self._extractor

    def load_in_background(self) -> None:
        """Start loading the pipeline on a thread of its own, for work that will analyse:
        it loads while the files are read and the library is opened and checked (SQLite
        lets go of the interpreter while it reads the file), and `extractor` waits for it.
        A load that fails is tried again, and reported, by `extractor`."""

        def load() -> None:
            try:
                self.extractor()
            except Exception:  # `extractor` tries again, and reports it
                return

        threading.Thread(target=load, name="pipeline-load", daemon=True).start()

    def _load(self) -> Analyser:
        if self.in_child or self.processes > 1:
            from counterclaim.nlp.worker import ProcessExtractor

            return ProcessExtractor(self.preferred_model, self.processes)
        from counterclaim.nlp.extract import Extractor

        return Extractor.load(self.preferred_model, lasting=self.lasting)

    def import_sample_if_empty(self, progress: Progress) -> list[int]:
        """On first start the library holds the sample article, analysed."""
        with self._open() as library:
            if not library.empty():
                return []
            from counterclaim.ingest import load_article

            sample = load_article(SAMPLE_ARTICLE)
            article_id, _ = library.add_article(sample.meta, sample.text, sample.sha256)
        return self.analyse(progress, [article_id])

    def import_paths(
        self,
        progress: Progress,
        paths: list[Path],
        max_bytes: int | None = None,
        told: Callable[[Imported | Skipped], None] = _ignore,
    ) -> ImportReport:
        """Store each readable article file (folders are walked), each in its own
        transaction: what was imported before a cancel or a bad file is kept, and a bad
        file leaves nothing behind. `told` hears of each file as it is done. The library is
        opened only once a file could be read. Analysis is left to the caller."""
        from counterclaim.ingest import MAX_BYTES, ImportError_, collect_files, load_article

        files, problems = collect_files(paths)
        report = ImportReport(problems=list(problems))
        for problem in problems:
            told(Skipped(str(getattr(problem, "path", "")), str(problem)))
        with ExitStack() as opened:
            library: Library | None = None
            for n, path in enumerate(files):
                if progress.cancel.is_set():
                    report.cancelled = len(files) - n
                    break
                progress.report(n, len(files), f"Reading {path.name}…")
                try:
                    article = load_article(path, max_bytes or MAX_BYTES)
                except ImportError_ as error:
                    report.problems.append(str(error))
                    told(Skipped(str(path), str(error)))
                    continue
                if library is None:
                    library = opened.enter_context(self._open())
                told(self._store(library, article, str(path), report))
        return report

    def import_text(
        self, text: str, source: str | None = None, max_bytes: int | None = None
    ) -> ImportReport:
        """Store pasted text as an article."""
        from counterclaim.ingest import MAX_BYTES, ImportError_, load_text

        report = ImportReport()
        try:
            article = load_text(text, source, max_bytes or MAX_BYTES)
        except ImportError_ as error:
            report.problems.append(str(error))
            return report
        with self._open() as library:
            self._store(library, article, "pasted text", report)
        return report

    @staticmethod
    def _store(
        library: Library, article: LoadedArticle, where: str, report: ImportReport
    ) -> Imported:
        article_id, created = library.add_article(article.meta, article.text, article.sha256)
        report.read += 1
        title = article.meta.title
        if created:
            report.added.append(article_id)
            if not in_pipeline_language(article.meta.language):
                report.other_language.append((article.meta.title, article.meta.language or ""))
            report.notes += [f"{where}: {note}" for note in article.notes]
        else:
            title = library.article(article_id, counts=False).title
            report.duplicates.append(f"{where}: already in the library as “{title}”")
        return Imported(where, article_id, created, title, article.meta.language, article.notes)

    def analyse_pending(self, progress: Progress, retry_failed: bool = False) -> list[int]:
        """Finish what an earlier run left: analyse every article never analysed (and, with
        `retry_failed`, those whose analysis failed), and pair across the library again
        if that was cut short. Returns the articles analysed."""
        with self._open() as library:
            pending = library.unanalysed(failed_too=retry_failed)
            due = library.pairing_due()
        if pending:
            return self.analyse(progress, pending)
        if due:
            self.pair_across_library(progress)
        return []

    def analyse(self, progress: Progress, article_ids: list[int]) -> list[int]:
        """Analyse the articles, each stored in its own transaction. An article the
        pipeline fails on is kept and marked with why (`Article.analysis_error`); the others
        go on. Returns the articles analysed."""
        with self._open() as library:
            articles = [library.article(i, counts=False) for i in article_ids]
            done: list[int] = []
            for other in [a for a in articles if not in_pipeline_language(a.meta.language)]:
                library.save_analysis(other.id, Analysis((), (), ()))  # nothing is invented
                done.append(other.id)
            articles = [a for a in articles if in_pipeline_language(a.meta.language)]
            if not articles:
                return done
            self._analyse_all(library, articles, progress, done)
            from counterclaim.services.cross_pairing import pair_all  # with the words it needs

            pair_all(
                library, progress, self._parser(progress)
            )  # on the same connection: opening checks the file
        progress.report(len(articles), len(articles), "Analysis done")
        return done

    def _analyse_all(
        self, library: Library, articles: list[Article], progress: Progress, done: list[int]
    ) -> None:
        """In one batch while all goes well; when an article breaks the batch (which one is
        not known inside a batch), the rest one by one."""
        extractor = self.extractor(progress)
        inputs = [ArticleInput(a.text, a.title) for a in articles]
        at = 0  # the article waited for

        def told(piece: int, pieces: int) -> None:  # a long article, read piece by piece
            title = shorten(articles[at].title, 60, cut="word")
            message = f"Finding statements in “{title}” (part {piece + 1} of {pieces})…"
            progress.report(at * pieces + piece, len(articles) * pieces, message)

        results = extractor.analyse_many(inputs, progress.cancel, told=told)
        for n, article in enumerate(articles):
            at = n
            progress.report(n, len(articles), f"Finding statements in “{article.title}”…")
            try:
                analysis = next(results)
            except Cancelled:
                raise
            except Exception:
                for k, rest in enumerate(articles[n:], start=n):
                    progress.report(k, len(articles), f"Finding statements in “{rest.title}”…")
                    if self._analyse_one(library, rest, progress):
                        done.append(rest.id)
                return
            library.save_analysis(article.id, analysis)
            done.append(article.id)
        if progress.cancel.is_set():
            raise Cancelled

    def _analyse_one(self, library: Library, article: Article, progress: Progress) -> bool:
        """Analyse one article; on a failure of the pipeline, mark the article with why."""
        try:
            extractor = self.extractor(progress)
            item = ArticleInput(article.text, article.title)
            (analysis,) = list(extractor.analyse_many([item], progress.cancel))
        except Cancelled:
            raise
        except Exception as error:
            library.mark_not_analysed(article.id, failure_reason(error))
            if isinstance(error, BrokenExecutor):  # the pipeline's process died: start anew
                self.close()
                with self._lock:
                    self._extractor = None
            return False
        library.save_analysis(article.id, analysis)
        return True

    def pair_across_library(self, progress: Progress, per_claim: int = 8) -> int:
        """Pair each article analysed since the last pairing with the library, once: its
        claims beside rebuttals in the articles paired before it, and their claims beside
        its rebuttals (found with the library's full-text index), and note where a speaker
        said the same thing before. Statements are compared from the features stored with
        them; old articles are neither parsed nor paired again. Returns how many links were
        suggested."""
        from counterclaim.services.cross_pairing import pair_all

        with self._open() as library:
            return pair_all(library, progress, self._parser(progress), per_claim)


def failure_reason(error: BaseException) -> str:
    """Why an analysis failed, on one line."""
    words = str(error) or type(error).__name__
    return shorten(
        f"the language pipeline could not read it ({type(error).__name__}: {words})", 300
    )
