"""stocktakes, transfers and inventory tables

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stocktakes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("warehouse_id", sa.Integer(), nullable=False),
        sa.Column("bin_from", sa.String(length=32), nullable=True),
        sa.Column("bin_to", sa.String(length=32), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_by", sa.Integer(), nullable=True),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("posted_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["warehouse_id"], ["warehouses.id"],
                                name=op.f("fk_stocktakes_warehouse_id_warehouses")),
        sa.ForeignKeyConstraint(["started_by"], ["users.id"], name=op.f("fk_stocktakes_started_by_users")),
        sa.ForeignKeyConstraint(["posted_by"], ["users.id"], name=op.f("fk_stocktakes_posted_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stocktakes")),
    )
    op.create_index("ix_stocktakes_status", "stocktakes", ["status", "id"])
    op.create_table(
        "stocktake_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stocktake_id", sa.Integer(), nullable=False),
        sa.Column("sku_id", sa.Integer(), nullable=False),
        sa.Column("expected", sa.Integer(), nullable=False),
        sa.Column("counted", sa.Integer(), nullable=True),
        sa.Column("counted_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("counted IS NULL OR counted >= 0",
                           name=op.f("ck_stocktake_lines_counted_not_negative")),
        sa.ForeignKeyConstraint(["stocktake_id"], ["stocktakes.id"], ondelete="CASCADE",
                                name=op.f("fk_stocktake_lines_stocktake_id_stocktakes")),
        sa.ForeignKeyConstraint(["sku_id"], ["skus.id"], name=op.f("fk_stocktake_lines_sku_id_skus")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stocktake_lines")),
        sa.UniqueConstraint("stocktake_id", "sku_id", name=op.f("uq_stocktake_lines_stocktake_id")),
    )
    op.create_table(
        "transfers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("destination_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("shipped_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("source_id <> destination_id", name=op.f("ck_transfers_different_warehouses")),
        sa.ForeignKeyConstraint(["source_id"], ["warehouses.id"], name=op.f("fk_transfers_source_id_warehouses")),
        sa.ForeignKeyConstraint(["destination_id"], ["warehouses.id"],
                                name=op.f("fk_transfers_destination_id_warehouses")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_transfers_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transfers")),
    )
    op.create_index("ix_transfers_status", "transfers", ["status", "id"])
    op.create_table(
        "transfer_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("transfer_id", sa.Integer(), nullable=False),
        sa.Column("sku_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("quantity_received", sa.Integer(), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_transfer_lines_quantity_positive")),
        sa.CheckConstraint("quantity_received >= 0 AND quantity_received <= quantity",
                           name=op.f("ck_transfer_lines_received_within_quantity")),
        sa.ForeignKeyConstraint(["transfer_id"], ["transfers.id"], ondelete="CASCADE",
                                name=op.f("fk_transfer_lines_transfer_id_transfers")),
        sa.ForeignKeyConstraint(["sku_id"], ["skus.id"], name=op.f("fk_transfer_lines_sku_id_skus")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transfer_lines")),
        sa.UniqueConstraint("transfer_id", "sku_id", name=op.f("uq_transfer_lines_transfer_id")),
    )
    op.create_index("ix_transfer_lines_sku_id", "transfer_lines", ["sku_id"])
    op.create_table(
        "sku_supply",
        sa.Column("sku_id", sa.Integer(), nullable=False),
        sa.Column("lead_time_days", sa.Integer(), nullable=False),
        sa.Column("min_order_qty", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["sku_id"], ["skus.id"], name=op.f("fk_sku_supply_sku_id_skus")),
        sa.PrimaryKeyConstraint("sku_id", name=op.f("pk_sku_supply")),
    )


def downgrade() -> None:
    op.drop_table("sku_supply")
    op.drop_index("ix_transfer_lines_sku_id", table_name="transfer_lines")
    op.drop_table("transfer_lines")
    op.drop_index("ix_transfers_status", table_name="transfers")
    op.drop_table("transfers")
    op.drop_table("stocktake_lines")
    op.drop_index("ix_stocktakes_status", table_name="stocktakes")
    op.drop_table("stocktakes")
