"""Undo/redo of committed transactions: the window's QUndoStack, each step a change operation
on the file thread."""
from decimal import Decimal as D

import pytest
from PySide6.QtWidgets import QMessageBox
from qt_helpers import open_window, settle

from parapp.core.errors import ParappError
from parapp.core.store import Store
from parapp.ui.operations import unit_changes
from parapp.ui.undo import REDO_SOURCE, UNDO_SOURCE

LABEL = "Sửa điểm SYT, tiêu chí 1.2.1"


def write(qtbot, window, fields: dict) -> None:
    """One edit as the score editor sends it: a change operation, pushed as one undo step."""
    def work(job):
        with job.store.edit("gui") as ed:
            ed.write_scores([("SYT", "1.2.1", fields)])
        return unit_changes(job.store, LABEL, ed.txn, {"SYT"}, criterion="1.2.1")
    window.ops.change(LABEL, work)
    settle(qtbot, window)


def score(path):
    with Store.open(path, readonly=True) as store:
        return store.score("SYT", "1.2.1")


def test_undo_and_redo_restore_the_score_and_are_audited(small_demo, qtbot):
    window = open_window(qtbot, small_demo)
    before = score(small_demo)
    write(qtbot, window, {"appraisal_points": "0", "appraisal_note": "Không có báo cáo quý IV"})
    stack = window.undo_stack
    # the edit is already in the file: pushing it did not write again
    assert stack.count() == 1 and stack.undoText() == LABEL
    assert score(small_demo)["appraisal_points"] == D(0)
    stack.undo()
    settle(qtbot, window)
    assert score(small_demo) == before
    assert window.document.data.leaf("SYT", "1.2.1").appraisal_points == before["appraisal_points"]
    stack.redo()
    settle(qtbot, window)
    after = score(small_demo)
    assert (after["appraisal_points"], after["appraisal_note"]) == (D(0), "Không có báo cáo quý IV")
    with Store.open(small_demo, readonly=True) as store:
        assert [a.source for a in store.audit()[-2:]] == [UNDO_SOURCE, REDO_SOURCE]  # one each
    assert stack.undoText() == LABEL
    stack.undo()  # the redone transaction is undone again
    settle(qtbot, window)
    assert score(small_demo) == before
    with Store.open(small_demo, readonly=True) as store:
        assert store.audit()[-1].source == UNDO_SOURCE


def test_an_undo_that_would_overwrite_a_later_change_is_refused(small_demo, qtbot, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[1:3]))
    window = open_window(qtbot, small_demo)
    write(qtbot, window, {"self_points": "0"})
    with Store.open(small_demo) as other, other.edit("another window") as ed:  # e.g. a merge
        ed.write_scores([("SYT", "1.2.1", {"self_points": "0.5"})])
    window.undo_stack.undo()
    settle(qtbot, window)
    assert warnings == [("Không hoàn tác được",
                         "Không hoàn tác được: điểm đã được thay đổi sau đó (self_points)")]
    assert score(small_demo)["self_points"] == D("0.5")
    assert window.undo_stack.count() == 0  # the history no longer describes the file


def test_no_undo_reaches_a_file_on_its_way_out(small_demo, qtbot, tmp_path, monkeypatch):
    """Ctrl+Z while another file opens: the step would be queued behind the opening and run on
    the file just closed, without its lock. Undo and redo wait for the opening to end (and the
    history, the other file's, then starts again); a write that still reaches a closed file is
    refused, nothing written."""
    other = tmp_path / "khac.parapp"
    other.write_bytes(small_demo.read_bytes())
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[1:]))
    window = open_window(qtbot, small_demo)
    write(qtbot, window, {"appraisal_points": "0", "appraisal_note": "Không có báo cáo quý IV"})
    edited, theirs = score(small_demo), score(other)
    assert window.ui.actionUndo.isEnabled()
    held = window.document.store
    window.open_path(other)
    assert not window.ui.actionUndo.isEnabled()
    window.history.step(True)  # Ctrl+Z, as the shortcut calls it
    settle(qtbot, window)
    assert window.path == other and window.undo_stack.count() == 0 and warned == []
    assert score(small_demo) == edited and score(other) == theirs
    with pytest.raises(ParappError) as refused:
        held.revert(window.document.store.new_uuid())
    assert str(refused.value) == ("demo.parapp: tệp đã được đóng (một tệp khác đã mở thay); "
                                  "không có gì được đọc hay ghi")
    assert score(small_demo) == edited
