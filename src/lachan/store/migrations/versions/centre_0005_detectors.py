"""centre: who detected a source (detections counted once per key and window); who
filed a complaint

``source_detectors`` holds one row per (source, detecting key) with the time a detection
of that key last counted, so that a key counts once per source per window however often
it repeats itself; ``sources.detectors`` counts the distinct keys, and listing by
detections alone needs several. ``complaints.filed_by`` names the key that filed a
complaint, so that only that key is told its reference when it is repeated.

Existing rows: the keys that detected each source are read back from the audit log
(every detection was audited as ``source.detection`` on ``kind:value`` with its actor),
so a source that several operators detected keeps them; ``sources.detections`` is left
as it was. A source listed by one key's detections alone falls back at the next decay
refresh. Complaints filed before keep ``filed_by`` empty: repeats of them are answered
without the reference.

Revision ID: centre_0005
Revises: centre_0004
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "centre_0005"
down_revision: str | Sequence[str] | None = "centre_0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_AUDIT = sa.table(
    "audit_log",
    sa.column("action", sa.String()),
    sa.column("target", sa.String()),
    sa.column("actor", sa.String()),
    sa.column("at", sa.DateTime(timezone=True)),
)
_SOURCES = sa.table(
    "sources",
    sa.column("id", sa.Integer()),
    sa.column("kind", sa.String()),
    sa.column("value", sa.String()),
    sa.column("detections", sa.Integer()),
)
_DETECTORS = sa.table(
    "source_detectors",
    sa.column("source_id", sa.Integer()),
    sa.column("detector", sa.String()),
    sa.column("first_at", sa.DateTime(timezone=True)),
    sa.column("counted_at", sa.DateTime(timezone=True)),
)
_COUNT = sa.text(
    "UPDATE sources SET detectors = (SELECT count(*) FROM source_detectors sd"
    " WHERE sd.source_id = sources.id) WHERE detections > 0"
)


def _backfill(conn: sa.Connection) -> None:
    """One ``source_detectors`` row per (detected source, audited actor)."""
    ids = {
        f"{kind}:{value}": sid
        for sid, kind, value in conn.execute(
            sa.select(_SOURCES.c.id, _SOURCES.c.kind, _SOURCES.c.value).where(
                _SOURCES.c.detections > 0
            )
        )
    }
    if not ids:
        return
    seen = conn.execute(
        sa.select(
            _AUDIT.c.target,
            _AUDIT.c.actor,
            sa.func.min(_AUDIT.c.at).label("first_at"),
            sa.func.max(_AUDIT.c.at).label("counted_at"),
        )
        .where(_AUDIT.c.action == "source.detection")
        .group_by(_AUDIT.c.target, _AUDIT.c.actor)
    )
    rows = [
        {"source_id": ids[t], "detector": actor[:64], "first_at": first, "counted_at": last}
        for t, actor, first, last in seen
        if t in ids
    ]
    for i in range(0, len(rows), 500):
        conn.execute(sa.insert(_DETECTORS), rows[i : i + 500])


def upgrade() -> None:
    op.create_table(
        "source_detectors",
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("detector", sa.String(length=64), nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("counted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_source_detectors_source_id_sources"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("source_id", "detector", name=op.f("pk_source_detectors")),
    )
    # Plain ADD COLUMN (no batch mode): on SQLite a batch would copy and drop the table,
    # and dropping ``complaints`` with foreign keys on deletes its links and evidence.
    op.add_column(
        "sources", sa.Column("detectors", sa.Integer(), server_default="0", nullable=False)
    )
    op.add_column("complaints", sa.Column("filed_by", sa.String(length=64), nullable=True))
    _backfill(op.get_bind())
    op.execute(_COUNT)


def downgrade() -> None:
    op.drop_column("complaints", "filed_by")
    op.drop_column("sources", "detectors")
    op.drop_table("source_detectors")
