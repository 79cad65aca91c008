"""official: organisations and their official channels (domains, hotlines, brandnames,
e-mail domains)

Revision ID: off_0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "off_0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = ("official",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "official_orgs",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("bin", sa.String(8), nullable=True),
        sa.Column("aliases", sa.String(1000), nullable=False),
        sa.Column("source", sa.String(1000), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_official_orgs")),
    )
    op.create_table(
        "official_channels",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("org_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", sa.String(320), nullable=False),
        sa.Column("source", sa.String(1000), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"], ["official_orgs.id"], name=op.f("fk_official_channels_org_id_official_orgs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_official_channels")),
        sa.UniqueConstraint("kind", "value", name="uq_official_channels_kind_value"),
    )
    with op.batch_alter_table("official_channels", schema=None) as batch_op:
        batch_op.create_index("ix_official_channels_org_id", ["org_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("official_channels", schema=None) as batch_op:
        batch_op.drop_index("ix_official_channels_org_id")
    op.drop_table("official_channels")
    op.drop_table("official_orgs")
