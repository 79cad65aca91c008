"""The batch scoring path gives the trained model's numbers, and its shortcuts change no
answer: n-grams and statistics over one byte array, the fuzzy-brand pre-filter."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lachan.detect.host_checks import inspect_coded, inspect_many
from lachan.detect.host_features import (
    LABEL_WIDTH,
    char_stats,
    dense_features,
    dense_from_codes,
    hashed_features,
    tokens_of,
)
from lachan.detect.host_match import _fuzzy_index, fuzzy_brand, fuzzy_brand_plain
from lachan.detect.host_model import bundled_model
from lachan.detect.host_parse import HostInputError, parse_host
from lachan.detect.hosts import _score_facts, classify_items

HOSTS = [
    "vietcombank-vn.top", "www.vietcombank-vn.top", "m.shopee-khuyenmai.vip", "hcmus.edu.vn",
    "nhanqua-garena2024.xyz", "sh0pee-uudai.com", "xn--vietcombnk-6qi.com", "203.0.113.7",
    "a.b.c.d.example.com", "x" * 60 + ".com", "a_b.com.vn", "vn-bank.net", "q.tk",
    "login.vcb-digibank.com.vn", "bxqzkwtr.info", "shoppe.vn", "mb.vn", "tinhte.vn",
    "casino.shopee-vn.xyz", "nhanqua.vietcombank.evil.top", "sites.google.com/view/vcb",
    "bankvn.top", "xacminh.x.gov.vn", "http://10.0.0.1/login", "cốccốc.vn", "oa.zalo.me/x",
]


def _facts(hosts: list[str]):  # noqa: ANN202
    return inspect_many([parse_host(h) for h in hosts])


def test_batch_scores_equal_the_trained_model_on_the_training_matrix() -> None:
    model = bundled_model()
    if model is None:
        pytest.skip("no bundled host model")
    facts = _facts(HOSTS)
    labels = [f.parsed.label for f in facts]
    rows, cols, vals = hashed_features(labels, [tokens_of(f) for f in facts])
    dense = dense_features(facts, char_stats(labels))
    expected = model.scores(len(facts), rows, cols, vals, dense)
    got, _, _ = _score_facts(facts)
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-12)


def _same_dense(hosts: list[str]) -> None:
    parsed = []
    for h in hosts:
        try:
            parsed.append(parse_host(h))
        except HostInputError:
            continue
    facts, codes = inspect_coded(parsed)
    stats = char_stats([f.parsed.label for f in facts])
    np.testing.assert_array_equal(dense_from_codes(codes, stats), dense_features(facts, stats))


def test_feature_codes_give_the_training_dense_features() -> None:
    _same_dense(HOSTS)
    _same_dense(HOSTS)  # label facts from the cache this time


_word = st.sampled_from(["vn", "shopee", "vcb", "casino", "nhanqua", "x1", "login", "www", "m"])


@given(st.lists(st.lists(_word, min_size=1, max_size=3).map("-".join), min_size=1, max_size=4),
       st.sampled_from(["com", "vn", "com.vn", "xyz", "gov.vn", "github.io", "top"]))
def test_feature_codes_property(labels: list[str], suffix: str) -> None:
    _same_dense([".".join(labels) + "." + suffix])


def test_a_host_scores_the_same_alone_and_in_a_batch() -> None:
    batch = classify_items(HOSTS * 2)
    for h, v in zip(HOSTS, batch, strict=False):
        alone = classify_items([h])[0]
        assert alone.label == v.label and abs(alone.score - v.score) < 1e-12


def test_char_stats_of_known_labels() -> None:
    s = char_stats(["abc", "aabb", "bcdfg1234", "x" * 40, "a-b-c"])
    assert list(s.length) == [3, 4, 9, LABEL_WIDTH, 5]
    assert math.isclose(s.entropy[0], math.log2(3)) and math.isclose(s.entropy[1], 1.0)
    assert list(s.consonant_run) == [2, 2, 5, LABEL_WIDTH, 1]
    assert list(s.digit_run) == [0, 0, 4, 0, 0]
    assert list(s.digits) == [0, 0, 4, 0, 0] and list(s.hyphens) == [0, 0, 0, 0, 2]


def test_char_stats_runs_do_not_cross_labels() -> None:
    s = char_stats(["bcd", "fgh", "12", "34"])
    assert list(s.consonant_run) == [3, 3, 0, 0] and list(s.digit_run) == [0, 0, 2, 2]


_ALIASES = sorted(_fuzzy_index()[1])


@st.composite
def _edits(draw: st.DrawFn) -> str:
    a = draw(st.sampled_from(_ALIASES))
    i = draw(st.integers(0, len(a)))
    kind = draw(st.sampled_from(["insert", "delete", "swap", "none"]))
    if kind == "insert":
        a = a[:i] + draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz")) + a[i:]
    elif kind == "delete" and i < len(a):
        a = a[:i] + a[i + 1 :]
    elif kind == "swap" and i < len(a) - 1:
        a = a[:i] + a[i + 1] + a[i] + a[i + 2 :]
    pre = draw(st.sampled_from(["", "x-", "vn", "12"]))
    post = draw(st.sampled_from(["", "-vn", "24h", "online"]))
    return pre + a + post


@given(st.one_of(_edits(), st.from_regex(r"[a-z0-9-]{1,30}", fullmatch=True)))
def test_fuzzy_prefilter_changes_no_answer(label: str) -> None:
    assert fuzzy_brand(label) == fuzzy_brand_plain(label)


def test_middle_swap_of_a_six_letter_alias_is_still_found() -> None:
    six = [a for a in _ALIASES if len(a) == 6]
    if not six:
        pytest.skip("no six-letter alias")
    a = six[0]
    swapped = a[:2] + a[3] + a[2] + a[4:]
    assert fuzzy_brand(swapped) == fuzzy_brand_plain(swapped)


def _halves() -> list[float]:
    out = []
    for k in range(1000):
        x = (k + 0.5) / 1000
        out += [x, math.nextafter(x, 0.0), math.nextafter(x, 1.0)]
    return out


@given(st.lists(st.floats(min_value=0.0, max_value=1.0) | st.sampled_from(_halves()),
                max_size=50))
def test_batch_model_symbols_round_like_python(scores: list[float]) -> None:
    from lachan.detect.hosts import _model_symbol, _model_symbols

    got = _model_symbols(np.array(scores, dtype=np.float64))
    expected = [_model_symbol(s) for s in scores]
    assert got == expected
    assert [repr(s.score) for s in got] == [repr(s.score) for s in expected]


def test_batch_model_symbols_every_half_and_odd_scores() -> None:
    from lachan.detect.hosts import _model_symbol, _model_symbols

    scores = [*_halves(), 0.0, 1.0, 5e-324, 0.9995, 1.5, -0.25, float("nan")]
    got = _model_symbols(np.array(scores))
    for g, s in zip(got, scores, strict=True):
        e = _model_symbol(s)
        assert (g.name, repr(g.score), g.detail) == (e.name, repr(e.score), e.detail)


@given(st.text(alphabet="0123456789-rnvwshopecbak", max_size=24))
def test_skeleton_is_looked_at_exactly_when_it_differs(label: str) -> None:
    from lachan.detect.host_match import MAYBE_CONFUSABLE, ascii_skeleton

    core = label.strip("0123456789-")
    assert bool(core and MAYBE_CONFUSABLE.search(core)) == (ascii_skeleton(label) != label)


@given(st.text(alphabet="0123456789-rnvwmoshpeicbak", max_size=16))
def test_the_look_alike_gate_drops_no_brand(label: str) -> None:
    from lachan.detect.host_match import BRAND, ascii_lookalikes, lookalike_brand_hits, scan

    every = [h.ref for skel in ascii_lookalikes(label) for h in scan(skel) if h.kind == BRAND]
    assert [h.ref for h in lookalike_brand_hits(label)] == every


class _SilentRegistry:
    """A registry context that knows nothing, but is not NullContext: the batch takes the
    general verdict path (registry look-ups) instead of its written-out no-registry one."""

    def source_state(self, kind: str, value: str) -> None:  # noqa: ARG002
        return None

    def official_owner(self, kind: str, value: str) -> None:  # noqa: ARG002
        return None

    def prefetch(self, keys: set[tuple[str, str]]) -> None:  # noqa: ARG002
        return None


def test_the_no_registry_verdicts_equal_the_general_path() -> None:
    items = [*HOSTS, "bit.ly/x", "vietcombank.com.vn", "www.vietcombank.com.vn",
             "https://bank.vn@evil.top/login", "a.b.c.d.e.shopee-vn.xyz", "shoppe.vn",
             "bxqzkwtr7x9.top", "https://sites.google.com/view/x/dang-nhap"]
    plain = classify_items(items)
    general = classify_items(items, _SilentRegistry())  # type: ignore[arg-type]
    assert [repr(tuple(v)) for v in plain] == [repr(tuple(v)) for v in general]
