"""Factories for the drafts tests (engineers, jobs, mails, postings) and a check that they hold together.

The other `test_drafts_*` modules import them from here: `from hayaoshi.tests.test_drafts_factories import ...`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any

import pytest

from hayaoshi.extract.extractor import JST
from hayaoshi.extract.model import Employment, MailKind, ParsedMail, Posting, PostingKind, Remote
from hayaoshi.ingest.decode import DecodedMail, decode_message
from hayaoshi.match.engine import rank_engineers, rank_jobs
from hayaoshi.match.index import EngineerIndex, JobIndex
from hayaoshi.match.model import Engineer, Job, MatchSettings
from hayaoshi.notify.model import Context, DraftSettings
from hayaoshi.pipeline import Processed, Result

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=JST)
TODAY = NOW.date()
MARGIN = 50_000
SIGNATURE = "――――――――――――\n株式会社アワーセス 営業部\n山田 花子\nTEL 03-0000-0000"


def settings(**overrides: Any) -> DraftSettings:
    base = DraftSettings(threshold=0.6, top=3, company="株式会社アワーセス", signature=SIGNATURE,
                         payment_terms="月末締め翌月末払い（30日サイト）", own_domains=("ourses.co.jp",),
                         match=MatchSettings(margin=MARGIN))
    return replace(base, **overrides)


def context(**overrides: Any) -> Context:
    return replace(Context(today=TODAY), **overrides)


def own(id: str = "E001", **overrides: Any) -> Engineer:
    """Our own engineer, as the roster gives one (evidence cites the roster, as store/roster.py does)."""
    base = Engineer(
        id=id, name="T.K", own=True, chain_distance=0, skills=("Java", "Spring Boot", "詳細設計", "単体テスト"),
        skill_years={"Java": 7.0, "Spring Boot": 4.0}, rate=620_000, available_from=date(2026, 12, 1), age=32,
        gender="男", nationality="日本", employment="employee", station="JR京浜東北線 大宮駅",
        note="勤続5年、勤怠良好。現場から毎回延長のご依頼をいただいています",
        evidence={"skills": "ロスター 2行目 スキル: Java(7年)、Spring Boot(4年)、詳細設計、単体テスト",
                  "rate": "ロスター 2行目 希望単価: 62万", "station": "ロスター 2行目 最寄駅: JR京浜東北線 大宮駅"},
    )
    return replace(base, **overrides)


def partner(id: str = "talent:900", company: str = "bp-partner.co.jp", **overrides: Any) -> Engineer:
    """A partner's engineer, as a 人材 mail gives one (evidence quotes the mail)."""
    base = Engineer(
        id=id, name="S.T", own=False, company=company, chain_distance=1, skills=("Java", "Spring Boot", "詳細設計"),
        skill_years={"Java": 5.0}, rate=600_000, available_from=date(2026, 12, 1), age=30, gender="male",
        employment="employee", station="大井町", note="並行: 提案のみ",
        evidence={"skills": "■スキル：Java(5年)、Spring Boot、詳細設計", "rate": "■単価：60万",
                  "employment": "■所属：弊社正社員"},
    )
    return replace(base, **overrides)


def job(id: str = "1", **overrides: Any) -> Job:
    base = Job(
        id=id, title="保険会社向け 契約管理システム更改", company="client-a.co.jp",
        required_skills=("Java", "Spring Boot", "詳細設計"), preferred_skills=("AWS",), skill_years={"Java": 3.0},
        rate_min=600_000, rate_max=700_000, start=date(2026, 12, 1), station="茅場町", remote="hybrid",
        foreigners_ok=False, age_max=45, max_chain=1, interviews=1, settlement_hours=(140, 180),
    )
    return replace(base, **overrides)


def job_posting(**overrides: Any) -> Posting:
    base = Posting(
        kind=PostingKind.JOB, title="保険会社向け 契約管理システム更改",
        skills=["Java", "Spring Boot", "詳細設計", "AWS"], required_skills=["Java", "Spring Boot", "詳細設計"],
        preferred_skills=["AWS"], skill_years={"Java": 3.0}, rate_min=600_000, rate_max=700_000,
        start=date(2026, 12, 1), station="茅場町", remote=Remote.HYBRID, settlement_hours=(140, 180), interviews=1,
        foreigners_ok=False, age_max=45, max_chain=1, chain_depth=2,
    )
    return replace(base, **overrides)


def talent_posting(**overrides: Any) -> Posting:
    base = Posting(
        kind=PostingKind.TALENT, name="S.T", skills=["Java", "Spring Boot", "詳細設計"], skill_years={"Java": 5.0},
        rate_min=550_000, rate_max=550_000, start=date(2026, 12, 1), station="大井町", age=30, gender="male",
        employment=Employment.EMPLOYEE, parallel="なし",
        evidence={"skills": "■スキル：Java(5年)、Spring Boot、詳細設計", "rate_max": "■単価：55万"},
    )
    return replace(base, **overrides)


def raw_mail(subject: str = "【案件】Java 保険 茅場町", body: str = "本文", *,
             sender: str = "株式会社クライアントエー 佐藤 健一 <sato@client-a.co.jp>",
             message_id: str = "src-1@client-a.co.jp",
             reply_to: str | None = None, references: str | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "sales@ourses.co.jp"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(NOW)
    msg["Message-ID"] = f"<{message_id}>"
    if reply_to:
        msg["Reply-To"] = reply_to
    if references:
        msg["References"] = references
    msg.set_content(body)
    return bytes(msg)


def mail(**kwargs: Any) -> DecodedMail:
    return decode_message(raw_mail(**kwargs))


def processed(store: Any, decoded_raw: bytes, postings: list[Posting], *, pool: list[Engineer] | None = None,
              jobs: list[Job] | None = None, account: str = "sales") -> Processed:
    """Record a mail's postings in `store` and rank them as the pipeline does (without extraction)."""
    decoded = decode_message(decoded_raw)
    kinds = {p.kind for p in postings}
    kind = MailKind.MIXED if len(kinds) > 1 else (MailKind.JOB if PostingKind.JOB in kinds else MailKind.TALENT)
    parsed = ParsedMail(message_id=decoded.message_id, subject=decoded.subject, kind=kind, defects=[],
                        postings=postings)
    ids = store.record_mail(parsed, sender=decoded.from_addr, received_at=decoded.date or NOW,
                            message_id=decoded.message_id, subject=decoded.subject, body=decoded.body,
                            account=account, folder="INBOX", uid=1)
    from hayaoshi.match.convert import company_key, engineer_from_posting, job_from_posting
    from hayaoshi.store.repo import sender_domain

    company = company_key(sender_domain(decoded.from_addr))
    results = []
    for posting_id, posting in zip(ids, postings, strict=True):
        if posting.kind is PostingKind.JOB:
            the_job = job_from_posting(posting, str(posting_id), company)
            pool_ = pool if pool is not None else store.engineers(NOW)
            ranking = rank_engineers(the_job, EngineerIndex(pool_), MatchSettings(margin=MARGIN), TODAY)
            results.append(Result(posting_id, posting, ranking, [the_job], {}))
        else:
            engineer = engineer_from_posting(posting, f"talent:{posting_id}", company)
            open_jobs = jobs if jobs is not None else [j for _, j in store.open_jobs(NOW)]
            ranking = rank_jobs(engineer, JobIndex(open_jobs), MatchSettings(margin=MARGIN), TODAY)
            results.append(Result(posting_id, posting, ranking))
    return Processed(decoded, parsed, results)


@pytest.mark.unit
def test_the_factories_make_a_job_our_engineer_fits():
    from hayaoshi.match.engine import scan_engineers

    ranking = scan_engineers(job(), [own(), partner()], MatchSettings(margin=MARGIN), TODAY)
    assert [m.id for m in ranking.matches] == ["E001", "talent:900"]
    assert all(m.score >= settings().threshold for m in ranking.matches)
