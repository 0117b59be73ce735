"""refund state machine: requested, pushed, confirmed, failed, paid_elsewhere, cancelled

A refund keeps the storefront's reason when it fails (last_error becomes failure_reason), how it
was paid back when not through the storefront (method + the existing reference), when it was
last sent and when it failed, who resolved a failure, and the id the storefront lists it under
in pulled orders (pulled_id; some platforms answer a push with another id). Old states map onto the new ones:
pending -> requested (or failed, with the storefront's error, when its push was parked or
dismissed), done -> confirmed (storefront) or paid_elsewhere (by hand), failed stays.

Revision ID: 0009
Revises: 0008
"""
from alembic import op
import sqlalchemy as sa

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ALTERs (SQLite >= 3.35 has them): a batch copy of the table would drop the old one,
    # and with foreign keys on that deletes every refund_parts row by cascade
    op.execute("ALTER TABLE refunds RENAME COLUMN last_error TO failure_reason")
    op.add_column("refunds", sa.Column("method", sa.String(length=40), nullable=False, server_default=""))
    op.add_column("refunds", sa.Column("pushed_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("refunds", sa.Column("failed_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("refunds", sa.Column("pulled_id", sa.String(length=64), nullable=True))
    if op.get_bind().dialect.name == "sqlite":  # no ADD CONSTRAINT there; REFERENCES inline
        op.execute("ALTER TABLE refunds ADD COLUMN resolved_by INTEGER REFERENCES users (id)")
    else:
        op.add_column("refunds", sa.Column("resolved_by", sa.Integer(), nullable=True))
        op.create_foreign_key(op.f("fk_refunds_resolved_by_users"), "refunds", "users",
                              ["resolved_by"], ["id"])
    refunds = sa.table("refunds", sa.column("status", sa.String), sa.column("channel", sa.String),
                       sa.column("external_id", sa.String), sa.column("pulled_id", sa.String))
    # until now a refund's storefront id came only from the pull
    op.execute(refunds.update().where(refunds.c.external_id.is_not(None))
               .values(pulled_id=refunds.c.external_id))
    _fail_refunds_whose_push_was_given_up()
    op.execute(refunds.update().where(refunds.c.status == "pending").values(status="requested"))
    op.execute(refunds.update().where(refunds.c.status == "done", refunds.c.channel == "manual")
               .values(status="paid_elsewhere"))
    op.execute(refunds.update().where(refunds.c.status == "done").values(status="confirmed"))


def _fail_refunds_whose_push_was_given_up() -> None:
    """Until now a refund whose push was parked or dismissed stayed pending for ever; it failed,
    with the storefront's words, so an agent can now resolve it."""
    conn = op.get_bind()
    stuck = conn.execute(sa.text(
        "SELECT refunds.id, orders.store_id FROM refunds JOIN orders ON orders.id = refunds.order_id "
        "WHERE refunds.status = 'pending' AND refunds.channel = 'storefront'")).all()
    for refund_id, store_id in stuck:
        push = conn.execute(sa.text("SELECT status, last_error FROM outbox WHERE idempotency_key = :key"),
                            {"key": f"{store_id}:refund:{refund_id}"}).first()
        if push is not None and push.status in ("parked", "dismissed"):
            conn.execute(sa.text("UPDATE refunds SET status = 'failed', failure_reason = :why "
                                 "WHERE id = :id"),
                         {"id": refund_id, "why": push.last_error or f"the push was {push.status}"})
            conn.execute(sa.text("UPDATE payments SET status = 'failed' WHERE status = 'pending' AND "
                                 "id IN (SELECT payment_id FROM refund_parts WHERE refund_id = :id)"),
                         {"id": refund_id})


def downgrade() -> None:
    refunds = sa.table("refunds", sa.column("status", sa.String))
    op.execute(refunds.update().where(refunds.c.status.in_(["requested", "pushed"]))
               .values(status="pending"))
    op.execute(refunds.update().where(refunds.c.status.in_(["confirmed", "paid_elsewhere"]))
               .values(status="done"))
    op.execute(refunds.update().where(refunds.c.status == "cancelled").values(status="failed"))
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(op.f("fk_refunds_resolved_by_users"), "refunds", type_="foreignkey")
    for column in ("resolved_by", "pulled_id", "failed_at", "pushed_at", "method"):
        op.drop_column("refunds", column)
    op.execute("ALTER TABLE refunds RENAME COLUMN failure_reason TO last_error")
