"""Keyword-phrase detectors: a fixed table of symbols, each a list of folded phrases.

Phrases are written folded (lower case, no diacritics, teencode expanded) because they are
matched against the token stream of :attr:`lachan.text.Normalised.folded`. Matching is a
dictionary look-up per uni-, bi- and trigram, so the whole table costs one pass over a
message's tokens whatever its size. A phrase marked *negatable* does not count when one
of :data:`NEGATIONS` stands in the three tokens before it ("khong cung cap ma OTP" is a
bank's warning, "cung cap ma OTP" a scammer's request).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PhraseRule:
    name: str
    leans: str  # the label this evidence points to: "scam", "ad" or "ham"
    detail: str
    phrases: tuple[str, ...]
    negatable: bool = False
    #: words that, right before a phrase, make it mean something else ("mã xác minh" is
    #: a verification code, not a request to verify)
    not_after: frozenset[str] = frozenset()
    #: words that, right after a phrase, make it mean something else ("can ho tro" is
    #: "cần hỗ trợ", help needed, not "căn hộ", a flat)
    not_before: frozenset[str] = frozenset()


#: Not "chua" (not yet): it states a fact, in notices and frauds alike ("quy khach chua cap
#: nhat thong tin", "SIM chua chuan hoa, ... doc ma OTP"); warnings say "khong", "dung".
NEGATIONS = frozenset({"khong", "dung", "never", "not", "don't", "dont", "khg", "ko"})
#: Words after which a folded "dung" is not "đừng" (don't) but part of a compound: "áp
#: dụng", "tín dụng", "sử dụng", "ứng dụng", "nội dung", "người dùng", "tuyển dụng" ...
#: (an offer "áp dụng đến 31/12" read as negated, and so did a request "sử dụng ... ").
DUNG_COMPOUNDS = frozenset({"ap", "tin", "su", "ung", "tac", "noi", "xay", "loi", "nguoi",
                            "tieu", "chiem", "tuyen", "vien", "huong", "thu", "lam",
                            # "de dung giao dich": to stop (dừng) or use (dùng) it
                            "de",
                            # "the BHYT bi dung thanh toan": was used; "duoc dung": may be used
                            "bi", "duoc",
                            # "lop tam dung": paused (tạm dừng)
                            "tam"})


#: Words before which a folded "dung" is not "đừng" but "đứng" (stand) or "đúng" (right):
#: "dung ten nhan" (stand as the recipient), "dung gio" (on time).
DUNG_NOT_BEFORE = frozenset({"ten", "gio", "han", "hen", "dau", "sau"})


#: Words after which "khong" closes a question, not a negation: "phai khong" (right?),
#: "duoc khong" (all right?), "hay khong" (or not?), "dung khong" (is it?): "anh bi lo tren
#: san cu phai khong a, ben em co chuyen gia giup go lo" negates nothing.
QUESTION_TAGS = frozenset({"phai", "duoc", "hay", "dung"})


def _negates(words: list[str], j: int) -> bool:
    """Whether ``words[j]`` is a negation: a word of :data:`NEGATIONS`, but not a "dung"
    that ends one of :data:`DUNG_COMPOUNDS` or comes before "khong" ("dung khong": "đúng
    không", is it?) or a word of :data:`DUNG_NOT_BEFORE`, nor a "khong" that closes a
    question after one of :data:`QUESTION_TAGS`."""
    w = words[j]
    if w not in NEGATIONS:
        return False
    before = words[j - 1] if j > 0 else ""
    if w == "dung":
        after = words[j + 1] if j + 1 < len(words) else ""
        return (before not in DUNG_COMPOUNDS and not after.startswith("khong")
                and after not in DUNG_NOT_BEFORE)
    if (w in ("khong", "ko", "khg") and j + 2 < len(words) and words[j + 1] == "thanh"
            and words[j + 2].startswith("cong")):
        return False  # "giao khong thanh cong": a failure told, no negation
    return w != "khong" or before not in QUESTION_TAGS


def has_negation(words: list[str], start: int, end: int) -> bool:
    """A negation (:func:`_negates`) among ``words[start:end]``."""
    return any(_negates(words, j) for j in range(max(start, 0), end))

PHRASE_RULES: tuple[PhraseRule, ...] = (
    PhraseRule(
        "ACCOUNT_LOCK_THREAT", "scam", "threatens to lock, freeze or cut off an account or SIM",
        ("bi khoa", "se bi khoa", "tam khoa", "khoa tai khoan", "bi dong bang", "phong toa",
         "bi thu hoi", "se bi thu hoi",
         "vo hieu hoa", "bi dinh chi", "bi han che", "cat lien lac", "thu hoi so",
         "khoa sim", "se bi cat", "bi tam dung", "khoa vinh vien", "account suspended",
         "account locked", "account will be", "will be disabled", "will be suspended",
         "will be deleted", "will be locked", "been suspended", "been restricted",
         "been locked", "been disabled", "tai khoan se bi dong", "tk se bi dong",
         "tai khoan bi dong", "se mat song", "sim se bi mat song",
         # "dua vao danh sach nghi van gian lan", "se bi xoa thuong tru", "vi dien tu se bi
         # huy neu khong xac thuc"
         "nghi van gian lan", "xoa thuong tru", "xoa ho khau", "bi huy neu khong"),
        # "van phong toa nha": an office building (văn phòng tòa nhà), no freeze; the cost
        # is "van bi khoa" (vẫn bị khóa, "still locked"), which no message of the data has
        not_after=frozenset({"van"}),
    ),
    PhraseRule(
        "DEBT_OR_FINE_THREAT", "scam", "threatens debt collection, fines or legal action",
        ("no qua han", "thu hoi no", "qua han", "khoi kien", "truy to", "lenh bat",
         "xu phat", "phat nguoi", "vi pham giao thong", "cuong che", "khoi to", "hop dong vay",
         "vi pham nghia vu", "nhan vien thu hoi", "chiu trach nhiem", "trat tu",
         "bi dieu tra", "lien quan den vu an", "rua tien", "ho so vu an"),
    ),
    PhraseRule(
        "CREDENTIAL_REQUEST", "scam", "asks for an OTP, password, PIN or card data",
        ("cung cap ma", "cung cap otp", "cung cap ma otp", "gui ma otp", "doc ma otp",
         "nhap ma otp", "gui lai ma", "cung cap mat khau", "nhap mat khau", "thay doi mat khau",
         "ma pin", "so the", "cvv", "thong tin the", "cung cap thong tin", "send the code",
         "your password", "dien thong tin"),
        negatable=True,
    ),
    PhraseRule(
        "ACCOUNT_VERIFICATION_LURE", "scam", "asks to verify, update or re-activate an account",
        ("xac minh", "xac thuc thong tin", "cap nhat thong tin", "sinh trac hoc",
         "dinh danh dien tu", "kich hoat lai", "dong bo du lieu", "nang cap he thong",
         "dang nhap bat thuong", "dang nhap khac", "khac vung", "tieu dung o nuoc ngoai",
         "huy thanh toan", "chuan hoa thong tin", "cap nhat cccd", "verify your",
         # not "confirm your" alone: "please confirm your attendance" is a school's
         "confirm your account", "confirm your identity", "confirm your details",
         "confirm your information", "confirm your payment", "confirm your card",
         "unusual activity", "neu khong phai ban", "thiet bi khac",
         "was not you", "wasn t you", "please verify", "verify now",
         "dich vu tai chinh toan cau", "phi dich vu hang thang"),
        negatable=True,
        not_after=frozenset({"ma", "otp", "code"}),
    ),
    PhraseRule(
        "MONEY_TRANSFER_REQUEST", "scam", "asks the recipient to transfer or pay money",
        ("chuyen khoan", "chuyen tien", "nap tien vao", "dong phi", "phi xu ly", "phi ho so",
         "phi giai ngan", "phi bao hiem", "thanh toan ngay", "dat coc", "ky quy", "nop tien",
         "chuyen ngay", "phi kich hoat", "phi dich vu", "thanh toan trong vong",
         "thanh toan phi", "send money", "transfer money"),
        negatable=True,
    ),
    PhraseRule(
        "AUTHORITY_NAMED", "scam", "names police, court, tax office, VNeID or another authority",
        ("cong an", "bo cong an", "canh sat", "toa an", "vien kiem sat", "cuc thue",
         "chi cuc thue", "co quan thue", "tong cuc thue", "vneid", "bao hiem xa hoi",
         "bhxh", "dien luc", "evn", "bo thong tin", "cuc vien thong", "chinh quyen dia phuong",
         "an ninh mang", "thanh tra", "can bo thue", "cong chuc thue", "thue dien tu",
         "bo y te", "so y te", "bo giao duc", "so giao duc", "uy ban nhan dan", "ubnd",
         "bo tai chinh", "kho bac", "hai quan", "quan ly thi truong", "csgt",
         "bo cong thuong", "bo tu phap", "tand", "thi hanh an"),
        # "so BHXH" (the insurance book), "dong BHXH", "tham gia BHXH": an employer's
        # benefit, not the authority speaking
        not_after=frozenset({"so", "dong", "gia"}),
    ),
    PhraseRule(
        "COURIER_NAMED", "scam", "talks about a parcel, post office or courier",
        ("buu cuc", "buu dien", "vnpost", "viettel post", "viettelpost", "giao hang nhanh",
         "ghn", "ghtk", "kien hang", "buu pham", "phi van chuyen", "giao khong thanh cong",
         "hoan hang", "don hang cua ban", "shipper", "van don"),
    ),
    PhraseRule(
        "PRIZE_LURE", "scam", "announces a prize, lucky draw or gift to claim",
        ("trung thuong", "trung giai", "nhan thuong", "qua tang tri an", "tri an khach hang",
         "khach hang may man", "boc tham", "ve cao", "giai thuong", "phan thuong",
         "may man", "you have won", "claim your", "won a", "prize", "has won", "have won",
         "chuc mung ban nhan", "chuc mung ban da nhan", "chuc mung ban duoc nhan",
         "you have been selected", "you've been selected", "airdrop"),
        negatable=True,  # "ve cua ban khong trung thuong": a lottery's own result
    ),
    PhraseRule(
        # "quay so" is a draw, but "quay so 5" a counter (quầy số 5): "nhan tai quay so 5"
        "PRIZE_LURE", "scam", "announces a prize, lucky draw or gift to claim",
        ("quay so",), negatable=True, not_before=frozenset({"§d1", "§d2"}),
    ),
    PhraseRule(
        "LOAN_OFFER", "scam", "offers a loan or quick disbursement",
        # (not "khoan vay", the loan: a lender's repayment reminder names it too)
        ("vay tien", "vay von", "vay nhanh", "vay tin chap", "vay online", "giai ngan",
         "ho tro vay", "cho vay", "vay tieu dung", "khong can the chap",
         "lai suat thap", "duyet ho so"),
        # "khoan vay ... da duoc giai ngan 30.000.000d vao TK": the lender's notice of a loan
        # paid out, not an offer
        not_after=frozenset({"duoc"}),
    ),
    PhraseRule(
        "JOB_TASK_LURE", "scam", "offers easy work, tasks or commissions for money",
        ("viec lam tai nha", "viec lam online", "cong tac vien", "ctv", "lam them",
         "hoa hong", "nhiem vu", "tha tim", "kiem tien", "thu nhap tu", "thu nhap cao",
         "lam viec tai nha", "tuyen nhan vien", "tuyen dung", "viec nhe luong cao",
         "don hang ao", "like video", "xem video", "kiem them", "thu nhap them",
         "nhan vien dat hang", "chuyen dat hang", "tuyen so luong lon", "nang cao so luong",
         "thu hang cua cua hang", "tang tuong tac", "part time", "work from home",
         "daily income", "earn up to", "online job", "hiring now"),
    ),
    PhraseRule(
        "GAMBLING_OR_ADULT", "scam", "gambling, betting or adult products",
        ("ca cuoc", "ca do", "nha cai", "casino", "no hu", "tai xiu", "lo de", "game bai",
         "hen ho", "sinh ly", "khoai lac", "danh bai", "xoc dia", "nap dau",
         "ban ca", "tan thu", "vong cuoc", "ty le cuoc", "doi thuong",
         "thuong tan thu", "tang code", "giftcode", "nohu", "gamebai",
         "gem bai", "taixiu", "soi keo", "ty le keo", "keo nha cai", "keo bong da"),
        # "tat ca do uong", "tat ca cuoc goi": all drinks, all calls (tất cả), not betting
        not_after=frozenset({"tat"}),
    ),
    PhraseRule(
        # sex work offered to strangers by SMS or chat: illegal in Vietnam, and the usual
        # opening of a deposit fraud ("chuyen coc truoc" for a meeting that never happens)
        "ADULT_SERVICE_OFFER", "scam", "offers sex or escort services",
        ("lam tinh", "sex", "tinh mot dem", "gai xinh", "gai goi", "gai lam", "den tan noi",
         "tan noi phuc vu", "phuc vu tan noi", "nu sinh vien", "dich vu nguoi lon",
         "di khach", "ngu qua dem", "trai nghiem em"),
        # "Trung tam Dich vu viec lam tinh": the province's employment centre (việc làm
        # tỉnh), folded into "lam tinh"
        not_after=frozenset({"viec"}),
    ),
    PhraseRule(
        "FORGED_DOCUMENTS", "scam", "offers forged papers: licences, diplomas, ID cards",
        ("lam bang", "bang lai", "lam giay to", "bang cap", "cac loai giay to", "lam cccd",
         "lam cmnd", "giay to khac", "bang dai hoc", "bao dau", "khong can thi",
         "dong dau do", "khong can hoc", "lam giay khai sinh", "lam so ho khau",
         "lam chung chi"),
        # not the papers an employer or a school asks you to bring ("mang CCCD, bang cap,
        # so BHXH", where CCCD reads "can cuoc cong dan"; "nop ban sao bang cap"), a
        # licence shown, renewed or taken away ("xuat trinh bang lai", "bi tuoc bang lai")
        not_after=frozenset({"mang", "nop", "cccd", "cmnd", "dan", "kem", "sao", "photo",
                             "trinh", "tuoc", "doi", "cap"}),
    ),
    PhraseRule(
        "BENEFIT_LURE", "scam", "promises a subsidy, refund or benefit to collect",
        ("tro cap", "ho tro tu quy", "bhtn", "hoan thue", "nhan tien ho tro", "du dieu kien",
         "diem thuong", "doi qua", "het han sau", "tien ho tro", "goi ho tro"),
    ),
    PhraseRule(
        "DEBT_COLLECTION", "scam", "presses for repayment of a debt",
        ("khoan no", "tre hen", "no ngan hang", "bat hop tac", "ban giao ho so", "so tien qua han",
         "tat toan", "khong thanh toan", "thu no", "lien he nguoi than", "bao cho nguoi than",
         "tham dinh nguoi than", "goi cho nguoi than", "lien lac nguoi than"),
    ),
    PhraseRule(
        "URGENCY", "scam", "pushes for urgent action",
        ("khan cap", "ngay lap tuc", "trong vong 24h", "het han", "lan cuoi", "canh bao",
         "trong ngay hom nay", "truoc 24h", "urgent", "immediately", "final notice"),
        negatable=True,
    ),
    PhraseRule(
        "CALL_TO_CLICK", "scam", "asks to open a link or click",
        ("truy cap", "nhap vao", "click", "bam vao", "an vao", "vao link",
         "theo duong link", "click here"),
        negatable=True,
    ),
    PhraseRule(
        "APP_INSTALL_REQUEST", "scam", "asks you to install an app or a file",
        ("tai app", "tai ung dung", "cai dat ung dung", "cai ung dung", "cai app",
         "cai dat app", "tai phan mem", "cai dat phan mem", "tai ve ung dung", "file apk",
         "download the app", "install the app"),
        negatable=True,
    ),
    PhraseRule(
        "LOGIN_REQUEST", "scam", "asks you to log in (to a bank, wallet or account)",
        ("dang nhap", "dang nhap lai", "login", "log in", "sign in"),
        negatable=True,
    ),
    PhraseRule(
        "CHAT_APP_CONTACT", "scam", "moves the conversation to Zalo, Telegram or similar",
        ("zalo", "telegram", "t me", "whatsapp", "ket ban", "inbox", "nhan tin zalo"),
    ),
    PhraseRule(
        "SCAM_WARNING", "ham", "warns about fraud: an advisory that describes the tricks",
        ("lua dao", "canh giac", "gia mao", "thu doan", "ke gian", "doi tuong xau",
         "mao danh", "gia danh", "tuyet doi khong cung cap", "tuyet doi khong chia se",
         "tuyet doi khong tiet lo", "tuyet doi khong truy cap", "tuyet doi khong bam",
         "tuyet doi khong click", "tuyet doi khong chuyen", "beware of", "scam alert",
         # chat slang for a scam: "toan lua ga, ne ra"
         "lua ga"),
        # (not what an organisation says it never does, "khong bao gio yeu cau ...": a
        # fraud opens with the bank's own warning and then asks for the code)
        # not "tuyet doi khong" alone: a fraudster's "tuyet doi khong tat may" (do not
        # hang up) while asking for the code is no advisory; and not after "bi": the fake
        # officer's "CCCD cua anh bi ke gian su dung", the recovery fraud's "ban bi lua dao?"
        not_after=frozenset({"bi"}),
    ),
    PhraseRule(
        # the wording of police and ministry advisories to the public; unlike
        # SCAM_WARNING it lifts no fixed prior: a fake officer also talks of "toi pham"
        "PUBLIC_ADVISORY", "ham", "reads like an advisory from the police or a ministry",
        ("toi pham", "trinh bao", "khuyen cao", "de nghi nguoi dan", "nguoi dan can",
         "khong chuyen tien", "khong gui tin nhan"),
        # "chuong trinh bao hiem" is no "trinh bao"; "anh khong chuyen tien ve duoc" is a
        # lover's excuse (he cannot send money), not the advice
        not_after=frozenset({"chuong", "anh", "em", "toi", "minh", "tao", "to", "tui"}),
    ),
    PhraseRule(
        # a carrier's report of the subscriber's own calls or settings ("Cac cuoc goi nho:
        # 09/03 +8494... 22:11", "Quy khach vua bi lo 01 cuoc goi tu so ...", "Quy khach da
        # tu choi nhan thong tin quang cao"): transactional, whatever advert rides on it.
        # Not the advert for the missed-call service itself ("dich vu thong bao cuoc goi nho")
        # A utility's planned outage ("Tam ngung cung cap dien de bao tri luoi dien") too.
        "SERVICE_NOTICE", "ham",
        "a carrier's or utility's notice of your own calls, settings or a planned outage",
        ("cac cuoc goi nho", "co cuoc goi nho", "vua bi lo", "cuoc goi nho tu so",
         "da tu choi nhan", "missed call from", "missed calls from",
         "tam ngung cung cap", "ngung cung cap dien", "bao tri luoi", "bao duong luoi",
         "lich cat dien", "lich tam ngung"),
    ),
    PhraseRule(
        "PROMOTION", "ad", "advertises a promotion, discount or gift",
        ("khuyen mai", "km", "uu dai", "giam gia", "mien phi", "sale", "voucher",
         "ma giam gia", "hoan tien", "tich diem", "qua tang", "giam ngay", "dong gia",
         "chi tu", "chi con", "free", "discount", "offer", "giam den", "giam toi",
         "giam them", "mua mot tang mot", "khai truong", "freeship", "gia soc", "xa kho",
         "thanh ly", "flash sale", "up to"),
        not_after=frozenset({"tu"}),  # "tu dong gia han": renews itself, no one-price sale
    ),
    PhraseRule(
        "TELCO_PACKAGE", "ad", "sells a telecom package or subscription service",
        ("goi cuoc", "data", "dang ky", "cu phap", "gia han", "noi mang", "ngoai mang",
         "soan", "soan tin", "dk", "cuoc", "dich vu gia tri gia tang", "nhac cho",
         "4g", "5g", "gb", "phut goi"),
        # "can cuoc" (căn cước, the ID card; CCCD expands to it) is no call charge
        not_after=frozenset({"can"}),
    ),
    PhraseRule(
        "OPT_OUT_PRESENT", "ad", "carries opt-out instructions",
        # not "tu choi" alone: it refuses other things too ("BV tu choi phuc vu neu...")
        ("tu choi qc", "tu choi quang cao", "tu choi nhan", "tu choi soan", "tu choi tin",
         "de huy", "huy dich vu", "tc gui", "ngung nhan", "stop", "unsubscribe"),
    ),
    PhraseRule(
        "REAL_ESTATE_AD", "ad", "advertises real estate",
        ("can ho", "dat nen", "chung cu", "du an", "so do", "biet thu", "nha pho",
         "mat tien", "lien ke", "shophouse", "view song", "thanh toan chi", "cho thue phong",
         "phong tro", "can ban nha", "ban gap nha", "ban gap dat"),
        not_before=frozenset({"tro"}),
    ),
)

#: Name of every phrase symbol, in table order.
PHRASE_SYMBOLS: tuple[str, ...] = tuple(r.name for r in PHRASE_RULES)
RULES_BY_NAME: dict[str, PhraseRule] = {r.name: r for r in PHRASE_RULES}


MAX_PHRASE_WORDS = 6
_Hit = tuple[str, bool, frozenset[str], frozenset[str]]  # symbol, negatable, not after, before


_Longer = dict[str, list[tuple[int, str, _Hit]]]


def _compile() -> tuple[dict[str, _Hit], dict[str, _Hit], _Longer]:
    p1: dict[str, _Hit] = {}
    p2: dict[str, _Hit] = {}
    longer: _Longer = {}
    for rule in PHRASE_RULES:
        for phrase in rule.phrases:
            words = phrase.split()
            if not 1 <= len(words) <= MAX_PHRASE_WORDS:
                raise ValueError(f"phrase must have 1 to {MAX_PHRASE_WORDS} words: {phrase!r}")
            hit = (rule.name, rule.negatable, rule.not_after, rule.not_before)
            if len(words) == 1:
                p1.setdefault(words[0], hit)
            elif len(words) == 2:
                p2.setdefault(" ".join(words), hit)
            else:
                entry = (len(words), " ".join(words), hit)
                longer.setdefault(" ".join(words[:2]), []).append(entry)
    return p1, p2, longer


_P1, _P2, _LONGER = _compile()


def match_phrases(tokens: list[str], bigrams: list[str]) -> dict[str, str]:
    """Return ``{symbol: phrase matched}`` for the folded token stream.

    ``bigrams[i]`` must be ``tokens[i] + " " + tokens[i + 1]`` (the caller builds them
    once for the content model too). Set intersections do the scanning in C; positions
    are looked up only for the few phrases found, to check negation.
    """
    found: list[tuple[int, int, str, _Hit]] = []  # (position, -words, phrase, hit)
    append = found.append
    index = tokens.index
    p1 = _P1
    for gram in _P1_KEYS.intersection(tokens):
        append((index(gram), -1, gram, p1[gram]))
    index = bigrams.index
    p2 = _P2
    for gram in _P2_KEYS.intersection(bigrams):
        append((index(gram), -2, gram, p2[gram]))
    for first in _LONGER_KEYS.intersection(bigrams):
        start = index(first)
        for length, phrase, hit in _LONGER[first]:
            i = start
            while i >= 0:
                if " ".join(tokens[i:i + length]) == phrase:
                    append((i, -length, phrase, hit))
                    break
                try:
                    i = index(first, i + 1)
                except ValueError:
                    i = -1
    hits: dict[str, str] = {}
    if len(found) > 1:
        found.sort()  # each symbol shows its earliest phrase, whatever the hash seed
    negations = NEGATIONS
    for i, words, gram, (name, negatable, not_after, not_before) in found:
        if name in hits or (negatable and not negations.isdisjoint(tokens[max(0, i - 3):i])
                            and has_negation(tokens, i - 3, i)):
            continue  # a symbol shows its first phrase; a negated one does not count
        if not_after and i > 0 and tokens[i - 1] in not_after:
            continue  # "ma xac minh": another meaning
        if not_before and i - words < len(tokens) and tokens[i - words] in not_before:
            continue  # "can ho tro": another meaning
        hits[name] = gram
    return hits


_P1_KEYS = frozenset(_P1)
_P2_KEYS = frozenset(_P2)
_LONGER_KEYS = frozenset(_LONGER)

