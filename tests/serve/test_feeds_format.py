"""Blocklist feed formats: outputs parse back, and no value can break a line."""

from __future__ import annotations

import csv
import io
import ipaddress
import re
from datetime import UTC, datetime

import idna
import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lachan.serve.feeds_format import (
    CSV_COLUMNS,
    FORMATS,
    FeedEntry,
    adblock_list,
    csv_feed,
    dnsbl_dnset,
    dnsbl_ip4set,
    hosts_file,
    jsonl_feed,
    render,
    rpz_ip_owner,
    rpz_zone,
    valid_hostname,
)

PUNY = idna.encode("mua-bán-gấp.vn", uts46=True).decode("ascii")  # the IDN host, converted
NOW = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
ENTRIES = [
    FeedEntry(
        "vcb-xacthuc.top",
        "domain",
        "blocked",
        0.97,
        "phishing",
        datetime(2026, 11, 20, 3, 0, tzinfo=UTC),
    ),
    FeedEntry("Shopee-KhuyenMai.VIP.", "domain", "listed", 0.81, "scam"),
    FeedEntry("mua-bán-gấp.vn", "domain", "listed", 0.7, "scam"),
    FeedEntry("giaohang-nhanh.click", "domain", "cleared", 0.1),
    FeedEntry("vcb-xacthuc.top", "domain", "listed", 0.9),  # duplicate
    FeedEntry("45.119.82.17", "ip", "blocked", 0.9, "spam"),
    FeedEntry("103.221.220.0/24", "ip", "listed", 0.6),
    FeedEntry("2a01:4f8:c17:1b2::1", "ip", "blocked", 0.8),
    FeedEntry("0912345678", "phone", "blocked", 0.95, "scam"),
    FeedEntry("km@shopee-khuyenmai.vip", "email", "listed", 0.7),
    FeedEntry("evil.top\n@ IN NS attacker.example.", "domain", "blocked"),
    FeedEntry("evil.top; comment", "domain", "blocked"),
    FeedEntry("bad host.vn", "domain", "blocked"),
    FeedEntry("300.1.2.3", "ip", "blocked"),
]


def body_lines(text: str, comment: str) -> list[str]:
    return [line for line in text.splitlines() if line and not line.startswith(comment)]


def test_rpz_zone_parses_back() -> None:
    out = rpz_zone(ENTRIES, origin="rpz.baocaothurac.vn", now=NOW)
    lines = body_lines(out.text, ";")
    assert lines[0] == "$TTL 300"
    soa = re.fullmatch(
        r"@ IN SOA localhost\. hostmaster\.lachan\.local\. \( (\d+) 3600 600 604800 300 \)",
        lines[1],
    )
    assert soa is not None
    # serial = newest updated_at (grows as the registry changes)
    assert int(soa.group(1)) == int(datetime(2026, 11, 20, 3, 0, tzinfo=UTC).timestamp())
    assert lines[2] == "@ IN NS localhost."
    records = [tuple(line.split(" ")) for line in lines[3:]]
    assert all(len(r) == 3 and r[1:] == ("CNAME", ".") for r in records)
    owners = [r[0] for r in records]
    assert owners == [
        "vcb-xacthuc.top",
        "*.vcb-xacthuc.top",
        "shopee-khuyenmai.vip",
        "*.shopee-khuyenmai.vip",
        PUNY,
        f"*.{PUNY}",
        "32.17.82.119.45.rpz-ip",
        "24.0.220.221.103.rpz-ip",
        "128.1.zz.1b2.c17.4f8.2a01.rpz-ip",
    ]
    assert out.written == 6
    assert out.skipped == {"state": 1, "duplicate": 1, "invalid": 4, "unsupported_kind": 2}


@pytest.mark.parametrize(
    ("net", "owner"),
    [
        ("198.51.100.7/32", "32.7.100.51.198.rpz-ip"),
        ("10.0.0.0/8", "8.0.0.0.10.rpz-ip"),
        ("2001:db8::/32", "32.zz.db8.2001.rpz-ip"),
        ("2001:db8:1:2:3:4:5:6/128", "128.6.5.4.3.2.1.db8.2001.rpz-ip"),
        ("::1/128", "128.1.zz.rpz-ip"),
    ],
)
def test_rpz_ip_owner_names(net: str, owner: str) -> None:
    assert rpz_ip_owner(ipaddress.ip_network(net)) == owner


def test_rpz_refuses_a_bad_origin() -> None:
    with pytest.raises(ValueError, match="origin"):
        rpz_zone(ENTRIES, origin="rpz.vn\n@ IN NS x.")


def test_dnsbl_ip4set() -> None:
    out = dnsbl_ip4set(ENTRIES, now=NOW, serial=7)
    lines = body_lines(out.text, "#")
    assert lines[:3] == ["$TTL 300", ":127.0.0.2:Listed by Lachan, see $", "127.0.0.2"]
    assert lines[3:] == ["45.119.82.17", "103.221.220.0/24"]  # (127.0.0.2: RFC 5782's test)
    assert out.skipped["unsupported_kind"] >= 1  # the IPv6 address and non-IP kinds


def test_dnsbl_dnset_lists_domain_and_subdomains() -> None:
    out = dnsbl_dnset(ENTRIES, now=NOW)
    lines = body_lines(out.text, "#")[2:]
    assert lines.pop(0) == "test"  # the test name RFC 5782 asks every domain list for
    assert lines == [
        "vcb-xacthuc.top",
        "*.vcb-xacthuc.top",
        "shopee-khuyenmai.vip",
        "*.shopee-khuyenmai.vip",
        PUNY,
        f"*.{PUNY}",
    ]


def test_hosts_file_and_filter_list() -> None:
    hosts = body_lines(hosts_file(ENTRIES, now=NOW).text, "#")
    assert hosts == ["0.0.0.0 vcb-xacthuc.top", "0.0.0.0 shopee-khuyenmai.vip", f"0.0.0.0 {PUNY}"]
    adblock = adblock_list(ENTRIES, now=NOW, title="Lachan\nINJECTED").text.splitlines()
    assert adblock[0] == "[Adblock Plus 2.0]"
    assert adblock[1] == "! Title: Lachan INJECTED"
    assert [line for line in adblock if not line.startswith(("!", "["))] == [
        "||vcb-xacthuc.top^",
        "||shopee-khuyenmai.vip^",
        f"||{PUNY}^",
    ]


def test_csv_feed_parses_back_with_every_state() -> None:
    out = csv_feed(ENTRIES)
    rows = list(csv.DictReader(io.StringIO(out.text, newline="")))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    values = [(r["value"], r["kind"], r["state"]) for r in rows]
    assert ("giaohang-nhanh.click", "domain", "cleared") in values
    assert ("0912345678", "phone", "blocked") in values
    assert ("shopee-khuyenmai.vip", "domain", "listed") in values  # normalised host
    assert rows[0]["updated_at"] == "2026-11-20T03:00:00Z"
    assert not any("evil" in v for v, _, _ in values)
    assert out.written == len(rows)


def test_jsonl_feed_parses_back() -> None:
    out = jsonl_feed(ENTRIES, states=frozenset({"blocked"}))
    rows = [orjson.loads(line) for line in out.text.splitlines()]
    assert [r["value"] for r in rows] == [
        "vcb-xacthuc.top",
        "45.119.82.17",
        "2a01:4f8:c17:1b2::1",
        "0912345678",
    ]
    assert rows[0] == {
        "value": "vcb-xacthuc.top",
        "kind": "domain",
        "state": "blocked",
        "score": 0.97,
        "category": "phishing",
        "updated_at": "2026-11-20T03:00:00Z",
        "listed": True,
    }


def test_mappings_and_objects_are_accepted_as_entries() -> None:
    class Row:
        value = "spam-host.top"
        kind = "domain"
        state = "blocked"
        score = 0.5
        category = None
        updated_at = None

    out = hosts_file([Row(), {"value": "other.top", "kind": "domain", "state": "listed"}])
    assert body_lines(out.text, "#") == ["0.0.0.0 spam-host.top", "0.0.0.0 other.top"]


def test_render_dispatches_and_refuses_unknown_formats() -> None:
    assert render("adblock", ENTRIES).written == 3
    with pytest.raises(ValueError, match="unknown feed format"):
        render("excel", ENTRIES)


@pytest.mark.parametrize(
    "value",
    [
        "localhost",
        "a..b.vn",
        "-a.vn",
        "a-.vn",
        "a.123",
        "*.a.vn",
        "a.vn/path",
        "http://a.vn",
        "a b.vn",
        "a.vn;",
        "a\u200b.vn\n",
        "x" * 64 + ".vn",
        "a.vn.",
        "",
    ],
)
def test_hostname_validation(value: str) -> None:
    expected = "a.vn" if value == "a.vn." else None
    assert valid_hostname(value) == expected


_LINE_GRAMMAR = {
    "rpz": re.compile(r"(?:\*\.)?[a-z0-9_.-]+ CNAME \.|; .*|\$TTL \d+|@ IN (?:SOA|NS) .*"),
    "dnsbl-ip": re.compile(r"[0-9.]+(?:/\d+)?|# .*|\$TTL \d+|:127\.0\.0\.2:.*"),
    "dnsbl-domain": re.compile(r"(?:\*\.)?[a-z0-9_.-]+|# .*|\$TTL \d+|:127\.0\.0\.2:.*"),
    "hosts": re.compile(r"0\.0\.0\.0 [a-z0-9_.-]+|# .*"),
    "adblock": re.compile(r"\|\|[a-z0-9_.-]+\^|! .*|\[Adblock Plus 2\.0\]"),
}

_VALUES = st.one_of(
    st.text(max_size=40),
    st.from_regex(r"[a-zA-Z0-9.\-_ ;\n*]{1,30}", fullmatch=True),
    st.ip_addresses().map(str),
    st.sampled_from(["a.vn", "xn--80ak6aa92e.com", "ví-dụ.vn", "1.2.3.4/8", "a.vn\r\nb.vn"]),
)
_ENTRIES = st.lists(
    st.builds(
        FeedEntry,
        value=_VALUES,
        kind=st.sampled_from(["domain", "ip", "phone", "email", "url", "brandname", "x"]),
        state=st.sampled_from(["listed", "blocked", "cleared", "x\ny"]),
        score=st.floats(allow_nan=True),
        category=st.one_of(st.none(), st.text(max_size=10)),
    ),
    max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(_ENTRIES)
def test_no_value_can_break_a_line_format(entries: list[FeedEntry]) -> None:
    for fmt, grammar in _LINE_GRAMMAR.items():
        out = render(fmt, entries, now=NOW)
        lines = out.text.split("\n")
        assert lines[-1] == ""
        for line in lines[:-1]:
            assert grammar.fullmatch(line), (fmt, line)
        assert out.written + out.skipped_total >= 0
    rows = list(csv.reader(io.StringIO(csv_feed(entries).text, newline="")))
    assert all(len(row) == len(CSV_COLUMNS) for row in rows)
    jsonl = jsonl_feed(entries)
    assert len(jsonl.text.splitlines()) == jsonl.written
    for line in jsonl.text.splitlines():
        assert set(orjson.loads(line)) == set(CSV_COLUMNS)


def test_every_format_is_tested_for_injection() -> None:
    assert set(FORMATS) == set(_LINE_GRAMMAR) | {"csv", "jsonl"}


def test_blocklists_never_list_a_public_suffix_or_a_loopback_address() -> None:
    # stored before the registry refused them: "com.vn" would block every bank under it,
    # 127.0.0.1 every answer of a resolver that loads the list (RFC 5782)
    entries = [FeedEntry("com.vn", "domain", "blocked"),
               FeedEntry("github.io", "domain", "blocked"),
               FeedEntry("vcb-xacthuc.top", "domain", "blocked"),
               FeedEntry("127.0.0.1", "ip", "blocked"), FeedEntry("0.0.0.0", "ip", "blocked"),
               FeedEntry("45.119.82.17", "ip", "blocked")]
    for feed in (hosts_file, rpz_zone, dnsbl_dnset, dnsbl_ip4set):
        text = feed(entries, now=NOW).text
        assert "com.vn" not in text.replace("vcb-xacthuc", "") and "github.io" not in text
        assert "127.0.0.1" not in text and "\n0.0.0.0\n" not in text
