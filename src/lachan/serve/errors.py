"""Every error is a JSON body ``{"error": code, "detail": message-or-list}``; a 429 always
carries ``Retry-After``."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from lachan.domain import InputTooLarge

log = logging.getLogger("lachan.serve")

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "validation",
    429: "rate_limited",
}


#: Seconds a 429 asks the client to wait when the limit that refused it named none: the
#: per-address limit of the public routes counts requests over one minute.
DEFAULT_RETRY_AFTER = 60


def error_response(status: int, detail: Any, headers: dict[str, str] | None = None) -> JSONResponse:
    """The JSON error body; every 429 carries ``Retry-After`` (seconds)."""
    body = {"error": _CODES.get(status, "error"), "detail": detail}
    if status == 429 and not any(k.lower() == "retry-after" for k in headers or {}):
        headers = {**(headers or {}), "Retry-After": str(DEFAULT_RETRY_AFTER)}
    return JSONResponse(body, status_code=status, headers=headers)


def _clean_errors(errors: Any) -> list[dict[str, Any]]:
    out = []
    for e in errors:
        item = {
            "loc": list(e.get("loc", ())),
            "msg": str(e.get("msg", "")),
            "type": e.get("type", ""),
        }
        out.append(item)
    return jsonable_encoder(out)


def _body_not_json(req: Request, errors: Any) -> bool:
    """The route wanted a JSON object and the body came with another declared type
    ("text/plain", a form): the type is wrong (415), not the fields (422)."""
    declared = req.headers.get("content-type", "").split(";")[0].strip().lower()
    if not declared or declared == "application/json" or declared.endswith("+json"):
        return False
    return any(tuple(e.get("loc", ()))[:1] == ("body",) for e in errors)


def install(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def _http(_req: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_response(exc.status_code, exc.detail, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation(req: Request, exc: RequestValidationError) -> JSONResponse:
        if _body_not_json(req, exc.errors()):
            return error_response(415, "send the body as JSON (Content-Type: application/json)")
        return error_response(422, _clean_errors(exc.errors()))

    @app.exception_handler(InputTooLarge)
    async def _too_large(_req: Request, exc: InputTooLarge) -> JSONResponse:
        return error_response(413, str(exc))

    @app.exception_handler(ValueError)
    async def _value(_req: Request, exc: ValueError) -> JSONResponse:
        # Registry and ingest errors (InvalidSource, ComplaintError, InvalidNumber,
        # DecisionError, IngestError...) are ValueErrors with readable messages.
        from lachan.ingest.errors import TooLarge

        if isinstance(exc, TooLarge | InputTooLarge):
            return error_response(413, str(exc))
        if isinstance(exc, UnicodeDecodeError):
            return error_response(400, f"input is not valid UTF-8 (byte {exc.start})")
        return error_response(422, str(exc)[:1000])

    @app.exception_handler(UnicodeDecodeError)
    async def _unicode(_req: Request, exc: UnicodeDecodeError) -> JSONResponse:
        return error_response(400, f"input is not valid UTF-8 (byte {exc.start})")

    @app.exception_handler(Exception)
    async def _internal(_req: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", exc_info=exc)
        return error_response(500, "internal error; the event was logged")
