"""The main window (opening, the left list, the criteria tree, layout), driven offscreen with
pytest-qt. Editing, undo, locks, filters, settings and themes: test_gui_editing.py.

Expected values are computed here from `store.evaluate()` and formatted with `fmt`, never read
back from the window's own code.
"""
from __future__ import annotations

import shutil
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from parapp.core.errors import ParappError
from parapp.core.numbers import fmt
from parapp.core.store import Store
from parapp.ui import app as gui_app
from parapp.ui import app_settings
from parapp.ui.main_window import MainWindow
from parapp.ui.scoring import C_CODE, C_DIFF, C_MAX, C_NAME, C_POINTS, C_SELF
from parapp.ui.sizing import screen_key
from parapp.ui.unit_list import U_INDEX
from tests.qt_helpers import open_file, settle

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parent.parent


def num(value, places=2) -> str:
    return fmt(value, places, comma=True)


@pytest.fixture
def expected(small_demo):
    """Independent reference: the evaluated period, units and criteria tree of the demo."""
    with Store.open(small_demo, readonly=True) as store:
        assert store.settings().display_decimals == 2
        return store.evaluate(), store.units(), store.tree()


@pytest.fixture
def warnings(monkeypatch):
    """QMessageBox.warning recorded instead of shown (it would block)."""
    calls: list[tuple[str, str]] = []

    def fake(parent, title, text, *args, **kwargs):
        calls.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", fake)
    return calls


@pytest.fixture
def window(qtbot, small_demo, warnings):
    w = MainWindow()
    qtbot.addWidget(w)
    assert open_file(qtbot, w, small_demo)
    assert warnings == []
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def blocks_of(window):
    """(block index, [unit indexes]) of the left list as shown (after filtering and sorting)."""
    model = window.unit_view.model()
    for b in range(model.rowCount()):
        block = model.index(b, 0)
        yield block, [model.index(i, 0, block) for i in range(model.rowCount(block))]


def index_for(window, name: str):
    for _block, units in blocks_of(window):
        for index in units:
            if index.data() == name:
                return index
    raise AssertionError(f"no unit {name!r} in the left list")


def row_texts(index) -> list[str]:
    return [index.siblingAtColumn(c).data() for c in range(4)]


def rows(model, parent=QModelIndex()):
    for r in range(model.rowCount(parent)):
        yield r, parent
        yield from rows(model, model.index(r, 0, parent))


def test_title_names_the_file_and_the_period(window, small_demo):
    title = window.windowTitle()
    assert small_demo.name in title
    assert "Tỉnh Sơn Hà 2025" in title
    assert window.current_unit is not None  # the first unit is selected on open
    assert window.criteria_view.model().rowCount() > 0
    assert window.status_label.text() == "26 đơn vị · 3 khối · 155 tiêu chí"
    assert "chỉ xem" not in title and not window.store.readonly  # opened for editing
    assert window.mode_label.text() == "Đang chỉnh sửa"
    # a separator before each fact the bar shows, none before one it leaves empty
    assert [line.isVisible() for line in window._separators.values()] == [
        bool(window.phase_label.text()), True]
    assert [window.tabs.tabText(i).replace("&", "") for i in range(2)] == [
        "Chấm điểm", "Tổng hợp"]


def test_clicking_a_unit_shows_its_criteria_and_summary(window, expected, qtbot):
    result, units, tree = expected
    unit = next(u for u in units if u.code == "X004")  # a commune: not the unit shown first
    assert window.current_unit != unit.uuid
    index = index_for(window, unit.name)
    window.unit_view.scrollTo(index)
    qtbot.mouseClick(window.unit_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.unit_view.visualRect(index).center())
    assert window.current_unit == unit.uuid

    r = result.results[unit.uuid]
    model = window.criteria_view.model()
    areas = [k for k in tree.roots if k in r.node_max]
    assert model.rowCount() == len(areas)
    for row, key in enumerate(areas):
        node = tree.nodes[key]
        cell = lambda col, row=row: model.index(row, col).data()  # noqa: E731
        assert cell(C_CODE) == node.code
        assert cell(C_NAME) == node.name.upper()
        assert model.index(row, C_NAME).data(Qt.ItemDataRole.FontRole).bold()
        assert cell(C_MAX) == num(r.node_max[key])
        assert cell(C_SELF) == num(r.node_self[key])
        assert cell(C_POINTS) == num(r.node_points[key])
    area1 = tree.by_code["1"].key
    assert model.index(0, C_POINTS).data() == num(r.node_points[area1])
    # every applicable node is shown once, the others (other blocks' criteria) not at all
    assert sum(1 for _ in rows(model)) == len(r.node_max) < len(tree.nodes)

    # survey-fed criteria (SIPAS, ĐTXHH) have points but no self score and no difference
    sipas = next(k for k in tree.preorder
                 if k in r.node_max and tree.is_leaf(k) and tree.nodes[k].source != "self")
    found = [(row, parent) for row, parent in rows(model)
             if model.index(row, C_CODE, parent).data() == tree.nodes[sipas].code]
    assert len(found) == 1
    row, parent = found[0]
    assert model.index(row, C_SELF, parent).data() == ""
    assert model.index(row, C_DIFF, parent).data() == ""
    assert model.index(row, C_POINTS, parent).data() == num(r.node_points[sipas])

    assert num(r.published_total) in window.ui.totalLabel.text()
    assert window.ui.indexLabel.text() == f"{num(r.published_index)}%"
    assert window.ui.gradeLabel.text() == result.heads[unit.uuid].grade.label
    assert unit.head_name in window.ui.headNameLabel.text()
    assert window.ui.headNameLabel.toolTip() == ""  # in post the whole year


def test_a_head_in_post_too_short_a_time_shows_not_classified_and_since_when(window, expected,
                                                                            qtbot):
    _result, units, _tree = expected
    unit = next(u for u in units if u.code == "SCT")  # head since 1 November 2025
    index = index_for(window, unit.name)
    window.unit_view.scrollTo(index)
    qtbot.mouseClick(window.unit_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.unit_view.visualRect(index).center())
    assert window.current_unit == unit.uuid
    assert window.ui.gradeLabel.text() == "Không xếp loại"
    assert window.ui.gradeLabel.toolTip() == ("Giữ chức vụ từ 01/11/2025 (2 tháng trong năm), "
                                              "dưới 6 tháng: không xếp loại")
    assert window.ui.headNameLabel.text() == f"{unit.head_name}, Giám đốc"
    assert window.ui.headNameLabel.toolTip() == "Giữ chức vụ từ ngày 01/11/2025"


def test_left_tree_ranks_match_the_evaluation(window, expected):
    result, units, _tree = expected
    seen = 0
    for ranking in result.rankings.values():
        for row in ranking.rows():
            index = index_for(window, row.result.unit.name)
            assert row_texts(index)[1:] == [
                num(row.result.published_total), num(row.result.published_index),
                str(row.rank) if row.rank is not None else "—"]
            seen += 1
    assert seen == len(units) == 26
    assert any(row.rank is None for rk in result.rankings.values() for row in rk.rows())
    # grouped by block, in the period's block order, each in ranking order (unranked last)
    names = {b.code: b.name for b in Store.open(window.path, readonly=True).blocks()}
    shown = [(block.data(), [i.data() for i in units]) for block, units in blocks_of(window)]
    assert shown == [(f"{names[code]} ({len(rk.rows())})", [r.result.unit.name for r in rk.rows()])
                     for code, rk in result.rankings.items()]
    block = window.unit_view.model().index(0, 0)
    assert block.data(Qt.ItemDataRole.FontRole).bold()
    assert window.unit_view.isExpanded(block)
    assert window.unit_view.isFirstColumnSpanned(0, block.parent())


def test_summary_words_the_rank_change(window, expected):
    result, _units, _tree = expected
    rows_ = [row for rk in result.rankings.values() for row in rk.rows()]
    for wanted, check in (("tăng", lambda c: c > 0), ("giảm", lambda c: c < 0),
                          ("giữ nguyên", lambda c: c == 0)):
        row = next(r for r in rows_ if r.change is not None and check(r.change))
        assert window.select_unit(row.result.unit.code)
        text = window.ui.rankChangeLabel.text()
        if row.change:
            assert text == f"{wanted} {abs(row.change)} bậc"
        else:
            assert text == "giữ nguyên"
        assert window.ui.rankLabel.text().startswith(f"{row.rank}/")
    assert not window.select_unit("NO-SUCH-UNIT")


def test_a_window_without_a_file_says_how_to_get_one(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.status_label.text() == "Chưa mở tệp nào — chọn Tệp › Mở…"
    assert window.dashboard.chart.empty_text == (
        "Chưa mở tệp nào: Tệp › Mở… một tệp, hoặc Tệp › Mới… để tạo kỳ đánh giá")


def test_corrupted_file_warns_and_falls_back_to_the_demo(qtbot, tmp_path, small_demo, warnings,
                                                          monkeypatch):
    bad = tmp_path / "hong.parapp"
    bad.write_bytes(b"not a database")
    monkeypatch.setattr(gui_app, "demo_path", lambda: small_demo)
    window = gui_app.open_initial(str(bad))
    qtbot.addWidget(window)
    settle(qtbot, window)
    assert len(warnings) == 1
    title, text = warnings[0]
    assert title == "Không mở được tệp"
    assert "hong.parapp" in text and "\n" not in text
    assert window.path == small_demo
    assert "Tỉnh Sơn Hà 2025" in window.windowTitle()
    assert window.criteria_view.model().rowCount() > 0
    assert app_settings().value("recent/last") == str(small_demo.resolve())


def test_open_menu_keeps_the_shown_file_when_the_new_one_is_bad(qtbot, window, tmp_path,
                                                                 warnings, monkeypatch):
    bad = tmp_path / "khac.parapp"
    bad.write_bytes(b"not a database")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    title, unit, rows_before = (window.windowTitle(), window.current_unit,
                                window.criteria_view.model().rowCount())
    window.ui.actionOpen.trigger()
    settle(qtbot, window)
    assert len(warnings) == 1 and "khac.parapp" in warnings[0][1]
    assert window.windowTitle() == title and window.current_unit == unit
    assert window.criteria_view.model().rowCount() == rows_before
    assert window.store is not None and window.store.period().year == 2025


def test_last_file_is_reopened(qtbot, tmp_path, small_demo, warnings, monkeypatch):
    monkeypatch.setattr(gui_app, "demo_path", lambda: tmp_path / "never-built.parapp")
    monkeypatch.setattr("parapp.core.demo.build_demo", lambda *a, **k: pytest.fail("demo built"))
    first = gui_app.open_initial(small_demo)
    qtbot.addWidget(first)
    settle(qtbot, first)
    first.close()
    second = gui_app.open_initial(None)
    qtbot.addWidget(second)
    settle(qtbot, second)
    assert second.path == small_demo.resolve()
    assert warnings == []


def test_missing_demo_is_built_off_the_gui_thread(qtbot, tmp_path, small_demo, warnings,
                                                  monkeypatch):
    target = tmp_path / "data" / "demo-son-ha-2025.parapp"
    built_on = []

    def fake_build(path, **_kw):
        built_on.append(threading.get_ident())
        shutil.copy(small_demo, path)
        return path

    monkeypatch.setattr(gui_app, "demo_path", lambda: target)
    monkeypatch.setattr("parapp.core.demo.build_demo", fake_build)
    window = gui_app.open_initial(None)
    qtbot.addWidget(window)
    settle(qtbot, window)
    assert built_on and built_on[0] != threading.get_ident()
    assert window.path == target and warnings == []


def test_demo_that_cannot_be_built_leaves_an_empty_window(qtbot, tmp_path, warnings, monkeypatch):
    def failing(path, **_kw):
        raise ParappError("Ổ đĩa đầy", "Disk full")

    monkeypatch.setattr(gui_app, "demo_path", lambda: tmp_path / "demo.parapp")
    monkeypatch.setattr("parapp.core.demo.build_demo", failing)
    window = gui_app.open_initial(None)
    qtbot.addWidget(window)
    settle(qtbot, window)
    assert warnings == [("Không tạo được tỉnh mẫu", "Ổ đĩa đầy")]
    assert window.windowTitle() == "parapp" and window.store is None
    assert window.unit_view.model().rowCount() == 0
    assert not window.import_menu.isEnabled() and not window.ui.actionSettings.isEnabled()


def test_layout_is_saved_and_restored(window, qtbot, small_demo):
    window.ui.splitter.setSizes([260, 1000])
    window.ui.editSplitter.setSizes([560, 440])
    window.unit_view.header().resizeSection(U_INDEX, 77)
    window.criteria_view.header().resizeSection(C_SELF, 91)
    window.criteria_view.header().setSectionHidden(C_MAX, False)
    qtbot.wait(10)
    saved = (window.ui.splitter.sizes()[0], window.ui.editSplitter.sizes()[0])
    assert saved[0] == 260 and abs(saved[1] - 560) < 40
    window.tabs.setCurrentIndex(1)
    window.close()
    settings = app_settings()
    assert settings.value(f"layout/{screen_key(window)}/geometry") is not None
    again = MainWindow()
    qtbot.addWidget(again)
    again.resize(1280, 800)
    again.show()
    qtbot.waitExposed(again)
    assert open_file(qtbot, again, small_demo)
    qtbot.wait(10)
    assert again.tabs.currentIndex() == 1
    again.tabs.setCurrentIndex(0)
    assert (again.ui.splitter.sizes()[0], again.ui.editSplitter.sizes()[0]) == saved
    assert again.unit_view.header().sectionSize(U_INDEX) == 77
    assert again.criteria_view.header().sectionSize(C_SELF) == 91
    assert not again.criteria_view.header().isSectionHidden(C_MAX)


def test_screenshot_for_a_human(shots, window):
    window.select_unit("SNV")
    window.tabs.setCurrentIndex(0)
    assert window.criteria_view.model().rowCount() > 0
    shot = shots / "main.png"
    assert window.grab().save(str(shot))
    assert shot.stat().st_size > 10_000


FORMS = sorted((ROOT / "forms").glob("*.ui"))
GENERATED = ROOT / "parapp" / "ui" / "forms"


@pytest.mark.parametrize("ui", FORMS, ids=lambda path: path.stem)
def test_generated_form_is_up_to_date(ui, tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_forms
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    out = tmp_path / f"ui_{ui.stem}.py"
    build_forms.compile_form(build_forms.find_uic(), ui, out)
    committed = GENERATED / f"ui_{ui.stem}.py"
    assert committed.is_file(), f"{committed.name} is missing: run scripts/build_forms.py"
    # body(): all but the line naming the uic version, which follows the installed PySide6
    assert build_forms.body(out) == build_forms.body(committed), \
        f"forms/{ui.name} changed: run scripts/build_forms.py"


def test_every_generated_form_has_its_ui():
    """No ui_*.py left behind by a form that was renamed or removed; the designed forms all
    exist (the editor, the dashboard, the report window and the dialogs with a static layout
    are Designer forms too)."""
    generated = {p.stem.removeprefix("ui_") for p in GENERATED.glob("ui_*.py")}
    assert generated == {p.stem for p in FORMS}
    assert {"main_window", "score_editor", "dashboard", "settings_dialog", "report_window",
            "sign_dialog", "merge_dialog", "seal_dialog", "key_dialog"} <= generated
