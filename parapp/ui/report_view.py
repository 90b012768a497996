"""Báo cáo: preview, print, save and sign the official PDF documents of the open file.

`ReportWindow` (opened from the main window's Báo cáo menu) builds one of the three documents of
`parapp.core.reports` — the ranking annex, the head classification, a unit's score sheet — for a
block or a unit, shows its pages, prints them, saves a copy and signs it.

Threads. The PDF is built on a worker thread (`TaskThread`) with its own read-only `Store`
connection (an SQLite connection belongs to the thread that made it), into a private temporary
folder; the GUI thread only waits for the outcome, so the window keeps painting. Signing and
verifying run on a worker thread too: pyHanko calls `asyncio.run` inside, which needs a thread
without a running event loop. Pages are rendered with PDFium (QtPdf is not in
PySide6-Essentials) on the GUI thread only — PDFium is not thread-safe, and the score editor's
evidence preview uses it there too — lazily, only the pages in view, a few milliseconds each.

Secrets. The PKCS#12 passphrase or the token PIN is typed into a password field of `SignDialog`,
taken out of the field when signing starts, handed to the worker and dropped after the key is
opened; it is never written to QSettings or anywhere else. A token's PIN state is read before the
PIN is asked for: the warning (last attempt, earlier wrong PINs) is shown above the PIN field,
and a locked token is refused, as is one whose certificate may not sign (expired, not yet valid,
not for signing: read from the token without the PIN). A PKCS#12 file with such a certificate is
refused once its passphrase opens it, and Ký stays disabled until another file is chosen.

Every failure becomes one clear message (a `ParappError`'s text), never a traceback. Message
boxes go through `show_warning` below, looked up at call time, so tests can record them.
"""
from __future__ import annotations

import logging
import re
import shutil
import tempfile
import unicodedata
import weakref
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRect,
    QSize,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from parapp import logs
from parapp.core.errors import ParappError
from parapp.ui import app_settings
from parapp.ui.sizing import fit_screen

log = logging.getLogger(__name__)

KINDS = ("annex", "heads", "unit")
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
FIT_WIDTH = 0.0  # the zoom combo's "fit to width"
PRINT_DPI_MAX = 300  # pages are rendered for the printer at its resolution, at most this
PAGE_GAP = 14  # pixels between pages in the preview
CACHE_PAGES = 16
ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5300; font-weight: bold;"
OK_BANNER = "background: #e6f4ea; color: #0b5d1e; border: 1px solid #8cc79b; padding: 6px;"
BAD_BANNER = "background: #fdecea; color: #8a1c14; border: 1px solid #e6a39d; padding: 6px;"


def kind_title(kind: str) -> str:
    """The document's name as the menu and the window show it."""
    return {
        "annex": QCoreApplication.translate("ReportWindow", "Phụ lục xếp hạng"),
        "heads": QCoreApplication.translate("ReportWindow", "Xếp loại người đứng đầu"),
        "unit": QCoreApplication.translate("ReportWindow", "Bảng điểm đơn vị"),
    }[kind]


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    """A warning box (tests replace this: a blocking exec() would hang offscreen)."""
    from parapp.ui.importing import show_warning as warn
    warn(parent, title, text)


def ask_overwrite(parent: QWidget | None, path: Path) -> bool:
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("SignDialog", "Ghi đè tệp?"),
        QCoreApplication.translate("SignDialog", "Tệp {file} đã có. Ghi đè?").format(
            file=path), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def slug(text: str) -> str:
    """ASCII file-name part: "Khối xã" → "khoi-xa"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "bao-cao"


# -- worker threads -------------------------------------------------------------------------------

def _unexpected(err: Exception) -> str:
    return QCoreApplication.translate(
        "ReportWindow", "Lỗi không mong đợi: {error}").format(error=f"{type(err).__name__}: {err}")


class TaskThread(QThread):
    """Runs `fn()` on its own thread; emits `succeeded(value)` or `failed(message)`.

    A ParappError becomes its message; anything else becomes a one-line message. Both are
    logged, with the duration (and the traceback of anything else).
    The thread object stays referenced (in `_LIVE`) until it has finished, so closing a window
    while its work runs never destroys a running QThread."""

    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, fn: Callable[[], Any], name: str = "parapp-report"):
        super().__init__()
        self._fn = fn
        self.error: ParappError | None = None  # the failure, for a caller that tells them apart
        self.setObjectName(name)

    def run(self) -> None:  # on the worker thread
        fn, self._fn = self._fn, None  # drop the closure (it may hold a passphrase)
        try:
            with logs.timed(self.objectName().removeprefix("parapp-"), log):  # and its error
                value = fn()
        except ParappError as err:
            self.error = err
            self.failed.emit(str(err))
            return
        except Exception as err:
            self.failed.emit(_unexpected(err))
            return
        finally:
            del fn
        self.succeeded.emit(value)

    def start_kept(self) -> None:
        _keeper().keep(self)
        self.start()


class _Keeper(QObject):
    """Holds running threads until they finish (lives on the GUI thread)."""

    def __init__(self):
        super().__init__()
        self.live: set[QThread] = set()

    def keep(self, thread: QThread) -> None:
        self.live.add(thread)
        thread.finished.connect(self._done)

    @Slot()
    def _done(self) -> None:
        for thread in [t for t in self.live if t.isFinished()]:
            thread.wait()
            self.live.discard(thread)


_KEEPER: _Keeper | None = None


def _keeper() -> _Keeper:
    global _KEEPER
    if _KEEPER is None:
        _KEEPER = _Keeper()
    return _KEEPER


def wait_for_tasks(timeout_ms: int = 30000) -> None:
    """Wait until every report task has finished (tests, application exit)."""
    for thread in list(_keeper().live):
        thread.wait(timeout_ms)


def build_report(db_path: Path, kind: str, scope: str | None, out: Path) -> Path:
    """Build one document into `out` from a read-only connection of this thread."""
    from parapp.core.store import Store
    with Store.open(db_path, readonly=True) as store:
        if kind == "annex":
            from parapp.core.reports.annex import build_annex
            return build_annex(store, out, scope)
        if kind == "heads":
            from parapp.core.reports.heads import build_heads
            return build_heads(store, out, scope)
        from parapp.core.reports.unit_sheet import build_unit_sheet
        if not scope:
            raise ParappError("Bảng điểm cần chọn một đơn vị", "A score sheet needs a unit")
        return build_unit_sheet(store, out, scope)


# -- the pages ------------------------------------------------------------------------------------

def render_page(pdf: pdfium.PdfDocument, index: int, scale: float) -> QImage:
    """Page `index` as an RGB image, `scale` pixels per point (GUI thread only)."""
    page = pdf[index]
    try:
        bitmap = page.render(scale=scale, rev_byteorder=True)
        fmt = (QImage.Format.Format_RGBA8888 if bitmap.n_channels == 4
               else QImage.Format.Format_RGB888)
        image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                       fmt).copy()  # own the pixels
        bitmap.close()
        return image
    finally:
        page.close()


class PageView(QWidget):
    """The pages of one PDF stacked vertically, drawn as they come into view."""

    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._pdf: pdfium.PdfDocument | None = None
        self._data: bytes | None = None
        self._sizes: list[tuple[float, float]] = []  # points
        self._rects: list[QRect] = []
        self._zoom = 1.0
        self._cache: OrderedDict[int, QImage] = OrderedDict()
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setBackgroundRole(QPalette.ColorRole.Dark)

    # document
    def set_pdf(self, data: bytes | None) -> None:
        self.close_pdf()
        if data is not None:
            self._data = data  # PDFium reads from these bytes: keep them alive
            self._pdf = pdfium.PdfDocument(data)
            self._pdf.init_forms()  # else the signature's appearance (a form widget) is not drawn
            self._sizes = [self._pdf.get_page_size(i) for i in range(len(self._pdf))]
        self._layout()

    def close_pdf(self) -> None:
        self._cache.clear()
        if self._pdf is not None:
            self._pdf.close()
        self._pdf, self._data, self._sizes = None, None, []

    @property
    def page_count(self) -> int:
        return len(self._sizes)

    def page_size(self, index: int) -> tuple[float, float]:
        return self._sizes[index]

    @property
    def pdf(self) -> pdfium.PdfDocument | None:
        return self._pdf

    # zoom
    @property
    def zoom(self) -> float:
        return self._zoom

    def pixels_per_point(self) -> float:
        return self.logicalDpiX() / 72.0 * self._zoom

    def set_zoom(self, zoom: float) -> None:
        zoom = max(0.1, min(zoom, 6.0))
        if abs(zoom - self._zoom) < 1e-6:
            return
        self._zoom = zoom
        self._layout()
        self.zoom_changed.emit(zoom)

    def fit_width_zoom(self, width: int) -> float:
        if not self._sizes:
            return self._zoom
        widest = max(w for w, _h in self._sizes)
        return max(0.1, (width - 2 * PAGE_GAP) / (widest * self.logicalDpiX() / 72.0))

    def _layout(self) -> None:
        self._cache.clear()
        ppp = self.pixels_per_point()
        self._rects = []
        widest = max((round(w * ppp) for w, _h in self._sizes), default=0)
        y = PAGE_GAP
        for w, h in self._sizes:
            pw, ph = round(w * ppp), round(h * ppp)
            self._rects.append(QRect(PAGE_GAP + (widest - pw) // 2, y, pw, ph))
            y += ph + PAGE_GAP
        self.resize(widest + 2 * PAGE_GAP if self._sizes else 0, y if self._sizes else 0)
        self.update()

    def page_rect(self, index: int) -> QRect:
        return self._rects[index]

    def page_at(self, y: int) -> int:
        """The page shown at height `y` (0-based), or the one just above."""
        for i, rect in enumerate(self._rects):
            if y < rect.bottom() + PAGE_GAP:
                return i
        return max(0, len(self._rects) - 1)

    def image(self, index: int) -> QImage:
        """Page `index` at the current zoom, for this screen's pixel ratio (cached)."""
        image = self._cache.get(index)
        if image is None:
            ratio = self.devicePixelRatioF()
            image = render_page(self._pdf, index, self.pixels_per_point() * ratio)
            image.setDevicePixelRatio(ratio)
            self._cache[index] = image
            while len(self._cache) > CACHE_PAGES:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(index)
        return image

    def sizeHint(self) -> QSize:
        return self.size()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().color(QPalette.ColorRole.Dark))
        if self._pdf is not None:
            shadow = QColor(0, 0, 0, 60)
            for i, rect in enumerate(self._rects):
                if not rect.adjusted(-2, -2, 4, 4).intersects(event.rect()):
                    continue
                painter.fillRect(rect.translated(3, 3), shadow)
                try:
                    painter.drawImage(rect.topLeft(), self.image(i))
                except (pdfium.PdfiumError, ValueError):
                    painter.fillRect(rect, Qt.GlobalColor.white)
                painter.setPen(QPen(QColor(0, 0, 0, 90), 1))
                painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.end()


# -- what the window reports on -------------------------------------------------------------------

@dataclass(frozen=True)
class ReportSource:
    """The open file as the report window needs it."""
    path: Path
    province: str
    year: int
    blocks: Sequence[tuple[str, str]]  # (code, name), in the file's order
    units: Sequence[tuple[str, str, str]]  # (code, name, block code), in the file's order

    @classmethod
    def from_main_window(cls, window) -> ReportSource:
        snapshot = window.snapshot
        return cls(path=Path(window.path), province=window.period.province,
                   year=int(window.period.year),
                   blocks=[(b.code, b.name) for b in snapshot.blocks],
                   units=[(u.code, u.name, u.block) for u in snapshot.units])

    def block_of(self, unit: str | None) -> str | None:
        return next((b for c, _n, b in self.units if c == unit), None)


@dataclass(frozen=True)
class SignOutcome:
    result: Any  # signing.SignResult
    reports: list  # signing.SignatureReport, from verify_pdf on the output
    verify_error: str | None


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
        self._building_generation = 0
        self._pending = False
        self._filling = False
        self._fit = True
        self._closed = False

        central = QWidget(self)
        self.setCentralWidget(central)
        top = QHBoxLayout()
        self.kind_combo = QComboBox(self)
        for kind in KINDS:
            self.kind_combo.addItem(kind_title(kind), kind)
        self.scope_label = QLabel(self)
        self.scope_combo = QComboBox(self)
        self.scope_combo.setMinimumContentsLength(28)
        self.scope_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.refresh_button = QPushButton(self.tr("Làm &mới"), self)
        self.refresh_button.setToolTip(self.tr("Tạo lại văn bản từ dữ liệu hiện tại của tệp (F5)"))
        self.refresh_button.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.print_button = QPushButton(self.tr("&In…"), self)
        self.save_button = QPushButton(self.tr("&Lưu PDF…"), self)
        self.sign_button = QPushButton(self.tr("&Ký số…"), self)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.print_button.setToolTip(self.tr("In văn bản ra máy in (Ctrl+P)"))
        self.save_button.setToolTip(self.tr("Lưu bản PDF của văn bản đang xem (Ctrl+S)"))
        self.sign_button.setToolTip(self.tr("Ký số văn bản bằng tệp khóa PKCS#12 hoặc thiết bị "
                                            "ký số USB"))
        kind_label = QLabel(self.tr("&Văn bản:"), self)
        kind_label.setBuddy(self.kind_combo)
        self.scope_label.setBuddy(self.scope_combo)
        top.addWidget(kind_label)
        top.addWidget(self.kind_combo)
        top.addSpacing(8)
        top.addWidget(self.scope_label)
        top.addWidget(self.scope_combo, 1)
        top.addWidget(self.refresh_button)
        top.addSpacing(16)
        top.addWidget(self.print_button)
        top.addWidget(self.save_button)
        top.addWidget(self.sign_button)

        nav = QHBoxLayout()
        self.prev_button = QToolButton(self)
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("Trang trước (Page Up)"))
        self.next_button = QToolButton(self)
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Trang sau (Page Down)"))
        self.page_spin = QSpinBox(self)
        self.page_spin.setRange(0, 0)
        self.page_spin.setKeyboardTracking(False)
        self.page_count_label = QLabel(self)
        self.zoom_out_button = QToolButton(self)
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setToolTip(self.tr("Thu nhỏ (Ctrl+-)"))
        self.zoom_in_button = QToolButton(self)
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setToolTip(self.tr("Phóng to (Ctrl++)"))
        self.zoom_combo = QComboBox(self)
        self.zoom_combo.addItem(self.tr("Vừa chiều rộng"), FIT_WIDTH)
        for z in ZOOMS:
            self.zoom_combo.addItem(f"{round(z * 100)} %", z)
        page_label = QLabel(self.tr("Trang:"), self)
        page_label.setBuddy(self.page_spin)
        nav.addWidget(page_label)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.page_spin)
        nav.addWidget(self.page_count_label)
        nav.addWidget(self.next_button)
        nav.addSpacing(16)
        zoom_label = QLabel(self.tr("Thu phóng:"), self)
        zoom_label.setBuddy(self.zoom_combo)
        nav.addWidget(zoom_label)
        nav.addWidget(self.zoom_out_button)
        nav.addWidget(self.zoom_combo)
        nav.addWidget(self.zoom_in_button)
        nav.addStretch(1)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(140)
        self.busy_bar.setTextVisible(False)
        self.status = QLabel(self)
        self.stale_label = QLabel(self.tr("Dữ liệu đã thay đổi — bấm Làm mới (F5)"), self)
        self.stale_label.setStyleSheet(WARNING_STYLE)
        self.stale_label.setToolTip(self.tr("Điểm hoặc thiết lập đã được sửa sau khi văn bản "
                                            "này được tạo"))
        self.stale_label.hide()
        self.cancel_button = QPushButton(self.tr("Hủy"), self)
        self.cancel_button.setToolTip(self.tr("Bỏ văn bản đang tạo"))
        nav.addWidget(self.stale_label)
        nav.addWidget(self.status)
        nav.addWidget(self.busy_bar)
        nav.addWidget(self.cancel_button)

        self.banner = QLabel(self)  # the signature check, or why the document is missing
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()

        self.pages = PageView(self)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.pages)
        self.scroll.setWidgetResizable(False)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll.setBackgroundRole(QPalette.ColorRole.Dark)

        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addLayout(nav)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll, 1)

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
        kind = kind if kind in KINDS else "annex"
        self._filling = True
        try:
            self.kind = kind
            self.kind_combo.setCurrentIndex(KINDS.index(kind))
            self._fill_scope(unit if kind == "unit" else block)
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
            if self.kind == "unit":
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
        one_block = self.kind != "unit" and self.scope is not None
        self.scope_label.setText(self.tr("Đơn &vị:") if self.kind == "unit" else
                                 self.tr("Chỉ &khối:") if one_block else self.tr("&Khối:"))
        self.scope_label.setStyleSheet(WARNING_STYLE if one_block else "")
        self.scope_combo.setStyleSheet(WARNING_STYLE if one_block else "")

    @property
    def scope(self) -> str | None:
        return self.scope_combo.currentData()

    def _on_kind_changed(self, index: int) -> None:
        if self._filling or index < 0:
            return
        old = self.kind
        remembered = getattr(self, "_remembered", {})
        remembered["unit" if old == "unit" else "block"] = self.scope
        self._remembered = remembered
        self.kind = KINDS[index]
        if self.kind == "unit":
            self._fill_scope(remembered.get("unit"))
        else:
            self._fill_scope(remembered.get("block", self.source.block_of(remembered.get("unit"))))
        self._build_timer.start()

    def _on_scope_changed(self, _index: int) -> None:
        if not self._filling:
            self._mark_scope()
            self._build_timer.start()

    def base_name(self) -> str:
        """The file name (without .pdf) the document is offered under."""
        year = self.source.year
        if self.kind == "unit":
            return f"bang-diem-{slug(self.scope or '')}-{year}"
        stem = "phu-luc-xep-hang" if self.kind == "annex" else "xep-loai-nguoi-dung-dau"
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
        thread = TaskThread(lambda: build_report(db, kind, scope, out), "parapp-report-build")
        thread.succeeded.connect(self._built)
        thread.failed.connect(self._build_failed)
        thread.finished.connect(self._build_finished)
        self._building, self._building_generation = thread, generation
        self.stale_label.hide()
        self.error = None
        self._set_busy(True, self.tr("Đang tạo «{document}»…").format(
            document=kind_title(kind)))
        self._update_title()
        thread.start_kept()

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
            self.status.setText(self.tr("{n} trang").format(n=self.pages.page_count))

    @Slot(str)
    def _build_failed(self, message: str) -> None:
        if self._building_generation != self._generation:
            return
        self.error = message
        self.status.setText(self.tr("Không tạo được văn bản"))
        self._show_banner(self.tr("Không tạo được văn bản: {error}").format(error=message),
                          False)

    def show_pdf(self, path: Path) -> bool:
        """Show the PDF at `path` (keeping the page in view when the page count is the same)."""
        try:
            data = Path(path).read_bytes()
            keep = self.current_page if self.pages.page_count else 0
            old = self.pdf_path
            self.pages.set_pdf(data)
        except (OSError, pdfium.PdfiumError) as err:
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
        for button in (self.print_button, self.save_button, self.sign_button):
            button.setEnabled(ready)
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
        self.statusBar().showMessage(self.tr("Đã gửi {n} trang tới máy in").format(n=done),
                                     8000)
        return done

    def _default_dir(self) -> Path:
        saved = app_settings().value("reports/dir")
        if saved and Path(str(saved)).is_dir():
            return Path(str(saved))
        return self.source.path.parent

    def _remember_dir(self, path: Path) -> None:
        settings = app_settings()
        settings.setValue("reports/dir", str(path.parent))
        settings.sync()

    def save_pdf(self) -> Path | None:
        """Lưu PDF…: a copy of the PDF shown (the signed one after signing)."""
        if self.pdf_path is None or self.building:
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
        try:
            if target.exists() and target.resolve() == self.pdf_path.resolve():
                return target  # saving the signed file onto itself: it is already there
            shutil.copyfile(self.pdf_path, target)
        except OSError as err:
            show_warning(self, self.tr("Không lưu được"), self.tr(
                "Không ghi được {file}: {error}").format(file=target,
                                                        error=err.strerror or err))
            return None
        self._remember_dir(target)
        self.statusBar().showMessage(self.tr("Đã lưu {file}").format(file=target), 8000)
        return target

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
        if not self.show_pdf(path):
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
        self.status.setText(self.tr("{n} trang — đã ký số").format(n=self.pages.page_count))
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
    try:
        Path(path).unlink()
    except OSError:
        pass


# -- the sign dialog ------------------------------------------------------------------------------

class SignDialog(QDialog):
    """Sign the PDF shown: a PKCS#12 file and its passphrase, or a PKCS#11 token and its PIN;
    optional signature and seal images; where to write the signed copy.

    Signing and verifying run on a worker; the dialog stays open on failure (the message under
    the fields, the secret field emptied) and closes after `signed(outcome)` on success."""

    signed = Signal(object)  # SignOutcome

    def __init__(self, src: Path, default_out: Path, parent: QWidget | None = None,
                 document: str | None = None):
        super().__init__(parent)
        self.src = Path(src)
        self.setWindowTitle(self.tr("Ký số văn bản"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.outcome: SignOutcome | None = None
        self.busy = False
        self._tokens: list = []
        self._refusals: dict[str, str] = {}  # token label: why its certificate may not sign
        self._blocked = False  # the chosen token may not be asked for its PIN
        self._refused_key: str | None = None  # a PKCS#12 file whose certificate may not sign
        self._task: TaskThread | None = None
        self._token_task: TaskThread | None = None
        settings = app_settings()

        self.p12_radio = QRadioButton(self.tr("Tệp khóa &PKCS#12 (.p12, .pfx)"), self)
        self.p11_radio = QRadioButton(self.tr("Thiết bị ký số &USB (PKCS#11)"), self)
        group = QButtonGroup(self)
        group.addButton(self.p12_radio)
        group.addButton(self.p11_radio)
        self.stack = QStackedWidget(self)

        p12 = QWidget(self)
        self.p12_edit = QLineEdit(str(settings.value("signing/pkcs12") or ""), p12)
        self.p12_edit.setPlaceholderText(self.tr("Tệp .p12 hoặc .pfx chứa khóa và chứng thư số"))
        self.passphrase_edit = QLineEdit(p12)
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setPlaceholderText(self.tr("Không lưu lại; để trống nếu tệp "
                                                        "không có mật khẩu"))
        form = QFormLayout(p12)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Tệp khóa:"), self._with_browse(self.p12_edit, self._browse_p12))
        form.addRow(self.tr("Mật khẩu:"), self.passphrase_edit)
        self.stack.addWidget(p12)

        p11 = QWidget(self)
        self.library_edit = QLineEdit(str(settings.value("signing/pkcs11_lib") or ""), p11)
        self.library_edit.setPlaceholderText(self.tr("Thư viện PKCS#11 của thiết bị (.so, .dll, "
                                                     ".dylib)"))
        self.token_combo = QComboBox(p11)
        self.find_button = QPushButton(self.tr("Tìm thiết bị"), p11)
        self.pin_warning = QLabel(p11)  # shown before the PIN field is used
        self.pin_warning.setWordWrap(True)
        self.pin_warning.hide()
        self.pin_edit = QLineEdit(p11)
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setPlaceholderText(self.tr("Không lưu lại"))
        token_row = QHBoxLayout()
        token_row.addWidget(self.token_combo, 1)
        token_row.addWidget(self.find_button)
        form = QFormLayout(p11)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Thư viện:"), self._with_browse(self.library_edit,
                                                            self._browse_library))
        form.addRow(self.tr("Thiết bị:"), token_row)
        form.addRow(self.pin_warning)
        form.addRow(self.tr("Mã PIN:"), self.pin_edit)
        self.stack.addWidget(p11)

        look = QGroupBox(self.tr("Hình thức chữ ký (không bắt buộc)"), self)
        self.signature_edit = QLineEdit(str(settings.value("signing/signature_image") or ""),
                                        look)
        self.signature_edit.setPlaceholderText(self.tr("Ảnh chữ ký (PNG, JPEG)"))
        self.seal_edit = QLineEdit(str(settings.value("signing/seal_image") or ""), look)
        self.seal_edit.setPlaceholderText(self.tr("Ảnh con dấu (PNG, JPEG)"))
        form = QFormLayout(look)
        form.addRow(self.tr("Ảnh chữ ký:"), self._with_browse(
            self.signature_edit, lambda: self._browse_image(self.signature_edit)))
        form.addRow(self.tr("Ảnh con dấu:"), self._with_browse(
            self.seal_edit, lambda: self._browse_image(self.seal_edit)))

        self.output_edit = QLineEdit(str(default_out), self)
        self.trust_edit = QLineEdit(str(settings.value("signing/trust_roots") or ""), self)
        self.trust_edit.setPlaceholderText(self.tr("Không bắt buộc (PEM, DER; cách nhau bởi ;)"))
        self.trust_edit.setToolTip(self.tr("Tệp chứng thư gốc dùng để kiểm tra độ tin cậy của "
                                           "chữ ký sau khi ký; nhiều tệp cách nhau bởi dấu ;"))
        out_form = QFormLayout()
        out_form.addRow(self.tr("Chứng thư gốc tin cậy:"), self._with_browse(
            self.trust_edit, self._browse_roots))
        out_form.addRow(self.tr("Lưu bản đã ký:"), self._with_browse(self.output_edit,
                                                                     self._browse_output))

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Ký"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        self.buttons.accepted.connect(self.start_signing)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Văn bản: {file}").format(file=document or self.src.name), self)
        title.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(self.p12_radio)
        layout.addWidget(self.p11_radio)
        layout.addWidget(self.stack)
        layout.addWidget(look)
        layout.addLayout(out_form)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

        self.p12_radio.toggled.connect(lambda on: self._set_mode("pkcs12" if on else "pkcs11"))
        self.find_button.clicked.connect(self.find_tokens)
        self.p12_edit.textChanged.connect(self._key_file_changed)
        self.library_edit.editingFinished.connect(self._library_entered)
        self.token_combo.currentIndexChanged.connect(self._on_token_changed)
        mode = str(settings.value("signing/mode") or "pkcs12")
        (self.p11_radio if mode == "pkcs11" else self.p12_radio).setChecked(True)
        self._set_mode(mode)

    def _with_browse(self, edit: QLineEdit, browse: Callable[[], None]) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        button = QPushButton(self.tr("Chọn…"), self)
        button.clicked.connect(browse)
        row.addWidget(button)
        return row

    @property
    def mode(self) -> str:
        return "pkcs12" if self.p12_radio.isChecked() else "pkcs11"

    def _set_mode(self, mode: str) -> None:
        current = 0 if mode == "pkcs12" else 1
        self.stack.setCurrentIndex(current)
        for i in range(self.stack.count()):  # the stack as tall as the page shown
            policy = QSizePolicy.Policy.Preferred if i == current else QSizePolicy.Policy.Ignored
            self.stack.widget(i).setSizePolicy(policy, policy)
        self.stack.adjustSize()
        self.adjustSize()
        if mode == "pkcs11" and not self._tokens and Path(self.library_edit.text()).is_file():
            self.find_tokens()
        self._update_ok()

    # browsing
    def _browse_p12(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp khóa"), self.p12_edit.text(),
                                              self.tr("Tệp khóa PKCS#12 (*.p12 *.pfx)"))
        if name:
            self.p12_edit.setText(name)

    def _browse_library(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn thư viện PKCS#11"), self.library_edit.text(),
            self.tr("Thư viện (*.so *.dll *.dylib);;Mọi tệp (*)"))
        if name:
            self.library_edit.setText(name)
            self.find_tokens()

    def _browse_image(self, edit: QLineEdit) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn ảnh"), edit.text(),
                                              self.tr("Ảnh (*.png *.jpg *.jpeg)"))
        if name:
            edit.setText(name)

    def _browse_roots(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Chọn chứng thư gốc tin cậy"), "",
            self.tr("Chứng thư số (*.pem *.crt *.cer *.der);;Mọi tệp (*)"))
        if names:
            self.trust_edit.setText(";".join(names))

    def _browse_output(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu bản đã ký"),
                                              self.output_edit.text(),
                                              self.tr("Tài liệu PDF (*.pdf)"))
        if name:
            self.output_edit.setText(name)

    # tokens
    def _library_entered(self) -> None:
        if self.mode == "pkcs11" and self.library_edit.text().strip():
            self.find_tokens()

    def find_tokens(self) -> None:
        """List the tokens of the library and check their certificates (no login) on a worker
        thread."""
        library = self.library_edit.text().strip()
        if not library or self._token_task is not None:
            return
        from parapp.core import signing

        def find() -> list:
            found = []
            for status in signing.list_tokens(library):
                try:
                    refused = signing.token_certificate_refusal(library, status.label)
                except ParappError:  # unreadable now: checked again when signing
                    refused = None
                found.append((status, str(refused) if refused else None))
            return found

        self.find_button.setEnabled(False)
        self.token_combo.clear()
        self._tokens = []
        self._show_message("")
        task = TaskThread(find, "parapp-tokens")
        task.succeeded.connect(self._tokens_found)
        task.failed.connect(self._tokens_failed)
        task.finished.connect(self._token_task_done)
        self._token_task = task
        task.start_kept()

    @Slot()
    def _token_task_done(self) -> None:
        task, self._token_task = self._token_task, None
        if task is not None:
            task.wait()
        self.find_button.setEnabled(True)

    @Slot(object)
    def _tokens_found(self, found: list) -> None:
        self._tokens = [status for status, _refused in found]
        self._refusals = {status.label: refused for status, refused in found if refused}
        self.token_combo.blockSignals(True)
        self.token_combo.clear()
        for t in self._tokens:
            detail = " ".join(x for x in (t.manufacturer, t.model) if x)
            self.token_combo.addItem(f"{t.label} — {detail} ({t.serial})" if detail
                                     else t.label, t.label)
        self.token_combo.blockSignals(False)
        if not self._tokens:
            self._show_message(self.tr("Không thấy thiết bị ký số nào (đã cắm thiết bị chưa?)"))
        self._on_token_changed(self.token_combo.currentIndex())

    @Slot(str)
    def _tokens_failed(self, message: str) -> None:
        self._show_message(message)
        self._on_token_changed(-1)

    def _on_token_changed(self, index: int) -> None:
        """Tell the token's PIN state before the PIN is typed; refuse a locked token, and one
        whose certificate may not sign."""
        from parapp.core import signing
        status = self._tokens[index] if 0 <= index < len(self._tokens) else None
        self.pin_warning.hide()
        self.pin_edit.setEnabled(status is not None)
        self.pin_edit.setPlaceholderText(self.tr("Không lưu lại"))
        self._blocked = False
        if status is not None:
            try:
                warning = signing.check_pin(status)
            except ParappError as err:
                warning, self._blocked = str(err), True
            if not self._blocked and status.label in self._refusals:
                warning, self._blocked = self._refusals[status.label], True
            if self._blocked:
                self.pin_edit.setEnabled(False)
            if warning:
                self.pin_warning.setText(warning)
                self.pin_warning.setStyleSheet(ERROR_STYLE if self._blocked else WARNING_STYLE)
                self.pin_warning.show()
            if status.protected_authentication_path and not self._blocked:
                self.pin_edit.setEnabled(False)
                self.pin_edit.setPlaceholderText(self.tr("Nhập PIN trên bàn phím của thiết bị"))
        self._update_ok()

    def _key_file_changed(self) -> None:
        if self._refused_key is not None:  # another file: its certificate is still to be seen
            self._refused_key = None
            self._show_message("")
        self._update_ok()

    def _update_ok(self) -> None:
        if self.busy:
            self.ok_button.setEnabled(False)
            return
        if self.mode == "pkcs11":
            ok = self.token_combo.currentIndex() >= 0 and not self._blocked
        else:
            ok = self._refused_key is None
        self.ok_button.setEnabled(ok)

    # signing
    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _fields(self) -> list[QWidget]:
        return [self.p12_radio, self.p11_radio, self.stack, self.signature_edit, self.seal_edit,
                self.trust_edit, self.output_edit]

    def start_signing(self) -> None:
        """Ký: check the inputs, take the secret out of its field, sign and verify on a worker."""
        if self.busy:
            return
        from parapp.core import signing
        dest_text = self.output_edit.text().strip()
        if not dest_text:
            self._show_message(self.tr("Chọn nơi lưu bản đã ký"))
            return
        dest = Path(dest_text)
        if dest.suffix.lower() != ".pdf":
            dest = dest.with_name(dest.name + ".pdf")
        sig_image = self.signature_edit.text().strip() or None
        seal_image = self.seal_edit.text().strip() or None
        mode = self.mode
        key_file = library = label = None
        if mode == "pkcs12":
            key_file = self.p12_edit.text().strip()
            if not key_file:
                self._show_message(self.tr("Chọn tệp khóa PKCS#12"))
                return
            secret = self.passphrase_edit.text()
            self.passphrase_edit.clear()
        else:
            library = self.library_edit.text().strip()
            label = self.token_combo.currentData()
            if not library or label is None:
                self._show_message(self.tr("Chọn thư viện PKCS#11 và thiết bị ký số"))
                return
            secret = self.pin_edit.text() if self.pin_edit.isEnabled() else None
            if secret == "":  # an empty PIN would only use up one of the token's attempts
                self._show_message(self.tr("Nhập mã PIN của thiết bị ký số"))
                self.pin_edit.setFocus()
                return
            self.pin_edit.clear()
        try:
            signing.check_paths(self.src, dest)  # cheap; before anything is opened
        except ParappError as err:
            self._show_message(str(err))
            return
        if dest.exists() and not ask_overwrite(self, dest):
            return
        settings = app_settings()  # where the key is, never the secret
        settings.setValue("signing/mode", mode)
        if mode == "pkcs12":
            settings.setValue("signing/pkcs12", key_file)
        else:
            settings.setValue("signing/pkcs11_lib", library)
        settings.setValue("signing/signature_image", sig_image or "")
        settings.setValue("signing/seal_image", seal_image or "")
        settings.setValue("signing/trust_roots", self.trust_edit.text().strip())
        settings.sync()

        roots = [r.strip() for r in self.trust_edit.text().split(";") if r.strip()]
        src = self.src
        held = [secret]  # emptied by the worker as soon as the key is open
        del secret

        def open_key():
            secret = held.pop()
            if mode == "pkcs12":
                return signing.load_pkcs12(key_file, secret)
            status = signing.token_status(library, label)
            signing.check_pin(status)  # the state may have changed since it was listed
            return signing.open_token(library, label, secret)

        def work() -> SignOutcome:
            signing.load_trust_roots(roots)  # a root that is not one: refused before signing
            with open_key() as key:
                result = signing.sign_pdf(src, dest, key, signature_image=sig_image,
                                          seal_image=seal_image)
            try:
                reports, error = signing.verify_pdf(result.path, roots), None
            except ParappError as err:
                reports, error = [], str(err)
            return SignOutcome(result, reports, error)

        self._set_busy(True)
        self._show_message("")
        task = TaskThread(work, "parapp-sign")
        task.succeeded.connect(self._signed)
        task.failed.connect(self._sign_failed)
        task.finished.connect(self._sign_task_done)
        self._task = task
        task.start_kept()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for w in self._fields():
            w.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(not busy)
        self._update_ok()

    @Slot()
    def _sign_task_done(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.wait()
        self._set_busy(False)
        if self.outcome is not None:
            self.signed.emit(self.outcome)
            self.accept()

    @Slot(object)
    def _signed(self, outcome: SignOutcome) -> None:
        self.outcome = outcome

    @Slot(str)
    def _sign_failed(self, message: str) -> None:
        from parapp.core import signing
        refused = isinstance(getattr(self._task, "error", None), signing.CertificateError)
        if refused and self.mode == "pkcs11":  # shown above the PIN, which is not asked again
            self._refusals[self.token_combo.currentData()] = message
            self._on_token_changed(self.token_combo.currentIndex())
            return
        self._show_message(message)
        if refused:  # not again with this file (Ký follows once the task is done)
            self._refused_key = self.p12_edit.text().strip()
        field = self.passphrase_edit if self.mode == "pkcs12" else self.pin_edit
        if field.isEnabled():
            field.setFocus()

    def reject(self) -> None:
        if self.busy:
            return  # the key is open on the worker: wait for it
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)


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
