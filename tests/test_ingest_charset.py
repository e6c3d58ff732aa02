"""ingest.charset: bytes to text as Japanese mail clients show them, every fallback a defect."""

from __future__ import annotations

import pytest

from hayaoshi.ingest.charset import (
    decode_header_value,
    decode_iso2022jp,
    decode_text,
    encode_iso2022jp,
)

pytestmark = pytest.mark.unit

# Hand-made ISO-2022-JP: ESC $ B <JIS X 0208 pairs> ESC ( B. NEC row 13: ① 2D21, № 2D62,
# ㈱ 2D6A, Ⅰ 2D35; ～ is 2141 (WAVE DASH in JIS, FULLWIDTH TILDE in cp932); 髙 7C62 is an
# NEC-selected IBM extension; 案件 3046 376F.
NEC_JIS = b"\x1b$B-!-b-j-5!A|b\x1b(B"
NEC_TEXT = "①№㈱Ⅰ～髙"
CODES = ("charset-missing", "charset-unknown", "charset-mislabeled", "undecodable-bytes")


def codes(defects: list[str]) -> list[str]:
    return [d.split(":", 1)[0] for d in defects]


# --- decode_text -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "label",
    ["shift_jis", "Shift_JIS", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csShiftJIS",
     "windows-31j", "cp932", "MS932", '"Shift_JIS"'],
)
def test_every_shift_jis_label_is_read_as_cp932(label):
    # ① ㈱ № are NEC row 13, ～ is 0x8160 and 髙 an IBM extension: only cp932 has them all.
    data = "単価：60万～①㈱№髙".encode("cp932")
    assert decode_text(data, label) == ("単価：60万～①㈱№髙", [])


@pytest.mark.parametrize("label", ["iso-2022-jp", "ISO-2022-JP", "csISO2022JP", "iso-2022-jp-3"])
def test_every_iso2022jp_label_is_read_as_cp50220(label):
    assert decode_text(NEC_JIS, label) == (NEC_TEXT, [])


def test_euc_jp_label_reads_nec_row_13_through_euc_jis_2004():
    data = "案件①です".encode("euc_jis_2004")
    assert decode_text(data, "EUC-JP") == ("案件①です", [])


def test_utf8_label_and_bom():
    assert decode_text("\ufeff案件".encode(), "utf-8") == ("案件", [])


def test_seven_bit_ascii_without_label_is_fine():
    assert decode_text(b"Java 5 years", None) == ("Java 5 years", [])


def test_seven_bit_iso2022jp_without_label_is_decoded_and_flagged():
    text, defects = decode_text(b"\x1b$B0F7o\x1b(B: Java", None)
    assert text == "案件: Java"
    assert codes(defects) == ["charset-missing"]
    assert "iso-2022-jp" in defects[0]


@pytest.mark.parametrize(
    ("data", "expected", "codec"),
    [
        ("単価：60万".encode(), "単価：60万", "utf-8"),
        ("単価：60万～①".encode("cp932"), "単価：60万～①", "cp932"),
        ("ご紹介いたします。案件です".encode("euc_jp"), "ご紹介いたします。案件です", "euc-jp"),
    ],
    ids=["utf-8", "cp932", "euc-jp-prose"],
)
def test_missing_label_on_8bit_text_tries_the_fixed_order(data, expected, codec):
    text, defects = decode_text(data, None)
    assert text == expected
    assert codes(defects) == ["charset-missing"]
    assert defects[0].endswith(f"decoded as {codec}")


def test_unknown_label_is_flagged_then_the_fixed_order_decodes():
    text, defects = decode_text("単価：60万".encode("cp932"), "x-mac-japanese-ish")
    assert text == "単価：60万"
    assert defects == ["charset-unknown: x-mac-japanese-ish"]


def test_a_codec_that_is_no_mail_charset_is_unknown():
    text, defects = decode_text(b"\\u3042", "unicode-escape")
    assert text == "\\u3042"
    assert codes(defects) == ["charset-unknown"]


def test_declared_charset_that_fails_is_mislabeled():
    text, defects = decode_text("単価：60万～".encode("cp932"), "utf-8")
    assert text == "単価：60万～"
    assert defects == ["charset-mislabeled: declared utf-8, decoded as cp932"]


def test_shift_jis_bytes_under_iso2022jp_label_are_mislabeled():
    text, defects = decode_text("案件".encode("cp932"), "ISO-2022-JP")
    assert text == "案件"
    assert defects == ["charset-mislabeled: declared ISO-2022-JP, decoded as cp932"]


@pytest.mark.parametrize(
    ("data", "label", "codec"),
    [
        ("単価：60万です".encode(), "us-ascii", "utf-8"),
        ("単価：60万です".encode(), "iso-8859-1", "utf-8"),
        ("単価：60万です".encode("cp932"), "latin-1", "cp932"),
        ("単価：60万です".encode("cp932"), "US-ASCII", "cp932"),
    ],
    ids=["ascii-utf8", "latin1-utf8", "latin1-cp932", "ascii-cp932"],
)
def test_japanese_under_an_ascii_or_latin1_label_is_mislabeled(data, label, codec):
    text, defects = decode_text(data, label)
    assert text == "単価：60万です"
    assert defects == [f"charset-mislabeled: declared {label}, decoded as {codec}"]


def test_real_latin1_text_stays_latin1():
    assert decode_text("café crème".encode("latin-1"), "iso-8859-1") == ("café crème", [])


def test_raw_iso2022jp_under_an_ascii_label_is_mislabeled():
    text, defects = decode_text(b"\x1b$B0F7o\x1b(B", "us-ascii")
    assert text == "案件"
    assert defects == ["charset-mislabeled: declared us-ascii, decoded as iso-2022-jp"]


def test_nothing_decodes_bad_bytes_are_kept_and_counted():
    """GIVEN bytes no codec of the fixed order accepts (0xFF is in none of them)
    THEN every bad byte is a U+FFFD and counted: text is never dropped."""
    text, defects = decode_text(b"Java\xff\xfe 5\x80", "utf-8")
    assert text == "Java\ufffd\ufffd 5\ufffd"
    assert defects == ["undecodable-bytes: 3 bad bytes (utf-8)"]


def test_nothing_decodes_under_shift_jis_label_uses_cp932_with_replacement():
    text, defects = decode_text("案件".encode("cp932") + b"\xff", "shift_jis")
    assert text == "案件\ufffd"
    assert defects == ["undecodable-bytes: 1 bad bytes (cp932)"]


def test_missing_label_and_nothing_decodes():
    text, defects = decode_text(b"ab\xffcd", None)
    assert text == "ab\ufffdcd"
    assert codes(defects) == ["charset-missing", "undecodable-bytes"]


def test_every_defect_is_code_colon_detail():
    for data, label in [(b"\xe6\xa1\x88", None), (b"\x88\xc4", "x-nope"), (b"\x88\xc4", "utf-8"),
                        (b"\xff", "utf-8")]:
        for defect in decode_text(data, label)[1]:
            code, _, detail = defect.partition(": ")
            assert code in CODES and detail


# --- ISO-2022-JP as CP50220 ---------------------------------------------------------------


def test_iso2022jp_nec_row_13_ibm_extensions_and_wave_dash():
    assert decode_iso2022jp(NEC_JIS) == (NEC_TEXT, [])
    # Python's own codec differs: it maps ～ to U+301C and cannot read row 13 at all.
    assert b"\x1b$B!A\x1b(B".decode("iso2022_jp") == "\u301c"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\x1b$B0F7o\x1b(B\r\n\x1b$BC12A\x1b(B: 60", "案件\r\n単価: 60"),
        (b"\x1b$B0F7o", "案件"),  # no ESC ( B at the end
        (b"\x1b$B0F\r\n7o\x1b(B", "案\r\n件"),  # a line break inside the two-byte run
        (b"\x1b$B0F 7o\x1b(B", "案 件"),  # a space inside the two-byte run
        (b"\x1b$@0F7o\x1b(B", "案件"),  # JIS C 6226-1978 designation
        (b"\x1b(J\\~\x1b(B", "\\~"),  # JIS-Roman read as ASCII, as Windows does
        (b"\x1b(I12\x1b(Bx", "ｱｲx"),  # half-width katakana
        (b"a\x0e12\x0fb", "aｱｲb"),  # SO/SI katakana
        (b"\x1b&@\x1b$B0F\x1b(B", "案"),  # JIS X 0208-1990 announcer
    ],
    ids=["lines", "unterminated", "crlf-in-kanji", "space-in-kanji", "esc-$@", "jis-roman",
         "katakana", "so-si", "esc-&@"],
)
def test_iso2022jp_escape_sequences(data, expected):
    assert decode_iso2022jp(data) == (expected, [])


@pytest.mark.parametrize(
    ("data", "expected", "bad"),
    [
        (b"\x1b$B0Ft'\x1b(B", "案\ufffd\ufffd", 2),  # a pair cp932 has no character for
        (b"\x1b$B0F7\x1b(B", "案\ufffd", 1),  # half a pair
        (b"\x1b$(D0!\x1b(Bx", "\ufffd\ufffdx", 2),  # JIS X 0212 has no cp932 mapping
        (b"ab\x80c", "ab\ufffdc", 1),  # 8-bit byte
        (b"a\x1bZb", "a\ufffdZb", 1),  # an escape CP50220 does not know
    ],
    ids=["unmapped-pair", "half-pair", "jis-x-0212", "8-bit", "unknown-escape"],
)
def test_iso2022jp_bad_bytes_become_replacement_characters(data, expected, bad):
    assert decode_iso2022jp(data) == (expected, [f"undecodable-bytes: {bad} bad bytes (iso-2022-jp)"])


@pytest.mark.parametrize(
    "text",
    ["～①㈱№髙", "案件のご紹介です。単価：60万～65万（精算140-180h）\r\n場所：渋谷駅",
     "Java(5年)、AWS ＃①② ⅰⅱ Ⅰ Ⅱ ∵ ￢ 﨑", "", "ascii only\r\n"],
    ids=["nec-ibm", "mixed-lines", "symbols", "empty", "ascii"],
)
def test_encode_then_decode_round_trips(text):
    assert decode_iso2022jp(encode_iso2022jp(text)) == (text, [])


def test_encode_iso2022jp_shape():
    data = encode_iso2022jp("単価60万\r\n")
    assert data == b"\x1b$BC12A\x1b(B60\x1b$BK|\x1b(B\r\n"
    assert data.isascii()


def test_encode_iso2022jp_ibm_extensions_use_the_nec_codes():
    # 髙 is both FBFC (IBM) and EEE0 (NEC-selected) in cp932; ⅰ FA40 / EEEF; ㈱ FA58 / 878A.
    assert encode_iso2022jp("髙ⅰ㈱") == b"\x1b$B|b|q-j\x1b(B"


def test_encode_iso2022jp_widens_halfwidth_katakana():
    assert decode_iso2022jp(encode_iso2022jp("ｶﾞｲﾄﾞ ﾊﾟｽ｡"))[0] == "ガイド パス。"


@pytest.mark.parametrize("text", ["😀 smile", "€10", "\u3099"], ids=["emoji", "euro", "mark"])
def test_encode_iso2022jp_refuses_what_cp932_cannot_hold(text):
    with pytest.raises(UnicodeEncodeError):
        encode_iso2022jp(text)


# --- RFC 2047 headers ---------------------------------------------------------------------


def test_utf8_character_split_across_two_encoded_words():
    # 案件 is E6A188 E4BBB6; the first word ends after E4, in the middle of 件.
    raw = "=?UTF-8?B?5qGI5A==?=\r\n =?UTF-8?B?u7Y=?= のご紹介"
    assert decode_header_value(raw) == ("案件 のご紹介", [])


def test_iso2022jp_character_split_across_two_encoded_words():
    # ESC $ B 0F 7 | o ESC ( B: the pair 7o (件) is cut between the words.
    raw = "=?ISO-2022-JP?B?GyRCMEY3?= =?ISO-2022-JP?B?bxsoQg==?="
    assert decode_header_value(raw) == ("案件", [])


def test_shift_jis_encoded_word_is_cp932():
    assert decode_header_value("=?Shift_JIS?B?h0CHioFg?=") == ("①㈱～", [])


def test_q_encoding_and_space_rules():
    raw = "=?utf-8?Q?Java=E6=A1=88_X?=  =?utf-8?Q?Y?= plain =?utf-8?q?Z?="
    # Between two encoded-words the space goes; between a word and text it stays.
    assert decode_header_value(raw) == ("Java案 XY plain Z", [])


def test_words_of_different_charsets_are_decoded_apart():
    raw = "=?UTF-8?B?5qGI?= =?ISO-2022-JP?B?GyRCN28bKEI=?="
    assert decode_header_value(raw) == ("案件", [])


def test_broken_encoded_word_keeps_the_raw_text():
    text, defects = decode_header_value("=?utf-8?B?5q!!?= 案件")
    assert text == "=?utf-8?B?5q!!?= 案件"
    assert codes(defects) == ["header-encoding"]


def test_unterminated_encoded_word_is_flagged():
    text, defects = decode_header_value("Re: =?utf-8?B?5qGI5Lu2")
    assert text == "Re: =?utf-8?B?5qGI5Lu2"
    assert codes(defects) == ["header-encoding"]


def test_encoded_word_with_unknown_charset():
    text, defects = decode_header_value("=?x-unknown?B?5qGI5Lu2?=")
    assert text == "案件"
    assert defects == ["charset-unknown: x-unknown"]


def test_raw_8bit_header_from_the_parser():
    """GIVEN a Subject sent as raw cp932 bytes, which the parser keeps as surrogates
    THEN the bytes are recovered and decoded by the fixed order, with charset-missing."""
    raw = "【案件】単価60万～".encode("cp932").decode("ascii", "surrogateescape")
    text, defects = decode_header_value(raw)
    assert text == "【案件】単価60万～"
    assert codes(defects) == ["charset-missing"]


def test_raw_iso2022jp_header():
    text, defects = decode_header_value("\x1b$B0F7o\x1b(B Java")
    assert text == "案件 Java"
    assert codes(defects) == ["charset-missing"]


def test_folded_header_is_unfolded():
    assert decode_header_value("Java\r\n\tエンジニア\r\n募集") == ("Java\tエンジニア募集", [])


def test_plain_header_is_returned_stripped():
    assert decode_header_value("  Re: 案件のご紹介 ") == ("Re: 案件のご紹介", [])
