"""Claimed character ranges, so that one stretch of text becomes one entity."""

from __future__ import annotations


class Claims:
    """Half-open ``[start, end)`` ranges already taken by an earlier extractor.

    Messages hold a handful of entities, so a plain list beats any interval tree.
    """

    __slots__ = ("_ranges",)

    def __init__(self) -> None:
        self._ranges: list[tuple[int, int]] = []

    def add(self, start: int, end: int) -> None:
        self._ranges.append((start, end))

    def overlaps(self, start: int, end: int) -> bool:
        for s, e in self._ranges:
            if start < e and s < end:
                return True
        return False

    def __bool__(self) -> bool:
        return bool(self._ranges)
