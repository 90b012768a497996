"""The unit's self-assessment report (Báo cáo kết quả tự đánh giá): what the unit submits, for
its leader to check and sign before the package goes back — issued by the unit itself.

Per sub-criterion, numbered as the unit's block numbers its set: the maximum, the self score,
the declared figure it follows from and the explanation, and the evidence attached (how many
files). Each area adds up its self scores; the total is the self-assessed part of the index
(survey and SIPAS points are not the unit's to score). Built from the period file or from the
unit's own package alike.
"""
from __future__ import annotations

from pathlib import Path

from parapp.core.errors import ParappError
from parapp.core.numbers import ZERO
from parapp.core.reports import fonts, nd30
from parapp.core.reports.common import MINUS, num, write
from parapp.core.reports.model import Block, Bundle, Cell, Grid, Part, Signature, Text
from parapp.core.reports.notice import NOT_APPLICABLE, parent_body
from parapp.core.reports.tables import UnitSheet, unit_sheets
from parapp.core.store import Store

COLUMNS = [("STT", 14), ("Nội dung", 0), ("Điểm tối đa", 15), ("Điểm tự đánh giá", 16),
           ("Số liệu, giải trình", 80), ("Tài liệu kiểm chứng", 22)]
HEAD_TITLE = "THỦ TRƯỞNG ĐƠN VỊ"  # when the unit has no head's title recorded
# names of units whose documents name the province's committee above them (a department, a
# board); a commune's or ward's People's Committee issues in its own name
UNDER_PROVINCE = ("sở ", "ban ", "văn phòng", "thanh tra", "đài ", "trường ")


def sheet_table(sheet: UnitSheet, places: int, figures: dict[str, str]) -> list[Block]:
    rows: list[tuple[Cell, ...]] = [tuple(Cell(h, "th") for h, _ in COLUMNS)]
    shaded = set()
    for r in sheet.rows:
        style = "td_b" if r.area else ("td_i" if r.depth == 1 and not r.leaf else "td")
        name = Cell(r.name.upper() if r.area else r.name, style, r.depth)
        if not r.applicable:
            rows.append((Cell(r.code, "td_c"), name, Cell(num(r.max, places), "td_r"),
                         Cell(NOT_APPLICABLE, "td_i"), Cell(), Cell()))
            continue
        numbers = "td_br" if r.area else "td_r"
        said = []
        if r.leaf and figures.get(r.key):
            said.append(f"Số liệu: {figures[r.key]}")
        if r.leaf and r.explanation:
            said.append(r.explanation)
        files = f"{len(r.evidence)} tệp" if r.leaf and r.evidence else ""
        rows.append((Cell(r.code, "td_bc" if r.area else "td_c"), name,
                     Cell(num(r.max, places), numbers), Cell(num(r.self_points, places), numbers),
                     Cell("\n".join(said), "td_small"), Cell(files, "td_small")))
        if r.area:
            shaded.add(len(rows) - 1)
    def line(label: str, top: str, points: str, why: str = "", style: str = "td_b") -> None:
        rows.append((Cell(), Cell(label, style), Cell(top, "td_br" if style == "td_b" else "td_r"),
                     Cell(points, "td_br" if style == "td_b" else "td_r"), Cell(why, "td_small"),
                     Cell()))

    declared = [a for a in sheet.adjustments if a.own]
    if declared or sheet.self_bonus or sheet.self_penalty:
        # the bonus and penalty the unit declares count in its total: printed, so that the
        # total is what the lines above it add up to
        areas = sum((r.self_points for r in sheet.rows if r.area and r.applicable
                     and r.self_points is not None), ZERO)
        line("Cộng điểm tự đánh giá các lĩnh vực", num(sheet.appraisal_max, places),
             num(areas, places))
        for a in declared:
            line(("Điểm thưởng: " if a.kind == "bonus" else "Điểm trừ: ") + a.description, "",
                 ("+" if a.kind == "bonus" else MINUS) + num(a.own, places), style="td")
        net = sheet.self_bonus - sheet.self_penalty
        if net != sum((a.own if a.kind == "bonus" else -a.own for a in declared), ZERO):
            line("Cộng điểm thưởng/ trừ", "", ("+" if net > 0 else "") + num(net, places),
                 "Sau giới hạn điểm thưởng/ trừ của kỳ đánh giá")
    line("TỔNG ĐIỂM TỰ ĐÁNH GIÁ", num(sheet.appraisal_max, places),
         num(sheet.self_total, places))
    out: list[Block] = [Grid(tuple(rows), tuple(float(w) for _, w in COLUMNS),
                             shaded=frozenset(shaded), valign="top")]
    notes = ["Điểm tự đánh giá của các tiêu chí đơn vị tự đánh giá; điểm điều tra xã hội học và "
             "Chỉ số hài lòng (SIPAS) do cơ quan điều tra cung cấp, không tự đánh giá."]
    if sheet.self_bonus or sheet.self_penalty:
        notes.append("Điểm thưởng, điểm trừ do đơn vị đề xuất nằm ngoài điểm tối đa của các "
                     "lĩnh vực; Hội đồng thẩm định xem xét khi thẩm định.")
    if sheet.survey_max or sheet.sipas_max:
        notes.append(f"Điểm tối đa của phần tự đánh giá: {num(sheet.appraisal_max, places)} "
                     f"trên {num(sheet.max, places)} điểm của Chỉ số.")
    return out + [Text(n, "note") for n in notes]


LOCAL = ("xã ", "phường ", "thị trấn ", "huyện ", "thị xã ", "thành phố ", "quận ")
COMMITTEE = "ỦY BAN NHÂN DÂN "


def _committee(name: str) -> str | None:
    """The place whose People's Committee the unit is ("Xã An Bình" for "UBND xã An Bình"),
    None for a department or board."""
    name = fonts.nfc(name)
    for short in ("ubnd ", "ủy ban nhân dân "):
        if name.lower().startswith(short):
            return name[len(short):]
    return name if name.lower().startswith(LOCAL) else None


def _issuer(sheet: UnitSheet, province: str) -> tuple[str, str]:
    """(the body above the unit, the unit) as the page head prints them: a department under
    the province's committee; a commune's or ward's People's Committee in its own name."""
    name = fonts.nfc(sheet.name)
    if name.lower().startswith(UNDER_PROVINCE):
        return parent_body(province), name.upper()
    place = _committee(name)
    return "", COMMITTEE + place.upper() if place is not None else name.upper()


def _commune(name: str) -> str | None:
    """The place a commune's or ward's People's Committee writes its documents from (its own
    name: NĐ 30's địa danh of a commune-level body), None for any other unit."""
    place = _committee(name)
    if place is None or name.lower().startswith(UNDER_PROVINCE):
        return None
    low = place.lower()
    return next((place[len(kind):].strip() for kind in LOCAL if low.startswith(kind)), place)


def _figures(store: Store, unit: str) -> dict[str, str]:
    """The unit's declared figures by criterion key (its UUID)."""
    with store.engine.connect() as con:
        return dict(con.exec_driver_sql(
            "SELECT c.uuid, s.self_figure FROM score s JOIN criterion c ON c.id = s.criterion_id "
            "JOIN unit u ON u.id = s.unit_id WHERE u.code = ? AND u.deleted = 0 "
            "AND s.deleted = 0 AND s.self_figure != ''", (unit,)).tuples().all())


def build_self_report(store: Store, out: Path | str, unit: str) -> Path:
    """The self-assessment report of the unit with code `unit` (PDF or Word by the
    extension), signed by its head."""
    sheets = unit_sheets(store, unit=unit)
    if not sheets:
        raise ParappError(f"Không có đơn vị có mã '{unit}'", f"No unit with code '{unit}'")
    sheet = sheets[0]
    ident = nd30.DocumentIdentity.from_store(store)
    places = store.settings().display_decimals
    year = ident.year
    above, issuer = _issuer(sheet, ident.province)
    body: list[Block] = [Text(
        f"Thực hiện kế hoạch đánh giá, xác định Chỉ số cải cách hành chính năm {year} của "
        f"{nd30.province_phrase(ident.province)}, {sheet.name} báo cáo kết quả tự đánh giá, "
        "chấm điểm như sau:")]
    body += sheet_table(sheet, places, _figures(store, unit))
    body.append(Text(f"{sheet.name} cam kết các số liệu, tài liệu kiểm chứng kèm theo là chính "
                     "xác, trung thực và chịu trách nhiệm về kết quả tự đánh giá."))
    title = (fonts.nfc(sheet.head_title) or HEAD_TITLE).upper()
    # a commune's or ward's People's Committee: its symbol is the body's (UBND), its place its
    # own name, and its chairman signs for the committee; a department by its code and from
    # the province
    commune = _commune(sheet.name)
    part = Part([f"Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {year}",
                 f"của {sheet.name}"], body, number=f"Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"
                f"\u00a0\u00a0/BC-{'UBND' if commune else sheet.code}", doc_type="BÁO CÁO",
                signature=Signature(("TM. ỦY BAN NHÂN DÂN",) if commune else (), title,
                                    fonts.nfc(sheet.head_name),
                                    ("Hội đồng thẩm định (qua Sở Nội vụ);", "Lưu: VT.")))
    bundle = Bundle(above, issuer, f"{commune or ident.place}, {nd30.vn_date(None)}", [part],
                    title=f"Báo cáo tự đánh giá {sheet.name}",
                    subject=f"Kết quả tự đánh giá {sheet.code} năm {year}")
    return write(bundle, Path(out))
