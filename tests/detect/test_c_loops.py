"""The hand-written C loops of the compiled build (``_scoring.c``, ``_tokens.c``) give the
Python code's results exactly (the logits to the last bit), so a verdict does not depend
on which build runs; and they refuse what they cannot read."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lachan.detect import char_ngrams, content_model, features
from lachan.detect.char_ngrams import CHAR_BITS, CHAR_MAX_N, CHAR_MIN_N, scoring_table
from lachan.detect.content_model import ContentModel
from lachan.detect.features import META_PREFIX, Finding, MessageFeatures

SCORING = char_ngrams.SCORING
needs_scoring = pytest.mark.skipif(
    SCORING is None, reason="the C scoring loops run in the compiled build only (make)")

RNG = np.random.default_rng(7)
VOCAB = ["tien", "chuyen", "chuyen tien", "§d10", "~tiền",
         META_PREFIX + "MONEY_TRANSFER_REQUEST", META_PREFIX + "length:1"]
MODEL = ContentModel.from_arrays(
    VOCAB, RNG.normal(size=(len(VOCAB), 3)).astype(np.float32),
    RNG.normal(size=3).astype(np.float32), ("ham", "ad", "scam"), 0.5,
    RNG.normal(size=(1 << CHAR_BITS, 3)).astype(np.float32))
WORDS = st.lists(st.sampled_from([*VOCAB, "khong", "biet", ""]), max_size=30)
TEXTS = st.text(max_size=80) | st.sampled_from(["", "a", "\ud800 lone surrogate", "x" * 3000])


def feats_of(text: str, words: list[str], findings: list[str]) -> MessageFeatures:
    f = MessageFeatures(words, form=[META_PREFIX + "length:1"], text=text)
    for name in findings:
        f.add(Finding(name, "scam", ""))
    return f


def numpy_logits(feats: list[MessageFeatures]) -> np.ndarray:
    saved = char_ngrams.SCORING, content_model.SCORING
    char_ngrams.SCORING = content_model.SCORING = None
    try:
        return MODEL.logits(feats)
    finally:
        char_ngrams.SCORING, content_model.SCORING = saved


@needs_scoring
@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(TEXTS, WORDS, st.lists(st.sampled_from(
    ["MONEY_TRANSFER_REQUEST", "UNKNOWN_FINDING"]), max_size=2)), max_size=40))
def test_the_c_loops_give_the_numpy_logits_to_the_last_bit(rows):
    feats = [feats_of(*row) for row in rows]
    got = MODEL.logits(feats)
    assert got.dtype == np.float32 and got.shape == (len(feats), 3)
    assert np.array_equal(got, numpy_logits(feats))
    # one message alone scores as it does inside the batch
    for i, f in enumerate(feats[:5]):
        assert np.array_equal(MODEL.logits([f])[0], got[i])


@needs_scoring
def test_a_text_with_a_lone_surrogate_is_read_as_its_replaced_utf8():
    texts = ["ab\ud800cd", "ab?cd"]  # str.encode("utf-8", "replace") writes "?"
    sums, counts = char_ngrams.char_sums(texts, MODEL.char_table)
    assert counts.tolist() == [7, 7]  # " ab?cd ": 4 windows of 4 bytes, 3 of 5
    assert np.array_equal(sums[0], sums[1])


@needs_scoring
def test_window_counts_are_those_of_the_padded_text():
    texts = ["", "ab", "xin chao", "Tiền"]
    _, counts = char_ngrams.char_sums(texts, MODEL.char_table)
    want = [sum(max(len((" " + t + " ").encode()) - k + 1, 0)
                for k in range(CHAR_MIN_N, CHAR_MAX_N + 1)) for t in texts]
    assert counts.tolist() == want


@needs_scoring
def test_bad_arguments_are_refused_not_read_out_of_bounds():
    small = scoring_table(np.zeros((16, 3), np.float32))  # far fewer rows than buckets
    sums, counts = np.empty((1, 3)), np.empty(1, np.int64)
    with pytest.raises(ValueError, match="too few items"):
        SCORING.char_sums(["text"], small, 3, CHAR_MIN_N, CHAR_MAX_N, CHAR_BITS, sums, counts)
    with pytest.raises(TypeError, match="must be str"):
        SCORING.char_sums([b"text"], MODEL.char_table, 3, CHAR_MIN_N, CHAR_MAX_N, CHAR_BITS,
                          sums, counts)
    with pytest.raises(ValueError, match="bad window"):
        SCORING.char_sums(["text"], MODEL.char_table, 3, 4, 99, CHAR_BITS, sums, counts)
    out = np.empty((1, 3))
    scales = np.ones(1, np.float32)
    bad_index = {"tien": len(VOCAB) + 5}
    with pytest.raises(IndexError, match="out of range"):
        SCORING.word_sums([["tien"]], [[]], bad_index, MODEL.coef, 3, scales, 1.0, out)
    with pytest.raises(TypeError, match="lists of str"):
        SCORING.word_sums([("tien",)], [[]], MODEL.index, MODEL.coef, 3, scales, 1.0, out)
    with pytest.raises(ValueError, match="bad shapes"):
        SCORING.word_sums([["tien"]], [], MODEL.index, MODEL.coef, 3, scales, 1.0, out)


TOKENS = features.TOKENS
needs_tokens = pytest.mark.skipif(
    TOKENS is None, reason="the C tokeniser runs in the compiled build only (make)")
WORDY = st.text(alphabet=st.sampled_from("ab z09 Đđ§?.\u00a0\U0001f600ếA-"), max_size=80)


@needs_tokens
@settings(max_examples=200, deadline=None)
@given(WORDY | st.text(max_size=60) | st.sampled_from(["1" * 40, "a" * 300 + " 12", ""]))
def test_the_c_tokeniser_gives_the_python_tokens_and_bigrams(text):
    tokens, bigrams = TOKENS.tokens_and_bigrams(text, features._DIGIT_SHAPES)
    want = features.tokenize(text)
    assert tokens == want
    assert bigrams == [" ".join(pair) for pair in zip(want, want[1:], strict=False)]


@needs_tokens
def test_the_c_tokeniser_shapes_digit_runs_and_keeps_words_with_digits():
    tokens, bigrams = TOKENS.tokens_and_bigrams("goi 0912345678, ma 12, vn88 ok",
                                                features._DIGIT_SHAPES)
    assert tokens == ["goi", "§d10", "ma", "§d2", "vn88", "ok"]
    assert bigrams[:2] == ["goi §d10", "§d10 ma"]
    with pytest.raises(ValueError, match="13 strings"):
        TOKENS.tokens_and_bigrams("x", ("a",))
