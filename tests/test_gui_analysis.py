"""Kỳ đánh giá › Điểm bị trừ ở đâu…: the unit's lost points, the block's sub-criteria, and the
heat map whose cells lead to the unit and area in the scoring tab."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from qt_helpers import open_window
from test_analysis import LATE, province  # noqa: F401  (the fixture)

from parapp.core.analysis import heat_rgb
from parapp.core.reports.results import build_results
from parapp.core.store import Store


def test_the_analysis_window_and_a_click_through_the_heat_map(qtbot, province,  # noqa: F811
                                                              tmp_path, monkeypatch):
    path = province.path
    province.close()
    window = open_window(qtbot, path, (1366, 768))
    assert window.select_unit("SYT")
    dialog = window.open_analysis()
    qtbot.addWidget(dialog)
    assert dialog.unit == "SYT" and dialog.block == "SO"
    screen = dialog.screen().availableGeometry()  # its tables take the laptop's whole width
    assert dialog.width() == screen.width() and dialog.height() > screen.height() - 80
    assert dialog.ui.unitSummary.text() == (
        "Sở Y tế (SYT): bị trừ 3,40 điểm trên 22,00 điểm tối đa áp dụng, ở 4 tiêu chí thành "
        "phần.")
    tree = dialog.loss_tree
    area = tree.topLevelItem(0)
    assert [area.text(c) for c in range(5)] == ["1. Công tác chỉ đạo", "10,00", "", "8,00",
                                                "2,00"]
    assert [area.child(0).text(c) for c in range(9)] == [
        "1.1 Kế hoạch CCHC", "4,00", "4,00", "3,00", "1,00", "3,00", "4,00", LATE, "Sở Nội vụ"]
    # as drawn: the block's best (right-aligned) and the reason after it stand apart
    image = tree.viewport().grab().toImage()
    row = tree.visualItemRect(area.child(0))
    best, reason = tree.visualRect(tree.indexFromItem(area.child(0), 6)), \
        tree.visualRect(tree.indexFromItem(area.child(0), 7))

    def inked(x0: int, x1: int) -> list[int]:
        return [x for x in range(x0, x1) if any(
            image.pixelColor(x, y).lightness() < 128 for y in range(row.top(), row.bottom()))]
    gap = min(inked(reason.left(), reason.right())) - max(inked(best.left(), best.right()))
    assert gap >= 16, gap  # 9 px before the cells had room of their own
    table = dialog.criteria_table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == [
        "2.1", "1.1", "3.1", "1.2", "2.2"]
    assert [table.item(0, c).text() for c in (2, 3, 4)] == ["2/3", "73,33", "4,00"]
    gaps = dialog.ui.selfTable
    assert [[gaps.item(r, c).text() for c in range(5)] for r in range(gaps.rowCount())] == [
        ["STP", "Sở Tư pháp", "2", "3,00", "1 (2,00), 2 (1,00)"],
        ["SXD", "Sở Xây dựng", "1", "1,00", "2 (1,00)"],
        ["SYT", "Sở Y tế", "1", "1,00", "1 (1,00)"]]
    # a unit of the block chosen: its losses follow
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData("SXD"))
    assert dialog.ui.unitSummary.text().startswith("Sở Xây dựng (SXD): bị trừ 4,00 điểm")
    heat = dialog.heat_table
    rows = [heat.verticalHeaderItem(r).text() for r in range(heat.rowCount())]
    columns = [heat.horizontalHeaderItem(c).text() for c in range(heat.columnCount())]
    assert columns == ["1", "2", "3"]
    stp, area2 = rows.index("Sở Tư pháp"), columns.index("2")
    cell = heat.item(stp, area2)
    assert cell.text() == "90,00" and "Sở Tư pháp — Cải cách tài chính công: 9,00/10,00" in (
        cell.toolTip())
    assert cell.background().color().getRgb()[:3] == heat_rgb(D("0.9"))
    # the results report prints what the window shows, cell by cell (its Word draft here)
    with Store.open(path, readonly=True) as store:
        out = build_results(store, tmp_path / "bc.docx")
    printed = next(t for t in Document(str(out)).tables if t.rows[0].cells[0].text == "Hạng")
    assert [[c.text for c in row.cells[1:]] for row in printed.rows[1:-1]] == [
        [rows[r]] + [heat.item(r, c).text() for c in range(len(columns))]
        for r in range(len(rows))]
    assert [c.text for c in printed.rows[0].cells[2:]] == columns
    dialog.ui.tabs.setCurrentWidget(dialog.ui.heatTab)
    qtbot.waitExposed(heat)
    rect = heat.visualItemRect(cell)
    qtbot.mouseClick(heat.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    # STP lost a point on 2.1 (appraised 4 of 5): its biggest loss in area 2
    assert window.current_unit_code == "STP" and window.editor.criterion_code == "2.1"
    assert window.tabs.currentWidget() is window.ui.editTab
    # the same by keys: Enter on the cell goes there too, and opens no export dialog
    assert window.select_unit("SYT")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail(
        "Enter opened the export's save dialog"))
    heat.setFocus()
    heat.setCurrentCell(stp, area2)
    qtbot.keyClick(heat, Qt.Key.Key_Return)
    assert window.current_unit_code == "STP" and window.editor.criterion_code == "2.1"


def test_the_index_distribution_tab_counts_names_and_chooses_units(qtbot, province):  # noqa: F811
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip
    with province.edit("test") as ed:  # thresholds the three units fall between
        ed.set_setting("classification", "bands-90-80-70")
    path = province.path
    province.close()
    window = open_window(qtbot, path, (1366, 768))
    assert window.select_unit("SYT")
    dialog = window.open_analysis()
    qtbot.addWidget(dialog)
    dialog.ui.tabs.setCurrentWidget(dialog.ui.distTab)
    chart = dialog.chart
    qtbot.waitExposed(chart)
    assert dialog.ui.tabs.tabText(dialog.ui.tabs.currentIndex()) == "&Phân bố chỉ số"
    # SYT 89,09 and STP 86,36 between 80 and 90, SXD 75,00 between 70 and 80: 2/3 and 1/3
    table = dialog.ui.bandTable
    assert [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())] == [
        ["Từ 90% trở lên", "Hoàn thành xuất sắc nhiệm vụ", "0", "0,00"],
        ["Từ 80% đến dưới 90%", "Hoàn thành tốt nhiệm vụ", "2", "66,67"],
        ["Từ 70% đến dưới 80%", "Hoàn thành nhiệm vụ", "1", "33,33"],
        ["Dưới 70%", "Không hoàn thành nhiệm vụ", "0", "0,00"]]
    assert dialog.ui.distSummary.text() == (
        "3 đơn vị được xếp hạng. Cao nhất: 89,09% (Sở Y tế); thấp nhất: 75,00% (Sở Xây "
        "dựng); bình quân: 83,48%; trung vị: 86,36%.")
    assert [chart.label_text(i) for i in range(3)] == [
        "Hoàn thành xuất sắc nhiệm vụ ≥ 90%", "Hoàn thành tốt nhiệm vụ ≥ 80%",
        "Hoàn thành nhiệm vụ ≥ 70%"]
    # each label beside its line, over the band it opens (right of the line) where there is
    # room for it there: a lower threshold's too, when the one above has none on its right (a
    # narrow chart)
    width = chart.width()
    chart.resize(700, chart.height())
    boxes = [chart.label_box(i) for i in range(3)]
    right = chart.x_of(100)
    assert chart.x_of(90) + boxes[0].width() + 4 > right  # «xuất sắc» only fits on the left
    for i, threshold in enumerate((90, 80, 70)):
        line = chart.x_of(threshold)
        fits = line + boxes[i].width() + 4 <= right
        assert (boxes[i].left() > line) if fits else (boxes[i].right() < line), threshold
        assert not any(boxes[i].intersects(other) for other in boxes[:i] + boxes[i + 1:])
    assert boxes[1].left() > chart.x_of(80) and boxes[2].left() > chart.x_of(70)
    chart.resize(width, chart.height())
    # the dots sit at their indexes on the axis, the better one further right
    dots = {code: chart.dot_center(code) for code in ("SYT", "STP", "SXD")}
    assert dots["SXD"].x() < chart.x_of(80) < dots["STP"].x() < dots["SYT"].x() < chart.x_of(90)
    # a hover names the unit and its index
    shown = []
    original = QToolTip.showText
    QToolTip.showText = lambda pos, text, *args: shown.append(text)  # type: ignore[method-assign]
    try:
        at = dots["STP"].toPoint()
        QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, at, chart.mapToGlobal(at)))
        away = QPoint(chart.width() // 2, 5)
        QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, away,
                                                 chart.mapToGlobal(away)))
    finally:
        QToolTip.showText = original  # type: ignore[method-assign]
    assert shown == ["Sở Tư pháp (STP)\nChỉ số: 86,36%\nHạng: 2\n"
                     "Xếp loại: Hoàn thành tốt nhiệm vụ"]
    # only a dot answers: a little way right of the rightmost one, nothing
    beside = dots["SYT"].toPoint() + QPoint(20, 0)
    assert chart.unit_at(dots["SYT"]) == "SYT" and chart.unit_at(beside.toPointF()) is None
    # a click on a dot chooses that unit above; its losses follow
    assert dialog.unit == "SYT"
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=dots["SXD"].toPoint())
    assert dialog.unit == "SXD" and dialog.unit_combo.currentText() == "Sở Xây dựng (SXD)"
    assert dialog.ui.unitSummary.text().startswith("Sở Xây dựng (SXD): bị trừ 4,00 điểm")
    assert dialog.ui.tabs.currentWidget() is dialog.ui.distTab
    # a click beside the dots chooses nothing; a double click shows the unit's losses
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(chart.width() // 2, 5))
    assert dialog.unit == "SXD"
    qtbot.mouseDClick(chart, Qt.MouseButton.LeftButton, pos=dots["STP"].toPoint())
    assert dialog.unit == "STP" and dialog.ui.tabs.currentWidget() is dialog.ui.unitTab
