"""refund state machine: requested, pushed, confirmed, failed, paid_elsewhere, cancelled

A refund keeps the storefront's reason when it fails (last_error becomes failure_reason), how it
was paid back when not through the storefront (method + the existing reference), when it was
last sent and when it failed, who resolved a failure, and the id the storefront lists it under
in pulled orders (pulled_id; some platforms answer a push with another id). Old states map onto the new ones:
pending -> requested, done -> confirmed (storefront) or paid_elsewhere (by hand), failed stays.

Revision ID: 0009
Revises: 0007
"""
from alembic import op
import sqlalchemy as sa

revision = "0009"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("refunds") as batch:
        batch.alter_column("last_error", new_column_name="failure_reason", existing_type=sa.Text(),
                           existing_nullable=False)
        batch.add_column(sa.Column("method", sa.String(length=40), nullable=False, server_default=""))
        batch.add_column(sa.Column("pushed_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("failed_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("resolved_by", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("pulled_id", sa.String(length=64), nullable=True))
        batch.create_foreign_key(op.f("fk_refunds_resolved_by_users"), "users", ["resolved_by"], ["id"])
    refunds = sa.table("refunds", sa.column("status", sa.String), sa.column("channel", sa.String),
                       sa.column("external_id", sa.String), sa.column("pulled_id", sa.String))
    # until now a refund's storefront id came only from the pull
    op.execute(refunds.update().where(refunds.c.external_id.is_not(None))
               .values(pulled_id=refunds.c.external_id))
    op.execute(refunds.update().where(refunds.c.status == "pending").values(status="requested"))
    op.execute(refunds.update().where(refunds.c.status == "done", refunds.c.channel == "manual")
               .values(status="paid_elsewhere"))
    op.execute(refunds.update().where(refunds.c.status == "done").values(status="confirmed"))


def downgrade() -> None:
    refunds = sa.table("refunds", sa.column("status", sa.String))
    op.execute(refunds.update().where(refunds.c.status.in_(["requested", "pushed"]))
               .values(status="pending"))
    op.execute(refunds.update().where(refunds.c.status.in_(["confirmed", "paid_elsewhere"]))
               .values(status="done"))
    op.execute(refunds.update().where(refunds.c.status == "cancelled").values(status="failed"))
    with op.batch_alter_table("refunds") as batch:
        batch.drop_constraint(op.f("fk_refunds_resolved_by_users"), type_="foreignkey")
        batch.drop_column("pulled_id")
        batch.drop_column("resolved_by")
        batch.drop_column("failed_at")
        batch.drop_column("pushed_at")
        batch.drop_column("method")
        batch.alter_column("failure_reason", new_column_name="last_error", existing_type=sa.Text(),
                           existing_nullable=False)
