"""Phụ lục I: the PAR Index ranking per block, with a bar chart per block as an appendix."""
from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from parapp.core.ranking import TIE_BREAKERS
from parapp.core.reports import fonts, nd30
from parapp.core.reports.chart import index_chart
from parapp.core.reports.common import MINUS, num, roman
from parapp.core.reports.tables import RankingRow, RankingTable, change_text, ranking_tables
from parapp.core.store import Store

ANNEX = "Phụ lục I"
UNRANKED = "Đơn vị được đánh giá nhưng không xếp hạng"
FIXED = [("Điểm ĐTXHH", 14), ("Điểm SIPAS", 12), ("Điểm thưởng/ trừ", 12.5),
         ("Tổng điểm", 13.5), ("Chỉ số (%)", 13.5), ("Xếp hạng", 11), ("Xếp hạng năm trước", 12),
         ("Tăng (+)/ giảm (−) bậc", 12)]


def title_lines(year: int, block_names: list[str]) -> list[str]:
    """The annex's title, naming the blocks it contains: "… CỦA CÁC SỞ, BAN, NGÀNH; CÁC PHƯỜNG;
    CÁC XÃ" for the demo's three, a single block's alone for `--block` (no fixed "xã, phường"
    when the period has districts or special zones)."""
    return [f"KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}",
            "CỦA " + "; ".join(_whose(name) for name in block_names)]


def _whose(block_name: str) -> str:
    """"Khối sở, ban, ngành" → "CÁC SỞ, BAN, NGÀNH": the units a block holds, as a title says."""
    name = " ".join(block_name.split())
    if name.lower().startswith("khối "):
        name = name[5:]
    name = name.upper()
    return name if name.startswith("CÁC ") else f"CÁC {name}"


def _widths(table: RankingTable, frame: float) -> list[float]:
    fixed = [w * mm for _, w in FIXED]
    stt = 9 * mm
    rest = frame - stt - sum(fixed)
    n = len(table.areas)
    area = min(12 * mm, (rest - 42 * mm) / n) if n else 0
    return [stt, rest - area * n] + [area] * n + fixed


def block_table(table: RankingTable, places: int, frame: float, st: dict) -> list[Flowable]:
    """The table of one block (two header rows, repeated on every page) and its legend."""
    n = len(table.areas)
    th, td = st["th"], st["td"]
    head1: list[nd30.TableCell] = [nd30.para("STT", th), nd30.para("Tên đơn vị", th)]
    head1 += [nd30.para("Điểm thẩm định theo lĩnh vực", th)] + [""] * (n - 1) if n else []
    head1 += [nd30.para(text, th) for text, _ in _fixed_heads(table, places)]
    head2 = ["", ""] + [nd30.para(f"{a.code}\n({num(a.max, places)})", th)
                        for a in table.areas] + [""] * len(FIXED)
    first_fixed = 2 + n
    spans = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1))]
    if n:
        spans.append(("SPAN", (2, 0), (first_fixed - 1, 0)))
    spans += [("SPAN", (c, 0), (c, 1)) for c in range(first_fixed, first_fixed + len(FIXED))]
    rows: list[list] = [head1, head2]
    extra: list[tuple] = list(spans)
    ties = False

    usual_max = Counter(r.max for r in table.rows).most_common(1)[0][0] if table.rows else None
    marks = _decided_marks(table)

    def unit_row(r) -> list:
        nonlocal ties
        adjust = r.bonus - r.penalty
        rank = "" if r.rank is None else f"{r.rank}{'*' if r.tied else ''}{marks.get(r.code, '')}"
        ties = ties or r.tied
        other_max = r.max != usual_max
        return ([nd30.text(r.stt), nd30.cell(r.name, td)]
                + [nd30.text(num(a, places) if a is not None else "—") for a in r.areas]
                + [nd30.text(num(r.survey, places)), nd30.text(num(r.sipas, places)),
                   nd30.text(("+" if adjust > 0 else "") + num(adjust, places) if adjust else ""),
                   nd30.text(num(r.total, places)),
                   nd30.text(num(r.index, places) + (" †" if other_max else "")),
                   nd30.text(rank), nd30.text(r.prev_rank or ""),
                   nd30.text(change_text(r.change))])

    total_col = first_fixed + 3
    extra += [("ALIGN", (0, 2), (0, -1), "CENTER"),
              ("ALIGN", (2, 2), (total_col + 1, -1), "RIGHT"),
              ("ALIGN", (total_col + 2, 2), (-1, -1), "CENTER"),
              ("FONTNAME", (total_col, 2), (total_col + 1, -1), fonts.BOLD)]
    for r in table.ranked:
        rows.append(unit_row(r))
    if table.unranked:
        rows.append([nd30.cell(UNRANKED, st["td_i"])] + [""] * (first_fixed + len(FIXED) - 1))
        extra.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
        for r in table.unranked:
            rows.append(unit_row(r))
    out: list[Flowable] = [nd30.grid_table(rows, _widths(table, frame), header_rows=2,
                                           extra=extra)]
    notes = ["Lĩnh vực: " + "; ".join(f"{a.code} – {a.name}" for a in table.areas)
             + ". Điểm thẩm định theo lĩnh vực không gồm điểm ĐTXHH và SIPAS (cột riêng).",
             _rounding_note(table, places)]
    if ties:
        notes.append("(*) Đồng hạng.")
    notes += _decided_notes(table, places)
    others = [r for r in table.rows if r.max != usual_max]
    if others:
        notes.append(
            f"(†) Có tiêu chí không áp dụng: chỉ số = tổng điểm / điểm tối đa áp dụng "
            f"(của khối: {num(usual_max, places)}): "
            + "; ".join(f"{r.name} {num(r.max, places)}" for r in others) + ".")
    out += [nd30.para(text, st["note"]) for text in notes]
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


def build_annex(store: Store, out: Path, block: str | None = None,
                chart: bool = True) -> Path:
    """The ranking annex of every block (or one) as a PDF with an empty signature field."""
    tables = ranking_tables(store, block)
    places = store.settings().display_decimals
    ident = nd30.DocumentIdentity.from_store(store)
    st = nd30.styles()
    frame = nd30.Document(ident, [], [], wide=True).frame_width
    body: list[Flowable] = []
    for i, t in enumerate(tables):
        if i:
            body.append(CondPageBreak(60 * mm))
        body.append(nd30.para(f"{roman(i)}. {t.name.upper()} ({len(t.rows)} đơn vị)",
                              st["section"]))
        body += block_table(t, places, frame, st)
    appendix: list[Flowable] = []
    if chart:
        height = 150 * mm
        for i, t in enumerate(tables):
            appendix.append(KeepTogether([
                nd30.para(f"Biểu đồ {i + 1}. Chỉ số cải cách hành chính năm {ident.year} — "
                          f"{t.name}", st["section"]),
                index_chart(t, frame, height, places), Spacer(1, 6)]))
    doc = nd30.Document(ident, title_lines(ident.year, [t.name for t in tables]), body,
                        annex=ANNEX, appendix=appendix,
                        subject=f"Chỉ số CCHC năm {ident.year}")
    nd30.render(doc, out)
    return Path(out)
