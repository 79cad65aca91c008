"""Claimed character ranges, so that one stretch of text becomes one entity."""

from __future__ import annotations

from bisect import insort
from functools import partial

from lachan.domain import Entity
from lachan.entities.claimed import overlaps

#: ``new_entity((kind, value, raw, start, end, attrs))`` is ``Entity(kind, value, raw,
#: start, end, attrs)``: ``tuple.__new__`` on the named tuple, half the cost of calling
#: the class (its generated ``__new__`` is Python code). That is only the same thing while
#: :class:`Entity` is the plain named tuple of these six fields, so the import says so.
if getattr(Entity, "_fields", None) != ("kind", "value", "raw", "start", "end", "attrs"):
    raise TypeError("lachan.entities.spans.new_entity needs Entity to be the named tuple "
                    "(kind, value, raw, start, end, attrs)")
new_entity = partial(tuple.__new__, Entity)


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
        """The extractors call :func:`lachan.entities.claimed.overlaps` (compiled)."""
        return overlaps(self, start, end)


#: ``claim(claims, (start, end))`` is ``claims.add(start, end)`` as one C call (no Python
#: frame): the extractors' hot paths use it.
claim = insort
