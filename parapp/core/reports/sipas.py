"""The annex of the SIPAS index (Chỉ số hài lòng về sự phục vụ hành chính): per block, each
unit's index as published beside the PAR Index, and its rank in the block."""
from __future__ import annotations

from parapp.core.reports.common import num, roman
from parapp.core.reports.model import Block, Break, Cell, Grid, Part, Text
from parapp.core.reports.tables import SipasTable

COLUMNS = [("STT", 12), ("Tên đơn vị", 0), ("Chỉ số SIPAS (%)", 32), ("Điểm SIPAS trong Chỉ số "
           "CCHC", 36), ("Xếp hạng", 22)]
NO_RESULT = "Chưa có kết quả khảo sát"
UNRANKED = "không xếp hạng"


def title_lines(year: int) -> list[str]:
    return [f"KẾT QUẢ CHỈ SỐ HÀI LÒNG VỀ SỰ PHỤC VỤ HÀNH CHÍNH (SIPAS) NĂM {year}"]


def sipas_table(table: SipasTable, places: int) -> list[Block]:
    points_head = COLUMNS[3][0] + (f" (tối đa {num(table.max, places)})" if table.max else "")
    rows: list[tuple[Cell, ...]] = [tuple(Cell(h if i != 3 else points_head, "th")
                                          for i, (h, _) in enumerate(COLUMNS))]
    for r in table.rows:
        rows.append((Cell(str(r.stt), "td_c"), Cell(r.name),
                     Cell(num(r.pct, places) if r.pct is not None else NO_RESULT,
                          "td_r" if r.pct is not None else "td_i"),
                     Cell(num(r.points, places), "td_r"),
                     Cell(f"{r.rank}{'*' if r.tied else ''}" if r.rank is not None else
                          "" if r.ranked else UNRANKED, "td_c" if r.ranked else "td_i")))
    out: list[Block] = [Grid(tuple(rows), tuple(float(w) for _, w in COLUMNS))]
    if table.average is not None:
        out.append(Text("Chỉ số SIPAS bình quân của các đơn vị được xếp hạng: "
                        f"{num(table.average, places)}%.", "counts"))
    if any(not r.ranked for r in table.rows):
        out.append(Text("Đơn vị không xếp hạng trong khối (như Phụ lục kết quả xếp hạng) không "
                        "tính vào thứ hạng và bình quân SIPAS.", "note"))
    if any(r.tied for r in table.rows):
        out.append(Text("(*) Đồng hạng: bằng nhau ở số công bố.", "note"))
    return out


def sipas_part(tables: list[SipasTable], places: int, year: int, label: str, ref: str) -> Part:
    body: list[Block] = []
    for i, t in enumerate(tables):
        if i:
            body.append(Break(unless_room=50))
        body.append(Text(f"{roman(i)}. {t.name.upper()}", "section"))
        body += sipas_table(t, places)
    body.append(Text(f"Chỉ số SIPAS làm tròn đến {places} chữ số thập phân; xếp hạng theo số "
                     "công bố, bằng nhau thì đồng hạng.", "note"))
    return Part(title_lines(year), body, wide=False, annex=label, ref=ref, header=False)
