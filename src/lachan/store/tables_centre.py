"""Tables of the complaint centre and spam-source registry (Alembic branch ``centre``)."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    event,
    false,
    update,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, object_session

from lachan.store import bulk
from lachan.store.base import Base


class ApiKey(Base):
    """An API key: only the SHA-256 of the secret is kept."""

    __tablename__ = "api_keys"

    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    secret_hash: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    #: Past it the key is refused ("expired"); None: it does not expire.
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class AuditEntry(Base):
    """Append-only, hash-chained log of every write."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(300))
    details: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_audit_log_target", "target"),)


class AuditSeal(Base):
    """The newest audit entry, sealed with a key the database does not hold: removing
    the newest entries (which leaves the chain itself intact) no longer matches it."""

    __tablename__ = "audit_seal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_id: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))
    mac: Mapped[str] = mapped_column(String(64))


class Complaint(Base):
    """One complaint (folded duplicates counted in ``count``).

    The reporter is only an HMAC pseudonym; content, verdict details and e-mail headers
    are in ``content_enc`` (AES-GCM). ``reporter_verified`` says whether the channel
    vouches for the reporter (SMS gateway, a keyed API client) or it is self-declared
    (the public route without a key): only verified reporters count toward listing."""

    __tablename__ = "complaints"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    ref: Mapped[str] = mapped_column(String(24), unique=True)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    last_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    reported_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    channel: Mapped[str] = mapped_column(String(8))
    via: Mapped[str] = mapped_column(String(16))
    reporter: Mapped[str] = mapped_column(String(64))
    reporter_verified: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    #: The API key that filed it (``key:<id>``; None from the public route): only that
    #: key's repeats fold into it (the dedupe key holds it).
    filed_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    source_kind: Mapped[str | None] = mapped_column(String(16), nullable=True)
    source_value: Mapped[str | None] = mapped_column(String(320), nullable=True)
    category: Mapped[str] = mapped_column(String(8))
    score: Mapped[float] = mapped_column(Float)
    symbols: Mapped[str] = mapped_column(Text)
    dedupe_key: Mapped[str] = mapped_column(String(64))
    count: Mapped[int] = mapped_column(Integer, default=1)
    content_enc: Mapped[bytes] = mapped_column(LargeBinary)

    __table_args__ = (
        Index("ix_complaints_dedupe", "dedupe_key", "last_at"),
        Index("ix_complaints_reporter", "reporter", "received_at"),
    )


class Evidence(Base):
    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    complaint_id: Mapped[int] = mapped_column(
        ForeignKey("complaints.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    data_enc: Mapped[bytes] = mapped_column(LargeBinary)


class Source(Base):
    """An entity in the spam-source registry and its reputation."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(320))
    state: Mapped[str] = mapped_column(String(16), default="unknown")
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    appeal_pending: Mapped[bool] = mapped_column(Boolean, default=False)
    complaints: Mapped[int] = mapped_column(Integer, default=0)
    reporters: Mapped[int] = mapped_column(Integer, default=0)
    #: Distinct reporters whose channel vouches for them: what listing requires.
    verified_reporters: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    detections: Mapped[int] = mapped_column(Integer, default=0)
    #: Distinct keys (operators) whose detections were counted: listing by detections
    #: needs several.
    detectors: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    cat_ham: Mapped[int] = mapped_column(Integer, default=0)
    cat_ad: Mapped[int] = mapped_column(Integer, default=0)
    cat_scam: Mapped[int] = mapped_column(Integer, default=0)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    score_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    first_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    #: When decay may first change the state the numbers give (the score falls below the
    #: highest threshold it reached when written), under the settings recorded in
    #: :class:`SourceDecay`; NULL: not known, so the decay pass looks at it. Every write
    #: of ``score`` sets it (:func:`lachan.registry.sources.decay_due`); the decay pass
    #: reads only the ``suspected`` and ``listed`` sources whose time has come.
    decay_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    __table_args__ = (
        UniqueConstraint("kind", "value", name="uq_sources_kind_value"),
        Index("ix_sources_state", "state"),
        Index("ix_sources_state_decay_at", "state", "decay_at"),
    )


class SourceReporter(Base):
    """Which pseudonymous reporters reported a source (for distinct counts only), and
    whether any of their complaints about it came with a verified reporter."""

    __tablename__ = "source_reporters"

    source_id: Mapped[int] = mapped_column(
        ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True
    )
    reporter: Mapped[str] = mapped_column(String(64), primary_key=True)
    verified: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class SourceDetector(Base):
    """Which keys detected a source, and when a detection of theirs last counted (a key
    counts once per source per ``detection_window_hours``)."""

    __tablename__ = "source_detectors"

    source_id: Mapped[int] = mapped_column(
        ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True
    )
    detector: Mapped[str] = mapped_column(String(64), primary_key=True)
    first_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    counted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ComplaintSource(Base):
    """Link between a complaint and the sources found in it."""

    __tablename__ = "complaint_sources"

    complaint_id: Mapped[int] = mapped_column(
        ForeignKey("complaints.id", ondelete="CASCADE"), primary_key=True
    )
    source_id: Mapped[int] = mapped_column(
        ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(String(16))


class SourceChange(Base):
    """Feed journal: a row whenever a source enters or leaves the blocklist.

    Its ``id`` is the feed cursor."""

    __tablename__ = "source_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(320))
    state: Mapped[str] = mapped_column(String(16))
    listed: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_source_changes_kind_id", "kind", "id"),)


class SourceJournalHead(Base):
    """One row (``id`` 1) whose ``version`` every transaction that appends to the feed
    journal (``source_changes``) raises as it commits (:func:`_raise_journal_version`).

    Journal ids are not in commit order on PostgreSQL (a transaction may take id 10 and
    commit after the one that took 11), so the journal's last id does not tell whether
    the blocklist changed since it was read; the version does: it is raised under the
    row's lock at the very end of each such transaction, so versions are in commit
    order and a reader that sees version ``v`` sees every journal entry of versions up
    to ``v``. A cache of zones (:mod:`lachan.registry.feeds`) keys on it.

    ``epoch`` is a random token drawn when the row is made and again with each raise of
    the version: the journal's last id and version can come back to values they had
    (tables emptied, the row made again from version 1; a database restored from a
    backup, then written to), the epoch does not, so a cached zone is never taken for
    the zone of other entries."""

    __tablename__ = "source_journal_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(BigInteger)
    epoch: Mapped[str] = mapped_column(String(32), server_default="")


def new_journal_epoch() -> str:
    """A fresh :attr:`SourceJournalHead.epoch` (128 random bits)."""
    return secrets.token_hex(16)


#: ``Session.info`` key: the session's transaction appended to the feed journal.
JOURNALLED_INFO = "lachan.journalled"


@event.listens_for(SourceChange, "after_insert")
def _note_journal_entry(_mapper: Any, _conn: Any, target: SourceChange) -> None:
    session = object_session(target)
    if session is not None:
        session.info[JOURNALLED_INFO] = True


@event.listens_for(Session, "before_commit")
def _raise_journal_version(session: Session) -> None:
    """Raise the journal's version in a transaction that appended to it, last (after
    its final flush), so that the row lock is held only while the commit completes."""
    if not session.info.get(JOURNALLED_INFO) and not any(
        isinstance(o, SourceChange) for o in session.new
    ):
        return
    session.flush()
    session.info.pop(JOURNALLED_INFO, None)
    head = SourceJournalHead.__table__
    raise_version = (
        update(head)
        .where(head.c.id == 1)
        .values(version=head.c.version + 1, epoch=new_journal_epoch())
    )
    if getattr(session.execute(raise_version), "rowcount", 1):
        return
    # the row was removed (a test empties every table): made again, or raised if a
    # concurrent transaction made it first
    if not bulk.insert_rows(
        session.connection(),
        head,
        [{"id": 1, "version": 1, "epoch": new_journal_epoch()}],
        on_conflict_nothing=True,
        returning=("id",),
    ):
        session.execute(raise_version)


class SourceDecay(Base):
    """One row (``id`` 1): the settings the sources' ``decay_at`` were computed with (the
    thresholds and half-life, as JSON). A decay pass run with other settings (or with no
    row: a database just migrated, or emptied) reads every suspected and listed source
    once, as it did on every request before, and records its own."""

    __tablename__ = "source_decay"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    settings: Mapped[str] = mapped_column(String(400))


class ZoneSerial(Base):
    """The serial of a zone file (RPZ, rbldnsd) and the digest of the entries it was
    given for: one serial names one content, and new content takes the next serial."""

    __tablename__ = "zone_serials"

    zone: Mapped[str] = mapped_column(String(32), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))
    serial: Mapped[int] = mapped_column(BigInteger)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Decision(Base):
    """Block, revoke, clear or appeal of a source: who, when, why, with what evidence."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    state_before: Mapped[str] = mapped_column(String(16))
    state_after: Mapped[str] = mapped_column(String(16))


class DncEntry(Base):
    """A number on the Do-Not-Call register and its scope (sms, call or all). The number
    is held only as its keyed pseudonym (:meth:`lachan.registry.privacy.Vault.dnc_pseudonym`):
    a number given to the register is found by computing it."""

    __tablename__ = "dnc"

    pseudonym: Mapped[str] = mapped_column(String(64), primary_key=True)
    scope: Mapped[str] = mapped_column(String(8))
    registered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class DncEvent(Base):
    """History of the register: every registration and withdrawal (the number as its
    pseudonym, as in :class:`DncEntry`)."""

    __tablename__ = "dnc_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    pseudonym: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(16))
    scope: Mapped[str] = mapped_column(String(8))
    scope_after: Mapped[str] = mapped_column(String(8))
    via: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
