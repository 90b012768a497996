"""CriteriaModel, CriteriaFilter and UnitFilter on the small demo province (offscreen).

Expected values are worked out here from the store's own evaluation and formatted with `fmt`;
statuses are re-derived from the snapshot, never read back from the model's code.
"""
from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QTreeView

from parapp.core.criteria import Method, Source
from parapp.core.numbers import fmt
from parapp.core.store import Store
from parapp.ui.criteria_model import (
    CODE_ROLE,
    COL_CODE,
    COL_DIFF,
    COL_MAX,
    COL_NAME,
    COL_POINTS,
    COL_SELF,
    COL_STATUS,
    KEY_ROLE,
    STATUS_ROLE,
    CriteriaFilter,
    CriteriaModel,
    UnitFilter,
    fold_text,
)

pytestmark = pytest.mark.gui

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal
HEADERS = ["Mã", "Nội dung", "Điểm tối đa", "Tự đánh giá", "Thẩm định", "Chênh lệch",
           "Trạng thái"]


def num(value) -> str:
    return fmt(value, 2, comma=True)


# -- helpers ------------------------------------------------------------------------------------

def walk(model, parent=QModelIndex()):
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from walk(model, index)


def keys_of(model) -> list[str]:
    return [i.data(KEY_ROLE) for i in walk(model)]


def ancestors(tree, key) -> list[str]:
    out = []
    parent = tree.nodes[key].parent
    while parent in tree.nodes:
        out.append(parent)
        parent = tree.nodes[parent].parent
    return out


def applicable(tree, result) -> list[str]:
    return [k for k in tree.preorder if k in result.node_max]


def leaves(tree, result) -> list[str]:
    return [k for k in applicable(tree, result)
            if not any(c in result.node_max for c in tree.kids(k))]


def unit_input(snapshot, code):
    return next(u for u in snapshot.units if u.code == code)


def evidence_counts(store, code) -> dict[str, int]:
    return dict(Counter(e.criterion for e in store.evidence(code)))


def expected_flags(tree, unit, key, counts) -> set[str]:
    """The statuses of a leaf, straight from the definitions."""
    node = tree.nodes[key]
    if node.source is not Source.SELF:
        return set()
    score = unit.scores.get(key)
    own = score.self_points if score else None
    final = None
    if score is not None:
        final = score.appraisal2 if score.appraisal2 is not None else score.appraisal
    flags = set()
    if final is None:
        flags.add("not_appraised")
    elif own is not None and final < own:
        flags.add("deducted")
    if node.evidence_required and own is not None and own > 0 and not counts.get(node.code):
        flags.add("missing_evidence")
    return flags


class Loaded:
    """A store's tree, snapshot and evaluation, and a model of one unit built from them."""

    def __init__(self, store: Store, code: str, notes=None):
        self.store = store
        self.code = code
        self.snapshot = store.snapshot()
        self.tree = self.snapshot.tree
        self.unit = unit_input(self.snapshot, code)
        self.result = store.evaluate().results[self.unit.key]
        self.counts = evidence_counts(store, code)
        self.model = CriteriaModel(self.tree, self.result, self.unit, self.counts, 2, notes)

    def reload(self, notes=None) -> list[str]:
        self.snapshot = self.store.snapshot()
        self.unit = unit_input(self.snapshot, self.code)
        self.result = self.store.evaluate().results[self.unit.key]
        self.counts = evidence_counts(self.store, self.code)
        return self.model.update_result(self.result, self.unit, self.counts, notes)

    def index(self, key, column=0) -> QModelIndex:
        return self.model.index_of(key, column)

    def text(self, key, column) -> str:
        return self.index(key, column).data(Qt.ItemDataRole.DisplayRole)

    def flags(self, key) -> frozenset:
        return self.index(key).data(STATUS_ROLE)


@pytest.fixture
def readonly(small_demo):
    with Store.open(small_demo, readonly=True) as store:
        yield store


@pytest.fixture
def writable(small_demo):
    with Store.open(small_demo) as store:
        yield store


class Spy:
    """Records the model's change signals."""

    def __init__(self, model):
        self.changed: list[tuple[QModelIndex, QModelIndex]] = []
        self.resets = 0
        self.layouts = 0
        model.dataChanged.connect(lambda a, b, roles=(): self.changed.append((a, b)))
        model.modelReset.connect(self._reset)
        model.layoutChanged.connect(self._layout)

    def _reset(self):
        self.resets += 1

    def _layout(self, *args):
        self.layouts += 1

    def keys(self) -> set[str]:
        out = set()
        for top, bottom in self.changed:
            assert top.parent() == bottom.parent()
            assert top.column() == 0 and bottom.column() == COL_STATUS
            for row in range(top.row(), bottom.row() + 1):
                out.add(top.siblingAtRow(row).data(KEY_ROLE))
        return out


# -- structure and values ----------------------------------------------------------------------

@pytest.mark.parametrize("code", ["P001", "SNV", "X006"])
def test_model_tester_and_structure(qtbot, readonly, code):
    loaded = Loaded(readonly, code)
    model = loaded.model
    QAbstractItemModelTester(model, FATAL)
    tree, result = loaded.tree, loaded.result
    assert keys_of(model) == applicable(tree, result)  # applicable nodes, in tree order
    assert len(keys_of(model)) == len(result.node_max)
    assert model.rowCount() == sum(1 for r in tree.roots if r in result.node_max)
    for index in walk(model):
        key = index.data(KEY_ROLE)
        parent = tree.nodes[key].parent
        assert (index.parent().data(KEY_ROLE) if index.parent().isValid() else None) == (
            parent if parent in tree.nodes else None)
        assert index.data(CODE_ROLE) == tree.nodes[key].code
        assert model.key(index) == key
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)] == HEADERS
    # the filter over it is a proper model too, in every mode
    proxy = CriteriaFilter()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(proxy, FATAL)
    proxy.set_member("SNV")
    for mode in ("not_appraised", "deducted", "missing_evidence", "mine", "all"):
        proxy.set_mode(mode)


def test_values_of_a_ward(readonly):
    loaded = Loaded(readonly, "P001")
    tree, result = loaded.tree, loaded.result
    diffs = result.differences(tree)
    area = tree.by_code["1"].key
    assert loaded.text(area, COL_CODE) == "1"
    assert loaded.text(area, COL_NAME) == tree.nodes[area].name.upper()
    assert loaded.text(area, COL_MAX) == num(result.node_max[area])
    assert loaded.text(area, COL_SELF) == num(result.node_self[area])
    assert loaded.text(area, COL_POINTS) == num(result.node_points[area])
    diff = result.node_points[area] - result.node_self[area]  # area 1 is all self-scored
    assert diffs[area] == diff
    assert loaded.text(area, COL_DIFF) == ("" if round(diff, 2) == 0 else
                                          ("+" if diff > 0 else "") + num(diff))
    assert loaded.index(area, COL_NAME).data(Qt.ItemDataRole.FontRole).bold()
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    for column in (COL_MAX, COL_SELF, COL_POINTS, COL_DIFF):
        assert int(loaded.index(area, column).data(Qt.ItemDataRole.TextAlignmentRole)) == right

    # a sub-criterion: normal weight, name as written
    child = next(k for k in tree.kids(area) if k in result.node_max)
    font = loaded.index(child, COL_NAME).data(Qt.ItemDataRole.FontRole)
    assert not (isinstance(font, QFont) and font.bold())
    assert loaded.text(child, COL_NAME) == tree.nodes[child].name

    # every row: numbers as the engine computed them
    for key in applicable(tree, result):
        assert loaded.text(key, COL_MAX) == num(result.node_max[key])
        assert loaded.text(key, COL_POINTS) == num(result.node_points[key])

    # survey-fed leaves: no self score, no difference; an area made only of them: the same
    survey = [k for k in leaves(tree, result) if tree.nodes[k].source is not Source.SELF]
    assert survey
    for key in survey:
        assert loaded.text(key, COL_SELF) == ""
        assert loaded.text(key, COL_DIFF) == ""
        assert loaded.text(key, COL_POINTS) == num(result.node_points[key])
        assert loaded.flags(key) == frozenset()
    for key in applicable(tree, result):
        if diffs[key] is None:
            assert loaded.text(key, COL_SELF) == ""

    # negative differences are coloured, zero ones blank
    negative = [k for k in leaves(tree, result) if diffs[k] is not None and diffs[k] < 0]
    assert negative
    for key in negative:
        assert loaded.text(key, COL_DIFF) == num(diffs[key])
        assert loaded.index(key, COL_DIFF).data(Qt.ItemDataRole.ForegroundRole) is not None
    zero = next(k for k in leaves(tree, result) if diffs[k] == 0)
    assert loaded.text(zero, COL_DIFF) == ""


# -- updates ------------------------------------------------------------------------------------

def test_update_after_an_edit_changes_only_the_path(qtbot, writable):
    loaded = Loaded(writable, "P001")
    tree, model = loaded.tree, loaded.model
    QAbstractItemModelTester(model, FATAL)
    proxy = CriteriaFilter()
    proxy.setSourceModel(model)
    proxy.set_mode("deducted")

    # a leaf appraised at its full self score (> 0): appraise it at 0 instead
    def candidate(key):
        node = tree.nodes[key]
        score = loaded.unit.scores.get(key)
        return (node.source is Source.SELF and node.method in (Method.MANUAL, Method.YESNO)
                and score is not None and score.self_points is not None
                and score.self_points >= 1 and score.final == score.self_points)
    leaf = next(k for k in leaves(tree, loaded.result) if candidate(k))
    area = tree.area_of(leaf)
    code = tree.nodes[leaf].code
    assert "deducted" not in loaded.flags(leaf)
    assert leaf not in keys_of(proxy)

    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.expandAll()
    view.selectionModel().setCurrentIndex(
        loaded.index(leaf), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    old_area_points = loaded.result.node_points[area]

    with writable.edit("test") as ed:
        ed.set_appraisal("P001", code, Decimal(0), "lý do")
    spy = Spy(model)
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        changed = loaded.reload()

    expected = {leaf, *ancestors(tree, leaf)}
    assert spy.keys() == expected == set(changed)
    assert spy.resets == 0 and spy.layouts == 0
    new_area_points = loaded.result.node_points[area]
    assert new_area_points == old_area_points - loaded.unit.scores[leaf].self_points
    assert loaded.text(area, COL_POINTS) == num(new_area_points)
    assert loaded.text(leaf, COL_POINTS) == num(Decimal(0))
    assert loaded.text(leaf, COL_DIFF) == num(-loaded.unit.scores[leaf].self_points)
    assert "deducted" in loaded.flags(leaf) and "deducted" in loaded.flags(area)
    assert "Bị trừ điểm" in loaded.text(leaf, COL_STATUS)
    # views keep their state; the filter follows the edit
    assert all(view.isExpanded(loaded.index(k)) for k in ancestors(tree, leaf))
    assert view.selectionModel().currentIndex().data(KEY_ROLE) == leaf
    assert view.selectionModel().isRowSelected(loaded.index(leaf).row(),
                                               loaded.index(leaf).parent())
    assert leaf in keys_of(proxy)

    # nothing changed: nothing emitted
    spy.changed.clear()
    assert loaded.reload() == []
    assert spy.changed == []


def test_clearing_an_appraisal_and_removing_evidence(qtbot, writable):
    loaded = Loaded(writable, "P001")
    tree, result = loaded.tree, loaded.result
    QAbstractItemModelTester(loaded.model, FATAL)
    assert result.not_appraised == 0
    assert not any("not_appraised" in loaded.flags(k) for k in applicable(tree, result))

    # clear an appraisal → not appraised, on the leaf and up to the area
    appraised = next(k for k in leaves(tree, result) if tree.nodes[k].source is Source.SELF
                     and loaded.unit.scores[k].appraisal2 is None)
    with writable.edit("test") as ed:
        ed.set_appraisal("P001", tree.nodes[appraised].code, None, "")
    spy = Spy(loaded.model)
    loaded.reload()
    assert loaded.result.not_appraised == 1
    for key in (appraised, *ancestors(tree, appraised)):
        assert "not_appraised" in loaded.flags(key)
    assert "Chưa thẩm định" in loaded.text(appraised, COL_STATUS)
    assert loaded.index(appraised, COL_STATUS).data(Qt.ItemDataRole.DecorationRole) is not None

    # remove the evidence of a leaf that requires it → missing evidence
    def has_evidence(key):
        node = tree.nodes[key]
        score = loaded.unit.scores.get(key)
        return (node.evidence_required and score is not None and score.self_points
                and loaded.counts.get(node.code))
    leaf = next(k for k in leaves(tree, result) if has_evidence(k))
    code = tree.nodes[leaf].code
    assert "missing_evidence" not in loaded.flags(leaf)
    with writable.edit("test") as ed:
        for info in writable.evidence("P001", code):
            ed.remove_evidence(info.uuid)
    spy.changed.clear()
    loaded.reload()
    assert loaded.counts.get(code, 0) == 0
    assert "missing_evidence" in loaded.flags(leaf)
    assert "Thiếu TLKC" in loaded.text(leaf, COL_STATUS)
    assert "missing_evidence" in loaded.flags(tree.area_of(leaf))
    assert leaf in spy.keys() <= {leaf, *ancestors(tree, leaf)}
    assert spy.resets == 0


def test_statuses_match_the_definitions(readonly):
    """Every leaf of a commune with an unappraised area and of a ward; parents take the union."""
    for code in ("X006", "P001"):
        loaded = Loaded(readonly, code)
        tree, result = loaded.tree, loaded.result
        flags = {k: expected_flags(tree, loaded.unit, k, loaded.counts)
                 for k in leaves(tree, result)}
        for key in applicable(tree, result):
            below = [key] if key in flags else [k for k in tree.descendants(key) if k in flags]
            union = set().union(*(flags[k] for k in below))
            assert loaded.flags(key) == union, tree.nodes[key].code
        assert sum("not_appraised" in f for f in flags.values()) == result.not_appraised
    # the demo commune X006 has its area 7 still unappraised
    loaded = Loaded(readonly, "X006")
    area7 = loaded.tree.by_code["7"].key
    assert "not_appraised" in loaded.flags(area7)
    assert all("not_appraised" in loaded.flags(k) for k in leaves(loaded.tree, loaded.result)
               if loaded.tree.area_of(k) == area7
               and loaded.tree.nodes[k].source is Source.SELF)


def test_note_missing(readonly):
    loaded = Loaded(readonly, "P001")
    tree, unit = loaded.tree, loaded.unit
    differing = [k for k in leaves(tree, loaded.result)
                 if (s := unit.scores.get(k)) and s.appraisal is not None
                 and s.self_points is not None and s.appraisal != s.self_points]
    assert differing
    assert not any("note_missing" in loaded.flags(k) for k in differing)  # notes not given
    codes = [tree.nodes[k].code for k in differing]
    notes = {c: "lý do" for c in codes[1:]}
    notes[codes[0]] = "  "
    model = CriteriaModel(tree, loaded.result, unit, loaded.counts, 2, notes)
    assert "note_missing" in model.statuses(differing[0])
    assert "Thiếu lý do" in model.index_of(differing[0], COL_STATUS).data()
    assert "note_missing" in model.statuses(tree.area_of(differing[0]))
    assert not any("note_missing" in model.statuses(k) for k in differing[1:])


def test_empty_model_load_and_structure_change(qtbot, writable):
    model = CriteriaModel()
    QAbstractItemModelTester(model, FATAL)
    assert model.rowCount() == 0 and model.columnCount() == 7
    loaded = Loaded(writable, "P001")
    model.load(loaded.tree, loaded.result, loaded.unit, loaded.counts, places=2)
    assert keys_of(model) == applicable(loaded.tree, loaded.result)
    # another unit of the same block: values refresh in place, the structure is the same
    other = unit_input(loaded.snapshot, "P002")
    other_result = writable.evaluate().results[other.key]
    spy = Spy(model)
    model.update_result(other_result, other, evidence_counts(writable, "P002"))
    assert spy.resets == 0
    area = loaded.tree.by_code["1"].key
    assert model.index_of(area, COL_POINTS).data() == num(other_result.node_points[area])
    # a criterion marked not applicable: the structure changes, so the model resets
    excluded = loaded.tree.by_code["1.2"].key
    with writable.edit("test") as ed:
        ed.set_applicable("P002", "1.2", False, "không áp dụng")
    other_result = writable.evaluate().results[other.key]
    model.update_result(other_result)
    assert spy.resets == 1
    assert excluded not in keys_of(model)
    assert keys_of(model) == applicable(loaded.tree, other_result)
    model.clear()
    assert model.rowCount() == 0


# -- filters ------------------------------------------------------------------------------------

def test_criteria_filter_modes(qtbot, readonly):
    loaded = Loaded(readonly, "X006")
    tree, result = loaded.tree, loaded.result
    proxy = CriteriaFilter()
    proxy.setSourceModel(loaded.model)
    QAbstractItemModelTester(proxy, FATAL)
    flags = {k: expected_flags(tree, loaded.unit, k, loaded.counts)
             for k in leaves(tree, result)}

    def kept(matching) -> set[str]:
        return set().union(*({k, *ancestors(tree, k)} for k in matching)) if matching else set()

    assert keys_of(proxy) == applicable(tree, result)
    for mode in ("not_appraised", "deducted", "missing_evidence"):
        proxy.set_mode(mode)
        matching = [k for k, f in flags.items() if mode in f]
        assert matching, mode
        assert set(keys_of(proxy)) == kept(matching)
        assert len(keys_of(proxy)) == len(kept(matching))
    proxy.set_mode("mine")
    assert keys_of(proxy) == []  # no member chosen
    proxy.set_member("SNV")
    mine = [k for k in flags if tree.appraiser_of(k) == "SNV"]
    assert mine
    assert set(keys_of(proxy)) == kept(mine)
    assert {tree.nodes[tree.area_of(k)].code for k in keys_of(proxy)} == {"1", "4", "5", "8"}
    proxy.set_mode("all")
    assert len(keys_of(proxy)) == len(result.node_max)
    with pytest.raises(ValueError):
        proxy.set_mode("everything")


def test_unit_filter():
    assert fold_text("Phường Lê Chân") == "phuong le chan"
    assert fold_text("ĐÔNG  HẢI ") == "dong hai"
    source = QStandardItemModel()
    units = {"Phường": [("P001", "Phường Lê Chân"), ("P002", "Phường An Phú")],
             "Xã": [("X001", "Xã Đông Hải"), ("X002", "Xã An Bình")],
             "Sở, ban, ngành": [("SYT", "Sở Y tế"), ("STP", "Sở Tư pháp")]}
    for block, rows in units.items():
        block_item = QStandardItem(block)
        for code, name in rows:
            item = QStandardItem(name)
            item.setData(code, CODE_ROLE)
            block_item.appendRow(item)
        source.appendRow(block_item)
    proxy = UnitFilter()
    proxy.setSourceModel(source)
    QAbstractItemModelTester(proxy, FATAL)

    def found(text) -> list[str]:
        proxy.set_text(text)
        return [i.data() for i in walk(proxy) if i.parent().isValid()]

    assert len(found("")) == 6
    assert found("le chan") == ["Phường Lê Chân"]
    assert found("LÊ CHÂN") == ["Phường Lê Chân"]
    assert found("dong hai") == ["Xã Đông Hải"]
    assert found("Đông") == ["Xã Đông Hải"]
    assert found("SYT") == ["Sở Y tế"]
    assert found("x00") == ["Xã Đông Hải", "Xã An Bình"]
    assert found("an") == ["Phường Lê Chân", "Phường An Phú", "Xã An Bình"]
    assert proxy.rowCount() == 2  # "Sở, ban, ngành" holds "an" but none of its units does
    assert found("xyz") == []
    assert proxy.rowCount() == 0
    proxy.set_text("dong hai")
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data() == "Xã"
