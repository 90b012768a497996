"""Keys and seals of a council member: seal the package open in the window, make a key.

`SealDialog` (forms/seal_dialog.ui): seal a member's package with the member's private key (the
default key file, or one the user picks), asking the passphrase only when the key has one.
`KeyDialog` (forms/key_dialog.ui): a member without a key makes one and copies its fingerprint
for the secretariat. Passphrases are never kept.
"""
from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from parapp.core.errors import ParappError
from parapp.core.packages import (
    Gap,
    SealInfo,
    default_key_path,
    key_name,
    load_key,
    new_key,
    package_gaps,
    seal_package,
)
from parapp.ui.forms.ui_key_dialog import Ui_KeyDialog
from parapp.ui.forms.ui_seal_dialog import Ui_SealDialog
from parapp.ui.operations import Operations
from parapp.ui.sizing import fit_line_edit, keep_text_whole
from parapp.ui.theme import error_color


def key_is_encrypted(path: Path) -> bool:
    """Whether the private key at `path` needs a passphrase (an encrypted PKCS#8 PEM)."""
    try:
        head = path.read_bytes()[:64]
    except OSError:
        return False
    return b"ENCRYPTED" in head


class KeyDialog(QDialog):
    """Create a member's key pair (passphrase twice, may be left empty) and show its
    fingerprint, to send to the secretariat. `fingerprint` and `key_path` are set once made."""

    def __init__(self, parent: QWidget | None, member: str, key_path: Path | None = None,
                 party: str = "member"):
        super().__init__(parent)
        self.member, self.party = member, party  # the holder: a member's code, or a unit's
        self.key_path = Path(key_path) if key_path else default_key_path(key_name(party, member))
        self.fingerprint: str | None = None
        self.ui = ui = Ui_KeyDialog()
        ui.setupUi(self)
        # the public names (the tests drive the dialog by these)
        self.form_box, self.done_box, self.done_label = ui.formBox, ui.doneBox, ui.doneLabel
        self.path_edit, self.pass_edit, self.repeat_edit = ui.pathEdit, ui.passEdit, ui.repeatEdit
        self.error_label, self.print_edit = ui.errorLabel, ui.printEdit
        self.copy_button, self.buttons = ui.copyButton, ui.buttonBox
        self.create_button = self.buttons.addButton(self.tr("&Tạo khóa"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(self.tr("Hủy"),
                                                   QDialogButtonBox.ButtonRole.RejectRole)

        # what the form cannot hold: the member, the path and its width, the error colour
        self.setWindowTitle(self.tr("Tạo khóa niêm phong cho {member}").format(member=member))
        self.path_edit.setText(str(self.key_path))
        fit_line_edit(self.path_edit)
        self.error_label.setStyleSheet(f"color: {error_color().name()};")

        ui.browseButton.clicked.connect(self._browse)
        self.pass_edit.textChanged.connect(self._check)
        self.repeat_edit.textChanged.connect(self._check)
        self.copy_button.clicked.connect(self.copy_fingerprint)
        self.create_button.clicked.connect(self.create_key)
        self.close_button.clicked.connect(self._close)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.create_button.setDefault(True)
        keep_text_whole(self, 60)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu khóa riêng"),
                                              self.path_edit.text(),
                                              self.tr("Khóa parapp (*.key)"))
        if name:
            self.path_edit.setText(name)

    def _check(self) -> bool:
        differ = self.pass_edit.text() != self.repeat_edit.text()
        self.error_label.setText(self.tr("Hai lần nhập mật khẩu không khớp.") if differ else "")
        self.create_button.setEnabled(not differ)
        return not differ

    def create_key(self) -> str | None:
        if self.fingerprint is not None or not self._check():
            return self.fingerprint
        path = Path(self.path_edit.text().strip()).expanduser()
        try:
            fingerprint = new_key(path, self.pass_edit.text() or None)
        except ParappError as err:
            self.error_label.setText(str(err))
            return None
        except OSError as err:
            self.error_label.setText(f"{path}: {err.strerror or err}")
            return None
        finally:  # the passphrase is not kept
            self.pass_edit.clear()
            self.repeat_edit.clear()
        self.key_path, self.fingerprint = path, fingerprint
        self.done_label.setText(self.tr(
            "Đã tạo khóa: {path}\nKhóa công khai: {public}\n\nGửi dấu vân tay dưới đây cho Tổ "
            "thư ký (công văn, điện thoại) để đăng ký khóa của {member}:").format(
            path=path, public=path.with_suffix(".pub"), member=holder_words(self.party,
                                                                            self.member)))
        self.print_edit.setText(fingerprint)
        fit_line_edit(self.print_edit)
        self.print_edit.selectAll()
        self.form_box.hide()
        self.done_box.show()
        self.create_button.hide()
        self.close_button.setText(self.tr("Đóng"))
        return fingerprint

    def copy_fingerprint(self) -> None:
        QGuiApplication.clipboard().setText(self.print_edit.text())

    def _close(self) -> None:
        self.accept() if self.fingerprint else self.reject()


def holder_words(party: str, code: str) -> str:
    """'thành viên SNV' / 'đơn vị SYT', in the interface's language."""
    return (QCoreApplication.translate("seal", "thành viên {code}") if party == "member"
            else QCoreApplication.translate("seal", "đơn vị {code}")).format(code=code)


def create_key_dialog(parent: QWidget | None, member: str,
                      key_path: Path | str | None = None, party: str = "member") -> str | None:
    """Let `member` (a unit, with party "unit") create a key (at parapp's default place unless
    `key_path` or the user says otherwise); returns its fingerprint, or None if none was made."""
    dialog = KeyDialog(parent, member, Path(key_path) if key_path else None, party)
    dialog.exec()
    fingerprint = dialog.fingerprint
    dialog.deleteLater()
    return fingerprint


class SealDialog(QDialog):
    """Seal the package at `package_path` with the member's private key. The passphrase field
    shows only when the chosen key has one; it is never stored. `seal` is set once sealed."""

    def __init__(self, parent: QWidget | None, package_path: Path | str, member: str,
                 ops: Operations | None = None, party: str = "member"):
        super().__init__(parent)
        self.package_path = Path(package_path)
        # the window's operations, when the window has the package open: the seal is computed
        # on its file thread, after every edit sent before (a later write would drop it)
        self.ops = ops
        self.member, self.party = member, party  # the holder: a member's code, or a unit's
        self.seal: SealInfo | None = None
        self.sealing = False  # the seal is being written: the dialog stays until it is done
        self.ui = ui = Ui_SealDialog()
        ui.setupUi(self)
        # the public names (the tests drive the dialog by these)
        self.form, self.key_edit, self.new_key_button = ui.form, ui.keyEdit, ui.newKeyButton
        self.pass_label, self.pass_edit = ui.passLabel, ui.passEdit
        self.error_label, self.buttons = ui.errorLabel, ui.buttonBox
        self.gaps_label, self.gaps_list = ui.gapsLabel, ui.gapsList
        self.gaps: list[Gap] = []
        self.seal_button = self.buttons.addButton(self.tr("&Niêm phong"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = cancel = self.buttons.addButton(
            self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)

        # what the form cannot hold: the package and the member, the key's path and its width,
        # the error colour
        ui.introLabel.setText(self.tr(
            "Gói <b>{file}</b> của <b>{member}</b> sẽ được ký bằng khóa riêng của mình. Sau "
            "khi niêm phong, mọi sửa đổi trong gói sẽ làm mất niêm phong (phải niêm phong "
            "lại).").format(file=self.package_path.name, member=holder_words(party, member)))
        self.key_edit.setText(str(default_key_path(key_name(party, member))))
        fit_line_edit(self.key_edit)  # the whole path, its buttons under it
        self.error_label.setStyleSheet(f"color: {error_color().name()};")

        self.key_edit.textChanged.connect(self._key_changed)
        ui.browseButton.clicked.connect(self._browse)
        self.new_key_button.clicked.connect(self._create_key)
        self.seal_button.clicked.connect(self.seal_now)
        cancel.clicked.connect(self.reject)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.seal_button.setDefault(True)
        keep_text_whole(self, 60)
        self.gaps_label.hide()
        self.gaps_list.hide()
        self._key_changed()
        self._check_gaps()

    def _check_gaps(self) -> None:
        """What is still missing, read after every edit sent (the completeness check before
        sealing): warnings to read, and a block where evidence is mandatory."""
        path = self.package_path

        def read(_job=None) -> list[Gap]:
            return package_gaps(path)
        if self.ops is not None:
            self.ops.work(self.tr("Đang kiểm tra gói…"), read, self._show_gaps,
                          lambda _message: None, owner=self)
            return
        with contextlib.suppress(ParappError):  # the seal itself says what is wrong with it
            self._show_gaps(read())

    def _show_gaps(self, gaps: list[Gap]) -> None:
        self.gaps = gaps
        blocking = [g for g in gaps if g.blocking]
        self.gaps_list.clear()
        for gap in sorted(gaps, key=lambda g: not g.blocking):
            item = QListWidgetItem(str(gap))
            if gap.blocking:
                item.setForeground(error_color())
            self.gaps_list.addItem(item)
        if blocking:
            text = self.tr("Chưa niêm phong được: {n} tiêu chí thiếu tài liệu kiểm chứng bắt "
                           "buộc. Bổ sung tài liệu rồi niêm phong lại.").format(n=len(blocking))
        elif gaps:
            text = self.tr("Còn %n mục chưa làm (có thể niêm phong, nhưng hãy xem lại):", None,
                           len(gaps))
        else:
            text = self.tr("Đã đủ: mọi tiêu chí của gói đã được làm.")
        self.gaps_label.setText(text)
        self.gaps_label.setStyleSheet(f"color: {error_color().name()};" if blocking else "")
        self.gaps_label.show()
        self.gaps_list.setVisible(bool(gaps))
        self._key_changed()

    @property
    def key_path(self) -> Path:
        return Path(self.key_edit.text().strip()).expanduser()

    def _key_changed(self, *_args) -> None:
        path = self.key_path
        self.key_edit.setToolTip(str(path))
        exists = path.is_file()
        needs = exists and key_is_encrypted(path)
        self.pass_label.setVisible(needs)
        self.pass_edit.setVisible(needs)
        if not needs:
            self.pass_edit.clear()
        self.new_key_button.setVisible(not exists)
        self.seal_button.setEnabled(exists and not self.sealing
                                    and not any(g.blocking for g in self.gaps))
        self.error_label.setText("" if exists else self.tr(
            "Không có khóa tại {path}. Chọn tệp khóa khác, hoặc tạo khóa mới rồi gửi dấu vân "
            "tay cho Tổ thư ký đăng ký trước khi gửi gói.").format(path=path))

    def _set_sealing(self, sealing: bool) -> None:
        self.sealing = sealing
        self.cancel_button.setEnabled(not sealing)
        self._key_changed()  # Niêm phong: not while sealing, and after only with a key there

    def reject(self) -> None:
        if self.sealing:  # closed now, the package would be sealed without a word said
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.sealing:
            event.ignore()
            return
        super().closeEvent(event)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn khóa riêng"),
                                              str(self.key_path.parent),
                                              self.tr("Khóa parapp (*.key);;Mọi tệp (*)"))
        if name:
            self.key_edit.setText(name)
            fit_line_edit(self.key_edit)

    def _create_key(self) -> None:
        if create_key_dialog(self, self.member, self.key_path, self.party) is not None:
            self._key_changed()

    def seal_now(self) -> bool:
        """Seal with the key chosen; False when refused at once. The dialog closes once sealed,
        or says why not."""
        passphrase = self.pass_edit.text() if self.pass_edit.isVisible() else ""
        self.pass_edit.clear()  # never kept
        key_path, package_path = self.key_path, self.package_path

        def work(_job=None) -> SealInfo:
            try:
                return seal_package(package_path, load_key(key_path, passphrase or None))
            except OSError as err:
                raise ParappError(f"{package_path}: {err.strerror or err}") from None

        def sealed(seal: SealInfo) -> None:
            self._set_sealing(False)
            self.seal = seal
            self.accept()

        def refused(message: str) -> None:
            self._set_sealing(False)
            self.error_label.setText(message)

        self._set_sealing(True)
        self.error_label.setText("")
        if self.ops is not None:
            self.ops.work(self.tr("Đang niêm phong gói…"), work, sealed, refused, owner=self)
            return True
        try:  # no window holds the package: nothing else writes to it
            sealed(work())
        except ParappError as err:
            refused(str(err))
            return False
        return True
