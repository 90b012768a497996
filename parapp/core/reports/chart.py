"""The index per unit of a block as a bar chart (an appendix page of the ranking annex).

Bar heights are floats — the one place a score becomes a float, for drawing only; every printed
number still comes from the exact values through `fmt`.
"""
from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors

from parapp.core.classification import Grade
from parapp.core.numbers import fmt
from parapp.core.reports import fonts
from parapp.core.reports.tables import RankingTable

GRADE_COLOURS = {
    Grade.EXCELLENT: colors.Color(0.13, 0.40, 0.67),
    Grade.GOOD: colors.Color(0.40, 0.62, 0.80),
    Grade.COMPLETED: colors.Color(0.72, 0.72, 0.72),
    Grade.NOT_COMPLETED: colors.Color(0.80, 0.33, 0.27),
}
MAX_LABEL = 30


def _label(name: str) -> str:
    name = fonts.nfc(name)
    return name if len(name) <= MAX_LABEL else name[:MAX_LABEL - 1] + "…"


def index_chart(table: RankingTable, width: float, height: float, places: int = 2) -> Drawing:
    """Bars in annex order (ranked, then unranked), coloured by the head's classification,
    with the index printed on each bar when there is room."""
    fonts.register()
    rows = list(table.rows)
    d = Drawing(width, height)
    d.initialFontName = fonts.REGULAR  # the renderer's starting font: never Helvetica
    if not rows:
        return d
    label_room = 4.3 * max(len(_label(r.name)) for r in rows) + 10
    chart = VerticalBarChart()
    chart.x, chart.y = 34, label_room
    chart.width, chart.height = width - 44, height - label_room - 30
    chart.data = [[float(r.index) for r in rows]]  # drawing only
    low = min(float(r.index) for r in rows)
    chart.valueAxis.valueMin = max(0, (int(low) // 10) * 10 - 10)
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 10
    chart.valueAxis.labels.fontName = fonts.REGULAR
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    chart.categoryAxis.categoryNames = [_label(r.name) for r in rows]
    chart.categoryAxis.labels.fontName = fonts.REGULAR
    chart.categoryAxis.labels.fontSize = 7 if len(rows) > 40 else 8
    chart.categoryAxis.labels.angle = 90
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dy = -2
    chart.barSpacing = 1
    chart.groupSpacing = 2 if len(rows) > 40 else 4
    chart.bars.strokeWidth = 0
    for i, r in enumerate(rows):
        chart.bars[(0, i)].fillColor = GRADE_COLOURS[r.grade]
    if len(rows) <= 45:
        chart.barLabels.fontName = fonts.REGULAR
        chart.barLabels.fontSize = 6.5
        chart.barLabels.angle = 90
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.dy = 2
        # the label of each bar is the exact index as printed in the table, looked up by the
        # bar's float height (never rounded from the float)
        texts = {float(r.index): fmt(r.index, places, comma=True) for r in rows}
        chart.barLabelFormat = lambda v: texts.get(v, "")
    d.add(chart)
    d.add(String(4, height - 12, "Chỉ số (%)", fontName=fonts.ITALIC, fontSize=9))
    x = chart.x + 60
    for grade, colour in GRADE_COLOURS.items():  # legend
        d.add(Line(x, height - 8, x + 14, height - 8, strokeColor=colour, strokeWidth=7))
        d.add(String(x + 18, height - 11, fonts.nfc(grade.label), fontName=fonts.REGULAR,
                     fontSize=8.5))
        x += 28 + 4.3 * len(grade.label)
    return d
