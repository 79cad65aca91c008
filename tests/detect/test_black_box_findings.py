"""Frauds, adverts and honest messages of the black-box sets (written by people who had not
seen the code): each check fires on the message it was written for and stays silent on the
honest one most like it."""

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


@pytest.mark.parametrize(("name", "text"), [
    ("OFFICIAL_ON_PRIVATE_CHAT", "Em chao anh, em la Ha ben Cuc thue. Ho so quyet toan cua cong "
                                 "ty anh bi sai ma so, anh ket ban Zalo em de em gui bieu mau."),
    ("OFFICIAL_ON_PRIVATE_CHAT", "Em là cán bộ điều tra, vụ án có liên quan tài khoản của chị. "
                                 "Lát em gọi video qua Zalo, chị chuẩn bị CCCD."),
    ("BOSS_IN_NEW_GROUP", "Chi ke toan oi, sep vua tao nhom Zalo moi cho phong tai chinh, chi "
                          "vao nhom va lam theo chi dao chuyen khoan nhe."),
    ("PAY_OR_BE_SUED", "Công ty thu hồi nợ: khoản vay quá hạn, chuyển khoản 8.700.000đ vào TK "
                       "1903 5567 4420 18 để tránh khởi kiện."),
    ("FEE_FOR_A_GIFT", "Vinaphone: ban duoc nhan 1 dien thoai 5G mien phi. Chi tra phi giao "
                       "hang 250k."),
    ("FEE_FOR_A_GIFT", "Chuc mung ban da duoc chon nhan hoc bong toan phan. Vui long dong phi "
                       "xet ho so 5.000.000d trong 3 ngay."),
    ("IDENTITY_MISUSE_CALL", "Cục Viễn thông: Số CCCD của bạn đang được dùng đăng ký 12 thuê "
                             "bao khác. Vui lòng liên hệ 0243 299 1187 để xử lý."),
    ("PAID_BY_WIRE_OR_CARD", "Lãnh sự quán thông báo hồ sơ visa của bạn bị treo, cần đóng phí "
                             "bổ sung qua Western Union 300 USD."),
    ("FINE_PAID_TO_OFFICER", "Alo anh có xe biển 59 đúng không, em bên Phòng CSGT, xe anh bị "
                             "phạt nguội, nộp qua tài khoản em, em xóa lỗi cho."),
    ("KEYPRESS_TO_AGENT", "Toa an thong bao: ong/ba bi khoi kien. Nhan 9 de gap thu ky toa an."),
])
def test_more_pretexts_are_found(name: str, text: str) -> None:
    assert (weight(text, name) or 0) > 0


@pytest.mark.parametrize(("name", "text"), [
    # a ward officer's Zalo group for ID-card appointments: no case, fine or secrecy
    ("OFFICIAL_ON_PRIVATE_CHAT", "Chao ba con, toi la can bo cong an phuong, ba con ket ban Zalo "
                                 "toi de nhan lich lam CCCD cho cac chau."),
    # the boss's new group for the year-end party, no payment
    ("BOSS_IN_NEW_GROUP", "Sep vua tao nhom Zalo moi cho ca phong de ban lich tat nien nhe."),
    # a bank's reminder to pay through its app to avoid late fees, no account, no lawsuit
    ("PAY_OR_BE_SUED", "Quy khach vui long thanh toan khoan vay qua ung dung truoc 25/9 de "
                       "tranh phat sinh phi phat."),
    # free delivery, no fee for a gift
    ("FEE_FOR_A_GIFT", "Don hang cua ban duoc mien phi giao hang, du kien giao ngay 12/4."),
    # a carrier's promotion that uses "tai khoan goc"
    ("IDENTITY_MISUSE_CALL", "Viettel KM: 3.000d/ngay, tru tai khoan goc, su dung den 24h. Dang "
                             "ky goi *109#."),
    # a family remittance received by Western Union, no fee to pay
    ("PAID_BY_WIRE_OR_CARD", "Vietcombank: TK 0441 +12,350,000 VND. ND: KIEU HOI WESTERN UNION."),
])
def test_their_honest_neighbours_get_none(name: str, text: str) -> None:
    assert not weight(text, name)


@pytest.mark.parametrize(("name", "text"), [
    ("THIRD_PARTY_TRANSFER", "Con đang ở Nhật, tài khoản bên này bị khóa, mẹ chuyển giúp con 30 "
                             "triệu vào tài khoản bạn con nhé."),
    ("THIRD_PARTY_TRANSFER", "Cháu ơi, chú đang ở bệnh viện, điện thoại sắp hết pin, cháu chuyển "
                             "giúp chú 10 triệu vào số tài khoản này nhé."),
    ("EMERGENCY_MONEY_REQUEST", "Phu huynh em Minh Khoa oi, chau bi ngo doc o truong, nha truong "
                                "dua di vien, anh chi ung truoc vien phi 15tr giup em."),
    ("EMERGENCY_MONEY_REQUEST", "Chào phụ huynh, đây là số Zalo mới của cô. Phụ huynh đóng tiền "
                                "học thêm 1.200.000đ qua tài khoản 8866 4433 2211 ACB giúp cô."),
    ("JOB_FEE_REQUEST", "cv lam tai nha cho sv: xau vong hat, 250k/ngay, coc nguyen lieu 300k."),
    ("DEPOSIT_FIRST", "Cho thue can ho mini Q7, dat coc online giu cho 2tr, anh dang o nuoc ngoai "
                      "nen gui chia khoa qua ship."),
    ("DEPOSIT_FIRST", "Selling 2 tickets for the show, pay first, I send the e-tickets right "
                      "after."),
    ("CODE_HANDOVER_REQUEST", "Bạn ơi mình lỡ đăng ký Zalo bằng số bạn, mã xác nhận gửi về máy "
                              "bạn, bạn chụp gửi mình với."),
    ("GUARANTEED_RETURNS", "Mua co phan cong ty sap IPO, cam ket x5 sau 6 thang."),
    ("GUARANTEED_RETURNS", "Choi tai xiu co tool du doan chinh xac 90%, moi ngay lai 2-3 trieu."),
    ("EXTORTION_THREAT", "Không trả trước 5h chiều bên em ghép ảnh gửi danh bạ."),
    ("ILLEGAL_GOODS", "Ban de thi THPT quoc gia, co dap an truoc gio thi. Gia 1.5tr."),
    ("FRAUD_RECOVERY_OFFER", "Minh thay ban comment bi lua tren group. Ben minh co the truy vet "
                             "va thu hoi tien, phi dich vu 10%."),
    ("APP_LINK_OVER_CHAT", "Em bên Bảo hiểm xã hội quận 7, chị cài app VssID bản mới qua link "
                           "zalo em gửi để bổ sung hồ sơ."),
])
def test_wider_wordings_of_known_frauds(name: str, text: str) -> None:
    assert (weight(text, name) or 0) > 0


def test_a_vietnamese_suffix_before_a_foreign_tld_is_phishing() -> None:
    from lachan.detect.hosts import analyse_host
    v = analyse_host("xacthuc-thuebao.vn.link")
    assert v.label == "phishing"
    assert "HOST_FAKE_VN_SUFFIX" in {s.name for s in v.symbols}
    assert analyse_host("congty-abc.com.vn.co").label == "phishing"
    assert "HOST_FAKE_VN_SUFFIX" not in {s.name for s in analyse_host("www.vn.com").symbols}


@pytest.mark.parametrize(("name", "text"), [
    ("INSTITUTION_STAFF_MOBILE", "Vietnam Airlines: chuyen bay VN215 bi huy. Quy khach duoc hoan "
                                 "2.800.000d, vui long lien he tong dai 0868 557 019 de nhan "
                                 "hoan."),
    ("INSTITUTION_STAFF_MOBILE", "Bệnh viện Bạch Mai thông báo kết quả xét nghiệm bất thường, "
                                 "liên hệ bác sĩ Tuấn 0846 112 990 để được tư vấn thuốc."),
    ("THIRD_PARTY_TRANSFER", "chi oi the em bi khoa, chi chuyen giup em 3tr vao tk nay nha "
                             "106876543210 vietinbank"),
    ("DEPOSIT_FIRST", "Voucher nghỉ dưỡng giảm 70%, chuyển khoản trước để nhận mã đặt phòng."),
    ("GAMBLING_SIGNUP_LURE", "Nhà cái hàng đầu châu Á tặng 888K cho tân thủ, truy cập ngay."),
])
def test_institutions_on_mobiles_and_more_deposits(name: str, text: str) -> None:
    assert (weight(text, name) or 0) > 0


def test_an_institutions_hotline_is_no_staff_mobile() -> None:
    text = ("Vietnam Airlines: chuyen bay VN215 bi huy, quy khach duoc hoan ve. Lien he tong dai "
            "1900 1100 de duoc ho tro.")
    assert not weight(text, "INSTITUTION_STAFF_MOBILE")


@pytest.mark.parametrize("text", [
    "Netflix: Gói Di động chỉ từ 74.000 ₫/tháng. Đăng ký ngay.",
    "NAIL MI XINH: Noi mi 150k, tang ve sinh mong mien phi. Dat lich ib fanpage nhe",
    "Cocoon: Tặng túi vải + bộ mini size cho đơn từ 399k trong tuần lễ Trái Đất.",
    "KM: Tang 100% gia tri the nap lan dau cho thue bao moi. Chi tiet LH 18008098.",
    "Lắp mạng combo internet + truyền hình 220k/tháng, tặng 2 tháng cước khi đóng trước 6 tháng.",
    "Vay mua nha lai suat uu dai 6.5%/nam trong 12 thang dau.",
])
def test_gifts_rates_and_prices_of_an_advert(text: str) -> None:
    assert "COMMERCIAL_OFFER" in names(text)


@pytest.mark.parametrize("text", [
    "8h phòng 1 tầng 1 nhé",
    "Quy khach da dang ky thanh cong goi GT45S, het 100 phut giam cuoc goi noi mang giam con "
    "200d/phut.",
])
def test_a_floor_and_a_packages_rate_are_no_offers(text: str) -> None:
    assert "COMMERCIAL_OFFER" not in names(text)


@pytest.mark.parametrize(("name", "text"), [
    ("COD_SURPRISE_PARCEL", "Bạn nhận được 1 kiện hàng thu hộ 890.000đ từ người gửi ẩn danh, quà "
                            "tặng bất ngờ, vui lòng thanh toán khi shipper gọi."),
    ("FEE_FOR_A_GIFT", "Xin chao, toi muon gui cho ban mot mon qua nho tu Luan Don. Ban chi can "
                       "tra phi van chuyen quoc te."),
    ("FEE_FOR_A_GIFT", "Mời anh chị nhận quà miễn phí từ các nhãn hàng. Chỉ cần chuyển 99k phí "
                       "thành viên."),
    ("IDENTITY_MISUSE_CALL", "Vietinbank: tai khoan cua ban lien quan giao dich dang ngo, tam "
                             "phong toa. Lien he bo phan phap che 0243 9988 776."),
    ("OFFICIAL_ON_PRIVATE_CHAT", "Chao chi, em la can bo toa an quan 3. Chi co giay trieu tap, "
                                 "lien he em truoc 16h de giai quyet."),
    ("QR_TO_RECEIVE", "Bạn có khoản tiền hoàn bảo hiểm 660.000đ. Quét mã QR trong tin nhắn để "
                      "nhận về tài khoản."),
    ("DEPOSIT_FIRST", "Trại chó Corgi 3tr. Chuyển cọc 50% + phí lồng vận chuyển 800k, trại gửi "
                      "bay ra HN."),
    ("INSTITUTION_STAFF_MOBILE", "Bệnh viện tạm hết thuốc, anh liên hệ dược sĩ Hùng 0905 228 714 "
                                 "mua gấp."),
    ("JOB_FEE_REQUEST", "Tuyen nguoi mau anh, cat-se 2-5tr/buoi. Dong phi lam portfolio 1tr5."),
    ("FRAUD_RECOVERY_OFFER", "Nhan lay lai Facebook bi hack, bi khoa 956. Coc truoc 500k."),
    ("GUARANTEED_RETURNS", "Nap von 5tr he thong tu dong do don, loi nhuan 20%/don."),
    ("GUARANTEED_RETURNS", "Dat don hang ao giup shop tang tuong tac, tien von hoan lai ngay."),
    ("GUARANTEED_RETURNS", "Du an token VNX sap niem yet, mua presale gia goc x50 lan."),
    ("ILLEGAL_GOODS", "Bán SIM rác kích hoạt sẵn số lượng lớn, ship toàn quốc."),
    ("EMERGENCY_MONEY_REQUEST", "Phụ huynh nộp tiền học hè 1.800.000đ vào STK cô Hiền "
                                "0071000123456 trước thứ 6 nhé, cô đổi số mới nên PH không gọi "
                                "số cũ ạ."),
])
def test_the_third_development_set_s_frauds(name: str, text: str) -> None:
    assert (weight(text, name) or 0) > 0


@pytest.mark.parametrize(("name", "text"), [
    # a gift shop's own parcel, paid on delivery, no anonymous sender
    ("COD_SURPRISE_PARCEL", "Shop gửi chị đơn hàng thu hộ 250k, giao trong hôm nay nhé."),
    # a savings product: a rate per year, no stake per order
    ("GUARANTEED_RETURNS", "Gửi tiết kiệm online lãi suất 5%/năm, rút linh hoạt."),
    # a phone shop's own SIMs, registered to the buyer
    ("ILLEGAL_GOODS", "Cửa hàng bán SIM chính chủ, đăng ký bằng CCCD của khách tại quầy."),
])
def test_and_their_honest_neighbours(name: str, text: str) -> None:
    assert not weight(text, name)


@pytest.mark.parametrize("text", [
    "Gym 24h Fitness: Dang ky hoi vien 12 thang tang them 3 thang. Chi trong tuan nay!",
    "Vietcombank: Tang den 1.000.000d khi mo the Visa va chi tieu tu 5tr. Dang ky tren VCB "
    "Digibank.",
    "MB: Mo tai khoan so dep mien phi tren App MBBank. Uu dai den 31/12.",
    "Mắt kính Anna: Mua gọng tặng tròng chống ánh sáng xanh. Áp dụng đến 20/8.",
    "Galaxy Play: Mien phi 7 ngay xem phim khong quang cao, sau do chi 70k/thang.",
])
def test_trials_gifts_with_a_purchase_and_dated_offers(text: str) -> None:
    assert "COMMERCIAL_OFFER" in names(text)


@pytest.mark.parametrize("text", [
    # a package's own renewal notice: a price per month, no offer
    "Goi cuoc MAXS (50.000d/thang) cua Quy khach se duoc gia han 1 thang tiep theo.",
    # a task fraud's pay per day is no price
    "Tuyen nhan vien lam tai nha, thu nhap 350 - 999k/ngay.",
    # a mother buying a gift for her child
    "Mẹ mua áo tặng con rồi, tối về thử nhé.",
])
def test_prices_per_month_pay_per_day_and_family_gifts_are_no_offers(text: str) -> None:
    assert "COMMERCIAL_OFFER" not in names(text)


@pytest.mark.parametrize("text", [
    "Luyện thi IELTS cam kết đầu ra 6.5+, test đầu vào miễn phí tại tất cả cơ sở.",
    "Van phong Luat su Minh Tam: Tu van ly hon, tranh chap dat dai. Tu van mien phi lan dau.",
    "Cho thuê xe tự lái 4-7 chỗ, thủ tục đơn giản, giao xe tận nơi, liên hệ 0905 123 456.",
    "Xin chào, em chuyên đồ ăn vặt, sỉ lẻ đều có, inbox em nha!",
])
def test_a_centre_a_lawyer_a_car_hire_and_a_wholesaler_advertise(text: str) -> None:
    assert "SERVICE_AD" in names(text)


def test_a_draw_whose_code_is_the_readers_own_number_gives_no_private_contact() -> None:
    own = ("Chuc mung Ban da co co hoi trung vang tu chuong trinh Ngay Vang. Ma du thuong chinh "
           "la so dien thoai 0867256447 cua Ban, hay don cho Than Tai nhe!")
    assert "LURE_TO_PRIVATE_CONTACT" not in names(own)
    other = ("Chuc mung so dien thoai 0912345678 cua ban trung thuong 50 trieu, lien he "
             "0987654321 de nhan")
    assert "LURE_TO_PRIVATE_CONTACT" in names(other)


@pytest.mark.parametrize("text", [
    "Kiểm tra đầu vào miễn phí, cam kết đầu ra IELTS 6.5, liên hệ 0905 123 456.",
    "Nuoc hoa chiet authentic, ship COD toan quoc, kiem tra truoc khi nhan.",
])
def test_trade_phrases_that_open_mid_phrase_are_read(text: str) -> None:
    # "kiem tra dau vao", "cam ket dau ra", "kiem tra truoc khi nhan": their gate pairs stand
    # after the phrase's first word
    assert "SERVICE_AD" in names(text)


def test_paying_before_receiving_is_no_inspection_before_receiving() -> None:
    assert "SERVICE_AD" not in names("Chuyen khoan tra truoc khi nhan hang, lien he 0905 123 456.")


@pytest.mark.parametrize(("name", "text"), [
    ("REFUND_VIA_PRIVATE_CHAT", "Vietjet Air: Chuyen bay VJ128 cua quy khach bi huy. Quy khach "
     "duoc hoan 100% ve + boi thuong 2.000.000d. Lien he hotline hoan tien 0898 605 114."),
    ("REFUND_VIA_PRIVATE_CHAT", "Bảo hiểm ABC: Hợp đồng của quý khách được hoàn phí 12.600.000đ "
     "do điều chỉnh quy định. Gọi 0812 337 640 để làm thủ tục nhận."),
    ("REFUND_VIA_PRIVATE_CHAT", "Apple Support: A charge of $129.99 was made on your account. "
     "If you did not authorize this, call +1 (888) 410-2273 for a refund."),
    ("REFUND_VIA_PRIVATE_CHAT", "Chao ban, minh la ben CSKH Lazada, don hang ban mua bi loi, ben "
     "minh se boi thuong gap doi. Ban cho minh xin STK va ten ngan hang nhe."),
    ("CREDENTIAL_HANDOVER_REQUEST", "Sim sắp hết hạn, vui lòng đọc cho nhân viên 19 số seri "
     "phía sau sim để được đổi sim mới tại nhà."),
    ("CREDENTIAL_HANDOVER_REQUEST", "Nhân viên MobiFone: em hỗ trợ nâng cấp eSIM miễn phí, chị "
     "cho em xin mã QR vừa gửi về email nha."),
    ("CODE_HANDOVER_REQUEST", "Hi, I accidentally sent my WhatsApp verification code to your "
     "number. Could you please forward it to me?"),
    ("CODE_HANDOVER_REQUEST", "Telegram Support: Your account will be deleted. Confirm "
     "ownership by sending the login code you received to this chat."),
    ("PAY_TO_UNLOCK", "Khoan vay cua ban bi sai so tai khoan, he thong dong bang. Vui long nop "
     "10% gia tri khoan vay de mo bang."),
    ("PAY_TO_UNLOCK", "Phu huynh em Le Bao Anh lop 7A: de nhan ho so hoc bong, vui long ket ban "
     "Zalo thay Hieu 0915 606 732, phi xet duyet 650k."),
    ("PAY_TO_UNLOCK", "Tai khoan anh co 2.8tr tien thuong chua rut, anh nap them 500k kich hoat "
     "rut ve ngan hang nhe."),
    ("PAY_TO_UNLOCK", "Tri ân khách hàng: tặng 1.000 xe máy. Bạn là khách hàng may mắn số 327. "
     "Đóng phí trước bạ 2tr8 để nhận xe."),
    ("JOB_FEE_REQUEST", "Cong ty XK lao dong tuyen 50 thuc tap sinh Nhat Ban, luong 35tr. Coc "
     "giu cho 15tr. LH: 0946 271 830"),
    ("GUARANTEED_RETURNS", "San forex quoc te, lai ngay 2-5%, rut tien 24/7. Ib de mo tai khoan."),
    ("GUARANTEED_RETURNS", "San forex uy tin, bao hiem von 100%, ib de duoc ho tro mo tai khoan."),
    ("GUARANTEED_RETURNS", "Our AI trading bot made 340% last month. Want me to show you how?"),
    ("GUARANTEED_RETURNS", "Dự án tiền ảo sắp lên sàn Binance, mua sớm x50 lợi nhuận."),
    ("EMERGENCY_MONEY_REQUEST", "Ong ba oi chau day, chau bi tai nan xe may, ho doi boi thuong "
     "10tr moi cho chau ve. Dung noi voi bo me chau nha."),
    ("EMERGENCY_MONEY_REQUEST", "Bạn ơi mình là Tú đây, nick cũ bị hack rồi. Bạn chuyển giúp mình "
     "3tr vào STK 0691000418229 được không, gấp lắm."),
])
def test_frauds_of_the_fourth_black_box_set(name: str, text: str) -> None:
    assert name in names(text)
    assert lachan.analyse(text).label == "scam"


@pytest.mark.parametrize(("name", "text"), [
    # a refund into the wallet paid with, the shop's hotline printed below it
    ("REFUND_VIA_PRIVATE_CHAT", "Shopee: Yeu cau hoan tien cua ban da duoc chap nhan, tien se "
     "hoan ve Vi ShopeePay. Hotline 0912345678"),
    # a friend paying a deposit back asks where to
    ("REFUND_VIA_PRIVATE_CHAT", "Minh hoan lai tien coc cho ban nhe, cho minh xin stk"),
    # a supplier ("nha cung cap") and a transaction's reference are no code asked for
    ("CODE_HANDOVER_REQUEST", "Sep oi em da chuyen khoan cho nha cung cap Tan Phat 126.500.000d "
     "roi a, ma giao dich FT24301998712."),
    # a customer's deposit told of as paid
    ("DEPOSIT_FIRST", "Anh ơi khách bên Minh Long chuyển khoản cọc 50tr rồi, em gửi ảnh UNC qua "
     "Zalo anh xem nhé."),
    # an insurer's own words for a guaranteed sum
    ("GUARANTEED_RETURNS", "Goi bao hiem cua quy khach dam bao von khi dao han."),
    # a hacked account, and no money asked
    ("EMERGENCY_MONEY_REQUEST", "Nick fb cua t bi hack roi, dung tin nhan tu nick do nhe"),
])
def test_their_honest_neighbours_in_the_fourth_set_get_none(name: str, text: str) -> None:
    assert name not in names(text)


@pytest.mark.parametrize(("name", "text"), [
    ("PAY_TO_UNLOCK", "Nhiem vu so 7 cua ban bi loi, he thong chua duyet lenh. Vui long nap them "
     "3.000.000d de hoan tat va rut toan bo so du 8.450.000d."),
    ("GUARANTEED_RETURNS", "Chi nap 500k lam don dau, 5p sau he thong tra ca goc lan hoa hong "
     "150k."),
    ("GUARANTEED_RETURNS", "Moi lenh dat theo tin hieu cua minh lai 30%, lo minh bu 100%."),
    ("CODE_HANDOVER_REQUEST", "MobiFone: QK nhan qua 50GB data. De kich hoat, vui long chuyen "
     "tiep tin nhan chua ma xac nhan sap toi den so 0901 736 288."),
    ("EMERGENCY_MONEY_REQUEST", "Chao ong, con trai ong gay tai nan va dang bi tam giu. Gia dinh "
     "can nop 50 trieu tien boi thuong de duoc bao lanh trong ngay."),
    ("EMERGENCY_MONEY_REQUEST", "Vo anh vua nhap vien trong tinh trang nguy kich, can tam ung vien "
     "phi ngay 35tr vao tk dieu duong truc de kip mo."),
    ("EMERGENCY_MONEY_REQUEST", "Hi Mum, I dropped my phone in the toilet, this is my new number. "
     "Can you help me pay a bill today?"),
    ("JOB_FEE_REQUEST", "Tuyen KTV spa, luong 12tr. Ban can nop 1tr5 tien dong phuc va the nhan "
     "vien qua MoMo truoc khi vao lam."),
    ("REMOTE_ACCESS_REQUEST", "Anh cai ung dung theo link em gui de cap nhat thong tin thue dat, "
     "xong anh bat quyen tro nang cho phan mem de he thong tu dong khai nhe."),
    ("REFUND_VIA_PRIVATE_CHAT", "Tong dai vi dien tu: Ban bi tru nham 590.000d phi dich vu. Ban "
     "quet ma QR em gui qua Zalo de he thong hoan tien ve tai khoan nhe."),
])
def test_frauds_of_the_fifth_black_box_set(name: str, text: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(("name", "text"), [
    # a money-back guarantee is an offer, not a refund due
    ("REFUND_VIA_PRIVATE_CHAT", "Mat ong rung nguyen chat, 250k/lit, cam ket hoan tien neu pha. "
     "Lh 0919 407 336."),
    # "nop truoc 30/11" is a deadline, not a fee first
    ("PAY_TO_UNLOCK", "(QC) Chuong trinh MBA online, hoc bong den 30% cho ho so nop truoc 30/11. "
     "Dang ky tu van 1800 6770."),
    # "chot so lieu": closing the month's figures, not selling lottery numbers
    ("BETTING_TIPS_SALE", "Team oi con 2 ngay chot so lieu thang, ai chua nop bang ke chi phi "
     "thi nop cho ke toan truoc 17h mai nha."),
])
def test_their_honest_neighbours_in_the_fifth_set_get_none(name: str, text: str) -> None:
    assert name not in names(text)


def test_the_short_domain_of_a_shop_is_its_own() -> None:
    v = lachan.analyse("(QC) The Gioi Di Dong: iPhone dat truoc, coc 500k nhan tro gia 2tr. "
                       "Chi tiet tai tgdd.vn.")
    assert not {"URL_PHISHING_HOST", "URL_BRAND_MISMATCH"} & {s.name for s in v.symbols}


@pytest.mark.parametrize("text", [
    "(QC) Mat Sai Gon: Mo can thi Lasik uu dai 5 trieu cho sinh vien, kham khuc xa mien phi.",
    "[QC] Yoga Huong Tre: lop Yoga co ban buoi toi 18h30, hoc thu mien phi 1 buoi, hoc phi 800k.",
    "(QC) MB: Mo tai khoan so dep tu chon mien phi tren app, nhan ngay 50k khi giao dich dau.",
])
def test_a_message_its_sender_labels_an_advert_is_one(text: str) -> None:
    assert lachan.analyse(text).label == "ad"


# --- the G round: frauds the existing checks missed, and the honest messages they read as
# frauds ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "text"), [
    # the transaction disowned before the request is no negation of the request
    ("CODE_HANDOVER_REQUEST", "Ngan hang: de huy giao dich 5.600.000d khong phai do anh thuc "
                              "hien, anh vui long cung cap ma OTP vua nhan cho em."),
    # the code read out to the caller after a command he dictates
    ("CODE_HANDOVER_REQUEST", "Em ben nha mang day a, chi soan tin theo mau em gui roi doc ma "
                              "em de em nang cap SIM nhe."),
    ("CODE_HANDOVER_REQUEST", "Tai khoan cua ban vua duoc hoan 300.000d. Vui long gui ma OTP "
                              "cho nhan vien ho tro de nhan tien."),
    # a banking app's password asked by a nephew-like "staff"
    ("CREDENTIAL_HANDOVER_REQUEST", "Cháu là nhân viên ngân hàng, cô cho cháu xin mật khẩu app "
                                    "để cháu cài sinh trắc học giúp cô nhé."),
    ("BETTING_TIPS_SALE", "Co so de noi bo hom nay, vao nhom VIP 500k/tuan, ib em"),
    ("EXTORTION_THREAT", "Toi giu clip anh goi nude toi qua. Chuyen 20tr trong hom nay neu "
                         "khong toi gui cho vo anh va danh ba."),
    # an authority's threat with a link outside gov.vn
    ("DEMAND_WITH_UNOFFICIAL_LINK", "UBND xa thong bao: ho chua cap nhat du lieu dan cu se bi xoa "
                                    "thuong tru. Cap nhat tai capnhat-dancu.com truoc 15/12."),
])
def test_round_g_fraud_is_found(name: str, text: str) -> None:
    assert name in names(text)
    assert lachan.analyse(text).label == "scam"


@pytest.mark.parametrize(("name", "text"), [
    # a shop's regular customer asked for the usual deposit
    ("DEPOSIT_FIRST", "Chi Lan oi ao chi dat ve roi a, chi gui em coc 100k nhu lan truoc, em "
                      "giao luon chieu nay"),
    # a lender's notice of a loan paid out is no loan offered
    ("LOAN_OFFER", "HD SAISON: Hop dong 20341 cua Quy khach da duoc giai ngan 15.000.000d. Ky "
                   "tra gop dau tien 05/01."),
    # a bottle cap is no top-up: a drink's lucky draw asks no fee
    ("PAY_TO_UNLOCK", "Bat nap trung thuong, co hoi nhan 50 trieu tien mat. Nhap ma duoi nap "
                      "tai website cua nhan hang."),
])
def test_round_g_honest_message_is_no_fraud(name: str, text: str) -> None:
    assert name not in names(text)


@pytest.mark.parametrize("text", [
    # a code message's own warning not to send it
    "Ma OTP cua ban la 123456. Khong gui ma OTP nay cho nhan vien ngan hang hay bat ky ai.",
    "Ma xac thuc Shopee: 482913. Khong gui ma cho nhan vien Shopee hay nguoi la.",
    # an invoice's number read out
    "Anh kiem tra hoa don roi doc ma cho em nhe.",
])
def test_round_g_no_code_is_asked(text: str) -> None:
    assert "CODE_HANDOVER_REQUEST" not in names(text)
    assert lachan.analyse(text).label != "scam"


def test_round_g_a_disowned_transaction_warning_stays_a_warning() -> None:
    text = ("Neu giao dich khong phai do quy khach thuc hien, tuyet doi khong cung cap ma OTP "
            "cho bat ky ai.")
    assert weight(text, "CODE_HANDOVER_REQUEST") in (None, 0.0)


def test_a_scholarship_settled_over_a_teachers_chat_without_a_fee_is_no_unlock_fee() -> None:
    text = ("Chuc mung chau duoc hoc bong 5 trieu cua truong, phu huynh ket ban zalo co chu "
            "nhiem de nhan thong tin, khong mat phi gi.")
    assert "PAY_TO_UNLOCK" not in rule_findings(text)
