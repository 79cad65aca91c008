"""centre: an optional expiry date on API keys

``api_keys.expires_at``: past it the key is refused (401, "expired"). Existing keys keep
no expiry.

Revision ID: centre_0007
Revises: centre_0006
Create Date: 2026-12-08
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "centre_0007"
down_revision: str | Sequence[str] | None = "centre_0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch mode): a batch would copy and drop the table on SQLite.
    op.add_column("api_keys", sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("api_keys", "expires_at")
