"""The key cache: a key is read from the database once, not once a second; a revoked
key is refused at once in the process that revoked it and within a second in any other."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import update

from lachan.registry import keys
from lachan.registry.clock import utcnow
from lachan.serve.testing import HandClock, KeyReads
from lachan.store.session import Database
from lachan.store.tables_centre import ApiKey


@pytest.fixture()
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    yield database
    database.dispose()



def _create(db: Database, role: str, n: int = 1) -> list[str]:
    with db.transaction() as s:
        return [keys.create_key(s, role, f"{role} {i}") for i in range(n)]


def _revoke_elsewhere(db: Database, key: str) -> None:
    """What another process's revocation looks like from here: the row changes in the
    database, and nothing in this process is told."""
    other = Database(db.url)
    try:
        with other.transaction() as s:
            s.execute(update(ApiKey).where(ApiKey.key_id == key.split("_")[1])
                      .values(revoked_at=utcnow()))
    finally:
        other.dispose()


def test_many_keys_cost_one_stamp_read_a_second_not_one_row_read_each(
    db: Database, key_clock: HandClock
) -> None:
    operators = _create(db, "operator", 20)
    cache = keys.KeyCache(db.read)
    reads = KeyReads(db)
    for _second in range(5):
        for key in operators:
            assert cache.authenticate(key) == keys.Caller(key.split("_")[1], "operator")
        key_clock.now += 1.01
    assert reads.rows == 20  # each key read once ...
    assert reads.stamps == 5  # ... and one revocation check a second for all of them


def test_a_key_revoked_in_this_process_is_refused_at_once(
    db: Database, key_clock: HandClock
) -> None:
    (admin, operator) = _create(db, "admin") + _create(db, "operator")
    cache = keys.KeyCache(db.read)
    assert cache.authenticate(operator).role == "operator"
    with db.transaction() as s:
        assert keys.revoke_key(s, operator.split("_")[1], actor="test")
    with pytest.raises(keys.InvalidKey, match="revoked"):
        cache.authenticate(operator)
    assert cache.authenticate(admin).role == "admin"  # the other keys are kept


def test_a_key_revoked_by_another_process_is_refused_within_a_second(
    db: Database, key_clock: HandClock
) -> None:
    operator, other = _create(db, "operator", 2)
    cache = keys.KeyCache(db.read)
    assert cache.authenticate(operator).role == "operator"
    key_clock.now += 0.5
    _revoke_elsewhere(db, operator)
    key_clock.now += 1.0
    with pytest.raises(keys.InvalidKey, match="revoked"):
        cache.authenticate(operator)
    assert cache.authenticate(other).role == "operator"


def test_a_revoked_key_is_refused_within_a_second_even_when_the_cache_is_busy(
    db: Database, key_clock: HandClock
) -> None:
    """Requests every tenth of a second never keep a revoked key alive past the check."""
    operator = _create(db, "operator")[0]
    cache = keys.KeyCache(db.read)
    revoked_at = None
    refused_at = None
    for tick in range(40):
        if tick == 7:
            _revoke_elsewhere(db, operator)
            revoked_at = key_clock.now
        try:
            cache.authenticate(operator)
        except keys.InvalidKey:
            refused_at = key_clock.now
            break
        key_clock.now += 0.1
    assert revoked_at is not None and refused_at is not None
    assert refused_at - revoked_at <= 1.0 + 1e-9


def test_an_unknown_key_is_not_cached_and_a_wrong_secret_is_refused(
    db: Database, key_clock: HandClock
) -> None:
    cache = keys.KeyCache(db.read)
    later = "lck_0123456789ab_" + "A" * 43
    with pytest.raises(keys.InvalidKey, match="unknown"):
        cache.authenticate(later)
    operator = _create(db, "operator")[0]  # created after the refusal ...
    assert cache.authenticate(operator).role == "operator"  # ... works at once
    with pytest.raises(keys.InvalidKey, match="unknown"):
        cache.authenticate(operator[:-4] + "AAAA")  # its id, another secret
    with pytest.raises(keys.InvalidKey, match="malformed"):
        cache.authenticate("Bearer nothing")


def test_a_row_is_read_again_after_its_time_to_live(db: Database, key_clock: HandClock) -> None:
    operator = _create(db, "operator")[0]
    cache = keys.KeyCache(db.read, row_ttl_s=10.0)
    reads = KeyReads(db)
    cache.authenticate(operator)
    key_clock.now += 5
    cache.authenticate(operator)
    assert reads.rows == 1
    key_clock.now += 5
    cache.authenticate(operator)
    assert reads.rows == 2
