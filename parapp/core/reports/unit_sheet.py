"""The score sheet of one unit: every applicable node with max, self, appraisal, difference,
deduction note, explanation and evidence files; areas in bold upper case."""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from parapp.core.reports import fonts, nd30
from parapp.core.reports.common import num
from parapp.core.reports.tables import UnitSheet, unit_sheets
from parapp.core.store import Store

E = nd30.EMPTY
COLUMNS = [("STT", 13), ("Nội dung", 0), ("Điểm tối đa", 13), ("Điểm tự đánh giá", 14),
           ("Điểm thẩm định", 14), ("Chênh lệch", 13), ("Lý do trừ điểm", 42),
           ("Giải trình", 38), ("Tài liệu kiểm chứng", 32)]


def title_lines(year: int) -> list[str]:
    return [f"BẢNG ĐIỂM THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}"]


def sheet_table(sheet: UnitSheet, places: int, frame: float, st: dict) -> list[Flowable]:
    widths = [w * mm for _, w in COLUMNS]
    widths[1] = frame - sum(widths)
    rows: list[list[nd30.TableCell]] = [[nd30.para(h, st["th"]) for h, _ in COLUMNS]]
    extra: list[tuple] = [("ALIGN", (2, 1), (5, -1), "RIGHT")]
    pending = False

    def small(value: str):
        return nd30.cell(value, st["td_small"])

    for r in sheet.rows:
        if r.area:
            name_style = st["td_b"]
        elif r.depth == 1 and not r.leaf:
            name_style = _indent(st["td_i"], r.depth)
        else:
            name_style = _indent(st["td"], r.depth)
        points = num(r.points, places)
        if r.leaf and not r.appraised:
            points += "*"
            pending = True
        rows.append([
            nd30.text(r.code), nd30.cell(r.name.upper() if r.area else r.name, name_style),
            nd30.text(num(r.max, places)), nd30.text(num(r.self_points, places)),
            nd30.text(points), nd30.text(num(r.difference, places)),
            small(r.note), small(r.explanation), small("\n".join(r.evidence))])
        if r.area:
            extra += [("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), nd30.HEADER_BG),
                      ("FONTNAME", (0, len(rows) - 1), (-1, len(rows) - 1), fonts.BOLD)]
    first_total = len(rows)
    for label, value in (("Điểm thưởng", sheet.bonus), ("Điểm trừ", -sheet.penalty)):
        if value:
            rows.append([E, nd30.cell(label, st["td_b"]), E, E, nd30.text(num(value, places)),
                         E, E, E, E])
    rows.append([E, nd30.cell("TỔNG ĐIỂM", st["td_b"]), nd30.text(num(sheet.max, places)),
                 nd30.text(num(sheet.self_total, places)), nd30.text(num(sheet.total, places)),
                 E, E, E, E])
    extra.append(("FONTNAME", (0, first_total), (-1, -1), fonts.BOLD))
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


def _document(sheet: UnitSheet, places: int, ident: nd30.DocumentIdentity,
              st: dict) -> nd30.Document:
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
    nd30.render(_document(sheet, store.settings().display_decimals, ident, nd30.styles()), out)
    return Path(out)


def _render_batch(jobs: list[tuple[UnitSheet, Path]], places: int,
                  ident: nd30.DocumentIdentity) -> int:
    st = nd30.styles()
    for sheet, path in jobs:
        nd30.render(_document(sheet, places, ident, st), path)
    return len(jobs)


def build_unit_sheets(store: Store, out_dir: Path, block: str | None = None,
                      name: str = "bang-diem-{code}.pdf", workers: int = 1) -> list[Path]:
    """Every unit's score sheet (of one block, or all), one PDF each, from one evaluation.

    With `workers` > 1 the sheets are laid out by that many processes (the layout is CPU-bound
    Python and every sheet is independent). They are started with "spawn", which is safe from
    a program with threads (a GUI) but imports the caller's main module again: the calling
    script must keep its work under `if __name__ == "__main__":`."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    sheets = unit_sheets(store, block=block)
    places = store.settings().display_decimals
    ident = nd30.DocumentIdentity.from_store(store)
    jobs = [(sheet, out_dir / name.format(code=sheet.code)) for sheet in sheets]
    workers = max(1, min(workers, len(jobs)))
    if workers <= 1:
        _render_batch(jobs, places, ident)
    else:
        batches = [jobs[i::workers] for i in range(workers)]
        context = multiprocessing.get_context("spawn")  # safe from a GUI process's threads
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            for done in [pool.submit(_render_batch, b, places, ident) for b in batches]:
                done.result()
    return [path for _sheet, path in jobs]
