"""`import_roster`: the company's roster from .xlsx and .csv (UTF-8, BOM, cp932) into the pool."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from hayaoshi.errors import StoreError
from hayaoshi.extract.model import Employment
from hayaoshi.store.model import RosterRow
from hayaoshi.store.roster import import_roster, read_roster

pytest_plugins = ["hayaoshi.tests.store_fixtures"]

SAMPLES = Path(__file__).parent / "samples" / "roster"
TODAY = date(2026, 11, 29)
NOW = datetime(2026, 11, 29, 12, 0)

HEADERS = ["社員番号", "氏名", "年齢", "性別", "最寄駅", "スキル", "希望単価", "稼働可能日", "雇用形態", "国籍",
           "日本語", "備考"]
ROWS = [
    ["E001", "T.K", 32, "男", "JR京浜東北線 大宮駅", "Java(7年)、Spring、AWS", "65万", datetime(2026, 12, 1), "正社員",
     "日本", None, "勤続5年、勤怠良好"],
    ["E002", "劉YZ", "31歳", "女性", "西川口駅", "Python（3年）、Django、PostgreSQL", 600000, "即日", "契約社員",
     "中国", "N1", None],
    ["E003", "R.K", 41, "男", "品川", "C#(10年)、.NET、SQL Server", 70, "12月末", "BP社員", "日本", None, "PM経験あり"],
]


def write_xlsx(path, headers=HEADERS, rows=ROWS, title: str | None = None):
    book = Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def csv_text(headers=HEADERS, rows=ROWS) -> str:
    def cell(v):
        if v is None:
            return ""
        if isinstance(v, datetime):
            return v.strftime("%Y/%m/%d")
        text = str(v)
        return f'"{text}"' if "," in text or "、" in text else text
    return "\r\n".join(",".join(cell(v) for v in line) for line in [headers, *rows]) + "\r\n"


@pytest.fixture
def roster_xlsx(tmp_path):
    return write_xlsx(tmp_path / "要員一覧.xlsx")


def run(store, path, nlp, *, dry_run=False):
    return import_roster(store, path, dry_run=dry_run, nlp=nlp, today=TODAY)


def by_id(store):
    return {e.id: e for e in store.engineers(NOW) if e.own}


def test_xlsx_roster_imports_every_column(store, roster_xlsx, skill_nlp):
    report = run(store, roster_xlsx, skill_nlp)
    assert (report.added, report.updated, report.unchanged, report.errors) == (3, 0, 0, [])
    pool = by_id(store)
    tk = pool["E001"]
    assert (tk.name, tk.age, tk.gender, tk.station) == ("T.K", 32, "male", "大宮")
    assert tk.skills == ("Java", "Spring", "AWS") and tk.skill_years == {"Java": 7.0}
    assert (tk.rate, tk.available_from, tk.employment) == (650_000, date(2026, 12, 1), "employee")
    assert (tk.chain_distance, tk.nationality, tk.note, tk.company) == (0, "日本", "勤続5年、勤怠良好", None)
    assert tk.evidence["source"] == "ロスター 要員一覧.xlsx 2行目"
    assert tk.evidence["skills"] == "ロスター 2行目 スキル: Java(7年)、Spring、AWS"
    liu = pool["E002"]
    assert (liu.age, liu.rate, liu.available_from, liu.employment) == (31, 600_000, TODAY, "contract")
    assert (liu.nationality, liu.japanese_level, liu.skill_years) == ("中国", "N1", {"Python": 3.0})
    rk = pool["E003"]
    assert (rk.rate, rk.available_from, rk.chain_distance) == (700_000, date(2026, 12, 31), 1)
    assert rk.skills == ("C#", ".NET", "SQL Server") and rk.skill_years == {"C#": 10.0}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_csv_in_utf8_bom_and_cp932(store, tmp_path, skill_nlp, encoding):
    rows = [*ROWS, ["E004", "髙橋", 45, "男", "蒲田駅", "COBOL(20年)", "60万", "2027/1/5", "正社員", "日本", None,
                    "①長期案件希望"]]
    path = tmp_path / "roster.csv"
    path.write_bytes(csv_text(rows=rows).encode(encoding))
    report = run(store, path, skill_nlp)
    assert (report.added, report.errors) == (4, [])
    pool = by_id(store)
    assert pool["E004"].name == "髙橋" and pool["E004"].note == "①長期案件希望"
    assert pool["E002"].name == "劉YZ" and pool["E004"].skill_years == {"COBOL": 20.0}
    assert pool["E001"].evidence["source"] == "ロスター roster.csv 2行目"


def test_header_variants_title_row_and_blank_rows(store, tmp_path, skill_nlp):
    """GIVEN a roster with a title row, synonym headers, an unknown column and a blank row
    THEN the synonyms are read, the unknown column is reported, and lines count as Excel shows them."""
    headers = ["No.", "イニシャル", "年齢", "最寄り駅", "スキル・経験", "単価（万円）", "現案件終了日", "所属",
               "日本語レベル", "営業コメント", "部署"]
    rows = [["101", "K.S", 29, "渋谷駅", "TypeScript（4年）/React", 58, "2026/12/31", "個人事業主", None, "即戦力",
             "開発2部"],
            [None] * 11,
            ["102", "M.T", "35歳", "武蔵小杉", "PHP 5年、Laravel", "55万", "1月", "正社員", None, None, "開発2部"]]
    path = write_xlsx(tmp_path / "r.xlsx", headers, rows, title="2026年11月 要員一覧")
    report = run(store, path, skill_nlp)
    assert (report.added, report.errors, report.ignored_columns) == (2, [], ["部署"])
    pool = by_id(store)
    ks, mt = pool["101"], pool["102"]
    assert (ks.name, ks.rate, ks.available_from) == ("K.S", 580_000, date(2027, 1, 1))
    assert (ks.employment, ks.chain_distance, ks.note) == ("freelance", 1, "即戦力")
    assert ks.skills == ("TypeScript", "React") and ks.skill_years == {"TypeScript": 4.0}
    assert mt.available_from == date(2027, 2, 1)  # 現案件終了日 1月: available after January
    assert mt.evidence["source"].endswith("5行目")


def test_a_bad_row_is_reported_with_its_line_and_the_rest_imports(store, tmp_path, skill_nlp):
    rows = [ROWS[0],
            ["E009", "X.X", "abc", None, None, None, None, None, None, None, None, None],
            ROWS[1],
            [None, "No.Number", 30, None, None, None, None, None, None, None, None, None],
            ["E010", "Y.Y", 30, None, None, None, "高め", None, None, None, None, None],
            ["E011", "Z.Z", 30, None, None, None, None, "そのうち", None, None, None, None],
            ["E001", "T.K", 32, None, None, None, None, None, None, None, None, None],
            ROWS[2]]
    path = tmp_path / "roster.csv"
    path.write_bytes(csv_text(rows=rows).encode("utf-8"))
    report = run(store, path, skill_nlp)
    assert report.added == 3
    assert [(e.line, e.reason) for e in report.errors] == [
        (3, "年齢 'abc' is not an age (32 or 32歳)"),
        (5, "no 社員番号 (the engineer's number is how re-imports find a row)"),
        (6, "希望単価 '高め' is not a rate (65万, 650000)"),
        (7, "稼働可能日 'そのうち' is not a date (2026/12/1, 12月末, 即日)"),
        (8, "社員番号 E001 is already on line 2"),
    ]
    assert set(by_id(store)) == {"E001", "E002", "E003"}


def test_reimport_updates_by_employee_number(store, tmp_path, skill_nlp):
    first = write_xlsx(tmp_path / "v1.xlsx")
    run(store, first, skill_nlp)
    changed = [list(r) for r in ROWS]
    changed[0][6] = "70万"
    changed[1][5] = "Python（4年）、Django、PostgreSQL、AWS"
    changed.append(["E004", "K.S", 29, "男", "渋谷駅", "Go(3年)", "60万", "2027/1/5", "正社員", "日本", None, None])
    report = run(store, write_xlsx(tmp_path / "v2.xlsx", rows=changed), skill_nlp)
    assert (report.added, report.updated, report.unchanged, report.errors) == (1, 2, 1, [])
    pool = by_id(store)
    assert pool["E001"].rate == 700_000 and pool["E001"].evidence["source"] == "ロスター v2.xlsx 2行目"
    assert pool["E002"].skills == ("Python", "Django", "PostgreSQL", "AWS")
    assert pool["E002"].skill_years == {"Python": 4.0}
    assert len(pool) == 4


def test_a_column_missing_from_the_file_leaves_its_field_alone(store, tmp_path, skill_nlp):
    run(store, write_xlsx(tmp_path / "full.xlsx"), skill_nlp)
    path = tmp_path / "rates.csv"
    path.write_text("社員番号,希望単価\nE001,66万\n", "utf-8")
    report = run(store, path, skill_nlp)
    assert (report.updated, report.unchanged) == (1, 0)
    tk = by_id(store)["E001"]
    assert tk.rate == 660_000 and tk.skills == ("Java", "Spring", "AWS") and tk.nationality == "日本"


def test_dry_run_writes_nothing_and_shows_the_diff(store, tmp_path, skill_nlp):
    run(store, write_xlsx(tmp_path / "v1.xlsx"), skill_nlp)
    before = by_id(store)
    changed = [list(r) for r in ROWS]
    changed[0][6] = "70万"
    changed[2][7] = "2027/2/1"
    changed.append(["E004", "K.S", 29, "男", "渋谷駅", "Go(3年)", "60万", "2027/1/5", "正社員", "日本", None, None])
    report = run(store, write_xlsx(tmp_path / "v2.xlsx", rows=changed), skill_nlp, dry_run=True)
    assert report.dry_run and (report.added, report.updated, report.unchanged) == (1, 2, 1)
    assert [str(c) for c in report.changes] == [
        "E001: rate 650000 → 700000",
        "E003: available_from 2026-12-31 → 2027-02-01",
        "E004: new (K.S)",
    ]
    assert by_id(store) == before


def test_engineers_lists_own_and_partner(store, roster_xlsx, skill_nlp):
    run(store, roster_xlsx, skill_nlp)
    engineers = store.engineers(NOW)
    assert [e.id for e in engineers] == ["E001", "E002", "E003"] and all(e.own for e in engineers)
    assert engineers[0].employment == Employment.EMPLOYEE


def test_no_header_row_is_a_store_error(tmp_path, skill_nlp):
    path = tmp_path / "memo.csv"
    path.write_text("今月の予定\n打ち合わせ,10時\n", "utf-8")
    with pytest.raises(StoreError, match="no header row with a 社員番号 column"):
        read_roster(path, skill_nlp, today=TODAY)


def test_not_a_roster_file(tmp_path, skill_nlp):
    (tmp_path / "r.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(StoreError, match=r"saved as \.xlsx"):
        read_roster(tmp_path / "r.xls", skill_nlp, today=TODAY)
    (tmp_path / "broken.xlsx").write_bytes(b"PK not a zip")
    with pytest.raises(StoreError, match=r"not a readable \.xlsx"):
        read_roster(tmp_path / "broken.xlsx", skill_nlp, today=TODAY)


def test_neither_utf8_nor_cp932(tmp_path, skill_nlp):
    (tmp_path / "r.csv").write_bytes("社員番号,氏名\n".encode() + b"E1,\x81\x7f\xff\n")
    with pytest.raises(StoreError, match="neither UTF-8 nor Shift_JIS"):
        read_roster(tmp_path / "r.csv", skill_nlp, today=TODAY)


def test_sample_roster(store, skill_nlp):
    report = run(store, SAMPLES / "roster_sample.csv", skill_nlp)
    assert (report.added, [e.line for e in report.errors], report.ignored_columns) == (4, [7], ["部署"])
    assert by_id(store)["E003"].chain_distance == 1


def test_a_large_roster_reimport_finds_every_row(store):
    """Past 2,000 numbers the pool is read in one scan instead of by `IN` lists: same outcome."""
    rows = [RosterRow(line=i + 2, employee_no=f"N{i:05d}", name="A.B", rate=500_000) for i in range(2_100)]
    assert store.upsert_roster(rows).added == 2_100
    again = [RosterRow(line=r.line, employee_no=r.employee_no, name="A.B", rate=510_000 if r.line % 2 else 500_000)
             for r in rows]
    report = store.upsert_roster(again, dry_run=True)
    assert (report.added, report.updated, report.unchanged) == (0, 1_050, 1_050)


def test_a_running_number_column_is_not_the_employee_number(store, tmp_path, skill_nlp):
    path = tmp_path / "r.csv"
    path.write_text("No.,社員番号,氏名,イニシャル,単価\n1,E100,,K.S,60万\n2,E200,鈴木 一郎,S.I,55万\n", "utf-8")
    report = run(store, path, skill_nlp)
    assert (report.added, report.errors) == (2, [])
    assert {e.id: e.name for e in by_id(store).values()} == {"E100": "K.S", "E200": "鈴木 一郎"}
