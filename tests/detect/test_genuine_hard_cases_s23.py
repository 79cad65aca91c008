"""Genuine messages that share a fraud's words, from a black-box set of hard cases: each
is no longer read as a fraud for the reason that misled the engine, and the fraud it
resembles still is."""

from __future__ import annotations

import pytest

import lachan
from lachan import entities
from lachan.detect.engine import rule_findings


@pytest.mark.parametrize("text", [
    "NNT MST 0312345678 da duoc hoan thue.",
    "SV Tran Huy MSSV: 0912345678 con no hoc phi.",
    "Ma KH 0912 345 678, ky 11/2025.",
])
def test_a_labelled_code_is_no_phone(text: str) -> None:
    assert not [e for e in entities.extract(text) if e.kind == "phone"]


def test_a_phone_still_is_one() -> None:
    assert [e.value for e in entities.extract("lien he 0312 345 678 nhe")] == ["0312345678"]


@pytest.mark.parametrize(("text", "fires"), [
    # the writer pays the deposit
    ("Ban oi minh lay tai nghe nhe, minh ck coc 200k truoc, ban gui COD phan con lai.", False),
    ("Em chot phong 5 nhe, em ck coc 2tr vao TK anh roi, anh gui hop dong qua zalo.", False),
    # the reader is asked to
    ("Phong dep gia re, ban ck coc truoc 2tr de giu phong, chu nha o nuoc ngoai khong xem "
     "duoc.", True),
])
def test_a_deposit_paid_by_the_writer(text: str, fires: bool) -> None:
    assert ("DEPOSIT_FIRST" in rule_findings(text)) is fires


def test_a_mistaken_transfer_returned_through_the_bank() -> None:
    assert "MISTAKEN_TRANSFER_RETURN" not in rule_findings(
        "Chao anh, em chuyen nham 2tr vao TK cua anh sang nay. Anh tra lai em duoc khong a, em "
        "da bao ngan hang tra soat roi, anh tra qua ngan hang cung duoc.")


def test_a_committees_account_is_no_persons() -> None:
    text = ("MTTQ phuong Ben Nghe tiep nhan ung ho dong bao bi thiet hai do bao lu qua TK "
            "0071001234567 Vietcombank UY BAN MTTQ VN PHUONG BEN NGHE.")
    found = rule_findings(text)
    assert "CHARITY_TO_PERSON" not in found and "BILL_TO_PERSONAL_ACCOUNT" not in found
    assert lachan.analyse(text).label != "scam"
    # a person's account for the same appeal still is
    assert "CHARITY_TO_PERSON" in rule_findings(
        "Gia dinh em bi thiet hai do bao lu, moi nguoi ung ho qua TK 0071001234567 "
        "Vietcombank NGUYEN VAN TAM giup em.")


def test_a_draw_approved_by_the_ministry_names_no_sender() -> None:
    text = ("Coca-Cola: Bat nap trung thuong! Ma du thuong tren nap chai nhan xe SH. Nhap tai "
            "cocacola.com.vn. CT duoc Bo Cong Thuong cho phep.")
    found = rule_findings(text)
    assert "AUTHORITY_LINK_NOT_GOV" not in found
    assert "PRIZE_NO_FEE" in found
    # an authority that sends its own link elsewhere still does
    assert "AUTHORITY_LINK_NOT_GOV" in rule_findings(
        "Bo Cong Thuong thong bao: ho kinh doanh cap nhat thong tin tai bocongthuong-vn.top")


@pytest.mark.parametrize("text", [
    # a fraud that opens with the bank's own warning, then asks for the code or the money
    "vietcombank khong bao gio yeu cau khach hang cung cap otp qua dien thoai. quy khach vui "
    "long doc ma otp cho nhan vien ho tro de hoan tat huy dich vu",
    "co quan cong an khong lam viec qua dien thoai, nhung vu viec cua anh can chuyen 30 trieu "
    "vao stk 1234567890 de bao lanh ngay hom nay",
])
def test_what_an_organisation_never_does_is_no_cover_for_a_fraud(text: str) -> None:
    assert "SCAM_WARNING" not in rule_findings(text)
    assert lachan.analyse(text).label == "scam"


def test_the_one_tricked_tells_it() -> None:
    text = ("May oi tao lo doc OTP cho thang goi dien tu nhan la nhan vien ngan hang roi, gio tai "
            "khoan bi rut 15tr. Tao dang o ngan hang khoa the.")
    assert rule_findings(text)["CODE_HANDOVER_REQUEST"].weight == 0.0
