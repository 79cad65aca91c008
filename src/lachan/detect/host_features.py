"""Model features for a batch of hosts, vectorised with numpy.

Two parts, both generalising beyond the training list:

- hashed character 3-5-grams of the registrable-domain label (``^vietcombank-vn$``)
  plus hashed tokens for the TLD and public suffix, each host's n-grams scaled to unit
  length (``HASH_BITS`` buckets);
- dense features: the check results of ``host_checks`` and character statistics
  (entropy, consonant and digit runs, hyphens, length), listed in ``DENSE_FEATURES``.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from lachan.detect.host_checks import HostFacts

HASH_BITS = 18
NGRAM_SIZES = (3, 4, 5)
LABEL_WIDTH = 32  # characters of a label used for n-grams and statistics
_MULT = np.uint64(0x9E3779B97F4A7C15)
_PRIME = np.uint64(1_000_003)

DENSE_FEATURES: tuple[str, ...] = (
    "brand_label", "brand_sub", "brand_lookalike", "brand_with_keyword", "scam_label",
    "scam_sub", "gambling", "risky_tld", "sfx_restricted_vn", "sfx_vn2", "sfx_vn",
    "sfx_generic", "sfx_other", "user_content", "ip", "random_label",
    "entropy", "digit_ratio", "digit_run4", "hyphens", "length", "idn", "consonant_run5",
    "vn_affix",
)
# Left out on purpose: "www." prefix, subdomain depth and URL paths. The legitimate list
# holds bare registrable domains only, so a model would learn them as dataset artefacts.

_VOWELS = set(b"aeiouy")
_CONSONANT = np.zeros(256, dtype=bool)
_DIGIT = np.zeros(256, dtype=bool)
_ALPHA_IDX = np.zeros(256, dtype=np.int64)
for _c in range(256):
    if ord("a") <= _c <= ord("z") and _c not in _VOWELS:
        _CONSONANT[_c] = True
    if ord("0") <= _c <= ord("9"):
        _DIGIT[_c] = True
for _i, _c in enumerate(b"abcdefghijklmnopqrstuvwxyz0123456789-_"):
    _ALPHA_IDX[_c] = _i + 1
_ALPHA = 40


@dataclass(frozen=True, slots=True)
class CharStats:
    length: np.ndarray
    entropy: np.ndarray
    consonant_run: np.ndarray
    digit_run: np.ndarray
    digits: np.ndarray
    hyphens: np.ndarray

    def random_label(self) -> np.ndarray:
        """Random-looking: long and high-entropy, or a run of 5+ consonants."""
        return ((self.length >= 8) & (self.entropy >= 3.3) & (self.digits >= 2)) | (
            self.consonant_run >= 5
        )


def _char_matrix(labels: list[str], width: int) -> np.ndarray:
    buf = "".join(s[:width].ljust(width, "\0") for s in labels).encode("ascii", "replace")
    return np.frombuffer(buf, dtype=np.uint8).reshape(len(labels), width)


def _max_run(mask: np.ndarray) -> np.ndarray:
    run = np.zeros(mask.shape[0], dtype=np.int32)
    best = np.zeros(mask.shape[0], dtype=np.int32)
    for j in range(mask.shape[1]):
        run = (run + 1) * mask[:, j]
        np.maximum(best, run, out=best)
    return best


def char_stats(labels: list[str]) -> CharStats:
    n = len(labels)
    if n == 0:
        z = np.zeros(0)
        return CharStats(z, z, z, z, z, z)
    a = _char_matrix(labels, LABEL_WIDTH)
    length = (a != 0).sum(axis=1)
    idx = _ALPHA_IDX[a]
    counts = np.bincount(
        (np.arange(n)[:, None] * _ALPHA + idx).ravel(), minlength=n * _ALPHA
    ).reshape(n, _ALPHA)[:, 1:]
    p = counts / np.maximum(length, 1)[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        ent = -np.where(p > 0, p * np.log2(p), 0.0).sum(axis=1)
    digit = _DIGIT[a]
    return CharStats(
        length=length,
        entropy=ent,
        consonant_run=_max_run(_CONSONANT[a]),
        digit_run=_max_run(digit),
        digits=digit.sum(axis=1),
        hyphens=(a == ord("-")).sum(axis=1),
    )


_TOKEN_CACHE: dict[str, int] = {}


def _token_bucket(token: str) -> int:
    b = _TOKEN_CACHE.get(token)
    if b is None:
        b = zlib.crc32(token.encode()) & ((1 << HASH_BITS) - 1)
        if len(_TOKEN_CACHE) < 100_000:
            _TOKEN_CACHE[token] = b
    return b


def _ngram_buckets(labels: list[str]) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """For each n-gram size: ``(buckets, valid)``, both (hosts x positions): the hash
    bucket of every character n-gram of ``^label$`` and whether it lies inside the label.
    Training (:func:`hashed_features`) and scoring (:func:`hashed_scores`) both read
    this, so the two can never hash differently."""
    n = len(labels)
    width = LABEL_WIDTH + 2
    a = _char_matrix(["^" + s[:LABEL_WIDTH] + "$" for s in labels], width).astype(np.uint64)
    lengths = (a != 0).sum(axis=1)
    shift = np.uint64(64 - HASH_BITS)
    for k in NGRAM_SIZES:
        m = width - k + 1
        h = np.full((n, m), np.uint64(k), dtype=np.uint64)
        with np.errstate(over="ignore"):
            for j in range(k):
                h = h * _PRIME + a[:, j : j + m]
            b = (h * _MULT) >> shift
        yield b, np.arange(m)[None, :] + k <= lengths[:, None]


def hashed_features(labels: list[str], tokens: list[list[str]]) -> tuple[np.ndarray, ...]:
    """``(rows, cols, vals)`` of the hashed sparse part for a batch."""
    n = len(labels)
    rows_l, cols_l = [], []
    for b, valid in _ngram_buckets(labels):
        r, c = np.nonzero(valid)
        rows_l.append(r)
        cols_l.append(b[r, c])
    rows = np.concatenate(rows_l)
    cols = np.concatenate(cols_l).astype(np.int64)
    counts = np.bincount(rows, minlength=n).astype(np.float64)
    vals = 1.0 / np.sqrt(np.maximum(counts, 1.0))[rows]
    # tokens (TLD, suffix) with weight 1 each
    t_rows = [i for i, ts in enumerate(tokens) for _ in ts]
    t_cols = [_token_bucket(t) for ts in tokens for t in ts]
    rows = np.concatenate([rows, np.asarray(t_rows, dtype=np.int64)])
    cols = np.concatenate([cols, np.asarray(t_cols, dtype=np.int64)])
    vals = np.concatenate([vals, np.ones(len(t_rows))])
    return rows, cols, vals


def hashed_scores(labels: list[str], tokens: list[list[str]], w: np.ndarray) -> np.ndarray:
    """The hashed part of the model's logit, ``X_hashed @ w``, without building ``X``
    (same numbers as :func:`hashed_features`; the fast path for scoring a batch)."""
    n = len(labels)
    total = np.zeros(n)
    count = np.zeros(n)
    for b, valid in _ngram_buckets(labels):
        total += np.where(valid, w[b.astype(np.intp)], 0.0).sum(axis=1)
        count += valid.sum(axis=1)
    out = total / np.sqrt(np.maximum(count, 1.0))
    for i, ts in enumerate(tokens):
        for t in ts:
            out[i] += w[_token_bucket(t)]
    return out


def dense_features(facts: list[HostFacts], stats: CharStats) -> np.ndarray:
    """Dense matrix (hosts x ``DENSE_FEATURES``) of check results and character stats."""
    n = len(facts)
    x = np.zeros((n, len(DENSE_FEATURES)), dtype=np.float64)
    col = {name: i for i, name in enumerate(DENSE_FEATURES)}
    sfx_col = {
        "restricted_vn": col["sfx_restricted_vn"], "vn2": col["sfx_vn2"], "vn": col["sfx_vn"],
        "generic": col["sfx_generic"], "other": col["sfx_other"],
    }
    col_uc, col_ip, col_idn = col["user_content"], col["ip"], col["idn"]
    col_vn = col["vn_affix"]
    for i, f in enumerate(facts):
        p = f.parsed
        row = x[i]
        b = f.brand
        if b is not None:
            if b.where == "label":
                row[0] = 1.0
            elif b.where == "subdomain":
                row[1] = 1.0
            else:
                row[2] = 1.0
            if f.scam_label or f.scam_sub or f.gambling:
                row[3] = 1.0
        if f.scam_label:
            row[4] = min(len(f.scam_label), 3) / 3.0
        if f.scam_sub:
            row[5] = 1.0
        if f.gambling:
            row[6] = 1.0
        if f.risky_tld:
            row[7] = 1.0
        c = sfx_col.get(f.suffix_class)
        if c is not None:
            row[c] = 1.0
        if f.user_content:
            row[col_uc] = 1.0
        if p.is_ip:
            row[col_ip] = 1.0
        if p.idn:
            row[col_idn] = 1.0
        lab = p.label
        if f.suffix_class not in ("restricted_vn", "vn2", "vn") and (
            lab.startswith("vn") or lab.endswith("vn")
        ):
            row[col_vn] = 1.0
    length = np.maximum(stats.length, 1)
    x[:, col["random_label"]] = stats.random_label()
    x[:, col["entropy"]] = stats.entropy / 5.0
    x[:, col["digit_ratio"]] = stats.digits / length
    x[:, col["digit_run4"]] = stats.digit_run >= 4
    x[:, col["hyphens"]] = np.minimum(stats.hyphens, 3) / 3.0
    x[:, col["length"]] = np.minimum(stats.length, 30) / 30.0
    x[:, col["consonant_run5"]] = stats.consonant_run >= 5
    return x


def tokens_of(f: HostFacts) -> list[str]:
    p = f.parsed
    if p.is_ip:
        return ["ip"]
    return ["tld=" + f.tld, "sfx=" + p.suffix]
