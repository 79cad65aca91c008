"""Mends from reading the misses of black-box set R1 (written 2026-12-08 by a helper who
read neither the code nor the public data): each fraud form is caught for the reason
named, and the genuine message beside it is not."""

from __future__ import annotations

import pytest

import lachan
from lachan.detect.engine import rule_findings


@pytest.mark.parametrize(("text", "fires"), [
    # the reader missed the writer's call: no excuse, and the account is the writer's own
    ("Anh oi em di an cuoi quen vi, anh chuyen giup em 300k vao tk em nhe, em goi anh ma "
     "anh khong nghe may.", False),
    ("Chi oi em goi chi may lan ma chi k nghe, ck giup em 200k vao tai khoan em voi, toi "
     "em gui lai.", False),
    # the writer's own excuse still counts, with or without the missed call
    ("Chi oi em goi chi ma chi khong nghe may, em dang bi khoa app, chuyen giup em 3tr vao "
     "tk nay 190345678912 ten Nguyen Thi Thu nhe.", True),
    ("Anh oi em dang hop khong nghe may duoc, chuyen giup em 5tr vao stk nay 0123456789 "
     "Vietcombank Tran Van Hung, toi em tra.", True),
])
def test_a_missed_call_of_the_writers_is_no_excuse(text: str, fires: bool) -> None:
    assert ("THIRD_PARTY_TRANSFER" in rule_findings(text)) is fires


@pytest.mark.parametrize(("text", "fires"), [
    ("Trung tam ngoai ngu ABC thong bao hoan 60% hoc phi do lop tam dung. Vui long cai ung "
     "dung ABCRefund va dang nhap ngan hang de nhan tien hoan.", True),
    ("Hang bay thong bao chuyen bay bi huy, quy khach duoc hoan tien. Tai app HoanVe, dang "
     "nhap internet banking de nhan lai tien trong ngay.", True),
    # the shop's refund that warns against exactly that
    ("Don hoan tien cua ban da duoc duyet. Khong cai ung dung la, khong dang nhap ngan hang "
     "o noi khac, tien se ve tai khoan trong 3 ngay.", False),
    # an app, no link and no bank login: the shop's own app
    ("Cai ung dung ShopNho va dang nhap de theo doi don hoan tien cua ban.", False),
])
def test_a_refund_that_asks_for_the_bank_login(text: str, fires: bool) -> None:
    assert ("REFUND_BY_APP" in rule_findings(text)) is fires


def test_a_monthly_dividend_for_a_stake() -> None:
    fraud = ("Du an trang trai sau rieng: gop 10 trieu nhan co tuc 1 trieu moi thang, gioi "
             "thieu them nguoi duoc thuong 5%.")
    assert "GUARANTEED_RETURNS" in rule_findings(fraud)
    # a company's yearly dividend is no monthly return
    genuine = "Cong ty thong bao chia co tuc nam 2025 ty le 12% bang tien cho co dong."
    assert "GUARANTEED_RETURNS" not in rule_findings(genuine)


def test_a_child_warning_the_parent_of_the_same_message() -> None:
    warning = ("Me oi, tren mang dang co tro nhan tin \"con dang cap cuu can chuyen tien "
               "gap\". Neu co ai nhan nhu vay thi me goi truc tiep cho con truoc nhe, dung "
               "chuyen khoan gi ca.")
    assert lachan.analyse(warning).label != "scam"
    fraud = ("Me oi con dang cap cuu o benh vien, can chuyen tien gap 15tr vao stk "
             "0451000988 cua bac si Tran Van Nam de mo, me chuyen ngay nhe.")
    assert lachan.analyse(fraud).label == "scam"


@pytest.mark.parametrize(("text", "fires"), [
    # a holder whose name folds to an organisation's word ("Lo Van Phong": "van phong")
    ("Quy Nhan Ai keu goi ung ho chau be bi ung thu mau, moi dong gop xin gui STK 0123 9988 "
     "7766 Agribank - LO VAN PHONG. Xin cam on!", True),
    ("Keu goi ung ho gia dinh bi chay nha, STK 1903 4567 8912 Techcombank LUU THI HANG.", True),
    # an office's own account stays a body's
    ("Keu goi ung ho dong bao vung lu, STK 1903 4567 8912 Vietcombank VAN PHONG HOI CHU THAP "
     "DO TINH.", False),
])
def test_a_charity_appeal_paid_to_a_person(text: str, fires: bool) -> None:
    assert ("CHARITY_TO_PERSON" in rule_findings(text)) is fires


@pytest.mark.parametrize(("name", "fires", "text"), [
    # a threat's condition is a demand, and "chi can" (only need) opens a clause
    ("APK_LINK", True, "Tai khoan cua ban se bi khoa neu khong cai dat file apk tai link sau"),
    ("APK_LINK", True, "Khong can ra co quan chi can tai app tai link apk nay de nhan ho tro"),
    ("APK_LINK", False, "Khong cai dat file .apk tu link la"),
    # "em"/"con" who missed a call is mostly the writer, and "duoc" makes it an excuse
    ("THIRD_PARTY_TRANSFER", True, "Me goi con nhung con k nghe may duoc, me chuyen giup con "
     "5 trieu vao STK 0123456789 Nguyen Van Hung nhe"),
    ("THIRD_PARTY_TRANSFER", True, "Chi goi em ma em khong nghe may duoc, chi chuyen giup em "
     "3tr vao STK 0123456789 Nguyen Van Hung nhe"),
    # a body's name holding a surname ("MAT TRAN") or "TONG CONG TY" is no person
    ("CHARITY_TO_PERSON", False, "Keu goi ung ho dong bao bi lu lut. Moi dong gop xin gui ve "
     "STK 0011001234567 Vietcombank MAT TRAN TO QUOC TINH QUANG BINH"),
    ("CHARITY_TO_PERSON", False, "Keu goi ung ho dong bao bi lu lut. Moi dong gop xin gui ve "
     "STK 0011001234567 Vietcombank TONG CONG TY BUU DIEN VIET NAM"),
    # a fallback offered in good faith is no threat
    ("MISTAKEN_TRANSFER_RETURN", False, "Minh chuyen nham 2tr vao tk ban. Minh da bao ngan hang "
     "tra soat, neu khong duoc thi ban chuyen lai giup minh vao STK 0123456789 nhe"),
    ("MISTAKEN_TRANSFER_RETURN", True, "Em chuyen nham 2tr vao tk anh, anh chuyen lai giup em "
     "vao STK 0123456789, neu khong chuyen lai em se tra soat va bao cong an"),
])
def test_review_mends(name: str, fires: bool, text: str) -> None:
    assert (name in rule_findings(text)) is fires
