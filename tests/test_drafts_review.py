"""Whether a rep edited a draft: texts compared through re-encoding and re-wrapping (notify/review.py)."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from hayaoshi.notify.review import text_fingerprint, was_edited

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
