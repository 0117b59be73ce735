"""outbox lease owner

A leased outbox message records which runner holds it ("host:pid", or a configured runner id),
so a runner restarted after a crash takes its own leases back at once instead of waiting for
them to expire; other workstations' leases still run out.

Revision ID: 0012
Revises: 0010
"""
from alembic import op
import sqlalchemy as sa

revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("outbox", sa.Column("lease_owner", sa.String(length=120), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("lease_owner")
