"""Kỳ đánh giá › Giai đoạn…: where the period stands in the season, how it got there, and moving
it on (or back, with a reason).

`PhaseDialog` (forms/phase_dialog.ui) shows the current phase with its deadline and the time
left, the history (when, which phase, the deadline, who, why), and a choice of the phase to
enter with an optional deadline and a reason. Going back to an earlier phase needs a reason;
the dialog says so before anything is written, and the core checks it again (`Edit.set_phase`).
Lưu writes the change through the window's operations; it is no undo step (undoing an
approval would reopen without the reason a reopening needs).
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from parapp.core.classification import reason_problem
from parapp.core.i18n import pick
from parapp.core.numbers import fmt_time
from parapp.core.phases import Phase, PhaseState, PhaseStep
from parapp.ui.forms.ui_phase_dialog import Ui_PhaseDialog
from parapp.ui.operations import Changes, Work, period_changes
from parapp.ui.theme import is_dark

if TYPE_CHECKING:
    from parapp.ui.main_window import MainWindow


class PhaseDialog(QDialog):
    def __init__(self, state: PhaseState, steps: tuple[PhaseStep, ...],
                 parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.state = state
        self.today = today or date.today()
        self.ui = ui = Ui_PhaseDialog()
        ui.setupUi(self)
        self.ok_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Lưu"))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        ui.errorLabel.setStyleSheet(f"color: {'#ff8a80' if is_dark(self) else '#b3261e'};")
        ui.currentLabel.setText(self.tr("Hiện tại: {phase}").format(
            phase=state.describe(self.today)))
        for phase in Phase:
            ui.phaseCombo.addItem(phase.label, phase.value)
        current = state.phase or Phase.PREPARATION
        following = list(Phase)[min(current.order + 1, len(Phase) - 1)]
        ui.phaseCombo.setCurrentIndex(ui.phaseCombo.findData(
            (following if state.phase is not None else current).value))
        ui.deadlineEdit.setDate(QDate(self.today.year, self.today.month, self.today.day)
                                .addDays(14))
        ui.deadlineEdit.setEnabled(False)
        table = ui.historyTable
        table.setRowCount(len(steps))
        for row, step in enumerate(steps):
            cells = (fmt_time(step.at), step.phase.label,
                     step.deadline.strftime("%d/%m/%Y") if step.deadline else "", step.author,
                     step.reason)
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        table.resizeColumnsToContents()
        table.verticalHeader().setVisible(False)
        ui.deadlineCheck.toggled.connect(ui.deadlineEdit.setEnabled)
        ui.phaseCombo.currentIndexChanged.connect(self.check)
        ui.reasonEdit.textChanged.connect(self.check)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self.check()

    @property
    def chosen(self) -> Phase:
        return Phase(self.ui.phaseCombo.currentData())

    @property
    def reopening(self) -> bool:
        return self.state.phase is not None and self.chosen.order < self.state.phase.order

    def deadline_text(self) -> str | None:
        if not self.ui.deadlineCheck.isChecked():
            return None
        return self.ui.deadlineEdit.date().toString("dd/MM/yyyy")

    def check(self) -> None:
        """Going back needs a reason that states its grounds: said here, before any write."""
        problem = reason_problem(self.ui.reasonEdit.text()) if self.reopening else None
        self.ui.errorLabel.setText(self.tr("Mở lại giai đoạn trước: {problem}").format(
            problem=pick(*problem)) if problem else "")
        self.ok_button.setEnabled(problem is None)


def open_phase_dialog(window: MainWindow) -> PhaseDialog | None:
    """The dialog for the open master (window-modal, not blocking)."""
    data = window.document.data if window.document.is_open else None
    if data is None or data.scope is not None:
        return None
    dialog = PhaseDialog(data.phase, data.phase_steps, window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)

    def finished(code: int) -> None:
        dialog.deleteLater()
        if code != QDialog.DialogCode.Accepted or not window.document.is_open:
            return
        phase, deadline = dialog.chosen, dialog.deadline_text()
        reason = dialog.ui.reasonEdit.text()
        # the words now: the dialog is gone when the write answers
        label = dialog.tr("Giai đoạn: {phase}").format(phase=phase.label)
        failed = dialog.tr("Không chuyển được giai đoạn")

        def work(job: Work) -> Changes:
            with job.store.edit("gui") as ed:
                ed.set_phase(phase, deadline, reason)
            # not an undo step: going back is a reopening, which needs its reason
            return period_changes(job.store, label, ed.txn, undoable=False)

        window.ops.change(dialog.tr("Đang chuyển giai đoạn…"), work,
                          lambda _c: window.statusBar().showMessage(label, 5000),
                          lambda message: QMessageBox.warning(window, failed, message))
    dialog.finished.connect(finished)
    dialog.open()
    return dialog
