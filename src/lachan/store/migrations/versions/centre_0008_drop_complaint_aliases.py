"""centre: drop the references given to repeats folded into someone else's complaint

``complaint_aliases`` (centre_0006) named the complaint that a repeat from another caller
(the public route, another key) was folded into. A complaint now folds only into one its
own filer filed, who is told that complaint's reference, so no alias is made any more,
and the old ones only led a caller's reference into another reporter's complaint. The
table goes, with the aliases in it: such a reference no longer opens a complaint. The
downgrade brings the table back empty.

Revision ID: centre_0008
Revises: centre_0007
Create Date: 2026-12-09
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "centre_0008"
down_revision: str | Sequence[str] | None = "centre_0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index(op.f("ix_complaint_aliases_complaint_id"), table_name="complaint_aliases")
    op.drop_table("complaint_aliases")


def downgrade() -> None:
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
