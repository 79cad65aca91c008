"""Shared test configuration."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lachan.serve.testing import key_clock  # noqa: F401 (a fixture: the key cache's clock)

DATA_DIR = Path(
    os.environ.get("LACHAN_DATA", Path(__file__).resolve().parents[1] / ".." / "shared" / "data")
)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real datasets beside the project; tests using them skip when absent."""
    if not DATA_DIR.is_dir():
        pytest.skip(f"shared datasets not found at {DATA_DIR} (set LACHAN_DATA)")
    return DATA_DIR


@pytest.fixture(scope="session", autouse=True)
def _isolated_lachan_home(tmp_path_factory: pytest.TempPathFactory):
    """No test writes into the project's ./.lachan: state goes to a temporary home."""
    old = os.environ.get("LACHAN_HOME")
    os.environ["LACHAN_HOME"] = str(tmp_path_factory.mktemp("lachan-home"))
    yield
    if old is None:
        os.environ.pop("LACHAN_HOME", None)
    else:
        os.environ["LACHAN_HOME"] = old
