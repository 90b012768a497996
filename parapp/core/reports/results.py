"""The secretariat's report on the results (Báo cáo kết quả xác định Chỉ số CCHC): what the
decision's annexes do not carry — the province in a few sentences (weakest and strongest areas,
who rose most), per block the spread of the indexes, where the areas lost points on average, the
heads' classification counts — with the charts of the index per unit (Phụ lục I) and each
block's heat map of units × areas (Phụ lục II, the analysis window's figures and colours).
Issued by Sở Nội vụ (the `notice_*` issuer) to the People's Committee.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from parapp.core.analysis import HeatMap, heat_map, heat_rgb, summary
from parapp.core.evaluation import evaluate
from parapp.core.numbers import ZERO, quantize
from parapp.core.reports import nd30
from parapp.core.reports.common import num, roman, write
from parapp.core.reports.heads import counts_line
from parapp.core.reports.model import (
    Bar,
    Block,
    Break,
    Bundle,
    Cell,
    Chart,
    Gap,
    Grid,
    Part,
    Signature,
    Text,
)
from parapp.core.reports.notice import NoticeIdentity
from parapp.core.reports.tables import RankingTable, head_tables, ranking_tables
from parapp.core.store import Store

BANDS = ((Decimal(90), None, "Từ 90% trở lên"), (Decimal(80), Decimal(90), "Từ 80% đến dưới 90%"),
         (Decimal(70), Decimal(80), "Từ 70% đến dưới 80%"), (None, Decimal(70), "Dưới 70%"))


def _bands(table: RankingTable, places: int) -> Grid:
    ranked = table.ranked
    rows = [(Cell("Chỉ số CCHC", "th"), Cell("Số đơn vị", "th"), Cell("Tỷ lệ (%)", "th"))]
    for low, high, label in BANDS:
        n = sum(1 for r in ranked if (low is None or r.index >= low)
                and (high is None or r.index < high))
        share = Decimal(n * 100) / len(ranked) if ranked else ZERO
        rows.append((Cell(label), Cell(str(n), "td_c"), Cell(num(share, places), "td_r")))
    return Grid(tuple(rows), (0, 30, 30))


def _areas(found: HeatMap, places: int) -> list[Block]:
    """Per area, what the block's units got and lost on average, each against the maximum that
    applies to it (a sub-criterion not applicable is not a point lost), and the average share:
    the figures of the heat map's last row and of the sentences above (`summary`)."""
    rows = [(Cell("Lĩnh vực", "th"), Cell("Điểm tối đa", "th"), Cell("Điểm bình quân", "th"),
             Cell("Bình quân bị trừ", "th"), Cell("Tỷ lệ đạt (%)", "th"))]
    reduced = []
    for i, area in enumerate(found.areas):
        cells = [c for r in found.rows if (c := r.cells[i]) is not None]
        if not cells:
            continue
        # as printed: the maximum less the average got is what was lost, on the page
        top = quantize(sum((c.max for c in cells), ZERO) / len(cells), places)
        got = quantize(sum((c.points for c in cells), ZERO) / len(cells), places)
        whole = max(c.max for c in cells)
        if top != whole:
            reduced.append(f"{area.number}. {area.name}")
        share = found.average(i) or ZERO
        rows.append((Cell(f"{area.number}. {area.name}"),
                     Cell(num(top, places) + (" †" if top != whole else ""), "td_r"),
                     Cell(num(got, places), "td_r"), Cell(num(top - got, places), "td_r"),
                     Cell(num(share * 100, places), "td_r")))
    notes = ["Điểm của lĩnh vực gồm cả điểm ĐTXHH, SIPAS thuộc lĩnh vực; tỷ lệ đạt là bình quân tỷ "
             "lệ điểm đạt của từng đơn vị (như dòng bình quân của bảng ở Phụ lục II)."]
    if reduced:
        notes.append("(†) Có đơn vị có tiêu chí không áp dụng: điểm tối đa là bình quân điểm tối đa "
                     "áp dụng cho từng đơn vị, điểm bị trừ không tính tiêu chí không áp dụng: "
                     + "; ".join(reduced) + ".")
    return [Grid(tuple(rows), (0, 22, 24, 24, 22)), *(Text(n, "note") for n in notes)]


def _heat(found: HeatMap, places: int) -> Grid:
    """Units × areas: the share of each area's maximum in percent, coloured on the window's
    scale; the block's average per area (the summary's figure) below."""
    n = len(found.areas)
    rows = [(Cell("Hạng", "th"), Cell("Đơn vị", "th"),
             *(Cell(a.number, "th") for a in found.areas))]
    for row in found.rows:
        rows.append((Cell(str(row.rank) if row.rank is not None else "", "td_c"),
                     Cell(row.name),
                     *(Cell("—", "td_c") if c is None else
                       Cell(num(c.share * 100, places), "td_c", fill=heat_rgb(c.share))
                       for c in row.cells)))
    averages = [found.average(i) for i in range(n)]
    last = len(rows)
    rows.append((Cell("Bình quân của khối", "td_b"), Cell(),
                 *(Cell("—", "td_bc") if a is None else
                   Cell(num(a * 100, places), "td_bc", fill=heat_rgb(a)) for a in averages)))
    # 13 mm takes "100,00"; many areas narrow their columns before the units' names
    width = min(13, 110 / max(n, 1))
    return Grid(tuple(rows), (11, 0, *(width,) * n), spans=((0, last, 1, last),),
                shaded=frozenset({last}))


def _heat_note(found: HeatMap) -> Text:
    legend = "; ".join(f"{a.number}. {a.name}" for a in found.areas)
    blank = any(c is None for r in found.rows for c in r.cells)
    return Text(f"Lĩnh vực: {legend}. Mỗi ô là tỷ lệ (%) giữa tổng điểm đạt của đơn vị ở lĩnh "
                "vực và điểm tối đa của lĩnh vực áp dụng cho đơn vị; màu nền từ đỏ (thấp) qua "
                "vàng đến xanh lá (cao)"
                + ("; ô có dấu “—”: lĩnh vực không áp dụng cho đơn vị." if blank else "."),
                "note")


def results_bundle(store: Store) -> Bundle:
    settings = store.settings()
    places = settings.display_decimals
    who = NoticeIdentity.from_store(store)
    snapshot = store.snapshot()
    result = evaluate(snapshot)
    tables = ranking_tables(store, result=result)
    names = {u.code: u.name for u in snapshot.units}
    heads = head_tables(store, result=result)
    year = who.year
    province = store.period().province
    body: list[Block] = [
        Text(f"Kính gửi: Ủy ban nhân dân {province[:1].lower()}{province[1:]}", "subtitle"),
        Text(f"Thực hiện kế hoạch xác định Chỉ số cải cách hành chính năm {year}, {who.issuer} "
             f"báo cáo kết quả thẩm định và xếp hạng của {len(tables)} khối như sau "
             "(số liệu chi tiết tại các phụ lục của Quyết định công bố):")]
    # the report is Vietnamese whatever the interface speaks
    said = summary(snapshot, result).lines(places, "vi", names)
    if said:
        body.append(Text(" ".join(said), lead="Kết quả chung toàn tỉnh."))
    charts: list[Block] = []
    heats: list[Block] = []
    number = 0  # of the heat-map tables
    for i, (t, h) in enumerate(zip(tables, heads, strict=True)):
        ranked = t.ranked
        body.append(Text(f"{roman(i)}. {t.name.upper()}", "section"))
        if ranked:
            top, low = ranked[0], ranked[-1]
            average = sum((r.index for r in ranked), ZERO) / len(ranked)
            body.append(Text(
                f"Có {len(t.rows)} đơn vị được đánh giá, {len(ranked)} đơn vị được xếp hạng. "
                f"Chỉ số bình quân của các đơn vị được xếp hạng {num(average, places)}%; cao "
                f"nhất: {top.name} ({num(top.index, places)}%); thấp nhất: {low.name} "
                f"({num(low.index, places)}%)."))
        found = heat_map(snapshot, result, t.block)
        if found.rows and found.areas:
            number += 1
            # the block's own sentences, unless they are the province's word for word
            own = [line for line in summary(snapshot, result, t.block).lines(places, "vi", names)
                   if line not in said]
            body.append(Text(" ".join([*own, "Tỷ lệ điểm đạt theo lĩnh vực của từng đơn vị: "
                                             f"Bảng {number}, Phụ lục II."])))
            # a table that fits on a page starts on one; a long one only keeps its head. The
            # legend goes above: under a long table it could be left alone on the next page
            tall = 35 + 6.5 * len(found.rows)
            heats += [Break(tall if tall < 230 else 70),
                      Text(f"Bảng {number}. Tỷ lệ điểm đạt so với điểm tối đa theo lĩnh vực "
                           f"năm {year} — {t.name}", "section"),
                      _heat_note(found), Gap(2), _heat(found, places)]
        body += [Text("1. Phân bố chỉ số của các đơn vị được xếp hạng", "section"),
                 _bands(t, places),
                 Text(f"2. Điểm theo lĩnh vực (bình quân của {len(found.rows)} đơn vị được đánh "
                      "giá)", "section"),
                 *_areas(found, places),
                 Text("3. Xếp loại người đứng đầu. " + counts_line(h))]
        if i:
            charts.append(Break())
        charts += [Text(f"Biểu đồ {i + 1}. Chỉ số cải cách hành chính năm {year} — {t.name}",
                        "section"),
                   Chart(tuple(Bar(r.name, r.index, r.grade) for r in t.rows), 140, places)]
    sig = who.signature
    report = Part([f"Kết quả xác định Chỉ số cải cách hành chính năm {year}"], body, wide=False,
                  number="Số: " + "\u00a0" * 8 + "/BC-SNV", doc_type="BÁO CÁO",
                  signature=Signature(sig.authority, sig.title, sig.name,
                                      ("Như trên;", "Thành viên Hội đồng thẩm định;",
                                       "Lưu: VT, CCHC.")))
    ref = f"(Kèm theo Báo cáo kết quả xác định Chỉ số cải cách hành chính năm {year})"
    parts = [report, Part([f"BIỂU ĐỒ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year} THEO KHỐI"], charts,
                          annex="Phụ lục I", ref=ref, header=False)]
    if heats:  # portrait: a long table shows more units a page
        parts.append(Part([f"TỶ LỆ ĐIỂM ĐẠT THEO LĨNH VỰC CỦA CÁC ĐƠN VỊ NĂM {year}"],
                          heats[1:],  # the part starts a page: not its first break
                          wide=False, annex="Phụ lục II", ref=ref, header=False))
    return Bundle(who.parent, who.issuer.upper(), f"{who.place}, {nd30.vn_date(None)}",
                  parts, title=f"Báo cáo kết quả Chỉ số CCHC năm {year}",
                  subject=f"Báo cáo kết quả Chỉ số CCHC năm {year}")


def build_results(store: Store, out: Path | str) -> Path:
    """The results report with its charts and heat maps (PDF or Word by the extension)."""
    return write(results_bundle(store), out)
