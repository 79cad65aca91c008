"""Money amounts: "500k", "5tr", "1tr5", "5 triệu", "1.000.000đ", "1,000,000 VND", "$100".

A number counts as money only with a unit or a currency next to it; "1.000.000" alone
may be anything. Grouped digits ("1.000.000", "1,000,000") are thousands; one
separator with other than three digits after it is a decimal point ("2.5tr", "1,5
triệu"). Amounts are whole units of the currency (VND unless another is written).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from lachan.domain import Entity
from lachan.entities.claimed import overlaps
from lachan.entities.spans import Claims, claim, new_entity
from lachan.entities.vi_regex import WORD_END, vi

# A number, its first digit first (a charset prefix lets the regex engine skip text
# fast) and not glued to a word or another number: "1.000.000", "2,5", "500".
# Atomic and possessive: once the digits are read they are never given back, so a number
# that is not money fails at once instead of being retried at every shorter length.
_NUM = (
    r"([0-9](?<![\w.,][0-9])"
    r"(?>[0-9]{0,2}(?:(?P<sep>[.,])[0-9]{3})(?:(?P=sep)[0-9]{3})*+(?![.,]?[0-9])"
    r"|[0-9]{0,14}+(?:[.,][0-9]{1,6}+)?+))"
)
_MULT = r"(t[ỷỉyi]|tri[ệe]u|tr|củ|ngh[ìi]n|ng[àa]n|k)"
_CURRENCY = (
    r"(vn[đd]|" + vi("dong") + r"|usd|us\$|eur|€|\$|" + vi("do la") + r"|" + vi("do")
    + r"|đ|d)"
)
_NOT_COUNT = re.compile(
    r"\s*(?:" + "|".join(vi(w) for w in ("nguoi", "luot", "thue bao", "nam")) + r")"
)

# Patterns run on the lower-cased text (see vi_regex.lower_same_length).
_MONEY = re.compile(
    _NUM
    + r"\s?+(?:"
    + _MULT + r"(?:([0-9])(?![0-9.,]))?"  # a multiplier, "1tr5" ...
    + r"(?:\s?" + _CURRENCY + r")?"  # ... and maybe a currency
    + r"|" + _CURRENCY.replace("(", "(?P<cur2>", 1)  # or a currency alone
    + r")" + WORD_END
)
_PREFIX_MONEY = re.compile(r"(us\$|\$|€|usd|eur|vn[đd])\s?" + _NUM + WORD_END)
_CONTINUATION = re.compile(
    r"\s?([0-9]{1,3})\s?" + _MULT + r"(?:\s?" + _CURRENCY + r")?" + WORD_END
)


def _currency_code(word: str | None) -> str:
    if not word:
        return "VND"
    w = word.lower()
    # "$", "usd", "us$", "đô" and "đô la" in any spelling; "đồng", "vnđ", "đ" are VND
    if "$" in w or w == "usd" or "l" in w or (len(w) == 2 and w[0] in "dđ"):
        return "USD"
    if w in ("eur", "€"):
        return "EUR"
    return "VND"


def _multiplier(word: str) -> int:
    w = word.lower()
    if w[0] == "t" and len(w) == 2 and w != "tr":
        return 1_000_000_000
    if w[:2] == "tr" or w == "củ":
        return 1_000_000
    return 1_000


def _number(text: str, grouped: bool) -> Decimal | None:
    try:
        if grouped:
            return Decimal(text.replace(".", "").replace(",", ""))
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None


def _entity(text: str, start: int, end: int, amount: Decimal | int, currency: str
            ) -> Entity:
    value = amount if isinstance(amount, int) else int(amount.to_integral_value())
    return new_entity((
        "money", str(value), text[start:end], start, end,
        {"amount": value, "currency": currency},
    ))


def _anchored(text: str, low: str, pos: int, claims: Claims, m: re.Match[str]
              ) -> Entity | None:
    """The amount whose number starts at ``pos``, matched by ``_MONEY`` as ``m``."""
    num, sep, mult, frac, cur = m.group(1, 2, 3, 4, 5)
    if cur is None:
        cur = m.group("cur2")
    grouped = sep is not None
    # Whole numbers of up to 18 digits (most amounts) in int arithmetic, far cheaper and
    # as exact as Decimal is for them (times 10**9 they stay within its 28 digits); a
    # decimal fraction ("2.5tr") or a longer number in Decimal, as before.
    amount: Decimal | int | None
    if len(num) <= 18 and (grouped or num.isdigit()):
        amount = int(num.replace(".", "").replace(",", "")) if grouped else int(num)
    else:
        amount = _number(num, grouped)
        if amount is None:
            return None
    end = m.end()
    if cur is not None and cur == "d" and not grouped and amount < 1000:
        return None  # "30d" is thirty days far more often than thirty dong
    if cur is not None and cur == "do" and mult is None:
        return None  # "5 do" is five degrees ("5 đô" is five dollars)
    if mult is not None:
        factor = _multiplier(mult)
        amount *= factor
        if frac is not None:  # a factor is a multiple of 10: exact in int
            amount += int(frac) * (factor // 10) if type(amount) is int else (
                Decimal(frac) * factor / 10
            )
        if cur is None:
            if _NOT_COUNT.match(low, end) is not None:
                return None  # "5 triệu người" counts people
            cont = _CONTINUATION.match(low, end)
            if cont is not None and _multiplier(cont.group(2)) < factor:
                amount += int(cont.group(1)) * _multiplier(cont.group(2))
                cur = cont.group(3)
                end = cont.end()
    if claims and overlaps(claims, pos, end):
        return None
    return _entity(text, pos, end, amount, _currency_code(cur))


#: The first characters of a multiplier or a currency (``_MULT``, ``_CURRENCY``).
_UNIT_FIRST = frozenset("tcnkvdđue€$")


def find_money(text: str, low: str, claims: Claims, numbers: list[tuple[int, int]]
               ) -> list[Entity]:
    """Amounts in ``text`` (``low``: lower-cased, same length).

    ``numbers`` are the pieces of the digit runs found once by
    :mod:`lachan.entities.digits` (:func:`~lachan.entities.digits.pieces`): the amount
    pattern is tried where each begins, and after a dash inside one ("300-500k"),
    instead of being scanned over the whole text.

    An amount's number is made of digits, dots and commas, so it ends where its piece
    does (a piece holds no comma: it may go on after one) and a unit or a currency
    follows, right after it or after one space. The pattern is tried only on the pieces
    where the character after the piece allows that: most numbers are not amounts.
    """
    out: list[Entity] = []
    n = len(low)
    dashes = "-" in text
    for start, end in numbers:
        if end >= n:
            continue
        after = low[end]
        if not (after in _UNIT_FIRST or after == ","
                or (after.isspace() and low[end + 1 : end + 2] in _UNIT_FIRST)):
            continue
        pos = start
        k = text.find("-", start, end) if dashes else -1
        while True:
            m = _MONEY.match(low, pos)  # (no bound-method local: it costs more than it saves)
            if m is not None:
                ent = _anchored(text, low, pos, claims, m)
                if ent is not None:
                    out.append(ent)
                    claim(claims, (ent.start, ent.end))
            # the next start: after a dash inside the piece ("300-500k"), before a digit
            while k != -1 and not (k + 1 < end and text[k + 1].isdigit()):
                k = text.find("-", k + 1, end)
            if k == -1:
                break
            pos = k + 1
            k = text.find("-", pos, end)
    if "$" in low or "€" in low or "usd" in low or "eur" in low or "vnd" in low or "vnđ" in low:
        for m in _PREFIX_MONEY.finditer(low):
            if m.start() > 0 and low[m.start() - 1].isalnum():
                continue
            if overlaps(claims, m.start(), m.end()):
                continue
            amount = _number(m.group(2), m.group("sep") is not None)
            if amount is None:
                continue
            out.append(_entity(text, m.start(), m.end(), amount, _currency_code(m.group(1))))
            claim(claims, (m.start(), m.end()))
    return out
