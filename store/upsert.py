"""The roster into the pool: add or update our own engineers by 社員番号, in batches.

One SELECT per 500 numbers (or one of the whole pool, for a large roster) finds the rows we
have; new rows go in with one bulk INSERT and changed rows with one bulk UPDATE by primary key,
so 10,000 rows take a few statements.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from hayaoshi.store.model import ROSTER_FIELDS, FieldChange, ImportReport, RosterRow
from hayaoshi.store.tables import EngineerRecord, EngineerSource

_CHUNK = 500
_WHOLE_POOL = 2_000
_COLUMNS = [getattr(EngineerRecord, name) for name in ("id", "employee_no", "source", "evidence", *ROSTER_FIELDS)]

_DEFAULTS: dict[str, Any] = {
    "name": "", "age": None, "gender": None, "station": None, "skills": [], "skill_years": {},
    "rate": None, "available_from": None, "employment": None, "chain_distance": 0,
    "nationality": None, "japanese_level": None, "note": None,
}


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, dict) and isinstance(new, dict):
        return old.keys() == new.keys() and all(float(old[k]) == float(new[k]) for k in old)
    return old == new


def _existing(session: Session, numbers: list[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if len(numbers) > _WHOLE_POOL:
        # A whole roster: one scan of our engineers beats many `IN (500 numbers)` (PostgreSQL
        # plans those as a scan each on a freshly filled table).
        wanted = set(numbers)
        for row in session.execute(select(*_COLUMNS).where(EngineerRecord.source == EngineerSource.OWN)):
            if row.employee_no in wanted:
                found[row.employee_no] = row
        return found
    for i in range(0, len(numbers), _CHUNK):
        chunk = numbers[i : i + _CHUNK]
        for row in session.execute(select(*_COLUMNS).where(EngineerRecord.employee_no.in_(chunk))):
            found[row.employee_no] = row
    return found


def upsert_roster(session: Session, rows: Sequence[RosterRow], *, dry_run: bool, now: datetime,
                  ) -> ImportReport:
    """Compare `rows` with the pool and, unless `dry_run`, write the difference."""
    report = ImportReport(dry_run=dry_run)
    latest: dict[str, RosterRow] = {}
    for row in rows:  # a number twice: the later row wins (the reader reports such rows)
        latest[row.employee_no] = row
    existing = _existing(session, list(latest))
    listed = set(latest)
    report.missing = sorted(
        number for number in session.scalars(
            select(EngineerRecord.employee_no).where(EngineerRecord.source == EngineerSource.OWN,
                                                     EngineerRecord.employee_no.is_not(None)))
        if number not in listed
    )
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for number, row in latest.items():
        values = row.values()
        old = existing.get(number)
        if old is None:
            inserts.append({**_DEFAULTS, **values, "source": EngineerSource.OWN, "employee_no": number,
                            "evidence": dict(row.evidence), "created_at": now, "updated_at": now})
            report.added += 1
            report.changes.append(FieldChange(number, "(new)", None, row.name or number))
            continue
        changed = {name: value for name, value in values.items() if not _same(getattr(old, name), value)}
        evidence = {**(old.evidence or {}), **row.evidence}
        if changed:
            report.updated += 1
            for name, value in changed.items():
                report.changes.append(FieldChange(number, name, getattr(old, name), value))
            updates.append({"id": old.id, **changed, "evidence": evidence, "updated_at": now})
        else:
            report.unchanged += 1
            if evidence != old.evidence:  # the same engineer on another line: keep evidence true
                updates.append({"id": old.id, "evidence": evidence})
    if not dry_run:
        if inserts:
            # render_nulls: every row the same columns, so one executemany instead of a batch
            # per pattern of empty cells.
            session.execute(insert(EngineerRecord).execution_options(render_nulls=True), inserts)
        # Bulk UPDATE by primary key wants the same keys in every dict of one call.
        by_keys: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for item in updates:
            by_keys.setdefault(tuple(sorted(item)), []).append(item)
        for batch in by_keys.values():
            session.execute(update(EngineerRecord), batch)
    return report
