"""Measuring attribution against annotated news in the PolNeAR shape.

A predicted statement matches a gold attribution when their content spans overlap
(the convention of BBC Citron's evaluation); the strict variant asks for a span
agreement (character Dice) of at least 80%. Speaker agreement is counted on matched
attributions that have a gold speaker.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from counterclaim.domain import Analysis, Statement
from counterclaim.errors import BAD_INPUT, CounterclaimError
from counterclaim.evaluate_speech import is_speech_cue, speech_cue_words
from counterclaim.nlp.extract import ArticleInput, Extractor

STRICT_AGREEMENT = 0.8
_IGNORED_SPEAKER_WORDS = {"the", "a", "an", "his", "her", "their", "its", "of", "'s", "’s"}


class GoldFormatError(CounterclaimError, ValueError):
    """The gold file does not have the PolNeAR shape; the message says where."""

    exit_code = BAD_INPUT


@dataclass(frozen=True)
class GoldAttribution:
    id: str
    speaker: str | None
    speaker_spans: tuple[tuple[int, int], ...]
    cue: str
    content_spans: tuple[tuple[int, int], ...]
    quoted: bool


@dataclass(frozen=True)
class GoldArticle:
    id: str
    title: str
    text: str
    attributions: tuple[GoldAttribution, ...]


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    gold_found: int = 0
    predicted_right: int = 0
    gold_found_strict: int = 0
    predicted_right_strict: int = 0
    speech_gold: int = 0
    speech_found: int = 0
    speaker_checked: int = 0
    speaker_agreed: int = 0


@dataclass
class AttributionScores:
    articles: int
    counts: Counts = field(default_factory=Counts)

    @property
    def summary(self) -> dict[str, Any]:
        c = self.counts
        return {
            "articles": self.articles,
            "overlap": prf(c.predicted_right, c.predicted, c.gold_found, c.gold),
            "strict": prf(c.predicted_right_strict, c.predicted, c.gold_found_strict, c.gold),
            "speech_recall": ratio(c.speech_found, c.speech_gold),
            "speaker_agreement": ratio(c.speaker_agreed, c.speaker_checked),
            "counts": asdict(c),
        }


def read_gold(path: Path) -> Iterator[GoldArticle]:
    """Articles from a PolNeAR-shaped JSON-lines file, checked line by line."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield _gold_article(line, f"{path}, line {number}")


def _gold_article(line: str, where: str) -> GoldArticle:
    try:
        record = json.loads(line)
        text = record["text"]
        attributions = tuple(
            _gold_attribution(a) for a in record["attributions"] if _has_content(a)
        )
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise GoldFormatError(
            f'{where}: not a PolNeAR-shaped article ({error}); each line needs "text" and '
            f'"attributions" with "content_spans"'
        ) from None
    return GoldArticle(str(record.get("id", where)), record.get("title") or "", text, attributions)


def _has_content(record: dict[str, Any]) -> bool:
    """Some annotations mark a cue with no content span: there is nothing to match."""
    return bool(record.get("content_spans")) or record.get("content_start") is not None


def _gold_attribution(record: dict[str, Any]) -> GoldAttribution:
    spans = record.get("content_spans") or [[record["content_start"], record["content_end"]]]
    speaker_spans = record.get("speaker_spans") or []
    return GoldAttribution(
        id=str(record.get("id", "")),
        speaker=record.get("speaker"),
        speaker_spans=tuple((int(s), int(e)) for s, e in speaker_spans),
        cue=record.get("cue") or "",
        content_spans=tuple((int(s), int(e)) for s, e in spans),
        quoted=bool(record.get("has_quote_marks")),
    )


def evaluate_attribution(
    articles: Iterable[GoldArticle],
    extractor: Extractor,
    errors: Callable[[dict[str, Any]], None] | None = None,
) -> AttributionScores:
    items = list(articles)
    inputs = [ArticleInput(a.text, a.title or None) for a in items]
    scores = AttributionScores(articles=len(items))
    speech = speech_cue_words()
    for article, analysis in zip(items, extractor.analyse_many(inputs), strict=True):
        _score_article(article, analysis, scores.counts, speech, errors)
    return scores


def _score_article(
    article: GoldArticle,
    analysis: Analysis,
    counts: Counts,
    speech: frozenset[str],
    errors: Callable[[dict[str, Any]], None] | None,
) -> None:
    predicted = analysis.statements
    counts.gold += len(article.attributions)
    counts.predicted += len(predicted)
    for statement in predicted:
        agreements = [_agreement(statement, g) for g in article.attributions]
        best = max(agreements, default=0.0)
        counts.predicted_right += best > 0
        counts.predicted_right_strict += best >= STRICT_AGREEMENT
        if best == 0 and errors:
            errors(_false_alarm(article, analysis, statement))
    for gold in article.attributions:
        is_speech = gold.quoted or is_speech_cue(gold.cue, speech)
        counts.speech_gold += is_speech
        match = max(predicted, key=lambda s: _agreement(s, gold), default=None)
        agreement = _agreement(match, gold) if match is not None else 0.0
        if match is None or agreement == 0:
            if errors:
                errors(_miss(article, gold, is_speech))
            continue
        counts.gold_found += 1
        counts.gold_found_strict += agreement >= STRICT_AGREEMENT
        counts.speech_found += is_speech
        if gold.speaker:
            counts.speaker_checked += 1
            if _same_speaker(gold, match, analysis):
                counts.speaker_agreed += 1
            elif errors:
                errors(_wrong_speaker(article, gold, match, analysis))


def _agreement(statement: Statement, gold: GoldAttribution) -> float:
    """Character Dice of the two contents: 0 when they do not overlap."""
    start, end = statement.content.start, statement.content.end
    both = sum(max(0, min(e, end) - max(s, start)) for s, e in gold.content_spans)
    wanted = sum(e - s for s, e in gold.content_spans)
    return 2 * both / (end - start + wanted) if both else 0.0


def _same_speaker(gold: GoldAttribution, statement: Statement, analysis: Analysis) -> bool:
    """The resolved speaker, or the mention it was resolved from, names the gold speaker."""
    span = statement.speaker_span
    if span is not None and any(s < span.end and span.start < e for s, e in gold.speaker_spans):
        return True
    speaker = analysis.speaker(statement.speaker_id)
    names = [statement.speaker_text, *([speaker.name, *speaker.aliases] if speaker else [])]
    wanted = name_words(gold.speaker or "")
    return bool(wanted) and any(wanted & name_words(name) for name in names)


def name_words(name: str) -> set[str]:
    """The words of a speaker's name that can tell two names apart ("the", "'s" are not)."""
    words = name.replace("’s", " ").replace("'s", " ").lower().split()
    return {w.strip(".,") for w in words if w not in _IGNORED_SPEAKER_WORDS}


def _miss(article: GoldArticle, gold: GoldAttribution, is_speech: bool) -> dict[str, Any]:
    start, end = gold.content_spans[0][0], gold.content_spans[-1][1]
    return {
        "error": "miss",
        "article": article.id,
        "speech": is_speech,
        "speaker": gold.speaker,
        "cue": gold.cue,
        "start": start,
        "end": end,
        "text": article.text[start:end],
        "sentence": _context(article.text, start, end),
    }


def _false_alarm(article: GoldArticle, analysis: Analysis, statement: Statement) -> dict[str, Any]:
    speaker = analysis.speaker(statement.speaker_id)
    return {
        "error": "false_alarm",
        "article": article.id,
        "speaker": speaker.name if speaker else statement.speaker_text,
        "cue": statement.cue,
        "rule": statement.rule,
        "start": statement.content.start,
        "end": statement.content.end,
        "text": statement.text,
        "sentence": _context(article.text, statement.content.start, statement.content.end),
    }


def _wrong_speaker(
    article: GoldArticle, gold: GoldAttribution, statement: Statement, analysis: Analysis
) -> dict[str, Any]:
    speaker = analysis.speaker(statement.speaker_id)
    return {
        "error": "wrong_speaker",
        "article": article.id,
        "gold_speaker": gold.speaker,
        "predicted_speaker": speaker.name if speaker else None,
        "mention": statement.speaker_text,
        "rule": statement.rule,
        "text": statement.text,
    }


def _context(text: str, start: int, end: int, width: int = 120) -> str:
    left = max(text.rfind("\n", 0, start) + 1, start - width)
    right = text.find("\n", end)
    right = min(right if right >= 0 else len(text), end + width)
    return text[left:right]


def prf(right: int, predicted: int, found: int, gold: int) -> dict[str, float]:
    """Precision, recall and F1, rounded to four places."""
    precision, recall = ratio(right, predicted), ratio(found, gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def ratio(part: int, whole: int) -> float:
    """part / whole, 0 when there is nothing to divide by."""
    return round(part / whole, 4) if whole else 0.0


def format_summary(summary: dict[str, Any], source: str) -> str:
    """The figures for a person to read."""
    c = summary["counts"]
    lines = [
        f"{source}: {summary['articles']} articles, {c['gold']} gold attributions, "
        f"{c['predicted']} statements found",
    ]
    for name, label in (("overlap", "overlap"), ("strict", "strict (>= 80% span agreement)")):
        s = summary[name]
        lines.append(f"  {label:32} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    lines.append(
        f"  {'speech-subset recall':32} {summary['speech_recall']:.3f}"
        f"  ({c['speech_found']} of {c['speech_gold']})"
    )
    lines.append(
        f"  {'speaker agreement':32} {summary['speaker_agreement']:.3f}"
        f"  ({c['speaker_agreed']} of {c['speaker_checked']} matched with a gold speaker)"
    )
    return "\n".join(lines)


# -- rebuttal pairing ------------------------------------------------------------------


@dataclass(frozen=True)
class PairRecord:
    id: str
    claim: str
    counter: str
    label: str  # "opposes", "supports" or "neutral"
    claim_id: str


def read_pairs(path: Path) -> Iterator[PairRecord]:
    """Claim/counter pairs in the Emergent/PERSPECTRUM shape, checked line by line."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                label = record.get("label") or ("opposes" if record["opposes"] else "neutral")
                yield PairRecord(
                    str(record["id"]),
                    record["claim"],
                    record["counter"],
                    label,
                    str(record.get("claim_id", record["claim"])),
                )
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise GoldFormatError(
                    f"{path}, line {number}: not a claim/counter pair ({error}); each line "
                    f'needs "id", "claim", "counter" and "label" or "opposes"'
                ) from None


def evaluate_pairing(records: Iterable[PairRecord], extractor: Extractor) -> dict[str, Any]:
    """Opposing-class P/R/F1, accuracy over the three classes, and how often an opposing
    counter ranks first among a claim's counters."""
    rows = list(records)
    verdicts = [extractor.compare(r.claim, r.counter) for r in rows]
    tp = sum(v.rebuts and r.label == "opposes" for r, v in zip(rows, verdicts, strict=True))
    predicted = sum(v.rebuts for v in verdicts)
    gold = sum(r.label == "opposes" for r in rows)
    correct = sum(v.label == r.label for r, v in zip(rows, verdicts, strict=True))
    by_claim: dict[str, list[tuple[float, bool]]] = {}
    for r, v in zip(rows, verdicts, strict=True):
        by_claim.setdefault(r.claim_id, []).append((v.score, r.label == "opposes"))
    ranked = [c for c in by_claim.values() if any(g for _, g in c) and not all(g for _, g in c)]
    first = sum(max(c, key=lambda item: item[0])[1] for c in ranked)
    return {
        "pairs": len(rows),
        "opposes": prf(tp, predicted, tp, gold),
        "accuracy": ratio(correct, len(rows)),
        "ranking": {"claims": len(ranked), "opposing_first": ratio(first, len(ranked))},
        "counts": {"gold_opposes": gold, "predicted_opposes": predicted, "right": tp},
    }


def format_pairing(summary: dict[str, Any], source: str) -> str:
    o, k = summary["opposes"], summary["ranking"]
    return "\n".join(
        [
            f"{source}: {summary['pairs']} claim/counter pairs",
            f"  {'opposes (rebuttal) class':32} P {o['precision']:.3f}  R {o['recall']:.3f}"
            f"  F1 {o['f1']:.3f}",
            f"  {'accuracy, three classes':32} {summary['accuracy']:.3f}",
            f"  {'opposing counter ranked first':32} {k['opposing_first']:.3f}"
            f"  (of {k['claims']} claims with opposing and other counters)",
        ]
    )
