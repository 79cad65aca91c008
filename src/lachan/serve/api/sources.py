"""Spam-source registry: public look-up, operators' detections, decisions and history."""

from __future__ import annotations

from typing import Any, Literal

import orjson
from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from lachan.registry import decisions, official, sources
from lachan.registry.keys import Caller
from lachan.registry.normalise import KINDS
from lachan.serve.auth import require_roles
from lachan.serve.deps import db_of, limit_public, settings_of, write
from lachan.serve.fields import FreeText

router = APIRouter(prefix="/v1", tags=["sources"])
LOOKUP = require_roles("public")
DETECT = require_roles("operator", "gateway")
DECIDE = require_roles("analyst", "operator", "advertiser")
HISTORY = require_roles("analyst", "operator")
Kind = Literal["phone", "email", "domain", "url", "ip", "brandname"]
assert set(Kind.__args__) == set(KINDS)  # type: ignore[attr-defined]
MAX_DETECTIONS = 1000


@router.get(
    "/lookup/{kind}/{value:path}",
    response_class=Response,
    responses={200: {"content": {"application/json": {}}}},
)
async def lookup(
    kind: Kind, value: str, request: Request, caller: Caller = Depends(LOOKUP)
) -> Response:
    """State, decayed score, counts, category mix, official owner and last decision of a
    source. Never who reported it. An official channel reads ``state: official`` (as
    ``/v1/verify`` answers); a redirect or search link (``google.com/url?q=...``, its
    ``?`` written as is or as ``%3F``) is looked up for the site it leads to, with
    ``via`` naming the redirector."""
    limit_public(request, caller)
    if kind == "url" and request.url.query:
        value = f"{value}?{request.url.query}"  # this route has no query parameters
    if len(value) > 2048:
        raise HTTPException(413, "value longer than 2048 characters")
    # Two indexed reads of well under a millisecond: run inline, no thread hop.
    with db_of(request).read() as session:
        out = official.lookup(session, kind, value, settings_of(request))
    return Response(orjson.dumps(out), media_type="application/json")


class DetectionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Kind
    value: str = Field(..., min_length=1, max_length=2048)
    category: Literal["ham", "ad", "scam"] = "scam"


class DetectionsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    detections: list[DetectionIn] = Field(..., min_length=1, max_length=MAX_DETECTIONS)


@router.post("/detections")
def detections(
    body: DetectionsIn, request: Request, caller: Caller = Depends(DETECT)
) -> dict[str, Any]:
    """Operators' filter detections (machine evidence, weaker than complaints).

    Each detection is counted once per source per key and per
    ``detection_window_hours`` (24 h by default): copies in one request, and repeats
    within the window, answer ``"counted": false`` and change nothing. Detections alone
    list a source only when ``listed_min_detectors`` (2) different keys detected it and
    ``listed_min_detections`` (10) counted, with the listing score. Each result carries
    the source's state; a refused item gets ``{"index", "error"}``."""
    items = [sources.Detection(d.kind, d.value, d.category) for d in body.detections]
    done = write(
        request,
        lambda session: sources.record_detections(
            session, items, actor=caller.actor, settings=settings_of(request)
        ),
    )
    out: list[dict[str, Any]] = []
    for i, r in enumerate(done):
        if isinstance(r, sources.InvalidSource):
            out.append({"index": i, "error": str(r)})
        else:
            out.append(
                {
                    "index": i,
                    "kind": r.kind,
                    "value": r.value,
                    "state": r.state,
                    "counted": r.counted,
                }
            )
    return {"results": out}


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Kind
    value: str = Field(..., min_length=1, max_length=2048)
    action: Literal["block", "revoke", "clear", "appeal", "reject", "release"]
    reason: FreeText = Field(..., min_length=1, max_length=decisions.MAX_REASON_CHARS)
    evidence: FreeText = Field("", max_length=decisions.MAX_EVIDENCE_CHARS)


@router.post("/decisions", status_code=201)
def decide(body: DecisionIn, request: Request, caller: Caller = Depends(DECIDE)) -> dict[str, Any]:
    """Block, revoke, clear, reject an appeal or release (analysts); appeal (operators,
    advertisers, analysts). A block or revocation of an official channel is refused (409):
    remove it from the official-channel registry first. A decision that would change
    nothing is refused and not recorded: 404 for an appeal, rejection or release of a
    source the registry does not hold; 409 for a repeated block, revocation or
    clearance, a second pending appeal, or a release of what no decision holds."""
    if body.action != "appeal" and caller.role not in ("analyst", "admin"):
        raise HTTPException(
            403, f"role {caller.role!r} may only appeal; decisions are taken by analysts"
        )
    try:
        with db_of(request).transaction() as session:
            return decisions.decide(
                session,
                body.kind,
                body.value,
                body.action,
                reason=body.reason,
                evidence=body.evidence,
                actor=caller.actor,
                settings=settings_of(request),
            )
    except decisions.NoSuchSource as exc:
        raise HTTPException(404, str(exc)) from None
    except (decisions.OfficialChannelConflict, decisions.NothingToChange) as exc:
        raise HTTPException(409, str(exc)) from None


@router.get("/decisions")
def decision_history(
    request: Request,
    kind: Kind = Query(...),
    value: str = Query(..., min_length=1, max_length=2048),
    _caller: Caller = Depends(HISTORY),
) -> dict[str, Any]:
    """Every decision on a source, oldest first."""
    with db_of(request).read() as session:
        return {
            "kind": kind,
            "value": sources.normalise(kind, value),
            "decisions": decisions.history(session, kind, value),
        }
