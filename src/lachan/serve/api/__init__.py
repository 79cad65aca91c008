"""Routers of the service, by dotted module path; each module exposes ``router``.

Areas append their own line. A module may also expose ``BODY_LIMITS`` (see
:mod:`lachan.serve.limits`).
"""

ROUTERS: tuple[str, ...] = (
    "lachan.serve.api.meta",
    "lachan.serve.api.admin",
    "lachan.serve.api.gateway",
    "lachan.serve.api.complaints",
    "lachan.serve.api.dnc",
    "lachan.serve.api.sources",
    "lachan.serve.api.stats",
    "lachan.serve.api.feeds",
    "lachan.serve.api.advertising",
    "lachan.serve.api.official",
)
