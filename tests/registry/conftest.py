"""Database fixtures (SQLite and PostgreSQL) for these tests."""

from collections.abc import Iterator

import pytest

from lachan.registry import audit
from lachan.registry.privacy import Vault
from lachan.store.session import Database
from lachan.store.testing import backend, db_url, migrated_template  # noqa: F401


@pytest.fixture()
def db(db_url: str) -> Iterator[Database]:  # noqa: F811
    """A migrated database whose sessions seal the audit log (a test module may define its
    own ``db`` instead)."""
    database = Database(db_url)
    for factory in (database.sessions, database.read_sessions):  # the audit seal's key
        factory.configure(info={audit.SEAL_KEY_INFO: Vault(bytes(range(32))).audit_seal_key})
    yield database
    database.dispose()
