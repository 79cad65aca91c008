"""Request body size limits, enforced before the body reaches a route.

The default limit is :data:`DEFAULT_MAX_BODY`; a router module may raise it for its own
paths by exposing ``BODY_LIMITS = {"/v1/path-prefix": bytes}`` (longest prefix wins), and
say in the 413 what fits with ``BODY_LIMIT_HINTS = {"/v1/path-prefix": "text"}``.
"""

from __future__ import annotations

from typing import Any

import orjson
from starlette.exceptions import HTTPException

DEFAULT_MAX_BODY = 1 << 20  # 1 MiB


class _TooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body over {limit} bytes")


def _size(n: int) -> str:
    """``n`` bytes as people read it: ``8388608 bytes (8 MiB)``."""
    return f"{n} bytes ({n / (1 << 20):g} MiB)" if n >= 1 << 20 else f"{n} bytes"


class BodyLimitMiddleware:
    def __init__(
        self,
        app: Any,
        limits: dict[str, int] | None = None,
        default: int = DEFAULT_MAX_BODY,
        hints: dict[str, str] | None = None,
    ) -> None:
        self.app = app
        self.default = default
        self.limits = sorted((limits or {}).items(), key=lambda kv: -len(kv[0]))
        self.hints = sorted((hints or {}).items(), key=lambda kv: -len(kv[0]))

    def limit_for(self, path: str) -> int:
        for prefix, limit in self.limits:
            if path.startswith(prefix):
                return limit
        return self.default

    def message_for(self, path: str, limit: int) -> str:
        """The 413 detail: the limit, and what fits under it where a route says."""
        hint = next((h for prefix, h in self.hints if path.startswith(prefix)), None)
        return f"request body over {_size(limit)}" + (f"; {hint}" if hint else "")

    async def _refuse(self, send: Any, limit: int, path: str = "") -> None:
        body = orjson.dumps({"error": "too_large", "detail": self.message_for(path, limit)})
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope.get("path", ""))
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared > limit:
                    await self._refuse(send, limit, scope.get("path", ""))
                    return
        seen = 0
        started = False

        async def limited_receive() -> Any:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _TooLarge(limit)
            return message

        async def tracking_send(message: Any) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                await self._refuse(send, limit, scope.get("path", ""))
