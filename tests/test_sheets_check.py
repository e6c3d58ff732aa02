"""The record check: what would read as a lie if the client found it first (the seed's ④C)."""

from __future__ import annotations

from datetime import date

import pytest

from hayaoshi.extract.check import check_against_job, check_record
from hayaoshi.extract.model import Posting, PostingKind
from hayaoshi.extract.periods import Period
from hayaoshi.extract.sheet import Project, SheetRecord

pytestmark = pytest.mark.unit
NOW = date(2026, 11, 29)


def month(year: int, m: int) -> int:
    return year * 12 + m - 1


def sheet(*periods: Period, **fields) -> SheetRecord:
    record = SheetRecord("経歴書_TK.xlsx", **fields)
    record.projects = [Project(p, "", (), (), ()) for p in periods]
    return record


def talent(**fields) -> Posting:
    return Posting(kind=PostingKind.TALENT, **fields)


def test_a_consistent_record_passes():
    record = sheet(Period(month(2019, 4), month(2021, 3)), age=32, station="大宮", skill_years={"Java": 2.0},
                   career_years=2.0)
    assert check_record(talent(age=32, station="大宮駅", skill_years={"Java": 2.0}), record, NOW) == []


def test_skill_years_longer_than_the_career():
    record = sheet(Period(month(2020, 12), month(2026, 11)), career_years=6.0)
    found = check_record(talent(skill_years={"Java": 10.0}), record, NOW)
    assert "Java 10年 はキャリア 6年 を超えています（メール）" in found


def test_a_career_longer_than_age_minus_18():
    record = sheet(Period(month(2010, 4), month(2026, 11)), career_years=16.7)
    assert check_record(talent(age=30), record, NOW) == [
        "キャリア 16.7年 は年齢 30歳 から見て長すぎます（18歳から数えて最大 12年）"]


def test_without_a_sheet_the_mail_is_checked_against_itself():
    assert check_record(talent(age=25, career_years=10.0), None, NOW) == [
        "キャリア 10年 は年齢 25歳 から見て長すぎます（18歳から数えて最大 7年）"]


def test_overlapping_backwards_and_future_periods():
    record = sheet(Period(month(2019, 4), month(2021, 3)), Period(month(2020, 10), month(2022, 3)),
                   Period(month(2023, 5), month(2023, 1)), Period(month(2027, 4), month(2027, 9)))
    found = check_record(talent(), record, NOW)
    assert "期間 2019/04~2021/03 と 2020/10~2022/03 が重なっています（スキルシート・並行参画なら注記を）" in found
    assert "期間 2023/05~2023/01 は終了が開始より前です（スキルシート）" in found
    assert "期間 2027/04~2027/09 は開始がメールの日付より後です（スキルシート）" in found


def test_the_mail_disagreeing_with_the_sheet():
    record = sheet(age=35, station="浦和", skill_years={"Java": 3.2}, rate=550_000)
    found = check_record(talent(age=32, station="大宮", skill_years={"Java": 7.0}, rate_min=650_000,
                                rate_max=650_000), record, NOW)
    assert found == [
        "年齢がメール 32歳 とスキルシート 35歳 で違います",
        "最寄駅がメール 大宮 とスキルシート 浦和 で違います",
        "Java の年数がメール 7年 とスキルシート 3.2年 で違います",
        "単価がメール 65万 とスキルシート 55万 で違います",
    ]


def test_a_year_of_rounding_is_not_a_disagreement():
    record = sheet(skill_years={"Java": 6.7})
    assert check_record(talent(skill_years={"Java": 7.0}), record, NOW) == []


def test_a_stated_career_far_from_the_history():
    record = sheet(Period(month(2021, 4), month(2026, 11)), stated_career_years=10.0, career_years=5.7)
    found = check_record(talent(), record, NOW)
    assert "経験年数 10年 と職務経歴の期間の合計 5.7年 が合いません（スキルシート）" in found


def test_required_items_only_the_mail_claims():
    engineer = talent(skills=["Java", "AWS", "詳細設計"])
    job = Posting(kind=PostingKind.JOB, required_skills=["Java", "AWS", "詳細設計"])
    assert check_against_job(engineer, ["Java", "詳細設計"], job) == [
        "必須 AWS はメールにのみ記載で、スキルシートの職務経歴にはありません"]
    assert check_against_job(engineer, None, job) == []  # no sheet read: nothing to compare
