"""Requests no bank, courier or friend makes: hand over a code, pay to unlock."""

import pytest

import lachan
from lachan.detect.engine import rule_findings


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


@pytest.mark.parametrize(("text", "symbol"), [
    ("Nhiệm vụ cuối: bạn cần nạp thêm 3.000.000đ để mở khoá nhiệm vụ và rút toàn bộ hoa hồng.",
     "PAY_TO_UNLOCK"),
    ("Hồ sơ vay đã duyệt. Vui lòng chuyển 1.500.000đ phí bảo hiểm khoản vay vào STK "
     "0123456789 để được giải ngân trong ngày.", "PAY_TO_UNLOCK"),
    ("Kiện hàng quà tặng từ Mỹ của bạn đang bị giữ tại hải quan, cần nộp 8.500.000đ phí "
     "thông quan để nhận hàng.", "PAY_TO_UNLOCK"),
    ("Mẹ ơi con bị mất điện thoại, đây là số mới của con. Mẹ chuyển giúp con 5 triệu vào STK "
     "0123456789 nhé.", "EMERGENCY_MONEY_REQUEST"),
    ("Anh ơi em vừa gửi mã OTP 6 số về máy anh, anh đọc lại giúp em với ạ.",
     "CODE_HANDOVER_REQUEST"),
    ("Có tin nhắn 6 số gửi đến máy cậu thì cậu chụp lại gửi tớ nhé, tớ đăng ký nhầm số.",
     "CODE_HANDOVER_REQUEST"),
])
def test_more_wordings_of_the_requests_are_read(text: str, symbol: str) -> None:
    v = lachan.analyse(text)
    assert symbol in names(v) and v.label == "scam"


def test_a_prepaid_top_up_to_restore_a_sim_is_still_no_request() -> None:
    v = lachan.analyse("Thue bao cua quy khach da bi khoa 2 chieu. Vui long nap tien de mo "
                       "khoa lien lac.")
    assert "PAY_TO_UNLOCK" not in names(v)


@pytest.mark.parametrize(("text", "symbol"), [
    ("Bán súng điện, súng bắn đạn cao su, giao hàng toàn quốc. LH 0912345678", "ILLEGAL_GOODS"),
    ("Đầu tư USDT an toàn, lãi 5%/ngày, rút gốc bất cứ lúc nào. Tele: @invest_vn",
     "GUARANTEED_RETURNS"),
    ("Tao có video clip nóng của mày. Chuyển 20 triệu vào tài khoản này trong 24h nếu không "
     "tao gửi cho toàn bộ danh bạ.", "EXTORTION_THREAT"),
    ("Thông báo từ Bộ Y tế: tải ứng dụng khai báo tại http://byt-app.info/download.apk",
     "APK_LINK"),
])
def test_crimes_whatever_the_words_around_them_are_scam(text: str, symbol: str) -> None:
    v = lachan.analyse(text)
    assert symbol in names(v) and v.label == "scam"


@pytest.mark.parametrize("text", [
    "Công an khuyến cáo: cảnh giác với kẻ gian rao bán ma tuý, súng điện qua mạng.",
    "Gửi tiết kiệm online lãi suất 6%/năm, chi tiết tại vietcombank.com.vn",
    "Clip đám cưới của hai đứa xong rồi nhé, anh gửi cho cả nhà xem.",
])
def test_advisories_savings_and_family_clips_are_not_crimes(text: str) -> None:
    v = lachan.analyse(text)
    weighed = {s.name for s in v.symbols if s.score}
    assert not {"ILLEGAL_GOODS", "GUARANTEED_RETURNS", "EXTORTION_THREAT"} & weighed
    assert v.label != "scam"


def test_the_word_fraud_alone_does_not_make_a_fake_court_an_advisory() -> None:
    v = lachan.analyse("Toà án nhân dân TP.HCM: Bạn có giấy triệu tập vì liên quan vụ án lừa "
                       "đảo. Liên hệ thư ký 0865432109 để được hướng dẫn.")
    assert v.label == "scam"
    advisory = lachan.analyse("Cảnh giác: kẻ gian giả danh công an gọi điện yêu cầu chuyển "
                              "tiền. Trình báo ngay khi bị đe doạ, gọi 0912345678.")
    assert advisory.label != "scam"


def test_an_offer_to_recover_money_lost_to_fraud_is_scam_and_a_warning_is_not() -> None:
    v = lachan.analyse("Luật sư hỗ trợ lấy lại tiền đã bị lừa đảo qua mạng, nhắn Zalo 0388999000.")
    assert "FRAUD_RECOVERY_OFFER" in names(v) and v.label == "scam"
    warning = lachan.analyse("Cong an khuyen cao: khong co dich vu nao lay lai tien bi lua dao, "
                             "canh giac ke gian.")
    assert "FRAUD_RECOVERY_OFFER" not in names(warning) and warning.label != "scam"


def test_a_contact_on_a_chat_platform_is_no_claim_to_be_its_staff() -> None:
    v = lachan.analyse("Shop quan ao tre em, tu van nhan vien ket ban Zalo 0911000999 nhe")
    assert "PHONE_NOT_OFFICIAL" not in names(v)
    bank = lachan.analyse("Shop quan ao tre em, tu van nhan vien Vietcombank ket ban Zalo "
                          "0911000999 nhe")  # the same wording names a bank's staff
    assert '"vietcombank" -> 0911000999' in {s.detail for s in bank.symbols
                                             if s.name == "PHONE_NOT_OFFICIAL"}


@pytest.mark.parametrize(("text", "symbol"), [
    # a refund handled over a personal chat account
    ("Lazada hoan tien: Don hang cua ban bi trung thanh toan 2 lan, vui long lien he CSKH "
     "qua Zalo 0374 882 109 de duoc hoan 599.000d trong ngay.", "REFUND_VIA_PRIVATE_CHAT"),
    # a relative's new number, written by the "relative"
    ("Mẹ đây, mẹ đổi số mới nhé. Con chuyển mẹ 3tr vào số tk 104867532219 Vietinbank tên "
     "TRAN VAN BINH, người quen của mẹ, mẹ đang cần gấp.", "EMERGENCY_MONEY_REQUEST"),
    # a "teacher" and a child taken to hospital
    ("Chi oi em la co giao chu nhiem cua chau Minh, chau bi ngat o lop dang chuyen vien Nhi, "
     "can dong tien vien phi gap 15.000.000d. Chi chuyen cho em vao STK 0987654321 MB.",
     "EMERGENCY_MONEY_REQUEST"),
    # "do not hang up" in the next sentence is no warning against the request
    ("Tong dai Shopee: de xac nhan hoan tien, quy khach vui long doc ma xac thuc 6 chu so "
     "vua duoc gui ve dien thoai cho nhan vien. Tuyet doi khong tat may.",
     "CODE_HANDOVER_REQUEST"),
    # a daily return on a stake
    ("Chuong trinh dau tu co phan AI: gop 5tr nhan 500k/ngay, rut ve tai khoan bat ky luc "
     "nao. Lien he zalo 0912345678", "GUARANTEED_RETURNS"),
])
def test_more_frauds_of_today_are_scam(text: str, symbol: str) -> None:
    v = lachan.analyse(text)
    assert symbol in names(v)
    assert v.label == "scam"


@pytest.mark.parametrize("text", [
    # a negation reaches across "A hay B" in its sentence
    "BIDV: De dam bao an toan, quy khach vui long thuc hien xac thuc sinh trac hoc tren ung "
    "dung BIDV SmartBanking hoac den chi nhanh gan nhat. BIDV khong yeu cau khach hang truy "
    "cap duong link hay cung cap OTP.",
    # the shop says it does not use Zalo
    "Shopee: Yeu cau tra hang/hoan tien cua ban da duoc chap nhan, tien se hoan ve Vi "
    "ShopeePay. Shopee khong yeu cau ket ban Zalo. Hotline 0912345678",
    # a new number without any money
    "Chi oi em doi so moi nha, luu lai so nay giup em.",
])
def test_their_genuine_neighbours_are_not(text: str) -> None:
    v = lachan.analyse(text)
    assert not names(v) & {"CODE_HANDOVER_REQUEST", "REFUND_VIA_PRIVATE_CHAT",
                           "EMERGENCY_MONEY_REQUEST"}
    assert v.label != "scam"


def test_an_id_card_is_no_telecom_package() -> None:
    v = lachan.analyse("Agribank: The ATM tu cua quy khach se ngung giao dich tu 31/12/2025. "
                       "Vui long mang CCCD den diem giao dich Agribank gan nhat de doi the chip.")
    assert not names(v) & {"TELCO_PACKAGE", "TEENCODE"}


@pytest.mark.parametrize(("text", "symbol"), [
    # "de dung giao dich" is to stop the transaction, not "don't"
    ("Vietcombank: TK cua quy khach co giao dich la 9.500.000 VND. De dung giao dich vui "
     "long cung cap ma OTP vua nhan cho nhan vien ho tro.", "CODE_HANDOVER_REQUEST"),
    # a driver with money to give back has no code to ask for
    ("Anh oi em la tai xe Be, anh duoc hoan 120k tien cuoc. Anh doc giup em ma 6 so vua "
     "nhan de em chuyen tien ve tai khoan anh.", "CODE_HANDOVER_REQUEST"),
    # the goods first, the selling after
    ("Can sa, thuoc lac loai 1, giao tan noi trong 30 phut, bao mat. LH 0912345678",
     "ILLEGAL_GOODS"),
])
def test_requests_and_offers_in_other_word_orders(text: str, symbol: str) -> None:
    v = lachan.analyse(text)
    assert symbol in names(v)
    assert v.label == "scam"


def test_a_courier_asking_for_the_delivery_code_is_not_a_handover() -> None:
    v = lachan.analyse("Em shipper GHN day a, chi doc giup em ma giao hang 4 so de em "
                       "xac nhan da giao nhe.")
    assert "CODE_HANDOVER_REQUEST" not in names(v)


def test_a_fact_said_with_chua_does_not_negate_a_request() -> None:
    text = ("Em ben tong dai, SIM cua anh chi sap bi thu hoi vi chua chuan hoa, anh chi nhan 1 "
            "den so nay va doc ma OTP ve may de em nang cap eSIM a")
    assert "CODE_HANDOVER_REQUEST" in names(lachan.analyse(text))


def test_a_fee_to_release_a_loan_through_a_go_between() -> None:
    v = lachan.analyse("Ho so vay 30tr cua chi duyet roi, chi chuyen 3 trieu de ke toan sua "
                       "va giai ngan luon a")
    assert "PAY_TO_UNLOCK" in names(v)


def test_sextortion_by_a_recorded_call_and_the_contacts() -> None:
    v = lachan.analyse("Anh xem lai clip minh goi video toi qua di, em da quay man hinh roi. "
                       "Chuyen 30 trieu trong 2 tieng, khong thi em gui cho vo voi co quan anh.")
    assert "EXTORTION_THREAT" in names(v)


def test_a_payout_with_a_fee_to_pay_first_is_an_advance_fee() -> None:
    v = lachan.analyse("Prudential: Quy khach duoc chi tra quyen loi bao hiem 45 trieu. Lien he "
                       "chuyen vien 0375226118 (Zalo) de hoan tat, can dong truoc thue TNCN 10%.")
    assert "PAY_TO_UNLOCK" in names(v)
    # a bill paid ahead, an order paid already: nothing to receive, or done
    bill = lachan.analyse("Quy khach vui long thanh toan truoc ngay 15/6 de tranh gian doan "
                          "dich vu. Cam on quy khach.")
    assert "PAY_TO_UNLOCK" not in names(bill)


def test_a_code_named_long_before_the_request_to_read_it() -> None:
    v = lachan.analyse("Chao chi, em o ngan hang, he thong vua gui ma OTP ve may chi de xac nhan "
                       "hoan phi thuong nien cho chi. Chi doc giup em ma do nhe.")
    assert "CODE_HANDOVER_REQUEST" in names(v)
    assert v.label == "scam"


def test_a_grandchild_arrested_who_wants_it_kept_from_the_parents() -> None:
    v = lachan.analyse("Ong oi chau day, chau bi cong an giu vi va cham xe, can 15 trieu nop phat "
                       "moi duoc ve. Ong dung noi voi bo me chau, ong chuyen vao tk nay giup chau.")
    assert "EMERGENCY_MONEY_REQUEST" in names(v)
    # the parents themselves asked to pay a fine at the station
    fine = lachan.analyse("Con bi canh sat giao thong giu xe, me chuyen cho con 2 trieu de nop "
                          "phat o kho bac nhe")
    assert "EMERGENCY_MONEY_REQUEST" not in names(fine)


def test_a_recovery_offer_with_a_fee_is_no_warning_though_it_names_the_fraud() -> None:
    v = lachan.analyse("Chao anh, toi la can bo phong chong toi pham cong nghe cao. So tien anh bi "
                       "lua dao da duoc thu hoi, de nhan lai so tien bi chiem doat anh nop phi ho "
                       "so 2 trieu theo huong dan.")
    assert "FRAUD_RECOVERY_OFFER" in names(v)
    assert v.label == "scam"


@pytest.mark.parametrize("text", [
    # a loan approved and a fee into an account, the purpose first
    "Khoan vay 30 trieu cua anh da duoc phe duyet. De giai ngan anh vui long chuyen phi "
    "tham dinh 900.000d vao stk 1234567890 Vietinbank truoc 15h.",
    # a scholarship and its "fee"
    "Chuc mung ban duoc nhan hoc bong 50% khoa tieng Anh, vui long nop le phi 1.500.000d "
    "vao so tai khoan 0011223344 ACB de xac nhan.",
    # "nap ... la duoc rut": "la" as "and then"
    "c nap them 3tr la duoc rut het ve tai khoan luon nha",
])
def test_a_fee_to_collect_what_was_granted_is_pay_to_unlock(text: str) -> None:
    assert "PAY_TO_UNLOCK" in _findings(text)
    assert lachan.analyse(text).label == "scam"


@pytest.mark.parametrize("text", [
    # tuition to a school, a fee to the State Treasury
    "Chuc mung em da trung tuyen vao truong. Vui long nop hoc phi ky 1 vao so tai khoan "
    "cua truong 1234567890 BIDV truoc 30/8.",
    "Ho so cua ong da duoc phe duyet, vui long nop le phi vao tai khoan Kho bac Nha nuoc "
    "so 7111 tai Vietcombank.",
])
def test_tuition_and_state_fees_are_not_pay_to_unlock(text: str) -> None:
    assert "PAY_TO_UNLOCK" not in _findings(text)


def test_a_refund_through_a_staff_chat_account_is_flagged() -> None:
    text = ("Bao hiem XYZ: quy khach duoc hoan 2.300.000d phi dong thua. Lien he Zalo nhan "
            "vien 0912345678 de nhan tien.")
    assert "REFUND_VIA_PRIVATE_CHAT" in _findings(text)


def _findings(text: str) -> set[str]:
    return set(rule_findings(text))


def test_a_remote_control_app_for_a_bank_is_a_fraud_and_a_helpdesks_is_not() -> None:
    bank = ("Nhan vien ngan hang: de duoc tang han muc the tin dung, anh cai TeamViewer "
            "QuickSupport roi gui ma ket noi cho em.")
    helpdesk = "Anh cai UltraViewer roi gui ID cho em de em cai lai phan mem ke toan nhe."
    assert "REMOTE_ACCESS_REQUEST" in _findings(bank)
    assert lachan.analyse(bank).label == "scam"
    assert "REMOTE_ACCESS_REQUEST" not in _findings(helpdesk)


def test_a_code_typed_into_a_form_behind_a_link_is_handed_over() -> None:
    text = ("Truong DH ABC hoan tien hoc phi dong thua 3.000.000d, vui long dien so the va "
            "ma OTP tai form hoantien-abc.com de nhan.")
    assert "CODE_HANDOVER_REQUEST" in _findings(text)
    # the bank's own instruction, no link: no request
    assert "CODE_HANDOVER_REQUEST" not in _findings(
        "Vui long nhap ma OTP vao ung dung de hoan tat giao dich.")


def test_a_new_number_asking_money_in_english_is_an_emergency_request() -> None:
    text = "Hi mum, I lost my phone, this is my new number. Can you send me 3 million today?"
    assert "EMERGENCY_MONEY_REQUEST" in _findings(text)


@pytest.mark.parametrize("text", [
    "Dear friend, my late client left USD 7.2 million and you are the beneficiary. A small "
    "release fee is needed to start the transfer.",
    "I have a consignment box with 500,000 dollars for you, please pay the clearance fee.",
])
def test_an_english_advance_fee_is_pay_to_unlock(text: str) -> None:
    assert "PAY_TO_UNLOCK" in _findings(text)


def test_a_hospital_that_asks_the_family_to_advance_money_is_an_emergency_fraud() -> None:
    text = ("Benh vien A: nguoi nha cua ban vua nhap vien do tai nan, can dong tam ung 15 "
            "trieu ngay, lien he bac si 0912345678")
    assert "EMERGENCY_MONEY_REQUEST" in _findings(text)


def test_a_scholarship_paid_to_the_student_is_no_fee_demand() -> None:
    text = ("Chuc mung em duoc nhan hoc bong 7.500.000d. Hoc bong se duoc chuyen vao TK BIDV "
            "cua em. Em khong phai nop bat ky khoan phi nao.")
    assert "PAY_TO_UNLOCK" not in _findings(text)


def test_a_refund_through_a_social_page_is_flagged_and_the_shops_own_page_is_not() -> None:
    fake = ("Don hang cua chi bi loi, chi nhan tin vao Facebook CSKH https://facebook.com/"
            "cskh.hoantien.88 de duoc hoan tien 450.000d nhe.")
    shop = ("Cam on chi da mua hang. Moi thac mac ve doi tra, hoan tien vui long xem chinh sach "
            "tai https://facebook.com/myshop.vn")
    assert "REFUND_VIA_PRIVATE_CHAT" in _findings(fake)
    assert "REFUND_VIA_PRIVATE_CHAT" not in _findings(shop)


@pytest.mark.parametrize("text", [
    # the phone broken, a borrowed one; "so nay moi cua a"
    "Me oi dien thoai con hong nen muon may ban nhan. Con can gap 3tr, me ck vao stk "
    "102744669120 MB cua ban con nhe.",
    "e oi ck giup a 2tr vao stk 045122338899 nhe, a dang ket. so nay moi cua a",
])
def test_a_relative_on_a_borrowed_or_new_phone_asking_money_is_flagged(text: str) -> None:
    assert "EMERGENCY_MONEY_REQUEST" in _findings(text)


def test_a_broken_phone_without_money_is_not() -> None:
    text = "Dien thoai me hong roi, me muon may co Lan nhan con, toi con goi lai so nay nhe."
    assert "EMERGENCY_MONEY_REQUEST" not in _findings(text)


def test_the_code_asked_after_a_long_misdial_story_is_a_handover() -> None:
    text = ("Ma OTP vua gui den so cua ban la do minh nhap nham so dien thoai luc dang ky, ban "
            "doc lai giup minh 6 so do voi")
    assert "CODE_HANDOVER_REQUEST" in _findings(text)


@pytest.mark.parametrize(("name", "text"), [
    ("CODE_HANDOVER_REQUEST", "Em bên ngân hàng đây ạ, chị đọc giúp em mã số vừa gửi về máy "
                              "để em hủy giao dịch lạ cho chị nhé."),
    ("CODE_HANDOVER_REQUEST", "Hi, this is Lazada support. We sent you a code; please reply "
                              "with the code so we can release your refund."),
    ("PAY_TO_UNLOCK", "ho so vay cua anh bi treo, anh nop 2tr phi mo khoa thi ben em moi giai "
                      "ngan duoc"),
    ("PAY_TO_UNLOCK", "Chi can dong phi giai ngan 1.500.000d la nhan duoc khoan vay ngay"),
    ("EMERGENCY_MONEY_REQUEST", "Thua phu huynh, chau Minh lop 5B bi nga o san truong dang cap "
                                "cuu, can dong tam ung 15 trieu, phu huynh lien he thay Nam "
                                "0913 224 556 gap"),
    ("PAY_TO_UNLOCK", "My love, I sent you a box with gold and $500,000 for safekeeping; the "
                      "courier only needs a clearance fee of 1,500 USD."),
])
def test_wider_requests_fire(name: str, text: str) -> None:
    assert name in rule_findings(text)


def test_a_parent_told_of_a_school_trip_is_no_emergency() -> None:
    text = ("Thua phu huynh, thu 6 lop 5B di tham quan, phu huynh dong 150.000d tien xe cho co "
            "chu nhiem.")
    assert "EMERGENCY_MONEY_REQUEST" not in rule_findings(text)


@pytest.mark.parametrize("text", [
    "Bo phan bao mat Vietcombank: vui long phan hoi tin nhan nay kem ten dang nhap va mat khau "
    "de chung toi khoa truy cap la.",
    "Ban gui minh tai khoan game voi mat khau de minh nap kim cuong nhanh nhe",
    "Anh đọc giúp em 16 số trên thẻ, ngày hết hạn và mã CVV để em nâng hạn mức ạ.",
])
def test_a_request_for_a_password_or_card_details_is_scam(text: str) -> None:
    assert rule_findings(text)["CREDENTIAL_HANDOVER_REQUEST"].weight > 0


@pytest.mark.parametrize("text", [
    "VTC Pay gui quy khach mat khau ODP xac nhan giao dich: 551204.",
    "Không cung cấp mật khẩu, mã PIN hay số thẻ cho bất kỳ ai, kể cả nhân viên ngân hàng.",
    "Nhap mat khau de dang nhap ung dung, sau do chon Chuyen tien.",
])
def test_a_service_that_sends_or_guards_a_password_asks_for_none(text: str) -> None:
    assert "CREDENTIAL_HANDOVER_REQUEST" not in rule_findings(text)


@pytest.mark.parametrize("text", [
    "Ho so rut tien cua chi da duoc duyet. De mo khoa dong tien chi can nop phi bao lanh 10%.",
    "Nhiem vu 3 la don combo, em nap 3.000.000 de he thong chay don, xong nhan lai goc va hoa "
    "hong 25%.",
    "Chuc mung con da dat hoc bong du hoc he, phu huynh dong truoc le phi ho so 2.000.000 de giu "
    "suat.",
])
def test_more_advance_fees_fire(text: str) -> None:
    assert "PAY_TO_UNLOCK" in rule_findings(text)


@pytest.mark.parametrize(("name", "text"), [
    ("CODE_HANDOVER_REQUEST", "Minh lo gui ma ve so ban, ban doc giup minh 6 so vua nhan voi"),
    ("CODE_HANDOVER_REQUEST", "Anh doc em 4 so cuoi the va ma vua gui ve may de em hoan phi nhe"),
    ("CREDENTIAL_HANDOVER_REQUEST", "Em la nhan vien ngan hang, chi gui em anh 2 mat the de em "
                                    "lam ho so doi the chip nhe"),
    ("EMERGENCY_MONEY_REQUEST", "Benh vien thong bao: nguoi than cua ban dang nhap vien cap cuu, "
                                "can dong vien phi gap, lien he bac si 0839 442 017"),
    ("EMERGENCY_MONEY_REQUEST", "Co oi chau moi doi Zalo, chau dang ket o san bay, co cho chau "
                                "muon tam 4 trieu toi chau gui lai"),
    ("EMERGENCY_MONEY_REQUEST", "Hey, lost my phone and using a friend's phone. Can you send 2 "
                                "million to my friend's Momo? Will pay back tonight."),
    ("REFUND_VIA_PRIVATE_CHAT", "Lazada: don hang bi tru tien 2 lan, ke toan se hoan tien "
                                "489.000d, vui long lien he tong dai vien qua Messenger."),
    ("PAY_TO_UNLOCK", "Chuc mung em duoc nhan hoc bong du hoc Uc, em dong phi xet ho so 3 trieu "
                      "trong 3 ngay de giu suat."),
])
def test_round_three_requests_fire(name: str, text: str) -> None:
    assert rule_findings(text)[name].weight > 0


@pytest.mark.parametrize("text", [
    "Vinamilk ky niem 48 nam, quy khach duoc chon nhan qua 5 trieu. De nhan qua, vui long chuyen "
    "phi van chuyen 350.000d vao STK 0381004562218 Vietcombank.",
    "Instant loan for expats, approval in 10 minutes. Just pay a 2% processing fee upfront.",
])
def test_round_four_advance_fees_fire(text: str) -> None:
    assert rule_findings(text)["PAY_TO_UNLOCK"].weight > 0


def test_an_english_refund_through_whatsapp_is_a_private_chat_refund() -> None:
    text = ("Vietnam Airlines: your flight was cancelled. To receive your refund, contact our "
            "refund agent on WhatsApp +84 79 331 8842.")
    assert rule_findings(text)["REFUND_VIA_PRIVATE_CHAT"].weight > 0


@pytest.mark.parametrize("text", [
    "Em xin loi, em quen mat khau tai khoan Netflix chung roi, anh doi giup em nhe",
    "Gui em mat khau wifi nha anh voi, dien thoai em het 4G",
    "Gui anh file bao cao thang 11, mat khau mo file la 2911.",
])
def test_apologies_wifi_and_passwords_given_ask_for_no_credential(text: str) -> None:
    assert "CREDENTIAL_HANDOVER_REQUEST" not in rule_findings(text)
