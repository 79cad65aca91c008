"""The frauds, adverts and honest messages of the fifteenth stop's black-box sets: each
check fires on the message it was written for and stays silent on the honest one most
like it."""

from __future__ import annotations

import pytest

import lachan
from lachan.detect.engine import rule_findings


def names(text: str) -> set[str]:
    return set(rule_findings(text))


def weight(text: str, name: str) -> float | None:
    found = rule_findings(text).get(name)
    return None if found is None else found.weight


@pytest.mark.parametrize(("name", "text"), [
    ("MIRACLE_CURE_CLAIM", "Bài thuốc gia truyền chữa khỏi dứt điểm tiểu đường sau 30 ngày, "
                           "không cần tiêm insulin, nhắn ngay để được tư vấn"),
    ("MIRACLE_CURE_CLAIM", "Tra giam can thao moc giam 8kg trong 10 ngay, khong an kieng, "
                           "chuyen khoan truoc nhan qua"),
    ("SEX_SERVICE_OFFER", "Massage thư giãn phòng riêng, các em trẻ đẹp phục vụ A-Z cho quý "
                          "ông. Zalo 0342 917 551"),
    ("SEX_SERVICE_OFFER", "Phục vụ số một, người mẫu, diễn viên, nhân viên văn phòng, dịch vụ "
                          "tốt nhất, đăng ký ngay"),
    ("GUARANTEED_RETURNS", "Room keo Bitcoin lenh thang 100%, ai tham gia ib minh"),
    ("GUARANTEED_RETURNS", "Vao von 5tr nhan 15tr sau 1 ngay, admin co tin noi bo"),
    ("FRAUD_RECOVERY_OFFER", "Bên em có chuyên gia giúp gỡ lỗ 100% trong 1 tuần cho anh chị "
                             "bị lỗ trên sàn cũ"),
    ("FRAUD_RECOVERY_OFFER", "Hủy hợp đồng bảo hiểm nhân thọ, hỗ trợ lấy lại 100% phí đã đóng. "
                             "Phí dịch vụ 3tr trả trước."),
    ("CREDENTIAL_HANDOVER_REQUEST", "Quý khách được đổi SIM 5G miễn phí, vui lòng cung cấp số "
                                    "seri sim (20 số in sau sim) cho nhân viên."),
    ("EMERGENCY_MONEY_REQUEST", "Chị ơi em là bạn của Nam, Nam bị công an tạm giữ, cần 30tr "
                                "nộp phạt để bảo lãnh, chị đừng nói với ai"),
    ("EMERGENCY_MONEY_REQUEST", "Anh oi em o san bay, bi mat vi, anh cho em muon 2tr mua ve. "
                                "Em la Tuan ban anh Hieu day"),
    ("DEPOSIT_FIRST", "Ban acc Lien Quan 200 skin gia 500k, ck truoc nhan acc lien"),
    ("DEPOSIT_FIRST", "1000 Robux chi 79k, chuyen khoan truoc, nhan trong 5 phut"),
    ("DEPOSIT_FIRST", "Thanh ly iPhone hang cong ty thu hoi gia 6tr, chuyen khoan truoc 50% em "
                      "ship COD phan con lai"),
    ("THIRD_PARTY_TRANSFER", "Oi may oi t dang ket o vien, chuyen t 3tr vao stk 0451000988 VCB "
                             "Tran Thi Ngoc duoc ko, dung goi t dang ko nghe dc"),
])
def test_the_fraud_is_found_with_a_prior(name: str, text: str) -> None:
    assert (weight(text, name) or 0) > 0


@pytest.mark.parametrize(("name", "text"), [
    # a casting call names models and students, and no service
    ("SEX_SERVICE_OFFER", "Tuyển người mẫu, diễn viên, sinh viên đóng quảng cáo, đăng ký "
                          "casting tại 0912345678"),
    # a doctor who says it cannot be cured
    ("MIRACLE_CURE_CLAIM", "Bác sĩ nói bệnh tiểu đường không chữa khỏi dứt điểm được, phải "
                           "kiểm soát đường huyết."),
    # a seller's receipt of a deposit already paid
    ("DEPOSIT_FIRST", "Bên em đã nhận cọc 2 triệu cho bộ bàn ghế đặt làm, em gửi phiếu đặt "
                      "hàng qua zalo để anh giữ nhé."),
    # a developer's refundable booking at a launch
    ("DEPOSIT_FIRST", "Mở bán căn hộ Vinhomes, ký HĐMB 10%. Đặt cọc giữ chỗ 50 triệu/căn, hoàn "
                      "cọc nếu không mua."),
    # a school's account, "Truong TH" (Truong Tieu hoc) though Truong is a surname
    ("THIRD_PARTY_TRANSFER", "Con ơi chuyển giúp mẹ 3.250.000đ học phí vào tk của trường: "
                             "Vietcombank 0071001234567 - Truong TH Kim Dong. Xong chụp bill "
                             "gửi mẹ nha"),
    # a bottle cap ("nắp") is no top-up ("nạp")
    ("PAY_TO_UNLOCK", "Coca-Cola: Mở nắp trúng thưởng! Mỗi nắp chai có mã dự thưởng, nhập mã "
                      "trên website chương trình để có cơ hội nhận quà."),
    # "phai khong a" closes a question; it negates nothing
])
def test_the_honest_message_most_like_it_gets_none(name: str, text: str) -> None:
    assert not weight(text, name)


def test_a_question_tag_does_not_negate_what_follows() -> None:
    text = ("Hôm trước anh bị lỗ trên sàn cũ phải không ạ, bên em có chuyên gia giúp gỡ lỗ 100% "
            "trong 1 tuần")
    assert (weight(text, "FRAUD_RECOVERY_OFFER") or 0) > 0


def test_a_lenders_reminder_that_names_its_official_channels_is_not_a_fraud() -> None:
    text = ("FE CREDIT nhac quy khach: Hop dong vay 4002xxxx ky thanh toan 2.315.000d den han "
            "25/09. Thanh toan qua cac kenh chinh thuc tren website FE CREDIT. Khong thanh toan "
            "vao tai khoan ca nhan.")
    assert "OFFICIAL_CHANNELS_ONLY" in names(text)
    assert lachan.analyse(text).label != "scam"


def test_official_channels_said_beside_a_personal_account_count_for_nothing() -> None:
    text = ("Thanh toan qua cac kenh chinh thuc. Quy khach chuyen khoan vao STK 0451000988 VCB "
            "Tran Thi Ngoc de tat toan khoan vay.")
    assert "OFFICIAL_CHANNELS_ONLY" not in names(text)


@pytest.mark.parametrize("text", [
    "Gui tiet kiem tu 50 trieu tai Agribank nhan ma du thuong quay so trung o to. Ap dung den "
    "30/6 tai tat ca chi nhanh.",
    "Co.opmart: Hoa don tu 300k duoc tham gia boc tham trung xe may. Quay so cong khai ngay 30/4.",
])
def test_a_draw_tied_to_a_purchase_is_a_promoters(text: str) -> None:
    assert "PRIZE_NO_FEE" in names(text)


def test_a_prize_said_to_be_won_is_no_promoters_draw() -> None:
    text = ("Chuc mung quy khach da trung giai dac biet chuong trinh tri an hoa don tu 300k, "
            "lien he 0912 345 678 de nhan thuong.")
    assert "PRIZE_NO_FEE" not in names(text)


@pytest.mark.parametrize("text", [
    "Khóa học Excel online giảm còn 199k, chỉ còn 24h!",
    "Head Honda: Mua Air Blade trả góp lãi 0%, tặng mũ bảo hiểm.",
    "Highlands: 1 tang 1 Phin Sua Da khi dat tren app tu 14h-17h hom nay.",
    "Booking.com: Save 15% or more on stays in Da Lat this weekend. Book now.",
    "CellphoneS: Thu cũ lên đời iPhone, trợ giá đến 3 triệu, chỉ 3 ngày 20-22/9.",
])
def test_more_shapes_of_a_commercial_offer(text: str) -> None:
    assert "COMMERCIAL_OFFER" in names(text)


@pytest.mark.parametrize("text", [
    "Chào bạn, mình là tư vấn viên Anh ngữ Apollo, bạn vừa để lại thông tin trên Facebook về "
    "khóa học cho bé, mình gọi tư vấn lộ trình miễn phí nhé.",
    "Chào anh, em là Quân môi giới nhà đất khu Thủ Đức, em đang có khách cần mua nhà, anh có nhu "
    "cầu ký gửi thì liên hệ em 0933 102 764 nhé",
])
def test_a_salesperson_following_up_a_lead_is_an_advert(text: str) -> None:
    assert "SERVICE_AD" in names(text)


def test_a_carriers_sign_up_syntax_is_no_consignment() -> None:
    # "Soan DK gui 193 dang ky gui ..." holds "ky gui" without a consignment
    text = ("Quy khach vua bi lo 01 cuoc goi. Soan DK gui 193 dang ky gui thong bao cuoc goi "
            "nho (5500d/thang).")
    assert "SERVICE_AD" not in names(text)
