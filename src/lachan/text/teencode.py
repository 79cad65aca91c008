"""Teencode (Vietnamese chat abbreviations) expansion on the folded view.

The lexicon ``lachan/data/teencode.tsv`` (MIT, see ``teencode.LICENSE``; from the
visonorm 0.1.4 dictionary, first sense only) maps a short form to a standard word. It
is read once with :mod:`importlib.resources` and turned into a table on folded keys,
because lookups run on the folded view (so "đc" and "dc" are the same key).

Not every entry is kept; the rules, in order:

1. The short form must be typed without Vietnamese marks (``đ`` allowed: "đc", "đt").
   Entries such as "cái → gái", "lên → nên", "hỏng → không" correct one real word into
   another; once folded they would rewrite ordinary unaccented text ("cai", "len").
2. The folded key must be letters only: numbers ("0 → không"), symbols ("+ → cộng")
   and keys with spaces or punctuation are dropped, so digits and amounts are safe.
3. Entries whose key and value fold to the same string do nothing and are dropped.
4. A key that is itself a standard Vietnamese syllable (it appears, folded, among the
   lexicon's own standard words: "chi", "mai", "tai", "a", "e", "o", "y" ...) is
   dropped: in unaccented SMS it is far more often that word than an abbreviation.
5. :data:`STOP` lists the remaining short forms that are ordinary words, English
   words, brands or SMS jargon with another meaning; they are kept as written.
6. :data:`OVERRIDES` gives SMS / banking senses that the chat lexicon gets wrong for
   this domain ("tk" is "tài khoản" in a bank SMS, not "tiết kiệm") and adds one it
   lacks ("ctkm": chương trình khuyến mãi).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

from lachan.text.fold import fold

__all__ = ["OVERRIDES", "STOP", "UNITS", "expand_words", "lexicon", "lookup_table"]

_MAX_LEXICON_BYTES = 2_000_000

#: Short forms never expanded, with the reason (checked against the lexicon).
STOP: Mapping[str, str] = MappingProxyType(
    {
        "d": "'d' is mostly the dong currency unit (100.000 d), not 'vậy'",
        "l": "'l' is a litre or a list marker; the lexicon's sense is a profanity",
        "p": "'P' is 'phường' (ward) in addresses or 'phút'",
        "s": "'S' is the 5656 complaint syntax letter",
        "tr": "'tr' is 'triệu' (million) in amounts",
        "i": "English pronoun 'I'",
        "ga": "'ga' is 'gà' / 'ga' (station) typed without accents",
        "re": "'re' is 'rẻ' (cheap) in ads typed without accents",
        "ck": "ambiguous: 'chồng' in chat (the lexicon's sense), 'chuyển khoản' in scams",
        "tb": "'TB' is 'thuê bao' or 'thông báo' in carrier SMS, not 'trung bình'",
        "tc": "ambiguous ('tín chấp', 'tình cảm')",
        "tt": "'TT' is 'thanh toán' / 'thông tin', not 'tương tác'",
        "ct": "'CT' is 'chương trình' / 'công ty', not 'chia tay'",
        "sh": "Honda SH motorbike; 'sinh hoạt' is rare in SMS",
        "bh": "'BH' is 'bảo hành' / 'bảo hiểm' in ads, not 'bao giờ'",
        "ht": "'HT' is 'hệ thống' / 'hỗ trợ'",
        "pay": "English / brand word (ShopeePay, ZaloPay), not 'bay'",
        "real": "English word",
        "said": "English word",
        "of": "English word",
        "time": "English word",
        "see": "English word",
        "try": "English word",
        "tree": "English word",
        "as": "English word",
        "any": "English word",
        "ace": "English word",
        "bug": "English word",
        "cook": "English word",
        "exp": "English word / expiry date",
        "hey": "English word",
        "lips": "English word",
        "lone": "English word",
        "sin": "English word",
        "tide": "English word / brand",
        "pink": "English word",
        "penthouse": "English word",
        "moto": "English word",
        "del": "English word / key name",
        "dell": "brand (Dell)",
        "lol": "English chat word",
        "nah": "English word",
        "ew": "English word",
        "bum": "English word",
        "poen": "rare; left as written",
        "shin": "English word / name",
        "run": "English word",
        "lag": "English word",
        "ten": "'tên' (name) typed without accents; English 'ten'",
        "bia": "'bia' (beer) in ads",
        "hue": "Huế, the city",
        "hat": "'hát' (sing) typed without accents",
        "duy": "a common given name",
        "nh": "'NH' is 'ngân hàng' (bank) in bank SMS; 'nhiều' in chat",
        "dh": "'ĐH' is 'đơn hàng' (order) in courier / shop SMS, not only 'đại học'",
        "ds": "'DS' is 'danh sách' (list)",
        "hd": "'HD' is 'hóa đơn' / 'hướng dẫn' / video quality",
        "ks": "'KS' is 'khách sạn' (hotel) in ads",
        "lg": "brand (LG)",
        "hp": "brand (HP) as often as Hải Phòng",
        "mu": "football club (MU)",
        "pt": "'PT' is 'phương thức' / personal trainer, not 'biết'",
        "ts": "'TS' is 'tiến sĩ' (doctor)",
        "truy": "a Vietnamese word typed without accents: truy (truy cập)",
        "toa": "a Vietnamese word typed without accents: tòa (tòa án), tọa",
        "mao": "a Vietnamese word typed without accents: mạo (giả mạo)",
        "rui": "a Vietnamese word typed without accents: rủi (rủi ro)",
        "phia": "a Vietnamese word typed without accents: phía",
        "nui": "a Vietnamese word typed without accents: núi",
        "sanh": "a Vietnamese word typed without accents: sảnh, sanh",
        "hem": "a Vietnamese word typed without accents: hẻm (alley, in addresses)",
        "xam": "a Vietnamese word typed without accents: xám, xâm",
        "eo": "a Vietnamese word typed without accents: eo",
        "lim": "a Vietnamese word typed without accents: lim",
        "nheo": "a Vietnamese word typed without accents: nheo",
        "nhao": "a Vietnamese word typed without accents: nhào",
        "nhue": "a Vietnamese word typed without accents: nhuệ",
        "noc": "a Vietnamese word typed without accents: nọc",
        "nom": "a Vietnamese word typed without accents: nom",
        "nung": "a Vietnamese word typed without accents: nung",
        "oan": "a Vietnamese word typed without accents: oan",
        "phin": "a Vietnamese word typed without accents: phin (cà phê phin)",
        "riu": "a Vietnamese word typed without accents: rìu",
        "toai": "a Vietnamese word typed without accents: toại",
        "toy": "English 'toy'",
        "xoan": "a Vietnamese word typed without accents: xoan",
        "sd": "'SD' is 'số dư' (balance) in bank SMS, 'sử dụng' in chat",
        "cc": "'CC' is 'căn cước' or a copy line; the lexicon's sense is a profanity",
        "cod": "'COD' is cash on delivery in shop and courier messages, not 'có'",
    }
)

#: Domain senses for SMS, banking and telecom messages (folded values).
OVERRIDES: Mapping[str, str] = MappingProxyType(
    {
        "tk": "tai khoan",
        "stk": "so tai khoan",
        "dk": "dang ky",
        "gd": "giao dich",
        "dv": "dich vu",
        "kh": "khach hang",
        "tn": "tin nhan",
        "hn": "ha noi",
        "ctkm": "chuong trinh khuyen mai",
        "sp": "san pham",
        # official abbreviations of papers and bodies: no chat either
        "cccd": "can cuoc cong dan",
        "cmnd": "chung minh nhan dan",
        "cty": "cong ty",
        "csgt": "canh sat giao thong",
        "sdt": "so dien thoai",
        # written abbreviations that notices, shops and fraudsters use as much as friends
        # ("dang o BV Nhi", "[QC]", "DT 0912...", "TP.HCM", "GV chu nhiem")
        "bv": "benh vien",
        "qc": "quang cao",
        "dt": "dien thoai",
        "tp": "thanh pho",
        "hs": "hoc sinh",
        "sv": "sinh vien",
        "gv": "giao vien",
        "nv": "nhan vien",
        # and those of brands' and schools' notices ("Ap dung den 23:59 CN", "Cafe sach
        # Nha Nam", "thi THPT QG", "thg 12"): in the SMS data "vn" alone opens 14 ads
        "cn": "chu nhat",
        "cafe": "ca phe",
        "vn": "viet nam",
        "thpt": "trung hoc pho thong",
        "qg": "quoc gia",
        "thg": "thang",
    }
)

_KEY_RE = re.compile(r"[a-z]+")
_LEAD = ("(", '"')
_TRAIL = (",", ".", "!", "?", ":", ";", ")", '"', "...")


def _read_lexicon_text() -> str:
    ref = resources.files("lachan").joinpath("data/teencode.tsv")
    data = ref.read_bytes()
    if len(data) > _MAX_LEXICON_BYTES:
        raise ValueError(f"teencode lexicon larger than {_MAX_LEXICON_BYTES} bytes")
    return data.decode("utf-8")


def _parse(text: str) -> list[tuple[str, str]]:
    rows = csv.reader(io.StringIO(text, newline=""), delimiter="\t")
    header = next(rows, None)
    if header is None or [h.strip() for h in header[:2]] != ["short", "full"]:
        raise ValueError("teencode lexicon must start with a 'short<TAB>full' header")
    return [(r[0], r[1]) for r in rows if len(r) >= 2 and r[0] and r[1]]


def build_lexicon(
    entries: list[tuple[str, str]],
    stop: Mapping[str, str] = STOP,
    overrides: Mapping[str, str] = OVERRIDES,
) -> dict[str, str]:
    """Apply the module's rules to (short, full) entries; return folded key -> value."""
    folded_full = [fold(full).split() for _, full in entries]  # each folded once
    standard: set[str] = set()
    for words in folded_full:
        standard.update(words)
    table: dict[str, str] = {}
    for (short, _), words in zip(entries, folded_full, strict=True):
        low = short.strip().lower().replace("\u0111", "d")
        if not low.isascii():
            continue  # rule 1: a marked short form is a real word, not an abbreviation
        key = fold(low)
        if not _KEY_RE.fullmatch(key):
            continue  # rule 2
        value = " ".join(words)
        if not value or key == value:
            continue  # rule 3
        if key in standard or key in stop or key in table:
            continue  # rules 4 and 5; the first sense wins
        table[key] = value
    table.update(overrides)  # rule 6
    return table


@lru_cache(maxsize=1)
def lexicon() -> Mapping[str, str]:
    """The teencode table in use: folded short form -> folded standard form."""
    return MappingProxyType(build_lexicon(_parse(_read_lexicon_text())))


@lru_cache(maxsize=1)
def lookup_table() -> dict[str, str]:
    """Whitespace-token -> replacement, including forms with punctuation attached.

    ``"ko,"`` maps to ``"khong,"`` so one dict lookup per token handles the common
    punctuation without a strip per token.
    """
    # Per key: bare, then each trail; then each lead, bare and with each trail.
    return {
        lead + key + t: lead + value + t
        for key, value in lexicon().items()
        for lead, t in _AFFIXES
    }


_AFFIXES = tuple((lead, t) for lead in ("", *_LEAD) for t in ("", *_TRAIL))
_STRIP = '()".,!?:;'  # every character of _LEAD and _TRAIL


def _tokens_of(keys: set[str] | frozenset[str]) -> frozenset[str]:
    """Tokens of :func:`lookup_table` that strip to one of ``keys``.

    A token is a key with a lead and a trail made of :data:`_STRIP` characters, so it
    strips to what its key strips to: the tokens come from the keys that do."""
    table = lookup_table()
    return frozenset(
        token
        for key in lexicon()
        if key.strip(_STRIP) in keys
        for lead, t in _AFFIXES
        if (token := lead + key + t) in table
    )


@lru_cache(maxsize=1)
def _override_tokens() -> frozenset[str]:
    """Tokens of :func:`lookup_table` that come from :data:`OVERRIDES`."""
    return _tokens_of(set(OVERRIDES))


#: Short forms that are also units after a number ("50 k", "5 m", "2 kg"), not expanded
#: right after one.
UNITS: frozenset[str] = frozenset({"k", "kg", "km", "m"})


@lru_cache(maxsize=1)
def _unit_tokens() -> frozenset[str]:
    return _tokens_of(UNITS)


_Tables = tuple[frozenset[str], dict[str, str], frozenset[str], frozenset[str]]
#: What :func:`expand_words` reads, kept after its first call (no cache call per message):
#: the tokens of :func:`lookup_table` as a frozenset (a set answers ``isdisjoint``, the
#: common case, in about two thirds of the time a dict's keys do), the table, and the
#: unit and override tokens.
_tables: _Tables | None = None


def _load_tables() -> _Tables:
    global _tables
    table = lookup_table()
    _tables = (frozenset(table), table, _unit_tokens(), _override_tokens())
    return _tables


def _acronyms(source: str, hits: set[str], words: list[str]) -> set[int]:
    """Positions of chat short forms that ``source`` (the message before folding, split
    the same way as ``words``) writes as a name: an acronym in capitals ("Truong TH Kim
    Dong", "DC: 12 Tran Phu") in a message that is not shouted, or a capital letter after a
    capitalised word ("Circle K"). Nothing when the two splits do not line up.

    The positions are found first and the (costlier) shouting test runs only when there
    is one: most messages with a chat short form write none in capitals."""
    original = source.split()
    if len(original) != len(words):
        return set()
    keep: set[int] = set()
    for w in hits:
        i = -1
        for _ in range(words.count(w)):
            i = words.index(w, i + 1)
            core = original[i].strip(_EDGE_PUNCT)
            if core.isupper() and _written_as_name(core, i, original, words):
                keep.add(i)
    if keep and _shouted(source):
        return set()  # a shouted message: "KO DUOC DAU" is chat in capitals
    return keep


def _written_as_name(core: str, i: int, original: list[str], words: list[str]) -> bool:
    """``core`` (upper case) at ``i``: an acronym, or a capital after a name or a size
    word."""
    if len(core) >= 2:
        return core.isalpha()
    return len(core) == 1 and i > 0 and (
        (original[i - 1][:1].isupper() and original[i - 1][1:2].islower()
         and words[i - 1] not in _PRONOUNS)  # "Circle K", not "Anh K biet" (anh khong biet)
        or words[i - 1] in _SIZE_WORDS  # a garment's size: "size M"
    )


# Bytes that are not ASCII letters / not ASCII capitals, deleted to count the others.
_NOT_LETTER = bytes(b for b in range(128) if not chr(b).isalpha())
_NOT_UPPER = bytes(b for b in range(128) if not chr(b).isupper())


_ASCII_RUN = re.compile("[\x00-\x7f]+")


def _shouted(source: str) -> bool:
    """More than half of the letters of ``source`` are capitals."""
    # ASCII letters counted by two bytes.translate deletions (C speed); only the other
    # characters (a fifth of a Vietnamese text) are read one by one.
    b = source.encode("ascii", "ignore")
    letters = len(b.translate(None, _NOT_LETTER))
    upper = len(b.translate(None, _NOT_UPPER))
    if len(b) != len(source):
        for c in _ASCII_RUN.sub("", source):
            if c.isalpha():
                letters += 1
                if c.isupper():
                    upper += 1
    return 2 * upper > letters


#: Words before a garment's size letter ("size M", "sz L").
_SIZE_WORDS = frozenset({"size", "sz"})


#: Who speaks or is spoken to: a capital "K" after one is "không" ("Em K biet").
_PRONOUNS = frozenset({"anh", "em", "chi", "toi", "minh", "ban", "tao", "may", "co", "chu",
                       "bac", "ong", "ba", "con", "chau", "no", "ho", "to", "cau"})


#: Punctuation stripped around a token before its case is read ("TH," "(K)").
_EDGE_PUNCT = ".,;:!?()[]{}\"'-_/"


def expand_words(words: list[str], source: str | None = None) -> tuple[bool, bool]:
    """Expand teencode tokens of a folded, whitespace-split message in place.

    A unit-like short form right after a number is left alone ("50 k", "5 m"; see
    :data:`UNITS`), and so is a chat short form that ``source`` (the text before folding,
    when given) writes as a name in capitals ("Truong TH", "Circle K"); SMS jargon from
    :data:`OVERRIDES` ("TK", "CSGT") is expanded whatever its case. Returns ``(changed,
    chat)``: whether anything was expanded, and whether a chat abbreviation was (SMS jargon
    changes the text but is not reported as teencode).
    """
    tables = _tables
    if tables is None:  # first call: the tables are built once and never change
        tables = _load_tables()
    tokens = tables[0]
    if tokens.isdisjoint(words):  # the common case: no set built
        return False, False
    table = tables[1]
    hits = set(tokens.intersection(words))
    # Hits are few: each is replaced where it occurs (list.index, C speed) rather than
    # looking every word up again.
    expanded = words.copy()
    for hit in hits:
        value = table[hit]
        i = words.index(hit)
        expanded[i] = value
        for _ in range(words.count(hit) - 1):
            i = words.index(hit, i + 1)
            expanded[i] = value
    units = tables[2]
    if not hits.isdisjoint(units):
        for unit in hits & units:
            kept_all = True
            i = words.index(unit)
            while True:
                if i and words[i - 1][-1:].isdigit():
                    expanded[i] = unit  # "50 k": a unit after a number
                else:
                    kept_all = False
                try:
                    i = words.index(unit, i + 1)
                except ValueError:
                    break
            if kept_all:
                hits.discard(unit)
        if not hits:
            return False, False
    overrides = tables[3]
    if source is not None and not hits <= overrides:
        kept = _acronyms(source, hits - overrides, words)
        if kept:  # (when nothing is kept, the hits are those expanded already)
            for i in kept:
                expanded[i] = words[i]
            hits = {w for w, e in zip(words, expanded, strict=True) if w != e}
            if not hits:
                return False, False
    words[:] = expanded
    return True, not hits <= overrides
