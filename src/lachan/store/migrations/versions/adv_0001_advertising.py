"""advertising: advertisers, brandnames, templates, consents, refusals, copies, violations

Revision ID: adv_0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "adv_0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = ("advertising",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "advertisers",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("tax_code", sa.String(length=32), nullable=False),
        sa.Column("contact", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_advertisers")),
    )
    op.create_table(
        "ad_consents",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("advertiser_id", sa.Integer(), nullable=False),
        sa.Column("recipient", sa.String(length=254), nullable=False),
        sa.Column("channel", sa.String(length=8), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("proof_ref", sa.String(length=200), nullable=False),
        sa.Column("given_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_via", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["advertiser_id"],
            ["advertisers.id"],
            name=op.f("fk_ad_consents_advertiser_id_advertisers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ad_consents")),
    )
    with op.batch_alter_table("ad_consents", schema=None) as batch_op:
        batch_op.create_index(
            "ix_ad_consents_adv_recipient", ["advertiser_id", "recipient"], unique=False
        )

    op.create_table(
        "ad_copies",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("advertiser_id", sa.Integer(), nullable=False),
        sa.Column("sender", sa.String(length=64), nullable=False),
        sa.Column("recipient", sa.String(length=254), nullable=False),
        sa.Column("channel", sa.String(length=8), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("is_consent_request", sa.Boolean(), nullable=False),
        sa.Column("subject", sa.String(length=1000), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("duration_s", sa.Integer(), nullable=True),
        sa.Column("content_label", sa.String(length=8), nullable=True),
        sa.Column("content_score", sa.Float(), nullable=True),
        sa.Column("violations", sa.Integer(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["advertiser_id"],
            ["advertisers.id"],
            name=op.f("fk_ad_copies_advertiser_id_advertisers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ad_copies")),
    )
    with op.batch_alter_table("ad_copies", schema=None) as batch_op:
        batch_op.create_index(
            "ix_ad_copies_window", ["advertiser_id", "recipient", "sent_at"], unique=False
        )

    op.create_table(
        "ad_refusals",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("advertiser_id", sa.Integer(), nullable=False),
        sa.Column("recipient", sa.String(length=254), nullable=False),
        sa.Column("keyword", sa.String(length=32), nullable=False),
        sa.Column("reply", sa.String(length=1000), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("confirmation", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["advertiser_id"],
            ["advertisers.id"],
            name=op.f("fk_ad_refusals_advertiser_id_advertisers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ad_refusals")),
    )
    with op.batch_alter_table("ad_refusals", schema=None) as batch_op:
        batch_op.create_index(
            "ix_ad_refusals_adv_recipient", ["advertiser_id", "recipient"], unique=False
        )

    op.create_table(
        "ad_templates",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("advertiser_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["advertiser_id"],
            ["advertisers.id"],
            name=op.f("fk_ad_templates_advertiser_id_advertisers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ad_templates")),
    )
    with op.batch_alter_table("ad_templates", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ad_templates_advertiser_id"), ["advertiser_id"], unique=False
        )

    op.create_table(
        "advertiser_keys",
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("advertiser_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["advertiser_id"],
            ["advertisers.id"],
            name=op.f("fk_advertiser_keys_advertiser_id_advertisers"),
        ),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_advertiser_keys")),
    )
    with op.batch_alter_table("advertiser_keys", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_advertiser_keys_advertiser_id"), ["advertiser_id"], unique=False
        )

    op.create_table(
        "brandnames",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=11), nullable=False),
        sa.Column("name_key", sa.String(length=11), nullable=False),
        sa.Column("advertiser_id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("valid_until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("renewals", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["advertiser_id"],
            ["advertisers.id"],
            name=op.f("fk_brandnames_advertiser_id_advertisers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_brandnames")),
        sa.UniqueConstraint("name_key", name=op.f("uq_brandnames_name_key")),
    )
    with op.batch_alter_table("brandnames", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_brandnames_advertiser_id"), ["advertiser_id"], unique=False
        )

    op.create_table(
        "ad_violations",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("copy_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("advertiser_id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=40), nullable=False),
        sa.Column("channel", sa.String(length=8), nullable=False),
        sa.Column("explanation", sa.String(length=500), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("fine_min_vnd", sa.BigInteger(), nullable=True),
        sa.Column("fine_max_vnd", sa.BigInteger(), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["advertiser_id"],
            ["advertisers.id"],
            name=op.f("fk_ad_violations_advertiser_id_advertisers"),
        ),
        sa.ForeignKeyConstraint(
            ["copy_id"], ["ad_copies.id"], name=op.f("fk_ad_violations_copy_id_ad_copies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ad_violations")),
    )
    with op.batch_alter_table("ad_violations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ad_violations_copy_id"), ["copy_id"], unique=False)
        batch_op.create_index("ix_ad_violations_report", ["advertiser_id", "sent_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("ad_violations", schema=None) as batch_op:
        batch_op.drop_index("ix_ad_violations_report")
        batch_op.drop_index(batch_op.f("ix_ad_violations_copy_id"))

    op.drop_table("ad_violations")
    with op.batch_alter_table("brandnames", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_brandnames_advertiser_id"))

    op.drop_table("brandnames")
    with op.batch_alter_table("advertiser_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_advertiser_keys_advertiser_id"))

    op.drop_table("advertiser_keys")
    with op.batch_alter_table("ad_templates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ad_templates_advertiser_id"))

    op.drop_table("ad_templates")
    with op.batch_alter_table("ad_refusals", schema=None) as batch_op:
        batch_op.drop_index("ix_ad_refusals_adv_recipient")

    op.drop_table("ad_refusals")
    with op.batch_alter_table("ad_copies", schema=None) as batch_op:
        batch_op.drop_index("ix_ad_copies_window")

    op.drop_table("ad_copies")
    with op.batch_alter_table("ad_consents", schema=None) as batch_op:
        batch_op.drop_index("ix_ad_consents_adv_recipient")

    op.drop_table("ad_consents")
    op.drop_table("advertisers")
