"""Undo/redo of committed transactions through a real QUndoStack."""
from decimal import Decimal as D

from PySide6.QtGui import QUndoStack

from parapp.core.store import Store
from parapp.ui.undo import REDO_SOURCE, UNDO_SOURCE, TransactionCommand


def _command(store, txn, refreshed, failures, label="Sửa điểm SYT, tiêu chí 1.2.1"):
    return TransactionCommand(lambda: store, txn, label, lambda: refreshed.append(txn),
                              failures.append)


def test_undo_and_redo_restore_the_score_and_are_audited(small_demo, qtbot):
    store = Store.open(small_demo)
    refreshed, failures = [], []
    stack = QUndoStack()
    before = store.score("SYT", "1.2.1")
    with store.edit("gui") as ed:
        ed.write_scores([("SYT", "1.2.1", {"appraisal_points": "0",
                                           "appraisal_note": "Không có báo cáo quý IV"})])
    stack.push(_command(store, ed.txn, refreshed, failures))
    # the edit is already in the file: pushing does not write again
    assert refreshed == [] and store.score("SYT", "1.2.1")["appraisal_points"] == D(0)
    stack.undo()
    assert store.score("SYT", "1.2.1") == before and len(refreshed) == 1
    stack.redo()
    after = store.score("SYT", "1.2.1")
    assert (after["appraisal_points"], after["appraisal_note"]) == (D(0), "Không có báo cáo quý IV")
    assert [a.source for a in store.audit()[-2:]] == [UNDO_SOURCE, REDO_SOURCE]  # one row each
    assert stack.undoText() == "Sửa điểm SYT, tiêu chí 1.2.1"
    stack.undo()  # the redone transaction is undone again
    assert store.score("SYT", "1.2.1") == before and failures == []
    assert store.audit()[-1].source == UNDO_SOURCE
    store.close()


def test_an_undo_that_would_overwrite_a_later_change_is_refused(small_demo, qtbot):
    store = Store.open(small_demo)
    refreshed, failures = [], []
    stack = QUndoStack()
    with store.edit("gui") as ed:
        ed.write_scores([("SYT", "1.2.1", {"self_points": "0"})])
    stack.push(_command(store, ed.txn, refreshed, failures))
    with store.edit("another window") as ed:  # e.g. an import outside this stack
        ed.write_scores([("SYT", "1.2.1", {"self_points": "0.5"})])
    stack.undo()
    assert failures == ["Không hoàn tác được: điểm đã được thay đổi sau đó (self_points)"]
    assert store.score("SYT", "1.2.1")["self_points"] == D("0.5") and refreshed == []
    assert stack.count() == 0  # the command left the stack
    store.close()
