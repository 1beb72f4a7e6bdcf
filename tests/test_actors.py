import pytest

from analysis.actors import (
    find_actor_mentions,
    resolve_actor,
    side_from_affiliation,
    split_title,
)
from analysis.knowledge import load_knowledge


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


@pytest.mark.parametrize(
    ("written", "canonical", "side"),
    [
        ("Capt. Jeff Davis", "Jeff Davis", "US"),
        ("Davis", "Jeff Davis", "US"),
        ("the Russian Defense Ministry", "Russian Defence Ministry", "Russia"),
        ("Russia’s Ministry of Defense", "Russian Defence Ministry", "Russia"),
        ("U.S. Major Adrian J.T. Rankine-Galloway", "Adrian Rankine-Galloway", "US"),
        ("Sen. John McCain", "John McCain", "US"),
        ("Fyodor Lukyanov", "Fedor Lukyanov", "Russia"),
        ("Sergey Shoigu", "Sergei Shoigu", "Russia"),
        ("SECRETARY CARTER", "Ash Carter", "US"),
        ("Cook", "Peter Cook", "US"),
        ("Ambassador Sergey Kislyak", "Sergei Kislyak", "Russia"),
        ("KLINTSEVICH", "Frants Klintsevich", "Russia"),
        ("Rep. Mac Thornberry", "Mac Thornberry", "US"),
        ("CENTCOM", "U.S. Central Command", "US"),
        ("US Central Command", "U.S. Central Command", "US"),
        ("Baltnews.ee", "Baltnews", "Russia"),
        ("Borujerdi", "Alaeddin Boroujerdi", "other"),
        ("Foreign Affairs Minister Stephane Dion", "Stéphane Dion", "other"),
    ],
)
def test_resolve_actor_canonicalises_names_as_written(kb, written, canonical, side):
    actor = resolve_actor(written, kb)
    assert actor is not None
    assert (actor.name, actor.side) == (canonical, side)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [("A. I. Antonov", "Anatoly Antonov"), ("V.V. Volodin", "Vyacheslav Volodin")],
)
def test_initials_before_a_known_surname_resolve_when_the_first_fits(kb, written, canonical):
    assert resolve_actor(written, kb).name == canonical


def test_initials_that_fit_no_given_name_resolve_to_nobody(kb):
    assert resolve_actor("B. K. Antonov", kb) is None


def test_resolve_actor_returns_none_for_unknown_people(kb):
    assert resolve_actor("Michelle Baldanza", kb) is None
    assert resolve_actor("", kb) is None


@pytest.mark.parametrize(
    ("words", "side"),
    [
        ("Pentagon spokesman", "US"),
        ("US Army Defense Department spokeswoman", "US"),
        ("White House press secretary", "US"),
        ("State Department", "US"),
        ("Chairman of the Council for Foreign and Defense Policy", "Russia"),
        ("the Kremlin", "Russia"),
        ("Russian Defence Ministry", "Russia"),
        ("Damascus", "Syria"),
        ("Ankara", "Turkey"),
        ("a spokesman for the U.S.-led coalition", "coalition"),
        ("a contributor to the independent conflict observation watchdog Airwars", "other"),
        ("a retired schoolteacher", None),
        ("the Conservative chairman of the Commons foreign affairs committee", "other"),
        ("Labour’s shadow defence secretary", "other"),
        ("Russia's Ministry of Defence", "Russia"),
        ("Chinese Foreign Ministry spokesperson", "other"),
        ("a foreign ministry official in Tehran", "other"),
    ],
)
def test_side_from_affiliation_longest_side_word_wins(kb, words, side):
    assert side_from_affiliation(words, kb) == side


@pytest.mark.parametrize(
    ("words", "side"),
    [
        ("deputy head of Iran’s Supreme National Security Council", "other"),
        ("an aide at Israel's National Security Council", "other"),
        ("a member of the U.S. National Security Council", "US"),
        ("Russia's envoy to the State Department", "Russia"),
    ],
)
def test_an_institution_a_country_possesses_speaks_for_that_country(kb, words, side):
    assert side_from_affiliation(words, kb) == side


def test_side_from_affiliation_works_without_an_explicit_knowledge_base():
    assert side_from_affiliation("Moscow") == "Russia"


def test_split_title_separates_rank_and_affiliation_from_the_name(kb):
    assert split_title("US Army Defense Department spokeswoman Lt. Col. Michelle Baldanza", kb) == (
        "US Army Defense Department spokeswoman Lt. Col.",
        "Michelle Baldanza",
    )
    assert split_title("U.S. Major Adrian J.T. Rankine-Galloway", kb) == (
        "U.S. Major",
        "Adrian J.T. Rankine-Galloway",
    )


def test_split_title_ends_the_name_at_a_comma(kb):
    assert split_title("Turkey's envoy to Germany, Hasan Demir", kb) == (
        "Turkey's envoy to Germany",
        "Hasan Demir",
    )


def test_find_actor_mentions_finds_institutions_in_reported_speech(kb):
    text = (
        "The Pentagon issued a swift denial. Russia has proposed joint strikes. "
        "Moscow made it clear, the Russian Defense Ministry said."
    )
    found = [(m.surface, m.actor.name) for m in find_actor_mentions(text, kb)]
    assert found == [
        ("The Pentagon", "U.S. Department of Defense"),
        ("Russia", "Russia"),
        ("Moscow", "Russia"),
        ("Russian Defense Ministry", "Russian Defence Ministry"),
    ]
    for mention in find_actor_mentions(text, kb):
        assert text[mention.start : mention.end] == mention.surface


def test_find_actor_mentions_can_be_restricted_by_kind(kb):
    text = "Sergei Shoigu said Russia and the Pentagon talked, TASS reported."
    kinds = [m.actor.kind for m in find_actor_mentions(text, kb, kinds=("person", "outlet"))]
    assert kinds == ["person", "outlet"]


def test_bare_ambiguous_surnames_are_not_mentions(kb):
    assert find_actor_mentions("Davis Cup results", kb) == []


def test_a_user_actor_file_extends_the_knowledge_base(tmp_path):
    (tmp_path / "actors.toml").write_text(
        '[[actor]]\nname = "Michelle Baldanza"\naliases = ["Baldanza"]\n'
        'role = "Pentagon spokeswoman"\naffiliation = "U.S. Department of Defense"\nside = "US"\n'
        '[side_words]\nother = ["Airwars Foundation"]\n',
        encoding="utf-8",
    )
    user_kb = load_knowledge(tmp_path)
    actor = resolve_actor("Lt. Col. Michelle Baldanza", user_kb)
    assert actor is not None
    assert (actor.name, actor.side) == ("Michelle Baldanza", "US")
    assert resolve_actor("Capt. Jeff Davis", user_kb).name == "Jeff Davis"  # shipped entries kept
    assert side_from_affiliation("a fellow at the Airwars Foundation", user_kb) == "other"


FILLER = "Officials met again in Geneva on Tuesday to discuss the ceasefire. " * 8


@pytest.mark.parametrize(
    "middle",
    [
        "The Russian Defense Ministry said the jets returned.",  # no phrase crosses a break
        "A statement came from the Russian\n\nDefense Ministry on Monday.",  # one could
        "It was the Russian\n\nDefence Ministry.\n\nThe Pentagon\n\ndeclined.",
    ],
)
def test_a_long_text_is_scanned_by_paragraph_with_the_whole_text_result(kb, middle):
    from analysis.actors import actor_index

    text = "\n\n".join([FILLER] * 20 + [middle] + [FILLER] * 5)
    assert len(text) > 10_000
    expected = actor_index(kb).mentions.find(text)
    found = find_actor_mentions(text, kb)
    assert [(m.start, m.end, m.actor) for m in found] == expected
    assert all(text[m.start : m.end] == m.surface for m in found)
    assert any(m.actor.name == "Russian Defence Ministry" for m in found) == (
        "Russian Defense Ministry" in middle or "Russian\n\nDef" in middle
    )


@pytest.mark.parametrize(
    "stretch",
    [
        "The Russian Defense Ministry said the jets returned.",  # a whole sentence
        "Defense Ministry said the jets returned.",  # a phrase runs across the cut before it
        "The Russian",  # … or across the cut after it
        "Ministry said the jets returned. Officials met again in Geneva",
        "jets",
        "the Pentagon",
    ],
)
def test_a_stretch_of_the_last_body_scanned_has_its_own_scan(kb, stretch):
    from analysis.actors import actor_index, actor_spans

    paragraph = "The Russian Defense Ministry said the jets returned. " + FILLER.strip()
    body = "\n\n".join([FILLER.strip()] * 30 + [paragraph, "the Pentagon declined."])
    assert len(body) > 2_000
    actor_spans(body, kb)  # the quotes stage's scan of the body, paragraph by paragraph
    assert actor_spans(stretch, kb) == actor_index(kb).mentions.find(stretch)


@pytest.mark.parametrize(
    ("words", "side"),
    [
        ("Russia's ambassador to Washington", "Russia"),
        ("Russian Ambassador to the United States Sergei Kislyak", "Russia"),
        ("the US ambassador to Russia", "US"),
        ("Syrian envoy to Moscow", "Syria"),
        ("the Russian embassy in Damascus", "Russia"),
        ("ambassador to Washington", None),  # where someone serves says nothing of their side
        ("Russia's", "Russia"),  # a possessive country name is still a side word
        ("Russia's Defense Ministry", "Russia"),
    ],
)
def test_the_country_an_envoy_is_posted_to_is_not_their_side(kb, words, side):
    assert side_from_affiliation(words, kb) == side


@pytest.mark.parametrize(
    "words",
    ["Joint Staff spokesman", "a spokeswoman for U.S. European Command", "an AFCENT spokesman"],
)
def test_us_military_staffs_and_commands_speak_for_the_us(kb, words):
    assert side_from_affiliation(words, kb) == "US"


def test_the_starts_a_phrase_only_before_one_of_its_second_words(kb):
    text = "In the war the Kremlin and (the) Pentagon, then the.\nthe"
    found = [(m.surface, m.actor.name) for m in find_actor_mentions(text, kb)]
    assert found == [("the Kremlin", "Kremlin"), ("the) Pentagon", "U.S. Department of Defense")]


def test_a_user_phrase_with_a_lower_case_second_word_is_found_after_the(tmp_path):
    (tmp_path / "actors.toml").write_text(
        '[[actor]]\nname = "Southern Front"\naliases = ["the rebel command"]\n'
        'kind = "institution"\nside = "other"\n',
        encoding="utf-8",
    )
    user_kb = load_knowledge(tmp_path)
    text = "A statement from the rebel command denied it; the rebels said nothing."
    found = [(m.surface, m.actor.name) for m in find_actor_mentions(text, user_kb)]
    assert found == [("the rebel command", "Southern Front")]
    assert side_from_affiliation("a fighter of the rebel command", user_kb) == "other"


def test_irans_security_council_secretary_is_known_and_speaks_for_neither_party(kb):
    actor = resolve_actor("Shamkhani", kb)
    assert actor is not None
    assert actor.name == "Ali Shamkhani"
    assert actor.side == "other"


def test_the_syrian_oppositions_negotiating_body_is_known_and_speaks_for_neither_party(kb):
    actor = resolve_actor("High Negotiations Committee", kb)
    assert actor is not None
    assert (actor.kind, actor.side) == ("institution", "other")
    assert resolve_actor("HNC", kb) == actor


def test_a_contracted_pronoun_before_a_name_is_not_part_of_it(kb):
    assert split_title("the show opens. I'm Dana Reyes", kb) == (
        "the show opens. I'm",
        "Dana Reyes",
    )
    assert split_title("Here’s Ash Carter", kb) == ("Here’s", "Ash Carter")
    assert split_title("Ambassador Dermot O'Brien", kb)[1] == "Dermot O'Brien"
