"""Frauds aimed at one person through their family, their bank account, their face, their
home or their bills: the endings that the stories share, whatever brand or relative the
story names.

* ``ACCOUNT_RENTAL``: money for the use of your bank account, ATM card, SIM or face
  ("mo them 2 tai khoan ngan hang roi cho ben chi muon ... moi thang tra em 4 trieu",
  "cho thue the ATM va sim chinh chu 500k/ngay"): the accounts launder fraud money, and
  renting them out is itself an offence.
* ``CHILD_EMERGENCY_FEE``: a child in an accident or in hospital, and a teacher, a doctor
  or the school asking the parent to pay the fees now ("be bi dau bung ... bac si noi phai
  mo gap, chi chuyen giup 15tr"). Hospitals treat emergencies first and bill at the desk.
* ``VIDEO_CALL_EXCUSE``: money asked by a relative or friend whose video call "lagged" or
  whose microphone "broke" (the hijacked account's, or the deepfake's, excuse for a call
  that showed nothing).
* ``THREAT_AT_HOME``: money demanded under the threat of "visiting" the home ("tao co dia
  chi nha may ... chuyen 3tr ... khong thi dung trach"): the thug debt collector's letter.
* ``PAY_OR_POLICE``: a sum to pay today or the case "goes to the police" ("neu khong nop
  thue 18 trieu truoc 16h se chuyen ho so qua cong an"): the fake customs officer's or
  creditor's threat. Nobody buys a case out of the police.
* ``FACE_SCAN_BY_LINK``: a face scan or biometric update through a link or an app someone
  sends (the fake officer's or fake bank's way to pass the bank's face check). Banks ask
  for it in their own app; officers do not send links.
* ``UTILITY_BILL_TO_ACCOUNT``: an electricity or water bill "overdue", a cut-off
  threatened, and the amount to transfer to a bank account number given in the message.
  Utilities take payment through their apps, banks' bill payment and counters, by the
  customer code.
* ``AUTHORITY_FEE_TO_ACCOUNT``: a court, tax office, police or other authority that
  threatens (a freeze, a fine, a deadline) and gives a bank account number to pay into.
  Fees, fines and court charges go to the State Treasury or a counter, app or portal.
* ``REFUND_BY_APP``: a refund that needs an app installed from a link, or an app where the
  reader logs in to a bank (a courier's or a shop's refund comes back by itself, to the way
  it was paid).

The datasets hold few or none of them, so like :mod:`lachan.detect.tactics` they carry a
fixed prior, none when the message warns of fraud or reads like a public advisory
(:func:`requests.advisory`). Each check runs only when a word or word pair it needs is
in the message.
"""

from __future__ import annotations

import re

from lachan.detect.features import Finding, MessageFeatures
from lachan.detect.requests import add_fixed_prior_findings, first_unnegated, negated
from lachan.detect.schemes import ORGANISATION_RE

#: Log-odds towards scam, as the tactics' (``tactics.TACTIC_PRIOR``).
PERSONAL_FRAUD_PRIOR = 12.0

# -- account rental ---------------------------------------------------------------------
_RENTED = (r"(?:tai\s+khoan\s+ngan\s+hang|tk\s+ngan\s+hang|the\s+atm|the\s+ngan\s+hang"
           r"|tai\s+khoan\s+chinh\s+chu|sim\s+chinh\s+chu|khuon\s+mat|tai\s+khoan\s+(?:vi|momo)"
           # (social accounts: "thue tk fb 2-3 nam tuoi 150k/ngay", "thue zalo 200k/ngay")
           r"|(?:tk|tai\s+khoan|nick|acc)\s+(?:fb|facebook|zalo|tiktok|telegram)"
           r"|(?:\d+|hai|ba|vai)\s+tai\s+khoan)")
#: Renting or lending an account, a card, a SIM or a face, whichever way round it is said:
#: "cho thue the ATM", "muon tai khoan ngan hang va khuon mat", "mo them 2 tai khoan ...
#: cho ben chi muon".
_RENTAL_RE = re.compile(
    rf"\b(?:cho\s+)?(?:thue|muon(?!\s+mo\b)|mua\s+lai|mua)[\"'“”]?\s+(?:lai\s+)?(?:\S+\s+){{0,2}}?{_RENTED}"
    # (lent or rented out, or used by "ben anh", a company: not a daughter's own account)
    rf"|\bmo\s+(?:them\s+|giup\s+(?:\S+\s+)?)?{_RENTED}\s+(?:\S+\s+){{0,8}}?cho\s+"
    r"(?:(?:ben|cong\s+ty|nguoi\s+(?:ta|khac))\s+(?:\S+\s+)?(?:muon|thue|su\s+dung)"
    r"|(?:\S+\s+){0,2}?(?:muon|thue))\b")
#: ...for pay: "500k/ngay", "tra em 4 trieu", "8 trieu/lan".
_RENTAL_PAY_RE = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:k|tr|trieu|nghin|d)\s*(?:/|mot|moi)\s*(?:ngay|thang|lan|tuan"
    r"|tai\s+khoan|the)\b|\b(?:tra|gui|tang)\s+(?:ngay\s+)?(?:\S+\s+){0,2}?\d+(?:[.,]\d+)?\s*"
    r"(?:k|tr|trieu|nghin)\b")
#: (the pay near the rental: "thue nha 3 trieu/thang" elsewhere is a flat's rent)
_RENTAL_PAY_REACH = 80
_RENTAL_WORDS = frozenset({"thue", "muon", "mua", "mo"})
_RENTAL_PAIRS = frozenset({"tai khoan", "the atm", "khuon mat", "chinh chu", "tk fb",
                           "tk zalo", "thue zalo", "nick fb", "acc fb", "tk facebook"})

# -- a child's emergency ----------------------------------------------------------------
_CHILD_EMERGENCY_RE = re.compile(
    r"\b(?:con|be|chau)\s+(?:\S+\s+){0,6}?(?:bi\s+tai\s+nan|tai\s+nan|cap\s+cuu|nhap\s+vien"
    r"|bi\s+ngat|ngat\s+xiu|dua\s+(?:\S+\s+)?vao\s+vien|phau\s+thuat|mo\s+gap|ngo\s+doc"
    r"|bi\s+nga|dau\s+bung|co\s+giat|hon\s+me|bi\s+bong|gay\s+(?:tay|chan)|chan\s+thuong"
    r"|ghep\s+da)\b")
#: ...someone who is neither parent nor child speaks (a teacher, a doctor, the school),
#: and to the parent as a stranger does ("con anh/chi", "phu huynh", "Me Bao Anh oi"); a
#: parent telling the other of their child's illness writes none of it.
_CARER_RE = re.compile(
    r"\b(?:(?:co\s+giao|thay\s+giao|giao\s+vien|chu\s+nhiem|giam\s+thi|bao\s+mau)(?!\s+oi\b)"
    r"|(?:em|toi|minh)\s+la\s+(?:co|thay|bac\s+si|y\s+ta|dieu\s+duong)"
    r"|con\s+(?:cua\s+)?(?:anh|chi)(?:\s*/\s*chi)?|phu\s+huynh|(?:me|bo|ba)\s+(?:be\s+)?\S+(?:\s+\S+)?\s+oi)\b")
#: ...and asks for the money: "chi chuyen giup 15tr", "chuyen phi 12tr vao MoMo".
_FEE_NOW_RE = re.compile(
    r"\b(?:chuyen|ck|dong|nop|tam\s+ung|thanh\s+toan|gui)\s+(?:\S+\s+){0,3}?"
    r"(?:tien|phi|vien\s+phi|\d+(?:[.,]\d+)*\s*(?:k|tr|trieu|d|dong)\b)")
_EMERGENCY_WORDS = frozenset({"cap", "tai", "vien", "mo", "phau", "ngat", "nga", "ngo", "dau",
                              "giat", "hon", "bong", "gay", "chan", "ghep"})

# -- a video call that "failed" --------------------------------------------------------
_VIDEO_RE = re.compile(r"\b(?:goi\s+video|video\s+call|call\s+video|goi\s+facetime"
                       r"|goi\s+hinh)\b")
_CALL_FAILED_RE = re.compile(
    r"\b(?:lag|giat|hong\s+(?:mic|loa|camera)|mat\s+tieng|khong\s+co\s+tieng|mat\s+song"
    r"|khong\s+(?:nghe|noi|nhin)\s+(?:duoc|ro|thay)|mang\s+(?:yeu|lag|cham|chap\s+chon)"
    r"|bi\s+tat|tat\s+(?:may|ngang)|roi\s+mang|vo\s+man\s+hinh)\b")
_BORROW_RE = re.compile(
    r"\b(?:chuyen|gui|cho\s+(?:\S+\s+)?muon|vay|ung|ck|can(?:\s+gap)?)\s+(?:\S+\s+){0,6}?"
    r"\d+(?:[.,]\d+)?\s*(?:k|tr|trieu|cu|lit|nghin)\b")

# -- a threat to come to the home -------------------------------------------------------
_AT_HOME_RE = re.compile(
    r"\b(?:xuong|den|toi|qua|ve)\s+(?:tan\s+)?nha\s+(?:\S+\s+){0,3}?(?:lam\s+viec|xu\s+ly"
    r"|tinh\s+so|hoi\s+tham)\b"
    r"|\b(?:co|biet|nam)\s+(?:ca\s+|duoc\s+)?dia\s+chi\s+(?:nha|cong\s+ty|co\s+quan)\b"
    # (not "dung trach em" alone: a seller's "or don't blame me" in chat)
    r"|\bhau\s+qua\s+(?:tu\s+)?(?:chiu|ganh)\b"
    r"|\bcho\s+(?:anh\s+em|dan\s+em|nguoi)\s+(?:xuong|den|toi|qua)\b")
_DEMAND_RE = re.compile(
    r"\b(?:chuyen|tra|tra\s+thay|gui|nop|dua)\s+(?:\S+\s+){0,6}?"
    r"(?:\d+(?:[.,]\d+)?\s*(?:k|tr|trieu|cu|nghin)\b|\d{1,3}(?:[.,]\d{3})+)"
    # a debt named, then the threat: "no 12 trieu ... neu hom nay khong tra"
    r"|\bno\s+(?:\S+\s+){0,2}?\d+(?:[.,]\d+)?\s*(?:k|tr|trieu|cu)\b"
    r"|\b\d+(?:[.,]\d+)?\s*(?:k|tr|trieu|cu)\s+(?:\S+\s+){0,4}?(?:tra|chuyen)\b"
    r"|\btra\s+thay\b")
_CONDITION_RE = re.compile(r"\b(?:(?:khong|ko|k)\s+(?:\S+\s+){0,2}?thi|neu\s+(?:\S+\s+){0,3}?khong"
                           r"|truoc\s+\d+\s*h|trong\s+(?:hom\s+nay|ngay))\b")
_HOME_PAIRS = frozenset({"dia chi", "dung trach", "hau qua", "anh em", "dan em", "tan nha"})
_HOME_WORDS = frozenset({"nha"})

# -- pay or be reported to the police ---------------------------------------------------
#: The case handed to the police unless a sum is paid today: "neu khong nop thue 18 trieu
#: truoc 16h se chuyen ho so qua cong an". Tax offices and customs enforce in writing
#: ("cuong che"), and nobody buys a case out of the police.
_TO_POLICE_RE = re.compile(
    r"\b(?:chuyen|giao|gui)\s+(?:\S+\s+){0,2}?(?:ho\s+so\s+|vu\s+viec\s+)?(?:qua|sang|cho|len)\s+"
    r"(?:co\s+quan\s+)?(?:cong\s+an|canh\s+sat|dieu\s+tra|vien\s+kiem\s+sat|toa\s+an)\b"
    r"|\bse\s+bi\s+(?:bat|khoi\s+to|truy\s+to|tam\s+giam|cong\s+an\s+moi)\b")
_PAY_DEMAND_RE = re.compile(
    r"\b(?:nop|chuyen|dong|thanh\s+toan|tra)\s+(?:\S+\s+){0,4}?\d+(?:[.,]\d+)*\s*"
    r"(?:k|tr|trieu|ty|d|dong|vnd|usd|do)\b")
_POLICE_PAIRS = frozenset({"cong an", "canh sat", "dieu tra", "khoi to", "truy to", "bi bat",
                           "tam giam"})

# -- a face scan through a link ---------------------------------------------------------
_FACE_RE = re.compile(
    r"\b(?:quet|xac\s+thuc|xac\s+nhan|chup|cap\s+nhat|nhan\s+dien)\s+(?:\S+\s+){0,2}?"
    r"(?:khuon\s+mat|guong\s+mat|sinh\s+trac)|\bquet\s+mat\b")
#: ...with a link or an app sent by someone: "bam link chau gui qua Zalo", "em gui link chi
#: tai", "tai app ... theo link".
_SENT_LINK_RE = re.compile(
    r"\b(?:link|duong\s+link|duong\s+dan)\s+(?:\S+\s+){0,3}?(?:gui|nhan|zalo|sau|nay|ben\s+duoi)"
    r"|\bgui\s+(?:\S+\s+){0,2}?(?:link|duong\s+dan)|\b(?:bam|nhan|click|vao)\s+(?:vao\s+)?link"
    r"|\btai\s+(?:app|ung\s+dung)\s+(?:\S+\s+){0,4}?(?:link|qua\s+zalo|apk)")
_FACE_PAIRS = frozenset({"khuon mat", "guong mat", "sinh trac", "quet mat"})
_LINK_FINDINGS = ("URL_PRESENT", "URL_SHORTENER", "URL_BRAND_OTHER_DOMAIN",
                  "AUTHORITY_LINK_NOT_GOV")

# -- a utility bill to a bank account ---------------------------------------------------
_UTILITY_RE = re.compile(r"\b(?:dien\s+luc|evn\w*|tien\s+dien|tien\s+nuoc|cap\s+nuoc"
                         r"|hoa\s+don\s+(?:dien|nuoc))\b")
#: (a cut-off itself, not "qua han" alone: a landlord's "tien dien qua han roi nhe")
_CUT_OFF_RE = re.compile(r"\b(?:cat|ngung\s+cap|ngat|tam\s+ngung)\s+(?:dien|nuoc)\b")
_TO_ACCOUNT_RE = re.compile(r"\b(?:vao|qua|toi|den)\s+(?:so\s+tai\s+khoan|stk|tk|tai\s+khoan)\b")
_UTILITY_PAIRS = frozenset({"dien luc", "tien dien", "tien nuoc", "cap nuoc", "don dien",
                            "don nuoc"})

# -- an authority's fee to a bank account ----------------------------------------------
#: Fees, fines and court charges go to the State Treasury (KBNN) or are paid at a counter,
#: an app or the public-service portal; an "authority" that threatens and gives a bank
#: account number in the message is the fake court's or tax officer's.
_TREASURY_RE = re.compile(r"\b(?:kho\s+bac|kbnn|ngan\s+sach\s+nha\s+nuoc|nsnn)\b")
_THREATS = ("ACCOUNT_LOCK_THREAT", "DEBT_OR_FINE_THREAT")

# -- a refund through an app ------------------------------------------------------------
_REFUND_RE = re.compile(r"\b(?:hoan\s+(?:tien|lai|tra)|tien\s+hoan|refund|nhan\s+lai\s+tien)\b")
_APP_LINK_RE = re.compile(r"\b(?:link|duong\s+dan|apk)\b")
#: ... or, with no link, an app where the reader logs in to a bank to be paid ("cai ung
#: dung GSRefund va dang nhap ngan hang de nhan tien hoan"): no refund needs the bank's
#: login typed into another app.
_BANK_LOGIN_RE = re.compile(r"\bdang\s+nhap\s+(?:vao\s+)?(?:tai\s+khoan\s+|tk\s+|app\s+)?"
                            r"(?:ngan\s+hang|internet\s+banking|ebanking|mobile\s+banking"
                            r"|banking)\b")
_REFUND_PAIRS = frozenset({"hoan tien", "hoan lai", "hoan tra", "tien hoan", "lai tien"})

_ALL_PAIRS = (_RENTAL_PAIRS | _HOME_PAIRS | _POLICE_PAIRS | _FACE_PAIRS | _UTILITY_PAIRS
              | _REFUND_PAIRS
              | frozenset({"goi video", "video call", "call video", "goi facetime"}))


def _rental(folded: str) -> str | None:
    m = _RENTAL_RE.search(folded)
    if m is None or negated(folded, m.start()):
        return None
    pay = _RENTAL_PAY_RE.search(folded, m.start(), m.end() + _RENTAL_PAY_REACH)
    return None if pay is None else f"{m.group(0)} ... {pay.group(0)}"


def _child_emergency(folded: str, findings: dict[str, Finding]) -> str | None:
    m = _CHILD_EMERGENCY_RE.search(folded)
    if m is None or _CARER_RE.search(folded) is None:
        return None
    # (not a fee already paid, "em da dong tien hoc roi", nor one not to pay)
    fee = next((f for f in _FEE_NOW_RE.finditer(folded)
                if not negated(folded, f.start())
                and not folded[max(0, f.start() - 3):f.start()].endswith("da ")), None)
    if fee is None:
        return None
    return f"{m.group(0)} ... {fee.group(0)}"


def _video_excuse(folded: str) -> str | None:
    m = _VIDEO_RE.search(folded)
    if m is None:
        return None
    failed = _CALL_FAILED_RE.search(folded, max(0, m.start() - 80), m.end() + 80)
    money = _BORROW_RE.search(folded) if failed is not None else None
    return None if failed is None or money is None else f"{m.group(0)} ... {failed.group(0)}"


def _threat_at_home(folded: str) -> str | None:
    m = _AT_HOME_RE.search(folded)  # (no negation test: "neu khong tra ... den tan nha"
    if m is None:                     # is the threat's condition)
        return None
    demand = _DEMAND_RE.search(folded)
    if demand is None or _CONDITION_RE.search(folded) is None:
        return None
    return f"{demand.group(0)} ... {m.group(0)}"


def _pay_or_police(folded: str) -> str | None:
    police = _TO_POLICE_RE.search(folded)
    if police is None or _CONDITION_RE.search(folded) is None:
        return None
    pay = _PAY_DEMAND_RE.search(folded)  # (no negation test: "neu khong nop ..." is the
    if pay is None:                         # threat's condition)
        return None
    return f"{pay.group(0)} ... {police.group(0)}"


def _face_by_link(folded: str, findings: dict[str, Finding]) -> str | None:
    m = _FACE_RE.search(folded)
    if m is None or negated(folded, m.start()) or "URL_OFFICIAL_DOMAIN" in findings:
        return None
    sent = first_unnegated(_SENT_LINK_RE, folded)  # not "ngan hang khong gui link"
    if sent is not None:
        return f"{m.group(0)} ... {sent.group(0)}"
    return m.group(0) if any(f in findings for f in _LINK_FINDINGS) else None


def _bill_to_account(folded: str, findings: dict[str, Finding]) -> str | None:
    if "BANK_ACCOUNT" not in findings:
        return None
    utility = _UTILITY_RE.search(folded)
    cut = _CUT_OFF_RE.search(folded) if utility is not None else None
    into = _TO_ACCOUNT_RE.search(folded) if cut is not None else None
    if utility is None or cut is None or into is None or negated(folded, into.start()):
        return None
    return f"{utility.group(0)} ... {cut.group(0)} ... {into.group(0)}"


def _authority_fee(folded: str, findings: dict[str, Finding]) -> str | None:
    into = _TO_ACCOUNT_RE.search(folded)
    if into is None or negated(folded, into.start()) or _TREASURY_RE.search(folded):
        return None
    if ORGANISATION_RE.search(folded, into.end(), into.end() + 80) is not None:
        return None  # "vao tai khoan ... ten UBND xa An Binh": the body's own account
    if not any(t in findings for t in _THREATS) and _CONDITION_RE.search(folded) is None:
        return None
    return f"{findings['AUTHORITY_NAMED'].detail.split(': ')[-1][:30]} ... {into.group(0)}"


def _refund_by_app(folded: str, findings: dict[str, Finding]) -> str | None:
    if "APP_INSTALL_REQUEST" not in findings or "URL_OFFICIAL_DOMAIN" in findings:
        return None
    m = _REFUND_RE.search(folded)
    if m is None or negated(folded, m.start()):
        return None
    app = f"{m.group(0)} ... {findings['APP_INSTALL_REQUEST'].detail.split(': ')[-1][:30]}"
    if _APP_LINK_RE.search(folded) is not None or any(f in findings for f in _LINK_FINDINGS):
        return app
    login = first_unnegated(_BANK_LOGIN_RE, folded)
    return None if login is None else f"{app} ... {login.group(0)}"


def personal_fraud_findings(folded: str, tokens: list[str], bigrams: list[str],
                            out: MessageFeatures) -> None:
    """The findings of this module for the folded text, its ``tokens`` and their
    ``bigrams``, after the phrase, entity, host and request findings."""
    pairs = _ALL_PAIRS.intersection(bigrams)
    findings = out.findings
    found: list[tuple[str, str | None]] = []
    if pairs and not _RENTAL_PAIRS.isdisjoint(pairs) and not _RENTAL_WORDS.isdisjoint(tokens):
        found.append(("ACCOUNT_RENTAL", _rental(folded)))
    if not _EMERGENCY_WORDS.isdisjoint(tokens) and (
            "MONEY" in findings or "BANK_ACCOUNT" in findings
            or "MONEY_TRANSFER_REQUEST" in findings):
        found.append(("CHILD_EMERGENCY_FEE", _child_emergency(folded, findings)))
    if "video" in tokens or "facetime" in tokens or "hinh" in tokens:
        found.append(("VIDEO_CALL_EXCUSE", _video_excuse(folded)))
    if not _HOME_PAIRS.isdisjoint(pairs) or not _HOME_WORDS.isdisjoint(tokens):
        found.append(("THREAT_AT_HOME", _threat_at_home(folded)))
    if not _POLICE_PAIRS.isdisjoint(pairs) and ("MONEY" in findings
                                                 or "MONEY_LARGE" in findings):
        found.append(("PAY_OR_POLICE", _pay_or_police(folded)))
    if not _FACE_PAIRS.isdisjoint(pairs):
        found.append(("FACE_SCAN_BY_LINK", _face_by_link(folded, findings)))
    if not _UTILITY_PAIRS.isdisjoint(pairs) or "evn" in folded:
        found.append(("UTILITY_BILL_TO_ACCOUNT", _bill_to_account(folded, findings)))
    if ("AUTHORITY_NAMED" in findings and "BANK_ACCOUNT" in findings
            and not any(text for name, text in found if name == "UTILITY_BILL_TO_ACCOUNT")):
        found.append(("AUTHORITY_FEE_TO_ACCOUNT", _authority_fee(folded, findings)))
    if not _REFUND_PAIRS.isdisjoint(pairs) or "refund" in tokens:
        found.append(("REFUND_BY_APP", _refund_by_app(folded, findings)))
    add_fixed_prior_findings(out, found, _DETAILS, PERSONAL_FRAUD_PRIOR)


#: ``(name, meaning)`` of every finding of this module, for the symbol catalogue.
SYMBOLS: tuple[tuple[str, str], ...] = (
    ("ACCOUNT_RENTAL", "money for the use of your bank account, ATM card, SIM or face (the "
                       "accounts launder fraud money; renting them out is an offence)"),
    ("CHILD_EMERGENCY_FEE", "a child in an accident or in hospital, and a teacher, doctor or "
                            "the school asking you to pay the fees now"),
    ("VIDEO_CALL_EXCUSE", "money asked by someone whose video call 'lagged' or whose "
                          "microphone 'broke' (the hijacked account's or deepfake's excuse)"),
    ("THREAT_AT_HOME", "money demanded under the threat of 'visiting' your home"),
    ("PAY_OR_POLICE", "a sum to pay today, or your case goes to the police (nobody buys a "
                      "case out of the police; tax offices and customs enforce in writing)"),
    ("FACE_SCAN_BY_LINK", "a face scan or biometric update through a link or an app someone "
                          "sends (banks ask for it in their own app; officers send no links)"),
    ("UTILITY_BILL_TO_ACCOUNT", "an overdue electricity or water bill, a cut-off threatened, "
                                "and the amount to transfer to a bank account in the message"),
    ("AUTHORITY_FEE_TO_ACCOUNT", "a court, tax office, police or utility that threatens and "
                                 "gives a bank account to pay into (fees go to the State "
                                 "Treasury, a counter or the public-service portal)"),
    ("REFUND_BY_APP", "a refund that needs an app installed from a link, or one where you log "
                      "in to your bank (refunds come back by themselves, to the way you paid)"),
)
_DETAILS: dict[str, str] = {
    "ACCOUNT_RENTAL": "pays for the use of a bank account, card, SIM or face",
    "CHILD_EMERGENCY_FEE": "a child's emergency and fees to pay at once",
    "VIDEO_CALL_EXCUSE": "asks for money after a video call that 'failed'",
    "THREAT_AT_HOME": "demands money under a threat to come to your home",
    "PAY_OR_POLICE": "pay today or the case goes to the police",
    "FACE_SCAN_BY_LINK": "a face scan through a link or app someone sends",
    "UTILITY_BILL_TO_ACCOUNT": "a utility bill with a cut-off threat, paid to an account",
    "AUTHORITY_FEE_TO_ACCOUNT": "an authority's threat with a bank account to pay into",
    "REFUND_BY_APP": "a refund through an app installed from a link or a bank login",
}
