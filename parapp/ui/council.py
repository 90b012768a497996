"""Kỳ đánh giá › Xuất gói…, Hợp nhất gói…, Niêm phong gói…: the council's packages from the
window. The dialogs live in parapp.ui.merging; here is what the window does around them: ask
for the member and the place, leave the editor first, run the work off the GUI thread, push
the undo step of a merge and re-read the file.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog

from parapp.core.store import Store
from parapp.ui.busy import run_busy

if TYPE_CHECKING:
    from parapp.ui.main_window import MainWindow


class CouncilActions(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window

    def export_package(self, member: str | None = None, out: Path | str | None = None,
                       round_: int = 1) -> Path | None:
        """A member's package (asked for when not given), written off the GUI thread from its
        own connection (the master records the package it sends)."""
        w = self.window
        if w.store is None or not w.editor.leave():
            return None
        if member is None:
            members = list(w.document.data.members)
            labels = [f"{m.code} — {m.department}" for m in members]
            label, ok = QInputDialog.getItem(
                w, self.tr("Xuất gói cho thành viên Hội đồng"),
                self.tr("Thành viên Hội đồng thẩm định:"), labels, 0, False)
            if not ok:
                return None
            member = members[labels.index(label)].code
        if out is None:
            name, _ = QFileDialog.getSaveFileName(
                w, self.tr("Lưu gói"), str(w.path.with_name(f"goi-{member}.parapp")),
                self.tr("Tệp parapp (*.parapp)"))
            if not name:
                return None
            out = name
        from parapp.core.packages import export_package
        path = w.path

        def work():
            with Store.open(path) as store:
                return export_package(store, member, Path(out), round_)
        with w.running(self.tr("việc tạo gói cho {member}").format(member=member)):
            done = run_busy(w, self.tr("Đang tạo gói cho {member}…").format(member=member),
                            work)
        if done is None:
            return None
        w.statusBar().showMessage(self.tr(
            "Đã tạo gói {file}: {leaves} tiêu chí × {units} đơn vị, {evidence} tài liệu").format(
            file=done.path.name, leaves=done.leaves, units=done.units, evidence=done.evidence),
            15000)
        return done.path

    def merge_packages(self):
        """The merge dialog; a merge is one undo step."""
        w = self.window
        if w.store is None or w.read_only:
            return None
        from parapp.ui.merging import run_merge_dialog
        if not w.editor.leave():
            return None
        report = run_merge_dialog(w, w.path)
        if report is not None and report.txn:
            w.push_undo(report.txn, self.tr("Hợp nhất {n} gói").format(n=len(report.packages)),
                        w.reload)
            w.reload()
        return report

    def seal_package(self):
        """For a member who has its package open."""
        w = self.window
        if w.store is None or w.read_only or w.store.package_scope() is None:
            return None
        from parapp.ui.merging import seal_current_package
        if not w.editor.leave():  # a later write would drop the seal
            return None
        seal = seal_current_package(w, w.path)
        if seal is not None:
            w.statusBar().showMessage(self.tr(
                "Đã niêm phong gói; gửi tệp {file} cho Tổ thư ký").format(file=w.path.name),
                15000)
        return seal
