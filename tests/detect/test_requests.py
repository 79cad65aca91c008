"""Requests no bank, courier or friend makes: hand over a code, pay to unlock."""

import pytest

import lachan


def names(v: lachan.Verdict) -> set[str]:
    return {s.name for s in v.symbols}


@pytest.mark.parametrize("text", [
    "Toi la nhan vien Vietcombank, ban vui long doc ma OTP vua nhan de xac nhan hoan tien",
    "Bạn ơi cho mình xin mã OTP vừa gửi về máy bạn nhé, mình bấm nhầm số",
    "Em oi, anh nhan nham ma xac nhan gui ve so em, em doc lai giup anh ma 6 so nhe",
    "Em oi gui lai cho anh cai ma otp nhe",
    "Please send me the code you just received, I entered your number by mistake",
])
def test_a_request_to_hand_over_a_code_is_scam(text: str) -> None:
    v = lachan.analyse(text)
    assert "CODE_HANDOVER_REQUEST" in names(v)
    assert v.label == "scam"


@pytest.mark.parametrize("text", [
    "Vietcombank: Quy khach vui long chuyen khoan 5.000.000d vao STK 0011004123456 "
    "Vietcombank de mo khoa tai khoan",
    "Ban da trung thuong iPhone 15, vui long chuyen khoan phi van chuyen 500.000d de nhan qua.",
    "Nhiem vu hoan thanh, ban can nop them 2 trieu de rut tien hoa hong ve tai khoan.",
])
def test_paying_to_unlock_verify_or_collect_is_scam(text: str) -> None:
    v = lachan.analyse(text)
    assert "PAY_TO_UNLOCK" in names(v)
    assert v.label == "scam"


@pytest.mark.parametrize("text", [
    # warnings quote the trick: negated, or an advisory
    "Ngan hang khong bao gio yeu cau quy khach cung cap ma OTP qua dien thoai.",
    "Ma OTP cua quy khach la 123456. Tuyet doi KHONG cung cap ma OTP cho bat ky ai.",
    # the service that sends the code says how it is used
    "TPBank: ma xac nhan la 601730. Viec cung cap ma OTP cho TPBank duoc hieu la quy khach "
    "dong y.",
    "Ma OTP 482913 dung de ky hop dong. Vui long cung cap ma OTP cho giao dich vien.",
    # a delivery code given to the courier at the door
    "Ma xac nhan giao hang cua ban la 4821. Vui long cung cap ma xac nhan cho shipper.",
    # a carrier: top up a prepaid SIM to restore it; a family transfer
    "Quy khach vui long nap tien de kich hoat lai thue bao.",
    "Anh chuyen khoan tien nha thang nay cho em nhe, de em dong tien dien",
])
def test_warnings_and_genuine_notices_carry_no_request(text: str) -> None:
    v = lachan.analyse(text)
    weighed = {s.name for s in v.symbols if s.score}
    assert not {"CODE_HANDOVER_REQUEST", "PAY_TO_UNLOCK"} & weighed
    assert v.label != "scam"


def test_an_advisory_shows_the_request_without_its_prior() -> None:
    v = lachan.analyse("Canh giac: ke gian gia danh nhan vien ngan hang xin ma OTP vua gui "
                       "ve may.")
    shown = {s.name: s.score for s in v.symbols}
    assert shown.get("CODE_HANDOVER_REQUEST") == 0.0
    assert v.label != "scam"


def test_moving_money_to_a_safe_account_for_the_police_is_scam() -> None:
    v = lachan.analyse("Co quan Cong an thong bao ong/ba lien quan den duong day rua tien. De "
                       "chung minh trong sach, de nghi chuyen toan bo so du vao tai khoan tam "
                       "giu cua co quan dieu tra.")
    assert "PAY_TO_UNLOCK" in names(v) and v.label == "scam"


def test_a_third_partys_emergency_with_money_to_send_now_is_scam() -> None:
    v = lachan.analyse("Me oi con bi tai nan dang o benh vien, me chuyen gap 20 trieu vao so "
                       "tai khoan 0123456789 cua bac si giup con.")
    assert "EMERGENCY_MONEY_REQUEST" in names(v) and v.label == "scam"
    own = lachan.analyse("Con bi tai nan nhe thoi, dang o nha roi, me dung lo nhe")
    assert "EMERGENCY_MONEY_REQUEST" not in names(own)
