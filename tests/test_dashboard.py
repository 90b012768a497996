"""The ranking dashboard and the settings dialog, driven offscreen with pytest-qt.

Expected values are computed here from `store.evaluate()`, the core's `counts` and `fmt`, and
looked up in the table by column title, never through the dashboard's own helpers.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QDialog

from parapp.core.classification import PRESETS, Grade, counts
from parapp.core.evaluation import evaluate_preview
from parapp.core.numbers import fmt
from parapp.core.ranking import RankRow
from parapp.core.store import Store
from parapp.ui.dashboard import GRADE_COLOURS, UNRANKED_COLOUR, Dashboard, IndexChart, row_note
from parapp.ui.settings_dialog import CUSTOM, SettingsDialog

pytestmark = pytest.mark.gui



def change(value: int | None) -> str:
    if value is None:
        return "—"
    return f"+{value}" if value > 0 else (f"\u2212{-value}" if value < 0 else "0")


def counts_line(heads) -> str:
    return " · ".join(f"{g.label}: {n}" for g, n in counts(heads).items())


def block_heads(result, code: str):
    return [h for h in result.heads.values() if h.row.result.unit.block == code]


def click(qtbot, button) -> None:
    """Click a radio button on its indicator (the middle of a stretched one is empty space)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def period(small_demo):
    """The demo classified with NĐ 335's ratio, so that the table has quota notes to show."""
    with Store.open(small_demo) as store, store.edit() as ed:
        ed.set_setting("classification", "nd335")
    with Store.open(small_demo, readonly=True) as store:
        return store.evaluate(), store.blocks(), store.units(), store.settings()


@pytest.fixture
def dashboard(qtbot, period):
    dash = Dashboard()
    qtbot.addWidget(dash)
    dash.set_period(*period)
    return dash


def table_rows(dash: Dashboard) -> list[dict[str, str]]:
    model = dash.table.model()
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return [{t: model.index(r, c).data() for c, t in enumerate(titles)}
            for r in range(model.rowCount())]


def expected_rows(result, block: str) -> list[tuple]:
    return [(row.result.unit.code, str(row.rank) if row.rank is not None else "—",
             fmt(row.result.published_index, 2, comma=True), change(row.change),
             result.heads[row.result.key].grade.label)
            for row in result.rankings[block].rows()]


def shown_rows(dash: Dashboard) -> list[tuple]:
    return [(r["Mã"], r["Hạng"], r["Chỉ số (%)"], r["Tăng/giảm"], r["Xếp loại"])
            for r in table_rows(dash)]


# -- table ------------------------------------------------------------------------------------

def test_table_shows_the_ranking_of_the_selected_block(qtbot, dashboard, period):
    result, blocks, _units, settings = period
    assert settings.display_decimals == 2
    assert dashboard.current_block() == "SO"
    assert shown_rows(dashboard) == expected_rows(result, "SO")
    assert any(r.rank is None for r in result.rankings["SO"].rows())  # the unranked unit is there
    assert set(table_rows(dashboard)[0]) == {
        "Hạng", "Mã", "Đơn vị", "Tổng điểm", "Chỉ số (%)", "Năm trước", "Tăng/giảm", "Xếp loại",
        "Ghi chú"}
    by_code = {r["Mã"]: r for r in table_rows(dashboard)}
    for row in result.rankings["SO"].rows():
        shown = by_code[row.result.unit.code]
        assert shown["Tổng điểm"] == fmt(row.result.published_total, 2, comma=True)
        prev = row.result.unit.prev_rank
        assert shown["Năm trước"] == (str(prev) if prev is not None else "—")
        head = result.heads[row.result.key]
        if head.reason:  # an override or a quota: its reason is the note
            assert head.reason.lower() in shown["Ghi chú"].lower()
        if row.rank is None:
            assert "không xếp hạng" in shown["Ghi chú"].lower()
    assert any(h.override for h in block_heads(result, "SO"))
    assert any(h.by_quota for h in block_heads(result, "SO"))

    combo = dashboard.block_combo
    with qtbot.waitSignal(dashboard.block_changed, timeout=1000) as blocker:
        combo.setCurrentIndex(combo.findData("XA"))
    assert blocker.args == ["XA"]
    assert combo.currentText() == next(b.name for b in blocks if b.code == "XA")
    assert shown_rows(dashboard) == expected_rows(result, "XA")
    assert dashboard.counts_text() == counts_line(block_heads(result, "XA"))

    dashboard.set_period(*period)  # a refresh keeps the block shown
    assert dashboard.current_block() == "XA"
    assert shown_rows(dashboard) == expected_rows(result, "XA")


def test_a_head_in_post_too_short_a_time_is_shown_not_classified_with_the_reason(dashboard,
                                                                                   period):
    """The demo's head of SCT took up the post on 1 November 2025."""
    _result, _blocks, units, _settings = period
    sct = next(u for u in units if u.code == "SCT")
    by_code = {r["Mã"]: r for r in table_rows(dashboard)}
    assert by_code["SCT"]["Xếp loại"] == "Không xếp loại"
    assert by_code["SCT"]["Ghi chú"] == ("Giữ chức vụ từ 01/11/2025 (2 tháng trong năm), dưới 6 "
                                         "tháng: không xếp loại")
    assert dashboard.counts_text().endswith(" · Không hoàn thành nhiệm vụ: 1 · Không xếp loại: 1")
    model = dashboard.table.model()
    i = model.row_of(sct.uuid)
    tip = model.index(i, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[-1] == "Giữ chức vụ từ ngày 01/11/2025"
    others = [model.index(r, 2).data(Qt.ItemDataRole.ToolTipRole)
              for r in range(model.rowCount()) if r != i]
    assert not any("Giữ chức vụ" in t for t in others)  # their heads held the post all year
    assert dashboard.total_counts_label.text().endswith(" · Không xếp loại: 2")  # and P003


def test_tie_and_tie_breaker_notes(period):
    result, *_ = period
    unit = result.rankings["SO"].ranked[1].result
    assert row_note(RankRow(unit, 2, tied=True), None) == "Đồng hạng"
    assert row_note(RankRow(unit, 3, decided_by="sipas"), None) == "Phân định theo điểm SIPAS"


# -- chart ------------------------------------------------------------------------------------

def test_chart_grows_with_units_and_draws_coloured_bars(shots, qtbot, dashboard, period):
    result, *_ = period
    rows = result.rankings["SO"].rows()
    small = IndexChart()
    qtbot.addWidget(small)
    small.set_data(rows[:3], result.heads, 2, [])
    h3 = small.sizeHint().height()
    small.set_data(rows, result.heads, 2, [])
    assert small.sizeHint().height() > h3
    assert small.sizeHint().height() - h3 == (len(rows) - 3) * small.row_height()

    dashboard.resize(1100, 900)
    dashboard.show()
    qtbot.waitExposed(dashboard)
    chart = dashboard.chart
    assert [r.result.key for r in chart.rows()] == [r.result.key for r in rows]
    assert chart.height() >= chart.sizeHint().height()  # the scroll area scrolls, not squeezes
    image = chart.grab().toImage()
    ratio = image.devicePixelRatio()
    background = chart.palette().color(QPalette.ColorRole.Base)

    def pixel(i: int) -> QColor:
        bar = chart.bar_rect(i)
        x, y = bar.left() + bar.width() * 0.25, bar.center().y()  # clear of threshold lines
        return image.pixelColor(int(x * ratio), int(y * ratio))

    heads = [result.heads[r.result.key] for r in rows]
    shown = [next(i for i, h in enumerate(heads) if h.override),  # not completed
             next(i for i, h in enumerate(heads) if h.grade is Grade.EXCELLENT),
             next(i for i, h in enumerate(heads) if h.by_quota),  # good
             next(i for i, h in enumerate(heads) if h.grade is Grade.NOT_CLASSIFIED)]
    assert [heads[i].grade for i in shown] == [Grade.NOT_COMPLETED, Grade.EXCELLENT, Grade.GOOD,
                                               Grade.NOT_CLASSIFIED]
    for i in shown:
        grade = heads[i].grade
        assert pixel(i) == GRADE_COLOURS[grade], (i, grade)
        assert pixel(i) != background
    assert rows[-1].rank is None
    assert pixel(len(rows) - 1) == UNRANKED_COLOUR
    assert len({GRADE_COLOURS[g].name() for g in Grade} | {UNRANKED_COLOUR.name()}) == 6

    dashboard.select_unit(rows[2].result.key)
    assert dashboard.grab().save(str(shots / "dashboard.png"))


# -- settings ---------------------------------------------------------------------------------

@pytest.fixture
def dialog(qtbot, period):
    dlg = SettingsDialog(period[3])
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def test_every_tie_policy_and_rounding_shown_and_kept(qtbot, small_demo):
    """A period sharing ranks as published and computing unrounded: the dialog shows both and
    writes them back unchanged (it had only two policies: a third would have become "break")."""
    with Store.open(small_demo) as store, store.edit() as ed:
        ed.set_setting("tie_policy", "shared_display")
        ed.set_setting("rounding", "none")
    with Store.open(small_demo, readonly=True) as store:
        dlg = SettingsDialog(store.settings())
    qtbot.addWidget(dlg)
    assert dlg.shared_display_radio.isChecked() and not dlg.break_radio.isChecked()
    assert dlg.rounding_combo.currentData() == "none"
    assert dlg.to_write() == {}  # nothing changed by showing it
    dlg.rounding_combo.setCurrentIndex(dlg.rounding_combo.findData("components"))
    qtbot.mouseClick(dlg.break_radio, Qt.MouseButton.LeftButton)
    assert dlg.to_write() == {"tie_policy": "break", "rounding": "components"}


def test_settings_preview_validate_and_apply(shots, qtbot, dialog, dashboard, small_demo,
                                             monkeypatch):
    assert dialog.break_radio.isChecked() and dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.preview, timeout=1000) as blocker:
        click(qtbot, dialog.shared_radio)
    assert blocker.args[0]["tie_policy"] == "shared"
    assert not dialog.breakers_list.isEnabled()  # tie-breakers only matter when breaking ties

    combo = dialog.classification_combo
    with qtbot.waitSignal(dialog.preview, timeout=1000) as blocker:
        combo.setCurrentIndex(combo.findData("bands-90-80-70"))
    texts = blocker.args[0]
    assert texts["classification"] == "bands-90-80-70"
    assert texts["tie_policy"] == "shared"
    bands = PRESETS["bands-90-80-70"][0]
    for rule in bands:
        assert rule.describe() in dialog.rules_label.text()
    # a built-in set in words only: its JSON is shown where it is written, for custom rules
    assert dialog.rules_edit.isReadOnly() and not dialog.rules_edit.isVisible()
    assert dialog.rules_label.isVisible()

    # custom rules start from the preset shown; invalid JSON is reported inline, OK disabled
    with qtbot.waitSignal(dialog.preview, timeout=1000) as blocker:
        combo.setCurrentIndex(combo.findData(CUSTOM))
    assert json.loads(blocker.args[0]["classification"]) == [r.to_json() for r in bands]
    assert not dialog.rules_edit.isReadOnly() and dialog.rules_edit.isVisible()
    error = dialog.error_labels["classification"]
    assert not error.isVisible()
    with qtbot.assertNotEmitted(dialog.preview):
        dialog.rules_edit.selectAll()
        qtbot.keyClicks(dialog.rules_edit, '[{"grade": "tot"')
    assert error.isVisible()
    assert "JSON" in error.text() and "dòng 1" in error.text()
    assert "classification" in dialog.errors()
    assert not dialog.ok_button.isEnabled()
    assert dialog.candidate() is None

    with qtbot.waitSignal(dialog.preview, timeout=1000):
        combo.setCurrentIndex(combo.findData("bands-90-80-70"))
    assert not error.isVisible() and dialog.ok_button.isEnabled()
    assert dialog.changed() == {"tie_policy": "shared", "classification": "bands-90-80-70"}

    # the window can re-rank from the preview without saving
    with Store.open(small_demo, readonly=True) as store:
        previewed = evaluate_preview(store.snapshot(), dialog.texts())
        assert store.settings().values()["classification"] == "nd335"  # nothing written

    with Store.open(small_demo) as store:
        written = dialog.to_write()  # what the window writes, in one transaction
        assert written == {"tie_policy": "shared", "classification": "bands-90-80-70"}
        with store.edit("gui") as ed:
            for key, text in written.items():
                ed.set_setting(key, text)
        txn = ed.txn
        values = store.settings().values()
        assert values["tie_policy"] == "shared"
        assert values["classification"] == "bands-90-80-70"
        gui = [a for a in store.audit() if a.source == "gui"]
        assert len(gui) == 2 and len({a.at for a in gui}) == 1 and {a.txn for a in gui} == {txn}
        result, blocks, units, settings = (store.evaluate(), store.blocks(), store.units(),
                                           store.settings())

    before = dashboard.counts_text()
    dashboard.set_period(result, blocks, units, settings)
    for block in ("SO", "PHUONG", "XA"):
        assert dashboard.select_block(block)
        expected = counts_line(block_heads(result, block))
        assert dashboard.counts_text() == expected
        assert counts_line(block_heads(previewed, block)) == expected
        for grade, n in counts(block_heads(result, block)).items():
            assert f"{grade.label}: {n}" in dashboard.counts_label.text()
    dashboard.select_block("SO")
    assert dashboard.counts_text() != before  # bands without a quota: more excellent heads
    dialog.grab().save(str(shots / "settings.png"))


def test_tie_breakers_reorder_and_check(qtbot, dialog):
    lw = dialog.breakers_list
    assert [n for n, on in dialog.breaker_order() if on] == ["appraisal", "sipas"]
    lw.setCurrentRow(0)
    with qtbot.waitSignal(dialog.preview, timeout=1000) as blocker:
        qtbot.mouseClick(dialog.down_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0]["tie_breakers"] == "sipas,appraisal"
    name = next(lw.item(i) for i in range(lw.count()) if lw.item(i).data(Qt.ItemDataRole.UserRole)
                == "name")
    with qtbot.waitSignal(dialog.preview, timeout=1000) as blocker:
        name.setCheckState(Qt.CheckState.Checked)
    assert blocker.args[0]["tie_breakers"] == "sipas,appraisal,name"

    with qtbot.assertNotEmitted(dialog.preview):
        dialog.bonus_cap_edit.setText("abc")
    assert dialog.error_labels["bonus_cap"].isVisible()
    assert "bonus_cap" in dialog.error_labels["bonus_cap"].text()
    assert not dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.preview, timeout=1000) as blocker:
        dialog.bonus_cap_edit.setText("1,5")
    assert blocker.args[0]["bonus_cap"] == "1,5" and dialog.ok_button.isEnabled()


def test_cancel_writes_nothing_and_restores_the_preview(qtbot, small_demo):
    digest = sha256(small_demo)
    with Store.open(small_demo) as store:  # writable, as the window would hand it over
        dlg = SettingsDialog(store.settings())
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitExposed(dlg)
        original = dlg.texts()
        with qtbot.waitSignal(dlg.preview, timeout=1000):
            click(qtbot, dlg.shared_radio)
        with qtbot.waitSignal(dlg.preview, timeout=1000):
            dlg.classification_combo.setCurrentIndex(
                dlg.classification_combo.findData("bands-90-80-70"))
        with qtbot.waitSignal(dlg.preview, timeout=1000) as blocker:
            qtbot.mouseClick(dlg.cancel_button, Qt.MouseButton.LeftButton)
        assert blocker.args[0] == original  # the window goes back to the saved settings
        assert dlg.result() == QDialog.DialogCode.Rejected
        assert store.settings().values()["tie_policy"] == "break"
    assert sha256(small_demo) == digest


def test_months_in_post_shown_previewed_and_written(qtbot, small_demo):
    """The demo's late heads are not classified under the 6-month rule; the dialog shows the
    rule, its preview classifies them when it is turned off, and only that setting is written."""
    with Store.open(small_demo, readonly=True) as store:
        settings = store.settings()
        snapshot = store.snapshot()
        late = [h for h in store.evaluate().heads.values() if h.grade is Grade.NOT_CLASSIFIED]
    assert settings.min_months_in_post == 6 and late
    dlg = SettingsDialog(settings)
    qtbot.addWidget(dlg)
    assert dlg.tenure_spin.value() == 6 and dlg.to_write() == {}
    dlg.tenure_spin.setFocus()
    dlg.tenure_spin.selectAll()
    with qtbot.waitSignal(dlg.preview, timeout=1000) as blocker:
        qtbot.keyClicks(dlg.tenure_spin, "0")
    assert blocker.args[0]["min_months_in_post"] == "0"
    assert dlg.tenure_spin.value() == dlg.tenure_spin.minimum() == 0  # shown "— (không áp dụng)"
    previewed = evaluate_preview(snapshot, dlg.texts())
    assert all(previewed.heads[h.row.result.key].grade is not Grade.NOT_CLASSIFIED for h in late)
    assert dlg.to_write() == {"min_months_in_post": "0"}
