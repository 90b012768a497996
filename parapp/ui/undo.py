"""Undo and redo: one QUndoStack command per committed transaction, and the window's history.

Every action is already committed when it reaches the stack — a score and its reason, an added
or removed evidence file, a settings change, a whole import: the operations layer pushes each
change it ran once — so a command's first redo does nothing. Undo reverts the action's
transaction from its audit entries (`Store.revert`), in a new transaction; redo reverts that
one. Both are audited like any edit, and a revert that would overwrite a later change is refused
with a message (and the history restarts).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from parapp.ui.operations import Changes, Work, period_changes, unit_changes

if TYPE_CHECKING:
    from parapp.ui.main_window import MainWindow

UNDO_SOURCE = "gui: hoàn tác"
REDO_SOURCE = "gui: làm lại"


class TransactionCommand(QUndoCommand):
    """One committed transaction, labelled for the Edit menu. Undo and redo are change
    operations (parapp.ui.operations) that revert a transaction on the file thread; the views
    follow from their `Changes` like after any edit. `unit` and `criterion` say where it
    happened, when it happened in one place (else the whole period is read again)."""

    def __init__(self, history: History, changes: Changes):
        super().__init__(changes.label)
        self.history = history
        self.txn = changes.txn or ""
        self.unit = next(iter(changes.units)) if len(changes.units) == 1 else None
        self.criterion = changes.criterion
        self._undo_txn = ""
        self._applied = True  # the action was committed before the command was pushed

    def _revert(self, which: str, source: str) -> None:
        """Revert this command's transaction (`which`: "txn" to undo, "_undo_txn" to redo);
        the new transaction's id is kept on the file thread, where the next step reads it."""
        unit = self.unit

        def work(w: Work) -> Changes:
            done = w.store.revert(getattr(self, which), source)
            setattr(self, "_undo_txn" if which == "txn" else "txn", done)
            if unit is None:
                return period_changes(w.store, self.text(), done, undoable=False)
            return unit_changes(w.store, self.text(), done, {unit}, criterion=self.criterion,
                                evidence=True, notes=True, undoable=False)
        self.history.window.ops.change(self.text(), work, failed=self.history.refused)

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._revert("_undo_txn", REDO_SOURCE)

    def undo(self) -> None:
        self._revert("txn", UNDO_SOURCE)


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
            signal.connect(self._on_stack_changed)  # a method: gone with the window
        editor = window.editor
        for field in (editor.self_score, editor.appraisal_score, editor.explanation,
                      editor.appraisal_note, editor.expected, editor.self_figure,
                      editor.appraisal_figure):  # every field an entry is typed in
            field.installEventFilter(self)

    def push(self, changes: Changes) -> None:
        """An undo step for a transaction already committed (pushing writes nothing)."""
        self.stack.push(TransactionCommand(self, changes))

    def refused(self, why: str) -> None:
        """An undo or redo the file refused (what it would undo has changed since): the steps
        before it no longer describe the file, so the history starts again from here."""
        self.stack.clear()
        QMessageBox.warning(self.window, self.tr("Không hoàn tác được"), why)

    def _on_stack_changed(self, _value) -> None:
        self.update_actions()

    def update_actions(self) -> None:
        stack, ui = self.stack, self.window.ui
        # not while a file opens or closes, an import or a merge runs: the step would go to the
        # file on its way out
        writable = not self.window.read_only and self.window.ops.exclusive is None
        ui.actionUndo.setEnabled(writable and stack.canUndo())
        ui.actionRedo.setEnabled(writable and stack.canRedo())
        ui.actionUndo.setText(self.tr("&Hoàn tác: {what}").format(what=stack.undoText())
                              if stack.canUndo() else self.tr("&Hoàn tác"))
        ui.actionRedo.setText(self.tr("&Làm lại: {what}").format(what=stack.redoText())
                              if stack.canRedo() else self.tr("&Làm lại"))

    def step(self, undo: bool) -> None:
        w = self.window
        if w.read_only or w.ops.exclusive is not None:
            return
        # what is typed and valid becomes the latest edit (so Ctrl+Z undoes it); input the file
        # refuses is dropped for what is stored (undoing it is what Ctrl+Z asks)
        if not w.editor.commit_pending():
            w.editor.revert_all()
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
