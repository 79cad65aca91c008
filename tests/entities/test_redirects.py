"""Links that lead elsewhere: open redirects and search pages of REDIRECTORS."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lachan.entities import extract
from lachan.entities.urls import REDIRECTORS, redirect_target


def _url(text: str) -> dict:
    (url,) = [e for e in extract(text) if e.kind == "url"]
    return url.attrs


def test_a_search_link_for_a_site_leads_to_that_site():
    attrs = _url("vao https://www.google.com/search?q=cash688299.com nhan thuong")
    assert attrs["host"] == "www.google.com"
    assert attrs["redirect_host"] == "cash688299.com"


def test_a_redirect_link_leads_to_its_encoded_target():
    attrs = _url("xem tai https://www.google.com/url?sa=t&q=https%3A%2F%2Fvcb-xacminh.top%2Flogin")
    assert attrs["redirect_host"] == "vcb-xacminh.top"
    assert _url("l.facebook.com/l.php?u=http%3A%2F%2Fshopee-qua.vip%2F")["redirect_host"] == (
        "shopee-qua.vip")


def test_an_ordinary_search_or_a_link_to_the_same_site_leads_nowhere_else():
    assert "redirect_host" not in _url("https://www.google.com/search?q=thoi+tiet+ha+noi")
    assert "redirect_host" not in _url("https://www.google.com/url?q=https://maps.google.com/x")
    assert "redirect_host" not in _url("https://example.com/search?q=cash688.com")
    assert redirect_target("google.com", "/maps?q=cash688.com") is None


@given(st.sampled_from(sorted(REDIRECTORS)), st.text(max_size=300))
def test_any_query_is_read_without_error(registrable: str, tail: str) -> None:
    target = redirect_target(registrable, tail)
    assert target is None or (target.isascii() and "." in target)
