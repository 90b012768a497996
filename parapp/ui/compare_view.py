"""Kỳ đánh giá › So sánh với năm trước…: this year against the linked previous period.

Two tabs. «So sánh»: each unit's index and rank now and last year (a merged unit's derived
from its old units', marked ‡), and for the unit selected every sub-criterion it can be
compared on, most improved first (parapp.core.comparison). «Đơn vị năm trước»: which file is
linked (link another: Liên kết tệp kỳ trước…), and last year's units with the unit of this
year that took each over — changed here (one transaction, undoable) or imported from the
workbook sheet «Đơn vị năm trước». Everything is read and written on the window's file thread.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from parapp.core.comparison import Comparison, UnitComparison, read_comparison
from parapp.core.numbers import fmt, fmt_change
from parapp.core.previous import PastUnit
from parapp.core.reports.tables import change_text
from parapp.ui.analysis_view import NumberItem
from parapp.ui.operations import Changes, Work, period_changes
from parapp.ui.sizing import fit_screen

if TYPE_CHECKING:
    from parapp.ui.main_window import MainWindow

CODE_ROLE = Qt.ItemDataRole.UserRole
UP, DOWN = QColor(46, 125, 50), QColor(198, 40, 40)


@dataclass(frozen=True)
class CompareData:
    """What the window shows, read in one query."""
    linked: str  # "Tỉnh Sơn Hà 2025 — ky-2025.parapp", or "" when not linked
    past: list[PastUnit]
    units: list[tuple[str, str]]  # this year's (code, name)
    comparison: Comparison | None
    places: int


def read_compare(store) -> CompareData:
    link = store.previous_period()
    units = [(u.code, u.name) for u in store.units()]
    places = store.settings().display_decimals
    if link is None:
        return CompareData("", [], units, None, places)
    past = store.past_units(values=True)  # read once: the mapping tab's list and the comparison
    return CompareData(f"{link.province} {link.year} — {link.file_name}", past, units,
                       read_comparison(store, past), places)


class CompareWindow(QDialog):
    def __init__(self, data: CompareData, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("So sánh với năm trước"))
        self.tabs = QTabWidget(self)
        # «So sánh»
        self.compare_tab = QWidget(self)
        self.summary_label = QLabel(self.compare_tab)
        self.summary_label.setWordWrap(True)
        self.units_table = self._table(self.compare_tab, self.tr("Đơn vị so với năm trước"), [
            self.tr("Mã"), self.tr("Đơn vị"), self.tr("Khối"), self.tr("Chỉ số"),
            self.tr("Năm trước"), self.tr("Thay đổi"), self.tr("Hạng"),
            self.tr("Hạng năm trước"), self.tr("Tăng/giảm hạng")], stretch=1)
        self.detail_label = QLabel(self.compare_tab)
        self.detail_label.setWordWrap(True)
        self.criteria_table = self._table(self.compare_tab, self.tr("Tiêu chí của đơn vị"), [
            self.tr("Mã"), self.tr("Tiêu chí thành phần"), self.tr("Tối đa"),
            self.tr("Năm nay"), self.tr("Năm trước"), self.tr("Thay đổi")], stretch=1)
        lower = QWidget(self.compare_tab)
        column = QVBoxLayout(lower)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.detail_label)
        column.addWidget(self.criteria_table)
        split = QSplitter(Qt.Orientation.Vertical, self.compare_tab)
        split.addWidget(self.units_table)
        split.addWidget(lower)
        layout = QVBoxLayout(self.compare_tab)
        layout.addWidget(self.summary_label)
        layout.addWidget(split, 1)
        self.tabs.addTab(self.compare_tab, self.tr("So sánh"))
        # «Đơn vị năm trước»
        self.mapping_tab = QWidget(self)
        self.link_label = QLabel(self.mapping_tab)
        self.link_label.setWordWrap(True)
        self.link_button = QPushButton(self.tr("Liên &kết tệp kỳ trước…"), self.mapping_tab)
        self.mapping_table = self._table(self.mapping_tab, self.tr("Đơn vị năm trước"), [
            self.tr("Mã năm trước"), self.tr("Đơn vị năm trước"), self.tr("Khối"),
            self.tr("Chỉ số"), self.tr("Hạng"), self.tr("Đơn vị năm nay")], stretch=1)
        self.unmapped_label = QLabel(self.mapping_tab)
        self.unmapped_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Lưu ánh xạ"), self.mapping_tab)
        top = QHBoxLayout()
        top.addWidget(self.link_label, 1)
        top.addWidget(self.link_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.unmapped_label, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self.mapping_tab)
        layout.addLayout(top)
        layout.addWidget(self.mapping_table, 1)
        layout.addLayout(bottom)
        self.tabs.addTab(self.mapping_tab, self.tr("Đơn vị năm trước"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.units_table.itemSelectionChanged.connect(self._fill_detail)
        self.data = data
        self.show_data(data)

    def _table(self, parent: QWidget, name: str, headers: list[str],
               stretch: int) -> QTableWidget:
        table = QTableWidget(0, len(headers), parent)
        table.setAccessibleName(name)  # what a screen reader says on reaching it
        table.setTabKeyNavigation(False)  # Tab goes on to the next control, as in the forms
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # as given until a click
        return table

    # -- filling ------------------------------------------------------------------------------

    def show_data(self, data: CompareData) -> None:
        self.data = data
        self._fill_compare()
        self._fill_mapping()

    @property
    def selected_unit(self) -> str | None:
        rows = self.units_table.selectionModel().selectedRows()
        return self.units_table.item(rows[0].row(), 0).data(CODE_ROLE) if rows else None

    def select_unit(self, code: str) -> bool:
        for row in range(self.units_table.rowCount()):
            if self.units_table.item(row, 0).data(CODE_ROLE) == code:
                self.units_table.selectRow(row)
                return True
        return False

    def _fill_compare(self) -> None:
        found, p = self.data.comparison, self.data.places
        table = self.units_table
        keep = self.selected_unit
        table.setSortingEnabled(False)
        table.setRowCount(0)
        if found is None:
            self.summary_label.setText(self.tr(
                "Kỳ đánh giá chưa liên kết kỳ năm trước. Liên kết ở thẻ «Đơn vị năm trước» "
                "(hoặc tạo kỳ mới từ tệp năm trước: Tệp › Mới…)."))
            self._fill_detail()
            return
        def listed(trends) -> str:
            return ", ".join(f"{t.code} ({fmt_change(t.change, p)})" for t in trends) or "—"
        def summary(b) -> str:
            if not b.units:
                return self.tr("{block}: {n} đơn vị có kết quả năm {year}, chưa đơn vị nào có "
                               "điểm năm nay.").format(block=b.name, n=b.waiting,
                                                       year=found.year)
            text = self.tr("{block}: {n} đơn vị có kết quả năm {year}; chỉ số bình quân {now}% "
                           "(năm trước {then}%, {change}); {up} đơn vị tăng, {down} đơn vị "
                           "giảm; tiêu chí cải thiện nhiều nhất {better}, giảm nhiều nhất "
                           "{worse}.").format(
                block=b.name, n=b.units, year=found.year, now=fmt(b.index, p),
                then=fmt(b.previous, p), change=fmt_change(b.change, p), up=b.rose,
                down=b.sank, better=listed(b.improved), worse=listed(b.fell))
            if b.waiting:
                text += " " + self.tr("{n} đơn vị chưa có điểm năm nay.").format(n=b.waiting)
            return text
        lines = [summary(b) for b in found.blocks]
        if any(u.previous is not None and u.previous.derived for u in found.units):
            lines.append(self.tr("‡ Suy ra từ các đơn vị năm trước đã sáp nhập vào đơn vị (bình "
                                 "quân; thứ hạng: vị trí của chỉ số bình quân trong bảng xếp "
                                 "hạng năm trước)."))
        self.summary_label.setText("\n".join(lines))
        table.setRowCount(len(found.units))
        block_names = {b.code: b.name for b in found.blocks}  # "Khối xã, phường", not XA
        for r, u in enumerate(found.units):
            prev = u.previous
            code = QTableWidgetItem(u.code)
            code.setData(CODE_ROLE, u.code)
            derived = " ‡" if prev is not None and prev.derived else ""
            cells = [code, QTableWidgetItem(u.name),
                     QTableWidgetItem(block_names.get(u.block, u.block)),
                     NumberItem(u.index, fmt(u.index, p)) if u.scored
                     else NumberItem(Decimal(-1), "—"),
                     NumberItem(prev.index, fmt(prev.index, p) + derived) if prev
                     else NumberItem(Decimal(-1), ""),
                     NumberItem(u.index_change or Decimal(0), fmt_change(u.index_change, p)),
                     NumberItem(Decimal(u.rank or 0), str(u.rank or "")),
                     NumberItem(Decimal(prev.rank or 0) if prev else Decimal(0),
                                f"{prev.rank}{derived}" if prev and prev.rank else ""),
                     NumberItem(Decimal(u.rank_change or 0), change_text(u.rank_change))]
            for c, item in enumerate(cells):
                table.setItem(r, c, item)
            for c, value in ((5, u.index_change), (8, u.rank_change)):
                if value:
                    table.item(r, c).setForeground(QBrush(UP if value > 0 else DOWN))
            if prev is not None and prev.derived:
                sources = ", ".join(f"{s.name} ({s.code})" for s in prev.sources)
                for c in (4, 7):
                    table.item(r, c).setToolTip(self.tr("Suy ra từ: {units}").format(
                        units=sources))
        table.setSortingEnabled(True)
        if not (keep and self.select_unit(keep)) and table.rowCount():
            table.selectRow(0)
        self._fill_detail()

    def _unit(self) -> UnitComparison | None:
        code, found = self.selected_unit, self.data.comparison
        return found.unit(code) if code and found else None

    def _fill_detail(self) -> None:
        u, p = self._unit(), self.data.places
        table = self.criteria_table
        table.setSortingEnabled(False)
        table.setRowCount(0)
        if u is None:
            self.detail_label.setText("")
            return
        if u.previous is None:
            self.detail_label.setText(self.tr(
                "{unit}: không có kết quả năm trước (chưa có đơn vị năm trước nào ánh xạ vào "
                "đơn vị này).").format(unit=u.name))
            return
        if not u.scored:
            self.detail_label.setText(self.tr(
                "{unit}: chưa có điểm năm nay; năm {year}: chỉ số {index}%.").format(
                unit=u.name, year=self.data.comparison.year, index=fmt(u.previous.index, p)))
            return
        def listed(changes) -> str:
            return ", ".join(f"{c.code} ({fmt_change(c.change, p)})" for c in changes) or "—"
        text = self.tr("{unit}: cải thiện nhiều nhất {up}; giảm nhiều nhất {down}.").format(
            unit=u.name, up=listed(u.improved), down=listed(u.fell))
        if u.previous.derived:
            text += " " + self.tr("Năm trước suy ra từ: {units}.").format(
                units=", ".join(f"{s.name} ({s.code})" for s in u.previous.sources))
        self.detail_label.setText(text)
        rows = sorted(u.criteria, key=lambda c: (-c.change, c.code))
        table.setRowCount(len(rows))
        for r, c in enumerate(rows):
            previous = fmt(c.previous, p)
            if c.previous_max != c.max:  # scaled to this year's maximum: say from what
                previous += f" ({fmt(c.previous_max, p)})"
            cells = [QTableWidgetItem(c.code), QTableWidgetItem(c.name),
                     NumberItem(c.max, fmt(c.max, p)), NumberItem(c.points, fmt(c.points, p)),
                     NumberItem(c.previous, previous), NumberItem(c.change, fmt_change(c.change, p))]
            for col, item in enumerate(cells):
                table.setItem(r, col, item)
            if c.previous_max != c.max:
                table.item(r, 4).setToolTip(self.tr(
                    "Tối đa năm trước {then}, năm nay {now}: điểm năm trước tính theo tỷ lệ "
                    "trên mức tối đa năm nay").format(then=fmt(c.previous_max, p),
                                                      now=fmt(c.max, p)))
            if c.change:
                table.item(r, 5).setForeground(QBrush(UP if c.change > 0 else DOWN))
        table.setSortingEnabled(True)

    def _fill_mapping(self) -> None:
        data, p = self.data, self.data.places
        if not data.linked:
            self.link_label.setText(self.tr("Chưa liên kết kỳ năm trước."))
        else:
            self.link_label.setText(self.tr("Kỳ trước đã liên kết: {period}").format(
                period=data.linked))
        table = self.mapping_table
        table.setRowCount(len(data.past))
        # one list of this year's units for every row's choice: a province of 1,500 units
        # would otherwise build 1,500 × 1,500 items
        choices = QStandardItemModel(self)
        none = QStandardItem(self.tr("(không có đơn vị kế thừa)"))
        none.setData(None, Qt.ItemDataRole.UserRole)
        choices.appendRow(none)
        for code, name in data.units:
            item = QStandardItem(f"{code} — {name}")
            item.setData(code, Qt.ItemDataRole.UserRole)
            choices.appendRow(item)
        self.combos: dict[str, QComboBox] = {}
        for r, u in enumerate(data.past):
            combo = QComboBox(table)
            combo.setModel(choices)
            combo.setCurrentIndex(max(0, combo.findData(u.successor)))
            self.combos[u.code] = combo
            for c, item in enumerate([QTableWidgetItem(u.code), QTableWidgetItem(u.name),
                                      QTableWidgetItem(u.block),
                                      NumberItem(u.index, fmt(u.index, p)),
                                      NumberItem(Decimal(u.rank or 0), str(u.rank or ""))]):
                table.setItem(r, c, item)
            table.setCellWidget(r, 5, combo)
        mapped = {u.successor for u in data.past if u.successor}
        missing = [f"{name} ({code})" for code, name in data.units if code not in mapped]
        self.unmapped_label.setText(self.tr("Đơn vị năm nay chưa có đơn vị năm trước: {units}")
                                    .format(units=", ".join(missing)) if missing and data.linked
                                    else "")
        self.save_button.setEnabled(bool(data.past))

    def changed_mapping(self) -> dict[str, str | None]:
        """The rows whose unit of this year was changed here: old code → new code (or None)."""
        before = {u.code: u.successor for u in self.data.past}
        return {old: combo.currentData() for old, combo in self.combos.items()
                if combo.currentData() != before[old]}


def open_compare(window: MainWindow) -> None:
    """Read the comparison on the file thread, then show it (not modal)."""
    if not window.document.is_open or window.document.package_scope is not None:
        return

    def shown(data: CompareData) -> None:
        dialog = CompareWindow(data, window)
        window.compare_window = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.keep_with_file(dialog)
        dialog.save_button.clicked.connect(lambda: save_mapping(window, dialog))
        dialog.link_button.clicked.connect(lambda: choose_link(window, dialog))
        if window.current_unit_code:
            dialog.select_unit(window.current_unit_code)
        if not data.linked:
            dialog.tabs.setCurrentWidget(dialog.mapping_tab)
        fit_screen(dialog, 1600, 1000)  # tables: as much of the screen as it has
        dialog.show()
    window.ops.query(window.tr("Đang so sánh với năm trước…"), read_compare, shown)


def _refresh(window: MainWindow, dialog: CompareWindow) -> None:
    window.ops.query(dialog.tr("Đang so sánh với năm trước…"), read_compare, dialog.show_data)


def save_mapping(window: MainWindow, dialog: CompareWindow) -> None:
    """The mapping changed in the table, in one transaction (undone whole)."""
    changes = dialog.changed_mapping()
    if not changes:
        window.statusBar().showMessage(dialog.tr("Ánh xạ không thay đổi"), 5000)
        return
    label = dialog.tr("Ánh xạ đơn vị năm trước")

    def work(job: Work) -> Changes:
        with job.store.edit("gui") as ed:
            for old, unit in changes.items():
                ed.map_previous(old, unit)
        return period_changes(job.store, label, ed.txn)

    def saved(_changes: Changes) -> None:
        window.statusBar().showMessage(dialog.tr("Đã lưu ánh xạ {n} đơn vị năm trước").format(
            n=len(changes)), 5000)
        _refresh(window, dialog)
    window.ops.change(dialog.tr("Đang lưu ánh xạ…"), work, saved, owner=dialog)


def choose_link(window: MainWindow, dialog: CompareWindow, path: Path | None = None) -> None:
    """Link (or relink) last year's file: its results copied in, units mapped by code."""
    if path is None:
        name, _ = QFileDialog.getOpenFileName(
            dialog, dialog.tr("Chọn tệp kỳ năm trước"), str(window.path.parent if window.path
                                                             else Path.home()),
            dialog.tr("Tệp parapp (*.parapp)"))
        if not name:
            return
        path = Path(name)
    from parapp.core.carry_over import link_previous
    label = dialog.tr("Liên kết kỳ năm trước")

    def work(job: Work) -> Changes:
        linked = link_previous(job.store, path)
        # not an undo step: the core does not undo a link (link the earlier file again)
        return period_changes(job.store, label, linked.txn, value=linked, undoable=False)

    def linked(changes: Changes) -> None:
        done = changes.value
        window.statusBar().showMessage(dialog.tr(
            "Đã liên kết {province} năm {year}: {n} đơn vị, {m} ánh xạ theo mã").format(
            province=done.province, year=done.year, n=done.units, m=done.mapped), 10000)
        _refresh(window, dialog)
    window.ops.change(dialog.tr("Đang liên kết kỳ năm trước…"), work, linked, owner=dialog)
