"""Ký số: sign the PDF shown in the report window with a PKCS#12 file or a PKCS#11 token.

`SignDialog` (its layout in forms/sign_dialog.ui) asks for the key — a PKCS#12 file and its
passphrase, or a token and its PIN — the optional signature and seal images, the trusted roots
and where to write the signed copy; it signs and verifies on a worker thread (`TaskThread`:
pyHanko calls `asyncio.run` inside, which needs a thread without a running event loop).

Secrets. The PKCS#12 passphrase or the token PIN is typed into a password field, taken out of
the field when signing starts, handed to the worker and dropped after the key is opened; it is
never written to QSettings or anywhere else. A token's PIN state is read before the PIN is asked
for: the warning (last attempt, earlier wrong PINs) is shown above the PIN field, and a locked
token is refused, as is one whose certificate may not sign (expired, not yet valid, not for
signing: read from the token without the PIN). A PKCS#12 file with such a certificate is refused
once its passphrase opens it, and Ký stays disabled until another file is chosen.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QSizePolicy,
    QWidget,
)

from parapp.core.errors import ParappError
from parapp.ui import preferences
from parapp.ui.busy import TaskThread
from parapp.ui.forms.ui_sign_dialog import Ui_SignDialog
from parapp.ui.sizing import fit_words
from parapp.ui.theme import ERROR_STYLE, WARNING_STYLE


def ask_overwrite(parent: QWidget | None, path: Path) -> bool:
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("SignDialog", "Ghi đè tệp?"),
        QCoreApplication.translate("SignDialog", "Tệp {file} đã có. Ghi đè?").format(
            file=path), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes



@dataclass(frozen=True)
class SignOutcome:
    result: Any  # signing.SignResult
    reports: list  # signing.SignatureReport, from verify_pdf on the output
    verify_error: str | None
    data: bytes | None = None  # the signed PDF as written, read here: the window shows it


class SignDialog(QDialog):
    """Sign the PDF shown: a PKCS#12 file and its passphrase, or a PKCS#11 token and its PIN;
    optional signature and seal images; where to write the signed copy.

    Signing and verifying run on a worker; the dialog stays open on failure (the message under
    the fields, the secret field emptied) and closes after `signed(outcome)` on success."""

    signed = Signal(object)  # SignOutcome

    def __init__(self, src: Path, default_out: Path, parent: QWidget | None = None,
                 document: str | None = None):
        super().__init__(parent)
        self.src = Path(src)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.outcome: SignOutcome | None = None
        self.busy = False
        self._tokens: list = []
        self._refusals: dict[str, str] = {}  # token label: why its certificate may not sign
        self._blocked = False  # the chosen token may not be asked for its PIN
        self._refused_key: str | None = None  # a PKCS#12 file whose certificate may not sign
        self._task: TaskThread | None = None
        self._token_task: TaskThread | None = None

        self.ui = ui = Ui_SignDialog()
        ui.setupUi(self)
        # the public names (the tests and scripts/screenshots.py drive the dialog by these)
        self.p12_radio, self.p11_radio, self.stack = ui.p12Radio, ui.p11Radio, ui.stack
        self.p12_edit, self.passphrase_edit = ui.p12Edit, ui.passphraseEdit
        self.library_edit, self.token_combo = ui.libraryEdit, ui.tokenCombo
        self.find_button, self.pin_warning, self.pin_edit = ui.findButton, ui.pinWarning, ui.pinEdit
        self.signature_edit, self.seal_edit = ui.signatureEdit, ui.sealEdit
        self.trust_edit, self.output_edit = ui.trustEdit, ui.outputEdit
        self.message, self.progress, self.buttons = ui.message, ui.progress, ui.buttonBox
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        # what the form cannot hold: the document's name, the standard buttons' words, the
        # remembered places (where the key is, never the secret), the message colour
        ui.titleLabel.setText(self.tr("Văn bản: {file}").format(file=document or self.src.name))
        self.ok_button.setText(self.tr("&Ký"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        for edit, option in ((self.p12_edit, preferences.SIGNING_PKCS12),
                             (self.library_edit, preferences.SIGNING_PKCS11_LIB),
                             (self.signature_edit, preferences.SIGNING_SIGNATURE_IMAGE),
                             (self.seal_edit, preferences.SIGNING_SEAL_IMAGE),
                             (self.trust_edit, preferences.SIGNING_TRUST_ROOTS)):
            edit.setText(option.get())
        self.output_edit.setText(str(default_out))
        self.message.setStyleSheet(ERROR_STYLE)
        fit_words(self.find_button, 2)  # as much room around its words as "Chọn…" has

        ui.p12Browse.clicked.connect(self._browse_p12)
        ui.libraryBrowse.clicked.connect(self._browse_library)
        ui.signatureBrowse.clicked.connect(lambda: self._browse_image(self.signature_edit))
        ui.sealBrowse.clicked.connect(lambda: self._browse_image(self.seal_edit))
        ui.trustBrowse.clicked.connect(self._browse_roots)
        ui.outputBrowse.clicked.connect(self._browse_output)
        self.buttons.accepted.connect(self.start_signing)
        self.buttons.rejected.connect(self.reject)
        self.p12_radio.toggled.connect(lambda on: self._set_mode("pkcs12" if on else "pkcs11"))
        self.find_button.clicked.connect(self.find_tokens)
        self.p12_edit.textChanged.connect(self._key_file_changed)
        self.library_edit.editingFinished.connect(self._library_entered)
        self.token_combo.currentIndexChanged.connect(self._on_token_changed)
        mode = preferences.SIGNING_MODE.get()
        (self.p11_radio if mode == "pkcs11" else self.p12_radio).setChecked(True)
        self._set_mode(mode)

    @property
    def mode(self) -> str:
        return "pkcs12" if self.p12_radio.isChecked() else "pkcs11"

    def _set_mode(self, mode: str) -> None:
        current = 0 if mode == "pkcs12" else 1
        self.stack.setCurrentIndex(current)
        for i in range(self.stack.count()):  # the stack as tall as the page shown
            policy = QSizePolicy.Policy.Preferred if i == current else QSizePolicy.Policy.Ignored
            self.stack.widget(i).setSizePolicy(policy, policy)
        self.stack.adjustSize()
        self.adjustSize()
        if mode == "pkcs11" and not self._tokens and Path(self.library_edit.text()).is_file():
            self.find_tokens()
        self._update_ok()

    # browsing
    def _browse_p12(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp khóa"), self.p12_edit.text(),
                                              self.tr("Tệp khóa PKCS#12 (*.p12 *.pfx)"))
        if name:
            self.p12_edit.setText(name)

    def _browse_library(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn thư viện PKCS#11"), self.library_edit.text(),
            self.tr("Thư viện (*.so *.dll *.dylib);;Mọi tệp (*)"))
        if name:
            self.library_edit.setText(name)
            self.find_tokens()

    def _browse_image(self, edit: QLineEdit) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn ảnh"), edit.text(),
                                              self.tr("Ảnh (*.png *.jpg *.jpeg)"))
        if name:
            edit.setText(name)

    def _browse_roots(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Chọn chứng thư gốc tin cậy"), "",
            self.tr("Chứng thư số (*.pem *.crt *.cer *.der);;Mọi tệp (*)"))
        if names:
            self.trust_edit.setText(";".join(names))

    def _browse_output(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu bản đã ký"),
                                              self.output_edit.text(),
                                              self.tr("Tài liệu PDF (*.pdf)"))
        if name:
            self.output_edit.setText(name)

    # tokens
    def _library_entered(self) -> None:
        if self.mode == "pkcs11" and self.library_edit.text().strip():
            self.find_tokens()

    def find_tokens(self) -> None:
        """List the tokens of the library and check their certificates (no login) on a worker
        thread."""
        library = self.library_edit.text().strip()
        if not library or self._token_task is not None:
            return
        from parapp.core import signing

        def find() -> list:
            found = []
            for status in signing.list_tokens(library):
                try:
                    refused = signing.token_certificate_refusal(library, status.label)
                except ParappError:  # unreadable now: checked again when signing
                    refused = None
                found.append((status, str(refused) if refused else None))
            return found

        self.find_button.setEnabled(False)
        self.token_combo.clear()
        self._tokens = []
        self._show_message("")
        self._token_task = TaskThread.launch(find, "parapp-tokens", self._tokens_found,
                                             self._tokens_failed, self._token_task_done)

    @Slot()
    def _token_task_done(self) -> None:
        task, self._token_task = self._token_task, None
        if task is not None:
            task.wait()
        self.find_button.setEnabled(True)

    @Slot(object)
    def _tokens_found(self, found: list) -> None:
        self._tokens = [status for status, _refused in found]
        self._refusals = {status.label: refused for status, refused in found if refused}
        self.token_combo.blockSignals(True)
        self.token_combo.clear()
        for t in self._tokens:
            detail = " ".join(x for x in (t.manufacturer, t.model) if x)
            self.token_combo.addItem(f"{t.label} — {detail} ({t.serial})" if detail
                                     else t.label, t.label)
        self.token_combo.blockSignals(False)
        if not self._tokens:
            self._show_message(self.tr("Không thấy thiết bị ký số nào (đã cắm thiết bị chưa?)"))
        self._on_token_changed(self.token_combo.currentIndex())

    @Slot(str)
    def _tokens_failed(self, message: str) -> None:
        self._show_message(message)
        self._on_token_changed(-1)

    def _on_token_changed(self, index: int) -> None:
        """Tell the token's PIN state before the PIN is typed; refuse a locked token, and one
        whose certificate may not sign."""
        from parapp.core import signing
        status = self._tokens[index] if 0 <= index < len(self._tokens) else None
        self.pin_warning.hide()
        self.pin_edit.setEnabled(status is not None)
        self.pin_edit.setPlaceholderText(self.tr("Không lưu lại"))
        self._blocked = False
        if status is not None:
            try:
                warning = signing.check_pin(status)
            except ParappError as err:
                warning, self._blocked = str(err), True
            if not self._blocked and status.label in self._refusals:
                warning, self._blocked = self._refusals[status.label], True
            if self._blocked:
                self.pin_edit.setEnabled(False)
            if warning:
                self.pin_warning.setText(warning)
                self.pin_warning.setStyleSheet(ERROR_STYLE if self._blocked else WARNING_STYLE)
                self.pin_warning.show()
            if status.protected_authentication_path and not self._blocked:
                self.pin_edit.setEnabled(False)
                self.pin_edit.setPlaceholderText(self.tr("Nhập PIN trên bàn phím của thiết bị"))
        self._update_ok()

    def _key_file_changed(self) -> None:
        if self._refused_key is not None:  # another file: its certificate is still to be seen
            self._refused_key = None
            self._show_message("")
        self._update_ok()

    def _update_ok(self) -> None:
        if self.busy:
            self.ok_button.setEnabled(False)
            return
        if self.mode == "pkcs11":
            ok = self.token_combo.currentIndex() >= 0 and not self._blocked
        else:
            ok = self._refused_key is None
        self.ok_button.setEnabled(ok)

    # signing
    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _fields(self) -> list[QWidget]:
        return [self.p12_radio, self.p11_radio, self.stack, self.signature_edit, self.seal_edit,
                self.trust_edit, self.output_edit]

    def start_signing(self) -> None:
        """Ký: check the inputs, take the secret out of its field, sign and verify on a worker."""
        if self.busy:
            return
        from parapp.core import signing
        dest_text = self.output_edit.text().strip()
        if not dest_text:
            self._show_message(self.tr("Chọn nơi lưu bản đã ký"))
            return
        dest = Path(dest_text)
        if dest.suffix.lower() != ".pdf":
            dest = dest.with_name(dest.name + ".pdf")
        sig_image = self.signature_edit.text().strip() or None
        seal_image = self.seal_edit.text().strip() or None
        mode = self.mode
        key_file = library = label = None
        if mode == "pkcs12":
            key_file = self.p12_edit.text().strip()
            if not key_file:
                self._show_message(self.tr("Chọn tệp khóa PKCS#12"))
                return
            secret = self.passphrase_edit.text()
            self.passphrase_edit.clear()
        else:
            library = self.library_edit.text().strip()
            label = self.token_combo.currentData()
            if not library or label is None:
                self._show_message(self.tr("Chọn thư viện PKCS#11 và thiết bị ký số"))
                return
            secret = self.pin_edit.text() if self.pin_edit.isEnabled() else None
            if secret == "":  # an empty PIN would only use up one of the token's attempts
                self._show_message(self.tr("Nhập mã PIN của thiết bị ký số"))
                self.pin_edit.setFocus()
                return
            self.pin_edit.clear()
        roots = [r.strip() for r in self.trust_edit.text().split(";") if r.strip()]
        src = self.src
        held = [secret]  # emptied by the worker as soon as the key is open
        del secret

        def open_key():
            secret = held.pop()
            if mode == "pkcs12":
                return signing.load_pkcs12(key_file, secret)
            status = signing.token_status(library, label)
            signing.check_pin(status)  # the state may have changed since it was listed
            return signing.open_token(library, label, secret)

        def work() -> SignOutcome:
            signing.load_trust_roots(roots)  # a root that is not one: refused before signing
            with open_key() as key:
                result = signing.sign_pdf(src, dest, key, signature_image=sig_image,
                                          seal_image=seal_image)
            try:
                reports, error = signing.verify_pdf(result.path, roots), None
            except ParappError as err:
                reports, error = [], str(err)
            try:  # read back on this thread: the folder is often a share
                data = Path(result.path).read_bytes()
            except OSError:  # the window says so when it reads it
                data = None
            return SignOutcome(result, reports, error, data)

        def checked(exists: bool) -> None:
            if exists and not ask_overwrite(self, dest):
                held.clear()
                self._set_busy(False)
                return
            # where the key is, never the secret
            preferences.SIGNING_MODE.set(mode)
            if mode == "pkcs12":
                preferences.SIGNING_PKCS12.set(key_file)
            else:
                preferences.SIGNING_PKCS11_LIB.set(library)
            preferences.SIGNING_SIGNATURE_IMAGE.set(sig_image or "")
            preferences.SIGNING_SEAL_IMAGE.set(seal_image or "")
            preferences.SIGNING_TRUST_ROOTS.set(self.trust_edit.text().strip())
            self._task = TaskThread.launch(work, "parapp-sign", self._signed,
                                           self._sign_failed, self._sign_task_done)

        def refused(message: str) -> None:
            held.clear()
            self._set_busy(False)
            self._show_message(message)

        def check() -> bool:  # the paths first, off this thread: the folder is often a share
            signing.check_paths(src, dest)
            return dest.exists()
        self._set_busy(True)
        self._show_message("")
        TaskThread.launch(check, "parapp-sign-check", checked, refused)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for w in self._fields():
            w.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(not busy)
        self._update_ok()

    @Slot()
    def _sign_task_done(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.wait()
        self._set_busy(False)
        if self.outcome is not None:
            self.signed.emit(self.outcome)
            self.accept()

    @Slot(object)
    def _signed(self, outcome: SignOutcome) -> None:
        self.outcome = outcome

    @Slot(str)
    def _sign_failed(self, message: str) -> None:
        from parapp.core import signing
        refused = isinstance(getattr(self._task, "error", None), signing.CertificateError)
        if refused and self.mode == "pkcs11":  # shown above the PIN, which is not asked again
            self._refusals[self.token_combo.currentData()] = message
            self._on_token_changed(self.token_combo.currentIndex())
            return
        self._show_message(message)
        if refused:  # not again with this file (Ký follows once the task is done)
            self._refused_key = self.p12_edit.text().strip()
        field = self.passphrase_edit if self.mode == "pkcs12" else self.pin_edit
        if field.isEnabled():
            field.setFocus()

    def reject(self) -> None:
        if self.busy:
            return  # the key is open on the worker: wait for it
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)
