"""The one place where the window's work on files runs: off the GUI thread, one job at a time.

Every piece of work that touches the open file or the disk is an `Op` handed to the window's
`Operations`: a *query* (reads, returns plain data for the views), a *change* (one `Store.edit`
transaction; returns a `Changes` record of what it touched, which the window applies and
announces once through `changed`), or other *work* (opening a file, creating a period, writing
a workbook or a package). Ops run in order on one worker thread that alone uses the document's
`Store` — the GUI thread never reads the file, so a slow USB stick or network share never
freezes the window. Results come back to the GUI thread as queued signals: no nested event
loops. Errors are logged with their duration and shown in one way (`failed`, else a message
box); progress and cancel are offered in the status bar for ops that take a while.

Learnt from Anki's `aqt/operations` (`CollectionOp`, `QueryOp`, `OpChanges`) and `taskman`.
"""
from __future__ import annotations

import logging
import queue
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QProgressBar, QPushButton, QWidget

from parapp import logs
from parapp.core.errors import ParappError

if TYPE_CHECKING:  # SQLAlchemy is imported by the file thread's first op: the window paints
    # before it is loaded (issue 16)
    from parapp.core.store import Store
    from parapp.core.view_data import PeriodData, UnitData

log = logging.getLogger(__name__)

SHOW_AFTER_MS = 300  # a quick op finishes before its progress would flash up


class Cancelled(Exception):
    """Raised inside an op's work when its cancel was asked (the transaction rolls back)."""


@dataclass(frozen=True)
class Changes:
    """What one committed transaction touched, and the data the views show of it afterwards.

    `units`: the units whose rows changed (their `UnitData` read afresh in `fresh_units`);
    `evidence`, `notes`: their evidence lists or deduction notes changed too (the criteria tree
    re-reads its counts and note marks); `period`: anything beyond a few units (an import,
    a merge, settings) — `fresh_period` holds the whole period read again.
    `txn` is the transaction an undo reverts (None when nothing was written)."""
    label: str
    txn: str | None
    units: frozenset[str] = frozenset()
    criterion: str | None = None  # the one leaf an edit wrote, for the undo step's text
    evidence: bool = False
    notes: bool = False
    period: bool = False
    undoable: bool = True
    fresh_units: dict[str, UnitData] = field(default_factory=dict)
    fresh_period: PeriodData | None = None
    value: Any = None  # what the work returned (an import report, a merge result…)


class Work:
    """What an op's function gets on the worker thread: the document's store (None when no file
    is open), progress reporting and the cancel flag."""

    def __init__(self, op: Op, store: Store | None):
        self.op, self.store = op, store

    def report(self, done: int, total: int) -> None:
        """Progress of a long op, for the status bar."""
        self.op._report(done, total)

    @property
    def cancelled(self) -> bool:
        return self.op.cancel_requested


class Op:
    """One job: `fn(work)` on the worker thread, then `done(value)` or `failed(message)` on the
    GUI thread. `cancellable` ops show a cancel button; their work reports its progress
    (`work.report`) and stops when `work.cancelled`, raising `Cancelled`. The callbacks are
    dropped when their dialog (`owner`, or the widget a callback is a method of) was closed
    and deleted while the work ran; a failure is then said in the window."""

    def __init__(self, label: str, fn: Callable[[Work], Any], *, kind: str = "query",
                 done: Callable[[Any], None] | None = None,
                 failed: Callable[[str], None] | None = None,
                 cancelled: Callable[[], None] | None = None, cancellable: bool = False,
                 exclusive: bool = False, owner: QObject | None = None):
        self.label, self.fn, self.kind = label, fn, kind
        self.on_done, self.on_failed, self.on_cancelled = done, failed, cancelled
        self.owner = owner  # the dialog the callbacks show in: not called once it is deleted
        self.cancellable = cancellable
        self.exclusive = exclusive  # the file's state is in flux: editing waits until it ends
        self.finished = False
        self.progress: tuple[int, int] = (0, 0)
        self._cancel = threading.Event()
        self._report: Callable[[int, int], None] = lambda done, total: None

    def cancel(self) -> None:
        """Ask the op to stop (safe from any thread); the core rolls its transaction back."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()


class Operations(QObject):
    """The window's ops on its document: one worker thread, one queue, one busy state."""

    live: ClassVar[weakref.WeakSet[Operations]] = weakref.WeakSet()  # every window's

    changed = Signal(object)  # Changes, after `apply` gave the document its new data
    busy_changed = Signal(bool)
    # an exclusive op (open, import, new period…) started or ended: what can be done changes
    exclusive_changed = Signal(bool)

    def __init__(self, parent: QWidget, store: Callable[[], Store | None],
                 apply: Callable[[Changes], None]):
        super().__init__(parent)
        self._window = parent
        self._store = store  # the document's store, read on the worker thread
        self._apply = apply
        self._queue: queue.Queue[Op | None] = queue.Queue()
        self._pending: list[Op] = []  # queued or running, oldest first
        self._thread = threading.Thread(target=self._serve, name="parapp-file", daemon=True)
        self._thread.start()
        Operations.live.add(self)
        queue_ = self._queue  # not self: the lambda must outlive it
        self.destroyed.connect(lambda *_: queue_.put(None))  # the thread ends with the window
        self._relay = _relay()
        self._ref = weakref.ref(self)
        self.status = _StatusWidget(parent)
        self.status.cancel_button.clicked.connect(self.cancel_all)
        self._show_timer = QTimer(self, singleShot=True, interval=SHOW_AFTER_MS)
        self._show_timer.timeout.connect(self._show_status)

    # -- submitting ---------------------------------------------------------------------------

    def query(self, label: str, fn: Callable[[Store], Any], done=None, failed=None, *,
              owner: QObject | None = None) -> Op:
        """Read from the open file: `fn(store)` returns plain data for `done`. Callbacks that
        show in a dialog name it as `owner` (see `Op`)."""
        return self.submit(Op(label, lambda work: fn(work.store), done=done, failed=failed,
                              owner=owner))

    def change(self, label: str, fn: Callable[[Work], Changes], done=None, failed=None, *,
               cancelled=None, cancellable: bool = False, exclusive: bool = False,
               owner: QObject | None = None) -> Op:
        """Write to the open file: `fn(work)` commits one transaction and returns its `Changes`
        (with the data read afresh, see `unit_changes` / `period_changes`); the window applies
        them, then `changed` is emitted and `done(changes)` called."""
        return self.submit(Op(label, fn, kind="change", done=done, failed=failed,
                              cancelled=cancelled, cancellable=cancellable, exclusive=exclusive,
                              owner=owner))

    def work(self, label: str, fn: Callable[[Work], Any], done=None, failed=None, *,
             cancelled=None, cancellable: bool = False, exclusive: bool = False,
             owner: QObject | None = None) -> Op:
        """Other work on files (open one, create a period, write a workbook or a package)."""
        return self.submit(Op(label, fn, kind="work", done=done, failed=failed,
                              cancelled=cancelled, cancellable=cancellable, exclusive=exclusive,
                              owner=owner))

    def after_writes(self, fn: Callable[[], Any]) -> Any:
        """`fn()` once every op sent so far has ended — at once (returning what it returns)
        when none runs. For work that reads the file on a connection of its own (a report, the
        merge dialog): it then sees the last edit sent."""
        if not any(op.kind == "change" or op.exclusive for op in self._pending):
            return fn()
        self.submit(Op(QCoreApplication.translate("Operations", "Đang ghi nốt…"),
                       lambda _work: None, done=lambda _none: fn()))
        return None

    def submit(self, op: Op) -> Op:
        op._report = lambda done, total: self._emit_progress(op, done, total)
        was_idle = not self._pending
        was_exclusive = self.exclusive is not None
        self._pending.append(op)
        self._queue.put(op)
        if was_idle:
            self.busy_changed.emit(True)
        if op.exclusive and not was_exclusive:
            self.exclusive_changed.emit(True)
        if not self._show_timer.isActive() and not self.status.isVisible():
            self._show_timer.start()
        return op

    # -- state --------------------------------------------------------------------------------

    @property
    def idle(self) -> bool:
        return not self._pending

    @property
    def exclusive(self) -> Op | None:
        """The op that has the file's state in flux (an open, an import, a merge), if any."""
        return next((op for op in self._pending if op.exclusive), None)

    @property
    def running(self) -> Op | None:
        return self._pending[0] if self._pending else None

    def cancel_all(self) -> bool:
        """Cancel what can be cancelled; True if nothing left must run to its end."""
        for op in self._pending:
            if op.cancellable:
                op.cancel()
        return all(op.cancellable for op in self._pending)

    def shutdown(self, timeout: float = 30.0) -> None:
        """Wait for the ops queued (the window is closing), then stop the worker thread."""
        self._queue.put(None)
        self._thread.join(timeout)

    def _emit_progress(self, op: Op, done: int, total: int) -> None:
        self._relay.progressed.emit(self._ref, op, done, total)

    # -- the worker thread --------------------------------------------------------------------

    def _serve(self) -> None:
        while True:
            op = self._queue.get()
            if op is None:
                return
            value, error = None, None
            fn, op.fn = op.fn, None  # dropped once run: a closure may hold a passphrase
            try:
                with logs.timed(op.label.rstrip("…"), log) as timing:
                    try:
                        if op.cancel_requested:
                            raise Cancelled
                        value = fn(Work(op, self._store()))
                    except Cancelled:  # rolled back: nothing changed, nothing to report
                        timing.outcome, error = "cancelled", ""
            except ParappError as err:
                error = str(err)
            except Exception as err:  # logged with its traceback by logs.timed
                error = QCoreApplication.translate(
                    "Operations", "Lỗi không mong đợi: {error}").format(
                    error=f"{type(err).__name__}: {err}")
            del fn
            self._relay.finished.emit(self._ref, op, value, error)

    # -- back on the GUI thread ---------------------------------------------------------------

    def _finish(self, op: Op, value: Any, error: str | None) -> None:
        op.finished = True
        try:
            if error is None and op.kind == "change" and isinstance(value, Changes):
                self._apply(value)
                self.changed.emit(value)
        finally:
            # released before its callbacks run: a message box they show waits for the user
            # in an event loop of its own, and meanwhile the file is free again, not "busy"
            self._release(op)
        if error is None:
            if _alive(op.on_done, op.owner):
                op.on_done(value)
        elif not error:  # a cancel: nothing changed
            if _alive(op.on_cancelled, op.owner):
                op.on_cancelled()
        elif _alive(op.on_failed, op.owner):
            op.on_failed(error)
        else:  # said in the window, even when the dialog that asked was closed meanwhile
            QMessageBox.warning(self._window, op.label.rstrip("…"), error)

    def _release(self, op: Op) -> None:
        self._pending.remove(op)
        if op.exclusive and self.exclusive is None:
            self.exclusive_changed.emit(False)
        if not self._pending:
            self._show_timer.stop()
            self.status.hide()
            self.busy_changed.emit(False)
        elif self.status.isVisible():  # on to the next op
            self._show_status()
        else:  # the next op shows only if it, too, takes a while
            self._show_timer.start()

    def _progress(self, op: Op, done: int, total: int) -> None:
        op.progress = (done, total)
        if op is self.running and self.status.isVisible():
            self.status.show_op(op)

    def _show_status(self) -> None:
        op = self.running
        if op is not None and not op.finished:
            self.status.show_op(op)


def _alive(callback: Callable | None, owner: QObject | None) -> bool:
    """Whether `callback` is there and may still be called: neither the widget the op was
    sent for (`owner`) nor the one the callback is a method of was deleted meanwhile (a dialog
    closed while its work ran on the file thread)."""
    if callback is None:
        return False
    return all(shiboken6.isValid(obj) for obj in (owner, getattr(callback, "__self__", None))
               if isinstance(obj, QObject))


class _Relay(QObject):
    """Carries outcomes from the worker threads to the GUI thread. It lives as long as the
    application: a worker never emits on a window's object that the GUI thread may be deleting
    at that moment (a window closed while its last op ran); the outcome of an op whose window is
    gone is dropped here."""

    finished = Signal(object, object, object, object)  # weak ref to the ops, op, value, error
    progressed = Signal(object, object, int, int)  # weak ref to the ops, op, done, total

    def __init__(self):
        super().__init__()
        self.finished.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self.progressed.connect(self._progress, Qt.ConnectionType.QueuedConnection)

    @staticmethod
    def _alive(ref) -> Operations | None:
        ops = ref()
        return ops if ops is not None and shiboken6.isValid(ops) else None

    def _finish(self, ref, op, value, error) -> None:
        ops = self._alive(ref)
        if ops is not None:
            ops._finish(op, value, error)

    def _progress(self, ref, op, done, total) -> None:
        ops = self._alive(ref)
        if ops is not None:
            ops._progress(op, done, total)


_RELAY: _Relay | None = None


def _relay() -> _Relay:
    """The relay, made on the GUI thread by the first window's operations."""
    global _RELAY
    if _RELAY is None:
        _RELAY = _Relay()
    return _RELAY


class _StatusWidget(QWidget):
    """What runs, in the status bar: its label, a progress bar and a cancel button."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(QCoreApplication.translate("Operations", "Hủy"), self)
        for widget in (self.label, self.bar, self.cancel_button):
            layout.addWidget(widget)
        self.hide()

    def show_op(self, op: Op) -> None:
        self.label.setText(op.label)
        done, total = op.progress
        self.bar.setRange(0, max(total, 0))  # 0..0: busy, no steps known
        self.bar.setValue(done if total else 0)
        self.cancel_button.setVisible(op.cancellable)
        self.cancel_button.setEnabled(not op.cancel_requested)
        self.show()


# -- what a change reads afresh for the views (on the worker thread) ---------------------------

def unit_changes(store: Store, label: str, txn: str | None, units, *,
                 criterion: str | None = None, evidence: bool = False, notes: bool = False,
                 undoable: bool = True, value: Any = None) -> Changes:
    """What a change of a few units wrote, with those units read again — only the leaf
    `criterion` of them when it names one."""
    from parapp.core.view_data import read_unit
    units = frozenset(units)
    return Changes(label, txn, units, criterion, evidence, notes, False, undoable,
                   {code: read_unit(store, code, criterion) for code in units}, None, value)


def period_changes(store: Store, label: str, txn: str | None, *, undoable: bool = True,
                   value: Any = None) -> Changes:
    from parapp.core.view_data import read_period
    return Changes(label, txn, period=True, undoable=undoable,
                   fresh_period=read_period(store), value=value)
