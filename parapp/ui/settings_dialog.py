"""The period settings dialog: tie policy, tie-breakers, classification rules, decimals, caps.

`SettingsDialog` (its layout in forms/settings_dialog.ui) edits the period settings and
re-validates on every change with the core's `parse_setting`: errors show next to their field
and disable OK; valid candidates are emitted as `preview(dict)` (key → text) so the window can
re-rank without saving (`parapp.core.evaluation.evaluate_preview` does that from a snapshot).
`to_write()` gives the changed settings, which the window writes in one change operation;
closing the dialog any other way writes nothing.
"""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFontDatabase,
    QFontMetrics,
    QPalette,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from parapp.core.classification import PRESETS, rules_from_setting
from parapp.core.errors import ParappError, ValidationError
from parapp.core.evaluation import evaluate_preview
from parapp.core.i18n import pick
from parapp.core.numbers import fmt
from parapp.core.ranking import TIE_BREAKERS, TiePolicy, tie_breaker_label
from parapp.core.settings import DEFAULTS, SPECS, PeriodSettings, parse_setting, settings_with
from parapp.ui.forms.ui_settings_dialog import Ui_SettingsDialog
from parapp.ui.operations import Changes, Work, period_changes
from parapp.ui.theme import is_dark

if TYPE_CHECKING:
    from parapp.ui.main_window import MainWindow

KEY_ROLE = Qt.ItemDataRole.UserRole  # tie-breaker or preset name

CUSTOM = "__custom__"
# the settings the dialog edits, in the order they are written
EDITED = ("tie_policy", "tie_breakers", "classification", "min_months_in_post",
          "display_decimals", "rounding", "bonus_cap", "penalty_cap", "clamp_index",
          "allow_appraisal_above_self")
_CAP_HINT = ("bonus_cap", "penalty_cap")


def rules_json(rules: Sequence[Mapping]) -> str:
    """A rule list as JSON text, one rule a line."""
    if not rules:
        return "[]"
    return "[\n" + ",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in rules) + "\n]"


def setting_text(key: str, value: Any) -> str:
    """A stored setting value as the text `parse_setting` reads back."""
    if key == "tie_breakers":
        return ",".join(value)
    if key == "classification":
        return value if isinstance(value, str) else rules_json(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if key in ("bonus_cap", "penalty_cap") and value is not None:
        return fmt(Decimal(value), None)  # points as shown everywhere: 2,5 in Vietnamese
    return "" if value is None else str(value)


def setting_texts(settings: PeriodSettings) -> dict[str, str]:
    values = settings.values()
    return {key: setting_text(key, values[key]) for key in EDITED}


class SettingsDialog(QDialog):
    """Edits the period settings; re-validates and emits `preview` on every change."""

    preview = Signal(dict)  # key → text of every edited setting, when all are valid

    def __init__(self, settings: PeriodSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self._initial = settings
        self._loading = False
        self._custom_text: str | None = None  # the custom rules typed, kept across presets
        self._showing_custom = False
        self._errors: dict[str, str] = {}
        self._values: dict[str, Any] = {}
        self._original = {k: parse_setting(k, t) for k, t in setting_texts(settings).items()}
        self._last_values = dict(self._original)
        self._original_texts = setting_texts(settings)
        self.ui = ui = Ui_SettingsDialog()
        ui.setupUi(self)
        # the public names (the window and the tests use these)
        self.shared_radio, self.break_radio = ui.sharedRadio, ui.breakRadio
        self.shared_display_radio = ui.sharedDisplayRadio
        self.policy_radios = {TiePolicy.SHARED: self.shared_radio,
                              TiePolicy.SHARED_DISPLAY: self.shared_display_radio,
                              TiePolicy.BREAK: self.break_radio}
        self.policy_group = ui.policyGroup
        self.breakers_list, self.breakers_caption = ui.breakersList, ui.breakersCaption
        self.breakers_hint, self.breakers_note = ui.breakersHint, ui.breakersNote
        self.up_button, self.down_button = ui.upButton, ui.downButton
        self.decimals_combo, self.rounding_combo = ui.decimalsCombo, ui.roundingCombo
        self.bonus_cap_edit, self.penalty_cap_edit = ui.bonusCapEdit, ui.penaltyCapEdit
        self.clamp_check, self.above_self_check = ui.clampCheck, ui.aboveSelfCheck
        self.classification_combo, self.rules_edit = ui.classificationCombo, ui.rulesEdit
        self.rules_hint, self.rules_label = ui.rulesHint, ui.rulesLabel
        self.tenure_spin = ui.tenureSpin
        self.button_box = ui.buttonBox
        self.ok_button = self.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.button_box.button(QDialogButtonBox.StandardButton.Cancel)
        self.defaults_button = self.button_box.button(
            QDialogButtonBox.StandardButton.RestoreDefaults)
        # setting key → the label under its field that says what is wrong
        self.error_labels: dict[str, QLabel] = {
            "tie_policy": ui.tiePolicyError, "tie_breakers": ui.tieBreakersError,
            "classification": ui.classificationError, "min_months_in_post": ui.tenureError,
            "display_decimals": ui.displayDecimalsError, "rounding": ui.roundingError,
            "bonus_cap": ui.bonusCapError,
            "penalty_cap": ui.penaltyCapError, "clamp_index": ui.clampIndexError,
            "allow_appraisal_above_self": ui.aboveSelfError}
        colour = "#ff8a80" if is_dark(self) else "#b3261e"
        for label in self.error_labels.values():
            label.setStyleSheet(f"color: {colour};")

        # what the form cannot hold: the standard buttons' words, the core's descriptions of
        # the settings, the choices (from the core), colour roles and font-derived sizes
        self.ok_button.setText(self.tr("Lưu"))
        self.cancel_button.setText(self.tr("Hủy"))
        self.defaults_button.setText(self.tr("&Mặc định"))
        self.defaults_button.setToolTip(self.tr("Đưa mọi thiết lập trong hộp thoại về mặc định "
                                                "(chỉ ghi khi bấm Lưu)"))
        ui.rankingBox.setToolTip(SPECS["tie_policy"].description)
        for key, widget in (("tie_breakers", self.breakers_list),
                            ("display_decimals", self.decimals_combo),
                            ("rounding", self.rounding_combo),
                            ("bonus_cap", self.bonus_cap_edit),
                            ("penalty_cap", self.penalty_cap_edit),
                            ("clamp_index", self.clamp_check),
                            ("allow_appraisal_above_self", self.above_self_check),
                            ("classification", self.classification_combo),
                            ("min_months_in_post", self.tenure_spin)):
            widget.setToolTip(SPECS[key].description)
        for label in (self.breakers_hint, self.rules_hint):
            label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.rules_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

        line = QFontMetrics(self.breakers_list.font()).height()
        self.breakers_list.setMaximumHeight(len(TIE_BREAKERS) * (line + 10) + 10)
        for name in TIE_BREAKERS:
            label = tie_breaker_label(name)
            item = QListWidgetItem(label[:1].upper() + label[1:])
            item.setData(KEY_ROLE, name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.breakers_list.addItem(item)
        sample = Decimal("92.7571")
        for places in (2, 3):
            self.decimals_combo.addItem(
                self.tr("{n} chữ số (ví dụ {sample})").format(
                    n=places, sample=fmt(sample, places)), places)
        self.rounding_combo.addItem(self.tr("Làm tròn từng cột rồi cộng"), "components")
        self.rounding_combo.addItem(self.tr("Tính trên số chưa làm tròn"), "none")
        combo = self.classification_combo
        for name, (_rules, vi, en) in PRESETS.items():
            combo.addItem(pick(vi, en), name)
            combo.setItemData(combo.count() - 1, f"{name}: {pick(vi, en)}",
                              Qt.ItemDataRole.ToolTipRole)
        combo.addItem(self.tr("Tùy chỉnh (JSON)"), CUSTOM)

        for radio in self.policy_radios.values():
            radio.toggled.connect(self._changed)
        self.breakers_list.itemChanged.connect(self._changed)
        lm = self.breakers_list.model()
        lm.rowsMoved.connect(self._changed_later)
        lm.rowsInserted.connect(self._changed_later)
        self.breakers_list.currentRowChanged.connect(self._update_move_buttons)
        self.up_button.clicked.connect(lambda: self.move_breaker(-1))
        self.down_button.clicked.connect(lambda: self.move_breaker(+1))
        self.decimals_combo.currentIndexChanged.connect(self._changed)
        self.rounding_combo.currentIndexChanged.connect(self._changed)
        for edit in (self.bonus_cap_edit, self.penalty_cap_edit):
            edit.textChanged.connect(self._changed)
        for check in (self.clamp_check, self.above_self_check):
            check.toggled.connect(self._changed)
        combo.currentIndexChanged.connect(self._on_preset_changed)
        self.tenure_spin.valueChanged.connect(self._changed)
        self.rules_edit.textChanged.connect(self._changed)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        self.defaults_button.clicked.connect(lambda: self.load(DEFAULTS))

        self.load(settings)
        self.resize(self.sizeHint().expandedTo(QSize(1040, 560)))

    # -- loading ----------------------------------------------------------------------------

    def load(self, settings: PeriodSettings) -> None:
        """Show `settings` in the widgets (the initial ones, or the defaults)."""
        self._loading = True
        try:
            values = settings.values()
            self.policy_radios[TiePolicy(values["tie_policy"])].setChecked(True)
            self._load_breakers(values["tie_breakers"])
            classification = values["classification"]
            if isinstance(classification, str) and classification in PRESETS:
                self.classification_combo.setCurrentIndex(
                    self.classification_combo.findData(classification))
                self._custom_text = None
            else:
                self._custom_text = setting_text("classification", classification)
                self.classification_combo.setCurrentIndex(
                    self.classification_combo.findData(CUSTOM))
            self._show_rules_text()
            self.tenure_spin.setValue(int(values["min_months_in_post"]))
            self.decimals_combo.setCurrentIndex(
                max(0, self.decimals_combo.findData(values["display_decimals"])))
            self.rounding_combo.setCurrentIndex(
                max(0, self.rounding_combo.findData(values["rounding"])))
            self.bonus_cap_edit.setText(setting_text("bonus_cap", values["bonus_cap"]))
            self.penalty_cap_edit.setText(setting_text("penalty_cap", values["penalty_cap"]))
            self.clamp_check.setChecked(bool(values["clamp_index"]))
            self.above_self_check.setChecked(bool(values["allow_appraisal_above_self"]))
        finally:
            self._loading = False
        self._changed()

    def _load_breakers(self, chosen: Sequence[str]) -> None:
        lw = self.breakers_list
        order = [n for n in chosen if n in TIE_BREAKERS] + [n for n in TIE_BREAKERS
                                                             if n not in chosen]
        items = {lw.item(i).data(KEY_ROLE): lw.item(i) for i in range(lw.count())}
        while lw.count():
            lw.takeItem(0)
        for name in order:
            item = items[name]
            item.setCheckState(Qt.CheckState.Checked if name in chosen
                               else Qt.CheckState.Unchecked)
            lw.addItem(item)
        lw.setCurrentRow(0)

    def _on_preset_changed(self, _index: int) -> None:
        if self._loading:
            return
        self._show_rules_text()
        self._changed()

    def _show_rules_text(self) -> None:
        """A preset shows its rules read-only; "custom" starts from the rules shown before."""
        data = self.classification_combo.currentData()
        was_loading, self._loading = self._loading, True
        try:
            if data == CUSTOM:
                if self._custom_text is None:
                    self._custom_text = self.rules_edit.toPlainText() or rules_json(
                        [r.to_json() for r in DEFAULTS.rules])
                self.rules_edit.setReadOnly(False)
                self.rules_edit.setPlainText(self._custom_text)
                self._show_editor(True)
                self._showing_custom = True
                self.rules_hint.setText(self.tr(
                    "Mỗi quy tắc: grade (xuat_sac, tot, hoan_thanh, khong_hoan_thanh), "
                    "min_index, max_rank, component_min, quota (0…1), quota_base."))
            else:
                if self._showing_custom:
                    self._custom_text = self.rules_edit.toPlainText()
                self._showing_custom = False
                self.rules_edit.setReadOnly(True)
                self.rules_edit.setPlainText(rules_json([r.to_json() for r in PRESETS[data][0]]))
                self._show_editor(False)
                self.rules_hint.setText(self.tr("Bộ quy tắc có sẵn. Chọn «Tùy chỉnh (JSON)» để "
                                                "sửa từ bộ quy tắc này."))
        finally:
            self._loading = was_loading

    def _show_editor(self, shown: bool) -> None:
        """The rules' JSON only where they are written (custom rules): a built-in set shows
        them in words (the list under the editor either way), the room left at the bottom."""
        self.ui.rulesCaption.setVisible(shown)
        self.rules_edit.setVisible(shown)
        layout = self.ui.classificationLayout
        layout.setStretch(layout.count() - 1, 0 if shown else 1)  # the spacer: the last item

    # -- tie-breakers -----------------------------------------------------------------------

    def breaker_order(self) -> list[tuple[str, bool]]:
        """(name, checked) of every tie-breaker, in the order shown."""
        lw = self.breakers_list
        return [(lw.item(i).data(KEY_ROLE), lw.item(i).checkState() == Qt.CheckState.Checked)
                for i in range(lw.count())]

    def move_breaker(self, step: int) -> None:
        lw = self.breakers_list
        row = lw.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < lw.count():
            return
        item = lw.takeItem(row)
        lw.insertItem(target, item)
        lw.setCurrentRow(target)
        self._changed()

    def _update_move_buttons(self, row: int) -> None:
        enabled = self.breakers_list.isEnabled()
        self.up_button.setEnabled(enabled and row > 0)
        self.down_button.setEnabled(enabled and 0 <= row < self.breakers_list.count() - 1)

    # -- validation and preview -------------------------------------------------------------

    def texts(self) -> dict[str, str]:
        """Every edited setting as text, as shown now (valid or not)."""
        data = self.classification_combo.currentData()
        return {
            "tie_policy": next(p for p, radio in self.policy_radios.items()
                               if radio.isChecked()).value,
            "tie_breakers": ",".join(n for n, on in self.breaker_order() if on),
            "classification": self.rules_edit.toPlainText() if data == CUSTOM else data,
            "min_months_in_post": str(self.tenure_spin.value()),
            "display_decimals": str(self.decimals_combo.currentData()),
            "rounding": self.rounding_combo.currentData(),
            "bonus_cap": self.bonus_cap_edit.text().strip(),
            "penalty_cap": self.penalty_cap_edit.text().strip(),
            "clamp_index": "true" if self.clamp_check.isChecked() else "false",
            "allow_appraisal_above_self": "true" if self.above_self_check.isChecked()
            else "false",
        }

    def errors(self) -> dict[str, str]:
        """Setting key → the Vietnamese message of each invalid field."""
        return dict(self._errors)

    def is_valid(self) -> bool:
        return not self._errors

    def changed(self) -> dict[str, str]:
        """Key → text of the settings that differ from those the dialog opened with."""
        texts = self.texts()
        return {k: texts[k] for k in EDITED
                if k not in self._errors and self._values.get(k) != self._original[k]}

    def candidate(self) -> PeriodSettings | None:
        """The settings as edited, or None while a field is invalid."""
        if self._errors:
            return None
        return PeriodSettings.from_values({**self._initial.values(), **self._values})

    def _changed_later(self, *_args) -> None:
        QTimer.singleShot(0, self._changed)  # after a drag and drop has finished moving rows

    def _changed(self, *_args) -> None:
        if self._loading:
            return
        if self.classification_combo.currentData() == CUSTOM:
            self._custom_text = self.rules_edit.toPlainText()
        texts = self.texts()
        errors: dict[str, str] = {}
        values: dict[str, Any] = {}
        for key, text in texts.items():
            try:
                values[key] = parse_setting(key, text)
            except ValidationError as err:
                errors[key] = self._message(key, text, err)
        self._errors, self._values = errors, values
        for key, label in self.error_labels.items():
            label.setText(("⚠ " + errors[key]) if key in errors else "")
            label.setVisible(key in errors)
        self.ok_button.setEnabled(not errors)

        breaking = texts["tie_policy"] == TiePolicy.BREAK.value
        for w in (self.breakers_list, self.breakers_caption, self.breakers_hint):
            w.setEnabled(breaking)
        self._update_move_buttons(self.breakers_list.currentRow())
        if breaking and "tie_breakers" in values and not values["tie_breakers"]:
            self.breakers_note.setText(self.tr("Chưa chọn tiêu chí phụ nào: các đơn vị bằng "
                                               "chỉ số vẫn đồng hạng."))
            self.breakers_note.show()
        else:
            self.breakers_note.hide()
        if "classification" in values:
            rules = rules_from_setting(values["classification"])
            self.rules_label.setText("\n".join(f"{i}. {r.describe()}"
                                               for i, r in enumerate(rules, start=1)))
        else:
            self.rules_label.setText("")

        if not errors and values != self._last_values:
            self._last_values = values
            self.preview.emit(dict(texts))

    def _message(self, key: str, text: str, err: ValidationError) -> str:
        message = str(err)
        if key == "classification":
            try:
                json.loads(text)
            except json.JSONDecodeError as exc:
                message += self.tr(" (lỗi ở dòng {line}, cột {col})").format(
                    line=exc.lineno, col=exc.colno)
        elif key in _CAP_HINT:
            message += self.tr(" — nhập một số không âm, ví dụ 2 hoặc 1,5; để trống nếu không "
                               "giới hạn")
        return message

    # -- closing ----------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel: nothing is written; a window that previewed gets the original back."""
        if self._last_values != self._original:
            self._last_values = dict(self._original)
            self.preview.emit(dict(self._original_texts))
        super().reject()

    def to_write(self) -> dict[str, str]:
        """The changed settings, as texts `Edit.set_setting` takes. Raises ValidationError if
        a field is invalid."""
        if self._errors:
            key = next(iter(self._errors))
            raise ValidationError(self._errors[key])
        return self.changed()


class SettingsSession(QObject):
    """Kỳ đánh giá › Thiết lập xếp hạng, xếp loại from a window: a window-modal dialog whose
    every valid change re-ranks live (overview and left list, marked as a preview, from the
    snapshot every edit keeps up to date: the file is not re-read); Lưu writes it as one undo
    step, anything else shows the saved view again."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.dialog: SettingsDialog | None = None
        self.previewing = False

    def open(self) -> SettingsDialog | None:
        w = self.window
        if w.read_only or w.document.data is None:
            return None
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        if not w.editor.leave():
            return None
        dialog = SettingsDialog(w.document.data.snapshot.settings, w)
        dialog.preview.connect(self._preview)
        dialog.finished.connect(lambda code, d=dialog: self._closed(d, code))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _preview(self, texts: dict) -> None:
        w = self.window
        snapshot = w.document.data.snapshot if w.document.data is not None else None
        if snapshot is None:
            return
        try:
            settings = settings_with(snapshot.settings, texts)
        except ParappError:
            return
        if settings == snapshot.settings:
            self.show_saved()
            return
        result = evaluate_preview(snapshot, texts)
        self.previewing = True
        w.scoring.show_values(result, settings.display_decimals)
        w.overview.set_period(result, settings, preview=True)
        w.statusBar().showMessage(self.tr("Đang xem trước thiết lập chưa lưu"))

    def show_saved(self) -> None:
        if not self.previewing:
            return
        w = self.window
        self.previewing = False
        w.scoring.show_values(w.result, w.scoring.places)
        w.overview.set_period()
        w.statusBar().clearMessage()

    def _closed(self, dialog: SettingsDialog, code: int) -> None:
        w = self.window
        self.dialog = None
        dialog.deleteLater()
        w.activateWindow()  # the keys go back to the window (Ctrl+Z undoes what was saved)
        if code != QDialog.DialogCode.Accepted or not w.document.is_open:
            self.show_saved()
            return
        try:
            changes = dialog.to_write()
        except ParappError as err:
            self.show_saved()
            QMessageBox.warning(w, self.tr("Không lưu được thiết lập"), str(err))
            return
        if not changes:
            self.show_saved()
            w.statusBar().showMessage(self.tr("Thiết lập không thay đổi"), 5000)
            return
        label = self.tr("Thiết lập xếp hạng, xếp loại")

        def work(job: Work) -> Changes:
            with job.store.edit("gui") as ed:
                for key, text in changes.items():
                    ed.set_setting(key, text)
            return period_changes(job.store, label, ed.txn)

        def saved(_changes: Changes) -> None:
            self.previewing = False
            w.statusBar().showMessage(self.tr("Đã lưu {n} thiết lập").format(n=len(changes)),
                                      5000)

        def refused(message: str) -> None:
            self.show_saved()
            QMessageBox.warning(w, self.tr("Không lưu được thiết lập"), message)
        w.ops.change(self.tr("Đang lưu thiết lập…"), work, saved, refused, owner=self)
