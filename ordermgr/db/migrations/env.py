"""Alembic environment: run migrations on the connection ordermgr hands over."""

from alembic import context

from ordermgr.models import Base

target_metadata = Base.metadata
connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through `ordermgr db upgrade`, which supplies the connection")

context.configure(connection=connection, target_metadata=target_metadata,
                  render_as_batch=connection.dialect.name == "sqlite", compare_type=True)
with context.begin_transaction():
    context.run_migrations()
