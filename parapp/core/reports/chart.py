"""The index per unit of a block as a bar chart (the results report's figures).

Drawn straight on the canvas (axes, grid, one bar per unit coloured by the head's
classification, the unit names below, the printed index above each bar when there is room):
about ten times faster than reportlab.graphics' bar chart for a block of 90 units. Bar heights
are floats — the one place a score becomes a float, for drawing only; every printed number comes
from the exact values through `fmt`.
"""
from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from parapp.core.classification import Grade
from parapp.core.numbers import fmt
from parapp.core.reports import fonts
from parapp.core.reports.model import Bar

GRADE_COLOURS = {
    Grade.EXCELLENT: colors.Color(0.13, 0.40, 0.67),
    Grade.GOOD: colors.Color(0.40, 0.62, 0.80),
    Grade.COMPLETED: colors.Color(0.72, 0.72, 0.72),
    Grade.NOT_COMPLETED: colors.Color(0.80, 0.33, 0.27),
    Grade.NOT_CLASSIFIED: colors.Color(0.50, 0.55, 0.60),
}
GRID = colors.Color(0.85, 0.85, 0.85)
MAX_LABEL = 30
SHRINK = 0.75  # how short a chart may be drawn to stay on its title's page


def _label(name: str, most: int = MAX_LABEL) -> str:
    """A bar's name, its middle left out when long: names of one kind differ at their end
    ("Ban Quản lý dự án … dân dụng", "… giao thông")."""
    name = fonts.nfc(name)
    if len(name) <= most:
        return name
    cut = (most - 1) * 2 // 5
    head, tail = name[:cut], name[len(name) - (most - 1 - cut):]
    if name[cut] != " " and " " in head:  # whole words on both sides
        head = head.rsplit(" ", 1)[0]
    if name[-len(tail) - 1] != " " and " " in tail:
        tail = tail.split(" ", 1)[1]
    return head.rstrip() + "…" + tail.lstrip()


def _labels(names: Sequence[str]) -> list[str]:
    """Every bar's label, two bars never alike: those that are get longer until they differ."""
    most = {name: MAX_LABEL for name in names}
    while True:
        labels = [_label(n, most[n]) for n in names]
        alike = {n for n, label in zip(names, labels) if labels.count(label) > 1
                 and len(fonts.nfc(n)) > most[n]}
        if not alike:
            return labels
        for n in alike:
            most[n] += 6


class IndexChart(Flowable):
    """Bars in annex order (ranked, then unranked), 0 or a round floor below the lowest index
    up to 100 %, with a legend of the classification colours."""

    def __init__(self, bars: Sequence[Bar], width: float, height: float, places: int = 2):
        super().__init__()
        fonts.register()
        self.rows = list(bars)
        self.width, self.height, self.places = width, height, places

    def wrap(self, avail_width, avail_height):
        # under its title rather than alone on the next page: when most of it fits, the chart
        # takes the room that is left (the first under the annex's heading missed by 5 mm)
        if self.height * SHRINK <= avail_height < self.height:
            self.height = avail_height
        return self.width, self.height

    def draw(self):
        c, rows = self.canv, self.rows
        if not rows:
            return
        label_size = 7 if len(rows) > 40 else 8
        labels = _labels([r.name for r in rows])
        label_room = max(stringWidth(t, fonts.REGULAR, label_size) for t in labels) + 8
        left, bottom = 30.0, label_room
        plot_w, plot_h = self.width - left - 6, self.height - label_room - 30
        low = min(float(r.index) for r in rows)  # drawing only
        floor = max(0, (int(low) // 10) * 10 - 10)

        def y_of(value: float) -> float:
            return bottom + (max(value, floor) - floor) / (100 - floor) * plot_h

        c.saveState()
        c.setLineWidth(0.4)
        c.setFont(fonts.REGULAR, 8)
        for tick in range(floor, 101, 10):  # grid and value axis
            y = y_of(tick)
            c.setStrokeColor(GRID)
            c.line(left, y, left + plot_w, y)
            c.setFillColor(colors.black)
            c.drawRightString(left - 3, y - 2.5, str(tick))
        c.setStrokeColor(colors.black)
        c.line(left, bottom, left, bottom + plot_h)
        c.line(left, bottom, left + plot_w, bottom)
        step = plot_w / len(rows)
        bar = step * (0.7 if len(rows) > 40 else 0.6)
        show_values = len(rows) <= 45
        for i, (r, text) in enumerate(zip(rows, labels)):
            x = left + i * step + (step - bar) / 2
            top = y_of(float(r.index))
            c.setFillColor(GRADE_COLOURS[r.grade])
            c.rect(x, bottom, bar, top - bottom, stroke=0, fill=1)
            c.setFillColor(colors.black)
            centre = x + bar / 2
            c.saveState()  # the unit's name, read upwards, under its bar
            c.translate(centre + label_size / 3, bottom - 3)
            c.rotate(90)
            c.setFont(fonts.REGULAR, label_size)
            c.drawRightString(0, 0, text)
            c.restoreState()
            if show_values:
                c.saveState()
                c.translate(centre + 2.3, top + 2)
                c.rotate(90)
                c.setFont(fonts.REGULAR, 6.5)
                c.drawString(0, 0, fmt(r.index, self.places, comma=True))
                c.restoreState()
        c.setFont(fonts.ITALIC, 9)
        c.drawString(0, self.height - 12, "Chỉ số (%)")
        x = left + 60
        c.setFont(fonts.REGULAR, 8.5)
        shown = {r.grade for r in rows}
        for grade, colour in GRADE_COLOURS.items():  # legend
            if grade is Grade.NOT_CLASSIFIED and grade not in shown:
                continue  # in the legend only where a bar has it
            c.setFillColor(colour)
            c.rect(x, self.height - 11, 14, 7, stroke=0, fill=1)
            c.setFillColor(colors.black)
            label = fonts.nfc(grade.label)
            c.drawString(x + 18, self.height - 11, label)
            x += 30 + stringWidth(label, fonts.REGULAR, 8.5)
        c.restoreState()


def chart_png(bars: Sequence[Bar], width: float, height: float, places: int = 2,
              dpi: int = 200) -> bytes:
    """The same chart as a PNG (for the Word draft): drawn on a page of its own by reportlab,
    rasterised by PDFium."""
    import io

    from reportlab.pdfgen import canvas

    from parapp.core import pdfium

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(width, height), invariant=1)
    IndexChart(bars, width, height, places).drawOn(page, 0, 0)
    page.save()
    with pdfium.held() as pypdfium2:
        pdf = pypdfium2.PdfDocument(buffer.getvalue())
        try:
            image = pdf[0].render(scale=dpi / 72).to_pil()
        finally:
            pdf.close()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
