"""Host/URL parsing: the parts, the limits and the errors."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lachan.detect.host_parse import MAX_ITEM_CHARS, HostInputError, parse_host


def test_url_is_split_into_host_registrable_label_and_path() -> None:
    p = parse_host("HTTPS://Login.VCB-Digibank.com.vn:8443/dang-nhap?x=1")
    assert p.host == "login.vcb-digibank.com.vn"
    assert p.registrable == "vcb-digibank.com.vn"
    assert p.suffix == "com.vn"
    assert p.label == "vcb-digibank"
    assert p.subdomains == ("login",)
    assert p.path == "/dang-nhap?x=1"
    assert p.port == 8443


def test_userinfo_trick_reveals_the_real_host() -> None:
    p = parse_host("https://vietcombank.com.vn@evil-site.top/login")
    assert p.host == "evil-site.top"
    assert p.userinfo


def test_idn_is_decoded_both_ways() -> None:
    p = parse_host("cốccốc.vn")
    assert p.idn
    assert p.host.startswith("xn--")
    assert p.unicode_host == "cốccốc.vn"
    assert parse_host(p.host).unicode_host == "cốccốc.vn"


def test_ip_literal() -> None:
    p = parse_host("http://203.0.113.7/vcb/login")
    assert p.is_ip and p.registrable == "203.0.113.7" and p.suffix == ""


@pytest.mark.parametrize(
    ("item", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("localhost", "single label"),
        ("com.vn", "public suffix"),
        ("exa mple.com", "not a valid host"),
        ("bad\x00host.com", "control characters"),
        ("a" * 70 + ".com", "longer than 63"),
        ("javascript://alert(1)", "not a web address: a javascript: link"),
        ("javascript:alert(1)", "not a web address"),  # not "invalid port 'alert(1)'"
        ("data:text/html,hi", "not a web address"),
        ("mailto:a@b.com", "not a web address"),
        ("gopher://host.com/", "unsupported URL scheme"),
        ("1.2.3.4.5", "invalid IPv4"),
        ("http://host.com:99999/", "invalid port"),
        ("xn--zz.com", "punycode"),
        ("999.1.1.1", "invalid IPv4"),
        ("x" * (MAX_ITEM_CHARS + 1), "too long"),
        (("a" * 60 + ".") * 5 + "com", "host too long"),
    ],
)
def test_bad_input_gets_a_clear_error(item: str, reason: str) -> None:
    with pytest.raises(HostInputError, match=reason):
        parse_host(item)


def test_ten_kilobyte_host_is_refused_not_crashed() -> None:
    with pytest.raises(HostInputError, match="too long"):
        parse_host("a" * 10_000 + ".com")


@given(st.text(max_size=300))
def test_any_text_parses_or_gets_a_host_input_error(s: str) -> None:
    try:
        p = parse_host(s)
    except HostInputError as exc:
        assert str(exc)
    else:
        assert p.host.isascii() and p.host == p.host.lower()
        assert p.host.endswith(p.registrable)


_label = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?", fullmatch=True)


@given(st.lists(_label, min_size=1, max_size=4), st.sampled_from(["com", "vn", "com.vn", "xyz"]))
def test_generated_hosts_round_trip(labels: list[str], suffix: str) -> None:
    host = ".".join(labels) + "." + suffix
    p = parse_host("https://" + host.upper() + "/")
    assert p.host == host
    assert p.suffix == suffix
    assert p.registrable == labels[-1] + "." + suffix


def test_defanged_links_are_read() -> None:
    p = parse_host("hxxps[:]//vietcombank-vn[.]top/dang-nhap")
    assert p.host == "vietcombank-vn.top" and p.path == "/dang-nhap"
    assert parse_host("shopee(.)vn").registrable == "shopee.vn"


def _reference(host: str) -> tuple[str, str] | None:
    from publicsuffixlist import PublicSuffixList

    psl = PublicSuffixList(only_icann=True)
    reg = psl.privatesuffix(host)
    return (reg, psl.publicsuffix(host) or "") if reg else None


@pytest.mark.parametrize(
    "host",
    ["a.b.c.kawasaki.jp", "city.kawasaki.jp", "x.city.kawasaki.jp", "foo.bar.ck", "a.www.ck",
     "x.github.io", "a.b.com.vn", "hcmus.edu.vn", "a.xn--p1ai", "a.b.unknowntld"],
)
def test_suffix_split_matches_the_public_suffix_library(host: str) -> None:
    from lachan.detect.host_parse import split_registrable

    assert split_registrable(host) == _reference(host)


@given(st.lists(_label, min_size=1, max_size=3),
       st.sampled_from(["com", "vn", "com.vn", "ck", "kawasaki.jp", "github.io", "co.uk", "zz"]))
def test_suffix_split_property(labels: list[str], suffix: str) -> None:
    from lachan.detect.host_parse import split_registrable

    host = ".".join(labels) + "." + suffix
    assert split_registrable(host) == _reference(host)


_host_like = st.text(alphabet="ab-_.0xn9A\n\r ", max_size=80) | st.builds(
    lambda a, b: a + "." + b, st.text(alphabet="ab-", min_size=60, max_size=70),
    st.text(alphabet="ab.", max_size=5))


@given(_host_like)
def test_plain_ascii_host_check_is_the_host_grammar(item: str) -> None:
    from lachan.detect.host_parse import _ascii_host, is_plain_ascii_host

    if item and len(item) <= 253:
        # the grammar's "$" also matches before a final line break; parse_many leaves such
        # items to parse_host (test below)
        expected = bool(_ascii_host(item)) and not item.endswith("\n")
        assert is_plain_ascii_host(item) == expected


def _parsed_or_error(item: object) -> object:
    try:
        return parse_host(item)  # type: ignore[arg-type]
    except HostInputError as exc:
        return ("error", str(exc))


@given(st.lists(_host_like | st.sampled_from(
    ["com", "co.uk", "x.com.vn", "a.b.gov.vn", "1.2.3.4", "xn--zz.com", "www.shopee.vn",
     "HTTP://A.COM/x", "x" * 300 + ".com", "a.ck", "www.ck", "b.kawasaki.jp"]), max_size=20))
def test_parse_many_is_parse_host_of_each(items: list[str]) -> None:
    from lachan.detect.host_parse import parse_many

    for batch in (items, [*items, 5], [*items, "a.com\nb.com"], [*items, ""]):
        got = [("error", str(r)) if isinstance(r, HostInputError) else r
               for r in parse_many(batch)]
        assert got == [_parsed_or_error(x) for x in batch]


def test_a_trailing_line_break_is_not_part_of_the_host():
    from lachan.detect.host_parse import parse_host

    for item, host in (("abc.com\n", "abc.com"), ("1.2.3.4\n", "1.2.3.4")):
        parsed = parse_host(item)
        assert parsed.host == host and "\n" not in parsed.suffix


@pytest.mark.parametrize(("item", "host"), [
    ("http://127.1/", "127.0.0.1"),  # what a browser makes of these numbers
    ("http://0x7f.1/", "127.0.0.1"),
    ("http://2130706433/", "127.0.0.1"),
    ("http://0300.0250.1.1/login", "192.168.1.1"),
])
def test_numbers_a_browser_reads_as_an_ipv4_address_are_that_address(item: str,
                                                                       host: str) -> None:
    p = parse_host(item)
    assert p.host == host and p.is_ip


def test_a_web_scheme_with_backslashes_leads_where_a_browser_goes() -> None:
    assert parse_host("http:\\\\evil.top\\vcb").host == "evil.top"
    assert parse_host("https:evil.top/x").host == "evil.top"
