"""The digest's figures, read from a seeded store (SQLite and PostgreSQL), against the hand-worked
values of the seed (tests/test_digest_seed.py describes the week)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hayaoshi.match.engine import rank_jobs
from hayaoshi.match.index import JobIndex
from hayaoshi.match.model import MatchSettings
from hayaoshi.notify.digest_data import build_digest, week_bounds
from hayaoshi.notify.digest_model import Rank
from hayaoshi.store.tables import JST
from hayaoshi.tests.test_digest_seed import NOW, RULE, seed

pytest_plugins = ["hayaoshi.tests.store_fixtures"]


@pytest.fixture
def digest(store):
    ids = seed(store)
    return build_digest(store, NOW, rule=RULE), ids, store


def test_the_week_is_the_seven_days_before_nows_day():
    first, end = week_bounds(NOW, JST)
    assert first == date(2026, 11, 23) and end == datetime(2026, 11, 30, tzinfo=JST)
    # Any time of Monday gives the same week; Sunday night gives the week before.
    assert week_bounds(datetime(2026, 11, 30, 23, 59, tzinfo=JST), JST)[0] == date(2026, 11, 23)
    assert week_bounds(datetime(2026, 11, 29, 23, 59, tzinfo=JST), JST)[0] == date(2026, 11, 22)


def test_volume_per_day_against_the_four_weeks_before(digest):
    """GIVEN the seeded mails WHEN the digest is built THEN each day counts the postings that arrived
    that day (the Sunday 23:59 one in, Monday 00:30 out) and the mean of the same weekday before."""
    data, _, _ = digest
    days = [(d.day.day, d.jobs, d.talents, d.jobs_avg, d.talents_avg) for d in data.volume.days]
    assert days == [
        (23, 2, 0, 0.75, 0.0),  # a1, e1 | alpha 11/02, 11/09, 11/16
        (24, 0, 1, 0.25, 0.5),  # g1 | beta job 10/27; beta talents 11/03, 11/10
        (25, 1, 0, 1.0, 0.0),  # a2 | delta 10/28, 11/04, 11/11, 11/18
        (26, 0, 1, 0.25, 0.0),  # g2 | delta 11/19
        (27, 0, 0, 0.0, 0.0),
        (28, 0, 0, 0.0, 0.0),  # only the "other" mail
        (29, 1, 0, 0.25, 0.0),  # o1 at 23:59 | alpha 11/22 23:59
    ]
    v = data.volume
    assert (v.jobs, v.talents, v.jobs_avg, v.talents_avg, v.mails, v.other_mails) == (4, 2, 2.5, 0.5, 7, 1)


def test_senders_ranked_with_their_trend(digest):
    data, _, _ = digest
    rows = [(r.domain, r.label, r.role, r.jobs, r.talents, r.useful, r.week, r.current, r.past, r.trend, r.pace)
            for r in data.companies.rows]
    assert rows == [
        ("alpha.co.jp", "アルファ株式会社", "顧客", 6, 0, 2, 2, Rank.A, Rank.D, "↑", Rank.A),
        ("delta.co.jp", "delta.co.jp", "顧客", 4, 0, 2, 0, Rank.A, Rank.A, "→", None),
        ("beta.co.jp", "beta.co.jp", "BP", 0, 2, 1, 0, Rank.B, Rank.A, "↓", None),
        ("gamma.co.jp", "gamma.co.jp", "BP", 0, 2, 0, 2, Rank.C, None, "新規", Rank.C),
        ("epsilon.co.jp", "epsilon.co.jp", "顧客", 1, 0, 0, 1, Rank.D, None, "新規", Rank.C),
    ]
    assert data.companies.total == 5
    assert data.companies.counts_current == {"A": 2, "B": 1, "C": 1, "D": 1}
    assert data.companies.counts_past == {"A": 2, "B": 0, "C": 0, "D": 1}


def test_a_rank_senders_gone_quiet(digest):
    """beta was A before and delta is A now; neither sent anything this week. alpha (A) did."""
    data, _, _ = digest
    quiet = [(q.domain, q.rank_current, q.rank_past, q.last_received, q.days_quiet) for q in data.companies.quiet]
    assert quiet == [
        ("beta.co.jp", Rank.B, Rank.A, datetime(2026, 11, 10, 10, tzinfo=JST), 19),
        ("delta.co.jp", Rank.A, Rank.A, datetime(2026, 11, 19, 10, tzinfo=JST), 10),
    ]


def test_demand_against_supply(digest):
    """GIVEN the week's 案件 a1 and e1 (one cluster: e1 stands, 商流 1), a2 and o1 THEN three 案件;
    supply is E001, E002 (ours, available within 60 days) and g1, g2 (partners, not expired)."""
    data, _, _ = digest
    d = data.demand
    assert d.jobs == 3
    assert d.remote == {"full": 1, "hybrid": 1, "onsite": 1, "unstated": 0}
    assert d.remote_share == pytest.approx(2 / 3)
    assert (d.own_supply, d.partner_supply) == (2, 2)
    rows = [(s.skill, s.demand, s.own, s.partner, s.job_rate_median, s.engineer_rate_median, s.remote,
             s.remote_stated) for s in d.skills]
    assert rows == [
        ("Java", 2, 1, 1, 700_000, 625_000, 2, 2),  # e1 75万 + o1 65万; E001 65万 + g1 60万
        ("AWS", 1, 0, 0, 750_000, None, 1, 1),
        ("Python", 1, 1, 1, 550_000, 525_000, 0, 1),  # E002 55万 + g2 50万
        ("React", 1, 0, 0, 650_000, None, 1, 1),
        ("SQL", 1, 1, 0, 750_000, 650_000, 1, 1),
    ]


def test_pool_ending_and_idle_with_their_best_open_matches(digest):
    data, ids, store = digest
    pool = data.pool
    assert [e.employee_no for e in pool.ending] == ["E001"]  # ends 12/15, within 60 days
    assert [e.employee_no for e in pool.idle] == ["E002"]  # available since 11/01
    assert (pool.unknown, pool.own_total, pool.partner_total, pool.horizon_days) == (1, 4, 2, 60)
    jobs = store.open_jobs(NOW)
    assert pool.open_jobs == len(jobs)
    index = JobIndex(job for _, job in jobs)
    engineers = {e.id: e for e in store.engineers(NOW)}
    for entry in (*pool.ending, *pool.idle):
        expected = rank_jobs(engineers[entry.employee_no], index, MatchSettings(), date(2026, 11, 30)).matches[:3]
        assert [(m.posting_id, m.score, m.tier) for m in entry.matches] == [(m.id, m.score, str(m.tier))
                                                                            for m in expected]
    e001 = pool.ending[0]
    assert e001.matches, "E001 (Java, 65万) has open Java 案件 to match"
    # The cluster of a1 and e1 is offered once, by its shortest 商流 (e1).
    offered = {m.posting_id for e in (*pool.ending, *pool.idle) for m in e.matches}
    assert str(ids["a1"]) not in offered and str(ids["e1"]) in offered


def test_speed_pickup_and_drafts(digest):
    data, _, _ = digest
    s = data.speed
    assert (s.pickup_count, s.pickup_p50, s.pickup_p95) == (7, 40.0, 600.0)  # PICKUP: 10 … 60, 600 s
    if not s.drafts_available:
        pytest.skip("no drafts ledger in this tree")
    assert (s.drafts, s.drafted, s.sent, s.discarded, s.waiting, s.failed, s.edited) == (6, 4, 2, 1, 2, 1, 1)
    assert (s.draft_p50, s.draft_p95) == (60.0, 300.0)  # 30, 60, 120, 300 s
    assert (s.sent_p50, s.sent_p95) == (1800.0, 3600.0)


def test_an_empty_store_gives_an_empty_digest(store):
    data = build_digest(store, NOW)
    assert data.volume.jobs == data.volume.talents == data.volume.mails == 0
    assert data.companies.rows == () and data.companies.quiet == ()
    assert data.demand.jobs == 0 and data.demand.skills == () and data.demand.remote_share is None
    assert data.pool.ending == data.pool.idle == () and data.pool.open_jobs == 0
    assert data.speed.pickup_p50 is None


def test_a_naive_now_is_taken_in_the_digest_time_zone(store):
    data = build_digest(store, datetime(2026, 11, 30, 8, 0))
    assert (data.first_day, data.last_day) == (date(2026, 11, 23), date(2026, 11, 29))



def test_only_the_listed_engineers_get_matches(store, monkeypatch):
    """Ranking jobs per engineer is the costly part: past `LISTED` an engineer is counted, not ranked."""
    from hayaoshi.notify import digest_supply

    seed(store)
    monkeypatch.setattr(digest_supply, "LISTED", 0)
    pool = build_digest(store, NOW, rule=RULE).pool
    assert (len(pool.ending), len(pool.idle), pool.listed) == (1, 1, 0)
    assert all(e.matches == () for e in (*pool.ending, *pool.idle))
