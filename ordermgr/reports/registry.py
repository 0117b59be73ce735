"""The reports there are, by name: `run_report(engine, name, params)`."""

from __future__ import annotations

import importlib

from sqlalchemy import Engine

from ordermgr.errors import ValidationError
from ordermgr.reports.common import Progress
from ordermgr.reports.model import ReportResult
from ordermgr.reports.params import ReportParams

REPORTS = {
    "sales": "Sales",
    "products": "Products",
    "stock": "Stock",
    "logistics": "Logistics",
    "aftersales": "After-sales",
    "customers": "Customers",
}


def run_report(engine: Engine, name: str, params: ReportParams,
               progress: Progress = None) -> ReportResult:
    """Run a report's aggregate queries in one read transaction (a consistent snapshot)."""
    if name not in REPORTS:
        raise ValidationError(f"Unknown report {name!r}; choose one of {', '.join(REPORTS)}.")
    module = importlib.import_module(f"ordermgr.reports.{name}")
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        return module.build(conn, params, progress)
