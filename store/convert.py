"""Rows to matching's values (`Engineer`, `Job`) and a talent posting to an engineer row."""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from datetime import date
from typing import Any

from hayaoshi.extract.model import EXTRAS, Employment, Posting, PostingKind, Remote
from hayaoshi.match.convert import engineer_from_posting, job_from_posting
from hayaoshi.match.model import Engineer, Job
from hayaoshi.store.tables import EngineerRecord, EngineerSource, PostingRecord

# A partner's engineer is known by its talent posting; the prefix keeps the id apart from a
# 社員番号 (rosters often number their staff 1, 2, 3...).
PARTNER_PREFIX = "talent:"
# Evidence keys that carry a partner engineer's record check and sheet skills (not evidence).
CHECK_KEY = "check"
SHEET_SKILLS_KEY = "sheet_skills"


def engineer_key(record: EngineerRecord) -> str:
    if record.source is EngineerSource.OWN:
        return record.employee_no or f"own:{record.id}"
    return f"{PARTNER_PREFIX}{record.posting_id}"


def posting_json(posting: Posting) -> dict[str, Any]:
    """The parse contract plus the extras matching and drafts use (name, parallel, career_years)."""
    data = posting.to_json()
    for extra in EXTRAS:
        data[extra] = getattr(posting, extra)
    return data


def posting_from_json(data: dict[str, Any]) -> Posting:
    d = dict(data)
    start = d.get("start")
    settlement = d.get("settlement_hours")
    names = {f.name for f in dataclass_fields(Posting)}
    values = {k: v for k, v in d.items() if k in names}
    values.update(
        kind=PostingKind(d["kind"]),
        start=date.fromisoformat(start) if start else None,
        remote=Remote(d["remote"]) if d.get("remote") else None,
        employment=Employment(d["employment"]) if d.get("employment") else None,
        settlement_hours=tuple(settlement) if settlement else None,
    )
    return Posting(**values)


def partner_engineer_values(posting: Posting, posting_id: int, domain: str | None) -> dict[str, Any]:
    """The engineer row of a partner's talent posting (without company or expiry).

    The mapping is matching's own (`match.convert.engineer_from_posting`), so that an engineer
    read back from the pool is the one matching would have made of the mail.
    """
    engineer = engineer_from_posting(posting, f"{PARTNER_PREFIX}{posting_id}", domain)
    evidence = dict(engineer.evidence)
    if posting.employment is None:
        evidence.setdefault("chain_distance", "所属: 記載なし (パートナー社員とみなす)")
    # The record check and the sheet's skills ride in the evidence JSON (no schema change):
    # `to_engineer` takes them back out. docs/sheets.md.
    if engineer.warnings:
        evidence[CHECK_KEY] = "\n".join(engineer.warnings)
    if engineer.sheet_skills is not None:
        evidence[SHEET_SKILLS_KEY] = "\n".join(engineer.sheet_skills)
    return {
        "name": engineer.name[:255],
        "age": engineer.age,
        "gender": engineer.gender,
        "station": engineer.station,
        "skills": list(engineer.skills),
        "skill_years": dict(engineer.skill_years),
        "rate": engineer.rate,
        "available_from": engineer.available_from,
        "employment": posting.employment,
        "remote": posting.remote,
        "nationality": engineer.nationality,
        "japanese_level": engineer.japanese_level,
        "note": f"並行: {posting.parallel}" if posting.parallel else None,
        "chain_distance": engineer.chain_distance,
        "evidence": evidence,
    }


def to_engineer(record: EngineerRecord, domain: str | None) -> Engineer:
    evidence = dict(record.evidence or {})
    warnings = evidence.pop(CHECK_KEY, "")
    sheet_skills = evidence.pop(SHEET_SKILLS_KEY, None)
    return Engineer(
        id=engineer_key(record),
        name=record.name,
        own=record.source is EngineerSource.OWN,
        company=domain,
        chain_distance=record.chain_distance,
        skills=tuple(record.skills or ()),
        skill_years=dict(record.skill_years or {}),
        rate=record.rate,
        available_from=record.available_from,
        age=record.age,
        gender=record.gender,
        nationality=record.nationality,
        japanese_level=record.japanese_level,
        employment=str(record.employment) if record.employment else None,
        station=record.station,
        remote=str(record.remote) if record.remote else None,
        note=record.note,
        evidence=evidence,
        expires_at=record.expires_at,
        warnings=tuple(w for w in warnings.split("\n") if w),
        sheet_skills=tuple(s for s in sheet_skills.split("\n") if s) if sheet_skills is not None else None,
        row_id=record.id,
    )


def to_job(record: PostingRecord, domain: str | None) -> Job:
    return job_from_posting(posting_from_json(record.data), str(record.id), domain,
                            received_at=record.received_at, expires_at=record.expires_at)
