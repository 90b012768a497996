"""Running core calls off the GUI thread.

The window's own work on its file goes through parapp.ui.operations; these are the threads of
windows that work on files of their own (the merge dialog, the report window, signing).

`WorkerThread`: the thread of a worker object that reports progress and can be cancelled
(merges in merging.py).
`TaskThread`: a one-shot call whose window keeps painting and hears of the outcome by signal
(building, signing and verifying reports; listing a token's keys).
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

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

    @classmethod
    def launch(cls, fn: Callable[[], Any], name: str, succeeded: Callable[[Any], None],
               failed: Callable[[str], None],
               finished: Callable[[], None] | None = None) -> TaskThread:
        """`fn()` started on a kept thread of its own; its outcome goes to `succeeded(value)`
        or `failed(message)`, then `finished()`, on the GUI thread (queued: whatever the caller
        sets after this call is set by then). Give methods of the window that waits: Qt drops a
        method's calls once its object is deleted."""
        task = cls(fn, name)
        task.succeeded.connect(succeeded)
        task.failed.connect(failed)
        if finished is not None:
            task.finished.connect(finished)
        _keeper().keep(task)
        task.start()
        return task


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
