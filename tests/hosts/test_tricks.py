"""Tricks the host model cannot see: it reads the registrable label only."""

import pytest

from lachan.detect.hosts import analyse_host


@pytest.mark.parametrize("item", [
    "vietcombank.com.vn.vn",
    "login.vietcombank.com.vn.vn",
    "vietcombank.com.vn.com",
    "https://bidv.com.vn.net/xac-thuc",
])
def test_an_official_domain_at_the_start_of_another_is_phishing(item: str) -> None:
    v = analyse_host(item)
    assert v.label == "phishing"
    assert v.brand in {"vietcombank", "bidv"}
    assert "HOST_OFFICIAL_DOMAIN_INSIDE" in {s.name for s in v.symbols}


@pytest.mark.parametrize("item", [
    "vietcombank.com.vn",
    "www.vietcombank.com.vn",
    "www.vietcombank.com.vn.edgekey.net",  # a content network names its customer
])
def test_the_official_domain_itself_and_its_cdn_name_are_not_that_trick(item: str) -> None:
    v = analyse_host(item)
    assert "HOST_OFFICIAL_DOMAIN_INSIDE" not in {s.name for s in v.symbols}
    assert v.label == "benign"


def test_a_brand_in_the_path_of_a_login_page_on_a_user_content_host_is_phishing() -> None:
    v = analyse_host("https://sites.google.com/view/vietcombank-xacminh")
    assert v.label == "phishing"
    assert v.brand == "vietcombank"
    assert "HOST_BRAND_IN_PATH" in {s.name for s in v.symbols}
    assert analyse_host("https://sites.google.com/view/vietcombank-tuyen-dung").label == "benign"
    assert analyse_host("https://sites.google.com/view/my-cooking-blog").label == "benign"


@pytest.mark.parametrize("item", ["vietcomdank.com", "wietcombank.com", "vietinbamk.net"])
def test_a_long_brand_name_with_one_letter_replaced_is_a_look_alike(item: str) -> None:
    v = analyse_host(item)
    assert v.label == "phishing" and v.brand in {"vietcombank", "vietinbank"}


@pytest.mark.parametrize("item", ["finance-news.com", "vrbank.com.vn", "longan.gov.vn"])
def test_short_names_one_letter_from_a_brand_are_not_look_alikes(item: str) -> None:
    assert analyse_host(item).brand is None
