"""The mailbox ledger: ledger (one row per message seen) and ledger_folder (one per watched folder).

Revision ID: 0002_ledger
Revises: 0002
Create Date: 2026-11-29

Written by hand, as 0001: enums VARCHAR(16), datetimes naive UTC. It revises 0002 (the drafts
tables, written at the same time) so that the revisions stay one line with one head; if the drafts
revision is renumbered, this `down_revision` follows it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_ledger"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STATES = ("pending", "claimed", "done", "failed", "quarantined")


def upgrade() -> None:
    op.create_table(
        "ledger",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(100), nullable=False),
        sa.Column("folder", sa.String(255), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=False),
        sa.Column("uid", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.String(998), nullable=True),
        sa.Column("content_hash", sa.String(64), nullable=True),
        sa.Column("size", sa.BigInteger(), nullable=True),
        sa.Column("state", sa.Enum(*_STATES, name="ledger_state", native_enum=False, length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("claimed_by", sa.String(200), nullable=True),
        sa.Column("claimed_at", sa.DateTime(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("duplicate_of", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ledger"),
        sa.UniqueConstraint("account", "folder", "uidvalidity", "uid",
                            name="uq_ledger_account_folder_uidvalidity_uid"),
    )
    op.create_index("ix_ledger_account_folder_state", "ledger", ["account", "folder", "state"])
    op.create_index("ix_ledger_message_id", "ledger", ["message_id"])
    op.create_index("ix_ledger_content_hash", "ledger", ["content_hash"])
    op.create_table(
        "ledger_folder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(100), nullable=False),
        sa.Column("folder", sa.String(255), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=True),
        sa.Column("last_uid", sa.BigInteger(), nullable=False),
        sa.Column("last_poll", sa.DateTime(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("error_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_ledger_folder"),
        sa.UniqueConstraint("account", "folder", name="uq_ledger_folder_account_folder"),
    )


def downgrade() -> None:
    op.drop_table("ledger_folder")
    op.drop_table("ledger")
