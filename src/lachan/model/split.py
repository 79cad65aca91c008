"""Validation split by message group: near-duplicates (same template, other numbers or
names) are joined into one group, and a whole group falls on one side of the split."""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import TfidfVectorizer

#: Cosine similarity (word 1–2-grams, digits masked) from which two messages are one group.
DUPLICATE_SIMILARITY = 0.7


def near_duplicate_groups(folded_texts: Sequence[str], threshold: float = DUPLICATE_SIMILARITY,
                          chunk: int = 2000) -> np.ndarray:
    """Group id per text; texts whose similarity reaches ``threshold`` share a group."""
    n = len(folded_texts)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    vec = TfidfVectorizer(ngram_range=(1, 2), token_pattern=r"[a-z#]+|\d+", binary=True,
                          preprocessor=_mask_digits, lowercase=False, min_df=1)
    x = vec.fit_transform(folded_texts).tocsr()
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for start in range(0, n, chunk):
        sim = (x[start:start + chunk] @ x.T).tocoo()
        keep = sim.data >= threshold
        rows.append(sim.row[keep] + start)
        cols.append(sim.col[keep])
    r = np.concatenate(rows)
    c = np.concatenate(cols)
    graph = sparse.coo_matrix((np.ones(len(r), dtype=np.int8), (r, c)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return labels.astype(np.int64)


def _mask_digits(s: str) -> str:
    return "".join("#" if ch.isdigit() else ch for ch in s)


def validation_mask(groups: np.ndarray, keys: Sequence[str], fraction: float = 0.2,
                    seed: int = 91) -> np.ndarray:
    """True for rows in validation: a group goes there when the CRC of its first member's
    key (with the seed) falls under ``fraction``; deterministic, independent of order."""
    first: dict[int, str] = {}
    for g, k in zip(groups.tolist(), keys, strict=True):
        first.setdefault(g, k)
    chosen = {
        g for g, k in first.items()
        if (zlib.crc32(f"{seed}:{k}".encode()) % 10_000) < fraction * 10_000
    }
    return np.fromiter((g in chosen for g in groups.tolist()), dtype=bool, count=len(groups))
