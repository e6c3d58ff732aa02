"""The sheet in matching, in the pool and in the draft: its years count, its check reaches the rep only."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from hayaoshi.match.convert import engineer_from_posting
from hayaoshi.match.engine import rank_engineers
from hayaoshi.match.index import EngineerIndex
from hayaoshi.match.model import Job, MatchSettings, Status
from hayaoshi.store.convert import partner_engineer_values, posting_from_json, posting_json, to_engineer
from hayaoshi.store.tables import EngineerRecord, EngineerSource
from hayaoshi.tests import sheet_factory as make
from hayaoshi.tests.test_drafts_compose import job_reply
from hayaoshi.tests.test_drafts_factories import job, partner
from hayaoshi.tests.test_sheets_mail import ONE, XLSX, eml, parse

pytestmark = pytest.mark.unit
TODAY = date(2026, 11, 29)
JAVA_5 = Job(id="J1", title="在庫管理", company="client.example.jp", required_skills=("Java",),
             skill_years={"Java": 5.0}, rate_min=600_000, rate_max=800_000, start=date(2026, 12, 1), station="大宮")


def java_row(ranking):
    if not ranking.matches:
        return None
    (match,) = ranking.matches
    return next(r for r in match.requirements if r.requirement.startswith("必須: Java"))


def test_a_near_miss_becomes_a_match_on_the_sheets_years(extractor):
    """GIVEN a job asking Java 5年 and a partner's mail saying Java(3年) WHEN the sheet attached to
    the mail sums Java over its history to 10.7 years THEN the engineer meets the requirement,
    and the row cites the sheet; without the sheet the same mail falls short."""
    mail_only = parse(extractor, eml(ONE))["postings"][0]
    with_sheet = parse(extractor, eml(ONE, ("スキルシート_TK.xlsx", make.vertical_xlsx(), XLSX)))["postings"][0]
    settings = MatchSettings()
    results = {}
    for name, data in (("mail", mail_only), ("sheet", with_sheet)):
        engineer = engineer_from_posting(posting_from_json(data), f"talent:{name}", "brightlink.co.jp")
        results[name] = rank_engineers(JAVA_5, EngineerIndex([engineer]), settings, TODAY)
    before, after = java_row(results["mail"]), java_row(results["sheet"])
    assert before is not None and before.status is not Status.MET, before
    assert after is not None and after.status is Status.MET
    assert after.evidence == "Java 10年8ヶ月（メール: スキルシート_TK.xlsx 職務経歴）"
    assert results["sheet"].matches[0].score > (results["mail"].matches[0].score if results["mail"].matches else 0)


def test_the_check_and_the_sheets_skills_survive_the_pool(extractor):
    data = parse(extractor, eml(ONE, ("スキルシート_TK.xlsx", make.vertical_xlsx(), XLSX)))["postings"][0]
    posting = posting_from_json(data)
    posting.sheet_skills = ["Java", "Python"]
    back = posting_from_json(posting_json(posting))
    assert back.warnings == posting.warnings and back.sheets == posting.sheets
    assert back.sheet_skills == ["Java", "Python"]
    values = partner_engineer_values(back, 7, "brightlink.co.jp")
    record = EngineerRecord(source=EngineerSource.PARTNER, posting_id=7, **values)
    engineer = to_engineer(record, "brightlink.co.jp")
    assert engineer.warnings == tuple(posting.warnings) and engineer.warnings
    assert engineer.sheet_skills == ("Java", "Python")
    assert "check" not in engineer.evidence and "sheet_skills" not in engineer.evidence
    assert engineer.skill_years["Java"] == 10.7


def test_the_check_sits_above_the_client_block_and_never_in_it():
    """GIVEN a partner's engineer whose mail claims AWS and Java 10年, a sheet that shows neither
    AWS nor that much Java WHEN proposed for a job requiring AWS THEN the rep reads both points at
    the top of the draft; the client's part does not mention them."""
    checked = partner(skills=("Java", "Spring Boot", "詳細設計", "AWS"),
                      warnings=("Java の年数がメール 10年 とスキルシート 4.5年 で違います",),
                      sheet_skills=("Java", "Spring Boot", "詳細設計"))
    the_job = replace(job(), required_skills=("Java", "Spring Boot", "詳細設計", "AWS"), preferred_skills=())
    draft = job_reply([checked], the_job=the_job)
    head, _, rest = draft.body.partition("▲▲▲ 営業メモここまで ▲▲▲\n")
    assert "S.T: Java の年数がメール 10年 とスキルシート 4.5年 で違います" in head
    assert "S.T: 必須 AWS はメールにのみ記載で、スキルシートの職務経歴にはありません" in head
    assert rest.strip() == draft.client_text.strip()
    for word in ("スキルシート 4.5年", "メールにのみ", "違います"):
        assert word not in draft.client_text
