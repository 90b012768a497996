"""Workbooks parapp writes: import templates, the interchange workbook, score sheets, summaries.

Numbers are written exactly (Decimal) and shown with the period's decimals by number formats,
so Excel or LibreOffice display what parapp displays while the cells keep every digit.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Literal

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import select

from parapp.core.criteria import MAX_POINTS, Source
from parapp.core.errors import ParappError
from parapp.core.files import replacing
from parapp.core.interchange.columns import LAYOUTS, MAX_PREFIX, SCORES, Layout
from parapp.core.interchange.importer import PERIOD_KINDS, method_text
from parapp.core.models import Adjustment, Exclusion, Score, SurveyItem, SurveyResult, Unit
from parapp.core.models import Criterion as CriterionRow
from parapp.core.numbers import fmt
from parapp.core.reports.tables import ranking_tables, unit_sheets
from parapp.core.store import Store
from parapp.core.text import plain_text

HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
AREA_FILL = PatternFill("solid", fgColor="F2F2F2")
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
MAX_TEMPLATE_ROWS = 5000
# the data validations the templates use, by Excel's names
_Kind = Literal["decimal", "whole"]
_Operator = Literal["greaterThanOrEqual", "between"]


def _num_format(places: int) -> str:
    return "0." + "0" * places


def _header(ws, headers: Iterable[str], widths: Iterable[int], row: int = 1,
            helps: Iterable[str] | None = None) -> None:
    for col, (text, width) in enumerate(zip(headers, widths), start=1):
        cell = _cell(ws, row, col, text)
        cell.font, cell.fill, cell.border = BOLD, HEADER_FILL, BOX
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[get_column_letter(col)].width = width
    for col, text in enumerate(helps or (), start=1):
        if text:
            ws.cell(row=row, column=col).comment = Comment(text, "parapp")
    ws.freeze_panes = ws.cell(row=row + 1, column=1)


def _cell(ws, row: int, column: int, value):
    """ws.cell(row, column, value), its text without the control characters a workbook cannot
    hold (a file written before they were kept out may still have some: `plain_text`)."""
    if value.__class__ is str and not value.isprintable():
        value = plain_text(value)
    return ws.cell(row=row, column=column, value=value)


def _print_setup(ws, title_rows: str) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    ws.page_margins.left, ws.page_margins.right = 0.8, 0.6


def _workbook() -> Workbook:
    """A new workbook without the sheet openpyxl starts it with."""
    wb = Workbook()
    wb.remove(wb.worksheets[0])
    return wb


def _save(wb: Workbook, out: Path) -> Path:
    with replacing(out) as tmp:
        wb.save(tmp)
    return Path(out)


def _layout_sheet(wb: Workbook, layout: Layout, extra: Sequence[tuple[str, int, str]] = ()):
    ws = wb.create_sheet(layout.sheet)
    columns = list(layout.columns)
    headers = [c.header for c in columns] + [e[0] for e in extra]
    _header(ws, headers, [c.width for c in columns] + [e[1] for e in extra],
            helps=[c.help for c in columns] + [e[2] for e in extra])
    return ws


# -- templates --------------------------------------------------------------------------------

TEMPLATE_KINDS = (*LAYOUTS, "period")


def write_template(kind: str, out: Path, store: Store | None = None,
                   unit: str | None = None) -> Path:
    """An import template: blank, with data validation on number columns; for scores from a
    period, one row per unit × scored criterion holding the current values (a round trip
    changes only what was edited), each score cell validated against that criterion's max.
    Kind "period": the sheets «Tiêu chí» and «Đơn vị» of a new period in one workbook."""
    if kind not in TEMPLATE_KINDS:
        raise ParappError(f"Không có loại mẫu '{kind}' (có: {', '.join(TEMPLATE_KINDS)})",
                          f"No template '{kind}' (known: {', '.join(TEMPLATE_KINDS)})")
    wb = _workbook()
    for one in PERIOD_KINDS if kind == "period" else (kind,):
        layout = LAYOUTS[one]
        blocks = [b.code for b in store.blocks()] if store and one == "criteria" else []
        extra = [(f"{MAX_PREFIX} ({b})", 12, f"Điểm tối đa của khối {b}") for b in blocks]
        ws = _layout_sheet(wb, layout, extra)
        keys = [c.key for c in layout.columns]
        if one == "scores" and store is not None:
            _prefill_scores(ws, store, unit, keys)
        elif one == "previous_units" and store is not None:
            _previous_units(ws, store)
        else:
            _blank_validation(ws, layout, keys)
    return _save(wb, out)


def _blank_validation(ws, layout: Layout, keys: list[str]) -> None:
    checks: dict[str, tuple[_Kind, _Operator, *tuple[str, ...]]] = {
        "self": ("decimal", "greaterThanOrEqual", "0"),
        "appraisal": ("decimal", "greaterThanOrEqual", "0"),
        "appraisal2": ("decimal", "greaterThanOrEqual", "0"),
        "sipas": ("decimal", "between", "0", "100"),
        "survey": ("decimal", "between", "0", "100"),
        "max": ("decimal", "between", "0", str(MAX_POINTS)),
        "prev_rank": ("whole", "greaterThanOrEqual", "1")}
    for key, (kind, operator, *bounds) in checks.items():
        if key not in keys:
            continue
        letter = get_column_letter(keys.index(key) + 1)
        dv = DataValidation(type=kind, operator=operator, formula1=bounds[0],
                            formula2=bounds[1] if len(bounds) > 1 else None, allow_blank=True,
                            showErrorMessage=True, errorTitle="parapp",
                            error=f"«{layout.column(key).header}»: giá trị không hợp lệ")
        dv.add(f"{letter}2:{letter}{MAX_TEMPLATE_ROWS}")
        ws.add_data_validation(dv)


def _prefill_scores(ws, store: Store, unit_code: str | None, keys: list[str]) -> None:
    tree = store.tree()
    units = [u for u in store.units() if unit_code in (None, u.code)]
    if unit_code and not units:
        raise ParappError(f"Không có đơn vị '{unit_code}'", f"No unit '{unit_code}'")
    block_code = {b.id: b.code for b in store.blocks()}
    scores, excluded = _scores_of(store)
    wrap = [keys.index(k) + 1 for k in ("explanation", "note", "explanation2", "note2",
                                        "not_applicable")]
    by_max: dict[Decimal, list[int]] = {}
    row = 2
    for u in units:
        block = block_code[u.block_id]
        for key in tree.preorder:
            node = tree.nodes[key]
            if not tree.is_leaf(key) or node.source is not Source.SELF or \
                    node.max_for(block) <= 0:
                continue
            values = _score_values(u.code, node.code, scores.get((u.code, node.code)),
                                   excluded.get((u.code, node.code)))
            for c, v in enumerate(values, start=1):
                _cell(ws, row, c, v)
            for c in wrap:
                ws.cell(row=row, column=c).alignment = WRAP
            by_max.setdefault(node.max_for(block), []).append(row)
            row += 1
    score_cols = [get_column_letter(keys.index(k) + 1) for k in ("self", "appraisal",
                                                                  "appraisal2", "expected")]
    for top, rows in sorted(by_max.items()):
        # the ranges as one text: DataValidation.add checks each cell against every range
        # added before it, minutes for a province's 40,000 score cells
        ranges = " ".join(f"{c}{a}" if a == b else f"{c}{a}:{c}{b}"
                          for a, b in _runs(rows) for c in score_cols)
        ws.add_data_validation(DataValidation(
            type="decimal", operator="between", formula1="0", formula2=str(top),
            allow_blank=True, showErrorMessage=True, errorTitle="parapp",
            error=f"Điểm phải trong khoảng 0…{top}", sqref=ranges))


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending row numbers as (first, last) runs of consecutive rows."""
    runs: list[list[int]] = []
    for r in rows:
        if runs and runs[-1][1] == r - 1:
            runs[-1][1] = r
        else:
            runs.append([r, r])
    return [(a, b) for a, b in runs]


def _scores_of(store: Store) -> tuple[dict[tuple[str, str], Score], dict[tuple[str, str], str]]:
    """Every score and every not-applicable reason by (unit code, criterion code), the scores
    in the units' order."""
    with store.session() as s:
        excluded = {(u, c): reason for u, c, reason in s.execute(
            select(Unit.code, CriterionRow.code, Exclusion.reason)
            .join(Unit, Exclusion.unit_id == Unit.id)
            .join(CriterionRow, Exclusion.criterion_id == CriterionRow.id)
            .where(Exclusion.deleted.is_(False), Unit.deleted.is_(False)))}
        scores = {(u, c): sc for u, c, sc in s.execute(
            select(Unit.code, CriterionRow.code, Score)
            .join(Unit, Score.unit_id == Unit.id)
            .join(CriterionRow, Score.criterion_id == CriterionRow.id)
            .where(Score.deleted.is_(False), Unit.deleted.is_(False))
            .order_by(Unit.position, Unit.code, Score.id))}
    return scores, excluded


def _score_values(unit: str, code: str, sc: Score | None, not_applicable: str | None) -> list:
    """A row of the «Điểm» sheet, in its columns' order."""
    if sc is None:
        return [unit, code] + [None] * 8 + [not_applicable, None]
    return [unit, code, sc.self_points, sc.self_figure or None, sc.explanation or None,
            sc.appraisal_points,
            sc.appraisal_note or None, sc.explanation2 or None, sc.appraisal2_points,
            sc.appraisal2_note or None, not_applicable, sc.expected_points]


# -- the interchange workbook (every import sheet, for round trips) ---------------------------

def export_data(store: Store, out: Path) -> Path:
    """Criteria, units, scores, survey results and adjustments in the import layouts."""
    tree = store.tree()
    blocks = store.blocks()
    departments = {m.code: m.department for m in store.members()}
    wb = _workbook()
    ws = _layout_sheet(wb, LAYOUTS["criteria"],
                       [(f"{MAX_PREFIX} ({b.code})", 12, "") for b in blocks])
    for r, key in enumerate(tree.preorder, start=2):
        n = tree.nodes[key]
        leaf = tree.is_leaf(key)
        values = [n.code, n.name, n.max_points,
                  method_text(n.method, dict(n.params)) if leaf else None,
                  n.source.label if leaf else None,
                  departments.get(n.appraiser) if n.appraiser is not None else None,
                  ("Có" if n.evidence_required else "Không") if leaf else None,
                  n.guidance or None, n.evidence_guidance or None]
        values += [n.max_for(b.code) for b in blocks]
        for c, v in enumerate(values, start=1):
            _cell(ws, r, c, v)
    block_code = {b.id: b.code for b in blocks}
    ws = _layout_sheet(wb, LAYOUTS["units"])
    for r, u in enumerate(store.units(), start=2):
        since = date.fromisoformat(u.head_since) if u.head_since else None
        for c, v in enumerate([u.code, u.name, block_code[u.block_id], u.head_name,
                               u.head_title, since, u.prev_rank, None if u.ranked else "Có"],
                              start=1):
            cell = _cell(ws, r, c, v)
            if isinstance(v, date):
                cell.number_format = "DD/MM/YYYY"
    scores, excluded = _scores_of(store)
    with store.session() as s:
        surveys = s.execute(select(Unit.code, SurveyResult.sipas_pct, SurveyResult.survey_pct)
                            .join(Unit, SurveyResult.unit_id == Unit.id)
                            .where(SurveyResult.deleted.is_(False))).all()
        items = s.execute(select(Unit.code, CriterionRow.code, SurveyItem.pct)
                          .join(Unit, SurveyItem.unit_id == Unit.id)
                          .join(CriterionRow, SurveyItem.criterion_id == CriterionRow.id)
                          .where(SurveyItem.deleted.is_(False))
                          .order_by(Unit.position, Unit.code, SurveyItem.id)).all()
        adjustments = s.execute(select(Unit.code, Adjustment).join(
            Unit, Adjustment.unit_id == Unit.id).where(Adjustment.deleted.is_(False))
            .order_by(Adjustment.id)).all()
    ws = _layout_sheet(wb, SCORES)
    rows = [_score_values(u, c, sc, excluded.pop((u, c), None)) for (u, c), sc in scores.items()]
    rows += [_score_values(u, c, None, reason)  # not applicable, never scored
             for (u, c), reason in excluded.items()]
    for r, values in enumerate(rows, start=2):
        for c, v in enumerate(values, start=1):
            _cell(ws, r, c, v)
    ws = _layout_sheet(wb, LAYOUTS["survey"])
    for r, survey in enumerate(surveys, start=2):
        for c, v in enumerate(survey, start=1):
            _cell(ws, r, c, v)
    ws = _layout_sheet(wb, LAYOUTS["survey_items"])
    for r, item in enumerate(items, start=2):
        for c, v in enumerate(item, start=1):
            _cell(ws, r, c, v)
    ws = _layout_sheet(wb, LAYOUTS["bonus_items"])
    members = {m.id: m.code for m in store.members()}
    catalogue = store.bonus_items()
    for r, entry in enumerate(catalogue, start=2):
        for c, v in enumerate([entry.code, "Thưởng" if entry.kind == "bonus" else "Trừ",
                               entry.name, entry.max_points,
                               "Có" if entry.evidence_required else None,
                               members.get(entry.appraiser_id or 0), entry.guidance or None],
                              start=1):
            _cell(ws, r, c, v)
    if store.previous_period() is not None:
        _previous_units(_layout_sheet(wb, LAYOUTS["previous_units"]), store)
    codes = {entry.id: entry.code for entry in catalogue}
    ws = _layout_sheet(wb, LAYOUTS["adjustments"])
    for r, (unit, a) in enumerate(adjustments, start=2):
        for c, v in enumerate([unit, codes.get(a.item_id or 0), "Thưởng" if a.kind == "bonus"
                               else "Trừ", a.description, a.self_points, a.appraisal_points,
                               a.note or None], start=1):
            _cell(ws, r, c, v)
    return _save(wb, out)


def _previous_units(ws, store: Store) -> None:
    """The linked period's units as published, and the unit each is mapped to."""
    for r, u in enumerate(store.past_units(), start=2):
        for c, v in enumerate([u.code, u.name, u.block, u.index, u.rank, u.successor], start=1):
            _cell(ws, r, c, v)


# -- score sheets ------------------------------------------------------------------------------

SHEET_COLUMNS = [("STT", 8), ("Nội dung", 58), ("Điểm tối đa", 10), ("Điểm tự đánh giá", 11),
                 ("Điểm thẩm định", 11), ("Chênh lệch", 10), ("Lý do trừ điểm", 40),
                 ("Giải trình", 40), ("TLKC", 7)]


def export_score_sheets(store: Store, out: Path, unit: str | None = None,
                        block: str | None = None) -> Path:
    """One printable sheet per unit: every node of the appraised part with max, self,
    appraisal, difference, deduction note, explanation and the number of evidence documents,
    then the total split as in the annex (the rows of the unit's result notice)."""
    sheets = unit_sheets(store, unit=unit, block=block)
    places = store.settings().display_decimals
    period = store.period()
    fmt_num = _num_format(places)
    wb = _workbook()
    for sheet in sheets:
        ws = wb.create_sheet(_sheet_title(sheet.code, wb))
        ws["A1"] = f"BẢNG ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {period.year}"
        ws["A1"].font = Font(bold=True, size=13)
        ws["A2"] = plain_text(f"Đơn vị: {sheet.name} — {period.province}")
        ws["A2"].font = BOLD
        rank = sheet.rank if sheet.rank else "không xếp hạng"
        ws["A3"] = (f"Tổng điểm: {_shown(sheet.total, places)}/{_shown(sheet.max, places)}"
                    f" — Chỉ số: {_shown(sheet.index, places)}% — Xếp hạng: {rank}")
        _header(ws, [c for c, _ in SHEET_COLUMNS], [w for _, w in SHEET_COLUMNS], row=5)
        r = 6
        for row in sheet.rows:
            values = [row.code, row.name.upper() if row.area else row.name, row.max,
                      row.self_points, row.points, row.difference, row.note or None,
                      row.explanation or None, len(row.evidence) or None if row.leaf else None]
            for c, v in enumerate(values, start=1):
                cell = _cell(ws, r, c, v)
                cell.border = BOX
                cell.alignment = WRAP
                if c in (3, 4, 5, 6):
                    cell.number_format = fmt_num
                if row.area:
                    cell.font = BOLD
                    cell.fill = AREA_FILL
                elif row.depth == 1 and not row.leaf:
                    cell.font = Font(bold=True, italic=True)
            ws.cell(row=r, column=2).alignment = Alignment(wrap_text=True, vertical="top",
                                                           indent=row.depth)
            r += 1
        # the total split as in the ranking annex and the notice: the areas' appraised part,
        # ĐTXHH, SIPAS, each bonus or penalty line, their net, the total
        lines: list[tuple[str, Decimal | None, Decimal, bool]] = [
            ("Cộng điểm thẩm định các lĩnh vực", sheet.appraisal_max, sheet.appraisal, True)]
        if sheet.survey_max:
            lines.append(("Điểm điều tra xã hội học (ĐTXHH)", sheet.survey_max, sheet.survey,
                          True))
        if sheet.sipas_max:
            lines.append(("Điểm Chỉ số hài lòng (SIPAS)", sheet.sipas_max, sheet.sipas, True))
        lines += [(("Điểm thưởng: " if a.kind == "bonus" else "Điểm trừ: ") + a.description,
                   None, a.points if a.kind == "bonus" else -a.points, False)
                  for a in sheet.adjustments]
        if sheet.adjustments or sheet.adjustment:
            lines.append(("Cộng điểm thưởng/ trừ", None, sheet.adjustment, True))
        lines.append(("TỔNG ĐIỂM", sheet.max, sheet.total, True))
        for label, top, value, bold in lines:
            _cell(ws, r, 2, label).font = BOLD if bold else Font()
            for column, number in ((3, top), (5, value)):
                if number is not None:
                    cell = _cell(ws, r, column, number)
                    cell.number_format, cell.font = fmt_num, BOLD if bold else Font()
            r += 1
        _print_setup(ws, "5:5")
    return _save(wb, out)


def _shown(value: Decimal, places: int) -> str:
    return fmt(value, places, comma=True)


def _sheet_title(code: str, wb: Workbook) -> str:
    title = "".join(ch for ch in code if ch not in "[]:*?/\\")[:31] or "Sheet"
    base, n = title, 2
    while title in wb.sheetnames:
        title, n = f"{base[:28]}_{n}", n + 1
    return title


# -- summary per block --------------------------------------------------------------------------

def export_summary(store: Store, out: Path, block: str | None = None) -> Path:
    """Units × areas with totals, SIPAS, survey, index, rank, rank change and classification
    (the rows of the PDF ranking annex)."""
    tables = ranking_tables(store, block)
    if not tables:  # a period not set up yet: a workbook of no sheet cannot be written
        raise ParappError("Không có khối đơn vị nào để tổng hợp", "No block of units to sum up")
    places = store.settings().display_decimals
    period = store.period()
    fmt_num = _num_format(places)
    wb = _workbook()
    for t in tables:
        ws = wb.create_sheet(_sheet_title(t.block, wb))
        ws["A1"] = plain_text(f"TỔNG HỢP CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {period.year} — "
                              f"{t.name.upper()}")
        ws["A1"].font = Font(bold=True, size=13)
        ws["A2"] = plain_text(period.province)
        headers = (["STT", "Mã", "Tên đơn vị"]
                   + [f"LV {a.code}\n({_shown(a.max, 2)})" for a in t.areas]
                   + ["Thưởng", "Trừ", "SIPAS", "ĐTXHH", "Tổng điểm", "Điểm tối đa",
                      "Chỉ số (%)", "Xếp hạng", "Năm trước", "Tăng/giảm", "Người đứng đầu",
                      "Xếp loại"])
        widths = [6, 10, 40] + [9] * len(t.areas) + [8, 8, 8, 8, 10, 9, 10, 8, 8, 9, 26, 28]
        _header(ws, headers, widths, row=4)
        for i, row in enumerate(t.rows, start=1):
            values = ([row.stt, row.code, row.name] + list(row.areas)
                      + [row.bonus or None, row.penalty or None, row.sipas, row.survey,
                         row.total, row.max, row.index,
                         row.rank if row.rank is not None else "—", row.prev_rank,
                         row.change, row.head_name, row.grade_label])
            for c, v in enumerate(values, start=1):
                cell = _cell(ws, 4 + i, c, v)
                cell.border = BOX
                if isinstance(v, Decimal):
                    cell.number_format = fmt_num
            ws.cell(row=4 + i, column=len(values)).alignment = WRAP
        r = 6 + len(t.rows)
        for grade, n in t.counts.items():  # "not classified" only when some head is
            _cell(ws, r, 3, grade.label).font = BOLD
            _cell(ws, r, 4, n)
            r += 1
        _print_setup(ws, "4:4")
    return _save(wb, out)


# -- merges of member packages --------------------------------------------------------------------

MERGE_STATUS = {"applied": "Áp dụng", "parallel": "Song song", "conflict": "Xung đột",
                "unchanged": "Không đổi"}
PART_LABEL = {"appraisal": "Điểm thẩm định", "appraisal2": "Thẩm định vòng 2",
              "self": "Tự đánh giá", "explanation2": "Giải trình sau vòng 1"}


def _rows(ws, rows: Iterable[list], start: int = 2) -> None:
    for r, values in enumerate(rows, start=start):
        for c, value in enumerate(values, start=1):
            _cell(ws, r, c, value).alignment = WRAP


def export_merge_report(store: Store, out: Path) -> Path:
    """Every merge still in force: one line per package, every change it made (who, what, from
    what to what), and every conflict with its resolution and reason."""
    from parapp.core.merge import merge_history, resolutions_of

    merges = merge_history(store)
    if not merges:
        raise ParappError("Chưa hợp nhất gói nào", "No package has been merged")
    wb = Workbook()
    ws = wb.worksheets[0]  # the one sheet a new workbook has
    ws.title = "Các lần hợp nhất"
    _header(ws, ["STT", "Tệp gói", "Thành viên / đơn vị", "Niêm phong lúc", "Hợp nhất lúc",
                 "Người hợp nhất", "Áp dụng", "Song song", "Xung đột", "Không đổi",
                 "TLKC thêm", "TLKC gỡ"], [6, 30, 12, 22, 22, 18, 9, 9, 9, 9, 9, 9])
    _rows(ws, ([i, m.file_name, m.member_code or m.unit_code, m.sealed_at, m.created_at,
                m.author, *(m.summary.get("counts", {}).get(k, 0)
                            for k in ("applied", "parallel", "conflict", "unchanged")),
                *m.summary.get("evidence", [0, 0])]
               for i, m in enumerate(merges, start=1)))
    _print_setup(ws, "1:1")

    def shown(value: dict) -> str:
        points = value.get("points")
        text = "—" if points is None else points.replace(".", ",")
        return f"{text} ({value['note']})" if value.get("note") else text

    ws = wb.create_sheet("Thay đổi")
    _header(ws, ["Tệp gói", "Thành viên / đơn vị", "Đơn vị", "Tiêu chí", "Phần", "Phân loại",
                 "Trước", "Sau"], [30, 12, 10, 10, 16, 12, 40, 40])
    _rows(ws, ([m.file_name, m.member_code or m.unit_code, unit, crit, PART_LABEL.get(part, part),
                MERGE_STATUS.get(status, status), shown(old), shown(new)]
               for m in merges for unit, crit, part, status, old, new
               in m.summary.get("changes", [])))
    _print_setup(ws, "1:1")

    ws = wb.create_sheet("Xung đột")
    _header(ws, ["Tệp gói", "Đơn vị", "Tiêu chí", "Phần", "Tệp chính", "Gói", "Đã chọn", "Lý do",
                 "Người quyết định"], [30, 10, 10, 16, 36, 36, 12, 40, 18])
    files = {m.id: m.file_name for m in merges}
    _rows(ws, ([files[r.merge_id], r.unit_code, r.criterion_code, PART_LABEL.get(r.part, r.part),
                shown(r.master_value), shown(r.package_value),
                "Tệp chính" if r.chosen == "master" else "Gói", r.reason, r.author]
               for r in resolutions_of(store) if r.merge_id in files))
    _print_setup(ws, "1:1")
    return _save(wb, out)


UNIT_PROGRESS_COLUMNS = [("Mã đơn vị", 11), ("Tên đơn vị", 36), ("Khối", 10),
                         ("Tiêu chí tự đánh giá", 10), ("Đã tự đánh giá", 10), ("Chưa tự đánh giá", 10),
                         ("Thiếu TLKC bắt buộc", 11), ("Đã thẩm định vòng 1", 11),
                         ("Bị trừ điểm", 10), ("Đã giải trình", 10),
                         ("Đã thẩm định vòng 2", 11), ("Gói đã gửi", 10),
                         ("Gói đã hợp nhất", 10)]
MEMBER_PROGRESS_COLUMNS = [("Mã thành viên", 12), ("Cơ quan", 36), ("Tiêu chí × đơn vị", 12),
                           ("Đã thẩm định vòng 1", 12), ("Giải trình cần xem", 12),
                           ("Đã thẩm định vòng 2", 12), ("Gói đã gửi", 10),
                           ("Gói đã hợp nhất", 10)]


def export_progress(store: Store, out: Path) -> Path:
    """The season's progress (parapp.core.progress): what remains in the current phase, then
    one sheet per unit and one per council member, with autofilters to sort and filter by."""
    from parapp.core.progress import read_progress

    progress = read_progress(store)
    wb = Workbook()
    ws = wb.worksheets[0]
    ws.title = "Còn lại"
    ws["A1"] = "Giai đoạn: " + progress.phase.describe(date.today())
    ws["A1"].font = Font(bold=True, size=13)
    for r, line in enumerate(progress.remaining(), start=3):
        _cell(ws, r, 1, line)
    ws.column_dimensions["A"].width = 100
    for title, columns, rows in (
            ("Đơn vị", UNIT_PROGRESS_COLUMNS,
             ([u.code, u.name, u.block, u.leaves, u.scored, u.unscored, u.evidence_missing,
               u.appraised, u.deducted, u.explained, u.reappraised, u.sent, u.merged]
              for u in progress.units)),
            ("Thành viên", MEMBER_PROGRESS_COLUMNS,
             ([m.code, m.department, m.leaves, m.appraised, m.explained, m.reappraised, m.sent,
               m.merged] for m in progress.members))):
        ws = wb.create_sheet(title)
        _header(ws, [c for c, _ in columns], [w for _, w in columns])
        _rows(ws, rows)
        ws.auto_filter.ref = ws.dimensions
        _print_setup(ws, "1:1")
    return _save(wb, out)


ROUND_COLUMNS = [("Mã đơn vị", 11), ("Đơn vị", 30), ("Mã tiêu chí", 10), ("Tiêu chí", 40),
                 ("Tự đánh giá", 10), ("Thẩm định vòng 1", 10), ("Lý do vòng 1", 36),
                 ("Người thẩm định vòng 1", 18), ("Giải trình", 40), ("Thẩm định vòng 2", 10),
                 ("Lý do vòng 2", 36), ("Người thẩm định vòng 2", 18), ("Thay đổi", 9)]


def export_rounds(store: Store, out: Path, block: str | None = None) -> Path:
    """What changed between the rounds: every criterion a unit explained or the council
    appraised again — the self score, round 1 with its reason and appraiser, the explanation,
    round 2 with its reason and appraiser, and the change (round 2 − round 1)."""
    from parapp.core.progress import between_rounds
    rows = [[r.unit, r.unit_name, r.criterion, r.criterion_name, r.self_points, r.first,
             r.first_note or None, r.first_by or None, r.explanation or None, r.second,
             r.second_note or None, r.second_by or None, r.change]
            for r in between_rounds(store, block)]
    wb = Workbook()
    ws = wb.worksheets[0]
    ws.title = "Giữa hai vòng"
    _header(ws, [c for c, _ in ROUND_COLUMNS], [w for _, w in ROUND_COLUMNS])
    _rows(ws, rows)
    number = _num_format(store.settings().display_decimals)
    for row in ws.iter_rows(min_row=2):
        for cell in (row[4], row[5], row[9], row[12]):
            cell.number_format = number
    ws.auto_filter.ref = ws.dimensions
    _print_setup(ws, "1:1")
    return _save(wb, out)


LOSS_COLUMNS = [("Lĩnh vực", 30), ("STT", 8), ("Tiêu chí thành phần", 46), ("Điểm tối đa", 10),
                ("Tự đánh giá", 10), ("Điểm đạt", 10), ("Điểm bị trừ", 10),
                ("Lý do trừ điểm", 40), ("Cơ quan thẩm định", 22), ("Bình quân khối", 10),
                ("Cao nhất khối", 10)]


def export_losses(store: Store, unit: str, out: Path) -> Path:
    """Where the unit lost points (parapp.core.analysis.unit_losses): a row per sub-criterion
    below its maximum, area by area, most lost first, beside the block's average and best;
    each area's total, then the unit's."""
    from parapp.core.analysis import read_unit_losses
    losses = read_unit_losses(store, unit)
    wb = Workbook()
    ws = wb.worksheets[0]
    ws.title = "Điểm bị trừ"
    _header(ws, [c for c, _ in LOSS_COLUMNS], [w for _, w in LOSS_COLUMNS])
    rows: list[list] = []
    for area in losses.areas:
        for leaf in area.leaves:
            rows.append([f"{area.number}. {area.name}", leaf.number, leaf.name, leaf.max,
                         leaf.self_points, leaf.points, leaf.lost, leaf.note or None,
                         leaf.by or None, leaf.block_average, leaf.block_best])
        rows.append([f"Cộng lĩnh vực {area.number}", None, None, area.max, None, area.points,
                     area.lost, None, None, None, None])
    rows.append([f"Tổng điểm bị trừ của {losses.name}", None, None, None, None, None,
                 losses.lost, None, None, None, None])
    _rows(ws, rows)
    number = _num_format(store.settings().display_decimals)
    for row in ws.iter_rows(min_row=2):
        for cell in row[3:7] + row[9:11]:
            cell.number_format = number
    ws.auto_filter.ref = ws.dimensions
    _print_setup(ws, "1:1")
    return _save(wb, out)


ANALYSIS_COLUMNS = [("Mã tiêu chí", 10), ("Tiêu chí thành phần", 46), ("Lĩnh vực", 8),
                    ("Số đơn vị", 9), ("Số đơn vị bị trừ", 10), ("Tỷ lệ đạt (%)", 10),
                    ("Tổng điểm bị trừ", 10), ("Bị trừ nhiều nhất", 30),
                    ("Lý do thường gặp", 46), ("Đơn vị tự đánh giá cao hơn", 10),
                    ("Chênh lệch tự đánh giá", 10)]


def export_analysis(store: Store, out: Path, block: str | None = None) -> Path:
    """Each sub-criterion across the units (of a block) it applies to
    (parapp.core.analysis.criterion_stats), most points lost first."""
    from parapp.core.analysis import read_block_analysis
    stats = read_block_analysis(store, block).stats
    places = store.settings().display_decimals
    wb = Workbook()
    ws = wb.worksheets[0]
    ws.title = "Theo tiêu chí"
    _header(ws, [c for c, _ in ANALYSIS_COLUMNS], [w for _, w in ANALYSIS_COLUMNS])
    _rows(ws, ([s.code, s.name, s.area, s.units, s.losing, s.share * 100, s.lost,
                "; ".join(f"{u} ({fmt(v, places)})" for u, v in s.worst) or None,
                "; ".join(f"{r} ({n})" for r, n in s.reasons) or None, s.over_scored,
                s.over_scoring] for s in stats))
    number = _num_format(places)
    for row in ws.iter_rows(min_row=2):
        for cell in (row[5], row[6], row[10]):
            cell.number_format = number
    ws.auto_filter.ref = ws.dimensions
    _print_setup(ws, "1:1")
    return _save(wb, out)

