"""Skill sheet attachments (xlsx, docx, pdf) to rows of text, inside bounds: see docs/sheets.md.

`read_sheet` never raises for a bad file: every outcome is a `SheetText` whose status is
read / no_text / refused / failed, with a "code: detail" reason, so the mail is processed anyway.
"""

from __future__ import annotations

import logging

from hayaoshi.ingest.sheets.bounds import Deadline, SheetLimits, check_size
from hayaoshi.ingest.sheets.model import SheetProblem, SheetStatus, SheetText

logger = logging.getLogger(__name__)

__all__ = ["SheetLimits", "SheetStatus", "SheetText", "is_sheet", "read_sheet", "sheet_format"]

_BY_SUFFIX = {".xlsx": "xlsx", ".xlsm": "xlsx", ".docx": "docx", ".pdf": "pdf", ".xls": "xls", ".doc": "doc"}
_BY_TYPE = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.ms-excel.sheet.macroenabled.12": "xlsx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/pdf": "pdf",
    "application/vnd.ms-excel": "xls",
    "application/msword": "doc",
}
_OLD = {
    "xls": "xls: old Excel format not read; ask for .xlsx",
    "doc": "doc: old Word format not read; ask for .docx",
}


def sheet_format(filename: str | None, content_type: str) -> str | None:
    """xlsx / docx / pdf / xls / doc by the file name's suffix, else by the MIME type; None: not a sheet."""
    name = (filename or "").lower().strip()
    for suffix, kind in _BY_SUFFIX.items():
        if name.endswith(suffix):
            return kind
    return _BY_TYPE.get(content_type.lower().split(";")[0].strip())


def is_sheet(filename: str | None, content_type: str) -> bool:
    return sheet_format(filename, content_type) is not None


def read_sheet(filename: str | None, content_type: str, payload: bytes,
               limits: SheetLimits | None = None) -> SheetText:
    """The sheet's rows, or the reason there are none. Safe on any bytes."""
    limits = limits or SheetLimits()
    name = filename or "(名前なし)"
    kind = sheet_format(filename, content_type)
    try:
        check_size(payload, limits)
        if kind is None:
            return SheetText(name, SheetStatus.FAILED, f"not-a-sheet: {content_type}")
        if kind in _OLD:
            return SheetText(name, SheetStatus.FAILED, _OLD[kind])
        deadline = Deadline(limits.max_seconds)
        if kind == "xlsx":
            from hayaoshi.ingest.sheets.xlsx import read_xlsx

            rows = read_xlsx(payload, limits, deadline)
        elif kind == "docx":
            from hayaoshi.ingest.sheets.docx import read_docx

            rows = read_docx(payload, limits, deadline)
        else:
            from hayaoshi.ingest.sheets.pdf import read_pdf

            rows = read_pdf(payload, limits, deadline)
    except SheetProblem as problem:
        logger.info("sheet %s: %s", kind, problem.reason)
        return SheetText(name, problem.status, problem.reason)
    except Exception as err:  # a parser's own bug (or MemoryError, RecursionError) must not stop the mail
        logger.warning("sheet %s: %s", kind, type(err).__name__)
        return SheetText(name, SheetStatus.FAILED, f"{kind}-error: {type(err).__name__}: {str(err)[:120]}")
    if not any(cell for row in rows for cell in row):
        return SheetText(name, SheetStatus.NO_TEXT, f"{kind}-no-text: no text layer (a scan?); not read")
    return SheetText(name, SheetStatus.READ, None, tuple(rows))
