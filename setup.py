"""Build step: compile the engine's hot modules to C with mypyc.

Everything else about the package is in ``pyproject.toml``. The modules named by
:func:`compiled_sources` (normalisation, entities, detectors, verdict) are compiled into
extension modules beside their sources; Python imports an extension before a ``.py`` of
the same name. The ``.py`` files stay the source of truth and the fallback:

- ``LACHAN_PURE=1`` at install time builds no extension;
- when mypyc or a C compiler is missing, or compiling fails, the install goes on
  without extensions and says so (the engine is then the same, only slower);
- at run time ``LACHAN_PURE=1``, or a source that differs from the one compiled
  (``native_build.json`` holds their digests), makes Python import the ``.py`` files
  (see ``lachan/native.py``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
PACKAGE = ROOT / "src" / "lachan"

#: The engine's packages and modules that are compiled (all their modules but
#: ``__init__`` and :data:`NOT_COMPILED`).
COMPILED_DIRS = ("text", "entities", "detect")
COMPILED_MODULES = ("domain.py", "rules.py")
#: Left as Python: subclasses of built-in types (mypyc cannot compile them) and the
#: training-time weight writer, which is off the hot path.
NOT_COMPILED = ("entities/spans.py", "detect/host_model.py")
#: Hand-written C beside the mypyc modules (``native.extension`` loads them): the
#: content model's scoring loops and its word tokens. The Python code they stand in for
#: (``char_ngrams``, ``content_model``, ``features.tokenize``) gives the same results.
C_EXTENSIONS = (("lachan.detect._scoring", "src/lachan/detect/_scoring.c"),
                ("lachan.detect._tokens", "src/lachan/detect/_tokens.c"))


def compiled_sources() -> list[str]:
    found = [f"src/lachan/{name}" for name in COMPILED_MODULES]
    for sub in COMPILED_DIRS:
        for path in sorted((PACKAGE / sub).glob("*.py")):
            rel = path.relative_to(PACKAGE).as_posix()
            if path.name != "__init__.py" and rel not in NOT_COMPILED:
                found.append(f"src/lachan/{rel}")
    return found


#: Written beside the compiled package once every extension is built: the SHA-256 of each
#: compiled module's source as it was compiled. ``lachan/native.py`` compares them with
#: the sources it finds; a difference means that module's extension is stale. Content,
#: not mtimes: a wheel's files are unpacked in any order.
BUILD_STAMP = "native_build.json"
_digests: dict[str, str] = {}


def source_digests(sources: list[str]) -> dict[str, str]:
    import hashlib

    return {
        Path(src).relative_to("src/lachan").as_posix():
            hashlib.sha256((ROOT / src).read_bytes()).hexdigest()
        for src in sources
    }


def _say(msg: str) -> None:
    print(f"lachan setup: {msg}", file=sys.stderr)


def extensions() -> list:
    if os.environ.get("LACHAN_PURE") == "1":
        _say("LACHAN_PURE=1: no compiled modules, the engine runs as plain Python")
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _say("mypyc is not installed: no compiled modules, the engine runs as plain Python")
        return []
    cwd = os.getcwd()
    os.chdir(ROOT)  # mypyc reads [tool.mypy] from pyproject.toml and names modules from paths
    try:
        sources = compiled_sources()
        c_sources = [src for _, src in C_EXTENSIONS]
        _digests.update(source_digests(sources + c_sources))  # before compiling
        return [*mypycify(sources, opt_level="3", group_name="lachan_native"),
                *(Extension(name, [src], extra_compile_args=["-O3"])
                  for name, src in C_EXTENSIONS)]
    except (Exception, SystemExit) as exc:  # mypyc exits on type errors: build pure
        _say(f"mypyc failed ({exc!r}): no compiled modules, the engine runs as plain Python")
        return []
    finally:
        os.chdir(cwd)


class OptionalBuildExt(build_ext):
    """Compiling is an optimisation: a failure leaves the pure-Python package working."""

    def run(self) -> None:
        self.failed = False
        package = PACKAGE if self.inplace else Path(self.build_lib) / "lachan"
        stamp = package / BUILD_STAMP
        stamp.unlink(missing_ok=True)  # no stamp, no compiled build: until all is built
        try:
            super().run()
        except Exception as exc:  # no compiler, missing headers ...
            _say(f"compiling failed ({exc}): the engine runs as plain Python")
            return
        if _digests and not self.failed:
            import json

            package.mkdir(parents=True, exist_ok=True)
            stamp.write_text(json.dumps(_digests, indent=1, sort_keys=True) + "\n", "utf-8")

    def build_extension(self, ext) -> None:  # noqa: ANN001
        try:
            super().build_extension(ext)
        except Exception as exc:
            self.failed = True
            _say(f"compiling {ext.name} failed ({exc}): it runs as plain Python")


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
