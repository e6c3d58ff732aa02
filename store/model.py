"""Plain values the store takes and returns besides its tables: settings, roster rows, reports."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from hayaoshi.extract.model import Employment


@dataclass(frozen=True, slots=True)
class StoreSettings:
    """What the store needs from the configuration (see `from_config`)."""

    own_domains: tuple[str, ...] = ()  # company.domains: mail from these is never a partner's
    partner_expiry_days: int = 14
    job_expiry_days: int = 30

    @classmethod
    def from_config(cls, config: Any) -> StoreSettings:
        return cls(
            own_domains=tuple(d.lower().lstrip("@") for d in config["company.domains"]),
            partner_expiry_days=int(config["matching.partner_expiry_days"]),
            job_expiry_days=int(config["matching.job_expiry_days"]),
        )

    def is_own(self, domain: str) -> bool:
        return any(domain == d or domain.endswith("." + d) for d in self.own_domains)


# The engineer fields a roster can set; a column absent from a file leaves its field alone.
ROSTER_FIELDS = (
    "name", "age", "gender", "station", "skills", "skill_years", "rate", "available_from",
    "employment", "chain_distance", "nationality", "japanese_level", "note",
)


@dataclass(frozen=True, slots=True)
class RosterRow:
    """One engineer of the company's roster, read and checked."""

    line: int  # the row number as Excel shows it, or the CSV line
    employee_no: str
    name: str = ""
    age: int | None = None
    gender: str | None = None
    station: str | None = None
    skills: tuple[str, ...] = ()
    skill_years: Mapping[str, float] = field(default_factory=dict)
    rate: int | None = None
    available_from: date | None = None
    employment: Employment | None = None
    chain_distance: int = 0
    nationality: str | None = None
    japanese_level: str | None = None
    note: str | None = None
    evidence: Mapping[str, str] = field(default_factory=dict)
    # The ROSTER_FIELDS the file has a column for.
    fields: Collection[str] = ROSTER_FIELDS

    def values(self) -> dict[str, Any]:
        """The fields this row sets, in their stored form."""
        out: dict[str, Any] = {}
        for name in self.fields:
            value = getattr(self, name)
            if name == "skills":
                value = list(value)
            elif name == "skill_years":
                value = dict(value)
            out[name] = value
        return out


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass(frozen=True, slots=True)
class FieldChange:
    employee_no: str
    field: str  # "(new)" for an engineer the pool does not have yet
    old: Any
    new: Any

    def __str__(self) -> str:
        if self.field == "(new)":
            return f"{self.employee_no}: new ({self.new})"
        return f"{self.employee_no}: {self.field} {_show(self.old)} → {_show(self.new)}"


def _show(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return "、".join(map(str, value)) or "-"
    if isinstance(value, dict):
        return "、".join(f"{k} {v:g}年" if isinstance(v, float) else f"{k} {v}" for k, v in value.items()) or "-"
    return str(value)


@dataclass(slots=True)
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    changes: list[FieldChange] = field(default_factory=list)
    dry_run: bool = False
    ignored_columns: list[str] = field(default_factory=list)
    # Own engineers in the pool that this file does not list. They are kept (a roster is often
    # one department's sheet) and named, so the admin can see who may have left.
    missing: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": [{"line": e.line, "reason": e.reason} for e in self.errors],
            "changes": [
                {"employee_no": c.employee_no, "field": c.field, "old": _jsonable(c.old), "new": _jsonable(c.new)}
                for c in self.changes
            ],
            "dry_run": self.dry_run,
            "ignored_columns": list(self.ignored_columns),
            "missing": list(self.missing),
        }


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value
