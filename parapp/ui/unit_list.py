"""The left list: the units by block, each with its total, index and rank, in ranking order.

A view over the period's result: `fill` builds it, `show_values` updates the numbers of some
blocks after an edit (the proxy re-sorts a block live when a rank changes), `set_filter` narrows
it to the units whose name or code matches (accents ignored: "le chan" finds "Lê Chân"). Which
unit is selected, and what selecting means, is the window's business.
"""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QTreeView

from parapp.core.evaluation import PeriodResult
from parapp.core.i18n import language
from parapp.core.numbers import fmt
from parapp.core.ranking import RankRow
from parapp.ui.criteria_model import CODE_ROLE, KEY_ROLE, UnitFilter
from parapp.ui.sizing import RoomyDelegate, chars, column_width

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
SORT_ROLE = KEY_ROLE + 10  # block position / place of the unit in its block's ranking
U_NAME, U_TOTAL, U_INDEX, U_RANK = range(4)
LONG_NAME = "Sở Văn hóa, Thể thao và Du lịch"  # the list is first made wide enough for it
DASH = "—"


class UnitList(QObject):
    """The model behind the left list's view, and the lookups the window needs."""

    def __init__(self, view: QTreeView):
        super().__init__(view)
        self.view = view
        self.model = QStandardItemModel(0, 4, self)
        self.proxy = UnitFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(U_NAME)
        self.proxy.setSortRole(SORT_ROLE)
        view.setModel(self.proxy)
        self.proxy.sort(U_NAME, Qt.SortOrder.AscendingOrder)  # by rank, live (dynamic)
        self.items: dict[str, list[QStandardItem]] = {}  # unit code → row items
        # what each row shows, as figures: an edit re-ranks a block of up to a thousand units,
        # and only the rows whose figures moved are formatted and set again
        self._shown: dict[str, tuple] = {}
        # each block's rows as last shown, with (places, language): an edit compares against
        # them and visits only the rows between the first and the last that changed
        self._rows: dict[str, tuple[tuple[int, str], list[RankRow]]] = {}
        self._blocks: dict[str, QStandardItem] = {}
        self._setup()

    def _setup(self) -> None:
        view, model = self.view, self.model
        view.setItemDelegate(RoomyDelegate(U_NAME, view))
        model.setHorizontalHeaderLabels([self.tr("Đơn vị"), self.tr("Tổng\nđiểm"),
                                         self.tr("Chỉ số\n(%)"), self.tr("Hạng")])
        for col in (U_TOTAL, U_INDEX, U_RANK):
            model.horizontalHeaderItem(col).setTextAlignment(RIGHT)
        model.horizontalHeaderItem(U_TOTAL).setToolTip(
            self.tr("Tổng điểm sau thẩm định, gồm điểm thưởng và điểm trừ"))
        model.horizontalHeaderItem(U_INDEX).setToolTip(
            self.tr("Tổng điểm chia điểm tối đa áp dụng cho đơn vị, nhân 100"))
        model.horizontalHeaderItem(U_RANK).setToolTip(self.tr("Hạng trong khối"))
        # widths in the font's own units, so they hold at any display scaling
        pad = view.fontMetrics().height()
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(U_NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(pad * 2)
        for col, sample in ((U_TOTAL, "100,00"), (U_INDEX, "100,00"), (U_RANK, "000")):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, column_width(header, col, sample))
        view.setIndentation(max(12, pad * 3 // 4))  # the default (20 px) takes a name's room
        # never so narrow that the names show nothing: the window's minimum width follows
        view.setMinimumWidth(view.indentation() + chars(view, 16) + 2 * view.frameWidth()
                             + sum(header.sectionSize(c) for c in (U_INDEX, U_RANK))
                             + view.verticalScrollBar().sizeHint().width())

    def clear(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        self.items.clear()
        self._shown.clear()
        self._rows.clear()
        self._blocks.clear()

    def fill(self, result: PeriodResult, blocks: list[str], names: dict[str, str],
             places: int, only: str | None = None) -> None:
        """One row per block (`blocks` first, in their order), its units in ranking order;
        with `only`, that unit alone (a unit's own package)."""
        view = self.view
        view.setUpdatesEnabled(False)
        try:
            self.clear()
            bold = QFont(view.font())
            bold.setBold(True)
            order = blocks + [c for c in result.rankings if c not in blocks]
            lang = language()
            for position, code in enumerate(order):
                ranking = result.rankings.get(code)
                rows = ranking.rows() if ranking else []
                if only is not None:
                    rows = [r for r in rows if r.result.unit.code == only]
                    if not rows:
                        continue
                block = QStandardItem(self.tr("{name} ({count})").format(
                    name=names.get(code, code), count=len(rows)))
                block.setFont(bold)
                block.setData(position, SORT_ROLE)
                block.setFlags(Qt.ItemFlag.ItemIsEnabled)
                fillers = [QStandardItem() for _ in range(3)]
                for item in fillers:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                for place, row in enumerate(rows):
                    r = row.result
                    items = [QStandardItem(r.unit.name), QStandardItem(), QStandardItem(),
                             QStandardItem()]
                    items[U_NAME].setData(r.key, KEY_ROLE)
                    items[U_NAME].setData(r.unit.code, CODE_ROLE)
                    items[U_NAME].setToolTip(f"{r.unit.code} — {r.unit.name}")
                    for col, item in enumerate(items):
                        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                        if col != U_NAME:
                            item.setTextAlignment(RIGHT)
                    self._set_values(items, row, place, places, lang)
                    self.items[r.unit.code] = items
                    block.appendRow(items)
                self._rows[code] = ((places, lang), rows)
                self._blocks[code] = block
                self.model.appendRow([block, *fillers])
            view.expandAll()
            self.span_blocks()
        finally:
            view.setUpdatesEnabled(True)

    def span_blocks(self) -> None:
        """Block rows span the list: their name is never cut to fit the name column."""
        for row in range(self.proxy.rowCount()):
            self.view.setFirstColumnSpanned(row, QModelIndex(), True)

    def _set_values(self, items: list[QStandardItem], row: RankRow, place: int,
                    places: int, lang: str) -> None:
        r = row.result
        shown = (r.published_total, r.published_index, row.rank, row.tied, place, places, lang)
        if self._shown.get(r.unit.code) == shown:
            return
        self._shown[r.unit.code] = shown
        # as published (the period's rounding): the numbers the annex prints
        texts = {U_TOTAL: _num(r.published_total, places),
                 U_INDEX: _num(r.published_index, places),
                 U_RANK: str(row.rank) if row.rank is not None else DASH}
        for col, text in texts.items():
            if items[col].text() != text:
                items[col].setText(text)
        tip = self.tr("Không xếp hạng") if row.rank is None else (
            self.tr("Đồng hạng") if row.tied else "")
        if items[U_RANK].toolTip() != tip:
            items[U_RANK].setToolTip(tip)
        if items[U_NAME].data(SORT_ROLE) != place:
            items[U_NAME].setData(place, SORT_ROLE)  # the proxy re-sorts the block live

    def show_values(self, result: PeriodResult, places: int,
                    blocks: list[str] | None = None) -> None:
        """Totals, indexes and ranks of the units of `blocks` (all by default) from `result`."""
        lang = language()  # asked once, not for each of a block's 1,440 rows
        changed = []
        for code in blocks if blocks is not None else list(result.rankings):
            ranking = result.rankings.get(code)
            rows = ranking.rows() if ranking else []
            start, end = _changed_span(self._rows.get(code), rows, (places, lang))
            self._rows[code] = ((places, lang), rows)
            changed += [(rows[place], place) for place in range(start, end)]
        if not changed:
            return
        # the proxy sorts once at the end, not once for every unit whose place changed
        self.proxy.setDynamicSortFilter(False)
        try:
            for row, place in changed:
                items = self.items.get(row.result.unit.code)
                if items is not None:
                    self._set_values(items, row, place, places, lang)
        finally:
            self.proxy.setDynamicSortFilter(True)

    def set_filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self.view.expandAll()
        self.span_blocks()

    def filter_text(self) -> str:
        return self.proxy.text()

    def first_index(self) -> QModelIndex:
        """The first unit shown (after the filter), or an invalid index."""
        proxy = self.proxy
        for b in range(proxy.rowCount()):
            block = proxy.index(b, 0)
            if proxy.rowCount(block):
                return proxy.index(0, 0, block)
        return QModelIndex()

    def index_of(self, code: str | None) -> QModelIndex:
        """A unit's row in the view (invalid when there is no such unit or it is filtered)."""
        items = self.items.get(code) if code is not None else None
        if items is None:
            return QModelIndex()
        return self.proxy.mapFromSource(items[U_NAME].index())

    def texts(self, code: str) -> list[str]:
        """A unit's row as shown: name, total, index, rank."""
        index = self.index_of(code)
        if not index.isValid():
            return []
        return [index.siblingAtColumn(c).data() or "" for c in range(4)]


def _changed_span(shown: tuple[tuple[int, str], list[RankRow]] | None, rows: list[RankRow],
                  shown_as: tuple[int, str]) -> tuple[int, int]:
    """The places of a block's rows that may show something else than before: from the first
    to the last row that differs from the one shown there (an edit moves one unit, and the
    rows between its old and its new place). Results are never changed in place: the same
    result object at the same rank shows the same row."""
    if shown is None or shown[0] != shown_as or len(shown[1]) != len(rows):
        return 0, len(rows)
    old = shown[1]

    def same(i: int) -> bool:
        a, b = old[i], rows[i]
        return a.result is b.result and a.rank == b.rank and a.tied == b.tied

    start, end = 0, len(rows)
    while start < end and same(start):
        start += 1
    while end > start and same(end - 1):
        end -= 1
    return start, end


def _num(value: Decimal | None, places: int) -> str:
    return fmt(value, places, comma=None)
