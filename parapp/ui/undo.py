"""Undo and redo: one QUndoStack command per committed transaction, and the window's history.

Every action is already committed when it reaches the stack — a score and its reason, an added
or removed evidence file, a settings change, a whole import — so a command's first redo does
nothing. Undo reverts the action's transaction from its audit entries (`Store.revert`), in a new
transaction; redo reverts that one. Both are audited like any edit, and a revert that would
overwrite a later change is refused with a message instead.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from parapp.core.errors import ParappError
from parapp.core.store import Store

if TYPE_CHECKING:
    from parapp.ui.main_window import MainWindow

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


class History(QObject):
    """Sửa › Hoàn tác / Làm lại of one window: every committed transaction pushed once, the
    menu's texts, Ctrl+Z / Ctrl+Shift+Z (also from a text field with nothing of its own to
    undo), and after an undo or redo the unit and leaf where it happened shown."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.stack = QUndoStack(self)
        for signal in (self.stack.canUndoChanged, self.stack.canRedoChanged,
                       self.stack.undoTextChanged, self.stack.redoTextChanged):
            signal.connect(lambda _value: self.update_actions())
        editor = window.editor
        for field in (editor.self_score, editor.appraisal_score, editor.explanation,
                      editor.appraisal_note):
            field.installEventFilter(self)

    def push(self, txn: str, label: str, refresh: Callable[[], None],
             unit: str | None = None, criterion: str | None = None) -> None:
        """An undo step for a transaction already committed (pushing writes nothing)."""
        w = self.window
        self.stack.push(TransactionCommand(
            lambda: w.store, txn, label, refresh,
            lambda why: QMessageBox.warning(w, self.tr("Không hoàn tác được"), why),
            unit, criterion))

    def update_actions(self) -> None:
        stack, ui = self.stack, self.window.ui
        writable = not self.window.read_only
        ui.actionUndo.setEnabled(writable and stack.canUndo())
        ui.actionRedo.setEnabled(writable and stack.canRedo())
        ui.actionUndo.setText(self.tr("&Hoàn tác: {what}").format(what=stack.undoText())
                              if stack.canUndo() else self.tr("&Hoàn tác"))
        ui.actionRedo.setText(self.tr("&Làm lại: {what}").format(what=stack.redoText())
                              if stack.canRedo() else self.tr("&Làm lại"))

    def step(self, undo: bool) -> None:
        w = self.window
        if w.read_only:
            return
        # what is typed and valid becomes the latest edit (so Ctrl+Z undoes it); input the file
        # refuses is dropped for what is stored (undoing it is what Ctrl+Z asks)
        if not w.editor.commit_pending():
            w.editor.reload()
        stack = self.stack
        at = stack.index() - 1 if undo else stack.index()
        if not 0 <= at < stack.count():
            return
        command = stack.command(at)
        text = command.text()
        stack.undo() if undo else stack.redo()
        unit, criterion = getattr(command, "unit", None), getattr(command, "criterion", None)
        if unit is not None:  # show where it happened
            if unit != w.current_unit_code:
                w.select_unit(unit)
            w.select_criterion(criterion)
        w.statusBar().showMessage((self.tr("Đã hoàn tác: {what}") if undo
                                   else self.tr("Đã làm lại: {what}")).format(what=text), 5000)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and isinstance(obj, (QLineEdit, QPlainTextEdit)):
            # A text field claims Ctrl+Z even with nothing of its own to undo: let the window's
            # undo have it then (after Enter the field holds what is stored, no history).
            undo = event.matches(QKeySequence.StandardKey.Undo)
            redo = event.matches(QKeySequence.StandardKey.Redo) or any(
                QKeySequence(event.keyCombination()) == s
                for s in self.window.ui.actionRedo.shortcuts())
            if (undo or redo) and not _local_history(obj, undo):
                event.ignore()
                return True
        return super().eventFilter(obj, event)


def _local_history(widget: QWidget, undo: bool) -> bool:
    if widget.isReadOnly():
        return False
    if isinstance(widget, QLineEdit):
        return widget.isUndoAvailable() if undo else widget.isRedoAvailable()
    document = widget.document()
    return document.isUndoAvailable() if undo else document.isRedoAvailable()
