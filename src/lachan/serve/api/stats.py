"""Statistics: complaints per day by channel and category, top sources, decisions."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request

from lachan.registry import stats
from lachan.registry.keys import Caller
from lachan.serve.auth import require_roles
from lachan.serve.deps import db_of

router = APIRouter(prefix="/v1", tags=["stats"])
READ = require_roles("analyst")


@router.get("/stats")
def summary(
    request: Request,
    days: int = Query(30, ge=1, le=stats.MAX_DAYS),
    top: int = Query(10, ge=1, le=100),
    _caller: Caller = Depends(READ),
) -> dict[str, Any]:
    with db_of(request).read() as session:
        return stats.summary(session, days=days, top=top)
