"""The host analyser as a user sees it: labels, brands, symbols, registry context."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lachan.detect.hosts import (
    SYMBOLS,
    HostInputError,
    analyse_host,
    classify_hosts,
    classify_items,
)


def names(v) -> set[str]:  # noqa: ANN001
    return {s.name for s in v.symbols}


def detail(v, name: str) -> str:  # noqa: ANN001
    return next((s.detail for s in v.symbols if s.name == name), "")


@pytest.mark.parametrize(
    ("item", "brand", "symbol"),
    [
        ("vietcombank-vn.top", "vietcombank", "HOST_BRAND_IN_LABEL"),
        ("vcb-digibank.com", "vietcombank", "HOST_BRAND_IN_LABEL"),
        ("shopee-khuyenmai.vip", "shopee", "HOST_BRAND_IN_LABEL"),
        ("http://www.membergarenafreefirevn.com/nhanqua", "garena", "HOST_BRAND_IN_LABEL"),
        ("sh0pee-uudai.com", "shopee", "HOST_BRAND_LOOKALIKE"),
        ("xn--vietcombnk-6qi.com", "vietcombank", "HOST_MIXED_SCRIPT"),
        ("https://vietcombank.com.vn@xacminh-taikhoan.top/", None, "HOST_USERINFO"),
        ("vib.mobi", "vib", "HOST_BRAND_IN_LABEL"),
        ("vietcomb\u0430nk.com", "vietcombank", "HOST_MIXED_SCRIPT"),
        # retailers, airlines and payment services scammers imitate in Viet Nam
        ("dienmayxanh-quatang.com", "thegioididong", "HOST_BRAND_IN_LABEL"),
        ("tgdd-tructuyen.top", "thegioididong", "HOST_BRAND_IN_LABEL"),
        ("vincom-khuyenmai.com", "vingroup", "HOST_BRAND_IN_LABEL"),
        ("paypal-verify.com", "paypal", "HOST_BRAND_IN_LABEL"),
        ("steamcommunlty.com", "steam", "HOST_BRAND_LOOKALIKE"),
    ],
)
def test_brand_imitations_are_phishing_and_name_the_brand(
    item: str, brand: str | None, symbol: str
) -> None:
    v = analyse_host(item)
    assert v.label == "phishing", v
    assert v.score >= 0.5
    assert symbol in names(v)
    if brand:
        assert v.brand == brand


@pytest.mark.parametrize(
    "item",
    [
        "vietcombank.com.vn",
        "https://ibanking.vietcombank.com.vn/login",
        "shopee.vn",
        "www.facebook.com",
        "vneid.gov.vn",
        "thuedientu.gdt.gov.vn",
        "www.dienmayxanh.com",
        "fptshop.com.vn",
    ],
)
def test_official_domains_are_always_benign(item: str) -> None:
    v = analyse_host(item)
    assert v.label == "benign"
    assert "HOST_OFFICIAL" in names(v)
    assert v.brand is not None


@pytest.mark.parametrize(
    "item",
    ["congan.hanoi.gov.vn", "hcmus.edu.vn", "sokhdt.danang.gov.vn", "dangkyhoc.truongabc.edu.vn"],
)
def test_well_formed_restricted_vn_domains_lean_benign(item: str) -> None:
    v = analyse_host(item)
    assert v.label == "benign", v
    assert "HOST_RESTRICTED_VN" in names(v)


def test_public_body_named_inside_gov_vn_is_not_an_imitation() -> None:
    assert analyse_host("congan.hanoi.gov.vn").brand is None
    assert analyse_host("congan-hanoi.com").brand == "police"


def test_a_brand_opening_or_ending_a_label_outside_vn_is_phishing() -> None:
    for item, brand in [("momobingo.com", "momo"), ("grabexpress.net", "grab"),
                        ("dhlexpress-vietnam.com", "dhl"), ("quatangmomo.com", "momo"),
                        ("sukien-vietinbank.net", "vietinbank"), ("hotrosacombank.org",
                                                                  "sacombank")]:
        v = analyse_host(item)
        assert (v.label, v.brand) == ("phishing", brand), item
    # VTI Cloud's domain ends in "icloud" (an alias of Apple) without imitating Apple
    assert analyse_host("vticloud.io").label == "benign"
    # inside .vn, companies of a group carry its name: the model decides, no floor
    assert analyse_host("viettelidc.com.vn").label == "benign"


def test_a_banks_code_glued_to_a_label_outside_vn_is_phishing() -> None:
    for item, brand in [("vcbdinghiubink.com", "vietcombank"), ("tcbtrade.com", "techcombank"),
                        ("www.tpbvnk.com", "tpbank"), ("ocbvnc.com", "ocb")]:
        v = analyse_host(item)
        assert (v.label, v.brand) == ("phishing", brand), item
        assert "HOST_BRAND_LOOKALIKE" in names(v)
    # English words and foreign banks a code also opens, and the banks' own subsidiaries
    for item in ("viber.com", "vibe.com", "viblo.asia", "ocbc.com", "vcbs.com.vn", "acbs.com.vn"):
        assert analyse_host(item).brand is None, item


def test_a_brand_on_a_schools_or_the_states_domain_is_phishing() -> None:
    v = analyse_host("agribanks.edu.vn")
    assert (v.label, v.brand) == ("phishing", "agribank")
    assert analyse_host("hvnh.edu.vn").label == "benign"  # the Banking Academy's own


def test_keyword_stuffed_risky_tld_is_phishing() -> None:
    v = analyse_host("nhanqua-trian-khachhang.xyz")
    assert v.label == "phishing"
    assert {"HOST_SCAM_KEYWORD", "HOST_RISKY_TLD"} <= names(v)


def test_odd_even_betting_and_coin_mining_words_are_keywords() -> None:
    # "chẵn lẻ" (odd/even betting) and coin mining: the lures of game and investment sites
    bet = analyse_host("vipchanle-win.net")
    assert bet.label == "phishing"
    assert "chanle" in detail(bet, "HOST_GAMBLING_KEYWORD")
    coin = analyse_host("btc-mining-pool.com")
    assert coin.label == "phishing"
    assert "mining" in detail(coin, "HOST_SCAM_KEYWORD")
    # a securities firm's or a news site's own name is not a lure
    assert "HOST_SCAM_KEYWORD" not in names(analyse_host("vietstock.vn"))


def test_other_checks_fire() -> None:
    assert "HOST_IP_LITERAL" in names(analyse_host("http://203.0.113.9/vcb/dang-nhap"))
    assert "HOST_LOGIN_PATH" in names(analyse_host("http://203.0.113.9/vcb/dang-nhap"))
    assert "HOST_DEEP_SUBDOMAIN" in names(analyse_host("a.b.c.d.example.com"))
    assert "HOST_RANDOM_LABEL" in names(analyse_host("xkqzvbtrw.com"))
    assert "HOST_USER_CONTENT" in names(analyse_host("https://sites.google.com/view/nhanqua"))
    assert "HOST_GAMBLING_KEYWORD" in names(analyse_host("taixiu88.club"))


def test_shortener_is_flagged_but_not_called_phishing_by_name() -> None:
    v = analyse_host("https://bit.ly/3abcDEF")
    assert "HOST_SHORTENER" in names(v)
    assert v.label == "benign"


def test_every_symbol_emitted_is_in_the_table() -> None:
    for item in ["vietcombank-vn.top", "bit.ly", "hcmus.edu.vn", "xn--vietcombnk-6qi.com"]:
        assert names(analyse_host(item)) <= set(SYMBOLS)


class FakeContext:
    def __init__(self, state: dict[str, str], owner: dict[str, str]) -> None:
        self.state, self.owner = state, owner

    def source_state(self, kind: str, value: str) -> str | None:
        assert kind == "domain"
        return self.state.get(value)

    def official_owner(self, kind: str, value: str) -> str | None:
        assert kind == "domain"
        return self.owner.get(value)


def test_registry_state_decides_when_it_knows() -> None:
    ctx = FakeContext({"quiet-looking-site.com": "blocked"}, {"newbank-official.com": "newbank"})
    reported = analyse_host("https://www.quiet-looking-site.com/", ctx)
    assert reported.label == "phishing" and "HOST_REPORTED" in names(reported)
    official = analyse_host("newbank-official.com", ctx)
    assert official.label == "benign" and official.brand == "newbank"
    assert "HOST_REGISTRY_OFFICIAL" in names(official)


def test_batch_matches_single_and_bad_items_keep_their_place() -> None:
    items = ["vietcombank-vn.top", "not a host", "hcmus.edu.vn", "x" * 10_000]
    out = classify_items(items)
    assert isinstance(out[1], HostInputError) and isinstance(out[3], HostInputError)
    assert out[0].label == analyse_host(items[0]).label  # type: ignore[union-attr]
    assert out[2].score == pytest.approx(analyse_host(items[2]).score)  # type: ignore[union-attr]
    with pytest.raises(HostInputError, match="item 1"):
        classify_hosts(items)
    assert [v.label for v in classify_hosts([items[0], items[2]])] == ["phishing", "benign"]


def test_verdict_dict_shape() -> None:
    d = analyse_host("vietcombank-vn.top").to_dict()
    assert set(d) == {"host", "label", "score", "brand", "symbols"}
    assert 0.0 <= d["score"] <= 1.0
    assert all(set(s) == {"name", "score", "detail"} for s in d["symbols"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=8))
def test_classify_items_never_raises(items: list[str]) -> None:
    out = classify_items(items)
    assert len(out) == len(items)
    for r in out:
        if not isinstance(r, HostInputError):
            assert r.label in ("phishing", "benign") and 0.0 <= r.score <= 1.0


def test_platform_user_pages_are_not_imitations_of_the_platform() -> None:
    v = analyse_host("https://play.google.com/store/apps/details?id=vn.example.app")
    assert v.label == "benign" and v.brand is None
    assert "HOST_USER_CONTENT" in names(v) and "HOST_OFFICIAL" not in names(v)


def test_brand_in_a_user_subdomain_of_a_hosting_service_is_phishing() -> None:
    v = analyse_host("https://vietcombank-xacminh.weebly.com/")
    assert v.label == "phishing" and v.brand == "vietcombank"
    assert "HOST_BRAND_IN_SUBDOMAIN" in names(v)
