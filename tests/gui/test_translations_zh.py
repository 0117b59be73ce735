"""The Simplified Chinese translation: complete, placeholders kept, and the texts whose labels live
outside the UI (or come through helpers) really translate at run time."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QTranslator

from ordermgr.models.inventory import ADJUSTMENT_REASONS
from ordermgr.ui.app import TRANSLATIONS_DIR

TS = TRANSLATIONS_DIR / "ordermgr_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{\d*(?::[^}]*)?\}|%n|%\d|<[^>]+>")


def messages():
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            yield name, message.find("source").text, message.find("translation")


@pytest.fixture(scope="module")
def translator():
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS_DIR / "ordermgr_zh_CN.qm"))
    return translator


def test_every_message_is_translated_with_its_placeholders_and_accelerator():
    problems = []
    for context, source, translation in messages():
        text = translation.text or ""
        if translation.get("type") == "unfinished" or not text:
            problems.append(f"{context}: {source!r} is not translated")
            continue
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{context}: {source!r} -> {text!r} changes the placeholders")
        accelerator = re.search(r"&(\w)", source.replace("&&", ""))
        if accelerator and f"(&{accelerator.group(1).upper()})" not in text.upper():
            problems.append(f"{context}: {source!r} -> {text!r} loses the accelerator")
    assert not problems, "\n".join(problems)


def test_texts_looked_up_by_label_translate(translator):
    for label in ADJUSTMENT_REASONS.values():
        assert translator.translate("AdjustTab", label), f"adjustment reason {label!r}"
    assert translator.translate("CaseQueues", "New requests") == "新申请"
    assert translator.translate("StockTableModel", "Days of cover") == "可售天数"
    assert translator.translate("AfterSalesModel", "Return & refund") == "退货退款"


def test_every_report_name_and_label_translates(translator, tmp_path):
    from datetime import date

    from ordermgr.db.engine import make_engine
    from ordermgr.db.migrate import upgrade
    from ordermgr.reports.params import ReportParams
    from ordermgr.reports.registry import REPORTS, run_report

    engine = make_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    upgrade(engine)
    missing = [name for name in REPORTS.values() if not translator.translate("Reports", name)]
    seen = set()
    for dimension in ("period", "store", "country", "category"):
        for name in REPORTS:
            result = run_report(engine, name, ReportParams(date_from=date(2026, 1, 1),
                                                           date_to=date(2026, 1, 31), dimension=dimension))
            for table in result.tables:
                texts = [table.title, table.chart.title if table.chart else ""]
                texts += [column.label for column in table.columns]
                seen.update(t for t in texts if t)
    missing += [t for t in seen if not translator.translate("ReportColumns", t)]
    engine.dispose()
    assert len(seen) > 50  # the reports really ran and showed their tables
    assert not missing, f"add these to ordermgr/ui/reports/texts.py and translate them: {sorted(set(missing))}"
