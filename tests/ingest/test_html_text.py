"""HTML bodies to text and links."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lachan.ingest.html_text import html_to_text


def test_text_links_and_skipped_elements() -> None:
    html = (
        "<html><head><title>T</title><style>p{}</style></head><body>"
        "<p>Xin chào&nbsp;Quý&amp;khách</p><script>alert('x')</script>"
        "<div>Bấm <a href=' https://vcb-alert.top/x '>đây</a></div>"
        "<map><area href='http://a.vn/b'></map><pre>a\n  b</pre></body></html>"
    )
    text, links = html_to_text(html)
    assert text == "Xin chào Quý&khách\n\nBấm đây\n\na\nb"  # blocks become lines
    assert links == ["https://vcb-alert.top/x", "http://a.vn/b"]


def test_stray_angle_brackets_are_text() -> None:
    text, _ = html_to_text("<p>1 < 2 and 3 > 2</p><p>a <b c <d</p>")
    assert text == "1 < 2 and 3 > 2\n\na <b c <d"


@settings(max_examples=300)
@given(st.lists(st.one_of(st.text(max_size=20),
                          st.sampled_from(["<", ">", "<a href='", "</a>", "<!--", "-->",
                                           "<script>", "</script>", "&#", "&amp", "<![CDATA[",
                                           "<?", "<p", "</", "<br/>", "<style"])),
                max_size=30).map("".join))
def test_any_markup_gives_text_without_raising(html: str) -> None:
    text, links = html_to_text(html)
    assert isinstance(text, str) and all(isinstance(link, str) for link in links)
