"""Running core calls off the GUI thread.

`run_busy`: a one-shot call without progress steps (exporting a package) behind a busy dialog.
`WorkerThread`: the thread of a worker object that reports progress and can be cancelled
(imports in importing.py, merges in merging.py).
`TaskThread`: a one-shot call whose window keeps painting and hears of the outcome by signal
(building, signing and verifying reports; listing a token's keys).
`Job`: what a window has running, so that closing the window meanwhile can cancel it or wait.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from parapp import logs
from parapp.core.errors import ParappError

log = logging.getLogger(__name__)

T = TypeVar("T")
SHOW_AFTER_MS = 300


class WorkerThread(QThread):
    """Calls `worker.run()` on its own thread. Overriding QThread.run, rather than connecting
    `started` to the worker's slot, keeps the work off the GUI thread even for a subclass of
    the worker (PySide6 6.12 was seen to run a subclass's overriding slot on the GUI thread)."""

    def __init__(self, worker: QObject, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.worker = worker
        self.setObjectName(name)

    def run(self) -> None:
        self.worker.run()


def _unexpected(err: Exception) -> str:
    return QCoreApplication.translate(
        "busy", "Lỗi không mong đợi: {error}").format(error=f"{type(err).__name__}: {err}")


class TaskThread(QThread):
    """Runs `fn()` on its own thread; emits `succeeded(value)` or `failed(message)`.

    A ParappError becomes its message; anything else becomes a one-line message. Both are
    logged, with the duration (and the traceback of anything else). The thread object stays
    referenced (by `_Keeper`) until it has finished, so closing a window while its work runs
    never destroys a running QThread."""

    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, fn: Callable[[], Any], name: str = "parapp-task"):
        super().__init__()
        self._fn = fn
        self.error: ParappError | None = None  # the failure, for a caller that tells them apart
        self.setObjectName(name)

    def run(self) -> None:  # on the worker thread
        fn, self._fn = self._fn, None  # drop the closure (it may hold a passphrase)
        try:
            with logs.timed(self.objectName().removeprefix("parapp-"), log):  # and its error
                value = fn()
        except ParappError as err:
            self.error = err
            self.failed.emit(str(err))
            return
        except Exception as err:
            self.failed.emit(_unexpected(err))
            return
        finally:
            del fn
        self.succeeded.emit(value)

    def start_kept(self) -> None:
        _keeper().keep(self)
        self.start()


class _Keeper(QObject):
    """Holds running threads until they finish (lives on the GUI thread)."""

    def __init__(self):
        super().__init__()
        self.live: set[QThread] = set()

    def keep(self, thread: QThread) -> None:
        self.live.add(thread)
        thread.finished.connect(self._done)

    @Slot()
    def _done(self) -> None:
        for thread in [t for t in self.live if t.isFinished()]:
            thread.wait()
            self.live.discard(thread)


_KEEPER: _Keeper | None = None


def _keeper() -> _Keeper:
    global _KEEPER
    if _KEEPER is None:
        _KEEPER = _Keeper()
    return _KEEPER


def wait_for_tasks(timeout_ms: int = 30000) -> None:
    """Wait until every task has finished (tests, application exit)."""
    for thread in list(_keeper().live):
        thread.wait(timeout_ms)


class Job:
    """A long operation of a window. Whoever runs the work sets `cancel` when the work can be
    stopped (the core then rolls back); a window closed meanwhile calls it, or waits."""

    def __init__(self, label: str):
        self.label = label  # what runs, for "closes when … is done"
        self.cancel: Callable[[], None] | None = None


class _Done(QObject):
    finished = Signal()  # wakes the waiting loop (queued to the GUI thread)


def run_busy(parent: QWidget | None, label: str, work: Callable[[], T]) -> T | None:
    """`work()` on a worker thread; its result, or None after showing its error. `work` must
    open its own Store: SQLite connections stay on the thread that made them."""
    dialog = QProgressDialog(label, None, 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setValue(0)
    loop = QEventLoop()
    done = _Done()
    done.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    outcome: list = [None, None]  # result, error message: set by the worker before it wakes us

    def run() -> None:
        try:
            with logs.timed(label.rstrip("…")):  # logs the error, with its traceback if a bug
                outcome[0] = work()
        except ParappError as exc:
            outcome[1] = str(exc)
        except Exception as exc:
            outcome[1] = f"{type(exc).__name__}: {exc}"
        done.finished.emit()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    if thread.is_alive():
        loop.exec()  # also left when the application quits: the join below still waits
    thread.join()
    dialog.close()
    dialog.deleteLater()
    result, error = outcome
    if error:
        QMessageBox.warning(parent, dialog.windowTitle() or "parapp", error)
        return None
    return result
