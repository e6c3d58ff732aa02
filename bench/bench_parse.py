"""`make bench` for the extractor: throughput over the corpus replicated, and accuracy per field.

Usage: python bench/bench_parse.py [--mails 5000]
Prints the figures as Markdown tables, for the closing note of an issue.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from datetime import datetime
from pathlib import Path

from hayaoshi.extract.evaluate import field_scores, skill_f1
from hayaoshi.extract.extractor import JST, Extractor
from hayaoshi.ingest.decode import decode_message
from hayaoshi.ingest.quotes import split_quoted

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "samples" / "mail"
HELDOUT = (ROOT / "tests" / "heldout", ROOT / "tests" / "heldout2")
NOW = datetime(2026, 11, 29, 9, 0, tzinfo=JST)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mails", type=int, default=5000)
    ns = ap.parse_args()
    paths = sorted(CORPUS.rglob("*.eml"))
    raws = [p.read_bytes() for p in paths]
    print(f"machine: {platform.processor() or platform.machine()}, python {platform.python_version()}")
    print(f"corpus: {len(paths)} mails, replicated to {ns.mails}\n")

    t0 = time.perf_counter()
    extractor = Extractor()
    print(f"start-up (taxonomy + spaCy pipeline): {time.perf_counter() - t0:.2f} s\n")

    batch = [raws[i % len(raws)] for i in range(ns.mails)]
    t0 = time.perf_counter()
    for raw in batch:
        decode_message(raw)
    decode_s = time.perf_counter() - t0

    per_mail: list[float] = []
    t0 = time.perf_counter()
    for raw in batch:
        t1 = time.perf_counter()
        mail = decode_message(raw)
        text, _ = split_quoted(mail.body, mail.subject)
        extractor.extract(mail, body=text, now=NOW)
        per_mail.append(time.perf_counter() - t1)
    total_s = time.perf_counter() - t0
    per_mail.sort()
    print("| stage | mails/s | p50 ms | p95 ms |")
    print("|---|---|---|---|")
    print(f"| decode only (MIME + charsets + HTML) | {ns.mails / decode_s:,.0f} | | |")
    p50 = statistics.median(per_mail) * 1000
    p95 = per_mail[int(len(per_mail) * 0.95)] * 1000
    print(f"| decode + extract (one process) | {ns.mails / total_s:,.0f} | {p50:.2f} | {p95:.2f} |")
    print(f"\nGiNZA NER calls: {extractor.ginza_calls} of {ns.mails} mails (runs only where rules found no place)\n")

    report_accuracy("golden corpus (tests/samples/mail: the rules were written against it)", paths, extractor)
    for folder in HELDOUT:
        heldout = sorted(folder.rglob("*.eml"))
        if heldout:
            report_accuracy(f"held-out set ({folder.relative_to(ROOT)}: written apart from the rules)",
                            heldout, extractor)


def report_accuracy(title: str, paths: list[Path], extractor: Extractor) -> None:
    pairs = []
    for path in paths:
        mail = decode_message(path.read_bytes())
        text, _ = split_quoted(mail.body, mail.subject)
        got = extractor.extract(mail, body=text, now=NOW).to_json()
        expected = json.loads(path.with_suffix(".expected.json").read_text("utf-8"))
        pairs.append((got, expected))
    print(f"\n### Accuracy: {title}, {len(paths)} mails\n")
    table = field_scores(pairs)
    print("| field | stated | exact | exact % | silent | invented |")
    print("|---|---|---|---|---|---|")
    stated = exact = silent = invented = 0
    for field, row in table.items():
        pct = 100 * row["exact"] / row["stated"] if row["stated"] else float("nan")
        print(f"| {field} | {row['stated']} | {row['exact']} | {pct:.1f} | {row['silent']} | {row['invented']} |")
        if field != "kind(mail)":
            stated += row["stated"]
            exact += row["exact"]
            silent += row["silent"]
            invented += row["invented"]
    kinds = table["kind(mail)"]
    lost = sum(1 for g, e in pairs if e["kind"] in ("talent", "mixed") and g["kind"] in ("other", "job"))
    postings_ok = sum(1 for g, e in pairs if len(g["postings"]) == len(e["postings"]))
    p, r, f1 = skill_f1(pairs)
    print()
    print(f"mails classified right: {kinds['exact']}/{kinds['stated']} "
          f"({100 * kinds['exact'] / kinds['stated']:.1f}%); talent mails lost: {lost}")
    print(f"posting count right: {postings_ok}/{len(pairs)}")
    print(f"stated values extracted exactly: {exact}/{stated} ({100 * exact / max(stated, 1):.1f}%)")
    print(f"values invented where the mail says nothing: {invented}/{silent} "
          f"({100 * invented / max(silent, 1):.1f}%)")
    print(f"skills: precision {p:.3f} recall {r:.3f} F1 {f1:.3f}")


if __name__ == "__main__":
    main()
