"""The score editor: one leaf of one unit, the unit's self-assessment beside the council's
appraisal, with the leaf's evidence documents underneath.

Every edit is committed at once through one `store.edit("gui")` transaction per user action
(Enter in a score field, focus leaving a field whose content changed, a drop of files, a removal)
and announced with `committed` / `evidence_changed`, so the window can refresh roll-ups and push
undo commands. Values the core would refuse are refused here first, in the field's own words
(`check_points`, `needs_reason`); the core's `ValidationError` remains the last word and is shown
inline, never as a traceback. Scores are exact `Decimal`s from `parse_decimal`, never floats.
The static layout lives in forms/score_editor.ui; this module keeps the behaviour.

Public API (for the window):

Signals
    committed(unit_code, criterion_code, field_name, old_value, new_value)
        after each successful score commit, one emission per changed field. `field_name` is a
        `Edit.write_scores` field ("self_points", "explanation", "appraisal_points",
        "appraisal_note"); points are `Decimal | None`, texts `str`; the text comes first.
    commit_finished(unit_code, criterion_code, field_names, txn)
        once per commit, after its `committed`: `txn` is the transaction (Store.revert undoes
        it; a score and its reason are one transaction).
    next_requested()
        Enter in a score field whose value is committed (or unchanged).
    evidence_changed(unit_code, criterion_code, txn)
        after evidence was added or removed, in transaction `txn`.

Methods
    set_target(store, unit_code, criterion_code)  load a leaf (commits pending input first)
    reload()                                       re-read the current leaf (e.g. after undo)
    clear()                                        show nothing
    set_read_only(bool)                            view only (also forced by a read-only store)
    commit_pending() -> bool                       commit changed fields now (False if refused)
    pending_problem() -> str | None                why what is typed cannot be written, in words
    leave() -> bool                                before the leaf goes: commit, or ask (never drop
                                                   an entry silently); False: the person stays
    has_pending_changes() -> bool
    add_evidence_files(paths) -> list[str]         what a drop does; returns the names added
"""
from __future__ import annotations

import atexit
import html
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from PySide6.QtCore import QEvent, QObject, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFocusEvent, QImage, QPixmap, QValidator
from PySide6.QtWidgets import (
    QFileDialog, QLabel, QLineEdit, QListWidgetItem, QMessageBox, QPlainTextEdit, QWidget,
)

from parapp.core.criteria import (
    Node, Source, check_points, levels_of, needs_reason, points_from_measure,
)
from parapp.core.errors import ParappError
from parapp.core.numbers import (
    MAX_ENTERED_DECIMALS, fmt, parse_decimal, too_precise,
)
from parapp.core.store import EvidenceInfo, Store, safe_name
from parapp.ui.forms.ui_score_editor import Ui_ScoreEditor



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

POINT_FIELDS = ("self_points", "appraisal_points")
TEXT_FIELDS = ("explanation", "appraisal_note")
_PARTNER = {"self_points": "explanation", "explanation": "self_points",
            "appraisal_points": "appraisal_note", "appraisal_note": "appraisal_points"}
_EMPTY_ROW = {"self_points": None, "explanation": "", "appraisal_points": None,
              "appraisal_note": "", "explanation2": "", "appraisal2_points": None,
              "appraisal2_note": "", "reference": None}

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5300;"
NOTE_STYLE = "font-style: italic;"
QUIET_STYLE = "color: palette(dark);"
INFO_STYLE = ""

# What "Mở" hands to the desktop: documents and images only. Anything that could run when
# opened (programs, scripts, shortcuts, macro-enabled Office files) must be saved out instead.
OPENABLE = frozenset({
    "pdf", "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp", "txt", "csv", "rtf",
    "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "zip", "rar", "7z",
})
_TEXT_SAFE = re.compile(r"[^A-Za-z0-9_-]+")


SECOND_ROUND = {"appraisal_points": "appraisal2_points", "appraisal_note": "appraisal2_note"}


def _second_round(store: Store | None) -> bool:
    """A member's round-2 package: the appraisal side edits the second appraisal."""
    scope = store.package_scope() if store is not None else None
    return scope is not None and scope.round == 2


def _score_row(store: Store, unit_code: str, criterion_code: str) -> dict[str, Any]:
    """The stored score fields of one leaf of one unit (all empty if never scored), as the
    editor's two sides show them: "appraisal_*" are the appraisal being entered (the second in
    a round-2 package, the first one kept as "first_*"), "reference" what it is measured against
    (the self score, or the first appraisal in round 2), as in Edit.write_scores."""
    row = dict(store.score(unit_code, criterion_code))
    row["reference"] = row["self_points"]
    if _second_round(store):
        row["first_points"], row["first_note"] = row["appraisal_points"], row["appraisal_note"]
        row["reference"] = row["appraisal_points"]
        row["appraisal_points"], row["appraisal_note"] = (row["appraisal2_points"],
                                                          row["appraisal2_note"])
    return row


def shown_points(value: Decimal | None) -> str:
    """A stored score as typed: exact, the language's decimal mark ('0,75', '2', '')."""
    return fmt(value, None)


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


class PointsValidator(QValidator):
    """Accepts what `parse_decimal` reads ('8,5' and '8.5') and `check_points` allows.

    Keystrokes that cannot lead to a number are refused outright; a number that is not (yet) a
    valid score is Intermediate, and `problem()` says why, for the editor to show."""

    _SHAPE = re.compile(r"\s*-?\d*(?:[.,]\d*)?\s*")

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.node: Node | None = None
        self.block = ""

    def set_leaf(self, node: Node | None, block: str) -> None:
        self.node, self.block = node, block
        self.changed.emit()

    def parse(self, text: str) -> Decimal | None:
        """The score typed (None for an empty field). Raises ValueError if it is not a number."""
        text = text.strip()
        return None if not text else parse_decimal(text)

    def problem(self, text: str) -> str | None:
        """Why `text` is not a valid score for the leaf, or None (an empty field clears it)."""
        try:
            value = self.parse(text)
        except ValueError:
            return self.tr("Chưa phải là số")
        if value is None:
            return None
        if too_precise(value):
            return self.tr("tối đa {n} chữ số thập phân").format(n=MAX_ENTERED_DECIMALS)
        if self.node is not None:
            return check_points(self.node, self.block, value)
        return None

    def validate(self, text: str, pos: int):
        if not self._SHAPE.fullmatch(text):
            return QValidator.State.Invalid
        if self.problem(text) is None:
            return QValidator.State.Acceptable
        return QValidator.State.Intermediate


def _show(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))


class ScoreEditor(QWidget):
    """Editor for one leaf criterion of one unit (see the module docstring for the API)."""

    committed = Signal(str, str, str, object, object)
    # after all `committed` of one commit: one refresh of the views instead of one per field
    # unit, criterion, names of the fields written, the transaction (for undo)
    commit_finished = Signal(str, str, object, str)
    next_requested = Signal()
    evidence_changed = Signal(str, str, str)  # unit, criterion, transaction

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.store: Store | None = None
        self.unit_code: str | None = None
        self.criterion_code: str | None = None
        self.node: Node | None = None
        self.block = ""
        self.places = 2
        self._stored: dict[str, Any] = dict(_EMPTY_ROW)
        self._read_only = False
        self._leaf_ok = False  # a leaf of the unit's block: takes evidence
        self._scorable = False  # … and self-scored: takes scores and texts
        self._survey_points: Decimal | None = None
        self._evidence: list[EvidenceInfo] = []
        self._preview_pixmap: QPixmap | None = None
        self._max_mb = 20
        self._allow_above_self = False
        self._build()
        self.clear()

    # -- construction ---------------------------------------------------------------------------

    def _build(self) -> None:
        """The static layout comes from forms/score_editor.ui; here only what depends on the
        font (minimum sizes, so they hold at any display scaling), the colours of the messages,
        the validators, the splitters' proportions and the signal connections."""
        self.ui = ui = Ui_ScoreEditor()
        ui.setupUi(self)
        # the public names (the window and the tests use these)
        self.title_label, self.meta_label, self.info_label = (
            ui.titleLabel, ui.metaLabel, ui.infoLabel)
        self.self_box, self.appraisal_box, self.evidence_box = (
            ui.selfBox, ui.appraisalBox, ui.evidenceBox)
        self.self_score, self.self_max, self.self_error = (
            ui.selfScoreEdit, ui.selfMaxLabel, ui.selfErrorLabel)
        self.explanation, self.explanation_error, self.explanation2_label = (
            ui.explanationEdit, ui.explanationErrorLabel, ui.explanation2Label)
        self.appraisal_score, self.appraisal_max, self.appraisal_error = (
            ui.appraisalScoreEdit, ui.appraisalMaxLabel, ui.appraisalErrorLabel)
        self.appraisal_note, self.reason_hint, self.note_error = (
            ui.appraisalNoteEdit, ui.reasonHintLabel, ui.noteErrorLabel)
        self.above_self_warning, self.round2_label = ui.aboveSelfWarningLabel, ui.round2Label
        self.evidence_list, self.evidence_message = ui.evidenceList, ui.evidenceMessageLabel
        self.add_button, self.open_button = ui.addButton, ui.openButton
        self.save_button, self.remove_button = ui.saveButton, ui.removeButton
        self.preview, self.preview_text, self.preview_image = (
            ui.preview, ui.previewText, ui.previewImage)
        self.splitter, self.evidence_splitter = ui.splitter, ui.evidenceSplitter

        for label, style in ((self.info_label, WARNING_STYLE), (self.self_error, ERROR_STYLE),
                             (self.explanation_error, ERROR_STYLE),
                             (self.explanation2_label, NOTE_STYLE),
                             (self.appraisal_error, ERROR_STYLE),
                             (self.above_self_warning, WARNING_STYLE),
                             (self.reason_hint, ERROR_STYLE), (self.note_error, ERROR_STYLE),
                             (self.round2_label, NOTE_STYLE),
                             (self.evidence_message, ERROR_STYLE),
                             (self.preview_text, QUIET_STYLE)):
            label.setStyleSheet(style)

        # sizes in the font's own units, so they hold at any display scaling
        for field in (self.self_score, self.appraisal_score):
            field.setValidator(PointsValidator(field))
            # room for "10,2500" and the frame
            field.setMinimumWidth(field.fontMetrics().horizontalAdvance("000,0000") * 3 // 2)
        for field in (self.explanation, self.appraisal_note):
            lines = field.fontMetrics().lineSpacing()
            field.setMinimumHeight(lines * 3 + lines // 2 + 2 * field.frameWidth())
        line = self.fontMetrics().height()
        self.preview.setMinimumSize(line * 10, line * 6)
        self.evidence_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        # buttons as narrow as their words when room is short (the style's 80 px each would
        # make the editor wide and leave the criteria's names less room on a laptop)
        for button in (self.add_button, self.open_button, self.save_button, self.remove_button):
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance(button.text()) + line)

        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([30_000, 20_000])
        self.evidence_splitter.setStretchFactor(0, 1)
        self.evidence_splitter.setStretchFactor(1, 1)
        self.evidence_splitter.setSizes([10_000, 10_000])  # proportions: half list, half preview

        self.evidence_list.currentRowChanged.connect(self._on_evidence_selected)
        self.evidence_list.itemActivated.connect(lambda _item: self.open_evidence())
        self.add_button.clicked.connect(self.choose_evidence_files)
        self.open_button.clicked.connect(self.open_evidence)
        self.save_button.clicked.connect(self.save_evidence)
        self.remove_button.clicked.connect(self.remove_evidence)

        self._fields: dict[QObject, str] = {
            self.self_score: "self_points", self.explanation: "explanation",
            self.appraisal_score: "appraisal_points", self.appraisal_note: "appraisal_note"}
        # keys and focus on the fields; file drags wherever they land (a text edit's and the
        # list's viewport receive the drag events, not the widget itself)
        for widget in (*self._fields, self.evidence_list, self.explanation.viewport(),
                       self.appraisal_note.viewport(), self.evidence_list.viewport()):
            widget.installEventFilter(self)
        # the picture follows its own size (the splitters move it, not only the editor's size)
        self.preview_image.installEventFilter(self)

        self.setAcceptDrops(True)  # files dropped anywhere on the editor become evidence

        self.self_score.textEdited.connect(lambda _t: self._on_points_edited("self_points"))
        self.appraisal_score.textEdited.connect(
            lambda _t: self._on_points_edited("appraisal_points"))
        self.explanation.textChanged.connect(lambda: self._on_text_edited("explanation"))
        self.appraisal_note.textChanged.connect(lambda: self._on_text_edited("appraisal_note"))

    # -- loading ------------------------------------------------------------------------------

    def clear(self) -> None:
        """Show nothing: no store, no leaf."""
        self.store = self.unit_code = self.criterion_code = self.node = None
        self._stored = dict(_EMPTY_ROW)
        self._leaf_ok = self._scorable = False
        self._survey_points = None
        self.title_label.setText(self.tr("Chưa chọn tiêu chí"))
        for label in (self.meta_label, self.self_max, self.appraisal_max):
            label.clear()  # no "/ max" of the leaf shown before
        _show(self.info_label, None)
        self._fill_fields()
        self._fill_evidence()
        self._apply_read_only()

    def set_target(self, store: Store, unit_code: str, criterion_code: str) -> None:
        """Load one leaf of one unit. Changed fields of the previous leaf are committed first;
        the window calls `leave()` before, so that input the file refuses is never dropped
        without the person deciding."""
        if self.store is not None:
            self.commit_pending()
        self.store, self.unit_code, self.criterion_code = store, unit_code, criterion_code
        self.reload()

    def reload(self) -> None:
        """Re-read the current leaf from the store (after an undo, an import, …)."""
        store, unit_code, code = self.store, self.unit_code, self.criterion_code
        if store is None or unit_code is None or code is None:
            self.clear()
            return
        tree = store.tree()
        settings = store.settings()
        self.places, self._max_mb = settings.display_decimals, settings.evidence_max_mb
        self._allow_above_self = settings.allow_appraisal_above_self
        blocks = {b.id: b.code for b in store.blocks()}
        unit = next((u for u in store.units() if u.code == unit_code), None)
        node = tree.by_code.get(code)
        self.node = node
        self.block = blocks.get(unit.block_id, "") if unit is not None else ""
        info = None
        if node is None or unit is None:
            info = self.tr("Không có đơn vị {unit} hoặc tiêu chí {code}").format(
                unit=unit_code, code=code)
        elif not tree.is_leaf(node.key):
            info = self.tr("Chỉ chấm điểm ở tiêu chí không có tiêu chí con")
        elif node.max_for(self.block) <= 0:
            info = self.tr("Tiêu chí không thuộc bộ chỉ số của khối {block}").format(
                block=self.block)
        self._leaf_ok = info is None
        self._scorable = self._leaf_ok and node.source is Source.SELF
        self._survey_points = None
        self._stored = _score_row(store, unit_code, code) if self._leaf_ok \
            else dict(_EMPTY_ROW)
        self._show_header(node, unit)
        if self._leaf_ok and not self._scorable:
            info = self._survey_note(store, node, unit_code)
        _show(self.info_label, info)
        for field in (self.self_score, self.appraisal_score):
            field.validator().set_leaf(node, self.block)
        self._fill_fields()
        if self._survey_points is not None:  # derived, shown on both sides, read-only
            text = fmt(self._survey_points, self.places, comma=None)
            self.self_score.setText(text)
            self.appraisal_score.setText(text)
        self._fill_evidence()
        self._apply_read_only()

    def _survey_note(self, store: Store, node: Node, unit_code: str) -> str:
        """Survey-fed leaf: the derived points (read-only) and where they come from."""
        unit = store.unit_input(unit_code)  # one unit, not the whole period
        pct = unit.sipas_pct if node.source is Source.SIPAS else unit.survey_pct
        self._survey_points = None if pct is None else points_from_measure(node, self.block, pct)
        name = node.source.label
        if pct is None:
            return self.tr("Điểm lấy từ kết quả {source}; chưa có kết quả {source}").format(
                source=name)
        return self.tr("Điểm lấy từ kết quả {source} ({pct}%)").format(
            source=name, pct=fmt(pct, self.places, comma=None))

    def _show_header(self, node: Node | None, unit) -> None:
        if node is None:
            self.title_label.setText(html.escape(self.criterion_code or ""))
            self.meta_label.clear()
            return
        unit_text = f"{unit.code} — {unit.name}" if unit is not None else self.unit_code
        self.title_label.setText(
            f"<b>{html.escape(node.code)}</b>&nbsp; {html.escape(node.name)}"
            f"<br>{html.escape(unit_text or '')}")
        top = node.max_for(self.block)
        method = node.method.label
        if node.method.value == "levels":
            levels = sorted(set(levels_of(node.params)), reverse=True)
            if levels:
                method += " (" + " / ".join(fmt(v, self.places, comma=None) for v in levels) + ")"
        elif node.method.value == "yesno":
            method += " (" + self.tr("0 hoặc {top}").format(
                top=fmt(top, self.places, comma=None)) + ")"
        parts = [self.tr("Điểm tối đa: {max}").format(max=fmt(top, self.places, comma=None)),
                 self.tr("Cách chấm: {method}").format(method=method)]
        if node.source is Source.SELF:
            parts.append(self.tr("Bắt buộc có tài liệu kiểm chứng") if node.evidence_required
                         else self.tr("Không bắt buộc tài liệu kiểm chứng"))
        self.meta_label.setText("  ·  ".join(parts))
        shown = self.tr("/ {max}").format(max=fmt(top, self.places, comma=None)) if top else ""
        self.self_max.setText(shown)
        self.appraisal_max.setText(shown)

    def _fill_fields(self) -> None:
        """Put the stored values in every field and clear the messages."""
        stored = self._stored
        for name, widget in (("self_points", self.self_score),
                             ("appraisal_points", self.appraisal_score)):
            widget.setText(shown_points(stored[name]))
        for name, widget in (("explanation", self.explanation),
                             ("appraisal_note", self.appraisal_note)):
            widget.blockSignals(True)
            widget.setPlainText(stored[name])
            widget.blockSignals(False)
        for label in (self.self_error, self.appraisal_error, self.explanation_error,
                      self.note_error):
            _show(label, None)
        extra = stored["explanation2"].strip()
        _show(self.explanation2_label,
              self.tr("Giải trình bổ sung: {text}").format(text=extra) if extra else None)
        if "first_points" in stored:  # entering round 2: show round 1 beside it
            text = self.tr("Thẩm định lần 1: {points}").format(
                points=fmt(stored["first_points"], self.places, comma=None) or "—")
            if stored["first_note"].strip():
                text += " — " + stored["first_note"].strip()
            _show(self.round2_label, text)
        elif stored["appraisal2_points"] is not None or stored["appraisal2_note"].strip():
            text = self.tr("Thẩm định lần 2: {points}").format(
                points=fmt(stored["appraisal2_points"], self.places, comma=None) or "—")
            if stored["appraisal2_note"].strip():
                text += " — " + stored["appraisal2_note"].strip()
            _show(self.round2_label, text)
        else:
            _show(self.round2_label, None)
        self._update_hints()

    # -- read-only ------------------------------------------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        """View only: nothing can be typed, added or removed (open and save still work)."""
        self._read_only = bool(read_only)
        self._apply_read_only()

    def is_read_only(self) -> bool:
        return self._effective_read_only()

    def _effective_read_only(self) -> bool:
        return self._read_only or self.store is None or self.store.readonly

    def _locks(self) -> tuple[bool, bool]:
        """Whether the self side and the appraisal side are locked. In a council member's
        package only the appraisal of the member's part can be written (the core refuses the
        rest): the unit's side is context, and so is every leaf outside the part."""
        locked = self._effective_read_only() or not self._scorable
        scope = self.store.package_scope() if self.store is not None else None
        if scope is None:
            return locked, locked
        mine = (self.unit_code, self.criterion_code) in scope.targets
        return True, locked or not mine

    def _apply_read_only(self) -> None:
        own, appraisal = self._locks()
        for widget, hint, locked in (
                (self.self_score, "", own), (self.appraisal_score, "", appraisal),
                (self.explanation, self.tr("Giải trình của đơn vị…"), own),
                (self.appraisal_note, self.tr("Lý do khi điểm thẩm định khác điểm tự đánh giá…"),
                 appraisal)):
            widget.setReadOnly(locked)
            widget.setEnabled(self._scorable)  # greyed where nothing can ever be typed
            widget.setPlaceholderText("" if locked else hint)
        self.add_button.setEnabled(self._can_edit_evidence())
        self._update_evidence_buttons()

    def _can_edit_evidence(self) -> bool:
        return self._leaf_ok and not self._effective_read_only() and (
            self.store.package_scope() is None)  # a package carries the units' evidence as is

    # -- score editing --------------------------------------------------------------------------

    def _points_widget(self, name: str) -> QLineEdit:
        return self.self_score if name == "self_points" else self.appraisal_score

    def _text_widget(self, name: str) -> QPlainTextEdit:
        return self.explanation if name == "explanation" else self.appraisal_note

    def _error_label(self, name: str) -> QLabel:
        return {"self_points": self.self_error, "appraisal_points": self.appraisal_error,
                "explanation": self.explanation_error, "appraisal_note": self.note_error}[name]

    def _current(self, name: str) -> Any:
        """What a field holds now: Decimal | None for points (raises ValueError if invalid)."""
        if name in POINT_FIELDS:
            widget = self._points_widget(name)
            if widget.validator().problem(widget.text()) is not None:
                raise ValueError(name)
            return widget.validator().parse(widget.text())
        return self._text_widget(name).toPlainText().strip()  # no stray spaces or blank lines

    def _changed(self, name: str) -> bool:
        if not self._scorable:
            return False
        if name in POINT_FIELDS:
            widget = self._points_widget(name)
            try:
                return self._current(name) != self._stored[name]
            except ValueError:
                return widget.text().strip() != shown_points(self._stored[name])
        return self._current(name) != self._stored[name]

    def has_pending_changes(self) -> bool:
        return any(self._changed(n) for n in (*POINT_FIELDS, *TEXT_FIELDS))

    def pending_problem(self) -> str | None:
        """Why the entry typed on this leaf cannot be written, naming the real problem ("thiếu lý
        do trừ điểm", a score above the maximum, not a number), or None when there is nothing
        the file would refuse."""
        if not self._scorable or self._effective_read_only():
            return None
        for name, side in (("self_points", self.tr("Điểm tự đánh giá")),
                           ("appraisal_points", self.tr("Điểm thẩm định"))):
            widget = self._points_widget(name)
            problem = widget.validator().problem(widget.text()) if self._changed(name) else None
            if problem:
                return self.tr("{side} «{text}»: {problem}").format(
                    side=side, text=widget.text().strip(), problem=problem)
        if not (self._changed("appraisal_points") or self._changed("appraisal_note")):
            return None
        appraisal, reference = self._appraisal_now(), self._stored["reference"]
        if not needs_reason(appraisal, reference, self._current("appraisal_note")):
            return None
        what = self.tr("thẩm định lần 1") if "first_points" in self._stored else \
            self.tr("tự đánh giá")
        values = dict(points=fmt(appraisal, self.places, comma=None),
                      reference=fmt(reference, self.places, comma=None), what=what)
        if appraisal < reference:
            return self.tr("Điểm thẩm định {points} thấp hơn điểm {what} {reference} nhưng thiếu "
                           "lý do trừ điểm").format(**values)
        return self.tr("Điểm thẩm định {points} cao hơn điểm {what} {reference} nhưng thiếu lý "
                       "do").format(**values)

    def leave(self) -> bool:
        """Before the leaf shown goes — another leaf or unit, the file, the window, an operation
        that reads the file: what is typed is written; what the file would refuse is never
        thrown away silently. The person is asked, naming the problem: stay and complete it
        (False: the caller keeps this leaf; the cursor goes where the problem is), or drop what
        was typed (the stored values come back; True)."""
        if self.commit_pending():
            return True
        problem = self.pending_problem()
        if problem is None:  # refused for another reason (shown in red): keep it, do not lose it
            return False
        where = self.tr("Tiêu chí {code}, {unit}").format(code=self.criterion_code,
                                                          unit=self.unit_code)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Điểm chưa được ghi"),
                          f"{where}: {problem}.", parent=self)
        box.setInformativeText(self.tr("Điểm chỉ được ghi vào tệp khi đầy đủ. Quay lại để "
                                       "hoàn tất, hay bỏ giá trị vừa nhập?"))
        stay = box.addButton(self.tr("Quay lại hoàn tất"), QMessageBox.ButtonRole.RejectRole)
        drop = box.addButton(self.tr("Bỏ giá trị vừa nhập"),
                             QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.exec()
        if box.clickedButton() is not drop:
            self._focus_problem()
            return False
        for name in (*POINT_FIELDS, *TEXT_FIELDS):
            self.revert(name)
        return True

    def _focus_problem(self) -> None:
        """The cursor where the entry is incomplete: the bad score, else the reason."""
        self.window().activateWindow()  # back from the question
        for name in POINT_FIELDS:
            widget = self._points_widget(name)
            if self._changed(name) and widget.validator().problem(widget.text()):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        self.appraisal_note.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_points_edited(self, name: str) -> None:
        widget = self._points_widget(name)
        _show(self._error_label(name), widget.validator().problem(widget.text()))
        self._update_hints()

    def _on_text_edited(self, name: str) -> None:
        _show(self._error_label(name), None)
        self._update_hints()

    def _reason_text(self) -> str:
        if "first_points" in self._stored:
            return self.tr("Cần ghi lý do khi điểm thẩm định lần 2 khác lần 1")
        return self.tr("Cần ghi lý do khi điểm thẩm định khác điểm tự đánh giá")

    def _appraisal_now(self) -> Decimal | None:
        try:
            return self._current("appraisal_points")
        except ValueError:
            return self._stored["appraisal_points"]

    def _update_hints(self) -> None:
        if not self._scorable:
            _show(self.reason_hint, None)
            _show(self.above_self_warning, None)
            return
        appraisal, own = self._appraisal_now(), self._stored["self_points"]
        missing = needs_reason(appraisal, self._stored["reference"],
                               self.appraisal_note.toPlainText())
        _show(self.reason_hint, self._reason_text() if missing else None)
        above = appraisal is not None and own is not None and appraisal > own and \
            not self._allow_above_self
        _show(self.above_self_warning,
              self.tr("Điểm thẩm định cao hơn điểm tự đánh giá") if above else None)

    def revert(self, name: str) -> None:
        """Put the stored value back in a field and clear its message (what Esc does)."""
        if name in POINT_FIELDS:
            self._points_widget(name).setText(shown_points(self._stored[name]))
        else:
            widget = self._text_widget(name)
            widget.blockSignals(True)
            widget.setPlainText(self._stored[name])
            widget.blockSignals(False)
        _show(self._error_label(name), None)
        self._update_hints()

    def commit_pending(self) -> bool:
        """Commit every changed field now; False if something was refused (and shown)."""
        ok = True
        for name in ("self_points", "appraisal_points"):
            if self._changed(name) or self._changed(_PARTNER[name]):
                ok = self.commit(name) and ok
        return ok

    def commit(self, origin: str) -> bool:
        """Commit the field `origin` with its partner on the same side (score and its text) if
        that changed too, in one transaction. True if written or nothing to write."""
        if not self._scorable or self._effective_read_only():
            return True
        points, text = (origin, _PARTNER[origin]) if origin in POINT_FIELDS \
            else (_PARTNER[origin], origin)
        changes: dict[str, Any] = {}
        for name in (text, points):  # the text first: see `committed` in the module docstring
            if not self._changed(name):
                continue
            if name in POINT_FIELDS:
                widget = self._points_widget(name)
                problem = widget.validator().problem(widget.text())
                if problem:
                    _show(self._error_label(name), problem)
                    if name == origin:
                        return False
                    continue  # the partner's own Enter/Esc deals with it
            changes[name] = self._current(name)
        if not changes:
            return True
        if "appraisal_points" in changes or "appraisal_note" in changes:
            appraisal = changes.get("appraisal_points", self._stored["appraisal_points"])
            note = changes.get("appraisal_note", self._stored["appraisal_note"])
            if needs_reason(appraisal, self._stored["reference"], note):
                self._update_hints()
                _show(self.reason_hint, self._reason_text())
                return False
        unit, code = self.unit_code, self.criterion_code
        fields = {SECOND_ROUND.get(k, k): v for k, v in changes.items()} \
            if _second_round(self.store) else changes
        try:
            with self.store.edit("gui") as ed:
                ed.write_scores([(unit, code, fields)])
        except ParappError as exc:
            _show(self._error_label(origin), str(exc))
            return False
        old = {name: self._stored[name] for name in changes}
        self._stored = _score_row(self.store, unit, code)
        for name in changes:
            _show(self._error_label(name), None)
            if name in POINT_FIELDS:  # show the stored form: '0.750' → '0,75'
                self._points_widget(name).setText(shown_points(self._stored[name]))
            elif self._text_widget(name).toPlainText() != self._stored[name]:
                widget = self._text_widget(name)  # what is stored: no trailing spaces or lines
                widget.blockSignals(True)
                widget.setPlainText(self._stored[name])
                widget.blockSignals(False)
        self._update_hints()
        for name in changes:
            self.committed.emit(unit, code, name, old[name], self._stored[name])
        self.commit_finished.emit(unit, code, list(changes), ed.txn)
        return True

    def _enter(self, name: str) -> None:
        if self.commit(name):
            self.next_requested.emit()
        elif self.reason_hint.isVisibleTo(self):  # the reason is what is missing: go there
            self.appraisal_note.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- events ---------------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if obj is self.preview_image:
            if kind == QEvent.Type.Resize:
                self._scale_preview()
            return super().eventFilter(obj, event)
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop) \
                and event.mimeData().hasUrls():
            # files dropped on a field or the list are evidence, not text to insert
            if kind == QEvent.Type.Drop:
                self.dropEvent(event)
            else:
                self.dragEnterEvent(event)
            return True
        name = self._fields.get(obj)
        if name is None:
            return super().eventFilter(obj, event)
        if kind == QEvent.Type.KeyPress:
            key, mods = event.key(), event.modifiers()
            if key == Qt.Key.Key_Escape:
                self.revert(name)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if name in TEXT_FIELDS and mods & Qt.KeyboardModifier.ShiftModifier:
                    return super().eventFilter(obj, event)  # Shift+Enter: a new line
                if name in TEXT_FIELDS and mods & Qt.KeyboardModifier.ControlModifier:
                    self.commit(name)  # Ctrl+Enter: written, the cursor stays
                    return True
                self._enter(name)  # written, and on to the next criterion
                return True
        elif kind == QEvent.Type.FocusOut and isinstance(event, QFocusEvent):
            if event.reason() not in (Qt.FocusReason.ActiveWindowFocusReason,
                                      Qt.FocusReason.PopupFocusReason) and self._changed(name):
                self.commit(name)
        return super().eventFilter(obj, event)

    def dragEnterEvent(self, event) -> None:
        if self._can_edit_evidence() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths or not self._can_edit_evidence():
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_evidence_files(paths)

    # -- evidence -------------------------------------------------------------------------------

    def _fill_evidence(self, select_uuid: str | None = None) -> None:
        store = self.store
        has_leaf = store is not None and self.node is not None and self.unit_code is not None
        self._evidence = store.evidence(self.unit_code, self.criterion_code) if has_leaf else []
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
        self._on_evidence_selected(row)
        _show(self.evidence_message, None)
        if has_leaf and not self._evidence and self.node.evidence_required and self._scorable:
            self._message(self.tr("Chưa có tài liệu kiểm chứng (tiêu chí bắt buộc có)"),
                          WARNING_STYLE)

    def current_evidence(self) -> EvidenceInfo | None:
        row = self.evidence_list.currentRow()
        return self._evidence[row] if 0 <= row < len(self._evidence) else None

    def _update_evidence_buttons(self) -> None:
        has = self.current_evidence() is not None
        self.open_button.setEnabled(has)
        self.save_button.setEnabled(has)
        self.remove_button.setEnabled(has and self._can_edit_evidence())

    def _message(self, text: str | None, style: str = ERROR_STYLE) -> None:
        """A line under the evidence list: errors in red, warnings in amber, news plain."""
        self.evidence_message.setStyleSheet(style)
        _show(self.evidence_message, text)

    def choose_evidence_files(self) -> None:
        if not self._can_edit_evidence():
            return
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Thêm tài liệu kiểm chứng"), "",
            self.tr("Tài liệu (*.pdf *.png *.jpg *.jpeg *.doc *.docx *.xls *.xlsx);;"
                    "Mọi tệp (*)"))
        if names:
            self.add_evidence_files(names)

    def add_evidence_files(self, paths: Iterable[str | Path]) -> list[str]:
        """Attach files to the current leaf in one transaction; problems with single files
        (too large, empty, duplicate, unreadable) are listed under the list. Returns the names
        added."""
        if not self._can_edit_evidence():
            self._message(self.tr("Không thêm được tài liệu: chỉ xem"))
            return []
        errors: list[str] = []
        files: list[tuple[str, bytes]] = []
        try:
            self._max_mb = self.store.settings().evidence_max_mb
        except ParappError:
            pass
        limit = self._max_mb * 1024 * 1024
        for p in map(Path, paths):
            try:
                if not p.is_file():
                    errors.append(self.tr("'{name}' không phải là tệp").format(name=p.name))
                    continue
                size = p.stat().st_size
                if size > limit:  # refused without reading a file that may be huge
                    errors.append(self.tr("Tệp '{name}' ({size} MB) vượt giới hạn {limit} MB")
                                  .format(name=p.name, limit=self._max_mb,
                                          size=fmt(Decimal(size) / 1048576, 1, comma=None)))
                    continue
                files.append((p.name, p.read_bytes()))
            except OSError as exc:
                errors.append(self.tr("Không đọc được tệp '{name}': {error}").format(
                    name=p.name, error=exc.strerror or exc))
        added: list[str] = []
        last_uuid = None
        where = f"Đơn vị {self.unit_code}, tiêu chí {self.criterion_code}: "
        if files:
            try:
                with self.store.edit("gui") as ed:
                    for name, data in files:
                        try:
                            row = ed.add_evidence(self.unit_code, self.criterion_code, data, name)
                        except ParappError as exc:
                            errors.append(str(exc).removeprefix(where))
                        else:
                            added.append(row.original_name)
                            last_uuid = row.uuid
            except ParappError as exc:
                added, last_uuid = [], None
                errors.append(str(exc).removeprefix(where))
        if added:
            self._fill_evidence(select_uuid=last_uuid)
        if errors:
            self._message("\n".join(errors))
        elif added:
            self._message(self.tr("Đã thêm: {names}").format(names=", ".join(added)), INFO_STYLE)
        if added:
            self.evidence_changed.emit(self.unit_code, self.criterion_code, ed.txn)
        return added

    def open_evidence(self) -> Path | None:
        """Write the selected document to a private temporary file with a generated name and
        hand it to the desktop. Returns the file written (None if refused)."""
        ev = self.current_evidence()
        if ev is None or self.store is None:
            return None
        target = _evidence_temp_dir() / temp_file_name(ev.uuid, ev.name)
        if target.suffix.lstrip(".").lower() not in OPENABLE:
            self._message(self.tr("Không mở trực tiếp loại tệp này; hãy dùng “Lưu ra…”"))
            return None
        try:  # always written afresh: what opens is what is stored, even if a viewer saved over it
            data = self.store.evidence_bytes(ev.uuid)
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

    def save_evidence(self) -> Path | None:
        ev = self.current_evidence()
        if ev is None or self.store is None:
            return None
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Lưu tài liệu kiểm chứng"), str(Path.home() / safe_name(ev.name)))
        if not name:
            return None
        try:
            data = self.store.evidence_bytes(ev.uuid)
            Path(name).write_bytes(data)
        except (ParappError, OSError) as exc:
            self._message(self.tr("Không lưu được '{name}': {error}").format(
                name=ev.name, error=getattr(exc, "strerror", None) or exc))
            return None
        self._message(self.tr("Đã lưu ra {path}").format(path=name), INFO_STYLE)
        return Path(name)

    def remove_evidence(self) -> bool:
        ev = self.current_evidence()
        if ev is None or not self._can_edit_evidence():
            return False
        answer = QMessageBox.question(
            self, self.tr("Xóa tài liệu kiểm chứng"),
            self.tr("Xóa tài liệu “{name}” khỏi tiêu chí {code}?").format(
                name=ev.name, code=self.criterion_code),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            with self.store.edit("gui") as ed:
                ed.remove_evidence(ev.uuid)
        except ParappError as exc:
            self._message(str(exc))
            return False
        self._fill_evidence()
        self._message(self.tr("Đã xóa: {name}").format(name=ev.name), INFO_STYLE)
        self.evidence_changed.emit(self.unit_code, self.criterion_code, ed.txn)
        return True

    def _on_evidence_selected(self, row: int) -> None:
        self._update_evidence_buttons()
        self._preview_pixmap = None
        ev = self.current_evidence()
        if ev is None:
            self.preview_text.setText(
                self.tr("Kéo thả tệp vào đây hoặc bấm “Thêm…”") if self._can_edit_evidence()
                and self.node is not None else "")
            self.preview.setCurrentWidget(self.preview_text)
            return
        try:
            data = self.store.evidence_bytes(ev.uuid)
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
            self._scale_preview()
            return
        self.preview_text.setText(self.tr("Không xem trước được"))
        self.preview.setCurrentWidget(self.preview_text)

    def _scale_preview(self) -> None:
        if self._preview_pixmap is None:
            return
        ratio = self.devicePixelRatioF()
        size = self.preview_image.size() * ratio
        natural = self._preview_pixmap.size()
        if natural.width() <= size.width() and natural.height() <= size.height():
            size = natural  # small pictures at their own size, never blown up
        scaled = self._preview_pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                             Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(ratio)
        self.preview_image.setPixmap(scaled)
