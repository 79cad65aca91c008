"""``overlaps(claims, start, end)``: the extractors' test against claimed ranges.

:class:`~lachan.entities.spans.Claims` is a ``list`` subclass, which mypyc cannot
compile, so its method runs as Python code even in the compiled build; this function
(the same test) lives in a module that is compiled, and the extractors call it.
"""

from __future__ import annotations

from bisect import bisect_left

__all__ = ["overlaps"]


def overlaps(claims: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does ``[start, end)`` overlap a range of ``claims`` (sorted, disjoint)?"""
    if not claims:
        return False
    i = bisect_left(claims, (end, -1))  # ranges before i start before ``end``
    return i > 0 and claims[i - 1][1] > start
