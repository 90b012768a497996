"""The published documents read back as a Sở Nội vụ reviewer reads them.

The decision with its annexes is generated as PDF and as Word, then read back — the PDF with
poppler's pdftotext, the Word draft with python-docx — and every row of every ranking annex is
checked by hand-arithmetic on the printed figures alone: the printed components add up to the
printed total; the printed index is that total over the unit's applicable maximum at the
printed precision; ranks follow the printed indexes, and a tie footnote appears exactly where
two units printed alike were ranked apart. The SIPAS annex: ranks follow the printed index and
are shared exactly when printed alike. For the small demo and for a 150-unit province.
"""
from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from dataclasses import dataclass
from decimal import ROUND_HALF_UP
from decimal import Decimal as D
from pathlib import Path

import pytest

from parapp.cli import main
from parapp.core.reports.decision import build_decision
from parapp.core.reports.tables import area_columns
from parapp.core.store import Store

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
NUMBER = r"[+−]?\d+,\d{2}"
TOKEN = re.compile(rf"(?<!\S)({NUMBER}|—)(?!\S)")
SECTION = re.compile(r"^\s*(?:I|II|III|IV|V|VI)\. (.+) \((\d+) đơn vị\)\s*$")
UNRANKED = "Đơn vị được đánh giá nhưng không xếp hạng"


def dec(text: str) -> D:
    return D(text.replace("−", "-").replace("+", "").replace(",", "."))


def q(value: D) -> D:
    return value.quantize(D("0.01"), rounding=ROUND_HALF_UP)


@dataclass
class Row:
    stt: int
    parts: list[D]  # areas (applicable ones), ĐTXHH, SIPAS, bonus − penalty
    total: D
    index: D
    rank: int | None
    shared: bool
    marks: list[str]


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    """A province of 150 units (17 departments, 44 wards, 89 communes)."""
    from parapp.core.demo import build_demo
    path = tmp_path_factory.mktemp("p150") / "p150.parapp"
    build_demo(path, units=133)
    return path


# -- reading the PDF ------------------------------------------------------------------------------

def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def part(text: str, label: str, following: str) -> str:
    """The text of one annex of the file: from its "Phụ lục …" line to the next one's."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == label)
    end = next((i for i, line in enumerate(lines) if i > start and line.strip() == following),
               len(lines))
    return "\n".join(lines[start:end])


def sections(annex: str) -> list[tuple[str, int, list[str]]]:
    """(block name, units announced, lines) of each block's section of the ranking annex."""
    out: list[tuple[str, int, list[str]]] = []
    for line in annex.splitlines():
        m = SECTION.match(line)
        if m:
            out.append((m.group(1), int(m.group(2)), []))
        elif out:
            out[-1][2].append(line)
    return out


def pdf_rows(lines: list[str], n_areas: int) -> list[Row]:
    rows, unranked = [], False
    for line in lines:
        if UNRANKED in line:
            unranked = True
            continue
        m = re.match(r"^\s*(\d+)\s+\S", line)
        tokens = TOKEN.findall(line)
        if not m or len(tokens) < n_areas + 4:
            continue
        areas, rest = tokens[:n_areas], tokens[n_areas:]
        adjust = rest[2] if len(rest) == 5 else "0,00"
        total, index = rest[-2], rest[-1]
        tail = line[line.rindex(index) + len(index):]
        rank_m = re.match(r"\s*(?:†)?\s*(\d+)(\*)?((?:\s*\(\d+\))*)", tail)
        rank = int(rank_m.group(1)) if rank_m and not unranked else None
        rows.append(Row(int(m.group(1)),
                        [dec(a) for a in areas if a != "—"] + [dec(rest[0]), dec(rest[1]),
                                                              dec(adjust)],
                        dec(total), dec(index), rank,
                        bool(rank_m and rank_m.group(2)) and not unranked,
                        re.findall(r"\((\d+)\)", rank_m.group(3)) if rank_m and not unranked
                        else []))
    return rows


# -- reading the Word draft -----------------------------------------------------------------------

def docx_rows(table) -> list[Row]:
    out, unranked = [], False
    for tr in table.rows[2:]:
        cells = [c.text.strip() for c in tr.cells]
        if cells[0] == UNRANKED:
            unranked = True
            continue
        n_areas = len(cells) - 10
        areas = cells[2:2 + n_areas]
        survey, sipas, adjust, total, index, rank = cells[2 + n_areas:8 + n_areas]
        rank_m = re.match(r"(\d+)(\*)?((?:\s*\(\d+\))*)", rank)
        out.append(Row(int(cells[0]),
                       [dec(a) for a in areas if a != "—"]
                       + [dec(survey), dec(sipas), dec(adjust or "0,00")],
                       dec(total), dec(index.removesuffix(" †")),
                       int(rank_m.group(1)) if rank_m and not unranked else None,
                       bool(rank_m and rank_m.group(2)),
                       re.findall(r"\((\d+)\)", rank_m.group(3)) if rank_m else []))
    return out


# -- the checks a reviewer makes ------------------------------------------------------------------

def check_block(rows: list[Row], maxima: list[D], notes: str, where: str) -> int:
    """Every row adds up and its index follows; ranks follow the printed indexes; a tie
    footnote exactly where printed equals were ranked apart. Returns the ties broken."""
    assert [r.stt for r in rows] == list(range(1, len(rows) + 1)), where
    for r, top in zip(rows, maxima, strict=True):
        assert sum(r.parts, D(0)) == r.total, (where, r)
        assert q(r.total * 100 / top) == r.index, (where, r, top)
    ranked = [r for r in rows if r.rank is not None]
    broken = 0
    for above, below in itertools.pairwise(ranked):
        assert above.index >= below.index, (where, above, below)  # never contradicts the print
        assert above.rank <= below.rank
        if above.index != below.index:
            assert below.rank == ranked.index(below) + 1, (where, below)  # 1, 2, 2, 4
            continue
        if above.rank == below.rank:  # shared: marked, no footnote
            assert above.shared and below.shared, (where, above, below)
            assert not set(above.marks) & set(below.marks)
        else:  # broken: both marked with one footnote naming the printed index
            common = set(above.marks) & set(below.marks)
            assert len(common) == 1, (where, above, below)
            n = common.pop()
            printed = f"{above.index:.2f}".replace(".", ",")
            assert re.search(rf"\({n}\) .+? cùng đạt {printed}%; .+ xếp trên do ", notes), \
                (where, n, printed)
            broken += 1
    marks = {m for r in ranked for m in r.marks}
    assert len(marks) == broken, where  # no footnote without a broken tie
    assert len(re.findall(r"\(\d+\) .+? cùng đạt", notes)) == broken, where
    return broken


def engine_maxima(store: Store) -> dict[str, list[D]]:
    """Each block's units' applicable maxima in the annex's order (ranked, then unranked)."""
    result = store.evaluate()
    return {b.code: [row.result.applicable_max for row in result.rankings[b.code].rows()]
            for b in store.blocks()}


def read_back(path: Path, tmp_path: Path) -> tuple[int, int]:
    """Check the PDF and the Word draft of the decision; (rows checked, ties broken)."""
    with Store.open(path) as store:
        build_decision(store, tmp_path / "qd.pdf")
        build_decision(store, tmp_path / "qd.docx")
        maxima = engine_maxima(store)
        tree = store.tree()
        blocks = store.blocks()
        n_areas = {b.code: len(area_columns(tree, b.code)) for b in blocks}
    text = pdf_text(tmp_path / "qd.pdf")
    annex = part(text, "Phụ lục I", "Phụ lục II")
    found = sections(annex)
    assert [name for name, _n, _lines in found] == [b.name.upper() for b in blocks]
    checked = 0
    broken = []  # per block
    for (name, count, lines), b in zip(found, blocks, strict=True):
        rows = pdf_rows(lines, n_areas[b.code])
        assert len(rows) == count == len(maxima[b.code]), name
        broken.append(check_block(rows, maxima[b.code], " ".join(" ".join(lines).split()), name))
        checked += len(rows)
    ranking = docx_ranking_tables(tmp_path / "qd.docx")
    assert len(ranking) == len(blocks)
    for (table, notes), b, in_pdf in zip(ranking, blocks, broken, strict=True):
        assert check_block(docx_rows(table), maxima[b.code], notes, f"docx {b.name}") == in_pdf
    return checked, sum(broken)


def docx_ranking_tables(path: Path) -> list[tuple[object, str]]:
    """The Word draft's ranking tables, each with the text of the paragraphs after it."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    doc = Document(str(path))
    out: list[tuple[object, list[str]]] = []
    for el in doc.element.body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "tbl":
            table = Table(el, doc)
            if (len(table.rows) > 2
                    and table.rows[0].cells[2].text.strip() == "Điểm thẩm định theo lĩnh vực"):
                out.append((table, []))
            elif out:
                out[-1][1].append("\f")  # the notes end where another table starts
        elif tag == "p" and out:
            out[-1][1].append(Paragraph(el, doc).text)
    return [(t, " ".join(" ".join(notes).split("\f")[0].split())) for t, notes in out]


@needs_poppler
def test_every_printed_row_of_the_demo_adds_up(small_demo, tmp_path):
    checked, _ties = read_back(small_demo, tmp_path)
    assert checked == 26


@needs_poppler
def test_every_printed_row_of_a_150_unit_province_adds_up(province, tmp_path):
    checked, _ties = read_back(province, tmp_path)
    assert checked == 150


@needs_poppler
def test_ties_at_the_printed_precision_shared_or_broken_as_the_period_says(small_demo,
                                                                          tmp_path):
    """Two communes given the same printed index: broken by the tie-breakers with a footnote
    (policy break), shared and marked without one (shared_display)."""
    with Store.open(small_demo) as store:
        result = store.evaluate()
        cap = store.settings().penalty_cap or D(100)
        pairs = [(x.result, y.result) for ranking in result.rankings.values()
                 for x, y in itertools.pairwise(ranking.ranked)
                 if x.result.applicable_max == y.result.applicable_max
                 and D(0) < x.result.published_total - y.result.published_total
                 and x.result.penalty + x.result.published_total - y.result.published_total <= cap]
        a, b = min(pairs, key=lambda p: p[0].published_total - p[1].published_total)
        gap = a.published_total - b.published_total
        with store.edit() as ed:  # a penalty that brings the higher one down to the other
            ed.add_adjustment(a.unit.code, "penalty", "Thử: bằng điểm", gap, gap)
        again = store.evaluate().results
        assert again[a.key].published_index == again[b.key].published_index
    _checked, ties = read_back(small_demo, tmp_path)
    assert ties >= 1
    assert main(["settings", str(small_demo), "tie_policy=shared_display"]) == 0
    _checked, ties = read_back(small_demo, tmp_path)
    assert ties == 0
    text = pdf_text(tmp_path / "qd.pdf")
    assert "(*) Đồng hạng (bằng nhau ở số công bố)." in " ".join(text.split())


@needs_poppler
def test_sipas_annex_ranks_follow_the_printed_index(province, tmp_path):
    with Store.open(province) as store:
        build_decision(store, tmp_path / "qd.pdf")
        blocks = store.blocks()
    annex = part(pdf_text(tmp_path / "qd.pdf"), "Phụ lục II", "Phụ lục III")
    chunks = re.split(r"^\s*(?:I|II|III)\. .+$", annex, flags=re.M)[1:]
    assert len(chunks) == len(blocks)
    for chunk in chunks:
        rows = []
        for line in chunk.splitlines():
            m = re.match(rf"^\s*(\d+)\s+.*?\s({NUMBER})\s+({NUMBER})\s+(\d+)(\*)?\s*$", line)
            if m:
                rows.append((dec(m.group(2)), int(m.group(4)), bool(m.group(5))))
        assert rows
        for (p1, r1, s1), (p2, r2, s2) in itertools.pairwise(rows):
            assert p1 >= p2
            if p1 == p2:
                assert r1 == r2 and s1 and s2
            else:
                assert r2 > r1
        assert rows[0][1] == 1


def test_a_unit_the_block_does_not_rank_is_not_ranked_by_its_sipas_either(small_demo):
    """As in the ranking annex: listed after the ranked units, its index shown, no rank, and
    outside the block's average (it pushed ten units down a place)."""
    from parapp.core.reports.tables import sipas_tables
    with Store.open(small_demo) as store:
        (before,) = sipas_tables(store, "SO")
        outside = before.rows[0]  # the best SIPAS of the block
        with store.edit("test") as ed:
            ed.update_unit(outside.code, ranked=False)
        (table,) = sipas_tables(store, "SO")
    ranked = [r for r in table.rows if r.rank is not None]
    assert outside.code not in {r.code for r in ranked}
    (row,) = [r for r in table.rows if r.code == outside.code]
    assert (row.pct, row.rank, row.ranked) == (outside.pct, None, False)
    assert table.rows.index(row) == len(ranked)  # right after the ranked ones
    values = [r.pct for r in ranked]
    assert table.average == sum(values, D(0)) / len(values)


@needs_poppler
def test_the_decision_reads_as_a_decision(small_demo, tmp_path):
    """The decision's own text: issuing body, number, title, authority, legal bases, the
    three articles naming the annexes, recipients, signature block; the Word draft says the
    same and is split into a section per part (the annexes landscape)."""
    with Store.open(small_demo) as store:
        build_decision(store, tmp_path / "qd.pdf")
        build_decision(store, tmp_path / "qd.docx")
        signer = store.settings().document["signer_name"]
    text = " ".join(pdf_text(tmp_path / "qd.pdf").split())
    for words in ("ỦY BAN NHÂN DÂN", "TỈNH SƠN HÀ", "Số: 386/QĐ-UBND",
                  "Sơn Hà, ngày 26 tháng 02 năm 2026", "QUYẾT ĐỊNH",
                  "Phê duyệt và công bố Chỉ số cải cách hành chính năm 2025",
                  "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
                  "Theo đề nghị của Giám đốc Sở Nội vụ.", "QUYẾT ĐỊNH:",
                  "Điều 1. Phê duyệt và công bố Chỉ số cải cách hành chính năm 2025 của các sở, "
                  "ban, ngành; các phường; các xã (Phụ lục I kèm theo) và Chỉ số hài lòng",
                  "(SIPAS) năm 2025 (Phụ lục II kèm theo).", "(Phụ lục III kèm theo)",
                  "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.", "Nơi nhận:",
                  "- Lưu: VT, SNV.", "TM. ỦY BAN NHÂN DÂN", signer):
        assert words in text, words
    from docx import Document
    doc = Document(str(tmp_path / "qd.docx"))
    paragraphs = [p.text for p in doc.paragraphs]
    assert "QUYẾT ĐỊNH:" in paragraphs
    assert any(p.startswith("Điều 2. Phê duyệt kết quả xếp loại người đứng đầu") for p in paragraphs)
    # the decision portrait, the ranking and heads annexes landscape, SIPAS portrait
    assert [s.orientation for s in doc.sections] == [0, 1, 0, 1]
    # page numbers: one PAGE field in the shared header, none on each part's first page, and
    # every part counting from 1 again
    assert all(s.different_first_page_header_footer for s in doc.sections)
    assert all(not s.first_page_header.is_linked_to_previous
               and s.first_page_header.paragraphs[0].text == "" for s in doc.sections)
    assert doc.sections[0].header._element.xml.count('w:instr="PAGE"') == 1
    assert all(s._sectPr.xml.count('w:start="1"') == 1 for s in doc.sections)
    assert [p for p in paragraphs if p.startswith("Phụ lục")] == [
        "Phụ lục I", "Phụ lục II", "Phụ lục III"]
    # the settings change the wording: legal bases, executors, recipients, one annex per block
    assert main(["settings", str(small_demo), "legal_bases=Căn cứ A;|Căn cứ B;",
                 "recipients=Như Điều 3;|Lưu: VT.", "annex_per_block=true",
                 "executors=Giám đốc Sở Nội vụ"]) == 0
    with Store.open(small_demo) as store:
        build_decision(store, tmp_path / "qd2.pdf")
    text = " ".join(pdf_text(tmp_path / "qd2.pdf").split())
    assert "Căn cứ A; Căn cứ B; Theo đề nghị" in text
    assert "Căn cứ Luật" not in text
    assert "(Phụ lục I, II, III kèm theo) và Chỉ số hài lòng" in text
    assert "(SIPAS) năm 2025 (Phụ lục IV kèm theo)" in text and "(Phụ lục V kèm theo)" in text
    assert "Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này./." in text
    raw = subprocess.run(["pdftotext", str(tmp_path / "qd2.pdf"), "-"], check=True,
                         capture_output=True, text=True).stdout
    assert "Nơi nhận: - Như Điều 3; - Lưu: VT." in " ".join(raw.split())
    assert "Phụ lục III KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA CÁC XÃ" in text
    # signed for the chairman, not the committee: his decision, and the annexes say so
    assert "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ Căn cứ" in text  # TM. ỦY BAN NHÂN DÂN in the demo
    assert main(["settings", str(small_demo), "signer_authority=KT. CHỦ TỊCH"]) == 0
    with Store.open(small_demo) as store:
        build_decision(store, tmp_path / "qd3.pdf")
    text = " ".join(pdf_text(tmp_path / "qd3.pdf").split())
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN HÀ Căn cứ A;" in text
    assert "(Kèm theo Quyết định số 386/QĐ-UBND ngày 26 tháng 02 năm 2026 của Chủ tịch Ủy ban " \
           "nhân dân tỉnh Sơn Hà)" in text
    assert "TM. ỦY BAN NHÂN DÂN" not in text


def test_cli_writes_every_document_in_both_formats(small_demo, tmp_path, capsys):
    for what in ("decision", "annex", "sipas", "heads", "results"):
        for ext in ("pdf", "docx"):
            out = tmp_path / f"{what}.{ext}"
            assert main(["report", what, str(small_demo), "-o", str(out)]) == 0
            head = out.read_bytes()[:4]
            assert head == (b"%PDF" if ext == "pdf" else b"PK\x03\x04"), out
    assert main(["report", "notice", str(small_demo), "--unit", "SYT", "-o",
                 str(tmp_path / "tb.docx")]) == 0
    assert main(["report", "notice", str(small_demo), "--all-units", "--block", "XA",
                 "--format", "docx", "-o", str(tmp_path / "thong-bao")]) == 0
    assert sorted(p.name for p in (tmp_path / "thong-bao").iterdir()) == [
        f"thong-bao-X00{i}.docx" for i in range(1, 7)]
    capsys.readouterr()
    assert main(["report", "decision", str(small_demo), "--block", "XA", "-o",
                 str(tmp_path / "x.pdf")]) == 1
    assert capsys.readouterr().err.strip() == (
        "parapp: lỗi: Quyết định và báo cáo kết quả gồm tất cả các khối: không dùng --block")
    assert main(["report", "annex", str(small_demo), "--unit", "SYT", "-o",
                 str(tmp_path / "x.pdf")]) == 1
    assert capsys.readouterr().err.strip() == (
        "parapp: lỗi: --unit chỉ dùng với notice và self, --all-units với notice")
    assert not (tmp_path / "x.pdf").exists()


@needs_poppler
def test_the_results_report_adds_up_and_carries_the_charts(province, tmp_path):
    """Sở Nội vụ's report: per block, the bands count every ranked unit once, the average and
    the extremes are those of the printed indexes, each area's average and loss add up to its
    maximum; the charts follow in an appendix (a picture in the Word draft)."""
    from parapp.core.reports.results import build_results
    with Store.open(province) as store:
        build_results(store, tmp_path / "bc.pdf")
        build_results(store, tmp_path / "bc.docx")
        tables = ranking_tables_of(store)
    text = pdf_text(tmp_path / "bc.pdf")
    flat = " ".join(text.split())
    assert flat.startswith("UBND TỈNH SƠN HÀ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ NỘI VỤ")
    assert "BÁO CÁO Kết quả xác định Chỉ số cải cách hành chính năm 2025" in flat
    for table in tables:
        ranked = table.ranked
        average = q(sum((r.index for r in ranked), D(0)) / len(ranked))
        top, low = ranked[0], ranked[-1]
        assert (f"{len(ranked)} đơn vị được xếp hạng. Chỉ số bình quân của các đơn vị được xếp "
                f"hạng {comma(average)}%; cao nhất: {top.name} ({comma(top.index)}%); thấp nhất: "
                f"{low.name} ({comma(low.index)}%).") in flat
    counted = [int(m.group(1)) for m in re.finditer(
        r"^\s*(?:Từ 90% trở lên|Từ 80% đến dưới 90%|Từ 70% đến dưới 80%|Dưới 70%)\s+(\d+)\s",
        text, flags=re.M)]
    assert len(counted) == 4 * len(tables)
    for i, table in enumerate(tables):
        assert sum(counted[4 * i:4 * i + 4]) == len(table.ranked)
    # an area's row: four figures on one line (its name may wrap above and below them); in
    # the report itself (the heat maps of Phụ lục II have rows of figures too)
    lines = text.split("\n")  # not splitlines: the pages' form feeds stay
    first, second = (next(i for i, line in enumerate(lines) if line.strip() == label)
                     for label in ("Phụ lục I", "Phụ lục II"))
    body = "\n".join(lines[:first])
    areas = re.findall(rf"^.*?\s({NUMBER})(?: †)?\s+({NUMBER})\s+({NUMBER})\s+({NUMBER})\s*$",
                       body, flags=re.M)  # †: the maximum is the units' average applicable one
    assert len(areas) == sum(len(t.areas) for t in tables)
    for top_, average, lost, _share in areas:
        assert dec(average) + dec(lost) == dec(top_)
    assert text.count("Biểu đồ ") == len(tables)
    # the heat maps: per block, each unit in ranking order, its share of each area's maximum
    # as the engine's points over maxima give it, then the block's average; every page of a
    # long table opens with its header
    with Store.open(province) as store:
        snapshot = store.snapshot()
    from parapp.core.evaluation import evaluate
    result = evaluate(snapshot)
    expected: list[tuple[str, ...]] = []
    block_averages: list[str] = []
    for table in tables:
        keys = [k for k in snapshot.tree.roots if snapshot.tree.in_block(k, table.block)]
        shares = [[res.node_points.get(k, D(0)) / res.node_max[k] if res.node_max.get(k)
                   else None for k in keys]
                  for res in (row.result for row in result.rankings[table.block].rows())]
        expected += [tuple("—" if v is None else comma(q(v * 100)) for v in row)
                     for row in shares]
        columns = [[v for v in column if v is not None] for column in zip(*shares, strict=True)]
        expected.append(tuple(comma(q(sum(c, D(0)) * 100 / len(c))) for c in columns))
        block_averages += expected[-1]
    heat = lines[second:]
    width = len(expected[0])
    figures = re.compile(rf"(?:\s+({NUMBER}|—)){{{width}}}\s*$")
    printed = [tuple(TOKEN.findall(line)[-width:]) for line in heat if figures.search(line)]
    assert printed == expected
    # section 2's share of each area is the heat map's average row: one figure per area in
    # the whole report (the sentences' too)
    assert [share for _t, _a, _l, share in areas] == block_averages
    pages = "\n".join(heat).split("\f")
    assert len(pages) > len(tables) + 2  # the communes' table runs over several pages
    header = re.compile(r"^\s*Hạng\s+Đơn vị\s+1\s+2\s+3\s+4\s+5\s+6\s+7\s+8\s*$", re.M)
    assert all(header.search(page) for page in pages if page.strip())
    from docx import Document
    doc = Document(str(tmp_path / "bc.docx"))
    assert len(doc.inline_shapes) == len(tables)  # one chart picture per block
    assert any(p.text.startswith("Biểu đồ 1. Chỉ số cải cách hành chính năm 2025")
               for p in doc.paragraphs)


def ranking_tables_of(store: Store):
    from parapp.core.reports.tables import ranking_tables
    return ranking_tables(store)


def comma(value: D) -> str:
    return f"{value:.2f}".replace(".", ",")
