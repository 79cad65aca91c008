"""Some detector patterns open with a look-ahead that names the first letters of all their
branches (``\\b(?=[...])``): the regular-expression engine then skips most word starts at
once. A branch added later with another first letter would silently never match; these
tests read each pattern's branches and check that the look-ahead covers them."""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

import pytest

from lachan.detect import features, offers


def _first_chars(items: list[Any]) -> set[str] | None:
    """The characters a match of ``items`` (a parsed pattern) can start with; ``None``
    when it could start with anything this reader does not follow."""
    out: set[str] = set()
    for op, av in items:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue
        if op is C.LITERAL:
            return out | {chr(av)}
        if op is C.IN:
            for o, a in av:
                if o is C.LITERAL:
                    out.add(chr(a))
                elif o is C.RANGE:
                    out.update(chr(c) for c in range(a[0], a[1] + 1))
                elif o is C.CATEGORY and a is C.CATEGORY_DIGIT:
                    out.update("0123456789")
                else:
                    return None
            return out
        if op is C.SUBPATTERN:
            sub = _first_chars(list(av[3]))
            return None if sub is None else out | sub
        if op is C.BRANCH:
            for branch in av[1]:
                sub = _first_chars(list(branch))
                if sub is None:
                    return None
                out |= sub
            return out
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, _high, sub_items = av
            sub = _first_chars(list(sub_items))
            if sub is None:
                return None
            out |= sub
            if low == 0:
                continue
            return out
        return None
    return None


def _branches_and_lookahead(pattern: re.Pattern[str]) -> tuple[set[str], set[str]]:
    """The first letters of the pattern's branches (after its look-ahead) and the letters
    the look-ahead names."""
    parsed = list(P.parse(pattern.pattern, pattern.flags))
    ahead = next(av for op, av in parsed if op is C.ASSERT)
    named = _first_chars(list(ahead[1]))
    rest = [(op, av) for op, av in parsed if op is not C.ASSERT]
    needed = _first_chars(rest)
    assert named is not None and needed is not None
    return needed, named


@pytest.mark.parametrize("pattern", [offers._OFFER_RE, features._NARRATED_RE])
def test_the_look_ahead_names_every_branchs_first_letter(pattern: re.Pattern[str]) -> None:
    needed, named = _branches_and_lookahead(pattern)
    assert needed <= named, f"branches may start with {sorted(needed - named)}"


def test_the_reader_sees_a_branch_the_look_ahead_misses() -> None:
    # the check itself can fail: a branch starting with "q" is not named
    needed, named = _branches_and_lookahead(re.compile(r"\b(?=[ab])(?:alpha|beta|quux)\b"))
    assert not needed <= named
