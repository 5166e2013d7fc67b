"""schema.org ClaimReview JSON-LD: one review per pair that has a verdict.

Required by the markup: `claimReviewed` (the claim verbatim), `reviewRating` with
`alternateName` (the verdict) and `url`. Also given: the author (who made the report),
`datePublished`, numeric rating fields when the verdict is on the scale (best = the
scale's length, worst = 1), and `itemReviewed`: a `Claim` with its speaker, the article's
date and where it appeared.
"""

from __future__ import annotations

import json
from typing import Any

from counterclaim.report.model import Report, ReportArticle, ReportPair, is_person
from counterclaim.report.writing import written

CONTEXT = "https://schema.org"


def claim_reviews(report: Report) -> list[dict[str, Any]]:
    """The reviews, in report order: plain dicts ready for JSON."""
    return [review for article in report.articles for review in article_reviews(report, article)]


def render(report: Report) -> bytes:
    return written(report, Writer)


def article_reviews(report: Report, article: ReportArticle) -> list[dict[str, Any]]:
    """The reviews of one article's pairs (`report` need not hold the article)."""
    return [_review(report, article, pair) for pair in article.pairs if pair.verdict is not None]


class Writer:
    """The JSON-LD a report is written as, article by article (`ReportWriter`): the text
    `json.dumps(claim_reviews(report), indent=1)` gives."""

    def __init__(self, known: Report) -> None:
        self._known = known
        self._count = 0

    def article(self, article: ReportArticle) -> str:
        parts = []
        for review in article_reviews(self._known, article):
            text = json.dumps(review, ensure_ascii=False, indent=1).replace("\n", "\n ")
            parts.append((",\n " if self._count else " ") + text)
            self._count += 1
        return "".join(parts)

    def end(self) -> str:
        return ""

    def head(self, _report: Report) -> str:
        return "[\n" if self._count else "[]"

    def foot(self, _report: Report) -> str:
        return "\n]\n" if self._count else "\n"


def _review(report: Report, article: ReportArticle, pair: ReportPair) -> dict[str, Any]:
    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "claimReviewed": pair.claim.text,
        "reviewRating": _rating(report, pair.verdict or ""),
        "url": _url(report, pair),
    }
    if report.generated_by:
        review["author"] = {"@type": "Organization", "name": report.generated_by}
    review["datePublished"] = report.generated_at.date().isoformat()
    review["itemReviewed"] = _claim(article, pair)
    if pair.note:
        review["reviewBody"] = pair.note
    return review


def _url(report: Report, pair: ReportPair) -> str:
    """The pair in the published report when its address is known; else the claim in its
    source (or its position in the library)."""
    if report.url and pair.id:
        return f"{report.url}#pair-{pair.id}"
    return pair.claim.source_link or pair.claim.position.link


def _rating(report: Report, verdict: str) -> dict[str, Any]:
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict}
    value = report.rating(verdict)
    if value is not None:
        rating |= {"ratingValue": value, "bestRating": len(report.ratings), "worstRating": 1}
    return rating


def _claim(article: ReportArticle, pair: ReportPair) -> dict[str, Any]:
    claim: dict[str, Any] = {
        "@type": "Claim",
        "author": {
            "@type": "Person" if is_person(pair.claim.speaker_kind) else "Organization",
            "name": pair.claim.speaker,
        },
    }
    if article.published:
        claim["datePublished"] = article.published
    appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": article.title}
    if article.source_url:
        appearance["url"] = article.source_url
    claim["appearance"] = appearance
    return claim
