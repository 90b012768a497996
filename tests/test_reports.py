"""Official PDF reports: the numbers a council signs, the NĐ 30/2020 layout, the signature field.

Texts are extracted with poppler's pdftotext and compared with values computed from the store
through the engine (store.evaluate()), not from the report's own tables.
"""
from __future__ import annotations

import html
import itertools
import re
import shutil
import subprocess
import time
import unicodedata
from collections import Counter
from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP
from decimal import Decimal as D
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from parapp.cli import main
from parapp.core.classification import Grade, counts
from parapp.core.criteria import Source
from parapp.core.numbers import fmt
from parapp.core.reports import decision, fonts, nd30
from parapp.core.reports.model import Part, Text
from parapp.core.reports.notice import build_notice as build_unit_sheet
from parapp.core.reports.notice import build_notices as build_unit_sheets
from parapp.core.reports.tables import ranking_tables, unit_sheets
from parapp.core.store import Store


def build_annex(store, out, block=None):
    return decision.build_annex(store, "annex", out, block)


def build_heads(store, out, block=None):
    return decision.build_annex(store, "heads", out, block)


POPPLER = shutil.which("pdftotext") and shutil.which("pdftoppm")
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


def text_of(pdf: Path, page: int | None = None, layout: bool = True) -> str:
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else [])
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run(args + [str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


def flat(text: str) -> str:
    return " ".join(text.split())


def pages_of(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


def words(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """(word, xMin, yMin, xMax, yMax) of one page, in points with the origin top left."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf),
                          "-"], check=True, capture_output=True, text=True).stdout
    return [(html.unescape(m.group(5)), *(float(m.group(i)) for i in range(1, 5))) for m in
            re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                        r'yMax="([\d.]+)">([^<]*)</word>', out)]


def column_text(pdf: Path, x1: float, x2: float) -> str:
    """The words of one table column on every page, in reading order, without blanks."""
    out = []
    for page in range(1, pages_of(pdf) + 1):
        ws = [w for w in words(pdf, page) if x1 - 1 <= w[1] < x2]
        out += [w[0] for w in sorted(ws, key=lambda w: (round(w[2]), w[1]))]
    return "".join(out)


def n(value: D, places: int = 2) -> str:
    """As the documents print it: decimal comma, the one minus sign."""
    return fmt(value, places, comma=True).replace("-", "−")


def seq(*tokens: str) -> re.Pattern:
    """The tokens in this order on one line, separated by blanks only."""
    return re.compile(r"(?<!\S)" + r"\s+".join(re.escape(t) for t in tokens) + r"(?!\S)")


@pytest.fixture
def demo(small_demo) -> Store:
    store = Store.open(small_demo)
    yield store
    store.close()


def _uuid(store: Store, code: str) -> str:
    return next(u.uuid for u in store.units() if u.code == code)


# -- pure helpers ------------------------------------------------------------------------------

def test_dates_are_written_as_nd30_prescribes():
    assert nd30.vn_date(date(2027, 2, 5)) == "ngày 05 tháng 02 năm 2027"
    assert nd30.vn_date(date(2026, 1, 31)) == "ngày 31 tháng 01 năm 2026"
    assert nd30.vn_date(date(2026, 3, 9)) == "ngày 09 tháng 3 năm 2026"
    assert nd30.vn_date(date(2026, 12, 15)) == "ngày 15 tháng 12 năm 2026"
    assert nd30.province_phrase("Tỉnh Sơn Hà") == "tỉnh Sơn Hà"
    assert nd30.province_phrase("Thành phố Hải Phòng") == "thành phố Hải Phòng"
    assert nd30.province_name("Tỉnh Sơn Hà") == "Sơn Hà"
    assert nd30.province_name("Thành phố Hải Phòng") == "Hải Phòng"


def test_identity_defaults_come_from_the_province(tmp_path):
    with Store.create(tmp_path / "p.parapp", "Tỉnh Sơn Hà", 2026) as store:
        ident = nd30.DocumentIdentity.from_store(store)
        assert (ident.body, ident.place, ident.authority, ident.signer_title) == (
            "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ", "Sơn Hà", (), "CHỦ TỊCH")
        assert ident.decision_date is None and "/QĐ-UBND" in ident.number_text
        with store.edit() as ed:
            ed.set_setting("issuer", "Ủy ban nhân dân thành phố Hải Phòng")
            ed.set_setting("issuer_parent", "")
            ed.set_setting("decision_number", "903")
            ed.set_setting("decision_date", "28/3/2022")
            ed.set_setting("place", "Hải Phòng")
            ed.set_setting("signer_authority", "TM. ỦY BAN NHÂN DÂN | KT. CHỦ TỊCH")
        ident = nd30.DocumentIdentity.from_store(store)
        assert ident.body == "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"
        assert ident.number_text == "903/QĐ-UBND"
        assert ident.date_line == "Hải Phòng, ngày 28 tháng 3 năm 2022"
        assert ident.authority == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH")


def test_bad_document_settings_are_refused(small_demo, capsys):
    assert main(["settings", str(small_demo), "decision_date=31/02/2026"]) == 1
    assert capsys.readouterr().err.strip() == (
        "parapp: lỗi: Thiết lập 'decision_date' không hợp lệ: ngày phải có dạng dd/mm/yyyy "
        "hoặc yyyy-mm-dd")


# -- the ranking annex -------------------------------------------------------------------------

@needs_poppler
def test_annex_prints_the_engines_numbers_in_rank_order(demo, tmp_path):
    """Every row as published: each area's appraised points, ĐTXHH, SIPAS and bonus minus
    penalty rounded first; the printed total is their sum and the index that total over the
    unit's applicable maximum, at the printed precision (a reviewer adds them up by hand)."""
    assert demo.settings().rounding == "components"  # a new period's way
    out = build_annex(demo, tmp_path / "phu-luc.pdf", block="SO")
    result = demo.evaluate()
    tree = demo.tree()
    places = demo.settings().display_decimals
    text = text_of(out)
    lines = text.splitlines()
    ranking = result.rankings["SO"]
    survey_fed = [k for k in tree.preorder
                  if tree.is_leaf(k) and tree.nodes[k].source is not Source.SELF]
    positions, shown = [], []
    usual_max = Counter(row.result.applicable_max for row in ranking.rows()).most_common(1)[0][0]
    for row in ranking.rows():
        r = row.result
        areas = []
        for area in tree.roots:  # appraised part of each area = area points − survey-fed leaves
            if tree.nodes[area].max_for("SO") <= 0:
                continue
            fed = [k for k in survey_fed if tree.area_of(k) == area and k in r.node_points]
            own = r.node_points[area] - sum((r.node_points[k] for k in fed), D(0))
            if any(tree.area_of(k) == area and tree.is_leaf(k) and k not in survey_fed
                   for k in tree.preorder):
                areas.append(n(own, places))
        adjust = r.bonus - r.penalty
        printed = [*areas, n(r.survey, places), n(r.sipas, places)]
        tokens = list(printed)
        if adjust:
            tokens.append(("+" if adjust > 0 else "") + n(adjust, places))
        total = sum((D(t.replace(",", ".")) for t in printed), D(0)) \
            + D(n(adjust, places).replace(",", ".").replace("−", "-"))  # a net penalty
        index = (total * 100 / r.applicable_max).quantize(D("0.01"), rounding=ROUND_HALF_UP)
        tokens += [n(total, places), n(index, places)]
        if r.applicable_max != usual_max:  # marked, and explained under the table
            tokens.append("†")
            assert f"{r.unit.name} {n(r.applicable_max, places)}" in " ".join(text.split())
        if row.rank is not None:
            tokens.append(str(row.rank))
            shown.append((row.rank, index))
        if r.unit.prev_rank is not None:  # ‡: derived from the old units merged into it
            tokens.append(str(r.unit.prev_rank) + ("‡" if r.unit.prev_derived else ""))
        if row.change is not None:
            tokens.append(f"+{row.change}" if row.change > 0 else
                          "0" if row.change == 0 else f"−{-row.change}")
        pattern = seq(*tokens)
        hits = [i for i, line in enumerate(lines) if pattern.search(line)]
        assert hits, f"{r.unit.code}: {' '.join(tokens)} not found"
        positions.append(hits[0])
    assert positions == sorted(positions)  # in rank order, unranked last
    # ranks never contradict the printed indexes: a higher rank, never a lower printed index
    assert all(i1 >= i2 for (_r1, i1), (_r2, i2) in itertools.pairwise(shown))
    unranked = [row for row in ranking.rows() if row.rank is None]
    assert unranked, "the demo has a unit scored but not ranked"
    heading = next(i for i, line in enumerate(lines)
                   if "Đơn vị được đánh giá nhưng không xếp hạng" in line)
    assert positions[len(ranking.ranked) - 1] < heading < positions[-1]


@needs_poppler
def test_annex_marks_a_unit_whose_area_points_are_not_appraised_yet(demo, tmp_path):
    """A leaf self-scored and not appraised counts its self score, as a notice marks with
    «*»: the published annex says so too, by the unit's name and in a note naming the area,
    rather than print it as appraised points."""
    tree = demo.tree()
    leaf = next(k for k in tree.preorder if tree.is_leaf(k) and tree.nodes[k].source is
                Source.SELF and tree.nodes[tree.area_of(k)].code == "2"
                and tree.in_block(k, "SO"))
    code = tree.nodes[leaf].code
    assert demo.score("SYT", code)["appraisal_points"] is not None
    with demo.edit("test") as ed:
        ed.write_scores([("SYT", code, {"appraisal_points": None, "appraisal_note": ""})])
    text = " ".join(text_of(build_annex(demo, tmp_path / "phu-luc.pdf", block="SO")).split())
    assert "Sở Y tế (§)" in text and text.count("(§)") == 2  # the row and its note
    assert ("(§) Có tiêu chí chưa thẩm định: điểm của lĩnh vực tạm tính bằng điểm tự đánh giá, "
            "chưa phải kết quả thẩm định: Sở Y tế (lĩnh vực 2).") in text


@needs_poppler
def test_the_command_line_prints_the_figures_the_annex_publishes(demo, tmp_path, capsys):
    """`parapp ranking` and `parapp classify` show each unit's total and index as the annex
    prints them (each component rounded, then added), not the unrounded ones, which differ in
    the last decimal for some units."""
    import json
    path = str(demo.path)
    text = " ".join(text_of(build_annex(demo, tmp_path / "phu-luc.pdf", block="SO")).split())
    result = demo.evaluate()
    differ = [r for r in result.rankings["SO"].rows()
              if fmt(r.result.index, 2) != fmt(r.result.published_index, 2)]
    assert differ, "the demo has a unit whose exact index rounds otherwise"
    demo.close()
    assert main(["ranking", path, "--block", "SO", "--format", "json"]) == 0
    (block,) = json.loads(capsys.readouterr().out)["blocks"]
    for u in block["units"]:
        total, index = (u[k].replace(".", ",") for k in ("total_display", "index_display"))
        assert f"{total} {index}" in text, u["code"]  # the annex's last two figures
    assert main(["classify", path, "--block", "SO"]) == 0
    out = capsys.readouterr().out
    for r in differ:
        assert fmt(r.result.published_index, 2, comma=True) in out
        assert fmt(r.result.index, 2, comma=True) not in out.split(r.result.unit.name)[1][:40]


@needs_poppler
def test_a_communes_self_report_is_issued_as_its_peoples_committee(demo, tmp_path):
    """NĐ 30: a commune's People's Committee numbers its report with its own symbol (UBND),
    writes it from its own name and its chairman signs for the committee; a department keeps
    its code and writes from the province."""
    from parapp.core.reports.self_report import build_self_report
    commune = next(u for u in demo.units() if u.name.startswith("Xã "))
    place = commune.name.removeprefix("Xã ")
    text = " ".join(text_of(build_self_report(demo, tmp_path / "x.pdf", commune.code)).split())
    assert f"Số: /BC-UBND {place}, ngày" in text and "TM. ỦY BAN NHÂN DÂN" in text
    assert f"/BC-{commune.code}" not in text
    text = " ".join(text_of(build_self_report(demo, tmp_path / "s.pdf", "SYT")).split())
    assert "Số: /BC-SYT Sơn Hà, ngày" in text and "TM. ỦY BAN NHÂN DÂN" not in text


@needs_poppler
def test_annex_on_its_own_heading_and_no_signature_block(demo, tmp_path):
    """An annex issued as a file of its own: "Phụ lục I", its title naming the blocks it
    holds, "(Kèm theo Quyết định số …)"; no page head, no signer (the signature belongs to the
    decision) and no charts; the organisation's signature field top right of page 1."""
    out = build_annex(demo, tmp_path / "phu-luc.pdf")
    first = flat(text_of(out, 1))
    assert first.startswith(
        "Phụ lục I KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA CÁC SỞ, BAN, "
        "NGÀNH; CÁC PHƯỜNG; CÁC XÃ (Kèm theo Quyết định số 386/QĐ-UBND ngày 26 tháng 02 "
        "năm 2026 của Ủy ban nhân dân tỉnh Sơn Hà)")
    one = flat(text_of(build_annex(demo, tmp_path / "so.pdf", block="SO"), 1))
    assert "NĂM 2025 CỦA CÁC SỞ, BAN, NGÀNH (Kèm theo" in one
    whole = flat(text_of(out, layout=False))
    name = demo.settings().document["signer_name"]
    assert name and name not in whole and "PHÓ CHỦ TỊCH" not in whole
    assert QUOC_HIEU not in whole and "Biểu đồ" not in whole
    for block in demo.blocks():  # a section per block
        assert f"{block.name.upper()} (" in whole
    box = nd30.signature_field(out)
    assert box is not None and box.page == 0
    _x1, _y1, x2, y2 = box.rect
    assert x2 == pytest.approx(842 - nd30.RIGHT, abs=1) and y2 > 595.28 - nd30.TOP


@needs_poppler
def test_page_numbers_from_page_two_centred_in_the_top_margin(demo, tmp_path):
    out = build_annex(demo, tmp_path / "phu-luc.pdf")
    assert pages_of(out) >= 3
    width = 842  # A4 landscape, points
    centre = nd30.LEFT + (width - nd30.LEFT - nd30.RIGHT) / 2
    top_words = [w for w in words(out, 1) if w[2] < nd30.TOP]
    assert top_words == []  # nothing in the top margin of page 1
    for page in range(2, pages_of(out) + 1):
        margin = [w for w in words(out, page) if w[4] <= nd30.TOP + 1]
        assert [w[0] for w in margin] == [str(page)]
        _, x1, _, x2, _ = margin[0]
        assert abs((x1 + x2) / 2 - centre) < 2


@needs_poppler
def test_table_headers_repeat_on_every_page(demo, tmp_path):
    out = build_annex(demo, tmp_path / "phu-luc.pdf", block="SO")
    names = [u.name for u in demo.units() if u.code.isalpha()]
    pages = pages_of(out)
    assert pages >= 2
    table_pages = 0
    for page in range(1, pages + 1):
        text = text_of(out, page)
        if not any(name[:12] in text for name in names):
            continue  # the signature page
        table_pages += 1
        assert "Điểm thẩm định theo lĩnh vực" in text and "Tên đơn vị" in text
        assert "STT" in text and "Chỉ số" in text
    assert table_pages >= 2


@needs_poppler
def test_excel_summary_and_pdf_annex_agree(demo, tmp_path):
    from openpyxl import load_workbook

    from parapp.core.interchange.exporter import export_summary
    export_summary(demo, tmp_path / "th.xlsx", block="XA")
    out = build_annex(demo, tmp_path / "pl.pdf", block="XA")
    ws = load_workbook(tmp_path / "th.xlsx")["XA"]
    header = [c.value for c in ws[4]]
    lines = text_of(out).splitlines()
    rows = [r for r in ws.iter_rows(min_row=5, values_only=True) if r[1]]
    assert rows
    for r in rows:
        areas = [D(repr(v)) for h, v in zip(header, r) if str(h).startswith("LV ")]
        tokens = [n(v) for v in areas] + [n(D(repr(r[header.index(k)])))
                                                  for k in ("ĐTXHH", "SIPAS")]
        assert any(seq(*tokens).search(line) for line in lines), r[2]
        index = n(D(repr(r[header.index("Chỉ số (%)")])))
        assert any(r[2][:10] in line and index in line for line in lines)


# -- heads ------------------------------------------------------------------------------------

@needs_poppler
def test_heads_annex_grades_reasons_and_counts(demo, tmp_path):
    out = build_heads(demo, tmp_path / "xep-loai.pdf")
    result = demo.evaluate()
    places = demo.settings().display_decimals
    text = text_of(out)
    whole = flat(text_of(out, layout=False))
    assert whole.startswith("Phụ lục III ")  # after the ranking (I) and SIPAS (II)
    assert QUOC_HIEU not in whole
    assert "KẾT QUẢ XẾP LOẠI NGƯỜI ĐỨNG ĐẦU" in whole
    assert "(Kèm theo Quyết định số 386/QĐ-UBND ngày 26 tháng 02 năm 2026" in whole
    units = {u.uuid: u for u in demo.units()}
    overridden = 0
    for block in demo.blocks():
        rows = result.rankings[block.code].rows()
        heads = [result.heads[r.result.key] for r in rows]
        for h in heads:
            tokens = [n(h.row.result.published_index, places)]
            if h.row.rank is not None:
                tokens.append(str(h.row.rank))
                pattern = seq(*tokens, *h.grade.label.split())
            else:  # "Không xếp hạng" wraps in its narrow column
                pattern = re.compile(re.escape(tokens[0]) + r"\s+(?:\S+\s+){0,2}"
                                     + r"\s+".join(h.grade.label.split()))
            assert any(pattern.search(line) for line in text.splitlines()), \
                (h.row.result.unit.code, tokens, h.grade.label)
            assert units[h.row.result.key].head_name in whole
            if h.override:
                overridden += 1
                assert flat(h.override.reason) in whole
        assert (f"Tổng số {len(heads)} người đứng đầu: "
                + "; ".join(f"{g.label}: {k}" for g, k in counts(heads).items()) + ".") in whole
    assert overridden == 1
    assert "Không hoàn thành nhiệm vụ" in whole


@needs_poppler
def test_heads_annex_lists_a_head_in_post_too_short_a_time_as_not_classified(demo, tmp_path):
    """The demo's head of SCT took up the post on 1 November 2025, of P003 on 16 October: two
    months of the year each, under the six a new period asks for."""
    out = build_heads(demo, tmp_path / "xep-loai.pdf")
    result = demo.evaluate()
    text = text_of(out)
    whole = flat(text_of(out, layout=False))
    for code, day in (("SCT", "01/11/2025"), ("P003", "16/10/2025")):
        unit = next(u for u in demo.units() if u.code == code)
        head = result.heads[unit.uuid]
        [line] = [line for line in text.splitlines() if unit.head_name in line]
        assert seq(n(head.row.result.published_index), str(head.row.rank), "Không", "xếp",
                   "loại").search(line), line
        assert (f"Giữ chức vụ từ {day} (2 tháng trong năm), dưới 6 tháng: không xếp loại"
                in whole)
    for block, late in (("SO", 1), ("PHUONG", 1), ("XA", 0)):  # the counts, with the grade
        heads = [result.heads[r.result.key] for r in result.rankings[block].rows()]  # if any
        c = counts(heads)
        assert c.get(Grade.NOT_CLASSIFIED, 0) == late
        assert (f"Tổng số {len(heads)} người đứng đầu: "
                + "; ".join(f"{g.label}: {n}" for g, n in c.items()) + ".") in whole
    assert whole.count("Không xếp loại") == 4  # the grade of each, and its block's counts


# -- the score sheet ----------------------------------------------------------------------------

@needs_poppler
def test_notice_lists_every_appraised_node_with_its_scores(demo, tmp_path):
    """The unit's result notice: issued by Sở Nội vụ; each area with the figure the annex
    prints; every self-scored leaf with max, self and appraisal; deduction reasons and who
    appraised; the total split as in the annex."""
    out = build_unit_sheet(demo, tmp_path / "thong-bao.pdf", "SYT")
    result = demo.evaluate()
    tree = demo.tree()
    numbers = tree.block_numbers("SO")
    res = result.results[_uuid(demo, "SYT")]
    row = result.rank_row(res.key)
    text = text_of(out)
    whole = flat(text_of(out, layout=False))
    assert whole.startswith("UBND TỈNH SƠN HÀ SỞ NỘI VỤ")
    assert ("THÔNG BÁO Kết quả thẩm định Chỉ số cải cách hành chính năm 2025 của Sở Y tế"
            in whole)
    assert "Sở Nội vụ thông báo kết quả thẩm định" in whole
    lines = text.splitlines()
    annex_row = next(r for t in ranking_tables(demo, "SO") for r in t.rows if r.code == "SYT")
    areas = iter(annex_row.areas)
    for key in tree.roots:  # areas: upper case, with the annex's figure on the first line
        node = tree.nodes[key]
        if not any(tree.nodes[k].source is Source.SELF for k in tree.descendants(key)):
            continue
        pattern = seq(numbers[key], *node.name.upper().split()[:2])
        line = next((line for line in lines if pattern.search(line)), None)
        assert line is not None, node.name
        assert n(next(areas)) in line
    from parapp.core.reports.notice import COLUMNS
    widths = [w * mm for _, w in COLUMNS]
    widths[1] = 842 - nd30.LEFT - nd30.RIGHT - sum(widths)
    edges = [nd30.LEFT + sum(widths[:i]) for i in range(len(widths) + 1)]
    notes = demo.notes("SYT")
    deducted = [code for code, note in notes.items() if note]
    assert deducted
    note_column = column_text(out, edges[5], edges[6])
    for code in deducted:
        assert "".join(notes[code].split()) in note_column
    assert "SởNộivụ" in column_text(out, edges[6], edges[7])
    for label, value in (("ĐTXHH", annex_row.survey), ("SIPAS", annex_row.sipas)):
        assert any(label in line and n(value) in line for line in lines)
    assert seq("TỔNG", "ĐIỂM", n(res.applicable_max), n(annex_row.total)).search(text)
    assert (f"Chỉ số CCHC = tổng điểm / điểm tối đa áp dụng = {n(annex_row.total)}/"
            f"{n(res.applicable_max)} = {n(annex_row.index)}%. Xếp hạng trong khối sở, ban, "
            f"ngành: {row.rank}/{len(result.rankings['SO'].ranked)}.") in whole
    leaves = [k for k in tree.preorder if k in res.node_max and tree.is_leaf(k)
              and tree.nodes[k].source is Source.SELF]
    for k in leaves:  # every leaf row: block number, max, self and appraisal on its first line
        code = numbers[k]
        line = next(line for line in lines if line.strip().startswith(code + " "))
        tokens = [n(res.node_max[k]), n(res.node_self[k]), n(res.node_points[k])]
        assert seq(*tokens).search(line) or (
            not demo.score("SYT", tree.nodes[k].code)["appraisal_points"]
            and seq(*tokens[:2], tokens[2] + "*").search(line)), (code, line, tokens)


def test_unit_sheets_in_parallel_processes_match_the_serial_ones(demo, tmp_path):
    serial = build_unit_sheets(demo, tmp_path / "serial", block="XA")
    parallel = build_unit_sheets(demo, tmp_path / "parallel", block="XA", workers=2)
    assert [p.name for p in parallel] == [p.name for p in serial] and len(serial) == 6
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(serial, parallel))


@needs_poppler
def test_notices_of_a_batch_read_and_look_like_a_notice_written_alone(demo, tmp_path):
    """The batch shares its cells' text and font subsets between notices (other codes for
    the same glyphs): the same text, pages and pixels as the notice written on its own."""
    from PIL import Image
    paths = build_unit_sheets(demo, tmp_path / "all", block="XA")
    code = paths[-1].stem.removeprefix("thong-bao-")
    alone = build_unit_sheet(demo, tmp_path / "alone.pdf", code)
    assert paths[-1].read_bytes() != alone.read_bytes()
    assert pages_of(paths[-1]) == pages_of(alone) > 1
    assert text_of(paths[-1]) == text_of(alone)
    assert text_of(paths[-1], layout=False) == text_of(alone, layout=False)
    for pdf in (paths[-1], alone):
        subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / pdf.stem)],
                       check=True)
    images = sorted(tmp_path.glob("alone-*.png"))
    assert len(images) == pages_of(alone)
    for page in images:
        batch = tmp_path / page.name.replace("alone", paths[-1].stem)
        assert Image.open(batch).tobytes() == Image.open(page).tobytes(), page.name


def test_many_notices_are_laid_out_by_one_process_per_cpu(monkeypatch):
    from parapp.core.reports import notice
    monkeypatch.setattr(notice.os, "cpu_count", lambda: 8)
    assert notice.default_workers(notice.MANY_NOTICES - 1) == 1  # a block: not worth a start
    assert notice.default_workers(150) == notice.MAX_WORKERS
    monkeypatch.setattr(notice.os, "cpu_count", lambda: None)
    assert notice.default_workers(150) == 1


def test_sheets_without_evidence_differ_only_in_the_file_names(demo):
    """The notices do not print the evidence files, and read the sheets without them."""
    full = unit_sheets(demo)
    lean = unit_sheets(demo, evidence=False)
    assert any(r.evidence for s in full for r in s.rows)
    assert lean == [replace(s, rows=tuple(replace(r, evidence=()) for r in s.rows))
                    for s in full]


@needs_poppler
def test_unit_sheets_of_a_block_one_file_each(demo, tmp_path):
    paths = build_unit_sheets(demo, tmp_path / "sheets", block="PHUONG")
    codes = [u.code for u in demo.units() if u.code.startswith("P")]
    assert [p.name for p in paths] == [f"thong-bao-{c}.pdf" for c in codes]
    for p, code in zip(paths, codes):
        name = next(u.name for u in demo.units() if u.code == code)
        assert f"Chỉ số cải cách hành chính năm 2025 của {name}" in flat(text_of(p, 1))


# -- glyphs, NFC, rendering, determinism ----------------------------------------------------------

def _cmaps() -> dict[str, set[int]]:
    from fontTools.ttLib import TTFont
    return {name: set(TTFont(path).getBestCmap()) for name, path in fonts.font_files().items()}


@needs_poppler
def test_every_character_drawn_has_a_glyph_and_text_is_nfc(demo, tmp_path):
    with demo.edit() as ed:  # a name typed with combining marks (NFD), as some keyboards do
        ed.update_unit("SYT", name=unicodedata.normalize("NFD", "Sở Y tế tỉnh Sơn Hà"))
    outs = [build_annex(demo, tmp_path / "a.pdf"), build_heads(demo, tmp_path / "h.pdf"),
            build_unit_sheet(demo, tmp_path / "u.pdf", "SYT")]
    cmaps = _cmaps()
    for out in outs:
        text = text_of(out, layout=False)
        assert "Sở Y tế tỉnh Sơn Hà" in text  # precomposed: the NFC form
        assert unicodedata.is_normalized("NFC", text)
        missing = {ch for ch in set(text) if not ch.isspace()
                   and any(ord(ch) not in cmap for cmap in cmaps.values())}
        assert missing == set(), out.name
        embedded = subprocess.run(["pdffonts", str(out)], capture_output=True,
                                  text=True).stdout.splitlines()[2:]
        assert embedded and all("LiberationSerif" in line and " yes " in line
                                for line in embedded), embedded


@needs_poppler
def test_first_page_renders_with_ink_in_header_and_table(demo, tmp_path):
    from PIL import Image
    out = build_annex(demo, tmp_path / "a.pdf", block="SO")
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-f", "1", "-l", "1", str(out),
                    str(tmp_path / "p")], check=True)
    png = next(tmp_path.glob("p*.png"))
    img = Image.open(png).convert("L")
    w, h = img.size
    assert abs(w - 1169) <= 1 and abs(h - 827) <= 1  # A4 landscape at 100 dpi
    dark = [sum(1 for v in img.crop((0, y, w, y + h // 10)).tobytes() if v < 128)
            for y in range(0, h - h // 10 + 1, h // 10)]
    assert dark[0] == 0  # page 1: nothing in the top margin (no page number)
    assert all(d > 300 for d in dark[1:9]), dark  # header, title and table rows all inked


def test_same_input_same_bytes(demo, tmp_path, monkeypatch):
    a = build_annex(demo, tmp_path / "a.pdf", block="SO")
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 86_400)  # a day later:
    # a creation date or document ID taken from the clock would now differ
    b = build_annex(demo, tmp_path / "b.pdf", block="SO")
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes().startswith(b"%PDF-")


# -- the signature field --------------------------------------------------------------------------

@needs_poppler
def test_empty_signature_field_sits_in_the_blank_space(demo, tmp_path):
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields
    ident = nd30.DocumentIdentity.from_store(demo)
    part = Part(["THỬ"], [Text("Nội dung")], signature=ident.signature)
    out = tmp_path / "t.pdf"
    box = nd30.render(ident.bundle([part], "thử"), out)
    with open(out, "rb") as f:
        reader = PdfFileReader(f)
        fields = list(enumerate_sig_fields(reader))
        assert [(name, value) for name, value, _ref in fields] == [(nd30.SIGNATURE_FIELD, None)]
        annot = fields[0][2].get_object()
        assert [float(v) for v in annot["/Rect"]] == list(box.box)
    assert nd30.signature_field(out) == nd30.SignatureBox(box.page, tuple(map(float, box.box)))
    x1, y1, x2, y2 = box.rect
    assert (x2 - x1, y2 - y1) == pytest.approx((nd30.SIGNATURE_WIDTH, nd30.SIGNATURE_HEIGHT))
    # between the signer's title and name, on the right half of the page
    page_h = 595.28
    ws = words(out, box.page + 1)
    title_bottom = max(w[4] for w in ws if w[0] == "TỊCH")
    name_top = min(w[2] for w in ws if w[0] == ident.signer_name.split()[-1])
    assert title_bottom <= page_h - y2 + 1 and page_h - y1 <= name_top + 1
    assert x1 > 842 / 2


@needs_poppler
@pytest.mark.skipif(not shutil.which("pdfsig"), reason="poppler's pdfsig missing")
def test_every_document_has_the_field_and_pdfsig_sees_it(demo, tmp_path):
    outs = [build_annex(demo, tmp_path / "a.pdf", block="XA"),
            build_heads(demo, tmp_path / "h.pdf", block="XA"),
            build_unit_sheet(demo, tmp_path / "u.pdf", "X001"),
            decision.build_decision(demo, tmp_path / "d.pdf")]
    for out in outs:
        box = nd30.signature_field(out)
        assert box is not None
        # annexes on their own: the organisation's, top of page 1; a notice: its signer's, at
        # its end; the decision: its signer's, before its annexes
        expected = {"a.pdf": 0, "h.pdf": 0, "u.pdf": pages_of(out) - 1}.get(out.name)
        if expected is None:
            assert 0 < box.page < pages_of(out) - 3
        else:
            assert box.page == expected
        info = subprocess.run(["pdfsig", str(out)], capture_output=True, text=True).stdout
        assert f"Signature Field Name: {nd30.SIGNATURE_FIELD}" in info
        assert "not signed" in info


# -- command line -------------------------------------------------------------------------------

def test_cli_report_success_and_errors(small_demo, tmp_path, capsys):
    out = tmp_path / "pl.pdf"
    assert main(["report", "annex", str(small_demo), "-o", str(out), "--block", "SO"]) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert capsys.readouterr().out.strip() == f"Đã tạo văn bản: {out}"
    assert main(["report", "heads", str(small_demo), "-o", str(tmp_path / "h.pdf")]) == 0
    assert main(["report", "unit", str(small_demo), "-o", str(tmp_path / "u.pdf"),
                 "--unit", "SYT"]) == 0
    capsys.readouterr()
    cases = [
        (["report", "annex", str(small_demo), "-o", str(tmp_path / "x.pdf"), "--block", "HUYEN"],
         "parapp: lỗi: Không có khối 'HUYEN'"),
        (["report", "unit", str(small_demo), "-o", str(tmp_path / "x.pdf"), "--unit", "NOPE"],
         "parapp: lỗi: Không có đơn vị 'NOPE'"),
        (["report", "unit", str(small_demo), "-o", str(tmp_path / "x.pdf")],
         "parapp: lỗi: Thông báo kết quả cần mã đơn vị (--unit MÃ) hoặc --all-units"),
        (["report", "annex", str(small_demo), "-o", str(tmp_path / "x.txt")],
         f"parapp: lỗi: {tmp_path / 'x.txt'}: chỉ xuất được tệp .pdf hoặc .docx"),
        (["--lang", "en", "report", "heads", str(small_demo), "-o", str(tmp_path / "x.pdf"),
          "--block", "HUYEN"], "parapp: error: No block 'HUYEN'"),
    ]
    for args, message in cases:
        assert main(args) == 1
        assert capsys.readouterr().err.splitlines() == [message]
        assert not (tmp_path / "x.pdf").exists()
    from parapp.core import i18n
    i18n.set_language(None)
    assert main(["report", "annex", str(small_demo), "-o", str(tmp_path / "nope" / "x.pdf")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "không ghi được tệp" in err[0]
    assert not any(p.name.startswith(".") for p in tmp_path.iterdir())


@needs_poppler
def test_a_reason_longer_than_a_page_is_shortened_in_the_pdf_and_whole_in_word(small_demo,
                                                                              tmp_path):
    """A 4,900-character deduction reason (within the 5,000 a reason may have): its row would
    be taller than a page, and the notice, and with it every unit's, failed. The PDF shows
    what fits and how much more there is; the Word version holds it whole."""
    from docx import Document as Word

    from parapp.core.store import Store
    reason = ("Chưa ban hành kế hoạch kiểm tra cải cách hành chính năm 2025. " * 80)[:4900]
    with Store.open(small_demo) as store:
        with store.edit("test") as ed:
            ed.set_appraisal("SYT", "1.2.1", "0", reason)
    pdf, docx = tmp_path / "thong-bao.pdf", tmp_path / "thong-bao.docx"
    for out in (pdf, docx):
        assert main(["report", "notice", str(small_demo), "--unit", "SYT", "-o", str(out)]) == 0
    shown = re.search(r"… \(còn (\d+) ký tự\)", text_of(pdf, layout=False))
    assert shown and 2000 < int(shown.group(1)) < 4900
    words = "\n".join(c.text for t in Word(docx).tables for r in t.rows for c in r.cells)
    assert reason.strip() in words
