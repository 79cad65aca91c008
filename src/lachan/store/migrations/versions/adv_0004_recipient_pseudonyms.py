"""advertising: consents, refusals and ad copies hold no recipient in clear

``ad_consents.recipient``, ``ad_refusals.recipient`` and ``ad_copies.recipient`` become
two columns each: ``recipient_pseudonym``, the HMAC-SHA256 of the recipient under a key
derived from the master secret for this use alone
(:meth:`lachan.registry.privacy.Vault.ad_recipient_pseudonym`), which the indexes and
look-ups use, and ``recipient_enc``, the recipient encrypted (AES-GCM, bound to its
column and advertiser: :mod:`lachan.registry.advertising_recipients`).
``ad_refusals.reply`` (the subscriber's words) becomes ``reply_enc``, encrypted the same
way. The stored recipients were already normalised (``0912345678``, lower-case e-mail),
so each is keyed as it is: every look-up matches what it matched before.

Existing rows are converted in batches (keyset over the id, 5,000 rows a statement), on
SQLite and PostgreSQL. The master secret is the one the service uses (``LACHAN_SECRET_KEY``
or the key file; :func:`lachan.store.migrate.upgrade` may pass it), read only when there
are rows to convert.

On SQLite a column is dropped by copying the table (batch mode), with ``secure_delete``
on, so the freed pages that held recipients are zeroed; dropping ``ad_copies``
with foreign keys on fails while ``ad_violations`` rows name its copies, so the
violations are set aside in a temporary table and put back, ids and all, in the same
transaction.

On PostgreSQL the UPDATEs leave the old row versions (recipients and replies in clear)
in the tables' files until a vacuum reuses their space, and ``DROP COLUMN`` only hides a
column; so each table is then rewritten in the same transaction (an ``ALTER COLUMN ...
TYPE`` whose ``USING`` expression is not the column itself: PostgreSQL copies the rows
its snapshot sees into new files, the dropped columns as NULL, rebuilds the indexes and
removes the old files at commit). The table keeps its name, constraints, indexes,
sequence and foreign keys. What this cannot reach: the write-ahead log written before
the upgrade (recycled as usual; archived WAL and base backups keep it), and blocks the
file system freed without zeroing.

Downgrade is reversible: the recipients and replies are decrypted back into the old
columns (which needs the same master secret; without it the downgrade refuses and changes
nothing).

Revision ID: adv_0004
Revises: adv_0003
Create Date: 2026-12-22
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "adv_0004"
down_revision: str | Sequence[str] | None = "adv_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 5_000
#: table -> (its recipient index, the columns indexed after the recipient)
TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "ad_consents": ("ix_ad_consents_adv_recipient", ()),
    "ad_refusals": ("ix_ad_refusals_adv_recipient", ()),
    "ad_copies": ("ix_ad_copies_window", ("sent_at",)),
}
RECIPIENT_LEN = 254
REPLY_LEN = 1000


def _has_rows(table: str) -> bool:
    query = sa.select(sa.literal(1)).select_from(sa.table(table)).limit(1)
    return op.get_bind().execute(query).first() is not None


def _vault(in_use: Callable[[], str | None]) -> Any:
    """The vault of the master secret the migration was given, else the environment's;
    ``in_use`` says what the database holds written with a key (a missing key file is
    created only when it says nothing)."""
    from lachan.registry.privacy import Vault, load_master_secret
    from lachan.store.migrate import MASTER_SECRET

    config = op.get_context().config
    given = config.attributes.get(MASTER_SECRET) if config is not None else None
    if given:
        return Vault(given)
    return Vault(load_master_secret(in_use=in_use))


def _keyed_before() -> str | None:
    """What was written with a key before this migration (the recipients being converted
    are still in clear, so they do not count)."""
    from sqlalchemy.orm import Session

    from lachan.registry.privacy import tables_holding_rows
    from lachan.store.tables_centre import AuditSeal, Complaint, DncEntry, DncEvent, SourceReporter

    session = Session(bind=op.get_bind())
    keyed = (
        ("encrypted complaints", Complaint),
        ("reporter pseudonyms", SourceReporter),
        ("an audit seal", AuditSeal),
        ("Do-Not-Call numbers (pseudonyms)", DncEntry),
        ("Do-Not-Call history (pseudonyms)", DncEvent),
    )
    return ", ".join(tables_holding_rows(session, keyed)) or None


def _table(name: str) -> Any:
    """``name`` with the columns this migration reads or writes (both forms)."""
    columns = [
        sa.column("id", sa.BigInteger),
        sa.column("advertiser_id", sa.Integer),
        sa.column("recipient", sa.String),
        sa.column("recipient_pseudonym", sa.String),
        sa.column("recipient_enc", sa.LargeBinary),
    ]
    if name == "ad_refusals":
        columns += [sa.column("reply", sa.String), sa.column("reply_enc", sa.LargeBinary)]
    return sa.table(name, *columns)


def _batches(table: Any, *columns: str) -> Iterator[list[Any]]:
    """The rows of ``table`` (``id, advertiser_id`` and ``columns``) in batches, keyset
    over the id."""
    conn = op.get_bind()
    c = table.c
    query = (
        sa.select(c.id, c.advertiser_id, *(c[name] for name in columns))
        .where(c.id > sa.bindparam("last"))
        .order_by(c.id)
        .limit(BATCH)
    )
    last = 0
    while True:
        rows = conn.execute(query, {"last": last}).all()
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def _update(table: Any, **values: str) -> Any:
    """UPDATE of one row by id (``:row_id``), setting each column to its bound name."""
    return (
        sa.update(table)
        .where(table.c.id == sa.bindparam("row_id"))
        .values({name: sa.bindparam(param) for name, param in values.items()})
    )


def _convert(name: str, vault: Any) -> None:
    from lachan.registry.advertising_recipients import context

    conn = op.get_bind()
    table = _table(name)
    reply = name == "ad_refusals"
    column = f"{name}.recipient"
    pseudonyms: dict[str, str] = {}
    fields = {"recipient_pseudonym": "p", "recipient_enc": "e"}
    update = _update(table, **fields, **({"reply_enc": "r"} if reply else {}))
    for rows in _batches(table, "recipient", *(["reply"] if reply else [])):
        params = []
        for row in rows:
            rid, adv, rec = row[0], row[1], row[2]
            p = pseudonyms.get(rec)
            if p is None:
                if len(pseudonyms) > 100_000:
                    pseudonyms.clear()
                p = pseudonyms[rec] = vault.ad_recipient_pseudonym(rec)
            item = {"row_id": rid, "p": p, "e": vault.encrypt(rec.encode(), context(column, adv))}
            if reply:
                item["r"] = vault.encrypt(row[3].encode(), context("ad_refusals.reply", adv))
            params.append(item)
        conn.execute(update, params)


def _restore(name: str, vault: Any) -> None:
    from lachan.registry.advertising_recipients import context
    from lachan.registry.privacy import SecretError

    conn = op.get_bind()
    table = _table(name)
    reply = name == "ad_refusals"
    column = f"{name}.recipient"
    update = _update(table, recipient="rec", **({"reply": "r"} if reply else {}))
    for rows in _batches(table, "recipient_enc", *(["reply_enc"] if reply else [])):
        params = []
        for row in rows:
            try:
                item = {
                    "row_id": row[0],
                    "rec": vault.decrypt(bytes(row[2]), context(column, row[1])).decode(),
                }
                if reply:
                    item["r"] = vault.decrypt(
                        bytes(row[3]), context("ad_refusals.reply", row[1])
                    ).decode()
            except SecretError:
                raise RuntimeError(
                    f"adv_0004 cannot be downgraded: row {row[0]} of {name} does not decrypt "
                    "with this master secret (LACHAN_SECRET_KEY or the key file of the "
                    "upgrade is needed); nothing was changed"
                ) from None
            params.append(item)
        conn.execute(update, params)


@contextmanager
def _violations_aside(table: str) -> Iterator[None]:
    """On SQLite, while ``ad_copies`` is copied and dropped, its violations wait in a
    temporary table (the drop would fail on their foreign key)."""
    conn = op.get_bind()
    if table != "ad_copies" or conn.dialect.name != "sqlite" or not _has_rows("ad_violations"):
        yield
        return
    conn.execute(sa.text("CREATE TEMP TABLE adv_0004_violations AS SELECT * FROM ad_violations"))
    conn.execute(sa.text("DELETE FROM ad_violations"))
    yield
    conn.execute(sa.text("INSERT INTO ad_violations SELECT * FROM adv_0004_violations"))
    conn.execute(sa.text("DROP TABLE adv_0004_violations"))


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # the pages of the tables dropped below held the recipients: zeroed when freed,
        # not left readable in the file (many builds do this by default, not all)
        op.execute("PRAGMA secure_delete = ON")
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("recipient_pseudonym", sa.String(64), nullable=True))
            batch_op.add_column(sa.Column("recipient_enc", sa.LargeBinary(), nullable=True))
            if table == "ad_refusals":
                batch_op.add_column(sa.Column("reply_enc", sa.LargeBinary(), nullable=True))
    held = [t for t in TABLES if _has_rows(t)]
    if held:
        vault = _vault(_keyed_before)
        for table in held:
            _convert(table, vault)
    for table, (index, after) in TABLES.items():
        with _violations_aside(table), op.batch_alter_table(table) as batch_op:
            batch_op.drop_index(index)
            batch_op.drop_column("recipient")
            batch_op.alter_column(
                "recipient_pseudonym", existing_type=sa.String(64), nullable=False
            )
            batch_op.alter_column("recipient_enc", existing_type=sa.LargeBinary(), nullable=False)
            if table == "ad_refusals":
                batch_op.drop_column("reply")
                batch_op.alter_column("reply_enc", existing_type=sa.LargeBinary(), nullable=False)
            batch_op.create_index(
                index, ["advertiser_id", "recipient_pseudonym", *after], unique=False
            )
        if op.get_bind().dialect.name == "postgresql":
            _rewrite(table)


def _rewrite(table: str) -> None:
    """Rewrite ``table`` on PostgreSQL: its files are replaced by a copy of its live rows,
    without the old row versions and with the dropped columns NULL (the expression makes
    the type change one that rewrites; the content and type stay as they are)."""
    op.execute(
        f"ALTER TABLE {table} ALTER COLUMN recipient_enc TYPE bytea "
        "USING recipient_enc || ''::bytea"
    )


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("recipient", sa.String(RECIPIENT_LEN), nullable=True))
            if table == "ad_refusals":
                batch_op.add_column(sa.Column("reply", sa.String(REPLY_LEN), nullable=True))
    held = [t for t in TABLES if _has_rows(t)]
    if held:
        vault = _vault(lambda: f"encrypted recipients in {', '.join(held)}")
        for table in held:
            _restore(table, vault)
    for table, (index, after) in TABLES.items():
        with _violations_aside(table), op.batch_alter_table(table) as batch_op:
            batch_op.drop_index(index)
            batch_op.drop_column("recipient_pseudonym")
            batch_op.drop_column("recipient_enc")
            batch_op.alter_column(
                "recipient", existing_type=sa.String(RECIPIENT_LEN), nullable=False
            )
            if table == "ad_refusals":
                batch_op.drop_column("reply_enc")
                batch_op.alter_column("reply", existing_type=sa.String(REPLY_LEN), nullable=False)
            batch_op.create_index(index, ["advertiser_id", "recipient", *after], unique=False)
