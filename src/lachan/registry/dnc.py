"""The Do-Not-Call register: numbers, scope (``sms``, ``call`` or ``all``) and history.

Scopes combine as sets: registering ``sms`` on a number registered for ``call`` makes it
``all``; withdrawing ``sms`` from ``all`` leaves ``call``. Numbers are normalised with
:func:`lachan.entities.phone.parse_phone` (``0xxxxxxxxx``); only VN mobile and fixed
numbers can be registered. Every change is audited; the audit log holds the number only
as its keyed pseudonym: the register's own (below), so that its entries cannot be joined
with the complaints' reporters, whose pseudonyms are under another key.

The register's tables hold no number either: each is stored as its keyed pseudonym
(:meth:`lachan.registry.privacy.Vault.dnc_pseudonym`, HMAC-SHA256 under a key derived
from the master secret for this use alone). Every look-up is by a number someone gives
(a subscriber, an advertiser's list, an ad copy's recipient), whose pseudonym is computed
with the session's vault (:func:`lachan.registry.audit.session_vault`); nothing needs
the register's numbers back, so none is kept in any form that can be reversed.

The log's entries written before the register's pseudonym was used there name the number
by the centre's reporter pseudonym (:meth:`~lachan.registry.privacy.Vault.pseudonym`).
The log is append-only and hash-chained: rewriting them would break the chain that proves
it untouched, so they are left as they are, and :func:`audit_entries`, the auditors'
look-up of a number, finds them as well as the newer ones.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from lachan.registry import audit
from lachan.registry.audit import session_vault
from lachan.registry.clock import iso, utcnow
from lachan.store.tables_centre import AuditEntry, DncEntry, DncEvent

SCOPES: tuple[str, ...] = ("sms", "call", "all")
#: Audit target of every change of the register (the number is never in a target).
AUDIT_TARGET = "dnc:register"
_SETS = {"sms": frozenset({"sms"}), "call": frozenset({"call"}), "all": frozenset({"sms", "call"})}


class InvalidNumber(ValueError):
    """Not a Vietnamese subscriber number that can be put on the register."""


@dataclass(frozen=True, slots=True)
class DncChange:
    number: str
    scope_before: str | None
    scope_after: str | None

    @property
    def changed(self) -> bool:
        return self.scope_before != self.scope_after


def normalise_number(number: str) -> str:
    from lachan.entities.phone import parse_phone

    if not isinstance(number, str):
        raise InvalidNumber("number must be a string")
    parsed = parse_phone(number)
    if parsed is None or parsed.type not in ("mobile", "fixed", "fixed_line"):
        raise InvalidNumber(f"not a Vietnamese subscriber number: {number[:40]!r}")
    return parsed.national


def pseudonym(session: Session, canonical: str) -> str:
    """The pseudonym the register stores ``canonical`` (a normalised number) under."""
    return session_vault(session).dnc_pseudonym(canonical)


def _scope_name(parts: frozenset[str]) -> str | None:
    if not parts:
        return None
    if parts == _SETS["all"]:
        return "all"
    return next(iter(parts))


def _check_scope(scope: str) -> frozenset[str]:
    if scope not in _SETS:
        raise ValueError(f"unknown scope {scope[:20]!r}; expected sms, call or all")
    return _SETS[scope]


def _change(
    session: Session,
    number: str,
    scope: str,
    add: bool,
    via: str,
    actor: str,
    now: datetime | None,
) -> DncChange:
    parts = _check_scope(scope)
    canonical = normalise_number(number)
    now = now or utcnow()
    key = pseudonym(session, canonical)
    row = session.get(DncEntry, key)
    before = frozenset(_SETS[row.scope]) if row else frozenset()
    after = before | parts if add else before - parts
    change = DncChange(canonical, _scope_name(before), _scope_name(after))
    if not change.changed:
        return change
    if row is None:
        session.add(
            DncEntry(pseudonym=key, scope=change.scope_after, registered_at=now, updated_at=now)
        )
    elif change.scope_after is None:
        session.delete(row)
    else:
        row.scope = change.scope_after
        row.updated_at = now
    action = "register" if add else "unregister"
    session.add(
        DncEvent(
            pseudonym=key,
            action=action,
            scope=scope,
            scope_after=change.scope_after or "none",
            via=via[:16],
            at=now,
        )
    )
    # The audit log is permanent and holds no number in clear: the entry names the
    # register as its target, and the number goes under "number" as the register's own
    # pseudonym (Vault.dnc_pseudonym, which audit.record keeps as it is), not as the
    # reporter pseudonym it gives other personal numbers: complaints' reporters are
    # stored under that one. An auditor given a number finds its entries by computing
    # it (audit_entries).
    audit.record(
        session,
        actor,
        f"dnc.{action}",
        AUDIT_TARGET,
        {"number": key, "scope": scope, "before": change.scope_before,
         "after": change.scope_after, "via": via},
    )
    session.flush()
    return change


def register(
    session: Session,
    number: str,
    scope: str = "all",
    *,
    via: str = "api",
    actor: str = "system",
    now: datetime | None = None,
) -> DncChange:
    """Put ``number`` on the register for ``scope`` (added to what it already has)."""
    return _change(session, number, scope, True, via, actor, now)


def unregister(
    session: Session,
    number: str,
    scope: str = "all",
    *,
    via: str = "api",
    actor: str = "system",
    now: datetime | None = None,
) -> DncChange:
    """Withdraw ``scope`` from ``number``'s registration."""
    return _change(session, number, scope, False, via, actor, now)


def scope_of(session: Session, number: str) -> str | None:
    """``sms``, ``call``, ``all`` or None (not registered)."""
    row = session.get(DncEntry, pseudonym(session, normalise_number(number)))
    return row.scope if row else None


def blocks(scope: str | None, channel: str) -> bool:
    """Whether a registration with ``scope`` forbids advertising on ``channel``."""
    if scope is None:
        return False
    if channel in ("sms", "call"):
        return channel in _SETS[scope]
    return False


def iter_pseudonyms(
    session: Session, scope: str | None = None, batch: int = 10_000
) -> Iterator[tuple[str, str]]:
    """Every ``(pseudonym, scope)`` on the register, in pseudonym order, streamed in
    batches (the register keeps no number to give back).

    With ``scope`` (``sms`` or ``call``) only the entries whose registration covers it."""
    wanted = None if scope is None else _check_scope(scope)
    last = ""
    while True:
        rows = session.execute(
            select(DncEntry.pseudonym, DncEntry.scope)
            .where(DncEntry.pseudonym > last)
            .order_by(DncEntry.pseudonym)
            .limit(batch)
        ).all()
        if not rows:
            return
        for key, sc in rows:
            if wanted is None or wanted <= _SETS[sc]:
                yield key, sc
        last = rows[-1][0]


def history(session: Session, number: str, limit: int = 100) -> list[dict[str, str]]:
    key = pseudonym(session, normalise_number(number))
    rows = session.execute(
        select(DncEvent).where(DncEvent.pseudonym == key).order_by(DncEvent.id).limit(limit)
    ).scalars()
    return [
        {
            "action": e.action,
            "scope": e.scope,
            "scope_after": e.scope_after,
            "via": e.via,
            "at": iso(e.at),
        }
        for e in rows
    ]


#: The actions of the audit entries that name a number (:func:`_change`).
AUDIT_ACTIONS = ("dnc.register", "dnc.unregister")


#: The most entries one call of :func:`audit_entries` gives (pages follow ``after_id``).
MAX_AUDIT_ENTRIES = 1000


def audit_entries(
    session: Session, number: str, limit: int = 100, *, after_id: int = 0
) -> list[dict[str, Any]]:
    """The audit log's entries of the register's changes to ``number``, oldest first:
    ``{id, at, actor, action, details}``, ``details.number`` being the pseudonym the
    entry names it by. Those entries name it by the register's pseudonym
    (:meth:`~lachan.registry.privacy.Vault.dnc_pseudonym`); the ones written before they
    did, by the reporter pseudonym (:meth:`~lachan.registry.privacy.Vault.pseudonym`):
    both are looked for (see the module's docstring).

    At most ``limit`` entries (1 to :data:`MAX_AUDIT_ENTRIES`), those after the entry
    ``after_id``: the next page starts after the last ``id`` of this one."""
    if not 1 <= limit <= MAX_AUDIT_ENTRIES:
        raise ValueError(f"limit must be between 1 and {MAX_AUDIT_ENTRIES}")
    canonical = normalise_number(number)
    vault = session_vault(session)
    # the details are canonical JSON (sorted keys, no spaces): '"number":"<64 hex>"'
    names = (vault.dnc_pseudonym(canonical), audit.reporter_pseudonym(session, canonical))
    rows = session.execute(
        select(AuditEntry)
        .where(
            AuditEntry.target == AUDIT_TARGET,
            AuditEntry.action.in_(AUDIT_ACTIONS),
            AuditEntry.id > after_id,
            or_(*(AuditEntry.details.contains(f'"number":"{p}"') for p in names)),
        )
        .order_by(AuditEntry.id)
        .limit(limit)
    ).scalars()
    return [
        {"id": e.id, "at": iso(e.at), "actor": e.actor, "action": e.action,
         "details": orjson.loads(e.details)}
        for e in rows
    ]


def count(session: Session) -> int:
    from sqlalchemy import func

    return int(session.execute(select(func.count()).select_from(DncEntry)).scalar_one())
