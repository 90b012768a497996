"""Where a unit lost points, printable for its leader (`parapp losses --unit X -o OUT.pdf`):
each sub-criterion below its maximum, area by area and most lost first, with the deduction's
reason and who appraised it, beside the block's average and best on the same sub-criterion.
Sent by Sở Nội vụ (the notices' issuer) after the results, so that the unit reviews and fixes
each point lost, as the published decisions ask. Every figure is the analysis's
(parapp.core.analysis.unit_losses); each area's line adds up its rows.
"""
from __future__ import annotations

from pathlib import Path

from parapp.core.analysis import UnitLosses, read_unit_losses
from parapp.core.reports import nd30
from parapp.core.reports.common import num, write
from parapp.core.reports.model import Block, Bundle, Cell, Grid, Part, Text
from parapp.core.reports.notice import NoticeIdentity
from parapp.core.store import Store

COLUMNS = [("STT", 14), ("Tiêu chí thành phần", 0), ("Điểm tối đa", 14),
           ("Tự đánh giá", 14), ("Điểm đạt", 14), ("Bị trừ", 14), ("Bình quân khối", 15),
           ("Cao nhất khối", 15), ("Lý do trừ điểm", 70), ("Cơ quan thẩm định", 32)]


def losses_table(losses: UnitLosses, places: int) -> list[Block]:
    rows: list[tuple[Cell, ...]] = [tuple(Cell(h, "th") for h, _ in COLUMNS)]
    shaded = set()
    for area in losses.areas:
        rows.append((Cell(area.number, "td_bc"), Cell(area.name.upper(), "td_b"),
                     Cell(num(area.max, places), "td_br"), Cell(),
                     Cell(num(area.points, places), "td_br"),
                     Cell(num(area.lost, places), "td_br"), Cell(), Cell(), Cell(), Cell()))
        shaded.add(len(rows) - 1)
        for leaf in area.leaves:
            rows.append((Cell(leaf.number, "td_c"), Cell(leaf.name, "td", 1),
                         Cell(num(leaf.max, places), "td_r"),
                         Cell(num(leaf.self_points, places) if leaf.self_points is not None
                              else "", "td_r"),
                         Cell(num(leaf.points, places), "td_r"),
                         Cell(num(leaf.lost, places), "td_r"),
                         Cell(num(leaf.block_average, places), "td_r"),
                         Cell(num(leaf.block_best, places), "td_r"),
                         Cell(leaf.note, "td_small"), Cell(leaf.by, "td_small")))
    rows.append((Cell(), Cell("TỔNG ĐIỂM BỊ TRỪ", "td_b"), Cell(), Cell(), Cell(),
                 Cell(num(losses.lost, places), "td_br"), Cell(), Cell(), Cell(), Cell()))
    return [Grid(tuple(rows), tuple(float(w) for _, w in COLUMNS), shaded=frozenset(shaded),
                 valign="top")]


def build_losses(store: Store, out: Path | str, unit: str) -> Path:
    """The unit's lost points (PDF or Word by the extension)."""
    losses = read_unit_losses(store, unit)
    places = store.settings().display_decimals
    who = NoticeIdentity.from_store(store)
    body: list[Block] = [Text(
        f"Kết quả Chỉ số cải cách hành chính năm {who.year} của {losses.name} bị trừ "
        f"{num(losses.lost, places)} điểm ở các tiêu chí thành phần dưới đây, xếp theo lĩnh vực, "
        "tiêu chí bị trừ nhiều điểm nhất trước; bên cạnh là điểm bình quân và cao nhất của "
        "các đơn vị cùng khối ở cùng tiêu chí.")]
    body += losses_table(losses, places)
    body.append(Text(f"Đề nghị {losses.name} rà soát, phân tích từng tiêu chí thành phần bị trừ "
                     "điểm và có giải pháp khắc phục ngay các tồn tại, hạn chế."))
    part = Part([f"Các tiêu chí thành phần bị trừ điểm năm {who.year}", f"của {losses.name}"],
                body, doc_type="PHÂN TÍCH")
    return write(Bundle(who.parent, who.issuer.upper(), f"{who.place}, {nd30.vn_date(None)}",
                        [part], title=f"Điểm bị trừ của {losses.name}",
                        subject=f"Điểm bị trừ {losses.code} năm {who.year}"), Path(out))
