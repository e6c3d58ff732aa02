"""What reading a sheet gives: its text as rows of cells, or the reason it gave none."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class SheetStatus(enum.StrEnum):
    READ = "read"  # text came out
    NO_TEXT = "no_text"  # opened fine, nothing to read (a scanned PDF): reported, never guessed
    REFUSED = "refused"  # outside the bounds (size, zip bomb, DTD, encryption): not opened further
    FAILED = "failed"  # broken or unsupported (truncated zip, old .xls, a parser error)


@dataclass(frozen=True, slots=True)
class SheetText:
    """A sheet's cells, row by row, in reading order. Merged cells are followed down (docs/sheets.md).

    An xlsx gives one row per spreadsheet row (every worksheet, one after the other), a docx one
    row per table row and one single-cell row per paragraph, a PDF one row per text line, split
    into cells at runs of two or more spaces.
    """

    filename: str
    status: SheetStatus
    reason: str | None = None  # "code: detail", as mail defects are written
    rows: tuple[tuple[str, ...], ...] = ()

    def to_json(self) -> dict[str, str | None]:
        return {"filename": self.filename, "status": str(self.status), "reason": self.reason}


class SheetProblem(Exception):
    """Raised inside a reader; `read_sheet` turns it into a `SheetText` with that status."""

    def __init__(self, status: SheetStatus, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def refused(reason: str) -> SheetProblem:
    return SheetProblem(SheetStatus.REFUSED, reason)


def failed(reason: str) -> SheetProblem:
    return SheetProblem(SheetStatus.FAILED, reason)
