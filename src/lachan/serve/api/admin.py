"""Administration: API keys and the audit log."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field

from lachan.registry import audit, keys
from lachan.registry.keys import Caller
from lachan.serve.auth import require_roles
from lachan.serve.fields import FreeText

router = APIRouter(prefix="/v1/admin", tags=["admin"])
ADMIN = require_roles("admin")


class KeyRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: Literal["gateway", "operator", "advertiser", "analyst", "admin"]
    label: FreeText = Field("", max_length=200)


@router.post("/keys", status_code=201)
def create_key(
    body: KeyRequest, request: Request, caller: Caller = Depends(ADMIN)
) -> dict[str, Any]:
    """Create an API key; the key is in this answer only."""
    with request.app.state.db.transaction() as session:
        key = keys.create_key(session, body.role, body.label, actor=caller.actor)
    return {"key": key, "role": body.role, "key_id": key.split("_")[1]}


@router.get("/keys")
def list_keys(request: Request, _caller: Caller = Depends(ADMIN)) -> dict[str, Any]:
    with request.app.state.db.read() as session:
        return {"keys": keys.list_keys(session)}


@router.delete("/keys/{key_id}")
def revoke_key(key_id: str, request: Request, caller: Caller = Depends(ADMIN)) -> dict[str, Any]:
    if len(key_id) > 32:
        raise HTTPException(404, "no such key")
    with request.app.state.db.transaction() as session:
        if not keys.revoke_key(session, key_id, caller.actor):
            raise HTTPException(404, "no such live key")
    # keys.revoke_key dropped the key from every KeyCache of the process; the other
    # keys' rows stay cached
    return {"revoked": key_id}


@router.get("/audit/verify")
def verify_audit(request: Request, _caller: Caller = Depends(ADMIN)) -> dict[str, Any]:
    """Walk the hash chain of the audit log and report the first broken entry."""
    with request.app.state.db.read() as session:
        return audit.verify(session).to_dict()
