"""Frauds aimed at one person (accounts for rent, a child's emergency, a failed video call,
threats at home, pay-or-police, face scans by link, bills to an account, refunds by app):
each fires on the fraud, stays silent on the genuine message most like it, and counts for
nothing in a warning that quotes it."""

from __future__ import annotations

import pytest

import lachan
from lachan.detect.engine import rule_findings
from lachan.detect.personal_frauds import PERSONAL_FRAUD_PRIOR, SYMBOLS

NAMES = {name for name, _ in SYMBOLS}


def personal(text: str) -> dict[str, float]:
    found = rule_findings(text)
    return {name: f.weight for name, f in found.items() if name in NAMES}


@pytest.mark.parametrize(("name", "text"), [
    ("ACCOUNT_RENTAL", "Viec nhe luong cao: ban chi can cho cong ty thue tai khoan ngan hang "
                       "chinh chu, 300k/ngay, nhan tien truoc. Lien he Zalo 0865 112 334."),
    ("ACCOUNT_RENTAL", "Chị cần mua lại 3 tài khoản ngân hàng đã xác thực khuôn mặt, trả "
                       "2 triệu mỗi tài khoản, ib chị."),
    ("ACCOUNT_RENTAL", "Em mở giúp anh 2 tài khoản ngân hàng rồi cho bên anh sử dụng, mỗi "
                       "tháng anh gửi em 5 triệu."),
    ("CHILD_EMERGENCY_FEE", "Chi oi em la co chu nhiem lop 3A, chau Nam bi nga cau thang dang "
                            "cap cuu o BV Saint Paul, bac si can chi chuyen gap 25 trieu tam "
                            "ung de mo."),
    ("CHILD_EMERGENCY_FEE", "Phụ huynh bé An: bé bị ngộ độc ở trường, đang được đưa vào viện, "
                            "bác sĩ yêu cầu gia đình chuyển ngay 18.000.000đ vào STK 0451 "
                            "0009 8812 Vietcombank."),
    ("VIDEO_CALL_EXCUSE", "Anh ơi em vừa gọi video cho anh mà mạng yếu quá bị tắt, anh "
                          "chuyển giúp em 15 triệu em trả tối nay nhé."),
    ("VIDEO_CALL_EXCUSE", "bo oi con goi video ko duoc vi hong camera, bo ck cho con 8tr dong "
                          "tien nha gap nhe"),
    ("THREAT_AT_HOME", "Thang em may vay 20 trieu khong tra. May tra thay trong hom nay, khong "
                       "thi tao cho anh em xuong tan nha lam viec."),
    ("THREAT_AT_HOME", "Biết địa chỉ nhà mày rồi nhé, chuyển 5tr trước 6h tối nay không thì "
                       "đừng trách."),
    ("PAY_OR_POLICE", "Em la nhan vien thu no, khoan vay cua chi qua han, neu khong thanh toan "
                      "12 trieu trong hom nay se chuyen ho so sang co quan dieu tra."),
    ("FACE_SCAN_BY_LINK", "Ngân hàng thông báo: quý khách chưa cập nhật sinh trắc học, vui "
                          "lòng bấm vào link em gửi để xác thực khuôn mặt trước 17h."),
    ("FACE_SCAN_BY_LINK", "Tai khoan cua ban se bi tam khoa. Xac thuc khuon mat tai "
                          "https://vcb-sinhtrachoc.top ngay hom nay."),
    ("UTILITY_BILL_TO_ACCOUNT", "DIEN LUC: Hoa don tien dien thang 11 cua quy khach da qua han. "
                                "Quy khach thanh toan 1.250.000d vao STK 1903 5566 7788 "
                                "Techcombank truoc 17h de tranh bi cat dien."),
    ("CHILD_EMERGENCY_FEE", "Thay Hung chu nhiem day, con chi bi gay tay o san truong dang "
                            "di cap cuu, chi chuyen phi 9tr vao so 0356 112 908 giup thay."),
    ("ACCOUNT_RENTAL", "Can thue nick fb lau nam 120k/ngay, thue tk zalo 150k/ngay, ib minh."),
    ("THREAT_AT_HOME", "Em ban no 15 trieu app vay, neu hom nay khong tra bon tao den tan nha "
                       "lam viec."),
    ("AUTHORITY_FEE_TO_ACCOUNT", "TAND quan 7: quy vi co quyet dinh thi hanh an, tai san se bi "
                                 "phong toa neu khong nop an phi 4.200.000d vao TK 0071 0045 "
                                 "6633 Vietcombank truoc 17h."),
    ("REFUND_BY_APP", "Shop xin lỗi vì giao sai hàng, shop hoàn tiền 450k cho chị, chị tải "
                      "ứng dụng theo link shop gửi rồi nhập số tài khoản để nhận nhé."),
])
def test_a_personal_fraud_gets_its_prior(name: str, text: str) -> None:
    assert personal(text) == {name: PERSONAL_FRAUD_PRIOR}
    assert lachan.analyse(text).label == "scam"


@pytest.mark.parametrize("text", [
    # renting a flat, a car; lending money, not an account
    "Chi cho em thue can ho 2 phong ngu gia 8 trieu/thang nhe, em chuyen coc truoc.",
    "Anh muon tai khoan Netflix cua em xem phim toi nay nhe, mai tra lai mat khau.",
    "Mẹ mượn tài khoản ngân hàng của con nhận tiền lương hưu nhé.",
    # a child at the doctor's, the parent writes; the school's own notice without a fee
    "Anh oi con bi sot, em dua vao vien Nhi roi, bac si noi khong sao, anh ve som nhe.",
    "Nha truong thong bao: chau Minh bi nga nhe trong gio the duc, da duoc y te truong so cuu, "
    "phu huynh don chau luc 16h.",
    # a video call that lagged, no money; money between friends, no failed call
    "Con goi video ma mang lag qua, toi con goi lai cho me nhe.",
    "Em chuyen lai anh 500k tien an hom qua nhe.",
    # a visit announced; a landlord's reminder
    "Chu nhat anh chi xuong nha em an com nhe, em nau lau.",
    "Em nho chuyen tien nha 5 trieu truoc ngay 5 giup chi nhe.",
    # a tax office's written notice; the news of a case
    "Chi cuc Thue thong bao: ho kinh doanh chua nop thue quy 3, de nghi nop truoc 30/10 qua "
    "cong dich vu cong; qua han se bi cuong che theo quy dinh.",
    # a bank's biometric reminder in its own app
    "Vietcombank: Quy khach vui long cap nhat sinh trac hoc tren ung dung VCB Digibank truoc "
    "ngay 01/01. Ngan hang khong gui link qua tin nhan.",
    # the utility's own bill and its planned outage
    "EVNHCMC: Tien dien ky 1 thang 11 cua ma KH PE01000123 la 452.300d. Thanh toan qua app "
    "EVNHCMC CSKH hoac ngan hang lien ket truoc 25/11.",
    # a parent tells the other of their child's illness; a court's fee to the Treasury
    "Con bi sot cao phai di cap cuu, bac si bao nhap vien, anh chuyen tien cho em dong vien "
    "phi nhe.",
    "TAND huyen thong bao: ong A nop tam ung an phi 300.000d vao TK tam giu cua Chi cuc THADS "
    "tai Kho bac Nha nuoc huyen truoc ngay 20/12, qua han se bi dinh chi giai quyet.",
    # a refund that comes back by itself
    "Shopee: Tien hoan 320.000d cho don hang 2504 da ve vi ShopeePay. Kiem tra trong ung dung.",
])
def test_the_genuine_look_alike_stays_silent(text: str) -> None:
    assert personal(text) == {}


def test_a_warning_that_quotes_the_trick_adds_nothing() -> None:
    text = ("Canh bao lua dao: ke gian gia danh nha truong bao con bi tai nan, bac si can phu "
            "huynh chuyen gap 20 trieu. Hay goi truc tiep cho co giao de kiem tra.")
    found = personal(text)
    assert found == {"CHILD_EMERGENCY_FEE": 0.0}
    assert lachan.analyse(text).label != "scam"


@pytest.mark.parametrize("text", [
    # a review's counter-examples: a flat's rent, a daughter's account, a seller's "or don't
    # blame me", a visit, a parent writing to the teacher, a fee already paid, a landlord
    "thang nay em thue nha 3 trieu/thang, anh mo tai khoan ngan hang cho em muon de chuyen "
    "tien nha nhe",
    "em muon mo tai khoan ngan hang cho con gai su dung, phi duy tri 10k/thang",
    "ai mua thi nhan zalo em, thanh toan chuyen khoan vao tai khoan vcb, goi cuoc 150k/thang",
    "chi chuyen em 500k tien hang trong hom nay nhe, ko thi mai het hang dung trach em",
    "anh oi toi nay em qua nha anh doi may, anh gui em 300k tien xang truoc nhe, khong thi em "
    "di bus",
    "co giao oi con em bi sot cao nhap vien roi, em xin cho chau nghi, em da dong tien hoc 2 "
    "trieu roi a",
    "tien dien nuoc thang 5 qua han roi nhe, cac ban chuyen vao tk 0123456789 vcb nguyen van an "
    "cho chu nha",
])
def test_the_reviews_genuine_messages_stay_silent(text: str) -> None:
    assert personal(text) == {}


def test_a_counter_number_is_no_draw() -> None:
    assert "PRIZE_LURE" not in rule_findings(
        "BV Nhi Dong: ket qua xet nghiem cua be da co, phu huynh nhan tai quay so 5.")
    assert "PRIZE_LURE" in rule_findings(
        "Chuc mung ban duoc tham gia quay so trung xe SH, bam link de nhan.")


@pytest.mark.parametrize(("text", "fires"), [
    ("Nhom Zalo VIP bao ma co phieu tang tran, lai 30-50%/thang, inbox de vao nhom.", True),
    ("Du an USDT dao tu dong, nap 10tr moi ngay nhan 300k, rut bat cu luc nao.", True),
    ("Em choi san cua anh trai em, ngay nao cung lai, anh nap thu 5 trieu nhe.", True),
    ("Khoa hoc chung khoan co ban, hoc phi 2,5 trieu, khong cam ket loi nhuan.", False),
    ("FE CREDIT: vay tieu dung lai suat tu 1,5%/thang, ho so don gian.", False),
])
def test_returns_promised(text: str, fires: bool) -> None:
    assert ("GUARANTEED_RETURNS" in rule_findings(text)) is fires


def test_an_app_outside_the_store() -> None:
    assert "APK_LINK" in rule_findings(
        "CSGT: xe cua ban vi pham, tai ung dung VNeTraffic theo link (khong qua CH Play) de "
        "nop phat: tinyurl.com/vnet-app")
    assert "APK_LINK" in rule_findings(
        "Cap nhat VNeID muc 2 qua ung dung Dich Vu Cong tai tai dvc-quocgia-apk.vn")
    assert "APK_LINK" not in rule_findings(
        "Tai ung dung VNeID tren CH Play hoac App Store de kich hoat tai khoan.")


@pytest.mark.parametrize("text", [
    "Khong cai dat file .apk tu link la.",
    "Khong tai ung dung ngoai CH Play.",
    "Vietcombank luu y: Quy khach khong cai dat file .apk tu link la, khong tai ung dung "
    "ngoai CH Play.",
    "Ban khong nen tai ung dung ngoai CH Play nhe.",
    "Me oi dung cai file apk nguoi la gui qua zalo nhe.",
])
def test_an_app_outside_the_store_warned_against_weighs_nothing(text: str) -> None:
    apk = rule_findings(text).get("APK_LINK")
    assert apk is None or apk.weight == 0.0


@pytest.mark.parametrize("text", [
    "Chi tai app tai link apk em gui de nhan ho tro nhe.",
    # a negation in another clause, or in the reason given for the package
    "Khong can ra co quan, chi tai app tai link apk nay de nhan ho tro: bit.ly/ho-tro",
    "App nay khong co tren CH Play nen anh tai file apk em gui nhe.",
])
def test_an_app_outside_the_store_asked_for_still_weighs(text: str) -> None:
    apk = rule_findings(text).get("APK_LINK")
    assert apk is not None and apk.weight > 0.0


def test_a_fee_to_receive_a_benefit() -> None:
    found = rule_findings("Co oi, chau ben bao hiem, luong huu cua co duoc dieu chinh, co can "
                          "dong 850 nghin phi cap nhat ho so de nhan khoan chenh lech 4 trieu.")
    assert "PAY_TO_UNLOCK" in found


def test_a_brand_gift_that_asks_nothing_is_an_ad() -> None:
    text = ("(QC) TPBank: Tri an khach hang - tang 2 ve xem phim khi chi tieu the tu 3 trieu "
            "trong thang 10. Qua duoc cong tu dong vao ung dung, khong can cung cap thong tin.")
    assert "PRIZE_NO_FEE" in rule_findings(text)
    assert lachan.analyse(text).label == "ad"


def test_the_numbers_of_a_sim_sent_to_a_mobile() -> None:
    text = ("VinaPhone: Doi SIM 4G mien phi tai nha, chi can gui anh CCCD 2 mat va day so in sau "
            "SIM. Lien he 0815 663 127.")
    assert "SIM_SERIAL_COMMAND" in rule_findings(text)
    assert "SIM_SERIAL_COMMAND" not in rule_findings(
        "VinaPhone: Doi SIM 4G mien phi tai cua hang, mang CCCD; nhan vien ghi day so in sau "
        "SIM moi. Tong dai 18001091.")


def test_a_scholarship_held_for_a_fee() -> None:
    text = ("Chuc mung em duoc chon nhan hoc bong du hoc 100% cua to chuc Global Edu. Dong phi "
            "xet duyet 8.900.000d trong 3 ngay de giu hoc bong.")
    assert "PAY_TO_UNLOCK" in rule_findings(text)


def test_the_provinces_employment_centre_is_no_sex_offer() -> None:
    found = rule_findings("Trung tam Dich vu viec lam tinh thong bao: tuyen lao dong di Han Quoc "
                          "theo chuong trinh EPS, dang ky tai Trung tam, lien he 0912 345 678.")
    assert "ADULT_SERVICE_OFFER" not in found and "SEX_SERVICE_OFFER" not in found


@pytest.mark.parametrize(("text", "settled"), [
    ("Shopee: Ban da nhan duoc hoan tien 320.000d vao ShopeePay cho don hang 2504 do nguoi ban "
     "huy don. Kiem tra so du trong ung dung.", True),
    ("Tiki: Tien hoan 259.000d se ve tai khoan cua ban trong 3-5 ngay lam viec.", True),
    # the refund fraud asks for something
    ("Shopee: ban duoc hoan tien 2.000.000d vao vi, vui long doc ma OTP cho nhan vien de "
     "nhan.", False),
    ("Don hang loi, ban se duoc hoan tien vao tai khoan, ket ban Zalo 0912 345 678 de lam "
     "thu tuc.", False),
    ("Ban duoc hoan tien 450k vao vi, bam link https://shopee-hoantien.top de nhan.", False),
])
def test_a_refund_that_comes_back_by_itself(text: str, settled: bool) -> None:
    assert ("REFUND_SETTLED" in rule_findings(text)) is settled
    if settled:
        assert lachan.analyse(text).label != "scam"
    else:
        assert lachan.analyse(text).label == "scam"


def test_the_writer_sends_back_what_came_by_mistake() -> None:
    text = "Sang nay chi chuyen nham 500k vao tk em phai khong? De em chuyen tra lai chi luon nhe."
    assert "REFUND_SETTLED" in rule_findings(text)
    asked = "Em chuyen nham 2tr vao tk anh, anh chuyen tra lai giup em vao stk 0123456789 MB nhe"
    assert "REFUND_SETTLED" not in rule_findings(asked)


def test_a_bodys_own_account_and_a_paper_for_a_fee() -> None:
    assert "AUTHORITY_FEE_TO_ACCOUNT" not in rule_findings(
        "UBND xa thong bao: ho gia dinh nop phi ve sinh truoc 17h ngay 30/6 vao tai khoan "
        "123456789 Agribank ten UBND xa An Binh, qua han se bi xu ly.")
    assert "PAY_TO_UNLOCK" not in rule_findings(
        "Sinh vien nop le phi 30k de nhan bang tot nghiep tai phong dao tao; hoc bong se chuyen "
        "vao tai khoan.")
