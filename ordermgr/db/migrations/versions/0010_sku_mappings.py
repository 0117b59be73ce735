"""storefront SKUs mapped to catalogue SKUs

Revision ID: 0010
Revises: 0009
"""
from alembic import op
import sqlalchemy as sa

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sku_mappings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("remote_sku", sa.String(length=64), nullable=False),
        sa.Column("sku_id", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["store_id"], ["stores.id"], ondelete="CASCADE",
                                name=op.f("fk_sku_mappings_store_id_stores")),
        sa.ForeignKeyConstraint(["sku_id"], ["skus.id"], name=op.f("fk_sku_mappings_sku_id_skus")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"],
                                name=op.f("fk_sku_mappings_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sku_mappings")),
        sa.UniqueConstraint("store_id", "remote_sku", name=op.f("uq_sku_mappings_store_id")),
    )
    op.create_index(op.f("ix_sku_mappings_sku_id"), "sku_mappings", ["sku_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_sku_mappings_sku_id"), table_name="sku_mappings")
    op.drop_table("sku_mappings")
