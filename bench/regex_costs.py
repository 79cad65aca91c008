"""Where the rules' regular expressions spend the engine's time: every compiled pattern of
the ``lachan`` package is wrapped with a timer, ``Engine.prepare`` runs over the distinct
texts of the SMS data, and the costliest patterns are printed (microseconds a message, calls,
microseconds a call). Then the alternations that Python's ``re`` cannot factor: most
branches start with ``\\b`` but not all, so every branch checks its own ``\\b`` at every
position (``_RETURNS_RE`` cost 160 us a call that way; 40 once mended).

    LACHAN_PURE=1 PYTHONPATH=src .venv/bin/python bench/regex_costs.py [--top 30]

Pure mode is needed: compiled modules call each other's patterns directly. Figures only;
no message is printed. Needs the SMS sets beside the project ($LACHAN_DATA).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import lachan
from lachan.detect.engine import default_engine
from lachan.model.datasets import SOURCES, data_dir, load_examples

try:  # Python 3.11+: the parser moved
    import re._constants as sre_constants
    import re._parser as sre_parse
except ImportError:  # pragma: no cover
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

_SECONDS: dict[str, float] = defaultdict(float)
_CALLS: dict[str, int] = defaultdict(int)


class TimedPattern:
    """A stand-in for a compiled pattern that adds up the time of its searches."""

    def __init__(self, name: str, pattern: re.Pattern[str]) -> None:
        self._name = name
        self._pattern = pattern

    def __getattr__(self, attr: str) -> Any:
        found = getattr(self._pattern, attr)
        if not callable(found):
            return found
        name = self._name

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            result = found(*args, **kwargs)
            if attr == "finditer":
                result = iter(list(result))
            _SECONDS[name] += time.perf_counter() - start
            _CALLS[name] += 1
            return result
        return timed


def _modules() -> list[Any]:
    found = []
    for info in pkgutil.walk_packages(lachan.__path__, "lachan."):
        try:
            found.append(importlib.import_module(info.name))
        except Exception:  # noqa: BLE001 - optional parts (server extras) may not import
            continue
    return found


def _patterns(modules: list[Any]) -> list[tuple[str, re.Pattern[str]]]:
    out: list[tuple[str, re.Pattern[str]]] = []
    seen: set[int] = set()
    for mod in modules:
        short = mod.__name__.removeprefix("lachan.")
        for attr, value in vars(mod).items():
            if isinstance(value, re.Pattern) and id(value) not in seen:
                seen.add(id(value))
                out.append((f"{short}.{attr}", value))
    return out


def wrap_all(modules: list[Any]) -> None:
    names = {id(p): n for n, p in _patterns(modules)}
    for mod in modules:
        for attr, value in list(vars(mod).items()):
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                setattr(mod, attr, TimedPattern(names[id(value)], value))


def unfactored(patterns: list[tuple[str, re.Pattern[str]]]) -> list[str]:
    """Alternations whose branches mostly, but not all, start with ``\\b``."""
    out = []
    for name, pattern in patterns:
        if not isinstance(pattern.pattern, str):
            continue
        data = sre_parse.parse(pattern.pattern, pattern.flags).data
        if not data or data[0][0] is not sre_constants.BRANCH:
            continue
        branches = data[0][1][1]
        starts = [b.data[0] if b.data else None for b in branches]
        bounded = sum(1 for s in starts if s is not None and s[0] is sre_constants.AT
                      and s[1] is sre_constants.AT_BOUNDARY)
        if 1 < bounded < len(branches):
            out.append(f"{name}: {bounded} of {len(branches)} branches start with \\b")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--top", type=int, default=30, help="patterns to list")
    args = ap.parse_args()
    modules = _modules()
    patterns = _patterns(modules)
    texts = list(dict.fromkeys(
        ex.text for ex in load_examples(data_dir(), SOURCES)))
    engine = default_engine()
    wrap_all(modules)
    prepare: Callable[[str], Any] = engine.prepare
    start = time.perf_counter()
    for text in texts:
        prepare(text)
    n = len(texts)
    total = (time.perf_counter() - start) / n * 1e6
    print(f"{n:,} distinct texts; prepare {total:.1f} us/message (pure mode, timers on), "
          f"of which regular expressions {sum(_SECONDS.values()) / n * 1e6:.1f}")
    for name, secs in sorted(_SECONDS.items(), key=lambda kv: -kv[1])[:args.top]:
        print(f"{name:<42} {secs / n * 1e6:7.2f} us/message {_CALLS[name]:7,} calls "
              f"{secs / _CALLS[name] * 1e6:8.1f} us/call")
    print("alternations with a leading \\b on some branches only:")
    for line in unfactored(patterns) or ["(none)"]:
        print("  " + line)


if __name__ == "__main__":
    main()
