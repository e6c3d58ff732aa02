"""Whether a rep edited a draft: texts compared through re-encoding and re-wrapping (notify/review.py)."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from hayaoshi.notify.mime import build_draft
from hayaoshi.notify.model import DraftContent, DraftKind
from hayaoshi.notify.review import text_fingerprint, text_hash, was_edited

pytestmark = pytest.mark.unit
TEXT = "佐藤様\n\nいつもお世話になっております。\n下記の要員をご提案いたします。\n【単価】66万円（～①㈱）\n"


def mail(body: str, cte: str, charset: str = "utf-8") -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "a@example.jp", "b@example.jp", "Re: 案件"
    msg.set_content(body, cte=cte, charset=charset)
    return bytes(msg)


def test_the_same_text_in_another_encoding_and_wrapping_has_the_same_fingerprint():
    base = text_fingerprint(mail(TEXT, "8bit"))
    assert base is not None and len(base) == 64
    assert text_fingerprint(mail(TEXT, "base64")) == base
    assert text_fingerprint(mail(TEXT, "quoted-printable")) == base
    rewrapped = "\n".join(TEXT[i:i + 12] for i in range(0, len(TEXT), 12))
    assert text_fingerprint(mail(rewrapped, "base64")) == base
    assert text_fingerprint(mail(TEXT + "\n> 元のメール\n> の引用\n", "8bit")) == base  # quoted lines


def test_a_changed_word_is_an_edit_and_an_unknown_draft_is_unknown():
    base = text_fingerprint(mail(TEXT, "8bit"))
    assert was_edited(mail(TEXT.replace("66万円", "65万円"), "base64"), base) is True
    assert was_edited(mail(TEXT, "base64"), base) is False
    assert was_edited(mail(TEXT, "base64"), None) is None


@pytest.mark.parametrize("encoding", ["utf-8", "iso-2022-jp"])
@pytest.mark.parametrize("text", [
    TEXT,
    "\n\n  佐藤様\r\n\r\n半角ｶﾀｶﾅ ｶﾞｲﾄﾞ ﾊﾟｽ｡ 濁点だけ ﾞ ﾟ\r\n～①№㈱Ⅰ髙﨑 ￢ ∵\u3000全角空白\t\n\n",
    "> 引用の行\n本文\n  > 字下げした引用\n>> 二重\n",
    "長い行 " + "Java・Spring Boot・AWS の経験" * 60 + "\n次の行",
], ids=["plain", "kana-and-symbols", "quoted", "long-line"])
def test_a_drafts_hash_of_its_text_is_the_fingerprint_of_the_built_draft(text, encoding):
    """The drafts writer keeps `text_hash(content.body)` instead of decoding the draft it built: the
    same value as `text_fingerprint` of the draft's bytes (halfwidth kana widened, NEC and IBM
    symbols, quoted lines, a line long enough for base64, with an attachment or without)."""
    content = DraftContent(kind=DraftKind.JOB_REPLY, subject="【案件】Java開発", body=text, to="b@example.jp", cc=(),
                           in_reply_to="<src@example.jp>", references=("<src@example.jp>",), notes_for_rep=(),
                           client_text=text)
    sheet = type("Sheet", (), {"filename": "経歴書.xlsx", "content_type": "application/octet-stream",
                               "payload": b"PK\x03\x04" + bytes(range(256))})()
    for attachments in ((), (sheet,)):
        raw = build_draft(content, "sales@example.jp", encoding, attachments, from_name="株式会社サンプル")
        assert text_fingerprint(raw) == text_hash(text)
