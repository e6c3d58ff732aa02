"""Bounds against hostile attachments, checked before a parser touches the bytes.

A sheet comes from outside: a partner's mail, or anyone who can write to the team mailbox. The
payload size is checked first; a zip container (xlsx, docx) is judged by its central directory
(entry count, declared sizes, compression ratio) before openpyxl or the XML parser read it; XML
with a DOCTYPE is refused (no entity expansion, no external entities). Time is bounded by a
deadline that the row and page loops check: the daemon runs parsers in threads, so no signals.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from hayaoshi.ingest.sheets.model import failed, refused

_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_XML_HEAD = 4096  # a DOCTYPE must come before the root element: the head of the entry is enough


@dataclass(frozen=True, slots=True)
class SheetLimits:
    max_bytes: int = 10 * 1024 * 1024  # the attachment itself
    max_entries: int = 1_000  # files inside an xlsx / docx
    max_unzipped: int = 64 * 1024 * 1024  # the sum of the declared uncompressed sizes
    max_ratio: int = 100  # uncompressed / compressed, per entry larger than 1 MB
    max_cells: int = 200_000  # cells read from a workbook
    max_pages: int = 50  # PDF pages read
    max_seconds: float = 5.0  # per file, checked between rows / pages


_RATIO_FLOOR = 1024 * 1024  # small entries compress well legitimately (empty styles, shared strings)


class Deadline:
    """The time budget of one file; `check()` raises a refusal once it is spent."""

    __slots__ = ("_clock", "_end", "_seconds")

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._seconds = seconds
        self._end = clock() + seconds

    def check(self) -> None:
        if self._clock() > self._end:
            raise refused(f"time-limit: gave up after {self._seconds:g} s")


def check_size(payload: bytes, limits: SheetLimits) -> None:
    if len(payload) > limits.max_bytes:
        raise refused(f"too-large: {len(payload):,} bytes (limit {limits.max_bytes:,})")


def open_zip(payload: bytes, limits: SheetLimits, kind: str) -> zipfile.ZipFile:
    """The container, after its central directory passed the bounds (nothing decompressed yet)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(payload))
        infos = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError) as err:
        raise failed(f"{kind}-broken: not a complete zip file ({err})") from err
    if len(infos) > limits.max_entries:
        raise refused(f"zip-entries: {len(infos):,} files inside (limit {limits.max_entries:,})")
    total = sum(i.file_size for i in infos)
    if total > limits.max_unzipped:
        raise refused(f"zip-bomb: expands to {total:,} bytes (limit {limits.max_unzipped:,})")
    for info in infos:
        if info.file_size > _RATIO_FLOOR and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise refused(f"zip-bomb: {info.filename} expands {info.file_size // max(info.compress_size, 1):,}×")
        if info.flag_bits & 0x1:
            raise refused(f"{kind}-encrypted: {info.filename} is encrypted")
    return archive


def read_entry(archive: zipfile.ZipFile, name: str, kind: str) -> bytes:
    """An entry's bytes (the declared size was bounded; a lying header fails the CRC check)."""
    try:
        return archive.read(name)
    except KeyError as err:
        raise failed(f"{kind}-broken: no {name} inside") from err
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as err:
        raise failed(f"{kind}-broken: {name}: {err}") from err


def refuse_dtd(archive: zipfile.ZipFile, kind: str) -> None:
    """Every XML entry's head is looked at: a DOCTYPE or ENTITY declaration is refused."""
    for info in archive.infolist():
        if not info.filename.endswith((".xml", ".rels")):
            continue
        try:
            with archive.open(info) as fh:
                head = fh.read(_XML_HEAD)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as err:
            raise failed(f"{kind}-broken: {info.filename}: {err}") from err
        if _DOCTYPE.search(head):
            raise refused(f"xml-dtd: {info.filename} declares a DOCTYPE or entities")
