"""SMS-gateway commands (5656 / 156): parsing and replies."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lachan.ingest.errors import IngestError, MalformedCommand, TooLarge
from lachan.ingest.sms_gateway import (
    MAX_COMMAND_CHARS,
    OUTCOMES,
    REASONS,
    REPLIES,
    Command,
    gsm7_length,
    parse_command,
    reply_for,
    sms_segments,
)


@pytest.mark.parametrize(
    "text",
    [
        "S 0912345678 Vay tien nhanh lai suat 0%",
        "S (0912345678)(Vay tien nhanh lai suat 0%)",
        "s(0912345678) (Vay tien nhanh lai suat 0%)",
        "S [0912345678][Vay tien nhanh lai suat 0%]",
        "S0912345678 Vay tien nhanh lai suat 0%",
        "  S   0912345678    Vay tien nhanh lai suat 0%  ",
        "S: 0912345678, Vay tien nhanh lai suat 0%",
        "S +84912345678 Vay tien nhanh lai suat 0%",
        "S 84912345678 Vay tien nhanh lai suat 0%",
        "S 0912 345 678 Vay tien nhanh lai suat 0%",
        "S 0912.345.678 Vay tien nhanh lai suat 0%",
        "Ｓ　０９１２３４５６７８　Vay tien nhanh lai suat 0%",
        "S (0912345678)(Vay tien nhanh lai suat 0%",
    ],
)
def test_spam_sms_report_in_every_spelling(text: str) -> None:
    cmd = parse_command(text)
    assert cmd.action == "report_sms"
    assert cmd.source == "0912345678"
    assert cmd.source_kind == "phone"
    assert cmd.content == "Vay tien nhanh lai suat 0%"


@pytest.mark.parametrize(
    "text",
    ["S-0912345678-Vay tien nhanh", "S*0912345678*Vay tien nhanh", "S.0912345678.Vay tien nhanh",
     "S:0912345678:Vay tien nhanh", "s （0912345678）（Vay tien nhanh）",
     "S【0912345678】【Vay tien nhanh】", "S (0912345678) - Vay tien nhanh"],
)
def test_separators_between_parts(text: str) -> None:
    cmd = parse_command(text)
    assert (cmd.action, cmd.source, cmd.content) == ("report_sms", "0912345678", "Vay tien nhanh")


def test_content_keeps_its_own_brackets() -> None:
    cmd = parse_command("S (0912345678) Vay 50tr (lai 0%)")
    assert cmd.content == "Vay 50tr (lai 0%)"


def test_brandname_source_is_upper_cased_and_keeps_inner_space() -> None:
    cmd = parse_command("S (Shop ABC)(Sale 50% toan bo cua hang)")
    assert (cmd.action, cmd.source, cmd.source_kind) == ("report_sms", "SHOP ABC", "brandname")
    assert cmd.source_raw == "Shop ABC"
    assert cmd.content == "Sale 50% toan bo cua hang"


def test_content_keeps_vietnamese_diacritics_and_case() -> None:
    cmd = parse_command("S VIETTEL-KM Chúc mừng Quý khách trúng thưởng xe SH")
    assert cmd.source == "VIETTEL-KM"
    assert cmd.content == "Chúc mừng Quý khách trúng thưởng xe SH"


def test_old_eleven_digit_number_is_read_whole_and_converted() -> None:
    cmd = parse_command("S 0162 345 6789 tin rac")
    assert cmd.source == "0323456789"
    assert cmd.source_raw == "0162 345 6789"
    assert cmd.source_kind == "phone"
    assert cmd.content == "tin rac"


def test_short_code_source() -> None:
    cmd = parse_command("S 8077 Dang ky goi cuoc 5000d/ngay")
    assert (cmd.source, cmd.source_kind) == ("8077", "shortcode")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("V 0987654321", ""),
        ("v0987654321 goi lien tuc moi toi chao bao hiem", "goi lien tuc moi toi chao bao hiem"),
        ("V (0987654321)(moi vay von)", "moi vay von"),
    ],
)
def test_spam_call_report_content_is_optional(text: str, content: str) -> None:
    cmd = parse_command(text)
    assert (cmd.action, cmd.source, cmd.content) == ("report_call", "0987654321", content)


def test_call_report_needs_a_number_not_a_brandname() -> None:
    cmd = parse_command("V SHOPEE")
    assert (cmd.action, cmd.reason) == ("help", "bad_source")


@pytest.mark.parametrize(
    "text", ["LD (0912345678)(gia danh cong an yeu cau chuyen tien)",
             "ld(0912345678)(gia danh cong an yeu cau chuyen tien)",
             "Ld 0912345678 gia danh cong an yeu cau chuyen tien"]
)
def test_scam_call_report(text: str) -> None:
    cmd = parse_command(text)
    assert cmd.action == "report_scam_call"
    assert cmd.source == "0912345678"
    assert cmd.content == "gia danh cong an yeu cau chuyen tien"


def test_forward_keeps_the_whole_content() -> None:
    cmd = parse_command("FW Ban da trung thuong 50 trieu, bam http://quatang.vip")
    assert cmd.action == "forward"
    assert cmd.source is None
    assert cmd.content == "Ban da trung thuong 50 trieu, bam http://quatang.vip"


@pytest.mark.parametrize(
    ("text", "action", "scope"),
    [
        ("DK DNC", "dnc_register", "all"),
        ("dk dnc", "dnc_register", "all"),
        ("DKDNC", "dnc_register", "all"),
        ("ĐK DNC", "dnc_register", "all"),
        ("Đăng ký DNC", "dnc_register", "all"),
        ("DK DNC S", "dnc_register", "sms"),
        ("dk dnc s", "dnc_register", "sms"),
        ("DK DNC V", "dnc_register", "call"),
        ("DK DNC (V)", "dnc_register", "call"),
        ("ＤＫ ＤＮＣ Ｓ", "dnc_register", "sms"),
        ("HUY DNC", "dnc_unregister", "all"),
        ("Hủy DNC", "dnc_unregister", "all"),
        ("HỦY DNC S", "dnc_unregister", "sms"),
        ("huy dnc v", "dnc_unregister", "call"),
        ("huydncv", "dnc_unregister", "call"),
        ("  Huỷ  DNC  V. ", "dnc_unregister", "call"),
    ],
)
def test_dnc_commands_and_scopes(text: str, action: str, scope: str) -> None:
    cmd = parse_command(text)
    assert (cmd.action, cmd.scope) == (action, scope)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("Spam qua", "unknown_keyword"),
        ("HUY", "unknown_keyword"),
        ("S", "missing_source"),
        ("S 0912345678", "missing_content"),
        ("S ()", "missing_source"),
        ("FW", "missing_content"),
        ("DK DNC X", "bad_scope"),
        ("DK DNC 123", "bad_scope"),
        ("HELP", "requested"),
        ("Huong dan", "requested"),
    ],
)
def test_unknown_or_malformed_commands_get_help_with_reason(text: str, reason: str) -> None:
    cmd = parse_command(text)
    assert cmd.action == "help"
    assert cmd.reason == reason
    assert cmd.reason_text == REASONS[reason][0]


def test_command_is_frozen_and_serialisable() -> None:
    cmd = parse_command("DK DNC S")
    with pytest.raises(AttributeError):
        cmd.action = "help"  # type: ignore[misc]
    assert cmd.to_dict()["scope"] == "sms"


def test_oversized_and_non_text_input_are_clear_errors() -> None:
    with pytest.raises(TooLarge, match="limit"):
        parse_command("S 0912345678 " + "x" * MAX_COMMAND_CHARS)
    with pytest.raises(MalformedCommand):
        parse_command(b"S 0912345678 abc")  # type: ignore[arg-type]


def test_reply_quotes_the_source_and_reference() -> None:
    cmd = parse_command("S 0912345678 Vay tien nhanh")
    reply = reply_for(cmd, ref="C-7F3A21")
    assert reply.startswith("Cam on ban da phan anh tin nhan rac tu 0912345678.")
    assert "Ma phan anh: C-7F3A21." in reply
    assert "Ma phan anh" not in reply_for(cmd)


def test_dnc_replies_name_the_scope() -> None:
    assert "qua cuoc goi" in reply_for(parse_command("DK DNC V"))
    assert "qua tin nhan va cuoc goi" in reply_for(parse_command("HUY DNC"))
    assert "chua dang ky" in reply_for(parse_command("HUY DNC"), "already")


def test_help_reply_explains_the_syntax() -> None:
    reply = reply_for(parse_command("S 0912345678"))
    assert reply.startswith("Thieu noi dung tin rac.")
    assert "DK DNC" in reply


def test_unknown_outcome_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown outcome"):
        reply_for(parse_command("DK DNC"), "done")


_LONG_SOURCE_COMMANDS = [
    Command(action=action, source="Đ" * 64, source_kind="text", scope=scope, reason=reason)
    for action in ("report_sms", "report_call", "report_scam_call", "forward",
                   "dnc_register", "dnc_unregister", "help")
    for scope in ("all", "sms", "call")
    for reason in REASONS
]


def test_every_reply_is_one_gsm7_segment_and_plain_ascii() -> None:
    assert ("*", "error") in REPLIES
    for cmd in _LONG_SOURCE_COMMANDS:
        for outcome in OUTCOMES:
            reply = reply_for(cmd, outcome, ref="R" * 40 + "ễ")
            assert reply.isascii(), reply
            assert gsm7_length(reply) is not None, reply
            assert len(reply) <= 160, (len(reply), reply)
            assert sms_segments(reply) == 1


def test_sms_segments_counts_gsm7_and_ucs2() -> None:
    assert sms_segments("a" * 160) == 1
    assert sms_segments("a" * 161) == 2
    assert sms_segments("[" * 80) == 1  # extension characters take two septets
    assert sms_segments("[" * 81) == 2
    assert sms_segments("ễ" * 70) == 1
    assert sms_segments("ễ" * 71) == 2


_KEYWORDISH = st.sampled_from(
    ["S", "s", "V", "LD", "FW", "DK DNC", "HUY DNC", "ĐK", "Hủy", "(", ")", "[", "]", " ",
     "0912345678", "+84", "ＤＮＣ", "\u200b", "\n", "@", "."]
)


@settings(max_examples=400)
@given(st.one_of(st.text(max_size=300), st.lists(_KEYWORDISH | st.text(max_size=5)).map("".join)))
def test_parse_command_never_raises_and_always_has_a_reply(text: str) -> None:
    try:
        cmd = parse_command(text)
    except IngestError:
        return
    assert cmd.action in ("report_sms", "report_call", "report_scam_call", "forward",
                          "dnc_register", "dnc_unregister", "help")
    if cmd.action == "help":
        assert cmd.reason in REASONS
    if cmd.action in ("dnc_register", "dnc_unregister"):
        assert cmd.scope in ("sms", "call", "all")
    reply = reply_for(cmd, ref="X1")
    assert gsm7_length(reply) is not None and len(reply) <= 160


@given(st.text(max_size=2 * MAX_COMMAND_CHARS))
def test_parse_command_raises_only_ingest_errors(text: str) -> None:
    try:
        parse_command(text)
    except IngestError as exc:
        assert exc.code in ("too_large", "malformed_command")
        assert len(text) > MAX_COMMAND_CHARS
