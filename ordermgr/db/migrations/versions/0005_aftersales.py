"""after-sales cases: refunds, attachments, reason codes, SLA hours, approval limits

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

REASON_CODES = [
    ("damaged", "Arrived damaged", ""), ("defective", "Defective / does not work", ""),
    ("wrong_item", "Wrong item sent", ""), ("not_as_described", "Not as described", ""),
    ("size_fit", "Wrong size or fit", "return_refund,exchange"),
    ("changed_mind", "Changed mind", "return_refund,refund_only,exchange"),
    ("missing_item", "Item missing from parcel", "reship,refund_only,complaint"),
    ("late_delivery", "Late delivery", "refund_only,complaint,intercept"),
    ("courier", "Courier problem", "complaint,intercept,reship"),
    ("cancelled_after_dispatch", "Cancelled after dispatch", "intercept"),
    ("goodwill", "Goodwill gesture", "refund_only,complaint"),
    ("other", "Other (see note)", ""),
]
SLA_HOURS = {"return_refund": 72, "refund_only": 24, "exchange": 72, "reship": 24,
             "intercept": 12, "complaint": 48}
LIMITS = {"agent": 20000, "supervisor": 500000, "manager": None, "admin": None}  # minor units


def upgrade() -> None:
    # plain ADD COLUMNs (no constraints) work on SQLite without a table rebuild
    op.add_column("returns", sa.Column("status_changed_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("returns", sa.Column("due_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("returns", sa.Column("external_id", sa.String(length=64), nullable=True))
    op.add_column("returns", sa.Column("refund_shipping", sa.Boolean(), nullable=False,
                                       server_default=sa.false()))
    op.add_column("returns", sa.Column("restocking_fee", sa.BigInteger(), nullable=False,
                                       server_default="0"))
    op.add_column("returns", sa.Column("amount_reason", sa.Text(), nullable=False, server_default=""))
    op.add_column("returns", sa.Column("replacement_order_id", sa.Integer(), nullable=True))
    op.add_column("returns", sa.Column("intercept_carrier", sa.String(length=40), nullable=False,
                                       server_default=""))
    op.add_column("returns", sa.Column("intercept_reference", sa.String(length=64), nullable=False,
                                       server_default=""))
    op.add_column("returns", sa.Column("intercept_outcome", sa.String(length=24), nullable=False,
                                       server_default=""))
    op.create_index("ix_returns_status_requested", "returns", ["status", "requested_at", "id"])
    op.create_index("ix_returns_requested", "returns", ["requested_at", "id"])
    op.create_index("ix_returns_due", "returns", ["due_at"])
    op.create_index("ix_returns_external", "returns", ["external_id"])

    op.create_table(
        "refunds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("return_id", sa.Integer(), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reference", sa.String(length=120), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_refunds_amount_positive")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], ondelete="CASCADE",
                                name=op.f("fk_refunds_order_id_orders")),
        sa.ForeignKeyConstraint(["return_id"], ["returns.id"], name=op.f("fk_refunds_return_id_returns")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_refunds_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refunds")),
        sa.UniqueConstraint("number", name=op.f("uq_refunds_number")),
        sa.UniqueConstraint("order_id", "external_id", name=op.f("uq_refunds_order_id")),
    )
    op.create_index("ix_refunds_status", "refunds", ["status", "created_at"])
    op.create_index("ix_refunds_order", "refunds", ["order_id"])
    op.create_index("ix_refunds_return", "refunds", ["return_id"])
    op.create_table(
        "refund_parts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("refund_id", sa.Integer(), nullable=False),
        sa.Column("charge_id", sa.Integer(), nullable=True),
        sa.Column("payment_id", sa.Integer(), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["refund_id"], ["refunds.id"], ondelete="CASCADE",
                                name=op.f("fk_refund_parts_refund_id_refunds")),
        sa.ForeignKeyConstraint(["charge_id"], ["payments.id"], name=op.f("fk_refund_parts_charge_id_payments")),
        sa.ForeignKeyConstraint(["payment_id"], ["payments.id"],
                                name=op.f("fk_refund_parts_payment_id_payments")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refund_parts")),
    )
    op.create_index(op.f("ix_refund_parts_refund_id"), "refund_parts", ["refund_id"])
    op.create_table(
        "case_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("return_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("added_by", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["return_id"], ["returns.id"], ondelete="CASCADE",
                                name=op.f("fk_case_attachments_return_id_returns")),
        sa.ForeignKeyConstraint(["added_by"], ["users.id"], name=op.f("fk_case_attachments_added_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_attachments")),
    )
    op.create_index(op.f("ix_case_attachments_return_id"), "case_attachments", ["return_id"])
    reasons = op.create_table(
        "reason_codes",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("kinds", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_reason_codes")),
    )
    sla = op.create_table(
        "sla_settings",
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("hours", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", name=op.f("pk_sla_settings")),
    )
    limits = op.create_table(
        "approval_limits",
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("max_amount", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("role", name=op.f("pk_approval_limits")),
    )
    op.bulk_insert(reasons, [{"code": c, "label": label, "kinds": kinds, "active": True, "position": i}
                             for i, (c, label, kinds) in enumerate(REASON_CODES)])
    op.bulk_insert(sla, [{"kind": k, "hours": h} for k, h in SLA_HOURS.items()])
    op.bulk_insert(limits, [{"role": r, "max_amount": a} for r, a in LIMITS.items()])


def downgrade() -> None:
    for table in ("approval_limits", "sla_settings", "reason_codes", "case_attachments",
                  "refund_parts", "refunds"):
        op.drop_table(table)
    op.drop_index("ix_returns_external", table_name="returns")
    op.drop_index("ix_returns_due", table_name="returns")
    op.drop_index("ix_returns_requested", table_name="returns")
    op.drop_index("ix_returns_status_requested", table_name="returns")
    with op.batch_alter_table("returns") as batch:
        for column in ("intercept_outcome", "intercept_reference", "intercept_carrier",
                       "replacement_order_id", "amount_reason", "restocking_fee", "refund_shipping",
                       "external_id", "due_at", "status_changed_at"):
            batch.drop_column(column)
