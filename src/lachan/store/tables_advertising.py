"""Tables of advertising supervision (Alembic branch ``advertising``).

Advertisers, their API keys, brandnames (Article 23), templates with variable slots,
consent records, refusal replies, copies of ads sent and the violations found in them.
No recipient is held in clear (:mod:`lachan.registry.advertising_recipients`): each row
holds its recipient's keyed pseudonym (``recipient_pseudonym``, what look-ups and indexes
use) and the recipient encrypted (``recipient_enc``); a refusal's reply text is encrypted
too (``reply_enc``). Both are computed on the normalised recipient: ``0xxxxxxxxx`` for
numbers, lower-case for e-mail. What else may name a person is encrypted the same way,
bound to its column and advertiser: a consent's proof reference (``proof_ref_enc``), an
ad copy's text and subject (``text_enc``, ``subject_enc``: a personalised ad holds a
name or a number) and a violation's explanation and evidence (``explanation_enc``,
``evidence_enc``: they quote the copy). Nothing searches these columns.
"""

from __future__ import annotations

from datetime import datetime

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
)
from sqlalchemy.orm import Mapped, mapped_column

from lachan.store.base import Base

#: Auto-increment 64-bit ids on PostgreSQL; SQLite needs INTEGER for its rowid alias.
BigId = BigInteger().with_variant(Integer, "sqlite")

#: A recipient's keyed pseudonym: HMAC-SHA256 in hex.
PSEUDONYM_LEN = 64


class Advertiser(Base):
    __tablename__ = "advertisers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200))
    tax_code: Mapped[str] = mapped_column(String(32), default="")
    contact: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AdvertiserKey(Base):
    """Binds an API key of role ``advertiser`` to the one advertiser it acts for."""

    __tablename__ = "advertiser_keys"

    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    advertiser_id: Mapped[int] = mapped_column(ForeignKey("advertisers.id"), index=True)


class Brandname(Base):
    __tablename__ = "brandnames"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(11))
    #: upper-case key: brandnames are unique case-insensitively nationwide (Art. 23)
    name_key: Mapped[str] = mapped_column(String(11), unique=True)
    advertiser_id: Mapped[int] = mapped_column(ForeignKey("advertisers.id"), index=True)
    valid_from: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    valid_until: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    registered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    renewals: Mapped[int] = mapped_column(Integer, default=0)


class AdTemplate(Base):
    __tablename__ = "ad_templates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    advertiser_id: Mapped[int] = mapped_column(ForeignKey("advertisers.id"), index=True)
    channel: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Consent(Base):
    __tablename__ = "ad_consents"
    __table_args__ = (
        # a recipient's consents, and what a scrub reads of them from the index alone
        # (channel and times: advertising_scrub's consent view and look-up; adv_0006)
        Index("ix_ad_consents_adv_recipient_state", "advertiser_id", "recipient_pseudonym",
              "channel", "given_at", "withdrawn_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    advertiser_id: Mapped[int] = mapped_column(ForeignKey("advertisers.id"))
    recipient_pseudonym: Mapped[str] = mapped_column(String(PSEUDONYM_LEN))
    recipient_enc: Mapped[bytes] = mapped_column(LargeBinary)
    channel: Mapped[str] = mapped_column(String(8))  # sms, email, call or all
    method: Mapped[str] = mapped_column(String(16))  # reply, online, paper, call, text, software
    #: the reference to the proof of consent (at most 200 characters), encrypted
    proof_ref_enc: Mapped[bytes] = mapped_column(LargeBinary)
    given_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    withdrawn_via: Mapped[str] = mapped_column(String(16), default="")
    #: ads per 24 h the recipient agreed to, instead of the decree's cap (None: the cap)
    daily_limit: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Refusal(Base):
    __tablename__ = "ad_refusals"
    __table_args__ = (
        # a recipient's refusals, and what a scrub reads of them from the index alone
        # (the time: advertising_scrub's consent view and look-up; adv_0007)
        Index("ix_ad_refusals_adv_recipient_received", "advertiser_id", "recipient_pseudonym",
              "received_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    advertiser_id: Mapped[int] = mapped_column(ForeignKey("advertisers.id"))
    recipient_pseudonym: Mapped[str] = mapped_column(String(PSEUDONYM_LEN))
    recipient_enc: Mapped[bytes] = mapped_column(LargeBinary)
    keyword: Mapped[str] = mapped_column(String(32))
    #: the subscriber's reply (at most 1,000 characters), encrypted
    reply_enc: Mapped[bytes] = mapped_column(LargeBinary)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    confirmation: Mapped[str] = mapped_column(String(500))


class AdCopy(Base):
    """A copy of one ad as sent, sent to the centre by its advertiser."""

    __tablename__ = "ad_copies"
    __table_args__ = (
        Index("ix_ad_copies_window", "advertiser_id", "recipient_pseudonym", "sent_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    advertiser_id: Mapped[int] = mapped_column(ForeignKey("advertisers.id"))
    sender: Mapped[str] = mapped_column(String(64))
    recipient_pseudonym: Mapped[str] = mapped_column(String(PSEUDONYM_LEN))
    recipient_enc: Mapped[bytes] = mapped_column(LargeBinary)
    channel: Mapped[str] = mapped_column(String(8))
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    is_consent_request: Mapped[bool] = mapped_column(Boolean, default=False)
    #: the subject (at most 1,000 characters) and text (5,000), each encrypted
    subject_enc: Mapped[bytes] = mapped_column(LargeBinary)
    text_enc: Mapped[bytes] = mapped_column(LargeBinary)
    duration_s: Mapped[int | None] = mapped_column(Integer, nullable=True)
    content_label: Mapped[str | None] = mapped_column(String(8), nullable=True)
    content_score: Mapped[float | None] = mapped_column(Float, nullable=True)
    violations: Mapped[int] = mapped_column(Integer, default=0)
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Violation(Base):
    __tablename__ = "ad_violations"
    __table_args__ = (Index("ix_ad_violations_report", "advertiser_id", "sent_at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    copy_id: Mapped[int] = mapped_column(ForeignKey("ad_copies.id"), index=True)
    advertiser_id: Mapped[int] = mapped_column(ForeignKey("advertisers.id"))
    rule: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(8))
    #: the explanation (at most 500 characters) and the evidence (JSON), each encrypted:
    #: both may quote the copy's text or subject
    explanation_enc: Mapped[bytes] = mapped_column(LargeBinary)
    evidence_enc: Mapped[bytes] = mapped_column(LargeBinary)
    fine_min_vnd: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    fine_max_vnd: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
