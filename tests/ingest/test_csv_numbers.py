"""Streaming phone numbers from plain lists and CSV files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lachan.ingest.csv_numbers import MAX_LINE_BYTES, iter_numbers
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
