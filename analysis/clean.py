"""Stage 2 — clean: a scraped page's text → the article body, its comments and its links.

The page is read line by line.  Every line gets a *role* from general rules:

* vocabulary — widget, prompt, counter, comment-section and section-heading patterns from
  ``analysis/data/furniture.toml`` (a user extends them);
* shape — prose (a sentence: ends with terminal punctuation and has enough words), title-like
  (short, mostly capitalised words, no full stop), stamps (short lines holding a date), bylines;
* repetition — a short non-sentence line seen twice is a headline, caption or widget; a caption is
  recognised by the same text with and without a photo credit;
* position — the article runs from the first to the last prose line before the comment section;
  what precedes it is the ``head`` (title, stamps, bylines, kickers), what follows the ``tail``;
* link density — lines made of links (navigation, related lists) are not article text.

The body is normalised before it is final (NBSP → space, indentation removed, markdown link syntax
reduced to its label, hard-wrapped lines re-joined), so every offset computed later points into it.

Besides the body, ``clean_page`` returns what the metadata stage needs: the ``head`` (title,
stamps, datelines, bylines, kickers, a fact-check's claim-box labels and verdict line), the
``tail`` (credits, signatures, related headlines, tags), the ``widgets`` removed (site markers
such as "Support SouthFront"), reader ``comments`` and every ``link`` with its relation and date.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from itertools import pairwise
from typing import Any

from analysis.dates import find_dates
from analysis.knowledge import Knowledge

# ----------------------------------------------------------------------------- data classes


@dataclass
class Cleaned:
    body: str  # article paragraphs joined by a blank line; offsets of every row point here
    title: str | None = None
    head: list[str] = field(default_factory=list)  # lines before the body (stamps, bylines, kicker)
    tail: list[str] = field(default_factory=list)  # lines after the body that are not comments
    comments: list[dict[str, Any]] = field(default_factory=list)  # position, author, text
    links: list[dict[str, Any]] = field(default_factory=list)  # relation, label, url, date
    verdict: str | None = None  # a fact-check rating line, as printed
    dateline: str | None = None  # "CITY (Agency) –" opening the first paragraph
    widgets: list[str] = field(default_factory=list)  # page-widget lines removed (site markers)
    signature: str | None = None  # social handle signed at the end of the article ("@TaraCopp")
    profile: str | None = None  # the account whose posts the page shows (name above its @handle)
    poster: str | None = None  # the user named in the first post's user card, by its stamp
    date_headings: list[str] = field(default_factory=list)  # headings that are a date (digest days)
    site_urls: list[str] = field(
        default_factory=list
    )  # links around the article (menus, share bars)


@dataclass(slots=True)
class Line:
    """One line of the page after normalisation."""

    index: int
    text: str  # display text: markdown marks removed, links reduced to their labels
    raw: str  # normalised source line (markdown kept)
    blanks_before: int
    heading: int = 0  # markdown heading level
    item: bool = False  # list item ("1. ", "* ", "- ")
    links: list[tuple[str, str]] = field(default_factory=list)
    link_chars: int = 0
    role: str = "other"
    section: str | None = None  # 'source' / 'related' for such a section heading
    signature: str | None = None  # a social handle that was glued to the end of the line
    spread: bool = False  # items set apart by wide gaps in the source (a navigation bar)


# ----------------------------------------------------------------------------- fixed rules

# Spaces other than " " (NBSP, en/em/thin… spaces, tab, form feed, vertical tab) and invisible
# characters (zero-width spaces and joiners, word joiner, BOM, soft hyphen).
SPACE_CHARACTERS = "\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000\t\f\v"
INVISIBLE_CHARACTERS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
SPACES = re.compile(f"[{re.escape(SPACE_CHARACTERS)}]")
INVISIBLE = re.compile(f"[{re.escape(INVISIBLE_CHARACTERS)}]")
SPACES_OR_INVISIBLE = re.compile(f"{SPACES.pattern}|{INVISIBLE.pattern}")
HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*#*\s*$")
HASHTAGS = re.compile(r"\s*#\w+(?:\s+#\w+)+\s*")  # "#Syria #Russia #AirPower": tags, no heading
LIST_ITEM = re.compile(r"^(?:\d{1,3}[.)]|[*•·▪►-])\s+")
MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
MD_LINK = re.compile(r"\[([^\[\]]*)\]\(\s*([^()\s]+(?:\([^()\s]*\)[^()\s]*)*)\s*\)")
BARE_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]\"'“”]+[^\s<>()\[\]\"'“”.,;:!?]")
EMPHASIS_TAIL = re.compile(r"\s+_[^_]{1,200}_\s*$")
WORD = re.compile(r"[^\W\d_][\w'’.-]*")
SENTENCE_END = re.compile(r"[.!?。！？…][\"”’»)\]]*$")
_SENTENCE_ENDERS = frozenset(".!?。！？…")
_SENTENCE_CLOSERS = '"”’»)]'
CONTINUES = re.compile(
    r"(?:[,;(“\"‘–—-]|\b(?:a|an|the|and|or|but|of|in|on|at|to|for|with|by|from|as|that|its|is|was|"
    r"were|are|be|been|has|have|had|said|says|not|it|this|their|his|her|our|who|which|would|will|"
    r"could|than|into|over|after|before))$",
    re.IGNORECASE,
)
TITLE_END = re.compile(r"[?!][\"”’»)\]]*$")


def ends_sentence(text: str) -> bool:
    """``SENTENCE_END.search(text)`` as a truth value, from the text's end alone: the pattern
    scans every character of a paragraph for the one place it can match.  (``$`` also matches
    before a final newline.)"""
    if text.endswith("\n") and _ends_sentence_at_end(text[:-1]):
        return True
    return _ends_sentence_at_end(text)


def _ends_sentence_at_end(text: str) -> bool:
    stripped = text.rstrip(_SENTENCE_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_ENDERS


STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "vs",
        "via",
        "over",
        "into",
        "its",
        "than",
        "that",
        "this",
        "not",
        "no",
        "but",
        "up",
        "out",
        "off",
        "about",
        "after",
        "before",
        "amid",
        "against",
        "under",
        "between",
    ]
)
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE_TEXT = re.compile(
    rf"(?:\d{{1,2}}\s*{MONTH},?\s*\d{{4}}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b|{MONTH}\s+\d{{4}}"
    rf"|\b{MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}:\d{{2}}\b)",
    re.IGNORECASE,
)
DATELINE_UPPER = re.compile(
    r"^(?P<dateline>[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{1,40}[A-ZÀ-Ý](?:,\s*[A-ZÀ-Ý][\w .'’-]{1,30}?)?"
    r"(?:,\s*[\w .,]{2,25}?)?\.?\s*(?:\([^()]{2,40}\)|/[^/]{2,30}/)?\.?\s*[–—-]{1,2})\s+"
)
DATELINE_AGENCY = re.compile(
    r"^(?P<dateline>[A-ZÀ-Ý][\w .'’-]{1,40}?(?:,\s*[\w .]{2,25}?)?\.?\s*"
    r"(?:\([^()]{2,40}\)|/[^/]{2,30}/)(?:\.\s*[–—-]{0,2}|\s*[–—-]{1,2}))\s+"
)
URL_DATE_DAY = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?=[/._-]|$)")
URL_DATE_COMPACT = re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})(?=[/._-]|$)")
URL_DATE_MONTH = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})(?=/)")
ISO_DATE = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")
STAMP_WORDS = re.compile(
    r"\b(?:posted|updated|published|modified|last|ago|min read|am|pm|gmt|utc|edt|est|et|msk|cet|"
    r"bst|mon|tue|wed|thu|fri|sat|sun)\b",
    re.IGNORECASE,
)
# A print edition's issue and page numbers beside the date ("No. 12 of 24.01.2017, page 1", "Issue
# 45, 3 March 2016, p. 2"): a print archive's issue line, a stamp and never the headline.
PRINT_ISSUE = re.compile(r"(?:\b(?:no|nr|issue|vol|volume|page|pp?)\.?|№)\s*\d", re.IGNORECASE)
READING_TIME = re.compile(
    r"\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read|(?:reading|read) time:?\s*\d+\s*min(?:ute)?s?\.?",
    re.IGNORECASE,
)
WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
INITIAL_END = re.compile(r"(?:^|\s)[A-ZÀ-Ý]\.$")
NAV_SEPARATOR = re.compile(r"\s+[|/›»>·•]\s+")
NAV_SEPARATOR_CHAR = re.compile(r"[|/›»>·•]")
CAMEL = re.compile(r"[A-Z][a-z]+")
NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÝА-Я][\w.'’-]*|[a-z]{1,3}|@?[\w.-]+\d[\w.-]*|@[\w.-]+)$")

DIGIT = re.compile(r"\d")
RATING_AFTER_ARTICLE = 6  # lines after the article where a closing rating line may stand
RATING_LEAD = re.compile(r"([^.!:—–]{2,40})(?:[.!:]|\s[—–])")  # "Unsupported. Both …"
BYLINE_TRAILER = re.compile(r"\s+(?:on|at|for|in|from|updated|published)\s+(?=[A-Z0-9])")
BYLINE_HONORIFICS = frozenset(
    ["sen", "senator", "rep", "representative", "dr", "prof", "professor", "gen", "general",
     "col", "colonel", "adm", "admiral", "amb", "ambassador", "gov", "governor", "mr", "mrs",
     "ms", "lt", "maj", "capt", "sir", "hon"]
)  # fmt: skip
NAME_PARTICLES = frozenset({"and", "de", "van", "von", "al", "bin", "der", "la", "le", "da"})
TAIL_WINDOW = 160  # characters at a line's end searched for a photo credit or a social handle
MAX_PROMPT_CHARS = 250  # a sign-up or cookie prompt is never longer than this
CREDIT_HINTS = ("photo", "image", "picture", "credit", "/")
ARTICLE, HEAD, TAIL, DROP = "article", "head", "tail", "drop"


def normalise_text(text: str) -> str:
    """NBSP and other spaces → space, invisible characters removed, lines stripped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():  # the same result: the only ASCII characters of SPACES, none of INVISIBLE
        text = text.replace("\t", " ").replace("\f", " ").replace("\v", " ")
    else:
        text = _replace_odd_spaces(text)
    while "  " in text:  # = MULTISPACE.sub(" ", text): each pass halves every run of spaces
        text = text.replace("  ", " ")
    return "\n".join([line.strip() for line in text.split("\n")])


def _replace_odd_spaces(text: str) -> str:
    """``INVISIBLE.sub("", SPACES.sub(" ", text))``: a character test per odd space (a fast
    scan each) and a replacement only for those present — a page holds one or two kinds (NBSP,
    mostly), and two pattern substitutions cost several times more."""
    for character in SPACE_CHARACTERS:
        if character in text:
            text = text.replace(character, " ")
    for character in INVISIBLE_CHARACTERS:
        if character in text:
            text = text.replace(character, "")
    return text


# ----------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class Rules:
    """The furniture vocabulary compiled once per knowledge fingerprint."""

    max_widget_chars: int
    widget: re.Pattern[str]
    widget_run: re.Pattern[str]  # a bar of several widget words set apart by wide gaps
    prompt: re.Pattern[str] | None
    counter: re.Pattern[str]
    notice_opening: re.Pattern[str]  # a consent or ad-blocker notice's first words, any length
    series_tag: re.Pattern[str]
    credit: re.Pattern[str]
    caption_label: re.Pattern[str]  # "Image caption: …" opening a line of its own
    handle: re.Pattern[str]
    comment_start: re.Pattern[str]
    comment_widget: re.Pattern[str]
    author_suffix: re.Pattern[str]
    author_prefix: re.Pattern[str]
    source_heading: re.Pattern[str]
    related_heading: re.Pattern[str]
    credit_line: re.Pattern[str]
    bylines: tuple[re.Pattern[str], ...]
    anonymous_byline: re.Pattern[str]
    speaker: re.Pattern[str]
    rating: re.Pattern[str]
    labelled_rating: re.Pattern[str]
    closing_rating: re.Pattern[str]
    today_bar: re.Pattern[str]  # a part of a bar with today's date, a rate, the weather
    claim_box: re.Pattern[str]  # a line of a fact-check's claim box ("Claim: …", "Verdict: …")
    title_label: re.Pattern[str]  # a label over a record's subject line ("Agenda")
    headline_note: re.Pattern[str]  # "… under the headline "X"" under the article
    verdict_labels: frozenset[str]
    menu_words: frozenset[str] = frozenset()
    institution_words: frozenset[str] = frozenset()
    greeting: re.Pattern[str] = re.compile(r"(?!x)x")  # "Hi all," opening a letter
    member_card: re.Pattern[str] = re.compile(r"(?!x)x")  # "Senior Member" under a poster
    # "Dana Whitfield • 2nd": a network's post card, the poster's name before the badge
    connection_card: re.Pattern[str] = re.compile(r"(?!x)x")
    outlet_names: frozenset[str] = frozenset()  # every publisher name of outlets.toml, folded
    # Per prompt pattern: the lower-case ASCII strings one of which each of its matches
    # contains (None: unknown) and the pattern alone — see ``_is_prompt``.
    prompt_parts: tuple[tuple[tuple[str, ...] | None, re.Pattern[str]], ...] = ()
    prompt_literals: tuple[str, ...] | None = None  # every part's required literals


_RULES: dict[str, Rules] = {}
PUNCT = r"[\s.:;!,…|›»>-]*"


def _alternation(patterns: list[str], *, whole: bool = True) -> str:
    body = "|".join(f"(?:{p})" for p in patterns) or r"(?!x)x"
    return f"(?:{body}){PUNCT}" if whole else f"(?:{body})"


def _full(patterns: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(_alternation(patterns), flags)


def _searcher(patterns: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """An alternation for ``search``, led by a look-ahead for the characters a match can start
    with (see ``first_letter_lookahead``)."""
    alternation = _alternation(patterns, whole=False)
    return re.compile(first_letter_lookahead(patterns, flags) + alternation, flags)


def first_letter_lookahead(patterns: list[str], flags: int = re.IGNORECASE) -> str:
    """``(?=[…])`` holding the characters one of which starts every match of any of
    ``patterns`` ("" when a pattern does not tell).  Put in front of an alternation that is
    searched, it lets the regex engine skip other positions quickly (a case-insensitive
    alternation is otherwise tried in full at every character); the matches are the same."""
    starts: set[str] = set()
    for pattern in patterns:
        first = _first_characters(pattern, flags)
        if not first:
            return ""
        starts |= first
    return f"(?=[{''.join(re.escape(c) for c in sorted(starts))}])"


def _first_characters(pattern: str, flags: int) -> set[str] | None:
    """The characters one of which starts every match of ``pattern``; None when unknown."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]  # stdlib regex parser

        items = list(_parser.parse(pattern, flags))
    except Exception:  # an unusual pattern or another Python: no look-ahead, same results
        return None
    return _first_of(items, _constants)


MIN_LITERAL = 3  # shorter required strings are too common to rule a line out


def required_literals(pattern: str, flags: int = re.IGNORECASE) -> tuple[str, ...] | None:
    """Lower-case ASCII strings, one of which occurs in every match of ``pattern`` (None when
    the pattern does not tell).  Testing ``literal in line.lower()`` for these is far cheaper
    than searching a case-insensitive pattern, and it rules out exactly the lines the pattern
    cannot match (unless they hold one of ``ASCII_FOLDS``)."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]  # stdlib regex parser

        items = list(_parser.parse(pattern, flags))
    except Exception:  # an unusual pattern or another Python: no pre-filter, same results
        return None
    found = _required_in(items, _constants)
    if not found or not all(literal.isascii() for literal in found):
        return None
    return tuple(sorted(literal.lower() for literal in found))


def _prompt_parts(
    patterns: list[str],
) -> tuple[tuple[tuple[str, ...] | None, re.Pattern[str]], ...]:
    return tuple((required_literals(p), re.compile(p, re.IGNORECASE)) for p in patterns)


def _any_literal(
    parts: tuple[tuple[tuple[str, ...] | None, re.Pattern[str]], ...],
) -> tuple[str, ...] | None:
    """Every part's required literals together (None when a part has none): a line holding
    none of them matches no part."""
    if any(literals is None for literals, _pattern in parts):
        return None
    every = sorted({literal for literals, _pattern in parts for literal in literals or ()})
    return tuple(every) if every else None


def _holds_any(text: str, literals: tuple[str, ...]) -> bool:
    """Whether ``text`` contains one of ``literals`` (a loop of ``in`` tests: faster than an
    alternation of the literals, which the regex engine tries at nearly every position)."""
    for literal in literals:  # noqa: SIM110 — any() with a generator costs a third more here
        if literal in text:
            return True
    return False


def _required_in(items: list[Any], k: Any) -> set[str] | None:
    """The best set of literals (one of them in every match) a sequence of parsed items
    offers: a run of literal characters, or a group whose every branch has one."""
    options: list[set[str]] = []
    run: list[str] = []
    for op, argument in [*items, (None, None)]:
        if op is k.LITERAL:
            run.append(chr(argument))
            continue
        if len(run) >= MIN_LITERAL:
            options.append({"".join(run)})
        run = []
        if op is k.SUBPATTERN and not argument[1] and not argument[2]:
            inner = _required_in(list(argument[3]), k)
            if inner is not None:
                options.append(inner)
        elif op is k.BRANCH:
            branches = [_required_in(list(branch), k) for branch in argument[1]]
            if all(b is not None for b in branches):
                options.append(set().union(*branches))  # type: ignore[arg-type]
    if not options:
        return None
    return max(options, key=lambda o: (min(map(len, o)), -len(o)))


# The only non-ASCII characters that a case-insensitive pattern lets match an ASCII character
# (İ ı ſ K: Python's regex case folding differs from ``str.lower`` for them alone).
ASCII_FOLDS = "\u0130\u0131\u017f\u212a"


def _is_prompt(text: str, rules: Rules) -> bool:
    """``rules.prompt.search(text)`` as a truth value (the alternation matches where one of its
    patterns does), searching only the patterns whose required literals the lower-cased line
    holds — most lines hold none."""
    assert rules.prompt is not None
    if not text.isascii() and any(character in text for character in ASCII_FOLDS):
        return bool(rules.prompt.search(text))
    lowered = text.lower()
    if rules.prompt_literals is not None and not _holds_any(lowered, rules.prompt_literals):
        return False
    return any(
        pattern.search(text)
        for literals, pattern in rules.prompt_parts
        if literals is None or any(literal in lowered for literal in literals)
    )


def _first_of(items: list[Any], k: Any) -> set[str] | None:
    if not items:
        return None
    op, argument = items[0]
    if op is k.LITERAL:
        return {chr(argument)}
    if op is k.IN:
        if not all(o is k.LITERAL for o, _ in argument):
            return None  # ranges, classes, negations: not worth telling
        return {chr(a) for _, a in argument}
    if op is k.SUBPATTERN:
        _group, add_flags, del_flags, sub = argument
        return None if add_flags or del_flags else _first_of(list(sub), k)
    if op is k.BRANCH:
        found: set[str] = set()
        for branch in argument[1]:
            first = _first_of(list(branch), k)
            if not first:
                return None
            found |= first
        return found
    return None


def _outlet_names(kb: Knowledge) -> frozenset[str]:
    """Every name, alias, marker and domain of ``outlets.toml``, case-folded."""
    return frozenset(
        str(term).casefold()
        for outlet in kb.outlets.get("outlet", [])
        if isinstance(outlet, dict)
        for key in ("name", "aliases", "markers", "domains")
        for term in ([outlet.get(key)] if key == "name" else outlet.get(key, []))
        if term and any(ch.isalpha() for ch in str(term))
    )


MASTHEAD_PART = re.compile(r"\s*(?:\||\s[–—-])\s*")  # "StopFake.org | Struggle …", "SANA - …"


def is_masthead(text: str, rules: Rules) -> bool:
    """A line that opens with a publisher's name of ``outlets.toml``, alone or before its motto
    after a bar or dash ("RIA NOVOSTI", "U.S. Department of State", "Office of the Press
    Secretary", "The Ministry of Foreign Affairs of the Russian Federation", "StopFake.org |
    Struggle against fake information…"): the site's banner, never a headline."""
    first = MASTHEAD_PART.split(text.strip(), maxsplit=1)[0].strip(" .:").casefold()
    if first in rules.outlet_names or first.removeprefix("the ") in rules.outlet_names:
        return True
    # a name with a dash of its own ("COMBINED JOINT TASK FORCE - OPERATION INHERENT RESOLVE")
    return first != text and text.strip(" .:").casefold() in rules.outlet_names


def rules_for(kb: Knowledge) -> Rules:
    """Compiled vocabulary for ``kb`` (cached by the knowledge fingerprint)."""
    cached = _RULES.get(kb.fingerprint)
    if cached is not None:
        return cached
    f = kb.furniture
    sections = f.get("sections", {})
    factcheck = f.get("factcheck", {})
    prompts = f.get("prompts", [])
    prompt_parts = _prompt_parts(prompts)
    rules = Rules(
        max_widget_chars=int(f.get("max_widget_chars", 90)),
        widget=_full(f.get("widgets", [])),
        widget_run=re.compile(
            rf"{_alternation(f.get('widgets', []), whole=False)}"
            rf"(?:\s+(?:[|•·]\s+)?{_alternation(f.get('widgets', []), whole=False)})*{PUNCT}",
            re.IGNORECASE,
        ),
        prompt=_searcher(prompts) if prompts else None,
        counter=_full(f.get("counters", [])),
        notice_opening=_searcher(f.get("notice_openings", [])),  # first letters from the data
        series_tag=re.compile(rf".{{3,90}}\s*{f.get('series_tag', r'(?!x)x')}\s*$"),
        credit=re.compile(
            rf"\s*(?:{_alternation(f.get('credits', []), whole=False)})\s*\.?$", re.I
        ),
        caption_label=re.compile(
            rf"{_alternation(f.get('caption_labels', []), whole=False)}\s*:\s*\S", re.IGNORECASE
        ),
        handle=re.compile(rf"\s*{f.get('social_handle', r'(?!x)x')}\s*$", re.IGNORECASE),
        comment_start=_full(f.get("comment_start", [])),
        comment_widget=_full(f.get("comment_widgets", [])),
        author_suffix=re.compile(f.get("comment_author_suffix", r"(?!x)x"), re.IGNORECASE),
        author_prefix=re.compile(f.get("comment_author_prefix", r"(?!x)x")),
        source_heading=_full(sections.get("source", [])),
        related_heading=_full(sections.get("related", [])),
        credit_line=_full(f.get("credit_lines", [])),
        bylines=tuple(re.compile(p, re.IGNORECASE) for p in f.get("bylines", [])),
        anonymous_byline=re.compile(
            rf"\b(?:{f.get('anonymous_bylines', r'(?!x)x')})\b", re.IGNORECASE
        ),
        # a rating before a fact-check's headline ("FALSE: …") is no speaker's label
        speaker=re.compile(
            rf"^(?!(?i:{_alternation([re.escape(r) for r in factcheck.get('ratings', [])], whole=False)})\s*:)"
            rf"(?:{f.get('speaker_turn', r'(?!x)x')})"
        ),
        rating=_full([re.escape(r) for r in factcheck.get("ratings", [])]),
        labelled_rating=re.compile(factcheck.get("labelled", r"(?!x)x"), re.IGNORECASE),
        closing_rating=re.compile(factcheck.get("closing", r"(?!x)x"), re.IGNORECASE),
        title_label=_full(f.get("title_labels", [])),
        headline_note=re.compile(
            _alternation(f.get("headline_notes", []), whole=False) + "$", re.IGNORECASE
        ),
        today_bar=_searcher(f.get("today_bar_parts", [])),
        claim_box=re.compile(
            rf"(?:{factcheck.get('claim_label', r'(?!x)x')})|(?:{factcheck.get('labelled', r'(?!x)x')})",
            re.IGNORECASE,
        ),
        verdict_labels=frozenset(str(w).lower() for w in factcheck.get("verdict_labels", [])),
        menu_words=frozenset(w.lower() for w in f.get("menu_words", [])),
        institution_words=frozenset(w.lower() for w in f.get("institution_words", [])),
        member_card=_full(f.get("member_cards", [])),
        connection_card=re.compile(
            r"(?P<name>[^\W\d_][^•·|]{2,60}?)\s*[•·]\s*(?i:"
            + _alternation(f.get("connection_badges", []), whole=False)
            + r")(?:\s*[•·].{0,40})?"
        ),
        greeting=re.compile(
            rf"{_alternation(f.get('greetings', []), whole=False)}\s*[,!:—–]", re.IGNORECASE
        ),
        outlet_names=_outlet_names(kb),
        prompt_parts=prompt_parts,
        prompt_literals=_any_literal(prompt_parts),
    )
    _RULES[kb.fingerprint] = rules
    return rules


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(text))


# ----------------------------------------------------------------------------- line shape


def is_title_like(text: str) -> bool:
    """Short, no full stop, and most content words capitalised (a headline or a label)."""
    if len(text) > 160 or text.endswith((".", ",", ";", ":")):
        return False
    words = _words(text)
    content = [w for w in words if w.lower() not in STOPWORDS]
    if not 2 <= len(words) <= 20 or len(content) < 2:
        return False
    capitalised = sum(1 for w in content if w[0].isupper() or w[0] in "'‘\"“")
    return capitalised / len(content) >= 0.75


def is_prose(text: str, rules: Rules) -> bool:
    """A sentence-shaped line: terminal punctuation and enough words, or simply long."""
    if rules.speaker.match(text) or len(text) >= 220:
        return True
    n_words = len(text.split())  # counted only for lines short enough to need it
    if n_words >= 25:
        return True
    if not ends_sentence(text):
        return False
    if TITLE_END.search(text) and is_title_like(text):
        return False  # a headline ending in "?" or "!"
    return n_words >= 6 or len(text) >= 40


STAMP_SEPARATORS = frozenset("|•·–—-")


def is_date_line(text: str) -> bool:
    """A short line that mostly consists of a date or time (a page stamp); the bars between a
    stamp's parts are no words ("Asked Jan 25, 2017 | Modified Jan 27, 2017 | Viewed 3k times")."""
    if len(text) > 80 or ends_sentence(text.rstrip(".")):
        return False
    words = text.split()
    if len(words) > 12 and sum(w not in STAMP_SEPARATORS for w in words) > 12:
        return False
    return bool(DIGIT.search(text)) and bool(DATE_TEXT.search(text))  # every date has a digit


def is_photo_credit(text: str, rules: Rules) -> bool:
    """A credit line on its own: "© Sputnik / Dmitry Vinogradov", "Photo: Reuters"."""
    if len(text) > 120:
        return False
    if text.startswith(("©", "(c)", "(C)")) and " / " in text:
        return True
    match = rules.credit.match(text)
    return bool(match and match.end() == len(text))


BREADCRUMB_SEPARATOR = re.compile(r"\s+[›»>]\s+")
BREADCRUMB_LABEL = re.compile(r"^[A-Z][\w ]{0,20}:\s+")  # "You are in: ", "Location: "
BREADCRUMB_MIN_PARTS = 4  # a long trail: "Home » Bureau of Public Affairs » Press Releases » 2016"
BREADCRUMB_PART_WORDS = 10


def is_nav_bar(text: str) -> bool:
    """Menu or breadcrumb: short items between separators ("Home | World | Middle East"), a long
    breadcrumb trail of four or more section names between "»" or "›", or a long menu of many
    short capitalised items ("Home | China | World | Business | Culture & Edu | Sci & Tech | …")."""
    if not NAV_SEPARATOR_CHAR.search(text):
        return False  # one part only
    parts = [p for p in NAV_SEPARATOR.split(text) if p.strip()]
    if len(parts) < 2:
        return False
    if len(text.split()) > 12:
        return is_breadcrumb_trail(text) or _is_long_menu(parts)
    return all(len(p.split()) <= 3 and not ends_sentence(p) for p in parts)


LONG_MENU_MIN_ITEMS = 6


def _is_long_menu(parts: list[str]) -> bool:
    """Six or more items of at most three words, each opening with a capital or a digit, none a
    sentence: a site's section menu, however many words it adds up to."""
    items = [p.strip() for p in parts]
    return len(items) >= LONG_MENU_MIN_ITEMS and all(
        (item[0].isupper() or item[0].isdigit())
        and len(item.split()) <= 3
        and not ends_sentence(item)
        for item in items
    )


def is_breadcrumb_trail(text: str) -> bool:
    """ "Home » Under Secretary for Public Diplomacy » Bureau of Public Affairs » … » 2016":
    every part a short label (no sentence), each starting with a capital or a digit; a label
    may introduce the trail ("You are in: Under Secretary … > Daily Press Briefings > 2016")."""
    parts = [p.strip() for p in BREADCRUMB_SEPARATOR.split(BREADCRUMB_LABEL.sub("", text, 1))]
    return len(parts) >= BREADCRUMB_MIN_PARTS and all(
        p
        and (p[0].isupper() or p[0].isdigit())
        and len(p.split()) <= BREADCRUMB_PART_WORDS
        and not ends_sentence(p)
        for p in parts
    )


TAG_LABEL = re.compile(r"(?:tags?|topics?|keywords?|filed under)\s", re.IGNORECASE)


def _labelled_list(text: str) -> bool:
    """A comma-separated list of three or more short items and no sentence ("Keywords Syria,
    Aleppo, Kerry, ceasefire"): after a tag label, the page's keywords."""
    parts = text.split(",")
    return len(parts) >= 3 and not ends_sentence(text) and all(len(p.split()) <= 4 for p in parts)


# A transcript's list of participants: a name in capitals, a rank or honours in brackets, then the
# office in ordinary case ("LT. GEN. FRANK HOLLIS (Ret.), Former Deputy Commander, …",
# "Moderator: RICHARD DALTON, Senior Fellow, …"): the article's text, no tag line, since the turns
# below name the speakers by surname alone.
PARTICIPANT_LINE = re.compile(
    r"(?:[A-Z][a-z]+:\s+)?[A-Z][A-Z.'’\-]*(?:\s+[A-Z][A-Z.'’\-]*)+(?:\s+\([^()]{1,20}\))?,\s+[A-Z][a-z]"
)


# A live blog's entry heading in bold, its time first and then who or what the entry is about
# ("**13:47 Pentagon spokesman Peter Cook**"): the article's text, not a date stamp.
LIVE_ENTRY_HEADING = re.compile(
    r"\*\*\d{1,2}[:.]\d{2}\s+(?:GMT\s+|BST\s+|CET\s+|UTC\s+)?[A-Z][^*\n]{2,100}\*\*"
)


def is_tag_line(text: str) -> bool:
    """A comma-separated list of capitalised names without a verb (topic tags)."""
    if HASHTAGS.fullmatch(text):
        return True
    parts = [p.strip() for p in text.split(",")]
    if len(parts) < 3 or ends_sentence(text):
        return False
    return all(p and p[0].isupper() and len(p.split()) <= 5 for p in parts)


def strip_credit(text: str, rules: Rules) -> tuple[str, bool]:
    """The caption without a trailing photo credit, and whether one was there."""
    offset = max(0, len(text) - TAIL_WINDOW)  # a credit is short: search only the line's end
    if not _holds_any(text[offset:].lower(), CREDIT_HINTS):
        return text, False
    match = rules.credit.search(text, offset)
    if match and match.start() > 0:
        return text[: match.start()].rstrip(), True
    return text, False


def without_honorifics(words: list[str]) -> list[str]:
    """A name's words without the titles before it ("Sen.", "Dr"), keeping at least two."""
    while len(words) > 2 and words[0].lower().rstrip(".") in BYLINE_HONORIFICS:
        words = words[1:]
    return words


# Markdown emphasis around a phrase ("*By Anna Petrova*", "**Sputnik**", "_By the desk_"); an
# underscore inside a word (a user name) is no emphasis.
EMPHASIS = re.compile(r"(?<![\w*])(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?![\w*])")


def byline_name(text: str, rules: Rules) -> str | None:
    """The author named by a byline line, if the line is one."""
    if len(text) > 120:
        return None
    if "*" in text or "_" in text:
        text = EMPHASIS.sub(r"\2", text)
    for pattern in rules.bylines:
        match = pattern.fullmatch(text)
        if match and "handle" in pattern.groupindex:
            handle = match.group("handle")
            if _is_handle(handle) and not rules.anonymous_byline.search(handle):
                return handle
        elif match:
            name = BYLINE_TRAILER.split(match.group("name"), maxsplit=1)[0].strip(" .:-–—")
            words = without_honorifics(name.split())  # "By Sen. Lindsey Graham": Lindsey Graham
            if 1 <= len(words) <= 8 and all(
                w[0].isupper() or w.lower() in NAME_PARTICLES for w in words
            ):
                if rules.anonymous_byline.search(name):
                    return None
                shouting = all(w.isupper() for w in words if w.lower() not in NAME_PARTICLES)
                return " ".join(
                    w if w.lower() in NAME_PARTICLES else w.title() if shouting else w
                    for w in words
                )
    return None


def _is_handle(word: str) -> bool:
    """A user name as forums print it ("levant_ops_watcher", "kharkiv_kid", "warwatcher"), not
    a capitalised word or a small word of a phrase ("The Editors", "the desk")."""
    shaped = "_" in word or any(c.isdigit() for c in word) or word.islower()
    return shaped and word.lower() not in STOPWORDS


# ----------------------------------------------------------------------------- reading lines


def _parse_links(raw: str) -> tuple[str, list[tuple[str, str]], int]:
    """Display text (links → labels), the links, and how many characters were link text."""
    links: list[tuple[str, str]] = []
    if "[" not in raw and "http" not in raw and "www." not in raw:
        return raw.strip(), links, 0
    text = MD_IMAGE.sub("", raw)

    def keep_label(match: re.Match[str]) -> str:
        label = match.group(1).strip()
        links.append((label, match.group(2)))
        return label

    text = MD_LINK.sub(keep_label, text)
    link_chars = sum(len(label) for label, _ in links)
    for match in BARE_URL.finditer(text):
        links.append(("", match.group(0)))
        link_chars += len(match.group(0))
    return text.strip(), links, link_chars


def _split_blocks(lines: list[str]) -> list[tuple[list[str], int]]:
    """Blank-line separated blocks of lines, each with the number of blank lines before it."""
    blocks: list[tuple[list[str], int]] = []
    current: list[str] = []
    blanks = before = 0
    for line in lines:
        if not line:
            if current:
                blocks.append((current, before))
                current, blanks = [], 0
            blanks += 1
            continue
        if not current:
            before = blanks
        current.append(line)
    if current:
        blocks.append((current, before))
    return blocks


WRAPPED_LINE_CHARS = 45  # a hard-wrapped line fills most of its width
# A thread's comment header opens with the toggle that folds the comment away: "[–] name 5 points
# 1 hour ago".
COLLAPSE_TOGGLES = ("[–]", "[-]", "[+]")


def _wraps(line: str, following: str) -> bool:
    """Whether ``following`` continues ``line`` (a hard line break inside a sentence)."""
    return (
        len(line) >= WRAPPED_LINE_CHARS
        and not ends_sentence(line)
        and not line.endswith(":")
        and not _starts_structure(following)
        and (following[:1].islower() or bool(CONTINUES.search(line, len(line) - 20)))
    )


def _join_block(block: list[str], spread: frozenset[str] = frozenset()) -> list[str]:
    """Re-join a hard-wrapped paragraph; a block of headlines or widgets is left alone.

    Within a block that wraps, a line stays on its own after a short line (a wrapped line
    fills the width: a vote count above a post does not) or a comment's header ("[–] name 5
    points 1 hour ago"), and when it or the line before is laid out with wide gaps (the
    "submitted … by …   Flair" bar under a post's title)."""
    if len(block) < 2 or not any(_wraps(a, b) for a, b in pairwise(block)):
        return block
    if sum(is_title_like(line) for line in block) * 2 > len(block):
        return block
    joined = [block[0]]
    for previous, line in pairwise(block):
        if (
            _starts_structure(line)
            or RULE_LINE.fullmatch(previous)
            or len(previous) < WRAPPED_LINE_CHARS
            or previous.startswith(COLLAPSE_TOGGLES)
            or line in spread
            or previous in spread
            or (FIELD_LABEL.match(line) and FIELD_LABEL.match(previous))
        ):
            joined.append(line)
            continue
        glue = "" if joined[-1].endswith("-") and not joined[-1].endswith(" -") else " "
        joined[-1] = joined[-1] + glue + line
    return joined


# A record's labelled field opening a line ("Title: …", "Link: https://…", "pubDate: …"): two such
# lines in a row are fields of a block (a feed item, a memo's address block), not a wrapped sentence.
FIELD_LABEL = re.compile(r"[A-Za-z][\w-]{1,14}:\s+\S")


def _join_wrapped(lines: list[str], spread: frozenset[str] = frozenset()) -> list[tuple[str, int]]:
    """Source lines → (line, blank lines before it), hard-wrapped paragraphs re-joined."""
    result: list[tuple[str, int]] = []
    for block, before in _split_blocks(lines):
        for number, line in enumerate(_join_block(block, spread)):
            result.append((line, before if number == 0 else 0))
    return result


def _starts_structure(line: str) -> bool:
    return bool(
        HEADING.match(line)
        or LIST_ITEM.match(line)
        or line.startswith(("|", ">", "["))
        or RULE_LINE.fullmatch(line)
    )


# A horizontal rule ruling off a box ("-----", "=====", "* * *"): never part of a wrapped sentence.
RULE_LINE = re.compile(r"(?:[-=_*~#·•]\s?){3,}")


# Items set apart by two gaps of two or more spaces (or tabs), or one of three or more: a menu
# laid out from a list ("Contact Us   Get Email Updates"). The gaps are possessive (``++``): a
# run of spaces can be cut into two-space pieces in exponentially many ways, and a line with a
# long run and no second gap (a right-aligned document symbol) would otherwise never finish.
WIDE_GAPS = re.compile(r"\S(?: {2,}|\t)++\S.*?\S(?: {2,}|\t)++\S|\S(?: {3,}|\t)\S")
FULL_STOP_FINAL = re.compile(r"\.[\"'”’)]*$")


def spread_lines(text: str) -> frozenset[str]:
    """Source lines that set their items apart with wide gaps (a navigation bar rendered from a
    list), as they read once normalised. A line ending like a sentence is left out: prose typed
    with two spaces after each full stop is not a menu."""
    if "  " not in text and "\t" not in text:
        return frozenset()
    return frozenset(
        normalise_text(line)
        for line in text.replace("\r", "\n").split("\n")
        if ("  " in line or "\t" in line)  # every WIDE_GAPS match holds one: a cheap pre-test
        and WIDE_GAPS.search(line)
        and not ends_sentence(line.rstrip())
    )


_LIST_MARKS = frozenset("*•·▪►-")


def _may_be_list_item(text: str) -> bool:
    """Whether ``text`` starts like a ``LIST_ITEM`` (a digit or a bullet): most lines do not,
    and this test costs a fraction of the pattern's."""
    first = text[:1]
    return first in _LIST_MARKS or first.isdigit()  # isdigit: every character \d matches


def read_lines(text: str) -> list[Line]:
    """The page's non-blank lines with markdown structure and links parsed out."""
    result: list[Line] = []
    spread = spread_lines(text)
    for index, (raw, blanks) in enumerate(_join_wrapped(normalise_text(text).split("\n"), spread)):
        body = raw
        level = 0
        heading = (
            HEADING.match(raw) if raw.startswith("#") and not HASHTAGS.fullmatch(raw) else None
        )
        if heading:
            level, body = len(heading.group(1)), heading.group(2)
        item = _may_be_list_item(body) and bool(LIST_ITEM.match(body))
        if item:
            body = LIST_ITEM.sub("", body, count=1)
        display, links, link_chars = _parse_links(body)
        line = Line(index, display, raw, blanks, level, item, links, link_chars)
        line.spread = raw in spread
        result.append(line)
    return result


# ----------------------------------------------------------------------------- roles


def _is_widget(line: Line, rules: Rules) -> bool:
    text = line.text
    if not text:
        return True
    if len(text) <= rules.max_widget_chars and (
        rules.widget.fullmatch(text)
        or rules.counter.fullmatch(text)
        or (line.spread and rules.widget_run.fullmatch(text))  # "Share    Comment    Gift"
    ):
        return True
    if rules.prompt is not None and len(text) <= MAX_PROMPT_CHARS and _is_prompt(text, rules):
        return True
    if rules.notice_opening.match(text):
        return True  # a consent notice runs longer than any prompt ("We and our partners …")
    if "|" in text and len(text) <= rules.max_widget_chars and rules.today_bar.search(text):
        return True
    return bool(
        len(text) <= 100
        and text.endswith(")")
        and rules.series_tag.fullmatch(text)
        and is_title_like(text[: text.rfind("(")])
    )


def _section_of(line: Line, rules: Rules) -> str | None:
    """'source' / 'related' when the line is such a section heading."""
    text = line.text.strip("*_ ")
    if len(text) > 60 or (not line.heading and not text.endswith(":") and line.links):
        return None
    if rules.source_heading.fullmatch(text):
        return "source"
    if rules.related_heading.fullmatch(text):
        return "related"
    return None


MEMO_CHARS = 300  # lines up to this long (page furniture, mostly) have their roles remembered
MEMO_SIZE = 100_000
# id(rules) → (rules, line key → (text, signature, section, role)); holding the rules keeps
# their id from being reused.
_ROLE_MEMOS: dict[int, tuple[Rules, dict[tuple[Any, ...], tuple[Any, ...]]]] = {}


def _role_memo(rules: Rules) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    entry = _ROLE_MEMOS.get(id(rules))
    if entry is None or entry[0] is not rules:
        entry = _ROLE_MEMOS[id(rules)] = (rules, {})
    if len(entry[1]) > MEMO_SIZE:
        entry[1].clear()
    return entry[1]


def _assign_roles(lines: list[Line], rules: Rules) -> None:
    """Roles that depend on a line alone (vocabulary and shape).  A site's furniture comes
    back on every page ("Share this article:", "Notify of"): the outcome for a short line is
    remembered with everything it depends on (its text, whether it is a heading, its links'
    share, whether it was spread out)."""
    memo = _role_memo(rules)
    for line in lines:
        if len(line.text) > MEMO_CHARS:
            _assign_role(line, rules)
            continue
        key = (line.text, bool(line.heading), bool(line.links), line.link_chars, line.spread)
        known = memo.get(key)
        if known is None:
            _assign_role(line, rules)
            memo[key] = (line.text, line.signature, line.section, line.role)
        else:
            line.text, line.signature, line.section, line.role = known


def _assign_role(line: Line, rules: Rules) -> None:
    """The role of one line (see ``_assign_roles``)."""
    line.text, line.signature = _strip_signature(line.text, rules)
    text = line.text
    line.section = _section_of(line, rules)
    if line.section:
        line.role = "section"
    elif is_photo_credit(text, rules) or rules.caption_label.match(text):
        line.role = "caption"  # names a photo agency, not the publisher: not a widget
    elif _is_widget(line, rules):
        line.role = "widget"
    elif rules.credit_line.fullmatch(text):
        line.role = "credit"
    elif rules.handle.fullmatch(text):
        line.role = "handle"
    elif byline_name(text, rules):
        line.role = "byline"
    elif LIVE_ENTRY_HEADING.fullmatch(text):
        line.role = "prose"  # a live blog's entry: whose words the entry below quotes
    elif (
        (is_date_line(text) and not _is_listed_citation(text)) or READING_TIME.fullmatch(text)
    ) and not rules.speaker.match(text):
        line.role = "stamp"  # a reading time stands with the stamp: page head, not article
    elif is_nav_bar(text):
        line.role = "widget"
    elif line.links and line.link_chars >= 0.8 * max(len(text), 1) and not is_prose(text, rules):
        line.role = "linklist"
    elif is_prose(text, rules) or PARTICIPANT_LINE.match(text):
        line.role = "prose"
    elif is_tag_line(text) or ((line.spread or _labelled_list(text)) and TAG_LABEL.match(text)):
        line.role = "tags"  # "Syria, Russia, Kerry" or "TAGS  SYRIA  RUSSIA  JOHN KERRY"


def _mark_sections(lines: list[Line]) -> None:
    """Lines under a 'Source(s):' or 'Related:' heading are link lists, not article text."""
    current: str | None = None
    for line in lines:
        if line.role == "section":
            current = line.section
            continue
        if current is None:
            continue
        if line.heading or (line.blanks_before >= 2 and not line.item and not line.links):
            current = None
            continue
        if line.item or line.links or line.role in {"linklist", "other", "tags"}:
            line.role = f"{current}-item"
        elif current == "source" and line.role == "stamp" and _is_dated_citation(line.text):
            line.role = "source-item"  # "Turkish General Staff, statement of 7 March 2017"
        else:
            current = None


DATED_CITATION = re.compile(r"^[^\d,:]*?[^\W\d_]+\s+[^\W\d_]+[^\d,:]*,\s*\D*\d")


# a bullet, a dash or an en/em dash opening a list entry
LISTED_ENTRY = re.compile(r"^[–—*•·▪►-]\s+")


def _is_listed_citation(text: str) -> bool:
    """A list entry naming a text, then its date ("– Carter at the Senate Armed Services
    Committee, September 22 (transcript)"): a reading-list entry, not a page stamp (which has no
    bullet, or a stamp word or a byline: "• By Jane Doe, March 3", "– Updated Mon, 3 March")."""
    bullet = LISTED_ENTRY.match(text)
    if bullet is None:
        return False
    rest = text[bullet.end() :]
    return _is_dated_citation(rest) and not STAMP_WORDS.search(rest) and not BY_WORD.match(rest)


def _is_dated_citation(text: str) -> bool:
    """A source named before a comma, then its date: "Operation Inherent Resolve press briefing,
    8 March 2017" (not a page stamp, which opens with its date, a weekday or a label)."""
    return DATED_CITATION.match(text) is not None


def _mark_captions_and_repeats(lines: list[Line], rules: Rules, end: int) -> None:
    """Captions (same text with and without a photo credit) and repeated non-sentence lines."""
    keys: dict[str, list[Line]] = {}
    credited: set[str] = set()
    for line in lines[:end]:
        if line.role not in {"prose", "other", "tags", "stamp"}:
            continue
        key, had_credit = strip_credit(line.text, rules)
        key = key.casefold()
        keys.setdefault(key, []).append(line)
        if had_credit and len(line.text.split()) <= 60:
            credited.add(key)
    for key, group in keys.items():
        if key in credited:
            for line in group:
                line.role = "caption"
        elif len(group) >= 2 and group[0].role != "prose":
            for line in group:
                line.role = "repeat"


def _mark_related_runs(lines: list[Line], start: int, end: int) -> None:
    """Runs of two or more title-like lines inside the article are related-headline lists,
    unless the date stamp follows them: a name and an office signing the piece ("Dr Helen
    Marsh" / "Associate Fellow, Russia and Eurasia Programme" / "Published 14 March 2017")."""
    run: list[Line] = []
    for line in [*lines[start:end], None]:
        if line is not None and line.role in {"other", "linklist"} and is_title_like(line.text):
            run.append(line)
            continue
        if len(run) >= 2:
            signs = line is not None and line.role == "stamp"
            for member in run:
                member.role = "signature-block" if signs else "related-run"
        run = []


# ----------------------------------------------------------------------------- the article span


COMMENT_LOOKAHEAD = 6  # lines after a comment-section label that must look like a comment widget


def _comment_start(lines: list[Line], first_prose: int, rules: Rules) -> int:
    """The comment-section label ("Notify of", "43 Comments") after the article's first prose.

    A label only counts when a comment widget or a commenter's name line follows soon after,
    so a "Discussion" crosshead inside an analysis piece does not cut the article short.
    """
    for position in range(first_prose + 1, len(lines)):
        line = lines[position]
        if len(line.text) <= 80 and rules.comment_start.fullmatch(line.text):
            following = lines[position + 1 : position + 1 + COMMENT_LOOKAHEAD]
            if any(_looks_like_comment_widget(n, rules) for n in following):
                return position
    return len(lines)


def _looks_like_comment_widget(line: Line, rules: Rules) -> bool:
    text = line.text
    if len(text) <= rules.max_widget_chars and rules.comment_widget.fullmatch(text):
        return True
    return _is_author_line(text, rules) is not None


CORRECTION_NOTE = re.compile(
    r"(?:this (?:story|article|report) (?:has been|was) (?:corrected|updated)|correction:"
    r"|an earlier version of this)",
    re.IGNORECASE,
)
MASTHEAD_WORDS = 5  # a site name on the first line is short
TAGLINE_WORDS = 20
TAGLINE_LINES = 4  # the self-description sits right under the masthead


# "A fact-checking website produced by Voice of America …" right under a masthead.
SELF_DESCRIPTION = re.compile(
    r"(?:A|An)\s+(?:[\w-]+\s+){0,4}(?:web)?(?:site|newspaper|agency|magazine|journal|platform"
    r"|project|service|publication|outlet|news organi[sz]ation|initiative|blog)\b"
    # a motto naming what the site does and for whom ("Investigative journalism for Scotland
    # and beyond", "News from Germany and the world")
    r"|(?:[\w-]+\s+){0,3}(?i:journalism|news|reporting|fact[- ]checking)\s+(?:for|from|about)\s"
)


# The separator an e-mail program sets above a message it forwards ("---------- Forwarded
# message ---------", "Begin forwarded message:").
FORWARD_SEPARATOR = re.compile(
    r"-{2,}\s*forwarded message\s*-{2,}|begin forwarded message:?", re.IGNORECASE
)
FORWARD_NOTE_LINES = 8  # how far down a forwarded message's separator may stand


def _mark_forwarding_note(lines: list[Line]) -> None:
    """A forwarder's note above a forwarded message ("Worth reading the second item. -- M.") is
    no part of the page it forwards."""
    for position, line in enumerate(lines[:FORWARD_NOTE_LINES]):
        if FORWARD_SEPARATOR.fullmatch(line.text.strip()):
            for above in lines[:position]:
                above.role = "widget"
            return


def _mark_tagline(lines: list[Line], rules: Rules) -> None:
    """A site's self-description under its masthead ("Full Fact is the UK's independent fact
    checking charity.", "The Hill's forum for lawmakers …") is page furniture, however much it
    reads like a sentence; a rating the checker labels with its name ("CHECK DESK VERDICT:
    FALSE") is not."""
    if not lines:
        return
    masthead = lines[0].text.strip().lower()
    if not masthead or len(masthead.split()) > MASTHEAD_WORDS:
        return
    for position, line in enumerate(lines[1:TAGLINE_LINES], start=1):
        lowered = line.text.strip().lower()
        follows = lowered[len(masthead) : len(masthead) + 1]
        if len(lowered.split()) > TAGLINE_WORDS or (
            ":" in lowered and rules.labelled_rating.search(line.text)
        ):
            continue
        if (
            (lowered.startswith(masthead) and follows in {" ", "'", "’"})
            or (position == 1 and SELF_DESCRIPTION.match(line.text.strip()))
            or BOAST.fullmatch(line.text.strip(" .!"))
        ):
            line.role = "widget"


# A site's or programme's boast under its masthead, the whole line ("Australia's most informative
# current affairs program", "The nation's most trusted news source", "Your number one news site").
BOAST = re.compile(
    r"(?:(?:The\s+)?[\w-]+['’]s\s+|The\s+|Your\s+)?"
    r"(?:most\s+(?:informative|trusted|popular|respected|read|watched|listened-to|influential"
    r"|comprehensive|reliable|authoritative)|leading|best|number\s+one|No\.?\s?1|favou?rite)\s+"
    r"(?:[\w-]+\s+){0,3}(?:program(?:me)?|show|newspaper|news\s?paper|(?:web)?site|station"
    r"|source|podcast|magazine|channel|broadcaster|daily|weekly|voice|network)"
)


PROFILE_HANDLE = re.compile(r"@[A-Za-z0-9_]{2,32}")
AUDIENCE = re.compile(r"\d[\d.,\s]*[kKmM]?\s*(?:subscribers|followers|members)", re.IGNORECASE)
PROFILE_LINES = 8  # an account's header opens the page
AUDIENCE_REACH = 3  # lines from the handle to the audience count
PROFILE_NAME_WORDS = 6


def _mark_profile_header(lines: list[Line]) -> str | None:
    """The header of a feed of one account's posts (a channel's or profile's page: "Levant
    Front Notes" / "@levantfrontnotes" / "18 532 subscribers" / its self-description): the
    name above the handle is the account's, which writes the posts; the self-description
    near the audience count is the account's furniture, not a headline."""
    for position, line in enumerate(lines[1:PROFILE_LINES], start=1):
        if not PROFILE_HANDLE.fullmatch(line.text.strip()):
            continue
        reach = lines[position + 1 : position + 1 + AUDIENCE_REACH]
        audience = next(
            (i for i, x in enumerate(reach) if AUDIENCE.fullmatch(x.text.strip())), None
        )
        name = lines[position - 1].text.strip()
        if audience is None or not _may_be_an_account_name(name):
            return None
        reach[audience].role = "widget"
        for described in lines[position + 1 : position + audience + 3]:
            if described.role in {"other", "prose"}:
                described.role = "standfirst"
        return name
    return None


CHANNEL_CARD_REACH = 3  # lines from a channel's audience count to the post's stamp


def _channel_over_audience(lines: list[Line], rules: Rules) -> str | None:
    """The channel that posted a video or post, named over its audience count right above the
    post's stamp ("Frontline Brief" / "84.1K subscribers" / "SUBSCRIBE" / "Published on Jun 20,
    2016"): the account writes what it posts, whatever its name (no person's)."""
    for position, line in enumerate(lines[1 : PROFILE_LINES + 2], start=1):
        if not AUDIENCE.fullmatch(line.text.strip()):
            continue
        name = lines[position - 1]
        below = lines[position + 1 : position + 1 + CHANNEL_CARD_REACH]
        stamped = next((x for x in below if x.role != "widget"), None)
        if (
            name.role == "other"
            and _may_be_an_account_name(name.text.strip())
            and not is_masthead(name.text, rules)
            and stamped is not None
            and stamped.role == "stamp"
        ):
            return name.text.strip()
    return None


POST_CARD_STAMPS = 3  # the first post's stamp is one of the page's first stamps
CREDENTIAL_WORDS = 16  # "Former USAF air battle manager, 2004–2016 · Lives in San Antonio, TX"


def _post_card_poster(lines: list[Line], rules: Rules) -> str | None:
    """The user who wrote the first post of a forum thread or a question-and-answer page, named
    in the post's user card beside its stamp: right under the stamp, over the member's rank or
    reputation ("Old 05-20-2017, 09:14 AM" / "Hornet_Driver_Ret" / "Senior Member"; "asked Jan
    25, 2017 at 8:14" / "Ondrej K." / "2,311 ● 4 ● 19"), or above it, a credential line at most
    between ("Greg Halvorsen" / "Former USAF air battle manager, 2004–2016 · Lives in San
    Antonio, TX" / "Answered October 14, 2017")."""
    first_prose = next((i for i, line in enumerate(lines) if line.role == "prose"), len(lines))
    for line in lines[:first_prose]:
        card = rules.connection_card.fullmatch(line.text.strip())
        if card and is_signed_name(card.group("name").strip(), rules):
            return card.group("name").strip()
    stamps = [i for i, line in enumerate(lines) if line.role == "stamp"][:POST_CARD_STAMPS]
    for position in stamps:
        below = lines[position + 1 : position + 3]
        if (
            len(below) == 2
            and _may_be_a_poster(below[0], rules)
            and rules.member_card.fullmatch(below[1].text.strip())
        ):
            return below[0].text.strip()
        for name_at in (position - 1, position - 2):
            between = lines[name_at + 1 : position]
            if (
                name_at >= 0
                and _may_be_a_poster(lines[name_at], rules)
                and all(_is_credential(line) for line in between)
            ):
                return lines[name_at].text.strip()
    return None


def _mark_connection_card(lines: list[Line], start: int, rules: Rules) -> None:
    """The poster's own headline under a network's post card ("Dana Whitfield • 2nd" /
    "Retired air battle manager | Lecturer"): the card's, not the post's title."""
    for position, line in enumerate(lines[:start]):
        if not rules.connection_card.fullmatch(line.text.strip()):
            continue
        below = lines[position + 1] if position + 1 < start else None
        if below is not None and below.role == "other":
            below.role = "widget"
        return


def _may_be_a_poster(line: Line, rules: Rules) -> bool:
    """A user's name or handle on a line of its own ("Ondrej K.", "Hornet_Driver_Ret")."""
    text = line.text.strip()
    if line.role not in {"other", "repeat"} or not text:  # a poster who posts again: a repeat
        return False
    if " " in text and not is_signed_name(text, rules):
        return False
    return " " in text or (_is_handle(text) and HANDLE_SHAPE.fullmatch(text) is not None)


HANDLE_SHAPE = re.compile(r"[A-Za-z][\w-]{2,30}")  # "Hornet_Driver_Ret", never a domain


CREDENTIAL_MIN_WORDS = 4


def _is_credential(line: Line) -> bool:
    """A poster's credential under the name: a short line in ordinary case, no sentence
    ("Former USAF air battle manager, 2004–2016 · Lives in San Antonio, TX"), never a kicker
    or masthead in title case ("For Immediate Release", "Weekly Syria Monitor")."""
    text = line.text.strip()
    return (
        line.role == "other"
        and not line.spread  # a menu set apart by wide gaps ("Home   Explore   Log in")
        and CREDENTIAL_MIN_WORDS <= len(text.split()) <= CREDENTIAL_WORDS
        and not ends_sentence(text)
        and not is_title_like(text)
    )


def _may_be_an_account_name(text: str) -> bool:
    words = text.split()
    return (
        1 <= len(words) <= PROFILE_NAME_WORDS
        and not SENTENCE_END.search(text)
        and not DIGIT.search(text)
        and text[0].isupper()
    )


# A blog post's stamp naming its poster ("eastern_front_notes (eastern_front_notes) wrote,
# November 27th, 2015, 10:52 pm", "warwatcher wrote,"): the user name, or the one in brackets
# after the journal's display name.
POSTER_STAMP = re.compile(
    r"(?:(?P<display>[^()]{1,40}?)\s+\()?(?P<handle>[A-Za-z0-9][\w.-]{1,30}?)\)?\s+wrote,\s*"
)


def poster_of(text: str) -> str | None:
    """The user name a blog post's stamp credits ("… (eastern_front_notes) wrote, …"), if it
    is a user name ("Putin wrote," is a sentence of the story, not a stamp)."""
    match = POSTER_STAMP.match(text)
    if match is None:
        return None
    handle = match.group("handle")
    return handle if _is_handle(handle) else None


def _mark_journal_masthead(lines: list[Line], first_prose: int) -> None:
    """A blog's name line above the post, opening with the poster's user name before a dash
    ("eastern_front_notes — Notes from the eastern front" over "eastern_front_notes
    (eastern_front_notes) wrote, …"): the journal's masthead, not the post's headline."""
    head = lines[:first_prose]
    posters = {poster.casefold() for line in head if (poster := poster_of(line.text))}
    if not posters:
        return
    for line in head:
        parts = MASTHEAD_PART.split(line.text.strip(), maxsplit=1)
        if line.role == "other" and len(parts) == 2 and parts[0].casefold() in posters:
            line.role = "widget"


BIO_WORDS = 30  # an author's one-line biography is short
BIO_REACH = 2  # lines from the author's name to the biography


def _mark_author_bio(lines: list[Line], rules: Rules) -> None:
    """A blog platform's author card above the headline — the author's name, perhaps a "Follow"
    button, a one-line biography, then the date stamp ("Dana Whitlock" / "Follow" / "Former DIA
    analyst. I write about …" / "Oct 3, 2015 · 7 min read"): the biography reads like a sentence
    but belongs to the page's head, not the article."""
    for position, line in enumerate(lines[:-1]):
        if line.role != "prose":
            continue
        if (
            len(line.text.split()) > BIO_WORDS
            or not line.text.rstrip().endswith(".")
            or lines[position + 1].role != "stamp"
            or position + 2 >= len(lines)
            or not is_title_like(lines[position + 2].text)
        ):
            return  # only the first prose line can be the card's biography, above a headline
        names = lines[max(0, position - BIO_REACH) : position]
        if any(other.role == "other" and is_signed_name(other.text, rules) for other in names):
            line.role = "other"
        return


def _span(lines: list[Line], limit: int) -> tuple[int, int]:
    """First to last prose line before ``limit``; a staff-credit footer ends the article."""
    first = next((i for i in range(limit) if lines[i].role == "prose"), limit)
    credit = next((i for i in range(first, limit) if lines[i].role == "credit"), limit)
    prose = [i for i in range(credit) if lines[i].role == "prose"]
    if prose:  # a correction note printed under the staff credit is part of the story
        prose += [
            i
            for i in range(credit, limit)
            if lines[i].role == "prose" and CORRECTION_NOTE.match(lines[i].text)
        ]
    limit = credit
    if not prose:
        kept = [i for i in range(limit) if lines[i].role in {"other", "tags", "stamp"}]
        return (kept[0], kept[-1] + 1) if kept else (0, 0)
    return prose[0], prose[-1] + 1


def _find_verdict(lines: list[Line], start: int, end: int, rules: Rules) -> Line | None:
    """A rating line near the top of the page: before the fourth prose line of the article."""
    prose_seen = 0
    for line in lines[: min(end, len(lines))]:
        if line.index > 40 or prose_seen >= 4:
            break
        text = line.text.strip("*_ ")
        if _is_rating(text, rules):
            return line
        match = rules.labelled_rating.fullmatch(text)
        if match and len(text) <= 60:
            return line
        if line.role == "prose" and line.index >= lines[start].index:
            prose_seen += 1
    return None


def _choose_title(lines: list[Line], start: int, end: int, rules: Rules) -> Line | None:
    """Markdown heading, else a headline-sized line before the article, else a repeated line.

    Section labels and site names above a headline are short, so a candidate of five words or
    more wins over a shorter one that comes first.
    """
    named = _headline_named_below(lines, start, end, rules)
    if named is not None:
        return named
    subject = _subject_above_greeting(lines, start, end, rules)
    if subject is not None:
        return subject
    for line in lines[:end]:
        if (
            line.heading
            and line.role in {"other", "prose", "repeat"}
            and len(line.text.split()) >= 3
            and not is_masthead(line.text, rules)
        ):
            return line
    above_byline = _line_above_byline(lines, start, rules)
    if above_byline is not None:
        return above_byline
    question = _question_headline(lines, start, rules)
    if question is not None:
        return question
    labelled = _title_on_labelled_line(lines, start, rules)
    if labelled is not None:
        return labelled
    candidates = _below_site_menu(
        [line for line in lines[:start] if _title_candidate(line, rules)], lines, start
    )
    for minimum in (5, 4):
        for line in candidates:
            if len(line.text.split()) >= minimum:
                return line
    counts: dict[str, int] = {}
    for line in lines[:end]:
        counts[line.text] = counts.get(line.text, 0) + 1
    repeated = [
        (position, line)
        for position, line in enumerate(lines[: min(end, 15)])
        if line.role == "repeat" and counts[line.text] >= 2 and is_title_like(line.text)
    ]
    signers = {  # a poster's name above the stamp, again in the replies, is no title
        line.text
        for position, line in repeated
        if _signs_above_stamp(lines, position, rules, SIGNED_NAME_REACH, role="repeat")
    }
    title = next((line for _, line in repeated if line.text not in signers), None)
    return (
        title
        or _labelled_title(lines, end, rules)
        or _headline_under_byline(lines, start, end, rules)
    )


GREETING_REACH = 2  # the greeting opens the letter: one of its first lines
GREETING_WORDS = 6
SUBJECT_WORDS = 16


def _subject_above_greeting(lines: list[Line], start: int, end: int, rules: Rules) -> Line | None:
    """The short line right above a letter's greeting ("The talking is over. Keep the hotline
    anyway." / "Hi all,"): a newsletter's subject, its headline, though it reads as a sentence
    and the newsletter's name stands over the author's "by" line above it."""
    for position in range(max(start, 1), min(end, start + GREETING_REACH + 1, len(lines))):
        text = lines[position].text.strip()
        if len(text.split()) > GREETING_WORDS or not rules.greeting.fullmatch(text):
            continue
        above = lines[position - 1]
        words = len(above.text.split())
        if (
            above.role in {"prose", "other"}
            and not above.item
            and HEADLINE_MIN_WORDS <= words <= SUBJECT_WORDS
            and not above.text.rstrip().endswith((":", ",", ";"))
            and not rules.greeting.fullmatch(above.text.strip())
            and not is_masthead(above.text, rules)
        ):
            return above
        return None
    return None


HEADLINE_UNDER_BYLINE_REACH = 6  # lines of a claim box and rating above a fact-check's byline


def _headline_under_byline(lines: list[Line], start: int, end: int, rules: Rules) -> Line | None:
    """A headline-shaped line right under the byline when a fact-check's claim box and rating
    open the page above both ("stated on … :" / the claim / "Pants on Fire!" / "By Jane Roe •
    February 22, 2017" / "No, the jets did not fly together"), and nothing above was a title."""
    last = min(end, start + HEADLINE_UNDER_BYLINE_REACH, len(lines) - 1)
    for position in range(start, last):
        line = lines[position]
        if not _signs(line):
            continue
        below = lines[position + 1]
        if _title_candidate(below, rules) and len(below.text.split()) >= HEADLINE_MIN_WORDS + 2:
            return below
        return None
    return None


BY_WORD = re.compile(r"^(?i:by)\s+[A-Z]")


def _signs(line: Line) -> bool:
    """A byline, or a stamp opening with one ("By Jane Roe • February 22, 2017")."""
    return line.role == "byline" or (line.role == "stamp" and BY_WORD.search(line.text) is not None)


HEADLINE_NOTE_REACH = 12  # lines from the article's last where such a note may stand


def _headline_named_below(lines: list[Line], start: int, end: int, rules: Rules) -> Line | None:
    """The line above the article that a note under it names as the headline ("This article
    appeared in the … section of the print edition under the headline "Strange bedfellows""):
    the page says which of its short head lines (fly-title, headline, section) is the headline."""
    for line in lines[max(start, end - 1) : end + HEADLINE_NOTE_REACH]:
        if "headline" not in line.text.lower():
            continue
        match = rules.headline_note.search(line.text.strip())
        if match is None or not match.group("headline"):
            continue
        named = match.group("headline").strip().casefold()
        return next((above for above in lines[:start] if above.text.casefold() == named), None)
    return None


def _labelled_title(lines: list[Line], end: int, rules: Rules) -> Line | None:
    """The line under a label that names what a record is about ("Agenda" / "The situation in
    the Middle East" in a meeting's verbatim record), when nothing else is a title."""
    for position in range(min(end, len(lines)) - 1):
        if rules.title_label.fullmatch(lines[position].text.strip()):
            line = lines[position + 1]
            return line if _title_candidate(line, rules) else None
    for line in lines[: min(end, len(lines))]:
        if _labelled_on_its_line(line.text, rules):
            return line  # an e-mail's "Subject: …" line
    return None


def _title_on_labelled_line(lines: list[Line], start: int, rules: Rules) -> Line | None:
    """A head line naming the title after its label ("Title: …" in a feed item saved as text,
    "RE: …" in a memorandum's address block): the record says which line is the headline."""
    for line in lines[: start + 1]:  # the labelled line may read as the first paragraph
        if (
            ": " in line.text
            and line.role in {"other", "prose"}
            and _labelled_on_its_line(line.text, rules)
        ):
            return line
    return None


def _labelled_on_its_line(text: str, rules: Rules) -> str | None:
    """The title after its label on the same line ("Subject: Talks resume on the crossing")."""
    label, colon, rest = text.partition(": ")
    rest = rest.strip()
    if not colon or not rules.title_label.fullmatch(label.strip()):
        return None
    if not 3 <= len(rest.split()) <= 30 or FULL_STOP_FINAL.search(rest):
        return None
    return rest


def _below_site_menu(candidates: list[Line], lines: list[Line], start: int) -> list[Line]:
    """The candidates below the last site menu or breadcrumb trail above the article, when there
    are any: lines above the menu are the site's masthead and motto ("U.S. Department of State"
    / "Secretary of State John Kerry" / "Travel | Remarks | Press Releases"), not the headline."""
    menus = [  # not a labelled share bar ("Share: Twitter | Facebook | Email")
        line.index
        for line in lines[:start]
        if line.role == "widget" and ":" not in line.text and is_nav_bar(line.text)
    ]
    below = [line for line in candidates if menus and line.index > menus[-1]]
    return below or candidates


QUESTION_HEADLINE_WORDS = 20
LONG_HEADLINE_WORDS = 40  # a ministry's headline names the event, the place and the date


CLAIM_BOX_LINES = 3  # a claim box between a fact-check's headline and its byline: claim, rating


def _question_headline(lines: list[Line], start: int, rules: Rules) -> Line | None:
    """A question opening the article and standing right above the date stamp or byline ("Did
    Russian and US special forces fight side by side at Manbij?" / "29 March 2017") is the
    headline of a fact-check, not its first sentence (a claim box, "Claim: …" / "Verdict: …",
    may stand between the two); so is a long line there that no full stop ends (a ministry's "Foreign Minister Sergey Lavrov's remarks … Moscow, November 30,
    2016")."""
    if start >= len(lines) - 1:
        return None
    first, following = lines[start], lines[start + 1]
    text = first.text.strip()
    box = lines[start + 1 : start + 1 + CLAIM_BOX_LINES]
    if following.role not in {"stamp", "byline"} and text.endswith("?"):
        # a fact-check prints its claim box between the headline and the byline
        boxed = list(itertools.takewhile(lambda line: rules.claim_box.match(line.text), box))
        after = start + 1 + len(boxed)
        following = lines[after] if boxed and after < len(lines) else following
    if text.endswith("?") and _answered_under(lines, start + 1, rules):
        return first if len(text.split()) <= QUESTION_HEADLINE_WORDS else None
    if following.role not in {"stamp", "byline"}:
        return None
    if text.endswith("?") and len(text.split()) <= QUESTION_HEADLINE_WORDS:
        return first
    unpunctuated = not ends_sentence(text) and not text.endswith((":", ",", ";", "”", '"'))
    return first if unpunctuated and len(text.split()) <= LONG_HEADLINE_WORDS else None


def _answered_under(lines: list[Line], position: int, rules: Rules) -> bool:
    """An answer's user card opens at ``position``, past the question page's counters ("2
    Answers · 41 followers · Follow"): the answerer's name over the stamp, a credential line at
    most between ("Greg Halvorsen" / "Former USAF air battle manager …" / "Answered October 14,
    2017")."""
    while position < len(lines) and lines[position].role == "widget":
        position += 1
    if position >= len(lines) or not _may_be_a_poster(lines[position], rules):
        return False
    for stamp_at in (position + 1, position + 2):
        if stamp_at < len(lines) and lines[stamp_at].role == "stamp":
            return all(_is_credential(line) for line in lines[position + 1 : stamp_at])
    return False


BYLINE_REACH = 3  # the byline may follow the article's first line (a headline read as prose)
STANDFIRST_WORDS = 25  # a line this long above the byline is the standfirst under the headline
_NAME_WORD = r"[A-ZÀ-Ý][a-zà-ÿ'’-]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)*"  # "Ben-Ami" as well as "Jean-paul"
SIGNED_NAME = re.compile(rf"{_NAME_WORD}(?:\s+(?:[A-Z]\.|{_NAME_WORD})){{1,3}}")
SIGNED_NAME_REACH = 3  # lines from a bare name to the date stamp it signs with
# Small words no person's name holds, though a label in title case does ("For Immediate Release").
NOT_IN_A_NAME = frozenset({"a", "an", "the", "for", "of", "and", "to", "on", "at", "with", "from"})


def is_signed_name(text: str, rules: Rules) -> bool:
    """A bare person's name as a line of its own ("Catriona Welsh", "Mark C. Toner", "MIRIAM
    HALLORAN"): two to four capitalised words, initials allowed, none a menu word nor a
    publisher's name."""
    shape = text.title() if text.isupper() else text  # "MIRIAM HALLORAN" as printed by some sites
    return (
        SIGNED_NAME.fullmatch(shape) is not None
        and not any(word.lower() in NOT_IN_A_NAME for word in text.split())
        and not any(word.lower() in rules.menu_words for word in text.split())
        and not any(word.lower() in rules.institution_words for word in text.split())
        and not any(w.casefold() in rules.outlet_names for w in (text, *text.split()))
    )


def _signs_above_stamp(
    lines: list[Line], position: int, rules: Rules, reach: int, role: str = "other"
) -> bool:
    """The line at ``position`` (of ``role``) is a bare name with the page's date stamp at most
    ``reach`` lines below it (a name and a role, place or date under a headline: "Mark C.
    Toner" / "Deputy Spokesperson" / "June 30, 2016")."""
    if lines[position].role != role or not is_signed_name(lines[position].text, rules):
        return False
    for line in lines[position + 1 : position + 1 + reach]:
        if line.role == "stamp":
            return True
        if line.role != "other" or len(line.text.split()) > 4:
            return False
    return False


def _line_above_byline(lines: list[Line], start: int, rules: Rules) -> Line | None:
    """The headline-shaped line right above the first byline before the article: news pages set
    the headline there, even when a list of topic links runs into it, or when the headline (a
    question, no full stop) was taken for the article's first sentence. A share bar between the
    two is passed over; a bare name signing above the date stamp counts as a byline; a long
    standfirst between headline and byline gives way to the headline above it."""
    for position, line in enumerate(lines[: start + BYLINE_REACH + SIDEBAR_LINES]):
        furniture = sum(other.role in {"stamp", "widget"} for other in lines[start:position])
        if position >= start + BYLINE_REACH + furniture and not _after_a_sidebar(
            lines, start, position
        ):
            break
        signed = position < start and _signs_above_stamp(lines, position, rules, SIGNED_NAME_REACH)
        if line.role != "byline" and not signed:
            continue
        above = _headline_above(lines, position, start, rules)
        if above is not None or line.role == "byline":
            return above
    return None


# A link aggregator's tag after a post's title: where it links ("(reuters.com)") or that it is
# a text post of the forum ("(self.syriancivilwar)").
DOMAIN_TAG = re.compile(r"\s+\((?:self\.[\w-]+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,})\)$")


def _without_domain_tag(title: str) -> str:
    title = title.strip()
    return DOMAIN_TAG.sub("", title) if title.endswith(")") else title


# A wire's version slug glued to the front of its headline ("UPDATE 2-Russia suspends …",
# "REFILE-", "CORRECTED-UPDATE 1-"): the agency's label for the version, not the headline's words.
WIRE_SLUG = re.compile(
    r"^(?:(?:UPDATE|WRAPUP|REFILE|CORRECTED|RPT|EXCLUSIVE|INSIGHT|ANALYSIS|FACTBOX|TIMELINE)"
    r"(?: \d{1,2})?-)+(?=[A-Z0-9\"'“‘])"
)
# A browser's page title when a page is shared ("Headline | World news | The Guardian"): the
# site's section and name follow the headline after bars.
SITE_SUFFIX_BAR = re.compile(r"\s+[|]\s+")
HEADLINE_MIN_WORDS = 3


def headline_text(title: str, rules: Rules) -> str:
    """The headline's own words in a headline line: without a wire's version slug, without a
    link aggregator's domain tag, and without the site's section and name after bars."""
    title = WIRE_SLUG.sub("", _without_domain_tag(title))
    if "ired" in title:  # a cheap pre-test: "Aired", "AIRED"
        title = AIRING_NOTE.sub("", title)
    title = _labelled_on_its_line(title, rules) or title
    parts = SITE_SUFFIX_BAR.split(title)
    if len(parts) > 1 and len(parts[0].split()) >= HEADLINE_MIN_WORDS:
        last = parts[-1].strip(" .").casefold()
        if last in rules.outlet_names or last.removeprefix("the ") in rules.outlet_names:
            return parts[0]
    return title


# A broadcast transcript's airing slot after its heading ("…; Interview With Senator John McCain.
# Aired 9-10a ET"): when the programme ran, not words of the headline.
AIRING_NOTE = re.compile(
    r"(?<=\w)\.?\s+(?i:aired)\s+\d{1,2}(?::\d\d)?(?:\s*-\s*\d{1,2}(?::\d\d)?)?\s*"
    r"(?i:[ap]\.?m?\.?)?\s*(?:[A-Z]{1,4})?\.?$"
)
SIDEBAR_LINES = 4  # a forum's sidebar above a post: its name, description, reader count


def _after_a_sidebar(lines: list[Line], start: int, position: int) -> bool:
    """Whether the line at ``position`` may still be the byline under the page's headline though
    the article seemed to start earlier: one prose line only stands above it (a forum's
    description of itself, "Discussion of the Syrian Civil War … Read the rules before
    posting.", over the post's title and its "submitted … by …" line)."""
    return sum(line.role == "prose" for line in lines[start:position]) <= 1


def _article_after_headline(
    lines: list[Line], span: tuple[int, int], title_line: Line | None
) -> tuple[int, int]:
    """The article's span starting under its headline and byline when both stand below the
    first prose line (that line is a sidebar's text, not the article's)."""
    start, end = span
    if title_line is None or not start < title_line.index < end - 1:
        return span
    byline = next(
        (
            line.index
            for line in lines[title_line.index + 1 : title_line.index + 1 + BYLINE_REACH]
            if line.role == "byline"
        ),
        None,
    )
    if byline is None or not _after_a_sidebar(lines, start, title_line.index):
        return span
    first = next((i for i in range(byline + 1, end) if lines[i].role == "prose"), None)
    return (first, end) if first is not None else span


def _headline_above(lines: list[Line], position: int, start: int, rules: Rules) -> Line | None:
    """The title-shaped line above the byline at ``position`` (see ``_line_above_byline``).

    A bare date stamp over the byline is passed over like a share bar; the line above it is
    then taken as the headline only: a dek standing over the stamp (a page's metadata block,
    "Date …" / "Author …", under headline and dek) stays the article's first paragraph."""
    before = position - 1
    stamped = False
    while before >= 0 and (lines[before].role == "widget" or _bare_stamp(lines[before], rules)):
        stamped = stamped or lines[before].role == "stamp"
        before -= 1
    above = lines[before] if before >= 0 else None
    if above is not None and before > 0 and _dek_sentence_under_headline(lines, before, rules):
        return lines[before - 1]  # the dek stays the article's first paragraph
    if above is None or not _may_be_headline(above, before == start):
        return None
    words = len(above.text.split())
    if (
        before > 0
        and not stamped
        and (
            words > STANDFIRST_WORDS
            or _reads_as_standfirst(above, lines[before - 1])
            or _dek_under_headline_under_trail(lines, before, rules)
        )
    ):
        headline = lines[before - 1]
        if headline.role == "other" and _title_candidate(headline, rules):
            above.role = "standfirst"  # the dek under the headline: head, not article
            return headline
    shaped = _title_candidate(replace(above, role="other"), rules)
    return above if shaped and (words >= 4 or is_title_like(above.text)) else None


def _dek_sentence_under_headline(lines: list[Line], position: int, rules: Rules) -> bool:
    """The line at ``position`` is a dek written as a sentence of prose, under a headline that
    was itself taken for prose because it asks a question ("Debunked: Are the two militaries
    bombing together?" / "A post shared 9,000 times says … We checked." / stamp / byline)."""
    dek, headline = lines[position], lines[position - 1]
    return (
        dek.role == "prose"
        and ends_sentence(dek.text)
        and headline.role == "prose"
        and headline.text.rstrip().endswith("?")
        and len(headline.text.split()) >= HEADLINE_MIN_WORDS
        and _title_candidate(replace(headline, role="other"), rules)
    )


def _dek_under_headline_under_trail(lines: list[Line], position: int, rules: Rules) -> bool:
    """The line at ``position`` is the dek under the headline when both are headline-sized and
    the site's breadcrumb trail or menu stands right above the headline ("News > World > Middle
    East > Syria" / "Pentagon drags its feet over …" / "Defence chiefs fear …"): a headline
    follows the trail, whichever of the two lines is longer."""
    if position < 2:
        return False
    headline, trail = lines[position - 1], lines[position - 2]
    return (
        trail.role == "widget"
        and (is_breadcrumb_trail(trail.text) or BREADCRUMB_SEPARATOR.search(trail.text) is not None)
        and headline.role == "other"
        and lines[position].role == "other"
        and all(
            len(line.text.split()) >= HEADLINE_MIN_WORDS + 2 and not ends_sentence(line.text)
            for line in (headline, lines[position])
        )
    )


STANDFIRST_MIN_WORDS = 12  # a shorter line under a headline may be a second deck, not a dek
STANDFIRST_RATIO = 1.5  # a dek runs half as long again as the headline it explains


def _reads_as_standfirst(line: Line, above: Line) -> bool:
    """A sentence-long line under a shorter headline, with a blank line between them ("The
    hotline and its limits" / "Why Russia's generals and the Pentagon still talk over Syria, and
    why they will not go further"): the dek that explains the headline, not the headline. A
    dek written as a sentence of prose stays the article's first paragraph."""
    words, headline_words = len(line.text.split()), len(above.text.split())
    return (
        line.role != "prose"
        and line.blanks_before > 0
        and words >= STANDFIRST_MIN_WORDS
        and words >= STANDFIRST_RATIO * headline_words
    )


def _may_be_headline(line: Line, opens_article: bool) -> bool:
    """A line whose role does not rule it out as the headline above a byline: a headline may
    be read as the article's first sentence, or hold the date ("Daily Press Briefing - October
    4, 2016"), or be a question taken for prose."""
    if line.role in {"other", "repeat", "related-item", "stamp"}:
        return True
    return line.role == "prose" and (opens_article or line.text.rstrip().endswith("?"))


def _bare_stamp(line: Line, rules: Rules) -> bool:
    """A date stamp with no headline words of its own ("Published: 27 September 2017") set
    between the headline and the byline: passed over, like a share bar, to reach the headline."""
    return line.role == "stamp" and not _title_candidate(line, rules)


def _title_candidate(line: Line, rules: Rules) -> bool:
    text = headline_text(line.text, rules) if " | " in line.text else line.text
    if line.role == "stamp":  # "Syria Daily Brief — 30 September 2016", not "Posted 14 Oct 09:12"
        remainder = WEEKDAY.sub("", DATE_TEXT.sub("", text)).strip(" ,|/–—-")
        words = _words(remainder)
        if len(words) < 3 or STAMP_WORDS.search(remainder) or PRINT_ISSUE.search(remainder):
            return False
        if words[-1].lower() in STOPWORDS:  # "Volume 600: debated on Monday 12 October 2015"
            return False
    elif line.role not in {"other", "repeat"}:
        return False
    return (
        3 <= len(text.split()) <= 30
        and len(text) >= 15
        and not FULL_STOP_FINAL.search(text)  # a headline has no full stop, quoted or not
        and not text.endswith(":")  # a lead-in ("stated on … in a Facebook post:")
        and not line.item
        and not line.spread
        and not looks_like_menu(text, rules.menu_words)
        and not is_masthead(text, rules)
        and not _continues_a_line(text)  # "of the Federal Assembly …" under a masthead
        and "www." not in text  # "… through the Government Publishing Office [www.gpo.gov]"
        and not (text.startswith("[") and text.endswith("]"))  # "[Congressional Record Volume …]"
    )


def _continues_a_line(text: str) -> bool:
    """A line opening with a small function word ("of the Federal Assembly of the Russian
    Federation" under "STATE DUMA") carries on the line above; no headline starts so."""
    words = _words(text)
    return bool(words) and words[0].islower() and words[0] in STOPWORDS


MENU_SEPARATOR = re.compile(r"\s[|/•·>»›]\s|\s[|/•·]|[|/•·]\s|\s[–—]\s")
CLOCK_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")


MENU_ITEM_WORDS = 3  # a menu's choice is a word or two: "TXT", "Full text"


def _menu_choices(text: str) -> bool:
    """Choices set apart by separators, each a word or a few ("TXT | PDF"); not a kicker's
    headline after its label ("LIVE: Syria ceasefire talks in Geneva — updates")."""
    parts = MENU_SEPARATOR.split(text)
    return len(parts) > 1 and all(len(part.split()) <= MENU_ITEM_WORDS for part in parts)


def looks_like_menu(text: str, menu_words: frozenset[str] = frozenset()) -> bool:
    """A masthead, section menu, language bar or time stamp rather than a headline.

    Two or more separators ("News | World | Politics", "OCTOBER 7, 2016 / 3:14 PM / UPDATED"), a
    clock time, or an ampersand in a line with no lower-case word ("Business & Economy Military
    & Defense", "Russia & CIS General Newswire") — headline case keeps short words lower-case —
    or a line of four or more words, three quarters of them menu words of ``furniture.toml``.
    """
    if len(MENU_SEPARATOR.findall(text)) >= 2 or CLOCK_TIME.search(text):
        return True
    label, colon, choices = text.partition(": ")
    if colon and len(label.split()) <= 4 and _menu_choices(choices):
        return True  # "Text available as: TXT | PDF", "Languages: EN | RU"
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    if "&" in text and not any(w[0].islower() for w in words):
        return True
    bare = [w.strip(".,:;!?()'\"").lower() for w in words]
    return len(bare) >= 4 and sum(w in menu_words for w in bare) >= 0.75 * len(bare)


# ----------------------------------------------------------------------------- comments


def _is_author_line(text: str, rules: Rules) -> str | None:
    """The commenter's name when ``text`` is an author line ("Jens Holm", "ivan says:")."""
    if len(text) > 80:
        return None
    unprefixed = rules.author_prefix.sub("", text) if text[:1] == "[" else text
    stripped = rules.author_suffix.sub("", unprefixed).strip()
    had_suffix = stripped != unprefixed.strip()
    if not stripped or len(stripped) > 40:
        return None
    if ends_sentence(stripped) and not INITIAL_END.search(stripped):
        return None
    tokens = stripped.split()
    if not 1 <= len(tokens) <= 4:
        return None
    if had_suffix or all(NAME_TOKEN.match(t) and t[0].isupper() for t in tokens):
        if len(tokens) == 1 and not had_suffix and len(stripped) < 3:
            return None
        return stripped
    return None


USER_NAME = re.compile(r"[A-Za-z0-9][\w.-]{1,29}")
# A comment's age instead of its date ("12 hours ago", "a year ago", "3 yrs ago").
AGE_STAMP = re.compile(
    r"(?:\d{1,3}|an?|one)\s+(?:sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day|week|wk|month|mo|y(?:ea)?r)s?"
    r"\.?\s+ago",
    re.IGNORECASE,
)


def _handle_over_stamp(text: str, following: Line) -> str | None:
    """A user name on a line of its own over the comment's date stamp ("vityaz_77" /
    "November 27th, 2015, 11:05 pm") or its age ("truthseeker" / "12 hours ago"), as blog hosts
    print a commenter in lower case."""
    name = text.strip()
    stamp = following.text.strip()
    if AGE_STAMP.fullmatch(stamp):  # an age is a comment's alone: any short name over it signs
        words = name.split()
        signed = 1 <= len(words) <= 3 and all(USER_NAME.fullmatch(w) for w in words)
        return name if signed and not ends_sentence(name) else None
    if not USER_NAME.fullmatch(name) or not _is_handle(name) or not is_date_line(stamp):
        return None
    return name


def _handle_then_stamp(line: Line) -> str | None:
    """A user name and the comment's date stamp on one line ("pavel_s   13.04.2017 18:02"): the
    name shaped as a user name (an underscore or a digit in it) or set apart by a wide gap."""
    parts = line.text.split(maxsplit=1)
    if len(parts) != 2 or not USER_NAME.fullmatch(parts[0]) or not is_date_line(parts[1]):
        return None
    name = parts[0]
    if not name[0].isalpha():
        return None  # "26 October 2015": the stamp's own day
    shaped = "_" in name or any(c.isdigit() for c in name)
    return name if _is_handle(name) and (shaped or line.spread) else None


def _without_trailing_handle(name: str) -> str:
    """ "Ali Ahmad @aliahmad_dz" signs a reply as Ali Ahmad; a bare handle stays as it is."""
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].startswith("@") else name


def _stamped_author_line(text: str, rules: Rules) -> bool:
    """A commenter's name and the time of the comment ("Tariq_A  12-May-2017 19:02", "Ali Ahmad
    @aliahmad_dz · 17 Sep 2017"): an author line, though it reads as a date stamp or, set apart
    by a wide gap, as a menu bar."""
    if rules.author_suffix.search(text) is None:
        return False
    name = _is_author_line(text, rules)
    return name is not None and name[0].isalpha() and not is_date_line(name)


COPYRIGHT = re.compile(r"©\s*(?:19|20)\d\d|\b(?:19|20)\d\d\s*©|\bcopyright\b", re.IGNORECASE)
MAX_COPYRIGHT_CHARS = 60  # the site's "Facebook © 2016" under the last comment
FOOTER_MENU_ITEMS = 4  # "Name | 2 hours ago" and "Reply | name" have two: a commenter's line


def _is_footer_menu(text: str) -> bool:
    """A site's menu of four or more items below the comments ("About | Contact us | Terms")."""
    if not NAV_SEPARATOR_CHAR.search(text):
        return False
    parts = [part for part in NAV_SEPARATOR.split(text) if part.strip()]
    return len(parts) >= FOOTER_MENU_ITEMS and all(
        len(part.split()) <= 3 and not ends_sentence(part) for part in parts
    )


def _next_with_text(lines: list[Line]) -> list[Line | None]:
    """For each line, the next line that has any text (one backward pass)."""
    result: list[Line | None] = [None] * len(lines)
    upcoming: Line | None = None
    for position in range(len(lines) - 1, -1, -1):
        result[position] = upcoming
        if lines[position].text:
            upcoming = lines[position]
    return result


def parse_comments(lines: list[Line], rules: Rules) -> list[dict[str, Any]]:
    """Reader comments: an author line opens a comment; two blank lines open an unsigned one."""
    comments: list[dict[str, Any]] = []
    author: str | None = None
    paragraphs: list[str] = []

    def flush() -> None:
        if paragraphs:
            comments.append(
                {"position": len(comments), "author": author, "text": "\n\n".join(paragraphs)}
            )

    following_text = _next_with_text(lines)
    for position, line in enumerate(lines):
        text = line.text
        stamped_handle = _handle_then_stamp(line) if text[:1].isalnum() else None
        if stamped_handle is not None:
            flush()
            author, paragraphs = stamped_handle, []
            continue
        if (
            not text
            or (len(text) <= rules.max_widget_chars and rules.comment_widget.fullmatch(text))
            or _is_widget(line, rules)
            or (
                (is_date_line(text) or line.spread)  # a comment's timestamp, a footer menu bar
                and not _stamped_author_line(text, rules)
            )
            or _is_footer_menu(text)  # "haaretz.com | About Haaretz | Contact us | …"
            or (len(text) <= MAX_COPYRIGHT_CHARS and COPYRIGHT.search(text) is not None)
        ):
            continue
        following = following_text[position]
        name = (
            _is_author_line(text, rules) or _handle_over_stamp(text, following)
            if following is not None
            else None
        )
        if name is not None and not (
            following is not None and _is_author_line(following.text, rules) and not paragraphs
        ):
            flush()
            author, paragraphs = _without_trailing_handle(name), []
            continue
        if paragraphs and line.blanks_before >= 2:
            flush()
            author, paragraphs = None, []
        paragraphs.append(text)
    flush()
    return comments


# ----------------------------------------------------------------------------- links


def _link_date(url: str, label: str) -> tuple[date | None, str | None]:
    for pattern, precision in ((URL_DATE_DAY, "day"), (URL_DATE_COMPACT, "day")):
        for match in pattern.finditer(url):
            found = _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            if found:
                return found, precision
    for text in (url, label):
        for match in ISO_DATE.finditer(text):
            found = _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            if found:
                return found, "day"
    for match in URL_DATE_MONTH.finditer(url):
        found = _safe_date(int(match.group(1)), int(match.group(2)), 1)
        if found:
            return found, "month"
    return None, None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _entry_date(text: str) -> tuple[date | None, str | None]:
    """A full date (day or month precision) written in a link's label or its list entry."""
    if not DIGIT.search(text):
        return None, None
    try:
        mentions = find_dates(text)
    except Exception:  # a date-finder failure must not lose the page's links
        return None, None
    for mention in mentions:
        if mention.date is not None and mention.kind in {"full", "month_year"}:
            return mention.date, mention.precision
    return None, None


def collect_links(lines: list[Line]) -> list[dict[str, Any]]:
    """Every link with its relation (the section it stands in) and the date it carries."""
    rows: list[dict[str, Any]] = []
    for line in lines:
        relation = line.role.split("-")[0] if line.role.endswith("-item") else "other"
        for label, url in line.links:
            found, precision = _link_date(url, label)
            if found is None and relation != "other":
                found, precision = _entry_date(line.text)
            rows.append(
                {
                    "position": len(rows),
                    "relation": relation,
                    "label": label.strip() or None,
                    "url": url,
                    "date": found,
                    "date_precision": precision,
                }
            )
    return rows


# ----------------------------------------------------------------------------- assembling


def _dateline(paragraph: str) -> str | None:
    for pattern in (DATELINE_UPPER, DATELINE_AGENCY):
        match = pattern.match(paragraph)
        if match and len(match.group("dateline")) <= 70:
            dateline = match.group("dateline").strip()
            if pattern is DATELINE_AGENCY or len(dateline.split()) <= 8:
                return dateline
    return None


def _strip_signature(paragraph: str, rules: Rules) -> tuple[str, str | None]:
    if "@" not in paragraph[-TAIL_WINDOW:]:
        return paragraph, None
    match = rules.handle.search(paragraph, max(0, len(paragraph) - TAIL_WINDOW))
    if match and match.start() > 0:
        return paragraph[: match.start()].rstrip(), match.group(0).strip()
    return paragraph, None


STAMP_AFTER_PROSE = 4  # a dated list item after this many of the article's paragraphs is no stamp
DASH_BULLET = re.compile(r"[–—]\s")  # an item of a list typed with dashes (an e-mail's list)


def _place(line: Line, position: int, start: int, end: int, prose_before: int = 0) -> str:
    """Where a line goes: the article, the head, the tail, or nowhere.  ``prose_before``: the
    article's prose lines above this one; a short dated list item deep in the article belongs
    to it ("– Carter at the Senate Armed Services Committee, September 22 (transcript)" in a
    list of reading links), it is not the page's stamp."""
    role = line.role
    if role in {"widget", "caption", "section", "source-item", "related-item"}:
        return DROP
    if position < start:
        return DROP if role == "linklist" else HEAD
    if position >= end:
        return TAIL
    if (
        role == "stamp"
        and prose_before >= STAMP_AFTER_PROSE
        and (line.item or DASH_BULLET.match(line.text))
    ):
        return ARTICLE
    if role in {"byline", "stamp", "standfirst", "signature-block"}:
        return HEAD
    if role in {"credit", "handle"}:
        return TAIL
    if role in {"repeat", "related-run", "linklist", "tags"}:
        return DROP
    return ARTICLE


def clean_page(text: str, kb: Knowledge) -> Cleaned:
    """Split a page into the article body, head/tail lines, comments and links."""
    rules = rules_for(kb)
    lines = read_lines(text)
    _assign_roles(lines, rules)
    _mark_sections(lines)
    if "orwarded" in text:
        _mark_forwarding_note(lines)
    _mark_tagline(lines, rules)
    _mark_author_bio(lines, rules)
    profile = _mark_profile_header(lines)
    first_prose = next((i for i, line in enumerate(lines) if line.role == "prose"), len(lines))
    _mark_journal_masthead(lines, first_prose)
    comments_from = _comment_start(lines, first_prose, rules)
    _mark_captions_and_repeats(lines, rules, comments_from)
    start, end = _span(lines, comments_from)
    _mark_related_runs(lines, start, end)
    start, end = _span(lines, comments_from)

    _mark_names_over_article(lines, start, rules)
    _mark_connection_card(lines, start, rules)
    _drop_place_beside_name(lines, text, start + SIGNED_NAME_REACH, rules)
    title_line = _choose_title(lines, start, end, rules)
    start, end = _article_after_headline(lines, (start, end), title_line)
    _mark_name_signing_below_dek(lines, start, end, rules)
    result = Cleaned(body="", title=headline_text(title_line.text, rules) if title_line else None)
    result.profile = profile or _channel_over_audience(lines, rules)
    result.poster = _post_card_poster(lines[:comments_from], rules)
    verdict_line = _find_verdict(lines, start, end, rules)
    if verdict_line is not None:
        verdict_line.role = "verdict"
        match = rules.labelled_rating.fullmatch(verdict_line.text.strip("*_ "))
        result.verdict = (
            match.group("rating").strip(" .") if match else verdict_line.text.strip("*_ .")
        )
    if result.verdict is None:
        result.verdict = _later_verdict(lines, start, end, rules)
    paragraphs = _sort_lines(lines[:comments_from], (start, end), title_line, result)
    paragraphs = _finish_paragraphs(paragraphs, result, rules)
    if result.verdict is None:
        result.verdict = _closing_verdict(paragraphs, rules)
    result.body = "\n\n".join(paragraphs)
    result.comments = parse_comments(lines[comments_from + 1 :], rules)
    result.links = collect_links(lines[:comments_from])
    return result


NAME_LIST = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+")
MAX_CO_AUTHORS = 4


def _mark_names_over_article(lines: list[Line], start: int, rules: Rules) -> None:
    """A line of two or more people's names right above the article, nothing but widgets (a
    share bar) between ("Jane Roe, John Doe" / "Share: …" / the first paragraph): the reporters
    who sign the piece, set without "By" as some papers print them."""
    before = start - 1
    while before > 0 and lines[before].role == "widget":
        before -= 1
    if before <= 0 or lines[before].role != "other":
        return
    names = NAME_LIST.split(lines[before].text.strip())
    if 2 <= len(names) <= MAX_CO_AUTHORS and all(is_signed_name(n, rules) for n in names):
        lines[before].role = "byline"


GAP = re.compile(r"(?: {2,}|\t)+")
PLACE_ITEM = re.compile(r"[A-ZÀ-Ý][\w'’.-]+(?: [A-ZÀ-Ý][\w'’.-]+){0,2}")


def _drop_place_beside_name(lines: list[Line], text: str, limit: int, rules: Rules) -> None:
    """A reporter's name and city set apart by a wide gap right above the date stamp ("Jane Roe
    ⎵⎵⎵Beirut" / "Saturday 10 September 2016"): the line keeps the name alone, as a byline's
    "in Beirut" is dropped."""
    for position, line in enumerate(lines[: min(limit, len(lines) - 1)]):
        if not line.spread or line.role != "other" or lines[position + 1].role != "stamp":
            continue
        source = next((s for s in text.split("\n") if normalise_text(s) == line.raw), "")
        items = GAP.split(source.strip())
        if (
            len(items) == 2
            and is_signed_name(normalise_text(items[0]), rules)
            and PLACE_ITEM.fullmatch(normalise_text(items[1]))
        ):
            line.text = normalise_text(items[0])


def _mark_name_signing_below_dek(lines: list[Line], start: int, end: int, rules: Rules) -> None:
    """A bare name over the date stamp right under the article's first line ("The deal depends
    on …" / "JULIA MARSDEN" / "SEP 14, 2016"): the first line was the dek, the name the
    byline, which goes to the head with the stamp instead of standing as a paragraph."""
    for position in range(start + 1, min(end, start + 1 + BYLINE_REACH)):
        if lines[position].role == "prose":
            return
        if _signs_above_stamp(lines, position, rules, SIGNED_NAME_REACH):
            lines[position].role = "byline"
            return


def _sort_lines(
    lines: list[Line], span: tuple[int, int], title_line: Line | None, result: Cleaned
) -> list[str]:
    """Send each line to the article, the head, the tail or the widget list; the article's
    paragraphs are returned, the rest is recorded on ``result``."""
    start, end = span
    paragraphs: list[str] = []
    prose_before = 0  # the article's prose lines so far
    for position, line in enumerate(lines):
        if line.signature:
            result.tail.append(line.signature)
            result.signature = "@" + line.signature.rsplit("@", 1)[-1]
        if line.role == "widget":
            where = DROP
            result.widgets.append(line.text)
        elif line.role == "verdict":
            where = HEAD
        elif _is_title_copy(line, title_line):
            where = HEAD if line is title_line or position < start else DROP
            if line is title_line and position > start and _signs(lines[position - 1]):
                where = ARTICLE  # a headline under a claim box and byline stays in the text
        elif line.heading and line.role == "stamp":
            where = HEAD  # a date heading ("### [2016-05-21](...)") dates the page
            result.date_headings.append(line.text)
        else:
            where = _place(line, position, start, end, prose_before)
        if where == ARTICLE:
            paragraphs.append(line.text)
            prose_before += line.role == "prose"
        elif where == HEAD:
            result.head.append(line.text)
        elif where == TAIL:
            result.tail.append(line.text)
        if where != ARTICLE and not line.role.endswith("-item"):
            result.site_urls.extend(url for _label, url in line.links)
    return paragraphs


MAX_RATING_CHARS = 40


def _is_rating(text: str, rules: Rules) -> bool:
    """Is a line nothing but a rating as fact-checkers print it ("Mostly False")?"""
    return len(text) <= MAX_RATING_CHARS and rules.rating.fullmatch(text) is not None


def _later_verdict(lines: list[Line], start: int, end: int, rules: Rules) -> str | None:
    """A rating printed further down the page, below a verdict label: the first words of the
    line under it ("Our verdict" / "Unsupported. Both countries …"), else a later line that is
    only a rating ("The Pinocchio Test" … "Three Pinocchios")."""
    article = lines[start : end + RATING_AFTER_ARTICLE]  # a rating may close the page
    for position, line in enumerate(article):
        following = article[position + 1].text if position + 1 < len(article) else ""
        owned = _owned_rating(line.text.strip("*_ "), rules, following)
        if owned:
            return owned
    labels = [
        position
        for position, line in enumerate(article)
        if line.text.strip("*_: ").lower() in rules.verdict_labels
    ]
    if not labels:
        return None  # a lone "False" deep in a news story is no rating
    for position in labels:
        following = article[position + 1].text.strip("*_ ") if position + 1 < len(article) else ""
        lead = RATING_LEAD.match(following)
        if lead and rules.rating.fullmatch(lead.group(1)):
            return lead.group(1)
    for line in article[labels[0] + 1 :]:
        text = line.text.strip("*_ .")
        if _is_rating(text, rules):
            return text
    return None


OWNER_WORDS = 4  # "AFP Fact Check rating:", "The Daily Check's verdict:"


# The line under a rating that says what the rating means ('The rating "Manipulation" means
# that …', "Misleading is used for …"): the checker's own scale, named as a rating.
RATING_DEFINITION = re.compile(
    r"[\"“'‘]?\s*(?:means|is (?:given|used|assigned|applied)|applies|indicates|denotes|"
    r"refers to|stands for)\b",
    re.IGNORECASE,
)
DEFINED_RATING_WORDS = 3
DEFINITION_REACH = 40  # characters of the definition line before the rating it defines


def _owned_rating(text: str, rules: Rules, following: str = "") -> str | None:
    """The rating of a line that labels it with the publisher's name ("Full Fact rating:
    Misleading", "MYTH DETECTOR VERDICT: MANIPULATION"), wherever it stands: the name makes the
    label the page's own, so a rating of the known scale is taken, or a short one of the
    checker's own scale that the line under it defines (``RATING_DEFINITION``)."""
    if len(text) > MAX_RATING_CHARS + 30 or ":" not in text:
        return None
    match = rules.labelled_rating.search(text)
    if match is None or match.start() == 0 or match.end() != len(text.rstrip(" .")):
        return None
    owner = text[: match.start()]
    rating = match.group("rating").strip(" .")
    if not owner.endswith(" ") or len(owner.split()) > OWNER_WORDS:
        return None
    if _is_rating(rating, rules) or _defines_rating(following, rating):
        return rating
    return None


def _defines_rating(line: str, rating: str) -> bool:
    """``line`` says what ``rating`` means: the rating, near its start, then a verb of defining
    ('The rating "Manipulation" means that …')."""
    if not rating or len(rating.split()) > DEFINED_RATING_WORDS or not rating[0].isalpha():
        return False
    at = line.casefold().find(rating.casefold(), 0, DEFINITION_REACH + len(rating))
    return at >= 0 and RATING_DEFINITION.match(line, at + len(rating)) is not None


def _closing_verdict(paragraphs: list[str], rules: Rules) -> str | None:
    """A rating given in one of the last paragraphs ("We rate this claim Mostly False.")."""
    for paragraph in reversed(paragraphs[-3:]):
        match = rules.closing_rating.search(paragraph)
        if match:
            return match.group("rating").strip()
    return None


def _is_title_copy(line: Line, title_line: Line | None) -> bool:
    """The title or a repeat of it — kept out of the body unless the title is a full sentence
    (a digest entry's headline is itself a sentence of the entry)."""
    if title_line is None or line.text != title_line.text:
        return False
    title = title_line.text
    is_sentence = title.endswith(".") and len(title.split()) >= 6
    return not (line.role == "prose" and is_sentence)


def _finish_paragraphs(paragraphs: list[str], result: Cleaned, rules: Rules) -> list[str]:
    """The dateline recorded for the head; a signature line in the tail noted."""
    finished = [paragraph for paragraph in paragraphs if paragraph]
    for paragraph in finished[:3]:
        result.dateline = _dateline(paragraph)
        if result.dateline:
            result.head.append(result.dateline)
            break
    for line in result.tail:
        handle = rules.handle.fullmatch(line)
        if handle and result.signature is None:
            result.signature = f"@{handle.group('handle')}"
    return finished


def camel_case_name(handle: str) -> str | None:
    """'@TaraCopp' → 'Tara Copp' when the handle is two or three capitalised words (trailing
    digits dropped)."""
    core = handle.lstrip("@").rstrip("0123456789_")  # "@NeilClark66": the digits are no name
    parts = CAMEL.findall(core)
    if 2 <= len(parts) <= 3 and "".join(parts) == core:
        return " ".join(parts)
    return None
