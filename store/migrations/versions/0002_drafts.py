"""The drafts ledger: draft (one reply draft each) and draft_cursor (how far Sent was read).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29

Written by hand, as 0001: enums VARCHAR(16), datetimes naive UTC, documents JSON. A draft's row is
committed with its Message-ID before the IMAP APPEND (store/drafts.py says why).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=16)


def upgrade() -> None:
    op.create_table(
        "draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.String(255), nullable=False),
        sa.Column("account", sa.String(100), nullable=False),
        sa.Column("kind", _enum("draft_kind", "job_reply", "talent_reply", "questions"), nullable=False),
        sa.Column("state", _enum("draft_state", "pending", "appended", "sent", "deleted", "failed"), nullable=False),
        sa.Column("mail_id", sa.Integer(), nullable=True),
        sa.Column("posting_id", sa.Integer(), nullable=True),
        sa.Column("source_message_id", sa.String(998), nullable=True),
        sa.Column("recipient", sa.String(320), nullable=True),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("candidates", sa.JSON(), nullable=False),
        sa.Column("folder", sa.String(255), nullable=True),
        sa.Column("uid", sa.BigInteger(), nullable=True),
        sa.Column("raw", sa.LargeBinary(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("appended_at", sa.DateTime(), nullable=True),
        sa.Column("reply_seen_at", sa.DateTime(), nullable=True),
        sa.Column("outcome_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_draft"),
        sa.UniqueConstraint("message_id", name="uq_draft_message_id"),
        sa.UniqueConstraint("account", "posting_id", name="uq_draft_account_posting_id"),
        sa.ForeignKeyConstraint(["mail_id"], ["mail.id"], name="fk_draft_mail_id_mail", ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["posting_id"], ["posting.id"], name="fk_draft_posting_id_posting",
                                ondelete="SET NULL"),
    )
    op.create_index("ix_draft_mail_id", "draft", ["mail_id"])
    op.create_index("ix_draft_account_state", "draft", ["account", "state"])
    op.create_table(
        "draft_cursor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(100), nullable=False),
        sa.Column("folder", sa.String(255), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=False),
        sa.Column("last_uid", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_draft_cursor"),
        sa.UniqueConstraint("account", "folder", name="uq_draft_cursor_account_folder"),
    )


def downgrade() -> None:
    op.drop_table("draft_cursor")
    op.drop_index("ix_draft_account_state", table_name="draft")
    op.drop_index("ix_draft_mail_id", table_name="draft")
    op.drop_table("draft")
