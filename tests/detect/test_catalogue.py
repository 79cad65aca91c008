"""The symbol catalogue lists every symbol the source can emit, and the docs match it."""

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from lachan.cli import app
from lachan.detect.catalogue import all_symbols, host_symbols, markdown, message_symbols

SRC = Path(__file__).resolve().parents[2] / "src" / "lachan"
_LITERAL = re.compile(r"""(?:Finding|Symbol)\(\s*"([A-Z][A-Z0-9_]+)\"""")


def test_every_symbol_named_in_the_source_is_in_the_catalogue():
    named = set()
    for path in SRC.rglob("*.py"):
        named.update(_LITERAL.findall(path.read_text(encoding="utf-8")))
    named |= {"SOURCE_BLOCKED", "SOURCE_LISTED", "SOURCE_SUSPECTED"}  # f"SOURCE_{state}"
    assert len(named) > 20  # the scan itself works
    listed = {s.name for s in all_symbols()}
    assert named - listed == set()


def test_names_are_unique_and_described():
    for rows in (message_symbols(), host_symbols()):
        names = [s.name for s in rows]
        assert len(names) == len(set(names))
        assert all(s.meaning and s.leans for s in rows)


def test_a_verdict_only_carries_catalogued_symbols():
    import lachan

    listed = {s.name for s in message_symbols()}
    v = lachan.analyse("Vietcombank: tai khoan se bi khoa, xac minh tai https://vcb-xacminh.top "
                       "hoac goi 0912345678", sender="0987654321")
    assert {s.name for s in v.symbols} <= listed


def test_docs_are_generated_from_the_catalogue():
    docs = Path(__file__).resolve().parents[2] / "docs" / "symbols.md"
    assert docs.read_text(encoding="utf-8") == markdown(), "regenerate docs/symbols.md"


def test_symbols_command_lists_them_as_json_lines():
    result = CliRunner().invoke(app, ["symbols", "--json"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    by_name = {r["name"]: r for r in rows}
    assert by_name["URL_BRAND_MISMATCH"]["leans"] == "scam"
    assert by_name["HOST_OFFICIAL"]["leans"] == "benign"
    assert len(rows) == len(all_symbols())
