"""The table models and the migrations describe the same schema: a column, type, index
or constraint added to one only (a model's index no migration creates, a migration's
index the model does not declare) shows here, on SQLite and PostgreSQL."""

from __future__ import annotations

import importlib

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from lachan.store.base import Base


def test_a_migrated_database_is_what_the_models_declare(db_url: str) -> None:
    for module in ("tables_centre", "tables_advertising", "tables_official"):
        importlib.import_module(f"lachan.store.{module}")
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert differences == []
