"""Frauds whose pretext gives them away: each fires on the fraud, stays silent on the
genuine message most like it, and counts for nothing in a warning that quotes it."""

from __future__ import annotations

import pytest

import lachan
from lachan.detect.engine import rule_findings
from lachan.detect.pretexts import PRETEXT_PRIOR, SYMBOLS

NAMES = {name for name, _ in SYMBOLS}


def pretexts(text: str) -> dict[str, float]:
    found = rule_findings(text)
    return {name: f.weight for name, f in found.items() if name in NAMES}


@pytest.mark.parametrize(("name", "text"), [
    ("KEYPRESS_TO_AGENT", "MobiFone thông báo: số thuê bao của quý khách sẽ bị tạm ngưng do "
                          "chưa cập nhật thông tin. Nhấn phím 1 để kết nối tổng đài viên."),
    ("KEYPRESS_TO_AGENT", "Buu cuc Ha Dong: ban co giay moi cua Vien kiem sat chua nhan, "
                          "bam phim 0 de gap can bo xu ly"),
    ("KEYPRESS_TO_AGENT", "Your card has been suspended. Press 1 to speak to a fraud officer."),
    ("INHERITANCE_CLAIM", "Toi la luat su cua ba Tran Thi Mai, Viet kieu Uc da mat, khong co "
                          "nguoi thua ke. Ong duoc de nghi nhan khoan 1,8 trieu USD, vui long "
                          "phan hoi kem anh CCCD."),
    ("INHERITANCE_CLAIM", "Attention: as next of kin of our late client you are entitled to "
                          "USD 6.2 million. Reply with your full name and phone number."),
    ("TECH_SUPPORT_CALL", "Apple iCloud warning: your iPhone is infected with a virus and your "
                          "photos will be deleted. Call support now on +1 844 555 0199."),
    ("TECH_SUPPORT_CALL", "Canh bao: may tinh cua ban da bi nhiem ma doc, du lieu ngan hang co "
                          "the bi lo. Goi ngay ky thuat vien Microsoft 0965 112 334."),
    ("OVERSEAS_JOB_LURE", "Tuyen nv chat online lam viec tai Campuchia, luong 1200 USD, bao an "
                          "o, co xe dua don, khong can kinh nghiem"),
    ("OVERSEAS_JOB_LURE", "Việc nhẹ lương cao bên Myanmar, bao vé máy bay, ai cần ib mình."),
    ("SPIRITUAL_FEE", "Con oi nha con dang bi vong theo nen lam an khong len, thay lap dan "
                      "giai han cho, le phi 5 trieu, chuyen khoan truoc nhe"),
    ("QR_TO_RECEIVE", "Anh quét mã QR này để nhận lại tiền hoàn cho đơn bị hủy nhé"),
    ("QR_TO_RECEIVE", "c cu nhap ma pin vao la tien ve tai khoan lien nha"),
    ("MILITARY_EXEMPTION_SALE", "Nhận lo miễn nghĩa vụ quân sự, trọn gói 30 triệu, bảo đảm "
                                "không phải đi, liên hệ 0912 004 771"),
    ("MILITARY_EXEMPTION_SALE", "Ban CHQS xa: con anh co ten gọi nhap ngu, muon tam hoan thi "
                                "nop le phi 12tr cho dong chi Tuan"),
    ("PAYMENT_DIVERTED", "Khach san Hoa Mai: he thong thanh toan dang bao tri, quy khach vui "
                         "long chuyen khoan tien phong vao STK 0071001234567 Vietcombank"),
    ("ACCOUNT_CHANGE_PAYMENT", "Dear customer, our bank account has changed. Please remit the "
                               "outstanding invoice to the new account below."),
])
def test_the_pretext_is_found_with_its_prior(name: str, text: str) -> None:
    assert pretexts(text).get(name) == PRETEXT_PRIOR


@pytest.mark.parametrize("text", [
    # an IVR menu described by the sender's own hotline help, with no operator to reach
    "Để tra cứu cước, gọi 18001091 và nhấn phím 2 theo hướng dẫn.",
    # a notary's genuine note about an inheritance, no fortune from abroad
    "Văn phòng công chứng hẹn anh chị 9h thứ hai ký văn bản thỏa thuận phân chia di sản "
    "thừa kế, mang theo CCCD.",
    # a real antivirus notice with no number to call
    "Windows Security: virus definitions updated. No action is needed.",
    # a genuine labour-export firm in Japan, not across the border
    "Tuyen ky su di Nhat Ban, luong 35tr, phong van ngay 12/12 tai cong ty.",
    # a pagoda's ceremony, no curse, no fee
    "Chùa Phúc Lâm tổ chức lễ cầu an đầu năm vào mùng 8 tháng Giêng, kính mời phật tử.",
    # a QR to pay, not to receive
    "Quý khách quét mã QR trên hóa đơn để thanh toán tiền điện tháng 11.",
    # a call-up notice, no fee, no exemption for sale
    "Ban CHQS phuong thong bao: cong dan sinh nam 2006 co mat kham tuyen nghia vu quan su "
    "ngay 10/12.",
    # a system down, and no account to pay into
    "He thong thanh toan dang bao tri tu 0h den 2h, quy khach vui long giao dich sau.",
    # a supplier's new address, no invoice to pay
    "Our office has moved; our new account manager will contact you next week.",
])
def test_the_genuine_message_most_like_it_gets_none(text: str) -> None:
    assert pretexts(text) == {}


def test_a_warning_that_quotes_the_script_gets_no_prior() -> None:
    text = ("Cảnh báo lừa đảo: đối tượng gọi điện báo thuê bao sắp bị khóa và yêu cầu nhấn phím "
            "1 để gặp tổng đài viên. Không làm theo.")
    assert pretexts(text).get("KEYPRESS_TO_AGENT") == 0.0


def test_the_verdict_turns_to_scam() -> None:
    v = lachan.analyse("Viettel thông báo: thuê bao của quý khách chưa chuẩn hóa thông tin và "
                       "sẽ bị khóa 2 chiều sau 24h. Bấm phím 1 để gặp tổng đài viên hỗ trợ.")
    assert v.label == "scam"
    assert "KEYPRESS_TO_AGENT" in {s.name for s in v.symbols}


@pytest.mark.parametrize("text", [
    "Thông báo cư dân: phí gửi xe thanh toán qua mã QR dán ở thang máy. Sau khi quét, nhập số "
    "thẻ ngân hàng và mã OTP để kích hoạt trừ tiền tự động.",
    "Unpaid toll: scan the QR code on the notice and enter your card details today to avoid a "
    "penalty.",
])
def test_a_qr_that_leads_to_card_details_is_quishing(text: str) -> None:
    assert pretexts(text).get("QR_TO_CARD_FORM") == PRETEXT_PRIOR


def test_a_qr_to_pay_at_the_till_is_no_quishing() -> None:
    assert pretexts("Quét mã QR tại quầy để thanh toán, không cần nhập thẻ.") == {}


def test_a_long_excuse_for_the_broken_gateway_still_counts() -> None:
    text = ("Kính gửi phụ huynh, do hệ thống thu học phí của nhà trường đang bảo trì, phụ huynh "
            "chuyển khoản 980.000đ vào STK 0071 003 224 551 (cô Hạnh) trong hôm nay.")
    assert pretexts(text).get("PAYMENT_DIVERTED") == PRETEXT_PRIOR


def test_card_details_typed_to_receive_a_payment_is_a_trap() -> None:
    text = ("Chị ơi em chuyển khoản rồi mà tiền đang bị treo, chị vào link em gửi rồi nhập thông "
            "tin thẻ để nhận nha.")
    assert pretexts(text).get("QR_TO_RECEIVE") == PRETEXT_PRIOR


def test_rent_to_a_new_account_under_audit_is_account_change_fraud() -> None:
    text = ("Hi, rent for this month should now be paid to the new company account below, as "
            "the old one is under audit: Vietinbank 108877201933.")
    assert pretexts(text).get("ACCOUNT_CHANGE_PAYMENT") == PRETEXT_PRIOR


def test_a_warning_that_calls_the_script_a_fraud_gets_no_prior() -> None:
    text = ("Canh bao: cuoc goi tu dong 'thue bao sap bi khoa, bam phim 1 de gap tong dai vien' la "
            "lua dao.")
    assert pretexts(text).get("KEYPRESS_TO_AGENT") == 0.0


@pytest.mark.parametrize("text", [
    # a hotline's own menu names the number to call; a voicemail notice
    "Viettel: goi 18008098, bam phim 9 de gap dien thoai vien ho tro.",
    "Ban co 1 tin nhan thoai moi. Goi 1414 va bam phim 1 de nghe.",
    # a lorry driver's route along the border, a border post
    "Tuyen lai xe tuyen bien gioi Lang Son, luong 15tr, bao an o, khong can kinh nghiem.",
])
def test_hotline_menus_and_border_jobs_are_no_pretexts(text: str) -> None:
    assert pretexts(text) == {}


@pytest.mark.parametrize(("name", "text"), [
    ("CALL_TRANSFER_TO_POLICE", "Chào chị, em bên bảo hiểm xã hội, thẻ BHYT của chị bị dùng "
                                "thanh toán 31 triệu ở bệnh viện Bạch Mai, em chuyển cuộc gọi "
                                "sang công an để chị trình báo nhé."),
    ("CALL_TRANSFER_TO_POLICE", "We will transfer your call to the police investigation "
                                "department now."),
    ("FINE_PAID_TO_OFFICER", "Em ben doi CSGT quan 7, xe anh bi phat nguoi vuot den do, anh "
                             "muon xu ly nhanh thi chuyen khoan phi nop phat 2tr qua em."),
])
def test_the_officer_scripts_are_found_with_the_pretext_prior(name: str, text: str) -> None:
    assert pretexts(text).get(name) == PRETEXT_PRIOR


def test_the_fake_officer_script_keeps_its_prior_despite_the_advisory_words() -> None:
    # "trinh bao" reads as a police advisory's word; the script itself is no advisory
    text = ("Em là nhân viên ngân hàng, tài khoản anh liên quan vụ án, em nối máy sang công an "
            "để anh trình báo.")
    assert pretexts(text).get("CALL_TRANSFER_TO_POLICE") == PRETEXT_PRIOR


@pytest.mark.parametrize("text", [
    # a warning that quotes the script
    "Cảnh báo lừa đảo: đối tượng giả danh nhân viên bảo hiểm rồi chuyển cuộc gọi sang công an "
    "giả. Không làm theo.",
    # a fine paid at the treasury by the driver himself, no officer who takes it
    "Anh oi em vua nop phat nguoi 800k qua Cong dich vu cong roi nhe, bien lai em gui anh.",
    # a friend who paid a fine asks for it back: no officer
    "Tao nộp phạt hộ mày 500k rồi, chuyển lại cho tao nha.",
])
def test_warnings_and_genuine_fines_are_no_officer_scripts(text: str) -> None:
    found = pretexts(text)
    assert found.get("FINE_PAID_TO_OFFICER") is None
    assert not found.get("CALL_TRANSFER_TO_POLICE")


def test_a_wrong_number_that_asks_to_get_acquainted_is_an_opener() -> None:
    from lachan.detect.pretexts import OPENER_PRIOR
    text = ("Xin lỗi em add nhầm Zalo, mà thấy anh dễ thương ghê, mình làm quen được không ạ?")
    assert pretexts(text).get("WRONG_NUMBER_OPENER") == OPENER_PRIOR


@pytest.mark.parametrize("text", [
    "Xin lỗi anh, em nhắn nhầm số, tin nhắn trước là gửi cho chị Hà ạ.",
    "Chị ơi em chuyển nhầm số tài khoản, chị kiểm tra giúp em với.",
])
def test_a_plain_wrong_number_apology_is_no_opener(text: str) -> None:
    assert pretexts(text).get("WRONG_NUMBER_OPENER") is None
