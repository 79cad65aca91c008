"""Apply the Alembic migrations programmatically (no alembic.ini needed).

Every area keeps its tables on its own branch (``centre``, ``advertising``,
``official``); :func:`upgrade` goes to ``heads`` so all branches are applied.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from lachan.store.session import database_url, make_engine

SCRIPT_LOCATION = "lachan.store:migrations"


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    cfg.set_main_option("sqlalchemy.url", (url or database_url()).replace("%", "%%"))
    return cfg


def upgrade(url: str | None = None, target: str = "heads") -> None:
    """Bring the database at ``url`` (default :func:`database_url`) up to ``target``."""
    url = url or database_url()
    cfg = alembic_config(url)
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
    finally:
        engine.dispose()


def heads() -> set[str]:
    """The head revisions the code knows."""
    return set(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads())


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
