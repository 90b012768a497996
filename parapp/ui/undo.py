"""Undo and redo: one QUndoStack command per committed transaction.

Every action is already committed when it reaches the stack — a score and its reason, an added
or removed evidence file, a settings change, a whole import — so a command's first redo does
nothing. Undo reverts the action's transaction from its audit entries (`Store.revert`), in a new
transaction; redo reverts that one. Both are audited like any edit, and a revert that would
overwrite a later change is refused with a message instead.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from parapp.core.errors import ParappError
from parapp.core.store import Store

UNDO_SOURCE = "gui: hoàn tác"
REDO_SOURCE = "gui: làm lại"


class TransactionCommand(QUndoCommand):
    """One committed transaction (`txn`), labelled for the Edit menu; `refresh` updates the
    views after an undo or redo, `failed` shows why one was refused (the command then leaves
    the stack: what it would undo has changed since). `unit` and `criterion` say where it
    happened, when it happened in one place."""

    def __init__(self, store: Callable[[], Store], txn: str, label: str,
                 refresh: Callable[[], None], failed: Callable[[str], None],
                 unit: str | None = None, criterion: str | None = None):
        super().__init__(label)
        self.store, self.txn, self.refresh, self.failed = store, txn, refresh, failed
        self.unit, self.criterion = unit, criterion
        self._undo_txn = ""
        self._applied = True  # the action was committed before the command was pushed

    def _revert(self, txn: str, source: str) -> str:
        try:
            done = self.store().revert(txn, source)
        except ParappError as exc:
            self.setObsolete(True)
            self.failed(str(exc))
            return ""
        self.refresh()
        return done

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.txn = self._revert(self._undo_txn, REDO_SOURCE)

    def undo(self) -> None:
        self._undo_txn = self._revert(self.txn, UNDO_SOURCE)
