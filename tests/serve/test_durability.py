"""Durability: complaints acknowledged by `lachan serve` survive a SIGKILL of the server."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

STARTUP_SECONDS = 60


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(env: dict[str, str], port: int, log: Path, workers: int = 1) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "lachan.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
         "--workers", str(workers)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=log.open("ab"),
        text=True,
    )


def _wait_healthy(proc: subprocess.Popen, base: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited with {proc.returncode}")
        try:
            if httpx.get(base + "/v1/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise AssertionError("server did not become healthy")


def test_acknowledged_complaints_survive_sigkill(db_url: str, tmp_path: Path) -> None:
    env = {**os.environ, "LACHAN_HOME": str(tmp_path / "home"), "LACHAN_DATABASE_URL": db_url}
    env.pop("LACHAN_SECRET_KEY", None)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "server.log"

    proc = _start(env, port, log)
    try:
        assert proc.stdout is not None
        admin_key = proc.stdout.readline().strip()  # printed once, on the first start
        assert admin_key.startswith("lck_"), log.read_text()[-2000:]
        _wait_healthy(proc, base)
        headers = {"Authorization": f"Bearer {admin_key}"}
        acknowledged: list[str] = []
        stop = threading.Event()

        def stream() -> None:
            with httpx.Client(base_url=base, headers=headers, timeout=5) as client:
                i = 0
                while not stop.is_set():
                    body = {
                        "reporter": f"09{i:08d}",
                        "channel": "sms",
                        "source": "0987654321",
                        "content": f"Vay tien nhanh lan {i}",
                    }
                    try:
                        resp = client.post("/v1/complaints", json=body)
                    except httpx.HTTPError:
                        return
                    if resp.status_code == 201:
                        acknowledged.append(resp.json()["ref"])
                    i += 1

        sender = threading.Thread(target=stream)
        sender.start()
        deadline = time.monotonic() + 30
        while len(acknowledged) < 40 and time.monotonic() < deadline:
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)  # mid-stream, no shutdown
        proc.wait(10)
        stop.set()
        sender.join(10)
        assert len(acknowledged) >= 40, log.read_text()[-2000:]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)

    proc = _start(env, port, log)
    try:
        _wait_healthy(proc, base)
        with httpx.Client(base_url=base, headers=headers, timeout=5) as client:
            missing = [
                r for r in acknowledged if client.get(f"/v1/complaints/{r}").status_code != 200
            ]
            content = client.get(f"/v1/complaints/{acknowledged[0]}").json()["content"]
        assert not missing, f"{len(missing)} acknowledged complaints lost: {missing[:5]}"
        assert content == "Vay tien nhanh lan 0"  # the key file was reused: still decrypts
        key_file = tmp_path / "home" / "secret.key"
        assert key_file.stat().st_mode & 0o777 == 0o600
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_workers_end_with_a_killed_master_and_free_the_port(db_url: str, tmp_path: Path) -> None:
    env = {**os.environ, "LACHAN_HOME": str(tmp_path / "home"), "LACHAN_DATABASE_URL": db_url}
    env.pop("LACHAN_SECRET_KEY", None)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "server.log"
    proc = _start(env, port, log, workers=2)
    try:
        _wait_healthy(proc, base)
        os.kill(proc.pid, signal.SIGKILL)  # the master only: its workers must not linger
        proc.wait(10)
        deadline = time.monotonic() + STARTUP_SECONDS
        answering = True
        while answering and time.monotonic() < deadline:
            try:
                httpx.get(base + "/v1/health", timeout=1)
                time.sleep(0.2)
            except httpx.HTTPError:
                answering = False
        assert not answering, "workers still answer after their master was killed"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
