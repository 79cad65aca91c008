"""The label language model behind the host model's "unpronounceable" feature."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from lachan.detect import host_language
from lachan.detect.host_features import DENSE_FEATURES, char_stats, dense_features
from lachan.detect.host_model import HostModel, ModelMismatch, bundled_model, load_model_file
from lachan.model.host_train import facts_of

GLUED_WORDS = ["thegioididong", "dienmayxanh", "tuoitre", "nhasachphuongnam", "giaohangtietkiem"]
KEYBOARD_MASH = ["uyugfghr", "bclqaz", "cvbn8m", "afvnj6k", "xkqzvbw", "sadksajdha"]


def test_bundled_model_ships_the_language_model() -> None:
    model = bundled_model()
    assert model is not None and model.lm is not None
    assert model.lm.shape == (host_language.SYMBOLS**3,)
    assert np.all(model.lm < 0)  # log-probabilities, every trigram possible


def test_keyboard_mash_is_less_pronounceable_than_glued_words() -> None:
    lp = char_stats(GLUED_WORDS + KEYBOARD_MASH).logprob
    worst_glued = lp[: len(GLUED_WORDS)].min()
    best_mash = lp[len(GLUED_WORDS) :].max()
    assert worst_glued > best_mash, lp


def test_unpronounceable_feature_orders_hosts() -> None:
    facts = facts_of(["thegioididong.com", "uyugfghr.com"])
    x = dense_features(facts, char_stats([f.parsed.label for f in facts]))
    col = DENSE_FEATURES.index("unpronounceable")
    assert x[1, col] > x[0, col] + 0.5


def test_score_of_a_label_is_the_same_alone_and_in_a_batch() -> None:
    labels = ["vnexpress", "a", "", "x" * 50, "cvbn8m", "vietcom-bank", "1400", "momobingo"]
    batch = char_stats(labels).logprob
    alone = np.array([char_stats([s]).logprob[0] for s in labels])
    np.testing.assert_allclose(batch, alone, rtol=0, atol=1e-12)
    assert np.all(batch >= host_language.MIN_LOGPROB) and np.all(batch < 0)


def test_build_learns_from_its_strings() -> None:
    table = host_language.build(["banana", "bandana", "ananas"] * 5).ravel()
    lp = char_stats(["banana", "qwxzvk"], table).logprob
    assert lp[0] > lp[1]


def test_training_words_leave_links_out_and_fold_diacritics() -> None:
    words = list(host_language.training_words(
        ["Đã nhận tiền, xem vietcombank.com.vn/abc nhé", "mail me at a@b.vn"]
    ))
    assert words == [["da", "nhan", "tien", "xem", "nhe"], ["mail", "me", "at"]]
    assert list(host_language.glued(["a", "b", "c"], span=2)) == ["a", "ab", "b", "bc", "c"]


def test_weights_without_the_language_model_are_refused(tmp_path: Path) -> None:
    model = bundled_model()
    assert model is not None
    path = tmp_path / "m.npz"
    HostModel(model.w_hash, model.w_dense, model.bias, model.threshold, lm=None).save(path)
    with pytest.raises(ModelMismatch):
        load_model_file(path)
    HostModel(model.w_hash, model.w_dense, model.bias, model.threshold, lm=model.lm).save(path)
    again = load_model_file(path)
    assert again.lm is not None
    np.testing.assert_allclose(again.lm, model.lm, rtol=1e-6)
