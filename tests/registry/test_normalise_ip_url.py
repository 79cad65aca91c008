"""IP addresses and IPv6 URLs in the registry's canonical forms."""

from __future__ import annotations

import pytest

from lachan.registry.normalise import InvalidSource, normalise


@pytest.mark.parametrize(("kind", "value", "canonical"), [
    ("url", "http://[2001:db8::1]:8080/login", "http://[2001:db8::1]:8080/login"),
    ("url", "HTTP://[2001:DB8:0::1]/x", "http://[2001:db8::1]/x"),
    ("url", "http://[2a01:4f8::1]", "http://[2a01:4f8::1]/"),
    ("ip", "::ffff:203.0.113.5", "203.0.113.5"),  # an IPv4-mapped address is that address
    ("url", "http://192.0.2.1:8080/a", "http://192.0.2.1:8080/a"),
    ("ip", "[2001:db8::1]", "2001:db8::1"),
    ("ip", " 192.0.2.1 ", "192.0.2.1"),
])
def test_canonical_forms_are_stable(kind: str, value: str, canonical: str) -> None:
    assert normalise(kind, value) == canonical
    assert normalise(kind, canonical) == canonical  # its own form is accepted as it is


@pytest.mark.parametrize(("kind", "value", "why"), [
    ("ip", "fe80::1%eth0", "zone id"),
    ("ip", "[fe80::1%1]", "zone id"),
    ("url", "http://[fe80::1%25eth0]/login", "zone id"),
    ("ip", "[192.0.2.1]", "not a valid IP"),
    ("ip", "[::1", "not a valid IP"),
    ("ip", "::1]", "not a valid IP"),
    # no source on the Internet: in a DNS blocklist 127.0.0.1 breaks every resolver that
    # reads it (RFC 5782), and a private address is everyone's own network
    ("ip", "127.0.0.1", "private or special"),
    ("ip", "0.0.0.0", "private or special"),
    ("ip", "192.168.1.1", "private or special"),
    ("ip", "::1", "private or special"),
    ("url", "http://10.0.0.1/login", "private or special"),
    # a public suffix is everyone's: blocking it would block every bank under it
    ("domain", "com.vn", "public suffix"),
    ("domain", "github.io", "public suffix"),
    ("url", "http://gov.vn/", "public suffix"),
])
def test_addresses_that_are_not_plain_are_refused(kind: str, value: str, why: str) -> None:
    with pytest.raises(InvalidSource, match=why):
        normalise(kind, value)


@pytest.mark.parametrize("value", ["1.2.3.4", "1.2.3.4.", "2001:db8::1", "[2001:db8::1]"])
def test_an_ip_address_given_as_a_domain_is_refused_and_named(value: str) -> None:
    # a domain block of "1.2.3.4" reached no feed and no link check
    with pytest.raises(InvalidSource, match="IP address"):
        normalise("domain", value)


@pytest.mark.parametrize(("url", "canonical"), [
    ("https://x.vn/a/./b//c/", "https://x.vn/a/b/c"),
    ("https://x.vn/a/../b?utm=1", "https://x.vn/b"),
    ("https://x.vn/..", "https://x.vn/"),
    ("x.vn", "http://x.vn/"),
    ("https://evil.tk\\@bank.vn/login", "https://evil.tk/@bank.vn/login"),
])
def test_a_links_path_is_resolved_as_a_browser_resolves_it(url: str, canonical: str) -> None:
    assert normalise("url", url) == canonical
