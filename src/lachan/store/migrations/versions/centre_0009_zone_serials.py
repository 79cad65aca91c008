"""centre: zone serials that follow the zone's content

The RPZ and rbldnsd serials were the feed journal's last id, read after the entries in
another statement; on PostgreSQL journal ids are not in commit order, so a zone could
change and keep its serial. ``zone_serials`` keeps, per zone, the digest of the entries
last served and their serial; the server takes the next serial when the digest changes.
Nothing to fill: a zone's row is made on its first request, above the serial that the
journal gave before.

Revision ID: centre_0009
Revises: centre_0008
Create Date: 2026-12-09
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "centre_0009"
down_revision: str | Sequence[str] | None = "centre_0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "zone_serials",
        sa.Column("zone", sa.String(length=32), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("serial", sa.BigInteger(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("zone", name=op.f("pk_zone_serials")),
    )


def downgrade() -> None:
    op.drop_table("zone_serials")
