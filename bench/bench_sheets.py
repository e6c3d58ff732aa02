"""`make bench` for skill sheets: sheets per second for each format, read alone and read + parsed.

Usage: python bench/bench_sheets.py [--seconds 2]
The xlsx and docx sheets are the test fixtures (tests/sheet_factory.py); the PDFs are the
hand-made ones in tests/samples/sheets/. Prints a Markdown table, for the closing note of an issue.
"""

from __future__ import annotations

import argparse
import platform
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from hayaoshi.extract.nlp import SkillNLP
from hayaoshi.extract.sheet import parse_sheet
from hayaoshi.extract.taxonomy import load_taxonomy
from hayaoshi.ingest.sheets import SheetStatus, read_sheet
from hayaoshi.tests import sheet_factory as make

ROOT = Path(__file__).resolve().parent.parent
PDFS = ROOT / "tests" / "samples" / "sheets"
MAIL_DATE = date(2026, 11, 29)


def rate(samples: list[tuple[str, bytes]], work: Callable[[str, bytes], object], seconds: float) -> float:
    """Sheets per second over at least `seconds` of repeated work."""
    done, t0 = 0, time.perf_counter()
    while True:
        for name, data in samples:
            work(name, data)
        done += len(samples)
        elapsed = time.perf_counter() - t0
        if elapsed >= seconds:
            return done / elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=2.0)
    ns = ap.parse_args()
    nlp = SkillNLP(load_taxonomy())
    formats = {
        "xlsx (縦型 merged + 横型)": [("v.xlsx", make.vertical_xlsx()), ("h.xlsx", make.horizontal_xlsx())],
        "docx (table)": [("t.docx", make.table_docx())],
        "pdf (Japanese + Latin)": [(p.name, p.read_bytes()) for p in (PDFS / "keirekisho_tk.pdf",
                                                                      PDFS / "resume_latin.pdf")],
        "refused: 256 MiB xlsx bomb": [("bomb.xlsx", make.bomb_xlsx())],
    }

    def read(name: str, data: bytes) -> object:
        return read_sheet(name, "", data)

    def read_parse(name: str, data: bytes) -> object:
        sheet = read_sheet(name, "", data)
        return parse_sheet(sheet.rows, name, nlp, MAIL_DATE) if sheet.status is SheetStatus.READ else sheet

    print(f"machine: {platform.processor() or platform.machine()}, python {platform.python_version()}\n")
    print("| format | bytes | sheets/s read | sheets/s read + parse | ms a sheet (read + parse) |")
    print("|---|---|---|---|---|")
    for label, samples in formats.items():
        read_parse(*samples[0])  # warm: first imports of openpyxl / pypdf
        size = sum(len(d) for _, d in samples) // len(samples)
        r = rate(samples, read, ns.seconds)
        rp = rate(samples, read_parse, ns.seconds)
        print(f"| {label} | {size:,} | {r:,.0f} | {rp:,.0f} | {1000 / rp:.1f} |")


if __name__ == "__main__":
    main()
