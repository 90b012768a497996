"""The secretariat's Excel round trip in the window, driven offscreen with pytest-qt at 1366×768:
Tệp › Tạo mẫu Excel, Tệp › Xuất Excel, and Tệp › Mới… (empty, from a workbook, last year's).

File dialogs are monkeypatched to answer with paths, message boxes are recorded; what was
written is read back with openpyxl and `Store.open`, never from the window.
"""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from qt_helpers import open_window, settle_all, type_text, when_modal

from parapp.core import lock
from parapp.core.interchange import exporter
from parapp.core.interchange.columns import LAYOUTS
from parapp.core.store import Store
from parapp.ui import importing
from parapp.ui.new_period import NewPeriodDialog

pytestmark = pytest.mark.gui

SIZE = (1366, 768)


@pytest.fixture
def shown(monkeypatch):
    """Message boxes, as (kind, title, text), instead of blocking."""
    calls = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, title, text, *a: calls.append(("warning", title, text)))
    monkeypatch.setattr(importing, "show_information",
                        lambda _p, title, text, details="": calls.append(("info", title, text)))
    def import_warning(_parent, title, text, details=""):
        calls.append(("import-warning", title, text, details))

    monkeypatch.setattr(importing, "show_warning", import_warning)
    return calls


@pytest.fixture
def saves(monkeypatch):
    """Save dialogs answer with the queued paths (each asked, as (caption, proposed path))."""
    asked, answers = [], []

    def answer(_parent, caption, proposed, _filters):
        asked.append((caption, Path(proposed)))
        return (str(answers.pop(0)), "") if answers else ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return asked, answers


@pytest.fixture
def window(qtbot, small_demo, shown):
    return open_window(qtbot, small_demo, size=SIZE)


def action(menu, text: str):
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def file_menu_titles(window) -> list[str]:
    return [a.text().replace("&", "") for a in window.ui.menuFile.actions()]


def scores_of(path: Path, unit: str) -> dict[str, dict]:
    with Store.open(path, readonly=True) as store:
        tree = store.tree()
        return {tree.nodes[k].code: store.score(unit, tree.nodes[k].code)
                for k in tree.preorder if tree.is_leaf(k)}


# -- menus --------------------------------------------------------------------------------------

def test_file_menu_holds_the_excel_menus_and_what_each_needs(window):
    titles = file_menu_titles(window)
    at = titles.index("Nhập từ Excel")
    assert titles[at:at + 3] == ["Nhập từ Excel", "Xuất Excel", "Tạo mẫu Excel"]
    assert [a.text().replace("&", "") for a in window.excel.template_menu.actions()
            if not a.isSeparator()] == [
        "Bộ tiêu chí…", "Đơn vị…", "Điểm của đơn vị đang chọn…", "Điểm của mọi đơn vị…",
        "Kết quả SIPAS, ĐTXHH…", "Kết quả khảo sát theo tiêu chí…",
        "Danh mục điểm thưởng, điểm trừ…", "Điểm thưởng, điểm trừ…",
        "Đơn vị năm trước (sắp xếp, sáp nhập)…"]
    assert [a.text().replace("&", "") for a in window.excel.export_menu.actions()
            if not a.isSeparator()] == [
        "Bảng điểm của đơn vị đang chọn…", "Bảng điểm các đơn vị cùng khối…",
        "Tổng hợp theo khối…", "Toàn bộ dữ liệu…", "Báo cáo hợp nhất gói…"]
    assert window.excel.export_menu.menuAction().isEnabled()
    assert all(a.isEnabled() for a in window.excel.template_menu.actions())

    assert window.close_file()  # no file: blank templates only, no exports
    settle_all()
    assert not window.excel.export_menu.menuAction().isEnabled()
    enabled = [a.text().replace("&", "") for a in window.excel.template_menu.actions()
               if a.isEnabled() and not a.isSeparator()]
    assert enabled == ["Bộ tiêu chí…", "Đơn vị…", "Kết quả SIPAS, ĐTXHH…",
                       "Kết quả khảo sát theo tiêu chí…", "Danh mục điểm thưởng, điểm trừ…",
                       "Điểm thưởng, điểm trừ…"]


# -- templates ----------------------------------------------------------------------------------

def test_the_selected_units_template_round_trips(window, small_demo, saves, shown, tmp_path,
                                                  monkeypatch):
    """Tạo mẫu › Điểm của đơn vị đang chọn: the current values; edit one cell, import it back
    through the menu, and only that cell changes."""
    asked, answers = saves
    assert window.select_unit("SYT")
    answers.append(tmp_path / "mau-diem-SYT.xlsx")
    action(window.excel.template_menu, "Điểm của đơn vị đang chọn…").trigger()
    settle_all()
    year = window.period.year
    assert asked == [("Lưu mẫu Excel", small_demo.parent / f"mau-diem-SYT-{year}.xlsx")]
    out = tmp_path / "mau-diem-SYT.xlsx"
    assert window.statusBar().currentMessage() == f"Đã ghi {out}"
    before = scores_of(small_demo, "SYT")
    wb = load_workbook(out)
    ws = wb["Điểm"]
    rows = list(ws.iter_rows(min_row=2))
    assert rows and {r[0].value for r in rows} == {"SYT"}
    for r in rows:  # every value as it is in the file
        sc = before[r[1].value]
        assert (r[2].value, r[3].value, r[4].value, r[5].value, r[6].value) == (
            None if sc["self_points"] is None else pytest.approx(float(sc["self_points"])),
            sc["self_figure"] or None, sc["explanation"] or None,
            None if sc["appraisal_points"] is None else pytest.approx(
                float(sc["appraisal_points"])),
            sc["appraisal_note"] or None)
    edited = next(r for r in rows if r[2].value)
    edited[4].value = "Đã bổ sung tài liệu kiểm chứng"
    wb.save(tmp_path / "sua.xlsx")

    def import_(path):
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(path), ""))
        next(a for a in window.import_menu.actions() if a.data() == "scores").trigger()
        settle_all()

    import_(out)  # unchanged: nothing written, no undo step
    assert "không có gì thay đổi" in shown[-1][2] and window.undo_stack.count() == 0
    assert scores_of(small_demo, "SYT") == before
    import_(tmp_path / "sua.xlsx")
    after = scores_of(small_demo, "SYT")
    code = edited[1].value
    assert after[code]["explanation"] == "Đã bổ sung tài liệu kiểm chứng"
    after[code]["explanation"] = before[code]["explanation"]
    assert after == before  # nothing else
    assert window.undo_stack.count() == 1


def test_templates_of_every_kind(window, small_demo, saves, tmp_path):
    asked, answers = saves
    menu = window.excel.template_menu
    kinds = {"Bộ tiêu chí…": "criteria", "Đơn vị…": "units", "Điểm của mọi đơn vị…": "scores",
             "Kết quả SIPAS, ĐTXHH…": "survey", "Điểm thưởng, điểm trừ…": "adjustments"}
    with Store.open(small_demo, readonly=True) as store:
        blocks = [b.code for b in store.blocks()]
        units = {u.code for u in store.units()}
    for text, kind in kinds.items():
        answers.append(tmp_path / kind)  # no suffix typed: .xlsx is added
        action(menu, text).trigger()
        settle_all()
        layout = LAYOUTS[kind]
        ws = load_workbook(tmp_path / f"{kind}.xlsx")[layout.sheet]
        headers = [c.value for c in ws[1]]
        assert headers[:len(layout.columns)] == [c.header for c in layout.columns]
        rows = list(ws.iter_rows(min_row=2, values_only=True))
        if kind == "scores":  # every unit, prefilled
            assert {r[0] for r in rows} == units
        else:
            assert rows == []
        if kind == "criteria":  # the open period's blocks each have their max column
            assert headers[len(layout.columns):] == [f"Điểm tối đa ({b})" for b in blocks]
    assert [p.name for _c, p in asked] == [
        f"mau-{n}-{window.period.year}.xlsx" for n in
        ("tieu-chi", "don-vi", "diem", "khao-sat", "diem-thuong-tru")]


# -- exports ------------------------------------------------------------------------------------

def test_every_export_writes_its_workbook_off_the_gui_thread(window, small_demo, saves, shown,
                                                             tmp_path, monkeypatch):
    asked, answers = saves
    on_gui_thread = []
    real = exporter.export_summary

    def summary(*args, **kwargs):
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(exporter, "export_summary", summary)
    assert window.select_unit("SYT")
    with Store.open(small_demo, readonly=True) as store:
        block = {b.id: b.code for b in store.blocks()}
        blocks = [b.code for b in store.blocks()]
        units = store.units()
    syt_block = next(block[u.block_id] for u in units if u.code == "SYT")
    same_block = [u.code for u in units if block[u.block_id] == syt_block]
    menu = window.excel.export_menu
    year = window.period.year
    expected = {  # menu text → (proposed name, the sheets written)
        "Bảng điểm của đơn vị đang chọn…": (f"bang-diem-SYT-{year}.xlsx", ["SYT"]),
        "Bảng điểm các đơn vị cùng khối…": (f"bang-diem-khoi-{syt_block}-{year}.xlsx",
                                             same_block),
        "Tổng hợp theo khối…": (f"tong-hop-{year}.xlsx", blocks),
        "Toàn bộ dữ liệu…": (f"du-lieu-{year}.xlsx", [lay.sheet for lay in LAYOUTS.values()]),
    }
    for i, (text, (name, sheets)) in enumerate(expected.items()):
        out = tmp_path / f"xuat-{i}.xlsx"
        answers.append(out)
        action(menu, text).trigger()
        settle_all()
        assert asked[-1] == ("Xuất Excel", tmp_path / name)
        wb = load_workbook(out)
        assert sorted(wb.sheetnames) == sorted(sheets)
        assert window.statusBar().currentMessage() == f"Đã ghi {out}"
    assert "Sở Y tế" in load_workbook(tmp_path / "xuat-0.xlsx")["SYT"]["A2"].value
    assert load_workbook(tmp_path / "xuat-3.xlsx")["Đơn vị"].max_row == len(units) + 1
    assert on_gui_thread == [False]
    assert shown == []

    # no merge yet: one line says so, and nothing is written
    answers.append(tmp_path / "hop-nhat.xlsx")
    action(menu, "Báo cáo hợp nhất gói…").trigger()
    settle_all()
    assert asked[-1] == ("Xuất Excel", tmp_path / f"bao-cao-hop-nhat-{year}.xlsx")
    assert [(kind, text) for kind, _title, text in shown] == [("warning",
                                                               "Chưa hợp nhất gói nào")]
    assert not (tmp_path / "hop-nhat.xlsx").exists()
    # the dialog cancelled: nothing asked of the worker, nothing written
    action(menu, "Tổng hợp theo khối…").trigger()
    settle_all()
    assert on_gui_thread == [False]


def test_a_members_package_exports_no_results(qtbot, small_demo, tmp_path, shown):
    from parapp.core.packages import export_package
    with Store.open(small_demo) as store:
        member = store.members()[0].code
        package = export_package(store, member, tmp_path / "goi.parapp").path
    window = open_window(qtbot, package, size=SIZE)
    enabled = {a.text().replace("&", ""): a.isEnabled()
               for a in window.excel.export_menu.actions() if not a.isSeparator()}
    assert enabled == {"Bảng điểm của đơn vị đang chọn…": False,
                       "Bảng điểm các đơn vị cùng khối…": False, "Tổng hợp theo khối…": False,
                       "Toàn bộ dữ liệu…": True, "Báo cáo hợp nhất gói…": False}


# -- a new period -------------------------------------------------------------------------------

def click(qtbot, button) -> None:
    """On the left of the button, where a radio button's indicator and text are."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def new_period(window, fill) -> list:
    seen = when_modal(NewPeriodDialog, fill)
    window.action_new.trigger()
    settle_all()
    assert seen, "the dialog was not shown"
    return seen


def test_a_new_period_from_a_workbook_with_its_template(qtbot, window, small_demo, saves, shown,
                                                        tmp_path, monkeypatch):
    asked, answers = saves
    book = tmp_path / "bo-chi-so.xlsx"
    with Store.open(small_demo, readonly=True) as source:
        exporter.export_data(source, book)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(book), ""))
    answers += [tmp_path / "mau-ky.xlsx", tmp_path / "2026.parapp"]
    seen: dict = {}

    def fill(dialog):
        hint = dialog.sizeHint()
        seen["fits"] = hint.width() <= SIZE[0] and hint.height() <= SIZE[1] - 80
        seen["choices"] = [(r.text().replace("&", ""), r.isEnabled(), r.isChecked()) for r in
                           (dialog.empty_radio, dialog.workbook_radio, dialog.last_year_radio)]
        seen["ok at first"] = dialog.ok_button.isEnabled()
        type_text(qtbot, dialog.province_edit, "Tỉnh Sơn Hà")
        seen["ok when empty"] = dialog.ok_button.isEnabled()
        click(qtbot, dialog.last_year_radio)
        seen["ok without last year's file"] = dialog.ok_button.isEnabled()
        click(qtbot, dialog.workbook_radio)
        seen["ok without a workbook"] = dialog.ok_button.isEnabled()
        qtbot.mouseClick(dialog.template_button, Qt.MouseButton.LeftButton)
        settle_all()
        seen["template"] = dialog.template_label.text()
        qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
        dialog.year_spin.setValue(2026)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    new_period(window, fill)
    assert seen["fits"]
    assert seen["choices"] == [("Kỳ đánh giá trống", True, True),
                               ("Từ sổ tính Excel", True, False),
                               ("Từ tệp kỳ đánh giá năm trước", True, False)]
    assert (seen["ok at first"], seen["ok when empty"], seen["ok without last year's file"],
            seen["ok without a workbook"]) == (False, True, False, False)
    assert seen["template"].startswith(f"Đã lưu mẫu {tmp_path / 'mau-ky.xlsx'}")
    assert load_workbook(tmp_path / "mau-ky.xlsx").sheetnames == ["Tiêu chí", "Đơn vị"]
    assert asked == [("Lưu mẫu sổ tính", tmp_path / "mau-ky-danh-gia.xlsx"),
                     ("Lưu kỳ đánh giá mới", tmp_path / "2026.parapp")]
    assert window.path == tmp_path / "2026.parapp"
    with Store.open(window.path, readonly=True) as store, \
            Store.open(small_demo, readonly=True) as source:
        assert (store.period().province, store.period().year) == ("Tỉnh Sơn Hà", 2026)
        assert {u.code for u in store.units()} == {u.code for u in source.units()}
        assert [store.tree().nodes[k].code for k in store.tree().preorder] == [
            source.tree().nodes[k].code for k in source.tree().preorder]
    assert shown == []


def test_a_new_period_from_last_years_file(qtbot, window, small_demo, saves, shown, tmp_path,
                                           monkeypatch):
    asked, answers = saves
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(small_demo), ""))
    answers.append(tmp_path / "ky-moi.parapp")
    seen: dict = {}

    def fill(dialog):
        qtbot.mouseClick(dialog.last_browse_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.province != "", timeout=10_000)  # read off the GUI thread
        seen["chosen"] = (dialog.last_year_radio.isChecked(), dialog.province, dialog.year,
                          dialog.ok_button.isEnabled())
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    new_period(window, fill)
    with Store.open(small_demo, readonly=True) as source:
        period = source.period()
        units = {u.code for u in source.units()}
    # its province and the next year proposed
    assert seen["chosen"] == (True, period.province, period.year + 1, True)
    assert asked == [("Lưu kỳ đánh giá mới", small_demo.parent / f"{period.year + 1}.parapp")]
    qtbot.waitUntil(lambda: window.path == tmp_path / "ky-moi.parapp", timeout=30_000)
    with Store.open(window.path, readonly=True) as store:
        assert store.period().year == period.year + 1
        assert {u.code for u in store.units()} == units
        assert store.previous_period().file_name == small_demo.name  # last year's results linked
        assert set(store.previous()) == units
        assert (store.counts()["self_scores"], store.counts()["appraisals"]) == (0, 0)
    assert shown == []


def test_each_start_is_explained(window, saves):
    texts = {}

    def read(dialog):
        texts.update(dialog.explanations)
        texts["shown"] = all(label.isVisible() for label in dialog.explanation_labels)
        dialog.reject()

    new_period(window, read)
    assert texts["shown"]
    assert "nhập sau ở Tệp › Nhập từ Excel" in texts["empty"]
    assert "lưu mẫu" in texts["workbook"] and "«Tiêu chí» và «Đơn vị»" in texts["workbook"]
    assert "kết quả năm trước được liên kết để so sánh" in texts["last_year"]
    assert "Không lấy điểm nào của năm trước" in texts["last_year"]
    assert saves[0] == []  # cancelled: no file asked for


def test_a_new_empty_period(qtbot, window, saves, tmp_path):
    _asked, answers = saves
    answers.append(tmp_path / "trong.parapp")

    def fill(dialog):
        type_text(qtbot, dialog.province_edit, "Tỉnh Sơn Hà")
        dialog.ok_button.click()

    new_period(window, fill)
    assert window.path == tmp_path / "trong.parapp"
    with Store.open(window.path, readonly=True) as store:
        assert (store.units(), list(store.tree().preorder)) == ([], [])
        assert store.period().province == "Tỉnh Sơn Hà"


def test_a_workbook_with_errors_creates_nothing(window, small_demo, saves, shown, tmp_path,
                                                monkeypatch):
    _asked, answers = saves
    book = tmp_path / "hong.xlsx"
    wb = Workbook()
    wb.active.title = "Tiêu chí"
    for row in (["Mã", "Nội dung", "Điểm tối đa"], ["1", "Lĩnh vực", 10], ["1.1", "TC", 4]):
        wb.active.append(row)
    wb.save(book)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(book), ""))
    answers.append(tmp_path / "moi.parapp")

    def fill(dialog):
        dialog.province_edit.setText("Tỉnh Sơn Hà")
        dialog.browse_button.click()
        dialog.ok_button.click()

    new_period(window, fill)
    kind, title, text, details = shown[-1]
    assert (kind, title) == ("import-warning", "Không tạo được kỳ đánh giá")
    assert text == "hong.xlsx: 1 lỗi, không có dữ liệu nào được nhập"
    assert details.startswith("Tiêu chí!A2: ")
    assert not (tmp_path / "moi.parapp").exists()
    assert window.path == small_demo  # still on the file it had


def test_a_new_period_is_not_saved_over_the_file_open_for_editing(qtbot, window, small_demo,
                                                                  saves, shown):
    """The period file the window edits, proposed again as the new period's name (its folder,
    its year) and confirmed in the save dialog: replacing it would leave the window writing
    into a file no longer there (Linux) or fail half way (Windows). Refused, naming it."""
    _asked, answers = saves
    before = small_demo.read_bytes()
    answers.append(small_demo)

    def fill(dialog):
        type_text(qtbot, dialog.province_edit, "Tỉnh Sơn Hà")
        dialog.ok_button.click()

    new_period(window, fill)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    me = lock.read_owner(small_demo)
    assert shown[-1] == ("warning", "Đang tạo kỳ đánh giá", (
        f"{small_demo}: tệp đang được {me.user} trên máy {me.host} mở để chỉnh sửa, không ghi "
        "đè được; hãy đóng tệp đó rồi thử lại, hoặc chọn tên khác"))
    assert small_demo.read_bytes() == before and window.path == small_demo
    assert window.document.is_open and not window.document.read_only
    assert sorted(p.name for p in small_demo.parent.iterdir()
                  if p.name.startswith(f".{small_demo.name}")) == []
