"""Engine and session set-up for SQLite (embedded default) and PostgreSQL.

- :func:`database_url` reads ``LACHAN_DATABASE_URL``; without it the database is the
  SQLite file ``lachan.db`` under ``LACHAN_HOME`` (default ``./.lachan``).
- :func:`make_engine` turns on WAL, foreign keys and a busy timeout for SQLite, and makes
  every SQLite transaction ``BEGIN IMMEDIATE`` so that concurrent writers queue on the
  busy timeout instead of failing on a stale read snapshot. ``make_engine(url,
  read_only=True)`` gives a plain ``BEGIN`` engine for read-mostly paths (look-ups).
- :func:`transaction` is a context manager: one session, committed on success, rolled
  back on error.

The SQLite database holds reporters' pseudonyms and encrypted complaints: when Lachan
creates the data directory it is made mode 0700, and the database file 0600 before
SQLite first opens it (SQLite gives its ``-wal`` and ``-shm`` files the database's mode).
Existing files and directories keep their modes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from lachan.store.errors import DatabaseUrlError as DatabaseUrlError  # re-exported

#: Milliseconds a SQLite connection waits for a lock before giving up.
SQLITE_BUSY_TIMEOUT_MS = 30_000
#: Modes of what Lachan creates for SQLite: only the service's user may read them.
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def lachan_home() -> Path:
    """The data directory: ``$LACHAN_HOME`` or ``./.lachan``."""
    return Path(os.environ.get("LACHAN_HOME") or ".lachan")


def database_url() -> str:
    """The database to use: ``$LACHAN_DATABASE_URL`` or SQLite under :func:`lachan_home`;
    :class:`DatabaseUrlError` when the variable is no URL of a known database."""
    url = os.environ.get("LACHAN_DATABASE_URL", "").strip()
    if url:
        try:
            make_url(url).get_dialect()
        except (ArgumentError, NoSuchModuleError, ImportError) as exc:
            shown = url.split("@")[-1][:80]  # (no password in the message)
            raise DatabaseUrlError(
                f"LACHAN_DATABASE_URL is no database URL this installation can open "
                f"(...{shown!r}): {exc.__class__.__name__}; use sqlite:///PATH or "
                f"postgresql+psycopg://USER@HOST/DB") from None
        return url
    return f"sqlite:///{(lachan_home() / 'lachan.db').resolve()}"


def is_sqlite(url_or_engine: str | Engine) -> bool:
    if isinstance(url_or_engine, Engine):
        return url_or_engine.dialect.name == "sqlite"
    return make_url(url_or_engine).get_backend_name() == "sqlite"


def make_engine(url: str | None = None, *, read_only: bool = False, **kwargs: Any) -> Engine:
    """Create an engine for ``url`` (default :func:`database_url`)."""
    url = url or database_url()
    if not is_sqlite(url):
        kwargs.setdefault("pool_pre_ping", True)
        kwargs.setdefault("pool_size", 10)
        kwargs.setdefault("max_overflow", 20)
        return create_engine(url, **kwargs)

    parsed = make_url(url)
    path = _sqlite_file(parsed.database)
    if path is not None:
        make_private_dir(path.parent)
    connect_args = kwargs.pop("connect_args", {})
    connect_args.setdefault("check_same_thread", False)
    connect_args.setdefault("timeout", SQLITE_BUSY_TIMEOUT_MS / 1000)
    engine = create_engine(url, connect_args=connect_args, **kwargs)

    if path is not None:

        @event.listens_for(engine, "do_connect")
        def _before_connect(*_args: Any) -> None:
            create_private_file(path)  # before SQLite would create it 0644

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy (not the driver) decide when transactions begin.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_MS)}")
        cur.close()

    begin_sql = "BEGIN" if read_only else "BEGIN IMMEDIATE"

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql(begin_sql)

    return engine


def _sqlite_file(database: str | None) -> Path | None:
    """The file of a SQLite database name; None for memory databases and URIs."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def make_private_dir(path: Path) -> None:
    """Create ``path`` (mode 0700, parents as the umask gives) unless it exists."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)


def create_private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 unless it exists (an empty file is an empty
    SQLite database)."""
    if path.exists():
        return
    make_private_dir(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:  # another process created it first
        return
    os.close(fd)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False, future=True)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit when the block ends normally, roll back on error."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


class Database:
    """An engine pair (writer, reader) and their session factories.

    On SQLite the writer begins ``IMMEDIATE`` transactions and the reader plain ones; on
    PostgreSQL both are the same engine.
    """

    def __init__(self, url: str | None = None) -> None:
        self.url = url or database_url()
        self.engine = make_engine(self.url)
        self.read_engine = (
            make_engine(self.url, read_only=True) if is_sqlite(self.url) else self.engine
        )
        self.sessions = session_factory(self.engine)
        self.read_sessions = session_factory(self.read_engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def transaction(self) -> Any:
        """Context manager yielding a session for a write (committed on success)."""
        return transaction(self.sessions)

    def read(self) -> Any:
        """Context manager yielding a session for reading."""
        return transaction(self.read_sessions)

    def dispose(self) -> None:
        self.engine.dispose()
        if self.read_engine is not self.engine:
            self.read_engine.dispose()
