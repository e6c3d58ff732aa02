"""Postings into matching values, and the keys that make values comparable."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from hayaoshi.errors import MatchError
from hayaoshi.extract.model import Employment, Posting, PostingKind, Remote
from hayaoshi.match.convert import (
    company_key,
    engineer_from_posting,
    is_foreign,
    job_from_posting,
    level_rank,
    quote_skill,
    station_key,
)

pytestmark = pytest.mark.unit


def make_posting(kind: PostingKind = PostingKind.TALENT, **overrides: Any) -> Posting:
    fields: dict[str, Any] = dict(
        skills=["Java", "Spring Boot", "AWS"], skill_years={"Java": 7.0}, rate_min=650_000, rate_max=650_000,
        start=date(2026, 12, 1), station="大宮", remote=Remote.HYBRID, age=32, gender="male",
        employment=Employment.EMPLOYEE, evidence={"skills": "■スキル：Java(7年)、Spring Boot、AWS"}, name="T.K",
    )  # fmt: skip
    fields.update(overrides)
    return Posting(kind=kind, **fields)


def test_talent_posting_becomes_a_partner_engineer():
    expires = datetime(2026, 12, 13, 9)
    engineer = engineer_from_posting(make_posting(), "m1#0", "example.co.jp", expires_at=expires)
    assert (engineer.id, engineer.name, engineer.own, engineer.company) == ("m1#0", "T.K", False, "example.co.jp")
    assert engineer.skills == ("Java", "Spring Boot", "AWS")
    assert engineer.skill_years == {"Java": 7.0}
    assert (engineer.rate, engineer.available_from, engineer.station) == (650_000, date(2026, 12, 1), "大宮")
    assert (engineer.remote, engineer.employment) == ("hybrid", "employee")
    assert engineer.evidence["skills"] == "■スキル：Java(7年)、Spring Boot、AWS"
    assert engineer.expires_at == expires


@pytest.mark.parametrize(
    ("employment", "distance"),
    [(Employment.EMPLOYEE, 1), (Employment.CONTRACT, 1), (Employment.FREELANCE, 2), (None, 1)],
    ids=["employee", "contract", "freelance", "not-stated"],
)
def test_chain_distance_of_a_partner_engineer(employment, distance):
    assert engineer_from_posting(make_posting(employment=employment), "t", "p.jp").chain_distance == distance


@pytest.mark.parametrize(
    ("rate_min", "rate_max", "rate"),
    [(600_000, 700_000, 600_000), (None, 700_000, 700_000), (None, None, None)],
    ids=["range-takes-lower", "ceiling-only", "negotiable"],
)
def test_rate_asked(rate_min, rate_max, rate):
    assert engineer_from_posting(make_posting(rate_min=rate_min, rate_max=rate_max), "t", "p.jp").rate == rate


def test_missing_name_is_marked():
    assert engineer_from_posting(make_posting(name=None), "t", None).name == "(氏名なし)"


def test_job_posting_becomes_a_job():
    posting = make_posting(
        PostingKind.JOB, title="配送管理システム刷新", required_skills=["Java", "SQL"], preferred_skills=["AWS"],
        skill_years={"Java": 3.0}, rate_min=600_000, rate_max=700_000, foreigners_ok=False, age_max=45,
        max_chain=0, freelance_ok=False, interviews=1, settlement_hours=(140, 180), headcount=2, remote=Remote.ONSITE,
    )  # fmt: skip
    received = datetime(2026, 11, 20, 9)
    job = job_from_posting(posting, "m2#0", "client.jp", received_at=received)
    assert (job.id, job.title, job.company) == ("m2#0", "配送管理システム刷新", "client.jp")
    assert (job.required_skills, job.preferred_skills) == (("Java", "SQL"), ("AWS",))
    assert (job.rate_min, job.rate_max, job.remote) == (600_000, 700_000, "onsite")
    assert (job.foreigners_ok, job.age_max, job.max_chain, job.freelance_ok) == (False, 45, 0, False)
    assert (job.interviews, job.settlement_hours, job.headcount) == (1, (140, 180), 2)
    assert job.received_at == received and job.expires_at is None


def test_job_skills_without_sections_are_required():
    job = job_from_posting(make_posting(PostingKind.JOB, required_skills=[], preferred_skills=[]), "j", None)
    assert job.required_skills == ("Java", "Spring Boot", "AWS")


@pytest.mark.parametrize(
    ("convert", "kind"),
    [(job_from_posting, PostingKind.TALENT), (engineer_from_posting, PostingKind.JOB)],
    ids=["talent-as-job", "job-as-engineer"],
)
def test_wrong_kind_is_refused(convert, kind):
    with pytest.raises(MatchError):
        convert(make_posting(kind), "x", None)


@pytest.mark.parametrize(
    ("raw", "key"),
    [("example.co.jp", "example.co.jp"), ("sales.example.co.jp", "example.co.jp"), ("t.k@Example.com", "example.com"),
     ("mail.partner.jp", "partner.jp"), ("", None), (None, None)],
    ids=["plain", "subdomain-co-jp", "address", "subdomain-jp", "empty", "none"],
)  # fmt: skip
def test_company_key(raw, key):
    assert company_key(raw) == key


@pytest.mark.parametrize(
    ("raw", "key"), [("品川駅", "品川"), ("品川", "品川"), ("ｼﾅｶﾞﾜ", "シナガワ"), ("駅", None), (None, None)],
    ids=["with-eki", "plain", "half-width", "only-eki", "none"],
)
def test_station_key(raw, key):
    assert station_key(raw) == key


@pytest.mark.parametrize(
    ("raw", "foreign"), [("日本", False), ("日本人", False), ("日本国籍", False), ("中国", True), (None, None)],
    ids=["japan", "japanese", "japanese-nationality", "china", "not-stated"],
)
def test_is_foreign(raw, foreign):
    assert is_foreign(raw) is foreign


@pytest.mark.parametrize(
    ("raw", "rank"),
    [("N1", 5), ("JLPT Ｎ２", 4), ("N5", 1), ("ネイティブ", 6), ("ビジネスレベル", None), (None, None)],
    ids=["n1", "jlpt-fullwidth-n2", "n5", "native", "words", "none"],
)
def test_level_rank(raw, rank):
    assert level_rank(raw) == rank


@pytest.mark.parametrize(
    ("raw", "skill", "quote"),
    [
        ("【スキル】Java(2年11ヶ月)、Spring、AWS(EC2/S3)", "Java", "【スキル】Java(2年11ヶ月)"),
        ("■スキル：JavaScript、Java（7年）", "Java", "■スキル：Java（7年）"),
        ("C#、C++、C言語", "C", "C言語"),
        ("Ｊａｖａ(5年)、SQL", "Java", "Ｊａｖａ(5年)"),
        ("AWS(EC2/S3)", "S3", "S3"),
        ("Go言語、Kubernetes", "Go", "Go言語"),
        ("スキル列", "Java", "スキル列"),
        ("ロスター 12行目 スキル: Java(7年)、SQL", "SQL", "ロスター 12行目 スキル: SQL"),
        ("ロスター 12行目 スキル: Java(7年)、SQL", "Java", "ロスター 12行目 スキル: Java(7年)"),
        ("Java(7年)：設計から、SQL", "SQL", "SQL"),
    ],
    ids=["label-and-years", "not-inside-javascript", "not-inside-csharp", "full-width", "inside-parentheses",
         "suffix", "not-found-quotes-all", "roster-line", "roster-line-first", "colon-after-a-list-is-no-label"],
)  # fmt: skip
def test_quote_skill(raw, skill, quote):
    assert quote_skill(raw, skill) == quote
