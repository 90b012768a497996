"""Council packages in the desktop window: the merge worker, and the entry points the main
window calls to merge returned packages (`run_merge_dialog`, parapp.ui.merge_dialog) and to seal
the package open in it (`seal_current_package`, parapp.ui.seal_dialog).

`MergeWorker` dry-runs (`merge_packages(dry_run=True)`) or merges packages off the GUI thread.
It opens its own writable `Store` on its thread (an SQLite connection belongs to the thread that
made it) and closes it before reporting. Cancelling sets a flag that the merge's progress
callback reads: the core then rolls back, so a cancelled merge changes nothing.

Message boxes go through `show_information` / `show_warning` (looked up at call time), so
tests can monkeypatch them.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from parapp import logs
from parapp.core.errors import ParappError
from parapp.core.merge import MergeReport, merge_packages
from parapp.core.numbers import fmt_time
from parapp.core.packages import SealInfo
from parapp.core.store import PackageScope, Store
from parapp.ui.importing import show_information, show_warning
from parapp.ui.operations import Operations
from parapp.ui.seal_dialog import SealDialog, holder_words

log = logging.getLogger(__name__)


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
                 resolutions: dict | None = None, accept_late: str = "",
                 parent: QObject | None = None):
        super().__init__(parent)
        self.accept_late = accept_late  # the secretariat's reason to take late packages
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
                                        progress=self._progress, accept_late=self.accept_late)
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
                report = merge_packages(store, remaining, dry_run=True, progress=self._progress,
                                        accept_late=self.accept_late)
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
                merge_packages(store, [path], dry_run=True, accept_late=self.accept_late)
            except ParappError as err:
                if self._cancel.is_set():
                    raise
                refused[path] = str(err)
                out.append(path)
        return out


def run_merge_dialog(window: QWidget | None, master_path: Path | str) -> MergeReport | None:
    """Show the merge dialog for the master file at `master_path` (window-modal); returns the
    MergeReport of the merge done (its `txn` undoes it as a whole: push it as one undo step and
    reload the file), or None if nothing was merged."""
    from parapp.ui.merge_dialog import MergeDialog  # it imports this module's worker
    dialog = MergeDialog(window, master_path)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.exec()
    report = dialog.report
    dialog.deleteLater()
    return report


def seal_current_package(parent: QWidget | None, package_path: Path | str,
                         ops: Operations | None = None,
                         scope: PackageScope | None = None) -> SealInfo | None:
    """Seal the member's package at `package_path`. A window that has it open gives its
    operations and the package's scope: the seal is then computed after every edit it sent
    (a later write drops the seal). Confirms with the key's fingerprint; returns the seal, or
    None if the user cancelled or it is not a package."""
    package_path = Path(package_path)
    title = QCoreApplication.translate("merging", "Niêm phong gói")
    if ops is None:
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
    dialog = SealDialog(parent, package_path, scope.holder, ops, scope.kind.party)
    dialog.exec()
    seal = dialog.seal
    dialog.deleteLater()
    if seal is not None:
        show_information(parent, title, QCoreApplication.translate(
            "merging", "Đã niêm phong {file} ({member}, lúc {at}).\nKhóa: "
            "{fingerprint}\n\nGửi tệp này cho Tổ thư ký. Dấu vân tay trên phải trùng với dấu "
            "vân tay Tổ thư ký đã đăng ký.").format(file=package_path.name,
                                                   member=holder_words(seal.kind.party,
                                                                       seal.holder),
                                                  at=fmt_time(seal.sealed_at),
                                                  fingerprint=seal.fingerprint))
    return seal
