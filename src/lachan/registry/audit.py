"""Append-only, hash-chained audit log.

Every write in the registry calls :func:`record` in the same transaction as the write.
Each entry stores the hash of the previous entry and its own hash over
``prev_hash + canonical(entry)``, so editing or deleting any entry (except appending
new ones) breaks the chain, and :func:`verify` reports where.

Removing the *newest* entries leaves a shorter chain that is still whole, so every
transaction that appends also updates a seal: the newest entry's id and hash under an
HMAC whose key is derived from the master secret, which the database never holds. A
shorter chain, a rewritten seal or a missing one no longer matches. The next audited
write checks the same before it appends: when the newest entry is not the sealed one, it
first writes an ``audit.tamper`` entry saying what the seal named and what it found, which
the chain then carries and :func:`verify` reports (removing it unseals the log again).
(Someone who keeps an
old seal row and later restores it together with the truncation is not caught: keep
copies of ``lachan audit verify`` output elsewhere for that.) A log wiped whole (no
entry and no seal) while the database holds rows that only audited writes make (keys,
complaints, advertisers...) does not pass either.

The log is permanent, so it holds no phone number or e-mail address in clear: the
values of detail keys that name a person's number or address (:data:`PERSONAL_KEYS`)
are written as the keyed pseudonym the complaint centre uses for reporters
(:meth:`lachan.registry.privacy.Vault.pseudonym`), before the entry is hashed. A caller
whose tables keep a person under a pseudonym of their own passes that one instead (a
value that already is a pseudonym is kept as it is), so that its entries cannot be joined
with the reporters: advertising's recipients (:meth:`Vault.ad_recipient_pseudonym`) and,
since it has its own, the Do-Not-Call register's numbers (:meth:`Vault.dnc_pseudonym`;
its entries written before keep the reporter pseudonym: entries are never rewritten).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import orjson
from sqlalchemy import event, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from lachan.registry.clock import iso, utcnow
from lachan.store.tables_centre import AuditEntry, AuditSeal

if TYPE_CHECKING:
    from lachan.registry.privacy import Vault

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
_default_vaults: dict[tuple[str, str], Vault] = {}

#: Detail keys whose values are a person's phone number or e-mail address.
PERSONAL_KEYS: frozenset[str] = frozenset(
    {"recipient", "recipients", "reporter", "phone", "number", "msisdn", "email", "sender_number"}
)
_PSEUDONYM = re.compile(r"[0-9a-f]{64}")


def _environment_vault(session: Session) -> Vault:
    """The vault of the environment's master secret (cached per secret and home). A
    missing key file is created only while the session's database holds nothing keyed
    (as committed: this transaction may be writing the first keyed rows)."""
    from lachan.registry.privacy import Vault, database_keyed_data, load_master_secret
    from lachan.store.session import lachan_home

    where = (os.environ.get("LACHAN_SECRET_KEY", ""), str(lachan_home()))
    found = _default_vaults.get(where)
    if found is None:
        url = session.get_bind().url.render_as_string(hide_password=False)
        master = load_master_secret(in_use=lambda: database_keyed_data(url))
        found = _default_vaults[where] = Vault(master)
    return found


def _seal_key(session: Session) -> bytes:
    key = session.info.get(SEAL_KEY_INFO)
    if key:
        return bytes(key)
    return _environment_vault(session).audit_seal_key


def _pseudonym_function(session: Session) -> Any:
    """``identity -> pseudonym`` with the session's vault: the one whose seal key the
    session carries, else the environment's. A seal key with no live vault (set by
    hand) gives an HMAC under a key derived from it: keyed, though not the centre's."""
    key = session.info.get(SEAL_KEY_INFO)
    if not key:
        return _environment_vault(session).pseudonym
    from lachan.registry.privacy import vault_for_seal_key

    vault = vault_for_seal_key(bytes(key))
    if vault is not None:
        return vault.pseudonym
    derived = hmac.new(bytes(key), b"lachan audit pseudonym v1", "sha256").digest()
    return lambda identity: hmac.new(
        derived, identity.strip().lower().encode("utf-8", "surrogatepass"), "sha256"
    ).hexdigest()


def reporter_pseudonym(session: Session, identity: str) -> str:
    """The pseudonym :func:`record` writes for ``identity`` under a key of
    :data:`PERSONAL_KEYS` (given as it is): what an auditor computes to find a person's
    entries written that way."""
    return str(_pseudonym_function(session)(identity))


def session_vault(session: Session) -> Vault:
    """The vault a session writes keyed data with: the live one whose seal key the session
    carries (the service's), else the environment's. Unlike the audit log's pseudonyms,
    which fall back to a key derived from a seal key set by hand, data that must be
    found again by another session (the Do-Not-Call register's pseudonyms) needs the
    centre's own key: a seal key of no live vault raises :class:`SecretError`."""
    from lachan.registry.privacy import SecretError, vault_for_seal_key

    key = session.info.get(SEAL_KEY_INFO)
    if not key:
        return _environment_vault(session)
    vault = vault_for_seal_key(bytes(key))
    if vault is None:
        environment = _environment_vault(session)
        if environment.audit_seal_key == bytes(key):
            return environment
        raise SecretError("this session's audit seal key belongs to no live vault: keep the "
                          "Vault whose audit_seal_key it is alive while the session is used")
    return vault


def _pseudonymised(session: Session, details: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """``details`` with the values of :data:`PERSONAL_KEYS` as keyed pseudonyms."""
    if not details or PERSONAL_KEYS.isdisjoint(details):
        return details or {}
    pseudonym = _pseudonym_function(session)

    def one(value: Any) -> Any:
        if isinstance(value, str) and value.strip() and not _PSEUDONYM.fullmatch(value):
            return pseudonym(value)
        if isinstance(value, list | tuple | set | frozenset):
            return [one(v) for v in value]
        return value

    return {k: one(v) if k in PERSONAL_KEYS else v for k, v in details.items()}


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
    tail = session.execute(
        select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    prev_hash = GENESIS if tail is None else str(tail[1])
    if _HEAD_INFO not in session.info:  # the transaction's first entry: is the tail sealed?
        found = _unsealed_tail(session, None if tail is None else (int(tail[0]), prev_hash))
        if found is not None:
            # entries were removed (or the seal rewritten) since the last audited write:
            # say so in the chain, which the next entries then carry
            prev_hash = _append(session, "system", TAMPER_ACTION, "audit_log", found,
                                prev_hash).hash
    return _append(session, actor, action, target, _pseudonymised(session, details), prev_hash)


#: The action of the entry :func:`record` writes when it finds the log's newest entries
#: gone: any such entry makes :func:`verify` fail, and removing it unseals the log again.
TAMPER_ACTION = "audit.tamper"


def _unsealed_tail(session: Session, tail: tuple[int, str] | None) -> dict[str, Any] | None:
    """What the seal names against the newest entry, when they differ (or the seal
    is not this centre's); ``None`` for a log whose tail is the sealed one."""
    seal = session.get(AuditSeal, _SEAL_ID)
    if seal is None:
        if tail is None:
            return None
        return {"sealed": None, "found_id": tail[0], "found_hash": tail[1]}
    genuine = hmac.compare_digest(
        seal.mac, seal_mac(_seal_key(session), seal.last_id, seal.last_hash))
    if genuine and tail is not None and (seal.last_id, seal.last_hash) == tail:
        return None
    return {"sealed": {"id": seal.last_id, "hash": seal.last_hash, "genuine": genuine},
            "found_id": None if tail is None else tail[0],
            "found_hash": None if tail is None else tail[1]}


def _append(session: Session, actor: str, action: str, target: str,
            details: Mapping[str, Any] | None, prev_hash: str) -> AuditEntry:
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
    tampered: AuditEntry | None = None
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
            result = _check_seal(session, count, last_id, prev_hash)
            if tampered is not None and result.ok:
                found = orjson.loads(tampered.details)
                sealed = found.get("sealed") or {}
                return VerifyResult(
                    False, count, tampered.id,
                    f"entry {tampered.id} ({iso(tampered.at)}) records that the log's "
                    f"newest entries were gone when it was written: the seal named entry "
                    f"{sealed.get('id')}, the newest was {found.get('found_id')}",
                )
            return result
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
            if e.action == TAMPER_ACTION and tampered is None:
                tampered = e
            prev_hash = e.hash
            count += 1
            last_id = e.id


def _check_seal(session: Session, count: int, last_id: int, last_hash: str) -> VerifyResult:
    seal = session.get(AuditSeal, _SEAL_ID)
    if seal is None:
        if count == 0:
            held = audited_rows(session)
            if held:
                return VerifyResult(
                    False, 0, None,
                    "the audit log is empty and has no seal, but the database holds "
                    f"{', '.join(held)}, which only audited writes make (log wiped?)",
                )
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


def audited_rows(session: Session) -> list[str]:
    """The tables holding rows that only audited writes make (a database with any of
    them has audit entries). Official channels are left out: a migration seeds them."""
    from lachan.registry.privacy import tables_holding_rows
    from lachan.store import tables_advertising as adv
    from lachan.store import tables_centre as centre

    tables = (centre.ApiKey, centre.Complaint, centre.Source, centre.Decision,
              centre.DncEntry, centre.DncEvent, adv.Advertiser, adv.Brandname,
              adv.AdTemplate, adv.Consent, adv.Refusal, adv.AdCopy)
    return tables_holding_rows(session, ((f"{t.__tablename__} rows", t) for t in tables))


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
