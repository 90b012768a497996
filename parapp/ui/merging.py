"""Council packages in the desktop window: merging returned packages, sealing one, making a key.

`MergeDialog` (Tổ thư ký): the secretariat adds returned member packages (file dialog or drag
and drop); a dry run (`merge_packages(dry_run=True)`) on a worker thread lists, per package,
what would change — or why the package is refused — and every conflict side by side: the value
when the package left, the master's value now, the member's value. Each conflict needs a choice
(keep the master's value / take the package's) and a reason before "Hợp nhất" is enabled; the
merge itself then runs on the worker thread too, in one transaction after a backup, and the
dialog shows what was merged, the backup, and can export the Excel merge report. A refused
package is left out (its message in red); the others are merged.

The worker opens its own writable `Store` on its thread (an SQLite connection belongs to the
thread that made it) and closes it before reporting. Cancelling sets a flag that the merge's
progress callback reads: the core then rolls back, so a cancelled merge changes nothing.

`seal_current_package` (a member): seal the package open in the window with the member's key
(the default key file, or one the user picks), asking the passphrase only when the key has one.
`create_key_dialog`: a member without a key makes one and copies its fingerprint for the
secretariat.

Message boxes go through `show_information` / `show_warning` (looked up at call time), so
tests can monkeypatch them.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from parapp import logs
from parapp.core.errors import ParappError
from parapp.core.merge import Conflict, MergeReport, Resolution, merge_packages
from parapp.core.numbers import fmt_time
from parapp.core.packages import SealInfo, default_key_path, load_key, new_key, seal_package
from parapp.core.store import Store
from parapp.ui import theme
from parapp.ui.busy import WorkerThread
from parapp.ui.importing import show_information, show_warning
from parapp.ui.sizing import (
    chars, column_width, fit_line_edit, fit_screen, keep_text_whole, two_lines,
)

log = logging.getLogger(__name__)

PACKAGE_SUFFIX = ".parapp"
# conflicts table columns
K_MEMBER, K_UNIT, K_CRITERION, K_PART, K_BASE, K_MASTER, K_THEIRS, K_CHOICE, K_REASON = range(9)
# packages table columns
P_FILE, P_MEMBER, P_SEALED, P_APPLIED, P_PARALLEL, P_CONFLICT, P_UNCHANGED = range(7)
CHOICES = ("", "master", "package")  # index of the choice combo → Resolution.chosen


def _error_color() -> QColor:
    return QColor("#ff8a80") if theme.is_dark() else QColor("#c62828")


def _part_name(part: str) -> str:
    if part == "appraisal":
        return QCoreApplication.translate("merging", "Thẩm định")
    if part == "appraisal2":
        return QCoreApplication.translate("merging", "Thẩm định lần 2")
    return part


# -- the worker ---------------------------------------------------------------------------------

@dataclass
class MergePlan:
    """A dry run: the report of the packages that can be merged, why the others are refused,
    and the names of units and criteria for display."""
    report: MergeReport
    refused: dict[Path, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    criteria: dict[str, str] = field(default_factory=dict)
    members: dict[str, str] = field(default_factory=dict)

    @property
    def accepted(self) -> list[Path]:
        return [p.path for p in self.report.packages]


def _names_file(message: str, path: Path) -> bool:
    """Whether a core refusal is about `path`: every package refusal starts with its name."""
    return any(message.startswith(f"{name}:") for name in (path.name, str(path)))


class MergeWorker(QObject):
    """One dry run (`plan`) or one merge. `WorkerThread(worker, …).start()` runs it off the GUI
    thread, `run()` right here. Exactly one of `finished(result)` (a MergePlan for a dry run,
    a MergeReport for a merge), `failed(message)`, `cancelled()` is emitted, after the
    worker's store is closed."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, master_path: Path | str, packages: list[Path], *, dry_run: bool,
                 resolutions: dict | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.master_path = Path(master_path)
        self.packages = [Path(p) for p in packages]
        self.dry_run = dry_run
        self.resolutions = dict(resolutions or {})
        self.outcome: str | None = None  # "finished" | "failed" | "cancelled", once done
        self.result = None  # the MergePlan or MergeReport when finished
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop (any thread; call directly, the worker's thread is busy)."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> bool:
        self.progress.emit(done, total)
        return not self._cancel.is_set()

    def run(self) -> None:
        with logs.timed("merge dry run" if self.dry_run else "merge", log,
                        file=self.master_path.name, packages=len(self.packages)) as op:
            outcome, args = self._work()
            op.outcome = f"{outcome}: {args[0]}" if outcome == "failed" else outcome
        # kept on the worker too: a dialog closed while waiting reads it after thread.wait()
        self.outcome = outcome
        self.result = args[0] if outcome == "finished" else None
        getattr(self, outcome).emit(*args)

    def _work(self) -> tuple[str, tuple]:
        if self._cancel.is_set():
            return "cancelled", ()
        try:
            store = Store.open(self.master_path)
        except ParappError as err:
            return "failed", (str(err),)
        except Exception as err:
            log.exception("opening %s for a merge", self.master_path)
            return "failed", (QCoreApplication.translate(
                "merging", "{path}: không mở được tệp ({error})").format(
                path=self.master_path.name, error=err),)
        try:
            if self.dry_run:
                result = self._plan(store)
            else:
                result = merge_packages(store, self.packages, resolutions=self.resolutions,
                                        progress=self._progress)
        except ParappError as err:
            if self._cancel.is_set():
                return "cancelled", ()
            return "failed", (str(err),)
        except Exception as err:  # the transaction was rolled back by the store
            log.exception("merging into %s", self.master_path)
            return "failed", (QCoreApplication.translate(
                "merging", "Không hợp nhất được ({error}); không có gì thay đổi").format(
                error=err),)
        finally:
            store.close()
        return "finished", (result,)

    def _plan(self, store: Store) -> MergePlan:
        """Dry-run the packages together; a refused package is set aside with its message and
        the others planned again (a refusal names its file; if one does not, each package is
        tried alone to find it)."""
        refused: dict[Path, str] = {}
        remaining = list(self.packages)
        report = MergeReport([])
        while remaining:
            try:
                report = merge_packages(store, remaining, dry_run=True, progress=self._progress)
                break
            except ParappError as err:
                if self._cancel.is_set():
                    raise
                message = str(err)
                named = [p for p in remaining if _names_file(message, p)
                         or _names_file(err.vi, p)]
                if not named:
                    named = self._refused_alone(store, remaining, refused)
                    if not named:  # not about a package: the master, the disk…
                        raise
                    remaining = [p for p in remaining if p not in named]
                    continue
                refused[named[0]] = message
                remaining.remove(named[0])
        return MergePlan(report, refused, {u.code: u.name for u in store.units()},
                         {n.code: n.name for n in store.tree().nodes.values()},
                         {m.code: m.department for m in store.members()})

    def _refused_alone(self, store: Store, paths: list[Path], refused: dict) -> list[Path]:
        out = []
        for path in paths:
            try:
                merge_packages(store, [path], dry_run=True)
            except ParappError as err:
                if self._cancel.is_set():
                    raise
                refused[path] = str(err)
                out.append(path)
        return out


# -- the merge dialog ---------------------------------------------------------------------------

class MergeDialog(QDialog):
    """Hợp nhất gói của thành viên Hội đồng into the master file at `master_path`.

    After a successful merge `report` holds the MergeReport (its `txn` undoes the whole merge
    with `Store.revert`); it stays None otherwise. `planned` is emitted when a dry run has been
    shown, `merged` when a merge is done, `failed_run(message)` when either failed."""

    planned = Signal()
    merged = Signal(object)
    failed_run = Signal(str)

    def __init__(self, parent: QWidget | None, master_path: Path | str):
        super().__init__(parent)
        self.master_path = Path(master_path)
        self.packages: list[Path] = []
        self.report: MergeReport | None = None
        self.plan: MergePlan | None = None
        self._worker: MergeWorker | None = None
        self._thread: WorkerThread | None = None
        self._stale = False  # the package list changed while a dry run was running
        self._closing = False
        self._conflicts: list[Conflict] = []
        self._kept: dict[tuple, tuple[int, str]] = {}  # choices survive a new dry run

        self.setWindowTitle(self.tr("Hợp nhất gói của thành viên Hội đồng"))
        self.setAcceptDrops(True)
        fit_screen(self, 1180, 680)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._plan_page())
        self.pages.addWidget(self._result_page())

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setTextVisible(False)
        self.status_label = QLabel(self)
        self.cancel_button = QPushButton(self.tr("Dừng"), self)
        self.cancel_button.clicked.connect(self._cancel_work)
        busy = QHBoxLayout()
        busy.addWidget(self.status_label, 1)
        busy.addWidget(self.progress_bar, 1)
        busy.addWidget(self.cancel_button)
        self.busy_row = QWidget(self)
        self.busy_row.setLayout(busy)
        busy.setContentsMargins(0, 0, 0, 0)
        self.busy_row.hide()

        self.buttons = QDialogButtonBox(self)
        self.merge_button = self.buttons.addButton(self.tr("&Hợp nhất"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.clicked.connect(self.start_merge)
        self.merge_button.setEnabled(False)
        self.close_button = self.buttons.addButton(self.tr("Đóng"),
                                                   QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.busy_row)
        layout.addWidget(self.buttons)
        for button in self.findChildren(QPushButton):  # Enter presses no button (below)
            button.setAutoDefault(False)
        keep_text_whole(self)

    # -- pages ----------------------------------------------------------------------------------

    def _plan_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(self.tr(
            "Tệp chính: <b>{file}</b>. Thêm các gói (.parapp) thành viên Hội đồng đã niêm phong "
            "gửi lại — bằng nút «Thêm gói…» hoặc kéo thả tệp vào đây. Việc chạy thử không ghi "
            "gì vào tệp.").format(file=self.master_path.name), page)
        intro.setWordWrap(True)
        self.add_button = QPushButton(self.tr("&Thêm gói…"), page)
        self.add_button.clicked.connect(self.choose_packages)
        self.remove_button = QPushButton(self.tr("&Bỏ gói đã chọn"), page)
        self.remove_button.clicked.connect(self._remove_selected)
        self.remove_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(intro, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)

        self.packages_table = QTableWidget(0, 7, page)
        self.packages_table.setHorizontalHeaderLabels([
            self.tr("Tệp gói"), self.tr("Thành viên"), self.tr("Niêm phong lúc"),
            self.tr("Áp dụng"), self.tr("Song song"), self.tr("Xung đột"), self.tr("Không đổi")])
        self._setup_table(self.packages_table)
        self.packages_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.packages_table.itemSelectionChanged.connect(self._update_buttons)
        header = self.packages_table.horizontalHeader()
        header.setSectionResizeMode(P_MEMBER, QHeaderView.ResizeMode.Stretch)
        for col, sample in ((P_FILE, "goi-SVHTTDL-vong-2.parapp"), (P_SEALED, "22/11/2026 20:36"),
                            (P_APPLIED, "000"), (P_PARALLEL, "000"), (P_CONFLICT, "000"),
                            (P_UNCHANGED, "0000")):
            self.packages_table.setColumnWidth(col, column_width(header, col, sample))

        self.conflicts_label = QLabel(self.tr("Xung đột"), page)
        bold = self.conflicts_label.font()
        bold.setBold(True)
        self.conflicts_label.setFont(bold)
        self.conflicts_table = QTableWidget(0, 9, page)
        self.conflicts_table.setHorizontalHeaderLabels([
            self.tr("Thành viên"), self.tr("Đơn vị"), self.tr("Tiêu chí"), self.tr("Phần"),
            self.tr("Giá trị gốc"), self.tr("Tệp chính (hiện tại)"),
            self.tr("Gói của thành viên"), self.tr("Chọn"), self.tr("Lý do")])
        self._setup_table(self.conflicts_table)
        self.conflicts_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.conflicts_table.horizontalHeader().setSectionResizeMode(
            K_REASON, QHeaderView.ResizeMode.Stretch)
        self.conflicts_table.setWordWrap(True)  # the values in full, on two lines if need be

        # the same choice and reason for every conflict still open (many packages, one rule)
        self.all_choice = QComboBox(page)
        self.all_choice.addItems([self.tr("— chọn —"), self.tr("Giữ tệp chính"),
                                  self.tr("Lấy giá trị của gói")])
        self.all_reason = QLineEdit(page)
        self.all_reason.setPlaceholderText(self.tr("Lý do chung"))
        self.fill_button = QPushButton(self.tr("Điền cho các xung đột còn trống"), page)
        self.fill_button.clicked.connect(self._fill_all)
        self._size_conflict_columns()
        bulk = QHBoxLayout()
        bulk.addWidget(QLabel(self.tr("Cho mọi xung đột:"), page))
        bulk.addWidget(self.all_choice)
        bulk.addWidget(self.all_reason, 1)
        bulk.addWidget(self.fill_button)
        self.bulk_row = QWidget(page)
        self.bulk_row.setLayout(bulk)
        bulk.setContentsMargins(0, 0, 0, 0)

        self.hint_label = QLabel(page)
        self.hint_label.setWordWrap(True)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.packages_table, 1)
        layout.addWidget(self.conflicts_label)
        layout.addWidget(self.conflicts_table, 3)
        layout.addWidget(self.bulk_row)
        layout.addWidget(self.hint_label)
        self._show_conflicts()
        return page

    def _result_page(self) -> QWidget:
        page = QWidget(self)
        self.result_title = QLabel(page)
        bold = self.result_title.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.result_title.setFont(bold)
        self.undo_label = QLabel(self.tr(
            "Cả lần hợp nhất là một bước: hoàn tác được trong cửa sổ chính (Sửa › Hoàn tác)."),
            page)
        self.result_text = QPlainTextEdit(page)
        self.result_text.setReadOnly(True)
        self.backup_label = QLabel(page)
        self.backup_label.setWordWrap(True)
        self.backup_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(self.tr("Xuất báo cáo &Excel…"), page)
        self.export_button.clicked.connect(self.export_report)
        row = QHBoxLayout()
        row.addWidget(self.backup_label, 1)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.result_title)
        layout.addWidget(self.undo_label)
        layout.addWidget(self.result_text, 1)
        layout.addLayout(row)
        return page

    def _size_conflict_columns(self) -> None:
        """Widths in the font's own units, for typical values (longer ones wrap, a title
        wider than them goes on two lines); the reason gets the rest, never less than a
        sentence: the dialog is at least that wide."""
        table = self.conflicts_table
        header = table.horizontalHeader()
        metrics = header.fontMetrics()
        for col, sample in ((K_MEMBER, "SNNMT"), (K_UNIT, "SVHTTDL — Sở Nội"),
                            (K_CRITERION, "10.10.10 — Thực hiện"), (K_PART, "Thẩm định"),
                            (K_BASE, "10,25 (Thiếu báo"), (K_MASTER, "10,25 (Thiếu báo"),
                            (K_THEIRS, "10,25 (Thiếu báo")):
            title = table.horizontalHeaderItem(col)
            if metrics.horizontalAdvance(title.text()) > metrics.horizontalAdvance(sample):
                title.setText(two_lines(title.text()))
            table.setColumnWidth(col, column_width(header, col, sample))
        table.setColumnWidth(K_CHOICE, self.all_choice.sizeHint().width())
        table.setMinimumWidth(sum(table.columnWidth(c) for c in range(K_REASON))
                              + chars(table, 44) + 2 * table.frameWidth()
                              + table.verticalScrollBar().sizeHint().width())

    @staticmethod
    def _setup_table(table: QTableWidget) -> None:
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        # room for stacked Vietnamese marks (Ể, Ỗ) and for the cell widgets
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 14)

    # -- packages -------------------------------------------------------------------------------

    def choose_packages(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Chọn các gói thành viên gửi lại"), str(self.master_path.parent),
            self.tr("Gói parapp (*.parapp);;Mọi tệp (*)"))
        if names:
            self.add_packages(names)

    def add_packages(self, paths) -> None:
        """Add package files (a file already in the list, or the master itself, is skipped;
        a second file of the same name is refused: conflicts are told apart by file name)."""
        if self.report is not None or (self.busy and not self._worker.dry_run):
            return  # merged, or merging: the list is settled
        added, skipped = [], []
        master = self.master_path.resolve()
        for raw in paths:
            path = Path(raw)
            resolved = path.resolve()
            if resolved == master or any(p.resolve() == resolved for p in self.packages):
                continue
            if any(p.name == path.name for p in self.packages):
                skipped.append(path)
                continue
            self.packages.append(path)
            added.append(path)
        if skipped:
            show_warning(self, self.windowTitle(), self.tr(
                "Đã có một gói cùng tên trong danh sách; hãy đổi tên tệp rồi thêm lại:\n{files}")
                .format(files="\n".join(str(p) for p in skipped)))
        if added:
            self.run_plan()

    def _remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.packages_table.selectedIndexes()}, reverse=True)
        shown = self._shown_packages()
        for row in rows:
            if row < len(shown) and shown[row] in self.packages:
                self.packages.remove(shown[row])
        self.run_plan()

    def _shown_packages(self) -> list[Path]:
        return [Path(self.packages_table.item(r, P_FILE).data(Qt.ItemDataRole.UserRole))
                for r in range(self.packages_table.rowCount())]

    def _accepts_drop(self, event) -> bool:
        settled = self.report is not None or (self.busy and not self._worker.dry_run)
        return bool(self._dropped(event)) and not settled

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts_drop(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self._accepts_drop(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped(event)
        if not self._accepts_drop(event):
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_packages(paths)

    @staticmethod
    def _dropped(event) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()
                and u.toLocalFile().lower().endswith(PACKAGE_SUFFIX)]

    # -- running --------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def run_plan(self) -> None:
        """Dry-run the listed packages (on the worker thread); the tables show the outcome."""
        self._keep_choices()
        if self.busy:
            self._stale = True
            return
        self._stale = False
        self._show_plan()  # new packages show at once, "not checked yet"
        if not self.packages:
            self.plan = None
            self._show_plan()
            return
        self._start(MergeWorker(self.master_path, self.packages, dry_run=True),
                    self.tr("Đang chạy thử hợp nhất, không ghi gì vào tệp…"))

    def start_merge(self) -> None:
        """Merge the accepted packages for real with the chosen resolutions."""
        if self.busy or self.plan is None or self.missing():
            return
        self._keep_choices()
        resolutions = self.resolutions()
        self._start(MergeWorker(self.master_path, self.plan.accepted, dry_run=False,
                                resolutions=resolutions),
                    self.tr("Đang hợp nhất (một giao dịch, sau khi sao lưu tệp chính)…"))

    def _start(self, worker: MergeWorker, text: str) -> None:
        self._worker = worker
        self._thread = WorkerThread(worker, "parapp-merge")
        worker.progress.connect(self._on_progress)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        worker.cancelled.connect(self._on_cancelled)
        self.status_label.setText(text)
        self.progress_bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.busy_row.show()
        self._update_buttons()
        self._thread.start()

    def _cancel_work(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.cancel_button.setEnabled(False)
            self.status_label.setText(self.tr("Đang dừng, không có thay đổi nào được ghi…"))

    def _end(self) -> MergeWorker:
        worker, thread = self._worker, self._thread
        if thread is not None:
            thread.wait()
            thread.deleteLater()
        self._worker = self._thread = None
        self.busy_row.hide()
        return worker

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._worker is None or self._worker.cancel_requested:
            return
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(min(done, total))

    @Slot(object)
    def _on_finished(self, result) -> None:
        worker = self._end()
        if self._closing:
            return
        if worker.dry_run:
            self.plan = result
            if self._stale:
                self.run_plan()
                return
            self._show_plan()
            self.planned.emit()
        else:
            self.report = result
            self._show_result(result)
            self.merged.emit(result)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        worker = self._end()
        if self._closing:
            return
        if worker.dry_run:
            self.plan = None
            self._show_plan()
            self._set_hint(message, error=True)
        else:
            show_warning(self, self.tr("Không hợp nhất được"), message)
            self.run_plan()  # the file may have changed since the dry run: plan again
        self.failed_run.emit(message)

    @Slot()
    def _on_cancelled(self) -> None:
        worker = self._end()
        if self._closing:
            return
        if worker.dry_run:
            self.plan = None
            self._show_plan()
            self._set_hint(self.tr("Đã dừng chạy thử. Bấm «Thêm gói…» hoặc bỏ một gói để chạy "
                                   "lại."), error=False)
        else:
            self._update_buttons()
            self._set_hint(self.tr("Đã dừng hợp nhất, không có thay đổi nào."), error=False)

    # -- showing a plan -------------------------------------------------------------------------

    def _show_plan(self) -> None:
        plan = self.plan
        table = self.packages_table
        table.setRowCount(0)
        results = {p.path: p for p in plan.report.packages} if plan is not None else {}
        refused = plan.refused if plan is not None else {}
        for path in self.packages:
            row = table.rowCount()
            table.insertRow(row)
            item = QTableWidgetItem(path.name)
            item.setToolTip(str(path))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            table.setItem(row, P_FILE, item)
            if path in refused:
                self._span(row, self.tr("Bị từ chối, không hợp nhất: {message}").format(
                    message=refused[path]), error=True)
                continue
            result = results.get(path)
            if result is None:  # added after the run started
                self._span(row, self.tr("Chưa chạy thử"))
                continue
            member = result.seal.member
            department = plan.members.get(member, "")
            table.setItem(row, P_MEMBER, QTableWidgetItem(
                f"{member} — {department}" if department else member))
            table.setItem(row, P_SEALED, QTableWidgetItem(fmt_time(result.seal.sealed_at)))
            if result.already:
                table.setItem(row, P_APPLIED, QTableWidgetItem(
                    self.tr("đã hợp nhất trước đó; không có gì thay đổi")))
                table.setSpan(row, P_APPLIED, 1, 4)
                continue
            counts = result.counts()
            for col, status in ((P_APPLIED, "applied"), (P_PARALLEL, "parallel"),
                                (P_CONFLICT, "conflict"), (P_UNCHANGED, "unchanged")):
                cell = QTableWidgetItem(str(counts[status]))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, col, cell)
        self._show_conflicts()
        self._update_buttons()

    def _span(self, row: int, text: str, error: bool = False) -> None:
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        if error:
            item.setForeground(_error_color())
        self.packages_table.setItem(row, P_MEMBER, item)
        self.packages_table.setSpan(row, P_MEMBER, 1, 6)

    def _show_conflicts(self) -> None:
        table = self.conflicts_table
        table.setRowCount(0)
        plan = self.plan
        self._conflicts = list(plan.report.conflicts) if plan is not None else []
        for conflict in self._conflicts:
            row = table.rowCount()
            table.insertRow(row)
            unit_name = plan.units.get(conflict.unit, "")
            crit_name = plan.criteria.get(conflict.criterion, "")
            cells = [
                (conflict.member, f"{plan.members.get(conflict.member, '')}\n{conflict.package}"
                 .strip()),
                (f"{conflict.unit} — {unit_name}" if unit_name else conflict.unit, unit_name),
                (f"{conflict.criterion} — {crit_name}" if crit_name else conflict.criterion,
                 crit_name),
                (_part_name(conflict.part), ""),
                (conflict.base.shown(), ""),
                (conflict.master.shown(), ""),
                (conflict.theirs.shown(), ""),
            ]
            for col, (text, tip) in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip or text)
                table.setItem(row, col, item)
            choice = QComboBox(table)
            choice.addItems([self.tr("— chọn —"), self.tr("Giữ tệp chính"),
                             self.tr("Lấy giá trị của gói")])
            reason = QLineEdit(table)
            reason.setPlaceholderText(self.tr("Bắt buộc: vì sao chọn giá trị này"))
            kept_choice, kept_reason = self._kept.get(conflict.key, (0, ""))
            choice.setCurrentIndex(kept_choice)
            reason.setText(kept_reason)
            choice.currentIndexChanged.connect(self._update_buttons)
            reason.textChanged.connect(self._update_buttons)
            table.setCellWidget(row, K_CHOICE, choice)
            table.setCellWidget(row, K_REASON, reason)
        table.resizeRowsToContents()
        least = table.verticalHeader().defaultSectionSize()
        most = table.fontMetrics().lineSpacing() * 3 + 6  # a long name: three lines, elided
        for row in range(table.rowCount()):
            table.setRowHeight(row, min(max(table.rowHeight(row) + 6, least), most))
        n = len(self._conflicts)
        self.conflicts_label.setText(self.tr("Xung đột ({n}): chọn giá trị và ghi lý do cho từng "
                                             "xung đột").format(n=n) if n
                                     else self.tr("Không có xung đột"))
        self.conflicts_table.setVisible(bool(n))
        self.bulk_row.setVisible(n > 1)

    def _keep_choices(self) -> None:
        for row, conflict in enumerate(self._conflicts):
            choice = self.conflicts_table.cellWidget(row, K_CHOICE)
            reason = self.conflicts_table.cellWidget(row, K_REASON)
            if choice is not None and reason is not None:
                self._kept[conflict.key] = (choice.currentIndex(), reason.text())

    def _fill_all(self) -> None:
        index, text = self.all_choice.currentIndex(), self.all_reason.text()
        for row in range(len(self._conflicts)):
            choice = self.conflicts_table.cellWidget(row, K_CHOICE)
            reason = self.conflicts_table.cellWidget(row, K_REASON)
            if index and choice.currentIndex() == 0:
                choice.setCurrentIndex(index)
            if text.strip() and not reason.text().strip():
                reason.setText(text)

    # -- choices --------------------------------------------------------------------------------

    def choice_widgets(self, row: int) -> tuple[QComboBox, QLineEdit]:
        return (self.conflicts_table.cellWidget(row, K_CHOICE),
                self.conflicts_table.cellWidget(row, K_REASON))

    def resolutions(self) -> dict[tuple, Resolution]:
        out = {}
        for row, conflict in enumerate(self._conflicts):
            choice, reason = self.choice_widgets(row)
            if choice.currentIndex() and reason.text().strip():
                out[conflict.key] = Resolution(CHOICES[choice.currentIndex()],
                                               reason.text().strip())
        return out

    def missing(self) -> str:
        """What keeps the merge button disabled ("" when the merge can run)."""
        if self.busy:
            return self.tr("Đang chạy…")
        if not self.packages:
            return self.tr("Chưa có gói nào: bấm «Thêm gói…» hoặc kéo thả tệp .parapp vào đây.")
        if self.plan is None:
            return self.tr("Chưa chạy thử được các gói.")
        if not any(not p.already for p in self.plan.report.packages):
            return self.tr("Không có gói nào để hợp nhất.")
        no_choice = no_reason = 0
        for row in range(len(self._conflicts)):
            choice, reason = self.choice_widgets(row)
            no_choice += choice.currentIndex() == 0
            no_reason += not reason.text().strip()
        parts = []
        if no_choice:
            parts.append(self.tr("{n} xung đột chưa chọn giá trị").format(n=no_choice))
        if no_reason:
            parts.append(self.tr("{n} xung đột chưa ghi lý do").format(n=no_reason))
        if parts:
            return self.tr("Chưa hợp nhất được: {what}.").format(what="; ".join(parts))
        return ""

    def _update_buttons(self, *_args) -> None:
        finished = self.report is not None
        missing = "" if finished else self.missing()
        self.merge_button.setVisible(not finished)
        self.merge_button.setEnabled(not finished and not missing)
        self.add_button.setEnabled(not self.busy and not finished)
        self.remove_button.setEnabled(not self.busy and not finished
                                      and bool(self.packages_table.selectedIndexes()))
        self.close_button.setEnabled(not self.busy)
        if finished:
            return
        if missing:
            self._set_hint(missing, error=bool(self._conflicts) and not self.busy)
        else:
            refused = len(self.plan.refused) if self.plan else 0
            self._set_hint(self.tr("Sẵn sàng hợp nhất. Gói bị từ chối ({n}) sẽ không được hợp "
                                   "nhất.").format(n=refused) if refused
                           else self.tr("Sẵn sàng hợp nhất."), error=False)
        self.merge_button.setToolTip(missing)

    def _set_hint(self, text: str, error: bool) -> None:
        self.hint_label.setText(text)
        color = _error_color().name() if error else ""
        self.hint_label.setStyleSheet(f"color: {color};" if color else "")

    # -- the result -----------------------------------------------------------------------------

    def _show_result(self, report: MergeReport) -> None:
        plan = self.plan
        merged = [p for p in report.packages if not p.already]
        self.result_title.setText(self.tr("Đã hợp nhất {n} gói vào {file}").format(
            n=len(merged), file=self.master_path.name))
        self.result_text.setPlainText("\n".join(self.report_lines(report, plan)))
        self.backup_label.setText(self.tr("Bản sao lưu trước khi hợp nhất: {path}").format(
            path=report.backup) if report.backup else "")
        self.pages.setCurrentIndex(1)
        self._update_buttons()

    def report_lines(self, report: MergeReport, plan: MergePlan | None) -> list[str]:
        out = []
        for p in report.packages:
            if p.already:
                out.append(self.tr("{file}: gói của {member} đã hợp nhất trước đó; không có gì "
                                   "thay đổi").format(file=p.path.name, member=p.seal.member))
                continue
            n = p.counts()
            out.append(self.tr("{file} ({member}, niêm phong {at}): {applied} áp dụng, "
                               "{parallel} song song, {conflict} xung đột, {unchanged} không đổi")
                       .format(file=p.path.name, member=p.seal.member,
                               at=fmt_time(p.seal.sealed_at), applied=n["applied"],
                               parallel=n["parallel"], conflict=n["conflict"],
                               unchanged=n["unchanged"]))
            for c in p.changes:
                if c.status == "unchanged":
                    continue
                if c.status == "conflict":
                    status = (self.tr("xung đột, giữ tệp chính") if c.new == c.old
                              else self.tr("xung đột, lấy giá trị của gói"))
                else:
                    status = (self.tr("áp dụng") if c.status == "applied"
                              else self.tr("song song"))
                out.append("    " + self.tr(
                    "{unit}, {criterion} ({part}): {old} → {new} ({status})").format(
                    unit=c.unit, criterion=c.criterion, part=_part_name(c.part),
                    old=c.old.shown(), new=c.new.shown(), status=status))
        for path, message in (plan.refused.items() if plan else ()):
            out.append(self.tr("{file}: không hợp nhất — {message}").format(
                file=path.name, message=message))
        resolved = self.resolutions()
        for c in report.conflicts:
            r = resolved.get(c.key)
            if r is None:
                continue
            chosen = (self.tr("giữ tệp chính {value}").format(value=c.master.shown())
                      if r.chosen == "master"
                      else self.tr("lấy giá trị của gói {value}").format(value=c.theirs.shown()))
            out.append(self.tr("Xung đột {unit}, {criterion} ({member}): {chosen}; lý do: "
                               "{reason}").format(unit=c.unit, criterion=c.criterion,
                                                  member=c.member, chosen=chosen,
                                                  reason=r.reason))
        return out

    def export_report(self) -> Path | None:
        default = self.master_path.with_name(f"{self.master_path.stem}-bao-cao-hop-nhat.xlsx")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Xuất báo cáo hợp nhất"),
                                              str(default), self.tr("Sổ tính Excel (*.xlsx)"))
        if not name:
            return None
        out = Path(name)
        if out.suffix.lower() != ".xlsx":
            out = out.with_suffix(".xlsx")
        from parapp.core.interchange.exporter import export_merge_report
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with Store.open(self.master_path, readonly=True) as store:
                out = export_merge_report(store, out)
        except ParappError as err:
            QApplication.restoreOverrideCursor()
            show_warning(self, self.tr("Không xuất được báo cáo"), str(err))
            return None
        except OSError as err:
            QApplication.restoreOverrideCursor()
            show_warning(self, self.tr("Không xuất được báo cáo"),
                         f"{out}: {err.strerror or err}")
            return None
        QApplication.restoreOverrideCursor()
        show_information(self, self.tr("Xuất báo cáo hợp nhất"),
                         self.tr("Đã xuất báo cáo hợp nhất: {path}").format(path=out))
        return out

    # -- closing --------------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # Enter ends a reason; it does not press the (default) Hợp nhất
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        self._stop()
        super().reject()

    def closeEvent(self, event) -> None:
        self._stop()
        super().closeEvent(event)

    def _stop(self) -> None:
        """Closing while busy: stop and wait (the core rolls back, the file is as it was). A
        merge that committed before the stop was seen still counts: `report` is set."""
        if not self.busy:
            return
        self._closing = True
        self._worker.cancel()
        worker = self._end()
        if not worker.dry_run and worker.outcome == "finished":
            self.report = worker.result
            self.merged.emit(worker.result)


def run_merge_dialog(window: QWidget | None, master_path: Path | str) -> MergeReport | None:
    """Show the merge dialog for the master file at `master_path` (window-modal); returns the
    MergeReport of the merge done (its `txn` undoes it as a whole: push it as one undo step and
    reload the file), or None if nothing was merged."""
    dialog = MergeDialog(window, master_path)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.exec()
    report = dialog.report
    dialog.deleteLater()
    return report


# -- keys and seals (a council member) -----------------------------------------------------------

def key_is_encrypted(path: Path) -> bool:
    """Whether the private key at `path` needs a passphrase (an encrypted PKCS#8 PEM)."""
    try:
        head = path.read_bytes()[:64]
    except OSError:
        return False
    return b"ENCRYPTED" in head


class KeyDialog(QDialog):
    """Create a member's key pair (passphrase twice, may be left empty) and show its
    fingerprint, to send to the secretariat. `fingerprint` and `key_path` are set once made."""

    def __init__(self, parent: QWidget | None, member: str, key_path: Path | None = None):
        super().__init__(parent)
        self.member = member
        self.key_path = Path(key_path) if key_path else default_key_path(member)
        self.fingerprint: str | None = None
        self.setWindowTitle(self.tr("Tạo khóa niêm phong cho {member}").format(member=member))
        self.resize(640, 0)

        intro = QLabel(self.tr(
            "Khóa riêng dùng để niêm phong các gói bạn gửi lại Tổ thư ký; nó ở lại trên máy này. "
            "Nên đặt mật khẩu cho khóa (để trống: không đặt)."), self)
        intro.setWordWrap(True)
        self.path_edit = QLineEdit(str(self.key_path), self)
        fit_line_edit(self.path_edit)
        browse = QPushButton(self.tr("Chọn nơi lưu…"), self)
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path_edit, 1)
        where.addWidget(browse)
        self.pass_edit = QLineEdit(self)
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit(self)
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass_edit.textChanged.connect(self._check)
        self.repeat_edit.textChanged.connect(self._check)
        form = QFormLayout()
        form.addRow(self.tr("Tệp khóa:"), where)
        form.addRow(self.tr("Mật khẩu:"), self.pass_edit)
        form.addRow(self.tr("Nhập lại mật khẩu:"), self.repeat_edit)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {_error_color().name()};")

        self.form_box = QWidget(self)
        box = QVBoxLayout(self.form_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(intro)
        box.addLayout(form)
        box.addWidget(self.error_label)

        self.done_box = QWidget(self)
        self.done_label = QLabel(self.done_box)
        self.done_label.setWordWrap(True)
        self.print_edit = QLineEdit(self.done_box)
        self.print_edit.setReadOnly(True)
        mono = self.print_edit.font()
        mono.setFamily("monospace")
        self.print_edit.setFont(mono)
        self.copy_button = QPushButton(self.tr("&Sao chép"), self.done_box)
        self.copy_button.clicked.connect(self.copy_fingerprint)
        line = QHBoxLayout()
        line.addWidget(self.print_edit, 1)
        line.addWidget(self.copy_button)
        done = QVBoxLayout(self.done_box)
        done.setContentsMargins(0, 0, 0, 0)
        done.addWidget(self.done_label)
        done.addLayout(line)
        self.done_box.hide()

        self.buttons = QDialogButtonBox(self)
        self.create_button = self.buttons.addButton(self.tr("&Tạo khóa"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.clicked.connect(self.create_key)
        self.close_button = self.buttons.addButton(self.tr("Hủy"),
                                                   QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.clicked.connect(self._close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form_box)
        layout.addWidget(self.done_box)
        layout.addWidget(self.buttons)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.create_button.setDefault(True)
        keep_text_whole(self, 60)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu khóa riêng"),
                                              self.path_edit.text(),
                                              self.tr("Khóa parapp (*.key)"))
        if name:
            self.path_edit.setText(name)

    def _check(self) -> bool:
        differ = self.pass_edit.text() != self.repeat_edit.text()
        self.error_label.setText(self.tr("Hai lần nhập mật khẩu không khớp.") if differ else "")
        self.create_button.setEnabled(not differ)
        return not differ

    def create_key(self) -> str | None:
        if self.fingerprint is not None or not self._check():
            return self.fingerprint
        path = Path(self.path_edit.text().strip()).expanduser()
        try:
            fingerprint = new_key(path, self.pass_edit.text() or None)
        except ParappError as err:
            self.error_label.setText(str(err))
            return None
        except OSError as err:
            self.error_label.setText(f"{path}: {err.strerror or err}")
            return None
        finally:  # the passphrase is not kept
            self.pass_edit.clear()
            self.repeat_edit.clear()
        self.key_path, self.fingerprint = path, fingerprint
        self.done_label.setText(self.tr(
            "Đã tạo khóa: {path}\nKhóa công khai: {public}\n\nGửi dấu vân tay dưới đây cho Tổ "
            "thư ký (công văn, điện thoại) để đăng ký khóa của thành viên {member}:").format(
            path=path, public=path.with_suffix(".pub"), member=self.member))
        self.print_edit.setText(fingerprint)
        fit_line_edit(self.print_edit)
        self.print_edit.selectAll()
        self.form_box.hide()
        self.done_box.show()
        self.create_button.hide()
        self.close_button.setText(self.tr("Đóng"))
        return fingerprint

    def copy_fingerprint(self) -> None:
        QGuiApplication.clipboard().setText(self.print_edit.text())

    def _close(self) -> None:
        self.accept() if self.fingerprint else self.reject()


def create_key_dialog(parent: QWidget | None, member: str,
                      key_path: Path | str | None = None) -> str | None:
    """Let `member` create a key (at parapp's default place unless `key_path` or the user says
    otherwise); returns its fingerprint, or None if none was made."""
    dialog = KeyDialog(parent, member, Path(key_path) if key_path else None)
    dialog.exec()
    fingerprint = dialog.fingerprint
    dialog.deleteLater()
    return fingerprint


class SealDialog(QDialog):
    """Seal the package at `package_path` with the member's private key. The passphrase field
    shows only when the chosen key has one; it is never stored. `seal` is set once sealed."""

    def __init__(self, parent: QWidget | None, package_path: Path | str, member: str):
        super().__init__(parent)
        self.package_path = Path(package_path)
        self.member = member
        self.seal: SealInfo | None = None
        self.setWindowTitle(self.tr("Niêm phong gói để gửi Tổ thư ký"))
        self.resize(640, 0)
        intro = QLabel(self.tr(
            "Gói <b>{file}</b> của thành viên <b>{member}</b> sẽ được ký bằng khóa riêng của "
            "thành viên. Sau khi niêm phong, mọi sửa đổi trong gói sẽ làm mất niêm phong (phải "
            "niêm phong lại).").format(file=self.package_path.name, member=member), self)
        intro.setWordWrap(True)
        self.key_edit = QLineEdit(str(default_key_path(member)), self)
        self.key_edit.textChanged.connect(self._key_changed)
        fit_line_edit(self.key_edit)  # the whole path, its buttons under it
        browse = QPushButton(self.tr("Chọn tệp khóa khác…"), self)
        browse.clicked.connect(self._browse)
        self.new_key_button = QPushButton(self.tr("Tạo khóa mới…"), self)
        self.new_key_button.clicked.connect(self._create_key)
        choose = QHBoxLayout()
        choose.addWidget(browse)
        choose.addWidget(self.new_key_button)
        choose.addStretch(1)
        where = QVBoxLayout()
        where.addWidget(self.key_edit)
        where.addLayout(choose)
        self.pass_label = QLabel(self.tr("Mật khẩu của khóa:"), self)
        self.pass_edit = QLineEdit(self)
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Khóa riêng:"), where)
        self.form.addRow(self.pass_label, self.pass_edit)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {_error_color().name()};")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(self)
        self.seal_button = self.buttons.addButton(self.tr("&Niêm phong"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.seal_button.clicked.connect(self.seal_now)
        cancel = self.buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.seal_button.setDefault(True)
        keep_text_whole(self, 60)
        self._key_changed()

    @property
    def key_path(self) -> Path:
        return Path(self.key_edit.text().strip()).expanduser()

    def _key_changed(self, *_args) -> None:
        path = self.key_path
        self.key_edit.setToolTip(str(path))
        exists = path.is_file()
        needs = exists and key_is_encrypted(path)
        self.pass_label.setVisible(needs)
        self.pass_edit.setVisible(needs)
        if not needs:
            self.pass_edit.clear()
        self.new_key_button.setVisible(not exists)
        self.seal_button.setEnabled(exists)
        self.error_label.setText("" if exists else self.tr(
            "Không có khóa tại {path}. Chọn tệp khóa khác, hoặc tạo khóa mới rồi gửi dấu vân "
            "tay cho Tổ thư ký đăng ký trước khi gửi gói.").format(path=path))

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn khóa riêng"),
                                              str(self.key_path.parent),
                                              self.tr("Khóa parapp (*.key);;Mọi tệp (*)"))
        if name:
            self.key_edit.setText(name)
            fit_line_edit(self.key_edit)

    def _create_key(self) -> None:
        if create_key_dialog(self, self.member, self.key_path) is not None:
            self._key_changed()

    def seal_now(self) -> SealInfo | None:
        passphrase = self.pass_edit.text() if self.pass_edit.isVisible() else ""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            key = load_key(self.key_path, passphrase or None)
            self.seal = seal_package(self.package_path, key)
        except ParappError as err:
            self.error_label.setText(str(err))
            return None
        except OSError as err:
            self.error_label.setText(f"{self.package_path}: {err.strerror or err}")
            return None
        finally:
            QApplication.restoreOverrideCursor()
            self.pass_edit.clear()  # never kept
        self.accept()
        return self.seal


def seal_current_package(parent: QWidget | None, package_path: Path | str) -> SealInfo | None:
    """Seal the member's package at `package_path` (the file the window has open: commit any
    pending edit first — a later write drops the seal). Confirms with the key's fingerprint;
    returns the seal, or None if the user cancelled or it is not a package."""
    package_path = Path(package_path)
    title = QCoreApplication.translate("merging", "Niêm phong gói")
    try:
        with Store.open(package_path, readonly=True) as store:
            scope = store.package_scope()
    except ParappError as err:
        show_warning(parent, title, str(err))
        return None
    if scope is None:
        show_warning(parent, title, QCoreApplication.translate(
            "merging", "{file} là tệp của Tổ thư ký, không phải gói của thành viên: không cần "
            "niêm phong.")
            .format(file=package_path.name))
        return None
    dialog = SealDialog(parent, package_path, scope.member)
    dialog.exec()
    seal = dialog.seal
    dialog.deleteLater()
    if seal is not None:
        show_information(parent, title, QCoreApplication.translate(
            "merging", "Đã niêm phong {file} (thành viên {member}, lúc {at}).\nKhóa: "
            "{fingerprint}\n\nGửi tệp này cho Tổ thư ký. Dấu vân tay trên phải trùng với dấu "
            "vân tay Tổ thư ký đã đăng ký cho thành viên.").format(file=package_path.name, member=seal.member,
                                                  at=fmt_time(seal.sealed_at),
                                                  fingerprint=seal.fingerprint))
    return seal
