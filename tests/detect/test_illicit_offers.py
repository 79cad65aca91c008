"""Forged papers made to order and sex for sale are scams however they are worded; someone
getting their own licence, or a chat that mentions sex, is not."""

import pytest

import lachan


def names(v: lachan.Verdict) -> set[str]:
    return {s.name for s in v.symbols}


@pytest.mark.parametrize("text", [
    "Ben em nhan lam cac loai bang lai xe A1, B2, bang dai hoc, CCCD. Giao tan noi, "
    "LH 0912345678",
    "Chuyên nhận làm giấy tờ các loại: GPLX, căn cước, hộ chiếu. Không cần thi. Zalo 0987654321",
    "Lam bang cap 3, bang dai hoc cac loai, bao dau, lien he zalo 0901234567",
])
def test_forged_papers_to_order_are_scam(text: str) -> None:
    v = lachan.analyse(text)
    assert "FORGED_PAPERS_OFFER" in names(v)
    assert v.label == "scam"


@pytest.mark.parametrize("text", [
    "Em 20t sinh vien, can tien, nhan di khach qua dem, den tan noi. Add zalo 0934567890",
    "Gai goi cao cap phuc vu toan quoc, lien he 0976543210",
])
def test_sex_for_sale_with_a_contact_is_scam(text: str) -> None:
    v = lachan.analyse(text)
    assert "SEX_SERVICE_OFFER" in names(v)
    assert v.label == "scam"


@pytest.mark.parametrize("text", [
    # going to get one's own papers
    "Mai tao phai di lam bang lai xe, chieu moi ve duoc",
    "Chieu nay em ra phuong lam giay to, khoang 4h ve",
    # a warning quotes the offer
    "Canh bao: khong nen tin cac tin nhan nhan lam bang lai xe, CCCD gia, day la lua dao.",
    # sex named, but no seller and no contact
    "Phim hom qua nhieu canh sex qua, khong hop xem voi gia dinh",
])
def test_no_illicit_offer_without_a_seller(text: str) -> None:
    found = names(lachan.analyse(text))
    assert not found & {"FORGED_PAPERS_OFFER", "SEX_SERVICE_OFFER"}


def test_a_monthly_return_no_bank_pays_is_a_guaranteed_return() -> None:
    found = names(lachan.analyse("Co hoi dau tu nong nghiep cong nghe cao, gop von 50tr nhan "
                                 "lai 8%/thang, lien he 0911430276"))
    assert "GUARANTEED_RETURNS" in found
    savings = names(lachan.analyse("Gui tiet kiem 12 thang, lai suat 0.5%/thang, "
                                   "chi tiet tai quay"))
    assert "GUARANTEED_RETURNS" not in savings


@pytest.mark.parametrize("text", [
    "Soi cau XSMB hom nay chuan 99%: bach thu lo 47, vao nhom VIP 300k/tuan de nhan so, "
    "Zalo 0934 221 876.",
    "keo toi nay chac an, vao 1tr an 2tr, ib anh chi cho",
    "Chot so mien Trung hom nay, nap phi 200k nhan so truoc 17h. LH 0582 114 903",
    # only a figure of certainty: digit runs are shapes among the word pairs
    "So dep hom nay chuan 99%, nap phi 200k nhan so, Zalo 0934 221 876",
])
def test_lottery_numbers_and_betting_tips_for_sale_are_scam(text: str) -> None:
    v = lachan.analyse(text)
    assert "BETTING_TIPS_SALE" in names(v)
    assert v.label == "scam"


@pytest.mark.parametrize("text", [
    # a carrier's "huong dan de dang ky", a lottery's own result, a police warning
    "Soan DK R10 gui 9123 va lam theo huong dan de dang ky goi roaming.",
    "Vietlott: ket qua Mega 6/45 ky 1234: 05 12 19 27 33 41. Jackpot 15 ty dong.",
    "Cong an canh bao: khong tham gia cac nhom soi cau, ban so lo de, nap phi de nhan so.",
])
def test_no_tips_sale_in_a_guide_a_result_or_a_warning(text: str) -> None:
    assert "BETTING_TIPS_SALE" not in names(lachan.analyse(text))


def test_a_recorded_video_call_and_a_demand_is_extortion() -> None:
    text = ("Video call toi qua cua anh da duoc ghi lai. Chuyen 10tr vao stk 0123456789 ACB "
            "neu khong toi gui cho vo anh.")
    assert "EXTORTION_THREAT" in names(lachan.analyse(text))


def test_a_weekly_return_is_a_guaranteed_return() -> None:
    text = "Vao nhom dau tu cung chuyen gia, lai 15%/tuan, Zalo 0962 580 714"
    assert "GUARANTEED_RETURNS" in names(lachan.analyse(text))


def test_a_victims_centre_that_asks_a_fee_for_the_refund_is_recovery_fraud() -> None:
    text = ("Ben em la trung tam ho tro nan nhan lua dao. Ho so chi bi lua 40 trieu da duoc "
            "duyet, chi dong phi thu tuc 3 trieu de duoc hoan tien trong ngay.")
    assert "FRAUD_RECOVERY_OFFER" in names(lachan.analyse(text))


def test_an_apk_file_in_a_chat_is_scam() -> None:
    v = lachan.analyse("Gui ban file thiep moi dam cuoi, ban tai ve xem nhe thiepcuoi_NamLinh.apk")
    assert v.label == "scam"
    assert "APK_LINK" in names(v)


def test_a_river_called_song_thu_is_no_lottery_tip() -> None:
    v = lachan.analyse("Can ho ven song Thu Duc gia tu 40tr/m2, lien he 0909 812 634")
    assert "BETTING_TIPS_SALE" not in names(v)


@pytest.mark.parametrize("text", [
    "Tai xiu online uy tin, nap 100k nhan 200k, vao nhom tele de nhan code",
    "No hu doi thuong, tang giftcode 50k cho thanh vien moi",
])
def test_a_gambling_game_with_a_signup_lure_is_scam(text: str) -> None:
    assert "GAMBLING_SIGNUP_LURE" in names(lachan.analyse(text))


def test_a_fixed_daily_gold_return_is_guaranteed_returns() -> None:
    v = lachan.analyse("Dau tu vang online chi tu 2 trieu, lai co dinh 1,2%/ngay, rut goc bat ky "
                       "luc nao. Zalo 0835 220 914")
    assert "GUARANTEED_RETURNS" in names(v)


@pytest.mark.parametrize(("name", "text"), [
    ("FRAUD_RECOVERY_OFFER", "Van phong luat su chung toi ho tro thu hoi 80-100% so tien bi mat, "
                             "lien he Zalo de tu van"),
    ("EXTORTION_THREAT", "Toi co video luc anh goi video call toi qua. Neu khong muon toi gui cho "
                         "vo anh va ban be, chuyen 20 trieu truoc 12h."),
    ("GUARANTEED_RETURNS", "ib mk di, keo dau tu coin x5 trong 1 tuan, dam bao ko lo"),
])
def test_round_three_illicit_offers_fire(name: str, text: str) -> None:
    assert name in names(lachan.analyse(text))


@pytest.mark.parametrize("text", [
    "Khoa hoc kiem tien TikTok, khong hieu qua hoan 200% hoc phi, dang ky qua Zalo 0372 118 495",
    "Learn dropshipping: 200% money-back guarantee if you don't earn in 30 days.",
    "Goi von cong dong: gop 1tr nhan lai 1tr3 sau 30 ngay, cam ket bao toan von.",
])
def test_returns_no_one_can_promise_are_guaranteed_returns(text: str) -> None:
    assert "GUARANTEED_RETURNS" in names(lachan.analyse(text))


def test_a_bookmakers_signup_bonus_is_a_gambling_lure() -> None:
    v = lachan.analyse("NHA CAI UY TIN - tang 188K khi dang ky, rut tien 3 phut. Link vao khong "
                       "bi chan: 8kbet-vn.me")
    assert "GAMBLING_SIGNUP_LURE" in names(v)


def test_a_casino_job_with_board_is_no_gambling_lure() -> None:
    v = lachan.analyse("Tuyen nhan vien phuc vu casino Phu Quoc, luong 12tr, bao an o, lien he "
                       "phong nhan su 0297 3846 123")
    assert "GAMBLING_SIGNUP_LURE" not in names(v)
