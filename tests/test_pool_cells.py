"""Roster cells: what Japanese teams type in each column, and what is refused."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hayaoshi.extract.model import Employment
from hayaoshi.store import cells
from hayaoshi.store.roster import header_key

pytestmark = pytest.mark.unit

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(("value", "expected"), [
    (32, 32), ("32", 32), ("32歳", 32), ("３２才", 32), (32.0, 32), (None, None), ("", None),
], ids=repr)
def test_age(value, expected):
    assert cells.parse_age(value) == expected


@pytest.mark.parametrize("value", ["三十二", "320", "5", "32歳くらい"], ids=repr)
def test_age_refused(value):
    with pytest.raises(cells.CellError):
        cells.parse_age(value)


@pytest.mark.parametrize(("value", "expected"), [
    ("65万", 650_000), ("65万円", 650_000), ("６５万", 650_000), (65, 650_000), ("65", 650_000),
    (650000, 650_000), ("650000", 650_000), ("650,000円", 650_000), (65.5, 655_000), ("60~65万", 600_000),
    ("60〜65万", 600_000), ("スキル見合い", None), ("応相談", None), ("", None), (None, None), ("-", None),
], ids=repr)
def test_rate(value, expected):
    assert cells.parse_rate_cell(value) == expected


@pytest.mark.parametrize("value", ["高め", "5", "9999万", "abc"], ids=repr)
def test_rate_refused(value):
    with pytest.raises(cells.CellError):
        cells.parse_rate_cell(value)


@pytest.mark.parametrize(("value", "end", "expected"), [
    (datetime(2026, 12, 1), False, date(2026, 12, 1)),
    (date(2026, 12, 1), False, date(2026, 12, 1)),
    ("2026/12/1", False, date(2026, 12, 1)),
    ("2026-12-01", False, date(2026, 12, 1)),
    ("2026年12月1日", False, date(2026, 12, 1)),
    ("2026/12/01 00:00:00", False, date(2026, 12, 1)),
    ("12月末", False, date(2026, 12, 31)),
    ("1月", False, date(2027, 1, 1)),
    ("1月中旬", False, date(2027, 1, 11)),
    ("2027/2", False, date(2027, 2, 1)),
    ("即日", False, TODAY),
    (46357, False, date(2026, 12, 1)),  # an Excel serial day
    # 現案件終了日: available the day after the assignment ends.
    ("2026/12/31", True, date(2027, 1, 1)),
    ("12月末", True, date(2027, 1, 1)),
    ("12月", True, date(2027, 1, 1)),
    ("2026/11", True, date(2026, 12, 1)),
    (datetime(2026, 12, 15), True, date(2026, 12, 16)),
    ("", False, None), ("未定", True, None),
], ids=repr)
def test_dates(value, end, expected):
    assert cells.parse_date_cell(value, TODAY, end=end) == expected


@pytest.mark.parametrize("value", ["2026/13/45", "そのうち", "12", 7], ids=repr)
def test_dates_refused(value):
    with pytest.raises(cells.CellError):
        cells.parse_date_cell(value, TODAY)


@pytest.mark.parametrize(("value", "expected"), [
    ("正社員", (Employment.EMPLOYEE, 0)),
    ("契約社員", (Employment.CONTRACT, 0)),
    ("個人事業主", (Employment.FREELANCE, 1)),
    ("フリーランス", (Employment.FREELANCE, 1)),
    ("BP社員", (Employment.EMPLOYEE, 1)),
    ("ＢＰ", (Employment.EMPLOYEE, 1)),
    ("BP個人事業主", (Employment.FREELANCE, 2)),
    ("", (None, 0)),
], ids=repr)
def test_employment(value, expected):
    assert cells.parse_employment(value) == expected


@pytest.mark.parametrize(("parse", "value", "expected"), [
    (cells.parse_gender, "男", "male"), (cells.parse_gender, "女性", "female"), (cells.parse_gender, "F", "female"),
    (cells.parse_nationality, "日本", "日本"), (cells.parse_nationality, "日本人", "日本"),
    (cells.parse_nationality, "中国", "中国"), (cells.parse_nationality, "ベトナム国籍", "ベトナム"),
    (cells.parse_japanese, "N1", "N1"), (cells.parse_japanese, "JLPT N2", "N2"), (cells.parse_japanese, "1級", "N1"),
    (cells.parse_japanese, "ネイティブ", "ネイティブ"), (cells.parse_station, "JR京浜東北線 大宮駅", "大宮"),
    (cells.parse_station, "大宮", "大宮"), (cells.parse_station, "品川駅", "品川"),
    (cells.parse_employee_no, 1001.0, "1001"), (cells.parse_employee_no, " Ｅ００１ ", "E001"),
], ids=repr)
def test_other_cells(parse, value, expected):
    assert parse(value) == expected


@pytest.mark.parametrize(("header", "key"), [
    ("社員番号", "社員番号"), ("ID", "id"), ("No.", "no."), ("最寄り 駅", "最寄り駅"), ("希望単価（万円）", "希望単価"),
    ("氏名(イニシャル)", "氏名"), ("※備考", "備考"), ("スキル・経験", "スキル・経験"),
    ("日本語　レベル", "日本語レベル"),
], ids=repr)
def test_header_keys(header, key):
    assert header_key(header) == key
