"""How pronounceable a domain label is: character trigram language models of benign names.

Legitimate Vietnamese names are words glued together (``thegioididong``,
``dienmayxanh``) or brand names; many phishing names are keyboard mash (``uyugfghr``,
``cvbn8m``). Two models, both trained by ``lachan train-urls`` and shipped as small arrays
in the host model's weights file (``lachan/data/host_model.npz``, loaded with
``allow_pickle=False``):

- ``lm_logprob``, of the words of ham SMS (Vietnamese and English, diacritics folded,
  links left out), neighbouring words glued like domain names;
- ``names_lm_logprob``, of the names of widely used sites (the labels of the bundled
  ``well_known_domains.txt``, :func:`site_names`): how much a label looks like the name
  of a real site ("vnexpress", "tokopedia", "booking"), acronyms and brand coinages
  included, which words of text do not teach.

:func:`label_logprob` scores a whole batch with array operations: the mean natural-log
probability per character of ``label$`` (so the end of the label counts too).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import numpy as np

#: Symbols: 0 the label boundary (``^`` and ``$``), 1-26 the letters, 27 any digit,
#: 28 the hyphen, 29 anything else.
SYMBOLS = 30
_BOUNDARY, _DIGIT, _HYPHEN, _OTHER = 0, 27, 28, 29
_SYM = np.full(256, _OTHER, dtype=np.intp)
_SYM[ord("^")] = _SYM[ord("$")] = _BOUNDARY
_SYM[ord("a") : ord("z") + 1] = np.arange(1, 27)
_SYM[ord("0") : ord("9") + 1] = _DIGIT
_SYM[ord("-")] = _HYPHEN
#: Interpolation weights of trigram, bigram and unigram estimates, and add-k smoothing.
LAMBDAS = (0.6, 0.3, 0.1)
ADD_K = 0.1
#: The floor of a label's mean log-probability (a score cannot run off to -inf).
MIN_LOGPROB = -6.0

_WORD = re.compile(r"[a-z]+")


def training_words(texts: Iterable[str]) -> Iterator[list[str]]:
    """The runs of letters of each folded message; tokens with ``. / @ :`` (links,
    e-mail addresses) left out, so no host teaches the model what a host looks like."""
    from lachan.text.fold import fold

    for text in texts:
        tokens = [t for t in fold(text).split() if not any(c in t for c in "./@:")]
        words = _WORD.findall(" ".join(tokens))
        if words:
            yield words


def glued(words: list[str], span: int = 3) -> Iterator[str]:
    """Neighbouring words glued like domain names: every run of 1..``span`` words."""
    for i in range(len(words)):
        for j in range(i + 1, min(i + span, len(words)) + 1):
            yield "".join(words[i:j])


def site_names(domains: Iterable[str], leave_out: Iterable[str] = ()) -> list[str]:
    """The labels (registrable domain without its suffix: "vnexpress") of ``domains``,
    sorted, each once, less the labels of the domains in ``leave_out`` (training leaves out
    the host lists' domains, so no training or validation host's own name, under any
    suffix, is in the model that scores it)."""
    from lachan.detect.host_parse import HostInputError, parse_host

    def labels(items: Iterable[str]) -> set[str]:
        out = set()
        for d in items:
            try:
                p = parse_host(d)
            except HostInputError:
                continue
            if not p.is_ip and p.label:
                out.add(p.label)
        return out

    return sorted(labels(domains) - labels(leave_out))


def build(strings: Iterable[str]) -> np.ndarray:
    """Log-probability table ``(SYMBOLS, SYMBOLS, SYMBOLS)``: ``[a, b, c]`` is
    ``log P(c | a b)`` with ``^^`` as the start context, linear interpolation of add-k
    trigram, bigram and unigram estimates (every symbol has a probability > 0)."""
    codes = [
        _SYM.take(np.frombuffer(("^^" + s + "$").encode("ascii", "replace"), dtype=np.uint8))
        for s in strings
    ]
    a = np.concatenate(codes) if codes else np.zeros(3, dtype=np.intp)
    # the symbol at i is predicted from i-2 and i-1, except each string's own "^^"
    # (so no trigram spans two strings)
    predicted = np.ones(len(a), dtype=bool)
    first = np.cumsum([0] + [len(c) for c in codes[:-1]], dtype=np.intp)
    predicted[first] = predicted[first + 1] = False
    i = np.flatnonzero(predicted[2:]) + 2
    s = SYMBOLS
    tri = np.bincount((a[i - 2] * s + a[i - 1]) * s + a[i], minlength=s**3).reshape(s, s, s)
    tri = tri.astype(np.float64)
    bi = tri.sum(axis=0)  # [b, c]
    uni = bi.sum(axis=0)  # [c]
    k = ADD_K
    p3 = (tri + k) / (tri.sum(axis=2, keepdims=True) + k * s)
    p2 = (bi + k) / (bi.sum(axis=1, keepdims=True) + k * s)
    p1 = (uni + k) / (uni.sum() + k * s)
    l3, l2, l1 = LAMBDAS
    p = l3 * p3 + l2 * p2[None, :, :] + l1 * p1[None, None, :]
    return np.log(p)


def trigram_codes(chars: np.ndarray) -> np.ndarray:
    """Index into a flattened :func:`build` table of the trigram ending at each byte of a
    batch encoded as ``^label$^label$…`` (``host_features.EncodedLabels``): computed once,
    read by every table."""
    sym = _SYM.take(chars)
    # context of position i: symbols i-2 and i-1; a label's "^" follows the previous "$",
    # so its first letter sees the start context (boundary, boundary)
    prev2 = np.empty_like(sym)
    prev1 = np.empty_like(sym)
    prev1[:1] = prev2[:2] = _BOUNDARY
    prev1[1:] = sym[:-1]
    prev2[2:] = sym[:-2]
    return (prev2 * SYMBOLS + prev1) * SYMBOLS + sym


def label_logprob(
    chars: np.ndarray, start: np.ndarray, size: np.ndarray, table: np.ndarray | None,
    codes: np.ndarray | None = None,
) -> np.ndarray:
    """Mean log-probability per symbol of ``label$`` for each label of a batch encoded as
    ``^label$^label$…`` (``host_features.EncodedLabels``), ``table`` the flattened
    :func:`build` table; 0 for every label without a table. ``codes``: the batch's
    :func:`trigram_codes`, when the caller has them."""
    n = len(size)
    if table is None or n == 0:
        return np.zeros(n)
    lp = table.take(trigram_codes(chars) if codes is None else codes)
    lp[start] = 0.0  # the "^" itself is not predicted
    total = np.add.reduceat(lp, start)
    return np.maximum(total / np.maximum(size - 1, 1), MIN_LOGPROB)
