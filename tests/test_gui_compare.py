"""Kỳ đánh giá › So sánh với năm trước…: the comparison through a merger, and the mapping of
last year's units changed in the window (one undoable step)."""
from __future__ import annotations

from decimal import Decimal as D

import shiboken6
from PySide6.QtCore import Qt
from qt_helpers import open_window, settle_all
from test_gui_import import boxes  # noqa: F401  (the fixture)
from test_year_over_year import linked  # noqa: F401  (the fixture)

from parapp.core.store import Store


def _rows(table, columns):
    return [[table.item(r, c).text() for c in columns] for r in range(table.rowCount())]


def _click_row(qtbot, table, row: int) -> None:
    rect = table.visualItemRect(table.item(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def open_compare(qtbot, path, unit: str):
    """The window on `path` at 1366 × 768 with `unit` selected, and its comparison window."""
    window = open_window(qtbot, path, (1366, 768))
    assert window.select_unit(unit)
    window.ui.actionCompare.trigger()
    qtbot.waitUntil(lambda: window.compare_window is not None, timeout=10_000)
    return window, window.compare_window


def test_compare_and_remap_in_the_window(qtbot, linked):  # noqa: F811
    path = linked.path
    linked.close()
    window, dialog = open_compare(qtbot, path, "N")
    assert dialog.tabs.currentWidget() is dialog.compare_tab and dialog.selected_unit == "N"
    assert dialog.width() == dialog.screen().availableGeometry().width()  # the laptop's width
    assert dialog.summary_label.text().startswith(
        "Khối xã, phường: 3 đơn vị có kết quả năm 2025; chỉ số bình quân 85,97% (năm trước "
        "79,06%, +6,91); 2 đơn vị tăng, 1 đơn vị giảm; tiêu chí cải thiện nhiều nhất 2.1 "
        "(+1,74), 1.2 (+0,04), giảm nhiều nhất 1.1 (−0,33).")
    assert _rows(dialog.units_table, range(9)) == [
        ["N", "Xã Đông Tây Nam", "Khối xã, phường", "100,00", "75,17 ‡", "+24,83", "1", "2 ‡", "+1"],
        ["Y", "Phường Bắc", "Khối xã, phường", "94,74", "90,00", "+4,74", "2", "1", "−1"],
        ["Z", "Xã Trung", "Khối xã, phường", "63,16", "72,00", "−8,84", "3", "4", "+1"]]
    assert dialog.units_table.item(0, 7).toolTip() == (
        "Suy ra từ: Xã Đông (X1), Xã Tây (X2), Xã Nam (X3)")
    assert dialog.detail_label.text().startswith(
        "Xã Đông Tây Nam: cải thiện nhiều nhất 2.1 (+3,63), 1.1 (+1,00), 1.2 (+0,28); giảm "
        "nhiều nhất —.")
    # 1.2 was worth 6 last year: its points shown scaled, with last year's maximum
    assert _rows(dialog.criteria_table, range(6))[2] == [
        "1.2", "Báo cáo CCHC", "5,00", "5,00", "4,72 (6,00)", "+0,28"]
    _click_row(qtbot, dialog.units_table, 2)
    assert dialog.selected_unit == "Z"
    assert dialog.detail_label.text() == (
        "Xã Trung: cải thiện nhiều nhất 2.1 (+0,60); giảm nhiều nhất 1.1 (−2,00), 1.2 (−0,17).")

    # X3 did not go into N after all: no successor
    dialog.tabs.setCurrentWidget(dialog.mapping_tab)
    assert dialog.link_label.text() == "Kỳ trước đã liên kết: Tỉnh Sơn Hà 2025 — 2025.parapp"
    combo = dialog.combos["X3"]
    assert combo.currentText() == "N — Xã Đông Tây Nam"
    combo.setCurrentIndex(combo.findData(None))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.combos["X3"].currentData() is None
                    and dialog.units_table.item(0, 4).text() == "75,00 ‡", timeout=10_000)
    # X1 and X2: 75 %; above it last year X3 75,50 and Y 90 → third
    assert _rows(dialog.units_table, (0, 4, 7, 8))[0] == ["N", "75,00 ‡", "3 ‡", "+2"]
    assert window.statusBar().currentMessage() == "Đã lưu ánh xạ 1 đơn vị năm trước"
    window.undo()
    settle_all()
    with Store.open(path, readonly=True) as store:
        n = store.previous()["N"]
        assert [s.code for s in n.sources] == ["X1", "X2", "X3"]
        assert n.index == (D(80) + D(70) + D("75.5")) / 3


def test_a_period_not_linked_opens_on_the_link(qtbot, tmp_path):
    from test_year_over_year import LAST, NOW, _period
    _period(tmp_path / "2025.parapp", 2025, LAST, "6").close()
    _period(tmp_path / "2026.parapp", 2026, NOW, "5").close()
    window = open_window(qtbot, tmp_path / "2026.parapp", (1366, 768))
    window.ui.actionCompare.trigger()
    qtbot.waitUntil(lambda: window.compare_window is not None, timeout=10_000)
    dialog = window.compare_window
    assert dialog.tabs.currentWidget() is dialog.mapping_tab
    assert dialog.link_label.text() == "Chưa liên kết kỳ năm trước."
    assert dialog.summary_label.text().startswith("Kỳ đánh giá chưa liên kết kỳ năm trước.")
    from parapp.ui.compare_view import choose_link
    choose_link(window, dialog, tmp_path / "2025.parapp")
    qtbot.waitUntil(lambda: dialog.mapping_table.rowCount() == 5, timeout=10_000)
    assert dialog.unmapped_label.text() == (
        "Đơn vị năm nay chưa có đơn vị năm trước: Xã Đông Tây Nam (N)")
    assert [dialog.combos[c].currentData() for c in ("X1", "Y", "Z")] == [None, "Y", "Z"]
    assert window.statusBar().currentMessage() == (
        "Đã liên kết Tỉnh Sơn Hà năm 2025: 5 đơn vị, 2 ánh xạ theo mã")


def test_the_mapping_imported_from_its_workbook(qtbot, linked, tmp_path,  # noqa: F811
                                                monkeypatch, boxes):  # noqa: F811
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    from parapp.core.interchange.exporter import write_template
    book = write_template("previous_units", tmp_path / "don-vi-nam-truoc.xlsx", linked)
    path = linked.path
    linked.close()
    wb = load_workbook(book)
    ws = wb["Đơn vị năm trước"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "X3")
    ws.cell(row, 6).value = None  # X3: no successor after all
    wb.save(book)
    window = open_window(qtbot, path, (1366, 768))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(book), ""))
    next(a for a in window.import_menu.actions() if a.data() == "previous_units").trigger()
    qtbot.waitUntil(lambda: bool(boxes), timeout=10_000)
    assert boxes[0][:2] == ("information", "Nhập dữ liệu"), boxes
    assert boxes[0][2].endswith("5 dòng, 1 dòng có thay đổi")
    with Store.open(path, readonly=True) as store:
        n = store.previous()["N"]
        assert [s.code for s in n.sources] == ["X1", "X2"] and n.rank == 3


def test_the_comparison_and_the_analysis_go_with_their_file(qtbot, linked, tmp_path):  # noqa: F811
    """Left open when another file is opened, the comparison would save its mapping into that
    file, and the analysis export that file's figures under its own unit: both close with the
    file they show."""
    path = linked.path
    linked.close()
    other = tmp_path / "khac.parapp"
    other.write_bytes(path.read_bytes())
    window = open_window(qtbot, path, (1366, 768))
    window.ui.actionCompare.trigger()
    qtbot.waitUntil(lambda: window.compare_window is not None, timeout=10_000)
    windows = [window.compare_window, window.open_analysis()]
    assert all(w.isVisible() for w in windows)
    window.open_path(other)
    qtbot.waitUntil(lambda: window.path == other, timeout=10_000)
    settle_all()
    assert not any(shiboken6.isValid(w) and w.isVisible() for w in windows)


def test_a_unit_not_scored_yet_is_shown_waiting(qtbot, linked):  # noqa: F811
    """Z's scores taken back: no index and no change in the table, the block's figures of the
    units under way, and Z's detail says it is waiting."""
    with linked.edit("test") as ed:
        for leaf in ("1.1", "1.2", "2.1"):
            ed.set_self_score("Z", leaf, None)
    path = linked.path
    linked.close()
    _window, dialog = open_compare(qtbot, path, "Z")
    assert dialog.summary_label.text().startswith(
        "Khối xã, phường: 2 đơn vị có kết quả năm 2025; chỉ số bình quân 97,37% (năm trước "
        "82,58%, +14,79); 2 đơn vị tăng, 0 đơn vị giảm;")
    assert dialog.summary_label.text().splitlines()[0].endswith(
        " 1 đơn vị chưa có điểm năm nay.")
    z = next(row for row in _rows(dialog.units_table, range(9)) if row[0] == "Z")
    assert z == ["Z", "Xã Trung", "Khối xã, phường", "—", "72,00", "", "", "4", ""]
    assert dialog.selected_unit == "Z"
    assert dialog.detail_label.text() == "Xã Trung: chưa có điểm năm nay; năm 2025: chỉ số 72,00%."
