"""The SKU matcher: map a storefront SKU that is not in the catalogue to a catalogue SKU, once.

Keyboard flow: type (or scan) the catalogue SKU, a name or a barcode and press Enter to look it
up; Enter again maps it. Typing again drops the choice, so one Enter never both searches and
confirms."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from ordermgr.services.sku_mapping import UnmatchedSku
from ordermgr.ui.orders.sku_picker import SkuPicker


class SkuMatcherDialog(QDialog):
    def __init__(self, engine, waiting: UnmatchedSku, parent=None):
        super().__init__(parent)
        self.setObjectName("skuMatcherDialog")
        self.setWindowTitle(self.tr("Map storefront SKU {0}").format(waiting.remote_sku))
        self.waiting = waiting
        self.sku: dict | None = None
        intro = QLabel(self.tr(
            "{0} sends SKU {1} ({2}), which is not in the catalogue; {3} order(s) wait for it. "
            "Which catalogue SKU is it? The answer is remembered for this store's later orders.")
            .format(waiting.store, waiting.remote_sku, waiting.name or "-", waiting.orders))
        intro.setWordWrap(True)
        self.picker = SkuPicker(engine, self)
        self.picker.input.setPlaceholderText(self.tr("Catalogue SKU, name or barcode, then Enter"))
        self.picker.chosen.connect(self._chosen)
        self.picker.input.textEdited.connect(self._typing)
        self.picker.input.empty_return_passes = True  # Enter in the emptied box maps
        self.choice = QLabel(self.tr("No catalogue SKU chosen yet."))
        self.choice.setObjectName("skuChoice")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(self.tr("Map"))
        self.ok_button.setDefault(True)  # Enter in the empty search box confirms
        self.ok_button.setEnabled(False)
        buttons.button(QDialogButtonBox.Cancel).setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.picker)
        layout.addWidget(self.choice)
        layout.addWidget(buttons)
        self.picker.input.setFocus()

    @property
    def code(self) -> str:
        return self.sku["code"] if self.sku else ""

    def _chosen(self, sku: dict) -> None:
        self.sku = sku
        self.choice.setText(self.tr("{0} = {1} · {2} ({3} available)").format(
            self.waiting.remote_sku, sku["code"], sku["name"], sku["available"]))
        self.ok_button.setEnabled(True)

    def _typing(self, _text: str) -> None:
        if self.sku is not None:  # a new search: the earlier choice no longer stands
            self.sku = None
            self.choice.setText(self.tr("No catalogue SKU chosen yet."))
            self.ok_button.setEnabled(False)
