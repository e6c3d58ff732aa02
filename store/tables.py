"""The team database: companies, mails, postings, engineers, matches (SQLModel over SQLAlchemy).

The schema is owned by the Alembic revisions in `store/migrations/versions/`; these classes must
describe the same tables (a test compares them with the migrated database on SQLite and
PostgreSQL). Types are the ones both databases share: JSON, VARCHAR enums (no native PostgreSQL
ENUM, so adding a value needs no ALTER TYPE), and datetimes stored as naive UTC.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

from hayaoshi.extract.model import Employment, MailKind, PostingKind, Remote
from hayaoshi.match.model import Tier

# Naive datetimes handed to the store are Japan time, as the extractor reads a mail's Date.
JST = timezone(timedelta(hours=9))

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class EngineerSource(enum.StrEnum):
    OWN = "own"  # the company's roster
    PARTNER = "partner"  # a partner's 人材 mail


class CandidateKind(enum.StrEnum):
    ENGINEER = "engineer"  # a job's ranking lists engineers
    JOB = "job"  # a talent's ranking lists jobs


class UTCDateTime(sa.types.TypeDecorator):
    """Aware datetimes in, aware UTC datetimes out; stored naive UTC on every database."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=JST)
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def enum_type(cls: type[enum.Enum], name: str) -> sa.Enum:
    """A VARCHAR(16) holding the enum's values (not its member names)."""
    return sa.Enum(cls, name=name, native_enum=False, length=16,
                   values_callable=lambda members: [m.value for m in members])


class Base(SQLModel, registry=registry(metadata=sa.MetaData(naming_convention=NAMING))):
    """Our own metadata, so that the naming convention stays ours."""


def _now() -> datetime:
    return datetime.now(tz=UTC)


class Company(Base, table=True):
    """A sender company, known by its mail domain."""

    __tablename__ = "company"

    id: int | None = Field(default=None, primary_key=True)
    domain: str = Field(sa_column=sa.Column(sa.String(255), nullable=False, unique=True))
    name: str | None = Field(default=None, sa_column=sa.Column(sa.String(255)))
    first_seen: datetime = Field(sa_column=sa.Column(UTCDateTime(), nullable=False))
    last_seen: datetime = Field(sa_column=sa.Column(UTCDateTime(), nullable=False))


class MailRecord(Base, table=True):
    """A mail that gave postings (or was classified as other). `key` makes recording idempotent."""

    __tablename__ = "mail"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(sa_column=sa.Column(sa.String(255), nullable=False, unique=True))
    message_id: str | None = Field(default=None, sa_column=sa.Column(sa.String(998)))
    account: str | None = Field(default=None, sa_column=sa.Column(sa.String(100)))
    folder: str | None = Field(default=None, sa_column=sa.Column(sa.String(255)))
    uid: int | None = Field(default=None, sa_column=sa.Column(sa.BigInteger()))
    subject: str = Field(default="", sa_column=sa.Column(sa.Text(), nullable=False))
    sender: str | None = Field(default=None, sa_column=sa.Column(sa.String(320), index=True))
    company_id: int | None = Field(
        default=None, sa_column=sa.Column(sa.ForeignKey("company.id", ondelete="SET NULL"), index=True))
    received_at: datetime = Field(sa_column=sa.Column(UTCDateTime(), nullable=False, index=True))
    kind: MailKind = Field(sa_column=sa.Column(enum_type(MailKind, "mail_kind"), nullable=False))
    body: str | None = Field(default=None, sa_column=sa.Column(sa.Text()))  # purged for retention
    defects: list[str] = Field(default_factory=list, sa_column=sa.Column(sa.JSON(), nullable=False))
    created_at: datetime = Field(default_factory=_now, sa_column=sa.Column(UTCDateTime(), nullable=False))


class PostingRecord(Base, table=True):
    """One 案件 or one engineer of a mail; `data` is the parse contract (Posting.to_json + extras)."""

    __tablename__ = "posting"
    __table_args__ = (
        sa.UniqueConstraint("mail_id", "index_in_mail"),
        sa.Index(None, "kind", "expires_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    mail_id: int = Field(sa_column=sa.Column(sa.ForeignKey("mail.id", ondelete="CASCADE"), nullable=False))
    index_in_mail: int = Field(sa_column=sa.Column(sa.Integer(), nullable=False))
    kind: PostingKind = Field(sa_column=sa.Column(enum_type(PostingKind, "posting_kind"), nullable=False))
    company_id: int | None = Field(
        default=None, sa_column=sa.Column(sa.ForeignKey("company.id", ondelete="SET NULL"), index=True))
    received_at: datetime = Field(sa_column=sa.Column(UTCDateTime(), nullable=False))
    expires_at: datetime = Field(sa_column=sa.Column(UTCDateTime(), nullable=False))
    title: str | None = Field(default=None, sa_column=sa.Column(sa.Text()))
    data: dict[str, Any] = Field(default_factory=dict, sa_column=sa.Column(sa.JSON(), nullable=False))
    start: date | None = Field(default=None, sa_column=sa.Column(sa.Date()))
    rate_max: int | None = Field(default=None, sa_column=sa.Column(sa.Integer()))
    station: str | None = Field(default=None, sa_column=sa.Column(sa.String(100), index=True))
    cluster_id: int | None = Field(default=None, sa_column=sa.Column(sa.Integer(), index=True))
    # Companies between the end client and the sender when known; for a talent, the engineer's
    # distance from us (0 ours, 1 a partner's employee, 2 a partner's freelancer).
    chain_depth: int | None = Field(default=None, sa_column=sa.Column(sa.Integer()))


class EngineerRecord(Base, table=True):
    """An engineer of the pool: a roster row (`own`) or a partner's 人材 posting (`partner`)."""

    __tablename__ = "engineer"
    __table_args__ = (sa.Index(None, "source", "expires_at"),)

    id: int | None = Field(default=None, primary_key=True)
    source: EngineerSource = Field(
        sa_column=sa.Column(enum_type(EngineerSource, "engineer_source"), nullable=False))
    employee_no: str | None = Field(default=None, sa_column=sa.Column(sa.String(64), unique=True))
    posting_id: int | None = Field(
        default=None, sa_column=sa.Column(sa.ForeignKey("posting.id", ondelete="CASCADE"), unique=True))
    company_id: int | None = Field(
        default=None, sa_column=sa.Column(sa.ForeignKey("company.id", ondelete="SET NULL"), index=True))
    name: str = Field(default="", sa_column=sa.Column(sa.String(255), nullable=False))
    age: int | None = Field(default=None, sa_column=sa.Column(sa.Integer()))
    gender: str | None = Field(default=None, sa_column=sa.Column(sa.String(16)))
    station: str | None = Field(default=None, sa_column=sa.Column(sa.String(100)))
    skills: list[str] = Field(default_factory=list, sa_column=sa.Column(sa.JSON(), nullable=False))
    skill_years: dict[str, float] = Field(default_factory=dict, sa_column=sa.Column(sa.JSON(), nullable=False))
    rate: int | None = Field(default=None, sa_column=sa.Column(sa.Integer()))
    available_from: date | None = Field(default=None, sa_column=sa.Column(sa.Date()))
    employment: Employment | None = Field(
        default=None, sa_column=sa.Column(enum_type(Employment, "employment")))
    remote: Remote | None = Field(default=None, sa_column=sa.Column(enum_type(Remote, "remote")))
    nationality: str | None = Field(default=None, sa_column=sa.Column(sa.String(50)))
    japanese_level: str | None = Field(default=None, sa_column=sa.Column(sa.String(50)))
    note: str | None = Field(default=None, sa_column=sa.Column(sa.Text()))
    chain_distance: int = Field(default=0, sa_column=sa.Column(sa.Integer(), nullable=False))
    evidence: dict[str, str] = Field(default_factory=dict, sa_column=sa.Column(sa.JSON(), nullable=False))
    expires_at: datetime | None = Field(default=None, sa_column=sa.Column(UTCDateTime()))
    created_at: datetime = Field(default_factory=_now, sa_column=sa.Column(UTCDateTime(), nullable=False))
    updated_at: datetime = Field(default_factory=_now, sa_column=sa.Column(UTCDateTime(), nullable=False))


class MatchRecord(Base, table=True):
    """One row of a saved ranking: a match, or an exclusion with its reasons."""

    __tablename__ = "match_result"

    id: int | None = Field(default=None, primary_key=True)
    posting_id: int = Field(
        sa_column=sa.Column(sa.ForeignKey("posting.id", ondelete="CASCADE"), nullable=False, index=True))
    candidate_kind: CandidateKind = Field(
        sa_column=sa.Column(enum_type(CandidateKind, "candidate_kind"), nullable=False))
    candidate_id: str = Field(sa_column=sa.Column(sa.String(64), nullable=False))
    engineer_id: int | None = Field(
        default=None, sa_column=sa.Column(sa.ForeignKey("engineer.id", ondelete="SET NULL"), index=True))
    candidate_name: str = Field(default="", sa_column=sa.Column(sa.String(255), nullable=False))
    score: float | None = Field(default=None, sa_column=sa.Column(sa.Float()))
    tier: Tier | None = Field(default=None, sa_column=sa.Column(enum_type(Tier, "tier")))
    requirements: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=sa.Column(sa.JSON(), nullable=False))
    excluded: bool = Field(default=False, sa_column=sa.Column(sa.Boolean(), nullable=False))
    reasons: list[str] = Field(default_factory=list, sa_column=sa.Column(sa.JSON(), nullable=False))
    created_at: datetime = Field(default_factory=_now, sa_column=sa.Column(UTCDateTime(), nullable=False))


METADATA = Base.metadata

# The drafts and the daemon's ledger live in their own modules on the same metadata; imported here,
# at the end (they import Base from this module), so that METADATA always has their tables.
from hayaoshi.store import drafts as _drafts  # noqa: E402, F401
from hayaoshi.store import ledger as _ledger  # noqa: E402, F401
