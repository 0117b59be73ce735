"""The report page: pick a report and its parameters, see tables and charts, export to Excel, PDF
or CSV off the UI thread (with progress and cancel); save parameter sets as presets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDate, QModelIndex, QSettings, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFormLayout, QHBoxLayout,
                               QHeaderView, QInputDialog, QLabel, QPushButton, QSpinBox,
                               QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget)
from sqlalchemy import select

from ordermgr.models import Store, Warehouse
from ordermgr.models.money import CURRENCY_DECIMALS
from ordermgr.reports.model import Cancelled, Table, format_value
from ordermgr.reports.params import (GROUPINGS, PRESETS, ReportParams, local_offset_minutes,
                                     preset_range)
from ordermgr.reports.registry import REPORTS, run_report
from ordermgr.ui import filedialogs
from ordermgr.ui.errors import show_error
from ordermgr.ui.ops import QueryOp
from ordermgr.ui.reports.charts import fill_chart, make_chart_view
from ordermgr.ui.reports.presets import delete_preset, load_presets, preset_title, save_preset

BATCH = 500


def alive(widget) -> bool:
    """False once Qt deleted the widget (a page closed while its background read ran)."""
    import shiboken6
    return shiboken6.isValid(widget)
NUMERIC = ("int", "money", "decimal", "percent", "hours", "days")


def column_title(label: str) -> str:
    return QCoreApplication.translate("ReportColumns", label)


class ReportTableModel(QAbstractTableModel):
    """One report table; rows appear in batches as the view scrolls (canFetchMore/fetchMore)."""

    def __init__(self, table: Table, parent=None):
        super().__init__(parent)
        self.table = table
        self.rows = list(table.rows)
        self.shown = min(BATCH, len(self.rows))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.shown

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.table.columns)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self.shown < len(self.rows)

    def fetchMore(self, parent=QModelIndex()) -> None:
        more = min(BATCH, len(self.rows) - self.shown)
        self.beginInsertRows(QModelIndex(), self.shown, self.shown + more - 1)
        self.shown += more
        self.endInsertRows()

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        column = self.table.columns[index.column()]
        value = self.rows[index.row()][index.column()]
        if role == Qt.DisplayRole:
            return format_value(column, value, self.table.row_currency(self.rows[index.row()]))
        if role == Qt.TextAlignmentRole and column.kind in NUMERIC:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.UserRole:
            return value
        return None

    def headerData(self, section: int, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return column_title(self.table.columns[section].label)
        return None

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        if column < 0:
            return  # no sort column: keep the report's own order
        self.beginResetModel()
        present = [r for r in self.rows if r[column] is not None]
        missing = [r for r in self.rows if r[column] is None]
        present.sort(key=lambda r: r[column] if not isinstance(r[column], Decimal) else float(r[column]),
                     reverse=order == Qt.DescendingOrder)
        self.rows = present + missing
        self.endResetModel()


class ReportPage(QWidget):
    report_shown = Signal(object)  # the ReportResult
    exported = Signal(str)  # the path written

    def __init__(self, ctx, window=None):
        super().__init__()
        self.setObjectName("reportPage")
        self.ctx, self.window_ = ctx, window
        self.result = None
        self.report = QComboBox()
        for key, title in REPORTS.items():
            self.report.addItem(QCoreApplication.translate("Reports", title), key)
        self.period = QComboBox()
        for key in (*PRESETS, "custom"):
            self.period.addItem(preset_title(key), key)
        self.period.setCurrentIndex(self.period.findData("this_month"))
        self.date_from, self.date_to = self._date_edit(), self._date_edit()
        self.store, self.warehouse = QComboBox(), QComboBox()
        self.store.addItem(self.tr("All stores"), None)
        self.warehouse.addItem(self.tr("All warehouses"), None)
        self.currency, self.convert_to = QComboBox(), QComboBox()
        self.currency.addItem(self.tr("All (per currency)"), None)
        self.convert_to.addItem(self.tr("No conversion"), None)
        for code in sorted(CURRENCY_DECIMALS):
            self.currency.addItem(code, code)
            self.convert_to.addItem(code, code)
        self.grouping = QComboBox()
        for key, title in zip(GROUPINGS, (self.tr("Day"), self.tr("Week"), self.tr("Month"))):
            self.grouping.addItem(title, key)
        self.grouping.setCurrentIndex(2)
        self.dimension = QComboBox()
        for key, title in (("period", self.tr("Period")), ("store", self.tr("Store")),
                           ("country", self.tr("Country")), ("category", self.tr("Category"))):
            self.dimension.addItem(title, key)
        self.slow_days = QSpinBox(minimum=1, maximum=3650, value=90)
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("中文", "zh")

        dates = QHBoxLayout()
        for w in (self.period, self.date_from, QLabel("–"), self.date_to):
            dates.addWidget(w)
        left, middle, right = QFormLayout(), QFormLayout(), QFormLayout()
        left.addRow(self.tr("Report"), self.report)
        left.addRow(self.tr("Period"), dates)
        left.addRow(self.tr("Group by period"), self.grouping)
        left.addRow(self.tr("Sales by"), self.dimension)
        middle.addRow(self.tr("Store"), self.store)
        middle.addRow(self.tr("Warehouse"), self.warehouse)
        middle.addRow(self.tr("Slow seller after (days)"), self.slow_days)
        right.addRow(self.tr("Currency"), self.currency)
        right.addRow(self.tr("Convert to"), self.convert_to)
        right.addRow(self.tr("File language"), self.language)
        form = QHBoxLayout()
        for column in (left, middle, right):
            form.addLayout(column, 1)

        self.run_button = QPushButton(self.tr("Run report"))
        self.run_button.setObjectName("runReport")
        self.run_button.clicked.connect(self.run)
        self.export_buttons = {}
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        for fmt, text in (("xlsx", self.tr("Export to Excel…")), ("pdf", self.tr("Export to PDF…")),
                          ("csv", self.tr("Export to CSV…"))):
            button = QPushButton(text)
            button.setEnabled(False)
            button.clicked.connect(lambda _=False, f=fmt: self.choose_export(f))
            self.export_buttons[fmt] = button
            buttons.addWidget(button)
        raw = QPushButton(self.tr("Export order rows…"))
        raw.setToolTip(self.tr("Every order of the period as one row (Excel or CSV)"))
        raw.clicked.connect(self.choose_raw_export)
        buttons.addWidget(raw)
        rates = QPushButton(self.tr("Exchange rates…"))
        rates.clicked.connect(self.edit_rates)
        buttons.addWidget(rates)
        buttons.addStretch(1)
        self.presets = QComboBox()
        self.presets.setObjectName("reportPresets")
        self.presets.activated.connect(lambda _i: self.apply_preset(self.presets.currentData()))
        save = QPushButton(self.tr("Save preset…"))
        save.clicked.connect(self._ask_preset_name)
        remove = QPushButton(self.tr("Delete preset"))
        remove.clicked.connect(self._delete_preset)
        buttons.addWidget(QLabel(self.tr("Presets")))
        buttons.addWidget(self.presets)
        buttons.addWidget(save)
        buttons.addWidget(remove)

        self.status = QLabel("")
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        self.notes = QLabel("")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: gray")
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.notes)

        self.period.currentIndexChanged.connect(self._period_changed)
        self.report.currentIndexChanged.connect(self._report_changed)
        self._period_changed()
        self._report_changed()
        self._reload_presets()
        self._load_choices()

    # -- form ---------------------------------------------------------------------------------
    @staticmethod
    def _date_edit() -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _period_changed(self) -> None:
        key = self.period.currentData()
        custom = key == "custom"
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        if not custom:
            start, end = preset_range(key, utc_offset=local_offset_minutes())
            self.set_dates(start, end)

    def set_dates(self, start: date, end: date) -> None:
        self.date_from.setDate(QDate(start.year, start.month, start.day))
        self.date_to.setDate(QDate(end.year, end.month, end.day))

    def _report_changed(self) -> None:
        name = self.report.currentData()
        self.dimension.setEnabled(name == "sales")
        self.slow_days.setEnabled(name == "products")

    def _load_choices(self) -> None:
        engine = self.ctx.engine

        def load():
            with engine.connect() as conn:
                stores = conn.execute(select(Store.id, Store.name).order_by(Store.name)).all()
                houses = conn.execute(select(Warehouse.id, Warehouse.code, Warehouse.name)
                                      .order_by(Warehouse.code)).all()
            return stores, houses

        def show(data):
            if not alive(self.store):
                return  # the page was closed while loading
            stores, houses = data
            for sid, name in stores:
                self.store.addItem(name, sid)
            for wid, code, name in houses:
                self.warehouse.addItem(f"{code} – {name}", wid)
        QueryOp(self, load).success(show).run()

    def params(self) -> ReportParams:
        def day(edit: QDateEdit) -> date:
            d = edit.date()
            return date(d.year(), d.month(), d.day())
        labels = {}
        if self.store.currentData():
            labels["store"] = self.store.currentText()
        if self.warehouse.currentData():
            labels["warehouse"] = self.warehouse.currentText()
        return ReportParams(day(self.date_from), day(self.date_to), store_id=self.store.currentData(),
                            warehouse_id=self.warehouse.currentData(),
                            currency=self.currency.currentData(),
                            convert_to=self.convert_to.currentData(),
                            grouping=self.grouping.currentData(),
                            dimension=self.dimension.currentData() if self.report.currentData() == "sales"
                            else "period", slow_days=self.slow_days.value(), labels=labels,
                            utc_offset=local_offset_minutes())

    # -- running ------------------------------------------------------------------------------
    def run(self) -> None:
        try:
            params = self.params()
        except Exception as exc:  # noqa: BLE001 - ValidationError: shown like any other
            show_error(self, exc)
            return
        name, engine = self.report.currentData(), self.ctx.engine
        self.run_button.setEnabled(False)
        self.status.setText(self.tr("Running…"))
        QueryOp(self, lambda progress: run_report(engine, name, params, progress),
                label=self.tr("Running the report…"), wants_progress=True
                ).success(self.show_result).failure(self._run_failed).run()

    def _run_failed(self, exc: BaseException) -> None:
        self.run_button.setEnabled(True)
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("Cancelled."))
            return
        self.status.setText("")
        show_error(self, exc)

    def show_result(self, result) -> None:
        if not alive(self.tabs):
            return
        self.run_button.setEnabled(True)
        self.result = result
        self.tabs.clear()
        for table in result.tables:
            splitter = QSplitter(Qt.Vertical)
            view = QTableView()
            view.setObjectName(f"reportTable_{table.key}")
            view.setModel(ReportTableModel(table, view))
            view.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)
            view.setSortingEnabled(True)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
            view.resizeColumnsToContents()
            splitter.addWidget(view)
            if table.chart is not None:
                chart = make_chart_view()
                fill_chart(chart, table)
                splitter.addWidget(chart)
            self.tabs.addTab(splitter, column_title(table.title))
        self.notes.setText("\n".join(result.notes))
        for button in self.export_buttons.values():
            button.setEnabled(True)
        rows = sum(len(t.rows) for t in result.tables)
        self.status.setText(self.tr("No data for this period.") if result.empty
                            else self.tr("{0} rows.").format(rows))
        self.report_shown.emit(result)

    # -- export -------------------------------------------------------------------------------
    def choose_export(self, fmt: str) -> None:
        if self.result is None:
            return
        folder = QSettings().value("reports/export_folder", str(Path.home()))
        suggested = str(Path(folder) / f"{self.result.name}-{self.result.params.date_from}-"
                        f"{self.result.params.date_to}.{fmt}")
        filters = {"xlsx": self.tr("Excel workbook (*.xlsx)"), "pdf": self.tr("PDF (*.pdf)"),
                   "csv": self.tr("CSV (*.csv)")}
        path = filedialogs.save_file(self, self.tr("Export report"), suggested, filters[fmt])
        if path:
            QSettings().setValue("reports/export_folder", str(Path(path).parent))
            self.export_to(path, fmt)

    def export_to(self, path: str, fmt: str) -> None:
        from ordermgr.reports.export import export_report, shop_name
        result, lang, engine = self.result, self.language.currentData(), self.ctx.engine

        def work(progress):
            return export_report(result, path, fmt=fmt, lang=lang, shop=shop_name(engine),
                                 progress=progress)
        self.status.setText(self.tr("Exporting…"))
        QueryOp(self, work, label=self.tr("Writing {0}…").format(Path(path).name),
                wants_progress=True).success(self._exported).failure(self._export_failed).run()

    def _exported(self, path) -> None:
        self.status.setText(self.tr("Saved {0}").format(path))
        self.exported.emit(str(path))

    def _export_failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("Export cancelled; no file was written."))
            return
        self.status.setText(self.tr("Export failed: {0}").format(exc))
        show_error(self, exc)

    def choose_raw_export(self) -> None:
        try:
            params = self.params()
        except Exception as exc:  # noqa: BLE001 - ValidationError
            show_error(self, exc)
            return
        folder = QSettings().value("reports/export_folder", str(Path.home()))
        suggested = str(Path(folder) / f"orders-{params.date_from}-{params.date_to}.xlsx")
        path = filedialogs.save_file(self, self.tr("Export order rows"), suggested,
                                     self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if path:
            QSettings().setValue("reports/export_folder", str(Path(path).parent))
            self.export_rows_to(path, params)

    def export_rows_to(self, path: str, params: ReportParams) -> None:
        from ordermgr.reports.export import export_orders
        engine, lang = self.ctx.engine, self.language.currentData()
        self.status.setText(self.tr("Exporting order rows…"))
        QueryOp(self, lambda progress: export_orders(engine, params, path, lang=lang,
                                                     progress=progress),
                label=self.tr("Writing {0}…").format(Path(path).name), wants_progress=True
                ).success(lambda count: self._exported(self.tr("{0} ({1} orders)").format(
                    path, f"{count:,}"))).failure(self._export_failed).run()

    def edit_rates(self) -> None:
        from ordermgr.ui.reports.rates import RatesDialog
        RatesDialog(self.ctx, self).exec()

    # -- presets ------------------------------------------------------------------------------
    def current_values(self) -> dict:
        return {"report": self.report.currentData(), "period": self.period.currentData(),
                "from": self.date_from.date().toString("yyyy-MM-dd"),
                "to": self.date_to.date().toString("yyyy-MM-dd"),
                "store": self.store.currentData(), "warehouse": self.warehouse.currentData(),
                "currency": self.currency.currentData(), "convert_to": self.convert_to.currentData(),
                "grouping": self.grouping.currentData(), "dimension": self.dimension.currentData(),
                "slow_days": self.slow_days.value(), "language": self.language.currentData()}

    def save_current_preset(self, name: str) -> None:
        save_preset(name, self.current_values())
        self._reload_presets()
        self.presets.setCurrentIndex(self.presets.findData(name))

    def apply_preset(self, name: str | None) -> None:
        values = load_presets().get(name or "")
        if not values:
            return
        for combo, key in ((self.report, "report"), (self.period, "period"), (self.store, "store"),
                           (self.warehouse, "warehouse"), (self.currency, "currency"),
                           (self.convert_to, "convert_to"), (self.grouping, "grouping"),
                           (self.dimension, "dimension"), (self.language, "language")):
            index = combo.findData(values.get(key))
            if index >= 0:
                combo.setCurrentIndex(index)
        if values.get("period") == "custom":
            self.date_from.setDate(QDate.fromString(values.get("from", ""), "yyyy-MM-dd"))
            self.date_to.setDate(QDate.fromString(values.get("to", ""), "yyyy-MM-dd"))
        self.slow_days.setValue(int(values.get("slow_days") or 90))

    def _reload_presets(self) -> None:
        self.presets.clear()
        for name in sorted(load_presets()):
            self.presets.addItem(name, name)

    def _ask_preset_name(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save preset"), self.tr("Name of the preset:"))
        if ok and name.strip():
            self.save_current_preset(name.strip())

    def _delete_preset(self) -> None:
        name = self.presets.currentData()
        if name:
            delete_preset(name)
            self._reload_presets()
