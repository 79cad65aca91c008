"""Complaints: JSON (single and batch), forwarded e-mail, and reading them back."""

from __future__ import annotations

from typing import Any, Literal

import orjson
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from lachan.domain import MAX_TEXT_CHARS
from lachan.ingest import complaint_json as cj
from lachan.ingest.complaint_json import Complaint as ComplaintIn
from lachan.ingest.complaint_json import ComplaintBatch as BatchIn
from lachan.registry import complaints as reg
from lachan.registry.complaints import ComplaintInput, EvidenceFile
from lachan.registry.keys import Caller
from lachan.serve.auth import require_roles
from lachan.serve.deps import db_of, limit_public, settings_of, vault_of, write

router = APIRouter(prefix="/v1/complaints", tags=["complaints"])

MAX_EMAIL_BYTES = 2 * 1024 * 1024
#: Largest row id (32-bit INTEGER on PostgreSQL).
MAX_ID = 2**31 - 1
#: JSON with base64 evidence (5 MB -> ~6.7 MB) and batches need more than the default.
BODY_LIMITS = {
    "/v1/complaints": cj.MAX_COMPLAINT_JSON_BYTES,
    "/v1/complaints/batch": cj.MAX_BATCH_JSON_BYTES,
    "/v1/complaints/email": MAX_EMAIL_BYTES,
}

SUBMIT = require_roles("gateway", "operator", "public")
BATCH = require_roles("gateway", "operator")
READ = require_roles("analyst")


def _to_input(c: ComplaintIn, via: str) -> ComplaintInput:
    return ComplaintInput(
        reporter=c.reporter,
        channel=c.channel,
        content=c.content,
        source=c.source,
        reported_at=c.time,
        via=via,
        evidence=[EvidenceFile(e.filename, e.data) for e in c.evidence],
    )


def _precheck(item: ComplaintInput) -> None:
    reg.validate(item)
    reg.resolve_source(item.source_kind, item.source)
    reg.check_evidence(item.evidence)


@router.post("", status_code=201)
def submit_complaint(
    body: ComplaintIn, request: Request, caller: Caller = Depends(SUBMIT)
) -> dict[str, Any]:
    """Report spam or a scam: analysed by the engine, its entities linked to sources.
    The same reporter, source and content within the dedupe window is folded into one."""
    limit_public(request, caller)
    item = _to_input(body, "web" if caller.role == "public" else "api")
    _precheck(item)
    result = write(
        request,
        lambda session: reg.submit(
            session, vault_of(request), item, settings=settings_of(request), actor=caller.actor
        ),
    )
    if result.status == "rate_limited":
        raise HTTPException(429, "this reporter has sent too many complaints; try again later")
    return result.to_dict()


@router.post(
    "/batch", response_class=Response, responses={200: {"content": {"application/json": {}}}}
)
def submit_batch(body: BatchIn, request: Request, caller: Caller = Depends(BATCH)) -> Response:
    """Many complaints in one transaction (for gateways that buffer). Each item gets its
    own result or error; valid items are kept even when others are not."""
    results: list[dict[str, Any] | None] = [None] * len(body.complaints)
    good: list[tuple[int, ComplaintInput]] = []
    for i, c in enumerate(body.complaints):
        try:
            item = _to_input(c, "batch")
            _precheck(item)
            good.append((i, item))
        except ValueError as exc:
            results[i] = {"index": i, "status": "error", "error": str(exc)[:500]}
    if good:
        done = write(
            request,
            lambda session: reg.submit_many(
                session,
                vault_of(request),
                [g[1] for g in good],
                settings=settings_of(request),
                actor=caller.actor,
            ),
        )
        for (i, _), r in zip(good, done, strict=True):
            results[i] = {"index": i, **r.to_dict()}
    counts: dict[str, int] = {}
    for r in results:
        assert r is not None
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    # orjson directly: FastAPI's generic encoder is slow on a thousand nested results.
    return Response(
        orjson.dumps({"results": results, "counts": counts}), media_type="application/json"
    )


@router.post(
    "/email",
    status_code=201,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"message/rfc822": {"schema": {"type": "string", "format": "binary"}}},
        }
    },
)
async def submit_email(
    request: Request,
    reporter: str | None = Query(
        None,
        max_length=320,
        description="Forwarder's address (default: the From of the forwarding message)",
    ),
    caller: Caller = Depends(BATCH),
) -> dict[str, Any]:
    """A forwarded spam e-mail (raw RFC 822, possibly with the original attached as
    message/rfc822): original From, Reply-To, Return-Path, first external Received IP,
    URLs and body are taken and linked."""
    from lachan.ingest.eml import parse_forwarded

    raw = await request.body()
    if not raw:
        raise HTTPException(400, "empty body; send the raw e-mail (message/rfc822)")
    if len(raw) > MAX_EMAIL_BYTES:
        raise HTTPException(413, f"e-mail over {MAX_EMAIL_BYTES} bytes")
    mail = await run_in_threadpool(parse_forwarded, raw, MAX_EMAIL_BYTES)
    who = reporter or mail.forwarded_by
    if not who:
        raise HTTPException(422, "reporter unknown: pass ?reporter= or forward with a From")
    linked: list[tuple[str, str, str]] = []
    for addr in (*mail.reply_to, mail.return_path):
        if addr:
            linked.append(("email", addr, "sender"))
    if mail.received_ip:
        linked.append(("ip", mail.received_ip, "sender"))
    for url in mail.urls[:50]:
        linked.append(("url", url, "content"))
    content = "\n".join(x for x in (mail.subject or "", mail.text) if x)[:MAX_TEXT_CHARS]
    item = ComplaintInput(
        reporter=who,
        channel="email",
        content=content,
        source=mail.from_addr,
        source_kind="email" if mail.from_addr else None,
        reported_at=mail.date,
        via="email",
        linked=linked,
        meta={
            "subject": mail.subject,
            "from_name": mail.from_name,
            "message_id": mail.message_id,
            "received_ip": mail.received_ip,
            "mode": mail.mode,
            "defects": list(mail.defects)[:20],
            "attachments": [
                {"filename": a.filename, "content_type": a.content_type, "size": a.size}
                for a in mail.attachments[:20]
            ],
        },
    )

    def work() -> dict[str, Any]:
        try:
            _precheck(item)
        except ValueError:
            item.source, item.source_kind = None, None  # keep the complaint, drop a bad From
        return write(
            request,
            lambda session: reg.submit(
                session, vault_of(request), item, settings=settings_of(request), actor=caller.actor
            ).to_dict(),
        )

    result = await run_in_threadpool(work)
    if result["status"] == "rate_limited":
        raise HTTPException(429, "this reporter has sent too many complaints; try again later")
    return result


@router.get("")
def list_complaints(
    request: Request,
    before: int | None = Query(None, ge=1, le=MAX_ID, description="Cursor from the last page"),
    limit: int = Query(50, ge=1, le=500),
    channel: Literal["sms", "call", "email", "ott", "web"] | None = None,
    category: Literal["ham", "ad", "scam"] | None = None,
    source_kind: Literal["phone", "email", "domain", "url", "ip", "brandname"] | None = None,
    source: str | None = Query(None, max_length=2048),
    _caller: Caller = Depends(READ),
) -> dict[str, Any]:
    """Newest complaints first, for triage (summaries: no content, no reporter)."""
    wanted = reg.resolve_source(source_kind, source) if source else None
    with db_of(request).read() as session:
        items, nxt = reg.listing(
            session, before=before, limit=limit, channel=channel, category=category, source=wanted
        )
    return {"items": items, "next_before": nxt}


@router.get("/{ref}")
def get_complaint(ref: str, request: Request, _caller: Caller = Depends(READ)) -> dict[str, Any]:
    """One complaint, decrypted for an analyst (the reporter only as a pseudonym)."""
    if len(ref) > 24:
        raise HTTPException(404, "no such complaint")
    with db_of(request).read() as session:
        found = reg.get(session, vault_of(request), ref)
    if found is None:
        raise HTTPException(404, "no such complaint")
    return found


@router.get(
    "/{ref}/evidence/{evidence_id}",
    response_class=Response,
    responses={200: {"content": {"application/octet-stream": {}}}},
)
def get_evidence(
    ref: str,
    request: Request,
    evidence_id: int = Path(..., ge=1, le=MAX_ID),
    _caller: Caller = Depends(READ),
) -> Response:
    """One evidence file of a complaint, decrypted (analysts only)."""
    if len(ref) > 24:
        raise HTTPException(404, "no such evidence")
    with db_of(request).read() as session:
        found = reg.evidence_file(session, vault_of(request), ref, evidence_id)
    if found is None:
        raise HTTPException(404, "no such evidence")
    filename, media_type, data = found
    safe = "".join(c for c in filename if c.isascii() and (c.isalnum() or c in "._-"))[:100]
    return Response(
        data,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{safe or "evidence"}"'},
    )
