"""Shared by the tests of the migrations that swap an index of the advertising registry
for a covering one (adv_0006, adv_0007): the indexes of a table, what a scrub answers,
SQLite's plan for a read, and the round trip up, down and up again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Select, create_engine, inspect

from lachan.registry.advertising_scrub import ConsentLookup, consent_view
from lachan.store.migrate import upgrade
from lachan.store.session import Database
from lachan.store.testing import downgrade

#: an index: its name and its columns
Index = tuple[str, list[str]]


def indexes(url: str, table: str) -> dict[str, list[str]]:
    """The indexes of ``table``: name to columns."""
    engine = create_engine(url)
    try:
        return {ix["name"]: ix["column_names"] for ix in inspect(engine).get_indexes(table)}
    finally:
        engine.dispose()


def scrub_answers(url: str, asked: list[bytes]) -> tuple[list[int], list[int]]:
    """The consent codes of ``asked`` for SMS to advertiser 1, as the whole view and as
    the look-up answer them."""
    db = Database(url)
    try:
        with db.read() as s:
            view = consent_view(s, 1, "sms").codes(asked)
            looked_up = ConsentLookup(s, 1, "sms").codes(asked)
            return view.tolist(), looked_up.tolist()
    finally:
        db.dispose()


def sqlite_plan(url: str, query: Select[Any]) -> str:
    """SQLite's plan for ``query``."""
    engine = create_engine(url)
    try:
        sql = query.compile(engine, compile_kwargs={"literal_binds": True})
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}").all()
        return " | ".join(str(r[-1]) for r in rows)
    finally:
        engine.dispose()


def recorded_at(
    url: str, *, revision: str, table: str, old: Index, record: Callable[[str], None],
    asked: list[bytes],
) -> tuple[list[int], list[int]]:
    """Upgrades to ``revision`` (where ``table`` has only the index ``old``), records the
    test's rows with ``record`` and returns what a scrub of ``asked`` answers, the view and
    the look-up alike."""
    upgrade(url, revision)
    assert indexes(url, table) == dict([old])
    record(url)
    answers = scrub_answers(url, asked)
    view, looked_up = answers
    assert view == looked_up
    return answers


def check_round_trip(
    url: str, *, revision: str, table: str, old: Index, new: Index, query: Select[Any],
    asked: list[bytes], before: tuple[list[int], list[int]],
) -> None:
    """From ``revision`` up to the head, down to ``revision`` and up again: ``table`` has
    only ``new`` at the head and only ``old`` at ``revision``, a scrub of ``asked`` answers
    ``before`` each time, and (on SQLite) ``query`` reads from the covering index ``new``
    at the head and from no covering index at ``revision``."""
    sqlite = url.startswith("sqlite")

    upgrade(url)
    assert indexes(url, table) == dict([new])
    assert scrub_answers(url, asked) == before
    if sqlite:
        assert f"USING COVERING INDEX {new[0]}" in sqlite_plan(url, query)

    downgrade(url, revision)
    assert indexes(url, table) == dict([old])
    assert scrub_answers(url, asked) == before
    if sqlite:
        assert "COVERING" not in sqlite_plan(url, query)

    upgrade(url)
    assert indexes(url, table) == dict([new])
    assert scrub_answers(url, asked) == before
