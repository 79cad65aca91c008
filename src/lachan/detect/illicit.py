"""Offers and threats that are crimes whatever words surround them: illegal goods for
sale (drugs, weapons, counterfeit money, date-rape drugs), forged papers made to order,
sex for sale with a contact, promises of a fixed daily return on an "investment",
sextortion, offers to recover money lost to fraud, lottery numbers and betting tips for
sale, links to Android app packages, pyramid schemes, and cures no medicine can promise (a diabetes
"cured for good without insulin", "10 kg lost in 14 days").
The datasets hold next to none of them, so these findings carry a fixed prior (log-odds
towards scam) and no learned weight, like those of :mod:`lachan.detect.requests`.

Each is one regular expression over the folded text, run only when the message's word
pairs hold one of its pairs (forged papers and sex for sale: when the broader phrase
finding of the subject fired, ``FORGED_DOCUMENTS`` or ``ADULT_SERVICE_OFFER``). A
message that warns against fraud or reads like a public advisory ("phong chong ma tuy")
quotes them and gets no prior (``requests.advisory``).
"""

from __future__ import annotations

import re

from lachan.detect.features import Finding, MessageFeatures
from lachan.detect.requests import advisory, first_unnegated_in_clause, negated

ILLEGAL_GOODS_PRIOR = 10.0
#: (10, not 8, since the model trained with the written messages: an English trading
#: bot's "340% last month" scored P(scam) 0.47 at 8, under the threshold)
GUARANTEED_RETURNS_PRIOR = 10.0
#: (12: a threat written in a chat's own words, "tao co anh nhay cam cua may ... ca truong
#: biet", scored ham by 10.4 log-odds on the model alone)
EXTORTION_PRIOR = 12.0
#: An offer to get back money lost to fraud: the recovery fraud that follows the first one
#: (fake lawyers, "cyber police", hackers). Real help comes from the police, who do not
#: advertise by message.
RECOVERY_OFFER_PRIOR = 8.0
#: ...and with a fee to pay for it, though it names the fraud and the police as a warning
#: does: the advisory's words pull to ham.
RECOVERY_FEE_PRIOR = 12.0
#: An app package by link invites malware from outside the stores; some games and shops
#: do hand out .apk files, so this prior helps rather than decides. It was 5 until a
#: black-box set's "wedding photos" sent as a .apk file scored P(scam) 0.44 with it.
APK_LINK_PRIOR = 8.0
#: ...and 4 more from an authority: no ministry, tax office or police hands out an app as a
#: file ("em la can bo thue, chi cai app theo file apk em gui" scored P(scam) 0.18 at 8).
APK_AUTHORITY_EXTRA = 4.0
#: Driving licences, diplomas, ID cards made to order: forgery, and mostly a deposit
#: fraud too (the papers never come).
FORGED_PAPERS_PRIOR = 8.0
#: Sex offered by message with a contact to reach: prostitution is unlawful in Viet Nam,
#: and these messages are mostly a deposit fraud (pay first on Zalo, nobody comes).
SEX_SERVICE_PRIOR = 8.0
#: A cure or a weight loss no product may promise (advertising one is unlawful, and the
#: product is mostly a fake sold for a transfer first).
MIRACLE_CURE_PRIOR = 10.0
#: A pyramid: pay to join and earn by recruiting ("mua goi 12 trieu, gioi thieu 2 nguoi,
#: hoa hong 7 tang"). Multi-level selling is lawful in Viet Nam only under a licence, and
#: never pays for recruits alone.
PYRAMID_PRIOR = 10.0

#: Lottery numbers or football tips sold by a fee, a "VIP group" or a chat: no one can
#: foresee a draw, and betting outside Vietlott and licensed casinos is unlawful; the fee
#: is the fraud ("nap phi 300k nhan so", "vao nhom VIP 500k/tuan", "ib anh chi keo"). It
#: was 8 until a retrain left a tip sold in a chat ("keo toi nay chac an ... ib anh chi
#: cho") at P(scam) under the threshold.
BETTING_TIPS_PRIOR = 10.0

#: Things nobody may sell by message.
_GOODS = (r"(?:sung\s+(?:dien|hoi|ban\s+dan|ngan|quan\s+dung|k\d\d|colt|glock|tu\s+che)"
          r"|ma\s+tuy|can\s+sa|thuoc\s+lac|ma\s+tuy\s+da|coca(?:in|ine)|heroin|thuoc\s+me"
          r"|thuoc\s+kich\s+duc|tien\s+gia|phao\s+no|dan\s+cao\s+su|weed|cannabis|mdma)")
_SELLING = (r"(?:ban|ban\s+le|ban\s+si|cung\s+cap|co\s+san|ship|giao|nhan\s+ship|can\s+ban"
            r"|chuyen|sell|selling)")
_ILLEGAL_GOODS_RE = re.compile(
    rf"\b{_SELLING}\b(?:\s+\S+){{0,4}}?\s+{_GOODS}\b"
    # the goods first, the selling after, in one sentence ("Sung hoi, dao ke ... ship toan
    # quoc")
    rf"|\b{_GOODS}\b[^.!?\n]{{0,60}}?\b{_SELLING}\b"
    # SIMs activated under someone else's name, sold in bulk
    r"|\b(?:ban|cung\s+cap|co\s+san|si)\s+(?:\S+\s+){0,2}?sim\s+(?:rac|kich\s+hoat\s+san"
    r"|khong\s+chinh\s+chu|da\s+kich\s+hoat)\b"
    r"|\bsim\b[^.!?\n]{0,80}?\bkhong\s+can\s+(?:dang\s+ky\s+)?chinh\s+chu\b"
    # people's data sold: "cung cap data khach hang ... co SDT", "mua ban thong tin"
    r"|\b(?:ban|cung\s+cap|mua\s+ban|can\s+ban)\s+(?:\S+\s+){0,2}?(?:data|du\s+lieu|danh\s+sach)"
    r"\s+(?:khach\s+hang|sdt|so\s+dien\s+thoai)\b(?=[^.!?\n]{0,80}?\b(?:sdt|so\s+dien\s+thoai"
    r"|gia\s+re|cap\s+nhat|telegram|zalo)\b)|\bmua\s+ban\s+thong\s+tin\s+(?:ca\s+nhan|khach)?"
    # an exam's paper "with the answers before the exam"
    r"|\bde\s+thi\b[^.!?\n]{0,60}?\b(?:dap\s+an\s+truoc|co\s+dap\s+an|truoc\s+gio\s+thi|lo\s+de"
    # "co de thi vao 10 ban chuan nam nay": the real paper, before the exam
    r"|ban\s+(?:chuan|that|goc)|de\s+that)\b")
_GOODS_PAIRS = frozenset({"de thi", "sim rac", "hoat san", "chinh chu", "data khach",
                          "lieu khach", "ban thong", "sach khach",
                          "sung dien", "sung hoi", "sung ban", "sung ngan", "sung quan",
                          "sung tu", "sung colt", "sung glock", "ma tuy", "can sa", "thuoc lac",
                          "thuoc me", "kich duc", "tien gia", "phao no", "cao su"})
_GOODS_WORDS = frozenset({"cocain", "cocaine", "heroin", "weed", "cannabis", "mdma"})

#: A fixed daily return ("lai 2%/ngay", "gop 5tr nhan 500k/ngay"), or a guaranteed
#: profit: no lawful investment promises either.
_RETURNS_RE = re.compile(
    r"\b(?:lai|loi\s+nhuan|lai\s+suat)\s+(?:co\s+dinh\s+|on\s+dinh\s+|len\s+(?:den|toi)\s+)?"
    r"(?:\d+(?:[.,]\d+)?\s*%?\s*(?:-|den|toi)\s*)?\d+(?:[.,]\d+)?\s*%\s*"
    r"(?:/|mot|moi|1|tren)\s*(?:ngay|tuan)\b"
    r"|\bcam\s+ket\s+(?:loi\s+nhuan|lai|hoan\s+von|100\s*%\s*thang|bao\s+toan\s+von)\b"
    # more back than was paid: "hoan 200% hoc phi", "200% money-back guarantee"
    r"|\bhoan\s+(?:lai\s+)?(?:[2-9]\d\d|1[1-9]\d)\s*%|\b[2-9]\d\d\s*%\s+money[- ]?back\b"
    r"|\b(?:dam\s+bao|cam\s+ket|bao)\s+(?:khong|ko|k)\s+(?:lo|thua\s+lo|mat\s+von)\b"
    r"|\bx\s?\d{1,2}\s+(?:tai\s+khoan\s+|von\s+)?(?:trong|sau)\s+(?:\d+|mot)\s+(?:ngay|tuan|thang)\b"
    r"|\bcam\s+ket\s+x\s?\d{1,2}\b"
    # "moi ngay lai 2-3 trieu", and a betting tool "du doan chinh xac 90%"
    r"|\b(?:moi|1|mot)\s+ngay\s+(?:\S+\s+){0,2}?(?:lai|loi|kiem|an)\s+(?:\d+\s*-\s*)?\d+\s*(?:k|tr|trieu)\b"
    r"|\b(?:tool|phan\s+mem|app)\s+(?:\S+\s+){0,2}?du\s+doan\s+(?:\S+\s+)?(?:chinh\s+xac\s+)?(?:[7-9]\d|100)\s*%"
    # a stake and a cut per order ("nap von 5tr ... loi nhuan 20%/don"), fake orders whose
    # money "comes back at once", a token "x50"
    r"|\b(?:loi\s+nhuan|hoa\s+hong|lai)\s+\d+\s*%\s*/\s*(?:don|lenh)\b"
    r"|\b(?:dat|chot|lam|xu\s+ly)\s+don\s+(?:hang\s+)?ao\b"
    # "nap cang nhieu lai cang cao": the stake that buys a bigger cut
    r"|\b(?:nap|gop|dau\s+tu)\s+cang\s+nhieu\s+(?:\S+\s+){0,2}?(?:lai|loi|hoa\s+hong)\b|\btien\s+von\s+(?:duoc\s+)?hoan\s+(?:lai\s+)?ngay\b"
    r"|\b(?:presale|token|coin|niem\s+yet|tien\s+ao|len\s+san)\b.{0,80}?\bx\s?\d{1,3}\b"
    # 10 % a month or more ("lai 30-50%/thang"): no lawful investment pays it, and lending
    # at that rate is usury
    # (not a penalty's rate: "phi phat cham tra lai 10%/thang")
    # (the "\b" first, as in every other branch: the regex engine then checks it once
    # per position for all branches instead of once per branch, 4x faster)
    r"|\b(?<!phat )(?<!tra )(?<!han )(?:lai|loi\s+nhuan)\s+"
    r"(?:cam\s+ket\s+|co\s+dinh\s+|on\s+dinh\s+)?"
    r"(?:tu\s+|len\s+(?:den|toi)\s+)?(?:\d+\s*%?\s*(?:-|den)\s*)?"
    r"[1-9]\d(?:[.,]\d+)?\s*%\s*(?:/|mot|moi|1)\s*thang\b"
    # a stake and its daily income ("nap 10tr moi ngay nhan 300k")
    r"|\b(?:nap|gop|dau\s+tu|bo)\s+(?:von\s+)?\d+\s*(?:k|tr|trieu)\s+(?:\S+\s+){0,3}?"
    r"(?:moi|1|mot)\s+ngay\s+(?:nhan|lai|loi|duoc)\s+\d+\s*(?:k|tr|trieu)\b(?!\s+(?:cashback|xu|diem))"
    # a daily rate written after its day ("lai ngay 2-5%"), capital "insured" in full ("bao
    # hiem von 100%"), a trading bot's past months ("our AI trading bot made 340%")
    r"|\b(?:lai|loi\s+nhuan)\s+(?:moi\s+)?ngay\s+(?:\d+(?:[.,]\d+)?\s*%?\s*(?:-|den)\s*)?"
    r"\d+(?:[.,]\d+)?\s*%"
    r"|\b(?:bao\s+hiem|bao\s+toan|dam\s+bao)\s+(?:100\s*%\s+von|von\s+100\s*%)"
    r"|\b(?:trading\s+)?bot\s+(?:\S+\s+)?(?:made|makes|earned|earns|returns?)\s+\d{2,}\s*%"
    r"|\b(?:gop|nap|dau\s+tu|von)\s+\d+\s*(?:k|tr|trieu|d)?\s+(?:\S+\s+){0,2}?(?:nhan|lai|loi)"
    r"\s+\d+\s*(?:k|tr|trieu|d|%)?\s*(?:/|mot|moi|1)\s*ngay\b"
    # a monthly return no lawful investment pays (3 % and up: banks pay about 0.5 %)
    r"|\b(?:gop\s+von|dau\s+tu|von)\s+(?:\S+\s+){0,3}?(?:nhan\s+)?(?:lai|loi\s+nhuan)\s+"
    r"(?:[3-9]|[1-9]\d)(?:[.,]\d+)?\s*%\s*(?:/|mot|moi|1|tren)\s*thang\b"
    # ...or stated outright at 5 % a month and up ("loi nhuan 8%/thang")
    r"|\b(?:lai|loi\s+nhuan)\s+(?:co\s+dinh\s+)?(?:[5-9]|[1-9]\d)(?:[.,]\d+)?\s*%\s*/\s*thang\b"
    r"|\b\d+(?:[.,]\d+)?\s*%\s*(?:per|a|every)\s+day\b|\bguaranteed\s+(?:profit|returns?)\b"
    # "earn 5% daily", and a profit in money a day: "choi vang lai 3-5tr/ngay"
    r"|\b\d+(?:[.,]\d+)?\s*%\s*daily\b"
    r"|\b(?:lai|loi\s+nhuan)\s+(?:\d+\s*-\s*)?\d+\s*(?:k|tr|trieu)\s*(?:/|mot|moi|1)\s*ngay\b"
    # a stake multiplied in a day or a week: "vao von 5tr nhan 15tr sau 1 ngay"
    r"|\b(?:vao\s+von|bo\s+von|von|nap|gop|dau\s+tu|vao)\s+\d+(?:[.,]\d+)?\s*(?:k|tr|trieu)\s+"
    r"(?:\S+\s+){0,2}?(?:nhan|lai|an|ve|rut)\s+(?:ve\s+)?\d+(?:[.,]\d+)?\s*(?:k|tr|trieu)\s+"
    r"(?:chi\s+)?(?:sau|trong)\s+(?:\d+|mot|vai)\s+(?:ngay|gio|tieng|tuan|phut)\b"
    # a weekly return ("loi nhuan trung binh 15%/tuan"), a stake doubled within hours
    # ("USDT x2 trong 24h"), a stake returned with more at once ("nap 10tr nhan ngay 13,5tr
    # sau 15 phut")
    r"|\b(?:lai|loi\s+nhuan)\s+(?:trung\s+binh\s+|co\s+dinh\s+|on\s+dinh\s+|toi\s+thieu\s+)?"
    r"\d+(?:[.,]\d+)?\s*%\s*(?:/|mot|moi|1)\s*tuan\b"
    r"|\bx\s?[2-9]\d?\s+(?:\S+\s+){0,2}?(?:trong|sau)\s+(?:\d+\s*(?:h|gio|tieng|ngay|phut)"
    r"|mot\s+(?:ngay|tuan))\b"
    r"|\b(?:nap|gop|vao)\s+\d+(?:[.,]\d+)?\s*(?:k|tr|trieu)\s+nhan\s+ngay\s+\d+(?:[.,]\d+)?\s*"
    r"(?:k|tr|trieu)\b"
    # a trading "room" that never loses: "lenh thang 100%", "ty le thang 95%"
    r"|\b(?:lenh|keo|ty\s+le|win\s+rate)\s+(?:thang\s+|chien\s+thang\s+)?(?:[89]\d|100)\s*%"
    # a stake paid back at once with a commission: "nap 500k lam don dau, 5p sau he thong
    # tra ca goc lan hoa hong 150k"
    r"|\b(?:tra|hoan|nhan)\s+(?:lai\s+)?(?:ca\s+)?(?:goc|von)\s+(?:lan|va|kem|\+)\s*"
    r"(?:hoa\s+hong|lai|loi\s+nhuan)\b")
_STAKE_WORDS = frozenset({"gop", "nap", "dau", "von"})
#: ...and the words that open a stake taken back with more (with :data:`_BACK_WORDS`):
#: "tra truoc 1tr nhan 1tr3", "don combo ... nhan ve", "goi dao coin 10tr ... thu ve 18tr".
_STAKE_BACK_WORDS = _STAKE_WORDS | {"combo", "truoc", "goi"}
#: A profit in per cent said with its period, or a stake back at once, in chat: "loi 200%
#: trong 1 tuan", "1 ngay lai 3-5%", "dam bao loi ngay trong ngay", "hoan von ngay sau 5
#: phut", "hoa hong 15-20%/don" (its own pattern, run on its own gate: "lai" is also
#: "again").
_CHAT_RETURNS_RE = re.compile(
    r"\b(?:loi|lai)\s+\d+\s*%\s+(?:trong|sau)\s+(?:\d+|mot)\s+(?:ngay|tuan|gio|tieng)\b"
    r"|\b(?:1|mot|moi)\s+ngay\s+(?:lai|loi)\s+\d+(?:\s*-\s*\d+)?\s*%"
    r"|\bdam\s+bao\s+(?:loi|lai)\s+(?:ngay\s+)?trong\s+ngay\b"
    r"|\bhoan\s+von\s+(?:ngay\s+)?(?:sau\s+\d+\s+phut|\+\s*\d+\s*%)"
    r"|\bhoa\s+hong\s+\d+(?:\s*-\s*\d+)?\s*%\s*/\s*don\b"
    # a loss made good: "khong lai em hoan tien 100%", "lo bao nhieu ben em den bay nhieu"
    r"|\bkhong\s+(?:co\s+)?(?:lai|loi)\s+(?:\S+\s+){0,2}?(?:hoan|den|tra\s+lai)\s+"
    r"(?:lai\s+)?(?:tien|von|100\s*%)"
    r"|\blo\s+(?:bao\s+nhieu\s+)?(?:\S+\s+){0,2}?(?:den|boi\s+thuong)\s+(?:bay\s+nhieu|100\s*%|du)\b"
    r"|\blo\s+(?:thi\s+)?(?:em|minh|ben\s+em|toi|chi)\s+(?:se\s+)?(?:den|chiu|boi\s+thuong|bu)\b"
    # a stake doubled in days ("7 ngay la x2"), a payback in a month, an "inside" signal
    r"|\b(?:\d+|mot|vai)\s+(?:ngay|tuan|gio|tieng)\s+(?:la\s+)?x\s?[2-9]\b"
    r"|\bx\s?[2-9]\s+(?:sau|trong)\s+(?:\d+|mot|vai)\s+(?:ngay|tuan|gio|tieng)\b"
    r"|\b(?:[1-3]|mot|hai|ba)\s+(?:ngay|tuan|thang)\s+(?:la\s+)?hoan\s+von\b"
    r"|\b(?:tin\s+hieu|lenh|keo)\s+noi\s+bo\b"
    # a profit every day on a trading floor or a stake: "san ... ngay nao cung lai"
    r"|\bngay\s+nao\s+cung\s+(?:co\s+)?(?:lai|loi|an)\b(?=.{0,160}?\b(?:nap|gop|dau\s+tu)\b)"
    r"|\b(?:nap|gop|dau\s+tu)\b.{0,160}?\bngay\s+nao\s+cung\s+(?:co\s+)?(?:lai|loi|an)\b")
_CHAT_RETURNS_PAIRS = frozenset({"hoan von", "dam bao", "khong lai", "khong loi", "lo bao",
                                 "lo em", "lo thi", "la x2", "la x3", "noi bo",
                                 "cung lai", "cung loi"})
#: "nhan", "rut", "hoan" with a stake word open the check of a stake taken back with more.
_BACK_WORDS = frozenset({"nhan", "rut", "hoan", "thu"})
#: A monthly income in money for a stake ("gop 100tr nhan 8tr/thang co dinh"): a return
#: of 3 % a month or more, which no lawful investment promises (banks pay about 0.5 %).
#: (two shapes: the stake, then the income; the income after "moi thang", "gop von ... 20tr,
#: moi thang chia loi nhuan 6tr")
_MONTHLY_CASH_RES = (
    re.compile(
        r"\b(?:gop(?:\s+von)?|nap|dau\s+tu|vao\s+von|bo\s+von)\s+(\d+(?:[.,]\d+)?)\s*"
        r"(tr|trieu|ty|k)\s+(?:\S+\s+){0,2}?(?:nhan|lai|loi\s+nhuan|huong)\s+(?:ve\s+|deu\s+|co\s+tuc\s+)?"
        r"(\d+(?:[.,]\d+)?)\s*(tr|trieu|k)\s*(?:/|mot|moi|1)\s*thang\b"),
    re.compile(
        r"\b(?:gop(?:\s+von)?|nap|dau\s+tu|von)\s+(?:\S+\s+){0,8}?(\d+(?:[.,]\d+)?)\s*"
        r"(tr|trieu|ty|k)\b[,.]?(?:\s+\S+){0,3}?\s+(?:moi|hang|1|mot)\s+thang\s+"
        r"(?:chia\s+|nhan\s+|tra\s+)?(?:loi\s+nhuan\s+|lai\s+|co\s+tuc\s+)?(\d+(?:[.,]\d+)?)\s*"
        r"(tr|trieu|k)\b"),
)
_UNIT = {"k": 1e3, "tr": 1e6, "trieu": 1e6, "ty": 1e9}
MONTHLY_RETURN_FLOOR = 0.03
#: A stake to put in and more to take back, said together: "nap 5tr de lam, hoan thanh nhan
#: lai 6tr5", "nap 2 trieu, hoan thanh nhan 2tr600" (the task fraud's "order").
_AMOUNT = r"(\d+(?:[.,]\d+)?)\s*(k|tr|trieu|ty)(\d{1,3})?\b"
_STAKE_BACK_RE = re.compile(
    # ("tra truoc 1tr nhan 1tr3", "goi dao coin 10tr chay 30 ngay thu ve 18tr")
    rf"\b(?:nap|gop|vao|chuyen|dau\s+tu(?:\s+goi)?|tra\s+truoc|ung\s+truoc|don\s+combo"
    rf"|goi(?:\s+\S+){{0,2}}?)\s+(?:them\s+)?{_AMOUNT}[,.;]?(?:\s+\S+){{0,8}}?\s+"
    rf"(?:nhan|rut|hoan|thu)\s+(?:lai\s+|ve\s+|duoc\s+)?(?:ngay\s+)?{_AMOUNT}")


#: ...or in full: "nap 2.000.000d de hoan thanh, he thong se hoan lai 2.600.000d".
_FULL = r"(\d{1,3}(?:[.,]\d{3}){1,3})\s*(?:d|dong|vnd|usdt)?\b"
_STAKE_BACK_FULL_RE = re.compile(
    rf"\b(?:nap|gop|vao|chuyen|tra\s+truoc|don\s+combo)\s+(?:them\s+)?{_FULL}[,.;]?(?:\s+\S+){{0,8}}?\s+"
    rf"(?:nhan|rut|hoan|thu)\s+(?:lai\s+|ve\s+|duoc\s+)?(?:ngay\s+)?{_FULL}")


def _amount(number: str, unit: str, tail: str | None) -> float:
    """"6tr5" is 6.5 million, "2tr600" 2.6 million, "1,5tr" 1.5 million."""
    value = float(number.replace(",", "."))
    if tail:
        value += float("0." + tail)
    return value * _UNIT[unit]


def _stake_back(folded: str) -> str | None:
    """A stake and a larger sum to take back, said in one breath."""
    for m in _STAKE_BACK_RE.finditer(folded):
        put = _amount(m.group(1), m.group(2), m.group(3))
        back = _amount(m.group(4), m.group(5), m.group(6))
        if 0 < put < back <= 100 * put:
            return m.group(0)
    for m in _STAKE_BACK_FULL_RE.finditer(folded):
        put, back = (float(re.sub(r"[.,]", "", g)) for g in m.groups())
        if 0 < put < back <= 100 * put:
            return m.group(0)
    return None


def _monthly_cash_return(folded: str) -> str | None:
    """The stake and monthly income said in money, when the income is 3 % a month or more."""
    for pattern in _MONTHLY_CASH_RES:
        for m in pattern.finditer(folded):
            stake = _amount(m.group(1), m.group(2), None)
            income = _amount(m.group(3), m.group(4), None)
            if stake > 0 and income / stake >= MONTHLY_RETURN_FLOOR:
                return m.group(0)
    return None


#: Words that open a check of the returns by themselves: a stake per order, a token sale.
_RETURN_WORDS = frozenset({"presale", "token", "usdt", "btc", "bitcoin", "coin", "crypto",
                           "bot"})
#: ...and a profit in per cent said with its period: "loi 200% trong 1 tuan", "1 ngay lai 3-5%"
#: ("lai" is also "again": these open the check only with a "%").
_PERCENT_RETURN_WORDS = frozenset({"loi", "lai"})
_PERIOD_WORDS = frozenset({"ngay", "day", "thang", "daily", "tuan", "gio", "tieng", "phut"})
_RETURNS_PAIRS = frozenset({"cam ket", "guaranteed profit", "guaranteed return", "lenh thang",
                            "du doan", "hang ao", "don ao", "von hoan", "tien von",
                            "loi nhuan", "hoa hong",
                            "win rate", "le thang",
                            "guaranteed returns", "dam bao", "bao khong", "money back",
                            "hoan §d3", "lai §d3", "hiem von", "toan von", "lai ngay",
                            "tien ao", "len san"})

#: Intimate images and a demand, with the threat to send them to family or contacts.
_INTIMATE_RE = re.compile(
    r"\b(?:video|clip|anh|hinh)\s+(?:\S+\s+){0,2}?(?:nong|nhay\s+cam|khoa\s+than|sex|nude"
    r"|ben\s+tau|chat\s+sex)\b|\bnude\s+(?:photos?|videos?)\b"
    # the recording: "video ban xem phim nguoi lon qua webcam", "clip minh goi video toi qua
    # ... em da quay man hinh", "recorded you through your camera ... adult sites"
    r"|\b(?:phim|web|trang)\s+(?:nguoi\s+lon|sex|18\s*\+)\b|\bquay\s+(?:lai\s+)?man\s+hinh\b"
    r"|\b(?:goi|call)\s+video\b(?:\s+\S+){0,6}?\s+(?:quay|ghi)\b"
    # "video clip anh goi nude voi em gai": the call itself
    r"|\b(?:goi|call|chat)\s+(?:video\s+)?nude\b"
    r"|\b(?:ghi|quay)\s+(?:lai\s+)?(?:cuoc\s+)?(?:goi\s+video|video\s+call|call\s+video)\b"
    r"|\bvideo\s+call\b(?:\s+\S+){0,6}?\s+(?:quay|ghi)\b"
    r"|\b(?:co|giu|dang\s+giu)\s+(?:\S+\s+){0,2}?(?:video|clip)\s+(?:luc|khi)\s+(?:\S+\s+){0,2}?"
    r"(?:goi\s+video|video\s+call|call\s+video)\b"
    r"|\badult\s+(?:sites?|videos?|content)\b|\brecorded\s+you\b"
    # the mailbox "hacked" with its browsing history
    r"|\blich\s+su\s+(?:duyet\s+web|truy\s+cap\s+web)\b|\bda\s+hack\s+(?:\S+\s+){0,2}?"
    r"(?:tai\s+khoan|email|may\s+tinh|dien\s+thoai)\b"
    # photos put on a porn site: "anh cua em bi ghep vao web den"
    r"|\bweb\s+den\b"
    # "anh rieng tu", "hinh anh rieng tu" said to be held
    r"|\b(?:anh|hinh|video|clip)\s+(?:\S+\s+)?rieng\s+tu\b"
    # the loan app's collector: "ghep anh gui danh ba"
    r"|\bghep\s+(?:anh|hinh|mat)\b"
    # "clip nay" held with the reader's contacts, deleted for a sum
    # (each look-ahead bounded: an unbounded one rescans the rest of a 100 kB text at every
    # repeat of its opening words)
    r"|\b(?:clip|video)\s+(?:nay|do)\b(?=.{0,300}?\b(?:danh\s+sach\s+lien\s+lac|danh\s+ba)\b)"
    # a clip or photos deleted once paid: "anh gui em 15tr thi em xoa (clip)"
    r"|\b(?:gui|chuyen|dua|nop)\s+(?:\S+\s+){0,3}?\d+(?:[.,]\d+)?\s*(?:k|tr|trieu|cu|d)\s+"
    r"(?:\S+\s+){0,2}?thi\s+(?:em|tao|toi|minh|chi|anh|tui)\s+(?:se\s+)?(?:xoa|huy)\b(?!\s+(?:no|lai|phat)\b)")
#: Compromising material held without intimacy said: photos "cut and joined", a recording,
#: "enough evidence", a scandal ("tao da cat ghep du het", "co du bang chung ... tai tieng").
_HELD_RE = re.compile(
    r"\b(?:cat\s+ghep|ghep\s+(?:xong|het|du|roi)|da\s+ghep)\b"
    r"|\b(?:doan|cuon|file)\s+(?:ghi\s+hinh|ghi\s+am|clip|video)\b"
    r"|\b(?:co|giu|nam)\s+(?:du\s+|het\s+|nhieu\s+)?(?:bang\s+chung|(?:anh|hinh)\s+(?:may|mi|ban))\b"
    r"|\btai\s+tieng\b")
#: ...or said by a rude "mày" or about a composite photo ("tao co video call cua may roi",
#: "anh ghep nay la cua anh"), which a friend also says about a party's photos: these count
#: with a sum or a transfer asked only.
_HELD_LOOSE_RE = re.compile(
    r"\b(?:anh|hinh|video|clip)\s+ghep\b"
    r"|\b(?:co|giu|nam)\s+(?:du\s+|het\s+)?(?:video(?:\s+call)?|clip|anh|hinh)\s+"
    r"(?:cua\s+)?(?:may|mi)\b")
#: ...and a condition put to the reader ("khong muon ... thi", "de xoa truoc khi bi gui"):
#: a studio's "video ghep" for a wedding is paid for and sent to both families too.
_CONDITION_RE = re.compile(r"\b(?:neu\s+khong|khong\s+muon|truoc\s+khi\s+bi|de\s+xoa)\b")
_SUM_DEMAND_RE = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:tr|trieu|k|usd|usdt)\b"
                            r"|\bchuyen\s+(?:tien|khoan)\b")
#: Deleting it once paid ("toi se xoa het neu anh chuyen"): the exposure left unsaid.
_DELETE_FOR_PAY_RE = re.compile(r"\bxoa\s+(?:het|sach|toan\s+bo|vinh\s+vien)\b")
_EXPOSE_RE = re.compile(
    # posted with the name, tagged, or to the office: "dang len TikTok kem ten anh",
    # "tag ca cty may", "ca danh ba ... deu nhan duoc", "anh huong chuc vu"
    r"\b(?:kem\s+ten|tag\s+(?:ca\s+)?|deu\s+nhan\s+duoc|cong\s+ty\s+(?:may|mi|ban)"
    r"|anh\s+huong\s+(?:den\s+)?(?:chuc\s+vu|cong\s+viec|danh\s+du|gia\s+dinh))\b"
    r"|\b(?:gui\s+cho|phat\s+tan|dang\s+len|tung\s+len|cong\s+khai|danh\s+ba|nguoi\s+than"
    r"|gia\s+dinh|vo\s+(?:may|mi|ban|anh)|chong\s+(?:may|mi|ban|chi|em)|ban\s+be|co\s+quan"
    r"|send\s+(?:it\s+)?to\s+(?:your|all)|goes\s+to\s+(?:all\s+)?your|your\s+contacts"
    # "sang mai ca truong biet", "con chi thay clip nay", "danh sach lien lac"
    r"|ca\s+(?:truong|lop|xom|cong\s+ty|co\s+quan|nha|ho)\s+(?:deu\s+|se\s+)?biet"
    r"|moi\s+nguoi\s+(?:deu\s+|se\s+)?biet|(?:con|bo|me|vo|chong)\s+(?:cua\s+)?(?:chi|anh|ban|may|em)"
    r"\s+(?:se\s+)?(?:thay|xem|biet)|danh\s+sach\s+lien\s+lac|nguoi\s+nha)\b")
#: (or just the sum: "15 trieu va moi thu se bi xoa vinh vien")
_DEMAND_RE = re.compile(r"\b(?:chuyen|nop|gui|tra|pay|send|btc|bitcoin)\b"
                        r"|\b\d+(?:[.,]\d+)?\s*(?:tr|trieu|k|usd|usdt)\b")
_EXTORTION_PAIRS = frozenset({"duyet web", "da hack", "clip nay", "video nay", "clip do",
                              "anh ghep", "hinh ghep", "video ghep", "clip ghep",
                              "clip nong", "video nong", "anh nong", "hinh nong", "clip sex",
                              "video sex", "nhay cam", "khoa than", "chat sex", "ben tau",
                              "nude photos", "nude videos", "nude video", "anh nude",
                              "goi nude", "call nude", "chat nude",
                              "nguoi lon", "man hinh", "goi video", "call video",
                              "adult sites", "adult site", "adult videos", "adult content",
                              "recorded you", "phim sex", "web sex", "video call",
                              "ghep anh", "ghep hinh", "ghep mat", "em xoa", "tao xoa",
                              "toi xoa", "minh xoa", "chi xoa", "anh xoa", "tui xoa",
                              "rieng tu", "web den", "cat ghep", "ghep xong", "ghep het",
                              "ghep du", "ghep roi", "da ghep", "ghi hinh", "ghi am",
                              "bang chung", "anh may", "hinh may", "tai tieng"})

_TIPS_RE = re.compile(
    # ("song thu" with its numbers: "song Thu Duc" is a river)
    r"\b(?:soi\s+cau|bach\s+thu|song\s+thu\s+(?:lo\s+|de\s+)?\d|dan\s+(?:de|lo)\s+(?:\d+\s+so|\d\d|vip|chuan)"
    r"|chot\s+so(?!\s+(?:lieu|sach|du|luong))|cau\s+lo|lo\s+de|so\s+de\s+noi\s+bo|soi\s+keo|tip\s+keo|keo\s+(?:thom|ngon|chac|vip|toi\s+nay|hom\s+nay)|an\s+chac"
    r"|chac\s+an|(?:vao|danh|choi)\s+\d+\s*(?:k|tr|trieu)\s+an\s+\d+)\b"
    # a certainty no draw allows (no word boundary after "%")
    r"|\b(?:ve\s+100|chuan\s+9\d)\s*%")
#: ...sold: a fee, a VIP group, a chat, a bookmaker's sign-up.
_TIP_SALE_RE = re.compile(
    r"\b(?:nap\s+phi|phi|vip|nhom|group|ib|inbox|zalo|telegram|tele|lh|lien\s+he"
    r"|chuyen\s+khoan|ck|nha\s+cai|\d+\s*k\s*/\s*(?:tuan|thang|ngay))\b")
_TIPS_PAIRS = frozenset({"soi cau", "bach thu", "song thu", "dan de", "dan lo", "chot so",
                         "cau lo", "lo de", "soi keo", "tip keo", "keo thom", "keo ngon",
                         "keo chac", "keo vip", "keo toi", "keo hom", "an chac", "chac an",
                         "de noi",
                         # digit runs are shapes among the word pairs: "ve 100%", "chuan 99%"
                         "ve §d3", "chuan §d2"})

#: (also a host named for a package, "dvc-quocgia-apk.vn", and the instruction to install
#: "khong qua CH Play": outside the store, on purpose)
_APK_RE = re.compile(r"\.apk\b|\b(?:file|tep|link|ban)\s+apk\b|[a-z0-9]-apk\.|\bapk-[a-z0-9]"
                     r"|\b(?:khong\s+qua|ngoai)\s+(?:ch(?:ua)?\s+play|google\s+play|app\s+store"
                     r"|cua\s+hang\s+ung\s+dung)\b")
#: "So" ("nen", not "khong nen", "should not"): what follows is a new clause, which the
#: negation of the reason before it does not reach ("app khong co tren CH Play nen anh tai
#: file apk em gui").
#: "Only ... need" opens one too ("khong can ra co quan chi can tai app tai link apk"), and
#: so does a threat's "if not" ("bi khoa neu khong cai dat file apk": a condition, and a
#: demand): the negation is cut off with the words before it.
_APK_CLAUSE_OPENS_RE = re.compile(r"(?<!khong )(?<!ko )(?<!khg )(?<!dung )\bnen\b(?!\s+tang)"
                    r"|\b(?:chi\s+can|nhung\s+chi|ma\s+chi)\b"
                    r"|\bneu\s+(?:ban\s+|quy\s+khach\s+|anh\s+|chi\s+)?(?:khong|ko|k|khg)\b")
#: What opens the check: the package's name, or a store named.
_NOT_RIGHT_BEFORE = ("khong ", "ko ", "khg ")
_APK_GATES = ("apk", "ch play", "chua play", "google play", "app store", "cua hang ung dung")

#: An unlicensed gambling game (licensed casinos may not advertise to Vietnamese
#: residents)...
_GAME_RE = re.compile(r"\b(?:tai\s+xiu|taixiu|no\s+hu|nohu|ca\s+cuoc|ca\s+do|nha\s+cai|casino"
                      r"|game\s+bai|gamebai|xoc\s+dia|lo\s+de|ban\s+ca\s+doi\s+thuong|baccarat"
                      r"|slots?|sicbo|keo\s+nha\s+cai)\b")
#: ...and its lure to sign up: a deposit bonus, a starter code, its chat group or a win
#: promised ("nap 100k nhan 200k", "code tan thu", "vao nhom tele", "choi la thang").
_GAMBLING_LURE_RE = re.compile(
    r"\bnap\s+(?:lan\s+dau\s+|dau\s+)?\d+\s*(?:k|tr|d)?\s+(?:\S+\s+)?(?:nhan|tang|duoc|x\s?\d)"
    r"|\b(?:x2|x3|gap\s+doi)\s+(?:gia\s+tri\s+)?(?:the\s+)?nap\b|\bthuong\s+nap\s+(?:dau|lan)"
    r"|\b(?:gift\s*code|code\s+tan\s+thu|nhan\s+code|tang\s+code)\b"
    r"|\b(?:vao|tham\s+gia)\s+(?:nhom|group)\s+(?:tele|telegram|zalo|vip)\b"
    r"|\bchoi\s+la\s+(?:thang|an|trung)\b"
    # "tang 188K khi dang ky", "link vao khong bi chan", "rut tien 3 phut"
    r"|\btang\s+\d+\s*k?\s+khi\s+dang\s+ky\b|\bkhong\s+bi\s+chan\b|\brut\s+tien\s+\d+\s+phut\b"
    # "tang 888K cho tan thu", "hoan tra 1,5% moi ngay"
    r"|\b(?:tang|thuong)\s+\d+\s*k?\s+(?:cho\s+)?(?:tan\s+thu|thanh\s+vien\s+moi|nguoi\s+moi)\b"
    r"|\bhoan\s+(?:tra\s+)?\d+(?:[.,]\d+)?\s*%\s+(?:moi\s+ngay|hang\s+ngay|khong\s+gioi\s+han)")
GAMBLING_LURE_PRIOR = 8.0
#: Games named in one word, which the phrase finding's list may miss.
_GAME_WORDS = frozenset({"baccarat", "sicbo", "casino", "nohu", "taixiu", "gamebai"})

#: Papers a forger makes; a seller's voice ("nhan lam", "ben em lam", "lam ... cac loai")
#: tells an offer from someone who goes to get their own ("mai di lam bang lai xe").
_PAPERS = (r"(?:bang\s+(?:lai|dai\s+hoc|cao\s+dang|trung\s+cap|cap|tot\s+nghiep)|giay\s+to"
           r"|gp(?:lx)?|giay\s+phep\s+lai\s+xe|cccd|cmnd|chung\s+minh\s+thu|can\s+cuoc"
           r"|cavet|ho\s+chieu|dang\s+k[iy]\s+xe|giay\s+khai\s+sinh|so\s+ho\s+khau"
           r"|giay\s+kham\s+suc\s+khoe|chung\s+chi|ielts|toeic)")
_FORGED_RE = re.compile(
    rf"\b(?:nhan|chuyen|ben\s+(?:em|e|minh|toi)|cung\s+cap|dich\s+vu)\s+(?:\S+\s+){{0,3}}?"
    rf"lam\s+(?:\S+\s+){{0,4}}?{_PAPERS}\b"
    rf"|\blam\s+(?:\S+\s+){{0,3}}?{_PAPERS}\s+(?:\S+\s+){{0,4}}?cac\s+loai\b"
    rf"|\b{_PAPERS}\b.{{0,80}}?\b(?:that\s+100|khong\s+can\s+(?:thi|hoc)|dong\s+dau\s+do"
    rf"|co\s+ho\s+so\s+goc)")
#: Sex named outright, and a way to reach the seller: an offer, not a word in a chat.
_SEX_RE = re.compile(
    r"\b(?:(?<!viec )lam\s+tinh|tinh\s+mot\s+dem|gai\s+goi|gai\s+lam|nhu\s+cau\s+sinh\s+ly"
    r"|di\s+khach|ngu\s+qua\s+dem|sex|chat\s+sex)\b")
_SELLER_CONTACT_RE = re.compile(
    r"\b(?:zalo|add|lh|lien\s+he|inbox|ib|dang\s+ky|dat\s+lich|book|den\s+tan\s+noi"
    r"|phuc\s+vu\s+(?:tan\s+noi|tan\s+tinh|toan\s+quoc)|tai\s+nha|coc\s+truoc)\b|\b0\d{9}\b")

#: The escort ad's euphemisms, which name no sex: a roster of "models, actresses, office
#: girls" to serve, "cac em tre dep phuc vu A-Z cho quy ong".
_ESCORT_RE = re.compile(
    r"\bnguoi\s+mau\W+(?:\S+\W+){0,3}?(?:sinh\s+vien|nhan\s+vien\s+van\s+phong|hot\s+girl"
    r"|tiep\s+vien)\b"
    r"|\bphuc\s+vu\s+(?:tu\s+)?a\s*-?\s*z\b|\b(?:cho|danh\s+cho)\s+(?:cac\s+)?quy\s+ong\b"
    r"|\bcac\s+em\s+(?:gai\s+)?(?:tre|xinh|dep|chan\s+dai|sinh\s+vien)\b(?:\s+\S+){0,3}?\s+"
    r"(?:phuc\s+vu|chieu|tan\s+tinh)\b")
_ESCORT_PAIRS = frozenset({"nguoi mau", "a z", "quy ong", "cac em"})
#: ...a service, not a casting call or a job ("tuyen nguoi mau, sinh vien lam PG").
_ESCORT_SERVICE_RE = re.compile(r"\b(?:phuc\s+vu|dich\s+vu)\b")
_CASTING_RE = re.compile(r"\b(?:tuyen|casting|ung\s+tuyen|tuyen\s+dung|hiring)\b")

#: A cure no medicine promises ("chua khoi dut diem tieu duong", "tieu duong ... khoi
#: han"), or a weight loss in days ("giam 10kg trong 14 ngay").
_DISEASES = (r"(?:tieu\s+duong|ung\s+thu|cao\s+huyet\s+ap|huyet\s+ap|gout|gut|xuong\s+khop"
             r"|thoai\s+hoa|viem\s+gan|dau\s+da\s+day|da\s+day|vo\s+sinh|hiv|suy\s+than"
             r"|mat\s+ngu|vay\s+nen|dong\s+kinh|parkinson|xo\s+gan|hen\s+suyen"
             r"|tieu\s+duong\s+tuyp\s+\d)")
_CURE_RE = re.compile(
    rf"\b(?:chua\s+(?:khoi|dut\s+diem|tri\s+dut\s+diem|tan\s+goc)|tri\s+(?:dut\s+diem|tan\s+goc)"
    rf"|khoi\s+(?:han|hoan\s+toan|100\s*%))\s+(?:\S+\s+){{0,3}}?{_DISEASES}\b"
    rf"|\b{_DISEASES}\b(?:\s+\S+){{0,6}}?\s+(?:khoi\s+(?:han|hoan\s+toan|100)|dut\s+diem"
    rf"|tan\s+goc)\b"
    rf"|\bkhong\s+(?:can\s+|phai\s+)?tiem\s+insulin\b"
    rf"|\bgiam\s+\d+\s*(?:-\s*\d+\s*)?kg\s+(?:chi\s+)?(?:trong|sau)\s+(?:\d+|mot)\s+(?:ngay|tuan)\b")
_CANNOT_RE = re.compile(r"\b(?:khong|ko|kho|chang)\b")  # ("chua" is "chữa", cure, too)
#: Commissions over many levels, or money for bringing people in without selling.
_PYRAMID_RE = re.compile(
    r"\bhoa\s+hong\s+(?:\S+\s+){0,2}?(?:[3-9]|1\d)\s+(?:tang|cap|tuyen|level)\b"
    r"|\b(?:[3-9]|1\d)\s+(?:tang|cap|level)\s+hoa\s+hong\b"
    r"|\b(?:moi|gioi\s+thieu|keo|rui|ru)\s+(?:them\s+)?(?:\d+\s+nguoi|ban\s+be|nguoi\s+than"
    r"|nguoi\s+quen)\s+(?:\S+\s+){0,4}?(?:tham\s+gia|vao)\b(?:\s+\S+){0,4}?\s+(?:la\s+)?"
    r"(?:co\s+tien|nhan\s+(?:hoa\s+hong|tien|thuong)|huong\s+\d)"
    r"|\bkhong\s+can\s+ban\s+hang\b(?:\s+\S+){0,6}?\s+(?:moi|gioi\s+thieu|keo)\b"
    r"|\b(?:mua|dong|nap)\s+(?:goi|phi\s+tham\s+gia)\s+(?:\S+\s+){0,2}?\d+(?:[.,]\d+)?\s*"
    r"(?:k|tr|trieu)\b(?:\s+\S+){0,3}?\s+(?:va\s+)?gioi\s+thieu\s+\d+\s+nguoi\b")
_PYRAMID_PAIRS = frozenset({"hoa hong", "moi ban", "gioi thieu", "ban hang", "keo ban",
                            "moi nguoi", "rui ban", "ru ban"})

_CURE_PAIRS = frozenset({"chua khoi", "dut diem", "tan goc", "khoi han", "khoi hoan", "giam can",
                         "tiem insulin"})

_RECOVERY_RE = re.compile(
    r"\b(?:thu\s+hoi|lay\s+lai|khoi\s+phuc|doi\s+lai|hoan\s+lai|nhan\s+lai)\s+(?:\S+\s+){0,2}?tien"
    r"\s+(?:(?:cua\s+)?(?:ban|anh|chi|quy\s+khach)\s+)?(?:da\s+)?(?:bi\s+)?"
    r"(?:lua(?:\s+dao)?|chiem\s+doat|mat(?:\s+do\s+lua)?)\b"
    r"|\brecover\s+(?:your\s+)?(?:lost|scammed|stolen)\s+(?:money|funds|crypto)\b"
    # "trung tam ho tro nan nhan lua dao ... hoan tien": a centre for victims, and a refund
    r"|\bnan\s+nhan\s+(?:\S+\s+){0,3}?(?:lua\s+dao|bi\s+lua)\b.{0,240}?"
    r"\b(?:hoan\s+tien|hoan\s+tra|lay\s+lai|thu\s+hoi)\b"
    # losses "won back" by an expert ("chuyen gia giup go lo 100%"), premiums of a
    # cancelled insurance "got back in full" for a fee
    r"|\b(?:ho\s+tro|giup|chuyen\s+gia|cam\s+ket)\s+(?:\S+\s+){0,3}?go\s+lo\b"
    r"|\b(?:lay\s+lai|hoan(?:\s+lai)?)\s+(?:\d+\s*%\s+)?(?:phi|tien)\s+(?:\S+\s+){0,2}?"
    r"(?:da\s+dong|bao\s+hiem)\b"
    # "ban bi lua ... ben minh truy vet va thu hoi tien"
    r"|\bbi\s+lua\b.{0,120}?\b(?:truy\s+vet|thu\s+hoi\s+(?:lai\s+)?tien|lay\s+lai\s+tien)\b"
    # an account "got back" for a fee ("nhan lay lai Facebook bi hack, coc truoc 500k")
    r"|\b(?:lay\s+lai|khoi\s+phuc|mo\s+khoa)\s+(?:facebook|fb|zalo|instagram|tiktok|nick"
    r"|tai\s+khoan)\s+(?:\S+\s+){0,2}?bi\s+(?:hack|khoa|vo\s+hieu)\b"
    # a lawyer's "file to get the money back", or money got back from a fake exchange
    r"|\bho\s+so\s+(?:doi|lay|thu\s+hoi)\s+lai\s+tien\b"
    r"|\b(?:lay\s+lai|thu\s+hoi|doi\s+lai)\s+tien\s+(?:\S+\s+){0,2}?(?:san\s+(?:ao|forex|crypto"
    r"|tien\s+ao|chung\s+khoan\s+ao)|da\s+mat)\b")
#: An account lost, and someone who "gets it back" for a fee ("mat tai khoan zalo, em co
#: nguoi quen ... lay lai duoc trong 2h, chi can chuyen 800k phi xu ly"); without the fee it
#: is the owner's own story ("may ma lay lai duoc bang email").
_ACCOUNT_BACK_RE = re.compile(
    r"\b(?:mat|bi\s+hack|bi\s+khoa)\s+(?:\S+\s+)?(?:tai\s+khoan|tk|nick|acc|facebook|fb|zalo)\b"
    r".{0,80}?\b(?:lay\s+lai|khoi\s+phuc|mo\s+khoa)\s+(?:duoc|giup|ho|lai)\b")

#: A debt pressed with shame or threats ("ck 3tr5 ... khong thi mai ca co quan m biet",
#: "gui anh ghep len danh ba"), on a relative ("chi khong thanh toan thay thi ..."), or by
#: a "debt collection company": debt-collection services are banned in Viet Nam since
#: 2021, and shaming a debtor to his contacts is harassment whoever the lender is.
#: (not "no" alone: "nó", he, folds to it)
_DEBT_RE = re.compile(r"\b(?:(?:tron|con|tra|doi|quit|khoan|tien|thu\s+hoi)\s+no"
                      r"|no\s+(?:xau|qua\s+han|the|app|\d)|vay|khoan\s+vay|qua\s+han|con\s+no)\b")
_SHAME_RE = re.compile(
    r"\b(?:ca|toan)\s+(?:co\s+quan|cong\s+ty|xom|lop|truong|ho\s+hang|dong\s+ho)\s+(?:\S+\s+){0,2}?"
    r"(?:biet|thay)\b|\b(?:anh|hinh)\s+ghep\b|\bgui\s+(?:\S+\s+){0,3}?(?:len\s+)?danh\s+ba\b"
    # (the relative's payment as a condition: "chi ko thanh toan thay thi ... gui don"; a
    # bank's memo "tra no thay X" is no threat)
    r"|\blen\s+tan\s+nha\b|\b(?:thanh\s+toan|tra)\s+(?:no\s+)?thay\b(?:\s+\S+){0,3}?\s+thi\b"
    r"|\bcong\s+ty\s+(?:dich\s+vu\s+)?(?:thu\s+hoi|doi)\s+no\b"
    # the photo posted to groups as a runaway debtor, collectors sent to the home
    r"|\b(?:anh|hinh|ten)\s+(?:\S+\s+){0,2}?(?:bi\s+)?dang\s+len\b|\bcon\s+no\s+(?:bo\s+tron|quit)\b"
    r"|\bthu\s+hoi\s+(?:no\s+)?hien\s+truong\b"
    r"|\b(?:nhan\s+vien|nguoi|doi|anh\s+em)\s+(?:\S+\s+){0,2}?(?:den|toi|xuong)\s+(?:tan\s+)?nha\b")
_DEBT_DEMAND_RE = re.compile(r"\b(?:ck|chuyen|tra|thanh\s+toan|nop)\b")
_SHAME_PAIRS = frozenset({"co quan", "cong ty", "ho hang", "anh ghep", "hinh ghep", "danh ba",
                          "tan nha", "no thay", "toan thay", "tra thay", "hoi no", "doi no",
                          "dang len", "no bo", "no quit", "hien truong", "den nha", "toi nha",
                          "xuong nha"})
DEBT_SHAMING_PRIOR = 12.0

#: A credit record "cleaned" for a fee ("xoa no xau nhom 3-5", "chay diem tin dung CIC"):
#: nobody but the lender can change what the credit bureau holds.
_CREDIT_FIX_RE = re.compile(
    r"\b(?:xoa|chay|lam\s+sach|rut)\s+(?:\S+\s+){0,2}?(?:no\s+xau|cic|lich\s+su\s+tin\s+dung)\b"
    r"|\bchay\s+diem\s+tin\s+dung\b")
_CREDIT_FIX_PAIRS = frozenset({"no xau", "diem tin", "xoa cic", "chay cic"})
_RECOVERY_PAIRS = frozenset({"thu hoi", "lay lai", "khoi phuc", "doi lai", "hoan lai", "nan nhan",
                             "nhan lai", "go lo", "bi lua", "truy vet", "hoan §d3"})
#: The fee the recovery fraud asks: a real advisory quotes the promise, never a fee.
_RECOVERY_FEE_RE = re.compile(r"\b(?:nop|dong|chuyen|thanh\s+toan)\s+(?:\S+\s+){0,2}?"
                              r"(?:phi|le\s+phi|tien\s+(?:phi|ho\s+so|tham\s+dinh))\b"
                              r"|\bphi\s+(?:dich\s+vu|ho\s+so)\s+(?:\S+\s+){0,2}?tra\s+truoc\b"
                              r"|\bphi\s+dich\s+vu\s+\d+\s*%|\bcoc\s+truoc\b")

_DETAILS = {
    "ILLEGAL_GOODS": "offers illegal goods",
    "GUARANTEED_RETURNS": "promises a fixed daily return or a guaranteed profit",
    "EXTORTION_THREAT": "threatens to spread intimate images unless paid",
    "APK_LINK": "links to an Android app package (.apk) outside the app stores",
    "DEBT_SHAMING_THREAT": "presses a debt with shame or threats, or on a relative",
    "FRAUD_RECOVERY_OFFER": "offers to get back money lost to fraud",
    "FORGED_PAPERS_OFFER": "offers to make licences, diplomas or ID papers, or to clean a credit "
                           "record",
    "SEX_SERVICE_OFFER": "offers sex for money, with a contact",
    "MIRACLE_CURE_CLAIM": "promises a cure or a weight loss no product may promise",
    "PYRAMID_SCHEME": "pays for bringing people in, or commissions over many levels",
    "BETTING_TIPS_SALE": "sells lottery numbers or betting tips",
    "GAMBLING_SIGNUP_LURE": "an unlicensed gambling game and its sign-up lure",
}

_ALL_PAIRS = (_GOODS_PAIRS | _RETURNS_PAIRS | _EXTORTION_PAIRS | _RECOVERY_PAIRS
              | _TIPS_PAIRS | _ESCORT_PAIRS | _CURE_PAIRS | _PYRAMID_PAIRS | _CREDIT_FIX_PAIRS
              | _SHAME_PAIRS)


def _add(out: MessageFeatures, name: str, found: str, prior: float, quoted: bool) -> None:
    out.add(Finding(name, "scam", f'{_DETAILS[name]}: "{found}"', learned=False,
                    weight=0.0 if quoted else prior))


def illicit_findings(folded: str, tokens: list[str], bigrams: list[str],
                     out: MessageFeatures) -> None:
    """``ILLEGAL_GOODS``, ``GUARANTEED_RETURNS``, ``EXTORTION_THREAT``,
    ``FRAUD_RECOVERY_OFFER`` and ``APK_LINK`` of the folded text, its ``tokens`` and their
    ``bigrams`` (after the phrase findings, which tell whether the message is an
    advisory). Each check runs only when a word pair it needs is there."""
    pairs = _ALL_PAIRS.intersection(bigrams)
    periodic = not _PERIOD_WORDS.isdisjoint(tokens) and (
        "%" in folded or not _STAKE_WORDS.isdisjoint(tokens))
    apk = any(g in folded for g in _APK_GATES)
    goods_word = not _GOODS_WORDS.isdisjoint(tokens)
    # the phrase findings of the same subjects (learned, and broader) gate these two
    papers = "FORGED_DOCUMENTS" in out.findings
    sex = "ADULT_SERVICE_OFFER" in out.findings
    gambling = "GAMBLING_OR_ADULT" in out.findings or not _GAME_WORDS.isdisjoint(tokens)
    stake_back = (not _STAKE_BACK_WORDS.isdisjoint(tokens)
                  and not _BACK_WORDS.isdisjoint(tokens))
    chat_returns = (("%" in folded and not _PERCENT_RETURN_WORDS.isdisjoint(tokens))
                    or not _CHAT_RETURNS_PAIRS.isdisjoint(bigrams))
    if not (pairs or periodic or apk or goods_word or papers or sex or gambling
            or "recover" in tokens or not _RETURN_WORDS.isdisjoint(tokens)
            or stake_back or chat_returns):
        return
    quoted = advisory(out)
    if goods_word or not _GOODS_PAIRS.isdisjoint(pairs):
        m = _ILLEGAL_GOODS_RE.search(folded)
        if m is not None:
            _add(out, "ILLEGAL_GOODS", m.group(0), ILLEGAL_GOODS_PRIOR, quoted)
    found = None
    if periodic or not _RETURNS_PAIRS.isdisjoint(pairs) or (
            not _RETURN_WORDS.isdisjoint(tokens) and ("%" in folded or " x" in folded)):
        # not "khong cam ket loi nhuan": a course that promises nothing (the word right
        # before; "khong hieu qua hoan 200%" is a condition, and a promise)
        m = next((m for m in _RETURNS_RE.finditer(folded)
                  if not folded[max(0, m.start() - 6):m.start()].endswith(_NOT_RIGHT_BEFORE)),
                 None)
        found = (m.group(0) if m is not None
                 else _monthly_cash_return(folded) if "thang" in tokens else None)
    if found is None and chat_returns:
        m = _CHAT_RETURNS_RE.search(folded)
        found = None if m is None else m.group(0)
    if found is None and stake_back:
        found = _stake_back(folded)
    if found is not None:
        _add(out, "GUARANTEED_RETURNS", found, GUARANTEED_RETURNS_PRIOR, quoted)
    if not _EXTORTION_PAIRS.isdisjoint(pairs):
        m = _INTIMATE_RE.search(folded)
        if m is None:
            m = _HELD_RE.search(folded)
        if (m is None and _SUM_DEMAND_RE.search(folded) is not None
                and _CONDITION_RE.search(folded) is not None):
            m = _HELD_LOOSE_RE.search(folded)
        if (m is not None and (_EXPOSE_RE.search(folded) is not None
                               or _DELETE_FOR_PAY_RE.search(folded) is not None)
                and _DEMAND_RE.search(folded) is not None):
            _add(out, "EXTORTION_THREAT", m.group(0), EXTORTION_PRIOR, quoted)
    if not _RECOVERY_PAIRS.isdisjoint(pairs) or "recover" in tokens:
        # the victim's own "bi lua dao" reads as a warning: a fee to pay says it is none
        fee = _RECOVERY_FEE_RE.search(folded) is not None
        m = _RECOVERY_RE.search(folded)
        if m is None and fee:
            m = _ACCOUNT_BACK_RE.search(folded)
        if m is not None and not negated(folded, m.start()):
            _add(out, "FRAUD_RECOVERY_OFFER", m.group(0),
                 RECOVERY_FEE_PRIOR if fee else RECOVERY_OFFER_PRIOR, quoted and not fee)
    m = _FORGED_RE.search(folded) if papers else None
    if m is None and not _CREDIT_FIX_PAIRS.isdisjoint(pairs):
        m = _CREDIT_FIX_RE.search(folded)
    if m is not None and not negated(folded, m.start()):
        _add(out, "FORGED_PAPERS_OFFER", m.group(0), FORGED_PAPERS_PRIOR, quoted)
    escort = not _ESCORT_PAIRS.isdisjoint(pairs)
    if sex or escort:
        m = _SEX_RE.search(folded) if sex else None
        euphemism = False
        if (m is None and escort and _ESCORT_SERVICE_RE.search(folded) is not None
                and _CASTING_RE.search(folded) is None):
            m = _ESCORT_RE.search(folded)
            euphemism = m is not None
        # (the euphemism's price or link is its contact too)
        if (m is not None and not negated(folded, m.start())
                and (_SELLER_CONTACT_RE.search(folded) is not None
                     or (euphemism and ("URL_PRESENT" in out.findings
                                        or "MONEY" in out.findings)))):
            _add(out, "SEX_SERVICE_OFFER", m.group(0), SEX_SERVICE_PRIOR, quoted)
    if not _CURE_PAIRS.isdisjoint(pairs):
        m = _CURE_RE.search(folded)
        # (the disease first: "tieu duong khong chua khoi dut diem duoc" says it cannot be)
        if (m is not None and not negated(folded, m.start())
                and _CANNOT_RE.search(m.group(0)) is None):
            _add(out, "MIRACLE_CURE_CLAIM", m.group(0), MIRACLE_CURE_PRIOR, quoted)
    if not _PYRAMID_PAIRS.isdisjoint(pairs):
        m = _PYRAMID_RE.search(folded)
        # (not negated(): "khong can ban hang, chi can moi ban be..." is the pitch itself)
        if m is not None:
            _add(out, "PYRAMID_SCHEME", m.group(0), PYRAMID_PRIOR, quoted)
    if not _TIPS_PAIRS.isdisjoint(pairs):
        m = _TIPS_RE.search(folded)
        if (m is not None and not negated(folded, m.start())
                and (_TIP_SALE_RE.search(folded) is not None or "PHONE_MOBILE" in out.findings)):
            _add(out, "BETTING_TIPS_SALE", m.group(0), BETTING_TIPS_PRIOR, quoted)
    if gambling:
        m = _GAME_RE.search(folded)
        lure = _GAMBLING_LURE_RE.search(folded) if m is not None else None
        if m is not None and lure is not None and not negated(folded, m.start()):
            _add(out, "GAMBLING_SIGNUP_LURE", f"{m.group(0)} ... {lure.group(0)}",
                 GAMBLING_LURE_PRIOR, quoted)
    if apk:
        # (not where it is warned against: "khong cai dat file .apk tu link la", "khong tai
        # ung dung ngoai CH Play"; a negation in another clause stops nothing: "khong can
        # ra co quan, chi tai app tai link apk nay")
        m = first_unnegated_in_clause(_APK_RE, folded, _APK_CLAUSE_OPENS_RE)
        if m is not None:
            _add(out, "APK_LINK", ".apk", APK_LINK_PRIOR + (
                APK_AUTHORITY_EXTRA if "AUTHORITY_NAMED" in out.findings else 0.0), quoted)
    if not _SHAME_PAIRS.isdisjoint(pairs):
        # (no negation test: the threat is a condition, "tra ngay khong bon toi gui ...")
        m = _SHAME_RE.search(folded)
        if (m is not None and _DEBT_RE.search(folded) is not None
                and _DEBT_DEMAND_RE.search(folded) is not None):
            _add(out, "DEBT_SHAMING_THREAT", m.group(0), DEBT_SHAMING_PRIOR, quoted)




#: ``(name, meaning)`` of every finding of this module, for the symbol catalogue.
SYMBOLS: tuple[tuple[str, str], ...] = (
    ("ILLEGAL_GOODS", "offers illegal goods: drugs, weapons, counterfeit money, date-rape "
                      "drugs"),
    ("GUARANTEED_RETURNS", "promises a fixed daily return or a guaranteed profit on an "
                           "'investment'"),
    ("EXTORTION_THREAT", "threatens to send intimate images to family or contacts unless "
                         "paid (sextortion)"),
    ("APK_LINK", "links to an Android app package (.apk), outside the app stores"),
    ("DEBT_SHAMING_THREAT", "presses a debt by threatening to shame the debtor to his office, "
                            "family or contacts, by asking a relative to pay it, or as a 'debt "
                            "collection company' (banned in Viet Nam since 2021)"),
    ("FRAUD_RECOVERY_OFFER", "offers to get back money lost to fraud (the recovery fraud "
                             "that follows the first)"),
    ("FORGED_PAPERS_OFFER", "offers to make driving licences, diplomas or ID papers to order, "
                            "or to wipe bad debt off a credit record (forgery, and mostly a "
                            "deposit fraud)"),
    ("SEX_SERVICE_OFFER", "offers sex for money with a contact to reach (unlawful, and "
                          "mostly a deposit fraud)"),
    ("MIRACLE_CURE_CLAIM", "promises a cure for a chronic disease ('cured for good, no more "
                           "insulin') or a weight loss in days: unlawful to advertise, and "
                           "mostly a fake product sold for a transfer first"),
    ("PYRAMID_SCHEME", "pays for bringing people in ('moi ban be tham gia la co tien') or "
                       "promises commissions over many levels ('hoa hong 7 tang'): a pyramid, "
                       "unlawful whatever it sells"),
    ("GAMBLING_SIGNUP_LURE", "an unlicensed gambling game (tai xiu, no hu, a bookmaker) and "
                             "its lure to sign up: a deposit bonus, a starter code, its chat "
                             "group"),
    ("BETTING_TIPS_SALE", "sells lottery numbers or football betting tips for a fee, a VIP "
                          "group or a chat (no draw can be foreseen; the fee is the fraud)"),
)
