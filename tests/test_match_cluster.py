"""The same 案件 from several senders: one cluster, its sources best first."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from hayaoshi.match.cluster import best_source_order, cluster, same_work, title_bigrams
from hayaoshi.match.convert import station_key
from hayaoshi.match.model import Job

pytestmark = pytest.mark.unit


def make_job(**overrides: Any) -> Job:
    fields: dict[str, Any] = dict(
        id="A", title="物流会社向け 配送管理システム刷新", company="first.co.jp",
        required_skills=("Java", "SQL"), preferred_skills=("AWS",), rate_min=600_000, rate_max=700_000,
        start=date(2026, 12, 1), station="品川",
    )  # fmt: skip
    fields.update(overrides)
    return Job(**fields)


# The same opening as make_job(), forwarded by a partner further down the chain.
FORWARDED = make_job(
    id="B", title="【急募】物流 配送管理システムの刷新（Java）", company="second.co.jp",
    required_skills=("Java", "SQL", "Spring Boot"), preferred_skills=(), rate_min=None, rate_max=650_000,
    start=date(2026, 12, 15), station="品川駅",
)  # fmt: skip


def test_same_work_in_other_words_from_another_sender():
    assert same_work(make_job(), FORWARDED)
    assert same_work(FORWARDED, make_job())


@pytest.mark.parametrize(
    "other",
    [
        make_job(id="B", company="first.co.jp"),
        make_job(id="B", company="mail.first.co.jp"),
        make_job(id="B", station="大宮"),
        make_job(id="B", start=date(2027, 2, 1)),
        make_job(id="B", rate_min=900_000, rate_max=950_000),
        make_job(id="B", title="物流会社向け 配送管理システム刷新 PMO", required_skills=("PMO",), preferred_skills=()),
        make_job(id="B", title="証券会社向け 勘定系バッチ改修"),
    ],
    ids=["same-sender", "same-sender-subdomain", "other-station", "start-two-months-apart", "rates-apart",
         "same-project-other-role", "other-title"],
)  # fmt: skip
def test_not_the_same_work(other):
    assert not same_work(make_job(), other)


def test_unknown_values_do_not_separate():
    """GIVEN a forward that omits station, start and rate THEN title and skills decide."""
    vague = make_job(id="B", company="x.jp", station=None, start=None, rate_min=None, rate_max=None)
    assert same_work(make_job(), vague)


@pytest.mark.parametrize(
    ("title", "same"),
    [("物流会社向け 配送管理システム刷新案件", True), ("物流会社向け 在庫分析ダッシュボード", False)],
    ids=["alike", "different"],
)
def test_jobs_without_skills_compare_by_title(title, same):
    bare = {"required_skills": (), "preferred_skills": ()}
    assert same_work(make_job(**bare), make_job(id="B", company="x.jp", title=title, **bare)) is same


def test_title_bigrams_drop_tags_punctuation_and_stock_words():
    assert title_bigrams("【急募】Java案件／品川") == title_bigrams("java 品川")
    assert title_bigrams(None) == frozenset()


def test_cluster_groups_sources_and_keeps_input_order():
    other = make_job(id="C", title="証券会社向け 勘定系バッチ改修", required_skills=("COBOL",), preferred_skills=())
    third = make_job(id="D", company="third.co.jp", rate_min=None, rate_max=680_000)
    groups = cluster([make_job(), other, FORWARDED, third])
    assert [[j.id for j in g] for g in groups] == [["A", "B", "D"], ["C"]]


def test_best_source_order_shortest_chain_then_highest_rate():
    """GIVEN three sources WHEN depths are 2, 1, 1 THEN depth 1 first, the higher rate of the two first."""
    a, b, d = make_job(), FORWARDED, make_job(id="D", company="third.co.jp", rate_max=680_000)
    depth = {"A": 2, "B": 1, "D": 1}
    assert [j.id for j in best_source_order([a, b, d], depth)] == ["D", "B", "A"]


def test_best_source_order_puts_unknown_depth_last():
    a, b = make_job(), FORWARDED
    assert [j.id for j in best_source_order([a, b], {"B": 3})] == ["B", "A"]


def brute_force_clusters(jobs: list[Job]) -> list[list[str]]:
    """Every pair in order, through same_work, keeping each cluster to one station and a month of starts."""
    members = [[i] for i in range(len(jobs))]
    owner = list(range(len(jobs)))
    for i in range(len(jobs)):
        for j in range(i + 1, len(jobs)):
            a, b = owner[i], owner[j]
            if a == b or not same_work(jobs[i], jobs[j]):
                continue
            both = [jobs[k] for k in members[a] + members[b]]
            stations = {station_key(job.station) for job in both} - {None}
            starts = [job.start for job in both if job.start]
            if len(stations) > 1 or (starts and (max(starts) - min(starts)).days > 31):
                continue
            low, high = min(a, b), max(a, b)
            members[low] += members[high]
            for k in members[high]:
                owner[k] = low
            members[high] = []
    return [[jobs[k].id for k in sorted(group)] for group in members if group]


def random_jobs(seed: int, originals: int) -> list[Job]:
    """Openings, each forwarded by 1–4 senders with edits: skills dropped or added, titles tagged."""
    rng = random.Random(seed)
    skills = ("Java", "SQL", "AWS", "Python", "PHP", "React", "Go", "COBOL", "詳細設計", "テスト", "PM")
    subjects = ("物流", "証券", "保険", "EC", "製造", "医療", "自治体", "通信")
    works = ("基幹システム刷新", "Webアプリ開発", "データ基盤構築", "保守運用", "バッチ改修")
    out: list[Job] = []
    for n in range(originals):
        base_skills = rng.sample(skills, rng.randint(0, 4))
        title = f"{rng.choice(subjects)}向け {rng.choice(works)}"
        station = rng.choice(("品川", "新宿", "大手町", None))
        start = date(2026, 12, 1) if rng.random() < 0.7 else date(2027, 1, 1)
        rate = rng.choice((500_000, 600_000, 700_000, 800_000))
        for k in range(rng.randint(1, 4)):
            edited = list(base_skills)
            if edited and rng.random() < 0.3:
                edited.pop()
            if rng.random() < 0.3:
                edited.append(rng.choice(skills))
            out.append(make_job(
                id=f"J{n}-{k}", title=rng.choice((title, f"【急募】{title}", f"{title}（増員）", None)),
                company=rng.choice(("a.co.jp", "b.co.jp", "c.jp", "d.com", "e.jp")),
                required_skills=tuple(dict.fromkeys(edited)), preferred_skills=(),
                station=rng.choice((station, station, None)), start=start,
                rate_min=None, rate_max=rate - 50_000 * rng.randint(0, 2),
            ))  # fmt: skip
    rng.shuffle(out)
    return out


@pytest.mark.parametrize("seed", [1, 2, 3], ids=["seed1", "seed2", "seed3"])
def test_blocked_clustering_equals_comparing_every_pair(seed):
    jobs = random_jobs(seed, 80)
    assert [[j.id for j in g] for g in cluster(jobs)] == brute_force_clusters(jobs)


def test_a_forward_without_station_does_not_bridge_two_openings():
    """GIVEN the same work at 品川 and at 大宮 WHEN a forward names no station THEN it joins one only."""
    shinagawa, omiya = make_job(), make_job(id="C", company="third.co.jp", station="大宮")
    vague = make_job(id="B", company="second.co.jp", station=None)
    assert same_work(shinagawa, vague) and same_work(omiya, vague)
    assert [[j.id for j in g] for g in cluster([shinagawa, vague, omiya])] == [["A", "B"], ["C"]]


def test_skill_names_in_titles_are_compared_as_skills_only():
    assert title_bigrams("配送管理の刷新（Java）", ["Java"]) == title_bigrams("配送管理の刷新")


def test_every_job_is_in_exactly_one_cluster():
    jobs = random_jobs(4, 60)
    assert sorted(j.id for g in cluster(jobs) for j in g) == sorted(j.id for j in jobs)


@pytest.mark.parametrize("seed", [5, 6, 7], ids=["seed5", "seed6", "seed7"])
def test_open_jobs_finds_exactly_what_comparing_with_every_open_job_finds(seed):
    """The pipeline's incremental clustering: for each arriving job, OpenJobs.same equals a scan of
    every open job through same_work, also after jobs leave (removed) and titles or skills are missing."""
    from hayaoshi.match.cluster import OpenJobs

    jobs = random_jobs(seed, 120)
    rng = random.Random(seed)
    index, open_ = OpenJobs(), {}
    for n, job in enumerate(jobs):
        expected = [pid for pid, other in open_.items() if same_work(job, other)]
        assert sorted(index.same(job)) == sorted(expected), job
        index.add(n, job)
        open_[n] = job
        if open_ and rng.random() < 0.2:
            gone = rng.choice(list(open_))
            index.remove(gone)
            del open_[gone]
    assert [pid for pid, _ in index.jobs()] == sorted(open_, reverse=True)
    assert len(index) == len(open_) and all(pid in index for pid in open_)


def test_open_jobs_rank_an_engineer_as_a_job_index_built_whole_does():
    """The pipeline ranks a partner's engineer against its OpenJobs (kept up to date) instead of an
    index rebuilt after every new 案件: the rankings are the same, after removals too."""
    from datetime import date as day
    from datetime import datetime, timedelta

    from hayaoshi.match.cluster import OpenJobs
    from hayaoshi.match.engine import rank_jobs
    from hayaoshi.match.index import JobIndex
    from hayaoshi.match.model import MatchSettings
    from hayaoshi.tests.test_match_index import pool

    jobs = [(n, job) for n, job in enumerate(random_jobs(8, 90))]
    open_ = OpenJobs(jobs)
    for gone in (3, 17, 40):
        open_.remove(gone)
    kept = [(n, job) for n, job in jobs if n not in (3, 17, 40)]
    later = datetime(2027, 1, 1)
    kept = [(n, job if n % 5 else replace(job, expires_at=later - timedelta(days=40))) for n, job in kept]
    open_ = OpenJobs(kept)
    whole = JobIndex([job for _, job in reversed(kept)])
    settings, today = MatchSettings(), day(2026, 11, 30)
    for engineer in pool(9, 40):
        assert rank_jobs(engineer, open_, settings, today) == rank_jobs(engineer, whole, settings, today)
