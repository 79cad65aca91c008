"""Time helpers: every stored time is timezone-aware UTC."""

from __future__ import annotations

from datetime import UTC, datetime

from lachan.ingest.times import ImplausibleTime, to_utc

__all__ = ["ImplausibleTime", "as_utc", "iso", "utcnow"]


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(dt: datetime) -> datetime:
    """``dt`` as aware UTC (naive values, as SQLite returns them, are taken as UTC).

    A time that does not fit a datetime once in UTC (year 9999 at -14:00) raises
    :class:`ImplausibleTime`, a ``ValueError`` that routes answer with 422, never a 500.
    Routes check outside times first (:mod:`lachan.ingest.times`); this is the net."""
    if dt.tzinfo is None:
        return dt.replace(tzinfo=UTC)
    if dt.tzinfo is UTC:
        return dt
    return to_utc(dt)


def iso(dt: datetime) -> str:
    """Canonical text form, stable across SQLite and PostgreSQL round trips."""
    return as_utc(dt).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
