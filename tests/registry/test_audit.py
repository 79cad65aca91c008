"""The audit log's hash chain shows edits and removals."""

from __future__ import annotations

from sqlalchemy import delete, select, update

from lachan.registry import audit
from lachan.store.session import Database
from lachan.store.tables_centre import AuditEntry, AuditSeal


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


def test_removing_the_newest_entries_is_detected(db_url: str) -> None:
    db = Database(db_url)
    try:
        _fill(db)
        with db.transaction() as s:
            s.execute(delete(AuditEntry).where(AuditEntry.id >= 4))
        with db.read() as s:
            result = audit.verify(s)
        assert not result.ok and result.entries == 3
        assert "newest" in result.reason and result.first_bad_id == 5
    finally:
        db.dispose()


def test_removing_the_newest_entries_stays_detected_after_later_writes(db_url: str) -> None:
    db = Database(db_url)
    try:
        _fill(db)
        with db.transaction() as s:
            s.execute(delete(AuditEntry).where(AuditEntry.id >= 4))
        _fill(db, 2)  # the service goes on writing: the next entries chain onto entry 3
        with db.read() as s:
            result = audit.verify(s)
            tamper = s.execute(select(AuditEntry).where(
                AuditEntry.action == audit.TAMPER_ACTION)).scalars().all()
        assert not result.ok and "newest entries were gone" in result.reason
        assert len(tamper) == 1 and result.first_bad_id == tamper[0].id
        # removing the record of it unseals the log again, and the next write records it
        with db.transaction() as s:
            s.execute(delete(AuditEntry).where(AuditEntry.id >= tamper[0].id))
        _fill(db, 1)
        with db.read() as s:
            assert not audit.verify(s).ok
    finally:
        db.dispose()


def test_a_seal_rewritten_or_removed_without_the_key_is_detected(db_url: str) -> None:
    db = Database(db_url)
    try:
        _fill(db)
        with db.transaction() as s:  # truncate and re-seal the shorter chain, keyless
            s.execute(delete(AuditEntry).where(AuditEntry.id == 5))
            head = s.get(AuditEntry, 4)
            s.execute(update(AuditSeal).values(last_id=4, last_hash=head.hash, mac="0" * 64))
        with db.read() as s:
            result = audit.verify(s)
        assert not result.ok and "key" in result.reason
        with db.transaction() as s:
            s.execute(delete(AuditSeal))
        with db.read() as s:
            result = audit.verify(s)
        assert not result.ok and "no seal" in result.reason
    finally:
        db.dispose()


def test_a_rolled_back_write_leaves_the_seal_on_the_committed_head(db_url: str) -> None:
    db = Database(db_url)
    try:
        _fill(db, 2)
        try:
            with db.transaction() as s:
                audit.record(s, "key:abc", "complaint.create", "complaint:x")
                raise RuntimeError("the write fails after its audit entry")
        except RuntimeError:
            pass
        _fill(db, 1)
        with db.read() as s:
            result = audit.verify(s)
        assert result.ok and result.entries == 3
    finally:
        db.dispose()
