"""centre: whether a complaint's reporter is verified; verified distinct reporters

A complaint sent to the public route without a key names a reporter that nobody checked;
only reporters that a channel vouches for (the SMS gateway's msisdn, a keyed API client)
count toward the distinct reporters a source needs to be listed.

Existing rows: complaints that came through the public route (``via = 'web'``) are
unverified, all others verified. A (source, reporter) pair is unverified when every
complaint of that reporter still linked to the source came through the public route;
pairs whose complaints were purged keep the benefit of the doubt (verified), as they
were counted before. ``sources.verified_reporters`` is then counted from the pairs.

Revision ID: centre_0004
Revises: centre_0003
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "centre_0004"
down_revision: str | Sequence[str] | None = "centre_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PUBLIC_ONLY = sa.text(
    "UPDATE source_reporters SET verified = :no"
    " WHERE EXISTS (SELECT 1 FROM complaints c"
    " JOIN complaint_sources cs ON cs.complaint_id = c.id"
    " WHERE cs.source_id = source_reporters.source_id"
    " AND c.reporter = source_reporters.reporter AND c.via = 'web')"
    " AND NOT EXISTS (SELECT 1 FROM complaints c"
    " JOIN complaint_sources cs ON cs.complaint_id = c.id"
    " WHERE cs.source_id = source_reporters.source_id"
    " AND c.reporter = source_reporters.reporter AND c.via <> 'web')"
).bindparams(sa.bindparam("no", False, type_=sa.Boolean()))

_YES = sa.bindparam("yes", True, type_=sa.Boolean())
_KEYED_COMPLAINTS = sa.text(
    "UPDATE complaints SET reporter_verified = :yes WHERE via <> 'web'"
).bindparams(_YES)
_ALL_PAIRS = sa.text("UPDATE source_reporters SET verified = :yes").bindparams(_YES)

_COUNT = sa.text(
    "UPDATE sources SET verified_reporters = (SELECT count(*) FROM source_reporters sr"
    " WHERE sr.source_id = sources.id AND sr.verified = :yes)"
).bindparams(_YES)


def upgrade() -> None:
    # Plain ADD COLUMN (no batch mode): on SQLite a batch would copy and drop the table,
    # and dropping ``complaints`` with foreign keys on deletes its links and evidence.
    op.add_column(
        "complaints",
        sa.Column("reporter_verified", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.add_column(
        "sources",
        sa.Column("verified_reporters", sa.Integer(), server_default="0", nullable=False),
    )
    op.add_column(
        "source_reporters",
        sa.Column("verified", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.execute(_KEYED_COMPLAINTS)
    op.execute(_ALL_PAIRS)
    op.execute(_PUBLIC_ONLY)
    op.execute(_COUNT)


def downgrade() -> None:
    # SQLite (3.35+) and PostgreSQL both drop a column in place.
    op.drop_column("source_reporters", "verified")
    op.drop_column("sources", "verified_reporters")
    op.drop_column("complaints", "reporter_verified")
