"""Import from Excel without freezing the window: the import is a change operation.

`start_import` plans and applies a whole sheet in one transaction on the window's file thread
(parapp.ui.operations): on a big sheet that takes seconds, while the window keeps painting,
read-only, with the progress and a cancel button in the status bar. Cancelling makes the core
roll the transaction back, so a cancelled import changes nothing. When it is written, the
window reads the period again from the `Changes` it returns, and it is one undo step.

A scores import that would change appraisals council members entered in parapp asks first: the
first operation plans it (`plan_import`, nothing written) and hands the plan back;
`ConflictDialog` lists each such appraisal and the user keeps them, replaces them (the command
line's `--overwrite`) or cancels; only then does a second operation apply the plan.

Message boxes go through `show_information` / `show_warning` below, looked up at call time, so
tests can monkeypatch them (a blocking `exec()` would hang an offscreen test).
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from parapp import logs
from parapp.core.interchange.columns import LAYOUTS
from parapp.core.numbers import decimals_of, fmt
from parapp.ui.operations import Cancelled, Changes, Work, period_changes

if TYPE_CHECKING:  # the importer (openpyxl, the store) is loaded by the first import
    from parapp.core.interchange.importer import ImportPlan, ImportReport
    from parapp.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def show_information(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """An information box; `details` (long lists) go in the scrollable "Show Details" pane."""
    _box(QMessageBox.Icon.Information, parent, title, text, details)


def show_warning(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """A warning box; `details` (every error, one a line) go in the scrollable details pane."""
    _box(QMessageBox.Icon.Warning, parent, title, text, details)


def _box(icon: QMessageBox.Icon, parent, title: str, text: str, details: str) -> None:
    # an instance, not the static QMessageBox.warning(): only an instance has detailed text
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # to copy it
    if details:
        box.setDetailedText(details)
    box.exec()
    box.deleteLater()


def start_import(window: MainWindow, kind: str, xlsx_path: Path | str,
                 overwrite: bool | None = None,
                 on_end: Callable[[ImportReport | None], None] | None = None) -> None:
    """Import one sheet of `xlsx_path` into the window's file, as a change operation on the
    file thread (progress and cancel in the status bar; the window read-only meanwhile), then
    say how it went. `overwrite` None: when the import would change appraisals council members
    entered in parapp, nothing is written and `ConflictDialog` asks first. `on_end(report)` is
    called once it has ended (None: failed, cancelled or refused)."""
    xlsx_path = Path(xlsx_path)
    title = QCoreApplication.translate("importing", "Nhập dữ liệu")
    sheet = LAYOUTS[kind].sheet if kind in LAYOUTS else kind
    label = QCoreApplication.translate("importing", "Đang nhập «{sheet}» từ {file}…").format(
        sheet=sheet, file=xlsx_path.name)
    step = QCoreApplication.translate("importing", "Nhập từ {file}").format(file=xlsx_path.name)

    def end(report: ImportReport | None) -> None:
        if on_end is not None:
            on_end(report)

    def run(choice: bool | None, plan: ImportPlan | None) -> None:
        def work(w: Work) -> Changes:
            from parapp.core.interchange.importer import ImportCancelled, apply_plan, plan_import
            from parapp.core.interchange.xlsx import ImportFailed
            with logs.timed(f"import {kind}", log, file=window.path.name,
                            workbook=xlsx_path.name) as timing:
                try:
                    planned = plan or plan_import(w.store, kind, xlsx_path, bool(choice),
                                                  lambda: w.cancelled)
                    if choice is None and planned.report.conflicts:  # ask: nothing written
                        timing.outcome = "conflicts, asking"
                        return Changes(label, None, undoable=False, value=planned)
                    report = apply_plan(w.store, planned, choice,
                                        progress=lambda done, total: _step(w, done, total))
                except ImportCancelled:
                    timing.outcome = "cancelled"
                    report = None
                except ImportFailed as err:  # every error, for the details of the box
                    timing.outcome = f"failed: {str(err).splitlines()[0]}"
                    return Changes(label, None, undoable=False, value=err)
            if report is None:  # rolled back: nothing changed
                raise Cancelled
            return period_changes(w.store, step, report.txn, value=report)

        window.ops.change(label, work, lambda changes: done(changes.value), failed,
                          cancellable=True, exclusive=True,
                          cancelled=lambda: (show_information(window, title, CANCELLED()),
                                             end(None)))

    def done(value) -> None:
        from parapp.core.interchange.importer import ImportPlan
        from parapp.core.interchange.xlsx import ImportFailed
        if isinstance(value, ImportPlan):
            ask_conflicts(window, value, lambda choice: run(choice, value) if choice is not None
                          else (show_information(window, title, CANCELLED()), end(None)))
        elif isinstance(value, ImportFailed):
            show_warning(window, FAILED(), str(value).splitlines()[0],
                         "" if value.whole else "\n".join(value.errors))
            end(None)
        else:
            lines = value.lines(digest=False)
            text = "\n".join(line for line in lines if not line.startswith(" "))
            # long lists (appraisals kept or replaced) and the file's SHA-256, which the audit
            # log names as the source, go to the scrollable details
            details = "\n".join([*lines, "", f"SHA-256: {value.sha256}"])
            show_information(window, title, text, details)
            end(value)

    def failed(message: str) -> None:
        head, _, rest = message.partition("\n")
        show_warning(window, FAILED(), head, "\n".join(line.strip()
                                                       for line in rest.splitlines()))
        end(None)

    run(overwrite, None)


def _step(work: Work, done: int, total: int) -> bool:
    """The core's progress callback: reported, and False (roll back) once cancel was asked."""
    work.report(done, total)
    return not work.cancelled


def CANCELLED() -> str:
    return QCoreApplication.translate("importing", "Đã hủy nhập, không có thay đổi nào.")


def FAILED() -> str:
    return QCoreApplication.translate("importing", "Không nhập được dữ liệu")


# columns of the conflicts table
F_ROW, F_UNIT, F_CRITERION, F_ROUND, F_CURRENT, F_CURRENT_NOTE, F_WORKBOOK, F_WORKBOOK_NOTE, \
    F_OUTCOME = range(9)


def _points(value) -> str:
    return fmt(value, max(2, decimals_of(value)), comma=None)  # exact, as entered


class ConflictDialog(QDialog):
    """Before an import writes anything: the appraisals council members entered in parapp that
    the workbook would change, side by side, and the choice of keeping them or replacing them
    with the workbook's values. Cancel writes nothing."""

    def __init__(self, parent: QWidget | None, plan: ImportPlan):
        super().__init__(parent)
        report = plan.report
        self.conflicts = report.conflicts
        self.setWindowTitle(self.tr("Điểm thẩm định đã nhập trong parapp"))
        intro = QLabel(self.tr(
            "Tệp {file} có %n điểm thẩm định khác với điểm thành viên Hội đồng đã nhập trong "
            "parapp. Chưa có gì được ghi; chọn cách nhập:", None, len(self.conflicts)).format(
            file=report.path.name), self)
        intro.setWordWrap(True)
        self.keep_radio = QRadioButton(self.tr("&Giữ điểm đã nhập trong parapp"), self)
        self.overwrite_radio = QRadioButton(self.tr("Ghi đè bằng giá trị trong tệp &Excel"), self)
        self.keep_radio.setChecked(True)  # the command line's default too
        self.keep_radio.toggled.connect(self._show_outcomes)

        self.table = table = QTableWidget(len(self.conflicts), 9, self)
        table.setHorizontalHeaderLabels([
            self.tr("Dòng"), self.tr("Đơn vị"), self.tr("Tiêu chí"), self.tr("Vòng"),
            self.tr("Trong parapp"), self.tr("Lý do (parapp)"), self.tr("Trong tệp Excel"),
            self.tr("Lý do (tệp Excel)"), self.tr("Khi nhập")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, c in enumerate(self.conflicts):
            values = {F_ROW: c.ref, F_UNIT: f"{c.unit} — {c.unit_name}", F_CRITERION: c.criterion,
                      F_ROUND: str(c.round), F_CURRENT: _points(c.current),
                      F_CURRENT_NOTE: c.current_note, F_WORKBOOK: _points(c.workbook),
                      F_WORKBOOK_NOTE: c.workbook_note}
            for col, text in values.items():
                item = QTableWidgetItem(text)
                item.setToolTip(c.criterion_name if col == F_CRITERION else text)
                if col in (F_ROUND, F_CURRENT, F_WORKBOOK):
                    item.setTextAlignment(right)
                table.setItem(row, col, item)
            table.setItem(row, F_OUTCOME, QTableWidgetItem())
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for col in (F_CURRENT_NOTE, F_WORKBOOK_NOTE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)

        others = QLabel(self.tr("Ngoài ra, %n dòng có thay đổi khác được nhập dù chọn cách "
                                "nào.", None, report.changed) if report.changed else
                        self.tr("Tệp không có thay đổi nào khác."), self)
        others.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(self.tr("&Nhập"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.keep_radio)
        layout.addWidget(self.overwrite_radio)
        layout.addWidget(table, 1)
        layout.addWidget(others)
        layout.addWidget(buttons)
        self._show_outcomes()
        em = self.fontMetrics().height()
        self.resize(em * 64, em * 28)  # fits 1366×768 at any font size that fits it at all

    @property
    def overwrite(self) -> bool:
        return self.overwrite_radio.isChecked()

    def _show_outcomes(self) -> None:
        for row, c in enumerate(self.conflicts):
            self.table.item(row, F_OUTCOME).setText(
                self.tr("Thay bằng {value}").format(value=_points(c.workbook)) if self.overwrite
                else self.tr("Giữ {value}").format(value=_points(c.current)))


def ask_conflicts(parent: QWidget | None, plan: ImportPlan,
                  answer: Callable[[bool | None], None]) -> ConflictDialog:
    """Ask what to do with the plan's conflicts (window-modal, without blocking): `answer` gets
    True to replace them, False to keep them, None to cancel the import."""
    dialog = ConflictDialog(parent, plan)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.finished.connect(lambda code: answer(
        dialog.overwrite if code == QDialog.DialogCode.Accepted else None))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
