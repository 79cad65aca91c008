"""Values that read as something other than what they are are refused (two '@', bidi
controls), and a link written with its scheme's default port is the link without it."""

from __future__ import annotations

import pytest

from lachan.registry.normalise import InvalidSource, normalise


@pytest.mark.parametrize("value", ["a@b@vietcombank.com.vn", "@@vietcombank.com.vn",
                                   "x@y@z.vn"])
def test_an_address_with_two_at_signs_is_refused(value: str) -> None:
    with pytest.raises(InvalidSource, match="more than one '@'"):
        normalise("email", value)


@pytest.mark.parametrize(("kind", "value"), [
    ("email", "cskh\u202e@vietcombank.com.vn"),
    ("email", "\u202dcskh@vietcombank.com.vn"),
    ("email", "cskh@vietcombank.com.vn\u200f"),
    ("url", "https://shop.vn/\u202egnp.exe"),
    ("brandname", "VCB\u2067"),
    ("phone", "0912\u202e345678"),
])
def test_bidirectional_controls_are_refused(kind: str, value: str) -> None:
    with pytest.raises(InvalidSource, match="bidirectional"):
        normalise(kind, value)


@pytest.mark.parametrize(("value", "canonical"), [
    ("https://shop.vn:443/a", "https://shop.vn/a"),
    ("HTTPS://Shop.VN:443", "https://shop.vn/"),
    ("http://shop.vn:80/a", "http://shop.vn/a"),
    ("shop.vn:80/a", "http://shop.vn/a"),
    ("http://[2001:db8::1]:80/", "http://[2001:db8::1]/"),
    ("http://shop.vn:443/a", "http://shop.vn:443/a"),
    ("https://shop.vn:80/a", "https://shop.vn:80/a"),
    ("https://shop.vn:8443/a", "https://shop.vn:8443/a"),
])
def test_the_default_port_is_dropped(value: str, canonical: str) -> None:
    assert normalise("url", value) == canonical
