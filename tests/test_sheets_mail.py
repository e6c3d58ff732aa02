"""A talent mail with its skill sheets attached, through the extractor and `hayaoshi parse`."""

from __future__ import annotations

import json
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path

import pytest

from hayaoshi.cli import main
from hayaoshi.extract.extractor import JST
from hayaoshi.ingest.decode import decode_message
from hayaoshi.tests import sheet_factory as make

pytestmark = pytest.mark.unit
PDFS = Path(__file__).parent / "samples" / "sheets"
NOW = datetime(2026, 11, 29, 9, 0, tzinfo=JST)
XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")

ONE = """営業ご担当者様

株式会社ブライトリンクの小林です。弊社エンジニアをご紹介いたします。

【氏　名】T.K（男性）
【スキル】Java(3年)、Spring Boot
【単　価】65万円
【稼　働】12月～
【所　属】弊社正社員

詳細は添付のスキルシートをご覧ください。
"""

TWO = """営業ご担当者様

弊社エンジニア2名をご紹介いたします。

【氏　名】T.K（男性）
【年　齢】32歳
【スキル】Java(10年)、Spring Boot
【単　価】65万円
━━━━━━━━━━━━━━━━
【氏　名】R.S（男性）
【年　齢】41歳
【スキル】Java、AWS
【単　価】80万円

ご検討のほど、よろしくお願いいたします。
"""


def eml(body: str, *attachments: tuple[str, bytes, tuple[str, str]], subject: str = "【人材情報】ご紹介") -> bytes:
    msg = EmailMessage()
    msg["From"] = "小林 <kobayashi@brightlink.example.jp>"
    msg["To"] = "sales@example.jp"
    msg["Subject"] = subject
    msg["Date"] = "Sun, 29 Nov 2026 09:00:00 +0900"
    msg["Message-ID"] = "<sheets-test@example.jp>"
    msg.set_content(body)
    for filename, data, (main_type, sub_type) in attachments:
        msg.add_attachment(data, maintype=main_type, subtype=sub_type, filename=filename)
    return msg.as_bytes()


def parse(extractor, raw: bytes) -> dict:
    return extractor.extract(decode_message(raw), now=NOW).to_json()


def test_the_sheet_fills_what_the_mail_lacks_and_its_years_count(extractor):
    """GIVEN a mail without age or station, Java 3年, and a sheet whose history sums Java to 10.7
    years WHEN parsed THEN age and station come from the sheet, cited with the file name; Java is
    10.7 years; the disagreement is a warning for the rep."""
    got = parse(extractor, eml(ONE, ("スキルシート_TK.xlsx", make.vertical_xlsx(), XLSX)))
    (p,) = got["postings"]
    assert p["sheets"] == [{"filename": "スキルシート_TK.xlsx", "status": "read", "reason": None}]
    assert (p["age"], p["station"]) == (32, "大宮")
    assert p["evidence"]["age"] == "スキルシート_TK.xlsx: 年齢 32歳"
    assert p["evidence"]["station"] == "スキルシート_TK.xlsx: 最寄駅 JR京浜東北線 大宮駅"
    assert p["skill_years"]["Java"] == 10.7 and p["skill_years"]["Python"] == 5.2
    assert p["evidence"]["skill_years"].startswith("スキルシート_TK.xlsx: Java 10.7年")
    assert {"Spring Boot", "Python", "AWS", "要件定義", "PL"} <= set(p["skills"])
    assert p["rate_min"] == 650000  # the mail's own values stay
    assert "Java の年数がメール 3年 とスキルシート 10.7年 で違います" in p["warnings"]
    assert any("が重なっています" in w for w in p["warnings"])  # the fixture's projects overlap


@pytest.mark.parametrize(
    ("filename", "data", "subtype", "status"),
    [("bomb.xlsx", make.bomb_xlsx, XLSX, "refused"), ("half.xlsx", make.truncated_xlsx, XLSX, "failed"),
     ("sheet.pdf", lambda: (PDFS / "encrypted.pdf").read_bytes(), ("application", "pdf"), "refused"),
     ("scan.pdf", lambda: (PDFS / "scan_no_text.pdf").read_bytes(), ("application", "pdf"), "no_text")],
    ids=["bomb", "truncated", "encrypted", "scan"],
)
def test_a_hostile_attachment_does_not_stop_the_mail(extractor, filename, data, subtype, status):
    got = parse(extractor, eml(ONE, (filename, data(), subtype)))
    (p,) = got["postings"]
    assert got["kind"] == "talent" and p["skills"] == ["Java", "Spring Boot"] and p["rate_min"] == 650000
    assert p["sheets"][0]["status"] == status and p["sheets"][0]["reason"]
    (warning,) = p["warnings"]
    assert warning.startswith(f"スキルシート {filename} ") and f"（{p['sheets'][0]['reason']}）" in warning
    assert p["age"] is None  # nothing guessed


def test_several_engineers_take_the_sheet_that_names_them(extractor):
    raw = eml(TWO, ("経歴書(R.S).pdf", (PDFS / "keirekisho_tk.pdf").read_bytes(), ("application", "pdf")),
              ("スキルシート_TK.xlsx", make.horizontal_xlsx(), XLSX),
              ("skillsheet.xlsx", make.table_docx(), XLSX))
    tk, rs = parse(extractor, raw)["postings"]
    assert [s["filename"] for s in tk["sheets"]] == ["スキルシート_TK.xlsx"]
    assert [s["filename"] for s in rs["sheets"]] == ["経歴書(R.S).pdf"]
    assert rs["skill_years"]["Java"] == 12.7 and rs["station"] == "武蔵小杉"
    assert tk["skill_years"]["Java"] == 10.7
    unattached = "添付 skillsheet.xlsx がどの要員のスキルシートか分からないため反映していません"
    assert unattached in tk["warnings"] and unattached in rs["warnings"]


def test_job_postings_carry_neither_sheets_nor_warnings(extractor):
    raw = eml("【案件名】在庫管理\n【必須スキル】Java\n【単価】60万\n【場所】品川駅\n",
              ("spec.pdf", (PDFS / "resume_latin.pdf").read_bytes(), ("application", "pdf")), subject="【案件】Java")
    (p,) = parse(extractor, raw)["postings"]
    assert p["kind"] == "job" and "sheets" not in p and "warnings" not in p


def test_hayaoshi_parse_prints_sheets_and_warnings(tmp_path, capsys):
    path = tmp_path / "talent.eml"
    path.write_bytes(eml(ONE, ("bomb.xlsx", make.huge_sheet(11 * 1024 * 1024), XLSX)))
    assert main(["parse", "--no-ginza", str(path)]) == 0
    (p,) = json.loads(capsys.readouterr().out)["postings"]
    assert p["sheets"][0]["status"] == "refused" and p["sheets"][0]["reason"].startswith("too-large")
    assert p["warnings"]
    assert main(["parse", "--no-ginza", "--format", "table", str(path)]) == 0
    table = capsys.readouterr().out
    assert "sheets: bomb.xlsx refused (too-large" in table and "warnings: スキルシート bomb.xlsx" in table


@pytest.mark.parametrize(
    ("filename", "expected"),
    [("スキルシート_TK.xlsx", {"TK"}), ("経歴書(R.S).pdf", {"RS"}), ("skillsheet.xlsx", set()),
     ("TK_skillsheet.xlsx", {"TK"}), ("Ｔ・Ｋ様_経歴書.docx", {"TK"})],
    ids=["underscore", "parenthesised", "a-word-is-not-initials", "initials-first", "full-width"],
)
def test_initials_in_a_file_name(filename, expected):
    from hayaoshi.extract.attach import _names_in

    assert _names_in(filename) == expected
