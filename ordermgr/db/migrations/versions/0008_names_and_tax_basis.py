"""given and family names apart; whether an order's prices include tax

Customers and ship-to names keep the given and the family name as the storefront sent them (the
full name shown is composed from them in the person's convention, `models/names.py`). Orders
record whether their prices include tax, so the breakdown shown adds up ("incl. tax").
Existing rows: names stay as they were (parts empty), prices are tax-exclusive as before.

Revision ID: 0008
Revises: 0007
"""
from alembic import op
import sqlalchemy as sa

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN (no batch copy on SQLite: the orders table carries the search triggers)
    op.add_column("customers", sa.Column("given_name", sa.String(80), nullable=False, server_default=""))
    op.add_column("customers", sa.Column("family_name", sa.String(80), nullable=False, server_default=""))
    op.add_column("orders", sa.Column("ship_given_name", sa.String(80), nullable=False, server_default=""))
    op.add_column("orders", sa.Column("ship_family_name", sa.String(80), nullable=False, server_default=""))
    op.add_column("orders", sa.Column("prices_include_tax", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    for table, column in (("orders", "prices_include_tax"), ("orders", "ship_family_name"),
                          ("orders", "ship_given_name"), ("customers", "family_name"),
                          ("customers", "given_name")):
        op.drop_column(table, column)  # SQLite 3.35+ drops a column in place
