"""Báo cáo: preview, print, save and sign the official PDF documents of the open file.

`ReportWindow` (opened from the main window's Báo cáo menu; its layout in
forms/report_window.ui) builds one of the three documents of `parapp.core.reports` — the ranking
annex, the head classification, a unit's score sheet — for a block or a unit, shows its pages
(`parapp.ui.pdf_pages`), prints them, saves a copy and signs it (`parapp.ui.sign_dialog`).

Threads. The PDF is built on a worker thread (`TaskThread`) with its own read-only `Store`
connection (an SQLite connection belongs to the thread that made it), into a private temporary
folder; the GUI thread only waits for the outcome, so the window keeps painting.

Every failure becomes one clear message (a `ParappError`'s text), never a traceback. Message
boxes go through `show_warning` below, looked up at call time, so tests can record them.
"""
from __future__ import annotations

import contextlib
import re
import shutil
import tempfile
import unicodedata
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdfium2 import PdfiumError
from PySide6.QtCore import QCoreApplication, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QResizeEvent,
)
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QProgressDialog, QWidget

from parapp.core.errors import ParappError
from parapp.core.files import on_a_share, write_bytes
from parapp.ui import preferences
from parapp.ui.busy import TaskThread, wait_for_tasks  # noqa: F401 (waited on through here)
from parapp.ui.forms.ui_report_window import Ui_ReportWindow
from parapp.ui.pdf_pages import PAGE_GAP, render_page
from parapp.ui.sign_dialog import SignDialog, SignOutcome
from parapp.ui.sizing import fit_screen
from parapp.ui.theme import BAD_BANNER, OK_BANNER, WARNING_STYLE

KINDS = ("decision", "annex", "sipas", "heads", "unit", "self", "results")
UNIT_KINDS = ("unit", "self")  # documents of one unit: the scope is a unit, not a block
WHOLE = ("decision", "results")  # documents of every block at once, no choice of block
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
FIT_WIDTH = 0.0  # the zoom combo's "fit to width"
PRINT_DPI_MAX = 300  # pages are rendered for the printer at its resolution, at most this


def kind_title(kind: str) -> str:
    """The document's name as the menu and the window show it."""
    return {
        "decision": QCoreApplication.translate("ReportWindow", "Quyết định công bố (kèm phụ lục)"),
        "annex": QCoreApplication.translate("ReportWindow", "Phụ lục xếp hạng"),
        "sipas": QCoreApplication.translate("ReportWindow", "Phụ lục Chỉ số SIPAS"),
        "heads": QCoreApplication.translate("ReportWindow", "Xếp loại người đứng đầu"),
        "unit": QCoreApplication.translate("ReportWindow", "Thông báo kết quả thẩm định"),
        "self": QCoreApplication.translate("ReportWindow", "Báo cáo tự đánh giá của đơn vị"),
        "results": QCoreApplication.translate("ReportWindow", "Báo cáo kết quả (kèm biểu đồ)"),
    }[kind]


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    """A warning box (tests replace this: a blocking exec() would hang offscreen)."""
    from parapp.ui.importing import show_warning as warn
    warn(parent, title, text)


def slug(text: str) -> str:
    """ASCII file-name part: "Khối xã" → "khoi-xa"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "bao-cao"


def build_report(db_path: Path, kind: str, scope: str | None, out: Path) -> Path:
    """Build one document into `out` (PDF or Word by its extension) from a read-only
    connection of this thread."""
    from parapp.core.reports.decision import build_document
    from parapp.core.store import Store
    with Store.open(db_path, readonly=True) as store:  # the window's "unit" is the notice
        return build_document(store, "notice" if kind == "unit" else kind, out, scope)


# -- what the window reports on -------------------------------------------------------------------

@dataclass(frozen=True)
class ReportSource:
    """The open file as the report window needs it."""
    path: Path
    province: str
    year: int
    blocks: Sequence[tuple[str, str]]  # (code, name), in the file's order
    units: Sequence[tuple[str, str, str]]  # (code, name, block code), in the file's order
    kinds: tuple[str, ...] = KINDS  # the documents it can give

    @classmethod
    def from_main_window(cls, window) -> ReportSource:
        snapshot = window.snapshot
        scope = window.document.package_scope
        own = scope.unit if scope is not None else None  # a unit's package: its report only
        return cls(path=Path(window.path), province=window.period.province,
                   year=int(window.period.year),
                   blocks=[(b.code, b.name) for b in snapshot.blocks],
                   units=[(u.code, u.name, u.block) for u in snapshot.units
                          if own in (None, u.code)],
                   kinds=("self",) if own is not None else KINDS)

    def block_of(self, unit: str | None) -> str | None:
        return next((b for c, _n, b in self.units if c == unit), None)


# -- the window -----------------------------------------------------------------------------------

class ReportWindow(QMainWindow):
    """Preview of one official document with In…, Lưu PDF…, Ký số…"""

    built = Signal(Path)  # a new PDF is shown (the built one, or the signed one)

    def __init__(self, source: ReportSource, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.source = source
        self.kind = "annex"
        self.pdf_path: Path | None = None  # the PDF shown (temporary, or the signed output)
        self.signed: Any = None  # SignOutcome of the PDF shown, if it is a signed one
        self.error: str | None = None  # the last build's failure, shown in the window
        self.sign_dialog: SignDialog | None = None
        self._tmp = Path(tempfile.mkdtemp(prefix="parapp-report-"))
        # removed on close, and in any case when the window goes or the program ends
        self._cleanup = weakref.finalize(self, shutil.rmtree, str(self._tmp), True)
        self._generation = 0
        self._building: TaskThread | None = None
        self._word: TaskThread | None = None  # a Word draft being written
        self.saving: TaskThread | None = None  # a copy of the PDF being written (Lưu PDF…)
        self._building_generation = 0
        self._pending = False
        self._filling = False
        self._fit = True
        self._closed = False

        self.ui = ui = Ui_ReportWindow()
        ui.setupUi(self)
        # the public names (the tests and scripts/screenshots.py drive the window by these)
        self.kind_combo, self.scope_label, self.scope_combo = (ui.kindCombo, ui.scopeLabel,
                                                               ui.scopeCombo)
        self.refresh_button, self.print_button = ui.refreshButton, ui.printButton
        self.save_button, self.sign_button = ui.saveButton, ui.signButton
        self.word_button = ui.wordButton
        self.prev_button, self.next_button = ui.prevButton, ui.nextButton
        self.page_spin, self.page_count_label = ui.pageSpin, ui.pageCountLabel
        self.zoom_out_button, self.zoom_in_button = ui.zoomOutButton, ui.zoomInButton
        self.zoom_combo, self.stale_label, self.status = ui.zoomCombo, ui.staleLabel, ui.status
        self.busy_bar, self.cancel_button = ui.busyBar, ui.cancelButton
        self.banner, self.pages, self.scroll = ui.banner, ui.pages, ui.scroll

        # what the form cannot hold: choices with their data, standard shortcuts, colours
        for kind in source.kinds:
            self.kind_combo.addItem(kind_title(kind), kind)
        self.zoom_combo.addItem(self.tr("Vừa chiều rộng"), FIT_WIDTH)
        for z in ZOOMS:
            self.zoom_combo.addItem(f"{round(z * 100)} %", z)
        self.refresh_button.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.stale_label.setStyleSheet(WARNING_STYLE)
        self.scroll.setBackgroundRole(QPalette.ColorRole.Dark)

        for key, slot in ((QKeySequence.StandardKey.ZoomIn, self.zoom_in),
                          (QKeySequence.StandardKey.ZoomOut, self.zoom_out)):
            action = QAction(self)
            action.setShortcut(key)
            action.triggered.connect(slot)
            self.addAction(action)
        for key, step in ((Qt.Key.Key_PageDown, 1), (Qt.Key.Key_PageUp, -1)):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _c=False, s=step: self.go_to_page(
                self.current_page + s))
            self.addAction(action)

        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.scope_combo.currentIndexChanged.connect(self._on_scope_changed)
        self.refresh_button.clicked.connect(self.rebuild)
        self.cancel_button.clicked.connect(self.cancel_build)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_pdf)
        self.word_button.clicked.connect(self.save_word)
        self.sign_button.clicked.connect(self.open_sign_dialog)
        self.prev_button.clicked.connect(lambda: self.go_to_page(self.current_page - 1))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page + 1))
        self.page_spin.valueChanged.connect(lambda n: self.go_to_page(n - 1))
        self.zoom_combo.activated.connect(self._on_zoom_chosen)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.scroll.verticalScrollBar().valueChanged.connect(self._track_page)
        self.pages.zoom_changed.connect(lambda _z: self._track_page())

        self._build_timer = QTimer(self)
        self._build_timer.setSingleShot(True)
        self._build_timer.setInterval(120)  # scrolling through the unit list builds once
        self._build_timer.timeout.connect(self.rebuild)

        fit_screen(self, 1180, 860)
        self._update_title()
        self._set_busy(False)

    # -- choosing the document ------------------------------------------------------------------

    def set_source(self, source: ReportSource) -> None:
        self.source = source
        self._fill_scope(self.scope)

    def open_document(self, kind: str, unit: str | None = None, block: str | None = None) -> None:
        """Show `kind` for `unit` (a score sheet) or `block` (annexes; None: every block, as
        published — not the unit's block, or a one-block annex could be signed by mistake)."""
        kinds = self.source.kinds
        kind = kind if kind in kinds else ("annex" if "annex" in kinds else kinds[0])
        self._filling = True
        try:
            self.kind = kind
            self.kind_combo.setCurrentIndex(kinds.index(kind))
            self._fill_scope(unit if kind in UNIT_KINDS else block)
        finally:
            self._filling = False
        self._remembered = {"unit": unit or self._first_unit(), "block": block}
        self.rebuild()

    def _first_unit(self) -> str | None:
        return self.source.units[0][0] if self.source.units else None

    def _fill_scope(self, current: str | None) -> None:
        combo = self.scope_combo
        was = self._filling
        self._filling = True
        try:
            combo.clear()
            if self.kind in UNIT_KINDS:
                names = dict(self.source.blocks)
                order = [c for c, _n in self.source.blocks]
                units = sorted(self.source.units, key=lambda u: (
                    order.index(u[2]) if u[2] in order else len(order)))
                last = None
                for code, name, block in units:
                    if last is not None and block != last:
                        combo.insertSeparator(combo.count())
                    last = block
                    combo.addItem(f"{name} ({code})", code)
                    combo.setItemData(combo.count() - 1, names.get(block, block),
                                      Qt.ItemDataRole.ToolTipRole)
                current = current or self._first_unit()
            else:
                combo.addItem(self.tr("Tất cả các khối"), None)
                if self.kind not in WHOLE:  # documents of every block at once
                    for code, name in self.source.blocks:
                        combo.addItem(name, code)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(index, 0))
        finally:
            self._filling = was
        self._mark_scope()

    def _mark_scope(self) -> None:
        """An annex of one block is only part of what is published: said in amber where the
        block is chosen, beside the Sign button."""
        one_block = self.kind not in UNIT_KINDS and self.scope is not None
        # h and n: K is Ký số's, V the document's
        self.scope_label.setText(self.tr("Đơ&n vị:") if self.kind in UNIT_KINDS else
                                 self.tr("Chỉ k&hối:") if one_block else self.tr("K&hối:"))
        self.scope_label.setStyleSheet(WARNING_STYLE if one_block else "")
        self.scope_combo.setStyleSheet(WARNING_STYLE if one_block else "")
        self.scope_combo.setEnabled(self.kind not in WHOLE)

    @property
    def scope(self) -> str | None:
        return self.scope_combo.currentData()

    def _on_kind_changed(self, index: int) -> None:
        if self._filling or index < 0:
            return
        old = self.kind
        remembered = getattr(self, "_remembered", {})
        remembered["unit" if old in UNIT_KINDS else "block"] = self.scope
        self._remembered = remembered
        self.kind = self.source.kinds[index]
        if self.kind in UNIT_KINDS:
            self._fill_scope(remembered.get("unit"))
        else:
            self._fill_scope(remembered.get("block", self.source.block_of(remembered.get("unit"))))
        self._build_timer.start()

    def _on_scope_changed(self, _index: int) -> None:
        if not self._filling:
            self._mark_scope()
            self._build_timer.start()

    def base_name(self) -> str:
        """The file name (without its extension) the document is offered under."""
        year = self.source.year
        if self.kind == "unit":
            return f"thong-bao-ket-qua-{slug(self.scope or '')}-{year}"
        if self.kind == "self":
            return f"bao-cao-tu-danh-gia-{slug(self.scope or '')}-{year}"
        stem = {"decision": "quyet-dinh-cong-bo", "annex": "phu-luc-xep-hang",
                "sipas": "phu-luc-sipas", "heads": "xep-loai-nguoi-dung-dau",
                "results": "bao-cao-ket-qua"}[self.kind]
        return f"{stem}-{slug(self.scope)}-{year}" if self.scope else f"{stem}-{year}"

    def _update_title(self) -> None:
        scope = self.scope_combo.currentText() if self.scope_combo.count() else ""
        title = self.tr("Báo cáo — {document} — {scope} — {file}").format(
            document=kind_title(self.kind), scope=scope, file=self.source.path.name)
        if self.signed is not None:
            title += self.tr(" (đã ký số)")
        self.setWindowTitle(title)

    # -- building -------------------------------------------------------------------------------

    @Slot()
    def mark_stale(self) -> None:
        """The file changed (an edit, an undo, an import): the document shown may be out of
        date. It is not rebuilt behind the user's back (it may be the signed one)."""
        if self.pdf_path is not None or self.building:
            self.stale_label.show()

    @property
    def building(self) -> bool:
        return self._building is not None

    def rebuild(self) -> None:
        """Build the chosen document off the GUI thread; the preview follows when it is done.
        A request while a build runs is queued: the last one wins."""
        self._build_timer.stop()
        if self._building is not None:
            self._pending = True
            self._generation += 1  # the running build's result is stale
            return
        self._pending = False
        self._generation += 1
        generation = self._generation
        kind, scope = self.kind, self.scope
        self._closed = False
        self._tmp.mkdir(parents=True, exist_ok=True)  # shown again after a close
        out = self._tmp / f"{self.base_name()}-{generation}.pdf"
        db = self.source.path
        thread = TaskThread.launch(lambda: build_report(db, kind, scope, out),
                                   "parapp-report-build", self._built, self._build_failed,
                                   self._build_finished)
        self._building, self._building_generation = thread, generation
        self.stale_label.hide()
        self.error = None
        self._set_busy(True, self.tr("Đang tạo «{document}»…").format(
            document=kind_title(kind)))
        self._update_title()

    def cancel_build(self) -> None:
        """Drop the document being built (the worker finishes on its own; nothing is shown)."""
        if self._building is None:
            return
        self._generation += 1
        self._pending = False
        self.status.setText(self.tr("Đã hủy"))

    @Slot()
    def _build_finished(self) -> None:
        thread, self._building = self._building, None
        if thread is not None:
            thread.wait()
        if self._closed:  # a build that ended after the window closed may have left a file
            shutil.rmtree(self._tmp, ignore_errors=True)
            return
        if self._pending:
            self.rebuild()
        else:
            self._set_busy(False)

    @Slot(object)
    def _built(self, path: Path) -> None:
        if self._building_generation != self._generation:
            _unlink(path)
            return
        self.signed = None
        self.banner.hide()
        if self.show_pdf(path):
            self.status.setText(self.tr("%n trang", None, self.pages.page_count))

    @Slot(str)
    def _build_failed(self, message: str) -> None:
        if self._building_generation != self._generation:
            return
        self.error = message
        self.status.setText(self.tr("Không tạo được văn bản"))
        self._show_banner(self.tr("Không tạo được văn bản: {error}").format(error=message),
                          False)

    def show_pdf(self, path: Path, data: bytes | None = None) -> bool:
        """Show the PDF at `path`, whose bytes are `data` when they were read already (keeping
        the page in view when the page count is the same)."""
        try:
            if data is None:
                data = Path(path).read_bytes()
            keep = self.current_page if self.pages.page_count else 0
            old = self.pdf_path
            self.pages.set_pdf(data)
        except (OSError, PdfiumError) as err:
            self.pages.set_pdf(None)
            self.pdf_path = None
            self._show_banner(self.tr("Không đọc được tệp PDF {file}: {error}").format(
                file=Path(path).name, error=err), False)
            self._update_actions()
            return False
        self.pdf_path = Path(path)
        if old is not None and old != self.pdf_path and old.parent == self._tmp:
            _unlink(old)
        n = self.pages.page_count
        self.page_spin.setRange(1 if n else 0, n)
        self.page_count_label.setText(self.tr("/ {n}").format(n=n))
        self._apply_zoom()
        self.go_to_page(min(keep, n - 1) if n else 0)
        self._update_actions()
        self._update_title()
        self.built.emit(self.pdf_path)
        return True

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if text or busy:
            self.status.setText(text)
        self._update_actions()

    def _update_actions(self) -> None:
        ready = self.pdf_path is not None and not self.building
        for button in (self.print_button, self.sign_button):
            button.setEnabled(ready)
        self.save_button.setEnabled(ready and self.saving is None)
        self.word_button.setEnabled(not self.building and self._word is None)
        has_pages = self.pages.page_count > 0
        for w in (self.prev_button, self.next_button, self.page_spin, self.zoom_combo,
                  self.zoom_in_button, self.zoom_out_button):
            w.setEnabled(has_pages)

    def _show_banner(self, text: str, ok: bool) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(OK_BANNER if ok else BAD_BANNER)
        self.banner.show()

    # -- navigation and zoom --------------------------------------------------------------------

    @property
    def current_page(self) -> int:
        """0-based index of the page at the top of the view."""
        if not self.pages.page_count:
            return 0
        bar = self.scroll.verticalScrollBar()
        if 0 < bar.maximum() <= bar.value():  # scrolled to the end: the last page is in view
            return self.pages.page_count - 1
        return self.pages.page_at(bar.value() + PAGE_GAP)

    def go_to_page(self, index: int) -> None:
        n = self.pages.page_count
        if not n:
            return
        index = max(0, min(index, n - 1))
        self.scroll.verticalScrollBar().setValue(self.pages.page_rect(index).top() - PAGE_GAP // 2)
        self._track_page()

    def _track_page(self, *_args) -> None:
        if not self.pages.page_count:
            return
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(self.current_page + 1)
        self.page_spin.blockSignals(False)

    def _on_zoom_chosen(self, index: int) -> None:
        zoom = self.zoom_combo.itemData(index)
        self._fit = zoom == FIT_WIDTH
        self._apply_zoom(None if self._fit else zoom)

    def _apply_zoom(self, zoom: float | None = None) -> None:
        page = self.current_page
        if zoom is None:
            # the width left beside a vertical scroll bar (pages are taller than the view)
            width = (self.scroll.contentsRect().width()
                     - self.scroll.verticalScrollBar().sizeHint().width())
            zoom = self.pages.fit_width_zoom(width) if self._fit else self.pages.zoom
        self.pages.set_zoom(zoom)
        if not self._fit:
            i = min(range(len(ZOOMS)), key=lambda k: abs(ZOOMS[k] - zoom))
            if abs(ZOOMS[i] - zoom) < 1e-3:
                self.zoom_combo.setCurrentIndex(i + 1)
            else:
                self.zoom_combo.setEditText(f"{round(zoom * 100)} %")
        else:
            self.zoom_combo.setCurrentIndex(0)
        self.go_to_page(page)

    def zoom_in(self) -> None:
        self._fit = False
        zoom = self.pages.zoom
        self._apply_zoom(next((z for z in ZOOMS if z > zoom + 1e-3), ZOOMS[-1]))

    def zoom_out(self) -> None:
        self._fit = False
        zoom = self.pages.zoom
        self._apply_zoom(next((z for z in reversed(ZOOMS) if z < zoom - 1e-3), ZOOMS[0]))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit and self.pages.page_count:
            QTimer.singleShot(0, self._apply_zoom)

    # -- print, save ----------------------------------------------------------------------------

    def _printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.base_name())
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setFullPage(True)  # the PDF page carries its own margins (NĐ 30)
        if self.pages.page_count:
            w, h = self.pages.page_size(0)
            printer.setPageOrientation(QPageLayout.Orientation.Landscape if w > h
                                       else QPageLayout.Orientation.Portrait)
        return printer

    def print_document(self) -> None:
        """In…: the print dialog, then every chosen page at the printer's resolution. Not "Print
        to file": that would be a picture of the pages, not the document (Lưu PDF… saves it)."""
        if self.pdf_path is None or self.building:
            return
        if not QPrinterInfo.availablePrinterNames():
            show_warning(self, self.tr("Không có máy in"), self.tr(
                "Máy này chưa có máy in nào. Để có tệp PDF của văn bản, dùng Lưu PDF… (Ctrl+S)."))
            return
        printer = self._printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("In văn bản"))
        dialog.setMinMax(1, self.pages.page_count)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Render the chosen pages onto `printer`; returns how many were printed."""
        n = self.pages.page_count
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            pages = list(range(printer.fromPage() - 1, min(printer.toPage(), n)))
        elif printer.printRange() == QPrinter.PrintRange.CurrentPage:
            pages = [self.current_page]
        else:
            pages = list(range(n))
        if not pages:
            return 0
        printer.setFullPage(True)
        progress = QProgressDialog(self.tr("Đang in…"), self.tr("Hủy"), 0, len(pages), self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        painter = QPainter()
        done = 0
        try:
            for i, index in enumerate(pages):
                w, h = self.pages.page_size(index)
                orientation = (QPageLayout.Orientation.Landscape if w > h
                               else QPageLayout.Orientation.Portrait)
                if printer.pageLayout().orientation() != orientation:
                    printer.setPageOrientation(orientation)
                if i == 0:
                    if not painter.begin(printer):
                        show_warning(self, self.tr("Không in được"), self.tr(
                            "Không mở được máy in «{printer}».").format(
                            printer=printer.printerName() or printer.outputFileName()))
                        return 0
                elif not printer.newPage():
                    break
                progress.setValue(i)
                if progress.wasCanceled():
                    break
                paper = printer.paperRect(QPrinter.Unit.DevicePixel)
                dpi = min(printer.resolution(), PRINT_DPI_MAX)
                image = render_page(self.pages.pdf, index, dpi / 72.0)
                # fit the page on the paper, keeping its proportions (A4 on A4: exactly)
                scale = min(paper.width() / w, paper.height() / h)
                tw, th = w * scale, h * scale
                target = QRect(round((paper.width() - tw) / 2), round((paper.height() - th) / 2),
                               round(tw), round(th))
                painter.drawImage(target, image)
                done += 1
        finally:
            if painter.isActive():
                painter.end()
            progress.close()
            progress.deleteLater()
        self.statusBar().showMessage(self.tr("Đã gửi %n trang tới máy in", None, done), 8000)
        return done

    def _default_dir(self) -> Path:
        saved = preferences.REPORTS_DIR.get()
        if saved and (on_a_share(saved) or Path(saved).is_dir()):  # a share: the dialog asks
            return Path(saved)
        return self.source.path.parent

    def _remember_dir(self, path: Path) -> None:
        preferences.REPORTS_DIR.set(str(path.parent))

    def save_pdf(self) -> Path | None:
        """Lưu PDF…: a copy of the PDF shown (the signed one after signing), written off the GUI
        thread (the reports' folder is often a share). Returns where it goes."""
        if self.pdf_path is None or self.building or self.saving is not None:
            return None
        suggested = (self.pdf_path.name if self.signed is not None
                     else f"{self.base_name()}.pdf")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu văn bản PDF"), str(self._default_dir() / suggested),
            self.tr("Tài liệu PDF (*.pdf)"))
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        source = self.pdf_path
        unwritten = self.tr("Không ghi được {file}: {error}")  # the words on this thread

        def copy() -> Path:
            try:
                if target.exists() and target.resolve() == source.resolve():
                    return target  # saving the signed file onto itself: it is already there
                write_bytes(target, source.read_bytes())  # whole or not at all
            except OSError as err:
                raise ParappError(unwritten.format(file=target, error=err.strerror or err)) \
                    from None
            return target
        self.saving = TaskThread.launch(copy, "parapp-report-save", self._pdf_saved,
                                        self._save_failed, self._save_finished)
        self._update_actions()
        return target

    @Slot(object)
    def _pdf_saved(self, path: Path) -> None:
        self._remember_dir(path)
        self.statusBar().showMessage(self.tr("Đã lưu {file}").format(file=path), 8000)

    @Slot(str)
    def _save_failed(self, message: str) -> None:
        show_warning(self, self.tr("Không lưu được"), message)

    @Slot()
    def _save_finished(self) -> None:
        thread, self.saving = self.saving, None
        if thread is not None:
            thread.wait()
        self._update_actions()

    def save_word(self, target: Path | None = None) -> None:
        """Lưu bản Word…: the document chosen, as a .docx draft to edit before signing (built
        afresh from the file, off the GUI thread)."""
        if self.building or self._word is not None:
            return
        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Lưu bản Word"),
                str(self._default_dir() / f"{self.base_name()}.docx"),
                self.tr("Tài liệu Word (*.docx)"))
            if not name:
                return
            target = Path(name)
        if target.suffix.lower() != ".docx":
            target = target.with_name(target.name + ".docx")
        db, kind, scope = self.source.path, self.kind, self.scope
        self._word = TaskThread.launch(lambda: build_report(db, kind, scope, target),
                                       "parapp-report-word", self._word_saved,
                                       self._save_failed, self._word_finished)
        self._update_actions()

    @Slot(object)
    def _word_saved(self, path: Path) -> None:
        self._remember_dir(path)
        self.statusBar().showMessage(self.tr("Đã lưu {file}").format(file=path), 8000)

    @Slot()
    def _word_finished(self) -> None:
        thread, self._word = self._word, None
        if thread is not None:
            thread.wait()
        self._update_actions()

    # -- signing --------------------------------------------------------------------------------

    def open_sign_dialog(self) -> SignDialog | None:
        """Ký số…: the sign dialog (window-modal, not blocking); the signed PDF is shown after."""
        if self.pdf_path is None or self.building:
            return None
        src = self.pdf_path
        stem = src.stem if self.signed is not None else self.base_name()
        stem = stem.removesuffix("-da-ky")
        default = self._default_dir() / f"{stem}-da-ky.pdf"
        scope = self.scope_combo.currentText()
        dialog = SignDialog(src, default, self, document=f"{kind_title(self.kind)} — {scope}")
        dialog.signed.connect(self._on_signed)
        dialog.finished.connect(lambda _code: self._sign_dialog_closed(dialog))
        self.sign_dialog = dialog
        dialog.open()
        return dialog

    def _sign_dialog_closed(self, dialog: SignDialog) -> None:
        if self.sign_dialog is dialog:
            self.sign_dialog = None
        dialog.deleteLater()

    @Slot(object)
    def _on_signed(self, outcome: SignOutcome) -> None:
        path = Path(outcome.result.path)
        self._remember_dir(path)
        if not self.show_pdf(path, outcome.data):
            return
        self.signed = outcome
        self._update_title()
        lines = [self.tr("Đã ký số: {file}").format(file=path)]
        if outcome.result.warning:  # signed, but by someone else than the document names
            lines.append(outcome.result.warning)
        if outcome.verify_error:
            lines.append(self.tr("Kiểm tra chữ ký: {error}").format(error=outcome.verify_error))
        lines += [self.tr("Kiểm tra chữ ký: {summary}").format(summary=r.summary)
                  for r in outcome.reports]
        ok = bool(outcome.reports) and all(r.ok for r in outcome.reports)
        self._show_banner("\n".join(lines), ok)
        self.status.setText(self.tr("%n trang — đã ký số", None, self.pages.page_count))
        if outcome.result.warning:
            show_warning(self, self.tr("Người ký khác tên trên văn bản"), outcome.result.warning)

    # -- closing --------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self._generation += 1  # a build still running is dropped when it ends
        self._pending = False
        if self.sign_dialog is not None and self.sign_dialog.busy:
            event.ignore()  # the token session is open on the worker: let it finish
            self.status.setText(self.tr("Đang ký, chờ xong rồi đóng"))
            return
        if self.sign_dialog is not None:
            self.sign_dialog.reject()
        self.pages.set_pdf(None)
        self.pdf_path = None
        self._closed = True
        shutil.rmtree(self._tmp, ignore_errors=True)
        super().closeEvent(event)


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        Path(path).unlink()


def close_report_window(main) -> None:
    """Close the main window's report window (its file is being closed). A window still
    signing stays open until the signature is written (its PDF is its own)."""
    import shiboken6
    window = getattr(main, "report_window", None)
    if window is None or not shiboken6.isValid(window):
        main.report_window = None
        return
    if window.close():
        main.report_window = None
        window.deleteLater()


def open_report_window(main, kind: str) -> ReportWindow | None:
    """The main window's Báo cáo › … : one report window per main window, on its open file,
    showing `kind` for every block, or the score sheet of the unit selected there."""
    if getattr(main, "store", None) is None or main.path is None or main.snapshot is None:
        return None
    source = ReportSource.from_main_window(main)
    window = getattr(main, "report_window", None)
    import shiboken6
    if window is not None and (not shiboken6.isValid(window) or window.source.path != source.path
                               or not window.isVisible()):
        if shiboken6.isValid(window):
            window.close()
            window.deleteLater()
        window = None
    if window is None:
        window = ReportWindow(source, main)
        main.report_window = window
        stack = getattr(main, "undo_stack", None)
        if stack is not None:  # every committed change of the file is a step on it
            stack.indexChanged.connect(window.mark_stale)
    else:
        window.set_source(source)
    unit = main.current_unit_code
    window.open_document(kind, unit=unit)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
