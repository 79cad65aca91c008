"""ASGI entry point for ``uvicorn lachan.serve.main:app`` (configured from the environment).

The analysis engine is loaded here, before the first request, and what start-up loaded is
then kept out of the garbage collector's sight (:func:`lachan.gc_pause.freeze_startup`).
"""

from __future__ import annotations

from lachan.detect.engine import default_engine
from lachan.gc_pause import freeze_startup
from lachan.serve.app import create_app

app = create_app()
default_engine().analyse_batch(["warm up http://example.vn 0912345678"])
freeze_startup()
