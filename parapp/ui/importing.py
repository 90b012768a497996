"""Import from Excel without freezing the window: the import runs on a worker thread.

`import_file` applies a whole sheet in one transaction; on a big sheet that takes seconds, so it
runs on a `QThread` behind a window-modal progress dialog while the GUI thread keeps painting.
The worker opens its own writable `Store` on that thread (an SQLite connection must be used by
the thread that made it) and closes it before reporting, so the window can re-read the file at
once. Cancelling sets a flag that the import's progress callback reads; the core then rolls the
transaction back, so a cancelled import changes nothing.

A scores import that would change appraisals council members entered in parapp asks first: the
worker plans it (`plan_import`, nothing written) and hands the plan back; `ConflictDialog` lists
each such appraisal and the user keeps them, replaces them (the command line's `--overwrite`) or
cancels; only then does a second worker apply the plan, in one transaction (one undo step).

Message boxes go through `show_information` / `show_warning` below, looked up at call time, so
tests can monkeypatch them (a blocking `exec()` would hang an offscreen test).
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from parapp import logs
from parapp.core.errors import ParappError
from parapp.core.interchange.columns import LAYOUTS
from parapp.core.interchange.importer import (
    ImportCancelled,
    ImportPlan,
    ImportReport,
    apply_plan,
    plan_import,
)
from parapp.core.interchange.xlsx import ImportFailed
from parapp.core.numbers import decimals_of, fmt
from parapp.core.store import Store
from parapp.ui.busy import Job, WorkerThread

log = logging.getLogger(__name__)

SHOW_AFTER_MS = 400  # a quick import finishes before the progress dialog would flash up


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


class ImportWorker(QObject):
    """Runs one import: `WorkerThread(worker, …).start()` runs it off the GUI thread, `run()`
    runs it right here.

    `overwrite` None asks: when the import would change appraisals entered in parapp, nothing
    is written and `conflicts(plan)` hands the plan back for the user to decide. Given `plan`
    (from such a worker), the worker applies it with `overwrite`, without reading the file again.

    Exactly one of `finished(report)`, `conflicts(plan)`, `failed(message)`, `cancelled()` is
    emitted, after the worker's store is closed. On failure `errors` holds the problems, one a
    line ("Sheet!Cell: message"), when the file itself was at fault (none when the workbook was
    refused as a whole: the one-line message says why).
    """

    progress = Signal(int, int)  # (done, total) steps of the transaction
    finished = Signal(object)  # ImportReport
    conflicts = Signal(object)  # ImportPlan: nothing written, the user decides
    failed = Signal(str)  # the message, first line a summary; no traceback
    cancelled = Signal()

    def __init__(self, db_path: Path | str, kind: str, xlsx_path: Path | str,
                 overwrite: bool | None = False, plan: ImportPlan | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.kind = kind
        self.xlsx_path = Path(xlsx_path)
        self.overwrite = overwrite
        self.plan = plan
        self.errors: list[str] = []
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the import to stop. Safe from any thread; call it directly, not through a
        queued signal: the worker's thread is busy importing and would never get the event."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> bool:
        self.progress.emit(done, total)
        return not self._cancel.is_set()  # False makes the core roll back and stop

    def run(self) -> None:
        with logs.timed(f"import {self.kind}", log, file=self.db_path.name,
                        workbook=self.xlsx_path.name) as op:
            signal, args = self._import()
            op.outcome = (f"failed: {args[0]}" if signal is self.failed else
                          "cancelled" if signal is self.cancelled else
                          "conflicts, asking" if signal is self.conflicts else "done")
        signal.emit(*args)

    def _import(self) -> tuple[Signal, tuple]:
        if self._cancel.is_set():  # cancelled before the thread got going
            return self.cancelled, ()
        try:
            store = Store.open(self.db_path)
        except ParappError as err:
            return self.failed, (str(err),)
        except Exception as err:  # e.g. an I/O error the core did not anticipate
            log.exception("opening %s for import", self.db_path)
            return self.failed, (QCoreApplication.translate(
                "importing", "{path}: không mở được tệp để nhập ({error})").format(
                path=self.db_path.name, error=err),)
        try:
            plan = self.plan or plan_import(store, self.kind, self.xlsx_path, bool(self.overwrite))
            if self.overwrite is None and plan.report.conflicts:
                return self.conflicts, (plan,)
            report = apply_plan(store, plan, self.overwrite, progress=self._progress)
        except ImportCancelled:
            return self.cancelled, ()
        except ImportFailed as err:
            self.errors = [] if err.whole else list(err.errors)  # one line says it all
            return self.failed, (str(err),)
        except ParappError as err:
            return self.failed, (str(err),)
        except Exception as err:  # the transaction was rolled back by the store
            log.exception("importing %s into %s", self.xlsx_path, self.db_path)
            return self.failed, (QCoreApplication.translate(
                "importing", "{file}: không nhập được ({error}); không có dữ liệu nào "
                "được nhập").format(file=self.xlsx_path.name, error=err),)
        finally:
            store.close()  # before reporting: the window re-reads the file right after
        return self.finished, (report,)


class _Session(QObject):
    """GUI-thread side of one import: drives the dialog and waits for the worker's outcome.
    A QObject living on the GUI thread, so the worker's signals reach it queued."""

    def __init__(self, worker: ImportWorker, dialog: QProgressDialog, loop: QEventLoop):
        super().__init__()
        self.worker, self.dialog, self.loop = worker, dialog, loop
        self.done = False
        self.cancel_clicked = False  # by the user, while the import was still running
        self.outcome: str | None = None  # "finished" | "failed" | "cancelled"
        self.report: ImportReport | None = None
        self.plan: ImportPlan | None = None
        self.message = ""

    @Slot(int, int)
    def on_progress(self, done: int, total: int) -> None:
        if self.worker.cancel_requested or self.done:
            return
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, total))

    @Slot()
    def on_cancel_clicked(self) -> None:
        if self.done:
            return
        self.cancel_clicked = True
        self.worker.cancel()
        # QProgressDialog hides itself on cancel; show it again so the window stays blocked
        # until the rollback is over and the file is free
        self.dialog.setLabelText(QCoreApplication.translate(
            "importing", "Đang hủy, không có thay đổi nào được ghi…"))
        self.dialog.setRange(0, 0)
        self.dialog.show()

    @Slot(object)
    def on_finished(self, report: ImportReport) -> None:
        self.report = report
        self._end("finished")

    @Slot(object)
    def on_conflicts(self, plan: ImportPlan) -> None:
        self.plan = plan
        self._end("conflicts")

    @Slot(str)
    def on_failed(self, message: str) -> None:
        self.message = message
        self._end("failed")

    @Slot()
    def on_cancelled(self) -> None:
        self._end("cancelled")

    def _end(self, outcome: str) -> None:
        self.done, self.outcome = True, outcome
        self.loop.quit()


def run_import(parent: QWidget | None, db_path: Path | str, kind: str, xlsx_path: Path | str,
               overwrite: bool | None = None, job: Job | None = None) -> ImportReport | None:
    """Import `xlsx_path` into the file at `db_path` behind a progress dialog, then tell the
    user how it went. `overwrite` None: if the import would change appraisals entered in
    parapp, ask first (`ConflictDialog`); nothing is written before the answer. Returns the
    report, or None if the import failed or was cancelled. The event loop keeps running
    meanwhile; the dialogs are window-modal. `job.cancel` becomes what cancels the step under
    way (for a window closed meanwhile)."""
    xlsx_path = Path(xlsx_path)
    title = QCoreApplication.translate("importing", "Nhập dữ liệu")
    cancelled = QCoreApplication.translate("importing", "Đã hủy nhập, không có thay đổi nào.")
    worker = ImportWorker(db_path, kind, xlsx_path, overwrite)
    session = _run(parent, worker, title, job)
    if session.outcome == "conflicts":
        choice = ask_conflicts(parent, session.plan, job)
        if choice is None:
            show_information(parent, title, cancelled)
            return None
        worker = ImportWorker(db_path, kind, xlsx_path, choice, plan=session.plan)
        session = _run(parent, worker, title, job)

    if session.outcome == "finished":
        report = session.report
        lines = report.lines()
        text = "\n".join(line for line in lines if not line.startswith(" "))
        if session.cancel_clicked:
            text = QCoreApplication.translate(
                "importing", "Việc nhập đã xong trước khi kịp hủy; các thay đổi đã được ghi.") \
                + "\n" + text
        # long lists (appraisals kept or replaced) go to the scrollable details
        details = "\n".join(lines) if any(line.startswith(" ") for line in lines) else ""
        show_information(parent, title, text, details)
        return report
    if session.outcome == "failed":
        head, _, rest = session.message.partition("\n")
        details = "\n".join(worker.errors) if worker.errors else "\n".join(
            line.strip() for line in rest.splitlines())
        show_warning(parent, QCoreApplication.translate(
            "importing", "Không nhập được dữ liệu"), head, details)
        return None
    show_information(parent, title, cancelled)
    return None


def _run(parent: QWidget | None, worker: ImportWorker, title: str,
         job: Job | None = None) -> _Session:
    """`worker` on its thread behind a progress dialog with a cancel button; returns once it
    has reported (the session holds its outcome)."""
    sheet = LAYOUTS[worker.kind].sheet if worker.kind in LAYOUTS else worker.kind
    dialog = QProgressDialog(
        QCoreApplication.translate("importing", "Đang nhập «{sheet}» từ {file}…").format(
            sheet=sheet, file=worker.xlsx_path.name),
        QCoreApplication.translate("importing", "Hủy"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setValue(0)  # starts the show-after timer; range 0..0 is a busy bar until progress

    thread = WorkerThread(worker, "parapp-import")
    loop = QEventLoop()
    session = _Session(worker, dialog, loop)  # on the GUI thread: the signals arrive queued
    worker.progress.connect(session.on_progress)
    worker.finished.connect(session.on_finished)
    worker.conflicts.connect(session.on_conflicts)
    worker.failed.connect(session.on_failed)
    worker.cancelled.connect(session.on_cancelled)
    dialog.canceled.connect(session.on_cancel_clicked)
    if job is not None:
        job.cancel = session.on_cancel_clicked

    thread.start()
    if not session.done:  # a quit() before exec() would be lost
        loop.exec()
    thread.wait()
    dialog.canceled.disconnect(session.on_cancel_clicked)  # closing a progress dialog cancels
    dialog.close()
    dialog.deleteLater()
    return session


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
            "Tệp {file} có {n} điểm thẩm định khác với điểm thành viên Hội đồng đã nhập trong "
            "parapp. Chưa có gì được ghi; chọn cách nhập:").format(
            file=report.path.name, n=len(self.conflicts)), self)
        intro.setWordWrap(True)
        self.keep_radio = QRadioButton(self.tr("&Giữ điểm đã nhập trong parapp"), self)
        self.overwrite_radio = QRadioButton(self.tr("Ghi đè bằng giá trị trong tệp &Excel"), self)
        self.keep_radio.setChecked(True)  # the command line's default too
        self.keep_radio.toggled.connect(self._show_outcomes)

        self.table = table = QTableWidget(len(self.conflicts), 9, self)
        table.setHorizontalHeaderLabels([
            self.tr("Dòng"), self.tr("Đơn vị"), self.tr("Tiêu chí"), self.tr("Lần"),
            self.tr("Trong parapp"), self.tr("Lý do (parapp)"), self.tr("Trong tệp Excel"),
            self.tr("Lý do (tệp Excel)"), self.tr("Khi nhập")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
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

        others = QLabel(self.tr("Ngoài ra, {n} dòng có thay đổi khác được nhập dù chọn cách "
                                "nào.").format(n=report.changed) if report.changed else
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
                  job: Job | None = None) -> bool | None:
    """The user's choice for the plan's conflicts: True to replace them, False to keep them,
    None to cancel the import (also what closing the window meanwhile does)."""
    dialog = ConflictDialog(parent, plan)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    if job is not None:
        job.cancel = dialog.reject
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    choice = dialog.overwrite if accepted else None
    dialog.deleteLater()
    return choice
