"""Routers of the service, by dotted module path; each module exposes ``router``.

Areas append their own line. A module may also expose ``BODY_LIMITS`` (see
:mod:`lachan.serve.limits`).
"""

ROUTERS: tuple[str, ...] = (
    "lachan.serve.api.meta",
    "lachan.serve.api.admin",
)
