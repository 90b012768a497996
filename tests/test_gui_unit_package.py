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
from parapp.ui import merging
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
