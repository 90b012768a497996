"""The council workflow from the main window: export a member's package, open it as the member
(title, what can be done), merge it back as one undo step. The dialogs themselves are driven
in test_gui_merge.py."""
from __future__ import annotations

import threading
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from qt_helpers import open_window, settle

from parapp.core import packages
from parapp.core.merge import merge_packages
from parapp.core.packages import load_key, new_key, seal_package
from parapp.core.store import Store
from parapp.ui import merging

pytestmark = pytest.mark.gui


def test_export_open_as_member_and_merge_back_as_one_undo_step(qtbot, small_demo, tmp_path,
                                                               monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail(f"warning: {a}"))
    master = open_window(qtbot, small_demo)
    key = tmp_path / "SNV.key"
    with master.store.edit("gui") as ed:
        ed.register_key("SNV", new_key(key))
    assert master.ui.actionExportPackage.isEnabled() and master.ui.actionMergePackages.isEnabled()
    assert not master.ui.actionSealPackage.isEnabled()
    asked = []  # Kỳ đánh giá › Xuất gói…: which member, then where
    monkeypatch.setattr(QInputDialog, "getItem", lambda _w, _t, _l, labels, *a: (
        asked.append(labels) or next(x for x in labels if x.startswith("SNV")), True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (
        str(tmp_path / "goi-SNV.parapp"), ""))
    master.ui.actionExportPackage.trigger()
    settle(qtbot, master)
    package = tmp_path / "goi-SNV.parapp"
    assert asked and "SNV — Sở Nội vụ" in asked[0]
    assert master.council.last_package == package and package.is_file()
    assert "goi-SNV.parapp" in master.statusBar().currentMessage()

    member = open_window(qtbot, package)
    assert member.windowTitle().endswith("— gói của SNV, vòng 1")
    units, criteria = len(member.snapshot.units), len(
        {c for _u, c in member.store.package_scope().targets})
    assert member.status_label.text() == f"Gói: {units} đơn vị · {criteria} tiêu chí được giao"
    assert member.ui.actionSealPackage.isEnabled()
    assert not member.ui.actionMergePackages.isEnabled()
    assert not member.ui.actionExportPackage.isEnabled()
    assert member.mode_label.text() == "Gói của thành viên — chỉ phần được giao"
    assert not member.tabs.isTabEnabled(member.tabs.indexOf(member.ui.dashboardTab))
    assert not member.ui.actionReportAnnex.isEnabled()  # no official documents from a part
    assert member.unit_view.isColumnHidden(3) and not member.ui.rankLabel.isVisible()  # no ranks
    unit, crit = sorted(member.store.package_scope().targets)[0]
    before = master.store.score(unit, crit)
    with member.store.edit("gui") as ed:
        ed.set_appraisal(unit, crit, "0", "Không có tài liệu kiểm chứng")
    member.close()
    qtbot.waitUntil(lambda: member.store is None)
    seal_package(package, load_key(key))

    merged = []

    def merge_as_the_dialog_does(window, path):  # the dialog itself: test_gui_merge.py
        with Store.open(path) as store:  # the dialog's worker has its own connection
            merged.append(merge_packages(store, [package]))
            return merged[-1]
    monkeypatch.setattr(merging, "run_merge_dialog", merge_as_the_dialog_does)
    master.ui.actionMergePackages.trigger()  # Kỳ đánh giá › Hợp nhất gói…
    settle(qtbot, master)
    (report,) = merged
    assert report.txn and master.store.score(unit, crit)["appraisal_points"] == Decimal(0)
    assert master.undo_stack.undoText() == "Hợp nhất 1 gói"
    master.undo_stack.undo()  # the whole merge
    settle(qtbot, master)
    assert master.store.score(unit, crit) == before
    master.undo_stack.redo()
    settle(qtbot, master)
    assert master.store.score(unit, crit)["appraisal_note"] == "Không có tài liệu kiểm chứng"


def test_a_merge_the_window_cannot_read_back_is_still_one_undo_step(qtbot, small_demo,
                                                                     tmp_path, monkeypatch):
    """The merge committed, then reading the file again for the window failed (a share gone
    for a moment): the person is told it is saved and to open the file again, and Ctrl+Z still
    undoes the whole merge."""
    from parapp.core.errors import ParappError
    from parapp.ui import council
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a: shown.append(
        (title, text)))
    master = open_window(qtbot, small_demo)
    key = tmp_path / "SNV.key"
    with master.store.edit("gui") as ed:
        ed.register_key("SNV", new_key(key))
    package = master.export_package("SNV", tmp_path / "goi-SNV.parapp")
    settle(qtbot, master)
    with Store.open(package) as store:
        unit, crit = sorted(store.package_scope().targets)[0]
        with store.edit("gui") as ed:
            ed.set_appraisal(unit, crit, "0", "Không có tài liệu kiểm chứng")
    seal_package(package, load_key(key))
    before = master.store.score(unit, crit)

    merged = []

    def merge_as_the_dialog_does(window, path):
        with Store.open(path) as store:
            merged.append(merge_packages(store, [package]))
            return merged[-1]

    def unreadable(*_args, **_kwargs):
        raise ParappError("demo.parapp: ổ mạng không trả lời")
    monkeypatch.setattr(merging, "run_merge_dialog", merge_as_the_dialog_does)
    monkeypatch.setattr(council, "period_changes", unreadable)
    master.ui.actionMergePackages.trigger()
    settle(qtbot, master)
    assert merged[0].txn and shown == [(
        "Hợp nhất 1 gói", "Đã hợp nhất và lưu vào tệp, nhưng không đọc lại được tệp để hiển "
        "thị: demo.parapp: ổ mạng không trả lời\nHãy mở lại tệp để xem kết quả (Ctrl+Z vẫn hoàn "
        "tác được cả lần hợp nhất).")]
    assert master.ui.actionUndo.isEnabled() and master.undo_stack.undoText() == "Hợp nhất 1 gói"
    qtbot.keyClick(master, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, master)
    assert master.store.score(unit, crit) == before


def test_export_failure_is_a_message_not_a_traceback(qtbot, small_demo, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    master = open_window(qtbot, small_demo)
    assert master.export_package("KHONGCO", tmp_path / "x.parapp")
    settle(qtbot, master)
    assert master.council.last_package is None
    assert shown == ["Không có thành viên Hội đồng mã 'KHONGCO'"]
    assert not (tmp_path / "x.parapp").exists()


def test_export_to_a_read_only_folder_or_from_a_read_only_window(qtbot, small_demo, tmp_path,
                                                                  monkeypatch):
    """Exporting records the package in the master: a window that has the file read-only (it
    is open elsewhere) cannot export; a folder that cannot be written is said so, and neither
    the master nor the folder changes."""
    import hashlib
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    master = open_window(qtbot, small_demo)
    before = hashlib.sha256(small_demo.read_bytes()).hexdigest()
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert master.export_package("SNV", folder / "goi-SNV.parapp")
        settle(qtbot, master)
        assert master.council.last_package is None
    finally:
        folder.chmod(0o755)
    assert shown == [f"{folder}: không ghi được vào đây; chọn thư mục khác (chưa có gì được ghi)"]
    assert list(folder.iterdir()) == []
    assert hashlib.sha256(small_demo.read_bytes()).hexdigest() == before
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: shown.append(text))
    second = open_window(qtbot, small_demo)  # the first window holds the file: read-only here
    assert second.read_only and not second.ui.actionExportPackage.isEnabled()


def test_closing_the_window_during_a_package_export_closes_it_when_done(qtbot, small_demo,
                                                                        tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail(f"warning: {a}"))
    master = open_window(qtbot, small_demo)
    release = threading.Event()
    real = packages.export_package

    def slow(*args, **kwargs):  # on the worker thread, until the window was asked to close
        assert release.wait(30)
        return real(*args, **kwargs)
    monkeypatch.setattr(packages, "export_package", slow)
    out = tmp_path / "goi-SNV.parapp"
    assert master.export_package("SNV", out) == out
    seen = (master.close(), master.isVisible(), master.statusBar().currentMessage())
    release.set()
    assert seen == (False, True, "Đang tạo gói cho SNV: việc này không dừng giữa chừng được; "
                                 "cửa sổ sẽ đóng khi xong.")
    qtbot.waitUntil(lambda: not master.isVisible())
    assert master.store is None  # closed as a close does: the file and its lock released
    with Store.open(out, readonly=True) as package:  # whole, and recorded in the master
        assert package.package_scope().member == "SNV"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("goi-")] == [out.name]


def snv_package(master: Path, folder: Path) -> tuple[Path, str]:
    """SNV's round-1 package of `master`, with SNV's key made at parapp's default place on
    this laptop and registered; the package and the key's fingerprint."""
    from parapp.core.packages import default_key_path
    key = default_key_path("SNV")
    key.parent.mkdir(parents=True, exist_ok=True)
    fingerprint = new_key(key)
    with Store.open(master) as store:
        with store.edit("gui") as ed:
            ed.register_key("SNV", fingerprint)
        return packages.export_package(store, "SNV", folder / "goi-SNV.parapp").path, fingerprint


def test_sealing_right_after_an_entry_seals_that_entry(qtbot, small_demo, tmp_path,
                                                        monkeypatch):
    """The entry is written on the file thread; the seal is computed there too, after it (a
    seal computed before the write would be dropped by it, and the package sent unsealed)."""
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    from parapp.core.packages import KINDS, verify_seal
    from parapp.ui.seal_dialog import SealDialog
    monkeypatch.setattr(merging, "show_information", lambda *a, **k: None)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail(f"warning: {a}"))
    package, fingerprint = snv_package(small_demo, tmp_path)
    member = open_window(qtbot, package)
    unit, crit = sorted(member.document.package_scope.targets)[0]
    assert member.select_unit(unit) and member.select_criterion(crit)

    def slow(*_args):  # a slow stick: the entry is still being written when Seal is pressed
        time.sleep(0.05)
    event.listen(Engine, "before_cursor_execute", slow)
    try:
        editor = member.editor
        editor.appraisal_note.setPlainText("Không có tài liệu kiểm chứng")
        editor.appraisal_score.setText("0")
        assert editor.commit("appraisal_points")
        assert not member.ops.idle  # sent, not yet written

        def press_seal():
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, SealDialog)
            dialog.seal_button.click()
        QTimer.singleShot(0, press_seal)
        member.ui.actionSealPackage.trigger()  # Kỳ đánh giá › Niêm phong gói…
    finally:
        event.remove(Engine, "before_cursor_execute", slow)
    settle(qtbot, member)
    assert verify_seal(package, KINDS["member", 1], "SNV", fingerprint).holder == "SNV"  # still sealed
    with Store.open(package, readonly=True) as store:
        assert store.score(unit, crit)["appraisal_points"] == Decimal(0)


def test_the_seal_dialog_stays_until_the_seal_is_written(qtbot, small_demo, tmp_path,
                                                         monkeypatch):
    """Esc, Hủy or the close box while the package is being sealed: the dialog stays (closed
    then, the package would be sealed with nothing said, and the answer would reach a dialog
    already deleted), then closes on its own and says the package was sealed."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from parapp.core.packages import KINDS, verify_seal
    from parapp.ui import seal_dialog
    said: list[str] = []
    monkeypatch.setattr(merging, "show_information", lambda _parent, _title, text: said.append(
        text))
    package, fingerprint = snv_package(small_demo, tmp_path)
    member = open_window(qtbot, package)
    release = threading.Event()
    real_seal = seal_dialog.seal_package

    def slow_seal(path, private_key):  # a slow stick: still sealing when the user closes
        assert release.wait(30)
        return real_seal(path, private_key)
    monkeypatch.setattr(seal_dialog, "seal_package", slow_seal)
    seen = []

    def seal_then_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, seal_dialog.SealDialog)
        qtbot.waitUntil(lambda: dialog.seal_button.isEnabled())  # the gaps are read
        qtbot.mouseClick(dialog.seal_button, Qt.MouseButton.LeftButton)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        dialog.cancel_button.click()  # disabled: nothing
        dialog.close()
        seen.append((dialog.isVisible(), dialog.cancel_button.isEnabled(),
                     dialog.seal_button.isEnabled()))
        release.set()
    QTimer.singleShot(0, seal_then_close)
    member.ui.actionSealPackage.trigger()
    assert seen == [(True, False, False)]
    assert len(said) == 1 and said[0].startswith("Đã niêm phong goi-SNV.parapp (thành viên SNV")
    assert verify_seal(package, KINDS["member", 1], "SNV", fingerprint).holder == "SNV"
