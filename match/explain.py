"""One job against one engineer: hard conditions, score, and the requirement rows a draft quotes.

This module is the reference definition. `index.py` computes the same conditions and score over
numpy columns, to the bit, to pick the few engineers worth listing among many; the rows and the
reasons of what is listed come from the functions here.

Score (0..1) = 0.5 required skills + 0.15 preferred skills + 0.15 rate headroom + 0.1 start
+ 0.1 place/remote. A job naming no preferred skill gives every engineer full marks for them;
a job naming no required skill (the mail did not say) gives half marks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from hayaoshi.match.convert import company_key, is_foreign, level_rank, quote_skill, shorten, station_key
from hayaoshi.match.model import Engineer, Job, MatchSettings, Requirement, Status

W_REQUIRED, W_PREFERRED, W_RATE, W_START, W_PLACE = 0.5, 0.15, 0.15, 0.1, 0.1
NEAR_MISS = 0.8  # years ≥ 0.8 × asked: a near miss (2年11ヶ月 against 3年以上), partial
YEARS_EPSILON = 1e-9  # 2.4 years is 80 % of 3 although 0.8 * 3 is 2.4000000000000004
NO_REQUIRED = 0.5  # a job naming no required skill: the mail did not say, the rep judges
CREDIT_NEAR, CREDIT_YEARS_UNKNOWN, CREDIT_SHORT = 0.8, 0.6, 0.3
RATE_UNKNOWN, RATE_AT_CEILING, RATE_SLOPE = 0.5, 0.5, 2.5  # 20 % under the ceiling: full marks
START_UNKNOWN, START_LATE = 0.5, 0.5
PLACE_FULL_VS_HYBRID, PLACE_NO_STATION, PLACE_OTHER_STATION = 0.4, 0.5, 0.6
UNKNOWN = "記載なし"
SCORE_UNITS = 10_000  # scores are whole 1/10,000ths: the same in numpy and in Python, ties exact

_REMOTE_LABEL = {"full": "フルリモート", "hybrid": "リモート併用", "onsite": "常駐"}
_EMPLOYMENT_LABEL = {"employee": "正社員", "contract": "契約社員", "freelance": "フリーランス"}


@dataclass(frozen=True, slots=True)
class Terms:
    """A job's conditions, prepared once per ranking (dedup, keys, effective dates)."""

    job: Job
    required: tuple[str, ...]
    preferred: tuple[str, ...]
    asked: dict[str, float]  # years asked, only positive values
    ceiling: int | None
    start: date  # available by this day: the job's start, or today when it is past or not stated
    station: str | None
    company: str | None
    need_level: int | None
    margin: int
    grace: int


def job_terms(job: Job, settings: MatchSettings, today: date) -> Terms:
    required = tuple(dict.fromkeys(job.required_skills))
    preferred = tuple(s for s in dict.fromkeys(job.preferred_skills) if s not in required)
    asked = {s: float(y) for s, y in job.skill_years.items() if y and y > 0}
    return Terms(
        job=job,
        required=required,
        preferred=preferred,
        asked=asked,
        ceiling=job.rate_max if job.rate_max and job.rate_max > 0 else None,
        start=max(job.start, today) if job.start else today,
        station=station_key(job.station),
        company=company_key(job.company),
        need_level=level_rank(job.japanese_level),
        margin=settings.margin,
        grace=settings.start_grace_days,
    )


def cost(terms: Terms, engineer: Engineer) -> int | None:
    """What the engineer costs against the ceiling: a partner's rate plus our margin."""
    if engineer.rate is None:
        return None
    return engineer.rate if engineer.own else engineer.rate + terms.margin


# ---- fits: (status, credit) of one part, shared by the score and the rows ----


def skill_fit(terms: Terms, engineer: Engineer, skill: str) -> tuple[Status, float]:
    if skill not in engineer.skills:
        return Status.UNMET, 0.0
    asked = terms.asked.get(skill)
    if asked is None:
        return Status.MET, 1.0
    years = engineer.skill_years.get(skill)
    if years is None or years != years:  # not stated (or NaN, as the index stores "not stated")
        return Status.PARTIAL, CREDIT_YEARS_UNKNOWN
    if years + YEARS_EPSILON >= asked:
        return Status.MET, 1.0
    if years + YEARS_EPSILON >= NEAR_MISS * asked:
        return Status.PARTIAL, CREDIT_NEAR
    return Status.UNMET, CREDIT_SHORT


def rate_fit(terms: Terms, engineer: Engineer) -> tuple[Status, float]:
    price = cost(terms, engineer)
    if terms.ceiling is None or price is None:
        return Status.PARTIAL, RATE_UNKNOWN
    if price > terms.ceiling:
        return Status.UNMET, 0.0
    return Status.MET, min(1.0, RATE_AT_CEILING + RATE_SLOPE * (terms.ceiling - price) / terms.ceiling)


def start_fit(terms: Terms, engineer: Engineer) -> tuple[Status, float]:
    available = engineer.available_from
    if available is None:
        return Status.PARTIAL, START_UNKNOWN
    if available <= terms.start:
        return Status.MET, 1.0
    if (available - terms.start).days <= terms.grace:
        return Status.PARTIAL, START_LATE
    return Status.UNMET, 0.0


def place_fit(terms: Terms, engineer: Engineer) -> tuple[Status, float]:
    """Full remote work suits anyone; an engineer asking full remote suits no onsite job."""
    if terms.job.remote == "full":
        return Status.MET, 1.0
    if engineer.remote == "full":
        if terms.job.remote == "onsite":
            return Status.UNMET, 0.0
        return Status.PARTIAL, PLACE_FULL_VS_HYBRID
    home = station_key(engineer.station)
    if home is None:
        return Status.PARTIAL, PLACE_NO_STATION
    if terms.station is not None and home == terms.station:
        return Status.MET, 1.0
    return Status.PARTIAL, PLACE_OTHER_STATION


def score(terms: Terms, engineer: Engineer) -> float:
    """The score in 0..1, on a grid of 1/10,000 (ties then go by id). Hard conditions do not change it."""
    return score_units(terms, engineer) / SCORE_UNITS


def score_units(terms: Terms, engineer: Engineer) -> int:
    """The score in 1/10,000ths.

    `EngineerIndex.score_units` computes the same number over numpy columns with the same IEEE
    operations in the same order, so the two agree to the bit: keep them in step (and no
    `sum()`, which compensates rounding since Python 3.12).
    """
    total = W_REQUIRED * _coverage(terms, engineer, terms.required, NO_REQUIRED)
    total = total + W_PREFERRED * _coverage(terms, engineer, terms.preferred, 1.0)
    total = total + W_RATE * rate_fit(terms, engineer)[1]
    total = total + W_START * start_fit(terms, engineer)[1]
    total = total + W_PLACE * place_fit(terms, engineer)[1]
    return math.floor(total * SCORE_UNITS + 0.5)


def _coverage(terms: Terms, engineer: Engineer, skills: tuple[str, ...], empty: float) -> float:
    if not skills:
        return empty
    credit = 0.0
    for skill in skills:
        credit = credit + skill_fit(terms, engineer, skill)[1]
    return credit / len(skills)


# ---- hard conditions ----


def fails(terms: Terms, engineer: Engineer) -> bool:
    """`bool(reasons(terms, engineer))` without writing the reasons: the reference the indexes'
    hard-condition masks mirror (reasons are written only for the exclusions a ranking lists)."""
    job = terms.job
    if is_foreign(engineer.nationality):
        if job.foreigners_ok is False:
            return True
        have = level_rank(engineer.japanese_level)
        if terms.need_level is not None and have is not None and have < terms.need_level:
            return True
    if job.age_max is not None and engineer.age is not None and engineer.age > job.age_max:
        return True
    if job.max_chain is not None and engineer.chain_distance > job.max_chain:
        return True
    if job.freelance_ok is False and engineer.employment == "freelance":
        return True
    available = engineer.available_from
    if job.start is not None and available is not None and (available - terms.start).days > terms.grace:
        return True
    price = cost(terms, engineer)
    if terms.ceiling is not None and price is not None and price > terms.ceiling:
        return True
    return not engineer.own and terms.company is not None and company_key(engineer.company) == terms.company


def reasons(terms: Terms, engineer: Engineer) -> tuple[str, ...]:
    """Every hard condition the engineer fails, in a fixed order; () when none. Unknowns pass."""
    job = terms.job
    out: list[str] = []
    if is_foreign(engineer.nationality):
        have = level_rank(engineer.japanese_level)
        if job.foreigners_ok is False:
            out.append(f"外国籍不可（国籍: {engineer.nationality}）")
        elif terms.need_level is not None and have is not None and have < terms.need_level:
            out.append(f"日本語 {job.japanese_level}以上（{engineer.japanese_level}）")
    if job.age_max is not None and engineer.age is not None and engineer.age > job.age_max:
        out.append(f"年齢 {job.age_max}歳まで（{engineer.age}歳）")
    if job.max_chain is not None and engineer.chain_distance > job.max_chain:
        out.append(f"商流: {chain_limit(job.max_chain)}（{distance_label(engineer.chain_distance)}）")
    if job.freelance_ok is False and engineer.employment == "freelance":
        out.append("個人事業主不可（フリーランス）")
    available = engineer.available_from
    if job.start is not None and available is not None and (available - terms.start).days > terms.grace:
        out.append(f"開始 {terms.start.isoformat()} に間に合わない（{available.isoformat()} から）")
    price = cost(terms, engineer)
    if terms.ceiling is not None and price is not None and price > terms.ceiling:
        out.append(f"単価 上限{man(terms.ceiling)}（{asked_rate(terms, engineer)}）")
    if not engineer.own and terms.company is not None and company_key(engineer.company) == terms.company:
        out.append(f"提案元（{engineer.company}）の要員")
    return tuple(out)


# ---- the rows a draft quotes ----


def requirements(terms: Terms, engineer: Engineer) -> tuple[Requirement, ...]:
    """Each requirement of the job, met / partial / unmet, with the engineer's evidence."""
    job = terms.job
    rows = [_skill_row(terms, engineer, s, "必須") for s in terms.required]
    rows += [_skill_row(terms, engineer, s, "尚可") for s in terms.preferred]
    status, _ = rate_fit(terms, engineer)
    rate_evidence = UNKNOWN if engineer.rate is None else _cite(engineer, "rate", asked_rate(terms, engineer, "＝"))
    rows.append(Requirement(f"単価: {rate_range(job)}", status, rate_evidence))
    status, _ = start_fit(terms, engineer)
    when = engineer.available_from
    start_evidence = UNKNOWN if when is None else _cite(engineer, "start", f"{when.isoformat()} から")
    rows.append(Requirement(f"開始: {job.start.isoformat() if job.start else UNKNOWN}", status, start_evidence))
    rows.append(_place_row(terms, engineer))
    if job.foreigners_ok is False or job.japanese_level:
        rows.append(_foreign_row(terms, engineer))
    if job.age_max is not None:
        if engineer.age is None:
            status = Status.PARTIAL
        else:
            status = Status.UNMET if engineer.age > job.age_max else Status.MET
        evidence = UNKNOWN if engineer.age is None else _cite(engineer, "age", f"{engineer.age}歳")
        rows.append(Requirement(f"年齢: {job.age_max}歳まで", status, evidence))
    if job.max_chain is not None or job.freelance_ok is False:
        rows.append(_chain_row(terms, engineer))
    return tuple(rows)


def _skill_row(terms: Terms, engineer: Engineer, skill: str, kind: str) -> Requirement:
    asked = terms.asked.get(skill)
    label = f"{kind}: {skill}" + (f" {fmt_years(asked)}以上" if asked else "")
    status, _ = skill_fit(terms, engineer, skill)
    if skill not in engineer.skills:
        return Requirement(label, status, None)
    years = engineer.skill_years.get(skill)
    if years is not None and years == years:
        value = f"{skill} {fmt_years(years)}"
    else:
        value = f"{skill} 年数{UNKNOWN}" if asked else skill
    sheet = engineer.evidence.get("skill_years")
    if years is not None and sheet and f"{skill} {years:g}年" in sheet:
        # The years came from the attached skill sheet (extract/attach.py): cite the file, not the mail.
        return Requirement(label, status, _cite(engineer, "skill_years", value, f"{sheet.split(': ', 1)[0]} 職務経歴"))
    raw = engineer.evidence.get("skills")
    return Requirement(label, status, _cite(engineer, "skills", value, quote_skill(raw, skill) if raw else None))


def _place_row(terms: Terms, engineer: Engineer) -> Requirement:
    job = terms.job
    where = job.station or job.location
    remote = _REMOTE_LABEL.get(str(job.remote)) if job.remote else None
    if where and remote:
        label = f"場所: {where}（{remote}）"
    else:
        label = f"場所: {where or remote or UNKNOWN}"
    status, _ = place_fit(terms, engineer)
    if engineer.remote == "full" and job.remote != "full":
        return Requirement(label, status, _cite(engineer, "remote", "フルリモート希望"))
    if station_key(engineer.station) is None:
        return Requirement(label, status, UNKNOWN if job.remote != "full" else "フルリモート案件（最寄駅 記載なし）")
    note = "" if status is Status.MET else "・通勤要確認"
    return Requirement(label, status, _cite(engineer, "station", f"最寄駅 {engineer.station}{note}"))


def _foreign_row(terms: Terms, engineer: Engineer) -> Requirement:
    job = terms.job
    label = "外国籍: 不可" if job.foreigners_ok is False else f"日本語: {job.japanese_level}以上"
    foreign = is_foreign(engineer.nationality)
    if foreign is None:
        return Requirement(label, Status.PARTIAL, UNKNOWN)
    if not foreign:
        return Requirement(label, Status.MET, _cite(engineer, "nationality", engineer.nationality or ""))
    level = engineer.japanese_level
    value = f"{engineer.nationality}籍・日本語 {level or UNKNOWN}"
    have = level_rank(level)
    if job.foreigners_ok is False or (terms.need_level is not None and have is not None and have < terms.need_level):
        status = Status.UNMET
    elif (terms.need_level is not None and have is not None) or (level and level == job.japanese_level):
        status = Status.MET
    else:
        status = Status.PARTIAL
    return Requirement(label, status, _cite(engineer, "nationality", value))


def _chain_row(terms: Terms, engineer: Engineer) -> Requirement:
    job = terms.job
    limits = [chain_limit(job.max_chain)] if job.max_chain is not None else []
    if job.freelance_ok is False:
        limits.append("個人事業主不可")
    employment = _EMPLOYMENT_LABEL.get(str(engineer.employment), f"雇用形態 {UNKNOWN}")
    value = f"{distance_label(engineer.chain_distance)}・{employment}"
    too_far = job.max_chain is not None and engineer.chain_distance > job.max_chain
    freelance = job.freelance_ok is False and engineer.employment == "freelance"
    if too_far or freelance:
        status = Status.UNMET
    elif job.freelance_ok is False and engineer.employment is None:
        status = Status.PARTIAL
    else:
        status = Status.MET
    field = "employment" if "employment" in engineer.evidence else "chain_distance"
    return Requirement(f"商流: {'・'.join(limits)}", status, _cite(engineer, field, value))


# ---- wording ----


def man(yen: int) -> str:
    """700000 → "70万", 655000 → "65.5万"."""
    value = yen / 10_000
    return f"{int(value)}万" if value == int(value) else f"{value:g}万"


def fmt_years(years: float) -> str:
    """7 → "7年", 2.92 → "2年11ヶ月", 0.5 → "6ヶ月"."""
    whole, months = divmod(round(years * 12), 12)
    if not months:
        return f"{whole}年"
    return f"{whole}年{months}ヶ月" if whole else f"{months}ヶ月"


def rate_range(job: Job) -> str:
    low, high = job.rate_min, job.rate_max
    if low and high:
        return man(high) if low == high else f"{man(low)[:-1]}～{man(high)}"
    if high:
        return f"～{man(high)}"
    if low:
        return f"{man(low)}～"
    return UNKNOWN


def asked_rate(terms: Terms, engineer: Engineer, total: str = "") -> str:
    """`希望68万＋マージン5万` (a partner's engineer) or `希望68万` (ours); with `total`, the sum too."""
    rate = engineer.rate or 0
    if engineer.own or not terms.margin:
        return f"希望{man(rate)}"
    text = f"希望{man(rate)}＋マージン{man(terms.margin)}"
    return f"{text}{total}{man(rate + terms.margin)}" if total else text


def chain_limit(max_chain: int | None) -> str:
    return "貴社社員まで" if not max_chain else f"{max_chain}社先まで"


def distance_label(distance: int) -> str:
    return "自社社員" if distance <= 0 else f"{distance}社先の要員"


def _cite(engineer: Engineer, field: str, value: str, quote: str | None = None) -> str:
    """`value（source: quote）`, the quote defaulting to the engineer's evidence for `field`."""
    source = "ロスター" if engineer.own else "メール"
    raw = engineer.evidence.get(field)
    quote = quote or (shorten(raw) if raw else None)
    if not quote:
        return f"{value}（{source}）"
    # The store's roster evidence names its source already ("ロスター 12行目 スキル: …").
    return f"{value}（{quote}）" if quote.startswith(source) else f"{value}（{source}: {quote}）"
