"""Do-Not-Call register: scopes combine as sets, history is kept, numbers normalised."""

from __future__ import annotations

import pytest

from lachan.registry import audit, dnc
from lachan.registry.advertising_scrub import import_dnc
from lachan.registry.privacy import SecretError, Vault
from lachan.store.session import Database
from lachan.store.testing import raw_values

#: The national significant numbers registered below: any spelling of one of them
#: (0912345678, 84912345678, +84912345678, 912345678) holds its digits in a row.
REGISTERED = ("912345678", "987654321", "2438251234", "355555555", "355555556")


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


def test_the_register_holds_no_number_in_clear(db: Database) -> None:
    with db.transaction() as s:
        dnc.register(s, "+84 912 345 678", "sms", via="gateway")
        dnc.register(s, "84987654321", "all")
        dnc.register(s, "024 3825 1234", "call")  # a fixed line
        dnc.unregister(s, "0987654321", "sms")
        import_dnc(s, ["0355555555", "+84355555556", "0912345678"], "call")
    tables = raw_values(db.url, "dnc", "dnc_history")
    assert len(tables["dnc"]) > 4 * 4 and len(tables["dnc_history"]) > 6 * 7
    for table, values in tables.items():
        for value in values:
            for nsn in REGISTERED:
                assert nsn not in value, f"{table} holds {value!r}"
    with db.read() as s:  # and every look-up still finds them
        assert [dnc.scope_of(s, n) for n in ("0912345678", "+84987654321", "02438251234",
                                             "0355555555", "0355555556", "0912000000")] == [
            "all", "call", "call", "call", "call", None]
        assert [h["scope_after"] for h in dnc.history(s, "84912345678")] == ["sms", "all"]


def test_a_session_keyed_by_no_live_vault_cannot_use_the_register(db_url: str) -> None:
    # its pseudonyms would not be the centre's: the register would not find them again
    database = Database(db_url)
    database.sessions.configure(info={audit.SEAL_KEY_INFO: Vault(b"z" * 32).audit_seal_key})
    try:
        with pytest.raises(SecretError, match="no live vault"), database.transaction() as s:
            dnc.register(s, "0912345678", "all")
    finally:
        database.dispose()


def test_old_eleven_digit_number_is_the_same_subscriber(db: Database) -> None:
    with db.transaction() as s:
        dnc.register(s, "01662345678", "all")
        assert dnc.scope_of(s, "0362345678") == "all"


def test_iter_pseudonyms_filters_by_scope_and_streams(db: Database) -> None:
    with db.transaction() as s:
        dnc.register(s, "0912000001", "sms")
        dnc.register(s, "0912000002", "call")
        dnc.register(s, "0912000003", "all")
        key = {dnc.pseudonym(s, f"091200000{i}"): i for i in (1, 2, 3)}
    with db.read() as s:
        listed = list(dnc.iter_pseudonyms(s, batch=1))
        assert listed == sorted(listed)
        assert sorted((key[p], sc) for p, sc in listed) == [(1, "sms"), (2, "call"), (3, "all")]
        assert sorted(key[p] for p, _ in dnc.iter_pseudonyms(s, "sms")) == [1, 3]
        assert sorted(key[p] for p, _ in dnc.iter_pseudonyms(s, "call")) == [2, 3]
        assert dnc.count(s) == 3


@pytest.mark.parametrize("bad", ["5656", "19001234", "hello", "", "0912345678901234"])
def test_rejects_non_subscriber_numbers(db: Database, bad: str) -> None:
    with db.transaction() as s, pytest.raises(dnc.InvalidNumber):
        dnc.register(s, bad, "all")


def test_rejects_unknown_scope(db: Database) -> None:
    with db.transaction() as s, pytest.raises(ValueError, match="scope"):
        dnc.register(s, "0912345678", "email")
