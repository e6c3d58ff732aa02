"""Text out of a .docx: `word/document.xml` parsed with defusedxml, tables row by row.

A table cell continued from above (`<w:vMerge/>` without `restart`) takes the text of the cell
above it in the same grid column, as merged cells are followed in xlsx.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from hayaoshi.ingest.sheets.bounds import Deadline, SheetLimits, open_zip, read_entry, refuse_dtd
from hayaoshi.ingest.sheets.model import failed, refused

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _para_text(p: Element) -> str:
    parts = []
    for node in p.iter():
        if node.tag == f"{W}t" and node.text:
            parts.append(node.text)
        elif node.tag in (f"{W}tab", f"{W}br"):
            parts.append(" ")
    return "".join(parts).strip()


def _cell_text(tc: Element) -> str:
    return "\n".join(t for t in (_para_text(p) for p in tc.iter(f"{W}p")) if t)


def _table_rows(tbl: Element, deadline: Deadline) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    above: dict[int, str] = {}
    for tr in tbl.findall(f"{W}tr"):
        deadline.check()
        row: list[str] = []
        col = 0
        for tc in tr.findall(f"{W}tc"):
            props = tc.find(f"{W}tcPr")
            span, continued = 1, False
            if props is not None:
                grid = props.find(f"{W}gridSpan")
                if grid is not None and (grid.get(f"{W}val") or "").isdigit():
                    span = max(1, min(int(grid.get(f"{W}val") or 1), 64))
                merge = props.find(f"{W}vMerge")
                continued = merge is not None and merge.get(f"{W}val") != "restart"
            text = above.get(col, "") if continued else _cell_text(tc)
            above[col] = text
            row.append(text)
            col += span
        while row and not row[-1]:
            row.pop()
        if row:
            rows.append(tuple(row))
    return rows


def read_docx(payload: bytes, limits: SheetLimits, deadline: Deadline) -> list[tuple[str, ...]]:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    archive = open_zip(payload, limits, "docx")
    refuse_dtd(archive, "docx")
    data = read_entry(archive, "word/document.xml", "docx")
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as err:
        raise refused(f"xml-dtd: word/document.xml: {type(err).__name__}") from err
    except ParseError as err:
        raise failed(f"docx-broken: word/document.xml: {err}") from err
    body = root.find(f"{W}body")
    rows: list[tuple[str, ...]] = []
    for child in body if body is not None else ():
        deadline.check()
        if child.tag == f"{W}p":
            text = _para_text(child)
            if text:
                rows.append((text,))
        elif child.tag == f"{W}tbl":
            rows.extend(_table_rows(child, deadline))
        if len(rows) > limits.max_cells:
            raise refused(f"too-many-cells: more than {limits.max_cells:,} rows")
    return rows
