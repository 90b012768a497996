"""Kỳ đánh giá › Điểm bị trừ ở đâu…: the analysis after the ranking.

`AnalysisWindow` (forms/analysis_window.ui), for a block and one of its units: where the unit
lost points (area by area, most lost first, beside the block's average and best), each
sub-criterion across the block (units losing points, share reached, who lost most, the usual
reasons, over-scoring), the units whose self scores were furthest above the result, a heat
map of the block's units × areas — a click on a cell shows that unit, on the sub-criterion of
that area where it lost most, in the scoring tab — and the block's indexes between the
classification thresholds (a click on a unit's dot chooses it above, a double click shows
where it lost points). Computed by parapp.core.analysis from the evaluated
period the window already holds (no file read: it follows every edit at once); Xuất Excel…
writes the tab shown as `parapp losses -o` / `parapp analysis -o` do.
"""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QTableWidgetItem,
    QTreeWidgetItem,
    QWidget,
)

from parapp.core.analysis import (
    Band,
    criterion_stats,
    heat_map,
    heat_rgb,
    index_distribution,
    self_gaps,
    summary,
    unit_losses,
)
from parapp.core.numbers import fmt
from parapp.ui.dashboard import grade_colour
from parapp.ui.excel import ask_workbook
from parapp.ui.forms.ui_analysis_window import Ui_AnalysisWindow
from parapp.ui.sizing import fit_screen

if TYPE_CHECKING:
    from parapp.ui.main_window import MainWindow

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
UNIT_ROLE = Qt.ItemDataRole.UserRole


def heat(share: Decimal) -> QColor:
    """Red (0) through amber to green (1): the share of the maximum reached (the scale the
    results report prints too)."""
    return QColor(*heat_rgb(share))


class NumberItem(QTableWidgetItem):
    """A figure shown rounded that sorts by its exact value."""

    def __init__(self, value: Decimal, text: str):
        super().__init__(text)
        self.value = value
        self.setTextAlignment(RIGHT)

    def __lt__(self, other):
        return self.value < getattr(other, "value", 0)


class AnalysisWindow(QDialog):
    def __init__(self, data, unit: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = ui = Ui_AnalysisWindow()
        ui.setupUi(self)
        self.data = data
        self.places = data.snapshot.settings.display_decimals
        self.notes = {u.code: data.notes(u.code) for u in data.snapshot.units}
        self.departments = {m.code: m.department for m in data.members}
        self.loss_tree, self.criteria_table, self.heat_table = (ui.lossTree, ui.criteriaTable,
                                                                ui.heatTable)
        # a right-aligned number and the reason after it are two cells, not one phrase
        self.loss_tree.setStyleSheet("QTreeView::item { padding: 0 6px; }")
        self.block_combo, self.unit_combo = ui.blockCombo, ui.unitCombo
        units = {u.code: u for u in data.snapshot.units}
        for block in data.snapshot.blocks:
            self.block_combo.addItem(block.name, block.code)
        start = units[unit].block if unit in units else None
        if start is not None:
            self.block_combo.setCurrentIndex(self.block_combo.findData(start))
        self._fill_units(unit)
        self.block_combo.currentIndexChanged.connect(lambda _i: self._block_changed())
        self.unit_combo.currentIndexChanged.connect(lambda _i: self._unit_changed())
        self.chart = ui.distChart
        self.chart.unit_clicked.connect(self.choose_unit)
        self.chart.unit_activated.connect(self._show_losses)
        ui.closeButton.clicked.connect(self.close)
        self._fill_block()

    @property
    def block(self) -> str | None:
        return self.block_combo.currentData()

    @property
    def unit(self) -> str | None:
        return self.unit_combo.currentData()

    def _fill_units(self, current: str | None) -> None:
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        for u in self.data.snapshot.units:
            if u.block == self.block:
                self.unit_combo.addItem(f"{u.name} ({u.code})", u.code)
        index = self.unit_combo.findData(current) if current else 0
        self.unit_combo.setCurrentIndex(max(index, 0))
        self.unit_combo.blockSignals(False)

    def _block_changed(self) -> None:
        self._fill_units(None)
        self._fill_block()

    def _unit_changed(self) -> None:
        self._fill_losses()
        self.chart.set_current(self.unit)

    def choose_unit(self, code: str) -> None:
        """Choose a unit of the block in the unit selector (its losses follow)."""
        index = self.unit_combo.findData(code)
        if index >= 0:
            self.unit_combo.setCurrentIndex(index)

    def _show_losses(self, code: str) -> None:
        self.choose_unit(code)
        self.ui.tabs.setCurrentWidget(self.ui.unitTab)

    def _fill_block(self) -> None:
        self._fill_losses()
        self._fill_criteria()
        self._fill_self()
        self._fill_heat()
        self._fill_distribution()

    # -- the unit -------------------------------------------------------------------------------

    def _fill_losses(self) -> None:
        tree = self.loss_tree
        tree.clear()
        unit = self.unit
        if unit is None:
            self.ui.unitSummary.setText("")
            return
        losses = unit_losses(self.data.snapshot, self.data.result, unit,
                             self.notes.get(unit, {}), self.departments)
        p = self.places
        headers = [self.tr("Tiêu chí"), self.tr("Tối đa"), self.tr("Tự đánh giá"),
                   self.tr("Đạt"), self.tr("Bị trừ"), self.tr("Bình quân khối"),
                   self.tr("Cao nhất khối"), self.tr("Lý do trừ điểm"),
                   self.tr("Cơ quan thẩm định")]
        tree.setColumnCount(len(headers))
        tree.setHeaderLabels(headers)
        for area in losses.areas:
            top = QTreeWidgetItem([f"{area.number}. {area.name}", fmt(area.max, p), "",
                                   fmt(area.points, p), fmt(area.lost, p), "", "", "", ""])
            font = top.font(0)
            font.setBold(True)
            for c in range(len(headers)):
                top.setFont(c, font)
            for leaf in area.leaves:
                item = QTreeWidgetItem([
                    f"{leaf.number} {leaf.name}", fmt(leaf.max, p),
                    fmt(leaf.self_points, p), fmt(leaf.points, p), fmt(leaf.lost, p),
                    fmt(leaf.block_average, p), fmt(leaf.block_best, p), leaf.note, leaf.by])
                item.setToolTip(0, f"{leaf.number} {leaf.name}")
                item.setToolTip(7, leaf.note)
                item.setData(0, UNIT_ROLE, leaf.code)
                top.addChild(item)
            for c in range(1, 7):
                top.setTextAlignment(c, RIGHT)
                for i in range(top.childCount()):
                    top.child(i).setTextAlignment(c, RIGHT)
            tree.addTopLevelItem(top)
        tree.expandAll()
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        tree.setColumnWidth(0, 320)
        for c in range(1, 7):
            tree.resizeColumnToContents(c)
        tree.setColumnWidth(7, 300)
        result = self.data.result.results.get(next(
            (u.key for u in self.data.snapshot.units if u.code == unit), ""))
        total = fmt(result.applicable_max, p) if result is not None else ""
        self.ui.unitSummary.setText(self.tr(
            "{name} ({code}): bị trừ {lost} điểm trên {max} điểm tối đa áp dụng, ở {n} tiêu "
            "chí thành phần.").format(name=losses.name, code=losses.code,
                                      lost=fmt(losses.lost, p), max=total,
                                      n=sum(len(a.leaves) for a in losses.areas)))

    # -- each sub-criterion across the block ------------------------------------------------------

    def _fill_criteria(self) -> None:
        table = self.criteria_table
        stats = criterion_stats(self.data.snapshot, self.data.result, self.notes, self.block)
        p = self.places
        headers = [self.tr("Mã"), self.tr("Tiêu chí thành phần"), self.tr("Đơn vị bị trừ"),
                   self.tr("Tỷ lệ đạt (%)"), self.tr("Tổng điểm bị trừ"),
                   self.tr("Bị trừ nhiều nhất"), self.tr("Lý do thường gặp"),
                   self.tr("Tự đánh giá cao hơn")]
        table.setSortingEnabled(False)
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(stats))
        for r, s in enumerate(stats):
            worst = ", ".join(f"{u} ({fmt(v, p)})" for u, v in s.worst)
            reasons = "; ".join(f"{text} ({n})" for text, n in s.reasons)
            cells = [QTableWidgetItem(s.code), QTableWidgetItem(s.name),
                     NumberItem(Decimal(s.losing), f"{s.losing}/{s.units}"),
                     NumberItem(s.share, fmt(s.share * 100, p)),
                     NumberItem(s.lost, fmt(s.lost, p)), QTableWidgetItem(worst),
                     QTableWidgetItem(reasons), NumberItem(Decimal(s.over_scored),
                                                          str(s.over_scored))]
            for c, item in enumerate(cells):
                item.setToolTip(item.text())
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        for c in (1, 5, 6):
            table.setColumnWidth(c, min(table.columnWidth(c), 320))
        # the reasons take the room left: every column on a laptop's width, none past it
        table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        table.setSortingEnabled(True)

    # -- self-assessment quality -------------------------------------------------------------

    def _fill_self(self) -> None:
        table = self.ui.selfTable
        gaps = self_gaps(self.data.snapshot, self.data.result, self.block)
        p = self.places
        headers = [self.tr("Mã"), self.tr("Đơn vị"), self.tr("Số tiêu chí tự đánh giá cao hơn"),
                   self.tr("Tổng chênh lệch"), self.tr("Lĩnh vực chênh nhiều nhất")]
        table.setSortingEnabled(False)
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(gaps))
        for r, g in enumerate(gaps):
            cells = [QTableWidgetItem(g.unit), QTableWidgetItem(g.name),
                     NumberItem(Decimal(g.leaves), str(g.leaves)), NumberItem(g.gap, fmt(g.gap, p)),
                     QTableWidgetItem(", ".join(f"{a} ({fmt(v, p)})" for a, v in g.areas))]
            for c, item in enumerate(cells):
                item.setToolTip(item.text())  # whole, where the column cuts it
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        # a long unit name must not push the areas off the window (the names' room, as above)
        table.setColumnWidth(1, min(table.columnWidth(1), 320))
        table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        table.setSortingEnabled(True)

    # -- the heat map ---------------------------------------------------------------------------

    def _fill_heat(self) -> None:
        table = self.heat_table
        snapshot, result = self.data.snapshot, self.data.result
        found = heat_map(snapshot, result, self.block or "")
        table.clear()
        table.setRowCount(len(found.rows))
        table.setColumnCount(len(found.areas))
        table.setHorizontalHeaderLabels([a.number for a in found.areas])
        table.setVerticalHeaderLabels([r.name for r in found.rows])
        for c, area in enumerate(found.areas):
            table.horizontalHeaderItem(c).setToolTip(area.name)
        p = self.places
        for r, row in enumerate(found.rows):
            for c, (area, cell) in enumerate(zip(found.areas, row.cells, strict=True)):
                if cell is None:
                    item = QTableWidgetItem("—")
                    item.setToolTip(self.tr("Không áp dụng"))
                else:
                    # the figure the results report prints for this cell
                    item = QTableWidgetItem(fmt(cell.share * 100, p))
                    item.setBackground(QBrush(heat(cell.share)))
                    item.setForeground(QBrush(QColor(20, 20, 20)))
                    item.setToolTip(self.tr("{unit} — {area}: {points}/{max} ({share}%)").format(
                        unit=row.name, area=area.name, points=fmt(cell.points, p),
                        max=fmt(cell.max, p), share=fmt(cell.share * 100, p)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setData(UNIT_ROLE, (row.unit, area.code))
                table.setItem(r, c, item)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        words = summary(snapshot, result, self.block).lines(p)
        self.ui.heatHint.setText(self.tr(
            "Tỷ lệ điểm đạt so với tối đa của từng lĩnh vực (đỏ: thấp, xanh: cao). Nhấn vào một "
            "ô để xem đơn vị và lĩnh vực đó trong tab Chấm điểm.") + "\n" + " ".join(words))

    # -- the distribution of the indexes --------------------------------------------------------

    def band_text(self, band: Band) -> str:
        low, high = (fmt(v, None) if v is not None else "" for v in (band.low, band.high))
        if band.low is None and band.high is None:
            return self.tr("Mọi chỉ số")
        if band.high is None:
            return self.tr("Từ {low}% trở lên").format(low=low)
        if band.low is None:
            return self.tr("Dưới {high}%").format(high=high)
        return self.tr("Từ {low}% đến dưới {high}%").format(low=low, high=high)

    def _fill_distribution(self) -> None:
        found = index_distribution(self.data.snapshot, self.data.result, self.block) \
            if self.block else []
        dist = found[0] if found else None
        self.chart.set_data(dist, self.places)
        self.chart.set_current(self.unit)
        table = self.ui.bandTable
        bands = dist.bands if dist else ()
        headers = [self.tr("Chỉ số CCHC"), self.tr("Mức theo ngưỡng"), self.tr("Số đơn vị"),
                   self.tr("Tỷ lệ (%)")]
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(bands))
        for r, band in enumerate(bands):
            swatch = QPixmap(12, 12)
            swatch.fill(grade_colour(band.grade))
            grade = QTableWidgetItem(QIcon(swatch), band.grade.label)
            cells = [QTableWidgetItem(self.band_text(band)), grade,
                     NumberItem(Decimal(band.count), str(band.count)),
                     NumberItem(band.share, fmt(band.share * 100, self.places))]
            for c, item in enumerate(cells):
                table.setItem(r, c, item)
            grade.setToolTip(band.grade.label)
            cells[2].setToolTip(", ".join(band.units))
        table.verticalHeader().setVisible(False)
        table.resizeColumnsToContents()
        header = table.horizontalHeader()
        table.setFixedHeight(header.height() + sum(table.rowHeight(r) for r in range(len(bands)))
                             + 2 * table.frameWidth())
        table.setFixedWidth(sum(table.columnWidth(c) for c in range(len(headers)))
                            + 2 * table.frameWidth())
        p = self.places
        lines = []
        if dist is not None and dist.points:
            names = {pt.unit: pt.name for pt in dist.points}
            low, high = dist.points[-1], dist.points[0]
            lines.append(self.tr(
                "{n} đơn vị được xếp hạng. Cao nhất: {top}% ({top_name}); thấp nhất: {low}% "
                "({low_name}); bình quân: {average}%; trung vị: {median}%.").format(
                n=len(dist.points), top=fmt(dist.maximum, p), top_name=names[high.unit],
                low=fmt(dist.minimum, p), low_name=names[low.unit],
                average=fmt(dist.average, p), median=fmt(dist.median, p)))
        elif dist is not None:
            lines.append(self.tr("Chưa có đơn vị nào của khối được xếp hạng."))
        if dist is not None and dist.caveats:
            lines.append(self.tr("Số đơn vị mỗi khoảng tính theo chỉ số; xếp loại còn theo "
                                 "điều kiện khác của quy tắc:") + "\n" + "\n".join(
                f"• {c}" for c in dist.caveats))
        self.ui.distSummary.setText("\n\n".join(lines))

    def cell_target(self, row: int, column: int) -> tuple[str, str] | None:
        """(unit, criterion code) a heat-map cell leads to: the sub-criterion of that area
        where the unit lost most, or the area's first one when it lost nothing there."""
        item = self.heat_table.item(row, column)
        if item is None:
            return None
        unit, area = item.data(UNIT_ROLE)
        tree = self.data.snapshot.tree
        losses = unit_losses(self.data.snapshot, self.data.result, unit,
                             self.notes.get(unit, {}), self.departments)
        lost = next((a.leaves[0].code for a in losses.areas if tree.nodes[a.key].code == area),
                    None)
        if lost is None:
            key = tree.by_code[area].key
            lost = next((tree.nodes[k].code for k in tree.descendants(key) if tree.is_leaf(k)),
                        area)
        return unit, lost


def open_analysis(window: MainWindow) -> AnalysisWindow | None:
    """The analysis of the open period, for the unit selected (not modal: a click in the heat
    map shows that unit and area in the window behind)."""
    data = window.document.data if window.document.is_open else None
    if data is None or window.document.package_scope is not None:
        return None
    dialog = AnalysisWindow(data, window.current_unit_code, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.keep_with_file(dialog)

    def show(row: int, column: int) -> None:
        target = dialog.cell_target(row, column)
        if target is not None and window.select_unit(target[0]):
            window.tabs.setCurrentIndex(window.tabs.indexOf(window.ui.editTab))
            window.select_criterion(target[1])
    dialog.heat_table.cellClicked.connect(show)
    dialog.heat_table.cellActivated.connect(show)  # Enter on a cell, as a click
    dialog.ui.exportButton.clicked.connect(lambda: export(window, dialog))
    fit_screen(dialog, 1600, 1000)  # tables: as much of the screen as it has
    dialog.show()
    return dialog


def export(window: MainWindow, dialog: AnalysisWindow) -> None:
    """The tab shown as a workbook: the unit's lost points, or the block's sub-criteria."""
    of_unit = dialog.ui.tabs.currentWidget() is dialog.ui.unitTab
    stem = f"diem-bi-tru-{dialog.unit}" if of_unit else f"phan-tich-{dialog.block}"
    target = ask_workbook(dialog, dialog.tr("Xuất Excel"), stem, window.path)
    if target is None:
        return
    unit, block = dialog.unit, dialog.block
    written = dialog.tr("Đã ghi {path}")  # the words now: the window may be closed by then

    def work(job):
        from parapp.core.interchange.exporter import export_analysis, export_losses
        if of_unit:
            return export_losses(job.store, unit or "", target)
        return export_analysis(job.store, target, block)
    window.ops.work(dialog.tr("Đang xuất…"), work,
                    lambda out: window.statusBar().showMessage(written.format(path=out), 10000))
