"""Editing in the main window, driven offscreen with pytest-qt through real widgets: clicks on
the left list and the criteria tree, typing in the score editor, Enter, Ctrl+Z / Ctrl+Shift+Z,
Ctrl+F, menus. Expected values come from a fresh `Store.open(path, readonly=True)` and `fmt`,
never from the window's own code. Message boxes are recorded instead of shown.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox
from qt_helpers import open_file, settle_all, type_text

from parapp.core.classification import counts
from parapp.core.criteria import Source, check_points
from parapp.core.evaluation import evaluate
from parapp.core.lock import lock_path
from parapp.core.numbers import canonical, fmt
from parapp.core.settings import PeriodSettings
from parapp.core.store import Store
from parapp.ui import app as gui_app
from parapp.ui import app_settings, errors
from parapp.ui.criteria_model import CODE_ROLE, DEDUCTED, STATUS_ROLE
from parapp.ui.dashboard import R_CODE, R_INDEX, R_RANK, R_TOTAL
from parapp.ui.main_window import MainWindow
from parapp.ui.scoring import C_DIFF, C_POINTS, C_SELF
from parapp.ui.theme import is_dark
from parapp.ui.unit_list import U_INDEX, U_RANK, U_TOTAL

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parent.parent
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def num(value) -> str:
    return fmt(value, 2, comma=True)


def fold(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


class Fresh:
    """The file as a new reader sees it, once the window's writes have ended: evaluated
    period, snapshot, tree, units by code."""

    def __init__(self, path: Path, settings: PeriodSettings | None = None):
        settle_all()
        with Store.open(path, readonly=True) as store:
            self.snapshot = store.snapshot()
            if settings is not None:
                self.snapshot = replace(self.snapshot, settings=settings)
            self.result = evaluate(self.snapshot)
            self.settings = store.settings()
        self.tree = self.snapshot.tree
        self.units = {u.code: u for u in self.snapshot.units}

    def unit(self, code: str):
        return self.result.results[self.units[code].key]

    def row(self, code: str):
        return self.result.rank_row(self.units[code].key)


def score_of(path: Path, unit: str, criterion: str) -> dict:
    settle_all()
    with Store.open(path, readonly=True) as store:
        return store.score(unit, criterion)


def typed(value: Decimal | None) -> str:
    """A stored score as the editor shows it: exact, decimal comma, at least the demo's two
    decimals ('0,50' beside '/ 0,50')."""
    if value is None:
        return ""
    whole, _, decimals = canonical(value).partition(".")
    return f"{whole},{decimals.ljust(2, '0')}"




@pytest.fixture
def boxes(monkeypatch):
    """Message boxes recorded as (kind, title, text) instead of shown (they would block)."""
    calls: list[tuple[str, str, str]] = []

    def recorder(kind, answer=QMessageBox.StandardButton.Ok):
        def fake(parent, title, text, *args, **kwargs):
            calls.append((kind, title, text))
            return answer
        return fake

    monkeypatch.setattr(QMessageBox, "warning", recorder("warning"))
    monkeypatch.setattr(QMessageBox, "information", recorder("information"))
    monkeypatch.setattr(QMessageBox, "question",
                        recorder("question", QMessageBox.StandardButton.Discard))
    return calls


def make_window(qtbot, path: Path, size=(1280, 800)) -> MainWindow:
    w = MainWindow()
    qtbot.addWidget(w)
    assert open_file(qtbot, w, path)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)
    return w


@pytest.fixture
def window(qtbot, small_demo, boxes):
    w = make_window(qtbot, small_demo)
    assert boxes == []
    return w


# -- driving the views like a user ------------------------------------------------------------

def walk(model, parent=QModelIndex()):
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from walk(model, index)


def unit_index(window, code: str) -> QModelIndex:
    found = [i for i in walk(window.unit_view.model()) if i.data(CODE_ROLE) == code]
    assert len(found) == 1, f"unit {code} shown {len(found)} times"
    return found[0]


def click_unit(qtbot, window, code: str) -> None:
    index = unit_index(window, code)
    window.unit_view.scrollTo(index)
    qtbot.mouseClick(window.unit_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.unit_view.visualRect(index).center())
    assert window.current_unit_code == code


def criterion_index(window, code: str) -> QModelIndex:
    found = [i for i in walk(window.criteria_view.model()) if i.data(CODE_ROLE) == code]
    assert len(found) == 1, f"criterion {code} shown {len(found)} times"
    return found[0]


def click_criterion(qtbot, window, code: str) -> None:
    view = window.criteria_view
    index = criterion_index(window, code)
    parent = index.parent()
    while parent.isValid():  # what a user does first: open the branch
        view.expand(parent)
        parent = parent.parent()
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index.siblingAtColumn(1)).center())
    assert view.currentIndex().siblingAtColumn(0).data(CODE_ROLE) == code


def criteria_cells(window, code: str) -> list[str]:
    settle_all()  # what the person sees once the edit is written
    index = criterion_index(window, code)
    return [index.siblingAtColumn(c).data() for c in range(window.criteria_view.model()
                                                           .columnCount())]


def dashboard_row(window, code: str) -> dict[int, str]:
    settle_all()
    model = window.dashboard.model
    for i in range(model.rowCount()):
        if model.text(i, R_CODE) == code:
            return {c: model.text(i, c) for c in (R_TOTAL, R_INDEX, R_RANK)}
    raise AssertionError(f"{code} not in the dashboard's table")


def self_leaves(fresh: Fresh, code: str):
    """Applicable self-scored leaves of a unit, in tree order."""
    r = fresh.unit(code)
    return [fresh.tree.nodes[k] for k in fresh.tree.preorder if k in r.node_max
            and fresh.tree.is_leaf(k) and fresh.tree.nodes[k].source is Source.SELF]


def assert_views_match(window, path: Path, code: str, area_code: str) -> Fresh:
    """Left list, criteria roll-up of one area, summary and dashboard row of a unit equal a
    fresh evaluation of the file."""
    fresh = Fresh(path)
    r, row = fresh.unit(code), fresh.row(code)
    rank = str(row.rank) if row.rank is not None else "—"
    assert window.unit_texts(code)[1:] == [num(r.published_total), num(r.published_index), rank]
    shown = [unit_index(window, code).siblingAtColumn(c).data()
             for c in (U_TOTAL, U_INDEX, U_RANK)]
    assert shown == [num(r.published_total), num(r.published_index), rank]
    if window.current_unit_code == code:
        area = fresh.tree.by_code[area_code].key
        cells = criteria_cells(window, area_code)
        assert cells[C_POINTS] == num(r.node_points[area])
        assert cells[C_SELF] == num(r.node_self[area])
        assert window.ui.totalLabel.text().startswith(num(r.published_total))
    # the dashboard is brought up to date when its tab is shown
    focus, tab = QApplication.focusWidget(), window.tabs.currentIndex()
    window.tabs.setCurrentWidget(window.ui.dashboardTab)
    assert window.dashboard.current_block() == fresh.units[window.current_unit_code].block
    window.dashboard.select_block(r.unit.block)
    assert dashboard_row(window, code) == {R_TOTAL: num(r.published_total), R_INDEX: num(r.published_index),
                                           R_RANK: rank}
    window.tabs.setCurrentIndex(tab)
    if focus is not None:
        focus.setFocus()
    return fresh


def deductible_leaf(fresh: Fresh, code: str):
    """A leaf the council has appraised equal to the self score, which 0 may replace."""
    block = fresh.units[code].block
    scores = fresh.units[code].scores
    return next(n for n in self_leaves(fresh, code)
                if scores.get(n.key) and scores[n.key].self_points
                and scores[n.key].self_points > 0
                and scores[n.key].appraisal == scores[n.key].self_points
                and check_points(n, block, Decimal(0)) is None)


def area_of(fresh: Fresh, key: str) -> str:
    while fresh.tree.nodes[key].parent in fresh.tree.nodes:
        key = fresh.tree.nodes[key].parent
    return fresh.tree.nodes[key].code


def appraise_zero(qtbot, window, unit: str, leaf: str, reason: str) -> None:
    """Select the unit and the leaf by clicks, type the reason and 0 points, press Enter."""
    click_unit(qtbot, window, unit)
    click_criterion(qtbot, window, leaf)
    editor = window.editor
    assert editor.unit_code == unit and editor.criterion_code == leaf
    assert not editor.is_read_only()
    qtbot.mouseClick(editor.appraisal_note.viewport(), Qt.MouseButton.LeftButton)
    type_text(qtbot, editor.appraisal_note, reason)
    qtbot.mouseClick(editor.appraisal_score, Qt.MouseButton.LeftButton)
    qtbot.keyClick(editor.appraisal_score, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(editor.appraisal_score, "0")
    qtbot.keyClick(editor.appraisal_score, Qt.Key.Key_Return)
    settle_all()


def appraise_lower(qtbot, window, small_demo):
    """Give one of SYT's leaves a reason and a lower appraisal, through the editor."""
    fresh = Fresh(small_demo)
    leaf = deductible_leaf(fresh, "SYT")
    appraise_zero(qtbot, window, "SYT", leaf.code, "Thiếu biên bản kiểm tra")
    return fresh, leaf


# -- 1, 2: an appraisal, then undo and redo ---------------------------------------------------

def test_appraisal_updates_list_rollups_and_dashboard(qtbot, window, small_demo, boxes):
    before, leaf = appraise_lower(qtbot, window, small_demo)
    stored = score_of(small_demo, "SYT", leaf.code)
    assert stored["appraisal_points"] == 0
    assert stored["appraisal_note"] == "Thiếu biên bản kiểm tra"
    area = area_of(before, leaf.key)
    after = assert_views_match(window, small_demo, "SYT", area)
    r = after.unit("SYT")
    assert r.total < before.unit("SYT").total
    # the edited leaf shows the deduction; Enter moved on to the next leaf
    cells = criteria_cells(window, leaf.code)
    assert cells[C_POINTS] == num(Decimal(0)) and cells[C_DIFF] == num(-r.node_self[leaf.key])
    assert DEDUCTED in criterion_index(window, leaf.code).data(STATUS_ROLE)
    nxt = self_leaves(after, "SYT")
    assert window.editor.criterion_code == nxt[[n.code for n in nxt].index(leaf.code) + 1].code
    assert window.ui.actionUndo.isEnabled()
    assert window.ui.actionUndo.text().replace("&", "") == \
        f"Hoàn tác: Sửa điểm SYT, tiêu chí {leaf.code}"
    assert boxes == []


def test_ctrl_z_undoes_and_ctrl_shift_z_redoes(qtbot, window, small_demo):
    before, leaf = appraise_lower(qtbot, window, small_demo)
    old = before.units["SYT"].scores[leaf.key].appraisal
    area = area_of(before, leaf.key)
    # leaving the note for the score field committed the note; Enter the points: two steps
    assert window.undo_stack.count() == 2
    edited = Fresh(small_demo).unit("SYT").total

    # typed where the cursor is, in the score field: it has no typing of its own to undo
    # (what it shows is stored), so the window's undo gets the key
    field = QApplication.focusWidget()
    assert field is window.editor.appraisal_score and not field.isUndoAvailable()
    shown = field.text()
    qtbot.keyClicks(field, "9")  # typing of its own: Ctrl+Z undoes that first, in the field
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert field.text() == shown and window.undo_stack.index() == 2
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert score_of(small_demo, "SYT", leaf.code)["appraisal_points"] == old
    assert_views_match(window, small_demo, "SYT", area)
    assert window.editor.criterion_code == leaf.code  # undo shows where it happened
    assert window.editor.appraisal_score.text() == typed(old)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert score_of(small_demo, "SYT", leaf.code)["appraisal_note"] == ""
    assert Fresh(small_demo).unit("SYT").total == before.unit("SYT").total
    assert not window.ui.actionUndo.isEnabled()

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL | SHIFT)
    stored = score_of(small_demo, "SYT", leaf.code)
    assert (stored["appraisal_points"], stored["appraisal_note"]) == (0, "Thiếu biên bản kiểm tra")
    fresh = assert_views_match(window, small_demo, "SYT", area)
    assert fresh.unit("SYT").total == edited
    assert window.editor.appraisal_score.text() == "0,00"
    assert not window.ui.actionRedo.isEnabled()


def test_ctrl_z_in_any_entry_field_undoes_the_last_entry(qtbot, window, small_demo):
    """The expected points and the figures are entry fields too: with nothing typed there,
    Ctrl+Z is the window's undo (it did nothing in them)."""
    before, leaf = appraise_lower(qtbot, window, small_demo)
    old = before.units["SYT"].scores[leaf.key].appraisal
    field = window.editor.expected
    field.setFocus()
    assert QApplication.focusWidget() is field and not field.isUndoAvailable()
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    settle_all()
    assert score_of(small_demo, "SYT", leaf.code)["appraisal_points"] == old


# -- 3: keyboard entry ------------------------------------------------------------------------

def test_keyboard_entry_score_enter_next(qtbot, window, small_demo):
    fresh = Fresh(small_demo)
    unit = "X004"
    leaves = self_leaves(fresh, unit)[:4]
    scores, block = fresh.units[unit].scores, fresh.units[unit].block
    click_unit(qtbot, window, unit)
    click_criterion(qtbot, window, leaves[0].code)
    qtbot.keyClick(window.criteria_view, Qt.Key.Key_Return)  # into the score field
    assert QApplication.focusWidget() is window.editor.self_score
    typed = {}
    for node in leaves[:3]:
        assert window.editor.criterion_code == node.code
        field = window.editor.self_score
        assert field.selectedText() == field.text()  # typing replaces the value shown
        current = scores[node.key].self_points if node.key in scores else None
        value = next(v for v in (node.max_for(block), Decimal(0), node.max_for(block) / 2)
                     if v != current and check_points(node, block, v) is None)
        text = fmt(value, 2, comma=True)
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        settle_all()  # the write back before the next key: the next score still selected
        typed[node.code] = value
    assert window.editor.criterion_code == leaves[3].code  # the cursor moved on each time
    assert QApplication.focusWidget() is window.editor.self_score
    for code, value in typed.items():
        assert score_of(small_demo, unit, code)["self_points"] == value
    assert_views_match(window, small_demo, unit, area_of(fresh, leaves[0].key))
    assert window.undo_stack.count() == 3


def test_score_tab_reason_enter_goes_on_in_the_next_score_field(qtbot, window, small_demo):
    """The appraisal entered by keys the other way round: the score, Tab to the reason, the
    reason, Enter. The next leaf comes up with the cursor in its score field, not in its
    reason: what is typed next is that leaf's score, and its reason is left as it was."""
    fresh = Fresh(small_demo)
    leaf = deductible_leaf(fresh, "SYT")
    click_unit(qtbot, window, "SYT")
    click_criterion(qtbot, window, leaf.code)
    editor = window.editor
    try:
        qtbot.mouseClick(editor.appraisal_score, Qt.MouseButton.LeftButton)
        qtbot.keyClick(editor.appraisal_score, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(editor.appraisal_score, "0")
        qtbot.keyClick(editor.appraisal_score, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is editor.appraisal_note
        qtbot.keyClick(editor.appraisal_note, Qt.Key.Key_A, CTRL)
        type_text(qtbot, editor.appraisal_note, "Thiếu biên bản kiểm tra")
        qtbot.keyClick(editor.appraisal_note, Qt.Key.Key_Return)
        settle_all()
        stored = score_of(small_demo, "SYT", leaf.code)
        assert (stored["appraisal_points"], stored["appraisal_note"]) == (
            0, "Thiếu biên bản kiểm tra")
        after = editor.criterion_code
        assert after != leaf.code and QApplication.focusWidget() is editor.appraisal_score
        before = score_of(small_demo, "SYT", after)["appraisal_note"]
        qtbot.keyClicks(QApplication.focusWidget(), "8")
        assert editor.appraisal_score.text() == "8"
        assert editor.appraisal_note.toPlainText() == before
    finally:
        editor.revert_all()  # what was typed last is not kept (closing would ask)


def test_next_wraps_to_the_first_leaf(qtbot, window, small_demo):
    fresh = Fresh(small_demo)
    leaves = self_leaves(fresh, "SYT")
    click_unit(qtbot, window, "SYT")
    assert window.select_criterion(leaves[-1].code)
    window.editor.next_requested.emit()
    assert window.editor.criterion_code == leaves[0].code


# -- 4, 5: persistence and the lock -----------------------------------------------------------

def test_values_persist_after_closing_and_the_lock_is_released(qtbot, small_demo, boxes):
    first = make_window(qtbot, small_demo)
    assert lock_path(small_demo).exists()
    fresh = Fresh(small_demo)
    node = self_leaves(fresh, "SYT")[0]
    block = fresh.units["SYT"].block
    click_unit(qtbot, first, "SYT")
    click_criterion(qtbot, first, node.code)
    qtbot.keyClick(first.criteria_view, Qt.Key.Key_Return)
    current = fresh.units["SYT"].scores[node.key].self_points
    value = next(v for v in (node.max_for(block), Decimal(0)) if v != current
                 and check_points(node, block, v) is None)
    qtbot.keyClicks(first.editor.self_score, fmt(value, 2, comma=True))
    # the value typed, not yet entered, is committed on close; the window closes once written
    first.close()
    qtbot.waitUntil(lambda: not first.isVisible())
    assert not lock_path(small_demo).exists()

    second = make_window(qtbot, small_demo)
    assert not second.store.readonly and boxes == []
    assert score_of(small_demo, "SYT", node.code)["self_points"] == value
    click_unit(qtbot, second, "SYT")
    click_criterion(qtbot, second, node.code)
    assert second.editor.self_score.text() == typed(value)
    assert_views_match(second, small_demo, "SYT", area_of(fresh, node.key))


def test_second_window_on_a_locked_file_is_read_only(qtbot, window, small_demo, boxes):
    digest = small_demo.read_bytes()
    second = make_window(qtbot, small_demo)
    owner = json.loads(lock_path(small_demo).read_text("utf-8"))
    who = f"{owner['user']} trên máy {owner['host']}"
    assert [b[:2] for b in boxes] == [("information", "Mở ở chế độ chỉ xem")]
    assert f"{small_demo.name} đang được {who} mở để chỉnh sửa" in boxes[0][2]
    assert second.store.readonly
    assert second.windowTitle().endswith(" (chỉ xem)")
    assert second.mode_label.text() == f"Chỉ xem — {who}"
    assert not second.import_menu.isEnabled()
    assert not second.ui.actionSettings.isEnabled()
    assert not second.dashboard.settings_button.isEnabled()
    click_unit(qtbot, second, "SYT")
    leaf = self_leaves(Fresh(small_demo), "SYT")[0]
    click_criterion(qtbot, second, leaf.code)
    editor = second.editor
    assert editor.is_read_only() and editor.self_score.isReadOnly()
    qtbot.keyClicks(editor.self_score, "1")
    qtbot.keyClick(editor.self_score, Qt.Key.Key_Return)
    assert small_demo.read_bytes() == digest and second.undo_stack.count() == 0
    second.close()
    assert lock_path(small_demo).exists()  # still the first window's
    assert not window.store.readonly


def test_a_lock_held_on_another_machine_and_an_unwritable_file(qtbot, small_demo, boxes,
                                                                monkeypatch):
    lock_path(small_demo).write_text(json.dumps({"user": "thu.ky", "host": "may-khac",
                                                 "pid": 1}), encoding="utf-8")
    w = make_window(qtbot, small_demo)
    assert w.store.readonly and w.mode_label.text() == "Chỉ xem — thu.ky trên máy may-khac"
    assert "thu.ky trên máy may-khac" in boxes[-1][2]
    w.close()
    assert lock_path(small_demo).exists()  # not ours to remove
    lock_path(small_demo).unlink()

    monkeypatch.setattr(os, "access", lambda path, mode, **kw: mode != os.W_OK)
    w = make_window(qtbot, small_demo)
    assert w.store.readonly and w.mode_label.text() == "Chỉ xem — không có quyền ghi"
    assert boxes[-1][2] == (f"{small_demo}: không có quyền ghi vào tệp: tệp được mở ở chế độ "
                            "chỉ xem.")
    assert not lock_path(small_demo).exists()


# -- 6, 7: filters ----------------------------------------------------------------------------

def shown_units(window) -> list[str]:
    return [i.data() for i in walk(window.unit_view.model()) if i.data(CODE_ROLE)]


def test_unit_filter_is_accent_insensitive_and_ctrl_f_focuses_it(qtbot, window, small_demo):
    fresh = Fresh(small_demo)
    names = [u.name for u in fresh.units.values()]
    window.criteria_view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is window.unit_filter_edit
    assert window.unit_filter_edit.placeholderText() == "Lọc đơn vị…"

    qtbot.keyClicks(window.unit_filter_edit, "so y te")
    assert shown_units(window) == ["Sở Y tế"] == [n for n in names if "so y te" in fold(n)]
    window.unit_filter_edit.clear()
    type_text(qtbot, window.unit_filter_edit, "sở y")
    assert shown_units(window) == [n for n in names if "so y" in fold(n)]
    assert "Sở Y tế" in shown_units(window)
    qtbot.keyClick(window.unit_filter_edit, Qt.Key.Key_Return)  # the first match opens
    code = unit_code_of(fresh, shown_units(window)[0])
    assert window.current_unit_code == code
    assert QApplication.focusWidget() is window.unit_view
    qtbot.keyClick(window.unit_filter_edit, Qt.Key.Key_Escape)
    assert window.unit_filter_edit.text() == ""
    assert len(shown_units(window)) == len(names) == 26
    assert window.current_unit_code == code  # still selected, now among all

    # the rest by keyboard too: Enter into the criteria (the first leaf to score), Enter into
    # the score field
    window.editor.clear()
    window.criteria_view.selectionModel().clear()
    qtbot.keyClick(window.unit_view, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.criteria_view
    assert window.editor.criterion_code == self_leaves(fresh, code)[0].code
    qtbot.keyClick(window.criteria_view, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.editor.self_score


def unit_code_of(fresh: Fresh, name: str) -> str:
    return next(code for code, u in fresh.units.items() if u.name == name)


def test_deducted_filter_shows_only_deducted_leaves_and_their_ancestors(qtbot, window,
                                                                        small_demo):
    click_unit(qtbot, window, "SYT")
    combo = window.ui.criteriaFilterCombo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Tất cả", "Chưa thẩm định", "Bị trừ điểm", "Thiếu tài liệu kiểm chứng",
        "Lĩnh vực tôi phụ trách"]
    combo.setFocus()
    while combo.currentText() != "Bị trừ điểm":
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    fresh = Fresh(small_demo)
    unit = fresh.units["SYT"]
    r = fresh.unit("SYT")
    expected = {fresh.tree.nodes[k].code for k, s in unit.scores.items()
                if k in r.node_max and fresh.tree.is_leaf(k)
                and fresh.tree.nodes[k].source is Source.SELF and s.final is not None
                and s.self_points is not None and s.final < s.self_points}
    assert expected
    model = window.criteria_view.model()
    shown = list(walk(model))
    leaves = {i.data(CODE_ROLE) for i in shown if not model.hasChildren(i)}
    assert leaves == expected
    ancestors = set()
    for code in expected:
        key = fresh.tree.by_code[code].key
        while fresh.tree.nodes[key].parent in fresh.tree.nodes:
            key = fresh.tree.nodes[key].parent
            ancestors.add(fresh.tree.nodes[key].code)
    assert {i.data(CODE_ROLE) for i in shown} == expected | ancestors
    assert all(window.criteria_view.isExpanded(i) for i in shown if model.hasChildren(i))

    # an appraisal raised back to the self score leaves the filter at once
    code = sorted(expected)[0]
    click_criterion(qtbot, window, code)
    own = unit.scores[fresh.tree.by_code[code].key].self_points
    qtbot.mouseClick(window.editor.appraisal_score, Qt.MouseButton.LeftButton)
    qtbot.keyClick(window.editor.appraisal_score, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(window.editor.appraisal_score, str(own).replace(".", ","))
    qtbot.keyClick(window.editor.appraisal_score, Qt.Key.Key_Return)
    settle_all()
    left = {i.data(CODE_ROLE) for i in walk(model) if not model.hasChildren(i)}
    assert left == expected - {code}


def test_mine_filter_follows_the_member_chosen_and_remembers_it(qtbot, window, small_demo):
    fresh = Fresh(small_demo)
    click_unit(qtbot, window, "SYT")
    combo = window.ui.memberCombo
    with Store.open(small_demo, readonly=True) as store:
        members = store.members()
    assert combo.count() == len(members) + 1 and combo.currentData() is None
    member = next(m for m in members if any(fresh.tree.appraiser_of(k) == m.code
                                            for k in fresh.unit("SYT").node_max))
    combo.setCurrentIndex(combo.findData(member.code))
    filt = window.ui.criteriaFilterCombo
    filt.setCurrentIndex(filt.findText("Lĩnh vực tôi phụ trách"))
    model = window.criteria_view.model()
    leaves = {i.data(CODE_ROLE) for i in walk(model) if not model.hasChildren(i)}
    assert leaves == {fresh.tree.nodes[k].code for k in fresh.unit("SYT").node_max
                      if fresh.tree.is_leaf(k) and fresh.tree.appraiser_of(k) == member.code}
    assert app_settings().value("ui/member") == member.code
    again = make_window(qtbot, small_demo)
    assert again.ui.memberCombo.currentData() == member.code


# -- 8: settings ------------------------------------------------------------------------------

def counts_line(result, block: str) -> str:
    heads = [h for h in result.heads.values() if h.row.result.unit.block == block]
    return " · ".join(f"{g.label}: {n}" for g, n in counts(heads).items())


def test_settings_preview_cancel_and_ok(qtbot, window, small_demo):
    click_unit(qtbot, window, "SYT")
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert window.tabs.currentWidget() is window.ui.dashboardTab
    block = Fresh(small_demo).units["SYT"].block
    assert window.dashboard.current_block() == block  # the block of the unit selected
    saved = Fresh(small_demo)
    assert window.dashboard.counts_text() == counts_line(saved.result, block)
    values = saved.settings.values()
    bands = Fresh(small_demo, PeriodSettings.from_values(
        {**values, "classification": "nd335"}))
    assert counts_line(bands.result, block) != counts_line(saved.result, block)
    # the menu item and the dashboard's button open the same dialog
    window.ui.actionSettings.trigger()
    dialog = window.settings_dialog
    assert dialog is not None and dialog.isVisible() and dialog.isModal()
    combo = dialog.classification_combo
    combo.setCurrentIndex(combo.findData("nd335"))
    assert window.dashboard.counts_text() == counts_line(bands.result, block)  # live preview
    assert window.dashboard.preview_label.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert window.settings_dialog is None
    assert window.dashboard.counts_text() == counts_line(saved.result, block)
    assert not window.dashboard.preview_label.isVisible()
    assert Fresh(small_demo).settings.values()["classification"] == values["classification"]

    qtbot.mouseClick(window.dashboard.settings_button, Qt.MouseButton.LeftButton)
    dialog = window.settings_dialog
    dialog.classification_combo.setCurrentIndex(
        dialog.classification_combo.findData("nd335"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert window.settings_dialog is None
    settle_all()
    assert Fresh(small_demo).settings.values()["classification"] == "nd335"
    assert window.dashboard.counts_text() == counts_line(bands.result, block)
    assert not window.dashboard.preview_label.isVisible()
    assert window.ui.gradeLabel.text() == bands.result.heads[bands.units["SYT"].key].grade.label
    assert_views_match(window, small_demo, "SYT", "1")
    # saving the settings is one undo step, like an edit
    assert window.undo_stack.undoText() == "Thiết lập xếp hạng, xếp loại"
    qtbot.keyClick(window.unit_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert Fresh(small_demo).settings.values()["classification"] == values["classification"]
    assert window.dashboard.counts_text() == counts_line(saved.result, block)
    qtbot.keyClick(window.unit_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert Fresh(small_demo).settings.values()["classification"] == "nd335"
    assert window.dashboard.counts_text() == counts_line(bands.result, block)


def test_settings_preview_reranks_the_left_list(qtbot, window, small_demo):
    saved = Fresh(small_demo)
    values = saved.settings.values()
    window.open_settings()
    dialog = window.settings_dialog
    dialog.penalty_cap_edit.setText("0")  # deductions no longer count
    dialog.bonus_cap_edit.setText("0")
    capped = Fresh(small_demo, PeriodSettings.from_values(
        {**values, "penalty_cap": Decimal(0), "bonus_cap": Decimal(0)}))
    for code in capped.units:
        r, row = capped.unit(code), capped.row(code)
        assert window.unit_texts(code)[1:] == [
            num(r.published_total), num(r.published_index), str(row.rank) if row.rank is not None else "—"]
    dialog.reject()
    for code in saved.units:
        assert window.unit_texts(code)[U_TOTAL] == num(saved.unit(code).published_total)


# -- 9: appearance and language ---------------------------------------------------------------

@pytest.fixture
def restore_theme():
    app = QApplication.instance()
    style, palette = app.style().name(), app.palette()
    yield
    app.setStyle(style)
    app.setPalette(palette)


def test_theme_menu_applies_at_once_and_is_remembered(qtbot, window, restore_theme):
    ui = window.ui
    assert ui.menuView.title().replace("&", "") == "Hiển thị"
    assert [a.text().replace("&", "") for a in ui.menuTheme.actions()] == [
        "Theo hệ thống", "Sáng", "Tối"]
    ui.actionThemeDark.trigger()
    assert is_dark()
    assert ui.actionThemeDark.isChecked() and not ui.actionThemeLight.isChecked()
    assert app_settings().value("ui/theme") == "dark"
    ui.actionThemeLight.trigger()
    assert not is_dark() and not ui.actionThemeDark.isChecked()
    assert app_settings().value("ui/theme") == "light"


def test_language_is_remembered_for_the_next_start(qtbot, window):
    assert window.ui.actionLanguageVi.isChecked()
    window.ui.actionLanguageEn.trigger()
    assert app_settings().value("ui/language") == "en"
    assert "khi mở lại" in window.statusBar().currentMessage()
    assert window.ui.menuFile.title() == "&Tệp"  # not before the next start


def test_run_gui_applies_the_saved_theme_and_language(qtbot, tmp_path, monkeypatch,
                                                      restore_theme, small_demo, boxes):
    ts = tmp_path / "parapp_en.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" '
                  'language="en"><context><name>MainWindow</name><message><source>&amp;Tệp'
                  '</source><translation>&amp;File</translation></message></context></TS>',
                  encoding="utf-8")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), str(ts), "-qm", str(tmp_path / "parapp_en.qm")], check=True,
                   capture_output=True)
    monkeypatch.setattr(gui_app, "I18N_DIR", tmp_path)
    settings = app_settings()
    settings.setValue("ui/theme", "dark")
    settings.setValue("ui/language", "en")
    settings.sync()
    shown = []
    monkeypatch.setattr(gui_app, "open_initial", lambda path: shown.append(
        make_window(qtbot, small_demo)) or shown[-1])
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    app = QApplication.instance()
    try:
        assert gui_app.run_gui(None) == 0
        assert is_dark()
        assert shown[0].ui.menuFile.title() == "&File"
        assert QCoreApplication.translate("MainWindow", "&Mở…") == "&Mở…"  # untranslated: as is
        assert len(app.findChildren(errors.ErrorReporter)) == 1  # uncaught exceptions reported
    finally:
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
            translator.deleteLater()
        for reporter in app.findChildren(errors.ErrorReporter):  # later tests: pytest-qt's
            reporter.uninstall()
            reporter.deleteLater()
    # a language without a translation file: nothing installed from parapp, no error
    monkeypatch.setattr(gui_app, "I18N_DIR", tmp_path / "none")
    installed = gui_app.install_translations(app, "en")
    # by the file's name: the folder of Qt's own may be in a checkout named parapp
    assert all(not Path(t.filePath()).name.startswith("parapp_") for t in installed)
    for translator in installed:
        app.removeTranslator(translator)
    installed = gui_app.install_translations(app, "vi")  # Qt's own only, if Qt ships one
    assert all(not Path(t.filePath()).name.startswith("parapp_") for t in installed)
    for translator in installed:
        app.removeTranslator(translator)


# -- selection details ------------------------------------------------------------------------

def test_a_group_criterion_says_what_to_do_and_nothing_of_the_leaf_before(qtbot, window,
                                                                           small_demo):
    click_unit(qtbot, window, "SYT")
    fresh = Fresh(small_demo)
    leaf = next(n for n in self_leaves(fresh, "SYT") if n.guidance)
    click_criterion(qtbot, window, leaf.code)
    editor = window.editor
    assert editor.criterion_code == leaf.code and editor.guidance_label.isVisible()
    click_criterion(qtbot, window, "1")
    group = fresh.tree.by_code["1"]
    assert editor.title_label.text().startswith(f"<b>1</b>&nbsp; {group.name}")
    assert editor.info_label.text() == ("Tiêu chí này có tiêu chí con: chọn một tiêu chí thành "
                                        "phần để chấm điểm")
    assert editor.meta_label.text() == "Điểm tối đa: " + fmt(group.max_for(
        fresh.units["SYT"].block), 2, comma=True)
    assert not editor.guidance_label.isVisible() or leaf.guidance not in \
        editor.guidance_label.text()
    assert not editor.self_score.isEnabled() and not editor.add_button.isEnabled()
    # the criterion shown stays selected when another unit is chosen
    click_criterion(qtbot, window, leaf.code)
    click_unit(qtbot, window, "SNV")
    assert (editor.unit_code, editor.criterion_code) == ("SNV", leaf.code)
    # the criterion shown stays selected when another unit is chosen
    click_criterion(qtbot, window, leaf.code)
    click_unit(qtbot, window, "SNV")
    assert (window.editor.unit_code, window.editor.criterion_code) == ("SNV", leaf.code)


def test_dashboard_follows_edits_and_selects_units(qtbot, window, small_demo):
    click_unit(qtbot, window, "SYT")
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    fresh = Fresh(small_demo)
    block = fresh.units["SYT"].block
    assert window.dashboard.current_block() == block
    assert window.dashboard.current_unit() == fresh.units["SYT"].key
    # a click on another unit's row selects it everywhere (back in "Chấm điểm" it is shown)
    table = window.dashboard.table
    row = next(i for i in range(window.dashboard.model.rowCount())
               if window.dashboard.model.text(i, R_CODE) == "SNV")
    index = window.dashboard.model.index(row, 2)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(index).center())
    assert window.current_unit_code == "SNV"
    assert window.unit_view.currentIndex().siblingAtColumn(0).data(CODE_ROLE) == "SNV"
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    assert window.ui.unitNameLabel.text().startswith(fresh.unit("SNV").unit.name)


# -- 10: screenshots --------------------------------------------------------------------------

SHOT_SCRIPT = r"""
import os, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from parapp.ui.main_window import MainWindow
w = MainWindow()
w.open_path(sys.argv[1])
while not w.ops.idle:
    app.processEvents()
w.resize(int(sys.argv[3]), int(sys.argv[4]))
w.show()
app.processEvents()
w.select_unit("SYT")
w.select_criterion(sys.argv[5])
w.tabs.setCurrentIndex(0)
app.processEvents()
w.grab().save(sys.argv[2] + "/edit-150.png")
w.tabs.setCurrentIndex(1)
app.processEvents()
w.grab().save(sys.argv[2] + "/dash-tab-150.png")
w.close()
"""


def test_screenshots(shots, qtbot, small_demo, boxes, tmp_path):
    w = make_window(qtbot, small_demo, size=(1440, 900))
    fresh = Fresh(small_demo)
    leaf = deductible_leaf(fresh, "SYT")
    click_unit(qtbot, w, "SYT")
    click_criterion(qtbot, w, leaf.code)
    qtbot.wait(50)
    assert w.grab().save(str(shots / "edit.png"))
    w.tabs.setCurrentIndex(1)
    qtbot.wait(50)
    assert w.grab().save(str(shots / "dash-tab.png"))
    for name in ("edit.png", "dash-tab.png"):
        assert (shots / name).stat().st_size > 20_000

    # 150 % display scaling of a 1920 × 1080 screen: 1280 × 720 logical pixels, in a process
    # of its own (the factor is read at start)
    env = {**os.environ, "QT_SCALE_FACTOR": "1.5", "QT_QPA_PLATFORM": "offscreen",
           "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    w.close()
    proc = subprocess.run([sys.executable, "-c", SHOT_SCRIPT, str(small_demo), str(shots),
                           "1280", "720", leaf.code], env=env, capture_output=True, text=True,
                          timeout=60, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    for name in ("edit-150.png", "dash-tab-150.png"):
        assert (shots / name).stat().st_size > 20_000


# -- File menu: new from a workbook, recent files, save a copy, close ------------------------

def test_file_menu_new_recent_copy_close(qtbot, small_demo, tmp_path):
    import sqlite3 as _sqlite3

    from parapp.core.interchange.exporter import export_data
    from parapp.ui.document import recent_files
    from parapp.ui.main_window import MainWindow
    book = tmp_path / "bo-chi-so.xlsx"
    with Store.open(small_demo, readonly=True) as source:
        export_data(source, book)
    window = MainWindow()
    qtbot.addWidget(window)
    assert open_file(qtbot, window, small_demo)
    target = tmp_path / "2026.parapp"
    assert window.new_period(target, "Tỉnh Sơn Hà", 2026, book)
    settle_all()
    assert window.path == target and "2026" in window.windowTitle()
    assert [p.name for p in recent_files()][:2] == ["2026.parapp", "demo.parapp"]
    copy = tmp_path / "ban-sao.parapp"
    assert window.save_copy(copy)
    settle_all()
    con = _sqlite3.connect(copy)
    assert con.execute("SELECT count(*) FROM unit WHERE deleted = 0").fetchone() == (26,)
    con.close()
    assert window.close_file()
    settle_all()
    assert window.store is None
    assert not window.action_save_copy.isEnabled()
    assert not (tmp_path / ".~lock.2026.parapp#").exists()
    window.recent_menu.aboutToShow.emit()
    labels = [a.text() for a in window.recent_menu.actions()]
    assert labels[:2] == ["2026.parapp", "demo.parapp"]
    window.recent_menu.actions()[1].trigger()
    settle_all()
    assert window.path == small_demo


def assert_block_listed_as_ranked(window, path: Path, code: str) -> Fresh:
    """Every unit of `code`'s block is listed at its place with its figures, as a fresh
    evaluation ranks them (an edit refreshes only the rows between a unit's old and new place)."""
    fresh = Fresh(path)
    ranking = fresh.result.rankings[fresh.units[code].block]
    for place, row in enumerate(ranking.rows()):
        other = row.result.unit.code
        assert unit_index(window, other).row() == place
        assert window.unit_texts(other)[1:] == [
            num(row.result.published_total), num(row.result.published_index),
            str(row.rank) if row.rank is not None else "—"]
    return fresh


def test_an_edit_that_moves_a_unit_relists_every_unit_it_passes(qtbot, window, small_demo):
    before = Fresh(small_demo)
    block = before.units["SYT"].block
    first = before.result.rankings[block].rows()[0].result.unit.code  # to fall from the top
    scores = before.units[first].scores
    leaf = max((n for n in self_leaves(before, first)
                if scores.get(n.key) and scores[n.key].appraisal == scores[n.key].self_points
                and check_points(n, block, Decimal(0)) is None),
               key=lambda n: scores[n.key].self_points)
    appraise_zero(qtbot, window, first, leaf.code, "Không có báo cáo")
    after = assert_block_listed_as_ranked(window, small_demo, first)
    assert after.row(first).rank > 2  # it fell past others, which each moved up a place
    qtbot.keyClick(window.criteria_view, Qt.Key.Key_Z, CTRL)  # and back to the top
    settle_all()
    assert assert_block_listed_as_ranked(window, small_demo, first).row(first).rank == 1
