"""Review tracking: whether a rep edited a draft before sending it.

Revision ID: 0003
Revises: 0002_ledger
Create Date: 2026-11-29

draft.body_hash: the SHA-256 of the draft's text as written (normalised: notify/review.py), kept
after the draft's bytes are dropped; draft.edited: null until the sent mail is seen, then whether
its text differs from the draft's.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002_ledger"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("draft") as batch:
        batch.add_column(sa.Column("body_hash", sa.String(64), nullable=True))
        batch.add_column(sa.Column("edited", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("draft") as batch:
        batch.drop_column("edited")
        batch.drop_column("body_hash")
