"""Tệp › Mới…: a new period — province, year, and where its criteria set and units come from.

Three starts, each explained in the dialog: empty (criteria and units imported later), from a
workbook with the sheets «Tiêu chí» and «Đơn vị» (its blank template can be saved from here),
or from last year's file (parapp.core.carry_over: what a season starts from, and last year's
results linked for comparison; none of its scores). Choosing last year's file proposes its
province and the next year. The window then creates the file, all or nothing.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from parapp.ui.operations import Operations
from parapp.ui.sizing import fit_line_edit, keep_text_whole

EMPTY, WORKBOOK, LAST_YEAR = "empty", "workbook", "last_year"


class NewPeriodDialog(QDialog):
    """Province, year and the start: empty, from a workbook, or from last year's file."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None,
                 ops: Operations | None = None):
        super().__init__(parent)
        self.ops = ops  # the window's: where the template is written
        self.folder = folder or Path.home()  # where the file dialogs start
        self.setWindowTitle(self.tr("Kỳ đánh giá mới"))
        self.province_edit = QLineEdit(self)
        self.province_edit.setPlaceholderText(self.tr("Ví dụ: Tỉnh Sơn Hà"))
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(date.today().year)
        form = QFormLayout()
        form.addRow(self.tr("&Tỉnh:"), self.province_edit)
        form.addRow(self.tr("&Năm đánh giá:"), self.year_spin)

        self.empty_radio = QRadioButton(self.tr("Kỳ đánh giá t&rống"), self)
        self.workbook_radio = QRadioButton(self.tr("Từ &sổ tính Excel"), self)
        self.last_year_radio = QRadioButton(self.tr("Từ tệp kỳ đánh &giá năm trước"), self)
        self.group = QButtonGroup(self)
        for radio in (self.empty_radio, self.workbook_radio, self.last_year_radio):
            self.group.addButton(radio)
        self.empty_radio.setChecked(True)
        self.workbook_edit = QLineEdit(self)
        self.workbook_edit.setPlaceholderText(self.tr("Sổ tính có trang «Tiêu chí» và «Đơn vị»"))
        self.browse_button = QPushButton(self.tr("&Chọn…"), self)
        # what a screen reader says for each: both rows' fields and buttons read alike
        self.workbook_edit.setAccessibleName(self.tr("Sổ tính bộ tiêu chí và đơn vị"))
        self.browse_button.setAccessibleName(self.tr("Chọn sổ tính"))
        self.template_button = QPushButton(self.tr("&Lưu mẫu sổ tính…"), self)
        self.template_button.setToolTip(self.tr(
            "Lưu sổ tính mẫu có hai trang «Tiêu chí» và «Đơn vị», mỗi cột có chú thích"))
        self.template_label = QLabel(self)
        self.template_label.setWordWrap(True)
        self.template_label.hide()
        row = QHBoxLayout()
        row.addWidget(self.workbook_edit, 1)
        row.addWidget(self.browse_button)
        row.addWidget(self.template_button)
        # made after the workbook's row, which comes first on the page: Tab follows the order
        # the widgets were made in
        self.last_edit = QLineEdit(self)
        self.last_edit.setPlaceholderText(self.tr("Tệp .parapp của kỳ năm trước"))
        self.last_browse_button = QPushButton(self.tr("C&họn…"), self)
        self.last_edit.setAccessibleName(self.tr("Tệp kỳ đánh giá năm trước"))
        self.last_browse_button.setAccessibleName(self.tr("Chọn tệp năm trước"))
        last_row = QHBoxLayout()
        last_row.addWidget(self.last_edit, 1)
        last_row.addWidget(self.last_browse_button)

        self.explanations = {
            EMPTY: self.tr("Chỉ có tỉnh và năm; bộ tiêu chí và đơn vị nhập sau ở Tệp › Nhập từ "
                           "Excel."),
            WORKBOOK: self.tr("Bộ tiêu chí và đơn vị lấy từ một sổ tính có trang «Tiêu chí» và "
                              "«Đơn vị» (ví dụ tệp «Toàn bộ dữ liệu» xuất từ một kỳ khác). Chưa "
                              "có sổ tính thì lưu mẫu, điền vào rồi chọn ở đây. Sổ tính có lỗi "
                              "thì không tạo tệp nào, mọi lỗi được liệt kê theo ô."),
            LAST_YEAR: self.tr("Khối, thành viên Hội đồng và khóa của họ, bộ tiêu chí (sửa được "
                               "sau), đơn vị, danh mục thưởng, trừ và thiết lập lấy từ tệp năm "
                               "trước; kết quả năm trước được liên kết để so sánh và tính thay "
                               "đổi thứ hạng. Không lấy điểm nào của năm trước; tệp năm trước "
                               "chỉ được đọc."),
        }
        box = QGroupBox(self.tr("Bộ tiêu chí và đơn vị"), self)
        column = QVBoxLayout(box)
        indent = self.fontMetrics().height() * 3 // 2  # explanations under their choice's text
        row.setContentsMargins(indent, 0, 0, 0)
        last_row.setContentsMargins(indent, 0, 0, 0)
        self.template_label.setIndent(indent)
        self.explanation_labels: list[QLabel] = []
        for radio, key in ((self.empty_radio, EMPTY), (self.workbook_radio, WORKBOOK),
                           (self.last_year_radio, LAST_YEAR)):
            text = QLabel(self.explanations[key], box)
            self.explanation_labels.append(text)
            text.setWordWrap(True)
            text.setIndent(indent)
            text.setEnabled(radio.isEnabled())
            column.addWidget(radio)
            column.addWidget(text)
            if key == WORKBOOK:
                column.addLayout(row)
                column.addWidget(self.template_label)
            elif key == LAST_YEAR:
                column.addLayout(last_row)
            column.addSpacing(indent // 3)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Tạo…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().height() * 42)  # explanations in a few lines
        for edit in (self.province_edit, self.workbook_edit, self.last_edit):  # hints whole
            fit_line_edit(edit)
        keep_text_whole(self)  # the explanations wrap: the dialog is as tall as they need

        self.province_edit.textChanged.connect(self._update)
        self.workbook_edit.textChanged.connect(self._update)
        self.last_edit.textChanged.connect(self._update)
        self.last_browse_button.clicked.connect(self._browse_last)
        self.group.buttonToggled.connect(self._update)
        self.browse_button.clicked.connect(self._browse)
        self.template_button.clicked.connect(self.save_template)
        self._update()

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn sổ tính"), str(self.folder),
                                              self.tr("Sổ tính (*.xlsx *.xls *.ods)"))
        if name:
            self.workbook_edit.setText(name)
            self.workbook_radio.setChecked(True)

    def _browse_last(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp kỳ năm trước"),
                                              str(self.folder), self.tr("Tệp parapp (*.parapp)"))
        if not name:
            return
        self.last_edit.setText(name)
        self.last_year_radio.setChecked(True)
        if self.ops is None:
            return
        from parapp.core.carry_over import period_of

        def fill(found) -> None:  # its province, the next year, unless typed already
            province, year = found
            if not self.province:
                self.province_edit.setText(province)
            self.year_spin.setValue(year + 1)
        self.ops.work(self.tr("Đang đọc tệp năm trước…"), lambda _job: period_of(name), fill,
                      owner=self)

    def save_template(self) -> Path | None:
        """The blank workbook of a new period («Tiêu chí», «Đơn vị»), where the user says
        (written on the window's file thread). Returns where it goes."""
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu mẫu sổ tính"), str(self.folder / "mau-ky-danh-gia.xlsx"),
            self.tr("Sổ tính Excel (*.xlsx)"))
        if not name:
            return None
        def write(_job) -> Path:
            from parapp.core.interchange.exporter import write_template
            return write_template("period", Path(name))

        def saved(out: Path) -> None:
            self.workbook_radio.setChecked(True)
            self.template_label.setText(self.tr(
                "Đã lưu mẫu {file}: điền bộ tiêu chí và đơn vị vào đó, lưu lại rồi chọn ở "
                "đây.").format(file=out))
            self.template_label.show()
        self.ops.work(self.tr("Đang lưu mẫu…"), write, saved, owner=self)
        return Path(name)

    def _update(self, *_args) -> None:
        ready = bool(self.province)
        if self.source == WORKBOOK:
            ready = ready and bool(self.workbook_edit.text().strip())
        elif self.source == LAST_YEAR:
            ready = ready and bool(self.last_edit.text().strip())
        self.ok_button.setEnabled(ready)

    @property
    def source(self) -> str:
        return WORKBOOK if self.workbook_radio.isChecked() else (
            LAST_YEAR if self.last_year_radio.isChecked() else EMPTY)

    @property
    def province(self) -> str:
        return self.province_edit.text().strip()

    @property
    def year(self) -> int:
        return self.year_spin.value()

    @property
    def workbook(self) -> Path | None:
        text = self.workbook_edit.text().strip()
        return Path(text) if text and self.source == WORKBOOK else None

    @property
    def last(self) -> Path | None:
        text = self.last_edit.text().strip()
        return Path(text) if text and self.source == LAST_YEAR else None
