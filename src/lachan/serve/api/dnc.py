"""Do-Not-Call register: register, withdraw, check a number and see its history; the
authority's analysts also see the audit log's entries about a number."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict

from lachan.registry import dnc
from lachan.registry.keys import Caller
from lachan.serve.auth import require_roles
from lachan.serve.deps import db_of, write

router = APIRouter(prefix="/v1/dnc", tags=["dnc"])
WRITE = require_roles("gateway", "operator")
READ = require_roles("gateway", "operator", "advertiser", "analyst")
#: The audit trail of a number (who changed its registration, through which key) is for
#: the authority's analysts (and administrators): not for the operators and gateways
#: that write the register, whose own changes it records, nor for advertisers.
AUDIT = require_roles("analyst")
MAX_ROW_ID = 2**63 - 1


class DncIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    scope: Literal["sms", "call", "all"] = "all"


def _number(number: str) -> str:
    if len(number) > 32:
        raise dnc.InvalidNumber("number longer than 32 characters")
    return number


@router.put("/{number}")
def register(
    number: str, body: DncIn, request: Request, caller: Caller = Depends(WRITE)
) -> dict[str, Any]:
    """Register ``number`` for ``scope`` (added to any scope it already has)."""
    change = write(
        request,
        lambda session: dnc.register(
            session, _number(number), body.scope, via="api", actor=caller.actor
        ),
    )
    return {"number": change.number, "scope": change.scope_after, "changed": change.changed}


@router.delete("/{number}")
def unregister(
    number: str,
    request: Request,
    scope: Literal["sms", "call", "all"] = Query("all"),
    caller: Caller = Depends(WRITE),
) -> dict[str, Any]:
    """Withdraw ``scope`` from ``number``'s registration."""
    change = write(
        request,
        lambda session: dnc.unregister(
            session, _number(number), scope, via="api", actor=caller.actor
        ),
    )
    return {"number": change.number, "scope": change.scope_after, "changed": change.changed}


#: Roles that see when a subscriber joined and left the register; an advertiser needs
#: only whether it may send now (when someone opted out is the subscriber's own business).
HISTORY_ROLES = frozenset({"gateway", "operator", "analyst", "admin"})


@router.get("/{number}")
def check(number: str, request: Request, caller: Caller = Depends(READ)) -> dict[str, Any]:
    """Whether ``number`` is on the register and for what; its history for the roles of
    :data:`HISTORY_ROLES`."""
    with db_of(request).read() as session:
        canonical = dnc.normalise_number(_number(number))
        scope = dnc.scope_of(session, canonical)
        answer: dict[str, Any] = {
            "number": canonical,
            "scope": scope,
            "sms_blocked": dnc.blocks(scope, "sms"),
            "call_blocked": dnc.blocks(scope, "call"),
        }
        if caller.role in HISTORY_ROLES:
            answer["history"] = dnc.history(session, canonical)
        return answer


@router.get("/{number}/audit")
def audit_log(
    number: str,
    request: Request,
    after_id: Annotated[int, Query(ge=0, le=MAX_ROW_ID)] = 0,
    limit: Annotated[int, Query(ge=1, le=dnc.MAX_AUDIT_ENTRIES)] = 100,
    _caller: Caller = Depends(AUDIT),
) -> dict[str, Any]:
    """The audit log's entries of the register's changes to ``number``, oldest first
    (older entries, which name the number by another pseudonym, included); the next page
    is ``?after_id=`` the answer's ``next_after_id``."""
    with db_of(request).read() as session:
        canonical = dnc.normalise_number(_number(number))
        entries = dnc.audit_entries(session, canonical, limit, after_id=after_id)
    return {
        "number": canonical,
        "entries": entries,
        "next_after_id": entries[-1]["id"] if entries else after_id,
    }
