"""The metadata stage: publisher, kind, verdict, author, language — from general rules and data."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import metadata
from analysis.clean import clean_page
from analysis.knowledge import Knowledge, load_knowledge
from analysis.metadata import ALNUM_RUN, alnum_runs, describe, detect_language
from analysis.read import RawText, read_document

CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return load_knowledge()


def _describe_text(text: str, kb: Knowledge) -> dict[str, Any]:
    raw = RawText("doc", "doc.txt", text, "utf-8", "0" * 64, len(text.encode()))
    return describe(raw, clean_page(text, kb), kb)


def _describe_fixture(name: str, kb: Knowledge) -> dict[str, Any]:
    raw = read_document(CORPUS / name)
    assert isinstance(raw, RawText)
    return describe(raw, clean_page(raw.text, kb), kb)


# ----------------------------------------------------------------------------- the result row


def test_describe_returns_every_document_column_it_owns(kb):
    meta = _describe_text("Russia and the United States held talks on Syria, officials said.", kb)
    assert set(meta) == {
        "outlet",
        "outlet_type",
        "outlet_country",
        "kind",
        "title",
        "author",
        "published",
        "published_precision",
        "published_basis",
        "language",
        "verdict",
    }


# ----------------------------------------------------------------------------- outlet


def test_an_outlet_quoted_as_a_source_is_not_the_publisher(kb):
    page = (
        "The Pentagon said on Friday it would not coordinate strikes with Russia, a spokesman "
        "told RIA Novosti.\n\n"
        "According to TASS, the Russian Defense Ministry had proposed joint strikes on Thursday.\n\n"
        "The Sputnik web site said the offer still stood, while Izvestiya newspaper reported doubts.\n"
    )
    assert _describe_text(page, kb)["outlet"] is None


def test_dateline_names_the_publisher_over_outlets_it_cites(kb):
    page = (
        "MOSCOW (Sputnik) – Russia is ready to coordinate strikes with the United States, the "
        "deputy minister told RIA Novosti, according to TASS and Interfax reports on Friday.\n"
    )
    meta = _describe_text(page, kb)
    assert (meta["outlet"], meta["outlet_type"], meta["outlet_country"]) == (
        "Sputnik",
        "state media",
        "RU",
    )


def test_site_widget_names_the_publisher(kb):
    page = (
        "Russia proposed joint strikes to the United States on Friday, the ministry said.\n\n"
        "Support the Guardian\n"
    )
    assert _describe_text(page, kb)["outlet"] == "The Guardian"


@pytest.mark.parametrize(
    ("furniture", "outlet", "kind_of_outlet", "country"),
    [
        (("TOKYO - The minister said on Monday.", "==Kyodo"), "Kyodo News", "wire agency", "JP"),
        (
            ("Source:Global Times Published: 2016/9/3 08:05:12", ""),
            "Global Times",
            "state media",
            "CN",
        ),
        (("", "© 2016 Teyit. Content licensed under CC BY-NC 4.0."), "Teyit", "fact-checker", "TR"),
        (("", "© 2016 State Duma. duma.gov.ru"), "State Duma", "government", "RU"),
        (("", "© 2016 reddit inc. All rights reserved."), "Reddit", "platform", "US"),
        (
            ("LOGICALLY", "Logically © 2017. All rights reserved."),
            "Logically",
            "fact-checker",
            "GB",
        ),
        (
            ("The Economist", "Copyright © The Economist Newspaper Limited 2016."),
            "The Economist",
            "private",
            "GB",
        ),
        (
            ("ARRSE", "ARRSE — The Army Rumour Service © 2002-2017   Contact us"),
            "ARRSE",
            "platform",
            "GB",
        ),
    ],
)
def test_agencies_papers_checkers_legislatures_and_platforms_of_the_data_file_are_found(
    kb, furniture, outlet, kind_of_outlet, country
):
    above, below = furniture
    page = (
        f"Talks on Syria\n\n{above}\n\n"
        "The two militaries kept their line open on Friday, officials said, and agreed to meet "
        "again in Geneva next month to discuss the safety of their pilots over Syria.\n\n"
        f"{below}\n"
    )
    meta = _describe_text(page, kb)
    assert (meta["outlet"], meta["outlet_type"], meta["outlet_country"]) == (
        outlet,
        kind_of_outlet,
        country,
    )


def test_a_platform_in_a_share_bar_is_not_the_publisher(kb):
    page = (
        "Hotline back on? The air safety memo after Shayrat\n"
        "Thread starter jet_jock · Start date 12 Apr 2017\n\n"
        "Lavrov says Putin is willing to put the air safety memorandum back in force, and the "
        "coalition says the line never went dead at all.\n\n"
        "Share:   Facebook   Twitter   Reddit   Email   Link\n"
    )
    meta = _describe_text(page, kb)
    assert (meta["outlet"], meta["author"]) == (None, "jet_jock")


def test_a_platform_in_a_share_bar_laid_one_button_per_line_is_not_the_publisher(kb):
    page = (
        "Hotline back on? The air safety memo after Shayrat\n"
        "By Dana Whitcombe\n\n"
        "Lavrov says Putin is willing to put the air safety memorandum back in force, and the "
        "coalition says the line never went dead at all.\n\n"
        "Share this\nFacebook\nReddit\nLinkedIn\nEmail\n"
    )
    assert _describe_text(page, kb)["outlet"] is None


def test_a_platform_named_under_a_share_label_but_in_a_sentence_still_counts(kb):
    page = "Share\nLinkedIn\n\nPosted on LinkedIn by a retired colonel about the air safety line.\n"
    bar = metadata.share_bar(kb)
    assert metadata._in_share_bar(page, page.index("LinkedIn"), bar)
    assert not metadata._in_share_bar(page, page.rindex("LinkedIn"), bar)


def test_a_bare_mention_of_a_legislature_in_a_story_does_not_make_it_the_publisher(kb):
    page = (
        "A member of the State Duma said on Friday that the State Duma would debate the "
        "memorandum with the United States next week.\n"
    )
    assert _describe_text(page, kb)["outlet"] is None


def test_a_forum_posts_handle_is_its_author_and_a_post_on_a_platform_is_commentary(kb):
    page = (
        "Second video line opened between the two militaries\n"
        "submitted 2 days ago by syria_map_nerd   News\n\n"
        "The Pentagon said on Tuesday that a second video line now links the two militaries "
        "for the air safety talks, and that no targets will be discussed over it.\n"
    )
    meta = _describe_text(page, kb)
    assert (meta["title"], meta["author"], meta["kind"]) == (
        "Second video line opened between the two militaries",
        "syria_map_nerd",
        "article",
    )
    on_a_platform = _describe_text(page + "\n© 2016 reddit inc. All rights reserved.\n", kb)
    assert (on_a_platform["outlet"], on_a_platform["kind"]) == ("Reddit", "commentary")


@pytest.mark.parametrize(
    ("stamp", "author"),
    [
        ("Noa Bar-Lev | Aug 2, 2016 6:40 PM", "Noa Bar-Lev"),
        ("Daniel Hartmann · 2 August 2016, 18:40", "Daniel Hartmann"),
        ("Middle East | Aug 2, 2016 6:40 PM", None),  # a section label, no person
    ],
)
def test_a_name_and_the_stamp_on_one_line_sign_the_story(kb, stamp, author):
    page = (
        "Israel Presses Moscow Over Its Jets Near the Golan\n\n"
        f"{stamp}\n\n"
        "JERUSALEM - Israeli officers spoke to their Russian counterparts on Monday over the "
        "hotline the two militaries set up last year, officials said.\n"
    )
    assert _describe_text(page, kb)["author"] == author


RECORD_OF_A_SITTING = """PARLIAMENT
of the Republic of Aldovia
Official site

Home / Sittings / Records / 14 March 2016

Verbatim record of the plenary sitting of 14 March 2016
English translation provided by the Parliament's Information Office

Statement by the Minister of Defence on the air safety arrangements over Syria

Chairperson. Colleagues, the minister has the floor for ten minutes.

P. K. Marenko, Minister of Defence. Thank you. I report that the line with the American side
worked every day this month, and I will answer your questions.

Chairperson. Questions, please.

D. S. Orlov, member of the Defence Committee. Minister, how often do our officers use it?

P. K. Marenko. Every day, and I think it has already prevented accidents in the air.
"""


def test_a_formal_records_heading_makes_a_transcript_and_the_translation_credit_no_title(kb):
    meta = _describe_text(RECORD_OF_A_SITTING, kb)
    assert (meta["kind"], meta["title"], meta["author"]) == (
        "transcript",
        "Statement by the Minister of Defence on the air safety arrangements over Syria",
        None,
    )


def test_user_outlets_file_adds_a_publisher(tmp_path, kb):
    (tmp_path / "outlets.toml").write_text(
        '[[outlet]]\nname = "Gulf Wire Service"\naliases = []\nmarkers = ["| Gulf Wire Service"]\n'
        'domains = ["gulfwire.example"]\ncountry = "AE"\ntype = "private"\n'
    )
    text = (CORPUS / "layout_disqus_comments.txt").read_text(encoding="utf-8")
    assert _describe_text(text, kb)["outlet"] is None
    meta = _describe_text(text, load_knowledge(tmp_path))
    assert (meta["outlet"], meta["outlet_country"]) == ("Gulf Wire Service", "AE")


# ----------------------------------------------------------------------------- kind and verdict


def test_verdict_line_near_the_top_makes_a_fact_check(kb):
    page = (
        "Did the Pentagon Share Targets With Moscow?\n\n"
        "Misleading\n\n"
        "The coalition exchanged safety information with Russia but no target lists, officials say.\n\n"
        "Russian media reported on Monday that the coalition had sent coordinates to Moscow.\n"
    )
    meta = _describe_text(page, kb)
    assert (meta["kind"], meta["verdict"]) == ("fact-check", "Misleading")
    assert "Misleading" not in clean_page(page, kb).body


def test_a_rating_word_deep_in_an_article_is_not_a_verdict(kb):
    paragraphs = [
        f"Paragraph {n} of the report says the talks went on for hours." for n in range(6)
    ]
    page = "\n\n".join([*paragraphs, "False", "The ministry denied the report on Monday evening."])
    meta = _describe_text(page, kb)
    assert (meta["kind"], meta["verdict"]) == ("article", None)


def test_labelled_rating_gives_the_verdict(kb):
    page = (
        "Fact Check: Russia Claims Joint Strikes With Coalition Near al-Bab\n\n"
        "Rating: Mostly false\n\n"
        "The Russian Defense Ministry said coalition aircraft took part in strikes near al-Bab.\n"
    )
    meta = _describe_text(page, kb)
    assert (meta["kind"], meta["verdict"]) == ("fact-check", "Mostly false")


def test_closing_rating_sentence_gives_the_verdict_and_stays_in_the_body(kb):
    page = (
        "Russia Says U.S. Handed Over Target Coordinates\n\n"
        "A Russian official said the coalition sent coordinates of targets near al-Bab in January.\n\n"
        "The coalition denied it, and no record of such an exchange has been published.\n\n"
        "We rate this claim Mostly False.\n"
    )
    meta = _describe_text(page, kb)
    assert (meta["kind"], meta["verdict"]) == ("fact-check", "Mostly False")
    assert clean_page(page, kb).body.endswith("We rate this claim Mostly False.")


def test_agency_tags_cited_in_a_round_up_do_not_make_it_theirs(kb):
    page = (
        "Syria Daily Brief\n\n"
        "Russia says it is ready to share targeting data with the coalition in Syria. (TASS)\n\n"
        "The Pentagon says talks with Moscow are limited to flight safety measures. (Reuters)\n\n"
        "Turkey and Russia carry out joint strikes near al-Bab, officials in Ankara say. (Reuters)\n"
    )
    assert _describe_text(page, kb)["outlet"] is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("layout_wire_reuters.txt", "article"),
        ("layout_tass_dateline.txt", "article"),
        ("layout_pentagon_transcript.txt", "transcript"),
        ("layout_digest_daily_brief.txt", "digest"),
        ("layout_disqus_comments.txt", "article"),
        ("layout_opinion_byline.txt", "commentary"),
        ("layout_russian_language.txt", "article"),
    ],
)
def test_kind_of_each_layout_fixture(kb, name, expected):
    assert _describe_fixture(name, kb)["kind"] == expected


# ----------------------------------------------------------------------------- fixtures in other layouts


def test_wire_fixture_metadata(kb):
    meta = _describe_fixture("layout_wire_reuters.txt", kb)
    assert meta["outlet"] == "Reuters"
    assert meta["outlet_type"] == "wire agency"
    assert meta["title"] == "Russia offers U.S. talks on Syria air operations, Pentagon cool"
    assert meta["author"] == "Maria Tsvetkova and Phil Stewart"  # every "Reporting by" name
    assert meta["language"] == "en"


def test_tass_fixture_metadata(kb):
    meta = _describe_fixture("layout_tass_dateline.txt", kb)
    assert (meta["outlet"], meta["outlet_country"]) == ("TASS", "RU")
    assert meta["title"] == (
        "Russia ready to share data on Syria strikes with US-led coalition — Defense Ministry"
    )
    assert meta["author"] is None


def test_transcript_fixture_metadata(kb):
    meta = _describe_fixture("layout_pentagon_transcript.txt", kb)
    assert meta["title"].startswith("Department of Defense Press Briefing by Pentagon Press")
    assert meta["author"] is None
    assert meta["outlet_type"] == "government"


def test_digest_fixture_metadata(kb):
    meta = _describe_fixture("layout_digest_daily_brief.txt", kb)
    assert meta["title"] == "Syria Daily Brief — 30 September 2016"
    assert meta["outlet"] is None  # the sources it lists are not its publisher


def test_disqus_fixture_metadata(kb):
    meta = _describe_fixture("layout_disqus_comments.txt", kb)
    assert meta["title"] == "Kerry and Lavrov agree on joint military cell for Syria"
    assert meta["author"] == "Mark Hensley"


def test_opinion_fixture_metadata(kb):
    meta = _describe_fixture("layout_opinion_byline.txt", kb)
    assert meta["author"] == "Jane Doe"
    assert meta["title"] == "Why the US should never share targeting data with Moscow"
    assert meta["verdict"] is None


def test_russian_fixture_metadata(kb):
    meta = _describe_fixture("layout_russian_language.txt", kb)
    assert meta["language"] == "ru"
    assert meta["title"] == "Минобороны России предложило Пентагону координировать удары в Сирии"


# ----------------------------------------------------------------------------- author and language


def test_anonymous_byline_gives_no_author(kb):
    page = (
        "Pentagon Rules Out Joint Strikes With Russia\n\n"
        "By Staff Correspondent\n\n"
        "The Pentagon ruled out joint strikes with Russia on Friday, a spokesman said.\n"
    )
    assert _describe_text(page, kb)["author"] is None


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By Jane Doe on October 7, 2015", "Jane Doe"),
        ("By Jane Doe for Defense One", "Jane Doe"),
        ("By Jane Doe and John Roe, Reuters", "Jane Doe and John Roe"),
        ("Jane Doe | Defense One", "Jane Doe"),
        ("Written by: Ivan Petrov", "Ivan Petrov"),
        ("Text: Anna Sokolova", "Anna Sokolova"),
        ("By Jonas Weber in Berlin and Maria Lind in Washington", "Jonas Weber and Maria Lind"),
        ("Author Jonas Weber (AFP, Reuters)", "Jonas Weber"),  # a metadata block's label
        ("Authors Anna Lind", "Anna Lind"),
        ("Thread starter gunner_mcfly · Start date 3 Oct 2016", "gunner_mcfly"),
        ("Started by kharkiv_kid, 3 Oct 2016", "kharkiv_kid"),
        ("Author Archive", None),  # one word: no name
        ("*By Jane Doe* | **Defense One** | 12 May 2017", "Jane Doe"),  # markdown emphasis
        ("_By Jane Doe_", "Jane Doe"),
        ("By jane_doe_77", None),  # an underscore inside a word is no emphasis (nor a name)
        ("Von Jonas Weber | 21.05.2016", "Jonas Weber"),  # "By" of a German page
        ("Par Claire Martin", "Claire Martin"),  # … of a French page
        ("Par for the course | Golf", None),
    ],
)
def test_byline_forms(kb, byline, author):
    page = (
        "Pentagon Rules Out Joint Strikes With Russia\n\n"
        f"{byline}\n\n"
        "The Pentagon ruled out joint strikes with Russia on Friday, a spokesman said.\n"
    )
    assert _describe_text(page, kb)["author"] == author


def test_a_dek_over_a_metadata_block_stays_the_first_paragraph_and_the_block_signs(kb):
    dek = (
        "Washington says it is done negotiating with Moscow over a truce, but the two militaries "
        "will keep talking to keep their jets apart over Syria, officials in both capitals said."
    )
    page = (
        "US halts Syria talks with Russia but keeps air safety line open\n\n"
        f"{dek}\n\nDate 03.10.2016\nAuthor Jonas Weber (Reuters, AFP, dpa)\n\n"
        "The Pentagon ruled out joint strikes with Russia on Friday, a spokesman said.\n"
    )
    meta = _describe_text(page, kb)
    assert (meta["title"], meta["author"]) == (
        "US halts Syria talks with Russia but keeps air safety line open",
        "Jonas Weber",
    )
    assert clean_page(page, kb).body.startswith(dek)


def test_uppercase_byline_is_title_cased(kb):
    page = (
        "Pentagon Rules Out Joint Strikes With Russia\n\n"
        "By JOHN SMITH\n\n"
        "The Pentagon ruled out joint strikes with Russia on Friday, a spokesman said.\n"
    )
    assert _describe_text(page, kb)["author"] == "John Smith"


def test_language_is_null_for_bodies_too_short_to_tell():
    assert detect_language("") is None
    assert detect_language("Share") is None
    assert (
        detect_language("The Pentagon said it would not coordinate with Russia in Syria.") == "en"
    )
    assert (
        detect_language("Le Pentagone a refusé toute coordination avec la Russie en Syrie.") == "fr"
    )


def test_ap_fixture_metadata(kb):
    meta = _describe_fixture("layout_ap_caption_footer.txt", kb)
    assert (meta["outlet"], meta["kind"]) == ("Associated Press", "article")
    assert meta["author"] == "Robert Burns and Lolita C. Baldor"  # shouted byline, title-cased
    assert meta["title"] == "Pentagon: No plans to coordinate with Russia in Syria"


def test_rt_fixture_publisher_is_not_the_photo_agency(kb):
    meta = _describe_fixture("layout_rt_widgets.txt", kb)
    assert meta["outlet"] == "RT"  # "Subscribe to RT newsletter", not "© Sputnik / ..."
    assert meta["title"] == "Moscow says it is ready to share data on ISIS targets with US"


def test_disinformation_case_page_is_a_fact_check_by_its_reviewer(kb):
    meta = _describe_fixture("layout_euvsdisinfo_case.txt", kb)
    assert (meta["outlet"], meta["kind"]) == ("EUvsDisinfo", "fact-check")
    assert meta["title"] == "US and Russia conducted joint airstrikes in Syria"
    assert meta["verdict"] is None  # the case page prints no rating


def test_claim_box_fact_check_metadata(kb):
    meta = _describe_fixture("layout_factcheck_claim_box.txt", kb)
    assert (meta["kind"], meta["verdict"]) == ("fact-check", "False")
    assert meta["title"] == "Did the U.S. and Russia Launch Joint Airstrikes in Syria?"
    assert meta["outlet"] is None  # TASS and VOA are its sources, nothing names the site


def test_guardian_style_page_metadata(kb):
    meta = _describe_fixture("layout_guardian_style.txt", kb)
    assert meta["outlet"] == "The Guardian"
    assert meta["author"] == "Julian Borger"  # "NAME in CITY" byline
    assert meta["title"] == "US rejects Russian offer of joint airstrikes against Nusra Front"


def test_interfax_dateline_names_the_publisher(kb):
    meta = _describe_fixture("layout_plain_comments.txt", kb)
    assert (meta["outlet"], meta["outlet_country"]) == ("Interfax", "RU")
    assert meta["title"] is None  # only the agency's name stands above the story


def test_the_sites_own_domain_in_page_links_names_the_publisher(kb):
    page = (
        "[Share on Twitter](https://twitter.com/intent/tweet?url=https://www.stripes.com/news/a)\n\n"
        "The Pentagon said on Friday it would not coordinate strikes with Russia, a spokesman said.\n\n"
        "[Subscribe](https://www.stripes.com/subscribe)\n"
    )
    assert _describe_text(page, kb)["outlet"] == "Stars and Stripes"


def test_links_cited_inside_the_article_do_not_name_the_publisher(kb):
    page = (
        "The Pentagon [said on Friday](https://www.reuters.com/article/a) it would not coordinate "
        "strikes with Russia, [according to officials](https://www.reuters.com/article/b).\n\n"
        "Moscow had proposed joint strikes a day earlier, [state media said](https://tass.com/a).\n"
    )
    assert _describe_text(page, kb)["outlet"] is None


OTHER_LANGUAGE_SAMPLES = {
    "de": (
        "Das russische Verteidigungsministerium hat am Freitag vorgeschlagen, ab dem 25. Mai "
        "gemeinsame Luftangriffe mit der von den USA geführten Koalition gegen die Nusra-Front "
        "zu fliegen. Ein Sprecher des Pentagons sagte, man arbeite nicht mit Russland zusammen "
        "und es gebe keine Pläne, das zu ändern. Was die Regierung in Washington will, blieb "
        "unklar; die Gespräche in Genf sollen aber weitergehen."
    ),
    "fr": (
        "Le ministère russe de la Défense a proposé vendredi de mener des frappes aériennes "
        "conjointes avec la coalition dirigée par les États-Unis contre le Front al-Nosra à "
        "partir du 25 mai. Un porte-parole du Pentagone a déclaré que les États-Unis ne "
        "coopéraient pas avec la Russie et qu'il n'y avait aucun projet en ce sens, mais que "
        "les discussions à Genève allaient continuer."
    ),
    "es": (
        "El Ministerio de Defensa ruso propuso el viernes realizar ataques aéreos conjuntos con "
        "la coalición liderada por Estados Unidos contra el Frente al Nusra a partir del 25 de "
        "mayo. Un portavoz del Pentágono dijo que Washington no coopera con Moscú y que no hay "
        "planes para hacerlo, aunque las conversaciones en Ginebra continuarán la semana que "
        "viene según fuentes diplomáticas."
    ),
    "nl": (
        "Het Russische ministerie van Defensie heeft vrijdag voorgesteld om vanaf 25 mei samen "
        "met de door de VS geleide coalitie luchtaanvallen uit te voeren op het Nusra-front. "
        "Een woordvoerder van het Pentagon zei dat de Verenigde Staten niet met Rusland "
        "samenwerken en dat er geen plannen zijn om dat te doen. Het was niet duidelijk of de "
        "gesprekken in Genève door zouden gaan."
    ),
    "da": (
        "Det russiske forsvarsministerium foreslog fredag, at man fra den 25. maj skulle "
        "gennemføre fælles luftangreb sammen med den amerikanskledede koalition mod Nusra-"
        "fronten. En talsmand for Pentagon sagde, at USA ikke samarbejder med Rusland, og at "
        "der ikke er planer om det, men at forhandlingerne i Genève for det meste fortsætter "
        "som planlagt i næste uge."
    ),
}


@pytest.mark.parametrize("language", sorted(OTHER_LANGUAGE_SAMPLES))
def test_language_of_other_latin_script_text_is_not_taken_for_english(language: str) -> None:
    assert detect_language(OTHER_LANGUAGE_SAMPLES[language]) == language


def test_german_article_opening_with_an_english_quote_goes_to_the_language_model() -> None:
    from analysis.metadata import _clearly_english

    text = (
        '"We are not coordinating with the Russians," sagte ein Sprecher des Pentagons am '
        "Freitag in Washington. Das russische Verteidigungsministerium hatte zuvor gemeinsame "
        "Luftangriffe gegen die Nusra-Front vorgeschlagen, die ab dem 25. Mai beginnen sollten."
    )
    assert not _clearly_english(text)


def test_plain_english_prose_is_told_without_the_language_model() -> None:
    from analysis import metadata

    text = (
        "Russia's Defense Ministry said on Friday that it had proposed to the United States that "
        "the two militaries carry out joint air strikes against the Nusra Front from May 25, but "
        "a Pentagon spokesman said Washington was not cooperating with Moscow and that there "
        "were no plans to do so, adding that talks in Geneva would continue next week."
    )
    assert metadata._clearly_english(text)
    assert detect_language(text) == "en"


# ----------------------------------------------------------------------------- outlet search


def _plain_hits(text: str, index: Any) -> list[tuple[int, str, int, int]]:
    """Every needle searched, none ruled out beforehand (the reference for ``_hits``)."""
    from analysis.metadata import _bounded

    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text
    found: list[tuple[int, str, int, int]] = []
    taken: list[tuple[int, int]] = []
    for needle, number, kind, exact, *_runs in index.terms:
        haystack = text if exact else lowered
        start = haystack.find(needle)
        while start >= 0:
            end = start + len(needle)
            if _bounded(haystack, start, end, needle) and not any(
                a < end and start < b for a, b in taken
            ):
                found.append((number, kind, start, end))
                taken.append((start, end))
            start = haystack.find(needle, end)
    return sorted(found, key=lambda hit: hit[2])


@pytest.mark.parametrize(
    "text",
    [
        "MOSCOW (Sputnik) \u2014 RIA Novosti and TASS reported, via sputniknews.com/world.",
        "SPUTNIKNEWS.COM | Sputnik International | RIA-Novosti | /TASS/",
        "Syria's Sputniks, RIAs and TASSes: none of them glued@Sputnik or www.rt.com/news",
        "\u0130stanbul: RIA Novosti (RIA NOVOSTI) ria.ru \u2014 the length changes when lowered",
        "\u039f\u0394\u039f\u03a3 RIA Novosti and \u03a3 sputniknews.com",  # capital sigma
        "\u0421\u043f\u0443\u0442\u043d\u0438\u043a and \u0422\u0410\u0421\u0421 (\u0420\u0418\u0410 \u041d\u043e\u0432\u043e\u0441\u0442\u0438)",
    ],
)
def test_outlet_hits_equal_a_search_of_every_needle(kb, text):
    from analysis.metadata import _hits, outlet_index

    index = outlet_index(kb)
    assert _hits(text, index) == _plain_hits(text, index)
    assert _hits(text, index)  # every sample names some outlet


# ----------------------------------------------------------------------------- SANA, State Department


def test_sana_page_is_published_by_sana(kb):
    meta = _describe_fixture("layout_sana_article_page.txt", kb)
    assert (meta["outlet"], meta["outlet_type"], meta["outlet_country"]) == (
        "SANA",
        "state media",
        "SY",
    )
    assert meta["title"].startswith("Foreign Ministry: US-led coalition aggression")


def test_state_department_press_statement_is_published_by_the_department(kb):
    meta = _describe_fixture("layout_state_press_statement.txt", kb)
    assert (meta["outlet"], meta["outlet_type"], meta["outlet_country"]) == (
        "U.S. Department of State",
        "government",
        "US",
    )
    assert meta["title"] == "Suspension of Bilateral Engagement With Russia on Syria"
    assert meta["published"] == date(2016, 10, 3)


def test_story_citing_sana_and_the_state_department_names_neither_as_publisher(kb):
    meta = _describe_fixture("layout_monitor_cites_sana_state.txt", kb)
    assert meta["outlet"] is None


def test_long_breadcrumb_trail_is_page_furniture(kb):
    page = (CORPUS / "layout_state_press_statement.txt").read_text(encoding="utf-8")
    cleaned = clean_page(page, kb)
    assert "Home »" not in cleaned.body
    assert cleaned.body.startswith("The United States is suspending its participation")


def test_a_white_house_release_and_a_war_on_the_rocks_page_name_their_publishers(kb):
    release = (
        "Office of the Press Secretary\nFor Immediate Release\n\nThe President met his advisers."
    )
    column = "War on the Rocks\n\nMoscow makes an offer. Washington demurs.\n\nwarontherocks.com"
    story = "The White House said on Monday that it had no plans to coordinate with Russia."
    assert _describe_text(release, kb)["outlet"] == "The White House"
    assert _describe_text(column, kb)["outlet"] == "War on the Rocks"
    assert _describe_text(story, kb)["outlet"] is None  # naming it is not publishing as it


def test_a_section_name_inside_a_menu_laid_out_one_per_line_is_no_kicker(kb):
    prose = (
        "Russia's Defence Ministry said on Friday it had offered the United States joint "
        "airstrikes on militant positions in Syria, and that it was waiting for an answer."
    )
    menu = "\n".join(["Live", "Russia", "World", "Opinion", "Multimedia", "Radio"])
    assert _describe_text(f"{menu}\n\nMilitary\n\n{prose}", kb)["kind"] == "article"
    assert _describe_text(f"Opinion\n\n{prose}", kb)["kind"] == "commentary"


def test_a_rating_given_as_our_rating_is_the_verdict(kb):
    prose = (
        "We found no record of any agreement to coordinate strikes, only of the deconfliction "
        "contacts both militaries have acknowledged since October 2015."
    )
    page = (
        f"FACT CHECK\n\nDid the generals agree to joint strikes?\n\nOUR RATING: UNPROVEN\n\n{prose}"
    )
    meta = _describe_text(page, kb)
    assert (meta["kind"], meta["verdict"]) == ("fact-check", "UNPROVEN")


# ----------------------------------------------------------------- layouts met in later batches


STORY = (
    "The ministry said on Monday that its aircraft had flown forty sorties over the province, "
    "and officials in the capital said the talks would continue next week.\n\n"
    "Analysts said the figures could not be checked independently from outside the country."
)


def test_a_rating_opening_the_paragraph_under_a_verdict_label_is_the_verdict(kb):
    page = (
        "Check Desk\n\nDid the two air forces fly a joint mission?\n\n3 May 2016\n\n"
        f"Our verdict\n\nUnsubstantiated. Neither ministry describes a joint mission.\n\n{STORY}\n"
    )
    meta = _describe_text(page, kb)
    assert (meta["kind"], meta["verdict"]) == ("fact-check", "Unsubstantiated")
    assert meta["title"] == "Did the two air forces fly a joint mission?"


def test_a_rating_line_after_a_verdict_label_further_down_is_the_verdict(kb):
    page = f"A column on a claim\n\nBy Jo Checker\n\n{STORY}\n\nThe Pinocchio Test\n\n{STORY}\n\nTwo Pinocchios\n"
    assert _describe_text(page, kb)["verdict"] == "Two Pinocchios"


def test_a_slash_date_is_read_only_when_day_and_month_cannot_be_swapped(kb):
    sure = _describe_text(
        f"A headline for the column here\n\nBy Sam Writer - 07/15/16 06:00 AM EDT\n\n{STORY}\n", kb
    )
    assert (sure["published"], sure["published_basis"]) == (date(2016, 7, 15), "header")
    unsure = _describe_text(
        f"A headline for the column here\n\nBy Sam Writer - 05/06/16\n\n{STORY}\n", kb
    )
    assert unsure["published"] != date(2016, 5, 6)
    assert unsure["published"] != date(2016, 6, 5)


def test_a_byline_with_a_title_and_a_party_in_brackets_names_the_author(kb):
    page = f"THE DAILY SHEET\n\nWhy we should not do this\n\nBy Sen. Pat Example (R-Ohio) - 02/17/16\n\n{STORY}\n"
    meta = _describe_text(page, kb)
    assert (meta["author"], meta["title"]) == ("Pat Example", "Why we should not do this")


def test_a_sites_self_description_under_its_masthead_is_not_the_article(kb):
    page = f"Fact Watch\nFact Watch is an independent checking charity.\n\nNews  About  Donate\n\n{STORY}\n"
    cleaned = clean_page(page, kb)
    assert "independent checking charity" not in cleaned.body
    assert cleaned.body.startswith("The ministry said on Monday")


def test_a_views_expressed_notice_under_the_byline_makes_a_commentary(kb):
    page = (
        "Keep the channel open, and nothing more\n\nBy Dana Author\n\n"
        f"The views expressed by contributors are their own.\n\n{STORY}\n"
    )
    assert _describe_text(page, kb)["kind"] == "commentary"


def test_a_newsletter_masthead_above_the_date_makes_a_digest(kb):
    page = f"REGION WEEKLY BRIEF\nMonday, April 10, 2017 | Issue No. 12\n\n{STORY}\n"
    assert _describe_text(page, kb)["kind"] == "digest"


def test_turns_labelled_in_ordinary_case_make_a_transcript(kb):
    turns = [
        "Question: Is there any progress on the talks?",
        "Vladimir Putin: There is some progress, and we will keep working.",
        "Question: And the military contacts?",
        "Vladimir Putin: They continue at the working level, as before.",
    ]
    assert (
        _describe_text("News conference\n\n" + "\n\n".join(turns) + "\n", kb)["kind"]
        == "transcript"
    )


def test_an_agency_named_in_a_photo_credit_is_not_the_publisher(kb):
    page = (
        "PRESS TV\n\nKerry and Lavrov meet in Moscow\n\nFri Jul 15, 2016 02:47PM\n\n"
        f"Kerry and Lavrov meet in Moscow, July 15, 2016. (AFP photo)\n\n{STORY}\n"
    )
    assert _describe_text(page, kb)["outlet"] == "Press TV"


def test_a_country_label_of_a_digest_entry_is_not_an_author(kb):
    page = (
        "REGION DAILY BRIEF\nMonday, April 10, 2017\n\n"
        "1. UNITED STATES | Officials weigh the next step\n\n"
        f"{STORY}\n"
    )
    assert _describe_text(page, kb)["author"] is None


# ----------------------------------------------------------------------------- headline and author
# Pages written for these tests: the layouts of official sites, newsletters, magazines and wires.

PROSE = (
    "The two militaries kept talking through the summer, officials in both capitals said on "
    "Tuesday, but neither side described the contacts as cooperation against any group.\n\n"
    "A second paragraph follows with more detail about the talks and what each side wanted."
)


def test_a_publishers_banner_is_no_headline_and_names_the_publisher(kb):
    page = (
        "The Ministry of Foreign Affairs of the Russian Federation\n"
        "Main page > Press service > Statements\n\n"
        "Comment by the Information and Press Department on contacts with the US military\n\n"
        f"{PROSE}\n"
    )
    meta = _describe_text(page, kb)
    assert meta["title"] == (
        "Comment by the Information and Press Department on contacts with the US military"
    )
    assert meta["outlet"] == "Russian Ministry of Foreign Affairs"


def test_a_bare_name_above_the_date_stamp_is_the_author_under_the_headline(kb):
    page = (
        "The Strategy Letter\nHome | Archive | About\n\n"
        "Why the hotline with Moscow is worth keeping\n\n"
        "Miriam Okafor\nMar 3, 2017\n\n"
        f"{PROSE}\n"
    )
    meta = _describe_text(page, kb)
    assert meta["title"] == "Why the hotline with Moscow is worth keeping"
    assert meta["author"] == "Miriam Okafor"


def test_kickers_and_mastheads_above_a_date_are_no_author(kb):
    for kicker in ("Long Read", "For Immediate Release", "Weekly Syria Monitor"):
        page = f"Some Site\n\n{kicker}\nMarch 3, 2017\n\nA headline about the talks in Geneva\n\n{PROSE}\n"
        assert _describe_text(page, kb)["author"] is None, kicker


def test_a_share_bar_between_headline_and_byline_is_passed_over(kb):
    page = (
        "Fact Site\n\n"
        "Did Moscow and Washington plan their strikes together in 2016?\n"
        "Share on Facebook | Share on Twitter | Email\n"
        "By Lena Ortiz\n"
        "March 3, 2017\n\n"
        f"{PROSE}\n"
    )
    assert _describe_text(page, kb)["title"] == (
        "Did Moscow and Washington plan their strikes together in 2016?"
    )
    assert clean_page(page, kb).body.startswith("The two militaries")


def test_a_long_standfirst_under_the_headline_stays_out_of_title_and_body(kb):
    standfirst = (
        "Officials in Ankara fear that any arrangement between the two powers would leave "
        "Kurdish militias in control of the border; the foreign minister says Turkey keeps its "
        "own line to Moscow"
    )
    page = (
        "Turkey watches the talks warily\n\n"
        f"{standfirst}\n\n"
        "By Deniz Kaya\nJuly 9, 2017\n\n"
        f"{PROSE}\n"
    )
    assert _describe_text(page, kb)["title"] == "Turkey watches the talks warily"
    assert clean_page(page, kb).body.startswith("The two militaries")


def test_a_parliament_volume_line_is_no_headline(kb):
    page = (
        "Official Report\n\n"
        "Syria: Russian Air Operations\n"
        "Volume 612: debated on Tuesday 3 May 2016\n\n"
        f"{PROSE}\n"
    )
    assert _describe_text(page, kb)["title"] == "Syria: Russian Air Operations"


def test_every_author_of_a_byline_or_a_wire_credit_is_named(kb):
    byline = _describe_text(
        f"Talks stall\n\nBy Omar Haddad with Julia Brandt in Washington\n\n{PROSE}\n", kb
    )
    assert byline["author"] == "Omar Haddad and Julia Brandt"
    credit = _describe_text(
        f"Talks stall\n\n{PROSE}\n\n(Reporting by Ivan Petrov in Moscow and Sara Lind in "
        "Washington; Additional reporting by Tom Reed; Writing by Anna Bell; Editing by Jo Kim)\n",
        kb,
    )
    assert credit["author"] == "Ivan Petrov and Sara Lind and Anna Bell"


def test_a_transcript_has_an_author_only_where_a_byline_names_one(kb):
    turns = (
        "MR. SMITH: The United States is not coordinating strikes with Russia.\n\n"
        "Q: Will that change after the ceasefire?\n\n"
        "MR. SMITH: I won't speculate on that today.\n"
    )
    hearing = _describe_text(
        f"Committee on Foreign Relations\nChairman Bob Stone | Ranking Member Ann Lee\n\n{turns}",
        kb,
    )
    assert hearing["author"] is None
    interview = _describe_text(
        f"Q&A: The air war chief on the line to Moscow\n12 Jun 2017 | By Kim Novak\n\n{turns}", kb
    )
    assert interview["author"] == "Kim Novak"


def test_a_signed_handle_loses_its_trailing_digits(kb):
    page = f"Why the Pentagon keeps saying no\n\n{PROSE}\n\nTwitter: @JaneRivers77\n"
    assert _describe_text(page, kb)["author"] == "Jane Rivers"


def test_a_column_disclaimer_in_the_second_paragraph_makes_a_commentary(kb):
    page = (
        "Why Washington will not work with Moscow\n\n"
        "Ann Rowe is a journalist and broadcaster.\n\n"
        "The statements, views and opinions expressed in this column are solely those of the "
        f"author.\n\n{PROSE}\n"
    )
    assert _describe_text(page, kb)["kind"] == "commentary"


def test_a_briefing_whose_questions_have_no_colon_is_a_transcript(kb):
    page = (
        "Press Briefing by the Press Secretary\n\n"
        "MR. HALE: Good afternoon. I have nothing at the top.\n\n"
        "Q Thanks. Moscow says the arrangement is finished. Is it?\n\n"
        "MR. HALE: We are still talking to the Russians about it.\n\n"
        "Q Will the joint centre open?\n\n"
        "MR. HALE: Not before the violence comes down.\n"
    )
    assert _describe_text(page, kb)["kind"] == "transcript"


def test_a_parliament_debate_with_constituencies_in_brackets_is_a_transcript(kb):
    page = (
        "Syria: Russian Air Operations\n\n"
        "Ann Clwyd (Cynon Valley) (Lab): Will the Minister say whether our forces share "
        "targets with the Russians?\n\n"
        "The Minister for the Armed Forces (Mike Penning): They do not, and they will not.\n\n"
        "Mr Penning: We talk to them only to keep our aircrews safe.\n\n"
        "Ann Clwyd: Then what is the channel for?\n\n"
        "Mr Penning: Safety in the air, nothing more.\n"
    )
    assert _describe_text(page, kb)["kind"] == "transcript"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain ascii words, with punctuation (and) digits 2016",
        "curly \u201cquotes\u201d and dashes\u2014glued\u2013together\u2026",
        "snake_case and __dunder__ and a_b_c",
        "non-breaking\u00a0space, ideographic\u3000space, line\u2028separator",
        "Zürich, Москва, 北京, ١٢٣ and ½ and ǅ",
        "emoji🙂glued and a lone surrogate \ud800 in text",
        "\u2014\u201c\u201d",
    ],
)
def test_alnum_runs_are_the_runs_the_pattern_finds(text):
    assert alnum_runs(text) == set(ALNUM_RUN.findall(text))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_alnum_runs_on_any_text(text):
    assert alnum_runs(text) == set(ALNUM_RUN.findall(text))


def test_a_congressional_record_page_is_a_transcript_under_its_own_heading(kb):
    page = (
        "Congress.gov | Library of Congress\n\n"
        "Text available as: TXT | PDF\n\n"
        "[Congressional Record Volume 162, Number 140 (Tuesday, September 20, 2016)]\n"
        "[Senate]\n"
        "From the Congressional Record Online through the Government Publishing Office "
        "[www.gpo.gov]\n\n"
        "RUSSIA AND THE SYRIAN CEASE-FIRE\n\n"
        "Mr. INHOFE. Mr. President, I will not vote to share targets with the Russian air force.\n\n"
        "Mr. MARKEY. Will the Senator yield for a question?\n\n"
        "Mr. INHOFE. I yield to the Senator from Massachusetts.\n"
    )
    meta = _describe_text(page, kb)
    assert (meta["kind"], meta["title"]) == ("transcript", "RUSSIA AND THE SYRIAN CEASE-FIRE")


def test_a_self_description_under_the_masthead_is_no_headline(kb):
    page = (
        "CHECKDESK\n"
        "A fact-checking website run by journalists in three countries\n\n"
        "Moscow Overstates Its Work With the Pentagon\n\n"
        "May 12, 2017\n\n"
        "RATING:\nPartially True\n\n"
        f"{PROSE}\n"
    )
    meta = _describe_text(page, kb)
    assert meta["title"] == "Moscow Overstates Its Work With the Pentagon"
    assert meta["verdict"] == "Partially True"


def test_bylines_with_a_site_name_holding_digits_and_names_in_capitals(kb):
    digits = _describe_text(f"Strikes near the river\n\nShirin Ali | News24\n\n{PROSE}\n", kb)
    assert digits["author"] == "Shirin Ali"
    capitals = f"A headline on the talks in Geneva\n\nMIRIAM OKAFOR\nJANUARY 10, 2017\n\n{PROSE}\n"
    assert _describe_text(capitals, kb)["author"] == "Miriam Okafor"


def test_a_masthead_in_capitals_names_the_publisher_and_is_no_author(kb):
    page = (
        "DER SPIEGEL | International\n\nFront Page | World | Europe | Germany | Business\n\n"
        "Talks With Moscow Collapse\n\nBy Jonas Weber\n\n"
        f"{PROSE}\n"
    )
    described = _describe_text(page, kb)
    assert described["outlet"] == "Der Spiegel"
    assert described["author"] == "Jonas Weber"
    no_byline = _describe_text(page.replace("By Jonas Weber\n\n", ""), kb)
    assert no_byline["author"] is None


def test_a_long_section_menu_above_the_headline_is_not_the_article(kb):
    page = (
        "NEWSWIRE | English edition\n\n"
        "Home | China | World | Business | Culture & Edu | Sci & Tech | Sports | Photos | Video "
        "| In-depth | Opinion\n\nRussia, U.S. militaries open direct line\n\n"
        "Source: Newswire | 2016-02-23 22:14:05 | Editor: desk\n\n"
        f"{PROSE}\n"
    )
    assert _describe_text(page, kb)["title"] == "Russia, U.S. militaries open direct line"
    assert clean_page(page, kb).body.startswith("The two militaries")


def test_an_author_writing_as_i_outside_quotations_makes_a_commentary(kb):
    column = (
        "An Hour's Notice Is Not a Partnership\n\n"
        "Let me be precise about what happened on Wednesday. I have read the ministry's statement "
        "twice, and I do not see coordination in it, only a notification.\n\n"
        "Defense Secretary Ash Carter drew the line where I would draw it: “We will talk about "
        "safety. I will not go further.”\n"
    )
    assert _describe_text(column, kb)["kind"] == "commentary"
    story = (
        "Pentagon talks to Moscow about safety\n\n"
        "Defense Secretary Ash Carter said on Wednesday that the talks covered safety only.\n\n"
        "“I have read the statement and I do not see coordination in it,” Carter said. “I will "
        "not go further.”\n"
    )
    assert _describe_text(story, kb)["kind"] == "article"  # the "I" of a quotation is the speaker's


def test_a_posters_name_above_the_stamp_signs_the_post_even_when_it_recurs_in_the_replies(kb):
    post = (
        "facebook\n\nLog In\n\nForgot account?\n\nDana Whitfield\nMarch 3, 2017 at 9:14 AM · Public\n\n"
        "A lot of you asked what the deconfliction line with the Russians really does, so here "
        "is my take as someone who worked in an air operations center for years.\n\n"
        "It keeps jets apart. It does not pick targets, and nobody on our side wants it to.\n\n"
        "#Syria\n\n1.2K   348 Comments   211 Shares\nLike   Comment   Share\n\nMost Relevant\n\n"
        "Sam Ortiz\nSo no joint strikes then? I keep reading that there were some.\n"
        "Like · Reply · 2y\n\n"
        "Dana Whitfield\nNone. Not one that I know of, and I would know.\nLike · Reply · 2y\n\n"
        "See more of Dana Whitfield on Facebook\n"
    )
    row = _describe_text(post, kb)
    assert row["author"] == "Dana Whitfield"
    assert row["title"] is None


def test_a_roundups_place_labels_each_used_once_are_sections_not_speaker_turns(kb):
    places = ["RAQQA", "DEIR EZZOR", "MOSCOW", "WASHINGTON", "IDLIB"]
    roundup = "Syria Daily Roundup\n\nTuesday, 17 October 2017\n\n" + "\n\n".join(
        f"{place}: Officials there said on Tuesday that talks with the other side went on."
        for place in places
    )
    assert _describe_text(roundup, kb)["kind"] != "transcript"
    turns = "Briefing\n\n" + "\n\n".join(
        f"{speaker}: We spoke about the deconfliction line today."
        for speaker in ["MR. COOK", "Q", "MR. COOK", "Q", "MR. COOK"]
    )
    assert _describe_text(turns, kb)["kind"] == "transcript"


def test_a_statements_signature_block_name_office_place_date_gives_its_author(kb):
    statement = (
        "Ministry of Examples\n\nSuspension of Talks With Russia on Syria\n\nPress Statement\n"
        "Jane Example\nAssistant Secretary and Department Spokesperson, Bureau of Public Affairs\n"
        "Washington, DC\nOctober 3, 2016\n\n"
        "The United States is suspending its participation in the channels with Russia that were "
        "set up to sustain the truce, the department said in a statement on Monday.\n"
    )
    assert _describe_text(statement, kb)["author"] == "Jane Example"


def test_a_name_and_office_under_the_standfirst_above_the_stamp_sign_the_piece(kb):
    page = (
        "Expert comment\n\nA military partnership with Moscow would cost more than it buys\n\n"
        "Washington should not trade its Syria policy for a partnership with Russia that the "
        "Kremlin has never been able to deliver.\n\n"
        "Dr Jane Example\nAssociate Fellow, Russia and Eurasia Programme\n\n"
        "Published 14 March 2017\n\n"
        "Since taking office, the president has said more than once that fighting Islamic State "
        "together with Russia would be a good thing.\n"
    )
    assert _describe_text(page, kb)["author"] == "Jane Example"
    assert "Associate Fellow" not in clean_page(page, kb).body


def test_a_podcasts_numbered_speakers_make_a_transcript(kb):
    turns = [
        "Speaker 1: Welcome back. With me today is a scientist who follows the Russian military.",
        "Speaker 2: Thanks for having me, it is good to be back on the show.",
        "Speaker 1: The Russians say they want joint strikes with the Americans. Is that real?",
        "Speaker 2: I think Moscow wants the image of a partnership more than the partnership.",
    ]
    page = "The Syria Hour\n\nEpisode 42\n\n" + "\n\n".join(turns) + "\n"
    assert _describe_text(page, kb)["kind"] == "transcript"


def test_turns_with_a_recordings_timestamp_before_the_label_make_a_transcript(kb):
    turns = [
        "[00:00:05] HOST: Welcome back. My guest tonight is the deputy minister. Is the channel open?",
        "[00:00:12] RYABKOV: The channel is open, and our officers use it every day without fail.",
        "[00:00:40] HOST: And do you expect the talks with Washington to resume this month at all?",
        "[00:00:51] RYABKOV: That depends on the Americans. We have always been ready for them.",
    ]
    page = "Evening Hour\n\nInterview with the deputy minister\n\n" + "\n\n".join(turns) + "\n"
    meta = _describe_text(page, kb)
    assert meta["kind"] == "transcript"
    assert meta["author"] is None
    stamped = "\n\n".join(t.replace("[00:00:", "21:00:").replace("] ", " — ") for t in turns)
    assert _describe_text("Evening Hour\n\n" + stamped + "\n", kb)["kind"] == "transcript"


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By Laura Pennick, Diplomatic Editor", "Laura Pennick"),
        ("By Laura Pennick, Owen Tarrant and agencies", "Laura Pennick and Owen Tarrant"),
    ],
)
def test_a_byline_keeps_its_people_and_leaves_out_an_office_or_the_agencies(kb, byline, author):
    page = (
        "THE WESTERN GAZETTE\n\nMinisters rule out a joint air cell with Moscow\n\n"
        f"{byline}\nTuesday 12 July 2016 08:15 BST\n\n"
        "Ministers ruled out any joint targeting cell with Russia on Monday, officials said, "
        "as talks between the two militaries in Syria continued.\n\n"
        "The decision followed weeks of debate in Washington and London about the offer.\n"
    )
    assert _describe_text(page, kb)["author"] == author


def test_a_bar_with_todays_date_and_the_weather_does_not_date_the_article(kb):
    page = (
        "THE RIGA COURIER\n\nHOME | LATVIA | WORLD | BUSINESS | OPINION\n\n"
        "Thursday, 9 March 2017 | USD/RUB 58.42 | Riga +3 °C\n\n"
        "Russian and US generals meet in Antalya\n\n"
        "By Ilze Berzina\n2017-03-07 | 18:20\n\n"
        "The chiefs of the Russian and US general staffs met in Antalya on Tuesday, officials said, "
        "to discuss how their forces in Syria keep out of each other's way.\n\n"
        "The talks were the first of their kind since the new US administration took office.\n"
    )
    meta = _describe_text(page, kb)
    assert (meta["published"], meta["published_precision"]) == (date(2017, 3, 7), "day")


def test_a_report_quoting_a_short_exchange_is_not_a_transcript(kb):
    page = (
        "Wire World\n\nMoscow says Washington stalls on the Geneva deal\n\n"
        "Published 11 Sep 2016 10:05\n\n"
        "Russia's foreign ministry accused Washington on Saturday of stalling on the Geneva deal, "
        "saying the rebels had still not been separated from al-Nusra.\n\n"
        "The ministry's spokeswoman said Moscow had waited for months and would wait no longer.\n\n"
        "A Moscow analyst told the channel that the Pentagon opposed any joint work with Russia.\n\n"
        "Wire World: Why does the Pentagon oppose the deal?\n\n"
        "Pavel Orlov: The generals see Russia as the main adversary, and they will not change.\n\n"
        "Wire World: Can the deal survive the autumn?\n\n"
        "Pavel Orlov: Only if the White House overrules them, and I do not think it will.\n\n"
        "The State Department said talks with Moscow would continue next week in Geneva.\n\n"
        "A Pentagon spokesman declined to comment on the analyst's remarks on Saturday.\n"
    )
    assert _describe_text(page, kb)["kind"] == "article"


# ----------------------------------------------------------------------------- channel pages

CHANNEL_PAGE = """Telegram
Kharkiv Air Watch
@kharkivairwatch
4 210 subscribers
Air war notes from a retired navigator. Tips: @kaw_tips
VIEW IN TELEGRAM   Join channel

March 3

Forwarded from Zvezda TV
The ministry says its aircraft struck targets near Palmyra overnight.
👁 2.1K   Mar 3, 2016 at 09:12

---

My take: the strikes near Palmyra were announced before anyone could check them, and the
coalition has said nothing yet. I would wait for the pictures before believing either side.
👁 3.4K   Mar 3, 2016 at 11:40

Telegram: a new era of messaging
t.me/s/kharkivairwatch
"""


def test_a_channel_page_is_the_platforms_and_its_posts_the_channels(kb):
    row = _describe_text(CHANNEL_PAGE, kb)
    assert (row["outlet"], row["outlet_type"]) == ("Telegram", "platform")
    assert row["author"] == "Kharkiv Air Watch"
    assert row["title"] is None  # the channel's self-description is no headline


def test_a_post_forwarded_from_another_channel_does_not_make_it_the_publisher(kb):
    page = "\n".join(
        line
        for line in CHANNEL_PAGE.splitlines()
        if "telegram" not in line.lower() and "t.me" not in line
    )
    assert _describe_text(page, kb)["outlet"] is None


def test_broadcasters_and_checkers_new_to_the_data_are_recognised(kb):
    cbc = (
        "CBC News\n\nWorld\n\nOfficials meet again over the air safety memorandum\n\n"
        "Jane Roe · CBC News · Posted: Jun 2, 2016 3:41 PM ET\n\n"
        "American and Russian officers held another video call on Sunday, officials said, "
        "the latest under the memorandum the two militaries signed last year.\n"
    )
    assert _describe_text(cbc, kb)["outlet"] == "CBC News"
    pbs = (
        "PBS NEWSHOUR\n\nWorld\n\nHow close are the U.S. and Russia in Syria?\n\n"
        "Oct 9, 2015 6:35 PM EDT\n\n"
        "JUDY WOODRUFF: We turn now to Syria, where Russian jets struck again today.\n\n"
        "GUEST: The two air forces are talking only about safety.\n"
    )
    assert _describe_text(pbs, kb)["outlet"] == "PBS NewsHour"


def test_a_name_signs_a_stamp_line_that_names_the_publisher_between_them(kb):
    page = (
        "CBC News\n\nWorld\n\nOfficials meet again over the air safety memorandum\n\n"
        "Jane Roe · CBC News · Posted: Jun 2, 2016 3:41 PM ET | Last Updated: Jun 2, 2016 "
        "6:02 PM ET\n\n"
        "American and Russian officers held another video call on Sunday, officials said, "
        "the latest under the memorandum the two militaries signed last year.\n"
    )
    assert _describe_text(page, kb)["author"] == "Jane Roe"


def test_the_display_name_under_a_thread_credit_is_the_author(kb):
    page = (
        "Thread Reader App\n\n"
        "Thread by @osint_ola\n"
        "Ola Berg\n"
        "Open-source analyst. Posts are my own.\n\n"
        "3 Oct 2017 · 3 tweets · 1 min read\n\n"
        "1/ The Russian and American air forces spoke on the hotline twice yesterday.\n\n"
        "2/ Neither side says what was discussed, and both say the line works.\n"
    )
    got = _describe_text(page, kb)
    assert (got["author"], got["title"]) == ("Ola Berg", None)


def test_a_german_wire_dateline_and_an_alliance_footer_name_their_publishers(kb):
    wire = (
        "Berlin (dpa) - Germany's defence minister said on Tuesday that the air-safety talks "
        "between Washington and Moscow over Syria should continue.\n\n"
        "The ministry gave no details.\n\n"
        "dpa xy/zz"
    )
    got = _describe_text(wire, kb)
    assert (got["outlet"], got["outlet_type"], got["outlet_country"]) == (
        "dpa",
        "wire agency",
        "DE",
    )
    alliance = (
        "Statement by the Secretary General on the situation in Syria\n\n"
        "12 Oct. 2015\n\n"
        "Allies discussed the air-safety contacts between the United States and Russia.\n\n"
        "© NATO - OTAN 2015"
    )
    assert _describe_text(alliance, kb)["outlet"] == "NATO"
    # named in an article, the alliance is no publisher
    story = (
        "Kremlin pushes back\n\nBy Ann Lee\n\nNATO said on Monday that Russian jets had "
        "entered Turkish airspace. NATO allies met in Brussels."
    )
    assert _describe_text(story, kb)["outlet"] != "NATO"


def test_mailing_list_archive_message_gives_subject_sender_and_stamp(kb):
    page = (
        "[Gulf-Watchers] Re: Is the hotline still open?\n\n"
        "Priya Ramaswamy  pramaswamy at gulf-research.example.org\n"
        "Wed Apr 12 18:05:09 EDT 2017\n\n"
        "    Previous message (by thread): [Gulf-Watchers] Is the hotline still open?\n"
        "    Next message (by thread): [Gulf-Watchers] Re: Is the hotline still open?\n"
        "    Messages sorted by: [ date ] [ thread ] [ subject ] [ author ]\n\n"
        "All,\n\n"
        "The Russian side said on Tuesday, Apr 11, 2017, that the air safety line stays suspended, "
        "but officers at the air operations centre say calls are still being answered.\n\n"
        "Priya\n\n"
        "More information about the Gulf-Watchers mailing list\n"
    )
    meta = _describe_text(page, kb)
    assert meta["title"] == "[Gulf-Watchers] Re: Is the hotline still open?"
    assert meta["author"] == "Priya Ramaswamy"
    assert meta["published"] == date(2017, 4, 12)


def test_network_post_card_names_the_author_and_a_hashtag_line_is_no_title(kb):
    page = (
        "ProNet\n"
        "Home   Jobs   Messaging   Me\n\n"
        "Dana Whitfield • 3rd+\n"
        "Retired air battle manager | Lecturer in airspace control\n"
        "2yr • Edited\n\n"
        "The Pentagon said today that the air safety line with Moscow stays open, whatever "
        "happens to the wider talks on Syria.\n\n"
        "#AirSafety #Syria #Pentagon\n\n"
        "Like   Comment   Share\n"
    )
    meta = _describe_text(page, kb)
    assert meta["author"] == "Dana Whitfield"
    assert meta["title"] is None


def test_views_disclaimer_above_endnotes_makes_a_commentary(kb):
    page = (
        "Centre for Eastern Policy\n\n"
        "Why the air safety line will survive\n\n"
        "Olga Petrenko\n"
        "12.07.2017\n\n"
        "The Russian Defence Ministry said the memorandum was suspended.[1] Moscow has said so "
        "before, and the line came back within weeks each time.\n\n"
        "The channel protects Russian pilots as much as American ones, and both militaries "
        "know it.[2]\n\n"
        "Olga Petrenko is a senior researcher at the Institute of World Economy. The views "
        "expressed are the author's own.\n\n"
        "Notes\n"
        "[1] Statement of the Ministry of Defence, 19 June 2017.\n"
        "[2] Interview with Izvestia, 21 June 2017.\n"
        "[3] Remarks at the National Press Club, 19 June 2017.\n"
        "[4] Briefing by the coalition's spokesman, 20 June 2017.\n"
    )
    assert _describe_text(page, kb)["kind"] == "commentary"


def test_closing_paragraphs_pass_over_endnotes_left_in_the_body():
    from analysis.metadata import _closing_paragraphs

    body = "First point.\n\nSecond point.\n\nThe author is a fellow.\n\nNotes\n\n[2] A.\n\n[4] B."
    assert _closing_paragraphs(body) == ["Second point.", "The author is a fellow."]
