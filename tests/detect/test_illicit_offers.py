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
