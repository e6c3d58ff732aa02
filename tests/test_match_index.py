"""The indexes as a specification: they find exactly what a brute-force scan finds, only faster."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from hayaoshi.match.engine import _expired, _rank_pairs, rank_engineers, rank_jobs, scan_engineers
from hayaoshi.match.explain import fails, job_terms, reasons, score_units
from hayaoshi.match.index import EngineerIndex, JobIndex, is_candidate
from hayaoshi.match.job_columns import JobColumns
from hayaoshi.match.model import Engineer, Job, MatchSettings, Ranking

pytestmark = pytest.mark.unit

TODAY = date(2026, 11, 29)
SETTINGS = MatchSettings()
SKILLS = ("Java", "SQL", "AWS", "Python", "PHP", "React", "Go", "COBOL", "詳細設計", "テスト")
STATIONS = ("品川", "品川駅", "新宿", "大宮", None)
COMPANIES = ("example.co.jp", "sales.example.co.jp", "partner.jp", "other.com", None)


def make_engineer(**overrides: Any) -> Engineer:
    fields: dict[str, Any] = dict(id="E001", name="T.K", own=True, skills=("Java",))
    fields.update(overrides)
    return Engineer(**fields)


def make_job(**overrides: Any) -> Job:
    fields: dict[str, Any] = dict(id="J001", required_skills=("Java",))
    fields.update(overrides)
    return Job(**fields)


def pick(rng: random.Random, *choices: Any) -> Any:
    return rng.choice(choices)


def random_engineer(rng: random.Random, n: int) -> Engineer:
    """Values drawn from small sets (ties, boundaries, unknowns) and some from continuous ranges."""
    own = rng.random() < 0.3
    skills = tuple(rng.sample(SKILLS, rng.randint(0, 4)))
    years = {s: pick(rng, 1.0, 2.4, 2.92, 3.0, 7.0, rng.uniform(0.1, 15)) for s in skills if rng.random() < 0.6}
    foreign = pick(rng, None, "日本", "日本人", "中国", "ベトナム")
    rate = pick(rng, None, 500_000, 650_000, 700_000, rng.randrange(300_000, 900_000, 1000))
    available = pick(rng, None, date(2026, 11, 1), date(2026, 12, 1), date(2026, 12, 10), date(2027, 2, 1))
    return Engineer(
        id=f"E{rng.randrange(10_000):04d}-{n}", name=f"N{n}", own=own,
        company=None if own else pick(rng, *COMPANIES), chain_distance=0 if own else pick(rng, 1, 2),
        skills=skills, skill_years=years, rate=rate, available_from=available,
        age=pick(rng, None, 30, 45, 46, 55), nationality=foreign,
        japanese_level=pick(rng, None, "N1", "N2", "ネイティブ", "ビジネスレベル") if foreign else None,
        employment=pick(rng, None, "employee", "contract", "freelance"), station=pick(rng, *STATIONS),
        remote=pick(rng, None, "full", "hybrid", "onsite"),
        expires_at=pick(rng, None, datetime(2026, 11, 28, 9), datetime(2026, 11, 29, 9), datetime(2026, 12, 30)),
    )  # fmt: skip


def random_job(rng: random.Random, n: int) -> Job:
    required = tuple(rng.sample(SKILLS, rng.randint(0, 3)))
    preferred = tuple(rng.sample(SKILLS, rng.randint(0, 2)))
    years = {s: pick(rng, 1.0, 3.0, 5.0, rng.uniform(0.5, 8)) for s in required + preferred if rng.random() < 0.5}
    ceiling = pick(rng, None, 0, 650_000, 700_000, rng.randrange(500_000, 1_000_000, 1000))
    return Job(
        id=f"J{n:03d}", title=f"案件{n}", company=pick(rng, *COMPANIES),
        required_skills=required, preferred_skills=preferred, skill_years=years,
        rate_min=pick(rng, None, 550_000), rate_max=ceiling,
        start=pick(rng, None, date(2026, 11, 1), date(2026, 12, 1), date(2027, 1, 1)), station=pick(rng, *STATIONS),
        remote=pick(rng, None, "full", "hybrid", "onsite"), foreigners_ok=pick(rng, None, True, False),
        japanese_level=pick(rng, None, "N1", "N2", "ビジネス"), age_max=pick(rng, None, 45, 50),
        max_chain=pick(rng, None, 0, 1, 2), freelance_ok=pick(rng, None, True, False),
        expires_at=pick(rng, None, datetime(2026, 11, 1), datetime(2026, 12, 31)),
    )  # fmt: skip


def pool(seed: int, size: int) -> list[Engineer]:
    rng = random.Random(seed)
    return [random_engineer(rng, n) for n in range(size)]


def jobs(seed: int, size: int) -> list[Job]:
    rng = random.Random(seed)
    return [random_job(rng, n) for n in range(size)]


@pytest.mark.parametrize("seed", [1, 2, 3], ids=["seed1", "seed2", "seed3"])
def test_candidates_equal_a_brute_force_scan(seed):
    engineers = pool(seed, 400)
    index = EngineerIndex(engineers)
    for job in jobs(seed, 40):
        expected = [e.id for e in engineers if is_candidate(job, e)]
        assert [e.id for e in index.candidates(job)] == expected


@pytest.mark.parametrize("seed", [4, 5, 6], ids=["seed4", "seed5", "seed6"])
def test_job_candidates_equal_a_brute_force_scan(seed):
    open_jobs = jobs(seed, 120)
    index = JobIndex(open_jobs)
    for engineer in pool(seed, 60):
        assert [j.id for j in index.candidates(engineer)] == [j.id for j in open_jobs if is_candidate(j, engineer)]


@pytest.mark.parametrize("seed", [7, 8, 9], ids=["seed7", "seed8", "seed9"])
def test_columns_mirror_the_reference(seed):
    """The numpy columns say exactly what explain.reasons says, and explain.score to the bit."""
    engineers = pool(seed, 300)
    index = EngineerIndex(engineers)
    for job in jobs(seed, 60):
        terms = job_terms(job, SETTINGS, TODAY)
        excluded, units = index.excluded_mask(terms), index.score_units(terms)
        for i, engineer in enumerate(engineers):
            assert bool(excluded[i]) == bool(reasons(terms, engineer)), (job, engineer)
            assert fails(terms, engineer) == bool(reasons(terms, engineer)), (job, engineer)
            assert units[i] == score_units(terms, engineer), (job, engineer)


@pytest.mark.parametrize(
    "settings",
    [SETTINGS, replace(SETTINGS, top=3, min_score=0.5), replace(SETTINGS, top=200, min_score=0.0, margin=0)],
    ids=["default", "top3", "everything"],
)
@pytest.mark.parametrize("seed", [11, 12, 13], ids=["seed11", "seed12", "seed13"])
def test_rank_engineers_equals_brute_force(seed, settings):
    engineers = pool(seed, 500)
    index = EngineerIndex(engineers)
    for job in jobs(seed, 30):
        assert rank_engineers(job, index, settings, TODAY) == scan_engineers(job, engineers, settings, TODAY)


def test_rank_jobs_equals_ranking_each_job():
    """Ranking jobs for an engineer lists, for each job, what ranking engineers for that job says."""
    open_jobs = [replace(job, expires_at=None) for job in jobs(21, 80)]  # rank_jobs drops expired jobs
    for engineer in pool(21, 30):
        engineer = replace(engineer, expires_at=None)  # scan_engineers drops an expired engineer
        listed = {m.id: m for m in rank_jobs(engineer, JobIndex(open_jobs), replace(SETTINGS, top=100), TODAY).matches}
        for job in open_jobs:
            alone = scan_engineers(job, [engineer], SETTINGS, TODAY).matches
            assert listed.get(job.id) == (replace(alone[0], id=job.id, name=job.title) if alone else None)


@pytest.mark.parametrize("seed", [31, 32, 33], ids=["seed31", "seed32", "seed33"])
def test_job_columns_mirror_the_reference(seed):
    """rank_jobs' columns say what explain.score_units and explain.fails say, to the bit, for every
    live candidate job, and list exactly the candidates a scan finds: long skill lists with repeats
    and mixed credits, removed jobs, two settings."""
    rng = random.Random(seed)
    engineers = pool(seed, 150)
    open_jobs = []
    for n, job in enumerate(jobs(seed, 90)):
        if n % 3 == 0:  # three to eight required skills, some named twice, years asked of most
            required = tuple(rng.choice(SKILLS) for _ in range(rng.randint(3, 8)))
            years = {s: pick(rng, 1.0, 3.0, 5.0, rng.uniform(0.5, 8)) for s in required if rng.random() < 0.8}
            job = replace(job, required_skills=required, skill_years=years)
        open_jobs.append(job)
    columns = JobColumns()
    for n, job in enumerate(open_jobs):
        assert columns.add(n, job) == n
    gone = {5, 17, 44}
    for n in gone:
        columns.remove(n)
    for settings in (SETTINGS, replace(SETTINGS, margin=0, start_grace_days=0)):
        for engineer in engineers:
            slots, units, failing = columns.score(engineer, settings.margin, settings.start_grace_days, TODAY)
            expected = [n for n, job in enumerate(open_jobs)
                        if n not in gone and is_candidate(job, engineer) and not _expired(job.expires_at, TODAY)]
            assert slots.tolist() == expected
            for slot, got, fail in zip(slots.tolist(), units.tolist(), failing.tolist(), strict=True):
                terms = job_terms(open_jobs[slot], settings, TODAY)
                assert got == score_units(terms, engineer), (open_jobs[slot], engineer)
                assert fail == fails(terms, engineer), (open_jobs[slot], engineer)


@pytest.mark.parametrize(
    "settings",
    [SETTINGS, replace(SETTINGS, top=3, min_score=0.5), replace(SETTINGS, top=200, min_score=0.0, margin=0)],
    ids=["default", "top3", "everything"],
)
@pytest.mark.parametrize("seed", [34, 35], ids=["seed34", "seed35"])
def test_rank_jobs_equals_ranking_pairs_by_the_reference(seed, settings):
    """The same ranking as scoring every candidate pair with explain.score / explain.fails."""
    open_jobs = jobs(seed, 150)
    index = JobIndex(open_jobs)
    for engineer in pool(seed, 60):
        pairs = ((index.terms(i, settings, TODAY), engineer, job.id, job.title or "(案件名なし)")
                 for i, job in index.candidate_positions(engineer) if not _expired(job.expires_at, TODAY))
        assert rank_jobs(engineer, index, settings, TODAY) == _rank_pairs(pairs, settings)


def test_index_keeps_engineers_without_skills_apart():
    bare = make_engineer(id="E002", skills=())
    index = EngineerIndex([make_engineer(), bare])
    assert index.skillless == (bare,)
    assert [e.id for e in index.candidates(make_job())] == ["E001"]
    assert [e.id for e in index.candidates(make_job(required_skills=()))] == ["E001", "E002"]


def test_index_counts_holders():
    index = EngineerIndex([make_engineer(skills=("Java", "Java", "SQL")), make_engineer(id="E2", skills=("SQL",))])
    assert (index.holders("Java"), index.holders("SQL"), index.holders("Go")) == (1, 2, 0)
    assert index.skills == {"Java", "SQL"}


def test_empty_pool():
    assert rank_engineers(make_job(), EngineerIndex([]), SETTINGS, TODAY) == Ranking()
    assert rank_jobs(make_engineer(), JobIndex([]), SETTINGS, TODAY) == Ranking()


def test_index_is_reusable_across_days():
    """One index serves every ranking: `today` is an argument, never stored."""
    index = EngineerIndex([make_engineer(expires_at=datetime(2026, 12, 1, 12))])
    assert rank_engineers(make_job(), index, SETTINGS, TODAY).matches
    assert rank_engineers(make_job(), index, SETTINGS, TODAY + timedelta(days=3)) == Ranking()


@pytest.mark.parametrize("seed", [31, 32, 33], ids=["seed31", "seed32", "seed33"])
def test_an_index_grown_by_with_added_equals_one_built_whole(seed):
    """Partners' engineers join the index one mail at a time (pipeline.py): every column, posting
    list and id rank, and so every ranking, is what a rebuild over the whole pool gives."""
    engineers = pool(seed, 300)
    rng = random.Random(seed)
    index = EngineerIndex(engineers[:100])
    at = 100
    while at < len(engineers):
        step = rng.choice((1, 1, 2, 7))
        before = index
        index = index.with_added(engineers[at : at + step])
        assert len(before) == at  # the old index is left as it was
        at += step
    whole = EngineerIndex(engineers)
    assert index.engineers == whole.engineers and index.skillless == whole.skillless
    assert index.id_rank.tolist() == whole.id_rank.tolist()
    assert index._sorted_ids == whole._sorted_ids  # kept by with_added, never sorted again
    assert index.skills == whole.skills
    for skill in whole.skills:
        assert index.holders(skill) == whole.holders(skill)
    for job in jobs(seed, 30):
        assert rank_engineers(job, index, SETTINGS, TODAY) == rank_engineers(job, whole, SETTINGS, TODAY)
    assert EngineerIndex([]).with_added(engineers[:5]).id_rank.tolist() == EngineerIndex(engineers[:5]).id_rank.tolist()
    assert index.with_added([]) is index
