"""Hashed character n-grams: what a message's windows are, that a batch does not change
them, and that the scoring path and the training matrix agree."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lachan.detect.char_ngrams import (
    CHAR_BITS,
    CHAR_MAX_N,
    CHAR_MIN_N,
    CHAR_SCALE,
    char_logits,
    char_matrix,
    char_ngram_hashes,
    scoring_table,
)
from lachan.detect.content_model import ContentModel
from lachan.detect.features import MessageFeatures

TEXTS = st.lists(st.text(max_size=60), max_size=12)


#: Random bucket weights (buckets × classes) and the scoring table made of them.
WEIGHTS = np.random.default_rng(0).normal(size=(1 << CHAR_BITS, 3)).astype(np.float32)
TABLE = scoring_table(WEIGHTS)


def windows_of(text: str) -> int:
    n = len((" " + text + " ").encode("utf-8", "replace"))
    return sum(max(n - k + 1, 0) for k in range(CHAR_MIN_N, CHAR_MAX_N + 1))


def test_a_short_text_has_its_padded_windows_only():
    rows, buckets, counts = char_ngram_hashes(["ab", "a", "", "xin chao"])
    # " ab " is one window of 4 bytes; " a " and "  " are too short for any
    assert (CHAR_MIN_N, CHAR_MAX_N) == (4, 5)
    assert counts.tolist() == [1, 0, 0, 13]  # " xin chao ": 7 of 4 bytes, 6 of 5
    assert set(rows.tolist()) == {0, 3}
    assert buckets.max() < 1 << CHAR_BITS


def test_the_same_word_gets_the_same_buckets_in_any_text():
    _, alone, _ = char_ngram_hashes(["vietcombank"])
    _, inside, _ = char_ngram_hashes(["xac minh vietcombank ngay"])
    _, glued, _ = char_ngram_hashes(["vietcombankvn"])
    # " vietcombank " is in the sentence as it is alone; glued, all but its end is
    assert set(alone.tolist()) <= set(inside.tolist())
    shared = set(alone.tolist()) & set(glued.tolist())
    assert len(shared) >= len(set(alone.tolist())) - 3


@settings(max_examples=60, deadline=None)
@given(TEXTS)
def test_a_text_scores_the_same_alone_and_in_any_batch(texts):
    together = char_logits(texts, TABLE)
    assert together.shape == (len(texts), 3)
    for i, t in enumerate(texts):
        np.testing.assert_allclose(together[i], char_logits([t], TABLE)[0], rtol=1e-4,
                                   atol=1e-4)
    _, _, counts = char_ngram_hashes(texts)
    assert counts.tolist() == [windows_of(t) for t in texts]


@settings(max_examples=40, deadline=None)
@given(TEXTS)
def test_training_matrix_and_scoring_agree(texts):
    x = char_matrix(texts)
    assert x.shape == (len(texts), 1 << CHAR_BITS)
    np.testing.assert_allclose(x @ WEIGHTS.astype(np.float64), char_logits(texts, TABLE),
                               rtol=1e-4, atol=1e-4)
    # each row's values add up to scale * sqrt(windows): every window weighs 1/sqrt(n)
    want = [CHAR_SCALE * windows_of(t) ** 0.5 for t in texts]
    np.testing.assert_allclose(np.asarray(x.sum(axis=1)).ravel(), want, rtol=1e-5)


def model_with_chars(char_coef: np.ndarray | None) -> ContentModel:
    return ContentModel.from_arrays(["tien"], np.zeros((1, 3), np.float32),
                                    np.zeros(3, np.float32), ("ham", "ad", "scam"), 0.5,
                                    char_coef)


def test_the_character_block_moves_the_model_and_survives_a_save(tmp_path):
    coef = np.zeros((1 << CHAR_BITS, 3), np.float32)
    _, buckets, _ = char_ngram_hashes(["vietcombank"])
    coef[buckets, 2] = 1.0  # the pieces of the brand push to scam
    model = model_with_chars(coef)
    glued = MessageFeatures([], text="vietcombankk xac nhan")
    other = MessageFeatures([], text="hen gap lai toi nay")
    logits = model.logits([glued, other])
    assert logits[0, 2] > logits[1, 2]
    model.save(tmp_path / "m.npz")
    again = ContentModel.load(tmp_path / "m.npz")
    np.testing.assert_array_equal(again.logits([glued, other]), logits)


def test_a_model_file_without_the_block_still_loads_and_scores(tmp_path):
    model = model_with_chars(None)
    model.save(tmp_path / "old.npz")
    again = ContentModel.load(tmp_path / "old.npz")
    assert again.char_coef is None
    assert again.logits([MessageFeatures(["tien"], text="tien")]).shape == (1, 3)


def test_a_block_of_the_wrong_size_is_refused():
    with pytest.raises(ValueError, match="char_coef"):
        model_with_chars(np.zeros((10, 3), np.float32))
