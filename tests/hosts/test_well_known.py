"""Well-known sites: a widely used site's domain is not phishing by its name alone, but a
user page on it, a look-alike of it or a report about it still is."""

import pytest

from lachan.detect.host_lexicon import SHORTENERS, USER_CONTENT, well_known_domains
from lachan.detect.hosts import analyse_host, classify_items


def names(v) -> set[str]:  # noqa: ANN001
    return {s.name for s in v.symbols}


def test_the_bundled_list_is_plain_registrable_domains() -> None:
    known = well_known_domains()
    assert len(known) > 500
    assert {"wikipedia.org", "vnexpress.net"} <= known
    for d in known:
        assert d == d.strip().lower() and "." in d and "/" not in d and not d.startswith("www.")
    # no platform where anyone publishes a page, and no shortener
    assert not known & USER_CONTENT and not known & SHORTENERS


@pytest.mark.parametrize("item", [
    "wikipedia.org", "https://vi.wikipedia.org/wiki/Vi%E1%BB%87t_Nam",
    "vnexpress.net", "https://vnexpress.net/kinh-doanh",
])
def test_a_well_known_site_is_benign_and_says_why(item: str) -> None:
    v = analyse_host(item)
    assert v.label == "benign" and v.score <= 0.05
    assert "HOST_WELL_KNOWN" in names(v)


def test_a_look_alike_of_a_well_known_site_is_not_cleared() -> None:
    for item in ["wikipedia-org.xyz", "vnexpress-net.top", "wikipedia.org.vn-login.top"]:
        assert "HOST_WELL_KNOWN" not in names(analyse_host(item))


def test_a_user_page_on_a_platform_is_not_cleared_by_the_platform_name() -> None:
    v = analyse_host("https://sites.google.com/view/vietcombank-xacminh")
    assert "HOST_WELL_KNOWN" not in names(v) and v.label == "phishing"


class ReportedContext:
    def source_state(self, kind: str, value: str) -> str | None:
        return "blocked" if value == "vnexpress.net" else None

    def official_owner(self, kind: str, value: str) -> str | None:
        return None


def test_a_report_in_the_registry_outweighs_the_list() -> None:
    v = analyse_host("https://vnexpress.net/x", ReportedContext())
    assert v.label == "phishing" and "HOST_REPORTED" in names(v)


def test_batch_and_single_agree_on_well_known_sites() -> None:
    items = ["vnexpress.net", "wikipedia.org", "vnexpress-net.top"]
    assert [v.label for v in classify_items(items)] == [analyse_host(i).label for i in items]


@pytest.mark.parametrize("url", [
    "https://script.google.com/macros/s/vietcombank-xacminh/exec",
    "https://drive.google.com/file/d/momo-dangnhap/view",
])
def test_pages_anyone_can_publish_on_google_are_not_cleared_as_google(url: str) -> None:
    v = analyse_host(url)
    assert "HOST_OFFICIAL" not in names(v) and "HOST_USER_CONTENT" in names(v)
    assert v.label == "phishing" and v.brand in {"vietcombank", "momo"}
    # the same service's own page without a brand's log-in stays benign
    assert analyse_host("https://script.google.com/macros/s/abc/exec").label == "benign"
