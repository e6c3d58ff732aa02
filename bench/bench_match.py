"""`make bench` for matching: one job against a big pool, re-matching every open job, clustering.

Usage: python bench/bench_match.py [--engineers 100000] [--jobs 200] [--pool 20000] [--rematch 5000]
Pools are synthetic but shaped like a team's: skills from the real taxonomy with a Zipf-like
popularity (Java, AWS, SQL… common; most of the 600 rare), rates, dates, ages, nationalities,
商流 and limits in plausible proportions, all from a seeded RNG. Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import itertools
import platform
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from hayaoshi.extract.taxonomy import load_taxonomy
from hayaoshi.match.cluster import cluster
from hayaoshi.match.engine import rank_engineers, rank_jobs, scan_engineers
from hayaoshi.match.explain import job_terms
from hayaoshi.match.index import EngineerIndex, JobIndex
from hayaoshi.match.model import Engineer, Job, MatchSettings

TODAY = date(2026, 11, 29)
SETTINGS = MatchSettings()
# The head of the popularity order, as SES mail shows it; the rest of the taxonomy follows shuffled.
POPULAR = (
    "Java", "AWS", "SQL", "Python", "JavaScript", "Linux", "TypeScript", "PHP", "C#", "Spring Boot", "React",
    "Oracle", "MySQL", "詳細設計", "製造", "テスト", "基本設計", "PostgreSQL", "Go", "Docker", "要件定義", "Vue.js",
    "Azure", "Kubernetes", "C", "C++", "VB.NET", "COBOL", "Ruby", "Ruby on Rails", "Laravel", "Node.js", "Git",
    "Windows", "SQL Server", "運用保守", "PM", "PL", "PMO", "Terraform", "Salesforce", "SAP", "Kotlin", "Swift",
    "Spring", "GCP", "Shell", "Angular", "VBA", "Next.js",
)  # fmt: skip
STATIONS = """
    品川 新宿 渋谷 東京 大手町 浜松町 田町 五反田 大崎 池袋 秋葉原 神田 日本橋 六本木
    虎ノ門 汐留 豊洲 中野 三鷹 立川 横浜 川崎 武蔵小杉 大宮 浦和 船橋 千葉 幕張 北千住
    錦糸町 飯田橋 水道橋 恵比寿 目黒 蒲田 町田 八王子 所沢 柏
""".split()
CLIENT_KINDS = """
    物流会社 大手証券 損害保険 生命保険 メガバンク 地方銀行 通信キャリア 自動車メーカー 製薬会社
    大手小売 EC事業者 官公庁 自治体 電力会社 ガス会社 鉄道会社 航空会社 不動産会社 人材会社
    ゲーム会社 広告代理店 出版社 病院 大学 食品メーカー 化学メーカー 重工メーカー 商社 旅行会社
""".split()
SYSTEMS = """
    基幹システム 会計システム 配送管理システム 在庫管理システム 顧客管理システム 予約システム
    決済基盤 データ分析基盤 ポイントシステム 人事給与システム 受発注システム ECサイト
    スマホアプリ 社内ポータル 生産管理システム 勘定系システム 保険契約システム 請求システム
    認証基盤 監視基盤
""".split()
ACTIONS = ("刷新", "新規開発", "追加開発", "保守運用", "クラウド移行", "リプレース", "機能改修", "更改")
PARTNERS = tuple(f"bp{n:03d}.co.jp" for n in range(400))
CLIENTS = tuple(f"client{n:02d}.jp" for n in range(60))


def popularity(rng: random.Random) -> tuple[list[str], list[float]]:
    names = [s.canonical for s in load_taxonomy().skills]
    head = [s for s in POPULAR if s in names]
    tail = [s for s in names if s not in head]
    rng.shuffle(tail)
    order = head + tail
    weights = list(itertools.accumulate(1.0 / (rank + 2) for rank in range(len(order))))
    return order, weights


def draw_skills(rng: random.Random, skills: tuple[list[str], list[float]], k: int) -> tuple[str, ...]:
    names, cumulative = skills
    return tuple(dict.fromkeys(rng.choices(names, cum_weights=cumulative, k=k)))


def weighted(rng: random.Random, table: dict[Any, float]) -> Any:
    return rng.choices(list(table), weights=list(table.values()))[0]


def make_engineer(rng: random.Random, skills: tuple[list[str], list[float]], n: int) -> Engineer:
    own = rng.random() < 0.15
    held = draw_skills(rng, skills, rng.randint(3, 8))
    employment = "employee" if own else weighted(rng, {"employee": 55, "contract": 10, "freelance": 30, None: 5})
    distance = 0 if own else (2 if employment == "freelance" or rng.random() < 0.1 else 1)
    nationality = weighted(rng, {"日本": 78, None: 10, "中国": 8, "ベトナム": 2, "韓国": 2})
    foreign = nationality not in (None, "日本")
    return Engineer(
        id=f"E{n:06d}", name=f"{chr(65 + n % 26)}.{chr(65 + n // 26 % 26)}", own=own,
        company=None if own else rng.choice(PARTNERS), chain_distance=distance, skills=held,
        skill_years={s: round(rng.uniform(0.5, 12.0), 2) for s in held if rng.random() < 0.7},
        rate=rng.randrange(400_000, 860_000, 10_000) if rng.random() < 0.95 else None,
        available_from=TODAY + timedelta(days=rng.randrange(0, 120)) if rng.random() < 0.9 else None,
        age=rng.randint(23, 62) if rng.random() < 0.85 else None, nationality=nationality,
        japanese_level=weighted(rng, {"N1": 50, "N2": 30, "N3": 5, "ネイティブ": 5, None: 10}) if foreign else None,
        employment=employment, station=rng.choice(STATIONS) if rng.random() < 0.9 else None,
        remote=weighted(rng, {None: 50, "full": 15, "hybrid": 20, "onsite": 15}),
    )  # fmt: skip


def make_job(rng: random.Random, skills: tuple[list[str], list[float]], n: int) -> Job:
    required = draw_skills(rng, skills, rng.randint(1, 4))
    preferred = tuple(s for s in draw_skills(rng, skills, rng.randint(0, 3)) if s not in required)
    ceiling = rng.randrange(550_000, 1_000_000, 50_000)
    return Job(
        id=f"J{n:05d}", title=f"{rng.choice(CLIENT_KINDS)}向け {rng.choice(SYSTEMS)}{rng.choice(ACTIONS)}",
        company=rng.choice(CLIENTS if rng.random() < 0.6 else PARTNERS),
        required_skills=required, preferred_skills=preferred,
        skill_years={required[0]: rng.choice((2.0, 3.0, 5.0))} if rng.random() < 0.5 else {},
        rate_min=ceiling - 100_000 if rng.random() < 0.6 else None, rate_max=ceiling,
        start=TODAY + timedelta(days=rng.randrange(0, 75)) if rng.random() < 0.9 else None,
        station=rng.choice(STATIONS), remote=weighted(rng, {"onsite": 35, "hybrid": 45, "full": 15, None: 5}),
        foreigners_ok=weighted(rng, {False: 45, None: 45, True: 10}),
        japanese_level=weighted(rng, {None: 90, "N1": 7, "N2": 3}),
        age_max=weighted(rng, {None: 50, 45: 20, 50: 20, 55: 10}),
        max_chain=weighted(rng, {None: 40, 0: 20, 1: 40}), freelance_ok=weighted(rng, {None: 75, False: 25}),
    )  # fmt: skip


def forwarded(rng: random.Random, job: Job, n: int) -> Job:
    """The same opening re-sent by another partner: reworded, a skill lost, a lower rate."""
    required = job.required_skills[:-1] if len(job.required_skills) > 2 and rng.random() < 0.3 else job.required_skills
    title = (job.title or "").replace("向け ", rng.choice(("向け", "様向け ", " ")))
    title = rng.choice((f"【急募】{title}", f"{title}（{required[0]}）", f"■{title}案件", title))
    return replace(
        job, id=f"F{n:05d}", title=title,
        company=rng.choice(PARTNERS), required_skills=required,
        rate_max=(job.rate_max or 0) - 50_000 * rng.randint(0, 2) or None,
        station=job.station if rng.random() < 0.8 else None,
    )  # fmt: skip


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--engineers", type=int, default=100_000)
    ap.add_argument("--jobs", type=int, default=200)
    ap.add_argument("--pool", type=int, default=20_000)
    ap.add_argument("--rematch", type=int, default=5_000)
    ap.add_argument("--seed", type=int, default=7)
    ns = ap.parse_args()
    rng = random.Random(ns.seed)
    skills = popularity(rng)
    print(f"machine: {platform.processor() or platform.machine()}, python {platform.python_version()}\n")
    rows: list[tuple[str, str, str]] = []

    engineers, gen_s = timed(lambda: [make_engineer(rng, skills, n) for n in range(ns.engineers)])
    index, build_s = timed(lambda: EngineerIndex(engineers))
    total = len(engineers)
    share = ", ".join(f"{s} {index.holders(s) / total:.0%}" for s in POPULAR[:5])
    rows.append((f"synthetic pool of {total:,} engineers (generation)", f"{gen_s:.1f} s", f"holders: {share}"))
    rows.append((f"index build, {total:,} engineers", f"{build_s * 1000:,.0f} ms", "a few seconds"))

    jobs = [make_job(rng, skills, n) for n in range(ns.jobs)]
    for job in jobs[:5]:
        rank_engineers(job, index, SETTINGS, TODAY)  # warm-up
    per_job, candidates, passing, listed = [], [], [], []
    for job in jobs:
        ranking, seconds = timed(lambda job=job: rank_engineers(job, index, SETTINGS, TODAY))
        per_job.append(seconds * 1000)
        live = index.candidate_mask(job) & index.live_mask(TODAY)
        candidates.append(int(live.sum()))
        passing.append(int((live & ~index.excluded_mask(job_terms(job, SETTINGS, TODAY))).sum()))
        listed.append(len(ranking.matches))
    per_job.sort()
    p95 = per_job[min(len(per_job) - 1, int(len(per_job) * 0.95))]
    rows.append((f"1 job vs {total:,}: median ms ({len(jobs)} jobs)", f"{statistics.median(per_job):.1f}", "≤ 50"))
    rows.append((f"1 job vs {total:,}: p95 ms", f"{p95:.1f}", ""))
    rows.append(("candidates sharing a skill, mean (of the pool)",
                 f"{statistics.mean(candidates):,.0f} ({statistics.mean(candidates) / total:.0%})", ""))  # fmt: skip
    rows.append(("… passing the indexed hard conditions, mean", f"{statistics.mean(passing):,.0f}", ""))
    rows.append(("… listed (top 20, score ≥ 0.3), mean", f"{statistics.mean(listed):.1f}", ""))

    scans, fast = [], []
    widest = sorted(range(len(jobs)), key=lambda n: -candidates[n])[:3]  # the jobs with the most candidates
    for job in (jobs[n] for n in widest):
        ranking, seconds = timed(lambda job=job: scan_engineers(job, engineers, SETTINGS, TODAY))
        indexed, fast_seconds = timed(lambda job=job: rank_engineers(job, index, SETTINGS, TODAY))
        assert ranking == indexed, job.id  # the same answer, the slow way
        scans.append(seconds * 1000)
        fast.append(fast_seconds * 1000)
    wide = min(candidates[n] for n in widest)
    rows.append((f"the 3 widest jobs ({wide:,}+ candidates): brute-force scan, ms", f"{statistics.median(scans):,.0f}",
                 f"indexed: {statistics.median(fast):.1f} ms, same result"))  # fmt: skip

    small = engineers[: ns.pool]
    small_index, small_build_s = timed(lambda: EngineerIndex(small))
    rows.append((f"index build, {len(small):,} engineers", f"{small_build_s * 1000:,.0f} ms", "well under 1 s"))
    open_jobs = [make_job(rng, skills, n) for n in range(ns.rematch)]
    _, rematch_s = timed(lambda: [rank_engineers(j, small_index, SETTINGS, TODAY) for j in open_jobs])
    rows.append((f"re-match {len(open_jobs):,} jobs vs {len(small):,} engineers", f"{rematch_s:.1f} s", "≤ 30 s"))

    job_index, job_build_s = timed(lambda: JobIndex(open_jobs))
    rows.append((f"job index build, {len(open_jobs):,} jobs", f"{job_build_s * 1000:,.0f} ms", ""))
    per_talent = sorted(
        timed(lambda e=e: rank_jobs(e, job_index, SETTINGS, TODAY))[1] * 1000 for e in engineers[-200:]
    )
    rows.append((f"1 talent vs {len(open_jobs):,} open jobs: median ms (200 talents)",
                 f"{statistics.median(per_talent):.1f}", ""))  # fmt: skip

    originals = open_jobs[: int(ns.rematch * 0.7)]
    mail = originals + [forwarded(rng, rng.choice(originals), n) for n in range(ns.rematch - len(originals))]
    rng.shuffle(mail)
    groups, cluster_s = timed(lambda: cluster(mail))
    multi = sum(1 for g in groups if len(g) > 1)
    rows.append((f"cluster {len(mail):,} jobs ({len(mail) - len(originals):,} forwards)", f"{cluster_s * 1000:,.0f} ms",
                 f"{len(groups):,} clusters, {multi:,} with several sources"))  # fmt: skip

    print("| measure | result | target / note |")
    print("|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
