"""centre: the feed journal's epoch, so that a journal position never comes back

A cache of zones (:mod:`lachan.registry.feeds`) keys on where the journal stands: its
last id and version. Both can come back to values they had (tables emptied, the head row
made again from version 1; a database restored from a backup, then written to), and a
zone cached at that position would be served for other entries. ``source_journal_head``
gains ``epoch``, a random token drawn when the row is made and with each raise of the
version; the position includes it. The existing row takes a random token.

Revision ID: centre_0012
Revises: centre_0011
Create Date: 2026-12-24
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "centre_0012"
down_revision: str | Sequence[str] | None = "centre_0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN (SQLite and PostgreSQL both add one with a default in place).
    op.add_column(
        "source_journal_head",
        sa.Column("epoch", sa.String(length=32), server_default="", nullable=False),
    )
    head = sa.table("source_journal_head", sa.column("epoch", sa.String))
    op.execute(sa.update(head).values(epoch=secrets.token_hex(16)))


def downgrade() -> None:
    # SQLite (3.35+) and PostgreSQL both drop a column in place.
    op.drop_column("source_journal_head", "epoch")
