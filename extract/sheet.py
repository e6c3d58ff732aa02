"""A skill sheet's rows into a `SheetRecord`: header block, project history, and what they add up to.

Pure: rows of cell text in (from `ingest.sheets`), a record out. Skills are found by the same
span_ruler as mail bodies (`SkillNLP.find`, patterns from config/skills.csv): no second list.
Decisions (docs/sheets.md): years are whole months of the union of the periods of the projects
that name a skill, in years rounded to 0.1; `career_years` is the union of all project periods,
the stated 経験年数 only when the history has no dated project.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from hayaoshi.extract.nlp import SkillNLP
from hayaoshi.extract.normalize import fold
from hayaoshi.extract.periods import (
    Period,
    is_present,
    lone_month,
    month_index,
    parse_duration,
    parse_period,
    union_months,
)
from hayaoshi.extract.places import parse_place
from hayaoshi.extract.values import find_age, parse_rate, parse_years

Rows = Sequence[Sequence[str]]

# Header labels, as a cell says them once 【】■・:： and spaces are taken away.
_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("name", re.compile(r"(?:氏名|名前|イニシャル|氏名\(イニシャル\)|Name)")),
    ("age", re.compile(r"(?:年齢|年令|Age)")),
    ("birth", re.compile(r"生年月日|誕生日")),
    ("station", re.compile(r"(?:最寄り?駅?|最寄駅|最寄り駅|住所\(最寄\)?)")),
    ("qualifications", re.compile(r"(?:保有)?資格(?:・免許)?|免許・?資格")),
    ("career", re.compile(r"(?:IT|実務|業務|開発)?経験(?:年数|期間)?")),
    ("rate", re.compile(r"(?:希望)?単価|希望金額")),
)
_LABEL_STRIP = re.compile(r"[\s【】■◆●・:：\[\]\u3000]")
_INLINE = re.compile(r"^\s*[【■◆●・]?\s*([^:：】]{1,12}?)\s*[】]?\s*[:：]\s*(.+)$")
_SECTION_END = re.compile(r"^(?:自己PR|自己ＰＲ|PR|備考|得意(?:分野|技術)?|特記事項|その他|アピール)")
_LIST_SPLIT = re.compile(r"[、,，/／\n]|\s{2,}")
_MAX_PERIOD_CELL = 60
# A real sheet has tens of projects of a few hundred characters; the bounds keep the span_ruler's
# work small on a sheet that is all text (the reader already capped the cells).
MAX_PROJECTS = 200
MAX_PROJECT_CHARS = 2_000
PHASE, ROLE = "phase", "role"


@dataclass(frozen=True, slots=True)
class Project:
    period: Period | None
    text: str  # the row's other cells, joined
    skills: tuple[str, ...]  # neither phase nor role
    phases: tuple[str, ...]
    roles: tuple[str, ...]


@dataclass(slots=True)
class SheetRecord:
    filename: str
    name: str | None = None
    age: int | None = None
    station: str | None = None
    rate: int | None = None
    qualifications: list[str] = field(default_factory=list)
    stated_career_years: float | None = None
    projects: list[Project] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)  # every name found, phases and roles too
    skill_years: dict[str, float] = field(default_factory=dict)
    phases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    career_years: float | None = None
    evidence: dict[str, str] = field(default_factory=dict)  # field -> "<filename>: <cell text>"

    def quote(self, text: str) -> str:
        return f"{self.filename}: {' '.join(text.split())[:80]}"


def years(months: int) -> float:
    return round(months / 12, 1)


def _label(cell: str) -> str | None:
    key = _LABEL_STRIP.sub("", fold(cell))
    if not key or len(key) > 12:
        return None
    for name, pattern in _LABELS:
        if pattern.fullmatch(key):
            return name
    return None


def _header_values(rows: Rows) -> list[tuple[str, str, str]]:
    """(label, value, cell text) for every labelled cell: the value is the next non-empty cell."""
    out: list[tuple[str, str, str]] = []
    for row in rows:
        for i, cell in enumerate(row):
            label = _label(cell)
            if label is not None:
                value = next((c for c in row[i + 1:] if c.strip()), "")
                if value and _label(value) is None:
                    out.append((label, value.strip(), f"{cell.strip()} {value.strip()}"))
                continue
            m = _INLINE.match(fold(cell))
            if m and _label(m.group(1)):
                out.append((_label(m.group(1)) or "", m.group(2).strip(), cell.strip()))
    return out


def _read_header(record: SheetRecord, rows: Rows, ref: date) -> None:
    for label, value, source in _header_values(rows):
        if label == "name" and record.name is None:
            record.name = value.split("(")[0].split("（")[0].strip()[:40] or None
        elif label == "age" and record.age is None:
            found = find_age(fold(value), labelled=True)
            if found:
                record.age, record.evidence["age"] = found[0], record.quote(source)
        elif label == "birth" and record.age is None:
            born = lone_month(value)  # to the month: a birthday later in the mail's month counts as reached
            if born is not None and 15 <= (month_index(ref) - born) // 12 <= 80:
                record.age, record.evidence["age"] = (month_index(ref) - born) // 12, record.quote(source)
        elif label == "station" and record.station is None:
            station, _ = parse_place(fold(value))
            if station:
                record.station, record.evidence["station"] = station, record.quote(source)
        elif label == "qualifications" and not record.qualifications:
            record.qualifications = [q.strip() for q in _LIST_SPLIT.split(value) if q.strip()][:30]
        elif label == "career" and record.stated_career_years is None:
            record.stated_career_years = parse_years(fold(value))
        elif label == "rate" and record.rate is None:
            rate = parse_rate(fold(value))
            if rate and (rate.min or rate.max):
                record.rate, record.evidence["rate"] = rate.min or rate.max, record.quote(source)


def _row_period(row: Sequence[str], ref: date) -> tuple[Period | None, int | None]:
    """The project period a history row states, and the index of the cell it is in."""
    for i, cell in enumerate(row):
        if not cell or len(cell) > _MAX_PERIOD_CELL:
            continue
        period = parse_period(cell, ref)
        if period is not None:
            return period, i
        start = lone_month(cell)
        if start is None:
            continue
        rest = [c for c in row[i + 1 : i + 3] if c.strip()]
        if rest and (end := lone_month(rest[0])) is not None:
            return Period(start, end, False, f"{cell}~{rest[0]}"), i
        if rest and is_present(rest[0]):
            return Period(start, max(start, month_index(ref)), True, f"{cell}~{rest[0]}"), i
        length = next((d for d in (parse_duration(c) for c in rest) if d), None)
        if length:
            return Period(start, start + length - 1, False, f"{cell} {length}ヶ月"), i
    return None, None


def _group_projects(rows: Rows, ref: date) -> list[tuple[Period | None, list[str]]]:
    """Rows into projects: a row with a new period starts one; the rows after it (a merged 期間
    repeats the same period) add to it, until the next period or a section such as 自己PR."""
    groups: list[tuple[Period | None, list[str]]] = []
    current: tuple[Period | None, list[str]] | None = None
    for row in rows:
        period, at = _row_period(row, ref)
        others = [c for i, c in enumerate(row) if i != at and c.strip()]
        if period is not None:
            if current is not None and current[0] == period and len(current[1]) < 200:
                current[1].extend(others)
                continue
            current = (period, list(others))
            groups.append(current)
        elif current is not None:
            if row and _SECTION_END.match(_LABEL_STRIP.sub("", fold(row[0]))):
                current = None
            else:
                current[1].extend(others)
    return groups


def parse_sheet(rows: Rows, filename: str, nlp: SkillNLP, ref: date) -> SheetRecord:
    """The record a sheet states. `ref` (the mail's date) ends 現在 periods."""
    record = SheetRecord(filename)
    _read_header(record, rows, ref)
    groups = _group_projects(rows, ref)[:MAX_PROJECTS]
    texts = ["\n".join(cells)[:MAX_PROJECT_CHARS] for _, cells in groups]
    joined = "\n\x00\n".join(texts)
    spans = nlp.find(joined) if joined.strip() else []
    categories = {s.canonical: s.category for s in nlp.taxonomy.skills}
    bounds, pos = [], 0
    for text in texts:
        bounds.append((pos, pos + len(text)))
        pos += len(text) + 3
    names: dict[str, None] = {}
    per_skill: dict[str, list[Period]] = {}
    for (period, _), text, (lo, hi) in zip(groups, texts, bounds, strict=True):
        found = list(dict.fromkeys(s.canonical for s in spans if lo <= s.start < hi))
        names.update(dict.fromkeys(found))
        project = Project(
            period=period,
            text=text,
            skills=tuple(s for s in found if categories.get(s) not in (PHASE, ROLE)),
            phases=tuple(s for s in found if categories.get(s) == PHASE),
            roles=tuple(s for s in found if categories.get(s) == ROLE),
        )
        record.projects.append(project)
        for skill in project.skills:
            if period is not None:
                per_skill.setdefault(skill, []).append(period)
    record.skills = list(names)
    record.phases = list(dict.fromkeys(p for pr in record.projects for p in pr.phases))
    record.roles = list(dict.fromkeys(r for pr in record.projects for r in pr.roles))
    record.skill_years = {s: years(union_months(ps)) for s, ps in per_skill.items() if union_months(ps)}
    dated = [p.period for p in record.projects if p.period is not None]
    record.career_years = years(union_months(dated)) if dated else record.stated_career_years
    if record.skills:
        first = record.projects[0]
        record.evidence["skills"] = record.quote(
            f"職務経歴 {len(record.projects)}件（{first.period.label() if first.period else '期間なし'} ほか）")
    return record
