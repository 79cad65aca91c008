"""Bearer-key authentication and role checks.

Every route declares the roles it admits with ``Depends(require_roles(...))``; the
dependency object keeps them in ``.roles`` so tests can walk every route. ``admin``
passes every check; ``public`` admits callers without a key. A key that is sent but
invalid is always refused (401), even on public routes, so a client learns its key is
wrong.

Keys are checked through the app's :class:`~lachan.registry.keys.KeyCache`
(``app.state.key_cache``): a key's row is read once (kept up to
:data:`~lachan.registry.keys.KEY_ROW_TTL_S`), and a revoked key is refused at once in
this process and within :data:`~lachan.registry.keys.REVOCATION_CHECK_S` when another
process (a worker, the CLI) revoked it.
"""

from __future__ import annotations

from fastapi import HTTPException, Request

from lachan.registry.keys import ALL_ROLES, Caller, InvalidKey, KeyCache


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
    cache: KeyCache = request.app.state.key_cache
    try:
        return cache.authenticate(key)
    except InvalidKey as exc:
        raise HTTPException(401, str(exc), headers={"WWW-Authenticate": "Bearer"}) from None


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
