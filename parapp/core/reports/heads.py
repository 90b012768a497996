"""The annex of the classification of unit heads per block, with reasons and counts."""
from __future__ import annotations

from parapp.core.reports.common import num, roman
from parapp.core.reports.model import Block, Break, Cell, Grid, Part, Text
from parapp.core.reports.tables import HeadTable

COLUMNS = [("STT", 9), ("Đơn vị", 0), ("Họ và tên người đứng đầu", 40), ("Chức vụ", 34),
           ("Chỉ số CCHC (%)", 16), ("Xếp hạng", 13), ("Xếp loại", 48), ("Ghi chú", 48)]


def title_lines(year: int) -> list[str]:
    return [f"KẾT QUẢ XẾP LOẠI NGƯỜI ĐỨNG ĐẦU TRONG THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH "
            f"NĂM {year}"]


def counts_line(table: HeadTable) -> str:
    return (f"Tổng số {len(table.rows)} người đứng đầu: "
            # a non-breaking space: a count never starts a line on its own ("0.")
            + "; ".join(f"{g.label}:\u00a0{n}" for g, n in table.counts.items()) + ".")


def head_table(table: HeadTable, places: int) -> list[Block]:
    rows: list[tuple[Cell, ...]] = [tuple(Cell(h, "th") for h, _ in COLUMNS)]
    for r in table.rows:
        rows.append((Cell(str(r.stt), "td_c"), Cell(r.unit), Cell(r.head_name),
                     Cell(r.head_title), Cell(num(r.index, places), "td_r"),
                     Cell(str(r.rank), "td_c") if r.rank is not None
                     else Cell("Không xếp hạng", "td_c"),
                     Cell(r.grade_label, "td_b" if r.overridden else "td"),
                     Cell(r.reason, "td_small")))
    return [Grid(tuple(rows), tuple(float(w) for _, w in COLUMNS)),
            Text(counts_line(table), "counts")]


def heads_part(tables: list[HeadTable], settings, year: int, label: str, ref: str) -> Part:
    body: list[Block] = []
    for i, t in enumerate(tables):
        if i:
            body.append(Break(unless_room=50))
        body.append(Text(f"{roman(i)}. {t.name.upper()}", "section"))
        body += head_table(t, settings.display_decimals)
    tenure = (f" Người đứng đầu giữ chức vụ dưới {settings.min_months_in_post} tháng trong năm: "
              "không xếp loại." if settings.min_months_in_post else "")
    body.append(Text("Căn cứ xếp loại: " + "; ".join(
        f"({i}) {rule.describe()}" for i, rule in enumerate(settings.rules, start=1))
        + "." + tenure + " Xếp loại điều chỉnh (in đậm) ghi rõ lý do ở cột Ghi chú.", "note"))
    return Part(title_lines(year), body, annex=label, ref=ref, header=False)
