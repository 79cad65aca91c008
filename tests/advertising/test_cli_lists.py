"""`lachan scrub`, `lachan dnc import` and `lachan advertiser copies` on real-world files:
big lists under a terminal, malformed CSV rows, line numbers, headers, BOMs, nulls,
duplicates and fixed lines."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from lachan.cli import app

COPY = {
    "sender": "HOAMAI",
    "recipient": "0912345678",
    "channel": "sms",
    "sent_at": "2026-11-22T09:30:00+07:00",
    "text": "[QC] Hoa Mai giam 30% toan bo san pham. Tu choi QC soan TC gui 8xxx",
}


@pytest.fixture()
def run(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LACHAN_DATABASE_URL", db_url)
    monkeypatch.setenv("LACHAN_HOME", str(tmp_path / "home"))
    runner = CliRunner()

    def _run(*args: str):
        return runner.invoke(app, list(args))

    return _run


@pytest.fixture()
def advertiser(run) -> str:
    return str(lines(run("advertiser", "create", "Shop ABC").stdout)[0]["id"])


def lines(out: str) -> list[dict]:
    return [orjson.loads(x) for x in out.splitlines() if x.strip()]


def no_traceback(result) -> bool:
    return isinstance(result.exception, SystemExit | None) and "Traceback" not in result.output


# --------------------------------------------------------------- 1. progress bar vs stdout


def test_a_big_list_scrubbed_under_a_terminal_writes_its_results_to_stdout(
    run, advertiser: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # stderr is a terminal (FORCE_COLOR makes Rich take it for one), the file is over
    # 1 MiB so it gets a progress bar: the results must still go to stdout (a redirect)
    monkeypatch.setenv("FORCE_COLOR", "1")
    big = tmp_path / "mid.txt"
    big.write_text("".join(f"09{i:08d}\n" for i in range(100_000)))
    assert big.stat().st_size >= 1 << 20
    r = run("scrub", "--advertiser", advertiser, "--channel", "sms", str(big))
    assert r.exit_code == 0, r.output
    out = r.stdout.splitlines()
    assert len(out) == 100_000
    assert orjson.loads(out[0]) == {"number": "0900000000", "allowed": False,
                                    "reasons": ["no_consent"]}
    assert '"number"' not in r.stderr


# ------------------------------------------------------------ 5. malformed CSV rows


MALFORMED = (
    "name,phone\n"
    "Lan,0912345678\n"
    "Mai\n"  # line 3: a cell missing
    "Hoa,0987654321,vip\n"  # line 4: a cell too many
    '"Binh,0355555555\n'  # line 5: a quote never closed
    "Chi,0355555556\n"
)


def test_scrub_answers_a_malformed_csv_row_with_an_error_object_in_its_place(
    run, advertiser: str, tmp_path: Path
) -> None:
    f = tmp_path / "list.csv"
    f.write_text(MALFORMED)
    r = run("scrub", "--advertiser", advertiser, "--channel", "sms", "--column", "phone", str(f))
    assert r.exit_code == 1 and no_traceback(r)
    out = lines(r.stdout)
    assert len(out) == 5  # one line per entry: the output lines up with the input
    assert out[0]["number"] == "0912345678" and out[4]["number"] == "0355555556"
    assert [o.get("line") for o in out[1:4]] == [3, 4, 5]
    assert all(o["allowed"] is False and o["reasons"] == ["malformed_row"] for o in out[1:4])
    assert "line 3: only 1 cell(s) where the header has 2" == out[1]["error"]
    assert "line 4: 3 cell(s)" in out[2]["error"]
    assert "line 5: a quoted cell is not closed" in out[3]["error"]
    for n in (3, 4, 5):
        assert f"line {n}" in r.stderr
    assert "3 line(s) could not be read" in r.stderr


def test_dnc_import_refuses_malformed_csv_rows_naming_each_line(
    run, advertiser: str, tmp_path: Path
) -> None:
    f = tmp_path / "dnc.csv"
    f.write_text(MALFORMED)
    r = run("dnc", "import", "--column", "phone", str(f))
    assert r.exit_code == 1 and no_traceback(r)
    assert "3 bad line(s)" in r.output and "nothing imported" in r.output
    for n in (3, 4, 5):
        assert f"line {n}:" in r.output
    # nothing was written
    one = tmp_path / "one.txt"
    one.write_text("0912345678\n")
    r = run("scrub", "--advertiser", advertiser, "--channel", "sms", str(one))
    assert lines(r.stdout)[0]["reasons"] == ["no_consent"]


# ----------------------------------------------------------------- 6. line numbers


def test_dnc_import_names_the_physical_line_of_a_bad_number(run, tmp_path: Path) -> None:
    f = tmp_path / "dnc.txt"
    f.write_text("# Do-Not-Call, week 47\n\n0912345678\n\nabc\n0987654321\n")
    r = run("dnc", "import", str(f))
    assert r.exit_code == 1 and no_traceback(r)
    assert "line 5: not a Vietnamese phone number: 'abc'" in r.output
    assert "item" not in r.output


def test_dnc_import_with_column_names_the_physical_line(run, tmp_path: Path) -> None:
    f = tmp_path / "dnc.csv"
    f.write_text("name,phone\nAn,0912345678\n\nBa,xyz\n")
    r = run("dnc", "import", "--column", "phone", str(f))
    assert r.exit_code == 1 and "line 4: not a Vietnamese phone number: 'xyz'" in r.output


def test_a_first_line_without_digits_is_a_header(run, advertiser: str, tmp_path: Path) -> None:
    f = tmp_path / "dnc.txt"
    f.write_text("phone\n0912345678\n")
    r = run("dnc", "import", str(f))
    assert r.exit_code == 0, r.output
    assert lines(r.stdout)[0]["read"] == 1
    r = run("scrub", "--advertiser", advertiser, "--channel", "sms", str(f))
    assert lines(r.stdout) == [{"number": "0912345678", "allowed": False,
                                "reasons": ["dnc:all", "no_consent"]}]


@pytest.mark.parametrize("header", [
    "Telephone", "Di động", "ĐTDĐ", "Cell", "SĐT", "Số ĐT", "Mobile", "Phone number",
    "Tel.", "Số di động", "SỐ ĐIỆN THOẠI:", "Handphone",
])
def test_dnc_import_takes_a_common_header_line(run, tmp_path: Path, header: str) -> None:
    f = tmp_path / "dnc.txt"
    f.write_text(f"{header}\n0912345678\n0987654321\n", encoding="utf-8")
    r = run("dnc", "import", str(f))
    assert r.exit_code == 0, r.output
    assert lines(r.stdout)[0] == {"read": 2, "added": 2, "changed": 0, "unchanged": 0,
                                  "duplicates": 0}


def test_scrub_reports_a_first_row_that_is_no_header_and_empty_cells(
        run, advertiser: str, tmp_path: Path) -> None:
    f = tmp_path / "list.txt"
    f.write_bytes(b"abc\r0912345678\r")  # old Mac line ends
    r = run("scrub", "--advertiser", advertiser, "--channel", "sms", str(f))
    assert [(x["number"], x["reasons"]) for x in lines(r.stdout)] == [
        ("abc", ["invalid_number"]), ("0912345678", ["no_consent"])]
    f = tmp_path / "list.csv"
    f.write_text("name,phone\nLan,0912345678\nMai,\n")
    r = run("scrub", "--advertiser", advertiser, "--channel", "sms", "--column", "phone", str(f))
    assert r.exit_code == 1 and "line 3: the 'phone' cell is empty" in r.output
    assert [x["reasons"] for x in lines(r.stdout)] == [["no_consent"], ["malformed_row"]]


def _copies(tmp_path: Path, *rows: object, bom: bool = False) -> Path:
    f = tmp_path / "copies.jsonl"
    text = "\n".join(r if isinstance(r, str) else orjson.dumps(r).decode() for r in rows)
    f.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode() + b"\n")
    return f


def test_copies_name_the_physical_line_of_a_bad_copy(run, advertiser: str, tmp_path: Path) -> None:
    f = _copies(tmp_path, COPY, "", {**COPY, "recipient": "12345"})
    r = run("advertiser", "copies", advertiser, str(f))
    assert r.exit_code == 1 and no_traceback(r)
    assert "line 3: not a Vietnamese mobile number: '12345'" in r.output
    f = _copies(tmp_path, COPY, {**COPY, "channel": "fax"})
    r = run("advertiser", "copies", advertiser, str(f))
    assert r.exit_code == 1 and "line 2: channel must be sms, email or call" in r.output


def test_copies_accept_a_utf8_bom(run, advertiser: str, tmp_path: Path) -> None:
    r = run("advertiser", "copies", advertiser, str(_copies(tmp_path, COPY, bom=True)))
    assert r.exit_code == 0, r.output
    assert len(lines(r.stdout)) == 1


# ---------------------------------------------------------------- 7. JSON null in copies


@pytest.mark.parametrize("field", ["sender", "text", "recipient", "subject"])
def test_copies_refuse_null_text_fields(run, advertiser: str, tmp_path: Path, field: str) -> None:
    r = run("advertiser", "copies", advertiser, str(_copies(tmp_path, COPY, {**COPY, field: None})))
    assert r.exit_code == 1 and no_traceback(r)
    assert f"line 2: {field} must be a string, not null" in r.output
    # all or nothing: the good first line was not stored either
    r = run("advertiser", "report", "--advertiser", advertiser)
    assert r.stdout == ""


# --------------------------------------------------------- 10. counts and fixed lines


def test_dnc_import_counts_duplicates_in_the_file(run, tmp_path: Path) -> None:
    f = tmp_path / "dnc.txt"
    f.write_text("0912345678\n0912345678\n+84 912 345 678\n0987654321\n")
    r = run("dnc", "import", str(f))
    assert r.exit_code == 0, r.output
    stats = lines(r.stdout)[0]
    assert stats == {"read": 4, "added": 2, "changed": 0, "unchanged": 0, "duplicates": 2}
    again = lines(run("dnc", "import", str(f)).stdout)[0]
    assert again == {"read": 4, "added": 0, "changed": 0, "unchanged": 2, "duplicates": 2}


def test_dnc_reimport_counts_repeats_across_chunks_once(db) -> None:
    from lachan.registry.advertising_scrub import import_dnc_lists

    # a big file is read in chunks: the repeat of a number sits in a later chunk
    chunks = [["0912345678", "0987654321"], ["0912345678", "+84 987 654 321", "0901234567"]]
    with db.transaction() as session:
        first = import_dnc_lists(session, chunks, "sms")
    assert first == {"read": 5, "added": 3, "changed": 0, "unchanged": 0, "duplicates": 2}
    with db.transaction() as session:  # the same file again: all already present
        again = import_dnc_lists(session, chunks, "sms")
    assert again == {"read": 5, "added": 0, "changed": 0, "unchanged": 3, "duplicates": 2}
    with db.transaction() as session:  # widening the scope changes each number once
        wider = import_dnc_lists(session, chunks, "all")
    assert wider == {"read": 5, "added": 0, "changed": 3, "unchanged": 0, "duplicates": 2}


def test_dnc_import_of_many_chunks_counts_each_number_once(db) -> None:
    from lachan.registry.advertising_scrub import import_dnc_lists

    # 60 chunks; every number of chunk k comes back in chunks k + 7 and k + 31
    numbers = [[f"09{k:02d}{i:06d}" for i in range(50)] for k in range(60)]
    chunks = [numbers[k] + numbers[k - 7][:10] + numbers[k - 31][:5] if k >= 31
              else numbers[k] + (numbers[k - 7][:10] if k >= 7 else []) for k in range(60)]
    read = sum(map(len, chunks))
    with db.transaction() as session:
        stats = import_dnc_lists(session, chunks, "sms")
    assert stats == {"read": read, "added": 3000, "changed": 0, "unchanged": 0,
                     "duplicates": read - 3000}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.integers(0, 400), max_size=60), max_size=80))
def test_numbers_met_in_an_import_are_recalled_and_kept_in_few_runs(
    chunks: list[list[int]],
) -> None:
    """The import's memory of the numbers it met answers like a set, and holds them in
    O(log n) sorted runs: it does not merge everything met so far again for every
    chunk (which made a 5M-line import quadratic)."""
    from lachan.registry.advertising_scrub import _SeenNumbers

    seen, expected = _SeenNumbers(), set()
    for chunk in chunks:
        unique = np.unique(np.asarray(chunk, dtype=np.int64))
        again = seen.met_before(unique)
        assert again.tolist() == [int(n) in expected for n in unique]
        seen.add(unique[~again])
        expected.update(chunk)
        assert len(seen) == len(expected)
        assert all(bool((np.diff(run) > 0).all()) for run in seen.runs)
        # each run is more than twice the next one's size
        assert len(seen.runs) <= max(1, len(expected)).bit_length()


def test_a_landline_can_be_registered_for_calls(run, advertiser: str, tmp_path: Path) -> None:
    f = tmp_path / "dnc.txt"
    f.write_text("02438251234\n")
    r = run("dnc", "import", "--scope", "call", str(f))
    assert r.exit_code == 0, r.output
    assert lines(r.stdout)[0]["added"] == 1
    r = run("scrub", "--advertiser", advertiser, "--channel", "call", str(f))
    assert lines(r.stdout) == [{"number": "02438251234", "allowed": False,
                                "reasons": ["dnc:call", "no_consent"]}]


def test_a_landline_asked_for_sms_is_not_mobile(run, advertiser: str, tmp_path: Path) -> None:
    f = tmp_path / "list.txt"
    f.write_text("024 3825 1234\nabc\n")
    (tmp_path / "dnc.txt").write_text("02438251234\n")
    assert run("dnc", "import", "--scope", "all", str(tmp_path / "dnc.txt")).exit_code == 0
    r = run("scrub", "--advertiser", advertiser, "--channel", "sms", str(f))
    # a valid number that cannot receive SMS, not an invalid one
    assert lines(r.stdout) == [
        {"number": "02438251234", "allowed": False, "reasons": ["not_mobile"]},
        {"number": "abc", "allowed": False, "reasons": ["invalid_number"]}]
