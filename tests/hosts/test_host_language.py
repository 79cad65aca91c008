"""The label language models behind the host model's "unpronounceable" and
"unlike_site_names" features."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from lachan.detect import host_language
from lachan.detect.host_features import DENSE_FEATURES, char_stats, dense_features
from lachan.detect.host_lexicon import well_known_domains
from lachan.detect.host_model import HostModel, ModelMismatch, bundled_model, load_model_file
from lachan.detect.hosts import analyse_host
from lachan.model.host_train import facts_of

GLUED_WORDS = ["thegioididong", "dienmayxanh", "tuoitre", "nhasachphuongnam", "giaohangtietkiem"]
KEYBOARD_MASH = ["uyugfghr", "bclqaz", "cvbn8m", "afvnj6k", "xkqzvbw", "sadksajdha"]


def test_bundled_model_ships_the_language_models() -> None:
    model = bundled_model()
    assert model is not None and model.lm is not None and model.names_lm is not None
    for table in (model.lm, model.names_lm):
        assert table.shape == (host_language.SYMBOLS**3,)
        assert np.all(table < 0)  # log-probabilities, every trigram possible


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


def test_weights_without_a_language_model_are_refused(tmp_path: Path) -> None:
    model = bundled_model()
    assert model is not None
    path = tmp_path / "m.npz"
    for lm, names_lm in ((None, model.names_lm), (model.lm, None)):
        HostModel(model.w_hash, model.w_dense, model.bias, model.threshold, lm=lm,
                  names_lm=names_lm).save(path)
        with pytest.raises(ModelMismatch):
            load_model_file(path)
    HostModel(model.w_hash, model.w_dense, model.bias, model.threshold, lm=model.lm,
              names_lm=model.names_lm).save(path)
    again = load_model_file(path)
    assert again.lm is not None and again.names_lm is not None
    np.testing.assert_allclose(again.lm, model.lm, rtol=1e-6)
    np.testing.assert_allclose(again.names_lm, model.names_lm, rtol=1e-6)


def test_site_names_are_labels_less_those_left_out() -> None:
    names = host_language.site_names(
        ["vnexpress.net", "google.com", "google.co.in", "1.2.3.4", "shopee.vn"],
        leave_out=["google.com.vn"])
    # a label left out under any suffix is left out under every one
    assert names == ["shopee", "vnexpress"]


def test_names_of_sites_in_no_list_read_as_site_names() -> None:
    """Real sites that are in neither host list nor the well-known list (so not in the
    names model) read as site names, keyboard mash does not."""
    real = ["bookingcare", "fundiin", "infina", "entrade", "glints", "clickbuy", "homepaylater",
            "viettablet"]
    mash = ["kmwdy", "saxvz", "yrtytry", "achbnmk", "khjdf", "llakdsd"]
    known = host_language.site_names(well_known_domains())
    assert not set(real) & set(known)
    lp = char_stats(real + mash).name_logprob
    assert lp[: len(real)].min() > lp[len(real) :].max(), lp


def test_a_site_name_in_no_list_stays_benign() -> None:
    """glints.com (job ads) is in no list: its name reads as a site's, and it stays benign."""
    verdict = analyse_host("glints.com")
    assert verdict.label == "benign", verdict
    facts = facts_of(["glints.com", "kmwdy.com"])
    x = dense_features(facts, char_stats([f.parsed.label for f in facts]))
    col = DENSE_FEATURES.index("unlike_site_names")
    assert x[1, col] > x[0, col] + 0.3
