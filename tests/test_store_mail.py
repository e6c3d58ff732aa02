"""Mails, companies, postings, partner engineers, open jobs and saved rankings."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from hayaoshi.errors import StoreError
from hayaoshi.extract.model import Employment, MailKind, ParsedMail, Posting, PostingKind
from hayaoshi.match.model import Exclusion, Match, Ranking, Requirement, Status, Tier
from hayaoshi.store.tables import JST, Company, EngineerRecord, MailRecord, MatchRecord, PostingRecord

pytest_plugins = ["hayaoshi.tests.store_fixtures"]

RECEIVED = datetime(2026, 11, 20, 9, 15, tzinfo=JST)


def talent(**kw) -> Posting:
    values = dict(kind=PostingKind.TALENT, name="T.K", age=32, skills=["Java", "Spring", "AWS"],
                  skill_years={"Java": 7.0}, rate_min=650_000, rate_max=650_000, start=date(2026, 12, 1),
                  station="大宮", employment=Employment.EMPLOYEE,
                  evidence={"skills": "■スキル：Java(7年)、Spring、AWS(EC2/S3)", "rate": "■単価：65万円"})
    values.update(kw)
    return Posting(**values)


def job(**kw) -> Posting:
    values = dict(kind=PostingKind.JOB, title="物流会社向け 配送管理システム刷新", required_skills=["Java", "SQL"],
                  preferred_skills=["AWS"], skills=["Java", "SQL", "AWS"], rate_min=600_000, rate_max=700_000,
                  start=date(2026, 12, 1), station="品川", max_chain=1, evidence={"rate": "【単価】60～70万円"})
    values.update(kw)
    return Posting(**values)


def mail(*postings: Posting, message_id: str | None = "m1@partner.co.jp") -> ParsedMail:
    kinds = {p.kind for p in postings}
    kind = MailKind.OTHER if not kinds else MailKind.MIXED if len(kinds) > 1 else MailKind(next(iter(kinds)).value)
    return ParsedMail(message_id=message_id, subject="【要員情報】T.K（32歳）", kind=kind, defects=[],
                      postings=list(postings))


def record(store, parsed: ParsedMail, *, sender="Yamada <t.yamada@sales.partner.co.jp>", received_at=RECEIVED,
           body="■氏名：T.K"):
    return store.record_mail(parsed, sender=sender, received_at=received_at, message_id=parsed.message_id,
                             subject=parsed.subject, body=body)


def count(store, table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_record_mail_is_idempotent_by_message_id(store):
    """GIVEN a mail with a talent and a job WHEN it is recorded twice THEN the second time returns the
    same posting ids and adds no row anywhere."""
    parsed = mail(talent(), job())
    first = record(store, parsed)
    second = record(store, parsed)
    assert first == second and len(first) == 2
    assert (count(store, MailRecord), count(store, PostingRecord), count(store, EngineerRecord)) == (1, 2, 1)


def test_a_mail_without_message_id_is_idempotent_by_its_content(store):
    parsed = mail(job(), message_id=None)
    assert record(store, parsed) == record(store, parsed)
    assert record(store, parsed, body="another body") != record(store, parsed)
    assert count(store, MailRecord) == 2


def test_companies_by_domain_and_never_our_own(store):
    """Subdomains of a partner are one company; our own domain makes no company."""
    record(store, mail(job(), message_id="a"), sender="a@partner.co.jp")
    record(store, mail(job(), message_id="b"), sender="b@sales.partner.co.jp", received_at=RECEIVED + timedelta(days=2))
    record(store, mail(job(), message_id="c"), sender="c@mail.other-co.com")
    record(store, mail(job(), message_id="d"), sender="colleague@ourses.co.jp")
    with store.engine.connect() as conn:
        companies = {c.domain: c for c in conn.execute(select(Company)).all()}
        own = conn.execute(select(MailRecord.company_id).where(MailRecord.key == "d")).scalar_one()
    assert set(companies) == {"partner.co.jp", "other-co.com"}
    partner = companies["partner.co.jp"]
    assert (partner.last_seen - partner.first_seen) == timedelta(days=2)
    assert own is None


def test_postings_keep_contract_json_and_indexed_columns(store):
    [posting_id] = record(store, mail(job()))
    row, data = store.posting(posting_id)
    assert row.kind is PostingKind.JOB and row.rate_max == 700_000 and row.station == "品川"
    assert row.start == date(2026, 12, 1)
    assert row.expires_at - row.received_at == timedelta(days=30)
    assert data["required_skills"] == ["Java", "SQL"] and data["evidence"]["rate"] == "【単価】60～70万円"
    with pytest.raises(StoreError, match="no posting"):
        store.posting(posting_id + 100)


def test_partner_engineer_joins_the_pool_and_expires(store):
    """GIVEN a partner's 人材 mail WHEN the pool is read within 14 days THEN the engineer is there, one
    company away, with the mail as evidence; after 14 days THEN it is gone."""
    [pid] = record(store, mail(talent()))
    [engineer] = store.engineers(RECEIVED + timedelta(days=13))
    assert engineer.id == f"talent:{pid}" and not engineer.own
    assert engineer.company == "partner.co.jp" and engineer.chain_distance == 1
    assert engineer.skills == ("Java", "Spring", "AWS") and engineer.skill_years == {"Java": 7.0}
    assert engineer.rate == 650_000 and engineer.available_from == date(2026, 12, 1)
    assert engineer.evidence["rate"] == "■単価：65万円"
    assert engineer.evidence["source"].startswith("メール 2026-11-20 09:15 partner.co.jp")
    assert engineer.expires_at == RECEIVED + timedelta(days=14)
    assert store.engineers(RECEIVED + timedelta(days=14, seconds=1)) == []


def test_a_partners_freelancer_is_two_companies_away(store):
    [pid] = record(store, mail(talent(employment=Employment.FREELANCE)))
    [engineer] = store.engineers(RECEIVED)
    assert engineer.chain_distance == 2 and engineer.employment == "freelance"
    row, _ = store.posting(pid)
    assert row.chain_depth == 2


def test_open_jobs_expire_and_one_stands_for_a_cluster(store):
    a, = record(store, mail(job(title="A"), message_id="a"))
    b, = record(store, mail(job(title="B"), message_id="b"), received_at=RECEIVED + timedelta(hours=1))
    c, = record(store, mail(job(title="C"), message_id="c"), received_at=RECEIVED + timedelta(hours=2))
    store.set_cluster([a, c], 7)
    jobs = store.open_jobs(RECEIVED + timedelta(days=1))
    assert [(pid, j.title) for pid, j in jobs] == [(b, "B"), (a, "A")]
    assert jobs[0][1].id == str(b) and jobs[0][1].company == "partner.co.jp"
    assert jobs[0][1].required_skills == ("Java", "SQL") and jobs[0][1].rate_max == 700_000
    assert [pid for pid, _ in store.open_jobs(RECEIVED + timedelta(days=30, minutes=90))] == [c]
    assert store.open_jobs(RECEIVED + timedelta(days=31)) == []


def test_naive_datetimes_are_japan_time(store):
    record(store, mail(talent()), received_at=datetime(2026, 11, 20, 9, 15))
    assert store.engineers(RECEIVED + timedelta(days=13))[0].expires_at == RECEIVED + timedelta(days=14)


def _ranking(engineer_id: str, score: float) -> Ranking:
    return Ranking(
        matches=[Match(id=engineer_id, name="T.K", score=score, tier=Tier.TOP, requirements=(
            Requirement("必須: Java 3年以上", Status.MET, "Java 7年 (■スキル：Java(7年))"),))],
        excluded=[Exclusion(id="E404", name="R.K", reasons=("外国籍不可 (国籍: 中国)",))],
    )


def test_save_ranking_replaces_the_earlier_one(store):
    job_id, = record(store, mail(job(), message_id="job"))
    talent_id, = record(store, mail(talent(), message_id="talent"))
    store.save_ranking(job_id, _ranking(f"talent:{talent_id}", 0.7))
    store.save_ranking(job_id, _ranking(f"talent:{talent_id}", 0.9))
    rows = store.ranking(job_id)
    assert [(r.candidate_id, r.excluded, r.score, r.tier) for r in rows] == [
        (f"talent:{talent_id}", False, 0.9, Tier.TOP), ("E404", True, None, None)]
    assert rows[0].engineer_id is not None and rows[0].candidate_kind == "engineer"
    assert rows[0].requirements == [{"requirement": "必須: Java 3年以上", "status": "met",
                                     "evidence": "Java 7年 (■スキル：Java(7年))"}]
    assert rows[1].reasons == ["外国籍不可 (国籍: 中国)"]
    assert count(store, MatchRecord) == 2


def test_a_talents_ranking_lists_jobs(store):
    talent_id, = record(store, mail(talent(), message_id="talent"))
    store.save_ranking(talent_id, Ranking(matches=[Match(id="12", name="案件", score=0.8, tier=Tier.TOP,
                                                         requirements=())]))
    [row] = store.ranking(talent_id)
    assert row.candidate_kind == "job" and row.engineer_id is None


def test_save_ranking_of_an_unknown_posting_is_a_store_error(store):
    with pytest.raises(StoreError, match="no posting 99"):
        store.save_ranking(99, Ranking())


def test_the_same_mail_recorded_by_two_threads_at_once(store):
    """GIVEN two polling threads that fetch the same mail WHEN both record it at once THEN both get
    the same posting ids and the mail is stored once."""
    parsed = mail(talent(), job())
    barrier = threading.Barrier(4)

    def work():
        barrier.wait()
        return record(store, parsed)

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: work(), range(4)))
    assert all(r == results[0] for r in results) and len(results[0]) == 2
    assert (count(store, MailRecord), count(store, PostingRecord), count(store, EngineerRecord)) == (1, 2, 1)


def test_a_prepared_statement_reads_and_fails_alike_on_both_databases(store):
    """GIVEN the per-mail path's precompiled statements (store/session.py `Prepared`: SQLite's own
    driver under the transaction, SQLAlchemy on PostgreSQL) WHEN rows are added, changed, read, a
    unique key is taken twice and the transaction rolled back THEN both give the same: ids, rows read
    by column name, row counts, SQLAlchemy's IntegrityError, and nothing left after the roll-back."""
    from sqlalchemy import bindparam, update
    from sqlalchemy.exc import IntegrityError

    from hayaoshi.store.session import Prepared, insert_returning_id

    table = Company.__table__
    add = insert_returning_id(table)
    rename = Prepared(update(table).where(table.c.domain == bindparam("d")).values(name=bindparam("n")))
    find = Prepared(select(table.c.id, table.c.name, table.c.first_seen).where(table.c.domain == bindparam("d")))
    many = Prepared(table.insert().values({c.name: bindparam(c.name) for c in table.columns if c.name != "id"}))
    row = {"domain": "a.example.jp", "name": "A社", "first_seen": RECEIVED, "last_seen": RECEIVED}
    with store.engine.connect() as conn:
        with conn.begin():
            first = add.run(conn, row).scalar_one()
            second = add.run(conn, {**row, "domain": "b.example.jp", "name": None}).scalar_one()
            assert second > first
            assert rename.run(conn, {"d": "b.example.jp", "n": "B社"}).rowcount == 1
            assert rename.run(conn, {"d": "nowhere.example.jp", "n": "-"}).rowcount == 0
            found = find.run(conn, {"d": "b.example.jp"}).first()
            assert (found.id, found.name) == (second, "B社")
            assert find.run(conn, {"d": "a.example.jp"}).scalar() == first
            assert find.run(conn, {"d": "nowhere.example.jp"}).first() is None
            convert = many.converters(conn.dialect)
            rows = [{k: convert[k](v) for k, v in {**row, "domain": f"{n}.example.jp"}.items()} for n in "cd"]
            assert many.run_converted(conn, rows).rowcount == 2
            with pytest.raises(IntegrityError), conn.begin_nested():
                add.run(conn, row)  # a.example.jp again
            assert count_in(conn, table) == 4
            conn.rollback()
    assert count(store, Company) == 0


def count_in(conn, table) -> int:
    return conn.execute(select(func.count()).select_from(table)).scalar_one()
