"""Forwarded spam e-mail: finding the original and refusing hostile input."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lachan.ingest.eml import (
    MAX_CONTAINERS,
    MAX_DEPTH,
    MAX_HEADER_BYTES,
    ForwardedEmail,
    first_external_ip,
    parse_forwarded,
)
from lachan.ingest.errors import IngestError, MalformedEmail, TooLarge

FIXTURES = Path(__file__).parent / "fixtures"


def load(name: str) -> ForwardedEmail:
    return parse_forwarded((FIXTURES / name).read_bytes())


def test_attached_original_is_preferred_and_fully_read() -> None:
    mail = load("attached_rfc822.eml")
    assert mail.mode == "attachment"
    assert mail.from_addr == "no-reply@vcb-alert.top"  # domain lower-cased
    assert mail.from_name == "Thông báo từ Vietcombank"
    assert mail.reply_to == ("hotro.vcb@gmail.com", "khachhang@vcb-alert.top")
    assert mail.return_path == "bounce-7731@mailer.vcb-alert.top"
    assert mail.subject == "Tài khoản của Quý khách bị tạm khóa"
    assert mail.date == datetime(2026, 11, 17, 19, 40, 15, tzinfo=timezone(timedelta(hours=7)))
    assert mail.message_id == "<20261117124015.5C2A1@smtp.vcb-alert.top>"
    assert mail.forwarded_by == "tran.thi.binh@yahoo.com.vn"
    assert mail.forwarder_note == "Em nhan duoc thu nay, gia mao ngan hang."


def test_first_external_hop_skips_internal_relays() -> None:
    # top hop is from 10.12.3.4 (private); the next one is the sender's server
    assert load("attached_rfc822.eml").received_ip == "45.119.82.17"


def test_urls_from_text_and_href_without_scripts_mailto_or_javascript() -> None:
    mail = load("attached_rfc822.eml")
    assert mail.urls == ("https://vcb-alert.top/xac-thuc",)
    assert mail.text.startswith("Kính gửi Quý khách, tài khoản sẽ bị khóa.")


def test_gmail_inline_forward_block() -> None:
    mail = load("gmail_inline_forward.eml")
    assert mail.mode == "inline"
    assert mail.from_addr == "thongbao@vietcombank-xacthuc.top"
    assert mail.from_name == "Vietcombank"
    assert mail.subject == "Tai khoan cua quy khach bi tam khoa"
    assert mail.date == datetime(2026, 11, 16, 9, 12, tzinfo=timezone(timedelta(hours=7)))
    assert mail.forwarded_by == "nguyen.van.an.1987@gmail.com"
    assert mail.forwarder_note == "Tin nhắn lừa đảo, nhờ kiểm tra giúp."
    assert mail.urls == (
        "https://vietcombank-xacthuc.top/dang-nhap?id=88231",
        "www.vcb-hotro.online",
    )
    assert mail.text.startswith("Kinh gui Quy khach,")
    assert "Forwarded message" not in mail.text
    assert mail.received_ip is None  # an inline forward carries no Received headers


def test_outlook_html_forward_with_vietnamese_labels() -> None:
    mail = load("outlook_vi_inline.eml")
    assert mail.mode == "inline"
    assert mail.from_addr == "uudai@shopee-khuyenmai.vip"  # from "[mailto:...]"
    assert mail.subject == "Ban nhan duoc qua tang 5.000.000d"
    assert mail.date == datetime(2026, 11, 17, 21, 5, tzinfo=timezone(timedelta(hours=7)))
    assert mail.urls == ("http://shopee-khuyenmai.vip/nhan-qua",)
    assert mail.text == "Nhan qua tai day truoc 24h."
    assert mail.forwarded_by == "chau.le@congty-abc.vn"


def test_attached_eml_file_is_opened() -> None:
    mail = load("attached_eml_file.eml")
    assert mail.mode == "attachment"
    assert mail.from_addr == "vay@vaytien-247.click"
    assert mail.subject == "Vay 50 trieu khong the chap"
    assert mail.urls == ("https://vaytien-247.click/dang-ky",)
    assert "0912345678" in mail.text


def test_direct_message_with_unknown_charset_and_latin1_body() -> None:
    mail = load("direct_latin1.eml")
    assert mail.mode == "direct"
    assert mail.forwarded_by is None
    assert mail.from_addr == "sale@khuyenmai-sieusale.xyz"
    assert mail.subject is not None and mail.subject.startswith("Gi")
    assert mail.text.startswith("Giám giá 50% hôm nay!")
    assert mail.date is None and mail.date_raw == "not a date at all"
    assert mail.received_ip == "2a01:4f8:c17:1b2::1"
    assert mail.urls == ("www.khuyenmai-sieusale.xyz/deal",)


def test_pasted_raw_headers_in_the_body_are_read() -> None:
    raw = (
        b"From: an@example.vn\r\nTo: baocao@baocaothurac.vn\r\nSubject: spam\r\n\r\n"
        b"Return-Path: <x@spam-host.top>\r\n"
        b"Received: from spam-host.top (spam-host.top [103.221.220.9])\r\n"
        b"\tby mx.example.vn; Fri, 20 Nov 2026 03:00:00 +0000\r\n"
        b"From: Khuyen mai <km@spam-host.top>\r\n"
        b"Subject: Trung thuong\r\n\r\n"
        b"Ban trung thuong iPhone, nhan tai http://spam-host.top/qua\r\n"
    )
    mail = parse_forwarded(raw)
    assert mail.mode == "inline"
    assert mail.from_addr == "km@spam-host.top"
    assert mail.return_path == "x@spam-host.top"
    assert mail.received_ip == "103.221.220.9"
    assert mail.text == "Ban trung thuong iPhone, nhan tai http://spam-host.top/qua"


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (["from a (a [127.0.0.1]) by b", "from c (c [8.8.4.4]) by d"], "8.8.4.4"),
        (["from a ([IPv6:2001:db8::1]) by b", "from c ([IPv6:2a00:1450:4864::52]) by d"],
         "2a00:1450:4864::52"),
        (["from a (a [100.64.1.1]) by b (b [1.1.1.1])"], None),  # 'by' side is not a hop
        (["from x (HELO by.spam.top) (x [91.203.5.146])\n\tby mx.vn"], "91.203.5.146"),
        (["from x (x [172.16.5.5]) by y", "from z (z [169.254.1.1]) by w"], None),
        ([], None),
    ],
)
def test_first_external_ip(received: list[str], expected: str | None) -> None:
    assert first_external_ip(received) == expected


def _nested(depth: int) -> bytes:
    head = b"From: a@b.vn\r\nSubject: deep\r\nMIME-Version: 1.0\r\n"
    body = b"Content-Type: text/plain\r\n\r\nbottom\r\n"
    for level in range(depth):
        boundary = f"b{level}".encode()
        body = (
            b'Content-Type: multipart/mixed; boundary="' + boundary + b'"\r\n\r\n--'
            + boundary + b"\r\n" + body + b"--" + boundary + b"--\r\n"
        )
    return head + body


def test_moderate_nesting_is_accepted() -> None:
    assert parse_forwarded(_nested(MAX_DEPTH - 1)).text.strip() == "bottom"


@pytest.mark.parametrize("depth", [MAX_DEPTH + 2, MAX_CONTAINERS + 5, 5_000])
def test_deep_nesting_is_refused(depth: int) -> None:
    with pytest.raises(TooLarge, match="nesting|containers"):
        parse_forwarded(_nested(depth))


def test_thousands_of_parts_are_refused_before_parsing() -> None:
    raw = b'From: a@b.vn\r\nContent-Type: multipart/mixed; boundary="p"\r\n\r\n'
    raw += b"--p\r\nContent-Type: text/plain\r\n\r\nx\r\n" * 20_000 + b"--p--\r\n"
    with pytest.raises(TooLarge, match="more than 500 MIME parts"):
        parse_forwarded(raw)


def test_huge_header_block_is_refused() -> None:
    raw = b"From: a@b.vn\r\nX-Pad: " + b"a" * (MAX_HEADER_BYTES + 10) + b"\r\n\r\nbody"
    with pytest.raises(TooLarge, match="header"):
        parse_forwarded(raw)


def test_many_headers_in_a_part_are_refused() -> None:
    part_headers = b"".join(b"X-H%d: %s\r\n" % (i, b"v" * 200) for i in range(2_000))
    raw = (
        b'From: a@b.vn\r\nContent-Type: multipart/mixed; boundary="q"\r\n\r\n--q\r\n'
        + part_headers + b"\r\nbody\r\n--q--\r\n"
    )
    with pytest.raises(TooLarge, match="headers"):
        parse_forwarded(raw)


def test_total_size_limit() -> None:
    raw = b"From: a@b.vn\r\n\r\n" + b"x" * 2_000
    with pytest.raises(TooLarge, match="limit is 1,000 bytes"):
        parse_forwarded(raw, max_bytes=1_000)


@pytest.mark.parametrize(
    "raw",
    [b"", b"   \r\n", b"\x00\x01\x02 binary", b"just some text without headers\n", b"\xff\xfe"],
)
def test_not_an_email_is_malformed(raw: bytes) -> None:
    with pytest.raises(MalformedEmail):
        parse_forwarded(raw)


def test_non_bytes_input_is_malformed() -> None:
    with pytest.raises(MalformedEmail, match="bytes"):
        parse_forwarded("From: a@b.vn\n\nhi")  # type: ignore[arg-type]


def test_broken_mime_and_invalid_base64_still_give_a_result() -> None:
    raw = (
        b'From: =?utf-8?B?!!notbase64?= <a@spam.top>\r\nSubject: =?bogus?Q?x?=\r\n'
        b'Content-Type: multipart/mixed; boundary="zz"\r\n\r\n--zz\r\n'
        b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        b"@@@not base64@@@\r\n--zz\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        b'<a href="http://spam.top/\xff\xfe">\xc3\x28 broken utf-8</a>'  # no closing boundary
    )
    mail = parse_forwarded(raw)
    assert mail.from_addr == "a@spam.top"
    assert mail.defects  # the parser's findings are reported


_SCAM_ORIGINAL = (b"From: scam@evil.tk\r\nSubject: Trung thuong\r\n\r\n"
                  b"Ban trung thuong, vao http://evil.tk/nhan\r\n")


def _forward_attaching(body: bytes, encoding: bytes) -> bytes:
    return (b"From: fwd@x.vn\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\n"
            b"Content-Type: text/plain\r\n\r\nsee attached\r\n--XX\r\n"
            b"Content-Type: message/rfc822\r\nContent-Transfer-Encoding: " + encoding
            + b"\r\n\r\n" + body + b"\r\n--XX--\r\n")


@pytest.mark.parametrize("encoding", [b"base64", b"quoted-printable"])
def test_attached_original_sent_encoded_is_decoded(encoding: bytes) -> None:
    import base64
    import quopri

    body = (base64.encodebytes(_SCAM_ORIGINAL) if encoding == b"base64"
            else quopri.encodestring(_SCAM_ORIGINAL))
    mail = parse_forwarded(_forward_attaching(body, encoding))
    assert (mail.mode, mail.from_addr, mail.forwarded_by) == ("attachment", "scam@evil.tk",
                                                              "fwd@x.vn")
    assert mail.urls == ("http://evil.tk/nhan",)


def test_attached_original_in_broken_base64_is_malformed() -> None:
    with pytest.raises(MalformedEmail, match="not valid base64"):
        parse_forwarded(_forward_attaching(b"%%%%brokenbase64%%%%", b"base64"))


_HEADER_NAMES = st.sampled_from(
    [b"From", b"To", b"Subject", b"Received", b"Content-Type", b"Reply-To", b"Return-Path",
     b"Date", b"Content-Transfer-Encoding", b"Content-Disposition"]
)
_HEADER_VALUES = st.one_of(
    st.binary(max_size=60),
    st.sampled_from([b"multipart/mixed; boundary=x", b"message/rfc822", b"base64",
                     b"=?utf-8?B?w6A=?=", b"from a ([8.8.8.8]) by b", b"attachment; filename=a.eml",
                     b"<a@b.vn>", b"text/html; charset=x-bad"]),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(_HEADER_NAMES, _HEADER_VALUES), max_size=8),
    st.lists(st.one_of(st.binary(max_size=80),
                       st.sampled_from([b"--x", b"--x--", b"\r\n", b"From: z@y.vn",
                                        b"---------- Forwarded message ---------",
                                        b"<a href='http://a.vn'>", b"Subject: s"])),
             max_size=12),
)
def test_parse_forwarded_raises_only_ingest_errors(
    headers: list[tuple[bytes, bytes]], body: list[bytes]
) -> None:
    raw = b"".join(n + b": " + v + b"\r\n" for n, v in headers) + b"\r\n" + b"\r\n".join(body)
    try:
        mail = parse_forwarded(raw)
    except IngestError:
        return
    assert mail.mode in ("attachment", "inline", "direct")
    assert all(len(u) <= 2048 and " " not in u for u in mail.urls)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_raise_only_ingest_errors(raw: bytes) -> None:
    try:
        parse_forwarded(raw)
    except IngestError:
        pass


_FIXTURE_BYTES = [p.read_bytes() for p in sorted(FIXTURES.glob("*.eml"))]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_FIXTURE_BYTES),
    st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 200), st.binary(max_size=12)),
             min_size=1, max_size=4),
)
def test_damaged_real_looking_mail_raises_only_ingest_errors(
    raw: bytes, edits: list[tuple[int, int, bytes]]
) -> None:
    data = bytearray(raw)
    for at, cut, insert in edits:
        at %= len(data) + 1
        data[at:at + cut] = insert
    try:
        parse_forwarded(bytes(data))
    except IngestError:
        pass
