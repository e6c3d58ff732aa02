"""Skill sheets written for the tests and the bench: the common layouts, made with openpyxl and
python-docx at test time (nothing binary to review in git, except the hand-made PDFs in
tests/samples/sheets/).

The engineer T.K: 32歳, 大宮, Java across three projects (two overlapping) and Python in one.
"""

from __future__ import annotations

import io
import zipfile

HISTORY = (
    # (期間, 業務内容, 役割, 工程, 言語・環境)
    ("2016年4月～2019年3月", "物流会社向け 配送管理システム開発", "PG", "製造、単体テスト", "Java、Oracle"),
    ("2019年4月～2022年3月", "保険会社向け 契約管理システム刷新", "SE", "基本設計、詳細設計、製造",
     "Java、Spring Boot、PostgreSQL"),
    ("2021年10月～現在", "EC サイトの在庫連携バッチ", "PL", "要件定義、基本設計", "Python、AWS、Java"),
)
HEADER = (("氏名", "T.K"), ("年齢", "32歳"), ("最寄駅", "JR京浜東北線 大宮駅"),
          ("資格", "基本情報技術者、AWS SAA"))


def vertical_xlsx() -> bytes:
    """縦型: a header block, then a history table whose 期間 cell is merged over three rows."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "スキルシート"
    ws.append(["スキルシート"])
    for label, value in HEADER:
        ws.append([label, value])
    ws.append([])
    ws.append(["No", "期間", "業務内容", "役割", "工程", "言語・環境"])
    for n, (period, work, role, phases, env) in enumerate(HISTORY, start=1):
        top = ws.max_row + 1
        ws.append([n, period, work, role, phases, env])
        ws.append([None, None, "チーム5名", None, None, None])
        ws.append([None, None, "顧客との調整", None, None, None])
        ws.merge_cells(start_row=top, start_column=2, end_row=top + 2, end_column=2)
        ws.merge_cells(start_row=top, start_column=1, end_row=top + 2, end_column=1)
    ws.append(["自己PR", "Java と Go の勉強中です"])
    return _save(wb)


def horizontal_xlsx() -> bytes:
    """横型: the header labels in one row, one row per project with start and end in two columns."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["氏名", "T.K", "年齢", "32", "最寄り駅", "大宮"])
    ws.append(["開始", "終了", "案件", "言語", "役割", "工程"])
    for period, work, role, phases, env in HISTORY:
        start, _, end = period.partition("～")
        ws.append([start, end, work, env, role, phases])
    return _save(wb)


def table_docx() -> bytes:
    """A Word sheet: the header as paragraphs, the history as a table with vertically merged 期間."""
    import docx

    doc = docx.Document()
    doc.add_heading("業務経歴書", level=1)
    for label, value in HEADER:
        doc.add_paragraph(f"{label}：{value}")
    table = doc.add_table(rows=1 + 2 * len(HISTORY), cols=5)
    for i, head in enumerate(("期間", "業務内容", "役割", "工程", "言語・環境")):
        table.cell(0, i).text = head
    for n, row in enumerate(HISTORY):
        top = 1 + 2 * n
        for i, value in enumerate(row):
            table.cell(top, i).text = value
        table.cell(top + 1, 1).text = "チーム5名"
        table.cell(top, 0).merge(table.cell(top + 1, 0))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _save(wb) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------- hostile files


def bomb_xlsx(expanded: int = 256 << 20) -> bytes:
    """A valid-looking xlsx whose sheet XML expands to `expanded` bytes (256 MiB from 260 KB: four
    times the unzipped limit, a ratio of 1,000; 1 GiB works the same and takes 6 s to make)."""
    good = zipfile.ZipFile(io.BytesIO(vertical_xlsx()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in good.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                with out.open(info.filename, "w", force_zip64=True) as fh:
                    fh.write(b'<?xml version="1.0"?><worksheet><sheetData>')
                    chunk = b" " * (1 << 20)
                    for _ in range(expanded >> 20):
                        fh.write(chunk)
                    fh.write(b"</sheetData></worksheet>")
            else:
                out.writestr(info, good.read(info.filename))
    return buf.getvalue()


def truncated_xlsx() -> bytes:
    data = vertical_xlsx()
    return data[: len(data) // 2]


def entity_docx() -> bytes:
    """A docx whose document.xml declares entities (the billion laughs shape, kept small)."""
    good = zipfile.ZipFile(io.BytesIO(table_docx()))
    evil = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b"<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in good.infolist():
            out.writestr(info, evil if info.filename == "word/document.xml" else good.read(info.filename))
    return buf.getvalue()


def huge_sheet(size: int = 50 * 1024 * 1024) -> bytes:
    """50 MB of bytes named .xlsx: refused on its size before anything opens it."""
    return b"PK\x03\x04" + b"\x00" * (size - 4)
