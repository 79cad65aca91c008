"""Frauds told as a story whose pretext gives them away, whatever the wording around it.

Each is a request or a promise that the one it claims to be never makes by message:

* ``KEYPRESS_TO_AGENT``: "press 1 to speak to an operator" written in a message: the
  script of a robocall (a SIM "to be locked", a parcel "from the court"), where the
  "operator" is the fraudster. Carriers, banks and courts do not send IVR menus by SMS.
* ``INHERITANCE_CLAIM``: an unclaimed fortune of a "late relative" or a stranger "with no
  heir", offered to you for your details or a fee (the advance-fee letter).
* ``TECH_SUPPORT_CALL``: a computer or an account "infected" or "compromised", and a
  number to call: Microsoft, Apple and antivirus makers never ask you to call them.
* ``OVERSEAS_JOB_LURE``: easy, well-paid work across the border (Cambodia, Myanmar, "pick
  up at the border"): the recruitment of the scam compounds, where the recruits are held.
* ``SPIRITUAL_FEE``: a spirit, a curse or bad luck "following you", and money for the
  ritual that lifts it (the fortune-teller's fraud).
* ``QR_TO_RECEIVE``: a QR code to scan, or a PIN to type, in order to *receive* money: a
  payment is received without either, so the code pays the fraudster.
* ``MILITARY_EXEMPTION_SALE``: an exemption or a deferral of military service for a fee
  (it cannot be bought; the "officer" who sells it is a fraudster).
* ``PAYMENT_DIVERTED``: the payment system "down", and the bill to pay into another
  account meanwhile (the school, utility or hotel whose gateway is "broken").
* ``ACCOUNT_CHANGE_PAYMENT``: a supplier's bank account "changed", and an invoice to pay
  into the new one (business e-mail compromise).
* ``CALL_TRANSFER_TO_POLICE``: "I will put your call through to the police" from a
  caller who is a bank's, an insurer's or a courier's "staff": the second act of the
  fake-officer fraud. Nobody transfers a call to the police; the police do not take one.
* ``FINE_PAID_TO_OFFICER``: an officer who says he is one and a fine to pay to him or
  by transfer "to settle it quickly": fines are paid at the State Treasury or on the
  public-services portal, never to a person.
* ``OFFICIAL_ON_PRIVATE_CHAT``: a self-declared officer (police, investigator, tax
  office, social insurance, court) who moves the matter to his own Zalo: "ket ban Zalo
  em", "lat em goi video qua Zalo". Officials summon in writing; they do not befriend.
* ``BOSS_IN_NEW_GROUP``: "the boss has made a new Zalo group", and a payment to make on
  his orders (the chief-executive fraud against accountants).
* ``PAY_OR_BE_SUED``: money into an account "to avoid a lawsuit", an arrest or a freeze.
* ``FEE_FOR_A_GIFT``: something free, won or granted (a phone, a scholarship, a prize)
  and a fee to pay for it first: shipping, insurance, a file fee.
* ``IDENTITY_MISUSE_CALL``: your ID card "used to register 12 SIMs" or your account
  "linked to a money-laundering case", and a number or a chat to contact.
* ``PAID_BY_WIRE_OR_CARD``: a fee or a fine to pay by Western Union, MoneyGram, scratch
  cards or gift cards: no authority or firm takes them.
* ``COD_SURPRISE_PARCEL``: a parcel "from an anonymous sender", "a surprise gift", to pay
  for on delivery.
* ``WRONG_NUMBER_OPENER``: a message "sent to the wrong number" or a Zalo "added by
  mistake" that goes on to ask to get acquainted: the opening of the romance and
  investment frauds. It asks for nothing yet, so its prior is lower
  (:data:`OPENER_PRIOR`).

The datasets hold almost none of them, so the model cannot learn them: like
:mod:`lachan.detect.schemes` they carry a fixed prior (log-odds towards scam), none when
the message warns of fraud or reads like a public advisory (:func:`requests.advisory`).
Each check runs only when a word pair or word it needs is in the message.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from lachan.detect.features import PHONE_FINDINGS, MessageFeatures
from lachan.detect.requests import LOVER, add_fixed_prior_findings, first_unnegated, negated

#: Log-odds towards scam, a little above the schemes' (``schemes.SCHEME_PRIOR``): an
#: official's wording ("Buu dien thong bao: quy khach co 1 buu pham tu Toa an...") reads
#: as a genuine notice, and such a call script scored P(scam) 0.46 at 10. None of these
#: findings fires on a ham or ad message of the data.
PRETEXT_PRIOR = 12.0
#: The opener asks for nothing yet: enough to flag it, less than a request's.
OPENER_PRIOR = 8.0
#: The findings whose prior is not :data:`PRETEXT_PRIOR`.
_OWN_PRIORS: dict[str, float] = {"WRONG_NUMBER_OPENER": OPENER_PRIOR}
#: The findings that only a warning quotes (:func:`features.warns`), not an advisory's
#: wording alone: the fake officer's script holds it ("trinh bao", "toi pham").
_SCRIPT_NAMES = frozenset({"CALL_TRANSFER_TO_POLICE"})

#: "bam phim 1 de gap tong dai vien", "press 9 to speak to an agent".
_KEYPRESS_RE = re.compile(
    r"\b(?:bam|nhan|an|go)\s+(?:phim\s+|so\s+)?(?:\d|#|\*)\s*(?:\S+\s+){0,2}?(?:de\s+|va\s+)?"
    r"(?:gap|ket\s+noi|noi\s+chuyen|lien\s+he|duoc\s+(?:ho\s+tro|tu\s+van|giai\s+dap)"
    r"|tro\s+chuyen|nghe)\b"
    r"|\bpress\s+(?:\d|#|\*)\s+(?:\S+\s+){0,2}?(?:to\s+)?(?:speak|talk|connect|reach|be\s+connected)\b")
_KEYPRESS_PAIRS = frozenset({"bam phim", "nhan phim", "an phim", "go phim", "press §d1",
                             "bam §d1", "nhan §d1"})
_CALL_FIRST_RE = re.compile(r"\b(?:goi|call|dial|quay\s+so)\s+(?:(?:den|vao|toi|so)\s+)?"
                            r"(?:\S+\s+){0,2}?\+?\d[\d .]{2,}")

#: An inheritance or an unclaimed fund...
_INHERITANCE_RE = re.compile(
    r"\b(?:(?:nhan|huong|khoan|tai\s+san|quyen|nguoi)\s+thua\s+ke|di\s+san\s+thua\s+ke"
    r"|unclaimed\s+(?:fund|funds|inheritance|estate|deposit)|next\s+of\s+kin|inheritance"
    r"|late\s+(?:client|relative|husband|father|uncle|customer))\b")
#: ...that is large and foreign ("2,3 trieu USD", "$4.7 million")...
_FORTUNE_RE = re.compile(r"\b(?:usd|do\s+la|euro|million|millions|bang\s+anh)\b|\$\s?\d")
#: ...and yours for your details or a reply.
_CLAIM_RE = re.compile(
    r"\b(?:phan\s+hoi|lien\s+he|tra\s+loi|cccd|cmnd|can\s+cuoc|ho\s+chieu|gui\s+(?:\S+\s+){0,2}?"
    r"(?:thong\s+tin|anh)|reply|contact|respond|full\s+name|id\s+copy|passport|address)\b")
_INHERITANCE_PAIRS = frozenset({"thua ke", "next of", "of kin", "unclaimed fund",
                                "unclaimed funds", "unclaimed inheritance", "late client",
                                "late relative", "late husband", "late father", "late uncle",
                                "late customer", "unclaimed estate", "unclaimed deposit"})
_INHERITANCE_WORDS = frozenset({"inheritance"})

#: A computer, a licence or an account infected or compromised...
_INFECTED_RE = re.compile(
    r"\b(?:virus|malware|trojan|spyware|ransomware|hacked|compromised|infected|bi\s+hack"
    r"|bi\s+nhiem|nhiem\s+(?:ma\s+doc|virus)|ma\s+doc|bi\s+xam\s+nhap|security\s+alert)\b")
#: ...of a maker's product, and a call to a "technician".
_MAKER_RE = re.compile(r"\b(?:microsoft|windows|apple|icloud|macbook|iphone|google|norton"
                       r"|mcafee|avast|kaspersky|may\s+tinh|computer|pc|laptop)\b")
_TECH_CALL_RE = re.compile(r"\b(?:call|goi|lien\s+he|contact|dial)\b")
_TECH_WORDS = frozenset({"virus", "malware", "trojan", "spyware", "ransomware", "hacked",
                         "compromised", "infected"})
_TECH_PAIRS = frozenset({"bi hack", "bi nhiem", "nhiem ma", "ma doc", "xam nhap",
                         "security alert"})

#: Work across the border...
_ABROAD_RE = re.compile(
    r"\b(?:campuchia|cam\s+pu\s+chia|cambodia|myanmar|mianma|sihanoukville|bavet|moc\s+bai"
    r"|philippines|philipin)\b")
#: ...that is easy and well paid, with board and transport.
_EASY_ABROAD_RE = re.compile(
    r"\b(?:khong\s+can\s+(?:kinh\s+nghiem|bang\s+cap|ngoai\s+ngu)|bao\s+(?:an\s+o|an|o|ve\s+may"
    r"\s+bay)|(?:xe\s+)?dua\s+don|luong\s+(?:cao|\d)|\d+\s*(?:usd|do|\$)|viec\s+nhe"
    r"|no\s+experience|free\s+(?:food|accommodation|housing)|high\s+salary)\b")
_JOB_ABROAD_RE = re.compile(r"\b(?:viec|tuyen|luong|lam\s+(?:viec|cskh|sale|online)|job|jobs"
                            r"|work|hiring|salary|nhan\s+vien)\b")
_ABROAD_WORDS = frozenset({"campuchia", "cambodia", "myanmar", "mianma", "sihanoukville",
                           "bavet", "philippines", "philipin"})
#: (Not "bien gioi" alone: a lorry driver's route or a border post's job is honest work.)
_ABROAD_PAIRS = frozenset({"moc bai", "pu chia"})

#: A spirit, a curse or bad luck upon you...
_CURSE_RE = re.compile(
    r"\b(?:vong\s+theo|co\s+vong|bi\s+yem|yem\s+bua|bua\s+ngai|bi\s+bua|nghiep\s+(?:nang|chuong)"
    r"|van\s+han|han\s+nang|tai\s+hoa|xui\s+xeo|bi\s+(?:dinh|trung)\s+(?:bua|ngai|vong)"
    r"|am\s+khi|ma\s+theo|curse|cursed|evil\s+spirit)\b")
#: ...and a ritual to pay for.
_RITUAL_FEE_RE = re.compile(
    r"\b(?:giai\s+han|cung\s+giai|lap\s+dan|lam\s+le|tran\s+yeu|giai\s+nghiep|cat\s+vong"
    r"|giai\s+bua|le\s+(?:giai|tran|cung)|ritual)\b(?:\s+\S+){0,12}?\s+(?:\d|chuyen|ck|phi"
    r"|le\s+phi|tien|pay|fee)")
_CURSE_PAIRS = frozenset({"vong theo", "co vong", "bi yem", "yem bua", "bua ngai", "bi bua",
                          "nghiep nang", "nghiep chuong", "van han", "han nang", "tai hoa",
                          "xui xeo", "am khi", "ma theo", "evil spirit"})
_CURSE_WORDS = frozenset({"curse", "cursed"})

#: A QR code scanned, or a PIN typed, to receive money ("quet ma QR em gui de nhan lai tien
#: coc", "app hoi ma PIN thi cu nhap vao la tien ve").
_QR_RECEIVE_RE = re.compile(
    r"\b(?:quet|scan)\s+(?:\S+\s+){0,4}?(?:qr|ma\s+qr)\b(?:\s+\S+){0,10}?\s+(?:de\s+)?"
    r"(?:nhan|receive|duoc\s+(?:hoan|nhan))\s+(?:lai\s+|ve\s+)?(?:tien|coc|hoan|khoan|so\s+tien"
    r"|money|payment|refund|tai\s+khoan)\b"
    # ...the money left unsaid: "quet QR nay bang app ngan hang de nhan nhe"
    r"|\b(?:quet|scan)\s+(?:\S+\s+){0,4}?(?:qr|ma\s+qr)\b(?:\s+\S+){0,10}?\s+de\s+nhan\s+"
    r"(?:nhe|nha|nhen|a|luon|ngay)\b"
    r"|\b(?:nhap|dien|go)\s+(?:\S+\s+){0,2}?(?:ma\s+)?pin\b(?:\s+\S+){0,6}?\s+"
    r"(?:tien\s+(?:ve|se\s+ve)|nhan\s+(?:duoc\s+)?tien|de\s+nhan)\b")
_QR_PAIRS = frozenset({"ma qr", "ma pin", "quet qr", "scan qr", "nhap pin", "qr code",
                       "tin the", "so the", "ma otp", "card details"})
#: Card details or a code typed in order to receive money ("vao muc doi soat theo link em
#: gui, nhap thong tin the de nhan"): receiving a transfer needs neither.
_CARD_TO_RECEIVE_RE = re.compile(
    r"\b(?:nhap|dien|khai|cung\s+cap|enter)\s+(?:\S+\s+){0,6}?(?:thong\s+tin\s+the|so\s+the"
    r"|ma\s+pin|ma\s+otp|otp|card\s+details)\b(?:\s+\S+){0,4}?\s+(?:de|to)\s+(?:nhan|receive"
    r"|duoc\s+(?:nhan|hoan))\b")
#: A QR code that leads to typing card details or a code ("quet ... nhap thong tin the
#: ngan hang va ma OTP", "scan the QR code ... enter your card details"): a payment page
#: never needs the OTP typed into a form a sticker led to.
_QR_CARD_RE = re.compile(
    r"\b(?:quet|scan)\b.{0,160}?\b(?:nhap|dien|khai|enter|provide)\s+(?:\S+\s+){0,3}?"
    r"(?:thong\s+tin\s+the|so\s+the|ma\s+otp|otp|card\s+(?:details|number|info\w*))\b")

#: Military service: "nghia vu quan su", "nhap ngu"...
_SERVICE_RE = re.compile(r"\b(?:nghia\s+vu\s+quan\s+su|nvqs|nhap\s+ngu|di\s+bo\s+doi"
                         r"|kham\s+tuyen\s+quan\s+su)\b")
#: ...escaped or put off, for money.
_EXEMPT_RE = re.compile(r"\b(?:mien|hoan|tam\s+hoan|tron|khong\s+phai\s+di|lo\s+(?:ho\s+so|cho)"
                        r"|chay|rut\s+ten)\b")
_SERVICE_FEE_RE = re.compile(r"\b(?:le\s+phi|phi|tron\s+goi|chi\s+phi|\d+\s*(?:tr|trieu|k))\b")
_SERVICE_PAIRS = frozenset({"quan su", "nhap ngu", "bo doi"})
_SERVICE_WORDS = frozenset({"nvqs"})

#: The payment system "down" ("cong thanh toan cua truong dang loi", "he thong dang bao
#: tri")...
_SYSTEM_DOWN_RE = re.compile(
    r"\b(?:cong\s+thanh\s+toan|he\s+thong(?:\s+thanh\s+toan)?|app|ung\s+dung|may\s+pos"
    r"|tai\s+khoan\s+(?:cong\s+ty|truong|cua\s+(?:cong\s+ty|truong|benh\s+vien)))"
    r"\s+(?:\S+\s+){0,6}?(?:dang\s+)?(?:bi\s+)?(?:loi|bao\s+tri|gian\s+doan|su\s+co|tam\s+khoa"
    r"|bi\s+khoa|nang\s+cap)\b")
#: ...and the bill paid into an account meanwhile.
_PAY_INTO_RE = re.compile(
    r"\b(?:nop|dong|chuyen(?:\s+khoan)?|ck|thanh\s+toan)\s+(?:\S+\s+){0,12}?"
    r"(?:vao|qua|toi)\s+(?:so\s+)?(?:stk|tk|tai\s+khoan)\b")
_DOWN_PAIRS = frozenset({"dang loi", "bi loi", "bao tri", "gian doan", "su co", "tam khoa",
                         "bi khoa", "nang cap"})

#: A supplier's account changed ("our company bank account has changed", "cong ty doi
#: so tai khoan")...
_ACCOUNT_CHANGED_RE = re.compile(
    r"\b(?:bank\s+)?account\s+(?:details\s+)?(?:has|have)\s+(?:been\s+)?(?:changed|updated)\b"
    r"|\bnew\s+(?:bank\s+|company\s+)?account\b|\bunder\s+audit\b"
    r"|\b(?:doi|thay\s+doi|cap\s+nhat)\s+(?:so\s+)?(?:tai\s+khoan|stk)\s+(?:\S+\s+){0,3}?"
    r"(?:cong\s+ty|nhan\s+tien|thanh\s+toan)\b")
#: ...and an invoice to pay into it.
_INVOICE_RE = re.compile(r"\b(?:invoice|remit|remittance|outstanding|payment|paid|rent|wire"
                         r"|cong\s+no|hoa\s+don|thanh\s+toan)\b")
_CHANGED_PAIRS = frozenset({"has changed", "have changed", "been changed", "been updated",
                            "new account", "new bank", "doi so", "doi tai", "doi stk",
                            "thay doi", "nhat so", "nhat tai", "company account",
                            "under audit"})

#: The call "put through" to the police ("em se chuyen cuoc goi sang cong an de anh trinh
#: bao", "ket noi may voi can bo dieu tra").
_CALL_TRANSFER_RE = re.compile(
    r"\b(?:chuyen|noi|ket\s+noi|chuyen\s+tiep)\s+(?:cuoc\s+goi|may|ma\s+y|cuoc\s+dien\s+thoai)"
    r"\s+(?:cua\s+(?:anh|chi|ban|quy\s+khach|ong|ba|co|chu)\s+)?(?:sang|qua|toi|den|voi|cho)\s+"
    r"(?:ben\s+|phia\s+|bo\s+phan\s+|can\s+bo\s+|co\s+quan\s+|phong\s+)?"
    r"(?:cong\s+an|canh\s+sat|csgt|dieu\s+tra|vien\s+kiem\s+sat|toa\s+an|thanh\s+tra)\b"
    r"|\b(?:transfer|connect|put)\s+(?:you|your\s+call)\s+(?:\S+\s+){0,2}?(?:to|with)\s+"
    r"(?:the\s+)?(?:police|investigat\w*)\b")
_CALL_TRANSFER_PAIRS = frozenset({"cuoc goi", "noi may", "chuyen may", "ket noi",
                                  "transfer you", "connect you", "your call"})

#: An officer who says he is one ("em ben doi CSGT", "em la can bo dieu tra", "em ben Cuc
#: thue"): the fine's and the private chat's first part.
_OFFICIAL_SELF_RE = re.compile(
    r"\b(?:em|toi|minh|anh|chi|chung\s+toi)\s+(?:la\s+|ben\s+|o\s+|thuoc\s+|tu\s+)"
    r"(?:\S+\s+){0,2}?(?:can\s+bo|chien\s+si|dieu\s+tra\s+vien|cong\s+an|canh\s+sat|csgt"
    r"|giao\s+thong|cuc\s+thue|chi\s+cuc\s+thue|thue\s+(?:quan|phuong|tinh)|bao\s+hiem\s+xa\s+hoi"
    r"|bhxh|toa\s+an|vien\s+kiem\s+sat|thanh\s+tra|cuc\s+vien\s+thong|so\s+tt"
    r"|(?:cuc\s+|chi\s+cuc\s+|doi\s+)?(?:quan\s+ly\s+thi\s+truong|qltt|hai\s+quan"
    r"|xuat\s+nhap\s+canh))\b")
#: ...a fine...
_FINE_RE = re.compile(r"\b(?:nop\s+phat|tien\s+phat|xu\s+phat|phat\s+nguoi|bien\s+ban\s+phat"
                      r"|muc\s+phat|phi\s+phat)\b")
#: ...paid to him, or by transfer to be done with it.
_PAID_TO_HIM_RE = re.compile(
    r"\b(?:qua|cho|vao\s+(?:so\s+)?(?:stk|tk|tai\s+khoan)(?:\s+\S+){0,2}?\s+cua"
    r"|(?:qua|vao)\s+(?:so\s+)?(?:stk|tk|tai\s+khoan)(?:\s+cua)?)\s+(?:em|anh|toi|minh)\b"
    r"|\bxoa\s+(?:loi|bien\s+ban|vi\s+pham|phat)\b"
    r"|\b(?:khong|ko|k)\s+(?:phai|can)\s+(?:len|den|ra|toi|xuong)\s+(?:tru\s+so|co\s+quan"
    r"|phuong|don|doi)\b"
    r"|\bxu\s+ly\s+(?:nhanh|gon|tai\s+cho)\b"
    # ...or a sum named in the message itself, "to avoid" worse: a decision names the fine
    # and where to pay it, it does not bargain ("nop phat 7.500.000d de tranh bi dinh chi")
    r"|\b\d[\d.,]*\s*(?:k|d|dong|vnd|trieu|tr)\s+(?:\S+\s+){0,2}?de\s+tranh\s+(?:bi\s+)?"
    r"(?:dinh\s+chi|khoi\s+to|truy\s+to|xu\s+ly|phong\s+toa|cuong\s+che|thu\s+hoi|khoa|bat)\b")
_FINE_PAIRS = frozenset({"nop phat", "tien phat", "xu phat", "phat nguoi", "muc phat",
                         "phi phat", "bi phat"})
#: ...or, from anyone, a fine paid into "our" account, or cut if paid to it ("nop vao tk ben
#: em trong ngay de duoc giam 50% muc phat"): fines go to the State Treasury.
_FINE_ANY_RE = re.compile(r"\b(?:nop\s+phat|tien\s+phat|xu\s+phat|bi\s+phat|muc\s+phat"
                          r"|phi\s+phat)\b")
_FINE_TO_US_RE = re.compile(
    r"\b(?:nop|chuyen|ck|dong|thanh\s+toan)\s+(?:\S+\s+){0,3}?(?:vao|qua)\s+(?:so\s+)?(?:stk|tk"
    r"|tai\s+khoan)\s+(?:cua\s+|ben\s+)?(?:em|toi|minh|chung\s+toi)\b"
    r"|\bgiam\s+(?:\d+\s*%\s+)?(?:muc\s+|tien\s+)?phat\b")

#: A message to "the wrong number" or a Zalo "added by mistake" ("em nhan nham so", "add
#: nham Zalo")...
_WRONG_NUMBER_RE = re.compile(
    r"\b(?:nhan|nhan\s+tin|gui|add|ket\s+ban|goi|them|inbox|ib)\s+(?:\S+\s+){0,2}?nham\b"
    r"|\bnham\s+(?:so|zalo|nguoi|ban|facebook|fb)\b"
    r"|\bwrong\s+(?:number|person)\b")
#: ...that asks to get acquainted ("minh lam quen duoc khong", "noi chuyen chut duoc khong").
_ACQUAINT_RE = re.compile(
    r"\b(?:lam\s+quen|ket\s+ban|lam\s+ban|tro\s+chuyen|noi\s+chuyen\s+(?:chut|mot\s+chut"
    r"|(?:\S+\s+)?duoc\s+khong)|get\s+to\s+know|be\s+friends)\b")
_OPENER_WORDS = frozenset({"nham", "wrong"})

#: A parcel "from an anonymous sender", "a surprise gift", to pay for on delivery.
_COD_SURPRISE_RE = re.compile(
    r"\b(?:kien\s+hang|don\s+hang|buu\s+pham|goi\s+hang)\s+(?:\S+\s+){0,3}?(?:thu\s+ho|cod)\b"
    r".{0,100}?\b(?:an\s+danh|qua\s+tang\s+bat\s+ngo|bat\s+ngo|nguoi\s+gui\s+bi\s+mat)\b")
_COD_PAIRS = frozenset({"thu ho", "an danh", "bat ngo"})

#: A self-declared officer (:data:`_OFFICIAL_SELF_RE`) who moves the matter to his own chat.
_OWN_CHAT_RE = re.compile(
    r"\b(?:ket\s+ban|add|them)\s+(?:zalo|telegram|viber)\b"
    r"|\b(?:zalo|telegram)\s+(?:cua\s+)?(?:em|toi|anh|minh|chi)\b"
    r"|\b(?:goi\s+video|video\s+call|goi)\s+(?:\S+\s+){0,2}?qua\s+(?:zalo|telegram|viber)\b"
    r"|\bnhan\s+tin\s+(?:qua\s+)?(?:zalo|telegram)\s+(?:cho\s+)?(?:em|toi|minh)\b"
    # or to his own number: "lien he em truoc 16h de giai quyet"
    r"|\blien\s+he\s+(?:truc\s+tiep\s+)?(?:voi\s+)?(?:em|toi|minh)\s+(?:truoc|de|ngay|qua)\b")
#: ...about a case, a fine, a wrong file, in secret or by video (a ward officer who adds
#: residents to a Zalo group for ID-card appointments names none of these).
_OFFICIAL_MATTER_RE = re.compile(
    r"\b(?:goi\s+video|video\s+call|vu\s+an|dieu\s+tra|rua\s+tien|ma\s+tuy|bi\s+phat|phat\s+\d"
    r"|khong\s+(?:duoc\s+)?(?:noi|tiet\s+lo|bao)|bi\s+mat|bi\s+sai|sai\s+(?:ma|thong\s+tin)"
    r"|chuyen\s+(?:tien|khoan)|nop\s+(?:tien|phat|phi)|app\s+ngan\s+hang|trieu\s+tap"
    r"|xet\s+xu|vang\s+mat|khoi\s+kien"
    # a tax refund or settlement, a file said to be wrong or short
    r"|hoan\s+thue|quyet\s+toan\s+thue|ho\s+so\s+(?:\S+\s+){0,3}?(?:con\s+thieu|bi\s+loi|chua\s+dung))\b")
_OWN_CHAT_WORDS = frozenset({"zalo", "telegram", "viber"})
#: (A summons to be settled on the officer's own number: no chat word.)
_SUMMONS_TALK_PAIRS = frozenset({"trieu tap", "xet xu", "khoi kien"})

#: The boss's new group ("sep vua tao nhom Zalo moi"), and money to move on his orders.
#: The boss, as staff name him.
_BOSS = r"(?:sep|giam\s+doc|tong\s+giam\s+doc|chu\s+tich|truong\s+phong|ceo|boss)"
_BOSS_GROUP_RE = re.compile(
    rf"\b{_BOSS}\s+(?:\S+\s+){{0,3}}?"
    r"(?:tao|lap|moi\s+vao|keo\s+vao|them\s+vao|vua\s+tao)\s+(?:\S+\s+){0,2}?(?:nhom|group)\b")
#: ...or a group "just created" that the staff member is told to join, with the boss in it
#: ("Em vao nhom zalo 'Ban lanh dao - ke toan' anh vua tao ... pho giam doc se gui thong
#: tin chuyen khoan").
_JOIN_NEW_GROUP_RE = re.compile(
    r"\b(?:vao|tham\s+gia)\s+(?:\S+\s+){0,2}?(?:nhom|group)\b(?:\s+\S+){0,8}?\s+(?:vua|moi)\s+"
    r"(?:tao|lap)\b")
_BOSS_PAY_RE = re.compile(r"\b(?:chuyen\s+khoan|chuyen\s+tien|thanh\s+toan|chi\s+dao|ck"
                          r"|transfer|payment)\b")
_BOSS_PAIRS = frozenset({"tao nhom", "lap nhom", "tao group", "vao nhom", "vao group",
                         "zalo moi", "nhom zalo", "nhom moi"})

#: The boss, out of reach, who orders a transfer to a partner at once: a boss or a chat
#: account "phu", a sum, a partner or supplier, and no way to check ("dung goi", "dang o
#: san bay", "chua cong bo", a spare account): business e-mail compromise, over chat.
_BOSS_RE = re.compile(rf"\b(?:{_BOSS}|ke\s+toan\s+truong|(?:zalo|nick|acc)\s+phu"
                      r"|lam\s+lenh\s+chuyen)\b")
_BOSS_ORDER_RE = re.compile(
    r"\b(?:chuyen|ck|thanh\s+toan|lam\s+lenh\s+chuyen|chi)\s+(?:\S+\s+){0,5}?(?:\d+(?:[.,]\d+)?\s*"
    r"(?:tr|trieu|ty)\b|\d{1,3}(?:[.,]\d{3}){2,}\s*(?:d|dong|vnd)?\b)"
    # the company's balance asked first ("kiem tra so du tai khoan cong ty roi bao anh")
    r"|\bkiem\s+tra\s+so\s+du\s+(?:\S+\s+){0,2}?cong\s+ty\b")
_PARTNER_RE = re.compile(r"\b(?:doi\s+tac|nha\s+cung\s+cap|khach\s+hang|cong\s+ty\s+(?:tnhh|cp|co"
                         r"\s+phan)|lo\s+hang|dat\s+coc|hop\s+dong)\b")
_NO_CHECK_RE = re.compile(
    r"\b(?:dung\s+goi|khong\s+(?:nghe\s+may|tien\s+nghe|goi\s+duoc)|dang\s+(?:hop|o\s+san\s+bay"
    r"|tren\s+may\s+bay)|tren\s+may\s+bay|chua\s+cong\s+bo|bi\s+mat|(?:zalo|nick|acc)\s+phu"
    r"|khong\s+can\s+(?:qua|bao|hoi)\s+(?:\S+\s+)?(?:truong\s+phong|ke\s+toan|giam\s+doc|sep))\b")
_BOSS_ORDER_PAIRS = frozenset({"doi tac", "cung cap", "khach hang", "lo hang", "dat coc",
                               "hop dong"})

#: A lover, far away, who asks money for a ticket, a visa, customs or a hospital: the
#: romance fraud ("em yeu, anh dang o Syria ... can 1.200 USD ve may bay").
_LOVER_ADDRESS_RE = re.compile(
    rf"\b(?:{LOVER}|anh\s+thuong\s+em|thuong\s+em\s+that\s+long|cuoi\s+em|gap\s+em"
    r"|song\s+voi\s+em|gap\s+nhau|nho\s+em)\b")
_FAR_AWAY_RE = re.compile(
    r"\b(?:syria|dubai|iraq|afghanistan|ben\s+my|canada|anh\s+quoc|singapore|han\s+quoc|dai\s+loan"
    r"|nuoc\s+ngoai|gian\s+khoan|quan\s+doi|san\s+bay|visa|ve\s+may\s+bay|hai\s+quan"
    r"|thung\s+(?:do|qua)|itunes|gift\s+card)\b")
_LOVER_MONEY_RE = re.compile(
    r"\b(?:chuyen|gui|muon|can|giup|mua\s+giup|dong|nap)\s+(?:\S+\s+){0,4}?(?:\d+(?:[.,]\d+)?\s*"
    r"(?:k|tr|trieu|usd|do|sgd|euro|\$)|tien)\b")
_LOVER_PAIRS = frozenset({"em yeu", "anh yeu", "vo yeu", "chong yeu", "cung oi", "my love",
                          "anh thuong", "that long", "cuoi em", "gap em", "voi em",
                          "gap nhau", "nho em"})
_LOVER_WORDS = frozenset({"baby", "honey", "dear"})

#: Money into an account "to avoid" a lawsuit, an arrest or a freeze...
_PAY_OR_ELSE_RE = re.compile(
    r"\b(?:chuyen(?:\s+khoan|\s+tien)?|ck|nop|dong|thanh\s+toan)\s+(?:\S+\s+){0,8}?"
    r"(?:vao|qua|toi)\s+(?:so\s+)?(?:stk|tk|tai\s+khoan)\b.{0,80}?"
    r"\b(?:de\s+tranh|neu\s+khong|khong\s+thi|tranh\s+bi)\s+(?:\S+\s+){0,2}?"
    r"(?:khoi\s+kien|truy\s+to|truy\s+cuu|bat\s+giu|bat|phong\s+toa|cuong\s+che|xu\s+ly\s+hinh\s+su"
    r"|ra\s+toa|hau\s+qua\s+phap\s+ly)\b")
_PAY_OR_ELSE_PAIRS = frozenset({"de tranh", "neu khong", "khong thi", "tranh bi"})

#: Something free, won or granted ("duoc nhan 1 dien thoai mien phi", "trung iphone",
#: "hoc bong toan phan")...
_GIFT_RE = re.compile(
    r"\b(?:mien\s+phi|duoc\s+(?:chon|nhan|tang|tai\s+tro)|trung\s+(?:giai|thuong)|qua\s+tang"
    r"|hoc\s+bong|tri\s+an|won|free|mon\s+qua|gui\s+qua|duoc\s+hoan|hoan\s+phi|giai\s+ngan"
    r"|dat\s+hoc\s+bong|dai\s+su|nhan\s+qua|trung\s+(?:\S+\s+){0,2}?(?:xe|iphone|vang)|nhan\s+giai"
    # a pet "given to whoever loves it", "no money asked"
    r"|khong\s+lay\s+tien|ai\s+yeu\s+thuong|nguoi\s+yeu\s+thuong)\b")
#: ...and a fee to pay first for it.
_GIFT_FEE_RE = re.compile(
    r"\b(?:chi\s+(?:can\s+)?|vui\s+long\s+|can\s+)?(?:tra|dong|nop|chuyen|thanh\s+toan|chiu|lay)\s+"
    r"(?:truoc\s+)?(?:\d+\s*(?:k|tr|d)\s+)?(?:phi\s+|tien\s+)(?:ship|giao\s+hang|van\s+chuyen"
    r"|xet\s+ho\s+so|ho\s+so|bao\s+hiem(?:\s+hang)?|thu\s+tuc|kich\s+hoat|nhan\s+qua|dang\s+ky"
    r"|giu\s+(?:cho|suat|hoc\s+bong)|thanh\s+vien|hai\s+quan|thong\s+quan)\b"
    r"|\b(?:nop|dong|chuyen)\s+(?:\S+\s+){0,2}?thue\s+thu\s+nhap\b"
    r"|\bvoi\s+phi\s+(?:kich\s+hoat|dang\s+ky|thanh\s+vien)\b"
    r"|\bpay\s+(?:the\s+)?(?:shipping|delivery|processing|handling)\s+fee\b")
_GIFT_FEE_PAIRS = frozenset({"phi ship", "phi giao", "phi van", "phi xet", "phi ho",
                             "phi bao", "phi thu", "phi kich", "phi nhan", "phi dang",
                             "phi giu", "tien ship", "shipping fee", "delivery fee",
                             "processing fee", "handling fee", "phi hai", "phi thong",
                             "voi phi", "phi thanh", "thue thu"})


def _fee_for_a_gift(folded: str) -> str | None:
    """The first unnegated fee and the gift it is for, or ``None``. A fee after "chi"
    (only) stands against the negation before it: "khong lay tien be, chi lay phi van
    chuyen"."""
    gift = _GIFT_RE.search(folded)
    if gift is None:
        return None
    for m in _GIFT_FEE_RE.finditer(folded):
        if m.group(0).startswith("chi ") or not negated(folded, m.start()):
            return f"{m.group(0)} ... {gift.group(0)}"
    return None


#: Your ID "used to register SIMs", your account "linked to a case"...
_MISUSE_RE = re.compile(
    r"\b(?:cccd|can\s+cuoc(?:\s+cong\s+dan)?|cmnd|so\s+dinh\s+danh|the\s+bao\s+hiem\s+y\s+te"
    r"|tai\s+khoan(?:\s+ngan\s+hang)?|thong\s+tin\s+ca\s+nhan|ho\s+chieu|passport)\s+"
    r"(?:[^\s.,;!?]+\s+){0,4}?"
    r"(?:(?:dang\s+|da\s+)?(?:bi|duoc)\s+(?:ke\s+gian\s+)?(?:dung|su\s+dung)\s+(?:de\s+)?"
    r"(?:dang\s+ky|mo|vao)\s+(?:[^\s.,;!?]+\s+){0,2}?(?:thue\s+bao|sim|tai\s+khoan|khoan\s+vay)"
    r"|(?:co\s+)?lien\s+quan\s+(?:den\s+|toi\s+)?(?:[^\s.,;!?]+\s+){0,2}?(?:vu\s+an|duong\s+day"
    r"|rua\s+tien|ma\s+tuy|lua\s+dao|giao\s+dich\s+(?:dang\s+ngo|bat\s+thuong|dang\s+nghi)))\b")
#: ...and a number or a chat to contact about it.
_CONTACT_ABOUT_RE = re.compile(r"\b(?:lien\s+he|goi|lien\s+lac|ket\s+ban|zalo|nhan\s+tin"
                               r"|ke\s+khai\s+tai\s+san)\b")
_MISUSE_PAIRS = frozenset({"bi dung", "duoc dung", "bi su", "duoc su", "lien quan"})

#: A fee paid by a wire service or cards: "dong phi ... qua Western Union", "nop phat bang
#: the cao", "pay the fee in gift cards".
_WIRE_OR_CARD_RE = re.compile(
    r"\b(?:phi|le\s+phi|fee|fees|fine|tien\s+phat|dong|nop|pay|chuyen)\b(?:\s+\S+){0,6}?\s+"
    r"(?:qua|bang|via|by|through|in|with)\s+(?:western\s+union|moneygram|the\s+cao"
    r"|ma\s+the\s+cao|gift\s+cards?|itunes(?:\s+cards?)?|google\s+play\s+cards?|steam\s+cards?)\b")
_WIRE_OR_CARD_PAIRS = frozenset({"western union", "the cao", "gift card", "gift cards",
                                 "itunes card", "play card", "steam card"})
_WIRE_WORDS = frozenset({"moneygram", "itunes"})

_DETAILS = {
    "KEYPRESS_TO_AGENT": "a robocall's script: press a key to reach an 'operator'",
    "INHERITANCE_CLAIM": "an unclaimed fortune offered to you for your details or a fee",
    "TECH_SUPPORT_CALL": "a computer or an account 'infected', and a number to call",
    "OVERSEAS_JOB_LURE": "easy, well-paid work across the border",
    "SPIRITUAL_FEE": "a curse or bad luck, and a ritual to pay for",
    "QR_TO_RECEIVE": "a QR code, a PIN or card details to receive money",
    "QR_TO_CARD_FORM": "a QR code that leads to typing card details or a code",
    "MILITARY_EXEMPTION_SALE": "an exemption from military service for a fee",
    "PAYMENT_DIVERTED": "the payment system 'down', and the bill paid into an account",
    "ACCOUNT_CHANGE_PAYMENT": "a supplier's 'new' bank account and an invoice to pay",
    "CALL_TRANSFER_TO_POLICE": "the call 'put through' to the police by a caller",
    "FINE_PAID_TO_OFFICER": "a self-declared officer and a fine paid to him",
    "WRONG_NUMBER_OPENER": "a message 'to the wrong number' that asks to get acquainted",
    "OFFICIAL_ON_PRIVATE_CHAT": "a self-declared officer who moves the matter to his own chat",
    "BOSS_IN_NEW_GROUP": "the boss's 'new group' and a payment on his orders",
    "BOSS_TRANSFER_ORDER": "the boss, out of reach, orders a transfer to a partner at once",
    "ROMANCE_MONEY_REQUEST": "a lover far away asks money for a ticket, a visa or customs",
    "PAY_OR_BE_SUED": "money into an account to avoid a lawsuit or an arrest",
    "FEE_FOR_A_GIFT": "something free or won, and a fee to pay for it first",
    "IDENTITY_MISUSE_CALL": "your ID or account 'misused', and someone to contact",
    "PAID_BY_WIRE_OR_CARD": "a fee or fine paid by a wire service or cards",
    "COD_SURPRISE_PARCEL": "a 'surprise' parcel from an unknown sender, paid on delivery",
}

_ALL_PAIRS = (_KEYPRESS_PAIRS | _INHERITANCE_PAIRS | _TECH_PAIRS | _ABROAD_PAIRS
              | _CURSE_PAIRS | _QR_PAIRS | _SERVICE_PAIRS | _DOWN_PAIRS | _CHANGED_PAIRS
              | _CALL_TRANSFER_PAIRS | _FINE_PAIRS | _BOSS_PAIRS | _PAY_OR_ELSE_PAIRS
              | _GIFT_FEE_PAIRS | _MISUSE_PAIRS | _WIRE_OR_CARD_PAIRS | _COD_PAIRS
              | _SUMMONS_TALK_PAIRS | _BOSS_ORDER_PAIRS | _LOVER_PAIRS)
_ALL_WORDS = (_INHERITANCE_WORDS | _TECH_WORDS | _ABROAD_WORDS | _CURSE_WORDS
              | _SERVICE_WORDS | _OPENER_WORDS | _OWN_CHAT_WORDS | _WIRE_WORDS | _LOVER_WORDS)


def _all(folded: str, first: re.Pattern[str], *more: re.Pattern[str],
         negatable: bool = True) -> str | None:
    """The first unnegated match of ``first`` (any match where it is not ``negatable``) and
    the first match of each of ``more``, joined with " ... ", or ``None`` as soon as one
    has none."""
    m = first_unnegated(first, folded) if negatable else first.search(folded)
    if m is None:
        return None
    found = [m.group(0)]
    for pattern in more:
        other = pattern.search(folded)
        if other is None:
            return None
        found.append(other.group(0))
    return " ... ".join(found)


#: An account number after the request to pay.
_ACCOUNT_DIGITS_RE = re.compile(r"\d[\d .-]{5,}\d")


def _tech_support(folded: str, findings: Collection[str]) -> str | None:
    if not any(p in findings for p in PHONE_FINDINGS):
        return None
    return _all(folded, _INFECTED_RE, _MAKER_RE, _TECH_CALL_RE)


def _diverted(folded: str, findings: Collection[str]) -> str | None:
    down = first_unnegated(_SYSTEM_DOWN_RE, folded)
    if down is None:
        return None
    into = _PAY_INTO_RE.search(folded, down.end())  # the bill comes after the excuse
    if into is None or negated(folded, into.start()):
        return None
    if "BANK_ACCOUNT" not in findings and _ACCOUNT_DIGITS_RE.search(folded, into.end()) is None:
        return None  # no account to pay into: a notice to pay later
    return f"{down.group(0)} ... {into.group(0)}"


def _identity_misuse(folded: str, findings: Collection[str]) -> str | None:
    misuse = first_unnegated(_MISUSE_RE, folded)
    if misuse is None:
        return None
    contact = _CONTACT_ABOUT_RE.search(folded, misuse.end())
    if contact is None and not any(p in findings for p in PHONE_FINDINGS):
        return None
    return misuse.group(0) if contact is None else f"{misuse.group(0)} ... {contact.group(0)}"


def pretext_findings(folded: str, tokens: list[str], bigrams: list[str],
                     out: MessageFeatures) -> None:
    """The findings of this module for the folded text, its ``tokens`` and their
    ``bigrams``, after the phrase and entity findings (an advisory quotes the tricks it
    warns of: no prior then; the phone findings tell a number to call)."""
    pairs = _ALL_PAIRS.intersection(bigrams)
    words = _ALL_WORDS.intersection(tokens)
    if not pairs and not words:
        return
    findings = out.findings
    found: list[tuple[str, str | None]] = []
    if not _KEYPRESS_PAIRS.isdisjoint(pairs):
        m = first_unnegated(_KEYPRESS_RE, folded)
        # a hotline's own menu names the number to call first ("goi 18001091 va bam phim 9
        # de gap dien thoai vien", "goi 1414 va bam phim 1 de nghe"): the robocall has none
        if m is not None and _CALL_FIRST_RE.search(folded, 0, m.start()) is not None:
            m = None
        found.append(("KEYPRESS_TO_AGENT", None if m is None else m.group(0)))
    if not _INHERITANCE_PAIRS.isdisjoint(pairs) or not _INHERITANCE_WORDS.isdisjoint(words):
        # (the story itself is negative: "khong co nguoi thua ke")
        found.append(("INHERITANCE_CLAIM", _all(folded, _INHERITANCE_RE, _FORTUNE_RE,
                                                _CLAIM_RE, negatable=False)))
    if not _TECH_PAIRS.isdisjoint(pairs) or not _TECH_WORDS.isdisjoint(words):
        found.append(("TECH_SUPPORT_CALL", _tech_support(folded, findings)))
    if not _ABROAD_PAIRS.isdisjoint(pairs) or not _ABROAD_WORDS.isdisjoint(words):
        found.append(("OVERSEAS_JOB_LURE", _all(folded, _ABROAD_RE, _JOB_ABROAD_RE,
                                                _EASY_ABROAD_RE)))
    if not _CURSE_PAIRS.isdisjoint(pairs) or not _CURSE_WORDS.isdisjoint(words):
        found.append(("SPIRITUAL_FEE", _all(folded, _CURSE_RE, _RITUAL_FEE_RE)))
    if not _QR_PAIRS.isdisjoint(pairs):
        m = (first_unnegated(_QR_RECEIVE_RE, folded)
             or first_unnegated(_CARD_TO_RECEIVE_RE, folded))
        if m is not None:
            found.append(("QR_TO_RECEIVE", m.group(0)))
        else:
            form = first_unnegated(_QR_CARD_RE, folded)
            found.append(("QR_TO_CARD_FORM", None if form is None else form.group(0)))
    if not _SERVICE_PAIRS.isdisjoint(pairs) or not _SERVICE_WORDS.isdisjoint(words):
        found.append(("MILITARY_EXEMPTION_SALE", _all(folded, _SERVICE_RE, _EXEMPT_RE,
                                                      _SERVICE_FEE_RE)))
    if not _DOWN_PAIRS.isdisjoint(pairs):
        found.append(("PAYMENT_DIVERTED", _diverted(folded, findings)))
    if not _CHANGED_PAIRS.isdisjoint(pairs):
        found.append(("ACCOUNT_CHANGE_PAYMENT", _all(folded, _ACCOUNT_CHANGED_RE,
                                                     _INVOICE_RE)))
    if not _CALL_TRANSFER_PAIRS.isdisjoint(pairs):
        m = first_unnegated(_CALL_TRANSFER_RE, folded)
        found.append(("CALL_TRANSFER_TO_POLICE", None if m is None else m.group(0)))
    if not _FINE_PAIRS.isdisjoint(pairs):
        found.append(("FINE_PAID_TO_OFFICER", _all(folded, _OFFICIAL_SELF_RE, _FINE_RE,
                                                   _PAID_TO_HIM_RE)
                       or _all(folded, _FINE_ANY_RE, _FINE_TO_US_RE)))
    if not _OPENER_WORDS.isdisjoint(words):
        found.append(("WRONG_NUMBER_OPENER", _all(folded, _WRONG_NUMBER_RE, _ACQUAINT_RE)))
    if not _OWN_CHAT_WORDS.isdisjoint(words) or not _SUMMONS_TALK_PAIRS.isdisjoint(pairs):
        found.append(("OFFICIAL_ON_PRIVATE_CHAT", _all(folded, _OFFICIAL_SELF_RE, _OWN_CHAT_RE,
                                                       _OFFICIAL_MATTER_RE)))
    if not _BOSS_PAIRS.isdisjoint(pairs):
        found.append(("BOSS_IN_NEW_GROUP", _all(folded, _BOSS_GROUP_RE, _BOSS_PAY_RE)
                       or _all(folded, _JOIN_NEW_GROUP_RE, _BOSS_RE, _BOSS_PAY_RE)))
    if not _BOSS_ORDER_PAIRS.isdisjoint(pairs):
        found.append(("BOSS_TRANSFER_ORDER", _all(folded, _BOSS_RE, _BOSS_ORDER_RE, _PARTNER_RE,
                                                  _NO_CHECK_RE)))
    if not _LOVER_PAIRS.isdisjoint(pairs) or not _LOVER_WORDS.isdisjoint(words):
        found.append(("ROMANCE_MONEY_REQUEST", _all(folded, _LOVER_ADDRESS_RE, _FAR_AWAY_RE,
                                                    _LOVER_MONEY_RE)))
    if not _PAY_OR_ELSE_PAIRS.isdisjoint(pairs) and ("BANK_ACCOUNT" in findings
                                                     or "khoan" in folded or "tk" in folded):
        m = first_unnegated(_PAY_OR_ELSE_RE, folded)
        found.append(("PAY_OR_BE_SUED", None if m is None else m.group(0)))
    if not _GIFT_FEE_PAIRS.isdisjoint(pairs):
        found.append(("FEE_FOR_A_GIFT", _fee_for_a_gift(folded)))
    if not _MISUSE_PAIRS.isdisjoint(pairs):
        found.append(("IDENTITY_MISUSE_CALL", _identity_misuse(folded, findings)))
    if len(_COD_PAIRS.intersection(pairs)) >= 2:
        m = _COD_SURPRISE_RE.search(folded)
        found.append(("COD_SURPRISE_PARCEL", None if m is None else m.group(0)))
    if not _WIRE_OR_CARD_PAIRS.isdisjoint(pairs) or not _WIRE_WORDS.isdisjoint(words):
        m = first_unnegated(_WIRE_OR_CARD_RE, folded)
        found.append(("PAID_BY_WIRE_OR_CARD", None if m is None else m.group(0)))
    add_fixed_prior_findings(out, found, _DETAILS, PRETEXT_PRIOR, priors=_OWN_PRIORS,
                             warning_only=_SCRIPT_NAMES, clip=None)


#: ``(name, meaning)`` of every finding of this module, for the symbol catalogue.
SYMBOLS: tuple[tuple[str, str], ...] = (
    ("KEYPRESS_TO_AGENT", "'press 1 to speak to an operator' written in a message: a "
                          "robocall's script (a SIM to be locked, a parcel from the court)"),
    ("INHERITANCE_CLAIM", "an unclaimed fortune of a 'late relative' or a stranger with no "
                          "heir, offered for your details or a fee"),
    ("TECH_SUPPORT_CALL", "a computer or an account 'infected' or 'compromised', and a "
                          "number to call (makers never ask you to call them)"),
    ("OVERSEAS_JOB_LURE", "easy, well-paid work across the border (Cambodia, Myanmar): the "
                          "recruitment of the scam compounds"),
    ("SPIRITUAL_FEE", "a spirit, a curse or bad luck upon you, and money for the ritual "
                      "that lifts it"),
    ("QR_TO_RECEIVE", "a QR code to scan, or a PIN or card details to type, in order to "
                      "receive money (a payment is received without any of them)"),
    ("QR_TO_CARD_FORM", "a QR code (a sticker, a 'parking ticket') that leads to typing card "
                        "details or a one-time code (quishing)"),
    ("MILITARY_EXEMPTION_SALE", "an exemption or a deferral of military service for a fee "
                                "(it cannot be bought)"),
    ("PAYMENT_DIVERTED", "the payment system 'down', and the bill to pay into an account "
                         "meanwhile"),
    ("ACCOUNT_CHANGE_PAYMENT", "a supplier's bank account 'changed', and an invoice to pay "
                               "into the new one (business e-mail compromise)"),
    ("CALL_TRANSFER_TO_POLICE", "a caller who will 'put the call through' to the police: the "
                                "second act of the fake-officer fraud"),
    ("FINE_PAID_TO_OFFICER", "a self-declared officer and a fine to pay to him or by transfer "
                             "'to settle it quickly' (fines go to the State Treasury)"),
    ("OFFICIAL_ON_PRIVATE_CHAT", "a self-declared officer (police, investigator, tax office, "
                                 "social insurance, court) who moves a case, a fine or a summons "
                                 "to his own Zalo, video call or number"),
    ("BOSS_IN_NEW_GROUP", "'the boss has made a new Zalo group' and a payment to make on his "
                          "orders (chief-executive fraud)"),
    ("BOSS_TRANSFER_ORDER", "the boss (or a 'spare' chat account) orders a sum sent to a partner "
                            "or supplier, and cannot be called or wants it kept secret "
                            "(chief-executive fraud over chat)"),
    ("ROMANCE_MONEY_REQUEST", "a lover far away (a soldier in Syria, an engineer at sea, an "
                              "airport abroad) asks money for a ticket, a visa, customs or "
                              "gift cards"),
    ("PAY_OR_BE_SUED", "money into an account 'to avoid' a lawsuit, an arrest or a freeze"),
    ("FEE_FOR_A_GIFT", "something free, won or granted (a phone, a scholarship, a prize) and "
                       "a fee to pay for it first: shipping, insurance, a file fee"),
    ("IDENTITY_MISUSE_CALL", "your ID card 'used to register SIMs' or your account 'linked to "
                             "a case', and a number or a chat to contact"),
    ("PAID_BY_WIRE_OR_CARD", "a fee or a fine to pay by Western Union, MoneyGram, scratch "
                             "cards or gift cards"),
    ("COD_SURPRISE_PARCEL", "a parcel 'from an anonymous sender', 'a surprise gift', to pay "
                            "for on delivery (the brushing and cash-on-delivery fraud)"),
    ("WRONG_NUMBER_OPENER", "a message 'to the wrong number' or a Zalo 'added by mistake' "
                            "that asks to get acquainted: the romance and investment frauds' "
                            "opening"),
)
