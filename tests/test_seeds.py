"""What a careful reader confirms about each seed page: publisher, headline, byline, kind, verdict,
where the article starts and ends, which page furniture is gone, comments and links."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from analysis.clean import Cleaned, clean_page
from analysis.knowledge import Knowledge, load_knowledge
from analysis.metadata import describe
from analysis.read import RawText, read_document

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return load_knowledge()


def _load(kb: Knowledge, prefix: str) -> tuple[Cleaned, dict[str, Any]]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    raw = read_document(path)
    assert isinstance(raw, RawText)
    cleaned = clean_page(raw.text, kb)
    return cleaned, describe(raw, cleaned, kb)


# ----------------------------------------------------------------------------- 000 digest


def test_digest_seed_is_a_digest_without_a_known_publisher(kb):
    _, meta = _load(kb, "000")
    assert meta["kind"] == "digest"
    assert meta["outlet"] is None  # nothing on the page names the portal
    assert meta["outlet_type"] == "digest"  # but its layout says what sort of publisher it is
    assert meta["title"] == (
        "The Pentagon rejects a Russian proposal to stage joint airstrikes against "
        "Al-Qaeda linked groups in Syria."
    )
    assert meta["author"] is None
    assert meta["language"] == "en"
    assert meta["verdict"] is None


def test_digest_seed_body_is_the_entry_without_its_link_lists(kb):
    cleaned, _ = _load(kb, "000")
    assert cleaned.body.startswith("The Pentagon rejects a Russian proposal")
    assert cleaned.body.endswith("but the United States responded coolly on Friday.")
    for furniture in ("Source", "Related", "Huffington Post", "Context:", "Tu-154", "](", "#"):
        assert furniture not in cleaned.body


def test_digest_seed_date_heading_is_in_the_head(kb):
    cleaned, _ = _load(kb, "000")
    assert "2016-05-21" in cleaned.head


def test_digest_seed_links_have_three_sources_and_ten_dated_related_entries(kb):
    cleaned, _ = _load(kb, "000")
    sources = [link for link in cleaned.links if link["relation"] == "source"]
    related = [link for link in cleaned.links if link["relation"] == "related"]
    assert [s["label"] for s in sources] == ["Huffington Post", "Reuters", "VOA News"]
    assert sources[1]["url"].startswith("http://www.reuters.com/article/")
    assert len(related) == 10
    assert all(r["date_precision"] == "day" for r in related)
    assert related[0]["date"] == date(2016, 1, 9)
    assert related[0]["label"].startswith("Russian airstrikes on a Al-Nusra Front")
    assert related[0]["label"].endswith("according to the Syrian Observatory for Human Rights.")
    assert all("_Context" not in r["label"] for r in related)
    assert related[-1]["date"] == date(2016, 12, 25)


# ----------------------------------------------------------------------------- 001 Stars and Stripes


def test_stripes_seed_metadata(kb):
    _, meta = _load(kb, "001")
    assert meta["outlet"] == "Stars and Stripes"
    assert meta["outlet_country"] == "US"
    assert meta["kind"] == "article"
    assert meta["author"] == "Tara Copp"  # from the trailing "Twitter:@TaraCopp" signature
    assert meta["title"] is None  # the page copy carries no headline
    assert meta["language"] == "en"


def test_stripes_seed_body_runs_from_dateline_to_last_sentence(kb):
    cleaned, _ = _load(kb, "001")
    assert cleaned.body.startswith("WASHINGTON — U.S.-coalition aircraft will “not collaborate")
    assert cleaned.body.endswith("still conducting at least 20 sorties daily from Hmeimim.")
    assert "Most of the Russian airstrikes in Syria have targeted groups" in cleaned.body


@pytest.mark.parametrize(
    "furniture",
    [
        "Support our mission",
        "An aerial view shows the Pentagon",  # the photo caption, with and without its credit
        "Perry Aston",
        "Twitter:@TaraCopp",
        "@TaraCopp",
        "Stripes in 7",
        "around the web",
        "Sign Up for Daily Headlines",
        "Sign-up to receive a daily email",
        "Sign up",
    ],
)
def test_stripes_seed_body_has_no_page_furniture(kb, furniture):
    cleaned, _ = _load(kb, "001")
    assert furniture not in cleaned.body


def test_stripes_seed_dateline_is_in_the_head(kb):
    cleaned, _ = _load(kb, "001")
    assert cleaned.dateline == "WASHINGTON —"
    assert "WASHINGTON —" in cleaned.head


# ----------------------------------------------------------------------------- 002 SouthFront


def test_southfront_seed_metadata(kb):
    _, meta = _load(kb, "002")
    assert meta["outlet"] == "SouthFront"  # not Izvestiya, which it cites
    assert meta["title"] == "Russia Refuses to Coordinate Airstrikes on Aleppo with US"
    assert meta["kind"] == "article"
    assert meta["author"] is None
    assert meta["language"] == "en"


def test_southfront_seed_body_keeps_article_and_drops_widgets(kb):
    cleaned, _ = _load(kb, "002")
    body = cleaned.body
    assert body.startswith("Moscow insists on direct dialogue between Damascus and the Pentagon.")
    assert "Russia is ready to coordinate strikes on targets with the US everywhere" in body
    assert body.endswith("the cooperation of Russian and American military may be only limited.")
    for furniture in (
        "0 $",
        "2,500 $",
        "Support SouthFront",
        "Russia Refuses to Coordinate",  # the headline, printed twice
        "Notify of",
        "Newest Most Voted",
        "Inline Feedbacks",
        "View all comments",
        "Would love your thoughts",
    ):
        assert furniture not in body


def test_southfront_seed_comments_are_separated_with_their_authors(kb):
    cleaned, _ = _load(kb, "002")
    authors = [c["author"] for c in cleaned.comments]
    assert authors == [
        "Tom Johnson",
        None,
        "Jens Holm",
        "That Guy",
        "Jens Holm",
        "Boris Kazlov",
        "Boris Kazlov",
        None,
        None,
    ]
    assert cleaned.comments[0]["text"].startswith("I think that a US requirement")
    assert cleaned.comments[2]["text"].endswith("being blind with bad memory.")  # two paragraphs
    assert [c["position"] for c in cleaned.comments] == list(range(9))
    for comment in cleaned.comments:
        assert comment["text"] not in cleaned.body
    assert "Would love your thoughts" not in " ".join(c["text"] for c in cleaned.comments)


# ----------------------------------------------------------------------------- 003 Sputnik


def test_sputnik_seed_metadata(kb):
    cleaned, meta = _load(kb, "003")
    assert meta["outlet"] == "Sputnik"  # the dateline, not "told RIA Novosti"
    assert meta["outlet_type"] == "state media"
    assert meta["kind"] == "article"
    assert meta["title"] != "Russia Versus ISIL in Syria (618)"  # a story-series tag
    assert meta["language"] == "en"
    assert cleaned.dateline == "WASHINGTON (Sputnik) –"


def test_sputnik_seed_head_holds_the_page_stamp(kb):
    cleaned, _ = _load(kb, "003")
    assert "22:08 GMT26 October 2020" in cleaned.head


def test_sputnik_seed_body_is_normalised_and_free_of_furniture(kb):
    cleaned, _ = _load(kb, "003")
    body = cleaned.body
    assert body.startswith("According to US Army Defense Department, America is not coordinating")
    assert (
        "WASHINGTON (Sputnik) – The United States will not coordinate its operations in Syria"
        in (body)
    )
    assert body.endswith(
        "we cannot and will not discuss any measure of cooperation,” Baldanza said."
    )
    assert "\u00a0" not in body
    assert not any(p.startswith(" ") for p in body.split("\n"))
    for furniture in (
        "Listen Live",
        "Get short URL",
        "(618)",
        "Russia, Israel to Discuss Coordination in Syria on Tuesday",
        "Former DIA Chief",
        "US Army Defense Department, Bashar al-Assad, Syria, US, Russia",
        "Community standards",
        "22:08",
    ):
        assert furniture not in body


# ----------------------------------------------------------------------------- 004 Polygraph.info


def test_factcheck_seed_metadata(kb):
    _, meta = _load(kb, "004")
    assert meta["outlet"] == "Polygraph.info"
    assert meta["outlet_type"] == "fact-checker"
    assert meta["kind"] == "fact-check"
    assert meta["verdict"] == "False"
    assert meta["title"] == "Did Russia Conduct Airstrikes in Syria in Coordination with US?"
    assert meta["language"] == "en"


def test_factcheck_seed_body_keeps_both_copies_of_the_claim(kb):
    cleaned, _ = _load(kb, "004")
    body = cleaned.body
    claim = "“On January 22, 2017, the command center of the Air-Space Forces of Russia"
    assert body.startswith(claim)
    assert body.count(claim) == 2
    assert "...U.S. military officials deny both coordination and participation." in body
    assert body.endswith('"I would be deeply disturbed if such a thing happened," McCain told CNN.')


def test_factcheck_seed_verdict_and_claim_labels_go_to_the_head(kb):
    cleaned, _ = _load(kb, "004")
    paragraphs = cleaned.body.split("\n\n")
    assert "False" not in paragraphs
    assert "False" in cleaned.head
    assert "Russian Ministry of Defense" not in paragraphs
    assert "Russian Ministry of Defense" in cleaned.head  # the claimant's label, kept for claims
    assert "Press Release" in cleaned.head
    for furniture in ("Accessibility links", "Breaking News", "XS", "SM", "MD", "LG"):
        assert furniture not in paragraphs


def test_every_seed_body_is_paragraphs_joined_by_one_blank_line(kb):
    for prefix in ("000", "001", "002", "003", "004"):
        cleaned, _ = _load(kb, prefix)
        assert "\n\n\n" not in cleaned.body
        assert cleaned.body == cleaned.body.strip()
        assert all(p == p.strip() and p for p in cleaned.body.split("\n\n"))
