"""The dashboard: how are we doing today and in the chosen period, at a glance.

Tiles for orders, revenue, AOV, units, refunds (today and period), orders waiting per queue,
late shipments, low-stock SKUs and open after-sales cases; each tile opens the matching list.
A line chart compares daily sales with the previous period. Figures load off the UI thread and
reload (debounced) when MainWindow.changes reports a change.
"""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDate, QDateTime, QSettings, Qt, QTime, QTimer, QTimeZone, Signal
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import (QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

from ordermgr.models.money import format_money
from ordermgr.reports.dashboard import LATE_HOURS, QUEUE_TILES, load_dashboard
from ordermgr.reports.params import PRESETS, ReportParams, local_offset_minutes
from ordermgr.ui.ops import QueryOp
from ordermgr.ui.reports.presets import preset_title
from ordermgr.ui.reports.report_page import alive

REFRESH_DEBOUNCE_MS = 1500


class Tile(QFrame):
    """A clickable figure: a caption, a big value, a small detail line."""

    clicked = Signal(str)

    def __init__(self, key: str, caption: str, parent=None):
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"tile_{key}")
        self.setFrameShape(QFrame.StyledPanel)
        self.setCursor(Qt.PointingHandCursor)
        self.setMinimumWidth(150)
        self.setMinimumHeight(100)
        layout = QVBoxLayout(self)
        self.caption = QLabel(caption)
        self.value = QLabel("–")
        font = self.value.font()
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        self.value.setFont(font)
        self.detail = QLabel("")
        self.detail.setStyleSheet("color: gray")
        for w in (self.caption, self.value, self.detail):
            layout.addWidget(w)

    def set(self, value: str, detail: str = "") -> None:
        # one figure per currency: several lines, so a smaller font keeps them inside the tile
        font = self.value.font()
        base = self.caption.font().pointSize()
        lines = value.count("\n") + 1
        font.setPointSize(base + (8 if lines == 1 else 3 if lines == 2 else 1))
        self.value.setFont(font)
        self.value.setMinimumHeight(QFontMetrics(font).lineSpacing() * lines + 2)
        self.value.setText(value)
        self.detail.setText(detail)
        self.detail.setToolTip(detail)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.LeftButton:
            self.clicked.emit(self.key)
        super().mouseReleaseEvent(event)


def _money(amounts: dict[str, Decimal]) -> str:
    if not amounts:
        return "0.00"
    return "\n".join(format_money(value, cur) for cur, value in sorted(amounts.items()))


class DashboardPage(QWidget):
    loaded = Signal(object)  # the Dashboard figures, once shown (tests wait on it)

    def __init__(self, ctx, window=None):
        super().__init__()
        self.setObjectName("dashboard")
        self.ctx, self.window_ = ctx, window
        self.data = None
        self._stale = False
        self._loading = False
        self._again = False
        self.period = QComboBox()
        self.period.setObjectName("dashboardPeriod")
        for key in PRESETS:
            self.period.addItem(preset_title(key), key)
        saved = QSettings().value("reports/dashboard/period", "this_month")
        self.period.setCurrentIndex(max(0, self.period.findData(saved)))
        self.period.currentIndexChanged.connect(self._period_changed)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        self.status = QLabel("")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period")))
        top.addWidget(self.period)
        top.addWidget(refresh)
        top.addStretch(1)
        top.addWidget(self.status)

        self.tiles: dict[str, Tile] = {}
        grid = QGridLayout()
        specs = [
            ("today_orders", self.tr("Orders today")), ("today_revenue", self.tr("Revenue today")),
            ("period_orders", self.tr("Orders in period")), ("period_revenue", self.tr("Revenue in period")),
            ("period_aov", self.tr("Average order value")), ("period_units", self.tr("Units sold")),
            ("period_refunds", self.tr("Refunds")), ("late", self.tr("Late shipments")),
            ("low_stock", self.tr("Low-stock SKUs")), ("returns", self.tr("Open after-sales cases")),
        ]
        for i, (key, caption) in enumerate(specs):
            self._add_tile(grid, key, caption, i // 5, i % 5)
        queue_titles = {"awaiting_payment": self.tr("Awaiting payment"), "on_hold": self.tr("On hold"),
                        "awaiting_fulfilment": self.tr("To fulfil"), "allocated": self.tr("Allocated"),
                        "picking": self.tr("Picking"), "packed": self.tr("Packed"),
                        "exceptions": self.tr("Exceptions")}
        queues = QGridLayout()
        for i, key in enumerate(QUEUE_TILES):
            self._add_tile(queues, f"queue:{key}", queue_titles[key], 0, i)
        self.chart_view = QChartView(QChart())
        self.chart_view.setObjectName("dashboardTrend")
        self.chart_view.setRenderHint(QPainter.Antialiasing)
        self.chart_view.setMinimumHeight(240)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(QLabel(self.tr("Orders waiting per queue")))
        layout.addLayout(queues)
        layout.addWidget(self.chart_view, 1)

        self._debounce = QTimer(self, singleShot=True, interval=REFRESH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        if window is not None and hasattr(window, "changes"):
            window.changes.connect(self.on_changes)
        QTimer.singleShot(0, self.refresh)

    def _add_tile(self, grid: QGridLayout, key: str, caption: str, row: int, col: int) -> None:
        tile = Tile(key, caption)
        tile.clicked.connect(self.open_list)
        self.tiles[key] = tile
        grid.addWidget(tile, row, col)

    # -- loading ------------------------------------------------------------------------------
    def params(self) -> ReportParams:
        return ReportParams.preset(self.period.currentData() or "this_month",
                                   utc_offset=local_offset_minutes())

    def _period_changed(self) -> None:
        QSettings().setValue("reports/dashboard/period", self.period.currentData())
        self.refresh()

    def on_changes(self, _payload: dict) -> None:
        if not self.isVisible():
            self._stale = True  # refresh when shown again, not while nobody looks
            return
        self._debounce.start()  # many changes in a burst: one refresh

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._debounce.start()

    def refresh(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        self.status.setText(self.tr("Updating…"))
        params, engine = self.params(), self.ctx.engine
        QueryOp(self, lambda: load_dashboard(engine, params)).success(self._show).failure(
            self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.status.setText(self.tr("Could not update: {0}").format(exc))

    def _show(self, data) -> None:
        self._loading = False
        if not alive(self.chart_view):
            return
        self.data = data
        t = self.tiles
        t["today_orders"].set(f"{data.today.orders:,}", self.tr("{0} units").format(data.today.units))
        t["today_revenue"].set(_money(data.today.revenue))
        p, prev = data.period, data.previous
        t["period_orders"].set(f"{p.orders:,}", self.tr("previous period: {0}").format(prev.orders))
        t["period_revenue"].set(_money(p.revenue), self.tr("previous: {0}").format(
            _money(prev.revenue).replace("\n", ", ")))
        t["period_aov"].set(_money(p.aov))
        t["period_units"].set(f"{p.units:,}", self.tr("previous period: {0}").format(prev.units))
        t["period_refunds"].set(_money(p.refunds))
        t["late"].set(f"{data.late_shipments:,}", self.tr("not shipped {0} h after the order").format(LATE_HOURS))
        t["low_stock"].set(f"{data.low_stock:,}", self.tr("available at or below threshold"))
        t["returns"].set(f"{data.open_returns:,}")
        for key, count in data.queues.items():
            t[f"queue:{key}"].set(f"{count:,}")
        self._trend(data)
        self.status.setText(self.tr("Updated {0}").format(
            datetime.now(timezone.utc).astimezone().strftime("%H:%M:%S")))
        self.loaded.emit(data)
        if self._again:
            self._again = False
            self.refresh()

    def _trend(self, data) -> None:
        """Daily sales of this period, and of the previous one drawn on the same days."""
        chart = QChart()
        chart.setTitle(self.tr("Daily sales ({0}) against the previous period").format(
            data.trend_currency or "–"))
        chart.legend().setAlignment(Qt.AlignBottom)
        current, previous = QLineSeries(), QLineSeries()
        current.setName(self.tr("This period"))
        previous.setName(self.tr("Previous period"))
        top = 0.0
        for i, (day, value) in enumerate(data.trend):
            x = QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0), QTimeZone.utc())
            current.append(x.toMSecsSinceEpoch(), float(value))
            if i < len(data.trend_previous):
                before = float(data.trend_previous[i][1])
                previous.append(x.toMSecsSinceEpoch(), before)
                top = max(top, before)
            top = max(top, float(value))
        x_axis = QDateTimeAxis()
        x_axis.setFormat("MM-dd")
        x_axis.setTickCount(min(max(len(data.trend), 2), 10))
        y_axis = QValueAxis()
        y_axis.setRange(0, top * 1.1 if top else 1)
        y_axis.setLabelFormat("%.0f")
        chart.addAxis(x_axis, Qt.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignLeft)
        for series in (current, previous):
            chart.addSeries(series)
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
        self.chart_view.setChart(chart)

    # -- click-through ------------------------------------------------------------------------
    def open_list(self, key: str) -> None:
        """Open the list behind a tile: the orders desk on the matching queue, or the area."""
        window = self.window_
        if window is None:
            return
        if key == "low_stock":
            window.open_area("inventory")
            return
        if key == "returns":
            window.open_area("returns")
            return
        queue = {"late": "awaiting_fulfilment", "period_refunds": "all"}.get(key, "all")
        if key.startswith("queue:"):
            queue = key.split(":", 1)[1]
        page = window.open_area("orders")
        filters = getattr(page, "filters", None)
        if filters is not None and hasattr(filters, "clear"):
            filters.clear()  # a queue tile means "everything in that queue"
        show_queue(page, queue)
        if key.startswith(("period_", "today_")):
            params = self.params()
            day_from = params.date_from
            if key.startswith("today_"):
                day_from = params.local_date(datetime.now(timezone.utc))
            set_order_dates(page, day_from, params.date_to if key.startswith("period_") else day_from)


def show_queue(page, queue: str) -> None:
    """Select a queue on the orders desk, through its public method if it has one."""
    if hasattr(page, "show_queue"):
        page.show_queue(queue)
        return
    queues = getattr(page, "queues", None)
    if queues is None:
        return
    for row in range(queues.count()):
        if queues.item(row).data(Qt.UserRole) == queue:
            queues.setCurrentRow(row)
            break
    if hasattr(page, "apply_filter"):
        page.apply_filter()


def set_order_dates(page, day_from, day_to) -> None:
    """Narrow the orders desk to a date range if its filter bar offers one."""
    filters = getattr(page, "filters", None)
    if filters is None or not hasattr(filters, "date_from"):
        return
    from PySide6.QtCore import QDate
    for edit, day in ((filters.date_from, day_from), (filters.date_to, day_to)):
        edit.setDate(QDate(day.year, day.month, day.day))
    if hasattr(page, "apply_filter"):
        page.apply_filter()
