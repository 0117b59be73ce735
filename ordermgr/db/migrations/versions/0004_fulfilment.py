"""fulfilment and logistics

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "carriers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("pattern", sa.String(200), nullable=False),
        sa.Column("hint", sa.String(200), nullable=False),
        sa.Column("tracking_url", sa.String(300), nullable=False),
        sa.Column("delayed_after_days", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_carriers")),
        sa.UniqueConstraint("name", name=op.f("uq_carriers_name")),
    )
    op.create_table(
        "pick_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"],
                                name=op.f("fk_pick_batches_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pick_batches")),
        sa.UniqueConstraint("number", name=op.f("uq_pick_batches_number")),
    )
    op.create_table(
        "pick_batch_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["pick_batches.id"], ondelete="CASCADE",
                                name=op.f("fk_pick_batch_orders_batch_id_pick_batches")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], ondelete="CASCADE",
                                name=op.f("fk_pick_batch_orders_order_id_orders")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pick_batch_orders")),
        sa.UniqueConstraint("batch_id", "slot", name=op.f("uq_pick_batch_orders_batch_id")),
    )
    op.create_index("ix_pick_batch_orders_order", "pick_batch_orders", ["order_id"])
    op.create_table(
        "shipment_parcels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shipment_id", sa.Integer(), nullable=False),
        sa.Column("carrier", sa.String(40), nullable=False),
        sa.Column("waybill", sa.String(64), nullable=False),
        sa.Column("weight_grams", sa.Integer(), nullable=False),
        sa.Column("length_mm", sa.Integer(), nullable=False),
        sa.Column("width_mm", sa.Integer(), nullable=False),
        sa.Column("height_mm", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["shipment_id"], ["shipments.id"], ondelete="CASCADE",
                                name=op.f("fk_shipment_parcels_shipment_id_shipments")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipment_parcels")),
        sa.UniqueConstraint("carrier", "waybill", name=op.f("uq_shipment_parcels_carrier")),
    )
    op.create_index("ix_shipment_parcels_shipment_id", "shipment_parcels", ["shipment_id"])
    op.create_index("ix_shipment_parcels_waybill", "shipment_parcels", ["waybill"])
    op.create_table(
        "logistics_exceptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shipment_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("opened_at", TZ, nullable=False),
        sa.Column("opened_by", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("claim_status", sa.String(16), nullable=False),
        sa.Column("claim_amount", sa.BigInteger(), nullable=True),
        sa.Column("resolved_at", TZ, nullable=True),
        sa.ForeignKeyConstraint(["shipment_id"], ["shipments.id"], ondelete="CASCADE",
                                name=op.f("fk_logistics_exceptions_shipment_id_shipments")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], ondelete="CASCADE",
                                name=op.f("fk_logistics_exceptions_order_id_orders")),
        sa.ForeignKeyConstraint(["opened_by"], ["users.id"],
                                name=op.f("fk_logistics_exceptions_opened_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_logistics_exceptions")),
    )
    op.create_index("ix_logistics_exceptions_shipment_id", "logistics_exceptions", ["shipment_id"])
    op.create_index("ix_logistics_exceptions_status", "logistics_exceptions",
                    ["status", "opened_at"])
    with op.batch_alter_table("shipments") as batch:
        batch.add_column(sa.Column("length_mm", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("width_mm", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("height_mm", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("last_event_at", TZ, nullable=True))
        batch.add_column(sa.Column("order_to_packed_s", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("packed_to_shipped_s", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("shipped_to_delivered_s", sa.Integer(), nullable=True))
    # the tracking queue: shipments still on the road, oldest news first
    op.create_index("ix_shipments_status_event", "shipments", ["status", "last_event_at"])


def downgrade() -> None:
    op.drop_index("ix_shipments_status_event", table_name="shipments")
    with op.batch_alter_table("shipments") as batch:
        for name in ("shipped_to_delivered_s", "packed_to_shipped_s", "order_to_packed_s",
                     "last_event_at", "height_mm", "width_mm", "length_mm"):
            batch.drop_column(name)
    op.drop_table("logistics_exceptions")
    op.drop_table("shipment_parcels")
    op.drop_table("pick_batch_orders")
    op.drop_table("pick_batches")
    op.drop_table("carriers")
