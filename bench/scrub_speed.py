"""Scrub speed: a synthetic Do-Not-Call register of 50,000,000 numbers, persisted as .npy,
then loaded and used to scrub 1,000,000 numbers (text lines, mixed spellings).

The register holds pseudonyms (keyed HMAC-SHA256), and so does the index (their first 8
bytes): the synthetic register is 50,000,000 random 64-bit keys, among them the keys of
the listed half of the numbers scrubbed; scrubbing computes the HMAC of every number.

Goals (issue 4): load <= 5 s; scrub 1,000,000 numbers <= 2 s on one core once loaded.

    .venv/bin/python bench/scrub_speed.py [--register 50000000] [--numbers 1000000]

``--case consents`` measures instead what an advertiser's consents cost a scrub, through
the registry as the API and the CLI call it, on a SQLite database in a temporary
directory: an advertiser holding ``--consents`` consents (1% of them withdrawn, 1% of
their recipients having refused since), a register of 10,000 numbers; then a scrub of 10
numbers (``POST .../scrub``), of ``--numbers`` lines (``lachan scrub``), and the consent
view alone. The output's SHA-256 is printed, to compare runs. ``--refusals N`` records N
refusals instead of 1% of the consents (recipients of their own, none of them consented),
and ``--chunk N`` reads the list in chunks of N lines (``lachan scrub`` reads 100,000):
small chunks show what the scrub does once per chunk (how much the advertiser holds).

    .venv/bin/python bench/scrub_speed.py --case consents [--consents 100000] [--numbers 200000]
        [--refusals N] [--chunk 100000]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import tempfile
import time
from collections.abc import Callable

import numpy as np
import orjson

from lachan.registry.advertising_numbers import _valid_prefix3, normalise_numbers
from lachan.registry.advertising_scrub import CHUNK, ConsentView, scrub_jsonl
from lachan.registry.dnc_index import KEY_DTYPE, DncIndex, number_keys, sorted_unique
from lachan.registry.privacy import Vault


def synthetic_register(n: int, rng: np.random.Generator) -> np.ndarray:
    """``n`` distinct valid mobile numbers, sorted, without a sort: random gaps through
    the space of valid numbers (3-digit prefix table x 1,000,000)."""
    prefixes = np.flatnonzero(_valid_prefix3()).astype(np.int64)
    space = prefixes.size * 1_000_000
    if n > space // 2:
        raise SystemExit(f"register too large for the numbering plan ({space:,} numbers)")
    mean_gap = space / n
    gaps = rng.integers(1, max(2, int(2 * mean_gap)), n, dtype=np.int64)
    pos = np.cumsum(gaps) - 1
    pos = pos[pos < space]
    return prefixes[pos // 1_000_000] * 1_000_000 + pos % 1_000_000


def input_lines(register: np.ndarray, n: int, rng: np.random.Generator) -> list[bytes]:
    """``n`` lines: half of them numbers of ``register`` (national numbers), the others
    drawn at random, in four spellings, with 0.1% garbage."""
    prefixes = np.flatnonzero(_valid_prefix3()).astype(np.int64)
    listed = register[rng.integers(0, register.size, n // 2)]
    fresh = prefixes[rng.integers(0, prefixes.size, n - n // 2)] * 1_000_000 + rng.integers(
        0, 1_000_000, n - n // 2
    )
    nums = np.concatenate([listed, fresh])
    rng.shuffle(nums)
    forms = (b"0%d", b"84%d", b"+84 %d", b"0%d ")
    lines = [forms[i % 4] % int(v) for i, v in enumerate(nums)]
    for i in range(0, n, 1000):  # 0.1% garbage
        lines[i] = b"not-a-number"
    return lines


def _consent_numbers(n: int, rng: np.random.Generator) -> list[str]:
    """``n`` distinct mobile numbers (``091xxxxxxx``, ``098xxxxxxx``), in random order."""
    return [f"09{8 if v >= 10_000_000 else 1}{v % 10_000_000:07d}"
            for v in rng.permutation(20_000_000)[:n].tolist()]


def _best(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        work()
        times.append(time.perf_counter() - t)
    return min(times)


def consents_case(n_consents: int, n_numbers: int, directory: str | None,
                  n_refusals: int | None = None, chunk: int = CHUNK) -> None:
    """What an advertiser's consents cost a scrub (see the module's docstring)."""
    from lachan.registry import advertising as adv
    from lachan.registry.advertising_scrub import consent_view, import_dnc, scrub, scrub_lines
    from lachan.store.migrate import upgrade
    from lachan.store.session import Database

    rng = np.random.default_rng(91)
    with tempfile.TemporaryDirectory(dir=directory) as tmp:
        os.environ["LACHAN_HOME"] = tmp
        os.environ["LACHAN_SECRET_KEY"] = bytes(range(32)).hex()
        url = f"sqlite:///{tmp}/lachan.db"
        upgrade(url)
        db = Database(url)
        extra = 0 if n_refusals is None else n_refusals
        numbers = _consent_numbers(n_consents + 10_000 + extra, rng)
        consented, registered = numbers[:n_consents], numbers[n_consents : n_consents + 10_000]
        refusing = numbers[n_consents + 10_000 :]
        t = time.perf_counter()
        with db.transaction() as s:
            aid = adv.create_advertiser(s, "Bench", actor="bench").id
            import_dnc(s, registered + consented[: n_consents // 100], "all", actor="bench")
        for lo in range(0, n_consents, 20_000):
            with db.transaction() as s:
                adv.record_consents(s, aid, [
                    adv.ConsentInput(r, "sms", "online", "bench", None, None)
                    for r in consented[lo : lo + 20_000]], actor="bench")
        with db.transaction() as s:
            for r in consented[: n_consents // 100]:
                adv.withdraw_consent(s, aid, r, "sms", actor="bench")
            if n_refusals is None:
                refusing = consented[n_consents // 100 : n_consents // 50]
        for lo in range(0, len(refusing), 20_000):
            with db.transaction() as s:
                for r in refusing[lo : lo + 20_000]:
                    adv.record_refusal(s, aid, r, "TC", actor="bench")
        n_refused = len(refusing)
        print(f"{n_consents:,} consents and {n_refused:,} refusals recorded in "
              f"{time.perf_counter() - t:.1f} s")

        # the lists: half consented, a tenth on the register, the rest unknown (with
        # --refusals: a quarter of the unknown are refusals)
        others = _consent_numbers(n_numbers, rng)
        lines = [
            registered[i // 10 % len(registered)] if i % 10 == 0
            else consented[i // 2 % n_consents] if i % 2
            else refusing[i // 4 % len(refusing)] if n_refusals and i % 4 == 2
            else others[i]
            for i in range(n_numbers)
        ]
        small = lines[:10]
        with db.read() as s:
            view_s = _best(3, lambda: consent_view(s, aid, "sms"))
            small_s = _best(5, lambda: list(scrub(s, aid, "sms", [small])))
            t = time.perf_counter()
            digest = hashlib.sha256()
            allowed = 0
            chunks = (lines[i : i + chunk] for i in range(0, len(lines), chunk))
            for text, _n, ok in scrub_lines(s, aid, "sms", chunks):
                digest.update(text.encode())
                allowed += ok
            big_s = time.perf_counter() - t
            small_digest = hashlib.sha256(orjson.dumps(list(scrub(s, aid, "sms", [small]))))
        db.dispose()
    print(f"consent view of {n_consents:,} consents and {n_refused:,} refusals: {view_s:.3f} s "
          "(best of 3)")
    print(f"scrub of 10 numbers (POST .../scrub):   {small_s:.3f} s (best of 5); "
          f"sha256 {small_digest.hexdigest()[:16]}")
    print(f"scrub of {n_numbers:,} lines (lachan scrub, chunks of {chunk:,}): {big_s:.3f} s; "
          f"{allowed:,} allowed; sha256 {digest.hexdigest()[:16]}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--case", choices=("register", "consents"), default="register")
    ap.add_argument("--register", type=int, default=50_000_000)
    ap.add_argument("--numbers", type=int, default=1_000_000)
    ap.add_argument("--consents", type=int, default=100_000)
    ap.add_argument("--refusals", type=int, default=None,
                    help="refusals of their own (default: 1%% of the consents' recipients)")
    ap.add_argument("--chunk", type=int, default=CHUNK, help="lines per chunk of the list")
    ap.add_argument("--dir", default=None, help="where to write the index (default: a temp dir)")
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    if args.case == "consents":
        consents_case(args.consents, args.numbers, args.dir, args.refusals, args.chunk)
        return
    rng = np.random.default_rng(91)

    vault = Vault(bytes(range(32)))
    t = time.perf_counter()
    # the numbers of the lists to scrub that are on the register, keyed as the register
    # stores them; the rest of the register is random keys (what pseudonyms look like)
    listed_numbers = synthetic_register(args.numbers, rng)
    lines = input_lines(listed_numbers, args.numbers, rng)
    listed_keys, _ = number_keys(vault.dnc_digests, listed_numbers)
    others = np.frombuffer(rng.bytes(8 * (args.register - listed_keys.size)), dtype=KEY_DTYPE)
    reg = sorted_unique(np.concatenate([others, listed_keys]))
    del others
    scope = rng.integers(0, 10, reg.size, dtype=np.int8)  # 80% all, 10% sms, 10% call
    idx = DncIndex(
        {"all": reg[scope < 8], "sms": reg[scope == 8], "call": reg[scope == 9]},
        presorted=True,
    )
    del scope, reg
    print(f"built register of {len(idx):,} pseudonym keys in {time.perf_counter() - t:.1f} s")

    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        t = time.perf_counter()
        idx.save(tmp)
        print(
            f"persisted in {time.perf_counter() - t:.2f} s "
            f"({sum(a.nbytes for a in idx.arrays.values()) / 1e6:.0f} MB of .npy)"
        )
        del idx
        for name in os.listdir(tmp):  # drop the files from the page cache: a cold load
            fd = os.open(os.path.join(tmp, name), os.O_RDONLY)
            os.fsync(fd)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            os.close(fd)
        t = time.perf_counter()
        loaded = DncIndex.load(tmp).keyed(vault.dnc_digests)
        load_s = time.perf_counter() - t
        print(f"load (np.load, whole arrays, page cache dropped): {load_s:.3f} s   goal <= 5 s")
        t = time.perf_counter()
        DncIndex.load(tmp)
        print(f"load again (files in the page cache): {time.perf_counter() - t:.3f} s")
        t = time.perf_counter()
        mm = DncIndex.load(tmp, mmap=True).keyed(vault.dnc_digests)
        print(f"load (memory-mapped):            {time.perf_counter() - t:.3f} s")

        t = time.perf_counter()
        nsn = normalise_numbers(lines)
        parse_s = time.perf_counter() - t
        t = time.perf_counter()
        keys, valid = number_keys(vault.dnc_digests, nsn)
        key_s = time.perf_counter() - t
        t = time.perf_counter()
        blocked = (loaded.scope_codes(keys, valid) & 1) != 0
        member_s = time.perf_counter() - t
        print(f"parse {len(lines):,} lines:           {parse_s:.3f} s")
        print(f"pseudonym keys (HMAC-SHA256):    {key_s:.3f} s")
        print(f"DNC membership (sms):            {member_s:.3f} s")
        member_s += key_s
        print(f"scrub total (parse + keys + membership): {parse_s + member_s:.3f} s   goal <= 2 s")
        t = time.perf_counter()
        mm.blocked_numbers(nsn, "sms")
        print(f"keys + DNC membership on the memory-mapped index: {time.perf_counter() - t:.3f} s")
        print(f"invalid: {(nsn < 0).sum():,}; blocked for sms: {blocked.sum():,} of {len(lines):,}")

        # end to end as `lachan scrub` does it: decoded lines in chunks, DNC + consent +
        # refusal look-ups, JSON Lines rendered (consents: 100,000 numbers of the list)
        texts = [x.decode() for x in lines]
        given = np.unique(nsn[nsn > 0][:100_000])
        # the view holds the consents' pseudonyms: every number scrubbed is keyed once more
        consented = vault.ad_recipient_digests(b"0%09d" % n for n in given.tolist())
        view = ConsentView.of(dict.fromkeys(consented, 0), vault.ad_recipient_digests)
        t = time.perf_counter()
        size = 0
        for i in range(0, len(texts), CHUNK):
            out, _ = scrub_jsonl(texts[i : i + CHUNK], "sms", loaded, view)
            size += len(out)
        print(
            f"scrub to JSON Lines, end to end:  {time.perf_counter() - t:.3f} s "
            f"({size / 1e6:.0f} MB of output)"
        )


if __name__ == "__main__":
    main()
