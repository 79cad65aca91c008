"""advertising: consent may carry the recipient's own daily limit (Art. 13 "unless the
recipient agreed otherwise")

Revision ID: adv_0002
Revises: adv_0001
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "adv_0002"
down_revision: str | Sequence[str] | None = "adv_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("ad_consents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("daily_limit", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ad_consents", schema=None) as batch_op:
        batch_op.drop_column("daily_limit")
