"""Work the window runs in the background: loading the pipeline, importing, analysing.

Plain functions over the nlp and store layers (no Qt), so the task runner can run them
on a worker thread and the CLI could run them as they are. Each job opens its own
library connection.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from counterclaim.ingest import load_article
from counterclaim.paths import SAMPLE_ARTICLE
from counterclaim.store import Library

if TYPE_CHECKING:  # spaCy is imported on the worker, so the window shows without waiting
    from counterclaim.nlp.extract import Extractor

__all__ = ["AnalysisService", "Progress", "QuietProgress"]


class Progress(Protocol):
    cancel: threading.Event

    @property
    def report(self) -> Callable[[int, int, str], None]: ...


@dataclass
class QuietProgress:
    """Progress for work nobody watches (the command line): never cancelled, never told."""

    cancel: threading.Event = field(default_factory=threading.Event)

    def report(self, done: int, total: int, message: str) -> None:
        del done, total, message


class AnalysisService:
    """Holds the one spaCy pipeline of the process, loaded on first use."""

    def __init__(self, library_path: Path, preferred_model: str | None = None) -> None:
        self.library_path = library_path
        self.preferred_model = preferred_model
        self._extractor: Extractor | None = None
        self._lock = threading.Lock()

    def use(self, extractor: Extractor) -> None:
        """Share a pipeline that is already loaded."""
        with self._lock:
            self._extractor = extractor

    def extractor(self, progress: Progress | None = None) -> Extractor:
        with self._lock:
            if self._extractor is None:
                from counterclaim.nlp.extract import Extractor

                if progress is not None:
                    progress.report(0, 0, "Loading the English language pipeline…")
                self._extractor = Extractor.load(self.preferred_model)
            return self._extractor

    def import_sample_if_empty(self, progress: Progress) -> list[int]:
        """On first start the library holds the sample article, analysed."""
        with Library.open(self.library_path) as library:
            if library.articles():
                return []
            sample = load_article(SAMPLE_ARTICLE)
            article_id, _ = library.add_article(sample.meta, sample.text, sample.sha256)
        return self.analyse(progress, [article_id])

    def analyse_pending(self, progress: Progress) -> list[int]:
        with Library.open(self.library_path) as library:
            pending = [a.id for a in library.articles() if not a.analysed]
        return self.analyse(progress, pending) if pending else []

    def analyse(self, progress: Progress, article_ids: list[int]) -> list[int]:
        """Analyse the articles and store each analysis in its own transaction."""
        from counterclaim.nlp.extract import ArticleInput, Cancelled

        extractor = self.extractor(progress)
        with Library.open(self.library_path) as library:
            articles = [library.article(i) for i in article_ids]
            inputs = [ArticleInput(a.text, a.title) for a in articles]
            total = len(articles)
            done: list[int] = []
            for n, analysis in enumerate(extractor.analyse_many(inputs, progress.cancel)):
                progress.report(n, total, f"Finding statements in “{articles[n].title}”…")
                library.save_analysis(articles[n].id, analysis)
                done.append(articles[n].id)
            if progress.cancel.is_set():
                raise Cancelled
        self.pair_across_library(progress)
        progress.report(total, total, "Analysis done")
        return done

    def pair_across_library(self, progress: Progress, per_claim: int = 8) -> int:
        """Suggest rebuttals of every article's claims from the other articles, found with
        the library's full-text index; a new article can answer old claims, so every
        article is looked at again. Returns how many links were suggested."""
        from counterclaim.domain import Pair, Relation, StatementMode
        from counterclaim.nlp.extract import Cancelled, different_voices, group_restatements

        extractor = self.extractor(progress)
        claimable = (StatementMode.SPEECH, StatementMode.BELIEF)
        suggested = 0
        with Library.open(self.library_path) as library:
            articles = [a for a in library.articles() if a.analysed]
            for n, article in enumerate(articles):
                if progress.cancel.is_set():
                    raise Cancelled
                progress.report(n, len(articles), "Looking for rebuttals across the library…")
                analysis = library.analysis(article.id)
                found: list[tuple[Pair, str | None]] = []
                for statement in analysis.statements if analysis else ():
                    speaker = analysis.speaker(statement.speaker_id) if analysis else None
                    if statement.mode not in claimable:
                        continue
                    for other in library.similar_statements(statement.id, per_claim):
                        if other.statement.mode not in claimable or not different_voices(
                            speaker, other.speaker
                        ):
                            continue
                        verdict = extractor.compare_statements(
                            statement.text, speaker, other.statement.text, other.speaker
                        )
                        if verdict.rebuts:
                            where = f"The rebuttal is in “{other.article_title}”" + (
                                f" ({other.published})" if other.published else ""
                            )
                            pair = Pair(
                                statement.id,
                                other.statement.id,
                                verdict.score,
                                (*verdict.reasons, where),
                                relation=Relation(verdict.relation),
                            )
                            found.append((pair, verdict.topic))
                statements = {s.id: s for s in analysis.statements} if analysis else {}
                speakers = {s.id: s for s in analysis.speakers} if analysis else {}
                pairs = group_restatements(found, statements, speakers)
                library.save_cross_pairs(article.id, pairs)
                suggested += len(pairs)
        return suggested
