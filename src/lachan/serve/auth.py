"""Bearer-key authentication and role checks.

Every route declares the roles it admits with ``Depends(require_roles(...))``; the
dependency object keeps them in ``.roles`` so tests can walk every route. ``admin``
passes every check; ``public`` admits callers without a key. A key that is sent but
invalid is always refused (401), even on public routes, so a client learns its key is
wrong.
"""

from __future__ import annotations

import threading
import time

from fastapi import HTTPException, Request

from lachan.registry.keys import ALL_ROLES, Caller, InvalidKey, authenticate

#: Seconds a verified key stays cached in-process. Only live keys are cached, so a key
#: revoked through any worker (or the CLI) stops working in every process within this
#: delay; the worker that revoked it clears its own cache at once.
KEY_CACHE_SECONDS = 1.0


class _KeyCache:
    """Live keys recently authenticated (never a refusal: an unknown or revoked key is
    looked up each time)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[str, tuple[float, Caller]] = {}

    def get(self, key: str) -> Caller | None:
        with self._lock:
            hit = self._items.get(key)
        if hit is None or hit[0] < time.monotonic():
            return None
        return hit[1]

    def put(self, key: str, caller: Caller) -> None:
        with self._lock:
            if len(self._items) > 10_000:
                self._items.clear()
            self._items[key] = (time.monotonic() + KEY_CACHE_SECONDS, caller)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


def caller_of(request: Request) -> Caller:
    """Identify the caller from ``Authorization: Bearer KEY`` (no header: public)."""
    header = request.headers.get("authorization")
    if not header:
        return Caller(None, "public")
    scheme, _, key = header.partition(" ")
    key = key.strip()
    if scheme.lower() != "bearer" or not key:
        raise HTTPException(
            401,
            "Authorization header must be 'Bearer <API key>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    cache: _KeyCache = request.app.state.key_cache
    hit = cache.get(key)
    if hit is not None:
        return hit
    try:
        with request.app.state.db.read() as session:
            caller = authenticate(session, key)
    except InvalidKey as exc:
        raise HTTPException(401, str(exc), headers={"WWW-Authenticate": "Bearer"}) from None
    cache.put(key, caller)
    return caller


class RoleCheck:
    """FastAPI dependency admitting callers whose role is in ``roles`` (or admin)."""

    def __init__(self, roles: tuple[str, ...]) -> None:
        unknown = [r for r in roles if r not in ALL_ROLES]
        if unknown or not roles:
            raise ValueError(f"unknown roles {unknown}; choose from {ALL_ROLES}")
        self.roles = frozenset(roles)

    def admits(self, role: str) -> bool:
        return "public" in self.roles or role == "admin" or role in self.roles

    async def __call__(self, request: Request) -> Caller:
        caller = caller_of(request)
        if self.admits(caller.role):
            return caller
        if caller.role == "public":
            raise HTTPException(
                401,
                "an API key is required (Authorization: Bearer KEY)",
                headers={"WWW-Authenticate": "Bearer"},
            )
        raise HTTPException(
            403, f"role {caller.role!r} may not do this; allowed: {', '.join(sorted(self.roles))}"
        )

    def __repr__(self) -> str:
        return f"require_roles({', '.join(sorted(self.roles))})"


def require_roles(*roles: str) -> RoleCheck:
    """Dependency for a route admitting ``roles`` (``admin`` always passes)."""
    return RoleCheck(roles)


PUBLIC = require_roles("public")
