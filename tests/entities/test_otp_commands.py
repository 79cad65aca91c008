"""OTP codes and SMS command syntaxes."""

from __future__ import annotations

import pytest

from lachan.entities import extract


def kinds(text: str, kind: str) -> list[str]:
    return [e.value for e in extract(text) if e.kind == kind]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ma OTP cua ban la 483920. Khong chia se ma nay cho ai.", "483920"),
        ("483920 la ma xac thuc giao dich cua ban tai Vietcombank", "483920"),
        ("Mã xác nhận: A7K9Q2 (hiệu lực 5 phút)", "A7K9Q2"),
        ("Your verification code is 7731", "7731"),
        ("Nhap code 90817263 de dang nhap", "90817263"),
        ("MÃ OTP: 5566", "5566"),
        ("WhatsApp code 785-857. You can also tap on this link", "785-857"),
        ("G-676873 là mã xác minh Google của bạn.", "G-676873"),
    ],
)
def test_otp(text: str, code: str) -> None:
    assert kinds(text, "otp") == [code]
    assert kinds(text, "account") == []


@pytest.mark.parametrize(
    "text",
    [
        "Nhap code SALE50 giam 50%",  # promotion code after a bare "code"
        "Khong cung cap OTP cho bat ky ai. Hotline 1900 545 413",  # a phone, not a code
        "OTP het han ngay 12/11/2026",  # a date
        "Ma OTP: 12345678901",  # too long
        "Ma OTP gui toi so 091-234-5678",  # a phone number in groups, not a code
    ],
)
def test_not_otp(text: str) -> None:
    assert kinds(text, "otp") == []


@pytest.mark.parametrize(
    ("text", "keyword", "shortcode"),
    [
        ("soạn DK gửi 9029", "DK", "9029"),
        ("Soan tin TC gui 9xxx de tu choi", "TC", "9xxx"),
        ("soan HUY QC gui 789", "HUY QC", "789"),
        ("SMS DK V90 to 9123", "DK V90", "9123"),
        ("Tu choi QC, SOẠN TC GỬI 1234 (mien phi).", "TC", "1234"),
        ('Soạn: "DK DNC" gửi 5656', "DK DNC", "5656"),
        ("nhắn tin theo cú pháp ST5K gui 191", "ST5K", "191"),
    ],
)
def test_sms_command(text: str, keyword: str, shortcode: str) -> None:
    ents = [e for e in extract(text) if e.kind == "sms_command"]
    assert [(e.attrs["keyword"], e.attrs["shortcode"]) for e in ents] == [(keyword, shortcode)]
    assert ents[0].value == f"{keyword} {shortcode}"


def test_command_short_code_is_also_a_phone() -> None:
    ents = extract("[QC] Uu dai: soan DK V90 gui 9029.")
    assert [(e.kind, e.value) for e in ents] == [("sms_command", "DK V90 9029"),
                                                 ("phone", "9029")]
    assert ents[1].attrs["type"] == "shortcode"


def test_no_command_without_the_syntax() -> None:
    assert kinds("Soan bai xong chua, mai nop cho co", "sms_command") == []
    assert kinds("Goi 0912345678 de nhan qua", "sms_command") == []
    assert kinds("Nhanh tay gui 9029 ngay", "sms_command") == []  # "nhanh" is not "nhắn"
