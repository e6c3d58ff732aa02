"""Reading sheet attachments: every format gives rows, every hostile file a status and a reason."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from hayaoshi.ingest.sheets import SheetLimits, SheetStatus, read_sheet, sheet_format
from hayaoshi.ingest.sheets.bounds import Deadline
from hayaoshi.ingest.sheets.model import SheetProblem
from hayaoshi.tests import sheet_factory as make

pytestmark = pytest.mark.unit
PDFS = Path(__file__).parent / "samples" / "sheets"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.mark.parametrize(
    ("name", "ctype", "kind"),
    [("スキルシート_TK.xlsx", "", "xlsx"), ("a.XLSX", "application/octet-stream", "xlsx"),
     ("経歴書.docx", "", "docx"), ("sheet.pdf", "", "pdf"), (None, "application/pdf", "pdf"),
     ("old.xls", "", "xls"), ("photo.png", "image/png", None), (None, XLSX, "xlsx")],
    ids=["xlsx", "upper-case", "docx", "pdf", "pdf-by-type", "xls", "image", "xlsx-by-type"],
)
def test_the_format_comes_from_the_name_else_the_type(name, ctype, kind):
    assert sheet_format(name, ctype) == kind


def test_merged_cells_are_followed_down_their_column():
    """GIVEN a history table whose 期間 cell is merged over a project's three rows WHEN read
    THEN every row of the project carries the period."""
    sheet = read_sheet("v.xlsx", XLSX, make.vertical_xlsx())
    assert sheet.status is SheetStatus.READ and sheet.reason is None
    rows = [r for r in sheet.rows if "チーム5名" in r]
    assert [r[1] for r in rows] == ["2016年4月～2019年3月", "2019年4月～2022年3月", "2021年10月～現在"]
    assert ("氏名", "T.K") in sheet.rows


def test_docx_tables_and_paragraphs_become_rows():
    sheet = read_sheet("経歴書.docx", "", make.table_docx())
    assert sheet.status is SheetStatus.READ
    assert ("年齢：32歳",) in sheet.rows
    continued = [r for r in sheet.rows if r[1:2] == ("チーム5名",)]
    assert [r[0] for r in continued][:1] == ["2016年4月～2019年3月"]  # vMerge followed


def test_a_japanese_pdf_reads_line_by_line_split_into_cells():
    sheet = read_sheet("keirekisho_tk.pdf", "application/pdf", (PDFS / "keirekisho_tk.pdf").read_bytes())
    assert sheet.status is SheetStatus.READ
    row = ("H30.4～R3.3", "証券会社向け 取引システム更改", "PL", "要件定義、基本設計", "Java、Spring、AWS")
    assert row in sheet.rows


@pytest.mark.parametrize(
    ("name", "data", "status", "code"),
    [
        ("bomb.xlsx", lambda: make.bomb_xlsx(), SheetStatus.REFUSED, "zip-bomb"),
        ("half.xlsx", lambda: make.truncated_xlsx(), SheetStatus.FAILED, "xlsx-broken"),
        ("entities.docx", lambda: make.entity_docx(), SheetStatus.REFUSED, "xml-dtd"),
        ("huge.xlsx", lambda: make.huge_sheet(), SheetStatus.REFUSED, "too-large"),
        ("encrypted.pdf", lambda: (PDFS / "encrypted.pdf").read_bytes(), SheetStatus.REFUSED, "pdf-encrypted"),
        ("scan_no_text.pdf", lambda: (PDFS / "scan_no_text.pdf").read_bytes(), SheetStatus.NO_TEXT, "pdf-no-text"),
        ("old.xls", lambda: b"\xd0\xcf\x11\xe0", SheetStatus.FAILED, "xls"),
        ("fake.pdf", lambda: b"GIF89a", SheetStatus.FAILED, "pdf-broken"),
        ("cut.pdf", lambda: (PDFS / "keirekisho_tk.pdf").read_bytes()[:4000], SheetStatus.FAILED, "pdf-"),
        ("empty.docx", lambda: b"", SheetStatus.FAILED, "docx-broken"),
    ],
    ids=["xlsx-bomb", "truncated-zip", "docx-entities", "50MB", "encrypted-pdf", "scan", "xls", "not-a-pdf",
         "truncated-pdf", "empty"],
)
def test_hostile_and_broken_files_get_a_status_and_a_reason(name, data, status, code):
    sheet = read_sheet(name, "", data())
    assert sheet.status is status, sheet.reason
    assert sheet.reason and sheet.reason.startswith(code) and sheet.rows == ()
    assert sheet.to_json() == {"filename": name, "status": str(status), "reason": sheet.reason}


def _zip(entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as out:
        for name, data in entries.items():
            out.writestr(name, data)
    return buf.getvalue()


def test_the_zip_directory_is_judged_before_anything_is_unpacked():
    many = _zip({f"x/{n}.xml": b"<a/>" for n in range(50)})
    assert read_sheet("m.xlsx", "", many, SheetLimits(max_entries=20)).reason.startswith("zip-entries")
    ratio = _zip({"xl/worksheets/sheet1.xml": b"<a>" + b"0" * (4 << 20) + b"</a>"})
    assert read_sheet("r.xlsx", "", ratio).reason.startswith("zip-bomb: xl/worksheets/sheet1.xml expands")


def test_the_size_limit_is_checked_before_opening():
    assert read_sheet("v.xlsx", "", make.vertical_xlsx(), SheetLimits(max_bytes=1000)).status is SheetStatus.REFUSED


def test_a_cell_cap_and_a_deadline_bound_the_work():
    assert read_sheet("v.xlsx", "", make.vertical_xlsx(), SheetLimits(max_cells=10)).reason.startswith(
        "too-many-cells")
    ticks = iter([0.0, 0.0, 10.0])
    deadline = Deadline(5.0, clock=lambda: next(ticks))
    deadline.check()
    with pytest.raises(SheetProblem, match="time-limit"):
        deadline.check()
