"""The SQLite data directory and database hold reporters' pseudonyms and encrypted
complaints: what Lachan creates is readable by its own user only (QA: lachan.db was
created 0644 in a 0755 directory; only secret.key was 0600)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from lachan.registry.privacy import Vault
from lachan.store.migrate import upgrade
from lachan.store.session import Database

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture()
def open_umask():
    old = os.umask(0o022)  # the usual umask, which made the files world-readable
    yield
    os.umask(old)


def test_a_new_database_and_its_wal_files_are_private(tmp_path: Path, open_umask: None) -> None:
    home = tmp_path / "home" / "data"
    url = f"sqlite:///{home / 'lachan.db'}"
    upgrade(url)
    db = Database(url)
    try:
        with db.transaction() as s:  # a write leaves the WAL and shared-memory files open
            s.execute(text("CREATE TABLE t (x INTEGER)"))
            s.execute(text("INSERT INTO t VALUES (1)"))
        files = sorted(p.name for p in home.iterdir())
        assert files == ["lachan.db", "lachan.db-shm", "lachan.db-wal"]
        assert {name: _mode(home / name) for name in files} == dict.fromkeys(files, 0o600)
        assert _mode(home) == 0o700
    finally:
        db.dispose()


def test_the_secret_key_creates_the_data_directory_private(
    tmp_path: Path, open_umask: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``lachan serve`` creates the key file first: the directory is 0700 from then on."""
    home = tmp_path / "home"
    monkeypatch.setenv("LACHAN_HOME", str(home))
    monkeypatch.delenv("LACHAN_SECRET_KEY", raising=False)
    monkeypatch.delenv("LACHAN_DATABASE_URL", raising=False)
    Vault.from_environment()
    upgrade()
    assert _mode(home) == 0o700
    assert _mode(home / "secret.key") == 0o600 and _mode(home / "lachan.db") == 0o600


def test_existing_files_keep_their_modes(tmp_path: Path, open_umask: None) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o750)
    os.chmod(shared, 0o750)
    (shared / "lachan.db").touch(mode=0o640)
    os.chmod(shared / "lachan.db", 0o640)
    upgrade(f"sqlite:///{shared / 'lachan.db'}")
    assert (_mode(shared), _mode(shared / "lachan.db")) == (0o750, 0o640)
