"""A commercial offer: what advertising says whatever it sells and however it is written.

Advertising in the 2016 data is mostly unaccented telecom and real-estate promotion, and
the accented messages of the data are mostly personal or transactional, so a shop's
accented promotion without ``[QC]`` ("Giảm 50% toàn bộ sản phẩm ... Mua ngay kẻo lỡ!")
read as ham. ``COMMERCIAL_OFFER`` names the shape every such message shares, on the
folded text, so diacritics and the product do not matter:

- a concrete offer: a discount in per cent or an amount ("giảm 50%", "ưu đãi 40%",
  "giảm 200k"), buy-X-get-Y, a voucher or gift coupon of a value, free shipping, a flash
  sale, a one-price sale;
- with a call to action, a deadline or a place to buy ("mua ngay", "đặt lịch",
  "áp dụng đến", "hạn dùng", "chỉ hôm nay", "từ 1/12 đến 10/12", "chi tiết tại"), except
  for the offers that say it themselves (buy-X-get-Y, free shipping, a flash sale);
- or a new product, a sale event or a price list ("ra mắt thức uống mới", "món mới",
  "Sale 12.12", "sầu riêng 85K/kg") with a shop's own call: its stores, app or site,
  "đặt ngay", "săn deal", "giao nội thành".

Over the SMS data it fires on about a sixth of the 832 vi_sms_2016 ads and on none of
its 4,436 ham messages. A friend passing a deal on (chat words: "tao", "ơi", "alo", or teencode)
and an order's own notice ("đơn hàng", "dự kiến giao") do not fire it. It is a learned
finding (a feature of the model, which weighs it) that leans to ad, with a fixed prior on
top (:data:`OFFER_PRIOR`), and one of the advertising findings that split
vi_smishing_2025's ``not_scam`` into ham and ad (``model.datasets``). A message quoting an
offer in order to negate it ("không giảm 50% đâu") or a public advisory does not fire it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lachan.detect.brands import signed_brand_site
from lachan.detect.features import APPROVED_BY_RE, Finding, MessageFeatures
from lachan.detect.requests import advisory, known_site, negated, nothing_of_a_fraud
from lachan.domain import Entity

#: The offer: a discount in % or an amount, buy-X-get-Y, a voucher or coupon of a value,
#: free shipping, a flash or one-price sale.
#: (The look-ahead names the first letters of every branch below: the engine tries them
#: all at each word start, and this drops a third of its time at the same matches. A new
#: branch must start with one of these.)
_OFFER_RE = re.compile(
    r"\b(?=[bcdfghklmnopstuvx\d])"
    r"(?:(?:giam|uu dai|sale|off|khuyen mai|km|chiet khau|hoan tien|hoan|tang|nhan)"
    r"\s+(?:qk\s+|quy khach\s+|ban\s+)?"
    r"(?:ngay\s+|them\s+|den\s+|toi\s+|len\s+(?:den|toi)\s+|gia\s+)?"
    r"(?:den\s+|toi\s+)?-?\d{1,2}\s*%"
    r"|giam\s+(?:ngay\s+|them\s+|gia\s+)?(?:den\s+|toi\s+|len\s+(?:den|toi)\s+)?"
    r"\d+(?:[.,]\d+)*\s*(?:k|d|vnd|dong|trieu|tr)\b"
    # cash back of an amount: "nhan hoan tien den 2 trieu dong"
    r"|hoan\s+tien\s+(?:len\s+)?(?:den\s+|toi\s+)?\d+(?:[.,]\d+)*\s*(?:k|d|vnd|dong|trieu|tr)\b"
    r"|\d+(?:[.,]\d+)*\s*(?:k|d|dong)\s+hoan\s+tien\b"
    # English: "get up to 5,000,000 VND off", "save 20%"
    r"|(?:get|save)\s+(?:up\s+to\s+)?[\d.,]+\s*(?:%|vnd|k|usd|d)?\s+off\b|save\s+(?:up\s+to\s+)?\d{1,2}\s*%"
    # "tra gop 0%", "30% off"
    r"|tra\s+gop\s+(?:lai\s+suat\s+|lai\s+)?0\s*%|\d{1,2}\s*%\s+off\b"
    r"|voucher\s+(?:giam\s+)?\d+(?:[.,]\d{3})*\s*(?:k|d|vnd|dong)\b"
    r"|(?:tang|nhan)\s+(?:ngay\s+)?(?:ban\s+|quy\s+khach\s+)?(?:voucher|phieu mua hang|coupon"
    r"|the\s+qua|ma\s+giam\s+gia)"
    # "tang 50k" is a gift; "nhan 150k" is as often a task fraud's pay ("5 phut nhan 150k")
    r"|tang\s+(?:ngay\s+)?(?:ban\s+|quy\s+khach\s+)?\d+(?:[.,]\d{3})*\s*(?:k|d|dong|vnd)\b"
    r"|phieu mua hang\s+(?:tri gia\s+)?\d"
    r"|gia\s+goc\s+\d"
    # a price said to be low: "chi 99k", "chi tu 1 trieu/thang", "gia chi 293.000d"
    r"|chi\s+(?:con\s+|tu\s+)?\d+(?:[.,]\d+)*\s*(?:(?:k|d|dong|vnd|trieu|tr\d?)\b|₫)"
    r"|gia\s+(?:chi\s+)?tu\s+\d+(?:[.,]\d+)*\s*(?:k|d|dong|vnd|trieu|tr)\b"
    r"|(?:hoc|dung|trai\s+nghiem|kham|tap)\s+thu\s+(?:\d+\s+(?:buoi|ngay|tuan)\s+)?mien\s+phi"
    r"|mua\s+(?:\d+|mot|hai)\s+(?:\S+\s+){0,4}?tang\s+(?:\d+|mot)"
    r"|di\s+\d+\s+tinh\s+(?:tien\s+)?\d+|mua\s+\d+\s+tinh\s+(?:tien\s+)?\d+"
    # English: "3 months for the price of 1", "stay 3 nights, pay 2", "buy 1 get 1"
    r"|for\s+the\s+price\s+of\s+(?:\d+|one|two)|stay\s+\d+\s+nights?\W+pay\s+\d+"
    r"|buy\s+(?:\d+|one|two)\s+get\s+(?:\d+|one)"
    r"|free\s?ship|flash\s+sale|dong\s+gia\s+(?:\S+\s+){0,3}?\d"
    # "giam con 199k", "sale sap san 50%", "1 tang 1", "tich diem x2", "tro gia den 3 trieu",
    # "ho tro 50% le phi", "tang 2 thang cuoc", "hoan 100%"
    # (not a rate in a package's terms: "giam con 200d/phut"; not a room "phong 1 tang 1",
    # on the first floor)
    r"|giam\s+(?:gia\s+)?con\s+\d+(?:[.,]\d+)*\s*(?:k|d|vnd|dong|trieu|tr)\b(?!\s*/)"
    r"|sale\s+(?:\S+\s+){1,2}?\d{1,2}\s*%"
    r"|(?<!phong )(?<!so )(?<!nha )(?<!toa )\b[1-3]\s+tang\s+[1-3]\b"
    r"|tich\s+diem\s+x\s?\d|x\s?[2-5]\s+diem|tro\s+gia\s+(?:len\s+)?(?:den\s+|toi\s+)?\d"
    r"|ho\s+tro\s+(?:\d{1,2}|100)\s*%|tang\s+(?:them\s+)?\d+\s+(?:thang|ngay)\s+(?:cuoc|mien\s+phi"
    r"|su\s+dung|data)|hoan\s+(?:tien\s+)?100\s*%"
    # "tang ve sinh mong mien phi", "tang tui vai cho don tu 399k", "tang 100% gia tri the nap",
    # "nhan qua 5 trieu", "lai suat uu dai 6.5%/nam"
    r"|tang\s+(?:\S+\s+){1,4}?mien\s+phi|tang\s+(?:\S+\s+){1,6}?cho\s+(?:don|hoa\s+don)\s+(?:hang\s+)?tu\s+\d"
    r"|tang\s+100\s*%|nhan\s+(?:ngay\s+)?qua\s+(?:tri\s+gia\s+)?\d"
    # "tang den 1.000.000d", "tang them 3 thang", "mien phi 7 ngay", "uu dai den 31/12",
    # "mua gong tang trong"
    r"|tang\s+(?:den|toi|len\s+den)\s+\d+(?:[.,]\d+)*\s*(?:k|d|dong|vnd|trieu|tr)\b"
    r"|tang\s+them\s+\d+\s+(?:thang|ngay|buoi)\b|mien\s+phi\s+\d+\s+(?:ngay|thang|tuan)\b"
    r"|uu\s+dai\s+(?:den|toi\s+het|tu)\s+(?:ngay\s+)?\d{1,2}/\d{1,2}|mua\s+\S+\s+tang\s+\S+"
    r"|lai\s+suat\s+(?:uu\s+dai\s+|chi\s+|tu\s+|co\s+dinh\s+)(?:chi\s+|tu\s+)?\d+(?:[.,]\d+)?\s*%\s*/\s*nam"
    # "dat hop 4 banh tang kem hop tra", "tang tham tap cho 10 hoc vien dau tien", "gia uu
    # dai 1.500.000d", "giao mien phi"
    r"|(?:mua|dat)\s+(?:\S+\s+){1,5}?tang\s+(?:kem|them)\b"
    r"|tang\s+(?:\S+\s+){1,4}?cho\s+\d+\s+(?:hoc\s+vien|khach(?:\s+hang)?|ban|nguoi|don)"
    r"\s+(?:\S+\s+)?dau\s+tien"
    r"|gia\s+(?:uu\s+dai|khuyen\s+mai|dac\s+biet|soc)\s+(?:chi\s+)?(?:tu\s+)?\d"
    r"|giao\s+(?:hang\s+)?mien\s+phi|mien\s+phi\s+(?:giao\s+hang|van\s+chuyen|ship))")
#: The offers that are advertising without a call to action.
_SELF_EVIDENT_RE = re.compile(
    r"mua\s+(?:\d+|mot|hai)\s|di\s+\d|free\s?ship|flash\s+sale|for\s+the\s+price|stay\s+\d"
    r"|buy\s+(?:\d+|one|two)|[1-3]\s+tang|giam\s+(?:gia\s+)?con|sale\s|tro\s+gia|ho\s+tro\s+\d"
    r"|tang\s+(?:them\s+)?\d+\s+(?:thang|ngay)|tang\s+\S+\s+(?:\S+\s+){0,5}?(?:mien\s+phi|cho\s+don)"
    r"|tang\s+100|lai\s+suat|tang\s+them|mien\s+phi\s+\d|uu\s+dai\s+(?:den|toi|tu)"
    # a discount in per cent is an offer by itself
    r"|(?:giam|uu dai|sale|off|chiet khau)\s+(?:ngay\s+|them\s+|den\s+|toi\s+)?-?\d{1,2}\s*%"
    r"|tra\s+gop|\d{1,2}\s*%\s+off"
    # a one-price sale, a gift with an order or to the first buyers, a special price, free
    # delivery
    r"|dong\s+gia|(?:mua|dat)\s+(?:\S+\s+){1,5}?tang\s+(?:kem|them)"
    r"|tang\s+\S+\s+(?:\S+\s+){0,3}?cho\s+\d|gia\s+(?:uu|khuyen|dac|soc)"
    r"|giao\s+(?:hang\s+)?mien|mien\s+phi\s+(?:giao|van|ship)")
#: A figure reported, not a price cut: "doanh thu quy 3 giam 15% so voi cung ky" (an ad
#: compares too: "gia giam 50% so voi taxi thuong").
_FIGURE_RE = re.compile(r"\b(?:doanh\s+thu|loi\s+nhuan|san\s+luong|ty\s+le|tang\s+truong"
                        r"|xuat\s+khau|nhap\s+khau|chi\s+so|lam\s+phat|gdp|revenue|profit)\b")
#: A call to action, a deadline or a place to buy.
_CALL_RE = re.compile(
    r"\b(?:mua ngay|dat ngay|dat lich|dat hang|dat mua|dat (?:xe|mon|phong|ve|ban|cho)"
    r"|xem ngay|nap ngay|nhan qua ngay|chi tiet|ap dung (?:den|tu|cho|tai|khi|moi)|dat tour"
    r"|han (?:dung|su dung)|hsd|chi hom nay|duy nhat hom nay|trong tuan nay|tu ngay|den het"
    r"|keo lo|nhanh tay|so luong (?:\S+ ){0,2}?co han|tai cua hang|cua hang gan nhat"
    r"|ghe (?:cua hang|shop)|ket thuc (?:sau|vao|ngay)|tu van mien phi"
    r"|mua (?:online|truc tuyen) tai"
    r"|tai app|tai ung dung|dat (?:qua |tren )?app|mo (?:app|ung dung|vi)|tai website"
    r"|truy cap|lien he|lh|hotline|dang ky ngay|dang ky tai|dang ky truoc \d+|de dat"
    r"|nhap ma|ghe ngay|inbox|mua sam|dia chi|dien thoai:? 0\d"
    r"|xem (?:may|them|ngay|tai)|hen ban|dung bo lo|mua ve|dat ve|dat ban|giao tan noi"
    r"|dat hen|nhan (?:em|cho em|shop)|goi (?:ngay )?(?:\d+|hotline)"
    r"|book (?:now|online)|booking online|dang ky:? \d+|nhan tin (?:de|cho|ngay)|bao gia"
    r"|offer ends|upgrade (?:now|today)"
    r"|tu \d{1,2}/\d{1,2} (?:den|-) \d{1,2}/\d{1,2}|den \d{1,2}/\d{1,2}"
    r"|shop now|order now|buy now"
    r"|order (?:ngay|tai|tren|qua)|hom nay|cuoi tuan|trong thang|chi con"
    r"|con \d+ (?:ngay|gio|tieng|suat)"
    r"|dat truoc|den \d{1,2}h|tu \d{1,2}h|with code|use code|valid until|t&cs? apply"
    r"|hurry"
    r"|thanh vien moi|khach hang moi|cho don (?:dau|tu)|tren app|qua app"
    r"|ap dung \d+ ngay|dang ky som|dang ky tren"
    r"|nhan (?:tin )?(?:cho )?(?:anh|chi|minh)\b(?! \d)"
    r"|he thong (?:\d+ )?cua hang|toan quoc|giao (?:noi thanh|tan noi|trong \d|nhanh))\b")
#: Weaker offers: a new product or a sale event ("ra mat thuc uong moi", "mon moi", "san
#: pham sua tuoi moi", "sale 12.12", "san deal") or a price list ("sau rieng 85k/kg").
#: A family's and an office's words too ("mon moi", "phien ban moi", "85k/kg hom nay"), so
#: they need a shop's call (:data:`_SHOP_CALL_RE`), not any call to action.
_LAUNCH_RE = re.compile(
    r"\b(?:ra\s+mat\s+(?:san\s+pham|thuc\s+uong|do\s+uong|mon|bo\s+suu\s+tap|dong|mau|menu"
    r"|huong\s+vi|combo|phien\s+ban|dien\s+thoai|xe)\b"
    r"|(?:mon|san\s+pham|thuc\s+uong|do\s+uong|bo\s+suu\s+tap|menu|huong\s+vi|dong\s+san\s+pham"
    r"|mau|collection)\s+(?:\S+\s+){0,3}?moi\b"
    r"|sale\s+\d{1,2}[./]\d{1,2}\b|(?:sieu|mega|big)\s+sale\b|san\s+(?:sale|deal)\b)")
#: ...and the price list: a price per unit, looked for only when the text holds a "/".
_PRICE_LIST_RE = re.compile(r"\b\d+(?:[.,]\d+)*\s*(?:k|d|dong)\s*/\s*(?:kg|hop|ly|phan|suat"
                            r"|buoi|chai|bo|set|combo|mon)\b")
#: A shop's call: to its stores, its app or site, or to buy now.
_SHOP_CALL_RE = re.compile(
    r"\b(?:ghe\s+(?:ngay\s+)?(?:cua\s+hang|shop|\S+\s+gan\s+nhat)|cua\s+hang\s+gan\s+nhat"
    r"|he\s+thong\s+cua\s+hang|(?:tat\s+ca|cac)\s+cua\s+hang|toan\s+quoc|dat\s+(?:ngay|hang|mua)"
    r"|mua\s+ngay|san\s+(?:sale|deal)|tim\s+mua|co\s+ban\s+tai|(?:tren|tai|qua)\s+app|tai\s+app"
    r"|website|truy\s+cap|hotline|(?:thuong\s+thuc|kham\s+pha|trai\s+nghiem)\s+ngay"
    r"|keo\s+lo|nhanh\s+tay|so\s+luong\s+(?:\S+\s+){0,2}?co\s+han|order\s+ngay"
    r"|giao\s+(?:noi\s+thanh|tan\s+noi|hang\s+tan\s+noi|trong\s+\d|nhanh|mien\s+phi))\b")
#: The launch's gate words: "sale" and "deal" alone, "moi" (new, also "invite" and "each")
#: beside a product's word, "mat" with "ra" ("ra mat", a launch); a price list's gate is
#: :data:`_PRICE_LIST_RE`.
_SALE_WORDS = frozenset({"sale", "deal"})
_PRODUCT_WORDS = frozenset({"mon", "pham", "uong", "suu", "menu", "vi", "mau", "collection"})

#: A friend passing a deal on ("ê, Shopee đang giảm 50% đó, mày mua chung không"), or an
#: order's own notice ("Đơn hàng #5566 được freeship, dự kiến giao 14/10"): not an ad.
#: (Chat abbreviations such as "ko" are expanded by then and give ``TEENCODE``.)
_CHAT_WORDS = frozenset({"tao", "oi", "alo", "forward", "fw"})
#: "tao" as a friend's "I", not the end of "dao tao" (training), "khoi tao" or "sang tao".
_TAO = frozenset({"tao"})
_CHAT_TAO_RE = re.compile(r"(?<!dao )(?<!khoi )(?<!sang )(?<!cau )(?<!che )(?<!kien )\btao\b")
#: ...unless the voice is a shop's, speaking to its customers ("ib shop", "nhan shop",
#: "Shop Me Bong oi", "cac ban oi", "me nao can"): shops write in chat words and teencode.
_SHOP_VOICE_RE = re.compile(
    r"\b(?:ib|inbox|nhan(?:\s+tin)?|lien\s+he|ghe)\s+(?:cho\s+|voi\s+)?shop\b"
    r"|\bshop\s+(?:\S+\s+){0,3}?oi\b"
    # "ben em vua ve lo vay moi", "spa em dang co lieu trinh", "xuong go nha e nhan dong"
    r"|\b(?:ben|shop|spa|tiem|cua\s+hang|xuong(?:\s+\S+)?|salon|studio|nha\s+hang|trung\s+tam)"
    r"\s+(?:nha\s+)?(?:em|e|minh|chung\s+toi)\s+(?:vua|dang|co|nhan|ban|chuyen|moi)\b"
    r"|\b(?:cac\s+ban|ca\s+nha|moi\s+nguoi|khach\s+yeu|cac\s+me|chi\s+em|me\s+nao|ban\s+nao"
    r"|ai\s+can)\b")
#: (Not an offer's "cho don hang tu 300.000d": an order named by its number or its state.)
ORDER_NOTICE_RE = re.compile(
    r"\b(?:don hang\s+(?:#\s*|so\s+|ma\s+)?[a-z]{0,4}\d[a-z0-9.-]*"
    r"|don hang\s+(?:cua\s+(?:ban|quy khach|qk|anh|chi|em)|da|dang|se|duoc|bi)\b"
    r"|ma van don|van don|du kien giao|da giao|dang giao)\b")
#: Words one of which an offer holds: the regular expressions run only then.
_OFFER_WORDS = frozenset({"giam", "uu", "sale", "off", "khuyen", "km", "chiet", "hoan",
                          "tang", "nhan", "voucher", "phieu", "freeship", "free", "flash",
                          "dong", "gia", "thu", "tinh", "gop", "price", "stay", "buy",
                          "save", "get", "tich", "mien", "mua"})
#: Offers whose words are too common to be gate words, looked for as literals instead:
#: "chi" (only) before a price ("chi" is also "chị", in most personal messages), "tro gia",
#: "ho tro 50%", "lai suat" ("tro" and "lai" are common words too).
_LITERAL_GATE_RE = re.compile(r"chi (?:con |tu )?\d|tro gia|ho tro \d|lai suat")

DETAIL = "makes a commercial offer"
#: Fixed log-odds added to ad on top of the learned weight (about 3.5): the data's offers
#: are its unaccented telecom ads, and what an accented shop's offer shares with the
#: data's accented personal and transactional mail outweighed the learned weight alone.
#: In 8-seed grouped cross-validation (bench/content_cv.py) 4 scored as 2 or a little
#: higher.
OFFER_PRIOR = 4.0
#: Links that make an offer a lure: the prior towards ad is not given with them ("Nha mang
#: tang 500.000d ... truy cap v1ettel.com.vn-tangqua.net").
_LURE_LINKS = ("URL_PHISHING_HOST", "URL_IMITATES_BRAND", "URL_IP_HOST")


def _offer_prior(out: MessageFeatures) -> float:
    findings = out.findings
    return 0.0 if any(n in findings for n in _LURE_LINKS) else OFFER_PRIOR


def offer_findings(folded: str, tokens: list[str], out: MessageFeatures) -> None:
    """``COMMERCIAL_OFFER`` of the folded text and its ``tokens`` (after the phrase
    findings, which tell whether the message is an advisory)."""
    # (the cheap gates first: most messages hold no offer word)
    offer = (not _OFFER_WORDS.isdisjoint(tokens)
             or _LITERAL_GATE_RE.search(folded) is not None)
    price_list = _PRICE_LIST_RE.search(folded) if "/" in folded else None
    weak = (not _SALE_WORDS.isdisjoint(tokens)
            or ("moi" in tokens and not _PRODUCT_WORDS.isdisjoint(tokens))
            or ("mat" in tokens and "ra" in tokens) or price_list is not None)
    if not offer and not weak:
        return
    if "GUARANTEED_RETURNS" in out.findings or "REFUND_VIA_PRIVATE_CHAT" in out.findings:
        # a fixed daily return or a guaranteed profit: no lawful offer promises it; a
        # refund handled over a personal number is no offer ("duoc hoan 100% ve")
        return
    chat = _CHAT_WORDS.intersection(tokens)
    # "dao tao", "khoi tao": training, setting up; no "I" of a friend
    friendly = bool(chat) and (chat != _TAO or _CHAT_TAO_RE.search(folded) is not None)
    if ((friendly or "TEENCODE" in out.findings)  # chat abbreviations: friends, not a shop
            and _SHOP_VOICE_RE.search(folded) is None):
        return
    if ORDER_NOTICE_RE.search(folded) is not None:
        return
    call: bool | None = None  # whether the text has a call to action, looked up once
    for m in _OFFER_RE.finditer(folded) if offer else ():
        if negated(folded, m.start()) or _FIGURE_RE.search(folded, max(0, m.start() - 40),
                                                            m.start()):
            continue
        if _SELF_EVIDENT_RE.match(m.group(0)) is None:
            if call is None:
                call = _CALL_RE.search(folded) is not None
            if not call:
                continue
        if not advisory(out):
            out.add(Finding("COMMERCIAL_OFFER", "ad", f'{DETAIL}: "{m.group(0)}"',
                            weight=_offer_prior(out)))
        return
    if not weak:
        return
    launch = _LAUNCH_RE.search(folded) or price_list
    if (launch is not None and not negated(folded, launch.start())
            and _SHOP_CALL_RE.search(folded) is not None and not advisory(out)):
        out.add(Finding("COMMERCIAL_OFFER", "ad", f'{DETAIL}: "{launch.group(0)}"',
                        weight=_offer_prior(out)))


#: A brand's lucky draw that says it charges nothing ("Khong thu phi duoi moi hinh thuc",
#: "khach hang khong phai dong bat ky khoan phi nao"): the data's prize messages are mostly
#: frauds, so the model reads a genuine draw as one. A fraud's draw asks a fee, a personal
#: contact or a link to a stranger's site; with none of them the promise is an advert's.
_NO_FEE_RE = re.compile(
    r"\bkhong\s+(?:thu|mat|yeu\s+cau|phai\s+(?:dong|tra|nop))\s+(?:bat\s+ky\s+)?(?:khoan\s+)?"
    r"(?:phi|le\s+phi|tien)\b|\bmien\s+phi\s+tham\s+gia\b|\bno\s+(?:fee|charge)s?\b"
    # nothing asked at all: "qua duoc cong tu dong ..., khong can cung cap thong tin"
    r"|\bkhong\s+can\s+cung\s+cap\s+(?:bat\s+ky\s+)?(?:thong\s+tin|ma|otp)\b")
#: A promoter's draw: tied to a purchase or a deposit ("hoa don tu 300k", "moi giao dich tu
#: 100k nhan 1 luot quay", "gui tiet kiem tu 50 trieu"), a code under the cap, a public
#: drawing or a registration with the Ministry of Industry and Trade. The fraud's prize is
#: already won; the promoter's is a chance bought with a purchase.
_PROMOTER_DRAW_RE = re.compile(
    r"\b(?:hoa\s+don|don\s+hang|giao\s+dich|gui\s+tiet\s+kiem|mua|mo\s+so|nap)\s+(?:\S+\s+){0,4}?"
    r"tu\s+\d+(?:[.,]\d+)*\s*(?:k|d|dong|vnd|trieu|tr)\b"
    r"|\bluot\s+quay\b|\b(?:duoi|trong|mo)\s+nap\b|\bquay\s+so\s+cong\s+khai\b"
    r"|\bphieu\s+may\s+man\b|\btrong\s+(?:moi\s+)?(?:goi|hop|chai|lon|thung)\b"
    r"|\b(?:so\s+dang\s+ky\s+(?:cua\s+)?|dang\s+ky\s+voi\s+)bo\s+cong\s+thuong\b"
    r"|\bcong\s+bo\s+(?:ket\s+qua\s+)?(?:tren|tai|qua)\s+(?:fanpage|livestream|website|trang)\b"
    # a code for the draw earned by a purchase, and the rules published ("nhan ma du thuong
    # quay so", "the le tai vpbank.com.vn")
    r"|\bma\s+du\s+thuong\b|\bthe\s+le\s+(?:chuong\s+trinh\s+)?(?:tai|tren|xem\s+tai)\b")
#: ...not a prize said to be won already, the fraud's opening.
#: ("co co hoi trung giai", "de trung giai": a chance, not a prize won; "khach hang trung
#: giai khong phai nop phi": the winners, whoever they are)
_WON_RE = re.compile(r"\b(?:da\s+trung|da\s+duoc\s+chon"
                     r"|(?<!co hoi )(?<!de )(?<!khach hang )(?<!nhung nguoi )(?<!cac nguoi )"
                     r"trung\s+giai"
                     r"|la\s+(?:chu\s+nhan|nguoi\s+may\s+man)|congratulations|you\s+(?:have\s+)?won)\b")
PRIZE_NO_FEE_PRIOR = 4.0
#: ...and with its rules or results on the brand's own site: the model's prize words weigh
#: about 5, a large amount 2 and the words of the fraud's draws as much again towards scam.
PRIZE_ON_OWN_SITE_PRIOR = 10.0


def prize_terms_findings(folded: str, out: MessageFeatures,
                         entities: Sequence[Entity] = ()) -> None:
    """``PRIZE_NO_FEE`` (leans to ad, fixed prior): a lucky draw that says it charges
    nothing, or a promoter's draw tied to a purchase and not said to be won already, that
    gives no private way to pay or reach anyone. Run after every scam finding
    with a fixed prior (any of them rules it out)."""
    if "PRIZE_LURE" not in out.findings:
        return
    no_fee = _NO_FEE_RE.search(folded)
    if no_fee is None:
        no_fee = _PROMOTER_DRAW_RE.search(folded) or APPROVED_BY_RE.search(folded)
        if no_fee is None or _WON_RE.search(folded) is not None:
            return
    # what a fraud's draw holds instead: a personal contact or an account, a link that is no
    # brand's own, a fee
    if not nothing_of_a_fraud(out):
        return
    # the rules and results on the brand's own site: what a promoter publishes
    site = (signed_brand_site(folded, entities)
            if "URL_PRESENT" in out.findings and known_site(out) else None)
    official = site is not None or "URL_OFFICIAL_DOMAIN" in out.findings
    out.add(Finding("PRIZE_NO_FEE", "ad", f'a promoter\'s lucky draw: "{no_fee.group(0)}"'
                    + (", on the brand's own site" if official else ""),
                    learned=False,
                    weight=PRIZE_ON_OWN_SITE_PRIOR if official else PRIZE_NO_FEE_PRIOR))


#: ``(name, meaning)`` of the finding of this module, for the symbol catalogue.
SYMBOLS: tuple[tuple[str, str], ...] = (
    ("COMMERCIAL_OFFER", "makes a commercial offer (a discount in per cent or an amount, "
                         "buy-X-get-Y, a voucher, free shipping, a flash sale) with a call "
                         "to action, a deadline or a place to buy; or a new product, a sale "
                         "event or a price list with a shop's call to its stores, app or "
                         "site"),
    ("PRIZE_NO_FEE", "a brand's lucky draw that says it charges nothing, or a chance tied to a "
                     "purchase (a bill from 300k, a code under the cap), and gives no personal "
                     "contact, account or stranger's link (an advert's promise, not a fraud's)"),
)
