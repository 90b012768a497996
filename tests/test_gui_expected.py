"""The expected score (dự kiến) in the score editor: typed with the keyboard, written to the
file (checked through a fresh Store), undone like any score; refused above the maximum in the
self score's words; read-only where the file does not take it."""
from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from qt_helpers import open_window, settle_all
from test_council import make_master

from parapp.core.criteria import Method, Source, check_points
from parapp.core.numbers import fmt
from parapp.core.packages import export_package, export_unit_package
from parapp.core.store import Store

pytestmark = pytest.mark.gui

UNIT = "SYT"


def stored(path: Path, unit: str, code: str):
    settle_all()  # what is being written is written
    with Store.open(path, readonly=True) as store:
        return store.score(unit, code)["expected_points"]


def manual_leaves(path: Path, unit: str) -> list:
    """Self-scored leaves of the unit's block taking any points up to a maximum of at least 1,
    with no expected score yet, in the criteria's order."""
    with Store.open(path, readonly=True) as store:
        snap, expected = store.snapshot(), store.expected_points()
    block = next(u for u in snap.units if u.code == unit).block
    return [(snap.tree.nodes[k], block) for k in snap.tree.preorder
            if snap.tree.is_leaf(k) and snap.tree.nodes[k].source is Source.SELF
            and snap.tree.nodes[k].method is Method.MANUAL
            and snap.tree.nodes[k].max_for(block) >= 1
            and (unit, snap.tree.nodes[k].code) not in expected]


def type_into(qtbot, field, text: str) -> None:
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def test_an_expected_score_typed_is_written_and_undone(qtbot, small_demo):
    (node, block), *_ = manual_leaves(small_demo, UNIT)
    value = node.max_for(block) - D("0.5")
    window = open_window(qtbot, small_demo, (1366, 768))
    assert window.select_unit(UNIT) and window.select_criterion(node.code)
    editor = window.editor
    field = editor.expected
    assert field.isEnabled() and not field.isReadOnly() and field.text() == ""
    type_into(qtbot, field, str(value).replace(".", ","))
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert stored(small_demo, UNIT, node.code) == value
    assert stored(small_demo, UNIT, node.code) is not None
    # Enter went on to the next leaf, the cursor in the expected field again
    assert editor.criterion_code != node.code
    assert QApplication.focusWidget() is field
    assert window.undo_stack.undoText() == f"Sửa điểm {UNIT}, tiêu chí {node.code}"
    window.undo()
    assert stored(small_demo, UNIT, node.code) is None
    assert editor.criterion_code == node.code and field.text() == ""  # shown where it was
    window.redo()
    assert stored(small_demo, UNIT, node.code) == value
    assert field.text() == fmt(value, 2)  # at least the period's two decimals


def test_an_expected_score_above_the_maximum_is_refused_as_a_self_score_is(qtbot, small_demo):
    (node, block), *_ = manual_leaves(small_demo, UNIT)
    before = small_demo.read_bytes()
    window = open_window(qtbot, small_demo, (1366, 768))
    assert window.select_unit(UNIT) and window.select_criterion(node.code)
    editor = window.editor
    type_into(qtbot, editor.expected, "99")
    problem = check_points(node, block, D(99))
    assert problem == f"điểm vượt điểm tối đa {node.max_for(block):.2f}".replace(".", ",")
    assert editor.expected_error.isVisible()
    assert editor.expected_error.text() == f"Điểm dự kiến: {problem}"
    qtbot.keyClick(editor.expected, Qt.Key.Key_Return)
    assert editor.criterion_code == node.code and editor.has_pending_changes()
    assert editor.pending_problem() == f"Điểm dự kiến «99»: {problem}"
    qtbot.keyClick(editor.expected, Qt.Key.Key_Escape)
    assert editor.expected.text() == "" and not editor.expected_error.isVisible()
    settle_all()
    assert small_demo.read_bytes() == before


def test_read_only_where_the_file_does_not_take_it(qtbot, small_demo, tmp_path):
    (node, _block), *_ = manual_leaves(small_demo, UNIT)
    with Store.open(small_demo) as store:
        with store.edit("gui") as ed:
            ed.write_scores([(UNIT, node.code, {"expected_points": D(1)})])
            ed.set_phase("appraisal_1")
    window = open_window(qtbot, small_demo, (1366, 768))
    assert window.select_unit(UNIT) and window.select_criterion(node.code)
    field = window.editor.expected
    assert field.text() == "1,00" and field.isReadOnly()  # shown, not typed over
    assert not window.editor.appraisal_score.isReadOnly()  # the round's own field is open
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(field, "5")
    assert field.text() == "1,00" and not window.editor.has_pending_changes()
    qtbot.keyClick(field, Qt.Key.Key_Return)  # on to the next leaf, nothing written
    assert window.editor.criterion_code != node.code
    assert stored(small_demo, UNIT, node.code) == D(1)


def test_a_units_package_takes_it_and_a_members_does_not(qtbot, tmp_path):
    master = make_master(tmp_path / "chinh.parapp")
    own = export_unit_package(master, UNIT, tmp_path / "goi-SYT.parapp").path
    member = export_package(master, "SNV", tmp_path / "goi-SNV.parapp").path
    master.close()
    window = open_window(qtbot, own, (1366, 768))
    assert window.select_unit(UNIT) and window.select_criterion("1.2")
    field = window.editor.expected
    assert not field.isReadOnly()
    type_into(qtbot, field, "5,5")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert stored(own, UNIT, "1.2") == D("5.5")
    window.close()
    window = open_window(qtbot, member, (1366, 768))
    assert window.select_unit(UNIT) and window.select_criterion("1.2")
    assert window.editor.expected.isReadOnly()
    assert not window.editor.appraisal_score.isReadOnly()
