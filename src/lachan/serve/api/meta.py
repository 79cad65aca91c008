"""Health, version and the offline API documentation page."""

from __future__ import annotations

import html
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

import lachan
from lachan.serve.auth import PUBLIC

router = APIRouter(tags=["meta"])


@router.get("/v1/health", dependencies=[Depends(PUBLIC)])
async def health(request: Request) -> dict[str, Any]:
    """Liveness: the service answers and reaches its database."""
    from sqlalchemy import text

    with request.app.state.db.read() as session:
        session.execute(text("SELECT 1"))
    return {"status": "ok", "version": lachan.__version__, "database": request.app.state.db.dialect}


def _docs_html(spec: dict[str, Any]) -> str:
    rows = []
    for path, ops in sorted(spec.get("paths", {}).items()):
        for method, op in ops.items():
            roles = op.get("x-roles", [])
            rows.append(
                "<tr><td><code>{}</code></td><td><code>{}</code></td><td>{}</td><td>{}</td></tr>".format(
                    html.escape(method.upper()),
                    html.escape(path),
                    html.escape(op.get("summary", "")),
                    html.escape(", ".join(roles)),
                )
            )
    title = html.escape(spec.get("info", {}).get("title", "API"))
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title} – API</title>
<style>body{{font-family:sans-serif;margin:2em}}td,th{{padding:.3em .8em;text-align:left;
border-bottom:1px solid #ddd}}code{{font-size:.95em}}</style></head><body>
<h1>{title}</h1><p>Machine-readable specification: <a href="/openapi.json">/openapi.json</a>.
Send <code>Authorization: Bearer KEY</code>; the last column lists the roles admitted
(admin passes every check).</p>
<table><tr><th>method</th><th>path</th><th>summary</th><th>roles</th></tr>
{"".join(rows)}</table></body></html>"""


@router.get(
    "/docs", response_class=HTMLResponse, include_in_schema=False, dependencies=[Depends(PUBLIC)]
)
def docs(request: Request) -> HTMLResponse:
    """A self-contained page listing every operation (no CDN assets)."""
    return HTMLResponse(_docs_html(request.app.openapi()))
