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
    with op.batch_alter_table("customers") as batch:
        batch.add_column(sa.Column("given_name", sa.String(80), nullable=False, server_default=""))
        batch.add_column(sa.Column("family_name", sa.String(80), nullable=False, server_default=""))
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("ship_given_name", sa.String(80), nullable=False, server_default=""))
        batch.add_column(sa.Column("ship_family_name", sa.String(80), nullable=False, server_default=""))
        batch.add_column(sa.Column("prices_include_tax", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("prices_include_tax")
        batch.drop_column("ship_family_name")
        batch.drop_column("ship_given_name")
    with op.batch_alter_table("customers") as batch:
        batch.drop_column("family_name")
        batch.drop_column("given_name")
