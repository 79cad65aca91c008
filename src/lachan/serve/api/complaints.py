"""Complaints: JSON (single and batch), forwarded e-mail, and reading them back.

Whose word counts: a complaint sent without a key (the public web form) carries a
reporter that the sender typed and nobody checked. It is stored with
``reporter_verified`` false: it is analysed, linked and raises its sources' score (so a
source can become ``suspected`` for analysts to triage), but it never counts toward the
distinct reporters a source needs to be ``listed`` on the shared blocklist. Complaints
pushed with a key whose role vouches for its reporters (:data:`VOUCHING_ROLES`:
``gateway``, ``operator``, and ``admin``, which passes every check: the SMS gateway's
msisdn, an operator's batch, a forwarded e-mail) count. A key of any other role
(``analyst``, ``advertiser``) vouches for nobody: its complaints are taken as the public
route takes them, unverified and under the same per-address limit.

A complaint repeated by the key that filed it (same reporter verification, reporter,
source, channel and content in the dedupe window) is folded and answered 200
``duplicate`` (or ``upgraded``) with the earlier complaint's ``ref``. Anything else,
every keyless complaint included, is a complaint of its own (201 ``created``).
A 429 carries ``Retry-After``.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import quote

import orjson
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from lachan.domain import MAX_TEXT_CHARS
from lachan.ingest import complaint_json as cj
from lachan.ingest.complaint_json import Complaint as ComplaintIn
from lachan.ingest.complaint_json import ComplaintItems as BatchIn
from lachan.registry import complaints as reg
from lachan.registry.complaints import ComplaintInput, EvidenceFile
from lachan.registry.keys import Caller
from lachan.serve.auth import require_roles
from lachan.serve.deps import db_of, limit_address, settings_of, vault_of, write

if TYPE_CHECKING:
    from lachan.ingest.eml import ForwardedEmail

router = APIRouter(prefix="/v1/complaints", tags=["complaints"])

MAX_EMAIL_BYTES = 2 * 1024 * 1024
#: Largest row id (32-bit INTEGER on PostgreSQL).
MAX_ID = 2**31 - 1
#: JSON with base64 evidence (5 MB in all per complaint -> ~6.7 MB) and batches need more
#: than the default. The evidence allowance is the registry's: at most
#: ``reg.MAX_EVIDENCE_FILES`` files and ``reg.MAX_EVIDENCE_BYTES`` in all per complaint,
#: which the complaint route's limit fits with room for the rest of the JSON.
BODY_LIMITS = {
    "/v1/complaints": cj.MAX_COMPLAINT_JSON_BYTES,
    "/v1/complaints/batch": cj.MAX_BATCH_JSON_BYTES,
    "/v1/complaints/email": MAX_EMAIL_BYTES,
}
_ALLOWANCE = (f"a complaint carries at most {reg.MAX_EVIDENCE_FILES} evidence files and "
              f"{reg.MAX_EVIDENCE_BYTES // (1 << 20)} MB of evidence in all")
BODY_LIMIT_HINTS = {
    "/v1/complaints": _ALLOWANCE + " (about 6.7 MB as base64)",
    "/v1/complaints/batch": (
        f"{_ALLOWANCE}, and a batch {cj.MAX_BATCH_EVIDENCE_BYTES // (1 << 20)} MB in all; "
        "send fewer complaints per batch"),
    "/v1/complaints/email": "forward the e-mail without large attachments",
}

SUBMIT = require_roles("gateway", "operator", "public")
BATCH = require_roles("gateway", "operator")
READ = require_roles("analyst")
#: Roles whose keys vouch for the reporters of the complaints they push (admin passes
#: every role check, as on the batch, e-mail and gateway routes).
VOUCHING_ROLES: frozenset[str] = frozenset({"gateway", "operator", "admin"})
RATE_LIMITED = "this reporter has sent too many complaints; try again later"


def vouches(caller: Caller) -> bool:
    """Whether ``caller``'s key vouches for the reporters of its complaints."""
    return caller.role in VOUCHING_ROLES


def _status_code(status: str) -> int:
    """201 for a new complaint, 200 for a repeat folded into an earlier one."""
    return 201 if status == "created" else 200


def _too_many(retry_after: int | None) -> HTTPException:
    return HTTPException(429, RATE_LIMITED, headers={"Retry-After": str(retry_after or 60)})


def _to_input(c: ComplaintIn, via: str, *, verified: bool) -> ComplaintInput:
    return ComplaintInput(
        reporter=c.reporter,
        channel=c.channel,
        content=c.content,
        source=c.source,
        reported_at=c.time,
        via=via,
        reporter_verified=verified,
        evidence=[EvidenceFile(e.filename, e.data) for e in c.evidence],
    )


def _precheck(item: ComplaintInput) -> None:
    reg.validate(item)
    reg.resolve_source(item.source_kind, item.source)
    reg.check_evidence(item.evidence)


#: The answer to a repeat that its caller may know (documented beside 201).
REPEAT_ANSWER: dict[int | str, dict[str, Any]] = {
    200: {"description": "A repeat, folded into the earlier complaint (``duplicate`` or "
                         "``upgraded``, with its ``ref``)"}
}


@router.post(
    "",
    status_code=201,
    responses=REPEAT_ANSWER,
    openapi_extra={"x-vouching-roles": sorted(VOUCHING_ROLES)},
)
def submit_complaint(
    body: ComplaintIn, request: Request, response: Response, caller: Caller = Depends(SUBMIT)
) -> dict[str, Any]:
    """Report spam or a scam: analysed by the engine, its entities linked to sources.
    A key that sends the same reporter, source and content again within the dedupe
    window has it folded into its earlier complaint; keyless complaints never fold.

    Anyone may call it; whose word counts depends on the key. Only a key whose role
    vouches for its reporters (``x-vouching-roles``: gateway, operator, admin) files a
    *verified* complaint, which counts toward the distinct reporters that listing on
    the blocklist needs. Without a key, or with a key of another role (analyst,
    advertiser), the reporter is self-declared: the complaint raises the source's score
    but never counts toward listing, and the public per-address limit applies.

    A repeat by the key that filed the earlier complaint (with the same reporter
    verification) answers 200 ``duplicate`` (``upgraded`` when it names a graver
    category) with the earlier ``ref``; evidence it brings is kept with the earlier
    complaint, or, past what one complaint keeps, refused with 409. From anyone else the
    same words are a new complaint (201 ``created``, its own reference, findings and
    evidence), so a typed number reveals nothing. A reporter over the rate limits gets
    429 with ``Retry-After``."""
    verified = vouches(caller)
    if not verified:
        limit_address(request)  # taken as the public route takes it, whatever the key
    item = _to_input(body, "web" if caller.role == "public" else "api", verified=verified)
    _precheck(item)
    result = write(
        request,
        lambda session: reg.submit(
            session, vault_of(request), item, settings=settings_of(request), actor=caller.actor
        ),
    )
    if result.status == "rate_limited":
        raise _too_many(result.retry_after)
    if result.status == "refused":
        raise HTTPException(409, result.error)
    response.status_code = _status_code(result.status)
    return result.to_dict()


@router.post(
    "/batch", response_class=Response, responses={200: {"content": {"application/json": {}}}}
)
def submit_batch(body: BatchIn, request: Request, caller: Caller = Depends(BATCH)) -> Response:
    """Many complaints in one transaction (for gateways that buffer). Each item is
    checked on its own: a malformed one gets ``{"index", "status": "error", "error"}``
    and the valid ones are stored (``created``, ``duplicate``, ``upgraded``,
    ``rate_limited`` with ``retry_after`` seconds, or ``refused`` with its ``error``: a
    repeat whose evidence the earlier complaint cannot keep); ``counts`` sums the
    statuses.
    Reporters pushed with a gateway or operator key count as verified."""
    results: list[dict[str, Any] | None] = [None] * len(body.complaints)
    good: list[tuple[int, ComplaintInput]] = []
    for i, checked in enumerate(cj.check_items(body.complaints)):
        try:
            if isinstance(checked, str):
                raise ValueError(checked)
            item = _to_input(checked, "batch", verified=True)
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
    responses=REPEAT_ANSWER,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"message/rfc822": {"schema": {"type": "string", "format": "binary"}}},
        }
    },
)
async def submit_email(
    request: Request,
    response: Response,
    reporter: str | None = Query(
        None,
        max_length=320,
        description="Forwarder's address (default: the From of the forwarding message)",
    ),
    caller: Caller = Depends(BATCH),
) -> dict[str, Any]:
    """A forwarded spam e-mail (raw RFC 822, possibly with the original attached as
    message/rfc822): original From, Reply-To, Return-Path, first external Received IP,
    URLs and body are taken and linked.

    The reporter (``?reporter=`` or the forwarder's From) must be a phone number or an
    e-mail address, as in ``POST /v1/complaints`` (422 otherwise). A Date header that is
    not plausible (before 2000, in the future, out of range) is set aside and the receive
    time used; the answer's ``notes`` say so."""
    from lachan.ingest.eml import parse_forwarded

    raw = await request.body()
    if not raw:
        raise HTTPException(400, "empty body; send the raw e-mail (message/rfc822)")
    if len(raw) > MAX_EMAIL_BYTES:
        raise HTTPException(413, f"e-mail over {MAX_EMAIL_BYTES} bytes")
    mail = await run_in_threadpool(parse_forwarded, raw, MAX_EMAIL_BYTES)
    item = _email_item(mail, _email_reporter(reporter, mail.forwarded_by))

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
        raise _too_many(result.get("retry_after"))
    if mail.date_note:
        result["notes"] = [mail.date_note]
    response.status_code = _status_code(result["status"])
    return result


def _email_reporter(given: str | None, forwarded_by: str | None) -> str:
    """The reporter of a forwarded e-mail, checked as ``POST /v1/complaints`` checks it."""
    if given is not None:
        try:
            return cj.normalise_reporter(given)
        except ValueError as exc:
            raise HTTPException(422, f"?reporter=: {exc}") from None
    if not forwarded_by:
        raise HTTPException(422, "reporter unknown: pass ?reporter= or forward with a From")
    try:
        return cj.normalise_reporter(forwarded_by)
    except ValueError as exc:
        raise HTTPException(
            422, f"the forwarder's From is not usable as reporter ({exc}); pass ?reporter="
        ) from None


def _email_item(mail: ForwardedEmail, who: str) -> ComplaintInput:
    """The complaint a forwarded e-mail makes: its From as the source, Reply-To,
    Return-Path and the first external hop as senders, its links as content."""
    linked: list[tuple[str, str, str]] = []
    for addr in (*mail.reply_to, mail.return_path):
        if addr:
            linked.append(("email", addr, "sender"))
    if mail.received_ip:
        linked.append(("ip", mail.received_ip, "sender"))
    for url in mail.urls[:50]:
        linked.append(("url", url, "content"))
    content = "\n".join(x for x in (mail.subject or "", mail.text) if x)
    return ComplaintInput(
        reporter=who,
        channel="email",
        content=cj.strip_control(content)[:MAX_TEXT_CHARS],
        source=mail.from_addr,
        source_kind="email" if mail.from_addr else None,
        reported_at=mail.date,
        via="email",
        reporter_verified=True,
        linked=linked,
        meta={
            "subject": mail.subject,
            "from_name": mail.from_name,
            "message_id": mail.message_id,
            "received_ip": mail.received_ip,
            "mode": mail.mode,
            "date_note": mail.date_note,
            "defects": list(mail.defects)[:20],
            "attachments": [
                {"filename": a.filename, "content_type": a.content_type, "size": a.size}
                for a in mail.attachments[:20]
            ],
        },
    )


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
    """One evidence file of a complaint, decrypted (analysts only). Its name comes in
    ``Content-Disposition`` as ASCII (``filename``) and, when it is not plain ASCII, as
    itself in UTF-8 (``filename*``, RFC 5987)."""
    if len(ref) > 24:
        raise HTTPException(404, "no such evidence")
    with db_of(request).read() as session:
        found = reg.evidence_file(session, vault_of(request), ref, evidence_id)
    if found is None:
        raise HTTPException(404, "no such evidence")
    filename, media_type, data = found
    return Response(
        data, media_type=media_type, headers={"Content-Disposition": content_disposition(filename)}
    )


#: Characters RFC 5987 lets stand unencoded in an extended value (``attr-char``).
_ATTR_CHARS = "!#$&+-.^_`|~"


def content_disposition(filename: str) -> str:
    """``attachment`` with the file's name twice: ``filename`` in ASCII for old clients
    (Vietnamese letters without their marks, other characters left out) and, when the
    name is not plain ASCII, ``filename*`` (RFC 5987/6266) with the name itself in UTF-8
    ("ảnh chụp.png" is ``filename="anh_chup.png"; filename*=UTF-8''%E1%BA%A3nh...``)."""
    name = filename[:200]
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    fallback = _ascii_name(stem) or "evidence"
    if _ascii_name(ext):
        fallback += "." + _ascii_name(ext)
    header = f'attachment; filename="{fallback}"'
    if name and fallback != name:
        header += "; filename*=UTF-8''" + quote(name, safe=_ATTR_CHARS)
    return header


def _ascii_name(name: str) -> str:
    """``name`` as a safe ASCII file name: marks dropped (``đ`` as ``d``), spaces as
    ``_``, and anything but letters, digits, ``.``, ``_`` and ``-`` left out."""
    plain = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    out = "".join("_" if c.isspace() else c for c in plain
                  if c.isascii() and (c.isalnum() or c in "._-" or c.isspace()))
    return out.strip("._")[:100] if out.strip("._") else ""
