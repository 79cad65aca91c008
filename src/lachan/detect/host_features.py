"""Model features for a batch of hosts, vectorised with numpy.

Two parts, both generalising beyond the training list:

- hashed character 3- and 4-grams of the registrable-domain label (``^vietcombank-vn$``)
  plus hashed tokens for the TLD and public suffix, each host's n-grams scaled to unit
  length (``HASH_BITS`` buckets);
- dense features: the check results of ``host_checks`` and character statistics
  (entropy, consonant and digit runs, hyphens, length, how unpronounceable the label is
  under the character language model of text, and how unlike the names of widely used
  sites under the one of site names, both of ``host_language``), listed in
  ``DENSE_FEATURES``.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import contains, is_not, itemgetter

import numpy as np

from lachan.detect import host_checks as C
from lachan.detect import host_language
from lachan.detect.host_checks import HostFacts
from lachan.detect.host_parse import ParsedHost

HASH_BITS = 18
NGRAM_SIZES = (3, 4)  # 5-grams too: lower out-of-fold recall (memorise more, generalise less)
LABEL_WIDTH = 32  # characters of a label used for n-grams and statistics
_MULT = np.uint64(0x9E3779B97F4A7C15)
_PRIME = np.uint64(1_000_003)

DENSE_FEATURES: tuple[str, ...] = (
    "brand_label", "brand_sub", "brand_lookalike", "brand_with_keyword", "scam_label",
    "scam_sub", "gambling", "risky_tld", "sfx_restricted_vn", "sfx_vn2", "sfx_vn",
    "sfx_generic", "sfx_other", "user_content", "ip", "random_label",
    "entropy", "digit_ratio", "digit_run4", "hyphens", "length", "idn", "consonant_run5",
    "vn_affix", "unpronounceable", "unlike_site_names",
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
    logprob: np.ndarray  # mean log-probability per character under the language model
    name_logprob: np.ndarray  # the same under the language model of site names

    def random_label(self) -> np.ndarray:
        """Random-looking: long and high-entropy, or a run of 5+ consonants."""
        return ((self.length >= 8) & (self.entropy >= 3.3) & (self.digits >= 2)) | (
            self.consonant_run >= 5
        )

    def take(self, index: np.ndarray) -> CharStats:
        """The statistics of ``labels[index]`` (labels computed once, spread to hosts)."""
        return CharStats(self.length.take(index), self.entropy.take(index),
                         self.consonant_run.take(index), self.digit_run.take(index),
                         self.digits.take(index), self.hyphens.take(index),
                         self.logprob.take(index), self.name_logprob.take(index))


@dataclass(frozen=True, slots=True)
class EncodedLabels:
    """A batch of labels as one byte array ``^label$^label$…`` (each label cut to
    ``LABEL_WIDTH`` characters): every n-gram and statistic is an array operation over
    the whole batch, with no padding to the longest label."""

    chars: np.ndarray  # uint8, all labels framed by ^ and $
    owner: np.ndarray  # intp, the label each byte belongs to
    start: np.ndarray  # intp, index of each label's "^"
    size: np.ndarray  # intp, framed length (label length + 2)


def encode_labels(labels: list[str]) -> EncodedLabels:
    if labels and max(map(len, labels)) <= LABEL_WIDTH:  # none to cut: join them at once
        text = "^" + "$^".join(labels) + "$"
        size = np.fromiter(map(len, labels), dtype=np.intp, count=len(labels)) + 2
    else:
        framed = ["^" + s[:LABEL_WIDTH] + "$" for s in labels]
        text = "".join(framed)
        size = np.fromiter(map(len, framed), dtype=np.intp, count=len(framed))
    chars = np.frombuffer(text.encode("ascii", "replace"), dtype=np.uint8)
    n = len(size)
    start = np.zeros(n, dtype=np.intp)
    if n > 1:
        np.cumsum(size[:-1], out=start[1:])
    owner = np.repeat(np.arange(n, dtype=np.intp), size)
    return EncodedLabels(chars, owner, start, size)


def _max_run(mask: np.ndarray, enc: EncodedLabels) -> np.ndarray:
    """Longest run of True per label (the ^ and $ frames are False and break runs)."""
    if not len(mask):
        return np.zeros(0, dtype=np.intp)
    pos = np.arange(len(mask), dtype=np.intp)
    last_false = np.maximum.accumulate(np.where(mask, -1, pos))
    return np.maximum.reduceat(pos - last_false, enc.start)


@lru_cache(maxsize=1)
def _plogp() -> np.ndarray:
    """``p * log2(p)`` for ``p = count / length`` (0 for count 0), every count and length
    a label of at most ``LABEL_WIDTH`` characters can have: entropy by table look-up."""
    count = np.arange(LABEL_WIDTH + 1, dtype=np.float64)[:, None]
    p = count / np.maximum(np.arange(LABEL_WIDTH + 1), 1)[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(p > 0, p * np.log2(p), 0.0)


def char_stats(
    labels: list[str] | EncodedLabels, lm: np.ndarray | None = None,
    names_lm: np.ndarray | None = None,
) -> CharStats:
    """Length, entropy, longest consonant and digit runs, digits, hyphens and the
    language models' log-probabilities of each label (its first ``LABEL_WIDTH``
    characters). ``lm`` and ``names_lm`` are the flattened ``host_language`` tables of
    text and of site names; with ``lm`` ``None`` both are the bundled host model's (a
    ``None`` ``names_lm`` beside a given ``lm`` scores 0 for every label)."""
    enc = labels if isinstance(labels, EncodedLabels) else encode_labels(labels)
    n = len(enc.size)
    if n == 0:
        z = np.zeros(0)
        return CharStats(z, z, z, z, z, z, z, z)
    if lm is None:
        from lachan.detect.host_model import bundled_model  # host_model imports this module

        model = bundled_model()
        lm, names_lm = (None, None) if model is None else (model.lm, model.names_lm)
    a = enc.chars
    length = enc.size - 2
    counts = np.bincount(enc.owner * _ALPHA + _ALPHA_IDX.take(a), minlength=n * _ALPHA).reshape(
        n, _ALPHA
    )[:, 1:]
    cell = counts * (LABEL_WIDTH + 1) + np.minimum(length, LABEL_WIDTH)[:, None]
    ent = -_plogp().take(cell).sum(axis=1)
    digit = _DIGIT.take(a)
    codes = None if lm is None or names_lm is None else host_language.trigram_codes(a)
    return CharStats(
        length=length,
        entropy=ent,
        consonant_run=_max_run(_CONSONANT.take(a), enc),
        digit_run=_max_run(digit, enc),
        digits=np.add.reduceat(digit.view(np.uint8), enc.start, dtype=np.intp),
        hyphens=np.add.reduceat((a == ord("-")).view(np.uint8), enc.start, dtype=np.intp),
        logprob=host_language.label_logprob(a, enc.start, enc.size, lm, codes),
        name_logprob=host_language.label_logprob(a, enc.start, enc.size, names_lm, codes),
    )


_TOKEN_CACHE: dict[str, int] = {}


def _token_bucket(token: str) -> int:
    b = _TOKEN_CACHE.get(token)
    if b is None:
        b = zlib.crc32(token.encode()) & ((1 << HASH_BITS) - 1)
        if len(_TOKEN_CACHE) < 100_000:
            _TOKEN_CACHE[token] = b
    return b


def _ngram_buckets(enc: EncodedLabels) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """For each n-gram size ``k``: ``(k, starts, buckets)``: where each character n-gram
    of ``^label$`` starts in ``enc.chars`` (label by label, left to right) and its hash
    bucket. Training (:func:`hashed_features`) and scoring (:func:`ngram_logits`) both
    read this, so the two can never hash differently.

    The hash of ``c1..ck`` is ``((k*P + c1)*P + c2)*P … + ck`` times ``_MULT`` (mod
    2**64), top ``HASH_BITS`` bits; the polynomial is rolled from size k-1 to k."""
    a = enc.chars.astype(np.uint64)
    end = (enc.start + enc.size).take(enc.owner)  # one past each byte's label
    total = len(a)
    pos = np.arange(total, dtype=np.intp)
    shift = np.uint64(64 - HASH_BITS)
    poly = a
    with np.errstate(over="ignore"):
        for k in range(2, max(NGRAM_SIZES) + 1):
            m = max(total - k + 1, 0)
            poly = poly[:m] * _PRIME + a[k - 1 : k - 1 + m]
            if k not in NGRAM_SIZES:
                continue
            seed = np.uint64(k)
            for _ in range(k):
                seed = seed * _PRIME
            starts = np.flatnonzero(pos[:m] + k <= end[:m])
            yield k, starts, ((poly.take(starts) + seed) * _MULT) >> shift


def hashed_features(labels: list[str], tokens: list[list[str]]) -> tuple[np.ndarray, ...]:
    """``(rows, cols, vals)`` of the hashed sparse part for a batch."""
    n = len(labels)
    enc = encode_labels(labels)
    rows_l, cols_l = [], []
    for _k, starts, buckets in _ngram_buckets(enc):
        rows_l.append(enc.owner.take(starts))
        cols_l.append(buckets)
    # row-major order within each size, as a (label x position) scan would give
    rows = np.concatenate(rows_l).astype(np.int64)
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


def ngram_logits(labels: list[str] | EncodedLabels, w: np.ndarray) -> np.ndarray:
    """The n-gram part of the model's logit for each label, ``X_ngrams @ w`` without
    building ``X`` (same numbers as :func:`hashed_features`, up to float rounding)."""
    enc = labels if isinstance(labels, EncodedLabels) else encode_labels(labels)
    n = len(enc.size)
    total = np.zeros(n)
    count = np.zeros(n)
    for k, starts, buckets in _ngram_buckets(enc):
        total += np.bincount(enc.owner.take(starts), weights=w.take(buckets.astype(np.intp)),
                             minlength=n)
        count += np.maximum(enc.size - k + 1, 0)
    return total / np.sqrt(np.maximum(count, 1.0))


def token_logit(tokens: list[str], w: np.ndarray) -> float:
    """The TLD and suffix tokens' part of the logit."""
    out = 0.0
    for t in tokens:
        out += w[_token_bucket(t)]
    return float(out)


def hashed_scores(labels: list[str], tokens: list[list[str]], w: np.ndarray) -> np.ndarray:
    """The hashed part of the model's logit, ``X_hashed @ w``, without building ``X``."""
    out = ngram_logits(labels, w)
    for i, ts in enumerate(tokens):
        for t in ts:
            out[i] += w[_token_bucket(t)]
    return out


_SFX_COL = {name: DENSE_FEATURES.index("sfx_" + name)
            for name in ("restricted_vn", "vn2", "vn", "generic", "other")}
_VN_CLASSES = frozenset({"restricted_vn", "vn2", "vn"})


def _vn_affix(suffix_class: str, label: str) -> bool:
    """"vn" glued to a label outside the .vn zone (vn-bank.com, shopeevn.top)."""
    return suffix_class not in _VN_CLASSES and (label.startswith("vn") or label.endswith("vn"))


_FACT = {name: itemgetter(i) for i, name in enumerate(HostFacts._fields)}
_PARSED = {name: itemgetter(i) for i, name in enumerate(ParsedHost._fields)}


def dense_features(facts: list[HostFacts], stats: CharStats) -> np.ndarray:
    """Dense matrix (hosts x ``DENSE_FEATURES``) of check results and character stats,
    built column by column."""
    n = len(facts)
    x = np.zeros((n, len(DENSE_FEATURES)), dtype=np.float64)
    col = {name: i for i, name in enumerate(DENSE_FEATURES)}

    def column(get: itemgetter, rows: list = facts, dtype: type = bool) -> np.ndarray:
        return np.fromiter(map(get, rows), dtype=dtype, count=n)

    n_scam_label = np.fromiter(map(len, map(_FACT["scam_label"], facts)), dtype=np.intp,
                               count=n)
    has_scam_sub = np.fromiter(map(bool, map(_FACT["scam_sub"], facts)), dtype=bool, count=n)
    has_gambling = np.fromiter(map(bool, map(_FACT["gambling"], facts)), dtype=bool, count=n)
    keyword = (n_scam_label > 0) | has_scam_sub | has_gambling
    brands = list(map(_FACT["brand"], facts))
    with_brand = np.flatnonzero(
        np.fromiter(map(is_not, brands, repeat(None, n)), dtype=bool, count=n)
    ).tolist()
    if with_brand:
        where = [brands[i].where for i in with_brand]
        x[with_brand, [0 if w == "label" else 1 if w == "subdomain" else 2 for w in where]] = 1.0
        x[with_brand, 3] = keyword[with_brand]
    x[:, 4] = np.minimum(n_scam_label, 3) / 3.0
    x[:, 5] = has_scam_sub
    x[:, 6] = has_gambling
    x[:, 7] = column(_FACT["risky_tld"])
    classes = list(map(_FACT["suffix_class"], facts))
    sfx = np.fromiter(map(_SFX_COL.get, classes, repeat(-1, n)), dtype=np.intp, count=n)
    has = np.flatnonzero(sfx >= 0)
    x[has, sfx[has]] = 1.0
    x[:, col["user_content"]] = column(_FACT["user_content"])
    parsed = list(map(_FACT["parsed"], facts))
    x[:, col["ip"]] = column(_PARSED["is_ip"], parsed)
    x[:, col["idn"]] = column(_PARSED["idn"], parsed)
    labels = list(map(_PARSED["label"], parsed))
    with_vn = np.flatnonzero(
        np.fromiter(map(contains, labels, repeat("vn", n)), dtype=bool, count=n)
    ).tolist()
    x[with_vn, col["vn_affix"]] = [_vn_affix(classes[i], labels[i]) for i in with_vn]
    _stats_columns(x, stats)
    return x


def dense_from_codes(codes: list[int], stats: CharStats) -> np.ndarray:
    """:func:`dense_features` from the feature codes of ``host_checks.inspect_coded``
    (one array built from ints instead of a pass over the facts for every column)."""
    c = np.array(codes, dtype=np.int64)
    x = np.zeros((len(c), len(DENSE_FEATURES)), dtype=np.float64)
    where = c & 3
    x[:, 0] = where == C.CODE_BRAND_LABEL
    x[:, 1] = where == C.CODE_BRAND_SUB
    x[:, 2] = where == C.CODE_BRAND_OTHER
    n_scam_label = (c >> C.CODE_SCAM_SHIFT) & 3
    scam_sub = (c & C.CODE_SCAM_SUB) != 0
    gambling = (c & C.CODE_GAMBLING) != 0
    x[:, 3] = (where > 0) & ((n_scam_label > 0) | scam_sub | gambling)
    x[:, 4] = np.minimum(n_scam_label, 3) / 3.0
    x[:, 5] = scam_sub
    x[:, 6] = gambling
    x[:, 7] = (c & C.CODE_RISKY) != 0
    sfx = (c >> C.CODE_SUFFIX_SHIFT) & 7
    for i, name in enumerate(C.CODE_SUFFIX_CLASSES):
        x[:, _SFX_COL[name]] = sfx == i + 1
    x[:, _COL["user_content"]] = (c & C.CODE_USER_CONTENT) != 0
    x[:, _COL["ip"]] = (c & C.CODE_IP) != 0
    x[:, _COL["idn"]] = (c & C.CODE_IDN) != 0
    x[:, _COL["vn_affix"]] = (c & C.CODE_VN_AFFIX) != 0
    _stats_columns(x, stats)
    return x


_COL = {name: i for i, name in enumerate(DENSE_FEATURES)}


def _stats_columns(x: np.ndarray, stats: CharStats) -> None:
    col = _COL
    length = np.maximum(stats.length, 1)
    x[:, col["random_label"]] = stats.random_label()
    x[:, col["entropy"]] = stats.entropy / 5.0
    x[:, col["digit_ratio"]] = stats.digits / length
    x[:, col["digit_run4"]] = stats.digit_run >= 4
    x[:, col["hyphens"]] = np.minimum(stats.hyphens, 3) / 3.0
    x[:, col["length"]] = np.minimum(stats.length, 30) / 30.0
    x[:, col["consonant_run5"]] = stats.consonant_run >= 5
    # 0 for a label as likely as glued Vietnamese words (about -2), 1 at about -4
    x[:, col["unpronounceable"]] = np.where(stats.logprob < 0, (-stats.logprob - 2.0) / 2.0, 0.0)
    # the same scale under the model of site names (0 without one: every log-probability 0)
    x[:, col["unlike_site_names"]] = np.where(
        stats.name_logprob < 0, (-stats.name_logprob - 2.0) / 2.0, 0.0)


def tokens_of(f: HostFacts) -> list[str]:
    p = f.parsed
    if p.is_ip:
        return ["ip"]
    return ["tld=" + f.tld, "sfx=" + p.suffix]
