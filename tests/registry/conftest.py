"""Database fixtures (SQLite and PostgreSQL) for these tests."""

from lachan.store.testing import backend, db_url, migrated_template  # noqa: F401
