"""The "reports" area: a dashboard and a report page (tables, charts, Excel/PDF export)."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget

from ordermgr.ui.reports.dashboard import DashboardPage
from ordermgr.ui.reports.report_page import ReportPage


class ReportsArea(QTabWidget):
    def __init__(self, ctx, window=None):
        super().__init__()
        self.setObjectName("reportsArea")
        self.dashboard = DashboardPage(ctx, window)
        self.reports = ReportPage(ctx, window)
        self.addTab(self.dashboard, self.tr("Dashboard"))
        self.addTab(self.reports, self.tr("Reports"))


def create(ctx, window):
    return ReportsArea(ctx, window)


__all__ = ["DashboardPage", "ReportPage", "ReportsArea", "create"]
