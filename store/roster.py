"""The company's roster (要員一覧) from .xlsx or .csv into `RosterRow`s, and `import_roster`.

Headers are matched after NFKC with spaces and bracketed notes removed (`希望単価（万円）` is
希望単価), from the synonyms Japanese teams use. The header row is the first of the first 20 rows
that names a 社員番号 column and at least one other; a workbook's first sheet with such a row
is read. A row that cannot be read is reported with its line and reason; the others import.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hayaoshi.errors import StoreError
from hayaoshi.extract.normalize import fold
from hayaoshi.store import cells
from hayaoshi.store.model import ROSTER_FIELDS, ImportReport, RosterRow, RowError
from hayaoshi.store.skills import SkillReader
from hayaoshi.store.tables import JST

if TYPE_CHECKING:
    from hayaoshi.extract.nlp import SkillNLP
    from hayaoshi.store.api import StoreLike

# Column → the headers that name it (normalised: NFKC, no spaces, lower case, no brackets).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "employee_no": ("社員番号", "id", "no", "no.", "社員id", "社員no", "社員no.", "社員コード", "従業員番号", "番号"),
    "name": ("氏名", "名前", "イニシャル", "氏名イニシャル", "要員名", "エンジニア名"),
    "age": ("年齢",),
    "gender": ("性別",),
    "station": ("最寄駅", "最寄り駅", "最寄", "最寄り"),
    "skills": ("スキル", "スキル・経験", "スキル経験", "技術", "技術スキル", "主要スキル", "得意スキル", "経験スキル"),
    "rate": ("希望単価", "単価", "希望金額", "単金", "希望単金"),
    "available_from": ("稼働可能日", "稼働開始可能日", "稼働可能時期", "稼働開始日", "参画可能日"),
    "available_end": ("現案件終了日", "終了予定日", "案件終了日", "現場終了日", "終了日"),
    "employment": ("雇用形態", "所属", "契約形態", "雇用区分"),
    "nationality": ("国籍",),
    "japanese_level": ("日本語", "日本語レベル", "日本語能力"),
    "note": ("備考", "コメント", "営業コメント", "メモ", "特記事項"),
}
_BY_HEADER = {h: col for col, names in SYNONYMS.items() for h in names}
_HEADER_ROWS = 20


def header_key(value: Any) -> str:
    text = unicodedata.normalize("NFKC", str(value or ""))
    text = re.sub(r"[(\[【<][^)\]】>]*[)\]】>]", "", text)
    return re.sub(r"[\s*※:]", "", text).lower()


@dataclass(frozen=True, slots=True)
class Header:
    line: int
    # Column name → cell indexes, best header first: a field takes the first non-empty cell (備考
    # columns are all joined).
    columns: dict[str, list[int]]
    names: list[str]  # the headers as written
    ignored: list[str]


def find_header(rows: Sequence[tuple[int, Sequence[Any]]]) -> Header | None:
    for line, cells_ in rows:
        columns: dict[str, list[int]] = {}
        ignored: list[str] = []
        for i, value in enumerate(cells_):
            col = _BY_HEADER.get(header_key(value))
            if col:
                columns.setdefault(col, []).append(i)
            elif value not in (None, ""):
                ignored.append(str(value).strip())
        if "employee_no" in columns and len(columns) >= 2:
            # Several columns for one field: the most specific header first (社員番号 before a
            # running `No.`); only one column is the engineer's number.
            for col, indexes in columns.items():
                indexes.sort(key=lambda i: SYNONYMS[col].index(header_key(cells_[i])))
            columns["employee_no"] = columns["employee_no"][:1]
            return Header(line, columns, [str(v or "").strip() for v in cells_], ignored)
    return None


# ---------------------------------------------------------------- files into rows of cells


def _xlsx_roster(path: Path) -> tuple[Header, list[tuple[int, Sequence[Any]]]] | None:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises zipfile, KeyError, InvalidFileException...
        raise StoreError(f"{path}: not a readable .xlsx workbook ({err})") from err
    try:
        for sheet in book.worksheets:
            found = _split(enumerate(sheet.iter_rows(values_only=True), start=1))
            if found is not None:
                return found
        return None
    finally:
        book.close()


def _split(rows: Iterator[tuple[int, Sequence[Any]]]) -> tuple[Header, list[tuple[int, Sequence[Any]]]] | None:
    """The header among the first rows, and every row after it; None when there is none."""
    for n, (line, row) in enumerate(rows):
        header = find_header([(line, row)])
        if header is not None:
            return header, list(rows)
        if n + 1 >= _HEADER_ROWS:
            return None
    return None


def decode_csv(raw: bytes, where: str) -> str:
    """UTF-8 (with or without BOM), else cp932 as Excel saves it; never a lossy decode."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp932")
    except UnicodeDecodeError as err:
        raise StoreError(f"{where}: neither UTF-8 nor Shift_JIS (cp932) at byte {err.start}") from err


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise StoreError(f"cannot read {path}: {err}") from err
    text = decode_csv(raw, str(path))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise StoreError(f"{path} line {line}: {err}") from err
        yield line, row


def roster_rows(path: Path) -> tuple[Header, list[tuple[int, Sequence[Any]]]]:
    """The header and the data rows (with their line numbers) of the first sheet that has one."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        found = _xlsx_roster(path)
    elif suffix in (".csv", ".tsv", ".txt"):
        found = _split(_csv_rows(path))
    else:
        raise StoreError(f"{path}: a roster is .xlsx or .csv (an .xls must be saved as .xlsx first)")
    if found is None:
        wanted = "、".join(SYNONYMS["employee_no"][:4])
        raise StoreError(f"{path}: no header row with a 社員番号 column ({wanted}) and another known column "
                         f"in the first {_HEADER_ROWS} rows")
    return found


# ---------------------------------------------------------------- rows of cells into RosterRows


def _cell(row: Sequence[Any], indexes: list[int] | None) -> Any:
    if not indexes:
        return None
    for i in indexes:
        value = row[i] if i < len(row) else None
        if value not in (None, ""):
            return value
    return None


def _note(row: Sequence[Any], indexes: list[int]) -> str | None:
    parts = [str(row[i]).strip() for i in indexes if i < len(row) and row[i] not in (None, "")]
    return cells.parse_text(" / ".join(p for p in parts if p))


_PARSERS = {
    "age": cells.parse_age,
    "gender": cells.parse_gender,
    "station": cells.parse_station,
    "rate": cells.parse_rate_cell,
    "nationality": cells.parse_nationality,
    "japanese_level": cells.parse_japanese,
}


def _fields_of(header: Header) -> tuple[str, ...]:
    cols = header.columns
    present = {c for c in cols if c in ROSTER_FIELDS}
    if "skills" in cols:
        present.add("skill_years")
    if "available_end" in cols:
        present.add("available_from")
    if "employment" in cols:
        present.add("chain_distance")
    return tuple(f for f in ROSTER_FIELDS if f in present)


def read_roster(path: Path, nlp: SkillNLP, *, today: date | None = None,
                ) -> tuple[list[RosterRow], list[RowError], list[str]]:
    """(rows, rows that could not be read, headers not recognised)."""
    today = today or datetime.now(tz=JST).date()
    header, data = roster_rows(path)
    cols = header.columns
    fields = _fields_of(header)
    label = {col: header.names[idx[0]] for col, idx in cols.items()}
    raw_rows: list[tuple[int, Sequence[Any]]] = []
    for line, row in data:
        if any(v not in (None, "") and str(v).strip() for v in row):
            raw_rows.append((line, row))
    skill_texts = [fold(str(_cell(r, cols.get("skills")) or "")).strip() for _, r in raw_rows]
    skills = SkillReader(nlp).read(skill_texts) if "skills" in cols else {}
    rows: list[RosterRow] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    for (line, row), skill_text in zip(raw_rows, skill_texts, strict=True):
        try:
            rows.append(_row(path, line, row, cols, label, fields, skills.get(skill_text), skill_text,
                             today, seen))
        except cells.CellError as err:
            errors.append(RowError(line, str(err)))
    return rows, errors, header.ignored


def _row(path: Path, line: int, row: Sequence[Any], cols: dict[str, list[int]], label: dict[str, str],
         fields: tuple[str, ...], skills: tuple[tuple[str, ...], dict[str, float]] | None, skill_text: str,
         today: date, seen: dict[str, int]) -> RosterRow:
    def read(col: str, parse: Any, *args: Any, **kwargs: Any) -> Any:
        value = _cell(row, cols.get(col))
        try:
            return parse(value, *args, **kwargs)
        except cells.CellError as err:
            raise cells.CellError(f"{label[col]} {str(value).strip()!r} {err}") from err

    number = read("employee_no", cells.parse_employee_no)
    if number is None:
        raise cells.CellError(f"no {label['employee_no']} (the engineer's number is how re-imports find a row)")
    if number in seen:
        raise cells.CellError(f"{label['employee_no']} {number} is already on line {seen[number]}")
    seen[number] = line
    values: dict[str, Any] = {col: read(col, parse) for col, parse in _PARSERS.items() if col in cols}
    available = read("available_from", cells.parse_date_cell, today) if "available_from" in cols else None
    if available is None and "available_end" in cols:
        available = read("available_end", cells.parse_date_cell, today, end=True)
    employment, distance = read("employment", cells.parse_employment) if "employment" in cols else (None, 0)
    names, years = skills or ((), {})
    evidence = {"source": f"ロスター {path.name} {line}行目"}
    for col, field in (("skills", "skills"), ("rate", "rate"), ("available_from", "available_from"),
                       ("available_end", "available_from"), ("employment", "employment"), ("age", "age"),
                       ("station", "station"), ("nationality", "nationality"),
                       ("japanese_level", "japanese_level"), ("gender", "gender")):
        value = _cell(row, cols.get(col))
        if value not in (None, "") and field not in evidence:
            shown = value.date().isoformat() if isinstance(value, datetime) else str(value).strip()
            evidence[field] = f"ロスター {line}行目 {label[col]}: {shown[:80]}"
    return RosterRow(
        line=line,
        employee_no=number,
        name=cells.parse_text(_cell(row, cols.get("name")), 255) or "",
        skills=names,
        skill_years=years if skill_text else {},
        available_from=available,
        employment=employment,
        chain_distance=distance,
        note=_note(row, cols["note"]) if "note" in cols else None,
        evidence=evidence,
        fields=fields,
        **values,
    )


def import_roster(store: StoreLike, path: Path, *, dry_run: bool, nlp: SkillNLP | None = None,
                  today: date | None = None) -> ImportReport:
    """Read the roster at `path` and add or update the pool; `dry_run` only reports."""
    if nlp is None:
        from hayaoshi.extract.nlp import SkillNLP
        from hayaoshi.extract.taxonomy import load_taxonomy

        nlp = SkillNLP(load_taxonomy())
    rows, errors, ignored = read_roster(Path(path), nlp, today=today)
    report = store.upsert_roster(rows, dry_run=dry_run)
    report.errors = sorted(errors + report.errors, key=lambda e: e.line)
    report.ignored_columns = ignored
    return report
