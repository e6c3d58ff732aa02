"""The mailbox ledger: one row per message the daemon has seen, and one per watched folder.

A message is known by `(account, folder, uidvalidity, uid)` (RFC 3501 §2.3.1.1: a UID means nothing
without its folder's UIDVALIDITY) plus its Message-ID and a SHA-256 of its bytes, which survive a
UIDVALIDITY change or a renumbered folder. The rows hold no mail text and no personal data: only
identities, a state and, for a failure, its reason.

The schema is owned by `store/migrations/versions/0002_ledger.py`; these classes describe the same
tables (tables.py imports this module so that its METADATA has them). The claiming logic lives in
`hayaoshi.daemon.ledger`.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlmodel import Field

from hayaoshi.store.tables import Base, UTCDateTime, enum_type


class LedgerState(enum.StrEnum):
    """Where a message is in the daemon's hands."""

    PENDING = "pending"  # listed, or let go by a daemon that stopped before starting on it
    CLAIMED = "claimed"  # a daemon holds it (claimed_by); processing may have started (started_at)
    DONE = "done"  # processed, or the same message (Message-ID / hash) was already processed
    FAILED = "failed"  # the last attempt failed (reason); retried until max_attempts
    QUARANTINED = "quarantined"  # given up: a bound was exceeded or every attempt failed (reason)

    @property
    def terminal(self) -> bool:
        return self in (LedgerState.DONE, LedgerState.QUARANTINED)


def _now() -> datetime:
    return datetime.now(tz=UTC)


class LedgerEntry(Base, table=True):
    """One message of one folder under one UIDVALIDITY."""

    __tablename__ = "ledger"
    __table_args__ = (
        sa.UniqueConstraint("account", "folder", "uidvalidity", "uid"),
        sa.Index(None, "account", "folder", "state"),
    )

    id: int | None = Field(default=None, primary_key=True)
    account: str = Field(sa_column=sa.Column(sa.String(100), nullable=False))
    folder: str = Field(sa_column=sa.Column(sa.String(255), nullable=False))
    uidvalidity: int = Field(sa_column=sa.Column(sa.BigInteger(), nullable=False))
    uid: int = Field(sa_column=sa.Column(sa.BigInteger(), nullable=False))
    message_id: str | None = Field(default=None, sa_column=sa.Column(sa.String(998), index=True))
    content_hash: str | None = Field(default=None, sa_column=sa.Column(sa.String(64), index=True))
    size: int | None = Field(default=None, sa_column=sa.Column(sa.BigInteger()))
    state: LedgerState = Field(sa_column=sa.Column(enum_type(LedgerState, "ledger_state"), nullable=False))
    attempts: int = Field(default=0, sa_column=sa.Column(sa.Integer(), nullable=False))
    reason: str | None = Field(default=None, sa_column=sa.Column(sa.Text()))
    claimed_by: str | None = Field(default=None, sa_column=sa.Column(sa.String(200)))
    claimed_at: datetime | None = Field(default=None, sa_column=sa.Column(UTCDateTime()))
    started_at: datetime | None = Field(default=None, sa_column=sa.Column(UTCDateTime()))
    finished_at: datetime | None = Field(default=None, sa_column=sa.Column(UTCDateTime()))
    # The ledger row of the same message processed earlier (another UID, folder or UIDVALIDITY).
    duplicate_of: int | None = Field(default=None, sa_column=sa.Column(sa.Integer()))
    created_at: datetime = Field(default_factory=_now, sa_column=sa.Column(UTCDateTime(), nullable=False))
    updated_at: datetime = Field(default_factory=_now, sa_column=sa.Column(UTCDateTime(), nullable=False))


class LedgerFolder(Base, table=True):
    """A watched folder: its UIDVALIDITY, the highest UID every message up to which has a ledger row,
    and its last poll (for `hayaoshi status`)."""

    __tablename__ = "ledger_folder"
    __table_args__ = (sa.UniqueConstraint("account", "folder"),)

    id: int | None = Field(default=None, primary_key=True)
    account: str = Field(sa_column=sa.Column(sa.String(100), nullable=False))
    folder: str = Field(sa_column=sa.Column(sa.String(255), nullable=False))
    uidvalidity: int | None = Field(default=None, sa_column=sa.Column(sa.BigInteger()))
    last_uid: int = Field(default=0, sa_column=sa.Column(sa.BigInteger(), nullable=False))
    last_poll: datetime | None = Field(default=None, sa_column=sa.Column(UTCDateTime()))
    error: str | None = Field(default=None, sa_column=sa.Column(sa.Text()))  # the last mailbox failure
    error_at: datetime | None = Field(default=None, sa_column=sa.Column(UTCDateTime()))
