"""The score sheet of one unit: every applicable node with max, self, appraisal, difference,
deduction note, explanation and evidence files; areas in bold upper case."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from parapp.core.reports import nd30
from parapp.core.reports.common import num
from parapp.core.reports.tables import UnitSheet, unit_sheets
from parapp.core.store import Store

COLUMNS = [("STT", 13), ("Nội dung", 0), ("Điểm tối đa", 13), ("Điểm tự đánh giá", 14),
           ("Điểm thẩm định", 14), ("Chênh lệch", 13), ("Lý do trừ điểm", 42),
           ("Giải trình", 38), ("Tài liệu kiểm chứng", 32)]


def title_lines(year: int) -> list[str]:
    return [f"BẢNG ĐIỂM THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}"]


def sheet_table(sheet: UnitSheet, places: int, frame: float, st: dict) -> list[Flowable]:
    widths = [w * mm for _, w in COLUMNS]
    widths[1] = frame - sum(widths)
    rows = [[nd30.para(h, st["th"]) for h, _ in COLUMNS]]
    extra = []
    pending = False
    for r in sheet.rows:
        if r.area:
            name_style, num_style = st["td_b"], st["td_br"]
        elif r.depth == 1 and not r.leaf:
            name_style, num_style = _indent(st["td_i"], r.depth), st["td_r"]
        else:
            name_style, num_style = _indent(st["td"], r.depth), st["td_r"]
        points = num(r.points, places)
        if r.leaf and not r.appraised:
            points += "*"
            pending = True
        rows.append([
            nd30.para(r.code, st["td_b"] if r.area else st["td"]),
            nd30.para(r.name.upper() if r.area else r.name, name_style),
            nd30.para(num(r.max, places), num_style),
            nd30.para(num(r.self_points, places), num_style),
            nd30.para(points, num_style),
            nd30.para(num(r.difference, places), num_style),
            nd30.para(r.note, st["td_small"]), nd30.para(r.explanation, st["td_small"]),
            nd30.para("\n".join(r.evidence), st["td_small"])])
        if r.area:
            extra.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), nd30.HEADER_BG))
    total_rows = [("Điểm thưởng", sheet.bonus), ("Điểm trừ", -sheet.penalty)]
    for label, value in total_rows:
        if value:
            rows.append(["", nd30.para(label, st["td_b"]), "", "", nd30.para(
                num(value, places), st["td_br"]), "", "", "", ""])
    rows.append(["", nd30.para("TỔNG ĐIỂM", st["td_b"]),
                 nd30.para(num(sheet.max, places), st["td_br"]),
                 nd30.para(num(sheet.self_total, places), st["td_br"]),
                 nd30.para(num(sheet.total, places), st["td_br"]), "", "", "", ""])
    out: list[Flowable] = [nd30.grid_table(rows, widths, header_rows=1, extra=extra,
                                           valign="TOP")]
    rank = (f"{sheet.rank}/{sheet.block_size}" if sheet.rank is not None
            else "không xếp hạng")
    out.append(nd30.para(
        f"Tổng điểm: {num(sheet.total, places)}/{num(sheet.max, places)} "
        f"(điểm thẩm định {num(sheet.appraisal, places)}; ĐTXHH {num(sheet.survey, places)}; "
        f"SIPAS {num(sheet.sipas, places)}) — Chỉ số CCHC: {num(sheet.index, places)}% — "
        f"Xếp hạng trong khối: {rank}.", st["counts"]))
    if pending:
        out.append(nd30.para("(*) Chưa thẩm định: tạm tính theo điểm tự đánh giá.", st["note"]))
    return out


_INDENTS: dict[tuple[str, int], ParagraphStyle] = {}


def _indent(style: ParagraphStyle, depth: int) -> ParagraphStyle:
    key = (style.name, depth)
    if key not in _INDENTS:
        _INDENTS[key] = ParagraphStyle(f"{style.name}_{depth}", parent=style,
                                       leftIndent=6 * depth)
    return _INDENTS[key]


def _document(store: Store, sheet: UnitSheet, places: int, ident, st: dict) -> nd30.Document:
    frame = nd30.Document(ident, [], [], wide=True).frame_width
    subtitle = [f"Đơn vị: {sheet.name} ({sheet.block_name})"]
    if sheet.head_name:
        subtitle.append(f"Người đứng đầu: {sheet.head_name}"
                        + (f", {sheet.head_title}" if sheet.head_title else ""))
    return nd30.Document(ident, title_lines(ident.year), sheet_table(sheet, places, frame, st),
                         subtitle=subtitle, decision_ref=False,
                         subject=f"Bảng điểm {sheet.code} năm {ident.year}")


def build_unit_sheet(store: Store, out: Path, unit: str) -> Path:
    """The score sheet of the unit with code `unit`."""
    sheet = unit_sheets(store, unit=unit)[0]
    ident = nd30.DocumentIdentity.from_store(store)
    nd30.render(_document(store, sheet, store.settings().display_decimals, ident,
                          nd30.styles()), out)
    return Path(out)


def build_unit_sheets(store: Store, out_dir: Path, block: str | None = None,
                      name: str = "bang-diem-{code}.pdf") -> list[Path]:
    """Every unit's score sheet (of one block, or all), one PDF each, from one evaluation."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    sheets = unit_sheets(store, block=block)
    places = store.settings().display_decimals
    ident = nd30.DocumentIdentity.from_store(store)
    st = nd30.styles()
    paths = []
    for sheet in sheets:
        path = out_dir / name.format(code=sheet.code)
        nd30.render(_document(store, sheet, places, ident, st), path)
        paths.append(path)
    return paths
