"""Persistence: engine, unit of work, migrations and the read side (flat rows for tables)."""
