"""Append-only, hash-chained audit log.

Every write in the registry calls :func:`record` in the same transaction as the write.
Each entry stores the hash of the previous entry and its own hash over
``prev_hash + canonical(entry)``, so editing or deleting any entry (except appending
new ones) breaks the chain, and :func:`verify` reports where.

Removing the *newest* entries leaves a shorter chain that is still whole, so every
transaction that appends also updates a seal: the newest entry's id and hash under an
HMAC whose key is derived from the master secret, which the database never holds. A
shorter chain, a rewritten seal or a missing one no longer matches. (Someone who keeps an
old seal row and later restores it together with the truncation is not caught: keep
copies of ``lachan audit verify`` output elsewhere for that.)
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import event, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from lachan.registry.clock import iso, utcnow
from lachan.store.tables_centre import AuditEntry, AuditSeal

GENESIS = "0" * 64
#: Advisory-lock key serialising audit appends on PostgreSQL (SQLite writers already queue).
_PG_LOCK_KEY = 0x1AC4A7


def _canonical(details: Mapping[str, Any] | None) -> str:
    return orjson.dumps(dict(details or {}), option=orjson.OPT_SORT_KEYS, default=str).decode()


def entry_hash(prev_hash: str, at: str, actor: str, action: str, target: str, details: str) -> str:
    payload = "\x1f".join((prev_hash, at, actor, action, target, details)).encode()
    return hashlib.sha256(payload).hexdigest()


#: ``Session.info`` key of the seal key; sessions without it use the master secret of the
#: environment (``LACHAN_SECRET_KEY`` or the key file under ``LACHAN_HOME``).
SEAL_KEY_INFO = "audit_seal_key"
_HEAD_INFO = "audit_head"
_SEAL_ID = 1
_default_keys: dict[tuple[str, str], bytes] = {}


def _seal_key(session: Session) -> bytes:
    key = session.info.get(SEAL_KEY_INFO)
    if key:
        return bytes(key)
    from lachan.registry.privacy import audit_seal_key, load_master_secret
    from lachan.store.session import lachan_home

    where = (os.environ.get("LACHAN_SECRET_KEY", ""), str(lachan_home()))
    found = _default_keys.get(where)
    if found is None:
        found = _default_keys[where] = audit_seal_key(load_master_secret())
    return found


def seal_mac(key: bytes, last_id: int, last_hash: str) -> str:
    return hmac.new(key, f"{last_id}:{last_hash}".encode(), "sha256").hexdigest()


@event.listens_for(Session, "before_commit")
def _write_seal(session: Session) -> None:
    """Once per transaction that appended entries: seal its newest one."""
    head = session.info.pop(_HEAD_INFO, None)
    if head is None:
        return
    last_id, last_hash = head
    values = {"id": _SEAL_ID, "last_id": last_id, "last_hash": last_hash,
              "mac": seal_mac(_seal_key(session), last_id, last_hash)}
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = insert(AuditSeal).values(**values)
    session.execute(stmt.on_conflict_do_update(
        index_elements=[AuditSeal.id],
        set_={k: stmt.excluded[k] for k in ("last_id", "last_hash", "mac")},
    ))


@event.listens_for(Session, "after_rollback")
def _forget_head(session: Session) -> None:
    session.info.pop(_HEAD_INFO, None)


def record(
    session: Session,
    actor: str,
    action: str,
    target: str,
    details: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry describing a write made in ``session``'s transaction."""
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
    prev = session.execute(
        select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).scalar_one_or_none()
    prev_hash = prev or GENESIS
    at = utcnow()
    det = _canonical(details)
    actor, action, target = actor[:64], action[:64], target[:300]
    entry = AuditEntry(
        at=at,
        actor=actor,
        action=action,
        target=target,
        details=det,
        prev_hash=prev_hash,
        hash=entry_hash(prev_hash, iso(at), actor, action, target, det),
    )
    session.add(entry)
    session.flush()
    session.info[_HEAD_INFO] = (entry.id, entry.hash)
    return entry


@dataclass(frozen=True, slots=True)
class VerifyResult:
    ok: bool
    entries: int
    first_bad_id: int | None = None
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "first_bad_id": self.first_bad_id,
            "reason": self.reason,
        }


def verify(session: Session, batch: int = 5000) -> VerifyResult:
    """Walk the chain from the start; report the first entry that does not fit, then
    check that the seal names the newest entry (see the module docstring)."""
    prev_hash = GENESIS
    count = 0
    last_id = 0
    while True:
        rows = (
            session.execute(
                select(AuditEntry)
                .where(AuditEntry.id > last_id)
                .order_by(AuditEntry.id)
                .limit(batch)
            )
            .scalars()
            .all()
        )
        if not rows:
            return _check_seal(session, count, last_id, prev_hash)
        for e in rows:
            if e.prev_hash != prev_hash:
                return VerifyResult(
                    False, count, e.id, "previous-hash link broken (entry removed or reordered)"
                )
            expect = entry_hash(e.prev_hash, iso(e.at), e.actor, e.action, e.target, e.details)
            if expect != e.hash:
                return VerifyResult(
                    False, count, e.id, "entry content does not match its hash (edited)"
                )
            prev_hash = e.hash
            count += 1
            last_id = e.id


def _check_seal(session: Session, count: int, last_id: int, last_hash: str) -> VerifyResult:
    seal = session.get(AuditSeal, _SEAL_ID)
    if seal is None:
        if count == 0:
            return VerifyResult(True, 0)
        return VerifyResult(False, count, None, "the audit log has no seal (removed?)")
    if not hmac.compare_digest(seal.mac, seal_mac(_seal_key(session), seal.last_id,
                                                  seal.last_hash)):
        return VerifyResult(False, count, None,
                            "the seal does not carry this centre's key (rewritten?)")
    if (seal.last_id, seal.last_hash) != (last_id, last_hash):
        return VerifyResult(
            False, count, seal.last_id if seal.last_id > last_id else None,
            f"the seal names entry {seal.last_id} but the newest entry is {last_id} "
            "(newest entries removed?)",
        )
    return VerifyResult(True, count)


def history(session: Session, target: str, limit: int = 100) -> list[dict[str, Any]]:
    rows = session.execute(
        select(AuditEntry)
        .where(AuditEntry.target == target)
        .order_by(AuditEntry.id.desc())
        .limit(limit)
    ).scalars()
    return [
        {
            "id": e.id,
            "at": iso(e.at),
            "actor": e.actor,
            "action": e.action,
            "target": e.target,
            "details": orjson.loads(e.details),
        }
        for e in rows
    ]
