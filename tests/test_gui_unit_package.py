"""A unit's officer in the window, on the unit's own package: its criteria only, the self side
editable, evidence by drag and drop, the completeness check before sealing, the seal; and the
explanation package, where the unit's text is the explanation of a deduction."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from qt_helpers import open_window, settle, type_text
from test_council import make_master
from test_score_editor import drop

from parapp.core.packages import (
    KINDS,
    default_key_path,
    export_unit_package,
    key_name,
    new_key,
    verify_seal,
)
from parapp.core.store import Store
from parapp.ui import merging, report_view
from parapp.ui.seal_dialog import SealDialog


@pytest.fixture
def unit_package(tmp_path):
    """SYT's self-assessment package; evidence is mandatory on 2.2, SYT's key registered at
    parapp's default place on this laptop."""
    master = make_master(tmp_path / "chinh.parapp")
    key = default_key_path(key_name("unit", "SYT"))
    key.parent.mkdir(parents=True, exist_ok=True)
    fingerprint = new_key(key)
    with master.edit("cli") as ed:
        ed.update_criterion("2.2", evidence_required=True)
        ed.register_unit_key("SYT", fingerprint)
        ed.write_scores([("SYT", "1.1", {"self_points": None})])  # still to do
    package = export_unit_package(master, "SYT", tmp_path / "goi-SYT.parapp").path
    master.close()
    return package, fingerprint


def enter(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    type_text(qtbot, field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def in_seal_dialog(qtbot, window, act) -> object:
    """Open Niêm phong gói…, wait for its completeness check, then `act(dialog)`."""
    seen = {}

    def inside():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SealDialog)
        qtbot.waitUntil(lambda: dialog.gaps_label.isVisible(), timeout=5000)
        seen["gaps"] = [dialog.gaps_list.item(i).text() for i in range(dialog.gaps_list.count())]
        seen["label"] = dialog.gaps_label.text()
        seen["can_seal"] = dialog.seal_button.isEnabled()
        act(dialog)
    QTimer.singleShot(0, inside)
    seen["seal"] = window.seal_package()
    return seen


def test_a_unit_scores_attaches_by_drop_checks_and_seals(qtbot, unit_package, tmp_path,
                                                         monkeypatch):
    package, fingerprint = unit_package
    monkeypatch.setattr(merging, "show_information", lambda *a, **k: None)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail(f"warning: {a}"))
    window = open_window(qtbot, package, (1366, 768))
    assert window.windowTitle().endswith("— gói tự đánh giá của đơn vị SYT")
    assert window.status_label.text() == "Gói: 1 đơn vị · 4 tiêu chí được giao"  # its 4 leaves
    assert set(window.scoring.units.items) == {"SYT"}  # no other unit in the list
    assert window.select_unit("SYT") and window.select_criterion("1.1")
    editor = window.editor
    assert not editor.self_score.isReadOnly() and not editor.explanation.isReadOnly()
    assert editor.appraisal_score.isReadOnly() and editor.appraisal_note.isReadOnly()
    assert editor.add_button.isEnabled()
    editor.explanation.setFocus()
    type_text(qtbot, editor.explanation, "Kế hoạch ban hành tháng 2")
    enter(qtbot, editor.self_score, "3")
    settle(qtbot, window)

    # the completeness check: 2.2 lacks its mandatory evidence, sealing waits for it
    seen = in_seal_dialog(qtbot, window, lambda dialog: dialog.reject())
    assert seen["seal"] is None and not seen["can_seal"]
    assert seen["gaps"] == ["Đơn vị SYT, tiêu chí 2.2: thiếu tài liệu kiểm chứng bắt buộc"]
    assert seen["label"].startswith("Chưa niêm phong được: 1 tiêu chí thiếu tài liệu")

    assert window.select_criterion("2.2")
    pdf = tmp_path / "Phương án tự chủ.pdf"
    pdf.write_bytes(b"%PDF-1.4 phuong an tu chu")
    assert drop(editor, pdf).isAccepted()
    settle(qtbot, window)
    seen = in_seal_dialog(qtbot, window, lambda dialog: dialog.seal_button.click())
    assert seen["gaps"] == [] and seen["label"] == "Đã đủ: mọi tiêu chí của gói đã được làm."
    assert seen["seal"] is not None and seen["seal"].fingerprint == fingerprint
    settle(qtbot, window)
    assert verify_seal(package, KINDS["unit", 0], "SYT", fingerprint).holder == "SYT"
    with Store.open(package, readonly=True) as store:
        score = store.score("SYT", "1.1")
        assert (score["self_points"], score["explanation"]) == (D(3),
                                                                "Kế hoạch ban hành tháng 2")
        assert [e.name for e in store.evidence("SYT", "2.2")] == ["Phương án tự chủ.pdf"]


def on_a_figure(qtbot, tmp_path):
    """SYT's self-assessment package where 2.2 is scored from a declared figure (points ×
    the ratio), its window at 1366 × 768 on SYT, 2.2."""
    master = make_master(tmp_path / "chinh.parapp")
    with master.edit("cli") as ed:
        ed.update_criterion("2.2", method="proportional", guidance="Tỷ lệ hồ sơ trực tuyến × 5")
    package = export_unit_package(master, "SYT", tmp_path / "goi-SYT.parapp").path
    master.close()
    window = open_window(qtbot, package, (1366, 768))
    assert window.select_unit("SYT") and window.select_criterion("2.2")
    return package, window


def test_a_unit_scores_by_its_declared_figure(qtbot, tmp_path):
    """A proportional criterion: the unit types the figure, the points follow; the member's
    window shows the figure beside the self score."""
    package, window = on_a_figure(qtbot, tmp_path)
    editor = window.editor
    assert editor.self_figure.isVisible() and not editor.self_figure.isReadOnly()
    assert editor.self_figure.placeholderText() == "3194/3400 hoặc 93,9%"
    assert editor.appraisal_figure.isReadOnly()
    enter(qtbot, editor.self_figure, "3194/3400")
    settle(qtbot, window)
    assert editor.self_score.text() == "4,70"  # 5 × 93.94 %, to the hundredth
    assert editor.self_figure.text() == "3194/3400"
    enter(qtbot, editor.self_figure, "3400/3194")  # more done than there was to do
    settle(qtbot, window)
    assert editor.self_error.text().endswith("số liệu '3400/3194' phải là tỷ lệ a/b (0 ≤ a ≤ "
                                             "b, b > 0) hoặc phần trăm 0…100%")
    qtbot.keyClick(editor.self_figure, Qt.Key.Key_Escape)  # the stored figure back
    assert editor.self_figure.text() == "3194/3400" and not editor.self_error.isVisible()
    with Store.open(package, readonly=True) as store:
        score = store.score("SYT", "2.2")
        assert (score["self_figure"], score["self_points"]) == ("3194/3400", D("4.70"))
    assert window.select_criterion("1.1")  # a criterion scored directly: no figure
    assert not editor.self_figure.isVisible()


def test_a_figure_is_an_entry_like_the_others(qtbot, tmp_path):
    """The declared figure sits between the self score and the expected score, for Tab as on
    screen; leaving it writes it, Esc puts the stored one back, and a figure the criterion's
    method cannot read stops the person leaving the leaf instead of vanishing."""
    from test_gui_entries import answer, click_criterion_anyway
    package, window = on_a_figure(qtbot, tmp_path)
    editor = window.editor

    def stored() -> tuple[str, D | None]:
        with Store.open(package, readonly=True) as store:
            score = store.score("SYT", "2.2")
        return score["self_figure"], score["self_points"]

    window.activateWindow()  # keys go where the person's focus is
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    editor.self_score.setFocus()
    order = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [editor.self_figure, editor.expected, editor.explanation]

    editor.self_figure.setFocus()  # typed, then Tab: written, the points follow
    type_text(qtbot, editor.self_figure, "3194/3400")
    qtbot.keyClick(editor.self_figure, Qt.Key.Key_Tab)
    settle(qtbot, window)
    assert stored() == ("3194/3400", D("4.70")) and editor.self_score.text() == "4,70"

    editor.self_figure.setFocus()  # Esc: the stored figure back, nothing written
    editor.self_figure.selectAll()
    type_text(qtbot, editor.self_figure, "17/34")
    qtbot.keyClick(editor.self_figure, Qt.Key.Key_Escape)
    assert editor.self_figure.text() == "3194/3400" and stored() == ("3194/3400", D("4.70"))

    editor.self_figure.selectAll()  # typed, then a click on another criterion: written
    type_text(qtbot, editor.self_figure, "1700/3400")
    click_criterion_anyway(qtbot, window, "1.1")
    assert editor.criterion_code == "1.1"
    # back at once, before the file has answered: what was sent is shown, as for a score
    assert window.select_criterion("2.2") and editor.self_figure.text() == "1700/3400"
    settle(qtbot, window)
    assert stored() == ("1700/3400", D("2.50")) and editor.self_figure.text() == "1700/3400"

    editor.self_figure.setFocus()
    editor.self_figure.selectAll()
    type_text(qtbot, editor.self_figure, "3400/1700")  # more done than there was to do
    seen: list[str] = []
    answer(qtbot, "Quay lại hoàn tất", seen)
    click_criterion_anyway(qtbot, window, "1.1")
    assert seen == ["Tiêu chí 2.2, SYT: số liệu '3400/1700' phải là tỷ lệ a/b (0 ≤ a ≤ b, "
                    "b > 0) hoặc phần trăm 0…100%. Điểm chỉ được ghi vào tệp khi đầy đủ. "
                    "Quay lại để hoàn tất, hay bỏ giá trị vừa nhập?"]
    assert editor.criterion_code == "2.2" and editor.self_figure.text() == "3400/1700"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.self_figure, timeout=2000)
    answer(qtbot, "Bỏ giá trị vừa nhập", seen)
    click_criterion_anyway(qtbot, window, "1.1")
    assert editor.criterion_code == "1.1" and stored() == ("1700/3400", D("2.50"))
    assert window.select_criterion("2.2") and editor.self_figure.text() == "1700/3400"


def test_the_explanation_package_edits_the_explanation_of_a_deduction(qtbot, tmp_path,
                                                                       monkeypatch):
    master = make_master(tmp_path / "chinh.parapp")
    with master.edit("gui") as ed:
        ed.write_scores([("SYT", "1.2", {"explanation": "Đã báo cáo đủ 4 quý"})])
        ed.set_appraisal("SYT", "1.2", "3", "Thiếu báo cáo quý IV")
    package = export_unit_package(master, "SYT", tmp_path / "giai-trinh.parapp", 1).path
    master.close()
    window = open_window(qtbot, package, (1366, 768))
    assert window.windowTitle().endswith("— gói giải trình của đơn vị SYT")
    assert window.select_unit("SYT") and window.select_criterion("1.2")
    editor = window.editor
    assert editor.self_score.isReadOnly() and editor.appraisal_score.isReadOnly()
    assert not editor.explanation.isReadOnly() and editor.explanation.toPlainText() == ""
    assert editor.explanation.placeholderText() == "Vì sao đơn vị đề nghị xem xét lại điểm trừ…"
    assert editor.explanation2_label.text() == "Giải trình khi tự đánh giá: Đã báo cáo đủ 4 quý"
    editor.explanation.setFocus()
    type_text(qtbot, editor.explanation, "Báo cáo quý IV gửi ngày 15/12")
    assert editor.commit("explanation")
    settle(qtbot, window)
    with Store.open(package, readonly=True) as store:
        score = store.score("SYT", "1.2")
        assert (score["explanation"], score["explanation2"]) == (
            "Đã báo cáo đủ 4 quý", "Báo cáo quý IV gửi ngày 15/12")
    assert window.select_criterion("1.1")  # not deducted: nothing to write there
    assert editor.explanation.isReadOnly() and not editor.add_button.isEnabled()


def test_the_unit_opens_its_self_assessment_report_from_its_package(qtbot, unit_package):
    """Báo cáo › Báo cáo tự đánh giá của đơn vị: the one document a unit's package gives, for
    its own unit only; the other reports stay off (a package's part is no official result)."""
    package, _fingerprint = unit_package
    window = open_window(qtbot, package, (1366, 768))
    assert window.ui.actionReportSelf.isEnabled()
    assert not window.ui.actionReportAnnex.isEnabled()
    window.ui.actionReportSelf.trigger()
    qtbot.waitUntil(lambda: getattr(window, "report_window", None) is not None, timeout=5000)
    report = window.report_window
    qtbot.waitUntil(lambda: not report.building and report.pdf_path is not None
                    and report.pages.page_count > 0, timeout=60000)
    assert [report.kind_combo.itemText(i) for i in range(report.kind_combo.count())] == [
        "Báo cáo tự đánh giá của đơn vị"]
    assert [report.scope_combo.itemData(i) for i in range(report.scope_combo.count())] == ["SYT"]
    assert report.base_name() == "bao-cao-tu-danh-gia-syt-2025"
    report.close()
    report_view.wait_for_tasks()
