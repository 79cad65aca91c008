"""HTML to plain text and links, with the standard library's :mod:`html.parser`.

Used for HTML e-mail bodies: scripts, styles and the head are dropped, block elements
become line breaks, and every ``href`` (``a``, ``area``) is collected in order.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP = frozenset({"script", "style", "head", "title", "noscript", "template"})
_BLOCK = frozenset(
    {
        "p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5",
        "h6", "blockquote", "section", "article", "header", "footer", "hr", "pre", "td",
        "th", "dd", "dt", "center", "address",
    }
)
_WHITESPACE = re.compile(r"\s+")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*(?:\n\s*)+")

#: Links kept per document; more are ignored.
MAX_LINKS = 1_000


class _TextAndLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []
        self._skip_depth = 0
        self._pre_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip_depth += 1
            return
        if tag in _BLOCK:
            self.parts.append("\n")
        if tag == "pre":
            self._pre_depth += 1
        if tag in ("a", "area") and len(self.links) < MAX_LINKS:
            for name, value in attrs:
                if name == "href" and value:
                    self.links.append(value.strip())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)
            return
        if tag == "pre":
            self._pre_depth = max(0, self._pre_depth - 1)
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        self.parts.append(data if self._pre_depth else _WHITESPACE.sub(" ", data))


#: A '<' whose next angle bracket is not a '>' within this many characters is text.
_MAX_TAG_CHARS = 4_000
_STRAY_LT = re.compile(r"<(?![^<>]{0," + str(_MAX_TAG_CHARS) + r"}>)")


def html_to_text(html: str) -> tuple[str, list[str]]:
    """(readable text, hrefs in document order) of an HTML document or fragment.

    A ``<`` that opens no complete tag is escaped first: :mod:`html.parser` rescans an
    unterminated tag to the end of the input, which is quadratic on hostile input.
    """
    parser = _TextAndLinks()
    parser.feed(_STRAY_LT.sub("&lt;", html))
    parser.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parser.parts).split("\n"))
    text = "\n".join(lines)
    text = _BLANK_LINES.sub("\n\n", text).strip()
    return text, parser.links
