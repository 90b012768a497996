"""Tab "Chấm điểm" and the left list's selection: which unit and leaf are shown, the unit's
criteria tree with its roll-ups and statuses, its summary, and the score editor on the leaf.

What the editor shows is always the unit selected in the visible list and the leaf selected in
the tree. Moving elsewhere — another leaf, another unit, a filter hiding the unit — first asks
the editor to `leave()`: what is typed is written, and what the file would refuse is never
dropped without the person deciding (they may stay, and the selection stays with them). After
each committed edit `refresh_unit` re-reads only that unit, re-evaluates its block and updates
the tree, the summary and the list's numbers at once; the window is told (`refreshed`) so that
the overview follows.
"""
from __future__ import annotations

from decimal import Decimal
from time import perf_counter
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QHeaderView, QLineEdit, QWidget

from parapp.core.criteria import Source
from parapp.core.numbers import fmt, fmt_date
from parapp.core.scoring import UnitResult
from parapp.ui import preferences
from parapp.ui.criteria_model import (
    COL_CODE,
    COL_DIFF,
    COL_MAX,
    COL_NAME,
    COL_POINTS,
    COL_SELF,
    COL_STATUS,
    FILTER_MODES,
    KEY_ROLE,
    CriteriaFilter,
    CriteriaModel,
    widest_status,
)
from parapp.ui.sizing import RoomyDelegate, chars, column_width
from parapp.ui.unit_list import DASH, U_RANK, UnitList

if TYPE_CHECKING:
    from parapp.ui.main_window import MainWindow

# criteria columns (CriteriaModel's)
C_CODE, C_NAME, C_MAX, C_SELF, C_POINTS, C_DIFF, C_STATUS = (
    COL_CODE, COL_NAME, COL_MAX, COL_SELF, COL_POINTS, COL_DIFF, COL_STATUS)


class _CriteriaFilter(CriteriaFilter):
    """The criteria filter with two-line headers over the number columns ("Điểm\ntối đa"):
    the columns can then be as narrow as their numbers, leaving the width to the names."""

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        value = super().headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and section not in (C_CODE, C_NAME) and isinstance(value, str):
            return value.replace(" ", "\n", 1)
        return value


class ScoringView(QObject):
    """The unit shown, its criteria, summary and editor (see the module docstring)."""

    unit_shown = Signal(str, str)  # block, unit key: the overview selects it too
    refreshed = Signal()  # numbers changed after an edit: the overview follows

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.ui = ui = window.ui
        self.units = UnitList(ui.unitView)
        self.unit_view, self.filter_edit = ui.unitView, ui.unitFilterEdit
        self.criteria_view, self.editor = ui.criteriaView, ui.scoreEditor
        self.model = CriteriaModel(parent=self)
        self.filter = _CriteriaFilter(self)
        self.filter.setSourceModel(self.model)
        self.criteria_view.setModel(self.filter)
        self.current: str | None = None  # uuid of the unit shown
        self.places = 2
        self.last_refresh_ms = 0.0  # edit → every view updated, for the curious (and bench/)
        self.fit_codes = True  # the code column is fitted to the codes unless the user sized it
        self._anchor: str | None = None  # key of the leaf last edited: "next" starts there
        self._expanded: set[str] = set()  # criteria keys expanded (in filter mode "all")
        self._entry_field: QWidget | None = None  # the score field Enter was last pressed in
        self._keep_leaf: str | None = None
        self._loading = False  # rebuilding views: selection signals are ours, not the user's
        self._refreshing = False
        self._switching = False
        self._units: dict = {}  # uuid → store.units() row (head name and title)
        self._block_names: dict[str, str] = {}
        self._setup_criteria_view()
        self._connect()

    # -- set-up ---------------------------------------------------------------------------------

    def _setup_criteria_view(self) -> None:
        view = self.criteria_view
        view.setItemDelegate(RoomyDelegate(C_NAME, view))
        pad = view.fontMetrics().height()
        view.setIndentation(max(12, pad * 3 // 4))  # the default (20 px) takes a name's room
        header = view.header()
        header.setStretchLastSection(False)
        bold = QFont(view.font())
        bold.setBold(True)
        # a status whole, with how many more there are
        longest = widest_status(view.fontMetrics().horizontalAdvance)
        samples = {C_MAX: "100,00", C_SELF: "100,00", C_POINTS: "100,00", C_DIFF: "+10,00"}
        for col, sample in samples.items():
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, column_width(header, col, sample, bold))
        header.setSectionResizeMode(C_STATUS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(C_STATUS, column_width(header, C_STATUS, longest) + pad + 4)  # icon
        # the code column holds the tree's indentation too (areas › criteria › leaves)
        header.setSectionResizeMode(C_CODE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(C_CODE, view.indentation() * 3
                             + QFontMetrics(bold).horizontalAdvance("10.10.10") + pad // 2)
        header.setSectionResizeMode(C_NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(pad * 2)
        # never so narrow that the names show nothing: the window's minimum width follows
        view.setMinimumWidth(view.indentation() + chars(view, 16) + 2 * view.frameWidth()
                             + sum(header.sectionSize(c) for c in (C_CODE, C_SELF, C_POINTS,
                                                                   C_STATUS))
                             + view.verticalScrollBar().sizeHint().width())
        combo = self.ui.criteriaFilterCombo
        for mode, i in zip(FILTER_MODES, range(combo.count())):
            combo.setItemData(i, mode)
        assert combo.count() == len(FILTER_MODES), "form and filter modes"
        name_font = QFont(self.ui.unitNameLabel.font())
        name_font.setBold(True)
        self.ui.unitNameLabel.setFont(name_font)

    def _connect(self) -> None:
        self.unit_view.selectionModel().currentRowChanged.connect(self._on_unit_changed)
        self.filter_edit.textChanged.connect(self._on_unit_filter_changed)
        self.filter_edit.returnPressed.connect(self._select_first_match)
        self.criteria_view.selectionModel().currentRowChanged.connect(self._on_criterion_changed)
        self.criteria_view.expanded.connect(lambda i: self._track_expansion(i, True))
        self.criteria_view.collapsed.connect(lambda i: self._track_expansion(i, False))
        self.ui.criteriaFilterCombo.currentIndexChanged.connect(self._on_filter_mode_changed)
        self.ui.memberCombo.currentIndexChanged.connect(self._on_member_changed)
        editor = self.editor
        editor.committed.connect(self._on_committed)
        editor.next_requested.connect(self.next_leaf)
        for widget in (self.filter_edit, self.unit_view, self.criteria_view, editor.self_score,
                       editor.appraisal_score, editor.expected):
            widget.installEventFilter(self)

    # -- the period -----------------------------------------------------------------------------

    @property
    def data(self):
        return self.window.document.data

    @property
    def tree(self):
        return self.data.snapshot.tree

    @property
    def result(self):
        return self.data.result

    def show_period(self, keep: bool = False) -> None:
        """Show the document's data. With `keep`, the selected unit, criterion, expansion and
        filter stay (a re-read of the same file)."""
        data = self.data
        unit_code = self.current_unit_code if keep else None
        leaf = self.editor_key() if keep else None
        self.places = data.snapshot.settings.display_decimals
        self._units = {u.uuid: u for u in data.units}
        self._block_names = {b.code: b.name for b in data.snapshot.blocks}
        if not keep:
            self._expanded = set()
            self._anchor = None
        if self.fit_codes:
            self._fit_code_column()
        self._fill_members(data.members)
        self._loading = True
        try:
            own = data.scope.unit if data.scope is not None else None
            self.units.fill(data.result, [b.code for b in data.snapshot.blocks],
                            self._block_names, self.places, own)
            # a package holds a part of the period: a rank there would mislead (as apply_mode
            # has it; filled again, the view shows the column)
            self.unit_view.setColumnHidden(U_RANK, data.scope is not None)
        finally:
            self._loading = False
        self.current = None  # show_unit below reloads the criteria of the unit kept
        if unit_code is None or not self.select_unit(unit_code, keep_leaf=leaf):
            first = self.units.first_index()
            if first.isValid():
                self.unit_view.setCurrentIndex(first)
            else:
                self.model.clear()
                self.clear_summary()

    def clear(self) -> None:
        """No file: empty list, tree and summary."""
        self._loading = True
        self.units.clear()
        self.model.clear()
        self._loading = False
        self.current = None
        self.clear_summary()

    def _fit_code_column(self) -> None:
        """The code column as wide as the deepest code with its indentation needs."""
        view = self.criteria_view
        bold = QFont(view.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        tree = self.tree
        need = max((view.indentation() * (tree.depth[k] + 1)
                    + metrics.horizontalAdvance(n.code) for k, n in tree.nodes.items()),
                   default=0)
        title = str(self.filter.headerData(C_CODE, Qt.Orientation.Horizontal) or "")
        need = max(need, view.header().fontMetrics().horizontalAdvance(title))
        view.header().resizeSection(C_CODE, need + view.fontMetrics().height())

    # -- the unit shown ---------------------------------------------------------------------

    @property
    def current_unit_code(self) -> str | None:
        if self.current is None or self.window.document.data is None \
                or self.current not in self.result.results:
            return None
        return self.result.results[self.current].unit.code

    def select_unit(self, code: str, keep_leaf: str | None = None) -> bool:
        """Select a unit by its code (as a click would); False when there is no such unit, or
        the person stays to complete an entry on the unit shown. A unit hidden by the filter
        box clears the filter first."""
        if code not in self.units.items:
            return False
        index = self.units.index_of(code)
        if not index.isValid():
            self.filter_edit.clear()
            index = self.units.index_of(code)
        self._keep_leaf = keep_leaf
        try:
            self.unit_view.setCurrentIndex(index)
            if self.unit_view.currentIndex().siblingAtColumn(0) != index:
                return False  # the person stayed to complete an entry on the unit shown
            if self.current != index.data(KEY_ROLE):  # already current: show it anyway
                if not self.editor.leave():
                    return False
                self.show_unit(index.data(KEY_ROLE), keep_leaf)
        finally:
            self._keep_leaf = None
        self.unit_view.scrollTo(index)
        return True

    def _on_unit_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._loading or not current.isValid():
            return
        key = current.siblingAtColumn(0).data(KEY_ROLE)
        if key and self.window.document.data is not None and key in self.result.results \
                and key != self.current:
            if not self.editor.leave():  # an entry the file refuses: its unit stays selected
                self._mark_current_unit()
                return
            self.show_unit(key, self._keep_leaf if self._keep_leaf else self.editor_key())

    def _mark_current_unit(self) -> None:
        """The unit shown is the current row of the list (without showing it again)."""
        index = self.units.index_of(self.current_unit_code)
        self._loading = True
        try:
            if index.isValid():
                self.unit_view.setCurrentIndex(index)
            else:
                self.unit_view.selectionModel().clear()
        finally:
            self._loading = False
        if index.isValid():
            self.unit_view.scrollTo(index)

    def _on_unit_filter_changed(self, text: str) -> None:
        """What the editor shows is always the unit selected in the visible list: a filter that
        hides the unit shown moves to its first match, and with no match nothing is shown (and
        nothing can be edited). An entry on the unit shown that the file would refuse is never
        dropped by typing in the filter: the person completes it (the filter goes back) or
        drops it."""
        previous = self.units.filter_text()
        self.units.set_filter(text)
        if self.current is None or self.units.index_of(self.current_unit_code).isValid():
            if self.current is None and self.units.first_index().isValid():
                self.unit_view.setCurrentIndex(self.units.first_index())
            else:
                self._mark_current_unit()
            return
        if not self.editor.leave():
            self.filter_edit.blockSignals(True)
            self.filter_edit.setText(previous)
            self.filter_edit.blockSignals(False)
            self.units.set_filter(previous)
            self._mark_current_unit()
            return
        first = self.units.first_index()
        if first.isValid():
            self.unit_view.setCurrentIndex(first)
        else:
            self._show_no_unit()

    def _show_no_unit(self) -> None:
        """No unit selected (the filter matches none): an empty tree and editor, no summary."""
        self.editor.clear()
        self.current = None
        self._loading = True
        try:
            self.model.clear()
            self.unit_view.selectionModel().clear()
        finally:
            self._loading = False
        self.clear_summary()

    def _select_first_match(self) -> None:
        first = self.units.first_index()
        if first.isValid():
            self.unit_view.setCurrentIndex(first)
            self.unit_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_unit_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def show_unit(self, key: str, keep_leaf: str | None = None) -> None:
        """Show a unit's criteria and summary; the criterion shown before stays selected when
        the unit has it."""
        if self.window.document.data is None or key not in self.result.results:
            return
        self.editor.commit_pending()  # what was typed belongs to the unit shown until now
        data = self.window.document.data
        result = self.result.results[key]
        unit = result.unit
        self.current = key
        self._anchor = None  # "next" starts from the leaf shown, else from the top
        self._loading = True
        try:
            self.model.load(self.tree, result, unit, data.evidence_counts(unit.code),
                            data.notes(unit.code), self.places)
            self._restore_expansion()
        finally:
            self._loading = False
        self.fill_summary(result)
        self.unit_shown.emit(unit.block, key)
        if keep_leaf is not None and self.select_criterion_key(keep_leaf):
            return
        self.editor.clear()

    # -- the criteria tree ------------------------------------------------------------------

    def _restore_expansion(self) -> None:
        view = self.criteria_view
        if self.filter.mode() != "all":
            view.expandAll()
            return
        if not self._expanded:
            view.expandToDepth(0)
            self._expanded = {k for k in self._proxy_keys() if view.isExpanded(self._proxy(k))}
            return
        for key in self._expanded:
            index = self._proxy(key)
            if index.isValid():
                view.setExpanded(index, True)

    def _track_expansion(self, index: QModelIndex, expanded: bool) -> None:
        if self._loading or self.filter.mode() != "all":
            return
        key = index.data(KEY_ROLE)
        if key:
            (self._expanded.add if expanded else self._expanded.discard)(key)

    def _proxy(self, key: str) -> QModelIndex:
        return self.filter.mapFromSource(self.model.index_of(key))

    def _proxy_keys(self):
        model = self.filter

        def walk(parent: QModelIndex):
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                yield index.data(KEY_ROLE)
                yield from walk(index)

        return list(walk(QModelIndex()))

    def expanded_keys(self) -> set[str]:
        """Criteria keys expanded in the view now."""
        view = self.criteria_view
        return {k for k in self._proxy_keys() if view.isExpanded(self._proxy(k))}

    def editor_key(self) -> str | None:
        code = self.editor.criterion_code
        if code is None or self.window.document.data is None:
            return None
        node = self.tree.by_code.get(code)
        return node.key if node is not None else None

    def select_criterion_key(self, key: str) -> bool:
        """Select a criterion of the unit shown (expanding its parents), as a click would."""
        index = self._proxy(key)
        if not index.isValid():
            return False
        parent = index.parent()
        while parent.isValid():
            self.criteria_view.setExpanded(parent, True)
            parent = parent.parent()
        self.criteria_view.setCurrentIndex(index)
        self.criteria_view.scrollTo(index)
        if self.editor.criterion_code != self.tree.nodes[key].code \
                or self.editor.unit_code != self.current_unit_code:
            self._show_leaf(index)  # setCurrentIndex on the current row emits nothing
        return True

    def select_criterion(self, code: str) -> bool:
        node = self.tree.by_code.get(code) if self.window.document.data is not None else None
        return node is not None and self.select_criterion_key(node.key)

    def _on_criterion_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._loading or self._refreshing or self._switching:
            return
        self._switching = True
        try:
            # the editor commits its pending input first (that may refresh and re-filter); an
            # entry the file refuses keeps its leaf selected unless the person drops it
            left = self.editor.leave()
            if left:
                self._show_leaf(self.criteria_view.currentIndex())
        finally:
            self._switching = False
        if not left:  # the person stays on the leaf shown: it stays selected
            self._sync_criteria_selection()

    def _show_leaf(self, index: QModelIndex) -> None:
        key = index.data(KEY_ROLE) if index.isValid() else None
        unit_code = self.current_unit_code
        if key is None or unit_code is None:
            self.editor.commit_pending()
            self.editor.clear()
            return
        self.editor.set_target(unit_code, self.tree.nodes[key].code)  # a group says what to do

    def _scorable_leaf(self, key: str) -> bool:
        return self.model.is_leaf(key) and self.tree.nodes[key].source is Source.SELF

    def next_leaf(self) -> bool:
        """Select the next visible self-scored leaf after the one edited (wrapping round), so a
        unit can be entered by keyboard: score, Enter, next. Survey-fed leaves (SIPAS, ĐTXHH)
        take no input and are skipped. Focus stays in the score field, its text selected."""
        # the side being entered: the score field beside the one the cursor is in (score, Tab,
        # reason, Enter: left in the reason, the cursor would carry the next score into the
        # next leaf's reason), else the one Enter was last pressed in
        side = self._score_beside(QApplication.focusWidget()) or self._entry_field
        if not self._select_next_leaf():
            return False
        field = side if isinstance(side, QLineEdit) else None
        if field is None or not field.isEnabled() or field.isReadOnly():
            field = self._first_writable()
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            field.selectAll()
        return True

    def _score_beside(self, widget: QWidget | None) -> QLineEdit | None:
        """The score field of the side (self-assessment or appraisal) `widget` belongs to."""
        ed = self.editor
        if widget in (ed.appraisal_score, ed.appraisal_note):
            return ed.appraisal_score
        if widget in (ed.self_score, ed.explanation):
            return ed.self_score
        return ed.expected if widget is ed.expected else None

    def _first_writable(self) -> QLineEdit | None:
        return next((f for f in (self.editor.self_score, self.editor.appraisal_score)
                     if f.isEnabled() and not f.isReadOnly()), None)

    def _select_next_leaf(self) -> bool:
        if self.window.document.data is None:
            return False
        keys = self.model.keys()
        anchor = self.editor_key() or self._anchor
        start = keys.index(anchor) + 1 if anchor in keys else 0
        order = keys[start:] + keys[:start]
        target = next((k for k in order if self._scorable_leaf(k) and self._proxy(k).isValid()),
                      None)
        return target is not None and self.select_criterion_key(target)

    def _focus_editor(self) -> None:
        """Enter on a leaf of the tree: into the score field last used (self score at first)."""
        field = self._entry_field if isinstance(self._entry_field, QLineEdit) \
            else self.editor.self_score
        if not field.isEnabled() or field.isReadOnly():  # the appraisal, in its phase
            field = self._first_writable()
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            field.selectAll()

    def _on_filter_mode_changed(self, index: int) -> None:
        mode = self.ui.criteriaFilterCombo.itemData(index) or "all"
        if mode == "mine" and self.filter.member() is None:
            self.window.statusBar().showMessage(self.tr(
                "Chọn cơ quan của bạn ở ô «Tôi là» để xem các lĩnh vực mình phụ trách"), 8000)
        self._loading = True
        try:
            self.filter.set_mode(mode)
            if mode == "all":
                self.criteria_view.collapseAll()
            self._restore_expansion()
        finally:
            self._loading = False
        self._sync_criteria_selection()

    def _fill_members(self, members: list) -> None:
        combo = self.ui.memberCombo
        saved = preferences.MEMBER.get()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(chưa chọn)"), None)
        for m in members:
            text = m.department + (f" — {m.person}" if m.person else "")
            combo.addItem(m.department, m.code)
            combo.setItemData(combo.count() - 1, f"{m.code}: {text}",
                              Qt.ItemDataRole.ToolTipRole)
        at = combo.findData(saved) if saved else -1
        combo.setCurrentIndex(max(at, 0))
        combo.blockSignals(False)
        self.filter.set_member(combo.currentData())

    def _on_member_changed(self, _index: int) -> None:
        code = self.ui.memberCombo.currentData()
        preferences.MEMBER.set(code or "")
        self._loading = True
        try:
            self.filter.set_member(code)
            self._restore_expansion()
        finally:
            self._loading = False
        self._sync_criteria_selection()

    def _sync_criteria_selection(self) -> None:
        """After a re-filter: the editor's leaf is the current row when it is shown, else no row
        is (the editor keeps showing it)."""
        key = self.editor_key()
        index = self._proxy(key) if key else QModelIndex()
        view = self.criteria_view
        if index == view.currentIndex():
            return
        self._loading = True
        try:
            if index.isValid():
                view.setCurrentIndex(index)
            else:
                view.selectionModel().clear()
        finally:
            self._loading = False

    # -- the summary ------------------------------------------------------------------------

    def _num(self, value: Decimal | None) -> str:
        return fmt(value, self.places, comma=None)

    def clear_summary(self) -> None:
        ui = self.ui
        for label in (ui.unitNameLabel, ui.headNameLabel, ui.gradeLabel, ui.totalLabel,
                      ui.indexLabel, ui.rankLabel, ui.rankChangeLabel):
            label.setText(DASH)
            label.setToolTip("")

    def fill_summary(self, result: UnitResult) -> None:
        ui, key = self.ui, result.key
        unit = self._units.get(key)
        block = self._block_names.get(result.unit.block, result.unit.block)
        ui.unitNameLabel.setText(f"{result.unit.name} ({result.unit.code}) — {block}")
        ui.unitNameLabel.setToolTip(block)
        head = unit.head_name if unit is not None and unit.head_name else DASH
        if unit is not None and unit.head_name and unit.head_title:
            head = f"{unit.head_name}, {unit.head_title}"
        ui.headNameLabel.setText(head)
        since = unit.head_since if unit is not None else None
        ui.headNameLabel.setToolTip(self.tr("Giữ chức vụ từ ngày {date}").format(
            date=fmt_date(since)) if since is not None else "")
        ui.totalLabel.setText(self.tr("{total} / {max} điểm").format(
            total=self._num(result.published_total), max=self._num(result.applicable_max)))
        ui.indexLabel.setText(f"{self._num(result.published_index)}%")

        row = self.result.rank_row(key)
        ranking = self.result.rankings.get(result.unit.block)
        if row is None or row.rank is None:
            ui.rankLabel.setText(self.tr("Không xếp hạng"))
            ui.rankLabel.setToolTip("")
        else:
            text = f"{row.rank}/{len(ranking.ranked)}"
            if row.tied:
                text += self.tr(" (đồng hạng)")
            ui.rankLabel.setText(text)
            ui.rankLabel.setToolTip(self.tr("Hạng {rank} trên {count} đơn vị được xếp hạng "
                                            "của {block}").format(
                rank=row.rank, count=len(ranking.ranked), block=block))
        ui.rankChangeLabel.setText(self.rank_change_text(row.change if row else None))
        prev = result.unit.prev_rank
        ui.rankChangeLabel.setToolTip(
            self.tr("Hạng năm trước: {rank}").format(rank=prev) if prev is not None
            else self.tr("Không có hạng năm trước"))

        head_result = self.result.heads.get(key)
        if head_result is None:
            ui.gradeLabel.setText(DASH)
            ui.gradeLabel.setToolTip("")
        else:
            text = head_result.grade.label
            if head_result.override is not None:
                text += self.tr(" (điều chỉnh)")
            ui.gradeLabel.setText(text)
            ui.gradeLabel.setToolTip(head_result.reason)

    def rank_change_text(self, change: int | None) -> str:
        if change is None:
            return DASH
        if change > 0:
            return self.tr("tăng {n} bậc").format(n=change)
        if change < 0:
            return self.tr("giảm {n} bậc").format(n=-change)
        return self.tr("giữ nguyên")

    # -- after an edit ----------------------------------------------------------------------

    def _on_committed(self, _unit: str, criterion: str, _field: str, _old, _new) -> None:
        node = self.tree.by_code.get(criterion)
        if node is not None:
            self._anchor = node.key

    def refresh_unit(self, unit_code: str, evidence: bool = False, notes: bool = True) -> None:
        """After one unit changed in the file (its data read afresh and its block evaluated
        again by the document): update the criteria tree (roll-ups; expansion and selection
        kept), the summary and the left list's block (ranks may change for every unit of it);
        then `refreshed` for the overview."""
        data = self.window.document.data
        unit_input = data.unit_input(unit_code) if data is not None else None
        if unit_input is None:
            return
        started = perf_counter()
        key = unit_input.key
        self._refreshing = True
        try:
            if key == self.current:
                counts = data.evidence_counts(unit_code) if evidence else None
                self.model.update_result(self.result.results[key], unit_input, counts,
                                         data.notes(unit_code) if notes else None)
                self.fill_summary(self.result.results[key])
            self.units.show_values(self.result, self.places, [unit_input.block])
            self.refreshed.emit()
        finally:
            self._refreshing = False
        if not self._switching:
            self._sync_criteria_selection()
        self.last_refresh_ms = (perf_counter() - started) * 1000

    def show_values(self, result, places: int) -> None:
        """The list's numbers from another result (a settings preview) or back."""
        self.units.show_values(result, places)

    # -- keys -------------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(obj, event)
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if obj in (self.editor.self_score, self.editor.appraisal_score, self.editor.expected):
            if enter:
                self._entry_field = obj
        elif obj is self.criteria_view:
            index = self.criteria_view.currentIndex()
            if enter and index.isValid() and self.model.is_leaf(index.data(KEY_ROLE)):
                self._focus_editor()
                return True
        elif obj is self.unit_view:
            if enter and self.current:
                # on to the unit's criteria: the leaf shown, else the first one to score (before
                # the focus moves: a view without a current row makes its first row current)
                if not self.criteria_view.currentIndex().isValid():
                    self._select_next_leaf()
                self.criteria_view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        elif obj is self.filter_edit:
            if event.key() == Qt.Key.Key_Escape and self.filter_edit.text():
                self.filter_edit.clear()
                return True
            if event.key() == Qt.Key.Key_Down:
                self.unit_view.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.unit_view.currentIndex().isValid():
                    self._select_first_match()
                return True
        return super().eventFilter(obj, event)
