"""Bank and e-wallet names, read from the bundled lexicons (``lachan/data``, MIT).

``vn-banks.json`` and ``vn-ewallet.json`` give each institution a code, a short name, a
BIN and full names. From them and a few aliases written here (old and spoken names:
"Vietinbank", "MB Bank", "LienViet", "DongA") this module builds, once, look-up tables
of word sequences; :func:`mentions` finds them in a stretch of text by tokens, not by a
giant alternation regex (cheaper on a message).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from lachan.entities.vi_regex import WORD_END, WORD_START, vi
from lachan.text.fold import fold

#: Generic words that make a number an account without naming the bank.
_GENERIC = ("ngan hang", "bank", "vi dien tu", "e-wallet", "ewallet")
#: Spoken, old or spaced names -> code, in addition to the lexicon's own names.
_ALIASES: dict[str, str] = {
    "vietinbank": "ICB",
    "vietin": "ICB",
    "ngoai thuong": "VCB",
    "techcom": "TCB",
    "sacom": "STB",
    "agri": "VBA",
    "momo": "MOMO",
    "quan doi": "MB",
    "lienviet": "LPB",
    "lienvietpostbank": "LPB",
    "lien viet": "LPB",
    "dong a": "Vikki",
    "donga": "Vikki",
    "dongabank": "Vikki",
    "oceanbank": "MBV",
    "ban viet": "VCCB",
    "viet capital": "VCCB",
    "viettelpay": "VTP",
    "viettel pay": "VTP",
    "zalo pay": "ZALOPAY",
    "shopee pay": "SPP",
    "vn pay": "VNP",
    "maritime bank": "MSB",
    "standard chartered": "SCVN",
    "shinhan": "SHBVN",
    "hong leong": "HLBVN",
    "public bank": "PBVN",
    "kasikornbank": "KBank",
}
#: Codes that are ordinary words ("mb" is megabytes) unless written in capitals.
_CASE_SENSITIVE = frozenset({"MB", "CAKE", "NAB", "BAB", "MBV", "NH"})
#: Lexicon codes not used as a mention at all (another brand owns the letters).
_IGNORED_CODES = frozenset({"VTP", "VNP", "SPP", "NHB HN"})
#: Full Vietnamese names lose these openings ("Ngân hàng TMCP Á Châu" -> "a chau").
_VI_PREFIXES = (
    "ngan hang thuong mai tnhh mtv ",
    "ngan hang tnhh mtv ",
    "ngan hang tmcp ",
    "ngan hang tnhh ",
    "ngan hang so ",
    "ngan hang ",
    "tmcp ",
)
_LONGEST = 64  # characters: longer than any name in the tables
_SPLIT_BANK = re.compile(r"(?<=[a-z])(?=bank$)")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    code: str | None  # None for a generic word ("ngân hàng")
    wallet: bool


@dataclass(frozen=True, slots=True)
class Lexicon:
    by_words: dict[str, tuple[str | None, bool]]  # folded, spaces removed -> (code, wallet)
    by_code: dict[str, tuple[str, bool]]  # case-sensitive short codes
    by_bin: dict[str, str]
    wallet_codes: frozenset[str]
    words_re: re.Pattern[str]  # every by_words key, as a trie, on lower-cased text
    codes_re: re.Pattern[str]  # case-sensitive codes and BINs, on the text as written


def _read(name: str) -> Any:
    return json.loads(resources.files("lachan").joinpath("data", name).read_text("utf-8"))


def _phrases(name: str) -> list[str]:
    """Folded spellings of one lexicon name: "MBBank" -> ["mbbank", "mb bank"]."""
    f = fold(name).strip()
    out = [f]
    spaced = _SPLIT_BANK.sub(" ", f)
    if spaced != f:
        out.append(spaced)
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The bank and wallet tables, built on first use and kept."""
    by_words: dict[str, tuple[str | None, bool]] = {}
    by_code: dict[str, tuple[str, bool]] = {}
    by_bin: dict[str, str] = {}
    wallets: set[str] = set()
    entries = [(b, False) for b in _read("vn-banks.json")["banks"]]
    entries += [(w, True) for w in _read("vn-ewallet.json")["ewallets"]]
    for item, wallet in entries:
        code = str(item["code"])
        if wallet:
            wallets.add(code)
        if item.get("bin"):
            by_bin[str(item["bin"])] = code
        for label in {code, str(item["name"])}:
            if label in _IGNORED_CODES:
                continue
            if label.upper() in _CASE_SENSITIVE:
                by_code[label.upper()] = (code, wallet)
            else:
                for p in _phrases(label):
                    by_words.setdefault(p, (code, wallet))
        vi_name = fold(str(item.get("fullName", {}).get("vi", ""))).split(" - ")[0].strip()
        for prefix in _VI_PREFIXES:
            if vi_name.startswith(prefix):
                short = vi_name[len(prefix) :].removesuffix(" viet nam")
                # one word alone ("quoc dan") is too common; long names are never written
                if 2 <= len(short.split()) <= 3:
                    by_words.setdefault("ngan hang " + short, (code, wallet))
                break
    for alias, code in _ALIASES.items():
        by_words.setdefault(alias, (code, code in wallets))
    for word in _GENERIC:
        by_words.setdefault(word, (None, False))
    compact = {k.replace(" ", ""): v for k, v in by_words.items()}
    return Lexicon(
        compact,
        by_code,
        by_bin,
        frozenset(wallets),
        re.compile(WORD_START + _trie_regex(by_words, _vi_char)),
        re.compile(_trie_regex([*by_code, *by_bin, "NH"], re.escape)),
    )


def _vi_char(ch: str) -> str:
    return r"\s*" if ch == " " else vi(ch)


def _trie_regex(keys: Iterable[str], char: Callable[[str], str]) -> str:
    """One regex for many phrases, factored by prefix so that a position is rejected
    after a character or two (``char`` gives each character's pattern: for folded names
    each letter accepts its Vietnamese accents and a space any run of spaces, or none:
    "nganhang"). A phrase ends only at a word edge."""
    trie: dict[str, Any] = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [char(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if "" in node:
            alts.append(WORD_END)
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(trie)


#: ``fold`` of one word, cached (words repeat across messages).
fold_token = lru_cache(maxsize=65536)(fold)


def mentions(text: str, low: str, lo: int, hi: int) -> list[Mention]:
    """Bank / wallet names starting in ``text[lo:hi]`` (``low``: ``text`` lower-cased,
    same length), in order of position, the longest phrase at each place."""
    lex = lexicon()
    if lo < 0:  # (not max(): it parses its arguments, and this is a hot path)
        lo = 0
    out: list[Mention] = []
    # endpos leaves room past the window: a name may start inside and end outside it,
    # and the word-edge look-aheads must see the character after it
    endpos = hi + _LONGEST
    for m in lex.words_re.finditer(low, lo, endpos):
        s = m.start()
        if s >= hi:
            break
        found = lex.by_words.get(fold_token(m.group()).replace(" ", "").replace("\t", ""))
        if found is None:  # spacing the trie allows but no key has: keep the generic word
            continue
        out.append(Mention(s, m.end(), found[0], found[1]))
    codes: list[Mention] = []
    for m in lex.codes_re.finditer(text, lo, endpos):
        s, e = m.start(), m.end()
        if s >= hi:
            break
        if (s > 0 and text[s - 1].isalnum()) or any(lo <= m.start < e for m in out):
            continue
        raw = m.group()
        if raw in lex.by_code:
            code, wallet = lex.by_code[raw]
            codes.append(Mention(s, e, code, wallet))
        elif raw in lex.by_bin:
            codes.append(Mention(s, e, lex.by_bin[raw], False))
        else:  # "NH" (ngân hàng) in capitals only: "nh" is "nhé"
            codes.append(Mention(s, e, None, False))
    if codes:
        out = sorted(out + codes, key=lambda x: x.start)
    return out


def nearest(found: list[Mention], start: int, end: int) -> Mention | None:
    """The mention closest to ``[start, end)``, preferring one that names a bank."""
    best: tuple[int, int, Mention] | None = None
    for m in found:
        gap = start - m.end if m.end <= start else m.start - end if m.start >= end else 0
        key = (0 if m.code else 1, gap if gap > 0 else 0)
        if best is None or key < best[:2]:
            best = (key[0], key[1], m)
    return best[2] if best else None
