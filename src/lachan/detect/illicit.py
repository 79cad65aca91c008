"""Offers and threats that are crimes whatever words surround them: illegal goods for
sale (drugs, weapons, counterfeit money, date-rape drugs), promises of a fixed daily
return on an "investment", sextortion, offers to recover money lost to fraud, and links
to Android app packages. The datasets hold next to none of them, so these findings carry
a fixed prior (log-odds towards scam) and no learned weight, like those of
:mod:`lachan.detect.requests`.

Each is one regular expression over the folded text, run only when the message's word
pairs hold one of its pairs. A message that warns against fraud or reads like a public
advisory ("phong chong ma tuy") quotes them and gets no prior (``requests.advisory``).
"""

from __future__ import annotations

import re

from lachan.detect.features import Finding, MessageFeatures
from lachan.detect.requests import advisory, negated

ILLEGAL_GOODS_PRIOR = 10.0
GUARANTEED_RETURNS_PRIOR = 8.0
EXTORTION_PRIOR = 10.0
#: An offer to get back money lost to fraud: the recovery fraud that follows the first one
#: (fake lawyers, "cyber police", hackers). Real help comes from the police, who do not
#: advertise by message.
RECOVERY_OFFER_PRIOR = 8.0
#: An app package by link invites malware from outside the stores; some games and shops
#: do hand out .apk files, so this prior helps rather than decides.
APK_LINK_PRIOR = 5.0

#: Things nobody may sell by message.
_GOODS = (r"(?:sung\s+(?:dien|hoi|ban\s+dan|ngan|quan\s+dung|k\d\d|colt|glock|tu\s+che)"
          r"|ma\s+tuy|can\s+sa|thuoc\s+lac|ma\s+tuy\s+da|coca(?:in|ine)|heroin|thuoc\s+me"
          r"|thuoc\s+kich\s+duc|tien\s+gia|phao\s+no|dan\s+cao\s+su|weed|cannabis|mdma)")
_SELLING = (r"(?:ban|ban\s+le|ban\s+si|cung\s+cap|co\s+san|ship|giao|nhan\s+ship|can\s+ban"
            r"|chuyen|sell|selling)")
_ILLEGAL_GOODS_RE = re.compile(rf"\b{_SELLING}\b(?:\s+\S+){{0,4}}?\s+{_GOODS}\b")
_GOODS_PAIRS = frozenset({"sung dien", "sung hoi", "sung ban", "sung ngan", "sung quan",
                          "sung tu", "sung colt", "sung glock", "ma tuy", "can sa", "thuoc lac",
                          "thuoc me", "kich duc", "tien gia", "phao no", "cao su"})
_GOODS_WORDS = frozenset({"cocain", "cocaine", "heroin", "weed", "cannabis", "mdma"})

#: A fixed daily return, or a guaranteed profit: no lawful investment promises either.
_RETURNS_RE = re.compile(
    r"\b(?:lai|loi\s+nhuan|lai\s+suat)\s+(?:len\s+(?:den|toi)\s+)?\d+(?:[.,]\d+)?\s*%\s*"
    r"(?:/|mot|moi|1|tren)\s*ngay\b"
    r"|\bcam\s+ket\s+(?:loi\s+nhuan|lai|hoan\s+von|100\s*%\s*thang)\b"
    r"|\b\d+(?:[.,]\d+)?\s*%\s*(?:per|a|every)\s+day\b|\bguaranteed\s+(?:profit|returns?)\b")
_RETURNS_PAIRS = frozenset({"cam ket", "guaranteed profit", "guaranteed return",
                            "guaranteed returns"})

#: Intimate images and a demand, with the threat to send them to family or contacts.
_INTIMATE_RE = re.compile(
    r"\b(?:video|clip|anh|hinh)\s+(?:\S+\s+){0,2}?(?:nong|nhay\s+cam|khoa\s+than|sex|nude"
    r"|ben\s+tau|chat\s+sex)\b|\bnude\s+(?:photos?|videos?)\b")
_EXPOSE_RE = re.compile(
    r"\b(?:gui\s+cho|phat\s+tan|dang\s+len|tung\s+len|cong\s+khai|danh\s+ba|nguoi\s+than"
    r"|gia\s+dinh|vo\s+(?:may|mi|ban)|ban\s+be|send\s+(?:it\s+)?to\s+(?:your|all))\b")
_DEMAND_RE = re.compile(r"\b(?:chuyen|nop|gui|tra|pay|send)\b")
_EXTORTION_PAIRS = frozenset({"clip nong", "video nong", "anh nong", "hinh nong", "clip sex",
                              "video sex", "nhay cam", "khoa than", "chat sex", "ben tau",
                              "nude photos", "nude videos", "nude video", "anh nude"})

_APK_RE = re.compile(r"\.apk\b")

_RECOVERY_RE = re.compile(
    r"\b(?:thu\s+hoi|lay\s+lai|khoi\s+phuc|doi\s+lai|hoan\s+lai)\s+(?:\S+\s+){0,2}?tien"
    r"\s+(?:da\s+)?(?:bi\s+)?(?:lua(?:\s+dao)?|chiem\s+doat|mat\s+do\s+lua)\b"
    r"|\brecover\s+(?:your\s+)?(?:lost|scammed|stolen)\s+(?:money|funds|crypto)\b")
_RECOVERY_PAIRS = frozenset({"thu hoi", "lay lai", "khoi phuc", "doi lai", "hoan lai"})

_DETAILS = {
    "ILLEGAL_GOODS": "offers illegal goods",
    "GUARANTEED_RETURNS": "promises a fixed daily return or a guaranteed profit",
    "EXTORTION_THREAT": "threatens to spread intimate images unless paid",
    "APK_LINK": "links to an Android app package (.apk) outside the app stores",
    "FRAUD_RECOVERY_OFFER": "offers to get back money lost to fraud",
}

_ALL_PAIRS = _GOODS_PAIRS | _RETURNS_PAIRS | _EXTORTION_PAIRS | _RECOVERY_PAIRS


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
    percent = "%" in folded and ("ngay" in tokens or "day" in tokens)
    apk = "apk" in folded
    goods_word = not _GOODS_WORDS.isdisjoint(tokens)
    if not (pairs or percent or apk or goods_word or "recover" in tokens):
        return
    quoted = advisory(out)
    if goods_word or not _GOODS_PAIRS.isdisjoint(pairs):
        m = _ILLEGAL_GOODS_RE.search(folded)
        if m is not None:
            _add(out, "ILLEGAL_GOODS", m.group(0), ILLEGAL_GOODS_PRIOR, quoted)
    if percent or not _RETURNS_PAIRS.isdisjoint(pairs):
        m = _RETURNS_RE.search(folded)
        if m is not None:
            _add(out, "GUARANTEED_RETURNS", m.group(0), GUARANTEED_RETURNS_PRIOR, quoted)
    if not _EXTORTION_PAIRS.isdisjoint(pairs):
        m = _INTIMATE_RE.search(folded)
        if (m is not None and _EXPOSE_RE.search(folded) is not None
                and _DEMAND_RE.search(folded) is not None):
            _add(out, "EXTORTION_THREAT", m.group(0), EXTORTION_PRIOR, quoted)
    if not _RECOVERY_PAIRS.isdisjoint(pairs) or "recover" in tokens:
        m = _RECOVERY_RE.search(folded)
        if m is not None and not negated(folded, m.start()):
            _add(out, "FRAUD_RECOVERY_OFFER", m.group(0), RECOVERY_OFFER_PRIOR, quoted)
    if apk:
        m = _APK_RE.search(folded)
        if m is not None:
            _add(out, "APK_LINK", ".apk", APK_LINK_PRIOR, quoted)




#: ``(name, meaning)`` of every finding of this module, for the symbol catalogue.
SYMBOLS: tuple[tuple[str, str], ...] = (
    ("ILLEGAL_GOODS", "offers illegal goods: drugs, weapons, counterfeit money, date-rape "
                      "drugs"),
    ("GUARANTEED_RETURNS", "promises a fixed daily return or a guaranteed profit on an "
                           "'investment'"),
    ("EXTORTION_THREAT", "threatens to send intimate images to family or contacts unless "
                         "paid (sextortion)"),
    ("APK_LINK", "links to an Android app package (.apk), outside the app stores"),
    ("FRAUD_RECOVERY_OFFER", "offers to get back money lost to fraud (the recovery fraud "
                             "that follows the first)"),
)
