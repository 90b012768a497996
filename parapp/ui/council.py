"""Kỳ đánh giá › Xuất gói…, Hợp nhất gói…, Niêm phong gói…: the council's packages from the
window. The dialogs live in parapp.ui.merging; here is what the window does around them: ask
for the member and the place, leave the editor first, run the work as an operation on the
file thread, and after a merge show the period read again (one undo step).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from parapp.core.phases import Phase
from parapp.ui.operations import Changes, period_changes

if TYPE_CHECKING:
    from parapp.ui.main_window import MainWindow


class CouncilActions(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.last_package: Path | None = None  # the last package written

    def export_package(self, member: str | None = None, out: Path | str | None = None,
                       round_: int = 1) -> Path | None:
        """A member's package (asked for when not given), written on the file thread; returns
        where it goes (None: not started)."""
        w = self.window
        if not w.document.is_open or not w.editor.leave():
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

        def exported(done) -> None:
            self.last_package = done.path
            w.statusBar().showMessage(self.tr(
                "Đã tạo gói {file}: {leaves} tiêu chí × {units} đơn vị, {evidence} tài liệu")
                .format(file=done.path.name, leaves=done.leaves, units=done.units,
                        evidence=done.evidence), 15000)
        # the master records the package it sends: written through the document's store
        w.ops.work(self.tr("Đang tạo gói cho {member}…").format(member=member),
                   lambda job: export_package(job.store, member, Path(out), round_), exported)
        return Path(out)

    def export_unit_packages(self, round_: int | None = None, block: str | None = None,
                             folder: Path | str | None = None) -> Path | None:
        """Every unit's package of a block (or of all) into a folder, written on the file
        thread: its self-assessment, or in the explanation phase its explanation package.
        What is not given is asked for; returns the folder (None: not started)."""
        w = self.window
        if not w.document.is_open or not w.editor.leave():
            return None
        title = self.tr("Xuất gói cho các đơn vị")
        if round_ is None:
            kinds = [self.tr("Gói tự đánh giá"), self.tr("Gói giải trình sau thẩm định vòng 1")]
            explaining = w.document.phase is Phase.EXPLANATION
            label, ok = QInputDialog.getItem(w, title, self.tr("Loại gói:"), kinds,
                                             1 if explaining else 0, False)
            if not ok:
                return None
            round_ = kinds.index(label)
        if block is None:
            blocks = list(w.document.data.snapshot.blocks)
            labels = [self.tr("Mọi khối")] + [f"{b.code} — {b.name}" for b in blocks]
            label, ok = QInputDialog.getItem(w, title, self.tr("Khối:"), labels, 0, False)
            if not ok:
                return None
            block = "" if label == labels[0] else blocks[labels.index(label) - 1].code
        if folder is None:
            folder = QFileDialog.getExistingDirectory(w, self.tr("Thư mục lưu các gói"),
                                                      str(w.path.parent))
            if not folder:
                return None
        from parapp.core.packages import export_unit_packages
        target = Path(folder)

        def work(job):
            return export_unit_packages(job.store, target, round_, block or None,
                                        progress=lambda i, n: job.report(i, n))

        def exported(done) -> None:
            if done:
                self.last_package = done[-1].path
            w.statusBar().showMessage(self.tr("Đã tạo %n gói trong {folder}", None,
                                              len(done)).format(folder=target), 15000)
        w.ops.work(self.tr("Đang tạo gói cho các đơn vị…"), work, exported)
        return target

    def merge_packages(self):
        """The merge dialog (its dry run and merge on their own threads and connection); a
        merge is one undo step, and the window shows the period read again."""
        w = self.window
        if not w.document.is_open or w.read_only:
            return None
        if not w.editor.leave():
            return None
        return w.ops.after_writes(self._merge)  # the dialog reads the file: edits sent first

    def _merge(self):
        w = self.window
        from parapp.ui.merging import run_merge_dialog
        report = run_merge_dialog(w, w.path)
        if report is not None and report.txn:
            label = self.tr("Hợp nhất %n gói", None, len(report.packages))

            def unread(message: str) -> None:
                # committed all the same: still one undo step, and the person told to open the
                # file again to see it
                w.history.push(Changes(label, report.txn, period=True))
                QMessageBox.warning(w, label, self.tr(
                    "Đã hợp nhất và lưu vào tệp, nhưng không đọc lại được tệp để hiển thị: "
                    "{error}\nHãy mở lại tệp để xem kết quả (Ctrl+Z vẫn hoàn tác được cả lần "
                    "hợp nhất).").format(error=message))
            w.ops.change(self.tr("Đang đọc lại tệp…"),
                         lambda job: period_changes(job.store, label, report.txn, value=report),
                         failed=unread)
        return report

    def seal_package(self):
        """For a member who has its package open."""
        w = self.window
        if not w.document.is_open or w.read_only or w.document.package_scope is None:
            return None
        from parapp.ui.merging import seal_current_package
        if not w.editor.leave():  # a later write would drop the seal
            return None
        seal = seal_current_package(w, w.path, w.ops, w.document.package_scope)
        if seal is not None:
            w.statusBar().showMessage(self.tr(
                "Đã niêm phong gói; gửi tệp {file} cho Tổ thư ký").format(file=w.path.name),
                15000)
        return seal
