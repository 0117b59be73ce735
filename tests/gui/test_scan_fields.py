"""The shared scan field: a scanner's Return stays in the field, never presses the dialog's
default button; Return in an ordinary field of the same dialog still does."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout

from ordermgr.ui.scan import ScanLineEdit, guard_dialog


def make_dialog(qtbot):
    dialog = QDialog()
    dialog.scan, dialog.note = ScanLineEdit(), QLineEdit()
    buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    dialog.save = buttons.button(QDialogButtonBox.Save)
    layout = QVBoxLayout(dialog)
    for widget in (dialog.scan, dialog.note, buttons):
        layout.addWidget(widget)
    guard_dialog(dialog, dialog.save)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    return dialog


def test_a_scanner_burst_stays_in_the_scan_field(qtbot):
    dialog = make_dialog(qtbot)
    dialog.scan.setFocus()
    qtbot.waitUntil(lambda: dialog.scan.hasFocus())
    assert not dialog.save.isDefault()
    codes = []
    dialog.scan.scanned.connect(codes.append)
    for code in ("6901234567892", "6901234567908", "TEA-01"):
        qtbot.keyClicks(dialog.scan, code)
        qtbot.keyClick(dialog.scan, Qt.Key_Return)
        dialog.scan.clear()
    qtbot.keyClick(dialog.scan, Qt.Key_Return)  # a second Return from the scanner: nothing
    assert codes == ["6901234567892", "6901234567908", "TEA-01"]
    assert dialog.isVisible() and dialog.result() == 0


def test_return_in_an_ordinary_field_still_saves(qtbot):
    dialog = make_dialog(qtbot)
    dialog.note.setFocus()
    qtbot.waitUntil(lambda: dialog.note.hasFocus())
    assert dialog.save.isDefault()
    qtbot.keyClick(dialog.note, Qt.Key_Return)
    assert not dialog.isVisible() and dialog.result() == QDialog.Accepted
