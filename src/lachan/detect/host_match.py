"""Find brand names and scam keywords inside host labels, fast.

One trie-shaped regular expression holds every brand alias and keyword, so one scan of a
label finds them all (glued to words, hyphens or digits: ``vietcombank-vn``,
``shopeevip12``, ``vcb-digibank``). Aliases and keywords shorter than
``brands.SHORT_ALIAS_LEN`` count only as whole tokens (``vcb-…``, ``…-acb``) or, for short
keywords, at a token start (``vaygap``). Look-alikes are found on a skeleton (digits and
look-alike letters mapped back: ``vietc0mbank``, Cyrillic ``а``) and by one insertion,
deletion or swap of a long alias (``garrena``, ``shoppe``), or by letters doubled
(``vviietcombank``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from lachan.detect.brands import SHORT_ALIAS_LEN, load_brands
from lachan.detect.host_lexicon import (
    ASCII_CONFUSABLES,
    ASCII_SEQUENCE_CONFUSABLES,
    EVERYDAY_GAME_NAMES,
    GAMBLING_BRANDS,
    GAMBLING_KEYWORDS,
    GAME_LURE_WORDS,
    GAME_NAMES,
    INVESTMENT_WORD_EXCEPTIONS,
    INVESTMENT_WORDS,
    LURE_WORD_EXCEPTIONS,
    LURE_WORDS,
    SCAM_KEYWORDS,
    SHORT_GAMBLING_KEYWORDS,
    SHORT_GAME_NAMES,
    SHORT_SCAM_KEYWORDS,
    TRADING_PLATFORMS,
    UNICODE_CONFUSABLES,
)

#: Kinds of term the matcher knows.
BRAND, SCAM, GAMBLING = "brand", "scam", "gambling"

#: Fuzzy matching only for aliases at least this long (short ones collide with words).
FUZZY_MIN_LEN = 6


class Hit(NamedTuple):
    term: str
    kind: str  # brand | scam | gambling
    ref: str  # brand id, or the keyword itself
    start: int
    end: int


def _trie_regex(words: list[str]) -> str:
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict[str, dict]) -> str:
        end = "" in node
        branches = [re.escape(ch) + walk(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            body = "(?:" + body + ")?"
        return body

    return walk(trie)


@lru_cache(maxsize=1)
def _terms() -> dict[str, tuple[str, str]]:
    terms: dict[str, tuple[str, str]] = {}
    for kw in SCAM_KEYWORDS | SHORT_SCAM_KEYWORDS:
        terms[kw] = (SCAM, kw)
    for kw in GAMBLING_KEYWORDS | SHORT_GAMBLING_KEYWORDS:
        terms[kw] = (GAMBLING, kw)
    for b in load_brands():  # brands win over keywords of the same spelling
        for a in b.aliases:
            a = re.sub(r"[^0-9a-z]", "", a)
            if len(a) >= 2:
                terms[a] = (BRAND, b.id)
    return terms


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    # Longest-first at each position comes from the greedy optional tails of the trie.
    return re.compile(_trie_regex(sorted(_terms())))


def _short_ok(term: str, kind: str, s: str, start: int, end: int) -> bool:
    """Short terms must stand as a token (brands) or start one (keywords)."""
    if len(term) >= SHORT_ALIAS_LEN and not (kind != BRAND and term in _SHORT_KW):
        return True
    before = s[start - 1] if start > 0 else "-"
    if before.isalpha():
        return False
    if kind != BRAND:
        return True
    after = s[end] if end < len(s) else "-"
    return not after.isalpha()


_SHORT_KW = SHORT_SCAM_KEYWORDS | SHORT_GAMBLING_KEYWORDS


_new_tuple = tuple.__new__


def scan(s: str) -> list[Hit]:
    """Brand aliases and keywords in ``s`` (an ASCII label or dotted labels)."""
    terms = _terms()
    hits: list[Hit] = []
    search = _pattern().search
    short_kw = _SHORT_KW
    pos, n = 0, len(s)
    while pos < n:
        m = search(s, pos)
        if m is None:
            break
        start, end = m.span()
        if end == start:
            pos = start + 1
            continue
        term = m.group(0)
        info = terms.get(term)
        # the greedy trie can stop inside a longer non-term; back off to the longest term
        while info is None and end > start + 1:
            end -= 1
            term = s[start:end]
            info = terms.get(term)
        if info is not None and (
            # long terms count anywhere (the test _short_ok starts with, written out)
            (len(term) >= SHORT_ALIAS_LEN and (info[0] == BRAND or term not in short_kw))
            or _short_ok(term, info[0], s, start, end)
        ):
            hits.append(_new_tuple(Hit, (term, info[0], info[1], start, end)))
            pos = end
        else:
            pos = start + 1
    return hits


_ASCII_TABLE = str.maketrans(ASCII_CONFUSABLES)
#: "1" stands for "i" as often as for "l" ("v1etcombank", "b1dv", "agr1bank").
_ASCII_TABLE_I = str.maketrans({**ASCII_CONFUSABLES, "1": "i"})


def ascii_skeleton(label: str, one_is_i: bool = False) -> str:
    """Digits and letter sequences that imitate letters mapped back (``sh0pee`` ->
    ``shopee``, ``rnomo`` -> ``momo``; "1" as "l", or as "i" with ``one_is_i``); digits at
    the ends of a label are kept."""
    core = label.strip("0123456789-")
    if not core:
        return label
    i = label.find(core)
    return label[:i] + _mapped(core, one_is_i) + label[i + len(core) :]


def _mapped(text: str, one_is_i: bool) -> str:
    mapped = text.translate(_ASCII_TABLE_I if one_is_i else _ASCII_TABLE)
    for seq, rep in ASCII_SEQUENCE_CONFUSABLES:
        mapped = mapped.replace(seq, rep)
    return mapped


def ascii_lookalikes(label: str) -> list[str]:
    """The skeletons of ``label`` to look for brands in, other than the label itself: its
    core mapped ("1" as "l", then as "i"), then the whole label mapped, digits at its ends
    too ("m0m0" -> "momo"). (A brand the whole-label skeleton holds without a mapped end
    digit is in the core's skeleton already.)"""
    out: list[str] = []
    seen = {label}
    variants = (False, True) if "1" in label else (False,)
    for one_is_i in variants:
        skel = ascii_skeleton(label, one_is_i)
        if skel not in seen:
            seen.add(skel)
            out.append(skel)
    if label[:1] in _CONFUSABLE_DIGITS or label[-1:] in _CONFUSABLE_DIGITS:
        for one_is_i in variants:
            skel = _mapped(label, one_is_i)
            if skel not in seen and len(skel) == len(label):
                seen.add(skel)
                out.append(skel)
    return out


#: What a label's core holds when one of its skeletons can differ from it.
MAYBE_CONFUSABLE = re.compile(r"[013457]|rn|vv")


def lookalike_brand_hits(label: str) -> Iterator[Hit]:
    """Brands in the digit and letter-sequence skeletons of ``label``
    (:func:`ascii_lookalikes`); none, at the cost of one search, when no character of it
    can stand for another."""
    core = label.strip("0123456789-")
    if not core or (MAYBE_CONFUSABLE.search(core) is None
                    and label[:1] not in _CONFUSABLE_DIGITS
                    and label[-1:] not in _CONFUSABLE_DIGITS):
        return
    for skel in ascii_lookalikes(label):
        for h in scan(skel):
            if h.kind == BRAND:
                yield h


_CONFUSABLE_DIGITS = frozenset(d for d in ASCII_CONFUSABLES if d.isdigit())


def unicode_skeleton(label: str) -> str:
    """Latin skeleton of a decoded IDN label: look-alike Cyrillic/Greek letters mapped,
    Vietnamese diacritics folded (``cốccốc`` -> ``coccoc``)."""
    s = unicodedata.normalize("NFKC", label).lower()
    s = "".join(UNICODE_CONFUSABLES.get(c, c) for c in s).replace("đ", "d")
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def is_mixed_script(label: str) -> bool:
    """True when a label mixes Latin letters with Cyrillic or Greek ones."""
    latin = other = False
    for c in label:
        if c.isascii():
            latin = latin or c.isalpha()
        elif c in UNICODE_CONFUSABLES:
            other = True
    return latin and other


@lru_cache(maxsize=1)
def _fuzzy_index() -> tuple[dict[str, str], dict[str, str]]:
    """``deleted``: alias with one letter removed -> brand; ``exact``: alias -> brand."""
    deleted: dict[str, str] = {}
    exact: dict[str, str] = {}
    for b in load_brands():
        for a in b.aliases:
            a = re.sub(r"[^a-z]", "", a)
            if len(a) < FUZZY_MIN_LEN:
                continue
            exact.setdefault(a, b.id)
            for i in range(1, len(a)):  # a missing first letter makes words ("arena")
                deleted.setdefault(a[:i] + a[i + 1 :], b.id)
    return deleted, exact


_TOKEN = re.compile(r"[a-z]+")
_DOUBLED = re.compile(r"([a-z])\1")


def squeeze(word: str) -> str:
    """``word`` with every run of one letter written once (``vviietccombank`` ->
    ``vietcombank``)."""
    return _DOUBLED_RUN.sub(r"\1", word)


_DOUBLED_RUN = re.compile(r"([a-z])\1+")


@lru_cache(maxsize=1)
def _squeezed_index() -> dict[str, str]:
    """Squeezed long alias -> the alias."""
    _, exact = _fuzzy_index()
    out: dict[str, str] = {}
    for a in exact:
        out.setdefault(squeeze(a), a)
    return out


#: Aliases this long are also matched with one letter replaced ("vietcomdank",
#: "wietcombank"): over the host lists this finds 14 phishing hosts (4 of them missed
#: before) and no legitimate one or ham-SMS link. Shorter aliases are words one letter
#: away from other words ("binance" / "finance", "vpbank" / "vrbank", "congan" / "longan").
SUBSTITUTION_MIN_LEN = 8


@lru_cache(maxsize=1)
def _substitution_index() -> dict[str, str]:
    """Alias of :data:`SUBSTITUTION_MIN_LEN` or more letters with one letter blanked
    (``?``) -> brand."""
    _, exact = _fuzzy_index()
    out: dict[str, str] = {}
    for a, bid in exact.items():
        if len(a) >= SUBSTITUTION_MIN_LEN:
            for i in range(len(a)):
                out.setdefault(a[:i] + "?" + a[i + 1:], bid)
    return out


def _substituted(tok: str) -> str | None:
    """Brand whose long alias is ``tok`` with one letter replaced."""
    if len(tok) < SUBSTITUTION_MIN_LEN:
        return None
    index = _substitution_index()
    for i in range(len(tok)):
        bid = index.get(tok[:i] + "?" + tok[i + 1:])
        if bid is not None:
            return bid
    return None


@lru_cache(maxsize=1)
def _fuzzy_ends() -> frozenset[str]:
    _, exact = _fuzzy_index()
    return frozenset([a[:3] for a in exact] + [a[-3:] for a in exact])


@lru_cache(maxsize=1)
def _fuzzy_shapes() -> frozenset[tuple[int, str]]:
    """``(length, first three)``, ``(length, -last three)`` of every long alias, and
    ``(6, first two + last two)`` of six-letter ones: an alias one letter shorter than a
    token (an insertion) or as long (a swap) shares one of these with it, so a token
    sharing none needs no insertion or swap look-ups."""
    _, exact = _fuzzy_index()
    out: set[tuple[int, str]] = set()
    for a in exact:
        out.add((len(a), a[:3]))
        out.add((len(a), "-" + a[-3:]))
        if len(a) == 6:  # swapping the middle pair keeps neither end
            out.add((6, a[:2] + a[-2:]))
    return frozenset(out)


def fuzzy_brand(label: str) -> tuple[str, str] | None:
    """``(brand id, token)`` when a letter token of ``label`` is one insertion, deletion or
    adjacent swap away from a long brand alias, or one replaced letter away from an alias
    of :data:`SUBSTITUTION_MIN_LEN` or more letters, or two edits away from an alias of
    :data:`TWO_EDITS_MIN_LEN` or more letters with its first and last letters kept (and
    is not the alias itself).

    Only tokens of five or more letters that start or end with the first or last three
    letters of a long alias are looked at for one edit (one edit of an alias of six or
    more letters keeps one of them), tested on the tokens themselves."""
    deleted, exact = _fuzzy_index()
    ends = _fuzzy_ends()
    two = _two_edit_index()
    shapes = None
    for tok in _TOKEN.findall(label):
        n = len(tok)
        if n < FUZZY_MIN_LEN - 1 or n > 24:
            continue
        bid = _doubled(tok, exact)
        if bid is not None:
            return bid, tok
        if tok in exact:
            continue
        head, tail = tok[:3], tok[-3:]
        if head in ends or tail in ends:
            bid = deleted.get(tok)  # a letter missing: "shope" … "vietcombak"
            if bid is not None:
                return bid, tok
            if shapes is None:
                shapes = _fuzzy_shapes()
            if (n - 1, head) in shapes or (n - 1, "-" + tail) in shapes:
                for i in range(n):  # a letter added: "garrena", "shopeee"
                    bid = exact.get(tok[:i] + tok[i + 1 :])
                    if bid is not None:
                        return bid, tok
            if (n, head) in shapes or (n, "-" + tail) in shapes or (
                n == 6 and (6, tok[:2] + tok[-2:]) in shapes
            ):
                for i in range(n - 1):  # two letters swapped: "vietcmobank"
                    bid = exact.get(tok[:i] + tok[i + 1] + tok[i] + tok[i + 2 :])
                    if bid is not None:
                        return bid, tok
            bid = _substituted(tok)  # a letter replaced: "vietcomdank"
            if bid is not None:
                return bid, tok
        aliases = two.get((tok[0], tok[-1], n)) if n >= TWO_EDITS_MIN_LEN - 2 else None
        if aliases is not None:  # two edits: "vietcooimbank", "veitcombak"
            for alias in aliases:
                if _within_edits(tok, alias, 2):
                    return exact[alias], tok
    return None


def _doubled(tok: str, exact: dict[str, str]) -> str | None:
    """Brand whose long alias is ``tok`` with letters doubled, as many as the imitation
    likes (``vviietccombank``, ``gooogle``). Only added letters: a double moved elsewhere
    makes words ("goggle" is not "google"). Over the host lists this finds 4 phishing hosts
    and no legitimate domain or ham-SMS link."""
    if tok in exact or _DOUBLED.search(tok) is None:
        return None
    alias = _squeezed_index().get(squeeze(tok))
    if alias is None:
        return None
    rest = iter(tok)
    return exact[alias] if all(ch in rest for ch in alias) else None


#: Aliases this long are also matched two edits away (two letters replaced, added, dropped
#: or swapped: "vietcooimbank", "veitcombak"), in a token of the label that keeps the
#: alias's first and last letters. Over the host lists this finds 29 phishing
#: registrable domains of the training side (5 missed before; validation recall 0.8417 ->
#: 0.8421) and no legitimate domain, well-known site, official channel or ham-SMS link;
#: at nine letters bank names reach each other ("vietabank" / "vietinbank", "sacombank" /
#: "pvcombank").
TWO_EDITS_MIN_LEN = 10


@lru_cache(maxsize=1)
def _two_edit_index() -> dict[tuple[str, str, int], tuple[str, ...]]:
    """``(first letter, last letter, length)`` of a token -> the aliases of
    :data:`TWO_EDITS_MIN_LEN` or more letters that begin and end with those letters and
    are at most two letters longer or shorter."""
    _, exact = _fuzzy_index()
    out: dict[tuple[str, str, int], list[str]] = {}
    for a in exact:
        if len(a) >= TWO_EDITS_MIN_LEN:
            for n in range(len(a) - 2, len(a) + 3):
                out.setdefault((a[0], a[-1], n), []).append(a)
    return {key: tuple(aliases) for key, aliases in out.items()}


def _within_edits(a: str, b: str, k: int) -> bool:
    """``a`` becomes ``b`` with at most ``k`` edits: a letter replaced, added, dropped, or
    two neighbours swapped."""
    if k == 0 or a == b:
        return a == b
    i, n = 0, min(len(a), len(b))
    while i < n and a[i] == b[i]:
        i += 1
    a, b = a[i:], b[i:]
    k -= 1
    return (_within_edits(a[1:], b[1:], k) or _within_edits(a[1:], b, k)
            or _within_edits(a, b[1:], k)
            or (len(a) > 1 and len(b) > 1 and a[0] == b[1] and a[1] == b[0]
                and _within_edits(a[2:], b[2:], k)))


#: The shortest game publisher's name matched two edits away (:func:`publisher_lookalike`).
PUBLISHER_LOOKALIKE_MIN_LEN = 6


@lru_cache(maxsize=1)
def _publisher_names() -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
    """``(first letter, last letter)`` -> ``(name, brand id)`` of the long names of the
    game publishers of the seed (category "gaming"), less everyday words."""
    out: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for b in load_brands():
        if b.category != "gaming":
            continue
        for a in b.aliases:
            a = re.sub(r"[^a-z]", "", a)
            if len(a) >= PUBLISHER_LOOKALIKE_MIN_LEN and a not in EVERYDAY_GAME_NAMES:
                out.setdefault((a[0], a[-1]), []).append((a, b.id))
    return {key: tuple(names) for key, names in out.items()}


#: Words and names a publisher's name is two edits from ("gardena": garden tools).
PUBLISHER_LOOKALIKE_WORDS = frozenset({"gardena", "galena", "gazeta", "garenne", "galera"})


def publisher_lookalike(label: str) -> tuple[str, str] | None:
    """``(brand id, the name read)`` when a label under .vn, less its hyphens, digits and a
    closing "vn", is a game publisher's name with one letter replaced, added or dropped
    after its first ("garene", "garens"), or two with its first and last letters kept
    ("gerana", "gazena", "garennavn", "grerena"): the fakes of a game's event sites copy
    the publisher's .vn domain (garena.vn). Not outside .vn: two letters from "garena" are
    words and names elsewhere ("gazeta"). On the training side of the phishing list this finds 6
    registrable domains the other checks missed, and it is in no legitimate domain,
    well-known site or ham-SMS link."""
    core = label.replace("-", "").strip("0123456789")
    if core.endswith("vn") and len(core) > PUBLISHER_LOOKALIKE_MIN_LEN + 1:
        core = core[:-2]
    if (len(core) < PUBLISHER_LOOKALIKE_MIN_LEN - 1 or not core.isalpha()
            or core in PUBLISHER_LOOKALIKE_WORDS):
        return None
    for (first, last), names in _publisher_names().items():
        if first != core[0]:
            continue
        for name, bid in names:
            if core == name or not len(name) - 1 <= len(core) <= len(name) + 2:
                continue  # (two letters dropped make words: "gara", a garage)
            if _within_edits(core, name, 1) or (last == core[-1]
                                                and _within_edits(core, name, 2)):
                return bid, core
    return None


def fuzzy_brand_plain(label: str) -> tuple[str, str] | None:
    """:func:`fuzzy_brand` without its shortcuts (tests compare them)."""
    deleted, exact = _fuzzy_index()
    ends = _fuzzy_ends()
    for tok in _TOKEN.findall(label):
        n = len(tok)
        if n < FUZZY_MIN_LEN - 1 or n > 24 or tok in exact:
            continue
        bid = _doubled(tok, exact)
        if bid is not None:
            return bid, tok
        if tok[:3] in ends or tok[-3:] in ends:
            found = _one_edit_plain(tok, deleted, exact)
            if found is not None:
                return found, tok
        for alias, bid in exact.items():  # two edits, first and last letters kept
            if (len(alias) >= TWO_EDITS_MIN_LEN and alias[0] == tok[0]
                    and alias[-1] == tok[-1] and _within_edits(tok, alias, 2)):
                return bid, tok
    return None


def _one_edit_plain(tok: str, deleted: dict[str, str], exact: dict[str, str]) -> str | None:
    n = len(tok)
    bid = deleted.get(tok)
    if bid is not None:
        return bid
    for i in range(n):
        bid = exact.get(tok[:i] + tok[i + 1 :])
        if bid is not None:
            return bid
    for i in range(n - 1):
        bid = exact.get(tok[:i] + tok[i + 1] + tok[i] + tok[i + 2 :])
        if bid is not None:
            return bid
    for i in range(n):
        for c in "abcdefghijklmnopqrstuvwxyz":
            bid = exact.get(tok[:i] + c + tok[i + 1 :])
            if bid is not None and len(tok) >= SUBSTITUTION_MIN_LEN:
                return bid
    return None


def _alternatives(words: frozenset[str]) -> str:
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


_LURES = _alternatives(GAME_LURE_WORDS)
_SHORT_GAMES = _alternatives(SHORT_GAME_NAMES)
#: A game's name anywhere in the label (a cheap gate before the pair is looked for).
GAME_RE = re.compile(f"{_alternatives(GAME_NAMES)}|{_SHORT_GAMES}")
#: Every lure word, as one trie-shaped pattern (one pass over a label finds them all).
_LURE_WORD_RE = re.compile(_trie_regex(sorted(LURE_WORDS)))
#: A game's name or a lure word anywhere in a label with its hyphens taken out: the gate
#: before :func:`game_lure`, :func:`lone_game` and :func:`label_lure`.
LABEL_TRICK_RE = re.compile(_trie_regex(sorted(GAME_NAMES | SHORT_GAME_NAMES | set(LURE_WORDS))))
_LONE_GAME_RE = re.compile(_alternatives(GAME_NAMES - EVERYDAY_GAME_NAMES))
_LONG_GAME_RE = re.compile(_alternatives(GAME_NAMES))
_LURE_RE = re.compile(_LURES)
#: A short game code at an edge of the label or of a part (hyphens and digits part it, and
#: a closing "vn") next to a lure word: "napff", "muanicklq", "ff-member",
#: "ffmembership2021", "sinhnhatffvn".
_SHORT_GAME_LURE_RE = re.compile(
    f"(?:^|[-0-9])({_SHORT_GAMES})[-0-9]*({_LURES})"
    f"|({_LURES})[-0-9]*({_SHORT_GAMES})(?:vn)?(?:$|[-0-9])"
)


def game_lure(label: str) -> tuple[str, str] | None:
    """``(game, lure word)`` when ``label`` puts an online game's name beside a word that
    offers free items, top-ups or accounts ("napff", "sukienlmht", "freefire-membership",
    "ff-garena-sukien"), else ``None``."""
    if GAME_RE.search(label) is None:
        return None
    m = _LONG_GAME_RE.search(label)
    if m is not None:
        lure = _LURE_RE.search(label[: m.start()] + "-" + label[m.end():])
        if lure is not None:
            return m.group(0), lure.group(0)
    s = _SHORT_GAME_LURE_RE.search(label)
    if s is not None:
        return (s.group(1), s.group(2)) if s.group(1) else (s.group(4), s.group(3))
    parts = label.split("-")
    for game in SHORT_GAME_NAMES.intersection(parts):
        for part in parts:
            if part != game:
                lure = _LURE_RE.match(part)
                if lure is not None:
                    return game, lure.group(0)
    return None


def lone_game(label: str) -> str | None:
    """An online game's name in ``label`` (hyphens ignored: "play-together"), other than
    one that is also an everyday word (:data:`EVERYDAY_GAME_NAMES`): outside the
    publisher's own domains the name alone is a lure ("lmhtvcs", "robuxfree")."""
    m = _LONE_GAME_RE.search(label.replace("-", "") if "-" in label else label)
    return None if m is None else m.group(0)


def _exceptions_by_word() -> dict[str, tuple[tuple[str, int], ...]]:
    out: dict[str, list[tuple[str, int]]] = {}
    for exc in LURE_WORD_EXCEPTIONS:
        for word in LURE_WORDS:
            at = exc.find(word)
            if at >= 0:
                out.setdefault(word, []).append((exc, at))
    return {word: tuple(found) for word, found in out.items()}


#: lure word -> (exception holding it, where it stands in the exception)
_LURE_EXCEPTIONS = _exceptions_by_word()


def label_lure(label: str) -> tuple[str, str] | None:
    """``(word, what it offers)`` for the first word of :data:`LURE_WORDS` in ``label``
    (hyphens ignored: "vay-nhanh", "nha-cai") that is not part of one of
    :data:`LURE_WORD_EXCEPTIONS` ("vaycuoi": a wedding dress), else ``None``."""
    s = label.replace("-", "") if "-" in label else label
    for m in _LURE_WORD_RE.finditer(s):
        word = m.group(0)
        start = m.start()
        for exc, at in _LURE_EXCEPTIONS.get(word, ()):
            if start >= at and s.startswith(exc, start - at):
                break
        else:
            what = LURE_WORDS.get(word)
            if what is not None:
                return word, what
    return None


#: Platform names this long also count with one inner letter missing ("digifinx"):
#: shorter ones would make words.
PLATFORM_DELETION_MIN_LEN = 7

#: What a word of :data:`_MARKET_RE` is.
_PLATFORM, _INVESTMENT, _EXCEPTION, _BOOKMAKER = 0, 1, 2, 3


def _market_terms() -> dict[str, tuple[int, str]]:
    """Every word :func:`market_lure` looks for -> ``(kind, what it stands for)``: the
    names of ``TRADING_PLATFORMS`` (and the long ones with one inner letter missing),
    ``INVESTMENT_WORDS``, the ordinary words that hold one of them, and the
    ``GAMBLING_BRANDS`` of five or more characters."""
    out: dict[str, tuple[int, str]] = {}
    for word in INVESTMENT_WORD_EXCEPTIONS:
        out[word] = (_EXCEPTION, word)
    for word, canonical in INVESTMENT_WORDS.items():
        out[word] = (_INVESTMENT, canonical)
    for name in GAMBLING_BRANDS:
        if len(name) >= 5:
            out[name] = (_BOOKMAKER, name)
    for name in TRADING_PLATFORMS:
        if len(name) >= PLATFORM_DELETION_MIN_LEN:
            for i in range(1, len(name) - 1):  # inner letters only ("icmarket" is a word)
                out.setdefault(name[:i] + name[i + 1:], (_PLATFORM, name))
    out.update((name, (_PLATFORM, name)) for name in TRADING_PLATFORMS)
    return out


_MARKET_TERMS = _market_terms()
#: One trie-shaped pattern of every word of :func:`_market_terms`: one pass over a label
#: finds them, the longest at each place, so an ordinary word ("rabbit") hides the word
#: of the trade inside it ("bit").
_MARKET_RE = re.compile(_trie_regex(sorted(_MARKET_TERMS)))
#: ``GAMBLING_BRANDS`` of four characters or fewer count at the start of the label or of a
#: hyphenated part.
_SHORT_BOOKMAKERS_RE = re.compile(
    "(?:^|-)(" + _trie_regex(sorted(b for b in GAMBLING_BRANDS if len(b) < 5)) + ")")
#: The numbered names the bookmakers and their copies take: digits before "win" or "bet"
#: ("55win", "789bet", "8kbet", "188betvip"), "bet" before digits in a short name
#: ("zebet88"; not "alphabet1"), and a name of at most three letters before a gamblers'
#: lucky number ("kim88", "xo99", "zu666"), with at most a "vn", "vip" or "club" after
#: them. Left out: "win" before digits (Windows: "win10") and 68 and 79, everyday lucky
#: numbers of shop names and Ho Chi Minh City's code.
NUMBERED_BOOKMAKER_RE = re.compile(
    r"\d{1,4}[a-z]?(?:win|bet)(?:vn|vip|club)?\d*$|[a-z0-9]{0,3}bet\d{1,4}$"
    r"|[a-z]{1,3}\d?(?:88|99|66|888|999|666|668|789)(?:vn|vip|club|bet|win)?$"
)
#: Two investment words make a lure only outside Viet Nam's own domain: licensed brokers,
#: funds and banks are registered under .vn ("vietcapitalbank.com.vn").
_TRADING_WORDS_MIN = 2
#: ...one of them a word of crypto or leveraged trading: "capital" + "bank" or "stock" +
#: "exchange" name real banks and exchanges ("firstcapitalbank", "londonstockexchange").
_STRONG_TRADING_WORDS = frozenset({"fx", "bit", "coin", "crypto", "mining", "defi", "nft",
                                   "token", "usdt", "ethereum", "binary", "futures",
                                   "option", "margin", "tron", "doge", "stake"})
#: Platform names this short count only at an end of the label: inside it they are pieces
#: of words.
_SHORT_PLATFORM_LEN = 5
#: The name a betting site gives itself: a word of two or more letters or digits before
#: "win" or "bet" closing the label ("fibowin", "choilawin", "happytobet", "nowbetvn"),
#: with at most a "vn", "vip" or "club" and digits after them; outside .vn. On the training
#: side of the phishing list this finds 12 registrable domains the model and the other
#: checks missed, and it is in no legitimate domain, well-known site or ham-SMS link.
BETTING_ENDING_RE = re.compile(r"[a-z0-9]{2,}(?:win|bet)(?:vn|vip|club)?\d*$")
#: Words that end in "win" or "bet" (Darwin, Edwin, Baldwin, Irwin, twin, Unwin; alphabet,
#: Tibet, sorbet, gibbet): a label whose name before the ending closes with one is no
#: betting site's.
#: ("techwin", "ashwin", "lewin" too: Hanwha Techwin sells cameras here)
_WIN_BET_WORDS = ("twin", "dwin", "rwin", "lwin", "nwin", "hwin", "ewin", "abet", "ibet",
                  "rbet", "bbet")
_ENDING_FILLER_RE = re.compile(r"(?:vn|vip|club)?\d*$")
#: A company's legal form closing a label outside .vn ("eastcenterltd", "fenlimited",
#: "eliconglobalplc"): fake investment and order-taking ("task") firms put it in their
#: sites' names to look registered; an honest firm's site carries its name, not its legal
#: form. On the training side of the phishing list this finds 10 registrable domains the
#: model and the other checks missed, and it is in no legitimate domain, well-known site or
#: ham-SMS link. Left out: "unlimited" ("fitnessunlimited"), and "plc": listed companies
#: name their investor sites so ("tescoplc.com", "hsbcplc").
COMPANY_FORM_RE = re.compile(r"[a-z]{3,}(ltd|limited)\d*$")
TRADING, BOOKMAKER, COMPANY = "trading", "bookmaker", "company"


def betting_ending(s: str) -> bool:
    """``s`` (a label without hyphens) closes with a betting site's "win" or "bet"
    (:data:`BETTING_ENDING_RE`), and not as the end of a word (:data:`_WIN_BET_WORDS`)."""
    if BETTING_ENDING_RE.search(s) is None:
        return False
    filler = _ENDING_FILLER_RE.search(s)  # always found (it may be empty)
    stem = s if filler is None else s[: filler.start()]
    return not stem.endswith(_WIN_BET_WORDS)


def company_form(s: str) -> str | None:
    """The legal form (``ltd``, ``limited``, ``plc``) closing ``s`` (a label without
    hyphens) after a name of three or more letters, else ``None``."""
    m = COMPANY_FORM_RE.search(s)
    if m is None or s[: m.end(1)].endswith("unlimited"):
        return None
    return m.group(1)


def market_lure(label: str, registrable: str, suffix: str) -> tuple[str, str, str] | None:
    """``(kind, what was found, what it is)`` for a label that names a fake market:

    - ``"trading"``: the name of a crypto exchange or forex broker of
      ``TRADING_PLATFORMS`` on a domain that is not the platform's own ("bybit-vip.com",
      "kucoinpro.net", "digifinx.com"), or two different words of ``INVESTMENT_WORDS``
      outside the .vn zone ("fxgoldtrade.com", "btcwealth.net", "tokenfundx.com");
    - ``"bookmaker"``: a name of ``GAMBLING_BRANDS`` ("thabet-vn", "fb88vip") or of
      :data:`NUMBERED_BOOKMAKER_RE`'s shapes ("55win", "kim88"), hyphens ignored, or,
      outside .vn, a betting site's ending (:func:`betting_ending`: "fibowin");
    - ``"company"``: a company's legal form closing the label outside .vn
      (:func:`company_form`: "eastcenterltd");

    else ``None``."""
    s = label.replace("-", "") if "-" in label else label
    words: dict[str, None] = {}
    house = None
    called = "the name of a betting site"
    for m in _MARKET_RE.finditer(s):
        found = _MARKET_TERMS.get(m.group(0))
        if found is None:
            continue
        kind, what = found
        if kind == _PLATFORM:
            if len(m.group(0)) <= _SHORT_PLATFORM_LEN and 0 < m.start() and m.end() < len(s):
                continue  # "okex" in "bookexpress", "upbit" in "startupbits"
            if registrable not in TRADING_PLATFORMS[what]:
                return TRADING, what, "a crypto exchange's or forex broker's name"
        elif kind == _INVESTMENT:
            words[what] = None
        elif kind == _BOOKMAKER and house is None:
            house = what
    if (len(words) >= _TRADING_WORDS_MIN and not suffix.endswith("vn")
            and not _STRONG_TRADING_WORDS.isdisjoint(words)):
        return TRADING, " + ".join(list(words)[:3]), "words of trading platforms"
    if house is None:
        short = _SHORT_BOOKMAKERS_RE.search(label)
        if short is not None:
            house = short.group(1)
        elif not suffix.endswith("vn"):
            # (not under .vn: "pho88.com.vn", "hoa99.vn" are shops' lucky numbers)
            if NUMBERED_BOOKMAKER_RE.match(s) is not None:
                house = s
            elif betting_ending(s):
                house, called = s, 'a name closed by "win" or "bet", as betting sites\' are'
            else:
                form = company_form(s)
                if form is not None:
                    return COMPANY, form, "a company's legal form closing a site's name"
    return None if house is None else (BOOKMAKER, house, called)


def has_label_trick(label: str, registrable: str, suffix: str) -> bool:
    """Whether ``label`` may hold a game's name, a lure word (:data:`LABEL_TRICK_RE`), a
    trading platform's name or words or a bookmaker's name (:func:`market_lure`): the gate
    before ``hosts._trick`` reads the label."""
    s = label.replace("-", "") if "-" in label else label
    return (LABEL_TRICK_RE.search(s) is not None
            or market_lure(label, registrable, suffix) is not None)
