"""schema.org ``ClaimReview`` JSON-LD for the claims that carry a fact-check verdict.

One review per claim with a ``verdict`` (the claims stage attaches a fact-check's verdict to exactly
one claim, see ``analysis.claims``).  Fields:

* ``claimReviewed`` — the claim's sentence, without a claim-box label ("Claim: …");
* ``itemReviewed`` — ``Claim`` with ``author`` (the claim's actor: ``Person`` when the actors file
  knows it as a person, else ``Organization``) and ``datePublished`` (the claim's date);
* ``reviewRating`` — ``Rating`` whose ``alternateName`` is the rating as printed ("False");
* ``author`` — the fact-checker (``reviewed_by``, the document's outlet) as an ``Organization``;
* ``datePublished`` — the fact-check's publication date; ``url`` when the documents table has one;
  ``name`` — the fact-check's title.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from analysis.corpus import Corpus

CONTEXT = "https://schema.org"
_CLAIM_LABEL = re.compile(r"^\s*(?:the\s+)?claim(?:\s+reviewed)?\s*:\s*", re.IGNORECASE)
REQUIRED = ("@context", "@type", "claimReviewed", "itemReviewed", "reviewRating", "author")


_ISO_LENGTH = {"day": 10, "month": 7, "year": 4}


def _iso(value: Any, precision: Any = "day") -> str | None:
    """ISO 8601 at the date's precision ("2017-01" for a month), so no day is invented."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    length = _ISO_LENGTH.get(str(precision), 10)
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()[:length]
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:length]
    return str(value)[:length] or None


def _text(value: Any) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


def _author_type(name: str, corpus: Corpus) -> str:
    try:
        from analysis.actors import resolve_actor
    except ImportError:  # pragma: no cover - shipped with the package
        return "Organization"
    actor = resolve_actor(name, corpus.knowledge)
    return "Person" if actor is not None and actor.kind == "person" else "Organization"


def _review(claim: dict[str, Any], document: dict[str, Any], corpus: Corpus) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim"}
    actor = _text(claim.get("actor"))
    if actor:
        item["author"] = {"@type": _author_type(actor, corpus), "name": actor}
    claim_date = _iso(claim.get("date"), claim.get("date_precision"))
    if claim_date:
        item["datePublished"] = claim_date
    checker = _text(claim.get("reviewed_by")) or _text(document.get("outlet")) or "unknown"
    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "claimReviewed": _CLAIM_LABEL.sub("", str(claim["text"])).strip(),
        "itemReviewed": item,
        "reviewRating": {"@type": "Rating", "alternateName": str(claim["verdict"])},
        "author": {"@type": "Organization", "name": checker},
        "identifier": claim.get("claim_id"),
    }
    published = _iso(document.get("published"), document.get("published_precision"))
    if published:
        review["datePublished"] = published
    title = _text(document.get("title"))
    if title:
        review["name"] = title
    url = _text(document.get("url"))
    if url:
        review["url"] = url
    return review


def claim_reviews(corpus: Corpus) -> list[dict[str, Any]]:
    """A ClaimReview dict for every claim with a verdict, in claim-id order."""
    claims = corpus.claims
    rated = claims[claims["verdict"].notna()].sort_values("claim_id")
    documents: dict[str, dict[str, Any]] = {
        str(row["doc_id"]): {str(k): v for k, v in row.items()}
        for row in corpus.documents.drop(columns=["body"]).to_dict("records")
    }
    reviews = []
    for row in rated.to_dict("records"):
        claim = {str(k): v for k, v in row.items()}
        reviews.append(_review(claim, documents.get(str(claim["doc_id"]), {}), corpus))
    return reviews


def to_jsonld(reviews: list[dict[str, Any]]) -> str:
    """The reviews as one JSON-LD array (sorted keys, so the same reviews give the same text)."""
    return json.dumps(reviews, sort_keys=True, ensure_ascii=False, indent=2)


def structural_problems(review: dict[str, Any]) -> list[str]:
    """What is missing or mistyped in one ClaimReview (empty when it is well-formed)."""
    problems = [f"missing {key}" for key in REQUIRED if key not in review]
    if review.get("@type") != "ClaimReview":
        problems.append("@type is not ClaimReview")
    if review.get("@context") != CONTEXT:
        problems.append("@context is not https://schema.org")
    if not str(review.get("claimReviewed") or "").strip():
        problems.append("empty claimReviewed")
    item = review.get("itemReviewed", {})
    if not isinstance(item, dict) or item.get("@type") != "Claim":
        problems.append("itemReviewed is not a Claim")
    rating = review.get("reviewRating", {})
    if not isinstance(rating, dict) or rating.get("@type") != "Rating":
        problems.append("reviewRating is not a Rating")
    elif not str(rating.get("alternateName") or "").strip():
        problems.append("reviewRating has no alternateName")
    author = review.get("author", {})
    if not isinstance(author, dict) or author.get("@type") != "Organization":
        problems.append("author is not an Organization")
    elif not str(author.get("name") or "").strip():
        problems.append("author has no name")
    for key in ("datePublished",):
        value = review.get(key)
        if value is not None and not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", str(value)):
            problems.append(f"{key} is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return problems
