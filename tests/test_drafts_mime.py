"""Draft bytes: threading headers, encodings, attachments, and no header injection from mail text."""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import replace
from datetime import datetime

import pytest

from hayaoshi.extract.extractor import JST
from hayaoshi.ingest.charset import decode_iso2022jp
from hayaoshi.ingest.decode import Attachment, decode_message
from hayaoshi.notify.mime import build_draft, clean_header, clean_message_id, new_message_id, reply_subject
from hayaoshi.notify.model import DraftContent, DraftKind

pytestmark = pytest.mark.unit
WHEN = datetime(2026, 11, 20, 10, 0, tzinfo=JST)
NEC = "①㈱～Ⅱ髙﨑"  # NEC row 13, the wave dash as Windows writes it, IBM extensions


def content(**overrides) -> DraftContent:
    body = f"佐藤 様\n\nいつもお世話になっております。\n単価：60～70万円 {NEC}\n"
    base = DraftContent(kind=DraftKind.JOB_REPLY, subject="【案件】Java開発 ㈱サクラ①", body=body,
                        to="sato@client-a.co.jp",
                        cc=(), in_reply_to="src-1@client-a.co.jp", references=("root@x.example", "mid@y.example"),
                        notes_for_rep=(), client_text=body, to_name="株式会社クライアントエー 佐藤")
    return replace(base, **overrides)


def parse(raw: bytes):
    return email.message_from_bytes(raw, policy=email.policy.default)


def header_lines(raw: bytes) -> list[bytes]:
    return raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n")


def test_threading_headers_and_identity():
    raw = build_draft(content(), "sales@ourses.co.jp", from_name="株式会社アワーセス", date=WHEN)
    msg = parse(raw)
    assert msg["In-Reply-To"] == "<src-1@client-a.co.jp>"
    assert msg["References"].split() == ["<root@x.example>", "<mid@y.example>", "<src-1@client-a.co.jp>"]
    assert msg["X-Hayaoshi-Source"] == "<src-1@client-a.co.jp>"
    assert re.fullmatch(r"<hayaoshi\.[0-9a-f]{32}@ourses\.co\.jp>", msg["Message-ID"])
    assert msg["Subject"] == "Re: 【案件】Java開発 ㈱サクラ①"
    assert msg["To"].addresses[0].addr_spec == "sato@client-a.co.jp"
    assert msg["From"].addresses[0].addr_spec == "sales@ourses.co.jp"
    assert msg["From"].addresses[0].display_name == "株式会社アワーセス"
    assert msg["Date"].datetime == WHEN
    assert msg.get_content().replace("\r\n", "\n") == content().body


def test_every_line_ends_in_crlf_and_headers_stay_short():
    raw = build_draft(content(references=tuple(f"id{n}@example.jp" for n in range(40))), "sales@ourses.co.jp")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))
    assert all(len(line) <= 100 for line in header_lines(raw))
    refs = parse(raw)["References"].split()
    assert len(refs) == 20 and refs[0] == "<id0@example.jp>" and refs[-1] == "<src-1@client-a.co.jp>"


@pytest.mark.parametrize(("subject", "expected"), [
    ("【案件】Java", "Re: 【案件】Java"),
    ("Re: 【案件】Java", "Re: 【案件】Java"),
    ("RE: Re[2]: Ｒｅ：返信: 【案件】Java", "Re: 【案件】Java"),
    ("Fw: 【案件】Java", "Re: Fw: 【案件】Java"),
    ("", "Re:"),
], ids=["plain", "once", "many-prefixes", "forward", "empty"])
def test_re_is_never_doubled(subject, expected):
    assert reply_subject(subject) == expected
    assert parse(build_draft(content(subject=subject), "s@ourses.co.jp"))["Subject"] == expected


def test_iso2022jp_round_trip_keeps_nec_and_ibm_characters():
    """GIVEN a draft with ～ ① ㈱ Ⅱ 髙 﨑 WHEN written as ISO-2022-JP THEN it is 7bit, labelled ISO-2022-JP,
    and decodes CP50220-style back to the same text, headers included."""
    raw = build_draft(content(), "sales@ourses.co.jp", "iso-2022-jp", from_name="株式会社アワーセス")
    assert raw.isascii()
    msg = parse(raw)
    assert msg.get_content_type() == "text/plain"
    assert msg.get_content_charset() == "iso-2022-jp"
    assert msg["Content-Transfer-Encoding"] == "7bit"
    text, defects = decode_iso2022jp(msg.get_payload(decode=True))
    assert defects == []
    assert text.replace("\r\n", "\n") == content().body
    # The project's own reader (CP50220) reads the subject and names back whole.
    decoded = decode_message(raw)
    assert decoded.subject == "Re: 【案件】Java開発 ㈱サクラ①"
    assert decoded.from_name == "株式会社アワーセス"
    assert NEC in decoded.body


def test_each_iso2022jp_line_returns_to_ascii():
    raw = build_draft(content(), "sales@ourses.co.jp", "iso-2022-jp")
    body = raw.split(b"\r\n\r\n", 1)[1]
    for line in body.split(b"\r\n"):
        if b"\x1b$B" in line:
            assert line.endswith(b"\x1b(B")


def test_utf8_is_the_default():
    msg = parse(build_draft(content(), "sales@ourses.co.jp"))
    assert msg.get_content_charset() == "utf-8"
    assert msg["Content-Transfer-Encoding"] == "8bit"


def test_a_line_too_long_for_smtp_goes_base64():
    msg = parse(build_draft(content(body="あ" * 400), "sales@ourses.co.jp"))
    assert msg["Content-Transfer-Encoding"] == "base64"
    assert msg.get_content().rstrip("\r\n") == "あ" * 400


@pytest.mark.parametrize("encoding", ["utf-8", "iso-2022-jp"])
def test_a_skill_sheet_is_attached(encoding):
    sheet = Attachment("スキルシート_T.K.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       4, b"PK\x03\x04")
    msg = parse(build_draft(content(), "sales@ourses.co.jp", encoding, [sheet]))
    assert msg.get_content_type() == "multipart/mixed"
    (part,) = list(msg.iter_attachments())
    assert part.get_filename() == "スキルシート_T.K.xlsx"
    assert part.get_payload(decode=True) == b"PK\x03\x04"
    assert decode_message(bytes(msg)).attachments[0].filename == "スキルシート_T.K.xlsx"


# ---------------------------------------------------------------- header injection


INJECTIONS = ["件名\r\nBcc: victim@evil.example", "件名\nBcc: victim@evil.example", "件名\rBcc: x@evil.example",
              "件名\x00Bcc: x@evil.example", "件名\u2028Bcc: x@evil.example", "plain\r\nBcc: victim@evil.example",
              "=?utf-8?b?DQpCY2M6IHhAZXZpbC5leGFtcGxl?="]


@pytest.mark.parametrize("subject", INJECTIONS, ids=["crlf", "lf", "cr", "nul", "u2028", "ascii-crlf", "encoded-word"])
@pytest.mark.parametrize("encoding", ["utf-8", "iso-2022-jp"])
def test_no_header_injection_from_mail_text(subject, encoding):
    """GIVEN a source mail whose subject, sender name, Message-ID and References carry CR/LF/NUL WHEN the
    draft is built THEN there is no Bcc header and every header line is one of ours."""
    evil = content(subject=subject, to_name=f"佐藤{subject}", in_reply_to=f"src@x\r\nBcc: {subject}",
                   references=("a@x\r\nBcc: v@evil.example", "b@y\x00"), to="sato@client-a.co.jp\r\nBcc: v@e.example")
    raw = build_draft(evil, "sales@ourses.co.jp", encoding)
    msg = parse(raw)
    assert msg["Bcc"] is None
    for line in header_lines(raw):
        assert b"\x00" not in line and b"\r" not in line and b"\n" not in line
        assert line[:1] in (b" ", b"\t") or re.match(rb"[A-Za-z-]+: ", line), line
    names = [line.split(b":", 1)[0] for line in header_lines(raw) if line[:1] not in (b" ", b"\t")]
    assert set(names) <= {b"Date", b"From", b"To", b"Subject", b"Message-ID", b"In-Reply-To", b"References",
                          b"X-Hayaoshi-Source", b"MIME-Version", b"Content-Type", b"Content-Transfer-Encoding"}
    assert "\n" not in msg["Subject"] and "\r" not in msg["Subject"]


def test_a_bad_recipient_address_leaves_the_to_header_out():
    raw = build_draft(content(to="sato@client-a.co.jp, boss@evil.example"), "sales@ourses.co.jp")
    assert parse(raw)["To"] is None


def test_helpers():
    assert clean_header("a\r\nb\x00c\td") == "a b c d"
    assert clean_message_id("abc@x") == "<abc@x>"
    assert clean_message_id(" <abc@x> ") == "<abc@x>"
    assert clean_message_id("a b@x") is None
    assert new_message_id("x@y.example").endswith("@y.example>")
    assert new_message_id("no address").endswith("@hayaoshi.invalid>")


def test_a_bad_from_address_is_refused():
    with pytest.raises(ValueError, match="From"):
        build_draft(content(), "sales@ourses.co.jp\r\nBcc: x@evil.example")
