"""Running core calls off the GUI thread.

`run_busy`: a one-shot call without progress steps (exporting a package) behind a busy dialog.
`WorkerThread`: the thread of a worker object that reports progress and can be cancelled
(imports in importing.py, merges in merging.py).
`Job`: what a window has running, so that closing the window meanwhile can cancel it or wait.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from parapp import logs
from parapp.core.errors import ParappError

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
        except Exception as exc:  # noqa: BLE001 — shown, never a traceback (that is in the log)
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
