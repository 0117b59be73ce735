"""Fields a barcode scanner types into. A scanner is a keyboard: it types the code, then Return.
Inside a dialog an unhandled Return presses the default button (Save, OK), so a second scan
would save half an order. `ScanLineEdit` keeps its Return to itself and says `scanned(code)`;
`guard_dialog` takes the dialog's buttons off Return while a scan field has the focus."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QWidget
from shiboken6 import isValid

SCAN_FIELD = "scanField"  # dynamic property: Return in this widget never reaches the dialog


class ScanLineEdit(QLineEdit):
    """A scan, search or add-line field: Return emits `returnPressed` and `scanned(code)` (the
    trimmed text, when there is one) and goes no further."""

    scanned = Signal(str)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setProperty(SCAN_FIELD, True)
        # A dialog whose answer *is* the looked-up code (the SKU matcher) lets an Enter in the
        # emptied field confirm; everywhere else a scanner's doubled Return must not.
        self.empty_return_passes = False

    def keyPressEvent(self, event) -> None:
        if event.key() not in (Qt.Key_Return, Qt.Key_Enter):
            super().keyPressEvent(event)
            return
        code = self.text().strip()
        super().keyPressEvent(event)  # returnPressed, editingFinished
        if code or not self.empty_return_passes:
            event.accept()  # QLineEdit ignores it, and the dialog would press its default button
        if code:
            self.scanned.emit(code)


def is_scan_field(widget: QWidget | None) -> bool:
    while widget is not None:
        if widget.property(SCAN_FIELD):
            return True
        if widget.isWindow():
            return False
        widget = widget.parentWidget()
    return False


class _DefaultButtonGuard(QObject):
    """The dialog's default button is default only while the focus is outside its scan fields;
    no button is auto-default (a focused button still answers Space)."""

    def __init__(self, dialog: QDialog, default: QPushButton | None):
        super().__init__(dialog)
        self.dialog, self.default = dialog, default
        for button in dialog.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self._focus_changed(None, QApplication.focusWidget())

    def _focus_changed(self, _old, new) -> None:
        if self.default is None or not (isValid(self.default) and isValid(self.dialog)):
            return
        inside = new is not None and self.dialog.isAncestorOf(new)
        self.default.setDefault(not (inside and is_scan_field(new)))


def guard_dialog(dialog: QDialog, default: QPushButton | None = None) -> None:
    """Call once the dialog's buttons exist. `default` is the button Return presses from an
    ordinary field (None: Return presses nothing)."""
    _DefaultButtonGuard(dialog, default)
