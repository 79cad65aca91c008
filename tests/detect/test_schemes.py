"""The plain-word schemes: each fires on the fraud and stays silent on the genuine message
that looks most like it (a warning, a licensed lender, an employer, a company account)."""

from __future__ import annotations

import pytest

from lachan.detect.engine import rule_findings
from lachan.detect.schemes import PROXY_PRIOR, SCHEME_PRIOR, SYMBOLS

NAMES = {name for name, _ in SYMBOLS}


def schemes(text: str) -> dict[str, float]:
    found = rule_findings(text)
    return {name: f.weight for name, f in found.items() if name in NAMES}


@pytest.mark.parametrize(("name", "text"), [
    ("ACCOUNT_TRADING", "Cần người đứng tên mở tài khoản ngân hàng, trả 500k/tài khoản, "
                        "liên hệ Zalo 0987654321"),
    ("ACCOUNT_TRADING", "Thu mua tai khoan ngan hang Vietcombank, MB gia cao 2tr/tk, ib zalo"),
    ("ACCOUNT_TRADING", "Can thue tk chinh chu, tra 3tr/thang, khong mat gi"),
    ("CARD_CODE_REQUEST", "Chị ơi mua giúp em 5 thẻ Viettel mệnh giá 500k rồi chụp mã thẻ "
                          "gửi qua Zalo cho em, tối em trả"),
    ("CARD_CODE_REQUEST", "ban oi nap ho minh 3 the garena 200k, gui seri voi ma qua day nhe"),
    ("JOB_FEE_REQUEST", "Tuyen 30 lao dong di Nhat Ban, luong 35tr/thang, dat coc truoc 20tr "
                        "de lam ho so, lien he 0934567890"),
    ("JOB_FEE_REQUEST", "Viec lam tai nha, nhan viec ngay, chi can dong phi dong phuc 300k"),
    ("LOAN_SHARK_TERMS", "Vay nong trong ngay, chi can anh CCCD va danh ba, giai ngan 30 phut"),
    ("LOAN_SHARK_TERMS", "Ho tro vay von khong tham dinh nguoi than, no xau van vay duoc"),
    ("BILL_TO_PERSONAL_ACCOUNT", "Cong ty cap nuoc thong bao: hoa don thang 11 chua thanh toan, "
                                 "vui long chuyen 356.000d vao STK 1903456789 Techcombank "
                                 "NGUYEN THI LAN truoc 17h"),
    ("BILL_TO_PERSONAL_ACCOUNT", "FE CREDIT: khoan vay cua quy khach qua han, thanh toan ngay "
                                 "vao tai khoan 0451000123456 Vietcombank chu tai khoan: "
                                 "Le Van Tam"),
    ("AUTHORITY_SUMMONS_CALL", "Toa an nhan dan TP Ha Noi thong bao: ban co buu pham lien quan "
                               "den vu an, goi ngay 02437654321 de duoc huong dan"),
    ("AUTHORITY_SUMMONS_CALL", "Cong an quan 3: anh co giay trieu tap chua nhan, lien he "
                               "0912345678 truoc 16h"),
])
def test_a_scheme_gets_its_prior(name: str, text: str) -> None:
    # a bill into a person's account pulls to ham like a friend's request, and weighs as much
    prior = PROXY_PRIOR if name == "BILL_TO_PERSONAL_ACCOUNT" else SCHEME_PRIOR
    assert schemes(text) == {name: prior}


def test_money_passed_on_for_a_friend_to_a_persons_account() -> None:
    text = ("Tao la ban cua thang Nam, no nho tao nhan may chuyen 3tr vao tk 0123456789 "
            "Vietinbank ten Tran Van Hung gap nhe")
    assert schemes(text) == {"PROXY_MONEY_REQUEST": PROXY_PRIOR}


@pytest.mark.parametrize("text", [
    # warnings and advisories quote the scheme
    "Canh bao: tuyet doi khong mua ban, cho thue tai khoan ngan hang, day la hanh vi vi pham "
    "phap luat",
    "Cong an khuyen cao: toa an khong goi dien thong bao buu pham, nguoi dan can trinh bao "
    "ngay 113",
    # a bank's own offer to open an account, a game account for sale
    "VPBank: mo tai khoan ngan hang online mien phi, nhan ngay 100k. Chi tiet 1900545415",
    "Minh can ban lai tai khoan game lien quan rank cao thu, ib minh",
    # topping up one's own line
    "Quy khach da nap the Viettel 100.000d thanh cong. So du tai khoan chinh 120.500d",
    "De nap the cao, Quy khach bam *100*ma the# va an goi. Chi tiet LH 198",
    # an employer who charges nothing, a call for applications
    "Cong ty tuyen nhan vien kho, khong thu phi, khong dat coc, phong van tai 12 Tran Hung Dao",
    "Truong THPT tuyen dung giao vien, nop ho so truoc 30/12, lien he 02838123456",
    # a licensed lender's advertisement
    "(TB) Vay tien mat den 50 trieu, chi can CCCD, khong chung minh thu nhap. "
    "Dang ky tai fecredit.com.vn",
    # bills to a company account; a landlord splitting the bill among tenants
    "EVN thong bao tien dien thang 11: 356.000d. Thanh toan qua tai khoan 123456789 "
    "Vietcombank CONG TY DIEN LUC HA NOI",
    "tien dien nuoc thang nay 1tr2 nha, chuyen cho chi vao stk 0123456789 vcb tran thi bich",
    # a friend who owes you and pays you back
    "tao chuyen may 3tr vao tk 0123456789 vietinbank roi nhe, nho nhan tin bao tao",
])
def test_the_look_alike_gets_no_prior(text: str) -> None:
    assert {n: w for n, w in schemes(text).items() if w} == {}


@pytest.mark.parametrize("text", [
    "alo e, a dang hop khong nghe may duoc. E chuyen gap giup a 15tr vao so tk 109876543210 "
    "Agribank HOANG VAN LONG, doi tac cua a, xong chup bill gui a",
    "Chi oi em bi khoa app ngan hang, chi chuyen giup em 5tr vao stk 102344789912 VietinBank "
    "PHAM THI MAI (ban em) nha, chieu em gui lai",
])
def test_an_excuse_and_a_transfer_to_another_persons_account(text: str) -> None:
    assert schemes(text) == {"THIRD_PARTY_TRANSFER": PROXY_PRIOR}


def test_a_friend_paying_into_his_own_account_gives_no_excuse() -> None:
    assert schemes("tao dang hop, toi ve tao chuyen lai may 2tr vao tk 0123456789 vcb nhe") == {}


def test_a_held_parcel_with_a_number_to_call_needs_no_authority_named() -> None:
    text = ("Buu dien thong bao: ban co 1 buu pham bi giu tai hai quan do co hang cam. "
            "Goi 02473001189 de gap nhan vien giai quyet")
    assert schemes(text) == {"AUTHORITY_SUMMONS_CALL": SCHEME_PRIOR}


@pytest.mark.parametrize(("name", "text"), [
    ("CUSTOMS_FEE_TO_PERSON", "em yeu, anh da gui qua sinh nhat ve VN roi, ben hai quan san bay "
                              "se goi em, em dong giup anh phi 12 trieu nhe"),
    ("CUSTOMS_FEE_TO_PERSON", "Hello dear, I have sent you a package with gifts. Please pay the "
                              "customs clearance fee 18,500,000 VND so they can deliver it."),
    ("AUTHORITY_OVER_CHAT", "Day la Cong an quan Hoan Kiem, so CCCD cua chi lien quan den duong "
                            "day rua tien. Chi bat video Zalo de can bo lam viec truc tuyen."),
    ("BILL_TO_PERSONAL_ACCOUNT", "Resort ben em con 1 phong, anh chi coc truoc 50% vao stk ca "
                                 "nhan quan ly 0971552318 MB Bank de giu phong nha"),
])
def test_more_schemes(name: str, text: str) -> None:
    assert name in schemes(text)


@pytest.mark.parametrize("text", [
    # a courier's own duty notice, sent to its site
    "DHL: Lo hang cua quy khach dang cho thong quan, vui long nop thue nhap khau 350.000d "
    "tai mydhl.dhl.com",
    # the police's advisory about the same trick
    "Cong an khuyen cao: cong an khong lam viec qua video Zalo, nguoi dan can trinh bao ngay",
])
def test_their_look_alikes(text: str) -> None:
    assert {n: w for n, w in schemes(text).items() if w} == {}


def test_a_call_forwarding_code_with_a_number_but_not_a_carriers_menu_code() -> None:
    text = ("MobiFone: thue bao cua ban du dieu kien doi SIM 5G mien phi. Bam *21*0703228917# "
            "de kich hoat.")
    assert schemes(text) == {"CALL_FORWARD_CODE": SCHEME_PRIOR}
    assert schemes("Bam goi *098*3# de co 3GB voi 15.000d/3 ngay") == {}
    assert schemes("De chuyen tiep cuoc goi, bam **21*so dien thoai# roi an goi") == {}


@pytest.mark.parametrize("text", [
    "Quý khách đã đăng ký gói Netflix Premium 12 tháng, phí 2.990.000đ sẽ được trừ vào tài "
    "khoản trong 24h. Nếu không phải quý khách đăng ký, vui lòng gọi ngay 0856123456 để hủy.",
    "TK cua ban bi tru 1.500.000d phi duy tri the tin dung. Neu khong dong y, lien he "
    "0932111222 de hoan phi.",
    "Your Amazon account was charged $499.99 for an iPhone order. If you did not make this "
    "purchase call +1 888 555 0199 to cancel.",
])
def test_a_charge_to_disown_by_calling_a_personal_or_foreign_number(text: str) -> None:
    assert schemes(text) == {"CHARGE_CANCEL_CALL": SCHEME_PRIOR}


@pytest.mark.parametrize("text", [
    # the bank's own alert sends you to its hotline
    "TK 0123xxx789 -1,500,000VND luc 10:20 06/12. SD: 3,200,000VND. Neu khong phai quy khach "
    "thuc hien, vui long goi 1900545413.",
    # a carrier cancels by a short code
    "Goi MAXS cua quy khach se duoc tu dong gia han, phi 50.000d. Neu khong co nhu cau, soan "
    "HUY MAXS gui 9123.",
    # a friend calling about a charge is not told to disown it
    "Thang nay bi tru phi the 200k, toi goi 0912345678 cho chi nhe",
])
def test_a_charge_that_sends_you_to_the_company_is_no_fraud(text: str) -> None:
    assert "CHARGE_CANCEL_CALL" not in schemes(text)


def test_a_plea_for_a_sick_child_to_a_persons_account() -> None:
    text = ("Con cua chi bi ung thu mau, gia dinh kho khan. Moi tam long xin gui ve STK "
            "0123456789 Vietcombank NGUYEN THI HOA (me chau). Xin cam on.")
    assert schemes(text) == {"CHARITY_TO_PERSON": PROXY_PRIOR}
    # the Fatherland Front's appeal names its own committee as the holder
    front = ("Mặt trận Tổ quốc kêu gọi ủng hộ đồng bào bị ảnh hưởng bão số 3 và các gia đình có "
             "hoàn cảnh khó khăn, chuyển khoản vào STK 1020 tại Vietcombank, chủ tài khoản Ban "
             "Vận động cứu trợ Trung ương.")
    assert "CHARITY_TO_PERSON" not in schemes(front)


@pytest.mark.parametrize("text", [
    "Homestay Da Lat ben minh con 1 phong toi thu 7, 700k/dem. Ban ck coc truoc 50% vao stk "
    "0912345678 MB de minh giu phong nha, qua 3h khong coc minh nhan khach khac.",
    "Minh du 2 ve xem bong da VN - Indo khan dai A, ai lay thi chuyen coc 500k minh gui ve "
    "qua mail, minh o xa nen khong gap duoc.",
    "Ban ca ngoai Anh thuan chung 3 thang tuoi gia 5tr, coc truoc 2tr em gui xe khach cho anh "
    "chi.",
    "Cho thue can ho 1PN gia 5tr/thang, chu nha dang o nuoc ngoai nen khong dan xem duoc, anh "
    "chi chuyen coc 1 thang em gui chia khoa.",
])
def test_a_deposit_before_you_can_see_what_you_pay_for(text: str) -> None:
    assert schemes(text) == {"DEPOSIT_FIRST": SCHEME_PRIOR}


@pytest.mark.parametrize("text", [
    # an airline's booking, paid by a deadline
    "Quy khach da dat cho thanh cong. Ma dat cho: KXT221. Tong so tien: 2.150.000VND. Vui long "
    "thanh toan truoc: 14/03 10:15",
    # a hotel takes the deposit into its company's account
    "Khach san Hoa Sen xac nhan dat phong ngay 20/4. Quy khach vui long dat coc 30% vao tai "
    "khoan Cong ty TNHH Hoa Sen de giu phong.",
    # a shop that says there is no deposit
    "Shop ship toan quoc, khong can coc truoc, nhan hang kiem tra roi moi thanh toan",
])
def test_a_deposit_to_a_company_by_a_deadline_or_none_at_all(text: str) -> None:
    assert "DEPOSIT_FIRST" not in schemes(text)


def test_money_sent_by_mistake_to_be_sent_back_into_a_named_account() -> None:
    text = ("Chi oi em chuyen nham 3 trieu vao tai khoan cua chi, tien hoc cua con em. Chi chuyen "
            "lai giup em vao STK 0451000765432 Vietcombank nhe, em cam on chi.")
    assert schemes(text) == {"MISTAKEN_TRANSFER_RETURN": SCHEME_PRIOR}


def test_a_relative_held_and_money_to_pay_and_a_chat_about_a_kidnapping_film() -> None:
    text = ("Con trai ba dang o trong tay chung toi. Chuyen 300 trieu truoc 6h toi, bao cong an "
            "la het.")
    assert schemes(text) == {"RANSOM_DEMAND": SCHEME_PRIOR}
    assert schemes("Phim bat coc hom qua hay vai, toi nay di xem tiep khong") == {}


@pytest.mark.parametrize("text", [
    # a landlord's "new account", the old one "locked"
    "Chao em, anh chu nha day. Thang nay em chuyen tien phong vao STK moi 0071000987654 ACB "
    "Tran Van Long giup anh nhe, tk cu bi khoa roi.",
    # a relative who lost his wallet, to a friend's account
    "Co oi chau la con chu Binh, chau len Sai Gon bi mat vi, co chuyen giup chau 1 trieu vao tk "
    "cua ban chau de dong tien tro a.",
])
def test_a_new_or_a_friends_account_with_an_excuse(text: str) -> None:
    assert schemes(text) == {"THIRD_PARTY_TRANSFER": PROXY_PRIOR}


def test_a_negation_in_an_earlier_clause_does_not_negate_the_request() -> None:
    text = ("Em oi chi dang hop khong tien nghe may, em mua giup chi 4 the Vinaphone 200k roi "
            "chup ma gui chi nhe")
    assert "CARD_CODE_REQUEST" in schemes(text)


def test_a_charge_to_cancel_by_calling_a_mobile_number() -> None:
    text = ("Quy khach da dang ky goi VIP99 gia 399.000d/thang, tien se tu dong tru vao tai khoan. "
            "De huy dich vu vui long goi 0902345678 truoc 20h.")
    assert schemes(text) == {"CHARGE_CANCEL_CALL": SCHEME_PRIOR}


def test_a_lovers_gift_by_air_whose_carrier_asks_a_fee() -> None:
    text = ("Em yeu, anh gui em thung qua co day chuyen vang va 30.000 USD qua duong hang khong. "
            "Ben van chuyen se goi em, em dong phi nhan hang giup anh nhe.")
    assert schemes(text) == {"CUSTOMS_FEE_TO_PERSON": SCHEME_PRIOR}
    # a shop's gift sent by a carrier, with its shipping fee
    shop = ("Shop gui tang ban mon qua tri an, don vi van chuyen GHN se giao trong 3 ngay, phi "
            "ship 0d.")
    assert "CUSTOMS_FEE_TO_PERSON" not in schemes(shop)


def test_pay_by_the_day_for_work_that_needs_nothing() -> None:
    text = ("Tuyen cong tac vien lam tai nha, chi can dien thoai, thu nhap 500k-1tr/ngay. Lien he "
            "Zalo 0934567123")
    assert schemes(text) == {"DAILY_PAY_JOB": SCHEME_PRIOR}
    # a labourer's day rate, and an hourly part-time job, name no such ease
    for job in ("Tuyen tho phu ho lam cong trinh o Thu Duc, luong 350k/ngay, bao an trua. "
                "LH 0909123456",
                "Tuyen nhan vien ban hang ca toi, luong 25.000d/gio, nop ho so tai cua hang"):
        assert "DAILY_PAY_JOB" not in schemes(job)


@pytest.mark.parametrize("text,symbol", [
    # a hijacked friend whose own account "has an error", and a cousin's account
    ("m oi cho t muon 2tr, tk t bi loi ko ck dc, ck giup vao stk nay nhe: 9988776655 "
     "Techcombank Le Thi Mai", "THIRD_PARTY_TRANSFER"),
    ("Tao dang ket o san bay, cho tao muon 4 trieu, chuyen vao tai khoan chi ho tao nhe "
     "ACB 1122334455 Pham Van Binh", "THIRD_PARTY_TRANSFER"),
    # a job "won" and its uniform fee
    ("Ban da trung tuyen vi tri nhan vien thu ngan, luong 9tr. Vui long nop 600k phi dong "
     "phuc vao stk 5566778899 MB truoc ngay nhan viec.", "JOB_FEE_REQUEST"),
    # a utility's bill through a staff member's Zalo
    ("Cong ty Dien luc: ho gia dinh no tien dien 2 thang, se cat dien trong ngay. Thanh "
     "toan qua ma QR nhan vien gui qua Zalo 0912345678.", "BILL_TO_PERSONAL_ACCOUNT"),
])
def test_more_schemes_are_read(text: str, symbol: str) -> None:
    assert symbol in schemes(text)


@pytest.mark.parametrize(("name", "text"), [
    ("INVESTMENT_OPENER", "Xin loi anh, em nhan nham so. Em lam ben san giao dich vang, "
                          "tuan nay co keo ngon, anh co muon tham gia khong?"),
    ("INVESTMENT_OPENER", "Sorry, wrong number! I'm Lily from Hong Kong, I do crypto trading "
                          "with my uncle, maybe we can chat?"),
    ("INVESTMENT_OPENER", "Chi vao nhom dau tu cua em di, ca nhom vao lenh theo lenh cua thay "
                          "la lai deu"),
    ("UNIT_ORDER_ADVANCE", "Chao em, anh ben ban chi huy quan su huyen, don vi dat 40 suat com. "
                           "Em lay giup anh 5 thung bia o dai ly ben anh, anh chuyen khoan "
                           "lai luon ca tien com."),
])
def test_more_frauds_openings_are_read(name: str, text: str) -> None:
    assert name in schemes(text)


@pytest.mark.parametrize("text", [
    "Xin loi, minh nhan nham so, chuc ban mot ngay vui ve",  # a real wrong number
    "Xin loi nham so a, em tuong la anh Hai o san bay",
    "Thu moi: Tieu doan 3 to chuc giao luu van nghe, moi ca nha den du toi thu 7",
    "Sang nay bo doi ve giup dan don lu, dan ca xom mang nuoc ra tiep",
])
def test_a_wrong_number_or_an_army_unit_alone_is_no_fraud(text: str) -> None:
    assert not {"INVESTMENT_OPENER", "UNIT_ORDER_ADVANCE"} & set(schemes(text))


@pytest.mark.parametrize(("name", "text"), [
    ("THIRD_PARTY_TRANSFER", "Toi la tro ly giam doc. Sep dang hop khong nghe may duoc, nho "
                             "chi chuyen gap 20 trieu cho doi tac vao STK 1234567890 ACB."),
    ("THIRD_PARTY_TRANSFER", "b oi t mat vi o ga, ck t 2tr vo stk nay 0345678912 nha, dung goi "
                             "t dang het pin"),
    ("CARD_CODE_REQUEST", "This is your director. Buy 4 Google Play gift cards of $50 and send "
                          "me the codes now, keep it private."),
    ("INVESTMENT_OPENER", "Em duoc thay day danh chi so tren san MT5, nap 20 trieu rut ve 30 "
                          "trieu, anh thu khong?"),
])
def test_bosses_stranded_friends_and_teachers_are_read(name: str, text: str) -> None:
    assert name in schemes(text)


def test_a_brokers_newsletter_is_no_investment_opener() -> None:
    text = ("SSI: Chuyen gia chung khoan nhan dinh thi truong tuan toi, co phieu ngan hang "
            "duoc ky vong. Chi tiet tren ung dung iBoard.")
    assert "INVESTMENT_OPENER" not in schemes(text)


def test_cannot_is_no_excuse_but_no_cash_is() -> None:
    from lachan.detect.schemes import _EXCUSE_RE

    assert _EXCUSE_RE.search("em khong co the den duoc") is None  # "khong co the": cannot
    assert _EXCUSE_RE.search("t dang o ngoai khong co tien mat") is not None
    assert _EXCUSE_RE.search("anh khong dung duoc app ngan hang") is not None


@pytest.mark.parametrize("text", [
    "A goi vao so 1900 6868 99 de noi chuyen va tam su voi em nhe, em buon qua.",
    "Em co don lam, anh goi cho em qua so 19001234 nha, em doi.",
])
def test_a_strangers_call_me_on_a_premium_number_is_a_lure(text: str) -> None:
    assert "PREMIUM_CHAT_LURE" in schemes(text)


@pytest.mark.parametrize("text", [
    # a song line sold as such, in no one's voice; a friend's call-me to a mobile number
    "Goi 19002285 nghe bai hat va tam su cua mot tinh yeu don phuong, 3000d/phut.",
    "Em buon qua, anh goi cho em so 0912345678 nhe",
])
def test_a_song_line_or_a_friends_number_is_no_chat_lure(text: str) -> None:
    assert "PREMIUM_CHAT_LURE" not in schemes(text)


def test_a_mistaken_transfer_sent_back_where_it_came_from_is_honest() -> None:
    honest = ("Anh oi em chuyen nham 200k vao tk anh luc trua, anh chuyen lai giup em vao dung tk "
              "em da chuyen nhe.")
    trap = ("Anh oi em chuyen nham 2tr vao tk anh, anh chuyen lai giup em vao stk 0123456789 "
            "Techcombank nhe.")
    assert "MISTAKEN_TRANSFER_RETURN" not in schemes(honest)
    assert "MISTAKEN_TRANSFER_RETURN" in schemes(trap)


@pytest.mark.parametrize("text", [
    # the bank's tracing waved away
    "Anh oi em chuyen nham 5tr vao tk anh, khong can tra soat ngan hang dau, anh chi can "
    "chuyen lai cho em vao stk 0123456789 MB Bank nhe.",
    "Chi oi em ck nham 1tr vao tk chi, dung bao ngan hang tra soat nhe, chi chuyen lai vao "
    "stk 0123456789 giup em.",
    # ...or held over the reader as a threat
    "Chi oi em ck nham 3tr vao tai khoan chi, chi chuyen lai giup em qua stk 0451000765432 "
    "Vietcombank nhe, neu khong chuyen lai em se tra soat va bao cong an.",
    "Chi oi em chuyen nham 1tr vao tk chi, chi chuyen lai vao stk 0123456789 giup em. Neu "
    "khong chuyen lai, em se tra soat ngan hang.",
])
def test_a_mistaken_transfer_whose_bank_tracing_is_waved_away_or_threatened(text: str) -> None:
    assert "MISTAKEN_TRANSFER_RETURN" in schemes(text)


@pytest.mark.parametrize("text", [
    "Chao anh, em chuyen nham 2tr vao TK cua anh sang nay. Anh chuyen lai giup em duoc khong "
    "a, em da bao ngan hang tra soat roi.",
    "Chi oi em chuyen nham 1tr vao tk chi. Chi vui long lam thu tuc tra soat tai ngan hang de "
    "hoan lai giup em nhe.",
    "Chi oi em chuyen nham 1tr vao tk chi. Chi vui long lam dung thu tuc tra soat tai ngan "
    "hang giup em, roi chuyen lai cho em nhe.",
])
def test_a_mistaken_transfer_returned_through_the_banks_tracing(text: str) -> None:
    assert "MISTAKEN_TRANSFER_RETURN" not in schemes(text)


@pytest.mark.parametrize(("name", "text"), [
    ("CUSTOMS_FEE_TO_PERSON", "Chau o buu dien, bac co buu pham tu nuoc ngoai trong co tien mat, "
                              "bac dong phi thong quan 2tr cho chau qua stk de nhan nhe."),
    ("BILL_TO_PERSONAL_ACCOUNT", "Chuc mung em da trung tuyen. Em chuyen phi giu cho 3.500.000d "
                                 "vao STK 0451000987213 Vietcombank, chu tai khoan Tran Thi "
                                 "Lan, truoc 17h mai."),
])
def test_a_parcels_fee_to_the_writer_and_an_admission_fee_to_a_person(name: str,
                                                                       text: str) -> None:
    assert name in schemes(text)


@pytest.mark.parametrize(("name", "text"), [
    ("THIRD_PARTY_TRANSFER", "em oi anh dang can gap 3tr, em ck giup anh vao tk nay nhe "
                             "0451000987654 Vietcombank, mai anh tra, dung noi voi ai nha"),
    ("DAILY_PAY_JOB", "lam online tai nha, 1 ngay 400k-800k, ai can ib minh nha"),
    ("DAILY_PAY_JOB", "Tuyen CTV danh gia san pham, 1 danh gia 40k, nhan tien lien, ib tele"),
    ("DEPOSIT_FIRST", "Em chot don 3 hop sua cho chi nha, chi chuyen khoan coc 50% giup em, ben "
                      "em khong ho tro COD a"),
    ("DEPOSIT_FIRST", "Minh pass ve may bay Ha Noi - Da Nang ngay 30 Tet, ban chuyen khoan "
                      "truoc roi minh doi ten ve cho"),
    ("DEPOSIT_FIRST", "The flat is still free. I am overseas, so please transfer the deposit "
                      "first and I will courier the keys to you."),
    ("APP_LINK_OVER_CHAT", "Chao chu, chau la can bo BHXH phuong. Chu can cai ung dung de nhan "
                           "tro cap, chau gui link qua Zalo chu bam vao nhe"),
])
def test_wider_schemes_fire(name: str, text: str) -> None:
    assert schemes(text).get(name, 0.0) > 0.0


@pytest.mark.parametrize("text", [
    # a shop that takes cash on delivery, a labourer's day rate, a store's app
    "Shop ship COD toan quoc, kiem tra hang roi moi thanh toan nhe",
    "Can 2 tho ho, 1 ngay 400k, lam tai cong trinh quan 7, lien he 0903 112 233",
    "BHXH Viet Nam: tai ung dung VssID tren App Store hoac Google Play de tra cuu qua trinh "
    "dong bao hiem.",
])
def test_the_honest_cousins_of_wider_schemes_get_none(text: str) -> None:
    found = schemes(text)
    assert not {"DEPOSIT_FIRST", "DAILY_PAY_JOB", "APP_LINK_OVER_CHAT"} & set(found)


@pytest.mark.parametrize(("name", "text"), [
    ("THIRD_PARTY_TRANSFER", "ck gap giup t 3tr vao stk nay 0341228899 VPBank, toi t tra, dung "
                             "goi t dang hop"),
    ("APP_LINK_OVER_CHAT", "Em ben Chi cuc Thue, anh cai app eTax theo link em gui de doi chieu "
                           "so thue con no"),
    ("APP_LINK_OVER_CHAT", "Chi oi em goi tu cong an phuong, ho so CCCD cua chi bi sai, em gui "
                           "link qua Zalo chi cai dat giup em nhe"),
    ("BANK_PROCEDURE_OVER_CHAT", "Em la nhan vien Techcombank, tai khoan anh chua xac thuc khuon "
                                 "mat, anh ket ban Zalo 0387 214 906 de em ho tro lam online"),
    ("INVESTMENT_OPENER", "Nhom vua chot lai 30% ma co phieu. Ib tro ly Lan de vao app giao dich "
                          "noi bo mua IPO"),
    ("INVESTMENT_OPENER", "Hom nay chi lai them 35 trieu tren san cua anh trai, em muon thu 5 "
                          "trieu khong"),
])
def test_more_schemes_fire(name: str, text: str) -> None:
    assert schemes(text).get(name, 0.0) > 0.0


@pytest.mark.parametrize("text", [
    # a bank's own app for biometrics, a friend's loan with a call welcome
    "Techcombank: Quy khach vui long xac thuc khuon mat tren ung dung Techcombank Mobile truoc "
    "01/01. Hotline 1800 588 822.",
    "e oi ck giup a 500k vao tk 0341228899 VPBank nhe, toi a goi lai",
])
def test_no_chat_procedure_or_excuse_in_honest_messages(text: str) -> None:
    found = schemes(text)
    assert not {"BANK_PROCEDURE_OVER_CHAT", "THIRD_PARTY_TRANSFER"} & set(found)


@pytest.mark.parametrize(("name", "text"), [
    ("THIRD_PARTY_TRANSFER", "Dang ranh khong, chuyen giup minh 5 trieu vao tk nay voi, app ngan "
                             "hang minh dang bi loi khong chuyen duoc, VPBank 218846210 LE THI "
                             "THU"),
    ("THIRD_PARTY_TRANSFER", "e oi a dang ket chut viec, ck giup a 3tr vao stk nay nhe, toi a "
                             "tra: vcb 0451000382716 NGUYEN DUC ANH"),
    ("DEPOSIT_FIRST", "Em co lo dat nen can ban gap, anh dat coc giu cho 50 trieu qua tai khoan "
                      "ca nhan em hom nay, mai em dan di xem"),
    ("DEPOSIT_FIRST", "It is still available. I'm overseas so I'd need a deposit to hold it, "
                      "and the keys will be sent by courier."),
    ("APP_LINK_OVER_CHAT", "Toi ben BHXH, ho so luong huu cua ba co sai sot, ba can cai app "
                           "theo link de cap nhat"),
    ("INVESTMENT_OPENER", "Ma co phieu sap tang tran, tham gia nhom Zalo mien phi cua chuyen gia "
                          "de nhan khuyen nghi"),
    ("INVESTMENT_OPENER", "Our members made 35% last week on BTC signals. Join our private "
                          "Telegram group today."),
    ("DAILY_PAY_JOB", "Cong ty can nguoi ban thoi gian review dia diem tren Google Maps, moi "
                      "review 50k"),
    ("DAILY_PAY_JOB", "Flexible remote job for expats, 1-2 hours a day, earn $150-$400 daily."),
    ("UTILITY_CUTOFF_MOBILE", "Dien luc thong bao: quy khach no tien dien, se tam ngung cap dien "
                              "trong hom nay. Lien he nhan vien 0789 330 512 de thanh toan."),
])
def test_round_three_schemes_fire(name: str, text: str) -> None:
    assert schemes(text).get(name, 0.0) > 0.0


def test_a_cut_off_notice_with_the_hotline_is_no_fraud() -> None:
    text = ("EVNHANOI: Quy khach chua thanh toan tien dien thang 5, se ngung cap dien tu ngay "
            "15/6. Thanh toan qua app EVNHANOI hoac LH 19001288.")
    assert "UTILITY_CUTOFF_MOBILE" not in schemes(text)


@pytest.mark.parametrize(("name", "text"), [
    ("INVESTMENT_OPENER", "Em la tro ly cua TS Nguyen Minh, chuyen gia chung khoan. Thay chia se "
                          "ma co phieu tang tran trong nhom kin."),
    ("INVESTMENT_OPENER", "Join our exclusive crypto signals group, members made 3x last month."),
    ("DEPOSIT_FIRST", "Thanh ly vang SJC re hon thi truong, dat coc 30% giu gia, LH anh Tuan "
                      "0903 221 554"),
    ("DEPOSIT_FIRST", "Ban sim so dep duoi 999, chuyen khoan truoc de giu so, so dep co nguoi dat "
                      "la mat"),
    ("DEPOSIT_FIRST", "Selling 2 concert tickets cheap. Transfer a deposit of 2M and I'll send the "
                      "e-tickets by Zalo."),
    ("DEPOSIT_FIRST", "Hang hai quan thanh ly iPhone 16 gia 8 trieu, chuyen khoan coc 30% giu "
                      "may, ship COD phan con lai"),
    ("DAILY_PAY_JOB", "Ben minh tuyen CTV tha tim, follow shop, moi nhiem vu 15-50k, lam tai nha"),
    ("BILL_TO_PERSONAL_ACCOUNT", "Goi bao hiem y te 2025 chi 99k/thang, dong truoc 12 thang vao "
                                 "STK ca nhan nhan vien 1903 2211 4587 Techcombank"),
])
def test_round_four_schemes_fire(name: str, text: str) -> None:
    assert schemes(text).get(name, 0.0) > 0.0


def test_a_pupils_name_in_the_transfer_memo_is_no_account_holder() -> None:
    text = ("Truong Tieu hoc Doan Thi Diem TB: tien an ban tru thang 11 la 1.210.000d. PH nop qua "
            "TK truong 0021000998877 Vietcombank, ND: 2A2 Nguyen Bao Chau.")
    assert "BILL_TO_PERSONAL_ACCOUNT" not in schemes(text)


@pytest.mark.parametrize(("name", "text"), [
    # a notice that warns against paying a person is no bill into one
    ("BILL_TO_PERSONAL_ACCOUNT", "Nha truong nhac han nop hoc phi thang 1. Phu huynh nop qua tai "
                                 "khoan cua truong tai BIDV, khong chuyen vao tai khoan ca nhan "
                                 "cua giao vien."),
    # a neighbour's used goods, seen at the door before the rest is paid
    ("DEPOSIT_FIRST", "minh pass lai iphone 12, gia 5tr5. ai lay coc 500k giu may, qua nha minh "
                      "xem may truc tiep roi tra not"),
    # a courier who could not reach the reader
    ("THIRD_PARTY_TRANSFER", "chi oi e la shipper J&T, don 450k ma chi k nghe may. e de hang o "
                             "tap hoa, chi ck vao momo 0935111222 cho e roi ra lay nhe"),
])
def test_honest_cousins_of_round_five(name: str, text: str) -> None:
    assert name not in schemes(text)


def test_a_seller_who_cannot_meet_still_asks_a_deposit_first() -> None:
    text = ("Pass 2 ve concert gia goc, chuyen khoan truoc minh gui ve dien tu qua mail, minh ban "
            "khong gap truc tiep duoc.")
    assert schemes(text).get("DEPOSIT_FIRST", 0.0) > 0.0
