"""Alembic environment: used by :mod:`lachan.store.migrate` (connection passed in
``config.attributes``) and by the ``alembic`` command for autogenerate."""

from __future__ import annotations

import importlib

from alembic import context
from sqlalchemy import Connection

from lachan.store.base import Base
from lachan.store.session import make_engine

# Import every area's tables so autogenerate sees them (absent areas are skipped).
for _mod in ("tables_centre", "tables_advertising", "tables_official"):
    try:
        importlib.import_module(f"lachan.store.{_mod}")
    except ModuleNotFoundError:
        pass

target_metadata = Base.metadata
config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url"))
    try:
        with engine.begin() as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
