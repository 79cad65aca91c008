"""URL shortener services (registrable domains), bundled so nothing is fetched.

Only services where anyone can shorten any address: g.co is not one (Google makes its
g.co links, to its own pages).
"""

from __future__ import annotations

SHORTENERS: frozenset[str] = frozenset(
    {
        "1url.com",
        "adf.ly",
        "bit.do",
        "bit.ly",
        "bitly.com",
        "bl.ink",
        "buff.ly",
        "clck.ru",
        "cutt.ly",
        "cutt.us",
        "goo.gl",
        "is.gd",
        "lihi.cc",
        "lnkd.in",
        "ow.ly",
        "qrco.de",
        "rb.gy",
        "rebrand.ly",
        "s.id",
        "short.gy",
        "shorte.st",
        "shorturl.asia",
        "shorturl.at",
        "soo.gd",
        "surl.li",
        "t.co",
        "t.ly",
        "tiny.cc",
        "tiny.one",
        "tinyurl.com",
        "u.to",
        "urlz.fr",
        "v.gd",
        "x.gd",
    }
)


def is_shortener(host: str, registrable: str | None) -> bool:
    """True when the (ASCII, lower-case) host or its registrable domain is a shortener."""
    return host in SHORTENERS or (registrable is not None and registrable in SHORTENERS)
