"""The «Phân bố chỉ số» chart of the analysis window: a block's ranked units as dots along the
index axis, stacked where their indexes are close (a dot histogram), over the bands between the
classification thresholds, each threshold a line labelled with the grade it gives.

Drawn with QPainter (no chart library). Dots take the colour of the head's classification as
given, like the dashboard's bars, so an override or a quota shows against the band it sits in.
A hover names the unit; a click selects it (`unit_clicked`), a double click opens it
(`unit_activated`). Figures are exact Decimals; floats are for pixel positions only.
"""
from __future__ import annotations

import math
from decimal import Decimal

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from parapp.core.analysis import Distribution, IndexPoint
from parapp.core.numbers import fmt
from parapp.ui.dashboard import grade_colour

CENTER = Qt.AlignmentFlag.AlignCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class DistributionChart(QWidget):
    unit_clicked = Signal(str)  # unit code
    unit_activated = Signal(str)  # unit code, on a double click

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._dist: Distribution | None = None
        self._places = 2
        self._current: str | None = None
        self._dots: dict[str, QPointF] = {}  # unit code → centre, laid out on paint/resize
        self._radius = 6.0
        self.setMouseTracking(True)
        # taller only leaves the stacks of dots in a sea of white on a large screen
        self.setMaximumHeight(self._line() * 30)
        self.setAccessibleName(self.tr("Biểu đồ phân bố chỉ số của khối"))

    def set_data(self, dist: Distribution | None, places: int = 2) -> None:
        self._dist, self._places = dist, places
        self._layout()
        self.update()

    def set_current(self, unit: str | None) -> None:
        """Ring one unit's dot (the one chosen in the window's unit selector)."""
        if unit != self._current:
            self._current = unit
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(640, 340)

    def minimumSizeHint(self) -> QSize:
        return QSize(360, 240)

    # -- geometry ---------------------------------------------------------------------------

    def _line(self) -> int:
        return QFontMetrics(self.font()).height()

    def _range(self) -> tuple[int, int]:
        """The axis, in whole tens: from below the lowest index or threshold to 100 (or the
        highest index above it)."""
        d = self._dist
        values = [p.index for p in d.points] + [t for _g, t in d.thresholds] if d else []
        low = min(values, default=Decimal(0))
        high = max(values, default=Decimal(100))
        return (max(0, math.floor((low - 1) / 10) * 10),
                max(100, math.ceil(high / 10) * 10))

    def _plot(self) -> tuple[float, float, float, float]:
        """left, right, top (of the dots' room, under the labels) and the axis' y."""
        pad = self._line() // 2
        left, right = self._plot_x()
        rows = max((row for row, _box in self._labels()), default=-1) + 1
        top = pad + rows * (self._line() + 2) + pad
        axis = self.height() - pad - 2 * self._line() - 6
        return left, right, top, axis

    def x_of(self, value: Decimal | int) -> float:
        lo, hi = self._range()
        left, right = self._plot_x()
        return left + (right - left) * float(Decimal(value) - lo) / (hi - lo)  # drawing only

    def _plot_x(self) -> tuple[float, float]:
        """The axis' ends: room for half a tick label on either side."""
        fm = QFontMetrics(self.font())
        side = self._line() // 2 + fm.horizontalAdvance("100") / 2 + 2
        return side, self.width() - side

    def label_text(self, i: int) -> str:
        grade, value = self._dist.thresholds[i] if self._dist else (None, Decimal(0))
        return self.tr("{grade} ≥ {value}%").format(
            grade=grade.label if grade else "", value=fmt(value, None))

    def label_box(self, i: int) -> QRectF:
        """Where threshold `i`'s label is drawn."""
        return self._labels()[i][1]

    def _labels(self) -> list[tuple[int, QRectF]]:
        """(row, box) of each threshold's label, in the order of `thresholds`: beside its line
        (right of it, over the band it opens, else left), in the first row from the top where it
        covers no other label and no line passing through that row; every line runs from its
        label down. Placed from the lowest threshold up, so that a higher one's label, which
        may have no room on its right, does not push a lower one off its band."""
        d = self._dist
        if d is None:
            return []
        fm = QFontMetrics(self.font())
        left, right = self._plot_x()
        h, gap = self._line(), 4
        placed: list[tuple[int, QRectF, float]] = []  # row, box, the line's x
        out: dict[int, tuple[int, QRectF]] = {}
        for i in sorted(range(len(d.thresholds)), key=lambda t: d.thresholds[t][1]):
            x = self.x_of(d.thresholds[i][1])
            w = min(fm.horizontalAdvance(self.label_text(i)) + 2, right - left)
            sides = [x + gap, x - gap - w] if x + gap + w <= right else [x - gap - w]
            rows = len(d.thresholds) + 1
            for row in range(rows + 1):
                y = self._line() // 2 + row * (h + 2)
                boxes = [QRectF(max(left - h, s), y, w, h) for s in sides]
                box = next((b for b in boxes
                            if not any(r == row and b.adjusted(-gap, 0, gap, 0).intersects(o)
                                       for r, o, _x in placed)
                            and not any(r <= row and b.left() - 1 <= lx <= b.right() + 1
                                        for r, _o, lx in placed)
                            and not any(r > row and o.left() - 1 <= x <= o.right() + 1
                                        for r, o, _x in placed)), None)
                if box is None and row == rows:  # nowhere clear (a very narrow chart)
                    box = boxes[0]
                if box is not None:
                    placed.append((row, box, x))
                    out[i] = (row, box)
                    break
        return [out[i] for i in range(len(d.thresholds))]

    def _layout(self) -> None:
        """Each dot's centre: stacked up from the axis over the dots it would touch, the dots
        made smaller when the stacks would not fit."""
        self._dots = {}
        d = self._dist
        if d is None or not d.points:
            return
        _left, _right, top, axis = self._plot()
        points = sorted(d.points, key=lambda p: (p.index, p.unit))
        xs = {p.unit: self.x_of(p.index) for p in points}
        line = self._line()  # dots grow with the chart's width, within reason
        size = max(6, round(line * 0.8), min(round(line * 1.2), round(self.width() / 90)))
        while True:
            levels: list[list[float]] = []  # x of the dots on each level
            where: dict[str, int] = {}
            for p in points:
                x = xs[p.unit]
                level = next((i for i, row in enumerate(levels)
                              if all(abs(x - other) >= size + 1 for other in row)), len(levels))
                if level == len(levels):
                    levels.append([])
                levels[level].append(x)
                where[p.unit] = level
            if len(levels) * (size + 1) <= axis - top - 2 or size <= 4:
                break
            size -= 1
        self._radius = size / 2
        for p in points:
            self._dots[p.unit] = QPointF(xs[p.unit],
                                         axis - 2 - self._radius - where[p.unit] * (size + 1))

    def resizeEvent(self, event) -> None:
        self._layout()
        super().resizeEvent(event)

    def dot_center(self, unit: str) -> QPointF | None:
        """Where a unit's dot is drawn (for tests and the screenshots)."""
        return self._dots.get(unit)

    def unit_at(self, pos: QPointF) -> str | None:
        """The unit whose dot is under `pos` (the nearest one, a little leeway around it)."""
        best = min(self._dots.items(), key=lambda kv: (kv[1] - pos).manhattanLength(),
                   default=None)
        if best is None:
            return None
        delta = best[1] - pos
        reach = self._radius + 2
        return best[0] if delta.x() ** 2 + delta.y() ** 2 <= reach * reach else None

    def _point(self, unit: str) -> IndexPoint | None:
        return next((p for p in self._dist.points if p.unit == unit), None) if self._dist \
            else None

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.Text)
        faint = pal.color(QPalette.ColorRole.PlaceholderText)
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        d = self._dist
        if d is None or not d.points:
            p.setPen(faint)
            p.drawText(self.rect(), CENTER, self.tr("Không có đơn vị được xếp hạng trong khối"))
            return
        fm = QFontMetrics(self.font())
        left, right, top, axis = self._plot()
        lo, hi = self._range()

        # the bands, tinted with the grade an index there reaches
        for band in d.bands:
            x0 = self.x_of(band.low) if band.low is not None else left
            x1 = self.x_of(band.high) if band.high is not None else right
            tint = QColor(grade_colour(band.grade))
            tint.setAlpha(28)
            p.fillRect(QRectF(x0, top, max(0.0, x1 - x0), axis - top), tint)

        # the axis, ticks every 10 (5 on a short axis) and faint grid lines
        grid = QColor(pal.color(QPalette.ColorRole.Mid))
        grid.setAlpha(110)
        step = 5 if hi - lo <= 30 else 10
        for v in range(lo, hi + 1, step):
            x = self.x_of(v)
            p.setPen(QPen(grid, 1))
            p.drawLine(QPointF(x, top), QPointF(x, axis))
            p.setPen(faint)
            p.drawText(QRectF(x - 30, axis + 3, 60, fm.height()), CENTER, str(v))
        p.setPen(QPen(text, 1))
        p.drawLine(QPointF(left, axis), QPointF(right, axis))
        p.setPen(faint)
        p.drawText(QRectF(left, axis + 3 + fm.height(), right - left, fm.height()), CENTER,
                   self.tr("Chỉ số CCHC (%)"))

        # the thresholds: a line in the grade's colour from its label down to the axis
        for i, (_row, box) in enumerate(self._labels()):
            grade, value = d.thresholds[i]
            x = self.x_of(value)
            p.setPen(QPen(grade_colour(grade), 2, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, box.top()), QPointF(x, axis))
            p.setPen(text)
            p.drawText(box, LEFT, fm.elidedText(self.label_text(i), Qt.TextElideMode.ElideRight,
                                                round(box.width())))

        # the dots; the unit chosen ringed
        r = self._radius
        outline = QColor(pal.color(QPalette.ColorRole.Base))
        for point in d.points:
            c = self._dots.get(point.unit)
            if c is None:
                continue
            p.setPen(QPen(outline, 1))
            p.setBrush(grade_colour(point.grade))
            p.drawEllipse(c, r, r)
        c = self._dots.get(self._current or "")
        if c is not None:
            p.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 2.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(c, r + 3, r + 3)
        p.end()

    # -- interaction ------------------------------------------------------------------------

    def tooltip(self, unit: str) -> str:
        point = self._point(unit)
        if point is None:
            return ""
        lines = [f"{point.name} ({point.unit})",
                 self.tr("Chỉ số: {index}%").format(index=fmt(point.index, self._places)),
                 self.tr("Hạng: {rank}").format(rank=point.rank)]
        if point.grade is not None:
            lines.append(self.tr("Xếp loại: {grade}").format(grade=point.grade.label))
        return "\n".join(lines)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip:
            help_event: QHelpEvent = e  # type: ignore[assignment]
            unit = self.unit_at(QPointF(help_event.pos()))
            if unit is None:
                QToolTip.hideText()
                e.ignore()
            else:
                QToolTip.showText(help_event.globalPos(), self.tooltip(unit), self)
            return True
        return super().event(e)

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        over = self.unit_at(e.position()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(e)

    def mousePressEvent(self, e: QMouseEvent) -> None:
        unit = self.unit_at(e.position())
        if unit is not None and e.button() == Qt.MouseButton.LeftButton:
            self.unit_clicked.emit(unit)
        super().mousePressEvent(e)

    def mouseDoubleClickEvent(self, e: QMouseEvent) -> None:
        unit = self.unit_at(e.position())
        if unit is not None and e.button() == Qt.MouseButton.LeftButton:
            self.unit_activated.emit(unit)
        super().mouseDoubleClickEvent(e)
