"""Tệp › Nhập từ Excel in the desktop window, driven offscreen with pytest-qt.

Expected values come from a fresh `Store.open(...).evaluate()` and `fmt`, never from the
window's own code. Message boxes are recorded instead of shown (they would block).
"""
from __future__ import annotations

import hashlib
import shutil
import threading
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from qt_helpers import open_window, settle, when_modal
from workbook_parts import SHEET, book_with, data_row, good_book, padded_sheet, rewrite

from parapp.core.criteria import Source, check_points
from parapp.core.numbers import fmt
from parapp.core.store import Store
from parapp.ui import importing
from parapp.ui.scoring import C_CODE, C_DIFF, C_POINTS
from parapp.ui.unit_list import U_TOTAL

pytestmark = pytest.mark.gui

HEADERS = ["Mã đơn vị", "Mã tiêu chí", "Điểm tự đánh giá", "Giải trình", "Điểm thẩm định",
           "Lý do trừ điểm"]
CANCELLED = "Đã hủy nhập, không có thay đổi nào"


def num(value) -> str:
    return fmt(value, 2, comma=True)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def workbook(path: Path, rows: list[list]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Điểm"
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def evaluate(path: Path):
    with Store.open(path, readonly=True) as store:
        return store.evaluate()


def result_of(period, code: str):
    return next(r for r in period.results.values() if r.unit.code == code)


@pytest.fixture
def demo(small_demo):
    """The demo's units (code → block code), criteria tree and current self scores."""
    with Store.open(small_demo, readonly=True) as store:
        blocks = {b.id: b.code for b in store.blocks()}
        units = {u.code: blocks[u.block_id] for u in store.units()}
        tree = store.tree()
        period = store.evaluate()
    selfs = {}
    for r in period.results.values():
        for key in tree.preorder:
            if tree.is_leaf(key) and key in r.node_self:
                selfs[(r.unit.code, tree.nodes[key].code)] = r.node_self[key]
    return units, tree, selfs


def self_leaves(tree, block: str):
    """Leaves a unit of `block` scores itself."""
    return [tree.nodes[k] for k in tree.preorder if tree.is_leaf(k)
            and tree.nodes[k].source is Source.SELF and tree.nodes[k].max_for(block) > 0]


@pytest.fixture
def boxes(monkeypatch):
    """Every message box the import shows, as (kind, title, text, details)."""
    calls: list[tuple[str, str, str, str]] = []

    def recorder(kind):
        def fake(parent, title, text, details=""):
            calls.append((kind, title, text, details))
        return fake

    monkeypatch.setattr(importing, "show_information", recorder("information"))
    monkeypatch.setattr(importing, "show_warning", recorder("warning"))
    # the window's own "could not open" warning must not block either
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *a, **k: calls.append(("open-warning", *a[1:3], "")))
    return calls


@pytest.fixture
def window(qtbot, small_demo, boxes):
    return open_window(qtbot, small_demo)


def criteria_row(window, code: str) -> list[str]:
    model = window.criteria_model

    def walk(parent=QModelIndex()):
        for r in range(model.rowCount(parent)):
            index = model.index(r, C_CODE, parent)
            yield index
            yield from walk(index)

    for index in walk():
        if index.data() == code:
            return [model.index(index.row(), c, index.parent()).data()
                    for c in range(model.columnCount())]
    raise AssertionError(f"criterion {code} is not shown")


@pytest.fixture
def big_file(tmp_path, demo) -> Path:
    """Every self-scored leaf of every unit, its self score changed: > 2000 changed rows."""
    units, tree, selfs = demo
    rows = []
    for code, block in units.items():
        for node in self_leaves(tree, block):
            old = selfs.get((code, node.code))
            new = Decimal(0) if old != 0 else node.max_for(block)
            assert check_points(node, block, new) is None
            rows.append([code, node.code, float(new)])
    assert len(rows) > 400
    return workbook(tmp_path / "diem-tat-ca.xlsx", rows)


def imported(qtbot, window, kind: str, book: Path, overwrite: bool | None = None):
    """`imported(qtbot, window, …)`, waited for: its report, or None when nothing was imported."""
    ended = []
    assert window.import_excel(kind, book, overwrite, ended.append)
    qtbot.waitUntil(lambda: bool(ended), timeout=30000)
    return ended[0]


def on_progress(monkeypatch, act) -> None:
    """`act(work)` on the file thread at each progress step of the import's transaction."""
    step = importing._step

    def acting(work, done, total):
        act(work)
        return step(work, done, total)
    monkeypatch.setattr(importing, "_step", acting)


# -- the menu ---------------------------------------------------------------------------------

def test_file_menu_has_one_import_action_per_kind(qtbot, window, tmp_path, monkeypatch, boxes):
    menu = window.import_menu
    assert menu.menuAction() in window.ui.menuFile.actions()
    assert menu.title().replace("&", "") == "Nhập từ Excel"
    assert [a.text().replace("&", "") for a in menu.actions()] == [
        "Bộ tiêu chí…", "Đơn vị…", "Điểm…", "Kết quả SIPAS, ĐTXHH…",
        "Kết quả khảo sát theo tiêu chí…", "Danh mục điểm thưởng, điểm trừ…",
        "Điểm thưởng, điểm trừ…", "Đơn vị năm trước (sắp xếp, sáp nhập)…"]
    assert [a.data() for a in menu.actions()] == [
        "criteria", "units", "scores", "survey", "survey_items", "bonus_items", "adjustments",
        "previous_units"]
    assert not window.store.readonly  # the window edits the file; the import has its own store

    book = tmp_path / "khao-sat.xlsx"
    wb = Workbook()
    wb.active.title = "Điều tra"
    wb.active.append(["Mã đơn vị", "SIPAS (%)"])
    wb.active.append(["SYT", 12.5])
    wb.save(book)
    before_sipas = result_of(evaluate(window.path), "SYT").sipas
    asked = []

    def choose(parent, caption, directory, filters):
        asked.append(filters)
        return str(book), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    menu.actions()[3].trigger()
    settle(qtbot, window)
    assert asked == ["Sổ tính (*.xlsx *.xls *.ods)"]  # what calamine reads (issue 16)
    assert [b[0] for b in boxes] == ["information"]
    assert boxes[0][1] == "Nhập dữ liệu"
    assert "khao-sat.xlsx" in boxes[0][2] and "1 dòng có thay đổi" in boxes[0][2]
    # the digest the audit log names is there for whoever looks, not in the sentence
    digest = hashlib.sha256(book.read_bytes()).hexdigest()
    assert "SHA-256" not in boxes[0][2] and f"SHA-256: {digest}" in boxes[0][3]
    expected = result_of(evaluate(window.path), "SYT")
    assert window.unit_texts("SYT")[U_TOTAL] == num(expected.published_total)
    assert not window.store.readonly  # re-read, still open for editing
    assert "Ctrl+Z để hoàn tác cả lần nhập" in window.statusBar().currentMessage()
    window.undo_stack.undo()  # an import of survey results is one undo step too
    settle(qtbot, window)
    assert result_of(evaluate(window.path), "SYT").sipas == before_sipas


# -- a valid file -----------------------------------------------------------------------------

def test_valid_scores_update_totals_and_the_criteria_view(qtbot, window, small_demo, demo, tmp_path,
                                                          boxes):
    units, tree, selfs = demo
    leaf = next(n for n in self_leaves(tree, units["SYT"]) if selfs[("SYT", n.code)] > 0
                and check_points(n, units["SYT"], Decimal(0)) is None)
    before = result_of(evaluate(small_demo), "SYT")
    book = workbook(tmp_path / "diem.xlsx", [
        ["SYT", leaf.code, None, None, 0, "Không có tài liệu kiểm chứng"]])
    assert window.select_unit("SYT")
    shown = window.current_unit
    window.criteria_view.expandAll()
    expanded = window.scoring.expanded_keys()

    report = imported(qtbot, window, "scores", book, overwrite=True)  # demo appraisals are members'

    assert report is not None and report.changed == 1
    assert [b[0] for b in boxes] == ["information"]
    assert "diem.xlsx" in boxes[0][2]
    after = result_of(evaluate(small_demo), "SYT")
    assert after.total == before.total - before.node_points[leaf.key]
    assert window.unit_texts("SYT")[U_TOTAL] == num(after.published_total) != num(before.published_total)
    assert window.current_unit == shown  # the selected unit stayed selected
    assert window.scoring.expanded_keys() == expanded  # and so did the expanded criteria
    row = criteria_row(window, leaf.code)
    assert after.node_points[leaf.key] == 0
    assert row[C_POINTS] == num(after.node_points[leaf.key])
    assert row[C_DIFF] == num(-selfs[("SYT", leaf.code)])
    assert window.ui.totalLabel.text().startswith(num(after.published_total))
    assert not window.store.readonly
    # a scores import is one undo step: undo puts every score back, redo applies it again
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText() == "Nhập từ diem.xlsx"
    window.undo_stack.undo()
    settle(qtbot, window)
    assert result_of(evaluate(small_demo), "SYT").total == before.total
    assert window.unit_texts("SYT")[U_TOTAL] == num(before.published_total)
    window.undo_stack.redo()
    settle(qtbot, window)
    assert result_of(evaluate(small_demo), "SYT").total == after.total
    assert window.unit_texts("SYT")[U_TOTAL] == num(after.published_total)


# -- appraisals entered in parapp: the preview before anything is written -------------------

@pytest.fixture
def conflict(small_demo, demo, tmp_path):
    """A workbook setting a leaf's appraisal of SYT to 0 — SYT's appraisals were entered by
    members — and, with no conflict, another leaf's explanation."""
    units, tree, selfs = demo
    leaves = [n for n in self_leaves(tree, units["SYT"]) if selfs[("SYT", n.code)] > 0
              and check_points(n, units["SYT"], Decimal(0)) is None]
    leaf, other = leaves[0], leaves[1]
    with Store.open(small_demo, readonly=True) as store:
        before = {code: store.score("SYT", code) for code in (leaf.code, other.code)}
    assert before[leaf.code]["appraisal_points"] > 0
    book = workbook(tmp_path / "diem.xlsx", [
        ["SYT", leaf.code, None, None, 0, "Không có tài liệu kiểm chứng"],
        ["SYT", other.code, None, "Đã bổ sung kế hoạch"]])
    return book, leaf, other, before


def import_deciding(window, qtbot, monkeypatch, book, decide):
    """Tệp › Nhập từ Excel › Điểm… on `book`; `decide(dialog)` answers the preview, after
    checking that nothing has been written yet. Returns the dialog's rows as shown."""
    seen = {}
    digest = sha(window.path)

    def answer(dialog):
        table = dialog.table
        seen["rows"] = [[table.item(r, c).text() for c in range(table.columnCount())]
                        for r in range(table.rowCount())]
        seen["file untouched"] = sha(window.path) == digest
        seen["fits"] = dialog.width() <= 1366 and dialog.height() <= 768 - 80 \
            and dialog.sizeHint().width() <= 1366
        seen["modal"] = dialog.isModal()
        decide(dialog)

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(book), ""))
    shown = when_modal(importing.ConflictDialog, answer)
    next(a for a in window.import_menu.actions() if a.data() == "scores").trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)  # the preview was shown
    settle(qtbot, window)
    return seen


def test_the_preview_lists_each_appraisal_and_keeping_them_writes_the_rest(
        qtbot, small_demo, conflict, boxes, monkeypatch):
    book, leaf, other, before = conflict
    window = open_window(qtbot, small_demo, size=(1366, 768))

    def keep(dialog):
        assert dialog.keep_radio.isChecked()  # the safe choice is the default
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    seen = import_deciding(window, qtbot, monkeypatch, book, keep)
    assert seen["file untouched"] and seen["fits"] and seen["modal"]
    current = before[leaf.code]["appraisal_points"]
    assert seen["rows"] == [["Điểm!2", "SYT — Sở Y tế", leaf.code, "1", num(current),
                             before[leaf.code]["appraisal_note"], "0,00",
                             "Không có tài liệu kiểm chứng", f"Giữ {num(current)}"]]
    with Store.open(small_demo, readonly=True) as store:
        assert store.score("SYT", leaf.code) == before[leaf.code]  # kept
        assert store.score("SYT", other.code)["explanation"] == "Đã bổ sung kế hoạch"
    kind, _title, text, details = boxes[-1]
    assert kind == "information" and "Giữ nguyên 1 điểm thẩm định" in text
    assert "--overwrite" not in text + details  # a command-line switch means nothing here
    assert f"tiêu chí {leaf.code}" in details
    assert window.undo_stack.count() == 1


def test_replacing_them_is_one_undo_step(qtbot, small_demo, conflict, boxes, monkeypatch):
    book, leaf, other, before = conflict
    window = open_window(qtbot, small_demo, size=(1366, 768))
    outcomes = []

    def overwrite(dialog):
        radio = dialog.overwrite_radio  # clicked on its indicator, as a user would
        qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
        outcomes.append(dialog.table.item(0, importing.F_OUTCOME).text())
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    import_deciding(window, qtbot, monkeypatch, book, overwrite)
    assert outcomes == ["Thay bằng 0,00"]
    with Store.open(small_demo, readonly=True) as store:
        assert store.score("SYT", leaf.code)["appraisal_points"] == 0
        assert store.score("SYT", leaf.code)["appraisal_note"] == "Không có tài liệu kiểm chứng"
        assert store.score("SYT", other.code)["explanation"] == "Đã bổ sung kế hoạch"
    assert "Đã ghi đè 1 điểm thẩm định" in boxes[-1][2]
    assert window.unit_texts("SYT")[U_TOTAL] == num(result_of(evaluate(small_demo), "SYT").published_total)
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()  # the replaced appraisal and the other change, together
    settle(qtbot, window)
    with Store.open(small_demo, readonly=True) as store:
        assert {c: store.score("SYT", c) for c in before} == before


def test_cancelling_the_preview_writes_nothing(qtbot, small_demo, conflict, boxes,
                                               monkeypatch):
    book, *_ = conflict
    window = open_window(qtbot, small_demo, size=(1366, 768))
    digest = sha(small_demo)

    def cancel(dialog):
        button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Hủy")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    import_deciding(window, qtbot, monkeypatch, book, cancel)
    assert sha(small_demo) == digest
    assert boxes == [("information", "Nhập dữ liệu", CANCELLED + ".", "")]
    assert window.undo_stack.count() == 0


# -- a file with errors -----------------------------------------------------------------------

def test_a_file_with_errors_changes_nothing_and_lists_every_error(qtbot, window, small_demo, demo,
                                                                  tmp_path, boxes):
    units, tree, _ = demo
    leaf = self_leaves(tree, units["SYT"])[0]
    book = workbook(tmp_path / "loi.xlsx", [
        ["XYZ", leaf.code, 0],
        ["SYT", "99.99", 0],
    ])
    digest = sha(small_demo)
    totals = {code: window.unit_texts(code)[U_TOTAL] for code in window.scoring.units.items}

    assert imported(qtbot, window, "scores", book) is None

    assert len(boxes) == 1
    kind, title, text, details = boxes[0]
    assert kind == "warning" and title == "Không nhập được dữ liệu"
    assert text == "loi.xlsx: 2 lỗi, không có dữ liệu nào được nhập"
    assert details.splitlines() == [
        "Điểm!A2: không có đơn vị mã «XYZ» trong kỳ đánh giá",
        "Điểm!B3: không có tiêu chí mã «99.99» trong bộ chỉ số"]
    assert "Traceback" not in text + details
    assert sha(small_demo) == digest
    # still usable: same numbers, selection works, and a good file imports afterwards
    assert {code: window.unit_texts(code)[U_TOTAL] for code in window.scoring.units.items} == totals
    assert window.select_unit("SYT")
    assert window.import_menu.isEnabled()
    good = workbook(tmp_path / "dung.xlsx", [["SYT", leaf.code, None, "Giải trình mới"]])
    assert imported(qtbot, window, "scores", good) is not None


def test_a_missing_sheet_is_reported_without_a_traceback(qtbot, window, small_demo, tmp_path, boxes):
    book = tmp_path / "trong.xlsx"
    Workbook().save(book)
    digest = sha(small_demo)
    assert imported(qtbot, window, "units", book) is None
    kind, _title, text, details = boxes[0]
    assert kind == "warning" and text and "Traceback" not in text + details
    assert sha(small_demo) == digest


def test_a_damaged_or_hostile_workbook_is_refused_in_one_line(qtbot, window, small_demo, tmp_path,
                                                              boxes):
    digest = sha(small_demo)
    nan = book_with(tmp_path, data_row(2, '<c r="C2"><v>NaN</v></c>'))
    bomb = rewrite(good_book(tmp_path / "base.xlsx"), tmp_path / "bom.xlsx",
                   {SHEET: padded_sheet(30)})
    assert imported(qtbot, window, "scores", nan) is None
    assert imported(qtbot, window, "scores", bomb) is None
    assert [(kind, title, details) for kind, title, _text, details in boxes] == [
        ("warning", "Không nhập được dữ liệu", "")] * 2  # one line says it all
    assert boxes[0][2] == "diem.xlsx: Điểm!C2: «NaN» không phải là số"
    assert boxes[1][2].startswith(f"bom.xlsx: phần {SHEET} giải nén ra 30 MB từ ")
    assert boxes[1][2].endswith("(bom nén)")
    assert sha(small_demo) == digest
    assert window.import_menu.isEnabled() and window.select_unit("SYT")


def test_an_xls_that_kills_its_reader_is_refused_and_the_window_lives_on(qtbot, window,
                                                                         small_demo, tmp_path,
                                                                         boxes):
    """Read from the window's file thread, the .xls on which calamine aborts its process is
    read first by a throwaway one: the window says so in one line and goes on."""
    digest = sha(small_demo)
    damaged = tmp_path / "hong.xls"
    shutil.copy(Path(__file__).parent / "fixtures" / "calamine-het-bo-nho.xls", damaged)
    assert imported(qtbot, window, "scores", damaged) is None
    assert [(kind, title, text, details) for kind, title, text, details in boxes] == [
        ("warning", "Không nhập được dữ liệu",
         "hong.xls: không đọc được sổ tính (tệp bị hỏng: trình đọc .xls dừng đột ngột)", "")]
    assert sha(small_demo) == digest
    assert window.import_menu.isEnabled() and window.select_unit("SYT")


# -- cancelling -------------------------------------------------------------------------------

def no_journal(path: Path) -> bool:
    return not Path(f"{path}-journal").exists()


def test_cancel_flag_set_on_progress_rolls_back(qtbot, window, small_demo, big_file,
                                                monkeypatch, boxes):
    digest = sha(small_demo)
    totals = {code: window.unit_texts(code)[U_TOTAL] for code in window.scoring.units.items}
    # set on the file thread as progress is reported: no race with the commit
    on_progress(monkeypatch, lambda work: work.op.cancel())

    assert imported(qtbot, window, "scores", big_file) is None

    assert boxes == [("information", "Nhập dữ liệu", CANCELLED + ".", "")]
    assert sha(small_demo) == digest
    assert no_journal(small_demo)
    assert {code: window.unit_texts(code)[U_TOTAL] for code in window.scoring.units.items} == totals
    assert window.import_menu.isEnabled() and not window.read_only


def test_cancel_button_in_the_status_bar(window, qtbot, small_demo, big_file, monkeypatch,
                                         boxes):
    digest = sha(small_demo)
    clicked = threading.Event()
    on_progress(monkeypatch, lambda work: clicked.wait(10))  # the transaction stays open
    ended = []
    assert window.import_excel("scores", big_file, None, ended.append)
    status = window.ops.status
    qtbot.waitUntil(status.isVisible)  # after a moment: a quick import never flashes it
    assert status.label.text() == "Đang nhập «Điểm» từ diem-tat-ca.xlsx…"
    assert not window.import_menu.isEnabled() and window.editor.is_read_only()
    qtbot.mouseClick(status.cancel_button, Qt.MouseButton.LeftButton)
    clicked.set()
    qtbot.waitUntil(lambda: bool(ended))
    assert ended == [None]
    assert boxes == [("information", "Nhập dữ liệu", CANCELLED + ".", "")]
    assert sha(small_demo) == digest
    assert no_journal(small_demo)
    assert not status.isVisible() and window.import_menu.isEnabled()


def test_cancel_ends_the_reading_of_an_xls_that_does_not_finish(window, qtbot, small_demo,
                                                                tmp_path, boxes):
    """A damaged .xls on which the reader loops: the cancel button ends it at once, and the
    window is writable again, with nothing changed."""
    import multiprocessing
    digest = sha(small_demo)
    damaged = tmp_path / "vong.xls"
    shutil.copy(Path(__file__).parent / "fixtures" / "calamine-vong-lap.xls", damaged)
    ended = []
    assert window.import_excel("scores", damaged, None, ended.append)
    status = window.ops.status
    qtbot.waitUntil(status.isVisible)
    assert multiprocessing.active_children() != []  # the reader, still at it
    qtbot.mouseClick(status.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(ended))
    assert ended == [None]
    assert boxes == [("information", "Nhập dữ liệu", CANCELLED + ".", "")]
    assert multiprocessing.active_children() == []
    assert sha(small_demo) == digest
    assert window.import_menu.isEnabled() and not window.read_only


def test_closing_the_window_cancels_the_import_then_closes(window, qtbot, small_demo, big_file,
                                                           monkeypatch, boxes):
    digest = sha(small_demo)
    reached, asked = threading.Event(), threading.Event()
    # the transaction under way, and kept open until the close
    on_progress(monkeypatch, lambda work: (reached.set(), asked.wait(10)))
    assert window.import_excel("scores", big_file)
    qtbot.waitUntil(reached.is_set)
    closed = window.close()
    message = window.statusBar().currentMessage()
    asked.set()
    assert not closed
    assert message == ("Đang nhập «Điểm» từ diem-tat-ca.xlsx: đang hủy; cửa sổ sẽ đóng khi "
                       "đã hủy xong, không có gì bị ghi dở.")
    qtbot.waitUntil(lambda: not window.isVisible())
    assert boxes == [("information", "Nhập dữ liệu", CANCELLED + ".", "")]
    assert sha(small_demo) == digest and no_journal(small_demo)


# -- the GUI thread stays live ----------------------------------------------------------------

def test_gui_thread_keeps_running_during_the_import(qtbot, window, small_demo, big_file,
                                                    monkeypatch, boxes):
    ticks = [0]
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    timer.start()
    seen: dict[str, int] = {}
    from parapp.core.interchange import importer
    apply = importer.apply_plan

    def timed(*args, **kwargs):  # on the file thread: GUI ticks counted from start to end
        seen["start"] = ticks[0]
        try:
            return apply(*args, **kwargs)
        finally:
            seen["end"] = ticks[0]
    monkeypatch.setattr(importer, "apply_plan", timed)
    report = imported(qtbot, window, "scores", big_file)
    timer.stop()
    assert report is not None and report.changed > 400
    assert seen["end"] - seen["start"] > 0
    expected = evaluate(small_demo)
    for code in window.scoring.units.items:
        assert window.unit_texts(code)[U_TOTAL] == num(result_of(expected, code).published_total)


def test_a_units_import_is_one_undo_step(qtbot, window, small_demo, tmp_path, boxes):
    wb = Workbook()
    ws = wb.active
    ws.title = "Đơn vị"
    ws.append(["Mã đơn vị", "Tên đơn vị", "Khối", "Người đứng đầu", "Chức vụ"])
    ws.append(["SYT", "Sở Y tế", "SO", "Đỗ Minh Châu", "Giám đốc"])
    ws.append(["SMOI", "Sở Khoa học và Công nghệ", "SO", "Lê Văn Bình", "Giám đốc"])
    wb.save(tmp_path / "don-vi.xlsx")
    with Store.open(small_demo, readonly=True) as store:
        before = {u.code: u.head_name for u in store.units()}
    report = imported(qtbot, window, "units", tmp_path / "don-vi.xlsx")
    assert report is not None and report.created == {"blocks": 0, "units": 1}
    assert window.select_unit("SMOI")  # the new unit is listed
    assert window.undo_stack.undoText() == "Nhập từ don-vi.xlsx"
    window.undo_stack.undo()
    settle(qtbot, window)
    with Store.open(small_demo, readonly=True) as store:
        assert {u.code: u.head_name for u in store.units()} == before
    assert not window.select_unit("SMOI")  # gone from the list as well
    window.undo_stack.redo()
    settle(qtbot, window)
    with Store.open(small_demo, readonly=True) as store:
        heads = {u.code: u.head_name for u in store.units()}
    assert heads["SYT"] == "Đỗ Minh Châu" and heads["SMOI"] == "Lê Văn Bình"
    assert window.select_unit("SMOI")
