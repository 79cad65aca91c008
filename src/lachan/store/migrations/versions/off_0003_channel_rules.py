"""official: remove stored channels that break the rules writes enforce

Official domains and e-mail domains that are an IP literal, a public suffix (``com.vn``,
``github.io``) or too long for the allowlist zone are refused on every write
(:func:`lachan.registry.official.canonical_channel`), but rows written before those
rules existed stayed in the table, and every rebuild of the registry's index had to
check each row again. Such rows never counted (the index left them out), so removing
them changes no answer and no feed; the administrators' listing of an organisation's
channels no longer shows them. Each removed row is named in the migration's log.

Downgrade restores nothing: the rows broke rules that every version since enforces.

Revision ID: off_0003
Revises: off_0002
Create Date: 2026-12-06
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "off_0003"
down_revision: str | Sequence[str] | None = "off_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CHANNELS = sa.table(
    "official_channels",
    sa.column("id", sa.BigInteger()),
    sa.column("org_id", sa.String()),
    sa.column("kind", sa.String()),
    sa.column("value", sa.String()),
)
_BATCH = 500
log = logging.getLogger("alembic.runtime.migration")


def upgrade() -> None:
    from lachan.registry.official import channel_problem

    conn = op.get_bind()
    rows = conn.execute(
        sa.select(_CHANNELS.c.id, _CHANNELS.c.org_id, _CHANNELS.c.kind, _CHANNELS.c.value)
        .where(_CHANNELS.c.kind.in_(("domain", "email_domain")))
        .order_by(_CHANNELS.c.id)
    ).all()
    bad = [(row, problem) for row in rows if (problem := channel_problem(row.kind, row.value))]
    for row, problem in bad:
        log.info("off_0003: removing official %s %r of %s: %s",
                 row.kind, row.value, row.org_id, problem)
    ids = [row.id for row, _problem in bad]
    for i in range(0, len(ids), _BATCH):
        conn.execute(sa.delete(_CHANNELS).where(_CHANNELS.c.id.in_(ids[i : i + _BATCH])))


def downgrade() -> None:
    pass
