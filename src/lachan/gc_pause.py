"""Pausing Python's cyclic garbage collector around batch work.

A batch (thousands of messages or ad copies) keeps a few hundred thousand small objects
alive at once; every few hundred allocations the collector walks them, and now and then
the whole heap of the process (model vocabulary, lexicons, tables), which measured more
than a third of the engine's own time. Almost all of those objects are freed by reference
counting when the batch ends, so the collector is paused for the batch and turned back on
afterwards: nested and concurrent batches share one pause, and the collector is turned back
on when the last one ends, and only if it was on before.

:func:`freeze_startup` moves what start-up loaded (models, lexicons) out of the
collector's sight for good; long-running commands call it once after loading.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """No automatic cyclic garbage collection inside the block (see the module text)."""
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()


def freeze_startup() -> None:
    """Collect once, then keep every object alive now out of later collections."""
    gc.collect()
    gc.freeze()
