"""storefront sync state

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("watermark", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_run_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_success_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("orders_pulled", sa.Integer(), nullable=False),
        sa.Column("last_pulled", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["store_id"], ["stores.id"], ondelete="CASCADE",
                                name=op.f("fk_sync_state_store_id_stores")),
        sa.PrimaryKeyConstraint("store_id", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_raw_payloads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=False),
        sa.Column("remote_updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["store_id"], ["stores.id"], ondelete="CASCADE",
                                name=op.f("fk_sync_raw_payloads_store_id_stores")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_raw_payloads")),
        sa.UniqueConstraint("store_id", "external_id", name=op.f("uq_sync_raw_payloads_store_id")),
    )
    op.create_table(
        "sync_quarantine",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["store_id"], ["stores.id"], ondelete="CASCADE",
                                name=op.f("fk_sync_quarantine_store_id_stores")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_quarantine")),
        sa.UniqueConstraint("store_id", "external_id", name=op.f("uq_sync_quarantine_store_id")),
    )
    with op.batch_alter_table("sync_quarantine", schema=None) as batch_op:
        batch_op.create_index("ix_sync_quarantine_open", ["resolved_at", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sync_quarantine", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_quarantine_open")
    op.drop_table("sync_quarantine")
    op.drop_table("sync_raw_payloads")
    op.drop_table("sync_state")
