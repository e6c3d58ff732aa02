"""The digest as a mail: the MIME tree, inline charts, headers that no mail text can reach, the
preview, and charts without a Japanese font."""

from __future__ import annotations

import base64
import logging
import re
import warnings
from datetime import date
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from sqlalchemy import update

from hayaoshi.errors import ConfigError
from hayaoshi.notify import charts
from hayaoshi.notify.charts import render_charts, skill_labels
from hayaoshi.notify.digest import Recipients, address, build_message, preview_html, render, subject
from hayaoshi.notify.digest_data import build_digest
from hayaoshi.store.tables import Company, PostingRecord
from hayaoshi.tests.test_digest_seed import NOW, RULE, seed

pytest_plugins = ["hayaoshi.tests.store_fixtures"]

PNG = b"\x89PNG\r\n\x1a\n"
RECIPIENTS = Recipients.parse("hayaoshi <hayaoshi@ourses.co.jp>", ["営業部長 <boss@ourses.co.jp>", "team@ourses.co.jp"])
EVIL = "悪い会社\r\nBcc: victim@evil.example\r\n\x00X-Injected: yes"


@pytest.fixture
def data(store):
    seed(store)
    return build_digest(store, NOW, rule=RULE)


def parse(message: EmailMessage) -> EmailMessage:
    return message_from_bytes(message.as_bytes(), policy=policy.default)


def test_the_mail_is_text_and_html_with_inline_charts(data):
    """GIVEN the digest WHEN it is built as a mail and parsed back THEN it is multipart/alternative of
    text/plain and multipart/related(text/html, two image/png), each image referenced by its Content-ID."""
    images = render_charts(data)
    got = parse(build_message(data, images, RECIPIENTS))
    assert got.get_content_type() == "multipart/alternative"
    text_part, related = got.get_payload()
    assert text_part.get_content_type() == "text/plain" and related.get_content_type() == "multipart/related"
    html_part, *pngs = related.get_payload()
    assert html_part.get_content_type() == "text/html"
    html = html_part.get_content()
    assert [p.get_content_type() for p in pngs] == ["image/png", "image/png"]
    for part in pngs:
        assert part.get_content().startswith(PNG)
        assert part.get_content_disposition() == "inline"
        cid = part["Content-ID"].strip("<>")
        assert f'src="cid:{cid}"' in html
    assert {p.get_content() for p in pngs} == set(images.values())
    assert got["Subject"] == "【hayaoshi】週次レポート 2026/11/23–11/29"
    assert [a.addr_spec for a in got["To"].addresses] == ["boss@ourses.co.jp", "team@ourses.co.jp"]
    assert got["Auto-Submitted"] == "auto-generated" and got["Message-ID"].endswith("@ourses.co.jp>")
    assert "案件 4件（前4週の週平均 2.5件）" in text_part.get_content()


def test_no_header_takes_cr_lf_or_nul_from_mail_text(store):
    """GIVEN a company name and a 案件 title carrying CR, LF, NUL and header lines
    WHEN the digest mail is built THEN no header of any part holds CR, LF or NUL once unfolded, no
    injected header exists, and the text shows the values on one line."""
    ids = seed(store)
    # PostgreSQL refuses NUL in text: there the values carry CR and LF only.
    evil = EVIL if store.engine.dialect.name == "sqlite" else EVIL.replace("\x00", "")
    row, posting = store.posting(ids["e1"])
    with store.engine.begin() as conn:
        conn.execute(update(Company).where(Company.domain == "epsilon.co.jp").values(name=evil))
        conn.execute(update(PostingRecord).where(PostingRecord.id == row.id)
                     .values(title=evil, data={**posting, "title": evil}))
    data = build_digest(store, NOW, rule=RULE)
    raw = build_message(data, render_charts(data, japanese=False), RECIPIENTS).as_bytes()
    for part in message_from_bytes(raw, policy=policy.compat32).walk():
        for name, value in part.items():
            unfolded = re.sub(r"\r?\n[ \t]", " ", value)
            assert not re.search(r"[\r\n\x00]", unfolded), (name, value)
    parsed = message_from_bytes(raw, policy=policy.default)
    names = {name.lower() for part in parsed.walk() for name in part.keys()}
    assert not names & {"bcc", "x-injected"}
    text = parsed.get_payload()[0].get_content()
    assert "悪い会社 Bcc: victim@evil.example X-Injected: yes（顧客）" in text  # the company
    assert "悪い会社 Bcc: victim@evil.example X-Injected: yes（epsilon.co.jp" in text  # the 案件 title
    assert "\x00" not in text


def test_html_escapes_mail_text(store):
    ids = seed(store)
    with store.engine.begin() as conn:
        conn.execute(update(Company).where(Company.domain == "gamma.co.jp").values(name="<script>alert(1)</script>"))
    del ids
    _, html = render(build_digest(store, NOW, rule=RULE), {"volume": "v.png", "skills": "s.png"})
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("value", ["a@b.jp\r\nBcc: x@y.jp", "a@b.jp\x00", "not an address", "a@@b"],
                         ids=["crlf", "nul", "no-at", "two-ats"])
def test_a_configured_address_with_control_characters_is_refused(value):
    with pytest.raises(ConfigError):
        address(value, "digest.to")


def test_recipients_are_required():
    with pytest.raises(ConfigError, match=r"digest\.to"):
        Recipients.parse("a@b.jp", [])
    with pytest.raises(ConfigError, match=r"smtp\.from"):
        Recipients.parse("", ["a@b.jp"])


def test_the_preview_inlines_the_charts_as_data_uris(data):
    images = render_charts(data, japanese=False)
    html = preview_html(data, images)
    uris = re.findall(r'src="data:image/png;base64,([^"]+)"', html)
    assert len(uris) == 2 and "cid:" not in html
    assert {base64.b64decode(u) for u in uris} == set(images.values())


def test_subject_shows_the_year_again_across_new_year(data):
    from dataclasses import replace

    turn = replace(data, first_day=date(2026, 12, 28), last_day=date(2027, 1, 3))
    assert subject(turn) == "【hayaoshi】週次レポート 2026/12/28–2027/01/03"


def test_charts_without_a_japanese_font_fall_back_to_ascii(data, monkeypatch, caplog):
    """GIVEN a machine without a Japanese font THEN the charts are drawn with ASCII labels only (no
    missing-glyph warning) and a skill whose name is not ASCII is shown by its rank."""
    monkeypatch.setattr(charts, "japanese_font", lambda: None)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph ... missing from font(s)"
        with caplog.at_level(logging.WARNING, logger="hayaoshi.notify.charts"):
            images = render_charts(data)
    assert all(png.startswith(PNG) for png in images.values())
    assert "fonts-ipafont-gothic" in caplog.text
    assert skill_labels(["Java", "要件定義", "AWS"], japanese=False) == ["Java", "#2", "AWS"]
    assert skill_labels(["Java", "要件定義"], japanese=True) == ["Java", "要件定義"]


def test_charts_with_the_machines_japanese_font(data):
    family = charts.japanese_font()
    if family is None:
        pytest.skip("no Japanese font here (apt-get install fonts-ipafont-gothic)")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        images = render_charts(data, japanese=family)
    assert set(images) == {"volume", "skills"} and all(p.startswith(PNG) for p in images.values())
