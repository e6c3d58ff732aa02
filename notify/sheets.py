"""Skill sheets to attach to a proposal: our engineers' from a folder, a partner's from their mail.

Our own engineers' sheets sit in `drafts.skill_sheet_dir`, named by 社員番号 (`E001.xlsx`,
`E001_T.K.pdf`). A partner's engineer came in a 人材 mail, usually with the sheet attached: that
mail is found again in the mailbox by its Message-ID and its sheet attachments are taken.
"""

from __future__ import annotations

import logging
import mimetypes
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hayaoshi.errors import IngestError, MailRejected
from hayaoshi.ingest.decode import decode_message
from hayaoshi.ingest.mailbox import Mailbox, MailboxError
from hayaoshi.match.model import Engineer
from hayaoshi.store.convert import PARTNER_PREFIX
from hayaoshi.store.drafts import DraftStore

logger = logging.getLogger(__name__)

SHEET_SUFFIXES = (".xlsx", ".xls", ".xlsm", ".pdf", ".docx", ".doc")
MAX_BYTES = 10 * 1024 * 1024  # per draft: a mail server refuses much more, a client reads it slowly


@dataclass(frozen=True, slots=True)
class Sheet:
    filename: str
    content_type: str
    payload: bytes = field(repr=False)


def _is_sheet(name: str | None) -> bool:
    return bool(name) and Path(name.lower()).suffix in SHEET_SUFFIXES


def _key(text: str) -> str:
    return re.sub(r"[\s._・．/／-]", "", unicodedata.normalize("NFKC", text)).lower()


class SkillSheets:
    """Finds the sheets of the engineers a draft proposes; failures only leave a sheet out."""

    def __init__(self, directory: str | Path | None = None, mailbox: Mailbox | None = None,
                 drafts: DraftStore | None = None, *, max_bytes: int = MAX_BYTES) -> None:
        self.directory = Path(directory).expanduser() if directory else None
        self.mailbox, self.drafts, self.max_bytes = mailbox, drafts, max_bytes

    def for_engineers(self, engineers: Sequence[Engineer]) -> dict[str, list[Sheet]]:
        out: dict[str, list[Sheet]] = {}
        budget = self.max_bytes
        for engineer in engineers:
            sheets = []
            for sheet in self.find(engineer):
                if len(sheet.payload) <= budget:
                    sheets.append(sheet)
                    budget -= len(sheet.payload)
            if sheets:
                out[engineer.id] = sheets
        return out

    def find(self, engineer: Engineer) -> list[Sheet]:
        try:
            return self._own(engineer) if engineer.own else self._partner(engineer)
        except (OSError, IngestError) as err:
            logger.warning("skill sheet of engineer %s not read: %s", engineer.id, err)
            return []

    def _own(self, engineer: Engineer) -> list[Sheet]:
        if self.directory is None or not self.directory.is_dir():
            return []
        found = []
        for path in sorted(self.directory.iterdir()):
            stem = path.stem
            if path.is_file() and _is_sheet(path.name) and (stem == engineer.id or stem.startswith(engineer.id + "_")):
                content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                found.append(Sheet(path.name, content_type, path.read_bytes()))
        return found

    def _partner(self, engineer: Engineer) -> list[Sheet]:
        if self.mailbox is None or self.drafts is None or not engineer.id.startswith(PARTNER_PREFIX):
            return []
        posting = engineer.id[len(PARTNER_PREFIX):]
        source = self.drafts.posting_mail(int(posting)) if posting.isdigit() else None
        if source is None or not source[1] or not source[3]:
            return []
        _mail_id, message_id, _account, folder, postings = source
        try:
            uids = self.mailbox.search_message_id(folder, f"<{message_id}>")
            fetched = next(iter(self.mailbox.fetch(folder, uids[:1])), None) if uids else None
        except MailboxError as err:
            logger.warning("skill sheet of engineer %s: the mail could not be fetched: %s", engineer.id, err)
            return []
        if fetched is None:
            return []
        try:
            mail = decode_message(fetched.raw)
        except MailRejected:
            return []
        sheets = [Sheet(a.filename or "skillsheet", a.content_type, a.payload)
                  for a in mail.attachments if _is_sheet(a.filename)]
        if postings > 1:  # several engineers in one mail: only a sheet named after this one is theirs
            name = _key(engineer.name)
            sheets = [s for s in sheets if name and name in _key(s.filename)]
        return sheets
