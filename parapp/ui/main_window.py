"""The main window: units by block on the left; in the centre, tab "Chấm điểm" (the selected
unit's criteria tree beside the score editor) and tab "Tổng hợp" (the period's overview).

The window is wiring: its rooms are elsewhere, each with one concern —

    operations.py     the one way to the file: every read and write runs on the window's file
                      thread; the window applies each change it returns once (`_on_changed`)
    document.py       the open file without widgets: its store, lock, path and the data read
    file_actions.py   Tệp › Mới, Mở, Mở gần đây, Lưu bản sao, Đóng
    scoring.py        tab "Chấm điểm" and the left list's selection: the unit and leaf shown,
                      the criteria tree, the summary, the editor's navigation, the refresh after
                      an edit (unit_list.py: the left list's model)
    dashboard.py      tab "Tổng hợp", brought up to date when it is shown
    excel.py          Tệp › Nhập từ Excel, Xuất Excel, Tạo mẫu Excel
    council.py        Kỳ đánh giá › packages: export, merge, seal
    settings_dialog.py  Kỳ đánh giá › Thiết lập, with its live preview
    undo.py           Sửa › Hoàn tác, Làm lại
    window_layout.py  where the parts go, kept per screen size
    preferences.py    every setting kept between runs, typed

Opening reads the file once, on the file thread (parapp.core.view_data: a snapshot evaluated
with a cached engine, and every leaf's texts and evidence); every edit re-reads only the leaf
written and re-evaluates its unit's block, so the views follow each entry at once. Each
committed transaction — an edit, evidence added or removed, a settings change, an import, a
merge — becomes one step on the window's undo stack. The static layout lives in
forms/main_window.ui.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QWidget,
)

from parapp.core import phases
from parapp.core.i18n import pick
from parapp.ui import preferences
from parapp.ui.council import CouncilActions
from parapp.ui.dashboard import OverviewTab
from parapp.ui.document import Document
from parapp.ui.excel import ExcelMenus
from parapp.ui.file_actions import FileActions
from parapp.ui.forms.ui_main_window import Ui_MainWindow
from parapp.ui.operations import Changes, Operations
from parapp.ui.scoring import ScoringView
from parapp.ui.settings_dialog import SettingsDialog, SettingsSession
from parapp.ui.theme import THEMES, apply_theme
from parapp.ui.undo import History
from parapp.ui.unit_list import U_RANK
from parapp.ui.window_layout import WindowLayout

if TYPE_CHECKING:
    from parapp.core.interchange.importer import ImportReport

LANGUAGES = ("vi", "en")


class MainWindow(QMainWindow):
    """The editing window of one assessment file (held by its `document`)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = ui = Ui_MainWindow()
        ui.setupUi(self)
        self.unit_view, self.unit_filter_edit = ui.unitView, ui.unitFilterEdit
        self.criteria_view, self.editor = ui.criteriaView, ui.scoreEditor
        self.dashboard, self.tabs = ui.dashboard, ui.tabs
        self.document = Document(self)
        self.files = FileActions(self)
        self.ops = Operations(self, lambda: self.document.store, self.document.apply)
        self.ops.changed.connect(self._on_changed)
        self.ops.busy_changed.connect(self._on_busy)
        self.ops.exclusive_changed.connect(self._on_exclusive)
        self.editor.attach(self.document, self.ops)
        self.scoring = ScoringView(self)
        self.overview = OverviewTab(self)
        self.history = History(self)
        self.undo_stack = self.history.stack
        self.settings_session = SettingsSession(self)
        self.council = CouncilActions(self)
        self.report_window = None  # parapp.ui.report_view.ReportWindow, made on first use
        self.compare_window = None  # parapp.ui.compare_view.CompareWindow, the last one shown
        self._file_windows: list[QWidget] = []  # see keep_with_file
        self._close_when_idle = False  # a close waits for the operations running

        self.status_label = QLabel(self)
        self.statusBar().addWidget(self.status_label, 1)
        self.mode_label = QLabel(self)
        self.phase_label = QLabel(self)  # the season's phase and the time left
        self.statusBar().addPermanentWidget(self.ops.status)
        self._separators: dict[QLabel, QFrame] = {}  # two facts, not one phrase
        for label in (self.phase_label, self.mode_label):
            line = self._separators[label] = QFrame(self)
            line.setFrameShape(QFrame.Shape.VLine)
            line.setFrameShadow(QFrame.Shadow.Sunken)
            line.hide()  # shown with its label's text
            self.statusBar().addPermanentWidget(line)
            self.statusBar().addPermanentWidget(label)
        for view in (self.unit_view, self.criteria_view):
            view.header().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.header().customContextMenuRequested.connect(
                lambda pos, v=view: self._column_menu(v, pos))
        ui.splitter.setStretchFactor(0, 0)
        ui.splitter.setStretchFactor(1, 1)
        ui.editSplitter.setStretchFactor(0, 1)
        ui.editSplitter.setStretchFactor(1, 0)

        self._setup_menus()
        self._connect()
        self.layout_keeper = WindowLayout(self)
        self.layout_keeper.restore()
        self._show_empty()

    # -- what the rest of parapp (and the tests) read of the window ---------------------------

    # the open file's store: for tests and scripts; the window itself goes through `ops`
    store = property(lambda self: self.document.store)
    path = property(lambda self: self.document.path)
    read_only = property(lambda self: self.document.read_only)
    read_only_reason = property(lambda self: self.document.read_only_reason)
    period = property(lambda self: self.document.data.info if self.document.data else None)
    snapshot = property(lambda self: self.document.data.snapshot if self.document.data
                        else None)
    result = property(lambda self: self.document.data.result if self.document.data else None)
    places = property(lambda self: self.scoring.places)
    current_unit = property(lambda self: self.scoring.current)
    current_unit_code = property(lambda self: self.scoring.current_unit_code)
    criteria_model = property(lambda self: self.scoring.model)
    import_menu = property(lambda self: self.excel.import_menu)
    settings_dialog = property(lambda self: self.settings_session.dialog)
    last_refresh_ms = property(lambda self: self.scoring.last_refresh_ms)

    def unit_texts(self, code: str) -> list[str]:
        return self.scoring.units.texts(code)

    def select_unit(self, code: str, keep_leaf: str | None = None) -> bool:
        return self.scoring.select_unit(code, keep_leaf)

    def _show_status(self, label: QLabel, text: str) -> None:
        """A fact of the status bar (the phase, the editing mode), its separator only with it."""
        label.setText(text)
        self._separators[label].setVisible(bool(text))

    def select_criterion(self, code: str) -> bool:
        return self.scoring.select_criterion(code)

    def next_leaf(self) -> bool:
        return self.scoring.next_leaf()

    # -- set-up -----------------------------------------------------------------------------

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
        file_menu = ui.menuFile
        actions = file_menu.actions()
        at = actions.index(ui.actionOpen) + 1
        before = actions[at] if at < len(actions) else None
        # Tệp: Mới…, Mở…, Mở gần đây, Nhập từ Excel, Xuất Excel, Tạo mẫu Excel, Lưu bản sao…,
        # Đóng, Thoát
        self.excel = ExcelMenus(self)
        for submenu in (self.excel.import_menu, self.excel.export_menu, self.excel.template_menu):
            file_menu.insertMenu(before, submenu)
        self.action_new = QAction(self.tr("Mớ&i…"), self)
        self.action_new.setShortcut(QKeySequence.StandardKey.New)
        self.action_new.setStatusTip(self.tr("Tạo kỳ đánh giá mới, lấy bộ tiêu chí và đơn vị từ "
                                             "sổ tính Excel"))
        self.action_new.triggered.connect(self.files.choose_new)
        file_menu.insertAction(ui.actionOpen, self.action_new)
        self.recent_menu = QMenu(self.tr("Mở &gần đây"), self)
        self.recent_menu.aboutToShow.connect(self.files.fill_recent)
        file_menu.insertMenu(self.excel.import_menu.menuAction(), self.recent_menu)
        self.action_save_copy = QAction(self.tr("&Lưu bản sao…"), self)
        self.action_save_copy.setStatusTip(self.tr("Lưu một bản sao trọn vẹn của tệp (ví dụ để "
                                                   "gửi thư điện tử)"))
        self.action_save_copy.triggered.connect(self.files.choose_save_copy)
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
             "dark": ui.actionThemeDark}, preferences.THEME, self.set_theme)
        self.language_group, self.language_actions = self._choice_group(
            {"vi": ui.actionLanguageVi, "en": ui.actionLanguageEn}, preferences.LANGUAGE,
            self.set_language)

    def _choice_group(self, actions: dict, option: preferences.Option, choose) -> tuple:
        """Exclusive menu choices (theme, language), the saved one checked."""
        group = QActionGroup(self)
        for value, action in actions.items():
            group.addAction(action)
            action.setData(value)
            action.triggered.connect(lambda _checked=False, v=value: choose(v))
        actions.get(option.get(), actions[option.default]).setChecked(True)
        return group, actions

    def _connect(self) -> None:
        ui = self.ui
        ui.actionOpen.triggered.connect(self.files.choose_file)
        ui.actionQuit.triggered.connect(self.close)
        ui.actionUndo.triggered.connect(self.undo)
        ui.actionRedo.triggered.connect(self.redo)
        ui.actionFindUnit.triggered.connect(self.scoring.focus_unit_filter)
        ui.actionSettings.triggered.connect(self.open_settings)
        ui.actionPhase.triggered.connect(self.open_phase)
        ui.actionProgress.triggered.connect(self.open_progress)
        ui.actionAnalysis.triggered.connect(lambda _checked=False: self.open_analysis())
        ui.actionCompare.triggered.connect(lambda _checked=False: self.open_compare())
        ui.actionDocumentSettings.triggered.connect(self.open_document_settings)
        for action, kind in self._report_actions():
            action.triggered.connect(lambda _checked=False, k=kind: self.open_report(k))
        ui.actionExportPackage.triggered.connect(lambda _checked=False: self.export_package())
        ui.actionExportUnitPackages.triggered.connect(
            lambda _checked=False: self.export_unit_packages())
        ui.actionMergePackages.triggered.connect(self.merge_packages)
        ui.actionSealPackage.triggered.connect(self.seal_package)
        self.dashboard.settings_requested.connect(self.open_settings)

    # -- showing and closing ----------------------------------------------------------------

    def show_placed(self) -> None:
        """Show the window where it was last on a screen of this size (maximized the first
        time on a laptop)."""
        self.layout_keeper.show()

    def showEvent(self, event: QShowEvent) -> None:
        self.layout_keeper.apply_defaults()
        super().showEvent(event)

    def save_layout(self) -> None:
        self.layout_keeper.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._leave_current():
            event.ignore()
            return
        if not self.ops.idle:  # what is typed is being written, or a long operation runs
            event.ignore()
            self._close_when_idle = True
            op = self.ops.exclusive or self.ops.running
            if self.ops.cancel_all():
                text = self.tr("{job}: đang hủy; cửa sổ sẽ đóng khi đã hủy xong, không có gì "
                               "bị ghi dở.")
            else:
                text = self.tr("{job}: việc này không dừng giữa chừng được; cửa sổ sẽ đóng khi "
                               "xong.")
            self.statusBar().showMessage(text.format(job=op.label.rstrip("…")))
            return
        if self.settings_dialog is not None:
            self.settings_dialog.reject()
        self.save_layout()
        self._close_windows()
        self.document.close()  # the file thread is idle: nothing else uses the store
        self.ops.shutdown()
        super().closeEvent(event)

    def _on_exclusive(self, _running: bool) -> None:
        self.apply_mode()  # an open, an import…: the file's state is in flux meanwhile

    def _on_busy(self, busy: bool) -> None:
        if not busy and self._close_when_idle:
            self._close_when_idle = False
            QTimer.singleShot(0, self, self.close)  # dropped if the window is gone by then

    # -- the file (parapp.ui.file_actions) -----------------------------------------------------

    def open_path(self, path: Path | str, done=None) -> bool:
        return self.files.open_path(path, done)

    def new_period(self, target: Path, province: str, year: int,
                   workbook: Path | None, last: Path | None = None) -> bool:
        return self.files.new_period(target, province, year, workbook, last)

    def save_copy(self, target: Path) -> bool:
        return self.files.save_copy(target)

    def close_file(self) -> bool:
        return self.files.close_file()

    def _leave_current(self) -> bool:
        """Commit what is typed in the editor before the file or window goes; False if the
        person chooses to stay and complete an entry the file would refuse."""
        return not self.document.is_open or self.editor.leave()

    def keep_with_file(self, window: QWidget) -> None:
        """`window` (not modal: a comparison, an analysis) shows the file shown, and goes with
        it: left open, it would save its mapping into, or export from, the next file."""
        self._file_windows.append(window)
        window.destroyed.connect(lambda *_: window in self._file_windows
                                 and self._file_windows.remove(window))

    def _close_windows(self) -> None:
        """The windows that show the file shown: they go with it."""
        for window in self._file_windows[:]:
            window.close()  # deleted on close
        self._file_windows.clear()
        if self.report_window is not None:
            from parapp.ui.report_view import close_report_window
            close_report_window(self)
        self.editor.clear()
        self.undo_stack.clear()

    def _show_empty(self) -> None:
        self.setWindowTitle("parapp")
        self.scoring.clear()
        self.overview.clear()
        self.status_label.setText(self.tr("Chưa mở tệp nào — chọn Tệp › Mở…"))
        self.apply_mode()

    def _show(self, keep: bool = False) -> None:
        """Show the document's data. With `keep`, the selected unit, criterion, expansion and
        filter stay (a re-read of the same file)."""
        data = self.document.data
        title = self.tr("parapp — {file} — {province} {year}").format(
            file=self.path.name, province=data.info.province, year=data.info.year)
        scope = data.scope
        if scope is not None:
            if scope.member:
                title += self.tr(" — gói của {member}, vòng {round}").format(
                    member=scope.member, round=scope.round)
            elif scope.round == 0:
                title += self.tr(" — gói tự đánh giá của đơn vị {unit}").format(unit=scope.unit)
            else:
                title += self.tr(" — gói giải trình của đơn vị {unit}").format(unit=scope.unit)
        if self.read_only:
            title += self.tr(" (chỉ xem)")
        self.setWindowTitle(title)
        self.setWindowFilePath(str(self.path))
        if scope is None:
            counts = self.tr("{units} đơn vị · {blocks} khối · {criteria} tiêu chí").format(
                units=len(data.units), blocks=len(data.snapshot.blocks),
                criteria=len(data.snapshot.tree.nodes))
        else:  # what the package holds, not the province it was cut from
            counts = self.tr("Gói: {units} đơn vị · {criteria} tiêu chí được giao").format(
                units=len({unit for unit, _ in scope.targets}),
                criteria=len({criterion for _, criterion in scope.targets}))
        self.status_label.setText(counts)
        self.status_label.setToolTip(data.info.title)
        self.overview.set_period()
        self.apply_mode()
        self.scoring.show_period(keep)

    def apply_mode(self) -> None:
        """Read-only or editing: what can be done, and the status bar saying which."""
        has_file = self.document.is_open
        writable = has_file and not self.document.read_only and self.ops.exclusive is None
        busy = self.ops.exclusive is not None
        self.editor.set_read_only(not writable)
        self.excel.update()
        self.ui.actionSettings.setEnabled(writable)
        self.ui.actionPhase.setEnabled(writable and self.document.package_scope is None)
        self.ui.actionProgress.setEnabled(has_file and self.document.package_scope is None)
        self.ui.actionAnalysis.setEnabled(has_file and self.document.package_scope is None)
        self.ui.actionCompare.setEnabled(has_file and self.document.package_scope is None)
        self.dashboard.settings_button.setEnabled(writable)
        self.ui.actionOpen.setEnabled(not busy)
        for action in (self.action_new, self.recent_menu.menuAction()):
            action.setEnabled(not busy)
        self.action_save_copy.setEnabled(has_file)
        package = has_file and self.document.package_scope is not None
        for action in [a for a, _kind in self._report_actions()] + [
                self.ui.actionDocumentSettings]:  # a package's part is no official result
            action.setEnabled(has_file and not package and not busy)
        # … but a unit's package gives the unit's own self-assessment report
        own = self.document.package_scope.unit if package else None
        self.ui.actionReportSelf.setEnabled(has_file and not busy and (not package or
                                                                        own is not None))
        self.action_close.setEnabled(has_file and not busy)
        # exporting records the package in the master: it writes
        self.ui.actionExportPackage.setEnabled(writable and not package and not busy)
        self.ui.actionExportUnitPackages.setEnabled(writable and not package and not busy)
        self.ui.actionMergePackages.setEnabled(writable and not package and not busy)
        self.ui.actionSealPackage.setEnabled(writable and package)
        # a package holds the member's part only: its totals and ranks are not the period's
        self.tabs.setTabEnabled(self.tabs.indexOf(self.ui.dashboardTab), not package)
        self.unit_view.setColumnHidden(U_RANK, package)
        for widget in (self.ui.rankCaption, self.ui.rankLabel, self.ui.rankChangeCaption,
                       self.ui.rankChangeLabel, self.ui.gradeCaption, self.ui.gradeLabel):
            widget.setVisible(not package)
        self.history.update_actions()
        self.show_phase()
        if not has_file:
            self._show_status(self.mode_label, "")
            self.mode_label.setToolTip("")
        elif package and self.document.package_scope.unit is not None:
            explaining = self.document.package_scope.round == 1
            self._show_status(self.mode_label, self.tr("Gói giải trình của đơn vị")
                              if explaining else self.tr("Gói tự đánh giá của đơn vị"))
            self.mode_label.setToolTip(self.tr(
                "Chỉ ghi được giải trình và tài liệu bổ sung ở các tiêu chí bị trừ điểm vòng 1. "
                "Xong thì Kỳ đánh giá › Niêm phong gói để gửi lại.") if explaining else self.tr(
                "Chỉ ghi được điểm tự đánh giá, số liệu, giải trình và tài liệu kiểm chứng của "
                "đơn vị. Xong thì Kỳ đánh giá › Niêm phong gói để gửi lại (kiểm tra những gì "
                "còn thiếu trước khi niêm phong)."))
        elif package:
            self._show_status(self.mode_label, self.tr("Gói của thành viên — chỉ phần được giao"))
            self.mode_label.setToolTip(self.tr(
                "Chỉ ghi được điểm thẩm định phần được giao; tổng điểm và xếp hạng ở đây chỉ "
                "tính phần trong gói. Xong thì Kỳ đánh giá › Niêm phong gói để gửi lại."))
        elif writable:
            self._show_status(self.mode_label, self.tr("Đang chỉnh sửa"))
            self.mode_label.setToolTip(self.tr("Mỗi điểm được ghi ngay vào tệp khi nhấn Enter "
                                               "hoặc rời ô nhập; Ctrl+Z để hoàn tác"))
        elif busy and not self.document.read_only:
            self._show_status(self.mode_label, self.tr("Tạm dừng chỉnh sửa"))
            self.mode_label.setToolTip(self.tr("Sửa lại được khi việc đang chạy xong (bên trái; "
                                               "bấm Hủy để dừng nó)"))
        else:
            reason = self.read_only_reason or self.tr("tệp mở chỉ để đọc")
            self._show_status(self.mode_label, self.tr("Chỉ xem — {who}").format(who=reason))
            self.mode_label.setToolTip(self.tr("Không sửa được điểm, không nhập được dữ liệu"))

    def show_phase(self) -> None:
        """The master's phase of the season in the status bar, with what it takes."""
        data = self.document.data
        if data is None or data.scope is not None:
            self._show_status(self.phase_label, "")
            self.phase_label.setToolTip("")
            return
        state = data.phase
        self._show_status(self.phase_label, state.describe(date.today()))
        fields = phases.open_fields(state.phase)
        if state.phase is not None and state.phase.locked:
            tip = self.tr("Kết quả đã khóa; muốn sửa phải mở lại giai đoạn trước, có ghi lý do")
        elif not fields:
            tip = ""
        else:
            tip = self.tr("Ghi được: {what}").format(what=", ".join(
                pick(*label) for f, label in phases.FIELD_LABELS.items()  # in the season's order
                if f in fields and not f.startswith("appraiser")) + (self.tr(", tài liệu kiểm chứng")
                                     if phases.evidence_open(state.phase) else ""))
        self.phase_label.setToolTip(tip)

    # -- edits, undo and redo ---------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        """Once per committed change (parapp.ui.operations): its undo step, and exactly the
        views it names brought up to date from the document's data."""
        if self.document.data is None:
            return
        if changes.undoable and changes.txn:
            self.history.push(changes)
        if changes.period:
            self._show(keep=True)
            self.show_phase()
            self.editor.reload()
            return
        for unit in changes.units:
            self.scoring.refresh_unit(unit, evidence=changes.evidence, notes=changes.notes)
            if self.editor.unit_code == unit:
                self.editor.stored_changed()

    def undo(self) -> None:
        """Sửa › Hoàn tác: the last action is written back as it was, and shown."""
        self.history.step(undo=True)

    def redo(self) -> None:
        self.history.step(undo=False)

    # -- the menus' other rooms ---------------------------------------------------------------

    def open_settings(self) -> SettingsDialog | None:
        """Kỳ đánh giá › Thiết lập xếp hạng, xếp loại (settings_dialog.SettingsSession)."""
        return self.settings_session.open()

    def open_phase(self):
        """Kỳ đánh giá › Giai đoạn…: where the season stands, and moving it on."""
        from parapp.ui.phase_dialog import open_phase_dialog
        return open_phase_dialog(self)

    def open_analysis(self):
        """Kỳ đánh giá › Điểm bị trừ ở đâu…: the analysis of the open period."""
        from parapp.ui.analysis_view import open_analysis
        return open_analysis(self)

    def open_compare(self) -> None:
        """Kỳ đánh giá › So sánh với năm trước…: shown once read (`compare_window`)."""
        from parapp.ui.compare_view import open_compare
        open_compare(self)

    def open_progress(self) -> None:
        """Kỳ đánh giá › Tiến độ…: the season at a glance."""
        from parapp.ui.progress_view import open_progress
        open_progress(self)

    def open_document_settings(self):
        """Báo cáo › Thông tin văn bản…: what the published documents print."""
        from parapp.ui.document_settings import open_document_settings
        return open_document_settings(self)

    def _report_actions(self):
        ui = self.ui
        return ((ui.actionReportDecision, "decision"), (ui.actionReportAnnex, "annex"),
                (ui.actionReportSipas, "sipas"), (ui.actionReportHeads, "heads"),
                (ui.actionReportUnit, "unit"), (ui.actionReportSelf, "self"),
                (ui.actionReportResults, "results"))

    def open_report(self, kind: str):
        """Báo cáo › …: the report window (preview, print, PDF, signing) for the open file,
        on every block (a score sheet: the unit selected here). None when no file is open."""
        if not self.document.is_open:
            return None
        from parapp.ui.report_view import open_report_window
        if not self.editor.leave():  # the report reads the file: a typed score goes in first
            return None
        return self.ops.after_writes(lambda: open_report_window(self, kind))

    def export_package(self, member: str | None = None, out: Path | str | None = None,
                       round_: int = 1) -> Path | None:
        return self.council.export_package(member, out, round_)

    def export_unit_packages(self, round_: int | None = None, block: str | None = None,
                             folder: Path | str | None = None) -> Path | None:
        return self.council.export_unit_packages(round_, block, folder)

    def merge_packages(self):
        return self.council.merge_packages()

    def seal_package(self):
        return self.council.seal_package()

    def import_excel(self, kind: str, xlsx_path: Path | str, overwrite: bool | None = None,
                     done: Callable[[ImportReport | None], None] | None = None) -> bool:
        return self.excel.import_excel(kind, xlsx_path, overwrite, done)

    def set_theme(self, name: str) -> str:
        """Hiển thị › Giao diện: applied at once and remembered."""
        name = apply_theme(name if name in THEMES else "system")
        self.theme_actions[name].setChecked(True)
        preferences.THEME.set(name)
        if self.snapshot is not None:  # colours worked out from the palette when set
            self.overview.set_period()
        self.criteria_view.viewport().update()
        self.unit_view.viewport().update()
        return name

    def set_language(self, code: str) -> None:
        """Hiển thị › Ngôn ngữ: remembered, applied at the next start."""
        code = code if code in LANGUAGES else "vi"
        self.language_actions[code].setChecked(True)
        if preferences.LANGUAGE.get() == code:
            return
        preferences.LANGUAGE.set(code)
        self.statusBar().showMessage(self.tr("Ngôn ngữ mới được áp dụng khi mở lại parapp"),
                                     8000)
