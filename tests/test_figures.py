"""Declared figures: the unit enters the figure (3194 of 3400 records online, the cases found)
and the points follow with the criterion's method; the figure is kept, shown to the appraiser,
corrected by the appraiser with a reason, and travels in packages."""
from __future__ import annotations

import sqlite3
from decimal import Decimal as D

import pytest
from test_council import sha

from parapp.core.errors import ValidationError
from parapp.core.merge import merge_packages
from parapp.core.packages import (
    export_package,
    export_unit_package,
    load_key,
    new_key,
    seal_package,
)
from parapp.core.store import Store


@pytest.fixture
def period(tmp_path):
    store = Store.create(tmp_path / "ky.parapp", "Tỉnh Thử", 2026)
    with store.edit("cli") as ed:
        ed.add_block("SO", "Khối sở")
        ed.add_member("SNV", "Sở Nội vụ")
        ed.add_unit("STP", "Sở Tư pháp", "SO")
        ed.add_criterion("7", "Hiện đại hóa hành chính", "10", appraiser="SNV")
        ed.add_criterion("7.1", "Tỷ lệ hồ sơ trực tuyến", "2", "7", method="proportional",
                         params={"threshold": "50"})
        ed.add_criterion("7.2", "Hồ sơ đúng hạn", "4", "7", method="bands",
                         params={"bands": [["100", "4"], ["95", "3"], ["90", "2"]]})
        ed.add_criterion("7.3", "Hồ sơ trễ hạn", "2", "7", method="per_case",
                         params={"per_case": "0.25", "most": "1"})
        ed.add_criterion("7.4", "Ban hành kế hoạch", "2", "7")
    return store


@pytest.mark.parametrize("criterion, figure, stored, points", [
    ("7.1", "3194/3400", "3194/3400", D("1.88")),  # 93.94 % of 2, to the hundredth
    ("7.1", "3.194/3.400", "3.194/3.4", D("1.88")),  # thousands dots: the same ratio
    ("7.1", "97,5%", "97.5%", D("1.95")),
    ("7.1", "1000/3400", "1000/3400", D("0")),  # 29 %: below the 50 % threshold
    ("7.2", "19/20", "19/20", D("3")),  # 95 % reaches the second band
    ("7.2", "89,9 %", "89.9%", D("0")),
    ("7.3", "3", "3", D("1.25")),  # 2 less 3 × 0.25
    ("7.3", "10", "10", D("1")),  # at most 1 deducted in all
])
def test_the_points_follow_from_the_declared_figure(period, criterion, figure, stored, points):
    with period.edit("gui") as ed:
        ed.write_scores([("STP", criterion, {"self_figure": figure})])
    score = period.score("STP", criterion)
    assert (score["self_figure"], score["self_points"]) == (stored, points)


@pytest.mark.parametrize("criterion, figure, message", [
    ("7.1", "3400/3194", "số liệu '3400/3194' phải là tỷ lệ a/b"),
    ("7.1", "3194/0", "phải là tỷ lệ a/b"),
    ("7.1", "abc", "phải là tỷ lệ a/b"),
    ("7.1", "120%", "phần trăm 0…100%"),
    ("7.3", "1,5", "số trường hợp '1,5' phải là số nguyên không âm"),
    ("7.4", "3/4", "tiêu chí chấm «Chấm trực tiếp»: nhập điểm, không nhập số liệu"),
])
def test_a_figure_that_cannot_be_one_is_refused_and_nothing_changes(period, criterion, figure,
                                                                     message):
    before = sha(period.path)
    with pytest.raises(ValidationError, match=f"Đơn vị STP, tiêu chí {criterion}: .*{message}"):
        with period.edit("gui") as ed:
            ed.write_scores([("STP", criterion, {"self_figure": figure})])
    assert sha(period.path) == before


def test_points_that_do_not_follow_from_the_figure_are_refused(period):
    with pytest.raises(ValidationError, match=r"điểm 2 không khớp với số liệu 3194/3400 "
                                              r"\(1,88 điểm\)"):
        with period.edit("gui") as ed:
            ed.write_scores([("STP", "7.1", {"self_figure": "3194/3400",
                                             "self_points": D(2)})])


def test_points_typed_over_a_figure_drop_it(period):
    with period.edit("gui") as ed:
        ed.write_scores([("STP", "7.1", {"self_figure": "3194/3400"})])
        ed.write_scores([("STP", "7.1", {"self_points": D("1.5")})])
    score = period.score("STP", "7.1")
    assert (score["self_figure"], score["self_points"]) == ("", D("1.5"))


def test_the_appraiser_corrects_the_figure_with_a_reason(period):
    with period.edit("gui") as ed:
        ed.write_scores([("STP", "7.1", {"self_figure": "3194/3400"})])
    with pytest.raises(ValidationError, match="phải ghi lý do"):
        with period.edit("gui") as ed:
            ed.write_scores([("STP", "7.1", {"appraisal_figure": "3000/3400"})])
    with period.edit("gui") as ed:
        ed.write_scores([("STP", "7.1", {"appraisal_figure": "3000/3400", "appraisal_note":
                                         "Hệ thống ghi nhận 3000 hồ sơ trực tuyến"})])
    score = period.score("STP", "7.1")
    assert (score["self_figure"], score["self_points"]) == ("3194/3400", D("1.88"))
    assert (score["appraisal_figure"], score["appraisal_points"]) == ("3000/3400", D("1.76"))


def test_figures_travel_in_packages_and_a_forged_one_is_refused(period, tmp_path):
    keys = {c: tmp_path / f"{c}.key" for c in ("STP", "SNV")}
    with period.edit("cli") as ed:
        ed.register_unit_key("STP", new_key(keys["STP"]))
        ed.register_key("SNV", new_key(keys["SNV"]))
    unit = export_unit_package(period, "STP", tmp_path / "stp.parapp").path
    with Store.open(unit) as pkg, pkg.edit("gui") as ed:
        ed.write_scores([("STP", "7.1", {"self_figure": "3194/3400"}),
                         ("STP", "7.3", {"self_figure": "2"})])
    seal_package(unit, load_key(keys["STP"]))
    merge_packages(period, [unit])
    assert [period.score("STP", c)["self_points"] for c in ("7.1", "7.3")] == [D("1.88"),
                                                                                D("1.5")]
    assert period.score("STP", "7.1")["self_figure"] == "3194/3400"
    # the member sees the figure and corrects it in its package
    member = export_package(period, "SNV", tmp_path / "snv.parapp").path
    with Store.open(member) as pkg:
        assert pkg.score("STP", "7.1")["self_figure"] == "3194/3400"
        with pkg.edit("gui") as ed:
            ed.write_scores([("STP", "7.1", {"appraisal_figure": "3000/3400",
                                             "appraisal_note": "Theo hệ thống một cửa"})])
    # a package whose points do not follow from its figure cannot pass, however sealed
    con = sqlite3.connect(member)
    con.execute("UPDATE score SET appraisal_points = '2' WHERE appraisal_figure != ''")
    con.commit()
    con.close()
    seal_package(member, load_key(keys["SNV"]))
    before = sha(period.path)
    with pytest.raises(ValidationError, match="không khớp với số liệu 3000/3400"):
        merge_packages(period, [member])
    assert sha(period.path) == before


def test_a_unit_prepares_its_figures_in_the_scores_workbook(period, tmp_path):
    from openpyxl import Workbook

    from parapp.core.interchange.importer import ImportFailed, import_file
    wb = Workbook()
    ws = wb.active
    ws.title = "Điểm"
    ws.append(["Mã đơn vị", "Mã tiêu chí", "Điểm tự đánh giá", "Số liệu tự đánh giá"])
    ws.append(["STP", "7.1", None, "3194/3400"])
    ws.append(["STP", "7.3", None, "2"])
    wb.save(tmp_path / "so-lieu.xlsx")
    assert import_file(period, "scores", tmp_path / "so-lieu.xlsx").changed == 2
    assert [(period.score("STP", c)["self_figure"], period.score("STP", c)["self_points"])
            for c in ("7.1", "7.3")] == [("3194/3400", D("1.88")), ("2", D("1.5"))]
    ws.append(["STP", "7.2", 4, "19/20"])  # 95 % gives 3, not 4
    ws.append(["STP", "7.4", None, "1/2"])
    wb.save(tmp_path / "so-lieu.xlsx")
    before = sha(period.path)
    with pytest.raises(ImportFailed) as failed:
        import_file(period, "scores", tmp_path / "so-lieu.xlsx")
    assert "Điểm!C4: điểm tự đánh giá 4,00 không khớp với số liệu 19/20 (3,00 điểm)" in str(
        failed.value)
    assert "Điểm!D5: tiêu chí chấm «Chấm trực tiếp»: nhập điểm, không nhập số liệu" in str(
        failed.value)
    assert sha(period.path) == before
