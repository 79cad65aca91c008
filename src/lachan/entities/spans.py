"""Claimed character ranges, so that one stretch of text becomes one entity."""

from __future__ import annotations

from bisect import bisect_left, insort


class Claims(list[tuple[int, int]]):
    """Disjoint half-open ``[start, end)`` ranges already taken by an earlier extractor.

    Kept sorted, so a check costs O(log n) even for a 100 kB message with thousands of
    entities (a plain list scan made such input quadratic). A list itself (true when
    any range is claimed): one is made per message, and a list is built without a
    Python ``__init__`` call.
    """

    __slots__ = ()

    def add(self, start: int, end: int) -> None:
        """Take ``[start, end)``; callers add only ranges that :meth:`overlaps` cleared."""
        insort(self, (start, end))

    def overlaps(self, start: int, end: int) -> bool:
        if not self:
            return False
        i = bisect_left(self, (end, -1))  # ranges before i start before ``end``
        return i > 0 and self[i - 1][1] > start
