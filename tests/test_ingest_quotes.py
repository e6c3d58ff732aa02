"""ingest.quotes: a reply's quoted earlier mail is not read; a forwarded mail is (docs/fields.md)."""

from __future__ import annotations

import time

import pytest

from hayaoshi.ingest.quotes import split_quoted

pytestmark = pytest.mark.unit

NEW = "小林様\n\nお世話になっております。\n【氏名】S.M（男性）\n【単価】68万"
OLD = "【案件名】代理店システム開発\n【単価】～70万"


def join(*lines: str) -> str:
    return "\n".join(lines)


def test_mail_without_quote_is_read_whole():
    body = NEW + "\n| 表の行 | は引用ではない |\n"
    assert split_quoted(body, "【人材】S.M") == (body, "")


@pytest.mark.parametrize("mark", ["> ", ">", "＞", "  > "], ids=["gt-space", "gt", "fullwidth", "indented"])
def test_quote_marked_lines_are_not_read(mark):
    body = join("了解しました。", f"{mark}【単価】～70万", "よろしくお願いします。")
    assert split_quoted(body, "Re: 案件") == (join("了解しました。", "よろしくお願いします。"), f"{mark}【単価】～70万")


@pytest.mark.parametrize(
    "header",
    [
        "-----Original Message-----",
        "----- Original Message -----",
        "-----元のメッセージ-----",
        "On Fri, Nov 20, 2026 at 9:15 AM Yamada Taro <yamada@example.jp> wrote:",
        "木村 一郎 <kimura@northbridge.example.jp> 于2026年11月20日周五 09:15写道：",
        "2026年11月20日(金) 9:15 山田 太郎 <yamada@example.jp>:",
        "2026/11/20 9:15、山田 <yamada@example.jp>のメール:",
    ],
    ids=["outlook-original", "outlook-express", "outlook-ja", "gmail-en", "gmail-zh", "gmail-ja",
         "iphone-ja"],
)
def test_everything_from_a_reply_header_on_is_quoted(header):
    body = join(NEW, "", header, OLD)
    assert split_quoted(body, "Re: 案件") == (NEW, join(header, OLD))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("On Fri, Nov 20, 2026 at 9:15 AM Yamada Taro <", "yamada@example.jp> wrote:"),
        ("2026年11月20日(金) 9:15 山田 太郎 <", "yamada@example.jp>:"),
    ],
    ids=["gmail-en", "gmail-ja"],
)
def test_reply_header_wrapped_over_two_lines(first, second):
    body = join(NEW, first, second, "> " + OLD)
    assert split_quoted(body, "Re: x") == (NEW, join(first, second, "> " + OLD))


@pytest.mark.parametrize(
    "block",
    [
        ("From: 山下 智也 <yamashita@kaede.example.jp>", "Sent: Tuesday, November 17, 2026 11:12 AM",
         "To: kobayashi@example.jp", "Subject: 【案件】物流システム"),
        ("差出人: 山下 智也 <yamashita@kaede.example.jp>", "送信日時: 2026年11月17日 11:12",
         "宛先: kobayashi@example.jp", "件名: 【案件】物流システム"),
        ("*From:* 山下 <yamashita@kaede.example.jp>", "*Sent:* Tuesday, November 17, 2026",
         "*Subject:* 【案件】物流システム"),
    ],
    ids=["outlook-en", "outlook-ja", "outlook-html-as-text"],
)
def test_outlook_header_block_in_a_reply_is_quoted_with_its_rule_line(block):
    rule = "_" * 32
    body = join(NEW, "", rule, *block, "", OLD)
    assert split_quoted(body, "RE: 【案件】物流システム") == (NEW, join("", rule, *block, "", OLD).strip("\n"))


def test_from_line_without_sent_and_subject_is_text():
    body = join("From: 東京本社 営業部", "【単価】68万", "Subject: なし")
    assert split_quoted(body, "Re: x") == (body, "")


def test_date_line_without_an_address_is_text():
    body = join(NEW, "2026年12月1日(月) 10:00 面談予定:", "・場所：渋谷")
    assert split_quoted(body, "Re: 面談") == (body, "")


@pytest.mark.parametrize(
    ("marker", "fields"),
    [
        ("---------- Forwarded message ---------",
         ("From: 鈴木 花子 <suzuki@partner.example.jp>", "Date: 2026年11月10日(火) 11:02",
          "Subject: 【人材情報】S.K", "To: <kobayashi@example.jp>")),
        ("-------- 転送メッセージ --------",
         ("件名: 【人材情報】S.K", "日付: Tue, 10 Nov 2026 11:02:00 +0900",
          "差出人: 鈴木 花子 <suzuki@partner.example.jp>", "宛先: kobayashi@example.jp")),
        ("Begin forwarded message:",
         ("", "From: 鈴木 花子 <suzuki@partner.example.jp>", "Subject: 【人材情報】S.K",
          "Date: November 10, 2026 at 11:02:00 GMT+9", "To: kobayashi@example.jp")),
    ],
    ids=["gmail", "thunderbird-ja", "apple-mail"],
)
def test_forwarded_mail_is_read_but_not_its_header_fields(marker, fields):
    """GIVEN a forward under any subject
    THEN the forwarded text is read; its From/Date/Subject fields (which would read as labels,
    件名 being a title label) are set aside with the quoted text."""
    body = join("共有します。", "", marker, *fields, "", OLD)
    read, quoted = split_quoted(body, "【人材情報】S.K")
    blank = [""] if fields[0] == "" else []
    assert read == join("共有します。", "", marker, *blank, "", OLD)
    assert quoted == join(*[f for f in fields if f])


@pytest.mark.parametrize("subject", ["FW: 【案件】Python", "Fwd: 【案件】", "Fw:案件", "転送: 案件",
                                     "[partners:123] FW: 案件", "fwd： 案件"])
def test_outlook_forward_under_a_fw_subject_is_read(subject):
    body = join("営業部各位", "", "下記案件の共有です。", "", "-----Original Message-----",
                "From: 高橋 健 <takahashi@client.example.jp>", "Sent: Wednesday, November 11, 2026 9:40 AM",
                "To: kobayashi@example.jp", "Subject: 【案件】Python", "", OLD)
    read, quoted = split_quoted(body, subject)
    assert read == join("営業部各位", "", "下記案件の共有です。", "", "-----Original Message-----", "", OLD)
    assert quoted.startswith("From: 高橋 健") and quoted.endswith("Subject: 【案件】Python")


def test_outlook_block_without_original_message_line_under_fw_subject_is_read():
    body = join("FYI", "", "From: 高橋 <t@client.example.jp>", "Sent: Wednesday, November 11, 2026",
                "Subject: 【案件】Python", "", OLD)
    assert split_quoted(body, "FW: 【案件】Python") == (join("FYI", "", "", OLD), join(
        "From: 高橋 <t@client.example.jp>", "Sent: Wednesday, November 11, 2026", "Subject: 【案件】Python"))


def test_a_reply_inside_a_forward_still_ends_what_is_read():
    body = join("共有です。", "---------- Forwarded message ---------", "From: A <a@example.jp>",
                "Subject: 案件", "", OLD, "", "On Mon, Nov 9, 2026 at 10:00 B <b@example.jp> wrote:",
                "> 以前のやりとり")
    read, quoted = split_quoted(body, "Fwd: 案件")
    assert read == join("共有です。", "---------- Forwarded message ---------", "", OLD)
    assert quoted.endswith("wrote:\n> 以前のやりとり")


def test_reply_header_under_fw_subject_is_still_a_reply():
    body = join(NEW, "On Fri, Nov 20, 2026 at 9:15 AM A <a@example.jp> wrote:", "> " + OLD)
    assert split_quoted(body, "Fwd: 案件")[0] == NEW


def test_only_a_quote_gives_empty_text():
    body = join("", "-----Original Message-----", "From: a", OLD)
    assert split_quoted(body, "RE: x") == ("", join("-----Original Message-----", "From: a", OLD))
    assert split_quoted("> a\n> b\n", "Re: x") == ("", "> a\n> b")


def test_a_megabyte_body_splits_in_linear_time():
    """GIVEN 1 MB of lines that look like header starts, and one 1 MB line
    THEN splitting stays fast (the patterns are only tried on short candidate lines)."""
    lines = ["2026年11月20日(金) 9:15 面談", "From: 本社", "On site", "> 引用", "本文です"] * 20_000
    body = "\n".join(lines)
    assert len(body.encode()) > 1_000_000
    start = time.perf_counter()
    read, quoted = split_quoted(body, "Re: x")
    one_line = split_quoted("于2026年1月1日" * 100_000 + "写道：", "Re: x")
    assert time.perf_counter() - start < 1.0
    assert quoted.count("> 引用") == 20_000 and read.count("本文です") == 20_000
    assert one_line[1] == ""
