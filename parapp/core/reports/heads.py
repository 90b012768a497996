"""Phụ lục II: the classification of unit heads per block, with reasons and counts."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable

from parapp.core.reports import nd30
from parapp.core.reports.common import num, roman
from parapp.core.reports.tables import HeadTable, head_tables
from parapp.core.store import Store

ANNEX = "Phụ lục II"
COLUMNS = [("STT", 9), ("Đơn vị", 0), ("Họ và tên người đứng đầu", 40), ("Chức vụ", 34),
           ("Chỉ số CCHC (%)", 16), ("Xếp hạng", 13), ("Xếp loại", 48), ("Ghi chú", 48)]


def title_lines(year: int) -> list[str]:
    return [f"KẾT QUẢ XẾP LOẠI NGƯỜI ĐỨNG ĐẦU TRONG THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH "
            f"NĂM {year}"]


def counts_line(table: HeadTable) -> str:
    return (f"Tổng số {len(table.rows)} người đứng đầu: "
            # a non-breaking space: a count never starts a line on its own ("0.")
            + "; ".join(f"{g.label}:\u00a0{n}" for g, n in table.counts.items()) + ".")


def head_table(table: HeadTable, places: int, frame: float, st: dict) -> list[Flowable]:
    widths = [w * mm for _, w in COLUMNS]
    widths[1] = frame - sum(widths)
    rows: list[list[nd30.TableCell]] = [[nd30.para(h, st["th"]) for h, _ in COLUMNS]]
    for r in table.rows:
        rows.append([nd30.text(r.stt), nd30.cell(r.unit, st["td"]),
                     nd30.cell(r.head_name, st["td"]), nd30.cell(r.head_title, st["td"]),
                     nd30.text(num(r.index, places)),
                     nd30.text(r.rank) if r.rank is not None
                     else nd30.cell("Không xếp hạng", st["td_c"]),
                     nd30.cell(r.grade_label, st["td_b"] if r.overridden else st["td"]),
                     nd30.cell(r.reason, st["td_small"])])
    extra = [("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (4, 1), (4, -1), "RIGHT"),
             ("ALIGN", (5, 1), (5, -1), "CENTER")]
    return [nd30.grid_table(rows, widths, header_rows=1, extra=extra),
            nd30.para(counts_line(table), st["counts"])]


def build_heads(store: Store, out: Path, block: str | None = None) -> Path:
    tables = head_tables(store, block)
    settings = store.settings()
    ident = nd30.DocumentIdentity.from_store(store)
    st = nd30.styles()
    frame = nd30.Document(ident, [], [], wide=True).frame_width
    body: list[Flowable] = []
    for i, t in enumerate(tables):
        if i:
            body.append(CondPageBreak(50 * mm))
        body.append(nd30.para(f"{roman(i)}. {t.name.upper()}", st["section"]))
        body += head_table(t, settings.display_decimals, frame, st)
    body.append(nd30.para("Căn cứ xếp loại: " + "; ".join(
        f"({i}) {rule.describe()}" for i, rule in enumerate(settings.rules, start=1))
        + ". Xếp loại điều chỉnh (in đậm) ghi rõ lý do ở cột Ghi chú.", st["note"]))
    doc = nd30.Document(ident, title_lines(ident.year), body, annex=ANNEX,
                        subject=f"Xếp loại người đứng đầu năm {ident.year}")
    nd30.render(doc, out)
    return Path(out)
