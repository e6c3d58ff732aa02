"""The weekly digest's figures: plain frozen dataclasses, the A–D rank rule, and the statistics.

`digest_data.build_digest` fills a `DigestData` from the store; `digest.py` renders it and
`charts.py` draws it. Nothing here does I/O.

The week: the seven whole days (in the digest's time zone) before the day of `now`. Run on Monday
08:00, it covers Monday to Sunday of the week before.
"""

from __future__ import annotations

import enum
import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

# The windows every figure is read over, in days before the end of the week.
WEEK_DAYS = 7
WINDOW_DAYS = 28  # "the previous four weeks", and the span of a rank


class Rank(enum.StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"


_ORDER = {Rank.A: 0, Rank.B: 1, Rank.C: 2, Rank.D: 3}


def rank_order(rank: Rank | None) -> int:
    """A 0 … D 3; no rank (sent nothing) 4."""
    return 4 if rank is None else _ORDER[rank]


@dataclass(frozen=True, slots=True)
class RankRule:
    """How a sender company is ranked A–D over a window (the seed article's ①: ABCD ranks).

    Over `days` (28) days a sender is ranked by what it sent (postings: 案件 and 人材) and by what
    came of it (useful postings: those with at least one ○ or ◎ match in their saved ranking):

    - A: at least `a_postings` (20) postings, of which at least `a_useful` (5) useful;
    - B: at least `b_postings` (5) postings, of which at least `b_useful` (1) useful;
    - C: at least `c_postings` (5) postings, or at least one useful posting;
    - D: sent something, but fewer than `c_postings` and nothing useful;
    - no rank: sent nothing in the window.

    A shorter window (the week's pace) is scaled to 28 days: 6 postings in 7 days count as 24.
    """

    days: int = WINDOW_DAYS
    a_postings: int = 20
    a_useful: int = 5
    b_postings: int = 5
    b_useful: int = 1
    c_postings: int = 5

    def rank(self, postings: int, useful: int, days: int | None = None) -> Rank | None:
        span = self.days if days is None else days
        if postings <= 0:
            return None

        def at_least(count: int, threshold: int) -> bool:
            return count * self.days >= threshold * span  # count scaled to `self.days`, in integers

        if at_least(postings, self.a_postings) and at_least(useful, self.a_useful):
            return Rank.A
        if at_least(postings, self.b_postings) and at_least(useful, self.b_useful):
            return Rank.B
        if at_least(postings, self.c_postings) or useful > 0:
            return Rank.C
        return Rank.D

    def describe(self) -> list[str]:
        """The rule in the digest's words (Japanese), one line per rank."""
        d = self.days
        return [
            f"A: {d}日間に{self.a_postings}件以上を送り、うち{self.a_useful}件以上に○以上の候補がいた",
            f"B: {d}日間に{self.b_postings}件以上を送り、うち{self.b_useful}件以上に○以上の候補がいた",
            f"C: {d}日間に{self.c_postings}件以上を送った、または○以上の候補がいた案件・人材が1件以上",
            "D: 送ってきたが上記に届かない（件数が少なく、○以上の候補なし）",
            "件数は案件と人材の合計。「今週ペース」は今週7日間の件数を4倍して同じ基準で判定。",
        ]


def trend(past: Rank | None, current: Rank | None) -> str:
    """↑ better than the four weeks before, ↓ worse, → the same; 新規 new, 休止 gone silent."""
    if past is None and current is None:
        return "—"
    if past is None:
        return "新規"
    if current is None:
        return "休止"
    diff = rank_order(past) - rank_order(current)
    return "↑" if diff > 0 else "↓" if diff < 0 else "→"


def percentile(values: Sequence[float], p: float) -> float | None:
    """The nearest-rank percentile (the smallest value with at least p% of values at or below it)."""
    if not values:
        return None
    ordered = sorted(values)
    k = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[k - 1]


def median(values: Sequence[float]) -> float | None:
    """The median (the mean of the middle two for an even count); None for no values."""
    return statistics.median(values) if values else None


# ---------------------------------------------------------------------------------- the figures


@dataclass(frozen=True, slots=True)
class DayVolume:
    day: date
    jobs: int  # 案件 postings received that day
    talents: int  # 人材 postings received that day
    jobs_avg: float  # the mean of the same weekday over the four weeks before
    talents_avg: float


@dataclass(frozen=True, slots=True)
class Volume:
    days: tuple[DayVolume, ...]
    jobs: int
    talents: int
    jobs_avg: float  # a week's mean over the four weeks before
    talents_avg: float
    mails: int  # mails received in the week, of every kind
    other_mails: int  # of which classified as neither 案件 nor 人材


@dataclass(frozen=True, slots=True)
class CompanyRow:
    company_id: int
    domain: str
    name: str | None
    jobs: int  # 案件 sent over the current 28 days
    talents: int  # 人材 sent over the current 28 days
    useful: int  # of those, postings with a ○/◎ match
    week: int  # postings sent in the week
    current: Rank | None  # over the last 28 days (the week and the three before)
    past: Rank | None  # over the 28 days before those
    pace: Rank | None  # the week's postings, scaled to 28 days: where it is heading
    trend: str
    last_received: datetime | None  # local time of its latest posting before the end of the week

    @property
    def role(self) -> str:
        """顧客 when it sends 案件, BP when it sends 人材, both when both."""
        if self.jobs and self.talents:
            return "顧客/BP"
        return "顧客" if self.jobs else "BP"

    @property
    def label(self) -> str:
        return self.name or self.domain


@dataclass(frozen=True, slots=True)
class QuietSender:
    """An A-rank sender (current or past window) that sent no posting in the week."""

    domain: str
    name: str | None
    rank_current: Rank | None
    rank_past: Rank | None
    last_received: datetime | None
    days_quiet: int | None  # whole days from its last posting to the end of the week

    @property
    def label(self) -> str:
        return self.name or self.domain


@dataclass(frozen=True, slots=True)
class Companies:
    rows: tuple[CompanyRow, ...]  # ranked senders of the current window, best first (capped)
    total: int  # senders with a current rank (before the cap)
    counts_current: dict[str, int]  # rank → senders, over the current window
    counts_past: dict[str, int]
    quiet: tuple[QuietSender, ...]


@dataclass(frozen=True, slots=True)
class SkillRow:
    skill: str
    demand: int  # distinct 案件 of the week asking it (required, preferred or listed)
    own: int  # our engineers with it, available within the horizon
    partner: int  # partners' engineers with it, not expired
    job_rate_median: float | None  # median ceiling (単価上限) of those 案件, yen a month
    engineer_rate_median: float | None  # median rate asked by those engineers
    remote: int  # of the 案件, full remote or hybrid
    remote_stated: int  # of the 案件, those stating remote or on site

    @property
    def supply(self) -> int:
        return self.own + self.partner

    @property
    def remote_share(self) -> float | None:
        return self.remote / self.remote_stated if self.remote_stated else None


@dataclass(frozen=True, slots=True)
class Demand:
    jobs: int  # distinct 案件 of the week (one per cluster)
    remote: dict[str, int]  # full / hybrid / onsite / unstated → 案件
    skills: tuple[SkillRow, ...]  # the most asked, most first
    own_supply: int  # our engineers counted as supply
    partner_supply: int

    @property
    def remote_share(self) -> float | None:
        stated = self.remote.get("full", 0) + self.remote.get("hybrid", 0) + self.remote.get("onsite", 0)
        return (self.remote.get("full", 0) + self.remote.get("hybrid", 0)) / stated if stated else None


@dataclass(frozen=True, slots=True)
class OpenMatch:
    posting_id: str
    title: str
    company: str | None
    score: float
    tier: str
    rate_max: int | None
    start: date | None


@dataclass(frozen=True, slots=True)
class PoolEntry:
    employee_no: str
    name: str
    available_from: date | None
    skills: tuple[str, ...]
    rate: int | None
    matches: tuple[OpenMatch, ...]


@dataclass(frozen=True, slots=True)
class Pool:
    ending: tuple[PoolEntry, ...]  # assignment ends within the horizon (予定), soonest first
    idle: tuple[PoolEntry, ...]  # available now (待機): no assignment
    unknown: int  # our engineers whose availability is not recorded
    own_total: int
    partner_total: int  # partners' engineers in the pool, not expired
    open_jobs: int  # open 案件 the matches were drawn from (one per cluster)
    horizon_days: int
    listed: int = 30  # the first this many of each list are shown, with their matches


@dataclass(frozen=True, slots=True)
class Speed:
    pickup_count: int  # mails of the week timed: arrival (Date header) → recorded
    pickup_p50: float | None  # seconds
    pickup_p95: float | None
    drafts_available: bool  # whether drafts are recorded (the drafts ledger)
    draft_p50: float | None = None  # arrival → draft in the drafts folder, seconds
    draft_p95: float | None = None
    sent_p50: float | None = None  # arrival → draft sent, seconds
    sent_p95: float | None = None
    drafts: int | None = None  # drafts written in the week
    drafted: int | None = None  # of which reached the drafts folder (timed arrival → draft)
    sent: int | None = None  # of which sent by a rep
    edited: int | None = None  # of which edited before sending (not recorded: None)
    discarded: int | None = None  # of which deleted unsent
    waiting: int | None = None  # of which still pending or in the drafts folder
    failed: int | None = None  # of which could not be stored
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DigestData:
    now: datetime
    timezone: str
    first_day: date  # the week's first day
    last_day: date  # the week's last day (inclusive)
    volume: Volume
    companies: Companies
    demand: Demand
    pool: Pool
    speed: Speed
    rule: RankRule = field(default_factory=RankRule)
