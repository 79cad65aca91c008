"""SMS gateway of the complaint centre (5656 / 156): one subscriber SMS in, the reply out."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field

from lachan.ingest.sms_gateway import Command, parse_command, reply_for
from lachan.registry import dnc
from lachan.registry.complaints import ComplaintInput, submit
from lachan.registry.keys import Caller
from lachan.registry.normalise import InvalidSource, normalise
from lachan.serve.auth import require_roles
from lachan.serve.deps import settings_of, vault_of, write

router = APIRouter(prefix="/v1/gateway", tags=["gateway"])
GATEWAY = require_roles("gateway", "operator")

_REPORT = {
    "report_sms": ("sms", None),
    "report_call": ("call", "ad"),
    "report_scam_call": ("call", "scam"),
    "forward": ("sms", None),
}
_KIND = {"phone": "phone", "shortcode": "phone", "brandname": "brandname", "email": "email"}


class GatewaySms(BaseModel):
    model_config = ConfigDict(extra="forbid")
    msisdn: str = Field(..., min_length=1, max_length=32, description="Subscriber's number")
    shortcode: str = Field("5656", pattern=r"^[0-9]{3,6}$")
    text: str = Field(..., max_length=1600)
    received_at: datetime | None = None
    telco: str | None = Field(None, max_length=32)


class GatewayReply(BaseModel):
    reply: str
    action: str
    outcome: str
    ref: str | None = None
    scope: str | None = None


def _source(cmd: Command) -> tuple[str | None, str | None]:
    if not cmd.source:
        return None, None
    kind = _KIND.get(cmd.source_kind or "")
    if kind:
        try:
            normalise(kind, cmd.source)
            return kind, cmd.source
        except InvalidSource:
            pass
    return None, None


@router.post("/sms", response_model=GatewayReply)
def gateway_sms(body: GatewaySms, request: Request, caller: Caller = Depends(GATEWAY)) -> Any:
    """Parse a subscriber's SMS to the centre (S, V, LD, FW, DK DNC, HUY DNC), act on it,
    and answer the reply text (plain ASCII, one SMS) and what was done."""
    cmd = parse_command(body.text)
    number = dnc.normalise_number(body.msisdn)
    ref: str | None = None
    scope: str | None = None
    outcome = "ok"
    if cmd.action in _REPORT:
        channel, category = _REPORT[cmd.action]
        kind, source = _source(cmd)
        item = ComplaintInput(
            reporter=number,
            channel=channel,
            content=cmd.content,
            source=source,
            source_kind=kind,
            reported_at=body.received_at,
            via="gateway",
            category=category,
            meta={
                "source_raw": cmd.source_raw,
                "telco": body.telco,
                "keyword": cmd.keyword,
                "shortcode": body.shortcode,
            },
        )
        result = write(
            request,
            lambda session: submit(
                session, vault_of(request), item, settings=settings_of(request), actor=caller.actor
            ),
        )
        ref = result.ref
        outcome = {"created": "ok"}.get(result.status, result.status)
    elif cmd.action in ("dnc_register", "dnc_unregister"):
        scope = cmd.scope or "all"
        fn = dnc.register if cmd.action == "dnc_register" else dnc.unregister
        change = write(
            request, lambda session: fn(session, number, scope, via="gateway", actor=caller.actor)
        )
        outcome = "ok" if change.changed else "already"
    return GatewayReply(
        reply=reply_for(cmd, outcome, ref=ref, shortcode=body.shortcode),
        action=cmd.action,
        outcome=outcome,
        ref=ref,
        scope=scope,
    )
