"""Runs of digits: phone numbers, short codes and bank accounts.

One precompiled regex finds runs of digits with the separators people type ("0912 345
678", "(028) 3822-1234", "+84.912.345.678"). A run is cut into space-separated chunks
and the longest run of chunks that is a valid number wins, so "500.000 0912345678" and
"0912345678 0987654321" still give the right numbers. Chunks that are dates or grouped
amounts are never phone numbers.

Phones come first (:func:`find_phones`); what is left over may become an OTP (see
:mod:`lachan.entities.otp`) or, near a bank name or an account keyword, an account
(:func:`find_accounts`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lachan.domain import Entity
from lachan.entities.banks import fold_token, lexicon, mentions, nearest
from lachan.entities.claimed import overlaps
from lachan.entities.phone import PhoneFields, lookup_fields
from lachan.entities.spans import Claims, claim, new_entity
from lachan.entities.vi_regex import WORD_END, WORD_START, vi_any

# Digit first (the regex engine then skips other text fast); a leading "+", "(" or "(+"
# is taken back in Python.
# Possessive single-character repeats: the same runs as ``[0-9](?:[0-9.\-()]|[ \u00a0]
# (?=[+(]{0,2}[0-9]))*`` at a quarter less cost (a repeated alternation is slow in ``re``).
_RUN = re.compile(r"[0-9][0-9.\-()]*+(?:[ \u00a0](?=[+(]{0,2}[0-9])[0-9.\-()]*+)*+")
_SPAN = re.Match.span
_NON_DIGITS = str.maketrans("", "", " .-()+\u00a0")
_DATE = re.compile(r"[0-9]{1,2}[.\-][0-9]{1,2}[.\-][0-9]{2,4}")
_GROUPED_AMOUNT = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[1-9][0-9]{0,2}(?:,[0-9]{3})+")
_MAX_PHONE_DIGITS = 15
#: The most digits a phone number spelt in pairs or single digits has here ("84 91 234 56
#: 78" has 11); a longer list of small numbers is no phone.
_LONGEST_PAIRED_PHONE = 11
_ACCOUNT_MIN, _ACCOUNT_MAX = 6, 19
_ACCOUNT_WINDOW = 40  # characters either side where a bank name makes an account
_KEYWORD_WINDOW = 30  # characters before the number where "STK" makes an account
_WALLET_WINDOW = 20

_ACCOUNT_KEYWORD = re.compile(
    WORD_START
    + "(?:"
    + vi_any("so tai khoan", "tai khoan", "so tk", "stk", "tk", "tknh", "acc")
    + r"|account(?:\s+(?:number|no\.?))?|a/c|acct)"
    + WORD_END,
    re.IGNORECASE,
)
# Words (folded) that make a 3-5 digit number a short code when they come right before
# it: "gọi 156", "gửi 9029", "call 5656", "hotline: 1090", "tổng đài 1900", "đầu số 8x77".
_CALL_WORDS = frozenset(
    "goi call hotline gui nhan sms to lh bam quay text dau den phone tel sdt dt".split()
)
_CALL_PAIRS = frozenset(
    {("tong", "dai"), ("lien", "he"), ("nhan", "tin"), ("goi", "ngay"), ("dien", "thoai")}
)
_CONTEXT_STRIP = ":-–(\"'“”"


_TRAILING_NOISE = _CONTEXT_STRIP + " \t\n"


# Last words that need the word before them to decide ("gọi số", "tổng đài", "gửi tới").
_SECOND_WORDS = frozenset({"so", "toi", "den", "dai", "he", "tin", "ngay", "thoai"})
#: Words before "đầu" that make it "first" ("kỳ đầu", "quý đầu"), not a number's prefix.
_PERIOD_WORDS = frozenset({"ky", "quy", "thang", "tuan", "nam", "lan", "dot", "khoa", "buoi",
                           "ngay", "gio"})


def call_word_before(low: str, start: int) -> bool:
    """Is ``start`` right after a call / send word ("gọi", "gửi tới", "tổng đài số")?"""
    end = start
    while end > 0 and low[end - 1] in _TRAILING_NOISE:
        end -= 1
    lo = end - 25 if end > 25 else 0  # a break further back gives False below anyway
    seg = low[lo:end]
    cut = seg.rfind(" ")
    if "\n" in seg or "\t" in seg:  # rare: one rfind instead of three in the common case
        cut = max(cut, seg.rfind("\n"), seg.rfind("\t"))
    if end - (lo + cut if cut != -1 else -1) > 24:
        return False
    word = seg[cut + 1 :].strip(_CONTEXT_STRIP)
    last = word if word.isascii() else fold_token(word)
    if last in _CALL_WORDS:
        if last == "dau" and cut > 0:  # "đầu số 9029", not "học kỳ đầu 2025"
            before = seg[:cut].rsplit(None, 1)
            if before and fold_token(before[-1].strip(_CONTEXT_STRIP)) in _PERIOD_WORDS:
                return False
        return True
    if last not in _SECOND_WORDS:
        return False  # the common case, decided by one word
    lo = start - 24 if start > 24 else 0
    words = low[lo:start].rstrip(_TRAILING_NOISE).rsplit(None, 3)
    if len(words) == 4 or (words and lo > 0 and low[lo - 1].isalnum() and low[lo].isalnum()):
        words = words[1:]  # the first piece may be the cut end of a longer word
    if not words:
        return False
    last = fold_token(words[-1].strip(_CONTEXT_STRIP))
    if last == "so" or (last in ("toi", "den") and len(words) > 1):  # "gọi số", "gửi tới"
        words.pop()
        if not words:
            return False
        last = fold_token(words[-1].strip(_CONTEXT_STRIP))
    if last in _CALL_WORDS:
        return True
    return len(words) > 1 and (fold_token(words[-2]), last) in _CALL_PAIRS


@dataclass(slots=True)
class Chunk:
    start: int
    end: int
    digits: str
    plus: bool
    glued: bool  # a letter right before it ("FT2611...", "V90")
    plain: bool  # digits only, no separators inside
    amount: bool = False  # grouped like an amount ("559.000.000"): may continue a number
    # after a country code ("+84 559.000.000") but never start one


def _strip_separators(piece: str) -> str:
    """``piece`` without ".", "-", "(", ")" and "+": ``piece.translate(_NON_DIGITS)`` for
    a piece without spaces (a chain of ``replace`` is several times faster)."""
    return piece.replace(".", "").replace("-", "").replace("(", "").replace(")", "").replace(
        "+", ""
    )


def _chunks(text: str, run_start: int, run_end: int) -> list[Chunk]:
    """Space-separated pieces of a run; dates get ``digits=""`` (they break a run)."""
    out: list[Chunk] = []
    pos = run_start
    for piece in text[run_start:run_end].replace("\u00a0", " ").split(" "):
        start, end = pos, pos + len(piece)
        pos = end + 1
        if piece.isdigit():  # the common case: nothing to trim or check
            out.append(Chunk(start, end, piece, False,
                             start > 0 and text[start - 1].isalpha(), True))
            continue
        while end > start and text[end - 1] in ".-(":  # sentence punctuation
            end -= 1
        raw = text[start:end]
        if raw.endswith(")") and raw.count("(") < raw.count(")"):
            end -= 1
            raw = raw[:-1]
        digits = _strip_separators(raw)
        if not digits.isdigit():
            continue
        if _DATE.fullmatch(raw) or ".." in raw:
            digits = ""  # a date or a masked number ("0071...456") breaks the run
        plus = raw.startswith(("+", "(+"))
        out.append(Chunk(start, end, digits, plus, start > 0 and text[start - 1].isalpha(),
                         raw.isdigit(), _GROUPED_AMOUNT.fullmatch(raw) is not None))
    return out


_BETWEEN_BREAK = re.compile(r"[0-9.!?;\n]")
#: Keywords that mean "account" only right before a number: in Vietnamese SMS "A/C" is
#: mostly "anh/chị" ("Chào A/C, em bán sim: 0979...") and "acc" a game or social login.
_AMBIGUOUS_KEYWORDS = frozenset({"a/c", "acc"})
#: What may stand between an ambiguous keyword and its number ("A/C no.: 1234567").
_KEYWORD_GLUE = re.compile(r"[\s:#.\-]*(?:(?:no|number|num)\b[\s:#.\-]*)?")
_ACCOUNT_HINT = re.compile(r"tk|t[aà]i|acc|a/c")
_WALLET_HINT = re.compile(r"momo|zalo|shopee|pay|viettel")


def _account_keyword_before(text: str, low: str, start: int) -> bool:
    """An account keyword ("STK") shortly before ``start``, in the same sentence, with no
    other number and no call word ("gọi", "LH") between."""
    # (a conditional, not max(), which parses its arguments: a hot path)
    lo = start - _KEYWORD_WINDOW if start > _KEYWORD_WINDOW else 0
    if _ACCOUNT_HINT.search(low, lo, start) is None:
        return False
    window = low[lo:start]
    last = None
    for found in _ACCOUNT_KEYWORD.finditer(window):
        last = found
    if last is None:
        return False
    between = window[last.end() :]
    if last.group().lower() in _AMBIGUOUS_KEYWORDS:
        return _KEYWORD_GLUE.fullmatch(between) is not None
    if _BETWEEN_BREAK.search(between) is not None:
        return False
    return not (between.strip() and call_word_before(low, start))


def _phone_entity(text: str, start: int, end: int, num: PhoneFields) -> Entity:
    # Built directly: caching by number cost more than it saved, since most numbers in
    # a stream of distinct messages are new.
    national, e164, kind, carrier, converted_from, carrier_certain, region = num
    attrs: dict[str, object] = {"type": kind, "e164": e164, "carrier": carrier}
    if carrier:
        attrs["carrier_certain"] = carrier_certain
    if converted_from:
        attrs["converted_from"] = converted_from
    if region:
        attrs["region"] = region
    return new_entity(("phone", national, text[start:end], start, end, attrs))


def _account_entity(text: str, low: str, start: int, end: int, digits: str) -> Entity:
    found = mentions(text, low, start - _ACCOUNT_WINDOW, end + _ACCOUNT_WINDOW)
    best = nearest(found, start, end)
    attrs: dict[str, object] = {}
    if best is not None and best.code is not None:
        attrs["bank"] = best.code
    return new_entity(("account", digits, text[start:end], start, end, attrs))


def _wallet_account(text: str, low: str, start: int, end: int, num: PhoneFields
                    ) -> Entity | None:
    """"MoMo 0912345678": a wallet account is the phone number itself."""
    lo = start - _WALLET_WINDOW if start > _WALLET_WINDOW else 0
    if _WALLET_HINT.search(low, lo, start) is None:
        return None
    wallets = lexicon().wallet_codes
    for mention in mentions(text, low, lo, start):
        if mention.code in wallets:
            return new_entity(("account", num[0], text[start:end], start, end,
                               {"bank": mention.code}))
    return None


def _emit(text: str, low: str, start: int, end: int, digits: str, num: PhoneFields,
          out: list[Entity]) -> None:
    """A phone, or an account when "STK" comes right before; a wallet account too."""
    kind = num[2]
    if (kind == "mobile" or kind == "fixed") and _account_keyword_before(text, low, start):
        out.append(_account_entity(text, low, start, end, digits))
        return
    out.append(_phone_entity(text, start, end, num))
    if kind == "mobile":
        wallet = _wallet_account(text, low, start, end, num)
        if wallet is not None:
            out.append(wallet)


Run = tuple[int, int]


def find_runs(text: str) -> list[Run]:
    """``(start, end)`` of every run of digits and separators: the one scan of the text
    for digits; money, phones, accounts and commands all start from these."""
    first = _RUN.search(text)  # most messages have no digit: no iterator, no list
    if first is None:
        return []
    return list(map(_SPAN, _RUN.finditer(text, first.start())))


def pieces(text: str, runs: list[Run]) -> list[Run]:
    """The space-separated pieces of every run, without a leading "+" or "(": where
    each written number may begin."""
    out: list[Run] = []
    for run in runs:
        pos, end = run
        # the common case: one piece, and a run starts with a digit (a run with a space
        # has 3 characters at least; a slice and ``in`` cost less than ``str.find``)
        if end - pos < 3 or " " not in text[pos:end]:
            out.append(run)
            continue
        k = text.find(" ", pos, end)
        while True:
            stop = end if k == -1 else k
            while pos < stop and text[pos] in "+(":
                pos += 1
            if pos < stop:
                out.append((pos, stop))
            if k == -1:
                break
            pos = k + 1
            k = text.find(" ", pos, end)
    return out


def find_phones(text: str, low: str, claims: Claims, runs: list[Run]
                ) -> tuple[list[Entity], list[list[Chunk]]]:
    """Phones (and accounts written after "STK"); returns the unused chunk groups too."""
    out: list[Entity] = []
    leftovers: list[list[Chunk]] = []
    for run_start, run_end in runs:
        if run_start:  # take back a "+", "(" or "(+" written right before the first digit
            before = text[run_start - 1]
            if before == "+":
                run_start -= 1
                if run_start and text[run_start - 1] == "(":
                    run_start -= 1
            elif before == "(":
                run_start -= 1
        if run_end - run_start < 3:
            continue  # "7h", "50%", "V90": too short for any number kind
        piece = text[run_start:run_end]
        if " " not in piece and "\u00a0" not in piece:  # one piece: no chunking needed
            _find_in_piece(text, low, run_start, piece, claims, out, leftovers)
            continue
        _find_in_run(text, low, run_start, run_end, claims, out, leftovers)
    return out, leftovers


#: A number labelled as a tax code, a student's, customer's, contract's, record's or ID
#: card's right before it is none of a phone, whatever its digits: "MST 0312345678" (a
#: company's tax code begins like a Viettel mobile), "MSSV 0912345678". Only the number
#: right after the label: a phone after the code ("Ma KH PE0123, LH 0912345678") is one.
_NOT_A_PHONE_LABEL = re.compile(
    r"(?:\bmst|m[aã]\s+s[oố]\s+thu[eế]|\bmssv|m[aã]\s+(?:s[oố]\s+)?sinh\s+vi[eê]n|\bm[aã]\s+kh"
    r"|m[aã]\s+kh[aá]ch\s+h[aà]ng|\bcccd|\bcmnd|c[aă]n\s+c[uư][oớ]c(?:\s+c[oô]ng\s+d[aâ]n)?"
    r"|s[oố]\s+h[oợ]p\s+[dđ][oồ]ng|h[oợ]p\s+[dđ][oồ]ng\s+s[oố]"
    r"|m[aã]\s+(?:h[oồ]\s+s[oơ]|bhxh|[dđ][oơ]n(?:\s+h[aà]ng)?"
    r"|giao\s+d[iị]ch|gd|tra\s+c[uứ]u)|s[oố]\s+bhxh|tax\s+code)\s*(?:s[oố])?\s*"
    # (a full stop right against the number: "MST.0312345678"; one followed by a space
    # ends the sentence: "nhap ma KH. 0912345678 la so tong dai" names a phone)
    r"(?:[:#]\s*|\.)?$")


def _labelled_other(low: str, start: int) -> bool:
    return _NOT_A_PHONE_LABEL.search(low, max(0, start - 28), start) is not None


def _find_in_piece(text: str, low: str, start: int, piece: str, claims: Claims,
                   out: list[Entity], leftovers: list[list[Chunk]]) -> None:
    """A run without spaces ("0912345678", "0912.345.678", "(028)3822-1234")."""
    end = start + len(piece)
    if piece.isdigit():
        digits, plain = piece, True
    else:
        if text[end - 1] in ".-(":
            while end > start and text[end - 1] in ".-(":  # sentence punctuation
                end -= 1
            piece = text[start:end]
        if piece[-1] == ")" and piece.count("(") < piece.count(")"):  # never empty here
            end -= 1
            piece = piece[:-1]
        # Each test below gives up on the piece; the amount test comes first, as the most
        # common case ("500.000") and the one that needs no translate.
        if _GROUPED_AMOUNT.fullmatch(piece) is not None:
            return  # grouped like an amount ("559.000"): neither a phone nor a leftover
        digits = _strip_separators(piece)
        if not digits.isdigit() or _DATE.fullmatch(piece) or ".." in piece:
            return  # a date, or a masked number ("9704...1234"): not a whole number
        plain = piece.isdigit()
    if claims and overlaps(claims, start, end):
        return
    if 8 <= len(digits) <= _MAX_PHONE_DIGITS:
        num = lookup_fields(digits, piece[0] == "+" or piece[:2] == "(+")
        if num is not None and _labelled_other(low, start):
            claim(claims, (start, end))
            return  # "MST 0312345678": a tax code shaped like a mobile number
        if num is not None:
            _emit(text, low, start, end, digits, num, out)
            claim(claims, (start, end))
            return
    if start > 0 and text[start - 1].isalpha():
        return  # glued to a word ("FT2611..."): neither a short code nor an account
    n = len(digits)
    if _ACCOUNT_MIN <= n <= _ACCOUNT_MAX or (plain and 3 <= n <= 5 and digits[0] != "0"):
        # the only leftovers find_shortcodes / find_accounts can use (a group of one)
        leftovers.append([Chunk(start, end, digits, piece[0] == "+", False, plain)])


def _number_list_end(chunks: list[Chunk], i: int) -> int:
    """The end (exclusive) of a list of one- and two-digit numbers starting at chunk ``i``
    that holds more digits than any phone number (a lottery draw, "03 09 21 36 44 52"),
    or ``i`` when there is none. A phone spelt in pairs or single digits is not longer."""
    total = 0
    j = i
    while j < len(chunks):
        c = chunks[j]
        if (not c.digits or len(c.digits) > 2 or c.amount or c.plus
                or (j > i and c.start - chunks[j - 1].end > 2)):
            break
        total += len(c.digits)
        j += 1
    return j if total > _LONGEST_PAIRED_PHONE else i


def _find_in_run(text: str, low: str, run_start: int, run_end: int, claims: Claims,
                 out: list[Entity], leftovers: list[list[Chunk]]) -> None:
    """The general case: the longest run of chunks that is a valid number wins."""
    chunks = _chunks(text, run_start, run_end)
    if claims:
        chunks = [c for c in chunks if not overlaps(claims, c.start, c.end)]
    n = len(chunks)
    i = 0
    group: list[Chunk] = []
    while i < n:
        first = chunks[i]
        listed = _number_list_end(chunks, i)
        if listed > i:  # "03 09 21 36 44 52": a list of small numbers, no phone
            group.extend(chunks[i:listed])
            i = listed
            continue
        best: tuple[int, PhoneFields] | None = None
        acc = ""
        for j in range(i, n if not first.amount else i):
            c = chunks[j]
            if not c.digits or (j > i and (c.plus or c.start - chunks[j - 1].end > 2)):
                break
            acc += c.digits
            if len(acc) > _MAX_PHONE_DIGITS:
                break
            if len(acc) < 8:
                continue
            num = lookup_fields(acc, first.plus)
            if num is not None:
                best = (j, num)
        if best is None:
            if first.digits and not first.amount:
                group.append(first)
            elif group:
                leftovers.append(group)
                group = []
            i += 1
            continue
        if group:
            leftovers.append(group)
            group = []
        j, num = best
        start, end = first.start, chunks[j].end
        if _labelled_other(low, start):
            claim(claims, (start, end))
            i = j + 1
            continue
        _emit(text, low, start, end, "".join(c.digits for c in chunks[i : j + 1]), num, out)
        claim(claims, (start, end))
        i = j + 1
    if group:
        leftovers.append(group)


def find_shortcodes(text: str, low: str, leftovers: list[list[Chunk]], claims: Claims,
                    said: dict[int, bool] | None = None) -> list[Entity]:
    """3-5 digit service numbers after "gọi", "gửi", "call", "hotline", "SMS ... to".

    ``said``: :func:`call_word_before` answers already known, by position (the command
    search asks the same question about the same numbers)."""
    out: list[Entity] = []
    for group in leftovers:
        for c in group:
            if not (c.plain and 3 <= len(c.digits) <= 5 and c.digits[0] != "0"):
                continue
            if c.glued or (claims and overlaps(claims, c.start, c.end)):
                continue
            sent = said.get(c.start) if said else None
            if sent is None:
                sent = call_word_before(low, c.start)
            if not sent:
                continue
            out.append(
                new_entity(("phone", c.digits, c.digits, c.start, c.end,
                            {"type": "shortcode", "e164": None, "carrier": None}))
            )
            claim(claims, (c.start, c.end))
    return out


def _next_to_date_or_time(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return before in ("/", ":") or after in ("/", ":")


#: A number labelled as a contract's, an order's or a customer's right before it ("Hợp đồng
#: 3801224567 đã được giải ngân vào TK ngân hàng của Quý khách") is none of an account.
_OTHER_NUMBER_LABEL = re.compile(
    r"(?<!v[aà]o )(?<!v[aà]o s[oố] )(?:h[oợ]p\s+[dđ][oồ]ng|\bh[dđ](?=\s*(?:s[oố]|[:#]))"
    r"|[dđ][oơ]n\s+h[aà]ng|h[oó]a\s+[dđ][oơ]n|\bm[aã]\s+kh\b|kh[aá]ch\s+h[aà]ng|contract"
    r"|order\s*(?:no|id|#)|invoice)(?:\s+s[oố])?\s*[:#.]?\s*$")


def find_accounts(text: str, low: str, leftovers: list[list[Chunk]], claims: Claims
                  ) -> list[Entity]:
    """6-19 digit numbers near a bank / wallet name or after an account keyword."""
    out: list[Entity] = []
    by_bin = lexicon().by_bin
    for group in leftovers:
        chunks = [c for c in group if not overlaps(claims, c.start, c.end)] if claims else group
        if not chunks or chunks[0].glued:
            continue
        # consecutive chunks separated by single spaces form one number ("0071 0001 23456")
        first = chunks[0]
        digits = first.digits
        last = first
        for c in chunks[1:]:
            if c.start - last.end > 1 or len(digits) + len(c.digits) > _ACCOUNT_MAX:
                break
            digits += c.digits
            last = c
        if not (_ACCOUNT_MIN <= len(digits) <= _ACCOUNT_MAX) or digits in by_bin:
            continue
        if _next_to_date_or_time(text, first.start, last.end):
            continue  # "21/11/2026 09:15" gives the pieces "2026 09"
        if _OTHER_NUMBER_LABEL.search(low, max(0, first.start - 24), first.start) is not None:
            continue
        if not _account_keyword_before(text, low, first.start) and not mentions(
            text, low, first.start - _ACCOUNT_WINDOW, last.end + _ACCOUNT_WINDOW
        ):
            continue
        out.append(_account_entity(text, low, first.start, last.end, digits))
        claim(claims, (first.start, last.end))
    return out
