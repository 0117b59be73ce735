"""The order desk's dialogs. The desk asks through a `DeskDialogs` object, so tests can swap in
answers instead of blocking on exec()."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHeaderView,
                               QInputDialog, QLabel, QLineEdit, QMessageBox, QSpinBox,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ordermgr.services.orders import ADDRESS_FIELDS
from ordermgr.ui.countries import CountryBox
from ordermgr.ui.orders.edit_lines import EditLinesDialog
from ordermgr.ui.orders.model import status_text

HOLD_REASONS = (
    QT_TRANSLATE_NOOP("ReasonDialog", "Address to check"),
    QT_TRANSLATE_NOOP("ReasonDialog", "Suspected fraud"),
    QT_TRANSLATE_NOOP("ReasonDialog", "Payment to check"),
    QT_TRANSLATE_NOOP("ReasonDialog", "Customer asked to wait"),
    QT_TRANSLATE_NOOP("ReasonDialog", "Stock to check"),
)
UNPAID_CONFIRM_REASONS = (
    QT_TRANSLATE_NOOP("ReasonDialog", "Cash on delivery"),
    QT_TRANSLATE_NOOP("ReasonDialog", "B2B payment terms"),
)


class DeskDialogs:
    """Every question the order desk asks the clerk. Each returns None when cancelled."""

    def __init__(self, parent: QWidget):
        self.parent = parent

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("DeskDialogs", text)

    def reason(self, title: str, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self.parent, title, prompt)
        return text if ok else None

    def text(self, title: str, prompt: str, default: str = "") -> str | None:
        text, ok = QInputDialog.getMultiLineText(self.parent, title, prompt, default)
        return text if ok else None

    def tags(self, current: list[str], subject: str = "") -> tuple[list[str], list[str]] | None:
        text, ok = QInputDialog.getText(
            self.parent, self.tr("Tags of {0}").format(subject) if subject else self.tr("Tags"),
            self.tr("Tags separated by commas; prefix a tag with - to remove it:"),
            text=", ".join(current))
        if not ok:
            return None
        return parse_tags(text, current)

    def hold_reason(self, title: str, prompt: str) -> str | None:
        """Why orders are held: one of the usual reasons, or the clerk's own words."""
        return self._reason(title, prompt, HOLD_REASONS)

    def unpaid_confirm_reason(self, title: str, prompt: str) -> str | None:
        """Why orders whose payment is pending or failed are confirmed anyway."""
        return self._reason(title, prompt, UNPAID_CONFIRM_REASONS)

    def _reason(self, title: str, prompt: str, presets) -> str | None:
        dialog = ReasonDialog(title, prompt, presets, self.parent)
        return dialog.reason() if dialog.exec() == QDialog.Accepted else None

    def address(self, detail: dict) -> dict | None:
        dialog = AddressDialog(detail["ship_to"], self.parent, number=detail["number"])
        return dialog.values() if dialog.exec() == QDialog.Accepted else None

    def split(self, detail: dict) -> dict[int, int] | None:
        dialog = LineQuantitiesDialog(
            detail, self.tr("Split order #{0}").format(detail["number"]),
            self.tr("How many units of each line of #{0} move to a new order?").format(
                detail["number"]), parent=self.parent)
        return dialog.quantities() if dialog.exec() == QDialog.Accepted else None

    def edit_lines(self, detail: dict):
        """Quantities to change, lines to remove and to add (an `edit_lines.LineEdits`)."""
        dialog = EditLinesDialog(detail, self.parent.ctx.engine, self.parent)
        return dialog.edits() if dialog.exec() == QDialog.Accepted else None

    def conflict(self, message: str, detail: dict | None) -> None:
        box = QMessageBox(QMessageBox.Warning, self.tr("Changed by someone else"), message,
                          QMessageBox.Ok, self.parent)
        box.setObjectName("conflictDialog")
        if detail is not None:
            box.setInformativeText(describe_state(detail))
        box.button(QMessageBox.Ok).setText(self.tr("Reload"))
        box.exec()

    def bulk_report(self, title: str, results: list[tuple[str, bool, str]]) -> None:
        BulkReportDialog(title, results, self.parent).exec()

    def ask(self, title: str, question: str) -> bool:
        return QMessageBox.question(self.parent, title, question) == QMessageBox.Yes


def parse_tags(text: str, current: list[str]) -> tuple[list[str], list[str]]:
    wanted = [t.strip().lower() for t in text.split(",") if t.strip()]
    remove = {t[1:] for t in wanted if t.startswith("-")}
    keep = [t for t in wanted if not t.startswith("-")]
    remove |= {t for t in current if t not in keep}
    return [t for t in keep if t not in current], sorted(remove)


def describe_state(detail: dict) -> str:
    lines = [
        QCoreApplication.translate("DeskDialogs", "Current state of order #{0} (version {1}):")
        .format(detail["number"], detail["version"]),
        QCoreApplication.translate("DeskDialogs", "Status: {0}")
        .format(status_text(detail["status"])),
        QCoreApplication.translate("DeskDialogs", "Payment: {0}")
        .format(status_text(detail["payment_status"])),
        QCoreApplication.translate("DeskDialogs", "Total: {0} {1}")
        .format(detail["total"], detail["currency"]),
    ]
    if detail["timeline"]:
        last = detail["timeline"][-1]
        lines.append(QCoreApplication.translate("DeskDialogs", "Last change: {0} by {1}")
                     .format(last["message"], last["user"]))
    lines.append(QCoreApplication.translate(
        "DeskDialogs", "Nothing of yours was saved. Check the order and do it again if still "
                       "needed."))
    return "\n".join(lines)


class AddressDialog(QDialog):

    def __init__(self, ship_to: dict, parent=None, *, number: str = ""):
        super().__init__(parent)
        self.setObjectName("addressDialog")
        self.setWindowTitle(self.tr("Shipping address of order #{0}").format(number))
        form = QFormLayout(self)
        self.edits = {}
        titles = {"ship_name": self.tr("Name"), "ship_phone": self.tr("Phone"),
                  "ship_line1": self.tr("Street"), "ship_line2": self.tr("Street (2)"),
                  "ship_city": self.tr("City"), "ship_region": self.tr("Region"),
                  "ship_postcode": self.tr("Postcode"), "ship_country": self.tr("Country")}
        for field in ADDRESS_FIELDS:
            if field == "ship_country":
                edit = CountryBox(ship_to.get("country", ""))
            else:
                edit = QLineEdit(ship_to.get(field[5:], ""))
            self.edits[field] = edit
            form.addRow(titles[field], edit)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.Ok)
        form.addRow(buttons)
        self.resize(520, self.sizeHint().height())

    def values(self) -> dict:
        return {f: (e.code() if isinstance(e, CountryBox) else e.text())
                for f, e in self.edits.items()}


class ReasonDialog(QDialog):
    """A reason from a list of the usual ones, or typed in the same box."""

    def __init__(self, title: str, prompt: str, presets, parent=None):
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.choice = QComboBox()
        self.choice.setEditable(True)
        self.choice.setInsertPolicy(QComboBox.NoInsert)
        for text in presets:
            self.choice.addItem(QCoreApplication.translate("ReasonDialog", text))
        self.choice.setCurrentIndex(-1)
        self.choice.lineEdit().setPlaceholderText(self.tr("Choose a reason or type your own"))
        layout.addWidget(self.choice)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.Ok)
        layout.addWidget(buttons)
        self.choice.editTextChanged.connect(
            lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.ok_button.setEnabled(False)
        self.resize(480, self.sizeHint().height())

    def reason(self) -> str:
        return self.choice.currentText().strip()


class LineQuantitiesDialog(QDialog):
    def __init__(self, detail: dict, title: str, prompt: str, *, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt))
        self.table = QTableWidget(len(detail["lines"]), 4)
        self.table.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Name"), self.tr("Ordered"),
                                              self.tr("Quantity")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.spins: dict[int, QSpinBox] = {}
        for r, line in enumerate(detail["lines"]):
            for c, value in enumerate((line["sku"], line["name"], line["quantity"])):
                item = QTableWidgetItem(str(value))
                item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                self.table.setItem(r, c, item)
            spin = QSpinBox()
            spin.setRange(0, line["quantity"])
            self.table.setCellWidget(r, 3, spin)
            self.spins[line["id"]] = spin
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.Ok)
        layout.addWidget(buttons)
        self.resize(560, 320)

    def quantities(self) -> dict[int, int]:
        return {line_id: spin.value() for line_id, spin in self.spins.items()}


class BulkReportDialog(QDialog):
    """What happened to each order of a bulk action."""

    def __init__(self, title: str, results: list[tuple[str, bool, str]], parent=None):
        super().__init__(parent)
        self.setObjectName("bulkReport")
        self.setWindowTitle(title)
        ok = sum(1 for _, good, _ in results if good)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("{0} done, {1} refused.").format(ok, len(results) - ok)))
        table = QTableWidget(len(results), 3)
        table.setHorizontalHeaderLabels([self.tr("Order"), self.tr("Result"), self.tr("Why")])
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        for r, (number, good, message) in enumerate(results):
            table.setItem(r, 0, QTableWidgetItem(number))
            table.setItem(r, 1, QTableWidgetItem(self.tr("done") if good else self.tr("refused")))
            table.setItem(r, 2, QTableWidgetItem("" if good else message))
        table.setEditTriggers(QTableWidget.NoEditTriggers)
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(640, 400)
