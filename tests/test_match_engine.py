"""Matching as a specification: hard conditions, the near miss, scores, tiers, rows, ordering."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from hayaoshi.config.settings import load_config
from hayaoshi.match.engine import MAX_EXCLUDED, match_settings, rank_engineers, rank_jobs, scan_engineers, tier
from hayaoshi.match.index import EngineerIndex, JobIndex
from hayaoshi.match.model import Engineer, Job, MatchSettings, Ranking, Status, Tier

pytestmark = pytest.mark.unit

TODAY = date(2026, 11, 29)
SETTINGS = MatchSettings()  # margin 5万, grace 14 days, ◎ ≥ 0.8, ○ ≥ 0.6, min 0.3, top 20


def make_engineer(**overrides: Any) -> Engineer:
    """Our own Java engineer who fits `make_job()` on every point."""
    fields: dict[str, Any] = dict(
        id="E001", name="T.K", own=True, company=None, chain_distance=0,
        skills=("Java", "SQL", "AWS"), skill_years={"Java": 7.0}, rate=550_000,
        available_from=date(2026, 12, 1), age=32, nationality="日本", employment="employee",
        station="品川", evidence={"skills": "スキル列"},
    )  # fmt: skip
    fields.update(overrides)
    return Engineer(**fields)


def make_partner(**overrides: Any) -> Engineer:
    """A partner's employee proposed by mail from example.co.jp."""
    fields: dict[str, Any] = dict(
        id="P001", own=False, company="example.co.jp", chain_distance=1,
        evidence={"skills": "【スキル】Java(7年)、SQL、AWS(EC2/S3)", "rate": "【単価】55万"},
    )  # fmt: skip
    fields.update(overrides)
    return make_engineer(**fields)


def make_job(**overrides: Any) -> Job:
    fields: dict[str, Any] = dict(
        id="J001", title="物流会社向け 配送管理システム刷新", company="client.example.jp",
        required_skills=("Java", "SQL"), preferred_skills=("AWS",), skill_years={"Java": 3.0},
        rate_min=600_000, rate_max=700_000, start=date(2026, 12, 1), station="品川", remote="hybrid",
    )  # fmt: skip
    fields.update(overrides)
    return Job(**fields)


def rank(job: Job, *engineers: Engineer, settings: MatchSettings = SETTINGS) -> Ranking:
    return rank_engineers(job, EngineerIndex(engineers), settings, TODAY)


def only_match(ranking: Ranking):
    assert len(ranking.matches) == 1, ranking
    return ranking.matches[0]


def row(match, prefix: str):
    found = [r for r in match.requirements if r.requirement.startswith(prefix)]
    assert len(found) == 1, match.requirements
    return found[0]


# ---- hard conditions: one case each, with its reason ----

HARD = [
    (make_job(foreigners_ok=False), make_engineer(nationality="中国"), "外国籍不可（国籍: 中国）"),
    (make_job(japanese_level="N1"), make_engineer(nationality="ベトナム", japanese_level="N2"), "日本語 N1以上（N2）"),
    (make_job(age_max=45), make_engineer(age=48), "年齢 45歳まで（48歳）"),
    (make_job(max_chain=0), make_partner(), "商流: 貴社社員まで（1社先の要員）"),
    (make_job(max_chain=1), make_partner(chain_distance=2, employment="freelance"), "商流: 1社先まで（2社先の要員）"),
    (make_job(freelance_ok=False), make_engineer(employment="freelance"), "個人事業主不可（フリーランス）"),
    (make_job(), make_engineer(available_from=date(2027, 1, 15)), "開始 2026-12-01 に間に合わない（2027-01-15 から）"),
    (make_job(), make_partner(rate=680_000), "単価 上限70万（希望68万＋マージン5万）"),
    (make_job(), make_engineer(rate=720_000), "単価 上限70万（希望72万）"),
    (make_job(company="example.co.jp"), make_partner(), "提案元（example.co.jp）の要員"),
    (make_job(company="sales.example.co.jp"), make_partner(), "提案元（example.co.jp）の要員"),
]
HARD_IDS = [
    "foreigner", "japanese-level", "age", "chain-own-only", "chain-one-away", "freelance", "start",
    "rate-partner-margin", "rate-own", "proposed-back", "proposed-back-subdomain",
]  # fmt: skip


@pytest.mark.parametrize(("job", "engineer", "reason"), HARD, ids=HARD_IDS)
def test_hard_condition_excludes_with_its_reason(job, engineer, reason):
    ranking = rank(job, engineer)
    assert ranking.matches == []
    assert [x.id for x in ranking.excluded] == [engineer.id]
    assert ranking.excluded[0].reasons == (reason,)


def test_every_failed_condition_is_listed_in_order():
    job = make_job(foreigners_ok=False, age_max=45, max_chain=0, freelance_ok=False, company="example.co.jp")
    engineer = make_partner(nationality="中国", age=50, chain_distance=2, employment="freelance", rate=700_000)
    (excluded,) = rank(job, engineer).excluded
    assert [r.split("（")[0] for r in excluded.reasons] == [
        "外国籍不可", "年齢 45歳まで", "商流: 貴社社員まで", "個人事業主不可", "単価 上限70万", "提案元",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("job", "engineer", "label"),
    [
        (make_job(foreigners_ok=False), make_engineer(nationality=None), "外国籍: 不可"),
        (make_job(japanese_level="N1"), make_engineer(nationality="中国", japanese_level=None), "日本語: N1以上"),
        (make_job(age_max=45), make_engineer(age=None), "年齢: 45歳まで"),
    ],
    ids=["nationality-not-stated", "japanese-level-not-stated", "age-not-stated"],
)
def test_unknown_values_never_exclude_they_ask(job, engineer, label):
    """GIVEN a limit the engineer's record says nothing about THEN a partial row the rep asks about."""
    match = only_match(rank(job, engineer))
    assert row(match, label).status is Status.PARTIAL
    assert "記載なし" in row(match, label).evidence


@pytest.mark.parametrize(
    ("engineer", "listed"),
    [
        (make_engineer(rate=680_000), True),
        (make_partner(rate=680_000), False),
        (make_partner(rate=650_000), True),
    ],
    ids=["own-68-fits-70", "partner-68-plus-margin-over-70", "partner-65-plus-margin-is-70"],
)
def test_margin_applies_to_partner_engineers_only(engineer, listed):
    assert bool(rank(make_job(), engineer).matches) is listed


def test_margin_comes_from_settings():
    ranking = rank(make_job(), make_partner(rate=680_000), settings=replace(SETTINGS, margin=20_000))
    assert ranking.matches and not ranking.excluded


def test_start_within_grace_is_partial_not_excluded():
    match = only_match(rank(make_job(), make_engineer(available_from=date(2026, 12, 15))))
    assert row(match, "開始").status is Status.PARTIAL


def test_own_engineer_is_never_proposed_back():
    """Our own engineers carry no company; a job from any sender may get them."""
    assert rank(make_job(company="example.co.jp"), make_engineer()).matches


# ---- skills and years ----


def test_near_miss_years_is_partial_and_still_ranked():
    """GIVEN a job asking Java 3年以上 WHEN the engineer has 2年11ヶ月 THEN partial, ranked, explained."""
    engineer = make_partner(
        skill_years={"Java": 2.92},
        evidence={"skills": "【スキル】Java(2年11ヶ月)、SQL、AWS(EC2/S3)", "rate": "【単価】55万"},
    )
    ranking = rank(make_job(), engineer)
    assert ranking.excluded == []
    java = row(only_match(ranking), "必須: Java")
    assert java.requirement == "必須: Java 3年以上"
    assert java.status is Status.PARTIAL
    assert java.evidence == "Java 2年11ヶ月（メール: 【スキル】Java(2年11ヶ月)）"


@pytest.mark.parametrize(
    ("years", "status"),
    [({"Java": 3.0}, Status.MET), ({"Java": 2.4}, Status.PARTIAL), ({}, Status.PARTIAL), ({"Java": 1.0}, Status.UNMET)],
    ids=["exactly-asked", "80-percent", "years-not-stated", "far-short"],
)
def test_years_against_asked_years(years, status):
    match = only_match(rank(make_job(), make_engineer(skill_years=years)))
    assert row(match, "必須: Java").status is status


def test_missing_skill_is_unmet_and_lowers_the_score():
    full = only_match(rank(make_job(), make_engineer()))
    missing = only_match(rank(make_job(), make_engineer(skills=("Java", "AWS"))))
    assert row(missing, "必須: SQL").status is Status.UNMET
    assert row(missing, "必須: SQL").evidence is None
    assert missing.score < full.score


def test_evidence_quotes_the_roster_or_the_mail():
    own = only_match(rank(make_job(), make_engineer()))
    assert row(own, "必須: Java").evidence == "Java 7年（ロスター: スキル列）"
    line = {"skills": "ロスター 12行目 スキル: Java(7年)、SQL", "rate": "ロスター 12行目 単価: 55"}
    roster = only_match(rank(make_job(), make_engineer(evidence=line)))
    assert row(roster, "必須: Java").evidence == "Java 7年（ロスター 12行目 スキル: Java(7年)）"
    assert row(roster, "単価").evidence == "希望55万（ロスター 12行目 単価: 55）"
    partner = only_match(rank(make_job(), make_partner()))
    assert row(partner, "尚可: AWS").evidence == "AWS（メール: 【スキル】AWS(EC2/S3)）"
    assert row(partner, "単価").evidence == "希望55万＋マージン5万＝60万（メール: 【単価】55万）"


def test_requirement_rows_in_order():
    job = make_job(foreigners_ok=False, age_max=45, max_chain=1)
    match = only_match(rank(job, make_engineer()))
    assert [r.requirement for r in match.requirements] == [
        "必須: Java 3年以上", "必須: SQL", "尚可: AWS", "単価: 60～70万", "開始: 2026-12-01",
        "場所: 品川（リモート併用）", "外国籍: 不可", "年齢: 45歳まで", "商流: 1社先まで",
    ]  # fmt: skip
    assert all(r.status is Status.MET for r in match.requirements)


def test_rows_for_limits_the_job_does_not_set_are_left_out():
    match = only_match(rank(make_job(), make_engineer()))
    assert [r.requirement.split(":")[0] for r in match.requirements][-3:] == ["単価", "開始", "場所"]


# ---- scores, place, tiers, ordering ----


@pytest.mark.parametrize(
    ("job", "engineer", "status"),
    [
        (make_job(remote="onsite"), make_engineer(remote="full"), Status.UNMET),
        (make_job(remote="hybrid"), make_engineer(remote="full"), Status.PARTIAL),
        (make_job(remote="full", station=None), make_engineer(remote="full", station="大宮"), Status.MET),
        (make_job(), make_engineer(station="品川駅"), Status.MET),
        (make_job(), make_engineer(station="大宮"), Status.PARTIAL),
    ],
    ids=["full-remote-wish-vs-onsite", "full-remote-wish-vs-hybrid", "remote-job", "same-station", "other-station"],
)
def test_place_and_remote_fit(job, engineer, status):
    assert row(only_match(rank(job, engineer)), "場所").status is status


def test_lower_cost_scores_higher_but_never_above_ceiling():
    cheap, dear = make_engineer(id="A", rate=500_000), make_engineer(id="B", rate=690_000)
    ranking = rank(make_job(), dear, cheap)
    assert [m.id for m in ranking.matches] == ["A", "B"]
    assert all(0.0 <= m.score <= 1.0 for m in ranking.matches)


@pytest.mark.parametrize(
    ("score", "expected"), [(0.95, Tier.TOP), (0.8, Tier.TOP), (0.79, Tier.GOOD), (0.6, Tier.GOOD), (0.59, Tier.FAIR)],
    ids=["0.95", "0.8", "0.79", "0.6", "0.59"],
)
def test_tiers_follow_settings(score, expected):
    assert tier(score, SETTINGS) is expected


def test_a_perfect_fit_is_top_tier():
    assert only_match(rank(make_job(), make_engineer(rate=500_000))).tier is Tier.TOP


def test_ordering_is_score_then_id_and_cut_at_top():
    """GIVEN identical engineers THEN ties go by id, and only settings.top are kept."""
    engineers = [make_engineer(id=f"E{n:03d}", rate=650_000) for n in (5, 3, 9, 1, 7)]
    engineers.append(make_engineer(id="E999", rate=450_000))  # cheaper: first
    ranking = rank(make_job(), *engineers, settings=replace(SETTINGS, top=4))
    assert [m.id for m in ranking.matches] == ["E999", "E001", "E003", "E005"]


def test_below_min_score_is_dropped():
    """GIVEN an engineer with only the preferred skill, nothing known, asking full remote for onsite work."""
    weak = make_engineer(skills=("AWS",), rate=None, available_from=None, station=None, remote="full")
    job = make_job(remote="onsite")
    assert rank(job, weak).matches == []
    assert rank(job, weak, settings=replace(SETTINGS, min_score=0.1)).matches[0].score == pytest.approx(0.275)


def test_engineers_sharing_no_skill_are_not_candidates():
    ranking = rank(make_job(), make_engineer(skills=("COBOL",)), settings=replace(SETTINGS, min_score=0.0))
    assert ranking.matches == [] and ranking.excluded == []


def test_expired_engineers_are_not_in_the_pool():
    gone = make_partner(expires_at=datetime(2026, 11, 28, 23, 0))
    assert rank(make_job(), gone) == Ranking()


def test_exclusions_are_capped_strongest_first():
    engineers = [make_engineer(id=f"E{n:03d}", age=60, rate=500_000 + 1000 * n) for n in range(80)]
    ranking = rank(make_job(age_max=45), *engineers)
    assert len(ranking.excluded) == MAX_EXCLUDED
    assert ranking.excluded_total == 80  # all counted, the strongest listed with their reasons
    assert [x.id for x in ranking.excluded[:3]] == ["E000", "E001", "E002"]


def test_ranking_does_not_depend_on_pool_order():
    engineers = [make_engineer(id=f"E{n}", rate=500_000 + 10_000 * (n % 4), age=40 + n) for n in range(12)]
    job = make_job(age_max=47)
    assert rank(job, *engineers) == rank(job, *reversed(engineers))


def test_index_ranking_equals_brute_force_scan():
    engineers = [make_engineer(id=f"E{n}", rate=500_000 + 10_000 * (n % 4), age=40 + n) for n in range(12)]
    job = make_job(age_max=47)
    assert rank(job, *engineers) == scan_engineers(job, engineers, SETTINGS, TODAY)


# ---- jobs for a talent ----


def make_jobs() -> list[Job]:
    return [
        make_job(id="J1"),
        make_job(id="J2", rate_max=650_000, rate_min=None),
        make_job(id="J3", company="example.co.jp"),
        make_job(id="J4", required_skills=("COBOL",), preferred_skills=(), skill_years={}),
        make_job(id="J5", expires_at=datetime(2026, 11, 1)),
        make_job(id="J6", title=None, required_skills=(), preferred_skills=(), skill_years={}),
    ]


def test_rank_jobs_for_a_partner_talent():
    """GIVEN a partner's Java engineer WHEN ranking open jobs THEN their own company's job is excluded,
    the COBOL job is not a candidate, the expired job is gone and a job asking no skill is listed."""
    ranking = rank_jobs(make_partner(), JobIndex(make_jobs()), SETTINGS, TODAY)
    assert [m.id for m in ranking.matches] == ["J1", "J2", "J6"]  # J6 asks no skill: half marks
    assert [(x.id, x.reasons) for x in ranking.excluded] == [("J3", ("提案元（example.co.jp）の要員",))]
    assert ranking.matches[-1].name == "(案件名なし)"
    assert ranking.matches[0].name == "物流会社向け 配送管理システム刷新"


def test_rank_jobs_agrees_with_rank_engineers():
    engineer = make_partner(rate=600_000, skill_years={"Java": 2.92})
    by_job = rank(make_job(), engineer).matches[0]
    by_talent = rank_jobs(engineer, JobIndex([make_job()]), SETTINGS, TODAY).matches[0]
    assert (by_job.score, by_job.requirements) == (by_talent.score, by_talent.requirements)


def test_today_moves_a_past_start_forward():
    """GIVEN a job whose start has passed WHEN an engineer is free today THEN the start is met."""
    later = TODAY + timedelta(days=20)
    job = make_job(start=date(2026, 11, 1))
    ranking = rank_engineers(job, EngineerIndex([make_engineer(available_from=later)]), SETTINGS, later)
    assert row(only_match(ranking), "開始").status is Status.MET


def test_settings_come_from_the_registry():
    config = load_config(env={"HAYAOSHI_MATCHING_MARGIN": "30000", "HAYAOSHI_MATCHING_TOP": "5"})
    assert match_settings(config) == replace(SETTINGS, margin=30_000, top=5)
