"""centre: the feed journal's version, raised by every transaction that journals

``source_journal_head`` holds one row (id 1) whose ``version`` each transaction that
appends to ``source_changes`` raises as it commits: versions are in commit order, which
journal ids are not on PostgreSQL, so a cache of zones can tell with one read whether the
blocklist may have changed. Filled with version 0.

Revision ID: centre_0010
Revises: centre_0009
Create Date: 2026-12-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "centre_0010"
down_revision: str | Sequence[str] | None = "centre_0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    head = op.create_table(
        "source_journal_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_journal_head")),
    )
    op.bulk_insert(head, [{"id": 1, "version": 0}])


def downgrade() -> None:
    op.drop_table("source_journal_head")
