"""Apply the Alembic migrations programmatically (no alembic.ini needed).

Every area keeps its tables on its own branch (``centre``, ``advertising``,
``official``); :func:`upgrade` goes to ``heads`` so all branches are applied.

Commands that only read (``lachan keys list``, ``audit verify``...) call
:func:`check_ready` first: a database that was never upgraded, is older than the code,
or is not a Lachan database at all is then one readable :class:`DatabaseNotReady`, not
an SQL error. :func:`describe_error` does the same for an error met later.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from lachan.store.session import database_url, is_sqlite, make_engine

NOT_MIGRATED = "the database is not migrated; run `lachan db upgrade`"
_NOT_A_DATABASE_SIGNS = ("file is not a database", "database disk image is malformed",
                         "not a database")
_MISSING_TABLE_SIGNS = ("no such table", "does not exist", "undefinedtable")


class DatabaseNotReady(RuntimeError):
    """The configured database cannot be used as it is; ``message`` says why and what to do.
    ``empty``: there is nothing there yet (no SQLite file, or a database without a single
    table), as opposed to one that cannot be reached or read, or holds tables of another
    schema version or program."""

    def __init__(self, message: str, *, empty: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.empty = empty

SCRIPT_LOCATION = "lachan.store:migrations"
#: ``Config.attributes`` key of a master secret given to the migrations (bytes): the one a
#: migration that writes keyed data uses instead of the environment's.
MASTER_SECRET = "master_secret"


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    cfg.set_main_option("sqlalchemy.url", (url or database_url()).replace("%", "%%"))
    return cfg


def upgrade(
    url: str | None = None, target: str = "heads", *, master_secret: bytes | None = None
) -> bool:
    """Bring the database at ``url`` (default :func:`database_url`) up to ``target``;
    ``True`` when it held no Lachan schema before (a new database was made).
    ``master_secret`` (default: the environment's, read only if needed) keys what a
    migration pseudonymises."""
    url = url or database_url()
    cfg = alembic_config(url)
    if master_secret is not None:
        cfg.attributes[MASTER_SECRET] = master_secret
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            new = not MigrationContext.configure(conn).get_current_heads()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
    finally:
        engine.dispose()
    return new


def new_database_note(url: str) -> str:
    """What a command says when it made a new database: a mistyped ``LACHAN_HOME`` would
    otherwise split the data over two databases without a word."""
    return (f"note: a new database was created at {_where(url)} (set LACHAN_HOME or "
            f"LACHAN_DATABASE_URL if you meant an existing one)")


@lru_cache(maxsize=1)
def _scripts() -> ScriptDirectory:
    """The migration scripts, read once a process (every read-only command checks them)."""
    return ScriptDirectory.from_config(alembic_config("sqlite://"))


def heads() -> set[str]:
    """The head revisions the code knows."""
    return set(_scripts().get_heads())


def current(url: str | None = None) -> set[str]:
    """The revisions the database at ``url`` is at."""
    engine = make_engine(url or database_url())
    try:
        with engine.connect() as conn:
            return set(MigrationContext.configure(conn).get_current_heads())
    finally:
        engine.dispose()


def is_current(url: str | None = None) -> bool:
    return current(url) == heads()


def _where(url: str) -> str:
    """The database named for a message: the file for SQLite, host/name otherwise (never
    the password)."""
    parsed = make_url(url)
    if is_sqlite(url):
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True).split("@")[-1]


def describe_error(exc: BaseException, url: str | None = None) -> str:
    """One readable line for a database error: what is wrong and what to do, never the
    SQL statement that failed."""
    if isinstance(exc, DatabaseNotReady):
        return exc.message
    where = _where(url or database_url())
    detail = str(exc.orig) if isinstance(exc, DBAPIError) and exc.orig is not None else str(exc)
    detail = detail.strip().splitlines()[0] if detail.strip() else type(exc).__name__
    lowered = detail.lower() + " " + type(getattr(exc, "orig", exc)).__name__.lower()
    if any(sign in lowered for sign in _NOT_A_DATABASE_SIGNS):
        return f"not a Lachan database: {where} ({detail})"
    if any(sign in lowered for sign in _MISSING_TABLE_SIGNS):
        return f"{NOT_MIGRATED} ({where}: {detail})"
    return f"database {where}: {detail}"


def check_ready(url: str | None = None) -> None:
    """Raise :class:`DatabaseNotReady` unless the database at ``url`` is a Lachan database
    migrated to the code's heads. A SQLite file that does not exist is not created."""
    url = url or database_url()
    where = _where(url)
    if is_sqlite(url):
        path = make_url(url).database
        if path and path != ":memory:" and not Path(path).is_file():
            raise DatabaseNotReady(
                f"{NOT_MIGRATED} (there is no database at {where} yet)", empty=True
            )
    engine = make_engine(url, read_only=True)
    try:
        with engine.connect() as conn:
            revisions = set(MigrationContext.configure(conn).get_current_heads())
            tables = set(inspect(conn).get_table_names()) if not revisions else set()
    except SQLAlchemyError as exc:
        raise DatabaseNotReady(describe_error(exc, url)) from None
    finally:
        engine.dispose()
    if not revisions:
        if tables - {"alembic_version"}:
            raise DatabaseNotReady(f"not a Lachan database: {where} (it holds other tables "
                                   "and no Lachan schema version)")
        raise DatabaseNotReady(f"{NOT_MIGRATED} ({where} is empty)", empty=True)
    known = heads()
    unknown = revisions - _all_revisions()
    if unknown:
        raise DatabaseNotReady(
            f"the database at {where} has schema version(s) {', '.join(sorted(unknown))} "
            "that this version of Lachan does not know; upgrade Lachan")
    if revisions != known:
        raise DatabaseNotReady(f"{NOT_MIGRATED} ({where} is at an older schema)")


def _all_revisions() -> set[str]:
    return {rev.revision for rev in _scripts().walk_revisions()}
