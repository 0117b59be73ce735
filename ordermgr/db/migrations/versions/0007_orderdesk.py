"""order desk indexes

Keyset paging sorts by (column, id); without a matching index a click on a column header would
sort the whole table. One index per sortable column of the queue (number and placed_at already
have one), plus store + placed_at for the store filter.

Revision ID: 0007
Revises: 0006
"""
from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_orders_customer_name_id": ("customer_name", "id"),
    "ix_orders_total_id": ("total", "id"),
    "ix_orders_item_count_id": ("item_count", "id"),
    "ix_orders_status_id": ("status", "id"),
    "ix_orders_payment_status_id": ("payment_status", "id"),
    "ix_orders_fulfilment_status_id": ("fulfilment_status", "id"),
    "ix_orders_store_placed": ("store_id", "placed_at", "id"),
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "orders", list(columns))


def downgrade() -> None:
    for name in reversed(list(INDEXES)):
        op.drop_index(name, table_name="orders")
