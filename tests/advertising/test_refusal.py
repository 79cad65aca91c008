"""Recipients' refusal replies and the confirmation the advertiser must send."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lachan.ingest.errors import IngestError
from lachan.ingest.refusal import RefusalError, confirmation_text, parse_refusal
from lachan.rules import DEFAULT_RULES, with_overrides


@pytest.mark.parametrize(
    "reply, keyword, target",
    [
        ("TC", "TC", None),
        ("tc", "TC", None),
        ("  Tc. ", "TC", None),
        ("HUY", "HUY", None),
        ("Hủy", "HUY", None),
        ("huỷ QC", "HUY", None),
        ("TU CHOI", "TU CHOI", None),
        ("Từ chối", "TU CHOI", None),
        ("tuchoi", "TU CHOI", None),
        ("TỪ   CHỐI quảng cáo", "TU CHOI", None),
        ("KHONG", "KHONG", None),
        ("Không", "KHONG", None),
        ("TC SHOPABC", "TC", "SHOPABC"),
        ("tc shopabc", "TC", "SHOPABC"),
    ],
)
def test_refusals(reply: str, keyword: str, target: str | None) -> None:
    got = parse_refusal(reply)
    assert got is not None
    assert (got.keyword, got.target) == (keyword, target)


@pytest.mark.parametrize(
    "reply", ["OK", "cam on", "tcx", "Khong biet ban la ai, dung lam phien toi nua nhe", "DY"]
)
def test_not_refusals(reply: str) -> None:
    assert parse_refusal(reply) is None


def test_keywords_come_from_the_rules_table() -> None:
    rules = with_overrides(DEFAULT_RULES, {"refusal_keywords": ["NGUNG"]})
    assert parse_refusal("Ngừng", rules) is not None
    assert parse_refusal("TC", rules) is None


@pytest.mark.parametrize("reply, why", [("", "empty"), ("   ", "empty"), ("x" * 1001, "over")])
def test_bad_replies(reply: str, why: str) -> None:
    with pytest.raises(RefusalError, match=why):
        parse_refusal(reply)
    assert issubclass(RefusalError, IngestError)


@given(st.text(max_size=80))
def test_parser_never_crashes(reply: str) -> None:
    try:
        got = parse_refusal(reply)
    except RefusalError:
        return
    assert got is None or got.keyword in DEFAULT_RULES.refusal_keywords


def test_confirmation_text() -> None:
    at = datetime(2026, 11, 22, 3, 15, tzinfo=UTC)  # 10:15 in Hanoi
    text = confirmation_text("Cửa hàng ĐẸP", at)
    assert text.isascii()
    assert text.startswith("Cua hang DEP:")
    assert "10:15 22/11/2026" in text
    assert "Ngung gui quang cao tu 10:15 22/11/2026" in text
    assert "[QC]" not in text and "uu dai" not in text.lower()
    with pytest.raises(RefusalError):
        confirmation_text("X", datetime(2026, 11, 22, 3, 15))
