"""Hợp nhất gói: the secretariat merges the packages council members return into the master.

`MergeDialog` (its layout in forms/merge_dialog.ui): the secretariat adds returned member
packages (file dialog or drag and drop); a dry run on the worker thread (`MergeWorker`,
parapp.ui.merging) lists, per package, what would change — or why the package is refused — and
every conflict side by side: the value when the package left, the master's value now, the
member's value. Each conflict needs a choice (keep the master's value / take the package's) and
a reason before "Hợp nhất" is enabled; the merge itself then runs on the worker thread too, in
one transaction after a backup, and the dialog shows what was merged, the backup, and can export
the Excel merge report. A refused package is left out (its message in red); the others are
merged. Cancelling stops the worker; the core then rolls back, so a cancelled merge changes
nothing.

Message boxes go through `show_information` / `show_warning` (looked up at call time), so tests
can monkeypatch them.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from parapp.core.files import same_spelling
from parapp.core.merge import Conflict, MergeReport, Resolution
from parapp.core.numbers import fmt_time
from parapp.core.store import Store
from parapp.ui.busy import TaskThread, WorkerThread
from parapp.ui.excel import ask_workbook
from parapp.ui.forms.ui_merge_dialog import Ui_MergeDialog
from parapp.ui.importing import show_information, show_warning
from parapp.ui.merging import MergePlan, MergeWorker
from parapp.ui.sizing import chars, column_width, fit_screen, keep_text_whole, two_lines
from parapp.ui.theme import error_color

PACKAGE_SUFFIX = ".parapp"
# conflicts table columns
K_MEMBER, K_UNIT, K_CRITERION, K_PART, K_BASE, K_MASTER, K_THEIRS, K_CHOICE, K_REASON = range(9)
# packages table columns
P_FILE, P_MEMBER, P_SEALED, P_APPLIED, P_PARALLEL, P_CONFLICT, P_UNCHANGED = range(7)
CHOICES = ("", "master", "package")  # index of the choice combo → Resolution.chosen


def _part_name(part: str) -> str:
    if part == "appraisal":
        return QCoreApplication.translate("merging", "Thẩm định")
    if part == "appraisal2":
        return QCoreApplication.translate("merging", "Thẩm định vòng 2")
    if part == "self":
        return QCoreApplication.translate("merging", "Tự đánh giá")
    if part == "explanation2":
        return QCoreApplication.translate("merging", "Giải trình sau vòng 1")
    return part


class MergeDialog(QDialog):
    """Hợp nhất gói của thành viên Hội đồng into the master file at `master_path`.

    After a successful merge `report` holds the MergeReport (its `txn` undoes the whole merge
    with `Store.revert`); it stays None otherwise. `planned` is emitted when a dry run has been
    shown, `merged` when a merge is done, `failed_run(message)` when either failed."""

    planned = Signal()
    merged = Signal(object)
    failed_run = Signal(str)

    def __init__(self, parent: QWidget | None, master_path: Path | str):
        super().__init__(parent)
        self.master_path = Path(master_path)
        self.packages: list[Path] = []
        self.report: MergeReport | None = None
        self.plan: MergePlan | None = None
        self._worker: MergeWorker | None = None
        self._thread: WorkerThread | None = None
        self._stale = False  # the package list changed while a dry run was running
        self._closing = False
        self._conflicts: list[Conflict] = []
        self._kept: dict[tuple, tuple[int, str]] = {}  # choices survive a new dry run
        self._planned_late = ""  # the late-acceptance reason the plan shown was made with

        self.ui = ui = Ui_MergeDialog()
        ui.setupUi(self)
        # the public names (the tests and scripts/screenshots.py drive the dialog by these)
        self.pages, self.busy_row = ui.pages, ui.busyRow
        self.add_button, self.remove_button = ui.addButton, ui.removeButton
        self.packages_table, self.conflicts_table = ui.packagesTable, ui.conflictsTable
        self.conflicts_label, self.hint_label = ui.conflictsLabel, ui.hintLabel
        self.bulk_row, self.all_choice, self.all_reason = ui.bulkRow, ui.allChoice, ui.allReason
        self.fill_button = ui.fillButton
        self.result_title, self.undo_label = ui.resultTitle, ui.undoLabel
        self.result_text, self.backup_label = ui.resultText, ui.backupLabel
        self.export_button = ui.exportButton
        self.progress_bar, self.status_label = ui.progressBar, ui.statusLabel
        self.cancel_button, self.buttons = ui.cancelButton, ui.buttonBox
        self.late_check, self.late_reason = ui.lateCheck, ui.lateReason
        self.merge_button = self.buttons.addButton(self.tr("&Hợp nhất"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setEnabled(False)
        self.close_button = self.buttons.addButton(self.tr("Đóng"),
                                                   QDialogButtonBox.ButtonRole.RejectRole)

        # what the form cannot hold: the master's name, sizes from the font, taking drops
        ui.introLabel.setText(self.tr(
            "Tệp chính: <b>{file}</b>. Thêm các gói (.parapp) thành viên Hội đồng đã niêm phong "
            "gửi lại — bằng nút «Thêm gói…» hoặc kéo thả tệp vào đây. Việc chạy thử không ghi "
            "gì vào tệp.").format(file=self.master_path.name))
        title = self.result_title.font()
        title.setBold(True)
        title.setPointSizeF(title.pointSizeF() * 1.15)
        self.result_title.setFont(title)
        for table in (self.packages_table, self.conflicts_table):
            # room for stacked Vietnamese marks (Ể, Ỗ) and for the cell widgets
            table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 14)
        header = self.packages_table.horizontalHeader()
        header.setSectionResizeMode(P_MEMBER, QHeaderView.ResizeMode.Stretch)
        for col, sample in ((P_FILE, "goi-SVHTTDL-vong-2.parapp"), (P_SEALED, "22/11/2026 20:36"),
                            (P_APPLIED, "000"), (P_PARALLEL, "000"), (P_CONFLICT, "000"),
                            (P_UNCHANGED, "0000")):
            self.packages_table.setColumnWidth(col, column_width(header, col, sample))
        self.conflicts_table.horizontalHeader().setSectionResizeMode(
            K_REASON, QHeaderView.ResizeMode.Stretch)
        self._size_conflict_columns()
        self.setAcceptDrops(True)
        fit_screen(self, 1180, 680)

        self.add_button.clicked.connect(self.choose_packages)
        # late or out-of-phase packages: taken when the secretariat says why (planned again)
        self.late_check.toggled.connect(self.late_reason.setEnabled)
        self.late_check.toggled.connect(lambda _on: self.run_plan())
        # only a changed reason plans again: leaving the field for Hợp nhất must not re-plan
        self.late_reason.editingFinished.connect(
            lambda: self.run_plan() if self.accept_late != self._planned_late else None)
        self.remove_button.clicked.connect(self._remove_selected)
        self.packages_table.itemSelectionChanged.connect(self._update_buttons)
        self.fill_button.clicked.connect(self._fill_all)
        self.export_button.clicked.connect(self.export_report)
        self.cancel_button.clicked.connect(self._cancel_work)
        self.merge_button.clicked.connect(self.start_merge)
        self.close_button.clicked.connect(self.reject)
        for button in self.findChildren(QPushButton):  # Enter presses no button (below)
            button.setAutoDefault(False)
        self._show_conflicts()
        keep_text_whole(self)

    def _size_conflict_columns(self) -> None:
        """Widths in the font's own units, for typical values (longer ones wrap, a title
        wider than them goes on two lines); the reason gets the rest, never less than a
        sentence: the dialog is at least that wide."""
        table = self.conflicts_table
        header = table.horizontalHeader()
        metrics = header.fontMetrics()
        for col, sample in ((K_MEMBER, "SNNMT"), (K_UNIT, "SVHTTDL — Sở Nội"),
                            (K_CRITERION, "10.10.10 — Thực hiện"), (K_PART, "Thẩm định"),
                            (K_BASE, "10,25 (Thiếu báo"), (K_MASTER, "10,25 (Thiếu báo"),
                            (K_THEIRS, "10,25 (Thiếu báo")):
            title = table.horizontalHeaderItem(col)
            if metrics.horizontalAdvance(title.text()) > metrics.horizontalAdvance(sample):
                title.setText(two_lines(title.text()))
            table.setColumnWidth(col, column_width(header, col, sample))
        table.setColumnWidth(K_CHOICE, self.all_choice.sizeHint().width())
        table.setMinimumWidth(sum(table.columnWidth(c) for c in range(K_REASON))
                              + chars(table, 44) + 2 * table.frameWidth()
                              + table.verticalScrollBar().sizeHint().width())

    # -- packages -------------------------------------------------------------------------------

    def choose_packages(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Chọn các gói thành viên gửi lại"), str(self.master_path.parent),
            self.tr("Gói parapp (*.parapp);;Mọi tệp (*)"))
        if names:
            self.add_packages(names)

    def add_packages(self, paths) -> None:
        """Add package files (a file already in the list, or the master itself, is skipped;
        a second file of the same name is refused: conflicts are told apart by file name)."""
        if self.report is not None or (self.busy and not self._worker.dry_run):
            return  # merged, or merging: the list is settled
        added, skipped = [], []
        for raw in paths:
            path = Path(raw)  # compared as spelled: resolving asks the disk, a share maybe
            if any(same_spelling(path, p) for p in (self.master_path, *self.packages)):
                continue
            if any(p.name == path.name for p in self.packages):
                skipped.append(path)
                continue
            self.packages.append(path)
            added.append(path)
        if skipped:
            show_warning(self, self.windowTitle(), self.tr(
                "Đã có một gói cùng tên trong danh sách; hãy đổi tên tệp rồi thêm lại:\n{files}")
                .format(files="\n".join(str(p) for p in skipped)))
        if added:
            self.run_plan()

    def _remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.packages_table.selectedIndexes()}, reverse=True)
        shown = self._shown_packages()
        for row in rows:
            if row < len(shown) and shown[row] in self.packages:
                self.packages.remove(shown[row])
        self.run_plan()

    def _shown_packages(self) -> list[Path]:
        return [Path(self.packages_table.item(r, P_FILE).data(Qt.ItemDataRole.UserRole))
                for r in range(self.packages_table.rowCount())]

    def _accepts_drop(self, event) -> bool:
        settled = self.report is not None or (self.busy and not self._worker.dry_run)
        return bool(self._dropped(event)) and not settled

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts_drop(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self._accepts_drop(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped(event)
        if not self._accepts_drop(event):
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_packages(paths)

    @staticmethod
    def _dropped(event) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()
                and u.toLocalFile().lower().endswith(PACKAGE_SUFFIX)]

    # -- running --------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._worker is not None

    @property
    def accept_late(self) -> str:
        """The reason to accept packages late or out of their phase ('' : none are)."""
        return self.late_reason.text().strip() if self.late_check.isChecked() else ""

    def run_plan(self) -> None:
        """Dry-run the listed packages (on the worker thread); the tables show the outcome."""
        self._keep_choices()
        if self.busy:
            self._stale = True
            return
        self._stale = False
        self._show_plan()  # new packages show at once, "not checked yet"
        if not self.packages:
            self.plan = None
            self._show_plan()
            return
        self._planned_late = self.accept_late
        self._start(MergeWorker(self.master_path, self.packages, dry_run=True,
                                accept_late=self.accept_late),
                    self.tr("Đang chạy thử hợp nhất, không ghi gì vào tệp…"))

    def start_merge(self) -> None:
        """Merge the accepted packages for real with the chosen resolutions."""
        if self.busy or self.plan is None or self.missing():
            return
        self._keep_choices()
        resolutions = self.resolutions()
        self._start(MergeWorker(self.master_path, self.plan.accepted, dry_run=False,
                                resolutions=resolutions, accept_late=self.accept_late),
                    self.tr("Đang hợp nhất (một giao dịch, sau khi sao lưu tệp chính)…"))

    def _start(self, worker: MergeWorker, text: str) -> None:
        self._worker = worker
        self._thread = WorkerThread(worker, "parapp-merge")
        worker.progress.connect(self._on_progress)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        worker.cancelled.connect(self._on_cancelled)
        self.status_label.setText(text)
        self.progress_bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.busy_row.show()
        self._update_buttons()
        self._thread.start()

    def _cancel_work(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.cancel_button.setEnabled(False)
            self.status_label.setText(self.tr("Đang dừng, không có thay đổi nào được ghi…"))

    def _end(self) -> MergeWorker:
        worker, thread = self._worker, self._thread
        if thread is not None:
            thread.wait()
            thread.deleteLater()
        self._worker = self._thread = None
        self.busy_row.hide()
        return worker

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._worker is None or self._worker.cancel_requested:
            return
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(min(done, total))

    @Slot(object)
    def _on_finished(self, result) -> None:
        worker = self._end()
        if self._closing:
            self._closed(worker)
            return
        if worker.dry_run:
            self.plan = result
            if self._stale:
                self.run_plan()
                return
            self._show_plan()
            self.planned.emit()
        else:
            self.report = result
            self._show_result(result)
            self.merged.emit(result)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        worker = self._end()
        if self._closing:
            self._closed(worker)
            return
        if worker.dry_run:
            self.plan = None
            self._show_plan()
            self._set_hint(message, error=True)
        else:
            show_warning(self, self.tr("Không hợp nhất được"), message)
            self.run_plan()  # the file may have changed since the dry run: plan again
        self.failed_run.emit(message)

    @Slot()
    def _on_cancelled(self) -> None:
        worker = self._end()
        if self._closing:
            self._closed(worker)
            return
        if worker.dry_run:
            self.plan = None
            self._show_plan()
            self._set_hint(self.tr("Đã dừng chạy thử. Bấm «Thêm gói…» hoặc bỏ một gói để chạy "
                                   "lại."), error=False)
        else:
            self._update_buttons()
            self._set_hint(self.tr("Đã dừng hợp nhất, không có thay đổi nào."), error=False)

    # -- showing a plan -------------------------------------------------------------------------

    def _show_plan(self) -> None:
        plan = self.plan
        table = self.packages_table
        table.setRowCount(0)
        results = {p.path: p for p in plan.report.packages} if plan is not None else {}
        refused = plan.refused if plan is not None else {}
        for path in self.packages:
            row = table.rowCount()
            table.insertRow(row)
            item = QTableWidgetItem(path.name)
            item.setToolTip(str(path))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            table.setItem(row, P_FILE, item)
            if path in refused:
                self._span(row, self.tr("Bị từ chối, không hợp nhất: {message}").format(
                    message=refused[path]), error=True)
                continue
            result = results.get(path)
            if result is None:  # added after the run started
                self._span(row, self.tr("Chưa chạy thử"))
                continue
            member = result.seal.holder
            department = (plan.members if result.seal.kind.party == "member"
                          else plan.units).get(member, "")
            table.setItem(row, P_MEMBER, QTableWidgetItem(
                f"{member} — {department}" if department else member))
            table.setItem(row, P_SEALED, QTableWidgetItem(fmt_time(result.seal.sealed_at)))
            if result.already:
                table.setItem(row, P_APPLIED, QTableWidgetItem(
                    self.tr("đã hợp nhất trước đó; không có gì thay đổi")))
                table.setSpan(row, P_APPLIED, 1, 4)
                continue
            counts = result.counts()
            for col, status in ((P_APPLIED, "applied"), (P_PARALLEL, "parallel"),
                                (P_CONFLICT, "conflict"), (P_UNCHANGED, "unchanged")):
                cell = QTableWidgetItem(str(counts[status]))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, col, cell)
        self._show_conflicts()
        self._update_buttons()

    def _span(self, row: int, text: str, error: bool = False) -> None:
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        if error:
            item.setForeground(error_color())
        self.packages_table.setItem(row, P_MEMBER, item)
        self.packages_table.setSpan(row, P_MEMBER, 1, 6)

    def _show_conflicts(self) -> None:
        table = self.conflicts_table
        table.setRowCount(0)
        plan = self.plan
        self._conflicts = list(plan.report.conflicts) if plan is not None else []
        for conflict in self._conflicts:
            row = table.rowCount()
            table.insertRow(row)
            unit_name = plan.units.get(conflict.unit, "")
            crit_name = plan.criteria.get(conflict.criterion, "")
            holder = plan.members.get(conflict.holder) or plan.units.get(conflict.holder, "")
            cells = [
                (conflict.holder, f"{holder}\n{conflict.package}".strip()),
                (f"{conflict.unit} — {unit_name}" if unit_name else conflict.unit, unit_name),
                (f"{conflict.criterion} — {crit_name}" if crit_name else conflict.criterion,
                 crit_name),
                (_part_name(conflict.part), ""),
                (conflict.base.shown(), ""),
                (conflict.master.shown(), ""),
                (conflict.theirs.shown(), ""),
            ]
            for col, (text, tip) in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip or text)
                table.setItem(row, col, item)
            choice = QComboBox(table)  # the same words as the choice for every conflict
            choice.addItems([self.all_choice.itemText(i) for i in range(self.all_choice.count())])
            reason = QLineEdit(table)
            reason.setPlaceholderText(self.tr("Bắt buộc: vì sao chọn giá trị này"))
            # a screen reader names the conflict each belongs to: every row's read alike
            where = self.tr("{holder}, đơn vị {unit}, tiêu chí {criterion}").format(
                holder=conflict.holder, unit=conflict.unit, criterion=conflict.criterion)
            choice.setAccessibleName(self.tr("Chọn giá trị: {where}").format(where=where))
            reason.setAccessibleName(self.tr("Lý do: {where}").format(where=where))
            kept_choice, kept_reason = self._kept.get(conflict.key, (0, ""))
            choice.setCurrentIndex(kept_choice)
            reason.setText(kept_reason)
            choice.currentIndexChanged.connect(self._update_buttons)
            reason.textChanged.connect(self._update_buttons)
            table.setCellWidget(row, K_CHOICE, choice)
            table.setCellWidget(row, K_REASON, reason)
        table.resizeRowsToContents()
        least = table.verticalHeader().defaultSectionSize()
        most = table.fontMetrics().lineSpacing() * 3 + 6  # a long name: three lines, elided
        for row in range(table.rowCount()):
            table.setRowHeight(row, min(max(table.rowHeight(row) + 6, least), most))
        n = len(self._conflicts)
        # "no conflicts" only once packages were tried: before, the hint says what to do
        self.conflicts_label.setText(self.tr("Xung đột ({n}): chọn giá trị và ghi lý do cho từng "
                                             "xung đột").format(n=n) if n
                                     else self.tr("Không có xung đột") if self.plan is not None
                                     else "")
        self.conflicts_table.setVisible(bool(n))
        self.bulk_row.setVisible(n > 1)

    def _keep_choices(self) -> None:
        for row, conflict in enumerate(self._conflicts):
            choice = self.conflicts_table.cellWidget(row, K_CHOICE)
            reason = self.conflicts_table.cellWidget(row, K_REASON)
            if choice is not None and reason is not None:
                self._kept[conflict.key] = (choice.currentIndex(), reason.text())

    def _fill_all(self) -> None:
        index, text = self.all_choice.currentIndex(), self.all_reason.text()
        for row in range(len(self._conflicts)):
            choice = self.conflicts_table.cellWidget(row, K_CHOICE)
            reason = self.conflicts_table.cellWidget(row, K_REASON)
            if index and choice.currentIndex() == 0:
                choice.setCurrentIndex(index)
            if text.strip() and not reason.text().strip():
                reason.setText(text)

    # -- choices --------------------------------------------------------------------------------

    def choice_widgets(self, row: int) -> tuple[QComboBox, QLineEdit]:
        return (self.conflicts_table.cellWidget(row, K_CHOICE),
                self.conflicts_table.cellWidget(row, K_REASON))

    def resolutions(self) -> dict[tuple, Resolution]:
        out = {}
        for row, conflict in enumerate(self._conflicts):
            choice, reason = self.choice_widgets(row)
            if choice.currentIndex() and reason.text().strip():
                out[conflict.key] = Resolution(CHOICES[choice.currentIndex()],
                                               reason.text().strip())
        return out

    def missing(self) -> str:
        """What keeps the merge button disabled ("" when the merge can run)."""
        if self.busy:
            return self.tr("Đang chạy…")
        if not self.packages:
            return self.tr("Chưa có gói nào: bấm «Thêm gói…» hoặc kéo thả tệp .parapp vào đây.")
        if self.plan is None:
            return self.tr("Chưa chạy thử được các gói.")
        if not any(not p.already for p in self.plan.report.packages):
            return self.tr("Không có gói nào để hợp nhất.")
        no_choice = no_reason = 0
        for row in range(len(self._conflicts)):
            choice, reason = self.choice_widgets(row)
            no_choice += choice.currentIndex() == 0
            no_reason += not reason.text().strip()
        parts = []
        if no_choice:
            parts.append(self.tr("%n xung đột chưa chọn giá trị", None, no_choice))
        if no_reason:
            parts.append(self.tr("%n xung đột chưa ghi lý do", None, no_reason))
        if parts:
            return self.tr("Chưa hợp nhất được: {what}.").format(what="; ".join(parts))
        return ""

    def _update_buttons(self, *_args) -> None:
        finished = self.report is not None
        missing = "" if finished else self.missing()
        self.merge_button.setVisible(not finished)
        self.merge_button.setEnabled(not finished and not missing)
        self.add_button.setEnabled(not self.busy and not finished)
        self.remove_button.setEnabled(not self.busy and not finished
                                      and bool(self.packages_table.selectedIndexes()))
        self.close_button.setEnabled(not self.busy)
        if finished:
            return
        if missing:
            self._set_hint(missing, error=bool(self._conflicts) and not self.busy)
        else:
            refused = len(self.plan.refused) if self.plan else 0
            self._set_hint(self.tr("Sẵn sàng hợp nhất. Gói bị từ chối ({n}) sẽ không được hợp "
                                   "nhất.").format(n=refused) if refused
                           else self.tr("Sẵn sàng hợp nhất."), error=False)
        self.merge_button.setToolTip(missing)

    def _set_hint(self, text: str, error: bool) -> None:
        self.hint_label.setText(text)
        color = error_color().name() if error else ""
        self.hint_label.setStyleSheet(f"color: {color};" if color else "")

    # -- the result -----------------------------------------------------------------------------

    def _show_result(self, report: MergeReport) -> None:
        plan = self.plan
        merged = [p for p in report.packages if not p.already]
        self.result_title.setText(self.tr("Đã hợp nhất %n gói vào {file}", None,
                                          len(merged)).format(file=self.master_path.name))
        self.result_text.setPlainText("\n".join(self.report_lines(report, plan)))
        self.backup_label.setText(
            self.tr("Bản sao lưu trước khi hợp nhất: {path}").format(path=report.backup)
            if report.backup else self.tr(
                "Tệp lớn hơn 1 GB: không sao chép cả tệp trước khi hợp nhất; hoàn tác bằng "
                "Ctrl+Z, và hãy lưu bản sao của tệp định kỳ.") if report.unbacked else "")
        self.pages.setCurrentIndex(1)
        self._update_buttons()

    def report_lines(self, report: MergeReport, plan: MergePlan | None) -> list[str]:
        out = []
        for p in report.packages:
            if p.already:
                out.append(self.tr("{file}: gói của {member} đã hợp nhất trước đó; không có gì "
                                   "thay đổi").format(file=p.path.name, member=p.seal.holder))
                continue
            n = p.counts()
            out.append(self.tr("{file} ({member}, niêm phong {at}): {applied} áp dụng, "
                               "{parallel} song song, {conflict} xung đột, {unchanged} không đổi")
                       .format(file=p.path.name, member=p.seal.holder,
                               at=fmt_time(p.seal.sealed_at), applied=n["applied"],
                               parallel=n["parallel"], conflict=n["conflict"],
                               unchanged=n["unchanged"]))
            for c in p.changes:
                if c.status == "unchanged":
                    continue
                if c.status == "conflict":
                    status = (self.tr("xung đột, giữ tệp chính") if c.new == c.old
                              else self.tr("xung đột, lấy giá trị của gói"))
                else:
                    status = (self.tr("áp dụng") if c.status == "applied"
                              else self.tr("song song"))
                out.append("    " + self.tr(
                    "{unit}, {criterion} ({part}): {old} → {new} ({status})").format(
                    unit=c.unit, criterion=c.criterion, part=_part_name(c.part),
                    old=c.old.shown(), new=c.new.shown(), status=status))
        for path, message in (plan.refused.items() if plan else ()):
            out.append(self.tr("{file}: không hợp nhất — {message}").format(
                file=path.name, message=message))
        resolved = self.resolutions()
        for c in report.conflicts:
            r = resolved.get(c.key)
            if r is None:
                continue
            chosen = (self.tr("giữ tệp chính {value}").format(value=c.master.shown())
                      if r.chosen == "master"
                      else self.tr("lấy giá trị của gói {value}").format(value=c.theirs.shown()))
            out.append(self.tr("Xung đột {unit}, {criterion} ({member}): {chosen}; lý do: "
                               "{reason}").format(unit=c.unit, criterion=c.criterion,
                                                  member=c.holder, chosen=chosen,
                                                  reason=r.reason))
        return out

    def export_report(self) -> Path | None:
        """The merge report as a workbook, written off the GUI thread (it opens and checks the
        master, a province's whole file); returns where it goes, None when cancelled."""
        out = ask_workbook(self, self.tr("Xuất báo cáo hợp nhất"),
                           f"{self.master_path.stem}-bao-cao-hop-nhat", self.master_path)
        if out is None:
            return None
        master = self.master_path

        def write() -> Path:
            from parapp.core.interchange.exporter import export_merge_report
            with Store.open(master, readonly=True) as store:
                return export_merge_report(store, out)

        self.export_button.setEnabled(False)
        TaskThread.launch(write, "parapp-merge-report", self._report_exported,
                          self._report_failed, self._report_ended)
        return out

    @Slot(object)
    def _report_exported(self, path: Path) -> None:
        show_information(self, self.tr("Xuất báo cáo hợp nhất"),
                         self.tr("Đã xuất báo cáo hợp nhất: {path}").format(path=path))

    @Slot(str)
    def _report_failed(self, message: str) -> None:
        show_warning(self, self.tr("Không xuất được báo cáo"), message)

    @Slot()
    def _report_ended(self) -> None:
        self.export_button.setEnabled(True)

    # -- closing --------------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # Enter ends a reason; it does not press the (default) Hợp nhất
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self.busy:
            self._stop()
            return
        super().reject()

    def closeEvent(self, event) -> None:
        if self.busy:
            self._stop()
            event.ignore()
            return
        super().closeEvent(event)

    def _stop(self) -> None:
        """Closing while busy: the work is asked to stop (the core rolls back, the file is as it
        was) and the dialog closes once it has (`_closed`). Not waited for here: the stop is
        seen only between steps, which on a share can take seconds, and the window would
        freeze meanwhile."""
        self._closing = True
        self._cancel_work()

    def _closed(self, worker: MergeWorker) -> None:
        """The work stopped after a close was asked: close. A merge that committed before the
        stop was seen still counts: `report` is set."""
        if not worker.dry_run and worker.outcome == "finished":
            self.report = worker.result
            self.merged.emit(worker.result)
        super().reject()


