"""The official-channel index: a rebuild checks each stored value once a process (not at
every rebuild), and a stored domain that the installed public-suffix list calls a suffix
never counts, however it came to be stored."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from lachan.registry import official
from lachan.registry.clock import utcnow
from lachan.store.session import Database
from lachan.store.tables_official import OfficialChannel


@pytest.fixture()
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    with database.transaction() as s:  # the seed (emptied with every table on PostgreSQL)
        official.import_seed(s, actor="test")
    official.clear_cache()
    yield database
    official.clear_cache()
    database.dispose()


def _store(db: Database, kind: str, value: str) -> None:
    """A row as it lies in the table, with no check on the way in."""
    with db.transaction() as s:
        s.add(OfficialChannel(org_id="vietcombank", kind=kind, value=value, source="test",
                              added_at=utcnow()))
    official.clear_cache()


def test_a_rebuild_checks_each_stored_value_once(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    value = f"rebuild-{id(db)}.vn"  # a value no earlier test had checked
    _store(db, "domain", value)
    checked: list[tuple[str, str]] = []
    real = official.channel_problem

    def counting(kind: str, v: str) -> Any:
        checked.append((kind, v))
        return real(kind, v)

    monkeypatch.setattr(official, "channel_problem", counting)
    for _ in range(3):
        official.clear_cache()  # what the cache's time-out does
        with db.read() as s:
            assert official.official_owner(s, "url", f"https://www.{value}/x") == "vietcombank"
    assert checked.count(("domain", value)) == 1


def test_a_stored_domain_the_list_calls_a_suffix_makes_nothing_official(db: Database) -> None:
    """As a domain registered before a ``publicsuffixlist`` upgrade made it a suffix."""
    _store(db, "domain", "github.io")
    with db.read() as s:
        assert official.official_owner(s, "url", "https://vcb-login.github.io/") is None
        assert ("github.io", "vietcombank") not in official.official_domains(s)
        assert official.official_owner(s, "domain", "vietcombank.com.vn") == "vietcombank"
