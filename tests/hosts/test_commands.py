"""The link commands as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from lachan.cli import app

runner = CliRunner()


def test_check_url_readable_and_json() -> None:
    r = runner.invoke(app, ["check-url", "https://vietcombank-vn.top/dang-nhap"])
    assert r.exit_code == 0
    assert "PHISHING" in r.stdout and "imitates vietcombank" in r.stdout
    assert "HOST_BRAND_IN_LABEL" in r.stdout
    r = runner.invoke(app, ["check-url", "--json", "vietcombank.com.vn"])
    d = json.loads(r.stdout)
    assert d["label"] == "benign" and d["brand"] == "vietcombank"


def test_check_url_bad_input_is_an_error_not_a_traceback() -> None:
    r = runner.invoke(app, ["check-url", "x" * 10_000])
    assert r.exit_code == 2
    assert "too long" in r.output
    assert "Traceback" not in r.output


def test_classify_urls_stdin_keeps_going_and_fails_at_the_end() -> None:
    lines = [
        json.dumps({"url": "https://shopee-khuyenmai.vip/nhan-qua", "id": "a"}),
        json.dumps({"host": "hcmus.edu.vn", "id": 2}),
        "{broken json",
        json.dumps({"url": "bad\u0000host.com", "id": "c"}),
        json.dumps({"host": "a" * 300 + ".com"}),
        "",
        "vietcombank-vn.top",
    ]
    r = runner.invoke(app, ["classify-urls"], input="\n".join(lines) + "\n")
    assert r.exit_code == 1
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(rows) == 6  # the empty line is skipped
    assert rows[0]["id"] == "a" and rows[0]["label"] == "phishing" and rows[0]["brand"] == "shopee"
    assert set(rows[0]) >= {"id", "label", "score", "brand", "symbols"}
    assert rows[1]["id"] == 2 and rows[1]["label"] == "benign"
    assert rows[2]["line"] == 3 and "JSON" in rows[2]["error"]
    assert rows[3]["line"] == 4 and "control" in rows[3]["error"]
    assert rows[4]["line"] == 5 and "too long" in rows[4]["error"]
    assert rows[5]["label"] == "phishing"


def test_classify_urls_file_all_good_exits_zero(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(json.dumps({"host": h}) for h in ["shopee.vn", "hcmus.edu.vn"]))
    r = runner.invoke(app, ["classify-urls", str(f)])
    assert r.exit_code == 0
    assert [json.loads(x)["label"] for x in r.stdout.splitlines() if x.startswith("{")] == [
        "benign", "benign"
    ]


def test_classify_urls_oversized_line(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps({"url": "https://x.com/" + "a" * 20_000}) + "\nshopee.vn\n")
    r = runner.invoke(app, ["classify-urls", str(f)])
    assert r.exit_code == 1
    rows = [json.loads(x) for x in r.stdout.splitlines() if x.startswith("{")]
    assert rows[0]["line"] == 1 and "longer than" in rows[0]["error"]
    assert rows[1]["label"] == "benign"


def test_evaluate_urls_on_own_files(tmp_path: Path) -> None:
    p = tmp_path / "p.txt"
    p.write_text("vietcombank-vn.top\nshopee-khuyenmai.vip\n")
    legit = tmp_path / "l.txt"
    legit.write_text("vietcombank.com.vn\nhcmus.edu.vn\n")
    r = runner.invoke(app, ["evaluate-urls", "--phishing", str(p), "--legit", str(legit),
                            "--json"])
    assert r.exit_code == 0, r.output
    v = json.loads(r.stdout)["validation"]
    assert v["recall"] == 1.0 and v["fpr"] == 0.0 and v["phishing"] == 2


def test_check_url_with_the_registry(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from lachan.registry import sources
    from lachan.store.migrate import upgrade
    from lachan.store.session import Database

    url = f"sqlite:///{tmp_path / 'reg.db'}"
    monkeypatch.setenv("LACHAN_DATABASE_URL", url)
    r = runner.invoke(app, ["check-url", "--registry", "--json", "greenfield-garden.vn"])
    assert r.exit_code == 2 and "not migrated" in r.output
    assert not (tmp_path / "reg.db").exists()  # asking made no empty database
    upgrade(url)
    db = Database(url)
    with db.transaction() as session:
        src = sources.get_or_create(session, "domain", "greenfield-garden.vn", sources.utcnow())
        sources.set_state(session, src, "blocked", sources.utcnow())
        src.pinned = True  # a decision, not a decaying score
    db.dispose()
    plain = json.loads(runner.invoke(app, ["check-url", "--json", "greenfield-garden.vn"]).stdout)
    assert plain["label"] == "benign"
    r = runner.invoke(app, ["check-url", "--registry", "--json", "greenfield-garden.vn"])
    d = json.loads(r.stdout)
    assert d["label"] == "phishing" and "HOST_REPORTED" in {s["name"] for s in d["symbols"]}
    line = '{"host": "greenfield-garden.vn"}\n'
    r = runner.invoke(app, ["classify-urls", "--registry"], input=line)
    assert json.loads(r.stdout)["label"] == "phishing"


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.sampled_from(["id", "url", "host", "x"]), children, max_size=4),
    max_leaves=8,
)


@given(st.one_of(
    _json_values.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=40).map(lambda b: b"{" + b),
    st.builds(lambda pre, v, post: pre + json.dumps(v).encode() + post,
              st.sampled_from([b"", b" ", b"\xef\xbb\xbf"]), _json_values,
              st.sampled_from([b"", b"\n", b" \r\n", b"\x0c"])),
))
def test_fast_line_reader_agrees_with_parse_line(raw: bytes) -> None:
    from lachan.commands.urls import _fast_line, parse_line

    fast = _fast_line(raw)
    if fast is None:
        return
    assert parse_line(raw) == fast


def test_classify_urls_output_is_one_json_object_per_line_with_symbols(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    hosts = ["vietcombank-vn.top", "shopee.vn", "a.b.c.d.example.com"] * 3
    f.write_text("\n".join(json.dumps({"id": i, "url": h}) for i, h in enumerate(hosts)) + "\n")
    r = runner.invoke(app, ["classify-urls", str(f)])
    rows = [json.loads(x) for x in r.stdout.splitlines() if x.startswith("{")]
    assert [row["id"] for row in rows] == list(range(len(hosts)))
    assert rows[0]["label"] == "phishing" and rows[0]["brand"] == "vietcombank"
    assert rows[0]["symbols"][0]["name"] == "HOST_BRAND_IN_LABEL"
    assert rows[0] == rows[3] | {"id": 0}


def _near_halves() -> list[float]:
    import math

    out = []
    for k in range(0, 10001, 7):
        x = (k + 0.5) / 10000
        out += [x, math.nextafter(x, 0.0), math.nextafter(x, 1.0)]
    return out


def test_round4_is_round_to_four_places() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    from lachan.commands.urls import round4

    for x in [*_near_halves(), 0.0, -0.0, 1.0, 5e-324, 0.99995, 1.5, -0.3, float("inf")]:
        assert repr(round4(x)) == repr(round(x, 4))

    @given(st.floats(min_value=-0.5, max_value=1.5, allow_nan=False))
    def check(x: float) -> None:
        assert repr(round4(x)) == repr(round(x, 4))

    check()


def test_evaluate_urls_names_the_lines_it_leaves_out_and_fails(tmp_path: Path) -> None:
    p = tmp_path / "p.txt"
    p.write_text("vietcombank-vn.top\nnot a host\n" + "a" * 5000 + ".com\n")
    legit = tmp_path / "l.txt"
    legit.write_text("\ufeffvietcombank.com.vn\n")
    r = runner.invoke(app, ["evaluate-urls", "--phishing", str(p), "--legit", str(legit)])
    assert r.exit_code == 1
    assert "recall 1.0000" in r.stdout
    assert "p.txt:2" in r.stderr and "p.txt:3" in r.stderr
    empty = tmp_path / "e.txt"
    empty.write_text("# nothing\n")
    r = runner.invoke(app, ["evaluate-urls", "--phishing", str(empty), "--legit", str(legit)])
    assert r.exit_code == 2 and "no host" in r.stderr


def test_classify_urls_keeps_the_id_of_a_refused_line_and_reads_a_bom() -> None:
    stdin = ('\ufeff{"id": 1, "url": "vcb-xacminh.top"}\n{"id": 3}\n'
             '{"id": 4, "url": null, "host": "b.com"}\n')
    r = runner.invoke(app, ["classify-urls"], input=stdin.encode())
    out = [json.loads(x) for x in r.stdout.splitlines()]
    assert out[0]["id"] == 1 and out[0]["label"] == "phishing"
    assert out[1] == {"id": 3, "line": 2, "error": 'field "url" or "host" (a string) is required'}
    assert out[2]["id"] == 4 and out[2]["host"] == "b.com"
    assert r.exit_code == 1


def test_check_url_reads_what_a_browser_reads() -> None:
    r = runner.invoke(app, ["check-url", "--json", "\ufeffvcb-xacminh.top"])
    assert "HOST_IDN" not in r.stdout  # a byte-order mark is not an IDN
    r = runner.invoke(app, ["check-url", "--json", "https://vietcombank.com.vn:/"])
    assert r.exit_code == 0 and json.loads(r.stdout)["label"] == "benign"
    r = runner.invoke(app, ["check-url", "ab[red]c.com"])
    assert r.exit_code == 2 and "ab[red]c.com" in r.stderr  # not read as markup


def test_train_urls_refuses_too_few_hosts_without_a_traceback(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    (tmp_path / "domains").mkdir()
    (tmp_path / "domains" / "phishing_hosts.txt").write_text("vcb-xacminh.top\n")
    (tmp_path / "domains" / "legit_domains.txt").write_text("google.com\n")
    monkeypatch.setenv("LACHAN_DATA", str(tmp_path))
    result = runner.invoke(app, ["train-urls", "--out", str(tmp_path / "m"), "--card",
                                 str(tmp_path / "card.md")])
    assert result.exit_code == 2
    assert "too few hosts to train on" in " ".join(result.stderr.split())
    assert not (tmp_path / "m.npz").exists()


def test_classify_urls_refuses_an_id_it_would_round() -> None:
    result = runner.invoke(app, ["classify-urls"],
                           input='{"id":99999999999999999999999999999,"url":"a.com"}\n')
    assert result.exit_code == 1
    assert "send it as a string" in json.loads(result.stdout.splitlines()[0])["error"]
