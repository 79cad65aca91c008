"""Small helpers routes share: the database, the vault, the settings, a per-address
rate limiter for public routes (:func:`limit_public` for a route open to callers without
a key, :func:`limit_address` for a request taken as an anonymous one whoever sent it)."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from typing import TypeVar

from fastapi import HTTPException, Request
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from lachan.registry.keys import Caller
from lachan.registry.privacy import Vault
from lachan.registry.settings import CentreSettings
from lachan.store.session import Database

T = TypeVar("T")
#: Attempts for a write that lost a race (unique key taken by a concurrent request).
WRITE_ATTEMPTS = 3


def write(request: Request, fn: Callable[[Session], T]) -> T:
    """Run ``fn(session)`` in a write transaction; retry when a concurrent request
    inserted the same key first (PostgreSQL), so the caller gets an answer, not a 500."""
    for attempt in range(WRITE_ATTEMPTS):
        try:
            with db_of(request).transaction() as session:
                return fn(session)
        except IntegrityError:  # a unique key taken by a concurrent request
            if attempt == WRITE_ATTEMPTS - 1:
                raise HTTPException(409, "conflicting concurrent update; retry") from None
        except OperationalError:  # deadlock, serialisation failure, lock timeout
            if attempt == WRITE_ATTEMPTS - 1:
                raise HTTPException(503, "database busy; retry shortly") from None
    raise AssertionError("unreachable")


def db_of(request: Request) -> Database:
    return request.app.state.db


def vault_of(request: Request) -> Vault:
    return request.app.state.vault


def settings_of(request: Request) -> CentreSettings:
    return request.app.state.settings


class AddressLimiter:
    """Sliding one-minute window per client address (public callers only).

    Each worker process keeps its own window, so with ``workers`` processes (``lachan
    serve --workers N`` passes ``LACHAN_WORKERS``) each allows its share of the limit,
    rounded up: together they never let one address past the limit, however the kernel
    spreads its connections (an uneven spread may stop it a little earlier)."""

    def __init__(self, workers: int = 1) -> None:
        self._lock = threading.Lock()
        self._hits: dict[str, deque[float]] = {}
        self.workers = max(1, workers)

    def allow(self, address: str, per_minute: int) -> bool:
        per_minute = -(-per_minute // self.workers)  # this worker's share, rounded up
        now = time.monotonic()
        with self._lock:
            if len(self._hits) > 100_000:
                self._hits.clear()
            q = self._hits.setdefault(address, deque())
            while q and q[0] < now - 60:
                q.popleft()
            if len(q) >= per_minute:
                return False
            q.append(now)
            return True


def limit_address(request: Request) -> None:
    """429 when the client's address has sent more than ``public_rate_per_minute``
    requests in the last minute: the limit for a request taken as an anonymous one
    (no key, or a key that vouches for nobody). The error handler gives the 429 its
    ``Retry-After``."""
    limiter: AddressLimiter = request.app.state.address_limiter
    address = request.client.host if request.client else "unknown"
    if not limiter.allow(address, settings_of(request).public_rate_per_minute):
        raise HTTPException(429, "too many requests from this address; try again in a minute")


def limit_public(request: Request, caller: Caller) -> None:
    """The per-address limit (:func:`limit_address`) for a caller without a key; a
    caller with a key is not limited by address."""
    if caller.role == "public":
        limit_address(request)
