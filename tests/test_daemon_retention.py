"""The retention purge (APPI) on SQLite and PostgreSQL: old mail text and partners' engineers go."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from hayaoshi.config.settings import load_config
from hayaoshi.daemon.retention import Purged, purge
from hayaoshi.extract.extractor import JST
from hayaoshi.pipeline import Pipeline
from hayaoshi.store.roster import import_roster
from hayaoshi.tests.test_daemon_support import ROOT, job_mail, talent_mail

pytestmark = pytest.mark.pipeline
NOW = datetime(2026, 11, 29, 10, 0, tzinfo=JST)


@pytest.fixture
def pipeline(db_url, extractor):
    config = load_config(None, {"HAYAOSHI_DATABASE_URL": db_url, "HAYAOSHI_COMPANY_DOMAINS": "ourses.co.jp"})
    pipe = Pipeline(config, extractor=extractor)
    import_roster(pipe.store, ROOT / "demo" / "roster.csv", dry_run=False, nlp=extractor.nlp, today=NOW.date())
    yield pipe
    pipe.store.close()


def rows(engine, sql: str) -> list[dict]:
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(text(sql))]


def test_old_mail_text_and_partner_engineers_are_purged_and_the_rest_kept(pipeline):
    """GIVEN a 人材 mail and a 案件 mail stored 200 days ago, and the same kinds stored today WHEN the
    180-day purge runs THEN the old ones keep their rows but lose body, sender and the engineer's
    data (and the partner leaves the pool); today's mails and our own engineers are untouched."""
    for n, raw in enumerate((talent_mail(1), job_mail(2), talent_mail(3), job_mail(4))):
        pipeline.process(raw, now=NOW + timedelta(minutes=n))
    engine = pipeline.store.engine
    old = ("talent1@partner.example.jp", "job2@partner.example.jp")  # stored without <>
    with engine.begin() as conn:
        conn.execute(text("UPDATE mail SET created_at = :t WHERE message_id IN (:a, :b)"),
                     {"t": (NOW - timedelta(days=200)).replace(tzinfo=None), "a": old[0], "b": old[1]})
    own_before = rows(engine, "SELECT * FROM engineer WHERE source = 'own' ORDER BY id")

    result = purge(engine, days=180, now=NOW)

    assert result == Purged(mails=2, talent_postings=1, engineers=1)
    mails = {r["message_id"]: r for r in rows(engine, "SELECT * FROM mail")}
    talent, job = mails[old[0]], mails[old[1]]
    assert (talent["body"], talent["sender"], talent["subject"]) == (None, None, "")
    assert (job["body"], job["sender"]) == (None, None) and job["subject"]  # a 案件's subject is not personal
    kept = mails["talent3@partner.example.jp"]
    assert kept["body"] and kept["sender"] and kept["subject"]
    postings = {r["mail_id"]: r for r in rows(engine, "SELECT * FROM posting")}
    purged = postings[talent["id"]]
    assert purged["title"] is None and purged["station"] is None and "purged" in str(purged["data"])
    assert postings[job["id"]]["title"]  # 案件 stay
    partners = rows(engine, "SELECT posting_id FROM engineer WHERE source = 'partner'")
    assert [p["posting_id"] for p in partners] == [postings[kept["id"]]["id"]]
    assert rows(engine, "SELECT * FROM engineer WHERE source = 'own' ORDER BY id") == own_before
    names = [r["candidate_name"] for r in rows(engine, f"SELECT candidate_name FROM match_result "
                                                       f"WHERE candidate_id = 'talent:{purged['id']}'")]
    assert set(names) <= {""}

    assert purge(engine, days=180, now=NOW) == Purged()  # idempotent
