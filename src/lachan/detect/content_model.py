"""The trained content model: a multinomial logistic regression over two blocks of
features, scored a batch at a time: vocabulary features (content word n-grams and
finding tokens) and hashed character n-grams of the folded text (``char_ngrams``).

Weights live in ``lachan/data/content_model.npz`` (NumPy arrays only, loaded with
``allow_pickle=False``): ``vocab`` (feature strings), ``coef`` (features × classes),
``char_coef`` (character buckets × classes; absent in a model without that block),
``intercept``, ``classes`` and ``scam_threshold``. ``lachan train`` writes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import chain, repeat
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from lachan.detect.char_ngrams import (
    CHAR_BITS,
    SCORING,
    char_logits,
    char_matrix,
    length_scale,
    scoring_table,
)
from lachan.detect.features import ACCENTED_PREFIX, META_PREFIX, MessageFeatures
from lachan.text.fold import fold

if TYPE_CHECKING:
    from scipy import sparse

MODEL_RESOURCE = "content_model.npz"
#: Value of a finding token in a row (content n-grams share 1/sqrt(n) between them).
META_VALUE = 1.0
#: Content n-grams beyond which a message weighs as the mean of pieces of this length
#: (``char_ngrams.length_scale``): more than any message of the training data has (533).
CONTENT_LONG = 640


def _content_scale(n: int) -> float:
    """:func:`length_scale` of one message's ``n`` content n-grams."""
    n = max(n, 1)
    return 1.0 / n ** 0.5 if n <= CONTENT_LONG else CONTENT_LONG ** 0.5 / n


#: Batches up to this size are laid out row by row: the array version has a fixed cost
#: of ~20 us (a dozen NumPy calls) that only pays from a few dozen messages on.
SMALL_BATCH = 32


def feature_arrays(
    feats: Sequence[MessageFeatures], index: dict[str, int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSR parts ``(data, indices, indptr)`` of the rows of ``feats``: content n-grams
    scaled by 1/sqrt(n) (:func:`_content_scale`), finding tokens at :data:`META_VALUE`;
    in each row the known content n-grams in their order, then the known finding tokens.
    Small batches (one message in-line) go row by row, larger ones through
    :func:`_batch_arrays`; both give the same arrays."""
    if len(feats) <= SMALL_BATCH:
        return _row_arrays(feats, index)
    return _batch_arrays(feats, index)


def _row_arrays(
    feats: Sequence[MessageFeatures], index: dict[str, int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    get = index.get
    indices: list[int] = []
    data: list[float] = []
    indptr = [0]
    for f in feats:
        content = f.content
        ids = [i for i in map(get, content) if i is not None]
        if ids:
            indices.extend(ids)
            data.extend([_content_scale(len(content))] * len(ids))
        meta_ids = [i for i in map(get, f.meta) if i is not None]
        if meta_ids:
            indices.extend(meta_ids)
            data.extend([META_VALUE] * len(meta_ids))
        indptr.append(len(indices))
    return (np.asarray(data, dtype=np.float32), np.asarray(indices, dtype=np.int32),
            np.asarray(indptr, dtype=np.int64))


def _batch_arrays(
    feats: Sequence[MessageFeatures], index: dict[str, int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`feature_arrays` for a batch: the look-ups run as one C-level ``map`` over
    the whole batch and the rows are laid out with array operations, not a Python loop
    per message."""
    n = len(feats)
    get = index.get
    contents = [f.content for f in feats]
    metas = [f.meta for f in feats]
    c_len = np.fromiter(map(len, contents), dtype=np.intp, count=n)
    m_len = np.fromiter(map(len, metas), dtype=np.intp, count=n)
    c_ids = np.fromiter(map(get, chain.from_iterable(contents), repeat(-1)),
                        dtype=np.int64, count=int(c_len.sum()))
    m_ids = np.fromiter(map(get, chain.from_iterable(metas), repeat(-1)),
                        dtype=np.int64, count=int(m_len.sum()))
    rows = np.arange(n, dtype=np.intp)
    c_keep = c_ids >= 0
    m_keep = m_ids >= 0
    c_owner = np.repeat(rows, c_len)[c_keep]
    m_owner = np.repeat(rows, m_len)[m_keep]
    c_ids = c_ids[c_keep]
    m_ids = m_ids[m_keep]
    kc = np.bincount(c_owner, minlength=n)
    km = np.bincount(m_owner, minlength=n)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(kc + km, out=indptr[1:])
    c_first = np.cumsum(kc) - kc  # index of each row's first kept content n-gram
    m_first = np.cumsum(km) - km
    c_pos = indptr[c_owner] + (np.arange(len(c_ids)) - c_first[c_owner])
    m_pos = indptr[m_owner] + kc[m_owner] + (np.arange(len(m_ids)) - m_first[m_owner])
    total = int(indptr[-1])
    indices = np.empty(total, dtype=np.int32)
    data = np.empty(total, dtype=np.float32)
    indices[c_pos] = c_ids
    indices[m_pos] = m_ids
    scale = length_scale(c_len, CONTENT_LONG).astype(np.float32)
    data[c_pos] = scale[c_owner]
    data[m_pos] = META_VALUE
    return data, indices, indptr


def build_matrix(feats: Sequence[MessageFeatures], index: dict[str, int],
                 chars: bool = False) -> sparse.csr_matrix:
    """The rows of :func:`feature_arrays` as a SciPy matrix (for training); with
    ``chars`` the character n-gram block (:func:`char_matrix`) follows as more columns."""
    from scipy import sparse  # training only: scoring stays free of SciPy's import time

    words = sparse.csr_matrix(feature_arrays(feats, index), shape=(len(feats), len(index)))
    if not chars:
        return words
    return sparse.hstack([words, char_matrix([f.text for f in feats])], format="csr")


@dataclass(slots=True)
class ContentModel:
    vocab: list[str]
    coef: np.ndarray  # (n_features, n_classes) float32
    intercept: np.ndarray  # (n_classes,)
    classes: tuple[str, ...]
    scam_threshold: float
    index: dict[str, int]
    #: the character buckets' weights (buckets × classes) and below them the zero row of
    #: ``DEAD``, as :func:`char_logits` reads them; None: a model without that block
    char_table: np.ndarray | None = None

    @classmethod
    def from_arrays(
        cls, vocab: Sequence[str], coef: np.ndarray, intercept: np.ndarray,
        classes: Sequence[str], scam_threshold: float, char_coef: np.ndarray | None = None,
    ) -> ContentModel:
        vocab = list(vocab)
        if char_coef is not None:
            char_coef = np.ascontiguousarray(char_coef, dtype=np.float32)
            if char_coef.shape != (1 << CHAR_BITS, len(classes)):
                raise ValueError(f"char_coef has shape {char_coef.shape}, expected "
                                 f"({1 << CHAR_BITS}, {len(classes)})")
        return cls(vocab, np.ascontiguousarray(coef, dtype=np.float32),
                   np.asarray(intercept, dtype=np.float32), tuple(classes),
                   float(scam_threshold), {t: i for i, t in enumerate(vocab)},
                   None if char_coef is None else scoring_table(char_coef))

    @property
    def char_coef(self) -> np.ndarray | None:
        """The character buckets' weights (buckets × classes), without the ``DEAD`` row."""
        return None if self.char_table is None else self.char_table[:-1]

    @classmethod
    def empty(cls) -> ContentModel:
        """A model that knows nothing (all classes equally likely); used while training."""
        return cls.from_arrays([], np.zeros((0, 3), np.float32), np.zeros(3, np.float32),
                               ("ham", "ad", "scam"), 0.5)

    @classmethod
    def load(cls, path: Path | None = None) -> ContentModel:
        if path is None:
            ref = resources.files("lachan.data").joinpath(MODEL_RESOURCE)
            with resources.as_file(ref) as p:
                return cls._load_file(p)
        return cls._load_file(path)

    @classmethod
    def _load_file(cls, path: Path) -> ContentModel:
        with np.load(path, allow_pickle=False) as z:
            return cls.from_arrays(
                z["vocab"].tolist(), z["coef"], z["intercept"], z["classes"].tolist(),
                float(z["scam_threshold"]),
                z["char_coef"] if "char_coef" in z.files else None,
            )

    def save(self, path: Path, **extra: np.ndarray) -> None:
        if self.char_coef is not None:
            extra = {"char_coef": self.char_coef, **extra}
        np.savez_compressed(
            path, vocab=np.asarray(self.vocab, dtype=str), coef=self.coef,
            intercept=self.intercept, classes=np.asarray(self.classes, dtype=str),
            scam_threshold=np.float64(self.scam_threshold), **extra,  # type: ignore[arg-type]
        )

    def logits(self, feats: Sequence[MessageFeatures]) -> np.ndarray:
        """Class logits of each row: a sparse-row product done with NumPy alone, or by the
        loops of ``_scoring.c`` (the same sums, rounded the same way) in the compiled
        build."""
        n, k = len(feats), len(self.classes)
        if self.char_table is not None:
            out = char_logits([f.text for f in feats], self.char_table)
        else:
            out = np.zeros((n, k), dtype=np.float32)
        if SCORING is not None:
            contents = [f.content for f in feats]
            scales = length_scale(np.fromiter(map(len, contents), dtype=np.intp, count=n),
                                  CONTENT_LONG).astype(np.float32)
            words = np.empty((n, k), dtype=np.float64)
            SCORING.word_sums(contents, [f.meta for f in feats], self.index, self.coef, k,
                              scales, META_VALUE, words)
            return (out + words).astype(np.float32) + self.intercept
        data, indices, indptr = feature_arrays(feats, self.index)
        if len(indices):
            rows = np.repeat(np.arange(n), np.diff(indptr))
            contrib = self.coef[indices] * data[:, None]
            for c in range(k):
                out[:, c] += np.bincount(rows, weights=contrib[:, c], minlength=n)
        return out + self.intercept

    def weight_of(self, feature: str, label: str, against: str = "ham") -> float:
        """How much one feature pushes towards ``label`` rather than ``against``."""
        i = self.index.get(feature)
        if i is None:
            return 0.0
        row = self.coef[i]
        return float(row[self.classes.index(label)] - row[self.classes.index(against)])

    def meta_weight(self, finding: str, label: str) -> float:
        return self.weight_of(META_PREFIX + finding, label)

    def top_terms(self, f: MessageFeatures, label: str, k: int = 5) -> list[tuple[str, float]]:
        """Content n-grams of one message that pushed hardest towards ``label``."""
        if label == "ham":
            return []
        scale = _content_scale(len(f.content))
        seen: dict[str, float] = {}
        for t in f.content:
            if t not in seen:
                w = self.weight_of(t, label) * scale
                if w > 0:
                    seen[t] = w
        out: list[tuple[str, float]] = []
        shown: set[str] = set()  # "hoặc" and "hoac" are one word to a reader: the first
        for t, w in sorted(seen.items(), key=lambda kv: -kv[1]):
            word = _readable(t)
            key = fold(word)
            if key not in shown and not _says_nothing(key):
                shown.add(key)
                out.append((word, w))
                if len(out) == k:
                    break
        return out


#: Function words and bare numbers: they carry weight in the model (a scam's "tai" and
#: "hoac" come with a link and a number) but tell a reader nothing as "words".
_FUNCTION_WORDS = frozenset(
    """a an and or of to in on at is are be by for from it its the this that with you your
    hoac tai cua va la cho de cac nhung voi tu den trong nay do duoc thi ma o khi se da
    dang bi vao ra len nhe roi con co khong""".split()
)


def _says_nothing(folded: str) -> bool:
    return all(w in _FUNCTION_WORDS or not w.strip("#") for w in folded.split())


def _readable(feature: str) -> str:
    """``§d4`` (a digit-shape token) → ``####``, inside bigrams too; ``~cược`` (a word
    as written with its diacritics) → ``cược``."""
    if feature.startswith(ACCENTED_PREFIX):
        return feature[len(ACCENTED_PREFIX):]
    if "§d" not in feature:
        return feature
    return " ".join("#" * int(w[2:]) if w.startswith("§d") and w[2:].isdigit() else w
                    for w in feature.split(" "))


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)
