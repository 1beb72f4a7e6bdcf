"""Stage 1 — reading any input: encodings, binaries, HTML, size limits, sidecars."""

from __future__ import annotations

import codecs
import random
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.read import (
    ANSI_ESCAPE,
    CONTROL_CHARACTERS,
    MAX_BYTES,
    Problem,
    RawText,
    _without_controls,
    decode,
    html_to_text,
    looks_like_html,
    read_document,
    read_sidecar,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = FIXTURES / "corpus"
BAD = FIXTURES / "bad"


def _text(path: Path, data: bytes | None = None) -> RawText:
    result = read_document(path, data)
    assert isinstance(result, RawText), result
    return result


def _problem(path: Path, data: bytes | None = None, **kwargs: int) -> Problem:
    result = read_document(path, data, **kwargs)
    assert isinstance(result, Problem), result
    return result


# --- encodings ------------------------------------------------------------------------------


def test_cp1252_file_is_decoded_with_curly_quotes_and_em_dash():
    raw = _text(CORPUS / "enc_cp1252_wire.txt")
    assert raw.encoding == "cp1252"
    assert "WASHINGTON, Oct 14 \u2014 American and Russian" in raw.text
    assert "\u201cThis is not about coordinating targets." in raw.text
    assert "Russia\u2019s Defense Ministry" in raw.text


def test_latin1_german_file_is_decoded_with_umlauts_and_guillemets():
    raw = _text(CORPUS / "enc_latin1_german.txt")
    assert raw.encoding in {"cp1252", "latin_1", "iso8859_15"}
    assert "Das russische Außenministerium" in raw.text
    assert "\u00abDas Misstrauen ist größer als je zuvor\u00bb" in raw.text


def test_utf16_file_with_bom_is_decoded_without_the_bom():
    raw = _text(CORPUS / "enc_utf16_transcript.txt")
    assert raw.encoding == "utf-16"
    assert raw.text.startswith("Transcript \u2014 Department of Defense press briefing")
    assert "COL. STEVE WARREN: No." in raw.text


def test_utf16_big_endian_with_bom_is_decoded():
    data = codecs.BOM_UTF16_BE + "Moscow said on Friday.".encode("utf-16-be")
    raw = _text(Path("be.txt"), data)
    assert (raw.text, raw.encoding) == ("Moscow said on Friday.", "utf-16")


def test_utf8_bom_is_stripped():
    raw = _text(Path("bom.txt"), codecs.BOM_UTF8 + "“Quoted,” he said.".encode())
    assert raw.text == "“Quoted,” he said."
    assert raw.encoding == "utf-8"


def test_russian_utf8_item_stays_a_document():
    raw = _text(CORPUS / "enc_russian_tass.txt")
    assert raw.encoding == "utf-8"
    assert "МОСКВА, 9 сентября 2016. /ТАСС/." in raw.text


def test_cp1251_russian_bytes_are_decoded_as_cyrillic():
    text = (
        "Министерство обороны России заявило, что американская сторона передала координаты "
        "целей в районе Эль-Баба. В Пентагоне это опровергли."
    )
    raw = _text(Path("cp1251.txt"), text.encode("cp1251"))
    assert raw.text == text
    assert raw.encoding == "cp1251"


def test_sha256_and_size_describe_the_bytes_on_disk():
    raw = _text(CORPUS / "enc_cp1252_wire.txt")
    data = (CORPUS / "enc_cp1252_wire.txt").read_bytes()
    assert raw.n_bytes == len(data)
    assert len(raw.sha256) == 64


# --- problems -------------------------------------------------------------------------------


def test_empty_file_is_a_problem_empty():
    assert _problem(BAD / "empty.txt").reason == "empty"


def test_whitespace_only_file_is_a_problem_empty():
    assert _problem(BAD / "whitespace.txt").reason == "empty"


def test_png_disguised_as_txt_is_reported_as_binary_png():
    problem = _problem(BAD / "image.txt")
    assert problem.reason == "binary"
    assert "PNG" in problem.detail


@pytest.mark.parametrize(
    ("head", "label"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "GZIP"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    ],
)
def test_known_file_signatures_name_the_format(head: bytes, label: str):
    data = head + bytes(random.Random(7).randrange(256) for _ in range(300))
    problem = _problem(Path("x.txt"), data)
    assert problem.reason == "binary"
    assert label in problem.detail


def test_nul_bytes_make_a_file_binary():
    problem = _problem(Path("x.txt"), b"Russia said\x00\x00\x00 on Friday" * 10)
    assert (problem.reason, problem.detail) == ("binary", "NUL bytes: not a text file")


def test_a_stray_nul_byte_is_dropped_and_the_text_kept():
    text = _text(Path("x.txt"), b"The Pentagon denied\x00 any coordination with Russia on Friday.")
    assert text.text == "The Pentagon denied any coordination with Russia on Friday."


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_written_without_a_byte_order_mark_is_decoded(codec: str):
    page = "The Kremlin said on Tuesday that Moscow stays ready to coordinate with Washington.\n"
    text = _text(Path("x.txt"), page.encode(codec))
    assert (text.text, text.encoding) == (page, codec)


def test_terminal_colour_codes_and_control_characters_are_removed():
    data = b"\x1b[31mAlert\x1b[0m The Pentagon said\x07 it has no plans\x0b to coordinate."
    text = _text(Path("x.txt"), data)
    assert text.text == "Alert The Pentagon said it has no plans to coordinate."


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["\x1b[31m", "\x1b[0m", "\x1b", "\x07", "\x0b", "\x7f", "\t", "\n"])
        | st.text(max_size=8),
        max_size=12,
    ).map("".join)
)
def test_control_characters_are_removed_as_the_patterns_remove_them(text: str):
    expected = CONTROL_CHARACTERS.sub("", ANSI_ESCAPE.sub("", text))
    assert _without_controls(text) == expected
    assert _without_controls(text, text.encode("utf-8", "surrogatepass")) == expected


def test_many_control_characters_make_a_file_binary():
    problem = _problem(Path("x.txt"), b"\x01\x02\x03\x04abc\x05\x06\x07\x08" * 40)
    assert problem.reason == "binary"
    assert "control characters" in problem.detail


def test_random_high_bytes_are_undecodable():
    rng = random.Random(2016)
    data = bytes(rng.randrange(128, 256) for _ in range(2000))
    assert _problem(Path("x.txt"), data).reason == "undecodable"


def test_file_over_the_limit_is_too_large_without_being_read(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(3 * 1024 * 1024)  # sparse 3 MB file

    def refuse(self: Path) -> bytes:
        raise AssertionError("a too-large file must not be read")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    problem = _problem(big)
    assert problem.reason == "too_large"
    assert f"{MAX_BYTES:,}" in problem.detail


def test_size_limit_is_a_parameter(tmp_path):
    small = tmp_path / "small.txt"
    small.write_text("The Pentagon said on Friday it would not coordinate. " * 40)
    assert _problem(small, max_bytes=1000).reason == "too_large"
    assert isinstance(read_document(small, max_bytes=10_000), RawText)


def test_missing_file_is_unreadable(tmp_path):
    problem = _problem(tmp_path / "gone.txt")
    assert problem.reason == "unreadable"
    assert "FileNotFoundError" in problem.detail


def test_permission_error_is_unreadable(tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text("secret")

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    problem = _problem(locked)
    assert problem.reason == "unreadable"
    assert "Permission denied" in problem.detail


def test_only_punctuation_is_no_text():
    assert _problem(Path("x.txt"), b"-- * -- * --\n\n...\n").reason == "no_text"


def test_problem_keeps_the_given_doc_id_and_path(tmp_path):
    problem = read_document(tmp_path / "a.txt", b"", doc_id="a.txt~1234")
    assert isinstance(problem, Problem)
    assert (problem.doc_id, problem.path) == ("a.txt~1234", str(tmp_path / "a.txt"))


# --- HTML -----------------------------------------------------------------------------------


def test_saved_html_page_becomes_text_without_scripts_or_styles():
    raw = _text(BAD / "page.html")
    assert raw.markup == "html"
    assert "alert" not in raw.text
    assert "dataLayer" not in raw.text
    assert "font-family" not in raw.text
    assert "tracking" not in raw.text
    assert "<p>" not in raw.text


def test_html_entities_are_unescaped_and_paragraphs_kept():
    raw = _text(BAD / "page.html")
    assert "MOSCOW \u2014 The Kremlin said on Monday" in raw.text
    assert (
        "\u201cOur American partners were not ready,\u201d Kremlin spokesman Dmitry Peskov"
        in raw.text
    )
    assert 'there was "no formal proposal" & no plan to coordinate.' in raw.text
    assert "coordinate.\n\nRussia and the United States have a memorandum" in raw.text


def test_html_title_leads_the_text():
    raw = _text(BAD / "page.html")
    assert raw.text.startswith("Kremlin says US rejected joint strikes offer | Example Daily\n\n")


def test_tag_dense_txt_file_is_converted():
    markup = (
        '<div class="story"><h2>Lavrov and Kerry meet in Geneva</h2>'
        "<p>Russia and the US agreed on a ceasefire plan.</p>"
        "<p>Joint strikes would follow a week of calm.</p>"
        '<span class="share">Share</span><br/><a href="/x">More</a></div>'
    )
    raw = _text(Path("story.txt"), markup.encode())
    assert raw.markup == "html"
    assert "Russia and the US agreed on a ceasefire plan.\n\nJoint strikes" in raw.text


def test_text_mentioning_a_tag_is_not_treated_as_html():
    text = "Editors wrap quotes in <blockquote> tags, the style guide says. " * 3
    assert not looks_like_html(text)
    assert _text(Path("guide.txt"), text.encode()).markup == "text"


def test_unclosed_head_does_not_hide_the_body():
    markup = "<html><head><title>T</title><meta charset=utf-8><body><p>Russia said so.</p>"
    assert html_to_text(markup) == "T\n\nRussia said so."


def test_page_of_only_scripts_is_no_text():
    data = b"<html><head><script>var x = 1;</script></head><body>&nbsp;</body></html>"
    assert _problem(Path("x.html"), data).reason == "no_text"


def test_broken_markup_never_raises():
    assert html_to_text("<p>Unclosed <b>bold <script>x = '</p>") == "Unclosed bold"
    assert html_to_text("<<<>>><!-- -->&#99999999;</") is not None


# --- sidecars -------------------------------------------------------------------------------


def test_sidecar_fields_are_read_and_published_is_a_date(tmp_path):
    (tmp_path / "a.txt").write_text("text")
    (tmp_path / "a.meta.toml").write_text('published = 2016-05-20\noutlet = "Reuters"\n')
    assert read_sidecar(tmp_path / "a.txt") == {"published": date(2016, 5, 20), "outlet": "Reuters"}


def test_sidecar_published_may_be_a_quoted_iso_date(tmp_path):
    (tmp_path / "a.meta.toml").write_text('published = "2016-05-20"\n')
    assert read_sidecar(tmp_path / "a.txt")["published"] == date(2016, 5, 20)


def test_missing_sidecar_is_empty(tmp_path):
    assert read_sidecar(tmp_path / "a.txt") == {}


@pytest.mark.parametrize(
    "content",
    [b"published = [unclosed", b'published = "last spring"\n', b'outlet = "\xff\xfe"\n'],
)
def test_bad_sidecar_raises_value_error(tmp_path, content: bytes):
    (tmp_path / "a.meta.toml").write_bytes(content)
    with pytest.raises(ValueError):  # noqa: PT011 — TOML, date and UTF-8 errors all qualify
        read_sidecar(tmp_path / "a.txt")


def test_a_western_page_is_read_in_the_webs_usual_encoding_before_rarer_code_pages():
    """A generated cp1252 page that charset-normalizer, choosing among every code page, reads as
    cp775 (its curly quotes turned into Baltic letters)."""
    raw = (FIXTURES / "encodings" / "cp1252_curly_quotes.txt").read_bytes()
    text, encoding = decode(raw)
    assert (text, encoding) == (raw.decode("cp1252"), "cp1252")
    assert "“focused solely on ensuring the safety" in text


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        (
            "cp1254",
            "Dışişleri Bakanı Çavuşoğlu, ortak operasyonun söz konusu olmadığını söyledi: "
            "“Şu anda böyle bir işbirliği yok,” dedi. Ağır silahların çekilmesi gerektiğini vurguladı.",
        ),
        (
            "cp1250",
            "Minister Ławrow powiedział, że Rosja jest gotowa do współpracy z koalicją. "
            "Żołnierze amerykańscy nie będą koordynować uderzeń z rosyjskim lotnictwem.",
        ),
        (
            "koi8_r",
            "Министерство обороны России заявило, что военные обменялись информацией о "
            "целях в Сирии. Пентагон опроверг это сообщение.",
        ),
        (
            "cp1253",
            "Το υπουργείο Άμυνας της Ρωσίας ανακοίνωσε ότι οι δυνάμεις αντάλλαξαν "
            "πληροφορίες για στόχους στη Συρία. Το Πεντάγωνο διέψευσε την ανακοίνωση.",
        ),
    ],
)
def test_pages_in_other_single_byte_encodings_keep_their_letters(encoding, text):
    assert decode(text.encode(encoding))[0] == text
