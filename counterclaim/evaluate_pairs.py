"""Measuring claim/rebuttal pairs in whole articles, on gold in the news-pairs shape.

The conventions of ``../shared/eval/README.md``: a predicted statement matches a gold one
when its content contains the gold anchor (curly quotes made straight, white space
folded); each gold statement is matched at most once, greedily in text order, preferring
a predicted statement by the right speaker and then the shortest. A predicted pair
matches a gold pair when both ends match, roles agreeing; statements that restate each
other are one statement, so a pair found twice through a restatement counts once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from counterclaim.domain import Analysis, Statement
from counterclaim.evaluate import GoldFormatError, name_words, prf, ratio
from counterclaim.nlp.extract import ArticleInput, Extractor

_STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "„": '"', "«": '"', "»": '"'})


def normalise(text: str) -> str:
    """Curly quotes made straight and white space folded, for comparing anchors."""
    return " ".join(text.translate(_STRAIGHT).split())


@dataclass(frozen=True)
class GoldStatement:
    sid: str
    speaker: str
    anchor: str
    restates: str | None = None


@dataclass(frozen=True)
class GoldPairsArticle:
    id: str
    title: str
    text: str
    speakers: dict[str, tuple[str, ...]]  # name -> the name and its aliases
    statements: tuple[GoldStatement, ...]
    pairs: tuple[tuple[str, str], ...]  # (claim sid, rebuttal sid)


def read_pairs_gold(path: Path) -> Iterator[GoldPairsArticle]:
    """Articles in the news-pairs shape, checked line by line."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield _gold_article(json.loads(line))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
                raise GoldFormatError(
                    f"{path}, line {number}: not an article with claim/rebuttal pairs "
                    f'({error}); each line needs "id", "text", "speakers", "statements" '
                    'with "sid", "speaker" and "anchor", and "pairs" with "claim" and "rebuttal"'
                ) from None


def _gold_article(record: dict[str, Any]) -> GoldPairsArticle:
    text = record["text"]
    statements = tuple(
        GoldStatement(s["sid"], s["speaker"], s["anchor"], s.get("restates"))
        for s in record["statements"]
    )
    for s in statements:
        if normalise(s.anchor) not in normalise(text):
            raise ValueError(f"anchor of {s.sid} is not in the text")
    sids = {s.sid for s in statements}
    pairs = tuple((p["claim"], p["rebuttal"]) for p in record["pairs"])
    if any(c not in sids or r not in sids for c, r in pairs):
        raise ValueError("a pair names a statement that is not listed")
    speakers = {s["name"]: (s["name"], *s.get("aliases", ())) for s in record["speakers"]}
    return GoldPairsArticle(
        str(record["id"]), record.get("title", ""), text, speakers, statements, pairs
    )


@dataclass
class PairCounts:
    articles: int = 0
    gold_statements: int = 0
    statements_found: int = 0
    right_speaker: int = 0
    gold_pairs: int = 0
    predicted_pairs: int = 0
    pairs_right: int = 0
    negative_articles: int = 0
    negative_articles_clean: int = 0
    pairs_on_negative: int = 0

    @property
    def summary(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "statements": {
                "gold": self.gold_statements,
                "found": self.statements_found,
                "recall": ratio(self.statements_found, self.gold_statements),
                "right_speaker": self.right_speaker,
                "speaker_recall": ratio(self.right_speaker, self.gold_statements),
            },
            "pairs": {
                **prf(self.pairs_right, self.predicted_pairs, self.pairs_right, self.gold_pairs),
                "gold": self.gold_pairs,
                "predicted": self.predicted_pairs,
                "right": self.pairs_right,
            },
            "without_rebuttal": {
                "articles": self.negative_articles,
                "with_no_pair": self.negative_articles_clean,
                "pairs_suggested": self.pairs_on_negative,
            },
        }


def evaluate_pairs(
    articles: Iterable[GoldPairsArticle],
    extractor: Extractor,
    errors: Callable[[dict[str, Any]], None] | None = None,
) -> PairCounts:
    gold = list(articles)
    inputs = [ArticleInput(a.text, a.title) for a in gold]
    counts = PairCounts()
    for article, analysis in zip(gold, extractor.analyse_many(inputs), strict=True):
        score_article(article, analysis, counts, errors)
    return counts


def score_article(
    article: GoldPairsArticle,
    analysis: Analysis,
    counts: PairCounts,
    errors: Callable[[dict[str, Any]], None] | None = None,
) -> None:
    """Add one article's figures to `counts`; report each miss and false alarm to `errors`."""
    report = errors or (lambda _error: None)
    matched = match_statements(article, analysis)
    counts.articles += 1
    _score_statements(article, analysis, matched, counts, report)
    _score_pairs(article, analysis, matched, counts, report)


def _score_statements(
    article: GoldPairsArticle,
    analysis: Analysis,
    matched: dict[str, Statement],
    counts: PairCounts,
    report: Callable[[dict[str, Any]], None],
) -> None:
    counts.gold_statements += len(article.statements)
    counts.statements_found += len(matched)
    for sid, statement in matched.items():
        agrees = _same_speaker(article, _gold(article, sid), statement, analysis)
        counts.right_speaker += agrees
        if not agrees:
            report(_error("wrong speaker", article, analysis, statement, sid=sid))
    for s in article.statements:
        if s.sid not in matched:
            report(
                {
                    "kind": "statement missed",
                    "article": article.id,
                    "sid": s.sid,
                    "speaker": s.speaker,
                    "anchor": s.anchor,
                }
            )


def _score_pairs(
    article: GoldPairsArticle,
    analysis: Analysis,
    matched: dict[str, Statement],
    counts: PairCounts,
    report: Callable[[dict[str, Any]], None],
) -> None:
    canon = _restatement_classes(article)
    by_statement = {st.id: sid for sid, st in matched.items()}
    wanted = {(canon[c], canon[r]) for c, r in article.pairs}
    seen: set[tuple[str, str]] = set()
    right: set[tuple[str, str]] = set()
    for pair in analysis.pairs:
        ends = tuple(
            canon[by_statement[i]] if i in by_statement else i
            for i in (pair.claim_id, pair.rebuttal_id)
        )
        key = (ends[0], ends[1])
        if key in seen:
            continue
        seen.add(key)
        if key in wanted:
            right.add(key)
        else:
            claim, rebuttal = (
                analysis.statement(pair.claim_id),
                analysis.statement(pair.rebuttal_id),
            )
            report(
                {
                    "kind": "wrong pair",
                    "article": article.id,
                    "claim": ends[0],
                    "rebuttal": ends[1],
                    "claim_text": claim.text,
                    "rebuttal_text": rebuttal.text,
                    "claim_speaker": _speaker_name(analysis, claim),
                    "rebuttal_speaker": _speaker_name(analysis, rebuttal),
                    "score": pair.score,
                    "reasons": list(pair.reasons),
                }
            )
    for c, r in sorted(wanted - right):
        report(
            {
                "kind": "pair missed",
                "article": article.id,
                "claim": c,
                "rebuttal": r,
                "claim_found": c in matched,
                "rebuttal_found": r in matched,
                "claim_anchor": _gold(article, c).anchor,
                "rebuttal_anchor": _gold(article, r).anchor,
            }
        )
    counts.gold_pairs += len(wanted)
    counts.predicted_pairs += len(seen)
    counts.pairs_right += len(right)
    if not article.pairs:
        counts.negative_articles += 1
        counts.negative_articles_clean += not seen
        counts.pairs_on_negative += len(seen)


def match_statements(article: GoldPairsArticle, analysis: Analysis) -> dict[str, Statement]:
    """Each gold statement's predicted statement (one-to-one), by sid."""
    folded = [(normalise(s.text), s) for s in analysis.statements]
    text = normalise(article.text)
    order = sorted(article.statements, key=lambda s: text.find(normalise(s.anchor)))
    taken: set[str] = set()
    matched: dict[str, Statement] = {}
    for gold in order:
        anchor = normalise(gold.anchor)
        found = [s for content, s in folded if anchor in content and s.id not in taken]
        if not found:
            continue
        best = min(
            found,
            key=lambda s: (not _same_speaker(article, gold, s, analysis), len(s.text)),
        )
        taken.add(best.id)
        matched[gold.sid] = best
    return matched


def _same_speaker(
    article: GoldPairsArticle, gold: GoldStatement, statement: Statement, analysis: Analysis
) -> bool:
    """The predicted speaker, or the words it was found from, shares a name word with the
    gold speaker or one of its aliases."""
    speaker = analysis.speaker(statement.speaker_id)
    names = [statement.speaker_text, *([speaker.name, *speaker.aliases] if speaker else [])]
    wanted: set[str] = set()
    for name in article.speakers.get(gold.speaker, (gold.speaker,)):
        wanted |= name_words(name)
    return bool(wanted) and any(wanted & name_words(name) for name in names if name)


def _restatement_classes(article: GoldPairsArticle) -> dict[str, str]:
    """Each sid -> the first sid of the statements that restate one another."""
    parent = {s.sid: s.sid for s in article.statements}

    def root(sid: str) -> str:
        while parent[sid] != sid:
            sid = parent[sid]
        return sid

    for s in article.statements:
        if s.restates in parent:
            a, b = sorted((root(s.sid), root(s.restates or s.sid)))
            parent[b] = a
    return {sid: root(sid) for sid in parent}


def _gold(article: GoldPairsArticle, sid: str) -> GoldStatement:
    return next(s for s in article.statements if s.sid == sid)


def _speaker_name(analysis: Analysis, statement: Statement) -> str:
    speaker = analysis.speaker(statement.speaker_id)
    return speaker.name if speaker else statement.speaker_text


def _error(
    kind: str, article: GoldPairsArticle, analysis: Analysis, statement: Statement, sid: str
) -> dict[str, Any]:
    gold = _gold(article, sid)
    return {
        "kind": kind,
        "article": article.id,
        "sid": sid,
        "gold_speaker": gold.speaker,
        "speaker": _speaker_name(analysis, statement),
        "text": statement.text,
    }


def format_pairs(summary: dict[str, Any], source: str) -> str:
    s, p, n = summary["statements"], summary["pairs"], summary["without_rebuttal"]
    return "\n".join(
        [
            f"{source}: {summary['articles']} articles",
            f"  {'statements found':32} {s['found']}/{s['gold']} ({s['recall']:.3f})",
            f"  {'  with the right speaker':32} {s['right_speaker']}/{s['gold']}"
            f" ({s['speaker_recall']:.3f})",
            f"  {'pairs (restatements merged)':32} P {p['precision']:.3f}  R {p['recall']:.3f}"
            f"  F1 {p['f1']:.3f}  ({p['right']} right of {p['predicted']} suggested;"
            f" {p['gold']} in the gold)",
            f"  {'articles without a rebuttal':32} {n['with_no_pair']}/{n['articles']} with no"
            f" pair; {n['pairs_suggested']} pairs suggested on them",
        ]
    )
