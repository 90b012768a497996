"""Kỳ đánh giá › Tiến độ…: the season at a glance for the secretariat.

`ProgressWindow` (forms/progress_window.ui) shows the phase and what it still waits for, then
one row per unit (self-assessment as a bar, evidence missing, appraised, deducted, explained,
second appraisal) and one per council member (round 1 as a bar, explanations to review, round 2,
packages sent and merged). The counts come from `parapp.core.progress`, read on the window's
file thread; the filter narrows both tables; Xuất Excel… writes the same as `parapp progress -o`.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QMessageBox,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from parapp.core.numbers import fmt
from parapp.core.progress import Progress
from parapp.ui.excel import ask_workbook
from parapp.ui.forms.ui_progress_window import Ui_ProgressWindow
from parapp.ui.sizing import fit_screen

if TYPE_CHECKING:
    from parapp.ui.main_window import MainWindow


class NumberItem(QTableWidgetItem):
    """A count that sorts as a number."""

    def __init__(self, value: int):
        super().__init__(str(value))
        self.value = value
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other):
        return self.value < getattr(other, "value", 0)


def _bar(done: int, total: int) -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, max(total, 1))
    bar.setValue(done if total else 0)
    bar.setFormat(f"{done}/{total}")
    return bar


class ProgressWindow(QDialog):
    def __init__(self, progress: Progress, parent: QWidget | None = None,
                 block_names: dict[str, str] | None = None):
        super().__init__(parent)
        self._block_names = block_names or {}  # "Khối xã, phường" where the code is XA
        self.ui = ui = Ui_ProgressWindow()
        ui.setupUi(self)
        self.progress = progress
        self.units_table, self.members_table = ui.unitsTable, ui.membersTable
        ui.phaseLabel.setText(self.tr("Giai đoạn: {phase}").format(
            phase=progress.phase.describe(date.today())))
        ui.remainingLabel.setText("\n".join(f"• {line}" for line in progress.remaining()))
        self._fill(self.units_table, [
            self.tr("Mã"), self.tr("Đơn vị"), self.tr("Khối"), self.tr("Đã tự đánh giá"),
            self.tr("Thiếu TLKC"), self.tr("Thẩm định vòng 1"), self.tr("Bị trừ điểm"),
            self.tr("Đã giải trình"), self.tr("Thẩm định vòng 2"), self.tr("Gói đã gửi"),
            self.tr("Gói đã hợp nhất")],
            [([u.code, u.name, self._block(u.block)], (u.scored, u.leaves),
              [u.evidence_missing, u.appraised, u.deducted, u.explained, u.reappraised,
               u.sent, u.merged])
             for u in progress.units])
        self._fill(self.members_table, [
            self.tr("Mã"), self.tr("Cơ quan"), self.tr("Khối"), self.tr("Thẩm định vòng 1"),
            self.tr("Giải trình cần xem"), self.tr("Thẩm định vòng 2"), self.tr("Gói đã gửi"),
            self.tr("Gói đã hợp nhất")],
            [([m.code, m.department, ""], (m.appraised, m.leaves),
              [m.explained, m.reappraised, m.sent, m.merged]) for m in progress.members])
        self.members_table.setColumnHidden(2, True)  # members belong to no block
        self.rounds_table = ui.roundsTable
        self._fill_rounds(progress)
        self._fill_expected(progress)
        ui.filterEdit.textChanged.connect(self.apply_filter)
        ui.closeButton.clicked.connect(self.close)

    def _block(self, code: str) -> str:
        return self._block_names.get(code, code)

    def _fill(self, table: QTableWidget, headers: list[str], rows) -> None:
        table.setSortingEnabled(False)
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for r, (texts, (done, total), counts) in enumerate(rows):
            for c, text in enumerate(texts):
                table.setItem(r, c, QTableWidgetItem(text))
            item = NumberItem(done)  # sorts the bar's column by what is done
            table.setItem(r, 3, item)
            table.setCellWidget(r, 3, _bar(done, total))
            for c, value in enumerate(counts, start=4):
                table.setItem(r, c, NumberItem(value))
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        table.setSortingEnabled(True)

    def _fill_rounds(self, progress: Progress) -> None:
        """What changed between the rounds: a row per criterion a unit explained or the council
        appraised again (the workbook `parapp export rounds` writes the same)."""
        table = self.rounds_table
        headers = [self.tr("Mã"), self.tr("Đơn vị"), self.tr("Khối"), self.tr("Tiêu chí"),
                   self.tr("Tự đánh giá"), self.tr("Vòng 1"), self.tr("Lý do vòng 1"),
                   self.tr("Giải trình"), self.tr("Vòng 2"), self.tr("Lý do vòng 2"),
                   self.tr("Người quyết định"), self.tr("Thay đổi")]
        table.setSortingEnabled(False)
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(progress.rounds))
        for r, change in enumerate(progress.rounds):
            decided = change.second_by if change.second is not None else change.first_by
            delta = change.change
            texts = [change.unit, change.unit_name, self._block(change.block),
                     f"{change.criterion} — {change.criterion_name}", fmt(change.self_points, None),
                     fmt(change.first, None), change.first_note, change.explanation,
                     fmt(change.second, None), change.second_note, decided,
                     "" if delta is None else ("+" if delta > 0 else "") + fmt(delta, None)]
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c in (4, 5, 8, 11):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        for c in (3, 6, 7, 9):  # the long texts: a readable width, the whole text in the tip
            table.setColumnWidth(c, min(table.columnWidth(c), 260))
        table.verticalHeader().setVisible(False)
        table.setSortingEnabled(True)
        index = self.ui.tabs.indexOf(self.ui.roundsTab)
        self.ui.tabs.setTabText(index, self.tr("&Giữa hai vòng thẩm định ({n})").format(
            n=len(progress.rounds)))

    def _fill_expected(self, progress: Progress) -> None:
        """Mid-year: per unit, the sub-criteria expected at full points (as a bar) and those
        estimated; for the unit selected, the ones not expected at full."""
        ui, found = self.ui, progress.expected
        table = self.expected_table = ui.expectedTable
        self.short_table = ui.shortTable
        if found is None:
            ui.expectedLabel.setText(self.tr(
                "Chưa có điểm dự kiến. Nhập ở cột «Điểm dự kiến» của trang «Điểm» (Tệp › Nhập "
                "từ Excel) trước mùa đánh giá."))
            ui.expectedSplitter.hide()
            return
        ui.expectedLabel.setText(self.tr(
            "Toàn tỉnh: {full}/{leaves} lượt tiêu chí thành phần dự kiến đạt điểm tối đa (đã dự "
            "kiến {estimated}/{leaves}). Chọn một đơn vị để xem các tiêu chí chưa đạt tối đa.")
            .format(full=found.full, leaves=found.leaves, estimated=found.estimated))
        self._fill(table, [self.tr("Mã"), self.tr("Đơn vị"), self.tr("Khối"),
                           self.tr("Dự kiến đạt tối đa"), self.tr("Đã dự kiến")],
                   [([u.code, u.name, self._block(u.block)], (u.full, u.leaves), [u.estimated])
                    for u in found.units])
        table.itemSelectionChanged.connect(self._fill_short)
        self.short_table.setColumnCount(4)
        self.short_table.setHorizontalHeaderLabels([
            self.tr("Mã"), self.tr("Tiêu chí thành phần chưa dự kiến đạt tối đa"),
            self.tr("Tối đa"), self.tr("Dự kiến")])
        self.short_table.verticalHeader().setVisible(False)
        self.short_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        if table.rowCount():
            table.selectRow(0)

    def _fill_short(self) -> None:
        rows = self.expected_table.selectionModel().selectedRows()
        found = self.progress.expected
        table = self.short_table
        table.setRowCount(0)
        if not rows or found is None:
            return
        code = self.expected_table.item(rows[0].row(), 0).text()
        unit = next(u for u in found.units if u.code == code)
        table.setRowCount(len(unit.short))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, s in enumerate(unit.short):
            cells = [QTableWidgetItem(s.code), QTableWidgetItem(s.name),
                     QTableWidgetItem(fmt(s.max, None)),
                     QTableWidgetItem(self.tr("chưa dự kiến") if s.expected is None
                                      else fmt(s.expected, None))]
            for c, item in enumerate(cells):
                if c >= 2:
                    item.setTextAlignment(right)
                table.setItem(r, c, item)
        table.resizeColumnToContents(0)

    def apply_filter(self, text: str) -> None:
        """Rows whose code, name or block contains the text (case and accents as typed)."""
        needle = text.strip().casefold()
        for table in (self.units_table, self.members_table, self.rounds_table,
                      self.ui.expectedTable):
            for r in range(table.rowCount()):
                cells = (table.item(r, c) for c in range(3))
                hay = " ".join(item.text() for item in cells if item is not None).casefold()
                table.setRowHidden(r, bool(needle) and needle not in hay)

    def visible_codes(self, table: QTableWidget) -> list[str]:
        return [table.item(r, 0).text() for r in range(table.rowCount())
                if not table.isRowHidden(r)]


def open_progress(window: MainWindow) -> None:
    """Read the progress on the file thread, then show it (window-modal, not blocking)."""
    if not window.document.is_open or window.document.package_scope is not None:
        return
    from parapp.core.progress import read_progress

    def shown(progress: Progress) -> None:
        blocks = window.document.data.snapshot.blocks if window.document.data else ()
        dialog = ProgressWindow(progress, window, {b.code: b.name for b in blocks})
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.ui.exportButton.clicked.connect(lambda: export(dialog))
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        fit_screen(dialog, 1600, 1000)  # tables: as much of the screen as it has
        dialog.open()

    def export(dialog: ProgressWindow) -> None:
        target = ask_workbook(dialog, dialog.tr("Xuất tiến độ"),
                              f"tien-do-{date.today().isoformat()}", window.path)
        if target is None:
            return
        failed = dialog.tr("Không xuất được")
        def work(job):
            from parapp.core.interchange.exporter import export_progress
            return export_progress(job.store, target)
        window.ops.work(dialog.tr("Đang xuất tiến độ…"), work,
                        lambda out: window.statusBar().showMessage(
                            window.tr("Đã xuất {file}").format(file=out), 8000),
                        lambda message: QMessageBox.warning(window, failed, message))

    window.ops.query(window.tr("Đang tính tiến độ…"), read_progress, shown)
