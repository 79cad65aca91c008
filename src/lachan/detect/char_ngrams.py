"""Hashed character n-grams of the folded text: the content model's second block of
features, computed for a whole batch at once with NumPy.

Word n-grams see a word only when it is spelt the way training saw it. Character 4- and
5-grams also see its pieces: "vietcombank" and "vietcombankk", "nhantien" glued and
"nhan tien" spaced, a link's host and the same brand in the text share most of them.

Each message is read as ``" " + folded + " "`` in UTF-8 bytes. Every window of 4 and 5
bytes inside it is hashed (a polynomial over its bytes, then Fibonacci hashing) into
one of ``2 ** CHAR_BITS`` buckets; a window never crosses from one message into the next,
so a message's features do not depend on the batch it comes in. Each occurrence weighs
``CHAR_SCALE * length_scale(number of windows, CHAR_LONG)``, the same length scaling as
the word block: ``1 / sqrt(n)`` up to a length longer than any message of the training
data, ``sqrt(N) / n`` beyond it, so that a long text weighs like the mean of
training-length pieces of it and its logits stay bounded however long it is.

:func:`char_ngram_hashes` gives the windows' owners and buckets; the model sums its
bucket weights over them (:func:`char_logits`), and training builds a sparse matrix of
the same values (:func:`char_matrix`), so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from lachan import native

if TYPE_CHECKING:
    from scipy import sparse

#: log2 of the number of buckets (2^18 = 262,144: on the SMS data 2^20 scored the same).
CHAR_BITS = 18
#: Shortest and longest window, in bytes. In grouped cross-validation (4 fold
#: assignments) 4-5 scored as 3-5 and 3-6 or a little higher (Vietnamese scam recall
#: at 0.3 % FPR 0.759 against 0.748 and 0.746, 2016 F1 0.912 for all three), with a
#: third fewer windows to hash and sum than 3-5.
CHAR_MIN_N, CHAR_MAX_N = 4, 5
#: Weight of the block against the word block (chosen by grouped cross-validation:
#: bench/content_cv.py; 1 and 3 scored lower).
CHAR_SCALE = 2.0
#: Windows (about 2 per byte) beyond which a text weighs as the mean of pieces of this
#: length (:func:`length_scale`): more than the longest message of the training data
#: (922 bytes), so no training row depends on it. Without it a 5 kB business e-mail
#: drifted from ham to scam as it grew, and the logits of a text repeated 1,000 times
#: outweighed every fixed prior.
CHAR_LONG = 2048


def length_scale(n: np.ndarray, longest: int) -> np.ndarray:
    """Per-feature scale of a text with ``n`` features: ``1/sqrt(n)`` (unit length when
    they are distinct) up to ``longest``, then ``sqrt(longest)/n``, which keeps the sum of
    ``n`` weights at most ``sqrt(longest)`` times their mean: continuous at ``longest``."""
    m = np.maximum(n, 1).astype(np.float64)
    return np.where(m <= longest, 1.0 / np.sqrt(m), np.sqrt(float(longest)) / m)

#: Texts hashed at a time: the arrays of a chunk (a few hundred kB) stay in the CPU
#: caches; a batch of 20,000 messages at once ran 1.5x slower.
CHUNK = 256

_MULT = np.uint32(0x9E3779B1)  # 2^32 / golden ratio: Fibonacci hashing
_BASE = np.uint32(257)
_SHIFT = np.uint32(32 - CHAR_BITS)


def _buckets(h: np.ndarray, width: int) -> np.ndarray:
    """Buckets of windows of ``width`` bytes from their polynomial hashes ``h``."""
    return ((h ^ np.uint32(width)) * _MULT) >> _SHIFT


#: The bucket given to a window that would cross from one text into the next: one past
#: the last real bucket, where the scoring table holds zeros (:func:`scoring_table`).
DEAD = 1 << CHAR_BITS


def _all_windows(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(owners, buckets, counts)`` over every window start of the joined batch: a
    window that crosses into the next text gets :data:`DEAD` (cheaper than removing
    it); ``counts[i]`` is the number of real windows of text ``i``."""
    n = len(texts)
    parts = [(" " + t + " ").encode("utf-8", "replace") for t in texts]
    lens = np.fromiter(map(len, parts), dtype=np.int64, count=n)
    buf = np.frombuffer(b"".join(parts), dtype=np.uint8).astype(np.uint32)
    owner = np.repeat(np.arange(n, dtype=np.int64), lens)
    ends = np.cumsum(lens)
    owners: list[np.ndarray] = []
    buckets: list[np.ndarray] = []
    counts = np.zeros(n, dtype=np.int64)
    h = np.zeros(len(buf), dtype=np.uint32)
    for k in range(CHAR_MAX_N):
        # h[p] is the hash of the k+1 bytes from p (rolled on: one step per length)
        h = h[: len(buf) - k] * _BASE + buf[k:]
        width = k + 1
        if width >= CHAR_MIN_N and len(h):
            b = _buckets(h, width)
            # the windows that start in the last k bytes of a text run past its end
            past = (ends[:, None] - np.arange(1, width, dtype=np.int64)).ravel()
            b[past[(past >= 0) & (past < len(b))]] = DEAD
            owners.append(owner[: len(b)])
            buckets.append(b)
            counts += np.maximum(lens - k, 0)
    if not owners:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty.astype(np.uint32), counts
    return np.concatenate(owners), np.concatenate(buckets), counts


def char_ngram_hashes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(owners, buckets, counts)``: for every character window of every text, the index
    of its text and its bucket; ``counts[i]`` is the number of windows of text ``i``."""
    rows, buckets, counts = _all_windows(texts)
    real = buckets != DEAD
    return rows[real], buckets[real], counts


def scoring_table(weights: np.ndarray) -> np.ndarray:
    """The bucket weights (``2**CHAR_BITS`` × classes) with a row of zeros added for
    :data:`DEAD`: what :func:`char_logits` reads."""
    return np.vstack([weights, np.zeros((1, weights.shape[1]), dtype=weights.dtype)])


def _scale(counts: np.ndarray) -> np.ndarray:
    return CHAR_SCALE * length_scale(counts, CHAR_LONG)


#: ``_scoring.c``'s module: the same sums as the NumPy code below, to the last bit, in a
#: loop per window instead of a dozen array passes per chunk (``None`` in the pure build).
SCORING: Any = native.extension("lachan.detect._scoring")


def char_sums(texts: Sequence[str], table: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(sums, counts)`` through ``_scoring.c``: per text the unscaled float64 sum of
    the table rows of its windows, and their number. Needs :data:`SCORING`."""
    n, k = len(texts), table.shape[1]
    sums = np.empty((n, k), dtype=np.float64)
    counts = np.empty(n, dtype=np.int64)
    SCORING.char_sums(list(texts), table, k, CHAR_MIN_N, CHAR_MAX_N, CHAR_BITS, sums, counts)
    return sums, counts


def char_logits(texts: Sequence[str], table: np.ndarray) -> np.ndarray:
    """``(len(texts), classes)`` sums of the bucket weights over each text's windows,
    scaled; ``table`` is :func:`scoring_table` of the weights."""
    if SCORING is not None:
        sums, counts = char_sums(texts, table)
        return (sums * _scale(counts)[:, None]).astype(np.float32)
    if len(texts) == 1:
        return _one_text_logits(texts[0], table)
    if len(texts) > CHUNK:
        return np.concatenate([char_logits(texts[i:i + CHUNK], table)
                               for i in range(0, len(texts), CHUNK)])
    rows, buckets, counts = _all_windows(texts)
    n, k = len(texts), table.shape[1]
    out = np.zeros((n, k), dtype=np.float32)
    if not len(rows):
        return out
    gathered = table[buckets]  # a bucket's classes lie side by side: one gather
    scale = _scale(counts)
    for c in range(k):
        out[:, c] = np.bincount(rows, weights=gathered[:, c], minlength=n) * scale
    return out


def _one_text_logits(text: str, table: np.ndarray) -> np.ndarray:
    """:func:`char_logits` of one text (a message analysed in-line) in a third of the
    NumPy calls: no owners, no window bounds, no per-text sums."""
    buf = np.frombuffer((" " + text + " ").encode("utf-8", "replace"), dtype=np.uint8)
    buf = buf.astype(np.uint32)
    h = buf
    buckets = []
    for k in range(1, CHAR_MAX_N):
        h = h[:-1] * _BASE + buf[k:]
        if k + 1 >= CHAR_MIN_N:
            buckets.append(_buckets(h, k + 1))
    found = np.concatenate(buckets)
    if not len(found):
        return np.zeros((1, table.shape[1]), dtype=np.float32)
    total = table[found].sum(axis=0, dtype=np.float64) * _scale(np.array([len(found)]))
    return total.astype(np.float32)[None, :]


def char_matrix(texts: Sequence[str]) -> sparse.csr_matrix:
    """The same values as a sparse matrix (texts × buckets), for training."""
    from scipy import sparse  # training only

    rows, buckets, counts = char_ngram_hashes(texts)
    return sparse.csr_matrix((_scale(counts)[rows], (rows, buckets)),
                             shape=(len(texts), 1 << CHAR_BITS))
