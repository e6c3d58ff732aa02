"""A sheet's rows into a record, field by field, for each layout; periods as sheets write them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hayaoshi.extract.periods import Period, parse_duration, parse_period, union_months
from hayaoshi.extract.sheet import parse_sheet
from hayaoshi.ingest.sheets import read_sheet
from hayaoshi.tests import sheet_factory as make

pytestmark = pytest.mark.unit
PDFS = Path(__file__).parent / "samples" / "sheets"
MAIL_DATE = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("text", "label", "months"),
    [
        ("2019年4月～2021年3月", "2019/04~2021/03", 24),
        ("2019/04～2021/03", "2019/04~2021/03", 24),
        ("2019-04〜2021-03", "2019/04~2021/03", 24),
        ("2019.4-現在", "2019/04~現在", 92),
        ("2019年4月～現在まで", "2019/04~現在", 92),
        ("2023/10～継続中", "2023/10~現在", 38),
        ("2023/10～", "2023/10~現在", 38),
        ("H30.4～R2.3", "2018/04~2020/03", 24),
        ("平成元年4月～平成3年3月", "1989/04~1991/03", 24),
        ("自2019年4月 至2021年3月", "2019/04~2021/03", 24),
        ("2019年4月\n～\n2021年3月", "2019/04~2021/03", 24),
        ("２０１９年４月～２０２１年３月", "2019/04~2021/03", 24),
        ("2019/04/01～2020/3/31", "2019/04~2020/03", 12),
    ],
    ids=["kanji", "slash", "dash-months", "dot-present", "present-made", "continuing", "open-end", "wareki",
         "gannen", "ji-shi", "three-lines", "full-width", "with-days"],
)
def test_periods_as_sheets_write_them(text, label, months):
    period = parse_period(text, MAIL_DATE)
    assert period is not None and (period.label(), period.months) == (label, months)


@pytest.mark.parametrize("text", ["1990年5月1日", "Java 5年", "2019年", "TEL 03-1234-5678", "2019/13～2020/01"],
                         ids=["birthday", "years", "year-only", "phone", "month-13"])
def test_not_periods(text):
    assert parse_period(text, MAIL_DATE) is None


def test_durations_and_the_union_of_overlapping_periods():
    assert (parse_duration("2年3ヶ月"), parse_duration("18ヶ月"), parse_duration("Java")) == (27, 18, None)
    # 2019/04~2021/03 and 2020/04~2022/03 overlap by a year: 36 months, not 48
    assert union_months([Period(24231, 24254), Period(24243, 24266)]) == 36
    assert union_months([Period(24231, 24234), Period(24236, 24237)]) == 6  # a gap stays a gap


EXPECTED_TK = dict(
    name="T.K", age=32, station="大宮",
    # Java: 2016/04~2022/03 and 2021/10~2026/11 overlap; counted once: 128 months
    skill_years={"Java": 10.7, "Oracle": 3.0, "Spring Boot": 3.0, "PostgreSQL": 3.0, "Python": 5.2, "AWS": 5.2},
    phases=["製造", "単体テスト", "基本設計", "詳細設計", "要件定義"], roles=["PG", "SE", "PL"], career_years=10.7,
)


@pytest.mark.parametrize(
    ("name", "data", "qualifications"),
    [("vertical.xlsx", make.vertical_xlsx, ["基本情報技術者", "AWS SAA"]),
     ("horizontal.xlsx", make.horizontal_xlsx, []),
     ("table.docx", make.table_docx, ["基本情報技術者", "AWS SAA"])],
    ids=["xlsx-vertical-merged", "xlsx-horizontal", "docx-table"],
)
def test_each_layout_gives_the_same_record(extractor, name, data, qualifications):
    sheet = read_sheet(name, "", data())
    record = parse_sheet(sheet.rows, name, extractor.nlp, MAIL_DATE)
    for field, value in EXPECTED_TK.items():
        assert getattr(record, field) == value, field
    assert record.qualifications == qualifications
    assert len(record.projects) == 3
    assert [p.period.label() for p in record.projects if p.period] == [
        "2016/04~2019/03", "2019/04~2022/03", "2021/10~現在"]
    assert record.evidence["age"].startswith(f"{name}: 年齢")
    assert "Go" not in record.skills  # 自己PR ends the history: a skill being studied is not experience


def test_a_japanese_pdf_with_wareki_periods(extractor):
    sheet = read_sheet("keirekisho_tk.pdf", "application/pdf", (PDFS / "keirekisho_tk.pdf").read_bytes())
    record = parse_sheet(sheet.rows, sheet.filename, extractor.nlp, MAIL_DATE)
    assert (record.name, record.age, record.station) == ("R.S", 41, "武蔵小杉")
    assert record.qualifications == ["応用情報技術者", "PMP"]
    assert record.stated_career_years == 12.0
    assert record.skill_years == {"COBOL": 4.0, "Java": 12.7, "Oracle": 4.0, "Spring": 3.0, "AWS": 8.7,
                                  "Terraform": 5.7}
    assert record.roles == ["SE", "PL", "PM"]
    assert set(record.phases) == {"運用保守", "詳細設計", "製造", "要件定義", "基本設計"}
    assert record.career_years == 12.7


def test_a_latin_pdf(extractor):
    sheet = read_sheet("resume_latin.pdf", "application/pdf", (PDFS / "resume_latin.pdf").read_bytes())
    record = parse_sheet(sheet.rows, sheet.filename, extractor.nlp, MAIL_DATE)
    assert (record.name, record.age) == ("R.S", 41)
    assert record.skill_years["Java"] == 12.7 and record.skill_years["Terraform"] == 5.7


def test_a_sheet_with_only_a_stated_career(extractor):
    rows = [("氏名", "Y.M"), ("経験年数", "約8年"), ("スキル", "Java、Python")]
    record = parse_sheet(rows, "s.xlsx", extractor.nlp, MAIL_DATE)
    assert record.career_years == 8.0 and record.projects == [] and record.skill_years == {}


@pytest.mark.parametrize(("born", "age"), [("1994年5月10日", 32), ("1994/12/01", 31), ("H6.5", 32)],
                         ids=["seireki", "birthday-not-yet", "wareki"])
def test_age_from_a_birth_date_at_the_mails_date(extractor, born, age):
    record = parse_sheet([("生年月日", born)], "s.xlsx", extractor.nlp, MAIL_DATE)
    assert record.age == age and record.evidence["age"] == f"s.xlsx: 生年月日 {born}"
