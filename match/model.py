"""What matching reads and returns: plain frozen dataclasses, no I/O.

`store/` builds `Engineer` and `Job` values from its tables (or from a parsed mail), `match/`
ranks them, and `notify/` quotes the `Requirement` rows in drafts.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime


class Status(enum.StrEnum):
    MET = "met"
    PARTIAL = "partial"
    UNMET = "unmet"


class Tier(enum.StrEnum):
    TOP = "◎"
    GOOD = "○"
    FAIR = "△"


@dataclass(frozen=True, slots=True)
class Engineer:
    """An engineer in the pool: from the roster (`own`) or from a partner's 人材 mail."""

    id: str  # 社員番号 for the roster; the talent posting's id for a partner's engineer
    name: str  # initials or name as recorded
    own: bool
    company: str | None = None  # the partner's mail domain; None for our own engineers
    # Companies between us and the engineer's employer: 0 our employee, 1 a partner's
    # employee, 2 a partner's freelancer or a partner's partner's employee.
    chain_distance: int = 0
    skills: tuple[str, ...] = ()
    skill_years: Mapping[str, float] = field(default_factory=dict)
    rate: int | None = None  # yen a month asked
    available_from: date | None = None
    age: int | None = None
    gender: str | None = None
    nationality: str | None = None  # None: not stated; "日本": Japanese
    japanese_level: str | None = None
    employment: str | None = None  # employee | contract | freelance
    station: str | None = None
    remote: str | None = None  # full | hybrid | onsite: what the engineer asks or accepts
    note: str | None = None  # the rep's comment (備考)
    evidence: Mapping[str, str] = field(default_factory=dict)  # field -> source text
    expires_at: datetime | None = None
    # The record check of a partner's engineer (extract/check.py): lines for the rep, never the client.
    warnings: tuple[str, ...] = ()
    # What the attached skill sheet shows; None when no sheet was read (nothing to compare).
    sheet_skills: tuple[str, ...] | None = None
    # The store's row id, when the engineer was read from the store (not part of equality).
    row_id: int | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Job:
    """An open 案件 (one per cluster of the same work arriving from several senders)."""

    id: str
    title: str | None = None
    company: str | None = None  # the sender's mail domain
    required_skills: tuple[str, ...] = ()
    preferred_skills: tuple[str, ...] = ()
    skill_years: Mapping[str, float] = field(default_factory=dict)  # years asked per skill
    rate_min: int | None = None
    rate_max: int | None = None
    start: date | None = None
    station: str | None = None
    location: str | None = None
    remote: str | None = None
    foreigners_ok: bool | None = None
    japanese_level: str | None = None
    age_max: int | None = None
    max_chain: int | None = None
    freelance_ok: bool | None = None
    interviews: int | None = None
    settlement_hours: tuple[int, int] | None = None
    headcount: int | None = None
    evidence: Mapping[str, str] = field(default_factory=dict)
    received_at: datetime | None = None
    expires_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class MatchSettings:
    margin: int = 50_000
    start_grace_days: int = 14
    tier_top: float = 0.8
    tier_good: float = 0.6
    min_score: float = 0.3
    top: int = 20
    excluded: int = 10  # how many exclusions a ranking lists with their reasons, strongest first


@dataclass(frozen=True, slots=True)
class Requirement:
    requirement: str  # "必須: Java 3年以上", "単価: ~70万", "開始: 2026-12-01"
    status: Status
    evidence: str | None  # what the engineer's record says, with its source


@dataclass(frozen=True, slots=True)
class Match:
    id: str  # the engineer's id (ranking engineers) or the job's id (ranking jobs)
    name: str
    score: float  # 0..1
    tier: Tier
    requirements: tuple[Requirement, ...]


@dataclass(frozen=True, slots=True)
class Exclusion:
    id: str
    name: str
    reasons: tuple[str, ...]  # "外国籍不可 (国籍: 中国)", "年齢 45歳まで (48歳)"


@dataclass(slots=True)
class Ranking:
    matches: list[Match] = field(default_factory=list)
    excluded: list[Exclusion] = field(default_factory=list)  # the strongest `MatchSettings.excluded`
    excluded_total: int = 0  # how many failed a hard condition, listed or not
