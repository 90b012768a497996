"""The evidence documents (tài liệu kiểm chứng) of the leaf the score editor shows: the list,
add (button or drag and drop, in one transaction), open, save out, remove, and a preview of
images and PDFs (PDFium: QtPdf is not in PySide6-Essentials).

Opening hands the desktop a copy written afresh under a generated name in a private folder,
and only for documents and images — nothing that could run when opened.
"""
from __future__ import annotations

import atexit
import contextlib
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
from PySide6.QtCore import QObject, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QMessageBox

from parapp.core.errors import ParappError
from parapp.core.numbers import fmt
from parapp.core.store import EvidenceInfo, safe_name
from parapp.ui.messages import ERROR_STYLE, INFO_STYLE, WARNING_STYLE, show_line

if TYPE_CHECKING:
    from parapp.ui.score_editor import ScoreEditor



def pdf_first_page(data: bytes, width_px: int = 1200) -> QImage | None:
    """The first page of a PDF as an image (PDFium: QtPdf is not in PySide6-Essentials), or
    None when it cannot be read."""
    try:
        pdf = pdfium.PdfDocument(data)
        try:
            page = pdf[0]
            scale = max(0.5, width_px / max(1.0, page.get_width()))
            bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB(A) byte order
            pixel_format = (QImage.Format.Format_RGBA8888 if bitmap.n_channels == 4
                            else QImage.Format.Format_RGB888)
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                           pixel_format).copy()  # own the pixels
            bitmap.close()
            page.close()
            return image
        finally:
            pdf.close()
    except (pdfium.PdfiumError, IndexError, ValueError):
        return None

# What "Mở" hands to the desktop: documents and images only. Anything that could run when
# opened (programs, scripts, shortcuts, macro-enabled Office files) must be saved out instead.
OPENABLE = frozenset({
    "pdf", "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp", "txt", "csv", "rtf",
    "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "zip", "rar", "7z",
})
_TEXT_SAFE = re.compile(r"[^A-Za-z0-9_-]+")


def file_size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{fmt(Decimal(size) / 1024, 1, comma=None)} KB"
    return f"{fmt(Decimal(size) / (1024 * 1024), 1, comma=None)} MB"


def temp_file_name(evidence_uuid: str, name: str) -> str:
    """A generated, safe file name for opening evidence: '<uuid prefix>-<ascii stem>.<ext>'.

    Nothing of the stored name survives but letters, digits, '-' and '_' of its basename, so it
    can neither leave the folder it is written to nor look like another kind of file."""
    base = safe_name(name).replace("đ", "d").replace("Đ", "D")
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""

    def ascii_part(text: str, limit: int) -> str:
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
        return _TEXT_SAFE.sub("_", text).strip("_")[:limit]

    prefix = re.sub(r"[^0-9a-f]", "", evidence_uuid.lower())[:12] or "tlkc"
    stem, ext = ascii_part(stem, 60) or "tai-lieu", ascii_part(ext, 10).lower()
    return f"{prefix}-{stem}" + (f".{ext}" if ext else "")


_temp_dir: Path | None = None


def _evidence_temp_dir() -> Path:
    """One private folder (mode 0700) per process for opened evidence, removed at exit."""
    global _temp_dir
    if _temp_dir is None or not _temp_dir.is_dir():
        _temp_dir = Path(tempfile.mkdtemp(prefix="parapp-tlkc-"))
        atexit.register(shutil.rmtree, _temp_dir, True)
    return _temp_dir


class EvidencePanel(QObject):
    """The evidence part of a `ScoreEditor` (its widgets come from the editor's form)."""

    def __init__(self, editor: ScoreEditor):
        super().__init__(editor)
        self.editor = editor
        ui = editor.ui
        self.evidence_list, self.evidence_message = ui.evidenceList, ui.evidenceMessageLabel
        self.evidence_box = ui.evidenceBox
        self.add_button, self.open_button = ui.addButton, ui.openButton
        self.save_button, self.remove_button = ui.saveButton, ui.removeButton
        self.preview, self.preview_text, self.preview_image = (
            ui.preview, ui.previewText, ui.previewImage)
        self._evidence: list[EvidenceInfo] = []
        self._preview_pixmap: QPixmap | None = None
        self.evidence_list.currentRowChanged.connect(self._on_selected)
        self.evidence_list.itemActivated.connect(lambda _item: self.open())
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.remove)

    def fill(self, select_uuid: str | None = None) -> None:
        store = self.editor.store
        has_leaf = store is not None and self.editor.node is not None and self.editor.unit_code is not None
        self._evidence = store.evidence(self.editor.unit_code, self.editor.criterion_code) if has_leaf else []
        self.evidence_list.blockSignals(True)
        self.evidence_list.clear()
        row = -1
        for i, ev in enumerate(self._evidence):
            item = QListWidgetItem(f"{ev.name}  ({file_size_text(ev.size)})")
            tip = [ev.name, ev.mime_type, file_size_text(ev.size)]
            if ev.title:
                tip.insert(0, ev.title)
            item.setToolTip("\n".join(tip))
            item.setData(Qt.ItemDataRole.UserRole, ev.uuid)
            # taller rows: Vietnamese stacks two marks on capitals (Ể, Ỗ, Ấ…); scales with font.
            # As wide as the list: a long name loses its middle, the tooltip has it whole.
            line = self.evidence_list.fontMetrics().height()
            item.setSizeHint(QSize(0, line + (line + 1) // 2))
            self.evidence_list.addItem(item)
            if ev.uuid == select_uuid:
                row = i
        self.evidence_list.blockSignals(False)
        self.evidence_box.setTitle(self.tr("Tài liệu kiểm chứng ({count})").format(
            count=len(self._evidence)) if has_leaf else self.tr("Tài liệu kiểm chứng"))
        if row < 0 and self._evidence:
            row = 0
        self.evidence_list.setCurrentRow(row)
        self._on_selected(row)
        show_line(self.evidence_message, None)
        if has_leaf and not self._evidence and self.editor.node.evidence_required and self.editor._scorable:
            self._message(self.tr("Chưa có tài liệu kiểm chứng (tiêu chí bắt buộc có)"),
                          WARNING_STYLE)

    def current(self) -> EvidenceInfo | None:
        row = self.evidence_list.currentRow()
        return self._evidence[row] if 0 <= row < len(self._evidence) else None

    def update_buttons(self) -> None:
        has = self.current() is not None
        self.open_button.setEnabled(has)
        self.save_button.setEnabled(has)
        self.remove_button.setEnabled(has and self.editor._can_edit_evidence())

    def _message(self, text: str | None, style: str = ERROR_STYLE) -> None:
        """A line under the evidence list: errors in red, warnings in amber, news plain."""
        self.evidence_message.setStyleSheet(style)
        show_line(self.evidence_message, text)

    def choose_files(self) -> None:
        if not self.editor._can_edit_evidence():
            return
        names, _filter = QFileDialog.getOpenFileNames(
            self.editor, self.tr("Thêm tài liệu kiểm chứng"), "",
            self.tr("Tài liệu (*.pdf *.png *.jpg *.jpeg *.doc *.docx *.xls *.xlsx);;"
                    "Mọi tệp (*)"))
        if names:
            self.add_files(names)

    def add_files(self, paths: Iterable[str | Path]) -> list[str]:
        """Attach files to the current leaf in one transaction; problems with single files
        (too large, empty, duplicate, unreadable) are listed under the list. Returns the names
        added."""
        if not self.editor._can_edit_evidence():
            self._message(self.tr("Không thêm được tài liệu: chỉ xem"))
            return []
        errors: list[str] = []
        files: list[tuple[str, bytes]] = []
        with contextlib.suppress(ParappError):
            self.editor._max_mb = self.editor.store.settings().evidence_max_mb
        limit = self.editor._max_mb * 1024 * 1024
        for p in map(Path, paths):
            try:
                if not p.is_file():
                    errors.append(self.tr("'{name}' không phải là tệp").format(name=p.name))
                    continue
                size = p.stat().st_size
                if size > limit:  # refused without reading a file that may be huge
                    errors.append(self.tr("Tệp '{name}' ({size} MB) vượt giới hạn {limit} MB")
                                  .format(name=p.name, limit=self.editor._max_mb,
                                          size=fmt(Decimal(size) / 1048576, 1, comma=None)))
                    continue
                files.append((p.name, p.read_bytes()))
            except OSError as exc:
                errors.append(self.tr("Không đọc được tệp '{name}': {error}").format(
                    name=p.name, error=exc.strerror or exc))
        added: list[str] = []
        last_uuid = None
        where = f"Đơn vị {self.editor.unit_code}, tiêu chí {self.editor.criterion_code}: "
        if files:
            try:
                with self.editor.store.edit("gui") as ed:
                    for name, data in files:
                        try:
                            row = ed.add_evidence(self.editor.unit_code, self.editor.criterion_code, data, name)
                        except ParappError as exc:
                            errors.append(str(exc).removeprefix(where))
                        else:
                            added.append(row.original_name)
                            last_uuid = row.uuid
            except ParappError as exc:
                added, last_uuid = [], None
                errors.append(str(exc).removeprefix(where))
        if added:
            self.fill(select_uuid=last_uuid)
        if errors:
            self._message("\n".join(errors))
        elif added:
            self._message(self.tr("Đã thêm: {names}").format(names=", ".join(added)), INFO_STYLE)
        if added:
            self.editor.evidence_changed.emit(self.editor.unit_code, self.editor.criterion_code, ed.txn)
        return added

    def open(self) -> Path | None:
        """Write the selected document to a private temporary file with a generated name and
        hand it to the desktop. Returns the file written (None if refused)."""
        ev = self.current()
        if ev is None or self.editor.store is None:
            return None
        target = _evidence_temp_dir() / temp_file_name(ev.uuid, ev.name)
        if target.suffix.lstrip(".").lower() not in OPENABLE:
            self._message(self.tr("Không mở trực tiếp loại tệp này; hãy dùng “Lưu ra…”"))
            return None
        try:  # always written afresh: what opens is what is stored, even if a viewer saved over it
            data = self.editor.store.evidence_bytes(ev.uuid)
            tmp = target.with_name(target.name + ".part")
            tmp.write_bytes(data)
            tmp.replace(target)
        except (ParappError, OSError) as exc:
            self._message(self.tr("Không mở được '{name}': {error}").format(
                name=ev.name, error=getattr(exc, "strerror", None) or exc))
            return None
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            self._message(self.tr("Không có ứng dụng nào mở được '{name}'").format(name=ev.name))
        return target

    def save(self) -> Path | None:
        ev = self.current()
        if ev is None or self.editor.store is None:
            return None
        name, _filter = QFileDialog.getSaveFileName(
            self.editor, self.tr("Lưu tài liệu kiểm chứng"), str(Path.home() / safe_name(ev.name)))
        if not name:
            return None
        try:
            data = self.editor.store.evidence_bytes(ev.uuid)
            Path(name).write_bytes(data)
        except (ParappError, OSError) as exc:
            self._message(self.tr("Không lưu được '{name}': {error}").format(
                name=ev.name, error=getattr(exc, "strerror", None) or exc))
            return None
        self._message(self.tr("Đã lưu ra {path}").format(path=name), INFO_STYLE)
        return Path(name)

    def remove(self) -> bool:
        ev = self.current()
        if ev is None or not self.editor._can_edit_evidence():
            return False
        answer = QMessageBox.question(
            self.editor, self.tr("Xóa tài liệu kiểm chứng"),
            self.tr("Xóa tài liệu “{name}” khỏi tiêu chí {code}?").format(
                name=ev.name, code=self.editor.criterion_code),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            with self.editor.store.edit("gui") as ed:
                ed.remove_evidence(ev.uuid)
        except ParappError as exc:
            self._message(str(exc))
            return False
        self.fill()
        self._message(self.tr("Đã xóa: {name}").format(name=ev.name), INFO_STYLE)
        self.editor.evidence_changed.emit(self.editor.unit_code, self.editor.criterion_code, ed.txn)
        return True

    def _on_selected(self, row: int) -> None:
        self.update_buttons()
        self._preview_pixmap = None
        ev = self.current()
        if ev is None:
            self.preview_text.setText(
                self.tr("Kéo thả tệp vào đây hoặc bấm “Thêm…”") if self.editor._can_edit_evidence()
                and self.editor.node is not None else "")
            self.preview.setCurrentWidget(self.preview_text)
            return
        try:
            data = self.editor.store.evidence_bytes(ev.uuid)
        except ParappError as exc:
            self.preview_text.setText(str(exc))
            self.preview.setCurrentWidget(self.preview_text)
            return
        pixmap = None
        if ev.mime_type.startswith("image/"):
            pixmap = QPixmap()
            if not pixmap.loadFromData(data):
                pixmap = None
        elif ev.mime_type == "application/pdf":
            image = pdf_first_page(data)
            pixmap = QPixmap.fromImage(image) if image is not None else None
        if pixmap is not None:
            self._preview_pixmap = pixmap
            self.preview.setCurrentWidget(self.preview_image)
            self.scale_preview()
            return
        self.preview_text.setText(self.tr("Không xem trước được"))
        self.preview.setCurrentWidget(self.preview_text)

    def scale_preview(self) -> None:
        if self._preview_pixmap is None:
            return
        ratio = self.editor.devicePixelRatioF()
        size = self.preview_image.size() * ratio
        natural = self._preview_pixmap.size()
        if natural.width() <= size.width() and natural.height() <= size.height():
            size = natural  # small pictures at their own size, never blown up
        scaled = self._preview_pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                             Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(ratio)
        self.preview_image.setPixmap(scaled)
