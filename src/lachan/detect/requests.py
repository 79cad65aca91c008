"""Requests that no bank, carrier, courier or friend makes, whatever the training data
says: to hand over a code that was just sent to your phone, and to pay in order to
unlock an account, verify it or collect a prize (and, like them, a refund handled over a
personal chat account, and a relative's emergency). Both are the heart of the commonest
frauds (account takeover through a "wrong number" OTP, advance-fee fraud), and both
are nearly absent from the datasets, so the model cannot learn them: these findings
carry a fixed prior (log-odds towards scam) and no learned weight.

Each is read from the folded text with one regular expression, run only when the
message's word pairs hold one the expression needs. A request that a negation
(``phrases.NEGATIONS``) stands before ("khong bao gio yeu cau quy khach cung cap ma OTP")
is a bank's warning, not a request; so is any message that warns of fraud
(``features.warns``) or reads like a public advisory (``PUBLIC_ADVISORY``): those quote
the trick they warn of, and get no prior (:func:`advisory`). A message
that carries a code (``OTP_CODE``) is the service that sent it, not someone asking.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from lachan.detect.brands import find_brands, signed_brand_site
from lachan.detect.features import Finding, MessageFeatures, own_number_only, warns
from lachan.detect.phrases import NEGATIONS, has_negation
from lachan.domain import Entity

#: Log-odds towards scam, meant to decide on their own (like a threat that sends you to a
#: personal mobile): a code handed over is an account taken over, and the friendly words
#: around the request pull hard towards ham ("em oi gui lai cho anh cai ma otp nhe":
#: P(scam) 0.0004 by the model alone; it took 12 to reach the threshold, 14 leaves a
#: margin for retraining, which moves both a little). Paying to
#: unlock, verify or collect is the advance fee of loan, job, prize and "account locked"
#: frauds; a bank-notice wording with an account number around it scored P(scam) 0.001
#: by the model alone. Neither fires on any of the 12,035 messages of the data.
CODE_HANDOVER_PRIOR = 14.0
PAY_TO_UNLOCK_PRIOR = 12.0  # a loan's fee in a chat of teencode: P(scam) 0.51 at 10
#: The "your child had an accident, send money to the doctor now" and "mum, I lost my
#: phone, this is my new number, send 5 million" frauds: a family's words pull hard
#: towards ham (P(scam) 0.003 and 0.0002 by the model alone; the second needs 12).
EMERGENCY_PRIOR = 12.0
#: A refund over a personal chat account: the fake-shop-refund fraud, which then asks for
#: the card or the code. The brand's name and "hoan tien" read as a promotion without it.
REFUND_CHAT_PRIOR = 8.0

#: Words before a request in which a negation makes it a warning, within its sentence:
#: wider than the phrase rules' three, for "khong bao gio yeu cau quy khach cung cap ..."
#: and "khong yeu cau khach hang truy cap duong link hay cung cap OTP".
NEGATION_WINDOW = 12

#: A one-time code, as messages name it.
_CODE = (r"(?:otp|code|ma\s+(?:otp|xac\s+(?:nhan|thuc|minh)|kich\s+hoat|bao\s+mat"
         r"|dang\s+nhap|giao\s+dich|\d{1,2}\s+(?:so|chu\s+so)|gom\s+\d{1,2}\s+so"
         r"|(?:so\s+)?vua\s+(?:gui|nhan|den|nhan\s+duoc)"
         # the code that comes: "bao em ma nhan duoc", "tin nhan ma so gui ve a doc cho e"
         r"|(?:so\s+)?(?:da\s+)?nhan\s+duoc|(?:so\s+)?gui\s+(?:ve|den|toi))"
         # the digits just received: "doc giup minh 4 so vua nhan", "gui lai 6 so do"
         r"|\d{1,2}\s+(?:so|chu\s+so)\s+(?:vua|moi)\s+(?:gui|nhan|den)"
         r"|\d{1,2}\s+(?:so|chu\s+so)\s+(?:do|nay|kia|ay)\b)")
#: Asking for it: give, read out, send back, photograph.
#: ("nha cung cap", "don vi cung cap", "cong ty cung cap": a supplier, not a request)
_ASK = (r"(?:xin|doc|(?<!nha )(?<!vi )(?<!ty )cung\s+cap|chup|forward|send\s+me|read\s+me"
        r"|tell\s+me|give\s+me"
        # "confirm ownership by sending the login code you received"
        r"|by\s+sending|chuyen\s+tiep"
        r"|reply\s+(?:to\s+(?:us|this\s+message)\s+)?with"
        r"|gui\s+(?:lai|giup|cho\s+(?:minh|anh|em|chi|toi|tui|tao|ben|nhan\s+vien)"
        r"|minh|tao|to|em|e|anh|chi|toi|tui)"
        # "báo em mã": tell me the code
        r"|bao\s+(?:lai|giup|em|e|minh|cho\s+(?:minh|anh|em|chi|toi|nhan\s+vien)))")
#: (ten words between: "xin so CCCD, so tai khoan va ma OTP", where CCCD reads as four)
_HANDOVER_RE = re.compile(rf"\b{_ASK}\b(?:\s+\S+){{0,10}}?\s+{_CODE}\b")
#: The code named first, the request after it ("em vua gui ma OTP 6 so ve may anh, anh doc
#: lai giup em"; "co tin nhan 6 so gui den thi chup lai gui to").
_CODE_THEN_ASK_RE = re.compile(
    rf"\b(?:{_CODE}|tin\s+nhan\s+(?:co\s+|gom\s+)?\d{{1,2}}\s+(?:so|chu\s+so))\b"
    r"(?:\s+\S+){0,20}?\s+(?P<ask>doc\s+(?:lai|giup|cho)|chup\s+(?:lai|man\s+hinh|gui|cho)"
    r"|gui\s+(?:lai|giup|cho\s+(?:minh|anh|em|chi|toi|tui|tao|to|ben)|tao|to|minh|em|anh)"
    r"|bao\s+(?:lai|giup)"
    # "I sent my verification code to your number by mistake, please forward it to me"
    r"|forward\s+(?:it|them|this|that)|send\s+(?:it|them)\s+(?:back\s+)?to\s+me)\b")
#: A code to read out to the "staff" who will call ("vui long doc ma nay cho nhan vien"):
#: said even by a message that carries the code itself.
_READ_TO_STAFF_RE = re.compile(
    r"\bdoc\s+(?:lai\s+)?(?:ma|so|otp)\s+(?:otp\s+|nay\s+|do\s+|tren\s+)?cho\s+(?:nhan\s+vien"
    r"|tong\s+dai\s+vien|can\s+bo|chuyen\s+vien|ben\s+(?:em|minh|toi))\b"
    # "soan tin theo cu phap em gui roi doc ma em nhe": the code read out to the caller
    r"|\b(?:roi|xong|va)\s+doc\s+(?:lai\s+)?(?:ma|so)\s+(?:cho\s+)?(?:em|e|anh|minh)\b"
    # "vui long gui ma OTP vua nhan cho nhan vien ho tro"
    r"|\bgui\s+(?:ma|otp|code)\s+(?:\S+\s+){0,3}?cho\s+(?:nhan\s+vien|tong\s+dai\s+vien"
    r"|can\s+bo|chuyen\s+vien|ben\s+(?:em|minh|toi)|chung\s+toi)\b"
    # "nhan vien ho tro se goi cho ban, vui long doc ma nay de hoan tat"
    r"|\b(?:nhan\s+vien|tong\s+dai\s+vien|can\s+bo)\s+(?:\S+\s+){0,3}?(?:se\s+)?goi\b"
    r"(?:\s+\S+){0,12}?\s+doc\s+(?:lai\s+)?(?:ma|so|otp)\b")
#: A command or a SIM the caller dictates, the context in which "doc ma em" is a code read
#: out ("soan tin theo cu phap em gui roi doc ma em"), not an invoice's number.
_DICTATED_RE = re.compile(r"\b(?:soan\s+tin|cu\s+phap|sim|esim|nha\s+mang|tong\s+dai)\b")
#: "I typed your number by mistake": the story that comes with the request.
_MISDIAL_RE = re.compile(r"\b(?:bam|nhap|dien|ghi|de|dang\s+ky|dang\s+nhap)\s+(?:nham|sai)"
                         r"\s+(?:so|sdt)\b|\bdo\s+(?:minh|em|tao|to|anh|chi)\s+nhap\s+(?:sai|nham)\b")
#: A delivery code given to the courier at the door is a real practice.
_DELIVERY_RE = re.compile(r"\b(?:shipper|tai\s+xe|giao\s+hang|nhan\s+hang|nguoi\s+giao)\b")
#: Money said to come back to the reader: a courier or driver has no code to ask for then
#: ("chi vua duoc hoan 450k ... doc giup em ma 6 so de em chuyen tien ve vi chi").
_REFUND = (r"hoan\s+(?:tien|lai|tra|phi)|duoc\s+hoan|boi\s+thuong|den\s+bu|tra\s+lai\s+tien|refund"
           r"|nhan\s+lai\s+(?:tien|so\s+tien)")
_MONEY_BACK_RE = re.compile(rf"\b(?:{_REFUND}|chuyen\s+tien\s+(?:ve|lai))\b")

#: Paying in order to unlock, restore, verify, collect or withdraw. Topping up
#: ("nap tien") counts for collecting and withdrawing only: "nap tien de kich hoat lai" is
#: a carrier's genuine notice for a prepaid SIM.
_PAY_TO_UNLOCK_RE = re.compile(
    r"\b(?P<verb>chuyen\s+khoan|chuyen\s+tien|chuyen(?=\s+\d)|ck(?=\s+(?:them\s+)?\d)|nop|dong\s+phi"
    # (16 words: "STK" alone becomes three, "so tai khoan")
    # (not a bottle's cap, "nap chai", "mo nap trung thuong": "nắp" folds to "nap")
    r"|thanh\s+toan\s+phi|dat\s+coc|chuyen\s+coc|ky\s+quy"
    r"|(?<!mo )(?<!duoi )(?<!bat )nap(?!\s+(?:chai|lon|hop|trung|keo|bia|can)\b))\b"
    r"(?:\s+\S+){0,16}?\s+"
    # "de giai ngan", and with a go-between: "de ke toan sua va giai ngan"
    # ("nap 2tr la duoc rut lien": "la" as "and then")
    # ("thi he thong moi giai ngan": the one who acts between "thi" and "moi")
    r"(?:de|thi\s+(?:\S+\s+){0,2}?moi|thi\s+(?:ben\s+)?(?:em|minh|chung\s+toi|he\s+thong)"
    r"(?:\s+se)?|moi\s+(?:duoc|co\s+the)|moi(?=\s+(?:rut|nhan|giai))|nham|la)\s+(?:\S+\s+){0,6}?"
    r"(?:duoc\s+)?"
    r"(?:(?P<unlock>mo\s+khoa|go\s+khoa|giai\s+toa|mo\s+bang|khoi\s+phuc|xac\s+minh|xac\s+thuc"
    r"|kich\s+hoat\s+lai)"
    r"|nhan\s+(?:thuong|qua|giai|tien|lai\s+(?:tien|goc|von)|khoan\s+vay|hoa\s+hong|hang"
    r"|kien\s+hang)|chay\s+don|hoan\s+thanh\s+(?:don|nhiem\s+vu)"
    r"|hoan\s+tien|thong\s+quan|chuyen\s+(?:tien\s+)?ve\s+(?:tk|tai\s+khoan|stk|vi)"
    r"|hoan\s+(?:lai\s+)?(?:coc|tien\s+coc)"
    r"|giai\s+ngan|rut\s+(?:tien|von|loi\s+nhuan|hoa\s+hong|duoc|het|toan\s+bo)|duoc\s+rut"
    r"|giai\s+phong|hoan\s+tat\s+(?:\S+\s+){0,2}?(?:va\s+)?rut"
    r"|go\s+(?:phat|han\s+che|phong\s+toa))\b")

#: The advance fee said outright: money to be received (a payout, a compensation, a loan)
#: and a fee or tax to pay first ("duoc chi tra quyen loi bao hiem 45 trieu ... can dong
#: truoc thue TNCN 10%"). Insurers and lenders deduct their fees; nobody bills them first.
_FEE_FIRST_RE = re.compile(
    r"(?<!da )\b(?:dong|nop|chuyen|thanh\s+toan|tra)\s+truoc\s+(?:\S+\s+){0,3}?"
    # (a sum, not a date: "ho so nop truoc 30/11" is a deadline)
    r"(?:phi|thue|le\s+phi|tien|\d+(?:[.,]\d+)*\s*(?:k|tr|trieu|d|dong|vnd|usd|%)\b"
    r"|\d{1,3}(?:[.,]\d{3})+)"
    # ...or a fee "to receive" it: "nop phi thu tuc 2 trieu de nhan"
    r"|(?<!da )\b(?:dong|nop)\s+(?:\S+\s+){0,2}?phi\s+(?:\S+\s+){0,4}?de\s+(?:duoc\s+)?nhan\b")
_RECEIVE_RE = re.compile(
    r"\b(?:duoc\s+chi\s+tra|chi\s+tra\s+quyen\s+loi|nhan\s+(?:tien|thuong|khoan|quyen\s+loi)"
    r"|duoc\s+boi\s+thuong|giai\s+ngan|rut\s+tien|duoc\s+nhan|hoc\s+bong"
    r"|duoc\s+(?:ho\s+tro\s+)?vay|duoc\s+cap\s+(?:han\s+muc|khoan\s+vay))\b")
#: What "de nhan" receives when it is money: "de nhan khoan chenh lech", "de nhan thuong".
_RECEIVED_THING_RE = re.compile(
    r"\s+(?:lai\s+|duoc\s+)?(?:tien|thuong|khoan|quyen\s+loi|qua|giai|hoc\s+bong|luong"
    r"|so\s+tien|tro\s+cap|phan\s+thuong|hoan\s+tien|boi\s+thuong)\b")
_WORD_NEXT_RE = re.compile(r"\s+[a-z]")
#: ("de nhan": "dong 850 nghin phi cap nhat ho so de nhan khoan chenh lech", the fee's own
#: words too far apart for a pair)
_FEE_FIRST_PAIRS = frozenset({"de nhan", "dong truoc", "nop truoc", "chuyen truoc", "toan truoc",
                              "tra truoc", "nop phi", "dong phi"})

#: Moving money into a "safe", holding or investigators' account, or to prove one's
#: innocence: the fake-police fraud ("chuyen so du vao tai khoan tam giu de chung minh
#: trong sach"). Police, courts and prosecutors never hold a citizen's money this way.
_SAFE_ACCOUNT_RE = re.compile(
    r"\btai\s+khoan\s+(?:tam\s+giu|an\s+toan|phong\s+toa|niem\s+phong|chuyen\s+dung|giam\s+dinh"
    r"|cua\s+(?:co\s+quan\s+)?(?:dieu\s+tra|cong\s+an|vien\s+kiem\s+sat|toa\s+an))\b"
    r"|\bchung\s+minh\s+(?:trong\s+sach|vo\s+toi|nguon\s+(?:goc\s+)?tien)\b"
    # bail paid by transfer to the one who calls: "chuyen tien bao lanh 150 trieu"
    r"|\b(?:chuyen|ck|nop)\s+(?:\S+\s+){0,2}?tien\s+bao\s+lanh\b")
_TRANSFER_RE = re.compile(r"\b(?:chuyen|nop|gui|nap|ck|dong)\s+(?:giup\s+(?:\S+\s+)?)?"
                          r"(?:(?:cho\s+)?(?:me|bo|con|em|anh|chi|minh|ba|ong|co|chau|thay|bac|chu"
                          r"|t|tao)\s+)?(?:khoan|tien"
                          r"|toan\s+bo|so\s+du|gap|ngay|lai|vao|truoc|\d|cho\s+(?:\S+\s+)?vao"
                          r"|(?:cho\s+\S+\s+)?theo\s+(?:so|stk|tk)|vien\s+phi|tam\s+ung"
                          r"|qua\s+(?:so\s+)?(?:tai\s+khoan|tk|stk))"
                          r"|\bung\s+(?:truoc|tien|giup)\b"
                          # "tam ung vien phi ngay 35tr vao tk dieu duong", "help me pay a bill"
                          r"|\b\d+(?:[.,]\d+)?\s*(?:k|tr|trieu)\s+vao\s+(?:so\s+)?(?:tk|stk|tai\s+khoan)\b"
                          r"|\bhelp\s+me\s+(?:to\s+)?pay\b|\bpay\s+(?:a|this|my)\s+bill\b"
                          r"|\bcho\s+(?:\S+\s+)?muon\b"
                          # "muon anh 7 trieu", "cho em vay 2 trieu", "chuyen lien giup"
                          r"|\b(?:vay|muon)\s+(?:\S+\s+)?\d+(?:[.,]\d+)?\s*(?:k|tr|trieu|cu)\b"
                          r"|\bchuyen\s+lien\b"
                          # "bac chuyen cho chau de chau giai quyet"
                          r"|\bchuyen\s+(?:cho\s+)?(?:chau|con|em|co|thay)\s+de\b"
                          # "can 30tr nop phat de bao lanh": a sum needed to pay with
                          r"|\bcan\s+(?:gap\s+)?\d+(?:[.,]\d+)?\s*(?:k|tr|trieu)\s+(?:de\s+)?"
                          r"(?:nop|dong|tra|chuoc|lo)\b"
                          r"|\b(?:send|transfer|lend)\s+me\b|\bsend\s+(?:\S+\s+){0,3}?to\s+my\b")
#: Someone else's emergency (an accident, an arrest) and money to send at once, written
#: by a third party about the recipient's relative or to be paid to a third party's
#: account ("con cua chi bi tai nan... chuyen gap vao tai khoan cua bac si").
_EMERGENCY_RE = re.compile(
    r"\b(?:tai\s+nan|cap\s+cuu|nhap\s+vien|phau\s+thuat|mo\s+gap|bi\s+bat|bi\s+tam\s+giu"
    r"|dang\s+nguy\s+kich|bi\s+ngat|ngat\s+xiu|chuyen\s+vien|vien\s+phi\s+gap"
    r"|chan\s+thuong|dam\s+xe|tong\s+xe|va\s+cham|bi\s+nga|nga\s+cau\s+thang"
    r"|gay\s+(?:tay|chan)|hon\s+me|bi\s+thuong\s+nang"
    r"|bi\s+(?:cong\s+an|canh\s+sat|cong\s+an\s+phuong)\s+(?:tam\s+)?(?:giu|bat)"
    # stranded: "bi mat vi", "bi moc tui het tien"
    r"|bi\s+(?:mat|moc|trom|cuop|giut)\s+(?:het\s+)?(?:vi|tui|tien|dien\s+thoai|giay\s+to)"
    r"|ngo\s+doc|dua\s+(?:di\s+|vao\s+)?(?:vien|benh\s+vien|cap\s+cuu)"
    # stranded: luggage held at an airport, a wallet forgotten, short of the fee
    r"|bi\s+giu\s+(?:hanh\s+ly|ho\s+chieu|lai\s+(?:o|tai)\s+san\s+bay)|quen\s+(?:mang\s+)?vi"
    r"|thieu\s+tien\s+(?:dong|tra|nop|mua)"
    r"|dang\s+(?:o|nam)\s+(?:vien|benh\s+vien)|(?:dong|nop|tra)\s+vien\s+phi"
    # a fee at the airport, a crash's other party holding the rider
    r"|phi\s+hanh\s+ly|giu\s+(?:nguoi|xe)\s+(?:\S+\s+){0,2}?doi\s+boi\s+thuong)\b")
#: A demand to keep it from the family: the fake police's "khong duoc tiet lo voi nguoi
#: nha", and the "arrested" grandchild's "ba dung noi voi bo me chau nhe" (used by
#: ``schemes`` for the police who work over chat too).
#: Whose account the money goes into when it is not the writer's: a spouse, a relative, a
#: friend ("tk chong em", "vao tk nguoi quen"); ``schemes`` reads it too.
OTHERS_ACCOUNT = (r"(?:tk|stk|tai\s+khoan)\s+(?:cua\s+)?(?:vo|chong|nguoi\s+nha|nguoi\s+quen|ban"
                  r"|em\s+ho|chi\s+ho|anh\s+ho|chi\s+gai|em\s+gai|anh\s+trai)")
#: A lover's words ("em yeu", "baby", "cung oi"): the romance fraud's voice, read by
#: ``schemes`` and ``pretexts``.
LOVER = (r"(?:em\s+yeu|anh\s+yeu|vo\s+yeu|chong\s+yeu|baby|honey|cung\s+oi|my\s+love|my\s+dear"
         r"|dear|i\s+love\s+you)")
SECRECY = (r"\b(?:khong\s+duoc|dung|cam)\s+(?:tiet\s+lo|noi|bao|chia\s+se)\s+(?:\S+\s+){0,2}?"
           r"(?:nguoi\s+nha|nguoi\s+than|gia\s+dinh|ai|bat\s+ky\s+ai)\b|\bgiu\s+bi\s+mat\b"
           # "tuyet doi khong duoc cho vo con biet", "vu an dang dieu tra bi mat"
           r"|\bkhong\s+duoc\s+(?:de\s+|cho\s+)(?:vo|chong|con|vo\s+con|nguoi\s+nha|gia\s+dinh|ai)"
           r"\s+(?:\S+\s+)?biet\b|\bdieu\s+tra\s+bi\s+mat\b"
           r"|\b(?:dung|khong\s+duoc)\s+(?:\S+\s+)?(?:noi|bao|ke)\s+(?:voi|cho)\s+(?:bo\s+me|bo"
           r"|me|ai|nguoi\s+nha|gia\s+dinh)\b")
_THIRD_PARTY_RE = re.compile(
    r"\b(?:con|chong|vo|bo|me|em|chau|nguoi\s+nha|nguoi\s+than)\s+(?:trai\s+|gai\s+)?(?:cua\s+|nha\s+)?"
    r"(?:ban|anh|chi|ong|ba|co|chu|bac)\s+(?:bi|dang|da|vua|di|gay)\b"
    # the parent of a child in someone's care: "me be Khoa oi", "co phai me cua chau Minh Anh"
    r"|\b(?:me|bo|ba|phu\s+huynh)\s+(?:cua\s+)?(?:be|chau)\s+[a-z]+"
    # a staff member's or a payee's own account: "ck giup e vao tk cua nhan vien nay"
    r"|\b(?:tk|stk|tai\s+khoan)\s+(?:cua\s+)?(?:nhan\s+vien|nguoi\s+nhan)\b"
    r"|\bso\s+(?:tai\s+khoan\s+|tk\s+)?cua\s+ban\s+(?:con|em|anh|chi|minh|toi|tao|t)\b"
    r"|\btai\s+khoan\s+(?:\S+\s+){0,3}?(?:cua\s+)?(?:bac\s+si|benh\s+vien|y\s+ta|thay|co\s+giao"
    r"|nha\s+truong|luat\s+su|cong\s+an)\b"
    r"|\b(?:chuyen|ck)\s+(?:khoan\s+|tien\s+)?(?:gap|ngay\s+lap\s+tuc)\b"
    r"|\bnguoi\s+nha\s+benh\s+nhan\b"
    # the money into someone else's account: "tk chong em", "tai khoan chi ho em", "tk
    # nguoi nha minh"
    rf"|\b{OTHERS_ACCOUNT}\s+(?:em|anh|chi|minh|toi|to|tui)\b"
    # a stranger who says whose friend he is ("em la Tuan ban anh Hieu day")
    r"|\b(?:em|minh|toi|to)\s+la\s+(?:\S+\s+){0,2}?ban\s+(?:cua\s+)?(?:(?:anh|chi|thang|con|co)\s+)?"
    r"[a-z]+"
    # a school's call to a parent: "phu huynh em Minh Khoa oi, chau bi ngo doc"
    r"|\bphu\s+huynh\s+(?:em|chau|be|hoc\s+sinh)\b"
    r"|\b(?:dung|khong\s+duoc)\s+(?:goi|bao|noi)\s+(?:cho\s+|voi\s+)?ai\b"
    r"|\b(?:co|thay)\s+(?:giao\s+)?chu\s+nhiem\b"
    # a school's "thua phu huynh, chau ... dang cap cuu": the parent's child
    r"|\b(?:thua|kinh\s+gui|gui)\s+(?:quy\s+)?phu\s+huynh\b|" + SECRECY)

#: A carrier's notice about a prepaid line, where topping up does restore the service.
_CARRIER_RE = re.compile(r"\b(?:thue\s+bao|sim|2\s+chieu|hai\s+chieu|lien\s+lac|goi\s+cuoc"
                         r"|nghe\s+goi)\b")
#: A relative's "new number" (the old phone lost or broken) that asks for money: the
#: impersonation of a child or friend ("me oi con mat dien thoai, day la so moi cua con").
_NEW_NUMBER_RE = re.compile(
    r"\bday\s+la\s+so\s+(?:zalo\s+|dien\s+thoai\s+)?moi\b"
    r"|\bso\s+(?:zalo\s+)?(?:nay\s+)?moi\s+cua\s+(?:con|em|e|anh|a|chi|c|minh|chau|me|bo|co|thay)\b"
    # the phone broken or lost, and a borrowed one or another number to text from
    r"|\b(?:dien\s+thoai|may)\s+(?:\S+\s+){0,2}?(?:hong|mat|bi\s+cuop|roi\s+vo)\b"
    r"(?:\s+\S+){0,4}?\s+(?:muon\s+(?:may|dien\s+thoai)|so\s+(?:moi|nay))\b"
    r"|\b(?:me|bo|con|em|anh|chi|chau|co|thay)\s+(?:\S+\s+){0,2}?doi\s+(?:so\s+(?:zalo\s+)?"
    r"(?:moi|dien\s+thoai)|zalo)\b"
    r"|\b(?:me|bo|con|em|anh|chi|chau|co|thay)\s+(?:moi|vua)\s+doi\s+so\b"
    r"|\b(?:doi|thay)\s+(?:so|sim)\s+(?:roi|moi)\b|\bluu\s+(?:lai\s+)?so\s+moi\b"
    # "em doi so, luu so nay nhe"
    r"|\bdoi\s+so\b[,.]?\s+(?:\S+\s+){0,2}?luu\s+(?:lai\s+)?so\s+(?:nay|moi)\b"
    r"|\b(?:moi|vua)\s+(?:doi|thay)\s+sim\b|\bso\s+cu\s+(?:\S+\s+){0,2}?bi\s+khoa\b"
    r"|\b(?:mat|hong|roi\s+vo|bi\s+cuop)\s+(?:dien\s+thoai|may)\b(?:\s+\S+){0,6}?\s+"
    r"(?:muon\s+(?:may|dien\s+thoai)|so\s+(?:cua\s+)?ban)\b"
    # (bounded: ".*" rescanned the rest of a 100 kB text at every "mat dien thoai")
    r"|\b(?:mat|hong|roi\s+vo|bi\s+cuop)\s+(?:dien\s+thoai|may)\b.{0,300}?\bso\s+(?:moi|nay)\b"
    r"|\b(?:con|em|anh|chi|chau|minh|t|tao|to)\s+(?:dang\s+)?muon\s+(?:may|dien\s+thoai|dt)"
    r"\s+(?:cua\s+)?(?:ban|nguoi|dong\s+nghiep)\b"
    # the friend whose chat account "was hacked", writing from a new one
    r"|\b(?:nick|zalo|facebook|fb|acc|tai\s+khoan\s+(?:zalo|facebook|fb))\s+(?:\S+\s+){0,2}?"
    r"bi\s+hack\b"
    r"|\b(?:this\s+is|here\s+is|it\s*'?s)\s+my\s+new\s+number\b"
    r"|\b(?:lost|broke)\s+my\s+phone\b.{0,300}?\b(?:new\s+number|friend\s*'?\s*s\s+(?:number"
    r"|phone))\b")

#: A shop's or brand's refund or compensation handled through a personal chat account:
#: shops refund through their own app or the payment they took, never over Zalo with a
#: personal number ("Lazada hoan tien ... lien he CSKH qua Zalo 0374...").
_REFUND_RE = re.compile(rf"\b(?:{_REFUND})\b")
_PRIVATE_CHAT_RE = re.compile(
    r"\b(?:zalo|ket\s+ban|telegram|whatsapp)\b|\b(?:qua|tren|on|via)\s+messenger\b"
    # a page on a social network to write to ("nhan vao Facebook ban nay"): a fake
    # customer-care page ("CSKH...") that asks for the card or the banking app next
    r"|\b(?:nhan|nhan\s+tin|inbox|ib)\s+(?:vao|qua|cho|voi)?\s*(?:trang\s+|page\s+)?"
    r"(?:facebook|fb|messenger|fanpage)\b"
    # ...or a personal mobile or a foreign number to call ("lien he hotline hoan tien 0898
    # 605 114", "goi 0812 337 640 de lam thu tuc", "call +1 (888) 410-2273 for a refund"):
    # airlines, insurers and shops refund through their own channels and hotlines
    # (a verb of calling: a hotline printed below a refund paid into a wallet is the shop's)
    r"|\b(?:lien\s+he|lh|goi(?:\s+(?:ngay|lai|den))?|call|contact)(?:\s+[a-z]+){0,3}?"
    r"\s*:?\s*(?:(?:\+84\s?|0)[35789]\d{2}[ .]?\d{3}[ .]?\d{3}\b|\+(?!84)\d[\d ().-]{8,})")
_REFUND_PAIRS = frozenset({"hoan tien", "hoan lai", "hoan tra", "hoan phi", "boi thuong",
                           "lai tien",
                           "duoc hoan", "lai so", "den bu"})
_CHAT_APP_WORDS = frozenset({"messenger", "whatsapp"})
_REFUND_DETAIL = ("a refund or compensation handled through a personal chat account or a "
                  "personal number")

_HANDOVER_DETAIL = "asks you to hand over a code sent to your phone"
_PAY_DETAIL = "asks you to pay in order to unlock, verify or collect"
_EMERGENCY_DETAIL = "someone else's emergency and money to send at once"


#: Where a sentence ends: a negation before it does not reach the next one ("Tuyet doi
#: khong tat may. Doc ma OTP cho nhan vien" asks for the code).
#: (a colon too: "goi khong duoc nen nhan em: mua giup 3 the ..." - what follows is new)
_CLAUSE_END_RE = re.compile(r"[.!?;:\n]")


#: A negated condition closed by a comma ("neu chi khong thuc hien, em ho tro huy ngay"):
#: its negation says nothing of the request after it.
_NEGATED_CONDITION_RE = re.compile(r"\b(?:neu|if)\s+[^,]{0,60}?\b(?:khong|ko|not|didn't|did\s+not)"
                                   r"\b[^,]{0,60}?,"
                                   # a transaction disowned: "de huy giao dich 9.800.000d
                                   # khong phai do chi thuc hien, chi cung cap ma OTP"
                                   r"|\b(?:khong|ko)\s+phai\s+(?:do\s+)?(?:\S+\s+){0,2}?"
                                   r"(?:thuc\s+hien|yeu\s+cau|giao\s+dich)\b[^,]{0,20}?,")


def negated(folded: str, start: int) -> bool:
    """A negation in the :data:`NEGATION_WINDOW` words before ``start``, in the same
    sentence ("khong yeu cau khach hang truy cap duong link hay cung cap OTP")."""
    clause = _CLAUSE_END_RE.split(folded[max(0, start - 120):start])[-1]
    cond = _NEGATED_CONDITION_RE.search(clause)
    if cond is not None:  # "neu chi khong thuc hien, ... chi cung cap ma": a condition
        clause = clause[cond.end():]
    before = clause.split()
    if "thi" in before:  # a condition's "then": "neu khong phai chi thi chi doc ma OTP"
        before = before[len(before) - before[::-1].index("thi"):]
    before = before[-NEGATION_WINDOW - 1:]
    return (not NEGATIONS.isdisjoint(before)
            and has_negation(before, len(before) - NEGATION_WINDOW, len(before)))


def first_unnegated(pattern: re.Pattern[str], folded: str,
                    pos: int = 0) -> re.Match[str] | None:
    """The first match of ``pattern`` (from ``pos``) that no negation stands before in its
    sentence (:func:`negated`)."""
    return next((m for m in pattern.finditer(folded, pos) if not negated(folded, m.start())),
                None)


def first_unnegated_in_clause(pattern: re.Pattern[str], folded: str,
                              opens: re.Pattern[str] | None = None) -> re.Match[str] | None:
    """The first match of ``pattern`` not negated in its clause (:func:`negated`). A comma
    followed by a new subject opens another clause, which a negation before it does not
    reach ("chi dang o ngoai khong tien, em mua giup chi 5 the Viettel"); a comma right
    before the match continues a list ("khong mua ban, cho thue tai khoan"). A match of
    ``opens`` opens one too ("app khong co tren CH Play nen anh tai file apk")."""
    for m in pattern.finditer(folded):
        start = m.start()
        cut = folded.rfind(",", 0, start) + 1  # (negated splits at ".", ";" itself)
        if not folded[cut:start].strip():
            cut = 0
        if opens is not None:
            for o in opens.finditer(folded, cut, start):
                cut = o.end()
        if not negated(folded[cut:start], start - cut):
            return m
    return None


def advisory(out: MessageFeatures) -> bool:
    """The message warns against fraud or reads like a public advisory: the tricks it
    quotes get no fixed prior."""
    return warns(out) or "PUBLIC_ADVISORY" in out.findings


def add_fixed_prior_findings(out: MessageFeatures, found: Sequence[tuple[str, str | None]],
                             details: Mapping[str, str], prior: float, *,
                             priors: Mapping[str, float] | None = None,
                             warning_only: Collection[str] = (),
                             clip: int | None = 80) -> None:
    """Add each ``(name, matched text)`` of ``found`` whose text is not ``None`` as a
    finding leaning to scam with the fixed ``prior`` (or its own in ``priors``), or with
    none when the message is an :func:`advisory` that quotes the trick; the names of
    ``warning_only`` lose it only to a warning (:func:`warns`), not to an advisory's
    wording alone. The matched text in the detail is cut to ``clip`` characters (``None``:
    whole)."""
    hits = [(name, text) for name, text in found if text is not None]
    if not hits:
        return
    quoted = advisory(out)
    warned = warns(out) if warning_only else quoted
    for name, text in hits:
        q = warned if name in warning_only else quoted
        weight = 0.0 if q else (prior if priors is None else priors.get(name, prior))
        shown = text if clip is None else text[:clip]
        out.add(Finding(name, "scam", f'{details[name]}: "{shown}"', learned=False,
                        weight=weight))


def _handover(folded: str) -> str | None:
    """The request to hand over a code, or ``None``."""
    # a delivery code for the courier at the door, unless money is said to come back
    delivery = (_DELIVERY_RE.search(folded) is not None
                and _MONEY_BACK_RE.search(folded) is None)
    for m in _HANDOVER_RE.finditer(folded):
        if folded[max(0, m.start() - 5):m.start()] == "viec ":
            continue  # "viec cung cap ma OTP cho TPBank duoc hieu la...": the act, named
        if not negated(folded, m.start()):
            if delivery and "otp" not in m.group(0):
                return None
            return m.group(0)
    for m in _CODE_THEN_ASK_RE.finditer(folded):
        if not negated(folded, m.start("ask")) and not delivery:
            return m.group(0)
    return None


#: A password, a PIN or card details to send back ("phan hoi tin nhan nay kem ten dang nhap
#: va mat khau", "gui minh tai khoan Garena voi mat khau", "doc giup em 16 so tren the ...
#: ma CVV"): nobody who runs an account asks for them. Not a service's "da gui mat khau moi"
#: nor an app's "nhap mat khau de dang nhap" (typing it into the app is no handing over).
_SECRET = (r"(?:mat\s+khau|password|passcode|ma\s+pin|pin\s+code|ma\s+cvv|cvv|cvc"
           r"|anh\s+(?:\S+\s+)?(?:2|hai)\s+mat\s+(?:cua\s+)?the|mat\s+(?:truoc|sau)\s+(?:cua\s+)?the"
           r"|\d{2}\s+so\s+(?:tren|in\s+tren|cua)\s+(?:mat\s+)?the|card\s+number"
           # a SIM's serial, which lets a fraudster move the number to his own SIM
           r"|(?:so\s+)?(?:seri|serial|series)\s+(?:\S+\s+){0,2}?sim|\d{2}\s+so\s+(?:in\s+)?(?:sau|tren)\s+sim"
    # the card's number itself ("doc cho em so the, ngay het han"), not a health-insurance
    # or a membership card's
    r"|so\s+the(?!\s+(?:bao|bhyt|thanh\s+vien|hoi\s+vien|tich|nho|cao|dien|xe))\b"
    # a portrait holding the ID card: what opens an account or a loan in the reader's name
    r"|anh\s+(?:chan\s+dung|mat|khuon\s+mat|selfie)\s+(?:\S+\s+)?cam\s+(?:cccd|cmnd|can\s+cuoc)"
    # a video of the face (the biometric check made for the caller), the ATM card itself
    r"|quay\s+(?:video\s+|clip\s+)?(?:khuon\s+mat|mat|chan\s+dung)"
    # the ID card's two sides sent to a chat account ("chup anh 2 mat CCCD gui qua Zalo 09..")
    r"|anh\s+(?:\S+\s+)?(?:2|hai)\s+mat\s+(?:cccd|cmnd|can\s+cuoc(?:\s+cong\s+dan)?)"
    r"(?=.{0,40}?\b(?:zalo|telegram|messenger|viber)\b)"
    # a photo of the bank card, the ID number with its date of issue: what opens an
    # account or a loan in the reader's name ("gui anh CCCD 2 mat, anh the ngan hang")
    r"|(?:anh|hinh)\s+(?:chup\s+)?the\s+(?:ngan\s+hang|atm|tin\s+dung)"
    r"|so\s+(?:cccd|cmnd|can\s+cuoc(?:\s+cong\s+dan)?)\s*,?\s+(?:va\s+)?ngay\s+cap)")
_SECRET_RE = re.compile(
    rf"(?<!da )(?<!se )\b(?:doc|gui|cung\s+cap|phan\s+hoi|tra\s+loi|reply|send|give|tell"
    # "bao em 3 so CVV", "chup giup em 2 mat the"
    rf"|bao\s+(?:lai\s+|giup\s+)?(?:em|minh|anh|chi|toi|nhan\s+vien)|chup"
    # (ten words: "gui con anh 2 mat CCCD voi anh chan dung cam CCCD", CCCD being four)
    rf"|cho\s+(?:em|minh|toi|anh|chi|chau|con|tui)\s+xin|nhan\s+lai)\b(?:\s+\S+){{0,10}}?\s+{_SECRET}\b"
    # (not a password given: "gui anh file bao cao, mat khau la 1234", "mat khau file la")
    r"(?!(?:\s+\S+){0,2}?\s*(?:la|:|is|=)\s)"
    # a photo of the ATM card ("chup 2 mat CCCD va the ATM cu gui em"); not a card handed
    # to family ("gui the ATM cho me giu")
    r"|\bchup\b(?:\s+\S+){0,8}?\s+the\s+atm\b")
_SECRET_WORDS = frozenset({"khau", "password", "passcode", "pin", "cvv", "cvc", "seri",
                           "serial", "series", "esim"})
#: ...and the word pairs of the ID card's and the face's shapes ("cam" and "quay" alone are
#: "cảm ơn" and "quay lại": they would open the pattern on most chats).
_SECRET_PAIRS = frozenset({"mat the", "so the", "mat can", "mat cccd", "mat cmnd", "cam can",
                           "cam cccd", "cam cmnd", "quay video", "quay clip", "quay khuon",
                           "quay mat", "quay chan", "the atm", "trang em", "link em",
                           "web em", "dan em", "trang e", "link e", "trang chau", "link chau",
                           "trang toi", "link toi", "trang minh", "link minh", "the ngan",
                           "ngay cap"})
_SECRET_DETAIL = "asks you to send a password, a PIN or card details"


#: A service sending the reader a password ("VTC Pay gui quy khach mat khau ODP ...").
_TO_READER_RE = re.compile(r"(?:gui|send)\s+(?:toi\s+|cho\s+|to\s+)?(?:quy\s+khach|qk|ban|you)\b")


#: A page or form the writer sends ("trang em gui", "bieu mau ben em vua gui").
_SENT_PAGE = (r"(?:trang|link|web|form|bieu\s+mau|duong\s+link|duong\s+dan)\s+(?:ma\s+|ben\s+)?"
              r"(?:em|e|anh|a|chau|toi|minh|con|ben\s+em)\s+(?:vua\s+)?gui")
#: A bank log-in on a page the writer sends ("anh vao trang em gui dang nhap ngan hang de
#: xac nhan"): the page is the writer's, and so is what is typed into it.
_SENT_LOGIN_RE = re.compile(rf"\b(?:vao|truy\s+cap|mo|bam)\s+{_SENT_PAGE}\s+(?:\S+\s+){{0,3}}?"
                            r"(?:dang\s+nhap|nhap)\b")


#: The QR code of an eSIM asked for ("nang cap eSIM ..., chi cho em xin ma QR vua gui ve
#: email"): whoever scans it owns the number, and with it the bank's OTPs.
_ESIM_QR_RE = re.compile(r"\b(?:cho\s+(?:em|minh|toi|anh|chi)\s+xin|gui|doc|chup|cung\s+cap"
                         r"|chuyen\s+tiep|forward)(?:\s+\S+){0,4}?\s+ma\s+qr\b")


def _secret(folded: str) -> str | None:
    if "wifi" in folded or "wi-fi" in folded:
        return None  # a guest's "gui em mat khau wifi voi"
    if "esim" in folded:
        qr = first_unnegated(_ESIM_QR_RE, folded)
        if qr is not None:
            return qr.group(0)
    login = _SENT_LOGIN_RE.search(folded)
    if login is not None and not negated(folded, login.start()):
        return login.group(0)
    for m in _SECRET_RE.finditer(folded):
        if not negated(folded, m.start()) and _TO_READER_RE.match(m.group(0)) is None:
            return m.group(0)
    return None


#: A code or password to be typed into a form behind a link ("dien so tai khoan va ma OTP
#: tai form ..."): handing it over to the page's owner.
_ON_FORM_RE = re.compile(
    rf"\b(?:dien|nhap|khai\s+bao|cung\s+cap)\s+(?:\S+\s+){{0,6}}?(?:{_CODE}|mat\s+khau"
    r"|ma\s+pin)\s+(?:\S+\s+){0,2}?(?:tai|vao|tren|qua|theo)\s+(?:form|link|duong\s+link"
    r"|bieu\s+mau|dia\s+chi\s+web|website)\b")
#: The form is one the writer sends ("dien thong tin the va ma OTP vao bieu mau em gui"):
#: no link need be in the message itself.
_SENT_FORM_RE = re.compile(rf"\b{_SENT_PAGE}\b")


def _on_form(folded: str) -> str | None:
    m = _ON_FORM_RE.search(folded)
    return None if m is None or negated(folded, m.start()) else m.group(0)


#: A remote-control app a "bank officer" or "official" has you install: it hands them the
#: phone, banking app included. Software vendors' helpdesks use the same apps, so a bank,
#: a card, a loan, a refund or an authority has to be named as well.
_REMOTE_APP_RE = re.compile(r"\b(?:teamviewer|anydesk|ultra\s?viewer?|quick\s?support|rustdesk"
                            r"|airdroid|accessibility)\b"
                            # the accessibility permission that lets an app drive the phone
                            r"|\b(?:bat|cap|mo|cho\s+phep)\s+(?:\S+\s+){0,2}?quyen\s+(?:truy\s+cap\s+)?"
                            r"tro\s+nang\b"
                            # screen sharing switched on in an app the caller had installed
                            r"|\b(?:bat|mo|an|chon)\s+(?:\S+\s+){0,2}?(?:chia\s+se|share)\s+man\s+hinh\b"
                            r"(?=.{0,300}?\b(?:cai|tai)\s+(?:dat\s+)?(?:app|ung\s+dung))"
                            r"|\b(?:cai|tai)\s+(?:dat\s+)?(?:app|ung\s+dung)\b(?:\s+\S+){0,20}?\s+"
                            r"(?:bat|mo|an|chon)\s+(?:\S+\s+){0,2}?(?:chia\s+se|share)\s+man\s+hinh\b")
_REMOTE_WORDS = frozenset({"teamviewer", "anydesk", "ultraviewer", "ultraview", "quicksupport",
                           "rustdesk", "airdroid", "ultra", "quick", "accessibility"})
#: (screen sharing by its pair: "man hinh" alone is every screenshot, "chup man hinh")
_REMOTE_PAIRS = frozenset({"se man", "share man", "screen sharing", "screen share",
                           "tro nang"})
_MONEY_CONTEXT_RE = re.compile(
    r"\b(?:ngan\s+hang|the\s+tin\s+dung|han\s+muc|khoan\s+vay|vay|hoan\s+tien|hoan\s+phi"
    r"|thue|cong\s+an|bao\s+hiem|so\s+du|bank|refund|loan)\b")
_REMOTE_BRAND_KINDS = frozenset({"bank", "wallet", "public", "finance", "telco"})
_REMOTE_DETAIL = "has you install a remote-control app for a bank, a loan or an authority"
REMOTE_ACCESS_PRIOR = 12.0


def _remote_access(folded: str) -> str | None:
    app = _REMOTE_APP_RE.search(folded)
    if app is None or negated(folded, app.start()):
        return None
    context = _MONEY_CONTEXT_RE.search(folded)
    if context is not None:
        return f"{context.group(0)} ... {app.group(0)}"
    # "nhan vien cskh Vietcombank ... tai TeamViewer": a bank, a wallet or an authority by
    # name (a software vendor's helpdesk names itself, no bank)
    named = next((b for b in find_brands(folded) if b.category in _REMOTE_BRAND_KINDS), None)
    return None if named is None else f"{named.name} ... {app.group(0)}"


#: The purpose first and the fee after it ("de mo khoa dong tien anh can nop phi luu ky").
_PURPOSE_THEN_PAY_RE = re.compile(
    r"\bmuon\s+rut\s+(?:\S+\s+){0,3}?thi\s+(?:phai|can)\s+(?:nop|dong|chuyen|nap)\b|"
    r"\bde\s+(?:mo\s+khoa|giai\s+toa|giai\s+ngan|rut\s+(?:tien|von|loi\s+nhuan|ve)|nhan\s+(?:lai\s+)?"
    r"(?:tien|qua|thuong|giai|phan\s+qua)|hoan\s+tat\s+(?:ho\s+so|thu\s+tuc)\s+"
    r"(?:giai\s+ngan|rut|nhan))\b,?(?:\s+\S+){0,6}?\s+"
    # ("anh can nang cap len tai khoan Gold bang cach nap them"; a loan's "can mua goi bao
    # hiem 990k")
    r"(?:can|phai|vui\s+long|yeu\s+cau)\s+(?:\S+\s+){0,9}?(?:nop|dong|chuyen|nap|thanh\s+toan"
    r"|mua\s+(?:goi\s+)?bao\s+hiem|lam\s+them\s+(?:\S+\s+){0,2}?(?:don|nhiem\s+vu))\b")
#: The fee named for what it unlocks ("nop 3tr phi mo khoa", "dong phi giai ngan").
_FEE_NAMED_RE = re.compile(
    r"\b(?:nop|dong|chuyen|ck|thanh\s+toan)\s+(?:\S+\s+){0,3}?phi\s+(?:mo\s+khoa|go\s+khoa"
    r"|giai\s+toa|giai\s+ngan|kich\s+hoat|xac\s+minh|xac\s+thuc|rut\s+tien"
    r"|nhan\s+(?:thuong|qua|giai|tien)|linh\s+(?:thuong|giai))\b"
    # the fee named with its sum, the payment after it ("he thong yeu cau phi xac minh chu so
    # huu 450k, ban ck not"), or an order "activated" by a payment ("chuyen 2tr kich hoat
    # lenh thi tien ve")
    r"|\bphi\s+(?:mo\s+khoa|xac\s+minh|xac\s+thuc|kich\s+hoat|giai\s+ngan|rut\s+tien|linh\s+thuong)"
    r"\s+(?:\S+\s+){0,3}?\d+(?:[.,]\d+)?\s*(?:k|tr|trieu|d|dong)\b"
    r"|\b(?:chuyen|nop|dong|ck|nap)\s+(?:\S+\s+){0,2}?(?:kich\s+hoat|mo\s+khoa|giai\s+phong)\s+"
    r"(?:lenh|giao\s+dich|khoan\s+tien|lenh\s+chuyen|rut)\b")


#: Receiving money said to need a feature switched on or an upgrade, for a fee ("tai khoan
#: chi can kich hoat chuc nang nhan tien, phi 500k", "nang cap tk len VIP moi nhan duoc
#: giao dich ..., phi nang cap 990k"): the fake buyer's fraud. Receiving needs nothing.
_RECEIVE_FEE_RE = re.compile(
    r"\b(?:kich\s+hoat|nang\s+cap|mo|lien\s+ket)\s+(?:\S+\s+){0,5}?(?:chuc\s+nang\s+)?"
    r"nhan\s+(?:tien|duoc)\b[,.;]?(?:\s+\S+){0,12}?\s+phi\b"
    r"|\bmoi\s+nhan\s+duoc\s+(?:giao\s+dich|tien|khoan)\b[,.;]?(?:\s+\S+){0,12}?\s+phi\b")


#: A fee without which something bought stays held ("dong them phi bao hiem dong vat 1tr2
#: thi xe moi chay", "dong 1tr5 lam giay ko thi be bi tam giu"): the pet-seller's and
#: fake-courier's second fee.
_RELEASE_FEE_RE = re.compile(
    r"\b(?:dong|nop|chuyen|ck|tra)\s+(?:them\s+)?(?:\S+\s+){0,6}?(?:thi\s+(?:\S+\s+){0,2}?moi\s+"
    r"(?:chay|xuat|tha|duoc\s+nhan)|(?:khong|ko)\s+thi\s+(?:\S+\s+){0,2}?bi\s+(?:tam\s+)?giu)\b")
_RELEASE_PAIRS = frozenset({"moi chay", "moi xuat", "moi tha", "bi tam", "bi giu"})
#: A parcel's redelivery for a fee paid by QR code or transfer from the chat ("don cua chi
#: giao lai can dong 30k phi, chi quet QR nay"): couriers collect cash on delivery at the
#: door and charge no fee to deliver again.
_REDELIVERY_RE = re.compile(r"\b(?:giao\s+lai|phat\s+lai|sai\s+dia\s+chi)\b")
_QR_FEE_RE = re.compile(
    r"\bphi\b(?:\s+\S+){0,8}?\s+(?:qua\s+)?(?:ma\s+)?qr\b|\bqr\b(?:\s+\S+){0,6}?\s+phi\b"
    r"|\bphi\b(?:\s+\S+){0,6}?\s+(?:vao|qua)\s+(?:so\s+)?(?:tai\s+khoan|tk|stk)\b"
    r"|\bquet\s+(?:ma\s+)?qr\b")
_REDELIVERY_PAIRS = frozenset({"giao lai", "phat lai", "sai dia"})


def _redelivery_fee(folded: str) -> str | None:
    redelivery = _REDELIVERY_RE.search(folded)
    if redelivery is None or "phi" not in folded:
        return None
    fee = _QR_FEE_RE.search(folded)
    if fee is None or negated(folded, fee.start()):
        return None
    return f"{redelivery.group(0)} ... {fee.group(0)}"


def _pay_to_unlock(folded: str) -> str | None:
    """The demand to pay in order to unlock, verify or collect, or ``None``."""
    for m in _PAY_TO_UNLOCK_RE.finditer(folded):
        if (m.group("verb") == "nap" and m.group("unlock") is not None
                and _CARRIER_RE.search(folded) is not None):
            continue  # topping up a prepaid SIM to restore it
        if not negated(folded, m.start()):
            return m.group(0)
    for pattern in (_FEE_NAMED_RE, _PURPOSE_THEN_PAY_RE, _RECEIVE_FEE_RE):
        named = pattern.search(folded)
        if named is not None and not negated(folded, named.start()):
            return named.group(0)
    return None


#: Something granted (a loan approved, a scholarship, a job) and a fee to be paid into an
#: account for it: lenders deduct their fees from the loan, scholarships and employers
#: charge none. A fee to the State Treasury (KBNN) is an authority's, and tuition
#: ("hoc phi") a school's.
_GRANTED_RE = re.compile(
    r"\b(?:(?:da\s+)?duoc\s+(?:xet\s+|phe\s+)?duyet|da\s+(?:xet\s+|phe\s+)?duyet|duyet\s+roi|dau\s+roi"
    r"|hoc\s+bong|trung\s+tuyen\s+(?:vi\s+tri|cong\s+viec|vao\s+lam))\b")
#: (or money to "prove an income": "chung minh thu nhap bang cach chuyen 3tr vao tk cong ty")
_FEE_WORD_RE = re.compile(r"\b(?:phi|le\s+phi|chung\s+minh\s+(?:thu\s+nhap|tai\s+chinh"
                          r"|kha\s+nang))\b")
_INTO_ACCOUNT_RE = re.compile(
    r"\b(?:nop|dong|chuyen(?:\s+khoan)?|ck|thanh\s+toan|gui)\s+(?:\S+\s+){0,10}?"
    r"(?:vao|qua|toi)\s+(?:so\s+tai\s+khoan|stk|tk|tai\s+khoan)\b")
#: ...or a fee "to hold the place" of something granted ("dong phi xet ho so ... de giu
#: suat"): a scholarship or a job kept for a fee.
_HOLD_PLACE_RE = re.compile(r"\bde\s+giu\s+(?:suat|cho|ho\s+so|vi\s+tri|hoc\s+bong|slot)\b")
#: ...or settled over a personal chat ("ket ban Zalo thay Hung 0905... de lam ho so, le phi
#: 1 trieu 2"): a school pays its scholarships without a teacher's chat and a fee.
_OVER_CHAT_RE = re.compile(r"\b(?:ket\s+ban|add|nhan\s+tin|lien\s+he)\s+(?:qua\s+)?"
                           r"(?:zalo|telegram|viber)\b")
_AT_OFFICE_RE = re.compile(r"\bnop\s+tai\b")


def _fee_over_chat(folded: str, after: int, fee_at: int) -> re.Match[str] | None:
    """The chat of :data:`_OVER_CHAT_RE` within about 15 words of the fee, the fee not paid
    at an office ("nop tai phong CTSV")."""
    if _AT_OFFICE_RE.search(folded) is not None:
        return None
    chat = _OVER_CHAT_RE.search(folded, after)
    return chat if chat is not None and abs(chat.start() - fee_at) <= 90 else None


_STATE_FEE_RE = re.compile(r"\b(?:kho\s+bac|kbnn|ngan\s+sach|hoc\s+phi)\b")
#: The English advance fee: money or a parcel waiting, and a fee to release it ("a late
#: client ... left USD 4.5 million ... a small processing fee applies", "a parcel with
#: $800,000 ... pay the diplomatic delivery fee").
_EN_FEE_RE = re.compile(r"\b(?:processing|clearance|diplomatic|release|transfer|handling"
                        r"|activation|unlock)\s+(?:\w+\s+)?fee\b")
_EN_WAITING_RE = re.compile(r"\b(?:beneficiary|inheritance|next\s+of\s+kin|consignment|parcel"
                            r"|funds|compensation|winnings|lottery|million|box|package|loan"
                            r"|approval|approved|safekeeping)\b")
_EN_FEE_WORDS = frozenset({"fee", "fees"})


def _en_advance_fee(folded: str) -> str | None:
    fee = _EN_FEE_RE.search(folded)
    waiting = _EN_WAITING_RE.search(folded) if fee is not None else None
    return None if fee is None or waiting is None else f"{waiting.group(0)} ... {fee.group(0)}"


_GRANT_PAIRS = frozenset({"duoc duyet", "phe duyet", "xet duyet", "duyet roi", "hoc bong",
                          "trung tuyen", "dau roi"})


def _granted_fee(folded: str) -> str | None:
    """Something granted and a fee to pay into an account for it, or ``None``."""
    granted = _GRANTED_RE.search(folded)
    if granted is None or negated(folded, granted.start()):
        return None
    fee = first_unnegated(_FEE_WORD_RE, folded, granted.end())
    into = ((_INTO_ACCOUNT_RE.search(folded, granted.end()) or _HOLD_PLACE_RE.search(folded)
             or _fee_over_chat(folded, granted.end(), fee.start()))
            if fee is not None else None)
    if fee is None or into is None or negated(folded, into.start()):
        return None
    if folded.endswith("duoc ", 0, into.start()):
        return None  # "hoc bong se duoc chuyen vao TK cua em": money paid to the reader
    if _STATE_FEE_RE.search(folded) is not None:
        return None
    return f"{granted.group(0)} ... {into.group(0)}"


#: Money or goods the reader is told are coming to them: an inheritance, a loan's
#: disbursement, money "traced" and recovered, a parcel held in a warehouse or at customs,
#: a child's modelling fee, a frozen balance released.
_WINDFALL_RE = re.compile(
    r"\b(?:thua\s+(?:ke|huong)|di\s+chuc|de\s+lai\s+(?:tai\s+san|tien|\d)|giai\s+ngan"
    r"|truy\s+vet\s+duoc|thu\s+hoi\s+(?:ve|lai|duoc)|lay\s+lai\s+(?:tien|duoc)"
    r"|(?:buu\s+kien|kien\s+hang|buu\s+pham|thung\s+hang)\s+(?:\S+\s+){0,8}?(?:luu\s+kho|tam\s+giu"
    r"|hai\s+quan|thong\s+quan|noi\s+bai|tan\s+son\s+nhat|san\s+bay|kho)"
    r"|cat\s*-?\s*xe|dung\s+ten\s+nhan|chia\s+doi"
    # (not a refund of a sum: shops refund change and deposits every day)
    r"|rut\s+(?:duoc\s+)?(?:toan\s+bo|het)|gui\s+lai\s+gap\s+(?:doi|ba)"
    # a prize said to be won ("trung thuong iphone, nop phi 500k")
    r"|(?P<prize>trung\s+(?:thuong|giai)|nhan\s+giai|(?:giai|phan)\s+thuong"
    r"|khach\s+hang\s+may\s+man))\b")
#: A fee, tax or deposit with its sum or share ("le phi 45tr", "phi thu tuc 10%",
#: "chi phi giay to ban dau 3.000 USD", "nop 2tr de nang diem", "chuyen ... 15% khoan vay").
_FEE_SUM_RE = re.compile(
    r"\b(?:phi|le\s+phi|thue|ky\s+quy|bao\s+hiem|chi\s+phi|tien\s+coc)\s+(?:\S+\s+){0,8}?"
    r"(?:\d+(?:[.,]\d+)*\s*(?:tr|trieu|k|d|dong|usd|usdt|%)|\d+%)"
    # (not a bottle's cap: "bat nap trung thuong, co hoi nhan 100 trieu")
    r"|\b(?:nop|dong|chuyen|ck|(?<!mo )(?<!duoi )(?<!bat )nap(?!\s+(?:chai|lon|hop|trung|keo"
    r"|bia|can)\b)(?:\s+them)?)\s+(?:\S+\s+){0,6}?"
    r"(?:\d+(?:[.,]\d+)*\s*(?:tr|trieu|k|usd|usdt|%)|\d+%)")
#: ...asked of the reader, not deducted by a lender or an insurer ("phi ... da duoc tru").
_FEE_ASKED_RE = re.compile(r"(?<!da )\b(?:nop|dong|chuyen|ck|nap|thanh\s+toan|mua|can|phai"
                           r"|vui\s+long|truoc|ban\s+dau)\b")
_DEDUCTED_RE = re.compile(r"\b(?:da\s+(?:duoc\s+)?(?:tru|khau\s+tru|thanh\s+toan|nop|dong)"
                          r"|khau\s+tru|tru\s+(?:vao|truc\s+tiep|tu))\b")
#: An advert's prize game played by text messages ("(QC) ... soan DK gui 1593").
_SMS_GAME_RE = re.compile(r"\b(?:soan|qc)\b")
_WINDFALL_PAIRS = frozenset({"thua ke", "thua huong", "di chuc", "de lai", "giai ngan",
                             "truy vet", "thu hoi", "lay lai", "buu kien", "kien hang",
                             "buu pham", "thung hang", "cat xe",
                             "rut duoc", "rut toan", "rut het", "lai gap", "ten nhan",
                             "chia doi", "trung thuong", "trung giai", "nhan giai",
                             "giai thuong", "phan thuong", "may man"})


def _windfall_fee(folded: str) -> str | None:
    """Something coming to the reader and a fee or tax with its sum asked for it, or
    ``None``: heirs, borrowers, victims and addressees are paid, they pay nothing first."""
    windfall = first_unnegated(_WINDFALL_RE, folded)
    if windfall is None:
        return None
    if windfall.group("prize") and _SMS_GAME_RE.search(folded) is not None:
        return None  # a carrier's prize game: the fee is the price of its messages
    fee = first_unnegated(_FEE_SUM_RE, folded)
    if (fee is None or _FEE_ASKED_RE.search(folded) is None
            or _DEDUCTED_RE.search(folded) is not None or _STATE_FEE_RE.search(folded) is not None):
        return None
    return f"{windfall.group(0)} ... {fee.group(0)}"


def _fee_first(folded: str, loan: bool) -> str | None:
    """Money to be received (a loan offered counts: ``loan``) and a fee to pay before it,
    or ``None``. ("phi ho so chuyen truoc 500k": no lender takes its fee before lending.)"""
    receive = _RECEIVE_RE.search(folded)
    if receive is None and not loan:
        return None
    for m in _FEE_FIRST_RE.finditer(folded):
        if (m.group(0).endswith("nhan") and _RECEIVED_THING_RE.match(folded, m.end()) is None
                and _WORD_NEXT_RE.match(folded, m.end()) is not None):
            continue  # "nop le phi 30k de nhan bang tot nghiep": a paper, no payout
        if not negated(folded, m.start()):
            return f"{'a loan' if receive is None else receive.group(0)} ... {m.group(0)}"
    return None


def _safe_account(folded: str) -> str | None:
    """The demand to move money into a "safe" or investigators' account, or ``None``."""
    m = _SAFE_ACCOUNT_RE.search(folded)
    if m is None or negated(folded, m.start()) or _TRANSFER_RE.search(folded) is None:
        return None
    return m.group(0)


def _refund_via_chat(folded: str) -> str | None:
    """The refund and the chat account or personal number it is handled through, or the
    reader's account details that "customer care" asks for it, or ``None`` (either one
    negated: "Shopee khong yeu cau ket ban Zalo")."""
    refund = next((m for m in _REFUND_RE.finditer(folded)
                   if not negated(folded, m.start()) and not _guarantee(folded, m)), None)
    if refund is None:
        return None
    chat = first_unnegated(_PRIVATE_CHAT_RE, folded)
    if chat is None and _CARE_VOICE_RE.search(folded) is not None:
        chat = first_unnegated(_ACCOUNT_ASKED_RE, folded)
    return None if chat is None else f"{refund.group(0)} ... {chat.group(0)}"


#: A money-back guarantee, not a refund due: "cam ket hoan tien neu pha", "hoan tien 100% neu
#: khong hieu qua", "refund if not satisfied".
_GUARANTEE_BEFORE_RE = re.compile(r"\b(?:cam\s+ket|dam\s+bao|bao\s+hanh|guarantee[ds]?)"
                                  r"(?:\s+\S+){0,2}?\s*$")
_GUARANTEE_AFTER_RE = re.compile(r"(?:\s+\S+){0,3}?\s+(?:neu|if)\b")


def _guarantee(folded: str, refund: re.Match[str]) -> bool:
    return (_GUARANTEE_BEFORE_RE.search(folded, max(0, refund.start() - 30), refund.start())
            is not None or _GUARANTEE_AFTER_RE.match(folded, refund.end()) is not None)


#: A shop's or a brand's "customer care" speaking...
_CARE_VOICE_RE = re.compile(r"\b(?:cskh|cham\s+soc\s+khach\s+hang|bo\s+phan\s+(?:hoan\s+tien"
                            r"|boi\s+thuong|khieu\s+nai)|customer\s+(?:service|care|support))\b")
#: ...that asks for the reader's account number to refund into: a shop refunds to the
#: card or wallet paid with, and never needs it (a friend paying back does: hence the voice).
_ACCOUNT_ASKED_RE = re.compile(
    r"\b(?:cho\s+(?:em|minh|toi|ben\s+(?:em|minh))\s+xin|cung\s+cap|gui|nhan\s+tin|ib)"
    r"(?:\s+(?:lai|giup|cho\s+(?:em|minh|toi)))?\s+(?:so\s+tai\s+khoan|stk|tk|thong\s+tin\s+tai\s+khoan"
    r"|tai\s+khoan\s+ngan\s+hang)\b")


#: A sum "needed" in advance ("can tam ung 15 trieu de phau thuat"): a hospital's cashier
#: asks that too, so it counts only with a mobile number or an account to pay instead.
_NEED_ADVANCE_RE = re.compile(
    r"\bcan\s+(?:gap\s+)?(?:tam\s+ung|ung|dong|nop|chuyen)\s+(?:gap\s+|ngay\s+)?\d+(?:[.,]\d+)?"
    r"\s*(?:k|tr|trieu)\b")


#: A demand to keep it from the family (:data:`SECRECY`); ``schemes`` reads it too.
SECRECY_RE = re.compile(SECRECY)


def _emergency(folded: str, private_way: bool = False, money: bool = False) -> str | None:
    """A third party's emergency, or a relative's "new number", with money to send at
    once, or ``None``. ``private_way``: the message gives a mobile number or an account;
    ``money``: it names a sum.
    A relative's own emergency counts when it is to be kept from the family ("chau bi tai
    nan, ho doi boi thuong 10tr moi cho chau ve. Dung noi voi bo me chau nha")."""
    if _TRANSFER_RE.search(folded) is None and (
            not private_way or _NEED_ADVANCE_RE.search(folded) is None):
        m = _EMERGENCY_RE.search(folded)
        if m is None:
            return None
        hush = SECRECY_RE.search(folded) if money else None
        if hush is None:
            return None
        return f"{m.group(0)} ... {hush.group(0)}"
    new = _NEW_NUMBER_RE.search(folded)
    if new is not None and not negated(folded, new.start()):
        return new.group(0)
    m = _EMERGENCY_RE.search(folded)
    if m is None:
        return None
    third = _THIRD_PARTY_RE.search(folded)
    return None if third is None else f"{m.group(0)} ... {third.group(0)}"


#: Word pairs (the ``bigrams`` of ``features.content_features``) and words one of which
#: each check needs: one intersection with a message's bigrams tells which checks can
#: match at all, so most messages pay for no regular expression.
_DIGIT_PAIRS = frozenset(f"{w} §d{n}" for w in ("ma", "nhan", "gom") for n in (1, 2))
_CODE_PAIRS = frozenset({"ma otp", "ma xac", "ma kich", "ma bao", "ma dang", "ma giao",
                         "ma gom", "ma vua", "ma so", "ma nhan", "ma gui", "§d1 so",
                         "§d1 chu", "doc ma"}) | _DIGIT_PAIRS
_CODE_WORDS = frozenset({"otp", "code"})
_PURPOSE_PAIRS = frozenset({
    "mo khoa", "go khoa", "giai toa", "mo bang", "khoi phuc", "xac minh", "xac thuc", "hoat lai",
    "nhan thuong", "nhan qua", "nhan giai", "nhan tien", "nhan lai", "nhan khoan",
    "nhan hoa", "nhan hang", "nhan kien", "hoan tien", "giai ngan", "rut tien", "rut von",
    "rut loi", "rut hoa", "duoc rut", "thong quan", "chay don", "thanh don", "thanh nhiem",
    "nhan duoc", "giai phong", "rut duoc", "go phat", "go han", "muon rut", "rut ve",
    "hoan coc", "linh thuong", "linh giai", "hoat lenh", "rut het", "rut toan", "hoan tat"})
#: Paying: these pairs, "nop"/"nap", or "chuyen" before an amount (a digit shape).
_PAY_PAIRS = frozenset({"chuyen khoan", "chuyen tien", "dong phi", "toan phi", "dat coc",
                        "chuyen coc", "ky quy", "chuyen phi", "long chuyen", "dong thue",
                        "dong tien", "phi nang", "phi kich", "mua goi", "mua bao", "phi xac",
                        "phi linh", "phi mo", "hoat lenh", "lam them", "ck them"}) | frozenset(
    f"{verb} §d{n}" for verb in ("chuyen", "ck") for n in range(1, 13))
_PAY_WORDS = frozenset({"nop", "nap"})
_SAFE_PAIRS = frozenset({"tam giu", "an toan", "phong toa", "niem phong", "chuyen dung",
                         "bao lanh", "giam dinh",
                         "dieu tra", "cong an", "kiem sat", "toa an", "trong sach", "vo toi",
                         "nguon tien", "nguon goc"})
_EMERGENCY_PAIRS = frozenset({"bi hack", "tai nan", "cap cuu", "nhap vien", "phau thuat", "mo gap",
                              "bi bat", "tam giu", "nguy kich", "so moi", "vien phi",
                              "chuyen vien", "chan thuong", "dam xe", "tong xe", "va cham",
                              "bi nga", "cau thang", "gay tay", "gay chan", "hon me",
                              "thuong nang", "zalo moi", "an giu", "sat giu", "an bat",
                              "sat bat", "new number", "o vien", "nam vien", "mat dien",
                              "hong dien", "thoai hong", "muon may", "nay moi",
                              "doi zalo", "lost my", "broke my", "nguoi than", "mat vi",
                              "moc tui", "bi trom", "bi cuop", "giut tui", "ngo doc",
                              "dua di", "dua vao", "doi so", "giu hanh", "quen vi",
                              "thieu tien", "mang vi", "doi sim", "thay sim",
                              "so cu", "hanh ly", "boi thuong"})
_ALL_PAIRS = (_CODE_PAIRS | _SECRET_PAIRS | _REMOTE_PAIRS | _PURPOSE_PAIRS | _PAY_PAIRS
              | _SAFE_PAIRS
              | _EMERGENCY_PAIRS | _REFUND_PAIRS | _FEE_FIRST_PAIRS | _GRANT_PAIRS
              | _RELEASE_PAIRS | _WINDFALL_PAIRS | _REDELIVERY_PAIRS | frozenset({"ket ban"}))


def request_findings(folded: str, tokens: list[str], bigrams: list[str],
                     out: MessageFeatures) -> None:
    """``CODE_HANDOVER_REQUEST``, ``PAY_TO_UNLOCK`` and ``EMERGENCY_MONEY_REQUEST`` of the
    folded text, its ``tokens`` and their ``bigrams`` (after the phrase findings, which
    tell whether the message is an advisory)."""
    pairs = _ALL_PAIRS.intersection(bigrams)
    code_word = not _CODE_WORDS.isdisjoint(tokens)
    remote = not _REMOTE_WORDS.isdisjoint(tokens) or not _REMOTE_PAIRS.isdisjoint(pairs)
    secret_word = not _SECRET_WORDS.isdisjoint(tokens) or not _SECRET_PAIRS.isdisjoint(pairs)
    if (not pairs and not code_word and not remote and not secret_word
            and _EN_FEE_WORDS.isdisjoint(tokens) and "refund" not in tokens):
        return
    quoted = advisory(out)
    if remote:
        app = _remote_access(folded)
        if app is not None:
            out.add(Finding("REMOTE_ACCESS_REQUEST", "scam", f'{_REMOTE_DETAIL}: "{app}"',
                            learned=False, weight=0.0 if quoted else REMOTE_ACCESS_PRIOR))
    # a message that carries the code itself is the service that sent it, saying how it
    # is used ("cung cap ma nay cho giao dich vien"): a fraudster never has the code
    # (unless it tells the reader to read it out to the "staff" who will call: "Ma OTP cua
    # ban la 739104. Nhan vien ngan hang se goi ..., vui long doc ma nay cho nhan vien")
    # (a code message's own warning "khong gui ma OTP nay cho nhan vien" is no request)
    staff = (first_unnegated(_READ_TO_STAFF_RE, folded)
             if code_word or "OTP_CODE" in out.findings or (
                 "doc ma" in pairs and _DICTATED_RE.search(folded) is not None) else None)
    if (code_word or not _CODE_PAIRS.isdisjoint(pairs)) and (
            "OTP_CODE" not in out.findings or staff is not None):
        asked = _handover(folded) or (None if staff is None else staff.group(0))
        if asked is None and ("URL_PRESENT" in out.findings
                              or _SENT_FORM_RE.search(folded) is not None):
            asked = _on_form(folded)
        if asked is not None:
            misdial = _MISDIAL_RE.search(folded)
            detail = f'{_HANDOVER_DETAIL}: "{asked}"'
            if misdial is not None:
                detail += f' ("{misdial.group(0)}")'
            out.add(Finding("CODE_HANDOVER_REQUEST", "scam", detail, learned=False,
                            weight=0.0 if quoted else CODE_HANDOVER_PRIOR))
    if (secret_word and "CODE_HANDOVER_REQUEST" not in out.findings
            and "OTP_CODE" not in out.findings):
        secret = _secret(folded)
        if secret is not None:
            out.add(Finding("CREDENTIAL_HANDOVER_REQUEST", "scam", f'{_SECRET_DETAIL}: "{secret}"',
                            learned=False, weight=0.0 if quoted else CODE_HANDOVER_PRIOR))
    paid = None
    if not _PURPOSE_PAIRS.isdisjoint(pairs) and (
            not _PAY_PAIRS.isdisjoint(pairs) or not _PAY_WORDS.isdisjoint(tokens)):
        paid = _pay_to_unlock(folded)
    if paid is None and not _SAFE_PAIRS.isdisjoint(pairs):
        paid = _safe_account(folded)
    if paid is None and not _FEE_FIRST_PAIRS.isdisjoint(pairs):
        paid = _fee_first(folded, "LOAN_OFFER" in out.findings)
    if paid is None and not _GRANT_PAIRS.isdisjoint(pairs):
        paid = _granted_fee(folded)
    if paid is None and not _WINDFALL_PAIRS.isdisjoint(pairs):
        paid = _windfall_fee(folded)
    if paid is None and not _EN_FEE_WORDS.isdisjoint(tokens):
        paid = _en_advance_fee(folded)
    if paid is None and not _REDELIVERY_PAIRS.isdisjoint(pairs):
        paid = _redelivery_fee(folded)
    if paid is None and not _RELEASE_PAIRS.isdisjoint(bigrams):
        m = _RELEASE_FEE_RE.search(folded)
        paid = None if m is None else m.group(0)
    if paid is not None:
        out.add(Finding("PAY_TO_UNLOCK", "scam", f'{_PAY_DETAIL}: "{paid}"',
                        learned=False, weight=0.0 if quoted else PAY_TO_UNLOCK_PRIOR))
    # (Messenger and WhatsApp are named in a brand's own voice: "contact our agent on
    # WhatsApp", "lien he tong dai vien qua Messenger")
    if ((not _REFUND_PAIRS.isdisjoint(bigrams) or "refund" in tokens)
            # "ket ban Zalo bo phan boi thuong": a person's account, not a brand's OA
            and (("CHAT_APP_CONTACT" in out.findings and "ket ban" in pairs)
                 or "URL_PLATFORM_PAGE" in out.findings
                 or not _CHAT_APP_WORDS.isdisjoint(tokens)
                 or "PHONE_MOBILE" in out.findings or "PHONE_FOREIGN" in out.findings
                 # "quet ma QR em gui qua Zalo de he thong hoan tien": scanning it pays
                 or ("CHAT_APP_CONTACT" in out.findings and "qr" in tokens)
                 or _CARE_VOICE_RE.search(folded) is not None)):
        refund = _refund_via_chat(folded)
        if refund is not None:
            out.add(Finding("REFUND_VIA_PRIVATE_CHAT", "scam", f'{_REFUND_DETAIL}: "{refund}"',
                            learned=False, weight=0.0 if quoted else REFUND_CHAT_PRIOR))
    if not _EMERGENCY_PAIRS.isdisjoint(pairs):  # "mat dien", "hong dien": a phone lost
        urgent = _emergency(folded, "PHONE_MOBILE" in out.findings
                            or "BANK_ACCOUNT" in out.findings, "MONEY" in out.findings)
        if urgent is not None:
            out.add(Finding("EMERGENCY_MONEY_REQUEST", "scam",
                            f'{_EMERGENCY_DETAIL}: "{urgent}"', learned=False,
                            weight=0.0 if quoted else EMERGENCY_PRIOR))


#: ``(name, meaning)`` of every finding of this module, for the symbol catalogue.
#: A biller's or a lender's own reminder that names its official channels and warns against
#: paying a person ("Thanh toan qua cac kenh chinh thuc ... Khong thanh toan vao tai khoan
#: ca nhan"): the opposite of what a fraud asks. Its debt words ("khong thanh toan") read as
#: a collector's threat to the model.
_OFFICIAL_ONLY_RE = re.compile(
    r"\b(?:khong|ko|tuyet\s+doi\s+khong|khong\s+duoc)\s+(?:thanh\s+toan|chuyen(?:\s+khoan|\s+tien)?"
    r"|nop(?:\s+tien)?|dong(?:\s+tien)?)\s+(?:\S+\s+){0,2}?(?:vao|qua|cho)\s+(?:so\s+)?"
    r"(?:tai\s+khoan|tk|stk)\s+(?:ca\s+nhan|cua\s+(?:ca\s+nhan|nhan\s+vien|giao\s+vien|bat\s+ky))\b"
    r"|\b(?:chi\s+)?(?:thanh\s+toan|nop\s+tien|dong\s+tien)\s+(?:qua|tai|tren)\s+(?:cac\s+)?kenh"
    r"\s+(?:thanh\s+toan\s+)?chinh\s+thuc\b")
#: A private way to pay or reach someone, or a link that hides or fakes its site.
PRIVATE_WAYS = ("PHONE_MOBILE", "PHONE_FOREIGN", "BANK_ACCOUNT", "CHAT_APP_CONTACT",
                "URL_SHORTENER", "URL_PHISHING_HOST")
_OWN_LINKS = ("URL_OFFICIAL_DOMAIN", "URL_BENIGN_HOST")


def known_site(out: MessageFeatures) -> bool:
    """The link is an official or a known-benign host, and no finding leans to scam with
    a weight (learned or fixed): what a name the sender signs with needs before its link
    counts as the sender's own site."""
    findings = out.findings
    if "URL_OFFICIAL_DOMAIN" not in findings and "URL_BENIGN_HOST" not in findings:
        return False
    return not any(f.leans == "scam" and f.weight > 0 for f in findings.values())


def nothing_of_a_fraud(out: MessageFeatures) -> bool:
    """No private way to pay or reach anyone (the reader's own number is none), no link
    but to a brand's own or an ordinary site, and no finding with a fixed prior towards
    scam: what an honest notice or a genuine lucky draw gives, and a fraud never does."""
    findings = out.findings
    private = [w for w in PRIVATE_WAYS if w in findings]
    # the reader's own number ("ma du thuong chinh la so dien thoai 09... cua ban") is no
    # one to reach
    if private and (private != ["PHONE_MOBILE"] or not own_number_only(out.text)):
        return False
    if "URL_PRESENT" in findings and not any(w in findings for w in _OWN_LINKS):
        return False
    return not any(f.leans == "scam" and not f.learned and f.weight > 0
                   for f in findings.values())


#: Log-odds taken off scam: a lender's reminder of its debt scored P(scam) 0.81 at 4.
OFFICIAL_ONLY_WEIGHT = 7.0


def official_channel_findings(folded: str, out: MessageFeatures) -> None:
    """``OFFICIAL_CHANNELS_ONLY`` (leans to ham, fixed weight) of the folded text: after
    every fixed-prior scam finding (any of them rules it out)."""
    if "chinh thuc" not in folded and "ca nhan" not in folded:
        return
    m = _OFFICIAL_ONLY_RE.search(folded)
    if m is None or not nothing_of_a_fraud(out):
        return
    out.add(Finding("OFFICIAL_CHANNELS_ONLY", "ham",
                    f'pays through official channels only: "{m.group(0)}"', learned=False,
                    weight=OFFICIAL_ONLY_WEIGHT))


#: Log-odds taken off scam for a message that links the site of the brand it is signed
#: with and gives no other way to pay or reach anyone ("VNVC: ... Dat hen tai vnvc.vn").
OWN_SITE_WEIGHT = 3.0


def own_site_findings(folded: str, entities: Sequence[Entity], out: MessageFeatures) -> None:
    """``LINKS_OWN_SITE`` (leans to ham, fixed weight): the message is signed with a name
    ("VNVC: ...") and its link is that name's domain, with nothing of a fraud besides.
    After the combinations (any finding leaning to scam with a weight rules it out)."""
    findings = out.findings
    if "URL_PRESENT" not in findings or "PRIZE_NO_FEE" in findings:
        return  # (a draw on its brand's site has its own lean)
    site = signed_brand_site(folded, entities) if known_site(out) else None
    if site is None or not nothing_of_a_fraud(out):
        return
    if any(e.kind == "url" and e.attrs.get("registrable_domain") != site for e in entities):
        return  # another link besides
    out.add(Finding("LINKS_OWN_SITE", "ham", f"signed with its own name and linking {site}",
                    learned=False, weight=OWN_SITE_WEIGHT))


#: A refund made, or on its way, to where the buyer paid from: "Ban da nhan duoc hoan tien
#: 320.000d vao ShopeePay", "Tien hoan 259.000d se ve vi Lazada trong 1-3 ngay"; or money
#: that came by mistake, sent back by the writer ("de em chuyen tra lai chi"). It asks
#: nothing; the refund fraud asks for a code, an app, a chat or a link.
_REFUND_SETTLED_RE = re.compile(
    r"\b(?:(?:da|se)\s+(?:duoc\s+|nhan\s+duoc\s+)?hoan(?:\s+(?:tien|tra|lai))?|tien\s+hoan"
    r"|khoan\s+hoan(?:\s+tien)?|so\s+tien\s+hoan|hoan\s+tien\s+thanh\s+cong)\b"
    r"(?:\s+\S+){0,8}?\s+(?:vao|ve)\s+(?:vi|tai\s+khoan|tk|the|shopeepay|momo|zalopay"
    r"|viettel\s+money|vnpay|phuong\s+thuc\s+thanh\s+toan|nguon\s+tien)\b"
    # the writer sends back what came by mistake: "de em chuyen tra lai chi luon nhe"
    r"|\b(?:de|roi|thi)\s+(?:em|minh|toi|to|tui|anh|chi)\s+(?:se\s+)?(?:chuyen\s+|ck\s+|gui\s+)?"
    r"(?:tra\s+lai|hoan\s+lai|gui\s+lai)\b")
#: Log-odds taken off scam (the data's refund messages are mostly frauds: a genuine
#: ShopeePay refund scored P(scam) 0.59).
REFUND_SETTLED_WEIGHT = 3.0


def refund_settled_findings(folded: str, out: MessageFeatures) -> None:
    """``REFUND_SETTLED`` (leans to ham, fixed weight): a refund made or coming back by
    itself, with nothing of a fraud besides and no link. After the combinations."""
    if "hoan" not in folded and " lai" not in folded:
        return
    findings = out.findings
    if "URL_PRESENT" in findings or "APP_INSTALL_REQUEST" in findings:
        return
    m = first_unnegated(_REFUND_SETTLED_RE, folded)
    if m is None or not nothing_of_a_fraud(out):
        return
    out.add(Finding("REFUND_SETTLED", "ham", f'a refund that comes back by itself: "{m.group(0)}"',
                    learned=False, weight=REFUND_SETTLED_WEIGHT))


#: The finding of this module that leans to ham, for the symbol catalogue.
HAM_SYMBOLS: tuple[tuple[str, str], ...] = (
    ("OFFICIAL_CHANNELS_ONLY", "a biller's or a lender's reminder that names its official "
                               "channels or warns against paying a personal account, and "
                               "gives no account, mobile or stranger's link of its own"),
    ("LINKS_OWN_SITE", "signed with a name ('VNVC: ...') and linking that name's own domain "
                       "(vnvc.vn), with no account, mobile or other link"),
    ("REFUND_SETTLED", "a refund made or on its way back to where you paid from, or money "
                       "sent by mistake that the writer sends back, asking nothing (no code, "
                       "app, chat or link)"),
)


SYMBOLS: tuple[tuple[str, str], ...] = (
    ("CODE_HANDOVER_REQUEST",
     "asks you to read out, send or give a code (OTP) sent to your phone: no bank, "
     "courier or friend does; account takeover"),
    ("CREDENTIAL_HANDOVER_REQUEST",
     "asks you to send a password, a PIN or card details (number, CVV): nobody who runs an "
     "account asks for them"),
    ("PAY_TO_UNLOCK",
     "asks you to transfer money or pay a fee to unlock an account, verify it, or collect "
     "a prize, loan or withdrawal (advance-fee fraud), or to move it into a 'safe' or "
     "investigators' account (fake police)"),
    ("REFUND_VIA_PRIVATE_CHAT",
     "a shop's or brand's refund or compensation to be handled through a personal chat "
     "account (Zalo, Telegram) or a personal or foreign number to call: shops, airlines and "
     "insurers refund in their own app or through their own hotline"),
    ("EMERGENCY_MONEY_REQUEST",
     "a relative's accident or arrest, told by a third party, or a relative's 'new "
     "number', and money to send at once"),
    ("REMOTE_ACCESS_REQUEST",
     "has you install a remote-control app (TeamViewer, AnyDesk, UltraViewer) for a bank, "
     "a card, a loan, a refund or an authority: it hands over the phone and its banking app"),
)
