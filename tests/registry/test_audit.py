"""The audit log's hash chain shows edits and removals."""

from __future__ import annotations

from sqlalchemy import delete, update

from lachan.registry import audit
from lachan.store.session import Database
from lachan.store.tables_centre import AuditEntry


def _fill(db: Database, n: int = 5) -> None:
    for i in range(n):
        with db.transaction() as s:
            audit.record(s, "key:abc", "complaint.create", f"complaint:{i}", {"n": i, "note": "đ"})


def test_intact_chain_verifies(db_url: str) -> None:
    db = Database(db_url)
    try:
        _fill(db)
        with db.read() as s:
            result = audit.verify(s)
        assert result.ok and result.entries == 5
    finally:
        db.dispose()


def test_edit_is_detected(db_url: str) -> None:
    db = Database(db_url)
    try:
        _fill(db)
        with db.transaction() as s:
            s.execute(update(AuditEntry).where(AuditEntry.id == 3).values(actor="key:other"))
        with db.read() as s:
            result = audit.verify(s)
        assert not result.ok and result.first_bad_id == 3 and "edited" in result.reason
    finally:
        db.dispose()


def test_removal_is_detected(db_url: str) -> None:
    db = Database(db_url)
    try:
        _fill(db)
        with db.transaction() as s:
            s.execute(delete(AuditEntry).where(AuditEntry.id == 2))
        with db.read() as s:
            result = audit.verify(s)
        assert not result.ok and result.first_bad_id == 3
    finally:
        db.dispose()
