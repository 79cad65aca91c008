"""Administration: API keys and the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from lachan.ingest.times import to_utc
from lachan.registry import audit, keys
from lachan.registry.clock import iso
from lachan.registry.keys import Caller
from lachan.serve.auth import require_roles
from lachan.serve.fields import FreeText

router = APIRouter(prefix="/v1/admin", tags=["admin"])
ADMIN = require_roles("admin")


def _expiry(value: datetime) -> datetime:
    """A key's expiry as aware UTC (naive: UTC); the registry checks it is ahead."""
    return to_utc(value, "expires_at")


class KeyRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: Literal["gateway", "operator", "advertiser", "analyst", "admin"]
    label: FreeText = Field("", max_length=200)
    expires_at: Annotated[datetime, AfterValidator(_expiry)] | None = Field(
        None,
        description="When the key stops working (ISO 8601, UTC without an offset; in the "
        "future). Past it the key is refused with 401 'expired'. Default: no expiry.",
    )


@router.post("/keys", status_code=201)
def create_key(
    body: KeyRequest, request: Request, caller: Caller = Depends(ADMIN)
) -> dict[str, Any]:
    """Create an API key, optionally with an expiry; the key is in this answer only."""
    with request.app.state.db.transaction() as session:
        key = keys.create_key(
            session, body.role, body.label, actor=caller.actor, expires_at=body.expires_at
        )
    return {
        "key": key,
        "role": body.role,
        "key_id": key.split("_")[1],
        "expires_at": iso(body.expires_at) if body.expires_at else None,
    }


@router.get("/keys")
def list_keys(request: Request, _caller: Caller = Depends(ADMIN)) -> dict[str, Any]:
    with request.app.state.db.read() as session:
        return {"keys": keys.list_keys(session)}


@router.delete("/keys/{key_id}")
def revoke_key(key_id: str, request: Request, caller: Caller = Depends(ADMIN)) -> dict[str, Any]:
    """Revoke a key: it stops working in every worker within a second. The last live
    admin key cannot be revoked (409): create another admin key first."""
    if len(key_id) > 32:
        raise HTTPException(404, "no such key")
    try:
        with request.app.state.db.transaction() as session:
            if not keys.revoke_key(session, key_id, caller.actor):
                raise HTTPException(404, "no such live key")
    except keys.LastAdminKey as exc:
        raise HTTPException(409, str(exc)) from None
    # keys.revoke_key dropped the key from every KeyCache of the process; the other
    # keys' rows stay cached
    return {"revoked": key_id}


@router.get("/audit/verify")
def verify_audit(request: Request, _caller: Caller = Depends(ADMIN)) -> dict[str, Any]:
    """Walk the hash chain of the audit log and report the first broken entry."""
    with request.app.state.db.read() as session:
        return audit.verify(session).to_dict()
