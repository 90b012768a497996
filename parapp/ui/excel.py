"""Tệp › Nhập từ Excel, Xuất Excel and Tạo mẫu Excel: the secretariat's workbooks, without a
command line.

Imports run with their progress, their preview of appraisals they would replace, and cancel
(parapp.ui.importing); an import is one undo step, after which the window shows the period read
again.

Templates and exports are the same workbooks as `parapp template` and `parapp export` (parapp.core.interchange.exporter):
import templates — the scores one holding the period's current values, for the unit selected or
for all, so that export → edit → import changes only what was edited — and the score sheets,
the summary, the whole data and the merge report. Each action asks where to save (a name from
the period and the selection, in the folder last used), writes on the window's file thread
(parapp.ui.operations), and names the file written in the status bar; an error is one line in a
message box.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from parapp.core.interchange.columns import LAYOUTS
from parapp.ui import preferences

if TYPE_CHECKING:
    from parapp.core.interchange.importer import ImportReport
    from parapp.core.store import Store
    from parapp.ui.main_window import MainWindow

Write = Callable[["Store | None", Path], Path]  # (the period, or None for a blank template; out)


def ask_workbook(parent: QWidget, caption: str, name: str, period_file: Path | None) -> Path | None:
    """Where to save a workbook, asked: `name` proposed in the folder of the last export, else
    the period file's, else the home folder, never the current folder (the program's own when
    it was started from a shortcut); ".xlsx" added when left out (Excel opens nothing else);
    the folder kept for the next time. None when cancelled."""
    folder = preferences.EXPORT_DIR.get() or (period_file.parent if period_file else Path.home())
    chosen, _ = QFileDialog.getSaveFileName(parent, caption, str(Path(folder) / f"{name}.xlsx"),
                                            QCoreApplication.translate("ExcelMenus",
                                                                       "Sổ tính Excel (*.xlsx)"))
    if not chosen:
        return None
    out = Path(chosen)
    if out.suffix.lower() != ".xlsx":
        out = out.with_name(out.name + ".xlsx")
    preferences.EXPORT_DIR.set(str(out.parent))
    return out


def _template(kind: str, unit: str | None = None) -> Write:
    def write(store: Store | None, out: Path) -> Path:
        from parapp.core.interchange.exporter import write_template
        return write_template(kind, out, store, unit)
    return write


class ExcelMenus(QObject):
    """The three menus of one window, and what their actions do."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.last_report: ImportReport | None = None  # of the last import (None: nothing)
        self.last_written: Path | None = None  # the last workbook written
        self.import_menu = QMenu(self.tr("N&hập từ Excel"), window)
        labels = {
            "criteria": self.tr("&Bộ tiêu chí…"),
            "units": self.tr("Đơn &vị…"),
            "scores": self.tr("Đ&iểm…"),
            "survey": self.tr("Kết quả &SIPAS, ĐTXHH…"),
            "survey_items": self.tr("Kết quả &khảo sát theo tiêu chí…"),
            "bonus_items": self.tr("&Danh mục điểm thưởng, điểm trừ…"),
            "adjustments": self.tr("Điểm t&hưởng, điểm trừ…"),
            "previous_units": self.tr("Đơn vị năm t&rước (sắp xếp, sáp nhập)…"),
        }
        for kind, label in labels.items():
            action = self.import_menu.addAction(label)
            action.setData(kind)
            action.setStatusTip(LAYOUTS[kind].help)
            action.triggered.connect(lambda _checked=False, k=kind: self.choose_import(k))
        self.template_menu = QMenu(self.tr("Tạo mẫu &Excel"), window)
        self.export_menu = QMenu(self.tr("&Xuất Excel"), window)
        t = self.template_menu
        self._needs: list[tuple] = []  # (action, needs a file, a unit, the period's results)
        self._add(t, self.tr("&Bộ tiêu chí…"), LAYOUTS["criteria"].help,
                  lambda: self.save_template("criteria"))
        self._add(t, self.tr("Đơn &vị…"), LAYOUTS["units"].help,
                  lambda: self.save_template("units"))
        t.addSeparator()
        self._add(
            t, self.tr("Điểm của đơn vị đang &chọn…"),
            self.tr("Mỗi tiêu chí một dòng, điền sẵn điểm, giải trình, điểm thẩm định và lý do "
                    "hiện có: sửa rồi nhập lại, chỉ những ô đã sửa được ghi"),
            self._template_of_unit, file=True, unit=True)
        self._add(t, self.tr("Điểm của &mọi đơn vị…"),
                  self.tr("Mỗi đơn vị × tiêu chí một dòng, điền sẵn giá trị hiện có"),
                  lambda: self.save_template("scores", unit=None), file=True)
        t.addSeparator()
        self._add(t, self.tr("Kết quả &SIPAS, ĐTXHH…"), LAYOUTS["survey"].help,
                  lambda: self.save_template("survey"))
        self._add(t, self.tr("Kết quả &khảo sát theo tiêu chí…"), LAYOUTS["survey_items"].help,
                  lambda: self.save_template("survey_items"))
        self._add(t, self.tr("&Danh mục điểm thưởng, điểm trừ…"), LAYOUTS["bonus_items"].help,
                  lambda: self.save_template("bonus_items"))
        self._add(t, self.tr("Điểm t&hưởng, điểm trừ…"), LAYOUTS["adjustments"].help,
                  lambda: self.save_template("adjustments"))
        self._add(t, self.tr("Đơn vị năm t&rước (sắp xếp, sáp nhập)…"),
                  self.tr("Đơn vị của kỳ trước đã liên kết và đơn vị năm nay kế thừa, điền sẵn: "
                          "sửa cột «Mã đơn vị năm nay» rồi nhập lại"),
                  lambda: self.save_template("previous_units"), file=True)

        e = self.export_menu
        self._add(
            e, self.tr("Bảng điểm của đơn vị đang &chọn…"),
            self.tr("Bảng điểm chi tiết để in: mọi tiêu chí với điểm tối đa, tự đánh giá, "
                    "thẩm định, chênh lệch và lý do"),
            lambda: self.export("scores_unit"), file=True, unit=True, official=True)
        self._add(
            e, self.tr("Bảng điểm các đơn vị cùng &khối…"),
            self.tr("Mỗi đơn vị trong khối của đơn vị đang chọn một trang"),
            lambda: self.export("scores_block"), file=True, unit=True, official=True)
        self._add(e, self.tr("&Tổng hợp theo khối…"),
                  self.tr("Mỗi khối một trang: điểm từng lĩnh vực, tổng điểm, chỉ số, xếp hạng, "
                          "xếp loại người đứng đầu"),
                  lambda: self.export("summary"), file=True, official=True)
        self._add(e, self.tr("T&oàn bộ dữ liệu…"),
                  self.tr("Mọi trang nhập liệu (tiêu chí, đơn vị, điểm, khảo sát, thưởng/trừ): "
                          "nhập lại được, hoặc dùng để tạo kỳ mới"),
                  lambda: self.export("data"), file=True)
        e.addSeparator()
        self._add(e, self.tr("Báo cáo &hợp nhất gói…"),
                  self.tr("Các lần hợp nhất gói của thành viên: thay đổi, xung đột và cách "
                          "giải quyết"),
                  lambda: self.export("merges"), file=True, official=True)
        for menu in (self.template_menu, self.export_menu):
            menu.aboutToShow.connect(self.update)

    def _add(self, menu: QMenu, label: str, tip: str, slot, file: bool = False,
             unit: bool = False, official: bool = False):
        action = menu.addAction(label)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        # official: the period's results, which a member's package does not hold
        self._needs.append((action, file, unit, official))

    def update(self) -> None:
        """What can be written now: most need an open file, some a selected unit; a member's
        package (its part only) gives no results."""
        w = self.window
        has_file = w.document.is_open
        package = has_file and w.document.package_scope is not None
        unit = has_file and bool(w.result and w.result.results)  # one is selected when any
        for action, file, needs_unit, official in self._needs:
            action.setEnabled((has_file or not file) and (unit or not needs_unit)
                              and not (package and official))
        self.export_menu.menuAction().setEnabled(has_file)
        self.import_menu.setEnabled(has_file and not w.read_only
                                     and w.ops.exclusive is None)

    # -- imports --------------------------------------------------------------------------------

    def choose_import(self, kind: str) -> None:
        w = self.window
        if w.path is None or w.read_only:
            return
        start = preferences.IMPORT_DIR.get() or str(w.path.parent)
        name, _ = QFileDialog.getOpenFileName(
            w, self.tr("Nhập «{sheet}» từ Excel").format(sheet=LAYOUTS[kind].sheet), start,
            self.tr("Sổ tính (*.xlsx *.xls *.ods)"))
        if name:
            preferences.IMPORT_DIR.set(str(Path(name).parent))
            self.import_excel(kind, name)

    def import_excel(self, kind: str, xlsx_path: Path | str, overwrite: bool | None = None,
                     done: Callable[[ImportReport | None], None] | None = None) -> bool:
        """Import one sheet into the open file (parapp.ui.importing: progress, then a summary
        or the errors); the views follow from the change it returns, and it is one undo step.
        `overwrite` None asks before replacing or keeping appraisals entered in parapp (nothing
        is written before the answer). False when it was not started; `done(report)` once it
        has ended (None: nothing imported)."""
        w = self.window
        if w.path is None or w.ops.exclusive is not None or w.read_only:
            return False
        from parapp.ui.importing import start_import
        if not w.editor.leave():
            return False
        name = Path(xlsx_path).name

        def ended(report: ImportReport | None) -> None:
            self.last_report = report
            if report is not None:
                w.statusBar().showMessage(self.tr(
                    "Đã nhập từ {file}; Ctrl+Z để hoàn tác cả lần nhập.").format(file=name),
                    15000)
            if done is not None:
                done(report)
        start_import(w, kind, xlsx_path, overwrite, ended)
        return True

    # -- templates ------------------------------------------------------------------------------

    def _template_of_unit(self) -> Path | None:
        unit = self.window.current_unit_code
        return self.save_template("scores", unit=unit) if unit else None

    def save_template(self, kind: str, unit: str | None = None) -> Path | None:
        """Tạo mẫu Excel › …: blank, but from the open file for scores (its current values, of
        `unit` or of all) and criteria (a max column per block)."""
        names = {"criteria": "mau-tieu-chi", "units": "mau-don-vi", "survey": "mau-khao-sat",
                 "survey_items": "mau-khao-sat-theo-tieu-chi",
                 "adjustments": "mau-diem-thuong-tru", "bonus_items": "mau-danh-muc-thuong-tru",
                 "scores": f"mau-diem-{unit}" if unit else "mau-diem",
                 "previous_units": "don-vi-nam-truoc"}
        from_file = kind in ("scores", "criteria", "previous_units") and \
            self.window.document.is_open
        return self._save(self.tr("Lưu mẫu Excel"), names[kind], _template(kind, unit),
                          from_file)

    # -- exports --------------------------------------------------------------------------------

    def export(self, what: str) -> Path | None:
        """Xuất Excel › …: the workbook `what` of the open file."""
        w = self.window
        unit = w.current_unit_code
        if not w.document.is_open or (unit is None and what.startswith("scores")):
            return None
        block = w.result.results[w.current_unit].unit.block if unit else None
        writers: dict[str, tuple[str, Callable[[Any, Store | None, Path], Path]]] = {
            "scores_unit": (f"bang-diem-{unit}",
                            lambda x, s, out: x.export_score_sheets(s, out, unit=unit)),
            "scores_block": (f"bang-diem-khoi-{block}",
                             lambda x, s, out: x.export_score_sheets(s, out, block=block)),
            "summary": ("tong-hop", lambda x, s, out: x.export_summary(s, out)),
            "data": ("du-lieu", lambda x, s, out: x.export_data(s, out)),
            "merges": ("bao-cao-hop-nhat", lambda x, s, out: x.export_merge_report(s, out)),
        }
        name, call = writers[what]

        def write(store: Store | None, out: Path) -> Path:
            # the exporter (and openpyxl) loaded on the file thread, not while the window waits
            from parapp.core.interchange import exporter
            return call(exporter, store, out)
        return self._save(self.tr("Xuất Excel"), name, write, True)

    # -- both -----------------------------------------------------------------------------------

    def _save(self, caption: str, name: str, write: Write, from_file: bool) -> Path | None:
        """Ask where, write off the GUI thread, say where it went."""
        w = self.window
        if w.period is not None and w.document.is_open:
            name = f"{name}-{w.period.year}"
        out = ask_workbook(w, caption, name, w.path)
        if out is None:
            return None
        if from_file and not w.editor.leave():  # a value being typed goes in first
            return None

        def work(job) -> Path:  # the document's store, on the file thread
            return write(job.store if from_file else None, out)

        def written(path: Path) -> None:
            self.last_written = path
            w.statusBar().showMessage(self.tr("Đã ghi {path}").format(path=path), 15000)
        w.ops.work(self.tr("Đang ghi {file}…").format(file=out.name), work, written)
        return out
