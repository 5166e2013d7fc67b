"""Articles longer than spaCy takes at once (``nlp.max_length``) are analysed in pieces,
with every statement, speaker and pair where it is in the whole article. The pipeline's
limit is set small here so the tests stay fast; tests/bench/test_long_article.py runs a
text of over a million characters."""

from __future__ import annotations

import gc
import json
import threading
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from counterclaim import cli
from counterclaim.cli import extraction_json
from counterclaim.domain import Analysis, Statement, StatementKind
from counterclaim.ingest import load_article
from counterclaim.nlp.common import ArticleInput, Cancelled
from counterclaim.nlp.pieces import cut_points
from counterclaim.paths import SAMPLE_ARTICLE
from counterclaim.store import Library
from tests.integration.test_sample import GOLDEN

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from counterclaim.nlp.extract import Extractor

TITLE = "Bridge repairs run late"


def filler(n: int) -> str:
    return f"Crews worked through the night on section {n} of the old road; the river stayed high."


def article(*middle: str, before: int = 12, after: int = 12) -> str:
    """A title, the mayor's promise, filler paragraphs around `middle`, and the mayor
    again by her surname at the end."""
    paragraphs = [
        TITLE,
        "Mayor Jane Smith said the Elm Street bridge would reopen in May.",
        *(filler(n) for n in range(before)),
        *middle,
        *(filler(n) for n in range(before, before + after)),
        "Smith said the repairs had cost four million dollars.",
    ]
    return "\n\n".join(paragraphs) + "\n"


def analyse_in_pieces(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch, text: str, limit: int, title: str | None
) -> Analysis:
    assert len(text) > limit
    monkeypatch.setattr(extractor.nlp, "max_length", limit)
    return extractor.analyse(text, title)


def said(analysis: Analysis, words: str) -> Statement:
    return next(s for s in analysis.statements if words in s.text)


def test_an_article_over_the_pipelines_limit_is_analysed_where_its_words_are(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    claim = "Engineer Tom Baker claimed the bridge was unsafe for lorries."
    denial = "The council said the bridge was not unsafe for lorries, and Baker was wrong."
    text = article(claim, denial, before=3, after=3)
    whole = extractor.analyse(text, TITLE)
    limit = text.index("The council") + 20
    assert cut_points(text, limit)[0] == text.index("The council")  # the second piece
    analysis = analyse_in_pieces(extractor, monkeypatch, text, limit, TITLE)
    assert analysis == whole
    for statement in analysis.statements:
        assert text[statement.content.start : statement.content.end] == statement.text
    cost = said(analysis, "the repairs had cost")
    assert cost.content.start == text.index("the repairs had cost four million dollars")
    mayor = analysis.speaker(said(analysis, "would reopen in May").speaker_id)
    assert mayor is not None and mayor.name == "Mayor Jane Smith"
    assert cost.speaker_id == mayor.id and cost.speaker_text == "Smith"  # one speaker
    (pair,) = analysis.pairs  # the claim in the first piece, its rebuttal in the second
    claim_said, rebuttal = analysis.statement(pair.claim_id), analysis.statement(pair.rebuttal_id)
    assert claim_said.content.start == text.index("the bridge was unsafe for lorries")
    assert rebuttal.content.start == text.index("the bridge was not unsafe for lorries")
    assert rebuttal.speaker_text == "The council"


def test_a_quote_over_two_paragraphs_at_a_cut_comes_out_whole(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    opening = "Smith said: “The bridge will reopen in May, whatever the engineers say."
    going_on = "“We have the money, we have the workers, and nothing will stop us now.”"
    text = article(opening, going_on, before=6, after=6)
    # the last blank line within the limit is the one inside the quotation
    limit = text.index(going_on) + 30
    analysis = analyse_in_pieces(extractor, monkeypatch, text, limit, TITLE)
    quoted = said(analysis, "The bridge will reopen in May")
    assert quoted.text == (
        "The bridge will reopen in May, whatever the engineers say.\n\n"
        "“We have the money, we have the workers, and nothing will stop us now."
    )
    assert quoted.kind is StatementKind.DIRECT
    assert quoted.speaker_id == said(analysis, "would reopen in May").speaker_id
    assert analysis == extractor.analyse(text, TITLE)


def test_one_long_line_is_cut_between_sentences(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = " ".join(article(before=8, after=8).split())  # a page saved without line breaks
    analysis = analyse_in_pieces(extractor, monkeypatch, text, 400, None)
    assert analysis == extractor.analyse(text)
    assert [s.text for s in analysis.statements] == [
        "the Elm Street bridge would reopen in May",
        "the repairs had cost four million dollars",
    ]
    for statement in analysis.statements:
        assert text[statement.content.start : statement.content.end] == statement.text


def test_the_sample_in_pieces_gives_its_golden_extraction(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample = load_article(SAMPLE_ARTICLE)
    analysis = analyse_in_pieces(extractor, monkeypatch, sample.text, 1000, sample.meta.title)
    document = extraction_json(sample, analysis)
    document["file"] = "peskov-nato.txt"
    assert document == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_a_batch_with_a_long_article_stores_and_analyses_every_file(
    extractor: Extractor,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from counterclaim.nlp.extract import Extractor

    long_text = article(before=30, after=30)
    (tmp_path / "a-long.txt").write_text(long_text, encoding="utf-8")
    (tmp_path / "b-good.txt").write_text(SAMPLE_ARTICLE.read_text(encoding="utf-8"))
    monkeypatch.setattr(extractor.nlp, "max_length", 1000)
    monkeypatch.setattr(
        Extractor, "load", classmethod(lambda cls, preferred=None, lasting=False: extractor)
    )
    library = tmp_path / "lib.sqlite"
    code = cli.main(["import", str(tmp_path), "--library", str(library)])
    assert code == 0, capsys.readouterr().err
    with Library.open(library) as opened:
        articles = {Path(a.meta.source or "").name: a for a in opened.articles()}
        assert sorted(articles) == ["a-long.txt", "b-good.txt"]
        assert all(a.analysed for a in articles.values())
        long, good = (opened.analysis(articles[n].id) for n in ("a-long.txt", "b-good.txt"))
    assert long is not None and good is not None
    assert [s.text for s in long.statements] == [
        "the Elm Street bridge would reopen in May",
        "the repairs had cost four million dollars",
    ]
    assert long.statements[1].content.start == long_text.index("the repairs had cost")
    assert any("poses no threat to Russia" in s.text for s in good.statements)


def test_a_long_article_holds_no_more_than_two_pieces_docs_at_a_time(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from counterclaim.nlp import extract

    text = article(before=60, after=60)
    monkeypatch.setattr(extractor.nlp, "max_length", 1000)
    parsed: list[weakref.ref[Doc]] = []
    still_held: list[int] = []
    whole_parse = extract.parse

    def watched(*args: Any, **kwargs: Any) -> Iterator[tuple[int, Doc]]:
        for offset, doc in whole_parse(*args, **kwargs):
            gc.collect()
            still_held.append(sum(1 for earlier in parsed if earlier() is not None))
            parsed.append(weakref.ref(doc))
            yield offset, doc
            del doc

    monkeypatch.setattr(extract, "parse", watched)
    analysis = extractor.analyse(text, TITLE)
    assert len(parsed) == len(cut_points(text, 1000)) + 1 > 10
    # while a piece is parsed, the one before is still being read; none before that
    assert max(still_held) <= 2
    assert [s.text for s in analysis.statements] == [
        "the Elm Street bridge would reopen in May",
        "the repairs had cost four million dollars",
    ]


def test_a_long_article_can_be_cancelled_between_its_pieces(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = article(before=30, after=30)
    monkeypatch.setattr(extractor.nlp, "max_length", 1000)
    total = len(cut_points(text, 1000)) + 1
    cancel = threading.Event()
    heard: list[tuple[int, int]] = []

    def told(done: int, pieces: int) -> None:
        heard.append((done, pieces))
        if done == 2:
            cancel.set()

    with pytest.raises(Cancelled):
        list(extractor.analyse_many([ArticleInput(text, TITLE)], cancel, told=told))
    assert heard == [(0, total), (1, total), (2, total)]  # no piece read after the cancel


def test_a_long_report_links_each_rebuttal_to_the_claims_within_its_reach(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from counterclaim.nlp import rebuttals

    far_claim = "Engineer Tom Baker claimed the bridge was unsafe for lorries."
    far_denial = "The council said the bridge was not unsafe for lorries."
    near_claim = "Governor Ann Lee claimed the tunnel was closed for repairs."
    near_denial = "The transport agency said the tunnel was not closed for repairs."
    reach = rebuttals.NEAREST_SENTENCES
    text = article(
        far_claim,
        *(filler(n) for n in range(2 * reach)),
        near_claim,
        far_denial,
        near_denial,
        before=2,
        after=2,
    )
    held: list[int] = []
    settle = rebuttals.Answers.settle

    def watched(self: rebuttals.Answers, *args: Any) -> None:
        settle(self, *args)
        held.append(len(self.claims) + len(self.rebuttals))

    monkeypatch.setattr(rebuttals.Answers, "settle", watched)
    analysis = extractor.analyse(text, TITLE)
    pairs = {
        (analysis.statement(p.claim_id).text, analysis.statement(p.rebuttal_id).text)
        for p in analysis.pairs
    }
    assert pairs == {
        ("the tunnel was closed for repairs", "the tunnel was not closed for repairs"),
    }  # the bridge's claim is 1,000 sentences before its denial: out of reach
    assert len(held) > 3  # read in pieces, linked as it was read
    assert 0 in held[:-2]  # the voices read long before were let go
