"""Frauds that need no link, no threat and no code: the schemes told in plain words.

Each is a request that the institution it names, or a decent employer or lender, never
makes by message:

* ``ACCOUNT_TRADING``: buying, selling or renting bank accounts, or paying someone to
  open one in their name (the mule accounts every transfer fraud cashes out through; an
  offence under the Penal Code, art. 291).
* ``CARD_CODE_REQUEST``: buy phone or game cards and send their codes over chat (the
  hijacked-Zalo "lend me some cards" fraud: a card code is cash that cannot be called back).
* ``JOB_FEE_REQUEST``: a job, at home or abroad, that wants a deposit or a fee first.
* ``LOAN_SHARK_TERMS``: a loan on an ID photo and your contact list, without a credit
  check (the black-credit apps that then shame the borrower to their contacts).
* ``BILL_TO_PERSONAL_ACCOUNT``: a utility, a lender or an authority asking for payment
  into an account held in a person's name (they collect into their own company accounts).
* ``AUTHORITY_SUMMONS_CALL``: a court, police or prosecutor "summons" or "parcel" with a
  number to call (they serve papers in person or by post, not by SMS with a hotline).
* ``CALL_FORWARD_CODE``: a call-forwarding code with a number to forward to
  ("bam *21*0703228917#"), which hands over your calls and voice OTPs.
* ``AUTHORITY_OVER_CHAT``: police or a court that "work" with you over a video call or a
  chat app, or tell you to keep it from your family.
* ``CUSTOMS_FEE_TO_PERSON``: a parcel or a gift "held at customs" and a fee to pay to a
  person, over chat or from a "friend" abroad; or a lover's gift "sent by air" whose
  carrier will ask a fee.
* ``PROXY_MONEY_REQUEST``: "X asked me to ask you" to transfer into a person's account
  (the friend whose chat account was taken over).
* ``THIRD_PARTY_TRANSFER``: the same friend's own "I'm in a meeting / my app is locked,
  send it to this account" with a person's name on the account.
* ``CHARGE_CANCEL_CALL``: a charge or a renewal "you may not have made", and a mobile or
  foreign number to call to cancel it (banks, carriers and shops send you to their
  hotline, their site or an SMS short code, never to a personal number).
* ``CHARITY_TO_PERSON``: an appeal for a sick child or a family in hardship, to be paid
  into an account held in a person's name (funds and the Fatherland Front collect into
  their own accounts).
* ``DEPOSIT_FIRST``: a deposit by transfer before you can see what you pay for: a room
  held, tickets or a phone sent by post, a flat "the owner abroad" cannot show (the
  fake-seller and fake-homestay frauds the police warn of most).
* ``MISTAKEN_TRANSFER_RETURN``: money "sent to you by mistake", to be sent back into an
  account the sender names (the trap: the first transfer was a loan in your name, or it
  never came; banks reverse a mistaken transfer themselves).
* ``RANSOM_DEMAND``: a relative "in our hands" and money to pay (the fake kidnapping).
* ``PREMIUM_CHAT_LURE``: a stranger's "call me to talk" ("goi cho em de tam su") to a
  1900 number: every minute is billed at the premium rate and shared with its owner.
* ``DAILY_PAY_JOB``: work that pays by the day, from home or a phone, with no experience
  ("thu nhap 1-3 trieu/ngay, khong can kinh nghiem, dang ky qua Telegram"): the opening
  of the task and order-boosting frauds. A labourer's "350k/ngay" names no such ease.

The datasets hold almost none of these (they fire on no ham or ad message of them), so
the model cannot learn them: like :mod:`lachan.detect.requests` they carry a fixed prior
(log-odds towards scam), none when the message warns of fraud or reads like a public
advisory. An offer or a request that a negation stands before in its sentence does not
count ("khong thu phi dat coc"); the payment, the call, the customs story and the account
holder are read without that test (a bill says "chua thanh toan" before "vui long
chuyen").
"""

from __future__ import annotations

import re
from collections.abc import Collection

from lachan.detect.features import PHONE_FINDINGS, Finding, MessageFeatures
from lachan.detect.requests import (
    LOVER,
    OTHERS_ACCOUNT,
    SECRECY_RE,
    advisory,
    first_unnegated_in_clause,
    negated,
)

#: Log-odds towards scam: enough to decide with the friendly words around them (a "friend"
#: asking for card codes, P(scam) 0.01 by the model alone), like the illicit offers. It was
#: 8 until a black-box set showed a room "held" for a deposit into a named account at
#: P(scam) 0.34 to 0.47 (an account number and a flat's ad words pull to ham and ad), and
#: 10 until a retrain raised the model's threshold and left an app "to install by the
#: guidance of a police officer on the phone" at P(scam) 0.55 (the authority's own words
#: pull to ham); none of these findings fires on a ham or ad message of the data.
SCHEME_PRIOR = 12.0
#: A friend's chat with an account number and a name pulls harder to ham (P(scam) 0.0005
#: by the model alone), as a relative's emergency does (``requests.EMERGENCY_PRIOR``); so
#: does a plea for a sick child with its mother's account (P(scam) 0.02 at prior 8). Kept
#: above :data:`SCHEME_PRIOR`.
PROXY_PRIOR = 14.0
#: An institution's bill into a staff member's account pulls as hard: the account number
#: and the utility's own words ("dien luc", "thay cong to") read as a genuine bill.
_FRIENDLY = frozenset({"PROXY_MONEY_REQUEST", "THIRD_PARTY_TRANSFER", "CHARITY_TO_PERSON",
                       "BILL_TO_PERSONAL_ACCOUNT"})

_BANKS = (r"(?:ngan\s+hang|nh|atm|vietcombank|vcb|techcombank|tcb|vietinbank|bidv|agribank"
          r"|mb\s*bank|mbbank|mb|acb|tpbank|vpbank|sacombank|shb|ocb|hdbank|vib|msb|scb"
          r"|seabank|eximbank|lpbank|momo|zalopay|chinh\s+chu)")
_ACCOUNT = r"(?:tai\s+khoan|tk|stk|the\s+atm|the\s+ngan\s+hang|account)"
_ACCOUNT_TRADING_RE = re.compile(
    # "thu mua tai khoan ngan hang", "can thue tk vietcombank chinh chu", "ban the atm"
    rf"\b(?:thu\s+mua|mua|ban|thue|cho\s+thue|can\s+thue|can\s+mua|nhan\s+mua|gom|mua\s+ban)"
    rf"\s+(?:lai\s+|gap\s+|gia\s+cao\s+|nhieu\s+|cac\s+)?(?:so\s+)?{_ACCOUNT}\s+(?:\S+\s+){{0,2}}?"
    rf"{_BANKS}\b"
    # "e co tk ngan hang nao ko xai ko, cho a thue 2tr/thang"
    rf"|\b{_ACCOUNT}\s+(?:ngan\s+hang\s+)?(?:\S+\s+){{0,6}}?cho\s+(?:\S+\s+)?thue\s+\d"
    # "can nguoi dung ten mo tai khoan", "mo ho tai khoan ngan hang, tra 500k"
    rf"|\b(?:dung\s+ten|mo\s+(?:ho|giup|thue)|lam\s+ho)\s+(?:\S+\s+){{0,3}}?{_ACCOUNT}\b"
    rf"|\bmo\s+{_ACCOUNT}\s+(?:\S+\s+){{0,2}}?(?:ho|giup|thue)\b"
    # "thu mua sim chinh chu, tai khoan ngan hang...": a buyer of accounts or SIMs
    rf"|\bthu\s+mua\s+(?:\S+\s+){{0,5}}?(?:{_ACCOUNT}|sim)\b"
    r"|\b(?:buy|rent)(?:ing)?\s+(?:your\s+)?bank\s+accounts?\b"
    # a money mule asked for: "cho t muon tai khoan m nhan giup 20 trieu roi ck lai"
    rf"|\b(?:muon|thue)\s+(?:tam\s+)?{_ACCOUNT}\s+(?:ngan\s+hang\s+)?(?:\S+\s+){{0,2}}?"
    r"(?:nhan\s+(?:giup|ho|dum|tien)|de\s+nhan)\b")
_ACCOUNT_TRADING_PAIRS = frozenset({
    "thu mua", "mua tai", "mua tk", "mua the", "ban tai", "ban tk", "ban the", "thue tai",
    "thue tk", "thue the", "dung ten", "mo ho", "mo giup", "mo thue", "lam ho", "gom tai",
    "mua lai", "ban lai", "thue lai", "bank account", "bank accounts", "muon tai", "muon tk",
    "muon stk", "muon tam", "thue so", "mua so", "a thue", "anh thue", "minh thue",
    "toi thue", "em thue"})

#: Cards whose codes are cash: phone top-up and game cards.
_CARD = (r"(?:the\s+(?:cao|dien\s+thoai|viettel|vina(?:phone)?|mobi(?:fone)?|vietnamobile"
         r"|garena|zing|gate|vcoin|game|steam|google\s+play|itunes|apple|appstore|nap)"
         r"|card\s+(?:viettel|vina|mobi|garena|zing|game|dien\s+thoai)|gift\s*cards?)")
_CARD_CODE_RE = re.compile(
    # buy cards ... then send, photograph or read their codes
    rf"\b(?:mua|nap|cao|buy)\s+(?:giup|ho|dum|gium)?\s*(?:\S+\s+){{0,4}}?{_CARD}\b"
    r"(?:\s+\S+){0,14}?\s+(?:chup|gui|doc|nhan|ib|inbox|send)\s+(?:\S+\s+){0,3}?"
    r"(?:ma|seri|so\s+seri|mat\s+sau|codes?|the)\b"
    # or asked for the codes of cards straight away
    rf"|\b(?:chup|gui|doc|send)\s+(?:giup\s+|lai\s+|cho\s+\S+\s+)?(?:ma|seri|mat\s+sau)"
    rf"\s+(?:cua\s+)?(?:cac\s+|may\s+|cai\s+)?{_CARD}\b")
_CARD_PAIRS = frozenset({"the cao", "the dien", "the viettel", "the vina", "the vinaphone",
                         "the mobi", "the mobifone", "the vietnamobile", "the garena",
                         "the zing", "the gate", "the vcoin", "the game", "the steam",
                         "the google", "the itunes", "the apple", "the appstore", "the nap",
                         "card viettel", "card vina", "card mobi", "card garena", "card zing",
                         "card game", "card dien", "gift card", "gift cards", "buy gift"})

#: Recruitment, and the money asked before the work.
_JOB_RE = re.compile(
    r"\b(?:tuyen\s+(?:dung|gap|lao\s+dong|nhan\s+vien|cong\s+nhan|\d+)|viec\s+lam"
    r"|xuat\s+khau\s+lao\s+dong|xkld|di\s+(?:lam\s+)?(?:o\s+)?(?:nhat(?:\s+ban)?|han\s+quoc"
    r"|dai\s+loan|duc|uc|chau\s+au|nuoc\s+ngoai|canada|ba\s+lan|rumani|singapore)"
    r"|lao\s+dong\s+(?:nhat|han|dai\s+loan|nuoc\s+ngoai)|nhan\s+viec|ung\s+vien"
    r"|phong\s+van|cong\s+viec|job|hiring|vacanc(?:y|ies)"
    # "trung tuyen vi tri nhan vien kho" (not a school's "trung tuyen": it bills tuition)
    r"|trung\s+tuyen\s+(?:vi\s+tri|cong\s+viec|vao\s+lam)|vi\s+tri\s+(?:nhan\s+vien|cong\s+nhan)"
    r"|duoc\s+nhan\s+vao\s+(?:vi\s+tri|lam)|the\s+nhan\s+vien|phu\s+hop\s+(?:voi\s+)?vi\s+tri"
    r"|tuyen\s+nguoi|ung\s+tuyen"
    # labour export: "dau don", "don Nhat", "ho so Dai Loan"
    r"|dau\s+don|don\s+(?:xkld|nhat|dai\s+loan|han\s+quoc)|ho\s+so\s+(?:di\s+)?(?:nhat|dai\s+loan"
    r"|han\s+quoc|duc|canada|ba\s+lan)"
    r"|tuyen\s+(?:\S+\s+){0,2}?(?:nguoi\s+mau|ctv|cong\s+tac\s+vien|nhan\s+su|tho|ky\s+su|ke\s+toan"
    r"|ktv|ky\s+thuat\s+vien|phuc\s+vu|tap\s+vu|bao\s+ve|tai\s+xe"
    r"|sinh\s+vien))\b")
_JOB_FEE_RE = re.compile(
    r"\b(?:dat\s+coc|coc\s+truoc|chuyen\s+coc|tien\s+coc|coc\s+(?:nguyen|vat)\s+lieu"
    r"|tien\s+(?:dong\s+phuc|the\s+nhan\s+vien|ho\s+so|dao\s+tao)"
    r"|phi\s+(?:ho\s+so|dao\s+tao|dong\s+phuc"
    r"|giu\s+cho|xuat\s+canh|visa|dang\s+ky|nhan\s+viec|bao\s+lanh|dat\s+cho)"
    r"|(?:nop|dong|chuyen(?:\s+khoan)?|ck)\s+(?:\S+\s+){0,3}?(?:truoc|phi|le\s+phi)|ky\s+quy"
    r"|nap\s+\d+\s*(?:k|tr|trieu)\s+(?:de\s+)?kich\s+hoat"
    # a visa "held", a file's deposit, a fee into a personal account, a first instalment
    r"|tien\s+(?:giu\s+)?(?:visa|suat)|coc\s+(?:ho\s+so|giu\s+(?:suat|cho))|giu\s+suat"
    r"|qua\s+(?:so\s+)?(?:tk|tai\s+khoan|stk)\s+ca\s+nhan"
    r"|nop\s+\d+(?:[.,]\d+)?\s*(?:tr|trieu|k)\s+dot\s+\d"
    r"|(?:deposit|registration\s+fee|training\s+fee)\b)")
_JOB_PAIRS = frozenset({"tuyen dung", "tuyen gap", "tuyen lao", "tuyen nhan", "tuyen cong",
                        "viec lam", "khau lao", "di nhat", "di han", "di dai", "di duc",
                        "di uc", "di chau", "di nuoc", "lam o", "lao dong", "nhan viec",
                        "ung vien", "phong van", "cong viec", "trung tuyen",
                        "vi tri", "tuyen nguoi", "tuyen ctv", "tuyen tho", "tuyen ky",
                        "tuyen ke", "nhan vao", "hop vi", "ung tuyen", "dau don", "don nhat",
                        "don dai", "don xkld", "so nhat", "so dai", "so di", "tuyen ktv",
                        "tuyen phuc", "tuyen tap", "tuyen bao", "tuyen tai"}) | frozenset(
    f"tuyen §d{n}" for n in range(1, 5))
_FEE_PAIRS = frozenset({"dat coc", "coc truoc", "chuyen coc", "tien coc", "phi ho",
                        "phi dao", "phi dong", "phi giu", "phi xuat", "phi visa", "phi dang",
                        "phi nhan", "phi bao", "phi dat", "nop truoc", "dong truoc",
                        "chuyen truoc", "nop phi", "dong phi", "chuyen phi", "nop tien",
                        "tien giu", "giu suat", "coc ho", "khoan ca", "tk ca",
                        "dong tien", "chuyen tien", "nop le", "dong le", "ky quy",
                        "coc nguyen", "coc vat", "kich hoat", "tien dong", "coc giu"})

#: The terms of a black-credit lender.
_LOAN_RE = re.compile(r"\b(?:vay|cho\s+vay|giai\s+ngan|khoan\s+vay|loan)\b")
_LOAN_SHARK_RE = re.compile(
    # (not "khong chung minh thu nhap": licensed lenders advertise that too)
    r"\b(?:vay\s+nong|boc\s+ho|bat\s+ho|vay\s+gop\s+ngay|gop\s+theo\s+ngay|danh\s+ba"
    r"|(?:khong|ko|k)\s+(?:can\s+)?(?:tham\s+dinh|gap\s+mat|xet\s+no\s+xau|check\s+cic)"
    r"|no\s+xau\s+(?:van|cung)\s+(?:vay|duoc)|bao\s+no\s+xau)\b")
_LOAN_SHARK_PAIRS = frozenset({"vay nong", "boc ho", "bat ho", "gop ngay", "theo ngay",
                               "danh ba", "tham dinh", "gap mat", "no xau", "check cic"})

#: EVN and its companies ("evnhcmc", "evnspc"), which bill in their own name.
_EVN_RE = re.compile(r"\bevn\w*")
#: Vietnamese surnames that are no ordinary word, and those that need a middle name after
#: them to be read as one ("le" is also a holiday, "do" a "that").
_SURNAME = (r"(?:nguyen|tran|pham|hoang|huynh|phan|vu|vo|dang|bui|duong|ngo|dinh|dao|doan"
            r"|trinh|truong|luong|quach|trieu|vuong)")
_SHORT_SURNAME = (r"(?:le|do|ho|ly|mai|cao|ha|lam|ta|lu|to|tang"
                  # Luu, Lai, Dam, Kieu, Khuc, Thai, Mac, and Lo (a Thai people's name); not
                  # Tong ("TONG CONG TY", "tong cong": in all)
                  r"|luu|lai|dam|kieu|khuc|thai|mac|lo)")
_MIDDLE = (r"(?:van|thi|huu|duc|minh|ngoc|thanh|quoc|xuan|kim|hong|dinh|cong|quang|anh|thu"
           r"|thuy|bao|gia|phuong|hai|trung|tien|manh|viet|nhat|tuan)")
#: (Not a school: "Truong TH Kim Dong" is Truong Tieu hoc, though Truong is a surname too;
#: in a shouted message teencode reads "TH" as "thoi".)
_SCHOOL_AHEAD = r"(?!truong\s+(?:th|thoi|thcs|thpt|dh|cd|mn|mam|tieu|trung|dai|cao|quoc|pho)\b)"
#: (A name's words are no preposition: "do bao lu qua tai khoan" is "due to the floods,
#: through the account", not "Do Bao Lu".)
_NAME_WORD = r"(?:\s+(?!(?:qua|vao|cho|tai|den|toi|va|de|la|o|cua|tu)\b)[a-z]+)"
_PERSON = (rf"(?:{_SCHOOL_AHEAD}{_SURNAME}{_NAME_WORD}{{1,3}}"
           rf"|{_SHORT_SURNAME}\s+{_MIDDLE}{_NAME_WORD}{{0,2}})")
#: A person named as the holder: after "chu tai khoan", "ten", "thu huong" ...
_HOLDER_MARK_RE = re.compile(
    rf"\b(?:chu\s+(?:tai\s+khoan|tk)|ctk|ten\s+(?:tai\s+khoan|tk)|ten|thu\s+huong"
    rf"|nguoi\s+nhan)\s*:?\s*{_PERSON}\b")
#: ...or around an account number: "STK 1903456789 Techcombank NGUYEN THI LAN", "cho nhan
#: vien Tran Thi Lua STK 1903...". The number is found first; the name is looked for in
#: a bounded stretch after it or right before it (one pattern over the whole text
#: backtracked badly).
_ACCOUNT_NUMBER_RE = re.compile(
    r"\b(?:so\s+tai\s+khoan|stk|tai\s+khoan|tk)\b(?:\s+[^\s\d]\S*){0,7}?\s*:?\s*\d[\d .-]{5,22}"
    # or right after a bank's name ("... VPBank 218846210 LE THI THU")
    rf"|\b{_BANKS}\s*:?\s*\d[\d .-]{{5,22}}")
#: (The name may stand in brackets: "STK 0451 0009 8832 (NGUYEN VAN KHOA)". Not a name in
#: the transfer's memo: "TK truong 0021... Vietcombank, ND: 2A2 Nguyen Bao
#: Chau" is the pupil to pay for, written after "ND"/"noi dung"/"ghi chu".)
_NAME_AFTER_RE = re.compile(
    rf"\s*(?:-\s*|\(\s*)?(?:(?!nd\b|noi\s+dung|ghi\s+chu|ghi\b|cu\s+phap|memo\b|content\b)\S+\s+)"
    rf"{{0,6}}?(?P<person>{_PERSON})\b")
_NAME_BEFORE_RE = re.compile(rf"\b{_PERSON}\s*,?\s*$")
#: How far from the number a holder's name may stand.
_NAME_REACH = 80


#: ...or an account said to be a friend's or a colleague's ("vao tk cua ban chau"); not
#: "tai khoan cua ban" alone, which is "your account".
_OTHERS_ACCOUNT_RE = re.compile(
    r"\b(?:so\s+tai\s+khoan|stk|tk|tai\s+khoan)\s+(?:moi\s+)?(?:cua|ben)\s+(?:nguoi\s+quen"
    r"|dong\s+nghiep|ke\s+toan|ban\s+than|ban\s+(?:chau|em|con|minh|anh|chi|toi|tao|to|cua))\b"
    # "chuyen vao tai khoan em ho tao": a cousin's, a sister's, a son-in-law's
    r"|\b(?:so\s+tai\s+khoan|stk|tk|tai\s+khoan)\s+(?:cua\s+)?(?:em|anh|chi|chau)"
    r"\s+(?:ho|gai|trai|re|dau)\b"
    r"|\b(?:so\s+tai\s+khoan|stk|tk|tai\s+khoan)\s+ban\s+(?:chau|em|con|minh|toi|to)\b"
    # paid to someone else for the sender: "chuyen gap 30 trieu cho doi tac vao STK"
    r"|\b(?:chuyen|ck|thanh\s+toan|tra)\s+(?:\S+\s+){0,4}?cho\s+(?:doi\s+tac|nguoi\s+ban"
    r"(?:\s+hang)?|nha\s+cung\s+cap|ben\s+doi\s+tac)\b")
_OTHERS_PAIRS = frozenset({"tk ban", "khoan ban", "stk ban",
                           "tk cua", "khoan cua", "stk cua", "tk moi", "khoan moi",
                           "stk moi", "tk em", "khoan em", "stk em", "tk anh", "khoan anh",
                           "tk chi", "khoan chi", "doi tac", "nguoi ban", "cung cap",
                           "tk can", "khoan can", "stk can",
                           "tk nay", "khoan nay", "stk nay", "khoan rieng", "tk rieng",
                           "stk rieng", "tk co", "khoan co", "tk me", "khoan me", "stk me",
                           "tk bo", "khoan bo", "tk chu", "khoan chu", "stk chu",
                           "tk shop", "khoan shop", "stk shop", "tk tiem", "khoan tiem",
                           "so nay"})


#: An account holder that is a body, not a person: a committee, a fund, a school, a
#: hospital, a company, a union.
ORGANISATION_RE = re.compile(
    r"\b(?:uy\s+ban|ubnd|mttq|mat\s+tran|cong\s+ty|tnhh|benh\s+vien|chi\s+cuc"
    r"|kho\s+bac|ban\s+quan\s+ly|cong\s+doan|doan\s+thanh\s+nien|hop\s+tac\s+xa|tap\s+doan"
    r"|trung\s+tam|chi\s+nhanh|van\s+phong|phong\s+kham|nha\s+tho"
    # (Truong, Quy are also a surname and a name: only with what makes them a body)
    r"|truong\s+(?:th|thcs|thpt|dh|cd|mn|mam\s+non|tieu\s+hoc|trung\s+hoc|dai\s+hoc|cao\s+dang)"
    r"|quy\s+(?:tu\s+thien|ho\s+tro|bao\s+tro|vi\s+nguoi|khuyen\s+hoc|cuu\s+tro)"
    r"|hoi\s+(?:chu\s+thap\s+do|phu\s+nu|nong\s+dan|cuu\s+chien\s+binh|khuyen\s+hoc))\b")


def _personal_holder(folded: str) -> str | None:
    """Where the text names a person as an account's holder, or ``None``."""
    m = _HOLDER_MARK_RE.search(folded) or _OTHERS_ACCOUNT_RE.search(folded)
    if m is not None:
        return m.group(0)
    for m in _ACCOUNT_NUMBER_RE.finditer(folded):
        after = _NAME_AFTER_RE.match(folded[m.end():m.end() + _NAME_REACH])
        if after is not None:
            # (an organisation's word that starts before the name or with it; not one inside
            # it: "Lo Van Phong" folds to "van phong", an office, but "MAT TRAN TO QUOC"
            # holds the surname Tran)
            if any(o.start() <= after.start("person")
                   for o in ORGANISATION_RE.finditer(after.group(0))):
                continue  # "... Vietcombank UY BAN MTTQ VN PHUONG BEN NGHE": a body's account
            return m.group(0) + after.group(0)
        before = _NAME_BEFORE_RE.search(folded[max(0, m.start() - _NAME_REACH // 2):m.start()])
        if before is not None:
            return before.group(0) + m.group(0)
    return None


#: ...or the account said outright to be a private one ("vao stk ca nhan quan ly"), or a
#: staff member's, a doctor's or a director's ("vao TK nhan vien thu Le Van Tin").
_SAID_PERSONAL_RE = re.compile(
    r"\b(?:so\s+tai\s+khoan|stk|tai\s+khoan|tk)\s+(?:ca\s+nhan\b|(?:cua\s+)?(?:nhan\s+vien"
    r"|nv|can\s+bo|ky\s+thuat\s+vien|ktv|giam\s+doc|bac\s+si|nha\s+xe"
    r"|(?:me|bo|ba|gia\s+dinh|nguoi\s+nha)\s+(?:be|chau|em|benh\s+nhan))\b)"
    r"|\bma\s+qr\s+(?:ca\s+nhan|(?:cua\s+)?nhan\s+vien)\b"
    r"|\b(?:so\s+tai\s+khoan|stk|tai\s+khoan|tk)\s+(?:rieng|(?:cua\s+)?co)\b"
    r"(?!\s+(?:\d|the|so|du|tien|san|phi|han))")
_PAY_RE = re.compile(r"\b(?:chuyen(?:\s+khoan|\s+tien)?|thanh\s+toan|nop|dong|ck|coc"
                     r"|dat\s+coc|qua\s+(?:so\s+)?tai\s+khoan)\b")

#: A message passed on for someone else ("no nho tao nhan may chuyen 3tr vao tk ... ten
#: Tran Van Hung"): the hijacked-account friend who cannot write himself.
_PROXY_RE = re.compile(
    r"\b(?:nho|bao|dan|nhan)\s+(?:tao|toi|em|minh|anh|chi|to|tui)\s+(?:nhan|noi|nhac|bao|hoi)"
    r"(?:\s+(?:voi|lai|giup))?\s+(?:may|ban|mi|anh|chi|em|co|chu|bac|ong|ba|cau|di|me|bo)\b")

#: A parcel or gift held at customs and a fee to pay to a person, over chat or as a gift
#: from a "friend" abroad (the romance fraud's parcel; DHL's own duty notices send you to
#: its site, and have none of these).
_CUSTOMS_RE = re.compile(r"\b(?:hai\s+quan|customs|thong\s+quan|diplomat|ngoai\s+giao)\b")
_PARCEL_RE = re.compile(r"\b(?:qua|mon\s+qua|kien\s+hang|buu\s+kien|buu\s+pham|goi\s+hang"
                        r"|thung\s+hang|package|parcel|box|gifts?|vali|so\s+vang|thung\s+tien)\b")
_FEE_RE = re.compile(r"\b(?:phi|le\s+phi|thue|tien\s+phat|nop\s+phat|fee|pay|dong|nop)\b")
_GIFT_RE = re.compile(r"\b(?:em\s+yeu|anh\s+yeu|honey|dear|my\s+love|i\s+love\s+you"
                      r"|qua\s+(?:sinh\s+nhat|tang)|gifts?|diplomat)\b")
_CUSTOMS_PAIRS = frozenset({"hai quan", "thong quan", "ngoai giao", "van chuyen",
                            "hang khong", "chuyen phat"})
#: A sum in a foreign currency, as word pairs ("§d4 euro"): with "phi", what opens the check
#: of cash said to be in a parcel (:func:`_cash_parcel`).
_CASH_PAIRS = frozenset(f"§d{n} {cur}" for n in range(1, 8)
                        for cur in ("do", "usd", "euro", "eur", "bang"))
#: ...or a lover's gift "sent by air" whose carrier will ask a fee (no customs named).
_SHIPPED_RE = re.compile(r"\b(?:(?:cong\s+ty|ben|don\s+vi|hang)\s+van\s+chuyen"
                         r"|(?:duong|qua)\s+hang\s+khong|chuyen\s+phat\s+quoc\s+te)\b")
_LOVER_RE = re.compile(rf"\b{LOVER}\b")
_PRIVATE_WAYS = ("BANK_ACCOUNT", "CHAT_APP_CONTACT", "PHONE_MOBILE", "PHONE_FOREIGN")
#: ...or the fee paid to the writer ("dong phi thong quan cho chau qua STK"), or cash and
#: jewels said to be in the parcel (no customs lets a stranger's parcel of cash through
#: for a fee paid by the receiver).
_TO_WRITER_RE = re.compile(
    r"\bcho\s+(?:chau|em|e|anh|a|chi|c|toi|minh|tui)\s+(?:qua|vao|bang)\s+(?:stk|tk|so\s+tk"
    r"|so\s+tai\s+khoan|tai\s+khoan|chuyen\s+khoan)\b"
    r"|\b(?:tien\s+mat|trang\s+suc|vang\s+bac|do\s+la|usd|bang\s+anh|euro|ngoai\s+te"
    r"|kim\s+cuong)\b")


#: Police or a court that "work" with you over a video call or a chat app, or tell you to
#: keep it from your family: they summon people in writing and never ask for secrecy.
_CHAT_WORK_RE = re.compile(
    r"\b(?:bat|goi|call)\s+video\b|\bvideo\s+(?:call|zalo)\b"
    r"|\b(?:lam\s+viec|lay\s+loi\s+khai|xac\s+minh|dieu\s+tra)\s+(?:\S+\s+){0,3}?"
    r"(?:truc\s+tuyen|online|qua\s+(?:zalo|video|telegram|messenger|dien\s+thoai))\b"
    r"|\bket\s+ban\s+zalo\b"
    # "ket noi Zoom voi toi ngay", "khong duoc roi khoi phong, khong duoc cup may"
    r"|\b(?:ket\s+noi|vao|qua)\s+zoom\b|\bkhong\s+duoc\s+(?:roi\s+khoi\s+phong|cup\s+may|tat\s+may)\b"
    # a statement taken on camera, the balance declared, no other call allowed: "mo camera
    # de can bo ghi nhan loi khai", "khai bao so du hien co", "goi cho ai khac"
    r"|\b(?:mo|bat)\s+camera\b|\blen\s+man\s+hinh\b|\bkhai\s+bao\s+(?:\S+\s+){0,2}?so\s+du\b"
    r"|\bso\s+du\s+hien\s+co\b|\bgoi\s+cho\s+ai\s+khac\b")
_CHAT_WORK_PAIRS = frozenset({"bat video", "goi video", "call video", "video call",
                              "video zalo", "lam viec", "loi khai", "xac minh", "dieu tra",
                              "ket ban", "tiet lo", "bi mat", "noi zoom", "qua zoom",
                              "vao zoom", "duoc roi", "duoc cup", "duoc tat", "mo camera",
                              "bat camera", "man hinh", "so du", "ai khac", "duoc cho"})


#: A call-forwarding code with a number to forward to ("bam *21*0703228917#"): your calls,
#: and the codes that banks and Zalo send by voice call, go to the fraudster. Carriers'
#: own help writes the code with a placeholder ("**21*so dien thoai#"), never a number.
_CALL_FORWARD_RE = re.compile(r"(?:\*\*?|##?)(?:21|61|62|67|002|004)\*\+?\d[\dx .]{7,}")


#: Why the sender cannot pay or talk himself: the excuse of the hijacked chat account
#: ("dang hop khong nghe may duoc", "bi khoa app ngan hang", "doi so zalo moi").
_CANNOT_CALL = r"khong\s+(?:nghe\s+may|nghe\s+duoc|goi\s+duoc)"
_EXCUSE_RE = re.compile(
    rf"\b(?:{_CANNOT_CALL}|khong\s+(?:chuyen\s+duoc|dang\s+nhap\s+duoc)"
    r"|dang\s+(?:hop|ban\s+hop|o\s+san\s+bay|o\s+benh\s+vien|cong\s+tac|o\s+nuoc\s+ngoai)"
    r"|bi\s+khoa\s+(?:app|tai\s+khoan|tk|the)|(?:tk|tai\s+khoan|app|the|acc|nick|zalo|facebook"
    r"|dien\s+thoai|sim)\s+(?:\S+\s+){0,4}?"
    r"(?:bi\s+loi|dang\s+loi|bi\s+khoa|het\s+han\s+muc|qua\s+han\s+muc|bi\s+nuot"
    # "zalo cu con bi loi nen con lap cai moi", "dien thoai con bi roi vo man hinh"
    r"|bi\s+(?:roi\s+)?(?:vo|hong|mat))"
    r"|doi\s+so|so\s+moi|zalo\s+moi|het\s+han\s+muc"
    # "khong vao duoc app ngan hang", "bi loi ngan hang", writing from another's account or
    # phone ("nhan bang nick cua me chau", "dang dung may cua ban")
    r"|khong\s+vao\s+duoc\s+(?:app|ngan\s+hang|tai\s+khoan|tk)|bi\s+loi\s+ngan\s+hang"
    r"|nhan\s+(?:bang|qua)\s+(?:nick|acc|may|zalo|facebook|fb)\s+(?:cua\s+)?(?:\S+\s+){0,2}?"
    r"(?:me|bo|ban|nguoi|vo|chong)|(?:dung|muon)\s+(?:tam\s+)?may\s+(?:cua\s+)?(?:ban|nguoi)"
    r"|mat\s+dien\s+thoai|chup\s+(?:bill|hoa\s+don|man\s+hinh)|thieu\s+tien|can\s+gap"
    r"|gap\s+lam|doi\s+(?:so\s+)?(?:tai\s+khoan|tk|stk)|(?:tk|tai\s+khoan|stk)\s+cu"
    r"|mat\s+(?:vi|the)|roi\s+vi|dang\s+(?:bi\s+)?ket\s+(?:o|tai|trong|chut|viec)"
    # (not "khong co the": that is "cannot")
    r"|khong\s+(?:co\s+(?:app|vi|tien\s+mat)|mang\s+(?:app|the|vi|tien\s+mat)"
    r"|dung\s+duoc\s+(?:app|the|vi)))\b")
_ASK_TRANSFER_RE = re.compile(
    r"\b(?:chuyen|ck|chuyen\s+khoan|nap|gui)\s+(?:gap\s+|ngay\s+)?(?:giup|ho|dum|gium|gap"
    r"|ngay|truoc|vao|cho)\b|\bcho\s+(?:em|minh|toi|tao|anh|chi|to|chau|con)\s+muon\b"
    # "chuyen tien nha thang 6 vao STK moi"
    r"|\b(?:chuyen|ck|gui)\s+(?:\S+\s+){0,5}?(?:vao|vo|qua)\s+(?:so\s+)?(?:stk|tk|tai\s+khoan)"
    r"\s+(?:(?:moi|nay|cua|ben|chu|shop|tiem)\b|\d)"
    r"|\b(?:chuyen|ck|gui)\s+(?:\S+\s+){0,6}?(?:vao|vo|qua)\s+(?:so\s+)?(?:stk|tk|tai\s+khoan)"
    r"\s+(?:nay|ban\s+(?:con|em|chau|minh))\b"
    # "chuyen tien vao so nay giup Tuan": the number given, no account word
    r"|\b(?:chuyen|ck|gui)\s+(?:\S+\s+){0,4}?(?:vao|vo|qua)\s+so\s+nay\b")
#: (The pairs that open each excuse, or close it where its first pair is common: "mat dien
#: thoai" is looked for by "mat dien", not by "dien thoai".)
_EXCUSE_PAIRS = frozenset({"bi vo", "roi vo", "bi hong",
                           "nghe may", "nghe duoc", "goi duoc", "chuyen duoc", "nhap duoc",
                           "dang hop", "ban hop", "o san", "o benh", "cong tac", "o nuoc",
                           "khoa app", "khoa tai", "khoa tk", "khoa the", "bi loi", "han muc",
                           "doi so", "so moi", "zalo moi", "mat dien", "chup bill",
                           "chup hoa", "chup man", "thieu tien", "can gap", "gap lam",
                           "doi tai", "doi tk", "doi stk", "tk cu", "khoan cu", "stk cu",
                           "mat vi", "mat the", "roi vi", "dang ket", "bi ket",
                           "co app", "co vi", "mang app", "mang the", "mang vi",
                           "duoc app", "duoc the", "duoc vi", "tien mat", "dung goi",
                           "dung call", "bi khoa", "vao duoc", "dang loi", "qua han",
                           "bi nuot", "loi ngan", "bang nick", "bang acc", "bang may",
                           "dung may", "muon may", "tam may"})


#: A summons or a parcel held by a court or the police, and a number to call.
_SUMMONS_RE = re.compile(
    r"\b(?:buu\s+pham|giay\s+trieu\s+tap|trieu\s+tap|lenh\s+bat|vu\s+an|ho\s+so\s+vu\s+an"
    r"|truy\s+na|khoi\s+to|dieu\s+tra|ho\s+so\s+(?:cua\s+)?(?:ban|anh|chi|ong|ba)"
    r"|lien\s+quan\s+den\s+(?:vu|duong\s+day))\b")
_AUTHORITY_RE = re.compile(r"\b(?:toa\s+an|cong\s+an|vien\s+kiem\s+sat|co\s+quan\s+dieu\s+tra"
                           r"|canh\s+sat|an\s+ninh|csgt|tand|vks"
                           # the case itself: "lan trieu tap cuoi", "lenh tam giam", "can bo
                           # dieu tra", "ghi nhan loi khai"
                           r"|trieu\s+tap|tam\s+giam|can\s+bo\s+dieu\s+tra|dieu\s+tra\s+vien"
                           r"|loi\s+khai)\b")
_CALL = r"goi|lien\s+he|lh|lien\s+lac"
_CALL_RE = re.compile(rf"\b(?:{_CALL}|bam\s+phim|nhan\s+phim)\b")
#: ...or a parcel "held" for contraband, which the same fraud opens with.
_HELD_PARCEL_RE = re.compile(
    r"\b(?:buu\s+pham|buu\s+kien|kien\s+hang|goi\s+hang)\b(?:\s+\S+){0,12}?\s+"
    r"(?:bi\s+(?:tam\s+)?giu|bi\s+thu\s+giu|hang\s+cam|ma\s+tuy|tien\s+gia|vu\s+khi"
    r"|vi\s+pham\s+phap\s+luat)\b")
_SUMMONS_PAIRS = frozenset({"buu pham", "trieu tap", "lenh bat", "vu an", "truy na",
                            "khoi to", "dieu tra", "ho so", "quan den", "buu kien",
                            "kien hang", "goi hang"})

#: A charge or a renewal on your account or card, said to be coming or done...
_CHARGE_RE = re.compile(
    r"\b(?:(?:bi|da|se|duoc)\s+(?:\S+\s+){0,2}?tru|tru\s+(?:tien|phi|vao|truc\s+tiep)|khau\s+tru"
    r"|tu\s+dong\s+gia\s+han|gia\s+han\s+(?:goi|dich\s+vu|thanh\s+cong)|phi\s+(?:duy\s+tri|gia\s+han"
    r"|thuong\s+nien|dang\s+ky)|(?:was|been|be|were)\s+(?:charged|debited|billed|renewed)"
    r"|auto[- ]?renew\w*"
    # a code for a transfer you did not start: "ma OTP ... dung de chuyen 19.800.000d"
    r"|(?:de\s+(?:chuyen|thanh\s+toan)|cho\s+giao\s+dich)\s+(?:khoan\s+|tien\s+)?\d[\d.,]*\s*"
    r"(?:k|d|vnd|dong|trieu|tr)?"
    # a fee by the day or the month for a service "subscribed": "tra phi 15.000d/ngay"
    r"|phi\s+\d[\d.,]*\s*(?:k|d|dong|vnd)?\s*/\s*(?:ngay|thang|tuan))\b")
#: ...that you are told to disown if it was not yours...
_DISOWN_RE = re.compile(
    r"\b(?:neu\s+(?:\S+\s+){0,2}?(?:khong\s+(?:phai|dong\s+y|thuc\s+hien|dang\s+ky|yeu\s+cau"
    r"|su\s+dung|co\s+nhu\s+cau)|chua\s+(?:dang\s+ky|thuc\s+hien))|khong\s+phai\s+(?:ban|quy"
    r"\s+khach|qk)|if\s+(?:this\s+was\s+not\s+you|you\s+(?:did\s+not|didn\s+t|do\s+not|don\s+t))"
    r"|not\s+you|de\s+huy|huy\s+(?:dich\s+vu|goi)|to\s+cancel|muon\s+huy)\b")
#: ...by calling: to cancel, refund or complain.
_CANCEL_CALL_RE = re.compile(rf"\b(?:{_CALL}|call|contact|phone)\b")
_CHARGE_PAIRS = frozenset({"bi tru", "da tru", "se tru", "duoc tru", "tru tien", "tru phi",
                           "tru vao", "khau tru", "gia han", "phi duy", "phi thuong",
                           "phi dang", "been charged", "was charged", "be charged",
                           "was debited", "been debited", "was billed", "was renewed",
                           "auto renew", "de chuyen", "de thanh", "cho giao", "phi §d1",
                           "phi §d2"})
_CHARGE_WORDS = frozenset({"autorenew", "autorenewal"})
_OWN_PHONE_WAYS = ("PHONE_MOBILE", "PHONE_FOREIGN")

#: An appeal for someone sick or in hardship...
_HARDSHIP_RE = re.compile(
    r"\b(?:ung\s+thu|benh\s+hiem\s+ngheo|hiem\s+ngheo|mo\s+tim|chay\s+than|suy\s+than"
    r"|hoan\s+canh\s+(?:kho\s+khan|dac\s+biet)|mo\s+coi|tai\s+nan|bai\s+nao|bach\s+cau"
    r"|vien\s+phi|chi\s+phi\s+dieu\s+tri|benh\s+nang"
    # a disaster's victims: "dong bao vung lu", "bao so 3", "lu quet", "sat lo"
    r"|vung\s+lu|lu\s+lut|lu\s+quet|bao\s+so\s+\d+|bao\s+lu|thien\s+tai|sat\s+lo(?:\s+dat)?"
    r"|dong\s+bao\s+(?:vung|mien|bi|gap)"
    # children of the highlands, a school to build, a house burnt down
    r"|vung\s+cao|xay\s+truong|tre\s+em\s+ngheo|vu\s+chay|chay\s+nha|khong\s+co\s+cho\s+o"
    r"|neo\s+don|nan\s+nhan\s+(?:bao|lu|thien\s+tai|vu\s+chay|chay))\b")
#: ...and the gift asked for.
_DONATE_RE = re.compile(
    r"\b(?:ung\s+ho|quyen\s+gop|giup\s+do|chung\s+tay|tam\s+long|hao\s+tam|tu\s+thien"
    r"|dong\s+gop|cuu\s+giup|giup\s+(?:chau|be|em|gia\s+dinh))\b")
_HARDSHIP_PAIRS = frozenset({"ung thu", "hiem ngheo", "mo tim", "chay than", "suy than",
                             "hoan canh", "mo coi", "tai nan", "bai nao", "bach cau",
                             "vien phi", "chi phi", "benh nang", "vung lu", "lu lut",
                             "lu quet", "bao so", "bao lu", "thien tai", "sat lo",
                             "dong bao", "vung cao", "xay truong", "em ngheo", "vu chay",
                             "chay nha", "cho o", "neo don", "nan nhan"})

#: A deposit or the price paid by transfer first...
_DEPOSIT_RE = re.compile(
    r"\b(?:(?:ck|chuyen(?:\s+khoan)?|gui|dong|nop)\s+(?:\S+\s+){0,2}?coc"
    r"|coc\s+(?:truoc|\d+\s*%|\d+(?:[.,]\d+)?\s*(?:k|tr|trieu|d|dong)\b|1\s+thang|mot\s+thang)"
    r"|dat\s+coc\s+(?:online\s+|truoc\s+)?(?:truoc|\d|giu\s+(?:cho|suat|lo|nen|phong|nha|can))"
    r"|(?:transfer|send|pay|wire|need)\s+(?:\S+\s+){0,3}?deposit|deposit\s+\d{1,2}\s*%"
    r"|pay\s+(?:first|upfront|in\s+advance)"
    r"|(?:ck|chuyen(?:\s+khoan|\s+tien)?|thanh\s+toan)\s+(?:\S+\s+){0,2}?truoc)"
    # (not a deadline: "vui long thanh toan truoc: 02/09 08:27", "truoc 17h")
    r"(?!\s*:?\s*\d{1,2}\s*(?:[/:h]|gio|ngay))")
#: ...for what cannot be seen before paying: a room or a ticket held, goods sent by post
#: or coach, a seller far away, a flat nobody can show.
_UNSEEN_RE = re.compile(
    r"\b(?:giu\s+(?:phong|ve|cho|hang|may|be|xe|suat|slot|lich|ban|so|gia)"
    r"|(?:gui|ship|giao)\s+(?:\S+\s+){0,3}?(?:ve|hang|may|be|chia\s+khoa|qua\s+(?:mail|email"
    r"|zalo|xe\s+khach))|xe\s+khach|o\s+xa|o\s+nuoc\s+ngoai"
    r"|(?:khong|ko)\s+(?:\S+\s+){0,2}?(?:dan\s+xem|xem\s+(?:nha|phong|truc\s+tiep)"
    r"|gap\s+(?:truc\s+tiep|duoc))|gap\s+truc\s+tiep\s+(?:khong|ko)|xuat\s+ve|nha\s+phong"
    r"|nhan\s+khach\s+khac|ma\s+dat\s+cho|pass\s+lai|gui\s+ship"
    # no cash on delivery ("khong ho tro COD"), a ticket passed on ("pass ve", "doi ten ve"),
    # the shipping paid to the shipper before the parcel is seen
    r"|(?:khong|ko)\s+(?:ho\s+tro\s+|nhan\s+)?(?:cod|ship\s+cod)|pass\s+(?:\S+\s+)?ve"
    r"|doi\s+ten\s+(?:\S+\s+)?ve|phi\s+(?:ship|van\s+chuyen|giao\s+hang)"
    # the landlord "working abroad" who posts the keys
    r"|abroad|overseas|(?:courier|send|mail|post)\s+(?:\S+\s+)?the\s+keys"
    r"|ship\s+(?:ngay|toan\s+quoc|cod|hang|lien)"
    # e-tickets sent after the deposit; "customs-seized" stock sold off ("hang hai quan thanh
    # ly"): customs auctions goods, never by chat
    r"|(?:send|email)\s+(?:you\s+)?(?:the\s+)?e-?\s?tickets?|customs\s+seized"
    r"|hang\s+hai\s+quan\s+(?:thanh\s+ly|tich\s+thu)"
    # game accounts and items, which nobody can look at before paying
    r"|(?:ban|nhan|pass|giao)\s+(?:acc|nick)|acc\s+game|robux|kim\s+cuong|quan\s+huy"
    r"|vat\s+pham\s+game"
    # a seller "going abroad" whose goods wait in a "transport depot"; a ticket "passed on"
    r"|(?:di|sang|dang\s+o)\s+nuoc\s+ngoai|kho\s+van\s+chuyen|gui\s+o\s+kho"
    r"|(?:nen|can|muon)\s+pass|chuyen\s+ve\s+(?:tren|qua)\s+app|giu\s+(?:nha|can)"
    r"|i\s+(?:will\s+)?send\s+(?:you\s+)?the\s+(?:e-?)?tickets?"
    # a booking code or a voucher sent once paid
    r"|(?:nhan|gui)\s+ma\s+(?:dat\s+phong|dat\s+cho|voucher|ve)"
    # a pet "flown out" after the deposit and a cage's fee; an e-ticket sent once paid
    r"|gui\s+bay|phi\s+(?:\S+\s+)?van\s+chuyen|ve\s+dien\s+tu|e-?ticket)\b")
#: ...unless the buyer comes to see it ("qua nha minh nhan truc tiep, kiem tra thoai mai",
#: "xem may truc tiep roi tra not"): a neighbour's used phone or pet, held for a deposit.
_SEEN_RE = re.compile(
    r"(?<!khong )(?<!ko )(?<!k )\b(?:xem|nhan|lay|kiem\s+tra|gap)\s+(?:\S+\s+){0,2}?truc\s+tiep"
    r"(?!\s+(?:khong|ko|duoc))"
    r"|\bkiem\s+tra\s+(?:thoai\s+mai|roi\s+(?:moi\s+)?(?:thanh\s+toan|tra))\b")
#: A company that takes the deposit into its own account, a brand's own pre-order.
#: (Not "hang cong ty thu hoi": a company's repossessed stock is a seller's story.)
_COMPANY_RE = re.compile(r"(?<!hang )\b(?:cong\s+ty|tnhh|co\s+phan|jsc)\b(?!\s+thu\s+hoi)")
#: No deposit asked of the reader: one already received ("ben em da nhan coc 2 trieu"), the
#: seller's receipt; or the writer is the one who pays ("cho chi xin stk").
_NO_DEPOSIT_ASKED_RE = re.compile(r"\b(?:(?:da|vua)\s+(?:nhan|thu)\s+(?:duoc\s+)?|nhan\s+duoc\s+)"
                                  r"(?:tien\s+)?coc\b"
                                  r"|\bcho\s+(?:chi|anh|minh|toi|em|tao|to)\s+xin\s+(?:so\s+tai\s+khoan"
                                  r"|stk|tk|tai\s+khoan)\b"
                                  # a deposit told of as paid: "khach chuyen khoan coc 50tr roi"
                                  r"|\b(?:chuyen(?:\s+khoan)?|ck|dat|dong)\s+(?:tien\s+)?coc\s+"
                                  r"(?:\S+\s+){0,5}?roi\b"
                                  # the writer pays it: "minh ck coc 200k truoc, ban gui COD"
                                  r"|\b(?:minh|toi|tao|to|tui)\s+(?:se\s+)?(?:ck|chuyen(?:\s+khoan)?"
                                  r"|gui|dat)\s+(?:tien\s+)?coc\b"
                                  # a customer the seller knows: "chi gui em coc 200k nhu lan
                                  # truoc"
                                  r"|\bcoc\s+(?:\S+\s+){0,3}?nhu\s+(?:lan\s+truoc|lan\s+trc)\b")
#: A developer's launch: a booking deposit, refundable, under a sales contract.
_DEVELOPER_RE = re.compile(r"\b(?:mo\s+ban|chu\s+dau\s+tu|hdmb|hop\s+dong\s+mua\s+ban)\b")
_OFFICIAL_WAYS = ("URL_OFFICIAL_DOMAIN", "SENDER_OFFICIAL", "AD_LABEL")
_DEPOSIT_WORDS = frozenset({"coc", "deposit"})
_DEPOSIT_PAIRS = frozenset({"ck truoc", "khoan truoc", "tien truoc", "toan truoc",
                            "chuyen truoc", "pay first", "pay upfront", "in advance"})

#: Money "sent by mistake" and to be sent back.
_MISTAKEN_RE = re.compile(r"\b(?:chuyen|ck|gui|nap)\s+(?:\S+\s+){0,2}?nham\b")
_SEND_BACK_RE = re.compile(r"\b(?:chuyen|ck|gui|tra|hoan)\s+(?:lai|tra)\b")
#: ...unless it goes back where it came from ("vao dung tk em da chuyen", "ve tai khoan da
#: chuyen"): the honest sender's request, which names no other account.
_SAME_ACCOUNT_RE = re.compile(
    r"\b(?:dung|chinh|ve|lai)\s+(?:so\s+)?(?:tk|stk|tai\s+khoan)\s+(?:\S+\s+){0,2}?"
    r"(?:da|vua)\s+(?:chuyen|ck|gui)\b|\b(?:tk|stk|tai\s+khoan)\s+cu\b")
#: ...said by the one who got it, who offers to send it back ("de em ck tra lai", "minh se
#: chuyen lai"): the honest receiver, not a request.
_WRITER_RETURNS_RE = re.compile(r"\b(?:de\s+(?:em|minh|toi|tao|t|to|anh|chi)|(?:em|minh|toi|tao|to)"
                                r"\s+(?:se|xin))\s+$")
_MISTAKEN_PAIRS = frozenset({"chuyen nham", "ck nham", "tien nham", "khoan nham", "gui nham",
                             "nap nham"})

#: A relative held, and money to pay for them.
_HELD_RELATIVE_RE = re.compile(
    r"\b(?:dang\s+)?(?:o\s+)?trong\s+tay\s+(?:chung\s+toi|tao|bon\s+tao|chung\s+tao)\b"
    r"|\bbat\s+coc\b|\btien\s+chuoc\b")
_RANSOM_PAY_RE = re.compile(r"\b(?:chuyen|gui|nop|mang|dua)\s+(?:\S+\s+){0,3}?(?:\d|tien)")
_RANSOM_PAIRS = frozenset({"trong tay", "bat coc", "tien chuoc"})

#: Pay by the day ("thu nhap 1-3 trieu/ngay", "moi ngay kiem 800.000 dong")...
_DAILY_PAY_RE = re.compile(
    r"\b(?:thu\s+nhap|kiem|kiem\s+them|luong|hoa\s+hong|nhan|toi\s+thieu)\s+(?:duoc\s+)?(?:tu\s+|den\s+"
    r"|len\s+den\s+|tren\s+)?\d+(?:[.,]\d+)*\s*(?:k|tr|trieu|nghin|ngan|d|dong|vnd)?"
    r"(?:\s*-\s*\d+(?:[.,]\d+)*\s*(?:k|tr|trieu|nghin|ngan|d|dong|vnd)?)?\s*(?:/|moi|mot|1)"
    r"\s*ngay\b"
    r"|\bmoi\s+ngay\s+(?:\S+\s+){0,5}?(?:kiem|thu\s+nhap|nhan)\s+(?:duoc\s+|them\s+)?"
    r"(?:tu\s+|den\s+|len\s+den\s+|tren\s+)?\d"
    # "1 ngay 500k-1tr"
    r"|\b(?:1|mot|moi)\s+ngay\s+(?:kiem\s+|nhan\s+|duoc\s+|thu\s+nhap\s+)?(?:tu\s+)?"
    r"\d+(?:[.,]\d+)*\s*(?:k|tr|trieu)\b"
    # or by the task: "1 danh gia 35k", "moi luot like 5k", "moi don hoa hong 50k"
    r"|\b(?:1|mot|moi)\s+(?:luot\s+)?(?:danh\s+gia|like|follow|binh\s+luan|review|video"
    r"|nhiem\s+vu|don(?:\s+hang)?)\s+(?:\S+\s+){0,2}?(?:duoc\s+)?(?:\d+\s*-\s*)?\d+(?:[.,]\d+)*"
    r"\s*(?:k|d|dong|nghin|ngan)\b"
    # "earn $150-$400 daily"
    r"|\bearn\s+(?:up\s+to\s+)?\$?\s?\d+(?:\s*-\s*\$?\s?\d+)?\s*(?:usd|\$|k|vnd)?\s*"
    r"(?:daily|a\s+day|per\s+day)\b")
#: ...for work that needs nothing: no experience, from home, on a phone, over a chat app.
_EASY_WORK_RE = re.compile(
    r"\b(?:khong\s+can\s+(?:kinh\s+nghiem|von|bang\s+cap)|tai\s+nha|online|(?:tren|bang)\s+"
    r"dien\s+thoai(?:\s+di\s+dong)?|telegram|zalo|chi\s+can\s+(?:co\s+)?dien\s+thoai"
    r"|thoi\s+gian\s+tu\s+do|viec\s+nhe|ib|inbox|tele|nhan\s+tien\s+(?:lien|ngay)"
    r"|ban\s+thoi\s+gian|part\s*-?\s*time|remote|flexible|from\s+home|hours?\s+a\s+day"
    r"|ctv|cong\s+tac\s+vien|tha\s+tim)\b")
_DAILY_PAY_PAIRS = frozenset({"moi ngay", "ngay kiem", "§d1 ngay", "mot ngay", "§d1 danh",
                              "§d1 like", "§d1 luot", "moi luot", "§d1 follow", "moi don",
                              "§d1 nhiem", "moi nhiem", "§d1 review", "§d1 video",
                              "moi review", "moi danh", "moi like", "moi video", "moi follow"})

#: The opening of the investment fraud: a "wrong number" that turns to shares or coins, or
#: a group that trades "on the teacher's orders" ("em thay anh trong nhom dau tu ... kiem
#: tien tu san Bitget theo lenh cua thay").
_OPENER_RE = re.compile(
    r"\b(?:(?:nhan|goi|nhan\s+tin|gui)\s+nham\s+(?:so|nguoi)|nham\s+so|wrong\s+number"
    r"|theo\s+lenh|keo\s+lenh|(?:nhom|group)\s+(?:dau\s+tu|keo|tin\s+hieu|chung\s+khoan"
    r"|trading|crypto)"
    # (not "chuyen gia chung khoan": a licensed broker's newsletter quotes its analysts)
    r"|thay\s+(?:huong\s+dan|chi\s+lenh|dan\s+dau\s+tu|day\s+(?:danh|trade|dau\s+tu|choi))"
    # "ib tro ly Mai de mo tai khoan", "ung dung giao dich noi bo cua quy", "lai them 42 trieu
    # tren san cua chu"
    r"|(?:tham\s+gia|vao)\s+nhom\s+(?:zalo|telegram|tele|vip|kin)|nhom\s+kin"
    r"|(?:la|lam)\s+tro\s+ly\s+(?:cua\s+)?(?:\S+\s+){0,4}?(?:chuyen\s+gia|thay|ts|tien\s+si"
    r"|giao\s+su)|join\s+(?:our\s+)?(?:\S+\s+){0,3}?(?:group|channel)"
    r"|private\s+(?:telegram|whatsapp|vip|signal)\s+group"
    r"|(?:ib|inbox|lien\s+he|nhan)\s+(?:cho\s+)?tro\s+ly|(?:ung\s+dung|app|san)\s+(?:giao\s+dich\s+)?"
    r"noi\s+bo|(?:lai|loi\s+nhuan)\s+(?:them\s+)?\d+(?:[.,]\d+)?\s*(?:trieu|tr|%)\s+(?:\S+\s+){0,2}?"
    r"tren\s+san)\b")
_INVEST_RE = re.compile(
    r"\b(?:co\s+phieu|chung\s+khoan|crypto|bitcoin|btc|usdt|forex|coin|san\s+(?:giao\s+dich"
    r"|ngoai\s+hoi|coin|tien\s+ao)|trading|dau\s+tu|stock|shares|invest\w*|binance|bitget"
    r"|okx|mexc|metatrader|mt4|mt5|chi\s+so|trade|xau|ipo|signals?"
    r"|lai\s+(?:them\s+)?\d+(?:[.,]\d+)?\s*(?:trieu|tr)\s+(?:\S+\s+){0,2}?tren\s+san)\b")
_OPENER_PAIRS = frozenset({"nham so", "nham nguoi", "wrong number", "theo lenh", "keo lenh",
                           "nhom dau", "nhom keo", "nhom tin", "nhom chung", "nhom trading",
                           "nhom crypto", "group dau", "thay huong",
                           "thay chi", "thay dan", "thay day", "tro ly", "noi bo",
                           "tren san", "nhom zalo", "nhom telegram", "nhom tele",
                           "nhom vip", "telegram group", "whatsapp group", "vip group",
                           "signal group", "nhom kin", "la tro", "join our"})

#: An app to install from a link sent over a chat app ("can cai ung dung de cap nhat, chau
#: gui duong dan qua Zalo"): authorities, utilities and insurers publish their apps in the
#: stores, and never send an app's link by chat (it is a remote-control or banking trojan).
_INSTALL_RE = re.compile(r"\b(?:(?:cai|tai)\s+(?:dat\s+|ve\s+)?(?:ung\s+dung|app|phan\s+mem|esim)"
                         r"|cai\s+dat)\b")
_LINK_OVER_CHAT_RE = re.compile(
    r"\b(?:gui|send|nhan)\s+(?:\S+\s+){0,3}?(?:duong\s+dan|link|file)\b(?:\s+\S+){0,3}?\s+"
    r"(?:qua|tren|bang|via)\s+(?:zalo|messenger|telegram|facebook|viber)\b"
    # or by the link the caller sends: "cai app eTax theo link em gui"
    r"|\b(?:theo|qua|bang|vao)\s+(?:duong\s+dan|link|file)\s+(?:zalo\s+|messenger\s+)?(?:ma\s+)?(?:em|minh|toi|chau|anh|chi"
    r"|ben\s+em)\s+(?:vua\s+|da\s+|se\s+)?gui\b"
    # the app itself sent by the caller: "tai app chau gui", "cai ung dung CSKH moi em gui",
    # or a QR code to scan for it: "quet ma QR em gui de tai eSIM"
    r"|\b(?:app|ung\s+dung|phan\s+mem)\s+(?:\S+\s+){0,4}?(?:ma\s+)?(?:em|e|minh|toi|chau|con|ben\s+em)"
    r"\s+(?:vua\s+|da\s+)?gui\b"
    r"|\bquet\s+(?:ma\s+)?qr\s+(?:\S+\s+)?(?:em|minh|toi|chau)\s+gui\s+(?:de\s+)?(?:tai|cai|kich\s+hoat)\b"
    # "can cai app theo link de cap nhat"; "can bo se goi dien huong dan cai dat lai"
    r"|\b(?:cai|tai)\s+(?:\S+\s+){0,3}?(?:theo|qua|tu|bang)\s+(?:duong\s+dan|link)\b"
    r"|\bgoi\s+(?:dien\s+)?(?:\S+\s+){0,2}?huong\s+dan\s+(?:\S+\s+){0,2}?cai\b")
_INSTALL_PAIRS = frozenset({"cai ung", "cai app", "cai phan", "cai dat", "tai ung", "tai app",
                            "tai phan", "tai ve", "tai esim"})


#: A utility's cut-off "today", and a personal mobile to call to pay ("EVNHCMC: ... se tam
#: ngung cap dien trong hom nay. Lien he nhan vien thu tien 0789 ... de thanh toan"):
#: utilities bill through their apps, banks and counters, and give a hotline, not a mobile.
_UTILITY_RE = re.compile(r"\b(?:evn\w*|dien\s+luc|cong\s+ty\s+(?:dien|nuoc|cap\s+nuoc)"
                         r"|cap\s+nuoc|nuoc\s+sach|tien\s+(?:dien|nuoc))\b")
_CUTOFF_RE = re.compile(
    r"\b(?:cat\s+(?:dien|nuoc)|(?:tam\s+)?ngung\s+(?:cap|cung\s+cap)(?:\s+(?:dien|nuoc))?"
    r"|khoa\s+(?:dong\s+ho|cong\s+to))\b")
_CUTOFF_PAIRS = frozenset({"cat dien", "cat nuoc", "ngung cap", "ngung cung", "khoa dong",
                           "khoa cong"})


#: A bank's "staff" who does an account procedure over a chat app ("em la nhan vien BIDV
#: ... ho tro anh xac thuc khuon mat online qua Zalo"): banks do biometrics, verification
#: and unlocking in their own app or at the counter, never over a personal chat account.
_BANK_STAFF_RE = re.compile(
    rf"\b(?:nhan\s+vien|nv|chuyen\s+vien|can\s+bo|bo\s+phan|phong|tong\s+dai|em\s+(?:la|ben|o|tu)"
    rf"|ben)\s+(?:\S+\s+){{0,3}}?{_BANKS}\b")
_PROCEDURE_RE = re.compile(
    r"\b(?:xac\s+(?:thuc|minh)|sinh\s+trac|khuon\s+mat|cap\s+nhat\s+(?:thong\s+tin|tai\s+khoan"
    r"|ho\s+so|cccd|can\s+cuoc)|mo\s+khoa|chuan\s+hoa|dong\s+bo)\b")
_PROCEDURE_PAIRS = frozenset({"xac thuc", "xac minh", "sinh trac", "khuon mat", "nhat thong",
                              "nhat tai", "nhat ho", "nhat cccd", "nhat can", "mo khoa",
                              "chuan hoa", "dong bo"})


#: A "military unit" or office that orders food or goods and asks the shop to buy more
#: from "its usual dealer", to be paid back later: the shop pays the fraudster's dealer.
_UNIT_RE = re.compile(
    r"\b(?:tieu\s+doan|trung\s+doan|su\s+doan|lu\s+doan|quan\s+doi|bo\s+doi|doanh\s+trai"
    r"|ban\s+chi\s+huy|bo\s+chi\s+huy|chqs|quan\s+su|quoc\s+phong|(?:thuong|trung|dai|thieu)\s+uy"
    # "don vi anh", "don vi ben anh", "logo don vi", "dau do cua don vi"
    r"|don\s+vi\s+(?:quan\s+doi|bo\s+doi|anh|a|minh|ben\s+anh|cua\s+anh|can|dat)"
    r"|(?:cua|logo|ke\s+toan)\s+don\s+vi)\b")
_BUY_FOR_RE = re.compile(
    r"\b(?:mua|lay|dat|ung)\s+(?:giup|ho|dum|them|truoc)\b(?:\s+\S+){0,15}?\s+"
    r"(?:chuyen\s+(?:lai|khoan|tien)|thanh\s+toan\s+sau|tra\s+sau|gui\s+lai\s+tien"
    r"|hoan\s+lai)\b"
    # ...or goods got, or a deposit paid, from another seller the caller names: "mua ho dai
    # ly quen cua a sdt 0912...", "ben co so Minh Phat, em dat giup anh", "e chuyen coc 8tr
    # cho ho giup a", "em ck 12.500.000 cho ben ban ruou", "ung truoc tien hang ben xuong go"
    r"|\b(?:mua|lay|dat|nhap|ung)\s+(?:giup|ho|dum|gium|them|truoc)\b(?:\s+\S+){0,12}?\s+"
    r"(?:ben|dai\s+ly|co\s+so|xuong|nha\s+cung\s+cap|nguoi\s+quen|sdt|so\s+dien\s+thoai)\b"
    r"|\b(?:ben|dai\s+ly|co\s+so|xuong|nguoi\s+quen)\s+(?:\S+\s+){0,8}?(?:mua|lay|dat|nhap)\s+"
    r"(?:giup|ho|dum|gium)\b"
    r"|\b(?:chuyen|ck|ung)\s+(?:truoc\s+|coc\s+)?(?:\S+\s+){0,3}?(?:cho\s+(?:ho|ben\s+(?:do|kia|ay|nay"
    r"|ban)|doi\s+tac|dai\s+ly|xuong|nha\s+cung\s+cap)|coc\s+giup\s+(?:anh|a|minh))\b")
_UNIT_PAIRS = frozenset({"tieu doan", "trung doan", "su doan", "lu doan", "quan doi",
                         "bo doi", "doanh trai", "chi huy", "don vi", "quan su", "quoc phong",
                         "thuong uy", "trung uy", "dai uy", "thieu uy"})

_DETAILS = {
    "ACCOUNT_TRADING": "buys, sells or rents bank accounts",
    "CARD_CODE_REQUEST": "asks you to buy phone or game cards and send their codes",
    "JOB_FEE_REQUEST": "a job that asks a deposit or a fee first",
    "LOAN_SHARK_TERMS": "a loan on black-credit terms",
    "BILL_TO_PERSONAL_ACCOUNT": "an institution's bill to be paid into a personal account",
    "AUTHORITY_SUMMONS_CALL": "a court or police summons or parcel, with a number to call",
    "PROXY_MONEY_REQUEST": "money asked on someone else's behalf, to a person's account",
    "THIRD_PARTY_TRANSFER": "an excuse, and money to send into another person's account",
    "CUSTOMS_FEE_TO_PERSON": "a parcel held at customs and a fee to pay to a person",
    "AUTHORITY_OVER_CHAT": "police or a court working over a video call or chat, or secrecy",
    "CALL_FORWARD_CODE": "asks you to dial a code that forwards your calls to a number",
    "CHARGE_CANCEL_CALL": "a charge to disown by calling a personal or foreign number",
    "CHARITY_TO_PERSON": "an appeal for someone sick, poor or hit by a disaster, paid to a "
                         "person's account",
    "DEPOSIT_FIRST": "a deposit by transfer before you can see what you pay for",
    "MISTAKEN_TRANSFER_RETURN": "money 'sent by mistake', to send back into a named account",
    "RANSOM_DEMAND": "a relative held, and money to pay for them",
    "DAILY_PAY_JOB": "work that pays by the day and needs nothing: a task fraud's opening",
    "INVESTMENT_OPENER": "a 'wrong number' or a trading group that turns to investments",
    "UNIT_ORDER_ADVANCE": "an army unit's order, and goods to buy for it from its dealer",
    "APP_LINK_OVER_CHAT": "an institution's app to install from a link sent over chat",
    "BANK_PROCEDURE_OVER_CHAT": "a bank's 'staff' doing an account procedure over a chat app",
    "UTILITY_CUTOFF_MOBILE": "a utility's cut-off, and a personal mobile to call to pay",
    "INSTITUTION_STAFF_MOBILE": "an institution's refund, result or upgrade handled by 'staff' "
                                "on a personal mobile",
    "PREMIUM_CHAT_LURE": "a stranger's invitation to call a premium-rate number to talk",
}


def _add(out: MessageFeatures, name: str, found: str, quoted: bool) -> None:
    prior = PROXY_PRIOR if name in _FRIENDLY else SCHEME_PRIOR
    out.add(Finding(name, "scam", f'{_DETAILS[name]}: "{found}"', learned=False,
                    weight=0.0 if quoted else prior))


def _first(pattern: re.Pattern[str], folded: str) -> str | None:
    """The text of :func:`first_unnegated_in_clause`, or ``None``."""
    m = first_unnegated_in_clause(pattern, folded)
    return None if m is None else m.group(0)


#: Who bills in its own name (utilities, lenders, telcos, schools, funds, insurers,
#: airlines, bookings and authorities), by word pairs and words; and the pairs and words
#: that :data:`_AUTHORITY_RE` needs, looked up before that alternation is tried.
_AUTHORITY_PAIRS = frozenset({"toa an", "cong an", "kiem sat", "dieu tra", "canh sat",
                              "an ninh", "trieu tap", "tam giam", "loi khai"})
_AUTHORITY_WORDS = frozenset({"csgt", "tand", "vks"})
_INSTITUTION_PAIRS = _AUTHORITY_PAIRS | frozenset({
    "dien luc", "cap nuoc", "may nuoc", "ty nuoc", "ty dien", "cuc thue", "quan thue", "nha mang",
    "xa hoi", "uy ban", "kho bac", "hai quan", "fe credit", "home credit", "hd saison",
    "shinhan finance", "tai chinh", "fpt telecom", "truong trung", "truong tieu",
    "truong mam", "truong dai", "truong cao", "truong thcs", "truong thpt", "nha truong",
    "giao duc", "mat tran", "thap do", "bao tro", "bao viet", "vietnam airlines",
    "trung tam", "chu nhiem",
    "bamboo airways", "khach san", "trung tuyen", "nhap hoc", "bao hiem", "nuoc sach",
    "benh vien"})
_INSTITUTION_WORDS = _AUTHORITY_WORDS | frozenset({
    "bhxh", "ubnd", "vnpt", "viettel", "mobifone", "vinaphone", "prudential", "manulife",
    "aia", "agoda", "booking", "traveloka", "vietjet", "resort", "ldtbxh", "fecredit", "evn",
    "homecredit", "mcredit"})
#: A stranger who asks to be called to talk ("goi vao so 1900... de tam su voi em"), with
#: the speaker in the first person, so a song or horoscope line sold as such is not one.
_CHAT_LURE_PAIRS = frozenset({"tam su", "lam quen", "noi chuyen", "tro chuyen", "ket ban",
                              "co don", "goi cho", "goi lai", "goi luon", "goi em",
                              "em buon", "nghe giong"})
_CHAT_LURE_RE = re.compile(
    r"\b(?:tam\s+su|lam\s+quen|noi\s+chuyen|tro\s+chuyen|ket\s+ban|co\s+don|goi\s+(?:lai\s+)?"
    r"(?:cho|luon\s+cho))\s+(?:\S+\s+){0,2}?(?:voi|cho)?\s*em\b"
    r"|\bem\s+(?:\S+\s+){0,2}?(?:co\s+don|buon|tam\s+su|doi)\b")
_HELD_PAIRS = frozenset({"buu pham", "buu kien", "kien hang", "goi hang"})
_JOB_WORDS = frozenset({"xkld", "job"})
_CUSTOMS_WORDS = frozenset({"customs", "diplomat"})



_PROXY_PAIRS = frozenset(f"{a} {b}" for a in ("nho", "bao", "dan", "nhan")
                         for b in ("tao", "toi", "em", "minh", "anh", "chi", "to", "tui"))
#: Every pair and word a gate below looks at.
_ALL_PAIRS = (_ACCOUNT_TRADING_PAIRS | _CARD_PAIRS | _FEE_PAIRS | _JOB_PAIRS | _LOAN_SHARK_PAIRS
              | _SUMMONS_PAIRS | _CUSTOMS_PAIRS | _CHAT_WORK_PAIRS | _AUTHORITY_PAIRS
              | _INSTITUTION_PAIRS | _EXCUSE_PAIRS | _HELD_PAIRS | _PROXY_PAIRS | {"ca nhan"}
              | _CHARGE_PAIRS | _HARDSHIP_PAIRS | _OTHERS_PAIRS | _DEPOSIT_PAIRS
              | _MISTAKEN_PAIRS | _RANSOM_PAIRS | _DAILY_PAY_PAIRS | _OPENER_PAIRS
              | _UNIT_PAIRS | _CHAT_LURE_PAIRS | _INSTALL_PAIRS | _PROCEDURE_PAIRS
              | _CUTOFF_PAIRS | _CASH_PAIRS)
_ALL_WORDS = (frozenset({"phi", "earn"}) | _JOB_WORDS | _AUTHORITY_WORDS | _INSTITUTION_WORDS
              | _CUSTOMS_WORDS | _CHARGE_WORDS | _DEPOSIT_WORDS)


#: A fee paid in person, at the agency's office, against an invoice: how a licensed labour
#: export company takes it.
_IN_PERSON_FEE_RE = re.compile(r"\btai\s+(?:van\s+phong|tru\s+so)\b(?:\s+\S+){0,4}?\s+(?:co\s+)?"
                               r"hoa\s+don\b")


def _job_fee(folded: str) -> str | None:
    if _IN_PERSON_FEE_RE.search(folded) is not None:
        return None
    job = _JOB_RE.search(folded)
    fee = _first(_JOB_FEE_RE, folded) if job is not None else None
    return None if job is None or fee is None else f"{job.group(0)} ... {fee}"


def _loan_shark(folded: str) -> str | None:
    loan = _LOAN_RE.search(folded)
    terms = _first(_LOAN_SHARK_RE, folded) if loan is not None else None
    return None if loan is None or terms is None else f"{loan.group(0)} ... {terms}"


def _together(folded: str, *patterns: re.Pattern[str]) -> str | None:
    """The first match of each pattern, joined with " ... ", or ``None`` as soon as one
    pattern has none (the cheaper, rarer ones go first)."""
    found: list[str] = []
    for pattern in patterns:
        m = pattern.search(folded)
        if m is None:
            return None
        found.append(m.group(0))
    return " ... ".join(found)


def _institution(folded: str, pairs: frozenset[str], words: frozenset[str]) -> str | None:
    """The utility, lender, telco, school or authority the text names (its word ``pairs``
    and ``words`` among this module's), or ``None``."""
    pair = _INSTITUTION_PAIRS.intersection(pairs) or _INSTITUTION_WORDS.intersection(words)
    if pair:
        return min(pair)  # any one of them; the smallest, to be the same on every run
    m = _EVN_RE.search(folded) if "evn" in folded else None
    return None if m is None else m.group(0)


#: A bill paid through a staff member's chat account: "Thanh toan qua ma QR nhan vien gui
#: qua Zalo 0909...". Utilities, lenders and schools take payment in their own apps, at
#: their counters or into their company accounts.
_PAY_OVER_CHAT_RE = re.compile(
    r"\b(?:thanh\s+toan|nop|dong|chuyen\s+(?:khoan|tien))\s+(?:\S+\s+){0,8}?"
    r"(?:qua|tren|bang)\s+(?:\S+\s+){0,5}?(?:zalo|telegram|messenger)\b")


#: A switchboard, a doctor or a member of staff reached on a personal mobile ("lien he tong
#: dai 0868 557 019", "bac si Tuan 0846 112 990")...
_STAFF_MOBILE_RE = re.compile(
    r"\b(?:tong\s+dai(?:\s+vien)?|bac\s+si|duoc\s+si|nhan\s+vien|chuyen\s+vien|can\s+bo|bo\s+phan"
    r"|cskh|luat\s+su|ky\s+thuat\s+vien)\s+(?:[a-z]+\s+){0,3}?(?:so\s+)?:?\s*"
    r"0[35789]\d{2}[ .]?\d{3}[ .]?\d{3}\b")
#: ...about a refund, a result, an upgrade, a check or a payout: what an institution handles
#: in its own channels.
_STAFF_MATTER_RE = re.compile(
    r"\b(?:hoan\s+(?:tien|phi|lai)?|nhan\s+hoan|ket\s+qua|nang\s+cap|doi\s+e?sim|kiem\s+tra"
    r"|thu\s+hoi|xu\s+ly|nhan\s+(?:tien|thuong|qua|boi\s+thuong)|boi\s+thuong|tu\s+van\s+thuoc"
    r"|mua\s+(?:gap|thuoc)|chuyen\s+khoan\s+truoc)\b")


def _staff_mobile(folded: str, who: str) -> str | None:
    staff = _STAFF_MOBILE_RE.search(folded)
    if staff is None or _STAFF_MATTER_RE.search(folded) is None:
        return None
    return f"{who} ... {staff.group(0)}"


def _bill_over_chat(folded: str, who: str) -> str | None:
    m = _PAY_OVER_CHAT_RE.search(folded)
    return None if m is None or negated(folded, m.start()) else f"{who} ... {m.group(0)}"


#: A payout into the reader's own account ("so tien 28.450.000d chuyen vao tk ca nhan trong
#: 5 ngay", "se duoc chi tra vao tai khoan ca nhan cua ban"): a benefit or a refund paid,
#: which asks nothing of the reader.
_PAYOUT_RE = re.compile(
    r"\b(?:so\s+tien|khoan\s+tien|tien)\s+(?:\S+\s+){0,3}?(?:se\s+)?(?:duoc\s+)?"
    r"(?:chuyen|chi\s+tra|tra|hoan)\s+(?:ve\s+|vao\s+){1,2}(?:so\s+)?(?:tai\s+khoan|tk)\s+"
    r"ca\s+nhan\b(?!\s+(?:cua\s+)?(?:can\s+bo|nhan\s+vien|nv|ktv))"
    r"|\b(?:duoc\s+|se\s+)(?:chuyen|chi\s+tra|hoan)\s+(?:ve\s+|vao\s+){1,2}(?:so\s+)?"
    r"(?:tai\s+khoan|tk)\s+ca\s+nhan\s+cua\s+(?:ban|quy\s+khach|ong|ba|anh|chi)\b")


def _bill_to_person(folded: str, who: str) -> str | None:
    payout = _PAYOUT_RE.search(folded)
    if payout is not None:
        # nothing asked besides the payout: the benefit office's notice
        folded = folded[:payout.start()] + " , " + folded[payout.end():]
    if _PAY_RE.search(folded) is None:
        return None
    # "khong chuyen vao tai khoan ca nhan cua giao vien": the notice that warns of it
    said = _first(_SAID_PERSONAL_RE, folded)
    if said is None and _SAID_PERSONAL_RE.search(folded) is not None:
        return None
    holder = said if said is not None else _personal_holder(folded)
    return None if holder is None else f"{who} ... {holder}"


def _proxy(folded: str) -> str | None:
    proxy = _together(folded, _PROXY_RE, _PAY_RE)
    holder = _personal_holder(folded) if proxy is not None else None
    return None if holder is None else f"{proxy} ... {holder}"


#: A courier who could not reach the reader ("e la shipper ..., chi khong nghe may").
_SHIPPER_RE = re.compile(r"\b(?:shipper|giao\s+hang|tai\s+xe|buu\s+ta)\b")
_READER_MISSED_RE = re.compile(r"\b(?:chi|anh|ban|co|chu|quy\s+khach)\s+(?:\S+\s+)?"
                               rf"{_CANNOT_CALL}")
#: The writer called and the reader did not answer ("em goi anh ma anh khong nghe may",
#: "goi cho chi may lan chi k nghe"): no excuse of the writer's.
#: (Not "chi goi em ma em khong nghe may duoc": "em" and "con" are mostly the writer, and
#: "duoc" makes it the writer's own "could not".)
_CALLED_YOU_RE = re.compile(r"\bgoi\s+(?:cho\s+)?(?:anh|chi|ban|me|bo|ba|co|chu|ong"
                            r"|cau|mi|vo|chong)\s+(?:\S+\s+){0,3}?"
                            r"(?:ma|nhung|thi)\s+(?:\S+\s+)?(?:khong|k|ko|hong)\s+"
                            r"(?:nghe\s+may|nghe|bat\s+may)\b(?!\s+duoc)")
#: "Don't call me", said while asking for money: the hijacked account cannot talk.
_AVOID_CALL_RE = re.compile(rf"\b(?:dung\s+(?:goi|call|alo)|(?:sap\s+)?het\s+pin"
                            rf"|{_CANNOT_CALL})\b")


#: "vao tk nay 1068...": an account given by number, said to be "this one", not the
#: writer's own that is "locked".
_THIS_ACCOUNT_RE = re.compile(r"\b(?:vao|qua)\s+(?:so\s+)?(?:stk|tk|tai\s+khoan)\s+nay\b"
                              r"(?:\s+\S+){0,2}?\s+\d{6,}"
                              # ...or said to be someone else's: "vao tk vo em", "cho thang
                              # em ho", "vao tk khach", "tk nguoi quen cua minh"
                              rf"|\b(?:vao|qua|cho)\s+(?:so\s+)?{OTHERS_ACCOUNT}\b"
                              r"|\b(?:vao|qua|cho)\s+(?:so\s+)?(?:stk|tk|tai\s+khoan)\s+(?:cua\s+)?"
                              r"(?:khach|doi\s+tac|con|chau|me|bo)\b"
                              r"|\bcho\s+(?:thang|con|dua)\s+(?:em|ban|chau)(?:\s+ho)?\b"
                              # a shop's or a repairer's, or a fiance's: "vao tk chu tiem",
                              # "qua stk shop", "Le Van Thinh chong sap cuoi cua con"
                              r"|\b(?:vao|qua|cho)\s+(?:so\s+)?(?:stk|tk|tai\s+khoan)\s+(?:cua\s+)?"
                              r"(?:chu\s+(?:tiem|shop|cua\s+hang|nha|tro)|shop|tiem|cua\s+hang)\b"
                              r"|\b(?:chong|vo|nguoi\s+yeu|ban\s+trai|ban\s+gai)\s+(?:sap\s+cuoi\s+)?"
                              r"cua\s+(?:con|em|chau|minh)\b"
                              # a "new" account while the old one is "under maintenance"
                              r"|\b(?:vao|qua)\s+(?:so\s+)?(?:stk|tk|tai\s+khoan)\s+moi\b"
                              r"(?=.{0,300}?\b(?:stk|tk|tai\s+khoan)\s+cu\s+(?:\S+\s+)?(?:bao\s+tri|bi\s+khoa"
                              r"|bi\s+loi|loi|khoa))")


#: ...or "this account" with no number, when the writer says his own is broken ("ck qua
#: stk nay giup minh, tk minh dang bi loi ko chuyen duoc"): the hijacked chat account's
#: borrowing, the account to come in the next message.
_OWN_ACCOUNT_BROKEN_RE = re.compile(
    r"\b(?:tk|tai\s+khoan|the|app)\s+(?:ngan\s+hang\s+)?(?:cua\s+)?(?:minh|em|toi|tao|to|tui|anh|chi"
    # or the friend's, named by the one passing the message on ("tk cua Tuan bi loi")
    r"|cua\s+[a-z]+)"
    r"\s+(?:dang\s+)?(?:bi\s+)?(?:loi|khoa|han\s+che|het\s+han\s+muc)\b")
_PLAIN_THIS_ACCOUNT_RE = re.compile(r"\b(?:vao|qua|vo)\s+(?:so\s+)?(?:stk\s+|tk\s+|tai\s+khoan\s+)?"
                                    r"(?<!vao )(?<!qua )(?<!vo )nay\b")


def _third_party(folded: str, findings: Collection[str]) -> str | None:
    if _SHIPPER_RE.search(folded) is not None and _READER_MISSED_RE.search(folded) is not None:
        return None  # "e la shipper ..., chi k nghe may": the courier could not reach the reader
    # "em goi anh ma anh khong nghe may": the writer called; the reader did not answer (no
    # excuse of the writer's: drop it, the other excuses still count)
    folded = _CALLED_YOU_RE.sub(" ", folded)
    avoid = _AVOID_CALL_RE.search(folded)
    refusal = None if avoid is None or negated(folded, avoid.start()) else avoid.group(0)
    ask = _together(folded, _EXCUSE_RE, _ASK_TRANSFER_RE)
    if ask is None:
        # "ck gap giup t 2tr vao stk nay ... dung goi t dang ban": the refusal to be called
        # is the excuse, and the account number given is where the money goes
        if refusal is None or "BANK_ACCOUNT" not in findings:
            return None
        ask = _together(folded, _ASK_TRANSFER_RE)
        return None if ask is None else f"{ask} ... {refusal}"
    holder = _personal_holder(folded) or refusal
    if holder is None:  # "the bi khoa, chuyen giup em vao tk nay": not the writer's own
        this = _THIS_ACCOUNT_RE.search(folded)
        if this is None and _OWN_ACCOUNT_BROKEN_RE.search(folded) is not None:
            this = _PLAIN_THIS_ACCOUNT_RE.search(folded)
        holder = None if this is None else this.group(0)
    if holder is None:  # "dung noi voi ai nha": the owner of the chat account must not hear
        secret = SECRECY_RE.search(folded)
        holder = None if secret is None else secret.group(0)
    return None if holder is None else f"{ask} ... {holder}"


#: Foreign cash said to be inside a parcel or gift from abroad ("gui ve 3000 euro va dien
#: thoai", "thung qua tu My co 5000 do"), and a fee to pay for it: no one posts cash.
_CASH_PARCEL_RE = re.compile(
    r"\b(?:thung|goi|hop|kien)\s+(?:qua|hang)\b(?:\s+\S+){0,8}?\s+\d[\d.,]*\s*(?:do|usd|euro|eur|bang)\b"
    r"|\bgui\s+(?:ve\s+)?(?:cho\s+\S+\s+)?\d[\d.,]*\s*(?:do|usd|euro|eur|bang)\s+(?:va|kem|cung)\b")
_CASH_FEE_RE = re.compile(r"\b(?:dong|nop|chuyen|ck|tra)\s+(?:\S+\s+){0,2}?phi\b")


def _cash_parcel(folded: str) -> str | None:
    return _together(folded, _CASH_PARCEL_RE, _CASH_FEE_RE)


def _customs_fee(folded: str, findings: Collection[str]) -> str | None:
    held = _CUSTOMS_RE.search(folded)
    if held is None and _LOVER_RE.search(folded) is not None:
        held = _SHIPPED_RE.search(folded)
    parcel = _PARCEL_RE.search(folded) if held is not None else None
    fee = _FEE_RE.search(folded) if parcel is not None else None
    if held is None or parcel is None or fee is None:
        return None
    if (not any(w in findings for w in _PRIVATE_WAYS) and _GIFT_RE.search(folded) is None
            and _TO_WRITER_RE.search(folded) is None
            and _SAID_PERSONAL_RE.search(folded) is None):
        return None  # a courier's own duty notice
    return f"{parcel.group(0)} ... {held.group(0)} ... {fee.group(0)}"


def _authority_chat(folded: str) -> str | None:
    who = _AUTHORITY_RE.search(folded)
    if who is None:
        return None
    # (the secrecy demand's own "khong" is no negation of it)
    how = _first(_CHAT_WORK_RE, folded) or _together(folded, SECRECY_RE)
    return None if how is None else f"{who.group(0)} ... {how}"


def _charge_cancel(folded: str) -> str | None:
    charge = _CHARGE_RE.search(folded)
    if charge is None:
        return None
    # the disowning and the call come after the charge, or before the charge they would
    # stop ("neu ban khong yeu cau, goi ngay 0589... de huy truoc khi tien bi tru")
    rest = (_together(folded[charge.start():], _DISOWN_RE, _CANCEL_CALL_RE)
            or _together(folded[:charge.start()], _DISOWN_RE, _CANCEL_CALL_RE))
    return None if rest is None else f"{charge.group(0)} ... {rest}"


def _deposit_first(folded: str, findings: Collection[str]) -> str | None:
    if any(w in findings for w in _OFFICIAL_WAYS) or _COMPANY_RE.search(folded) is not None:
        return None
    if _SEEN_RE.search(folded) is not None:
        return None  # "qua nha minh xem may truc tiep": seen before the rest is paid
    if _NO_DEPOSIT_ASKED_RE.search(folded) is not None:
        return None
    if "REAL_ESTATE_AD" in findings and _DEVELOPER_RE.search(folded) is not None:
        return None
    deposit = _first(_DEPOSIT_RE, folded)
    unseen = _UNSEEN_RE.search(folded) if deposit is not None else None
    return None if unseen is None else f"{deposit} ... {unseen.group(0)}"


#: The bank's tracing and reversal of a mistaken transfer, offered as the way back.
_BANK_REVERSAL_RE = re.compile(r"\btra\s+soat\b|\b(?:tra|hoan|chuyen)\s+(?:lai\s+)?(?:\S+\s+)?"
                               r"qua\s+ngan\s+hang\b")
#: ...unless it is waved away just before, in its clause ("khong can tra soat ngan hang, chi
#: can chuyen lai cho em", "dung bao ngan hang tra soat"): the fraud's shortcut.
_REVERSAL_WAVED_RE = re.compile(
    r"\b(?:(?:khong|ko|k|kg|khg|chua|cha|chang)\s+(?:can|phai|nen|muon)|khong|ko|kg|khg|chua"
    # ("dung" a "don't" only before a verb: "lam dung thu tuc tra soat" is "the right way")
    r"|dung(?=\s+(?:bao|lam|tra|hoan|chuyen|goi|len|ra|nho|doi)\b)|khoi)\s+(?:\S+\s+){0,3}?$")
#: ...or held over the reader if the money does not come back ("neu khong chuyen lai em se
#: tra soat va bao cong an"): a threat in the same sentence, not the way back.
#: (the condition is a threat when what follows it is the tracing itself: "neu khong chuyen
#: lai em se tra soat"; not a fallback, "neu khong duoc thi ban chuyen lai giup minh")
_REVERSAL_THREAT_RE = re.compile(
    r"\bneu\s+(?:\S+\s+){0,3}?(?:khong|ko|k|kg|khg|chua)\b(?:\s+\S+){0,6}?\s+"
    r"(?:se\s+|thi\s+)?(?:\S+\s+)?(?:tra\s+soat|bao\s+ngan\s+hang)"
    r"|\bcong\s+an\b|\bto\s+cao\b|\bkhoi\s+(?:kien|to)\b|\bkien\s+ra\s+toa\b")
_SENTENCE_END_RE = re.compile(r"[.!?;\n]")


def _bank_reversal(folded: str) -> str | None:
    """The bank's tracing offered as the way the money goes back ("em da bao ngan hang tra
    soat", "vui long lam thu tuc tra soat tai ngan hang"), not waved away nor threatened."""
    for m in _BANK_REVERSAL_RE.finditer(folded):
        start = m.start()
        head = _SENTENCE_END_RE.split(folded[:start])[-1]
        if _REVERSAL_WAVED_RE.search(head[head.rfind(",") + 1:]) is not None:
            continue
        tail = _SENTENCE_END_RE.split(folded[start:], maxsplit=1)[0]
        if _REVERSAL_THREAT_RE.search(head + tail) is not None:  # (the whole sentence)
            continue
        return m.group(0)
    return None


def _mistaken_return(folded: str) -> str | None:
    mistake = _MISTAKEN_RE.search(folded)
    if mistake is None:
        return None
    rest = folded[mistake.end():]
    back = _SEND_BACK_RE.search(rest)
    if back is None or _SAME_ACCOUNT_RE.search(rest) is not None:
        return None
    if _WRITER_RETURNS_RE.search(rest, max(0, back.start() - 20), back.start()) is not None:
        return None  # "a chuyen nham vao tk em a? de em ck tra lai": the writer pays it back
    if _bank_reversal(folded) is not None:
        return None  # "em da bao ngan hang tra soat": the bank's own reversal, the genuine way
    return f"{mistake.group(0)} ... {back.group(0)}"


def _ransom(folded: str) -> str | None:
    return _together(folded, _HELD_RELATIVE_RE, _RANSOM_PAY_RE)


def _daily_pay(folded: str) -> str | None:
    return _together(folded, _DAILY_PAY_RE, _EASY_WORK_RE)


def _charity_to_person(folded: str) -> str | None:
    appeal = _together(folded, _HARDSHIP_RE, _DONATE_RE)
    if appeal is None:
        return None
    holder = _personal_holder(folded)
    if holder is None:  # or the account said to be a private one: "stk ca nhan truong ban"
        said = _SAID_PERSONAL_RE.search(folded) or _MY_ACCOUNT_RE.search(folded)
        holder = said.group(0) if said is not None else None
    return None if holder is None else f"{appeal} ... {holder}"


#: An appeal's money into the writer's own account ("ai ung ho ck qua tk cua minh, minh sao
#: ke sau"): a charity has its own.
_MY_ACCOUNT_RE = re.compile(
    r"\b(?:so\s+tai\s+khoan|stk|tk|tai\s+khoan)\s+(?:cua\s+)?(?:minh|em|toi)\b")


def _summons(folded: str) -> str | None:
    summons = _SUMMONS_RE.search(folded)
    who = _AUTHORITY_RE.search(folded) if summons is not None else None
    story = f"{who.group(0)} ... {summons.group(0)}" if who and summons else None
    if story is None:
        held = _HELD_PARCEL_RE.search(folded)
        story = held.group(0) if held is not None else None
    call = _CALL_RE.search(folded) if story is not None else None
    return None if story is None or call is None else f"{story} ... {call.group(0)}"


def scheme_findings(folded: str, tokens: list[str], bigrams: list[str],
                    out: MessageFeatures) -> None:
    """The findings of this module for the folded text, its ``tokens`` and their
    ``bigrams``, after the phrase and entity findings (which tell whether the message is
    an advisory, and whether it holds a bank account or a phone number). Each check runs
    only when a word pair or word it needs is there: the message's pairs and words are
    intersected with this module's once, and every gate looks at those few."""
    found: list[tuple[str, str | None]] = []
    if "*" in folded:
        forward = _CALL_FORWARD_RE.search(folded)
        found.append(("CALL_FORWARD_CODE", forward.group(0) if forward else None))
    pairs = _ALL_PAIRS.intersection(bigrams)
    words = _ALL_WORDS.intersection(tokens)
    if not pairs and not words and "evn" not in folded and not found:
        return
    findings = out.findings
    if not _ACCOUNT_TRADING_PAIRS.isdisjoint(pairs):
        found.append(("ACCOUNT_TRADING", _first(_ACCOUNT_TRADING_RE, folded)))
    if not _CARD_PAIRS.isdisjoint(pairs):
        found.append(("CARD_CODE_REQUEST", _first(_CARD_CODE_RE, folded)))
    if ((not _FEE_PAIRS.isdisjoint(pairs) or "phi" in words)
            and (not _JOB_PAIRS.isdisjoint(pairs) or not _JOB_WORDS.isdisjoint(words))):
        found.append(("JOB_FEE_REQUEST", _job_fee(folded)))
    if not _LOAN_SHARK_PAIRS.isdisjoint(pairs):
        found.append(("LOAN_SHARK_TERMS", _loan_shark(folded)))
    authority = not _AUTHORITY_PAIRS.isdisjoint(pairs) or not _AUTHORITY_WORDS.isdisjoint(words)
    if "BANK_ACCOUNT" in findings or "ca nhan" in pairs or not _OTHERS_PAIRS.isdisjoint(pairs):
        who = _institution(folded, pairs, words)
        if who is not None:
            found.append(("BILL_TO_PERSONAL_ACCOUNT", _bill_to_person(folded, who)))
        if not _PROXY_PAIRS.isdisjoint(pairs):
            found.append(("PROXY_MONEY_REQUEST", _proxy(folded)))
        if not _EXCUSE_PAIRS.isdisjoint(pairs):
            found.append(("THIRD_PARTY_TRANSFER", _third_party(folded, findings)))
        if not _HARDSHIP_PAIRS.isdisjoint(pairs):
            found.append(("CHARITY_TO_PERSON", _charity_to_person(folded)))
        if not _MISTAKEN_PAIRS.isdisjoint(pairs):
            found.append(("MISTAKEN_TRANSFER_RETURN", _mistaken_return(folded)))
    elif "CHAT_APP_CONTACT" in findings and "PHONE_MOBILE" in findings:
        who = _institution(folded, pairs, words)
        if who is not None:
            found.append(("BILL_TO_PERSONAL_ACCOUNT", _bill_over_chat(folded, who)))
    if not _DEPOSIT_WORDS.isdisjoint(words) or not _DEPOSIT_PAIRS.isdisjoint(pairs):
        found.append(("DEPOSIT_FIRST", _deposit_first(folded, findings)))
    if not _RANSOM_PAIRS.isdisjoint(pairs):
        found.append(("RANSOM_DEMAND", _ransom(folded)))
    if not _DAILY_PAY_PAIRS.isdisjoint(pairs) or "/ngay" in folded or "earn" in words:
        found.append(("DAILY_PAY_JOB", _daily_pay(folded)))
    if not _OPENER_PAIRS.isdisjoint(pairs):
        opener = _first(_OPENER_RE, folded)
        invest = _INVEST_RE.search(folded) if opener is not None else None
        found.append(("INVESTMENT_OPENER",
                      None if invest is None else f"{opener} ... {invest.group(0)}"))
    if not _UNIT_PAIRS.isdisjoint(pairs):
        found.append(("UNIT_ORDER_ADVANCE", _together(folded, _UNIT_RE, _BUY_FOR_RE)))
    if ("PHONE_MOBILE" in findings and "AD_LABEL" not in findings
            and "COMMERCIAL_OFFER" not in findings):
        who = _institution(folded, pairs, words)
        if who is not None:
            found.append(("INSTITUTION_STAFF_MOBILE", _staff_mobile(folded, who)))
    if (("PHONE_MOBILE" in findings or "CHAT_APP_CONTACT" in findings)
            and not _CUTOFF_PAIRS.isdisjoint(pairs)):
        found.append(("UTILITY_CUTOFF_MOBILE",
                      _together(folded, _CUTOFF_RE, _UTILITY_RE, _PAY_RE)))
    if "CHAT_APP_CONTACT" in findings and not _PROCEDURE_PAIRS.isdisjoint(pairs):
        staff = _BANK_STAFF_RE.search(folded)
        procedure = _first(_PROCEDURE_RE, folded) if staff is not None else None
        found.append(("BANK_PROCEDURE_OVER_CHAT",
                      None if staff is None or procedure is None
                      else f"{staff.group(0)} ... {procedure}"))
    if not _INSTALL_PAIRS.isdisjoint(pairs):
        who = _institution(folded, pairs, words)
        install = _first(_INSTALL_RE, folded) if who is not None else None
        chat = _LINK_OVER_CHAT_RE.search(folded) if install is not None else None
        found.append(("APP_LINK_OVER_CHAT",
                      None if chat is None else f"{who} ... {install} ... {chat.group(0)}"))
    if "PHONE_PREMIUM" in findings and not _CHAT_LURE_PAIRS.isdisjoint(pairs):
        found.append(("PREMIUM_CHAT_LURE", _first(_CHAT_LURE_RE, folded)))
    if ((not _CHARGE_PAIRS.isdisjoint(pairs) or not _CHARGE_WORDS.isdisjoint(words))
            and any(p in findings for p in _OWN_PHONE_WAYS)):
        found.append(("CHARGE_CANCEL_CALL", _charge_cancel(folded)))
    if authority and not _CHAT_WORK_PAIRS.isdisjoint(pairs):
        found.append(("AUTHORITY_OVER_CHAT", _authority_chat(folded)))
    customs = (_customs_fee(folded, findings)
               if not _CUSTOMS_PAIRS.isdisjoint(pairs) or not _CUSTOMS_WORDS.isdisjoint(words)
               else None)
    if customs is None and "phi" in words and not _CASH_PAIRS.isdisjoint(pairs):
        customs = _cash_parcel(folded)
    found.append(("CUSTOMS_FEE_TO_PERSON", customs))
    if ((authority or not _HELD_PAIRS.isdisjoint(pairs))
            and not _SUMMONS_PAIRS.isdisjoint(pairs)
            and any(p in findings for p in PHONE_FINDINGS)):
        found.append(("AUTHORITY_SUMMONS_CALL", _summons(folded)))
    hits = [(name, text) for name, text in found if text is not None]
    if hits:
        quoted = advisory(out)
        for name, text in hits:
            _add(out, name, text, quoted)


#: ``(name, meaning)`` of every finding of this module, for the symbol catalogue.
SYMBOLS: tuple[tuple[str, str], ...] = (
    ("ACCOUNT_TRADING", "buys, sells or rents bank accounts, or pays someone to open one in "
                        "their name (mule accounts; Penal Code art. 291)"),
    ("CARD_CODE_REQUEST", "asks you to buy phone or game cards and send their codes over "
                          "chat (a hijacked friend's account; a code is cash)"),
    ("JOB_FEE_REQUEST", "a job, at home or abroad, that asks a deposit or a fee first"),
    ("INSTITUTION_STAFF_MOBILE", "a telco, an airline, a utility, a hospital or an authority "
                                 "whose switchboard, doctor or staff handles a refund, a result "
                                 "or an upgrade on a personal mobile number"),
    ("UTILITY_CUTOFF_MOBILE", "a power or water cut-off 'today', and a personal mobile number "
                              "to call to pay (utilities give a hotline, never a mobile)"),
    ("BANK_PROCEDURE_OVER_CHAT", "a bank's 'staff' who does biometrics, verification or "
                                 "unlocking with you over a chat app (banks do them in their "
                                 "own app or at the counter)"),
    ("APP_LINK_OVER_CHAT", "a public body, utility or insurer whose app is to be installed "
                           "from a link sent over a chat app (they publish apps in the "
                           "stores)"),
    ("PREMIUM_CHAT_LURE", "a stranger's invitation to call a premium-rate (1900) number to "
                          "talk or make friends: every minute is billed to you"),
    ("LOAN_SHARK_TERMS", "a loan on black-credit terms: your contact list, no credit check, "
                         "'vay nong', 'boc ho'"),
    ("BILL_TO_PERSONAL_ACCOUNT", "a utility, lender, telco or authority asking for payment "
                                 "into an account held in a person's name"),
    ("AUTHORITY_SUMMONS_CALL", "a court, police or prosecutor 'summons' or held parcel, with a "
                               "number to call"),
    ("PROXY_MONEY_REQUEST", "a 'friend' passing on someone's request to transfer money into "
                            "an account held in a person's name"),
    ("CALL_FORWARD_CODE", "asks you to dial a call-forwarding code with a number ('*21*09...#'): "
                          "your calls, and the codes banks and Zalo send by voice, go to it"),
    ("AUTHORITY_OVER_CHAT", "police, a prosecutor or a court that 'work' with you over a video "
                            "call or a chat app, or tell you to keep it from your family"),
    ("CUSTOMS_FEE_TO_PERSON", "a parcel or gift 'held at customs' and a fee to pay to a "
                              "person or over chat (the romance and fake-customs frauds)"),
    ("THIRD_PARTY_TRANSFER", "a friend or relative who cannot talk or pay ('in a meeting', "
                             "'my banking app is locked', 'new Zalo') asks you to transfer "
                             "into an account held in another person's name"),
    ("CHARGE_CANCEL_CALL", "a charge or renewal 'you may not have made', and a mobile or "
                           "foreign number to call to cancel it (the fake-subscription and "
                           "fake-refund frauds)"),
    ("CHARITY_TO_PERSON", "an appeal for someone sick, in hardship or hit by a flood or "
                          "storm, to be paid into an account held in a person's name or said "
                          "to be a private one"),
    ("DEPOSIT_FIRST", "a deposit or the price by transfer before you can see what you pay "
                      "for: a room or ticket held, goods sent by post or coach, a seller "
                      "far away (the fake-seller and fake-homestay frauds)"),
    ("MISTAKEN_TRANSFER_RETURN", "money 'sent to you by mistake', to be sent back into an "
                                 "account the sender names (banks reverse such transfers "
                                 "themselves)"),
    ("RANSOM_DEMAND", "a relative 'in our hands' and money to pay (the fake kidnapping)"),
    ("DAILY_PAY_JOB", "work that pays by the day from home, a phone or a chat app, with no "
                      "experience: the opening of the task and order-boosting frauds"),
    ("INVESTMENT_OPENER", "a 'wrong number' that turns to shares or coins, or a trading group "
                          "run 'on the teacher's orders': the opening of the investment fraud"),
    ("UNIT_ORDER_ADVANCE", "an 'army unit' or office orders goods and asks you to buy more "
                           "for it from its usual dealer, to be paid back later"),
)
