"""Database fixtures (SQLite and PostgreSQL) for these tests."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from lachan.store.testing import (  # noqa: F401
    backend,
    db_url,
    migrated_template,
    pg_create_database,
    pg_drop_database,
)

#: the secret key (LACHAN_SECRET_KEY) that the ``home`` fixture sets
SECRET = bytes(range(32))


@pytest.fixture()
def fresh_url(backend: str, tmp_path: Path) -> Iterator[str]:  # noqa: F811
    """An empty database (no migration run) for a migration test to build up itself."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.db'}"
        return
    url = pg_create_database()
    try:
        yield url
    finally:
        pg_drop_database(url)


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home directory and the secret key ``SECRET`` for the registry, without ad rules
    of the environment's."""
    monkeypatch.setenv("LACHAN_SECRET_KEY", SECRET.hex())
    monkeypatch.setenv("LACHAN_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("LACHAN_AD_RULES", raising=False)
    return tmp_path / "home"
