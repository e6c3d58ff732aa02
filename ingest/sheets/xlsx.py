"""Cells out of an .xlsx with openpyxl (read-only: rows are streamed, never a whole workbook).

openpyxl's read-only worksheets do not report merged ranges, so the `<mergeCell ref=…>` list is
read from the worksheet XML here; a merged range's value is followed down its first column (a
history table merges 期間 over the rows of one project). The container has passed
`bounds.open_zip` and `bounds.refuse_dtd` before openpyxl sees it; openpyxl itself parses with
defusedxml when it is installed (a dependency of this project).
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime

from hayaoshi.ingest.sheets.bounds import Deadline, SheetLimits, open_zip, refuse_dtd
from hayaoshi.ingest.sheets.model import failed, refused

_MERGE = re.compile(rb'<mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters.decode("ascii"):
        n = n * 26 + ord(ch) - 64
    return n


def _merged(archive: zipfile.ZipFile, path: str) -> dict[tuple[int, int], tuple[int, int]]:
    """(row, col) of each covered cell in a merge's first column → the range's top-left cell."""
    follow: dict[tuple[int, int], tuple[int, int]] = {}
    try:
        data = archive.read(path.lstrip("/"))
    except KeyError:
        return follow
    for m in _MERGE.finditer(data):
        c1, r1, r2 = _col(m.group(1)), int(m.group(2)), int(m.group(4))
        for row in range(r1 + 1, min(r2, r1 + 1000) + 1):
            follow[(row, c1)] = (r1, c1)
    return follow


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_xlsx(payload: bytes, limits: SheetLimits, deadline: Deadline) -> list[tuple[str, ...]]:
    import openpyxl  # imported on first sheet, not at start-up

    archive = open_zip(payload, limits, "xlsx")
    refuse_dtd(archive, "xlsx")
    try:
        book = openpyxl.load_workbook(io.BytesIO(payload), read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises anything from KeyError to its own InvalidFileException
        raise failed(f"xlsx-broken: {type(err).__name__}: {str(err)[:120]}") from err
    rows: list[tuple[str, ...]] = []
    cells = 0
    try:
        for sheet in book.worksheets:
            follow = _merged(archive, getattr(sheet, "_worksheet_path", ""))
            seen: dict[tuple[int, int], str] = {}
            for r, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                deadline.check()
                cells += len(values)
                if cells > limits.max_cells:
                    raise refused(f"too-many-cells: more than {limits.max_cells:,} cells")
                row = []
                for c, value in enumerate(values, start=1):
                    text = _text(value)
                    if not text and (r, c) in follow:
                        text = seen.get(follow[(r, c)], "")
                    if (r + 1, c) in follow and follow[(r + 1, c)] == (r, c):
                        seen[(r, c)] = text  # the top-left of a merged range
                    row.append(text)
                while row and not row[-1]:
                    row.pop()
                if row:
                    rows.append(tuple(row))
    finally:
        book.close()
    return rows
