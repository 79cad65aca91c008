"""URLs and e-mail addresses in messages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lachan.entities import extract
from lachan.entities.urls import _BARE_IP_URL, _DOTTED_QUAD


def urls(text: str) -> list[str]:
    return [e.value for e in extract(text) if e.kind == "url"]


def test_scam_links_are_found_with_their_host_facts() -> None:
    text = "Vietcombank: TK bi khoa. Xac minh tai vcb-xacminh.top/dang-nhap ngay."
    (url,) = [e for e in extract(text) if e.kind == "url"]
    assert url.value == "http://vcb-xacminh.top/dang-nhap"
    assert url.raw == "vcb-xacminh.top/dang-nhap"
    assert text[url.start : url.end] == url.raw
    assert url.attrs["host"] == "vcb-xacminh.top"
    assert url.attrs["registrable_domain"] == "vcb-xacminh.top"
    assert url.attrs["suffix"] == "top"
    assert url.attrs["is_ip"] is False
    assert url.attrs["shortener"] is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nhan qua tai https://Bit.ly/3xYzAbc!", ["https://bit.ly/3xYzAbc"]),
        ("Vao www.Shopee-KhuyenMai.vip/abc, nhanh len", ["http://www.shopee-khuyenmai.vip/abc"]),
        ("Truy cap shopee-khuyenmai.vip/abc.", ["http://shopee-khuyenmai.vip/abc"]),
        ("Dang nhap vietcombank.com.vn de kiem tra", ["http://vietcombank.com.vn"]),
        ("Link (xem tai abc.com/x_(y)) nhe", ["http://abc.com/x_(y)"]),
        ("HTTP://103.45.67.89:8080/Login", ["http://103.45.67.89:8080/Login"]),
        ("Vao 103.45.67.89/login de nhan", ["http://103.45.67.89/login"]),
        ("Xem việtcombank.vn ngay", ["http://xn--vitcombank-dv3e.vn"]),
        ("Hai link: t.ly/ab va rb.gy/cd", ["http://t.ly/ab", "http://rb.gy/cd"]),
        ("nhan 124K khi d/ky tai:bit.ly/Frw2T5", ["http://bit.ly/Frw2T5"]),  # glued colon
        ("LH:vcb-xacminh.top nhe", ["http://vcb-xacminh.top"]),
    ],
)
def test_url_forms(text: str, expected: list[str]) -> None:
    assert urls(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Gia chi 1.000.000 dong tai TP.HCM, v.v.",
        "Gui file.txt va anh.jpg cho em",
        "Lai suat 2.5tr/thang, phi 0.5%",
        "Hen gap lai.Co gi bao anh nhe",
        "Ths.BS Nguyen Van A, Q.BT, TP.HN",
        "Ok mai.co the di duoc",
        "Version 1.2.3 da phat hanh",
        "uhm.de mai tinh nhe",  # "để" without accents
        "ừ.ba noi roi ma",  # Vietnamese letters glued to a word
        "Q.Ao, c.de",
        "Hop luc 10:30.Co ai den khong",  # a time, not a host after a colon
        "Step and repeat 3x3m.sl 1 chi nhe",  # "sl": số lượng (quantity)
    ],
)
def test_things_that_are_not_links(text: str) -> None:
    assert urls(text) == []


def test_shortener_flag() -> None:
    (url,) = [e for e in extract("Bam cutt.ly/xyz de nhan") if e.kind == "url"]
    assert url.attrs["shortener"] is True
    (url,) = [e for e in extract("Bam https://tinyurl.com/abc") if e.kind == "url"]
    assert url.attrs["shortener"] is True


def test_userinfo_trick_names_the_real_host() -> None:
    (url,) = [e for e in extract("http://vietcombank.com.vn@evil-login.top/x") if e.kind == "url"]
    assert url.attrs["host"] == "evil-login.top"
    assert url.attrs["userinfo"] == "vietcombank.com.vn"


def test_idn_host_attrs() -> None:
    (url,) = [e for e in extract("https://việtcombank.vn/login") if e.kind == "url"]
    assert url.attrs["host"] == "xn--vitcombank-dv3e.vn"
    assert url.attrs["host_unicode"] == "việtcombank.vn"


def test_ip_url() -> None:
    (url,) = [e for e in extract("http://192.168.10.5/admin") if e.kind == "url"]
    assert url.attrs["is_ip"] is True
    assert url.attrs["registrable_domain"] is None


def test_email_is_one_entity_not_a_url() -> None:
    ents = extract("Lien he Hotro.KhachHang@Vietcom-Support.com.vn de duoc giup.")
    assert [(e.kind, e.value) for e in ents] == [
        ("email", "hotro.khachhang@vietcom-support.com.vn")
    ]
    assert ents[0].attrs["domain"] == "vietcom-support.com.vn"
    assert ents[0].attrs["registrable_domain"] == "vietcom-support.com.vn"


def test_not_emails() -> None:
    assert [e.kind for e in extract("Theo doi @shopee_vn tren mang")] == []
    assert [e.kind for e in extract("gui ve abc@localhost nhe")] == []


@given(st.text(alphabet="0123456789./:- abx", max_size=40))
def test_ip_url_pre_check_never_skips_an_ip_url(text: str) -> None:
    """The cheap dotted-quad pre-check must hold wherever the IP-link pattern matches."""
    if _BARE_IP_URL.search(text) is not None:
        assert _DOTTED_QUAD.search(text) is not None


def test_an_order_code_with_dots_is_no_link() -> None:
    # the order code's ".HN." is no Honduran domain: a host has no number label after it
    assert urls("GHTK: Don hang S22871.HN.1234567 se duoc giao hom nay") == []
    assert urls("Xem don tai ghtk.vn. Cam on") == ["http://ghtk.vn"]
    # ...nor is the code with its region alone at the end
    assert urls("GHTK: Đơn hàng S21889.HN của shop sẽ được giao hôm nay") == []
    assert urls("Ma van don B220431.SG, thu ho 245.000d") == []
    # a lower-case host with digits is still one
    assert urls("Vao s21889.hn de nhan qua") == ["http://s21889.hn"]


def test_a_hyphenated_host_that_starts_with_a_digit_is_a_link() -> None:
    # ".me" is also a word, and "3x3m.sl" a measure; "8kbet-vn.me" is a bookmaker's host
    assert urls("Link vao khong bi chan: 8kbet-vn.me") == ["http://8kbet-vn.me"]
    assert urls("kich thuoc 3x3m.sl 1 cai") == []
