"""Host names: IDN both ways, public suffix, registrable domain; never raising."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lachan.entities.domain import public_suffix, registrable_domain, to_ascii, to_unicode


@pytest.mark.parametrize(
    ("host", "registrable", "suffix"),
    [
        ("www.vietcombank.com.vn", "vietcombank.com.vn", "com.vn"),
        ("ibanking.vcb-xacminh.top", "vcb-xacminh.top", "top"),
        ("dichvucong.gov.vn", "dichvucong.gov.vn", "gov.vn"),
        ("WWW.Shopee.VN.", "shopee.vn", "vn"),
        ("vcb-login.web.app", "vcb-login.web.app", "web.app"),  # private section counts
        ("bit.ly", "bit.ly", "ly"),
    ],
)
def test_registrable_domain_and_suffix(host: str, registrable: str, suffix: str) -> None:
    assert registrable_domain(host) == registrable
    assert public_suffix(host) == suffix


@pytest.mark.parametrize("host", ["file.txt", "TP.HCM", "v.v", "com.vn", "vn", "1.2.3.4",
                                  "[::1]", "", "a..b", "-bad-.com", "x" * 300 + ".com"])
def test_no_registrable_domain(host: str) -> None:
    assert registrable_domain(host) is None


def test_idn_both_ways() -> None:
    assert to_ascii("việtcombank.vn") == "xn--vitcombank-dv3e.vn"
    assert to_unicode("xn--vitcombank-dv3e.vn") == "việtcombank.vn"
    assert to_unicode("XN--80AK6AA92E.COM") == "аррӏе.com"  # Cyrillic look-alike stays visible
    assert registrable_domain("sub.việtcombank.vn") == "xn--vitcombank-dv3e.vn"


@pytest.mark.parametrize("host", ["xn--zz.com", "\u0378x.com", "bad host.com", "ex@mple.com"])
def test_invalid_idn_gives_none(host: str) -> None:
    assert to_ascii(host) is None
    assert to_unicode(host) is None
    assert registrable_domain(host) is None


@given(st.text(max_size=300))
def test_domain_helpers_never_raise(s: str) -> None:
    for fn in (to_ascii, to_unicode, public_suffix, registrable_domain):
        out = fn(s)
        assert out is None or isinstance(out, str)


@given(st.from_regex(r"[a-z][a-z0-9-]{0,20}[a-z0-9]\.(com|vn|com\.vn|top|xyz)", fullmatch=True))
def test_ascii_round_trip(host: str) -> None:
    if "--" in host[2:4]:  # "ab--" labels are reserved for IDN forms
        return
    assert to_ascii(host) == host
    assert to_unicode(host) == host


@pytest.mark.parametrize("size", [254, 1025, 100_000])
def test_oversized_hosts_are_refused_quietly(size: int) -> None:
    host = ("a" * 60 + ".") * (size // 61 + 1) + "com"  # always over 253 characters
    assert registrable_domain(host) is None
    assert to_ascii(host) is None
    assert to_unicode(host) is None
