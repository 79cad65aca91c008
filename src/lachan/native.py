"""Which build of the engine runs: the modules compiled by mypyc, or their Python sources.

``setup.py`` compiles the engine's hot modules into extension modules beside their
``.py`` files, and Python prefers an extension. This module, imported first by the
package, makes it import the ``.py`` files instead when

- ``LACHAN_PURE=1`` is set (to compare the two builds, or to debug), or
- the extensions are stale: a compiled module's source differs from the one compiled (a
  developer edited it; ``make`` rebuilds), the build did not finish, or the shared
  library they need is missing.

Both builds give the same verdicts (``tests/test_native.py`` checks); the compiled one
is faster. :data:`MODE` says which one runs: ``"compiled"``, ``"pure"`` or
``"pure (stale build)"``.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

#: the shared library of the compiled group (``setup.py``'s ``group_name``)
GROUP = "lachan_native__mypyc"
#: digests of the sources the build compiled (written by ``setup.py`` when it succeeds)
BUILD_STAMP = "native_build.json"
_PACKAGE_DIR = Path(__file__).resolve().parent


def has_extensions() -> bool:
    """True when any compiled module sits in the package (a build ran, or part of one)."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return any(p.name.endswith(suffixes) for p in _PACKAGE_DIR.rglob("*.*"))


def stale(package_dir: Path, group_found: bool) -> bool:
    """True when the compiled build cannot be trusted: the group's shared library (which
    every compiled module loads) is missing, the build left no stamp (it did not finish),
    or a compiled module's source differs from the one compiled (``native_build.json``,
    written by ``setup.py``, holds the digests of the sources it compiled)."""
    if not group_found:
        return True
    try:
        compiled = json.loads((package_dir / BUILD_STAMP).read_text("utf-8"))
    except (OSError, ValueError):
        return True
    for rel, digest in compiled.items():
        source = package_dir / rel
        try:
            if hashlib.sha256(source.read_bytes()).hexdigest() != digest:
                return True
        except OSError:
            continue  # an installation without that source: the extension is all there is
    return False


class SourcesFirst:
    """Meta-path finder that loads ``lachan`` modules from their ``.py`` even where an
    extension module of the same name sits beside it."""

    def find_spec(self, name: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if not name.startswith("lachan.") or path is None:
            return None
        leaf = name.rpartition(".")[2]
        for folder in path:
            source = Path(folder) / f"{leaf}.py"
            if source.is_file():
                return importlib.util.spec_from_file_location(name, source)
        return None  # a package or a module without source: the usual finders


def _choose() -> str:
    if not has_extensions():
        return "pure"
    if os.environ.get("LACHAN_PURE") == "1":
        mode = "pure"
    elif stale(_PACKAGE_DIR, importlib.util.find_spec(GROUP) is not None):
        mode = "pure (stale build)"
    else:
        return "compiled"
    if not any(isinstance(f, SourcesFirst) for f in sys.meta_path):
        sys.meta_path.insert(0, SourcesFirst())
    return mode


MODE = _choose()


def extension(name: str) -> Any:
    """The hand-written C module ``name`` (``setup.py``'s ``C_EXTENSIONS``) when the
    compiled build runs, else None: the pure build, and a stale one, run the Python code
    that module stands in for."""
    if MODE != "compiled":
        return None
    try:
        return importlib.import_module(name)
    except ImportError:
        return None
