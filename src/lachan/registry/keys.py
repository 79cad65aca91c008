"""API keys: ``lck_<key id>_<secret>``; only SHA-256 of the whole key is stored.

:class:`KeyCache` keeps the key rows of recent callers in a process, so that a request
seldom reads its key from the database, while a revoked key is still refused everywhere
within :data:`REVOCATION_CHECK_S`: a revocation made in this process drops the key from
every cache of the process at once (and again when it is committed), and each cache
reads the register's :func:`revocation_stamp` (one small aggregate, however many keys
are in use) at most once per :data:`REVOCATION_CHECK_S`, dropping every row it holds
when the stamp moved (another worker or the CLI revoked a key).
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import threading
import time
import weakref
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from lachan.registry import audit
from lachan.registry.clock import as_utc, iso, utcnow
from lachan.store.tables_centre import ApiKey

#: Roles a key can hold; ``public`` is the caller with no key.
ROLES: tuple[str, ...] = ("gateway", "operator", "advertiser", "analyst", "admin")
ALL_ROLES: tuple[str, ...] = (*ROLES, "public")
PREFIX = "lck"
MAX_KEY_CHARS = 200


class InvalidKey(ValueError):
    """A key that is malformed, unknown, revoked or expired."""


class LastAdminKey(ValueError):
    """A revocation that would leave no live admin key: nobody could manage keys."""


@dataclass(frozen=True, slots=True)
class Caller:
    key_id: str | None
    role: str

    @property
    def actor(self) -> str:
        return f"key:{self.key_id}" if self.key_id else "public"


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


#: Longest note on who holds a key.
MAX_LABEL_CHARS = 200


def create_key(
    session: Session,
    role: str,
    label: str = "",
    actor: str = "system",
    *,
    expires_at: datetime | None = None,
) -> str:
    """Create a key for ``role``, valid until ``expires_at`` (a future time; None: no
    expiry); return the full key (shown once, never stored)."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    if len(label) > MAX_LABEL_CHARS:  # (the API refuses it with 422; never cut silently)
        raise ValueError(f"a key's label is at most {MAX_LABEL_CHARS} characters; "
                         f"got {len(label):,}")
    now = utcnow()
    if expires_at is not None:
        expires_at = as_utc(expires_at)
        if expires_at <= now:
            raise ValueError(f"a key's expiry must lie in the future; {iso(expires_at)} has "
                             "passed")
    key_id = secrets.token_hex(6)
    key = f"{PREFIX}_{key_id}_{secrets.token_urlsafe(32)}"
    session.add(
        ApiKey(
            key_id=key_id, role=role, secret_hash=_hash(key), label=label[:200], created_at=now,
            expires_at=expires_at,
        )
    )
    details: dict[str, Any] = {"role": role, "label": label[:200]}
    if expires_at is not None:
        details["expires_at"] = iso(expires_at)
    audit.record(session, actor, "key.create", f"key:{key_id}", details)
    return key


def _key_id(key: str) -> str:
    """The key id part of ``key``; :class:`InvalidKey` when ``key`` is not of the form."""
    if len(key) > MAX_KEY_CHARS:
        raise InvalidKey("API key too long")
    parts = key.split("_", 2)
    if len(parts) != 3 or parts[0] != PREFIX or not parts[1]:
        raise InvalidKey("malformed API key")
    return parts[1]


def _caller(
    key_id: str, key: str, secret_hash: str, role: str, revoked: bool,
    expires_at: datetime | None = None,
) -> Caller:
    """The caller of ``key`` given its stored row; :class:`InvalidKey` when refused."""
    if not hmac.compare_digest(secret_hash, _hash(key)):
        raise InvalidKey("unknown API key")
    if revoked:
        raise InvalidKey("revoked API key")
    if expires_at is not None and expires_at <= utcnow():
        raise InvalidKey(f"API key expired on {iso(expires_at)}; ask an administrator for "
                         "a new one")
    return Caller(key_id, role)


def _live(now: datetime) -> Any:
    """The condition of a key that works: not revoked, not expired at ``now``."""
    return ApiKey.revoked_at.is_(None) & (ApiKey.expires_at.is_(None) | (ApiKey.expires_at > now))


def _refuse_last_admin(session: Session, row: ApiKey, now: datetime) -> None:
    """Raise :class:`LastAdminKey` when revoking ``row`` would leave no live admin key.
    The live admin rows are locked (PostgreSQL) so that two admins revoking each other at
    once cannot both pass."""
    if row.role != "admin":
        return
    q = select(ApiKey.key_id).where(ApiKey.role == "admin", _live(now))
    if session.get_bind().dialect.name == "postgresql":
        q = q.with_for_update()
    others = [k for k in session.execute(q).scalars() if k != row.key_id]
    if not others:
        raise LastAdminKey(
            f"key {row.key_id} is the last live admin key; revoking it would leave nobody "
            "able to manage keys. Create another admin key first"
        )


def revoke_key(session: Session, key_id: str, actor: str) -> bool:
    """Revoke a live key; False when there is none of that id. :class:`LastAdminKey`
    when it is the last live admin key."""
    row = session.get(ApiKey, key_id)
    if row is None or row.revoked_at is not None:
        return False
    now = utcnow()
    _refuse_last_admin(session, row, now)
    row.revoked_at = now
    audit.record(session, actor, "key.revoke", f"key:{key_id}", {})
    _forget_when_committed(session, key_id)
    return True


def list_keys(session: Session) -> list[dict[str, object]]:
    rows = session.execute(select(ApiKey).order_by(ApiKey.created_at)).scalars()
    return [
        {
            "key_id": r.key_id,
            "role": r.role,
            "label": r.label,
            "created_at": iso(r.created_at),
            "revoked_at": iso(r.revoked_at) if r.revoked_at else None,
            "expires_at": iso(r.expires_at) if r.expires_at else None,
        }
        for r in rows
    ]


def has_admin(session: Session) -> bool:
    """Whether a live (neither revoked nor expired) admin key exists."""
    q = select(ApiKey.key_id).where(ApiKey.role == "admin", _live(utcnow())).limit(1)
    return session.execute(q).first() is not None


# -- the key cache --------------------------------------------------------------------------

#: Seconds between two reads of :func:`revocation_stamp` by one cache: a key revoked by
#: another process (a worker, the CLI) is refused by every cache within this delay.
REVOCATION_CHECK_S = 1.0
#: Seconds a cached key row is trusted at most, however quiet the revocations.
KEY_ROW_TTL_S = 300.0
#: Rows one cache holds at most (past it, the cache starts again empty).
MAX_CACHED_KEYS = 10_000

_REVOCATION_STAMP = select(func.count(ApiKey.revoked_at), func.max(ApiKey.revoked_at))


def revocation_stamp(session: Session) -> tuple[Any, ...]:
    """What moves whenever a key is revoked: how many keys are revoked, and when the
    latest was. A key is never deleted and never un-revoked, and its role is set once
    (at creation, when no cache holds it), so a cached key row is current as long as
    this stamp has not moved. One aggregate over the (small) key table."""
    return tuple(session.execute(_REVOCATION_STAMP).one())


@dataclass(frozen=True, slots=True)
class _Row:
    secret_hash: str
    role: str
    revoked: bool
    expires: float  # monotonic time
    key_expires_at: datetime | None = None  # the key's own expiry (UTC)


_caches: weakref.WeakSet[KeyCache] = weakref.WeakSet()
_caches_lock = threading.Lock()


def _forget_everywhere(key_id: str) -> None:
    with _caches_lock:
        caches = list(_caches)
    for cache in caches:
        cache.forget(key_id)


def _forget_when_committed(session: Session, key_id: str) -> None:
    """Drop ``key_id`` from every cache of this process now, and again once ``session``
    commits (a request served in between may have read the row as it still was)."""
    _forget_everywhere(key_id)
    event.listen(session, "after_commit", lambda _s: _forget_everywhere(key_id), once=True)


class KeyCache:
    """Key rows of the keys recently presented to one database, in one process.

    ``open_session`` gives a read session (``Database.read``). :meth:`authenticate`
    answers from the cache while the revocation stamp it last read is under
    :data:`REVOCATION_CHECK_S` old; past that, the next call reads the stamp (one query
    for all keys) and, when it moved, drops every row. A key id with no row is never
    cached, so a key created in another process works at once. Thread-safe."""

    def __init__(
        self,
        open_session: Callable[[], AbstractContextManager[Session]],
        *,
        check_s: float = REVOCATION_CHECK_S,
        row_ttl_s: float = KEY_ROW_TTL_S,
    ) -> None:
        self._open_session = open_session
        self._check_s = check_s
        self._row_ttl_s = row_ttl_s
        self._lock = threading.Lock()
        self._rows: dict[str, _Row] = {}
        self._stamp: tuple[Any, ...] | None = None
        self._stamp_read_at = -math.inf  # when the read of ``_stamp`` began (monotonic)
        #: moves whenever rows are dropped: a row read before it moved is not kept
        self._epoch = 0
        with _caches_lock:
            _caches.add(self)

    def authenticate(self, key: str) -> Caller:
        """The caller holding ``key``; :class:`InvalidKey` when it is not a valid live
        key (a revocation made by another process is seen within
        :data:`REVOCATION_CHECK_S`)."""
        key_id = _key_id(key)
        now = time.monotonic()
        with self._lock:
            stamp_fresh = now - self._stamp_read_at < self._check_s
            row = self._rows.get(key_id) if stamp_fresh else None
        if row is None or row.expires <= now:
            row = self._read(key_id, now, read_stamp=not stamp_fresh)
        return _caller(key_id, key, row.secret_hash, row.role, row.revoked,
                       row.key_expires_at)

    def _read(self, key_id: str, now: float, *, read_stamp: bool) -> _Row:
        """The row of ``key_id``: read the revocation stamp first when ``read_stamp``
        (a row cached under an unchanged stamp is then used as it is), then the row,
        kept unless rows were dropped while it was read."""
        with self._open_session() as session:
            if read_stamp:
                self._note_stamp(revocation_stamp(session), now)
            with self._lock:
                epoch = self._epoch
                cached = self._rows.get(key_id)
            if cached is not None and cached.expires > now:
                return cached
            found = session.execute(
                select(ApiKey.secret_hash, ApiKey.role, ApiKey.revoked_at, ApiKey.expires_at)
                .where(ApiKey.key_id == key_id)
            ).first()
        if found is None:
            raise InvalidKey("unknown API key")
        row = _Row(found.secret_hash, found.role, found.revoked_at is not None,
                   now + self._row_ttl_s,
                   as_utc(found.expires_at) if found.expires_at is not None else None)
        with self._lock:
            if self._epoch == epoch:
                if len(self._rows) >= MAX_CACHED_KEYS:
                    self._rows.clear()
                self._rows[key_id] = row
        return row

    def _note_stamp(self, stamp: tuple[Any, ...], read_at: float) -> None:
        with self._lock:
            if read_at < self._stamp_read_at:
                return  # another thread began a later read
            if stamp != self._stamp:
                self._rows.clear()
                self._epoch += 1
            self._stamp = stamp
            self._stamp_read_at = read_at

    def forget(self, key_id: str) -> None:
        """Drop ``key_id``'s row: its next use reads it again."""
        with self._lock:
            self._rows.pop(key_id, None)
            self._epoch += 1
