"""The in-memory Do-Not-Call index used for scrubbing.

Numbers are national significant numbers (the number without its 0: 9 digits for a
mobile, 10 for a fixed line, which can be registered for calls), held per
scope (``sms``, ``call``, ``all``: ``DK DNC S``, ``DK DNC V``, ``DK DNC``) in sorted,
de-duplicated ``uint32`` arrays. Membership of a batch is one ``np.searchsorted`` per
scope. The index persists as one ``.npy`` file per scope plus ``meta.json`` in a
directory, loaded whole (``np.load``) or memory-mapped.

A number in several scopes counts in each; :meth:`DncIndex.scope_codes` folds them into
one code per number (``all`` wins, and ``sms`` + ``call`` is ``all``).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np

SCOPES: tuple[str, ...] = ("sms", "call", "all")
#: Scope code per number: 0 not listed, 1 sms, 2 call, 3 all (bit 1 sms, bit 2 call).
SCOPE_CODES: dict[str, int] = {"sms": 1, "call": 2, "all": 3}
CODE_SCOPES: dict[int, str | None] = {0: None, 1: "sms", 2: "call", 3: "all"}
#: Channel -> scope codes whose bit bars that channel.
CHANNEL_BIT: dict[str, int] = {"sms": 1, "call": 2, "email": 0}

_MAX_NSN = 4_294_967_295  # uint32


class DncIndexError(ValueError):
    """A persisted index that cannot be read (missing, corrupt, wrong format)."""


def _sorted_unique(values: Iterable[int] | np.ndarray) -> np.ndarray:
    arr = np.asarray(
        values if isinstance(values, np.ndarray) else np.fromiter(values, dtype=np.int64)
    )
    if arr.size and (int(arr.min()) < 0 or int(arr.max()) > _MAX_NSN):
        raise ValueError("national numbers must fit 0 .. 4,294,967,295")
    return np.unique(arr.astype(np.uint32, copy=False))


class DncIndex:
    """Sorted per-scope arrays of national significant numbers."""

    def __init__(self, scopes: Mapping[str, np.ndarray] | None = None, *, presorted: bool = False):
        self.arrays: dict[str, np.ndarray] = {}
        for scope in SCOPES:
            arr = (scopes or {}).get(scope)
            if arr is None:
                arr = np.zeros(0, dtype=np.uint32)
            elif not presorted:
                arr = _sorted_unique(arr)
            self.arrays[scope] = arr
        self.meta: dict[str, Any] = {}

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[int, str]]) -> DncIndex:
        """Build from ``(national number, scope)`` pairs."""
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

    def scope_codes(self, nsn: np.ndarray) -> np.ndarray:
        """One code per number (see :data:`SCOPE_CODES`); invalid (< 0) numbers get 0."""
        nsn = np.asarray(nsn, dtype=np.int64)
        valid = (nsn >= 0) & (nsn <= _MAX_NSN)
        q = np.where(valid, nsn, 0).astype(np.uint32)
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

    def blocked(self, nsn: np.ndarray, channel: str) -> np.ndarray:
        """True where a number may not get ads on ``channel`` (sms, call; e-mail: never)."""
        bit = CHANNEL_BIT.get(channel)
        if bit is None:
            raise ValueError(f"unknown channel {channel!r}; use sms, email or call")
        codes = self.scope_codes(nsn)
        return (codes & bit) != 0

    def scope_of(self, nsn: int) -> str | None:
        return CODE_SCOPES[int(self.scope_codes(np.array([nsn]))[0])]

    # ------------------------------------------------------------------ persistence
    def save(self, directory: str | os.PathLike[str], **meta: Any) -> Path:
        """Write ``<scope>.npy`` and ``meta.json`` into ``directory`` (atomically per file)."""
        d = Path(directory)
        d.mkdir(parents=True, exist_ok=True)
        for scope, arr in self.arrays.items():
            fd, tmp = tempfile.mkstemp(dir=d, suffix=".npy.tmp")
            with os.fdopen(fd, "wb") as fh:
                np.save(fh, np.ascontiguousarray(arr, dtype=np.uint32))
            os.replace(tmp, d / f"{scope}.npy")
        info = {"format": 1, "counts": {s: int(a.size) for s, a in self.arrays.items()}}
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
            if arr.dtype != np.uint32 or arr.ndim != 1:
                raise DncIndexError(f"DNC index file {path} is not a 1-D uint32 array")
            arrays[scope] = arr
        idx = cls(arrays, presorted=True)
        try:
            idx.meta = json.loads((d / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            idx.meta = {}
        return idx
