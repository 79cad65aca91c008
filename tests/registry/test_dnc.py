"""Do-Not-Call register: scopes combine as sets, history is kept, numbers normalised."""

from __future__ import annotations

import pytest

from lachan.registry import audit, dnc
from lachan.store.session import Database


@pytest.fixture()
def db(db_url: str):
    database = Database(db_url)
    yield database
    database.dispose()


def test_scopes_combine_and_withdraw(db: Database) -> None:
    with db.transaction() as s:
        assert dnc.register(s, "+84 912 345 678", "sms").scope_after == "sms"
        assert dnc.register(s, "0912345678", "call").scope_after == "all"
        again = dnc.register(s, "0912.345.678", "all")
        assert not again.changed
        assert dnc.unregister(s, "0912345678", "sms").scope_after == "call"
        assert dnc.scope_of(s, "0912345678") == "call"
        assert dnc.blocks("call", "call") and not dnc.blocks("call", "sms")
        assert dnc.unregister(s, "0912345678", "all").scope_after is None
        assert dnc.scope_of(s, "0912345678") is None
        assert not dnc.unregister(s, "0912345678").changed
    with db.read() as s:
        hist = dnc.history(s, "0912345678")
        assert [h["action"] for h in hist] == ["register", "register", "unregister", "unregister"]
        assert [h["scope_after"] for h in hist] == ["sms", "all", "call", "none"]
        assert audit.verify(s).entries == 4


def test_old_eleven_digit_number_is_the_same_subscriber(db: Database) -> None:
    with db.transaction() as s:
        dnc.register(s, "01662345678", "all")
        assert dnc.scope_of(s, "0362345678") == "all"


def test_iter_numbers_filters_by_scope_and_streams(db: Database) -> None:
    with db.transaction() as s:
        dnc.register(s, "0912000001", "sms")
        dnc.register(s, "0912000002", "call")
        dnc.register(s, "0912000003", "all")
    with db.read() as s:
        assert list(dnc.iter_numbers(s, batch=1)) == [
            ("0912000001", "sms"),
            ("0912000002", "call"),
            ("0912000003", "all"),
        ]
        assert [n for n, _ in dnc.iter_numbers(s, "sms")] == ["0912000001", "0912000003"]
        assert [n for n, _ in dnc.iter_numbers(s, "call")] == ["0912000002", "0912000003"]
        assert dnc.count(s) == 3


@pytest.mark.parametrize("bad", ["5656", "19001234", "hello", "", "0912345678901234"])
def test_rejects_non_subscriber_numbers(db: Database, bad: str) -> None:
    with db.transaction() as s, pytest.raises(dnc.InvalidNumber):
        dnc.register(s, bad, "all")


def test_rejects_unknown_scope(db: Database) -> None:
    with db.transaction() as s, pytest.raises(ValueError, match="scope"):
        dnc.register(s, "0912345678", "email")
