"""API keys: ``lck_<key id>_<secret>``; only SHA-256 of the whole key is stored."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from lachan.registry import audit
from lachan.registry.clock import iso, utcnow
from lachan.store.tables_centre import ApiKey

#: Roles a key can hold; ``public`` is the caller with no key.
ROLES: tuple[str, ...] = ("gateway", "operator", "advertiser", "analyst", "admin")
ALL_ROLES: tuple[str, ...] = (*ROLES, "public")
PREFIX = "lck"
MAX_KEY_CHARS = 200


class InvalidKey(ValueError):
    """A key that is malformed, unknown or revoked."""


@dataclass(frozen=True, slots=True)
class Caller:
    key_id: str | None
    role: str

    @property
    def actor(self) -> str:
        return f"key:{self.key_id}" if self.key_id else "public"


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_key(session: Session, role: str, label: str = "", actor: str = "system") -> str:
    """Create a key for ``role``; return the full key (shown once, never stored)."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    key_id = secrets.token_hex(6)
    key = f"{PREFIX}_{key_id}_{secrets.token_urlsafe(32)}"
    session.add(
        ApiKey(
            key_id=key_id, role=role, secret_hash=_hash(key), label=label[:200], created_at=utcnow()
        )
    )
    audit.record(
        session, actor, "key.create", f"key:{key_id}", {"role": role, "label": label[:200]}
    )
    return key


def authenticate(session: Session, key: str) -> Caller:
    """The caller holding ``key``; :class:`InvalidKey` when it is not a valid live key."""
    if len(key) > MAX_KEY_CHARS:
        raise InvalidKey("API key too long")
    parts = key.split("_", 2)
    if len(parts) != 3 or parts[0] != PREFIX or not parts[1]:
        raise InvalidKey("malformed API key")
    row = session.get(ApiKey, parts[1])
    if row is None or not hmac.compare_digest(row.secret_hash, _hash(key)):
        raise InvalidKey("unknown API key")
    if row.revoked_at is not None:
        raise InvalidKey("revoked API key")
    return Caller(row.key_id, row.role)


def revoke_key(session: Session, key_id: str, actor: str) -> bool:
    row = session.get(ApiKey, key_id)
    if row is None or row.revoked_at is not None:
        return False
    row.revoked_at = utcnow()
    audit.record(session, actor, "key.revoke", f"key:{key_id}", {})
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
        }
        for r in rows
    ]


def has_admin(session: Session) -> bool:
    q = select(ApiKey.key_id).where(ApiKey.role == "admin", ApiKey.revoked_at.is_(None)).limit(1)
    return session.execute(q).first() is not None
