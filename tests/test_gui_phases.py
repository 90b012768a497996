"""Kỳ đánh giá › Giai đoạn…, driven offscreen: the secretary moves the season on with a
deadline, the status bar says where it stands and how long is left, the score editor opens
only what the phase takes, and going back needs a reason before Lưu is enabled."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from qt_helpers import open_window, settle, type_text

from parapp.core.store import Store
from parapp.ui.phase_dialog import PhaseDialog

pytestmark = pytest.mark.gui


def choose(qtbot, window, phase_label: str, deadline: date | None = None,
           reason: str = "") -> PhaseDialog:
    window.ui.actionPhase.trigger()
    dialog = window.findChildren(PhaseDialog)[-1]
    combo = dialog.ui.phaseCombo
    combo.setCurrentIndex(combo.findText(phase_label))
    if deadline is not None:
        qtbot.mouseClick(dialog.ui.deadlineCheck, Qt.MouseButton.LeftButton)
        dialog.ui.deadlineEdit.setDate(QDate(deadline.year, deadline.month, deadline.day))
    if reason:
        dialog.ui.reasonEdit.setFocus()
        type_text(qtbot, dialog.ui.reasonEdit, reason)
    return dialog


def test_the_season_moves_on_and_the_editor_follows(qtbot, small_demo):
    window = open_window(qtbot, small_demo)
    assert window.phase_label.text() == "Chuẩn bị"
    assert window.select_unit("SYT") and window.select_criterion("1.1.1")
    editor = window.editor
    assert not editor.self_score.isReadOnly() and not editor.appraisal_score.isReadOnly()

    due = date.today() + timedelta(days=20)
    dialog = choose(qtbot, window, "Đơn vị tự đánh giá", due)
    assert dialog.ui.currentLabel.text() == "Hiện tại: Chuẩn bị"
    assert dialog.ui.historyTable.rowCount() == 1 and dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert window.phase_label.text() == (
        f"Đơn vị tự đánh giá — hạn {due.strftime('%d/%m/%Y')} (còn 20 ngày)")
    assert "Ghi được: điểm tự đánh giá, giải trình, số liệu tự đánh giá, điểm dự kiến, tài liệu kiểm chứng" in \
        window.phase_label.toolTip()
    assert not editor.self_score.isReadOnly() and editor.appraisal_score.isReadOnly()
    assert editor.add_button.isEnabled()

    dialog = choose(qtbot, window, "Thẩm định vòng 1")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert window.phase_label.text() == "Thẩm định vòng 1"
    assert editor.self_score.isReadOnly() and not editor.appraisal_score.isReadOnly()
    assert not editor.add_button.isEnabled()  # evidence is the units' side

    # back to self-assessment: a reason first, stating its grounds
    dialog = choose(qtbot, window, "Đơn vị tự đánh giá")
    assert not dialog.ok_button.isEnabled()
    assert dialog.ui.errorLabel.text().startswith("Mở lại giai đoạn trước: phải ghi lý do")
    dialog.ui.reasonEdit.setFocus()
    type_text(qtbot, dialog.ui.reasonEdit, "Công văn 88/SNV cho các xã nộp bổ sung")
    assert dialog.ok_button.isEnabled() and dialog.ui.errorLabel.text() == ""
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert window.phase_label.text() == "Đơn vị tự đánh giá"
    assert not editor.self_score.isReadOnly()
    with Store.open(small_demo, readonly=True) as store:
        steps = [(h.phase, h.reason) for h in store.phase_history()]
    assert steps == [("preparation", ""), ("self_assessment", ""), ("appraisal_1", ""),
                     ("self_assessment", "Công văn 88/SNV cho các xã nộp bổ sung")]
    # a phase change is no undo step: going back is a reopening, with its reason
    assert window.undo_stack.count() == 0 and not window.ui.actionUndo.isEnabled()
    with Store.open(small_demo, readonly=True) as store:
        assert store.phase().phase.value == "self_assessment"
