"""The source of an ``S`` report is parsed as what it is, or refused with the syntax."""

from __future__ import annotations

import pytest

from lachan.ingest.sms_gateway import OUTCOMES, parse_command, reply_for


@pytest.mark.parametrize(
    ("text", "source", "kind", "content"),
    [
        ("S http://evil.top/x phishing", "http://evil.top/x", "url", "phishing"),
        ("S https://vcb-xacminh.top/login?id=1 dang nhap", "https://vcb-xacminh.top/login?id=1",
         "url", "dang nhap"),
        ("S (http://evil.top/x)(phishing)", "http://evil.top/x", "url", "phishing"),
        ("S evil.top/x phishing", "evil.top/x", "url", "phishing"),
        ("S vcb-xacminh.top xac minh tai khoan", "vcb-xacminh.top", "domain",
         "xac minh tai khoan"),
        ("S 45.77.10.23 quet mat khau", "45.77.10.23", "ip", "quet mat khau"),
        ('S "Shop ABC" giam gia 50%', "SHOP ABC", "brandname", "giam gia 50%"),
        ("S SHOP.VN giam gia", "SHOP.VN", "brandname", "giam gia"),
        ("S 091.234.56.78 vay tien", "0912345678", "phone", "vay tien"),
        # a defanged link is the link, not a brandname "HXXPS"; an IPv6 host is a host
        ("S hxxps://vcb[.]top lua dao", "https://vcb.top", "url", "lua dao"),
        ("S http://[2001:db8::1]/login gia mao", "http://[2001:db8::1]/login", "url",
         "gia mao"),
        ("S VCB: tin gia", "VCB", "brandname", "tin gia"),  # a colon after a name
    ],
)
def test_links_hosts_and_quoted_names_are_sources(
    text: str, source: str, kind: str, content: str
) -> None:
    cmd = parse_command(text)
    assert (cmd.action, cmd.source, cmd.source_kind, cmd.content) == (
        "report_sms", source, kind, content,
    )


@pytest.mark.parametrize(
    "text",
    [
        "S ' OR 1=1--",  # an unclosed quote names no sender
        "S 999.999.999.999 x",  # neither an IP address nor a phone number
        "S 12345678901234 vay tien",  # digits that are no number
        "S 1=1 abc",
        "S http://localhost/x abc",  # not a public host
        # a scheme that is no web link, a host that is none: never the word before the
        # colon as a brandname ("FTP", "JAVASCRIPT") nor the token as one ("XN--ZZ.COM")
        "S ftp://evil.top spam",
        "S javascript:alert(1) x",
        "S xn--zz.com spam",
        "V 45.77.10.23",  # calls come from numbers only
    ],
)
def test_unusable_sources_are_refused_with_the_syntax(text: str) -> None:
    cmd = parse_command(text)
    assert (cmd.action, cmd.reason) == ("help", "bad_source")
    reply = reply_for(cmd)
    assert reply.startswith("So/ten/link nguoi gui khong hop le.")
    assert "S (so/ten)(noi dung)" in reply and len(reply) <= 160


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("S evil.top/x?id=1 phishing", "url", "http://evil.top/x"),
        ("S NGÂN-HÀNG.vn xac minh", "domain", "xn--ngn-hng-dwao.vn"),
        ("S SHOP.VN giam gia", "brandname", "SHOP.VN"),
        ("V 9029", "phone", "9029"),  # a short code is a phone source of the registry
        ("S +84 912 345 678 vay tien", "phone", "0912345678"),
    ],
)
def test_a_report_carries_its_source_as_the_registry_keeps_it(
    text: str, kind: str, value: str
) -> None:
    cmd = parse_command(text)
    assert cmd.registry_source is not None
    assert (cmd.registry_source.kind, cmd.registry_source.value) == (kind, value)


@pytest.mark.parametrize(
    "text",
    [
        "S x@bad..vn lua dao",  # reads as an address, but its domain has an empty label
        "S http://evil.top:99999/x mo link",  # no such port
    ],
)
def test_sources_the_registry_refuses_are_refused_by_the_parser(text: str) -> None:
    cmd = parse_command(text)
    assert (cmd.action, cmd.reason, cmd.registry_source) == ("help", "bad_source", None)


def test_a_registry_refusal_does_not_hide_missing_content() -> None:
    assert parse_command("S x@bad..vn").reason == "missing_content"


def test_reply_names_a_link_source_readably() -> None:
    reply = reply_for(parse_command("S http://evil.top/x phishing"), ref="C1")
    assert "tu http://evil.top/x." in reply


def test_upgraded_scam_call_reply_says_what_changed() -> None:
    assert "upgraded" in OUTCOMES
    reply = reply_for(parse_command("LD 0987444444"), "upgraded", ref="C12EFE72392")
    assert "0987444444" in reply and "cap nhat thanh cuoc goi lua dao" in reply
    assert "C12EFE72392" in reply and len(reply) <= 160
    assert "truoc do" not in reply  # not "already recorded": it was recorded as a spam call
