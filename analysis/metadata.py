"""Stage 3 — metadata: outlet, kind, title, author, publication date, language, verdict.

The publisher is chosen by scoring every occurrence of an outlet's name, aliases, markers and
domains (``analysis/data/outlets.toml``) by where it stands on the page: a dateline
"CITY (Outlet) –" beats a site widget ("Support SouthFront") or a line around the article, which
beat a mention inside the article; a mention as a *source* ("told RIA Novosti", "according to
TASS", "the Izvestiya newspaper reported") scores nothing.  Below a threshold the outlet is null.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from analysis.cachefiles import default_cache_dir, load_pickle, write_pickle
from analysis.clean import (
    POSTER_STAMP,
    READING_TIME,
    STOPWORDS,
    Cleaned,
    byline_name,
    camel_case_name,
    is_date_line,
    is_masthead,
    is_signed_name,
    poster_of,
    rules_for,
    without_honorifics,
)
from analysis.dates import infer_published
from analysis.knowledge import Knowledge
from analysis.read import RawText
from analysis.turns import BARE_QUESTION_LABEL, RECORD_LABEL, TURN_TIMESTAMP

OUTLET_THRESHOLD = 1.5
WEIGHTS = {
    "dateline": 6.0,  # "WASHINGTON (Sputnik) –"
    "lead": 4.0,  # an agency marker in the first characters of the article
    "widget": 3.0,  # site furniture: "Support SouthFront", sign-up prompts
    "head": 3.0,  # stamps, bylines, kickers above the article
    "tail": 2.0,  # footers, credits, signatures below the article
    "link": 1.0,  # the site's own domain in a navigation or share link
    "marker": 2.0,  # a self-reference marker inside the article ("A check by Polygraph.info")
    "title": 0.5,
    "body": 0.25,  # a bare mention inside the article
}
BODY_SCAN_CHARS = 30_000  # a publisher's self-references sit near the top; bounds hostile pages
LEAD_CHARS = 80  # an agency tag this close to the start is a dateline
SOURCE_BEFORE = re.compile(
    r"(?:\btold|\baccording to|\bciting|\bcited by|\bquoted by|\bquoting|\breported by|\bto|"
    r"\bwith|\bvia|\bin an interview with|\bsaid in|\bwrote in|\bpublished by|\bby)"
    r"\s+(?:the\s+)?(?:[\w.'’-]+,?\s+){0,4}$",
    re.IGNORECASE,
)
SOURCE_AFTER = re.compile(
    r"^['’s]*\W{0,3}(?:[\w-]+\s+){0,2}(?:said|says|reported|reports|quoted|cited|claimed|claims|"
    r"wrote|writes|newspaper|news agency|newswire|agency|web ?site|broadcaster|correspondent|"
    r"journalists?|reporters?|TV|channel|daily|outlet|interview)\b",
    re.IGNORECASE,
)
# "Forwarded from Zvezda TV", "Reposted from …": a channel or feed passing on another's post
PASSED_ON_FROM = re.compile(r"\b(?:forwarded|reposted|retweeted|shared|repinned) from\s+$", re.I)
TIMESTAMP_BEFORE_LABEL = re.compile(rf"{TURN_TIMESTAMP}\s*")  # "[00:04:12] LAVROV:"
SPEAKER_LABEL = re.compile(r"^([A-Z][A-Z. '’-]{0,30}|Q|A):")
REPORTING_BY = re.compile(
    r"(?<!(?i:additional) )(?i:reporting by)\s+(?P<name>[A-ZÀ-Ý][\w.'’-]+(?:\s+[A-ZÀ-Ý][\w.'’-]+){0,3})"
)
CREDITED_NAMES = re.compile(
    r"(?<!(?i:additional) )(?i:(?:reporting|writing) by)\s+(?P<names>[^;|]+)"
)
PERSON = re.compile(
    r"[A-ZÀ-Ý][\w.'’-]+(?:\s+(?:[A-ZÀ-Ý][\w.'’-]+|de|van|von|al|bin|la|le|da)){1,3}"
)
NAME_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|with|&)\s+")
IN_PLACE = re.compile(r"\s+in\s+[A-ZÀ-Ý][\w .'’-]*$")
BYLINE_IN_STAMP = re.compile(
    r"(?:^|[|•·]\s*|\d\s+)(?i:by)\s+(?P<name>[^|•·,;]{2,60}?)\s*(?:[|•·]|$)"
)
# Words of kickers, mastheads and offices set on a line of their own, never of a person's name.
NOT_PERSON_WORDS = frozenset(
    ("read", "long", "release", "immediate", "monitor", "brief", "briefing", "update", "digest",
     "edition", "report", "weekly", "daily", "analysis", "opinion", "exclusive", "explainer",
     "live", "breaking", "review", "ledger", "times", "post", "news", "journal", "herald",
     "tribune", "gazette", "observer", "chronicle", "press", "wire", "agency", "institute",
     "center", "centre", "council", "committee", "ministry", "department", "office", "staff",
     "transcript", "statement", "contents", "index", "today", "yesterday", "story")
)  # fmt: skip
BY_NAMES = re.compile(r"(?i:by)\s+(?P<names>[^|•·;]{3,90})")
HANDLE_NAME = re.compile(r"@?[a-z][a-z0-9_]{2,30}")
# "Thread by @karinholm_sy" over the account's display name (a thread-unrolling page)
POSTS_BY_HANDLE = re.compile(r"(?i:thread|tweets|posts)\s+by\s+@\w{2,30}")
NAME_IN_CITY = re.compile(
    r"(?P<name>[A-Z][a-z]+(?: [A-Z][a-z'’-]+){1,2}(?: and [A-Z][a-z]+(?: [A-Z][a-z'’-]+){1,2})?)"
    r" in [A-Z][a-z]+(?: [A-Z][a-z]+)?(?: and [A-Z][a-z]+)?"
)
# "Vladimir Putin:", and a parliament's "Hilary Benn (Leeds Central) (Lab):" (the brackets dropped)
# A podcast's or call's numbered speakers count as names: "Speaker 2:", "Caller 1:".
NAME_LABEL = re.compile(
    r"^((?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,3}(?: \d{1,2})?)(?: \([^()]{1,60}\)){0,3}:\s"
)
VIEWS_EXPRESSED = re.compile(
    r"\b(?:views|opinions)(?:,? (?:and|or) (?:views|opinions))? expressed\b", re.IGNORECASE
)
MIN_LANGUAGE_CHARS = 40
MIN_LANGUAGE_PROBABILITY = 0.5
LANGUAGE_SAMPLE = 400
# Function words of English prose.  The distinct ones must come from ENGLISH_ONLY_WORDS (none of
# them a common word of another Latin-script language); the share counts all of them.
# fmt: off
ENGLISH_ONLY_WORDS = frozenset((
    "the", "of", "and", "to", "that", "with", "were", "has", "have", "been", "from", "this",
    "which", "would", "their", "they", "his", "its", "it", "not", "but", "said", "who", "there",
    "than", "she", "we", "our", "what", "when", "after", "also", "about", "against", "into",
    "could", "should", "these", "those", "did", "does", "or", "any",
))
# fmt: on
ENGLISH_FUNCTION_WORDS = ENGLISH_ONLY_WORDS | frozenset(
    ["a", "in", "on", "is", "as", "at", "an", "are", "be", "for", "by"]
)
ENGLISH_WORD = re.compile(r"[^\W\d_]+")
ENGLISH_MIN_WORDS = 30
ENGLISH_MIN_SHARE = 0.25
ENGLISH_MIN_DISTINCT = 4


# ----------------------------------------------------------------------------- outlet index


ALNUM_RUN = re.compile(r"[^\W_]+")  # a maximal run of characters for which str.isalnum() holds
NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Every ASCII character that is not a letter or digit becomes a space; other bytes are kept.
_ASCII_SEPARATORS_TO_SPACE = bytes(
    32 if byte < 128 and not chr(byte).isalnum() else byte for byte in range(256)
)


def alnum_runs(text: str) -> set[str]:
    """``set(ALNUM_RUN.findall(text))``, several times faster on prose: the ASCII separators
    become spaces in one ``bytes.translate`` over the UTF-8 (multi-byte sequences hold no
    ASCII byte, so they pass unchanged), the few distinct other characters that are no letter
    or digit (curly quotes, dashes) by ``str.replace``, and ``split`` cuts at the spaces."""
    spaced = (
        text.encode("utf-8", "surrogatepass")
        .translate(_ASCII_SEPARATORS_TO_SPACE)
        .decode("utf-8", "surrogatepass")
    )
    if not spaced.isascii():
        for character in set(NON_ASCII.findall(spaced)):
            if not character.isalnum():
                spaced = spaced.replace(character, " ")
    return set(spaced.split())


@dataclass(frozen=True)
class OutletIndex:
    outlets: tuple[dict[str, Any], ...]
    # (needle, outlet number, "name"/"marker", case-sensitive, runs, lower-cased runs), longest
    # needle first.  Plain substring search (str.find) with a word-boundary check is far faster
    # than one big regex.  ``runs`` are the needle's alphanumeric runs ("RIA Novosti" → RIA,
    # Novosti): see ``_hits``.
    terms: tuple[tuple[str, int, str, bool, frozenset[str], frozenset[str]], ...]
    # Term positions by one lower-cased run of each term (its longest, so its rarest, usually):
    # the text's runs then pick the few terms worth a full check (see ``_candidate_terms``).
    by_key_run: dict[str, tuple[int, ...]] = field(default_factory=dict)
    keyless: tuple[int, ...] = ()  # terms without an alphanumeric run: always candidates


_INDEXES: dict[str, OutletIndex] = {}


def outlet_index(kb: Knowledge) -> OutletIndex:
    """Outlet terms prepared once per knowledge fingerprint."""
    cached = _INDEXES.get(kb.fingerprint)
    if cached is not None:
        return cached
    outlets = tuple(
        o for o in kb.outlets.get("outlet", []) if isinstance(o, dict) and o.get("name")
    )
    terms: dict[tuple[str, bool], tuple[int, str]] = {}
    for number, outlet in enumerate(outlets):
        for term in [outlet["name"], *outlet.get("aliases", [])]:
            if term:
                terms.setdefault((term, True), (number, "name"))
                terms.setdefault((term.upper(), True), (number, "name"))  # a masthead in capitals
        for term in [*outlet.get("markers", []), *outlet.get("domains", [])]:
            if term:
                terms.setdefault((term.lower(), False), (number, "marker"))
    ordered = sorted(terms.items(), key=lambda item: (-len(item[0][0]), item[0][0], item[0][1]))
    prepared = tuple(
        (needle, n, kind, exact, runs, frozenset(run.lower() for run in runs))
        for (needle, exact), (n, kind) in ordered
        for runs in [frozenset(ALNUM_RUN.findall(needle))]
    )
    by_key_run: dict[str, list[int]] = {}
    for position, (*_term, folded_runs) in enumerate(prepared):
        if folded_runs:
            key = max(sorted(folded_runs), key=len)
            by_key_run.setdefault(key, []).append(position)
    index = OutletIndex(
        outlets=outlets,
        terms=prepared,
        by_key_run={key: tuple(positions) for key, positions in by_key_run.items()},
        keyless=tuple(position for position, term in enumerate(prepared) if not term[5]),
    )
    _INDEXES[kb.fingerprint] = index
    return index


def _bounded(text: str, start: int, end: int, needle: str) -> bool:
    """A whole-word occurrence: no letter/digit glued to an alphanumeric end of the needle.

    A name must not be part of a handle, path or domain ("@RT_com", "/rt/"); a domain may follow
    "//" or a subdomain dot ("https://www.stripes.com/...").
    """
    before = text[start - 1] if start > 0 else " "
    if needle[0].isalnum():
        glued = "-" if _is_tag_or_domain(needle) else "@/._-"
        if before.isalnum() or before in glued:
            return False
    return not (needle[-1].isalnum() and end < len(text) and text[end].isalnum())


def _hits(text: str, index: OutletIndex) -> list[tuple[int, str, int, int]]:
    """(outlet number, term kind, start, end) for every name/marker occurrence in ``text``.

    A needle is only searched when each of its alphanumeric runs is a whole alphanumeric run of
    the text: ``_bounded`` lets no letter or digit touch an alphanumeric end of the needle, so
    an accepted occurrence has all of them in the text — and one set of the text's runs rules
    out nearly all of the ~200 needles without a scan each.  The runs of the lower-cased text
    serve case-sensitive needles too (lower-cased: a weaker test, the search decides), as
    lower-casing keeps every character's alphanumeric-ness and, with the length unchanged and
    no capital sigma (whose lower case depends on its neighbours), maps characters one to one.
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text
    found: list[tuple[int, str, int, int]] = []
    taken = _Spans()
    for needle, number, kind, exact in _candidate_terms(text, lowered, index):
        haystack = text if exact else lowered
        start = haystack.find(needle)
        while start >= 0:
            end = start + len(needle)
            if _bounded(haystack, start, end, needle) and taken.add(start, end):
                found.append((number, kind, start, end))
            start = haystack.find(needle, end)
    found.sort(key=lambda hit: hit[2])
    return found


class _Spans:
    """Disjoint character spans, kept sorted: testing a new span against all of them costs a
    binary search, not a look at each (a page of thousands of short lines repeating a name
    made the pairwise test quadratic: half a minute for 30,000 lines)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, start: int, end: int) -> bool:
        """Take ``start:end`` unless it overlaps a span taken before; whether it was taken.
        Disjoint spans sorted by start are sorted by end too, so only the last span starting
        before ``end`` can reach past ``start``."""
        before = bisect_left(self.starts, end) - 1
        if before >= 0 and self.ends[before] > start:
            return False
        insort(self.starts, start)
        insort(self.ends, end)
        return True


def _candidate_terms(
    text: str, lowered: str, index: OutletIndex
) -> list[tuple[str, int, str, bool]]:
    """The terms whose alphanumeric runs all occur as runs of the text (see ``_hits``)."""
    if lowered is not text and "\u03a3" not in text:
        folded = alnum_runs(lowered)
        positions = [*index.keyless]
        for key in folded.intersection(index.by_key_run):
            positions.extend(index.by_key_run[key])
        positions.sort()  # the terms' order: longest needle first
        terms = index.terms
        return [
            (needle, number, kind, exact)
            for position in positions
            for needle, number, kind, exact, _runs, folded_runs in [terms[position]]
            if folded_runs <= folded
        ]
    runs_of_text = alnum_runs(text)
    runs_of_lowered = runs_of_text if lowered is text else alnum_runs(lowered)
    return [
        (needle, number, kind, exact)
        for needle, number, kind, exact, runs, _folded in index.terms
        if runs <= (runs_of_text if exact else runs_of_lowered)
    ]


def _is_source_mention(text: str, start: int, end: int) -> bool:
    """'told X', 'according to X', 'X reported', 'X newspaper' — the outlet is quoted, not publishing."""
    return bool(SOURCE_BEFORE.search(text[max(0, start - 60) : start])) or bool(
        SOURCE_AFTER.match(text[end : end + 60])
    )


def _segments(cleaned: Cleaned) -> list[tuple[str, str]]:
    """The page's zones as (zone, text), each scored with its own weight."""
    head = [h for h in cleaned.head if h not in {cleaned.title, cleaned.dateline}]
    urls = cleaned.site_urls  # the site's own menus and share bars, not links the article cites
    segments = [
        ("dateline", cleaned.dateline or ""),
        ("widget", "\n".join(cleaned.widgets)),
        ("head", "\n".join(head)),
        ("tail", "\n".join(cleaned.tail)),
        ("title", cleaned.title or ""),
        ("link", "\n".join(u for u in urls if u)),
        ("body", cleaned.body[:BODY_SCAN_CHARS]),
    ]
    return [(zone, text) for zone, text in segments if text]


def _mention_weight(kind: str, body: str, start: int, end: int, *, checker: bool) -> float:
    """Weight of a name or marker found inside the article.

    An agency tag ("(Reuters)", "/TASS/") or a domain names the publisher only at the very start
    of the article (a dateline); further down it cites a source, as digests and round-ups do.
    Self-reference phrases ("A check by Polygraph.info") count anywhere.
    """
    quoted = _is_source_mention(body, start, end)
    if kind == "marker" and not quoted:
        if start < LEAD_CHARS:
            return WEIGHTS["lead"]
        return WEIGHTS["body"] if _is_tag_or_domain(body[start:end]) else WEIGHTS["marker"]
    if checker:
        return 1.0  # fact-checkers name themselves in their own checks ("told Polygraph.info")
    return 0.0 if quoted else WEIGHTS["body"]


PHOTO_CREDIT = re.compile(r"\b(?:photos?|pictures?|images?|getty|file|credit)\b", re.IGNORECASE)
PHOTO_CREDIT_REACH = 16  # characters either side of the name


def _in_photo_credit(text: str, start: int, end: int) -> bool:
    around = text[max(0, start - PHOTO_CREDIT_REACH) : end + PHOTO_CREDIT_REACH]
    return PHOTO_CREDIT.search(around) is not None


def _passed_on(text: str, start: int) -> bool:
    return PASSED_ON_FROM.search(text, max(0, start - 20), start) is not None


_SHARE_BARS: dict[str, re.Pattern[str]] = {}


def share_bar(kb: Knowledge) -> re.Pattern[str]:
    """A line opening with one of the ``share_labels`` of ``furniture.toml`` ("Share:", "Teilen")."""
    cached = _SHARE_BARS.get(kb.fingerprint)
    if cached is None:
        labels = "|".join(re.escape(label) for label in kb.furniture.get("share_labels", []))
        cached = re.compile(rf"\s*(?:{labels or '(?!x)x'})\b", re.IGNORECASE)
        if kb.fingerprint:
            _SHARE_BARS[kb.fingerprint] = cached
    return cached


SHARE_BUTTON_WORDS = 3  # "Share", "Share this", "Facebook", "Email a friend": button-sized lines
SHARE_BUTTON_LINES = 8  # buttons laid one per line under their label, at most this many


def _in_share_bar(text: str, start: int, bar: re.Pattern[str]) -> bool:
    """The name stands in a line opening with a share label ("Share:   Facebook   Reddit"), or
    alone in a column of button-sized lines under such a label ("Share" / "Facebook" / "LinkedIn")."""
    line_start = text.rfind("\n", 0, start) + 1
    if bar.match(text, line_start) is not None:
        return True
    line_end = text.find("\n", start)
    lines_above = text[:line_start].splitlines()[-SHARE_BUTTON_LINES:]
    if not _button_sized(text[line_start : len(text) if line_end < 0 else line_end]):
        return False
    for line in reversed(lines_above):
        if not _button_sized(line):
            return False
        if bar.match(line) is not None:
            return True
    return False


def _button_sized(line: str) -> bool:
    return 0 < len(line.split()) <= SHARE_BUTTON_WORDS


def _is_tag_or_domain(needle: str) -> bool:
    return needle[:1] in "(/" or (" " not in needle and "." in needle.strip("."))


def score_outlets(cleaned: Cleaned, kb: Knowledge, *, fact_check: bool) -> dict[int, float]:
    """Evidence per outlet number, weighted by where each mention stands.

    All zones are scanned at once (joined by newlines) so the work is one pass over the page.
    """
    index = outlet_index(kb)
    segments = _segments(cleaned)
    starts: list[int] = []
    offset = 0
    for _zone, text in segments:
        starts.append(offset)
        offset += len(text) + 1
    combined = "\n".join(text for _zone, text in segments)
    scores: dict[int, float] = {}
    for number, kind, start, end in _page_hits(combined, index):
        position = bisect_right(starts, start) - 1
        zone, text = segments[position]
        if zone == "body":
            checker = fact_check and index.outlets[number].get("type") == "fact-checker"
            local = start - starts[position]
            weight = _mention_weight(kind, text, local, local + end - start, checker=checker)
        elif zone == "link":
            weight = WEIGHTS["link"] if kind == "marker" else 0.0
        elif _in_photo_credit(text, start - starts[position], end - starts[position]):
            weight = 0.0  # "(AFP photo)" under a picture: the agency took it, it did not publish
        elif _passed_on(text, start - starts[position]):
            weight = 0.0  # a post forwarded from another channel is that channel's, not the page's
        elif _in_share_bar(text, start - starts[position], share_bar(kb)):
            weight = 0.0  # "Share: Facebook Twitter Reddit": where to share it, not its publisher
        else:
            weight = WEIGHTS[zone]
        if weight:
            scores[number] = scores.get(number, 0.0) + weight
    return scores


_LAST_PAGE: list[tuple[str, OutletIndex, list[tuple[int, str, int, int]]]] = []


def _page_hits(combined: str, index: OutletIndex) -> list[tuple[int, str, int, int]]:
    """``_hits`` of a page's zones, remembered for the page last scanned: a page that turns
    out to be a fact-check is scored a second time, with other weights for the same hits."""
    if _LAST_PAGE and _LAST_PAGE[0][1] is index and _LAST_PAGE[0][0] == combined:
        return _LAST_PAGE[0][2]
    hits = _hits(combined, index)
    _LAST_PAGE[:] = [(combined, index, hits)]
    return hits


def choose_outlet(cleaned: Cleaned, kb: Knowledge, *, fact_check: bool) -> dict[str, Any] | None:
    scores = score_outlets(cleaned, kb, fact_check=fact_check)
    if not scores:
        return None
    number, best = max(scores.items(), key=lambda item: (item[1], -item[0]))
    if best < OUTLET_THRESHOLD:
        return None
    return outlet_index(kb).outlets[number]


# ----------------------------------------------------------------------------- kind


@dataclass(frozen=True)
class KindRules:
    commentary: re.Pattern[str]
    commentary_prefix: re.Pattern[str]  # "Opinion: ...", "Analysis | ..." at the start of a title
    digest: re.Pattern[str]
    newsletter: re.Pattern[
        str
    ]  # a mailing list's furniture ("Unsubscribe", "View this email in …")
    factcheck: re.Pattern[str]
    record_heading: re.Pattern[str]  # "Transcript of the meeting of 26 October 2016"


_KIND_RULES: dict[str, KindRules] = {}


def kind_rules(kb: Knowledge) -> KindRules:
    cached = _KIND_RULES.get(kb.fingerprint)
    if cached is not None:
        return cached

    def alternation(patterns: list[str]) -> re.Pattern[str]:
        body = "|".join(f"(?:{p})" for p in patterns) or r"(?!x)x"
        return re.compile(rf"(?:{body})", re.IGNORECASE)

    kinds = kb.furniture.get("kinds", {})
    commentary = alternation(kinds.get("commentary", []))
    rules = KindRules(
        commentary=commentary,
        commentary_prefix=re.compile(rf"^(?:{commentary.pattern})\s*[:|]", re.IGNORECASE),
        digest=alternation(kinds.get("digest", [])),
        newsletter=alternation(kinds.get("newsletter", [])),
        factcheck=alternation(kb.furniture.get("factcheck", {}).get("markers", [])),
        record_heading=alternation(kinds.get("transcript", [])),
    )
    _KIND_RULES[kb.fingerprint] = rules
    return rules


def is_transcript(body: str) -> bool:
    """Three or more paragraphs open with a speaker label, from at least two speakers, some of
    whom speak again when there are four or more labels; labels in ordinary case ("Vladimir Putin:", "Question:") count when a speaker comes back, as turns
    of a conversation do (a fact-check's "Claim:" and "Rating:" do not)."""
    paragraphs = [_without_timestamp(p) for p in body.split("\n\n")]
    labels = [
        m.group(1) for p in paragraphs if (m := SPEAKER_LABEL.match(p) or RECORD_LABEL.match(p))
    ]
    if labels:
        labels += ["Q" for p in paragraphs if BARE_QUESTION_LABEL.match(p)]
    if len(labels) >= 3 and len(set(labels)) >= 2 and not _each_label_once(labels):
        return True
    named = [m.group(1) for p in paragraphs if (m := NAME_LABEL.match(p))]
    counts = Counter(named)
    return (
        len(named) >= 4
        and len(counts) >= 2
        and counts.most_common(1)[0][1] >= 2
        and not _embedded_exchange(paragraphs, [bool(NAME_LABEL.match(p)) for p in paragraphs])
    )


REPORTED_LEAD_PARAGRAPHS = 3  # a report's own paragraphs before an exchange it quotes


def _embedded_exchange(paragraphs: list[str], labelled: list[bool]) -> bool:
    """A news report that quotes a short exchange ("RT: …" / "Aleksandr Nekrasov: …"): three or
    more paragraphs of reporting come before the first turn, and the turns are under half the
    paragraphs."""
    first = labelled.index(True) if any(labelled) else len(labelled)
    return first >= REPORTED_LEAD_PARAGRAPHS and 2 * sum(labelled) < len(paragraphs)


def _without_timestamp(paragraph: str) -> str:
    """A turn of a recording's transcript without the timestamp before its label."""
    stamp = TIMESTAMP_BEFORE_LABEL.match(paragraph)
    return paragraph[stamp.end() :] if stamp else paragraph


SECTION_LABELS_MIN = 4


def _each_label_once(labels: list[str]) -> bool:
    """Four or more labels, none coming back: a roundup's places or topics ("RAQQA: …",
    "MOSCOW: …", "IDLIB: …"), not the turns of a conversation, whose speakers return."""
    return len(labels) >= SECTION_LABELS_MIN and len(set(labels)) == len(labels)


def _is_label(line: str) -> bool:
    return len(line) <= 24 and len(line.split()) <= 2


def _in_menu(head: list[str], index: int) -> bool:
    """A label between two other short labels is an item of a menu laid out one per line
    ("Russia / World / Opinion / Multimedia"), not a kicker over this article."""
    before = head[index - 1] if index > 0 else ""
    after = head[index + 1] if index + 1 < len(head) else ""
    return (
        _is_label(head[index]) and _is_label(before) and _is_label(after) and bool(before and after)
    )


def detect_kind(cleaned: Cleaned, kb: Knowledge, outlet: dict[str, Any] | None) -> str:
    rules = kind_rules(kb)
    title = cleaned.title or ""
    head = [h for h in cleaned.head if h != cleaned.dateline]
    outlet_type = (outlet or {}).get("type")
    if is_transcript(cleaned.body):
        return "transcript"
    if any(len(h) <= 120 and rules.record_heading.fullmatch(h.strip(" :")) for h in head):
        return "transcript"  # a formal record's heading, whatever shape its turn labels take
    if cleaned.verdict:
        return "fact-check"
    if cleaned.date_headings or outlet_type == "digest" or rules.digest.search(title):
        return "digest"
    if any(len(h) <= 60 and rules.digest.search(h) for h in head):
        return "digest"  # a newsletter's masthead ("SYRIA DAILY BRIEF") above the date
    if _newsletter_of_items(cleaned, rules):
        return "digest"  # a newsletter of run-in items ("Talks over. The administration …")
    if outlet_type == "fact-checker" or rules.factcheck.search(title):
        return "fact-check"
    if any(len(h) <= 60 and rules.factcheck.match(h) for h in head):
        return "fact-check"  # a "Fact Check" kicker or a "Claim:" box above the article
    if outlet_type == "platform":
        return "commentary"  # a user's own post on a platform (a forum's self-post, a blog host)
    kickers = [
        h for i, h in enumerate(head) if h != title and len(h) <= 40 and not _in_menu(head, i)
    ]
    if any(rules.commentary.fullmatch(k.strip(" :|")) for k in kickers):
        return "commentary"
    if rules.commentary_prefix.match(title):
        return "commentary"
    closing = [*cleaned.tail, *_closing_paragraphs(cleaned.body)]
    opening = cleaned.body.split("\n\n", 2)[:2]
    if any(VIEWS_EXPRESSED.search(c) for c in [*head, *opening, *closing]):
        return "commentary"  # "The views expressed by contributors are their own" under a byline
    if _writes_in_first_person(cleaned.body):
        return "commentary"  # a blog post or column: "Let me be precise …", "where I would draw it"
    return "article"


# A numbered note of the endnotes under an article ("[3] Remarks by …", "4. Interview with …",
# "Notes"): passed over to reach the article's own closing paragraphs (the author's bio).
ENDNOTE = re.compile(r"\[\d{1,3}\]\s|\d{1,3}\.\s|(?:notes|endnotes|references|sources)\s*:?$", re.I)
CLOSING_PARAGRAPHS = 2


def _closing_paragraphs(body: str) -> list[str]:
    """The article's last paragraphs, the endnotes under it passed over."""
    paragraphs = body.split("\n\n")
    while len(paragraphs) > CLOSING_PARAGRAPHS and ENDNOTE.match(paragraphs[-1].strip()):
        paragraphs.pop()
    return paragraphs[-CLOSING_PARAGRAPHS:]


# A run-in head: a paragraph opening with a fragment of a few words and a full stop, then the
# item's first sentence ("Missiles to Tartus. Russia's defence ministry confirmed …").
RUN_IN_HEAD = re.compile(r"(?:[\w'’-]+ ){1,4}[\w'’-]+\. [A-Z\"“]")
RUN_IN_ITEMS_MIN = 3


def _newsletter_of_items(cleaned: Cleaned, rules: KindRules) -> bool:
    """A newsletter sent by e-mail (a mailing list's furniture in its widgets or tail) whose
    paragraphs mostly open with run-in heads, three or more: a round-up of items."""
    if not any(rules.newsletter.search(line) for line in [*cleaned.widgets, *cleaned.tail]):
        return False
    paragraphs = cleaned.body.split("\n\n")
    items = sum(1 for p in paragraphs if RUN_IN_HEAD.match(p))
    return items >= RUN_IN_ITEMS_MIN and 2 * items >= len(paragraphs)


# Quoted words (a speaker's "I") and the author's own first person outside them.
# A quotation running over paragraphs leaves each but the last open: quoted to the paragraph's end.
QUOTED_SPAN = re.compile(r"“[^”\n]*(?:”|$)|\"[^\"\n]*(?:\"|$)", re.MULTILINE)
FIRST_PERSON_SINGULAR = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|[Mm]y|[Mm]e)\b")
FIRST_PERSON_MIN = 3  # a reporter's story has none outside quotations; once may be a slip


def _writes_in_first_person(body: str) -> bool:
    """The author speaks as "I" outside quotation marks at least three times."""
    found = FIRST_PERSON_SINGULAR.findall(QUOTED_SPAN.sub(" ", body))
    return len(found) >= FIRST_PERSON_MIN


# ----------------------------------------------------------------------------- author, language


def find_author(cleaned: Cleaned, kb: Knowledge, *, explicit_only: bool = False) -> str | None:
    """Byline above the article, else a bare name signing above the stamp, else a 'Reporting
    by' credit, else a signed social handle. ``explicit_only`` (a transcript, whose speakers
    and presenters are not its authors): only a name after "By"."""
    rules = rules_for(kb)
    places = _place_names(kb)
    for line in cleaned.head:
        if explicit_only and not BY_NAMES.fullmatch(line):
            continue  # "Chairman John McCain | Ranking Member Jack Reed" heads a hearing
        name = byline_name(line, rules)
        if name and name.lower() not in places and not is_masthead(line, rules):
            # not "UNITED STATES | Tillerson: …" of a digest, "SPIEGEL ONLINE | World"
            return _several_bylined(line, rules) or name
    explicit = _by_line_author(cleaned.head, rules)
    if explicit or explicit_only:
        return explicit
    if cleaned.profile:  # a channel's or account's page: the account writes its posts
        return cleaned.profile
    poster = cleaned.poster  # a forum's or Q&A site's first post, signed in its user card
    if poster and " " not in poster:
        return poster  # a handle as printed
    if poster and _may_be_a_person(poster, rules, places):
        return poster.title() if poster.isupper() else poster  # no masthead, kicker or office
    named = _name_under_handle_credit(cleaned.head, rules, places)
    if named:
        return named
    signed = _bare_name_author(cleaned, rules, places)
    if signed:
        return signed
    credited = _credited_authors(cleaned.tail)
    if credited:
        return credited
    if cleaned.signature:
        return camel_case_name(cleaned.signature) or cleaned.signature
    for line in cleaned.head:
        match = NAME_IN_CITY.fullmatch(line)
        if line != cleaned.title and match:
            return match.group("name")  # "Julian Borger in Washington"
    return _names_over_cities(cleaned, rules, places)


# A print page's byline: a reporter's name and city after a dash, one reporter a line, often in
# capitals ("ISOBEL GRANT - MOSCOW" / "DANIEL REYES - WASHINGTON").
NAME_DASH_CITY = re.compile(
    r"(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,2})\s+[-–—]\s+"
    r"(?P<place>[A-Z][A-Za-z'’.-]+(?: [A-Z][A-Za-z'’.-]+){0,2})"
)


def _names_over_cities(cleaned: Cleaned, rules: Any, places: frozenset[str]) -> str | None:
    """The reporters of consecutive "NAME - CITY" lines of the head, joined by "and"."""
    names: list[str] = []
    for line in cleaned.head:
        match = NAME_DASH_CITY.fullmatch(line.strip()) if line != cleaned.title else None
        if match and _may_be_a_person(match.group("name"), rules, places):
            name = match.group("name")
            names.append(name.title() if name.isupper() else name)
        elif names:
            break
    return " and ".join(names) or None


def person_names(text: str) -> list[str] | None:
    """The names of a list of people ("Jack Stubbs, Phil Stewart", "Marwan Khoury with Dan De
    Luce in Washington"), or ``None`` unless every item is a capitalised name."""
    items = [IN_PLACE.sub("", i) for i in NAME_LIST_SEPARATOR.split(text.strip()) if i]
    if not 1 <= len(items) <= 4 or not all(PERSON.fullmatch(i) for i in items):
        return None
    return items


def _several_bylined(line: str, rules: Any) -> str | None:
    """Every author of a "By" line naming several ("By Marwan Khoury with Dan De Luce in
    Washington", "By Jonas Hartmann in Berlin and Lena Kroll in Washington"), else ``None``.
    Items that name no person ("and agencies", "Defence Correspondent") are left out."""
    by = BY_NAMES.fullmatch(line)
    listed = _without_cities(_without_anonymous_items(by.group("names"), rules)) if by else ""
    names = person_names(listed) if by else None
    if not names or len(names) < 2:
        return None
    return " and ".join(n.title() if n.isupper() else n for n in names)  # "By ROBERT BURNS and …"


def _without_cities(names: str) -> str:
    """A byline's list without the one-word city after each reporter's name ("Harriet Ashdown,
    Moscow and Tom Kellaway, Washington"): names and cities alternating, two reporters or more."""
    items = [i for i in NAME_LIST_SEPARATOR.split(names.strip()) if i]
    reporters, cities = items[0::2], items[1::2]
    if (
        len(items) < 4
        or len(reporters) != len(cities)
        or not all(len(r.split()) >= 2 for r in reporters)
        or not all(len(c.split()) == 1 and c[:1].isupper() for c in cities)
    ):
        return names
    return ", ".join(reporters)


def _without_anonymous_items(names: str, rules: Any) -> str:
    """A byline's list of names without the items that name no person: an office after the
    name ("James Harcourt, Defence Correspondent") or the wires ("… and agencies")."""
    items = [i for i in NAME_LIST_SEPARATOR.split(names.strip()) if i]
    kept = [
        i
        for i in items
        if rules.anonymous_byline.search(i) is None and not _opens_with_outlet(i, rules)
    ]
    return ", ".join(kept) if kept and len(kept) < len(items) else names


def _opens_with_outlet(item: str, rules: Any) -> bool:
    """A byline item that opens with a publisher's name of ``outlets.toml``: the agency's desk
    after the reporter ("By Jane Roe, Reuters Moscow"), never a second author."""
    words = item.split()
    return any(
        " ".join(words[:k]).casefold() in rules.outlet_names for k in range(1, len(words) + 1)
    )


def _by_line_author(head: list[str], rules: Any) -> str | None:
    """Authors after "By" that a byline pattern does not take: several names or a name inside
    the date stamp ("23 Jun 2017 | Military.com | By Brendan Mayer", "Posted on 20 September
    2016 by warwatcher")."""
    for line in head:
        several = _several_bylined(line, rules)
        if several:
            return several
    for line in head:
        match = BYLINE_IN_STAMP.search(line) if is_date_line(line) else None
        if match:
            name = match.group("name").strip()
            names = person_names(name)
            if names:
                return " and ".join(names)
            if HANDLE_NAME.fullmatch(name):
                return name.lstrip("@")
    return _blog_poster(head)


def _blog_poster(head: list[str]) -> str | None:
    """The user who posted a blog entry, named in its stamp ("eastern_front_notes
    (eastern_front_notes) wrote," then the date, on the same line or the next)."""
    for position, line in enumerate(head):
        poster = poster_of(line)
        if poster is None:
            continue
        rest = POSTER_STAMP.sub("", line, count=1).strip()
        following = head[position + 1] if position + 1 < len(head) else ""
        if is_date_line(rest) or (not rest and is_date_line(following)):
            return poster
    return None


def _name_under_handle_credit(head: list[str], rules: Any, places: frozenset[str]) -> str | None:
    """The display name under "Thread by @karinholm_sy": the account's owner wrote the thread."""
    for position, line in enumerate(head[:-1]):
        if POSTS_BY_HANDLE.fullmatch(line.strip()):
            name = head[position + 1].strip()
            names = person_names(name)
            if names and len(names) == 1 and _may_be_a_person(name, rules, places):
                return _without_honorific(name)
    return None


def _bare_name_author(cleaned: Cleaned, rules: Any, places: frozenset[str]) -> str | None:
    """Names on a line of their own right above the stamp or the reading time ("Carla Babb" /
    "September 13, 2016 7:42 PM"), or the head's last line when the article opens with the
    author's biography ("Gordon Hale" / "Gordon Hale is a British journalist …")."""
    head = cleaned.head
    for line in head:
        stamped = _name_before_stamp(line, rules, places) if line != cleaned.title else None
        if stamped:
            return stamped
    for position, line in enumerate(head):
        names = person_names(line) if line != cleaned.title else None
        if not names or not all(_may_be_a_person(n, rules, places) for n in names):
            continue
        following = head[position + 1] if position + 1 < len(head) else None
        if following is not None and (
            is_date_line(following)
            or READING_TIME.fullmatch(following)
            or _office_and_place_above_stamp(head[position + 1 : position + 1 + SIGNATURE_LINES])
        ):
            return " and ".join(_without_honorific(n.title() if n.isupper() else n) for n in names)
        if following is None and len(names) == 1 and cleaned.body.startswith(f"{line} "):
            return line
        if following is None and len(names) >= 2:
            return " and ".join(_without_honorific(n) for n in names)  # reporters over the text
    return None


STAMP_SEPARATOR = re.compile(r"\s+[|•·]\s+")
# A post's handle after its author's display name ("Karin Roth @kroth@social.example ·
# Apr 8, 2017", "Jane Roe @janeroe · 3h"): the account, not a word of the name.
HANDLE_AFTER_NAME = re.compile(r"\s+@\w[\w.]{0,30}(?:@[\w-]+(?:\.[\w-]+)+)?$")


def _name_before_stamp(line: str, rules: Any, places: frozenset[str]) -> str | None:
    """A person's name and the date stamp on one line, set apart by a bar ("Tamar Ben-Ami |
    Jul 17, 2017 1:12 AM"): the name signs the story as it would on a line of its own."""
    parts = STAMP_SEPARATOR.split(line, maxsplit=1)
    if len(parts) != 2 or not (is_date_line(parts[1]) or _outlet_then_stamp(parts[1], rules)):
        return None
    names = person_names(HANDLE_AFTER_NAME.sub("", parts[0]))
    if not names or not all(_may_be_a_person(n, rules, places) for n in names):
        return None
    return " and ".join(_without_honorific(n) for n in names)


def _outlet_then_stamp(rest: str, rules: Any) -> bool:
    """The publisher's name between the name and the stamp ("Margaret Doyle · CBC News ·
    Posted: Jun 21, 2016 3:41 PM ET | Last Updated: …"); what follows the stamp is ignored."""
    parts = STAMP_SEPARATOR.split(rest)
    return len(parts) >= 2 and is_masthead(parts[0], rules) and is_date_line(parts[1])


def _without_honorific(name: str) -> str:
    """ "Dr Helen Marsh" signs as Helen Marsh."""
    return " ".join(without_honorifics(name.split()))


SIGNATURE_LINES = 3  # a statement's signature: name / office / place / date
SIGNATURE_LINE_WORDS = 12


def _office_and_place_above_stamp(lines: list[str]) -> bool:
    """Short lines (an office, a place: "Assistant Secretary and Department Spokesperson" /
    "Washington, DC") and then the date stamp: a government statement's signature block."""
    for index, line in enumerate(lines):
        if is_date_line(line):
            return index > 0
        if (
            len(line.split()) > SIGNATURE_LINE_WORDS
            or line.rstrip().endswith((".", "!", "?"))
            or "|" in line  # a menu
            or person_names(line)  # the name that signs is that one
        ):
            return False
    return False


def _may_be_a_person(name: str, rules: Any, places: frozenset[str]) -> bool:
    """A bare name line that no word marks as a kicker, masthead, office or place ("Long Read",
    "For Immediate Release", "The Northern Ledger", "Syria Conflict Monitor")."""
    words = [w.lower() for w in name.split()]
    return (
        is_signed_name(name, rules)
        and rules.anonymous_byline.search(name) is None
        and not any(w in NOT_PERSON_WORDS or w in places for w in words)
        and words[0] not in STOPWORDS
    )


def _credited_authors(tail: list[str]) -> str | None:
    """Every name after "Reporting by" and "Writing by" in a wire's closing credit
    ("Reporting by Selen Temizer; Writing by Fatih Hafiz Mehmet"); never "Additional reporting
    by" or "Editing by"."""
    names: list[str] = []
    for line in tail:
        for match in CREDITED_NAMES.finditer(line):
            found = person_names(match.group("names").strip(" ."))
            if found is None:
                first = REPORTING_BY.search(match.group(0))
                found = [first.group("name").strip()] if first else []
            names += [n for n in found if n not in names]
    return " and ".join(names) or None


_PLACES: dict[str, frozenset[str]] = {}


def _place_names(kb: Knowledge) -> frozenset[str]:
    """Country and capital words of the parties' lists ("United States", "Turkey"): a section
    label of a digest, never an author."""
    cached = _PLACES.get(kb.fingerprint)
    if cached is None:
        parties = (kb.stance or {}).get("parties", {})
        cached = frozenset(
            str(word).lower()
            for side, words in parties.items()
            if side not in {"first_person", "pair"}
            for word in words
        )
        _PLACES[kb.fingerprint] = cached
    return cached


@lru_cache(maxsize=1)
def language_identifier() -> Any:
    """py3langid's identifier.  Its model ships LZMA-compressed: decompressing and reading it
    costs ~0.8 s CPU in each process that needs it, reading back the identifier kept in the
    cache folder (as the parsed data files are; ~70 MB) a seventh of that.  The cache file is
    named after the package's version and the model file's size and time, so a new model is
    read afresh; an unreadable one is rebuilt, never fatal."""
    from py3langid import __version__
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    path = _language_model_cache(MODEL_DIR / MODEL_FILE, __version__)
    cached = load_pickle(path) if path is not None else None
    if isinstance(cached, LanguageIdentifier):
        return cached
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if path is not None:
        write_pickle(path, identifier)
    return identifier


def _language_model_cache(model: Path, version: str) -> Path | None:
    try:
        stat = model.stat()
    except OSError:
        return None
    key = hashlib.sha256(f"{version}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()
    return default_cache_dir() / "data" / f"langid-{key[:24]}.pkl"


def _clearly_english(sample: str) -> bool:
    """Plain English prose, told without the language model: many words, nearly all letters
    ASCII, and a high share of English function words from several different ones.  Any other
    sample goes to py3langid (whose model costs ~0.5 s CPU to load in each process)."""
    words = ENGLISH_WORD.findall(sample.lower())
    if len(words) < ENGLISH_MIN_WORDS or (not sample.isascii() and _non_ascii_share(sample) > 0.02):
        return False
    function_words = [w for w in words if w in ENGLISH_FUNCTION_WORDS]
    return (
        len(function_words) >= ENGLISH_MIN_SHARE * len(words)
        and len(ENGLISH_ONLY_WORDS.intersection(function_words)) >= ENGLISH_MIN_DISTINCT
    )


SHORT_ENGLISH_MIN_WORDS = 4


def _short_english(sample: str) -> bool:
    """A text too short for the language model to be sure of ("US and Russian officers spoke by
    phone today."): a few ASCII words, a quarter of them English function words, at least one
    of those a word no other Latin-script language uses."""
    words = ENGLISH_WORD.findall(sample.lower())
    if not SHORT_ENGLISH_MIN_WORDS <= len(words) < ENGLISH_MIN_WORDS or not sample.isascii():
        return False
    function_words = [w for w in words if w in ENGLISH_FUNCTION_WORDS]
    return len(function_words) >= ENGLISH_MIN_SHARE * len(words) and bool(
        ENGLISH_ONLY_WORDS.intersection(function_words)
    )


def _non_ascii_share(sample: str) -> float:
    letters = list(filter(str.isalpha, sample))
    return (len(letters) - sum(map(str.isascii, letters))) / max(1, len(letters))


def detect_language(body: str) -> str | None:
    """ISO 639-1 code of the body; null for bodies too short or too uncertain to tell."""
    sample = body[:LANGUAGE_SAMPLE]
    letters = sum(map(str.isalpha, sample))
    if letters < MIN_LANGUAGE_CHARS or (
        len(sample.split()) < 5 and letters < 4 * MIN_LANGUAGE_CHARS
    ):
        return "en" if _short_english(sample) else None
    if _clearly_english(sample):
        return "en"
    language, probability = language_identifier().classify(sample)
    if probability >= MIN_LANGUAGE_PROBABILITY:
        return str(language)
    return "en" if _short_english(sample) else None


# ----------------------------------------------------------------------------- describe


# A page laid out as a digest or a fact-check says what sort of publisher it has, even when
# nothing on it names the publisher.
OUTLET_TYPE_OF_KIND = {"digest": "digest", "fact-check": "fact-checker"}


def describe(raw: RawText, cleaned: Cleaned, kb: Knowledge) -> dict[str, Any]:
    published = infer_published(cleaned.head, cleaned.body, cleaned.links, kb=kb)
    fact_check_hint = bool(cleaned.verdict)
    outlet = choose_outlet(cleaned, kb, fact_check=fact_check_hint)
    kind = detect_kind(cleaned, kb, outlet)
    if kind == "fact-check" and not fact_check_hint:
        outlet = choose_outlet(cleaned, kb, fact_check=True) or outlet
    return {
        "outlet": outlet["name"] if outlet else None,
        "outlet_type": ((outlet.get("type") or None) if outlet else None)
        or OUTLET_TYPE_OF_KIND.get(kind),
        "outlet_country": (outlet.get("country") or None) if outlet else None,
        "kind": kind,
        "title": cleaned.title,
        "author": find_author(cleaned, kb, explicit_only=kind == "transcript"),
        "published": published.date,
        "published_precision": published.precision,
        "published_basis": published.basis,
        "language": detect_language(cleaned.body),
        "verdict": cleaned.verdict if kind == "fact-check" else None,
    }
