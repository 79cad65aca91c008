"""The moves that finish a fraud, whatever story it tells: holding the victim on the line,
buying a relative out of custody, a "carrier" command sent to a personal number, ID card
photos for a card or loan over chat, a callback number inside a one-time-code message,
money said to have grown several times in weeks, an "unread message" behind a link, and
a soldier's fortune to keep.

* ``STAY_ON_THE_LINE``: "giu may, khong duoc cup may" from a caller who says he is the
  police, a bank or a court, or who asks for a code: the fake-officer script that keeps
  the victim from calling anyone to check. Nobody legitimate forbids hanging up.
* ``RELEASE_FROM_CUSTODY_FEE``: a relative or friend "held by the police" and money to
  have him released today (fines are paid at the Treasury, bail is not wired to a caller).
* ``SMS_COMMAND_TO_MOBILE``: "soan ESIM [so CCCD] gui 0931..." : a carrier's or a bank's
  command syntax to be sent to a personal mobile number; their commands go to short codes.
* ``ID_PHOTOS_FOR_CREDIT``: a credit card or a loan "without income proof", "bad debt
  accepted", for photos of the ID card and a portrait sent over a chat app or to a mobile
  (the borrower's identity is what is taken).
* ``CODE_WITH_PERSONAL_CALLBACK``: a one-time-code message that says "if you did not ask
  for it, call our staff on 09..." (services name their hotline or nothing).
* ``MONEY_MULTIPLIED_CLAIM``: "20tr thanh 58tr trong 2 tuan": a stake said to have grown
  several times within days or weeks (the testimonial of the investment fraud).
* ``UNREAD_MESSAGE_LURE``: "you have an unread message, open s.id/..." : a notice of
  nothing, whose only content is the link.
* ``FORTUNE_FOR_SAFEKEEPING``: a soldier, a diplomat or a dying stranger who wants to send
  you a box of savings "for safe keeping" (the romance and advance-fee letter).
* ``ACCUSED_BY_PHONE``: "ban co ten trong ho so vu an ma tuy ... hop tac qua cuoc goi video
  ... se bi bat tam giam": a crime pinned on the reader, to be settled over a call or under
  threat of arrest. The police summon in writing, to an office; they do not investigate by
  video call.
* ``SIM_SERIAL_COMMAND``: "soan DS + 20 so seri in tren phoi SIM gui 999": a SIM card's
  serial number to be sent in an SMS command, with which a number is moved to another SIM
  (the 4G-upgrade swap). Carriers change SIMs at their shops, against an ID card.
* ``MISSED_CALL_ABROAD``: "ban co cuoc goi nho, goi lai so +232...": a missed call to be
  returned to a number abroad (the premium-rate "wangiri" callback); a carrier's missed-call
  notice names a Vietnamese number.

The datasets hold none of them, so like :mod:`lachan.detect.pretexts` they carry a fixed
prior, none when the message warns of fraud or reads like a public advisory
(:func:`requests.advisory`). Each check runs only when a word pair or word it needs is in
the message.
"""

from __future__ import annotations

import re

from lachan.detect.features import MessageFeatures
from lachan.detect.requests import add_fixed_prior_findings, first_unnegated

#: Log-odds towards scam, as the pretexts' (``pretexts.PRETEXT_PRIOR``).
TACTIC_PRIOR = 12.0

_OFFICIAL = (r"(?:cong\s+an|canh\s+sat|csgt|toa\s+an|vien\s+kiem\s+sat|thuong\s+ta|trung\s+ta"
             r"|thieu\s+ta|dai\s+uy|dieu\s+tra\s+vien|can\s+bo|nhan\s+vien\s+ngan\s+hang"
             r"|otp|ma\s+xac\s+(?:thuc|nhan))")
_OFFICIAL_RE = re.compile(rf"\b{_OFFICIAL}\b")
#: "giu may, khong duoc cup", "tuyet doi giu may khong tat", "dung cup may".
_HOLD_LINE_RE = re.compile(
    r"\b(?:(?:tuyet\s+doi\s+)?giu\s+may\s*,?\s*(?:\S+\s+){0,2}?(?:khong|dung|ko)\s+(?:duoc\s+)?"
    r"(?:cup|tat|ngat|dap)|(?:khong|dung|ko)\s+(?:duoc\s+)?(?:cup|ngat|dap)\s+may"
    r"|do\s+not\s+hang\s+up|don'?t\s+hang\s+up|stay\s+on\s+the\s+line)\b")
_HOLD_PAIRS = frozenset({"giu may", "cup may", "hang up", "the line", "duoc cup"})

#: Someone held: "anh ay bi cong an giu", "chau dang bi tam giu o dong cong an".
_HELD_RE = re.compile(
    r"\b(?:bi|dang\s+bi|vua\s+bi)\s+(?:(?:cong\s+an|canh\s+sat|csgt|cs)\s+(?:\S+\s+){0,2}?"
    r"(?:giu|bat|bat\s+giu)(?!\s+(?:xe|giay|bang|buoc|dau|gap|loi|phat)\b)"
    r"|tam\s+giu|tam\s+giam)\b"
    # "con dang o don cong an", "chau bi giu o tru so cong an phuong"
    r"|\b(?:dang|bi\s+giu|phai)\s+o\s+(?:don|tru\s+so|phong)\s+(?:cong\s+an|canh\s+sat)\b")
#: And money to get him out: "can 25 trieu nop phat de duoc tha", "lo cho no ra".
_RELEASE_RE = re.compile(
    r"\b(?:de|moi|thi)\s+(?:duoc\s+|cho\s+(?:\S+\s+){0,2}?)?(?:tha|bao\s+lanh|ra\s+ve"
    r"|ra\s+ngay|xu\s+nhe|bo\s+qua)\b|\bbao\s+lanh\b|\blo\s+cho\s+\S+\s+ra\b")
#: (within this many characters after the hold: about 15 words)
_RELEASE_REACH = 100
_MONEY_WORDS_RE = re.compile(r"\b(?:\d+(?:[.,]\d+)*\s*(?:k|tr|trieu|ty|d|dong|vnd)\b"
                             r"|nop\s+phat)")
_HELD_PAIRS = frozenset({"tam giu", "bat giu", "an giu", "sat giu", "an bat", "sat bat",
                         "tam giam", "don cong", "so cong", "don canh", "so canh"})

#: A command syntax ("soan ...") to be sent to a 10-digit mobile, not a short code.
#: ("soan" alone is also "to draft": "em soan bao gia roi gui so 09... cua anh Hung"; the
#: command needs "soan tin", or a SIM, carrier or bank around it)
_COMMAND_TO_MOBILE_RE = re.compile(
    r"\bsoan\s+(?:tin\s*:?\s*|tin\s+nhan\s*:?\s*)?(?:\S+\s+){1,5}?gui\s+(?:den\s+|toi\s+|ve\s+)?"
    r"(?:so\s+|sdt\s+)?(?:\+?84|0)[35789](?:[ .]?\d){8}\b")

_COMMAND_CONTEXT_RE = re.compile(r"\b(?:sim|esim|nha\s+mang|viettel|vinaphone|mobifone"
                                 r"|vietnamobile|ngan\s+hang|cu\s+phap)\b")
#: A card or a loan on terms no lender offers ...
_CREDIT_RE = re.compile(
    r"\b(?:the\s+tin\s+dung|mo\s+the|vay|khoan\s+vay|giai\s+ngan|rut\s+tien\s+mat)\b")
_NO_CHECK_RE = re.compile(
    r"\b(?:khong\s+can\s+(?:chung\s+minh\s+thu\s+nhap|tham\s+dinh|the\s+chap|xac\s+minh)"
    r"|(?:duyet|nhan|ho\s+tro)\s+(?:\S+\s+){0,3}?no\s+xau|duyet\s+100\s*%)")
#: ... for photos of the ID card and the face, over chat or to a mobile.
_ID_PHOTOS_RE = re.compile(
    r"\b(?:anh|hinh|chup)\s+(?:\S+\s+){0,1}?(?:cccd|cmnd|can\s+cuoc|chung\s+minh\s+nhan\s+dan)"
    r"|\b(?:cccd|cmnd)\s+(?:2|hai)\s+mat\b|\banh\s+chan\s+dung\b")
_CREDIT_PAIRS = frozenset({"no xau", "thu nhap", "tham dinh", "the chap", "duyet 100"})

#: "neu ban khong yeu cau, hay goi lai cho nhan vien so 09..." in a code message.
_PERSONAL_CALLBACK_RE = re.compile(
    r"\b(?:neu|if)\s+(?:ban\s+|quy\s+khach\s+|you\s+)?(?:khong|did\s+not|didn'?t)\s+"
    r"(?:\S+\s+){0,4}?(?:goi|lien\s+he|call|contact)\s+(?:lai\s+)?(?:\S+\s+){0,4}?"
    r"(?:\+?84|0)[35789](?:[ .]?\d){8}\b")

#: "20tr thanh 58tr trong 2 tuan", "tu 5 trieu len 40 trieu sau 10 ngay".
_MULTIPLIED_RE = re.compile(
    r"\b(?P<a>\d+(?:[.,]\d+)?)\s*(?P<ua>k|tr|trieu|cu|ty)\s+(?:thanh|len|lai\s+ra|ra|thu\s+ve|ve)\s+"
    r"(?P<b>\d+(?:[.,]\d+)?)\s*(?P<ub>k|tr|trieu|cu|ty)\b(?:\s+\S+){0,3}?\s+"
    r"(?:trong|sau|chi|chua\s+toi|chua\s+den)\s+(?:\S+\s+)?\d*\s*(?:ngay|tuan)\b")
_UNIT = {"k": 1e3, "tr": 1e6, "trieu": 1e6, "cu": 1e6, "ty": 1e9}

#: "co 1 tin nhan chua doc", "ban co thong bao moi chua xem".
_UNREAD_RE = re.compile(
    r"\b(?:co|have)\s+(?:\d+|mot)\s+(?:tin\s+nhan|thong\s+bao|thu|buu\s+pham\s+dien\s+tu"
    r"|(?:unread|new)\s+(?:message|notification))\s*(?:moi\s+)?chua\s+(?:doc|xem|nhan)"
    r"|\bunread\s+(?:message|notification)s?\b")
_UNREAD_PAIRS = frozenset({"chua doc", "chua xem", "unread message", "unread messages"})
#: A service's own reminder links to its own site.
_OWN_WAYS = ("URL_OFFICIAL_DOMAIN", "SENDER_OFFICIAL")
_LINK_FINDINGS = ("URL_PRESENT", "URL_SHORTENER")

#: A soldier's or a stranger's fortune "for safe keeping".
_FORTUNE_RE = re.compile(
    r"\b(?:us\s+army|soldier|military|peacekeep\w*|general|captain|diplomat|barrister"
    r"|linh\s+my|quan\s+doi\s+my|si\s+quan)\b(?:\s+\S+){0,40}?\s+(?:box|consignment|trunk"
    r"|package|funds?|savings|gold|thung\s+tien|kien\s+hang)\b(?:\s+\S+){0,20}?\s+"
    r"(?:safe\s*keeping|keep\s+(?:it|for\s+me)|giu\s+ho|cat\s+giu)")
_FORTUNE_WORDS = frozenset({"safekeeping", "safe", "consignment"})
_FORTUNE_PAIRS = frozenset({"giu ho", "cat giu", "safe keeping"})

_DETAILS = {
    "STAY_ON_THE_LINE": "an officer, a bank or a code request that forbids you to hang up",
    "RELEASE_FROM_CUSTODY_FEE": "someone 'held by the police' and money to have him released",
    "SMS_COMMAND_TO_MOBILE": "a command syntax to send to a personal mobile number, not a "
                             "short code",
    "ID_PHOTOS_FOR_CREDIT": "a card or a loan without checks, for photos of your ID card",
    "CODE_WITH_PERSONAL_CALLBACK": "a code message that sends you to a personal mobile",
    "MONEY_MULTIPLIED_CLAIM": "money said to have multiplied within days or weeks",
    "UNREAD_MESSAGE_LURE": "an 'unread message' whose only content is a link",
    "FORTUNE_FOR_SAFEKEEPING": "a stranger's fortune to keep for him",
    "MISSED_CALL_ABROAD": "a missed call to return to a number abroad",
    "SIM_SERIAL_COMMAND": "a SIM card's serial number to send in an SMS command",
    "ACCUSED_BY_PHONE": "a crime pinned on you, to settle over a call or under threat of arrest",
}
#: The reader named in a case: "co ten trong ho so vu an", "lien quan den duong day rua tien".
_ACCUSED_RE = re.compile(
    r"\b(?:ban|anh|chi|quy\s+khach|ong|ba|em)\s+(?:\S+\s+){0,3}?"
    r"(?:co\s+ten\s+trong|lien\s+quan\s+(?:den|toi)|dinh\s+liu\s+(?:den|toi)|nghi\s+van"
    r"|dinh\s+danh\s+trong)\s+(?:\S+\s+){0,3}?(?:vu\s+an|duong\s+day|rua\s+tien|ma\s+tuy"
    r"|buon\s+lau|lua\s+dao\s+chiem\s+doat)\b")
#: ...and the case settled over a call, or an arrest threatened: "hop tac qua cuoc goi video
#: voi dieu tra vien", "lam viec qua Zalo", "se bi bat tam giam".
_BY_CALL_RE = re.compile(
    r"\b(?:hop\s+tac|lay\s+loi\s+khai|xac\s+minh|dieu\s+tra)\s+(?:\S+\s+){0,3}?"
    r"(?:qua\s+)?(?:cuoc\s+goi|goi\s+video|video\s+call|zalo|telegram)\b"
    r"|\b(?:ban|anh|chi|quy\s+khach|ong|ba)\s+(?:\S+\s+){0,2}?se\s+bi\s+(?:bat|tam\s+giam"
    r"|truy\s+na|khoi\s+to|phong\s+toa)\b")
_ACCUSED_PAIRS = frozenset({"vu an", "duong day", "rua tien", "ma tuy", "buon lau"})

#: A SIM's serial sent in a command to a short code: "soan tin theo cu phap DS + 20 so seri
#: in tren phoi SIM gui 999" (not a serial passed to a shop or a relative).
_SIM_SERIAL_RE = re.compile(
    r"\b(?:soan|nhan\s+tin|gui\s+tin|cu\s+phap)\b.{0,60}?\b(?:so\s+)?(?:seri|serial|series)\b"
    r"(?:\s+\S+){0,5}?\s+(?:sim|phoi\s+sim|esim)\b.{0,40}?\bgui\s+(?:den\s+|toi\s+)?\d{3,5}\b")
_SIM_WORDS = frozenset({"seri", "serial", "series"})
#: ...or the numbers printed on the SIM sent to a person ("chi can gui anh CCCD 2 mat va day
#: so in sau SIM, lien he 0815..."): the swap by photo and chat.
_SIM_NUMBER_RE = re.compile(
    r"\b(?:day\s+so|so\s+seri|seri|serial|ma\s+so)\s+(?:\S+\s+){0,2}?(?:in\s+)?(?:sau|tren|cua|o)\s+"
    r"(?:mat\s+sau\s+)?(?:phoi\s+|the\s+)?sim\b")
_PRIVATE_WAYS = ("PHONE_MOBILE", "CHAT_APP_CONTACT")

#: A missed call to return abroad: "cuoc goi nho ... goi lai ngay so +232 76...", "missed
#: call, call back +44..." (a number with a country code other than Viet Nam's).
_CALL_ABROAD_RE = re.compile(
    r"\b(?:goi\s+lai|goi\s+ngay|bam\s+goi|call\s+back|call|lien\s+he\s+lai)\s+(?:\S+\s+){0,4}?"
    r"(?:\+|00)(?!84)[1-9][\d .-]{3,14}\d")
_MISSED_PAIRS = frozenset({"goi nho", "missed call", "cuoc nho"})
#: ...from a "switchboard" or about something to collect, not a relative abroad.
_SERVICE_CUE_RE = re.compile(r"\b(?:tong\s+dai|quan\s+trong|nhan\s+(?:thong\s+tin|qua|giai|thuong)"
                             r"|trung\s+thuong|buu\s+(?:dien|cuc)|ngan\s+hang|important|prize)\b")

_ALL_PAIRS = (_HOLD_PAIRS | _HELD_PAIRS | _CREDIT_PAIRS | _UNREAD_PAIRS | _FORTUNE_PAIRS
              | _MISSED_PAIRS | _ACCUSED_PAIRS | frozenset({"soan tin"}))
#: The verbs :data:`_MULTIPLIED_RE` turns on ("thu ve", "lai ra" end in them).
_GROWTH_WORDS = frozenset({"thanh", "len", "ra", "ve"})
_ALL_WORDS = _GROWTH_WORDS | _FORTUNE_WORDS | _SIM_WORDS | frozenset({"soan"})


def _multiplied(folded: str) -> str | None:
    """A growth of 2.5 times or more in VND (a 20 % gain is an ordinary claim)."""
    for m in _MULTIPLIED_RE.finditer(folded):  # (digits, at most one separator: floats)
        a = float(m.group("a").replace(",", ".")) * _UNIT[m.group("ua")]
        b = float(m.group("b").replace(",", ".")) * _UNIT[m.group("ub")]
        if a > 0 and b >= 2.5 * a:
            return m.group(0)
    return None


def tactic_findings(folded: str, tokens: list[str], bigrams: list[str],
                    out: MessageFeatures) -> None:
    """The findings of this module for the folded text, its ``tokens`` and their
    ``bigrams``, after the phrase and entity findings."""
    pairs = _ALL_PAIRS.intersection(bigrams)
    words = _ALL_WORDS.intersection(tokens)
    findings = out.findings
    found: list[tuple[str, str | None]] = []
    if not _HOLD_PAIRS.isdisjoint(pairs):
        m = _HOLD_LINE_RE.search(folded)
        who = _OFFICIAL_RE.search(folded) if m is not None else None
        found.append(("STAY_ON_THE_LINE",
                      None if m is None or who is None else f"{who.group(0)} ... {m.group(0)}"))
    if not _HELD_PAIRS.isdisjoint(pairs):
        held = _HELD_RE.search(folded)
        release = (_RELEASE_RE.search(folded, held.end(), held.end() + _RELEASE_REACH)
                   if held is not None else None)
        money = _MONEY_WORDS_RE.search(folded) if release is not None else None
        found.append(("RELEASE_FROM_CUSTODY_FEE",
                      None if held is None or release is None or money is None
                      else f"{held.group(0)} ... {release.group(0)}"))
    if "soan tin" in pairs or ("soan" in words and _COMMAND_CONTEXT_RE.search(folded)):
        m = _COMMAND_TO_MOBILE_RE.search(folded)
        found.append(("SMS_COMMAND_TO_MOBILE", None if m is None else m.group(0)))
    if not _CREDIT_PAIRS.isdisjoint(pairs) and (
            "CHAT_APP_CONTACT" in findings or "PHONE_MOBILE" in findings):
        credit = _CREDIT_RE.search(folded)
        terms = _NO_CHECK_RE.search(folded) if credit is not None else None
        photos = _ID_PHOTOS_RE.search(folded) if terms is not None else None
        found.append(("ID_PHOTOS_FOR_CREDIT",
                      None if credit is None or terms is None or photos is None
                      else f"{terms.group(0)} ... {photos.group(0)}"))
    if "OTP_CODE" in findings and "PHONE_MOBILE" in findings:
        m = _PERSONAL_CALLBACK_RE.search(folded)
        found.append(("CODE_WITH_PERSONAL_CALLBACK", None if m is None else m.group(0)))
    if not _GROWTH_WORDS.isdisjoint(words):
        found.append(("MONEY_MULTIPLIED_CLAIM", _multiplied(folded)))
    if (not _UNREAD_PAIRS.isdisjoint(pairs) and any(f in findings for f in _LINK_FINDINGS)
            and not any(f in findings for f in _OWN_WAYS)):
        m = first_unnegated(_UNREAD_RE, folded)
        found.append(("UNREAD_MESSAGE_LURE", None if m is None else m.group(0)))
    if not _FORTUNE_PAIRS.isdisjoint(pairs) or not _FORTUNE_WORDS.isdisjoint(words):
        m = _FORTUNE_RE.search(folded)
        found.append(("FORTUNE_FOR_SAFEKEEPING", None if m is None else m.group(0)))
    if not _SIM_WORDS.isdisjoint(words) or ("sim" in tokens and "so" in tokens):
        m = _SIM_SERIAL_RE.search(folded) if not _SIM_WORDS.isdisjoint(words) else None
        if m is None and any(f in findings for f in _PRIVATE_WAYS):
            m = _SIM_NUMBER_RE.search(folded)
        found.append(("SIM_SERIAL_COMMAND", None if m is None else m.group(0)))
    if not _ACCUSED_PAIRS.isdisjoint(pairs):
        accused = _ACCUSED_RE.search(folded)
        by_call = _BY_CALL_RE.search(folded) if accused is not None else None
        found.append(("ACCUSED_BY_PHONE", None if accused is None or by_call is None
                      else f"{accused.group(0)} ... {by_call.group(0)}"))
    if not _MISSED_PAIRS.isdisjoint(pairs) and "PHONE_FOREIGN" in findings:
        m = _CALL_ABROAD_RE.search(folded) if _SERVICE_CUE_RE.search(folded) else None
        found.append(("MISSED_CALL_ABROAD", None if m is None else m.group(0)))
    add_fixed_prior_findings(out, found, _DETAILS, TACTIC_PRIOR)


#: ``(name, meaning)`` of every finding of this module, for the symbol catalogue.
SYMBOLS: tuple[tuple[str, str], ...] = (
    ("STAY_ON_THE_LINE", "a 'police officer', a 'bank' or a code request that forbids you to "
                         "hang up (so that you cannot call anyone to check)"),
    ("RELEASE_FROM_CUSTODY_FEE", "a relative or friend 'held by the police' and money to have "
                                 "him released today"),
    ("SMS_COMMAND_TO_MOBILE", "a carrier's or bank's command syntax ('soan ESIM ...') to send "
                              "to a personal mobile number (their commands go to short codes)"),
    ("ID_PHOTOS_FOR_CREDIT", "a card or a loan 'without income proof' or 'bad debt accepted', "
                             "for photos of your ID card sent over chat or to a mobile"),
    ("CODE_WITH_PERSONAL_CALLBACK", "a one-time-code message that tells you to call a "
                                    "personal mobile if you did not ask for the code"),
    ("MONEY_MULTIPLIED_CLAIM", "a stake said to have grown several times within days or "
                               "weeks (the investment fraud's testimonial)"),
    ("UNREAD_MESSAGE_LURE", "an 'unread message' or notice whose only content is a link"),
    ("FORTUNE_FOR_SAFEKEEPING", "a soldier's, diplomat's or stranger's fortune to be sent to "
                                "you for safe keeping (the advance-fee letter)"),
    ("ACCUSED_BY_PHONE", "you are said to be named in a criminal case, to be settled over a "
                         "call or video call, or under threat of arrest"),
    ("SIM_SERIAL_COMMAND", "a SIM card's serial number to be sent in an SMS command (which "
                           "moves the number to another SIM)"),
    ("MISSED_CALL_ABROAD", "a missed call to be returned to a number abroad (the premium-rate "
                           "callback)"),
)
