"""Báo cáo › Thông tin văn bản…: what the decision, its annexes and the result notices print —
issuing body, number and date, signer, legal bases, executors, recipients, the notices' issuer.

`DocumentSettingsDialog` (its layout in forms/document_settings.ui) shows each of the period's
document settings (`parapp.core.settings.DOCUMENT_KEYS`) in a field whose placeholder is what
parapp prints when the field is left empty. Every change is checked with the core's
`parse_setting`; a wrong value is named under the tabs and disables Lưu. On Lưu, the changed
settings are written in one change operation (undoable like any edit).
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from parapp.core.errors import ValidationError
from parapp.core.reports.decision import document_defaults
from parapp.core.settings import DOCUMENT_KEYS, SPECS, parse_setting
from parapp.ui.forms.ui_document_settings import Ui_DocumentSettingsDialog
from parapp.ui.operations import Changes, Work, period_changes
from parapp.ui.theme import is_dark

if TYPE_CHECKING:
    from parapp.ui.main_window import MainWindow

LISTS = ("signer_authority", "legal_bases", "recipients", "notice_signer_authority")


def shown(key: str, value: Any) -> str:
    """A stored document setting as its field shows it."""
    if value is None:
        return ""
    if key in LISTS:
        return "\n".join(value)
    if key == "decision_date":
        return date.fromisoformat(value).strftime("%d/%m/%Y")
    return str(value)


class DocumentSettingsDialog(QDialog):
    def __init__(self, stored: dict[str, Any], placeholders: dict[str, str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.stored = stored
        self.ui = ui = Ui_DocumentSettingsDialog()
        ui.setupUi(self)
        self.ok_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Lưu"))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        ui.errorLabel.setStyleSheet(f"color: {'#ff8a80' if is_dark(self) else '#b3261e'};")
        # setting key → its field (named after the key in the form)
        self.fields: dict[str, QLineEdit | QPlainTextEdit | QCheckBox] = {}
        for key in DOCUMENT_KEYS:
            name = key.split("_")[0] + "".join(p.capitalize() for p in key.split("_")[1:])
            field = getattr(ui, f"{name}Edit", None) or getattr(ui, f"{name}Check")
            self.fields[key] = field
            field.setToolTip(SPECS[key].description)
            if isinstance(field, QCheckBox):
                field.setChecked(bool(stored.get(key)))
                field.toggled.connect(self.check)
                continue
            field.setPlaceholderText(placeholders.get(key, ""))
            if isinstance(field, QPlainTextEdit):
                field.setPlainText(shown(key, stored.get(key)))
            else:
                field.setText(shown(key, stored.get(key)))
            field.textChanged.connect(self.check)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self.errors: dict[str, str] = {}
        self.check()

    def text_of(self, key: str) -> str:
        field = self.fields[key]
        if isinstance(field, QCheckBox):
            return "true" if field.isChecked() else "false"
        if isinstance(field, QPlainTextEdit):
            return field.toPlainText()
        return field.text()

    def check(self) -> None:
        """Every field parsed as `parapp settings` would; the first wrong one is named."""
        self.errors = {}
        for key in DOCUMENT_KEYS:
            try:
                parse_setting(key, self.text_of(key))
            except ValidationError as err:
                self.errors[key] = str(err)
        self.ui.errorLabel.setText(next(iter(self.errors.values()), ""))
        self.ok_button.setEnabled(not self.errors)

    def changed(self) -> dict[str, str]:
        """Key → text of every setting whose value differs from the stored one."""
        out = {}
        for key in DOCUMENT_KEYS:
            text = self.text_of(key)
            if parse_setting(key, text) != self.stored.get(key, SPECS[key].default):
                out[key] = text
        return out


def open_document_settings(window: MainWindow) -> DocumentSettingsDialog | None:
    """The dialog for the open file (window-modal, not blocking); Lưu writes through the
    window's operations."""
    data = window.document.data if window.document.is_open else None
    if data is None:
        return None
    settings = data.snapshot.settings
    period = window.period
    placeholders = document_defaults(period.province, int(period.year),
                                     [b.name for b in data.snapshot.blocks])
    dialog = DocumentSettingsDialog(dict(settings.document), placeholders, window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)

    def finished(code: int) -> None:
        dialog.deleteLater()
        if code != QDialog.DialogCode.Accepted or not window.document.is_open:
            return
        changes = dialog.changed()
        if not changes:
            return
        # the words now: the dialog is gone when the write answers
        label = dialog.tr("Thông tin văn bản công bố")
        done = dialog.tr("Đã lưu {n} thông tin văn bản").format(n=len(changes))
        failed = dialog.tr("Không lưu được")

        def work(job: Work) -> Changes:
            with job.store.edit("gui") as ed:
                for key, text in changes.items():
                    ed.set_setting(key, text)
            return period_changes(job.store, label, ed.txn)

        window.ops.change(dialog.tr("Đang lưu thông tin văn bản…"), work,
                          lambda _c: window.statusBar().showMessage(done, 5000),
                          lambda message: QMessageBox.warning(window, failed, message))
    dialog.finished.connect(finished)
    dialog.open()
    return dialog
