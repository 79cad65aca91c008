"""The in-memory Do-Not-Call index and the vectorised number parser."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lachan.registry.advertising_numbers import INVALID, format_national, normalise_numbers
from lachan.registry.dnc_index import DncIndex, DncIndexError, sorted_unique


def test_number_forms() -> None:
    items = [
        "0912345678", "84912345678", "+84 912 345 678", "+84-91-234-5678", "0084912345678",
        "912345678", "(091) 234.5678", b"0912345678\r", "0912 345 678 ",
    ]
    assert normalise_numbers(items).tolist() == [912345678] * len(items)


@pytest.mark.parametrize(
    "item",
    ["", "abc", "0912345", "09123456789", "0112345678", "+1 650 253 0000", "0912a45678",
     "0" * 40, "091234567８"],
)
def test_invalid_numbers(item: str) -> None:
    assert normalise_numbers([item]).tolist() == [INVALID]


def test_old_eleven_digit_numbers_when_the_entities_layer_knows_them() -> None:
    pytest.importorskip("lachan.entities.phone")
    assert normalise_numbers(["01688123456"]).tolist() == [388123456]


def test_format_national() -> None:
    assert format_national(912345678) == "0912345678"


@given(st.lists(st.text(max_size=20), max_size=20))
def test_parser_never_crashes(items: list[str]) -> None:
    out = normalise_numbers(items)
    assert out.shape == (len(items),)
    assert ((out == INVALID) | ((out >= 100_000_000) & (out <= 999_999_999))).all()


@given(st.integers(min_value=300_000_000, max_value=399_999_999))
def test_every_spelling_of_a_mobile_gives_the_same_number(n: int) -> None:
    s = f"{n:09d}"
    forms = [f"0{s}", f"84{s}", f"+84 {s[:2]} {s[2:5]} {s[5:]}", f"0{s[:2]}.{s[2:5]}.{s[5:]}"]
    assert normalise_numbers(forms).tolist() == [n] * 4


def test_scopes_and_channels(tmp_path: Path) -> None:
    idx = DncIndex.from_pairs([(912345678, "all"), (987654321, "sms"), (388123456, "call"),
                               (912345678, "all")])
    q = np.array([912345678, 987654321, 388123456, 355555555, INVALID])
    assert idx.blocked(q, "sms").tolist() == [True, True, False, False, False]
    assert idx.blocked(q, "call").tolist() == [True, False, True, False, False]
    assert idx.blocked(q, "email").tolist() == [False] * 5
    assert idx.scope_of(987654321) == "sms" and idx.scope_of(355555555) is None
    assert len(idx) == 3

    idx.save(tmp_path / "dnc", source="test")
    for mmap in (False, True):
        again = DncIndex.load(tmp_path / "dnc", mmap=mmap)
        assert again.blocked(q, "sms").tolist() == idx.blocked(q, "sms").tolist()
        assert again.meta["counts"] == {"sms": 1, "call": 1, "all": 1}


def test_number_in_two_scopes_counts_in_both() -> None:
    idx = DncIndex.from_pairs([(912345678, "sms"), (912345678, "call")])
    assert idx.scope_of(912345678) == "all"


def test_empty_index_and_bad_files(tmp_path: Path) -> None:
    assert not DncIndex().blocked(np.array([912345678]), "sms").any()
    with pytest.raises(DncIndexError, match="missing"):
        DncIndex.load(tmp_path)
    d = tmp_path / "bad"
    DncIndex().save(d)
    (d / "sms.npy").write_bytes(b"garbage")
    with pytest.raises(DncIndexError, match="cannot be read"):
        DncIndex.load(d)
    with pytest.raises(ValueError, match="unknown channel"):
        DncIndex().blocked(np.array([1]), "fax")
    with pytest.raises(ValueError, match="unknown DNC scope"):
        DncIndex.from_pairs([(912345678, "web")])


@given(st.lists(st.integers(min_value=100_000_000, max_value=999_999_999), max_size=50),
       st.lists(st.integers(min_value=100_000_000, max_value=999_999_999), max_size=50))
def test_membership_agrees_with_a_set(listed: list[int], asked: list[int]) -> None:
    idx = DncIndex({"all": np.array(listed, dtype=np.int64)})
    q = np.array(asked + listed[:5], dtype=np.int64)
    assert idx.blocked(q, "sms").tolist() == [int(x) in set(listed) for x in q]


@given(st.lists(st.integers(min_value=0, max_value=2**64 - 1), max_size=60))
def test_sorted_unique_is_np_unique(keys: list[int]) -> None:
    arr = np.array(keys, dtype=np.uint64)
    assert sorted_unique(arr).tolist() == np.unique(arr).tolist()


_line = st.text(alphabet="0123456789+ .-abcé,#", max_size=15)


@given(st.lists(_line, max_size=40), st.sampled_from([1, 3, 1000]),
       st.sampled_from(["\r\n", "\n", "\r"]))
def test_list_reader_gives_every_non_blank_line_once(lines: list[str], size: int,
                                                     end: str) -> None:
    from lachan.ingest.csv_numbers import looks_like_header
    from lachan.registry.advertising_scrub import iter_chunks

    data = end.join(lines).encode()
    chunks = list(iter_chunks(io.BytesIO(data), None, size))
    assert all(0 < len(c) <= size for c in chunks)
    expected = [(n, x.strip()) for n, x in enumerate(lines, start=1)
                if x.strip() and not x.strip().startswith("#")]
    # a first entry that names a column is a header, not an entry
    if expected and looks_like_header(expected[0][1]):
        expected = expected[1:]
    assert [(n, x) for c in chunks for n, x in zip(c.lines, c, strict=True)] == expected


_raw_line = st.one_of(
    st.binary(max_size=12),  # invalid UTF-8 too
    st.text(alphabet="0123456789 #\tphoneé", max_size=12).map(str.encode),
    st.just(b"1" * 4_097),  # over MAX_LINE_BYTES
)


@given(st.lists(st.lists(_raw_line.filter(lambda b: b"\n" not in b and b"\r" not in b),
                         max_size=8), max_size=5),
       st.sampled_from([1, 2, 5]))
def test_list_reader_takes_a_block_at_once_as_it_takes_it_line_by_line(
    blocks: list[list[bytes]], size: int
) -> None:
    """The reader's fast way with a block (a few list operations) gives the chunks, line
    numbers and errors that reading its lines one by one gives."""
    from lachan.registry.advertising_scrub import MalformedList, _ListState

    def read(fast: bool) -> tuple[list[tuple[list[str], list[int]]], str | None]:
        state, out, before = _ListState(size), [], 0
        try:
            for block in blocks:
                step = state.add if fast else state._add_lines
                out.extend((list(c), c.lines) for c in step(block, before))
                before += len(block)
            out.extend((list(c), c.lines) for c in state.flush())
        except MalformedList as exc:
            return out, str(exc)
        return out, None

    assert read(True) == read(False)


def test_list_reader_line_ends_headers_and_empty_cells() -> None:
    from lachan.registry.advertising_scrub import iter_chunks

    def read(data: bytes, column: str | None = None, size: int = 1000) -> list[tuple]:
        return [(n, x, c.errors.get(i)) for c in iter_chunks(io.BytesIO(data), column, size)
                for i, (n, x) in enumerate(zip(c.lines, c, strict=True))]

    # old Mac files end lines with a lone CR; a CR LF cut between two blocks is one end
    assert read(b"0912345678\r0987654321\r") == [(1, "0912345678", None),
                                                  (2, "0987654321", None)]
    assert read(b"a\r\n" * 3, size=1) == [(n, "a", None) for n in (1, 2, 3)]
    big = b"0912345678\r\n" * 400_000  # over one 4 MiB block: a CR LF falls on its edge
    assert [n for n, _x, _e in read(big)][-1] == 400_000
    assert read(b"phone\r0912345678\r", "phone") == [(2, "0912345678", None)]
    # a first line is a header only when it names a column
    assert read(b"abc\n0912345678\n")[0] == (1, "abc", None)
    assert read("Số điện thoại\n0912345678\n".encode()) == [(2, "0912345678", None)]
    # an empty cell is reported, not dropped
    assert read(b"name,phone\nLan,0912345678\nMai,\n", "phone") == [
        (2, "0912345678", None), (3, "", "line 3: the 'phone' cell is empty")]


def test_list_reader_errors() -> None:
    from lachan.registry.advertising_scrub import MalformedList, iter_chunks

    with pytest.raises(MalformedList, match="not UTF-8"):
        list(iter_chunks(io.BytesIO(b"0912345678\n\xff\xfe\n")))
    with pytest.raises(MalformedList, match="over"):
        list(iter_chunks(io.BytesIO(b"1" * 5000)))
    with pytest.raises(MalformedList, match="column 'tel' not found"):
        list(iter_chunks(io.BytesIO(b"name,phone\nLan,0912345678\n"), "tel"))
    assert list(iter_chunks(io.BytesIO(b""), "phone")) == []
    got = list(iter_chunks(io.BytesIO("\ufeffname;Số điện thoại\nLan;0912345678\n;\n".encode()),
                           "so dien thoai"))
    assert got == [["0912345678", ""]] and got[0].errors == {
        1: "line 3: the 'so dien thoai' cell is empty"}
    assert list(iter_chunks(io.BytesIO(b"# my list\n0912345678\n"))) == [["0912345678"]]
