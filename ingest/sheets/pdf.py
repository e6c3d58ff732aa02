"""Text out of a PDF with pypdf (pure Python). No OCR: a scan gives `no_text`, never a guess.

An encrypted PDF is tried with the empty password (owner-only protection is common and harmless);
one that needs a password is refused. Each page is a deadline check; a single page's extraction
cannot be interrupted, so the page count is bounded too.
"""

from __future__ import annotations

import io
import logging
import re

from hayaoshi.ingest.sheets.bounds import Deadline, SheetLimits
from hayaoshi.ingest.sheets.model import failed, refused

_CELL_GAP = re.compile(r"\s{2,}|\t")


def read_pdf(payload: bytes, limits: SheetLimits, deadline: Deadline) -> list[tuple[str, ...]]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # it warns on every odd xref
    if not payload.lstrip()[:5].startswith(b"%PDF"):
        raise failed("pdf-broken: no %PDF header")
    try:
        reader = PdfReader(io.BytesIO(payload), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception as err:  # pypdf needs `cryptography` for AES: unreadable either way
                raise refused(f"pdf-encrypted: {type(err).__name__}") from err
            if not opened:
                raise refused("pdf-encrypted: a password is needed to open it")
        pages = reader.pages
        count = len(pages)
    except PdfReadError as err:
        raise failed(f"pdf-broken: {str(err)[:120]}") from err
    rows: list[tuple[str, ...]] = []
    for n in range(min(count, limits.max_pages)):
        deadline.check()
        try:
            text = pages[n].extract_text() or ""
        except Exception as err:  # a broken content stream: the pages read so far still count
            raise failed(f"pdf-broken: page {n + 1}: {type(err).__name__}") from err
        for line in text.splitlines():
            cells = tuple(c.strip() for c in _CELL_GAP.split(line.strip()) if c.strip())
            if cells:
                rows.append(cells)
    return rows
