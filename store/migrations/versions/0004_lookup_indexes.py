"""Indexes for what drafting reads per mail: a sender's earlier mails, the recent drafts (並行).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29

Without them each draft scanned the whole mail table (`DraftStore.sender_history`) and the whole
draft table (`DraftStore.proposals_since`): a cost that grew with every mail stored.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_mail_sender", "mail", ["sender"])
    op.create_index("ix_draft_created_at", "draft", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_draft_created_at", table_name="draft")
    op.drop_index("ix_mail_sender", table_name="mail")
