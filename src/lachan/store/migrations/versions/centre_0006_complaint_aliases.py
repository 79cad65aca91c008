"""centre: references given to repeats that may not learn the earlier one

A complaint repeated by a caller who may not be told the earlier complaint's reference
(the public route, another key) is answered as a new complaint would be, with a
reference of its own that names the earlier complaint: ``complaint_aliases`` maps it
there, so an analyst given it finds the complaint. Nothing to fill for existing rows.

Revision ID: centre_0006
Revises: centre_0005
Create Date: 2026-12-08
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "centre_0006"
down_revision: str | Sequence[str] | None = "centre_0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "complaint_aliases",
        sa.Column("ref", sa.String(length=24), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_complaint_aliases_complaint_id_complaints"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("ref", name=op.f("pk_complaint_aliases")),
    )
    op.create_index(
        op.f("ix_complaint_aliases_complaint_id"), "complaint_aliases", ["complaint_id"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_complaint_aliases_complaint_id"), table_name="complaint_aliases")
    op.drop_table("complaint_aliases")
