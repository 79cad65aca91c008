"""SMS gateway of the complaint centre (5656 / 156): one subscriber SMS in, the reply out.

The gateway is called with a ``gateway`` or ``operator`` key: the operator delivered the
SMS, so its ``msisdn`` is the subscriber's real number and the complaint's reporter is
verified (it counts toward the distinct reporters that listing a source needs).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from lachan.ingest.sms_gateway import Command, parse_command, reply_for
from lachan.ingest.times import plausible
from lachan.registry import dnc
from lachan.registry.complaints import ComplaintInput, submit
from lachan.registry.keys import Caller
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
_CONTROL = r"^[^\x00-\x1f\x7f]*$"


class GatewaySms(BaseModel):
    model_config = ConfigDict(extra="forbid")
    msisdn: str = Field(
        ..., min_length=1, max_length=32, pattern=_CONTROL, description="Subscriber's number"
    )
    shortcode: str = Field("5656", pattern=r"^[0-9]{3,6}$")
    text: str = Field(..., max_length=1600)
    received_at: Annotated[datetime, AfterValidator(plausible)] | None = Field(
        None,
        description="When the operator received the SMS (ISO 8601; UTC without an offset). "
        "Not before 2000 and not more than a few minutes ahead of the server clock.",
    )
    telco: str | None = Field(None, max_length=32, pattern=_CONTROL)


class GatewayReply(BaseModel):
    reply: str
    action: str
    outcome: str
    ref: str | None = None
    scope: str | None = None


def _report(
    request: Request, caller: Caller, body: GatewaySms, cmd: Command, number: str
) -> tuple[str | None, str]:
    """File the complaint a report command makes; its reference and the outcome. The
    parser checked the source (``cmd.registry_source``, canonical): it is filed as it is."""
    channel, category = _REPORT[cmd.action]
    item = ComplaintInput(
        reporter=number,
        channel=channel,
        content=cmd.content,
        source=cmd.registry_source,
        reported_at=body.received_at,
        via="gateway",
        category=category,
        reporter_verified=True,
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
    return result.ref, {"created": "ok"}.get(result.status, result.status)


@router.post("/sms", response_model=GatewayReply)
def gateway_sms(body: GatewaySms, request: Request, caller: Caller = Depends(GATEWAY)) -> Any:
    """Parse a subscriber's SMS to the centre (S, V, LD, FW, DK DNC, HUY DNC), act on it,
    and answer the reply text (plain ASCII, one SMS) and what was done.

    A report whose source is not a phone number, brandname, e-mail, URL, domain or IP
    address is not filed: the subscriber gets the syntax help (``bad_source``). A scam
    call (``LD``) reported after a spam call (``V``) about the same number raises that
    complaint to a scam (outcome ``upgraded``), and what it says is added to it."""
    cmd = parse_command(body.text)
    number = dnc.normalise_number(body.msisdn)
    ref: str | None = None
    scope: str | None = None
    outcome = "ok"
    if cmd.action in _REPORT:
        ref, outcome = _report(request, caller, body, cmd, number)
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
