"""QtCharts views built from a report's Chart spec (the same pivot Excel and PDF use)."""

from __future__ import annotations

from PySide6.QtCharts import (QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView,
                              QLineSeries, QValueAxis)
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPainter

from ordermgr.reports.excel import chart_series
from ordermgr.reports.model import Table

MAX_CATEGORIES = 60


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportColumns", text)


def make_chart_view() -> QChartView:
    view = QChartView(QChart())
    view.setRenderHint(QPainter.Antialiasing)
    view.setMinimumHeight(220)
    return view


def fill_chart(view: QChartView, table: Table | None) -> None:
    chart = QChart()
    chart.legend().setAlignment(Qt.AlignBottom)
    if table is None or table.chart is None or not table.rows:
        view.setChart(chart)
        return
    categories, series = chart_series(table)
    if table.chart.kind != "line":
        categories = categories[:MAX_CATEGORIES]
    categories = [str(c) for c in categories]
    chart.setTitle(_tr(table.chart.title or table.title))
    x_axis = QBarCategoryAxis()
    x_axis.append(categories)
    y_axis = QValueAxis()
    chart.addAxis(x_axis, Qt.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignLeft)
    top = 0.0
    if table.chart.kind == "line":
        for label, group, values in series:
            line = QLineSeries()
            line.setName(f"{_tr(label)} {group}" if group else _tr(label))
            for i, value in enumerate(values[:len(categories)]):
                line.append(i, value)
                top = max(top, value)
            chart.addSeries(line)
            line.attachAxis(y_axis)
        # a line on a category axis: point i sits on category i
        for s in chart.series():
            s.attachAxis(x_axis)
    else:
        bars = QBarSeries()
        for label, group, values in series:
            bar_set = QBarSet(f"{_tr(label)} {group}" if group else _tr(label))
            for value in values[:len(categories)]:
                bar_set.append(value)
                top = max(top, value)
            bars.append(bar_set)
        chart.addSeries(bars)
        bars.attachAxis(x_axis)
        bars.attachAxis(y_axis)
    y_axis.setRange(0, top * 1.1 if top else 1)
    view.setChart(chart)
