"""Time helpers: every stored time is timezone-aware UTC."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(dt: datetime) -> datetime:
    """``dt`` as aware UTC (naive values, as SQLite returns them, are taken as UTC)."""
    if dt.tzinfo is None:
        return dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def iso(dt: datetime) -> str:
    """Canonical text form, stable across SQLite and PostgreSQL round trips."""
    return as_utc(dt).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
