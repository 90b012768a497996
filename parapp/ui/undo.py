"""Undo and redo of score edits (QUndoStack commands over the store).

Every edit is already committed when it reaches the stack, so a command's first redo does
nothing; undo writes the fields as they were, redo as they became, each in its own transaction
through Edit.write_scores, so validation and the audit log apply to undo and redo as well.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from parapp.core.store import Store

UNDO_SOURCE = "gui: hoàn tác"


def _changed(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in after.items() if before.get(k) != v}


class ScoreCommand(QUndoCommand):
    """One committed change of one unit's score on one leaf."""

    def __init__(self, store: Callable[[], Store], unit: str, criterion: str,
                 before: Mapping[str, Any], after: Mapping[str, Any],
                 refresh: Callable[[str, str], None]):
        super().__init__(QCoreApplication.translate(
            "undo", "Sửa điểm {unit}, tiêu chí {criterion}").format(unit=unit,
                                                                  criterion=criterion))
        self.store, self.unit, self.criterion = store, unit, criterion
        self.before, self.after = dict(before), dict(after)
        self.refresh = refresh
        self._applied = True  # the edit was committed before the command was pushed

    def _write(self, fields: Mapping[str, Any]) -> None:
        # all fields at once: points and their reason change together, so the rule that a
        # differing appraisal needs a reason holds in the state written
        with self.store().edit(UNDO_SOURCE) as ed:
            ed.write_scores([(self.unit, self.criterion, dict(fields))])
        self.refresh(self.unit, self.criterion)

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._write(self.after)

    def undo(self) -> None:
        self._write(self.before)


def score_command(store: Callable[[], Store], unit: str, criterion: str,
                  before: Mapping[str, Any], refresh: Callable[[str, str], None]
                  ) -> ScoreCommand | None:
    """A command for the edit just committed (None if it changed nothing)."""
    after = store().score(unit, criterion)
    if not _changed(before, after):
        return None
    return ScoreCommand(store, unit, criterion, before, after, refresh)


class ImportCommand(QUndoCommand):
    """An import as one step: `reverse` puts back what it changed, `forward` applies it again,
    each in one transaction, validated and audited like any edit."""

    def __init__(self, store: Callable[[], Store], file_name: str,
                 reverse: Callable[[Any], Any], forward: Callable[[Any], Any],
                 refresh: Callable[[], None]):
        super().__init__(QCoreApplication.translate(
            "undo", "Nhập từ {file}").format(file=file_name))
        self.store, self.reverse, self.forward, self.refresh = store, reverse, forward, refresh
        self._applied = True  # the import is in the file when the command is pushed

    def _apply(self, change: Callable[[Any], Any]) -> None:
        with self.store().edit(UNDO_SOURCE) as ed:
            change(ed)
        self.refresh()

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._apply(self.forward)

    def undo(self) -> None:
        self._apply(self.reverse)
