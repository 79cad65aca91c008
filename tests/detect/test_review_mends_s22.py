"""Genuine messages that the first version of this stop's rules read as fraud (found in
review): each must stay free of the finding named."""

from __future__ import annotations

import pytest

from lachan.detect.engine import rule_findings
from lachan.entities import extract


@pytest.mark.parametrize(("name", "text"), [
    ("ACCUSED_BY_PHONE", "Bao Tuoi Tre: Cuu chu tich xa lien quan den vu an tham o dat dai se bi "
                         "khoi to trong tuan toi."),
    ("ACCUSED_BY_PHONE", "Van phong luat: ho so lien quan den vu an tranh chap dat dai cua anh "
                         "da nop. Luat su se lam viec qua dien thoai voi anh chieu nay."),
    ("MISSED_CALL_ABROAD", "Me oi con co cuoc goi nho cua me, me goi lai cho con theo so "
                           "+61 412 345 678 nhe."),
    ("SIM_SERIAL_COMMAND", "So seri sim cua em la 8984 0480 0012 3456 789, anh gui giup em cho "
                           "cua hang de lam lai sim nhe."),
    ("RELEASE_FROM_CUSTODY_FEE", "Chau dang o don cong an phuong de lam can cuoc, chieu moi "
                                 "duoc ve. Co chuyen 200k tien an trua cho chau nhe."),
    ("EXTORTION_THREAT", "Video ghep ky niem dam cuoi xong roi, co dau chu re chuyen not 2tr "
                         "cho studio nhe, ban full se gui cho gia dinh ca hai ben."),
    ("PAY_TO_UNLOCK", "Chuc mung em duoc nhan hoc bong khuyen khich hoc tap. Le phi lam the ATM "
                      "50k nop tai phong CTSV. Thac mac lien he qua Zalo phong CTSV."),
    ("LINKS_OWN_SITE", "Canh bao: Tai khoan VNeID cua ban se bi khoa. Cap nhat ngay tai "
                       "canhbao.info de tranh bi khoa."),
    ("PRIZE_NO_FEE", "khachhang: Chuc mung quy khach da trung giai dac biet 50.000.000d, khong "
                     "thu bat ky khoan phi nao. Nhan giai tai khachhang.org truoc 24h."),
    ("PRIZE_NO_FEE", "Ma du thuong cua ban chinh la so dien thoai 0912345678 cua ban. Hoa don tu "
                     "300k nhan 1 luot quay so trung 20 trieu. Xac nhan tai 0987654321."),
])
def test_the_genuine_or_fraudulent_look_alike_gets_no_such_finding(name: str, text: str) -> None:
    assert name not in rule_findings(text)


def test_an_account_written_after_into_the_contract_number_is_still_an_account() -> None:
    text = ("Quy khach chuyen phi bao hiem khoan vay vao so hop dong 0451000988 tai Vietcombank "
            "ten NGUYEN VAN A.")
    assert [e.value for e in extract(text) if e.kind == "account"] == ["0451000988"]
