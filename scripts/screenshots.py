"""Render the main screens offscreen to PNG, in English and Simplified Chinese, from demo data.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--orders 400] [--out docs/screenshots]

Chinese text needs a CJK font; on Debian/Ubuntu: apt-get install fonts-noto-cjk.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LANGUAGES = ("en", "zh_CN")
SIZE = (1440, 860)


def wait(app, condition, timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the screen did not finish loading")
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def build_database(folder: Path, orders: int):
    from ordermgr import demo
    from ordermgr.db.engine import make_engine
    from ordermgr.db.migrate import upgrade
    from ordermgr.services.users import resolve_actor
    url = f"sqlite:///{folder / 'demo.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    resolve_actor(engine, "alice")  # the first user: admin
    demo.generate(engine, orders=orders, seed=7)
    engine.dispose()
    return url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=400)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QFont

    from ordermgr.config import Settings
    from ordermgr.context import Context
    from ordermgr.ui.app import create_application, install_translations
    from ordermgr.ui.main_window import MainWindow
    from ordermgr.ui.orders.new_order import NewOrderDialog

    work = Path(tempfile.mkdtemp(prefix="ordermgr-shots-"))
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(work / "qsettings"))
    app = create_application(["ordermgr"])
    app.setFont(QFont("Noto Sans CJK SC", 10))
    url = build_database(work, args.orders)
    written = []
    for language in LANGUAGES:
        install_translations(app, language)
        ctx = Context(Settings(database_url=url, username="alice"))
        window = MainWindow(ctx, live=False)
        window.resize(*SIZE)
        window.show()
        desk = window.open_area("orders")
        wait(app, lambda: desk.model.rowCount() > 0 and desk.counts)

        def shot(widget, name):
            for _ in range(10):
                app.processEvents()
            path = args.out / f"{name}-{language}.png"
            widget.grab().save(str(path))
            written.append(path)

        shot(window, "orders-queue")
        desk.filter_button.setChecked(True)
        desk.search.setText("138")
        desk.apply_filter()
        wait(app, lambda: not desk.model.loading)
        shot(window, "orders-search")
        desk.search.clear()
        desk.filter_button.setChecked(False)
        desk.queues.setCurrentRow(list(desk.counts).index("awaiting_fulfilment"))
        wait(app, lambda: not desk.model.loading and desk.model.rowCount() > 0)
        desk.table.setCurrentIndex(desk.model.index(0, 0))
        desk.open_current()
        wait(app, lambda: desk.detail.detail is not None)
        desk.detail.tabs.setCurrentIndex(4)  # the timeline
        shot(window, "order-detail")

        dialog = NewOrderDialog(ctx, window)
        dialog.show()
        dialog.lookup.setText("1")
        dialog._find_customers()
        wait(app, lambda: dialog.matches.count() > 0)
        dialog.choose_customer(dialog.matches.item(0).data(Qt.UserRole))
        from ordermgr.db import queries
        with ctx.engine.connect() as conn:
            skus = queries.find_skus(conn, "a")[:3]
        for sku in skus:
            dialog.add_line(sku)
        dialog.shipping.setText("12.00")
        shot(dialog, "new-order")
        dialog.close()

        settings = window.open_area("settings")
        shot(window, "settings")
        window.close()
        ctx.close()
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
