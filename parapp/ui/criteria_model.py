"""Item models for the main window: one unit's criteria tree, its filter, and the unit search.

`CriteriaModel` shows the applicable part of the criteria tree of ONE unit (nodes of its block
that are not marked "not applicable"), in tree order, from plain core data: a `CriteriaTree`, the
unit's `UnitResult` and `UnitInput`, evidence counts by criterion code and, optionally, the round
1 appraisal notes. Every shown value is worked out once per (re)load into an immutable row record;
`update_result` recomputes those records after an edit and emits `dataChanged` only for the rows
whose record changed (the edited leaf and its ancestors, typically), so views keep their
expansion and selection while the roll-ups update at once.

No SQL here: callers get everything from `Store` (snapshot / evaluate / evidence).
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QApplication, QStyle

from parapp.core.criteria import CriteriaTree, Source, needs_reason
from parapp.core.numbers import fmt, quantize
from parapp.core.scoring import LeafScore, UnitInput, UnitResult
from parapp.ui.theme import error_color, is_dark

# -- roles and columns --------------------------------------------------------------------------

KEY_ROLE = int(Qt.ItemDataRole.UserRole)  # node key (criterion UUID), same role as main_window
STATUS_ROLE = KEY_ROLE + 1  # frozenset of status flags (see STATUSES); parents: their union
CODE_ROLE = KEY_ROLE + 2  # criterion code ("1.2.3"); UnitFilter also reads it for unit codes
APPRAISER_ROLE = KEY_ROLE + 3  # member code responsible for the node (tree.appraiser_of)

COL_CODE, COL_NAME, COL_MAX, COL_SELF, COL_POINTS, COL_DIFF, COL_STATUS = range(7)
COLUMN_COUNT = 7
NUMERIC_COLUMNS = frozenset((COL_MAX, COL_SELF, COL_POINTS, COL_DIFF))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

# -- statuses -----------------------------------------------------------------------------------

MISSING_EVIDENCE = "missing_evidence"  # evidence required, self score > 0, nothing attached
NOTE_MISSING = "note_missing"  # round 1 appraisal differs from the self score, no reason given
DEDUCTED = "deducted"  # final appraisal below the self score
NOT_APPRAISED = "not_appraised"  # self-scored leaf without any appraisal yet
STATUSES = (MISSING_EVIDENCE, NOTE_MISSING, DEDUCTED, NOT_APPRAISED)  # display order

FILTER_MODES = ("all", "not_appraised", "deducted", "missing_evidence", "mine")


def status_label(status: str) -> str:
    """Short text of a status for the "Trạng thái" column."""
    if status == MISSING_EVIDENCE:
        return QCoreApplication.translate("CriteriaModel", "Thiếu TLKC")
    if status == NOTE_MISSING:
        return QCoreApplication.translate("CriteriaModel", "Thiếu lý do")
    if status == DEDUCTED:
        return QCoreApplication.translate("CriteriaModel", "Bị trừ điểm")
    if status == NOT_APPRAISED:
        return QCoreApplication.translate("CriteriaModel", "Chưa thẩm định")
    return status


def status_description(status: str) -> str:
    """Full sentence for tooltips."""
    if status == MISSING_EVIDENCE:
        return QCoreApplication.translate(
            "CriteriaModel", "Thiếu tài liệu kiểm chứng (tiêu chí bắt buộc có tài liệu kiểm chứng)")
    if status == NOTE_MISSING:
        return QCoreApplication.translate(
            "CriteriaModel", "Điểm thẩm định khác điểm tự đánh giá nhưng chưa ghi lý do")
    if status == DEDUCTED:
        return QCoreApplication.translate(
            "CriteriaModel", "Điểm thẩm định thấp hơn điểm tự đánh giá")
    if status == NOT_APPRAISED:
        return QCoreApplication.translate("CriteriaModel", "Chưa thẩm định")
    return status


def status_text(statuses: Iterable[str]) -> str:
    """Every status, for a screen reader."""
    present = set(statuses)
    return ", ".join(status_label(s) for s in STATUSES if s in present)


def status_short(statuses: Iterable[str]) -> str:
    """The column's text: the status that matters most, and how many more there are ("Thiếu
    TLKC +1"; the tooltip lists them): always as wide as the column, where all of them ran on
    and lost their end."""
    present = [s for s in STATUSES if s in set(statuses)]
    if not present:
        return ""
    more = f" +{len(present) - 1}" if len(present) > 1 else ""
    return status_label(present[0]) + more


def widest_status(width: Callable[[str], int]) -> str:
    """The widest text `status_short` gives in the language shown, by `width` (the column's
    size)."""
    return max((status_label(s) + f" +{len(STATUSES) - 1}" for s in STATUSES), key=width)


_ICONS = {
    MISSING_EVIDENCE: QStyle.StandardPixmap.SP_MessageBoxWarning,
    NOTE_MISSING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    NOT_APPRAISED: QStyle.StandardPixmap.SP_MessageBoxQuestion,
}
# one set per light/dark theme: the deduction's arrow is drawn in the theme's red
_icon_cache: dict[tuple[str, bool], QIcon] = {}


def status_icon(statuses: Iterable[str]) -> QIcon | None:
    """The icon of the most serious status (STATUSES order), or None."""
    present = set(statuses)
    first = next((s for s in STATUSES if s in present), None)
    if first is None:
        return None
    app = QCoreApplication.instance()
    if not isinstance(app, QApplication):  # QStyle needs a widget application
        return None
    key = (first, is_dark(app))
    icon = _icon_cache.get(key)
    if icon is None:
        icon = _icon_cache[key] = _deducted_icon() if first == DEDUCTED else \
            app.style().standardIcon(_ICONS[first])
    return icon


def _deducted_icon() -> QIcon:
    """A downward triangle in the red that reads on the theme (Fusion's arrow is drawn in
    the text's shade of the palette, black on a dark theme's rows)."""
    icon = QIcon()
    for size in (16, 24, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(error_color())
        m = size / 4
        painter.drawPolygon(QPolygonF([QPointF(m, m * 1.4), QPointF(size - m, m * 1.4),
                                       QPointF(size / 2, size - m)]))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def leaf_statuses(tree: CriteriaTree, key: str, score: LeafScore | None,
                  evidence_count: int, note: str | None, check_note: bool) -> frozenset[str]:
    """Status flags of one applicable leaf; survey-fed leaves have none."""
    node = tree.nodes[key]
    if node.source is not Source.SELF:
        return frozenset()
    score = score or LeafScore()
    own, final = score.self_points, score.final
    out = set()
    if final is None:
        out.add(NOT_APPRAISED)
    elif own is not None and final < own:
        out.add(DEDUCTED)
    if node.evidence_required and own is not None and own > 0 and evidence_count <= 0:
        out.add(MISSING_EVIDENCE)
    if check_note and needs_reason(score.appraisal, own, note):
        out.add(NOTE_MISSING)
    return frozenset(out)


# -- colours ------------------------------------------------------------------------------------

def _dark_palette() -> bool:
    if QGuiApplication.instance() is None:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128


_NEGATIVE = (QColor(176, 0, 32), QColor(255, 128, 128))  # (light theme, dark theme)
_POSITIVE = (QColor(0, 110, 40), QColor(120, 215, 140))


def _colour(pair: tuple[QColor, QColor]) -> QBrush:
    return QBrush(pair[1] if _dark_palette() else pair[0])


def _dim() -> QBrush:
    return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)


# -- the criteria model -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Row:
    """Everything a row shows, computed once; equality drives dataChanged."""
    texts: tuple[str, ...]  # display text of the numeric/name columns, index = column
    statuses: frozenset[str]
    counts: tuple[tuple[str, int], ...]  # leaves below (or self) per status, STATUSES order
    diff_sign: int
    provisional: bool  # a leaf not appraised yet: its points are the self score
    self_missing: bool  # a self-scored leaf the unit did not score


class CriteriaModel(QAbstractItemModel):
    """The applicable criteria tree of one unit (read-only).

    `internalId()` of an index is the node's position in tree order (`keys()`), so parent() and
    index() are dictionary lookups; the structure is built once per `load`.
    """

    def __init__(self, tree: CriteriaTree | None = None, result: UnitResult | None = None,
                 unit: UnitInput | None = None, evidence_counts: Mapping[str, int] | None = None,
                 places: int = 2, notes: Mapping[str, str] | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._tree: CriteriaTree | None = None
        self._result: UnitResult | None = None
        self._unit: UnitInput | None = None
        self._evidence: Mapping[str, int] = {}
        self._notes: Mapping[str, str] | None = None
        self._places = places
        self._keys: list[str] = []
        self._pos: dict[str, int] = {}
        self._parent: dict[str, str | None] = {}
        self._row: dict[str, int] = {}
        self._children: dict[str | None, list[str]] = {None: []}
        self._rows: dict[str, _Row] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        if tree is not None and result is not None:
            self._set(tree, result, unit, evidence_counts, notes)

    # -- loading ----------------------------------------------------------------------------

    def load(self, tree: CriteriaTree, result: UnitResult, unit: UnitInput | None = None,
             evidence_counts: Mapping[str, int] | None = None,
             notes: Mapping[str, str] | None = None, places: int | None = None) -> None:
        """Show another unit (or another file): rebuilds the structure (model reset)."""
        self.beginResetModel()
        if places is not None:
            self._places = places
        self._set(tree, result, unit, evidence_counts, notes)
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._tree = self._result = self._unit = None
        self._evidence, self._notes = {}, None
        self._keys, self._pos, self._parent, self._row = [], {}, {}, {}
        self._children, self._rows = {None: []}, {}
        self.endResetModel()

    def update_result(self, result: UnitResult, unit: UnitInput | None = None,
                      evidence_counts: Mapping[str, int] | None = None,
                      notes: Mapping[str, str] | None = None) -> list[str]:
        """Refresh values in place after an edit; returns the keys of the rows that changed.

        `unit` defaults to `result.unit`; `evidence_counts` and `notes` left as None keep the
        ones given before. Only rows whose shown data changed get `dataChanged` (all columns,
        all roles). Should the set of applicable nodes differ (a criterion marked (not)
        applicable), the structure cannot be kept and the model is reset instead.
        """
        if self._tree is None:
            raise RuntimeError("CriteriaModel.update_result before load")
        unit = unit if unit is not None else result.unit
        if evidence_counts is None:
            evidence_counts = self._evidence
        if notes is None:
            notes = self._notes
        if self._applicable(self._tree, result) != self._keys:
            self.load(self._tree, result, unit, evidence_counts, notes)
            return list(self._keys)
        self._result, self._unit = result, unit
        self._evidence, self._notes = dict(evidence_counts), notes
        return self._refresh()

    def set_places(self, places: int) -> None:
        """Display decimals changed (a period setting): re-render the numbers."""
        if places != self._places:
            self._places = places
            if self._tree is not None:
                self._refresh()

    def _refresh(self) -> list[str]:
        rows = self._compute()
        changed = [k for k in self._keys if rows[k] != self._rows.get(k)]
        self._rows = rows
        last = COLUMN_COUNT - 1
        for key in changed:
            row, pos = self._row[key], self._pos[key]
            self.dataChanged.emit(self.createIndex(row, 0, pos), self.createIndex(row, last, pos))
        return changed

    @staticmethod
    def _applicable(tree: CriteriaTree, result: UnitResult) -> list[str]:
        return [k for k in tree.preorder if k in result.node_max]

    def _set(self, tree: CriteriaTree, result: UnitResult, unit: UnitInput | None,
             evidence_counts: Mapping[str, int] | None, notes: Mapping[str, str] | None) -> None:
        self._tree, self._result = tree, result
        self._unit = unit if unit is not None else result.unit
        self._evidence = dict(evidence_counts or {})
        self._notes = notes
        self._keys = self._applicable(tree, result)
        self._pos = {k: i for i, k in enumerate(self._keys)}
        self._parent, self._row = {}, {}
        self._children = {None: []}
        for key in self._keys:  # pre-order: a parent is placed before its children
            parent = tree.nodes[key].parent
            if parent not in self._pos:
                parent = None  # a root (an applicable node's parent is always applicable)
            siblings = self._children.setdefault(parent, [])
            self._parent[key] = parent
            self._row[key] = len(siblings)
            siblings.append(key)
        self._rows = self._compute()

    def _compute(self) -> dict[str, _Row]:
        tree, result, unit, places = self._tree, self._result, self._unit, self._places
        diffs = result.differences(tree)
        scores = unit.scores
        notes = self._notes
        rows: dict[str, _Row] = {}
        counts_of: dict[str, Counter] = {}

        def num(value) -> str:
            return fmt(value, places)

        for key in reversed(self._keys):  # children before parents
            node = tree.nodes[key]
            kids = self._children.get(key)
            score = scores.get(key)
            if kids:
                counts: Counter = Counter()
                for k in kids:
                    counts.update(counts_of[k])
                provisional = self_missing = False
            else:
                flags = leaf_statuses(tree, key, score, self._evidence.get(node.code, 0),
                                      notes.get(node.code) if notes is not None else None,
                                      notes is not None)
                counts = Counter(flags)
                provisional = NOT_APPRAISED in flags
                self_missing = node.source is Source.SELF and (
                    score is None or score.self_points is None)
            counts_of[key] = counts
            diff = diffs.get(key)
            shown_diff = diff is not None and not quantize(diff, places).is_zero()
            texts = (
                node.code,
                node.name.upper() if tree.depth[key] == 0 else node.name,
                num(result.node_max[key]),
                "" if diff is None or self_missing else num(result.node_self[key]),
                num(result.node_points[key]),
                (("+" if diff > 0 else "") + num(diff)) if shown_diff else "",
            )
            rows[key] = _Row(
                texts=texts, statuses=frozenset(counts),
                counts=tuple((s, counts[s]) for s in STATUSES if counts[s]),
                diff_sign=(1 if diff > 0 else -1) if shown_diff else 0,
                provisional=provisional, self_missing=self_missing)
        return rows

    # -- lookups ----------------------------------------------------------------------------

    @property
    def tree(self) -> CriteriaTree | None:
        return self._tree

    @property
    def result(self) -> UnitResult | None:
        return self._result

    @property
    def unit(self) -> UnitInput | None:
        return self._unit

    @property
    def places(self) -> int:
        return self._places

    def keys(self) -> list[str]:
        """Keys of the rows, in tree order."""
        return list(self._keys)

    def key(self, index: QModelIndex | QPersistentModelIndex) -> str | None:
        if not index.isValid() or index.model() is not self:
            return None
        return self._keys[index.internalId()]

    def index_of(self, key: str, column: int = 0) -> QModelIndex:
        """The index of a node's row, or an invalid index when the node is not shown."""
        pos = self._pos.get(key)
        if pos is None:
            return QModelIndex()
        return self.createIndex(self._row[key], column, pos)

    def is_leaf(self, key: str) -> bool:
        return key in self._pos and not self._children.get(key)

    def statuses(self, key: str) -> frozenset[str]:
        row = self._rows.get(key)
        return row.statuses if row is not None else frozenset()

    # -- QAbstractItemModel -----------------------------------------------------------------

    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:
        if row < 0 or not 0 <= column < COLUMN_COUNT:
            return QModelIndex()
        if parent.isValid():
            if parent.column() != 0:
                return QModelIndex()
            siblings = self._children.get(self._keys[parent.internalId()], ())
        else:
            siblings = self._children[None]
        if row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, column, self._pos[siblings[row]])

    def parent(self, index=None):  # Qt's name; without an argument: QObject.parent()
        if index is None:
            return QObject.parent(self)
        if not index.isValid():
            return QModelIndex()
        parent = self._parent[self._keys[index.internalId()]]
        if parent is None:
            return QModelIndex()
        return self.createIndex(self._row[parent], 0, self._pos[parent])

    def rowCount(self, parent=QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._children[None])
        if parent.column() != 0:
            return 0
        return len(self._children.get(self._keys[parent.internalId()], ()))

    def columnCount(self, parent=QModelIndex()) -> int:
        return COLUMN_COUNT

    def hasChildren(self, parent=QModelIndex()) -> bool:
        return self.rowCount(parent) > 0

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = self._keys[index.internalId()]
        row = self._rows[key]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_STATUS:
                return status_short(row.statuses)
            return row.texts[column]
        if role == KEY_ROLE:
            return key
        if role == STATUS_ROLE:
            return row.statuses
        if role == CODE_ROLE:
            return row.texts[COL_CODE]
        if role == APPRAISER_ROLE:
            return self._tree.appraiser_of(key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column in NUMERIC_COLUMNS else None
        if role == Qt.ItemDataRole.FontRole:  # an area's row in bold, but for its status,
            # which then reads whole in the column sized for the leaves' ("Missing evidence +2")
            return self._bold if self._tree.depth[key] == 0 and column != COL_STATUS else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_DIFF and row.diff_sign:
                return _colour(_NEGATIVE if row.diff_sign < 0 else _POSITIVE)
            if column == COL_POINTS and row.provisional:
                return _dim()
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return status_icon(row.statuses) if column == COL_STATUS else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(key, row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == COL_STATUS:
            return status_text(row.statuses)
        return None

    def _tooltip(self, key: str, row: _Row, column: int) -> str | None:
        node = self._tree.nodes[key]
        leaf = not self._children.get(key)
        if column in (COL_CODE, COL_NAME):
            tip = f"{node.code} — {node.name}"
            if leaf and node.source is not Source.SELF:
                tip += "\n" + QCoreApplication.translate(
                    "CriteriaModel", "Điểm lấy từ {source}").format(source=node.source.label)
            elif leaf and node.evidence_required:
                tip += "\n" + QCoreApplication.translate(
                    "CriteriaModel", "Bắt buộc có tài liệu kiểm chứng ({count} tệp)").format(
                    count=self._evidence.get(node.code, 0))
            return tip
        if column == COL_SELF and row.self_missing:
            return QCoreApplication.translate("CriteriaModel", "Đơn vị chưa tự đánh giá tiêu chí này")
        if column == COL_POINTS and row.provisional:
            return QCoreApplication.translate(
                "CriteriaModel", "Chưa thẩm định: tạm tính bằng điểm tự đánh giá")
        if column == COL_STATUS and row.counts:
            if leaf:
                return "\n".join(status_description(s) for s, _ in row.counts)
            return "\n".join(QCoreApplication.translate(
                "CriteriaModel", "{status}: {count} tiêu chí").format(
                status=status_label(s), count=n) for s, n in row.counts)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("CriteriaModel", "Mã"),
                QCoreApplication.translate("CriteriaModel", "Nội dung"),
                QCoreApplication.translate("CriteriaModel", "Điểm tối đa"),
                QCoreApplication.translate("CriteriaModel", "Tự đánh giá"),
                QCoreApplication.translate("CriteriaModel", "Thẩm định"),
                QCoreApplication.translate("CriteriaModel", "Chênh lệch"),
                QCoreApplication.translate("CriteriaModel", "Trạng thái"),
            )[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if section in NUMERIC_COLUMNS else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == COL_SELF:
                return QCoreApplication.translate(
                    "CriteriaModel", "Điểm đơn vị tự đánh giá. Tiêu chí lấy điểm từ SIPAS, ĐTXHH "
                                     "không có điểm tự đánh giá.")
            if section == COL_POINTS:
                return QCoreApplication.translate(
                    "CriteriaModel", "Điểm được tính: điểm thẩm định (vòng 2 nếu có), điểm tự "
                                     "chấm nếu chưa thẩm định, điểm quy đổi từ SIPAS, ĐTXHH.")
            if section == COL_DIFF:
                return QCoreApplication.translate(
                    "CriteriaModel", "Điểm thẩm định trừ điểm tự đánh giá, chỉ tính các tiêu "
                                     "chí đơn vị tự đánh giá; để trống khi bằng 0.")
            if section == COL_STATUS:
                return QCoreApplication.translate(
                    "CriteriaModel", "Thiếu TLKC: thiếu tài liệu kiểm chứng; Bị trừ điểm: điểm "
                                     "thẩm định thấp hơn tự đánh giá; Chưa thẩm định; Thiếu lý "
                                     "do: điểm thẩm định khác tự đánh giá mà chưa ghi lý do. "
                                     "Dòng cha gộp trạng thái của các tiêu chí con.")
        return None


# -- filters ------------------------------------------------------------------------------------

def _filter_changing(proxy: QSortFilterProxyModel, change) -> None:
    """Apply a change of filter criteria (Qt ≥ 6.10 begin/endFilterChange, else invalidate)."""
    if hasattr(proxy, "beginFilterChange"):
        proxy.beginFilterChange()
        change()
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:
        change()
        proxy.invalidateRowsFilter()


class CriteriaFilter(QSortFilterProxyModel):
    """Keeps the leaves of a `CriteriaModel` that match a mode, plus their ancestors.

    Modes: "all"; "not_appraised", "deducted", "missing_evidence" (a leaf's STATUS_ROLE holds
    the flag); "mine" (the leaf's appraiser, APPRAISER_ROLE, is the member set by set_member;
    nothing matches while no member is set). Parents never match by themselves: they are shown
    (recursive filtering) when a descendant matches. The filter follows edits: dataChanged of
    the source re-filters the rows concerned.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._mode = "all"
        self._member: str | None = None

    def mode(self) -> str:
        return self._mode

    def member(self) -> str | None:
        return self._member

    def set_mode(self, mode: str) -> None:
        if mode not in FILTER_MODES:
            raise ValueError(f"unknown filter mode {mode!r}; one of {', '.join(FILTER_MODES)}")
        if mode != self._mode:
            _filter_changing(self, lambda: setattr(self, "_mode", mode))

    def set_member(self, code: str | None) -> None:
        code = code or None
        if code != self._member:
            _filter_changing(self, lambda: setattr(self, "_member", code))

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if self._mode == "all":
            return True
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if model.hasChildren(index):
            return False  # shown only through a matching descendant
        if self._mode == "mine":
            return self._member is not None and index.data(APPRAISER_ROLE) == self._member
        return self._mode in (index.data(STATUS_ROLE) or ())


def fold_text(s: str | None) -> str:
    """Text folded for searching: no case, no Vietnamese marks (đ → d), single spaces.

    "Lê Chân" → "le chan", "ĐÔNG HẢI" → "dong hai"; precomposed and decomposed input alike.
    """
    if not s:
        return ""
    s = s.replace("đ", "d").replace("Đ", "D").replace("Ð", "D").replace("ð", "d")
    s = "".join(ch for ch in unicodedata.normalize("NFD", s) if not unicodedata.combining(ch))
    return " ".join(s.casefold().split())


class UnitFilter(QSortFilterProxyModel):
    """Search for the unit list: a row matches when the folded search text is a substring of
    its folded name (display text of filterKeyColumn(), every column if -1) or of its code
    (`code_role` data on the same index). Rows with children (blocks) never match by
    themselves: they stay while one of their units matches (recursive filtering).
    """

    def __init__(self, parent: QObject | None = None, *, code_role: int = CODE_ROLE):
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._code_role = code_role
        self._text = ""
        self._pattern = ""

    def text(self) -> str:
        return self._text

    def set_text(self, text: str | None) -> None:
        """The search text as typed (connect QLineEdit.textChanged here)."""
        text = text or ""
        pattern = fold_text(text)
        self._text = text
        if pattern != self._pattern:
            _filter_changing(self, lambda: setattr(self, "_pattern", pattern))

    def matches(self, *texts: str | None) -> bool:
        return not self._pattern or any(self._pattern in fold_text(t) for t in texts if t)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if not self._pattern:
            return True
        model = self.sourceModel()
        if model.hasChildren(model.index(source_row, 0, source_parent)):
            return False
        column = self.filterKeyColumn()
        columns = range(model.columnCount(source_parent)) if column < 0 else (column,)
        for c in columns:
            index = model.index(source_row, c, source_parent)
            for role in (Qt.ItemDataRole.DisplayRole, self._code_role):
                value = index.data(role)
                if isinstance(value, str) and self._pattern in fold_text(value):
                    return True
        return False
