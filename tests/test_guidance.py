"""The criteria set's own words beside each criterion — how points are given ("cách tính điểm")
and the evidence required ("yêu cầu TLKC"): kept in the period, carried by the criteria
workbook both ways, shown beside the score fields."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook
from qt_helpers import open_window

from parapp.core.interchange.exporter import export_data
from parapp.core.interchange.importer import import_file
from parapp.core.interchange.xlsx import ImportFailed
from parapp.core.store import Store

LEAF = "1.1.3"  # a percentage-band criterion with evidence required


def test_the_demo_set_says_how_points_are_given(small_demo):
    with Store.open(small_demo, readonly=True) as store:
        node = store.tree().by_code[LEAF]
    assert node.guidance == ("tỷ lệ từ 100% trở lên: 1,00 điểm; tỷ lệ từ 80% trở lên: 0,50 "
                             "điểm; tỷ lệ từ 0% trở lên: 0,00 điểm")
    assert node.evidence_guidance.startswith("Văn bản, báo cáo chứng minh kết quả")


def test_the_criteria_workbook_carries_the_guidance_both_ways(small_demo, tmp_path):
    with Store.open(small_demo) as store:
        export_data(store, tmp_path / "du-lieu.xlsx")
    book = load_workbook(tmp_path / "du-lieu.xlsx")
    sheet = book["Tiêu chí"]
    header = [c.value for c in sheet[1]]
    guidance, evidence = header.index("Cách tính điểm"), header.index("Yêu cầu TLKC")
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == LEAF)
    assert row[guidance].value.startswith("tỷ lệ từ 100% trở lên: 1,00 điểm")
    row[guidance].value = "Hoàn thành 100% nhiệm vụ: 1 điểm; từ 80%: 0,5 điểm; dưới 80%: 0"
    row[evidence].value = "Báo cáo kết quả thực hiện kế hoạch CCHC năm"
    for name in book.sheetnames:
        if name != "Tiêu chí":
            del book[name]
    book.save(tmp_path / "tieu-chi.xlsx")
    with Store.open(small_demo) as store:
        import_file(store, "criteria", tmp_path / "tieu-chi.xlsx")
        node = store.tree().by_code[LEAF]
        assert (node.guidance, node.evidence_guidance) == (
            "Hoàn thành 100% nhiệm vụ: 1 điểm; từ 80%: 0,5 điểm; dưới 80%: 0",
            "Báo cáo kết quả thực hiện kế hoạch CCHC năm")
    # a workbook without the columns keeps what the period has
    sheet.delete_cols(evidence + 1)
    sheet.delete_cols(guidance + 1)
    book.save(tmp_path / "khong-co-cot.xlsx")
    with Store.open(small_demo) as store:
        import_file(store, "criteria", tmp_path / "khong-co-cot.xlsx")
        assert store.tree().by_code[LEAF].evidence_guidance == (
            "Báo cáo kết quả thực hiện kế hoạch CCHC năm")


@pytest.mark.gui
def test_the_editor_shows_the_sets_words_beside_the_fields(qtbot, small_demo):
    window = open_window(qtbot, small_demo)
    assert window.select_unit("SYT") and window.select_criterion(LEAF)
    label = window.editor.guidance_label
    assert label.isVisible()
    text = label.text()
    assert "<b>Cách tính điểm:</b> tỷ lệ từ 100% trở lên: 1,00 điểm" in text
    assert "<b>Yêu cầu tài liệu kiểm chứng:</b> Văn bản, báo cáo chứng minh kết quả" in text
    assert window.select_criterion("7.2.2")  # a leaf that needs no evidence: how only
    assert label.isVisible() and label.text() == (
        "<b>Cách tính điểm:</b> Điểm = tỷ lệ đạt được × điểm tối đa")


# -- a proportional criterion that scores 0 below a threshold ------------------------------------

def test_a_survey_criterion_scores_nothing_below_its_threshold(small_demo, tmp_path):
    """'SIPAS dưới 50%: 0 điểm', as some provincial sets write it: the engine gives 0 below
    the threshold and the proportion above; the criteria workbook carries it both ways."""
    from decimal import Decimal as D

    from parapp.core.criteria import points_from_measure
    with Store.open(small_demo) as store:
        with store.edit("test") as ed:
            ed.update_criterion("8.1", params={"threshold": "50"})
        unit = next(u for u in store.units() if u.code == "X001")
        with store.edit("test") as ed:
            ed.set_survey("X001", sipas="49.9")
        result = store.evaluate().results[unit.uuid]
        assert result.sipas == D(0)
        with store.edit("test") as ed:
            ed.set_survey("X001", sipas="50")
        node = store.tree().by_code["8.1"]
        top = node.max_for("XA")
        assert store.evaluate().results[unit.uuid].sipas == D("50") * top / 100
        assert points_from_measure(node, "XA", D("49.99")) == 0
        export_data(store, tmp_path / "du-lieu.xlsx")
    book = load_workbook(tmp_path / "du-lieu.xlsx")
    sheet = book["Tiêu chí"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "8.1")
    assert row[header.index("Cách chấm")].value == "Tỷ lệ thuận: dưới 50% 0 điểm"
    row[header.index("Cách chấm")].value = "Tỷ lệ thuận: dưới 40% 0 điểm"
    for name in book.sheetnames:
        if name != "Tiêu chí":
            del book[name]
    book.save(tmp_path / "tieu-chi.xlsx")
    with Store.open(small_demo) as store:
        import_file(store, "criteria", tmp_path / "tieu-chi.xlsx")
        assert dict(store.tree().by_code["8.1"].params) == {"threshold": "40"}
    row[header.index("Cách chấm")].value = "Tỷ lệ thuận: khoảng 40"
    book.save(tmp_path / "sai.xlsx")
    with Store.open(small_demo) as store, pytest.raises(ImportFailed) as err:
        import_file(store, "criteria", tmp_path / "sai.xlsx")
    assert "tỷ lệ thuận chỉ nhận một ngưỡng, ví dụ «Tỷ lệ thuận: dưới 50% 0 điểm»" in str(err.value)


# -- a deduction per case with a floor ---------------------------------------------------------

def test_a_deduction_per_case_with_a_most(small_demo, tmp_path):
    """"Trừ 0,25 điểm mỗi trường hợp, tối đa 0,75": the points the criterion takes are its
    maximum less whole cases, down to the floor; the workbook writes and reads it; a wrong
    scoring text is refused naming the cell."""
    from decimal import Decimal as D

    from parapp.core.criteria import check_points, per_case_points
    from parapp.core.errors import ValidationError
    with Store.open(small_demo) as store:
        with store.edit("test") as ed:  # a 1-point criterion of the commune block
            ed.update_criterion("1.1.3", method="per_case",
                                params={"per_case": "0.25", "most": "0.75"})
        node = store.tree().by_code["1.1.3"]
        top = node.max_for("XA")
        assert top == D("1.00")
        assert [per_case_points(node, "XA", n) for n in range(5)] == [
            D("1.00"), D("0.75"), D("0.50"), D("0.25"), D("0.25")]
        assert check_points(node, "XA", D("0.5")) is None
        assert check_points(node, "XA", D("0.6")) == (
            "điểm phải là 1,00 trừ 0,25 mỗi trường hợp, thấp nhất 0,25")
        assert check_points(node, "XA", D("0")) is not None  # below the floor
        with pytest.raises(ValidationError) as err, store.edit("test") as ed:
            ed.write_scores([("X001", "1.1.3", {"self_points": "0.6"})])
        assert str(err.value).endswith("điểm phải là 1,00 trừ 0,25 mỗi trường hợp, thấp nhất 0,25")
        with store.edit("test") as ed:
            ed.write_scores([("X001", "1.1.3", {"self_points": "0.5"})])
        export_data(store, tmp_path / "du-lieu.xlsx")
    book = load_workbook(tmp_path / "du-lieu.xlsx")
    sheet = book["Tiêu chí"]
    header = [c.value for c in sheet[1]]
    column = header.index("Cách chấm")
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "1.1.3")
    assert row[column].value == "Trừ theo trường hợp: 0,25 mỗi trường hợp; tối đa 0,75"
    row[column].value = "Trừ theo trường hợp: 0,5 điểm mỗi trường hợp"
    for name in book.sheetnames:
        if name != "Tiêu chí":
            del book[name]
    book.save(tmp_path / "tieu-chi.xlsx")
    with Store.open(small_demo) as store:
        import_file(store, "criteria", tmp_path / "tieu-chi.xlsx")
        assert dict(store.tree().by_code["1.1.3"].params) == {"per_case": "0.5"}
    row[column].value = "Trừ theo trường hợp: nhiều"
    book.save(tmp_path / "sai.xlsx")
    with Store.open(small_demo) as store, pytest.raises(ImportFailed) as err:
        import_file(store, "criteria", tmp_path / "sai.xlsx")
    assert "trừ theo trường hợp cần số điểm trừ mỗi trường hợp" in str(err.value)


# -- survey results per criterion ------------------------------------------------------------------

def test_survey_results_per_criterion_take_the_place_of_the_units_one(small_demo, tmp_path):
    """A survey team reporting per question group: each survey-fed leaf takes its own result,
    the others the unit's one percentage; the workbook sheet «Điều tra theo tiêu chí» carries
    them both ways and refuses what is not a survey-fed leaf, naming the cell."""
    from decimal import Decimal as D

    from parapp.core.errors import ValidationError
    with Store.open(small_demo) as store:
        tree = store.tree()
        fed = [k for k in tree.preorder if tree.is_leaf(k)
               and tree.nodes[k].source.value == "survey"]
        first, second = tree.nodes[fed[0]], tree.nodes[fed[1]]
        unit = next(u for u in store.units() if u.code == "X001")
        before = store.evaluate().results[unit.uuid]
        unit_pct = store.unit_input("X001").survey_pct
        with store.edit("test") as ed:
            ed.set_survey_item("X001", first.code, "40")
        after = store.evaluate().results[unit.uuid]
        top = first.max_for("XA")
        assert after.node_points[first.key] == D(40) * top / 100
        assert after.node_points[second.key] == before.node_points[second.key]  # the unit's %
        assert after.survey == before.survey - unit_pct * top / 100 + D(40) * top / 100
        for criterion, pct, message in (
                ("1.1.1", "50", "Đơn vị X001, tiêu chí 1.1.1: tiêu chí do đơn vị tự đánh giá, không "
                                "lấy điểm từ khảo sát"),
                (first.code, "120", f"Đơn vị X001, tiêu chí {first.code}: tỷ lệ phải trong "
                                    "khoảng 0…100%")):
            with pytest.raises(ValidationError) as err, store.edit("test") as ed:
                ed.set_survey_item("X001", criterion, pct)
            assert str(err.value) == message
        export_data(store, tmp_path / "du-lieu.xlsx")
    book = load_workbook(tmp_path / "du-lieu.xlsx")
    sheet = book["Điều tra theo tiêu chí"]
    assert [c.value for c in sheet[1]] == ["Mã đơn vị", "Mã tiêu chí", "Tỷ lệ (%)"]
    assert [c.value for c in sheet[2]] == ["X001", first.code, 40]
    sheet.append(["X002", second.code, "75,5"])
    for name in book.sheetnames:
        if name != "Điều tra theo tiêu chí":
            del book[name]
    book.save(tmp_path / "theo-tieu-chi.xlsx")
    with Store.open(small_demo) as store:
        import_file(store, "survey_items", tmp_path / "theo-tieu-chi.xlsx")
        assert store.unit_input("X002").measured == {second.key: D("75.5")}
    sheet.append(["X002", "1.1.1", 50])
    book.save(tmp_path / "sai.xlsx")
    with Store.open(small_demo) as store, pytest.raises(ImportFailed) as err:
        import_file(store, "survey_items", tmp_path / "sai.xlsx")
    assert "B4: tiêu chí «1.1.1» không phải tiêu chí thành phần lấy điểm từ ĐTXHH hoặc SIPAS" \
        in str(err.value)
