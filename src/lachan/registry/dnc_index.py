"""The in-memory Do-Not-Call index used for scrubbing.

The register stores numbers only as keyed pseudonyms (:mod:`lachan.registry.dnc`), and so
does its index: each entry is a *key*, the first 8 bytes of the number's pseudonym as a
``uint64`` (:func:`keys_of_pseudonyms`), held per scope (``sms``, ``call``, ``all``: ``DK
DNC S``, ``DK DNC V``, ``DK DNC``) in sorted, de-duplicated arrays. The numbers asked
about are keyed the same way (:func:`number_keys`: one HMAC each, about 0.6 µs) and
looked up with one ``np.searchsorted`` per scope. A number that is not on the register
shares its key with one that is with a chance of about entries / 2⁶⁴ (3·10⁻¹² for 50
million entries), and would then read as listed: the safe side. The index persists as
one ``.npy`` file per scope plus ``meta.json`` in a directory, loaded whole (``np.load``)
or memory-mapped; neither holds a number.

A number in several scopes counts in each; :meth:`DncIndex.scope_codes` folds them into
one code per number (``all`` wins, and ``sms`` + ``call`` is ``all``).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np

SCOPES: tuple[str, ...] = ("sms", "call", "all")
#: Scope code per number: 0 not listed, 1 sms, 2 call, 3 all (bit 1 sms, bit 2 call).
SCOPE_CODES: dict[str, int] = {"sms": 1, "call": 2, "all": 3}
CODE_SCOPES: dict[int, str | None] = {0: None, 1: "sms", 2: "call", 3: "all"}
#: Channel -> scope codes whose bit bars that channel.
CHANNEL_BIT: dict[str, int] = {"sms": 1, "call": 2, "email": 0}

#: What persisted indexes are: 2 holds pseudonym keys (1, national numbers, is refused).
FORMAT = 2
KEY_DTYPE = np.uint64

#: Digests of national numbers (``b"0912345678"``), 32 bytes each, in order:
#: :meth:`lachan.registry.privacy.Vault.dnc_digests`.
NumberDigests = Callable[[Iterable[bytes]], Iterator[bytes]]


class DncIndexError(ValueError):
    """A persisted index that cannot be read (missing, corrupt, wrong format)."""


def keys_of_pseudonyms(pseudonyms: Iterable[str]) -> np.ndarray:
    """The index keys of stored pseudonyms (hex): the first 8 bytes of each, big-endian,
    as a ``uint64`` array."""
    raw = bytes.fromhex("".join(p[:16] for p in pseudonyms))
    return np.frombuffer(raw, dtype=">u8").astype(KEY_DTYPE)


def number_keys(digests: NumberDigests, nsn: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The index keys of national significant numbers (``912345678``: the number without
    its 0; negative where an entry is not a number) and where they are valid."""
    nsn = np.asarray(nsn, dtype=np.int64)
    valid = nsn > 0
    keys = np.zeros(nsn.size, dtype=KEY_DTYPE)
    if valid.any():
        raw = b"".join(digests(b"0%d" % n for n in nsn[valid].tolist()))
        keys[valid] = np.frombuffer(raw, dtype=">u8").reshape(-1, 4)[:, 0]
    return keys, valid


def _sorted_unique(values: Iterable[int] | np.ndarray) -> np.ndarray:
    arr = np.asarray(
        values if isinstance(values, np.ndarray) else np.fromiter(values, dtype=np.int64)
    )
    if arr.size and arr.dtype.kind == "i" and int(arr.min()) < 0:
        raise ValueError("index keys must not be negative")
    return sorted_unique(arr.astype(KEY_DTYPE, copy=False))


def sorted_unique(arr: np.ndarray) -> np.ndarray:
    """``np.unique(arr)`` by a sort and a mask: the same result, and over a hundred times
    faster for tens of millions of keys than ``np.unique`` of NumPy 2.4 (9 s for 10
    million)."""
    if arr.size == 0:
        return arr.copy()
    ordered = np.sort(arr)
    first = np.empty(ordered.size, dtype=bool)
    first[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    return ordered[first]


class DncIndex:
    """Sorted per-scope arrays of keys (see the module's note). ``digests``, when the
    index knows it, keys the numbers asked about (:meth:`number_codes`)."""

    def __init__(
        self,
        scopes: Mapping[str, np.ndarray] | None = None,
        *,
        presorted: bool = False,
        digests: NumberDigests | None = None,
    ):
        self.arrays: dict[str, np.ndarray] = {}
        for scope in SCOPES:
            arr = (scopes or {}).get(scope)
            if arr is None:
                arr = np.zeros(0, dtype=KEY_DTYPE)
            elif not presorted:
                arr = _sorted_unique(arr)
            self.arrays[scope] = arr
        self.meta: dict[str, Any] = {}
        self.digests = digests

    def keyed(self, digests: NumberDigests) -> DncIndex:
        """The same arrays, looking numbers up with ``digests``."""
        twin = DncIndex(self.arrays, presorted=True, digests=digests)
        twin.meta = self.meta
        return twin

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[int, str]]) -> DncIndex:
        """Build from ``(key, scope)`` pairs."""
        buckets: dict[str, list[int]] = {s: [] for s in SCOPES}
        for nsn, scope in pairs:
            if scope not in buckets:
                raise ValueError(f"unknown DNC scope {scope!r}; use sms, call or all")
            buckets[scope].append(int(nsn))
        return cls({s: np.asarray(v, dtype=np.int64) for s, v in buckets.items()})

    def __len__(self) -> int:
        return sum(int(a.size) for a in self.arrays.values())

    # ------------------------------------------------------------------ membership
    @staticmethod
    def _member(arr: np.ndarray, q: np.ndarray) -> np.ndarray:
        if arr.size == 0 or q.size == 0:
            return np.zeros(q.size, dtype=bool)
        pos = np.searchsorted(arr, q)
        pos[pos == arr.size] = arr.size - 1
        return arr[pos] == q

    def scope_codes(self, keys: np.ndarray, valid: np.ndarray | None = None) -> np.ndarray:
        """One code per key (see :data:`SCOPE_CODES`); 0 where ``valid`` is False (by
        default: where a signed key is negative)."""
        keys = np.asarray(keys)
        if valid is None:
            valid = keys >= 0 if keys.dtype.kind == "i" else np.ones(keys.size, dtype=bool)
        q = np.where(valid, keys, 0).astype(KEY_DTYPE)
        # sorting the queries first keeps the binary searches cache-friendly
        order = np.argsort(q, kind="stable")
        qs = q[order]
        codes_sorted = np.zeros(q.size, dtype=np.uint8)
        for scope, code in SCOPE_CODES.items():
            codes_sorted |= np.where(self._member(self.arrays[scope], qs), code, 0).astype(
                np.uint8
            )
        codes = np.empty_like(codes_sorted)
        codes[order] = codes_sorted
        codes[~valid] = 0
        return codes

    def number_codes(self, nsn: np.ndarray) -> np.ndarray:
        """:meth:`scope_codes` of national significant numbers (negative: not a number,
        code 0), keyed with the index's ``digests``."""
        if self.digests is None:
            raise DncIndexError("this DNC index has no key to look numbers up with")
        keys, valid = number_keys(self.digests, nsn)
        return self.scope_codes(keys, valid)

    def blocked(self, keys: np.ndarray, channel: str) -> np.ndarray:
        """True where a key may not get ads on ``channel`` (sms, call; e-mail: never)."""
        return self._barred(self.scope_codes(keys), channel)

    def blocked_numbers(self, nsn: np.ndarray, channel: str) -> np.ndarray:
        """:meth:`blocked` for national significant numbers (see :meth:`number_codes`)."""
        return self._barred(self.number_codes(nsn), channel)

    @staticmethod
    def _barred(codes: np.ndarray, channel: str) -> np.ndarray:
        bit = CHANNEL_BIT.get(channel)
        if bit is None:
            raise ValueError(f"unknown channel {channel!r}; use sms, email or call")
        return (codes & bit) != 0

    def scope_of(self, key: int) -> str | None:
        return CODE_SCOPES[int(self.scope_codes(np.array([key], dtype=KEY_DTYPE))[0])]

    # ------------------------------------------------------------------ persistence
    def save(self, directory: str | os.PathLike[str], **meta: Any) -> Path:
        """Write ``<scope>.npy`` and ``meta.json`` into ``directory`` (atomically per file)."""
        d = Path(directory)
        d.mkdir(parents=True, exist_ok=True)
        for scope, arr in self.arrays.items():
            fd, tmp = tempfile.mkstemp(dir=d, suffix=".npy.tmp")
            with os.fdopen(fd, "wb") as fh:
                np.save(fh, np.ascontiguousarray(arr, dtype=KEY_DTYPE))
            os.replace(tmp, d / f"{scope}.npy")
        info = {"format": FORMAT, "counts": {s: int(a.size) for s, a in self.arrays.items()}}
        info.update(meta)
        (d / "meta.json").write_text(json.dumps(info, default=str), encoding="utf-8")
        self.meta = info
        return d

    @classmethod
    def load(cls, directory: str | os.PathLike[str], *, mmap: bool = False) -> DncIndex:
        d = Path(directory)
        arrays: dict[str, np.ndarray] = {}
        for scope in SCOPES:
            path = d / f"{scope}.npy"
            if not path.exists():
                raise DncIndexError(f"DNC index file {path} is missing")
            try:
                arr = np.load(path, mmap_mode="r" if mmap else None, allow_pickle=False)
            except (ValueError, OSError) as exc:
                raise DncIndexError(f"DNC index file {path} cannot be read: {exc}") from exc
            if arr.dtype != KEY_DTYPE or arr.ndim != 1:
                raise DncIndexError(f"DNC index file {path} is not a 1-D uint64 array "
                                    "(an index of an older format: it is rebuilt)")
            arrays[scope] = arr
        idx = cls(arrays, presorted=True)
        try:
            idx.meta = json.loads((d / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            idx.meta = {}
        return idx
