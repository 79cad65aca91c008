"""Tables of the official-channel registry (Alembic branch ``official``).

Organisations (banks, wallets, couriers, shops, telcos, public services ...) and their
official channels: domains, hotlines, SMS brandnames and e-mail domains. Values are kept
in the registry's canonical forms (``lachan.registry.normalise``): lower-case ASCII
hosts, national-form numbers, upper-case brandnames.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from lachan.store.base import Base

BigId = BigInteger().with_variant(Integer, "sqlite")

#: Kinds of official channel.
CHANNEL_KINDS: tuple[str, ...] = ("domain", "phone", "brandname", "email_domain")


class OfficialOrg(Base):
    __tablename__ = "official_orgs"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(32), default="other")
    bin: Mapped[str | None] = mapped_column(String(8), nullable=True)
    #: comma-separated lower-case names used to recognise the brand in texts and hosts
    aliases: Mapped[str] = mapped_column(String(1000), default="")
    source: Mapped[str] = mapped_column(String(1000), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class OfficialChannel(Base):
    __tablename__ = "official_channels"
    __table_args__ = (UniqueConstraint("kind", "value", name="uq_official_channels_kind_value"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("official_orgs.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(320))
    source: Mapped[str] = mapped_column(String(1000), default="")
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
