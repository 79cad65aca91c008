"""Advertising without an offer: a trade, a course, an opening or an event put before the
public, with a way to buy or book.

``COMMERCIAL_OFFER`` (``offers``) reads a discount, a gift or a low price. Much of what
is advertised by SMS names none: a repairman's "Sửa điều hoà, máy giặt tại nhà, có mặt
sau 30 phút, bảo hành 6 tháng. Gọi thợ Hùng 09…", a school's "tuyển sinh lớp 10", a
centre's "khai giảng lớp IELTS", a gym's "mở thêm cơ sở … mời anh chị đến tập thử", a
concert's "vé đã mở bán tại …", a seller's "shop em mới về hàng … ship toàn quốc". The
data's advertising is mostly telecom and real-estate promotion, so the model read these
as ham. ``SERVICE_AD`` names what they share, on the folded text:

- a trade offered to anyone: "nhận dạy kèm", "dịch vụ vệ sinh", "chuyển nhà trọn gói",
  "thông tắc cống", "sửa điều hoà";
- a business's own words: "bảo hành 12 tháng", "có mặt sau 20 phút", "phục vụ 24/7",
  "giao tận nhà", "ship toàn quốc", "khảo sát tận nơi";
- enrolment: "tuyển sinh", "khai giảng", "khoá học online", "học thử";
- an opening or a launch: "chính thức hoạt động", "mở thêm cơ sở", "mới ra mắt", "mới
  về hàng", "grand opening";
- an invitation to the public: "kính mời bạn đọc", "mời anh chị đến trải nghiệm",
  "lái thử", "vé đã mở bán", "mở cổng đăng ký";
- a salesperson's introduction: "xin phép giới thiệu gói bảo hiểm", "tư vấn viên".

It fires when the message has two of these, or one and a way to reach the seller (a
phone number, a link, Zalo, "đặt lịch", "đăng ký", "liên hệ"; not an address alone, which
a class's own notice gives too). Recruitment is left out: the job frauds of ``schemes``
look the same, and an ad-leaning prior would pull their scam probability down. So is any
message that already carries a finding leaning to scam (but the ways to pay or reach a
seller: a number, a link, an account), an order's own notice, an advisory, a negated match
("không nhận sửa xe nữa"). A finding leaning to ad with a fixed prior
(:data:`SERVICE_PRIOR`), not a feature of the model: learned from the data's few such ads
(9 of vi_sms_2016's 832) it cost 0.003 of 8-seed cross-validated vi_sms_2016 F1, as
the prior alone does not.
"""

from __future__ import annotations

import re

from lachan.detect.features import Finding, MessageFeatures
from lachan.detect.offers import ORDER_NOTICE_RE
from lachan.detect.requests import advisory, negated

#: What a business says when it puts a trade, a course, an opening or an event before
#: the public (folded text).
_TRADE_RE = re.compile(
    r"\b(?:"
    # a trade offered to anyone
    r"nhan\s+(?:day\s+kem|day\s+(?:hoc|tieng|dan|ve|boi)|chup\s+(?:anh|hinh)|thiet\s+ke"
    r"|thi\s+cong|sua\s+chua|giat\s+(?:say|hap|kho|ui)|nau\s+(?:co|an|tiec)|may\s+do"
    r"|dat\s+tiec|van\s+chuyen|lap\s+dat|dich\s+thuat|in\s+an|cai\s+dat|order|ship)"
    r"|dich\s+vu\s+(?:sua|ve\s+sinh|giat|chuyen\s+nha|van\s+chuyen|cho\s+thue|lap\s+dat"
    r"|thong\s+tac|diet|cuoi|chup|trang\s+tri|nau|giup\s+viec|ke\s+toan|lam\s+dep"
    r"|cham\s+soc\s+(?:da|toc|xe|nha))"
    r"|chuyen\s+nha\s+tron\s+goi|thong\s+tac\s+(?:cong|bon|chau)|hut\s+be\s+phot"
    r"|diet\s+(?:moi|chuot|gian|con\s+trung|muoi)"
    r"|sua\s+(?:dieu\s+hoa|may\s+(?:giat|lanh|tinh)|tu\s+lanh|tivi|binh\s+nong\s+lanh"
    r"|khoa|dien\s+nuoc|laptop|dien\s+thoai)\b[^.!?\n]{0,40}?\btai\s+nha"
    r"|xe\s+(?:ghep|tien\s+chuyen|hop\s+dong)|cho\s+thue\s+(?:xe|mat\s+bang|van\s+phong)"
    r"|tour\s+\S+(?:\s+\S+)?\s+\d\s*n\s*\d\s*d|khoi\s+hanh\s+(?:ngay|tu|hang|thu|\d)"
    r"|tron\s+goi|phi\s+tham\s+du|workshop|webinar"
    r"|nhan\s+dat\s+(?:hoa|banh|mon|hang|tiec)"
    r"|cho\s+thue\s+(?:phong|can\s+ho)|ban\s+(?:gap\s+)?(?:dat\s+nen|can\s+ho)"
    r"|hang\s+ve\s+(?:roi|nha|a)"
    # a business's own words
    r"|bao\s+hanh\s+\d+\s+(?:thang|nam)|co\s+mat\s+(?:sau|trong)\s+\d+\s+phut"
    r"|phuc\s+vu\s+24\s*/\s*7|giao\s+(?:hang\s+)?tan\s+(?:nha|noi)"
    r"|(?:ship|giao\s+hang|giao)\s+(?:toan\s+quoc|cod)|ship\s+tan\s+noi"
    r"|khao\s+sat\s+(?:tan\s+noi|mien\s+phi)|xem\s+(?:mau|album\s+mau)|album\s+mau"
    r"|nhan\s+lich|nau\s+co\s+tan\s+nha|nhan\s+xe\s+(?:den|tu|ca)|dat\s+truoc"
    r"|(?:live|livestream)\s+(?:tren|luc|toi)|open\s+\d{1,2}\s*(?:am|h)"
    r"|come\s+(?:and\s+)?(?:try|visit)"
    # enrolment
    r"|tuyen\s+sinh|khai\s+giang|hoc\s+thu|nhan\s+tre"
    r"|khoa\s+hoc\s+(?:online|truc\s+tuyen|ngan\s+han|cap\s+toc|danh\s+cho|cho\s+nguoi)"
    # an opening or a launch
    r"|grand\s+opening|now\s+open"
    r"|chinh\s+thuc\s+(?:hoat\s+dong|mo\s+cua|khai\s+truong|ra\s+mat)"
    r"|mo\s+them\s+(?:co\s+so|chi\s+nhanh|cua\s+hang|phong\s+kham|showroom)"
    r"|(?:moi|vua)\s+ra\s+mat|ra\s+mat\s+(?:mau|san\s+pham|bo\s+suu\s+tap)"
    r"|(?:moi|vua)\s+ve\s+(?:hang|lo|mau)|hang\s+moi\s+ve|da\s+ve\s+hang"
    # an invitation to the public
    r"|kinh\s+moi\s+(?:ban\s+doc|cac\s+cap\s+doi)"
    r"|moi\s+(?:quy\s+khach|anh\s*/?\s*chi|quy\s+vi|cac\s+ban|ca\s+nha|cac\s+cap\s+doi"
    r"|(?:quy\s+)?phu\s+huynh)"
    r"\s+(?:den|toi|tham\s+du|trai\s+nghiem|lai\s+thu|tham\s+quan|ghe|dat|mua|xem)"
    r"|lai\s+thu|trai\s+nghiem\s+(?:lieu\s+trinh|mau\s+xe)"
    r"|(?:mo\s+ban\s+ve|ve\s+da\s+mo\s+ban|mua\s+ve\s+tai|dat\s+ve\s+tai|mo\s+cong\s+dang\s+ky)"
    r"|hoi\s+cho\s+(?:sach|viec\s+lam|thuong\s+mai|du\s+lich|am\s+thuc|xuan|tet|hang)"
    r"|le\s+hoi\s+am\s+nhac|dem\s+nhac|wedding\s+fair"
    # a salesperson's introduction
    r"|gioi\s+thieu\s+(?:den\s+|toi\s+|voi\s+)?(?:anh\s*/?\s*chi\s+|quy\s+khach\s+|ban\s+)?"
    r"(?:goi\s+bao\s+hiem|san\s+pham|dich\s+vu|khoa\s+hoc|chuong\s+trinh\s+bieu\s+dien)"
    r"|tu\s+van\s+vien|ai\s+(?:lay|an|can|mua)\s+(?:thi\s+)?(?:em|e|inbox|ib|dat)\b"
    # a lead followed up ("ban vua de lai thong tin ve khoa hoc", "anh dang quan tam toi dich
    # vu ben em"), a broker's or an agent's trade, a seller's terms
    r"|de\s+lai\s+thong\s+tin|tu\s+van\s+(?:lo\s+trinh|mien\s+phi)|bang\s+minh\s+hoa"
    r"|(?:quan\s+tam|tim\s+hieu)\s+(?:toi\s+|den\s+|ve\s+)?(?:\S+\s+){0,3}?"
    r"(?:dich\s+vu|san\s+pham|du\s+an|khoa\s+hoc|bao\s+hiem|can\s+ho|goi\s+cuoc)"
    r"|moi\s+gioi\s+(?:nha\s+dat|bat\s+dong\s+san|bds)|(?<!dang )ky\s+gui|co\s+khach\s+can"
    r"|dan\s+(?:anh|chi|ban)\s+(?:di\s+)?xem|lam\s+dai\s+ly|dai\s+ly\s+(?:chinh\s+hang|uy\s+quyen)"
    r"|chuyen\s+(?:cung\s+cap|phan\s+phoi|ban\s+(?:si|le)|hoa\s+tuoi|may\s+do|in\s+an)"
    r"|gia\s+(?:si|tot\s+hon|re\s+hon|tot\s+nhat|re\s+nhat)|hang\s+chinh\s+hang"
    r"|xach\s+tay|noi\s+dia\s+(?:nhat|han|trung|thai)|sim\s+so\s+dep"
    r"|in\s+(?:logo|theo\s+yeu\s+cau|lay\s+ngay)"
    r"|thiet\s+ke\s+mien\s+phi"
    # a centre's, a lawyer's, a seller's and a laundry's words
    # (each phrase starts at its gate pair: "ket dau ra" of "cam ket dau ra")
    r"|luyen\s+thi|(?<=cam )ket\s+dau\s+ra|test\s+dau\s+vao|(?<=kiem )tra\s+dau\s+vao"
    r"|tu\s+van\s+(?:ly\s+hon|phap\s+ly|luat|bao\s+hiem|tuyen\s+sinh)"
    r"|si\s+le|ban\s+si|giao\s+(?:xe\s+|nhan\s+)tan\s+(?:noi|nha)"
    r"|(?<=kiem )tra\s+truoc\s+khi\s+nhan"
    r"|ban\s+giao\s+(?:trong|sau)\s+\d+\s+ngay"
    r")")
#: The word pairs (and the few single words) that open each phrase of the pattern: one
#: set intersection with the message's pairs decides whether it runs at all.
_TRADE_PAIRS = frozenset({
    "nhan day", "nhan chup", "nhan thiet", "nhan thi", "nhan sua", "nhan giat", "nhan nau",
    "nhan may", "nhan dat", "nhan van", "nhan lap", "nhan dich", "nhan in", "nhan cai",
    "nhan order", "nhan ship", "dich vu", "chuyen nha", "thong tac", "hut be", "diet moi",
    "diet chuot", "diet gian", "diet con", "diet muoi", "sua dieu", "sua may", "sua tu",
    "sua tivi", "sua binh", "sua khoa", "sua dien", "sua laptop", "xe ghep", "xe tien",
    "xe hop", "cho thue", "bao hanh", "co mat", "phuc vu", "giao hang", "giao tan",
    "ship toan", "ship cod", "ship tan", "giao toan", "giao cod", "khao sat", "xem mau",
    "xem album", "album mau", "nhan lich", "nau co", "nhan xe", "dat truoc", "live tren",
    "live luc", "live toi", "livestream tren", "livestream luc", "livestream toi",
    "come and", "come try", "come visit", "tuyen sinh", "khai giang", "hoc thu", "nhan tre",
    "khoa hoc", "grand opening", "now open", "chinh thuc", "mo them", "moi ra", "vua ra",
    "ra mat", "moi ve", "vua ve", "hang moi", "da ve", "kinh moi", "moi quy", "moi anh",
    "moi cac", "moi ca", "moi phu", "lai thu", "trai nghiem", "mo ban", "ve da", "mua ve",
    "dat ve", "mo cong", "hoi cho", "le hoi", "dem nhac", "wedding fair", "gioi thieu",
    "tu van", "ai lay", "ai an", "ai can", "ai mua", "khoi hanh", "tron goi", "phi tham",
    "ban dat", "ban can", "ban gap", "hang ve",
    "de lai", "bang minh", "quan tam", "tim hieu", "moi gioi",
    "ky gui", "co khach", "dan anh", "dan chi", "dan ban", "lam dai", "dai ly", "chuyen cung",
    "chuyen phan", "chuyen ban", "chuyen hoa", "chuyen may", "chuyen in", "gia si", "gia tot",
    "gia re", "hang chinh", "xach tay", "noi dia", "sim so",
    "in logo", "in theo", "in lay", "thiet ke", "luyen thi", "ket dau", "test dau", "tra dau",
    "si le", "ban si", "giao xe", "giao nhan", "tra truoc", "ban giao",
})
_TRADE_WORDS = frozenset({"tour", "open", "workshop", "webinar"})
#: A way to reach the seller, as a finding of the entity and phrase checks.
_CONTACT_FINDINGS = frozenset({
    "PHONE_MOBILE", "PHONE_SERVICE", "PHONE_PREMIUM", "PHONE_FIXED", "URL_PRESENT",
    "EMAIL_ADDRESS", "CHAT_APP_CONTACT",
})
#: ... or in words. (Not an address alone: a class's own notice gives where it meets.)
_CONTACT_RE = re.compile(
    r"\b(?:hotline|lh|lien\s+he|zalo|inbox|ib|fanpage|dat\s+(?:lich|phong|ban|cho)"
    r"|dang\s+ky|showroom|nhan\s+(?:em|cho\s+em|tin|shop)|bao\s+gia)\b")
#: A booking's own notice, not an ad for it (an order's is ``offers.ORDER_NOTICE_RE``).
_BOOKING_RE = re.compile(r"\b(?:ma\s+dat\s+cho|da\s+duoc\s+xac\s+nhan"
                         r"|xac\s+nhan\s+(?:lich|dat|don|ve|dang\s+ky)"
                         r"|da\s+mo\s+(?:lam\s+)?thu\s+tuc)\b")
#: Recruitment: the job frauds look the same ("tuyen", "viec lam", "ung tuyen").
_JOB_RE = re.compile(r"\b(?:tuyen\s+(?:dung|gap|nhan\s+vien|\d+)|viec\s+lam|ung\s+tuyen"
                     r"|cong\s+tac\s+vien|ctv)\b")

DETAIL = "advertises a trade, a course, an opening or an event"
#: Fixed log-odds added to ad (the finding is no feature of the model): the data holds few
#: such ads, and their accented, personal-sounding wording reads as ham to the model.
SERVICE_PRIOR = 5.0
#: ... and when two of the business's phrases are there ("mới về lô ... ship toàn quốc"):
#: a seller's chat-like wording read as ham 0.92 at 5, and 0.63 at 7.
SERVICE_PRIOR_TWICE = 8.0


#: Scam-leaning findings that ads carry as often: a way to pay or reach the seller.
_NEUTRAL = frozenset({
    "BANK_ACCOUNT", "EMAIL_ADDRESS", "MONEY", "MONEY_LARGE", "PHONE_MOBILE", "URL_PRESENT",
    "URL_BARE_DOMAIN", "CHAT_APP_CONTACT", "URL_PLATFORM_PAGE", "CALL_TO_CLICK", "URGENCY",
    "PUNCTUATION_NOISE", "RANDOM_CASE_TOKENS",
})


def _fraud_found(out: MessageFeatures) -> bool:
    """Any other finding that leans to scam: a lure, a threat, a request, a bad link."""
    return any(f.leans == "scam" and name not in _NEUTRAL for name, f in out.findings.items())


def _trades(folded: str, hits: frozenset[str]) -> list[tuple[int, str]]:
    """``(position, phrase)`` of the trade phrases, tried only where a gate's pair or word
    stands (one pattern of a hundred phrases scanned over the whole text cost 100 us)."""
    found: dict[int, str] = {}
    for hit in hits:
        pos = folded.find(hit)
        if pos < 0:  # written with other separators ("anh/chi"): scan the whole text
            return [(m.start(), m.group(0)) for m in _TRADE_RE.finditer(folded)]
        kept = 0
        while pos >= 0 and kept < 3:  # the first few of each: two are used
            m = _TRADE_RE.match(folded, pos)
            if m is not None:
                found[pos] = m.group(0)
                kept += 1
            pos = folded.find(hit, pos + 1)
    return sorted(found.items())


def service_findings(folded: str, tokens: list[str], bigrams: list[str],
                     out: MessageFeatures) -> None:
    """``SERVICE_AD`` of the folded text, its ``tokens`` and their ``bigrams`` (after the
    entity, phrase, offer and scheme findings)."""
    if "COMMERCIAL_OFFER" in out.findings:
        return
    hits = _TRADE_PAIRS.intersection(bigrams) | _TRADE_WORDS.intersection(tokens)
    if not hits:
        return
    found = [phrase for pos, phrase in _trades(folded, hits)
             if not negated(folded, pos)][:2]
    if not found:
        return
    if len(found) < 2 and _CONTACT_FINDINGS.isdisjoint(out.findings) \
            and _CONTACT_RE.search(folded) is None:
        return
    if (ORDER_NOTICE_RE.search(folded) is not None or _BOOKING_RE.search(folded) is not None
            or _JOB_RE.search(folded) is not None
            or advisory(out) or _fraud_found(out)):
        return
    prior = SERVICE_PRIOR if len(found) < 2 else SERVICE_PRIOR_TWICE
    quoted = ", ".join(f'"{x}"' for x in found)
    out.add(Finding("SERVICE_AD", "ad", f"{DETAIL}: {quoted}", learned=False, weight=prior))


#: ``(name, meaning)`` of the finding of this module, for the symbol catalogue.
SYMBOLS: tuple[tuple[str, str], ...] = (
    ("SERVICE_AD", "advertises a trade, a course, an opening or an event to the public "
                   "(no offer needed), with a way to reach the seller"),
)
