"""Host and URL analyser: is this link phishing, and which brand does it imitate?

``analyse_host(host_or_url, context=None) -> HostVerdict`` for one item and
``classify_hosts(items) -> list[HostVerdict]`` for a batch (features are computed over
the whole batch with numpy). The checks live in ``host_checks`` (symbol table, one
function per check), the trained model in ``host_model``.

Decision order: an official domain of the seed or the registry is benign; a domain the
registry lists or blocks is phishing; a well-known site's domain (not a user page on it)
is benign; otherwise the model's calibrated score decides,
raised to a floor when a brand is imitated together with a scam keyword, a risky TLD
or look-alike letters.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import Any, NamedTuple, cast
from urllib.parse import urlsplit

import numpy as np

from lachan.detect.brands import get_brand, official_domain_owner
from lachan.detect.host_checks import (
    CODE_LABEL_TRICK,
    CODE_SYMBOLS,
    SYMBOLS,
    VN_RESTRICTED,
    HostFacts,
    brand_in_path,
    facts_symbols,
    guarded_brand,
    guarded_brand_in_page_name,
    inspect_coded,
    official_inside,
    on_user_content,
    page_lure,
    symbols_of,
)
from lachan.detect.host_features import (
    char_stats,
    dense_features,
    dense_from_codes,
    encode_labels,
    ngram_logits,
    token_logit,
    tokens_of,
)
from lachan.detect.host_lexicon import EVERYDAY_GAME_NAMES
from lachan.detect.host_match import (
    COMPANY,
    TRADING,
    game_lure,
    has_label_trick,
    label_lure,
    lone_game,
    market_lure,
)
from lachan.detect.host_model import HostModel, bundled_model
from lachan.detect.host_parse import MAX_ITEM_CHARS, HostInputError, ParsedHost, parse_many
from lachan.domain import AnalysisContext, NullContext, Symbol
from lachan.entities.domain import registrable_domain
from lachan.entities.urls import REDIRECTORS, redirect_url
from lachan.gc_pause import gc_paused

__all__ = [
    "HostInputError",
    "HostVerdict",
    "SYMBOLS",
    "analyse_host",
    "classify_hosts",
    "classify_items",
    "redirect_of",
]

PHISHING_AT = 0.5
REPORTED_STATES = frozenset({"listed", "blocked"})
#: Floors (minimum scores) for combinations that are phishing whatever the model says.
FLOOR_MIXED_SCRIPT = 0.95
FLOOR_BRAND_PLUS = 0.9
SHORTENER_CAP = 0.3
#: Highest score of a host under a well-known site's domain (``host_lexicon``) that the
#: registry has not reported.
WELL_KNOWN_CAP = 0.05
FLOOR_LOOKALIKE = 0.8
#: A brand's name opening the label of a domain outside .vn that is not one of its
#: own ("momobingo.com", "grabexpress.net"): validation recall 0.7902 -> 0.7914 with
#: no new false positive among the 1,191 legitimate domains or the ham-SMS links.
FLOOR_BRAND_ABROAD = 0.6
#: A brand's whole official domain at the start of another (vietcombank.com.vn.vn) and a
#: brand named in the path of a log-in page on a user-content host
#: (sites.google.com/view/vietcombank-xacminh): the model reads only the registrable
#: label ("vn", "google") and scored them 0.004 and 0.20.
FLOOR_OFFICIAL_INSIDE = 0.95
FLOOR_BRAND_IN_PATH = 0.9
#: A page on a user-content host named with a scam or gambling word or a game's lure
#: (sites.google.com/view/kiemtienonl24h, .../view/mohopquafreefiremayman): the model reads
#: only "google" and scored the phishing list's pages 0.18.
FLOOR_PAGE_LURE = 0.9
#: A Vietnamese suffix's word before a foreign TLD ("xacthuc-thuebao.vn.link").
FLOOR_FAKE_SUFFIX = 0.9
#: A game's name beside a lure word (``host_match.game_lure``): over the host lists it
#: finds 203 phishing registrable domains (7 of them in validation, all missed before:
#: "napff.vn", "sukienlmht.vn") and no legitimate domain, ham-SMS link or well-known site.
FLOOR_GAME_LURE = 0.9
#: A word that names what a scam sells or promises (``host_lexicon.LURE_WORDS``: a loan,
#: a prize, chan-le betting, cracked software) in the registrable label, or an online
#: game's name alone (``host_match.lone_game``). On the training side of the phishing
#: list the lure words are in 624 registrable domains and the lone names in 69, of which
#: the model and the other checks had missed 67 and 17 (validation recall 0.8323 ->
#: 0.8417); they are in no legitimate domain, well-known site, official channel or
#: ham-SMS link.
FLOOR_LURE_WORD = 0.9
#: A crypto exchange's or forex broker's name outside its own domains, or two words of
#: trading platforms outside .vn ("bybit-vip", "fxgoldtrade"), and a bookmaker's name
#: ("thabet", "55winvn", "kim88"; both ``host_match.market_lure``): fake
#: investment platforms and illegal betting sites. On the training side of the phishing
#: list they find 29 registrable domains (58 hosts) the model and the other checks missed
#: (17 trading, 12 bookmakers; validation recall 0.8459 -> 0.8501); they are in no
#: legitimate domain, well-known site, official channel or ham-SMS link.
FLOOR_TRADING_LURE = 0.9
FLOOR_BOOKMAKER = 0.9
#: A company's legal form closing the label outside .vn ("eastcenterltd.com",
#: ``host_match.company_form``): weaker evidence than a lure word, so a lower floor,
#: still over the cut-off.
FLOOR_COMPANY_FORM = 0.6
_ONLY_PARSED = frozenset({ParsedHost})
#: A long batch is analysed this many items at a time: the parsed hosts, facts and
#: arrays of one chunk are freed before the next, so memory (and the page faults of
#: fresh memory) stays small and the working set stays in the CPU caches.
CHUNK = 2048


class HostVerdict(NamedTuple):
    """One host's verdict (an immutable named tuple: a batch builds one per host)."""

    host: str
    label: str  # phishing | benign
    score: float
    brand: str | None
    symbols: tuple[Symbol, ...]
    registrable: str = ""

    @property
    def is_phishing(self) -> bool:
        return self.label == "phishing"

    def to_dict(self) -> dict[str, Any]:
        return {
            "host": self.host,
            "label": self.label,
            "score": round(self.score, 4),
            "brand": self.brand,
            "symbols": [s.to_dict() for s in self.symbols],
        }


def _rule_scores(facts: list[HostFacts], stats_random: np.ndarray) -> np.ndarray:
    """Fallback when no model is bundled: squash the sum of positive symbol weights."""
    out = np.zeros(len(facts))
    for i, f in enumerate(facts):
        total = sum(
            max(s.score, 0) for s in facts_symbols(f, random_label=bool(stats_random[i]), entropy=0)
        )
        out[i] = 1.0 - np.exp(-total)
    return out


_REGISTRABLE = attrgetter("parsed.registrable")
_PARSED = itemgetter(0)
_LABEL = attrgetter("label")
#: ``(model, {suffix, or None for an IP: logit of the TLD and suffix tokens})``
_TOKEN_LOGITS: tuple[HostModel | None, dict[str | None, float]] = (None, {})


def _score_facts(
    facts: list[HostFacts], codes: list[int] | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(scores, random-looking, entropy)`` of a batch. Label statistics, n-grams and
    suffix tokens are computed once per distinct registrable domain, then spread."""
    global _TOKEN_LOGITS
    regs = list(map(_REGISTRABLE, facts))  # a registrable domain fixes label and suffix
    one_each = dict(zip(regs, facts, strict=True))
    distinct = list(one_each.values())
    index = dict(zip(one_each, range(len(one_each)), strict=True))
    which = np.fromiter(map(index.__getitem__, regs), dtype=np.intp, count=len(regs))
    parsed = list(map(_PARSED, distinct))
    enc = encode_labels(list(map(_LABEL, parsed)))
    stats = char_stats(enc).take(which)
    random = stats.random_label()
    model = bundled_model()
    if model is None or not facts:
        return _rule_scores(facts, random), random, stats.entropy
    if _TOKEN_LOGITS[0] is not model or len(_TOKEN_LOGITS[1]) > 10_000:
        _TOKEN_LOGITS = (model, {})
    cache = _TOKEN_LOGITS[1]
    # the tokens are fixed by the suffix ("ip" for an IP): one logit per suffix
    keys = [None if p[7] else p[3] for p in parsed]
    toks = list(map(cache.get, keys))
    if None in toks:
        for j, t in enumerate(toks):
            if t is None:
                t = cache.get(keys[j])
                if t is None:
                    t = cache[keys[j]] = token_logit(tokens_of(distinct[j]), model.w_hash)
                toks[j] = t
    tok = np.array(toks, dtype=np.float64)
    hashed = (ngram_logits(enc, model.w_hash) + tok).take(which)
    dense = dense_features(facts, stats) if codes is None else dense_from_codes(codes, stats)
    return model.scores_from(hashed, dense), random, stats.entropy


_MODEL_SYMBOLS: dict[float, Symbol] = {}


def _model_symbol(score: float) -> Symbol:
    key = round(score, 3)
    s = _MODEL_SYMBOLS.get(key)
    if s is None:
        s = _MODEL_SYMBOLS[key] = Symbol("HOST_MODEL", key, f"p={key:.3f}")
    return s


def _model_symbols(scores: np.ndarray) -> list[Symbol]:
    """:func:`_model_symbol` of each score, with ``round(score, 3)`` done for the whole
    batch: ``rint(score * 1000)`` is the thousandths Python's correctly rounded
    ``round`` gives unless ``score * 1000`` lies within 1e-6 of a half (the product's
    rounding error is below 1e-12 for scores in [0, 1]); those few, and any score
    outside [0, 1], are rounded by Python. ``k / 1000`` is then the same float as
    ``round(score, 3)`` (both the double nearest to k/1000)."""
    n = len(scores)
    if n == 0:
        return []
    if not (scores.min() >= 0.0 and scores.max() <= 1.0):  # also false for NaN
        return [_model_symbol(s) for s in scores.tolist()]
    y = scores * 1000.0
    k = np.rint(y)
    milli = k.astype(np.intp)
    for j in np.flatnonzero(np.abs(np.abs(y - k) - 0.5) < 1e-6).tolist():
        milli[j] = round(round(float(scores[j]), 3) * 1000)
    table = _BY_MILLI
    found: list[Symbol | None] = list(map(table.__getitem__, milli.tolist()))
    if None in found:
        for j, m in enumerate(milli.tolist()):
            if found[j] is None:
                s = table[m] = _model_symbol(m / 1000)
                found[j] = s
    return cast("list[Symbol]", found)


#: the model symbol of each score in thousandths (0 .. 1000), filled on first use
_BY_MILLI: list[Symbol | None] = [None] * 1001


def _registry(p: ParsedHost, context: AnalysisContext) -> tuple[str | None, str | None]:
    state = owner = None
    for value in dict.fromkeys((p.host, p.registrable)):
        state = state or context.source_state("domain", value)
        owner = owner or context.official_owner("domain", value)
    return state, owner


_new_tuple = tuple.__new__


def _verdict(
    f: HostFacts, score: float, random: bool, entropy: float, context: AnalysisContext | None,
    model_symbol: Symbol | None = None,
) -> HostVerdict:
    p, official, user_content, shortener, b, _, scam_sub, _, _, _, login_path, _, _, known = f
    symbols = symbols_of(f, random, entropy)
    symbols.append(model_symbol or _MODEL_SYMBOLS.get(round(score, 3)) or _model_symbol(score))
    state = owner = None
    if context is not None:
        state, owner = _registry(p, context)
        if owner and not user_content:
            symbols.append(Symbol("HOST_REGISTRY_OFFICIAL", -1.0, f"{p.registrable} -> {owner}"))
    if official or (owner and not user_content) or state == "official":
        return _new_tuple(HostVerdict, (
            p.host, "benign", min(score, 0.01), official or owner, tuple(symbols), p.registrable
        ))
    if state in REPORTED_STATES:
        symbols.append(Symbol("HOST_REPORTED", 1.0, f"{p.registrable} is {state}"))
        score = max(score, 0.99)
    elif known:  # a widely used site: only a report makes it phishing
        if state == "suspected":
            symbols.append(Symbol("HOST_SUSPECTED", SYMBOLS["HOST_SUSPECTED"][0], p.registrable))
        return _new_tuple(HostVerdict, (
            p.host, "benign", min(score, WELL_KNOWN_CAP), None, tuple(symbols), p.registrable
        ))
    elif state == "suspected":
        symbols.append(Symbol("HOST_SUSPECTED", SYMBOLS["HOST_SUSPECTED"][0], p.registrable))
        score = max(score, min(1.0, score + 0.2))
    elif shortener or (
        user_content and b is None and not login_path and not scam_sub
        and official_domain_owner(p.registrable) is not None
    ):
        # the name of a shortener, or of a big platform's user pages (play.google.com,
        # sites.google.com, oa.zalo.me), says nothing about the target
        score = min(score, SHORTENER_CAP)
    brand = b.brand if b is not None else None
    if b is not None:
        score = max(score, _floor(f))
    trick = _trick(f)
    if trick is not None:
        symbols.append(trick[0])
        score, brand = max(score, trick[1]), trick[2]
    return _new_tuple(HostVerdict, (
        p.host, "phishing" if score >= PHISHING_AT else "benign", float(score),
        brand, tuple(symbols), p.registrable,
    ))


#: Registrable labels that are a suffix's own words: a host such as
#: "xacthuc-thuebao.vn.link" or "ketoan.com.vn.co" puts ".vn" before a foreign TLD, so the
#: eye reads a Vietnamese address; no Vietnamese site is registered under "vn.link".
_SUFFIX_WORDS = frozenset({"vn", "gov", "govvn", "gov-vn", "com-vn", "comvn"})


def _fake_suffix(p: ParsedHost) -> bool:
    return (not p.is_ip and p.label in _SUFFIX_WORDS and bool(p.subdomains)
            and p.subdomains != ("www",) and not p.suffix.endswith("vn"))


def _trick(
    f: HostFacts, label_trick: bool | None = None
) -> tuple[Symbol, float, str | None] | None:
    """``(symbol, floor, brand)`` for the tricks the model cannot see, which read the
    whole host or the path: an official domain at the start of another, a brand in the
    path of a log-in page on a user-content host, a Vietnamese suffix's word before a
    foreign TLD (:func:`_fake_suffix`), and what the registrable label alone gives away
    (:func:`_label_trick`). ``label_trick``: whether the label may (the host's
    ``CODE_LABEL_TRICK``, ``host_match.has_label_trick``), when the caller knows it."""
    b, p = f.brand, f.parsed
    if b is not None and b.where == "subdomain":
        inside = official_inside(p)
        if inside is not None:
            return (Symbol("HOST_OFFICIAL_DOMAIN_INSIDE", SYMBOLS["HOST_OFFICIAL_DOMAIN_INSIDE"][0],
                           f"{inside[0]} is {inside[1]}'s, but the site is {p.registrable}"),
                    FLOOR_OFFICIAL_INSIDE, inside[1])
    elif b is None and f.user_content and p.path:
        named = brand_in_path(p) if f.login_path else None
        if named is not None:
            return (Symbol("HOST_BRAND_IN_PATH", SYMBOLS["HOST_BRAND_IN_PATH"][0],
                           f'"{named}" in a {f.login_path} page on {p.registrable}'),
                    FLOOR_BRAND_IN_PATH, named)
        named = None if f.shortener else guarded_brand_in_page_name(p)
        if named is not None:
            return (Symbol("HOST_BRAND_IN_PATH", SYMBOLS["HOST_BRAND_IN_PATH"][0],
                           f'a page named for {named} on {p.host}, where anyone can publish'),
                    FLOOR_BRAND_IN_PATH, named)
        page = page_lure(p)
        if page is not None:
            return (Symbol("HOST_PAGE_LURE", SYMBOLS["HOST_PAGE_LURE"][0],
                           f'{page[0]} word "{page[1]}" in the page "{page[2]}" on '
                           f"{p.host}"),
                    FLOOR_PAGE_LURE, None)
    if _fake_suffix(p):
        return (Symbol("HOST_FAKE_VN_SUFFIX", SYMBOLS["HOST_FAKE_VN_SUFFIX"][0],
                       f'".{p.label}" before .{p.suffix}: the site is {p.registrable}'),
                FLOOR_FAKE_SUFFIX, b.brand if b is not None else None)
    if p.is_ip:
        return None
    if label_trick is None:
        label_trick = has_label_trick(p.label, p.registrable, p.suffix)
    if not label_trick:
        return None
    found = _LABEL_TRICKS.get(p.registrable, _UNSEEN)
    if found is _UNSEEN:
        found = _label_trick(p.label, p.registrable, p.suffix)
        if len(_LABEL_TRICKS) >= _LABEL_TRICKS_MAX:
            _LABEL_TRICKS.clear()
        _LABEL_TRICKS[p.registrable] = found
    if found is None:
        return None
    return found[0], found[1], b.brand if b is not None else None


#: The finding of :func:`_label_trick` by registrable domain (the label and suffix are the
#: domain's), so that the hosts of one domain read its label once.
_LABEL_TRICKS: dict[str, tuple[Symbol, float] | None] = {}
_LABEL_TRICKS_MAX = 200_000
_UNSEEN: Any = object()


def _label_trick(label: str, registrable: str, suffix: str) -> tuple[Symbol, float] | None:
    """``(symbol, floor)`` for a registrable label that holds a game's name beside a lure
    word or alone, a word that names what a scam sells, a trading platform's name or words,
    or a bookmaker's name."""
    lure = game_lure(label)
    if lure is not None:
        return (Symbol("HOST_GAME_LURE", SYMBOLS["HOST_GAME_LURE"][0],
                       f'"{lure[0]}" with "{lure[1]}" in {registrable}'), FLOOR_GAME_LURE)
    game = lone_game(label)
    if game is not None:
        return (Symbol("HOST_GAME_LURE", SYMBOLS["HOST_GAME_LURE"][0],
                       f'"{game}" in {registrable}, which is not the game publisher\'s'),
                FLOOR_GAME_LURE)
    if suffix in _PUBLIC_SECTOR_SUFFIXES:
        return None
    word = label_lure(label)
    if word is not None:
        return (Symbol("HOST_LURE_WORD", SYMBOLS["HOST_LURE_WORD"][0],
                       f'"{word[0]}" ({word[1]}) in {registrable}'), FLOOR_LURE_WORD)
    market = market_lure(label, registrable, suffix)
    if market is None:
        return None
    kind, found, what = market
    if kind == TRADING:
        return (Symbol("HOST_TRADING_LURE", SYMBOLS["HOST_TRADING_LURE"][0],
                       f'"{found}" ({what}) in {registrable}'), FLOOR_TRADING_LURE)
    if kind == COMPANY:
        return (Symbol("HOST_COMPANY_FORM", SYMBOLS["HOST_COMPANY_FORM"][0],
                       f'"{found}" ({what}) in {registrable}, outside .vn'),
                FLOOR_COMPANY_FORM)
    return (Symbol("HOST_BOOKMAKER", SYMBOLS["HOST_BOOKMAKER"][0],
                   f'"{found}" in {registrable}: {what}'), FLOOR_BOOKMAKER)


def _floor(f: HostFacts) -> float:
    """Minimum score for brand imitations that need no model to be recognised."""
    b, p = f.brand, f.parsed
    if b is None:
        return 0.0
    if b.where == "subdomain":
        # a brand's name before a domain that also carries a scam or gambling word, a
        # risky TLD or a log-in path: "shopee.hethongquatang.vn", "bidv.xacthuc.top";
        # not a link service's or a platform's brand pages (myviettel.go.link)
        if f.shortener:
            return 0.0
        if f.user_content:  # a bank's site on github.io is not the bank's
            return FLOOR_BRAND_PLUS if guarded_brand(b.brand) else 0.0
        if f.scam_label or f.gambling or f.risky_tld or f.login_path:
            return FLOOR_BRAND_PLUS
        if _game_brand_named(b.brand, ".".join(p.subdomains)):
            return FLOOR_GAME_LURE  # garena.giaidau-online.vn: a game's event elsewhere
        return 0.0
    if b.where == "mixed_script":
        return FLOOR_MIXED_SCRIPT
    if f.scam_label or f.gambling or f.risky_tld or p.userinfo or f.login_path:
        return FLOOR_BRAND_PLUS
    if b.where == "label" and _game_brand_named(b.brand, p.label):
        return FLOOR_GAME_LURE  # a game's or its publisher's name: garenask.vn, fo4garena.vn
    if b.where == "label" and _only_filler(b.term, p.label):
        return FLOOR_BRAND_PLUS  # the brand and filler: vib.mobi, dhl-vietnam.vn, garenav.vn
    if b.where in ("lookalike", "fuzzy"):
        return FLOOR_LOOKALIKE
    if b.where == "label" and not p.suffix.endswith("vn") and (
            _leads(b.term, p.label) or _ends(b.term, p.label)):
        return FLOOR_BRAND_ABROAD
    if b.where == "label" and p.suffix in _PUBLIC_SECTOR_SUFFIXES:
        return FLOOR_BRAND_ABROAD  # a bank's or a shop's name on a school's domain
    return 0.0


def _game_brand_named(brand_id: str, label: str) -> bool:
    """The brand is a game's or a game publisher's (category "gaming") and ``label`` holds
    one of its names that is not an everyday word ("lienquan": related): outside its own
    domains the name is a lure for free items or top-ups, under .vn too. Over the host
    lists this finds 8 phishing registrable domains the model missed (training side: 4
    by the label, 4 by a subdomain) and no legitimate one."""
    brand = get_brand(brand_id)
    return brand is not None and brand.category == "gaming" and any(
        a in label for a in brand.aliases if a not in EVERYDAY_GAME_NAMES)


#: Suffixes only schools, research bodies, the state and international bodies may hold:
#: no brand of the registry sells or banks under them ("agribanks.edu.vn").
_PUBLIC_SECTOR_SUFFIXES = VN_RESTRICTED | frozenset({"ac.vn", "int.vn"})


#: What an imitation puts around a brand's name that says nothing of its own: the
#: country, "www" and "online" ("dhl-vietnam.vn", "www-garena.vn", "shinhanonline.com.vn").
LABEL_FILLER = frozenset({"vn", "vietnam", "www", "online", "official", "chinhhang", "ff", "lq",
                          "chinhthuc"})


def _only_filler(term: str, label: str) -> bool:
    """The label is the brand's name with nothing of its own around it: digits, hyphens,
    :data:`LABEL_FILLER` words, or one stray letter after it ("garenav"; one before it is
    a product's prefix: iSacombank, eBank, mBank)."""
    head, found, tail = label.partition(term)
    if not found:
        return False
    if tail[:1].isalpha() and not tail[1:2].isalpha():
        tail = tail[1:]
    rest = [w for part in (head, tail) for w in part.strip("0123456789").split("-") if w]
    return all(w in LABEL_FILLER for w in rest)


def _leads(term: str, label: str) -> bool:
    """The brand name opens the label or one of its hyphenated parts ("dhlexpress-vietnam",
    "vn-momo"), rather than ending a longer word ("vticloud": VTI Cloud, not iCloud)."""
    return any(part.lstrip("0123456789").startswith(term) for part in label.split("-"))


#: Brand terms that also end ordinary words: "vticloud" is VTI Cloud, not iCloud.
_WORD_ENDING_TERMS = frozenset({"icloud"})


def _ends(term: str, label: str) -> bool:
    """The brand name ends the label or one of its hyphenated parts after a lure word
    ("cuocmomo", "thongtingarena", "baohiemvietinbank", "isacombank"): outside Viet Nam's
    own domain, a brand glued behind other words is not the brand's site."""
    return term not in _WORD_ENDING_TERMS and any(
        part.rstrip("0123456789").endswith(term) for part in label.split("-"))


def classify_items(
    items: Sequence[str], context: AnalysisContext | None = None
) -> list[HostVerdict | HostInputError]:
    """Verdicts for a batch; a bad item gets its :class:`HostInputError` in its place.
    A redirect or search link (``google.com/url?q=...``, ``google.com/search?q=site.com``)
    is answered for the site it leads to, with a ``HOST_REDIRECT`` symbol."""
    redirects = {i: r for i, item in enumerate(items)
                 if type(item) is str and "?" in item and (r := redirect_of(item)) is not None}
    if not redirects:
        return _classify_all(items, context)
    targets = [redirects[i][1] if i in redirects else item for i, item in enumerate(items)]
    out = _classify_all(targets, context)
    for i, (via, target) in redirects.items():
        verdict = out[i]
        if not isinstance(verdict, HostInputError):
            sym = Symbol("HOST_REDIRECT", SYMBOLS["HOST_REDIRECT"][0],
                         f"reached through {via}, which leads to {target}")
            out[i] = verdict._replace(symbols=(*verdict.symbols, sym))
    return out


def redirect_of(item: str) -> tuple[str, str] | None:
    """``(redirector host, target link)`` when ``item`` is a link of
    :data:`lachan.entities.urls.REDIRECTORS` that carries another site (the whole link:
    a user-content page is judged by its path)."""
    s = item.strip()
    if len(s) > MAX_ITEM_CHARS:
        return None
    try:
        parts = urlsplit(s if "://" in s else "http://" + s)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    registrable = registrable_domain(host)
    if registrable not in REDIRECTORS:
        return None
    target = redirect_url(registrable, f"{parts.path}?{parts.query}",
                          lambda h: on_user_content(h, registrable_domain(h) or h))
    return (host, target) if target is not None else None


def _classify_all(
    items: Sequence[str], context: AnalysisContext | None
) -> list[HostVerdict | HostInputError]:
    if len(items) <= 64:
        return _classify(items, context)
    # a batch allocates many small objects that live to its end: no cyclic collections
    # (each would walk the loaded model and word lists) until it is done
    with gc_paused():
        if len(items) <= CHUNK:
            return _classify(items, context)
        out: list[HostVerdict | HostInputError] = []
        for start in range(0, len(items), CHUNK):
            out += _classify(items[start : start + CHUNK], context)
        return out


def _classify(
    items: Sequence[str], context: AnalysisContext | None
) -> list[HostVerdict | HostInputError]:
    # each item's parsed host or error; the verdicts take the parsed hosts' places
    out: list[Any] = parse_many(items)
    parsed: list[ParsedHost] = out
    where: range | list[int] = range(len(out))
    if not _ONLY_PARSED.issuperset(map(type, out)):
        where = [i for i, p in enumerate(out) if type(p) is ParsedHost]
        parsed = [out[i] for i in where]
    facts, codes = inspect_coded(parsed)
    scores, random, entropy = _score_facts(facts, codes)
    ctx = None if isinstance(context, NullContext) else context
    if ctx is not None:
        for i, f, sc, rnd, ent in zip(
            where, facts, scores.tolist(), random.tolist(), entropy.tolist(), strict=True
        ):
            out[i] = _verdict(f, sc, rnd, ent, ctx)
        return out
    for i, f, code, sc, rnd, ent, msym in zip(
        where, facts, codes, scores.tolist(), random.tolist(), entropy.tolist(),
        _model_symbols(scores), strict=True,
    ):
        # (_verdict with no registry, written out; a fake suffix is found by no check, a
        # game's name or a lure word by the code's CODE_LABEL_TRICK)
        if code & CODE_SYMBOLS or rnd or f[0].label in _SUFFIX_WORDS:
            p, official, user_content, shortener, b, _, scam_sub, _, _, _, login_path, _, _, \
                known = f
            symbols = symbols_of(f, rnd, ent)
            symbols.append(msym)
            if official or known:
                out[i] = _new_tuple(HostVerdict, (
                    p[0], "benign", min(sc, 0.01 if official else WELL_KNOWN_CAP), official,
                    tuple(symbols), p[2]))
                continue
            score = sc
            if shortener or (
                user_content and b is None and not login_path and not scam_sub
                and official_domain_owner(p[2]) is not None
            ):
                score = min(score, SHORTENER_CAP)
            brand = b[0] if b is not None else None
            if b is not None:
                score = max(score, _floor(f))
            trick = _trick(f, code & CODE_LABEL_TRICK != 0)
            if trick is not None:
                symbols.append(trick[0])
                score, brand = max(score, trick[1]), trick[2]
            out[i] = _new_tuple(HostVerdict, (
                p[0], "phishing" if score >= PHISHING_AT else "benign", float(score),
                brand, tuple(symbols), p[2],
            ))
        else:  # no check found anything: the model alone decides (what _verdict does)
            p = f[0]
            out[i] = _new_tuple(HostVerdict, (
                p[0], "phishing" if sc >= PHISHING_AT else "benign", sc, None, (msym,), p[2],
            ))
    return out



def classify_hosts(
    items: Sequence[str], context: AnalysisContext | None = None
) -> list[HostVerdict]:
    """Verdicts for a batch of hosts or URLs; raises :class:`HostInputError` naming the
    first bad item (use :func:`classify_items` to keep going past bad items)."""
    results = classify_items(items, context)
    for i, r in enumerate(results):
        if isinstance(r, HostInputError):
            raise HostInputError(f"item {i}: {r}")
    return results  # type: ignore[return-value]


@lru_cache(maxsize=65_536)
def _analyse_plain(host_or_url: str) -> HostVerdict | HostInputError:
    return classify_items([host_or_url])[0]


def analyse_host(host_or_url: str, context: AnalysisContext | None = None) -> HostVerdict:
    """Verdict for one host or URL; raises :class:`HostInputError` for bad input.
    Answers without a registry context are cached (verdicts are immutable)."""
    if (context is None or isinstance(context, NullContext)) and isinstance(host_or_url, str):
        r = _analyse_plain(host_or_url)
    else:
        r = classify_items([host_or_url], context)[0]
    if isinstance(r, HostInputError):
        raise HostInputError(str(r))  # a fresh exception: cached ones are shared
    return r
