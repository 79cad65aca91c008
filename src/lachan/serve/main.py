"""ASGI entry point for ``uvicorn lachan.serve.main:app`` (configured from the environment).

The analysis engine is loaded here, before the first request, and what start-up loaded is
then kept out of the garbage collector's sight (:func:`lachan.gc_pause.freeze_startup`).
A master secret that cannot be had (:class:`lachan.registry.privacy.SecretError`) ends the
process with that one line on stderr and status 1, not a traceback.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

from lachan.detect.engine import default_engine
from lachan.gc_pause import freeze_startup
from lachan.registry.privacy import SecretError
from lachan.serve.app import create_app

#: ``prctl`` option: the signal a process gets when the one that started it dies.
PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """With several workers (``lachan serve --workers N``), end this worker when the
    process that started it dies: a ``kill -9`` of the master left its workers answering on
    the port, and a restart then failed with "address already in use". Linux only; a
    single worker is the master itself."""
    try:
        workers = int(os.environ.get("LACHAN_WORKERS", "1"))
    except ValueError:
        return
    if workers < 2 or not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the master died before the call: nobody is left to wait for
        os.kill(os.getpid(), signal.SIGTERM)


_die_with_parent()
try:
    app = create_app()
except SecretError as exc:  # e.g. no key file, and the database cannot be checked: one line
    sys.exit(f"lachan: error: {exc}")
default_engine().analyse_batch(["warm up http://example.vn 0912345678"])
freeze_startup()
