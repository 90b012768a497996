"""The PAR Index ranking annex: per block, each area's appraised points, ĐTXHH, SIPAS, bonus and
penalty, total, index, rank, last year's rank and the change, with the notes a reviewer needs."""
from __future__ import annotations

import itertools
from collections import Counter

from reportlab.lib.units import mm

from parapp.core.ranking import TIE_BREAKERS
from parapp.core.reports import nd30
from parapp.core.reports.common import MINUS, num, roman
from parapp.core.reports.model import Block, Break, Cell, Grid, Part, Text
from parapp.core.reports.tables import RankingRow, RankingTable, change_text

UNRANKED = "Đơn vị được đánh giá nhưng không xếp hạng"
FIXED = [("Điểm ĐTXHH", 14), ("Điểm SIPAS", 12), ("Điểm thưởng/ trừ", 12.5),
         ("Tổng điểm", 13.5), ("Chỉ số (%)", 13.5), ("Xếp hạng", 11), ("Xếp hạng năm trước", 12),
         ("Tăng (+)/ giảm (−) bậc", 12)]


def title_lines(year: int, block_names: list[str]) -> list[str]:
    """The annex's title, naming the blocks it contains: "… CỦA CÁC SỞ, BAN, NGÀNH; CÁC PHƯỜNG;
    CÁC XÃ" for the demo's three, a single block's alone for `--block` (no fixed "xã, phường"
    when the period has districts or special zones)."""
    return [f"KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}",
            "CỦA " + "; ".join(whose(name) for name in block_names)]


def whose(block_name: str) -> str:
    """"Khối sở, ban, ngành" → "CÁC SỞ, BAN, NGÀNH": the units a block holds, as a title says."""
    name = " ".join(block_name.split())
    if name.lower().startswith("khối "):
        name = name[5:]
    name = name.upper()
    return name if name.startswith("CÁC ") else f"CÁC {name}"


def _widths(table: RankingTable, frame_mm: float) -> tuple[float, ...]:
    fixed = [w for _, w in FIXED]
    stt = 9.0
    rest = frame_mm - stt - sum(fixed)
    n = len(table.areas)
    area = min(12.0, (rest - 42) / n) if n else 0
    return (stt, rest - area * n, *([area] * n), *fixed)


def block_table(table: RankingTable, places: int) -> list[Block]:
    """The table of one block (two header rows, repeated on every page) and its notes."""
    n = len(table.areas)
    head1 = [Cell("STT", "th"), Cell("Tên đơn vị", "th")]
    head1 += [Cell("Điểm thẩm định theo lĩnh vực", "th")] + [Cell()] * (n - 1) if n else []
    head1 += [Cell(text, "th") for text, _ in _fixed_heads(table, places)]
    head2 = [Cell(), Cell()] + [Cell(f"{a.code}\n({num(a.max, places)})", "th")
                                for a in table.areas] + [Cell()] * len(FIXED)
    first_fixed = 2 + n
    spans = [(0, 0, 0, 1), (1, 0, 1, 1)]
    if n:
        spans.append((2, 0, first_fixed - 1, 0))
    spans += [(c, 0, c, 1) for c in range(first_fixed, first_fixed + len(FIXED))]
    rows: list[tuple[Cell, ...]] = [tuple(head1), tuple(head2)]
    usual_max = Counter(r.max for r in table.rows).most_common(1)[0][0] if table.rows else None
    marks = _decided_marks(table)

    def unit_row(r: RankingRow) -> tuple[Cell, ...]:
        adjust = r.bonus - r.penalty
        rank = "" if r.rank is None else f"{r.rank}{'*' if r.tied else ''}{marks.get(r.code, '')}"
        # marked by its name: the area columns are a number wide
        return (Cell(str(r.stt), "td_c"), Cell(r.name + (" (§)" if any(r.provisional) else "")),
                *(Cell(num(a, places) if a is not None else "—", "td_r") for a in r.areas),
                Cell(num(r.survey, places), "td_r"), Cell(num(r.sipas, places), "td_r"),
                Cell(("+" if adjust > 0 else "") + num(adjust, places) if adjust else "", "td_r"),
                Cell(num(r.total, places), "td_br"),
                Cell(num(r.index, places) + (" †" if r.max != usual_max else ""), "td_br"),
                Cell(rank, "td_c"),
                Cell(f"{r.prev_rank or ''}{'‡' if r.prev_derived and r.prev_rank else ''}",
                     "td_c"),
                Cell(change_text(r.change), "td_c"))

    rows += [unit_row(r) for r in table.ranked]
    if table.unranked:
        rows.append((Cell(UNRANKED, "td_i"),) + (Cell(),) * (first_fixed + len(FIXED) - 1))
        spans.append((0, len(rows) - 1, first_fixed + len(FIXED) - 1, len(rows) - 1))
        rows += [unit_row(r) for r in table.unranked]
    out: list[Block] = [Grid(tuple(rows), _widths(table, nd30.frame_width(True) / mm),
                             header_rows=2, spans=tuple(spans))]
    notes = ["Lĩnh vực: " + "; ".join(f"{a.code} – {a.name}" for a in table.areas)
             + ". Điểm thẩm định theo lĩnh vực không gồm điểm ĐTXHH và SIPAS (cột riêng).",
             _rounding_note(table, places)]
    if any(r.tied for r in table.rows):
        notes.append("(*) Đồng hạng" + (" (bằng nhau ở số công bố)." if table.shared_display
                                        else "."))
    notes += _decided_notes(table, places)
    others = [r for r in table.rows if r.max != usual_max]
    if others:
        notes.append(
            f"(†) Có tiêu chí không áp dụng: chỉ số = tổng điểm / điểm tối đa áp dụng "
            f"(của khối: {num(usual_max, places)}): "
            + "; ".join(f"{r.name} {num(r.max, places)}" for r in others) + ".")
    provisional = [r for r in table.rows if any(r.provisional)]
    if provisional:
        notes.append("(§) Có tiêu chí chưa thẩm định: điểm của lĩnh vực tạm tính bằng điểm tự "
                     "đánh giá, chưa phải kết quả thẩm định: " + "; ".join(
                         f"{r.name} (lĩnh vực " + ", ".join(
                             a.code for a, unsure in zip(table.areas, r.provisional) if unsure)
                         + ")" for r in provisional) + ".")
    derived = [r for r in table.rows if r.prev_derived and r.prev_rank]
    if derived:
        notes.append("(‡) Thứ hạng năm trước suy ra từ các đơn vị đã sắp xếp, sáp nhập vào đơn vị "
                     "(vị trí của chỉ số bình quân các đơn vị cũ trong bảng xếp hạng năm trước): "
                     + "; ".join(r.name for r in derived) + ".")
    out += [Text(note, "note") for note in notes]
    return out


def _fixed_heads(table: RankingTable, places: int) -> list[tuple[str, float]]:
    """The fixed columns' headings, the points columns with their maxima."""
    out = []
    for text, width in FIXED:
        if text == "Điểm ĐTXHH" and table.survey_max:
            text = f"Điểm ĐTXHH ({num(table.survey_max, places)})"
        elif text == "Điểm SIPAS" and table.sipas_max:
            text = f"Điểm SIPAS ({num(table.sipas_max, places)})"
        elif text == "Điểm thưởng/ trừ" and (table.bonus_cap or table.penalty_cap):
            caps = [f"+{num(table.bonus_cap, places)}" if table.bonus_cap else "",
                    f"{MINUS}{num(table.penalty_cap, places)}" if table.penalty_cap else ""]
            text = f"Điểm thưởng/ trừ ({'/ '.join(c for c in caps if c)})"
        out.append((text, width))
    return out


def _rounding_note(table: RankingTable, places: int) -> str:
    if table.rounding == "components":
        return (f"Điểm các cột làm tròn đến {places} chữ số thập phân; tổng điểm là tổng các cột "
                "đã làm tròn, chỉ số tính từ tổng điểm đó; xếp hạng theo chỉ số công bố.")
    return (f"Tổng điểm và chỉ số tính trên điểm chưa làm tròn, rồi làm tròn đến {places} chữ "
            "số thập phân; tổng các cột đã làm tròn có thể lệch 0,01 so với tổng điểm.")


def _decided_pairs(table: RankingTable) -> list[tuple[RankingRow, RankingRow]]:
    """Ranked rows printed with the same index and ranked apart: (the one above, the other)."""
    ranked = table.ranked
    return [(above, below) for above, below in itertools.pairwise(ranked)
            if below.decided_by is not None]


def _decided_marks(table: RankingTable) -> dict[str, str]:
    marks: dict[str, str] = {}
    for n, (above, below) in enumerate(_decided_pairs(table), start=1):
        for row in (above, below):
            marks[row.code] = marks.get(row.code, "") + f" ({n})"
    return marks


def _decided_notes(table: RankingTable, places: int) -> list[str]:
    notes = []
    for n, (above, below) in enumerate(_decided_pairs(table), start=1):
        decided = below.decided_by or ""
        why = ("tên xếp trước theo thứ tự chữ cái" if decided == "name" else
               f"{TIE_BREAKERS[decided][0]} cao hơn")
        notes.append(f"({n}) {above.name} và {below.name} cùng đạt {num(above.index, places)}%; "
                     f"{above.name} xếp trên do {why}.")
    return notes


def section_title(index: int, table: RankingTable) -> str:
    return f"{roman(index)}. {table.name.upper()} ({len(table.rows)} đơn vị)"


def ranking_parts(tables: list[RankingTable], places: int, year: int, labels: list[str],
                  ref: str, per_block: bool) -> list[Part]:
    """The ranking annex: one part with a section per block, or one part per block (the
    `annex_per_block` setting); `labels` gives each part its "Phụ lục …"."""
    if per_block:
        return [Part(title_lines(year, [t.name]), block_table(t, places), annex=label, ref=ref,
                     header=False) for t, label in zip(tables, labels, strict=False)]
    body: list[Block] = []
    for i, t in enumerate(tables):
        if i:
            body.append(Break(unless_room=60))
        body.append(Text(section_title(i, t), "section"))
        body += block_table(t, places)
    return [Part(title_lines(year, [t.name for t in tables]), body, annex=labels[0], ref=ref,
                 header=False)]
