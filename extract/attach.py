"""A talent mail's attached skill sheets, read and merged into its postings (docs/sheets.md).

The reading is `ingest.sheets` (bounded, never raises); the parsing `extract.sheet`; the check
`extract.check`. A single engineer takes every sheet of the mail; several engineers take a sheet
whose file name or 氏名 cell names their initials, and a sheet that names none is left out and
said so in the warnings. The mail's values stay where both say something; the sheet fills what the
mail lacks, and its years count over the mail's ("the sheet is what counts").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Protocol

from hayaoshi.extract.check import check_record
from hayaoshi.extract.model import Posting, PostingKind
from hayaoshi.extract.nlp import SkillNLP
from hayaoshi.extract.normalize import fold
from hayaoshi.extract.sheet import SheetRecord, parse_sheet
from hayaoshi.ingest.sheets import SheetLimits, SheetStatus, SheetText, is_sheet, read_sheet

_LETTERS = re.compile(r"[A-Za-z]+")
# A run of letters joined by `.`, `・` or a space (`T.K`, `R S`); `_`, `-`, `(` end it, so
# `TK_skillsheet` gives TK and skillsheet, and only runs of 2-4 letters count as initials.
_NAME_TOKEN = re.compile(r"[A-Za-z](?:[.・ ]?[A-Za-z])*")


class AttachmentLike(Protocol):
    @property
    def filename(self) -> str | None: ...
    @property
    def content_type(self) -> str: ...
    @property
    def payload(self) -> bytes: ...


def initials(name: str | None) -> str | None:
    """`T.K`, `Ｔ・Ｋ`, `T K` → `TK`; None for a name with no Latin letters (山田太郎)."""
    if not name:
        return None
    letters = "".join(_LETTERS.findall(fold(name))).upper()
    return letters if 1 < len(letters) <= 4 else None


def _names_in(text: str) -> set[str]:
    """Initials a file name or cell may carry (`スキルシート_TK.xlsx`, `経歴書(T.K).pdf`)."""
    stem = fold(text).rsplit(".", 1)[0] if "." in text[-6:] else fold(text)
    out = set()
    for token in _NAME_TOKEN.findall(stem):
        key = "".join(_LETTERS.findall(token)).upper()
        if 1 < len(key) <= 4:
            out.add(key)
    return out


def _owner(talents: list[Posting], text: SheetText, record: SheetRecord | None) -> Posting | None:
    if len(talents) == 1:
        return talents[0]
    said = _names_in(text.filename) | ({initials(record.name)} - {None} if record else set())
    owners = [p for p in talents if initials(p.name) in said]
    return owners[0] if len(owners) == 1 else None


def _merge(posting: Posting, sheet: SheetRecord) -> None:
    """The sheet's values into the posting; the mail keeps what it states, except skill years."""
    for skill in sheet.skills:
        if skill not in posting.skills:
            posting.skills.append(skill)
    if sheet.skill_years:
        posting.skill_years.update(sheet.skill_years)
        years = "、".join(f"{s} {y:g}年" for s, y in sheet.skill_years.items())
        posting.evidence["skill_years"] = f"{sheet.filename}: {years}（職務経歴の期間の和）"
    if sheet.skills and "skills" not in posting.evidence:
        posting.evidence["skills"] = sheet.evidence.get("skills", sheet.quote(""))
    if posting.age is None and sheet.age is not None:
        posting.age, posting.evidence["age"] = sheet.age, sheet.evidence["age"]
    if posting.station is None and sheet.station is not None:
        posting.station, posting.evidence["station"] = sheet.station, sheet.evidence["station"]
    if posting.name is None and sheet.name:
        posting.name = sheet.name
    if sheet.career_years is not None:
        posting.career_years = sheet.career_years
    posting.sheet_skills = list(sheet.skills)


def attach_sheets(postings: Iterable[Posting], attachments: Iterable[AttachmentLike], nlp: SkillNLP,
                  ref: date, limits: SheetLimits | None = None) -> None:
    """Read the mail's sheets into its talent postings: `sheets`, merged values, `warnings`."""
    talents = [p for p in postings if p.kind is PostingKind.TALENT]
    if not talents:
        return
    merged: dict[int, SheetRecord] = {}
    for att in attachments:
        if not is_sheet(att.filename, att.content_type):
            continue
        text = read_sheet(att.filename, att.content_type, att.payload, limits)
        record = parse_sheet(text.rows, text.filename, nlp, ref) if text.status is SheetStatus.READ else None
        owner = _owner(talents, text, record)
        if owner is None:
            for p in talents:
                p.warnings.append(f"添付 {text.filename} がどの要員のスキルシートか分からないため反映していません")
            continue
        owner.sheets.append(text.to_json())
        if text.status is SheetStatus.NO_TEXT:
            owner.warnings.append(
                f"スキルシート {text.filename} は文字のない画像です（{text.reason}）。目で確認してください")
        elif record is None:
            owner.warnings.append(f"スキルシート {text.filename} を読めませんでした（{text.reason}）")
        elif id(owner) in merged:
            owner.warnings.append(f"スキルシートが複数あります。{merged[id(owner)].filename} を反映しました")
        else:
            merged[id(owner)] = record
    for posting in talents:
        sheet = merged.get(id(posting))
        posting.warnings[:0] = check_record(posting, sheet, ref)
        if sheet is not None:
            _merge(posting, sheet)
