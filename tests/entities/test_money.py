"""Money amounts as Vietnamese people write them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lachan.entities import extract


def money(text: str) -> list[tuple[int, str]]:
    return [(e.attrs["amount"], e.attrs["currency"]) for e in extract(text) if e.kind == "money"]


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("Nap 500k nhan qua", 500_000, "VND"),
        ("Vay nhanh 5tr khong the chap", 5_000_000, "VND"),
        ("Thuong 5 triệu cho ban", 5_000_000, "VND"),
        ("Ho tro 2 trieu moi thang", 2_000_000, "VND"),
        ("So du: 1.000.000đ", 1_000_000, "VND"),
        ("Amount 1,000,000 VND credited", 1_000_000, "VND"),
        ("Giai nhat 10 tỷ dong", 10_000_000_000, "VND"),
        ("Phi 50 nghìn", 50_000, "VND"),
        ("Chi 50 ngan thoi", 50_000, "VND"),
        ("Win $100 now", 100, "USD"),
        ("Nhan 100 USD", 100, "USD"),
        ("Luong 1tr5 mot tuan", 1_500_000, "VND"),
        ("Lai 2.5tr/thang", 2_500_000, "VND"),
        ("Tra 1,5 triệu đồng", 1_500_000, "VND"),
        ("Trung 1 tỷ 200 triệu", 1_200_000_000, "VND"),
        ("Con no 2 triệu 500 nghìn đồng", 2_500_000, "VND"),
        ("Phi 10.000d/ngay", 10_000, "VND"),
        ("Gia VNĐ 500.000", 500_000, "VND"),
        ("Tang 20 đô la", 20, "USD"),
        ("Mua 5 củ", 5_000_000, "VND"),
        ("Viec nhe luong 300-500k/ngay", 500_000, "VND"),
    ],
)
def test_amounts(text: str, amount: int, currency: str) -> None:
    assert money(text) == [(amount, currency)]
    (ent,) = [e for e in extract(text) if e.kind == "money"]
    assert ent.value == str(amount)
    assert text[ent.start : ent.end] == ent.raw


@pytest.mark.parametrize(
    "text",
    ["Goi 30 ngay", "Con 30d nua", "Di 500km", "1.000.000", "Ngay 12.11.2026",
     "5 triệu người dùng", "Nhiet do 5 do C", "Phong 2.5"],
)
def test_not_money(text: str) -> None:
    assert money(text) == []


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["k", "K", " nghìn", " ngan"]))
def test_thousands(n: int, unit: str) -> None:
    assert money(f"Chuyen {n}{unit} nhe") == [(n * 1000, "VND")]


@given(st.integers(min_value=1000, max_value=10**12))
def test_grouped_with_dong(n: int) -> None:
    dotted = f"{n:,}".replace(",", ".")
    assert money(f"So tien {dotted}đ") == [(n, "VND")]
    assert money(f"Amount {n:,} VND") == [(n, "VND")]


@given(
    st.integers(min_value=1, max_value=10**30),
    st.sampled_from([("k", 1_000), ("tr", 1_000_000), ("tỷ", 1_000_000_000), ("đ", 1)]),
)
def test_whole_amounts_as_decimal_arithmetic(n: int, unit: tuple[str, int]) -> None:
    # Short numbers take an int path, long ones Decimal: both give what Decimal gives
    # (28 significant digits once multiplied).
    word, factor = unit
    grouped = f"{n:,}".replace(",", ".")
    for written in (str(n), grouped):
        text = f"Chuyen {written}{word} ngay"
        found = money(text)
        if len(str(n)) > 15 and written == str(n):
            continue  # an ungrouped number longer than 15 digits is not read as one
        if word == "đ" and n < 1000 and written == str(n):
            continue  # "30d" style: read as days, not dong, for small plain numbers
        amount = Decimal(written.replace(".", ""))
        if factor != 1:  # a multiplier: Decimal arithmetic, 28 significant digits
            amount *= factor
        expected = int(amount.to_integral_value())
        assert found and found[0][0] == expected, (text, found)
