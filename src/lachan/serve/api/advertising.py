"""Advertising supervision API: advertisers, brandnames, templates, consents, refusals,
ad copies (one or thousands per request), violations, scrubbing and reports.

An ``advertiser`` key acts only for the advertiser it is bound to (creating an advertiser
binds the key that created it; an admin can issue bound keys). ``analyst`` reads
everything; ``admin`` passes every check.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import PlainTextResponse, Response
from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from sqlalchemy.orm import Session

from lachan.gc_pause import gc_paused
from lachan.ingest.times import check_plausible, in_range, plausible, to_utc
from lachan.registry import advertising as adv
from lachan.registry import keys as keys_mod
from lachan.registry.advertising_copies import MAX_BATCH, storable_text, submit_copies
from lachan.registry.advertising_reports import (
    list_violations,
    report_bounds,
    report_csv,
    violation_report,
)
from lachan.registry.advertising_scrub import scrub
from lachan.registry.keys import Caller
from lachan.serve.auth import require_roles

router = APIRouter(prefix="/v1", tags=["advertising"])
#: Batches of thousands of copies and lists of numbers need more than the default body.
BODY_LIMITS = {"/v1/advertisers": 16 << 20, "/v1/advertising": 1 << 20}
MAX_SCRUB_ITEMS = 100_000

WRITE = require_roles("advertiser")
READ = require_roles("advertiser", "analyst")
ANALYST = require_roles("analyst")
ADMIN = require_roles("admin")

Short = Annotated[str, StringConstraints(max_length=200)]
#: Largest row id a query may name (SQLite's and PostgreSQL's 64-bit integers).
MAX_ROW_ID = 2**63 - 1
#: How far ahead a brandname's validity may be set to start.
MAX_VALID_FROM_AHEAD = adv.MAX_VALID_FROM_AHEAD


REPORT_SINCE = ("first day (YYYY-MM-DD, a Vietnam day) or moment (ISO 8601; Vietnam time "
                "without an offset)")
REPORT_UNTIL = ("last day, included (YYYY-MM-DD, a Vietnam day), or moment, excluded (ISO "
                "8601; Vietnam time without an offset)")


def _valid_from(value: datetime) -> datetime:
    return in_range(value, "valid_from", ahead=MAX_VALID_FROM_AHEAD)


#: A time that already happened (given_at, received_at, sent_at): not before 2000, not
#: more than a few minutes ahead of the server clock (lachan.ingest.times).
PastTime = Annotated[AwareDatetime, AfterValidator(plausible)]
#: Any time that converts to UTC (bounds of a query, a withdrawal's time).
AnyTime = Annotated[AwareDatetime, AfterValidator(to_utc)]


def _clean_text(value: Any, where: str) -> None:
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError(f"{where}: NUL characters are not allowed")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(f"{where}: not valid Unicode text (lone surrogate)") from None
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _clean_text(item, f"{where}[{i}]")


class Strict(BaseModel):
    """Unknown fields refused; text that no database can store (NUL, lone surrogates)
    refused with a 422 rather than failing deeper."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="after")
    def _storable_text(self) -> Strict:
        for name in type(self).model_fields:
            _clean_text(getattr(self, name), name)
        return self


class AdvertiserIn(Strict):
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    tax_code: Annotated[str, StringConstraints(max_length=32)] = ""
    contact: Short = ""


class BrandnameIn(Strict):
    name: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    #: from now (an administrator: from 2000) to a year ahead
    valid_from: Annotated[AwareDatetime, AfterValidator(_valid_from)] | None = None


class TemplateIn(Strict):
    text: Annotated[str, StringConstraints(min_length=1, max_length=2000)]
    channel: Literal["sms", "email"] = "sms"


class ConsentIn(Strict):
    recipient: Annotated[str, StringConstraints(min_length=1, max_length=254)]
    channel: Literal["sms", "email", "call", "all"] = "all"
    method: Literal["reply", "online", "paper", "call", "text", "software"] = "online"
    proof_ref: Short = ""
    given_at: PastTime | None = None
    #: ads per 24 h the recipient agreed to (instead of the decree's 3 SMS / 3 e-mails / 1 call)
    daily_limit: Annotated[int, Field(ge=1, le=100)] | None = None


class ConsentsIn(Strict):
    consents: list[ConsentIn] = Field(min_length=1, max_length=MAX_BATCH)


class WithdrawIn(Strict):
    recipient: Annotated[str, StringConstraints(min_length=1, max_length=254)]
    channel: Literal["sms", "email", "call", "all"] = "all"
    at: AnyTime | None = None


class RefusalIn(Strict):
    recipient: Annotated[str, StringConstraints(min_length=1, max_length=254)]
    reply: Annotated[str, StringConstraints(min_length=1, max_length=1000)]
    received_at: PastTime | None = None


class CopyIn(BaseModel):
    """One copy. Its text is checked for NUL and lone surrogates by :class:`CopiesIn`,
    for the whole batch in one pass (a validator per item cost more than the rest of
    the parsing)."""

    model_config = ConfigDict(extra="forbid")

    sender: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    recipient: Annotated[str, StringConstraints(min_length=1, max_length=254)]
    channel: Literal["sms", "email", "call"]
    sent_at: AwareDatetime
    text: Annotated[str, StringConstraints(max_length=5000)] = ""
    subject: Annotated[str, StringConstraints(max_length=1000)] = ""
    duration_s: Annotated[int, Field(ge=0, le=86_400)] | None = None


class CopiesIn(Strict):
    copies: list[CopyIn] = Field(min_length=1, max_length=MAX_BATCH)

    @model_validator(mode="after")
    def _storable_text(self) -> CopiesIn:  # replaces Strict's check, for every copy at once
        now = datetime.now(UTC)
        for i, c in enumerate(self.copies):
            joined = c.sender + c.recipient + c.text + c.subject
            if not storable_text(joined):
                for name in ("sender", "recipient", "text", "subject"):
                    _clean_text(getattr(c, name), f"copies[{i}].{name}")
            check_plausible(c.sent_at, f"copies[{i}].sent_at", now=now)
        return self


class ScrubIn(Strict):
    channel: Literal["sms", "email", "call"]
    numbers: list[Annotated[str, StringConstraints(max_length=254)]] = Field(
        min_length=1, max_length=MAX_SCRUB_ITEMS
    )


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except adv.AdvertisingError as exc:
        raise HTTPException(exc.status, exc.message) from None


def _own(session: Session, caller: Caller, advertiser_id: int) -> None:
    """An advertiser key only reaches its own advertiser (404 hides the others)."""
    if caller.role == "advertiser":
        if adv.advertiser_of_key(session, caller.key_id) != advertiser_id:
            raise HTTPException(404, f"unknown advertiser {advertiser_id} for this key")
    adv.get_advertiser(session, advertiser_id)


@contextmanager
def _write(request: Request, caller: Caller, advertiser_id: int) -> Iterator[Session]:
    with _errors(), request.app.state.db.transaction() as session:
        _own(session, caller, advertiser_id)
        yield session


@contextmanager
def _read(request: Request, caller: Caller, advertiser_id: int) -> Iterator[Session]:
    with _errors(), request.app.state.db.read() as session:
        _own(session, caller, advertiser_id)
        yield session


# ------------------------------------------------------------------------- advertisers


@router.post("/advertisers", status_code=201)
def create_advertiser(
    body: AdvertiserIn, request: Request, caller: Caller = Depends(WRITE)
) -> dict[str, Any]:
    """Register an advertiser; an advertiser key that creates one is bound to it."""
    with _errors(), request.app.state.db.transaction() as session:
        if caller.role == "advertiser" and adv.advertiser_of_key(session, caller.key_id):
            raise HTTPException(409, "this key already acts for an advertiser")
        a = adv.create_advertiser(
            session,
            body.name,
            body.tax_code,
            body.contact,
            actor=caller.actor,
            key_id=caller.key_id if caller.role == "advertiser" else None,
        )
        return adv.advertiser_dict(a)


@router.get("/advertisers")
def list_advertisers(request: Request, _c: Caller = Depends(ANALYST)) -> dict[str, Any]:
    with request.app.state.db.read() as session:
        return {"advertisers": [adv.advertiser_dict(a) for a in adv.list_advertisers(session)]}


@router.get("/advertisers/{advertiser_id}")
def get_advertiser(
    advertiser_id: int, request: Request, caller: Caller = Depends(READ)
) -> dict[str, Any]:
    with _read(request, caller, advertiser_id) as session:
        out = adv.advertiser_dict(adv.get_advertiser(session, advertiser_id))
        out["brandnames"] = [
            adv.brandname_dict(b) for b in adv.list_brandnames(session, advertiser_id)
        ]
        return out


@router.post("/advertisers/{advertiser_id}/keys", status_code=201)
def create_advertiser_key(
    advertiser_id: int, request: Request, caller: Caller = Depends(ADMIN)
) -> dict[str, Any]:
    """A new API key of role advertiser, acting for this advertiser only (shown once)."""
    with _write(request, caller, advertiser_id) as session:
        key = keys_mod.create_key(
            session, "advertiser", f"advertiser {advertiser_id}", actor=caller.actor
        )
        key_id = key.split("_")[1]
        adv.bind_key(session, advertiser_id, key_id, actor=caller.actor)
        return {"key": key, "key_id": key_id, "advertiser_id": advertiser_id}


# -------------------------------------------------------------------------- brandnames


@router.post("/advertisers/{advertiser_id}/brandnames", status_code=201)
def register_brandname(
    advertiser_id: int, body: BrandnameIn, request: Request, caller: Caller = Depends(WRITE)
) -> dict[str, Any]:
    """Register a brandname. An organisation's official brandname is refused (409) unless
    an administrator registers it, having checked the advertiser is that organisation.
    ``valid_from`` (default: now) may be up to a year ahead; only an administrator may
    set it in the past (422 for an advertiser)."""
    with _write(request, caller, advertiser_id) as session:
        b = adv.register_brandname(
            session, advertiser_id, body.name, valid_from=body.valid_from, actor=caller.actor,
            official_ok=caller.role == "admin", backdate_ok=caller.role == "admin",
        )
        return adv.brandname_dict(b)


@router.get("/advertisers/{advertiser_id}/brandnames")
def list_brandnames(
    advertiser_id: int, request: Request, caller: Caller = Depends(READ)
) -> dict[str, Any]:
    with _read(request, caller, advertiser_id) as session:
        return {
            "brandnames": [
                adv.brandname_dict(b) for b in adv.list_brandnames(session, advertiser_id)
            ]
        }


@router.post("/advertisers/{advertiser_id}/brandnames/{name}/renew")
def renew_brandname(
    advertiser_id: int, name: str, request: Request, caller: Caller = Depends(WRITE)
) -> dict[str, Any]:
    with _write(request, caller, advertiser_id) as session:
        return adv.brandname_dict(
            adv.renew_brandname(session, advertiser_id, name[:40], actor=caller.actor)
        )


# --------------------------------------------------------------------------- templates


@router.post("/advertisers/{advertiser_id}/templates", status_code=201)
def register_template(
    advertiser_id: int, body: TemplateIn, request: Request, caller: Caller = Depends(WRITE)
) -> dict[str, Any]:
    with _write(request, caller, advertiser_id) as session:
        t = adv.register_template(
            session, advertiser_id, body.text, body.channel, actor=caller.actor
        )
        return adv.template_dict(t)


@router.get("/advertisers/{advertiser_id}/templates")
def list_templates(
    advertiser_id: int, request: Request, caller: Caller = Depends(READ)
) -> dict[str, Any]:
    with _read(request, caller, advertiser_id) as session:
        return {
            "templates": [adv.template_dict(t) for t in adv.list_templates(session, advertiser_id)]
        }


# ---------------------------------------------------------------------------- consents


@router.post("/advertisers/{advertiser_id}/consents", status_code=201)
def record_consents(
    advertiser_id: int, body: ConsentsIn, request: Request, caller: Caller = Depends(WRITE)
) -> dict[str, Any]:
    items = [
        adv.ConsentInput(c.recipient, c.channel, c.method, c.proof_ref, c.given_at, c.daily_limit)
        for c in body.consents
    ]
    with _write(request, caller, advertiser_id) as session:
        rows = adv.record_consents(session, advertiser_id, items, actor=caller.actor)
        return {"recorded": len(rows), "ids": [r.id for r in rows]}


@router.get("/advertisers/{advertiser_id}/consents")
def list_consents(
    advertiser_id: int,
    request: Request,
    recipient: Annotated[str | None, Query(max_length=254)] = None,
    caller: Caller = Depends(READ),
) -> dict[str, Any]:
    with _read(request, caller, advertiser_id) as session:
        rows = adv.list_consents(session, advertiser_id, recipient)
        return {"consents": adv.consent_dicts(session, rows)}


@router.post("/advertisers/{advertiser_id}/consents/withdraw")
def withdraw_consent(
    advertiser_id: int, body: WithdrawIn, request: Request, caller: Caller = Depends(WRITE)
) -> dict[str, Any]:
    with _write(request, caller, advertiser_id) as session:
        n = adv.withdraw_consent(
            session, advertiser_id, body.recipient, body.channel, at=body.at, actor=caller.actor
        )
        return {"withdrawn": n}


# ---------------------------------------------------------------------------- refusals


@router.post("/advertisers/{advertiser_id}/refusals")
def record_refusal(
    advertiser_id: int, body: RefusalIn, request: Request, caller: Caller = Depends(WRITE)
) -> dict[str, Any]:
    """A recipient's reply: when it is a refusal, it is recorded and the answer holds the
    confirmation text the advertiser must send at once."""
    with _write(request, caller, advertiser_id) as session:
        return adv.record_refusal(
            session,
            advertiser_id,
            body.recipient,
            body.reply,
            received_at=body.received_at,
            actor=caller.actor,
        )


# ------------------------------------------------------------------------------ copies


def _json(body: Any) -> Response:
    """Large answers serialised by orjson directly (FastAPI's encoder is slow on them)."""
    return Response(orjson.dumps(body), media_type="application/json")


@router.post("/advertisers/{advertiser_id}/copies", response_model=None)
def submit(
    advertiser_id: int, body: CopiesIn, request: Request, caller: Caller = Depends(WRITE)
) -> Response:
    """Copies of ads sent (one or up to 10,000): each checked at once; all stored or,
    on bad input, none. A copy submitted again (same recipient, channel, time sent,
    sender and content) is the same copy: answered with its first id and violations,
    ``duplicate`` true, and neither stored nor counted again."""
    # the validated models carry the fields of CopyInput: passed as they are
    with gc_paused():
        with _write(request, caller, advertiser_id) as session:
            results = submit_copies(session, advertiser_id, body.copies, actor=caller.actor)
        return _json(
            {
                "copies": len(results),
                "with_violations": sum(1 for r in results if r["violations"]),
                "duplicates": sum(1 for r in results if r["duplicate"]),
                "results": results,
            }
        )


@router.get("/advertisers/{advertiser_id}/violations")
def violations(
    advertiser_id: int,
    request: Request,
    after_id: Annotated[int, Query(ge=0, le=MAX_ROW_ID)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    caller: Caller = Depends(READ),
) -> dict[str, Any]:
    with _read(request, caller, advertiser_id) as session:
        rows = list_violations(session, advertiser_id, limit=limit, after_id=after_id)
    return {"violations": rows, "next_after_id": rows[-1]["id"] if rows else after_id}


# ------------------------------------------------------------------------------- scrub


@router.post("/advertisers/{advertiser_id}/scrub", response_model=None)
def scrub_list(
    advertiser_id: int, body: ScrubIn, request: Request, caller: Caller = Depends(WRITE)
) -> Response:
    """``{number, allowed, reasons}`` per item: Do-Not-Call scope, refusals, consent."""
    with _read(request, caller, advertiser_id) as session:
        results = [
            r
            for chunk in scrub(session, advertiser_id, body.channel, [body.numbers])
            for r in chunk
        ]
    return _json(
        {
            "checked": len(results),
            "allowed": sum(1 for r in results if r["allowed"]),
            "results": results,
        }
    )


@router.post(
    "/advertisers/{advertiser_id}/scrub/file",
    response_model=None,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "text/plain": {"schema": {"type": "string"}},
                "text/csv": {"schema": {"type": "string"}},
            },
        }
    },
)
async def scrub_file(
    advertiser_id: int,
    request: Request,
    channel: Literal["sms", "email", "call"],
    column: Annotated[str | None, Query(max_length=100)] = None,
    caller: Caller = Depends(WRITE),
) -> Response:
    """The same as ``lachan scrub``: the body is a list (one number per line) or a CSV
    file (``column`` names the column); the answer is JSON Lines
    ``{number, allowed, reasons}``, one per entry, in order."""
    import io

    from starlette.concurrency import run_in_threadpool

    from lachan.registry.advertising_scrub import iter_chunks, scrub_lines

    data = await request.body()

    def work() -> str:
        with _read(request, caller, advertiser_id) as session:
            chunks = iter_chunks(io.BytesIO(data), column)
            return "".join(t for t, _n, _ok in scrub_lines(session, advertiser_id, channel, chunks))

    text = await run_in_threadpool(work)
    return Response(text, media_type="application/x-ndjson")


# ------------------------------------------------------------------------------ reports


@router.get("/advertising/reports/violations", response_model=None)
def report(
    request: Request,
    advertiser_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
    since: Annotated[str | None, Query(max_length=40, description=REPORT_SINCE)] = None,
    until: Annotated[str | None, Query(max_length=40, description=REPORT_UNTIL)] = None,
    period: Literal["day", "month"] = "day",
    rule: Annotated[str | None, Query(max_length=40)] = None,
    format: Literal["json", "csv"] = "json",
    caller: Caller = Depends(READ),
) -> Any:
    """Violations per advertiser and rule per day or month (Vietnam time), fines summed.
    ``since`` and ``until`` are Vietnam days (``2026-11-23``: ``until`` includes its
    day) or ISO date-times (Vietnam time without an offset; ``until`` exclusive)."""
    with _errors():
        lo, hi = report_bounds(since, until)
    with _errors(), request.app.state.db.read() as session:
        if caller.role == "advertiser":
            own = adv.advertiser_of_key(session, caller.key_id)
            if own is None or (advertiser_id is not None and advertiser_id != own):
                raise HTTPException(404, "no advertiser for this key")
            advertiser_id = own
        rows = violation_report(
            session, advertiser_id=advertiser_id, since=lo, until=hi, period=period, rule=rule
        )
    if format == "csv":
        return PlainTextResponse(report_csv(rows), media_type="text/csv")
    return {"rows": rows}
