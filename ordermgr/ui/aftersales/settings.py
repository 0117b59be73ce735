"""After-sales settings for managers: SLA hours per case type, approval limits per role (in one
limit currency), and the maintained list of reason codes. The services check `settings.edit`; the page only mirrors it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from ordermgr.models import ROLES
from ordermgr.models.money import plain_amount
from ordermgr.services import aftersales as cs
from ordermgr.services import approval_rules
from ordermgr.ui.aftersales.model import kind_text
from ordermgr.ui.ops import QueryOp
from ordermgr.ui.settings import ROLE_TITLES


class AfterSalesSettingsPage(QWidget):
    def __init__(self, ctx, desk, parent=None):
        super().__init__(parent)
        self.ctx, self.desk = ctx, desk
        editable = ctx.actor.may("settings.edit")
        sla_box = QGroupBox(self.tr("SLA: hours a case may stay open"))
        sla_form = QFormLayout(sla_box)
        self.sla: dict[str, QSpinBox] = {}
        for kind in cs.KINDS:
            spin = QSpinBox()
            spin.setRange(1, 24 * 60)
            spin.setSuffix(self.tr(" h"))
            spin.setEnabled(editable)
            self.sla[kind] = spin
            sla_form.addRow(kind_text(kind) + ":", spin)
        limit_box = QGroupBox(self.tr("Approval limits (empty: no limit)"))
        limit_form = QFormLayout(limit_box)
        self.limit_currency = QLineEdit()
        self.limit_currency.setObjectName("limitCurrency")
        self.limit_currency.setMaxLength(3)
        self.limit_currency.setEnabled(editable)
        self.limit_currency.setToolTip(self.tr("Limits are kept in this currency; a case in another "
                                               "currency is converted with the stored exchange rates."))
        limit_form.addRow(self.tr("Limit currency:"), self.limit_currency)
        self.limits: dict[str, QLineEdit] = {}
        for role in ROLES:
            edit = QLineEdit()
            edit.setEnabled(editable)
            self.limits[role] = edit
            limit_form.addRow(QCoreApplication.translate("Settings", ROLE_TITLES.get(role, role)) + ":", edit)
        self.reasons = QTableWidget(0, 4)
        self.reasons.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Label"),
                                                self.tr("Case types (empty: all)"), self.tr("Active")])
        self.reasons.setEnabled(editable)
        save = QPushButton(self.tr("Save settings"))
        save.setObjectName("saveAfterSalesSettings")
        save.setEnabled(editable)
        save.clicked.connect(self.save)
        add = QPushButton(self.tr("Add reason code"))
        add.setEnabled(editable)
        add.clicked.connect(lambda: self._add_reason("", "", "", True))
        top = QHBoxLayout()
        top.addWidget(sla_box)
        top.addWidget(limit_box)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addStretch(1)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        if not editable:
            layout.addWidget(QLabel(self.tr("Only managers change these settings.")))
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Reason codes")))
        layout.addWidget(self.reasons)
        layout.addLayout(buttons)
        self.load()

    def load(self) -> None:
        engine = self.ctx.engine

        def work():
            with engine.connect() as conn:
                return (cs.sla_hours(conn), cs.approval_limits(conn), cs.reason_codes(conn, include_inactive=True),
                        approval_rules.limit_currency(conn))

        QueryOp(self, work).success(self._loaded).run()

    def _loaded(self, result) -> None:
        sla, limits, reasons, currency = result
        for kind, spin in self.sla.items():
            spin.setValue(sla[kind])
        self.limit_currency.setText(currency)
        for role, edit in self.limits.items():
            value = limits.get(role)
            edit.setText("" if value is None else plain_amount(value, currency))
        self.reasons.setRowCount(0)
        for r in reasons:
            self._add_reason(r.code, r.label, r.kinds, r.active)

    def _add_reason(self, code: str, label: str, kinds: str, active: bool) -> None:
        row = self.reasons.rowCount()
        self.reasons.insertRow(row)
        for col, value in enumerate((code, label, kinds)):
            self.reasons.setItem(row, col, QTableWidgetItem(value))
        box = QCheckBox()
        box.setChecked(active)
        self.reasons.setCellWidget(row, 3, box)

    def save(self) -> None:
        sla = {kind: spin.value() for kind, spin in self.sla.items()}
        limits = {role: edit.text().strip() or None for role, edit in self.limits.items()}
        currency = self.limit_currency.text().strip().upper()
        reasons = []
        for row in range(self.reasons.rowCount()):
            code = (self.reasons.item(row, 0).text() if self.reasons.item(row, 0) else "").strip()
            if code:
                reasons.append((code, self.reasons.item(row, 1).text(),
                                [k.strip() for k in self.reasons.item(row, 2).text().split(",") if k.strip()],
                                self.reasons.cellWidget(row, 3).isChecked()))

        def apply(uow):
            # each service is its own transaction; the engine is shared, so use fresh units of work
            for kind, hours in sla.items():
                cs.set_sla_hours(self.ctx.uow(), kind, hours)
            cs.set_limit_currency(self.ctx.uow(), currency)  # first: the limits are in it
            for role, amount in limits.items():
                cs.set_approval_limit(self.ctx.uow(), role, amount)
            for code, label, kinds, active in reasons:
                cs.save_reason_code(self.ctx.uow(), code, label=label, kinds=kinds, active=active)

        self.desk.write(apply, done=lambda _: self.load())
