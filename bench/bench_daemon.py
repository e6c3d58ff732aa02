"""`make bench` for the daemon, against a throwaway Dovecot on 127.0.0.1 (tests/dovecot.py) and SQLite.

1. Latency: mails appended one by one (`doveadm save`) while the daemon is in IDLE; arrival (the
   moment the append starts) to processed (the ledger row's finished_at). p50 / p95 over --latency mails.
   Also arrival → reply draft in the Drafts folder, for the mails that get one.
2. Backlog: --mails mails already in the folder when the daemon starts (`run --once`), end to end:
   connect, list, claim, fetch (BODY.PEEK[]), parse in the child, store, match, draft (APPEND), ledger.

Our own engineers: a generated roster of ROSTER_ROWS (300) engineers with the corpus's usual skills. Run twice: with
   the real pipeline, and with the pipeline's store/match step stubbed out (--stub-too), which gives
   the daemon's own capacity apart from the pipeline's.

Mails are the golden corpus (tests/samples/mail) replicated with unique Message-IDs.
Usage: python bench/bench_daemon.py [--latency 200] [--mails 10000] [--no-stub] [--cap 900]

The end-to-end backlog is bounded by the pipeline's store and match steps, whose cost grows with the
open 案件 (see the closing note of the issue); --cap stops it after 900 s by default and reports the rate
reached by then, so that `make bench` ends.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "samples" / "mail"
_MID = re.compile(rb"^Message-ID:[^\r\n]*\r?\n", re.IGNORECASE | re.MULTILINE)


def corpus(count: int, tag: str) -> list[bytes]:
    raws = [p.read_bytes() for p in sorted(CORPUS.rglob("*.eml"))]
    out = []
    for n in range(count):
        raw = _MID.sub(b"", raws[n % len(raws)], count=1)
        out.append(f"Message-ID: <bench-{tag}-{n}@bench.example>\r\n".encode() + raw)
    return out


ROSTER_SKILLS = ("Java(5年)、Spring Boot、Oracle、詳細設計", "Python(4年)、Django、AWS", "PHP(6年)、Laravel、MySQL",
                 "C#(3年)、.NET、SQL Server", "JavaScript、TypeScript(3年)、React", "COBOL(10年)、JCL、汎用機",
                 "Go(2年)、Kubernetes、AWS", "インフラ、Linux(5年)、AWS、Terraform", "PM、要件定義、PMO")
STATIONS = ("品川駅", "新宿駅", "大宮駅", "横浜駅", "渋谷駅", "池袋駅", "錦糸町駅", "川崎駅")


def roster(path: Path, rows: int) -> Path:
    """Our own engineers: a company of `rows` engineers with the corpus's usual skills."""
    lines = ["社員番号,氏名,年齢,性別,最寄駅,スキル,希望単価,稼働可能日,雇用形態,国籍,日本語,備考"]
    for n in range(rows):
        lines.append(f'E{n:04d},{chr(65 + n % 26)}.{chr(65 + n // 26 % 26)},{24 + n % 30},男,{STATIONS[n % 8]},'
                     f'"{ROSTER_SKILLS[n % len(ROSTER_SKILLS)]}",{50 + n % 30}万,2026/12/1,正社員,日本,,')
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def config_for(tmp: Path, dovecot, user, **settings):
    from hayaoshi.tests.test_daemon_support import daemon_config

    account = {**dovecot.account(user), "poll_seconds": 300}
    # The product's defaults where the tests' own differ (GiNZA on, two parser processes).
    return daemon_config(tmp, f"sqlite:///{tmp / 'bench.db'}", [account],
                         **{"extract.ginza": True, "daemon.progress_seconds": 5,
                            "daemon.parse_workers": _default("daemon.parse_workers"),
                            "roster.path": str(roster(tmp / "roster.csv", ROSTER_ROWS)), **settings})


ROSTER_ROWS = 300


def _default(name: str):
    from hayaoshi.config.settings import SETTINGS

    return next(s.default for s in SETTINGS if s.name == name)


def finished(url: str) -> dict[str, datetime]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT message_id, finished_at FROM ledger WHERE state = 'done'"))
            return {mid: _utc(at) for mid, at in rows if at is not None}
    finally:
        engine.dispose()


def _utc(value: datetime | str) -> datetime:
    """SQLite hands a raw query's datetimes back as text."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.replace(tzinfo=UTC)


def drafted(url: str) -> dict[str, datetime]:
    """Source Message-ID -> when its first draft was in the drafts folder."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT source_message_id, appended_at FROM draft WHERE appended_at IS NOT NULL"))
            out: dict[str, datetime] = {}
            for mid, at in rows:
                out.setdefault(mid.strip("<>"), _utc(at))
            return out
    except Exception:  # the table is made at start-up
        return {}
    finally:
        engine.dispose()


def bench_latency(dovecot, count: int) -> None:
    from hayaoshi.daemon.runner import Daemon

    user = dovecot.add_user()
    os.environ[user.password_env] = user.password
    with tempfile.TemporaryDirectory() as tmp:
        config = config_for(Path(tmp), dovecot, user)
        url = config["database.url"]
        daemon = Daemon(config)
        thread = threading.Thread(target=daemon.run, daemon=True)
        thread.start()
        latencies, to_draft, sent_at = [], [], {}
        try:
            dovecot.deliver(user, corpus(1, "warm")[0])
            _wait(lambda: len(finished(url)) == 1, 120)
            for n, raw in enumerate(corpus(count, "lat")):
                time.sleep(0.2)  # the daemon is back in IDLE
                sent = datetime.now(tz=UTC)
                dovecot.deliver(user, raw)
                mid = f"<bench-lat-{n}@bench.example>"
                _wait(lambda mid=mid: mid in finished(url), 30)
                latencies.append((finished(url)[mid] - sent).total_seconds())
                sent_at[mid.strip("<>")] = sent  # the drafts ledger keeps it without <>
        finally:
            daemon.stop()
            thread.join(60)  # the daemon's drafts thread has appended what was queued
        drafts = drafted(url)  # appended on the drafts thread, just after the ledger says done
        to_draft = [(drafts[mid] - sent).total_seconds() for mid, sent in sent_at.items() if mid in drafts]
    for what, values in (("processed", latencies), ("draft in Drafts", to_draft)):
        values.sort()
        if not values:
            print(f"| arrival → {what} | none |", flush=True)
            continue
        print(f"| arrival → {what}, IDLE, {len(values)} of {count} mails one by one "
              f"| p50 {statistics.median(values):.3f} s | p95 {values[int(0.95 * (len(values) - 1))]:.3f} s "
              f"| max {values[-1]:.3f} s |", flush=True)


class StubPipeline:
    """The real store (for the ledger) but no record/match: what the daemon costs by itself (list,
    claim, fetch, parse in the child, ledger)."""

    _RESULT = SimpleNamespace(results=[], parsed=SimpleNamespace(kind="stub"))

    def __init__(self, store) -> None:
        self.store = store

    def process(self, raw: bytes, **_kw):
        return self._RESULT

    def pool_changed(self) -> None:
        pass


def bench_backlog(dovecot, count: int, stub: bool, cap: float, drafts: bool = True) -> None:
    from hayaoshi.daemon.runner import Daemon
    from hayaoshi.store.db import open_store
    from hayaoshi.tests.test_daemon_support import bulk_deliver

    user = dovecot.add_user()
    os.environ[user.password_env] = user.password
    bulk_deliver(dovecot, user, corpus(count, "stub" if stub else "real"))
    with tempfile.TemporaryDirectory() as tmp:
        config = config_for(Path(tmp), dovecot, user, **({"drafts.enabled": False} if stub or not drafts else {}))
        pipeline = StubPipeline(open_store(config["database.url"])) if stub else None
        daemon = Daemon(config, pipeline=pipeline)
        daemon.pool.start()
        daemon.pool.parse(corpus(1, "warm")[0], None)  # children loaded: start-up is not the backlog
        capped = threading.Timer(cap, daemon.stop) if cap else None
        if capped is not None:
            capped.start()
        started = time.perf_counter()
        code = daemon.run(once=True)
        elapsed = time.perf_counter() - started
        if capped is not None:
            capped.cancel()
        done = len(finished(config["database.url"]))
        drafts = len(drafted(config["database.url"]))
    what = ("daemon alone (store/match/drafts stubbed)" if stub else
            "end to end (real pipeline and drafts)" if drafts else "end to end, drafts off")
    note = f"; stopped at the {cap:.0f} s cap" if done < count and cap else ""
    print(f"| backlog of {count} at start, {what} | {done} done, {drafts} drafted, in {elapsed:.1f} s{note} | "
          f"**{done / elapsed:.0f} mails/s** | exit {code} |", flush=True)


def _wait(condition, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except Exception:
            pass
        time.sleep(0.01)
    raise TimeoutError("the daemon did not process the mail in time")


def main() -> None:
    import logging

    from hayaoshi.tests.dovecot import Dovecot

    ap = argparse.ArgumentParser()
    ap.add_argument("--latency", type=int, default=200)
    ap.add_argument("--mails", type=int, default=10_000)
    ap.add_argument("--no-stub", action="store_true", help="skip the run with store/match stubbed out")
    ap.add_argument("--without-drafts", action="store_true", help="also run the backlog with drafts.enabled = false")
    ap.add_argument("--cap", type=float, default=900.0,
                    help="stop the end-to-end backlog after this many seconds (0: never) and report the rate so far")
    ns = ap.parse_args()
    level = logging.INFO if os.environ.get("BENCH_VERBOSE") else logging.WARNING
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"python {platform.python_version()}, Dovecot on loopback, SQLite (WAL)\n")
    print("| figure | | | |\n|---|---|---|---|")
    dovecot = Dovecot()
    try:
        if ns.latency:
            bench_latency(dovecot, ns.latency)
        if ns.mails:
            if not ns.no_stub:
                bench_backlog(dovecot, ns.mails, stub=True, cap=0)
            if ns.without_drafts:
                bench_backlog(dovecot, ns.mails, stub=False, cap=ns.cap, drafts=False)
            bench_backlog(dovecot, ns.mails, stub=False, cap=ns.cap)
    finally:
        dovecot.close()


if __name__ == "__main__":
    sys.exit(main())
