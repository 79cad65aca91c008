"""Request paths checked before routing: a path with a control character (``%00``, a
newline) names no resource, and PostgreSQL refuses NUL in a text parameter, so such a
path is answered 400 here instead of reaching a route's database query."""

from __future__ import annotations

import re
from typing import Any

import orjson

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class ControlCharsInPathMiddleware:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and _CONTROL.search(scope.get("path", "")):
            body = orjson.dumps({"error": "bad_request",
                                 "detail": "the path contains control characters"})
            await send({"type": "http.response.start", "status": 400,
                        "headers": [(b"content-type", b"application/json"),
                                    (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, send)
