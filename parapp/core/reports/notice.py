"""The unit's result notice (Thông báo kết quả thẩm định): what the council found for one unit,
sent by Sở Nội vụ (or the council) — an issuer of its own, not the provincial People's
Committee — so that the unit can explain disputed deductions before the second round.

Per sub-criterion: the maximum, the self score, the appraisal, the deduction reason and the
council member who appraised it, numbered as the unit's block numbers its set. Each area
prints the figure the ranking annex prints for it (its appraised part; ĐTXHH and SIPAS have
lines of their own), and the total is split the same way as in the annex: areas, ĐTXHH,
SIPAS, bonus and penalty (each line with what it was for), total and index.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from parapp.core.files import distinct_names
from parapp.core.numbers import ZERO
from parapp.core.reports import fonts, nd30
from parapp.core.reports.common import MINUS, num, write
from parapp.core.reports.model import Block, Bundle, Cell, Grid, Part, Signature, Text
from parapp.core.reports.tables import UnitSheet, unit_sheets, unreconciled_areas
from parapp.core.store import Store

COLUMNS = [("STT", 14), ("Nội dung", 0), ("Điểm tối đa", 15), ("Điểm tự đánh giá", 16),
           ("Điểm thẩm định", 16), ("Lý do trừ điểm", 62), ("Cơ quan thẩm định", 36)]
NOT_APPLICABLE = "Không áp dụng"
ISSUER = "Sở Nội vụ"  # the notices' issuer unless the settings say otherwise
SIGNER_TITLE = "GIÁM ĐỐC"


def parent_body(province: str) -> str:
    """'Tỉnh Sơn Hà' → 'UBND TỈNH SƠN HÀ': how a department's documents name their parent."""
    return f"UBND {nd30.province_phrase(province).upper()}"


@dataclass(frozen=True)
class NoticeIdentity:
    """Who issues the notices (the period's `notice_*` settings, else Sở Nội vụ)."""
    parent: str
    issuer: str  # as the text names it ("Sở Nội vụ"); the page head prints it upper case
    number: str
    place: str
    year: int
    signature: Signature

    @classmethod
    def from_store(cls, store: Store) -> NoticeIdentity:
        ident = nd30.DocumentIdentity.from_store(store)
        doc = store.settings().document
        issuer = fonts.nfc(doc["notice_issuer"] or ISSUER)
        number = doc["notice_number"].strip()
        return cls(parent=fonts.nfc(doc["notice_issuer_parent"]).upper()
                   or parent_body(ident.province),
                   issuer=issuer,
                   number=number or "\u00a0" * 8 + "/TB-SNV", place=ident.place, year=ident.year,
                   signature=Signature(tuple(a.upper() for a in doc["notice_signer_authority"]),
                                       fonts.nfc(doc["notice_signer_title"]
                                                 or SIGNER_TITLE).upper(),
                                       fonts.nfc(doc["notice_signer_name"])))


def title_lines(year: int, unit: str) -> list[str]:
    return [f"Kết quả thẩm định Chỉ số cải cách hành chính năm {year}", f"của {unit}"]


def sheet_table(sheet: UnitSheet, places: int) -> list[Block]:
    rows: list[tuple[Cell, ...]] = [tuple(Cell(h, "th") for h, _ in COLUMNS)]
    shaded = set()
    pending = False
    for r in sheet.rows:
        if r.area:
            style = "td_b"
        elif r.depth == 1 and not r.leaf:
            style = "td_i"
        else:
            style = "td"
        if not r.applicable:
            rows.append((Cell(r.code, "td_c"), Cell(r.name.upper() if r.area else r.name, style,
                                                    r.depth),
                         Cell(num(r.max, places), "td_r"), Cell(NOT_APPLICABLE, "td_i"), Cell(),
                         Cell(), Cell()))
            continue
        points = num(r.points, places)
        if r.leaf and not r.appraised:
            points += "*"
            pending = True
        numbers = "td_br" if r.area else "td_r"
        rows.append((Cell(r.code, "td_bc" if r.area else "td_c"),
                     Cell(r.name.upper() if r.area else r.name, style, r.depth),
                     Cell(num(r.max, places), numbers), Cell(num(r.self_points, places), numbers),
                     Cell(points, numbers), Cell(r.note, "td_small"),
                     Cell(r.appraiser, "td_small")))
        if r.area:
            shaded.add(len(rows) - 1)
    width = len(COLUMNS)

    def line(label: str, top: Decimal | str, points: str, why: str = "", style="td_b") -> None:
        rows.append((Cell(), Cell(label, style), Cell(top if isinstance(top, str) else
                                                      num(top, places), "td_r"),
                     Cell(), Cell(points, "td_br" if style == "td_b" else "td_r"),
                     Cell(why, "td_small"), Cell()))

    line("Cộng điểm thẩm định các lĩnh vực", sheet.appraisal_max, num(sheet.appraisal, places))
    if sheet.survey_max:
        line("Điểm điều tra xã hội học (ĐTXHH)", sheet.survey_max, num(sheet.survey, places))
    if sheet.sipas_max:
        line("Điểm Chỉ số hài lòng (SIPAS)", sheet.sipas_max, num(sheet.sipas, places))
    for adj in sheet.adjustments:
        sign = "+" if adj.kind == "bonus" else MINUS
        line(("Điểm thưởng: " if adj.kind == "bonus" else "Điểm trừ: ") + adj.description, "",
             sign + num(adj.points, places), adj.note, style="td")
    if sheet.adjustments or sheet.adjustment:
        capped = sheet.bonus - sheet.penalty != sum(
            (a.points if a.kind == "bonus" else -a.points for a in sheet.adjustments), ZERO)
        adjust = ("+" if sheet.adjustment > 0 else "") + num(sheet.adjustment, places)
        line("Cộng điểm thưởng/ trừ", "", adjust,
             "Sau giới hạn điểm thưởng/ trừ của kỳ đánh giá" if capped else "")
    line("TỔNG ĐIỂM", sheet.max, num(sheet.total, places))
    out: list[Block] = [Grid(tuple(rows), tuple(float(w) for _, w in COLUMNS),
                             shaded=frozenset(shaded), valign="top",
                             spans=tuple((5, i, width - 1, i) for i in range(len(rows))
                                         if rows[i][1].text.startswith(("Cộng", "TỔNG"))
                                         and not rows[i][5].text))]
    rank = (f"{sheet.rank}/{sheet.block_size}" if sheet.rank is not None
            else "không xếp hạng")
    out.append(Text(
        f"Chỉ số CCHC = tổng điểm / điểm tối đa áp dụng = {num(sheet.total, places)}/"
        f"{num(sheet.max, places)} = {num(sheet.index, places)}%. Xếp hạng trong "
        f"{sheet.block_name.lower()}: {rank}.", "counts"))
    notes = []
    if sheet.rounding == "components":
        notes.append(f"Điểm mỗi lĩnh vực, ĐTXHH, SIPAS và điểm thưởng/ trừ làm tròn đến {places} "
                     "chữ số thập phân như Phụ lục xếp hạng; tổng điểm là tổng các số đã làm "
                     "tròn.")
    else:
        notes.append(f"Tổng điểm và chỉ số tính trên điểm chưa làm tròn, rồi làm tròn đến "
                     f"{places} chữ số thập phân.")
    odd = unreconciled_areas(sheet, places)
    if odd:
        notes.append(f"Lĩnh vực {', '.join(odd)}: điểm tiêu chí thành phần có nhiều hơn {places} "
                     "chữ số thập phân; điểm lĩnh vực tính trên điểm chưa làm tròn.")
    if pending:
        notes.append("(*) Chưa thẩm định: tạm tính theo điểm tự đánh giá.")
    out += [Text(n, "note") for n in notes]
    return out


def notice_part(sheet: UnitSheet, places: int, who: NoticeIdentity) -> Part:
    year = who.year
    body: list[Block] = [Text(
        f"Căn cứ kết quả thẩm định của Hội đồng thẩm định Chỉ số cải cách hành chính năm {year}, "
        f"{who.issuer} thông báo kết quả thẩm định Chỉ số cải cách hành chính năm {year} "
        f"của {sheet.name} ({sheet.block_name.lower()}) như sau:")]
    body += sheet_table(sheet, places)
    body.append(Text(
        f"Đề nghị {sheet.name} rà soát các tiêu chí, tiêu chí thành phần bị trừ điểm; trường hợp "
        f"không thống nhất, gửi giải trình kèm tài liệu kiểm chứng về {who.issuer} để "
        "Hội đồng thẩm định xem xét."))
    sig = who.signature
    recipients = (f"{sheet.name};", "Thành viên Hội đồng thẩm định;", "Lưu: VT, CCHC.")
    subtitle = []
    if sheet.head_name:
        subtitle.append(f"Người đứng đầu: {sheet.head_name}"
                        + (f", {sheet.head_title}" if sheet.head_title else ""))
    return Part(title_lines(year, sheet.name), body, number=f"Số: {who.number}",
                doc_type="THÔNG BÁO", subtitle=subtitle,
                signature=Signature(sig.authority, sig.title, sig.name, recipients))


def _bundle(sheet: UnitSheet, places: int, who: NoticeIdentity) -> Bundle:
    return Bundle(who.parent, who.issuer.upper(), f"{who.place}, {nd30.vn_date(None)}",
                  [notice_part(sheet, places, who)],
                  title=f"Thông báo kết quả thẩm định {sheet.name}",
                  subject=f"Kết quả thẩm định {sheet.code} năm {who.year}")


def build_notice(store: Store, out: Path, unit: str) -> Path:
    """The notice of the unit with code `unit` (PDF or Word by the extension)."""
    sheet = unit_sheets(store, unit=unit, evidence=False)[0]
    return write(_bundle(sheet, store.settings().display_decimals,
                         NoticeIdentity.from_store(store)), out)


def _render_batch(jobs: list[tuple[UnitSheet, Path]], places: int, who: NoticeIdentity) -> int:
    for sheet, path in jobs:
        write(_bundle(sheet, places, who), path, batch=True)
    return len(jobs)


MANY_NOTICES = 40  # from this many, more processes pay for their start
MAX_WORKERS = 4
CHUNK = 4  # notices handed out at a time


def default_workers(notices: int) -> int:
    """How many processes lay out `notices` notices by default: one per CPU (at most
    MAX_WORKERS) for MANY_NOTICES or more, else only the calling one — a process takes about
    half a second to start (its imports), which a block of a few notices does not repay."""
    if notices < MANY_NOTICES:
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def build_notices(store: Store, out_dir: Path, block: str | None = None,
                  name: str = "thong-bao-{code}.pdf", workers: int | None = 1) -> list[Path]:
    """Every unit's notice (of one block, or all), one file each, from one evaluation.

    With `workers` > 1 the notices are laid out by that many processes, the calling one
    included (the layout is CPU-bound Python and every notice is independent); None: as many
    as `default_workers` says for the number of notices. The others are started with "spawn",
    which is safe from a program with threads (a GUI) but imports the caller's main module
    again: the calling script must keep its work under `if __name__ == "__main__":`. They take
    the notices a few at a time from the front while this process, which needs no start, takes
    them from the back, so all finish together."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    sheets = unit_sheets(store, block=block, evidence=False)
    places = store.settings().display_decimals
    who = NoticeIdentity.from_store(store)
    names = distinct_names(name.format(code=sheet.code) for sheet in sheets)
    jobs = [(sheet, out_dir / file) for sheet, file in zip(sheets, names)]
    if workers is None:
        workers = default_workers(len(jobs))
    chunks = [jobs[i:i + CHUNK] for i in range(0, len(jobs), CHUNK)]
    workers = max(1, min(workers, len(chunks)))
    if workers <= 1:
        _render_batch(jobs, places, who)
        return [path for _sheet, path in jobs]
    context = multiprocessing.get_context("spawn")  # safe from a GUI process's threads
    pool = ProcessPoolExecutor(workers - 1, mp_context=context)
    try:
        futures = [pool.submit(_render_batch, chunk, places, who) for chunk in chunks]
        for future, chunk in zip(reversed(futures), reversed(chunks), strict=True):
            if not future.cancel():
                break  # the others have it: from here on, every chunk is taken
            _render_batch(chunk, places, who)
        for future in futures:
            if not future.cancelled():
                future.result()
    finally:
        pool.shutdown(cancel_futures=True)
    return [path for _sheet, path in jobs]
