"""Append-only, hash-chained audit log.

Every write in the registry calls :func:`record` in the same transaction as the write.
Each entry stores the hash of the previous entry and its own hash over
``prev_hash + canonical(entry)``, so editing or deleting any entry (except appending
new ones) breaks the chain, and :func:`verify` reports where.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from lachan.registry.clock import iso, utcnow
from lachan.store.tables_centre import AuditEntry

GENESIS = "0" * 64
#: Advisory-lock key serialising audit appends on PostgreSQL (SQLite writers already queue).
_PG_LOCK_KEY = 0x1AC4A7


def _canonical(details: Mapping[str, Any] | None) -> str:
    return orjson.dumps(dict(details or {}), option=orjson.OPT_SORT_KEYS, default=str).decode()


def entry_hash(prev_hash: str, at: str, actor: str, action: str, target: str, details: str) -> str:
    payload = "\x1f".join((prev_hash, at, actor, action, target, details)).encode()
    return hashlib.sha256(payload).hexdigest()


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
    """Walk the chain from the start; report the first entry that does not fit."""
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
            return VerifyResult(True, count)
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
