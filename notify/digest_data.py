"""The weekly digest's figures, read from the store for a week ending at an injected `now`.

`build_digest(store, now)` is the entry point: volume and senders are read here, demand, the pool
and speed in `digest_supply.py`. Every figure is a count or a statistic over rows of the store;
the windows and the A–D rule are described in `digest_model.py`.

Volume counts postings as they arrived (the same 案件 from three senders is three); demand counts
each 案件 once (one per cluster), as `Store.open_jobs` does.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from hayaoshi.extract.model import MailKind, PostingKind
from hayaoshi.match.model import MatchSettings, Tier
from hayaoshi.notify import digest_supply
from hayaoshi.notify.digest_model import (
    WEEK_DAYS,
    WINDOW_DAYS,
    Companies,
    CompanyRow,
    DayVolume,
    DigestData,
    QuietSender,
    Rank,
    RankRule,
    Volume,
    rank_order,
    trend,
)
from hayaoshi.notify.digest_supply import clean, read_session
from hayaoshi.store.repo import Store
from hayaoshi.store.tables import Company, MailRecord, MatchRecord, PostingRecord

logger = logging.getLogger(__name__)

TOKYO = ZoneInfo("Asia/Tokyo")
COMPANY_ROWS = 20  # senders listed in the ranking table
USEFUL_TIERS = (Tier.TOP, Tier.GOOD)


def week_bounds(now: datetime, tz: tzinfo) -> tuple[date, datetime]:
    """(the week's first day, the end of the week): the seven whole local days before `now`'s day."""
    local = now.astimezone(tz) if now.tzinfo else now.replace(tzinfo=tz)
    end = datetime.combine(local.date(), time(0), tzinfo=tz)
    return local.date() - timedelta(days=WEEK_DAYS), end


def _start_of(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=tz)


def build_digest(store: Store, now: datetime, *, tz: tzinfo = TOKYO, match: MatchSettings | None = None,
                 rule: RankRule | None = None, horizon_days: int = digest_supply.HORIZON_DAYS) -> DigestData:
    """Every figure of the digest for the week before `now` (see `week_bounds`)."""
    rule = rule or RankRule()
    match = match or MatchSettings()
    now = now if now.tzinfo else now.replace(tzinfo=tz)
    first_day, end = week_bounds(now, tz)
    span_start = _start_of(first_day - timedelta(days=2 * WINDOW_DAYS - WEEK_DAYS), tz)
    with read_session(store, "reading postings") as s:
        rows = s.execute(
            select(PostingRecord.id, PostingRecord.kind, PostingRecord.company_id, PostingRecord.received_at)
            .where(PostingRecord.received_at >= span_start, PostingRecord.received_at < end)
        ).all()
        useful = set(s.scalars(
            select(MatchRecord.posting_id).distinct()
            .join(PostingRecord, PostingRecord.id == MatchRecord.posting_id)
            .where(PostingRecord.received_at >= span_start, PostingRecord.received_at < end,
                   MatchRecord.excluded.is_(False), MatchRecord.tier.in_(USEFUL_TIERS))
        ))
        mails = dict(s.execute(
            select(MailRecord.kind, func.count()).where(
                MailRecord.received_at >= _start_of(first_day, tz), MailRecord.received_at < end)
            .group_by(MailRecord.kind)
        ).all())
        company_ids = {r.company_id for r in rows if r.company_id is not None}
        companies = {c.id: c for c in s.scalars(select(Company).where(Company.id.in_(company_ids)))} \
            if company_ids else {}
    postings = [(r.id, r.kind, r.company_id, r.received_at.astimezone(tz)) for r in rows]
    volume = _volume(postings, mails, first_day, tz)
    ranked = _companies(postings, useful, companies, first_day, end, tz, rule)
    demand, pool, speed = digest_supply.supply_figures(store, now, first_day, end, tz, match, horizon_days)
    logger.info("digest figures for %s: %d postings, %d senders", first_day, len(postings), ranked.total)
    return DigestData(now=now, timezone=str(tz), first_day=first_day, last_day=first_day + timedelta(days=6),
                      volume=volume, companies=ranked, demand=demand, pool=pool, speed=speed, rule=rule)


def _volume(postings: list[tuple[int, PostingKind, int | None, datetime]], mails: dict[MailKind, int],
            first_day: date, tz: tzinfo) -> Volume:
    per_day: Counter[tuple[date, PostingKind]] = Counter((at.date(), kind) for _, kind, _, at in postings)
    weeks = WINDOW_DAYS // WEEK_DAYS
    days = []
    for i in range(WEEK_DAYS):
        day = first_day + timedelta(days=i)
        before = [day - timedelta(days=WEEK_DAYS * k) for k in range(1, weeks + 1)]
        days.append(DayVolume(
            day=day,
            jobs=per_day[(day, PostingKind.JOB)],
            talents=per_day[(day, PostingKind.TALENT)],
            jobs_avg=sum(per_day[(d, PostingKind.JOB)] for d in before) / weeks,
            talents_avg=sum(per_day[(d, PostingKind.TALENT)] for d in before) / weeks,
        ))
    return Volume(
        days=tuple(days),
        jobs=sum(d.jobs for d in days),
        talents=sum(d.talents for d in days),
        jobs_avg=sum(d.jobs_avg for d in days),
        talents_avg=sum(d.talents_avg for d in days),
        mails=sum(mails.values()),
        other_mails=mails.get(MailKind.OTHER, 0),
    )


def _companies(postings: list[tuple[int, PostingKind, int | None, datetime]], useful: set[int],
               companies: dict[int, Company], first_day: date, end: datetime, tz: tzinfo,
               rule: RankRule) -> Companies:
    """Each sender's ranks over the current window, the one before, and the week's pace."""
    week_start = _start_of(first_day, tz)
    current_start = end - timedelta(days=WINDOW_DAYS)
    # company → [current jobs, current talents, current useful, past postings, past useful, week, week useful]
    tally: dict[int, list[int]] = defaultdict(lambda: [0] * 7)
    last: dict[int, datetime] = {}
    for posting_id, kind, company_id, at in postings:
        if company_id is None:
            continue  # our own colleagues' mail
        t = tally[company_id]
        hit = posting_id in useful
        if at >= current_start:
            t[0 if kind is PostingKind.JOB else 1] += 1
            t[2] += hit
        else:
            t[3] += 1
            t[4] += hit
        if at >= week_start:
            t[5] += 1
            t[6] += hit
        last[company_id] = max(last.get(company_id, at), at)
    rows = []
    for company_id, (jobs, talents, use, past_n, past_use, week, week_use) in tally.items():
        company = companies[company_id]
        current = rule.rank(jobs + talents, use)
        past = rule.rank(past_n, past_use)
        rows.append(CompanyRow(
            company_id=company_id, domain=company.domain, name=clean(company.name), jobs=jobs, talents=talents,
            useful=use, week=week, current=current, past=past, pace=rule.rank(week, week_use, WEEK_DAYS),
            trend=trend(past, current), last_received=last.get(company_id),
        ))
    ranked = sorted((r for r in rows if r.current is not None),
                    key=lambda r: (rank_order(r.current), -r.useful, -(r.jobs + r.talents), r.domain))
    quiet = sorted(
        (QuietSender(domain=r.domain, name=r.name, rank_current=r.current, rank_past=r.past,
                     last_received=r.last_received,
                     days_quiet=(end - r.last_received).days if r.last_received else None)
         for r in rows if Rank.A in (r.current, r.past) and r.week == 0),
        key=lambda q: (-(q.days_quiet or 0), q.domain),
    )
    return Companies(
        rows=tuple(ranked[:COMPANY_ROWS]),
        total=len(ranked),
        counts_current=_counts(r.current for r in rows),
        counts_past=_counts(r.past for r in rows),
        quiet=tuple(quiet),
    )


def _counts(ranks) -> dict[str, int]:
    found = Counter(r for r in ranks if r is not None)
    return {str(rank): found.get(rank, 0) for rank in Rank}
