"""Bulk statements that stay short on PostgreSQL.

A multi-row ``INSERT .. VALUES`` or an ``IN (...)`` list of 500 values is one long SQL
string with thousands of placeholders; psycopg rewrites every such string in Python
(it caches only short ones), which costs more than the database's work. On PostgreSQL
these helpers send one array per column instead (``unnest`` / ``= ANY``): a short,
cached statement with a handful of parameters. Elsewhere (SQLite) they use the plain
SQLAlchemy forms, which cost little there. Values are always bound, never inlined.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Table,
    bindparam,
    func,
    insert,
    literal_column,
    select,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

#: Rows per statement where a dialect binds one parameter per value (SQLite).
CHUNK = 500


def parts(conn: Connection, values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    """``values`` in look-up-sized parts for :func:`value_in`: all at once on PostgreSQL
    (one array parameter), :data:`CHUNK` at a time elsewhere."""
    step = max(len(values), 1) if conn.dialect.name == "postgresql" else CHUNK
    for i in range(0, len(values), step):
        yield values[i : i + step]


def value_in(conn: Connection, col: ColumnElement[Any], values: Sequence[Any]) -> Any:
    """``col IN values``: ``col IN (SELECT unnest(:array))`` on PostgreSQL, an IN list
    elsewhere.

    Not ``col = ANY(:array)``: once psycopg prepares the statement, PostgreSQL may pick a
    generic plan that scans the array for every row (hundreds of times slower); the
    sub-select becomes a join."""
    if conn.dialect.name == "postgresql":
        return col.in_(select(func.unnest(bindparam(None, list(values), type_=ARRAY(col.type)))))
    return col.in_(list(values))


def insert_rows(
    conn: Connection,
    table: Table,
    rows: Sequence[dict[str, Any]],
    *,
    on_conflict_nothing: Sequence[str] | bool = False,
    returning: Iterable[str] = (),
) -> list[Any]:
    """Insert ``rows`` (dicts with the same keys); the ``returning`` columns of the rows
    inserted (not of those skipped on a conflict), in no particular order.

    ``on_conflict_nothing``: ``True`` (any unique key) or the columns of the unique key
    whose conflicts are skipped."""
    if not rows:
        return []
    names = list(rows[0])
    ret = list(returning)
    dialect = conn.dialect.name
    target = None if isinstance(on_conflict_nothing, bool) else list(on_conflict_nothing)
    if dialect == "postgresql":
        arrays = [
            bindparam(f"a{i}", [r[n] for r in rows], type_=ARRAY(table.c[n].type))
            for i, n in enumerate(names)
        ]
        source = select(literal_column("*")).select_from(func.unnest(*arrays))
        stmt: Any = pg_insert(table).from_select(names, source)
        if on_conflict_nothing:
            stmt = stmt.on_conflict_do_nothing(index_elements=target)
        if ret:
            stmt = stmt.returning(*(table.c[c] for c in ret))
        result = conn.execute(stmt)
        return list(result) if ret else []

    if on_conflict_nothing and dialect == "sqlite":
        stmt = sqlite_insert(table).on_conflict_do_nothing(index_elements=target)
    elif on_conflict_nothing:
        raise NotImplementedError(f"ON CONFLICT DO NOTHING on {dialect}")
    else:
        stmt = insert(table)
    if not ret:
        conn.execute(stmt, list(rows))
        return []
    stmt = stmt.returning(*(table.c[c] for c in ret))
    out: list[Any] = []
    for i in range(0, len(rows), CHUNK):
        out.extend(conn.execute(stmt, list(rows[i : i + CHUNK])))
    return out


__all__ = ["CHUNK", "insert_rows", "parts", "value_in"]
