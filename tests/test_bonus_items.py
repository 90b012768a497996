"""The set's bonus and penalty catalogue: items with their own maximum, evidence rule and
appraising member; a unit's line naming an item takes its kind and name and stays within its
maximum; the workbooks carry both."""
from __future__ import annotations

from decimal import Decimal as D

import pytest
from openpyxl import Workbook
from test_council import make_master, sha

from parapp.cli import main
from parapp.core.errors import ValidationError
from parapp.core.interchange.importer import ImportFailed, import_file


def book(path, sheet: str, rows: list[list]):
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


CATALOGUE = [["Mã mục", "Loại", "Nội dung", "Điểm tối đa", "Bắt buộc TLKC",
              "Cơ quan thẩm định"],
             ["K1", "Thưởng", "Sáng kiến CCHC được công nhận cấp tỉnh", 1, "Có", "SNV"],
             ["K2", "Thưởng", "Sáng kiến CCHC được công nhận cấp bộ", 2, "Có", "Sở Nội vụ"],
             ["T1", "Trừ", "Công chức bị kỷ luật vì vi phạm trong giải quyết TTHC", 1.5, None,
              None]]


@pytest.fixture
def master(tmp_path):
    store = make_master(tmp_path / "chinh.parapp")
    report = import_file(store, "bonus_items",
                         book(tmp_path / "danh-muc.xlsx", "Danh mục thưởng, trừ", CATALOGUE))
    assert report.changed == 3
    # what the command and the window print after it (a KeyError once the items were made)
    assert report.lines(digest=False) == ["danh-muc.xlsx: 3 dòng, 3 dòng có thay đổi",
                                          "Tạo mới: 3 mục thưởng/trừ"]
    return store


def test_the_catalogue_is_imported_with_its_maxima_rules_and_appraisers(master):
    items = {i.code: i for i in master.bonus_items()}
    assert [(c, i.kind, i.max_points, i.evidence_required) for c, i in items.items()] == [
        ("K1", "bonus", D(1), True), ("K2", "bonus", D(2), True), ("T1", "penalty", D("1.5"),
                                                                    False)]
    with master.session() as s:
        assert [s.get(type(i), i.id).appraiser.code if i.appraiser_id else None
                for i in items.values()] == ["SNV", "SNV", None]


def test_a_line_naming_an_item_takes_its_kind_and_name_within_its_maximum(master, tmp_path):
    rows = [["Mã đơn vị", "Mã mục", "Loại", "Nội dung", "Điểm tự đánh giá"],
            ["SYT", "K1", None, None, 1],
            ["STP", "T1", None, None, 0.5],
            ["SXD", None, "Thưởng", "Tổ chức hội thi CCHC", 0.5]]
    report = import_file(master, "adjustments", book(tmp_path / "tt.xlsx", "Điểm thưởng, trừ",
                                                     rows))
    assert report.changed == 3
    lines = {u: master.unit_input(u).adjustments for u in ("SYT", "STP", "SXD")}
    assert [(a.kind, a.self_points) for a in lines["SYT"]] == [("bonus", D(1))]
    assert [(a.kind, a.self_points) for a in lines["STP"]] == [("penalty", D("0.5"))]
    from parapp.core.models import Adjustment
    with master.session() as s:
        names = {a.description for a in s.query(Adjustment)}
    assert names == {"Sáng kiến CCHC được công nhận cấp tỉnh", "Tổ chức hội thi CCHC",
                     "Công chức bị kỷ luật vì vi phạm trong giải quyết TTHC"}


def test_above_an_items_maximum_or_of_another_kind_is_refused(master, tmp_path):
    before = sha(master.path)
    rows = [["Mã đơn vị", "Mã mục", "Loại", "Điểm tự đánh giá"],
            ["SYT", "K1", None, 1.5],
            ["STP", "T1", "Thưởng", 1],
            ["SXD", "K9", None, 1]]
    with pytest.raises(ImportFailed) as failed:
        import_file(master, "adjustments", book(tmp_path / "sai.xlsx", "Điểm thưởng, trừ", rows))
    message = str(failed.value)
    assert "Điểm thưởng, trừ!D2: «1.5»: vượt mức tối đa 1 của mục K1" in message
    assert "Điểm thưởng, trừ!C3: mục T1 là điểm trừ" in message
    assert "Điểm thưởng, trừ!B4: không có mục «K9» trong danh mục thưởng, trừ" in message
    assert sha(master.path) == before
    with pytest.raises(ValidationError, match=r"1,5 điểm vượt mức tối đa 1 của mục K1"):
        with master.edit("gui") as ed:
            ed.add_adjustment("SYT", "bonus", "", D("1.5"), item="K1")


def test_an_items_maximum_cannot_fall_below_what_is_claimed(master):
    with master.edit("gui") as ed:
        ed.add_adjustment("SYT", "", "", D(2), item="K2")
    with pytest.raises(ValidationError, match="Đơn vị SYT, Sáng kiến CCHC được công nhận cấp "
                                              "bộ: 2 điểm vượt mức tối đa 1 của mục K2"):
        with master.edit("gui") as ed:
            ed.update_bonus_item("K2", kind="bonus", name="Sáng kiến CCHC được công nhận cấp "
                                 "bộ", max_points=D(1))


def test_the_data_workbook_round_trips_the_catalogue_and_the_lines(master, tmp_path):
    with master.edit("gui") as ed:
        ed.add_adjustment("SYT", "", "", D(1), item="K1")
    out = tmp_path / "du-lieu.xlsx"
    assert main(["export", "data", str(master.path), "-o", str(out)]) == 0
    for kind in ("bonus_items", "adjustments"):
        assert import_file(master, kind, out).changed == 0  # as it is: nothing to write
