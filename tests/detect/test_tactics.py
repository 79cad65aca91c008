"""The moves that finish a fraud: each fires on the fraud, stays silent on the genuine
message most like it, and counts for nothing in a warning that quotes it."""

from __future__ import annotations

import pytest

import lachan
from lachan.detect.engine import rule_findings
from lachan.detect.tactics import SYMBOLS, TACTIC_PRIOR

NAMES = {name for name, _ in SYMBOLS}


def tactics(text: str) -> dict[str, float]:
    found = rule_findings(text)
    return {name: f.weight for name, f in found.items() if name in NAMES}


@pytest.mark.parametrize(("name", "text"), [
    ("STAY_ON_THE_LINE", "Day la Cong an quan Cau Giay, so CCCD cua chi lien quan den mot vu "
                         "rua tien. Chi giu may, khong duoc cup may, toi noi may sang dieu tra "
                         "vien."),
    ("STAY_ON_THE_LINE", "Nhân viên ngân hàng đây ạ, anh đọc giúp em mã xác thực, tuyệt đối "
                         "giữ máy đừng tắt máy nhé."),
    ("RELEASE_FROM_CUSTODY_FEE", "Co oi con la ban cua Tuan, Tuan bi cong an bat vi gay tai nan, "
                                 "can 30 trieu de duoc tha ngay, co chuyen giup con."),
    ("RELEASE_FROM_CUSTODY_FEE", "Chú ơi em trai chú đang bị tạm giữ ở đồn, cần 15tr nộp phạt "
                                 "thì mới được bảo lãnh về."),
    ("SMS_COMMAND_TO_MOBILE", "Viettel: chuyen doi eSIM mien phi. Soan ESIM <so CCCD> gui "
                              "0987 123 456 de kich hoat."),
    ("ID_PHOTOS_FOR_CREDIT", "Vay tin chap khong can chung minh thu nhap, nhan ca no xau. Gui "
                             "anh CCCD 2 mat qua Zalo 0912 000 111 de duyet."),
    ("CODE_WITH_PERSONAL_CALLBACK", "Ma OTP cua ban la 551230. Neu ban khong thuc hien giao "
                                    "dich, goi ngay cho nhan vien 0868 432 109 de huy."),
    ("MONEY_MULTIPLIED_CLAIM", "Em vao nhom thay Minh tu thang 5, 10tr thanh 45tr chi trong 3 "
                               "tuan, ai muon tham gia ib em."),
    ("MONEY_MULTIPLIED_CLAIM", "Nho anh chuyen gia ma em vao 500k thanh 5tr chi trong 3 ngay, "
                               "nhom con cho, ib em nhe."),
    ("RELEASE_FROM_CUSTODY_FEE", "Bố ơi con đang ở đồn công an, chú công an bảo nộp 20 "
                                 "triệu bảo lãnh thì được về, bố chuyển giúp con."),
    ("ACCUSED_BY_PHONE", "Canh sat dieu tra Bo Cong an: Ban co ten trong ho so vu an ma tuy "
                         "xuyen quoc gia. Neu khong hop tac qua cuoc goi video voi dieu tra vien "
                         "se bi bat tam giam."),
    ("SIM_SERIAL_COMMAND", "Chào anh, em là nhân viên nhà mạng, hỗ trợ nâng cấp SIM 4G miễn "
                           "phí. Anh soạn tin theo cú pháp DS + 20 số seri in trên phôi SIM gửi "
                           "999 giúp em nhé."),
    ("MISSED_CALL_ABROAD", "Ban co 1 cuoc goi nho quan trong tu tong dai. Vui long goi lai ngay "
                           "so +232 76 448 915 de nhan thong tin."),
    ("UNREAD_MESSAGE_LURE", "Thong bao: ban co 2 tin nhan chua doc tu ngan hang. Xem tai "
                            "bit.ly/tb-nh"),
    ("FORTUNE_FOR_SAFEKEEPING", "I am a US Army general in Yemen and I have a consignment box of "
                                "$2.5 million that I want you to keep for me until I retire."),
])
def test_a_tactic_gets_its_prior(name: str, text: str) -> None:
    assert tactics(text) == {name: TACTIC_PRIOR}
    assert lachan.analyse(text).label == "scam"


@pytest.mark.parametrize("text", [
    # at the police station for an errand; a relative abroad asking to be called back; a
    # carrier's missed-call notice of a Vietnamese number
    "Con dang o don cong an phuong lam can cuoc, tam 10h xong, me nau com truoc nhe.",
    # the carrier's own SIM change at its shop
    "Viettel: Quy khach mang CCCD va SIM cu den cua hang Viettel gan nhat de doi SIM 4G mien "
    "phi. Khi doi, nhan vien se nhap so seri tren phoi SIM moi.",
    # a written summons to an office; the news of a case
    "Giay moi: Ong Nguyen Van A lien quan den vu an tranh chap dat dai, moi den tru so Cong an "
    "huyen lam viec luc 8h ngay 12/12, mang theo CCCD.",
    "Bao Tuoi Tre: triet pha duong day rua tien 2.000 ty, nhieu doi tuong se bi khoi to.",
    "Bo oi con goi bo khong duoc, bo goi lai cho con so +82 10 2233 4455 nhe, con nho bo.",
    "Quy khach co 2 cuoc goi nho tu so 0912 345 678 luc 10:20. Goi lai ngay de ket noi.",
    # a friend on the phone, no officer, no code
    "Anh cu giu may nhe, em dang tim giay to, khong cup may nha",
    # an arrest told as news, no money asked
    "Nghe noi thang Hung bi cong an bat vi danh bac roi, toi nay ra quan noi chuyen nhe",
    # a carrier's command to its short code
    "Viettel: de chuyen doi eSIM, soan ESIM gui 9123 hoac den cua hang gan nhat.",
    # a licensed lender: checks in its app, no ID photos over chat
    "FE CREDIT: vay tieu dung lai suat tu 1,5%/thang, ho so don gian, dang ky tren app "
    "$MOVE. Hotline 1900 6535",
    # a genuine code message: its hotline, or nothing
    "Ma OTP cua ban la 551230. Neu ban khong thuc hien giao dich, goi 1900 545413.",
    # a growth over years, or a small one
    "Nha minh mua 2 ty thanh 3 ty sau 5 nam roi",
    "Quy mo thang nay tang tu 10tr len 12tr trong 1 thang",
    # an unread-message reminder of the app itself, no link
    "Ban co 3 tin nhan chua doc trong hop thu Zalo.",
    # a review's counter-examples: forced to stay late, kept at school, a bike held
    "Em bi bat buoc o lai lam them, 9h moi ve nha, anh chuyen tien dien giup em nhe.",
    "Con bi giu lai truong lam bai, 6h moi ve nha, anh nho dong tien hoc cho con.",
    "Bo bi cong an giu xe vi khong doi mu, de duoc tha xe, nho mang 300k nop phat.",
    # "soan" as "to draft"
    "Em soan bao gia roi gui so 0912345678 cua anh Hung nhe",
    "Chi soan hop dong xong gui 0903 123 456 giup em voi",
    # a service's own notice, on its own site
    "VNeID: Ban co 1 thong bao moi chua doc. Truy cap https://vneid.gov.vn",
    # a loss, a salary over months, and growth over months
    "Chung khoan nam nay lo nang, 2 ty thanh 900 trieu chi trong 3 tuan",
    "Luong em tu 7tr len 20tr sau 8 thang lam viec",
    # switching off, a courier on the line
    "Quy khach vui long khong tat may trong khi giao dich dang xu ly.",
    "Em la nhan vien giao hang, anh giu may giup em, dung tat may nhe, em dang tim nha",
    # a real goodbye to a soldier
    "Chuc anh Captain chuyen cong tac an toan, box qua em gui de o quay le tan nhe",
])
def test_the_genuine_look_alike_stays_silent(text: str) -> None:
    assert tactics(text) == {}


def test_a_warning_that_quotes_the_trick_adds_nothing() -> None:
    text = ("Canh bao: ke gian gia danh cong an goi dien, yeu cau nguoi dan giu may, khong "
            "duoc cup may roi chuyen tien. Hay cup may va bao cong an noi gan nhat.")
    found = tactics(text)
    assert set(found) == {"STAY_ON_THE_LINE"} and found["STAY_ON_THE_LINE"] == 0.0
    assert lachan.analyse(text).label != "scam"
