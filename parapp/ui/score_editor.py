"""The score editor: one leaf of one unit, the unit's self-assessment beside the council's
appraisal, with the leaf's evidence documents underneath.

The editor shows what the open document read (`PeriodData`: the leaf's stored fields and
evidence, in memory) and never touches the file: every edit is a change operation
(parapp.ui.operations) — one `store.edit("gui")` transaction per user action (Enter in a score
field, focus leaving a field whose content changed, a drop of files, a removal) run on the file
thread; the window hears of it once through the operations' `changed` (views, undo), and the
editor announces it with `committed` / `evidence_changed` when it is written. What was typed
counts as stored from the moment it is sent; a refusal by the file brings the stored values
back and says so, naming the leaf. Values the core would refuse are refused here first, in the
field's own words (`check_points`, `needs_reason`); the core's `ValidationError` remains the
last word and is shown inline, never as a traceback. Scores are exact `Decimal`s from `parse_decimal`, never floats.
The static layout lives in forms/score_editor.ui; this module keeps the behaviour.

Public API (for the window):

Signals
    committed(unit_code, criterion_code, field_name, old_value, new_value)
        once a score commit is written, one emission per changed field. `field_name` is a
        `Edit.write_scores` field ("self_points", "explanation", "appraisal_points",
        "appraisal_note", "expected_points"); points are `Decimal | None`, texts `str`; the text
        comes first.
    commit_finished(unit_code, criterion_code, field_names, txn)
        once per commit, after its `committed`: `txn` is the transaction (Store.revert undoes
        it; a score and its reason are one transaction).
    next_requested()
        Enter in a score field whose value is committed (or unchanged).
    evidence_changed(unit_code, criterion_code, txn)
        after evidence was added or removed, in transaction `txn`.

Methods
    attach(document, ops)                          the open document and the window's operations
    set_target(unit_code, criterion_code)          show a leaf (commits pending input first)
    reload()                                       show the current leaf afresh from the data
    stored_changed()                               the document's data for this unit changed
    clear()                                        show nothing
    set_read_only(bool)                            view only (also forced by a read-only file)
    commit_pending() -> bool                       send changed fields now (False if refused)
    pending_problem() -> str | None                why what is typed cannot be written, in words
    leave() -> bool                                before the leaf goes: commit, or ask (never drop
                                                   an entry silently); False: the person stays
    has_pending_changes() -> bool
    add_evidence_files(paths) -> list[str]         what a drop does; returns the names sent
    (the evidence list, its buttons and preview: `evidence`, parapp.ui.evidence_panel)
"""
from __future__ import annotations

import html
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from parapp.core import phases
from parapp.core.criteria import (
    FIGURE_METHODS,
    Method,
    Node,
    Source,
    levels_of,
    needs_reason,
    parse_figure,
    per_case_of,
    points_from_measure,
)
from parapp.core.i18n import pick
from parapp.core.numbers import (
    fmt,
)
from parapp.ui.document import Document
from parapp.ui.evidence_panel import EvidencePanel
from parapp.ui.forms.ui_score_editor import Ui_ScoreEditor
from parapp.ui.messages import (
    ERROR_STYLE,
    NOTE_STYLE,
    QUIET_STYLE,
    WARNING_STYLE,
    show_line,
)
from parapp.ui.operations import Changes, Operations, Work, unit_changes
from parapp.ui.score_fields import (
    EMPTY_ROW,
    EXPECTED,
    PARTNER,
    POINT_FIELDS,
    TEXT_FIELDS,
    PointsValidator,
    explanation_round,
    score_row,
    second_round,
    shown_points,
    stored_fields,
)
from parapp.ui.sizing import fit_words

if TYPE_CHECKING:
    from parapp.core.store import EvidenceInfo

FIGURES = ("self_figure", "appraisal_figure")  # the declared figures the points follow from


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
        self.document: Document | None = None  # the open file's data (never its store)
        self.ops: Operations | None = None
        # values sent to the file and not yet written, by (unit, criterion): shown as stored
        # (coming back to a leaf meanwhile shows what was typed, not what the file held before)
        self._sending: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.unit_code: str | None = None
        self.criterion_code: str | None = None
        self.node: Node | None = None
        self.block = ""
        self.places = 2
        self._stored: dict[str, Any] = dict(EMPTY_ROW)
        self._read_only = False
        self._leaf_ok = False  # a leaf of the unit's block: takes evidence
        self._scorable = False  # … and self-scored: takes scores and texts
        self._survey_points: Decimal | None = None
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
        self.guidance_label = ui.guidanceLabel
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
        # the declared figure the points follow from (bands, proportional, per case)
        self.self_figure, self.appraisal_figure = ui.selfFigureEdit, ui.appraisalFigureEdit
        self._figure_labels = (ui.selfFigureLabel, ui.appraisalFigureLabel)
        # the mid-year expected score, beside the self score: written on its own
        self.expected, self.expected_error = ui.expectedEdit, ui.expectedErrorLabel
        self.evidence_list, self.evidence_message = ui.evidenceList, ui.evidenceMessageLabel
        self.add_button, self.open_button = ui.addButton, ui.openButton
        self.save_button, self.remove_button = ui.saveButton, ui.removeButton
        self.preview, self.preview_text, self.preview_image = (
            ui.preview, ui.previewText, ui.previewImage)
        self.splitter, self.evidence_splitter = ui.splitter, ui.evidenceSplitter

        for label, style in ((self.info_label, WARNING_STYLE), (self.self_error, ERROR_STYLE),
                             (self.expected_error, ERROR_STYLE),
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
        for field in (self.self_score, self.appraisal_score, self.expected):
            field.setValidator(PointsValidator(field))
            # room for "10,2500" and the frame
            field.setMinimumWidth(field.fontMetrics().horizontalAdvance("000,0000") * 3 // 2)
        # a figure is an entry like the others: Enter writes it (the points follow, the cursor
        # stays to see them), Esc puts the stored one back, leaving the field or the leaf
        # writes it
        self._figures: dict[QObject, str] = {self._figure_widget(n): n for n in FIGURES}
        for field in self._figures:
            field.returnPressed.connect(
                lambda f=field: self.commit_figure(self._figure_name(f)))
            field.textEdited.connect(lambda _t, f=field: self._on_figure_edited(f))
        for field in (self.explanation, self.appraisal_note):
            lines = field.fontMetrics().lineSpacing()
            field.setMinimumHeight(lines * 3 + lines // 2 + 2 * field.frameWidth())
        line = self.fontMetrics().height()
        self.preview.setMinimumSize(line * 6, line * 6)  # the names before the picture
        self.evidence_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        # buttons as narrow as their words when room is short (the style's 80 px each would
        # make the editor wide and leave the criteria's names less room on a laptop)
        for button in (self.add_button, self.open_button, self.save_button, self.remove_button):
            fit_words(button)

        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([30_000, 20_000])
        # the names need more room than the picture to be read: three fifths for the list
        self.evidence_splitter.setStretchFactor(0, 3)
        self.evidence_splitter.setStretchFactor(1, 2)
        self.evidence_splitter.setSizes([12_000, 8_000])

        self.evidence = EvidencePanel(self)

        self.expected.setToolTip(self.tr("Điểm đơn vị dự kiến đạt được ở tiêu chí này (giữa năm, "
                                         "trước khi tự đánh giá); Enter: ghi"))

        self._fields: dict[QObject, str] = {
            self.self_score: "self_points", self.explanation: "explanation",
            self.appraisal_score: "appraisal_points", self.appraisal_note: "appraisal_note",
            self.expected: EXPECTED}
        # keys and focus on the fields; file drags wherever they land (a text edit's and the
        # list's viewport receive the drag events, not the widget itself)
        for widget in (*self._fields, *self._figures, self.evidence_list,
                       self.explanation.viewport(),
                       self.appraisal_note.viewport(), self.evidence_list.viewport()):
            widget.installEventFilter(self)
        # the picture follows its own size (the splitters move it, not only the editor's size)
        self.preview_image.installEventFilter(self)

        self.setAcceptDrops(True)  # files dropped anywhere on the editor become evidence

        self.self_score.textEdited.connect(lambda _t: self._on_points_edited("self_points"))
        self.appraisal_score.textEdited.connect(
            lambda _t: self._on_points_edited("appraisal_points"))
        self.expected.textEdited.connect(lambda _t: self._on_points_edited(EXPECTED))
        self.explanation.textChanged.connect(lambda: self._on_text_edited("explanation"))
        self.appraisal_note.textChanged.connect(lambda: self._on_text_edited("appraisal_note"))

    # -- loading ------------------------------------------------------------------------------

    def clear(self) -> None:
        """Show nothing: no leaf."""
        self.unit_code = self.criterion_code = self.node = None
        self._stored = dict(EMPTY_ROW)
        self._leaf_ok = self._scorable = False
        self._survey_points = None
        self.title_label.setText(self.tr("Chưa chọn tiêu chí"))
        for label in (self.meta_label, self.self_max, self.appraisal_max):
            label.clear()  # no "/ max" of the leaf shown before
        self.guidance_label.clear()  # nor its rules
        self.guidance_label.hide()
        show_line(self.info_label, None)
        self._fill_fields()
        self.evidence.fill()
        self._apply_read_only()

    def attach(self, document: Document, ops: Operations) -> None:
        """The document whose data is shown, and the operations that write to its file."""
        self.document, self.ops = document, ops

    def set_target(self, unit_code: str, criterion_code: str) -> None:
        """Show one leaf of one unit. Changed fields of the previous leaf are committed first;
        the window calls `leave()` before, so that input the file refuses is never dropped
        without the person deciding."""
        if self.unit_code is not None:
            self.commit_pending()
        self.unit_code, self.criterion_code = unit_code, criterion_code
        self.reload()

    def reload(self) -> None:
        """Show the current leaf afresh from the document's data (after an undo, an import…);
        what is typed and not written is dropped."""
        data = self.document.data if self.document is not None else None
        unit_code, code = self.unit_code, self.criterion_code
        if data is None or unit_code is None or code is None:
            self.clear()
            return
        tree, settings = data.snapshot.tree, data.snapshot.settings
        self.places, self._max_mb = settings.display_decimals, settings.evidence_max_mb
        self._allow_above_self = settings.allow_appraisal_above_self
        unit = data.unit_input(unit_code)
        node = tree.by_code.get(code)
        self.node = node
        self.block = unit.block if unit is not None else ""
        info = None
        if node is None or unit is None:
            info = self.tr("Không có đơn vị {unit} hoặc tiêu chí {code}").format(
                unit=unit_code, code=code)
        elif not tree.is_leaf(node.key):
            info = self.tr("Tiêu chí này có tiêu chí con: chọn một tiêu chí thành phần để chấm "
                           "điểm")
        elif node.max_for(self.block) <= 0:
            info = self.tr("Tiêu chí không thuộc bộ chỉ số của khối {block}").format(
                block=self.block)
        self._leaf_ok = info is None
        self._scorable = self._leaf_ok and node.source is Source.SELF
        self._survey_points = None
        self._stored = self._row(unit_code, code) if self._leaf_ok \
            else dict(EMPTY_ROW)
        self._show_header(node, unit)
        if self._leaf_ok and not self._scorable:
            info = self._survey_note(unit, node)
        show_line(self.info_label, info)
        for field in (self.self_score, self.appraisal_score, self.expected):
            field.validator().set_leaf(node, self.block)
        self._fill_fields()
        if self._survey_points is not None:  # derived, shown on both sides, read-only
            text = fmt(self._survey_points, self.places, comma=None)
            self.self_score.setText(text)
            self.appraisal_score.setText(text)
        self.evidence.fill()
        self._apply_read_only()

    def _row(self, unit_code: str, criterion_code: str) -> dict[str, Any]:
        """What is stored on a leaf, with the values sent and not yet written over it."""
        row = score_row(self.document, unit_code, criterion_code)
        for sent in self._sending.get((unit_code, criterion_code), ()):
            row.update(sent)
        return row

    def stored_changed(self) -> None:
        """The document's data for the unit shown changed (an edit written, an undo): fields
        nobody typed in since show the stored values; what is being typed stays."""
        if not self._leaf_ok or self.document is None or self.document.data is None:
            return
        fresh = self._row(self.unit_code, self.criterion_code)
        for name in (*POINT_FIELDS, *TEXT_FIELDS):
            if not self._changed(name):
                self._show_stored(name, fresh[name])
        for name in ("self_figure", "appraisal_figure"):
            widget = self._figure_widget(name)
            if widget.isVisible() and " ".join(widget.text().split()) in (
                    self._stored.get(name, ""), fresh.get(name, "")):
                widget.setText(fresh.get(name, ""))
        self._stored = fresh
        self._update_hints()
        self.evidence.fill(keep=True)
        self._apply_read_only()

    def _show_stored(self, name: str, value: Any) -> None:
        if name in POINT_FIELDS:  # the stored form: '0.750' → '0,75'
            widget, shown = self._points_widget(name), shown_points(value, self.places)
            if widget.text() != shown:  # the same: left alone, its text still selected for
                widget.setText(shown)  # the next score typed over it
        elif self._text_widget(name).toPlainText() != value:
            widget = self._text_widget(name)  # what is stored: no trailing spaces or lines
            widget.blockSignals(True)
            widget.setPlainText(value)
            widget.blockSignals(False)

    # -- declared figures -------------------------------------------------------------------------

    def _figure_name(self, widget: QLineEdit) -> str:
        return self._figures[widget]

    def _figure_widget(self, name: str) -> QLineEdit:
        return self.self_figure if name == "self_figure" else self.appraisal_figure

    def _show_figures(self) -> None:
        """The figure fields where the leaf's points follow from one: the unit's beside its
        score, the appraiser's correction beside the first appraisal (round 2 has none)."""
        takes = (self._scorable and self.node is not None
                 and self.node.method in FIGURE_METHODS)
        hint = (self.tr("số trường hợp") if takes and self.node.method is Method.PER_CASE
                else self.tr("3194/3400 hoặc 93,9%"))
        for name, label, visible in (
                ("self_figure", self._figure_labels[0], takes),
                ("appraisal_figure", self._figure_labels[1],
                 takes and not second_round(self.document))):
            widget = self._figure_widget(name)
            widget.setText(self._stored.get(name, "") if visible else "")
            widget.setPlaceholderText(hint)
            widget.setToolTip(self.tr("Số liệu đơn vị kê khai (ví dụ 3194/3400 hồ sơ trực tuyến "
                                      "hoặc 93,9%); Enter: điểm được tính theo cách chấm của "
                                      "tiêu chí") if name == "self_figure" else
                              self.tr("Số liệu thẩm định lại (nếu khác số liệu đơn vị kê khai, "
                                      "cần ghi lý do); Enter: tính điểm thẩm định"))
            widget.setVisible(visible)
            label.setVisible(visible)

    def _figure_takes(self, name: str) -> bool:
        """Whether the figure field `name` is shown on this leaf and can be typed in."""
        widget = self._figure_widget(name)  # shown on a leaf scored from a figure
        return (self._scorable and not widget.isHidden() and not widget.isReadOnly()
                and not self._effective_read_only())

    def _figure_typed(self, name: str) -> str:
        return " ".join(self._figure_widget(name).text().split())

    def _figure_changed(self, name: str) -> bool:
        return self._figure_takes(name) and self._figure_typed(name) != self._stored.get(name, "")

    def _figure_problem(self, name: str) -> str | None:
        """Why the typed figure is not one the leaf's method reads (the core's own rule)."""
        if not self._figure_changed(name) or self.node is None:
            return None
        try:
            parse_figure(self.node, self._figure_typed(name))
        except ValueError as exc:
            vi, en = exc.args[0]
            return pick(vi, en)
        return None

    def _figure_error(self, name: str) -> QLabel:
        return self.self_error if name == "self_figure" else self.appraisal_error

    def _on_figure_edited(self, widget: QLineEdit) -> None:
        show_line(self._figure_error(self._figure_name(widget)), None)

    def revert_figure(self, name: str) -> None:
        """The stored figure back in its field, its message cleared (what Esc does)."""
        if not self._figure_widget(name).isHidden():
            self._figure_widget(name).setText(self._stored.get(name, ""))
            show_line(self._figure_error(name), None)

    def commit_figure(self, name: str) -> bool:
        """Write the figure typed in `name` (self_figure / appraisal_figure): the core works the
        points out with the criterion's method. The appraiser's goes with the reason typed
        beside it. True if sent or nothing to write; False if it is not a figure (said)."""
        if not self._figure_changed(name):
            return True
        error = self._figure_error(name)
        problem = self._figure_problem(name)
        if problem:
            show_line(error, problem)
            return False
        changes: dict[str, Any] = {name: self._figure_typed(name)}
        if name == "appraisal_figure" and self._changed("appraisal_note"):
            changes["appraisal_note"] = self._current("appraisal_note")
        show_line(error, None)
        self._send(changes, error)
        return True

    def _survey_note(self, unit, node: Node) -> str:
        """Survey-fed leaf: the derived points (read-only) and where they come from."""
        pct = unit.measured.get(node.key)  # reported for this criterion, else the unit's
        if pct is None:
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
            self.guidance_label.hide()
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
        elif node.method.value == "per_case":
            each, most = per_case_of(node.params)
            method += " (" + self.tr("{each} mỗi trường hợp").format(
                each=fmt(each, self.places, comma=None)) + (self.tr(", tối đa {most}").format(
                    most=fmt(most, self.places, comma=None)) if most is not None else "") + ")"
        elif node.method.value == "yesno":
            method += " (" + self.tr("0 hoặc {top}").format(
                top=fmt(top, self.places, comma=None)) + ")"
        parts = [self.tr("Điểm tối đa: {max}").format(max=fmt(top, self.places, comma=None))]
        leaf = self.document is not None and self.document.data is not None and \
            self.document.data.snapshot.tree.is_leaf(node.key)
        if leaf:  # a group is not scored: no method, no evidence of its own
            parts.append(self.tr("Cách chấm: {method}").format(method=method))
        if leaf and node.source is Source.SELF:
            parts.append(self.tr("Bắt buộc có tài liệu kiểm chứng") if node.evidence_required
                         else self.tr("Không bắt buộc tài liệu kiểm chứng"))
        self.meta_label.setText("  ·  ".join(parts))
        # the province's own words beside the fields: how points are given, what evidence
        guidance = [(self.tr("Cách tính điểm"), node.guidance),
                    (self.tr("Yêu cầu tài liệu kiểm chứng"), node.evidence_guidance)]
        lines = [f"<b>{html.escape(title)}:</b> {html.escape(text).replace(chr(10), '<br>')}"
                 for title, text in guidance if text]
        self.guidance_label.setText("<br>".join(lines))
        self.guidance_label.setVisible(bool(lines))
        shown = self.tr("/ {max}").format(max=fmt(top, self.places, comma=None)) \
            if top and leaf else ""  # a group's maximum is in its header, not by a field
        self.self_max.setText(shown)
        self.appraisal_max.setText(shown)

    def _fill_fields(self) -> None:
        """Put the stored values in every field and clear the messages."""
        stored = self._stored
        for name, widget in (("self_points", self.self_score),
                             ("appraisal_points", self.appraisal_score),
                             (EXPECTED, self.expected)):
            widget.setText(shown_points(stored[name], self.places))
        for name, widget in (("explanation", self.explanation),
                             ("appraisal_note", self.appraisal_note)):
            widget.blockSignals(True)
            widget.setPlainText(stored[name])
            widget.blockSignals(False)
        for label in (self.self_error, self.appraisal_error, self.explanation_error,
                      self.note_error, self.expected_error):
            show_line(label, None)
        self._show_figures()
        if "first_explanation" in stored:  # explaining a deduction: what was said before
            extra = stored["first_explanation"].strip()
            show_line(self.explanation2_label, self.tr("Giải trình khi tự đánh giá: {text}")
                      .format(text=extra) if extra else None)
        else:
            extra = stored["explanation2"].strip()
            show_line(self.explanation2_label, self.tr("Giải trình bổ sung: {text}")
                      .format(text=extra) if extra else None)
        if "first_points" in stored:  # entering round 2: show round 1 beside it
            text = self.tr("Thẩm định vòng 1: {points}").format(
                points=fmt(stored["first_points"], self.places, comma=None) or "—")
            if stored["first_note"].strip():
                text += " — " + stored["first_note"].strip()
            show_line(self.round2_label, text)
        elif stored["appraisal2_points"] is not None or stored["appraisal2_note"].strip():
            text = self.tr("Thẩm định vòng 2: {points}").format(
                points=fmt(stored["appraisal2_points"], self.places, comma=None) or "—")
            if stored["appraisal2_note"].strip():
                text += " — " + stored["appraisal2_note"].strip()
            show_line(self.round2_label, text)
        else:
            show_line(self.round2_label, None)
        self._update_hints()

    # -- read-only ------------------------------------------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        """View only: nothing can be typed, added or removed (open and save still work)."""
        self._read_only = bool(read_only)
        self._apply_read_only()

    def is_read_only(self) -> bool:
        return self._effective_read_only()

    def _effective_read_only(self) -> bool:
        return self._read_only or self.document is None or self.document.read_only

    def _locks(self) -> tuple[bool, bool, bool]:
        """Whether the self score, the unit's text and the appraisal side are locked. A
        package takes what its kind lets its holder enter on its part (the core refuses the
        rest): a member's, the appraisal; a unit's, its self-assessment, or in its explanation
        package the explanation of a deduction. Everything else is context."""
        locked = self._effective_read_only() or not self._scorable
        scope = self.document.package_scope if self.document is not None else None
        if scope is None:  # the master: what its phase of the season takes
            open_now = phases.open_fields(self.document.phase if self.document else None)
            appraisal = phases.ROUND2_FIELDS if second_round(self.document) \
                else phases.ROUND1_FIELDS
            own = locked or not open_now >= phases.SELF_FIELDS
            return own, own, locked or not appraisal <= open_now
        closed = locked or (self.unit_code, self.criterion_code) not in scope.targets
        entered = set(scope.kind.fields)
        return ("self_points" not in entered or closed,
                not entered & {"explanation", "explanation2"} or closed,
                ("appraisal_points" not in entered and "appraisal2_points" not in entered)
                or closed)

    def _expected_locked(self) -> bool:
        """The expected score: in the master while its phase takes it (preparation,
        self-assessment, or no phase), in a unit's self-assessment package on its part; on any
        leaf of the unit's block, a survey-fed one too (the core takes it there)."""
        if self._effective_read_only() or not self._leaf_ok:
            return True
        scope = self.document.package_scope
        if scope is None:
            return EXPECTED not in phases.open_fields(self.document.phase)
        return EXPECTED not in scope.kind.fields or (
            self.unit_code, self.criterion_code) not in scope.targets

    def _takes(self, name: str) -> bool:
        """Whether the leaf holds the field: the expected score on any leaf of the block, the
        rest on self-scored leaves only."""
        return self._leaf_ok if name == EXPECTED else self._scorable

    def _apply_read_only(self) -> None:
        own, text, appraisal = self._locks()
        explaining = explanation_round(self.document)
        for widget, hint, locked in (
                (self.self_score, "", own), (self.appraisal_score, "", appraisal),
                (self.explanation, self.tr("Vì sao đơn vị đề nghị xem xét lại điểm trừ…")
                 if explaining else self.tr("Giải trình của đơn vị…"), text),
                (self.appraisal_note, self.tr("Lý do khi điểm thẩm định khác điểm tự đánh giá…"),
                 appraisal)):
            widget.setReadOnly(locked)
            widget.setEnabled(self._scorable)  # greyed where nothing can ever be typed
            widget.setPlaceholderText("" if locked else hint)
        for field, locked in ((self.self_figure, own), (self.appraisal_figure, appraisal)):
            field.setReadOnly(locked)
            if locked:  # an example to follow only where something can be typed
                field.setPlaceholderText("")
        self.expected.setReadOnly(self._expected_locked())
        self.expected.setEnabled(self._leaf_ok)
        self.add_button.setEnabled(self._can_edit_evidence())
        self.evidence.update_buttons()

    def _can_edit_evidence(self) -> bool:
        """A unit's package takes files on its part; a member's carries the units' evidence as
        is; the master, in the units' phases."""
        if not self._leaf_ok or self._effective_read_only():
            return False
        scope = self.document.package_scope
        if scope is None:
            return phases.evidence_open(self.document.phase)
        return bool(scope.kind.evidence) and (self.unit_code,
                                              self.criterion_code) in scope.targets

    # -- score editing --------------------------------------------------------------------------

    def _points_widget(self, name: str) -> QLineEdit:
        return {"self_points": self.self_score, "appraisal_points": self.appraisal_score,
                EXPECTED: self.expected}[name]

    def _text_widget(self, name: str) -> QPlainTextEdit:
        return self.explanation if name == "explanation" else self.appraisal_note

    def _error_label(self, name: str) -> QLabel:
        return {"self_points": self.self_error, "appraisal_points": self.appraisal_error,
                "explanation": self.explanation_error, "appraisal_note": self.note_error,
                EXPECTED: self.expected_error}[name]

    def _current(self, name: str) -> Any:
        """What a field holds now: Decimal | None for points (raises ValueError if invalid)."""
        if name in POINT_FIELDS:
            widget = self._points_widget(name)
            if widget.validator().problem(widget.text()) is not None:
                raise ValueError(name)
            return widget.validator().parse(widget.text())
        return self._text_widget(name).toPlainText().strip()  # no stray spaces or blank lines

    def _problem(self, name: str) -> str | None:
        """Why what is typed in a score field is not a valid score, in the field's words (the
        expected score's message says whose it is: it shares the side with the self score)."""
        widget = self._points_widget(name)
        problem = widget.validator().problem(widget.text())
        if problem and name == EXPECTED:
            return self.tr("Điểm dự kiến: {problem}").format(problem=problem)
        return problem

    def _changed(self, name: str) -> bool:
        if not self._takes(name):
            return False
        if name in POINT_FIELDS:
            widget = self._points_widget(name)
            try:
                return self._current(name) != self._stored[name]
            except ValueError:
                return widget.text().strip() != shown_points(self._stored[name], self.places)
        return self._current(name) != self._stored[name]

    def has_pending_changes(self) -> bool:
        return any(self._changed(n) for n in (*POINT_FIELDS, *TEXT_FIELDS)) or any(
            self._figure_changed(n) for n in FIGURES)

    def pending_problem(self) -> str | None:
        """Why the entry typed on this leaf cannot be written, naming the real problem ("thiếu lý
        do trừ điểm", a score above the maximum, not a number), or None when there is nothing
        the file would refuse."""
        if not self._leaf_ok or self._effective_read_only():
            return None
        for name, side in (("self_points", self.tr("Điểm tự đánh giá")),
                           ("appraisal_points", self.tr("Điểm thẩm định")),
                           (EXPECTED, self.tr("Điểm dự kiến"))):
            widget = self._points_widget(name)
            problem = widget.validator().problem(widget.text()) if self._changed(name) else None
            if problem:
                return self.tr("{side} «{text}»: {problem}").format(
                    side=side, text=widget.text().strip(), problem=problem)
        for name in FIGURES:
            problem = self._figure_problem(name)
            if problem:
                return problem
        if not (self._changed("appraisal_points") or self._changed("appraisal_note")):
            return None
        appraisal, reference = self._appraisal_now(), self._stored["reference"]
        if not needs_reason(appraisal, reference, self._current("appraisal_note")):
            return None
        what = self.tr("thẩm định vòng 1") if "first_points" in self._stored else \
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
        self.revert_all()
        return True

    def _focus_problem(self) -> None:
        """The cursor where the entry is incomplete: the bad score, else the reason."""
        self.window().activateWindow()  # back from the question
        for name in POINT_FIELDS:
            widget = self._points_widget(name)
            if self._changed(name) and widget.validator().problem(widget.text()):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        for name in FIGURES:
            if self._figure_problem(name):
                self._figure_widget(name).setFocus(Qt.FocusReason.OtherFocusReason)
                return
        self.appraisal_note.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_points_edited(self, name: str) -> None:
        show_line(self._error_label(name), self._problem(name))
        self._update_hints()

    def _on_text_edited(self, name: str) -> None:
        show_line(self._error_label(name), None)
        self._update_hints()

    def _reason_text(self) -> str:
        if "first_points" in self._stored:
            return self.tr("Cần ghi lý do khi điểm thẩm định vòng 2 khác vòng 1")
        return self.tr("Cần ghi lý do khi điểm thẩm định khác điểm tự đánh giá")

    def _appraisal_now(self) -> Decimal | None:
        try:
            return self._current("appraisal_points")
        except ValueError:
            return self._stored["appraisal_points"]

    def _update_hints(self) -> None:
        if not self._scorable:
            show_line(self.reason_hint, None)
            show_line(self.above_self_warning, None)
            return
        appraisal, own = self._appraisal_now(), self._stored["self_points"]
        missing = needs_reason(appraisal, self._stored["reference"],
                               self.appraisal_note.toPlainText())
        show_line(self.reason_hint, self._reason_text() if missing else None)
        above = appraisal is not None and own is not None and appraisal > own and \
            not self._allow_above_self
        show_line(self.above_self_warning,
              self.tr("Điểm thẩm định cao hơn điểm tự đánh giá") if above else None)

    def revert(self, name: str) -> None:
        """Put the stored value back in a field and clear its message (what Esc does)."""
        if name in POINT_FIELDS:
            self._points_widget(name).setText(shown_points(self._stored[name], self.places))
        else:
            widget = self._text_widget(name)
            widget.blockSignals(True)
            widget.setPlainText(self._stored[name])
            widget.blockSignals(False)
        show_line(self._error_label(name), None)
        self._update_hints()

    def revert_all(self) -> None:
        """Every field back to what is stored (what was typed is dropped)."""
        for name in (*POINT_FIELDS, *TEXT_FIELDS):
            self.revert(name)
        for name in FIGURES:
            self.revert_figure(name)

    def commit_pending(self) -> bool:
        """Commit every changed field now; False if something was refused (and shown)."""
        ok = True
        for name in ("self_points", "appraisal_points"):
            if self._changed(name) or self._changed(PARTNER[name]):
                ok = self.commit(name) and ok
        if self._changed(EXPECTED):
            ok = self.commit(EXPECTED) and ok
        for name in FIGURES:  # after the scores: a figure typed with them gives the points
            ok = self.commit_figure(name) and ok
        return ok

    def commit(self, origin: str) -> bool:
        """Commit the field `origin` with its partner on the same side (score and its text) if
        that changed too, in one transaction; the expected score alone. True if written or
        nothing to write."""
        if not self._takes(origin) or self._effective_read_only() or (
                origin == EXPECTED and self._expected_locked()):
            return True
        if origin == EXPECTED:
            group: tuple[str, ...] = (EXPECTED,)
        else:
            points, text = (origin, PARTNER[origin]) if origin in POINT_FIELDS \
                else (PARTNER[origin], origin)
            group = (text, points)  # the text first: see `committed` in the module docstring
        changes: dict[str, Any] = {}
        for name in group:
            if not self._changed(name):
                continue
            if name in POINT_FIELDS:
                problem = self._problem(name)
                if problem:
                    show_line(self._error_label(name), problem)
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
                show_line(self.reason_hint, self._reason_text())
                return False
        for name in changes:
            show_line(self._error_label(name), None)
        self._send(changes, self._error_label(origin))
        return True

    def _send(self, changes: dict[str, Any], error: QLabel) -> None:
        """Write `changes` (the editor's field names → values) on the leaf shown, one
        transaction on the file thread. What is sent counts as stored at once (`_row` lays it
        over the document's data until the file answers); a refusal puts the stored values
        back, the typed ones staying in their fields, and says why in `error` — or in a box
        when the person has gone on to another leaf."""
        unit, code = self.unit_code, self.criterion_code
        mapped = stored_fields(self.document)
        fields = {mapped.get(k, k): v for k, v in changes.items()}
        old = {name: self._stored[name] for name in changes}
        self._stored.update(changes)
        sent = dict(changes)
        self._sending.setdefault((unit, code), []).append(sent)

        def settled() -> None:
            queue = self._sending.get((unit, code), [])
            if sent in queue:
                queue.remove(sent)
            if not queue:
                self._sending.pop((unit, code), None)
        self._update_hints()
        label = self.tr("Sửa điểm {unit}, tiêu chí {criterion}").format(unit=unit, criterion=code)
        notes = "appraisal_note" in changes

        def work(w: Work) -> Changes:
            with w.store.edit("gui") as ed:
                ed.write_scores([(unit, code, fields)])
            return unit_changes(w.store, label, ed.txn, {unit}, criterion=code, notes=notes)

        def written(result: Changes) -> None:
            settled()
            row = self._row(unit, code)
            for name in changes:
                self.committed.emit(unit, code, name, old[name], row[name])
            self.commit_finished.emit(unit, code, list(changes), result.txn)

        def refused(message: str) -> None:
            settled()
            if (self.unit_code, self.criterion_code) == (unit, code):
                self._stored.update(old)
                show_line(error, message)
                self._update_hints()
            else:
                QMessageBox.warning(self, self.tr("Điểm chưa được ghi"), self.tr(
                    "Tiêu chí {code}, {unit}: {message}").format(code=code, unit=unit,
                                                                 message=message))
        self.ops.change(label, work, written, refused)

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
                self.evidence.scale_preview()
            return super().eventFilter(obj, event)
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop) \
                and event.mimeData().hasUrls():
            # files dropped on a field or the list are evidence, not text to insert
            if kind == QEvent.Type.Drop:
                self.dropEvent(event)
            else:
                self.dragEnterEvent(event)
            return True
        figure = self._figures.get(obj)
        if figure is not None:
            if kind == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
                self.revert_figure(figure)
                return True
            if self._left(event) and self._figure_changed(figure):
                self.commit_figure(figure)
            return super().eventFilter(obj, event)
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
        elif self._left(event) and self._changed(name):
            self.commit(name)
        return super().eventFilter(obj, event)

    @staticmethod
    def _left(event: QEvent) -> bool:
        """The cursor left a field for another one (not for another window or a menu)."""
        return (event.type() == QEvent.Type.FocusOut and isinstance(event, QFocusEvent)
                and event.reason() not in (Qt.FocusReason.ActiveWindowFocusReason,
                                           Qt.FocusReason.PopupFocusReason))

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
        self.evidence.add_files(paths)

    # -- evidence (parapp.ui.evidence_panel) ------------------------------------------------------

    def add_evidence_files(self, paths: Iterable[str | Path]) -> list[str]:
        return self.evidence.add_files(paths)

    def current_evidence(self) -> EvidenceInfo | None:
        return self.evidence.current()

    def open_evidence(self) -> Path | None:
        return self.evidence.open()

    def save_evidence(self) -> Path | None:
        return self.evidence.save()

    def remove_evidence(self) -> bool:
        return self.evidence.remove()
