"""Bulk statements that stay short on PostgreSQL.

A multi-row ``INSERT .. VALUES`` or an ``IN (...)`` list of 500 values is one long SQL
string with thousands of placeholders; psycopg rewrites every such string in Python
(it caches only short ones), which costs more than the database's work. On PostgreSQL
these helpers send one array per column instead (``unnest`` / ``= ANY``): a short,
cached statement with a handful of parameters. Elsewhere (SQLite) they use the plain
SQLAlchemy forms, which cost little there. Values are always bound, never inlined.

For loads of millions of rows, :func:`load_rows` and :func:`update_rows` skip the
per-row work of SQLAlchemy (parameter dicts, type processing): rows are tuples of values
the driver takes as they are (:func:`db_value` converts a constant once), written with
``COPY`` on PostgreSQL and one ``executemany`` on SQLite.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date, time
from operator import itemgetter
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


def db_value(conn: Connection, column: Any, value: Any) -> Any:
    """``value`` for ``column`` as :func:`load_rows` and :func:`update_rows` take it,
    converted once rather than once per row: what SQLAlchemy would bind (on SQLite a
    datetime becomes its text); on PostgreSQL a date or time becomes its ISO 8601 text,
    which ``COPY`` and the arrays of those functions take as they are."""
    process = column.type._cached_bind_processor(conn.dialect)
    value = value if process is None else process(value)
    if conn.dialect.name == "postgresql" and isinstance(value, date | time):
        return value.isoformat()
    return value


def _driver_sql(conn: Connection, stmt: Any, order: Sequence[str]) -> tuple[str, Any]:
    """``stmt`` as the driver's SQL text, and a function putting tuples ordered as
    ``order`` (the names of its bound parameters) in the order the text binds them."""
    compiled = stmt.compile(dialect=conn.dialect)
    bound = list(compiled.positiontup or ())
    if sorted(bound) != sorted(order):  # pragma: no cover - a misuse
        raise ValueError(f"statement binds {bound}, rows hold {list(order)}")
    perm = [list(order).index(name) for name in bound]
    if perm == list(range(len(order))):
        return str(compiled), None
    return str(compiled), itemgetter(*perm)


def _pg_array(conn: Connection, column: Any, values: Sequence[Any]) -> tuple[Any, Any]:
    """A PostgreSQL array parameter of ``values`` for ``column``: the SQL to put in a
    statement and its parameter. Strings without a comma go as one string split by the
    server (``string_to_array``): psycopg quotes each element of a list with a regular
    expression, which cost more than the statement; anything else as a binary array."""
    from psycopg import sql

    array_type = sql.SQL(column.type.compile(dialect=conn.dialect) + "[]")
    try:
        joined = ",".join(values)
    except TypeError:
        joined = None
    if joined is not None and joined.count(",") == len(values) - 1 and "" not in values:
        return sql.SQL("string_to_array(%s, ',')::{}").format(array_type), joined
    return sql.SQL("%b::{}").format(array_type), list(values)


def rows_in(
    conn: Connection, table: Table, key: str, columns: Sequence[str], keys: Sequence[Any]
) -> list[Any]:
    """``(key, *columns)`` of the rows of ``table`` whose ``key`` is one of ``keys``
    (sort them for locality): one statement with an array on PostgreSQL (as
    :func:`value_in`, a sub-select), IN lists of :data:`CHUNK` values sent straight to
    the driver elsewhere (SQLAlchemy's expanding IN costs more than SQLite's work)."""
    if not keys:
        return []
    cols = [table.c[key], *(table.c[c] for c in columns)]
    driver: Any = conn.connection.driver_connection
    if conn.dialect.name == "postgresql":
        from psycopg import sql

        array, param = _pg_array(conn, cols[0], keys)
        query = sql.SQL("SELECT {cols} FROM {t} WHERE {key} IN (SELECT unnest({array}))").format(
            cols=sql.SQL(", ").join(sql.Identifier(c.name) for c in cols),
            t=sql.Identifier(table.name),
            key=sql.Identifier(cols[0].name),
            array=array,
        )
        with driver.cursor() as cur:
            return cur.execute(query, [param]).fetchall()
    cur = driver.cursor()
    texts: dict[int, str] = {}
    found: list[Any] = []
    try:
        for i in range(0, len(keys), CHUNK):
            part = keys[i : i + CHUNK]
            text = texts.get(len(part))
            if text is None:
                marks = [bindparam(f"k{j}") for j in range(len(part))]
                stmt = select(*cols).where(cols[0].in_(marks))
                text = texts[len(part)] = str(stmt.compile(dialect=conn.dialect))
            found.extend(cur.execute(text, part).fetchall())
    finally:
        cur.close()
    return found


def _copy_text(rows: Iterable[Sequence[Any]], width: int) -> tuple[str, list[Sequence[Any]]]:
    """``COPY`` text of ``rows`` (of ``width`` values each) when every value is a string
    that needs no escaping (no tab, line end or backslash: counted on the whole text at
    once), else ``""``; and the rows, as a list."""
    rows = list(rows)
    if not rows or {len(row) for row in rows} != {width}:
        return "", rows
    try:
        text = "\n".join(["\t".join(row) for row in rows]) + "\n"
    except TypeError:  # a value that is not a string (None, a number)
        return "", rows
    plain = (
        text.count("\t") == len(rows) * (width - 1)
        and text.count("\n") == len(rows)
        and "\\" not in text
        and "\r" not in text
    )
    return (text if plain else ""), rows


def load_rows(
    conn: Connection, table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """Insert ``rows`` (tuples of values for ``columns``, see :func:`db_value`) as fast
    as the database takes them: ``COPY .. FROM STDIN`` on PostgreSQL (psycopg 3; rows of
    plain strings are written as one text, others row by row), one ``executemany``
    elsewhere. Columns left out get their defaults (an autoincrement id its next value);
    a conflict fails the statement."""
    driver: Any = conn.connection.driver_connection
    if conn.dialect.name == "postgresql":
        from psycopg import sql

        text, rows = _copy_text(rows, len(columns))
        if not rows:
            return
        copy_sql = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, columns))
        )
        with driver.cursor() as cur, cur.copy(copy_sql) as copy:
            if text:
                copy.write(text)  # (encoded as the connection says)
            else:
                for row in rows:
                    copy.write_row(row)
        return
    stmt = insert(table).values({c: bindparam(f"v_{c}") for c in columns})
    text, reorder = _driver_sql(conn, stmt, [f"v_{c}" for c in columns])
    cur = driver.cursor()
    try:
        cur.executemany(text, rows if reorder is None else map(reorder, rows))
    finally:
        cur.close()


def update_rows(
    conn: Connection,
    table: Table,
    key: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
) -> None:
    """``UPDATE table SET columns WHERE key = ..`` for each of ``rows`` (tuples: the
    key, then the new values of ``columns``, see :func:`db_value`): one ``UPDATE ..
    FROM unnest(..)`` on PostgreSQL, one ``executemany`` elsewhere."""
    if not rows:
        return
    names = [key, *columns]
    driver: Any = conn.connection.driver_connection
    if conn.dialect.name == "postgresql":
        from psycopg import sql

        arrays = [_pg_array(conn, table.c[n], [r[i] for r in rows]) for i, n in enumerate(names)]
        cols = [sql.Identifier(n) for n in names]
        query = sql.SQL(
            "UPDATE {t} SET {sets} FROM unnest({arrays}) AS v({cols}) WHERE {t}.{key} = v.{key}"
        ).format(
            t=sql.Identifier(table.name),
            sets=sql.SQL(", ").join(sql.SQL("{} = v.{}").format(c, c) for c in cols[1:]),
            arrays=sql.SQL(", ").join(a for a, _p in arrays),
            cols=sql.SQL(", ").join(cols),
            key=cols[0],
        )
        with driver.cursor() as cur:
            cur.execute(query, [p for _a, p in arrays])
        return
    stmt = (
        table.update()
        .where(table.c[key] == bindparam(f"v_{key}"))
        .values({c: bindparam(f"v_{c}") for c in columns})
    )
    text, reorder = _driver_sql(conn, stmt, [f"v_{n}" for n in names])
    cur = driver.cursor()
    try:
        cur.executemany(text, rows if reorder is None else map(reorder, rows))
    finally:
        cur.close()


__all__ = [
    "CHUNK",
    "db_value",
    "insert_rows",
    "load_rows",
    "parts",
    "rows_in",
    "update_rows",
    "value_in",
]
