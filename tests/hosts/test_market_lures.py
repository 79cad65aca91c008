"""Fake trading platforms and bookmakers' betting sites, named by their host alone."""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from lachan.detect.host_lexicon import GAMBLING_BRANDS, TRADING_PLATFORMS
from lachan.detect.host_match import BOOKMAKER, TRADING, market_lure
from lachan.detect.hosts import HostInputError, analyse_host, classify_items

from .test_batch import _SilentRegistry


def _names(item: str) -> set[str]:
    return {s.name for s in analyse_host(item).symbols}


@pytest.mark.parametrize(("item", "found"), [
    ("bybit-vip.com", "bybit"),  # an exchange's name with filler
    ("kucoinpro.net", "kucoin"),
    ("bitgetvn.com", "bitget"),
    ("exness-asia.com", "exness"),  # a forex broker's
    ("digifinx.com", "digifinex"),  # a long name with one letter dropped
    ("fxgoldtrade.com", "fx + trade"),  # two words of the trade, no platform's name
    ("btcwealth.net", "bit + wealth"),
    ("tokenfundx.com", "token + fund"),
])
def test_a_trading_platforms_name_or_words_make_a_trading_lure(item: str, found: str) -> None:
    v = analyse_host(item)
    assert v.label == "phishing" and v.score >= 0.9, v
    lure = [s for s in v.symbols if s.name == "HOST_TRADING_LURE"]
    assert lure and lure[0].detail.startswith(f'"{found}"'), v.symbols


@pytest.mark.parametrize("item", [
    "bybit.com", "exness.com", "gate.io",  # the platforms' own domains
    "blockchain.com", "bitlaw-firm.com", "vietstock.com.vn",  # one word of the trade
    "rabbitfinance.com",  # "bit" inside "rabbit" is no word of the trade
    "refundtrade.com",  # nor "fund" inside "refund"
    "tradefinance.com.vn", "vietcapitalbank.com.vn",  # two words, under .vn
    "coinmarketcap.com",  # "market" is left out
])
def test_no_trading_lure_on_own_domains_single_words_or_vn(item: str) -> None:
    assert "HOST_TRADING_LURE" not in _names(item)


@pytest.mark.parametrize("item", [
    "winzip.com", "typingclub.com", "gamek.vn", "vietcapitalbank.com.vn", "paypal.com",
    "bybit.com", "exness.com", "win10.vn", "tibet.com",
])
def test_near_misses_of_the_new_checks_stay_benign(item: str) -> None:
    assert analyse_host(item).label == "benign"


@pytest.mark.parametrize(("item", "name"), [
    ("thabet-vn.com", "thabet"),  # a bookmaker's name, anywhere in the label
    ("nhacuathabet.net", "thabet"),
    ("fb88vip.net", "fb88"),  # a short one at the start
    ("go88-club.com", "go88"),
    ("789betvip.net", "789bet"),
    ("55winvn.com", "55winvn"),  # digits before "win"
    ("zebet88.com", "zebet88"),  # "bet" before digits in a short name
    ("kim88.net", "kim88"),  # three letters before a lucky number
    ("zu666.com", "zu666"),
])
def test_a_bookmakers_name_is_a_betting_site(item: str, name: str) -> None:
    v = analyse_host(item)
    assert v.label == "phishing" and v.score >= 0.9, v
    found = [s for s in v.symbols if s.name == "HOST_BOOKMAKER"]
    assert found and found[0].detail.startswith(f'"{name}"'), v.symbols


@pytest.mark.parametrize("item", [
    "kiwinews.com",  # "iwin" inside a word
    "hb52.com",  # a short name not at the start
    "edwin.com", "tibet.com", "alphabet1.com",  # "win" and "bet" ending words
    "win10.vn",  # Windows
    "hcm79.vn", "shop68.vn",  # everyday lucky numbers, a longer shop name
])
def test_words_that_only_hold_a_bookmakers_shape_are_not_bookmakers(item: str) -> None:
    assert "HOST_BOOKMAKER" not in _names(item)


def test_the_new_checks_leave_public_sector_domains_alone() -> None:
    for item in ("bitcoinfund.edu.vn", "thabet.gov.vn"):
        names = _names(item)
        assert not names & {"HOST_TRADING_LURE", "HOST_BOOKMAKER"}, (item, names)


def test_the_no_registry_path_and_the_general_path_agree_on_the_new_checks() -> None:
    items = ["bybit-vip.com", "fxgoldtrade.com", "thabet-vn.com", "kim88.net", "bybit.com",
             "rabbitfinance.com", "kiwinews.com", "www.fb88vip.net/login"]
    plain = classify_items(items)
    general = classify_items(items, _SilentRegistry())  # type: ignore[arg-type]
    assert [repr(tuple(v)) for v in plain] == [repr(tuple(v)) for v in general]


@given(st.text(alphabet="bitcoinfxtradehu8569wve-", min_size=1, max_size=20))
def test_the_fast_path_finds_what_the_general_path_finds(label: str) -> None:
    # the no-registry path reads the label's checks only where its gate lets it
    items = [label.strip("-") + ".com"]
    plain = classify_items(items)
    assume(not isinstance(plain[0], HostInputError))
    general = classify_items(items, _SilentRegistry())  # type: ignore[arg-type]
    assert [repr(tuple(v)) for v in plain] == [repr(tuple(v)) for v in general]


@given(st.sampled_from(sorted(TRADING_PLATFORMS)), st.sampled_from(["vn", "-vip", "pro", "24h"]))
def test_every_platforms_name_outside_its_own_domains_is_found(name: str, tail: str) -> None:
    label = name + tail
    assert market_lure(label, label + ".com", "com") == (
        TRADING, name, "a crypto exchange's or forex broker's name")
    # on its own domain the name is no imitation
    own = TRADING_PLATFORMS[name][0]
    assert market_lure(own.partition(".")[0], own, own.partition(".")[2]) is None


@given(st.sampled_from(sorted(GAMBLING_BRANDS)))
def test_every_bookmakers_name_is_found_at_the_start_of_a_label(name: str) -> None:
    found = market_lure(name + "-vn", name + "-vn.com", "com")
    assert found is not None and found[:2] == (BOOKMAKER, name)


@pytest.mark.parametrize("host", [
    "bookexpress.com.vn", "startupbits.com", "magicmarket.com", "pho88.com.vn", "hoa99.vn",
])
def test_words_and_shop_numbers_are_no_market_lure(host: str) -> None:
    from lachan.detect.host_parse import parse_host

    parsed = parse_host(host)
    assert market_lure(parsed.label, parsed.registrable, parsed.suffix) is None


@pytest.mark.parametrize(("item", "found"), [
    ("dogeminervip.com", "doge + mining"),  # a coin's name with a word of the trade
    ("tronbank-global.com", "tron + bank"),
    ("usdcstaking.net", "usdt + stake"),
])
def test_a_coins_name_beside_a_word_of_the_trade_is_a_trading_lure(item: str, found: str) -> None:
    v = analyse_host(item)
    assert v.label == "phishing", v
    lure = [s for s in v.symbols if s.name == "HOST_TRADING_LURE"]
    assert lure and lure[0].detail.startswith(f'"{found}"'), v.symbols


@pytest.mark.parametrize("item", [
    "dogecoin.com",  # the coin's own name is one word
    "samsungelectronics.com", "viettronics.edu.vn", "patronbank.com",  # "tron" in words
    "stakeholderfund.org", "mistakebank.com",  # "stake" in words
])
def test_words_that_hold_a_coins_name_are_no_trading_lure(item: str) -> None:
    assert "HOST_TRADING_LURE" not in _names(item)


@pytest.mark.parametrize("item", ["fibowin.com", "choilawin.me", "happytobet.net",
                                  "nowbetvn.com", "luckywinvip88.org"])
def test_a_name_closed_by_win_or_bet_outside_vn_is_a_betting_site(item: str) -> None:
    v = analyse_host(item)
    assert v.label == "phishing" and v.score >= 0.9, v
    found = [s for s in v.symbols if s.name == "HOST_BOOKMAKER"]
    assert found and "betting site" in found[0].detail, v.symbols


@pytest.mark.parametrize("item", [
    "darwin.com", "goodwin.com", "edwin.com", "baldwin.org", "irwin.com", "twin.com",
    "alphabet.com", "tibet.com", "sorbet.com",  # words that end in "win" or "bet"
    "hanwhatechwin.com", "ashwin.com", "lewin.com",
    "hoangwin.vn", "thanhbet.com.vn",  # under .vn
])
def test_words_ending_in_win_or_bet_and_vn_names_are_not_betting_sites(item: str) -> None:
    assert "HOST_BOOKMAKER" not in _names(item)


@pytest.mark.parametrize(("item", "form"), [
    ("eastcenterltd.com", "ltd"), ("fenlimited.com", "limited"),
    ("elicongloballtd2.com", "ltd"),
])
def test_a_legal_form_closing_a_name_outside_vn_is_found(item: str, form: str) -> None:
    v = analyse_host(item)
    assert v.label == "phishing", v
    found = [s for s in v.symbols if s.name == "HOST_COMPANY_FORM"]
    assert found and found[0].detail.startswith(f'"{form}"'), v.symbols


@pytest.mark.parametrize("item", [
    "fitnessunlimited.com",  # "unlimited" is no legal form
    "tescoplc.com", "hsbcplc.com",  # a listed company's investor site
    "hoaphatltd.com.vn", "minhanlimited.vn",  # Vietnamese firms under .vn
    "ltd.com", "pltd.com",  # no name before the form
])
def test_unlimited_and_vn_firms_have_no_legal_form_finding(item: str) -> None:
    assert "HOST_COMPANY_FORM" not in _names(item)


def test_the_no_registry_path_and_the_general_path_agree_on_the_later_checks() -> None:
    items = ["dogeminervip.com", "fibowin.com", "darwin.com", "eastcenterltd.com",
             "fitnessunlimited.com", "gerana.vn", "sinhnhatlq.vn", "garden.vn"]
    plain = classify_items(items)
    general = classify_items(items, _SilentRegistry())  # type: ignore[arg-type]
    assert [repr(tuple(v)) for v in plain] == [repr(tuple(v)) for v in general]
