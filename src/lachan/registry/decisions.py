"""Decisions on sources: block, revoke, clear, appeal; each with reason, evidence, actor,
time, and the state before and after. The history per source is kept forever.

- ``block``: the source goes on the blocklist (state ``blocked``, pinned).
- ``revoke``: as block, and the address is to be taken back (number or domain revoked).
- ``clear``: the source is cleared (state ``cleared``, pinned); ends a pending appeal.
- ``appeal``: the holder contests the state; the state stays, ``appeal_pending`` is set
  until a ``clear`` (appeal granted), a ``block``/``revoke`` or a ``reject``.
- ``reject``: the appeal is rejected; the state stays.
- ``release``: unpin; the source goes back to the state its reputation gives.

A brandname that breaks Article 23 (over 11 characters, say) cannot be blocked or
revoked (:class:`DecisionError`, 422): no sender can carry it. Complaints name sources of
up to 20 characters, so reports can list such a name; one the registry holds can still be
cleared, appealed, rejected and released. A clearance of such a name that the registry
does not hold is refused (422) like a block.

A decision that would change nothing is refused, with no history row and no audit entry:
:class:`NoSuchSource` (404) when an appeal, rejection or release names a source the
registry never saw; :class:`NothingToChange` (409) for a block of a source already
blocked, a revocation of one already revoked, a clearance of one already cleared (each
with no appeal pending), a second appeal while one is pending, and a release of a source
that no decision holds.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lachan.detect.ad_rules import BrandnameError, validate_brandname
from lachan.registry import audit, official
from lachan.registry.clock import iso, utcnow
from lachan.registry.normalise import normalise
from lachan.registry.settings import CentreSettings
from lachan.registry.sources import automatic_state, current_score, get_or_create, set_state
from lachan.store.tables_centre import Decision, Source

ACTIONS: tuple[str, ...] = ("block", "revoke", "clear", "appeal", "reject", "release")
MAX_REASON_CHARS = 2000
MAX_EVIDENCE_CHARS = 4000


class DecisionError(ValueError):
    """A decision that cannot be taken (unknown action, nothing to appeal...)."""


class NoSuchSource(DecisionError):
    """An appeal, rejection or release of a source the registry does not hold."""


class NothingToChange(DecisionError):
    """A decision the source's state already reflects (a repeated block, a second appeal,
    a release of what no decision holds)."""


#: Actions that need the source to be in the registry already (a block, revocation or
#: clearance may be taken before anyone reports it).
_NEED_SOURCE = ("appeal", "reject", "release")


def _refuse_no_op(src: Source, kind: str, canonical: str, action: str) -> None:
    """Raise :class:`NothingToChange` when ``action`` would leave ``src`` as it is."""
    name = f"{kind} {canonical}"
    settled = src.pinned and not src.appeal_pending
    if action == "block" and settled and src.state == "blocked":
        raise NothingToChange(f"{name} is already blocked; nothing changed")
    if action == "revoke" and settled and src.state == "blocked" and src.revoked:
        raise NothingToChange(f"{name} is already revoked; nothing changed")
    if action == "clear" and settled and src.state == "cleared" and not src.revoked:
        raise NothingToChange(f"{name} is already cleared; nothing changed")
    if action == "appeal" and src.appeal_pending:
        raise NothingToChange(f"an appeal of {name} is already pending; nothing changed")
    if action == "release" and not src.pinned and not src.revoked:
        raise NothingToChange(
            f"no decision holds {name} (its state comes from its reputation); nothing to release"
        )


class OfficialChannelConflict(DecisionError):
    """A block or revocation of an organisation's official channel: the registries would
    contradict each other (blocklisted and allowlisted at once)."""


def _refuse_official(session: Session, kind: str, canonical: str, action: str) -> None:
    """Raise :class:`OfficialChannelConflict` when ``canonical`` is (or falls under) an
    official channel."""
    match = official.official_match(session, kind, canonical)
    if match is None:
        return
    name = official.org_name(session, match.org_id)
    under = "" if (match.kind, match.value) == (kind, canonical) else (
        f" (it falls under the official {match.kind} {match.value})")
    raise OfficialChannelConflict(
        f"cannot {action} {kind} {canonical}: it is an official channel of {name} "
        f"({match.org_id}){under}. To {action} it, first remove {match.kind} {match.value} "
        f"from the official-channel registry (DELETE /v1/official/orgs/{match.org_id}/"
        f"channels/{match.kind}/{match.value})"
    )


def decide(
    session: Session,
    kind: str,
    value: str,
    action: str,
    *,
    reason: str,
    evidence: str = "",
    actor: str,
    settings: CentreSettings | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    settings = settings or CentreSettings()
    if action not in ACTIONS:
        raise DecisionError(f"unknown action {action[:20]!r}; expected {', '.join(ACTIONS)}")
    if not reason.strip():
        raise DecisionError("a reason is required")
    if len(reason) > MAX_REASON_CHARS or len(evidence) > MAX_EVIDENCE_CHARS:
        raise DecisionError(
            f"reason is limited to {MAX_REASON_CHARS} and evidence to {MAX_EVIDENCE_CHARS} "
            "characters"
        )
    canonical = normalise(kind, value)
    if kind == "brandname" and _needs_article_23(session, canonical, action):
        _check_brandname(canonical)
    if action in ("block", "revoke"):
        _refuse_official(session, kind, canonical, action)
    now = now or utcnow()
    if action in _NEED_SOURCE and not _known(session, kind, canonical):
        raise NoSuchSource(f"{kind} {canonical} is not in the registry; there is nothing to "
                           f"{action}")
    src = get_or_create(session, kind, canonical, now)
    _refuse_no_op(src, kind, canonical, action)
    before = src.state
    if action in ("block", "revoke"):
        src.pinned = True
        src.revoked = src.revoked or action == "revoke"
        src.appeal_pending = False
        set_state(session, src, "blocked", now)
    elif action == "clear":
        src.pinned = True
        src.revoked = False
        src.appeal_pending = False
        set_state(session, src, "cleared", now)
    elif action == "appeal":
        if src.state not in ("suspected", "listed", "blocked") and not src.revoked:
            raise DecisionError(f"{kind} {canonical} is {src.state}; there is nothing to appeal")
        src.appeal_pending = True
    elif action == "reject":
        if not src.appeal_pending:
            raise DecisionError("no appeal is pending")
        src.appeal_pending = False
    else:  # release
        src.pinned = False
        src.revoked = False
        set_state(
            session, src, automatic_state(src, current_score(src, settings, now), settings), now
        )
    row = Decision(
        source_id=src.id,
        action=action,
        reason=reason.strip(),
        evidence=evidence.strip(),
        actor=actor[:64],
        at=now,
        state_before=before,
        state_after=src.state,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor,
        f"decision.{action}",
        f"{kind}:{canonical}",
        {"decision": row.id, "before": before, "after": src.state, "reason": reason.strip()[:500]},
    )
    return _as_dict(row, kind, canonical)


def _needs_article_23(session: Session, name: str, action: str) -> bool:
    """Whether a decision ``action`` on brandname ``name`` must pass the Article 23 check:
    a block or revocation always (no sender can carry an invalid name), a clearance of a
    name the registry does not hold (it would file a name nobody can send under). What
    the registry holds (listed by reports, whose sources may be longer) can always be
    cleared, appealed, rejected or released."""
    if action in ("block", "revoke"):
        return True
    return action == "clear" and not _known(session, "brandname", name)


def _check_brandname(name: str) -> None:
    """Raise :class:`DecisionError` when ``name`` breaks Article 23 (at most 11 Latin
    letters, digits, '-', '_', '.', spaces; not digits only)."""
    try:
        validate_brandname(name)
    except BrandnameError as exc:
        raise DecisionError(f"not a brandname: {exc}") from None


def _known(session: Session, kind: str, canonical: str) -> bool:
    """Whether the registry holds the source ``(kind, canonical)``."""
    return session.execute(
        select(Source.id).where(Source.kind == kind, Source.value == canonical)
    ).first() is not None


def _as_dict(row: Decision, kind: str, value: str) -> dict[str, Any]:
    return {
        "id": row.id,
        "kind": kind,
        "value": value,
        "action": row.action,
        "reason": row.reason,
        "evidence": row.evidence,
        "actor": row.actor,
        "at": iso(row.at),
        "state_before": row.state_before,
        "state_after": row.state_after,
    }


def history(session: Session, kind: str, value: str) -> list[dict[str, Any]]:
    canonical = normalise(kind, value)
    rows = session.execute(
        select(Decision)
        .join(Source, Source.id == Decision.source_id)
        .where(Source.kind == kind, Source.value == canonical)
        .order_by(Decision.id)
    ).scalars()
    return [_as_dict(r, kind, canonical) for r in rows]
