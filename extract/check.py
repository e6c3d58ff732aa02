"""The record check before a proposal goes out (the seed's ④C): what would read as a lie.

Pure functions returning rep-facing Japanese lines; they are printed at the top of a draft (the
rep's notes, never the client's part) and listed in a talent posting's `warnings`:

- skill years longer than the career, a career longer than age minus 18 (one starts at 18 at the
  earliest: a 32-year-old has at most 14 years), a stated 経験年数 far from the history's sum;
- project periods that overlap, or end before they start;
- the mail's summary disagreeing with the sheet (age, station, years of a skill, rate);
- (with a job) required items that only the mail claims and the sheet does not show.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Protocol

from hayaoshi.extract.model import Posting
from hayaoshi.extract.periods import month_index
from hayaoshi.extract.sheet import SheetRecord

WORK_FROM_AGE = 18
YEARS_TOLERANCE = 1.0  # the mail rounds (`Java 7年` for 6年8ヶ月): a year apart is a disagreement
CAREER_TOLERANCE = 0.05
MAX_OVERLAPS = 3


class HasSkills(Protocol):
    @property
    def skills(self) -> Sequence[str]: ...


class HasRequired(Protocol):
    @property
    def required_skills(self) -> Sequence[str]: ...


def _y(value: float) -> str:
    return f"{value:g}年" if float(value).is_integer() else f"{value:.1f}年"


def _man(yen: int) -> str:
    return f"{yen / 10000:g}万"


def _station(name: str | None) -> str | None:
    key = unicodedata.normalize("NFKC", name or "").strip().removesuffix("駅").strip()
    return key or None


def _career_checks(posting: Posting, sheet: SheetRecord | None) -> list[str]:
    out: list[str] = []
    career = sheet.career_years if sheet and sheet.career_years is not None else posting.career_years
    age = posting.age if posting.age is not None else (sheet.age if sheet else None)
    if career is not None:
        for source, years_of in (("メール", posting.skill_years), ("スキルシート", sheet.skill_years if sheet else {})):
            for skill, years in years_of.items():
                if years and years > career + CAREER_TOLERANCE:
                    out.append(f"{skill} {_y(years)} はキャリア {_y(career)} を超えています（{source}）")
        if age is not None and career > age - WORK_FROM_AGE + CAREER_TOLERANCE:
            out.append(f"キャリア {_y(career)} は年齢 {age}歳 から見て長すぎます（18歳から数えて最大 "
                       f"{max(age - WORK_FROM_AGE, 0)}年）")
    if sheet and sheet.stated_career_years is not None and sheet.projects and sheet.career_years is not None:
        if abs(sheet.stated_career_years - sheet.career_years) >= YEARS_TOLERANCE:
            out.append(f"経験年数 {_y(sheet.stated_career_years)} と職務経歴の期間の合計 "
                       f"{_y(sheet.career_years)} が合いません（スキルシート）")
    return out


def _period_checks(sheet: SheetRecord, now: date) -> list[str]:
    out: list[str] = []
    dated = [p.period for p in sheet.projects if p.period is not None]
    for period in dated:
        if period.backwards:
            out.append(f"期間 {period.label()} は終了が開始より前です（スキルシート）")
        elif period.start > month_index(now):
            out.append(f"期間 {period.label()} は開始がメールの日付より後です（スキルシート）")
    forward = sorted((p for p in dated if not p.backwards), key=lambda p: (p.start, p.end))
    overlaps = [(a, b) for i, a in enumerate(forward) for b in forward[i + 1:] if b.start <= a.end]
    for a, b in overlaps[:MAX_OVERLAPS]:
        out.append(f"期間 {a.label()} と {b.label()} が重なっています（スキルシート・並行参画なら注記を）")
    if len(overlaps) > MAX_OVERLAPS:
        out.append(f"ほかに期間の重なりが {len(overlaps) - MAX_OVERLAPS}件あります（スキルシート）")
    return out


def _disagreements(posting: Posting, sheet: SheetRecord) -> list[str]:
    out: list[str] = []
    if posting.age is not None and sheet.age is not None and posting.age != sheet.age:
        out.append(f"年齢がメール {posting.age}歳 とスキルシート {sheet.age}歳 で違います")
    if _station(posting.station) and _station(sheet.station) and _station(posting.station) != _station(sheet.station):
        out.append(f"最寄駅がメール {posting.station} とスキルシート {sheet.station} で違います")
    for skill, said in posting.skill_years.items():
        shown = sheet.skill_years.get(skill)
        if said and shown is not None and abs(said - shown) >= YEARS_TOLERANCE:
            out.append(f"{skill} の年数がメール {_y(said)} とスキルシート {_y(shown)} で違います")
    rate = posting.rate_min or posting.rate_max
    if rate and sheet.rate and rate != sheet.rate:
        out.append(f"単価がメール {_man(rate)} とスキルシート {_man(sheet.rate)} で違います")
    return out


def check_record(posting: Posting, sheet: SheetRecord | None, now: date) -> list[str]:
    """What fails in the engineer's record: `posting` as the mail states it (before the sheet is
    merged in), `sheet` as read (None: no sheet). `now` is the mail's date (injected: a period
    starting after it is a typo), never the clock."""
    out = _career_checks(posting, sheet)
    if sheet is not None:
        out += _period_checks(sheet, now)
        out += _disagreements(posting, sheet)
    return list(dict.fromkeys(out))


def check_against_job(engineer: HasSkills, sheet_skills: Iterable[str] | None, job: HasRequired) -> list[str]:
    """Required items of `job` that the engineer's mail claims but the sheet does not show.
    `sheet_skills` is None when no sheet was read: nothing to compare, nothing said."""
    if sheet_skills is None:
        return []
    shown = set(sheet_skills)
    claimed = set(engineer.skills)
    only_mail = [s for s in dict.fromkeys(job.required_skills) if s in claimed and s not in shown]
    return [f"必須 {s} はメールにのみ記載で、スキルシートの職務経歴にはありません" for s in only_mail]
