"""Roster cells to values: each parser takes what openpyxl or csv gives (str, int, float, datetime)
and returns the stored value, None for an empty cell, or raises `CellError` with the reason.

The text rules are the extractor's (`hayaoshi.extract.values`), applied to one cell.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from typing import Any

from hayaoshi.extract.model import Employment
from hayaoshi.extract.normalize import fold
from hayaoshi.extract.places import parse_place
from hayaoshi.extract.values import (
    find_age,
    find_employment,
    find_gender,
    find_japanese_level,
    parse_nationality_value,
    parse_rate,
    parse_start,
)


class CellError(ValueError):
    """A cell of a known column that cannot be read; the row is reported, not imported."""


def text_of(value: Any) -> str:
    """The cell as normalised text ('' for empty); 1001.0 from Excel is '1001'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return fold(str(value)).strip()


def parse_employee_no(value: Any) -> str | None:
    text = re.sub(r"\s+", "", text_of(value))
    if len(text) > 64:
        raise CellError("is longer than 64 characters")
    return text or None


def parse_age(value: Any) -> int | None:
    text = text_of(value)
    if not text:
        return None
    found = find_age(text, labelled=True)
    if found is None or not re.fullmatch(r"\d{2}\s*(?:歳|才)?", text):
        raise CellError("is not an age (32 or 32歳)")
    return found[0]


_MALE = re.compile(r"^(?:男|男性|M|male|man)$", re.IGNORECASE)
_FEMALE = re.compile(r"^(?:女|女性|F|female|woman)$", re.IGNORECASE)


def parse_gender(value: Any) -> str | None:
    text = text_of(value)
    if not text:
        return None
    if _MALE.match(text):
        return "male"
    if _FEMALE.match(text):
        return "female"
    found = find_gender(text)
    return found[0] if found else text[:16]


def parse_station(value: Any) -> str | None:
    text = text_of(value)
    if not text:
        return None
    station, _location = parse_place(text)
    if station:
        return station
    # `大宮` alone, or a place the rules call an area (`横浜`): keep what the rep wrote.
    return re.sub(r"駅$", "", text.split()[-1])[:100] or None


def parse_rate_cell(value: Any) -> int | None:
    """`65万`, `65`, `650000`, `650,000円`, `60~65万` (the lower end) → yen a month."""
    if isinstance(value, bool):
        raise CellError("is not a rate")
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = text_of(value)
        if not text or text in ("-", "ー"):
            return None
        plain = text.replace(",", "").removesuffix("円").strip()
        if re.fullmatch(r"\d+(?:\.\d+)?", plain):
            number = float(plain)
        else:
            rate = parse_rate(text)
            if rate is None:
                raise CellError("is not a rate (65万, 650000)")
            if rate.min is None and rate.max is None:
                return None  # スキル見合い, 応相談: negotiable, no number
            return rate.min if rate.min is not None else rate.max
    yen = round(number * 10_000) if number < 1000 else round(number)
    if not 100_000 <= yen <= 3_000_000:
        raise CellError("is not a monthly rate between 10万 and 300万")
    return yen


_EXCEL_EPOCH = date(1899, 12, 30)
_YMD = re.compile(r"(20\d\d)\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?")
_YM = re.compile(r"(?:(20\d\d)\s*[年/.\-]\s*)?(\d{1,2})\s*月?\s*(末|中|上旬|中旬|下旬|初旬)?")
_NOW = re.compile(r"即日?|随時|すぐ|待機中?|稼働可")


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def parse_date_cell(value: Any, today: date, *, end: bool = False) -> date | None:
    """The day an engineer is available.

    `end=True` reads an end date (現案件終了日): available the day after, and a month alone
    (`12月`, `2026/12`, `12月末`) means after that month. A month without a year is the next
    such month on or after `today`.
    """
    if isinstance(value, datetime):
        day = value.date()
        return day + timedelta(days=1) if end else day
    if isinstance(value, date):
        return value + timedelta(days=1) if end else value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 20_000 <= value <= 80_000:  # an Excel serial day number that lost its format
            day = _EXCEL_EPOCH + timedelta(days=int(value))
            return day + timedelta(days=1) if end else day
        raise CellError("is not a date")
    text = text_of(value)
    if not text or text in ("-", "ー", "未定"):
        return None
    if m := _YMD.fullmatch(text):
        try:
            day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError as err:
            raise CellError("is not a date") from err
        return day + timedelta(days=1) if end else day
    if _NOW.fullmatch(text):
        return today
    if (m := _YM.fullmatch(text)) and 1 <= int(m.group(2)) <= 12:
        month = int(m.group(2))
        year = int(m.group(1)) if m.group(1) else (today.year if month >= today.month else today.year + 1)
        part = m.group(3)
        if end or part == "末":
            after = _month_end(year, month) + timedelta(days=1)
            return after if end else _month_end(year, month)
        if part is None and m.group(1) is None and "月" not in text:
            raise CellError("is not a date")  # a bare number
        return date(year, month, {"中": 11, "中旬": 11, "下旬": 21}.get(part or "", 1))
    found = parse_start(text, today)
    if found is None:
        raise CellError("is not a date (2026/12/1, 12月末, 即日)")
    return found[0] + timedelta(days=1) if end else found[0]


_BP = re.compile(r"B\s*P|ビジネスパートナー|パートナー|協力会社|他社|[1一]社先")
_TWO_AWAY = re.compile(r"[2二]社先")


def parse_employment(value: Any) -> tuple[Employment | None, int]:
    """(contract type, companies between us and the employer): 正社員 → (employee, 0), BP社員 → 1,
    個人事業主 → (freelance, 1): a freelancer is a company of one; BP個人事業主 → 2."""
    text = text_of(value)
    if not text:
        return None, 0
    found = find_employment(text)
    employment = found[0] if found else None
    if _TWO_AWAY.search(text):
        distance = 2
    elif _BP.search(text):
        distance = 1
    else:
        distance = 0
    if employment is Employment.FREELANCE:
        distance += 1
    elif employment is None and distance:
        employment = Employment.EMPLOYEE  # `BP`, `協力会社`: a partner's staff
    return employment, distance


def parse_nationality(value: Any) -> str | None:
    text = text_of(value)
    if not text:
        return None
    if re.fullmatch(r"日本(?:人|国籍)?|JP|JPN|Japan", text, re.IGNORECASE):
        return "日本"
    found = parse_nationality_value(text)
    return found or re.sub(r"(?:国籍|人)$", "", text)[:50] or None


def parse_japanese(value: Any) -> str | None:
    text = text_of(value)
    if not text:
        return None
    found = find_japanese_level(text)
    if found is None and re.fullmatch(r"[1-5]\s*級?", text):
        return "N" + text[0]
    return found[0] if found else text[:50]


def parse_text(value: Any, limit: int = 2000) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text[:limit] or None
