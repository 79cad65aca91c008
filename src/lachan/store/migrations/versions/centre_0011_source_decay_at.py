"""centre: when each source may decay, so the decay pass reads only those due

Every feed request ran a decay pass that read every suspected and listed source (about
8 s with 100,000 listed). ``sources.decay_at`` is the first moment decay can change the
state a source's numbers give (its score falling below the highest threshold it reached),
indexed with the state, so the pass reads only the sources whose moment has come.
``source_decay`` holds the settings those moments were computed with (one row).

Nothing to fill: existing sources get NULL (not known: the first decay pass reads them and
sets it) and ``source_decay`` no row (the first pass reads every suspected and listed
source once, as before, and records its settings).

Revision ID: centre_0011
Revises: centre_0010
Create Date: 2026-12-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "centre_0011"
down_revision: str | Sequence[str] | None = "centre_0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch mode): on SQLite a batch would copy and drop ``sources``,
    # and dropping it with foreign keys on deletes its reporters, links and journal.
    op.add_column("sources", sa.Column("decay_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_sources_state_decay_at", "sources", ["state", "decay_at"])
    op.create_table(
        "source_decay",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("settings", sa.String(length=400), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_decay")),
    )


def downgrade() -> None:
    op.drop_table("source_decay")
    # SQLite (3.35+) and PostgreSQL both drop a column in place (the index first).
    op.drop_index("ix_sources_state_decay_at", table_name="sources")
    op.drop_column("sources", "decay_at")
