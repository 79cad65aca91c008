"""Bank account numbers: near a bank name or after an account keyword."""

from __future__ import annotations

from importlib import resources

import pytest

from lachan.entities import extract
from lachan.entities.banks import lexicon


def accounts(text: str) -> list[tuple[str, str | None]]:
    return [(e.value, e.attrs.get("bank")) for e in extract(text) if e.kind == "account"]


def test_bundled_lexicons_and_notice_ship_with_the_package() -> None:
    data = resources.files("lachan").joinpath("data")
    assert "MIT License" in data.joinpath("LEXICONS-LICENSE.md").read_text("utf-8")
    lex = lexicon()
    assert lex.by_bin["970436"] == "VCB"
    assert "MOMO" in lex.wallet_codes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chuyen tien vao STK 0071 0001 23456 Vietcombank", [("0071000123456", "VCB")]),
        ("So tai khoan: 19036789123456 (Techcombank)", [("19036789123456", "TCB")]),
        ("Số tài khoản 123456789 ngân hàng Á Châu", [("123456789", "ACB")]),
        ("TK MB Bank 0123456789999 chu TK Tran B", [("0123456789999", "MB")]),
        ("Vietinbank 108869123456 NGUYEN VAN A", [("108869123456", "ICB")]),
        ("account no. 221133445566, BIDV", [("221133445566", "BIDV")]),
        ("nop tien vao tk 88886666 nhe", [("88886666", None)]),
    ],
)
def test_accounts(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert accounts(text) == expected


def test_phone_number_is_not_an_account_near_a_bank_name() -> None:
    ents = extract("Vietcombank: hotline ho tro 0912345678")
    assert [e.kind for e in ents] == ["phone"]


def test_phone_number_after_stk_is_an_account() -> None:
    assert accounts("STK: 0912345678 Vietcombank") == [("0912345678", "VCB")]
    assert [e.kind for e in extract("STK: 0912345678 Vietcombank")] == ["account"]


def test_account_holder_keyword_does_not_swallow_a_later_phone() -> None:
    ents = extract("Chu TK Nguyen Van A. Goi 0912345678 neu can")
    assert [(e.kind, e.value) for e in ents] == [("phone", "0912345678")]


def test_vietnamese_a_c_is_a_greeting_not_an_account_keyword() -> None:
    # "A/C" is "anh/chị" here: the number further on is the seller's phone
    ents = extract("Chao A/C e Ban sim:0979.335.259 gia 800,000d, LH 0964.38.9898")
    assert [(e.kind, e.value) for e in ents if e.kind != "money"] == [
        ("phone", "0979335259"), ("phone", "0964389898")
    ]
    # right before the number it still means an account
    assert accounts("A/C no.: 0912345678") == [("0912345678", None)]


def test_wallet_number_is_both_phone_and_account() -> None:
    ents = extract("Chuyen qua MoMo 0987654321 nhe")
    assert [(e.kind, e.value, e.attrs.get("bank")) for e in ents] == [
        ("phone", "0987654321", None),
        ("account", "0987654321", "MOMO"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ma don hang 4582199 da giao",  # no bank context
        "Vietcombank: so du 12.345.678 VND luc 10:30",  # an amount
        "Vietcombank: ngay 12-11-2026",  # a date
        "Vietcombank giao dich FT26112345678",  # a reference glued to letters
        "Vietcombank BIN 970436",  # the BIN itself
        "Techcombank -2,000,000 VND luc 21/11/2026 09:15",  # a date and a time
        "TK ViettelPay 9704...6789 GD -5.000",  # a masked number
        "The VCB 412345...789 su dung tai",  # a masked card
    ],
)
def test_not_accounts(text: str) -> None:
    assert accounts(text) == []


@pytest.mark.parametrize("text", [
    "Home Credit: Hop dong 3801224567 da duoc giai ngan 15.000.000d vao TK ngan hang cua "
    "Quy khach.",
    "Hợp đồng số: 3801224567 tại Vietcombank đã tất toán.",
    "Don hang 2206118855 thanh toan qua Techcombank thanh cong.",
])
def test_a_contract_or_order_number_beside_a_bank_is_no_account(text: str) -> None:
    assert not [e for e in extract(text) if e.kind == "account"]


def test_an_account_beside_a_contract_number_is_still_found() -> None:
    text = "Hop dong 3801224567: chuyen tien vao STK 0071000123456 Vietcombank."
    assert [e.value for e in extract(text) if e.kind == "account"] == ["0071000123456"]
