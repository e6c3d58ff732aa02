"""ingest.decode and ingest.html: raw mail bytes to a DecodedMail; HTML bodies to text.

Every mail is built here as bytes, so each test shows exactly what arrives from the server.
"""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta, timezone

import pytest

from hayaoshi.errors import IngestError, MailRejected
from hayaoshi.ingest.decode import FORWARD_SEPARATOR, Attachment, Limits, decode_message
from hayaoshi.ingest.html import html_to_text

pytestmark = pytest.mark.unit

JST = timezone(timedelta(hours=9))


def eml(*headers: str | bytes, body: bytes | str = b"") -> bytes:
    """A mail: header lines (str is ASCII, bytes are sent as is), a blank line, the body."""
    lines = [h if isinstance(h, bytes) else h.encode("ascii") for h in headers]
    data = body if isinstance(body, bytes) else body.encode("ascii")
    return b"\r\n".join(lines) + b"\r\n\r\n" + data


def codes(defects: tuple[str, ...]) -> list[str]:
    return [d.split(":", 1)[0] for d in defects]


def text_part(body: bytes, *headers: str) -> bytes:
    return eml("Content-Type: text/plain; charset=utf-8", *headers, body=body)


def multipart(boundary: str, *parts: bytes) -> bytes:
    out = [f"--{boundary}\r\n".encode() + p + b"\r\n" for p in parts]
    return b"".join(out) + f"--{boundary}--\r\n".encode()


# --- headers ------------------------------------------------------------------------------


def test_iso2022jp_mail_with_nec_characters():
    """GIVEN an Outlook-style ISO-2022-JP mail whose body holds ① ㈱ № ～ and 髙
    THEN they come out as Windows shows them, and the headers are decoded and normalised."""
    raw = eml(
        "From: =?ISO-2022-JP?B?GyRCOWI2NhsoQg==?= <Takahashi@Client-A.Example.JP>",
        "Reply-To: Sales <Sales@Client-A.example.jp>",
        "To: sales@example.jp",
        "Subject: =?ISO-2022-JP?B?GyRCMEY3byEmLSEbKEI=?=",
        "Date: Fri, 20 Nov 2026 09:15:00 +0900",
        "Message-ID: <20261120.0915@client-a.example.jp>",
        "In-Reply-To: <first@example.jp>",
        "References: <root@example.jp>\r\n <first@example.jp>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=ISO-2022-JP",
        "Content-Transfer-Encoding: 7bit",
        body=b"\x1b$B-!-j!!9b66!&C12A!'\x1b(B60\x1b$BK|!A\x1b(B\r\n\x1b$B|b66\x1b(B\r\n",
    )
    mail = decode_message(raw)
    assert mail.subject == "案件・①"
    assert mail.from_name == "高橋"
    assert mail.from_addr == "takahashi@client-a.example.jp"
    assert mail.reply_to == "sales@client-a.example.jp"
    assert mail.date == datetime(2026, 11, 20, 9, 15, tzinfo=JST)
    assert mail.message_id == "20261120.0915@client-a.example.jp"
    assert mail.in_reply_to == "first@example.jp"
    assert mail.references == ("root@example.jp", "first@example.jp")
    assert mail.body == "①㈱　高橋・単価：60万～\n髙橋"
    assert mail.body_source == "plain"
    assert mail.defects == ()
    assert mail.size == len(raw)


def test_shift_jis_label_with_cp932_characters():
    raw = eml("Subject: x", "Content-Type: text/plain; charset=Shift_JIS",
              body="案件①：㈱ハヤオシ　単価～65万（髙橋）".encode("cp932"))
    mail = decode_message(raw)
    assert mail.body == "案件①：㈱ハヤオシ　単価～65万（髙橋）"
    assert mail.defects == ()


@pytest.mark.parametrize(
    ("content_type", "body", "code"),
    [
        ("text/plain; charset=us-ascii", "単価：60万".encode(), "charset-mislabeled"),
        ("text/plain", "単価：60万".encode("cp932"), "charset-missing"),
        ("text/plain; charset=x-sjis-unknown", "単価：60万".encode("cp932"), "charset-unknown"),
        ("text/plain; charset=utf-8", "単価：60万".encode("cp932"), "charset-mislabeled"),
    ],
    ids=["mislabeled-ascii", "missing", "unknown", "mislabeled-utf8"],
)
def test_body_charset_defects(content_type, body, code):
    mail = decode_message(eml("Subject: x", f"Content-Type: {content_type}", body=body))
    assert mail.body == "単価：60万"
    assert codes(mail.defects) == [code]
    assert mail.defects[0].endswith("(in text/plain body)")


def test_subject_split_mid_character_in_utf8_and_iso2022jp():
    raw = eml("Subject: =?UTF-8?B?5qGI5A==?=\r\n =?UTF-8?B?u7Y=?=", "Content-Type: text/plain", body="x")
    assert decode_message(raw).subject == "案件"
    raw = eml("Subject: =?ISO-2022-JP?B?GyRCMEY3?=\r\n\t=?ISO-2022-JP?B?bxsoQg==?=", body="x")
    assert decode_message(raw).subject == "案件"


def test_raw_8bit_subject_and_broken_encoded_word_are_flagged_with_the_header():
    raw = eml(b"Subject: \xe6\xa1\x88\xe4\xbb\xb6", "From: =?utf-8?B?!!!?= <a@b.example>", body="x")
    mail = decode_message(raw)
    assert mail.subject == "案件"
    assert mail.from_name == "=?utf-8?B?!!!?="
    assert codes(mail.defects) == ["charset-missing", "header-encoding"]
    assert mail.defects[0].endswith("(in Subject)")
    assert mail.defects[1].endswith("(in From)")


def test_missing_headers_are_none():
    mail = decode_message(b"\r\nbody only\r\n")
    assert (mail.message_id, mail.subject, mail.from_name, mail.from_addr, mail.reply_to) == (
        None, "", None, None, None)
    assert (mail.date, mail.in_reply_to, mail.references) == (None, None, ())
    assert mail.body == "body only"


@pytest.mark.parametrize(
    "date",
    ["Fri, 20 Nov 2026 09:15:00", "Fri, 20 Nov 2026 09:15:00 -0000"],
    ids=["no-zone", "zone-unknown"],
)
def test_naive_date_is_read_as_japan_time_with_a_defect(date):
    mail = decode_message(eml(f"Date: {date}", body="x"))
    assert mail.date == datetime(2026, 11, 20, 9, 15, tzinfo=JST)
    assert codes(mail.defects) == ["date"]


def test_unparsable_date_is_none_with_a_defect():
    mail = decode_message(eml("Date: 2026/11/20 9:15", body="x"))
    assert mail.date is None
    assert codes(mail.defects) == ["date"]


# --- bodies -------------------------------------------------------------------------------


def test_quoted_printable_body():
    raw = eml("Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable",
              body=b"=E5=8D=98=E4=BE=A1=EF=BC=9A60=E4=B8=87=EF=BD=9E=\r\n\r\n=E5=8B=A4=E5=8B=99=E5=9C=B0=3D=E6=B8=8B=E8=B0=B7")
    mail = decode_message(raw)
    assert mail.body == "単価：60万～\n勤務地=渋谷"
    assert mail.defects == ()


def test_bad_quoted_printable_keeps_the_text_and_says_so():
    raw = eml("Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable",
              body=b"rate =ZZ 60")
    mail = decode_message(raw)
    assert mail.body == "rate =ZZ 60"
    assert codes(mail.defects) == ["mime"]


def test_base64_body():
    raw = eml("Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64",
              body=b"44GK5LiW6Kmx44Gr44Gq44Gj44Gm44GK44KK44G+44GZ44CCCuOAkOWNmOS+oeOAkTYw5LiH772e\r\nCg==\r\n")
    mail = decode_message(raw)
    assert mail.body == "お世話になっております。\n【単価】60万～"
    assert mail.defects == ()


def test_broken_base64_decodes_what_it_can():
    """GIVEN a base64 body with stray characters and cut off one character into a group
    THEN the decodable bytes are read and a mime defect says what was wrong."""
    raw = eml("Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64",
              body=b"5Y2Y5L6h77ya!!NjDkuIc=\r\nQ")
    mail = decode_message(raw)
    assert mail.body == "単価：60万"
    assert codes(mail.defects) == ["mime"]
    assert "2 invalid characters" in mail.defects[0] and "truncated" in mail.defects[0]


def test_html_only_mail_with_a_table():
    html = (
        "<html><head><style>td{border:1px}</style></head><body>"
        "<p>下記案件のご紹介です。</p><table>"
        "<tr><td>案件名</td><td>在庫管理&amp;受発注</td></tr>"
        "<tr><td>単価</td><td>60万&nbsp;(&lt;&lt;相談可&gt;&gt;)</td></tr>"
        "<tr><th>曜日</th><th>時間</th><th>場所</th></tr></table></body></html>"
    )
    raw = eml("Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: 8bit",
              body=html.encode())
    mail = decode_message(raw)
    assert mail.body_source == "html"
    assert mail.body == "下記案件のご紹介です。\n案件名：在庫管理&受発注\n単価：60万 (<<相談可>>)\n曜日 | 時間 | 場所"
    assert mail.defects == ()


def test_html_charset_only_in_meta():
    html = '<html><head><meta charset="shift_jis"></head><body>単価：60万～</body></html>'
    mail = decode_message(eml("Content-Type: text/html", body=html.encode("cp932")))
    assert (mail.body, mail.defects) == ("単価：60万～", ())


def test_multipart_alternative_prefers_plain():
    body = multipart(
        "alt",
        text_part("単価：60万".encode()),
        eml("Content-Type: text/html; charset=utf-8", body="<p>HTML 単価：60万</p>".encode()),
    )
    raw = eml('Content-Type: multipart/alternative; boundary="alt"', body=body)
    mail = decode_message(raw)
    assert (mail.body, mail.body_source, mail.attachments) == ("単価：60万", "plain", ())


def test_empty_plain_alternative_falls_back_to_html():
    body = multipart("alt", text_part(b"\r\n"),
                     eml("Content-Type: text/html; charset=utf-8", body="<p>単価：60万</p>".encode()))
    mail = decode_message(eml('Content-Type: multipart/alternative; boundary="alt"', body=body))
    assert (mail.body, mail.body_source) == ("単価：60万", "html")


def test_inline_text_parts_are_joined_and_a_text_attachment_is_not_body():
    body = multipart(
        "mix",
        text_part("【案件1】Java".encode()),
        text_part(b"memo", 'Content-Disposition: attachment; filename="memo.txt"'),
        text_part("【案件2】PHP\r\n".encode(), "Content-Disposition: inline"),
    )
    mail = decode_message(eml('Content-Type: multipart/mixed; boundary="mix"', body=body))
    assert mail.body == "【案件1】Java\n\n【案件2】PHP"
    assert mail.attachments == (Attachment("memo.txt", "text/plain", 4, b"memo"),)


def test_attachment_filenames_rfc2231_rfc2047_and_raw_8bit():
    xlsx = b"PK\x03\x04 skill sheet"
    body = multipart(
        "mix",
        text_part("スキルシートを添付します。".encode()),
        eml("Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Content-Disposition: attachment;\r\n filename*0*=UTF-8''%E3%82%B9%E3%82%AD%E3%83%AB;\r\n"
            " filename*1*=%E3%82%B7%E3%83%BC%E3%83%88%E2%91%A0.xlsx",
            "Content-Transfer-Encoding: base64", body=b"UEsDBCBza2lsbCBzaGVldA=="),
        eml("Content-Type: application/pdf;\r\n name=\"=?ISO-2022-JP?B?GyRCJTklLSVrJTchPCVIGyhCLnhsc3g=?=\"",
            "Content-Disposition: attachment", "Content-Transfer-Encoding: base64",
            body=b"JVBERg=="),
        eml(b"Content-Type: application/octet-stream",
            b'Content-Disposition: attachment; filename="' + "履歴書.docx".encode("cp932") + b'"',
            body=b"doc"),
        eml("Content-Type: application/octet-stream",
            "Content-Disposition: attachment; filename*=shift_jis''%83X%83L%83%8B%87%40.txt",
            body=b"x"),
    )
    mail = decode_message(eml('Content-Type: multipart/mixed; boundary="mix"', body=body))
    assert [(a.filename, a.content_type, a.size) for a in mail.attachments] == [
        ("スキルシート①.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 16),
        ("スキルシート.xlsx", "application/pdf", 4),
        ("履歴書.docx", "application/octet-stream", 3),
        ("スキル①.txt", "application/octet-stream", 1),
    ]
    assert mail.attachments[0].payload == xlsx
    assert "payload" not in repr(mail.attachments[0])
    assert mail.body == "スキルシートを添付します。"
    assert codes(mail.defects) == ["charset-missing"]  # the raw cp932 filename


def test_forwarded_message_rfc822_is_appended_to_the_body():
    """GIVEN a mail that forwards another as a message/rfc822 attachment (with its own file)
    THEN its headers and text follow the body under Gmail's forward line, and its file is kept."""
    inner = eml(
        "From: =?UTF-8?B?6Ziq5pys?= <sakamoto@partner.example.jp>",
        "Date: Tue, 10 Nov 2026 11:02:00 +0900",
        "Subject: =?UTF-8?B?44CQ5qGI5Lu244CR?= Java",
        'Content-Type: multipart/mixed; boundary="in"',
        body=multipart("in", text_part("【単価】60万\r\n".encode()),
                       eml("Content-Type: application/pdf", 'Content-Disposition: attachment; filename="a.pdf"',
                           body=b"%PDF")),
    )
    body = multipart("out", text_part("共有します。".encode()),
                     eml("Content-Type: message/rfc822", "Content-Disposition: attachment", body=inner))
    mail = decode_message(eml("Subject: Fwd: x", 'Content-Type: multipart/mixed; boundary="out"', body=body))
    assert mail.body == (
        f"共有します。\n\n{FORWARD_SEPARATOR}\nFrom: 阪本 <sakamoto@partner.example.jp>\n"
        "Date: Tue, 10 Nov 2026 11:02:00 +0900\nSubject: 【案件】 Java\n\n【単価】60万"
    )
    assert [a.filename for a in mail.attachments] == ["a.pdf"]
    assert mail.defects == ()


def test_stdlib_mime_defects_are_reported():
    raw = eml('Content-Type: multipart/mixed; boundary="x"', body=b"--x\r\nContent-Type: text/plain\r\n\r\nhello\r\n")
    mail = decode_message(raw)
    assert mail.body == "hello"
    assert mail.defects == ("mime: CloseBoundaryNotFoundDefect",)


def test_multipart_without_boundary_is_read_as_text():
    mail = decode_message(eml("Content-Type: multipart/mixed", body=b"hello"))
    assert mail.body == "hello"
    assert "mime: NoBoundaryInMultipartDefect" in mail.defects


# --- bounds -------------------------------------------------------------------------------


def nested(depth: int) -> bytes:
    out = [b"From: a@b.example\r\nSubject: deep\r\nMIME-Version: 1.0\r\n"]
    for i in range(depth):
        out.append(b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i))
    out.append(b"Content-Type: text/plain\r\n\r\nhello\r\n")
    out += [b"--b%d--\r\n" % i for i in reversed(range(depth))]
    return b"".join(out)


def test_nesting_within_the_limit_is_read():
    assert decode_message(nested(30)).body == "hello"


def test_2000_deep_nesting_is_rejected_fast():
    start = time.perf_counter()
    with pytest.raises(MailRejected) as err:
        decode_message(nested(2000))
    assert err.value.reason.startswith("mime-depth: ")
    assert time.perf_counter() - start < 1.0


def test_deep_message_rfc822_chain_is_rejected():
    raw = b"".join([b"Content-Type: message/rfc822\r\n\r\n"] * 100) + b"Subject: in\r\n\r\nhello"
    with pytest.raises(MailRejected, match=r"^mime-depth: "):
        decode_message(raw)


def test_too_many_parts_is_rejected():
    body = multipart("m", *[text_part(b"x")] * 20)
    raw = eml('Content-Type: multipart/mixed; boundary="m"', body=body)
    assert len(decode_message(raw).body.split("\n\n")) == 20
    with pytest.raises(MailRejected, match=r"^mime-parts: "):
        decode_message(raw, Limits(max_parts=10))


def test_100000_address_to_header_is_ignored_fast():
    to = "To: " + ",\r\n ".join(f"user{i}@example.jp" for i in range(100_000))
    raw = eml("From: Sales <sales@example.jp>", to, "Subject: =?UTF-8?B?5qGI5Lu2?=", body="hello")
    start = time.perf_counter()
    mail = decode_message(raw)
    assert time.perf_counter() - start < 1.0
    assert (mail.subject, mail.from_addr, mail.body) == ("案件", "sales@example.jp", "hello")
    assert codes(mail.defects) == ["mime"]
    assert mail.defects[0].startswith("mime: To header of ")


def test_oversize_mail_is_rejected_before_parsing():
    with pytest.raises(MailRejected) as err:
        decode_message(b"x" * 101, Limits(max_bytes=100))
    assert err.value.reason == "size: 101 bytes > 100"
    assert isinstance(err.value, IngestError)


# --- html_to_text -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("a<br>b<br/><br />c", "a\nb\n\nc"),
        ("<div>a</div><div><br></div><div>b<br></div><div>c</div>", "a\n\nb\nc"),
        ("<p>a</p><p>&nbsp;</p><p>&nbsp;</p><p>b</p>", "a\n\nb"),
        ("<ul><li>Java<li>PHP</ul>", "Java\nPHP"),
        ("<h2>案件</h2>単価", "案件\n単価"),
        ("x &lt;&lt;Java&gt;&gt; &amp; y&nbsp;&nbsp;z &#x2460;", "x <<Java>> & y  z ①"),
        ("a\n  b\tc", "a b c"),
        ("<script>alert('<p>x')</script><style>p{}</style>a<!-- <p>hidden -->b", "ab"),
        ("<head><title>t</title></head><body>本文</body>", "本文"),
        ("<pre>  a   b\n  c</pre>", "  a   b\n  c"),
        ("<span>Ja</span><b>va</b> <a href='x>y'>link</a>", "Java link"),
        ("1 < 2 and 3 <4", "1 < 2 and 3 <4"),
        ("<![if !supportLists]>・<![endif]>項目", "・項目"),
    ],
    ids=["br", "gmail-divs", "outlook-blank-paragraphs", "li", "heading", "entities", "spaces",
         "hidden", "head", "pre", "inline", "stray-lt", "outlook-bullets"],
)
def test_html_to_text(html, text):
    assert html_to_text(html) == text


@pytest.mark.parametrize(
    ("row", "line"),
    [
        ("<td>単価</td><td>60万</td>", "単価：60万"),
        ("<td>単価：</td><td>60万</td>", "単価：60万"),
        ("<td>a</td><td>b</td><td>c</td>", "a | b | c"),
        ("<td width=10></td><td>場所</td><td> </td><td>渋谷</td>", "場所：渋谷"),
        ("<td>スキル</td><td>Java<br>PHP</td>", "スキル：Java\n\u3000\u3000PHP"),
        ("<td><p>単価</p></td><td><p>60万</p></td>", "単価：60万"),
    ],
    ids=["label-value", "label-with-colon", "three-cells", "spacer-cells", "two-line-value",
         "outlook-paragraphs"],
)
def test_html_table_rows(row, line):
    assert html_to_text(f"<p>x</p><table><tr>{row}</tr></table><p>y</p>") == f"x\n{line}\ny"


def test_html_nested_and_unclosed_tables_lose_nothing():
    html = "<table><tr><td>外側<table><tr><td>k</td><td>v</td></tr></table></td></tr></table>"
    assert html_to_text(html) == "外側\nk：v"
    assert html_to_text("<table><tr><td>a<td>b<tr><td>c") == "a：b\nc"


def test_html_text_content_matches_beautifulsoup():
    """The converter keeps every character of text that BeautifulSoup finds."""
    from bs4 import BeautifulSoup

    html = (
        "<html><head><title>x</title><style>.a{}</style></head><body><div>お世話になっております。"
        "<br>下記<b>案件</b>のご紹介です&hellip;</div><table><tr><td>作業<i>内容</i></td><td>"
        "Java&nbsp;開発</td></tr><tr><td>A</td><td>B</td><td>C</td></tr></table><ul><li>一"
        "</li><li>二</li></ul><!-- c --><p>以上、&quot;よろしく&quot;</p></body></html>"
    )
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["head", "style", "script"]):
        tag.decompose()
    squash = re.compile(r"[\s：|]")
    assert squash.sub("", html_to_text(html)) == squash.sub("", soup.get_text())


def test_html_with_broken_tags_still_converts():
    """An unterminated attribute swallows what follows, as in a browser; the text after it survives."""
    html = '<td x="' * 50_000 + "<p>end"
    text = html_to_text(html)
    assert text.endswith("end")


def test_a_20kb_outlook_html_mail_converts_row_by_row():
    row = (
        '<tr><td width="120" valign="top" style="width:90.0pt;border:solid windowtext 1.0pt;'
        'padding:0mm 5.4pt 0mm 5.4pt"><p class="MsoNormal"><span style="font-family:&quot;'
        'ＭＳ ゴシック&quot;">単価<o:p></o:p></span></p></td><td width="400" valign="top" '
        'style="width:300.0pt;border:solid windowtext 1.0pt"><p class="MsoNormal"><span lang='
        '"EN-US">60</span><span>万円<o:p></o:p></span></p></td></tr>\n'
    )
    html = "<html><head><style>p.MsoNormal{margin:0mm}</style></head><body><table>" + row * 52
    html += "</table></body></html>"
    assert len(html.encode()) > 20_000
    text = html_to_text(html)
    assert text.split("\n") == ["単価：60万円"] * 52
