"""Undo/redo of committed score edits through a real QUndoStack."""
from decimal import Decimal as D

from PySide6.QtGui import QUndoStack

from parapp.core.store import Store
from parapp.ui.undo import UNDO_SOURCE, score_command


def test_undo_and_redo_restore_the_score_and_are_audited(small_demo, qtbot):
    store = Store.open(small_demo)
    refreshed = []
    stack = QUndoStack()
    before = store.score("SYT", "1.2.1")
    with store.edit("gui") as ed:
        ed.write_scores([("SYT", "1.2.1", {"appraisal_points": "0",
                                           "appraisal_note": "Không có báo cáo quý IV"})])
    cmd = score_command(lambda: store, "SYT", "1.2.1", before,
                        lambda u, c: refreshed.append((u, c)))
    stack.push(cmd)  # the edit is already in the file: pushing does not write again
    assert refreshed == [] and store.score("SYT", "1.2.1")["appraisal_points"] == D(0)
    stack.undo()
    assert store.score("SYT", "1.2.1") == before and refreshed == [("SYT", "1.2.1")]
    stack.redo()
    after = store.score("SYT", "1.2.1")
    assert (after["appraisal_points"], after["appraisal_note"]) == (D(0), "Không có báo cáo quý IV")
    assert [a.source for a in store.audit()[-2:]] == [UNDO_SOURCE, UNDO_SOURCE]
    assert stack.undoText() == "Sửa điểm SYT, tiêu chí 1.2.1"
    store.close()


def test_an_edit_that_changed_nothing_makes_no_command(small_demo):
    store = Store.open(small_demo)
    before = store.score("SYT", "1.2.1")
    assert score_command(lambda: store, "SYT", "1.2.1", before, lambda u, c: None) is None
    store.close()
