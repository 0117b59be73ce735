"""Every report against a small shop whose totals were worked out by hand (tests/reports/dataset.py),
on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest

from ordermgr.errors import ValidationError
from ordermgr.reports.params import ReportParams, preset_range
from ordermgr.reports.rates import set_exchange_rate
from ordermgr.reports.registry import run_report
from tests.reports.dataset import build_shop

JAN_FEB = ReportParams(date(2026, 1, 1), date(2026, 2, 28), slow_days=30)


@pytest.fixture
def shop(engine):
    return build_shop(engine)


def rows(result, table=None):
    t = result.tables[0] if table is None else result.table(table)
    return [dict(zip([c.key for c in t.columns], row)) for row in t.rows]


def test_monthly_sales_per_currency_match_the_hand_totals(engine, shop):
    jan_cny, feb_cny, feb_usd = rows(run_report(engine, "sales", JAN_FEB))
    assert (jan_cny["key"], jan_cny["currency"]) == ("2026-01-01", "CNY")
    assert (jan_cny["orders"], jan_cny["units"]) == (2, 4)
    assert [jan_cny[k] for k in ("gross", "discounts", "shipping", "tax", "total", "refunds",
                                 "net", "aov")] == [D("55.00"), D("3.00"), D("5.00"), D("1.30"),
                                                    D("58.30"), D("5.00"), D("53.30"), D("29.15")]
    assert (feb_cny["orders"], feb_cny["units"], feb_cny["total"]) == (1, 5, D("50.00"))
    assert (feb_usd["currency"], feb_usd["orders"], feb_usd["units"], feb_usd["shipping"],
            feb_usd["total"]) == ("USD", 1, 4, D("10.00"), D("130.00"))


def test_cancelled_orders_and_failed_refunds_do_not_count(engine, shop):
    result = run_report(engine, "sales", replace(JAN_FEB, date_from=date(2026, 2, 10),
                                                 date_to=date(2026, 2, 10)))
    assert result.empty  # only the cancelled order CN004 was placed that day
    jan = rows(run_report(engine, "sales", JAN_FEB))[0]
    assert jan["refunds"] == D("5.00")  # the failed 9.00 refund is not a refund


def test_sales_grouped_by_day_week_store_country_and_category(engine, shop):
    by_week = rows(run_report(engine, "sales", replace(JAN_FEB, grouping="week")))
    assert [(r["key"], r["currency"]) for r in by_week] == [
        ("2026-01-05", "CNY"), ("2026-01-19", "CNY"), ("2026-02-02", "USD"), ("2026-02-09", "CNY")]
    by_day = rows(run_report(engine, "sales", replace(JAN_FEB, grouping="day")))
    assert [r["key"] for r in by_day] == ["2026-01-05", "2026-01-20", "2026-02-03", "2026-02-15"]
    by_store = {r["key"]: r for r in rows(run_report(engine, "sales", replace(JAN_FEB, dimension="store")))}
    assert by_store["Shop CN"]["total"] == D("108.30") and by_store["Shop CN"]["orders"] == 3
    assert by_store["Shop US"]["total"] == D("130.00")
    by_country = {(r["key"], r["currency"]): r["net"]
                  for r in rows(run_report(engine, "sales", replace(JAN_FEB, dimension="country")))}
    assert by_country == {("CN", "CNY"): D("97.00"), ("DE", "CNY"): D("6.30"),
                          ("US", "USD"): D("130.00")}
    by_category = {(r["key"], r["currency"]): (r["orders"], r["units"], r["gross"])
                   for r in rows(run_report(engine, "sales", replace(JAN_FEB, dimension="category")))}
    assert by_category == {("Tea", "CNY"): (3, 8, D("80.00")), ("Ware", "CNY"): (1, 1, D("25.00")),
                           ("Ware", "USD"): (1, 4, D("120.00"))}


def test_sales_filters_by_store_currency_and_warehouse(engine, shop):
    only_us = rows(run_report(engine, "sales", replace(JAN_FEB, store_id=shop["us"])))
    assert [(r["currency"], r["total"]) for r in only_us] == [("USD", D("130.00"))]
    only_cny = rows(run_report(engine, "sales", replace(JAN_FEB, currency="cny")))
    assert {r["currency"] for r in only_cny} == {"CNY"}
    from_back = rows(run_report(engine, "sales", replace(JAN_FEB, warehouse_id=shop["back"])))
    assert [(r["key"], r["total"]) for r in from_back] == [("2026-02-01", D("130.00"))]


def test_conversion_uses_the_managers_rate_and_prints_it(engine, shop, uow):
    set_exchange_rate(uow, currency="USD", base_currency="CNY", rate="7.10",
                      valid_from=date(2026, 1, 1))
    result = run_report(engine, "sales", replace(JAN_FEB, convert_to="CNY"))
    jan, feb = rows(result)
    assert (jan["currency"], jan["total"]) == ("CNY", D("58.30"))
    assert (feb["currency"], feb["orders"], feb["units"], feb["total"]) == ("CNY", 2, 9, D("973.00"))
    assert feb["aov"] == D("486.50")
    assert any("1 USD = 7.10 CNY" in note for note in result.notes)


def test_conversion_without_a_rate_is_refused_with_the_missing_currency(engine, shop):
    with pytest.raises(ValidationError, match="USD"):
        run_report(engine, "sales", replace(JAN_FEB, convert_to="CNY"))


def test_products_best_sellers_margin_and_slow_sellers(engine, shop):
    result = run_report(engine, "products", JAN_FEB)
    best = rows(result, "best_sellers")
    tea = best[0]
    assert (tea["sku"], tea["units"], tea["revenue"], tea["cost"], tea["margin"], tea["margin_pct"]) \
        == ("TEA-01", 8, D("80.00"), D("32.00"), D("48.00"), D("0.6000"))
    cups = {r["currency"]: r for r in best if r["sku"] == "CUP-02"}
    assert cups["USD"]["units"] == 4 and cups["USD"]["margin"] is None  # no cost known
    slow = rows(result, "slow_sellers")
    assert [(r["sku"], r["on_hand"], r["last_sold"], r["stock_value"]) for r in slow] == [
        ("POT-03", 3, None, D("180.00"))]


def test_stock_value_turnover_cover_ageing_and_variances(engine, shop):
    result = run_report(engine, "stock", JAN_FEB)
    levels = {(r["sku"], r["warehouse"]): r for r in rows(result, "levels")}
    tea = levels[("TEA-01", "MAIN")]
    assert (tea["on_hand"], tea["value"], tea["units_out"], tea["turnover"], tea["cover_days"],
            tea["age_days"]) == (20, D("80.00"), 3, D("0.15"), D("393.3"), 89)
    assert levels[("CUP-02", "MAIN")]["value"] is None  # cost unknown
    assert levels[("POT-03", "BACK")]["age_bucket"] == "over 180 days"
    assert levels[("POT-03", "BACK")]["cover_days"] is None  # nothing went out
    ageing = {r["age_bucket"]: (r["on_hand"], r["value"]) for r in rows(result, "ageing")}
    assert ageing == {"61–90 days": (25, D("80.00")), "over 180 days": (3, D("180.00"))}
    assert [(r["sku"], r["variance"], r["variance_value"]) for r in rows(result, "variances")] == [
        ("TEA-01", -1, D("-4.00"))]


def test_logistics_times_on_time_rate_and_exceptions(engine, shop):
    result = run_report(engine, "logistics", JAN_FEB)
    times = {(r["carrier"], r["warehouse"]): r for r in rows(result, "times")}
    main = times[("SF", "MAIN")]
    assert [float(main[k]) for k in ("to_packed", "to_shipped", "to_delivered",
                                     "order_to_delivered")] == [4.0, 20.0, 48.0, 72.0]
    assert (main["on_time"], main["on_time_rate"]) == (1, D("1.0000"))
    back = times[("SF", "BACK")]
    assert (float(back["order_to_delivered"]), back["on_time"], back["on_time_rate"]) == (240.0, 0, D("0"))
    assert times[("YTO", "MAIN")]["exceptions"] == 1
    problems = {r["carrier"]: (r["shipments"], r["problems"]) for r in rows(result, "exceptions")}
    assert problems == {"SF": (2, 0), "YTO": (1, 1)}
    relaxed = rows(run_report(engine, "logistics", replace(JAN_FEB, target_days=10)), "times")
    assert sum(r["on_time"] for r in relaxed) == 2


def test_aftersales_rates_reasons_refunds_and_sla(engine, shop):
    result = run_report(engine, "aftersales", JAN_FEB)
    assert {r["sku"]: (r["sold"], r["returned"], r["rate"]) for r in rows(result, "by_sku")} == {
        "CUP-02": (5, 2, D("0.4000")), "TEA-01": (8, 1, D("0.1250"))}
    assert [(r["reason"], r["cases"], r["units"]) for r in rows(result, "by_reason")] == [
        ("damaged", 2, 2), ("wrong_item", 1, 1)]  # the rejected case is not a return
    assert [(r["currency"], r["cases"], r["amount"]) for r in rows(result, "refunds")] == [
        ("CNY", 1, D("25.00"))]
    handling = rows(result, "handling")[0]
    # open: R1 (refunded, still to close), R2, R3 - the desk's and the dashboard's open; the SLA
    # is the configured 72 h of a return and refund, so R1 (24 h) and R2 (72 h) are within it
    assert (handling["cases"], handling["decided"], handling["open"], float(handling["avg_hours"]),
            handling["within_sla"], handling["sla_rate"]) == (4, 2, 3, 48.0, 2, D("1.0000"))
    assert "return refund 72 h" in result.notes[0]
    from ordermgr.services.aftersales import set_sla_hours
    from tests.conftest import uow_for
    set_sla_hours(uow_for(engine, "alice"), "return_refund", 48)
    handling = rows(run_report(engine, "aftersales", JAN_FEB), "handling")[0]
    assert (handling["within_sla"], handling["sla_rate"]) == (1, D("0.5000"))
    one_figure = rows(run_report(engine, "aftersales", replace(JAN_FEB, sla_hours=80)), "handling")[0]
    assert one_figure["within_sla"] == 2


def test_customers_new_returning_repeat_top_and_rfm(engine, shop):
    result = run_report(engine, "customers", JAN_FEB)
    assert {(r["type"], r["currency"]): (r["customers"], r["orders"], r["revenue"])
            for r in rows(result, "new_vs_returning")} == {
        ("new", "CNY"): (1, 2, D("97.00")), ("new", "USD"): (1, 1, D("130.00")),
        ("returning", "CNY"): (1, 1, D("11.30"))}
    assert rows(result, "repeat") == [{"customers": 2, "repeat": 1, "rate": D("0.5000")}]
    top = rows(result, "top")
    assert [(r["customer"], r["currency"], r["revenue"]) for r in top] == [
        ("Alice 王", "USD", D("130.00")), ("Alice 王", "CNY", D("97.00")), ("Bob", "CNY", D("11.30"))]
    rfm = rows(result, "rfm")
    # every customer-currency pair with orders up to the end of February has one segment
    assert sum(r["customers"] for r in rfm if r["currency"] == "CNY") == 2
    assert sum(r["revenue"] for r in rfm if r["currency"] == "CNY") == D("128.30")  # 20 + 47 + 11.30 + 50, incl. 2025
    assert sum(r["customers"] for r in rfm if r["currency"] == "USD") == 1


def test_an_empty_period_gives_empty_tables_not_an_error(engine, shop):
    params = ReportParams(date(2030, 1, 1), date(2030, 1, 31))
    for name in ("sales", "logistics", "aftersales"):
        assert run_report(engine, name, params).empty, name
    customers = run_report(engine, "customers", params)
    assert not customers.table("new_vs_returning").rows and not customers.table("top").rows
    assert customers.table("rfm").rows  # RFM looks at all history up to the period's end


def test_bad_parameters_are_refused_with_a_clear_message():
    with pytest.raises(ValidationError, match="reversed"):
        ReportParams(date(2026, 3, 1), date(2026, 2, 1))
    with pytest.raises(ValidationError, match="grouping"):
        ReportParams(date(2026, 1, 1), date(2026, 2, 1), grouping="year")
    with pytest.raises(ValidationError, match="currency"):
        ReportParams(date(2026, 1, 1), date(2026, 2, 1), currency="XXX")
    with pytest.raises(ValidationError, match="Unknown period"):
        preset_range("someday")


def test_presets_cover_whole_days():
    today = date(2026, 5, 17)
    assert preset_range("last_month", today) == (date(2026, 4, 1), date(2026, 4, 30))
    assert preset_range("this_quarter", today) == (date(2026, 4, 1), today)
    assert preset_range("last_12_months", today) == (date(2025, 6, 1), today)
    assert preset_range("last_7_days", today) == (date(2026, 5, 11), today)
    params = ReportParams.preset("yesterday", today)
    assert params.previous().date_from == date(2026, 5, 15)


def test_unknown_report_name_is_refused(engine):
    with pytest.raises(ValidationError, match="Unknown report"):
        run_report(engine, "weather", JAN_FEB)


def test_dashboard_figures_today_period_queues_and_trend(engine, shop):
    from datetime import datetime, timezone

    from ordermgr.reports.dashboard import load_dashboard
    now = datetime(2026, 1, 20, 18, 0, tzinfo=timezone.utc)
    board = load_dashboard(engine, ReportParams(date(2026, 1, 1), date(2026, 1, 31)), now=now)
    assert (board.today.orders, board.today.revenue) == (1, {"CNY": D("11.30")})
    assert (board.period.orders, board.period.units) == (2, 4)
    assert board.period.revenue == {"CNY": D("58.30")} and board.period.refunds == {"CNY": D("5.00")}
    assert board.period.aov == {"CNY": D("29.15")}
    assert board.previous.orders == 0  # December 2025
    assert board.trend_currency == "CNY" and len(board.trend) == 31
    assert board.trend[4] == (date(2026, 1, 5), D("47.00")) and board.trend[19][1] == D("11.30")
    assert sum(v for _, v in board.trend_previous) == 0
    assert board.queues["awaiting_fulfilment"] == 1
    assert board.late_shipments == 0  # CN005 (awaiting fulfilment) is placed after `now`
    assert board.low_stock == 1  # CUP-02: 5 <= 10 in MAIN, 0 <= 0 in BACK (one SKU)
    assert board.open_returns == 3  # R1 refunded (to close), R2 approved, R3 requested
    later = load_dashboard(engine, ReportParams(date(2026, 2, 1), date(2026, 2, 28)),
                           now=datetime(2026, 2, 20, tzinfo=timezone.utc))
    assert later.late_shipments == 1 and later.previous.revenue == {"CNY": D("58.30")}


def test_days_weeks_and_months_follow_the_reports_time_zone(engine, shop):
    # UTC-10:00: US001 (2026-02-03 09:00 UTC) falls on 2 February, CN005 (15 Feb 08:00) on the 14th
    params = replace(JAN_FEB, grouping="day", utc_offset=-600)
    assert [(r["key"], r["currency"]) for r in rows(run_report(engine, "sales", params))] == [
        ("2026-01-05", "CNY"), ("2026-01-20", "CNY"), ("2026-02-02", "USD"), ("2026-02-14", "CNY")]
    weeks = rows(run_report(engine, "sales", replace(params, grouping="week")))
    assert [r["key"] for r in weeks] == ["2026-01-05", "2026-01-19", "2026-02-02", "2026-02-09"]
    # UTC+08:00: a period of 5 January local time starts at 4 January 16:00 UTC
    china = ReportParams(date(2026, 1, 5), date(2026, 1, 5), utc_offset=480)
    assert china.start.isoformat() == "2026-01-05T00:00:00+08:00"
    assert [r["total"] for r in rows(run_report(engine, "sales", china))] == [D("47.00")]
    assert ("period", "2026-01-05 – 2026-01-05 (UTC+08:00)") in china.describe()
    with pytest.raises(ValidationError, match="time zone"):
        ReportParams(date(2026, 1, 1), date(2026, 1, 2), utc_offset=15 * 60)
