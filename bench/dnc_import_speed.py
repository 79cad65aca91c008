"""Lines per second of ``lachan dnc import``, run as the command it is (a fresh process:
start-up, migrations and the final commit included), on SQLite and on PostgreSQL
(skipped when none answers at 127.0.0.1:5432, or ``LACHAN_TEST_PG_URL``).

Each line gives the wall-clock time and lines per second, and the CPU time of the
command's process (user + system; with PostgreSQL the server's work is not in it), which
moves less than the wall-clock time on a busy machine.

The file is N lines (default 1,000,000) of valid Vietnamese mobile numbers in four
spellings, about 5% of them repeats of earlier lines, with a header, blank lines and
comments. Each backend gets a new database and three imports of the same file:

- ``fresh``: into an empty register (every distinct number added);
- ``again``: the same file, the same scope (every number already present, unchanged);
- ``widen``: the same file with a wider scope (every number changed).

With ``--invalid K`` every K-th line is garbage instead: the import reads the whole file
and refuses it, naming the bad lines (one run, ``refused``).

    .venv/bin/python bench/dnc_import_speed.py [--lines 1000000] [--no-pg] [--invalid K]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from lachan.registry.advertising_numbers import _valid_prefix3


def write_list(path: Path, n: int, invalid_every: int = 0, seed: int = 91) -> None:
    """``n`` lines of mobile numbers (about 5% repeats), four spellings, plus a header,
    a comment and a few blank lines; with ``invalid_every``, that many lines are
    garbage."""
    rng = np.random.default_rng(seed)
    prefixes = np.flatnonzero(_valid_prefix3()).astype(np.int64)
    nums = prefixes[rng.integers(0, prefixes.size, n)] * 1_000_000 + rng.integers(0, 1_000_000, n)
    repeats = rng.random(n) < 0.05
    nums[repeats] = nums[rng.integers(0, n, int(repeats.sum()))]
    forms = ("0%d", "84%d", "+84 %d", "0%d ")
    with path.open("w") as fh:
        fh.write("phone\n# the register, one number a line\n")
        for i, v in enumerate(nums.tolist()):
            if invalid_every and i % invalid_every == invalid_every - 1:
                fh.write("not-a-number\n")
            else:
                fh.write(forms[i & 3] % v + "\n")
            if i % 100_000 == 99_999:
                fh.write("\n")


def import_once(env: dict[str, str], path: Path, scope: str) -> tuple[float, float, str, str]:
    """Wall-clock and CPU seconds of one ``lachan dnc import``, its stdout and stderr."""
    cmd = [
        sys.executable,
        "-c",
        "from lachan.cli import main; main()",
        "dnc",
        "import",
        "--scope",
        scope,
        str(path),
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu, proc.stdout.strip(), proc.stderr.strip()


def run(label: str, env: dict[str, str], path: Path, n: int, refused: bool) -> None:
    runs = (
        [("refused", "all")] if refused else [("fresh", "sms"), ("again", "sms"), ("widen", "all")]
    )
    for name, scope in runs:
        secs, cpu, out, errors = import_once(env, path, scope)
        said = [x for x in errors.splitlines() if x.startswith("error:")] or [""]
        shown = out or said[0]
        print(
            f"{label:10} {name:8} {n:>10,} lines {secs:8.2f} s {n / secs:>10,.0f} lines/s "
            f"(CPU of the command {cpu:6.2f} s)  "
            f"{shown[:100]}",
            flush=True,
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=1_000_000)
    ap.add_argument(
        "--invalid",
        type=int,
        default=0,
        metavar="K",
        help="every K-th line is garbage (the import is refused)",
    )
    ap.add_argument("--no-pg", action="store_true", help="SQLite only")
    ap.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="lachan-dnc-bench-") as tmp:
        path = Path(tmp) / "dnc.txt"
        t = time.perf_counter()
        write_list(path, args.lines, args.invalid)
        print(
            f"wrote {args.lines:,} lines ({path.stat().st_size / 1e6:.1f} MB) in "
            f"{time.perf_counter() - t:.1f} s",
            flush=True,
        )
        base = {**os.environ, "LACHAN_SECRET_KEY": "ab" * 32}
        src = str(Path(__file__).resolve().parents[1] / "src")
        base["PYTHONPATH"] = os.pathsep.join(p for p in (src, base.get("PYTHONPATH")) if p)
        refused = args.invalid > 0

        if not args.no_sqlite:
            home = Path(tmp) / "sqlite-home"
            env = {**base, "LACHAN_HOME": str(home)}
            env.pop("LACHAN_DATABASE_URL", None)
            run("sqlite", env, path, args.lines, refused)

        if args.no_pg:
            return
        from lachan.store.testing import pg_available, pg_create_database, pg_drop_database

        reason = pg_available()
        if reason:
            print(f"postgresql skipped: {reason}")
            return
        url = pg_create_database()
        try:
            env = {**base, "LACHAN_HOME": str(Path(tmp) / "pg-home"), "LACHAN_DATABASE_URL": url}
            run("postgresql", env, path, args.lines, refused)
        finally:
            pg_drop_database(url)


if __name__ == "__main__":
    main()
