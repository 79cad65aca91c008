"""One rule for outside times: convertible to UTC, not before 2000, not in the future."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from lachan.ingest.errors import IngestError
from lachan.ingest.times import (
    MAX_CLOCK_SKEW,
    ImplausibleTime,
    check_plausible,
    in_range,
    plausible,
    to_utc,
)
from lachan.registry.clock import as_utc

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
EDGES = [
    datetime(9999, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=-14))),
    datetime(1, 1, 1, 0, 0, tzinfo=timezone(timedelta(hours=14))),
]


@pytest.mark.parametrize("value", EDGES)
def test_times_beyond_what_utc_can_hold_are_refused_not_overflowing(value: datetime) -> None:
    with pytest.raises(ImplausibleTime, match="out of range"):
        to_utc(value)
    with pytest.raises(ImplausibleTime):
        plausible(value, now=NOW)
    with pytest.raises(ValueError):  # the registry's net: a 422 in a route, never a 500
        as_utc(value)


def test_a_few_minutes_of_clock_skew_are_allowed_and_no_more() -> None:
    ahead = NOW + MAX_CLOCK_SKEW - timedelta(seconds=1)
    assert plausible(ahead, now=NOW) == ahead
    with pytest.raises(ImplausibleTime, match="in the future"):
        plausible(NOW + MAX_CLOCK_SKEW + timedelta(seconds=1), now=NOW)
    with pytest.raises(ImplausibleTime, match="in the future"):
        plausible(NOW + timedelta(hours=1), now=NOW)
    assert MAX_CLOCK_SKEW <= timedelta(minutes=10)


def test_before_2000_is_refused_and_offsets_become_utc() -> None:
    with pytest.raises(ImplausibleTime, match="before 2000"):
        check_plausible(datetime(1999, 12, 31, 23, 0, tzinfo=UTC), now=NOW)
    vn = datetime(2026, 11, 20, 9, 15, tzinfo=timezone(timedelta(hours=7)))
    assert plausible(vn, now=NOW) == datetime(2026, 11, 20, 2, 15, tzinfo=UTC)
    naive = datetime(2026, 11, 20, 9, 15)
    assert plausible(naive, now=NOW).hour == 9  # naive: taken as UTC unless told
    assert issubclass(ImplausibleTime, IngestError)


def test_in_range_allows_times_ahead_up_to_a_bound() -> None:
    later = NOW + timedelta(days=30)
    assert in_range(later, ahead=timedelta(days=366), now=NOW) == later
    with pytest.raises(ImplausibleTime, match="366 days ahead"):
        in_range(EDGES[0], "valid_from", ahead=timedelta(days=366), now=NOW)
    with pytest.raises(ImplausibleTime, match="before 2000"):
        in_range(EDGES[1], ahead=timedelta(days=366), now=NOW)
