"""Advertising without an offer: a trade, a course, an opening or an event put before the
public with a way to reach the seller is an ad; the same words in a chat, a class's own
notice or a fraud are not."""

import pytest

import lachan
from lachan.detect.engine import rule_findings

SERVICE_ADS = [
    "Sửa máy lạnh, tủ lạnh tại nhà quận Gò Vấp, có mặt sau 15 phút, bảo hành 3 tháng. "
    "Gọi anh Tâm 0912 345 678",
    "Dich vu ve sinh nha o, van phong tron goi, nhan lich ca ngay le. LH 0987 111 222",
    "Trung tam ngoai ngu Sao Mai tuyen sinh lop giao tiep tieng Nhat so cap, hoc toi 2-4-6. "
    "Hotline 0243 999 888",
    "Phòng gym Năng Lượng chính thức hoạt động tại Long Biên, mời anh chị đến tập thử 7 "
    "ngày. Đăng ký: 0904 222 333",
    "Đêm nhạc Trịnh tại phố đi bộ Hồ Gươm, vé đã mở bán tại ticketgo.vn",
    "Em moi ve lo vai thieu Luc Ngan loai 1, ai lay inbox em, ship toan quoc a",
    "Nha hang hai san Bien Xanh moi ra mat thuc don mua he, dat ban: 0236 333 444",
]


@pytest.mark.parametrize("text", SERVICE_ADS)
def test_a_trade_course_or_event_put_before_the_public_is_an_ad(text: str) -> None:
    v = lachan.analyse(text)
    assert v.label == "ad", text
    assert "SERVICE_AD" in {s.name for s in v.symbols}


def _findings(text: str) -> set[str]:
    return set(rule_findings(text))


@pytest.mark.parametrize("text", [
    # a friend's chat, a class's own notice, an order's notice
    "Tối nay mình đi ăn lẩu không, quán mới mở gần nhà tao đó",
    "Lop hoc thu 3 tuan nay nghi, thay se bao lich hoc bu sau nhe ca lop",
    "Don hang cua ban dang giao, shipper se goi trong ngay, ship toan quoc mien phi",
    # negated
    "Tiem em khong nhan sua chua nua nha chi, 0912 345 678",
    # recruitment: job frauds look the same
    "Tuyen nhan vien ban hang tai cua hang, luong 8 trieu, lien he 0912 345 678",
])
def test_chats_notices_and_recruitment_are_no_service_ad(text: str) -> None:
    assert "SERVICE_AD" not in _findings(text)


def test_a_fraud_that_names_a_course_gets_no_ad_finding() -> None:
    text = ("Chuc mung ban duoc nhan hoc bong khoa hoc online, vui long cung cap ma OTP "
            "de kich hoat, lien he 0912 345 678")
    assert "SERVICE_AD" not in _findings(text)


def test_one_trade_word_without_a_way_to_reach_the_seller_is_not_enough() -> None:
    assert "SERVICE_AD" not in _findings("Hom nay truong em khai giang, vui lam")
    assert "SERVICE_AD" in _findings("Truong mam non Hoa Mai tuyen sinh nam hoc moi, LH "
                                     "0912 345 678")


@pytest.mark.parametrize("text", [
    "Tour Sa Pa - Fansipan 3N2D khoi hanh thu 6 hang tuan, xe giuong nam, khach san 3 sao. "
    "Goi 0912 345 678",
    "Tiem banh Mai nhan dat banh sinh nhat, giao tan noi trong noi thanh.",
    "Workshop 'Nau an healthy' chieu thu 7, phi tham du 150k, dang ky qua fanpage.",
])
def test_tours_orders_and_workshops_are_service_ads(text: str) -> None:
    assert "SERVICE_AD" in _findings(text)


def test_asking_someone_is_no_fair() -> None:
    # "hoi cho" is also "to ask for": only a fair of something counts
    assert "SERVICE_AD" not in _findings("De chau hoi cho ro roi bao lai co, 0912 345 678")
