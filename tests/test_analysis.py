"""Where the points were lost: the numbers against a small province computed by hand — a
leaf not applicable to one unit, a survey-fed leaf, a second appraisal, a bonus line."""
from __future__ import annotations

import json
from decimal import Decimal as D

import pytest

from parapp.cli import main
from parapp.core.analysis import criterion_stats, read_notes, unit_losses
from parapp.core.store import Store

LATE = "Kế hoạch ban hành chậm"


@pytest.fixture
def province(tmp_path):
    """Three departments. Areas 1 (SNV: 1.1 of 4, 1.2 of 6), 2 (STC: 2.1, 2.2 of 5 each) and
    3 (3.1, 2 points from the survey). SXD: 1.2 not applicable."""
    store = Store.create(tmp_path / "ky.parapp", "Tỉnh Sơn Hà", 2025)
    with store.edit("test") as ed:
        ed.add_block("SO", "Khối sở")
        ed.add_member("SNV", "Sở Nội vụ")
        ed.add_member("STC", "Sở Tài chính")
        ed.add_criterion("1", "Công tác chỉ đạo", "10", appraiser="SNV")
        ed.add_criterion("1.1", "Kế hoạch CCHC", "4", "1")
        ed.add_criterion("1.2", "Báo cáo CCHC", "6", "1")
        ed.add_criterion("2", "Cải cách tài chính công", "10", appraiser="STC")
        ed.add_criterion("2.1", "Giao quyền tự chủ", "5", "2")
        ed.add_criterion("2.2", "Thực hiện tự chủ", "5", "2")
        ed.add_criterion("3", "Mức độ hài lòng", "2")
        ed.add_criterion("3.1", "Điều tra xã hội học", "2", "3", source="survey")
        for code, name in (("SYT", "Sở Y tế"), ("STP", "Sở Tư pháp"), ("SXD", "Sở Xây dựng")):
            ed.add_unit(code, name, "SO")
        ed.set_applicable("SXD", "1.2", False, "Không có nhiệm vụ báo cáo")
        for unit, leaf, own, appraised, note in (
                ("SYT", "1.1", "4", "3", LATE), ("SYT", "1.2", "5", None, ""),
                ("SYT", "2.1", "5", "5", ""), ("SYT", "2.2", "4", "4", ""),
                ("STP", "1.1", "4", "2", LATE), ("STP", "1.2", "6", "6", ""),
                ("STP", "2.1", "5", "4", "Chưa giao tự chủ"), ("STP", "2.2", "5", None, ""),
                ("SXD", "1.1", "4", "4", ""), ("SXD", "2.1", "3", "3", ""),
                ("SXD", "2.2", "5", None, "")):
            ed.set_self_score(unit, leaf, own)
            if appraised is not None:
                ed.set_appraisal(unit, leaf, appraised, note)
        # round 2 settles SXD 2.1 lower still; its reason is the one in force
        ed.set_appraisal("SXD", "2.1", "2", "Thiếu quyết định giao tự chủ", round=2)
        for unit, pct in (("SYT", "80"), ("STP", "100"), ("SXD", "50")):
            ed.set_survey(unit, survey=pct)
        ed.add_adjustment("SYT", "bonus", "Sáng kiến cấp tỉnh", "1")  # not a leaf: no loss
    return store


def _evaluated(store):
    snapshot = store.snapshot()
    from parapp.core.evaluation import evaluate
    return snapshot, evaluate(snapshot)


def test_a_units_lost_points_by_area_beside_its_block(province):
    snapshot, result = _evaluated(province)
    syt = unit_losses(snapshot, result, "SYT", read_notes(province).get("SYT", {}),
                      {"SNV": "Sở Nội vụ", "STC": "Sở Tài chính"})
    assert [(a.number, a.lost) for a in syt.areas] == [("1", D(2)), ("2", D(1)),
                                                       ("3", D("0.4"))]
    assert syt.lost == D("3.4")
    rows = [(leaf.number, leaf.max, leaf.self_points, leaf.points, leaf.lost, leaf.note,
             leaf.by, leaf.block_average, leaf.block_best)
            for area in syt.areas for leaf in area.leaves]
    assert rows == [
        ("1.1", D(4), D(4), D(3), D(1), LATE, "Sở Nội vụ", D(3), D(4)),  # 3, 2, 4
        ("1.2", D(6), D(5), D(5), D(1), "", "Sở Nội vụ", D("5.5"), D(6)),  # SXD: n/a
        ("2.2", D(5), D(4), D(4), D(1), "", "Sở Tài chính", D(14) / 3, D(5)),
        ("3.1", D(2), None, D("1.6"), D("0.4"), "", "ĐTXHH", D("4.6") / 3, D(2))]


def test_each_sub_criterion_across_the_block(province):
    snapshot, result = _evaluated(province)
    stats = criterion_stats(snapshot, result, read_notes(province), block="SO")
    got = [(s.code, s.units, s.losing, s.share, s.lost, s.worst, s.reasons, s.over_scored,
            s.over_scoring) for s in stats]
    assert got == [
        # 2.1: 5, 4 and 2 (SXD's second appraisal) of 5; STP and SXD scored themselves above
        ("2.1", 3, 2, D("2.2") / 3, D(4), (("SXD", D(3)), ("STP", D(1))),
         (("Chưa giao tự chủ", 1), ("Thiếu quyết định giao tự chủ", 1)), 2, D(2)),
        ("1.1", 3, 2, D("0.75"), D(3), (("STP", D(2)), ("SYT", D(1))), ((LATE, 2),), 2, D(3)),
        ("3.1", 3, 2, D("2.3") / 3, D("1.4"), (("SXD", D(1)), ("SYT", D("0.4"))), (), 0, D(0)),
        ("1.2", 2, 1, (D(5) / 6 + 1) / 2, D(1), (("SYT", D(1)),), (), 0, D(0)),  # SXD: n/a
        ("2.2", 3, 1, D("2.8") / 3, D(1), (("SYT", D(1)),), (), 0, D(0))]


def test_the_command_line_prints_and_writes_json(province, capsys):
    path = str(province.path)
    province.close()
    assert main(["losses", path, "--unit", "SYT", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["lost"] == "3.4" and [a["number"] for a in data["areas"]] == ["1", "2", "3"]
    assert data["areas"][0]["leaves"][0] == {
        "number": "1.1", "code": "1.1", "name": "Kế hoạch CCHC", "max": "4", "self": "4",
        "points": "3", "lost": "1", "note": LATE, "by": "Sở Nội vụ", "block_average": "3",
        "block_best": "4"}
    assert main(["analysis", path, "--block", "SO", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["criteria"]
    assert [(r["code"], r["losing"], r["lost"]) for r in rows] == [
        ("2.1", 2, "4"), ("1.1", 2, "3"), ("3.1", 2, "1.4"), ("1.2", 1, "1"), ("2.2", 1, "1")]
    assert main(["losses", path, "--unit", "SYT"]) == 0
    out = capsys.readouterr().out
    assert "1.1  Kế hoạch CCHC" in out and "3,40" in out


def test_the_workbooks_hold_the_same_figures(province, tmp_path):
    from openpyxl import load_workbook
    path = str(province.path)
    province.close()
    assert main(["losses", path, "--unit", "SYT", "-o", str(tmp_path / "syt.xlsx")]) == 0
    rows = list(load_workbook(tmp_path / "syt.xlsx")["Điểm bị trừ"].iter_rows(values_only=True))
    assert rows[1] == ("1. Công tác chỉ đạo", "1.1", "Kế hoạch CCHC", 4, 4, 3, 1, LATE,
                       "Sở Nội vụ", 3, 4)
    assert rows[3] == ("Cộng lĩnh vực 1", None, None, 10, None, 8, 2, None, None, None, None)
    assert rows[-1][0] == "Tổng điểm bị trừ của Sở Y tế" and rows[-1][6] == pytest.approx(3.4)
    assert main(["analysis", path, "-o", str(tmp_path / "phan-tich.xlsx")]) == 0
    sheet = load_workbook(tmp_path / "phan-tich.xlsx")["Theo tiêu chí"]
    first = next(sheet.iter_rows(min_row=2, values_only=True))
    assert first[:7] == ("2.1", "Giao quyền tự chủ", "2", 3, 2, pytest.approx(220 / 3), 4)
    assert first[7:] == ("SXD (3,00); STP (1,00)",
                         "Chưa giao tự chủ (1); Thiếu quyết định giao tự chủ (1)", 2, 2)


@pytest.mark.skipif(not __import__("shutil").which("pdftotext"), reason="poppler-utils missing")
def test_the_units_lost_points_print_for_its_leader(province, tmp_path):
    import subprocess
    path = str(province.path)
    province.close()
    out = tmp_path / "diem-bi-tru.pdf"
    assert main(["losses", path, "--unit", "SYT", "-o", str(out)]) == 0
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(out), "-"], check=True,
                                   capture_output=True, text=True).stdout.split())
    assert "PHÂN TÍCH Các tiêu chí thành phần bị trừ điểm năm 2025 của Sở Y tế" in text
    assert ("1 CÔNG TÁC CHỈ ĐẠO 10,00 8,00 2,00 1.1 Kế hoạch CCHC 4,00 4,00 3,00 1,00 3,00 4,00 "
            f"{LATE} Sở Nội vụ") in text
    assert "3.1 Điều tra xã hội học 2,00 1,60 0,40 1,53 2,00 ĐTXHH" in text
    assert "TỔNG ĐIỂM BỊ TRỪ 3,40" in text
    assert main(["losses", path, "--unit", "SYT", "-o", str(tmp_path / "d.docx")]) == 0


def test_self_assessment_quality_per_unit_and_area(province, capsys):
    from parapp.core.analysis import self_gaps
    snapshot, result = _evaluated(province)
    gaps = [(g.unit, g.leaves, g.gap, g.areas) for g in self_gaps(snapshot, result, "SO")]
    assert gaps == [("STP", 2, D(3), (("1", D(2)), ("2", D(1)))),  # 1.1: 4 → 2; 2.1: 5 → 4
                    ("SXD", 1, D(1), (("2", D(1)),)),  # 2.1: 3 → 2 in round 2
                    ("SYT", 1, D(1), (("1", D(1)),))]  # 1.1: 4 → 3
    path = str(province.path)
    province.close()
    assert main(["analysis", path, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)["self_assessment"]
    assert data[0] == {"unit": "STP", "name": "Sở Tư pháp", "block": "SO", "leaves": 2,
                       "gap": "3", "areas": [{"area": "1", "gap": "2"}, {"area": "2", "gap": "1"}]}


def test_the_summary_names_the_weakest_and_strongest_areas_and_who_rose(province, capsys):
    from parapp.core.analysis import summary
    with province.edit("test") as ed:  # last year: SXD first, SYT third
        for unit, rank in (("SXD", 1), ("STP", 2), ("SYT", 3)):
            ed.update_unit(unit, prev_rank=rank)
    snapshot, result = _evaluated(province)
    found = summary(snapshot, result, "SO")
    # area 3: 1,6/2, 2/2, 1/2; area 2: 9/10, 9/10, 7/10; area 1: 8/10, 8/10, 4/4 (1.2 n/a)
    assert [(a.code, a.units, a.share) for a in found.areas] == [
        ("3", 3, D("2.3") / 3), ("2", 3, D("2.5") / 3), ("1", 3, D("2.6") / 3)]
    assert found.risen == (("SYT", "SO", 2),)  # 3rd → 1st (19,6/22); STP stays 2nd
    assert found.lines() == [
        "Lĩnh vực đạt thấp nhất: 3. Mức độ hài lòng (bình quân 76,67% điểm tối đa); cao nhất: "
        "1. Công tác chỉ đạo (86,67%).", "Tăng hạng nhiều nhất so với năm trước: SYT (+2)."]
    path = str(province.path)
    province.close()
    assert main(["analysis", path, "--block", "SO"]) == 0
    assert capsys.readouterr().out.startswith("Lĩnh vực đạt thấp nhất: 3. Mức độ hài lòng")


def test_the_index_distribution_between_the_classification_thresholds(province):
    from dataclasses import replace

    from parapp.core.analysis import index_distribution
    from parapp.core.classification import Grade, rules_from_setting
    from parapp.core.evaluation import evaluate
    snapshot, result = _evaluated(province)
    # published indexes: SYT 19,6/22 = 89,0909… → 89,09; STP 19/22 = 86,3636… → 86,36;
    # SXD 12/16 (1.2 n/a) = 75,00
    [so] = index_distribution(snapshot, result)  # the period's rules: bands-90-70-50
    assert (so.block, [(p.unit, p.index, p.rank) for p in so.points]) == (
        "SO", [("SYT", D("89.09"), 1), ("STP", D("86.36"), 2), ("SXD", D("75.00"), 3)])
    assert so.thresholds == ((Grade.EXCELLENT, D(90)), (Grade.GOOD, D(70)),
                             (Grade.COMPLETED, D(50)))
    assert [(b.grade, b.low, b.high, b.count, b.share) for b in so.bands] == [
        (Grade.EXCELLENT, D(90), None, 0, 0), (Grade.GOOD, D(70), D(90), 3, 1),
        (Grade.COMPLETED, D(50), D(70), 0, 0), (Grade.NOT_COMPLETED, None, D(50), 0, 0)]
    # (89,09 + 86,36 + 75,00) / 3 = 250,45 / 3 = 83,48333…; the middle one 86,36
    assert (so.minimum, so.maximum, so.average, so.median) == (
        D("75.00"), D("89.09"), D("250.45") / 3, D("86.36"))
    assert so.caveats == ()

    # thresholds on the units' own indexes: a minimum is reached at it (89,09 ≥ 89,09)
    rules = rules_from_setting([{"grade": "xuat_sac", "min_index": "89.09", "max_rank": 1},
                                {"grade": "tot", "min_index": "80"},
                                {"grade": "hoan_thanh", "min_index": "75"},
                                {"grade": "khong_hoan_thanh"}])
    [so] = index_distribution(snapshot, result, "SO", rules)
    assert [(b.low, b.high, b.units, b.share) for b in so.bands] == [
        (D("89.09"), None, ("SYT",), D(1) / 3), (D(80), D("89.09"), ("STP",), D(1) / 3),
        (D(75), D(80), ("SXD",), D(1) / 3), (None, D(75), (), 0)]
    assert so.caveats == ("Hoàn thành xuất sắc nhiệm vụ; chỉ số ≥ 89,09%; xếp hạng ≤ 1",)

    # no minimum index at all: one band, the grade of the first rule that asks nothing, and
    # the reason there is no threshold
    rules = rules_from_setting([{"grade": "xuat_sac", "max_rank": 1}, {"grade": "tot"}])
    [so] = index_distribution(snapshot, result, "SO", rules)
    assert so.thresholds == () and [(b.grade, b.low, b.high, b.count) for b in so.bands] == [
        (Grade.GOOD, None, None, 3)]
    assert so.caveats[0].startswith("Các quy tắc xếp loại không dùng ngưỡng chỉ số")

    # an even count: the median is the mean of the middle two, (89,09 + 86,36) / 2
    two = replace(snapshot, units=[u for u in snapshot.units if u.code != "SXD"])
    [so] = index_distribution(two, evaluate(two), "SO")
    assert (so.median, so.average, so.minimum) == (D("87.725"), D("87.725"), D("86.36"))
    assert index_distribution(snapshot, result, "XA") == []
