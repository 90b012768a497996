"""The evidence documents (tài liệu kiểm chứng) of the leaf the score editor shows: the list,
add (button or drag and drop, in one transaction), open, save out, remove, and a preview of
images and PDFs (PDFium: QtPdf is not in PySide6-Essentials).

Opening hands the desktop a copy written afresh under a generated name in a private folder,
and only for documents and images — nothing that could run when opened.
"""
from __future__ import annotations

import atexit
import re
import shutil
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QMessageBox

from parapp.core import pdfium
from parapp.core.errors import ParappError
from parapp.core.files import (
    mark_from_elsewhere,
    portable_name,
    private_temp_dir,
    safe_name,
    write_bytes,
)
from parapp.core.numbers import fmt
from parapp.ui.messages import ERROR_STYLE, INFO_STYLE, WARNING_STYLE, show_line
from parapp.ui.operations import Changes, Work, unit_changes

if TYPE_CHECKING:
    from parapp.core.store import EvidenceInfo
    from parapp.ui.score_editor import ScoreEditor



def pdf_first_page(data: bytes, width_px: int = 1200) -> QImage | None:
    """The first page of a PDF as an image (PDFium: QtPdf is not in PySide6-Essentials), or
    None when it cannot be read."""
    from parapp.ui.pdf_pages import render_page  # on the first preview: not before the window
    with pdfium.held() as pypdfium2:  # paints
        try:
            pdf = pypdfium2.PdfDocument(data)
            try:
                width = pdf.get_page_size(0)[0]
                return render_page(pdf, 0, max(0.5, width_px / max(1.0, width)))
            finally:
                pdf.close()
        except (pypdfium2.PdfiumError, IndexError, ValueError):
            return None

# What "Mở" hands to the desktop: documents and images only. Anything that could run when
# opened (programs, scripts, shortcuts, macro-enabled Office files) must be saved out instead;
# on Windows what opens is marked as from the Internet (`mark_from_elsewhere`), so Office shows
# an old .doc or .xls in Protected View with its macros blocked.
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


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() == data
    except OSError:
        return False


_temp_dir: Path | None = None


def _evidence_temp_dir() -> Path:
    """One private folder per process for opened evidence, removed at exit (and, where that
    could not be done, by the next parapp: `private_temp_dir`)."""
    global _temp_dir
    if _temp_dir is None or not _temp_dir.is_dir():
        _temp_dir = private_temp_dir("tlkc")
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
        self.opened: Path | None = None  # the file last handed to the desktop
        self._preview_pixmap: QPixmap | None = None
        self.evidence_list.currentRowChanged.connect(self._on_selected)
        self.evidence_list.itemActivated.connect(lambda _item: self.open())
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.remove)

    def fill(self, select_uuid: str | None = None, keep: bool = False) -> None:
        """The leaf's evidence, from the document's data; `keep`: the selected file stays
        selected (and the message under the list stays)."""
        editor = self.editor
        data = editor.document.data if editor.document is not None else None
        has_leaf = data is not None and editor.node is not None and editor.unit_code is not None
        if keep and select_uuid is None:
            current = self.current()
            select_uuid = current.uuid if current is not None else None
        evidence = list(data.leaf(editor.unit_code, editor.criterion_code).evidence) \
            if has_leaf else []
        if keep and evidence == self._evidence:
            return
        self._evidence = evidence
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
        if keep:
            return
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
        editor = self.editor
        unit, code, limit_mb = editor.unit_code, editor.criterion_code, editor._max_mb
        paths = [Path(p) for p in paths]
        where = f"Đơn vị {unit}, tiêu chí {code}: "
        label = self.tr("Tài liệu kiểm chứng {unit}, tiêu chí {criterion}").format(
            unit=unit, criterion=code)

        def work(w: Work) -> Changes:  # on the file thread: a big file never freezes the window
            errors: list[str] = []
            added: list[tuple[str, str]] = []
            with w.store.edit("gui") as ed:
                for p in paths:
                    try:
                        data = self._read(p, limit_mb * 1024 * 1024, limit_mb)
                    except _Skipped as skip:
                        errors.append(str(skip))
                        continue
                    try:
                        row = ed.add_evidence(unit, code, data, p.name)
                    except ParappError as exc:
                        errors.append(str(exc).removeprefix(where))
                    else:
                        added.append((row.original_name, row.uuid))
            return unit_changes(w.store, label, ed.txn if added else None, {unit},
                                criterion=code, evidence=True, value=(added, errors))

        def done(changes: Changes) -> None:
            added, errors = changes.value
            names = [name for name, _uuid in added]
            if (editor.unit_code, editor.criterion_code) == (unit, code):
                if added:
                    self.fill(select_uuid=added[-1][1])
                if errors:
                    self._message("\n".join(errors))
                elif added:
                    self._message(self.tr("Đã thêm: {names}").format(names=", ".join(names)),
                                  INFO_STYLE)
            if added:
                editor.evidence_changed.emit(unit, code, changes.txn)

        def failed(message: str) -> None:
            if (editor.unit_code, editor.criterion_code) == (unit, code):
                self._message(message.removeprefix(where))
        editor.ops.change(self.tr("Đang thêm tài liệu kiểm chứng…"), work, done, failed)
        return [p.name for p in paths]

    def _read(self, p: Path, limit: int, limit_mb: int) -> bytes:
        """A file's bytes, or `_Skipped` saying why not (refused before reading a huge one)."""
        try:
            if not p.is_file():
                raise _Skipped(self.tr("'{name}' không phải là tệp").format(name=p.name))
            size = p.stat().st_size
            if size > limit:
                raise _Skipped(self.tr("Tệp '{name}' ({size} MB) vượt giới hạn {limit} MB")
                               .format(name=p.name, limit=limit_mb,
                                       size=fmt(Decimal(size) / 1048576, 1, comma=None)))
            return p.read_bytes()
        except OSError as exc:
            raise _Skipped(self.tr("Không đọc được tệp '{name}': {error}").format(
                name=p.name, error=exc.strerror or exc)) from None

    def open(self) -> bool:
        """Write the selected document to a private temporary file with a generated name (on
        the file thread) and hand it to the desktop. False if refused at once."""
        ev = self.current()
        if ev is None or self.editor.ops is None:
            return False
        target = _evidence_temp_dir() / temp_file_name(ev.uuid, ev.name)
        if target.suffix.lstrip(".").lower() not in OPENABLE:
            self._message(self.tr("Không mở trực tiếp loại tệp này; hãy dùng “Lưu ra…”"))
            return False

        def work(store) -> Path:  # always written afresh: what opens is what is stored
            data = store.evidence_bytes(ev.uuid)
            tmp = target.with_name(target.name + ".part")
            try:
                tmp.write_bytes(data)
                mark_from_elsewhere(tmp)
                tmp.replace(target)
            except OSError as exc:
                tmp.unlink(missing_ok=True)
                # Windows refuses to replace the copy opened before while a viewer has it open:
                # still what is stored, it opens again
                if not (isinstance(exc, PermissionError) and _holds(target, data)):
                    raise ParappError(exc.strerror or str(exc)) from None
            return target

        def written(path: Path) -> None:
            self.opened = path
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
                self._message(self.tr("Không có ứng dụng nào mở được '{name}'").format(
                    name=ev.name))

        def failed(message: str) -> None:
            self._message(self.tr("Không mở được '{name}': {error}").format(name=ev.name,
                                                                          error=message))
        self.editor.ops.query(self.tr("Đang mở {name}…").format(name=ev.name), work, written,
                              failed)
        return True

    def save(self) -> bool:
        ev = self.current()
        if ev is None or self.editor.ops is None:
            return False
        name, _filter = QFileDialog.getSaveFileName(
            self.editor, self.tr("Lưu tài liệu kiểm chứng"), str(Path.home() / portable_name(ev.name)))
        if not name:
            return False

        def work(store) -> Path:
            write_bytes(name, store.evidence_bytes(ev.uuid))  # whole or not at all, or a
            mark_from_elsewhere(name)                          # message naming the file
            return Path(name)

        def failed(message: str) -> None:
            self._message(self.tr("Không lưu được '{name}': {error}").format(name=ev.name,
                                                                            error=message))
        self.editor.ops.query(
            self.tr("Đang lưu {name}…").format(name=ev.name), work,
            lambda path: self._message(self.tr("Đã lưu ra {path}").format(path=path),
                                       INFO_STYLE), failed)
        return True

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
        editor = self.editor
        unit, code = editor.unit_code, editor.criterion_code
        label = self.tr("Tài liệu kiểm chứng {unit}, tiêu chí {criterion}").format(
            unit=unit, criterion=code)

        def work(w: Work) -> Changes:
            with w.store.edit("gui") as ed:
                ed.remove_evidence(ev.uuid)
            return unit_changes(w.store, label, ed.txn, {unit}, criterion=code, evidence=True)

        def done(changes: Changes) -> None:
            if (editor.unit_code, editor.criterion_code) == (unit, code):
                self.fill()
                self._message(self.tr("Đã xóa: {name}").format(name=ev.name), INFO_STYLE)
            editor.evidence_changed.emit(unit, code, changes.txn)
        editor.ops.change(self.tr("Đang xóa tài liệu kiểm chứng…"), work, done, self._message)
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
        if ev.mime_type.startswith("image/") or ev.mime_type == "application/pdf":
            self.preview_text.setText(self.tr("Đang tải…"))
            self.preview.setCurrentWidget(self.preview_text)
            self.editor.ops.query(self.tr("Đang xem trước {name}…").format(name=ev.name),
                                  lambda store: _preview_image(store, ev),
                                  lambda image: self._show_preview(ev, image),
                                  lambda message: self._show_preview(ev, message))
            return
        self._show_preview(ev, None)

    def _show_preview(self, ev: EvidenceInfo, image: QImage | str | None) -> None:
        if self.current() != ev:  # another file was selected meanwhile
            return
        if isinstance(image, QImage):
            self._preview_pixmap = QPixmap.fromImage(image)
            self.preview.setCurrentWidget(self.preview_image)
            self.scale_preview()
            return
        self.preview_text.setText(image or self.tr("Không xem trước được"))
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


class _Skipped(Exception):
    """A file not attached, and why (the others of the same drop still are)."""


def _preview_image(store, ev: EvidenceInfo) -> QImage | None:
    """On the file thread: the picture, or a PDF's first page, as an image (None: none)."""
    data = store.evidence_bytes(ev.uuid)
    if ev.mime_type == "application/pdf":
        return pdf_first_page(data)
    image = QImage()
    return image if image.loadFromData(data) else None
