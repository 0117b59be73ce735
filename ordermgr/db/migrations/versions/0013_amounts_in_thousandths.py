"""amounts in thousandths

Every Amount column is stored as integer thousandths instead of hundredths, so the three-decimal
currencies (BHD, IQD, JOD, KWD, LYD, OMR, TND) are exact. All of them are BIGINT already (the
largest allowed amount, 1e12 of a currency, is 1e15 thousandths). One UPDATE per table.

The downgrade divides by ten again and refuses, naming the first table, while any amount has a
third decimal: it cannot be kept in hundredths without changing it.

Revision ID: 0013
Revises: 0012
"""
from alembic import op
import sqlalchemy as sa

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# Every column of the `Amount` type (tests/unit/test_migration_amounts.py keeps this in step
# with the models).
AMOUNT_COLUMNS: dict[str, tuple[str, ...]] = {
    "approval_limits": ("max_amount",),
    "orders": ("subtotal", "shipping", "tax", "discount", "total"),
    "skus": ("price", "cost"),
    "order_lines": ("unit_price", "discount", "total"),
    "payments": ("amount",),
    "returns": ("refund_amount", "restocking_fee"),
    "shipments": ("cost",),
    "logistics_exceptions": ("claim_amount",),
    "refunds": ("amount",),
    "refund_parts": ("amount",),
}


def _scale(operator: str) -> None:
    for table, columns in AMOUNT_COLUMNS.items():
        assignments = ", ".join(f"{c} = {c} {operator} 10" for c in columns)
        op.execute(sa.text(f"UPDATE {table} SET {assignments}"))


def upgrade() -> None:
    _scale("*")


def downgrade() -> None:
    conn = op.get_bind()
    for table, columns in AMOUNT_COLUMNS.items():
        third = " OR ".join(f"{c} % 10 != 0" for c in columns)
        if conn.execute(sa.text(f"SELECT 1 FROM {table} WHERE {third} LIMIT 1")).first():
            raise RuntimeError(
                f"Cannot downgrade below 0013: the table {table} has amounts with three decimals "
                "(BHD, KWD, ... dinars), which the older version cannot store. Delete or correct "
                "those records first, or stay on this version.")
    _scale("/")
