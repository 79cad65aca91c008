"""The host analyser answers a redirect or search link for the site it leads to."""

from __future__ import annotations

from lachan.detect.content_model import ContentModel
from lachan.detect.engine import Engine
from lachan.detect.hosts import analyse_host, classify_items


def test_a_redirect_to_a_phishing_site_is_phishing():
    v = analyse_host("https://www.google.com/url?q=https://vcb-xacminh.top/login")
    assert v.label == "phishing"
    assert v.host == "vcb-xacminh.top"
    assert v.brand == "vietcombank"
    assert v.symbols[-1].name == "HOST_REDIRECT"
    assert "www.google.com" in v.symbols[-1].detail


def test_a_redirect_wrapped_in_redirects_is_followed_to_its_end():
    inner = "https%253A%252F%252Fvcb-xacminh.top"
    for item in (f"https://google.com/url?q=https%3A%2F%2Fgoogle.com%2Furl%3Fq%3D{inner}",
                 "https://facebook.com/l.php?u=https%3A%2F%2Fwww.google.com%2Furl%3Fq%3D"
                 "https%253A%252F%252Fvcb-xacminh.top"):
        v = analyse_host(item)
        assert v.label == "phishing" and v.host == "vcb-xacminh.top"
    # a redirect that stays on the search engine's own site is the search engine
    assert analyse_host("https://google.com/url?q=https://google.com/maps").label == "benign"


def test_a_plain_search_stays_the_search_engine():
    v = analyse_host("https://www.google.com/search?q=thoi+tiet+ha+noi")
    assert v.host == "www.google.com"
    assert v.label == "benign"
    assert "HOST_REDIRECT" not in {s.name for s in v.symbols}


def test_a_batch_keeps_its_order_and_its_errors():
    out = classify_items(["google.com/search?q=vcb-xacminh.top", "x" * 300, "shopee.vn"])
    assert out[0].host == "vcb-xacminh.top"
    assert isinstance(out[1], Exception)
    assert out[2].host == "shopee.vn"


def test_a_message_with_a_search_link_is_judged_by_the_site_it_leads_to():
    engine = Engine(ContentModel.load())
    v = engine.analyse("Vao https://www.google.com/search?q=vcb-xacminh.top de nhan qua")
    names = {s.name for s in v.symbols}
    assert {"URL_REDIRECT", "URL_PHISHING_HOST"} <= names
    detail = next(s.detail for s in v.symbols if s.name == "URL_PHISHING_HOST")
    assert "vcb-xacminh.top" in detail


def test_the_registry_is_asked_about_where_a_redirect_leads():
    from lachan.detect.engine import registry_lookups
    from lachan.entities import extract

    looked = registry_lookups(None, extract("https://www.google.com/url?q=http://abc-qua.vip/x"))
    assert ("link", "domain", "google.com") in looked
    assert ("link", "domain", "abc-qua.vip") in looked
