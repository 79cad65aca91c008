"""The brand-link message detector (URL_BRAND_MISMATCH, PHONE_NOT_OFFICIAL)."""

from __future__ import annotations

from lachan.detect.base import MessageView
from lachan.detect.brand_link import SYMBOLS, detect
from lachan.entities import extract
from lachan.text import normalise


def run(text: str, sender: str | None = None, context=None) -> list[tuple[str, str]]:  # noqa: ANN001
    n = normalise(text)
    view = MessageView(n, extract(n.clean), sender=sender)
    if context is not None:
        view.context = context
    syms = detect(view)
    assert all(s.name in SYMBOLS for s in syms)
    return [(s.name, s.detail) for s in syms]


def test_brand_with_foreign_link_is_a_mismatch() -> None:
    found = run("Vietcombank thông báo: tài khoản bị khóa, xác minh tại https://vcb-xacminh.top/login")
    assert found == [("URL_BRAND_MISMATCH", '"vietcombank" -> vcb-xacminh.top')]


def test_brand_with_its_own_link_is_fine() -> None:
    assert run("Vietcombank: đăng nhập tại https://www.vietcombank.com.vn để xem ưu đãi") == []
    assert run("Shopee: đơn hàng đang giao, xem tại https://shopee.vn/order") == []


def test_shortened_link_is_flagged_separately() -> None:
    assert [n for n, _ in run("Shopee tặng bạn voucher 500k tại bit.ly/abcXYZ")] == [
        "URL_BRAND_SHORTENED"
    ]


def test_ordinary_other_domain_is_only_weak_evidence() -> None:
    found = run("Viettel: xem ưu đãi tháng này tại https://khuyenmai-thang10.vn/goi-cuoc")
    names = [n for n, _ in found]
    assert names in (["URL_BRAND_OTHER_DOMAIN"], ["URL_BRAND_MISMATCH"])
    assert "URL_BRAND_OTHER_DOMAIN" in [
        n for n, _ in run("Viettel: xem ưu đãi tại https://greenfield-garden.vn/uu-dai")
    ]


def test_a_state_portal_is_no_imitation_of_the_brand_that_links_it() -> None:
    text = "[TB] Viettel moi Quy khach cai dat Bluezone tai https://bluezone.gov.vn/taiapp"
    assert run(text) == []


def test_subscribers_own_number_in_a_notice_is_not_a_staff_number() -> None:
    text = "Viettel: Mã dự thưởng chính là số điện thoại 0867256447 của Bạn, chúc may mắn"
    assert run(text) == []


def test_business_hotline_numbers_are_not_flagged() -> None:
    assert run("Viettel: cần hỗ trợ liên hệ tổng đài 1800 8168") == []


def test_no_brand_no_finding() -> None:
    assert run("Tối nay đi ăn phở nhé, menu ở https://example.com/menu") == []


def test_staff_claim_with_unregistered_number() -> None:
    found = run("Tôi là nhân viên bưu điện, bưu phẩm của bạn bị giữ, gọi lại 0912345678")
    assert found == [("PHONE_NOT_OFFICIAL", '"vnpost" -> 0912345678')]


def test_staff_claim_with_the_registered_hotline_is_fine() -> None:
    assert run("Shopee: cần hỗ trợ, liên hệ tổng đài 1900 1221") == []


def test_caller_claiming_to_be_staff_from_a_personal_number() -> None:
    found = run("Alo tôi là cán bộ công an phường, anh cần hợp tác điều tra", sender="0987654321")
    assert ("PHONE_NOT_OFFICIAL", '"police" -> sender 0987654321') in found


class Registry:
    def source_state(self, kind: str, value: str) -> str | None:  # noqa: ARG002
        return None

    def official_owner(self, kind: str, value: str) -> str | None:
        return {("domain", "vcb-promo.vn"): "vietcombank", ("phone", "0912345678"): "vnpost"}.get(
            (kind, value)
        )


def test_registry_additions_count_as_official() -> None:
    ctx = Registry()
    assert run("Vietcombank ưu đãi tại https://vcb-promo.vn/tet") != []
    assert run("Nhân viên bưu điện xin liên hệ 0912 345 678") != []
    assert run("Vietcombank ưu đãi tại https://vcb-promo.vn/tet", context=ctx) == []
    assert run("Nhân viên bưu điện xin liên hệ 0912 345 678", context=ctx) == []


def test_the_bank_that_holds_a_charitys_account_is_no_imitated_brand() -> None:
    charity = ("Hoi Chu thap do phat dong ung ho, TK so 0011002345678, Vietcombank So giao "
               "dich. Chi tiet: chuthapdo-example.org.vn")
    assert run(charity) == []
    # the same bank named as the sender, with a link that is not its own, still is
    fake = ("Vietcombank thong bao: tai khoan cua quy khach bi tam khoa, xac minh tai "
            "vcb-xacminh-example.com, hoac chuyen phi vao STK 0011002345678 Vietcombank")
    assert any(name.startswith("URL_BRAND") for name, _ in run(fake))


def test_social_insurance_named_as_a_jobs_benefit_is_no_brand_claim() -> None:
    text = ("The Gioi Di Dong tuyen nhan vien ban hang, dong BHXH day du. Nop ho so tai "
            "vieclam.thegioididong.com")
    assert run(text) == []
    # named as the sender, it still counts
    found = run("BHXH thong bao: cap nhat ho so huong luong huu tai bhxh-capnhat.top")
    assert [name for name, _ in found] == ["URL_BRAND_MISMATCH"]
