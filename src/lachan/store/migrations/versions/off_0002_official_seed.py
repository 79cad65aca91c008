"""official: load the project's seed of official channels

Reads ``lachan/data/official_channels.json`` (the seed the project writes, each entry
with a note of where it is documented) into the tables of ``off_0001``. Administrators
change the registry afterwards through the admin API; re-running the seed import there
adds what is missing and never removes their changes.

Revision ID: off_0002
Revises: off_0001
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "off_0002"
down_revision: str | Sequence[str] | None = "off_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from lachan.registry.official import seed_rows

    orgs, channels = seed_rows()
    now = datetime.now(UTC)
    org_table = sa.table(
        "official_orgs",
        sa.column("id", sa.String), sa.column("name", sa.String),
        sa.column("category", sa.String), sa.column("bin", sa.String),
        sa.column("aliases", sa.String), sa.column("source", sa.String),
        sa.column("active", sa.Boolean), sa.column("updated_at", sa.DateTime(timezone=True)),
    )
    channel_table = sa.table(
        "official_channels",
        sa.column("org_id", sa.String), sa.column("kind", sa.String),
        sa.column("value", sa.String), sa.column("source", sa.String),
        sa.column("added_at", sa.DateTime(timezone=True)),
    )
    op.bulk_insert(org_table, [{**o, "active": True, "updated_at": now} for o in orgs])
    op.bulk_insert(channel_table, [{**c, "added_at": now} for c in channels])


def downgrade() -> None:
    op.execute("DELETE FROM official_channels")
    op.execute("DELETE FROM official_orgs")
