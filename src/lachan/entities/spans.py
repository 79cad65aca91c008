"""Claimed character ranges, so that one stretch of text becomes one entity."""

from __future__ import annotations

from bisect import bisect_left, insort


class Claims:
    """Disjoint half-open ``[start, end)`` ranges already taken by an earlier extractor.

    Kept sorted, so a check costs O(log n) even for a 100 kB message with thousands of
    entities (a plain list scan made such input quadratic).
    """

    __slots__ = ("_ranges",)

    def __init__(self) -> None:
        self._ranges: list[tuple[int, int]] = []

    def add(self, start: int, end: int) -> None:
        """Take ``[start, end)``; callers add only ranges that :meth:`overlaps` cleared."""
        insort(self._ranges, (start, end))

    def overlaps(self, start: int, end: int) -> bool:
        r = self._ranges
        if not r:
            return False
        i = bisect_left(r, (end, -1))  # ranges before i start before ``end``
        return i > 0 and r[i - 1][1] > start

    def __bool__(self) -> bool:
        return bool(self._ranges)
