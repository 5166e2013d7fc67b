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

CONTEXT = "https://schema.org"


def claim_reviews(report: Report) -> list[dict[str, Any]]:
    """The reviews, in report order: plain dicts ready for JSON."""
    return [
        _review(report, article, pair)
        for article in report.articles
        for pair in article.pairs
        if pair.verdict is not None
    ]


def render(report: Report) -> bytes:
    text = json.dumps(claim_reviews(report), ensure_ascii=False, indent=1)
    return (text + "\n").encode("utf-8")


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
