"""Host checks: a fixed table of symbols and one function per check.

Modelled on Rspamd's ``url_suspect`` plugin: every check reads a :class:`ParsedHost`
and returns what it found; :func:`inspect` runs them all once per host into
:class:`HostFacts`, and :func:`facts_symbols` turns the facts into named, explained
symbols. Character statistics (entropy, consonant runs) are computed over a whole batch
in ``host_features`` and passed in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate
from typing import Any, NamedTuple

from lachan.detect.brands import get_brand, official_domain_owner, official_domains_index
from lachan.detect.host_lexicon import (
    GENERIC_TLDS,
    LOGIN_PATH_WORDS,
    RISKY_TLDS,
    SHORTENERS,
    USER_CONTENT,
    well_known_domains,
)
from lachan.detect.host_match import (
    BRAND,
    GAMBLING,
    SCAM,
    Hit,
    fuzzy_brand,
    game_lure,
    has_label_trick,
    is_mixed_script,
    lookalike_brand_hits,
    publisher_lookalike,
    scan,
    unicode_skeleton,
)
from lachan.detect.host_parse import ParsedHost
from lachan.domain import Symbol

#: Every symbol the host analyser can emit: name -> (weight shown, what it means).
SYMBOLS: dict[str, tuple[float, str]] = {
    "HOST_OFFICIAL": (-1.0, "official domain of a registered organisation"),
    "HOST_REGISTRY_OFFICIAL": (-1.0, "registry lists the domain as an official channel"),
    "HOST_REPORTED": (1.0, "registry lists or blocks the domain as a spam/phishing source"),
    "HOST_SUSPECTED": (0.4, "registry has reports about the domain"),
    "HOST_BRAND_IN_LABEL": (0.8, "a brand's name inside a domain that is not the brand's"),
    "HOST_BRAND_IN_SUBDOMAIN": (0.6, "a brand's name in a subdomain of someone else's domain"),
    "HOST_OFFICIAL_DOMAIN_INSIDE": (0.95, "a brand's whole official domain at the start of "
                                          "someone else's (vietcombank.com.vn.vn): the oldest "
                                          "trick of the address bar"),
    "HOST_BRAND_IN_PATH": (0.5, "a brand's name in the path of a log-in or verification page "
                                "on a site where anyone can publish, or a bank's, wallet's, "
                                "courier's, telco's or public body's name for a page there"),
    "HOST_FAKE_VN_SUFFIX": (0.9, "a Vietnamese suffix's word before a foreign top-level domain "
                                 "(xacthuc.vn.link, ketoan.com.vn.co)"),
    "HOST_PAGE_LURE": (0.9, "a page on a site where anyone can publish, named with a scam or "
                            "gambling word or a game's lure (sites.google.com/view/"
                            "kiemtienonline, .../site/hacksogarena)"),
    "HOST_GAME_LURE": (0.9, "an online game's name beside a lure word (napff, sukienlmht, "
                            "freefire-membership), or alone (lmhtvcs, robuxfree): free items "
                            "or top-ups outside the game's own site"),
    "HOST_LURE_WORD": (0.9, "a word that names what a scam sells or promises in the domain's "
                            "own name (a loan, a prize, chan-le betting, cracked software, "
                            "fake diplomas: vaynhanh, nhanqua, clmm, crack, bangcap)"),
    "HOST_TRADING_LURE": (0.9, "a crypto exchange's or forex broker's name outside its own "
                               "domains, or two words of trading platforms outside .vn "
                               "(bybit-vip, kucoinpro, fxgoldtrade, btcwealth): a fake investment "
                               "platform"),
    "HOST_BOOKMAKER": (0.9, "the name of a bookmaker that runs illegal betting sites aimed at "
                            "Viet Nam, or of their numbered copies (thabet, 8kbet, 33win, "
                            "kim99), or, outside .vn, a name closed by \"win\" or \"bet\" "
                            "(fibowin, happytobet)"),
    "HOST_COMPANY_FORM": (0.6, "a company's legal form closing the name of a site outside "
                               ".vn (eastcenterltd, fenlimited): fake investment and "
                               "order-taking firms' names"),
    "HOST_BRAND_LOOKALIKE": (0.9, "label imitates a brand with look-alike characters or a typo"),
    "HOST_IDN": (0.2, "internationalised (non-ASCII) domain name"),
    "HOST_MIXED_SCRIPT": (0.8, "label mixes Latin with Cyrillic or Greek look-alike letters"),
    "HOST_RISKY_TLD": (0.3, "top-level domain heavily abused for phishing"),
    "HOST_SHORTENER": (0.3, "URL shortener hides the destination"),
    "HOST_USER_CONTENT": (0.2, "page hosted on a service where anyone can publish"),
    "HOST_IP_LITERAL": (0.5, "link to a bare IP address"),
    "HOST_DEEP_SUBDOMAIN": (0.3, "long chain of subdomains"),
    "HOST_RANDOM_LABEL": (0.3, "random-looking label (high entropy or long consonant runs)"),
    "HOST_SCAM_KEYWORD": (0.5, "scam keyword stuffed into the domain (prize, login, loan ...)"),
    "HOST_GAMBLING_KEYWORD": (0.5, "gambling keyword in the domain"),
    "HOST_LOGIN_PATH": (0.4, "path imitates a log-in or verification page"),
    "HOST_USERINFO": (0.6, "user-info trick: text before '@' hides the real host"),
    "HOST_REDIRECT": (0.3, "a redirect or search link that leads to another site: the verdict "
                           "is that site's"),
    "HOST_CDN_CUSTOMER": (-0.5, "a content network's name for a brand's own site: the brand's "
                                "official domain right in front of the network's "
                                "(login.vietcombank.com.vn.edgekey.net)"),
    "HOST_WELL_KNOWN": (-1.0, "domain of a widely used site (the bundled list of well-known "
                              "domains): its name is no imitation"),
    "HOST_RESTRICTED_VN": (-0.3, "restricted Vietnamese zone (.gov.vn, .edu.vn)"),
    "HOST_MODEL": (0.0, "trained host model: probability of phishing"),
}

#: DoS limits: a label longer than this is only partly scanned; deeper chains are capped.
MAX_SCAN_CHARS = 128
DEEP_SUBDOMAIN_MIN = 3

VN_RESTRICTED = frozenset({"gov.vn", "edu.vn"})
VN_SECOND_LEVEL = frozenset(
    """com.vn net.vn org.vn int.vn ac.vn biz.vn info.vn name.vn pro.vn health.vn""".split()
)


class BrandFinding(NamedTuple):
    brand: str  # brand id
    where: str  # label | subdomain | lookalike | fuzzy | mixed_script
    term: str


class HostFacts(NamedTuple):
    parsed: ParsedHost
    official: str | None
    user_content: bool
    shortener: bool
    brand: BrandFinding | None
    scam_label: tuple[str, ...]
    scam_sub: tuple[str, ...]
    gambling: tuple[str, ...]
    risky_tld: bool
    tld: str
    login_path: str | None
    mixed_script: bool
    suffix_class: str  # restricted_vn | vn2 | vn | generic | risky | other | ip
    well_known: bool  # the registrable domain is a widely used site's (not a user page)


def _hosted_on(host: str, registrable: str, names: frozenset[str]) -> bool:
    if registrable in names or host in names:
        return True
    h = host
    while "." in h and h != registrable:
        _, _, h = h.partition(".")
        if h in names:
            return True
    return False


def check_user_content(p: ParsedHost) -> bool:
    return _hosted_on(p.host, p.registrable, USER_CONTENT)


def on_user_content(host: str, registrable: str) -> bool:
    """:func:`check_user_content` for a host not parsed: anyone publishes pages there
    (``sites.google.com``, ``x.weebly.com``)."""
    return _hosted_on(host, registrable, USER_CONTENT)


def check_shortener(p: ParsedHost) -> bool:
    return p.host in SHORTENERS or p.registrable in SHORTENERS


def check_official(p: ParsedHost, user_content: bool) -> str | None:
    """Brand whose official domain this is (never for user-content hosts)."""
    if p.is_ip or user_content:
        return None
    if len(p.subdomains) >= 2:
        return official_domain_owner(p.host)
    index = official_domains_index()
    return index.get(p.host) or index.get(p.registrable)


def check_brand(
    p: ParsedHost, official: str | None, label_hits: list[Hit], sub_hits: list[Hit]
) -> BrandFinding | None:
    """A brand named in the label or subdomains of a domain that is not that brand's."""
    found = check_label_brand(p, official, label_hits)
    if found is not None:
        return found
    return check_subdomain_brand(p, official, sub_hits)


def check_label_brand(
    p: ParsedHost, official: str | None, label_hits: list[Hit]
) -> BrandFinding | None:
    """A brand in the registrable label: exact, IDN look-alike, digit look-alike, typo."""
    label = p.label[:MAX_SCAN_CHARS]
    restricted = p.suffix in VN_RESTRICTED
    for h in label_hits:
        if h.kind == BRAND and h.ref != official and _counts(h.ref, restricted):
            return BrandFinding(h.ref, "label", h.term)
    return _label_lookalike(p, official, label, restricted)


def _label_lookalike(
    p: ParsedHost, official: str | None, label: str, restricted: bool
) -> BrandFinding | None:
    """The look-alike part of :func:`check_label_brand` (``label`` cut to
    ``MAX_SCAN_CHARS``): IDN skeleton, digit and letter-sequence skeleton, one typo (two
    in a long name)."""
    if p.idn:
        uni_label = p.unicode_host.split(".")[-(p.suffix.count(".") + 2)]
        skel = unicode_skeleton(uni_label)[:MAX_SCAN_CHARS]
        mixed = is_mixed_script(uni_label)
        for h in scan(skel):
            if h.kind == BRAND and h.ref != official:
                return BrandFinding(h.ref, "mixed_script" if mixed else "lookalike", uni_label)
    # digits, "rn" and "vv" that imitate letters
    for h in lookalike_brand_hits(label):
        if h.ref != official and _counts(h.ref, restricted):
            return BrandFinding(h.ref, "lookalike", label)
    if "-" in label:
        split = _split_brand(label, official, restricted)
        if split is not None:
            return split
    fz = fuzzy_brand(label)
    if fz is not None and fz[0] != official:
        return BrandFinding(fz[0], "fuzzy", fz[1])
    if p.suffix.endswith("vn") and not restricted:
        pub = publisher_lookalike(label)
        if pub is not None and pub[0] != official:
            return BrandFinding(pub[0], "fuzzy", pub[1])
    return _glued_bank_code(p, official, label)


#: The shortest brand name a hyphen may split: short codes ("mb", "acb") would join
#: across the hyphens of ordinary names.
SPLIT_BRAND_MIN = 5


def _split_brand(label: str, official: str | None, restricted: bool) -> BrandFinding | None:
    """A brand's name split by a hyphen ("vn-pay.com", "viet-combank.top"): the label read
    without its hyphens holds the name across a place where a hyphen stood."""
    joined = label.replace("-", "")
    cuts = set(accumulate(len(part) for part in label.split("-")[:-1]))
    for h in scan(joined):
        if (h.kind == BRAND and h.ref != official and len(h.term) >= SPLIT_BRAND_MIN
                and any(h.start < c < h.end for c in cuts) and _counts(h.ref, restricted)):
            return BrandFinding(h.ref, "lookalike", label)
    return None


#: A bank's short code that opens a label glued to more letters ("vcbdigibink.com",
#: "tcbtrade.com", "acbmk.com"): the code of a Vietnamese bank. Over the data: 120
#: phishing domains the other checks missed, one legitimate domain (viber.com). VIB's
#: code is left out: it opens English words and names (vibe, vibrant, viber, viblo.asia)
#: far more often than the two phishing domains it found.
GLUED_BANK_CODES = {
    "vcb": "vietcombank", "tcb": "techcombank", "tpb": "tpbank", "acb": "acb",
    "shb": "shb", "msb": "msb", "scb": "scb", "vpb": "vpbank", "bidv": "bidv",
    "ocb": "ocb",
}
_GLUED_CODE_RE = re.compile("(" + "|".join(GLUED_BANK_CODES) + ")[a-z]")
#: The foreign bank whose name a code also opens.
_NOT_GLUED_CODES = ("ocbc",)


def _glued_bank_code(p: ParsedHost, official: str | None, label: str) -> BrandFinding | None:
    """A bank's code glued to the front of a label outside Viet Nam's own domain: the
    banks' sites are under .vn, and a code alone opens few other names."""
    if p.suffix.endswith("vn"):
        return None
    m = _GLUED_CODE_RE.match(label)
    if m is None or label.startswith(_NOT_GLUED_CODES):
        return None
    bank = GLUED_BANK_CODES[m.group(1)]
    if bank == official or get_brand(bank) is None:
        return None
    return BrandFinding(bank, "fuzzy", label)


def check_subdomain_brand(
    p: ParsedHost, official: str | None, sub_hits: list[Hit], platform: str | None = None
) -> BrandFinding | None:
    """A brand in the subdomains of a domain that is not that brand's; on a platform's
    user pages (``platform``: its owner) another brand's name counts, not its own
    ("vietcombank-xacthuc.s3.amazonaws.com"); on a content network's host the brand whose
    official domain the name carries is the network's customer, not an imitation
    (:func:`cdn_customer`)."""
    if sub_hits and not official:
        restricted = p.suffix in VN_RESTRICTED
        customer = cdn_customer(p) if p.registrable in CDN_DOMAINS else None
        for h in sub_hits:
            if (h.kind == BRAND and h.ref != platform and h.ref != customer
                    and _counts(h.ref, restricted)):
                return BrandFinding(h.ref, "subdomain", h.term)
    return None


def cdn_customer(p: ParsedHost) -> str | None:
    """The brand that is the content network's customer for this host
    (:func:`cdn_customer_domain`), else ``None``."""
    found = cdn_customer_domain(p)
    return found[1] if found is not None else None


def cdn_customer_domain(p: ParsedHost) -> tuple[str, str, str] | None:
    """``(official domain, brand, network's domain)`` when the labels in front of a content
    network's domain end with a brand's whole official domain, after any labels of its own
    (www.vietcombank.com.vn.edgekey.net, login.vietcombank.com.vn.cdn.cloudflare.net: the
    brand's edge names), else ``None``. The networks of :data:`CDN_DOMAINS` give such
    names to their customers' sites; an imitation cannot carry the official domain whole
    and right in front of the network's (vietcombank.com.vn.login.edgekey.net,
    vietcombank-com-vn.edgekey.net are no customer's)."""
    if p.registrable not in CDN_DOMAINS or not p.subdomains:
        return None
    return _customer_in(p.host)


@lru_cache(maxsize=4096)
def _customer_in(host: str) -> tuple[str, str, str] | None:
    network = next(d for d in _CDN_LONGEST_FIRST  # cdn.cloudflare.net before cloudflare.net
                   if host.endswith("." + d))
    labels = host[: -len(network) - 1].split(".")
    index = official_domains_index()
    # walk the labels: login.vietcombank.com.vn, then vietcombank.com.vn, ...
    for start in range(len(labels) - 1):
        head = ".".join(labels[start:])
        owner = index.get(head)
        if owner is not None:
            return head, owner, network
    return None


#: Content networks whose host names carry a customer's domain
#: (www.vietcombank.com.vn.edgekey.net): the name is the customer's own, not a trick.
CDN_DOMAINS = frozenset({
    "edgekey.net", "edgesuite.net", "akamaiedge.net", "akamaized.net", "cloudflare.net",
    "cdn.cloudflare.net", "azureedge.net", "trafficmanager.net", "fastly.net",
    "cloudfront.net", "cdn77.org", "bizflycloud.vn", "vccloud.vn",
})
_CDN_LONGEST_FIRST = sorted(CDN_DOMAINS, key=len, reverse=True)


def official_inside(p: ParsedHost) -> tuple[str, str] | None:
    """``(official domain, brand)`` when a brand's whole official domain stands at the
    start of a host that is not under it (``vietcombank.com.vn.vn``,
    ``login.vietcombank.com.vn.secure-id.com``), else ``None``."""
    if p.is_ip or p.registrable in CDN_DOMAINS:
        return None
    labels = p.host.split(".")
    for end in range(len(labels) - 1, 1, -1):  # never the host itself
        head = ".".join(labels[:end])
        owner = official_domain_owner(head)
        if owner is not None:
            return head, owner
    return None


#: Kinds of organisation that never publish their customer-facing pages on a site where
#: anyone can (github.io, sites.google.com, web.app): a page named after one is someone
#: else's. Technology, social and shop brands do keep developer and campaign pages there
#: ("facebook.github.io", "google.github.io").
GUARDED_CATEGORIES = frozenset({"bank", "wallet", "finance", "courier", "telco", "public"})


def guarded_brand(brand_id: str) -> bool:
    """The brand is one of :data:`GUARDED_CATEGORIES`' (a bank, a wallet, ...)."""
    b = get_brand(brand_id)
    return b is not None and b.category in GUARDED_CATEGORIES


def guarded_brand_in_page_name(p: ParsedHost) -> str | None:
    """A bank's, wallet's, courier's, telco's or public body's name in the name a user gave
    a page on a platform that publishes by path (sites.google.com/view/vietcombank-vn)."""
    name = page_name(p)
    if len(name) < 3:
        return None
    squeezed = name.replace("-", "").replace("_", "").replace(".", "")
    for h in scan(squeezed):
        if h.kind == BRAND and guarded_brand(h.ref):
            return h.ref
    return None


def brand_in_path(p: ParsedHost) -> str | None:
    """A brand named in the path of a page (the first ``MAX_SCAN_CHARS`` characters)."""
    path = p.path[:MAX_SCAN_CHARS]
    if len(path) < 4:
        return None
    for h in scan(path.replace("/", ".")):
        if h.kind == BRAND:
            return h.ref
    return None


#: Scam keywords that name a page for what it promises (a prize, money, a loan) or
#: threatens: one is enough. A page named with another keyword alone ("hotrohocsinh",
#: "tracuudiem") is a school's or a club's as often; it needs two.
PAGE_LURE_WORDS = frozenset(
    """khuyenmai nhanqua quatang quatanthu tangqua trian uudai hoantien nhanthuong
    traothuong trungthuong doithuong vongquay lixi giftcode napthe thecao doithe kiemtien
    vaytien vayvon vaynhanh vayonline giaingan hoanphi ruttien hotrovay airdrop claim reward
    bonus gift hopqua tinthuong thuongtet trianthang nhantien xacminh xacthuc mokhoa nopphat
    phatnguoi hoantra""".split()
)
#: Path words of publishing platforms that come before a page's own name
#: (sites.google.com/view/NAME, /site/NAME; wixsite.com/NAME; telegra.ph/NAME-05-12).
_PLATFORM_PATH_WORDS = frozenset({"view", "site", "u", "s", "d", "a", "e", "p"})


def page_name(p: ParsedHost) -> str:
    """The name a user gave a page on a platform that publishes pages by path: the first
    path segment that is not the platform's own word, lower case, at most
    ``MAX_SCAN_CHARS`` characters; ``""`` when there is none."""
    path = p.path[:512].partition("?")[0].partition("#")[0]
    for seg in path.split("/"):
        if seg and seg not in _PLATFORM_PATH_WORDS:
            return seg[:MAX_SCAN_CHARS]
    return ""


def page_lure(p: ParsedHost) -> tuple[str, str, str] | None:
    """``(kind, word, page name)`` when a page on a user-content host is named with a scam or
    gambling keyword (``kind`` "scam" / "gambling") or an online game's lure ("game"):
    the model reads only the platform's own name ("google"). Brands are
    :func:`brand_in_path`'s."""
    name = page_name(p)
    if len(name) < 4:
        return None
    lure = game_lure(name)
    if lure is not None:
        return "game", f"{lure[0]} + {lure[1]}", name
    squeezed = name.replace("-", "").replace("_", "").replace(".", "")
    hits = scan(squeezed)
    for h in hits:
        if h.kind == GAMBLING:
            return "gambling", h.ref, name
    scam = _unique([h.ref for h in hits if h.kind == SCAM])
    lures = [w for w in scam if w in PAGE_LURE_WORDS]
    if lures:
        return "scam", lures[0], name
    if len(scam) >= 2:  # "dangnhap-taikhoan"; one plain "hotro" is a school's help page too
        return "scam", " + ".join(scam[:2]), name
    return None


def _counts(brand_id: str, restricted: bool) -> bool:
    """Public bodies are named legitimately by other ``.gov.vn`` hosts (``congan.x.gov.vn``)."""
    if not restricted:
        return True
    b = get_brand(brand_id)
    return b is None or b.category != "public"


def check_label_keywords(
    p: ParsedHost, label_hits: list[Hit]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Scam and gambling keywords in the registrable label (also with hyphens removed:
    ``khuyen-mai``)."""
    hits = label_hits
    if "-" in p.label:
        hits = hits + scan(p.label[:MAX_SCAN_CHARS].replace("-", ""))
    if not hits:
        return (), ()
    return (_unique([h.ref for h in hits if h.kind == SCAM]),
            _unique([h.ref for h in hits if h.kind == GAMBLING]))


def check_keywords(
    p: ParsedHost, label_hits: list[Hit], sub_hits: list[Hit]
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Scam keywords in the label, in subdomains, and gambling keywords anywhere."""
    scam_label, gambling = check_label_keywords(p, label_hits)
    scam_sub: tuple[str, ...] = ()
    if sub_hits:
        scam_sub = _unique([h.ref for h in sub_hits if h.kind == SCAM])
        gambling = _unique(list(gambling) + [h.ref for h in sub_hits if h.kind == GAMBLING])
    return scam_label, scam_sub, gambling


def _unique(xs: list[str]) -> tuple[str, ...]:
    if len(xs) < 2:
        return tuple(xs)
    return tuple(dict.fromkeys(xs))


def check_login_path(p: ParsedHost) -> str | None:
    if not p.path or len(p.path) < 3:
        return None
    path = p.path[:512]
    for w in LOGIN_PATH_WORDS:
        if w in path:
            return w
    return None


def suffix_class(p: ParsedHost) -> str:
    if p.is_ip:
        return "ip"
    c = _SUFFIX_CLASSES.get(p.suffix)
    if c is None:
        c = _suffix_class(p.suffix)
        if len(_SUFFIX_CLASSES) < 10_000:
            _SUFFIX_CLASSES[p.suffix] = c
    return c


_SUFFIX_CLASSES: dict[str, str] = {}


def _suffix_class(sfx: str) -> str:
    if sfx in VN_RESTRICTED:
        return "restricted_vn"
    if sfx in VN_SECOND_LEVEL or (sfx.endswith(".vn") and sfx.count(".") == 1):
        return "vn2"
    if sfx == "vn":
        return "vn"
    tld = sfx.rpartition(".")[2]
    if tld in RISKY_TLDS:
        return "risky"
    if tld in GENERIC_TLDS:
        return "generic"
    return "other"


#: label facts by registrable domain (no official owner) or (label, suffix, owner)
_LABEL_CACHE: dict[str | tuple[str, str, str | None], tuple[Any, ...]] = {}
_LABEL_CACHE_MAX = 200_000


def _label_key(p: ParsedHost, official: str | None) -> str | tuple[str, str, str | None]:
    return p.registrable if official is None else (p.label, p.suffix, official)


def _label_facts(
    p: ParsedHost, official: str | None, key: str | tuple[str, str, str | None] | None = None
) -> tuple[Any, ...]:
    """Checks that depend only on the registrable domain, memoised per domain (hosts of
    one domain - ``www.x``, ``m.x``, ``x`` - repeat in traffic). A caller that passes
    ``key`` has found it missing from the cache."""
    if key is None:
        key = _label_key(p, official)
        hit = _LABEL_CACHE.get(key) if not p.idn else None
        if hit is not None:
            return hit
    full_label, sfx = p.label, p.suffix
    label = full_label[:MAX_SCAN_CHARS]
    label_hits = scan(label)
    # check_label_brand and check_label_keywords, written out
    restricted = sfx in VN_RESTRICTED
    brand = None
    for h in label_hits:
        if h[1] == BRAND and h[2] != official and (not restricted or _counts(h[2], True)):
            brand = _new_tuple(BrandFinding, (h[2], "label", h[0]))
            break
    if brand is None:
        brand = _label_lookalike(p, official, label, restricted)
    hits = label_hits + scan(label.replace("-", "")) if "-" in full_label else label_hits
    if hits:
        scam_label = _unique([h[2] for h in hits if h[1] == SCAM])
        gambling = _unique([h[2] for h in hits if h[1] == GAMBLING])
    else:
        scam_label = gambling = ()
    tld = sfx.rpartition(".")[2]
    sfx_class = suffix_class(p)
    risky = tld in RISKY_TLDS
    code = (
        (0 if brand is None else CODE_BRAND_LABEL if brand[1] == "label" else CODE_BRAND_OTHER)
        | min(len(scam_label), 3) << CODE_SCAM_SHIFT
        | (CODE_GAMBLING if gambling else 0)
        | (CODE_RISKY if risky else 0)
        | CODE_SUFFIX.get(sfx_class, 0)
        | (CODE_VN_AFFIX if sfx_class not in ("restricted_vn", "vn2", "vn") and (
            full_label.startswith("vn") or full_label.endswith("vn")) else 0)
        | (CODE_NOTED if sfx_class == "restricted_vn" else 0)
        | (CODE_LABEL_TRICK if has_label_trick(label, p.registrable, sfx) else 0)
    )
    res = (brand, scam_label, gambling, tld, risky, sfx_class, code)
    if not p.idn:
        if len(_LABEL_CACHE) >= _LABEL_CACHE_MAX:
            _LABEL_CACHE.clear()
        _LABEL_CACHE[key] = res
    return res


def inspect(p: ParsedHost) -> HostFacts:
    """Run every per-host check once."""
    return inspect_coded((p,))[0][0]


def inspect_many(parsed: Iterable[ParsedHost]) -> list[HostFacts]:
    """:func:`inspect` for each host of a batch."""
    return inspect_coded(parsed)[0]


#: Bits of a host's feature code (:func:`inspect_coded`): the discrete inputs of the
#: model's dense features, read back by ``host_features.dense_from_codes``.
CODE_BRAND_LABEL, CODE_BRAND_SUB, CODE_BRAND_OTHER = 1, 2, 3  # two bits: where the brand is
CODE_SCAM_SHIFT = 2  # two bits: scam keywords in the label, at most 3
CODE_GAMBLING = 1 << 4
CODE_RISKY = 1 << 5
CODE_SUFFIX_SHIFT = 6  # three bits: 1 + index in CODE_SUFFIX_CLASSES, 0 for none
CODE_SUFFIX_CLASSES = ("restricted_vn", "vn2", "vn", "generic", "other")
CODE_SUFFIX = {c: (i + 1) << CODE_SUFFIX_SHIFT for i, c in enumerate(CODE_SUFFIX_CLASSES)}
CODE_VN_AFFIX = 1 << 9
CODE_SCAM_SUB = 1 << 10
CODE_USER_CONTENT = 1 << 11
CODE_IDN = 1 << 12
CODE_IP = 1 << 13
#: Not a model input: set when a check other than those above found something that gives
#: a symbol (official domain, shortener, deep subdomains, log-in path, user-info, a
#: restricted Vietnamese zone); a code with none of ``CODE_SYMBOLS`` set gives a host
#: whose only symbols can be the random-label and model ones.
CODE_NOTED = 1 << 14
#: Not a model input: the registrable label may hold a game's name, a lure word, a trading
#: platform's name or words or a bookmaker's name (``host_match.has_label_trick``), which
#: ``hosts._trick`` reads.
CODE_LABEL_TRICK = 1 << 15
CODE_SYMBOLS = (3 | 3 << CODE_SCAM_SHIFT | CODE_GAMBLING | CODE_RISKY | CODE_SCAM_SUB
                | CODE_USER_CONTENT | CODE_IDN | CODE_IP | CODE_NOTED | CODE_LABEL_TRICK)


_new_tuple = tuple.__new__


def inspect_coded(parsed: Iterable[ParsedHost]) -> tuple[list[HostFacts], list[int]]:
    """:func:`inspect` for each host of a batch, with each host's feature code (the
    discrete dense features as bits, so a batch builds its feature matrix without reading
    the facts again). The same checks, written out in one loop."""
    index = official_domains_index()
    known = well_known_domains()
    cache = _LABEL_CACHE
    out: list[HostFacts] = []
    codes: list[int] = []
    for p in parsed:
        host, _, reg, sfx, label, subs, path, is_ip, idn, userinfo, _ = p
        uc = reg in USER_CONTENT or host in USER_CONTENT or (
            len(subs) > 1 and _hosted_on(host, reg, USER_CONTENT)
        )
        login = check_login_path(p) if path else None
        if is_ip:
            out.append(_new_tuple(HostFacts, (
                p, None, uc, False, None, (), (), (), False, "", login, False, "ip", False)))
            codes.append(CODE_IP | (CODE_USER_CONTENT if uc else 0)
                         | (CODE_NOTED if login or userinfo else 0)
                         | (CODE_VN_AFFIX if label.startswith("vn") or label.endswith("vn")
                            else 0))
            continue
        if uc:
            official = None
            # on a platform's user pages (play.google.com) its own name is no imitation
            owner = official_domain_owner(host)
        else:
            if len(subs) >= 2:
                official = official_domain_owner(host)
            else:
                official = index.get(host) or index.get(reg)
            owner = official
        key = reg if owner is None else (label, sfx, owner)
        hit = None if idn else cache.get(key)
        if hit is None:
            hit = _label_facts(p, owner, key)
        brand, scam_label, gambling, tld, risky, sfx_class, code = hit
        scam_sub: tuple[str, ...] = ()
        if reg in CDN_DOMAINS and subs and cdn_customer_domain(p) is not None:
            # a content network's name for a brand's site: its subdomains are the brand's
            # own host name ("login.vietcombank.com.vn"), whose words are no lure
            code |= CODE_NOTED
        elif subs and subs != ("www",):
            sub_hits = scan(".".join(subs)[:MAX_SCAN_CHARS])
            if sub_hits:
                if brand is None:
                    brand = check_subdomain_brand(p, official, sub_hits, owner)
                    if brand is not None:
                        code |= CODE_BRAND_SUB
                scam_sub = _unique([h.ref for h in sub_hits if h.kind == SCAM])
                if scam_sub:
                    code |= CODE_SCAM_SUB
                more = [h.ref for h in sub_hits if h.kind == GAMBLING]
                if more:
                    gambling = _unique(list(gambling) + more)
                    code |= CODE_GAMBLING
        if uc:
            code |= CODE_USER_CONTENT
        if idn:
            code |= CODE_IDN
        shortener = host in SHORTENERS or reg in SHORTENERS
        well_known = not uc and official is None and reg in known
        if (official or shortener or login or userinfo or well_known
                or len(subs) >= DEEP_SUBDOMAIN_MIN):
            code |= CODE_NOTED
        codes.append(code)
        out.append(_new_tuple(HostFacts, (
            p, official, uc, shortener, brand, scam_label,
            scam_sub, gambling, risky, tld, login,
            brand is not None and brand.where == "mixed_script", sfx_class, well_known,
        )))
    return out, codes


def facts_symbols(f: HostFacts, *, random_label: bool, entropy: float) -> list[Symbol]:
    """Named findings of one host (the model's symbol is added by the caller)."""
    return symbols_of(f, random_label, entropy)


_W = {name: weight for name, (weight, _) in SYMBOLS.items()}
_W_OFFICIAL, _W_BRAND_LABEL, _W_BRAND_SUB = (
    _W["HOST_OFFICIAL"], _W["HOST_BRAND_IN_LABEL"], _W["HOST_BRAND_IN_SUBDOMAIN"])
_W_MIXED, _W_LOOKALIKE, _W_IDN, _W_RISKY = (
    _W["HOST_MIXED_SCRIPT"], _W["HOST_BRAND_LOOKALIKE"], _W["HOST_IDN"], _W["HOST_RISKY_TLD"])
_W_SHORTENER, _W_USER_CONTENT, _W_IP, _W_DEEP = (
    _W["HOST_SHORTENER"], _W["HOST_USER_CONTENT"], _W["HOST_IP_LITERAL"],
    _W["HOST_DEEP_SUBDOMAIN"])
_W_RANDOM, _W_SCAM, _W_GAMBLING, _W_LOGIN = (
    _W["HOST_RANDOM_LABEL"], _W["HOST_SCAM_KEYWORD"], _W["HOST_GAMBLING_KEYWORD"],
    _W["HOST_LOGIN_PATH"])
_W_USERINFO, _W_RESTRICTED, _W_WELL_KNOWN, _W_CDN_CUSTOMER = (
    _W["HOST_USERINFO"], _W["HOST_RESTRICTED_VN"], _W["HOST_WELL_KNOWN"],
    _W["HOST_CDN_CUSTOMER"])


def symbols_of(f: HostFacts, random_label: bool, entropy: float) -> list[Symbol]:
    """:func:`facts_symbols` with positional arguments; each symbol is the table's name
    and weight with its detail, built as a plain tuple (no per-symbol call)."""
    p, official, user_content, shortener, b, scam_label, scam_sub, gambling, risky_tld, tld, \
        login_path, _, sfx_class, well_known = f
    host, unicode_host, registrable, suffix, label, subdomains, _, is_ip, idn, userinfo, _ = p
    new = _new_tuple
    out: list[Symbol] = []
    if official:
        out.append(new(Symbol, ("HOST_OFFICIAL", _W_OFFICIAL,
                                f"{registrable} is an official domain of {official}")))
    if well_known:
        out.append(new(Symbol, ("HOST_WELL_KNOWN", _W_WELL_KNOWN,
                                f"{registrable} is a widely used site")))
    if b is not None:
        where = b.where
        if where == "label":
            out.append(new(Symbol, ("HOST_BRAND_IN_LABEL", _W_BRAND_LABEL,
                                    f'"{b.brand}" -> {registrable}')))
        elif where == "subdomain":
            out.append(new(Symbol, ("HOST_BRAND_IN_SUBDOMAIN", _W_BRAND_SUB,
                                    f'"{b.brand}" -> {host}')))
        elif where == "mixed_script":
            out.append(new(Symbol, ("HOST_MIXED_SCRIPT", _W_MIXED,
                                    f'"{b.term}" imitates "{b.brand}"')))
        else:
            out.append(new(Symbol, ("HOST_BRAND_LOOKALIKE", _W_LOOKALIKE,
                                    f'"{b.term}" imitates "{b.brand}"')))
    if idn:
        out.append(new(Symbol, ("HOST_IDN", _W_IDN, f"{host} = {unicode_host}")))
    if risky_tld:
        out.append(new(Symbol, ("HOST_RISKY_TLD", _W_RISKY, "." + tld)))
    if shortener:
        out.append(new(Symbol, ("HOST_SHORTENER", _W_SHORTENER, registrable)))
    if user_content:
        out.append(new(Symbol, ("HOST_USER_CONTENT", _W_USER_CONTENT, host)))
    if is_ip:
        out.append(new(Symbol, ("HOST_IP_LITERAL", _W_IP, host)))
    if len(subdomains) >= DEEP_SUBDOMAIN_MIN:
        depth = len(subdomains) - (1 if subdomains[0] == "www" else 0)
        if depth >= DEEP_SUBDOMAIN_MIN:
            out.append(new(Symbol, ("HOST_DEEP_SUBDOMAIN", _W_DEEP,
                                    f"{depth} subdomain levels")))
    if random_label:
        out.append(new(Symbol, ("HOST_RANDOM_LABEL", _W_RANDOM,
                                f"{label} (entropy {entropy:.2f})")))
    if scam_label or scam_sub:
        out.append(new(Symbol, ("HOST_SCAM_KEYWORD", _W_SCAM,
                                ", ".join((scam_label + scam_sub)[:5]))))
    if gambling:
        out.append(new(Symbol, ("HOST_GAMBLING_KEYWORD", _W_GAMBLING, ", ".join(gambling[:5]))))
    if login_path:
        out.append(new(Symbol, ("HOST_LOGIN_PATH", _W_LOGIN, login_path)))
    if userinfo:
        out.append(new(Symbol, ("HOST_USERINFO", _W_USERINFO, f"real host is {host}")))
    if registrable in CDN_DOMAINS:
        customer = cdn_customer_domain(p)
        if customer is not None:
            out.append(new(Symbol, ("HOST_CDN_CUSTOMER", _W_CDN_CUSTOMER,
                                    f"{customer[0]} is {customer[1]}'s, served by "
                                    f"{customer[2]}")))
    if sfx_class == "restricted_vn":
        out.append(new(Symbol, ("HOST_RESTRICTED_VN", _W_RESTRICTED, "." + suffix)))
    return out
