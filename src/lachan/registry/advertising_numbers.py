"""Fast, vectorised normalisation of phone-number lists for scrubbing.

A list of a million numbers is parsed in one pass of numpy over a byte matrix: every
separator (space, dot, dash, brackets, '+') is skipped, the digits give a value and a
count, and the common forms (``0912345678``, ``84912345678``, ``+84 91 234 5678``,
``0084...``, ``912345678``) become the 9-digit national significant number (the number
without its 0) as an integer. The rest (old 11-digit numbers, odd forms) goes through
:func:`lachan.entities.phone.normalise_msisdn` one by one when that module is present.
Validity follows the VN mobile pattern of :mod:`lachan.entities.numbering`; with
``fixed=True`` fixed lines (``0`` + area code ``2xx`` + 7 digits, 10-digit national
numbers such as ``2438251234``) count too, for what concerns calls.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from lachan.entities.numbering import FIXED_NSN, MOBILE_NSN

#: Longest line that can hold a phone number, in bytes (longer lines are invalid).
MAX_NUMBER_CHARS = 32
INVALID = -1
#: The smallest national significant number of a fixed line (10 digits, area code 2xx);
#: mobile numbers have 9.
FIXED_NSN_MIN = 1_000_000_000

_SEPARATORS = frozenset(b" .-()+\t\r")


@lru_cache(maxsize=1)
def _valid_prefix3() -> np.ndarray:
    """Boolean table over the first 3 digits of a 9-digit mobile number."""
    table = np.zeros(1000, dtype=bool)
    for p in range(100, 1000):
        table[p] = MOBILE_NSN.fullmatch(f"{p}000000") is not None
    return table


def _slow_normalise(raw: str) -> int | None:
    """One odd-looking number through the entities layer (old 11-digit forms...)."""
    try:
        from lachan.entities.phone import normalise_msisdn
    except ImportError:  # pragma: no cover - until lachan.entities.phone lands
        return None
    try:
        value = normalise_msisdn(raw)
    except (ValueError, TypeError):
        return None
    if value is None:
        return None
    value = int(value)
    if 100_000_000 <= value <= 999_999_999 and _valid_prefix3()[value // 1_000_000]:
        return value
    return None


def normalise_numbers(items: Sequence[bytes | str], *, fixed: bool = False) -> np.ndarray:
    """National significant numbers (int64) for ``items``; :data:`INVALID` (-1) where an
    item is not a Vietnamese mobile number (nor, with ``fixed``, a fixed line)."""
    n = len(items)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    raw = [s.encode("utf-8", "replace") if isinstance(s, str) else s for s in items]
    lens = np.fromiter(map(len, raw), dtype=np.int64, count=n)
    width = int(min(max(int(lens.max()), 1), MAX_NUMBER_CHARS))
    mat = np.array(raw, dtype=f"S{width}").view(np.uint8).reshape(n, width)
    too_long = lens > MAX_NUMBER_CHARS

    value = np.zeros(n, dtype=np.int64)
    ndig = np.zeros(n, dtype=np.int64)
    first2 = np.zeros(n, dtype=np.int64)  # value of the first two digits
    other = np.zeros(n, dtype=bool)
    sep = np.zeros(256, dtype=bool)
    sep[list(_SEPARATORS)] = True
    sep[0] = True  # padding
    for col in range(width):
        c = mat[:, col]
        d = c.astype(np.int64) - 48
        isd = (d >= 0) & (d <= 9)
        # 19 digits would overflow int64: such rows are invalid anyway (capped below)
        value = np.where(isd & (ndig < 18), value * 10 + d, value)
        first2 = np.where(isd & (ndig < 2), first2 * 10 + d, first2)
        ndig += isd
        other |= ~isd & ~sep[c]

    nsn = np.full(n, INVALID, dtype=np.int64)
    clean = ~other & ~too_long
    # 0 + 9 digits
    m = clean & (ndig == 10) & (first2 // 10 == 0)
    nsn[m] = value[m]
    # 84 + 9 digits (also +84 ...)
    m = clean & (ndig == 11) & (first2 == 84)
    nsn[m] = value[m] - 84 * 10**9
    # 0084 + 9 digits
    m = clean & (ndig == 13) & (first2 == 0) & (value // 10**9 == 84)
    nsn[m] = value[m] - 84 * 10**9
    # bare 9 digits
    m = clean & (ndig == 9) & (first2 // 10 != 0)
    nsn[m] = value[m]

    ok = (nsn >= 100_000_000) & (nsn <= 999_999_999)
    prefix = np.where(ok, nsn // 1_000_000, 0)
    ok &= _valid_prefix3()[prefix]
    nsn[~ok] = INVALID

    # the rest one by one (old 11-digit numbers, other spellings)
    slow = np.flatnonzero(~ok & ~too_long & (ndig >= 9) & (ndig <= 13))
    for i in slow:
        item = items[int(i)]
        text = item.decode("utf-8", "replace") if isinstance(item, bytes) else item
        got = _slow_normalise(text.strip())
        if got is not None:
            nsn[i] = got
    if fixed:
        _fixed_lines(nsn, value, ndig, first2, clean)
    return nsn


def _fixed_lines(
    nsn: np.ndarray, value: np.ndarray, ndig: np.ndarray, first2: np.ndarray, clean: np.ndarray
) -> None:
    """Fill in the fixed lines among the invalid entries: ``0`` + 10 digits, ``84`` +
    10 digits (also ``+84``), ``0084`` + 10 digits, with a valid area code."""
    candidate = np.full(nsn.size, INVALID, dtype=np.int64)
    m = clean & (ndig == 11) & (first2 // 10 == 0)
    candidate[m] = value[m]
    m = clean & (ndig == 12) & (first2 == 84)
    candidate[m] = value[m] - 84 * 10**10
    m = clean & (ndig == 14) & (first2 == 0) & (value // 10**10 == 84)
    candidate[m] = value[m] - 84 * 10**10
    for i in np.flatnonzero((nsn == INVALID) & (candidate >= 2_000_000_000)):
        if FIXED_NSN.fullmatch(str(int(candidate[i]))):
            nsn[i] = candidate[i]


def format_national(nsn: int) -> str:
    """National significant number -> ``0`` + its digits (9 for mobiles, 10 for fixed)."""
    return f"0{nsn:09d}"
