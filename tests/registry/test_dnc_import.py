"""Bulk import onto the Do-Not-Call register (written in bulk statements, past the ORM):
the same entries, history and counts as registering each number, whether the register
was empty or not, whatever the chunks; all or nothing when interrupted."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from lachan.registry import dnc
from lachan.registry.advertising_scrub import import_dnc_lists
from lachan.store.session import Database
from lachan.store.tables_centre import DncEntry


@pytest.fixture()
def db(db_url: str) -> Iterator[Database]:
    """A migrated database; numbers are keyed with the environment's secret."""
    database = Database(db_url)
    yield database
    database.dispose()


ON_REGISTER = {"0912345678": "sms", "0987654321": "call", "0901234567": "all"}


def _chunks() -> list[list[str]]:
    # a number of the register and a new one each come back in a later chunk, in
    # another spelling; one chunk holds a repeat of its own
    return [
        ["0912345678", "0355555555", "0987654321"],
        ["+84 355 555 555", "0901234567", "0912000001", "0912000001"],
        ["84987654321", "0243 825 1234"],
    ]


def _expected_history(scope_after: dict[str, str]) -> dict[str, list[dict[str, str]]]:
    return {
        n: [{"action": "register", "scope": "sms", "scope_after": after, "via": "import"}]
        for n, after in scope_after.items()
    }


def _history(db: Database, numbers: list[str], skip: dict[str, int]) -> dict:
    with db.read() as s:
        return {
            n: [
                {k: h[k] for k in ("action", "scope", "scope_after", "via")}
                for h in dnc.history(s, n)[skip.get(n, 0) :]
            ]
            for n in numbers
        }


def test_an_import_onto_a_register_in_use_counts_and_records_each_number_once(
    db: Database,
) -> None:
    with db.transaction() as s:
        for number, scope in ON_REGISTER.items():
            dnc.register(s, number, scope)
    with db.transaction() as s:
        stats = import_dnc_lists(s, _chunks(), "sms")
    assert stats == {"read": 9, "added": 3, "changed": 1, "unchanged": 2, "duplicates": 3}
    after = {
        "0912345678": "sms",
        "0987654321": "all",
        "0901234567": "all",
        "0355555555": "sms",
        "0912000001": "sms",
        "02438251234": "sms",
    }
    with db.read() as s:
        assert {n: dnc.scope_of(s, n) for n in after} == after
    # one event for each number added or changed, none for those left as they were
    history = _history(db, list(after), skip=dict.fromkeys(ON_REGISTER, 1))
    assert history == {**_expected_history(after), "0912345678": [], "0901234567": []}


def test_an_import_onto_an_empty_register_counts_repeats_across_chunks(db: Database) -> None:
    with db.transaction() as s:
        stats = import_dnc_lists(s, _chunks(), "sms")
    assert stats == {"read": 9, "added": 6, "changed": 0, "unchanged": 0, "duplicates": 3}
    numbers = [*ON_REGISTER, "0355555555", "0912000001", "02438251234"]
    assert _history(db, numbers, {}) == _expected_history(dict.fromkeys(numbers, "sms"))
    with db.transaction() as s:  # the same list again: every number already there
        again = import_dnc_lists(s, _chunks(), "sms")
    assert again == {"read": 9, "added": 0, "changed": 0, "unchanged": 6, "duplicates": 3}
    with db.read() as s:
        assert dnc.count(s) == 6


def test_a_session_that_holds_an_entry_sees_the_import_change_it(db: Database) -> None:
    with db.transaction() as s:
        dnc.register(s, "0912345678", "call")
        entry = s.get(DncEntry, dnc.pseudonym(s, "0912345678"))
        assert entry is not None and entry.scope == "call"
        import_dnc_lists(s, [["0912345678"]], "sms")
        assert entry.scope == "all" and dnc.scope_of(s, "0912345678") == "all"


def test_an_interrupted_import_keeps_nothing_and_a_rerun_completes_it(db: Database) -> None:
    with db.transaction() as s:
        dnc.register(s, "0987654321", "call")

    def interrupted() -> Iterator[list[str]]:
        yield from _chunks()[:2]  # two chunks written, then the process is stopped
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt), db.transaction() as s:
        import_dnc_lists(s, interrupted(), "sms")
    with db.read() as s:
        assert dnc.count(s) == 1 and dnc.scope_of(s, "0987654321") == "call"
        assert len(dnc.history(s, "0987654321")) == 1
        assert dnc.scope_of(s, "0355555555") is None
    with db.transaction() as s:
        stats = import_dnc_lists(s, _chunks(), "sms")
    assert stats == {"read": 9, "added": 5, "changed": 1, "unchanged": 0, "duplicates": 3}
    with db.read() as s:
        assert dnc.count(s) == 6 and dnc.scope_of(s, "0987654321") == "all"
