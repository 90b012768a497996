"""The main window: units by block on the left, the selected unit's criteria tree on the right.

A thin controller over `Store`: everything is read and evaluated once when a file is opened
(`store.evaluate()` → one `PeriodResult` kept for the window's lifetime); selecting a unit only
re-renders from that result. The layout lives in forms/main_window.ui.

The window never writes through its own store: Tệp › Nhập từ Excel hands the file to
parapp.ui.importing, which imports on a worker thread with its own writable store, and the
window then re-reads the file.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import (
    QBrush, QCloseEvent, QColor, QFont, QFontMetrics, QStandardItem, QStandardItemModel,
)
from PySide6.QtWidgets import (
    QFileDialog, QHeaderView, QLabel, QMainWindow, QMenu, QMessageBox, QStyledItemDelegate,
    QStyleOptionViewItem, QTreeWidgetItem, QWidget,
)

from parapp.core.criteria import CriteriaTree
from parapp.core.errors import ParappError
from parapp.core.evaluation import PeriodResult
from parapp.core.interchange.columns import LAYOUTS
from parapp.core.interchange.importer import ImportReport
from parapp.core.numbers import fmt, quantize
from parapp.core.scoring import UnitResult
from parapp.core.store import Store
from parapp.ui import app_settings
from parapp.ui.forms.ui_main_window import Ui_MainWindow
from parapp.ui.importing import run_import

KEY_ROLE = Qt.ItemDataRole.UserRole  # unit uuid (left tree) / criterion key (criteria model)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

# left tree columns
U_NAME, U_TOTAL, U_INDEX, U_RANK = range(4)
# criteria model columns
C_CODE, C_NAME, C_MAX, C_SELF, C_POINTS, C_DIFF = range(6)

NEGATIVE = QColor(176, 0, 32)
POSITIVE = QColor(0, 110, 40)


class RoomyDelegate(QStyledItemDelegate):
    """Taller rows: Vietnamese stacks two marks on capitals (Ể, Ỗ, Ấ…), which a row exactly one
    line high clips. The extra room scales with the font, so it holds at any display scaling."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        line = QFontMetrics(option.font).height()
        return QSize(size.width(), max(size.height(), line + (line + 1) // 2))


class MainWindow(QMainWindow):
    """Read-only view of one assessment file. Owns the open `Store` and closes it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.unit_tree = self.ui.unitTree
        self.criteria_view = self.ui.criteriaView
        self.criteria_model = QStandardItemModel(0, 6, self)
        self.criteria_view.setModel(self.criteria_model)

        self.store: Store | None = None
        self.path: Path | None = None
        self.result: PeriodResult | None = None
        self.tree: CriteriaTree | None = None
        self.places = 2
        self._units: dict = {}  # uuid → Unit row (head name and title)
        self._block_names: dict[str, str] = {}
        self._items: dict[str, QTreeWidgetItem] = {}  # unit code → item
        self._current: str | None = None  # uuid of the unit shown
        self._importing = False

        self.status_label = QLabel(self)
        self.statusBar().addWidget(self.status_label, 1)
        self.mode_label = QLabel(self.tr("Chỉ xem"), self)
        self.mode_label.setToolTip(self.tr("Cửa sổ này chỉ hiển thị; dữ liệu chỉ thay đổi khi "
                                           "nhập từ Excel (Tệp › Nhập từ Excel)"))
        self.statusBar().addPermanentWidget(self.mode_label)

        self._setup_views()
        self._setup_import_menu()
        self.ui.actionOpen.triggered.connect(self._choose_file)
        self.ui.actionQuit.triggered.connect(self.close)
        self.unit_tree.currentItemChanged.connect(self._on_unit_changed)
        self._restore_layout()
        self._show_empty()

    # -- setup ------------------------------------------------------------------------------

    def _setup_views(self) -> None:
        self._delegate = RoomyDelegate(self)
        self.unit_tree.setItemDelegate(self._delegate)
        self.criteria_view.setItemDelegate(self._delegate)
        header = self.unit_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(U_NAME, QHeaderView.ResizeMode.Stretch)
        head_item = self.unit_tree.headerItem()
        for col in (U_TOTAL, U_INDEX, U_RANK):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
            head_item.setTextAlignment(col, RIGHT)

        model = self.criteria_model
        model.setHorizontalHeaderLabels([
            self.tr("Mã"), self.tr("Nội dung"), self.tr("Điểm tối đa"), self.tr("Tự đánh giá"),
            self.tr("Thẩm định"), self.tr("Chênh lệch")])
        tips = {
            C_SELF: self.tr("Điểm đơn vị tự chấm. Tiêu chí lấy điểm từ SIPAS, ĐTXHH "
                            "không có điểm tự đánh giá."),
            C_POINTS: self.tr("Điểm được tính: điểm thẩm định (vòng 2 nếu có), điểm tự chấm "
                              "nếu chưa thẩm định, điểm quy đổi từ SIPAS, ĐTXHH."),
            C_DIFF: self.tr("Điểm thẩm định trừ điểm tự đánh giá, chỉ tính các tiêu chí đơn vị "
                            "tự chấm; để trống khi bằng 0."),
        }
        for col in range(C_MAX, C_DIFF + 1):
            model.horizontalHeaderItem(col).setTextAlignment(RIGHT)
        for col, tip in tips.items():
            model.horizontalHeaderItem(col).setToolTip(tip)
        header = self.criteria_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(C_NAME, QHeaderView.ResizeMode.Stretch)
        for col in (C_CODE, C_MAX, C_SELF, C_POINTS, C_DIFF):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.ui.splitter.setStretchFactor(0, 0)
        self.ui.splitter.setStretchFactor(1, 1)

    def _setup_import_menu(self) -> None:
        menu = QMenu(self.tr("&Nhập từ Excel"), self)
        labels = {
            "criteria": self.tr("Bộ tiêu chí…"),
            "units": self.tr("Đơn vị…"),
            "scores": self.tr("Điểm…"),
            "survey": self.tr("Kết quả SIPAS, ĐTXHH…"),
            "adjustments": self.tr("Điểm thưởng, điểm trừ…"),
        }
        for kind, label in labels.items():
            action = menu.addAction(label)
            action.setData(kind)
            action.setStatusTip(LAYOUTS[kind].help)
            action.triggered.connect(lambda _checked=False, k=kind: self._choose_import(k))
        file_menu = self.ui.menuFile
        actions = file_menu.actions()
        at = actions.index(self.ui.actionOpen) + 1  # right under "Mở…", above the separator
        file_menu.insertMenu(actions[at] if at < len(actions) else None, menu)
        self.import_menu = menu
        menu.setEnabled(False)  # until a file is open

    def _restore_layout(self) -> None:
        settings = app_settings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = settings.value("window/splitter")
        if splitter is None or not self.ui.splitter.restoreState(splitter):
            width = self.width()
            self.ui.splitter.setSizes([width * 2 // 5, width - width * 2 // 5])

    def save_layout(self) -> None:
        settings = app_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.ui.splitter.saveState())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._importing:  # the import's event loop runs inside this window's call stack
            event.ignore()
            return
        self.save_layout()
        self._close_store()
        super().closeEvent(event)

    # -- opening ----------------------------------------------------------------------------

    def open_path(self, path: Path | str) -> bool:
        """Open and show a file; on failure warn, keep what was shown, and return False."""
        path = Path(path)
        try:
            store = Store.open(path, readonly=True)
        except ParappError as err:
            self._warn_open(str(err))
            return False
        except Exception as err:  # e.g. an I/O error the core did not anticipate
            self._warn_open(self.tr("{path}: không đọc được tệp ({error})")
                            .format(path=path, error=err))
            return False
        try:
            self.load(store, path)
        except Exception as err:
            store.close()
            message = str(err) if isinstance(err, ParappError) else self.tr(
                "{path}: không đọc được dữ liệu ({error})").format(path=path, error=err)
            self._warn_open(message)
            return False
        settings = app_settings()
        settings.setValue("recent/last", str(path.resolve()))
        settings.sync()
        return True

    def _warn_open(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Không mở được tệp"), message)

    def _choose_file(self) -> None:
        start = str(self.path.parent) if self.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Mở tệp đánh giá"), start,
            self.tr("Tệp parapp (*.parapp);;Mọi tệp (*)"))
        if name:
            self.open_path(name)

    # -- importing --------------------------------------------------------------------------

    def _choose_import(self, kind: str) -> None:
        if self.path is None:
            return
        settings = app_settings()
        start = str(settings.value("recent/import_dir") or self.path.parent)
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Nhập «{sheet}» từ Excel").format(sheet=LAYOUTS[kind].sheet), start,
            self.tr("Sổ tính Excel (*.xlsx)"))
        if not name:
            return
        settings.setValue("recent/import_dir", str(Path(name).parent))
        settings.sync()
        self.import_excel(kind, name)

    def import_excel(self, kind: str, xlsx_path: Path | str,
                     overwrite: bool = False) -> ImportReport | None:
        """Import one sheet into the open file (progress, then a summary or the errors), and
        on success re-read the file so totals and ranks update. None if nothing was imported."""
        if self.path is None or self._importing:
            return None
        # the progress dialog shows only after a moment; until then keep the user from opening
        # another file or starting a second import under the first
        self._importing = True
        self.ui.actionOpen.setEnabled(False)
        self.import_menu.setEnabled(False)
        try:
            report = run_import(self, self.path, kind, xlsx_path, overwrite)
        finally:
            self._importing = False
            self.ui.actionOpen.setEnabled(True)
            self.import_menu.setEnabled(True)
        if report is not None:
            self.reload()
        return report

    def reload(self) -> bool:
        """Re-read the open file, keeping the selected unit and the expanded criteria."""
        if self.path is None:
            return False
        unit = self._units.get(self._current) if self._current else None
        expanded = self._expanded_keys() if self._current else None
        if not self.open_path(self.path):
            return False
        if unit is not None:
            self.select_unit(unit.code)
        if expanded is not None and self._current is not None:
            self.criteria_view.collapseAll()
            self._expand(expanded)  # criteria keys are UUIDs: stable across re-reads
        return True

    def load(self, store: Store, path: Path) -> None:
        """Read everything from `store`, evaluate once, and show it. Takes ownership of it."""
        period = store.period()
        places = store.settings().display_decimals
        blocks = store.blocks()
        units = store.units()
        tree = store.tree()
        result = store.evaluate()
        self._close_store()  # everything read: only now replace what is shown
        self.store, self.path, self.tree, self.result, self.places = (
            store, path, tree, result, places)
        self._units = {u.uuid: u for u in units}
        self._block_names = {b.code: b.name for b in blocks}
        self.setWindowTitle(self.tr("parapp — {file} — {province} {year}").format(
            file=path.name, province=period.province, year=period.year))
        self.setWindowFilePath(str(path))
        self.status_label.setText(self.tr("{units} đơn vị · {blocks} khối · {criteria} tiêu chí")
                                  .format(units=len(units), blocks=len(blocks),
                                          criteria=len(tree.nodes)))
        self.status_label.setToolTip(period.title or "")
        self.import_menu.setEnabled(True)
        self.criteria_model.setRowCount(0)
        self._current = None
        self._fill_units([b.code for b in blocks])
        first = next(iter(self._items.values()), None)
        if first is not None:
            self.unit_tree.setCurrentItem(first)
        else:
            self._clear_summary()

    def _close_store(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def _show_empty(self) -> None:
        self.setWindowTitle("parapp")
        self.unit_tree.clear()
        self._items.clear()
        self.criteria_model.setRowCount(0)
        self._clear_summary()
        self.status_label.setText(self.tr("Chưa mở tệp nào — chọn Tệp › Mở…"))
        self.import_menu.setEnabled(False)

    # -- left tree --------------------------------------------------------------------------

    def _num(self, value: Decimal | None) -> str:
        return fmt(value, self.places, comma=True)

    def _fill_units(self, block_order: list[str]) -> None:
        tree = self.unit_tree
        tree.setUpdatesEnabled(False)
        tree.clear()
        self._items.clear()
        bold = QFont(tree.font())
        bold.setBold(True)
        rankings = self.result.rankings
        codes = block_order + [c for c in rankings if c not in block_order]
        for code in codes:
            ranking = rankings.get(code)
            rows = ranking.rows() if ranking else []
            block_item = QTreeWidgetItem(tree, [self.tr("{name} ({count})").format(
                name=self._block_names.get(code, code), count=len(rows))])
            block_item.setFont(U_NAME, bold)
            block_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            block_item.setFirstColumnSpanned(True)
            for row in rows:
                r = row.result
                item = QTreeWidgetItem(block_item, [
                    r.unit.name, self._num(r.total), self._num(r.index),
                    str(row.rank) if row.rank is not None else "—"])
                item.setData(U_NAME, KEY_ROLE, r.key)
                item.setToolTip(U_NAME, f"{r.unit.code} — {r.unit.name}")
                for col in (U_TOTAL, U_INDEX, U_RANK):
                    item.setTextAlignment(col, RIGHT)
                if row.rank is None:
                    item.setToolTip(U_RANK, self.tr("Không xếp hạng"))
                elif row.tied:
                    item.setToolTip(U_RANK, self.tr("Đồng hạng"))
                self._items[r.unit.code] = item
            block_item.setExpanded(True)
        tree.setUpdatesEnabled(True)

    def select_unit(self, code: str) -> bool:
        """Select a unit by its code (as a click would); False when there is no such unit."""
        item = self._items.get(code)
        if item is None:
            return False
        self.unit_tree.setCurrentItem(item)
        self.unit_tree.scrollToItem(item)
        return True

    def _on_unit_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        key = current.data(U_NAME, KEY_ROLE) if current is not None else None
        if key and self.result is not None and key in self.result.results:
            self.show_unit(key)

    @property
    def current_unit(self) -> str | None:
        """The uuid of the unit shown on the right."""
        return self._current

    # -- criteria and summary ---------------------------------------------------------------

    def show_unit(self, key: str) -> None:
        result = self.result.results[key]
        expanded = self._expanded_keys() if self._current is not None else None
        self._current = key
        self._fill_criteria(result)
        if expanded is None:
            self.criteria_view.expandToDepth(0)
        else:
            self._expand(expanded)
        self._fill_summary(result)

    def _fill_criteria(self, result: UnitResult) -> None:
        tree, model = self.tree, self.criteria_model
        diffs = result.differences(tree)
        bold = QFont(self.criteria_view.font())
        bold.setBold(True)
        view = self.criteria_view
        view.setUpdatesEnabled(False)
        model.setRowCount(0)

        def add(parent: QStandardItem, key: str) -> None:
            if key not in result.node_max:
                return  # not in this unit's set, or marked not applicable
            node = tree.nodes[key]
            area = node.parent is None or node.parent not in tree.nodes
            diff = diffs[key]
            survey_fed = diff is None  # no self-scored leaf below: no self score, no difference
            shown_diff = diff is not None and quantize(diff, self.places) != 0
            cells = [
                node.code, node.name.upper() if area else node.name,
                self._num(result.node_max[key]),
                "" if survey_fed else self._num(result.node_self[key]),
                self._num(result.node_points[key]),
                (("+" if diff > 0 else "") + self._num(diff)) if shown_diff else "",
            ]
            items = [QStandardItem(text) for text in cells]
            items[C_CODE].setData(key, KEY_ROLE)
            tip = node.name
            if survey_fed and tree.is_leaf(key):
                tip += "\n" + self.tr("Điểm lấy từ {source}").format(source=node.source.label)
            elif survey_fed:
                tip += "\n" + self.tr("Điểm lấy từ kết quả khảo sát")
            items[C_NAME].setToolTip(tip)
            for col in (C_MAX, C_SELF, C_POINTS, C_DIFF):
                items[col].setTextAlignment(RIGHT)
            if shown_diff:
                items[C_DIFF].setForeground(QBrush(NEGATIVE if diff < 0 else POSITIVE))
            for item in items:
                item.setEditable(False)
                if area:
                    item.setFont(bold)
            parent.appendRow(items)
            for kid in tree.kids(key):
                add(items[C_CODE], kid)

        root = model.invisibleRootItem()
        for key in tree.roots:
            add(root, key)
        view.setUpdatesEnabled(True)

    def _walk(self, parent: QModelIndex = QModelIndex()):
        model = self.criteria_model
        for row in range(model.rowCount(parent)):
            index = model.index(row, C_CODE, parent)
            yield index
            yield from self._walk(index)

    def _expanded_keys(self) -> set[str]:
        return {i.data(KEY_ROLE) for i in self._walk() if self.criteria_view.isExpanded(i)}

    def _expand(self, keys: set[str]) -> None:
        for index in self._walk():
            if index.data(KEY_ROLE) in keys:
                self.criteria_view.setExpanded(index, True)

    def _clear_summary(self) -> None:
        ui = self.ui
        for label in (ui.unitNameLabel, ui.headNameLabel, ui.gradeLabel, ui.totalLabel,
                      ui.indexLabel, ui.rankLabel, ui.rankChangeLabel):
            label.setText("—")
            label.setToolTip("")

    def _fill_summary(self, result: UnitResult) -> None:
        ui, key = self.ui, result.key
        unit = self._units.get(key)
        block = self._block_names.get(result.unit.block, result.unit.block)
        ui.unitNameLabel.setText(f"{result.unit.name} ({result.unit.code})")
        ui.unitNameLabel.setToolTip(block)
        head = unit.head_name if unit is not None and unit.head_name else "—"
        if unit is not None and unit.head_name and unit.head_title:
            head = f"{unit.head_name}, {unit.head_title}"
        ui.headNameLabel.setText(head)
        ui.totalLabel.setText(self.tr("{total} / {max} điểm").format(
            total=self._num(result.total), max=self._num(result.applicable_max)))
        ui.indexLabel.setText(f"{self._num(result.index)}%")

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
            ui.gradeLabel.setText("—")
            ui.gradeLabel.setToolTip("")
        else:
            text = head_result.grade.label
            if head_result.override is not None:
                text += self.tr(" (điều chỉnh)")
            ui.gradeLabel.setText(text)
            ui.gradeLabel.setToolTip(head_result.reason)

    def rank_change_text(self, change: int | None) -> str:
        if change is None:
            return "—"
        if change > 0:
            return self.tr("tăng {n} bậc").format(n=change)
        if change < 0:
            return self.tr("giảm {n} bậc").format(n=-change)
        return self.tr("giữ nguyên")
