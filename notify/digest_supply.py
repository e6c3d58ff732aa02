"""The digest's demand, pool and speed figures (see `digest_data.build_digest`).

- Demand: the week's 案件, one per cluster (the source with the shortest 商流, then the first to
  arrive, as `Store.open_jobs` chooses), counted per skill asked (required, preferred or listed).
- Supply: our own engineers available within the horizon (60 days; availability recorded) and
  the partners' engineers not expired at `now`.
- The pool: our own engineers whose assignment ends within the horizon (予定: available after
  today) and those without one (待機: available today or before), each with the best open 案件
  as matching ranks them (`rank_jobs` over `JobIndex(store.open_jobs(now))`).
- Speed and use: `digest_speed.py`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from hayaoshi.errors import StoreError
from hayaoshi.extract.model import PostingKind
from hayaoshi.match.engine import rank_jobs
from hayaoshi.match.index import JobIndex
from hayaoshi.match.model import Engineer, MatchSettings
from hayaoshi.notify.digest_model import (
    Demand,
    OpenMatch,
    Pool,
    PoolEntry,
    SkillRow,
    Speed,
    median,
)
from hayaoshi.notify.digest_speed import speed_figures
from hayaoshi.store.repo import Store
from hayaoshi.store.tables import PostingRecord

HORIZON_DAYS = 60  # 予定: an assignment ending within this many days
TOP_SKILLS = 10
TOP_MATCHES = 3  # open 案件 listed per engineer
LISTED = 30  # engineers listed (with their matches) per list; the others are counted
REMOTE_KINDS = ("full", "hybrid", "onsite", "unstated")
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


@contextmanager
def read_session(store: Store, what: str) -> Iterator[Session]:
    """A read-only session on the store's engine; database failures become `StoreError`."""
    try:
        with Session(store.engine) as session:
            yield session
    except SQLAlchemyError as err:
        raise StoreError(f"digest: {what}: {err}") from err


def clean(text: str | None) -> str | None:
    """Mail-borne text for display: control characters (CR, LF, NUL, ...) become spaces."""
    if text is None:
        return None
    return _CONTROLS.sub(" ", text).strip()


def supply_figures(store: Store, now: datetime, first_day: date, end: datetime, tz: tzinfo,
                   match: MatchSettings, horizon_days: int = HORIZON_DAYS) -> tuple[Demand, Pool, Speed]:
    start = datetime.combine(first_day, datetime.min.time(), tzinfo=tz)
    with read_session(store, "reading the week's 案件 and mails") as s:
        jobs = s.execute(
            select(PostingRecord.id, PostingRecord.cluster_id, PostingRecord.chain_depth, PostingRecord.received_at,
                   PostingRecord.rate_max, PostingRecord.data)
            .where(PostingRecord.kind == PostingKind.JOB, PostingRecord.received_at >= start,
                   PostingRecord.received_at < end)
        ).all()
        speed = speed_figures(s, start, end)
    today = now.astimezone(tz).date()
    engineers = store.engineers(now)
    demand = _demand(_representatives(jobs), engineers, today, horizon_days)
    pool = _pool(store, engineers, now, today, match, horizon_days)
    return demand, pool, speed


def _representatives(rows: list[Any]) -> list[Any]:
    """One posting per cluster: the shortest known 商流, then the first to arrive (Store.open_jobs)."""
    best: dict[tuple[str, int], Any] = {}
    for row in rows:
        key = ("cluster", row.cluster_id) if row.cluster_id is not None else ("posting", row.id)
        held = best.get(key)
        if held is None or _order(row) < _order(held):
            best[key] = row
    return sorted(best.values(), key=lambda r: r.id)


def _order(row: Any) -> tuple[bool, int, datetime, int]:
    return (row.chain_depth is None, row.chain_depth or 0, row.received_at, row.id)


def _skills(data: dict[str, Any]) -> list[str]:
    asked = [s for key in ("required_skills", "preferred_skills", "skills") for s in data.get(key) or ()]
    return list(dict.fromkeys(s for s in asked if isinstance(s, str) and s))


def _supply(engineers: list[Engineer], today: date, horizon_days: int) -> list[Engineer]:
    limit = today + timedelta(days=horizon_days)
    return [e for e in engineers
            if not e.own or (e.available_from is not None and e.available_from <= limit)]


def _demand(jobs: list[Any], engineers: list[Engineer], today: date, horizon_days: int) -> Demand:
    asked: Counter[str] = Counter()
    rates: dict[str, list[int]] = defaultdict(list)
    remote_by_skill: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # [remote, stated]
    remote: Counter[str] = Counter()
    for job in jobs:
        kind = job.data.get("remote") or "unstated"
        kind = kind if kind in REMOTE_KINDS else "unstated"
        remote[kind] += 1
        for skill in _skills(job.data):
            asked[skill] += 1
            if job.rate_max is not None:
                rates[skill].append(job.rate_max)
            if kind != "unstated":
                remote_by_skill[skill][1] += 1
                remote_by_skill[skill][0] += kind in ("full", "hybrid")
    supply = _supply(engineers, today, horizon_days)
    holders: dict[str, list[Engineer]] = defaultdict(list)
    for e in supply:
        for skill in dict.fromkeys(e.skills):
            holders[skill].append(e)
    top = sorted(asked.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_SKILLS]
    rows = tuple(
        SkillRow(
            skill=skill, demand=count,
            own=sum(1 for e in holders[skill] if e.own),
            partner=sum(1 for e in holders[skill] if not e.own),
            job_rate_median=median(rates[skill]),
            engineer_rate_median=median([e.rate for e in holders[skill] if e.rate is not None]),
            remote=remote_by_skill[skill][0], remote_stated=remote_by_skill[skill][1],
        )
        for skill, count in top
    )
    return Demand(jobs=len(jobs), remote={k: remote.get(k, 0) for k in REMOTE_KINDS}, skills=rows,
                  own_supply=sum(1 for e in supply if e.own), partner_supply=sum(1 for e in supply if not e.own))


def _pool(store: Store, engineers: list[Engineer], now: datetime, today: date, match: MatchSettings,
          horizon_days: int) -> Pool:
    own = [e for e in engineers if e.own]
    limit = today + timedelta(days=horizon_days)
    ending = sorted((e for e in own if e.available_from is not None and today < e.available_from <= limit),
                    key=lambda e: (e.available_from, e.id))
    idle = sorted((e for e in own if e.available_from is not None and e.available_from <= today),
                  key=lambda e: (e.available_from, e.id))
    open_jobs = [job for _, job in store.open_jobs(now)] if ending or idle else []
    index = JobIndex(open_jobs)
    by_id = {job.id: job for job in open_jobs}

    def entry(e: Engineer, listed: bool) -> PoolEntry:
        ranking = rank_jobs(e, index, match, today) if listed else None
        matches = () if ranking is None else tuple(
            OpenMatch(posting_id=m.id, title=clean(m.name) or "", company=by_id[m.id].company, score=m.score,
                      tier=str(m.tier), rate_max=by_id[m.id].rate_max, start=by_id[m.id].start)
            for m in ranking.matches[:TOP_MATCHES]
        )
        return PoolEntry(employee_no=e.id, name=clean(e.name) or "", available_from=e.available_from,
                         skills=tuple(e.skills), rate=e.rate, matches=matches)

    return Pool(
        # Ranking jobs costs ~40 ms per engineer over 2,000 open 案件: only the listed ones get theirs.
        ending=tuple(entry(e, i < LISTED) for i, e in enumerate(ending)),
        idle=tuple(entry(e, i < LISTED) for i, e in enumerate(idle)),
        unknown=sum(1 for e in own if e.available_from is None),
        own_total=len(own),
        partner_total=sum(1 for e in engineers if not e.own),
        open_jobs=len(open_jobs),
        horizon_days=horizon_days,
        listed=LISTED,
    )
