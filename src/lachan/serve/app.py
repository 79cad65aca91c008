"""The FastAPI application: ``create_app(database_url=None, ...)``."""

from __future__ import annotations

import importlib
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

import lachan
from lachan.registry import audit, keys
from lachan.registry.privacy import Vault, load_master_secret
from lachan.registry.settings import CentreSettings
from lachan.serve import errors
from lachan.serve.api import ROUTERS
from lachan.serve.auth import RoleCheck
from lachan.serve.deps import AddressLimiter
from lachan.serve.limits import DEFAULT_MAX_BODY, BodyLimitMiddleware
from lachan.serve.paths import ControlCharsInPathMiddleware
from lachan.store.session import Database


@dataclass(frozen=True, slots=True)
class RouteInfo:
    path: str
    methods: frozenset[str]
    route: APIRoute
    include_in_schema: bool


def api_routes(app: FastAPI) -> list[RouteInfo]:
    """Every API route of ``app`` with its effective path (works with FastAPI's lazily
    included routers as well as with plain route lists)."""
    out: list[RouteInfo] = []
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:  # older FastAPI: included routes are plain APIRoutes
        for r in app.routes:
            if isinstance(r, APIRoute):
                out.append(RouteInfo(r.path, frozenset(r.methods), r, r.include_in_schema))
        return out
    for ctx in iter_route_contexts(app.routes):
        original = ctx.original_route
        if isinstance(original, APIRoute):
            path = ctx.path_format or original.path_format
            methods = frozenset(ctx.methods or original.methods)
            out.append(RouteInfo(path, methods, original, original.include_in_schema))
    return out


def route_roles(route: APIRoute) -> frozenset[str] | None:
    """The roles a route admits (from its ``require_roles`` dependency), or None."""
    for dep in route.dependant.dependencies:
        if isinstance(dep.call, RoleCheck):
            return dep.call.roles
        for sub in dep.dependencies:
            if isinstance(sub.call, RoleCheck):
                return sub.call.roles
    return None


def _workers() -> int:
    """How many worker processes share the address limit (``LACHAN_WORKERS``, set by
    ``lachan serve``; 1 when unset or unreadable)."""
    try:
        return max(1, int(os.environ.get("LACHAN_WORKERS", "1")))
    except ValueError:
        return 1


def create_app(
    database_url: str | None = None,
    *,
    migrate: bool = False,
    secret_key: bytes | None = None,
    settings: CentreSettings | None = None,
    max_body: int = DEFAULT_MAX_BODY,
) -> FastAPI:
    """Build the service on ``database_url`` (default: ``LACHAN_DATABASE_URL`` or SQLite
    under ``LACHAN_HOME``). ``migrate=True`` applies migrations first."""
    db = Database(database_url)
    if migrate:
        from lachan.store.migrate import upgrade

        upgrade(db.url, master_secret=secret_key)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        db.dispose()

    app = FastAPI(
        lifespan=lifespan,
        title="Lachan complaint centre",
        version=lachan.__version__,
        description="Complaints, spam-source registry, Do-Not-Call register, feeds.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.db = db
    app.state.key_cache = keys.KeyCache(db.read)  # see lachan.serve.auth
    app.state.vault = Vault(secret_key if secret_key is not None else load_master_secret())
    for factory in (db.sessions, db.read_sessions):  # the audit seal uses this app's key
        factory.configure(info={audit.SEAL_KEY_INFO: app.state.vault.audit_seal_key})
    app.state.settings = settings if settings is not None else CentreSettings.load()
    app.state.address_limiter = AddressLimiter(_workers())
    errors.install(app)

    body_limits: dict[str, int] = {}
    body_hints: dict[str, str] = {}
    for dotted in ROUTERS:
        module = importlib.import_module(dotted)
        app.include_router(module.router)
        body_limits.update(getattr(module, "BODY_LIMITS", {}))
        body_hints.update(getattr(module, "BODY_LIMIT_HINTS", {}))
    app.add_middleware(BodyLimitMiddleware, limits=body_limits, default=max_body,
                       hints=body_hints)
    app.add_middleware(ControlCharsInPathMiddleware)

    def custom_openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        for info in api_routes(app):
            if info.include_in_schema:
                roles = route_roles(info.route)
                for method in info.methods:
                    op = schema["paths"].get(info.path, {}).get(method.lower())
                    if op is not None and roles is not None:
                        op["x-roles"] = sorted(roles)
        app.openapi_schema = schema
        return schema

    app.openapi = custom_openapi  # type: ignore[method-assign]

    return app
