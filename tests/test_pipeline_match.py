"""`hayaoshi match --mail`: parse, store and rank, through the real store on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest

from hayaoshi.cli import main
from hayaoshi.config.settings import load_config
from hayaoshi.extract.extractor import JST
from hayaoshi.pipeline import Pipeline
from hayaoshi.store.roster import import_roster

ROOT = Path(__file__).resolve().parent.parent
ROSTER = ROOT / "demo" / "roster.csv"
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=JST)


def make_mail(subject: str, body: str, sender: str, message_id: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "sales@ourses.co.jp"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(NOW)
    msg["Message-ID"] = f"<{message_id}>"
    msg.set_content(body)
    return bytes(msg)


JOB = """パートナー各位

【案件名】保険会社向け 契約管理システム更改
【必須スキル】Java開発経験3年以上、Spring Boot、詳細設計
【尚可スキル】AWS
【期間】12月～
【場所】茅場町駅（リモート併用）
【単価】60～70万
【面談】1回
【外国籍】不可
【年齢】45歳まで
【商流】貴社社員まで
"""

TALENT = """お世話になっております。

■氏名：S.T（男性）　■年齢：30歳　■最寄駅：大井町駅
■スキル：Java(5年)、Spring Boot、詳細設計
■単価：55万　■稼働：12月～　■所属：弊社正社員
"""


@pytest.fixture
def pipeline(db_url: str, extractor):
    config = load_config(None, {"HAYAOSHI_DATABASE_URL": db_url, "HAYAOSHI_COMPANY_DOMAINS": "ourses.co.jp"})
    pipe = Pipeline(config, extractor=extractor)
    import_roster(pipe.store, ROSTER, dry_run=False, nlp=extractor.nlp, today=NOW.date())
    yield pipe
    pipe.store.close()


def test_a_job_ranks_roster_engineers_with_reasons(pipeline):
    """GIVEN the demo roster WHEN a 案件 arrives THEN engineers are ranked with per-requirement
    evidence, the near miss (Java 2年11ヶ月 vs 3年以上) is partial not excluded, and a late or
    too expensive engineer is excluded with the reason."""
    processed = pipeline.process(make_mail("【案件】保険 Java", JOB, "営業 <eigyo@partner.example.jp>", "j1@x"),
                                 now=NOW)
    (result,) = processed.results
    ranked = {m.id: m for m in result.ranking.matches}
    assert "E008" in ranked and "E006" in ranked
    near = {r.requirement: r for r in ranked["E006"].requirements}["必須: Java 3年以上"]
    assert str(near.status) == "partial"
    assert "2年11ヶ月" in near.evidence
    excluded = {x.id: x.reasons for x in result.ranking.excluded}
    assert any("間に合わない" in reason for reason in excluded["E005"])
    assert all(m.requirements for m in result.ranking.matches)
    assert pipeline.store.ranking(result.posting_id)


def test_a_partner_engineer_joins_the_pool_and_ranks_open_jobs(pipeline):
    """GIVEN two open 案件, one limited to the proposer's own employees (貴社社員まで)
    WHEN a partner proposes its employee THEN the engineer joins the pool, the open 案件 is
    ranked, and the limited one is excluded with its 商流 reason."""
    open_job = JOB.replace("【商流】貴社社員まで\n", "")
    open_job = open_job.replace("保険会社向け 契約管理システム更改", "損保向け 代理店システム改修")
    pipeline.process(make_mail("【案件】保険 Java", JOB, "営業 <eigyo@client-corp.jp>", "j2@x"), now=NOW)
    pipeline.process(make_mail("【案件】損保 Java", open_job, "営業 <eigyo@other-client.jp>", "j3@x"), now=NOW)
    processed = pipeline.process(
        make_mail("【人材情報】Java 30歳", TALENT, "BP <bp@bp-partner.jp>", "t1@x"), now=NOW)
    (result,) = processed.results
    assert [m.name for m in result.ranking.matches] == ["損保向け 代理店システム改修"]
    (excluded,) = result.ranking.excluded
    assert any("商流" in reason for reason in excluded.reasons)
    pool = pipeline.store.engineers(NOW)
    assert any(not e.own and e.company == "bp-partner.jp" for e in pool)


def test_the_same_job_from_two_senders_is_one_cluster(pipeline):
    pipeline.process(make_mail("【案件】保険 Java", JOB, "A <a@first-sier.co.jp>", "c1@x"), now=NOW)
    second = JOB.replace("保険会社向け 契約管理システム更改", "保険会社向け契約管理システムの更改")
    processed = pipeline.process(make_mail("案件のご紹介", second, "B <b@second-sier.co.jp>", "c2@x"), now=NOW)
    assert len(processed.results[0].cluster) == 2
    assert len(pipeline.store.open_jobs(NOW)) == 1


def test_match_command_prints_the_contract(tmp_path, capsys, db_url):
    config = tmp_path / "hayaoshi.toml"
    config.write_text(f'[database]\nurl = "{db_url}"\n', "utf-8")
    assert main(["pool", "import", str(ROSTER), "--config", str(config)]) == 0
    mail = tmp_path / "job.eml"
    mail.write_bytes(make_mail("【案件】保険 Java", JOB, "営業 <eigyo@partner.example.jp>", "cli@x"))
    capsys.readouterr()
    assert main(["match", "--mail", str(mail), "--config", str(config), "--json",
                 "--now", "2026-11-20T10:00:00"]) == 0
    out = json.loads(capsys.readouterr().out)
    (posting,) = out["postings"]
    assert posting["kind"] == "job" and posting["title"] == "保険会社向け 契約管理システム更改"
    top = posting["matches"][0]
    assert set(top) == {"id", "name", "score", "tier", "requirements"}
    assert top["tier"] in ("◎", "○", "△")
    assert {r["status"] for r in top["requirements"]} <= {"met", "partial", "unmet"}
    assert all(set(x) == {"id", "name", "reasons"} and x["reasons"] for x in posting["excluded"])


def _corpus_stream() -> list[bytes]:
    """The golden corpus, and each job-like mail again from two other senders (the same 案件
    forwarded: clusters), in a fixed shuffled order, each with a Message-ID of its own."""
    import random
    import re

    raws = [p.read_bytes() for p in sorted((ROOT / "tests" / "samples" / "mail").rglob("*.eml"))]
    out = []
    for n, raw in enumerate(raws):
        for k, domain in enumerate(("", "fwd-one.example.jp", "fwd-two.example.jp")):
            if k and b"\xe6\xa1\x88\xe4\xbb\xb6" not in raw:  # 案件: only jobs are forwarded
                continue
            body = re.sub(rb"^Message-ID:[^\r\n]*\r?\n", b"", raw, count=1, flags=re.I | re.M)
            if domain:
                body = re.sub(rb"^From:[^\r\n]*", f"From: sales@{domain}".encode(), body, count=1, flags=re.I | re.M)
            out.append(f"Message-ID: <stream-{n}-{k}@test>\r\n".encode() + body)
    random.Random(7).shuffle(out)
    return out


def test_what_the_pipeline_keeps_in_memory_equals_reading_the_store_each_time(tmp_path, extractor):
    """The open 案件 (one per cluster), the clusters and the pool are kept in memory between mails
    (pipeline.py); a pipeline that reads them from the store for every mail ranks every posting the
    same, and the two stores end with the same clusters."""
    def make(name: str, refresh: float) -> Pipeline:
        url = f"sqlite:///{tmp_path / name}"
        config = load_config(None, {"HAYAOSHI_DATABASE_URL": url, "HAYAOSHI_COMPANY_DOMAINS": "ourses.co.jp",
                                    "HAYAOSHI_EXTRACT_GINZA": "false"})
        pipe = Pipeline(config, extractor=extractor)
        import_roster(pipe.store, ROSTER, dry_run=False, nlp=extractor.nlp)
        pipe.refresh_seconds = refresh
        return pipe

    kept, fresh = make("kept.db", 3600.0), make("fresh.db", -1.0)
    stream = _corpus_stream()
    clustered = 0
    try:
        for raw in stream:
            a = kept.process(raw, now=NOW)
            b = fresh.process(raw, now=NOW)
            assert [r.posting_id for r in a.results] == [r.posting_id for r in b.results]
            for ra, rb in zip(a.results, b.results, strict=True):
                assert [j.id for j in ra.cluster] == [j.id for j in rb.cluster], ra.posting.title
                assert ra.ranking == rb.ranking, ra.posting.title
                clustered += len(ra.cluster) > 1
        assert kept.store.open_jobs(NOW) == fresh.store.open_jobs(NOW)
    finally:
        kept.store.close()
        fresh.store.close()
    assert clustered >= 10  # the stream really made clusters


def test_the_ranked_engineers_handed_to_drafting_are_the_stores(pipeline):
    """Drafting takes a job's ranked engineers from the pipeline (no second read): they are the
    engineers the store gives for those ids; a mail seen again is not new."""
    from hayaoshi.store.drafts import DraftStore

    raw = make_mail("【案件】Java", JOB, "sato@client-a.co.jp", "job-eng@client-a.co.jp")
    first = pipeline.process(raw, now=NOW)
    assert first.new is True
    [result] = first.results
    assert result.ranking.matches and set(result.engineers) == {m.id for m in result.ranking.matches}
    assert result.engineers == DraftStore(pipeline.store.engine).engineers(result.engineers)
    assert pipeline.process(raw, now=NOW).new is False


def test_the_row_ids_the_pipeline_saves_with_are_the_ones_the_store_looks_up(pipeline):
    from sqlalchemy import text

    raw = make_mail("【案件】Java", JOB, "sato@client-a.co.jp", "job-rows@client-a.co.jp")
    [result] = pipeline.process(raw, now=NOW).results
    assert result.row_ids

    def saved() -> list[tuple]:
        with pipeline.store.engine.connect() as conn:
            return list(conn.execute(text("SELECT candidate_id, engineer_id, excluded FROM match_result "
                                          "WHERE posting_id = :p ORDER BY candidate_id"), {"p": result.posting_id}))

    with_rows = saved()
    pipeline.store.save_ranking(result.posting_id, result.ranking)  # looked up in the store
    assert saved() == with_rows and all(engineer_id is not None for _, engineer_id, _ in with_rows)


def test_a_talent_mail_read_again_does_not_join_the_pool_twice(pipeline):
    """A mail processed a second time (a restart after a crash) is recorded once; the partner's
    engineer it gave is ranked once for a later 案件, not twice from the pool kept in memory."""
    pipeline.refresh_seconds = 3600.0
    pipeline.process(make_mail("【案件】Java", JOB, "sato@client-a.co.jp", "job-before@client-a.co.jp"), now=NOW)
    talent = make_mail("【要員】S.T", TALENT, "tanaka@partner-b.co.jp", "talent-twice@partner-b.co.jp")
    first = pipeline.process(talent, now=NOW)
    again = pipeline.process(talent, now=NOW)
    assert again.new is False and [r.posting_id for r in again.results] == [r.posting_id for r in first.results]
    job = make_mail("【案件】Java", JOB, "suzuki@client-c.co.jp", "job-after-twice@client-c.co.jp")
    [result] = pipeline.process(job, now=NOW).results
    ids = [m.id for m in result.ranking.matches] + [e.id for e in result.ranking.excluded]
    assert len(ids) == len(set(ids))
    assert f"talent:{first.results[0].posting_id}" in ids
