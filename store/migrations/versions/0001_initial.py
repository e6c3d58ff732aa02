"""The initial schema: company, mail, posting, engineer, match_result.

Revision ID: 0001
Revises:
Create Date: 2026-11-29

Written by hand: every later revision starts from exactly these tables, whatever
`store/tables.py` becomes. Enums are VARCHAR(16) (no native PostgreSQL ENUM types), datetimes
naive UTC, documents JSON.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=16)


def upgrade() -> None:
    op.create_table(
        "company",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("domain", sa.String(255), nullable=False),
        sa.Column("name", sa.String(255), nullable=True),
        sa.Column("first_seen", sa.DateTime(), nullable=False),
        sa.Column("last_seen", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_company"),
        sa.UniqueConstraint("domain", name="uq_company_domain"),
    )
    op.create_table(
        "mail",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("message_id", sa.String(998), nullable=True),
        sa.Column("account", sa.String(100), nullable=True),
        sa.Column("folder", sa.String(255), nullable=True),
        sa.Column("uid", sa.BigInteger(), nullable=True),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("sender", sa.String(320), nullable=True),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("kind", _enum("mail_kind", "job", "talent", "mixed", "other"), nullable=False),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("defects", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_mail"),
        sa.UniqueConstraint("key", name="uq_mail_key"),
        sa.ForeignKeyConstraint(["company_id"], ["company.id"], name="fk_mail_company_id_company",
                                ondelete="SET NULL"),
    )
    op.create_index("ix_mail_company_id", "mail", ["company_id"])
    op.create_index("ix_mail_received_at", "mail", ["received_at"])
    op.create_table(
        "posting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mail_id", sa.Integer(), nullable=False),
        sa.Column("index_in_mail", sa.Integer(), nullable=False),
        sa.Column("kind", _enum("posting_kind", "job", "talent"), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("start", sa.Date(), nullable=True),
        sa.Column("rate_max", sa.Integer(), nullable=True),
        sa.Column("station", sa.String(100), nullable=True),
        sa.Column("cluster_id", sa.Integer(), nullable=True),
        sa.Column("chain_depth", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_posting"),
        sa.UniqueConstraint("mail_id", "index_in_mail", name="uq_posting_mail_id_index_in_mail"),
        sa.ForeignKeyConstraint(["mail_id"], ["mail.id"], name="fk_posting_mail_id_mail", ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["company_id"], ["company.id"], name="fk_posting_company_id_company",
                                ondelete="SET NULL"),
    )
    op.create_index("ix_posting_company_id", "posting", ["company_id"])
    op.create_index("ix_posting_kind_expires_at", "posting", ["kind", "expires_at"])
    op.create_index("ix_posting_station", "posting", ["station"])
    op.create_index("ix_posting_cluster_id", "posting", ["cluster_id"])
    op.create_table(
        "engineer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", _enum("engineer_source", "own", "partner"), nullable=False),
        sa.Column("employee_no", sa.String(64), nullable=True),
        sa.Column("posting_id", sa.Integer(), nullable=True),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("age", sa.Integer(), nullable=True),
        sa.Column("gender", sa.String(16), nullable=True),
        sa.Column("station", sa.String(100), nullable=True),
        sa.Column("skills", sa.JSON(), nullable=False),
        sa.Column("skill_years", sa.JSON(), nullable=False),
        sa.Column("rate", sa.Integer(), nullable=True),
        sa.Column("available_from", sa.Date(), nullable=True),
        sa.Column("employment", _enum("employment", "employee", "contract", "freelance"), nullable=True),
        sa.Column("remote", _enum("remote", "full", "hybrid", "onsite"), nullable=True),
        sa.Column("nationality", sa.String(50), nullable=True),
        sa.Column("japanese_level", sa.String(50), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("chain_distance", sa.Integer(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_engineer"),
        sa.UniqueConstraint("employee_no", name="uq_engineer_employee_no"),
        sa.UniqueConstraint("posting_id", name="uq_engineer_posting_id"),
        sa.ForeignKeyConstraint(["posting_id"], ["posting.id"], name="fk_engineer_posting_id_posting",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["company_id"], ["company.id"], name="fk_engineer_company_id_company",
                                ondelete="SET NULL"),
    )
    op.create_index("ix_engineer_company_id", "engineer", ["company_id"])
    op.create_index("ix_engineer_source_expires_at", "engineer", ["source", "expires_at"])
    op.create_table(
        "match_result",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("posting_id", sa.Integer(), nullable=False),
        sa.Column("candidate_kind", _enum("candidate_kind", "engineer", "job"), nullable=False),
        sa.Column("candidate_id", sa.String(64), nullable=False),
        sa.Column("engineer_id", sa.Integer(), nullable=True),
        sa.Column("candidate_name", sa.String(255), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("tier", _enum("tier", "◎", "○", "△"), nullable=True),
        sa.Column("requirements", sa.JSON(), nullable=False),
        sa.Column("excluded", sa.Boolean(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_match_result"),
        sa.ForeignKeyConstraint(["posting_id"], ["posting.id"], name="fk_match_result_posting_id_posting",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["engineer_id"], ["engineer.id"], name="fk_match_result_engineer_id_engineer",
                                ondelete="SET NULL"),
    )
    op.create_index("ix_match_result_posting_id", "match_result", ["posting_id"])
    op.create_index("ix_match_result_engineer_id", "match_result", ["engineer_id"])


def downgrade() -> None:
    for table in ("match_result", "engineer", "posting", "mail", "company"):
        op.drop_table(table)
