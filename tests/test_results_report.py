"""Sở Nội vụ's results report, the province-wide picture: the summary in words at the top, and
per block the heat map of units × areas (Phụ lục II) — read back from the PDF (poppler) and the
Word draft (python-docx) for the hand-computed province of test_analysis:

    share of the maximum   area 1          area 2         area 3 (survey)   index, rank
    SYT                    8/10 = 80 %     9/10 = 90 %    1,6/2 = 80 %      19,6/22, 1st
    STP                    8/10 = 80 %     9/10 = 90 %    2/2 = 100 %       19/22, 2nd
    SXD (1.2 n/a)          4/4 = 100 %     7/10 = 70 %    1/2 = 50 %        12/16, 3rd
    average                86,67 %         83,33 %        76,67 %
"""
from __future__ import annotations

import html
import re
import shutil
import subprocess
from decimal import Decimal as D
from pathlib import Path

import pytest
from test_analysis import province  # noqa: F401  (the fixture)

from parapp.core.analysis import heat_rgb
from parapp.core.i18n import set_language
from parapp.core.reports.results import build_results

needs_poppler = pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("pdftoppm")),
                                   reason="poppler-utils missing")
SUMMARY = ("Kết quả chung toàn tỉnh. Lĩnh vực đạt thấp nhất: 3. Mức độ hài lòng (bình quân "
           "76,67% điểm tối đa); cao nhất: 1. Công tác chỉ đạo (86,67%). Tăng hạng nhiều nhất "
           "so với năm trước: Sở Y tế (+2).")
ROWS = [["Hạng", "Đơn vị", "1", "2", "3"],
        ["1", "Sở Y tế", "80,00", "90,00", "80,00"],
        ["2", "Sở Tư pháp", "80,00", "90,00", "100,00"],
        ["3", "Sở Xây dựng", "100,00", "70,00", "50,00"],
        ["Bình quân của khối", "Bình quân của khối", "86,67", "83,33", "76,67"]]


def _last_year(store) -> None:
    with store.edit("test") as ed:  # SXD first, SYT third: SYT rises two places
        for unit, rank in (("SXD", 1), ("STP", 2), ("SYT", 3)):
            ed.update_unit(unit, prev_rank=rank)


def flat(pdf: Path, layout: bool = False) -> str:
    return " ".join(subprocess.run(["pdftotext"] + (["-layout"] if layout else []) +
                                   [str(pdf), "-"], check=True, capture_output=True,
                                   text=True).stdout.split())


def words(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         check=True, capture_output=True, text=True).stdout
    return [(html.unescape(m.group(5)), *(float(m.group(i)) for i in range(1, 5))) for m in
            re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                        r'yMax="([\d.]+)">([^<]*)</word>', out)]


def pixel(pdf: Path, page: int, x: float, y: float) -> tuple[int, int, int]:
    """The colour at (x, y) points from the top left of a page (rendered at 144 dpi)."""
    ppm = subprocess.run(["pdftoppm", "-r", "144", "-f", str(page), "-l", str(page),
                          str(pdf)], check=True, capture_output=True).stdout
    magic, width, _height, _depth, data = ppm.split(maxsplit=4)
    assert magic == b"P6"
    i = (round(y * 2) * int(width) + round(x * 2)) * 3
    return data[i], data[i + 1], data[i + 2]


@needs_poppler
def test_the_summary_opens_the_report_in_vietnamese_once(province,  # noqa: F811
                                                         tmp_path):
    _last_year(province)
    set_language("en")  # the interface in English: the report stays Vietnamese
    try:
        build_results(province, tmp_path / "bc.pdf")
    finally:
        set_language(None)
    text = flat(tmp_path / "bc.pdf")
    assert ("phụ lục của Quyết định công bố): " + SUMMARY + " I. KHỐI SỞ") in text
    # one block: its own sentences are the province's, so they are not said twice
    assert text.count("Lĩnh vực đạt thấp nhất") == 1 and text.count("Tăng hạng") == 1
    assert ("thấp nhất: Sở Xây dựng (75,00%). Tỷ lệ điểm đạt theo lĩnh vực của từng đơn vị: "
            "Bảng 1, Phụ lục II. 1. Phân bố chỉ số") in text
    assert "Weakest" not in text and "Rose most" not in text


@needs_poppler
def test_each_areas_average_counts_only_what_applies_and_agrees_with_the_heat_map(
        province, tmp_path):  # noqa: F811
    """Section 2's table: per area the maximum and the points the units got, on average, and
    what they lost — a sub-criterion not applicable (SXD's 1.2) is no point lost — and the
    average share, the heat map's last row and the sentence's figure:
        area 1: maxima 10, 10, 4 → 8 †; got 8, 8, 4 → 6,67; lost 1,33; 86,67 %
        area 2: 10; got 9, 9, 7 → 8,33; lost 1,67; 83,33 %
        area 3: 2; got 1,6, 2, 1 → 1,53; lost 0,47; 76,67 %"""
    build_results(province, tmp_path / "bc.pdf")
    text = flat(tmp_path / "bc.pdf")
    assert ("2. Điểm theo lĩnh vực (bình quân của 3 đơn vị được đánh giá) Lĩnh vực Điểm tối đa "
            "Điểm bình quân Bình quân bị trừ Tỷ lệ đạt (%) 1. Công tác chỉ đạo 8,00 † 6,67 1,33 "
            "86,67 2. Cải cách tài chính công 10,00 8,33 1,67 83,33 3. Mức độ hài lòng 2,00 "
            "1,53 0,47 76,67") in text
    assert ("(†) Có đơn vị có tiêu chí không áp dụng: điểm tối đa là bình quân điểm tối đa áp "
            "dụng cho từng đơn vị, điểm bị trừ không tính tiêu chí không áp dụng: 1. Công tác "
            "chỉ đạo.") in text


def test_who_rose_most_keeps_the_units_level_with_the_last_named(province):  # noqa: F811
    """Three are named, and every unit level with the third: which of them would be left out
    is no fact about them."""
    from parapp.core.analysis import TOP, summary
    from parapp.core.evaluation import evaluate
    with province.edit("test") as ed:  # all three rise one place (4th → 3rd, 3rd → 2nd…)
        for unit, rank in (("SYT", 2), ("STP", 3), ("SXD", 4)):
            ed.update_unit(unit, prev_rank=rank)
    snapshot = province.snapshot()
    found = summary(snapshot, evaluate(snapshot), "SO")
    assert TOP == 3 and [n for _u, _b, n in found.risen] == [1, 1, 1]
    with province.edit("test") as ed:
        ed.add_unit("SNV", "Sở Nội vụ", "SO")  # a fourth unit, risen as much
        ed.update_unit("SNV", prev_rank=5)
    snapshot = province.snapshot()
    found = summary(snapshot, evaluate(snapshot), "SO")
    assert sorted(u for u, _b, _n in found.risen) == ["SNV", "STP", "SXD", "SYT"]


@needs_poppler
def test_the_heat_map_prints_each_share_of_the_maximum_in_its_colour(province,  # noqa: F811
                                                                     tmp_path):
    _last_year(province)
    pdf = build_results(province, tmp_path / "bc.pdf")
    text = flat(pdf, layout=True)
    assert ("Phụ lục II TỶ LỆ ĐIỂM ĐẠT THEO LĨNH VỰC CỦA CÁC ĐƠN VỊ NĂM 2025 (Kèm theo Báo cáo "
            "kết quả xác định Chỉ số cải cách hành chính năm 2025) Bảng 1. Tỷ lệ điểm đạt so "
            "với điểm tối đa theo lĩnh vực năm 2025 — Khối sở") in text
    rows = " ".join([" ".join(r) for r in ROWS[:-1]] + [" ".join(ROWS[-1][1:])])
    assert rows in text
    assert ("Lĩnh vực: 1. Công tác chỉ đạo; 2. Cải cách tài chính công; 3. Mức độ hài lòng. "
            "Mỗi ô là tỷ lệ (%)") in text
    assert "“—”" not in text  # every area applies to every unit here
    # the cell's background: SXD's 50 % (area 3) amber-red, STP's 100 % green, on the scale
    # the analysis window paints
    page = int(subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
               .stdout.split("Pages:")[1].split()[0])
    found = {w[0]: w for w in words(pdf, page)}
    for figure, share in (("50,00", D("0.5")), ("100,00", D(1)), ("70,00", D("0.7"))):
        _word, x1, y1, _x2, y2 = found[figure]
        got = pixel(pdf, page, x1 - 2, (y1 + y2) / 2)
        assert all(abs(a - b) <= 2 for a, b in zip(got, heat_rgb(share), strict=True)), figure
    low, high = (pixel(pdf, page, found[f][1] - 2, (found[f][2] + found[f][4]) / 2)
                 for f in ("50,00", "100,00"))
    assert low[0] - low[1] > 20 and high[1] - high[0] > 100  # red over green; green over red
    assert heat_rgb(D(0)) == (230, 90, 110) and heat_rgb(D(1)) == (80, 200, 110)


def test_the_word_draft_carries_the_same_cells_and_colours(province,  # noqa: F811
                                                           tmp_path):
    from docx import Document
    from docx.oxml.ns import qn
    _last_year(province)
    with province.edit("test") as ed:  # SXD: no survey this year
        ed.set_applicable("SXD", "3", False, "Không khảo sát")
    out = build_results(province, tmp_path / "bc.docx")
    tables = [t for t in Document(str(out)).tables if t.rows[0].cells[0].text == "Hạng"]
    assert len(tables) == 1
    cells = [[c.text for c in row.cells] for row in tables[0].rows]
    assert cells == [*ROWS[:3], ["3", "Sở Xây dựng", "100,00", "70,00", "—"],
                     ["Bình quân của khối", "Bình quân của khối", "86,67", "83,33", "90,00"]]

    def fill(r: int, c: int) -> str | None:
        shd = tables[0].rows[r].cells[c]._tc.tcPr.find(qn("w:shd"))
        return None if shd is None else shd.get(qn("w:fill"))
    assert fill(3, 3) == "{:02X}{:02X}{:02X}".format(*heat_rgb(D("0.7"))) == "AAC86E"
    assert fill(2, 4) == "50C86E"  # 100 %
    assert fill(3, 4) is None  # not applicable: no colour
    assert fill(0, 2) == "EDEDED"  # the header keeps its grey
    text = " ".join(p.text for p in Document(str(out)).paragraphs)
    assert "ô có dấu “—”: lĩnh vực không áp dụng cho đơn vị." in text
    assert "Lĩnh vực đạt thấp nhất: 2. Cải cách tài chính công (bình quân 83,33%" in text


@needs_poppler
def test_the_charts_tell_every_unit_apart(province, tmp_path):  # noqa: F811
    """A bar's long name loses its middle, not its end — two project boards differ only there —
    and two labels never read alike (the demo's two «Ban Quản lý dự án đầu tư xây …» bars did)."""
    from parapp.core.reports.chart import _labels
    boards = ["Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh",
              "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh",
              "Ban Quản lý các khu công nghiệp tỉnh", "Sở Y tế"]
    labels = _labels(boards)
    assert labels[1:] == ["Ban Quản lý…giao thông tỉnh", "Ban Quản lý các khu công nghiệp tỉnh",
                          "Sở Y tế"]
    assert len(set(labels)) == 4 and labels[0].endswith("công nghiệp tỉnh")
    with province.edit("test") as ed:
        for code, name in (("SXD", boards[0]), ("STP", boards[1])):
            ed.update_unit(code, name=name)
    build_results(province, tmp_path / "bc.pdf")
    text = flat(tmp_path / "bc.pdf")
    chart = text[text.index("Biểu đồ 1."):]
    shown = ["Ban Quản lý…công nghiệp tỉnh", "Ban Quản lý…giao thông tỉnh"]
    assert _labels(boards[:2]) == shown
    assert "Ban Quản lý…công nghiệp tỉnh" in chart and "Ban Quản lý…giao thông tỉnh" in chart
    pages = subprocess.run(["pdftotext", str(tmp_path / "bc.pdf"), "-"], check=True,
                           capture_output=True, text=True).stdout.split("\f")
    (page,) = [p for p in pages if "Biểu đồ 1." in p]
    assert "Chỉ số (%)" in page  # the chart under its title, not alone on the next page
