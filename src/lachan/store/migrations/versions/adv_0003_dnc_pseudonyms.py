"""advertising: the Do-Not-Call register holds no number in clear, only keyed pseudonyms

``dnc.number`` and ``dnc_history.number`` become ``pseudonym``: the HMAC-SHA256 of the
number under a key derived from the master secret for this use
(:meth:`lachan.registry.privacy.Vault.dnc_pseudonym`). Existing rows are converted in
batches (keyset over the old key, 5,000 rows a statement), on SQLite and PostgreSQL.
The master secret is the one the service uses (``LACHAN_SECRET_KEY`` or the key file;
:func:`lachan.store.migrate.upgrade` may pass it), read only when there are rows to
convert. The scrub index this home kept on disk (``$LACHAN_HOME/dnc_index``), which held
the numbers, is removed; it is rebuilt from the pseudonyms at the next scrub.

Downgrade: a pseudonym cannot be turned back into its number, so a register that holds
rows is not downgraded (the migration refuses, saying so); an empty one is.

Revision ID: adv_0003
Revises: adv_0002
Create Date: 2026-12-20
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "adv_0003"
down_revision: str | Sequence[str] | None = "adv_0002"
branch_labels: str | Sequence[str] | None = None
# the centre's tables: dnc and dnc_history (centre_0002), the audit seal (centre_0003)
depends_on: str | Sequence[str] | None = "centre_0003"

BATCH = 5_000


def _has_rows(table: str) -> bool:
    query = sa.select(sa.literal(1)).select_from(sa.table(table)).limit(1)
    return op.get_bind().execute(query).first() is not None


def _vault() -> Any:
    """The vault of the master secret the migration was given, else the environment's.
    A missing key file is created only while nothing keyed is held (the numbers being
    converted are still in clear, so they do not count)."""
    from sqlalchemy.orm import Session

    from lachan.registry.privacy import Vault, load_master_secret, tables_holding_rows
    from lachan.store.migrate import MASTER_SECRET
    from lachan.store.tables_centre import AuditSeal, Complaint, SourceReporter

    config = op.get_context().config
    given = config.attributes.get(MASTER_SECRET) if config is not None else None
    if given:
        return Vault(given)
    session = Session(bind=op.get_bind())
    keyed = (("encrypted complaints", Complaint), ("reporter pseudonyms", SourceReporter),
             ("an audit seal", AuditSeal))
    return Vault(load_master_secret(
        in_use=lambda: ", ".join(tables_holding_rows(session, keyed)) or None))


def _convert(vault: Any) -> None:
    conn = op.get_bind()
    last = ""
    while True:  # dnc: keyset over the number (its primary key)
        numbers = conn.execute(
            sa.text("SELECT number FROM dnc WHERE number > :last ORDER BY number LIMIT :n"),
            {"last": last, "n": BATCH},
        ).scalars().all()
        if not numbers:
            break
        conn.execute(
            sa.text("UPDATE dnc SET pseudonym = :p WHERE number = :n"),
            [{"p": vault.dnc_pseudonym(n.strip()), "n": n} for n in numbers],
        )
        last = numbers[-1]
    last_id = 0
    while True:  # dnc_history: keyset over the id
        rows = conn.execute(
            sa.text("SELECT id, number FROM dnc_history WHERE id > :last"
                    " ORDER BY id LIMIT :n"),
            {"last": last_id, "n": BATCH},
        ).all()
        if not rows:
            break
        conn.execute(
            sa.text("UPDATE dnc_history SET pseudonym = :p WHERE id = :id"),
            [{"p": vault.dnc_pseudonym(n.strip()), "id": i} for i, n in rows],
        )
        last_id = rows[-1][0]


def _remove_local_index() -> None:
    """Delete this home's scrub index files (they held the numbers)."""
    from lachan.store.session import lachan_home

    directory = lachan_home() / "dnc_index"
    for name in ("sms.npy", "call.npy", "all.npy", "meta.json"):
        try:
            (directory / name).unlink()
        except OSError:
            pass


def upgrade() -> None:
    op.add_column("dnc", sa.Column("pseudonym", sa.String(length=64), nullable=True))
    op.add_column("dnc_history", sa.Column("pseudonym", sa.String(length=64), nullable=True))
    if _has_rows("dnc") or _has_rows("dnc_history"):
        _convert(_vault())
    with op.batch_alter_table("dnc") as batch_op:
        batch_op.drop_constraint("pk_dnc", type_="primary")
        batch_op.drop_column("number")
        batch_op.alter_column("pseudonym", existing_type=sa.String(length=64), nullable=False)
        batch_op.create_primary_key("pk_dnc", ["pseudonym"])
    with op.batch_alter_table("dnc_history") as batch_op:
        batch_op.drop_index("ix_dnc_history_number")
        batch_op.drop_column("number")
        batch_op.alter_column("pseudonym", existing_type=sa.String(length=64), nullable=False)
        batch_op.create_index("ix_dnc_history_pseudonym", ["pseudonym"], unique=False)
    _remove_local_index()


def downgrade() -> None:
    if _has_rows("dnc") or _has_rows("dnc_history"):
        raise RuntimeError(
            "adv_0003 cannot be downgraded while the Do-Not-Call register holds entries: "
            "they are stored only as keyed pseudonyms, which cannot be turned back into "
            "phone numbers. Restore a backup taken before the upgrade, or empty the "
            "register (tables dnc and dnc_history) first."
        )
    with op.batch_alter_table("dnc_history") as batch_op:
        batch_op.drop_index("ix_dnc_history_pseudonym")
        batch_op.drop_column("pseudonym")
        batch_op.add_column(sa.Column("number", sa.String(length=20), nullable=False))
        batch_op.create_index("ix_dnc_history_number", ["number"], unique=False)
    with op.batch_alter_table("dnc") as batch_op:
        batch_op.drop_constraint("pk_dnc", type_="primary")
        batch_op.drop_column("pseudonym")
        batch_op.add_column(sa.Column("number", sa.String(length=20), nullable=False))
        batch_op.create_primary_key("pk_dnc", ["number"])
