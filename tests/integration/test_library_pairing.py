"""Rebuttals across the library: a claim in one article, its answer in another."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from counterclaim.domain import Analysis, ArticleMeta, LinkStatus, Relation, Review
from counterclaim.ingest import text_sha256
from counterclaim.services.analysis import AnalysisService, QuietProgress
from counterclaim.store import Library, LibraryLocation, opening, search

if TYPE_CHECKING:
    from counterclaim.nlp.extract import Extractor

CLAIM = "Kremlin claims\n\nKremlin spokesman Dmitriy Peskov said NATO is hostile to Russia.\n"
ANSWER = "NATO answers\n\nNATO said it is not hostile to Russia and poses no threat.\n"
ELSEWHERE = "Harbour news\n\nThe mayor said the harbour festival drew record crowds.\n"


def add(library: Library, text: str) -> int:
    title = text.split("\n", 1)[0]
    article_id, _ = library.add_article(ArticleMeta(title), text, text_sha256(text))
    return article_id


def test_a_claim_is_answered_from_another_article(
    library_location: LibraryLocation, extractor: Extractor
) -> None:
    service = AnalysisService(library_location)
    service.use(extractor)
    with Library.open(library_location) as library:
        ids = [add(library, t) for t in (CLAIM, ANSWER, ELSEWHERE)]
    service.analyse(QuietProgress(), ids)

    with Library.open(library_location) as library:
        found = library.cross_pairs(ids[0])
        assert library.cross_pairs(ids[1]) == []  # the answer is not itself a claim
        assert library.cross_pairs(ids[2]) == []
    assert found, "Peskov's claim should be answered from the NATO article"
    pair, other = found[0]
    assert other.article_title == "NATO answers" and other.speaker is not None
    assert other.speaker.name == "NATO"
    assert "not hostile" in other.statement.text
    assert any("NATO answers" in reason for reason in pair.reasons)


def test_a_reviewers_decision_survives_a_new_pairing(
    library_location: LibraryLocation, extractor: Extractor
) -> None:
    service = AnalysisService(library_location)
    service.use(extractor)
    with Library.open(library_location) as library:
        ids = [add(library, t) for t in (CLAIM, ANSWER)]
    service.analyse(QuietProgress(), ids)
    with Library.open(library_location) as library:
        pair, _ = library.cross_pairs(ids[0])[0]
        assert pair.id is not None
        library.review_link(pair.id, Review(LinkStatus.REJECTED), "reviewer")

    service.pair_across_library(QuietProgress())

    with Library.open(library_location) as library:
        after = [(p.claim_id, p.rebuttal_id, p.status) for p, _ in library.cross_pairs(ids[0])]
    assert (pair.claim_id, pair.rebuttal_id, LinkStatus.REJECTED) in after
    assert [(c, r) for c, r, _ in after].count((pair.claim_id, pair.rebuttal_id)) == 1


def test_the_same_claim_again_in_another_article_is_noted_not_paired(
    library_location: LibraryLocation,
    extractor: Extractor,
) -> None:
    again = (
        "Peskov again\n\nKremlin spokesman Dmitriy Peskov said that NATO is hostile to Russia.\n"
    )
    service = AnalysisService(library_location)
    service.use(extractor)
    with Library.open(library_location) as library:
        ids = [add(library, t) for t in (CLAIM, again)]
    service.analyse(QuietProgress(), ids)

    with Library.open(library_location) as library:
        links = library.cross_pairs(ids[0])
    relations = {(p.relation, o.article_title) for p, o in links}
    assert (Relation.REPEATS, "Peskov again") in relations
    assert all(p.relation is Relation.REPEATS for p, _ in links)
    assert any("said this in “Peskov again”" in r for p, _ in links for r in p.reasons)


class Counting:
    """The real pipeline, counting the statements it is asked to parse for pairing."""

    def __init__(self, extractor: Extractor) -> None:
        self.extractor = extractor
        self.parsed: list[str] = []

    def statement_features(self, texts: list[str]) -> list[dict[str, object]]:
        self.parsed += texts
        return self.extractor.statement_features(texts)

    def __getattr__(self, name: str) -> object:
        return getattr(self.extractor, name)


def links(library_path: Path) -> list[tuple[int, int, int, str]]:
    with closing(sqlite3.connect(library_path)) as db:
        query = "SELECT id, claim_id, rebuttal_id, created_at FROM links ORDER BY id"
        return list(db.execute(query))


def test_a_new_article_is_paired_once_and_old_links_are_left_alone(
    library_path: Path, extractor: Extractor
) -> None:
    service = AnalysisService(library_path)
    counting = Counting(extractor)
    service.use(counting)  # type: ignore[arg-type]  # duck-typed pipeline
    with Library.open(library_path) as library:
        first = [add(library, t) for t in (CLAIM, ELSEWHERE)]
    service.analyse(QuietProgress(), first)
    before = links(library_path)
    with Library.open(library_path) as library:
        assert library.cross_pairs(first[0]) == []  # nothing answers Peskov yet
        answer = add(library, ANSWER)
    service.analyse(QuietProgress(), [answer])

    after = links(library_path)
    assert after[: len(before)] == before  # old articles' links untouched
    assert counting.parsed == []  # statements were compared from their stored features
    with Library.open(library_path) as library:
        found = library.cross_pairs(first[0])  # the old claim is answered by the new article
        assert library.unpaired() == [] and not library.pairing_due()
    assert [o.article_title for _, o in found] == ["NATO answers"]
    assert service.pair_across_library(QuietProgress()) == 0  # nothing left to pair
    assert links(library_path) == after


def test_statements_without_stored_features_are_parsed_once(
    library_path: Path, extractor: Extractor
) -> None:
    service = AnalysisService(library_path)
    counting = Counting(extractor)
    service.use(counting)  # type: ignore[arg-type]  # duck-typed pipeline
    with Library.open(library_path) as library:
        ids = [add(library, t) for t in (CLAIM, ANSWER)]
    service.analyse(QuietProgress(), ids[:1])
    with closing(sqlite3.connect(library_path)) as db:  # as a library from before 0009
        db.execute("UPDATE statements SET features = NULL")
        db.commit()
    service.analyse(QuietProgress(), ids[1:])
    assert counting.parsed and "hostile to Russia" in counting.parsed[0]
    with Library.open(library_path) as library:
        assert [o.article_title for _, o in library.cross_pairs(ids[0])] == ["NATO answers"]
        library.save_analysis(ids[1], library.analysis(ids[1]) or Analysis((), (), ()))
        assert library.unpaired() == [ids[1]]  # analysed again: paired again


def test_what_cannot_be_a_claim_or_rebuttal_is_not_parsed_to_be_compared(
    library_path: Path, extractor: Extractor
) -> None:
    service = AnalysisService(library_path)
    counting = Counting(extractor)
    service.use(counting)  # type: ignore[arg-type]  # duck-typed pipeline
    with Library.open(library_path) as library:
        ids = [add(library, t) for t in (ANSWER, CLAIM)]
    service.analyse(QuietProgress(), ids[:1])
    with closing(sqlite3.connect(library_path)) as db:  # NATO only shows a stance there
        db.execute("UPDATE statements SET mode = 'stance', features = NULL")
        db.commit()
    service.analyse(QuietProgress(), ids[1:])
    assert counting.parsed == []
    with Library.open(library_path) as library:
        assert library.cross_pairs(ids[1]) == []


def test_analysing_and_pairing_checks_the_library_file_once(
    library_path: Path, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = AnalysisService(library_path)
    service.use(extractor)
    with Library.open(library_path) as library:
        ids = [add(library, t) for t in (CLAIM, ANSWER)]
    looked: list[Path] = []
    look_at = opening.look_at

    def looking(path: Path, *args: Any, **kwargs: Any) -> Any:
        looked.append(path)
        return look_at(path, *args, **kwargs)

    monkeypatch.setattr(opening, "look_at", looking)
    service.analyse(QuietProgress(), ids)
    assert looked == [library_path]  # a whole-file check takes a third of a second at 10,000
    with Library.open(library_path) as library:
        assert [o.article_title for _, o in library.cross_pairs(ids[0])] == ["NATO answers"]


def test_a_pairing_run_reads_each_statements_features_and_each_words_count_once(
    library_path: Path, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Articles imported together are often about one story: pairing them meets the same
    statements and words again, and reads them from the library only the first time."""
    service = AnalysisService(library_path)
    service.use(extractor)
    again = ANSWER.replace("NATO answers", "NATO again").replace("poses no", "is no")
    with Library.open(library_path) as library:
        ids = [add(library, t) for t in (CLAIM, ANSWER, again, CLAIM.replace("claims", "again"))]
    features_read: list[str] = []
    words_counted: list[str] = []
    statement_features = Library.statement_features
    word_counts = search._word_counts

    def reading(library: Library, wanted: list[str]) -> Any:
        features_read.extend(wanted)
        return statement_features(library, wanted)

    def counting(session: Any, words: list[str]) -> Any:
        words_counted.extend(words)
        return word_counts(session, words)

    monkeypatch.setattr(Library, "statement_features", reading)
    monkeypatch.setattr(search, "_word_counts", counting)
    service.analyse(QuietProgress(), ids)

    assert len(features_read) == len(set(features_read)) == 4  # one statement each
    assert len(words_counted) == len(set(words_counted)) > 4
    with Library.open(library_path) as library:
        answered = {o.article_title for _, o in library.cross_pairs(ids[0])}
    assert {"NATO answers", "NATO again"} <= answered
