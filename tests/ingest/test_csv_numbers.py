"""Streaming phone numbers from plain lists and CSV files."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lachan.ingest.csv_numbers import MAX_LINE_BYTES, iter_numbers, looks_like_header
from lachan.ingest.errors import IngestError, MalformedCsv, TooLarge


def numbers(data: bytes, **kwargs: object) -> list[tuple[int, str]]:
    return list(iter_numbers(io.BytesIO(data), **kwargs))  # type: ignore[arg-type]


def test_plain_list_with_blank_lines_comments_and_crlf() -> None:
    data = b"0912345678\r\n\r\n# khach hang cu\r\n+84 987 654 321\r\n  0862.111.222  \r\n"
    assert numbers(data) == [(1, "0912345678"), (4, "+84 987 654 321"), (5, "0862.111.222")]


def test_plain_list_with_old_mac_line_ends() -> None:
    assert numbers(b"0912345678\r\r0987654321\r") == [(1, "0912345678"), (3, "0987654321")]
    assert numbers(b"phone\r0912345678", column="phone") == [(2, "0912345678")]


def test_a_first_line_is_a_header_only_when_it_names_a_column() -> None:
    assert numbers(b"abc\n0912345678\n") == [(1, "abc"), (2, "0912345678")]
    assert numbers("Số điện thoại khách hàng\n0912345678\n".encode()) == [(2, "0912345678")]


#: Phone columns as people write them, with the words they are made of.
_PHONE_HEADERS = ("Telephone", "Di động", "ĐTDĐ", "Cell", "SĐT", "Số ĐT", "Mobile",
                  "Phone number", "Số điện thoại", "Điện thoại di động", "Tel", "Cellphone",
                  "Số thuê bao", "MSISDN", "Handphone", "SoDienThoai", "ĐT")
_SEPARATORS = st.sampled_from([" ", "  ", "\t", " - ", ": ", " / ", ". "])
#: Words that name no column on their own.
_OTHER_WORDS = st.sampled_from(["abc", "xin", "chao", "khach", "hang", "ho", "ten", "ghi",
                                "chu", "nguyen", "van", "an", "hello", "world", "ok", "x"])


def _respelled(name: str, choices: list[bool], fold: bool) -> str:
    """``name`` in upper or lower case letter by letter, and without its diacritics."""
    if fold:
        name = "".join(c for c in unicodedata.normalize("NFD", name)
                       if not unicodedata.combining(c)).replace("Đ", "D").replace("đ", "d")
    return "".join(c.upper() if up else c.lower()
                   for c, up in zip(name, choices + [False] * len(name), strict=False))


@settings(max_examples=200)
@given(st.sampled_from(_PHONE_HEADERS), st.lists(st.booleans(), max_size=25), st.booleans(),
       st.lists(_OTHER_WORDS, max_size=3), st.lists(_OTHER_WORDS, max_size=3), _SEPARATORS,
       st.sampled_from(["", ":", ".", " (*)", "*"]))
def test_a_phone_column_named_in_any_spelling_is_a_header(
    name: str, case: list[bool], fold: bool, before: list[str], after: list[str], sep: str,
    end: str,
) -> None:
    line = sep.join([*before, _respelled(name, case, fold), *after]) + end
    assert looks_like_header(line), line
    assert looks_like_header(unicodedata.normalize("NFD", line)), line


@settings(max_examples=200)
@given(st.lists(_OTHER_WORDS, min_size=1, max_size=5), _SEPARATORS,
       st.one_of(st.none(), st.sampled_from(_PHONE_HEADERS)),
       st.sampled_from(["1", "0912345678", "@"]))
def test_an_entry_is_never_taken_for_a_header(
    words: list[str], sep: str, name: str | None, entry_mark: str
) -> None:
    """Words that name no column (``abc``) are an entry; so is any line with a digit or
    an ``@`` (a number, an e-mail), whatever column name it holds: it is reported, never
    dropped as a header."""
    assert not looks_like_header(sep.join(words))
    line = sep.join([*words, *([name] if name else [])]) + sep + entry_mark
    assert not looks_like_header(line)


def test_plain_list_with_a_common_header_line() -> None:
    for header in _PHONE_HEADERS:
        assert numbers(f"{header}\n0912345678\n".encode()) == [(2, "0912345678")], header
    assert numbers("Khách hàng\n0912345678\n".encode()) == [
        (1, "Khách hàng"), (2, "0912345678")]


def test_csv_phone_column_found_under_its_common_names() -> None:
    data = "Họ tên;Di động;Ghi chú\nAn;0912345678;vip\n".encode()
    assert numbers(data) == [(2, "0912345678")]
    assert numbers(b"name,Tel.\nAn,0912345678\n") == [(2, "0912345678")]
    assert numbers("Họ tên,ĐTDĐ\nAn,0912345678\n".encode(), column="dtdd") == [
        (2, "0912345678")]


def test_plain_list_with_a_header_line_and_bom() -> None:
    data = "\ufeffphone\n0912345678\n0987654321".encode()
    assert numbers(data) == [(2, "0912345678"), (3, "0987654321")]


def test_csv_with_named_column_and_comma() -> None:
    data = b'ho_ten,phone,ghi_chu\n"Nguyen, Van A",0912345678,vip\nTran B,0987654321,\n'
    assert numbers(data, column="phone") == [(2, "0912345678"), (3, "0987654321")]


def test_csv_with_semicolon_bom_and_vietnamese_header() -> None:
    data = "\ufeffHọ tên;Số điện thoại\nNguyễn An;0912 345 678\n\nLê Chi;\n".encode()
    assert numbers(data, column="so dien thoai") == [(2, "0912 345 678"), (4, "")]
    assert numbers(data) == [(2, "0912 345 678"), (4, "")]  # recognised without a name


def test_tab_separated_with_msisdn_column() -> None:
    data = b"id\tmsisdn\n1\t84912345678\n2\t84987654321\n"
    assert numbers(data) == [(2, "84912345678"), (3, "84987654321")]


def test_missing_column_names_the_columns_found() -> None:
    data = b"name,email\nAn,an@example.vn\n"
    with pytest.raises(MalformedCsv, match=r"column 'phone' not found.*columns are: name, email"):
        numbers(data, column="phone")
    with pytest.raises(MalformedCsv, match="name the column"):
        numbers(data)


def test_line_too_long_and_row_limit() -> None:
    with pytest.raises(TooLarge, match="line 2 is longer"):
        numbers(b"0912345678\n" + b"9" * (MAX_LINE_BYTES + 1) + b"\n")
    with pytest.raises(TooLarge, match="more than 2 numbers"):
        numbers(b"0912345678\n0912345679\n0912345670\n", max_rows=2)


def test_encoding_errors_name_the_line() -> None:
    with pytest.raises(MalformedCsv, match="line 2 is not valid UTF-8"):
        numbers(b"0912345678\n09\xff12\n")
    with pytest.raises(MalformedCsv, match="UTF-16"):
        numbers("phone\n0912345678\n".encode("utf-16"))


def test_reads_a_path_and_streams_lazily(tmp_path: Path) -> None:
    path = tmp_path / "dnc.csv"
    path.write_text("sdt\n" + "".join(f"09{i:08d}\n" for i in range(5_000)), encoding="utf-8")
    rows = iter_numbers(path)
    assert next(rows) == (2, "0900000000")
    assert sum(1 for _ in rows) == 4_999
    with pytest.raises(MalformedCsv, match="cannot open"):
        list(iter_numbers(tmp_path / "missing.csv"))


def test_text_streams_are_accepted() -> None:
    assert list(iter_numbers(io.StringIO("0912345678\n"))) == [(1, "0912345678")]


_NUMBER = st.from_regex(r"\+?[0-9][0-9 .]{6,14}[0-9]", fullmatch=True)


@settings(max_examples=100)
@given(st.lists(_NUMBER, min_size=1, max_size=30), st.sampled_from([",", ";", "\t"]))
def test_csv_round_trip(values: list[str], delimiter: str) -> None:
    text = f"name{delimiter}phone\n" + "".join(f"x{delimiter}{v}\n" for v in values)
    assert numbers(text.encode()) == [(i + 2, v) for i, v in enumerate(values)]
    plain = "".join(f"{v}\n" for v in values)
    assert numbers(plain.encode()) == [(i + 1, v) for i, v in enumerate(values)]


@settings(max_examples=200)
@given(st.binary(max_size=300), st.one_of(st.none(), st.text(max_size=6)))
def test_arbitrary_bytes_raise_only_ingest_errors(data: bytes, column: str | None) -> None:
    try:
        for line_no, raw in numbers(data, column=column):
            assert line_no >= 1 and "\n" not in raw
    except IngestError:
        pass
