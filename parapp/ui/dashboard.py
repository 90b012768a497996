"""The ranking dashboard (tab "Tổng hợp").

`Dashboard` shows one block of an evaluated period: the ranking table, a bar chart of the index
per unit (`IndexChart`, painted here: QtCharts is not part of PySide6 Essentials) and the head
classification counts. It only renders a `PeriodResult` it is handed; it never reads the file.
Its static layout lives in forms/dashboard.ui (the chart is a promoted widget there).
"""
from __future__ import annotations

import html
import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QHeaderView,
    QSizePolicy,
    QToolTip,
    QWidget,
)

from parapp.core.classification import Grade, HeadResult, counts
from parapp.core.evaluation import PeriodResult
from parapp.core.numbers import fmt, fmt_date
from parapp.core.ranking import RankRow, tie_breaker_label
from parapp.core.settings import DEFAULTS, PeriodSettings
from parapp.ui.sizing import RoomyDelegate
from parapp.ui.theme import is_dark

if TYPE_CHECKING:
    from parapp.ui.main_window import MainWindow

KEY_ROLE = Qt.ItemDataRole.UserRole  # unit uuid (table rows) / tie-breaker or preset name
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
MINUS = "\u2212"
DASH = "—"

# Mid-tone colours that read on a white and on a near-black background alike; every colour is
# paired with text (legend, table, tooltip), so none is the only carrier of meaning.
GRADE_COLOURS: dict[Grade, QColor] = {
    Grade.EXCELLENT: QColor("#2e9e5b"),
    Grade.GOOD: QColor("#3b7fd4"),
    Grade.COMPLETED: QColor("#d9981f"),
    Grade.NOT_COMPLETED: QColor("#d64a3d"),
    Grade.NOT_CLASSIFIED: QColor("#7f8c99"),  # a head in post too short a time: no level
}
UNRANKED_COLOUR = QColor("#9a9a9a")
NO_GRADE_COLOUR = QColor("#7f8c99")

# grid lines of the index axis (besides 0 and the end of the axis)
GRID = (50, 70, 80, 90)


def grade_colour(grade: Grade | None) -> QColor:
    return GRADE_COLOURS.get(grade, NO_GRADE_COLOUR) if grade is not None else NO_GRADE_COLOUR


def change_text(change: int | None) -> str:
    """Places gained since last year: "+2", "−1", "0"; "—" when unknown."""
    if change is None:
        return DASH
    if change > 0:
        return f"+{change}"
    if change < 0:
        return f"{MINUS}{-change}"
    return "0"


def rank_text(row: RankRow) -> str:
    return str(row.rank) if row.rank is not None else DASH


def row_note(row: RankRow, head: HeadResult | None) -> str:
    """The "Ghi chú" cell: not ranked, shared rank, the tie-breaker that decided, and the reason
    of a manual classification or of a quota that pushed the head down a grade."""
    parts: list[str] = []
    if row.rank is None:
        parts.append(QCoreApplication.translate(
            "Dashboard", "không xếp hạng"))
    if row.tied:
        parts.append(QCoreApplication.translate("Dashboard", "đồng hạng"))
    if row.decided_by:
        parts.append(QCoreApplication.translate(
            "Dashboard", "phân định theo {what}").format(what=tie_breaker_label(row.decided_by)))
    if head is not None and head.override is not None:
        parts.append(QCoreApplication.translate(
            "Dashboard", "điều chỉnh xếp loại: {reason}").format(reason=head.override.reason))
    elif head is not None and head.reason:
        parts.append(head.reason)
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def head_since(unit: Any) -> date | None:
    """When a unit's head took up the post: a view row's date or a store row's ISO text."""
    value = getattr(unit, "head_since", None)
    return date.fromisoformat(value) if isinstance(value, str) else value


def thresholds_of(settings: PeriodSettings) -> list[Decimal]:
    """The minimum indexes the classification rules use, ascending."""
    return sorted({r.min_index for r in settings.rules if r.min_index is not None})


# ---------------------------------------------------------------------------------------------
# the chart


class IndexChart(QWidget):
    """Horizontal bars of the index per unit of one block, in rank order; unranked units last,
    in grey. Bars take the colour of the head's classification. The widget is as tall as its
    rows need (sizeHint) and is meant to sit in a QScrollArea."""

    unit_clicked = Signal(str)  # unit uuid of the bar clicked

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._rows: list[RankRow] = []
        self._heads: Mapping[str, HeadResult] = {}
        self._places = 2
        self._thresholds: list[Decimal] = []
        self._current: str | None = None
        self.empty_text = ""  # what an empty chart says instead of "no unit in this block"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Biểu đồ chỉ số cải cách hành chính theo đơn vị"))

    # -- data -------------------------------------------------------------------------------

    def set_data(self, rows: Sequence[RankRow], heads: Mapping[str, HeadResult], places: int = 2,
                 thresholds: Iterable[Decimal] = ()) -> None:
        self._rows = ([r for r in rows if r.rank is not None]
                      + [r for r in rows if r.rank is None])
        self._heads = heads
        self._places = places
        self._thresholds = sorted(set(thresholds))
        if self._current not in {r.result.key for r in self._rows}:
            self._current = None
        self.updateGeometry()
        self.update()

    def rows(self) -> list[RankRow]:
        """The rows in the order drawn, top to bottom."""
        return list(self._rows)

    def set_current(self, key: str | None) -> None:
        """Highlight one unit's row (the one selected in the table)."""
        if key != self._current:
            self._current = key
            self.update()

    # -- geometry ---------------------------------------------------------------------------

    def _line(self) -> int:
        return QFontMetrics(self.font()).height()

    def row_height(self) -> int:
        line = self._line()
        return line + (line * 3 + 3) // 4  # room for stacked marks (Ể, Ỗ) above the bar

    def _top(self) -> int:
        return self._line() * 2  # threshold labels above the rows

    def _bottom(self) -> int:
        return self._line() * 2 + 6  # tick labels and axis title

    def _content_height(self) -> int:
        return self._top() + max(1, len(self._rows)) * self.row_height() + self._bottom()

    def sizeHint(self) -> QSize:
        return QSize(720, self._content_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(360, self._content_height())

    def _axis_max(self) -> int:
        top = max((r.result.index for r in self._rows), default=Decimal(100))
        return max(100, math.ceil(top / 10) * 10)

    def _columns(self) -> tuple[int, int, int, int, int]:
        """x of the rank column's right edge, of the names, width of the names, plot left and
        plot right."""
        fm = QFontMetrics(self.font())
        pad = self._line() // 2
        rank_right = pad + fm.horizontalAdvance("99")
        name_x = rank_right + pad
        wanted = max((fm.horizontalAdvance(r.result.unit.name) for r in self._rows), default=0)
        name_w = max(80, min(wanted, int(self.width() * 0.36)))
        value_w = fm.horizontalAdvance(fmt(Decimal(self._axis_max()), self._places))
        plot_left = name_x + name_w + pad
        plot_right = max(plot_left + 40, self.width() - value_w - 2 * pad)
        return rank_right, name_x, name_w, plot_left, plot_right

    def _x(self, value: Decimal | int, left: int, right: int) -> float:
        value = min(max(Decimal(value), Decimal(0)), Decimal(self._axis_max()))
        return left + (right - left) * float(value) / self._axis_max()  # geometry only

    def row_rect(self, i: int) -> QRect:
        """The whole row of the i-th unit drawn."""
        h = self.row_height()
        return QRect(0, self._top() + i * h, self.width(), h)

    def bar_rect(self, i: int) -> QRectF:
        """The bar of the i-th unit drawn (for tooltips and tests)."""
        *_, left, right = self._columns()
        row = self.row_rect(i)
        bar_h = max(4, self._line() * 3 // 4)
        y = row.top() + (row.height() - bar_h) / 2
        end = self._x(self._rows[i].result.index, left, right)
        return QRectF(left, y, max(0.0, end - left), bar_h)

    def row_at(self, y: int) -> int | None:
        i = (y - self._top()) // self.row_height() if y >= self._top() else -1
        return i if 0 <= i < len(self._rows) else None

    def bar_colour(self, i: int) -> QColor:
        row = self._rows[i]
        if row.rank is None:
            return UNRANKED_COLOUR
        head = self._heads.get(row.result.key)
        return grade_colour(head.grade if head else None)

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.Text)
        faint = pal.color(QPalette.ColorRole.PlaceholderText)
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        fm = QFontMetrics(self.font())
        if not self._rows:
            p.setPen(faint)
            p.drawText(self.rect(), CENTER,
                       self.empty_text or self.tr("Không có đơn vị nào trong khối này"))
            return
        rank_right, name_x, name_w, left, right = self._columns()
        row_h, top, n = self.row_height(), self._top(), len(self._rows)
        plot_bottom = top + n * row_h
        pad = self._line() // 2

        # rows: alternate shading, the selected unit highlighted
        base = pal.color(QPalette.ColorRole.Base)
        alt = pal.color(QPalette.ColorRole.AlternateBase)
        highlight = QColor(pal.color(QPalette.ColorRole.Highlight))
        highlight.setAlpha(70)

        def shade(i: int, rect: QRect | QRectF) -> None:
            if self._rows[i].result.key == self._current:
                p.fillRect(rect, base)
                p.fillRect(rect, highlight)
            else:
                p.fillRect(rect, alt if i % 2 else base)

        for i in range(n):
            shade(i, self.row_rect(i))

        # grid and ticks
        grid = QColor(pal.color(QPalette.ColorRole.Mid))
        grid.setAlpha(150)
        ticks = sorted({0, *GRID, 100, self._axis_max()})
        for v in ticks:
            x = round(self._x(v, left, right))
            p.setPen(QPen(grid, 1))
            p.drawLine(x, top, x, plot_bottom)
            p.setPen(faint)
            label = str(v)
            w = fm.horizontalAdvance(label)
            p.drawText(QRect(x - w, plot_bottom + 3, 2 * w, fm.height()), CENTER, label)
        p.setPen(faint)
        p.drawText(QRect(left, plot_bottom + 3 + fm.height(), right - left, fm.height()), CENTER,
                   self.tr("Chỉ số (%)"))

        # separator above the unranked units
        first_unranked = next((i for i, r in enumerate(self._rows) if r.rank is None), None)
        if first_unranked:
            y = self.row_rect(first_unranked).top()
            p.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
            p.drawLine(0, y, self.width(), y)

        # classification thresholds: dashed, labelled above the rows, under the bars
        line = QColor(text)
        line.setAlpha(170)
        pen = QPen(line, 1.5, Qt.PenStyle.DashLine)
        taken: list[QRect] = []
        for t in self._thresholds:
            if not 0 <= t <= self._axis_max():
                continue
            x = self._x(t, left, right)
            p.setPen(pen)
            p.drawLine(QPointF(x, top - 2), QPointF(x, plot_bottom))
            label = f"≥ {fmt(t, 0 if t == t.to_integral_value() else self._places)}"
            w = fm.horizontalAdvance(label) + 4
            box = QRect(round(x - w / 2), top - fm.height() - 4, w, fm.height())
            box.moveLeft(max(left - w // 2, min(box.left(), self.width() - w)))
            if any(box.intersects(other) for other in taken):
                continue  # two close thresholds: the line still shows, one label is enough
            taken.append(box)
            p.setPen(text)
            p.drawText(box, CENTER, label)

        # bars, values (on the row's own background, over any line), ranks and names
        left_middle = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        for i, row in enumerate(self._rows):
            rect = self.row_rect(i)
            bar = self.bar_rect(i)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self.bar_colour(i))
            p.drawRoundedRect(bar, 2, 2)
            value = fmt(row.result.published_index, self._places)
            box = QRectF(bar.right() + pad / 2, bar.top() - 1, fm.horizontalAdvance(value) + 4,
                         bar.height() + 2)
            shade(i, box)
            p.setPen(text if row.rank is not None else faint)
            p.drawText(QRectF(box.left() + 2, rect.top(), box.width(), rect.height()),
                       left_middle, value)
            p.drawText(QRect(0, rect.top(), rank_right, rect.height()), RIGHT, rank_text(row))
            name = fm.elidedText(row.result.unit.name, Qt.TextElideMode.ElideMiddle, name_w)
            p.drawText(QRect(name_x, rect.top(), name_w, rect.height()), left_middle, name)
        p.end()

    # -- interaction ------------------------------------------------------------------------

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip:
            help_event: QHelpEvent = e  # type: ignore[assignment]
            i = self.row_at(help_event.pos().y())
            if i is None:
                QToolTip.hideText()
                e.ignore()
                return True
            QToolTip.showText(help_event.globalPos(), self.tooltip(i), self)
            return True
        return super().event(e)

    def tooltip(self, i: int) -> str:
        row = self._rows[i]
        r = row.result
        lines = [f"{r.unit.name} ({r.unit.code})",
                 self.tr("Chỉ số: {index}%").format(index=fmt(r.published_index,
                                                             self._places)),
                 self.tr("Hạng: {rank}").format(rank=rank_text(row)) if row.rank is not None
                 else self.tr("Không xếp hạng")]
        head = self._heads.get(r.key)
        if head is not None:
            lines.append(self.tr("Xếp loại: {grade}").format(grade=head.grade.label))
        note = row_note(row, head)
        if note:
            lines.append(note)
        return "\n".join(lines)

    def mousePressEvent(self, e: QMouseEvent) -> None:
        i = self.row_at(round(e.position().y()))
        if i is not None and e.button() == Qt.MouseButton.LeftButton:
            self.unit_clicked.emit(self._rows[i].result.key)
        super().mousePressEvent(e)


# ---------------------------------------------------------------------------------------------
# the ranking table

(R_RANK, R_CODE, R_NAME, R_TOTAL, R_INDEX, R_PREV, R_CHANGE, R_GRADE, R_NOTE) = range(9)
NUMERIC = (R_RANK, R_TOTAL, R_INDEX, R_PREV, R_CHANGE)
_ROOT = QModelIndex()


class RankingModel(QAbstractTableModel):
    """One block's ranking rows: ranked in rank order, then the units not ranked."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[RankRow] = []
        self._heads: Mapping[str, HeadResult] = {}
        self._units: Mapping[str, Any] = {}
        self._places = 2
        self._dark = False
        self.headers = [self.tr("Hạng"), self.tr("Mã"), self.tr("Đơn vị"), self.tr("Tổng điểm"),
                        self.tr("Chỉ số (%)"), self.tr("Năm trước"), self.tr("Tăng/giảm"),
                        self.tr("Xếp loại"), self.tr("Ghi chú")]
        self.header_tips = {
            R_RANK: self.tr("Hạng trong khối; đơn vị không xếp hạng để trống (—)"),
            R_TOTAL: self.tr("Tổng điểm sau thẩm định, gồm điểm thưởng và điểm trừ"),
            R_INDEX: self.tr("Tổng điểm chia điểm tối đa áp dụng cho đơn vị, nhân 100"),
            R_PREV: self.tr("Hạng năm trước"),
            R_CHANGE: self.tr("Số bậc tăng (+) hoặc giảm (−) so với năm trước"),
            R_GRADE: self.tr("Xếp loại người đứng đầu"),
            R_NOTE: self.tr("Đồng hạng, tiêu chí phụ đã phân định thứ hạng, lý do điều chỉnh "
                            "xếp loại"),
        }

    def set_rows(self, rows: Sequence[RankRow], heads: Mapping[str, HeadResult], places: int,
                 units: Mapping[str, Any] | None = None, dark: bool = False) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._heads = heads
        self._units = units or {}
        self._places = places
        self._dark = dark
        self.endResetModel()

    def rank_row(self, i: int) -> RankRow:
        return self._rows[i]

    def key(self, i: int) -> str:
        return self._rows[i].result.key

    def row_of(self, key: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.result.key == key), None)

    def rowCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tips.get(section)
        if role == Qt.ItemDataRole.TextAlignmentRole and section in NUMERIC:
            return int(RIGHT)
        return None

    def text(self, i: int, col: int) -> str:
        row = self._rows[i]
        r = row.result
        head = self._heads.get(r.key)
        def num(v):
            return fmt(v, self._places)
        if col == R_RANK:
            return rank_text(row)
        if col == R_CODE:
            return r.unit.code
        if col == R_NAME:
            return r.unit.name
        if col == R_TOTAL:  # as published (the period's rounding)
            return num(r.published_total)
        if col == R_INDEX:
            return num(r.published_index)
        if col == R_PREV:
            return str(r.unit.prev_rank) if r.unit.prev_rank is not None else DASH
        if col == R_CHANGE:
            return change_text(row.change)
        if col == R_GRADE:
            return head.grade.label if head is not None else DASH
        if col == R_NOTE:
            return row_note(row, head)
        return ""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        i, col = index.row(), index.column()
        row = self._rows[i]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(i, col)
        if role == KEY_ROLE:
            return row.result.key
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT) if col in NUMERIC else None
        if role == Qt.ItemDataRole.DecorationRole and col == R_GRADE:
            head = self._heads.get(row.result.key)
            return grade_colour(head.grade) if head is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == R_CHANGE and row.change:
                up = QColor("#6fcf8a") if self._dark else QColor("#1b7a3d")
                down = QColor("#ff8a80") if self._dark else QColor("#b3261e")
                return QBrush(up if row.change > 0 else down)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        return None

    def _tooltip(self, row: RankRow, col: int) -> str | None:
        r = row.result
        if col in (R_CODE, R_NAME):
            unit = self._units.get(r.key)
            lines = [f"{r.unit.name} ({r.unit.code})"]
            if unit is not None and getattr(unit, "head_name", ""):
                head = unit.head_name + (f", {unit.head_title}" if unit.head_title else "")
                lines.append(self.tr("Người đứng đầu: {head}").format(head=head))
            since = head_since(unit)
            if since is not None:
                lines.append(self.tr("Giữ chức vụ từ ngày {date}").format(date=fmt_date(since)))
            return "\n".join(lines)
        if col == R_TOTAL:
            return self.tr("{total} / {max} điểm").format(
                total=fmt(r.published_total, self._places),
                max=fmt(r.applicable_max, self._places))
        if col in (R_GRADE, R_NOTE):
            head = self._heads.get(r.key)
            note = row_note(row, head)
            return note or None
        return None


# ---------------------------------------------------------------------------------------------
# the dashboard


class Dashboard(QWidget):
    """One block at a time: ranking table, index chart and head classification counts."""

    block_changed = Signal(str)  # block code
    unit_selected = Signal(str)  # unit uuid, from the table or a click on a bar
    settings_requested = Signal()  # the "Thiết lập…" button: the window opens SettingsDialog

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._result: PeriodResult | None = None
        self._settings: PeriodSettings = DEFAULTS
        self._units: dict[str, Any] = {}
        self._block_names: dict[str, str] = {}

        # the form promotes IndexChart, defined above in this module: imported here, not at the
        # top, so that this module and the generated one can be imported in either order
        from parapp.ui.forms.ui_dashboard import Ui_Dashboard
        self.ui = ui = Ui_Dashboard()
        ui.setupUi(self)
        # the public names (the window and the tests use these)
        self.block_combo, self.summary_label = ui.blockCombo, ui.summaryLabel
        self.settings_button, self.preview_label = ui.settingsButton, ui.previewLabel
        self.counts_label, self.total_counts_label = ui.countsLabel, ui.totalCountsLabel
        self.table, self.chart, self.chart_scroll = ui.table, ui.chart, ui.chartScroll
        self.splitter = ui.splitter

        # what Designer cannot say: colour roles and the banner's inner margins
        self.preview_label.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.preview_label.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.preview_label.setContentsMargins(6, 3, 6, 3)
        self.total_counts_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.model = RankingModel(self)
        self.table.setModel(self.model)
        self.table.setItemDelegate(RoomyDelegate(R_NAME, self.table))
        # rows as tall as the font needs (stacked marks: Ể, Ỗ), at any display scaling
        line = QFontMetrics(self.table.font()).height()
        self.table.verticalHeader().setDefaultSectionSize(line + (line + 1) // 2)
        header = self.table.horizontalHeader()
        for col in range(len(self.model.headers)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        # the names and the notes (why a head is not classified, how a tie was broken) share
        # the room left; what is cut shows whole in its tooltip
        header.setSectionResizeMode(R_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(R_NOTE, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)

        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1, 1])  # half each; QSplitter scales these once shown

        self.settings_button.clicked.connect(self.settings_requested)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.chart.unit_clicked.connect(self.select_unit)
        self.block_combo.currentIndexChanged.connect(self._on_block_changed)
        self._show_block()

    # -- data -------------------------------------------------------------------------------

    def set_period(self, result: PeriodResult | None, blocks: Sequence[Any], units: Sequence[Any],
                   settings: PeriodSettings, *, preview: bool = False) -> None:
        """Show an evaluated period. `blocks` need .code and .name, `units` .uuid, .head_name,
        .head_title and may have .head_since (the store's rows do). The selected block and unit are kept. With
        `preview`, a banner says the settings shown are not saved."""
        kept_block = self.current_block()
        kept_unit = self.current_unit()
        self._result = result
        self._settings = settings
        self._units = {u.uuid: u for u in units}
        self._block_names = {b.code: b.name for b in blocks}
        codes = [b.code for b in blocks]
        if result is not None:
            codes += [c for c in result.rankings if c not in self._block_names]
        combo = self.block_combo
        combo.blockSignals(True)
        combo.clear()
        for code in codes:
            combo.addItem(self._block_names.get(code, code), code)
        at = combo.findData(kept_block) if kept_block is not None else -1
        combo.setCurrentIndex(at if at >= 0 else (0 if codes else -1))
        combo.blockSignals(False)
        self.preview_label.setVisible(preview)
        # no period at all (the file could not be opened): say how to get one, not "no unit"
        self.chart.empty_text = "" if result is not None or codes else self.tr(
            "Chưa mở tệp nào: Tệp › Mở… một tệp, hoặc Tệp › Mới… để tạo kỳ đánh giá")
        self._show_block()
        if kept_unit is not None:
            self.select_unit(kept_unit)
        if combo.currentData() != kept_block:
            self.block_changed.emit(combo.currentData() or "")

    def current_block(self) -> str | None:
        return self.block_combo.currentData()

    def select_block(self, code: str) -> bool:
        at = self.block_combo.findData(code)
        if at < 0:
            return False
        self.block_combo.setCurrentIndex(at)
        return True

    def current_unit(self) -> str | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.key(index.row()) if index.isValid() else None

    def select_unit(self, key: str) -> bool:
        """Select a unit of the block shown (as a click on its row would)."""
        i = self.model.row_of(key)
        if i is None:
            return False
        index = self.model.index(i, R_NAME)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def block_counts(self) -> dict[Grade, int]:
        """Heads per grade in the block shown."""
        return counts(self.model._heads[r.result.key] for r in self.model._rows
                      if r.result.key in self.model._heads)

    def counts_text(self) -> str:
        """The block's counts as plain text: "Hoàn thành xuất sắc nhiệm vụ: 3 · …"."""
        return " · ".join(f"{g.label}: {n}" for g, n in self.block_counts().items())

    # -- rendering --------------------------------------------------------------------------

    def _on_block_changed(self, _index: int) -> None:
        self._show_block()
        self.block_changed.emit(self.current_block() or "")

    def _show_block(self) -> None:
        result, code = self._result, self.current_block()
        ranking = result.rankings.get(code) if result is not None and code else None
        rows = ranking.rows() if ranking is not None else []
        heads = result.heads if result is not None else {}
        places = self._settings.display_decimals
        self.model.set_rows(rows, heads, places, self._units, is_dark(self))
        self.chart.set_data(rows, heads, places, thresholds_of(self._settings))
        if result is None:
            self.summary_label.setText(self.tr("Chưa có dữ liệu"))
            self.counts_label.clear()
            self.total_counts_label.clear()
            return
        ranked = len(ranking.ranked) if ranking else 0
        parts = [self.tr("{n} đơn vị được xếp hạng").format(n=ranked)]
        if ranking is not None and ranking.unranked:
            parts.append(self.tr("{n} không xếp hạng").format(n=len(ranking.unranked)))
        if ranking is not None and ranking.ties:
            parts.append(self.tr("{n} nhóm đồng hạng").format(n=len(ranking.ties)))
        self.summary_label.setText(" · ".join(parts))
        items = []
        for grade, n in self.block_counts().items():
            colour = grade_colour(grade).name()
            items.append(f'<span style="color:{colour}">■</span>&nbsp;'
                         f"{html.escape(grade.label)}: {n}")
        self.counts_label.setText(" · ".join(items))
        self.counts_label.setToolTip(self.tr("Xếp loại người đứng đầu các đơn vị của khối"))
        total = counts(result.heads.values())
        self.total_counts_label.setText(self.tr("Toàn tỉnh ({n} đơn vị): {counts}").format(
            n=len(result.heads),
            counts=" · ".join(f"{g.label}: {n}" for g, n in total.items())))

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = self.model.key(current.row()) if current.isValid() else None
        self.chart.set_current(key)
        if key is not None:
            self.unit_selected.emit(key)


class OverviewTab(QObject):
    """Tab "Tổng hợp" of a window, kept in step with the rest: the period shown (or a settings
    preview), the block and unit selected here and in the left list alike. Brought up to date
    when its tab is shown: re-laying out its table costs more than everything else an edit
    updates, and nobody sees it while scores are entered."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.dashboard = window.dashboard
        self._stale = False
        self._args: tuple = (None, None, False)  # what set_period was last asked to show
        self._syncing = False  # a selection made here, not by the person
        window.scoring.unit_shown.connect(self._select)
        window.scoring.refreshed.connect(self._on_refreshed)
        window.tabs.currentChanged.connect(self._on_tab_changed)
        self.dashboard.unit_selected.connect(self._on_unit_chosen)

    def _shown(self) -> bool:
        return self.window.tabs.currentWidget() is self.window.ui.dashboardTab

    def clear(self) -> None:
        self.dashboard.set_period(None, [], [], DEFAULTS)
        self._stale = False

    def set_period(self, result: PeriodResult | None = None,
                   settings: PeriodSettings | None = None, preview: bool = False) -> None:
        """The open period's result (or `result` under unsaved `settings`, a preview)."""
        self._args = (result, settings, preview)
        if not self._shown():
            self._stale = True
            return
        self._stale = False
        data = self.window.document.data
        self._syncing = True
        try:
            self.dashboard.set_period(result or data.result, data.snapshot.blocks, data.units,
                                      settings or data.snapshot.settings, preview=preview)
        finally:
            self._syncing = False

    def _select(self, block: str, key: str) -> None:
        if not self._shown():
            self._stale = True
            return
        self._syncing = True
        try:
            self.dashboard.select_block(block)
            self.dashboard.select_unit(key)
        finally:
            self._syncing = False

    def _on_refreshed(self) -> None:
        if not self.window.settings_session.previewing:
            self.set_period()

    def _on_tab_changed(self, _index: int) -> None:
        data, current = self.window.document.data, self.window.scoring.current
        if self._shown() and self._stale and data is not None:
            self.set_period(*self._args)
            if current is not None and current in data.result.results:
                self._select(data.result.results[current].unit.block, current)

    def _on_unit_chosen(self, key: str) -> None:
        data = self.window.document.data
        if self._syncing or data is None or key not in data.result.results:
            return
        self._syncing = True
        try:
            self.window.select_unit(data.result.results[key].unit.code)
        finally:
            self._syncing = False
