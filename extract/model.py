"""The extractor's output: plain dataclasses, serialised as the `hayaoshi parse` contract."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


class PostingKind(enum.StrEnum):
    JOB = "job"
    TALENT = "talent"


class MailKind(enum.StrEnum):
    JOB = "job"
    TALENT = "talent"
    MIXED = "mixed"
    OTHER = "other"


class Remote(enum.StrEnum):
    FULL = "full"
    HYBRID = "hybrid"
    ONSITE = "onsite"


class Employment(enum.StrEnum):
    EMPLOYEE = "employee"
    CONTRACT = "contract"
    FREELANCE = "freelance"


# Posting fields kept for matching and drafts but not printed by `hayaoshi parse`.
EXTRAS = ("name", "parallel", "career_years", "chain_depth", "sheet_skills")


@dataclass(slots=True)
class Posting:
    """One 案件 or one engineer. Field meanings: docs/fields.md."""

    kind: PostingKind
    title: str | None = None
    skills: list[str] = field(default_factory=list)
    required_skills: list[str] = field(default_factory=list)
    preferred_skills: list[str] = field(default_factory=list)
    skill_years: dict[str, float] = field(default_factory=dict)
    rate_min: int | None = None
    rate_max: int | None = None
    rate_negotiable: bool = False
    start: date | None = None
    station: str | None = None
    location: str | None = None
    remote: Remote | None = None
    settlement_hours: tuple[int, int] | None = None
    interviews: int | None = None
    foreigners_ok: bool | None = None
    age_max: int | None = None
    age: int | None = None
    gender: str | None = None
    nationality: str | None = None
    japanese_level: str | None = None
    employment: Employment | None = None
    max_chain: int | None = None
    freelance_ok: bool | None = None
    headcount: int | None = None
    evidence: dict[str, str] = field(default_factory=dict)
    # Talent only (docs/sheets.md): the attached skill sheets, each {filename, status, reason},
    # and what the record check found, for the rep (never for the client).
    sheets: list[dict[str, str | None]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Not in the parse contract; kept for matching and drafts.
    name: str | None = None
    parallel: str | None = None
    career_years: float | None = None
    # A job's place in the 商流: companies between the end client and the sender
    # (`エンド→元請→弊社` → 2, `エンド直` → 1). The shortest chain is worth most.
    chain_depth: int | None = None
    # The names the attached sheet shows (None: no sheet was read): a required skill only the
    # mail claims is a point for the rep to check (extract/check.py).
    sheet_skills: list[str] | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for extra in EXTRAS:
            data.pop(extra)
        if self.kind is PostingKind.JOB:
            data.pop("sheets")
            data.pop("warnings")
        data["kind"] = str(self.kind)
        data["start"] = self.start.isoformat() if self.start else None
        data["remote"] = str(self.remote) if self.remote else None
        data["employment"] = str(self.employment) if self.employment else None
        data["settlement_hours"] = list(self.settlement_hours) if self.settlement_hours else None
        return data


@dataclass(slots=True)
class ParsedMail:
    message_id: str | None
    subject: str
    kind: MailKind
    defects: list[str]
    postings: list[Posting]

    def to_json(self, path: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if path is not None:
            out["path"] = path
        out.update(
            message_id=self.message_id,
            subject=self.subject,
            kind=str(self.kind),
            defects=list(self.defects),
            postings=[p.to_json() for p in self.postings],
        )
        return out
