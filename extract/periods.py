"""Project periods on a skill sheet: `2019年4月~2021年3月`, `2019/04~2021/03`, `2019.4-現在`,
`H30.4~R2.3` (和暦), `自2019年4月 至2021年3月`, and durations (`2年3ヶ月`).

Months are counted as whole months, both ends included: 2019/04~2021/03 is 24 months. `現在`,
`現在まで`, `継続中` and an open end (`2023/10~`) end at the reference month (the mail's date:
injected, never the clock). Rules as data: each pattern is built from named fragments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from hayaoshi.extract.normalize import fold

# 和暦: the year before 元年 of each era.
_ERA_BASE = {"M": 1867, "明治": 1867, "T": 1911, "大正": 1911, "S": 1925, "昭和": 1925,
             "H": 1988, "平成": 1988, "R": 2018, "令和": 2018}
_ERA = r"(?P<era{n}>明治|大正|昭和|平成|令和|[MTSHR])\s*(?P<ey{n}>\d{{1,2}}|元)"
_SEIREKI = r"(?P<y{n}>(?:19|20)\d{{2}})"
_MONTH = r"\s*[年/.\-]\s*(?P<m{n}>\d{{1,2}})(?!\d)\s*月?(?:\s*[/.]\s*\d{{1,2}}(?!\d)\s*日?|\s*\d{{1,2}}\s*日)?"
_PRESENT = r"現在(?:まで|に至る)?|継続中|至現在|参画中|now|present"


def _date(n: int) -> str:
    return f"(?:{_SEIREKI.format(n=n)}|{_ERA.format(n=n)}){_MONTH.format(n=n)}"


PERIOD = re.compile(
    rf"(?:自\s*)?{_date(1)}\s*(?:~|-|から|より|至|to)?\s*(?:至\s*)?"
    rf"(?:(?P<now>{_PRESENT})|{_date(2)})?",
    re.IGNORECASE,
)
DURATION = re.compile(r"(?:(\d{1,2})\s*年)?\s*(?:(\d{1,2})\s*(?:ヶ|か|カ|ケ|ヵ|箇|ヶ)\s*月)?")
_OPEN_END = re.compile(r"^\s*(?:~|-|から|より)\s*$")


@dataclass(frozen=True, slots=True)
class Period:
    """Months as `year * 12 + month - 1`; `end` included. `ongoing` when the sheet says 現在."""

    start: int
    end: int
    ongoing: bool = False
    text: str = ""

    @property
    def months(self) -> int:
        return self.end - self.start + 1

    @property
    def backwards(self) -> bool:
        return self.end < self.start

    def label(self) -> str:
        return f"{month_label(self.start)}~{'現在' if self.ongoing else month_label(self.end)}"


def month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def month_label(index: int) -> str:
    return f"{index // 12}/{index % 12 + 1:02d}"


def _month(m: re.Match[str], n: int) -> int | None:
    month = int(m.group(f"m{n}"))
    if not 1 <= month <= 12:
        return None
    if m.group(f"y{n}"):
        year = int(m.group(f"y{n}"))
    else:
        era = m.group(f"era{n}")
        base = _ERA_BASE.get(era.upper() if era.isascii() else era)
        raw = m.group(f"ey{n}")
        if base is None:
            return None
        year = base + (1 if raw == "元" else int(raw))
    return year * 12 + month - 1


def parse_period(text: str, ref: date) -> Period | None:
    """The first period in a cell; None when the cell holds no dated start."""
    folded = fold(text).replace("\n", " ")
    m = PERIOD.search(folded)
    if not m:
        return None
    start = _month(m, 1)
    if start is None:
        return None
    if m.group("y2") or m.group("era2"):
        end = _month(m, 2)
        if end is None:
            return None
        return Period(start, end, False, m.group(0).strip())
    rest = folded[m.end():]
    said_now = m.group("now") is not None or bool(re.match(rf"\s*(?:{_PRESENT})", rest, re.IGNORECASE))
    opened = said_now or bool(re.search(r"(?:~|-|から|より)\s*$", m.group(0)))
    if not opened:
        return None  # a lone date (生年月日, 取得日): not a period
    return Period(start, max(start, month_index(ref)), True, m.group(0).strip())


def lone_month(text: str) -> int | None:
    """A cell that is one date only (`2019年4月`): the start or end column of a history table."""
    folded = fold(text).strip()
    m = re.fullmatch(_date(1), folded)
    return _month(m, 1) if m else None


def is_present(text: str) -> bool:
    return bool(re.fullmatch(rf"\s*(?:~|-)?\s*(?:{_PRESENT})\s*", fold(text), re.IGNORECASE)) or bool(
        _OPEN_END.match(fold(text)))


def parse_duration(text: str) -> int | None:
    """`2年3ヶ月` → 27 months; `18ヶ月` → 18; None when the cell is not a duration."""
    folded = fold(text).strip()
    m = DURATION.fullmatch(folded)
    if not m or not (m.group(1) or m.group(2)):
        return None
    return int(m.group(1) or 0) * 12 + int(m.group(2) or 0)


def union_months(periods: list[Period]) -> int:
    """Months covered by any of the periods: overlapping projects are not counted twice."""
    spans = sorted((p.start, p.end) for p in periods if not p.backwards)
    total, cur_start, cur_end = 0, None, None
    for start, end in spans:
        if cur_end is None or start > cur_end + 1:
            if cur_end is not None and cur_start is not None:
                total += cur_end - cur_start + 1
            cur_start, cur_end = start, end
        else:
            cur_end = max(cur_end, end)
    if cur_end is not None and cur_start is not None:
        total += cur_end - cur_start + 1
    return total
