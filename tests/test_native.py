"""The compiled engine (mypyc, setup.py) and its Python sources give the same answers."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from lachan import native

MESSAGES = [
    "Chieu nay con qua nha ba an com nhe",
    "Mã xác thực của bạn là 482913. Không chia sẻ mã này cho bất kỳ ai.",
    "[QC] Uu dai 50% goi cuoc data 4G, chi 90.000d/30 ngay. Soan DK V90 gui 9123. "
    "Tu choi QC soan TC gui 9123",
    "Vietcombank thong bao: tai khoan cua quy khach se bi khoa trong 24h. Vui long xac minh "
    "tai https://vcb-xacminh.top hoac goi 0912 345 678",
    "Buu cuc thong bao kien hang giao khong thanh cong, thanh toan phi 25k tai bit.ly/3xYz9",
    "Cong an quan 3 thong bao ban lien quan vu an rua tien, chuyen 50tr vao STK 0123456789012 "
    "Techcombank de xac minh.",
    "v i e t c o m b a n k: dang nhap hxxps://vcb[.]top/login ngay",
    "Ｖｉｅｔｃｏｍｂａｎｋ\u200b tb: nhan qua tai vietc0mbank-vn.com",
    "Dat nen du an Sun Riverside chi tu 25 trieu/m2, so do rieng, LH 0987.654.321",
    "ko bit dc k, mai di hok",
    "Meeting moved to 3pm, see you at the cafe.",
    "WINNER!! You have won a £1000 prize. Call 09061701461 to claim. T&C apply",
    "Email me at lan.nguyen@example.com or visit www.shopee.vn/khuyen-mai",
    "",
    "x" * 3000,
]


def _env(extra: dict[str, str]) -> dict[str, str]:
    """This environment without LACHAN_PURE, plus ``extra``."""
    return {k: v for k, v in os.environ.items() if k != "LACHAN_PURE"} | extra


def _classify(env_extra: dict[str, str]) -> list[dict]:
    lines = b"".join(orjson.dumps({"id": i, "text": t}) + b"\n" for i, t in enumerate(MESSAGES))
    env = _env(env_extra)
    lachan_cli = str(Path(sys.executable).with_name("lachan"))
    proc = subprocess.run([lachan_cli, "classify", "--entities"],
                          input=lines, capture_output=True, env=env, check=False, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    return [orjson.loads(x) for x in proc.stdout.splitlines()]


def _mode(env_extra: dict[str, str]) -> tuple[str, str]:
    """``(native.MODE, file of lachan.detect.features)`` in a fresh interpreter."""
    env = _env(env_extra)
    proc = subprocess.run(
        [sys.executable, "-c", "import lachan, lachan.detect.features as f;"
         "print(lachan.native.MODE, f.__file__)"],
        capture_output=True, env=env, check=True, text=True, timeout=60)
    mode, path = proc.stdout.strip().rsplit(" ", 1)
    return mode, path


def test_lachan_pure_imports_the_sources() -> None:
    mode, path = _mode({"LACHAN_PURE": "1"})
    assert mode == "pure"
    assert path.endswith("features.py")


def test_a_built_package_runs_compiled() -> None:
    if not native.has_extensions():
        pytest.skip("no compiled modules in this installation (LACHAN_PURE=1 at install, "
                    "or mypyc/a C compiler was missing): nothing to compare")
    mode, path = _mode({})
    assert mode == "compiled"
    assert not path.endswith(".py")


def test_compiled_and_pure_verdicts_are_identical() -> None:
    if not native.has_extensions():
        pytest.skip("no compiled modules in this installation: nothing to compare")
    compiled, pure = _classify({}), _classify({"LACHAN_PURE": "1"})
    assert len(compiled) == len(MESSAGES)
    assert compiled == pure
    assert {v["label"] for v in compiled} == {"ham", "ad", "scam"}


def test_a_source_that_differs_from_the_compiled_one_makes_the_build_stale(
        tmp_path: Path) -> None:
    (tmp_path / "detect").mkdir()
    source = tmp_path / "detect" / "features.py"
    source.write_text("X = 1\n")
    stamp = tmp_path / native.BUILD_STAMP
    stamp.write_text(json.dumps(
        {"detect/features.py": hashlib.sha256(b"X = 1\n").hexdigest()}))
    assert not native.stale(tmp_path, group_found=True)
    assert native.stale(tmp_path, group_found=False)  # the shared library is gone
    source.write_text("X = 2\n")  # edited after the build
    assert native.stale(tmp_path, group_found=True)
    stamp.unlink()  # a build that did not finish leaves no stamp
    source.write_text("X = 1\n")
    assert native.stale(tmp_path, group_found=True)
