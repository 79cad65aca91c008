"""advertising: ad copies' texts, violations' quotes and consents' proofs are encrypted

What is left in clear in the advertising tables that may name a person is encrypted
(AES-GCM, :meth:`lachan.registry.privacy.Vault.encrypt`, bound to its column and
advertiser as the recipients of adv_0004 are: :mod:`lachan.registry.advertising_recipients`):

- ``ad_copies.text`` and ``ad_copies.subject`` become ``text_enc`` and ``subject_enc``
  (a personalised ad carries the recipient's name or number);
- ``ad_violations.explanation`` and ``ad_violations.evidence`` become
  ``explanation_enc`` and ``evidence_enc`` (they quote the copy: its first words, its
  end, its subject, the text that matched no template);
- ``ad_consents.proof_ref`` becomes ``proof_ref_enc`` (evidence shown to the regulator
  on request).

Nothing searches these columns (a copy submitted again is told by decrypting the few
stored copies sent at the same moment), so no hash of them is kept; no index names them.

Existing rows are converted in batches (keyset over the id, 5,000 rows a statement), on
SQLite and PostgreSQL, with the master secret the service uses (``LACHAN_SECRET_KEY`` or
the key file; :func:`lachan.store.migrate.upgrade` may pass it), read only when there are
rows to convert. As in adv_0004: on SQLite the columns are dropped by copying the tables,
with ``secure_delete`` on (freed pages zeroed), ``ad_violations`` before ``ad_copies``
(whose copy sets the violations, by then encrypted, aside and puts them back); on
PostgreSQL each table is then rewritten in the same transaction, so that no dead row
version and no dropped column keeps the clear text in its files (nor in its TOAST
table). What this cannot reach: the write-ahead log written before the upgrade, backups,
and blocks the file system freed without zeroing.

Downgrade is reversible: the texts are decrypted back into the old columns, which needs
the same master secret (without it the downgrade refuses and changes nothing).

Revision ID: adv_0005
Revises: adv_0004
Create Date: 2026-12-28
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "adv_0005"
down_revision: str | Sequence[str] | None = "adv_0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 5_000
#: table -> its columns in clear and their types, each becoming ``<name>_enc``; in the
#: order the tables are copied on SQLite (violations before the copies they name)
TABLES: dict[str, tuple[tuple[str, Any], ...]] = {
    "ad_consents": (("proof_ref", sa.String(200)),),
    "ad_violations": (("explanation", sa.String(500)), ("evidence", sa.Text())),
    "ad_copies": (("subject", sa.String(1000)), ("text", sa.Text())),
}


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


def _keyed() -> str | None:
    """What the database holds written with a key (the rows being converted hold their
    recipients encrypted since adv_0004: the key that wrote them must be the one used)."""
    from sqlalchemy.orm import Session

    from lachan.registry.privacy import keyed_data

    return keyed_data(Session(bind=op.get_bind()))


def _table(name: str) -> Any:
    """``name`` with the columns this migration reads or writes (both forms)."""
    columns = [sa.column("id", sa.BigInteger), sa.column("advertiser_id", sa.Integer)]
    for column, _type in TABLES[name]:
        columns += [sa.column(column, sa.String), sa.column(f"{column}_enc", sa.LargeBinary)]
    return sa.table(name, *columns)


def _batches(table: Any, columns: list[str]) -> Iterator[list[Any]]:
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


def _update(table: Any, columns: list[str]) -> Any:
    """UPDATE of one row by id (``:row_id``), each of ``columns`` set to ``:v<i>``."""
    return (
        sa.update(table)
        .where(table.c.id == sa.bindparam("row_id"))
        .values({name: sa.bindparam(f"v{i}") for i, name in enumerate(columns)})
    )


def _convert(name: str, vault: Any) -> None:
    """Encrypt the clear columns of every row of ``name`` into their ``_enc`` columns."""
    from lachan.registry.advertising_recipients import context

    conn = op.get_bind()
    table = _table(name)
    clear = [column for column, _type in TABLES[name]]
    update = _update(table, [f"{column}_enc" for column in clear])
    for rows in _batches(table, clear):
        conn.execute(update, [
            {"row_id": row[0], **{
                f"v{i}": vault.encrypt((value or "").encode("utf-8"),
                                       context(f"{name}.{column}", row[1]))
                for i, (column, value) in enumerate(zip(clear, row[2:], strict=True))}}
            for row in rows
        ])


def _restore(name: str, vault: Any) -> None:
    """Decrypt the ``_enc`` columns of every row of ``name`` back into the clear ones."""
    from lachan.registry.advertising_recipients import context
    from lachan.registry.privacy import SecretError

    conn = op.get_bind()
    table = _table(name)
    clear = [column for column, _type in TABLES[name]]
    update = _update(table, clear)
    for rows in _batches(table, [f"{column}_enc" for column in clear]):
        params = []
        for row in rows:
            try:
                params.append({"row_id": row[0], **{
                    f"v{i}": vault.decrypt(bytes(blob),
                                           context(f"{name}.{column}", row[1])).decode("utf-8")
                    for i, (column, blob) in enumerate(zip(clear, row[2:], strict=True))}})
            except SecretError:
                raise RuntimeError(
                    f"adv_0005 cannot be downgraded: row {row[0]} of {name} does not decrypt "
                    "with this master secret (LACHAN_SECRET_KEY or the key file of the "
                    "upgrade is needed); nothing was changed"
                ) from None
        conn.execute(update, params)


@contextmanager
def _violations_aside(table: str) -> Iterator[None]:
    """On SQLite, while ``ad_copies`` is copied and dropped, its violations wait in a
    temporary table (the drop would fail on their foreign key)."""
    conn = op.get_bind()
    if table != "ad_copies" or conn.dialect.name != "sqlite" or not _has_rows("ad_violations"):
        yield
        return
    conn.execute(sa.text("CREATE TEMP TABLE adv_0005_violations AS SELECT * FROM ad_violations"))
    conn.execute(sa.text("DELETE FROM ad_violations"))
    yield
    conn.execute(sa.text("INSERT INTO ad_violations SELECT * FROM adv_0005_violations"))
    conn.execute(sa.text("DROP TABLE adv_0005_violations"))


def _rewrite(table: str) -> None:
    """Rewrite ``table`` on PostgreSQL (see adv_0004's ``_rewrite``): its files, and its
    TOAST table's, are replaced by a copy of its live rows, without the old row versions
    and with the dropped columns NULL."""
    column = f"{TABLES[table][0][0]}_enc"
    op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE bytea "
               f"USING {column} || ''::bytea")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # the pages of the tables dropped below held the texts: zeroed when freed
        op.execute("PRAGMA secure_delete = ON")
    for table, columns in TABLES.items():
        with op.batch_alter_table(table) as batch_op:
            for column, _type in columns:
                batch_op.add_column(sa.Column(f"{column}_enc", sa.LargeBinary(), nullable=True))
    held = [t for t in TABLES if _has_rows(t)]
    if held:
        vault = _vault(_keyed)
        for table in held:
            _convert(table, vault)
    for table, columns in TABLES.items():
        with _violations_aside(table), op.batch_alter_table(table) as batch_op:
            for column, _type in columns:
                batch_op.drop_column(column)
                batch_op.alter_column(
                    f"{column}_enc", existing_type=sa.LargeBinary(), nullable=False)
        if op.get_bind().dialect.name == "postgresql":
            _rewrite(table)


def downgrade() -> None:
    for table, columns in TABLES.items():
        with op.batch_alter_table(table) as batch_op:
            for column, type_ in columns:
                batch_op.add_column(sa.Column(column, type_, nullable=True))
    held = [t for t in TABLES if _has_rows(t)]
    if held:
        vault = _vault(lambda: f"encrypted texts in {', '.join(held)}")
        for table in held:
            _restore(table, vault)
    for table, columns in TABLES.items():
        with _violations_aside(table), op.batch_alter_table(table) as batch_op:
            for column, type_ in columns:
                batch_op.drop_column(f"{column}_enc")
                batch_op.alter_column(column, existing_type=type_, nullable=False)
