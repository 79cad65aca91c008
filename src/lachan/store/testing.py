"""Throw-away databases for tests, on SQLite and PostgreSQL.

Import the fixtures into a ``conftest.py``::

    from lachan.store.testing import backend, db_url, migrated_template  # noqa: F401

``db_url`` is a fresh, fully migrated database per test: on SQLite a copy of a template
file migrated once per session; on PostgreSQL (127.0.0.1:5432, user postgres, or
``LACHAN_TEST_PG_URL``) a database created for the session, emptied before each test
and dropped at the end. PostgreSQL tests skip with a reason when none answers.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, delete, inspect, select, table, text
from sqlalchemy.engine import make_url

from lachan.store.migrate import alembic_config, upgrade

PG_ADMIN_URL = os.environ.get(
    "LACHAN_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def downgrade(url: str, revision: str) -> None:
    """Downgrade the database at ``url`` to ``revision`` in one transaction (on SQLite
    too: the service's engine begins it before the first statement, DDL included, so a
    migration that refuses undoes what the ones before it did)."""
    from lachan.store.session import make_engine

    engine = make_engine(url)
    cfg = alembic_config(url)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
    finally:
        engine.dispose()


def table_names(url: str) -> set[str]:
    """The tables of the database at ``url``."""
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def raw_values(url: str, *tables: str) -> dict[str, list[str]]:
    """Every column name and value of every row of ``tables``, as text, read with plain
    SQL past the ORM (what someone holding a copy of the database sees), per table."""
    from sqlalchemy import MetaData, Table

    engine = create_engine(url)
    try:
        found: dict[str, list[str]] = {}
        with engine.connect() as conn:
            for name in tables:
                t = Table(name, MetaData(), autoload_with=conn)
                values = [str(c.name) for c in t.columns]
                for row in conn.execute(select(t)):
                    values.extend(str(v) for v in row)
                found[name] = values
        return found
    finally:
        engine.dispose()


def pg_available(url: str = PG_ADMIN_URL) -> str | None:
    """None when PostgreSQL answers at ``url``, else the reason it does not."""
    try:
        engine = create_engine(url, connect_args={"connect_timeout": 2})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # any failure means: skip with the reason
        return f"PostgreSQL not reachable at {make_url(url).render_as_string()}: {exc}"
    return None


def pg_create_database(admin_url: str = PG_ADMIN_URL) -> str:
    """Create an empty database with a random name; return its URL."""
    name = f"lachan_t_{secrets.token_hex(6)}"
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {conn.dialect.identifier_preparer.quote(name)}")
    engine.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def pg_drop_database(url: str, admin_url: str = PG_ADMIN_URL) -> None:
    name = make_url(url).database
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        quoted = conn.dialect.identifier_preparer.quote(name)
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
    engine.dispose()


def pg_empty(url: str) -> None:
    """Delete every row of every table except Alembic's version table and restart the
    sequences (DELETE with foreign-key triggers off: much faster than TRUNCATE on the
    small tables of a test)."""
    engine = create_engine(url)
    with engine.begin() as conn:
        names = conn.execute(
            text(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                "AND tablename <> 'alembic_version'"
            )
        ).scalars().all()
        quote = conn.dialect.identifier_preparer.quote
        conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
        for name in names:
            conn.execute(delete(table(name)))
        sequences = conn.execute(
            text("SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema()")
        ).scalars().all()
        for seq in sequences:
            conn.execute(text("SELECT setval(CAST(:s AS regclass), 1, false)"), {"s": quote(seq)})
    engine.dispose()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql":
        reason = pg_available()
        if reason:
            pytest.skip(reason)
    return request.param


@pytest.fixture(scope="session")
def migrated_template(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A migrated database for the session (SQLite: a template file to copy)."""
    if backend == "sqlite":
        path = tmp_path_factory.mktemp("dbtemplate") / "template.db"
        url = f"sqlite:///{path}"
        upgrade(url)
        yield url
        return
    url = pg_create_database()
    try:
        upgrade(url)
        yield url
    finally:
        pg_drop_database(url)


@pytest.fixture()
def db_url(backend: str, migrated_template: str, tmp_path: Path) -> str:
    """A fresh, migrated, empty database for one test."""
    if backend == "sqlite":
        src = Path(make_url(migrated_template).database or "")
        dest = tmp_path / "lachan.db"
        shutil.copyfile(src, dest)
        return f"sqlite:///{dest}"
    pg_empty(migrated_template)
    return migrated_template
