"""The batch rounding and formatting of probabilities equals round(p, 4) and "%.2f" % p."""

import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from lachan.detect.verdict import shown_rows


def expected(p: float) -> tuple[float, str]:
    return (round(p, 4) if p == p else 0.0), "%.2f" % p  # noqa: UP031


def check(probs: np.ndarray) -> None:
    for prow, (rounded, texts) in zip(probs.tolist(), shown_rows(probs), strict=True):
        for p, r, t in zip(prow, rounded, texts, strict=True):
            want_r, want_t = expected(p)
            assert repr(r) == repr(want_r), p
            assert t is None or t == want_t, p


def test_softmax_like_rows() -> None:
    rng = np.random.default_rng(0)
    p = rng.random((5000, 3)).astype(np.float32)
    check(p / p.sum(axis=1, keepdims=True))


def test_ties_and_edges() -> None:
    ties = np.arange(0, 20001) / 20000.0  # every tie of 4 digits (and of 2)
    for d in (0.0, 1e-13, -1e-13, 1e-9, -1e-9):
        check(np.resize(ties + d, (len(ties) // 3, 3)))
        check(np.resize(ties + d, (len(ties) // 3, 3)).astype(np.float32))
    check(np.array([[0.0, -0.0, 1.0], [math.nan, math.inf, -math.inf],
                    [1e-45, 5e-5, 0.005], [0.995, 0.00005, 1.0000001]]))


@given(st.lists(st.floats(allow_nan=True, allow_infinity=True, width=32),
                min_size=3, max_size=3))
def test_any_float32(row: list[float]) -> None:
    check(np.array([row], dtype=np.float32))


@given(st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=3, max_size=3))
def test_any_probability(row: list[float]) -> None:
    check(np.array([row], dtype=np.float64))
