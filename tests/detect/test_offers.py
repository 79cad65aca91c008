"""A shop's promotion is advertising however it is written: with or without [QC], with
or without diacritics; a friend mentioning a sale is not."""

import pytest

import lachan
from lachan.detect.engine import rule_findings
from lachan.detect.offers import PRIZE_NO_FEE_PRIOR as OFFERS_NO_FEE_PRIOR

PROMOTIONS = [
    "Giảm 50% toàn bộ sản phẩm thời trang tại cửa hàng ABC từ 1/12 đến 10/12. Mua ngay kẻo lỡ!",
    "Highlands Coffee tặng bạn voucher 30K cho đơn từ 99K, áp dụng đến hết 15/12. "
    "Chi tiết tại app Highlands.",
    "Khai trương chi nhánh mới, Spa Hoa Mai ưu đãi 40% mọi dịch vụ trong tuần này. "
    "Đặt lịch: 0909123456",
    "Mừng sinh nhật, Lotte Mart gửi tặng quý khách phiếu mua hàng 100.000đ. Hạn dùng 31/12.",
    "Bộ sưu tập Tết 2027 đã có mặt tại Canifa. Mua 2 tặng 1, freeship đơn từ 299K.",
    "FLASH SALE 12.12: Dien thoai Samsung giam den 3 trieu, tra gop 0%. Xem ngay tai "
    "thegioididong.com",
    # "áp dụng", "tín dụng", "ứng dụng" fold to "dung", which is also "đừng" (don't)
    "Áp dụng mã GIAM30 giảm 30% cho đơn từ 200K trên toàn bộ mỹ phẩm chính hãng. Mua ngay "
    "trên ứng dụng kẻo lỡ!",
    "Thẻ tín dụng VPBank: hoàn tiền 15% khi mua sắm online, đăng ký tại vpbank.com.vn",
    "Grab: Giam 50K cho 3 chuyen GrabCar dau tien, nhap ma GRABNEW. Dat xe ngay!",
    # a discount in per cent says it by itself; a low price with a place to buy
    "TikTok Shop 11.11: live sale cùng các KOL hàng đầu, voucher giảm đến 50%.",
    "KFC Thu 4 ga ran: combo 5 mieng ga chi 99K, chi ap dung dat hang tren app KFC.",
    "Highlands Coffee: mua 1 Phin Sua Da tang 1 tu 14h-17h tai tat ca cua hang.",
    "Lau Phan buffet 199K - di 4 tinh tien 3 suot thang 9. Dat ban: 0987654321",
    # "dao tao" (training) and "khoi tao" end in "tao", which is no friend's "I" here
    "Trung tam dao tao ke toan thuc hanh: khoa hoc 3 thang chi 990K, lien he 0909123456",
    # a discount up to an amount, instalments at 0 %, a call to a number, English
    "Tu lanh Panasonic giam toi 4 trieu, lap dat tan nha, goi 18001234 de duoc tu van.",
    "Laptop Dell tra gop 0% 12 thang tai cua hang Phong Vu gan nhat.",
    "Internet cap quang chi 165k/thang, tang thang cuoc thu 13. Goi 19001800 de lap dat.",
    "Vinpearl Nha Trang: 25% off room rates for early booking. Book now at vinpearl.com",
    # a brand's note with a date "CN" and a "Cafe" is no chat, so its offer counts
    "Cafe Trung Nguyen: giam 20% moi ly tu thu 2 den CN tuan nay, ghe cua hang gan nhat nhe.",
]


def names(v: lachan.Verdict) -> set[str]:
    return {s.name for s in v.symbols}


@pytest.mark.parametrize("text", PROMOTIONS)
def test_a_shops_promotion_is_a_commercial_offer_and_an_ad(text: str) -> None:
    v = lachan.analyse(text)
    assert "COMMERCIAL_OFFER" in names(v)
    assert v.label == "ad", v.symbols[0].detail


def test_the_offer_is_quoted_in_the_symbol() -> None:
    v = lachan.analyse(PROMOTIONS[0])
    offer = next(s for s in v.symbols if s.name == "COMMERCIAL_OFFER")
    assert '"giam 50%"' in offer.detail


@pytest.mark.parametrize("text", [
    # a friend passing on a sale: an offer, but no call to action, deadline or shop voice
    "Shop đó đang giảm 50% đấy, mai đi với tao không?",
    "Hom qua tao mua duoc cai ao giam gia 30%, dep lam",
    # a friend passing a deal on, or an order's own notice
    "Anh chi oi, em forward deal nay: Highlands mua 2 tang 1 den CN, trua nay ai order ko?",
    "Ê Shopee đang giảm 50% đến hết 12/12 đó, tao với mày mua chung không",
    "Don hang #5566 duoc freeship, du kien giao ngay 14/10. Cam on ban da mua sam.",
    # negated, or warned against
    "Cua hang khong giam 50% nhu quang cao dau, dung tin",
    "Canh bao: ke gian gia danh shop giam 50% chi hom nay de lua dao, khong chuyen khoan.",
    # no offer at all
    "Chieu nay con qua nha ba an com nhe, nho mua ngay banh mi.",
    "Ban co hen voi bac si luc 9h sang mai tai phong kham so 3, vui long den dung gio.",
    # a figure compared, a package that renews itself
    "Doanh thu quy 3 giam 15% so voi cung ky, chi tiet trong bao cao dinh kem.",
    "Goi cuoc SD120 cua Quy khach se tu dong gia han neu tai khoan du 120.000d.",
])
def test_no_offer_without_a_shops_call_to_action(text: str) -> None:
    assert "COMMERCIAL_OFFER" not in names(lachan.analyse(text))


def test_an_offer_is_found_after_one_that_needs_a_call_to_action() -> None:
    # "giam 10%" has no call to action in the text, but free shipping needs none
    v = lachan.analyse("Ao khoac giam 10% va freeship toan quoc")
    assert "COMMERCIAL_OFFER" in names(v)


@pytest.mark.parametrize("text", [
    "Watsons: Mua 2 tinh tien 1 cho toan bo san pham cham soc toc, chi 3 ngay cuoi tuan.",
    "Get 6 months of Premium for the price of 3. Offer ends Sunday.",
    "Stay 4 nights, pay 3 at Sunrise Resort Hoi An, book now at sunrise.example",
])
def test_more_shapes_of_offers_are_commercial(text: str) -> None:
    assert "COMMERCIAL_OFFER" in {s.name for s in lachan.analyse(text).symbols}


@pytest.mark.parametrize("text", [
    # a shop speaking to its customers in chat words and teencode
    "Shop Hoa Cải ơi: váy len về hàng mới, đồng giá 199k, mua 2 freeship. Chị em nào cần "
    "nhắn shop nhé.",
    "sale cuoi tuan ne ca nha oi, ao thun chi 89k, mua 2 freeship, ib shop de chon size nha",
    # one price with words between, a deadline, a cash-back amount, a decimal amount
    "Lotte Cinema: thứ 3 đồng giá vé 2D 50.000đ tại mọi cụm rạp. Đặt vé trên app Lotte Cinema.",
    "Khóa học Photoshop cơ bản chỉ còn 149k (giá gốc 600k). Ưu đãi kết thúc sau 24h.",
    "VPBank: Mo the tin dung nhan hoan tien den 1,5 trieu dong cho chi tieu dau tien. Chi tiet "
    "tai vpbank.com.vn",
    "Nguyen Kim: Tu lanh Samsung giam den 3,5 trieu, mua online tai nguyenkim.com",
])
def test_offers_in_a_shops_voice_and_new_shapes_are_commercial(text: str) -> None:
    assert "COMMERCIAL_OFFER" in names(lachan.analyse(text))


def test_a_friend_in_teencode_passing_on_a_sale_is_still_no_ad() -> None:
    v = lachan.analyse("e oi shop kia dang giam 50% do, mai di mua vs a ko")
    assert "COMMERCIAL_OFFER" not in names(v)


@pytest.mark.parametrize("text", [
    # an offer "for orders from" is no order's notice
    "Pharmacity tang Quy khach ma giam 15% cho don hang tu 300.000d, ap dung den 20/12.",
    "Vinaphone: Tang QK 50% gia tri the nap hom nay khi nap tu 50.000d. Chi tiet LH 18001091.",
    # a spa in its own voice
    "Chi oi, spa em dang co lieu trinh cham da 10 buoi gia 1.990k (gia goc 3.500k), dat lich "
    "truoc cuoi tuan nhe.",
])
def test_round_three_offers_are_commercial(text: str) -> None:
    assert "COMMERCIAL_OFFER" in names(lachan.analyse(text))


def test_an_orders_own_notice_is_still_no_offer() -> None:
    v = lachan.analyse("Don hang #88123 cua ban da duoc giao, tang ban voucher 30k cho lan sau.")
    assert "COMMERCIAL_OFFER" not in names(v)


@pytest.mark.parametrize("text", [
    "Sacombank: Chi tieu the Visa tai Lotte Mart cuoi tuan, hoan 10% toi da 200.000d/the. Chi "
    "tiet: sacombank.com.vn",
    "ACB: Mo tai khoan so dep mien phi, tang 50.000d khi giao dich lan dau. Uu dai den 31/12.",
    "Saigontourist: Tour Da Lat 3N2D gia tu 3.290.000d/khach. Dat tour tai van phong hoac "
    "website.",
    "ShopDunk: Trade in your old iPhone and get up to 5,000,000 VND off iPhone 16 Pro. Shop now "
    "at any store.",
    "VNPAY: Quet ma VNPAY-QR tai GS25, giam 10K cho hoa don tu 50K. Ap dung moi thu 6.",
])
def test_round_four_offers_are_commercial(text: str) -> None:
    assert "COMMERCIAL_OFFER" in names(lachan.analyse(text))


def test_an_order_delivered_with_a_voucher_is_no_ad_offer() -> None:
    v = lachan.analyse("Shopee: Don hang 250614ABCD8K2 da duoc giao thanh cong. Ban nhan duoc "
                       "voucher giam 10K cho don tiep theo, HSD 30/06.")
    assert "COMMERCIAL_OFFER" not in names(v)


def test_a_brands_draw_that_charges_nothing_leans_to_ad() -> None:
    text = ("Vinamilk tri an: cao the trong thung sua de trung thuong xe may va nhieu qua tang. "
            "The le tai vinamilk.com.vn. Khach hang khong phai dong bat ky khoan phi nao.")
    found = rule_findings(text)
    assert found["PRIZE_NO_FEE"].weight > 0


def test_a_draw_whose_code_is_the_readers_own_number_leans_to_ad() -> None:
    # the code of the draw "is your phone number": the reader's own, no one to reach
    text = ("MoMo: Chuc mung ban co co hoi trung giai thuong den 50.000.000d tu chuong trinh "
            "Thu Sau Vang. Ma du thuong chinh la so dien thoai 0903 118 274 cua ban. The le "
            "va ket qua tai https://momo.vn/thusauvang")
    assert "PRIZE_NO_FEE" in rule_findings(text)
    assert lachan.analyse(text).label != "scam"


def test_a_draw_with_the_readers_number_and_a_number_to_call_gets_no_such_lean() -> None:
    text = ("Chuc mung ban trung giai thuong 50.000.000d. Ma du thuong chinh la so dien thoai "
            "0903 118 274 cua ban, lien he 0912 334 556 de nhan giai")
    assert "PRIZE_NO_FEE" not in rule_findings(text)


@pytest.mark.parametrize("text", [
    # the same promise with a personal number, or a stranger's link
    "Chuc mung ban trung xe may SH, khong mat phi, lien he 0912 334 556 de nhan giai",
    "Ban trung thuong iPhone 16, hoan toan khong thu phi, nhan tai vinamilk-tri-an.top",
])
def test_a_draw_with_a_private_way_gets_no_such_lean(text: str) -> None:
    assert "PRIZE_NO_FEE" not in rule_findings(text)


@pytest.mark.parametrize("text", [
    "Highlands Coffee ra mắt thức uống mới Trà Sen Vàng Kem Cheese. Ghé cửa hàng gần nhất "
    "để thưởng thức ngay!",
    "The Coffee House: Mon moi Tra Dao Cam Sa da co mat. Dat ngay tren app de nhan nhieu "
    "uu dai.",
    "Shopee: Sale 12.12 sap bat dau, san deal ngay!",
    "Vinamilk giới thiệu sản phẩm sữa tươi mới. Tìm mua tại các siêu thị trên toàn quốc.",
])
def test_a_brands_new_product_or_sale_event_with_a_shops_call_is_an_ad(text: str) -> None:
    v = lachan.analyse(text)
    assert "COMMERCIAL_OFFER" in names(v) and v.label == "ad"


@pytest.mark.parametrize("text", [
    # a family's, an office's new things: no shop's call
    "Con mới mua mẫu áo mới, chi tiết con kể sau nhé mẹ",
    "Mẹ thử ngay món mới con nấu đi, ngon lắm",
    "Hôm nay công ty ra mắt giám đốc mới, chi tiết xem email",
    "Em gửi anh bản thiết kế phiên bản mới, anh xem rồi liên hệ em nhé",
    "Thông báo: ra mắt phiên bản mới của ứng dụng nội bộ, chi tiết tại phòng IT",
    # a friend, even with a shop's words
    "Anh ơi mai ghé cửa hàng gần nhất mua món mới cho em nhé",
])
def test_new_things_in_personal_or_office_mail_are_no_offer(text: str) -> None:
    v = lachan.analyse(text)
    assert "COMMERCIAL_OFFER" not in names(v) and v.label == "ham"


@pytest.mark.parametrize("text", [
    "Mắt kính Anna: Gọng kính đồng giá 199K, đo mắt miễn phí. Hệ thống 60 cửa hàng toàn quốc.",
    "Tiem banh Givral: Banh trung thu da co mat, dat hop 4 banh tang kem hop tra.",
    "Yoga Hương Tre khai giảng lớp yoga bầu, tặng thảm tập cho 10 học viên đầu tiên.",
    "Thẩm mỹ viện: Tắm trắng gói 5 buổi giá ưu đãi 1.500.000đ trong tháng 3.",
    "Cửa hàng trái cây Klever: Sầu riêng Ri6 85K/kg, xoài cát 60K/kg. Giao nội thành trong 1h.",
    "Cơm gà bà Buội nhận đặt cơm văn phòng, từ 10 suất giao miễn phí bán kính 3km.",
    # a garment's size letter is no chat word ("size M" is not "size minh")
    "Highlands Coffee: Mua 1 tặng 1 Phin Sữa Đá size M mỗi thứ 4, áp dụng khi đặt qua app.",
])
def test_a_shops_one_price_gift_or_price_list_is_an_offer(text: str) -> None:
    v = lachan.analyse(text)
    assert "COMMERCIAL_OFFER" in names(v) and v.label == "ad"


@pytest.mark.parametrize("text", [
    "Chợ hôm nay sầu riêng 85k/kg đó em, mai mẹ mua cho",
    "Tao mua mấy cái áo đồng giá 100k ở chợ, đẹp lắm",
])
def test_a_price_told_among_family_or_friends_is_no_offer(text: str) -> None:
    assert "COMMERCIAL_OFFER" not in names(lachan.analyse(text))


def test_an_offer_that_links_a_phishing_host_gets_no_lean_to_ad() -> None:
    lure = ("Nha mang tang 500.000d vao tai khoan chinh nhan dip sinh nhat. Quy khach truy cap "
            "v1ettel.com.vn-tangqua.net de nhan truoc 24h.")
    found = rule_findings(lure)
    assert found["COMMERCIAL_OFFER"].weight == 0
    assert lachan.analyse(lure).label == "scam"
    # the carrier's own offer keeps it
    own = ("Viettel tang 20% gia tri the nap trong hom nay. Chi tiet tai viettel.vn, tu choi QC "
           "soan TC gui 199.")
    assert rule_findings(own)["COMMERCIAL_OFFER"].weight > 0


@pytest.mark.parametrize("text", [
    "Pepsi: Bat nap trung thuong xe may. Kiem tra ma duoi nap tai pepsi.com.vn. Chuong trinh "
    "KHONG thu bat ky khoan phi nao.",
    "Coca-Cola Viet Nam: Mo nap chai co ma du thuong, quay so hang tuan. The le tai "
    "coca-cola.com.vn. Khach hang trung giai khong phai nop bat ky khoan phi nao.",
])
def test_a_draw_on_the_site_of_the_brand_it_is_signed_with_leans_to_ad(text: str) -> None:
    found = rule_findings(text)
    assert found["PRIZE_NO_FEE"].weight > OFFERS_NO_FEE_PRIOR
    assert lachan.analyse(text).label != "scam"


def test_a_look_alike_of_the_signed_brand_is_not_its_site() -> None:
    text = ("Pepsi: Bat nap trung thuong xe may. Kiem tra ma tai pepsi-tri-an.top. Chuong trinh "
            "KHONG thu bat ky khoan phi nao.")
    assert "PRIZE_NO_FEE" not in rule_findings(text)
