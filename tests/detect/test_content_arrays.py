"""The batch layout of content-model rows equals the plain per-row construction."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lachan.detect.content_model import META_VALUE, _batch_arrays, _row_arrays, feature_arrays
from lachan.detect.features import Finding, MessageFeatures

VOCAB = ["a", "b", "c", "a b", "§URL_PRESENT", "§MONEY"]
INDEX = {t: i for i, t in enumerate(VOCAB)}
TOKENS = st.sampled_from(["a", "b", "c", "d", "a b", "b c"])
FINDINGS = st.sampled_from(["URL_PRESENT", "MONEY", "OTP_CODE"])


def reference(feats: list[MessageFeatures]) -> tuple[list[float], list[int], list[int]]:
    data: list[float] = []
    indices: list[int] = []
    indptr = [0]
    for f in feats:
        for t in f.content:
            if t in INDEX:
                indices.append(INDEX[t])
                data.append(float(np.float32(1.0 / len(f.content) ** 0.5)))
        for t in f.meta:
            if t in INDEX:
                indices.append(INDEX[t])
                data.append(META_VALUE)
        indptr.append(len(indices))
    return data, indices, indptr


@pytest.mark.parametrize("layout", [feature_arrays, _row_arrays, _batch_arrays])
@given(rows=st.lists(st.tuples(st.lists(TOKENS, max_size=8), st.lists(FINDINGS, max_size=3)),
                     max_size=70))
def test_rows_match_the_per_row_construction(layout, rows):
    feats = []
    for content, names in rows:
        f = MessageFeatures(list(content))
        for name in names:
            f.add(Finding(name, "scam", ""))
        feats.append(f)
    data, indices, indptr = layout(feats, INDEX)
    want_data, want_indices, want_indptr = reference(feats)
    assert indices.tolist() == want_indices
    assert indptr.tolist() == want_indptr
    assert data.tolist() == want_data
    assert (data.dtype, indices.dtype, indptr.dtype) == (np.float32, np.int32, np.int64)


def test_top_terms_show_a_word_once_as_written():
    from lachan.detect.content_model import ContentModel

    vocab = ["cuoc", "~cược", "§d4", "nap"]
    coef = np.array([[0, 0, 2.0], [0, 0, 3.0], [0, 0, 1.0], [0, 0, -1.0]], dtype=np.float32)
    model = ContentModel.from_arrays(vocab, coef, np.zeros(3, np.float32),
                                     ("ham", "ad", "scam"), 0.5)
    feats = MessageFeatures(["cuoc", "§d4", "nap", "~cược"])
    words = [w for w, _ in model.top_terms(feats, "scam")]
    # the accented form outweighs the folded one and stands for both; a bare number says
    # nothing to a reader; nap pushes away
    assert words == ["cược"]
