import json

import pytest
from typer.testing import CliRunner

from lachan.cli import app

runner = CliRunner()
SCAM = ("Tai khoan cua ban se bi khoa trong 24h, vui long xac minh tai https://vcb-xacminh.top "
        "va cung cap ma OTP")


def lines(output: str) -> list[dict]:
    return [json.loads(x) for x in output.splitlines() if x.strip()]


def test_classify_reads_json_lines_and_keeps_going_after_bad_lines():
    stdin = "\n".join([
        json.dumps({"id": "a", "text": SCAM}),
        "{not json",
        json.dumps({"id": 7, "text": "Toi nay an pho nhe", "channel": "ott"}),
        json.dumps({"id": "b", "text": 12}),
        json.dumps({"id": "c", "text": "hi", "channel": "pigeon"}),
        "",
        json.dumps(["a list"]),
    ]) + "\n"
    result = runner.invoke(app, ["classify"], input=stdin)
    assert result.exit_code == 1
    out = lines(result.stdout)
    assert [o.get("id") for o in out] == ["a", None, 7, "b", "c", None]
    assert out[0]["label"] == "scam" and out[0]["symbols"]
    assert out[2]["label"] == "ham"
    assert out[1]["line"] == 2 and "JSON" in out[1]["error"]
    assert out[3]["line"] == 4 and "text" in out[3]["error"]
    assert out[4]["line"] == 5 and "channel" in out[4]["error"]
    assert out[5]["line"] == 7


def test_classify_echoes_any_scalar_id_and_reads_channel_in_any_case():
    stdin = json.dumps({"id": 1.5, "text": "Mai gap nhe", "channel": "SMS"}) + "\n"
    result = runner.invoke(app, ["classify"], input=stdin)
    assert result.exit_code == 0, result.output
    assert lines(result.stdout)[0]["id"] == 1.5


def test_classify_from_a_file_exits_zero_when_all_lines_pass(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text("".join(json.dumps({"id": i, "text": t}) + "\n"
                         for i, t in enumerate([SCAM, "Mai gap nhe"])), encoding="utf-8")
    result = runner.invoke(app, ["classify", str(f)])
    assert result.exit_code == 0, result.output
    out = lines(result.stdout)
    assert [o["id"] for o in out] == [0, 1]
    assert {o["label"] for o in out} <= {"ham", "ad", "scam"}


def test_each_line_is_its_id_and_the_verdict_even_for_a_repeated_text():
    import lachan

    texts = [SCAM, "Mai gap nhe", SCAM, SCAM, "Mai gap nhe"]
    ids = ["x", 2, None, True, "y\"z"]
    stdin = "".join(json.dumps({"id": i, "text": t}) + "\n"
                    for i, t in zip(ids, texts, strict=True))
    for flags, with_entities in (([], False), (["--entities"], True)):
        result = runner.invoke(app, ["classify", *flags], input=stdin)
        assert result.exit_code == 0, result.output
        want = [{"id": i, **lachan.analyse(t).to_dict(with_entities=with_entities)}
                for i, t in zip(ids, texts, strict=True)]
        assert lines(result.stdout) == want


def test_check_prints_label_and_reasons():
    result = runner.invoke(app, ["check", SCAM])
    assert result.exit_code == 0
    assert "SCAM" in result.stdout
    assert "ACCOUNT_LOCK_THREAT" in result.stdout


def test_check_json_has_entities_and_symbols():
    result = runner.invoke(app, ["check", SCAM, "--json"])
    d = json.loads(result.stdout)
    assert d["label"] == "scam"
    assert any(s["name"] == "CONTENT_MODEL" for s in d["symbols"])
    assert "entities" in d


@pytest.mark.parametrize("text", ["", "  \n "])
def test_check_refuses_an_empty_message(text):
    result = runner.invoke(app, ["check", text])
    assert result.exit_code == 2
    assert "empty" in result.stderr


def test_check_reads_the_message_from_stdin_with_a_dash():
    result = runner.invoke(app, ["check", "--json", "-"], input=SCAM + "\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == json.loads(
        runner.invoke(app, ["check", "--json", SCAM]).stdout)


def test_check_takes_a_message_starting_with_a_dash_after_double_dash():
    result = runner.invoke(app, ["check", "--", "-50% toan bo cua hang, soan DK gui 9029"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("AD ")  # the verdict's line, not a symbol's name


def test_check_rejects_unknown_channel():
    result = runner.invoke(app, ["check", "hello", "--channel", "fax"])
    assert result.exit_code == 2


def test_evaluate_prints_figures(tmp_path):
    f = tmp_path / "set.tsv"
    f.write_text("label\ttext\nscam\t" + SCAM + "\nham\tToi nay an pho nhe\n"
                 "not_scam\tMa OTP cua ban la 123456\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(f)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["n"] == 3
    assert figures["classes"]["scam"]["recall"] == 1.0


def test_evaluate_names_a_missing_column(tmp_path):
    f = tmp_path / "bad.tsv"
    f.write_text("category\tbody\nham\thello\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(f)])
    assert result.exit_code == 2
    assert "label" in result.output


def test_check_prints_control_characters_of_a_message_escaped() -> None:
    result = runner.invoke(app, ["check", "xem http://vcb-xacminh.top/a\x1b[2J\x1b]0;pwn ngay"])
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout
    assert "\\x1b[2J" in result.stdout


def test_check_takes_arguments_that_were_not_utf8_and_any_channel_case() -> None:
    result = runner.invoke(app, ["check", "--json", "xem bit.ly/ab\udcffc ngay"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["label"] in {"ham", "ad", "scam"}
    assert runner.invoke(app, ["check", "--channel", "SMS", "Mai gap nhe"]).exit_code == 0


def test_classify_reads_a_file_that_starts_with_a_byte_order_mark() -> None:
    result = runner.invoke(app, ["classify"], input=b'\xef\xbb\xbf{"id": 1, "text": "hi"}\n')
    assert result.exit_code == 0
    assert lines(result.stdout)[0]["id"] == 1


def test_a_full_disk_is_one_line_of_error_not_a_traceback() -> None:
    import os
    import subprocess
    import sys

    import pytest

    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as full:
        r = subprocess.run([sys.executable, "-c", "from lachan.cli import main; main()",
                            "check", "hi"], stdout=full, stderr=subprocess.PIPE, text=True)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr and "No space left" in r.stderr


def test_classify_takes_a_text_at_the_limit_however_its_json_is_escaped() -> None:
    from lachan.domain import MAX_TEXT_CHARS

    line = json.dumps({"id": 1, "text": "ờ" * (MAX_TEXT_CHARS - 10)})  # \u1edd each
    result = runner.invoke(app, ["classify"], input=line + "\n")
    assert result.exit_code == 0, result.output
    assert lines(result.stdout)[0]["id"] == 1


def test_evaluate_names_the_rows_it_cannot_trust(tmp_path):
    swallowed = tmp_path / "q.tsv"
    swallowed.write_text('label\ttext\nham\t"Anh oi\nscam\tXac minh tai vcb-xacminh.top\n'
                         "scam\tabc\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(swallowed)])
    said = " ".join(result.stderr.split())  # as Rich wraps it to the terminal
    assert result.exit_code == 2 and "line 2" in said and "stray" in said
    unknown = tmp_path / "u.tsv"
    unknown.write_text("\ufefflabel\ttext\nham\thi\nfoo\tx\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(unknown)])
    said = " ".join(result.stderr.split())
    assert result.exit_code == 2 and "line 3" in said and "foo" in said
    no_text = tmp_path / "n.tsv"
    no_text.write_text("label\ttext\nham\nscam\tx\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(no_text)])
    said = " ".join(result.stderr.split())
    assert result.exit_code == 2 and "line 2: no text column" in said
    huge = tmp_path / "h.tsv"
    huge.write_text("label\ttext\nham\t" + "a" * 100_001 + "\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(huge)])
    assert result.exit_code == 2 and "over the engine's limit" in " ".join(result.stderr.split())
    empty = tmp_path / "e.tsv"
    empty.write_text("label\ttext\n", encoding="utf-8")
    assert runner.invoke(app, ["evaluate", str(empty)]).exit_code == 2
    good = tmp_path / "g.tsv"
    good.write_text('\ufefflabel\ttext\nham\t"Mai gap\nnhe"\nSPAM\tWin cash now\n',
                    encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(good)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["n"] == 2


def _sms_dir(root, files: dict[str, bytes]):  # noqa: ANN001, ANN202
    (root / "sms").mkdir(parents=True)
    for name in ("vi_sms_2016", "vi_smishing_2025", "en_uci_sms"):
        (root / "sms" / f"{name}.tsv").write_bytes(files.get(name, b"label\ttext\n"))
    return root


def test_train_names_what_is_wrong_with_its_data_and_writes_nothing(tmp_path) -> None:  # noqa: ANN001
    cases = [
        ({"vi_sms_2016": b"label\ttext\nham\thi\nscam\tvcb khoa tk\n"},
         "row 3: label 'scam' is not one of ['ad', 'ham']"),
        ({"vi_sms_2016": b"foo\tbar\n1\t2\n"}, "needs 'label' and 'text' columns"),
        ({"vi_sms_2016": b"label\ttext\n\xff\xfe\x00binary\n"}, "not UTF-8 text"),
        ({"vi_sms_2016": b"label\ttext\nham\tchao ban\nad\tgiam gia 50%\n"},
         "too few messages to train on"),
    ]
    for i, (files, message) in enumerate(cases):
        data = _sms_dir(tmp_path / f"d{i}", files)
        out = tmp_path / f"out{i}"
        result = runner.invoke(app, ["train", "--data-dir", str(data), "--out-dir", str(out)])
        assert result.exit_code == 2, result.output
        assert message in " ".join(result.stderr.split())
        assert "Traceback" not in result.output and not out.exists()


def test_an_id_too_large_to_keep_exactly_is_refused_not_rounded() -> None:
    stdin = ('{"id":123456789012345678901234567890,"text":"hi"}\n'
             '{"id":"123456789012345678901234567890","text":"hi"}\n{"id":1.5,"text":"hi"}\n')
    result = runner.invoke(app, ["classify"], input=stdin)
    assert result.exit_code == 1
    out = lines(result.stdout)
    assert "send it as a string" in out[0]["error"] and out[0]["line"] == 1
    assert out[1]["id"] == "123456789012345678901234567890" and out[2]["id"] == 1.5


def test_classify_reads_stdin_for_a_dash_and_names_a_missing_file(tmp_path) -> None:  # noqa: ANN001
    result = runner.invoke(app, ["classify", "-"], input='{"id":1,"text":"hi"}\n')
    assert result.exit_code == 0 and lines(result.stdout)[0]["id"] == 1
    missing = runner.invoke(app, ["classify", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 2 and "no such file" in missing.stderr


def test_an_error_line_is_not_wrapped_at_the_terminals_width() -> None:
    # scripts grep stderr: the message stays on one line, even where its words run past
    # the 80 columns rich assumes off a terminal (a 74-character path: "no such file" came
    # out split over two lines)
    path = "/nonexistent-lachan-test/" + "d" * 38 + "/nope.jsonl"
    missing = runner.invoke(app, ["classify", path])
    assert missing.exit_code == 2
    assert any(path in line and "no such file" in line
               for line in missing.stderr.splitlines()), missing.stderr


def test_a_line_that_is_not_utf8_says_so() -> None:
    result = runner.invoke(app, ["classify"], input=b'{"text":"\xff\xfe abc"}\n{"text":"ok"}\n')
    out = lines(result.stdout)
    assert result.exit_code == 1 and out[0]["error"].startswith("not UTF-8 text")
    assert out[1]["label"] == "ham"
