"""The main window: units by block on the left; in the centre, tab "Chấm điểm" (the selected
unit's criteria tree beside the score editor) and tab "Tổng hợp" (the period's dashboard).

A controller over one open `Store`. Opening a file reads it once (`store.snapshot()`) and
evaluates it with a cached `Engine`; every edit then re-reads only the unit edited
(`store.unit_input`) and re-evaluates it with `reevaluate_unit`, which re-ranks and re-classifies
that unit's block only, so roll-ups, ranks and the dashboard follow each keystroke-and-Enter
without re-reading the file. Edits are committed by the `ScoreEditor` itself, one transaction
per user action; the window turns each committed transaction — an edit, evidence added or
removed, a settings change, an import — into a `TransactionCommand` on its `QUndoStack`
(Sửa › Hoàn tác / Làm lại).

One editor per file: the window opens the file writable only under its lock
(`Store.open(lock=True)`, as the writing commands do); a file locked by someone else (another
process, or another window of this one) or not writable opens read-only with a notice naming who
holds it. Work files that an interrupted run left in the file's folder are cleaned up or reported
in the status bar. Tệp › Nhập từ Excel runs on a worker thread
(parapp.ui.importing) with its own connection; the window then re-reads the file. The static
layout lives in forms/main_window.ui.
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from time import perf_counter
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import (
    QAction, QActionGroup, QCloseEvent, QFont, QFontMetrics, QKeyEvent, QKeySequence, QShowEvent,
    QStandardItem, QStandardItemModel, QUndoStack,
)
from PySide6.QtWidgets import (
    QDialog, QFileDialog, QHeaderView, QInputDialog, QLabel, QLineEdit, QMainWindow, QMenu,
    QMessageBox, QPlainTextEdit, QWidget,
)

from parapp.core.criteria import CriteriaTree, Source
from parapp.core.errors import ParappError
from parapp.core.evaluation import (
    PeriodResult, Snapshot, evaluate, evaluate_preview, reevaluate_unit,
)
from parapp.core.interchange.columns import LAYOUTS
from parapp.core.interchange.importer import create_period
from parapp.core.interchange.xlsx import ImportFailed
from parapp.core.files import clean_leftovers
from parapp.core.lock import Locked, NotWritable, read_owner
from parapp.core.numbers import fmt
from parapp.core.ranking import RankRow
from parapp.core.scoring import Engine, UnitResult
from parapp.core.settings import DEFAULTS, PeriodSettings, settings_with
from parapp.core.store import Store
from parapp.ui import app_settings
from parapp.ui.criteria_model import (
    CODE_ROLE, COL_CODE, COL_DIFF, COL_MAX, COL_NAME, COL_POINTS, COL_SELF, COL_STATUS,
    FILTER_MODES, KEY_ROLE, STATUSES, CriteriaFilter, CriteriaModel, UnitFilter,
    count_evidence, status_label,
)
from parapp.ui.dashboard import SettingsDialog
from parapp.ui.excel import ExcelMenus
from parapp.ui.importing import show_warning
from parapp.ui.sizing import RoomyDelegate, chars, column_width, screen_key
from parapp.ui.new_period import NewPeriodDialog
from parapp.ui.forms.ui_main_window import Ui_MainWindow
from parapp.ui.theme import THEMES, apply_theme
from parapp.ui.busy import Job, run_busy
from parapp.ui.undo import TransactionCommand

if TYPE_CHECKING:  # the importer (and openpyxl) load on the first import, not at start
    from parapp.core.interchange.importer import ImportReport

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
SORT_ROLE = KEY_ROLE + 10  # left list: block position / place of the unit in its block's ranking

# left list columns
U_NAME, U_TOTAL, U_INDEX, U_RANK = range(4)
# criteria columns (CriteriaModel's)
C_CODE, C_NAME, C_MAX, C_SELF, C_POINTS, C_DIFF, C_STATUS = (
    COL_CODE, COL_NAME, COL_MAX, COL_SELF, COL_POINTS, COL_DIFF, COL_STATUS)

LANGUAGES = ("vi", "en")
LONG_NAME = "Sở Văn hóa, Thể thao và Du lịch"  # the left list is first made wide enough for it
DASH = "—"

# Files this process has open for editing, by resolved path: FileLock lets a process re-enter its
# own lock, so a second window of the same process is told here that the file is taken.
_EDITING: dict[str, "MainWindow"] = {}


RECENT_MAX = 8


def recent_files() -> list[Path]:
    """Recently opened files that still exist, newest first."""
    value = app_settings().value("recent/files") or []
    files = [value] if isinstance(value, str) else list(value)
    return [Path(f) for f in files if Path(f).exists()][:RECENT_MAX]


def remember_recent(path: Path) -> None:
    settings = app_settings()
    path = path.resolve()
    files = [str(path)] + [str(f) for f in recent_files() if f != path]
    settings.setValue("recent/files", files[:RECENT_MAX])
    settings.setValue("recent/last", str(path))
    settings.sync()


def _path_key(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return str(path.absolute())


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


@dataclass
class _Period:
    """Everything read from a file when it is opened (or re-read)."""
    period: Any
    snapshot: Snapshot
    engine: Engine
    result: PeriodResult
    units: list  # store.units() rows: uuid, code, head_name, head_title
    members: list


class MainWindow(QMainWindow):
    """The editing window of one assessment file. Owns the open `Store` (and its lock)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        ui = self.ui
        self.unit_view = ui.unitView
        self.unit_filter_edit = ui.unitFilterEdit
        self.criteria_view = ui.criteriaView
        self.editor = ui.scoreEditor
        self.dashboard = ui.dashboard
        self.tabs = ui.tabs

        self.unit_model = QStandardItemModel(0, 4, self)
        self.unit_proxy = UnitFilter(self)
        self.unit_proxy.setSourceModel(self.unit_model)
        self.unit_proxy.setFilterKeyColumn(U_NAME)
        self.unit_proxy.setSortRole(SORT_ROLE)
        self.unit_view.setModel(self.unit_proxy)
        self.unit_proxy.sort(U_NAME, Qt.SortOrder.AscendingOrder)  # by rank, live (dynamic)

        self.criteria_model = CriteriaModel(parent=self)
        self.criteria_filter = _CriteriaFilter(self)
        self.criteria_filter.setSourceModel(self.criteria_model)
        self.criteria_view.setModel(self.criteria_filter)

        self.undo_stack = QUndoStack(self)

        self.store: Store | None = None
        self.path: Path | None = None
        self.snapshot: Snapshot | None = None
        self.engine: Engine | None = None
        self.result: PeriodResult | None = None
        self.period = None
        self.tree: CriteriaTree | None = None
        self.places = 2
        self.read_only_reason: str | None = None  # who holds the file, or why it is read-only
        self.last_refresh_ms = 0.0  # edit → every view updated, for the curious (and bench/)
        self._lock_key: str | None = None  # the file this window holds the lock of
        self._units: dict[str, Any] = {}  # uuid → store.units() row (head name and title)
        self._unit_rows: list = []
        self._members: list = []
        self._block_names: dict[str, str] = {}
        self._unit_items: dict[str, list[QStandardItem]] = {}  # unit code → row items
        self._block_items: dict[str, QStandardItem] = {}
        self._current: str | None = None  # uuid of the unit shown
        self._anchor: str | None = None  # key of the leaf last edited: "next" starts there
        self._expanded: set[str] = set()  # criteria keys expanded (in filter mode "all")
        self._entry_field: QWidget | None = None  # the score field Enter was last pressed in
        self._editor_fields: tuple[QWidget, ...] = ()
        self._keep_leaf: str | None = None
        self._importing = False
        self._job: Job | None = None  # a long operation running (closing waits or cancels it)
        self._close_after_job = False
        self._loading = False  # rebuilding views: selection signals are ours, not the user's
        self._refreshing = False
        self._switching = False
        self._syncing = False  # left list ↔ dashboard selection
        self._previewing = False
        self._dashboard_stale = False
        self._dashboard_args: tuple = (None, None, False)
        self.settings_dialog: SettingsDialog | None = None
        self.report_window = None  # parapp.ui.report_view.ReportWindow, made on first use

        self.status_label = QLabel(self)
        self.statusBar().addWidget(self.status_label, 1)
        self.mode_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.mode_label)

        self._setup_views()
        self._setup_menus()
        self._connect()
        self._restore_layout()
        self._show_empty()

    # -- setup ------------------------------------------------------------------------------

    def _setup_views(self) -> None:
        self.unit_view.setItemDelegate(RoomyDelegate(U_NAME, self.unit_view))
        self.criteria_view.setItemDelegate(RoomyDelegate(C_NAME, self.criteria_view))
        model = self.unit_model
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
        pad = self.unit_view.fontMetrics().height()
        header = self.unit_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(U_NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(pad * 2)
        for col, sample in ((U_TOTAL, "100,00"), (U_INDEX, "100,00"), (U_RANK, "000")):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, column_width(header, col, sample))

        view = self.criteria_view
        for tree in (self.unit_view, view):  # the default (20 px) takes a name's room
            tree.setIndentation(max(12, pad * 3 // 4))
        header = view.header()
        header.setStretchLastSection(False)
        pad = view.fontMetrics().height()
        bold = QFont(view.font())
        bold.setBold(True)
        # a leaf's status whole (an area's, in bold, may lose a letter: its tooltip counts them)
        longest = max((status_label(s) for s in STATUSES),
                      key=view.fontMetrics().horizontalAdvance)
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
        for tree, columns in ((self.unit_view, (U_INDEX, U_RANK)),
                              (self.criteria_view, (C_CODE, C_SELF, C_POINTS, C_STATUS))):
            tree.setMinimumWidth(tree.indentation() + chars(tree, 16) + 2 * tree.frameWidth()
                                 + sum(tree.header().sectionSize(c) for c in columns)
                                 + tree.verticalScrollBar().sizeHint().width())
        for view in (self.unit_view, self.criteria_view):
            view.header().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.header().customContextMenuRequested.connect(
                lambda pos, v=view: self._column_menu(v, pos))

        for mode, i in zip(FILTER_MODES, range(self.ui.criteriaFilterCombo.count())):
            self.ui.criteriaFilterCombo.setItemData(i, mode)
        assert self.ui.criteriaFilterCombo.count() == len(FILTER_MODES), "form and filter modes"

        self.ui.splitter.setStretchFactor(0, 0)
        self.ui.splitter.setStretchFactor(1, 1)
        self.ui.editSplitter.setStretchFactor(0, 1)
        self.ui.editSplitter.setStretchFactor(1, 0)
        name_font = QFont(self.ui.unitNameLabel.font())
        name_font.setBold(True)
        self.ui.unitNameLabel.setFont(name_font)

    def _column_menu(self, view, pos) -> None:
        """Right click on a header: show or hide its columns (remembered with the layout)."""
        header = view.header()
        model = view.model()
        menu = QMenu(self)
        for col in range(1, header.count()):
            title = str(model.headerData(col, Qt.Orientation.Horizontal) or "").replace("\n", " ")
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(col))
            action.toggled.connect(lambda on, c=col: header.setSectionHidden(c, not on))
        menu.exec(header.mapToGlobal(pos))
        menu.deleteLater()

    def _setup_menus(self) -> None:
        ui = self.ui
        # Tệp › Nhập từ Excel, right under "Mở…"
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
        file_menu = ui.menuFile
        actions = file_menu.actions()
        at = actions.index(ui.actionOpen) + 1
        before = actions[at] if at < len(actions) else None
        file_menu.insertMenu(before, menu)
        self.import_menu = menu
        # then Tệp › Xuất Excel and Tạo mẫu Excel (parapp.ui.excel)
        self.excel = ExcelMenus(self)
        for submenu in (self.excel.export_menu, self.excel.template_menu):
            file_menu.insertMenu(before, submenu)

        # Tệp: Mới…, Mở…, Gần đây, Nhập từ Excel, Lưu bản sao…, Đóng, Thoát
        self.action_new = QAction(self.tr("&Mới…"), self)
        self.action_new.setShortcut(QKeySequence.StandardKey.New)
        self.action_new.setStatusTip(self.tr("Tạo kỳ đánh giá mới, lấy bộ tiêu chí và đơn vị từ "
                                             "sổ tính Excel"))
        self.action_new.triggered.connect(self._choose_new)
        file_menu.insertAction(ui.actionOpen, self.action_new)
        self.recent_menu = QMenu(self.tr("Mở &gần đây"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.insertMenu(menu.menuAction(), self.recent_menu)
        self.action_save_copy = QAction(self.tr("&Lưu bản sao…"), self)
        self.action_save_copy.setStatusTip(self.tr("Lưu một bản sao trọn vẹn của tệp (ví dụ để "
                                                   "gửi thư điện tử)"))
        self.action_save_copy.triggered.connect(self._choose_save_copy)
        self.action_close = QAction(self.tr("Đó&ng"), self)
        self.action_close.setShortcut(QKeySequence.StandardKey.Close)
        self.action_close.triggered.connect(self.close_file)
        file_menu.insertActions(ui.actionQuit, [self.action_save_copy, self.action_close])
        file_menu.insertSeparator(ui.actionQuit)

        ui.actionRedo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (ui.actionUndo, ui.actionRedo, ui.actionFindUnit):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

        self.theme_group, self.theme_actions = self._choice_group(
            {"system": ui.actionThemeSystem, "light": ui.actionThemeLight,
             "dark": ui.actionThemeDark}, "ui/theme", "system", self.set_theme)
        self.language_group, self.language_actions = self._choice_group(
            {"vi": ui.actionLanguageVi, "en": ui.actionLanguageEn}, "ui/language", "vi",
            self.set_language)

    def _choice_group(self, actions: dict, setting: str, default: str, choose) -> tuple:
        """Exclusive menu choices (theme, language), the saved one checked."""
        group = QActionGroup(self)
        for value, action in actions.items():
            group.addAction(action)
            action.setData(value)
            action.triggered.connect(lambda _checked=False, v=value: choose(v))
        saved = str(app_settings().value(setting) or default)
        actions.get(saved, actions[default]).setChecked(True)
        return group, actions

    def _connect(self) -> None:
        ui = self.ui
        ui.actionOpen.triggered.connect(self._choose_file)
        ui.actionQuit.triggered.connect(self.close)
        ui.actionUndo.triggered.connect(self.undo)
        ui.actionRedo.triggered.connect(self.redo)
        ui.actionFindUnit.triggered.connect(self.focus_unit_filter)
        ui.actionSettings.triggered.connect(self.open_settings)
        for action, kind in ((ui.actionReportAnnex, "annex"), (ui.actionReportHeads, "heads"),
                             (ui.actionReportUnit, "unit")):
            action.triggered.connect(lambda _checked=False, k=kind: self.open_report(k))
        ui.actionExportPackage.triggered.connect(lambda _checked=False: self.export_package())
        ui.actionMergePackages.triggered.connect(self.merge_packages)
        ui.actionSealPackage.triggered.connect(self.seal_package)
        stack = self.undo_stack
        stack.canUndoChanged.connect(lambda _b: self._update_undo_actions())
        stack.canRedoChanged.connect(lambda _b: self._update_undo_actions())
        stack.undoTextChanged.connect(lambda _t: self._update_undo_actions())
        stack.redoTextChanged.connect(lambda _t: self._update_undo_actions())

        self.unit_view.selectionModel().currentRowChanged.connect(self._on_unit_changed)
        self.unit_filter_edit.textChanged.connect(self._on_unit_filter_changed)
        self.unit_filter_edit.returnPressed.connect(self._select_first_match)
        self.unit_filter_edit.installEventFilter(self)
        self.unit_view.installEventFilter(self)

        self.criteria_view.selectionModel().currentRowChanged.connect(self._on_criterion_changed)
        self.criteria_view.expanded.connect(lambda i: self._track_expansion(i, True))
        self.criteria_view.collapsed.connect(lambda i: self._track_expansion(i, False))
        self.criteria_view.installEventFilter(self)
        ui.criteriaFilterCombo.currentIndexChanged.connect(self._on_filter_mode_changed)
        ui.memberCombo.currentIndexChanged.connect(self._on_member_changed)

        editor = self.editor
        editor.committed.connect(self._on_committed)
        editor.commit_finished.connect(self._on_commit_finished)
        editor.next_requested.connect(self.next_leaf)
        editor.evidence_changed.connect(self._on_evidence_changed)
        self._editor_fields = (editor.self_score, editor.appraisal_score, editor.explanation,
                               editor.appraisal_note)
        for field in self._editor_fields:
            field.installEventFilter(self)

        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.dashboard.unit_selected.connect(self._on_dashboard_unit)
        self.dashboard.settings_requested.connect(self.open_settings)

    # -- layout persistence -----------------------------------------------------------------
    # Kept per screen size (`screen_key`): the 1366 × 768 laptop and the meeting room's
    # 1920 × 1080 screen each keep their own arrangement; the tab shown is kept once.

    def _layout_key(self, name: str) -> str:
        return f"layout/{screen_key(self)}/{name}"

    def _layout_parts(self) -> dict[str, Any]:
        """The splitters and column headers whose state is kept (saveState/restoreState)."""
        return {"splitter": self.ui.splitter, "edit_splitter": self.ui.editSplitter,
                "dashboard_splitter": self.dashboard.splitter,
                "editor_splitter": self.editor.splitter,
                "units_header": self.unit_view.header(),
                "criteria_header": self.criteria_view.header()}

    def _restore_layout(self) -> None:
        settings = app_settings()
        geometry = settings.value(self._layout_key("geometry"))
        self._placed = geometry is not None and self.restoreGeometry(geometry)
        if not self._placed:
            screen = self.screen().availableGeometry() if self.screen() else None
            if screen is not None and screen.width() > 1400:
                self.resize(min(1800, screen.width() * 9 // 10),
                            min(1050, screen.height() * 9 // 10))
        # what is not saved for this screen size is laid out when the window's width is known
        self._unsaved = set()
        for name, part in self._layout_parts().items():
            state = settings.value(self._layout_key(name))
            if state is None or not part.restoreState(state):
                self._unsaved.add(name)
        self._fit_codes = "criteria_header" in self._unsaved  # the user's widths are kept
        tab = settings.value("window/tab")
        if tab is not None and str(tab).isdigit() and int(tab) < self.tabs.count():
            self.tabs.setCurrentIndex(int(tab))

    def show_placed(self) -> None:
        """Show the window where it was last on a screen of this size; the first time on a
        laptop-sized screen, maximized (the window needs all of it)."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if self._placed or screen is None or screen.width() >= 1700:
            self.show()
            return
        self.resize(screen.size())  # the default layout is worked out for this width
        self.showMaximized()

    def showEvent(self, event: QShowEvent) -> None:
        if self._unsaved:
            self._default_layout(self._unsaved)
            self._unsaved = set()
        super().showEvent(event)

    def _default_layout(self, unsaved: set[str]) -> None:
        """The names get the room: the left list as wide as a department's name with its index
        and rank, the editor as wide as its two sides need or a third of the rest,
        the criteria tree (its name column) all the rest, and the tree takes what the window
        gains. On a narrow window the columns that repeat what is beside them start hidden
        (right click a header to show them): the total (the index ranks the units), the leaf's
        maximum (in the editor), the deduction (in "Trạng thái")."""
        width = self.width()
        if "units_header" in unsaved:
            self.unit_view.header().setSectionHidden(U_TOTAL, width < 1600)
        if "criteria_header" in unsaved:
            self.criteria_view.header().setSectionHidden(C_MAX, width < 1400)
            self.criteria_view.header().setSectionHidden(C_DIFF, width < 1600)
        view, header = self.unit_view, self.unit_view.header()
        name = view.fontMetrics().horizontalAdvance(LONG_NAME) + view.fontMetrics().height()
        left = min(width * 26 // 100, 2 * view.indentation() + max(name, width // 8)
                   + sum(header.sectionSize(c) for c in (U_TOTAL, U_INDEX, U_RANK)
                         if not header.isSectionHidden(c))
                   + view.verticalScrollBar().sizeHint().width() + 2 * view.frameWidth())
        if "splitter" in unsaved:
            self.ui.splitter.setSizes([left, width - left])
        if "edit_splitter" in unsaved:
            editor = max(self.editor.minimumSizeHint().width(), (width - left) // 3)
            self.ui.editSplitter.setSizes([width - left - editor, editor])

    def save_layout(self) -> None:
        settings = app_settings()
        settings.setValue(self._layout_key("geometry"), self.saveGeometry())
        for name, part in self._layout_parts().items():
            settings.setValue(self._layout_key(name), part.saveState())
        settings.setValue("window/tab", self.tabs.currentIndex())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._job is not None:  # its event loop runs inside this window's call stack
            event.ignore()
            self._close_after_job = True
            if self._job.cancel is not None:
                self._job.cancel()
                text = self.tr("Đang hủy {job}; cửa sổ sẽ đóng khi đã hủy xong, không có gì "
                               "bị ghi dở.")
            else:
                text = self.tr("Chờ {job} xong: việc này không dừng giữa chừng được; cửa sổ sẽ "
                               "đóng khi xong.")
            self.statusBar().showMessage(text.format(job=self._job.label))
            return
        if not self._leave_current():
            event.ignore()
            return
        if self.settings_dialog is not None:
            self.settings_dialog.reject()
        self.save_layout()
        self._close_store()
        super().closeEvent(event)

    @contextmanager
    def running(self, label: str):
        """A long operation runs (its busy dialog's loop inside this call): a close meanwhile
        cancels it or waits for it, and closes the window when it has ended."""
        self._job = job = Job(label)
        try:
            yield job
        finally:
            self._job = None
            if self._close_after_job:
                self._close_after_job = False
                QTimer.singleShot(0, self.close)

    # -- opening ----------------------------------------------------------------------------

    def open_path(self, path: Path | str) -> bool:
        """Open and show a file — writable under a lock when it can be, else read-only with a
        notice; on failure warn, keep what was shown, and return False."""
        path = Path(path)
        if not self._leave_current():
            return False
        leftovers = clean_leftovers(path.absolute().parent).message()
        key = _path_key(path)
        reuse = self.store is not None and self.store.locked and key == self._lock_key
        try:
            store, notice, reason = self._open_store(path, key, reuse)
        except Exception as err:
            self._warn_open(str(err) if isinstance(err, ParappError) else self.tr(
                "{path}: không đọc được tệp ({error})").format(path=path, error=err))
            return False
        try:
            data = self._read(store)
        except Exception as err:
            store.close()  # and its lock
            self._warn_open(str(err) if isinstance(err, ParappError) else self.tr(
                "{path}: không đọc được dữ liệu ({error})").format(path=path, error=err))
            return False
        if reuse:
            store.take_lock(self.store)
        self._close_store()
        self.store, self.path = store, path
        if store.locked:
            self._lock_key = key
            _EDITING[key] = self
        self.read_only_reason = reason
        self._show(data)
        remember_recent(path)
        if leftovers:
            self.statusBar().showMessage(leftovers, 60000)
        if notice:
            QMessageBox.information(self, self.tr("Mở ở chế độ chỉ xem"), notice)
        return True

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = recent_files()
        for path in files:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not files:
            self.recent_menu.addAction(self.tr("(chưa có)")).setEnabled(False)

    def _choose_new(self) -> None:
        folder = self.path.parent if self.path else None
        dialog = NewPeriodDialog(self, folder)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return
        folder = dialog.workbook.parent if dialog.workbook else dialog.folder
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu kỳ đánh giá mới"), str(folder / f"{dialog.year}.parapp"),
            self.tr("Tệp parapp (*.parapp)"))
        if target:
            self.new_period(Path(target), dialog.province, dialog.year, dialog.workbook)

    def new_period(self, target: Path, province: str, year: int,
                   workbook: Path | None) -> bool:
        """Create a period (criteria and units from `workbook`, all or nothing), off the GUI
        thread, and open it."""
        if not self._leave_current():
            return False

        def work():
            try:
                create_period(target, province, year, workbook, overwrite=target.exists())
            except ImportFailed as err:  # every error, in the details of the box below
                return err
            return target
        with self.running(self.tr("việc tạo kỳ đánh giá")):
            done = run_busy(self, self.tr("Đang tạo kỳ đánh giá…"), work)
        if isinstance(done, ImportFailed):
            show_warning(self, self.tr("Không tạo được kỳ đánh giá"), str(done).splitlines()[0],
                         "" if done.whole else "\n".join(done.errors))
        return done == target and self.open_path(target)

    def _choose_save_copy(self) -> None:
        if self.store is None:
            return
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu bản sao"), str(self.path.with_name(f"{self.path.stem}-ban-sao"
                                                                   ".parapp")),
            self.tr("Tệp parapp (*.parapp)"))
        if target:
            self.save_copy(Path(target))

    def save_copy(self, target: Path) -> bool:
        """A consistent, self-contained copy (SQLite backup API) of the open file."""
        if self.store is None:
            return False
        if not self.editor.leave():
            return False
        try:
            self.store.save_copy(target)
        except (OSError, sqlite3.Error) as err:
            QMessageBox.warning(self, self.tr("Không lưu được bản sao"),
                                self.tr("{path}: {error}").format(path=target, error=err))
            return False
        self.statusBar().showMessage(self.tr("Đã lưu bản sao: {path}").format(path=target), 5000)
        return True

    def close_file(self) -> bool:
        """Close the open file (releasing its lock); the window stays, empty."""
        if not self._leave_current():
            return False
        self._close_store()
        self._show_empty()
        return True

    def _open_store(self, path: Path, key: str,
                    reuse: bool) -> tuple[Store, str | None, str | None]:
        """The file writable under its lock when it can be, else read-only: (store, notice for
        a message box, short reason for the status bar)."""
        if reuse:  # the same file again: the lock moves over from the store shown
            return Store.open(path), None, None
        try:
            holder = _EDITING.get(key)
            if holder is not None and holder is not self and shiboken6.isValid(holder) \
                    and holder._lock_key == key:
                raise Locked(path, read_owner(path))
            return Store.open(path, lock=True), None, None
        except NotWritable as err:
            if isinstance(err, Locked):
                notice = self.tr("{message}.\n\nTệp được mở ở chế độ chỉ xem: không sửa được "
                                 "điểm, không nhập được dữ liệu. Hãy mở lại khi cửa sổ kia đã "
                                 "đóng tệp.").format(message=err)
            else:
                notice = self.tr("{message}: tệp được mở ở chế độ chỉ xem.").format(message=err)
            reason = err.reason
        return Store.open(path, readonly=True), notice, reason

    def _read(self, store: Store) -> _Period:
        period = store.period()
        snapshot = store.snapshot()
        engine = Engine(snapshot.tree, snapshot.settings.caps)
        result = evaluate(snapshot, engine)
        return _Period(period, snapshot, engine, result, store.units(), store.members())

    def _warn_open(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Không mở được tệp"), message)

    def _choose_file(self) -> None:
        start = str(self.path.parent) if self.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Mở tệp đánh giá"), start,
            self.tr("Tệp parapp (*.parapp);;Mọi tệp (*)"))
        if name:
            self.open_path(name)

    def _leave_current(self) -> bool:
        """Commit what is typed in the editor before the file or window goes; False if the
        person chooses to stay and complete an entry the file would refuse."""
        return self.store is None or self.editor.leave()

    def _close_store(self) -> None:
        if self.report_window is not None:  # it shows this file's documents: it goes too
            from parapp.ui.report_view import close_report_window
            close_report_window(self)
        self.editor.clear()
        self.undo_stack.clear()
        if self.store is not None:
            self.store.close()  # and its lock
            self.store = None
        if _EDITING.get(self._lock_key) is self:
            del _EDITING[self._lock_key]
        self._lock_key = None

    @property
    def read_only(self) -> bool:
        return self.store is None or self.store.readonly

    def _show_empty(self) -> None:
        self.setWindowTitle("parapp")
        self._loading = True
        self.unit_model.removeRows(0, self.unit_model.rowCount())
        self._unit_items.clear()
        self._block_items.clear()
        self.criteria_model.clear()
        self._loading = False
        self._clear_summary()
        self.dashboard.set_period(None, [], [], DEFAULTS)
        self._dashboard_stale = False
        self.status_label.setText(self.tr("Chưa mở tệp nào — chọn Tệp › Mở…"))
        self._apply_mode()

    # -- showing a period -------------------------------------------------------------------

    def _show(self, data: _Period, keep: bool = False) -> None:
        """Show what `_read` returned. With `keep`, the selected unit, criterion, expansion and
        filter stay (a re-read of the same file)."""
        unit_code = self.current_unit_code if keep else None
        leaf = self._editor_key() if keep else None
        self.period, self.snapshot, self.engine, self.result = (
            data.period, data.snapshot, data.engine, data.result)
        self.tree = data.snapshot.tree
        self.places = data.snapshot.settings.display_decimals
        self._unit_rows = data.units
        self._units = {u.uuid: u for u in data.units}
        self._members = data.members
        self._block_names = {b.code: b.name for b in data.snapshot.blocks}
        if not keep:
            self._current = None
            self._expanded = set()
            self._anchor = None
        title = self.tr("parapp — {file} — {province} {year}").format(
            file=self.path.name, province=data.period.province, year=data.period.year)
        scope = self.store.package_scope()
        if scope is not None:
            title += self.tr(" — gói của {member}, vòng {round}").format(member=scope.member,
                                                                       round=scope.round)
        if self.read_only:
            title += self.tr(" (chỉ xem)")
        self.setWindowTitle(title)
        self.setWindowFilePath(str(self.path))
        self.status_label.setText(self.tr("{units} đơn vị · {blocks} khối · {criteria} tiêu chí")
                                  .format(units=len(data.units),
                                          blocks=len(data.snapshot.blocks),
                                          criteria=len(self.tree.nodes)))
        self.status_label.setToolTip(data.period.title or "")
        if self._fit_codes:
            self._fit_code_column()
        self._fill_members()
        self._fill_units()
        self._set_dashboard()
        self._apply_mode()
        self._current = None  # show_unit below reloads the criteria of the unit kept
        if unit_code is None or not self.select_unit(unit_code, keep_leaf=leaf):
            first = self._first_unit_index()
            if first.isValid():
                self.unit_view.setCurrentIndex(first)
            else:
                self.criteria_model.clear()
                self._clear_summary()

    def _fit_code_column(self) -> None:
        """The code column as wide as the deepest code with its indentation needs."""
        view = self.criteria_view
        bold = QFont(view.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        need = max((view.indentation() * (self.tree.depth[k] + 1)
                    + metrics.horizontalAdvance(n.code) for k, n in self.tree.nodes.items()),
                   default=0)
        title = str(self.criteria_filter.headerData(C_CODE, Qt.Orientation.Horizontal) or "")
        need = max(need, view.header().fontMetrics().horizontalAdvance(title))
        view.header().resizeSection(C_CODE, need + view.fontMetrics().height())

    def _apply_mode(self) -> None:
        """Read-only or editing: what can be done, and the status bar saying which."""
        has_file = self.store is not None
        writable = has_file and not self.store.readonly
        self.editor.set_read_only(not writable)
        self.import_menu.setEnabled(writable and not self._importing)
        self.excel.update()
        self.ui.actionSettings.setEnabled(writable)
        self.dashboard.settings_button.setEnabled(writable)
        self.ui.actionOpen.setEnabled(not self._importing)
        for action in (self.action_new, self.recent_menu.menuAction()):
            action.setEnabled(not self._importing)
        self.action_save_copy.setEnabled(has_file)
        package = has_file and self.store.package_scope() is not None
        for action in (self.ui.actionReportAnnex, self.ui.actionReportHeads,
                       self.ui.actionReportUnit):  # a package's part is no official result
            action.setEnabled(has_file and not package and not self._importing)
        self.action_close.setEnabled(has_file and not self._importing)
        # exporting records the package in the master: it writes
        self.ui.actionExportPackage.setEnabled(writable and not package and not self._importing)
        self.ui.actionMergePackages.setEnabled(writable and not package and not self._importing)
        self.ui.actionSealPackage.setEnabled(writable and package)
        # a package holds the member's part only: its totals and ranks are not the period's
        self.tabs.setTabEnabled(self.tabs.indexOf(self.ui.dashboardTab), not package)
        self.unit_view.setColumnHidden(U_RANK, package)
        for widget in (self.ui.rankCaption, self.ui.rankLabel, self.ui.rankChangeCaption,
                       self.ui.rankChangeLabel, self.ui.gradeCaption, self.ui.gradeLabel):
            widget.setVisible(not package)
        self._update_undo_actions()
        if not has_file:
            self.mode_label.setText("")
            self.mode_label.setToolTip("")
        elif package:
            self.mode_label.setText(self.tr("Gói của thành viên — chỉ phần được giao"))
            self.mode_label.setToolTip(self.tr(
                "Chỉ ghi được điểm thẩm định phần được giao; tổng điểm và xếp hạng ở đây chỉ "
                "tính phần trong gói. Xong thì Kỳ đánh giá › Niêm phong gói để gửi lại."))
        elif writable:
            self.mode_label.setText(self.tr("Đang chỉnh sửa"))
            self.mode_label.setToolTip(self.tr("Mỗi điểm được ghi ngay vào tệp khi nhấn Enter "
                                               "hoặc rời ô nhập; Ctrl+Z để hoàn tác"))
        else:
            reason = self.read_only_reason or self.tr("tệp mở chỉ để đọc")
            self.mode_label.setText(self.tr("Chỉ xem — {who}").format(who=reason))
            self.mode_label.setToolTip(self.tr("Không sửa được điểm, không nhập được dữ liệu"))

    def _update_undo_actions(self) -> None:
        stack, ui = self.undo_stack, self.ui
        writable = not self.read_only
        ui.actionUndo.setEnabled(writable and stack.canUndo())
        ui.actionRedo.setEnabled(writable and stack.canRedo())
        ui.actionUndo.setText(self.tr("&Hoàn tác: {what}").format(what=stack.undoText())
                              if stack.canUndo() else self.tr("&Hoàn tác"))
        ui.actionRedo.setText(self.tr("&Làm lại: {what}").format(what=stack.redoText())
                              if stack.canRedo() else self.tr("&Làm lại"))

    def reload(self) -> bool:
        """Re-read the open file (after an import, a settings change), keeping the selected unit,
        criterion, expansion and filters."""
        if self.store is None:
            return False
        try:
            data = self._read(self.store)
        except Exception as err:
            self._warn_open(str(err) if isinstance(err, ParappError) else self.tr(
                "{path}: không đọc được dữ liệu ({error})").format(path=self.path, error=err))
            return False
        self._show(data, keep=True)
        self.editor.reload()
        return True

    # -- the left list ----------------------------------------------------------------------

    def _num(self, value: Decimal | None, places: int | None = None) -> str:
        return fmt(value, self.places if places is None else places, comma=None)

    def _block_order(self, result: PeriodResult) -> list[str]:
        codes = [b.code for b in self.snapshot.blocks]
        return codes + [c for c in result.rankings if c not in codes]

    def _fill_units(self) -> None:
        model, view = self.unit_model, self.unit_view
        self._loading = True
        view.setUpdatesEnabled(False)
        try:
            model.removeRows(0, model.rowCount())
            self._unit_items.clear()
            self._block_items.clear()
            bold = QFont(view.font())
            bold.setBold(True)
            rankings = self.result.rankings
            for position, code in enumerate(self._block_order(self.result)):
                ranking = rankings.get(code)
                rows = ranking.rows() if ranking else []
                block = QStandardItem(self.tr("{name} ({count})").format(
                    name=self._block_names.get(code, code), count=len(rows)))
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
                    self._set_unit_values(items, row, place, self.places)
                    self._unit_items[r.unit.code] = items
                    block.appendRow(items)
                self._block_items[code] = block
                model.appendRow([block, *fillers])
            view.expandAll()
            self._span_blocks()
        finally:
            view.setUpdatesEnabled(True)
            self._loading = False

    def _span_blocks(self) -> None:
        """Block rows span the list: their name is never cut to fit the name column."""
        for row in range(self.unit_proxy.rowCount()):
            self.unit_view.setFirstColumnSpanned(row, QModelIndex(), True)

    def _set_unit_values(self, items: list[QStandardItem], row: RankRow, place: int,
                         places: int) -> None:
        r = row.result
        texts = {U_TOTAL: self._num(r.total, places), U_INDEX: self._num(r.index, places),
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

    def _show_unit_values(self, result: PeriodResult, places: int,
                          blocks: list[str] | None = None) -> None:
        """Totals, indexes and ranks of the units of `blocks` (all by default) from `result`."""
        for code in blocks if blocks is not None else list(result.rankings):
            ranking = result.rankings.get(code)
            for place, row in enumerate(ranking.rows() if ranking else []):
                items = self._unit_items.get(row.result.unit.code)
                if items is not None:
                    self._set_unit_values(items, row, place, places)

    def _first_unit_index(self) -> QModelIndex:
        proxy = self.unit_proxy
        for b in range(proxy.rowCount()):
            block = proxy.index(b, 0)
            if proxy.rowCount(block):
                return proxy.index(0, 0, block)
        return QModelIndex()

    def _unit_proxy_index(self, code: str) -> QModelIndex:
        items = self._unit_items.get(code)
        if items is None:
            return QModelIndex()
        return self.unit_proxy.mapFromSource(items[U_NAME].index())

    def unit_texts(self, code: str) -> list[str]:
        """The left list's row of a unit as shown: name, total, index, rank."""
        index = self._unit_proxy_index(code)
        if not index.isValid():
            return []
        return [index.siblingAtColumn(c).data() or "" for c in range(4)]

    def select_unit(self, code: str, keep_leaf: str | None = None) -> bool:
        """Select a unit by its code (as a click would); False when there is no such unit. A unit
        hidden by the filter box clears the filter first."""
        if code not in self._unit_items:
            return False
        index = self._unit_proxy_index(code)
        if not index.isValid():
            self.unit_filter_edit.clear()
            index = self._unit_proxy_index(code)
        self._keep_leaf = keep_leaf
        try:
            self.unit_view.setCurrentIndex(index)
            if self.unit_view.currentIndex().siblingAtColumn(U_NAME) != index:
                return False  # the person stayed to complete an entry on the unit shown
            if self._current != index.data(KEY_ROLE):  # already current: show it anyway
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
        key = current.siblingAtColumn(U_NAME).data(KEY_ROLE)
        if key and self.result is not None and key in self.result.results \
                and key != self._current:
            if not self.editor.leave():  # an entry the file refuses: its unit stays selected
                self._mark_current_unit()
                return
            self.show_unit(key, self._keep_leaf if self._keep_leaf else self._editor_key())

    def _mark_current_unit(self) -> None:
        """The unit shown is the current row of the list (without showing it again)."""
        index = self._unit_proxy_index(self.current_unit_code) if self._current else None
        self._loading = True
        try:
            if index is not None and index.isValid():
                self.unit_view.setCurrentIndex(index)
            else:
                self.unit_view.selectionModel().clear()
        finally:
            self._loading = False
        if index is not None and index.isValid():
            self.unit_view.scrollTo(index)

    @property
    def current_unit(self) -> str | None:
        """The uuid of the unit shown."""
        return self._current

    @property
    def current_unit_code(self) -> str | None:
        if self._current is None or self.result is None or self._current not in self.result.results:
            return None
        return self.result.results[self._current].unit.code

    def _on_unit_filter_changed(self, text: str) -> None:
        """What the editor shows is always the unit selected in the visible list: a filter that
        hides the unit shown moves to its first match, and with no match nothing is shown (and
        nothing can be edited). An entry on the unit shown that the file would refuse is never
        dropped by typing in the filter: the person completes it (the filter goes back) or
        drops it."""
        previous = self.unit_proxy.text()
        self._filter_units(text)
        if self._current is None or self._unit_proxy_index(self.current_unit_code).isValid():
            if self._current is None and self._first_unit_index().isValid():
                self.unit_view.setCurrentIndex(self._first_unit_index())
            else:
                self._mark_current_unit()
            return
        if not self.editor.leave():
            self.unit_filter_edit.blockSignals(True)
            self.unit_filter_edit.setText(previous)
            self.unit_filter_edit.blockSignals(False)
            self._filter_units(previous)
            self._mark_current_unit()
            return
        first = self._first_unit_index()
        if first.isValid():
            self.unit_view.setCurrentIndex(first)
        else:
            self._show_no_unit()

    def _filter_units(self, text: str) -> None:
        self.unit_proxy.set_text(text)
        self.unit_view.expandAll()
        self._span_blocks()

    def _show_no_unit(self) -> None:
        """No unit selected (the filter matches none): an empty tree and editor, no summary."""
        self.editor.clear()
        self._current = None
        self._loading = True
        try:
            self.criteria_model.clear()
            self.unit_view.selectionModel().clear()
        finally:
            self._loading = False
        self._clear_summary()

    def _select_first_match(self) -> None:
        first = self._first_unit_index()
        if first.isValid():
            self.unit_view.setCurrentIndex(first)
            self.unit_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_unit_filter(self) -> None:
        self.unit_filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.unit_filter_edit.selectAll()

    # -- the criteria tree, the summary and the editor --------------------------------------

    def show_unit(self, key: str, keep_leaf: str | None = None) -> None:
        """Show a unit's criteria and summary; the criterion shown before stays selected when
        the unit has it."""
        if self.result is None or key not in self.result.results:
            return
        self.editor.commit_pending()  # what was typed belongs to the unit shown until now
        result = self.result.results[key]
        unit = result.unit
        self._current = key
        self._anchor = None  # "next" starts from the leaf shown, else from the top
        self._loading = True
        try:
            self.criteria_model.load(self.tree, result, unit,
                                     count_evidence(self.store.evidence(unit.code)),
                                     self.store.notes(unit.code), self.places)
            self._restore_expansion()
        finally:
            self._loading = False
        self._fill_summary(result)
        self._sync_dashboard(unit.block, key)
        if keep_leaf is not None and self.select_criterion_key(keep_leaf):
            return
        self.editor.clear()

    def _restore_expansion(self) -> None:
        view = self.criteria_view
        if self.criteria_filter.mode() != "all":
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
        if self._loading or self.criteria_filter.mode() != "all":
            return
        key = index.data(KEY_ROLE)
        if key:
            (self._expanded.add if expanded else self._expanded.discard)(key)

    def _proxy(self, key: str) -> QModelIndex:
        return self.criteria_filter.mapFromSource(self.criteria_model.index_of(key))

    def _proxy_keys(self):
        model = self.criteria_filter

        def walk(parent: QModelIndex):
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                yield index.data(KEY_ROLE)
                yield from walk(index)

        return list(walk(QModelIndex()))

    def _expanded_keys(self) -> set[str]:
        """Criteria keys expanded in the view now."""
        view = self.criteria_view
        return {k for k in self._proxy_keys() if view.isExpanded(self._proxy(k))}

    def _editor_key(self) -> str | None:
        code = self.editor.criterion_code
        if code is None or self.snapshot is None:
            return None
        node = self.snapshot.tree.by_code.get(code)
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
        node = self.tree.by_code.get(code) if self.snapshot is not None else None
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
        if key is None or unit_code is None or not self.criteria_model.is_leaf(key):
            self.editor.commit_pending()
            self.editor.clear()
            return
        self.editor.set_target(self.store, unit_code, self.tree.nodes[key].code)

    def _scorable_leaf(self, key: str) -> bool:
        return self.criteria_model.is_leaf(key) and self.tree.nodes[key].source is Source.SELF

    def next_leaf(self) -> bool:
        """Select the next visible self-scored leaf after the one edited (wrapping round), so a
        unit can be entered by keyboard: score, Enter, next. Survey-fed leaves (SIPAS, ĐTXHH)
        take no input and are skipped. Focus stays in the score field, its text selected."""
        if not self._select_next_leaf():
            return False
        field = self._entry_field
        if field is not None and field.isEnabled() and isinstance(field, QLineEdit):
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            field.selectAll()
        return True

    def _select_next_leaf(self) -> bool:
        if self.snapshot is None:
            return False
        keys = self.criteria_model.keys()
        anchor = self._editor_key() or self._anchor
        start = keys.index(anchor) + 1 if anchor in keys else 0
        order = keys[start:] + keys[:start]
        target = next((k for k in order if self._scorable_leaf(k) and self._proxy(k).isValid()),
                      None)
        return target is not None and self.select_criterion_key(target)

    def _focus_editor(self) -> None:
        """Enter on a leaf of the tree: into the score field last used (self score at first)."""
        field = self._entry_field if isinstance(self._entry_field, QLineEdit) \
            else self.editor.self_score
        if not field.isEnabled() or field.isReadOnly():
            field = next((f for f in (self.editor.self_score, self.editor.appraisal_score)
                          if f.isEnabled()), None)
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            field.selectAll()

    def _on_filter_mode_changed(self, index: int) -> None:
        mode = self.ui.criteriaFilterCombo.itemData(index) or "all"
        if mode == "mine" and self.criteria_filter.member() is None:
            self.statusBar().showMessage(self.tr("Chọn cơ quan của bạn ở ô «Tôi là» để xem các "
                                                 "lĩnh vực mình phụ trách"), 8000)
        self._loading = True
        try:
            self.criteria_filter.set_mode(mode)
            if mode == "all":
                self.criteria_view.collapseAll()
            self._restore_expansion()
        finally:
            self._loading = False
        self._sync_criteria_selection()

    def _fill_members(self) -> None:
        combo = self.ui.memberCombo
        saved = app_settings().value("ui/member")
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(chưa chọn)"), None)
        for m in self._members:
            text = m.department + (f" — {m.person}" if m.person else "")
            combo.addItem(m.department, m.code)
            combo.setItemData(combo.count() - 1, f"{m.code}: {text}",
                              Qt.ItemDataRole.ToolTipRole)
        at = combo.findData(saved) if saved else -1
        combo.setCurrentIndex(max(at, 0))
        combo.blockSignals(False)
        self.criteria_filter.set_member(combo.currentData())

    def _on_member_changed(self, _index: int) -> None:
        code = self.ui.memberCombo.currentData()
        settings = app_settings()
        settings.setValue("ui/member", code or "")
        settings.sync()
        self._loading = True
        try:
            self.criteria_filter.set_member(code)
            self._restore_expansion()
        finally:
            self._loading = False
        self._sync_criteria_selection()

    def _sync_criteria_selection(self) -> None:
        """After a re-filter: the editor's leaf is the current row when it is shown, else no row
        is (the editor keeps showing it)."""
        key = self._editor_key()
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

    def _clear_summary(self) -> None:
        ui = self.ui
        for label in (ui.unitNameLabel, ui.headNameLabel, ui.gradeLabel, ui.totalLabel,
                      ui.indexLabel, ui.rankLabel, ui.rankChangeLabel):
            label.setText(DASH)
            label.setToolTip("")

    def _fill_summary(self, result: UnitResult) -> None:
        ui, key = self.ui, result.key
        unit = self._units.get(key)
        block = self._block_names.get(result.unit.block, result.unit.block)
        ui.unitNameLabel.setText(f"{result.unit.name} ({result.unit.code}) — {block}")
        ui.unitNameLabel.setToolTip(block)
        head = unit.head_name if unit is not None and unit.head_name else DASH
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

    # -- the dashboard ----------------------------------------------------------------------

    # The dashboard is brought up to date when its tab is shown: re-laying out its table costs
    # more than everything else an edit updates, and nobody sees it while scores are entered.

    def _dashboard_shown(self) -> bool:
        return self.tabs.currentWidget() is self.ui.dashboardTab

    def _set_dashboard(self, result: PeriodResult | None = None,
                       settings: PeriodSettings | None = None, preview: bool = False) -> None:
        self._dashboard_args = (result, settings, preview)
        if not self._dashboard_shown():
            self._dashboard_stale = True
            return
        self._dashboard_stale = False
        self._syncing = True
        try:
            self.dashboard.set_period(result or self.result, self.snapshot.blocks,
                                      self._unit_rows, settings or self.snapshot.settings,
                                      preview=preview)
        finally:
            self._syncing = False

    def _sync_dashboard(self, block: str, key: str) -> None:
        if not self._dashboard_shown():
            self._dashboard_stale = True
            return
        self._syncing = True
        try:
            self.dashboard.select_block(block)
            self.dashboard.select_unit(key)
        finally:
            self._syncing = False

    def _on_tab_changed(self, _index: int) -> None:
        if self._dashboard_shown() and self._dashboard_stale and self.snapshot is not None:
            self._set_dashboard(*self._dashboard_args)
            if self._current is not None and self._current in self.result.results:
                self._sync_dashboard(self.result.results[self._current].unit.block,
                                     self._current)

    def _on_dashboard_unit(self, key: str) -> None:
        if self._syncing or self.result is None or key not in self.result.results:
            return
        self._syncing = True
        try:
            self.select_unit(self.result.results[key].unit.code)
        finally:
            self._syncing = False

    # -- editing, undo and redo -------------------------------------------------------------

    def _push(self, txn: str, label: str, refresh, unit: str | None = None,
              criterion: str | None = None) -> None:
        """An undo step for a transaction already committed (pushing writes nothing)."""
        self.undo_stack.push(TransactionCommand(
            lambda: self.store, txn, label, refresh,
            lambda why: QMessageBox.warning(self, self.tr("Không hoàn tác được"), why),
            unit, criterion))

    def _on_committed(self, _unit: str, criterion: str, _field: str, _old, _new) -> None:
        node = self.tree.by_code.get(criterion)
        if node is not None:
            self._anchor = node.key

    def _on_commit_finished(self, unit: str, criterion: str, fields: list, txn: str) -> None:
        """Once per commit (a score and its reason are one commit): an undo step, and every
        view refreshed."""
        if self.store is None:
            return
        self._push(txn, self.tr("Sửa điểm {unit}, tiêu chí {criterion}").format(
            unit=unit, criterion=criterion), lambda: self._undone(unit, criterion),
            unit, criterion)
        # the deduction notes matter only to a note's own status: re-read when one changed
        self.refresh_unit(unit, notes="appraisal_note" in fields)

    def _on_evidence_changed(self, unit: str, criterion: str, txn: str) -> None:
        self._push(txn, self.tr("Tài liệu kiểm chứng {unit}, tiêu chí {criterion}").format(
            unit=unit, criterion=criterion), lambda: self._undone(unit, criterion, True),
            unit, criterion)
        self.refresh_unit(unit, evidence=True)

    def _undone(self, unit: str, criterion: str, evidence: bool = False) -> None:
        """An undo or redo wrote a leaf: refresh like an edit, and the editor if it shows it."""
        self.refresh_unit(unit, evidence=evidence)
        if self.editor.unit_code == unit and self.editor.criterion_code == criterion:
            self.editor.reload()

    def refresh_unit(self, unit_code: str, evidence: bool = False, notes: bool = True) -> None:
        """After one unit changed in the file: re-read it, re-evaluate its block, and update the
        criteria tree (roll-ups; expansion and selection kept), the summary, the left list's
        block (ranks may change for every unit of it) and the dashboard."""
        if self.store is None or self.snapshot is None:
            return
        started = perf_counter()
        unit_input = self.store.unit_input(unit_code)
        self.snapshot, self.result = reevaluate_unit(self.snapshot, self.result, self.engine,
                                                     unit_input)
        key = unit_input.key
        self._refreshing = True
        try:
            if key == self._current:
                counts = count_evidence(self.store.evidence(unit_code)) if evidence else None
                self.criteria_model.update_result(
                    self.result.results[key], unit_input, counts,
                    self.store.notes(unit_code) if notes else None)
                self._fill_summary(self.result.results[key])
            self._show_unit_values(self.result, self.places, [unit_input.block])
            if not self._previewing:
                self._set_dashboard()
        finally:
            self._refreshing = False
        if not self._switching:
            self._sync_criteria_selection()
        self.last_refresh_ms = (perf_counter() - started) * 1000

    def undo(self) -> None:
        """Sửa › Hoàn tác: the last score edit is written back as it was, and shown."""
        self._step(undo=True)

    def redo(self) -> None:
        self._step(undo=False)

    def _step(self, undo: bool) -> None:
        if self.read_only:
            return
        # what is typed and valid becomes the latest edit (so Ctrl+Z undoes it); input the file
        # refuses is dropped for what is stored
        if not self.editor.commit_pending():
            self.editor.reload()
        stack = self.undo_stack
        at = stack.index() - 1 if undo else stack.index()
        if not 0 <= at < stack.count():
            return
        command = stack.command(at)
        text = command.text()
        stack.undo() if undo else stack.redo()
        unit, criterion = getattr(command, "unit", None), getattr(command, "criterion", None)
        if unit is not None:  # show where it happened
            if unit != self.current_unit_code:
                self.select_unit(unit)
            self.select_criterion(criterion)
        self.statusBar().showMessage((self.tr("Đã hoàn tác: {what}") if undo
                                      else self.tr("Đã làm lại: {what}")).format(what=text), 5000)

    # -- events -----------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and isinstance(obj, (QLineEdit, QPlainTextEdit)):
            # A text field claims Ctrl+Z even with nothing of its own to undo: let the window's
            # undo have it then (after Enter the field holds what is stored, no history).
            undo = event.matches(QKeySequence.StandardKey.Undo)
            redo = event.matches(QKeySequence.StandardKey.Redo) or any(
                QKeySequence(event.keyCombination()) == s for s in self.ui.actionRedo.shortcuts())
            if (undo or redo) and not self._local_history(obj, undo):
                event.ignore()
                return True
        if obj in self._editor_fields[:2] and kind == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._entry_field = obj
        elif obj is self.criteria_view and kind == QEvent.Type.KeyPress:
            index = self.criteria_view.currentIndex()
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid() \
                    and self.criteria_model.is_leaf(index.data(KEY_ROLE)):
                self._focus_editor()
                return True
        elif obj is self.unit_view and kind == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._current:
                # on to the unit's criteria: the leaf shown, else the first one to score (before
                # the focus moves: a view without a current row makes its first row current)
                if not self.criteria_view.currentIndex().isValid():
                    self._select_next_leaf()
                self.criteria_view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        elif obj is self.unit_filter_edit and kind == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape and self.unit_filter_edit.text():
                self.unit_filter_edit.clear()
                return True
            if event.key() == Qt.Key.Key_Down:
                self.unit_view.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.unit_view.currentIndex().isValid():
                    self._select_first_match()
                return True
        return super().eventFilter(obj, event)

    @staticmethod
    def _local_history(widget: QWidget, undo: bool) -> bool:
        if widget.isReadOnly():
            return False
        if isinstance(widget, QLineEdit):
            return widget.isUndoAvailable() if undo else widget.isRedoAvailable()
        document = widget.document()
        return document.isUndoAvailable() if undo else document.isRedoAvailable()

    # -- settings ---------------------------------------------------------------------------

    def open_settings(self) -> SettingsDialog | None:
        """Kỳ đánh giá › Thiết lập xếp hạng, xếp loại: a window-modal dialog whose every valid
        change re-ranks live (dashboard and left list, marked as a preview); Lưu writes it."""
        if self.read_only or self.snapshot is None:
            return None
        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            self.settings_dialog.activateWindow()
            return self.settings_dialog
        if not self.editor.leave():
            return None
        try:
            settings = self.store.settings()
        except ParappError as err:
            QMessageBox.warning(self, self.tr("Không đọc được thiết lập"), str(err))
            return None
        dialog = SettingsDialog(settings, self)
        dialog.preview.connect(self._preview_settings)
        dialog.finished.connect(lambda code, d=dialog: self._settings_closed(d, code))
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def _preview_settings(self, texts: dict) -> None:
        if self.snapshot is None:
            return
        try:
            settings = settings_with(self.snapshot.settings, texts)
        except ParappError:
            return
        if settings == self.snapshot.settings:
            self._show_saved_view()
            return
        # the snapshot kept up to date by every edit: no need to re-read the file
        result = evaluate_preview(self.snapshot, texts)
        self._previewing = True
        self._show_unit_values(result, settings.display_decimals)
        self._set_dashboard(result, settings, preview=True)
        self.statusBar().showMessage(self.tr("Đang xem trước thiết lập chưa lưu"))

    def _show_saved_view(self) -> None:
        if not self._previewing:
            return
        self._previewing = False
        self._show_unit_values(self.result, self.places)
        self._set_dashboard()
        self.statusBar().clearMessage()

    def _settings_closed(self, dialog: SettingsDialog, code: int) -> None:
        self.settings_dialog = None
        dialog.deleteLater()
        if code != QDialog.DialogCode.Accepted or self.store is None:
            self._show_saved_view()
            return
        try:
            changes, txn = dialog.apply(self.store)
        except ParappError as err:
            self._show_saved_view()
            QMessageBox.warning(self, self.tr("Không lưu được thiết lập"), str(err))
            return
        if txn:
            self._push(txn, self.tr("Thiết lập xếp hạng, xếp loại"), self.reload)
        self._previewing = False
        self.reload()
        self.statusBar().showMessage(
            self.tr("Đã lưu {n} thiết lập").format(n=len(changes)) if changes
            else self.tr("Thiết lập không thay đổi"), 5000)

    # -- reports ----------------------------------------------------------------------------

    def open_report(self, kind: str):
        """Báo cáo › …: the report window (preview, print, PDF, signing) for the open file,
        on every block (a score sheet: the unit selected here). None when no file is open."""
        if self.store is None:
            return None
        from parapp.ui.report_view import open_report_window
        if not self.editor.leave():  # the report reads the file: a typed score goes in first
            return None
        return open_report_window(self, kind)

    # -- council packages -------------------------------------------------------------------

    def export_package(self, member: str | None = None, out: Path | str | None = None,
                       round_: int = 1) -> Path | None:
        """Kỳ đánh giá › Xuất gói…: a member's package (asked for when not given), written off
        the GUI thread from its own connection (the master records the package it sends)."""
        if self.store is None or not self.editor.leave():
            return None
        if member is None:
            members = [m for m in self._members]
            labels = [f"{m.code} — {m.department}" for m in members]
            label, ok = QInputDialog.getItem(
                self, self.tr("Xuất gói cho thành viên Hội đồng"),
                self.tr("Thành viên Hội đồng thẩm định:"), labels, 0, False)
            if not ok:
                return None
            member = members[labels.index(label)].code
        if out is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Lưu gói"), str(self.path.with_name(f"goi-{member}.parapp")),
                self.tr("Tệp parapp (*.parapp)"))
            if not name:
                return None
            out = name
        from parapp.core.packages import export_package
        path = self.path

        def work():
            with Store.open(path) as store:
                return export_package(store, member, Path(out), round_)
        with self.running(self.tr("việc tạo gói cho {member}").format(member=member)):
            done = run_busy(self, self.tr("Đang tạo gói cho {member}…").format(member=member),
                            work)
        if done is None:
            return None
        self.statusBar().showMessage(self.tr(
            "Đã tạo gói {file}: {leaves} tiêu chí × {units} đơn vị, {evidence} tài liệu").format(
            file=done.path.name, leaves=done.leaves, units=done.units, evidence=done.evidence),
            15000)
        return done.path

    def merge_packages(self):
        """Kỳ đánh giá › Hợp nhất gói…: the merge dialog; a merge is one undo step."""
        if self.store is None or self.read_only:
            return None
        from parapp.ui.merging import run_merge_dialog
        if not self.editor.leave():
            return None
        report = run_merge_dialog(self, self.path)
        if report is not None and report.txn:
            self._push(report.txn, self.tr("Hợp nhất {n} gói").format(n=len(report.packages)),
                       self.reload)
            self.reload()
        return report

    def seal_package(self):
        """Kỳ đánh giá › Niêm phong gói…: for a member who has its package open."""
        if self.store is None or self.read_only or self.store.package_scope() is None:
            return None
        from parapp.ui.merging import seal_current_package
        if not self.editor.leave():  # a later write would drop the seal
            return None
        seal = seal_current_package(self, self.path)
        if seal is not None:
            self.statusBar().showMessage(self.tr(
                "Đã niêm phong gói; gửi tệp {file} cho Tổ thư ký").format(file=self.path.name),
                15000)
        return seal

    # -- appearance -------------------------------------------------------------------------

    def set_theme(self, name: str) -> str:
        """Hiển thị › Giao diện: applied at once and remembered."""
        name = apply_theme(name if name in THEMES else "system")
        self.theme_actions[name].setChecked(True)
        settings = app_settings()
        settings.setValue("ui/theme", name)
        settings.sync()
        if self.snapshot is not None:  # colours worked out from the palette when set
            self._set_dashboard()
        self.criteria_view.viewport().update()
        self.unit_view.viewport().update()
        return name

    def set_language(self, code: str) -> None:
        """Hiển thị › Ngôn ngữ: remembered, applied at the next start."""
        code = code if code in LANGUAGES else "vi"
        self.language_actions[code].setChecked(True)
        settings = app_settings()
        if str(settings.value("ui/language") or "vi") == code:
            return
        settings.setValue("ui/language", code)
        settings.sync()
        self.statusBar().showMessage(self.tr("Ngôn ngữ mới được áp dụng khi mở lại parapp"),
                                     8000)

    # -- importing --------------------------------------------------------------------------

    def _choose_import(self, kind: str) -> None:
        if self.path is None or self.read_only:
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
                     overwrite: bool | None = None) -> ImportReport | None:
        """Import one sheet into the open file (progress, then a summary or the errors), and
        on success re-read the file so totals and ranks update. None if nothing was imported.
        An import is one undo step. `overwrite` None asks before replacing or keeping
        appraisals entered in parapp (nothing is written before the answer)."""
        if self.path is None or self._importing or self.read_only:
            return None
        from parapp.ui.importing import run_import
        if not self.editor.leave():
            return None
        # the progress dialog shows only after a moment; until then keep the user from opening
        # another file or starting a second import under the first
        self._importing = True
        self._apply_mode()
        try:
            with self.running(self.tr("việc nhập từ {file}").format(file=Path(xlsx_path).name)) \
                    as job:
                report = run_import(self, self.path, kind, xlsx_path, overwrite, job)
        finally:
            self._importing = False
            self._apply_mode()
        if report is not None:
            name = Path(xlsx_path).name
            if report.txn:
                self._push(report.txn, self.tr("Nhập từ {file}").format(file=name), self.reload)
            self.reload()
            self.statusBar().showMessage(self.tr(
                "Đã nhập từ {file}; Ctrl+Z để hoàn tác cả lần nhập.").format(file=name), 15000)
        return report
