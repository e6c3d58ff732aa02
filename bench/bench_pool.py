"""`make bench` for the pool: import a 10,000-row roster (.xlsx) into a fresh SQLite database.

Usage: python bench/bench_pool.py [--rows 10000] [--url sqlite:///...]
Prints the figures as a Markdown table (target: the first import ≤ 10 s).
"""

from __future__ import annotations

import argparse
import platform
import random
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from openpyxl import Workbook

from hayaoshi.extract.nlp import SkillNLP
from hayaoshi.extract.taxonomy import load_taxonomy
from hayaoshi.store.db import open_store
from hayaoshi.store.roster import import_roster

HEADERS = ["社員番号", "氏名", "年齢", "性別", "最寄駅", "スキル", "希望単価", "稼働可能日", "雇用形態", "国籍",
           "日本語", "備考"]
STATIONS = ["大宮", "品川", "渋谷", "新宿", "池袋", "川崎", "横浜", "船橋", "立川", "北千住", "西川口", "武蔵小杉",
            "蒲田"]
EMPLOYMENT = ["正社員"] * 6 + ["契約社員"] * 2 + ["個人事業主", "BP社員"]
NATIONALITY = ["日本"] * 8 + ["中国", "ベトナム"]
NOTES = ["", "", "勤続5年、勤怠良好", "リーダー経験あり", "延長実績あり", "リモート希望", "PM補佐の経験あり"]
TODAY = date(2026, 11, 29)


def skill_text(rng: random.Random, by_category: dict[str, list[str]]) -> str:
    parts = []
    for category, n in (("language", 2), ("framework", 2), ("database", 1), ("cloud", 1), ("phase", 2)):
        for name in rng.sample(by_category[category], k=min(n, len(by_category[category]))):
            form = rng.random()
            if form < 0.35:
                parts.append(f"{name}({rng.randint(1, 15)}年)")
            elif form < 0.45:
                parts.append(f"{name}（{rng.randint(1, 10)}年{rng.randint(1, 11)}ヶ月）")
            else:
                parts.append(name)
    return "、".join(parts)


def rows(n: int, seed: int, by_category: dict[str, list[str]], changed: float = 0.0):
    rng = random.Random(seed)
    change = random.Random(seed + 1)
    for i in range(1, n + 1):
        rate = rng.randint(40, 95)
        start = TODAY + timedelta(days=rng.randint(0, 120))
        skills = skill_text(rng, by_category)
        if change.random() < changed:
            rate += 2
        yield [
            f"E{i:05d}", f"{chr(65 + rng.randint(0, 25))}.{chr(65 + rng.randint(0, 25))}", rng.randint(22, 60),
            rng.choice(["男", "女"]), f"{rng.choice(STATIONS)}駅", skills, f"{rate}万",
            start.strftime("%Y/%m/%d") if rng.random() < 0.5 else f"{start.month}月末", rng.choice(EMPLOYMENT),
            rng.choice(NATIONALITY), None, rng.choice(NOTES),
        ]


def write_roster(path: Path, n: int, by_category: dict[str, list[str]], changed: float = 0.0) -> None:
    # A normal workbook, as Excel saves one: strings in the shared-string table. (A write-only
    # workbook stores each string inline, which reads about twice as slowly.)
    book = Workbook()
    sheet = book.active
    sheet.title = "要員一覧"
    sheet.append(HEADERS)
    for row in rows(n, 7, by_category, changed):
        sheet.append(row)
    book.save(path)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--url", help="database URL (default: a fresh SQLite file)")
    ns = ap.parse_args()
    print(f"machine: {platform.processor() or platform.machine()}, python {platform.python_version()}\n")
    with tempfile.TemporaryDirectory(prefix="hayaoshi-bench-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        nlp = SkillNLP(load_taxonomy())
        startup = time.perf_counter() - t0
        by_category: dict[str, list[str]] = {}
        for skill in nlp.taxonomy.skills:
            by_category.setdefault(skill.category, []).append(skill.canonical)
        first, second = folder / "roster.xlsx", folder / "roster_v2.xlsx"
        write_roster(first, ns.rows, by_category)
        write_roster(second, ns.rows, by_category, changed=0.2)
        store = open_store(ns.url or f"sqlite:///{folder / 'hayaoshi.db'}")
        results = []
        with store:
            for label, path, dry in (("first import (all new)", first, False),
                                     ("dry run of a re-import (20% changed)", second, True),
                                     ("re-import (20% changed: updates)", second, False),
                                     ("re-import, nothing changed", second, False)):
                t0 = time.perf_counter()
                report = import_roster(store, path, dry_run=dry, nlp=nlp, today=TODAY)
                seconds = time.perf_counter() - t0
                results.append((label, seconds, report))
            pool = len(store.engineers(datetime.now(tz=UTC)))
    print(f"SkillNLP start-up (taxonomy + spaCy pipeline, once): {startup:.2f} s; pool after: {pool} engineers\n")
    print(f"| {ns.rows:,}-row roster (.xlsx) | seconds | rows/s | added | updated | unchanged | errors |")
    print("|---|---|---|---|---|---|---|")
    for label, seconds, r in results:
        print(f"| {label} | {seconds:.2f} | {ns.rows / seconds:,.0f} | {r.added} | {r.updated} | {r.unchanged} "
              f"| {len(r.errors)} |")
    verdict = "met" if results[0][1] <= 10 else "MISSED"
    print(f"\ntarget: first import ≤ 10 s: {verdict}")


if __name__ == "__main__":
    main()
