"""Period preset titles and saved report presets (per user, in QSettings)."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QSettings

PRESETS_KEY = "reports/presets"


def preset_title(key: str) -> str:
    titles = {
        "today": QCoreApplication.translate("Reports", "Today"),
        "yesterday": QCoreApplication.translate("Reports", "Yesterday"),
        "last_7_days": QCoreApplication.translate("Reports", "Last 7 days"),
        "last_30_days": QCoreApplication.translate("Reports", "Last 30 days"),
        "this_month": QCoreApplication.translate("Reports", "This month"),
        "last_month": QCoreApplication.translate("Reports", "Last month"),
        "this_quarter": QCoreApplication.translate("Reports", "This quarter"),
        "this_year": QCoreApplication.translate("Reports", "This year"),
        "last_12_months": QCoreApplication.translate("Reports", "Last 12 months"),
        "custom": QCoreApplication.translate("Reports", "Custom dates"),
    }
    return titles.get(key, key)


def load_presets() -> dict[str, dict]:
    raw = QSettings().value(PRESETS_KEY, "{}")
    try:
        data = json.loads(raw) if isinstance(raw, str) else {}
    except ValueError:
        data = {}
    return data if isinstance(data, dict) else {}


def save_preset(name: str, values: dict) -> None:
    presets = load_presets()
    presets[name] = values
    QSettings().setValue(PRESETS_KEY, json.dumps(presets, ensure_ascii=False))


def delete_preset(name: str) -> None:
    presets = load_presets()
    presets.pop(name, None)
    QSettings().setValue(PRESETS_KEY, json.dumps(presets, ensure_ascii=False))
