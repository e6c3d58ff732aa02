"""The drafts ledger: every reply draft written, its Message-ID, where it went and what became of it.

A draft's row is committed, with its Message-ID and its bytes, *before* the IMAP APPEND; after a
crash, `pending` rows are finished by searching the drafts folder for that Message-ID first, so a
draft is never stored twice. `(account, posting_id)` is unique: processing a mail again writes no
second draft. The bytes are dropped once the draft is in the folder (they hold personal data).

Schema: the revision `store/migrations/versions/*_drafts.py` owns these tables.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from email.utils import parseaddr

import sqlalchemy as sa
from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session, sessionmaker
from sqlmodel import Field

from hayaoshi.errors import StoreError
from hayaoshi.match.convert import company_key
from hayaoshi.match.model import Engineer, Job
from hayaoshi.notify.model import DraftKind, DraftState
from hayaoshi.store import convert
from hayaoshi.store.session import Prepared, insert_returning_id, session_for
from hayaoshi.store.tables import (
    Base,
    Company,
    EngineerRecord,
    MailRecord,
    PostingRecord,
    UTCDateTime,
    enum_type,
)

LIVE = (DraftState.PENDING, DraftState.APPENDED, DraftState.SENT)


def _now() -> datetime:
    return datetime.now(tz=UTC)


class DraftRecord(Base, table=True):
    """One reply draft."""

    __tablename__ = "draft"
    __table_args__ = (
        sa.UniqueConstraint("account", "posting_id"),
        sa.Index(None, "account", "state"),
    )

    id: int | None = Field(default=None, primary_key=True)
    message_id: str = Field(sa_column=sa.Column(sa.String(255), nullable=False, unique=True))
    account: str = Field(sa_column=sa.Column(sa.String(100), nullable=False))
    kind: DraftKind = Field(sa_column=sa.Column(enum_type(DraftKind, "draft_kind"), nullable=False))
    state: DraftState = Field(sa_column=sa.Column(enum_type(DraftState, "draft_state"), nullable=False))
    mail_id: int | None = Field(
        default=None, sa_column=sa.Column(sa.ForeignKey("mail.id", ondelete="SET NULL"), index=True))
    posting_id: int | None = Field(
        default=None, sa_column=sa.Column(sa.ForeignKey("posting.id", ondelete="SET NULL")))
    source_message_id: str | None = Field(default=None, sa_column=sa.Column(sa.String(998)))
    recipient: str | None = Field(default=None, sa_column=sa.Column(sa.String(320)))
    subject: str = Field(default="", sa_column=sa.Column(sa.Text(), nullable=False))
    candidates: list[str] = Field(default_factory=list, sa_column=sa.Column(sa.JSON(), nullable=False))
    folder: str | None = Field(default=None, sa_column=sa.Column(sa.String(255)))
    uid: int | None = Field(default=None, sa_column=sa.Column(sa.BigInteger()))
    raw: bytes | None = Field(default=None, sa_column=sa.Column(sa.LargeBinary()))
    attempts: int = Field(default=0, sa_column=sa.Column(sa.Integer(), nullable=False))
    error: str | None = Field(default=None, sa_column=sa.Column(sa.Text()))
    created_at: datetime = Field(default_factory=_now, sa_column=sa.Column(UTCDateTime(), nullable=False, index=True))
    appended_at: datetime | None = Field(default=None, sa_column=sa.Column(UTCDateTime()))
    reply_seen_at: datetime | None = Field(default=None, sa_column=sa.Column(UTCDateTime()))
    outcome_at: datetime | None = Field(default=None, sa_column=sa.Column(UTCDateTime()))
    # Review (revision 0003): the draft's text fingerprint (notify/review.py), and whether the
    # sent mail's text differed from it (null until a sent mail is seen, or when it cannot be told).
    body_hash: str | None = Field(default=None, sa_column=sa.Column(sa.String(64)))
    edited: bool | None = Field(default=None, sa_column=sa.Column(sa.Boolean()))


class DraftCursor(Base, table=True):
    """How far the Sent folder of an account has been read for outcomes (UIDs mean nothing
    without their UIDVALIDITY, RFC 3501 §2.3.1.1)."""

    __tablename__ = "draft_cursor"
    __table_args__ = (sa.UniqueConstraint("account", "folder"),)

    id: int | None = Field(default=None, primary_key=True)
    account: str = Field(sa_column=sa.Column(sa.String(100), nullable=False))
    folder: str = Field(sa_column=sa.Column(sa.String(255), nullable=False))
    uidvalidity: int = Field(sa_column=sa.Column(sa.BigInteger(), nullable=False))
    last_uid: int = Field(sa_column=sa.Column(sa.BigInteger(), nullable=False))
    updated_at: datetime = Field(default_factory=_now, sa_column=sa.Column(UTCDateTime(), nullable=False))


_DRAFT = DraftRecord.__table__
_ADD_DRAFT = insert_returning_id(_DRAFT)
_MARK_APPENDED = (update(_DRAFT).where(_DRAFT.c.id == sa.bindparam("b_id"))
                  .values(state=DraftState.APPENDED, folder=sa.bindparam("b_folder"), uid=sa.bindparam("b_uid"),
                          appended_at=sa.bindparam("b_at"), raw=None, error=None))


_RAW_OF = Prepared(select(_DRAFT.c.raw).where(_DRAFT.c.id == sa.bindparam("b_id")))


class DraftConflict(StoreError):
    """Another writer recorded a draft for the same posting first."""


class DraftStore:
    """The drafts ledger over the team database (the engine of `repo.Store`)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def _session(self, what: str) -> AbstractContextManager[Session]:
        return session_for(self.engine, self._sessions, what, DraftConflict)

    # ------------------------------------------------------------------ the ledger

    def add_pending(self, record: DraftRecord, *, first_attempt: bool = False) -> DraftRecord:
        """Commit a new draft (state pending); the one already there when this posting has one.
        `first_attempt`: the APPEND follows at once, counted in this same commit. Inside a unit
        (store/session.py) the unit commits it, and a posting's draft recorded first by another
        writer fails the whole unit with a conflict (the caller runs it again, and finds that draft)."""
        if first_attempt:
            record.attempts = max(record.attempts, 1)
        values = {column.key: getattr(record, column.key) for column in _DRAFT.columns if column.key != "id"}
        try:
            with self._session("recording a draft") as s:  # a Core insert: this runs for every draft
                record.id = _ADD_DRAFT.run(s.connection(), values).scalar_one()
            return record
        except DraftConflict:
            found = self.for_posting(record.account, record.posting_id)
            if found is None:
                raise
            return found

    def for_posting(self, account: str, posting_id: int | None) -> DraftRecord | None:
        if posting_id is None:
            return None
        with self._session("reading a draft") as s:
            return s.scalar(select(DraftRecord).where(DraftRecord.account == account,
                                                      DraftRecord.posting_id == posting_id))

    def get(self, draft_id: int) -> DraftRecord | None:
        with self._session("reading a draft") as s:
            return s.get(DraftRecord, draft_id)

    def recent(self, limit: int) -> list[DraftRecord]:
        """The newest drafts first (`hayaoshi drafts`)."""
        with self._session("reading the drafts") as s:
            return list(s.scalars(select(DraftRecord).order_by(DraftRecord.id.desc()).limit(max(1, limit))))

    def begin_attempt(self, draft_id: int) -> int:
        """Count an attempt before it starts (a crash inside the APPEND is an attempt too)."""
        with self._session("counting an attempt") as s:
            record = s.get(DraftRecord, draft_id)
            if record is None:
                raise StoreError(f"no draft {draft_id}")
            record.attempts += 1
            return record.attempts

    def mark_appended(self, draft_id: int, folder: str, uid: int | None, at: datetime) -> DraftRecord:
        with self._session("marking a draft appended") as s:
            record = s.get(DraftRecord, draft_id)
            if record is None:
                raise StoreError(f"no draft {draft_id}")
            record.state, record.folder, record.uid = DraftState.APPENDED, folder, uid
            record.appended_at, record.raw, record.error = at, None, None
            return record

    def raw_of(self, draft_id: int) -> bytes | None:
        """A draft's bytes (None once it is appended, or purged). Read for each draft the drafts
        thread appends: a precompiled statement, not an ORM query."""
        with self._session("reading a draft's bytes") as s:
            return _RAW_OF.run(s.connection(), {"b_id": draft_id}).scalar()

    def pending_attempts(self, draft_ids: Iterable[int]) -> dict[int, int]:
        """Of these drafts, those still pending, with their attempts so far (one read)."""
        ids = list(draft_ids)
        if not ids:
            return {}
        with self._session("reading drafts") as s:
            rows = s.execute(select(_DRAFT.c.id, _DRAFT.c.attempts)
                             .where(_DRAFT.c.id.in_(ids), _DRAFT.c.state == DraftState.PENDING))
            return {int(row.id): int(row.attempts) for row in rows}

    def mark_appended_many(self, appended: Iterable[tuple[int, str, int | None]], at: datetime) -> None:
        """`mark_appended` for (draft id, folder, uid) rows, in one transaction: the drafts thread
        marks what it appended in a row together (one commit, not one per draft, so that it does
        not queue behind the mail's transactions for the database's write lock every time)."""
        rows = [{"b_id": draft_id, "b_folder": folder, "b_uid": uid} for draft_id, folder, uid in appended]
        if rows:
            with self._session("marking drafts appended") as s:
                s.connection().execute(_MARK_APPENDED, [{**row, "b_at": at} for row in rows])

    def record_failure(self, draft_id: int, error: str, *, give_up: bool) -> DraftRecord:
        with self._session("recording a draft failure") as s:
            record = s.get(DraftRecord, draft_id)
            if record is None:
                raise StoreError(f"no draft {draft_id}")
            record.error = error[:2000]
            if give_up:
                record.state = DraftState.FAILED
            return record

    def in_state(self, state: DraftState, account: str | None = None) -> list[DraftRecord]:
        query = select(DraftRecord).where(DraftRecord.state == state).order_by(DraftRecord.id)
        if account is not None:
            query = query.where(DraftRecord.account == account)
        with self._session("reading drafts") as s:
            return list(s.scalars(query))

    def set_outcome(self, draft_id: int, state: DraftState, at: datetime, *,
                    edited: bool | None = None) -> DraftRecord:
        """Record sent / deleted; `edited` (when known) whether the sent text differed from the draft."""
        with self._session("recording a draft's outcome") as s:
            record = s.get(DraftRecord, draft_id)
            if record is None:
                raise StoreError(f"no draft {draft_id}")
            record.state, record.outcome_at = state, at
            if edited is not None:
                record.edited = edited
            return record

    def note_reply(self, draft_ids: Iterable[int], at: datetime, *, edited: bool | None = None) -> None:
        """A sent mail answering the draft's source was seen (the first time counts)."""
        ids = list(draft_ids)
        if ids:
            values: dict = {"reply_seen_at": at}
            if edited is not None:
                values["edited"] = edited
            with self._session("noting a reply") as s:
                s.execute(update(DraftRecord).where(DraftRecord.id.in_(ids), DraftRecord.reply_seen_at.is_(None))
                          .values(**values))

    def cursor(self, account: str, folder: str) -> tuple[int, int] | None:
        """(uidvalidity, last uid read) of a Sent folder."""
        with self._session("reading a cursor") as s:
            row = s.scalar(select(DraftCursor).where(DraftCursor.account == account, DraftCursor.folder == folder))
            return (row.uidvalidity, row.last_uid) if row else None

    def set_cursor(self, account: str, folder: str, uidvalidity: int, last_uid: int) -> None:
        with self._session("saving a cursor") as s:
            row = s.scalar(select(DraftCursor).where(DraftCursor.account == account, DraftCursor.folder == folder))
            if row is None:
                s.add(DraftCursor(account=account, folder=folder, uidvalidity=uidvalidity, last_uid=last_uid))
            else:
                row.uidvalidity, row.last_uid, row.updated_at = uidvalidity, last_uid, _now()

    def proposals_since(self, since: datetime) -> Counter[str]:
        """How many live drafts since `since` propose each engineer (or offer each job): 並行."""
        query = select(DraftRecord.candidates).where(DraftRecord.created_at >= since, DraftRecord.state.in_(LIVE))
        counts: Counter[str] = Counter()
        with self._session("counting proposals") as s:
            for candidates in s.scalars(query):
                counts.update(set(candidates or ()))
        return counts

    # ------------------------------------------------------------------ what drafting reads

    def engineers(self, keys: Iterable[str]) -> dict[str, Engineer]:
        """Pool engineers by `Engineer.id` (a 社員番号 or `talent:<posting id>`), only those asked."""
        keys = list(dict.fromkeys(keys))
        prefix = convert.PARTNER_PREFIX
        postings = [int(k[len(prefix):]) for k in keys if k.startswith(prefix) and k[len(prefix):].isdigit()]
        numbers = [k for k in keys if not k.startswith(prefix)]
        query = select(EngineerRecord, Company.domain).outerjoin(Company, Company.id == EngineerRecord.company_id)
        query = query.where(sa.or_(EngineerRecord.employee_no.in_(numbers), EngineerRecord.posting_id.in_(postings)))
        with self._session("reading engineers") as s:
            return {e.id: e for e in (convert.to_engineer(r, d) for r, d in s.execute(query))}

    def jobs(self, posting_ids: Iterable[int]) -> dict[str, tuple[Job, int | None]]:
        """Open 案件 by job id (the posting id as text), with their 商流 depth."""
        ids = list(dict.fromkeys(posting_ids))
        query = (select(PostingRecord, Company.domain).outerjoin(Company, Company.id == PostingRecord.company_id)
                 .where(PostingRecord.id.in_(ids)))
        with self._session("reading jobs") as s:
            return {str(r.id): (convert.to_job(r, d), r.chain_depth) for r, d in s.execute(query)}

    def posting_mail(self, posting_id: int) -> tuple[int, str | None, str | None, str | None, int] | None:
        """(mail id, Message-ID, account, folder, postings in that mail) of a posting's mail."""
        with self._session("reading a posting's mail") as s:
            return _posting_mail(s, posting_id)

    def sender_history(self, sender: str | None, mail_id: int | None) -> tuple[int, int]:
        """(1 when this address wrote before, else 0; earlier mails from its company, counted when the
        address is new), this mail left out."""
        with self._session("reading a sender's history") as s:
            return _sender_history(s, sender, mail_id)

    def draft_source(self, posting_id: int, sender: str | None,
                     ) -> tuple[tuple[int, str | None, str | None, str | None, int] | None, int, int]:
        """`posting_mail` and the `sender_history` of that mail, read in one transaction."""
        with self._session("reading a draft's source") as s:
            source = _posting_mail(s, posting_id)
            return (source, *_sender_history(s, sender, source[0] if source else None))


def _posting_mail(s: Session, posting_id: int) -> tuple[int, str | None, str | None, str | None, int] | None:
    row = s.execute(select(MailRecord.id, MailRecord.message_id, MailRecord.account, MailRecord.folder)
                    .join(PostingRecord, PostingRecord.mail_id == MailRecord.id)
                    .where(PostingRecord.id == posting_id)).first()
    if row is None:
        return None
    count = s.scalar(select(func.count()).select_from(PostingRecord).where(PostingRecord.mail_id == row[0]))
    return row[0], row[1], row[2], row[3], int(count or 0)


def _sender_history(s: Session, sender: str | None, mail_id: int | None) -> tuple[int, int]:
    """(1 when this address wrote before, else 0; earlier mails from its company). The company's
    mails are counted only for an address that is new (the note a rep reads names that count); a
    known address is one indexed lookup, however many mails it sent."""
    address = (parseaddr(sender or "")[1] or sender or "").lower()
    domain = company_key(address) if "@" in address else None
    if not address:
        return 0, 0
    conn = s.connection()
    other = mail_id if mail_id is not None else 0  # row ids start at 1
    if _WROTE_BEFORE.run(conn, {"address": address, "mail_id": other}).first() is not None:
        return 1, 0
    by_company = 0
    if domain:
        by_company = _COMPANY_MAILS.run(conn, {"domain": domain, "mail_id": other}).scalar() or 0
    return 0, int(by_company)


_MAIL, _COMPANY = MailRecord.__table__, Company.__table__
_WROTE_BEFORE = Prepared(select(_MAIL.c.id).where(_MAIL.c.sender == sa.bindparam("address"),
                                                  _MAIL.c.id != sa.bindparam("mail_id")).limit(1))
_COMPANY_MAILS = Prepared(select(func.count()).select_from(_MAIL.join(_COMPANY, _COMPANY.c.id == _MAIL.c.company_id))
                          .where(_COMPANY.c.domain == sa.bindparam("domain"), _MAIL.c.id != sa.bindparam("mail_id")))
