"""What the database holds: the data written with the key (before a key file is made)
and the rows only audited writes make (before an empty audit log verifies) are told by
one look at each table, named in a fixed order."""

from __future__ import annotations

import pytest

from lachan.registry import audit, privacy
from lachan.registry import complaints as reg
from lachan.registry.complaints import ComplaintInput
from lachan.registry.privacy import Vault
from lachan.store.session import Database
from lachan.store.tables_centre import Complaint, Decision, Source, SourceReporter

VAULT = Vault(bytes(range(32)))


@pytest.fixture()
def db(db_url: str):
    database = Database(db_url)
    for factory in (database.sessions, database.read_sessions):  # the audit seal's key
        factory.configure(info={audit.SEAL_KEY_INFO: VAULT.audit_seal_key})
    yield database
    database.dispose()


def _complain(db: Database) -> None:
    with db.transaction() as s:
        item = ComplaintInput(
            reporter="0901234567", channel="sms", content="vay tien nhanh", source="0987654321"
        )
        assert reg.submit(s, VAULT, item, actor="test").status == "created"


def test_an_empty_database_holds_nothing_keyed_or_audited(db: Database) -> None:
    with db.read() as s:
        assert privacy.keyed_data(s) is None
        assert audit.audited_rows(s) == []
        assert privacy.tables_holding_rows(s, [("complaints", Complaint)]) == []


def test_a_complaint_is_named_as_keyed_data_and_audited_rows(db: Database) -> None:
    _complain(db)
    with db.read() as s:
        assert privacy.keyed_data(s) == (
            "encrypted complaints, reporter pseudonyms, an audit seal"
        )
        assert audit.audited_rows(s) == ["complaints rows", "sources rows"]


def test_the_do_not_call_register_is_keyed_data(db: Database) -> None:
    from lachan.registry import dnc

    with db.transaction() as s:
        dnc.register(s, "0912345678", "sms", actor="test")
        dnc.unregister(s, "0912345678", "sms", actor="test")  # history only is left
    with db.read() as s:
        # a new key file would make the register's pseudonyms unfindable
        assert privacy.keyed_data(s) == "an audit seal, Do-Not-Call history (pseudonyms)"


def test_labels_come_in_the_order_given_and_only_for_tables_with_rows(db: Database) -> None:
    _complain(db)
    tables = [
        ("reporters", SourceReporter),
        ("decisions", Decision),  # no decision was taken
        ("sources", Source.__table__),  # a Core table too
        ("complaints", Complaint),
    ]
    with db.read() as s:
        assert privacy.tables_holding_rows(s, iter(tables)) == [
            "reporters", "sources", "complaints"
        ]
