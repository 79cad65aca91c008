"""When things happened: one rule for every time that a client or a message gives.

Times come from outside in many places: a complaint's ``time``, the SMS gateway's
``received_at``, an e-mail's ``Date`` header, an ad copy's ``sent_at``, a consent's
``given_at``, a refusal's ``received_at``. Each is checked by :func:`plausible`:

- it must convert to UTC (``9999-12-31T23:59:59-14:00`` and ``0001-01-01T00:00:00+14:00``
  are valid ISO 8601 but lie outside what a ``datetime`` can hold once in UTC);
- it must not be before :data:`EARLIEST` (2000-01-01: before any complaint centre,
  brandname register or data this platform holds);
- it must not be more than :data:`MAX_CLOCK_SKEW` ahead of the server clock (clocks of
  gateways and phones drift a little; a time further ahead is a mistake or a forgery).

Times that are not events that already happened (a brandname's ``valid_from``, the
bounds of a report) only need :func:`to_utc`. Pure functions: no pydantic, so the SMS
path stays light; routes wrap them in ``AfterValidator``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo

from lachan.ingest.errors import IngestError

#: No time before this is plausible for anything the platform records.
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
#: How far ahead of the server clock a time may be (clock skew of gateways and phones).
MAX_CLOCK_SKEW = timedelta(minutes=5)


class ImplausibleTime(IngestError):
    """A time that cannot be converted to UTC, or that is before 2000 or in the future."""

    code = "implausible_time"


def _text(value: datetime) -> str:
    return value.isoformat()[:40]


def to_utc(value: datetime, what: str = "time", *, naive: tzinfo = UTC) -> datetime:
    """``value`` as aware UTC (naive values are taken in ``naive``);
    :class:`ImplausibleTime` when it does not fit a datetime once converted."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=naive)
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise ImplausibleTime(
            f"{what} {_text(value)} is out of range once converted to UTC"
        ) from None


def check_plausible(value: datetime, what: str = "time", *, now: datetime | None = None) -> None:
    """:class:`ImplausibleTime` unless ``value`` (aware) lies between :data:`EARLIEST`
    and the server clock plus :data:`MAX_CLOCK_SKEW`. Comparing aware datetimes never
    overflows, so this also refuses times that :func:`to_utc` cannot convert."""
    latest = (now or datetime.now(UTC)) + MAX_CLOCK_SKEW
    if value > latest:
        raise ImplausibleTime(
            f"{what} {_text(value)} is in the future (the server time is "
            f"{_text(latest - MAX_CLOCK_SKEW)}; at most {_minutes()} ahead is accepted)"
        )
    if value < EARLIEST:
        raise ImplausibleTime(f"{what} {_text(value)} is before 2000")


def in_range(
    value: datetime, what: str = "time", *, ahead: timedelta, now: datetime | None = None
) -> datetime:
    """``value`` as aware UTC when it lies between :data:`EARLIEST` and ``ahead`` of the
    server clock: for times that may lie ahead (a brandname's ``valid_from``)."""
    latest = (now or datetime.now(UTC)) + ahead
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    if value > latest:
        raise ImplausibleTime(
            f"{what} {_text(value)} is more than {ahead.days} days ahead of the server time"
        )
    if value < EARLIEST:
        raise ImplausibleTime(f"{what} {_text(value)} is before 2000")
    return to_utc(value, what)


def plausible(
    value: datetime, what: str = "time", *, now: datetime | None = None, naive: tzinfo = UTC
) -> datetime:
    """``value`` as aware UTC when it is plausible (see the module); otherwise
    :class:`ImplausibleTime` with a readable reason."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=naive)
    check_plausible(value, what, now=now)
    return to_utc(value, what)


def _minutes() -> str:
    return f"{int(MAX_CLOCK_SKEW.total_seconds() // 60)} minutes"
